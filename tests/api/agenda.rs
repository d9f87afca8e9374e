//! `GET /api/v1/agenda`: a person's week through the API, bounded by the
//! week and by what the role may see, with the same deadline rule as the
//! "My week" page.

use chrono::{DateTime, Duration, NaiveDate, Utc};
use reqwest::StatusCode;
use serde_json::Value;

use crate::helpers::*;

fn instant(v: &Value) -> DateTime<Utc> {
    v.as_str().expect("an instant").parse().expect("RFC 3339")
}

fn ids(v: &Value) -> Vec<String> {
    let mut out: Vec<String> = v
        .as_array()
        .expect("a list")
        .iter()
        .map(|x| x["id"].as_str().expect("an id").to_string())
        .collect();
    out.sort();
    out
}

#[actix_web::test]
async fn the_agenda_holds_the_weeks_hearings_visits_and_deadlines_and_nothing_else() {
    let app = TestApp::spawn_planned_demo().await;
    let amara = app.login(AMARA).await;
    let (status, hearings) = app.get("/api/v1/hearings?per_page=200", &amara).await;
    assert_eq!(status, StatusCode::OK, "{hearings}");
    let first = hearings["items"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|h| h["status"] != "vacated")
        .min_by_key(|h| instant(&h["starts_at"]))
        .expect("Amara has a hearing in the planned demo")
        .clone();
    let day = courtside::calendar::london_date(instant(&first["starts_at"]));
    let from = day - Duration::days(2);
    let start = courtside::calendar::start_of_london_day(from);
    let end = courtside::calendar::start_of_london_day(from + Duration::days(7));

    let (status, week) = app
        .get(&format!("/api/v1/agenda?from={from}"), &amara)
        .await;
    assert_eq!(status, StatusCode::OK, "{week}");
    assert_eq!(week["from"], from.to_string());
    assert_eq!(week["to"], (from + Duration::days(6)).to_string());

    // Every hearing the list shows starting in the week is there, with a
    // sitting in the week; none from outside it.
    let mut want: Vec<String> = hearings["items"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|h| {
            let s = instant(&h["starts_at"]);
            s >= start && s < end
        })
        .map(|h| h["id"].as_str().unwrap().to_string())
        .collect();
    want.sort();
    let got: Vec<String> = {
        let mut v: Vec<String> = week["hearings"]
            .as_array()
            .unwrap()
            .iter()
            .map(|h| h["hearing"]["id"].as_str().unwrap().to_string())
            .collect();
        v.sort();
        v
    };
    assert!(got.contains(&first["id"].as_str().unwrap().to_string()));
    assert_eq!(got, want, "the week's hearings");
    for h in week["hearings"].as_array().unwrap() {
        let sittings = h["sittings"].as_array().unwrap();
        assert!(!sittings.is_empty());
        for s in sittings {
            assert!(instant(&s["starts_at"]) < end && instant(&s["ends_at"]) > start);
        }
    }

    // Visits: the same as the list's window, cancelled ones left out.
    let (_, visits) = app
        .get(
            &format!(
                "/api/v1/pre-trial-visits?per_page=200&from={}&to={}",
                start.to_rfc3339().replace('+', "%2B"),
                end.to_rfc3339().replace('+', "%2B")
            ),
            &amara,
        )
        .await;
    let mut want: Vec<Value> = visits["items"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|v| v["state"] != "cancelled")
        .cloned()
        .collect();
    want.sort_by_key(|v| v["id"].as_str().unwrap().to_string());
    assert_eq!(ids(&week["pre_trial_visits"]), ids(&Value::Array(want)));

    // Deadlines: running, due in the week or already past the clock.
    let now = test_now();
    let (_, all) = app
        .get("/api/v1/deadlines?per_page=200&state=running", &amara)
        .await;
    let mut want: Vec<Value> = all["items"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| {
            let due = instant(&d["due_at"]);
            due < end && (due >= start || due < now)
        })
        .cloned()
        .collect();
    want.sort_by_key(|v| v["id"].as_str().unwrap().to_string());
    assert_eq!(ids(&week["deadlines"]), ids(&Value::Array(want)));
    assert!(
        !week["deadlines"].as_array().unwrap().is_empty(),
        "the planned demo has deadlines around its first hearing: {week}"
    );

    // A week with nothing of Amara's in it: empty lists, not an error.
    let (status, empty) = app.get("/api/v1/agenda?from=2030-01-07", &amara).await;
    assert_eq!(status, StatusCode::OK);
    assert!(empty["hearings"].as_array().unwrap().is_empty());
    assert!(empty["pre_trial_visits"].as_array().unwrap().is_empty());
    app.stop().await;
}

#[actix_web::test]
async fn another_supporters_agenda_does_not_show_amaras_hearings() {
    let app = TestApp::spawn_planned_demo().await;
    let amara = app.login(AMARA).await;
    let ben = app.login(BEN).await;
    let (_, hearings) = app.get("/api/v1/hearings?per_page=200", &amara).await;
    let (_, bens) = app.get("/api/v1/hearings?per_page=200", &ben).await;
    let bens = ids(&bens["items"]);
    let only_amaras = hearings["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|h| !bens.contains(&h["id"].as_str().unwrap().to_string()))
        .expect("a hearing only Amara may see")
        .clone();
    let from: NaiveDate = courtside::calendar::london_date(instant(&only_amaras["starts_at"]));
    let (status, week) = app.get(&format!("/api/v1/agenda?from={from}"), &ben).await;
    assert_eq!(status, StatusCode::OK, "{week}");
    let shown: Vec<String> = week["hearings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|h| h["hearing"]["id"].as_str().unwrap().to_string())
        .collect();
    assert!(!shown.contains(&only_amaras["id"].as_str().unwrap().to_string()));
    app.stop().await;
}

#[actix_web::test]
async fn a_bad_date_or_a_role_without_hearings_is_refused_in_words() {
    let app = TestApp::spawn().await;
    let amara = app.login(AMARA).await;
    let (status, body) = app.get("/api/v1/agenda?from=31-12-2026", &amara).await;
    assert_problem(
        status,
        &body,
        StatusCode::UNPROCESSABLE_ENTITY,
        Some("from"),
    );
    let (status, body) = app.get("/api/v1/agenda?from=262142-12-31", &amara).await;
    assert_problem(
        status,
        &body,
        StatusCode::UNPROCESSABLE_ENTITY,
        Some("from"),
    );
    let admin = app.login(ADMIN).await;
    let (status, body) = app.get("/api/v1/agenda", &admin).await;
    assert_problem(status, &body, StatusCode::FORBIDDEN, None);
    let (status, _) = app.get("/api/v1/agenda", "not-a-token").await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    // The token is checked before the date is read.
    let (status, _) = app
        .get("/api/v1/agenda?from=31-12-2026", "not-a-token")
        .await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    app.stop().await;
}

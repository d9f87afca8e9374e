//! An organisation's own reminder offsets: set by its manager, validated,
//! and used for its supporters' reminders (in London time).

use reqwest::StatusCode;
use serde_json::{json, Value};

use crate::helpers::*;
use crate::webhooks::org_id;

const SUPPORT: &str = "Demo Safer Futures IDVA Service";

async fn reminders_for(app: &TestApp, token: &str, hearing: &str) -> Vec<Value> {
    let (status, list) = app
        .get(
            &format!("/api/v1/notices?hearing_id={hearing}&template=reminder.hearing.supporter&per_page=200"),
            token,
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{list}");
    list["items"].as_array().unwrap().clone()
}

async fn list_hearing(app: &TestApp, wendy: &str) -> String {
    let case = app
        .find_id("/api/v1/cases", wendy, "urn", "13CD7654321")
        .await;
    let court = app.court_id(wendy, "Leeds Magistrates' Court").await;
    let hearing = app
        .create(
            "/api/v1/hearings",
            wendy,
            json!({"case_id": case, "kind": "mention", "court_id": court,
                   "starts_at": "2026-04-20T10:00:00+01:00", "estimated_minutes": 30, "victim_attends": true}),
        )
        .await;
    hearing["id"].as_str().unwrap().to_string()
}

#[actix_web::test]
async fn a_supporter_in_an_organisation_with_its_own_offsets_is_reminded_at_its_local_time() {
    let app = TestApp::spawn().await;
    let maya = app.login(MAYA).await;
    let ben = app.login(BEN).await;
    let wendy = app.login(WENDY).await;
    let support = org_id(&app, &maya, SUPPORT).await;
    let path = format!("/api/v1/organisations/{support}/reminder-rules");
    let (status, before) = app.get(&path, &maya).await;
    assert_eq!(status, StatusCode::OK, "{before}");
    assert_eq!(before["own"], false);
    assert_eq!(before["supporter"], before["defaults"]);

    // Maya's service reminds its advisers once, at 17:30 the day before.
    let own = json!({"supporter": [{"name": "evening_before", "days_before": 1,
        "unit": "calendar_days", "local_time": "17:30:00", "of": ["hearing", "pre_trial_visit"]}]});
    let (status, out) = app.put(&path, &maya, 1, own.clone()).await;
    assert_eq!(status, StatusCode::OK, "{out}");
    assert_eq!(out["own"], true);
    assert_eq!(out["supporter"][0]["name"], "evening_before");

    // Ben (Maya's service) gets exactly that: Sunday 19 April 2026 at
    // 17:30 BST, which is 16:30 UTC.
    let hearing = list_hearing(&app, &wendy).await;
    let mine = reminders_for(&app, &ben, &hearing).await;
    assert_eq!(mine.len(), 1, "{mine:?}");
    assert_eq!(mine[0]["send_after"], "2026-04-19T16:30:00Z");
    assert_eq!(mine[0]["data"]["reminder_label"], "tomorrow", "{}", mine[0]);

    // Back to the defaults: a hearing listed now gets the three defaults.
    let (status, out) = app.put(&path, &maya, 1, json!({"supporter": null})).await;
    assert_eq!(status, StatusCode::OK, "{out}");
    assert_eq!(out["own"], false);
    let second = list_hearing(&app, &wendy).await;
    let defaults = reminders_for(&app, &ben, &second).await;
    assert_eq!(defaults.len(), 3, "{defaults:?}");
    app.stop().await;
}

#[actix_web::test]
async fn only_the_organisations_manager_or_an_administrator_sets_offsets_and_they_are_checked() {
    let app = TestApp::spawn().await;
    let maya = app.login(MAYA).await;
    let amara = app.login(AMARA).await;
    let admin = app.login(ADMIN).await;
    let support = org_id(&app, &maya, SUPPORT).await;
    let wcu = org_id(&app, &maya, "Demo West Yorkshire Witness Care Unit").await;
    let ok = json!({"supporter": []});
    let (status, body) = app
        .put(
            &format!("/api/v1/organisations/{support}/reminder-rules"),
            &amara,
            1,
            ok.clone(),
        )
        .await;
    assert_problem(status, &body, StatusCode::FORBIDDEN, None);
    let (status, body) = app
        .put(
            &format!("/api/v1/organisations/{wcu}/reminder-rules"),
            &maya,
            1,
            ok.clone(),
        )
        .await;
    assert_problem(status, &body, StatusCode::NOT_FOUND, None);
    let (status, body) = app
        .put(
            &format!("/api/v1/organisations/{wcu}/reminder-rules"),
            &admin,
            1,
            ok.clone(),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let path = format!("/api/v1/organisations/{support}/reminder-rules");
    let rule = |name: &str, days: i64, time: &str| json!({"name": name, "days_before": days, "unit": "calendar_days", "local_time": time, "of": ["hearing"]});
    for bad in [
        json!({"supporter": [rule("Evening", 1, "17:30:00")]}),
        json!({"supporter": [rule("a", 1, "17:30:00"), rule("a", 2, "09:00:00")]}),
        json!({"supporter": [rule("a", 999, "17:30:00")]}),
        json!({"supporter": [rule("a", 1, "25:00:00")]}),
        json!({"supporter": [{"name": "a"}]}),
        json!({"supporter": "often"}),
    ] {
        let (status, body) = app.put(&path, &maya, 1, bad.clone()).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{bad}: {body}");
        assert!(
            body["errors"][0]["field"]
                .as_str()
                .is_some_and(|f| f.starts_with("supporter")),
            "{bad}: {body}"
        );
    }
    app.stop().await;
}

//! Hearing times across the clock changes keep their exact instant and
//! come back in court-local time with the right offset.

use reqwest::StatusCode;
use serde_json::json;

use crate::helpers::*;
use crate::oidc::ui_support;

#[actix_web::test]
async fn dst_crossing_hearing_times_round_trip_exactly() {
    let app = TestApp::spawn().await;
    let wendy = app.login(WENDY).await;
    let case = app
        .find_id("/api/v1/cases", &wendy, "urn", "13AB1234526")
        .await;
    let court = app.court_id(&wendy, "Leeds Combined Court Centre").await;

    // (what the WCO sends, the UTC instant, the local time shown)
    let table = [
        // Saturday before the spring change: GMT.
        (
            "2026-03-28T10:00:00+00:00",
            "2026-03-28T10:00:00Z",
            "2026-03-28T10:00:00+00:00",
        ),
        // Monday after it: BST, one hour ahead of UTC.
        (
            "2026-03-30T10:00:00+01:00",
            "2026-03-30T09:00:00Z",
            "2026-03-30T10:00:00+01:00",
        ),
        // The same instant sent in UTC is shown locally.
        (
            "2026-03-30T09:00:00Z",
            "2026-03-30T09:00:00Z",
            "2026-03-30T10:00:00+01:00",
        ),
        // 01:30 happens twice on 25 October 2026: both instants stay apart.
        (
            "2026-10-25T01:30:00+01:00",
            "2026-10-25T00:30:00Z",
            "2026-10-25T01:30:00+01:00",
        ),
        (
            "2026-10-25T01:30:00+00:00",
            "2026-10-25T01:30:00Z",
            "2026-10-25T01:30:00+00:00",
        ),
        // The day after the autumn change: GMT again.
        (
            "2026-10-26T10:00:00+00:00",
            "2026-10-26T10:00:00Z",
            "2026-10-26T10:00:00+00:00",
        ),
        // 2027's spring change.
        (
            "2027-03-29T09:30:00+01:00",
            "2027-03-29T08:30:00Z",
            "2027-03-29T09:30:00+01:00",
        ),
    ];
    for (sent, utc, shown) in table {
        let created = app
            .create(
                "/api/v1/hearings",
                &wendy,
                json!({"case_id": case, "kind": "mention", "court_id": court,
                       "starts_at": sent, "estimated_minutes": 30}),
            )
            .await;
        assert_eq!(created["starts_at"], utc, "sent {sent}");
        assert_eq!(created["starts_at_local"], shown, "sent {sent}");
        let (status, read) = app
            .get(
                &format!("/api/v1/hearings/{}", created["id"].as_str().unwrap()),
                &wendy,
            )
            .await;
        assert_eq!(status, StatusCode::OK);
        assert_eq!(read["starts_at"], utc, "read back {sent}");
        assert_eq!(read["starts_at_local"], shown, "read back {sent}");
    }

    // A hearing that runs across the change shows its end in BST.
    let across = app
        .create(
            "/api/v1/hearings",
            &wendy,
            json!({"case_id": case, "kind": "trial", "court_id": court,
                   "starts_at": "2026-03-28T23:30:00+00:00", "estimated_minutes": 180}),
        )
        .await;
    assert_eq!(across["ends_at_local"], "2026-03-29T03:30:00+01:00");

    // Filtering by instant respects the offset given.
    let (status, list) = app
        .get(
            &format!(
                "/api/v1/hearings?case_id={case}&from=2026-03-30T10:00:00%2B01:00&to=2026-03-30T10:00:01%2B01:00"
            ),
            &wendy,
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{list}");
    assert_eq!(list["total"], 2, "{list}");
    app.stop().await;
}

/// The text of a notice as it would be sent.
async fn notice_text(app: &TestApp, token: &str, hearing: &str, template: &str) -> String {
    let (status, list) = app
        .get(&format!("/api/v1/notices?hearing_id={hearing}"), token)
        .await;
    assert_eq!(status, StatusCode::OK, "{list}");
    let notice = list["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|n| n["template"] == template)
        .unwrap_or_else(|| panic!("no {template} notice: {list}"))
        .clone();
    let (status, text) = app
        .get(
            &format!(
                "/api/v1/notices/{}/rendered?format=text",
                notice["id"].as_str().unwrap()
            ),
            token,
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{text}");
    text.as_str().unwrap().to_string()
}

/// The unfolded VEVENT block of a feed with this UID.
fn feed_event<'a>(feed: &'a str, uid: &str) -> &'a str {
    feed.split("BEGIN:VEVENT\r\n")
        .skip(1)
        .find(|e| e.contains(&format!("UID:{uid}\r\n")))
        .unwrap_or_else(|| panic!("no event {uid} in\n{feed}"))
}

#[actix_web::test]
async fn the_two_half_past_ones_of_the_autumn_change_read_differently() {
    let app = TestApp::spawn().await;
    let wendy = app.login(WENDY).await;
    let ben = app.login(BEN).await;
    // V-1002: supported by Ben, who has consent to hear of court dates.
    let case = app
        .find_id("/api/v1/cases", &wendy, "urn", "13CD7654321")
        .await;
    let court = app.court_id(&wendy, "Leeds Magistrates' Court").await;
    let feed = app.create("/api/v1/calendar-feeds", &ben, json!({})).await;
    let mut ids = Vec::new();
    // 01:30 BST and 01:30 GMT on Sunday 25 October 2026: one hour apart.
    for starts_at in ["2026-10-25T00:30:00Z", "2026-10-25T01:30:00Z"] {
        let h = app
            .create(
                "/api/v1/hearings",
                &wendy,
                json!({"case_id": case, "kind": "mention", "court_id": court,
                       "starts_at": starts_at, "estimated_minutes": 20}),
            )
            .await;
        assert_eq!(h["starts_at"], starts_at);
        ids.push(h["id"].as_str().unwrap().to_string());
    }

    // The notices say which 1:30am.
    let first = notice_text(&app, &ben, &ids[0], "hearing.details.supporter").await;
    let second = notice_text(&app, &ben, &ids[1], "hearing.details.supporter").await;
    assert!(first.contains("Time: 1:30am (BST)\n"), "{first}");
    assert!(second.contains("Time: 1:30am (GMT)\n"), "{second}");

    // So does the supporter's week.
    let mut browser = ui_support::Browser::signed_in(&app.base, BEN).await;
    let week = browser.get("/week?from=2026-10-19").await;
    assert_eq!(week.status, StatusCode::OK);
    week.assert_has("1:30am (BST)–1:50am (BST)");
    week.assert_has("1:30am (GMT)–1:50am (GMT)");
    // And the case page, in its long form.
    let case_page = browser.get(&format!("/cases/{case}")).await;
    case_page.assert_has("Sunday 25 October 2026, 01:30 (BST)");
    case_page.assert_has("Sunday 25 October 2026, 01:30 (GMT)");

    // The calendar feed: the first in London time, the second in UTC form
    // (a London 01:30 would be read as the first one).
    let (status, _, body) = app
        .call_full(
            reqwest::Method::GET,
            feed["path"].as_str().unwrap(),
            None,
            None,
            &[],
        )
        .await;
    assert_eq!(status, StatusCode::OK);
    let text = body.as_str().unwrap().to_string();
    let one = feed_event(&text, &format!("hearing-{}@courtside", ids[0]));
    assert!(
        one.contains("DTSTART;TZID=Europe/London:20261025T013000\r\n"),
        "{one}"
    );
    assert!(
        one.contains("DTEND;TZID=Europe/London:20261025T015000\r\n"),
        "{one}"
    );
    let two = feed_event(&text, &format!("hearing-{}@courtside", ids[1]));
    assert!(two.contains("DTSTART:20261025T013000Z\r\n"), "{two}");
    assert!(two.contains("DTEND:20261025T015000Z\r\n"), "{two}");
    app.stop().await;
}

#[actix_web::test]
async fn a_time_the_spring_clocks_skip_is_refused_on_the_page_and_the_api() {
    let app = TestApp::spawn().await;
    let wendy = app.login(WENDY).await;
    let case = app
        .find_id("/api/v1/cases", &wendy, "urn", "13AB1234526")
        .await;
    let court = app.court_id(&wendy, "Leeds Combined Court Centre").await;
    let count = |list: &serde_json::Value| list["total"].as_i64().unwrap();
    let (_, before) = app
        .get(&format!("/api/v1/hearings?case_id={case}"), &wendy)
        .await;

    // The API: 01:30 BST on Sunday 29 March 2026 never happens.
    let (status, body) = app
        .post(
            "/api/v1/hearings",
            &wendy,
            json!({"case_id": case, "kind": "mention", "court_id": court,
                   "starts_at": "2026-03-29T01:30:00+01:00", "estimated_minutes": 30}),
        )
        .await;
    assert_problem(
        status,
        &body,
        StatusCode::UNPROCESSABLE_ENTITY,
        Some("starts_at"),
    );
    assert!(
        body.to_string().contains("does not exist in UK time"),
        "{body}"
    );

    // The page: the time typed is refused on its field, in words.
    let mut browser = ui_support::Browser::signed_in(&app.base, WENDY).await;
    let page = browser
        .submit(
            &format!("/cases/{case}/hearings/new"),
            &[
                ("kind", "mention"),
                ("date", "2026-03-29"),
                ("time", "01:30"),
                ("court_id", &court),
                ("estimated_minutes", "30"),
            ],
        )
        .await;
    assert_eq!(
        page.status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "{}",
        page.body
    );
    page.assert_has(
        "1:30am on Sunday 29 March 2026 does not exist in UK time: \
         the clocks go forward from 1am to 2am that night",
    );
    page.assert_has("href=\"#time\"");

    let (_, after) = app
        .get(&format!("/api/v1/hearings?case_id={case}"), &wendy)
        .await;
    assert_eq!(count(&after), count(&before), "nothing was listed");
    app.stop().await;
}

#[actix_web::test]
async fn a_hearing_listed_on_a_bank_holiday_or_a_weekend_warns_the_witness_care_officer() {
    let app = TestApp::spawn().await;
    let wendy = app.login(WENDY).await;
    let case = app
        .find_id("/api/v1/cases", &wendy, "urn", "13AB1234526")
        .await;
    let court = app.court_id(&wendy, "Leeds Combined Court Centre").await;
    let warnings = |list: &serde_json::Value| -> Vec<serde_json::Value> {
        list["items"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|w| w["kind"] == "hearing_on_non_sitting_day")
            .cloned()
            .collect()
    };
    let path = format!("/api/v1/warnings?case_id={case}&per_page=100");
    let (status, before) = app.get(&path, &wendy).await;
    assert_eq!(status, StatusCode::OK, "{before}");
    assert!(warnings(&before).is_empty(), "{before}");

    // Listed on Good Friday.
    let body = json!({"case_id": case, "kind": "mention", "court_id": court,
                      "starts_at": "2026-04-03T10:00:00+01:00", "estimated_minutes": 30});
    let h = app.create("/api/v1/hearings", &wendy, body.clone()).await;
    let id = h["id"].as_str().unwrap().to_string();
    let (_, list) = app.get(&path, &wendy).await;
    let found = warnings(&list);
    assert_eq!(found.len(), 1, "{list}");
    assert_eq!(found[0]["detail"]["hearing_id"], id.as_str());
    assert_eq!(found[0]["detail"]["date"], "2026-04-03");
    assert_eq!(found[0]["detail"]["day"], "bank_holiday");
    assert_eq!(found[0]["detail"]["holiday"], "Good Friday");

    // Moved to a Saturday: warned again, for the new day.
    let mut moved = body.clone();
    moved["starts_at"] = json!("2026-04-11T10:00:00+01:00");
    let (status, out) = app
        .put(&format!("/api/v1/hearings/{id}"), &wendy, 1, moved)
        .await;
    assert_eq!(status, StatusCode::OK, "{out}");
    let (_, list) = app.get(&path, &wendy).await;
    let found = warnings(&list);
    assert_eq!(found.len(), 2, "{list}");
    assert!(
        found
            .iter()
            .any(|w| w["detail"]["day"] == "saturday" && w["detail"]["date"] == "2026-04-11"),
        "{list}"
    );

    // A Tuesday after Easter is an ordinary sitting day: nothing more.
    let mut tuesday = body.clone();
    tuesday["starts_at"] = json!("2026-04-07T10:00:00+01:00");
    app.create("/api/v1/hearings", &wendy, tuesday).await;
    let (_, list) = app.get(&path, &wendy).await;
    assert_eq!(warnings(&list).len(), 2, "{list}");

    // The case page says so beside the hearing.
    let mut browser = ui_support::Browser::signed_in(&app.base, WENDY).await;
    let page = browser.get(&format!("/cases/{case}")).await;
    assert_eq!(page.status, StatusCode::OK);
    page.assert_has(
        "This hearing is listed on a Saturday, when courts do not normally sit. \
         Check the listing with the court.",
    );
    assert_eq!(
        page.body.matches("when courts do not normally sit").count(),
        1
    );
    app.stop().await;
}

#[actix_web::test]
async fn a_court_list_that_moves_a_hearing_onto_a_saturday_warns_too() {
    let app = TestApp::spawn().await;
    let wendy = app.login(WENDY).await;
    let case = app
        .find_id("/api/v1/cases", &wendy, "urn", "13AB1234526")
        .await;
    // The demo plea and trial preparation hearing, moved by a daily list
    // for Saturday 28 March 2026.
    let path = format!(
        "{}/fixtures/court-lists/crown-daily-moved.json",
        env!("CARGO_MANIFEST_DIR")
    );
    let mut list: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    list["DailyList"]["DocumentID"]["UniqueID"] = json!("times-saturday-list");
    list["DailyList"]["ListHeader"]["StartDate"] = json!("2026-03-28");
    list["DailyList"]["ListHeader"]["EndDate"] = json!("2026-03-28");
    let (status, summary) = app
        .call(
            reqwest::Method::POST,
            "/api/v1/court-lists?list_type=crown_daily_pdda_list",
            Some(&wendy),
            Some(list),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{summary}");
    assert_eq!(summary["counts"]["moved"], 1, "{summary}");
    let moved = summary["moved"][0].as_str().unwrap().to_string();
    let (_, warnings) = app
        .get(
            &format!("/api/v1/warnings?case_id={case}&per_page=100"),
            &wendy,
        )
        .await;
    let found: Vec<&serde_json::Value> = warnings["items"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|w| w["kind"] == "hearing_on_non_sitting_day")
        .collect();
    assert_eq!(found.len(), 1, "{warnings}");
    assert_eq!(found[0]["detail"]["hearing_id"], moved.as_str());
    assert_eq!(found[0]["detail"]["date"], "2026-03-28");
    assert_eq!(found[0]["detail"]["day"], "saturday");
    app.stop().await;
}

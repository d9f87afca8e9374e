//! Victims' safe hours: written, validated, sealed; anything written to
//! the victim waits for the next safe window (London time).
//!
//! A store check: when a deferred notice is next tried is read from the
//! store (the API does not show it).

use chrono::{Duration, TimeZone, Utc};
use courtside::store::schema::notices;
use diesel::prelude::*;
use reqwest::StatusCode;
use serde_json::json;

use crate::delivery::RecordingMailer;
use crate::helpers::*;

const VICTIM_EMAIL: &str = "person.two@example.org";

#[actix_web::test]
async fn a_victims_notice_waits_for_their_safe_hours() {
    let app = TestApp::spawn().await;
    let ben = app.login(BEN).await;
    let wendy = app.login(WENDY).await;
    let victim = app
        .find_id("/api/v1/victims", &ben, "reference", "V-1002")
        .await;
    let path = format!("/api/v1/victim-details/{victim}");
    let (_, current) = app.get(&path, &ben).await;
    let version = current["version"].as_i64().unwrap();
    let body = |hours: &str| {
        json!({"victim_id": victim, "full_name": current["full_name"], "email": VICTIM_EMAIL,
               "safe_channels": ["email"], "safe_hours": hours})
    };
    // Safe hours must be in the documented form.
    for bad in ["after 6pm", "weekdays 20-18", "someday 10-12"] {
        let (status, out) = app.put(&path, &ben, version, body(bad)).await;
        assert_problem(
            status,
            &out,
            StatusCode::UNPROCESSABLE_ENTITY,
            Some("safe_hours"),
        );
    }
    let (status, out) = app
        .put(&path, &ben, version, body("weekdays 18:00-20:00"))
        .await;
    assert_eq!(status, StatusCode::OK, "{out}");
    assert_eq!(out["safe_hours"], "weekdays 18:00-20:00");

    // A hearing is listed on Friday 20 March at 12:00 (GMT).
    let case = app
        .find_id("/api/v1/cases", &wendy, "urn", "13CD7654321")
        .await;
    let court = app.court_id(&wendy, "Leeds Magistrates' Court").await;
    let hearing = app
        .create(
            "/api/v1/hearings",
            &wendy,
            json!({"case_id": case, "kind": "mention", "court_id": court,
                   "starts_at": "2026-04-20T10:00:00+01:00", "estimated_minutes": 30, "victim_attends": true}),
        )
        .await;
    let hearing = hearing["id"].as_str().unwrap().to_string();
    let mailer = RecordingMailer::default();
    let to_victim = || {
        mailer
            .sent
            .lock()
            .unwrap()
            .iter()
            .filter(|e| e.to == VICTIM_EMAIL)
            .count()
    };
    let victim_notice = || {
        let mut conn = app.pool.get().unwrap();
        notices::table
            .filter(notices::hearing_id.eq(&hearing))
            .filter(notices::template.eq("hearing.details.victim"))
            .select((notices::state, notices::next_attempt_at, notices::attempts))
            .first::<(String, chrono::NaiveDateTime, i32)>(&mut conn)
            .unwrap()
    };
    let outcome = app.run_due(&mailer).delivery;
    assert_eq!(outcome.deferred, 1, "{outcome:?}");
    assert_eq!(to_victim(), 0, "not outside safe hours");
    let six = Utc.with_ymd_and_hms(2026, 3, 20, 18, 0, 0).unwrap();
    let (state, next, attempts) = victim_notice();
    assert_eq!(state, "pending");
    assert_eq!(next, six.naive_utc(), "deferred to 18:00 London time");
    assert_eq!(attempts, 0, "a deferral is not a failed attempt");
    // Meanwhile the supporter was told at once.
    assert!(mailer.sent.lock().unwrap().iter().any(|e| e.to == BEN));

    app.advance_to(six - Duration::minutes(1), &mailer);
    assert_eq!(to_victim(), 0);
    app.advance_to(six, &mailer);
    assert_eq!(to_victim(), 1, "sent when the window opens");
    assert_eq!(victim_notice().0, "sent");
    app.assert_nothing_due();
    app.stop().await;
}

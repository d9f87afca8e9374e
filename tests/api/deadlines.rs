//! Deadlines evaluated against the records: met when the duty was done in
//! time, missed when its moment passed undone (and still missed, with the
//! late moment, when it is done afterwards). Driven by the sweep with the
//! test clock, read back through the API.

use chrono::{Duration, TimeZone, Utc};
use courtside::deadlines;
use courtside::notify::delivery;
use reqwest::StatusCode;
use serde_json::{json, Value};

use crate::delivery::{worker, RecordingMailer};
use crate::helpers::*;

fn items(list: &Value) -> Vec<Value> {
    list["items"].as_array().cloned().unwrap_or_default()
}

fn of_kind(list: &Value, kind: &str) -> Value {
    items(list)
        .into_iter()
        .find(|d| d["kind"] == kind)
        .unwrap_or_else(|| panic!("no {kind} deadline in {list}"))
}

/// Lists a hearing for V-1002 (Ben supports, not single point of contact,
/// court dates shared with consent); returns its id and body.
async fn list_hearing(app: &TestApp, wendy: &str, starts_at: &str) -> (String, Value) {
    let case = app
        .find_id("/api/v1/cases", wendy, "urn", "13CD7654321")
        .await;
    let court = app.court_id(wendy, "Leeds Magistrates' Court").await;
    let body = json!({"case_id": case, "kind": "trial", "court_id": court,
                      "starts_at": starts_at, "estimated_minutes": 120,
                      "victim_attends": true, "victim_gives_evidence": true});
    let hearing = app.create("/api/v1/hearings", wendy, body.clone()).await;
    (hearing["id"].as_str().unwrap().to_string(), body)
}

#[actix_web::test]
async fn hearing_details_are_met_when_sent_and_missed_when_not() {
    let app = TestApp::spawn().await;
    let wendy = app.login(WENDY).await;
    let (hearing, _) = list_hearing(&app, &wendy, "2026-04-20T10:00:00+01:00").await;
    let now = test_now();
    // The supporter's notice is emailed; the victim has no safe written
    // channel, so hers waits for a person to pass it on.
    let mailer = RecordingMailer::default();
    delivery::run_once(&app.pool, &mailer, &app.renderer, &worker("a"), now).unwrap();
    let swept = deadlines::sweep(&app.pool, now, 2).unwrap();
    assert!(swept.met >= 1, "{swept:?}");
    assert_eq!(swept.missed, 0, "nothing is due yet: {swept:?}");
    let again = deadlines::sweep(&app.pool, now, 2).unwrap();
    assert_eq!(
        (again.met, again.missed, again.done_late),
        (0, 0, 0),
        "a second sweep changes nothing"
    );

    let path = format!("/api/v1/deadlines?hearing_id={hearing}");
    let (status, list) = app.get(&path, &wendy).await;
    assert_eq!(status, StatusCode::OK, "{list}");
    let supporter = of_kind(&list, "supporter_told_of_hearing");
    assert_eq!(supporter["state"], "met", "{supporter}");
    assert_eq!(supporter["met_at"], "2026-03-20T12:00:00Z");
    let victim = of_kind(&list, "victim_told_of_hearing");
    assert_eq!(victim["state"], "running", "{victim}");
    assert_eq!(victim["due_date"], "2026-03-23");

    // Right 8's working day ends on Monday 23 March at 23:59 (GMT). One
    // minute before, still running; one minute after, missed.
    let due = Utc.with_ymd_and_hms(2026, 3, 23, 23, 59, 0).unwrap();
    deadlines::sweep(&app.pool, due - Duration::minutes(1), 50).unwrap();
    let (_, list) = app.get(&path, &wendy).await;
    assert_eq!(of_kind(&list, "victim_told_of_hearing")["state"], "running");
    let later = due + Duration::minutes(1);
    let swept = deadlines::sweep(&app.pool, later, 50).unwrap();
    assert!(swept.missed >= 1, "{swept:?}");
    app.clock.set(later);

    // A manager lists the missed ones.
    let maya = app.login(MAYA).await;
    let (status, missed) = app.get("/api/v1/deadlines?state=missed", &maya).await;
    assert_eq!(status, StatusCode::OK, "{missed}");
    let victim = of_kind(&missed, "victim_told_of_hearing");
    assert_eq!(victim["hearing_id"], hearing.as_str());
    assert_eq!(victim["met_at"], Value::Null, "not done at all");
    assert!(
        items(&missed).iter().all(|d| d["state"] == "missed"),
        "{missed}"
    );
    let (_, met) = app.get(&format!("{path}&state=met"), &maya).await;
    assert!(
        items(&met).iter().all(|d| d["state"] == "met") && !items(&met).is_empty(),
        "{met}"
    );
    let (status, body) = app.get("/api/v1/deadlines?state=late", &maya).await;
    assert_problem(
        status,
        &body,
        StatusCode::UNPROCESSABLE_ENTITY,
        Some("query"),
    );
    app.stop().await;
}

#[actix_web::test]
async fn an_outcome_update_done_late_stays_missed_with_its_moment() {
    let app = TestApp::spawn().await;
    let wendy = app.login(WENDY).await;
    let (hearing, mut body) = list_hearing(&app, &wendy, "2026-04-20T10:00:00+01:00").await;
    // The trial ends on Monday 20 April; the officer must update the victim
    // within one working day: by Tuesday 21 April, 23:59 BST.
    app.clock
        .set(Utc.with_ymd_and_hms(2026, 4, 20, 15, 0, 0).unwrap());
    let wendy = app.login(WENDY).await;
    body["status"] = json!("concluded");
    body["outcome"] = json!("Convicted");
    let (status, out) = app
        .put(&format!("/api/v1/hearings/{hearing}"), &wendy, 1, body)
        .await;
    assert_eq!(status, StatusCode::OK, "{out}");
    let path = format!("/api/v1/deadlines?hearing_id={hearing}");
    let (_, list) = app.get(&path, &wendy).await;
    let wco = of_kind(&list, "wco_updates_victim_of_outcome");
    assert_eq!(wco["due_at"], "2026-04-21T22:59:00Z", "{wco}");

    // Wednesday morning: not done, so missed.
    let wednesday = Utc.with_ymd_and_hms(2026, 4, 22, 8, 0, 0).unwrap();
    deadlines::sweep(&app.pool, wednesday, 50).unwrap();
    let (_, list) = app.get(&path, &wendy).await;
    let wco = of_kind(&list, "wco_updates_victim_of_outcome");
    assert_eq!(wco["state"], "missed", "{wco}");
    assert_eq!(wco["met_at"], Value::Null);

    // The officer marks the update done at 10:00; it stays missed and
    // records when it was done.
    let done_at = Utc.with_ymd_and_hms(2026, 4, 22, 9, 0, 0).unwrap();
    app.clock.set(done_at);
    let wendy = app.login(WENDY).await;
    let (_, tasks) = app
        .get("/api/v1/tasks?state=open&per_page=200", &wendy)
        .await;
    let task = items(&tasks)
        .into_iter()
        .find(|t| t["kind"] == "update_victim_of_outcome" && t["hearing_id"] == hearing.as_str())
        .unwrap_or_else(|| panic!("no outcome task: {tasks}"));
    let (status, out) = app
        .put(
            &format!("/api/v1/tasks/{}", task["id"].as_str().unwrap()),
            &wendy,
            task["version"].as_i64().unwrap(),
            json!({"state": "done"}),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{out}");
    let swept = deadlines::sweep(&app.pool, done_at + Duration::minutes(1), 50).unwrap();
    assert_eq!(swept.done_late, 1, "{swept:?}");
    let (_, list) = app.get(&path, &wendy).await;
    let wco = of_kind(&list, "wco_updates_victim_of_outcome");
    assert_eq!(wco["state"], "missed", "{wco}");
    assert_eq!(wco["met_at"], "2026-04-22T09:00:00Z");
    app.stop().await;
}

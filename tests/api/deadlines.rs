//! Deadlines evaluated against the records: met when the duty was done in
//! time, missed when its moment passed undone (and still missed, with the
//! late moment, when it is done afterwards). Driven by the sweep with the
//! test clock, read back through the API.
//!
//! A job test: the deadline sweep and the digest jobs are stepped by hand
//! at chosen moments (the flow tests elsewhere use `TestApp::run_due`).

use chrono::{Duration, TimeZone, Utc};
use courtside::deadlines;
use courtside::notify::delivery;
use reqwest::StatusCode;
use serde_json::{json, Value};

use crate::delivery::{worker, RecordingMailer};
use crate::helpers::*;
use crate::oidc::ui_support;

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
    list_hearing_at(app, wendy, starts_at, "Leeds Magistrates' Court").await
}

async fn list_hearing_at(
    app: &TestApp,
    wendy: &str,
    starts_at: &str,
    court: &str,
) -> (String, Value) {
    let case = app
        .find_id("/api/v1/cases", wendy, "urn", "13CD7654321")
        .await;
    let court = app.court_id(wendy, court).await;
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
    let swept = deadlines::sweep(&app.pool, &app.rules, now, 2).unwrap();
    assert!(swept.met >= 1, "{swept:?}");
    assert_eq!(swept.missed, 0, "nothing is due yet: {swept:?}");
    let again = deadlines::sweep(&app.pool, &app.rules, now, 2).unwrap();
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
    deadlines::sweep(&app.pool, &app.rules, due - Duration::minutes(1), 50).unwrap();
    let (_, list) = app.get(&path, &wendy).await;
    assert_eq!(of_kind(&list, "victim_told_of_hearing")["state"], "running");
    let later = due + Duration::minutes(1);
    let swept = deadlines::sweep(&app.pool, &app.rules, later, 50).unwrap();
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
    app.assert_nothing_due();
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
    deadlines::sweep(&app.pool, &app.rules, wednesday, 50).unwrap();
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
    let swept =
        deadlines::sweep(&app.pool, &app.rules, done_at + Duration::minutes(1), 50).unwrap();
    assert_eq!(swept.done_late, 1, "{swept:?}");
    let (_, list) = app.get(&path, &wendy).await;
    let wco = of_kind(&list, "wco_updates_victim_of_outcome");
    assert_eq!(wco["state"], "missed", "{wco}");
    assert_eq!(wco["met_at"], "2026-04-22T09:00:00Z");
    app.stop().await;
}

/// Ben asks to accompany V-1002 at a trial on Monday 13 April 2026 and the
/// officer passes it on to the prosecutor. Returns (hearing id, request
/// path at version 3, Ben's token).
async fn request_with_cps(app: &TestApp) -> (String, String, String) {
    request_with_cps_at(app, "Leeds Magistrates' Court").await
}

async fn request_with_cps_at(app: &TestApp, court: &str) -> (String, String, String) {
    let ben = app.login(BEN).await;
    let wendy = app.login(WENDY).await;
    app.give_consents(
        &ben,
        "V-1002",
        &["identify_supporter_to_court", "witness_service_referral"],
    )
    .await;
    let (hearing, _) = list_hearing_at(app, &wendy, "2026-04-13T10:00:00+01:00", court).await;
    let ben_id = app.get("/api/v1/me", &ben).await.1["user_id"]
        .as_str()
        .unwrap()
        .to_string();
    let request = app
        .create(
            "/api/v1/attendance-requests",
            &ben,
            json!({"hearing_id": hearing, "supporter_id": ben_id, "state": "requested"}),
        )
        .await;
    let path = format!(
        "/api/v1/attendance-requests/{}",
        request["id"].as_str().unwrap()
    );
    for (version, state) in [(1, "wcu_informed"), (2, "cps_informed")] {
        let (status, out) = app
            .put(
                &path,
                &wendy,
                version,
                json!({"hearing_id": hearing, "supporter_id": ben_id, "state": state}),
            )
            .await;
        assert_eq!(status, StatusCode::OK, "{state}: {out}");
    }
    (hearing, path, ben)
}

/// The hearing's alerts about its attendance request.
async fn alerts_for(app: &TestApp, token: &str, hearing: &str) -> Vec<Value> {
    let (_, list) = app
        .get(
            &format!("/api/v1/notices?hearing_id={hearing}&per_page=200"),
            token,
        )
        .await;
    items(&list)
        .into_iter()
        .filter(|n| n["step"] == "deadline_alert.attendance_not_raised_with_court")
        .collect()
}

#[actix_web::test]
async fn an_unraised_attendance_request_alerts_the_supporter_on_the_right_day() {
    let app = TestApp::spawn().await;
    let (hearing, _, ben) = request_with_cps(&app).await;
    let wendy = app.login(WENDY).await;
    // Five working days before Monday 13 April, skipping Easter Monday (6th)
    // and Good Friday (3rd): Thursday 2 April.
    let (_, list) = app
        .get(&format!("/api/v1/deadlines?hearing_id={hearing}"), &wendy)
        .await;
    let raise = of_kind(&list, "attendance_raised_with_court");
    assert_eq!(raise["due_date"], "2026-04-02", "{raise}");

    let now = test_now();
    let swept = deadlines::sweep(&app.pool, &app.rules, now, 50).unwrap();
    // This alert, and the one for the pre-trial visit not yet arranged.
    assert_eq!(swept.alerts_planned, 2, "{swept:?}");
    let again = deadlines::sweep(&app.pool, &app.rules, now + Duration::minutes(1), 50).unwrap();
    assert_eq!(again.alerts_planned, 0, "planned once: {again:?}");
    let alerts = alerts_for(&app, &wendy, &hearing).await;
    assert_eq!(alerts.len(), 1, "{alerts:?}");
    let alert = &alerts[0];
    assert_eq!(alert["recipient_kind"], "supporter");
    assert_eq!(alert["state"], "pending");
    // 09:00 on the day, British Summer Time.
    assert_eq!(alert["send_after"], "2026-04-02T08:00:00Z", "{alert}");
    assert_eq!(alert["not_after"], "2026-04-02T22:59:00Z", "{alert}");

    // Nothing goes before its moment; at 09:00 it reaches Ben, by
    // reference only.
    let mailer = RecordingMailer::default();
    let before = Utc.with_ymd_and_hms(2026, 4, 2, 7, 59, 0).unwrap();
    app.advance_to(before, &mailer);
    assert!(
        mailer
            .sent
            .lock()
            .unwrap()
            .iter()
            .all(|e| !e.subject.contains("Deadline")),
        "not before 09:00"
    );
    let at = Utc.with_ymd_and_hms(2026, 4, 2, 8, 0, 30).unwrap();
    app.advance_to(at, &mailer);
    let sent = mailer.sent.lock().unwrap().clone();
    let to_ben: Vec<_> = sent
        .iter()
        .filter(|e| e.to == BEN && e.subject.starts_with("A deadline not yet met"))
        .collect();
    assert_eq!(to_ben.len(), 1, "{sent:?}");
    assert_eq!(
        to_ben[0].subject,
        "A deadline not yet met for V-1002: due Thursday 2 April 2026"
    );
    assert!(to_ben[0].body.contains("13CD7654321"), "{}", to_ben[0].body);
    assert!(
        !to_ben[0].body.contains("Demo Person Two"),
        "no victim name"
    );
    let _ = ben;
    app.assert_nothing_due();
    app.stop().await;
}

#[actix_web::test]
async fn an_alert_is_not_sent_once_its_deadline_is_met() {
    let app = TestApp::spawn().await;
    let (hearing, path, _) = request_with_cps(&app).await;
    let wendy = app.login(WENDY).await;
    deadlines::sweep(&app.pool, &app.rules, test_now(), 50).unwrap();
    assert_eq!(alerts_for(&app, &wendy, &hearing).await.len(), 1);

    // The court allows Ben to attend on Monday 30 March, before the alert.
    let monday = Utc.with_ymd_and_hms(2026, 3, 30, 11, 0, 0).unwrap();
    app.clock.set(monday);
    let wendy = app.login(WENDY).await;
    let ben = app.login(BEN).await;
    let ben_id = app.get("/api/v1/me", &ben).await.1["user_id"]
        .as_str()
        .unwrap()
        .to_string();
    let (status, out) = app
        .put(
            &path,
            &wendy,
            3,
            json!({"hearing_id": hearing, "supporter_id": ben_id, "state": "allowed"}),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{out}");

    // No sweep has run yet: the check just before sending stops it. (The
    // delivery pass alone, by hand: the harness would sweep first.)
    let mailer = RecordingMailer::default();
    let at = Utc.with_ymd_and_hms(2026, 4, 2, 8, 0, 30).unwrap();
    delivery::run_once(&app.pool, &mailer, &app.renderer, &worker("a"), at).unwrap();
    assert!(
        mailer
            .sent
            .lock()
            .unwrap()
            .iter()
            .all(|e| !e.subject.starts_with("A deadline not yet met")),
        "no alert for a met deadline"
    );
    let alerts = alerts_for(&app, &wendy, &hearing).await;
    assert_eq!(alerts[0]["state"], "cancelled", "{alerts:?}");

    // The sweep marks the deadline met at the moment the court decided.
    deadlines::sweep(&app.pool, &app.rules, at, 50).unwrap();
    let (_, list) = app
        .get(&format!("/api/v1/deadlines?hearing_id={hearing}"), &wendy)
        .await;
    let raise = of_kind(&list, "attendance_raised_with_court");
    assert_eq!(raise["state"], "met", "{raise}");
    assert_eq!(raise["met_at"], "2026-03-30T11:00:00Z");
    app.assert_nothing_due();
    app.stop().await;
}

/// Ben's day: V-1002's trial on Monday 30 March 2026 at 09:30 BST, the day
/// after the clocks go forward.
#[actix_web::test]
async fn the_daily_digest_is_planned_once_at_half_past_seven_and_never_late() {
    use courtside::digest::store::{deliver_due, plan_due};
    let app = TestApp::spawn().await;
    let wendy = app.login(WENDY).await;
    list_hearing(&app, &wendy, "2026-03-30T09:30:00+01:00").await;
    let before = Utc.with_ymd_and_hms(2026, 3, 30, 6, 29, 0).unwrap();
    assert_eq!(plan_due(&app.pool, before).unwrap().planned, 0, "07:29 BST");
    // The service was down at 07:30 and starts at 10:15: today's digest is
    // still planned, once.
    let late_start = Utc.with_ymd_and_hms(2026, 3, 30, 9, 15, 0).unwrap();
    let planned = plan_due(&app.pool, late_start).unwrap();
    assert!(planned.planned >= 1, "{planned:?}");
    assert_eq!(plan_due(&app.pool, late_start).unwrap().planned, 0, "once");

    let mailer = RecordingMailer::default();
    let out = deliver_due(&app.pool, &mailer, &app.renderer, "a", late_start).unwrap();
    assert_eq!(out.sent, planned.planned, "{out:?}");
    let sent = mailer.sent.lock().unwrap().clone();
    let to_ben: Vec<_> = sent.iter().filter(|e| e.to == BEN).collect();
    assert_eq!(to_ben.len(), 1, "{sent:?}");
    assert_eq!(to_ben[0].subject, "Your day: Monday 30 March 2026");
    assert!(to_ben[0].body.contains("9:30am"), "{}", to_ben[0].body);
    assert!(to_ben[0].body.contains("V-1002"), "{}", to_ben[0].body);
    assert!(!to_ben[0].body.contains("Demo Person"), "no victim names");
    assert_eq!(
        deliver_due(&app.pool, &mailer, &app.renderer, "a", late_start)
            .unwrap()
            .sent,
        0,
        "sent once"
    );

    // The next morning before 07:30: no digest for the day before, nor yet
    // for today.
    let next = Utc.with_ymd_and_hms(2026, 3, 31, 5, 0, 0).unwrap();
    assert_eq!(plan_due(&app.pool, next).unwrap().planned, 0);
    app.stop().await;
}

#[actix_web::test]
async fn an_unsent_digest_is_cancelled_once_its_day_is_over() {
    use courtside::digest::store::{deliver_due, plan_due};
    let app = TestApp::spawn().await;
    let wendy = app.login(WENDY).await;
    list_hearing(&app, &wendy, "2026-03-30T09:30:00+01:00").await;
    let at = Utc.with_ymd_and_hms(2026, 3, 30, 6, 30, 0).unwrap();
    let planned = plan_due(&app.pool, at).unwrap().planned;
    assert!(planned >= 1);
    // Nothing delivered until after midnight London time.
    let mailer = RecordingMailer::default();
    let after_midnight = Utc.with_ymd_and_hms(2026, 3, 30, 23, 0, 0).unwrap();
    let out = deliver_due(&app.pool, &mailer, &app.renderer, "a", after_midnight).unwrap();
    assert_eq!((out.sent, out.cancelled), (0, planned), "{out:?}");
    assert!(mailer.sent.lock().unwrap().is_empty());
    app.stop().await;
}

#[actix_web::test]
async fn the_unit_is_alerted_when_the_supporter_is_not_told_the_outcome_and_not_once_told() {
    let app = TestApp::spawn().await;
    let wendy = app.login(WENDY).await;
    // V-1002 agrees that agencies updating her also update Ben.
    let ben = app.login(BEN).await;
    let victim = app
        .find_id("/api/v1/victims", &ben, "reference", "V-1002")
        .await;
    app.create(
        "/api/v1/consents",
        &ben,
        json!({"victim_id": victim, "scope": "simultaneous_updates", "given_at": "2026-03-20T11:00:00Z"}),
    )
    .await;
    let (hearing, mut body) = list_hearing(&app, &wendy, "2026-04-20T10:00:00+01:00").await;
    let concluded = Utc.with_ymd_and_hms(2026, 4, 20, 15, 0, 0).unwrap();
    app.clock.set(concluded);
    let wendy = app.login(WENDY).await;
    body["status"] = json!("concluded");
    body["outcome"] = json!("Convicted");
    let (status, out) = app
        .put(&format!("/api/v1/hearings/{hearing}"), &wendy, 1, body)
        .await;
    assert_eq!(status, StatusCode::OK, "{out}");
    deadlines::sweep(&app.pool, &app.rules, concluded, 50).unwrap();
    let outcome_alert = |list: &Value| {
        items(list)
            .into_iter()
            .find(|n| n["step"] == "deadline_alert.supporter_not_told_of_outcome")
    };
    let path = format!("/api/v1/notices?hearing_id={hearing}&per_page=200");
    let (_, list) = app.get(&path, &wendy).await;
    let alert = outcome_alert(&list).unwrap_or_else(|| panic!("no alert: {list}"));
    assert_eq!(alert["recipient_kind"], "witness_care_unit");
    // 09:00 BST on Tuesday 21 April, the last working day.
    assert_eq!(alert["send_after"], "2026-04-21T08:00:00Z");
    assert_eq!(alert["state"], "pending");

    // The outcome reaches Ben that afternoon: the deadline is met and the
    // alert stopped.
    let mailer = RecordingMailer::default();
    let sent_at = concluded + Duration::minutes(5);
    let swept = app.advance_to(sent_at, &mailer).swept;
    assert!(swept.met >= 1 && swept.alerts_cancelled >= 1, "{swept:?}");
    let (_, list) = app.get(&path, &wendy).await;
    assert_eq!(outcome_alert(&list).unwrap()["state"], "cancelled");
    let (_, deadlines) = app
        .get(
            &format!("/api/v1/deadlines?hearing_id={hearing}&state=met"),
            &wendy,
        )
        .await;
    let told = of_kind(&deadlines, "supporter_told_of_outcome");
    assert_eq!(told["met_at"], "2026-04-20T15:05:00Z");
    app.assert_nothing_due();
    app.stop().await;
}

#[actix_web::test]
async fn a_deadline_alert_is_written_in_the_language_the_supporter_chose() {
    let app = TestApp::spawn().await;
    // Ben reads Courtside in Welsh (the switch on his pages).
    let mut b = ui_support::Browser::signed_in(&app.base, BEN).await;
    let page = b.get("/").await;
    b.post(
        "/language",
        &[("csrf_token", &page.csrf()), ("language", "cy")],
    )
    .await;
    let (hearing, _, _) = request_with_cps(&app).await;
    let wendy = app.login(WENDY).await;
    deadlines::sweep(&app.pool, &app.rules, test_now(), 50).unwrap();
    let alerts = alerts_for(&app, &wendy, &hearing).await;
    assert_eq!(alerts.len(), 1, "{alerts:?}");
    // The hearing is at a court in England: Welsh because he chose it.
    assert_eq!(alerts[0]["language"], "cy", "{}", alerts[0]);
    app.stop().await;
}

#[actix_web::test]
async fn a_deadline_alert_about_a_court_in_wales_is_in_both_languages_when_none_was_chosen() {
    let app = TestApp::spawn().await;
    let (hearing, _, _) = request_with_cps_at(&app, "Cardiff Crown Court").await;
    let wendy = app.login(WENDY).await;
    deadlines::sweep(&app.pool, &app.rules, test_now(), 50).unwrap();
    let alerts = alerts_for(&app, &wendy, &hearing).await;
    assert_eq!(alerts.len(), 1, "{alerts:?}");
    // Ben chose no language and the hearing is in Cardiff: Welsh, then
    // English, as every other notice about a court in Wales.
    assert_eq!(alerts[0]["language"], "cy+en", "{}", alerts[0]);
    app.stop().await;
}

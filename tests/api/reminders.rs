//! The supporter's reminders of a hearing or pre-trial visit, through the
//! API and the delivery worker: planned at London wall-clock times across
//! the spring 2026 clock change, cancelled and revived as the hearing
//! moves, sent once at their moment and never late.
//!
//! V-1002's supporter is Ben (not the single point of contact); the victim
//! consented to their court dates going to him. "Now" is Friday 20 March
//! 2026, 12:00 UTC, nine days before the clocks go forward.
//!
//! A store check: one test repairs a hearing in the store without
//! planning, to show the check just before sending stops the reminder.

use std::sync::Mutex;

use chrono::{DateTime, Duration, Utc};
use courtside::notify::delivery::Outcome;
use courtside::notify::mailer::{Email, Mailer, SendFailure};
use serde_json::{json, Value};

use crate::helpers::*;

const HEARING_REMINDER: &str = "reminder.hearing.supporter";
const VISIT_REMINDER: &str = "reminder.visit.supporter";

/// Monday 30 March 2026, 10:00 BST: the day after the spring change.
const MONDAY_30_MARCH: &str = "2026-03-30T10:00:00+01:00";
/// Its reminders: 7 days before (Monday 23, GMT), 2 working days before
/// (Thursday 26, GMT) and 08:00 the day before (Sunday 29, already BST).
const MONDAY_REMINDERS: [&str; 3] = [
    "2026-03-23T09:00:00+00:00",
    "2026-03-26T09:00:00+00:00",
    "2026-03-29T08:00:00+01:00",
];
/// Thursday 2 April 2026, 14:00 BST, the day before Good Friday.
const THURSDAY_2_APRIL: &str = "2026-04-02T14:00:00+01:00";
const THURSDAY_REMINDERS: [&str; 3] = [
    "2026-03-26T09:00:00+00:00",
    "2026-03-31T09:00:00+01:00",
    "2026-04-01T08:00:00+01:00",
];

#[derive(Default)]
struct RecordingMailer {
    sent: Mutex<Vec<Email>>,
    digests: Mutex<Vec<Email>>,
}

impl Mailer for RecordingMailer {
    fn send(&self, email: &Email) -> Result<(), SendFailure> {
        self.sent.lock().unwrap().push(email.clone());
        Ok(())
    }
}

impl RecordingMailer {
    /// The notices emailed since the last call. The supporters' 07:30
    /// digests, which the harness also sends on the days they have
    /// something, are kept apart (see [`RecordingMailer::digests`]).
    fn take(&self) -> Vec<Email> {
        let (digests, notices): (Vec<Email>, Vec<Email>) =
            std::mem::take(&mut *self.sent.lock().unwrap())
                .into_iter()
                .partition(|e| e.idempotency_key.starts_with("digest:"));
        self.digests.lock().unwrap().extend(digests);
        notices
    }

    fn digests(&self) -> Vec<Email> {
        self.take();
        self.digests.lock().unwrap().clone()
    }
}

fn at(s: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc)
}

fn hearing_body(case: &str, court: &str, starts_at: &str) -> Value {
    json!({"case_id": case, "kind": "mention", "court_id": court, "starts_at": starts_at,
           "estimated_minutes": 30, "victim_attends": true})
}

/// Lists a hearing for V-1002 as the witness care officer; returns its id
/// and the body, for moving it later.
async fn list_hearing(app: &TestApp, wendy: &str, starts_at: &str) -> (String, Value) {
    let case = app
        .find_id("/api/v1/cases", wendy, "urn", "13CD7654321")
        .await;
    let court = app.court_id(wendy, "Leeds Magistrates' Court").await;
    let body = hearing_body(&case, &court, starts_at);
    let hearing = app.create("/api/v1/hearings", wendy, body.clone()).await;
    (hearing["id"].as_str().unwrap().to_string(), body)
}

async fn notices(app: &TestApp, token: &str, filter: &str) -> Vec<Value> {
    let (status, list) = app
        .get(&format!("/api/v1/notices?{filter}&per_page=200"), token)
        .await;
    assert_eq!(status, 200, "{list}");
    list["items"].as_array().unwrap().clone()
}

/// The reminders of one template in one state, by their local send time.
fn local_times(list: &[Value], state: &str) -> Vec<String> {
    let mut times: Vec<String> = list
        .iter()
        .filter(|n| n["state"] == state)
        .map(|n| n["send_after_local"].as_str().unwrap().to_string())
        .collect();
    times.sort();
    times
}

/// Moves the clock to `now` and runs every job due by then; what the
/// delivery passes did.
fn run(app: &TestApp, mailer: &RecordingMailer, now: DateTime<Utc>) -> Outcome {
    app.advance_to(now, mailer).delivery
}

#[actix_web::test]
async fn reminders_fall_at_london_times_and_follow_the_hearing_when_it_moves() {
    let app = TestApp::spawn().await;
    let wendy = app.login(WENDY).await;
    let (id, mut body) = list_hearing(&app, &wendy, MONDAY_30_MARCH).await;
    let filter = format!("hearing_id={id}&template={HEARING_REMINDER}");

    let listed = notices(&app, &wendy, &filter).await;
    assert_eq!(
        local_times(&listed, "pending"),
        MONDAY_REMINDERS,
        "{listed:#?}"
    );
    assert_eq!(listed.len(), 3);
    for n in &listed {
        assert_eq!(n["recipient_kind"], "supporter");
        assert_eq!(n["channel"], "email");
        assert_eq!(n["category"], "hearing_details");
        assert_eq!(
            n["basis"],
            json!({"kind": "consent", "scope": "court_dates_to_supporter"})
        );
        assert_eq!(at(n["not_after"].as_str().unwrap()), at(MONDAY_30_MARCH));
        assert!(n["step"].as_str().unwrap().starts_with("reminder.hearing."));
    }
    // The supporter sees his own reminders.
    let ben = app.login(BEN).await;
    assert_eq!(notices(&app, &ben, &filter).await.len(), 3);

    // Moving the hearing cancels the old reminders and plans new ones.
    body["starts_at"] = json!(THURSDAY_2_APRIL);
    let (status, out) = app
        .put(&format!("/api/v1/hearings/{id}"), &wendy, 1, body.clone())
        .await;
    assert_eq!(status, 200, "{out}");
    let moved = notices(&app, &wendy, &filter).await;
    assert_eq!(local_times(&moved, "cancelled"), MONDAY_REMINDERS);
    assert_eq!(local_times(&moved, "pending"), THURSDAY_REMINDERS);
    for n in moved.iter().filter(|n| n["state"] == "pending") {
        assert_eq!(n["category"], "hearing_change");
        assert_eq!(at(n["not_after"].as_str().unwrap()), at(THURSDAY_2_APRIL));
    }
    for n in moved.iter().filter(|n| n["state"] == "cancelled") {
        assert!(
            n["cancelled_reason"]
                .as_str()
                .is_some_and(|r| r.starts_with("superseded")),
            "{n}"
        );
    }

    // Moving it back revives the first three rather than adding more.
    body["starts_at"] = json!(MONDAY_30_MARCH);
    let (status, out) = app
        .put(&format!("/api/v1/hearings/{id}"), &wendy, 2, body.clone())
        .await;
    assert_eq!(status, 200, "{out}");
    let back = notices(&app, &wendy, &filter).await;
    assert_eq!(back.len(), 6, "{back:#?}");
    assert_eq!(local_times(&back, "pending"), MONDAY_REMINDERS);
    assert_eq!(local_times(&back, "cancelled"), THURSDAY_REMINDERS);
    let ids = |list: &[Value]| {
        let mut ids: Vec<String> = list
            .iter()
            .filter(|n| n["state"] == "pending")
            .map(|n| n["id"].as_str().unwrap().to_string())
            .collect();
        ids.sort();
        ids
    };
    assert_eq!(ids(&back), ids(&listed), "the same notices, revived");

    // Vacating it cancels everything pending for the slot.
    body["status"] = json!("vacated");
    let (status, out) = app
        .put(&format!("/api/v1/hearings/{id}"), &wendy, 3, body)
        .await;
    assert_eq!(status, 200, "{out}");
    let vacated = notices(&app, &wendy, &filter).await;
    assert!(local_times(&vacated, "pending").is_empty(), "{vacated:#?}");
    app.stop().await;
}

#[actix_web::test]
async fn each_reminder_is_sent_once_at_its_moment() {
    let app = TestApp::spawn().await;
    let wendy = app.login(WENDY).await;
    let (id, _) = list_hearing(&app, &wendy, MONDAY_30_MARCH).await;
    let mailer = RecordingMailer::default();

    // Now: only the hearing's details go to Ben, no reminder yet.
    run(&app, &mailer, test_now());
    let first = mailer.take();
    assert!(
        first.iter().all(|e| !e.subject.starts_with("Reminder")),
        "{first:?}"
    );

    // (moment, emails to Ben, the reminder's subject)
    let moments = [
        ("2026-03-23T08:59:59Z", None),
        (
            "2026-03-23T09:00:00Z",
            Some("Reminder: V-1002 in 7 days, Monday 30 March 2026"),
        ),
        ("2026-03-23T09:30:00Z", None),
        ("2026-03-26T08:59:00Z", None),
        (
            "2026-03-26T09:00:00Z",
            Some("Reminder: V-1002 in 2 working days, Monday 30 March 2026"),
        ),
        // 08:00 on Sunday 29 March is BST: 07:00 UTC, not 08:00.
        ("2026-03-29T06:59:59Z", None),
        (
            "2026-03-29T07:00:00Z",
            Some("Reminder: V-1002 tomorrow, Monday 30 March 2026"),
        ),
        ("2026-03-29T08:00:00Z", None),
        ("2026-03-30T10:00:00Z", None),
    ];
    for (moment, subject) in moments {
        let outcome = run(&app, &mailer, at(moment));
        let sent = mailer.take();
        match subject {
            None => assert!(sent.is_empty(), "{moment}: {sent:?}"),
            Some(subject) => {
                assert_eq!(sent.len(), 1, "{moment}: {sent:?}");
                let email = &sent[0];
                assert_eq!(email.to, BEN, "{moment}");
                assert_eq!(email.subject, subject, "{moment}");
                assert!(email.body.contains("Case reference: 13CD7654321"));
                assert!(email.body.contains("Victim reference: V-1002"));
                assert!(email.body.contains("Time: 10am"), "{}", email.body);
                assert!(!email.body.contains("Demo Person Two"), "no victim name");
                assert!(email.idempotency_key.contains("/reminder.hearing."));
                assert_eq!(outcome.sent, 1, "{moment}: {outcome:?}");
            }
        }
    }
    // On the hearing day, Ben's digest lists it.
    let digests = mailer.digests();
    assert_eq!(digests.len(), 1, "{digests:?}");
    assert_eq!(digests[0].to, BEN);
    assert_eq!(digests[0].subject, "Your day: Monday 30 March 2026");
    // The clock has moved on ten days: sign in again.
    let wendy = app.login(WENDY).await;
    let list = notices(
        &app,
        &wendy,
        &format!("hearing_id={id}&template={HEARING_REMINDER}"),
    )
    .await;
    assert_eq!(local_times(&list, "sent"), MONDAY_REMINDERS);
    app.assert_nothing_due();
    app.stop().await;
}

#[actix_web::test]
async fn a_reminder_whose_hearing_has_started_is_cancelled_not_sent() {
    let app = TestApp::spawn().await;
    let wendy = app.login(WENDY).await;
    let (id, _) = list_hearing(&app, &wendy, MONDAY_30_MARCH).await;
    let mailer = RecordingMailer::default();
    run(&app, &mailer, test_now());
    mailer.take();
    // The first two go on time; then the worker is down until the hearing
    // has started, with the day-before reminder still waiting.
    run(&app, &mailer, at("2026-03-23T09:00:00Z"));
    run(&app, &mailer, at("2026-03-26T09:00:00Z"));
    assert_eq!(mailer.take().len(), 2);
    let late = run(&app, &mailer, at(MONDAY_30_MARCH) + Duration::minutes(1));
    assert_eq!(late.sent, 0, "{late:?}");
    assert!(late.cancelled >= 1, "{late:?}");
    assert!(mailer.take().is_empty());
    let wendy = app.login(WENDY).await;
    let list = notices(
        &app,
        &wendy,
        &format!("hearing_id={id}&template={HEARING_REMINDER}"),
    )
    .await;
    assert_eq!(local_times(&list, "sent"), MONDAY_REMINDERS[..2]);
    assert_eq!(local_times(&list, "cancelled"), MONDAY_REMINDERS[2..]);
    app.assert_nothing_due();
    app.stop().await;
}

#[actix_web::test]
async fn a_hearing_listed_close_to_its_day_gets_only_the_reminders_still_ahead() {
    let app = TestApp::spawn().await;
    let wendy = app.login(WENDY).await;
    // Tuesday 24 March 2026, 10:00 GMT: the 7-day and 2-working-day
    // reminders (17 and 20 March, 09:00) have already passed.
    let (id, _) = list_hearing(&app, &wendy, "2026-03-24T10:00:00+00:00").await;
    let list = notices(
        &app,
        &wendy,
        &format!("hearing_id={id}&template={HEARING_REMINDER}"),
    )
    .await;
    assert_eq!(
        local_times(&list, "pending"),
        ["2026-03-23T08:00:00+00:00"],
        "{list:#?}"
    );
    app.stop().await;
}

#[actix_web::test]
async fn withdrawing_consent_cancels_the_reminders_and_stops_new_ones() {
    let app = TestApp::spawn().await;
    let wendy = app.login(WENDY).await;
    let ben = app.login(BEN).await;
    let (first, _) = list_hearing(&app, &wendy, MONDAY_30_MARCH).await;
    let filter = |id: &str| format!("hearing_id={id}&template={HEARING_REMINDER}");
    assert_eq!(
        local_times(&notices(&app, &wendy, &filter(&first)).await, "pending").len(),
        3
    );
    // V-1002 withdraws consent to share court dates with Ben.
    let victim = app
        .find_id("/api/v1/victims", &ben, "reference", "V-1002")
        .await;
    let (_, consents) = app
        .get(&format!("/api/v1/consents?victim_id={victim}"), &ben)
        .await;
    let dates = consents["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["scope"] == "court_dates_to_supporter")
        .unwrap_or_else(|| panic!("{consents}"))
        .clone();
    let (status, out) = app
        .put(
            &format!("/api/v1/consents/{}", dates["id"].as_str().unwrap()),
            &ben,
            dates["version"].as_i64().unwrap(),
            json!({"victim_id": victim, "scope": "court_dates_to_supporter", "basis": "consent",
                   "given_at": dates["given_at"], "withdrawn_at": "2026-03-20T12:00:00Z"}),
        )
        .await;
    assert_eq!(status, 200, "{out}");
    let after = notices(&app, &wendy, &filter(&first)).await;
    assert!(local_times(&after, "pending").is_empty(), "{after:#?}");
    assert_eq!(local_times(&after, "cancelled"), MONDAY_REMINDERS);

    // A hearing listed now tells Ben nothing, so reminds him of nothing.
    let (second, _) = list_hearing(&app, &wendy, "2026-04-20T10:00:00+01:00").await;
    let all = notices(&app, &wendy, &format!("hearing_id={second}")).await;
    assert!(
        all.iter().all(|n| n["recipient_kind"] != "supporter"),
        "{all:#?}"
    );
    app.stop().await;
}

#[actix_web::test]
async fn a_pre_trial_visit_is_reminded_and_moving_or_cancelling_it_stops_the_old_reminders() {
    let app = TestApp::spawn().await;
    let wendy = app.login(WENDY).await;
    let case = app
        .find_id("/api/v1/cases", &wendy, "urn", "13CD7654321")
        .await;
    let court = app.court_id(&wendy, "Leeds Magistrates' Court").await;
    // Tuesday 14 April 2026, 14:00 BST.
    let mut body = json!({"case_id": case, "court_id": court, "state": "arranged",
                          "starts_at": "2026-04-14T14:00:00+01:00", "supporter_attends": true,
                          "arranged_via": "witness_care_unit"});
    let visit = app
        .create("/api/v1/pre-trial-visits", &wendy, body.clone())
        .await;
    let id = visit["id"].as_str().unwrap();
    let filter = format!("case_id={case}&template={VISIT_REMINDER}");
    let first = [
        "2026-04-07T09:00:00+01:00",
        "2026-04-10T09:00:00+01:00",
        "2026-04-13T08:00:00+01:00",
    ];
    let arranged = notices(&app, &wendy, &filter).await;
    assert_eq!(local_times(&arranged, "pending"), first, "{arranged:#?}");
    for n in &arranged {
        assert_eq!(n["recipient_kind"], "supporter");
        assert_eq!(n["category"], "pre_trial_visit");
        assert_eq!(
            at(n["not_after"].as_str().unwrap()),
            at("2026-04-14T14:00:00+01:00")
        );
    }

    // Moved a week on (Tuesday 21 April, 11:00 BST).
    body["starts_at"] = json!("2026-04-21T11:00:00+01:00");
    let (status, out) = app
        .put(
            &format!("/api/v1/pre-trial-visits/{id}"),
            &wendy,
            1,
            body.clone(),
        )
        .await;
    assert_eq!(status, 200, "{out}");
    let moved = notices(&app, &wendy, &filter).await;
    assert_eq!(local_times(&moved, "cancelled"), first);
    assert_eq!(
        local_times(&moved, "pending"),
        [
            "2026-04-14T09:00:00+01:00",
            "2026-04-17T09:00:00+01:00",
            "2026-04-20T08:00:00+01:00",
        ]
    );

    // Saved again unchanged: nothing new.
    let (status, out) = app
        .put(
            &format!("/api/v1/pre-trial-visits/{id}"),
            &wendy,
            2,
            body.clone(),
        )
        .await;
    assert_eq!(status, 200, "{out}");
    assert_eq!(notices(&app, &wendy, &filter).await.len(), 6);

    // Cancelled: nothing is left pending.
    body["state"] = json!("cancelled");
    let (status, out) = app
        .put(&format!("/api/v1/pre-trial-visits/{id}"), &wendy, 3, body)
        .await;
    assert_eq!(status, 200, "{out}");
    let cancelled = notices(&app, &wendy, &filter).await;
    assert_eq!(cancelled.len(), 6);
    assert!(
        local_times(&cancelled, "pending").is_empty(),
        "{cancelled:#?}"
    );
    app.stop().await;
}

#[actix_web::test]
async fn a_hearing_reminder_is_checked_against_the_hearing_just_before_sending() {
    use courtside::store::schema::hearings;
    use diesel::prelude::*;
    let app = TestApp::spawn().await;
    let wendy = app.login(WENDY).await;
    let (id, _) = list_hearing(&app, &wendy, MONDAY_30_MARCH).await;
    let mailer = RecordingMailer::default();
    run(&app, &mailer, test_now());
    mailer.take();
    // The hearing is taken out of the list by a change that did not plan
    // (a repair in the database, say): the reminder still must not go.
    let mut conn = app.pool.get().unwrap();
    diesel::update(hearings::table.find(&id))
        .set(hearings::status.eq("vacated"))
        .execute(&mut conn)
        .unwrap();
    let outcome = run(&app, &mailer, at("2026-03-23T09:00:00Z"));
    assert_eq!(outcome.sent, 0, "{outcome:?}");
    assert_eq!(outcome.cancelled, 1, "{outcome:?}");
    assert!(mailer.take().is_empty());
    let wendy = app.login(WENDY).await;
    let list = notices(
        &app,
        &wendy,
        &format!("hearing_id={id}&template={HEARING_REMINDER}&state=cancelled"),
    )
    .await;
    assert_eq!(list.len(), 1, "{list:#?}");
    assert_eq!(
        list[0]["cancelled_reason"],
        "the hearing has moved or is no longer listed"
    );
    app.assert_nothing_due();
    app.stop().await;
}

/// Sets how Ben's reminders come, through the API; the answer.
async fn choose_delivery(
    app: &TestApp,
    token: &str,
    delivery: &str,
) -> (reqwest::StatusCode, Value) {
    app.call(
        reqwest::Method::PUT,
        "/api/v1/me/reminder-delivery",
        Some(token),
        Some(json!({ "delivery": delivery })),
    )
    .await
}

/// The lines of a digest's "Reminders" list.
fn reminder_lines(digest: &Email) -> Vec<String> {
    digest
        .body
        .lines()
        .skip_while(|l| !l.starts_with("Reminders"))
        .skip(1)
        .take_while(|l| l.starts_with("- "))
        .map(str::to_string)
        .collect()
}

#[actix_web::test]
async fn a_supporter_who_chose_the_digest_gets_each_days_reminders_in_it_and_never_twice() {
    let app = TestApp::spawn().await;
    let ben = app.login(BEN).await;
    let wendy = app.login(WENDY).await;

    // Only supporters choose; a choice must be one of the two.
    let (status, out) = choose_delivery(&app, &wendy, "in_daily_digest").await;
    assert_eq!(status, 403, "{out}");
    let (status, out) = choose_delivery(&app, &ben, "weekly").await;
    assert_eq!(status, 422, "{out}");
    let (status, out) = app.get("/api/v1/me/reminder-delivery", &ben).await;
    assert_eq!(status, 200);
    assert_eq!(out["delivery"], "separately", "the default");
    // Friday 20 March, 12:00: today's digest time has passed, so the
    // choice applies from tomorrow's.
    let (status, out) = choose_delivery(&app, &ben, "in_daily_digest").await;
    assert_eq!(status, 200, "{out}");
    assert_eq!(out["delivery"], "in_daily_digest");
    assert_eq!(out["applies_from"], "2026-03-21");
    let (_, out) = app.get("/api/v1/me/reminder-delivery", &ben).await;
    assert_eq!(out["delivery"], "in_daily_digest");

    let (id, _) = list_hearing(&app, &wendy, MONDAY_30_MARCH).await;
    let mailer = RecordingMailer::default();
    run(&app, &mailer, test_now());
    mailer.take();

    // (the digest's moment, 07:30 London time; the reminder's own moment;
    // the line the digest carries)
    let days = [
        (
            "2026-03-23T07:30:00Z",
            "2026-03-23T09:00:00Z",
            "- Mention hearing in 7 days: Monday 30 March 2026, 10am, at Leeds Magistrates' Court (victim V-1002, case 13CD7654321)",
        ),
        (
            "2026-03-26T07:30:00Z",
            "2026-03-26T09:00:00Z",
            "- Mention hearing in 2 working days: Monday 30 March 2026, 10am, at Leeds Magistrates' Court (victim V-1002, case 13CD7654321)",
        ),
        // Sunday 29 March is BST: the digest at 06:30 UTC, the reminder's
        // 08:00 at 07:00 UTC.
        (
            "2026-03-29T06:30:00Z",
            "2026-03-29T07:00:00Z",
            "- Mention hearing tomorrow: Monday 30 March 2026, 10am, at Leeds Magistrates' Court (victim V-1002, case 13CD7654321)",
        ),
    ];
    for (digest_at, reminder_at, line) in days {
        run(&app, &mailer, at(digest_at) - Duration::seconds(1));
        assert!(
            mailer.take().is_empty(),
            "{digest_at}: nothing before 07:30"
        );
        let before = mailer.digests().len();
        run(&app, &mailer, at(digest_at));
        assert!(
            mailer.take().is_empty(),
            "{digest_at}: no reminder on its own"
        );
        let digests = mailer.digests();
        assert_eq!(digests.len(), before + 1, "{digest_at}: {digests:?}");
        let digest = digests.last().unwrap();
        assert_eq!(digest.to, BEN);
        assert_eq!(reminder_lines(digest), [line], "{}", digest.body);
        assert!(!digest.body.contains("Demo Person Two"), "no victim name");
        // At the reminder's own moment, nothing more comes.
        run(&app, &mailer, at(reminder_at));
        assert!(mailer.take().is_empty(), "{reminder_at}: sent twice");
        assert_eq!(mailer.digests().len(), before + 1);
    }

    // Each reminder is recorded as given in the digest, and its disclosure
    // to Ben is audited on the reminder's own basis.
    let wendy = app.login(WENDY).await;
    let list = notices(
        &app,
        &wendy,
        &format!("hearing_id={id}&template={HEARING_REMINDER}"),
    )
    .await;
    assert_eq!(
        local_times(&list, "cancelled"),
        MONDAY_REMINDERS,
        "{list:#?}"
    );
    for n in &list {
        assert_eq!(n["cancelled_reason"], "in your daily digest", "{n}");
    }
    let ben = app.login(BEN).await;
    let victim = app
        .find_id("/api/v1/victims", &ben, "reference", "V-1002")
        .await;
    let (status, export) = app
        .get(&format!("/api/v1/victims/{victim}/export"), &ben)
        .await;
    assert_eq!(status, 200, "{export}");
    for n in &list {
        let entries: Vec<&Value> = export["audit"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|a| a["entity_id"] == n["id"] && a["action"] == "disclose")
            .collect();
        assert_eq!(entries.len(), 1, "{n}: {entries:?}");
        assert_eq!(
            entries[0]["basis"], "consent:court_dates_to_supporter/in_daily_digest",
            "{}",
            entries[0]
        );
        assert_eq!(entries[0]["recipient"], n["recipient"]);
    }
    app.assert_nothing_due();
    app.stop().await;
}

/// Records every email, and fails every digest while `digests_fail` is set.
#[derive(Default)]
struct DigestsFailMailer {
    inner: RecordingMailer,
    digests_fail: std::sync::atomic::AtomicBool,
}

impl Mailer for DigestsFailMailer {
    fn send(&self, email: &Email) -> Result<(), SendFailure> {
        if email.idempotency_key.starts_with("digest:")
            && self.digests_fail.load(std::sync::atomic::Ordering::SeqCst)
        {
            return Err(SendFailure::Transient);
        }
        self.inner.send(email)
    }
}

#[actix_web::test]
async fn a_reminder_goes_on_its_own_when_planned_after_the_digest_or_when_the_digest_cannot_go() {
    let app = TestApp::spawn().await;
    let wendy = app.login(WENDY).await;
    let (id, _) = list_hearing(&app, &wendy, MONDAY_30_MARCH).await;
    let mailer = DigestsFailMailer::default();
    app.advance_to(test_now(), &mailer);
    mailer.inner.take();

    // Ben chooses the digest on Monday 23 March at 08:00, after that day's
    // digest: the 09:00 reminder still comes on its own.
    app.advance_to(at("2026-03-23T08:00:00Z"), &mailer);
    let ben = app.login(BEN).await;
    let (status, out) = choose_delivery(&app, &ben, "in_daily_digest").await;
    assert_eq!(status, 200, "{out}");
    assert_eq!(out["applies_from"], "2026-03-24");
    app.advance_to(at("2026-03-23T09:00:00Z"), &mailer);
    let sent = mailer.inner.take();
    assert_eq!(sent.len(), 1, "{sent:?}");
    assert_eq!(
        sent[0].subject,
        "Reminder: V-1002 in 7 days, Monday 30 March 2026"
    );

    // On Thursday 26 March the digest cannot be sent: once it is given
    // up, the reminder it held goes on its own at 09:00, once.
    mailer
        .digests_fail
        .store(true, std::sync::atomic::Ordering::SeqCst);
    // It is tried at 07:30 and again 5, 10, 15 and 20 minutes after each
    // failure, then given up; the reminder waits for it meanwhile.
    let mut failed = 0;
    for moment in ["07:30", "07:35", "07:45", "08:00", "08:20", "08:59"] {
        let ran = app.advance_to(at(&format!("2026-03-26T{moment}:00Z")), &mailer);
        failed += ran.digests.failed;
        assert!(mailer.inner.take().is_empty(), "{moment}");
    }
    assert_eq!(failed, 5, "tried five times");
    app.advance_to(at("2026-03-26T09:00:00Z"), &mailer);
    let sent = mailer.inner.take();
    assert_eq!(sent.len(), 1, "{sent:?}");
    assert_eq!(
        sent[0].subject,
        "Reminder: V-1002 in 2 working days, Monday 30 March 2026"
    );
    assert!(mailer.inner.digests().is_empty());
    let wendy = app.login(WENDY).await;
    let list = notices(
        &app,
        &wendy,
        &format!("hearing_id={id}&template={HEARING_REMINDER}"),
    )
    .await;
    assert_eq!(
        local_times(&list, "sent"),
        MONDAY_REMINDERS[..2],
        "{list:#?}"
    );
    assert_eq!(local_times(&list, "pending"), MONDAY_REMINDERS[2..]);
    app.assert_nothing_due();
    app.stop().await;
}

//! The delivery worker against the real database: leases, retries with
//! backoff, dead letters, and the checks just before sending. The tests of
//! the worker's own mechanics drive single passes by hand at chosen
//! moments; the others use the harness (`TestApp::run_due`). The mailer
//! here records what it is given; the real SMTP path is tests/smtp.rs.
//!
//! A job test: the worker's mechanics need single passes with chosen
//! settings at chosen moments, so they use the pool directly.

use std::sync::Mutex;

use chrono::Duration;
use courtside::notify::delivery::{self, DeliveryConfig};
use courtside::notify::mailer::{message_id, Email, Mailer, SendFailure};
use reqwest::StatusCode;
use serde_json::{json, Value};

use crate::helpers::*;

/// Records every email; can be told to fail.
#[derive(Default)]
pub struct RecordingMailer {
    pub sent: Mutex<Vec<Email>>,
    pub fail: Mutex<Option<SendFailure>>,
}

impl Mailer for RecordingMailer {
    fn send(&self, email: &Email) -> Result<(), SendFailure> {
        if let Some(f) = *self.fail.lock().unwrap() {
            return Err(f);
        }
        self.sent.lock().unwrap().push(email.clone());
        Ok(())
    }
}

pub fn worker(name: &str) -> DeliveryConfig {
    DeliveryConfig {
        owner: name.to_string(),
        max_attempts: 3,
        ..DeliveryConfig::default()
    }
}

/// Lists a hearing for V-1002 (Ben, not SPOC) and returns its id.
async fn list_hearing(app: &TestApp, wendy: &str, starts_at: &str) -> (String, Value) {
    let case = app
        .find_id("/api/v1/cases", wendy, "urn", "13CD7654321")
        .await;
    let court = app.court_id(wendy, "Leeds Magistrates' Court").await;
    let body = json!({"case_id": case, "kind": "mention", "court_id": court,
                      "starts_at": starts_at, "estimated_minutes": 30, "victim_attends": true});
    let hearing = app.create("/api/v1/hearings", wendy, body.clone()).await;
    (hearing["id"].as_str().unwrap().to_string(), body)
}

async fn notice_states(app: &TestApp, token: &str, hearing: &str) -> Vec<(String, String)> {
    let (_, list) = app
        .get(
            &format!("/api/v1/notices?hearing_id={hearing}&per_page=200"),
            token,
        )
        .await;
    list["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| {
            (
                n["template"].as_str().unwrap().to_string(),
                n["state"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

#[actix_web::test]
async fn due_notices_are_sent_once_with_a_stable_message_id() {
    let app = TestApp::spawn().await;
    let wendy = app.login(WENDY).await;
    let (hearing, _) = list_hearing(&app, &wendy, "2026-04-20T10:00:00+01:00").await;
    let mailer = RecordingMailer::default();
    let outcome = app.run_due_with(&mailer, &worker("a")).delivery;
    assert!(outcome.sent >= 1, "{outcome:?}");
    let sent = mailer.sent.lock().unwrap().clone();
    let to_ben: Vec<&Email> = sent.iter().filter(|e| e.to == BEN).collect();
    assert_eq!(to_ben.len(), 1, "{sent:?}");
    assert_eq!(
        to_ben[0].subject,
        "A new date for V-1002: Monday 20 April 2026"
    );
    assert!(
        to_ben[0].body.contains("V-1002"),
        "case by reference: {}",
        to_ben[0].body
    );
    assert!(
        !to_ben[0].body.contains("Demo Person Two"),
        "no victim name to the supporter by email"
    );
    // A second pass sends nothing more.
    let again = app.run_due_with(&mailer, &worker("a")).delivery;
    assert_eq!(again.sent, 0, "{again:?}");
    assert_eq!(mailer.sent.lock().unwrap().len(), sent.len());
    // The victim has no safe written channel: a person passes it on.
    let states = notice_states(&app, &wendy, &hearing).await;
    assert!(
        states.contains(&("hearing.details.victim".into(), "ready".into())),
        "{states:?}"
    );
    assert!(
        states.contains(&("hearing.details.supporter".into(), "sent".into())),
        "{states:?}"
    );
    // The metrics show it.
    let (status, _, text) = app
        .call_full(reqwest::Method::GET, "/metrics", None, None, &[])
        .await;
    assert_eq!(status, StatusCode::OK);
    assert!(
        text.as_str()
            .unwrap()
            .contains("courtside_notices{state=\"sent\"}"),
        "{text}"
    );
    app.assert_nothing_due();
    app.stop().await;
}

#[actix_web::test]
async fn a_crashed_workers_lease_runs_out_and_the_resend_is_the_same_message() {
    let app = TestApp::spawn().await;
    let wendy = app.login(WENDY).await;
    list_hearing(&app, &wendy, "2026-04-20T10:00:00+01:00").await;
    let now = test_now();
    let mut conn = app.pool.get().unwrap();
    // Worker A claims everything due and "crashes" before sending.
    let claimed = delivery::claim(&mut conn, &worker("a"), now).unwrap();
    assert!(!claimed.is_empty());
    // Worker B, while A's lease stands, finds nothing.
    let b = RecordingMailer::default();
    let during = delivery::run_once(
        &app.pool,
        &b,
        &app.renderer,
        &worker("b"),
        now + Duration::minutes(1),
    )
    .unwrap();
    assert_eq!(during.claimed, 0, "{during:?}");
    // After the lease runs out, B takes them and sends each once.
    let after = delivery::run_once(
        &app.pool,
        &b,
        &app.renderer,
        &worker("b"),
        now + Duration::minutes(6),
    )
    .unwrap();
    assert_eq!(after.claimed, claimed.len(), "{after:?}");
    let sent = b.sent.lock().unwrap().clone();
    for email in &sent {
        let original = claimed
            .iter()
            .find(|c| c.idempotency_key == email.idempotency_key)
            .unwrap();
        assert_eq!(
            message_id(&email.idempotency_key),
            message_id(&original.idempotency_key)
        );
    }
    app.stop().await;
}

/// A notice is being sent while it holds a lease, and only a pending or
/// failed notice may hold one: the claim takes the lease and leaves the
/// state as it was (so that PostgreSQL rewrites the row in place), the
/// API shows the notice as "sending", and the database refuses a lease
/// kept past the end of the sending (delivery records a result against
/// the lease's owner alone, trusting this).
#[actix_web::test]
async fn a_notice_is_sending_while_it_holds_a_lease_and_only_an_open_one_may() {
    use courtside::store::schema::notices;
    use diesel::prelude::*;
    let app = TestApp::spawn().await;
    let wendy = app.login(WENDY).await;
    let (hearing, _) = list_hearing(&app, &wendy, "2026-04-20T10:00:00+01:00").await;
    let mut conn = app.pool.get().unwrap();
    let pending: String = notices::table
        .filter(notices::state.eq("pending"))
        .filter(notices::template.eq("hearing.details.supporter"))
        .select(notices::id)
        .first(&mut conn)
        .unwrap();
    let this = || notices::table.filter(notices::id.eq(&pending));
    let stored = |conn: &mut courtside::store::AnyConn| {
        this()
            .select((notices::state, notices::lease_owner))
            .first::<(String, Option<String>)>(conn)
            .unwrap()
    };
    let claimed = delivery::claim(&mut conn, &worker("a"), test_now()).unwrap();
    assert!(claimed.iter().any(|n| n.id == pending));
    assert_eq!(stored(&mut conn), ("pending".into(), Some("a".into())));
    drop(conn);
    let states = notice_states(&app, &wendy, &hearing).await;
    assert!(
        states.contains(&("hearing.details.supporter".into(), "sending".into())),
        "{states:?}"
    );
    assert!(
        !states.contains(&("hearing.details.supporter".into(), "pending".into())),
        "{states:?}"
    );
    // The API's state filter and the metrics say it the same way.
    let ids_in = |list: &Value| -> Vec<String> {
        list["items"]
            .as_array()
            .unwrap()
            .iter()
            .map(|n| n["id"].as_str().unwrap().to_string())
            .collect()
    };
    let (_, sending) = app
        .get(
            &format!("/api/v1/notices?hearing_id={hearing}&state=sending&per_page=200"),
            &wendy,
        )
        .await;
    assert!(ids_in(&sending).contains(&pending), "{sending}");
    let (_, still_pending) = app
        .get(
            &format!("/api/v1/notices?hearing_id={hearing}&state=pending&per_page=200"),
            &wendy,
        )
        .await;
    assert!(
        !ids_in(&still_pending).contains(&pending),
        "{still_pending}"
    );
    let (status, _, text) = app
        .call_full(reqwest::Method::GET, "/metrics", None, None, &[])
        .await;
    assert_eq!(status, StatusCode::OK);
    let sending_line = format!("courtside_notices{{state=\"sending\"}} {}\n", claimed.len());
    assert!(text.as_str().unwrap().contains(&sending_line), "{text}");
    let mut conn = app.pool.get().unwrap();
    for ended in ["sent", "cancelled", "dead", "ready"] {
        let kept_lease = diesel::update(this())
            .set(notices::state.eq(ended))
            .execute(&mut conn);
        assert!(kept_lease.is_err(), "{ended}: {kept_lease:?}");
    }
    let sent = diesel::update(this())
        .set((
            notices::state.eq("sent"),
            notices::lease_owner.eq(None::<String>),
        ))
        .execute(&mut conn);
    assert_eq!(sent, Ok(1));
    let leased_when_sent = diesel::update(this())
        .set(notices::lease_owner.eq(Some("b")))
        .execute(&mut conn);
    assert!(leased_when_sent.is_err(), "{leased_when_sent:?}");
    drop(conn);
    app.stop().await;
}

/// A notice being sent (its lease taken) is left to its worker when the
/// consent it relies on is withdrawn: it is shown as "sending", stays
/// leased, and no cancellation of it is audited (the worker's record
/// says what happened to it). Once its lease runs out, the next pass's
/// check just before sending stops it.
#[actix_web::test]
async fn withdrawing_consent_leaves_a_notice_being_sent_to_its_worker() {
    use courtside::store::schema::{audit_log, notices};
    use diesel::prelude::*;
    let app = TestApp::spawn().await;
    let wendy = app.login(WENDY).await;
    let ben = app.login(BEN).await;
    let (hearing, _) = list_hearing(&app, &wendy, "2026-05-11T10:00:00+01:00").await;
    let claimed = {
        let mut conn = app.pool.get().unwrap();
        delivery::claim(&mut conn, &worker("a"), test_now()).unwrap()
    };
    let being_sent = claimed
        .iter()
        .find(|n| n.template == "hearing.details.supporter")
        .expect("the supporter's hearing details are due")
        .id
        .clone();
    let (victim, consent) = court_dates_consent(&app, &ben).await;
    withdraw_consent(&app, &ben, &victim, &consent).await;
    let states = notice_states(&app, &wendy, &hearing).await;
    assert!(
        states.contains(&("hearing.details.supporter".into(), "sending".into())),
        "{states:?}"
    );
    {
        let mut conn = app.pool.get().unwrap();
        let row = notices::table
            .find(&being_sent)
            .select((notices::state, notices::lease_owner))
            .first::<(String, Option<String>)>(&mut conn)
            .unwrap();
        assert_eq!(row, ("pending".into(), Some("a".into())));
        let cancels: i64 = audit_log::table
            .filter(audit_log::entity_id.eq(&being_sent))
            .filter(audit_log::action.eq("cancel"))
            .count()
            .get_result(&mut conn)
            .unwrap();
        assert_eq!(
            cancels, 0,
            "a cancellation audited of a notice not cancelled"
        );
    }
    let mailer = RecordingMailer::default();
    let later = delivery::run_once(
        &app.pool,
        &mailer,
        &app.renderer,
        &worker("b"),
        test_now() + Duration::minutes(10),
    )
    .unwrap();
    assert!(
        mailer.sent.lock().unwrap().iter().all(|e| e.to != BEN),
        "{later:?}"
    );
    let states = notice_states(&app, &wendy, &hearing).await;
    assert!(
        states.contains(&("hearing.details.supporter".into(), "cancelled".into())),
        "{states:?}"
    );
    app.stop().await;
}

/// The migration that makes the lease say "sending" leaves a notice an
/// older version was sending open under its lease, so its worker still
/// records the result. (Run here by planting such a row with the rule
/// taken away, and running the migration's own file again.)
#[actix_web::test]
async fn a_notice_an_older_version_was_sending_stays_leased_to_its_worker() {
    use courtside::store::schema::notices;
    use diesel::connection::SimpleConnection;
    use diesel::prelude::*;
    let app = TestApp::spawn().await;
    let wendy = app.login(WENDY).await;
    let (hearing, _) = list_hearing(&app, &wendy, "2026-04-20T10:00:00+01:00").await;
    let mut conn = app.pool.get().unwrap();
    let (old_rule, migration) = match courtside::store::dialect::backend_of(&conn) {
        courtside::store::Backend::Postgres => (
            "ALTER TABLE notices DROP CONSTRAINT notice_sending_is_its_lease; \
             ALTER TABLE notices ADD CONSTRAINT notice_lease_only_while_sending \
             CHECK ((state = 'sending') = (lease_owner IS NOT NULL))",
            include_str!(
                "../../migrations/postgres/2026-12-07-000550_notice_sending_is_its_lease/up.sql"
            ),
        ),
        courtside::store::Backend::Sqlite => (
            "DROP TRIGGER notice_sending_is_its_lease_insert; \
             DROP TRIGGER notice_sending_is_its_lease_update; \
             CREATE TRIGGER notice_lease_only_while_sending_insert BEFORE INSERT ON notices \
             WHEN (NEW.state = 'sending') <> (NEW.lease_owner IS NOT NULL) \
             BEGIN SELECT RAISE(ABORT, 'old rule'); END; \
             CREATE TRIGGER notice_lease_only_while_sending_update \
             BEFORE UPDATE OF state, lease_owner ON notices \
             WHEN (NEW.state = 'sending') <> (NEW.lease_owner IS NOT NULL) \
             BEGIN SELECT RAISE(ABORT, 'old rule'); END",
            include_str!(
                "../../migrations/sqlite/2026-12-07-000550_notice_sending_is_its_lease/up.sql"
            ),
        ),
    };
    let id: String = notices::table
        .filter(notices::state.eq("pending"))
        .filter(notices::template.eq("hearing.details.supporter"))
        .select(notices::id)
        .first(&mut conn)
        .unwrap();
    conn.batch_execute(old_rule).unwrap();
    // What the older version's claim left.
    diesel::update(notices::table.find(&id))
        .set((
            notices::state.eq("sending"),
            notices::lease_owner.eq(Some("old-worker")),
            notices::leased_until.eq(Some(courtside::store::to_db(
                test_now() + chrono::Duration::minutes(5),
            ))),
        ))
        .execute(&mut conn)
        .unwrap();
    conn.batch_execute(migration).unwrap();
    let row = notices::table
        .find(&id)
        .select((notices::state, notices::lease_owner))
        .first::<(String, Option<String>)>(&mut conn)
        .unwrap();
    assert_eq!(row, ("pending".into(), Some("old-worker".into())));
    // Not claimed by another worker while the lease runs.
    let claimed = delivery::claim(&mut conn, &worker("new"), test_now()).unwrap();
    assert!(!claimed.iter().any(|n| n.id == id), "{claimed:?}");
    drop(conn);
    let states = notice_states(&app, &wendy, &hearing).await;
    assert!(
        states.contains(&("hearing.details.supporter".into(), "sending".into())),
        "{states:?}"
    );
    // And the rule holds: a lease on an ended notice is refused.
    let mut conn = app.pool.get().unwrap();
    let kept_lease = diesel::update(notices::table.find(&id))
        .set(notices::state.eq("sent"))
        .execute(&mut conn);
    assert!(kept_lease.is_err(), "{kept_lease:?}");
    drop(conn);
    app.stop().await;
}

/// Sends, but while the first message goes the audit log disappears
/// (renamed away), so recording what was sent fails.
struct AuditGoesMidSend {
    pool: courtside::store::Pool,
    gone: std::sync::atomic::AtomicBool,
}

impl Mailer for AuditGoesMidSend {
    fn send(&self, _: &Email) -> Result<(), SendFailure> {
        use diesel::RunQueryDsl;
        if !self.gone.swap(true, std::sync::atomic::Ordering::SeqCst) {
            let mut conn = self.pool.get().unwrap();
            diesel::sql_query("ALTER TABLE audit_log RENAME TO audit_log_away")
                .execute(&mut conn)
                .unwrap();
        }
        Ok(())
    }
}

/// A pass whose record transaction fails ends with the error, its
/// senders stopped (before, they waited for ever for an answer that
/// would not come, and the worker with them), and writes nothing half:
/// what was sent stays `sending` under the lease, to be sent again with
/// the same Message-ID once the lease runs out.
#[actix_web::test]
async fn a_pass_whose_recording_fails_ends_with_the_error_and_writes_nothing() {
    let app = TestApp::spawn().await;
    let wendy = app.login(WENDY).await;
    let (hearing, _) = list_hearing(&app, &wendy, "2026-04-20T10:00:00+01:00").await;
    let mailer = AuditGoesMidSend {
        pool: app.pool.clone(),
        gone: Default::default(),
    };
    let (pool, renderer, now) = (app.pool.clone(), app.renderer.clone(), test_now());
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let _ = tx.send(delivery::run_once(
            &pool,
            &mailer,
            &renderer,
            &worker("a"),
            now,
        ));
    });
    // A guard against the old hang, not a measure of speed.
    let outcome = rx
        .recv_timeout(std::time::Duration::from_secs(120))
        .expect("the pass ended");
    assert!(outcome.is_err(), "{outcome:?}");
    {
        use diesel::RunQueryDsl;
        let mut conn = app.pool.get().unwrap();
        diesel::sql_query("ALTER TABLE audit_log_away RENAME TO audit_log")
            .execute(&mut conn)
            .unwrap();
    }
    let states = notice_states(&app, &wendy, &hearing).await;
    assert!(
        states.contains(&("hearing.details.supporter".into(), "sending".into())),
        "{states:?}"
    );
    assert!(
        !states.iter().any(|(_, state)| state == "sent"),
        "{states:?}"
    );
    app.stop().await;
}

#[actix_web::test]
async fn failures_back_off_then_dead_letter_and_a_manager_retries() {
    let app = TestApp::spawn().await;
    let wendy = app.login(WENDY).await;
    let (hearing, _) = list_hearing(&app, &wendy, "2026-04-20T10:00:00+01:00").await;
    let mailer = RecordingMailer::default();
    *mailer.fail.lock().unwrap() = Some(SendFailure::Transient);
    let cfg = worker("a");
    let mut now = test_now();
    let first = delivery::run_once(&app.pool, &mailer, &app.renderer, &cfg, now).unwrap();
    assert!(first.failed >= 1, "{first:?}");
    // Not due again until the backoff has passed.
    let early = delivery::run_once(
        &app.pool,
        &mailer,
        &app.renderer,
        &cfg,
        now + Duration::seconds(30),
    )
    .unwrap();
    assert_eq!(early.claimed, 0, "{early:?}");
    now += Duration::minutes(1);
    let second = delivery::run_once(&app.pool, &mailer, &app.renderer, &cfg, now).unwrap();
    assert!(second.failed >= 1, "{second:?}");
    now += Duration::minutes(2);
    let third = delivery::run_once(&app.pool, &mailer, &app.renderer, &cfg, now).unwrap();
    assert!(third.dead >= 1, "the third failure dead-letters: {third:?}");
    let states = notice_states(&app, &wendy, &hearing).await;
    assert!(
        states.contains(&("hearing.details.supporter".into(), "dead".into())),
        "{states:?}"
    );

    // The support service's manager sees it and puts it back.
    let maya = app.login(MAYA).await;
    let (_, dead) = app.get("/api/v1/notices?state=dead", &maya).await;
    let id = dead["items"][0]["id"].as_str().unwrap().to_string();
    let (status, _) = app
        .post(&format!("/api/v1/notices/{id}/retry"), &wendy, json!({}))
        .await;
    assert_eq!(status, StatusCode::FORBIDDEN, "only managers retry");
    let (status, retried) = app
        .post(&format!("/api/v1/notices/{id}/retry"), &maya, json!({}))
        .await;
    assert_eq!(status, StatusCode::OK, "{retried}");
    assert_eq!(retried["state"], "pending");
    *mailer.fail.lock().unwrap() = None;
    let last = delivery::run_once(&app.pool, &mailer, &app.renderer, &cfg, now).unwrap();
    assert!(last.sent >= 1, "{last:?}");
    let (status, _) = app
        .post(&format!("/api/v1/notices/{id}/retry"), &maya, json!({}))
        .await;
    assert_eq!(status, StatusCode::CONFLICT, "a sent notice is not retried");
    app.stop().await;
}

#[actix_web::test]
async fn nothing_is_sent_late_or_after_consent_is_withdrawn() {
    let app = TestApp::spawn().await;
    let wendy = app.login(WENDY).await;
    let ben = app.login(BEN).await;
    // A hearing tomorrow morning; the worker only runs after it started.
    let (hearing, _) = list_hearing(&app, &wendy, "2026-03-23T10:00:00+00:00").await;
    let mailer = RecordingMailer::default();
    let late = delivery::run_once(
        &app.pool,
        &mailer,
        &app.renderer,
        &worker("a"),
        test_now() + Duration::days(4),
    )
    .unwrap();
    assert_eq!(late.sent, 0, "{late:?}");
    assert!(late.cancelled >= 1, "{late:?}");
    assert!(mailer.sent.lock().unwrap().is_empty());
    let states = notice_states(&app, &wendy, &hearing).await;
    assert!(states.iter().all(|(_, s)| s != "sent"), "{states:?}");

    // Planned with consent; consent withdrawn before the worker runs.
    let (hearing2, _) = list_hearing(&app, &wendy, "2026-05-11T10:00:00+01:00").await;
    let (victim, consent) = court_dates_consent(&app, &ben).await;
    withdraw_consent(&app, &ben, &victim, &consent).await;
    let outcome =
        delivery::run_once(&app.pool, &mailer, &app.renderer, &worker("a"), test_now()).unwrap();
    let to_ben: Vec<Email> = mailer
        .sent
        .lock()
        .unwrap()
        .iter()
        .filter(|e| e.to == BEN)
        .cloned()
        .collect();
    assert!(to_ben.is_empty(), "{outcome:?} {to_ben:?}");
    let states = notice_states(&app, &wendy, &hearing2).await;
    assert!(
        states.contains(&("hearing.details.supporter".into(), "cancelled".into())),
        "{states:?}"
    );
    app.assert_nothing_due();
    app.stop().await;
}

#[actix_web::test]
async fn a_notice_sent_through_a_spoc_is_cancelled_once_the_arrangement_ends() {
    let app = TestApp::spawn().await;
    let wendy = app.login(WENDY).await;
    let amara = app.login(AMARA).await;
    // V-1001 chose Amara as single point of contact: updates meant for
    // the victim go to Amara on that basis.
    let case = app
        .find_id("/api/v1/cases", &wendy, "urn", "13AB1234526")
        .await;
    let court = app.court_id(&wendy, "Leeds Combined Court Centre").await;
    let hearing = app
        .create(
            "/api/v1/hearings",
            &wendy,
            json!({"case_id": case, "kind": "mention", "court_id": court,
                   "starts_at": "2026-05-18T10:00:00+01:00", "estimated_minutes": 30,
                   "victim_attends": true}),
        )
        .await;
    let hearing = hearing["id"].as_str().unwrap().to_string();
    let (_, list) = app
        .get(
            &format!("/api/v1/notices?hearing_id={hearing}&per_page=200"),
            &wendy,
        )
        .await;
    let by_spoc: Vec<String> = list["items"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|n| n["basis"]["kind"] == "spoc_agreement" && n["state"] == "pending")
        // Due now (the timed reminders wait for their moment).
        .filter(|n| {
            n["send_after"]
                .as_str()
                .and_then(|t| chrono::DateTime::parse_from_rfc3339(t).ok())
                .is_some_and(|t| t <= test_now())
        })
        .map(|n| n["id"].as_str().unwrap().to_string())
        .collect();
    assert!(!by_spoc.is_empty(), "planned through the SPOC: {list}");

    // Between planning and sending, the arrangement ends (Amara stays the
    // supporter, no longer the single point of contact).
    let victim = app
        .find_id("/api/v1/victims", &amara, "reference", "V-1001")
        .await;
    let (_, assignments) = app
        .get(
            &format!("/api/v1/supporter-assignments?victim_id={victim}"),
            &amara,
        )
        .await;
    let a = assignments["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["is_spoc"] == true)
        .unwrap_or_else(|| panic!("a SPOC assignment: {assignments}"))
        .clone();
    let (status, out) = app
        .put(
            &format!(
                "/api/v1/supporter-assignments/{}",
                a["id"].as_str().unwrap()
            ),
            &amara,
            a["version"].as_i64().unwrap(),
            json!({"victim_id": victim, "supporter_id": a["supporter_id"], "role": a["role"],
                   "starts_on": a["starts_on"], "is_spoc": false}),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{out}");

    let mailer = RecordingMailer::default();
    let outcome =
        delivery::run_once(&app.pool, &mailer, &app.renderer, &worker("a"), test_now()).unwrap();
    let (_, list) = app
        .get(
            &format!("/api/v1/notices?hearing_id={hearing}&per_page=200"),
            &wendy,
        )
        .await;
    for id in &by_spoc {
        let n = list["items"]
            .as_array()
            .unwrap()
            .iter()
            .find(|n| n["id"] == id.as_str())
            .unwrap();
        assert_eq!(n["state"], "cancelled", "{outcome:?} {n}");
    }
    app.assert_nothing_due();
    app.stop().await;
}

/// A notice made due now goes out without waiting for the worker's tick:
/// the tick is set to an hour here, and the notice is still sent.
#[actix_web::test]
async fn a_notice_made_due_now_wakes_the_worker() {
    let app = TestApp::spawn().await;
    let wendy = app.login(WENDY).await;
    let mailer = std::sync::Arc::new(RecordingMailer::default());
    let _scheduler = courtside::scheduler::start(
        app.pool.clone(),
        std::sync::Arc::new(app.clock.clone()),
        mailer.clone(),
        app.renderer.clone(),
        3600,
        worker("woken"),
    )
    .await
    .unwrap();
    // Waits (bounded, not a speed goal) until Ben has the court-date email
    // for `date`.
    let sent_to_ben = |subject: String| {
        let mailer = mailer.clone();
        async move {
            let started = std::time::Instant::now();
            while !mailer
                .sent
                .lock()
                .unwrap()
                .iter()
                .any(|e| e.to == BEN && e.subject == subject)
            {
                assert!(
                    started.elapsed() < std::time::Duration::from_secs(30),
                    "not sent: {subject}"
                );
                actix_web::rt::time::sleep(std::time::Duration::from_millis(50)).await;
            }
        }
    };
    // The worker's first pass (at start) sends what is due then.
    list_hearing(&app, &wendy, "2026-04-20T10:00:00+01:00").await;
    sent_to_ben("A new date for V-1002: Monday 20 April 2026".into()).await;
    // Now it sleeps (the tick is an hour away): a hearing listed now makes
    // notices due now, and they go at once.
    list_hearing(&app, &wendy, "2026-04-27T10:00:00+01:00").await;
    sent_to_ben("A new date for V-1002: Monday 27 April 2026".into()).await;
    app.stop().await;
}

//! Privacy: sensitive details encrypted at rest and key rotation, the
//! subject-access export, erasure after the retention period, and consent
//! expiry.
//!
//! Job and store tests: key rotation and retention are jobs run by hand on
//! a connection, and what is sealed at rest, audited or kept is read in the
//! store.

use chrono::{Duration, Months};
use courtside::crypto::{self, KeyRing};
use courtside::store::schema::victim_sensitive_details as vsd;
use courtside::store::schema::{audit_log, cases, consents, hearings, notices};
use diesel::prelude::*;
use reqwest::StatusCode;
use serde_json::{json, Value};

use crate::delivery::RecordingMailer;
use crate::helpers::*;

const NAME: &str = "Demo Person Two";

async fn v1002(app: &TestApp, ben: &str) -> String {
    app.find_id("/api/v1/victims", ben, "reference", "V-1002")
        .await
}

type Sealed = Option<String>;

/// The sealed columns as stored.
fn raw(app: &TestApp, victim: &str) -> Option<Vec<Option<String>>> {
    let mut conn = app.pool.get().unwrap();
    let row: Option<(String, Sealed, Sealed, Sealed, Sealed)> = vsd::table
        .find(victim)
        .select((
            vsd::full_name,
            vsd::phone,
            vsd::email,
            vsd::address,
            vsd::needs,
        ))
        .first(&mut conn)
        .optional()
        .unwrap();
    row.map(|(n, p, e, a, d)| vec![Some(n), p, e, a, d])
}

fn details(victim: &str) -> Value {
    json!({
        "victim_id": victim,
        "full_name": NAME,
        "phone": "07700 900456",
        "email": "person.two@example.org",
        "address": "12 Example Road, Leeds",
        "needs": "Step-free access; prefers a female usher",
        "safe_channels": ["email", "phone"],
        "safe_hours": "weekdays 10-14",
        "interpreter_language": "Polish",
        "guardian_name": null
    })
}

#[actix_web::test]
async fn details_are_ciphertext_at_rest_and_plaintext_through_the_api() {
    let app = TestApp::spawn().await;
    let ben = app.login(BEN).await;
    let victim = v1002(&app, &ben).await;
    // The seeded name is sealed.
    let seeded = raw(&app, &victim).unwrap();
    let name = seeded[0].as_deref().unwrap();
    assert!(name.starts_with("v1:") && !name.contains(NAME), "{name}");
    let (status, got) = app
        .get(&format!("/api/v1/victim-details/{victim}"), &ben)
        .await;
    assert_eq!(status, StatusCode::OK, "{got}");
    assert_eq!(got["full_name"], NAME);
    // A change is sealed too, each value under its own nonce.
    let version = got["version"].as_i64().unwrap();
    let (status, put) = app
        .put(
            &format!("/api/v1/victim-details/{victim}"),
            &ben,
            version,
            details(&victim),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{put}");
    assert_eq!(put["address"], "12 Example Road, Leeds");
    assert_eq!(put["phone"], "07700 900456");
    let stored = raw(&app, &victim).unwrap();
    let want = details(&victim);
    for (value, field) in stored
        .iter()
        .zip(["full_name", "phone", "email", "address", "needs"])
    {
        let value = value.as_deref().unwrap();
        let plain = want[field].as_str().unwrap();
        assert!(value.starts_with("v1:"), "{field}: {value}");
        assert!(!value.contains(plain), "{field} stored in clear");
        assert!(
            !value.contains("Leeds") && !value.contains("0770"),
            "{field}"
        );
    }
    assert_ne!(stored[0].as_deref(), Some(name), "fresh nonce on rewrite");
    let (_, again) = app
        .get(&format!("/api/v1/victim-details/{victim}"), &ben)
        .await;
    assert_eq!(again["email"], "person.two@example.org");
    assert_eq!(again["needs"], want["needs"]);
    assert_eq!(again["safe_hours"], "weekdays 10-14");
    app.stop().await;
}

#[actix_web::test]
async fn rotation_re_encrypts_under_the_new_key_and_reads_continue() {
    let app = TestApp::spawn().await;
    let ben = app.login(BEN).await;
    let victim = v1002(&app, &ben).await;
    let (_, got) = app
        .get(&format!("/api/v1/victim-details/{victim}"), &ben)
        .await;
    app.put(
        &format!("/api/v1/victim-details/{victim}"),
        &ben,
        got["version"].as_i64().unwrap(),
        details(&victim),
    )
    .await;
    let before = raw(&app, &victim).unwrap();
    // The operator lists a new key first and keeps the old ones.
    let id = format!("rot{}", &uuid::Uuid::new_v4().simple().to_string()[..8]);
    let new = KeyRing::parse(&KeyRing::generate_spec(&id))
        .unwrap()
        .with_readers(&crypto::ring().unwrap());
    crypto::install(new.clone());
    // Old values still read while nothing has been rewritten yet.
    let (status, mid) = app
        .get(&format!("/api/v1/victim-details/{victim}"), &ben)
        .await;
    assert_eq!(status, StatusCode::OK, "{mid}");
    assert_eq!(mid["address"], "12 Example Road, Leeds");
    // One row per transaction.
    let report = courtside::privacy::rotate(&mut app.pool.get().unwrap(), &new, 1, false).unwrap();
    assert!(report.rows_seen >= 4, "{report:?}");
    assert_eq!(report.rows_rewritten, report.rows_seen, "{report:?}");
    assert!(report.batches >= report.rows_seen, "{report:?}");
    let after = raw(&app, &victim).unwrap();
    for (old, new_value) in before.iter().zip(&after) {
        let new_value = new_value.as_deref().unwrap();
        assert!(new_value.starts_with(&format!("v1:{id}:")), "{new_value}");
        assert_ne!(old.as_deref(), Some(new_value));
    }
    let (_, read) = app
        .get(&format!("/api/v1/victim-details/{victim}"), &ben)
        .await;
    assert_eq!(read["full_name"], NAME);
    assert_eq!(read["address"], "12 Example Road, Leeds");
    // A second run has nothing left to do.
    let again = courtside::privacy::rotate(&mut app.pool.get().unwrap(), &new, 100, false).unwrap();
    assert_eq!(again.rows_rewritten, 0, "{again:?}");
    app.stop().await;
}

#[actix_web::test]
async fn subject_access_export_holds_the_victims_records_for_their_supporter_only() {
    let app = TestApp::spawn().await;
    let ben = app.login(BEN).await;
    let victim = v1002(&app, &ben).await;
    let path = format!("/api/v1/victims/{victim}/export");
    let (status, out) = app.get(&path, &ben).await;
    assert_eq!(status, StatusCode::OK, "{out}");
    assert_eq!(out["victim"]["reference"], "V-1002");
    assert_eq!(out["sensitive_details"]["full_name"], NAME);
    assert_eq!(out["cases"].as_array().unwrap().len(), 1, "{out}");
    assert_eq!(out["cases"][0]["urn"], "13CD7654321");
    assert!(!out["hearings"].as_array().unwrap().is_empty(), "{out}");
    assert_eq!(out["consents"].as_array().unwrap().len(), 2, "{out}");
    assert!(!out["assignments"].as_array().unwrap().is_empty());
    for key in [
        "pre_trial_visits",
        "special_measures_discussions",
        "parole_milestones",
        "attendance_requests",
        "notices",
        "tasks",
        "deadlines",
        "warnings",
        "audit",
    ] {
        assert!(out[key].is_array(), "{key}: {out}");
    }
    // Nothing about another victim.
    assert!(!out.to_string().contains("Demo Person One"));
    // The export itself is audited, once, and the next export shows it
    // (an export lists the audit entries made before it).
    let (_, second) = app.get(&path, &ben).await;
    let exports: Vec<&Value> = second["audit"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|a| a["category"] == "subject_access_export")
        .collect();
    assert_eq!(exports.len(), 1, "{second}");
    assert_eq!(exports[0]["action"], "read_sensitive", "{second}");
    assert_eq!(exports[0]["entity_id"], victim.as_str(), "{second}");
    // Managers and administrators may not; another supporter cannot
    // reach the victim at all.
    for who in [MAYA, ADMIN, CORA] {
        let token = app.login(who).await;
        let (status, body) = app.get(&path, &token).await;
        assert_eq!(status, StatusCode::FORBIDDEN, "{who}: {body}");
    }
    let amara = app.login(AMARA).await;
    let (status, body) = app.get(&path, &amara).await;
    assert!(
        matches!(status, StatusCode::FORBIDDEN | StatusCode::NOT_FOUND),
        "{status} {body}"
    );
    assert!(!body.to_string().contains(NAME));
    app.stop().await;
}

#[actix_web::test]
async fn retention_erases_only_after_the_period_and_dry_run_changes_nothing() {
    let app = TestApp::spawn().await;
    let ben = app.login(BEN).await;
    let victim = v1002(&app, &ben).await;
    let wendy = app.login(WENDY).await;
    // A pending notice for the victim, then the case closes today.
    let case = app
        .find_id("/api/v1/cases", &wendy, "urn", "13CD7654321")
        .await;
    let court = app.court_id(&wendy, "Leeds Magistrates' Court").await;
    let mention = app
        .create(
            "/api/v1/hearings",
            &wendy,
            json!({"case_id": case, "kind": "mention", "court_id": court,
                   "starts_at": "2026-04-20T10:00:00+01:00", "estimated_minutes": 30,
                   "victim_attends": true}),
        )
        .await;
    // Her safety plan for that day: every part of it is her free text.
    app.create(
        &format!(
            "/api/v1/hearings/{}/safety-plan",
            mention["id"].as_str().unwrap()
        ),
        &ben,
        json!({"entrance": "Side door", "exit": "Side door", "waiting_area": "Room 2"}),
    )
    .await;
    // A protective order with her note about the respondent.
    app.create(
        &format!("/api/v1/cases/{case}/protective-orders"),
        &ben,
        json!({"kind": "non_molestation", "made_on": "2026-03-02", "ends_on": "2026-09-01",
               "court_id": court, "note": "Respondent seen near the school"}),
    )
    .await;
    let now = test_now();
    {
        let mut conn = app.pool.get().unwrap();
        diesel::update(cases::table.find(&case))
            .set((
                cases::status.eq("closed"),
                cases::updated_at.eq(courtside::store::to_db(now)),
            ))
            .execute(&mut conn)
            .unwrap();
        diesel::update(hearings::table.filter(hearings::case_id.eq(&case)))
            .set(hearings::outcome.eq("Adjourned; the defendant's new address is known"))
            .execute(&mut conn)
            .unwrap();
    }
    let pending = |app: &TestApp| -> i64 {
        notices::table
            .filter(notices::victim_id.eq(&victim))
            .filter(notices::state.eq("pending"))
            .count()
            .get_result(&mut app.pool.get().unwrap())
            .unwrap()
    };
    assert!(pending(&app) > 0);
    // Within the period: nothing is due.
    let soon = now + Duration::days(2000);
    let r = courtside::privacy::retention(&mut app.pool.get().unwrap(), soon, 2190, true).unwrap();
    assert_eq!(r.victims, 0, "{r:?}");
    // Past it: a dry run counts and changes nothing.
    app.clock.set(now + Duration::days(2191));
    let later = now + Duration::days(2191);
    let dry =
        courtside::privacy::retention(&mut app.pool.get().unwrap(), later, 2190, false).unwrap();
    assert_eq!(dry.victims, 1, "{dry:?}");
    assert_eq!(dry.victim_ids, vec![victim.clone()]);
    assert_eq!(dry.sensitive_rows, 1);
    assert!(dry.hearings >= 1 && dry.notices_cancelled >= 1, "{dry:?}");
    assert_eq!(dry.safety_plans, 1, "{dry:?}");
    assert_eq!(dry.notes_erased, 1, "the order's note: {dry:?}");
    assert!(raw(&app, &victim).is_some(), "dry run erased");
    assert!(pending(&app) > 0);
    // Applied: details gone, free text erased, notices cancelled, ids kept.
    let done =
        courtside::privacy::retention(&mut app.pool.get().unwrap(), later, 2190, true).unwrap();
    assert_eq!(done.victims, 1);
    assert_eq!(done.sensitive_rows, 1);
    assert_eq!(done.hearings, dry.hearings);
    assert_eq!(done.notices_cancelled, dry.notices_cancelled);
    assert_eq!(done.safety_plans, 1, "{done:?}");
    assert_eq!(done.notes_erased, 1, "{done:?}");
    assert!(raw(&app, &victim).is_none());
    assert_eq!(pending(&app), 0);
    let mut conn = app.pool.get().unwrap();
    let outcomes: Vec<Option<String>> = hearings::table
        .filter(hearings::case_id.eq(&case))
        .select(hearings::outcome)
        .load(&mut conn)
        .unwrap();
    assert!(
        outcomes.iter().all(|o| o.as_deref() == Some("[erased]")),
        "{outcomes:?}"
    );
    let erasures: i64 = audit_log::table
        .filter(audit_log::victim_id.eq(&victim))
        .filter(audit_log::category.eq("retention_erasure"))
        .count()
        .get_result(&mut conn)
        .unwrap();
    assert_eq!(erasures, 1);
    let plans: i64 = courtside::store::schema::safety_plans::table
        .count()
        .get_result(&mut conn)
        .unwrap();
    assert_eq!(plans, 0);
    // The victim's record remains, by reference, for reporting.
    let ben = app.login(BEN).await;
    let (status, body) = app.get(&format!("/api/v1/victims/{victim}"), &ben).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert_eq!(body["reference"], "V-1002");
    // Nothing left to do on a second run; other victims untouched.
    let again = courtside::privacy::retention(&mut conn, later, 2190, true).unwrap();
    assert_eq!(again.victims, 0, "{again:?}");
    let left: i64 = vsd::table.count().get_result(&mut conn).unwrap();
    assert_eq!(left, 3);
    app.stop().await;
}

#[actix_web::test]
async fn a_consent_not_renewed_in_time_stops_the_notice() {
    let app = TestApp::spawn().await;
    let ben = app.login(BEN).await;
    let victim = v1002(&app, &ben).await;
    let wendy = app.login(WENDY).await;
    let case = app
        .find_id("/api/v1/cases", &wendy, "urn", "13CD7654321")
        .await;
    let court = app.court_id(&wendy, "Leeds Magistrates' Court").await;
    app.create(
        "/api/v1/hearings",
        &wendy,
        json!({"case_id": case, "kind": "mention", "court_id": court,
               "starts_at": "2026-04-20T10:00:00+01:00", "estimated_minutes": 30,
               "victim_attends": true}),
    )
    .await;
    // The consent to tell Ben was given 25 months ago and never renewed.
    let now = test_now();
    diesel::update(consents::table.filter(consents::victim_id.eq(&victim)))
        .set(consents::given_at.eq(courtside::store::to_db(
            now.checked_sub_months(Months::new(25)).unwrap(),
        )))
        .execute(&mut app.pool.get().unwrap())
        .unwrap();
    let mailer = RecordingMailer::default();
    app.run_due(&mailer);
    let sent = mailer.sent.lock().unwrap().clone();
    assert!(sent.iter().all(|e| e.to != BEN), "{sent:?}");
    // Ben's own notices about her that were stopped, read as Ben.
    let (status, stopped) = app
        .get(
            &format!("/api/v1/notices?victim_id={victim}&state=cancelled&per_page=200"),
            &ben,
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{stopped}");
    let reasons: Vec<Option<String>> = stopped["items"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|n| n["recipient_kind"] == "supporter")
        .map(|n| n["cancelled_reason"].as_str().map(str::to_string))
        .collect();
    assert!(
        reasons
            .iter()
            .any(|r| r.as_deref() == Some("the victim's consent no longer stands")),
        "{reasons:?}"
    );
    app.assert_nothing_due();
    app.stop().await;
}

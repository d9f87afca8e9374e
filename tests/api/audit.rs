//! The audit log: changes, sensitive reads and disclosures are chained;
//! any edit, deletion or reordering is found by `verify-audit`.

use courtside::audit::{self, Verdict};
use courtside::store::schema::audit_log;
use diesel::prelude::*;
use reqwest::StatusCode;
use serde_json::json;

use crate::helpers::*;

/// Changes a hearing, reads sensitive details and sends the notices, so
/// the log holds each kind of entry.
async fn some_history(app: &TestApp) {
    let wendy = app.login(WENDY).await;
    let ben = app.login(BEN).await;
    let case = app
        .find_id("/api/v1/cases", &wendy, "urn", "13CD7654321")
        .await;
    let court = app.court_id(&wendy, "Leeds Magistrates' Court").await;
    app.create(
        "/api/v1/hearings",
        &wendy,
        json!({"case_id": case, "kind": "mention", "court_id": court,
               "starts_at": "2026-04-20T10:00:00+01:00", "estimated_minutes": 30}),
    )
    .await;
    let victim = app
        .find_id("/api/v1/victims", &ben, "reference", "V-1002")
        .await;
    let (status, _) = app
        .get(&format!("/api/v1/victim-details/{victim}"), &ben)
        .await;
    assert_eq!(status, StatusCode::OK);
    let mailer = crate::delivery::RecordingMailer::default();
    app.run_due(&mailer);
}

#[derive(Queryable, Debug)]
struct Row {
    seq: i64,
    actor_user_id: Option<String>,
    action: String,
    entity: String,
    victim_id: Option<String>,
    recipient: Option<String>,
    category: Option<String>,
    basis: Option<String>,
}

fn rows(app: &TestApp) -> Vec<Row> {
    let mut conn = app.pool.get().unwrap();
    audit_log::table
        .order(audit_log::seq.asc())
        .select((
            audit_log::seq,
            audit_log::actor_user_id,
            audit_log::action,
            audit_log::entity,
            audit_log::victim_id,
            audit_log::recipient,
            audit_log::category,
            audit_log::basis,
        ))
        .load(&mut conn)
        .unwrap()
}

fn verdict(app: &TestApp) -> Verdict {
    let mut conn = app.pool.get().unwrap();
    audit::verify(&mut conn).unwrap()
}

#[actix_web::test]
async fn changes_reads_and_disclosures_are_chained() {
    let app = TestApp::spawn().await;
    some_history(&app).await;
    let all = rows(&app);
    assert!(all
        .iter()
        .any(|r| r.action == "create" && r.entity == "hearings" && r.actor_user_id.is_some()));
    let read = all
        .iter()
        .find(|r| r.action == "read_sensitive")
        .expect("a sensitive read");
    assert_eq!(read.entity, "victim-details");
    assert!(read.victim_id.is_some());
    let disclosed = all
        .iter()
        .find(|r| {
            r.action == "disclose"
                && r.recipient
                    .as_deref()
                    .is_some_and(|k| k.starts_with("supporter:"))
        })
        .expect("a disclosure to the supporter");
    assert_eq!(disclosed.category.as_deref(), Some("hearing_details"));
    assert_eq!(
        disclosed.basis.as_deref(),
        Some("consent:court_dates_to_supporter")
    );
    assert_eq!(
        verdict(&app),
        Verdict::Intact {
            entries: all.len() as i64
        }
    );
    app.stop().await;
}

#[actix_web::test]
async fn an_edited_entry_is_found() {
    let app = TestApp::spawn().await;
    some_history(&app).await;
    let target = rows(&app)[1].seq;
    let mut conn = app.pool.get().unwrap();
    diesel::update(audit_log::table.filter(audit_log::seq.eq(target)))
        .set(audit_log::entity_id.eq("someone-else"))
        .execute(&mut conn)
        .unwrap();
    match verdict(&app) {
        Verdict::Broken { seq, problem } => {
            assert_eq!(seq, target);
            assert!(problem.contains("changed"), "{problem}");
        }
        other => panic!("not detected: {other:?}"),
    }
    app.stop().await;
}

#[actix_web::test]
async fn a_deleted_entry_is_found() {
    let app = TestApp::spawn().await;
    some_history(&app).await;
    let target = rows(&app)[2].seq;
    let mut conn = app.pool.get().unwrap();
    diesel::delete(audit_log::table.filter(audit_log::seq.eq(target)))
        .execute(&mut conn)
        .unwrap();
    match verdict(&app) {
        Verdict::Broken { seq, .. } => assert_eq!(seq, target),
        other => panic!("not detected: {other:?}"),
    }
    app.stop().await;
}

#[actix_web::test]
async fn reordered_entries_are_found() {
    let app = TestApp::spawn().await;
    some_history(&app).await;
    let all = rows(&app);
    let (a, b) = (all[1].seq, all[2].seq);
    let mut conn = app.pool.get().unwrap();
    // Swap two entries' places in the sequence.
    diesel::update(audit_log::table.filter(audit_log::seq.eq(a)))
        .set(audit_log::seq.eq(-1))
        .execute(&mut conn)
        .unwrap();
    diesel::update(audit_log::table.filter(audit_log::seq.eq(b)))
        .set(audit_log::seq.eq(a))
        .execute(&mut conn)
        .unwrap();
    diesel::update(audit_log::table.filter(audit_log::seq.eq(-1)))
        .set(audit_log::seq.eq(b))
        .execute(&mut conn)
        .unwrap();
    match verdict(&app) {
        Verdict::Broken { seq, .. } => assert_eq!(seq, a),
        other => panic!("not detected: {other:?}"),
    }
    app.stop().await;
}

#[actix_web::test]
async fn entries_cut_from_the_end_are_found_and_the_command_says_so() {
    let app = TestApp::spawn().await;
    some_history(&app).await;
    let intact = std::process::Command::new(env!("CARGO_BIN_EXE_courtside"))
        .arg("verify-audit")
        .env("DATABASE_URL", &app.database_url)
        .output()
        .unwrap();
    assert!(
        intact.status.success(),
        "{}",
        String::from_utf8_lossy(&intact.stderr)
    );
    assert!(String::from_utf8_lossy(&intact.stdout).contains("intact"));

    let last = rows(&app).last().unwrap().seq;
    let mut conn = app.pool.get().unwrap();
    diesel::delete(audit_log::table.filter(audit_log::seq.eq(last)))
        .execute(&mut conn)
        .unwrap();
    assert!(matches!(verdict(&app), Verdict::Broken { .. }));
    let broken = std::process::Command::new(env!("CARGO_BIN_EXE_courtside"))
        .arg("verify-audit")
        .env("DATABASE_URL", &app.database_url)
        .output()
        .unwrap();
    assert!(!broken.status.success());
    assert!(
        String::from_utf8_lossy(&broken.stderr).contains("broken"),
        "{}",
        String::from_utf8_lossy(&broken.stderr)
    );
    app.stop().await;
}

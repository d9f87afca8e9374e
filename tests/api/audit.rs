//! The audit log: changes, sensitive reads and disclosures are chained;
//! any edit, deletion or reordering is found by `verify-audit`.
//!
//! A store test: the chain is verified and tampered with in the store,
//! which only `verify-audit` reads; the history itself is made through the
//! API and the harness.

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
    app.assert_nothing_due();
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

/// The audit rows about one notice: (action, victim id, basis).
fn notice_rows(app: &TestApp, notice_id: &str) -> Vec<(String, Option<String>, Option<String>)> {
    let mut conn = app.pool.get().unwrap();
    audit_log::table
        .filter(audit_log::entity.eq("notices"))
        .filter(audit_log::entity_id.eq(notice_id))
        .order(audit_log::seq.asc())
        .select((audit_log::action, audit_log::victim_id, audit_log::basis))
        .load(&mut conn)
        .unwrap()
}

#[actix_web::test]
async fn a_withdrawn_consent_and_every_notice_it_stopped_are_in_the_record_and_the_export() {
    let app = TestApp::spawn().await;
    let wendy = app.login(WENDY).await;
    let ben = app.login(BEN).await;
    let case = app
        .find_id("/api/v1/cases", &wendy, "urn", "13CD7654321")
        .await;
    let victim = app
        .find_id("/api/v1/victims", &ben, "reference", "V-1002")
        .await;
    let court = app.court_id(&wendy, "Leeds Magistrates' Court").await;
    // Two hearings: Ben is to be told of each, on V-1002's consent.
    for starts_at in ["2026-04-20T10:00:00+01:00", "2026-05-11T14:00:00+01:00"] {
        app.create(
            "/api/v1/hearings",
            &wendy,
            json!({"case_id": case, "kind": "mention", "court_id": court,
                   "starts_at": starts_at, "estimated_minutes": 30}),
        )
        .await;
    }
    let (_, list) = app
        .get(
            &format!("/api/v1/notices?victim_id={victim}&per_page=200"),
            &ben,
        )
        .await;
    let on_consent: Vec<String> = list["items"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|n| {
            n["state"] == "pending"
                && n["basis"]["kind"] == "consent"
                && n["basis"]["scope"] == "court_dates_to_supporter"
        })
        .map(|n| n["id"].as_str().unwrap().to_string())
        .collect();
    assert!(on_consent.len() >= 2, "{list}");
    // Each was recorded as planned, with the victim's id.
    for id in &on_consent {
        let rows = notice_rows(&app, id);
        assert_eq!(rows.len(), 1, "{id}: {rows:?}");
        assert_eq!(rows[0].0, "plan");
        assert_eq!(rows[0].1.as_deref(), Some(victim.as_str()));
        assert_eq!(
            rows[0].2.as_deref(),
            Some("consent:court_dates_to_supporter")
        );
    }

    // The victim withdraws that consent.
    let (_, consents) = app
        .get(&format!("/api/v1/consents?victim_id={victim}"), &ben)
        .await;
    let consent = consents["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["scope"] == "court_dates_to_supporter")
        .unwrap_or_else(|| panic!("{consents}"))
        .clone();
    let consent_id = consent["id"].as_str().unwrap().to_string();
    let mut withdrawn = json!({"victim_id": victim, "scope": "court_dates_to_supporter",
                               "basis": consent["basis"], "given_at": consent["given_at"],
                               "withdrawn_at": "2026-03-20T12:00:00Z"});
    if let Some(reason) = consent["basis_reason"].as_str() {
        withdrawn["basis_reason"] = json!(reason);
    }
    let (status, out) = app
        .put(
            &format!("/api/v1/consents/{consent_id}"),
            &ben,
            consent["version"].as_i64().unwrap(),
            withdrawn,
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{out}");

    // One cancel row per notice stopped, each with the victim's id and why.
    for id in &on_consent {
        let rows = notice_rows(&app, id);
        let cancels: Vec<_> = rows.iter().filter(|r| r.0 == "cancel").collect();
        assert_eq!(cancels.len(), 1, "{id}: {rows:?}");
        assert_eq!(cancels[0].1.as_deref(), Some(victim.as_str()));
        assert_eq!(
            cancels[0].2.as_deref(),
            Some("consent_withdrawn/consent:court_dates_to_supporter")
        );
    }
    let all = rows(&app);
    assert_eq!(
        all.iter().filter(|r| r.action == "cancel").count(),
        on_consent.len(),
        "nothing else was cancelled"
    );
    // The withdrawal itself: the supporter's change, with the victim's id.
    let change = all
        .iter()
        .rev()
        .find(|r| r.entity == "consents" && r.action == "update")
        .expect("the withdrawal is recorded");
    assert_eq!(change.victim_id.as_deref(), Some(victim.as_str()));
    assert!(change.actor_user_id.is_some());
    assert_eq!(change.category.as_deref(), Some("court_dates_to_supporter"));

    // The victim's export shows the withdrawal and what it stopped.
    let (status, export) = app
        .get(&format!("/api/v1/victims/{victim}/export"), &ben)
        .await;
    assert_eq!(status, StatusCode::OK, "{export}");
    let audit = export["audit"].as_array().unwrap();
    assert!(
        audit.iter().any(|a| a["entity"] == "consents"
            && a["entity_id"] == consent_id.as_str()
            && a["action"] == "update"),
        "{export}"
    );
    for id in &on_consent {
        assert!(
            audit
                .iter()
                .any(|a| a["entity_id"] == id.as_str() && a["action"] == "cancel"),
            "{id} not in {export}"
        );
        let notice = export["notices"]
            .as_array()
            .unwrap()
            .iter()
            .find(|n| n["id"] == id.as_str())
            .unwrap();
        assert_eq!(notice["state"], "cancelled", "{notice}");
    }
    let withdrawn_consent = export["consents"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["id"] == consent_id.as_str())
        .unwrap();
    assert!(withdrawn_consent["withdrawn_at"].is_string());
    // Ids and categories only: no name reaches the record.
    assert!(!serde_json::to_string(audit)
        .unwrap()
        .contains("Demo Person"));
    assert_eq!(
        verdict(&app),
        Verdict::Intact {
            entries: all.len() as i64 + 1
        },
        "the chain holds (and the export added its own entry)"
    );
    app.stop().await;
}

#[actix_web::test]
async fn every_notice_of_a_hearing_is_recorded_as_planned_and_as_sent_with_the_victims_id() {
    let app = TestApp::spawn().await;
    some_history(&app).await;
    let mut conn = app.pool.get().unwrap();
    use courtside::store::schema::notices;
    let all: Vec<(String, String, String)> = notices::table
        .filter(notices::hearing_id.is_not_null())
        .filter(notices::created_at.ge(courtside::store::to_db(test_now())))
        .select((notices::id, notices::victim_id, notices::state))
        .load(&mut conn)
        .unwrap();
    assert!(!all.is_empty());
    let mut sent = 0;
    for (id, victim, state) in &all {
        let rows = notice_rows(&app, id);
        let with = |action: &str| {
            rows.iter()
                .filter(|r| r.0 == action && r.1.as_deref() == Some(victim.as_str()))
                .count()
        };
        assert_eq!(with("plan"), 1, "{id} ({state}): {rows:?}");
        if state == "sent" || state == "ready" {
            assert_eq!(with("disclose"), 1, "{id} ({state}): {rows:?}");
            sent += 1;
        }
    }
    assert!(sent > 0, "{all:?}");
    app.stop().await;
}

/// Appends are written in runs of fixed length (64, 16, 4, 1 rows to an
/// INSERT): a group of any length is stored whole, in order, each entry
/// after the one before it, and the chain still verifies.
#[actix_web::test]
async fn appends_of_every_length_are_stored_whole_in_order_and_chained() {
    let app = TestApp::spawn().await;
    let mut conn = app.pool.get().unwrap();
    let before: i64 = audit_log::table.count().get_result(&mut conn).unwrap();
    let lengths = [1usize, 3, 4, 5, 15, 16, 17, 63, 64, 65, 90, 150];
    let mut expected = Vec::new();
    for (group, len) in lengths.iter().enumerate() {
        let entries: Vec<audit::Entry> = (0..*len)
            .map(|i| {
                audit::Entry::new(
                    audit::AuditAction::Update,
                    Some("u1"),
                    "hearings",
                    &format!("g{group}-{i:03}"),
                )
            })
            .collect();
        expected.extend(entries.iter().map(|e| e.entity_id.clone()));
        courtside::store::write(&mut conn, |conn| {
            audit::append_all(conn, test_now(), &entries)
        })
        .unwrap();
    }
    let stored: Vec<(i64, String)> = audit_log::table
        .filter(audit_log::seq.gt(before))
        .order(audit_log::seq.asc())
        .select((audit_log::seq, audit_log::entity_id))
        .load(&mut conn)
        .unwrap();
    assert_eq!(
        stored.iter().map(|(_, id)| id.clone()).collect::<Vec<_>>(),
        expected,
        "every entry, in the order appended"
    );
    assert!(
        stored
            .iter()
            .zip(before + 1..)
            .all(|((seq, _), n)| *seq == n),
        "numbered one after another"
    );
    assert_eq!(
        verdict(&app),
        Verdict::Intact {
            entries: before + expected.len() as i64
        }
    );
    // Eight entries (a delivery pass's usual group) go in one INSERT, kept
    // prepared: the second append of eight prepares nothing new.
    let seen = std::sync::Arc::new(std::sync::Mutex::new((0usize, 0usize)));
    let counter = seen.clone();
    diesel::Connection::set_instrumentation(
        &mut *conn,
        move |event: diesel::connection::InstrumentationEvent<'_>| {
            use diesel::connection::InstrumentationEvent as E;
            let mut seen = counter.lock().unwrap();
            match event {
                E::StartQuery { query, .. } if query.to_string().contains("INSERT INTO") => {
                    seen.0 += 1
                }
                E::CacheQuery { .. } => seen.1 += 1,
                _ => {}
            }
        },
    );
    let eight: Vec<audit::Entry> = (0..8)
        .map(|i| {
            audit::Entry::new(
                audit::AuditAction::Update,
                None,
                "hearings",
                &format!("e{i}"),
            )
        })
        .collect();
    let mut after = Vec::new();
    for _ in 0..2 {
        courtside::store::write(&mut conn, |conn| {
            audit::append_all(conn, test_now(), &eight)
        })
        .unwrap();
        after.push(*seen.lock().unwrap());
    }
    assert_eq!(after[0].0, 1, "eight entries, one INSERT");
    assert_eq!(after[1].0, 2, "and one again");
    assert_eq!(after[1].1, after[0].1, "the second prepares nothing new");
    drop(conn);
    app.stop().await;
}

fn entries(prefix: &str, n: usize) -> Vec<audit::Entry> {
    (0..n)
        .map(|i| {
            audit::Entry::new(
                audit::AuditAction::Update,
                Some("u1"),
                "hearings",
                &format!("{prefix}-{i}"),
            )
        })
        .collect()
}

/// Entries chained after a head that has since moved are not written:
/// `write_chained` says so, adds no row and leaves the head where the
/// other append put it; chained again after the head as it is, they go in.
#[actix_web::test]
async fn an_append_chained_after_a_head_that_moved_writes_nothing() {
    let app = TestApp::spawn().await;
    let mut conn = app.pool.get().unwrap();
    let mine = entries("mine", 3);
    let stale = courtside::store::write(&mut conn, |conn| {
        let head = audit::locked_head(conn)?;
        Ok(audit::chain(head, mine.iter().map(|e| (test_now(), e))))
    })
    .unwrap();
    courtside::store::write(&mut conn, |conn| {
        audit::append_all(conn, test_now(), &entries("other", 2))
    })
    .unwrap();
    let count = |conn: &mut courtside::store::AnyConn| -> i64 {
        audit_log::table.count().get_result(conn).unwrap()
    };
    let before = count(&mut conn);
    let written = courtside::store::write(&mut conn, |conn| {
        let written = audit::write_chained(conn, &stale)?;
        assert_eq!(
            audit::locked_head(conn)?.seq,
            before,
            "the head is left where the other append put it"
        );
        Ok(written)
    })
    .unwrap();
    assert!(!written, "the head had moved");
    assert_eq!(count(&mut conn), before, "no row written");
    let now = courtside::store::write(&mut conn, |conn| {
        let head = audit::locked_head(conn)?;
        let chained = audit::chain(head, mine.iter().map(|e| (test_now(), e)));
        assert!(audit::write_chained(conn, &chained)?);
        Ok(chained.end().clone())
    })
    .unwrap();
    assert_eq!(now.seq, before + 3);
    assert_eq!(
        verdict(&app),
        Verdict::Intact {
            entries: before + 3
        }
    );
}

/// On PostgreSQL a transaction can chain its entries after the end another
/// transaction will leave, before that one commits (the delivery recorder
/// does): its head move waits for the other's commit and then goes in after
/// it; if the other rolls back, it writes nothing. (A condition on the
/// head in the UPDATE's WHERE would not wait, and would find the old head:
/// both outcomes are checked.)
#[actix_web::test]
async fn an_append_chained_after_an_uncommitted_one_follows_it_or_writes_nothing() {
    use courtside::store::dialect;
    let app = TestApp::spawn().await;
    let mut first = app.pool.get().unwrap();
    if dialect::backend_of(&first) != courtside::store::Backend::Postgres {
        // On SQLite writes take turns on the file: no transaction can
        // write while another is open.
        return;
    }
    for commits in [true, false] {
        let start: i64 = audit_log::table.count().get_result(&mut *first).unwrap();
        let ahead = entries("ahead", 2);
        let behind = entries("behind", 3);
        dialect::begin_write(&mut first).unwrap();
        let head = audit::locked_head(&mut first).unwrap();
        let chained = audit::chain(head, ahead.iter().map(|e| (test_now(), e)));
        assert!(audit::write_chained(&mut first, &chained).unwrap());
        let after = chained.end().clone();
        let pool = app.pool.clone();
        let second = std::thread::spawn(move || {
            let mut conn = pool.get().unwrap();
            dialect::begin_write(&mut conn).unwrap();
            let chained = audit::chain(after, behind.iter().map(|e| (test_now(), e)));
            let written = audit::write_chained(&mut conn, &chained).unwrap();
            dialect::end_write(&mut conn, written).unwrap();
            written
        });
        // Let the second reach the head's lock (if it did not wait, it
        // would find the old head and write nothing, which is caught below).
        std::thread::sleep(std::time::Duration::from_millis(300));
        dialect::end_write(&mut first, commits).unwrap();
        let written = second.join().unwrap();
        let now: i64 = audit_log::table.count().get_result(&mut *first).unwrap();
        if commits {
            assert!(written, "chained after the first, once it committed");
            assert_eq!(now, start + 5);
        } else {
            assert!(!written, "the end it was chained after never came");
            assert_eq!(now, start);
        }
        assert_eq!(verdict(&app), Verdict::Intact { entries: now });
    }
}

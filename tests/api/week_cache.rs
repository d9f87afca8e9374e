//! A person's week is kept by the instance that worked it out while the
//! database's count of changes stays the same (`store::changes`). These
//! tests write the way another instance would, straight to the database,
//! and check the week answers with the change; and that time passing
//! alone brings a held-back deadline into it.
//!
//! A store test: it writes to the store behind the API on purpose, as a
//! second instance would, and reads the triggers the change count rests
//! on, which no API shows.

use std::collections::BTreeSet;

use chrono::Duration;
use courtside::store::schema::{deadlines, hearings};
use courtside::store::{self, changes, dialect, AnyConn, Backend};
use diesel::prelude::*;
use reqwest::StatusCode;
use serde_json::Value;

use crate::helpers::*;

#[derive(QueryableByName)]
struct Name {
    #[diesel(sql_type = diesel::sql_types::Text)]
    name: String,
}

/// "table_insert" and so on for each change trigger in the database.
fn triggers(conn: &mut AnyConn) -> BTreeSet<String> {
    let sql = match dialect::backend_of(conn) {
        Backend::Sqlite => {
            "SELECT substr(name, 14) AS name FROM sqlite_master \
             WHERE type = 'trigger' AND name LIKE 'data_changes_%'"
        }
        Backend::Postgres => {
            "SELECT event_object_table || '_' || lower(event_manipulation) AS name \
             FROM information_schema.triggers WHERE trigger_name LIKE 'data_changes_%'"
        }
    };
    let names: Vec<Name> = diesel::sql_query(sql).load(conn).unwrap();
    names.into_iter().map(|n| n.name).collect()
}

fn tables(conn: &mut AnyConn) -> Vec<String> {
    let sql = match dialect::backend_of(conn) {
        Backend::Sqlite => {
            "SELECT name FROM sqlite_master WHERE type = 'table' \
             AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '__diesel%'"
        }
        Backend::Postgres => {
            "SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' \
             AND tablename NOT LIKE '__diesel%'"
        }
    };
    let names: Vec<Name> = diesel::sql_query(sql).load(conn).unwrap();
    names.into_iter().map(|n| n.name).collect()
}

#[actix_web::test]
async fn every_table_but_the_busy_ones_counts_its_changes() {
    let app = TestApp::spawn().await;
    let mut conn = app.pool.get().unwrap();
    let want: BTreeSet<String> = tables(&mut conn)
        .into_iter()
        .filter(|t| !changes::NOT_COUNTED.contains(&t.as_str()))
        .flat_map(|t| ["insert", "update", "delete"].map(|op| format!("{t}_{op}")))
        .collect();
    assert_eq!(
        triggers(&mut conn),
        want,
        "each table is counted (insert, update, delete) unless named in store::changes::NOT_COUNTED"
    );

    // A write to a counted table raises the count once it commits; one to
    // a table left out does not.
    let before = changes::count(&mut conn).unwrap();
    diesel::update(hearings::table)
        .set(hearings::courtroom.eq("Court 12"))
        .execute(&mut *conn)
        .unwrap();
    let after = changes::count(&mut conn).unwrap();
    assert!(after > before, "{before} → {after}");
    diesel::sql_query("DELETE FROM sign_in_attempts")
        .execute(&mut *conn)
        .unwrap();
    assert_eq!(changes::count(&mut conn).unwrap(), after);
}

#[actix_web::test]
async fn a_kept_week_shows_a_change_written_by_another_instance() {
    let app = TestApp::spawn_planned_demo().await;
    let amara = app.login(AMARA).await;
    let (first, from) = app.first_hearing(&amara).await;
    let path = format!("/api/v1/agenda?from={from}");
    let courtroom_in = |week: &Value| -> Option<String> {
        week["hearings"]
            .as_array()
            .unwrap()
            .iter()
            .find(|h| h["hearing"]["id"] == first["id"])
            .and_then(|h| h["hearing"]["courtroom"].as_str().map(str::to_string))
    };
    let (status, week) = app.get(&path, &amara).await;
    assert_eq!(status, StatusCode::OK, "{week}");
    let (_, again) = app.get(&path, &amara).await;
    assert_eq!(week, again, "asked twice with nothing changed");
    assert_ne!(courtroom_in(&week).as_deref(), Some("Court 31"));

    // Another instance moves the hearing to another room.
    let mut conn = app.pool.get().unwrap();
    diesel::update(hearings::table.find(first["id"].as_str().unwrap()))
        .set(hearings::courtroom.eq("Court 31"))
        .execute(&mut *conn)
        .unwrap();
    let (_, week) = app.get(&path, &amara).await;
    assert_eq!(courtroom_in(&week).as_deref(), Some("Court 31"));
}

#[actix_web::test]
async fn a_kept_week_lists_a_deadline_as_past_once_its_time_passes() {
    let app = TestApp::spawn_planned_demo().await;
    let amara = app.login(AMARA).await;
    let (_, victims) = app.get("/api/v1/victims?per_page=1", &amara).await;
    let victim = victims["items"][0]["id"].as_str().unwrap().to_string();
    // Due in an hour: before the week after next, and not yet past.
    let now = test_now();
    let due = now + Duration::hours(1);
    let id = store::new_id();
    let mut conn = app.pool.get().unwrap();
    diesel::insert_into(deadlines::table)
        .values((
            deadlines::id.eq(&id),
            deadlines::deadline_key.eq(&id),
            deadlines::victim_id.eq(&victim),
            deadlines::kind.eq("victim_told_of_hearing"),
            deadlines::counted_from.eq(now.date_naive()),
            deadlines::due_date.eq(due.date_naive()),
            deadlines::due_at.eq(store::to_db(due)),
            deadlines::citation.eq("test"),
            deadlines::state.eq("running"),
            deadlines::created_at.eq(store::to_db(now)),
            deadlines::updated_at.eq(store::to_db(now)),
        ))
        .execute(&mut *conn)
        .unwrap();
    drop(conn);
    let from = courtside::calendar::london_date(now) + Duration::days(14);
    let path = format!("/api/v1/agenda?from={from}");
    let listed = |week: &Value| {
        week["deadlines"]
            .as_array()
            .unwrap()
            .iter()
            .any(|d| d["id"] == id.as_str())
    };
    let (status, week) = app.get(&path, &amara).await;
    assert_eq!(status, StatusCode::OK, "{week}");
    assert!(!listed(&week), "still running, and due before that week");
    // Two hours on, the same day, nothing written.
    app.clock.set(now + Duration::hours(2));
    let (_, week) = app.get(&path, &amara).await;
    assert!(listed(&week), "past its time now");
}

/// A session's check reads the count of changes in the same statement,
/// as `store::changes::count` reads it alone; a write raises it.
#[actix_web::test]
async fn a_token_is_checked_with_the_count_of_changes() {
    let app = TestApp::spawn().await;
    let mut conn = app.pool.get().unwrap();
    let token = app.login(AMARA).await;
    let (me, before) = courtside::accounts::me_and_changes_for_token(&mut conn, &token, test_now())
        .expect("a live token");
    assert_eq!(me.display_name, "Amara Idva");
    assert_eq!(before, changes::count(&mut conn).unwrap());
    diesel::update(hearings::table)
        .set(hearings::courtroom.eq("Court 12"))
        .execute(&mut *conn)
        .unwrap();
    let (_, after) =
        courtside::accounts::me_and_changes_for_token(&mut conn, &token, test_now()).unwrap();
    assert!(after > before, "{before} → {after}");
    assert_eq!(after, changes::count(&mut conn).unwrap());
    assert!(matches!(
        courtside::accounts::me_and_changes_for_token(&mut conn, "cs_not-a-token", test_now()),
        Err(courtside::error::AppError::Unauthenticated)
    ));
}

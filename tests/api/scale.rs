//! A manager of a large support service: more victims in reach than SQLite
//! takes bound values in one statement by default (32,766). Lists are
//! scoped by binding the ids of the victims in reach, so this needs the
//! bundled SQLite built with a higher bound (`.cargo/config.toml`); on
//! PostgreSQL the ids go as one array.
//!
//! A store test: the victims are planted in the store in bulk; the lists
//! are read through the API.

use chrono::{NaiveDate, TimeZone, Utc};
use courtside::store::schema::{
    cases, courts, hearings, supporter_assignments as sa, users, victims,
};
use courtside::store::AnyConn;
use diesel::prelude::*;
use reqwest::StatusCode;

use crate::helpers::*;
use crate::oidc::ui_support;

const VICTIMS: usize = 33_000;

fn plant(conn: &mut AnyConn, supporter: &str) {
    let now = Utc
        .with_ymd_and_hms(2025, 3, 1, 9, 0, 0)
        .unwrap()
        .naive_utc();
    let since = NaiveDate::from_ymd_opt(2025, 3, 1).unwrap();
    let ids: Vec<usize> = (0..VICTIMS).collect();
    courtside::store::write(conn, |conn| {
        for part in ids.chunks(500) {
            let v: Vec<_> = part
                .iter()
                .map(|n| {
                    (
                        victims::id.eq(format!("00000000-0000-4000-8000-{n:012}")),
                        victims::reference.eq(format!("S-{n}")),
                        victims::created_by.eq(supporter.to_string()),
                        victims::created_at.eq(now),
                        victims::updated_at.eq(now),
                    )
                })
                .collect();
            let a: Vec<_> = part
                .iter()
                .map(|n| {
                    (
                        sa::id.eq(format!("00000000-0000-4000-a000-{n:012}")),
                        sa::victim_id.eq(format!("00000000-0000-4000-8000-{n:012}")),
                        sa::supporter_id.eq(supporter.to_string()),
                        sa::role.eq("idva"),
                        sa::starts_on.eq(since),
                        sa::created_at.eq(now),
                        sa::updated_at.eq(now),
                    )
                })
                .collect();
            let c: Vec<_> = part
                .iter()
                .map(|n| {
                    (
                        cases::id.eq(format!("00000000-0000-4000-9000-{n:012}")),
                        cases::victim_id.eq(format!("00000000-0000-4000-8000-{n:012}")),
                        cases::kind.eq("criminal"),
                        cases::status.eq("open"),
                        cases::created_at.eq(now),
                        cases::updated_at.eq(now),
                    )
                })
                .collect();
            // Multi-row inserts need the backend's own connection.
            match &mut *conn {
                AnyConn::Sqlite(c2) => {
                    diesel::insert_into(victims::table).values(&v).execute(c2)?;
                    diesel::insert_into(sa::table).values(&a).execute(c2)?;
                    diesel::insert_into(cases::table).values(&c).execute(c2)?;
                }
                AnyConn::Pg(c2) => {
                    diesel::insert_into(victims::table).values(&v).execute(c2)?;
                    diesel::insert_into(sa::table).values(&a).execute(c2)?;
                    diesel::insert_into(cases::table).values(&c).execute(c2)?;
                }
            }
        }
        Ok(())
    })
    .expect("plant the victims");
}

/// Plants the victims, each supported by Amara (so in Maya's reach).
fn plant_for_amara(conn: &mut AnyConn) {
    let amara: String = users::table
        .filter(users::email.eq(AMARA))
        .select(users::id)
        .first(&mut *conn)
        .unwrap();
    plant(conn, &amara);
}

/// The first court by id (any court will do).
fn first_court(conn: &mut AnyConn) -> String {
    courts::table
        .select(courts::id)
        .order(courts::id.asc())
        .first(conn)
        .unwrap()
}

/// A listed trial of `case_id` at `court`, at `at`, where the victim
/// gives evidence in person, as a row to insert.
#[allow(clippy::type_complexity)]
fn trial(
    id: &str,
    case_id: &str,
    court: &str,
    at: chrono::NaiveDateTime,
) -> (
    diesel::dsl::Eq<hearings::id, String>,
    diesel::dsl::Eq<hearings::case_id, String>,
    diesel::dsl::Eq<hearings::kind, &'static str>,
    diesel::dsl::Eq<hearings::status, &'static str>,
    diesel::dsl::Eq<hearings::court_id, String>,
    diesel::dsl::Eq<hearings::starts_at, chrono::NaiveDateTime>,
    diesel::dsl::Eq<hearings::estimated_minutes, i32>,
    diesel::dsl::Eq<hearings::victim_attends, bool>,
    diesel::dsl::Eq<hearings::victim_gives_evidence, bool>,
    diesel::dsl::Eq<hearings::live_link, bool>,
    diesel::dsl::Eq<hearings::version, i32>,
    diesel::dsl::Eq<hearings::created_at, chrono::NaiveDateTime>,
    diesel::dsl::Eq<hearings::updated_at, chrono::NaiveDateTime>,
) {
    (
        hearings::id.eq(id.to_string()),
        hearings::case_id.eq(case_id.to_string()),
        hearings::kind.eq("trial"),
        hearings::status.eq("listed"),
        hearings::court_id.eq(court.to_string()),
        hearings::starts_at.eq(at),
        hearings::estimated_minutes.eq(60),
        hearings::victim_attends.eq(true),
        hearings::victim_gives_evidence.eq(true),
        hearings::live_link.eq(false),
        hearings::version.eq(1),
        hearings::created_at.eq(at),
        hearings::updated_at.eq(at),
    )
}

#[actix_web::test]
async fn a_manager_reaching_more_victims_than_sqlites_default_bound_limit_can_list_them() {
    let app = TestApp::spawn().await;
    {
        let mut conn = app.pool.get().unwrap();
        plant_for_amara(&mut conn);
    }
    let maya = app.login(MAYA).await;
    let (status, body) = app.get("/api/v1/victims?per_page=1", &maya).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert!(
        body["total"].as_i64().unwrap() > VICTIMS as i64,
        "every planted victim is in the manager's reach: {}",
        body["total"]
    );
    for path in [
        "/api/v1/cases?per_page=1",
        "/api/v1/hearings?per_page=1",
        "/api/v1/deadlines?per_page=1",
        "/api/v1/agenda?from=2026-03-23",
    ] {
        let (status, body) = app.get(path, &maya).await;
        assert_eq!(status, StatusCode::OK, "{path}: {body}");
    }
    app.stop().await;
}

/// A manager's week names each case it lists by its reference, however
/// many cases the service holds: the page reads the names of the cases it
/// shows, not every case in reach (a list of them all stops at 10,000).
/// A case outside the manager's reach is never named.
#[actix_web::test]
async fn a_managers_week_names_a_case_past_the_ten_thousandth() {
    let app = TestApp::spawn().await;
    let last = VICTIMS - 1;
    let case_id = format!("00000000-0000-4000-9000-{last:012}");
    {
        let mut conn = app.pool.get().unwrap();
        plant_for_amara(&mut conn);
        let court = first_court(&mut conn);
        let at = Utc
            .with_ymd_and_hms(2026, 3, 25, 10, 0, 0)
            .unwrap()
            .naive_utc();
        diesel::update(cases::table.find(&case_id))
            .set(cases::urn.eq("99ZZ7777777"))
            .execute(&mut *conn)
            .unwrap();
        diesel::insert_into(hearings::table)
            .values(trial(
                "00000000-0000-4000-b000-000000000001",
                &case_id,
                &court,
                at,
            ))
            .execute(&mut *conn)
            .unwrap();
    }
    let mut maya = ui_support::Browser::signed_in(&app.base, MAYA).await;
    let week = maya.get("/week?from=2026-03-23").await;
    assert_eq!(week.status, StatusCode::OK, "{}", week.body);
    week.assert_has("99ZZ7777777");
    week.assert_has(&format!("S-{last}"));

    // Wendy (a witness care unit) does not reach the planted cases: the
    // same names never reach her pages, even through a hearing's form.
    let mut wendy = ui_support::Browser::signed_in(&app.base, WENDY).await;
    let form = wendy
        .get("/hearings/00000000-0000-4000-b000-000000000001/move")
        .await;
    assert_eq!(form.status, StatusCode::NOT_FOUND, "{}", form.body);
    form.assert_lacks("99ZZ7777777");
    app.stop().await;
}

/// A manager's week lists every hearing that sits in it, well past one
/// page of the largest size (200): the lists behind it are read whole
/// (`app::list_pages`), in one read however long.
#[actix_web::test]
async fn a_managers_week_lists_every_hearing_past_the_largest_page() {
    const MORE: usize = 450;
    let app = TestApp::spawn().await;
    let maya = app.login(MAYA).await;
    let path = "/api/v1/agenda?from=2026-03-23";
    let hearings_in = |week: &serde_json::Value| week["hearings"].as_array().unwrap().len();
    let (status, before) = app.get(path, &maya).await;
    assert_eq!(status, StatusCode::OK, "{before}");
    {
        let mut conn = app.pool.get().unwrap();
        plant_for_amara(&mut conn);
        let court = first_court(&mut conn);
        let rows: Vec<_> = (0..MORE)
            .map(|n| {
                // Spread over the week's working days and hours.
                let at = Utc
                    .with_ymd_and_hms(2026, 3, 23 + (n % 5) as u32, 9 + (n % 8) as u32, 0, 0)
                    .unwrap()
                    .naive_utc();
                trial(
                    &format!("00000000-0000-4000-b100-{n:012}"),
                    &format!("00000000-0000-4000-9000-{n:012}"),
                    &court,
                    at,
                )
            })
            .collect();
        for part in rows.chunks(100) {
            match &mut *conn {
                AnyConn::Sqlite(c) => diesel::insert_into(hearings::table).values(part).execute(c),
                AnyConn::Pg(c) => diesel::insert_into(hearings::table).values(part).execute(c),
            }
            .unwrap();
        }
    }
    let (status, after) = app.get(path, &maya).await;
    assert_eq!(status, StatusCode::OK, "{after}");
    assert_eq!(hearings_in(&after), hearings_in(&before) + MORE);
    app.stop().await;
}

//! Court-list import benchmark: a synthetic Crown firm list of N hearings
//! (default 10,000) reconciled against M tracked hearings (default
//! 100,000), on SQLite or PostgreSQL. Reports the time to check the
//! document against its published schema and read it, the time to
//! reconcile and apply it (one transaction), and the peak memory of each
//! step.
//!
//! ```sh
//! cargo bench --bench court_list_import                           # SQLite
//! BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/test \
//!   cargo bench --bench court_list_import -- --database postgres
//! cargo bench --bench court_list_import -- --listed 1000 --tracked 10000
//! ```
//!
//! The tracked hearings belong to one witness care unit (one case and one
//! victim each, at Leeds Combined Court Centre); the list names the first
//! N of them, one in ten at a later time (a move, which re-plans that
//! hearing's notices exactly as a move by hand does) and the rest as
//! tracked (a confirmation). Peak memory is the process's resident
//! high-water mark (`VmHWM`), reset before each step through
//! `/proc/self/clear_refs`, so each step's figure is its own.

#[path = "../tests/dispatch_support/mod.rs"]
mod dispatch_support;

use std::time::Instant;

use chrono::{Datelike, Duration, NaiveDate, NaiveTime, TimeZone, Utc, Weekday};
use clap::{Parser, ValueEnum};
use courtside::clock::{Clock, ManualClock};
use courtside::config::Config;
use courtside::court_lists::apply::{self, Importer};
use courtside::court_lists::{parse_document, schema::SchemaSet, ListType};
use courtside::store::schema::{cases, courts, hearings, organisations, users, victims};
use courtside::store::{self, AnyConn};
use diesel::prelude::*;
use dispatch_support::*;
use serde_json::{json, Value};

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
enum Database {
    Sqlite,
    Postgres,
}

#[derive(Parser, Debug)]
struct Args {
    /// Hearings on the list.
    #[arg(long, default_value_t = 10_000)]
    listed: usize,
    /// Hearings Courtside tracks.
    #[arg(long, default_value_t = 100_000)]
    tracked: usize,
    #[arg(long, value_enum, default_value = "sqlite")]
    database: Database,
    /// Passed by `cargo bench`; ignored.
    #[arg(long, hide = true)]
    bench: bool,
}

/// Rows per INSERT, well under both databases' bind limits.
const CHUNK: usize = 500;

/// A multi-row INSERT, sent on the backend's own connection (a batch
/// insert is not one of the statements the two-backend connection sends).
macro_rules! bulk {
    ($conn:expr, $insert:expr, $what:expr) => {{
        let insert = $insert;
        match &mut *$conn {
            AnyConn::Pg(pg) => insert.execute(pg),
            AnyConn::Sqlite(sqlite) => insert.execute(sqlite),
        }
        .expect($what);
    }};
}

fn urn(i: usize) -> String {
    format!("13BX{i:07}")
}

/// The i-th tracked hearing's local sitting day and time: weekdays from
/// Monday 13 April 2026, 40 courtrooms × 6 slots a day.
fn slot(i: usize) -> (NaiveDate, NaiveTime, u32) {
    let per_day = 40 * 6;
    let mut day = NaiveDate::from_ymd_opt(2026, 4, 13).unwrap();
    let mut left = i / per_day;
    while left > 0 {
        day += Duration::days(1);
        if !matches!(day.weekday(), Weekday::Sat | Weekday::Sun) {
            left -= 1;
        }
    }
    let within = i % per_day;
    let room = (within % 40) as u32 + 1;
    let hour = 9 + (within / 40) as u32;
    (day, NaiveTime::from_hms_opt(hour, 0, 0).unwrap(), room)
}

/// Reads this process's peak resident memory (KiB).
fn peak_kib() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    status
        .lines()
        .find(|l| l.starts_with("VmHWM:"))
        .and_then(|l| l.split_whitespace().nth(1))
        .and_then(|v| v.parse().ok())
}

fn reset_peak() {
    let _ = std::fs::write("/proc/self/clear_refs", "5");
}

fn plant(conn: &mut AnyConn, tracked: usize, now: chrono::DateTime<Utc>) -> (String, String) {
    let ts = store::to_db(now);
    let leeds: String = courts::table
        .filter(courts::name.eq("Leeds Combined Court Centre"))
        .select(courts::id)
        .first(conn)
        .expect("Leeds is in the courts directory");
    let (wendy, unit): (String, String) = users::table
        .filter(users::email.eq("wendy@police.example"))
        .select((users::id, users::organisation_id))
        .first(conn)
        .expect("the demo witness care officer");
    let _: String = organisations::table
        .find(&unit)
        .select(organisations::id)
        .first(conn)
        .expect("her unit");
    for start in (0..tracked).step_by(CHUNK) {
        let end = (start + CHUNK).min(tracked);
        let ids: Vec<(String, String, String)> = (start..end)
            .map(|i| {
                // Ids are UUIDs, as the records' own checks require.
                (
                    format!("10000000-0000-4000-8000-{i:012}"),
                    format!("20000000-0000-4000-8000-{i:012}"),
                    format!("30000000-0000-4000-8000-{i:012}"),
                )
            })
            .collect();
        let v: Vec<_> = ids
            .iter()
            .enumerate()
            .map(|(k, (vid, _, _))| {
                (
                    victims::id.eq(vid.clone()),
                    victims::reference.eq(format!("B-{}", start + k)),
                    victims::enhanced_rights.eq(false),
                    victims::is_child.eq(false),
                    victims::preferred_language.eq("en"),
                    victims::created_by.eq(wendy.clone()),
                    victims::version.eq(1),
                    victims::created_at.eq(ts),
                    victims::updated_at.eq(ts),
                )
            })
            .collect();
        bulk!(
            conn,
            diesel::insert_into(victims::table).values(&v),
            "victims"
        );
        let c: Vec<_> = ids
            .iter()
            .enumerate()
            .map(|(k, (vid, cid, _))| {
                (
                    cases::id.eq(cid.clone()),
                    cases::victim_id.eq(vid.clone()),
                    cases::kind.eq("criminal"),
                    cases::urn.eq(Some(urn(start + k))),
                    cases::court_id.eq(Some(leeds.clone())),
                    cases::witness_care_unit_id.eq(Some(unit.clone())),
                    cases::status.eq("open"),
                    cases::version.eq(1),
                    cases::created_at.eq(ts),
                    cases::updated_at.eq(ts),
                )
            })
            .collect();
        bulk!(conn, diesel::insert_into(cases::table).values(&c), "cases");
        let h: Vec<_> = ids
            .iter()
            .enumerate()
            .map(|(k, (_, cid, hid))| {
                let (day, time, room) = slot(start + k);
                (
                    hearings::id.eq(hid.clone()),
                    hearings::case_id.eq(cid.clone()),
                    hearings::kind.eq("trial"),
                    hearings::status.eq("listed"),
                    hearings::court_id.eq(leeds.clone()),
                    hearings::courtroom.eq(Some(format!("Court {room}"))),
                    hearings::starts_at
                        .eq(store::to_db(courtside::calendar::local_to_utc(day, time))),
                    hearings::estimated_minutes.eq(60),
                    hearings::victim_attends.eq(true),
                    hearings::victim_gives_evidence.eq(true),
                    hearings::live_link.eq(false),
                    hearings::version.eq(1),
                    hearings::created_at.eq(ts),
                    hearings::updated_at.eq(ts),
                )
            })
            .collect();
        bulk!(
            conn,
            diesel::insert_into(hearings::table).values(&h),
            "hearings"
        );
    }
    (leeds, unit)
}

/// A firm list in HMCTS's published shape naming the first `listed`
/// tracked hearings, one in ten an hour later than tracked.
fn firm_list(listed: usize) -> Value {
    let mut by_day: std::collections::BTreeMap<NaiveDate, Vec<Value>> = Default::default();
    for i in 0..listed {
        let (day, time, room) = slot(i);
        let time = if i % 10 == 0 {
            time + Duration::hours(1)
        } else {
            time
        };
        by_day.entry(day).or_default().push(json!({
            "CourtRoomNumber": room,
            "SittingAt": time.format("%H:%M:%S").to_string(),
            "Judiciary": {"Judge": {"CitizenNameTitle": "HHJ", "CitizenNameSurname": "BENCH-JUDGE"}},
            "Hearings": [{
                "HearingSequenceNumber": 1,
                "HearingDetails": {
                    "HearingDescription": "Trial",
                    "HearingType": "TRL",
                    "HearingDate": day.format("%Y-%m-%d").to_string()
                },
                "CaseNumber": format!("T2026{i:05}"),
                "CaseNumberCaTH": format!("T2026{i:05}"),
                "Defendants": [{
                    "PersonalDetails": {
                        "Name": {
                            "CitizenNameTitle": "Mx",
                            "CitizenNameForename": ["BENCH-FORENAME"],
                            "CitizenNameSurname": "BENCH-SURNAME"
                        },
                        "IsMasked": "no",
                        "DateOfBirth": {"BirthDate": "1990-01-01", "VerifiedBy": "not verified"},
                        "Address": {"Line": ["1 BENCH-STREET"], "PostCode": "ZZ1 1ZZ"}
                    },
                    "URN": urn(i)
                }]
            }]
        }));
    }
    let court = json!({
        "CourtHouseType": "Crown Court",
        "CourtHouseCode": 413,
        "CourtHouseName": "Leeds Combined Court Centre"
    });
    let first = *by_day.keys().next().expect("at least one day");
    let last = *by_day.keys().last().expect("at least one day");
    let lists: Vec<Value> = by_day
        .into_iter()
        .map(|(day, sittings)| {
            json!({
                "SittingDate": day.format("%Y-%m-%d").to_string(),
                "CourtHouse": court,
                "Sittings": sittings
            })
        })
        .collect();
    json!({
        "FirmList": {
            "DocumentID": {"UniqueID": "bench-firm", "DocumentType": "FL"},
            "ListHeader": {
                "StartDate": first.format("%Y-%m-%d").to_string(),
                "EndDate": last.format("%Y-%m-%d").to_string(),
                "Version": "1",
                "PublishedTime": "2026-04-01T16:00:00Z"
            },
            "CrownCourt": court,
            "CourtLists": lists
        }
    })
}

fn main() {
    let args = Args::parse();
    assert!(args.listed > 0 && args.listed <= args.tracked);
    let dir = tempfile::tempdir().expect("a temporary folder");
    let mut made_pg: Option<(String, String)> = None;
    let url = match args.database {
        Database::Sqlite => dir.path().join("bench.db").to_string_lossy().into_owned(),
        Database::Postgres => {
            let server = postgres_server("BENCH_DATABASE_URL")
                .expect("set BENCH_DATABASE_URL to a postgres:// URL for --database postgres");
            let (url, name) = create_postgres_database(&server, "courtside_bench");
            made_pg = Some((server, name));
            url
        }
    };
    let config = Config {
        pool_size: 2,
        ..Config::for_database(&url)
    };
    // The list is published on Wednesday 1 April 2026 and read an hour
    // later; every listed hearing lies ahead.
    let clock = ManualClock::at(Utc.with_ymd_and_hms(2026, 4, 1, 17, 0, 0).unwrap());
    let pool = courtside::service::prepare_database(&config).expect("migrate");
    courtside::seed::run(&pool, &clock).expect("seed");
    let started = Instant::now();
    {
        let mut conn = pool.get().expect("connection");
        plant(&mut conn, args.tracked, clock.now());
    }
    let planted = started.elapsed();

    let document = serde_json::to_vec(&firm_list(args.listed)).expect("list JSON");
    let schemas = SchemaSet::at(format!(
        "{}/../shared/court-lists/schemas",
        env!("CARGO_MANIFEST_DIR")
    ));

    reset_peak();
    let base = peak_kib();
    let t = Instant::now();
    let list = parse_document(&document, Some(ListType::CrownFirmPddaList), &schemas)
        .unwrap_or_else(|e| panic!("the synthetic list is refused: {e}"));
    let parse_time = t.elapsed();
    let parse_peak = peak_kib();

    reset_peak();
    let t = Instant::now();
    let summary = {
        let mut conn = pool.get().expect("connection");
        let digest = "bench".to_string();
        apply::import(
            &mut conn,
            &Importer::Everyone { user_id: None },
            &courtside::rules::Rules::england_and_wales(),
            clock.now(),
            list,
            None,
            &digest,
        )
        .expect("import")
    };
    let import_time = t.elapsed();
    let import_peak = peak_kib();

    let c = &summary.counts;
    assert_eq!(c.sittings, args.listed, "{c:?}");
    assert_eq!(c.moved, args.listed.div_ceil(10), "{c:?}");
    assert_eq!(c.confirmed, args.listed - args.listed.div_ceil(10), "{c:?}");

    let kib = |k: Option<u64>| k.map(|k| format!("{:.0} MiB", k as f64 / 1024.0));
    println!(
        "court-list import, {:?}: {} listed against {} tracked (planted in {:.1} s)",
        args.database,
        args.listed,
        args.tracked,
        planted.as_secs_f64()
    );
    println!(
        "  document: {:.1} MiB; schema check + read: {:.2} s, peak RSS {} (before: {})",
        document.len() as f64 / (1024.0 * 1024.0),
        parse_time.as_secs_f64(),
        kib(parse_peak).unwrap_or_else(|| "n/a".into()),
        kib(base).unwrap_or_else(|| "n/a".into()),
    );
    println!(
        "  reconcile + apply (one transaction): {:.2} s, peak RSS {}; confirmed {}, moved {} (each re-planned), tasks {}",
        import_time.as_secs_f64(),
        kib(import_peak).unwrap_or_else(|| "n/a".into()),
        c.confirmed,
        c.moved,
        summary.tasks_created
    );
    // The ceiling, measured in the same run: single-row commits (one
    // hearing's updated_at each, in its own write transaction).
    let commits = 500;
    let t = Instant::now();
    {
        let mut conn = pool.get().expect("connection");
        for i in 0..commits {
            let id = format!(
                "30000000-0000-4000-8000-{:012}",
                args.tracked - 1 - (i % args.tracked)
            );
            store::write(&mut conn, |conn| {
                diesel::update(hearings::table.find(&id))
                    .set(hearings::updated_at.eq(store::to_db(clock.now())))
                    .execute(conn)
                    .map_err(courtside::error::AppError::from)
            })
            .expect("a single-row commit");
        }
    }
    let per_commit = t.elapsed().as_secs_f64() / commits as f64;
    println!(
        "  ceiling: {:.0} single-row commits/s; the import took as long as {:.0} single-row commits",
        1.0 / per_commit,
        import_time.as_secs_f64() / per_commit
    );
    drop(pool);
    if let Some((server, name)) = made_pg {
        drop_postgres_database(&server, &name);
    }
}

//! Partnership report benchmark: the full report over a database holding
//! about 1,000,000 events (hearings, attendance requests, pre-trial
//! visits, special-measures discussions, notices and deadlines).
//!
//! ```sh
//! cargo bench --bench report -- --database sqlite
//! cargo bench --bench report -- --database postgres   # BENCH_DATABASE_URL
//! cargo bench --bench report -- --events 100000       # a quicker run
//! ```
//!
//! It makes a fresh database (a temporary SQLite file, or a new database on
//! the PostgreSQL server, dropped after), migrates and seeds it, plants
//! the events in batched inserts (20 per case over two years, all for the
//! demo support service's victims), then times the report: the whole two
//! years, one quarter, and one quarter at one court (each the median of
//! three runs, after one warm-up).

#[path = "../tests/dispatch_support/mod.rs"]
mod dispatch_support;
mod plant;

use std::time::{Duration, Instant};

use chrono::{NaiveDate, TimeZone, Utc};
use clap::{Parser, ValueEnum};
use courtside::calendar::BankHolidays;
use courtside::config::Config;
use courtside::reporting::{self, Filters};
use courtside::store::schema::users;
use courtside::store::AnyConn;
use diesel::prelude::*;

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
enum Database {
    Sqlite,
    Postgres,
}

#[derive(Parser, Debug)]
#[command(about = "Partnership report over a million events")]
struct Args {
    /// Events to plant (20 per case).
    #[arg(long, default_value_t = 1_000_000)]
    events: usize,
    #[arg(long, value_enum, default_value_t = Database::Sqlite)]
    database: Database,
    #[arg(
        long,
        env = "BENCH_DATABASE_URL",
        default_value = "postgres://postgres@127.0.0.1:5432/postgres"
    )]
    postgres: String,
    /// Keep the SQLite database at this path (for looking at the page).
    #[arg(long)]
    keep: Option<std::path::PathBuf>,
    /// Use the database kept by an earlier run (--keep) as it is.
    #[arg(long)]
    reuse: bool,
    /// Passed by `cargo bench`; ignored.
    #[arg(long, hide = true)]
    bench: bool,
}

fn main() {
    let args = Args::parse();
    let postgres = (args.database == Database::Postgres).then_some(args.postgres.as_str());
    plant::on_fresh_database(
        postgres,
        args.keep.as_deref(),
        "courtside_report_bench",
        |url| {
            run(&args, url);
        },
    );
}

fn time_report(conn: &mut AnyConn, filters: &Filters) -> (Duration, String) {
    let now = Utc.with_ymd_and_hms(2026, 7, 1, 12, 0, 0).unwrap();
    let holidays = BankHolidays::england_and_wales();
    let mut times = Vec::new();
    let mut total = String::new();
    for run in 0..4 {
        let t = Instant::now();
        let report = reporting::build(conn, filters.clone(), now, &holidays).expect("report");
        if run > 0 {
            times.push(t.elapsed());
        }
        total = report.measures[0].figures.last().unwrap().display.clone();
    }
    times.sort();
    (times[1], total)
}

/// The ceiling: the database alone counting the rows the report reads
/// for the period (each table's period by the same index, and the
/// organisation's cases), with nothing decoded or matched in Rust. The
/// median of three, after one warm-up.
fn time_floor(conn: &mut AnyConn, filters: &Filters) -> (Duration, i64) {
    use courtside::store::schema::{
        attendance_requests as ar, cases, deadlines, hearings, notices, pre_trial_visits as ptv,
        special_measures_discussions as smd,
    };
    let start = courtside::store::to_db(courtside::calendar::start_of_london_day(filters.from));
    let end = courtside::store::to_db(courtside::calendar::start_of_london_day(
        filters.to.succ_opt().unwrap(),
    ));
    let mut times = Vec::new();
    let mut rows = 0;
    for run in 0..4 {
        let t = Instant::now();
        let counts: [i64; 8] = [
            cases::table.count().get_result(conn).unwrap(),
            ar::table
                .inner_join(hearings::table)
                .filter(
                    hearings::starts_at
                        .ge(start)
                        .and(hearings::starts_at.lt(end)),
                )
                .count()
                .get_result(conn)
                .unwrap(),
            hearings::table
                .filter(
                    hearings::starts_at
                        .ge(start)
                        .and(hearings::starts_at.lt(end)),
                )
                .count()
                .get_result(conn)
                .unwrap(),
            ptv::table
                .filter(ptv::starts_at.lt(end))
                .count()
                .get_result(conn)
                .unwrap(),
            smd::table
                .filter(smd::held_at.ge(start).and(smd::held_at.lt(end)))
                .count()
                .get_result(conn)
                .unwrap(),
            deadlines::table
                .filter(deadlines::kind.eq_any([
                    reporting::query::DEADLINE_TOLD_OF_HEARING,
                    reporting::query::DEADLINE_TOLD_OF_OUTCOME,
                ]))
                .filter(deadlines::counted_from.ge(filters.from))
                .filter(deadlines::counted_from.le(filters.to))
                .count()
                .get_result(conn)
                .unwrap(),
            notices::table
                .filter(
                    notices::created_at
                        .ge(start)
                        .and(notices::created_at.lt(end)),
                )
                .count()
                .get_result(conn)
                .unwrap(),
            deadlines::table
                .filter(deadlines::due_date.ge(filters.from))
                .filter(deadlines::due_date.le(filters.to))
                .count()
                .get_result(conn)
                .unwrap(),
        ];
        if run > 0 {
            times.push(t.elapsed());
        }
        rows = counts.iter().sum();
    }
    times.sort();
    (times[1], rows)
}

fn run(args: &Args, url: &str) {
    let config = Config::for_database(url);
    let pool = courtside::service::prepare_database(&config).expect("migrate");
    if !args.reuse {
        courtside::seed::run(&pool, &courtside::clock::SystemClock).expect("seed");
    }
    let mut conn = pool.get().expect("a connection");
    let f = plant::fixed(&mut conn);
    if !args.reuse {
        let t = Instant::now();
        let cases_n = plant::plant_all(&mut conn, &f, args.events);
        println!(
            "planted {} events ({} cases) in {:.1} s",
            cases_n * plant::PER_CASE,
            cases_n,
            t.elapsed().as_secs_f64()
        );
    }
    let organisation_id: String = users::table
        .filter(users::id.eq(&f.supporters[0]))
        .select(users::organisation_id)
        .first(&mut *conn)
        .expect("organisation");
    let base = Filters {
        period: "custom",
        from: plant::day0(),
        to: NaiveDate::from_ymd_opt(2026, 6, 30).unwrap(),
        court_id: None,
        court_kind: None,
        organisation_id,
        case_kind: None,
    };
    let quarter = Filters {
        period: "quarter",
        from: NaiveDate::from_ymd_opt(2025, 4, 1).unwrap(),
        to: NaiveDate::from_ymd_opt(2025, 6, 30).unwrap(),
        ..base.clone()
    };
    let court = Filters {
        court_id: Some(f.courts[0].clone()),
        ..quarter.clone()
    };
    for (name, filters) in [
        ("two years, all courts", &base),
        ("one quarter, all courts", &quarter),
        ("one quarter, one court", &court),
    ] {
        let (took, requests) = time_report(&mut conn, filters);
        let (floor, rows) = time_floor(&mut conn, filters);
        println!(
            "{:?} report, {name}: {:.0} ms (median of 3; {requests} requests); \
             the database counting the {rows} rows it reads: {:.0} ms, the report {:.1}× that",
            args.database,
            took.as_secs_f64() * 1000.0,
            floor.as_secs_f64() * 1000.0,
            took.as_secs_f64() / floor.as_secs_f64().max(1e-9)
        );
    }
}

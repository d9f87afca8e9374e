//! Week agenda benchmark: a supporter's week (the `/week` page and the
//! `/api/v1/agenda` API) with about 1,000,000 events in the database,
//! under concurrent clients, beside a static route on the same server.
//!
//! ```sh
//! cargo bench --bench agenda -- --database sqlite
//! cargo bench --bench agenda -- --database postgres   # BENCH_DATABASE_URL
//! cargo bench --bench agenda -- --events 100000       # a quicker run
//! ```
//!
//! It makes a fresh database, starts the real service on it, seeds the
//! demo data, adds `--supporters` supporters to the demo support service
//! (so each, Amara included, holds about a hundred cases, as an IDVA's
//! caseload), and plants the events (`benches/plant`). Then `--clients`
//! concurrent clients each ask for the same week `--requests` times in
//! all, one route at a time: the ceiling (`/healthz`, which reads
//! nothing), the API and the page signed in as Amara, and the page signed
//! in as the manager, who sees every case of the service. Each route's
//! week is asked for once, and each client opens its connection with one
//! request, before the clock starts. It prints p50, p99 and requests per
//! second for each, and each p99 over the ceiling's.

#[path = "../tests/dispatch_support/mod.rs"]
mod dispatch_support;
mod plant;
#[allow(dead_code)]
#[path = "../tests/ui_support/mod.rs"]
mod ui_support;

use std::sync::Arc;
use std::time::{Duration, Instant};

use chrono::Utc;
use clap::{Parser, ValueEnum};
use courtside::clock::SystemClock;
use courtside::config::Config;
use courtside::store::schema::users;
use diesel::prelude::*;

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
enum Database {
    Sqlite,
    Postgres,
}

#[derive(Parser, Debug)]
#[command(about = "A supporter's week agenda over a million events, 50 clients at once")]
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
    /// Supporters in the demo support service, the two seeded included.
    #[arg(long, default_value_t = 500)]
    supporters: usize,
    /// Concurrent clients.
    #[arg(long, default_value_t = 50)]
    clients: usize,
    /// Requests per route, spread over the clients.
    #[arg(long, default_value_t = 2000)]
    requests: usize,
    /// Requests for the manager's week (slow: see docs/developing.md).
    #[arg(long, default_value_t = 100)]
    manager_requests: usize,
    /// The Monday of the week asked for (inside the planted two years).
    #[arg(long, default_value = "2025-06-30")]
    week: chrono::NaiveDate,
    /// Keep the SQLite database at this path (to look at query plans).
    #[arg(long)]
    keep: Option<std::path::PathBuf>,
    /// Plant only, then stop (with --keep).
    #[arg(long)]
    plant_only: bool,
    /// Use the database kept by an earlier run (--keep) as it is.
    #[arg(long)]
    reuse: bool,
    /// Only the routes whose name contains this (the ceiling always runs).
    #[arg(long)]
    only: Option<String>,
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
        "courtside_agenda_bench",
        |url| {
            actix_web::rt::System::new().block_on(run(&args, url));
        },
    );
}

/// Adds supporters to the support service Amara works for, so the
/// planted cases spread over a realistic caseload each.
fn add_supporters(conn: &mut courtside::store::AnyConn, total: usize) {
    let organisation: String = users::table
        .filter(users::email.eq("amara@safer-futures.example"))
        .select(users::organisation_id)
        .first(&mut *conn)
        .expect("Amara is seeded");
    let now = courtside::store::to_db(Utc::now());
    for n in 2..total {
        diesel::insert_into(users::table)
            .values((
                users::id.eq(format!("00000000-0000-4000-8888-{n:012}")),
                users::organisation_id.eq(&organisation),
                users::display_name.eq(format!("Bench Supporter {n}")),
                users::email.eq(format!("bench-{n}@safer-futures.example")),
                users::role.eq("supporter"),
                users::active.eq(true),
                users::version.eq(1),
                users::created_at.eq(now),
                users::updated_at.eq(now),
            ))
            .execute(&mut *conn)
            .expect("add a supporter");
    }
}

struct Timed {
    /// Answers other than 200, by status (e.g. 503 when no database
    /// connection came free in time).
    failed: std::collections::BTreeMap<u16, usize>,
    p50: Duration,
    p99: Duration,
    per_second: f64,
}

/// `requests` GETs of `path` from `clients` tasks at once, each with the
/// given headers; the times are of the 200 answers, the others counted.
/// None if the route is not
/// served at all (a build from before it existed, for the "before"
/// figures).
async fn load(
    base: &str,
    path: &str,
    headers: reqwest::header::HeaderMap,
    clients: usize,
    requests: usize,
) -> Option<Timed> {
    let client = reqwest::Client::builder()
        .default_headers(headers)
        .redirect(reqwest::redirect::Policy::none())
        .pool_max_idle_per_host(clients)
        .build()
        .expect("client");
    let url = format!("{base}{path}");
    // One warm-up request, checked.
    let first = client.get(&url).send().await.expect("request sent");
    let status = first.status();
    if status == reqwest::StatusCode::NOT_FOUND {
        return None;
    }
    assert_eq!(
        status,
        reqwest::StatusCode::OK,
        "GET {path}: {}",
        first.text().await.unwrap_or_default()
    );
    // Every client's connection opened before the clock starts, as a
    // browser or API client keeps its own: without this, the first
    // request of each of the 50 waits on 50 connections accepted at once,
    // which at 2,000 requests is more than the slowest 1 % and says
    // nothing about the week.
    let opening: Vec<_> = (0..clients)
        .map(|_| {
            let client = client.clone();
            let url = url.clone();
            actix_web::rt::spawn(async move {
                let resp = client.get(&url).send().await.expect("request sent");
                resp.bytes().await.expect("body read");
            })
        })
        .collect();
    for o in opening {
        o.await.expect("connection opened");
    }
    let per_client = requests.div_ceil(clients);
    let started = Instant::now();
    let mut tasks = Vec::new();
    for _ in 0..clients {
        let client = client.clone();
        let url = url.clone();
        tasks.push(actix_web::rt::spawn(async move {
            let mut times = Vec::with_capacity(per_client);
            let mut failed = Vec::new();
            for _ in 0..per_client {
                let t = Instant::now();
                let resp = client.get(&url).send().await.expect("request sent");
                let status = resp.status();
                resp.bytes().await.expect("body read");
                if status == reqwest::StatusCode::OK {
                    times.push(t.elapsed());
                } else {
                    failed.push(status.as_u16());
                }
            }
            (times, failed)
        }));
    }
    let mut all = Vec::new();
    let mut failed = std::collections::BTreeMap::new();
    for t in tasks {
        let (times, statuses) = t.await.expect("client task");
        all.extend(times);
        for s in statuses {
            *failed.entry(s).or_insert(0) += 1;
        }
    }
    if all.is_empty() {
        all.push(started.elapsed());
    }
    let took = started.elapsed();
    all.sort();
    let at = |p: f64| all[((all.len() as f64 * p).ceil() as usize).clamp(1, all.len()) - 1];
    Some(Timed {
        failed,
        p50: at(0.50),
        p99: at(0.99),
        per_second: all.len() as f64 / took.as_secs_f64(),
    })
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

async fn run(args: &Args, url: &str) {
    let mut config = Config::for_database(url);
    config.bind = "127.0.0.1:0".into();
    // The pool `courtside serve` has by default.
    config.pool_size = 8;
    let running = courtside::service::start(config, Arc::new(SystemClock)).expect("app starts");
    if !args.reuse {
        courtside::seed::run(&running.pool, &SystemClock).expect("seed");
        let mut conn = running.pool.get().expect("a connection");
        add_supporters(&mut conn, args.supporters);
        let f = plant::fixed(&mut conn);
        let t = Instant::now();
        let cases = plant::plant_all(&mut conn, &f, args.events);
        println!(
            "planted {} events ({} cases, about {} per supporter) in {:.1} s",
            cases * plant::PER_CASE,
            cases,
            cases / f.supporters.len().max(1),
            t.elapsed().as_secs_f64()
        );
    }
    if args.plant_only {
        return;
    }
    let base = running.url("");
    actix_web::rt::spawn(running.server);

    // The API's bearer token and the pages' session cookie, both Amara's;
    // and the manager's cookie.
    let api = reqwest::Client::new();
    let login: serde_json::Value = api
        .post(format!("{base}/api/v1/auth/login"))
        .json(&serde_json::json!({
            "email": "amara@safer-futures.example",
            "password": courtside::seed::DEMO_PASSWORD,
        }))
        .send()
        .await
        .expect("login sent")
        .json()
        .await
        .expect("login answer");
    let token = login["token"].as_str().expect("a token").to_string();
    let cookie = |b: &ui_support::Browser| {
        b.cookies
            .iter()
            .map(|(k, v)| format!("{k}={v}"))
            .collect::<Vec<_>>()
            .join("; ")
    };
    let amara = ui_support::Browser::signed_in(&base, "amara@safer-futures.example").await;
    let maya = ui_support::Browser::signed_in(&base, "maya@safer-futures.example").await;
    let header = |name: reqwest::header::HeaderName, value: String| {
        let mut h = reqwest::header::HeaderMap::new();
        h.insert(name, value.parse().expect("header value"));
        h
    };
    let week = args.week;
    let routes = [
        (
            "static route /healthz (the ceiling)",
            "/healthz".to_string(),
            reqwest::header::HeaderMap::new(),
        ),
        (
            "API /api/v1/agenda, Amara (supporter)",
            format!("/api/v1/agenda?from={week}"),
            header(reqwest::header::AUTHORIZATION, format!("Bearer {token}")),
        ),
        (
            "page /week, Amara (supporter)",
            format!("/week?from={week}"),
            header(reqwest::header::COOKIE, cookie(&amara)),
        ),
        (
            "page /week, Maya (manager, every case of the service)",
            format!("/week?from={week}"),
            header(reqwest::header::COOKIE, cookie(&maya)),
        ),
    ];
    println!(
        "{:?}, {} clients, {} requests per route, week of {week}:",
        args.database, args.clients, args.requests
    );
    let mut ceiling = None;
    for (name, path, headers) in routes {
        let wanted = args.only.as_deref().is_none_or(|o| name.contains(o));
        if ceiling.is_some() && !wanted {
            continue;
        }
        let requests = if name.contains("manager") {
            args.manager_requests
        } else {
            args.requests
        };
        let Some(t) = load(&base, &path, headers, args.clients, requests).await else {
            println!("  {name}: not served by this build");
            continue;
        };
        let ratio = match ceiling {
            None => {
                ceiling = Some(t.p99);
                String::new()
            }
            Some(c) => format!(
                " ({:.1}× the ceiling's p99)",
                t.p99.as_secs_f64() / c.as_secs_f64().max(1e-6)
            ),
        };
        let failed = if t.failed.is_empty() {
            String::new()
        } else {
            format!("; NOT ANSWERED: {:?} (status: count)", t.failed)
        };
        println!(
            "  {name}: p50 {:.1} ms, p99 {:.1} ms{ratio}, {:.0} answers/s{failed}",
            ms(t.p50),
            ms(t.p99),
            t.per_second
        );
    }
}

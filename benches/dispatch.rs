//! Dispatch benchmark: how fast the outbox drains, how late notices go
//! out, and how that compares with the database's own commit rate.
//!
//! ```sh
//! cargo bench --bench dispatch -- --n 2000 --database sqlite
//! cargo bench --bench dispatch -- --n 2000 --database postgres   # BENCH_DATABASE_URL
//! cargo bench --bench dispatch -- --n 2000 --database sqlite --mailer null
//! ```
//!
//! One run:
//! 1. makes a fresh database (a temporary SQLite file, or a new database on
//!    the PostgreSQL server named by `--postgres`), migrates and seeds it;
//! 2. measures the ceiling: N single-row INSERT + COMMIT transactions into
//!    a scratch table (from one connection, then spread over K), and drops
//!    the table;
//! 3. plants N notices (copies of a supporter's hearing-details email the
//!    planner really made), all falling due at the same instant t0;
//! 4. from t0, K worker threads, each with its own lease owner, run the
//!    service's delivery loop (`delivery::run_once`) against a real SMTP
//!    server (tests/smtp/sink.py, which needs aiosmtpd) or, with
//!    `--mailer null`, a mailer that accepts at once, until all N are sent;
//! 5. reports throughput (N over the time from t0 to the last record) and
//!    due-to-sent lag p50/p99: `sent_at − send_after` as stored (the worker
//!    stamps a batch with the time it was claimed), and the lag at the
//!    moment the mailer accepted each message.
//!
//! All N fall due at once, so the lag is a burst's: the last notice waits
//! for the N − 1 before it.
//!
//! Then, at idle: the service's own worker loop (`scheduler::start`, with
//! a 60-second tick) runs, and `--idle` notices are made due one at a time,
//! each in a transaction that wakes the worker as planning does
//! (`notify::wake::due_now`; on PostgreSQL through LISTEN/NOTIFY as
//! well); the lag is from that commit to the mailer accepting the message.
//!
//! With the SMTP sink, the ceiling beside the dispatch rate is the sink's
//! own rate on one kept connection (`--n` messages sent back to back over
//! one lettre connection, no database).

#[path = "../tests/dispatch_support/mod.rs"]
mod dispatch_support;

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use chrono::{DateTime, Utc};
use clap::{Parser, ValueEnum};
use courtside::config::Config;
use courtside::notify::delivery::{self, DeliveryConfig};
use courtside::notify::mailer::{Email, Mailer, SendFailure, SmtpMailer};
use courtside::notify::render::NoticeRenderer;
use courtside::store::schema::notices;
use courtside::store::{self, AnyConn, Pool};
use diesel::prelude::*;
use dispatch_support::*;

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
enum Database {
    Sqlite,
    Postgres,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
enum MailerKind {
    /// A real SMTP server: tests/smtp/sink.py (aiosmtpd).
    Smtp,
    /// Accepts every message at once, sending nothing.
    Null,
}

#[derive(Parser, Debug)]
#[command(about = "Outbox dispatch throughput and lag, against the database's commit rate")]
struct Args {
    /// Notices to schedule (and single-row commits for the ceiling).
    #[arg(long, default_value_t = 2000)]
    n: usize,
    #[arg(long, value_enum, default_value_t = Database::Sqlite)]
    database: Database,
    /// Worker threads, each with its own lease owner.
    #[arg(long, default_value_t = 4)]
    workers: usize,
    /// Notices one worker claims at a time (the service's default).
    #[arg(long, default_value_t = courtside::config::DEFAULT_DELIVERY_BATCH)]
    batch: i64,
    #[arg(long, value_enum, default_value_t = MailerKind::Smtp)]
    mailer: MailerKind,
    /// Messages each worker sends at once (one kept SMTP connection
    /// each); also the most a killed worker can leave sent but unrecorded.
    #[arg(long, default_value_t = DeliveryConfig::default().senders)]
    senders: usize,
    /// Notices made due one at a time at idle, for the due-to-sent lag.
    #[arg(long, default_value_t = 50)]
    idle: usize,
    /// The PostgreSQL server (any database on it); a fresh database is
    /// made there for the run and dropped after.
    #[arg(
        long,
        env = "BENCH_DATABASE_URL",
        default_value = "postgres://postgres@127.0.0.1:5432/postgres"
    )]
    postgres: String,
    /// Each worker records its results alone, as workers in separate
    /// processes do (by default the workers, one process, share a
    /// recorder: groups ready at once go in one transaction).
    #[arg(long)]
    own_recorders: bool,
    /// Count the statements of every transaction while the outbox drains
    /// (diesel's instrumentation) and print the commonest shapes, and each
    /// statement's count and time from start to finish: where a
    /// transaction's time goes. Slows the run; not for figures.
    #[arg(long)]
    statements: bool,
    /// Passed by `cargo bench`; ignored.
    #[arg(long, hide = true)]
    bench: bool,
}

/// Transactions seen while draining, by shape (their statements' first
/// words, their bind count, `*` marking one diesel newly cached), with how many of each.
static SHAPES: std::sync::LazyLock<Mutex<std::collections::HashMap<String, usize>>> =
    std::sync::LazyLock::new(Default::default);
static COUNTING: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);
/// Statements seen while draining, by their first words and bind count:
/// how many, and the time from start to finish summed (microseconds).
static TIMES: std::sync::LazyLock<Mutex<std::collections::HashMap<String, (usize, u128)>>> =
    std::sync::LazyLock::new(Default::default);

/// One connection's statement counter (see `--statements`).
fn statement_counter() -> Option<Box<dyn diesel::connection::Instrumentation>> {
    use diesel::connection::InstrumentationEvent as E;
    let mut open: Vec<String> = Vec::new();
    let mut prepared = false;
    let mut started = Instant::now();
    Some(Box::new(move |event: E<'_>| {
        if !COUNTING.load(Ordering::Relaxed) {
            return;
        }
        match event {
            E::CacheQuery { .. } => prepared = true,
            E::StartQuery { query, .. } => {
                let text = query.to_string();
                let sql = text.split("-- binds").next().unwrap_or("");
                let binds = sql.matches(['?', '$']).count();
                let mut head: String = sql.split_whitespace().take(3).collect::<Vec<_>>().join(" ");
                if binds > 0 {
                    head.push_str(&format!(" ({binds})"));
                }
                let upper = text.trim().to_ascii_uppercase();
                if upper.starts_with("BEGIN") {
                    open.clear();
                }
                open.push(head);
                started = Instant::now();
            }
            E::FinishQuery { .. } => {
                if let Some(head) = open.last() {
                    let head = head.trim_end_matches('*').to_string();
                    let mut times = TIMES.lock().unwrap();
                    let entry = times.entry(head).or_default();
                    entry.0 += 1;
                    entry.1 += started.elapsed().as_micros();
                }
                if prepared {
                    if let Some(last) = open.last_mut() {
                        last.push('*');
                    }
                    prepared = false;
                }
                let closing = open
                    .last()
                    .map(|l| l.to_ascii_uppercase().starts_with("COMMIT"))
                    .unwrap_or(false);
                if closing {
                    let shape = format!("{} statements: {}", open.len(), open.join(" | "));
                    *SHAPES.lock().unwrap().entry(shape).or_default() += 1;
                    open.clear();
                }
            }
            _ => {}
        }
    }))
}

fn print_statement_shapes() {
    let shapes = SHAPES.lock().unwrap();
    let mut rows: Vec<(&String, &usize)> = shapes.iter().collect();
    rows.sort_by(|a, b| b.1.cmp(a.1));
    println!("transactions while draining, by shape (statement's first words, (binds), * = newly cached):");
    for (shape, count) in rows.iter().take(12) {
        println!("{count:>8}  {shape}");
    }
    let times = TIMES.lock().unwrap();
    let mut rows: Vec<(&String, &(usize, u128))> = times.iter().collect();
    rows.sort_by_key(|row| std::cmp::Reverse(row.1 .1));
    println!("statements while draining, by time from start to finish (all workers):");
    println!(
        "{:>8} {:>10} {:>9}  statement",
        "count", "total ms", "mean µs"
    );
    for (head, (count, micros)) in rows.iter().take(14) {
        println!(
            "{count:>8} {:>10.1} {:>9.0}  {head}",
            *micros as f64 / 1000.0,
            *micros as f64 / *count as f64
        );
    }
}

/// Accepts everything at once.
struct NullMailer;

impl Mailer for NullMailer {
    fn send(&self, _: &Email) -> Result<(), SendFailure> {
        Ok(())
    }
}

/// Notes when the inner mailer accepted each message.
struct Timed {
    inner: Box<dyn Mailer>,
    accepted: Mutex<Vec<DateTime<Utc>>>,
}

impl Mailer for Timed {
    fn send(&self, email: &Email) -> Result<(), SendFailure> {
        let result = self.inner.send(email);
        if result.is_ok() {
            self.accepted.lock().unwrap().push(Utc::now());
        }
        result
    }
}

diesel::table! {
    bench_commit_probe (id) {
        id -> Text,
        n -> Integer,
    }
}

/// Single-row INSERT + COMMIT transactions per second: `n` of them, spread
/// over `connections` threads.
fn commit_rate(pool: &Pool, n: usize, connections: usize) -> f64 {
    let next = AtomicUsize::new(0);
    let started = Instant::now();
    std::thread::scope(|s| {
        for _ in 0..connections {
            s.spawn(|| {
                let mut conn = pool.get().expect("a connection");
                loop {
                    let i = next.fetch_add(1, Ordering::Relaxed);
                    if i >= n {
                        break;
                    }
                    store::write(&mut conn, |conn| {
                        diesel::insert_into(bench_commit_probe::table)
                            .values((
                                bench_commit_probe::id.eq(store::new_id()),
                                bench_commit_probe::n.eq(i as i32),
                            ))
                            .execute(conn)?;
                        Ok(())
                    })
                    .expect("insert and commit");
                }
            });
        }
    });
    n as f64 / started.elapsed().as_secs_f64()
}

/// The ceiling, from one connection and from `workers` connections, in a
/// scratch table made for the purpose and dropped after.
fn ceiling(pool: &Pool, n: usize, workers: usize) -> (f64, f64) {
    let mut conn = pool.get().expect("a connection");
    diesel::sql_query(
        "CREATE TABLE bench_commit_probe (id TEXT PRIMARY KEY NOT NULL, n INTEGER NOT NULL)",
    )
    .execute(&mut conn)
    .expect("create the scratch table");
    let one = commit_rate(pool, n, 1);
    diesel::sql_query("DELETE FROM bench_commit_probe")
        .execute(&mut conn)
        .expect("empty the scratch table");
    let many = commit_rate(pool, n, workers);
    diesel::sql_query("DROP TABLE bench_commit_probe")
        .execute(&mut conn)
        .expect("drop the scratch table");
    (one, many)
}

/// Makes every planted notice fall due at `t0`.
fn make_due(conn: &mut AnyConn, t0: DateTime<Utc>) {
    let t0 = store::to_db(t0);
    diesel::update(notices::table)
        .set((notices::send_after.eq(t0), notices::next_attempt_at.eq(t0)))
        .execute(conn)
        .expect("make the notices due");
}

/// Disclosures of notices in the audit log.
fn disclosures(conn: &mut courtside::store::AnyConn) -> i64 {
    use courtside::store::schema::audit_log;
    audit_log::table
        .filter(audit_log::action.eq("disclose"))
        .filter(audit_log::entity.eq("notices"))
        .count()
        .get_result(conn)
        .expect("count the disclosures")
}

/// Runs K workers until `n` notices are recorded; the time from t0 to the
/// last record.
fn drain(pool: &Pool, mailer: &dyn Mailer, args: &Args, t0: Instant) -> Duration {
    let (workers, batch, senders, n) = (args.workers, args.batch, args.senders, args.n);
    let renderer = NoticeRenderer::new();
    let shared = Arc::new(delivery::Recorder::default());
    let recorded = AtomicUsize::new(0);
    let deadline = Duration::from_secs(1800);
    std::thread::scope(|s| {
        for k in 0..workers {
            let (renderer, recorded) = (&renderer, &recorded);
            let recorder = if args.own_recorders {
                Arc::new(delivery::Recorder::default())
            } else {
                shared.clone()
            };
            s.spawn(move || {
                let cfg = DeliveryConfig {
                    owner: format!("bench-worker-{k}"),
                    batch,
                    senders,
                    recorder,
                    ..DeliveryConfig::default()
                };
                while recorded.load(Ordering::Relaxed) < n {
                    assert!(t0.elapsed() < deadline, "the outbox did not drain");
                    let outcome = delivery::run_once(pool, mailer, renderer, &cfg, Utc::now())
                        .expect("a delivery run");
                    assert_eq!(
                        outcome.failed + outcome.dead + outcome.cancelled + outcome.ready,
                        0,
                        "every planted notice should be sent: {outcome:?}"
                    );
                    recorded.fetch_add(outcome.sent, Ordering::Relaxed);
                    if outcome.claimed == 0 {
                        std::thread::sleep(Duration::from_millis(5));
                    }
                }
            });
        }
    });
    t0.elapsed()
}

diesel::table! {
    /// The server's view of its connections (PostgreSQL), for the CPU
    /// time of this run's backends.
    pg_stat_activity (pid) {
        pid -> Integer,
        datname -> Nullable<Text>,
    }
}

diesel::define_sql_function!(fn current_database() -> Text);

/// CPU seconds (user and system) a process has used so far, read from
/// `/proc` (Linux; times in 1/100 s, the kernel's USER_HZ); none where
/// it cannot be read.
fn cpu_seconds(pid: &str) -> Option<f64> {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
    // Fields after the command name, which ends at the last ')'.
    let fields: Vec<&str> = stat.rsplit_once(')')?.1.split_whitespace().collect();
    let ticks = |i: usize| fields.get(i)?.parse::<u64>().ok();
    Some((ticks(11)? + ticks(12)?) as f64 / 100.0)
}

/// The CPU seconds used so far by this process and, on PostgreSQL, by the
/// server's backends serving this run's database (the server must be on
/// this machine; none where its processes cannot be read). Other load on
/// a shared machine takes the clock more than the work each notice costs,
/// so this swings less than throughput (though not nothing).
fn cpu_now(conn: &mut AnyConn) -> (Option<f64>, Option<f64>) {
    let server = if store::dialect::backend_of(conn) == store::Backend::Postgres {
        let pids: Vec<i32> = pg_stat_activity::table
            .filter(pg_stat_activity::datname.eq(current_database().nullable()))
            .select(pg_stat_activity::pid)
            .load(conn)
            .unwrap_or_default();
        pids.iter()
            .map(|pid| cpu_seconds(&pid.to_string()))
            .sum::<Option<f64>>()
            .filter(|_| !pids.is_empty())
    } else {
        None
    };
    (cpu_seconds("self"), server)
}

/// The value below which `p` of the sorted values lie (nearest rank).
fn percentile(sorted: &[f64], p: f64) -> f64 {
    if sorted.is_empty() {
        return f64::NAN;
    }
    let rank = ((p / 100.0) * sorted.len() as f64).ceil() as usize;
    sorted[rank.clamp(1, sorted.len()) - 1]
}

fn millis(d: chrono::Duration) -> f64 {
    d.num_microseconds().unwrap_or(i64::MAX) as f64 / 1000.0
}

fn main() {
    let args = Args::parse();
    if args.statements {
        diesel::connection::set_default_instrumentation(statement_counter)
            .expect("instrumentation");
    }
    assert!(args.n > 0 && args.workers > 0 && args.batch > 0);
    let dir = tempfile::tempdir().expect("a temporary folder");
    let (url, pg_name) = match args.database {
        Database::Sqlite => (
            dir.path().join("bench.db").to_string_lossy().into_owned(),
            None,
        ),
        Database::Postgres => {
            let (url, name) = create_postgres_database(&args.postgres, "courtside_bench");
            (url, Some(name))
        }
    };
    let result = std::panic::catch_unwind(|| run(&args, &url, dir.path()));
    if let Some(name) = pg_name {
        drop_postgres_database(&args.postgres, &name);
    }
    if let Err(panic) = result {
        std::panic::resume_unwind(panic);
    }
}

fn run(args: &Args, url: &str, dir: &std::path::Path) {
    let config = Config {
        pool_size: (args.workers + 2) as u32,
        ..Config::for_database(url)
    };
    let pool = courtside::service::prepare_database(&config).expect("migrate");
    courtside::seed::run(&pool, &courtside::clock::SystemClock).expect("seed");

    let (ceiling_one, ceiling_many) = ceiling(&pool, args.n, args.workers);

    plant_due_notices(
        &pool,
        args.n,
        Utc::now() + chrono::Duration::days(1),
        "bench",
    );
    let sink = (args.mailer == MailerKind::Smtp).then(|| start_sink(&dir.join("mail")));
    let inner: Box<dyn Mailer> = match &sink {
        Some(sink) => Box::new(
            SmtpMailer::with_pool(
                &sink.url(),
                "Courtside <no-reply@courtside.example>",
                (args.senders * args.workers) as u32,
            )
            .expect("mailer"),
        ),
        None => Box::new(NullMailer),
    };
    let mailer = Arc::new(Timed {
        inner,
        accepted: Mutex::new(Vec::with_capacity(args.n)),
    });

    // The sink's own rate on one kept connection, into a folder of its own.
    let sink_ceiling = (args.mailer == MailerKind::Smtp).then(|| {
        let one = start_sink(&dir.join("mail-ceiling"));
        let mailer = SmtpMailer::with_pool(&one.url(), "Courtside <no-reply@courtside.example>", 1)
            .expect("mailer");
        let email = |i: usize| Email {
            to: "ben@safer-futures.example".into(),
            subject: "Court date for V-1002".into(),
            body: "A message of about the size of a notice.\n".repeat(12),
            idempotency_key: format!("ceiling:{i}"),
        };
        let started = Instant::now();
        for i in 0..args.n {
            mailer.send(&email(i)).expect("the sink accepts it");
        }
        args.n as f64 / started.elapsed().as_secs_f64()
    });

    let mut conn = pool.get().expect("a connection");
    let disclosed_before = disclosures(&mut conn);
    let t0 = Utc::now();
    make_due(&mut conn, t0);
    COUNTING.store(args.statements, Ordering::Relaxed);
    let cpu_before = cpu_now(&mut conn);
    let elapsed = drain(&pool, mailer.as_ref(), args, Instant::now());
    let cpu_after = cpu_now(&mut conn);

    COUNTING.store(false, Ordering::Relaxed);
    if args.statements {
        print_statement_shapes();
    }
    let rows: Vec<(chrono::NaiveDateTime, Option<chrono::NaiveDateTime>)> = notices::table
        .filter(notices::state.eq("sent"))
        .select((notices::send_after, notices::sent_at))
        .load(&mut conn)
        .expect("read the outcome");
    assert_eq!(rows.len(), args.n, "every notice sent");
    // Every one audited once, and the chain whole (the record
    // transactions chain their entries after one another's ends).
    assert_eq!(
        disclosures(&mut conn) - disclosed_before,
        args.n as i64,
        "one disclosure entry a notice"
    );
    assert!(
        matches!(
            courtside::audit::verify(&mut conn).expect("verify the chain"),
            courtside::audit::Verdict::Intact { .. }
        ),
        "the audit chain verifies"
    );
    let mut stored: Vec<f64> = rows
        .iter()
        .map(|(due, sent)| millis(sent.expect("sent_at") - *due))
        .collect();
    stored.sort_by(f64::total_cmp);
    let mut accepted: Vec<f64> = mailer
        .accepted
        .lock()
        .unwrap()
        .iter()
        .map(|at| millis(*at - t0))
        .collect();
    accepted.sort_by(f64::total_cmp);
    if let Some(sink) = &sink {
        assert_eq!(
            sink_message_ids(&sink.folder).len(),
            args.n,
            "messages in the sink"
        );
    }

    let throughput = args.n as f64 / elapsed.as_secs_f64();
    println!();
    println!(
        "dispatch: {:?}, N = {}, {} workers, batch {}, mailer {:?}, {}",
        args.database,
        args.n,
        args.workers,
        args.batch,
        args.mailer,
        if args.own_recorders {
            "a recorder each"
        } else {
            "one recorder"
        }
    );
    println!("{:-<58}", "");
    let row = |what: &str, value: String| println!("{what:<40} {value:>17}");
    row("dispatch throughput", format!("{throughput:.0} messages/s"));
    row(
        "drain time (t0 to last record)",
        format!("{:.2} s", elapsed.as_secs_f64()),
    );
    row(
        "lag p50 / p99, sent_at - send_after",
        format!(
            "{:.0} / {:.0} ms",
            percentile(&stored, 50.0),
            percentile(&stored, 99.0)
        ),
    );
    row(
        "lag p50 / p99, at the mailer",
        format!(
            "{:.0} / {:.0} ms",
            percentile(&accepted, 50.0),
            percentile(&accepted, 99.0)
        ),
    );
    // CPU milliseconds per 1,000 notices drained.
    let per_thousand = |before: Option<f64>, after: Option<f64>| match (before, after) {
        (Some(b), Some(a)) => format!("{:.0} ms", (a - b) * 1e6 / args.n as f64),
        _ => "not read".to_string(),
    };
    row(
        "CPU per 1,000 notices, this process",
        per_thousand(cpu_before.0, cpu_after.0),
    );
    if args.database == Database::Postgres {
        row(
            "CPU per 1,000 notices, the server",
            per_thousand(cpu_before.1, cpu_after.1),
        );
    }
    row(
        "ceiling: single-row commits, 1 conn",
        format!("{ceiling_one:.0} commits/s"),
    );
    row(
        &format!("ceiling: single-row commits, {} conns", args.workers),
        format!("{ceiling_many:.0} commits/s"),
    );
    row(
        "throughput / 1-conn ceiling",
        format!("{:.1} %", 100.0 * throughput / ceiling_one),
    );
    if let Some(sink_rate) = sink_ceiling {
        row(
            "ceiling: the sink, 1 kept connection",
            format!("{sink_rate:.0} messages/s"),
        );
        row(
            "throughput / sink ceiling",
            format!("{:.1} %", 100.0 * throughput / sink_rate),
        );
    }

    // At idle: one notice made due at a time, the worker woken on commit.
    let idle = idle_lags(&pool, url, mailer.clone(), args);
    row(
        &format!("idle due-to-sent p50 / p99 ({} notices)", args.idle),
        format!(
            "{:.1} / {:.1} ms",
            percentile(&idle, 50.0),
            percentile(&idle, 99.0)
        ),
    );
}

/// Runs the service's worker loop, makes `args.idle` notices due one at a
/// time (waking the worker in the same transaction, as planning does) and
/// returns each one's lag from that commit to the mailer, sorted, in ms.
fn idle_lags(pool: &Pool, url: &str, mailer: Arc<Timed>, args: &Args) -> Vec<f64> {
    if args.idle == 0 {
        return Vec::new();
    }
    let keys = plant_due_notices(
        pool,
        args.idle,
        Utc::now() + chrono::Duration::days(1),
        "idle",
    );
    let runtime = tokio::runtime::Runtime::new().expect("a runtime");
    if url.starts_with("postgres") {
        courtside::notify::wake::listen_postgres(url);
        // Time for the LISTEN to be in place (a set-up wait, not measured).
        std::thread::sleep(Duration::from_millis(500));
    }
    let _scheduler = runtime
        .block_on(courtside::scheduler::start(
            pool.clone(),
            std::sync::Arc::new(courtside::clock::SystemClock),
            mailer.clone(),
            std::sync::Arc::new(NoticeRenderer::new()),
            60,
            DeliveryConfig {
                owner: "bench-idle".into(),
                senders: args.senders,
                ..DeliveryConfig::default()
            },
        ))
        .expect("the worker starts");
    // Let its first pass (nothing due) go by.
    std::thread::sleep(Duration::from_millis(500));
    let mut conn = pool.get().expect("a connection");
    let mut lags = Vec::with_capacity(keys.len());
    for key in &keys {
        let before = mailer.accepted.lock().unwrap().len();
        let committed = store::write(&mut conn, |conn| {
            let now = store::to_db(Utc::now());
            diesel::update(notices::table.filter(notices::idempotency_key.eq(key)))
                .set((
                    notices::send_after.eq(now),
                    notices::next_attempt_at.eq(now),
                ))
                .execute(conn)?;
            courtside::notify::wake::due_now(conn)?;
            Ok(())
        })
        .map(|_| Utc::now())
        .expect("make one notice due");
        let started = Instant::now();
        loop {
            if let Some(at) = mailer.accepted.lock().unwrap().get(before) {
                lags.push(millis(*at - committed));
                break;
            }
            assert!(
                started.elapsed() < Duration::from_secs(120),
                "an idle notice was not sent"
            );
            std::thread::sleep(Duration::from_micros(200));
        }
        // Idle between notices.
        std::thread::sleep(Duration::from_millis(50));
    }
    lags.sort_by(f64::total_cmp);
    lags
}

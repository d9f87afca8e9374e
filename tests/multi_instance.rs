//! Several real `courtside serve` processes on one PostgreSQL database,
//! delivering to a real SMTP server (aiosmtpd, tests/smtp/sink.py):
//! - three instances drain 10,000 due notices and every notice reaches the
//!   sink exactly once;
//! - an instance killed in the middle of a batch leaves leases that another
//!   instance takes over when they run out, and a message that a dead
//!   worker sent but never recorded is sent again with the same Message-ID.
//!
//! Both need `TEST_DATABASE_URL` (a `postgres://` URL) and aiosmtpd, so a
//! plain `cargo test` skips them; `.ci/run` runs them with `--ignored`.

mod dispatch_support;

use std::collections::{BTreeMap, BTreeSet};
use std::fs::File;
use std::io::{Read, Write};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use chrono::Utc;
use courtside::config::Config;
use courtside::notify::delivery::{self, DeliveryConfig};
use courtside::notify::mailer::{message_id, Email, Mailer, SmtpMailer};
use courtside::notify::render::NoticeRenderer;
use courtside::notify::route::{self, Route};
use courtside::store::schema::notices;
use courtside::store::{AnyConn, Pool};
use diesel::prelude::*;
use dispatch_support::*;

/// A fresh, migrated and seeded PostgreSQL database, dropped at the end.
struct Database {
    server: String,
    name: String,
    url: String,
    /// What every process on this database must be given: the field
    /// encryption keys the seed data was sealed with.
    env: Vec<(&'static str, String)>,
    pool: Option<Pool>,
}

impl Database {
    fn create(prefix: &str) -> Database {
        let server = postgres_server("TEST_DATABASE_URL")
            .expect("TEST_DATABASE_URL must be a postgres:// URL for this test");
        let (url, name) = create_postgres_database(&server, prefix);
        let config = Config::for_database(&url);
        let pool = courtside::service::prepare_database(&config).expect("migrate");
        courtside::seed::run(&pool, &courtside::clock::SystemClock).expect("seed");
        let env = config
            .field_keys
            .iter()
            .map(|keys| ("COURTSIDE_FIELD_KEYS", keys.expose().to_string()))
            .collect();
        Database {
            server,
            name,
            url,
            env,
            pool: Some(pool),
        }
    }

    fn conn(&self) -> courtside::store::conn::PooledConn {
        self.pool.as_ref().unwrap().get().expect("a connection")
    }
}

impl Drop for Database {
    fn drop(&mut self) {
        self.pool.take();
        drop_postgres_database(&self.server, &self.name);
    }
}

/// One `courtside serve` process, logging JSON lines to a file.
struct Instance {
    name: String,
    child: Child,
    log: PathBuf,
}

impl Instance {
    fn start(name: &str, dir: &Path, db: &Database, smtp_url: &str, env: &[(&str, &str)]) -> Self {
        let log = dir.join(format!("{name}.log"));
        let out = File::create(&log).expect("log file");
        let err = out.try_clone().expect("log file");
        let mut command = Command::new(env!("CARGO_BIN_EXE_courtside"));
        command
            .arg("serve")
            .env("DATABASE_URL", &db.url)
            .env("COURTSIDE_BIND", "127.0.0.1:0")
            .env("COURTSIDE_SMTP_URL", smtp_url)
            .env(
                "COURTSIDE_SMTP_FROM",
                "Courtside <no-reply@courtside.example>",
            )
            .env("COURTSIDE_DELIVERY_SECONDS", "1")
            .env("COURTSIDE_LOG_FORMAT", "json")
            .env("RUST_LOG", "info,actix_server=warn,diesel=warn")
            .stdin(Stdio::null())
            .stdout(out)
            .stderr(err);
        for (k, v) in &db.env {
            command.env(k, v);
        }
        for (k, v) in env {
            command.env(k, v);
        }
        let child = command.spawn().expect("the courtside binary starts");
        Instance {
            name: name.to_string(),
            child,
            log,
        }
    }

    /// The JSON log lines so far.
    fn lines(&self) -> Vec<serde_json::Value> {
        std::fs::read_to_string(&self.log)
            .unwrap_or_default()
            .lines()
            .filter_map(|l| serde_json::from_str(l).ok())
            .collect()
    }

    fn tail(&self) -> String {
        let text = std::fs::read_to_string(&self.log).unwrap_or_default();
        let lines: Vec<&str> = text.lines().collect();
        lines[lines.len().saturating_sub(20)..].join("\n")
    }

    /// Waits (bounded) until the instance serves, checks it answers
    /// /healthz, and returns its delivery worker's owner name.
    fn wait_until_serving(&mut self) -> String {
        let started = Instant::now();
        loop {
            let lines = self.lines();
            let serving = lines
                .iter()
                .find(|l| l["message"] == "Courtside is serving");
            let owner = lines
                .iter()
                .find(|l| l["message"] == "delivery worker started")
                .and_then(|l| l["owner"].as_str().map(str::to_string));
            if let (Some(serving), Some(owner)) = (serving, owner) {
                let port = serving["port"].as_u64().expect("the port in the log") as u16;
                assert_eq!(http_status(port, "/healthz"), 200, "{}", self.name);
                return owner;
            }
            if let Ok(Some(status)) = self.child.try_wait() {
                panic!("{} exited ({status}):\n{}", self.name, self.tail());
            }
            assert!(
                started.elapsed() < Duration::from_secs(60),
                "{} did not start:\n{}",
                self.name,
                self.tail()
            );
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    fn assert_running(&mut self) {
        if let Ok(Some(status)) = self.child.try_wait() {
            panic!("{} exited ({status}):\n{}", self.name, self.tail());
        }
    }

    /// Notices this instance recorded as sent, from its "delivery tick"
    /// log lines.
    fn sent(&self) -> usize {
        self.lines()
            .iter()
            .filter(|l| l["message"] == "delivery tick")
            .filter_map(|l| {
                let outcome = l["outcome"].as_str()?;
                let rest = &outcome[outcome.find(" sent: ")? + 7..];
                rest[..rest.find(|c: char| !c.is_ascii_digit())?]
                    .parse::<usize>()
                    .ok()
            })
            .sum()
    }

    /// SIGTERM (a graceful stop), then SIGKILL if it is still there.
    fn stop(&mut self) {
        let _ = Command::new("kill")
            .args(["-TERM", &self.child.id().to_string()])
            .status();
        let started = Instant::now();
        while started.elapsed() < Duration::from_secs(15) {
            if let Ok(Some(_)) = self.child.try_wait() {
                return;
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        self.kill();
    }

    /// SIGKILL: the process dies wherever it is, as in a crash.
    fn kill(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Drop for Instance {
    fn drop(&mut self) {
        self.kill();
    }
}

/// A plain HTTP/1.1 GET; the status code.
fn http_status(port: u16, path: &str) -> u16 {
    let mut stream = TcpStream::connect(("127.0.0.1", port)).expect("connect");
    stream
        .set_read_timeout(Some(Duration::from_secs(10)))
        .unwrap();
    write!(
        stream,
        "GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"
    )
    .unwrap();
    let mut reply = String::new();
    let _ = stream.read_to_string(&mut reply);
    reply
        .split_whitespace()
        .nth(1)
        .and_then(|code| code.parse().ok())
        .unwrap_or(0)
}

/// Waits (bounded; not a speed goal) until nothing is outstanding, while
/// checking that every instance is still alive.
fn wait_until_drained(db: &Database, instances: &mut [&mut Instance], limit: Duration) {
    let started = Instant::now();
    let mut conn = db.conn();
    loop {
        let left = outstanding(&mut conn);
        if left == 0 {
            return;
        }
        for i in instances.iter_mut() {
            i.assert_running();
        }
        assert!(
            started.elapsed() < limit,
            "{left} notices still outstanding after {limit:?}: {:?}",
            states(&mut conn)
        );
        std::thread::sleep(Duration::from_millis(250));
    }
}

/// The Message-ID every notice's email must carry.
fn expected_ids(keys: &[String]) -> BTreeSet<String> {
    keys.iter().map(|k| message_id(k)).collect()
}

#[test]
#[ignore = "needs PostgreSQL and aiosmtpd: run by .ci/run"]
fn three_instances_deliver_ten_thousand_notices_exactly_once() {
    const N: usize = 10_000;
    let began = Instant::now();
    let db = Database::create("courtside_t_multi");
    let keys = plant_due_notices(
        db.pool.as_ref().unwrap(),
        N,
        Utc::now() - chrono::Duration::minutes(1),
        "multi",
    );
    assert_eq!(outstanding(&mut db.conn()), N as i64);
    let planted = began.elapsed();

    let dir = tempfile::tempdir().unwrap();
    let sink = start_sink(&dir.path().join("mail"));
    let env = [("COURTSIDE_DELIVERY_BATCH", "200")];
    let mut a = Instance::start("instance-a", dir.path(), &db, &sink.url(), &env);
    let mut b = Instance::start("instance-b", dir.path(), &db, &sink.url(), &env);
    let mut c = Instance::start("instance-c", dir.path(), &db, &sink.url(), &env);
    let owners = [
        a.wait_until_serving(),
        b.wait_until_serving(),
        c.wait_until_serving(),
    ];
    assert_eq!(
        owners.iter().collect::<BTreeSet<_>>().len(),
        3,
        "{owners:?}"
    );

    let draining = Instant::now();
    wait_until_drained(&db, &mut [&mut a, &mut b, &mut c], Duration::from_secs(900));
    let drained = draining.elapsed();
    // An instance records a pass's notices before it logs the pass: let
    // every log catch up before stopping them, so that a stop between the
    // two does not hide a pass from the per-instance counts below.
    let logging = Instant::now();
    while [&a, &b, &c].iter().map(|i| i.sent()).sum::<usize>() < N
        && logging.elapsed() < Duration::from_secs(60)
    {
        std::thread::sleep(Duration::from_millis(200));
    }
    for i in [&mut a, &mut b, &mut c] {
        i.stop();
    }

    // Every notice is sent, once.
    let mut conn = db.conn();
    assert_eq!(
        states(&mut conn),
        BTreeMap::from([("sent".to_string(), N as i64)])
    );
    let ids = sink_message_ids(&sink.folder);
    assert_eq!(ids.len(), N, "messages in the sink");
    let counts = tally(&ids);
    assert_eq!(counts.len(), N, "distinct Message-IDs");
    let received: BTreeSet<String> = counts.keys().map(|s| s.to_string()).collect();
    assert_eq!(
        received,
        expected_ids(&keys),
        "one message per notice, each with its notice's Message-ID"
    );

    // The work was shared: each instance's own count of what it recorded
    // as sent adds up to all of it, and more than one did some.
    let per_instance: Vec<(String, usize)> = [&a, &b, &c]
        .iter()
        .map(|i| (i.name.clone(), i.sent()))
        .collect();
    assert_eq!(
        per_instance.iter().map(|(_, n)| n).sum::<usize>(),
        N,
        "{per_instance:?}"
    );
    let busy = per_instance.iter().filter(|(_, n)| *n > 0).count();
    assert!(busy > 1, "only one instance did work: {per_instance:?}");
    eprintln!(
        "planted {N} notices in {planted:.1?}; three instances drained them in {drained:.1?} \
         ({:.0} messages/s); sent per instance: {per_instance:?}; test took {:.1?}",
        N as f64 / drained.as_secs_f64(),
        began.elapsed()
    );
}

/// What a worker does for one claimed notice, up to and including the
/// send, but not the record: a worker that dies right after sending.
fn send_without_recording(
    conn: &mut AnyConn,
    mailer: &dyn Mailer,
    renderer: &NoticeRenderer,
    n: &delivery::Claimed,
) {
    let Route::Email(to) = route::resolve(conn, n).expect("resolve") else {
        panic!("the planted notices go by email");
    };
    let template = *courtside::flows::TemplateKey::ALL
        .iter()
        .find(|t| t.as_str() == n.template)
        .expect("a known template");
    let data = serde_json::from_str(&n.data_json).expect("stored data");
    let rendered = renderer
        .render(template, &n.language, &data)
        .expect("renders");
    mailer
        .send(&Email {
            to,
            subject: rendered.subject,
            body: rendered.body,
            idempotency_key: n.idempotency_key.clone(),
        })
        .expect("the sink accepts it");
}

/// The lease owner and attempts of each notice still being sent.
fn leased(conn: &mut AnyConn) -> BTreeMap<String, (String, i32)> {
    notices::table
        .filter(delivery::being_sent())
        .select((notices::id, notices::lease_owner, notices::attempts))
        .load::<(String, Option<String>, i32)>(conn)
        .unwrap()
        .into_iter()
        .map(|(id, owner, attempts)| (id, (owner.unwrap_or_default(), attempts)))
        .collect()
}

#[test]
#[ignore = "needs PostgreSQL and aiosmtpd: run by .ci/run"]
fn leases_of_dead_workers_are_retaken_and_nothing_is_sent_under_two_ids() {
    const N: usize = 1_500;
    const DEAD_CLAIMED: usize = 40;
    const DEAD_SENT: usize = 10;
    let began = Instant::now();
    let db = Database::create("courtside_t_crash");
    let keys = plant_due_notices(
        db.pool.as_ref().unwrap(),
        N,
        Utc::now() - chrono::Duration::minutes(1),
        "crash",
    );
    let dir = tempfile::tempdir().unwrap();
    let sink = start_sink(&dir.path().join("mail"));
    let mut conn = db.conn();

    // 1. A worker claims a batch with a 20-second lease, sends some of it,
    //    and dies before recording anything.
    let dead = DeliveryConfig {
        owner: "dead-worker".into(),
        lease: chrono::Duration::seconds(20),
        batch: DEAD_CLAIMED as i64,
        ..DeliveryConfig::default()
    };
    let claimed = delivery::claim(&mut conn, &dead, Utc::now()).expect("claim");
    assert_eq!(claimed.len(), DEAD_CLAIMED);
    let mailer = SmtpMailer::from_url(&sink.url(), "Courtside <no-reply@courtside.example>")
        .expect("mailer");
    let renderer = NoticeRenderer::new();
    for n in &claimed[..DEAD_SENT] {
        send_without_recording(&mut conn, &mailer, &renderer, n);
    }
    let sent_by_dead: BTreeSet<String> = claimed[..DEAD_SENT]
        .iter()
        .map(|n| message_id(&n.idempotency_key))
        .collect();

    // 2. A real instance with a 5-second lease claims everything else in
    //    one batch and is killed (SIGKILL) part-way through it.
    let mut first = Instance::start(
        "first",
        dir.path(),
        &db,
        &sink.url(),
        &[
            ("COURTSIDE_DELIVERY_BATCH", "5000"),
            ("COURTSIDE_DELIVERY_LEASE_SECONDS", "5"),
        ],
    );
    let first_owner = first.wait_until_serving();
    let watching = Instant::now();
    loop {
        let in_flight = leased(&mut conn)
            .values()
            .filter(|(owner, _)| *owner == first_owner)
            .count();
        let sent: i64 = notices::table
            .filter(notices::state.eq("sent"))
            .count()
            .get_result(&mut conn)
            .unwrap();
        if sent >= 20 && in_flight >= 100 {
            break;
        }
        first.assert_running();
        assert!(
            watching.elapsed() < Duration::from_secs(60),
            "the first instance never had a batch part-sent: {:?}",
            states(&mut conn)
        );
        std::thread::sleep(Duration::from_millis(2));
    }
    first.kill();
    let killed_at = Instant::now();
    let orphaned = leased(&mut conn);
    let by_first = orphaned.values().filter(|(o, _)| *o == first_owner).count();
    let by_dead = orphaned
        .values()
        .filter(|(o, _)| o == "dead-worker")
        .count();
    assert_eq!(by_dead, DEAD_CLAIMED, "{orphaned:?}");
    assert!(by_first > 0, "the kill left no lease behind");
    assert_eq!(orphaned.len(), by_first + by_dead);

    // 3. A second instance finishes the work, taking over each lease once
    //    it has run out.
    let mut second = Instance::start(
        "second",
        dir.path(),
        &db,
        &sink.url(),
        &[("COURTSIDE_DELIVERY_BATCH", "500")],
    );
    let second_owner = second.wait_until_serving();
    wait_until_drained(&db, &mut [&mut second], Duration::from_secs(300));
    let retaken_after = killed_at.elapsed();
    second.stop();

    assert_eq!(
        states(&mut conn),
        BTreeMap::from([("sent".to_string(), N as i64)])
    );
    // Each orphaned notice was claimed exactly once more.
    let attempts: BTreeMap<String, i32> = notices::table
        .filter(notices::id.eq_any(orphaned.keys()))
        .select((notices::id, notices::attempts))
        .load::<(String, i32)>(&mut conn)
        .unwrap()
        .into_iter()
        .collect();
    assert_eq!(attempts.len(), orphaned.len());
    assert!(
        attempts.values().all(|a| *a == 2),
        "orphaned notices claimed once more: {attempts:?}"
    );
    assert!(
        second.sent() >= orphaned.len(),
        "the second instance took them over"
    );
    let first_sent = first.sent();
    assert_eq!(
        first_sent, 0,
        "the first instance died inside its only batch"
    );

    // Every notice arrived, under its own Message-ID. The only copies are
    // re-sends of messages a dead worker sent but never recorded (the ten
    // sent before the first "crash", and at most the one the killed
    // instance was sending), and each copy carries the original's id.
    let ids = sink_message_ids(&sink.folder);
    let counts = tally(&ids);
    let received: BTreeSet<String> = counts.keys().map(|s| s.to_string()).collect();
    assert_eq!(received, expected_ids(&keys));
    let twice: BTreeSet<String> = counts
        .iter()
        .filter(|(_, n)| **n > 1)
        .map(|(id, _)| id.to_string())
        .collect();
    assert!(counts.values().all(|n| *n <= 2), "{counts:?}");
    assert!(
        sent_by_dead.is_subset(&twice),
        "the dead worker's sends were re-sent"
    );
    let unexpected: Vec<&String> = twice.difference(&sent_by_dead).collect();
    assert!(
        unexpected.len() <= courtside::notify::delivery::DeliveryConfig::default().senders,
        "copies beyond those in flight at the kill: {unexpected:?}"
    );
    assert_eq!(ids.len(), N + DEAD_SENT + unexpected.len());
    eprintln!(
        "first instance ({first_owner}) killed with {by_first} notices leased; \
         second ({second_owner}) finished {} leases within {retaken_after:.1?} of the kill; \
         {} re-sent copies, all under their original Message-ID ({} of them from the killed \
         instance, whose bound is its {} senders); test took {:.1?}",
        orphaned.len(),
        ids.len() - N,
        unexpected.len(),
        courtside::notify::delivery::DeliveryConfig::default().senders,
        began.elapsed()
    );
}

//! Shared by tests/multi_instance.rs and benches/dispatch.rs: a fresh
//! database, a real SMTP sink (tests/smtp/sink.py), and a bulk load of due
//! notices cloned from one the planner really made.
//!
//! Each user of this module uses a different part of it.
#![allow(dead_code)]

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use chrono::{DateTime, Utc};
use courtside::store::schema::{cases, courts, hearings, notices};
use courtside::store::{self, AnyConn, Pool};
use diesel::prelude::*;

/// Rows per INSERT: well under SQLite's and PostgreSQL's bind limits.
const CHUNK: usize = 500;

/// The PostgreSQL server named by `var` (a URL to any database on it), if
/// that variable is set to a `postgres` URL.
pub fn postgres_server(var: &str) -> Option<String> {
    std::env::var(var)
        .ok()
        .filter(|url| url.starts_with("postgres"))
}

/// A new, empty PostgreSQL database on `server`: (its URL, its name).
pub fn create_postgres_database(server: &str, prefix: &str) -> (String, String) {
    let name = format!("{prefix}_{}", uuid::Uuid::new_v4().simple());
    let mut admin = diesel::PgConnection::establish(server)
        .unwrap_or_else(|_| panic!("cannot reach the PostgreSQL server for {prefix}"));
    // A database name cannot be a bound parameter; this one is a fixed
    // prefix and hex digits.
    diesel::sql_query(format!("CREATE DATABASE {name}"))
        .execute(&mut admin)
        .expect("create database");
    let base = server.rsplit_once('/').map(|(b, _)| b).unwrap_or(server);
    (format!("{base}/{name}"), name)
}

/// Drops a database made by [`create_postgres_database`], closing any
/// connection still open to it.
pub fn drop_postgres_database(server: &str, name: &str) {
    if let Ok(mut admin) = diesel::PgConnection::establish(server) {
        let _ = diesel::sql_query(format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
            .execute(&mut admin);
    }
}

/// The SMTP sink: a Python aiosmtpd server that keeps each message it
/// accepts as a `.eml` file. Killed when dropped.
pub struct Sink {
    child: Child,
    pub folder: PathBuf,
    pub port: u16,
}

impl Sink {
    pub fn url(&self) -> String {
        format!("smtp://127.0.0.1:{}", self.port)
    }
}

impl Drop for Sink {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

pub fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .expect("a free port")
        .local_addr()
        .expect("its address")
        .port()
}

/// Starts tests/smtp/sink.py, keeping messages in `folder`.
pub fn start_sink(folder: &Path) -> Sink {
    let port = free_port();
    let script = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/smtp/sink.py");
    let child = Command::new("python3")
        .args([script, "127.0.0.1", &port.to_string()])
        .arg(folder)
        .stdin(Stdio::null())
        .spawn()
        .expect("python3 runs");
    // Owned at once, so that a panic below still stops the server.
    let sink = Sink {
        child,
        folder: folder.to_path_buf(),
        port,
    };
    // A bounded wait for the server to come up (not a speed goal).
    let started = Instant::now();
    while started.elapsed() < Duration::from_secs(20) {
        if folder.join("ready").exists() {
            return sink;
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    panic!("the SMTP sink did not start: is aiosmtpd installed (pip install aiosmtpd)?");
}

/// The `Message-ID` header of every message in the sink's folder, in no
/// particular order (one entry per message file; "" when a file has none).
pub fn sink_message_ids(folder: &Path) -> Vec<String> {
    std::fs::read_dir(folder)
        .expect("the sink's folder")
        .filter_map(|e| e.ok())
        .filter(|e| e.path().extension().is_some_and(|x| x == "eml"))
        .map(|e| {
            let text = std::fs::read_to_string(e.path()).expect("a message file");
            header(&text, "Message-ID").unwrap_or_default()
        })
        .collect()
}

/// One header's value from a message's header block (unfolded lines only,
/// which is all lettre writes for a Message-ID).
pub fn header(message: &str, name: &str) -> Option<String> {
    message.lines().take_while(|l| !l.is_empty()).find_map(|l| {
        let (key, value) = l.split_once(':')?;
        key.eq_ignore_ascii_case(name)
            .then(|| value.trim().to_string())
    })
}

/// How many times each value occurs.
pub fn tally(values: &[String]) -> BTreeMap<&str, usize> {
    let mut counts = BTreeMap::new();
    for v in values {
        *counts.entry(v.as_str()).or_insert(0) += 1;
    }
    counts
}

/// Everything about a notice that the clones share with their model.
type Model = (
    String,                        // victim_id
    Option<String>,                // case_id
    Option<String>,                // hearing_id
    String,                        // step
    String,                        // citation
    String,                        // recipient_kind
    String,                        // recipient_key
    Option<String>,                // recipient_user_id
    String,                        // channel
    String,                        // template
    String,                        // language
    String,                        // data_json
    String,                        // category
    String,                        // basis_json
    Option<chrono::NaiveDateTime>, // not_after
);

/// Lists a hearing for the demo case 13CD7654321 (victim V-1002, supported
/// by a demo supporter who is not the single point of contact) 40 days
/// from `now`, through the same planning step the API uses, and returns
/// the supporter's hearing-details email notice it planned.
fn model_notice(conn: &mut AnyConn, now: DateTime<Utc>) -> Model {
    store::write(conn, |conn| {
        let (case_id, victim_id): (String, String) = cases::table
            .filter(cases::urn.eq("13CD7654321"))
            .select((cases::id, cases::victim_id))
            .first(conn)?;
        let court_id: String = courts::table
            .filter(courts::name.eq("Leeds Magistrates' Court"))
            .select(courts::id)
            .first(conn)?;
        let hearing_id = store::new_id();
        let ts = store::to_db(now);
        let starts = chrono::DurationRound::duration_trunc(
            now + chrono::Duration::days(40),
            chrono::Duration::hours(1),
        )
        .expect("a whole hour");
        diesel::insert_into(hearings::table)
            .values((
                hearings::id.eq(&hearing_id),
                hearings::case_id.eq(&case_id),
                hearings::kind.eq("mention"),
                hearings::status.eq("listed"),
                hearings::court_id.eq(&court_id),
                hearings::starts_at.eq(store::to_db(starts)),
                hearings::estimated_minutes.eq(30),
                hearings::victim_attends.eq(true),
                hearings::victim_gives_evidence.eq(false),
                hearings::live_link.eq(false),
                hearings::created_at.eq(ts),
                hearings::updated_at.eq(ts),
            ))
            .execute(conn)?;
        courtside::planning::react(
            conn,
            &courtside::rules::Rules::england_and_wales(),
            now,
            &victim_id,
            &courtside::planning::Focus {
                hearing_id: Some(hearing_id.clone()),
                ..Default::default()
            },
            courtside::flows::EventKind::HearingListed,
        )?;
        Ok(notices::table
            .filter(notices::hearing_id.eq(&hearing_id))
            .filter(notices::template.eq("hearing.details.supporter"))
            .filter(notices::channel.eq("email"))
            .select((
                notices::victim_id,
                notices::case_id,
                notices::hearing_id,
                notices::step,
                notices::citation,
                notices::recipient_kind,
                notices::recipient_key,
                notices::recipient_user_id,
                notices::channel,
                notices::template,
                notices::language,
                notices::data_json,
                notices::category,
                notices::basis_json,
                notices::not_after,
            ))
            .first(conn)?)
    })
    .expect("the planner makes a supporter's hearing-details email for a listed hearing")
}

/// Replaces every notice in the database with `n` pending copies of a
/// real planned notice (a supporter's hearing details, by email), each
/// with its own id and idempotency key `<prefix>:<i>`, due at `due`.
/// Returns the idempotency keys.
pub fn plant_due_notices(pool: &Pool, n: usize, due: DateTime<Utc>, prefix: &str) -> Vec<String> {
    let now = Utc::now();
    let mut conn = pool.get().expect("a connection");
    let model = model_notice(&mut conn, now);
    diesel::delete(notices::table)
        .execute(&mut conn)
        .expect("clear the outbox");
    let (ts, due) = (store::to_db(now), store::to_db(due));
    let keys: Vec<String> = (0..n).map(|i| format!("{prefix}:{i:06}")).collect();
    for chunk in keys.chunks(CHUNK) {
        let rows: Vec<_> = chunk
            .iter()
            .map(|key| {
                let m = model.clone();
                (
                    notices::id.eq(store::new_id()),
                    notices::idempotency_key.eq(key.clone()),
                    notices::victim_id.eq(m.0),
                    notices::case_id.eq(m.1),
                    notices::hearing_id.eq(m.2),
                    notices::step.eq(m.3),
                    notices::citation.eq(m.4),
                    notices::reconstructed.eq(false),
                    notices::recipient_kind.eq(m.5),
                    notices::recipient_key.eq(m.6),
                    notices::recipient_user_id.eq(m.7),
                    notices::channel.eq(m.8),
                    notices::template.eq(m.9),
                    notices::language.eq(m.10),
                    notices::data_json.eq(m.11),
                    notices::category.eq(m.12),
                    notices::basis_json.eq(m.13),
                    notices::not_for_public_disclosure.eq(false),
                    notices::state.eq("pending"),
                    notices::send_after.eq(due),
                    notices::not_after.eq(m.14),
                    notices::attempts.eq(0),
                    notices::next_attempt_at.eq(due),
                    notices::created_at.eq(ts),
                    notices::updated_at.eq(ts),
                )
            })
            .collect();
        let insert = diesel::insert_into(notices::table).values(rows);
        match &mut *conn {
            AnyConn::Pg(pg) => insert.execute(pg),
            AnyConn::Sqlite(sqlite) => insert.execute(sqlite),
        }
        .expect("bulk insert of notices");
    }
    keys
}

/// How many notices are in each state.
pub fn states(conn: &mut AnyConn) -> BTreeMap<String, i64> {
    notices::table
        .group_by(notices::state)
        .select((notices::state, diesel::dsl::count_star()))
        .load::<(String, i64)>(conn)
        .expect("count notices by state")
        .into_iter()
        .collect()
}

/// Notices still to be dealt with: pending or waiting to be retried,
/// those being sent (holding a lease) among them.
pub fn outstanding(conn: &mut AnyConn) -> i64 {
    notices::table
        .filter(notices::state.eq_any(["pending", "failed"]))
        .count()
        .get_result(conn)
        .expect("count outstanding notices")
}

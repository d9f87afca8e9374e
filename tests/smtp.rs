//! Email through a real SMTP server (aiosmtpd, started by the test from
//! tests/smtp/sink.py). The test that needs aiosmtpd is ignored by a plain
//! `cargo test`; `.ci/run` installs aiosmtpd and runs it with `--ignored`.

use std::path::{Path, PathBuf};
use std::process::{Child, Command};
use std::sync::Arc;
use std::time::Duration;

use chrono::{TimeZone, Utc};
use courtside::clock::ManualClock;
use courtside::config::Config;
use courtside::notify::delivery::{self, DeliveryConfig};
use courtside::notify::mailer::SmtpMailer;

struct Sink {
    child: Child,
    folder: PathBuf,
    port: u16,
}

impl Drop for Sink {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

fn start_sink(folder: &Path) -> Sink {
    let port = free_port();
    let script = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/smtp/sink.py");
    let child = Command::new("python3")
        .args([
            script,
            "127.0.0.1",
            &port.to_string(),
            folder.to_str().unwrap(),
        ])
        .spawn()
        .expect("python3 runs");
    // The sink is stopped by Drop whatever happens next.
    let sink = Sink {
        child,
        folder: folder.to_path_buf(),
        port,
    };
    // Bounded wait for the server to come up (not a speed goal).
    for _ in 0..100 {
        if folder.join("ready").exists() {
            return sink;
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    drop(sink);
    panic!("the SMTP sink did not start: is aiosmtpd installed (pip install aiosmtpd)?");
}

fn messages(folder: &Path) -> Vec<String> {
    let mut all: Vec<String> = std::fs::read_dir(folder)
        .unwrap()
        .filter_map(|e| e.ok())
        .filter(|e| e.path().extension().is_some_and(|x| x == "eml"))
        .map(|e| std::fs::read_to_string(e.path()).unwrap())
        .collect();
    all.sort();
    all
}

#[actix_web::test]
#[ignore = "needs aiosmtpd: run by .ci/run with --ignored"]
async fn notices_arrive_by_real_smtp_once_with_their_message_id() {
    courtside::telemetry::init_for_tests();
    let dir = tempfile::tempdir().unwrap();
    let sink = start_sink(&dir.path().join("mail"));
    let now = Utc.with_ymd_and_hms(2026, 3, 20, 12, 0, 0).unwrap();
    let clock = ManualClock::at(now);
    let db = dir.path().join("courtside.db");
    let running = courtside::service::start(
        Config::for_database(db.to_str().unwrap()),
        Arc::new(clock.clone()),
    )
    .unwrap();
    courtside::seed::run(&running.pool, &clock).unwrap();
    let pool = running.pool.clone();
    let renderer = running.renderer.clone();
    let base = running.url("");
    let handle = running.handle.clone();
    actix_web::rt::spawn(running.server);

    // A witness care officer lists a hearing for V-1002 through the API.
    let http = reqwest::Client::new();
    let login: serde_json::Value = http
        .post(format!("{base}/api/v1/auth/login"))
        .json(&serde_json::json!({"email": "wendy@police.example", "password": courtside::seed::DEMO_PASSWORD}))
        .send().await.unwrap().json().await.unwrap();
    let token = login["token"].as_str().unwrap();
    let cases: serde_json::Value = http
        .get(format!("{base}/api/v1/cases"))
        .bearer_auth(token)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let case = cases["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["urn"] == "13CD7654321")
        .unwrap()["id"]
        .clone();
    let courts: serde_json::Value = http
        .get(format!("{base}/api/v1/courts?q=Leeds%20Magistrates"))
        .bearer_auth(token)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let court = courts["items"][0]["id"].clone();
    let resp = http
        .post(format!("{base}/api/v1/hearings"))
        .bearer_auth(token)
        .json(&serde_json::json!({"case_id": case, "kind": "mention", "court_id": court,
                                  "starts_at": "2026-04-20T10:00:00+01:00", "estimated_minutes": 30}))
        .send().await.unwrap();
    assert_eq!(resp.status(), 201);

    let mailer = SmtpMailer::from_url(
        &format!("smtp://127.0.0.1:{}", sink.port),
        "Courtside <no-reply@courtside.example>",
    )
    .unwrap();
    let cfg = DeliveryConfig::default();
    let outcome = tokio::task::spawn_blocking({
        let (pool, renderer, cfg) = (pool.clone(), renderer.clone(), cfg.clone());
        move || delivery::run_once(&pool, &mailer, &renderer, &cfg, now)
    })
    .await
    .unwrap()
    .unwrap();
    assert!(outcome.sent >= 1, "{outcome:?}");
    let mail = messages(&sink.folder);
    assert_eq!(mail.len(), outcome.sent, "one message per sent notice");
    let to_ben: Vec<&String> = mail
        .iter()
        .filter(|m| m.contains("To: ben@safer-futures.example"))
        .collect();
    assert_eq!(to_ben.len(), 1, "{mail:?}");
    let message = to_ben[0];
    assert!(
        message.contains("Subject: A new date for V-1002: Monday 20 April 2026"),
        "{message}"
    );
    assert!(
        message.contains("From: Courtside <no-reply@courtside.example>"),
        "{message}"
    );
    // The Message-ID is the notice's idempotency key, hashed.
    let id_line = message
        .lines()
        .find(|l| l.starts_with("Message-ID:"))
        .expect("a Message-ID");
    assert!(id_line.contains("@courtside.notices>"), "{id_line}");
    // Never the victim's name, address or phone in a supporter's email.
    assert!(!message.contains("Demo Person Two"), "{message}");

    // Running again sends nothing more.
    let again = tokio::task::spawn_blocking({
        let (pool, renderer) = (pool.clone(), renderer.clone());
        let mailer = SmtpMailer::from_url(
            &format!("smtp://127.0.0.1:{}", sink.port),
            "Courtside <no-reply@courtside.example>",
        )
        .unwrap();
        move || delivery::run_once(&pool, &mailer, &renderer, &cfg, now)
    })
    .await
    .unwrap()
    .unwrap();
    assert_eq!(again.sent, 0);
    assert_eq!(messages(&sink.folder).len(), mail.len());
    handle.stop(true).await;
}

#[actix_web::test]
async fn an_unreachable_server_is_a_transient_failure_retried_later() {
    let port = free_port(); // nothing listens here
    let mailer = SmtpMailer::from_url(
        &format!("smtp://127.0.0.1:{port}"),
        "Courtside <no-reply@courtside.example>",
    )
    .unwrap();
    let email = courtside::notify::mailer::Email {
        to: "someone@example.org".into(),
        subject: "s".into(),
        body: "b".into(),
        idempotency_key: "k".into(),
    };
    let result = tokio::task::spawn_blocking(move || {
        courtside::notify::mailer::Mailer::send(&mailer, &email)
    })
    .await
    .unwrap();
    assert_eq!(
        result,
        Err(courtside::notify::mailer::SendFailure::Transient)
    );
}

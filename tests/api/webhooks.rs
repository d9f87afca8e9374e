//! Signed webhooks end to end: an administrator registers a partner's
//! endpoint, the flows plan a notice to that partner, and the delivery
//! worker POSTs it to a real HTTP receiver on 127.0.0.1 that checks the
//! signature independently (with the hmac crate, as a partner would) and
//! records what it got.
//!
//! A store check: the stored secret is read to show it is sealed at rest.

use std::sync::atomic::{AtomicU16, Ordering};
use std::sync::{Arc, Mutex};

use actix_web::{web, App, HttpRequest, HttpResponse, HttpServer};
use chrono::Duration;
use hmac::{Hmac, Mac};
use reqwest::StatusCode;
use serde_json::{json, Value};
use sha2::Sha256;

use crate::delivery::RecordingMailer;
use crate::helpers::*;

/// What the receiver saw of one POST.
#[derive(Debug, Clone)]
pub struct Received {
    pub idempotency_key: String,
    pub signature_ok: bool,
    pub body: Value,
}

/// A partner's endpoint: answers `status`, records every request.
pub struct Receiver {
    pub url: String,
    pub status: Arc<AtomicU16>,
    pub secret: Arc<Mutex<String>>,
    pub received: Arc<Mutex<Vec<Received>>>,
    handle: actix_web::dev::ServerHandle,
}

struct Shared {
    status: Arc<AtomicU16>,
    secret: Arc<Mutex<String>>,
    received: Arc<Mutex<Vec<Received>>>,
}

async fn receive(req: HttpRequest, body: web::Bytes, shared: web::Data<Shared>) -> HttpResponse {
    let header = |name: &str| {
        req.headers()
            .get(name)
            .and_then(|v| v.to_str().ok())
            .unwrap_or_default()
            .to_string()
    };
    let timestamp = header("courtside-timestamp");
    let signature = header("courtside-signature");
    let secret = shared.secret.lock().unwrap().clone();
    let mut mac = Hmac::<Sha256>::new_from_slice(secret.as_bytes()).unwrap();
    mac.update(format!("{timestamp}.").as_bytes());
    mac.update(&body);
    let expected = format!("v1={}", hex::encode(mac.finalize().into_bytes()));
    shared.received.lock().unwrap().push(Received {
        idempotency_key: header("idempotency-key"),
        signature_ok: !timestamp.is_empty() && signature == expected,
        body: serde_json::from_slice(&body).unwrap_or(Value::Null),
    });
    let status = shared.status.load(Ordering::SeqCst);
    HttpResponse::build(actix_web::http::StatusCode::from_u16(status).unwrap()).finish()
}

impl Receiver {
    /// Starts on its own thread and runtime, so a test blocked in the
    /// (synchronous) delivery worker does not block it.
    pub fn start() -> Receiver {
        let status = Arc::new(AtomicU16::new(200));
        let secret = Arc::new(Mutex::new(String::new()));
        let received = Arc::new(Mutex::new(Vec::new()));
        let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        let port = listener.local_addr().unwrap().port();
        let (tx, rx) = std::sync::mpsc::channel();
        let shared = (status.clone(), secret.clone(), received.clone());
        std::thread::spawn(move || {
            actix_web::rt::System::new().block_on(async move {
                let data = web::Data::new(Shared {
                    status: shared.0,
                    secret: shared.1,
                    received: shared.2,
                });
                let server = HttpServer::new(move || {
                    App::new()
                        .app_data(data.clone())
                        .route("/hook", web::post().to(receive))
                })
                .workers(1)
                .listen(listener)
                .unwrap()
                .run();
                tx.send(server.handle()).unwrap();
                server.await.unwrap();
            });
        });
        Receiver {
            url: format!("http://127.0.0.1:{port}/hook"),
            status,
            secret,
            received,
            handle: rx.recv().unwrap(),
        }
    }

    pub fn received(&self) -> Vec<Received> {
        self.received.lock().unwrap().clone()
    }

    pub async fn stop(self) {
        self.handle.stop(true).await;
    }
}

pub async fn org_id(app: &TestApp, token: &str, name: &str) -> String {
    app.find_id("/api/v1/organisations?per_page=200", token, "name", name)
        .await
}

pub const WCU: &str = "Demo West Yorkshire Witness Care Unit";

/// Registers the receiver as the West Yorkshire WCU's endpoint.
pub async fn register(app: &TestApp, receiver: &Receiver) -> Value {
    let admin = app.login(ADMIN).await;
    let wcu = org_id(app, &admin, WCU).await;
    let created = app
        .create(
            "/api/v1/webhooks",
            &admin,
            json!({"organisation_id": wcu, "url": receiver.url}),
        )
        .await;
    *receiver.secret.lock().unwrap() = created["secret"].as_str().unwrap().to_string();
    created
}

/// Ben (V-1002's ISVA) asks to accompany her at her trial: the flows plan
/// the "supporter in place" notice to the West Yorkshire WCU. Returns the
/// hearing id.
pub async fn ben_will_attend(app: &TestApp) -> String {
    let ben = app.login(BEN).await;
    let case = app
        .find_id("/api/v1/cases", &ben, "urn", "13CD7654321")
        .await;
    let hearing = app
        .find_id(
            &format!("/api/v1/hearings?case_id={case}"),
            &ben,
            "kind",
            "trial",
        )
        .await;
    let ben_id = app.user_id(&ben).await;
    app.give_consents(
        &ben,
        "V-1002",
        &["identify_supporter_to_court", "witness_service_referral"],
    )
    .await;
    app.create(
        "/api/v1/attendance-requests",
        &ben,
        json!({"hearing_id": hearing, "supporter_id": ben_id, "state": "requested"}),
    )
    .await;
    hearing
}

async fn wcu_notice(app: &TestApp, hearing: &str) -> Value {
    let wendy = app.login(WENDY).await;
    let (_, list) = app
        .get(
            &format!("/api/v1/notices?hearing_id={hearing}&template=criminal.supporter_in_place"),
            &wendy,
        )
        .await;
    let items = list["items"].as_array().unwrap();
    assert_eq!(items.len(), 1, "{list}");
    items[0].clone()
}

#[actix_web::test]
async fn a_partners_notice_is_posted_signed_retried_on_500_and_never_twice() {
    let app = TestApp::spawn().await;
    let receiver = Receiver::start();
    let created = register(&app, &receiver).await;
    assert!(
        created["secret"].as_str().unwrap().starts_with("whsec_"),
        "{created}"
    );
    // The secret is never shown again.
    let admin = app.login(ADMIN).await;
    let (status, list) = app.get("/api/v1/webhooks", &admin).await;
    assert_eq!(status, StatusCode::OK, "{list}");
    assert_eq!(list["items"].as_array().unwrap().len(), 1, "{list}");
    assert!(list["items"][0].get("secret").is_none(), "{list}");
    assert!(
        !list
            .to_string()
            .contains(created["secret"].as_str().unwrap()),
        "{list}"
    );

    let hearing = ben_will_attend(&app).await;
    let notice = wcu_notice(&app, &hearing).await;
    let mailer = RecordingMailer::default();
    let now = test_now();

    // The partner's endpoint fails: the notice waits for a retry.
    receiver.status.store(500, Ordering::SeqCst);
    app.run_due(&mailer);
    assert_eq!(wcu_notice(&app, &hearing).await["state"], "failed");
    let first = receiver.received();
    assert_eq!(first.len(), 1, "{first:?}");

    // It recovers: the retry, after the backoff, is delivered.
    receiver.status.store(204, Ordering::SeqCst);
    let later = now + Duration::minutes(2);
    app.advance_to(later, &mailer);
    assert_eq!(wcu_notice(&app, &hearing).await["state"], "sent");
    let got = receiver.received();
    assert_eq!(got.len(), 2, "{got:?}");
    for r in &got {
        assert!(r.signature_ok, "signature verifies: {r:?}");
        assert_eq!(
            r.idempotency_key, got[0].idempotency_key,
            "the same key on every attempt"
        );
        assert!(!r.idempotency_key.is_empty());
    }
    let body = &got[1].body;
    assert_eq!(body["notice_id"], notice["id"], "{body}");
    assert_eq!(body["template"], "criminal.supporter_in_place");
    assert_eq!(body["facts"]["victim_reference"], "V-1002", "{body}");
    assert!(body["subject"].as_str().is_some_and(|s| !s.is_empty()));
    assert!(body["text"].as_str().is_some_and(|s| s.contains("V-1002")));
    // It needs action: the partner may acknowledge by POSTing to the link.
    assert_eq!(body["acknowledge_by"], "2026-03-23T12:00:00Z", "{body}");
    assert!(
        body["acknowledge_url"]
            .as_str()
            .is_some_and(|u| u.starts_with("http://127.0.0.1:8080/ack/ack_")),
        "{body}"
    );
    // Never the victim's name or address.
    let text = body.to_string();
    assert!(!text.contains("Demo Person Two"), "{text}");
    assert!(!text.to_lowercase().contains("\"address"), "{text}");

    // After success nothing is posted again, however often the worker runs.
    for minutes in [3, 30, 300] {
        app.advance_to(now + Duration::minutes(minutes), &mailer);
    }
    assert_eq!(receiver.received().len(), 2);
    // The partner was not emailed as well.
    assert!(
        !mailer
            .sent
            .lock()
            .unwrap()
            .iter()
            .any(|e| e.to == "wcu@police.example"),
        "webhook instead of email"
    );
    app.assert_nothing_due();
    receiver.stop().await;
    app.stop().await;
}

#[actix_web::test]
async fn a_revoked_webhook_sends_the_partner_email_again() {
    let app = TestApp::spawn().await;
    let receiver = Receiver::start();
    let created = register(&app, &receiver).await;
    let admin = app.login(ADMIN).await;
    let (status, revoked) = app
        .post(
            &format!(
                "/api/v1/webhooks/{}/revoke",
                created["id"].as_str().unwrap()
            ),
            &admin,
            json!({}),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{revoked}");
    assert!(revoked["revoked_at"].is_string(), "{revoked}");
    let hearing = ben_will_attend(&app).await;
    let mailer = RecordingMailer::default();
    app.run_due(&mailer);
    assert_eq!(wcu_notice(&app, &hearing).await["state"], "sent");
    assert!(receiver.received().is_empty());
    assert!(mailer
        .sent
        .lock()
        .unwrap()
        .iter()
        .any(|e| e.to == "wcu@police.example"));
    app.assert_nothing_due();
    receiver.stop().await;
    app.stop().await;
}

#[actix_web::test]
async fn only_the_organisations_manager_or_an_administrator_registers_and_input_is_checked() {
    let app = TestApp::spawn().await;
    let admin = app.login(ADMIN).await;
    let maya = app.login(MAYA).await;
    let amara = app.login(AMARA).await;
    let wcu = org_id(&app, &admin, WCU).await;
    let support = org_id(&app, &admin, "Demo Safer Futures IDVA Service").await;
    let hook = |org: &str, url: &str| json!({"organisation_id": org, "url": url});

    // A supporter may not; a manager not for another organisation (404,
    // as if it did not exist), but for her own.
    let (status, body) = app
        .post(
            "/api/v1/webhooks",
            &amara,
            hook(&support, "https://partner.example/h"),
        )
        .await;
    assert_problem(status, &body, StatusCode::FORBIDDEN, None);
    let (status, body) = app
        .post(
            "/api/v1/webhooks",
            &maya,
            hook(&wcu, "https://partner.example/h"),
        )
        .await;
    assert_problem(status, &body, StatusCode::NOT_FOUND, None);
    let first = app
        .create(
            "/api/v1/webhooks",
            &maya,
            hook(&support, "https://partner.example/h"),
        )
        .await;
    // Registering again replaces the live endpoint.
    let second = app
        .create(
            "/api/v1/webhooks",
            &maya,
            hook(&support, "https://partner.example/h2"),
        )
        .await;
    assert_eq!(second["replaced"], first["id"], "{second}");
    let (_, mine) = app.get("/api/v1/webhooks", &maya).await;
    let items = mine["items"].as_array().unwrap();
    assert_eq!(items.len(), 2, "{mine}");
    assert_eq!(
        items.iter().filter(|w| w["revoked_at"].is_null()).count(),
        1,
        "{mine}"
    );

    // Bad input: field messages, never a 500.
    for (body, field) in [
        (hook(&support, "http://partner.example/h"), "url"),
        (hook(&support, "not a url"), "url"),
        (hook("nope", "https://partner.example/h"), "organisation_id"),
        (
            hook(
                &uuid::Uuid::new_v4().to_string(),
                "https://partner.example/h",
            ),
            "organisation_id",
        ),
    ] {
        let (status, out) = app.post("/api/v1/webhooks", &admin, body).await;
        assert_problem(status, &out, StatusCode::UNPROCESSABLE_ENTITY, Some(field));
    }
    // The secret is sealed at rest.
    let mut conn = app.pool.get().unwrap();
    use courtside::store::schema::webhooks;
    use diesel::prelude::*;
    let stored: Vec<String> = webhooks::table
        .select(webhooks::secret)
        .load(&mut conn)
        .unwrap();
    assert!(!stored.is_empty());
    for s in stored {
        assert!(courtside::crypto::is_sealed(&s), "sealed at rest");
        assert!(!s.contains("whsec_"));
    }
    app.stop().await;
}

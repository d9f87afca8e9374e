//! The black-box harness: the real app on a random port, over a fresh
//! database — a SQLite file in a temporary folder, or, when
//! `TEST_DATABASE_URL` names a PostgreSQL server, a new database there.

use std::sync::Arc;

use chrono::{DateTime, TimeZone, Utc};
use courtside::clock::ManualClock;
use courtside::config::Config;
use courtside::notify::delivery::DeliveryConfig;
use courtside::notify::mailer::{Email, Mailer, SendFailure};
use diesel::{Connection, RunQueryDsl};
use reqwest::{Method, StatusCode};
use serde_json::{json, Value};

/// Tests run "now" = Friday 20 March 2026, 12:00 UTC: GMT, nine days
/// before the clocks go forward, so DST-crossing hearings lie ahead.
pub fn test_now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 3, 20, 12, 0, 0).unwrap()
}

pub struct TestApp {
    pub base: String,
    pub clock: ManualClock,
    pub database_url: String,
    pub pool: courtside::store::Pool,
    pub renderer: Arc<courtside::notify::render::NoticeRenderer>,
    /// The rules table and bank holidays the service runs under.
    pub rules: Arc<courtside::rules::Rules>,
    client: reqwest::Client,
    handle: actix_web::dev::ServerHandle,
    _dir: Option<tempfile::TempDir>,
    /// Last, so it drops after the pool: the test's PostgreSQL database.
    _database: Option<TestDatabase>,
}

/// A per-test PostgreSQL database, dropped with the test (also when it
/// panics), so runs do not fill the server's disk.
struct TestDatabase {
    server: String,
    name: String,
}

impl Drop for TestDatabase {
    fn drop(&mut self) {
        let Ok(mut admin) = diesel::PgConnection::establish(&self.server) else {
            return;
        };
        // FORCE ends the server's own pooled connections (PostgreSQL 13+).
        // The name is ours, made only of hex digits.
        let _ = diesel::sql_query(format!(
            "DROP DATABASE IF EXISTS {} WITH (FORCE)",
            self.name
        ))
        .execute(&mut admin);
    }
}

/// A fresh database URL for one test.
fn fresh_database() -> (String, Option<tempfile::TempDir>, Option<TestDatabase>) {
    match std::env::var("TEST_DATABASE_URL") {
        Ok(server) if server.starts_with("postgres") => {
            let name = format!("courtside_t_{}", uuid::Uuid::new_v4().simple());
            let mut admin = diesel::PgConnection::establish(&server)
                .expect("TEST_DATABASE_URL must reach a PostgreSQL server");
            // Database names cannot be bound parameters; this one is ours,
            // made only of hex digits.
            diesel::sql_query(format!("CREATE DATABASE {name}"))
                .execute(&mut admin)
                .expect("create test database");
            let base = server.rsplit_once('/').map(|(b, _)| b).unwrap_or(&server);
            let url = format!("{base}/{name}");
            (url, None, Some(TestDatabase { server, name }))
        }
        _ => {
            let dir = tempfile::tempdir().expect("temp dir");
            let path = dir.path().join("courtside.db");
            (path.to_string_lossy().into_owned(), Some(dir), None)
        }
    }
}

impl TestApp {
    /// Starts the app with the demo data seeded.
    pub async fn spawn() -> TestApp {
        TestApp::spawn_with(|_| {}).await
    }

    /// Starts the app with the demo data seeded and the configuration
    /// changed by `adjust` first.
    pub async fn spawn_with(adjust: impl FnOnce(&mut Config)) -> TestApp {
        TestApp::start(adjust, false).await
    }

    /// Starts the app seeded as `serve --demo` seeds it: the demo records
    /// planned through the flows.
    pub async fn spawn_planned_demo() -> TestApp {
        TestApp::start(|_| {}, true).await
    }

    async fn start(adjust: impl FnOnce(&mut Config), planned: bool) -> TestApp {
        courtside::telemetry::init_for_tests();
        let (url, dir, database) = fresh_database();
        let clock = ManualClock::at(test_now());
        let database_url = url.clone();
        let mut config = Config::for_database(&url);
        adjust(&mut config);
        let running =
            courtside::service::start(config, Arc::new(clock.clone())).expect("app starts");
        if planned {
            courtside::seed::run_demo(&running.pool, &clock, &running.rules).expect("seed");
        } else {
            courtside::seed::run(&running.pool, &clock).expect("seed");
        }
        let base = running.url("");
        let handle = running.handle.clone();
        let pool = running.pool.clone();
        let renderer = running.renderer.clone();
        let rules = running.rules.clone();
        actix_web::rt::spawn(running.server);
        TestApp {
            base,
            clock,
            database_url,
            pool,
            renderer,
            rules,
            // No idle connections kept: a test that runs the jobs for a
            // while (see `run_due`) outlasts the server's keep-alive, and a
            // pooled connection it closed would fail the next request.
            client: reqwest::Client::builder()
                .pool_max_idle_per_host(0)
                .build()
                .expect("HTTP client"),
            handle,
            _dir: dir,
            _database: database,
        }
    }

    /// Signs in a demo user (see fixtures/demo.json) and returns a token.
    pub async fn login(&self, email: &str) -> String {
        let (status, body) = self
            .call(
                Method::POST,
                "/api/v1/auth/login",
                None,
                Some(
                    serde_json::json!({"email": email, "password": courtside::seed::DEMO_PASSWORD}),
                ),
            )
            .await;
        assert_eq!(status, StatusCode::OK, "login {email}: {body}");
        body["token"].as_str().unwrap().to_string()
    }

    /// One request; returns the status and the JSON body (Null if none).
    pub async fn call(
        &self,
        method: Method,
        path: &str,
        token: Option<&str>,
        body: Option<Value>,
    ) -> (StatusCode, Value) {
        let (status, _, body) = self.call_full(method, path, token, body, &[]).await;
        (status, body)
    }

    /// One request with extra headers; returns status, headers and body.
    pub async fn call_full(
        &self,
        method: Method,
        path: &str,
        token: Option<&str>,
        body: Option<Value>,
        headers: &[(&str, &str)],
    ) -> (StatusCode, reqwest::header::HeaderMap, Value) {
        let mut req = self
            .client
            .request(method, format!("{}{}", self.base, path));
        if let Some(t) = token {
            req = req.bearer_auth(t);
        }
        if let Some(b) = body {
            req = req.json(&b);
        }
        for (k, v) in headers {
            req = req.header(*k, *v);
        }
        let resp = req.send().await.expect("request sent");
        let status = resp.status();
        let headers = resp.headers().clone();
        let text = resp.text().await.unwrap_or_default();
        let body = if text.is_empty() {
            Value::Null
        } else {
            serde_json::from_str(&text).unwrap_or(Value::String(text))
        };
        (status, headers, body)
    }

    pub async fn get(&self, path: &str, token: &str) -> (StatusCode, Value) {
        self.call(Method::GET, path, Some(token), None).await
    }

    pub async fn post(&self, path: &str, token: &str, body: Value) -> (StatusCode, Value) {
        self.call(Method::POST, path, Some(token), Some(body)).await
    }

    /// PUT with If-Match set to `version`.
    pub async fn put(
        &self,
        path: &str,
        token: &str,
        version: i64,
        body: Value,
    ) -> (StatusCode, Value) {
        let etag = format!("\"{version}\"");
        let (status, _, body) = self
            .call_full(
                Method::PUT,
                path,
                Some(token),
                Some(body),
                &[("if-match", &etag)],
            )
            .await;
        (status, body)
    }

    /// Creates a record and returns its JSON, failing the test otherwise.
    pub async fn create(&self, path: &str, token: &str, body: Value) -> Value {
        let (status, out) = self.post(path, token, body).await;
        assert_eq!(status, StatusCode::CREATED, "POST {path}: {out}");
        out
    }

    /// The id of the first listed record whose `field` equals `value`.
    pub async fn find_id(&self, path: &str, token: &str, field: &str, value: &str) -> String {
        let (status, body) = self.get(path, token).await;
        assert_eq!(status, StatusCode::OK, "GET {path}: {body}");
        body["items"]
            .as_array()
            .unwrap()
            .iter()
            .find(|item| item[field] == value)
            .unwrap_or_else(|| panic!("no {field}={value} in {path}: {body}"))["id"]
            .as_str()
            .unwrap()
            .to_string()
    }

    pub async fn court_id(&self, token: &str, name: &str) -> String {
        self.find_id("/api/v1/courts?per_page=200", token, "name", name)
            .await
    }

    /// The earliest hearing (not vacated) the signed-in person can see,
    /// as the API lists it, and the London date it starts on.
    #[allow(dead_code)]
    pub async fn first_hearing(&self, token: &str) -> (Value, chrono::NaiveDate) {
        let (status, list) = self.get("/api/v1/hearings?per_page=200", token).await;
        assert_eq!(status, StatusCode::OK, "{list}");
        let starts = |h: &Value| -> chrono::DateTime<chrono::Utc> {
            h["starts_at"].as_str().unwrap().parse().unwrap()
        };
        let first = list["items"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|h| h["status"] != "vacated")
            .min_by_key(|h| starts(h))
            .expect("a hearing to see")
            .clone();
        let day = courtside::calendar::london_date(starts(&first));
        (first, day)
    }

    /// The signed-in user's id.
    pub async fn user_id(&self, token: &str) -> String {
        let (status, me) = self.get("/api/v1/me", token).await;
        assert_eq!(status, StatusCode::OK, "GET /api/v1/me: {me}");
        me["user_id"].as_str().unwrap().to_string()
    }

    /// Records that the victim with this reference gave each consent (at
    /// 11:00 UTC on the test day); returns the victim's id.
    pub async fn give_consents(&self, token: &str, reference: &str, scopes: &[&str]) -> String {
        let victim = self
            .find_id("/api/v1/victims", token, "reference", reference)
            .await;
        for scope in scopes {
            self.create(
                "/api/v1/consents",
                token,
                serde_json::json!({"victim_id": victim, "scope": scope, "given_at": "2026-03-20T11:00:00Z"}),
            )
            .await;
        }
        victim
    }

    /// A directions hearing in Amara's family case (LS26P00123) at 15:00
    /// on the test day, which she asks to attend: too late for advance
    /// identification, so the hearing-day checklist is planned. Returns
    /// the hearing id.
    pub async fn family_hearing_this_afternoon(&self, amara: &str) -> String {
        let amara_id = self.user_id(amara).await;
        let case = self
            .find_id("/api/v1/cases", amara, "case_number", "LS26P00123")
            .await;
        let court = self.court_id(amara, "Leeds Combined Court Centre").await;
        let hearing = self
            .create(
                "/api/v1/hearings",
                amara,
                serde_json::json!({"case_id": case, "kind": "directions", "court_id": court,
                       "starts_at": "2026-03-20T15:00:00+00:00", "estimated_minutes": 60, "victim_attends": true}),
            )
            .await;
        let hearing = hearing["id"].as_str().unwrap().to_string();
        self.create(
            "/api/v1/attendance-requests",
            amara,
            serde_json::json!({"hearing_id": hearing, "supporter_id": amara_id, "state": "requested"}),
        )
        .await;
        hearing
    }

    pub async fn stop(self) {
        self.handle.stop(true).await;
    }

    /// Sets the test clock to `at`, then runs every background job that is
    /// due, as the scheduler's ticks would, until nothing more is: see
    /// [`TestApp::run_due`].
    pub fn advance_to(&self, at: DateTime<Utc>, mailer: &dyn Mailer) -> Ran {
        self.clock.set(at);
        self.run_due(mailer)
    }

    /// Runs every background job due at the clock's time, in the
    /// scheduler's order (digest planning and the deadline sweep, then the
    /// acknowledgement escalation, account emails, notice delivery and
    /// digest delivery), pass after pass until a pass changes nothing.
    /// Returns what all the passes did together.
    pub fn run_due(&self, mailer: &dyn Mailer) -> Ran {
        self.run_due_with(mailer, &harness_worker())
    }

    /// As [`TestApp::run_due`], with this delivery worker's settings.
    pub fn run_due_with(&self, mailer: &dyn Mailer, worker: &DeliveryConfig) -> Ran {
        let now = courtside::clock::Clock::now(&self.clock);
        let mut total = Ran::default();
        for _ in 0..MAX_PASSES {
            let pass = self.one_pass(mailer, worker, now);
            total.add(&pass);
            if !pass.did_anything() {
                return total;
            }
        }
        panic!("jobs still due after {MAX_PASSES} passes at {now}: {total:?}");
    }

    fn one_pass(&self, mailer: &dyn Mailer, worker: &DeliveryConfig, now: DateTime<Utc>) -> Ran {
        use courtside::{accounts, deadlines, digest, notify};
        let pool = &self.pool;
        let renderer = &self.renderer;
        let mut pass = Ran {
            passes: 1,
            ..Ran::default()
        };
        pass.digests_planned = digest::store::plan_due(pool, now).unwrap().planned;
        pass.swept = deadlines::sweep(pool, &self.rules, now, 50).unwrap();
        pass.escalated = notify::ack::sweep(pool, &self.rules, now).unwrap();
        pass.account_notices =
            accounts::notices::deliver_due(pool, mailer, renderer, &worker.owner, now).unwrap();
        pass.delivery = notify::delivery::run_once(pool, mailer, renderer, worker, now).unwrap();
        pass.digests =
            digest::store::deliver_due(pool, mailer, renderer, &worker.owner, now).unwrap();
        pass
    }

    /// Asserts that nothing is left due at the clock's time: one more pass
    /// of every job finds nothing to do. Flow tests end with it, so a
    /// notice left behind in the outbox fails the test.
    pub fn assert_nothing_due(&self) {
        let mailer = DiscardingMailer;
        let now = courtside::clock::Clock::now(&self.clock);
        let pass = self.one_pass(&mailer, &harness_worker(), now);
        assert!(
            !pass.did_anything(),
            "jobs were still due at {now}: {pass:?}"
        );
    }
}

/// Passes [`TestApp::run_due`] runs before it decides the jobs never
/// settle.
const MAX_PASSES: usize = 20;

fn harness_worker() -> DeliveryConfig {
    DeliveryConfig {
        owner: "harness".to_string(),
        ..DeliveryConfig::default()
    }
}

/// Takes every email and keeps none (for the nothing-left-due check, which
/// fails if anything would be sent).
pub struct DiscardingMailer;

impl Mailer for DiscardingMailer {
    fn send(&self, _: &Email) -> Result<(), SendFailure> {
        Ok(())
    }
}

/// What the background jobs did, over one or more passes.
#[derive(Debug, Default, Clone)]
pub struct Ran {
    pub passes: usize,
    pub digests_planned: usize,
    pub swept: courtside::deadlines::Swept,
    pub escalated: usize,
    pub account_notices: usize,
    pub delivery: courtside::notify::delivery::Outcome,
    pub digests: courtside::digest::store::Delivered,
}

impl Ran {
    fn did_anything(&self) -> bool {
        let s = &self.swept;
        let d = &self.digests;
        self.digests_planned
            + s.met
            + s.missed
            + s.alerts_planned
            + s.alerts_cancelled
            + s.done_late
            + self.escalated
            + self.account_notices
            + self.delivery.claimed
            + d.sent
            + d.failed
            + d.cancelled
            > 0
    }

    fn add(&mut self, p: &Ran) {
        self.passes += p.passes;
        self.digests_planned += p.digests_planned;
        let (s, t) = (&mut self.swept, &p.swept);
        s.examined += t.examined;
        s.met += t.met;
        s.missed += t.missed;
        s.alerts_planned += t.alerts_planned;
        s.alerts_cancelled += t.alerts_cancelled;
        s.done_late += t.done_late;
        self.escalated += p.escalated;
        self.account_notices += p.account_notices;
        let (d, e) = (&mut self.delivery, &p.delivery);
        d.claimed += e.claimed;
        d.sent += e.sent;
        d.ready += e.ready;
        d.failed += e.failed;
        d.dead += e.dead;
        d.cancelled += e.cancelled;
        d.deferred += e.deferred;
        let (g, h) = (&mut self.digests, &p.digests);
        g.sent += h.sent;
        g.failed += h.failed;
        g.cancelled += h.cancelled;
    }
}

/// Asserts an RFC 9457 problem with the given status and, if given, an
/// error naming `field`.
pub fn assert_problem(status: StatusCode, body: &Value, want: StatusCode, field: Option<&str>) {
    assert_eq!(status, want, "body: {body}");
    assert_eq!(body["status"], want.as_u16(), "problem status: {body}");
    assert!(body["type"].as_str().is_some(), "problem type: {body}");
    assert!(body["title"].as_str().is_some(), "problem title: {body}");
    if let Some(field) = field {
        let errors = body["errors"].as_array().expect("errors listed");
        assert!(
            errors.iter().any(
                |e| e["field"] == field && e["message"].as_str().is_some_and(|m| !m.is_empty())
            ),
            "expected an error on {field}: {body}"
        );
    }
}

pub const AMARA: &str = "amara@safer-futures.example";
pub const BEN: &str = "ben@safer-futures.example";
pub const MAYA: &str = "maya@safer-futures.example";
pub const WENDY: &str = "wendy@police.example";
pub const CARYS: &str = "carys@police.example";
pub const VICTOR: &str = "victor@probation.example";
pub const ADMIN: &str = "admin@courtside.example";
pub const WES: &str = "wes@witness-service.example";
pub const CORA: &str = "cora@court.example";

/// Marks a victim as under 18 through the API, keeping her other facts.
pub async fn mark_child(app: &TestApp, token: &str, victim: &str) {
    let path = format!("/api/v1/victims/{victim}");
    let (_, record) = app.get(&path, token).await;
    let (status, out) = app
        .put(
            &path,
            token,
            record["version"].as_i64().unwrap(),
            serde_json::json!({"reference": record["reference"], "is_child": true,
                               "enhanced_rights": record["enhanced_rights"],
                               "preferred_language": record["preferred_language"],
                               "probation_region_id": record["probation_region_id"]}),
        )
        .await;
    assert_eq!(status, reqwest::StatusCode::OK, "{out}");
}

/// An operator's key rotation: a new field key listed first (the old ones
/// kept as readers), installed, and every sealed column re-sealed under it
/// in batches of one. Answers the new key's id (sealed values start
/// `v1:<id>:`) and how many values were rewritten.
pub fn rotate_field_keys(app: &TestApp, prefix: &str) -> (String, usize) {
    use courtside::crypto::{self, KeyRing};
    let id = format!(
        "{prefix}{}",
        &uuid::Uuid::new_v4().simple().to_string()[..8]
    );
    let new = KeyRing::parse(&KeyRing::generate_spec(&id))
        .unwrap()
        .with_readers(&crypto::ring().unwrap());
    crypto::install(new.clone());
    let report = courtside::privacy::rotate(&mut app.pool.get().unwrap(), &new, 1, false).unwrap();
    (id, report.rows_rewritten)
}

/// The languages of the notices of one template in a victim's export.
pub fn languages_of(export: &Value, template: &str) -> Vec<String> {
    export["notices"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|n| n["template"] == template)
        .map(|n| n["language"].as_str().unwrap().to_owned())
        .collect()
}

/// A five-hour trial of V-1002's case at Leeds Combined Court Centre on
/// Friday 27 March 2026 (where the demo Witness Service sits), listed by
/// witness care: (case id, hearing id).
pub async fn leeds_trial(app: &TestApp, wendy: &str) -> (String, String) {
    let case = app
        .find_id("/api/v1/cases", wendy, "urn", "13CD7654321")
        .await;
    let court = app.court_id(wendy, "Leeds Combined Court Centre").await;
    let trial = app
        .create(
            "/api/v1/hearings",
            wendy,
            serde_json::json!({"case_id": case, "kind": "trial", "court_id": court,
                   "starts_at": "2026-03-27T10:00:00+00:00", "estimated_minutes": 300,
                   "victim_attends": true, "victim_gives_evidence": true}),
        )
        .await;
    (case, trial["id"].as_str().unwrap().to_string())
}

/// Ben's victim V-1002 and her consent to court dates going to the
/// supporter, still in force.
pub async fn court_dates_consent(app: &TestApp, ben: &str) -> (String, Value) {
    let victim = app
        .find_id("/api/v1/victims", ben, "reference", "V-1002")
        .await;
    let (_, consents) = app
        .get(&format!("/api/v1/consents?victim_id={victim}"), ben)
        .await;
    let consent = consents["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["scope"] == "court_dates_to_supporter" && c["withdrawn_at"].is_null())
        .unwrap_or_else(|| panic!("{consents}"))
        .clone();
    (victim, consent)
}

/// Withdraws the consent through the API at the test clock's start.
pub async fn withdraw_consent(app: &TestApp, ben: &str, victim: &str, consent: &Value) {
    let mut withdrawn = json!({"victim_id": victim, "scope": "court_dates_to_supporter",
                               "basis": consent["basis"], "given_at": consent["given_at"],
                               "withdrawn_at": test_now().to_rfc3339()});
    if let Some(reason) = consent["basis_reason"].as_str() {
        withdrawn["basis_reason"] = json!(reason);
    }
    let (status, out) = app
        .put(
            &format!("/api/v1/consents/{}", consent["id"].as_str().unwrap()),
            ben,
            consent["version"].as_i64().unwrap(),
            withdrawn,
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{out}");
}

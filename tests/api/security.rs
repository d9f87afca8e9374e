//! Sign-in throttling (a growing wait, never a lock; see
//! `courtside::accounts::throttle`), sessions you can end, integration tokens, security
//! headers, and error answers that never show the service's insides.
//!
//! A store check: the stored sign-in attempts are read to show they hold no
//! email or address (no API serves them).

use chrono::Duration;
use reqwest::header::HeaderMap;
use reqwest::{Method, StatusCode};
use serde_json::{json, Value};

use crate::delivery::RecordingMailer;
use crate::helpers::*;
use courtside::notify::mailer::Email;

const PASSWORD: &str = courtside::seed::DEMO_PASSWORD;

async fn login_as(app: &TestApp, email: &str, password: &str) -> (StatusCode, HeaderMap, Value) {
    app.call_full(
        Method::POST,
        "/api/v1/auth/login",
        None,
        Some(json!({"email": email, "password": password})),
        &[],
    )
    .await
}

fn retry_after(headers: &HeaderMap) -> i64 {
    headers
        .get("retry-after")
        .expect("Retry-After sent")
        .to_str()
        .unwrap()
        .parse()
        .unwrap()
}

fn assert_locked(status: StatusCode, headers: &HeaderMap, body: &Value) -> i64 {
    assert_problem(status, body, StatusCode::TOO_MANY_REQUESTS, None);
    assert_eq!(
        body["type"],
        "https://courtside.invalid/problems/too-many-attempts"
    );
    assert!(
        body["detail"].as_str().unwrap().contains("try again in"),
        "{body}"
    );
    retry_after(headers)
}

/// The failed sign-in warnings emailed so far (runs every job due at the
/// test clock's time, the account emails among them).
fn warnings_sent(app: &TestApp, mailer: &RecordingMailer) -> Vec<Email> {
    app.run_due(mailer);
    mailer
        .sent
        .lock()
        .unwrap()
        .iter()
        .filter(|e| e.subject == "Failed attempts to sign in to your Courtside account")
        .cloned()
        .collect()
}

#[actix_web::test]
async fn wrong_passwords_slow_sign_in_down_with_a_doubling_wait_and_the_owner_is_told() {
    let app = TestApp::spawn().await;
    let mailer = RecordingMailer::default();
    let at = |seconds| test_now() + Duration::seconds(seconds);
    // Two wrong passwords cost nothing.
    for _ in 0..2 {
        let (status, _, body) = login_as(&app, AMARA, "wrong-password").await;
        assert_problem(
            status,
            &body,
            StatusCode::UNPROCESSABLE_ENTITY,
            Some("password"),
        );
    }
    // The third makes the next attempt wait 1 second, and says so at once.
    let (status, headers, body) = login_as(&app, AMARA, "wrong-password").await;
    assert_eq!(assert_locked(status, &headers, &body), 1);
    assert!(
        body["detail"]
            .as_str()
            .unwrap()
            .contains("try again in 1 second"),
        "{body}"
    );
    // While it waits, even the right password is refused (in any case),
    // and the refusal does not lengthen the wait.
    let (status, headers, body) = login_as(&app, "Amara@Safer-Futures.example", PASSWORD).await;
    assert_eq!(assert_locked(status, &headers, &body), 1);
    // Each further failure doubles the wait: 2 s, then 4 s.
    app.clock.set(at(1));
    let (status, headers, body) = login_as(&app, AMARA, "wrong-password").await;
    assert_eq!(assert_locked(status, &headers, &body), 2);
    app.clock.set(at(3));
    let (status, headers, body) = login_as(&app, AMARA, "wrong-password").await;
    assert_eq!(assert_locked(status, &headers, &body), 4);

    // Other accounts are not affected.
    app.login(BEN).await;

    // After the wait, the right password works: no 15-minute lock.
    app.clock.set(at(7));
    let token = app.login(AMARA).await;
    let (status, me) = app.get("/api/v1/me", &token).await;
    assert_eq!(status, StatusCode::OK, "{me}");

    // The success wiped the earlier failures: one more is just a failure.
    let (status, _, body) = login_as(&app, AMARA, "wrong-password").await;
    assert_problem(
        status,
        &body,
        StatusCode::UNPROCESSABLE_ENTITY,
        Some("password"),
    );

    // Amara is told once, by email, that her account saw five failures;
    // the email names no address.
    let warnings = warnings_sent(&app, &mailer);
    assert_eq!(warnings.len(), 1, "{warnings:?}");
    assert_eq!(warnings[0].to, AMARA);
    assert!(
        warnings[0].body.contains("wrong password 5 times"),
        "{}",
        warnings[0].body
    );
    assert!(warnings[0].body.contains("Friday 20 March 2026 at midday"));
    assert!(!warnings[0].body.contains("127.0.0.1"));
    assert!(warnings_sent(&app, &mailer).len() == 1, "sent once");

    // Unknown emails are throttled just the same (no way to tell them
    // apart), and nobody is emailed.
    for _ in 0..2 {
        let (status, _, _) = login_as(&app, "nobody@nowhere.example", "guess").await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    }
    let (status, headers, body) = login_as(&app, "nobody@nowhere.example", "guess").await;
    assert_locked(status, &headers, &body);

    // The attempts are kept durably, with no email in them.
    let stored: Vec<(String, Option<String>)> = {
        use courtside::store::schema::sign_in_attempts::dsl::*;
        use diesel::prelude::*;
        let mut conn = app.pool.get().unwrap();
        sign_in_attempts
            .select((account_key, address_key))
            .load(&mut conn)
            .unwrap()
    };
    assert!(stored.len() >= 12, "{}", stored.len());
    for (account, address) in &stored {
        assert!(!account.contains('@') && account.len() == 64, "{account}");
        assert!(address.as_deref().is_some_and(|a| !a.contains("127.0.0.1")));
    }
    assert_eq!(warnings_sent(&app, &mailer).len(), 1);
    app.assert_nothing_due();
    app.stop().await;
}

async fn login_from(
    app: &TestApp,
    email: &str,
    password: &str,
    address: &str,
) -> (StatusCode, HeaderMap, Value) {
    app.call_full(
        Method::POST,
        "/api/v1/auth/login",
        None,
        Some(json!({"email": email, "password": password})),
        &[("x-forwarded-for", address)],
    )
    .await
}

#[actix_web::test]
async fn failures_elsewhere_never_keep_an_officer_out_on_her_own_network() {
    // The test client plays a trusted proxy, so each request can come from
    // its own client address.
    let app = TestApp::spawn_with(|c| {
        c.trusted_proxies =
            courtside::web::client_ip::TrustedProxies::parse("127.0.0.1, ::1").unwrap();
    })
    .await;
    let mailer = RecordingMailer::default();
    const OFFICE: &str = "198.51.100.8";
    // Wendy signs in at the office, so the office is familiar to her.
    let (status, _, body) = login_from(&app, WENDY, PASSWORD, OFFICE).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    app.clock.set(test_now() + Duration::seconds(1));

    // Someone elsewhere guesses at her account from twelve addresses.
    for i in 0..12 {
        let (status, headers, body) =
            login_from(&app, WENDY, "guess", &format!("203.0.113.{i}")).await;
        if i < 4 {
            assert_problem(
                status,
                &body,
                StatusCode::UNPROCESSABLE_ENTITY,
                Some("password"),
            );
        } else {
            // From the fifth, her account waits for anyone elsewhere.
            assert_locked(status, &headers, &body);
        }
    }
    // A new place, even with the right password, must wait...
    let (status, headers, body) = login_from(&app, WENDY, PASSWORD, "203.0.113.99").await;
    assert_locked(status, &headers, &body);
    // ...but at the office she signs in at once.
    let (status, _, body) = login_from(&app, WENDY, PASSWORD, OFFICE).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    // And she was told about the guessing.
    let warnings = warnings_sent(&app, &mailer);
    assert_eq!(warnings.len(), 1, "{warnings:?}");
    assert_eq!(warnings[0].to, WENDY);
    for i in 0..12 {
        assert!(!warnings[0].body.contains(&format!("203.0.113.{i}")));
    }

    // Someone at the office tries 25 other accounts: the office address
    // now makes accounts it does not know wait...
    for i in 0..25 {
        login_from(&app, &format!("guess{i}@nowhere.example"), "x", OFFICE).await;
    }
    let (status, headers, body) = login_from(&app, CARYS, PASSWORD, OFFICE).await;
    assert_locked(status, &headers, &body);
    // ...while Wendy, who works there, still signs in.
    let (status, _, body) = login_from(&app, WENDY, PASSWORD, OFFICE).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    app.assert_nothing_due();
    app.stop().await;
}

#[actix_web::test]
async fn twenty_failures_from_one_address_slow_the_address() {
    let app = TestApp::spawn().await;
    // Twenty different accounts, one guess each: no account waits...
    for i in 0..19 {
        let (status, _, body) = login_as(&app, &format!("guess{i}@nowhere.example"), "x").await;
        assert_problem(
            status,
            &body,
            StatusCode::UNPROCESSABLE_ENTITY,
            Some("password"),
        );
    }
    // ...but the twentieth makes this address wait.
    let (status, headers, body) = login_as(&app, "guess19@nowhere.example", "x").await;
    assert_eq!(assert_locked(status, &headers, &body), 1);
    // Nobody new to this address signs in from here until it ends, with
    // the right password too.
    let (status, headers, body) = login_as(&app, WENDY, PASSWORD).await;
    assert_locked(status, &headers, &body);
    app.clock.set(test_now() + Duration::seconds(1));
    app.login(WENDY).await;
    app.stop().await;
}

/// The sign-in page's pre-session cookie and form token.
async fn sign_in_form(client: &reqwest::Client, base: &str) -> (String, String) {
    let resp = client.get(format!("{base}/sign-in")).send().await.unwrap();
    let cookie = resp
        .headers()
        .get_all("set-cookie")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find(|v| v.starts_with("courtside_sign_in="))
        .and_then(|v| v.split(';').next())
        .expect("pre-session cookie")
        .to_string();
    let body = resp.text().await.unwrap();
    let marker = "name=\"csrf_token\" value=\"";
    let start = body.find(marker).expect("form token") + marker.len();
    let end = start + body[start..].find('"').unwrap();
    (cookie, body[start..end].to_string())
}

#[actix_web::test]
async fn the_sign_in_page_says_when_sign_in_is_paused() {
    let app = TestApp::spawn().await;
    let client = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap();
    let (cookie, csrf) = sign_in_form(&client, &app.base).await;
    let post = |password: &'static str| {
        client
            .post(format!("{}/sign-in", app.base))
            .header("cookie", cookie.clone())
            .form(&[
                ("csrf_token", csrf.as_str()),
                ("email", AMARA),
                ("password", password),
            ])
            .send()
    };
    for _ in 0..2 {
        assert_eq!(
            post("wrong-password").await.unwrap().status(),
            StatusCode::UNPROCESSABLE_ENTITY
        );
    }
    let resp = post("wrong-password").await.unwrap();
    assert_eq!(resp.status(), StatusCode::TOO_MANY_REQUESTS);
    let page = resp.text().await.unwrap();
    assert!(page.contains("too many failed attempts"), "{page}");
    assert!(page.contains("try again in 1 second"), "{page}");
    let resp = post(PASSWORD).await.unwrap();
    assert_eq!(resp.status(), StatusCode::TOO_MANY_REQUESTS);
    // The API sees the same wait.
    let (status, headers, body) = login_as(&app, AMARA, PASSWORD).await;
    assert_locked(status, &headers, &body);
    app.clock.set(test_now() + Duration::seconds(1));
    assert_eq!(
        post(PASSWORD).await.unwrap().status(),
        StatusCode::SEE_OTHER
    );
    app.stop().await;
}

fn ids(body: &Value) -> Vec<String> {
    body["items"]
        .as_array()
        .unwrap_or_else(|| panic!("a page: {body}"))
        .iter()
        .map(|i| i["id"].as_str().unwrap().to_string())
        .collect()
}

#[actix_web::test]
async fn sessions_can_be_listed_and_revoked() {
    let app = TestApp::spawn().await;
    let first = app.login(AMARA).await;
    let (_, listed) = app.get("/api/v1/sessions", &first).await;
    let first_id = ids(&listed).pop().expect("one session");
    let second = app.login(AMARA).await;
    let (status, listed) = app.get("/api/v1/sessions", &second).await;
    assert_eq!(status, StatusCode::OK, "{listed}");
    let listed = ids(&listed);
    assert_eq!(listed.len(), 2);
    let second_id = listed.into_iter().find(|id| *id != first_id).unwrap();
    assert!(
        !serde_json::to_string(&app.get("/api/v1/sessions", &second).await.1)
            .unwrap()
            .contains(&second)
    );

    // Someone else's session is not found, even to a manager.
    let ben = app.login(BEN).await;
    let maya = app.login(MAYA).await;
    for token in [&ben, &maya] {
        let (status, body) = app
            .post(
                &format!("/api/v1/sessions/{first_id}/revoke"),
                token,
                json!({}),
            )
            .await;
        assert_problem(status, &body, StatusCode::NOT_FOUND, None);
    }
    let (_, me) = app.get("/api/v1/me", &first).await;
    let amara_id = me["user_id"].as_str().unwrap().to_string();
    let (status, body) = app
        .get(&format!("/api/v1/sessions?user_id={amara_id}"), &maya)
        .await;
    assert_problem(status, &body, StatusCode::FORBIDDEN, None);

    // Ending one's own other session.
    let (status, body) = app
        .post(
            &format!("/api/v1/sessions/{second_id}/revoke"),
            &first,
            json!({}),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert!(body["revoked_at"].is_string(), "{body}");
    let (status, _) = app.get("/api/v1/me", &second).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    let (status, _) = app.get("/api/v1/me", &first).await;
    assert_eq!(status, StatusCode::OK);

    // An administrator sees and ends anyone's sessions.
    let admin = app.login(ADMIN).await;
    let (status, body) = app
        .get(&format!("/api/v1/sessions?user_id={amara_id}"), &admin)
        .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert_eq!(ids(&body), vec![first_id.clone()]);
    let (status, body) = app
        .post(
            &format!("/api/v1/sessions/{first_id}/revoke"),
            &admin,
            json!({}),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let (status, _) = app.get("/api/v1/me", &first).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    app.stop().await;
}

#[actix_web::test]
async fn integration_tokens_act_as_their_user_until_revoked() {
    let app = TestApp::spawn().await;
    let admin = app.login(ADMIN).await;
    let wendy = app.login(WENDY).await;
    let (_, me) = app.get("/api/v1/me", &wendy).await;
    let wendy_id = me["user_id"].as_str().unwrap().to_string();
    let tokens = format!("/api/v1/users/{wendy_id}/tokens");

    // Only administrators issue, list and revoke tokens.
    for who in [MAYA, WENDY, AMARA] {
        let token = app.login(who).await;
        let (status, body) = app.post(&tokens, &token, json!({"label": "x"})).await;
        assert_problem(status, &body, StatusCode::FORBIDDEN, None);
        let (status, body) = app.get(&tokens, &token).await;
        assert_problem(status, &body, StatusCode::FORBIDDEN, None);
    }
    let (status, body) = app.post(&tokens, &admin, json!({"label": "  "})).await;
    assert_problem(
        status,
        &body,
        StatusCode::UNPROCESSABLE_ENTITY,
        Some("label"),
    );
    let past = (test_now() - Duration::days(1)).to_rfc3339();
    let (status, body) = app
        .post(&tokens, &admin, json!({"label": "x", "expires_at": past}))
        .await;
    assert_problem(
        status,
        &body,
        StatusCode::UNPROCESSABLE_ENTITY,
        Some("expires_at"),
    );
    let (status, body) = app
        .post(
            "/api/v1/users/no-such-user/tokens",
            &admin,
            json!({"label": "x"}),
        )
        .await;
    assert_problem(status, &body, StatusCode::NOT_FOUND, None);

    let issued = app
        .create(&tokens, &admin, json!({"label": "Police case system"}))
        .await;
    let secret = issued["token"].as_str().unwrap().to_string();
    let token_id = issued["id"].as_str().unwrap().to_string();
    assert_eq!(issued["label"], "Police case system");

    // Listed without its value; not among the user's sessions.
    let (status, listed) = app.get(&tokens, &admin).await;
    assert_eq!(status, StatusCode::OK, "{listed}");
    assert_eq!(ids(&listed), vec![token_id.clone()]);
    assert!(!listed.to_string().contains(&secret));
    assert!(listed["items"][0].get("token").is_none());
    let (_, sessions) = app.get("/api/v1/sessions", &wendy).await;
    assert!(!ids(&sessions).contains(&token_id));

    // It acts as Wendy, with her role's permissions only.
    let (status, me) = app.get("/api/v1/me", &secret).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(me["user_id"], wendy_id);
    assert_eq!(me["role"], "witness_care_officer");
    let (status, _) = app.get("/api/v1/hearings", &secret).await;
    assert_eq!(status, StatusCode::OK);
    let (status, _) = app.get("/api/v1/parole-milestones", &secret).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let (status, _) = app.post(&tokens, &secret, json!({"label": "more"})).await;
    assert_eq!(status, StatusCode::FORBIDDEN);

    // Revoked, it stops working at once; revoking is admin-only.
    let revoke = format!("/api/v1/tokens/{token_id}/revoke");
    let (status, _) = app.post(&revoke, &wendy, json!({})).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let (status, body) = app.post(&revoke, &admin, json!({})).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert!(body["revoked_at"].is_string());
    let (status, _) = app.get("/api/v1/me", &secret).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    let (status, _) = app
        .post("/api/v1/tokens/no-such-token/revoke", &admin, json!({}))
        .await;
    assert_eq!(status, StatusCode::NOT_FOUND);

    // A token with an expiry stops then.
    let tomorrow = (test_now() + Duration::days(1)).to_rfc3339();
    let issued = app
        .create(
            &tokens,
            &admin,
            json!({"label": "Nightly export", "expires_at": tomorrow}),
        )
        .await;
    let secret = issued["token"].as_str().unwrap();
    let (status, _) = app.get("/api/v1/me", secret).await;
    assert_eq!(status, StatusCode::OK);
    app.clock.set(test_now() + Duration::days(2));
    let (status, _) = app.get("/api/v1/me", secret).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    app.stop().await;
}

fn assert_security_headers(what: &str, headers: &HeaderMap, cache: Option<&str>) {
    let get = |name: &str| {
        headers
            .get(name)
            .unwrap_or_else(|| panic!("{what}: no {name}"))
            .to_str()
            .unwrap()
            .to_string()
    };
    let csp = get("content-security-policy");
    assert!(csp.starts_with("default-src 'self'"), "{what}: {csp}");
    assert!(csp.contains("frame-ancestors 'none'"), "{what}: {csp}");
    assert!(csp.contains("script-src 'none'"), "{what}: {csp}");
    assert_eq!(get("x-content-type-options"), "nosniff", "{what}");
    assert_eq!(get("x-frame-options"), "DENY", "{what}");
    assert_eq!(get("referrer-policy"), "no-referrer", "{what}");
    // Served without TLS in tests: no HSTS.
    assert!(headers.get("strict-transport-security").is_none(), "{what}");
    if let Some(cache) = cache {
        assert_eq!(get("cache-control"), cache, "{what}");
    }
}

#[actix_web::test]
async fn security_headers_on_api_pages_and_errors() {
    let app = TestApp::spawn().await;
    let token = app.login(AMARA).await;
    let client = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap();
    let cases: Vec<(&str, Option<&str>, StatusCode, Option<&str>)> = vec![
        ("/api/v1/me", Some(&token), StatusCode::OK, Some("no-store")),
        (
            "/api/v1/hearings",
            Some(&token),
            StatusCode::OK,
            Some("no-store"),
        ),
        (
            "/api/v1/me",
            None,
            StatusCode::UNAUTHORIZED,
            Some("no-store"),
        ),
        (
            "/api/v1/nothing",
            Some(&token),
            StatusCode::NOT_FOUND,
            Some("no-store"),
        ),
        ("/api/openapi.json", None, StatusCode::OK, Some("no-store")),
        ("/healthz", None, StatusCode::OK, Some("no-store")),
        ("/sign-in", None, StatusCode::OK, Some("no-store")),
        ("/week", None, StatusCode::SEE_OTHER, Some("no-store")),
        (
            "/no-such-page",
            None,
            StatusCode::NOT_FOUND,
            Some("no-store"),
        ),
        ("/assets/app.css", None, StatusCode::OK, None),
    ];
    for (path, token, want, cache) in cases {
        let mut req = client.get(format!("{}{path}", app.base));
        if let Some(t) = token {
            req = req.bearer_auth(t);
        }
        let resp = req.send().await.unwrap();
        assert_eq!(resp.status(), want, "{path}");
        assert_security_headers(path, resp.headers(), cache);
    }
    // A signed-in page too.
    let (cookie, csrf) = sign_in_form(&client, &app.base).await;
    let resp = client
        .post(format!("{}/sign-in", app.base))
        .header("cookie", cookie)
        .form(&[
            ("csrf_token", csrf.as_str()),
            ("email", AMARA),
            ("password", PASSWORD),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), StatusCode::SEE_OTHER);
    assert_security_headers("sign-in post", resp.headers(), Some("no-store"));
    let session = resp
        .headers()
        .get_all("set-cookie")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find(|v| v.starts_with("courtside_session="))
        .and_then(|v| v.split(';').next())
        .unwrap()
        .to_string();
    let resp = client
        .get(format!("{}/week", app.base))
        .header("cookie", session)
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), StatusCode::OK);
    assert_security_headers("/week signed in", resp.headers(), Some("no-store"));
    app.stop().await;
}

#[actix_web::test]
async fn strict_transport_security_only_when_served_over_tls() {
    courtside::telemetry::init_for_tests();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("tls.db");
    let mut config = courtside::config::Config::for_database(&path.to_string_lossy());
    config.tls = true;
    let clock = courtside::clock::ManualClock::at(test_now());
    let running =
        courtside::service::start(config, std::sync::Arc::new(clock)).expect("app starts");
    let handle = running.handle.clone();
    let base = running.url("");
    actix_web::rt::spawn(running.server);
    for path in ["/healthz", "/sign-in", "/api/v1/me"] {
        let resp = reqwest::get(format!("{base}{path}")).await.unwrap();
        assert_eq!(
            resp.headers()["strict-transport-security"],
            "max-age=63072000; includeSubDomains",
            "{path}"
        );
    }
    handle.stop(true).await;
}

/// What must never reach a client: Rust paths and type names, panics,
/// source locations, backtraces.
fn assert_no_internals(what: &str, body: &str) {
    for tell in [
        "::",
        "panicked",
        ".rs:",
        "backtrace",
        "RUST_BACKTRACE",
        "Error {",
        "Utf8Error",
        "serde",
        "diesel",
        "actix",
    ] {
        assert!(!body.contains(tell), "{what} shows {tell:?}: {body}");
    }
}

#[actix_web::test]
async fn malformed_requests_get_plain_answers() {
    let app = TestApp::spawn().await;
    let token = app.login(WENDY).await;
    let admin = app.login(ADMIN).await;
    let client = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap();
    let big_json = format!("{{\"label\": \"{}\"}}", "a".repeat(70 * 1024));
    let big_form = format!("csrf_token=x&email={}", "a".repeat(70 * 1024));
    let json_type = "application/json";
    let form_type = "application/x-www-form-urlencoded";
    // (method, path, token, content type, body, extra headers)
    type Case<'a> = (
        Method,
        String,
        Option<&'a str>,
        &'a str,
        Vec<u8>,
        &'a [(&'a str, &'a str)],
    );
    let cases: Vec<Case> = vec![
        (
            Method::POST,
            "/api/v1/auth/login".into(),
            None,
            json_type,
            b"{".to_vec(),
            &[],
        ),
        (
            Method::POST,
            "/api/v1/auth/login".into(),
            None,
            json_type,
            b"[1,2]".to_vec(),
            &[],
        ),
        (
            Method::POST,
            "/api/v1/auth/login".into(),
            None,
            json_type,
            vec![0xff, 0xfe, 0x7b],
            &[],
        ),
        (
            Method::POST,
            "/api/v1/auth/login".into(),
            None,
            "text/plain",
            b"email=a".to_vec(),
            &[],
        ),
        (
            Method::POST,
            "/api/v1/auth/login".into(),
            None,
            json_type,
            br#"{"email": 5, "password": null}"#.to_vec(),
            &[],
        ),
        (
            Method::POST,
            "/api/v1/hearings".into(),
            Some(&token),
            json_type,
            br#"{"starts_at": "tomorrow", "case_id": []}"#.to_vec(),
            &[],
        ),
        (
            Method::POST,
            "/api/v1/hearings".into(),
            Some(&token),
            json_type,
            big_json.clone().into_bytes(),
            &[],
        ),
        (
            Method::GET,
            "/api/v1/hearings?per_page=abc&page=-1".into(),
            Some(&token),
            json_type,
            vec![],
            &[],
        ),
        (
            Method::GET,
            "/api/v1/hearings?from=%ff%fe".into(),
            Some(&token),
            json_type,
            vec![],
            &[],
        ),
        (
            Method::GET,
            "/api/v1/victims/%00%ff".into(),
            Some(&token),
            json_type,
            vec![],
            &[],
        ),
        (
            Method::PUT,
            "/api/v1/hearings/x".into(),
            Some(&token),
            json_type,
            b"{}".to_vec(),
            &[("if-match", "abc")],
        ),
        (
            Method::PATCH,
            "/api/v1/hearings".into(),
            Some(&token),
            json_type,
            b"{}".to_vec(),
            &[],
        ),
        (
            Method::GET,
            "/api/v1/me".into(),
            Some("not-a-real-token"),
            json_type,
            vec![],
            &[],
        ),
        (
            Method::POST,
            "/api/v1/users/x/tokens".into(),
            Some(&admin),
            json_type,
            br#"{"label": 5, "extra": 1}"#.to_vec(),
            &[],
        ),
        (
            Method::POST,
            "/api/v1/users/x/tokens".into(),
            Some(&admin),
            json_type,
            big_json.into_bytes(),
            &[],
        ),
        (
            Method::POST,
            "/sign-in".into(),
            None,
            form_type,
            b"email=%zz&&==".to_vec(),
            &[],
        ),
        (
            Method::POST,
            "/sign-in".into(),
            None,
            form_type,
            big_form.into_bytes(),
            &[],
        ),
        (
            Method::POST,
            "/sign-in".into(),
            None,
            json_type,
            b"{}".to_vec(),
            &[],
        ),
    ];
    for (method, path, token, content_type, body, headers) in cases {
        let what = format!("{method} {path} ({content_type})");
        let mut req = client
            .request(method, format!("{}{path}", app.base))
            .header("content-type", content_type)
            .body(body);
        if let Some(t) = token {
            req = req.header("authorization", format!("Bearer {t}"));
        }
        for (k, v) in headers {
            req = req.header(*k, *v);
        }
        let resp = req.send().await.unwrap_or_else(|e| panic!("{what}: {e}"));
        let status = resp.status();
        let headers = resp.headers().clone();
        let text = resp.text().await.unwrap();
        assert!(status.is_client_error(), "{what}: {status} {text}");
        assert_no_internals(&what, &text);
        assert_security_headers(&what, &headers, Some("no-store"));
        if path.starts_with("/api/") {
            let problem: Value =
                serde_json::from_str(&text).unwrap_or_else(|_| panic!("{what}: not JSON: {text}"));
            assert_eq!(problem["status"], status.as_u16(), "{what}");
        }
    }

    // An oversized form gets a readable page, not a bare status.
    let resp = client
        .post(format!("{}/sign-in", app.base))
        .header("content-type", form_type)
        .body(format!("email={}", "a".repeat(70 * 1024)))
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), StatusCode::PAYLOAD_TOO_LARGE);
    assert!(resp.headers()["content-type"]
        .to_str()
        .unwrap()
        .starts_with("text/html"));
    let page = resp.text().await.unwrap();
    assert!(page.contains("larger than 65536 bytes"), "{page}");
    app.stop().await;
}

//! The client address behind a reverse proxy: `X-Forwarded-For` counts
//! only when the TCP peer is one of `COURTSIDE_TRUSTED_PROXIES`, so a
//! client cannot dodge the per-address sign-in lock by writing the header.

use reqwest::header::HeaderMap;
use reqwest::{Method, StatusCode};
use serde_json::{json, Value};

use crate::helpers::*;

async fn attempt(
    app: &TestApp,
    email: &str,
    password: &str,
    forwarded_for: &str,
) -> (StatusCode, HeaderMap, Value) {
    app.call_full(
        Method::POST,
        "/api/v1/auth/login",
        None,
        Some(json!({"email": email, "password": password})),
        &[("x-forwarded-for", forwarded_for)],
    )
    .await
}

fn assert_locked(status: StatusCode, body: &Value) {
    assert_problem(status, body, StatusCode::TOO_MANY_REQUESTS, None);
}

#[actix_web::test]
async fn a_spoofed_forwarded_header_from_an_untrusted_peer_does_not_evade_the_address_lock() {
    // A proxy range is configured, but the test client (127.0.0.1) is not
    // in it, so its X-Forwarded-For is ignored.
    let app = TestApp::spawn_with(|c| {
        c.trusted_proxies =
            courtside::web::client_ip::TrustedProxies::parse("10.0.0.0/8, fd00::/8").unwrap();
    })
    .await;
    for i in 0..19 {
        let spoof = format!("198.51.100.{i}");
        let (status, _, body) =
            attempt(&app, &format!("guess{i}@nowhere.example"), "x", &spoof).await;
        assert_problem(
            status,
            &body,
            StatusCode::UNPROCESSABLE_ENTITY,
            Some("password"),
        );
    }
    // The twentieth failure locks the peer's address, whatever it claims.
    let (status, _, body) = attempt(&app, "guess19@nowhere.example", "x", "198.51.100.19").await;
    assert_locked(status, &body);
    // A fresh spoofed address, or a forged chain, does not get it back in.
    for spoof in ["203.0.113.77", "10.0.0.9", "203.0.113.1, 10.0.0.9"] {
        let (status, _, body) = attempt(&app, WENDY, courtside::seed::DEMO_PASSWORD, spoof).await;
        assert_locked(status, &body);
    }
    app.stop().await;
}

#[actix_web::test]
async fn behind_a_trusted_proxy_each_forwarded_client_is_throttled_apart() {
    // Here the test client plays the proxy.
    let app = TestApp::spawn_with(|c| {
        c.trusted_proxies =
            courtside::web::client_ip::TrustedProxies::parse("127.0.0.1, ::1").unwrap();
    })
    .await;
    for i in 0..20 {
        let (status, _, body) = attempt(
            &app,
            &format!("guess{i}@nowhere.example"),
            "x",
            "198.51.100.7",
        )
        .await;
        if i < 19 {
            assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
        } else {
            assert_locked(status, &body);
        }
    }
    // The locked client stays locked even when it writes another address
    // to the left of the one the proxy appended.
    let (status, _, body) = attempt(
        &app,
        WENDY,
        courtside::seed::DEMO_PASSWORD,
        "203.0.113.5, 198.51.100.7",
    )
    .await;
    assert_locked(status, &body);
    // Another client behind the same proxy signs in normally.
    let (status, _, body) =
        attempt(&app, WENDY, courtside::seed::DEMO_PASSWORD, "198.51.100.8").await;
    assert_eq!(status, StatusCode::OK, "{body}");
    app.stop().await;
}

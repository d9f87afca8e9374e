use reqwest::{Method, StatusCode};

use crate::helpers::*;

#[actix_web::test]
async fn health_readiness_and_openapi() {
    let app = TestApp::spawn().await;
    let (status, body) = app.call(Method::GET, "/healthz", None, None).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(body["status"], "ok");
    let (status, body) = app.call(Method::GET, "/readyz", None, None).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert_eq!(body["migrations"], "current");

    let (status, doc) = app.call(Method::GET, "/api/openapi.json", None, None).await;
    assert_eq!(status, StatusCode::OK);
    assert!(doc["openapi"].as_str().unwrap().starts_with("3."));
    for path in [
        "/api/v1/hearings",
        "/api/v1/hearings/{id}",
        "/api/v1/victims",
        "/api/v1/courts",
        "/api/v1/auth/login",
    ] {
        assert!(
            doc["paths"][path].is_object(),
            "{path} missing from the OpenAPI document"
        );
    }
    assert!(doc["paths"]["/api/v1/hearings/{id}"]["put"]["responses"]["412"].is_object());
    assert!(doc["components"]["schemas"]["HearingInput"].is_object());
    assert!(doc["components"]["schemas"]["Problem"].is_object());
    app.stop().await;
}

#[actix_web::test]
async fn sign_in_out_and_unknown_routes() {
    let app = TestApp::spawn().await;
    // No token: 401 problem with a WWW-Authenticate challenge.
    let (status, headers, body) = app
        .call_full(Method::GET, "/api/v1/victims", None, None, &[])
        .await;
    assert_problem(status, &body, StatusCode::UNAUTHORIZED, None);
    assert_eq!(headers["www-authenticate"], "Bearer");
    assert_eq!(headers["content-type"], "application/problem+json");

    // A wrong password is refused without saying which part was wrong.
    let (status, body) = app
        .call(
            Method::POST,
            "/api/v1/auth/login",
            None,
            Some(serde_json::json!({"email": AMARA, "password": "wrong-password"})),
        )
        .await;
    assert_problem(
        status,
        &body,
        StatusCode::UNPROCESSABLE_ENTITY,
        Some("password"),
    );

    let token = app.login(AMARA).await;
    let (status, me) = app.get("/api/v1/me", &token).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(me["role"], "supporter");
    assert_eq!(me["display_name"], "Amara Idva");

    let (status, body) = app.get("/api/v1/nothing-here", &token).await;
    assert_problem(status, &body, StatusCode::NOT_FOUND, None);
    let (status, _, body) = app
        .call_full(Method::DELETE, "/api/v1/hearings", Some(&token), None, &[])
        .await;
    assert_problem(status, &body, StatusCode::METHOD_NOT_ALLOWED, None);

    let (status, _) = app
        .call(Method::POST, "/api/v1/auth/logout", Some(&token), None)
        .await;
    assert_eq!(status, StatusCode::NO_CONTENT);
    let (status, body) = app.get("/api/v1/me", &token).await;
    assert_problem(status, &body, StatusCode::UNAUTHORIZED, None);
    app.stop().await;
}

#[actix_web::test]
async fn sessions_expire() {
    let app = TestApp::spawn().await;
    let token = app.login(AMARA).await;
    app.clock.set(test_now() + chrono::Duration::hours(13));
    let (status, body) = app.get("/api/v1/me", &token).await;
    assert_problem(status, &body, StatusCode::UNAUTHORIZED, None);
    app.stop().await;
}

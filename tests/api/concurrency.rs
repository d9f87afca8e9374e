//! Optimistic concurrency: an update names the version it changes; a stale
//! one is refused, never silently applied.

use reqwest::{Method, StatusCode};
use serde_json::json;

use crate::helpers::*;

#[actix_web::test]
async fn stale_updates_are_rejected() {
    let app = TestApp::spawn().await;
    let wendy = app.login(WENDY).await;
    let case = app
        .find_id("/api/v1/cases", &wendy, "urn", "13AB1234526")
        .await;
    let court = app.court_id(&wendy, "Leeds Combined Court Centre").await;
    let body = json!({"case_id": case, "kind": "trial", "court_id": court,
                      "starts_at": "2026-05-11T10:00:00+01:00", "estimated_minutes": 600});
    let (status, headers, created) = app
        .call_full(
            Method::POST,
            "/api/v1/hearings",
            Some(&wendy),
            Some(body.clone()),
            &[],
        )
        .await;
    assert_eq!(status, StatusCode::CREATED);
    assert_eq!(headers["etag"], "\"1\"");
    let id = created["id"].as_str().unwrap();
    assert_eq!(
        headers["location"],
        format!("/api/v1/hearings/{id}").as_str()
    );
    let path = format!("/api/v1/hearings/{id}");

    // Without If-Match: 428, nothing changes.
    let mut moved = body.clone();
    moved["starts_at"] = json!("2026-05-12T10:00:00+01:00");
    let (status, _, problem) = app
        .call_full(Method::PUT, &path, Some(&wendy), Some(moved.clone()), &[])
        .await;
    assert_problem(status, &problem, StatusCode::PRECONDITION_REQUIRED, None);

    // Two people read version 1; the first change wins...
    let (status, first) = app.put(&path, &wendy, 1, moved.clone()).await;
    assert_eq!(status, StatusCode::OK, "{first}");
    assert_eq!(first["version"], 2);
    assert_eq!(first["starts_at_local"], "2026-05-12T10:00:00+01:00");

    // ...and the second, still at version 1, is refused with the current one.
    let mut other = body.clone();
    other["courtroom"] = json!("Court 9");
    let (status, problem) = app.put(&path, &wendy, 1, other).await;
    assert_problem(status, &problem, StatusCode::PRECONDITION_FAILED, None);
    assert_eq!(problem["current_version"], 2);

    let (status, read) = app.get(&path, &wendy).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(read["version"], 2);
    assert_eq!(
        read["courtroom"],
        serde_json::Value::Null,
        "the stale change must not land"
    );
    assert_eq!(read["starts_at_local"], "2026-05-12T10:00:00+01:00");

    // A bad If-Match is named.
    let (status, _, problem) = app
        .call_full(
            Method::PUT,
            &path,
            Some(&wendy),
            Some(moved),
            &[("if-match", "yesterday")],
        )
        .await;
    assert_problem(
        status,
        &problem,
        StatusCode::UNPROCESSABLE_ENTITY,
        Some("If-Match"),
    );
    app.stop().await;
}

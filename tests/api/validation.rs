//! Bad input gets a problem+json answer naming the field, and never a
//! 500 or a partial write.

use reqwest::{Method, StatusCode};
use serde_json::{json, Value};

use crate::helpers::*;

async fn hearing_count(app: &TestApp, token: &str) -> i64 {
    let (_, list) = app.get("/api/v1/hearings", token).await;
    list["total"].as_i64().unwrap()
}

#[actix_web::test]
async fn hearing_input_errors_name_their_fields() {
    let app = TestApp::spawn().await;
    let wendy = app.login(WENDY).await;
    let case = app
        .find_id("/api/v1/cases", &wendy, "urn", "13AB1234526")
        .await;
    let court = app.court_id(&wendy, "Leeds Combined Court Centre").await;
    let before = hearing_count(&app, &wendy).await;
    let good = json!({"case_id": case, "kind": "trial", "court_id": court,
                      "starts_at": "2026-04-20T10:00:00+01:00", "estimated_minutes": 300});
    let with = |field: &str, value: Value| {
        let mut body = good.clone();
        body[field] = value;
        body
    };

    // (body, expected status, field named)
    let cases: Vec<(Value, StatusCode, &str)> = vec![
        (
            with("starts_at", json!("2026-04-31T10:00:00+01:00")),
            StatusCode::UNPROCESSABLE_ENTITY,
            "starts_at",
        ),
        (
            with("starts_at", json!("20/04/2026 10:00")),
            StatusCode::UNPROCESSABLE_ENTITY,
            "starts_at",
        ),
        (
            with("starts_at", json!("2026-04-20T10:00:00")),
            StatusCode::UNPROCESSABLE_ENTITY,
            "starts_at",
        ),
        // In the past for a listed hearing (now is 20 March 2026).
        (
            with("starts_at", json!("2026-03-01T10:00:00+00:00")),
            StatusCode::UNPROCESSABLE_ENTITY,
            "starts_at",
        ),
        (
            with("kind", json!("picnic")),
            StatusCode::UNPROCESSABLE_ENTITY,
            "kind",
        ),
        (
            with("status", json!("postponed-ish")),
            StatusCode::UNPROCESSABLE_ENTITY,
            "status",
        ),
        (
            with("court_id", json!(uuid::Uuid::new_v4().to_string())),
            StatusCode::UNPROCESSABLE_ENTITY,
            "court_id",
        ),
        (
            with("court_id", json!("Leeds")),
            StatusCode::UNPROCESSABLE_ENTITY,
            "court_id",
        ),
        (
            with("case_id", json!(uuid::Uuid::new_v4().to_string())),
            StatusCode::UNPROCESSABLE_ENTITY,
            "case_id",
        ),
        (
            with("estimated_minutes", json!(0)),
            StatusCode::UNPROCESSABLE_ENTITY,
            "estimated_minutes",
        ),
        (
            with("estimated_minutes", json!("an hour")),
            StatusCode::UNPROCESSABLE_ENTITY,
            "estimated_minutes",
        ),
        (
            with("courtroom", json!("x".repeat(201))),
            StatusCode::UNPROCESSABLE_ENTITY,
            "courtroom",
        ),
        (
            with("outcome", json!("y".repeat(2001))),
            StatusCode::UNPROCESSABLE_ENTITY,
            "outcome",
        ),
        (
            with("kind", json!("fact_finding")),
            StatusCode::UNPROCESSABLE_ENTITY,
            "kind",
        ),
        (
            with("victim_gives_evidence", json!(true)),
            StatusCode::UNPROCESSABLE_ENTITY,
            "victim_attends",
        ),
        (
            with("colour", json!("blue")),
            StatusCode::UNPROCESSABLE_ENTITY,
            "colour",
        ),
        (
            json!({"kind": "trial"}),
            StatusCode::UNPROCESSABLE_ENTITY,
            "case_id",
        ),
    ];
    for (body, want, field) in cases {
        let (status, problem) = app.post("/api/v1/hearings", &wendy, body.clone()).await;
        assert_problem(status, &problem, want, Some(field));
    }

    // Several problems at once are all reported.
    let mut many = with("estimated_minutes", json!(-5));
    many["courtroom"] = json!("");
    many["starts_at"] = json!("soon");
    let (status, problem) = app.post("/api/v1/hearings", &wendy, many).await;
    assert_problem(
        status,
        &problem,
        StatusCode::UNPROCESSABLE_ENTITY,
        Some("estimated_minutes"),
    );
    assert_problem(
        status,
        &problem,
        StatusCode::UNPROCESSABLE_ENTITY,
        Some("courtroom"),
    );
    assert_problem(
        status,
        &problem,
        StatusCode::UNPROCESSABLE_ENTITY,
        Some("starts_at"),
    );

    // Not JSON, and too big.
    let (status, _, problem) = app
        .call_full(
            Method::POST,
            "/api/v1/hearings",
            Some(&wendy),
            None,
            &[("content-type", "application/json")],
        )
        .await;
    assert_problem(status, &problem, StatusCode::BAD_REQUEST, None);
    let mut huge = good.clone();
    huge["outcome"] = json!("z".repeat(70 * 1024));
    let (status, problem) = app.post("/api/v1/hearings", &wendy, huge).await;
    assert_problem(status, &problem, StatusCode::PAYLOAD_TOO_LARGE, None);

    // Bad query parameters are problems too.
    let (status, problem) = app.get("/api/v1/hearings?per_page=1000", &wendy).await;
    assert_problem(
        status,
        &problem,
        StatusCode::UNPROCESSABLE_ENTITY,
        Some("per_page"),
    );
    let (status, problem) = app.get("/api/v1/hearings?from=yesterday", &wendy).await;
    assert_problem(
        status,
        &problem,
        StatusCode::UNPROCESSABLE_ENTITY,
        Some("query"),
    );

    // Nothing was written by any of it.
    assert_eq!(hearing_count(&app, &wendy).await, before);
    // And the good body still works.
    app.create("/api/v1/hearings", &wendy, good).await;
    assert_eq!(hearing_count(&app, &wendy).await, before + 1);
    app.stop().await;
}

#[actix_web::test]
async fn victim_and_case_rules() {
    let app = TestApp::spawn().await;
    let amara = app.login(AMARA).await;
    // A duplicate reference is a field error, not a 500, and writes nothing.
    let (status, problem) = app
        .post("/api/v1/victims", &amara, json!({"reference": "V-1001"}))
        .await;
    assert_problem(
        status,
        &problem,
        StatusCode::UNPROCESSABLE_ENTITY,
        Some("reference"),
    );
    let (status, problem) = app
        .post(
            "/api/v1/victims",
            &amara,
            json!({"reference": "V-9", "preferred_language": "fr"}),
        )
        .await;
    assert_problem(
        status,
        &problem,
        StatusCode::UNPROCESSABLE_ENTITY,
        Some("preferred_language"),
    );

    let victim = app
        .create("/api/v1/victims", &amara, json!({"reference": "V-9"}))
        .await;
    let victim_id = victim["id"].as_str().unwrap();
    // A criminal case needs a URN; a family case a case number.
    let (status, problem) = app
        .post(
            "/api/v1/cases",
            &amara,
            json!({"victim_id": victim_id, "kind": "criminal"}),
        )
        .await;
    assert_problem(
        status,
        &problem,
        StatusCode::UNPROCESSABLE_ENTITY,
        Some("urn"),
    );
    let (status, problem) = app
        .post(
            "/api/v1/cases",
            &amara,
            json!({"victim_id": victim_id, "kind": "family", "urn": "13AB1"}),
        )
        .await;
    assert_problem(
        status,
        &problem,
        StatusCode::UNPROCESSABLE_ENTITY,
        Some("case_number"),
    );
    // A witness care unit must be one.
    let court = app.court_id(&amara, "Leeds Combined Court Centre").await;
    let (status, problem) = app
        .post(
            "/api/v1/cases",
            &amara,
            json!({"victim_id": victim_id, "kind": "criminal", "urn": "13ZZ0000001", "witness_care_unit_id": court}),
        )
        .await;
    assert_problem(
        status,
        &problem,
        StatusCode::UNPROCESSABLE_ENTITY,
        Some("witness_care_unit_id"),
    );
    // Case keys are stored normalised.
    let case = app
        .create(
            "/api/v1/cases",
            &amara,
            json!({"victim_id": victim_id, "kind": "family", "case_number": " ls26p 00999 "}),
        )
        .await;
    assert_eq!(case["case_number"], "LS26P00999");
    app.stop().await;
}

//! Fuzz target through the running app: arbitrary query strings on every
//! list route the API serves answer 200, or a problem+json 4xx naming
//! what was wrong; never a 5xx and never another shape. The strings come
//! from a proptest strategy with a fixed seed; `QUERY_FUZZ_CASES`
//! (default 32 per route) sets how many.

use proptest::prelude::*;
use proptest::strategy::ValueTree;
use proptest::test_runner::{Config as ProptestConfig, RngSeed, TestRunner};
use reqwest::Method;

use crate::helpers::*;

fn query_string() -> impl Strategy<Value = String> {
    let name = prop_oneof![
        Just("page"),
        Just("per_page"),
        Just("case_id"),
        Just("victim_id"),
        Just("hearing_id"),
        Just("status"),
        Just("state"),
        Just("kind"),
        Just("template"),
        Just("from"),
        Just("to"),
        Just("format"),
        Just("role"),
        Just("court_id"),
    ]
    .prop_map(str::to_string);
    let value = prop_oneof![
        any::<i64>().prop_map(|n| n.to_string()),
        Just("99999999999999999999".to_string()),
        Just("0".to_string()),
        Just("-5".to_string()),
        Just("2026-13-45".to_string()),
        Just("%".to_string()),
        Just("%zz".to_string()),
        Just("%00".to_string()),
        Just("%C3%28".to_string()),
        "[a-zA-Z0-9_-]{0,12}",
        "[ -~]{0,12}".prop_map(|s| s.replace(['#', ' '], "+")),
    ];
    proptest::collection::vec(
        prop_oneof![
            5 => (name, value).prop_map(|(n, v)| format!("{n}={v}")),
            1 => "[a-z_]{1,8}=?[a-z0-9]{0,6}",
            1 => "[&=;+]{1,3}",
        ],
        0..5,
    )
    .prop_map(|parts| parts.join("&"))
}

#[actix_web::test]
async fn arbitrary_query_strings_get_200_or_a_problem_never_a_5xx() {
    let cases: usize = std::env::var("QUERY_FUZZ_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(32);
    let app = TestApp::spawn().await;
    let wendy = app.login(WENDY).await;
    let amara = app.login(AMARA).await;
    let mut runner = TestRunner::new(ProptestConfig {
        rng_seed: RngSeed::Fixed(0x0_9E27),
        ..ProptestConfig::default()
    });
    let strategy = query_string();
    let lists: Vec<String> = courtside::web::api::REGISTRY
        .routes
        .iter()
        .filter(|r| r.method == "get" && !r.path.contains('{'))
        .map(|r| r.path.clone())
        .collect();
    assert!(lists.len() >= 15, "{lists:?}");
    let mut answers = std::collections::BTreeMap::new();
    for route in &lists {
        for n in 0..cases {
            let query = strategy.new_tree(&mut runner).unwrap().current();
            let token = if n % 2 == 0 { &wendy } else { &amara };
            let path = format!("{route}?{query}");
            let (status, headers, body) = app
                .call_full(Method::GET, &path, Some(token), None, &[])
                .await;
            *answers.entry(status.as_u16()).or_insert(0) += 1;
            assert!(!status.is_server_error(), "GET {path}: {status} {body}");
            if !status.is_success() {
                assert!(status.is_client_error(), "GET {path}: {status} {body}");
                let kind = headers
                    .get("content-type")
                    .and_then(|v| v.to_str().ok())
                    .unwrap_or_default();
                assert!(
                    kind.starts_with("application/problem+json"),
                    "GET {path}: {status} as {kind}: {body}"
                );
                assert_eq!(body["status"], status.as_u16(), "GET {path}: {body}");
            }
        }
    }
    // Both outcomes happen, so neither check above is idle.
    assert!(answers.get(&200).is_some_and(|n| *n > 0), "{answers:?}");
    assert!(answers.keys().any(|s| *s >= 400), "{answers:?}");
    let registry = &courtside::web::api::REGISTRY.routes;
    eprintln!(
        "query fuzz: {} list routes x {cases} cases, answers by status {answers:?}; \
         the API serves {} operations, {} under the policy",
        lists.len(),
        registry.len(),
        registry.iter().filter(|r| r.kind.is_some()).count()
    );
    app.stop().await;
}

/// Found by the fuzz target above on PostgreSQL, which refuses a NUL in
/// any text value: `?victim_id=%00` answered 500. A NUL in a query, a
/// path, a JSON string or a form field is now refused up front.
#[actix_web::test]
async fn a_nul_character_anywhere_is_refused_as_bad_input() {
    let app = TestApp::spawn().await;
    let amara = app.login(AMARA).await;
    let (status, body) = app.get("/api/v1/cases?victim_id=%00", &amara).await;
    assert_problem(
        status,
        &body,
        reqwest::StatusCode::UNPROCESSABLE_ENTITY,
        Some("query"),
    );
    let (status, _) = app.get("/api/v1/cases/a%00b", &amara).await;
    assert_eq!(status, reqwest::StatusCode::NOT_FOUND);
    let (status, body) = app
        .post(
            "/api/v1/victims",
            &amara,
            serde_json::json!({"reference": "V-\u{0}1"}),
        )
        .await;
    assert_problem(
        status,
        &body,
        reqwest::StatusCode::UNPROCESSABLE_ENTITY,
        Some("reference"),
    );
    // Nothing was made.
    let (_, list) = app.get("/api/v1/victims?per_page=200", &amara).await;
    assert!(!list.to_string().contains("V-\\u0000"), "{list}");
    // A page with a NUL in its query gets the readable error page.
    let resp = reqwest::Client::new()
        .get(format!("{}/sign-in?next=%00", app.base))
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), reqwest::StatusCode::UNPROCESSABLE_ENTITY);
    assert!(resp
        .headers()
        .get("content-type")
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("text/html")));
    app.stop().await;
}

/// Replaces some string values of `doc` (chosen by `picks`) with `with`.
fn replace_strings(doc: &mut serde_json::Value, picks: &mut impl Iterator<Item = (bool, String)>) {
    use serde_json::Value;
    match doc {
        Value::String(s) => {
            if let Some((true, with)) = picks.next() {
                *s = with;
            }
        }
        Value::Array(items) => items.iter_mut().for_each(|v| replace_strings(v, picks)),
        Value::Object(fields) => fields.values_mut().for_each(|v| replace_strings(v, picks)),
        _ => {}
    }
}

/// Fuzz target for the court-list import through the app: our fixtures
/// with string values swapped for arbitrary text (NULs, controls, very
/// long, non-Latin), uploaded by a witness care officer. Every answer is
/// a success or a problem+json 4xx. `IMPORT_FUZZ_CASES` (default 12 per
/// fixture) sets how many.
#[actix_web::test]
async fn mutated_court_lists_are_imported_or_refused_never_a_5xx() {
    let cases: usize = std::env::var("IMPORT_FUZZ_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(12);
    let app = TestApp::spawn().await;
    let wendy = app.login(WENDY).await;
    let mut runner = TestRunner::new(ProptestConfig {
        rng_seed: RngSeed::Fixed(0x1_3907),
        ..ProptestConfig::default()
    });
    let text = prop_oneof![
        Just("\u{0}".to_string()),
        Just("a\u{0}b".to_string()),
        "\\PC{0,12}",
        ".{0,12}",
        "[\\x00-\\x1f]{1,4}",
        Just("x".repeat(5000)),
    ];
    let strategy = proptest::collection::vec((proptest::bool::weighted(0.15), text), 400);
    let dir = format!("{}/fixtures/court-lists", env!("CARGO_MANIFEST_DIR"));
    let mut names: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    names.sort();
    let mut answers = std::collections::BTreeMap::new();
    for path in &names {
        let original: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
        for _ in 0..cases {
            let picks = strategy.new_tree(&mut runner).unwrap().current();
            let mut doc = original.clone();
            replace_strings(&mut doc, &mut picks.into_iter());
            let (status, headers, body) = app
                .call_full(
                    Method::POST,
                    "/api/v1/court-lists",
                    Some(&wendy),
                    Some(doc),
                    &[],
                )
                .await;
            *answers.entry(status.as_u16()).or_insert(0) += 1;
            assert!(
                status.is_success() || status.is_client_error(),
                "{}: {status} {body}",
                path.display()
            );
            if status.is_client_error() {
                let kind = headers
                    .get("content-type")
                    .and_then(|v| v.to_str().ok())
                    .unwrap_or_default();
                assert!(kind.starts_with("application/problem+json"), "{kind}");
            }
        }
    }
    assert!(answers.keys().any(|s| *s >= 400), "{answers:?}");
    eprintln!(
        "import fuzz: {} lists x {cases} cases, answers by status {answers:?}",
        names.len()
    );
    app.stop().await;
}

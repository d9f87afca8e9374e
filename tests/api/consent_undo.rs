//! `POST /api/v1/consents/{id}/undo-withdrawal`: the API twin of the
//! page's undo, with the same 10-minute window.

use chrono::Duration;
use reqwest::{Method, StatusCode};

use crate::helpers::*;

#[actix_web::test]
async fn a_withdrawal_is_undone_through_the_api_within_the_window_and_not_after() {
    let app = TestApp::spawn().await;
    let ben = app.login(BEN).await;
    let (victim, consent) = court_dates_consent(&app, &ben).await;
    let id = consent["id"].as_str().unwrap().to_string();
    let undo = format!("/api/v1/consents/{id}/undo-withdrawal");

    // Not withdrawn: nothing to undo.
    let (status, body) = app.call(Method::POST, &undo, Some(&ben), None).await;
    assert_problem(status, &body, StatusCode::CONFLICT, None);
    assert!(
        body["detail"].as_str().unwrap().contains("not withdrawn"),
        "{body}"
    );

    withdraw_consent(&app, &ben, &victim, &consent).await;

    // Five minutes later: undone, recorded again from now.
    app.clock.set(test_now() + Duration::minutes(5));
    let (status, body) = app.call(Method::POST, &undo, Some(&ben), None).await;
    assert_eq!(status, StatusCode::CREATED, "{body}");
    assert_eq!(body["consent"]["scope"], "court_dates_to_supporter");
    assert!(body["consent"]["withdrawn_at"].is_null());
    assert_ne!(body["consent"]["id"], id.as_str(), "a new consent record");
    assert!(body["notices_planned_again"].is_u64());
    let (_, consents) = app
        .get(&format!("/api/v1/consents?victim_id={victim}"), &ben)
        .await;
    let active = consents["items"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|c| c["scope"] == "court_dates_to_supporter" && c["withdrawn_at"].is_null())
        .count();
    assert_eq!(active, 1, "{consents}");

    // A second undo: already in force.
    let (status, body) = app.call(Method::POST, &undo, Some(&ben), None).await;
    assert_problem(status, &body, StatusCode::CONFLICT, None);
    assert!(
        body["detail"]
            .as_str()
            .unwrap()
            .contains("already in force"),
        "{body}"
    );
    app.stop().await;
}

#[actix_web::test]
async fn after_the_window_the_undo_is_refused_in_words_and_nothing_is_recorded() {
    let app = TestApp::spawn().await;
    let ben = app.login(BEN).await;
    let (victim, consent) = court_dates_consent(&app, &ben).await;
    let id = consent["id"].as_str().unwrap().to_string();
    withdraw_consent(&app, &ben, &victim, &consent).await;
    app.clock
        .set(test_now() + Duration::minutes(courtside::app::consents::UNDO_MINUTES + 1));
    let (status, body) = app
        .call(
            Method::POST,
            &format!("/api/v1/consents/{id}/undo-withdrawal"),
            Some(&ben),
            None,
        )
        .await;
    assert_problem(status, &body, StatusCode::CONFLICT, None);
    assert!(
        body["detail"]
            .as_str()
            .unwrap()
            .contains("record a new consent"),
        "{body}"
    );
    let (_, consents) = app
        .get(&format!("/api/v1/consents?victim_id={victim}"), &ben)
        .await;
    assert!(
        !consents["items"]
            .as_array()
            .unwrap()
            .iter()
            .any(|c| c["scope"] == "court_dates_to_supporter" && c["withdrawn_at"].is_null()),
        "{consents}"
    );
    app.stop().await;
}

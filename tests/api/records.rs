//! Every record type through HTTP: create, read, list, update.

use reqwest::StatusCode;
use serde_json::json;

use crate::helpers::*;

#[actix_web::test]
async fn courts_directory() {
    let app = TestApp::spawn().await;
    let amara = app.login(AMARA).await;
    let (status, list) = app.get("/api/v1/courts?per_page=200", &amara).await;
    assert_eq!(status, StatusCode::OK);
    assert!(
        list["total"].as_i64().unwrap() >= 30,
        "at least 30 real courts: {}",
        list["total"]
    );
    for kind in ["crown", "magistrates", "family", "combined"] {
        let (_, some) = app
            .get(&format!("/api/v1/courts?kind={kind}"), &amara)
            .await;
        assert!(some["total"].as_i64().unwrap() > 0, "{kind}");
        assert!(some["items"]
            .as_array()
            .unwrap()
            .iter()
            .all(|c| c["kind"] == kind));
    }
    let (_, wales) = app.get("/api/v1/courts?q=Cardiff", &amara).await;
    assert!(wales["items"]
        .as_array()
        .unwrap()
        .iter()
        .all(|c| c["nation"] == "wales"));
    // Paging.
    let (_, page2) = app.get("/api/v1/courts?page=2&per_page=10", &amara).await;
    assert_eq!(page2["page"], 2);
    assert_eq!(page2["items"].as_array().unwrap().len(), 10);

    let admin = app.login(ADMIN).await;
    let id = app.court_id(&admin, "Mold Crown Court").await;
    let (status, court) = app.get(&format!("/api/v1/courts/{id}"), &admin).await;
    assert_eq!(status, StatusCode::OK);
    let (status, changed) = app
        .put(
            &format!("/api/v1/courts/{id}"),
            &admin,
            court["version"].as_i64().unwrap(),
            json!({"name": "Mold Crown Court", "kind": "crown", "town": "Mold", "nation": "wales", "crown_court_code": "474"}),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{changed}");
    assert_eq!(changed["crown_court_code"], "474");
    app.stop().await;
}

#[actix_web::test]
async fn victim_case_hearing_lifecycle() {
    let app = TestApp::spawn().await;
    let amara = app.login(AMARA).await;
    let victim = app
        .create(
            "/api/v1/victims",
            &amara,
            json!({"reference": "V-3001", "is_child": false}),
        )
        .await;
    let victim_id = victim["id"].as_str().unwrap().to_string();
    assert_eq!(victim["enhanced_rights"], true);
    assert_eq!(victim["preferred_language"], "en");
    // The creating supporter is now assigned and can read it.
    let (status, _) = app
        .get(&format!("/api/v1/victims/{victim_id}"), &amara)
        .await;
    assert_eq!(status, StatusCode::OK);

    let details = app
        .create(
            "/api/v1/victim-details",
            &amara,
            json!({"victim_id": victim_id, "full_name": "Test Person", "phone": "07700 900123",
                   "address": "1 Test Lane", "safe_channels": ["phone", "email"],
                   "safe_to_leave_voicemail": false}),
        )
        .await;
    assert_eq!(details["safe_channels"], json!(["phone", "email"]));
    // The pseudonymous record never carries the sensitive fields.
    let (_, plain) = app
        .get(&format!("/api/v1/victims/{victim_id}"), &amara)
        .await;
    assert!(plain.get("full_name").is_none() && plain.get("address").is_none());
    let (status, problem) = app
        .post(
            "/api/v1/victim-details",
            &amara,
            json!({"victim_id": victim_id, "full_name": "Again"}),
        )
        .await;
    assert_problem(status, &problem, StatusCode::CONFLICT, None);
    let (status, changed) = app
        .put(
            &format!("/api/v1/victim-details/{victim_id}"),
            &amara,
            1,
            json!({"victim_id": victim_id, "full_name": "Test Person", "phone": "07700 900456"}),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{changed}");
    assert_eq!(changed["phone"], "07700 900456");
    assert_eq!(changed["version"], 2);

    let court = app.court_id(&amara, "Bradford Combined Court Centre").await;
    let case = app
        .create(
            "/api/v1/cases",
            &amara,
            json!({"victim_id": victim_id, "kind": "family", "case_number": "BD26P00001", "court_id": court}),
        )
        .await;
    let case_id = case["id"].as_str().unwrap().to_string();
    let (_, cases) = app
        .get(&format!("/api/v1/cases?victim_id={victim_id}"), &amara)
        .await;
    assert_eq!(cases["total"], 1);

    let hearing = app
        .create(
            "/api/v1/hearings",
            &amara,
            json!({"case_id": case_id, "kind": "first_hearing_dispute_resolution", "court_id": court,
                   "starts_at": "2026-04-14T10:00:00+01:00", "estimated_minutes": 90,
                   "victim_attends": true}),
        )
        .await;
    assert_eq!(hearing["status"], "listed");
    let path = format!("/api/v1/hearings/{}", hearing["id"].as_str().unwrap());
    let (status, concluded) = app
        .put(
            &path,
            &amara,
            1,
            json!({"case_id": case_id, "kind": "first_hearing_dispute_resolution", "court_id": court,
                   "starts_at": "2026-04-14T10:00:00+01:00", "estimated_minutes": 90,
                   "victim_attends": true, "status": "concluded", "outcome": "Adjourned to a DRA"}),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{concluded}");
    assert_eq!(concluded["status"], "concluded");
    let (_, list) = app
        .get(&format!("/api/v1/hearings?case_id={case_id}"), &amara)
        .await;
    assert_eq!(list["total"], 1);
    app.stop().await;
}

//! The flows wired to the records: a change and its planned notices,
//! tasks and deadlines are stored together; a move cancels what hung on the
//! old slot and tells those who knew it.

use reqwest::StatusCode;
use serde_json::{json, Value};

use crate::helpers::*;

fn items(list: &Value) -> Vec<Value> {
    list["items"].as_array().cloned().unwrap_or_default()
}

fn by_template<'a>(notices: &'a [Value], template: &str) -> Vec<&'a Value> {
    notices
        .iter()
        .filter(|n| n["template"] == template)
        .collect()
}

#[actix_web::test]
async fn listing_moving_and_vacating_a_hearing_plans_and_replans() {
    let app = TestApp::spawn().await;
    let wendy = app.login(WENDY).await;
    let ben = app.login(BEN).await;
    // V-1002: supported by Ben, not SPOC, consented to court dates.
    let case = app
        .find_id("/api/v1/cases", &wendy, "urn", "13CD7654321")
        .await;
    let court = app.court_id(&wendy, "Leeds Combined Court Centre").await;
    // Listed on Friday 20 March 2026 (the test clock).
    let body = json!({"case_id": case, "kind": "mention", "court_id": court,
                      "starts_at": "2026-04-20T10:00:00+01:00", "estimated_minutes": 60,
                      "victim_attends": true});
    let hearing = app.create("/api/v1/hearings", &wendy, body.clone()).await;
    let id = hearing["id"].as_str().unwrap().to_string();

    let (status, list) = app
        .get(&format!("/api/v1/notices?hearing_id={id}"), &wendy)
        .await;
    assert_eq!(status, StatusCode::OK, "{list}");
    let notices = items(&list);
    let to_victim = by_template(&notices, "hearing.details.victim");
    let to_supporter = by_template(&notices, "hearing.details.supporter");
    assert_eq!(to_victim.len(), 1, "the victim is told: {list}");
    assert_eq!(
        to_supporter.len(),
        1,
        "the supporter is told, with consent: {list}"
    );
    assert_eq!(to_supporter[0]["state"], "pending");
    assert_eq!(to_supporter[0]["basis"]["kind"], "consent");
    assert_eq!(
        to_supporter[0]["basis"]["scope"],
        "court_dates_to_supporter"
    );
    assert_eq!(
        to_supporter[0]["data"]["hearing_time"], "10:00",
        "court-local time"
    );
    // No notice data ever carries an address or phone number.
    for n in &notices {
        let data = n["data"].to_string().to_lowercase();
        assert!(
            !data.contains("address") || n["template"] == "criminal.advisor_notice",
            "{n}"
        );
        assert!(!data.contains("phone"), "{n}");
    }

    // The supporter sees the same notices about her victim.
    let (status, theirs) = app
        .get(&format!("/api/v1/notices?hearing_id={id}"), &ben)
        .await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(theirs["total"], list["total"]);

    // Moving the hearing cancels what was pending for the old slot and
    // plans change notices for those told of it.
    let mut moved = body.clone();
    moved["starts_at"] = json!("2026-04-27T10:00:00+01:00");
    let (status, out) = app
        .put(&format!("/api/v1/hearings/{id}"), &wendy, 1, moved.clone())
        .await;
    assert_eq!(status, StatusCode::OK, "{out}");
    let (_, after) = app
        .get(
            &format!("/api/v1/notices?hearing_id={id}&per_page=200"),
            &wendy,
        )
        .await;
    let after = items(&after);
    let old_victim = after
        .iter()
        .find(|n| n["id"] == to_victim[0]["id"])
        .unwrap();
    assert_eq!(old_victim["state"], "cancelled", "{old_victim}");
    assert!(
        !by_template(&after, "hearing.change.victim").is_empty(),
        "victim told of the move"
    );
    assert!(
        !by_template(&after, "hearing.change.supporter").is_empty(),
        "supporter told of the move"
    );

    // Saving the same hearing again plans nothing new.
    let count = after.len();
    let (status, _) = app
        .put(&format!("/api/v1/hearings/{id}"), &wendy, 2, moved.clone())
        .await;
    assert_eq!(status, StatusCode::OK);
    let (_, again) = app
        .get(
            &format!("/api/v1/notices?hearing_id={id}&per_page=200"),
            &wendy,
        )
        .await;
    assert_eq!(items(&again).len(), count, "idempotent");

    // Vacating it cancels what hung on the new slot.
    let mut vacated = moved.clone();
    vacated["status"] = json!("vacated");
    let (status, _) = app
        .put(&format!("/api/v1/hearings/{id}"), &wendy, 3, vacated)
        .await;
    assert_eq!(status, StatusCode::OK);
    let (_, last) = app
        .get(
            &format!("/api/v1/notices?hearing_id={id}&per_page=200"),
            &wendy,
        )
        .await;
    let last = items(&last);
    let pending_details: Vec<_> = last
        .iter()
        .filter(|n| {
            n["state"] == "pending"
                && n["template"]
                    .as_str()
                    .unwrap()
                    .starts_with("hearing.details")
        })
        .collect();
    assert!(
        pending_details.is_empty(),
        "nothing pending for a vacated hearing: {pending_details:?}"
    );
    app.stop().await;
}

#[actix_web::test]
async fn with_a_spoc_the_update_goes_through_the_supporter() {
    let app = TestApp::spawn().await;
    let wendy = app.login(WENDY).await;
    // V-1001 chose Amara as single point of contact.
    let case = app
        .find_id("/api/v1/cases", &wendy, "urn", "13AB1234526")
        .await;
    let court = app.court_id(&wendy, "Leeds Combined Court Centre").await;
    let hearing = app
        .create(
            "/api/v1/hearings",
            &wendy,
            json!({"case_id": case, "kind": "mention", "court_id": court,
                   "starts_at": "2026-04-20T10:00:00+01:00", "estimated_minutes": 60}),
        )
        .await;
    let (_, list) = app
        .get(
            &format!(
                "/api/v1/notices?hearing_id={}",
                hearing["id"].as_str().unwrap()
            ),
            &wendy,
        )
        .await;
    let notices = items(&list);
    assert!(
        by_template(&notices, "hearing.details.victim").is_empty(),
        "not direct: {list}"
    );
    let via = by_template(&notices, "hearing.details.supporter");
    assert_eq!(via.len(), 1, "{list}");
    assert_eq!(via[0]["basis"]["kind"], "spoc_agreement");
    assert_eq!(via[0]["data"]["relay_to_victim"], true);
    app.stop().await;
}

#[actix_web::test]
async fn managers_see_notices_without_their_data() {
    let app = TestApp::spawn().await;
    let wendy = app.login(WENDY).await;
    let case = app
        .find_id("/api/v1/cases", &wendy, "urn", "13AB1234526")
        .await;
    let court = app.court_id(&wendy, "Leeds Combined Court Centre").await;
    app.create(
        "/api/v1/hearings",
        &wendy,
        json!({"case_id": case, "kind": "mention", "court_id": court,
               "starts_at": "2026-04-20T10:00:00+01:00", "estimated_minutes": 60}),
    )
    .await;
    let maya = app.login(MAYA).await;
    let (status, list) = app.get("/api/v1/notices", &maya).await;
    assert_eq!(status, StatusCode::OK);
    assert!(!items(&list).is_empty());
    assert!(items(&list).iter().all(|n| n["data"].is_null()), "{list}");
    // Nobody creates notices by hand.
    let (status, _) = app.post("/api/v1/notices", &wendy, json!({})).await;
    assert_eq!(status, StatusCode::METHOD_NOT_ALLOWED);
    app.stop().await;
}

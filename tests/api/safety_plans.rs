//! The safety plan for the court day (issue 19, item 2), on whichever
//! backend the suite runs on: the supporter records, changes and
//! withdraws it; the Witness Service at the court reads it (audited) and
//! marks it agreed, only under the victim's consent or single point of
//! contact agreement; nobody else reads it; its text is sealed at rest,
//! kept out of the audit log, and out of every notice about the hearing.
//!
//! Store checks: the plan's text is read from the store to show it is
//! sealed at rest, and key rotation runs on a connection.

use courtside::store::schema::safety_plans;
use diesel::prelude::*;
use reqwest::{Method, StatusCode};
use serde_json::{json, Value};

use crate::helpers::*;

/// Distinctive text, to look for where it must not be.
const ENTRANCE: &str = "Side door on Quillfeather Row";
const AVOID: &str =
    "Her ex-partner's brother Zebedee attends: leave 20 minutes after the court rises";

fn plan_body() -> Value {
    json!({
        "entrance": ENTRANCE,
        "exit": "The same side door",
        "waiting_area": "Witness Service room 2, first floor",
        "met_by": "Jo, Witness Service volunteer",
        "meet_at": "2026-03-27T09:15:00+00:00",
        "meet_place": "The bus stop outside the side door",
        "avoid_family": AVOID,
    })
}

async fn referral_consent(app: &TestApp, token: &str, victim: &str) -> Value {
    app.create(
        "/api/v1/consents",
        token,
        json!({"victim_id": victim, "scope": "witness_service_referral",
               "given_at": "2026-03-20T11:00:00Z"}),
    )
    .await
}

fn plan_audit(export: &Value) -> Vec<(Value, Value, Value, bool)> {
    export["audit"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|a| a["entity"] == "safety_plans")
        .map(|a| {
            (
                a["action"].clone(),
                a["category"].clone(),
                a["basis"].clone(),
                a["recipient"].is_string(),
            )
        })
        .collect()
}

#[actix_web::test]
async fn the_supporter_keeps_the_plan_and_the_witness_service_reads_it_only_under_her_consent() {
    let app = TestApp::spawn().await;
    let wendy = app.login(WENDY).await;
    let ben = app.login(BEN).await;
    let wes = app.login(WES).await;
    let trial = leeds_trial(&app, &wendy).await.1;
    let victim = app
        .find_id("/api/v1/victims", &ben, "reference", "V-1002")
        .await;
    let path = format!("/api/v1/hearings/{trial}/safety-plan");

    // Recorded without a basis: kept to the supporter's service.
    let (status, headers, plan) = app
        .call_full(Method::POST, &path, Some(&ben), Some(plan_body()), &[])
        .await;
    assert_eq!(status, StatusCode::CREATED, "{plan}");
    assert_eq!(headers.get("etag").unwrap(), "\"1\"");
    assert_eq!(plan["entrance"], ENTRANCE);
    assert_eq!(plan["victim_id"], victim.as_str());
    assert_eq!(plan["meet_at"], "2026-03-27T09:15:00Z");
    assert_eq!(plan["meet_at_local"], "2026-03-27T09:15:00+00:00");
    assert_eq!(plan["may_email"], false);
    assert_eq!(plan["agreed"], false);
    assert!(plan["basis"].is_null(), "{plan}");

    // The text is sealed at rest.
    {
        let mut conn = app.pool.get().unwrap();
        let stored: String = safety_plans::table
            .filter(safety_plans::hearing_id.eq(&trial))
            .select(safety_plans::details)
            .first(&mut *conn)
            .unwrap();
        assert!(!stored.contains("Quillfeather"), "{stored}");
        assert!(!stored.contains("Zebedee"), "{stored}");
    }

    // One plan per hearing; refusals each name the field.
    let (status, out) = app.post(&path, &ben, plan_body()).await;
    assert_problem(status, &out, StatusCode::CONFLICT, None);
    let mut refused: Vec<(Value, Option<&str>)> = Vec::new();
    let mut no_entrance = plan_body();
    no_entrance["entrance"] = json!("  ");
    refused.push((no_entrance, Some("entrance")));
    let mut day_before = plan_body();
    day_before["meet_at"] = json!("2026-03-26T09:15:00+00:00");
    refused.push((day_before, Some("meet_at")));
    let mut agreed_later = plan_body();
    agreed_later["agreed_at"] = json!("2026-03-21T09:00:00+00:00");
    refused.push((agreed_later, Some("agreed_at")));
    let mut not_referral = plan_body();
    let other = app
        .create(
            "/api/v1/consents",
            &ben,
            json!({"victim_id": victim, "scope": "court_dates_to_supporter",
                   "given_at": "2026-03-20T11:00:00Z"}),
        )
        .await;
    not_referral["consent_id"] = other["id"].clone();
    refused.push((not_referral, Some("consent_id")));
    let mut no_spoc = plan_body();
    no_spoc["spoc_agreement"] = json!(true);
    refused.push((no_spoc, Some("spoc_agreement")));
    for (body, field) in refused {
        let (status, out) = app.put(&path, &ben, 1, body.clone()).await;
        assert_problem(status, &out, StatusCode::UNPROCESSABLE_ENTITY, field);
    }
    let (status, _, out) = app
        .call_full(Method::PUT, &path, Some(&ben), Some(plan_body()), &[])
        .await;
    assert_problem(status, &out, StatusCode::PRECONDITION_REQUIRED, None);
    let (status, out) = app.put(&path, &ben, 7, plan_body()).await;
    assert_problem(status, &out, StatusCode::PRECONDITION_FAILED, None);

    // Nobody else reads it: the Witness Service not without a basis, a
    // supporter who does not handle her, and roles with no part in it.
    let (status, out) = app.get(&path, &wes).await;
    assert_problem(status, &out, StatusCode::NOT_FOUND, None);
    let amara = app.login(AMARA).await;
    let (status, out) = app.get(&path, &amara).await;
    assert_problem(status, &out, StatusCode::NOT_FOUND, None);
    let (status, out) = app.put(&path, &amara, 1, plan_body()).await;
    assert_problem(status, &out, StatusCode::NOT_FOUND, None);
    for who in [WENDY, MAYA, CORA, VICTOR, ADMIN] {
        let token = app.login(who).await;
        let (status, out) = app.get(&path, &token).await;
        assert_problem(status, &out, StatusCode::FORBIDDEN, None);
    }
    let (status, out) = app.post(&path, &wes, plan_body()).await;
    assert_problem(status, &out, StatusCode::FORBIDDEN, None);

    // With her Witness Service referral consent, the service reads it.
    let consent = referral_consent(&app, &ben, &victim).await;
    let mut body = plan_body();
    body["consent_id"] = consent["id"].clone();
    let (status, plan) = app.put(&path, &ben, 1, body).await;
    assert_eq!(status, StatusCode::OK, "{plan}");
    assert_eq!(plan["version"], 2);
    assert_eq!(plan["basis"], "consent");
    let (status, seen) = app.get(&path, &wes).await;
    assert_eq!(status, StatusCode::OK, "{seen}");
    assert_eq!(seen["avoid_family"], AVOID);
    // On the supporter's agenda for the week of the trial; on nobody
    // else's.
    let (status, week) = app.get("/api/v1/agenda?from=2026-03-23", &ben).await;
    assert_eq!(status, StatusCode::OK, "{week}");
    let plans = week["safety_plans"].as_array().unwrap();
    assert_eq!(plans.len(), 1, "{week}");
    assert_eq!(plans[0]["hearing_id"], trial.as_str());
    assert_eq!(plans[0]["entrance"], ENTRANCE);
    let (status, week) = app.get("/api/v1/agenda?from=2026-03-23", &wendy).await;
    assert_eq!(status, StatusCode::OK, "{week}");
    assert_eq!(week["safety_plans"], json!([]));

    // The service marks it agreed, once.
    let agreement = format!("{path}/agreement");
    let (status, agreed) = app.post(&agreement, &wes, json!({})).await;
    assert_eq!(status, StatusCode::CREATED, "{agreed}");
    assert_eq!(agreed["agreed"], true);
    assert_eq!(agreed["agreed_by_witness_service"], true);
    assert_eq!(agreed["agreed_at"], "2026-03-20T12:00:00Z");
    assert_eq!(agreed["agreed_with"], "Demo Witness Service Leeds");
    let (status, out) = app.post(&agreement, &wes, json!({})).await;
    assert_problem(status, &out, StatusCode::CONFLICT, None);
    let (status, out) = app.post(&agreement, &ben, json!({})).await;
    assert_problem(status, &out, StatusCode::FORBIDDEN, None);
    // A change that keeps the agreement keeps the service's mark.
    let mut body = plan_body();
    body["consent_id"] = consent["id"].clone();
    body["agreed_at"] = agreed["agreed_at"].clone();
    body["exit"] = json!("The back door onto the car park");
    let (status, plan) = app.put(&path, &ben, 3, body).await;
    assert_eq!(status, StatusCode::OK, "{plan}");
    assert_eq!(plan["agreed_by_witness_service"], true, "{plan}");
    assert_eq!(plan["agreed_with"], "Demo Witness Service Leeds");

    // Her consent withdrawn: the service reads it no more, at once.
    let (status, out) = app
        .put(
            &format!("/api/v1/consents/{}", consent["id"].as_str().unwrap()),
            &ben,
            consent["version"].as_i64().unwrap(),
            json!({"victim_id": victim, "scope": "witness_service_referral",
                   "given_at": consent["given_at"], "withdrawn_at": "2026-03-20T12:00:00Z"}),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{out}");
    let (status, out) = app.get(&path, &wes).await;
    assert_problem(status, &out, StatusCode::NOT_FOUND, None);

    // Withdrawn: gone; withdrawing again is not found.
    let (status, _, out) = app
        .call_full(Method::DELETE, &path, Some(&ben), None, &[])
        .await;
    assert_eq!(status, StatusCode::NO_CONTENT, "{out}");
    let (status, out) = app.get(&path, &ben).await;
    assert_problem(status, &out, StatusCode::NOT_FOUND, None);
    let (status, _, out) = app
        .call_full(Method::DELETE, &path, Some(&ben), None, &[])
        .await;
    assert_eq!(status, StatusCode::NOT_FOUND, "{out}");
    // A new plan may be recorded after a withdrawal.
    let (status, out) = app.post(&path, &ben, plan_body()).await;
    assert_eq!(status, StatusCode::CREATED, "{out}");

    // Every write audited, and the service's read as a disclosure to it;
    // never the plan's text.
    let (status, export) = app
        .get(&format!("/api/v1/victims/{victim}/export"), &ben)
        .await;
    assert_eq!(status, StatusCode::OK, "{export}");
    let consent_basis = json!("consent:witness_service_referral");
    assert_eq!(
        plan_audit(&export),
        [
            (json!("create"), json!("safety_plan"), Value::Null, false),
            (
                json!("update"),
                json!("safety_plan"),
                consent_basis.clone(),
                false
            ),
            (
                json!("read_sensitive"),
                json!("safety_plan"),
                consent_basis.clone(),
                true
            ),
            (
                json!("update"),
                json!("safety_plan_agreed"),
                consent_basis.clone(),
                true
            ),
            (
                json!("update"),
                json!("safety_plan"),
                consent_basis.clone(),
                false
            ),
            (
                json!("update"),
                json!("safety_plan_withdrawn"),
                consent_basis,
                false
            ),
            (json!("create"), json!("safety_plan"), Value::Null, false),
        ],
        "{}",
        export["audit"]
    );
    // Her export holds both plans, the withdrawn one marked so.
    let plans = export["safety_plans"].as_array().unwrap();
    assert_eq!(plans.len(), 2, "{plans:?}");
    // (Both recorded at the test clock's one instant: in either order.)
    let withdrawn = plans
        .iter()
        .filter(|p| p["withdrawn_at"].is_string())
        .count();
    assert_eq!(withdrawn, 1, "{plans:?}");
    assert!(plans.iter().all(|p| p["entrance"] == ENTRANCE), "{plans:?}");
    let audit = export["audit"].to_string();
    for text in ["Quillfeather", "Zebedee", "volunteer", "bus stop"] {
        assert!(!audit.contains(text), "{text}: {audit}");
    }
    app.stop().await;
}

/// Her single point of contact agreement is a basis too; the service at
/// another court never reads the plan.
#[actix_web::test]
async fn a_single_point_of_contact_agreement_is_a_basis_and_the_court_must_be_the_services() {
    let app = TestApp::spawn().await;
    let amara = app.login(AMARA).await;
    let wes = app.login(WES).await;
    let ben = app.login(BEN).await;
    // V-1001 chose Amara as her single point of contact; her case's
    // plea and trial preparation hearing is at Leeds Combined.
    let victim = app
        .find_id("/api/v1/victims", &amara, "reference", "V-1001")
        .await;
    let case = app
        .find_id("/api/v1/cases", &amara, "victim_id", &victim)
        .await;
    let (_, hearings) = app
        .get(&format!("/api/v1/hearings?case_id={case}"), &amara)
        .await;
    let ptph = hearings["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|h| h["kind"] == "plea_and_trial_preparation")
        .expect("the demo's hearing")
        .clone();
    let path = format!(
        "/api/v1/hearings/{}/safety-plan",
        ptph["id"].as_str().unwrap()
    );
    let mut body = plan_body();
    body.as_object_mut().unwrap().remove("meet_at");
    body["spoc_agreement"] = json!(true);
    let (status, plan) = app.post(&path, &amara, body).await;
    assert_eq!(status, StatusCode::CREATED, "{plan}");
    assert_eq!(plan["basis"], "spoc_agreement");
    let (status, seen) = app.get(&path, &wes).await;
    assert_eq!(status, StatusCode::OK, "{seen}");

    // V-1002's demo trial is at Leeds Magistrates' Court: with her consent
    // the Leeds Combined service still does not read it.
    let victim = app
        .find_id("/api/v1/victims", &ben, "reference", "V-1002")
        .await;
    let consent = referral_consent(&app, &ben, &victim).await;
    let case = app
        .find_id("/api/v1/cases", &ben, "urn", "13CD7654321")
        .await;
    let (_, hearings) = app
        .get(&format!("/api/v1/hearings?case_id={case}"), &ben)
        .await;
    let trial = hearings["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|h| h["kind"] == "trial")
        .expect("the demo's trial")
        .clone();
    let path = format!(
        "/api/v1/hearings/{}/safety-plan",
        trial["id"].as_str().unwrap()
    );
    let mut body = plan_body();
    body.as_object_mut().unwrap().remove("meet_at");
    body["consent_id"] = consent["id"].clone();
    let (status, out) = app.post(&path, &ben, body).await;
    assert_eq!(status, StatusCode::CREATED, "{out}");
    let (status, out) = app.get(&path, &wes).await;
    assert_problem(status, &out, StatusCode::NOT_FOUND, None);
    let (status, out) = app
        .post(&format!("{path}/agreement"), &wes, json!({}))
        .await;
    assert_problem(status, &out, StatusCode::NOT_FOUND, None);
    app.stop().await;
}

/// The plan is never written in a notice: every notice about the hearing,
/// rendered, and every email sent up to and through the hearing day
/// (requests to the partners, the supporter's reminders and digests)
/// carries none of its text while the victim has not agreed to email.
#[actix_web::test]
async fn no_notice_about_the_hearing_carries_the_plan() {
    let app = TestApp::spawn().await;
    let mailer = crate::delivery::RecordingMailer::default();
    let wendy = app.login(WENDY).await;
    let ben = app.login(BEN).await;
    let ben_id = app.user_id(&ben).await;
    let trial = leeds_trial(&app, &wendy).await.1;
    let victim = app
        .give_consents(&ben, "V-1002", &["identify_supporter_to_court"])
        .await;
    let consent = referral_consent(&app, &ben, &victim).await;
    let mut body = plan_body();
    body["consent_id"] = consent["id"].clone();
    body["may_email"] = json!(false);
    let (status, plan) = app
        .post(&format!("/api/v1/hearings/{trial}/safety-plan"), &ben, body)
        .await;
    assert_eq!(status, StatusCode::CREATED, "{plan}");

    // Ben asks to accompany her; the officer tells the unit; the requests
    // go to the prosecutor and the Witness Service.
    let request = app
        .create(
            "/api/v1/attendance-requests",
            &ben,
            json!({"hearing_id": trial, "supporter_id": ben_id}),
        )
        .await;
    let (status, out) = app
        .put(
            &format!(
                "/api/v1/attendance-requests/{}",
                request["id"].as_str().unwrap()
            ),
            &wendy,
            1,
            json!({"hearing_id": trial, "supporter_id": ben_id, "state": "wcu_informed"}),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{out}");
    app.run_due(&mailer);
    // Through the days before the trial and the trial day itself.
    for at in [
        "2026-03-24T08:00:00Z",
        "2026-03-26T08:00:00Z",
        "2026-03-27T07:00:00Z",
        "2026-03-27T09:00:00Z",
        "2026-03-27T16:00:00Z",
    ] {
        app.advance_to(at.parse().unwrap(), &mailer);
    }
    // Sessions lapse over the days: sign in again.
    let wendy = app.login(WENDY).await;
    let ben = app.login(BEN).await;

    let (status, list) = app
        .get(
            &format!("/api/v1/notices?hearing_id={trial}&per_page=200"),
            &wendy,
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{list}");
    let notices = list["items"].as_array().unwrap().clone();
    let templates: Vec<&str> = notices
        .iter()
        .filter_map(|n| n["template"].as_str())
        .collect();
    assert!(
        templates.contains(&"criminal.witness_service_request"),
        "{templates:?}"
    );
    let texts = [
        ENTRANCE,
        "Quillfeather",
        "Zebedee",
        "Witness Service room 2",
        "Jo, Witness Service volunteer",
        "bus stop",
    ];
    let mut rendered = 0;
    for n in &notices {
        let id = n["id"].as_str().unwrap();
        assert!(!n.to_string().contains("Quillfeather"), "{n}");
        for token in [&wendy, &ben] {
            for format in ["text", "html", "json"] {
                let (status, _, out) = app
                    .call_full(
                        Method::GET,
                        &format!("/api/v1/notices/{id}/rendered?format={format}"),
                        Some(token),
                        None,
                        &[],
                    )
                    .await;
                if status != StatusCode::OK {
                    continue;
                }
                rendered += 1;
                let out = out.to_string();
                for text in texts {
                    assert!(!out.contains(text), "{text} in notice {id}: {out}");
                }
            }
        }
    }
    assert!(rendered > 0, "no notice rendered");
    let emails = mailer.sent.lock().unwrap().clone();
    assert!(
        emails
            .iter()
            .any(|e| e.to == "leeds@witness-service.example"),
        "{emails:?}"
    );
    assert!(emails.iter().any(|e| e.to == BEN), "{emails:?}");
    for e in &emails {
        for text in texts {
            assert!(
                !e.subject.contains(text) && !e.body.contains(text),
                "{text} in an email to {}: {}",
                e.to,
                e.body
            );
        }
    }
    app.assert_nothing_due();
    app.stop().await;
}

/// Rotating the field keys re-seals the plans too, and they still read.
#[actix_web::test]
async fn rotating_the_field_keys_reseals_the_plans() {
    let app = TestApp::spawn().await;
    let wendy = app.login(WENDY).await;
    let ben = app.login(BEN).await;
    let trial = leeds_trial(&app, &wendy).await.1;
    let path = format!("/api/v1/hearings/{trial}/safety-plan");
    let (status, out) = app.post(&path, &ben, plan_body()).await;
    assert_eq!(status, StatusCode::CREATED, "{out}");
    let stored = |app: &TestApp| -> String {
        safety_plans::table
            .filter(safety_plans::hearing_id.eq(&trial))
            .select(safety_plans::details)
            .first(&mut *app.pool.get().unwrap())
            .unwrap()
    };
    let before = stored(&app);
    let (id, rewritten) = rotate_field_keys(&app, "sp");
    assert!(rewritten >= 1);
    let after = stored(&app);
    assert_ne!(before, after);
    assert!(after.starts_with(&format!("v1:{id}:")), "{after}");
    let (status, plan) = app.get(&path, &ben).await;
    assert_eq!(status, StatusCode::OK, "{plan}");
    assert_eq!(plan["entrance"], ENTRANCE);
    assert_eq!(plan["avoid_family"], AVOID);
    app.stop().await;
}

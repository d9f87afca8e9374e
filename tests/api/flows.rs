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

    // Right 8: the victim is told within 1 working day of the unit learning
    // the date: listed on Friday 20 March 2026, so by Monday 23 March.
    let (_, deadlines) = app
        .get(&format!("/api/v1/deadlines?hearing_id={id}"), &wendy)
        .await;
    let told = items(&deadlines)
        .into_iter()
        .find(|d| d["kind"] == "victim_told_of_hearing")
        .unwrap_or_else(|| panic!("no Right 8 deadline: {deadlines}"));
    assert_eq!(told["counted_from"], "2026-03-20");
    assert_eq!(told["due_date"], "2026-03-23");
    assert_eq!(told["state"], "running");

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

async fn notices_for(app: &TestApp, token: &str, hearing: &str) -> Vec<Value> {
    let (status, list) = app
        .get(
            &format!("/api/v1/notices?hearing_id={hearing}&per_page=200"),
            token,
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{list}");
    items(&list)
}

fn templates(notices: &[Value]) -> Vec<String> {
    let mut t: Vec<String> = notices
        .iter()
        .filter(|n| n["state"] != "cancelled")
        .map(|n| n["template"].as_str().unwrap().to_string())
        .collect();
    t.sort();
    t
}

#[actix_web::test]
async fn criminal_attendance_request_runs_to_the_advisor_notice() {
    let app = TestApp::spawn().await;
    let ben = app.login(BEN).await;
    let wendy = app.login(WENDY).await;
    // V-1002's trial: seeded 10 days after "now", 09:30 court-local.
    let case = app
        .find_id("/api/v1/cases", &ben, "urn", "13CD7654321")
        .await;
    let hearing = app
        .find_id(
            &format!("/api/v1/hearings?case_id={case}"),
            &ben,
            "kind",
            "trial",
        )
        .await;
    let ben_id = app.user_id(&ben).await;

    // The victim wants Ben beside her and agrees he is identified to the
    // agencies and the court.
    let victim = app
        .give_consents(
            &ben,
            "V-1002",
            &["identify_supporter_to_court", "witness_service_referral"],
        )
        .await;
    let request = app
        .create(
            "/api/v1/attendance-requests",
            &ben,
            json!({"hearing_id": hearing, "supporter_id": ben_id, "state": "requested"}),
        )
        .await;
    let path = format!(
        "/api/v1/attendance-requests/{}",
        request["id"].as_str().unwrap()
    );
    let raised = templates(&notices_for(&app, &wendy, &hearing).await);
    let (_, warnings) = app
        .get(&format!("/api/v1/warnings?victim_id={victim}"), &wendy)
        .await;
    assert!(
        items(&warnings).is_empty(),
        "consents cover every disclosure: {warnings}"
    );
    assert!(
        raised.iter().any(|t| t == "criminal.supporter_in_place"),
        "the WCU is told: {raised:?}"
    );

    // The WCO records it and tells the CPS; then the court allows it.
    let mut version = 1;
    for state in ["wcu_informed", "cps_informed", "allowed"] {
        let (status, out) = app
            .put(
                &path,
                &wendy,
                version,
                json!({"hearing_id": hearing, "supporter_id": ben_id, "state": state}),
            )
            .await;
        assert_eq!(status, StatusCode::OK, "{state}: {out}");
        version += 1;
    }
    let notices = notices_for(&app, &wendy, &hearing).await;
    let all = templates(&notices);
    assert!(
        all.iter().any(|t| t == "criminal.companion_request"),
        "CPS asked to raise it: {all:?}"
    );
    assert!(
        all.iter().any(|t| t == "criminal.witness_service_request"),
        "Witness Service asked: {all:?}"
    );
    assert!(
        all.iter().any(|t| t == "criminal.attendance_decision"),
        "decision passed on: {all:?}"
    );

    // The r.3.8(7)(b) notice: for the hearing day, not for public
    // disclosure, carrying exactly the advisor, the witness and the
    // organisation — never an address of the victim.
    let advisor: Vec<&Value> = notices
        .iter()
        .filter(|n| n["template"] == "criminal.advisor_notice")
        .collect();
    assert_eq!(advisor.len(), 1, "{all:?}");
    let notice = advisor[0];
    assert_eq!(notice["not_for_public_disclosure"], true);
    assert_eq!(notice["recipient_kind"], "court");
    // Released at 08:00 London time on the hearing day (30 March 2026, BST).
    assert_eq!(
        notice["send_after_local"], "2026-03-30T08:00:00+01:00",
        "{notice}"
    );
    let mut keys: Vec<&str> = notice["data"]
        .as_object()
        .unwrap()
        .keys()
        .map(|k| k.as_str())
        .collect();
    keys.sort();
    assert_eq!(
        keys,
        [
            "advisor_name",
            "advisor_present",
            "not_for_public_disclosure",
            "organisation_address",
            "organisation_name",
            "witness_name"
        ],
        "{notice}"
    );
    assert_eq!(notice["data"]["advisor_name"], "Ben Isva");
    assert_eq!(notice["data"]["witness_name"], "Demo Person Two");
    assert_eq!(
        notice["data"]["organisation_address"],
        "Suite 4, 10 Example Row, Leeds LS1 4AA"
    );

    // On the hearing day the worker releases it at 08:00 for the adviser to
    // hand over in person: it is never emailed.
    let mailer = crate::delivery::RecordingMailer::default();
    let day = chrono::DateTime::parse_from_rfc3339("2026-03-30T08:00:00+01:00")
        .unwrap()
        .with_timezone(&chrono::Utc);
    let before = app
        .advance_to(day - chrono::Duration::minutes(1), &mailer)
        .delivery;
    let released = app.advance_to(day, &mailer).delivery;
    assert!(
        released.ready >= 1,
        "before 08:00 {before:?}, at 08:00 {released:?}"
    );
    // The clock has moved on to the hearing day: sign in again.
    let ben = app.login(BEN).await;
    let (_, advisor_now) = app
        .get(
            &format!("/api/v1/notices/{}", notice["id"].as_str().unwrap()),
            &ben,
        )
        .await;
    assert_eq!(advisor_now["state"], "ready", "{advisor_now}");
    assert!(
        mailer
            .sent
            .lock()
            .unwrap()
            .iter()
            .all(|e| !e.body.contains("Demo Person Two")),
        "the witness's name is never emailed"
    );
    let ben = app.login(BEN).await;

    // Ben cannot move it to a court decision himself.
    let (status, _) = app
        .put(&path, &ben, version, json!({"hearing_id": hearing, "supporter_id": ben_id, "state": "refused", "decision_reason": "x"}))
        .await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    app.assert_nothing_due();
    app.stop().await;
}

#[actix_web::test]
async fn without_consent_nothing_is_shared_and_a_warning_is_raised() {
    let app = TestApp::spawn().await;
    let ben = app.login(BEN).await;
    let wendy = app.login(WENDY).await;
    let victim = app
        .find_id("/api/v1/victims", &ben, "reference", "V-1002")
        .await;
    let case = app
        .find_id("/api/v1/cases", &ben, "urn", "13CD7654321")
        .await;
    let hearing = app
        .find_id(
            &format!("/api/v1/hearings?case_id={case}"),
            &ben,
            "kind",
            "trial",
        )
        .await;
    let ben_id = app.get("/api/v1/me", &ben).await.1["user_id"]
        .as_str()
        .unwrap()
        .to_string();
    // No consent to involve the Witness Service or identify Ben to anyone.
    app.create(
        "/api/v1/attendance-requests",
        &ben,
        json!({"hearing_id": hearing, "supporter_id": ben_id, "state": "requested"}),
    )
    .await;
    let all = templates(&notices_for(&app, &wendy, &hearing).await);
    assert!(
        !all.iter().any(|t| t == "criminal.witness_service_request"),
        "{all:?}"
    );
    let (_, warnings) = app
        .get(&format!("/api/v1/warnings?victim_id={victim}"), &ben)
        .await;
    let kinds: Vec<String> = items(&warnings)
        .iter()
        .map(|w| w["kind"].as_str().unwrap_or("").to_string())
        .collect();
    assert!(
        kinds.iter().any(|k| k == "no_consent_to_share"),
        "{warnings}"
    );
    app.stop().await;
}

#[actix_web::test]
async fn parole_milestones_reach_the_supporter_only_with_consent() {
    let app = TestApp::spawn().await;
    let victor = app.login(VICTOR).await;
    let ben = app.login(BEN).await;
    let victim = app
        .find_id("/api/v1/victims", &victor, "reference", "V-1002")
        .await;
    app.create(
        "/api/v1/parole-milestones",
        &victor,
        json!({"victim_id": victim, "kind": "hearing_listed", "occurs_on": "2026-06-02", "hearing_format": "oral"}),
    )
    .await;
    let (_, list) = app
        .get(&format!("/api/v1/notices?victim_id={victim}"), &victor)
        .await;
    let shared: Vec<Value> = items(&list)
        .into_iter()
        .filter(|n| n["template"] == "parole.milestone")
        .collect();
    assert_eq!(shared.len(), 1, "{list}");
    assert_eq!(shared[0]["recipient_kind"], "supporter");
    assert_eq!(shared[0]["basis"]["scope"], "parole_to_supporter");

    // The victim withdraws parole consent: the next milestone stays with probation.
    let (_, consents) = app
        .get(&format!("/api/v1/consents?victim_id={victim}"), &ben)
        .await;
    let parole = items(&consents)
        .into_iter()
        .find(|c| c["scope"] == "parole_to_supporter")
        .unwrap();
    let mut withdrawn = json!({"victim_id": victim, "scope": "parole_to_supporter",
                               "basis": parole["basis"], "given_at": parole["given_at"],
                               "withdrawn_at": "2026-03-20T12:00:00Z"});
    if let Some(reason) = parole["basis_reason"].as_str() {
        withdrawn["basis_reason"] = json!(reason);
    }
    let (status, out) = app
        .put(
            &format!("/api/v1/consents/{}", parole["id"].as_str().unwrap()),
            &ben,
            parole["version"].as_i64().unwrap(),
            withdrawn,
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{out}");
    app.create(
        "/api/v1/parole-milestones",
        &victor,
        json!({"victim_id": victim, "kind": "decision_expected", "occurs_on": "2026-06-16"}),
    )
    .await;
    let (_, list) = app
        .get(&format!("/api/v1/notices?victim_id={victim}"), &victor)
        .await;
    let shared: Vec<Value> = items(&list)
        .into_iter()
        .filter(|n| n["template"] == "parole.milestone")
        .collect();
    assert_eq!(shared.len(), 1, "no second parole notice: {list}");
    // And Ben no longer sees parole milestones at all.
    let (_, his) = app
        .get(
            &format!("/api/v1/parole-milestones?victim_id={victim}"),
            &ben,
        )
        .await;
    assert_eq!(his["total"], 0, "{his}");
    app.stop().await;
}

#[actix_web::test]
async fn a_special_measures_discussion_without_the_supporter_is_passed_on() {
    let app = TestApp::spawn().await;
    let wendy = app.login(WENDY).await;
    let case = app
        .find_id("/api/v1/cases", &wendy, "urn", "13AB1234526")
        .await;
    app.create(
        "/api/v1/special-measures-discussions",
        &wendy,
        json!({"case_id": case, "held_at": "2026-03-19T15:00:00Z", "setting": "needs_assessment",
               "measures": ["screens", "live_link"], "supporter_present": false}),
    )
    .await;
    let (_, list) = app
        .get(&format!("/api/v1/notices?case_id={case}"), &wendy)
        .await;
    let held: Vec<Value> = items(&list)
        .into_iter()
        .filter(|n| n["template"] == "special_measures.discussion_held")
        .collect();
    assert_eq!(held.len(), 1, "{list}");
    assert_eq!(held[0]["recipient_kind"], "supporter");
    assert!(
        held[0]["data"].to_string().contains("screens"),
        "{}",
        held[0]
    );
    app.stop().await;
}

#[actix_web::test]
async fn family_request_identifies_the_adviser_and_a_direction_closes_it() {
    let app = TestApp::spawn().await;
    let amara = app.login(AMARA).await;
    let amara_id = app.get("/api/v1/me", &amara).await.1["user_id"]
        .as_str()
        .unwrap()
        .to_string();
    // V-1003's first hearing (FHDRA), seeded five days ahead at 14:00.
    let case = app
        .find_id("/api/v1/cases", &amara, "case_number", "LS26P00123")
        .await;
    let hearing = app
        .find_id(
            &format!("/api/v1/hearings?case_id={case}"),
            &amara,
            "kind",
            "first_hearing_dispute_resolution",
        )
        .await;
    let request = app
        .create(
            "/api/v1/attendance-requests",
            &amara,
            json!({"hearing_id": hearing, "supporter_id": amara_id, "state": "requested"}),
        )
        .await;
    let notices = notices_for(&app, &amara, &hearing).await;
    let advance: Vec<&Value> = notices
        .iter()
        .filter(|n| n["template"] == "family.advance_identification")
        .collect();
    assert_eq!(advance.len(), 1, "{:?}", templates(&notices));
    assert_eq!(advance[0]["recipient_kind"], "court");
    assert_eq!(
        advance[0]["data"]["case_reference"], "LS26P00123",
        "{}",
        advance[0]
    );
    assert_eq!(
        advance[0]["data"]["adviser_name"], "Amara Idva",
        "{}",
        advance[0]
    );
    // The printable notice, as text and as a page.
    let path = format!(
        "/api/v1/notices/{}/rendered?format=text",
        advance[0]["id"].as_str().unwrap()
    );
    let (status, text) = app.get(&path, &amara).await;
    assert_eq!(status, StatusCode::OK);
    let text = text.as_str().unwrap().to_string();
    assert!(text.starts_with("Subject: "), "{text}");
    assert!(text.contains("LS26P00123"), "{text}");
    let (status, html) = app
        .get(&path.replace("format=text", "format=html"), &amara)
        .await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.as_str().unwrap().starts_with("<!doctype html>"));

    // Identified to the court; then the court directs the adviser need not
    // be present, with its reason: the request closes and the adviser is
    // asked to tell the party.
    let rpath = format!(
        "/api/v1/attendance-requests/{}",
        request["id"].as_str().unwrap()
    );
    let (status, out) = app
        .put(&rpath, &amara, 1, json!({"hearing_id": hearing, "supporter_id": amara_id, "state": "identified_to_court"}))
        .await;
    assert_eq!(status, StatusCode::OK, "{out}");
    let (status, out) = app
        .put(
            &rpath,
            &amara,
            2,
            json!({"hearing_id": hearing, "supporter_id": amara_id, "state": "directed_need_not_attend",
                   "decision_reason": "Not necessary in the interests of justice at a first hearing"}),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{out}");
    assert_eq!(out["closed"], true);
    let (_, tasks) = app.get("/api/v1/tasks?state=open", &amara).await;
    assert!(
        items(&tasks)
            .iter()
            .any(|t| t["kind"] == "tell_party_of_direction" && t["hearing_id"] == hearing.as_str()),
        "{tasks}"
    );
    // A closed request changes no more.
    let (status, problem) = app
        .put(&rpath, &amara, 3, json!({"hearing_id": hearing, "supporter_id": amara_id, "state": "attended",
                                        "decision_reason": "Not necessary in the interests of justice at a first hearing"}))
        .await;
    assert_problem(
        status,
        &problem,
        StatusCode::UNPROCESSABLE_ENTITY,
        Some("state"),
    );
    app.stop().await;
}

#[actix_web::test]
async fn too_late_for_advance_notice_the_adviser_gets_an_on_the_day_checklist() {
    let app = TestApp::spawn().await;
    let amara = app.login(AMARA).await;
    // Listed for this afternoon: the working day before has gone.
    let hearing = app.family_hearing_this_afternoon(&amara).await;
    let all = templates(&notices_for(&app, &amara, &hearing).await);
    assert!(
        all.iter().any(|t| t == "family.on_the_day_checklist"),
        "{all:?}"
    );
    assert!(
        !all.iter().any(|t| t == "family.advance_identification"),
        "{all:?}"
    );
    app.stop().await;
}

#[actix_web::test]
async fn no_notice_ever_carries_the_victims_address_or_phone() {
    let app = TestApp::spawn().await;
    let ben = app.login(BEN).await;
    let wendy = app.login(WENDY).await;
    let victim = app
        .find_id("/api/v1/victims", &ben, "reference", "V-1002")
        .await;
    let address = "17 Hidden Close, Secretville SV1 2XY";
    let phone = "07700 900987";
    let (status, details) = app
        .get(&format!("/api/v1/victim-details/{victim}"), &ben)
        .await;
    assert_eq!(status, StatusCode::OK);
    let (status, out) = app
        .put(
            &format!("/api/v1/victim-details/{victim}"),
            &ben,
            details["version"].as_i64().unwrap(),
            json!({"victim_id": victim, "full_name": "Demo Person Two", "address": address, "phone": phone,
                   "email": "person.two@example.org", "safe_channels": ["phone", "email"]}),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{out}");
    for scope in [
        "identify_supporter_to_court",
        "witness_service_referral",
        "simultaneous_updates",
    ] {
        app.create(
            "/api/v1/consents",
            &ben,
            json!({"victim_id": victim, "scope": scope, "given_at": "2026-03-20T11:00:00Z"}),
        )
        .await;
    }
    // Every flow that can touch this victim: listing, a request run to the
    // court's decision, a move, and an outcome.
    let case = app
        .find_id("/api/v1/cases", &ben, "urn", "13CD7654321")
        .await;
    let court = app.court_id(&wendy, "Leeds Magistrates' Court").await;
    let hearing = app
        .create(
            "/api/v1/hearings",
            &wendy,
            json!({"case_id": case, "kind": "trial", "court_id": court, "starts_at": "2026-04-21T10:00:00+01:00",
                   "estimated_minutes": 300, "victim_attends": true, "victim_gives_evidence": true}),
        )
        .await;
    let hid = hearing["id"].as_str().unwrap().to_string();
    let ben_id = app.get("/api/v1/me", &ben).await.1["user_id"]
        .as_str()
        .unwrap()
        .to_string();
    let request = app
        .create(
            "/api/v1/attendance-requests",
            &ben,
            json!({"hearing_id": hid, "supporter_id": ben_id}),
        )
        .await;
    let rpath = format!(
        "/api/v1/attendance-requests/{}",
        request["id"].as_str().unwrap()
    );
    for (v, state) in [(1, "wcu_informed"), (2, "cps_informed"), (3, "allowed")] {
        let (status, out) = app
            .put(
                &rpath,
                &wendy,
                v,
                json!({"hearing_id": hid, "supporter_id": ben_id, "state": state}),
            )
            .await;
        assert_eq!(status, StatusCode::OK, "{out}");
    }
    let hpath = format!("/api/v1/hearings/{hid}");
    let mut body = json!({"case_id": case, "kind": "trial", "court_id": court, "starts_at": "2026-04-28T10:00:00+01:00",
                          "estimated_minutes": 300, "victim_attends": true, "victim_gives_evidence": true});
    let (status, _) = app.put(&hpath, &wendy, 1, body.clone()).await;
    assert_eq!(status, StatusCode::OK);
    app.clock.set(test_now() + chrono::Duration::days(40));
    let wendy = app.login(WENDY).await;
    let ben = app.login(BEN).await;
    body["status"] = json!("concluded");
    body["outcome"] = json!("Convicted");
    let (status, _) = app.put(&hpath, &wendy, 2, body).await;
    assert_eq!(status, StatusCode::OK);

    let (_, list) = app
        .get(
            &format!("/api/v1/notices?victim_id={victim}&per_page=200"),
            &ben,
        )
        .await;
    let notices = items(&list);
    assert!(notices.len() >= 8, "{}", notices.len());
    for n in &notices {
        let raw = n.to_string();
        assert!(
            !raw.contains("Hidden Close")
                && !raw.contains("900987")
                && !raw.contains("person.two@"),
            "{raw}"
        );
        let (status, text) = app
            .get(
                &format!(
                    "/api/v1/notices/{}/rendered?format=text",
                    n["id"].as_str().unwrap()
                ),
                &ben,
            )
            .await;
        assert_eq!(status, StatusCode::OK, "{text}");
        let text = text.as_str().unwrap();
        assert!(
            !text.contains("Hidden Close") && !text.contains("SV1 2XY"),
            "{text}"
        );
        assert!(
            !text.contains("900987") && !text.contains("person.two@"),
            "{text}"
        );
    }
    app.stop().await;
}

#[actix_web::test]
async fn refusal_and_withdrawal_close_a_request_and_tell_those_involved() {
    let app = TestApp::spawn().await;
    let ben = app.login(BEN).await;
    let wendy = app.login(WENDY).await;
    app.give_consents(
        &ben,
        "V-1002",
        &["identify_supporter_to_court", "witness_service_referral"],
    )
    .await;
    let case = app
        .find_id("/api/v1/cases", &ben, "urn", "13CD7654321")
        .await;
    let court = app.court_id(&wendy, "Leeds Magistrates' Court").await;
    let ben_id = app.user_id(&ben).await;
    let new_hearing = |day: &'static str| {
        json!({"case_id": case, "kind": "trial", "court_id": court, "starts_at": day,
               "estimated_minutes": 300, "victim_attends": true, "victim_gives_evidence": true})
    };

    // Refused by the court, with its reason: closed, and the supporter told.
    let h1 = app
        .create(
            "/api/v1/hearings",
            &wendy,
            new_hearing("2026-04-21T10:00:00+01:00"),
        )
        .await;
    let h1 = h1["id"].as_str().unwrap().to_string();
    let p1 = request_told_to_cps(&app, &ben, &wendy, &ben_id, &h1).await;
    let (status, refused) = app
        .put(&p1, &wendy, 3, json!({"hearing_id": h1, "supporter_id": ben_id, "state": "refused",
                                     "decision_reason": "Ground rules hearing directed an intermediary instead"}))
        .await;
    assert_eq!(status, StatusCode::OK, "{refused}");
    assert_eq!(refused["closed"], true);
    let notices = notices_for(&app, &wendy, &h1).await;
    let decision: Vec<&Value> = notices
        .iter()
        .filter(|n| n["template"] == "criminal.attendance_decision")
        .collect();
    assert_eq!(decision.len(), 1, "{:?}", templates(&notices));
    assert_eq!(
        decision[0]["data"]["decision"], "refused",
        "{}",
        decision[0]
    );
    assert!(
        !templates(&notices)
            .iter()
            .any(|t| t == "criminal.advisor_notice"),
        "no advisor notice when refused"
    );

    // Withdrawn by the supporter after the CPS was told: pending steps stop,
    // and those already told hear it is withdrawn.
    let h2 = app
        .create(
            "/api/v1/hearings",
            &wendy,
            new_hearing("2026-04-22T10:00:00+01:00"),
        )
        .await;
    let h2 = h2["id"].as_str().unwrap().to_string();
    let p2 = request_told_to_cps(&app, &ben, &wendy, &ben_id, &h2).await;
    let (status, out) = app
        .put(
            &p2,
            &ben,
            3,
            json!({"hearing_id": h2, "supporter_id": ben_id, "state": "withdrawn"}),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{out}");
    let all = templates(&notices_for(&app, &wendy, &h2).await);
    assert!(
        all.iter().any(|t| t == "criminal.attendance_withdrawn"),
        "{all:?}"
    );
    let (_, tasks) = app
        .get("/api/v1/tasks?state=open&per_page=200", &wendy)
        .await;
    assert!(
        !items(&tasks)
            .iter()
            .any(|t| t["hearing_id"] == h2.as_str() && t["kind"] == "raise_companion_with_court"),
        "the CPS task stops when the request is withdrawn: {tasks}"
    );
    app.stop().await;
}

#[actix_web::test]
async fn spoc_exceptions_go_to_the_victim_directly_and_the_supporter_is_told() {
    let app = TestApp::spawn().await;
    let wendy = app.login(WENDY).await;
    let amara = app.login(AMARA).await;
    // V-1001 chose Amara as SPOC.
    let victim = app
        .find_id("/api/v1/victims", &wendy, "reference", "V-1001")
        .await;
    let (status, routine) = app
        .post(
            "/api/v1/agency-updates",
            &wendy,
            json!({"victim_id": victim, "topic": "case_progress"}),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "{routine}");
    let (status, urgent) = app
        .post(
            "/api/v1/agency-updates",
            &wendy,
            json!({"victim_id": victim, "topic": "urgent_safeguarding"}),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "{urgent}");
    // Each update is audited by its topic, never its content.
    let (status, export) = app
        .get(&format!("/api/v1/victims/{victim}/export"), &amara)
        .await;
    assert_eq!(status, StatusCode::OK, "{export}");
    let topics: Vec<&str> = export["audit"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|a| a["entity"] == "agency_updates")
        .map(|a| a["category"].as_str().unwrap_or(""))
        .collect();
    assert_eq!(topics, ["case_progress", "urgent_safeguarding"]);
    let (_, list) = app
        .get(
            &format!("/api/v1/notices?victim_id={victim}&per_page=200"),
            &amara,
        )
        .await;
    let all = templates(&items(&list));
    // Routine progress goes through the SPOC; the urgent one is made
    // directly by the agency, and the supporter told that it was.
    assert!(all.iter().any(|t| t == "update.supporter"), "{all:?}");
    assert!(
        all.iter().any(|t| t == "update.direct_contact_made"),
        "{all:?}"
    );
    let (_, tasks) = app
        .get(&format!("/api/v1/tasks?victim_id={victim}"), &wendy)
        .await;
    assert!(
        items(&tasks)
            .iter()
            .any(|t| t["kind"] == "contact_victim_directly"),
        "{tasks}"
    );
    // Supporters do not post agency updates.
    let (status, _) = app
        .post(
            "/api/v1/agency-updates",
            &amara,
            json!({"victim_id": victim, "topic": "case_progress"}),
        )
        .await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    app.stop().await;
}

#[actix_web::test]
async fn a_supporter_at_statement_taking_and_at_court_is_warned_about() {
    let app = TestApp::spawn().await;
    let wendy = app.login(WENDY).await;
    let amara = app.login(AMARA).await;
    let amara_id = app.get("/api/v1/me", &amara).await.1["user_id"]
        .as_str()
        .unwrap()
        .to_string();
    let victim = app
        .find_id("/api/v1/victims", &wendy, "reference", "V-1001")
        .await;
    let case = app
        .find_id("/api/v1/cases", &wendy, "urn", "13AB1234526")
        .await;
    app.create(
        "/api/v1/special-measures-discussions",
        &wendy,
        json!({"case_id": case, "held_at": "2026-03-18T10:00:00Z", "setting": "statement_taking",
               "measures": ["screens"], "supporter_id": amara_id, "supporter_present": true}),
    )
    .await;
    let hearing = app
        .find_id(
            &format!("/api/v1/hearings?case_id={case}"),
            &amara,
            "kind",
            "trial",
        )
        .await;
    app.create(
        "/api/v1/attendance-requests",
        &amara,
        json!({"hearing_id": hearing, "supporter_id": amara_id}),
    )
    .await;
    let (_, warnings) = app
        .get(&format!("/api/v1/warnings?victim_id={victim}"), &amara)
        .await;
    assert!(
        items(&warnings)
            .iter()
            .any(|w| w["kind"] == "supporter_present_at_statement_and_court"),
        "{warnings}"
    );
    app.stop().await;
}

/// Ben raises an attendance request for `hearing` and the WCO moves it on
/// to the CPS; returns the request's path (now at version 3).
async fn request_told_to_cps(
    app: &TestApp,
    ben: &str,
    wendy: &str,
    ben_id: &str,
    hearing: &str,
) -> String {
    let request = app
        .create(
            "/api/v1/attendance-requests",
            ben,
            json!({"hearing_id": hearing, "supporter_id": ben_id}),
        )
        .await;
    let path = format!(
        "/api/v1/attendance-requests/{}",
        request["id"].as_str().unwrap()
    );
    for (version, state) in [(1, "wcu_informed"), (2, "cps_informed")] {
        let (status, out) = app
            .put(
                &path,
                wendy,
                version,
                json!({"hearing_id": hearing, "supporter_id": ben_id, "state": state}),
            )
            .await;
        assert_eq!(status, StatusCode::OK, "{state}: {out}");
    }
    path
}

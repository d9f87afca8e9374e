//! Acknowledgement and escalation end to end: a notice that needs action
//! is sent with an `acknowledge_by` and a link; the link page confirms it
//! without a session; the API lets its recipient confirm it; and an
//! unacknowledged one escalates once to the named person.
//!
//! Store checks (listed in `STORE_REACH`, tests/layers.rs): a notice's audit
//! rows are read from the store, as no API serves the audit log; one test
//! damages a stored basis, which nothing in the API can write; and the
//! escalation job is stepped by hand to its boundary (not yet, due, once)
//! before the harness sends what it planned.

use chrono::{Duration, TimeZone, Utc};
use courtside::notify::ack;
use diesel::prelude::*;
use reqwest::{Method, StatusCode};
use serde_json::{json, Value};

use crate::delivery::RecordingMailer;
use crate::helpers::*;
use crate::webhooks::ben_will_attend;

async fn notices(app: &TestApp, token: &str, query: &str) -> Vec<Value> {
    let (status, list) = app
        .get(&format!("/api/v1/notices?per_page=200&{query}"), token)
        .await;
    assert_eq!(status, StatusCode::OK, "{list}");
    list["items"].as_array().unwrap().clone()
}

async fn one(app: &TestApp, token: &str, query: &str) -> Value {
    let found = notices(app, token, query).await;
    assert_eq!(found.len(), 1, "{query}: {found:?}");
    found[0].clone()
}

/// The link token in an email body.
fn token_in(body: &str) -> String {
    let at = body.find("/ack/ack_").expect("an acknowledgement link") + 5;
    body[at..at + 68].to_string()
}

async fn page(app: &TestApp, method: Method, path: &str) -> (StatusCode, String) {
    let resp = reqwest::Client::new()
        .request(method, format!("{}{}", app.base, path))
        .send()
        .await
        .unwrap();
    (resp.status(), resp.text().await.unwrap())
}

fn audit_categories(app: &TestApp, notice_id: &str) -> Vec<String> {
    use courtside::store::schema::audit_log;
    let mut conn = app.pool.get().unwrap();
    audit_log::table
        .filter(audit_log::entity.eq("notices"))
        .filter(audit_log::entity_id.eq(notice_id))
        .select(audit_log::category)
        .load::<Option<String>>(&mut conn)
        .unwrap()
        .into_iter()
        .flatten()
        .collect()
}

#[actix_web::test]
async fn the_link_in_the_email_confirms_receipt_without_signing_in() {
    let app = TestApp::spawn().await;
    let wendy = app.login(WENDY).await;
    let hearing = ben_will_attend(&app).await;
    let mailer = RecordingMailer::default();
    let now = test_now();
    app.run_due(&mailer);

    let query = format!("hearing_id={hearing}&template=criminal.supporter_in_place");
    let notice = one(&app, &wendy, &query).await;
    let id = notice["id"].as_str().unwrap().to_string();
    // Sent on Friday 20 March at 12:00 GMT; one working day: Monday 12:00.
    assert_eq!(notice["acknowledge_by"], "2026-03-23T12:00:00Z", "{notice}");
    assert!(notice["acknowledged_at"].is_null());
    let sent = mailer.sent.lock().unwrap().clone();
    let email = sent
        .iter()
        .find(|e| e.to == "wcu@police.example" && e.subject.contains("Supporter in place"))
        .unwrap_or_else(|| panic!("{sent:?}"));
    assert!(
        email.body.contains("by Monday 23 March 2026, 12:00 (GMT)"),
        "{}",
        email.body
    );
    // Information-only notices carry no link.
    assert!(sent
        .iter()
        .filter(|e| !e.subject.contains("Supporter in place"))
        .all(|e| !e.body.contains("/ack/")));
    let token = token_in(&email.body);

    // Following the link shows a page and changes nothing.
    let (status, html) = page(&app, Method::GET, &format!("/ack/{token}")).await;
    assert_eq!(status, StatusCode::OK, "{html}");
    assert!(html.contains("Confirm receipt"), "{html}");
    assert!(!html.contains("V-1002"), "no case details on the page");
    assert!(one(&app, &wendy, &query).await["acknowledged_at"].is_null());
    // A wrong or malformed token is a readable 404 page.
    let wrong = format!("ack_{}", "0".repeat(64));
    for bad in [wrong.as_str(), "nonsense"] {
        let (status, html) = page(&app, Method::GET, &format!("/ack/{bad}")).await;
        assert_eq!(status, StatusCode::NOT_FOUND);
        assert!(html.contains("<h1"), "{html}");
        let (status, _) = page(&app, Method::POST, &format!("/ack/{bad}")).await;
        assert_eq!(status, StatusCode::NOT_FOUND);
    }

    // The button (a POST, no session) records it, once.
    app.clock.set(now + Duration::hours(1));
    let (status, html) = page(&app, Method::POST, &format!("/ack/{token}")).await;
    assert_eq!(status, StatusCode::OK, "{html}");
    assert!(html.contains("Thank you"), "{html}");
    let acknowledged = one(&app, &wendy, &query).await;
    assert_eq!(acknowledged["acknowledged_at"], "2026-03-20T13:00:00Z");
    assert_eq!(acknowledged["acknowledged_by"], "link");
    let (status, html) = page(&app, Method::POST, &format!("/ack/{token}")).await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains("already confirmed"), "{html}");
    assert_eq!(
        one(&app, &wendy, &query).await["acknowledged_at"],
        "2026-03-20T13:00:00Z"
    );
    assert_eq!(
        audit_categories(&app, &id)
            .iter()
            .filter(|c| *c == "acknowledgement")
            .count(),
        1,
        "audited once"
    );

    // Acknowledged notices never escalate: a week on, with every job due
    // run, nothing was escalated.
    let later = Utc.with_ymd_and_hms(2026, 3, 30, 12, 0, 0).unwrap();
    let ran = app.advance_to(later, &mailer);
    assert_eq!(ran.escalated, 0, "{ran:?}");
    // Sign-ins last 12 hours of the clock.
    let wendy = app.login(WENDY).await;
    let (_, listed) = app
        .get(
            &format!("/api/v1/notices?{query}&acknowledged=true"),
            &wendy,
        )
        .await;
    assert_eq!(listed["total"], 1, "{listed}");
    app.assert_nothing_due();
    app.stop().await;
}

#[actix_web::test]
async fn the_recipient_or_its_organisation_acknowledges_through_the_api() {
    let app = TestApp::spawn().await;
    let wendy = app.login(WENDY).await;
    let carys = app.login(CARYS).await;
    let ben = app.login(BEN).await;
    let admin = app.login(ADMIN).await;
    let hearing = ben_will_attend(&app).await;
    let mailer = RecordingMailer::default();
    app.run_due(&mailer);
    let notice = one(
        &app,
        &wendy,
        &format!("hearing_id={hearing}&template=criminal.supporter_in_place"),
    )
    .await;
    let path = format!(
        "/api/v1/notices/{}/acknowledgement",
        notice["id"].as_str().unwrap()
    );
    let (_, acknowledged) = app
        .get(
            &format!("/api/v1/notices?hearing_id={hearing}&acknowledged=false"),
            &wendy,
        )
        .await;
    assert_eq!(acknowledged["total"], 1, "awaiting: {acknowledged}");
    // Not the sender, not another unit; administrators receive nothing.
    for token in [&ben, &carys] {
        let (status, body) = app.post(&path, token, json!({})).await;
        assert_problem(status, &body, StatusCode::NOT_FOUND, None);
    }
    let (status, body) = app.post(&path, &admin, json!({})).await;
    assert_problem(status, &body, StatusCode::FORBIDDEN, None);
    // Any member of the recipient unit may.
    let (status, out) = app.post(&path, &wendy, json!({})).await;
    assert_eq!(status, StatusCode::OK, "{out}");
    let wendy_id = app.get("/api/v1/me", &wendy).await.1["user_id"].clone();
    assert_eq!(out["acknowledged_by"], wendy_id);
    assert_eq!(out["acknowledged_at"], "2026-03-20T12:00:00Z");
    // Again: the first acknowledgement stands.
    let (status, again) = app.post(&path, &wendy, json!({})).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(again, out);

    // A notice to Ben that asks for no acknowledgement: 409, not 500.
    let case = app
        .find_id("/api/v1/cases", &wendy, "urn", "13CD7654321")
        .await;
    let court = app.court_id(&wendy, "Leeds Magistrates' Court").await;
    let mention = app
        .create(
            "/api/v1/hearings",
            &wendy,
            json!({"case_id": case, "kind": "mention", "court_id": court,
                   "starts_at": "2026-04-20T10:00:00+01:00", "estimated_minutes": 30, "victim_attends": true}),
        )
        .await;
    let info = one(
        &app,
        &ben,
        &format!(
            "hearing_id={}&template=hearing.details.supporter",
            mention["id"].as_str().unwrap()
        ),
    )
    .await;
    let (status, body) = app
        .post(
            &format!(
                "/api/v1/notices/{}/acknowledgement",
                info["id"].as_str().unwrap()
            ),
            &ben,
            json!({}),
        )
        .await;
    assert_problem(status, &body, StatusCode::CONFLICT, None);
    // The new hearing's notices go out; nothing is left behind.
    app.run_due(&mailer);
    app.assert_nothing_due();
    app.stop().await;
}

#[actix_web::test]
async fn an_agency_notice_not_acknowledged_in_time_escalates_once_to_its_unit_inbox() {
    let app = TestApp::spawn().await;
    let wendy = app.login(WENDY).await;
    let hearing = ben_will_attend(&app).await;
    let mailer = RecordingMailer::default();
    let now = test_now();
    app.run_due(&mailer);
    let query = format!("hearing_id={hearing}&template=criminal.supporter_in_place");
    let original = one(&app, &wendy, &query).await;
    let mut conn = app.pool.get().unwrap();

    // Not yet: Saturday is before Monday 12:00.
    assert_eq!(
        ack::escalate_due(&mut conn, &app.rules, now + Duration::days(1)).unwrap(),
        0
    );
    let due = Utc.with_ymd_and_hms(2026, 3, 23, 12, 0, 0).unwrap();
    assert_eq!(ack::escalate_due(&mut conn, &app.rules, due).unwrap(), 1);
    // Idempotent: a second sweep (or a second instance) does nothing.
    assert_eq!(ack::escalate_due(&mut conn, &app.rules, due).unwrap(), 0);
    assert_eq!(
        ack::escalate_due(&mut conn, &app.rules, due + Duration::hours(1)).unwrap(),
        0
    );

    let escalated = one(
        &app,
        &wendy,
        &format!("hearing_id={hearing}&escalated=true"),
    )
    .await;
    assert_eq!(escalated["id"], original["id"]);
    assert_eq!(escalated["escalated_at"], "2026-03-23T12:00:00Z");
    let not_escalated = notices(
        &app,
        &wendy,
        &format!("hearing_id={hearing}&escalated=false"),
    )
    .await;
    assert!(not_escalated.iter().all(|n| n["id"] != original["id"]));
    let escalation = one(
        &app,
        &wendy,
        &format!("hearing_id={hearing}&template=escalation.unacknowledged"),
    )
    .await;
    assert_eq!(escalated["escalation_notice_id"], escalation["id"]);
    assert_eq!(
        escalation["recipient"], original["recipient"],
        "{escalation}"
    );
    assert_eq!(escalation["state"], "pending");
    assert!(audit_categories(&app, original["id"].as_str().unwrap())
        .contains(&"escalation".to_string()));

    // It goes out on the next delivery pass, to the unit's inbox.
    let before = mailer.sent.lock().unwrap().len();
    app.advance_to(due, &mailer);
    let sent = mailer.sent.lock().unwrap().clone();
    let new: Vec<_> = sent[before..].iter().collect();
    assert_eq!(new.len(), 1, "{new:?}");
    assert_eq!(new[0].to, "wcu@police.example");
    assert_eq!(new[0].subject, "Not acknowledged in time: V-1002");
    assert!(
        new[0].body.contains("Monday 23 March 2026 at midday"),
        "{}",
        new[0].body
    );
    app.assert_nothing_due();
    app.stop().await;
}

#[actix_web::test]
async fn a_supporters_hearing_day_notice_escalates_to_their_manager_at_the_hearings_start() {
    let app = TestApp::spawn().await;
    let admin = app.login(ADMIN).await;
    let amara = app.login(AMARA).await;
    let maya = app.login(MAYA).await;
    let amara_id = app.get("/api/v1/me", &amara).await.1["user_id"]
        .as_str()
        .unwrap()
        .to_string();
    let maya_id = app.get("/api/v1/me", &maya).await.1["user_id"]
        .as_str()
        .unwrap()
        .to_string();
    // Amara's manager is Maya.
    let (_, user) = app.get(&format!("/api/v1/users/{amara_id}"), &admin).await;
    let (status, out) = app
        .put(
            &format!("/api/v1/users/{amara_id}"),
            &admin,
            user["version"].as_i64().unwrap(),
            json!({"organisation_id": user["organisation_id"], "display_name": user["display_name"],
                   "email": user["email"], "role": user["role"], "manager_id": maya_id}),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{out}");
    // A family hearing this afternoon: too late for advance notice, so
    // Amara gets the hearing-day checklist, which needs action.
    let hearing = app.family_hearing_this_afternoon(&amara).await;
    let mailer = RecordingMailer::default();
    app.run_due(&mailer);
    let query = format!("hearing_id={hearing}&template=family.on_the_day_checklist");
    let checklist = one(&app, &amara, &query).await;
    assert_eq!(checklist["state"], "sent", "{checklist}");
    // One calendar day, but never after the hearing starts.
    assert_eq!(checklist["acknowledge_by"], "2026-03-20T15:00:00Z");

    let mut conn = app.pool.get().unwrap();
    let start = Utc.with_ymd_and_hms(2026, 3, 20, 15, 0, 0).unwrap();
    assert_eq!(
        ack::escalate_due(&mut conn, &app.rules, start - Duration::minutes(1)).unwrap(),
        0
    );
    assert_eq!(ack::escalate_due(&mut conn, &app.rules, start).unwrap(), 1);
    let escalation = one(
        &app,
        &maya,
        &format!("hearing_id={hearing}&template=escalation.unacknowledged"),
    )
    .await;
    assert_eq!(escalation["recipient"], format!("supporter:{maya_id}"));
    // The manager's list of escalations shows the original.
    let theirs = notices(&app, &maya, "escalated=true").await;
    assert!(
        theirs.iter().any(|n| n["id"] == checklist["id"]),
        "{theirs:?}"
    );
    let before = mailer.sent.lock().unwrap().len();
    app.advance_to(start, &mailer);
    let sent = mailer.sent.lock().unwrap().clone();
    assert!(
        sent[before..]
            .iter()
            .any(|e| e.to == MAYA && e.subject == "Not acknowledged in time: V-1003"),
        "{:?}",
        &sent[before..]
    );
    app.assert_nothing_due();
    app.stop().await;
}

#[actix_web::test]
async fn a_notice_whose_stored_basis_does_not_read_is_not_escalated() {
    use courtside::store::schema::notices;
    let app = TestApp::spawn().await;
    let wendy = app.login(WENDY).await;
    let hearing = ben_will_attend(&app).await;
    let mailer = RecordingMailer::default();
    app.run_due(&mailer);
    let query = format!("hearing_id={hearing}&template=criminal.supporter_in_place");
    let original = one(&app, &wendy, &query).await;
    let id = original["id"].as_str().unwrap().to_string();
    // The stored basis is damaged after the notice went (a store test's
    // reach: nothing in the API can write a basis that does not read).
    let mut conn = app.pool.get().unwrap();
    diesel::update(notices::table.find(&id))
        .set(notices::basis_json.eq(r#"{"kind":"consent"}"#))
        .execute(&mut conn)
        .unwrap();

    let due = Utc.with_ymd_and_hms(2026, 3, 23, 12, 0, 0).unwrap();
    // Escalation would copy the basis to a new notice: it stops instead,
    // and the sweep goes on (nothing escalated, no error).
    assert_eq!(ack::escalate_due(&mut conn, &app.rules, due).unwrap(), 0);
    let escalations = notices(
        &app,
        &wendy,
        &format!("hearing_id={hearing}&template=escalation.unacknowledged"),
    )
    .await;
    assert!(escalations.is_empty(), "{escalations:?}");
    let still = one(
        &app,
        &wendy,
        &format!("hearing_id={hearing}&escalated=false&template=criminal.supporter_in_place"),
    )
    .await;
    assert_eq!(still["id"], original["id"]);
    assert!(!audit_categories(&app, &id).contains(&"escalation".to_string()));
    app.assert_nothing_due();
    app.stop().await;
}

//! Issue 14 item 1: a change reaches every party already sent a notice
//! naming the old slot. The Witness Service and the prosecutor are sent the
//! requests for a trial (state `sent`); the trial then moves, is vacated or
//! adjourned, or a court list moves it: each of them is sent one change
//! notice, once, whatever the earlier notice's purpose.

use reqwest::{Method, StatusCode};
use serde_json::{json, Value};

use crate::delivery::RecordingMailer;
use crate::helpers::*;

fn items(list: &Value) -> Vec<Value> {
    list["items"].as_array().cloned().unwrap_or_default()
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

/// The live (not cancelled) notices with this template to this recipient.
fn live<'a>(notices: &'a [Value], template: &str, recipient_kind: &str) -> Vec<&'a Value> {
    notices
        .iter()
        .filter(|n| {
            n["template"] == template
                && n["recipient_kind"] == recipient_kind
                && n["state"] != "cancelled"
        })
        .collect()
}

/// Template, recipient kind, state and key of each notice, for messages.
fn summary_of(notices: &[Value]) -> Vec<String> {
    notices
        .iter()
        .map(|n| {
            format!(
                "{} {} {} {}",
                n["template"], n["recipient"], n["state"], n["data"]
            )
        })
        .collect()
}

/// Runs every job due at the test clock's instant (the delivery pass
/// among them) until nothing more is.
fn deliver(app: &TestApp, mailer: &RecordingMailer) {
    app.run_due(mailer);
}

struct Trial {
    id: String,
    body: Value,
    wendy: String,
}

/// A trial in V-1002's case at Leeds Combined Court Centre on Thursday
/// 2 April 2026, 09:30 BST. Ben asks to accompany the victim (with consent
/// to identify him and to refer to the Witness Service), the officer
/// records that the unit was told, and a delivery pass sends the unit's,
/// the prosecutor's and the Witness Service's notices.
async fn trial_with_partners_told(app: &TestApp, mailer: &RecordingMailer) -> Trial {
    let wendy = app.login(WENDY).await;
    let ben = app.login(BEN).await;
    let case = app
        .find_id("/api/v1/cases", &wendy, "urn", "13CD7654321")
        .await;
    let court = app.court_id(&wendy, "Leeds Combined Court Centre").await;
    let body = json!({"case_id": case, "kind": "trial", "court_id": court,
                      "starts_at": "2026-04-02T09:30:00+01:00", "estimated_minutes": 300,
                      "victim_attends": true, "victim_gives_evidence": true});
    let trial = app.create("/api/v1/hearings", &wendy, body.clone()).await;
    let id = trial["id"].as_str().unwrap().to_string();
    let ben_id = app.user_id(&ben).await;
    app.give_consents(
        &ben,
        "V-1002",
        &["identify_supporter_to_court", "witness_service_referral"],
    )
    .await;
    let request = app
        .create(
            "/api/v1/attendance-requests",
            &ben,
            json!({"hearing_id": id, "supporter_id": ben_id}),
        )
        .await;
    let path = format!(
        "/api/v1/attendance-requests/{}",
        request["id"].as_str().unwrap()
    );
    let (status, out) = app
        .put(
            &path,
            &wendy,
            1,
            json!({"hearing_id": id, "supporter_id": ben_id, "state": "wcu_informed"}),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{out}");
    deliver(app, mailer);
    let notices = notices_for(app, &wendy, &id).await;
    for (template, to) in [
        ("criminal.companion_request", "prosecutor"),
        ("criminal.witness_service_request", "witness_service"),
    ] {
        let sent = live(&notices, template, to);
        assert_eq!(sent.len(), 1, "{template}: {:#?}", summary_of(&notices));
        assert_eq!(sent[0]["state"], "sent", "{template}: {:#?}", sent[0]);
    }
    Trial { id, body, wendy }
}

/// Changes the trial by PUT with If-Match at its current version.
async fn change(app: &TestApp, t: &Trial, edit: impl FnOnce(&mut Value)) {
    let (_, now) = app
        .get(&format!("/api/v1/hearings/{}", t.id), &t.wendy)
        .await;
    let mut body = t.body.clone();
    edit(&mut body);
    let version = now["version"].as_i64().unwrap();
    let (status, out) = app
        .put(
            &format!("/api/v1/hearings/{}", t.id),
            &t.wendy,
            version,
            body,
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{out}");
}

/// The prosecutor and the Witness Service each have exactly one live
/// agency change notice saying `change`; returns them.
fn one_change_each(notices: &[Value], change: &str) -> Vec<Value> {
    let mut found = Vec::new();
    for to in ["prosecutor", "witness_service"] {
        let changes: Vec<&Value> = live(notices, "hearing.change.agency", to)
            .into_iter()
            .filter(|n| n["data"]["change"] == change)
            .collect();
        assert_eq!(
            changes.len(),
            1,
            "{to} told of the {change} once: {:#?}",
            summary_of(notices)
        );
        found.push(changes[0].clone());
    }
    found
}

#[actix_web::test]
async fn a_trial_moved_earlier_is_passed_on_to_the_partners_already_sent_its_requests() {
    let app = TestApp::spawn().await;
    let mailer = RecordingMailer::default();
    let t = trial_with_partners_told(&app, &mailer).await;

    // Three days earlier: Monday 30 March.
    change(&app, &t, |b| {
        b["starts_at"] = json!("2026-03-30T09:30:00+01:00");
    })
    .await;
    let notices = notices_for(&app, &t.wendy, &t.id).await;
    for n in one_change_each(&notices, "moved") {
        assert_eq!(n["state"], "pending", "{n}");
        assert_eq!(n["data"]["previous_date"], "2026-04-02");
        assert_eq!(n["data"]["previous_time"], "09:30");
        assert_eq!(n["data"]["hearing_date"], "2026-03-30");
        assert_eq!(n["basis"]["kind"], "consent", "{n}");
        let text = n["data"].to_string().to_lowercase();
        assert!(!text.contains("address") && !text.contains("phone"), "{n}");
    }
    // The victim and the supporter are told as before.
    assert_eq!(live(&notices, "hearing.change.victim", "victim").len(), 1);

    // Sent once: a delivery pass sends them, a second move of nothing (the
    // same body again) plans nothing more.
    deliver(&app, &mailer);
    let before = notices_for(&app, &t.wendy, &t.id).await.len();
    change(&app, &t, |b| {
        b["starts_at"] = json!("2026-03-30T09:30:00+01:00");
    })
    .await;
    let after = notices_for(&app, &t.wendy, &t.id).await;
    assert_eq!(after.len(), before, "nothing planned twice");
    for n in one_change_each(&after, "moved") {
        assert_eq!(n["state"], "sent", "{n}");
    }
    let sent = mailer.sent.lock().unwrap().clone();
    let to_ws: Vec<_> = sent
        .iter()
        .filter(|e| e.to == "leeds@witness-service.example" && e.subject.contains("moved"))
        .collect();
    assert_eq!(to_ws.len(), 1, "{sent:#?}");
    assert!(!to_ws[0].body.contains("Demo Person Two"));
    app.assert_nothing_due();
    app.stop().await;
}

#[actix_web::test]
async fn a_trial_moved_twice_tells_the_partners_of_each_slot_they_knew() {
    let app = TestApp::spawn().await;
    let mailer = RecordingMailer::default();
    let t = trial_with_partners_told(&app, &mailer).await;
    change(&app, &t, |b| {
        b["starts_at"] = json!("2026-04-06T09:30:00+01:00")
    })
    .await;
    deliver(&app, &mailer);
    // Moved again: the first change (sent) named 6 April, so each is told
    // again, once.
    change(&app, &t, |b| {
        b["starts_at"] = json!("2026-04-07T10:00:00+01:00")
    })
    .await;
    let notices = notices_for(&app, &t.wendy, &t.id).await;
    for to in ["prosecutor", "witness_service"] {
        let changes = live(&notices, "hearing.change.agency", to);
        assert_eq!(changes.len(), 2, "{to}: {changes:#?}");
        assert!(changes
            .iter()
            .any(|n| n["state"] == "pending" && n["data"]["hearing_date"] == "2026-04-07"));
    }
    // The change notices go out and nothing is left behind.
    deliver(&app, &mailer);
    app.assert_nothing_due();
    app.stop().await;
}

#[actix_web::test]
async fn a_vacated_trial_is_passed_on_to_the_partners_already_sent_its_requests() {
    let app = TestApp::spawn().await;
    let mailer = RecordingMailer::default();
    let t = trial_with_partners_told(&app, &mailer).await;
    change(&app, &t, |b| b["status"] = json!("vacated")).await;
    let notices = notices_for(&app, &t.wendy, &t.id).await;
    for n in one_change_each(&notices, "vacated") {
        assert_eq!(n["data"]["previous_date"], "2026-04-02");
    }
    // The change notices go out and nothing is left behind.
    deliver(&app, &mailer);
    app.assert_nothing_due();
    app.stop().await;
}

#[actix_web::test]
async fn an_adjourned_trial_is_passed_on_to_the_partners_already_sent_its_requests() {
    let app = TestApp::spawn().await;
    let mailer = RecordingMailer::default();
    let t = trial_with_partners_told(&app, &mailer).await;
    change(&app, &t, |b| b["status"] = json!("adjourned")).await;
    let notices = notices_for(&app, &t.wendy, &t.id).await;
    one_change_each(&notices, "adjourned");
    // The change notices go out and nothing is left behind.
    deliver(&app, &mailer);
    app.assert_nothing_due();
    app.stop().await;
}

#[actix_web::test]
async fn a_court_list_that_moves_a_hearing_is_passed_on_to_the_partners_already_told() {
    // V-1001's plea and trial preparation hearing (Monday 23 March, 10:00,
    // Leeds Combined Court Centre); Amara asks to accompany the victim.
    let app = TestApp::spawn().await;
    let mailer = RecordingMailer::default();
    let wendy = app.login(WENDY).await;
    let amara = app.login(AMARA).await;
    let amara_id = app.user_id(&amara).await;
    app.give_consents(&amara, "V-1001", &["witness_service_referral"])
        .await;
    let case = app
        .find_id("/api/v1/cases", &wendy, "urn", "13AB1234526")
        .await;
    let hearing = app
        .find_id(
            &format!("/api/v1/hearings?case_id={case}"),
            &wendy,
            "kind",
            "plea_and_trial_preparation",
        )
        .await;
    let request = app
        .create(
            "/api/v1/attendance-requests",
            &amara,
            json!({"hearing_id": hearing, "supporter_id": amara_id}),
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
            json!({"hearing_id": hearing, "supporter_id": amara_id, "state": "wcu_informed"}),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{out}");
    deliver(&app, &mailer);
    let notices = notices_for(&app, &wendy, &hearing).await;
    assert_eq!(
        live(
            &notices,
            "criminal.witness_service_request",
            "witness_service"
        )[0]["state"],
        "sent"
    );

    let doc: Value = serde_json::from_str(
        &std::fs::read_to_string(format!(
            "{}/fixtures/court-lists/crown-daily-moved.json",
            env!("CARGO_MANIFEST_DIR")
        ))
        .unwrap(),
    )
    .unwrap();
    let (status, summary) = app
        .call(
            Method::POST,
            "/api/v1/court-lists?list_type=crown_daily_pdda_list",
            Some(&wendy),
            Some(doc),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{summary}");
    assert_eq!(summary["moved"], json!([hearing]), "{summary}");
    let notices = notices_for(&app, &wendy, &hearing).await;
    for n in one_change_each(&notices, "moved") {
        assert_eq!(n["data"]["hearing_date"], "2026-03-24", "{n}");
        assert_eq!(n["data"]["previous_date"], "2026-03-23", "{n}");
    }
    // The change notices go out and nothing is left behind.
    deliver(&app, &mailer);
    app.assert_nothing_due();
    app.stop().await;
}

// Issue 14 item 6: the warned-list window reaches the wording, and a warned
// trial fixed at short notice is told to the supporter (and the victim,
// where allowed), not only set as a task.

fn court_list(name: &str) -> Value {
    serde_json::from_str(
        &std::fs::read_to_string(format!(
            "{}/fixtures/court-lists/{name}",
            env!("CARGO_MANIFEST_DIR")
        ))
        .unwrap(),
    )
    .unwrap()
}

async fn import(app: &TestApp, token: &str, query: &str, doc: Value) -> Value {
    let (status, summary) = app
        .call(
            Method::POST,
            &format!("/api/v1/court-lists{query}"),
            Some(token),
            Some(doc),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{summary}");
    summary
}

/// V-1001's trial (Monday 13 April 2026, 10:00 BST, Court 2), put on the
/// warned list for 13 to 17 April.
async fn warned_trial(app: &TestApp, wendy: &str) -> String {
    let case = app
        .find_id("/api/v1/cases", wendy, "urn", "13AB1234526")
        .await;
    let trial = app
        .find_id(
            &format!("/api/v1/hearings?case_id={case}"),
            wendy,
            "kind",
            "trial",
        )
        .await;
    let summary = import(app, wendy, "", court_list("crown-warned-window.json")).await;
    assert_eq!(summary["warned"], json!([trial]), "{summary}");
    trial
}

#[actix_web::test]
async fn the_warned_window_reaches_the_notices() {
    let app = TestApp::spawn().await;
    let wendy = app.login(WENDY).await;
    let trial = warned_trial(&app, &wendy).await;
    let (_, h) = app.get(&format!("/api/v1/hearings/{trial}"), &wendy).await;
    let mut body = json!({});
    for f in [
        "case_id",
        "kind",
        "status",
        "court_id",
        "courtroom",
        "estimated_minutes",
        "victim_attends",
        "victim_gives_evidence",
        "live_link",
        "outcome",
    ] {
        body[f] = h[f].clone();
    }
    // Moved within the window, to Tuesday 14 April.
    body["starts_at"] = json!("2026-04-14T10:00:00+01:00");
    let (status, out) = app
        .put(
            &format!("/api/v1/hearings/{trial}"),
            &wendy,
            h["version"].as_i64().unwrap(),
            body,
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{out}");
    let notices = notices_for(&app, &wendy, &trial).await;
    let change = live(&notices, "hearing.change.supporter", "supporter");
    assert_eq!(change.len(), 1, "{:#?}", summary_of(&notices));
    assert_eq!(
        change[0]["data"]["warned_until"], "2026-04-17",
        "{}",
        change[0]
    );
    let (status, text) = app
        .get(
            &format!(
                "/api/v1/notices/{}/rendered?format=json",
                change[0]["id"].as_str().unwrap()
            ),
            &wendy,
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{text}");
    assert!(
        text.to_string().contains("warned list"),
        "the warned wording: {text}"
    );
    app.stop().await;
}

/// The daily list for Monday 13 April, with V-1001's trial at 10:00 in
/// Court 2 (the moved-list fixture, re-dated).
fn daily_list_for_13_april(id: &str, published: &str) -> Value {
    let mut daily = court_list("crown-daily-moved.json");
    let list = &mut daily["DailyList"];
    list["DocumentID"]["UniqueID"] = json!(id);
    list["ListHeader"]["StartDate"] = json!("2026-04-13");
    list["ListHeader"]["EndDate"] = json!("2026-04-13");
    list["ListHeader"]["PublishedTime"] = json!(published);
    let sitting = &mut list["CourtLists"][0]["Sittings"][1];
    sitting["CourtRoomNumber"] = json!(2);
    sitting["SittingAt"] = json!("10:00:00");
    sitting["Hearings"][0]["HearingDetails"] =
        json!({"HearingDescription": "Trial", "HearingType": "TRL"});
    daily
}

#[actix_web::test]
async fn a_warned_trial_fixed_by_a_daily_list_at_short_notice_is_told_to_the_supporter() {
    let app = TestApp::spawn().await;
    let wendy = app.login(WENDY).await;
    let trial = warned_trial(&app, &wendy).await;

    // Thursday 9 April (after Easter): the daily list for Monday 13 April,
    // two working days on, fixes the trial at its slot.
    app.clock.set(
        chrono::DateTime::parse_from_rfc3339("2026-04-09T12:00:00Z")
            .unwrap()
            .with_timezone(&chrono::Utc),
    );
    let wendy = app.login(WENDY).await;
    let summary = import(
        &app,
        &wendy,
        "?list_type=crown_daily_pdda_list",
        daily_list_for_13_april("fixture-daily-fixed", "2026-04-09T11:00:00Z"),
    )
    .await;
    assert_eq!(summary["confirmed"], json!([trial]), "{summary}");

    let notices = notices_for(&app, &wendy, &trial).await;
    let fixed = live(&notices, "hearing.fixed.supporter", "supporter");
    assert_eq!(fixed.len(), 1, "{:#?}", summary_of(&notices));
    assert_eq!(fixed[0]["state"], "pending");
    // Amara is V-1001's single point of contact: she passes it on.
    assert_eq!(fixed[0]["data"]["relay_to_victim"], true);
    assert_eq!(fixed[0]["data"]["hearing_date"], "2026-04-13");
    assert!(live(&notices, "hearing.fixed.victim", "victim").is_empty());

    // A later version of the list confirms it again: the trial is no
    // longer warned, so nothing more is sent.
    let again = import(
        &app,
        &wendy,
        "?list_type=crown_daily_pdda_list",
        daily_list_for_13_april("fixture-daily-fixed-2", "2026-04-09T15:00:00Z"),
    )
    .await;
    assert_eq!(again["confirmed"], json!([trial]), "{again}");
    let after = notices_for(&app, &wendy, &trial).await;
    assert_eq!(
        live(&after, "hearing.fixed.supporter", "supporter").len(),
        1,
        "{:#?}",
        summary_of(&after)
    );
    app.stop().await;
}

/// The case's notices with this template (any state).
async fn case_notices(app: &TestApp, token: &str, case: &str, template: &str) -> Vec<Value> {
    let (status, list) = app
        .get(
            &format!("/api/v1/notices?case_id={case}&template={template}&per_page=200"),
            token,
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{list}");
    items(&list)
}

#[actix_web::test]
async fn a_cancelled_visit_is_passed_on_to_those_sent_its_arrangement() {
    let app = TestApp::spawn().await;
    let mailer = RecordingMailer::default();
    let wendy = app.login(WENDY).await;
    // V-1002 (Ben, not SPOC, consent to share court dates).
    let case = app
        .find_id("/api/v1/cases", &wendy, "urn", "13CD7654321")
        .await;
    let court = app.court_id(&wendy, "Leeds Magistrates' Court").await;
    let mut body = json!({"case_id": case, "court_id": court, "state": "arranged",
                          "starts_at": "2026-04-14T14:00:00+01:00", "supporter_attends": true,
                          "arranged_via": "witness_care_unit"});
    let visit = app
        .create("/api/v1/pre-trial-visits", &wendy, body.clone())
        .await;
    let id = visit["id"].as_str().unwrap();
    deliver(&app, &mailer);
    let arranged = case_notices(
        &app,
        &wendy,
        &case,
        "criminal.pre_trial_visit_arranged.supporter",
    )
    .await;
    assert_eq!(arranged.len(), 1, "{arranged:#?}");
    assert_eq!(arranged[0]["state"], "sent");

    body["state"] = json!("cancelled");
    let (status, out) = app
        .put(&format!("/api/v1/pre-trial-visits/{id}"), &wendy, 1, body)
        .await;
    assert_eq!(status, StatusCode::OK, "{out}");
    for (template, to) in [
        ("criminal.pre_trial_visit_cancelled.supporter", "supporter"),
        ("criminal.pre_trial_visit_cancelled.victim", "victim"),
    ] {
        let cancelled = case_notices(&app, &wendy, &case, template).await;
        assert_eq!(cancelled.len(), 1, "{template}: {cancelled:#?}");
        assert_eq!(cancelled[0]["recipient_kind"], to);
        assert_eq!(cancelled[0]["state"], "pending");
        assert_eq!(cancelled[0]["data"]["visit_date"], "2026-04-14");
        let text = cancelled[0]["data"].to_string().to_lowercase();
        assert!(!text.contains("address") && !text.contains("phone"));
    }
    // The change notices go out and nothing is left behind.
    deliver(&app, &mailer);
    app.assert_nothing_due();
    app.stop().await;
}

#[actix_web::test]
async fn a_visit_cancelled_before_anyone_was_told_sends_nothing() {
    let app = TestApp::spawn().await;
    let wendy = app.login(WENDY).await;
    let case = app
        .find_id("/api/v1/cases", &wendy, "urn", "13CD7654321")
        .await;
    let court = app.court_id(&wendy, "Leeds Magistrates' Court").await;
    let mut body = json!({"case_id": case, "court_id": court, "state": "arranged",
                          "starts_at": "2026-04-14T14:00:00+01:00", "supporter_attends": true,
                          "arranged_via": "witness_care_unit"});
    let visit = app
        .create("/api/v1/pre-trial-visits", &wendy, body.clone())
        .await;
    body["state"] = json!("cancelled");
    let (status, out) = app
        .put(
            &format!("/api/v1/pre-trial-visits/{}", visit["id"].as_str().unwrap()),
            &wendy,
            1,
            body,
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{out}");
    let arranged = case_notices(
        &app,
        &wendy,
        &case,
        "criminal.pre_trial_visit_arranged.supporter",
    )
    .await;
    assert_eq!(arranged[0]["state"], "cancelled", "{arranged:#?}");
    assert!(case_notices(
        &app,
        &wendy,
        &case,
        "criminal.pre_trial_visit_cancelled.supporter"
    )
    .await
    .is_empty());
    app.stop().await;
}

// Issue 19 item 8: a change of supporter or single point of contact is told
// to the court, the Witness Service and the witness care unit involved in
// upcoming hearings.

#[actix_web::test]
async fn a_new_single_point_of_contact_is_told_to_the_agencies_of_upcoming_hearings() {
    let app = TestApp::spawn().await;
    let ben = app.login(BEN).await;
    let wendy = app.login(WENDY).await;
    // V-1002: Ben supports her (not SPOC); her trial is in 10 days.
    let victim = app
        .give_consents(
            &ben,
            "V-1002",
            &["identify_supporter_to_court", "witness_service_referral"],
        )
        .await;
    let (status, list) = app
        .get(
            &format!("/api/v1/supporter-assignments?victim_id={victim}"),
            &ben,
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{list}");
    let a = items(&list)[0].clone();
    let mut body = json!({});
    for f in ["victim_id", "supporter_id", "role", "starts_on", "ends_on"] {
        body[f] = a[f].clone();
    }
    body["is_spoc"] = json!(true);
    body["spoc_agreed_on"] = json!("2026-03-20");
    let path = format!(
        "/api/v1/supporter-assignments/{}",
        a["id"].as_str().unwrap()
    );
    let (status, out) = app
        .put(&path, &ben, a["version"].as_i64().unwrap(), body.clone())
        .await;
    assert_eq!(status, StatusCode::OK, "{out}");

    let told = case_notices_of_victim(&app, &wendy, &victim, "routing.contact_changed").await;
    let mut kinds: Vec<String> = told
        .iter()
        .map(|n| n["recipient_kind"].as_str().unwrap().to_string())
        .collect();
    kinds.sort();
    assert_eq!(
        kinds,
        ["court", "witness_care_unit", "witness_service"],
        "{told:#?}"
    );
    for n in &told {
        assert_eq!(n["data"]["supporter_name"], "Ben Isva", "{n}");
        assert_eq!(n["data"]["spoc"], true);
        assert_eq!(n["data"]["court_name"], "Leeds Magistrates' Court");
        assert_eq!(n["state"], "pending");
        let text = n["data"].to_string();
        assert!(!text.contains("Demo Person Two"), "{n}");
    }

    // Saved again with nothing changed: nobody is told again.
    let (status, out) = app
        .put(&path, &ben, out["version"].as_i64().unwrap(), body)
        .await;
    assert_eq!(status, StatusCode::OK, "{out}");
    let again = case_notices_of_victim(&app, &wendy, &victim, "routing.contact_changed").await;
    assert_eq!(again.len(), told.len());
    app.stop().await;
}

async fn case_notices_of_victim(
    app: &TestApp,
    token: &str,
    victim: &str,
    template: &str,
) -> Vec<Value> {
    let (status, list) = app
        .get(
            &format!("/api/v1/notices?victim_id={victim}&template={template}&per_page=200"),
            token,
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{list}");
    items(&list)
}

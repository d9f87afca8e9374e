//! Pleas and the CPS meeting (issue 19, item 5), on whichever backend the
//! suite runs on. A not-guilty plea in a rape case with an adult victim
//! asks her ISVA to find out whether she wants to be accompanied at the
//! CPS's meeting before trial; her answer, recorded through
//! `PUT /api/v1/cases/{id}/cps-meeting`, is passed to the prosecutor under
//! her consent to identify her supporter, and the meeting goes on the
//! supporter's list. A guilty plea asks the witness care officer to offer
//! her a victim personal statement before sentence.

use reqwest::{Method, StatusCode};
use serde_json::{json, Value};

use crate::helpers::*;

const URN: &str = "13CD7654321";

fn items(list: &Value) -> Vec<Value> {
    list["items"].as_array().cloned().unwrap_or_default()
}

/// Records what the case is about, through the case's PUT with the rest of
/// it unchanged.
async fn set_offence(app: &TestApp, token: &str, case: &str, group: &str) -> (StatusCode, Value) {
    let path = format!("/api/v1/cases/{case}");
    let (_, c) = app.get(&path, token).await;
    let mut body = c.clone();
    for f in ["id", "version", "created_at", "updated_at"] {
        body.as_object_mut().unwrap().remove(f);
    }
    body["offence_group"] = json!(group);
    app.put(&path, token, c["version"].as_i64().unwrap(), body)
        .await
}

/// V-1002's case (Ben is her ISVA), recorded as a rape case; returns its
/// id and the ids of a plea hearing on Monday 23 March 2026.
async fn rape_case_with_a_plea_hearing(app: &TestApp, wendy: &str) -> (String, String) {
    let case = app.find_id("/api/v1/cases", wendy, "urn", URN).await;
    let (status, out) = set_offence(app, wendy, &case, "rape_or_serious_sexual_offence").await;
    assert_eq!(status, StatusCode::OK, "{out}");
    assert_eq!(out["offence_group"], "rape_or_serious_sexual_offence");
    let court = app.court_id(wendy, "Leeds Magistrates' Court").await;
    let hearing = app
        .create(
            "/api/v1/hearings",
            wendy,
            json!({"case_id": case, "kind": "plea_and_trial_preparation", "court_id": court,
                   "starts_at": "2026-03-23T10:00:00+00:00", "estimated_minutes": 60}),
        )
        .await;
    (case, hearing["id"].as_str().unwrap().to_string())
}

async fn plea(app: &TestApp, wendy: &str, hearing: &str, result: &str) {
    let path = format!("/api/v1/hearings/{hearing}");
    let (_, h) = app.get(&path, wendy).await;
    let mut body = json!({});
    for f in [
        "case_id",
        "kind",
        "court_id",
        "starts_at",
        "estimated_minutes",
        "victim_attends",
    ] {
        body[f] = h[f].clone();
    }
    body["status"] = json!("concluded");
    body["result"] = json!({"kind": result});
    let (status, out) = app
        .put(&path, wendy, h["version"].as_i64().unwrap(), body)
        .await;
    assert_eq!(status, StatusCode::OK, "{out}");
}

async fn open_tasks(app: &TestApp, token: &str, kind: &str) -> Vec<Value> {
    let (status, list) = app
        .get("/api/v1/tasks?state=open&per_page=200", token)
        .await;
    assert_eq!(status, StatusCode::OK, "{list}");
    items(&list)
        .into_iter()
        .filter(|t| t["kind"] == kind)
        .collect()
}

async fn wish_notices(app: &TestApp, token: &str, case: &str) -> Vec<Value> {
    let (status, list) = app
        .get(
            &format!("/api/v1/notices?case_id={case}&per_page=200"),
            token,
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{list}");
    items(&list)
        .into_iter()
        .filter(|n| n["template"] == "cps_meeting.wish" && n["state"] != "cancelled")
        .collect()
}

#[actix_web::test]
async fn a_not_guilty_plea_in_a_rape_case_leads_to_the_cps_meeting_with_her_isva_if_she_wants() {
    let app = TestApp::spawn().await;
    let wendy = app.login(WENDY).await;
    let ben = app.login(BEN).await;
    let amara = app.login(AMARA).await;
    let (case, hearing) = rape_case_with_a_plea_hearing(&app, &wendy).await;
    let meeting = format!("/api/v1/cases/{case}/cps-meeting");

    // Before the plea: nothing recorded, version 0, and she is entitled.
    let (status, _, m) = app
        .call_full(Method::GET, &meeting, Some(&ben), None, &[])
        .await;
    assert_eq!(status, StatusCode::OK, "{m}");
    assert_eq!(
        (m["version"].clone(), m["entitled"].clone()),
        (json!(0), json!(true))
    );
    assert!(open_tasks(&app, &ben, "ask_about_cps_meeting")
        .await
        .is_empty());

    // The not-guilty plea: her ISVA is asked, within five working days
    // (Monday 23rd to Monday 30th, the clocks having gone forward).
    plea(&app, &wendy, &hearing, "not_guilty_plea").await;
    let ask = open_tasks(&app, &ben, "ask_about_cps_meeting").await;
    assert_eq!(ask.len(), 1, "{ask:?}");
    assert_eq!(ask[0]["due_at"], "2026-03-30T22:59:00Z", "{}", ask[0]);
    let (_, deadlines) = app
        .get(
            &format!(
                "/api/v1/deadlines?victim_id={}&per_page=200",
                m["victim_id"].as_str().unwrap()
            ),
            &ben,
        )
        .await;
    let wish = items(&deadlines)
        .into_iter()
        .find(|d| d["kind"] == "cps_meeting_wish_recorded")
        .unwrap_or_else(|| panic!("no wish deadline: {deadlines}"));
    assert_eq!(wish["state"], "running");

    // Who may: the officer reads but may not record; another supporter's
    // victim is out of reach; the checks name their field.
    let wants = json!({"supporter_invited": "wanted", "offered_on": "2026-03-20",
                       "meeting_at": "2026-03-31T13:30:00Z"});
    let (status, out) = app.get(&meeting, &wendy).await;
    assert_eq!(status, StatusCode::OK, "{out}");
    let (status, out) = app.put(&meeting, &wendy, 0, wants.clone()).await;
    assert_problem(status, &out, StatusCode::FORBIDDEN, None);
    let (status, out) = app.put(&meeting, &amara, 0, wants.clone()).await;
    assert_problem(status, &out, StatusCode::NOT_FOUND, None);
    let (status, out) = app
        .put(
            &meeting,
            &ben,
            0,
            json!({"supporter_invited": "wanted", "declined": true,
                                       "meeting_at": "2026-03-31T13:30:00Z"}),
        )
        .await;
    assert_problem(
        status,
        &out,
        StatusCode::UNPROCESSABLE_ENTITY,
        Some("meeting_at"),
    );
    let (status, out) = app
        .put(
            &meeting,
            &ben,
            0,
            json!({"supporter_invited": "wanted", "offered_on": "2026-03-21"}),
        )
        .await;
    assert_problem(
        status,
        &out,
        StatusCode::UNPROCESSABLE_ENTITY,
        Some("offered_on"),
    );

    // She wants Ben there, but has not agreed that he may be identified
    // to the prosecution: saved, not passed on, and the page is told why.
    let (status, out) = app.put(&meeting, &ben, 0, wants.clone()).await;
    assert_eq!(status, StatusCode::OK, "{out}");
    assert_eq!(out["meeting"]["version"], 1);
    assert_eq!(out["meeting"]["prosecutor_told"], false);
    assert!(
        out["not_told_reason"].as_str().unwrap().contains("consent"),
        "{out}"
    );
    assert!(wish_notices(&app, &ben, &case).await.is_empty());
    assert_eq!(
        open_tasks(&app, &ben, "ask_about_cps_meeting").await.len(),
        1
    );
    // The meeting is on his list at its time either way.
    let attend = open_tasks(&app, &ben, "attend_cps_meeting").await;
    assert_eq!(attend.len(), 1);
    assert_eq!(attend[0]["due_at"], "2026-03-31T13:30:00Z");

    // With her consent, saving again tells the prosecutor, once, and
    // asking her is done.
    app.give_consents(&ben, "V-1002", &["identify_supporter_to_court"])
        .await;
    let (status, out) = app.put(&meeting, &ben, 1, wants.clone()).await;
    assert_eq!(status, StatusCode::OK, "{out}");
    assert_eq!(out["meeting"]["prosecutor_told"], true);
    assert_eq!(out["not_told_reason"], Value::Null);
    let told = wish_notices(&app, &ben, &case).await;
    assert_eq!(told.len(), 1, "{told:?}");
    assert_eq!(told[0]["recipient_kind"], "prosecutor");
    assert_eq!(told[0]["data"]["supporter_wanted"], true);
    assert_eq!(told[0]["data"]["meeting_time"], "14:30");
    assert!(open_tasks(&app, &ben, "ask_about_cps_meeting")
        .await
        .is_empty());

    // A stale version is refused; the meeting moving does not tell the
    // prosecutor again, and the task moves with it.
    let (status, out) = app.put(&meeting, &ben, 1, wants.clone()).await;
    assert_problem(status, &out, StatusCode::PRECONDITION_FAILED, None);
    let moved = json!({"supporter_invited": "wanted", "offered_on": "2026-03-20",
                       "meeting_at": "2026-04-01T09:00:00Z"});
    let (status, out) = app.put(&meeting, &ben, 2, moved).await;
    assert_eq!(status, StatusCode::OK, "{out}");
    assert_eq!(out["meeting"]["prosecutor_told"], true);
    assert_eq!(wish_notices(&app, &ben, &case).await.len(), 1);
    let attend = open_tasks(&app, &ben, "attend_cps_meeting").await;
    assert_eq!(attend.len(), 1, "{attend:?}");
    assert_eq!(attend[0]["due_at"], "2026-04-01T09:00:00Z");

    // She changes her mind: the prosecutor is told, and the meeting leaves
    // his list.
    let (status, out) = app
        .put(
            &meeting,
            &ben,
            3,
            json!({"supporter_invited": "not_wanted",
                                       "meeting_at": "2026-04-01T09:00:00Z"}),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{out}");
    let told = wish_notices(&app, &ben, &case).await;
    assert_eq!(told.len(), 2, "{told:?}");
    assert!(told.iter().any(|n| n["data"]["supporter_wanted"] == false));
    assert!(open_tasks(&app, &ben, "attend_cps_meeting")
        .await
        .is_empty());

    // Every change audited, with her wish as the category and no more.
    let victim = m["victim_id"].as_str().unwrap();
    let (status, export) = app
        .get(&format!("/api/v1/victims/{victim}/export"), &ben)
        .await;
    assert_eq!(status, StatusCode::OK, "{export}");
    // Her export holds the meeting as it now stands.
    let meetings = export["cps_meetings"].as_array().unwrap();
    assert_eq!(meetings.len(), 1, "{export}");
    assert_eq!(meetings[0]["supporter_invited"], "not_wanted");
    assert_eq!(meetings[0]["version"], 4);
    let audit: Vec<(Value, Value)> = export["audit"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|a| a["entity"] == "cps_meetings")
        .map(|a| (a["action"].clone(), a["category"].clone()))
        .collect();
    assert_eq!(
        audit,
        [
            (json!("create"), json!("wanted")),
            (json!("update"), json!("wanted")),
            (json!("update"), json!("wanted")),
            (json!("update"), json!("not_wanted")),
        ]
    );
}

#[actix_web::test]
async fn a_guilty_plea_asks_the_officer_to_offer_a_personal_statement_and_nothing_about_a_meeting()
{
    let app = TestApp::spawn().await;
    let wendy = app.login(WENDY).await;
    let ben = app.login(BEN).await;
    let (_, hearing) = rape_case_with_a_plea_hearing(&app, &wendy).await;
    plea(&app, &wendy, &hearing, "guilty_plea").await;
    let offer = open_tasks(&app, &wendy, "offer_victim_personal_statement").await;
    assert_eq!(offer.len(), 1, "{offer:?}");
    assert_eq!(offer[0]["due_at"], "2026-03-30T22:59:00Z");
    assert!(open_tasks(&app, &ben, "ask_about_cps_meeting")
        .await
        .is_empty());
    // The officer's task, not the supporter's.
    assert_eq!(offer[0]["role"], "witness_care_officer", "{}", offer[0]);
}

#[actix_web::test]
async fn only_a_criminal_case_has_an_offence_group_or_a_cps_meeting() {
    let app = TestApp::spawn().await;
    let amara = app.login(AMARA).await;
    let case = app
        .find_id("/api/v1/cases", &amara, "case_number", "LS26P00123")
        .await;
    let (status, out) = set_offence(&app, &amara, &case, "domestic_abuse").await;
    assert_problem(
        status,
        &out,
        StatusCode::UNPROCESSABLE_ENTITY,
        Some("offence_group"),
    );
    let (status, out) = app
        .put(
            &format!("/api/v1/cases/{case}/cps-meeting"),
            &amara,
            0,
            json!({"supporter_invited": "wanted"}),
        )
        .await;
    assert_problem(status, &out, StatusCode::CONFLICT, None);
}

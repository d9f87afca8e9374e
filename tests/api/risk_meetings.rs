//! Risk meetings (issue 19, item 7), on whichever backend the suite runs
//! on: the supporter records a MARAC meeting; its referral-form deadline
//! (the rules table's figure, counted in London days across the spring
//! clock change) and task reach her week; no other role sees the meeting
//! or the work it makes; moving it re-plans; doing the task meets the
//! deadline; after the meeting the actions are recorded, the supporter's
//! own becoming a task; an action's text is sealed at rest and kept out
//! of the audit log.
//!
//! Store check: an action's text is read from the store to show it is
//! sealed at rest.

use courtside::store::schema::risk_meeting_actions;
use diesel::prelude::*;
use reqwest::{Method, StatusCode};
use serde_json::{json, Value};

use crate::delivery::RecordingMailer;
use crate::helpers::*;

const PANEL: &str = "Leeds MARAC (Wharfedale panel)";
const ACTION: &str = "Review the Oystercatcher Lane safety plan with her";

fn at(s: &str) -> chrono::DateTime<chrono::Utc> {
    chrono::DateTime::parse_from_rfc3339(s).unwrap().to_utc()
}

fn of_kind<'a>(list: &'a Value, field: &str, kind: &str) -> Vec<&'a Value> {
    list.as_array()
        .unwrap()
        .iter()
        .filter(|v| v[field] == kind)
        .collect()
}

#[actix_web::test]
async fn a_marac_meeting_puts_its_deadline_on_the_supporters_week_and_its_actions_become_tasks() {
    let app = TestApp::spawn().await;
    let ben = app.login(BEN).await;
    let wendy = app.login(WENDY).await;
    let victim = app
        .find_id("/api/v1/victims", &ben, "reference", "V-1002")
        .await;
    let list = format!("/api/v1/victims/{victim}/risk-meetings");
    let body = |at: &str| json!({"kind": "marac", "starts_at": at, "panel": PANEL});

    // Thursday 2 April 2026 at 10:00 BST. Five working days before is
    // Thursday 26 March, before the clocks went forward (29 March): the
    // referral form is due at 23:59 GMT that day.
    let (status, headers, meeting) = app
        .call_full(
            Method::POST,
            &list,
            Some(&ben),
            Some(body("2026-04-02T10:00:00+01:00")),
            &[],
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "{meeting}");
    assert_eq!(headers.get("etag").unwrap(), "\"1\"");
    assert_eq!(meeting["starts_at"], "2026-04-02T09:00:00Z");
    assert_eq!(meeting["starts_at_local"], "2026-04-02T10:00:00+01:00");
    assert_eq!(meeting["paperwork_due_on"], "2026-03-26");
    assert_eq!(meeting["paperwork_due_at"], "2026-03-26T23:59:00Z");
    assert!(meeting["paperwork_citation"]
        .as_str()
        .unwrap()
        .contains("MARAC"));
    let id = meeting["id"].as_str().unwrap().to_string();
    let one = format!("/api/v1/risk-meetings/{id}");

    // Refusals name the field; actions wait for the meeting.
    let (status, out) = app
        .post(
            &list,
            &ben,
            json!({"kind": "marac", "starts_at": "Thursday", "panel": " "}),
        )
        .await;
    assert_problem(
        status,
        &out,
        StatusCode::UNPROCESSABLE_ENTITY,
        Some("starts_at"),
    );
    let action = |owner: &str, org: Option<&str>, due: &str| json!({"owner": owner, "organisation_id": org, "text": ACTION, "due_on": due});
    let (status, out) = app
        .post(
            &format!("{one}/actions"),
            &ben,
            action("supporter", None, "2026-04-16"),
        )
        .await;
    assert_problem(status, &out, StatusCode::CONFLICT, None);

    // Her week: the deadline and the task; the meeting in its own week.
    let (status, week) = app.get("/api/v1/agenda?from=2026-03-23", &ben).await;
    assert_eq!(status, StatusCode::OK, "{week}");
    let due = of_kind(&week["deadlines"], "kind", "risk_meeting_paperwork");
    assert_eq!(due.len(), 1, "{week}");
    assert_eq!(due[0]["due_at"], "2026-03-26T23:59:00Z");
    let tasks = of_kind(&week["tasks"], "kind", "send_risk_meeting_paperwork");
    assert_eq!(tasks.len(), 1, "{week}");
    assert_eq!(tasks[0]["due_at"], "2026-03-26T23:59:00Z");
    let (_, next) = app.get("/api/v1/agenda?from=2026-03-30", &ben).await;
    let meetings = next["risk_meetings"].as_array().unwrap();
    assert_eq!(meetings.len(), 1, "{next}");
    assert_eq!(meetings[0]["victim_reference"], "V-1002");

    // Nobody else: another supporter 404, other roles 403; the witness
    // care officer on her case sees neither the deadline nor the task.
    let amara = app.login(AMARA).await;
    let (status, out) = app.get(&one, &amara).await;
    assert_problem(status, &out, StatusCode::NOT_FOUND, None);
    for who in [WENDY, MAYA, CORA, VICTOR, ADMIN, WES] {
        let token = app.login(who).await;
        let (status, out) = app.get(&list, &token).await;
        assert_problem(status, &out, StatusCode::FORBIDDEN, None);
    }
    let (_, deadlines) = app
        .get(&format!("/api/v1/deadlines?victim_id={victim}"), &wendy)
        .await;
    assert!(of_kind(&deadlines["items"], "kind", "risk_meeting_paperwork").is_empty());
    let (_, tasks) = app
        .get(&format!("/api/v1/tasks?victim_id={victim}"), &wendy)
        .await;
    assert!(tasks.to_string().find("risk_meeting").is_none(), "{tasks}");
    let (status, out) = app
        .get(&format!("/api/v1/tasks/{}", tasks_id(&week)), &wendy)
        .await;
    assert_problem(status, &out, StatusCode::NOT_FOUND, None);

    // Moved a week later: If-Match required and checked; the old deadline
    // and task are withdrawn and new ones planned.
    let (status, _, out) = app
        .call_full(
            Method::PUT,
            &one,
            Some(&ben),
            Some(body("2026-04-09T10:00:00+01:00")),
            &[],
        )
        .await;
    assert_problem(status, &out, StatusCode::PRECONDITION_REQUIRED, None);
    let (status, out) = app
        .put(&one, &ben, 7, body("2026-04-09T10:00:00+01:00"))
        .await;
    assert_problem(status, &out, StatusCode::PRECONDITION_FAILED, None);
    let (status, moved) = app
        .put(&one, &ben, 1, body("2026-04-09T10:00:00+01:00"))
        .await;
    assert_eq!(status, StatusCode::OK, "{moved}");
    assert_eq!(moved["version"], 2);
    // Good Friday (3 April) and Easter Monday (6 April) are skipped:
    // Tuesday 31 March, in BST now.
    assert_eq!(moved["paperwork_due_at"], "2026-03-31T22:59:00Z");
    let (_, week) = app.get("/api/v1/agenda?from=2026-03-30", &ben).await;
    let tasks = of_kind(&week["tasks"], "kind", "send_risk_meeting_paperwork");
    assert_eq!(tasks.len(), 1, "{week}");
    assert_eq!(tasks[0]["due_at"], "2026-03-31T22:59:00Z");
    let (_, old) = app.get("/api/v1/agenda?from=2026-03-23", &ben).await;
    assert!(of_kind(&old["deadlines"], "kind", "risk_meeting_paperwork").is_empty());

    // She sends the form: the task is done, and the sweep finds the
    // deadline met.
    let task = tasks[0]["id"].as_str().unwrap().to_string();
    let (status, done) = app
        .put(
            &format!("/api/v1/tasks/{task}"),
            &ben,
            tasks[0]["version"].as_i64().unwrap(),
            json!({"state": "done"}),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{done}");
    let mailer = RecordingMailer::default();
    app.advance_to(at("2026-04-09T12:00:00Z"), &mailer);
    // Signed in afresh after the weeks that passed.
    let ben = app.login(BEN).await;
    let wendy = app.login(WENDY).await;
    let (_, met) = app
        .get(
            &format!("/api/v1/deadlines?victim_id={victim}&state=met"),
            &ben,
        )
        .await;
    assert_eq!(
        of_kind(&met["items"], "kind", "risk_meeting_paperwork").len(),
        1,
        "{met}"
    );

    // After the meeting: her action (a task due on its day, 23:59 BST),
    // and one for the police; an agency's action must name it.
    let (_, orgs) = app.get("/api/v1/organisations", &ben).await;
    let wcu = orgs["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|o| o["kind"] == "witness_care_unit")
        .unwrap()["id"]
        .as_str()
        .unwrap()
        .to_string();
    let (status, out) = app
        .post(
            &format!("{one}/actions"),
            &ben,
            action("agency", None, "2026-04-16"),
        )
        .await;
    assert_problem(
        status,
        &out,
        StatusCode::UNPROCESSABLE_ENTITY,
        Some("organisation_id"),
    );
    let (status, out) = app
        .post(
            &format!("{one}/actions"),
            &ben,
            action("supporter", None, "2026-04-08"),
        )
        .await;
    assert_problem(
        status,
        &out,
        StatusCode::UNPROCESSABLE_ENTITY,
        Some("due_on"),
    );
    let (status, mine) = app
        .post(
            &format!("{one}/actions"),
            &ben,
            action("supporter", None, "2026-04-16"),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "{mine}");
    assert_eq!(mine["text"], ACTION);
    let (status, theirs) = app
        .post(
            &format!("{one}/actions"),
            &ben,
            action("agency", Some(&wcu), "2026-04-14"),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "{theirs}");
    assert!(theirs["organisation_name"].is_string(), "{theirs}");
    let (_, week) = app.get("/api/v1/agenda?from=2026-04-13", &ben).await;
    let carried = of_kind(&week["tasks"], "kind", "carry_risk_meeting_action");
    assert_eq!(carried.len(), 1, "only her own: {week}");
    assert_eq!(carried[0]["due_at"], "2026-04-16T22:59:00Z");
    assert!(
        !week.to_string().contains("Oystercatcher"),
        "no text in tasks"
    );
    let (status, detail) = app.get(&one, &ben).await;
    assert_eq!(status, StatusCode::OK, "{detail}");
    let actions = detail["actions"].as_array().unwrap();
    assert_eq!(actions.len(), 2);
    assert_eq!(actions[0]["owner"], "agency", "earliest due first");
    let (status, out) = app.get(&one, &wendy).await;
    assert_problem(status, &out, StatusCode::FORBIDDEN, None);

    // Sealed at rest.
    {
        let mut conn = app.pool.get().unwrap();
        let stored: Vec<String> = risk_meeting_actions::table
            .select(risk_meeting_actions::action_text)
            .load(&mut *conn)
            .unwrap();
        assert_eq!(stored.len(), 2);
        assert!(stored.iter().all(|s| !s.contains("Oystercatcher")));
    }

    // Every write audited, by kind; never the panel or the text.
    let (status, export) = app
        .get(&format!("/api/v1/victims/{victim}/export"), &ben)
        .await;
    assert_eq!(status, StatusCode::OK);
    let audit: Vec<(String, String, String)> = export["audit"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|a| {
            a["entity"]
                .as_str()
                .unwrap_or("")
                .starts_with("risk_meeting")
        })
        .map(|a| {
            (
                a["entity"].as_str().unwrap().to_string(),
                a["action"].as_str().unwrap().to_string(),
                a["category"].as_str().unwrap_or("").to_string(),
            )
        })
        .collect();
    let want = |e: &str, a: &str, c: &str| (e.to_string(), a.to_string(), c.to_string());
    assert_eq!(
        audit,
        [
            want("risk_meetings", "create", "marac"),
            want("risk_meetings", "update", "marac"),
            want("risk_meeting_actions", "create", "marac_action"),
            want("risk_meeting_actions", "create", "marac_action"),
        ]
    );
    let text = export["audit"].to_string();
    assert!(!text.contains("Wharfedale") && !text.contains("Oystercatcher"));
    // Her export to her supporter holds the meeting and its actions; the
    // witness care officer's export of her record says nothing of it.
    assert_eq!(export["risk_meetings"][0]["meeting"]["panel"], PANEL);
    assert_eq!(
        export["risk_meetings"][0]["actions"]
            .as_array()
            .unwrap()
            .len(),
        2
    );
    let (status, theirs) = app
        .get(&format!("/api/v1/victims/{victim}/export"), &wendy)
        .await;
    assert_eq!(status, StatusCode::OK, "{theirs}");
    assert_eq!(theirs["risk_meetings"], json!([]));
    assert!(
        !theirs["audit"].to_string().contains("risk_meeting"),
        "{theirs}"
    );

    app.assert_nothing_due();
}

/// The id of the first risk-meeting task in a week's answer.
fn tasks_id(week: &Value) -> String {
    of_kind(&week["tasks"], "kind", "send_risk_meeting_paperwork")[0]["id"]
        .as_str()
        .unwrap()
        .to_string()
}

#[actix_web::test]
async fn rotating_the_field_keys_reseals_the_actions() {
    let app = TestApp::spawn().await;
    let ben = app.login(BEN).await;
    let victim = app
        .find_id("/api/v1/victims", &ben, "reference", "V-1002")
        .await;
    // A meeting held the day before the test's "now".
    let meeting = app
        .create(
            &format!("/api/v1/victims/{victim}/risk-meetings"),
            &ben,
            json!({"kind": "mappa", "starts_at": "2026-03-19T10:00:00+00:00", "panel": PANEL}),
        )
        .await;
    let one = format!("/api/v1/risk-meetings/{}", meeting["id"].as_str().unwrap());
    let (status, out) = app
        .post(
            &format!("{one}/actions"),
            &ben,
            json!({"owner": "supporter", "text": ACTION, "due_on": "2026-03-27"}),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "{out}");
    let stored = |app: &TestApp| -> String {
        risk_meeting_actions::table
            .select(risk_meeting_actions::action_text)
            .first(&mut *app.pool.get().unwrap())
            .unwrap()
    };
    let before = stored(&app);
    let (id, rewritten) = rotate_field_keys(&app, "rm");
    assert!(rewritten >= 1);
    let after = stored(&app);
    assert_ne!(before, after);
    assert!(after.starts_with(&format!("v1:{id}:")), "{after}");
    let (status, detail) = app.get(&one, &ben).await;
    assert_eq!(status, StatusCode::OK, "{detail}");
    assert_eq!(detail["actions"][0]["text"], ACTION);
    app.stop().await;
}

#[actix_web::test]
async fn a_cancelled_meeting_withdraws_its_paperwork_and_leaves_the_week_but_stays_on_her_record() {
    let app = TestApp::spawn().await;
    let ben = app.login(BEN).await;
    let victim = app
        .find_id("/api/v1/victims", &ben, "reference", "V-1002")
        .await;
    let list = format!("/api/v1/victims/{victim}/risk-meetings");
    // Monday 26 October 2026 at 10:00 GMT, the day after the clocks went
    // back: the form is due five working days before, Monday 19 October,
    // at 23:59 BST.
    let meeting = app
        .create(
            &list,
            &ben,
            json!({"kind": "mappa", "starts_at": "2026-10-26T10:00:00+00:00", "panel": PANEL}),
        )
        .await;
    assert_eq!(meeting["paperwork_due_at"], "2026-10-19T22:59:00Z");
    assert!(meeting["cancelled_at"].is_null());
    let id = meeting["id"].as_str().unwrap().to_string();
    let one = format!("/api/v1/risk-meetings/{id}");
    let cancel = format!("{one}/cancel");
    let (_, before) = app.get("/api/v1/agenda?from=2026-10-19", &ben).await;
    assert_eq!(
        of_kind(&before["deadlines"], "kind", "risk_meeting_paperwork").len(),
        1,
        "{before}"
    );

    // Only with If-Match, and only the current version; only supporters.
    let (status, _, out) = app
        .call_full(Method::POST, &cancel, Some(&ben), None, &[])
        .await;
    assert_problem(status, &out, StatusCode::PRECONDITION_REQUIRED, None);
    let (status, _, out) = app
        .call_full(
            Method::POST,
            &cancel,
            Some(&ben),
            None,
            &[("if-match", "\"9\"")],
        )
        .await;
    assert_problem(status, &out, StatusCode::PRECONDITION_FAILED, None);
    let wendy = app.login(WENDY).await;
    let (status, _, out) = app
        .call_full(
            Method::POST,
            &cancel,
            Some(&wendy),
            None,
            &[("if-match", "\"1\"")],
        )
        .await;
    assert_problem(status, &out, StatusCode::FORBIDDEN, None);

    let (status, headers, cancelled) = app
        .call_full(
            Method::POST,
            &cancel,
            Some(&ben),
            None,
            &[("if-match", "\"1\"")],
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{cancelled}");
    assert_eq!(headers.get("etag").unwrap(), "\"2\"");
    assert!(cancelled["cancelled_at"].is_string(), "{cancelled}");

    // The deadline and the task are withdrawn; the week and its meeting
    // list no longer show it; her record still does.
    let (_, week) = app.get("/api/v1/agenda?from=2026-10-19", &ben).await;
    assert!(
        of_kind(&week["deadlines"], "kind", "risk_meeting_paperwork").is_empty(),
        "{week}"
    );
    assert!(
        of_kind(&week["tasks"], "kind", "send_risk_meeting_paperwork").is_empty(),
        "{week}"
    );
    let (_, meeting_week) = app.get("/api/v1/agenda?from=2026-10-26", &ben).await;
    assert!(
        meeting_week["risk_meetings"].as_array().unwrap().is_empty(),
        "{meeting_week}"
    );
    let (_, listed) = app.get(&list, &ben).await;
    assert!(listed["items"][0]["cancelled_at"].is_string(), "{listed}");

    // Nothing more hangs on it: no change, no action; cancelling again is
    // harmless.
    let (status, out) = app
        .put(
            &one,
            &ben,
            2,
            json!({"kind": "mappa", "starts_at": "2026-11-02T10:00:00+00:00", "panel": PANEL}),
        )
        .await;
    assert_problem(status, &out, StatusCode::CONFLICT, None);
    let (status, out) = app
        .post(
            &format!("{one}/actions"),
            &ben,
            json!({"owner": "supporter", "organisation_id": null, "text": ACTION, "due_on": "2026-10-30"}),
        )
        .await;
    assert_problem(status, &out, StatusCode::CONFLICT, None);
    let (status, _, again) = app
        .call_full(
            Method::POST,
            &cancel,
            Some(&ben),
            None,
            &[("if-match", "\"2\"")],
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{again}");
    assert_eq!(again["cancelled_at"], cancelled["cancelled_at"]);

    // Audited by id and kind, never the panel.
    let (_, export) = app
        .get(&format!("/api/v1/victims/{victim}/export"), &ben)
        .await;
    assert!(!export["audit"].to_string().contains("Wharfedale"));
    let audit = export["audit"].as_array().unwrap();
    let updates = audit
        .iter()
        .filter(|e| e["entity"] == "risk_meetings" && e["action"] == "update")
        .count();
    assert_eq!(updates, 1, "one entry for the cancellation");
    app.assert_nothing_due();
}

//! What follows a case's outcome (issue 19, item 6), on whichever backend
//! the suite runs on: protective orders and their reminders (through My
//! week's agenda and the digest), the Victims' Right to Review limits after
//! a decision not to charge or to stop a case (which closes the case), and
//! the criminal injuries compensation limit. One store check: the order's
//! note is read from the store to show it is sealed at rest (no API serves
//! the stored form).

use chrono::{DateTime, Utc};
use courtside::store::schema::protective_orders;
use diesel::prelude::*;
use reqwest::{Method, StatusCode};
use serde_json::{json, Value};

use crate::delivery::RecordingMailer;
use crate::helpers::*;

const NOTE: &str = "Quillon says the respondent was seen near the school";

fn at(text: &str) -> DateTime<Utc> {
    text.parse().unwrap()
}

fn items(list: &Value) -> Vec<Value> {
    list["items"].as_array().cloned().unwrap_or_default()
}

/// The case's deadlines of `kind`, as (state, due date, due instant).
async fn deadlines(
    app: &TestApp,
    token: &str,
    case: &str,
    kind: &str,
) -> Vec<(String, String, String)> {
    let (status, list) = app
        .get(
            &format!("/api/v1/deadlines?case_id={case}&per_page=200"),
            token,
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{list}");
    let mut out: Vec<(String, String, String)> = items(&list)
        .into_iter()
        .filter(|d| d["kind"] == kind)
        .map(|d| {
            (
                d["state"].as_str().unwrap().to_string(),
                d["due_date"].as_str().unwrap().to_string(),
                d["due_at"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    out.sort();
    out
}

/// The victim's tasks of `kind` (state, due, assignee).
async fn tasks(app: &TestApp, token: &str, victim: &str, kind: &str) -> Vec<Value> {
    let (status, list) = app
        .get(
            &format!("/api/v1/tasks?victim_id={victim}&per_page=200"),
            token,
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{list}");
    items(&list)
        .into_iter()
        .filter(|t| t["kind"] == kind)
        .collect()
}

async fn with_if_match(
    app: &TestApp,
    method: Method,
    path: &str,
    token: &str,
    version: Option<i64>,
    body: Value,
) -> (StatusCode, Value) {
    let tag = version.map(|v| format!("\"{v}\""));
    let headers: Vec<(&str, &str)> = tag.iter().map(|t| ("if-match", t.as_str())).collect();
    let (status, _, body) = app
        .call_full(method, path, Some(token), Some(body), &headers)
        .await;
    (status, body)
}

#[actix_web::test]
async fn a_protective_order_reminds_the_supporter_before_it_ends_and_stops_when_it_ends() {
    let app = TestApp::spawn().await;
    let amara = app.login(AMARA).await;
    let amara_id = app.user_id(&amara).await;
    let case = app
        .find_id("/api/v1/cases", &amara, "urn", "13AB1234526")
        .await;
    let victim = app
        .find_id("/api/v1/victims", &amara, "reference", "V-1001")
        .await;
    let court = app.court_id(&amara, "Leeds Combined Court Centre").await;
    let orders = format!("/api/v1/cases/{case}/protective-orders");

    // Roles and reach: the manager and the Witness Service may not; another
    // supporter and another unit's officer do not reach her case.
    let body = json!({"kind": "non_molestation", "made_on": "2026-03-02",
                      "ends_on": "2026-04-10", "court_id": court, "note": NOTE});
    for (who, want) in [
        (MAYA, StatusCode::FORBIDDEN),
        (WES, StatusCode::FORBIDDEN),
        (BEN, StatusCode::NOT_FOUND),
        (CARYS, StatusCode::NOT_FOUND),
    ] {
        let token = app.login(who).await;
        let (status, out) = app.post(&orders, &token, body.clone()).await;
        assert_eq!(status, want, "{who}: {out}");
        let (status, _) = app.get(&orders, &token).await;
        assert_eq!(status, want, "{who} reading");
    }
    // Readable problems, field by field.
    for (bad, field) in [
        (
            json!({"kind": "non_molestation", "made_on": "2026-03-02", "ends_on": "2026-03-01"}),
            "ends_on",
        ),
        (
            json!({"kind": "non_molestation", "made_on": "2026-03-21"}),
            "made_on",
        ),
        (
            json!({"kind": "restraining", "made_on": "2026-03-02", "note": "x".repeat(501)}),
            "note",
        ),
        (
            json!({"kind": "restraining", "made_on": "2026-03-02", "court_id": "no-such-court"}),
            "court_id",
        ),
    ] {
        let (status, out) = app.post(&orders, &amara, bad).await;
        assert_problem(status, &out, StatusCode::UNPROCESSABLE_ENTITY, Some(field));
    }
    let (status, out) = app
        .post(
            &orders,
            &amara,
            json!({"kind": "curfew", "made_on": "2026-03-02"}),
        )
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{out}");

    // Recorded on Friday 20 March 2026 (GMT), ending Friday 10 April (BST).
    let order = app.create(&orders, &amara, body).await;
    let order_id = order["id"].as_str().unwrap().to_string();
    assert_eq!(order["version"], 1);
    assert_eq!(order["in_force"], true);
    assert_eq!(order["note"], NOTE);
    let one = format!("/api/v1/protective-orders/{order_id}");
    // The note is sealed at rest.
    {
        let mut conn = app.pool.get().unwrap();
        let stored: Option<String> = protective_orders::table
            .find(&order_id)
            .select(protective_orders::note)
            .first(&mut *conn)
            .unwrap();
        let stored = stored.unwrap();
        assert!(
            !stored.contains("Quillon") && stored != NOTE,
            "sealed: {stored}"
        );
    }
    // Her subject-access export holds the order with its note.
    let (status, export) = app
        .get(&format!("/api/v1/victims/{victim}/export"), &amara)
        .await;
    assert_eq!(status, StatusCode::OK, "{export}");
    let exported = export["after_outcome"]["protective_orders"]
        .as_array()
        .unwrap()
        .clone();
    assert_eq!(exported.len(), 1, "{export}");
    assert_eq!(exported[0]["id"], order_id.as_str());
    assert_eq!(exported[0]["note"], NOTE);
    // The first reminder (28 days before, 13 March) has passed: the talk is
    // due today. The deadline is 7 days before the end, Friday 3 April,
    // 23:59 BST (the clocks went forward on 29 March).
    let talk = tasks(&app, &amara, &victim, "discuss_order_renewal").await;
    assert_eq!(talk.len(), 1, "{talk:?}");
    assert_eq!(talk[0]["due_at"], "2026-03-20T23:59:00Z");
    assert_eq!(talk[0]["assignee_user_id"], amara_id.as_str());
    assert_eq!(talk[0]["state"], "open");
    let kind = "protective_order_renewal_discussed";
    assert_eq!(
        deadlines(&app, &amara, &case, kind).await,
        [(
            "running".into(),
            "2026-04-03".into(),
            "2026-04-03T22:59:00Z".into()
        )]
    );
    // My week (through the agenda) shows the deadline in its week.
    let (status, week) = app.get("/api/v1/agenda?from=2026-03-30", &amara).await;
    assert_eq!(status, StatusCode::OK, "{week}");
    assert!(
        week["deadlines"]
            .as_array()
            .unwrap()
            .iter()
            .any(|d| d["kind"] == kind),
        "{week}"
    );

    // Changing it needs the version read.
    let moved = json!({"kind": "non_molestation", "made_on": "2026-03-02",
                       "ends_on": "2026-05-29", "court_id": court, "note": NOTE});
    let (status, out) = with_if_match(&app, Method::PUT, &one, &amara, None, moved.clone()).await;
    assert_eq!(status, StatusCode::PRECONDITION_REQUIRED, "{out}");
    let (status, out) = app.put(&one, &amara, 7, moved.clone()).await;
    assert_eq!(status, StatusCode::PRECONDITION_FAILED, "{out}");
    let (status, out) = app.put(&one, &amara, 1, moved).await;
    assert_eq!(status, StatusCode::OK, "{out}");
    assert_eq!(out["version"], 2);
    // The old end date's deadline is cancelled; the new one is on Friday
    // 22 May; the talk is now due on 1 May.
    assert_eq!(
        deadlines(&app, &amara, &case, kind).await,
        [
            (
                "cancelled".into(),
                "2026-04-03".into(),
                "2026-04-03T22:59:00Z".into()
            ),
            (
                "running".into(),
                "2026-05-22".into(),
                "2026-05-22T22:59:00Z".into()
            ),
        ]
    );
    let open: Vec<Value> = tasks(&app, &amara, &victim, "discuss_order_renewal")
        .await
        .into_iter()
        .filter(|t| t["state"] == "open")
        .collect();
    assert_eq!(open.len(), 1, "{open:?}");
    assert_eq!(open[0]["due_at"], "2026-05-01T22:59:00Z");

    // On the deadline's day the digest lists it, and nothing sent names the
    // note or the victim's address.
    let (_, details) = app
        .get(&format!("/api/v1/victim-details/{victim}"), &amara)
        .await;
    let address = details["address"].as_str().map(str::to_string);
    let mailer = RecordingMailer::default();
    app.advance_to(at("2026-05-22T06:31:00Z"), &mailer);
    let sent = mailer.sent.lock().unwrap().clone();
    let digest = sent
        .iter()
        .find(|e| {
            e.idempotency_key.starts_with("digest:")
                && e.to == AMARA
                && e.subject.contains("22 May")
        })
        .unwrap_or_else(|| panic!("no digest for Amara on 22 May: {sent:?}"));
    assert!(
        digest.body.contains(
            "you are to talk to the victim about renewing or extending a protective order"
        ),
        "{}",
        digest.body
    );
    for e in &sent {
        assert!(
            !e.body.contains("Quillon"),
            "the note is never sent: {}",
            e.body
        );
        if let Some(a) = &address {
            assert!(!e.body.contains(a.as_str()), "no address: {}", e.body);
        }
    }

    // Ending it: the version read, a date not in the future; then its
    // reminders stop, and it cannot be ended twice.
    let amara = app.login(AMARA).await;
    let end = format!("{one}/end");
    let ending = json!({"how": "discharged", "ended_on": "2026-05-21"});
    let (status, out) =
        with_if_match(&app, Method::POST, &end, &amara, Some(1), ending.clone()).await;
    assert_eq!(status, StatusCode::PRECONDITION_FAILED, "{out}");
    let (status, out) = with_if_match(
        &app,
        Method::POST,
        &end,
        &amara,
        Some(2),
        json!({"how": "ended", "ended_on": "2026-05-23"}),
    )
    .await;
    assert_problem(
        status,
        &out,
        StatusCode::UNPROCESSABLE_ENTITY,
        Some("ended_on"),
    );
    let (status, out) =
        with_if_match(&app, Method::POST, &end, &amara, Some(2), ending.clone()).await;
    assert_eq!(status, StatusCode::OK, "{out}");
    assert_eq!(out["in_force"], false);
    assert_eq!(out["ended_as"], "discharged");
    let states: Vec<String> = deadlines(&app, &amara, &case, kind)
        .await
        .into_iter()
        .map(|d| d.0)
        .collect();
    assert_eq!(states, ["cancelled", "cancelled"]);
    assert!(tasks(&app, &amara, &victim, "discuss_order_renewal")
        .await
        .iter()
        .all(|t| t["state"] != "open"));
    let (status, out) = with_if_match(&app, Method::POST, &end, &amara, Some(3), ending).await;
    assert_eq!(status, StatusCode::CONFLICT, "{out}");
    // The officer who handles her case reads it too.
    let wendy = app.login(WENDY).await;
    let (status, list) = app.get(&orders, &wendy).await;
    assert_eq!(status, StatusCode::OK, "{list}");
    assert_eq!(items(&list).len(), 1);
    app.assert_nothing_due();
    app.stop().await;
}

#[actix_web::test]
async fn a_decision_to_stop_a_case_starts_the_review_limits_and_closes_it_and_compensation_has_two_years(
) {
    let app = TestApp::spawn().await;
    let ben = app.login(BEN).await;
    let case = app
        .find_id("/api/v1/cases", &ben, "urn", "13CD7654321")
        .await;
    let victim = app
        .find_id("/api/v1/victims", &ben, "reference", "V-1002")
        .await;
    let decisions = format!("/api/v1/cases/{case}/review-decisions");
    for (bad, field) in [
        (
            json!({"decided_by": "police", "decision": "discontinued", "told_on": "2026-03-18"}),
            "decision",
        ),
        (
            json!({"decided_by": "cps", "decision": "not_to_charge", "told_on": "2026-03-21"}),
            "told_on",
        ),
    ] {
        let (status, out) = app.post(&decisions, &ben, bad).await;
        assert_problem(status, &out, StatusCode::UNPROCESSABLE_ENTITY, Some(field));
    }
    // Told on Wednesday 18 March: a prompt review within 10 working days
    // (Wednesday 1 April), and three months in all (18 June).
    let d = app
        .create(
            &decisions,
            &ben,
            json!({"decided_by": "cps", "decision": "discontinued", "told_on": "2026-03-18"}),
        )
        .await;
    assert_eq!(d["prompt_request_by"], "2026-04-01");
    assert_eq!(d["request_by"], "2026-06-18");
    assert_eq!(d["closed_case"], true);
    let (_, c) = app.get(&format!("/api/v1/cases/{case}"), &ben).await;
    assert_eq!(
        c["status"], "closed",
        "the decision to stop the case closes it"
    );
    assert_eq!(
        deadlines(&app, &ben, &case, "right_to_review_prompt_request").await,
        [(
            "running".into(),
            "2026-04-01".into(),
            "2026-04-01T22:59:00Z".into()
        )]
    );
    assert_eq!(
        deadlines(&app, &ben, &case, "right_to_review_request").await,
        [(
            "running".into(),
            "2026-06-18".into(),
            "2026-06-18T22:59:00Z".into()
        )]
    );
    let (_, list) = app.get(&decisions, &ben).await;
    assert_eq!(items(&list).len(), 1);
    // The supporter talks to her: both limits are met.
    let talk = tasks(&app, &ben, &victim, "discuss_right_to_review").await;
    assert_eq!(talk.len(), 1, "{talk:?}");
    assert_eq!(talk[0]["due_at"], "2026-04-01T22:59:00Z");
    let (status, out) = app
        .put(
            &format!("/api/v1/tasks/{}", talk[0]["id"].as_str().unwrap()),
            &ben,
            talk[0]["version"].as_i64().unwrap(),
            json!({"state": "done"}),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{out}");
    let mailer = RecordingMailer::default();
    app.advance_to(at("2026-03-20T12:05:00Z"), &mailer);
    let ben = app.login(BEN).await;
    for kind in ["right_to_review_prompt_request", "right_to_review_request"] {
        let states: Vec<String> = deadlines(&app, &ben, &case, kind)
            .await
            .into_iter()
            .map(|d| d.0)
            .collect();
        assert_eq!(states, ["met"], "{kind}");
    }

    // Criminal injuries compensation: the incident on 1 May 2024; apply
    // by 1 May 2026 (23:59 BST); the supporter's reminder three months
    // before has passed, so it is due today.
    let claim = format!("/api/v1/cases/{case}/compensation");
    let (status, _) = app.get(&claim, &ben).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let (status, out) = app
        .post(&claim, &ben, json!({"incident_on": "2026-03-21"}))
        .await;
    assert_problem(
        status,
        &out,
        StatusCode::UNPROCESSABLE_ENTITY,
        Some("incident_on"),
    );
    let c = app
        .create(&claim, &ben, json!({"incident_on": "2024-05-01"}))
        .await;
    assert_eq!(c["apply_by"], "2026-05-01");
    let (status, out) = app
        .post(&claim, &ben, json!({"incident_on": "2024-05-02"}))
        .await;
    assert_eq!(status, StatusCode::CONFLICT, "{out}");
    let kind = "compensation_application";
    assert_eq!(
        deadlines(&app, &ben, &case, kind).await,
        [(
            "running".into(),
            "2026-05-01".into(),
            "2026-05-01T22:59:00Z".into()
        )]
    );
    let talk = tasks(&app, &ben, &victim, "discuss_compensation").await;
    assert_eq!(talk[0]["due_at"], "2026-03-20T23:59:00Z");
    // A corrected date moves the deadline.
    let (status, out) = app
        .put(&claim, &ben, 1, json!({"incident_on": "2024-06-10"}))
        .await;
    assert_eq!(status, StatusCode::OK, "{out}");
    assert_eq!(out["apply_by"], "2026-06-10");
    assert_eq!(
        deadlines(&app, &ben, &case, kind).await,
        [
            (
                "cancelled".into(),
                "2026-05-01".into(),
                "2026-05-01T22:59:00Z".into()
            ),
            (
                "running".into(),
                "2026-06-10".into(),
                "2026-06-10T22:59:00Z".into()
            ),
        ]
    );
    let (status, out) = app
        .put(&claim, &ben, 1, json!({"incident_on": "2024-06-11"}))
        .await;
    assert_eq!(status, StatusCode::PRECONDITION_FAILED, "{out}");

    // A police decision not to charge on Amara's case: three months, no
    // prompt limit, and the case stays open.
    let amara = app.login(AMARA).await;
    let other = app
        .find_id("/api/v1/cases", &amara, "urn", "13AB1234526")
        .await;
    let d = app
        .create(
            &format!("/api/v1/cases/{other}/review-decisions"),
            &amara,
            json!({"decided_by": "police", "decision": "not_to_charge", "told_on": "2026-03-20"}),
        )
        .await;
    assert_eq!(d["prompt_request_by"], Value::Null);
    assert_eq!(d["request_by"], "2026-06-20");
    assert_eq!(d["closed_case"], false);
    let (_, c) = app.get(&format!("/api/v1/cases/{other}"), &amara).await;
    assert_eq!(c["status"], "open");
    // A family case takes neither.
    let family = app.find_id("/api/v1/cases", &amara, "kind", "family").await;
    let (status, out) = app
        .post(
            &format!("/api/v1/cases/{family}/compensation"),
            &amara,
            json!({"incident_on": "2025-01-01"}),
        )
        .await;
    assert_eq!(status, StatusCode::CONFLICT, "{out}");
    // The audit entries name the kinds, never more.
    let (status, _) = app.get(&decisions, &amara).await;
    assert_eq!(
        status,
        StatusCode::NOT_FOUND,
        "Amara does not reach Ben's case"
    );
    app.assert_nothing_due();
    app.stop().await;
}

/// Rotating the field keys re-seals an order's note, which still reads.
#[actix_web::test]
async fn rotating_the_field_keys_reseals_an_orders_note() {
    use courtside::crypto::{self, KeyRing};
    let app = TestApp::spawn().await;
    let amara = app.login(AMARA).await;
    let case = app
        .find_id("/api/v1/cases", &amara, "urn", "13AB1234526")
        .await;
    let order = app
        .create(
            &format!("/api/v1/cases/{case}/protective-orders"),
            &amara,
            json!({"kind": "occupation", "made_on": "2026-03-02", "note": NOTE}),
        )
        .await;
    let order_id = order["id"].as_str().unwrap().to_string();
    let stored = |app: &TestApp| -> String {
        let mut conn = app.pool.get().unwrap();
        let note: Option<String> = protective_orders::table
            .find(&order_id)
            .select(protective_orders::note)
            .first(&mut *conn)
            .unwrap();
        note.unwrap()
    };
    let before = stored(&app);
    let id = format!("po{}", &uuid::Uuid::new_v4().simple().to_string()[..8]);
    let new = KeyRing::parse(&KeyRing::generate_spec(&id))
        .unwrap()
        .with_readers(&crypto::ring().unwrap());
    crypto::install(new.clone());
    let report = courtside::privacy::rotate(&mut app.pool.get().unwrap(), &new, 1, false).unwrap();
    assert!(report.rows_rewritten >= 1, "{report:?}");
    let after = stored(&app);
    assert_ne!(before, after);
    assert!(after.starts_with(&format!("v1:{id}:")), "{after}");
    let (_, read) = app
        .get(&format!("/api/v1/protective-orders/{order_id}"), &amara)
        .await;
    assert_eq!(read["note"], NOTE);
    app.stop().await;
}

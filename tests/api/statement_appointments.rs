//! Statement-taking and ABE-interview appointments (issue 19, item 4), on
//! whichever backend the suite runs on: the supporter books an ABE
//! interview the day after the clocks go forward, with herself for before
//! and after, a colleague as the alternative and the case's witness care
//! officer; the reminders (the rules table's offsets, in London time)
//! become tasks on each person's week and the appointment is on the
//! supporters' weeks; a place matching the victim's address is refused;
//! other roles and supporters out of reach get nothing; a change re-plans
//! the reminders and a withdrawal cancels them; every write is audited by
//! kind; the morning digest lists it without the place.

use reqwest::{Method, StatusCode};
use serde_json::{json, Value};

use crate::delivery::RecordingMailer;
use crate::helpers::*;

const PLACE: &str = "Elland Road Police Station, ABE suite";
const HOME: &str = "12 Acacia Avenue, Headingley, Leeds LS6 3AB";

fn at(s: &str) -> chrono::DateTime<chrono::Utc> {
    chrono::DateTime::parse_from_rfc3339(s).unwrap().to_utc()
}

/// (assignee, due) of the open statement reminders due in a week (the
/// agenda lists every open task; these fall at times whose UTC date is
/// their London date).
fn reminders(week: &Value) -> Vec<(String, String)> {
    let (from, to) = (week["from"].as_str().unwrap(), week["to"].as_str().unwrap());
    let mut out: Vec<(String, String)> = week["tasks"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|t| t["kind"] == "remind_of_statement_appointment" && t["state"] == "open")
        .filter(|t| {
            let day = &t["due_at"].as_str().unwrap()[..10];
            day >= from && day <= to
        })
        .map(|t| {
            (
                t["assignee_user_id"].as_str().unwrap_or("").to_string(),
                t["due_at"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    out.sort();
    out
}

#[actix_web::test]
async fn an_abe_interview_is_booked_with_supporters_for_before_and_after_and_reminds_all_three() {
    let app = TestApp::spawn().await;
    let ben = app.login(BEN).await;
    let amara = app.login(AMARA).await;
    let wendy = app.login(WENDY).await;
    let (ben_id, amara_id, wendy_id) = (
        app.user_id(&ben).await,
        app.user_id(&amara).await,
        app.user_id(&wendy).await,
    );
    let victim = app
        .find_id("/api/v1/victims", &ben, "reference", "V-1002")
        .await;
    let case = app
        .find_id(
            &format!("/api/v1/cases?victim_id={victim}"),
            &ben,
            "victim_id",
            &victim,
        )
        .await;

    // Her address is on record; Amara, Ben's colleague, is made one of her
    // supporters so she can be the alternative.
    let (_, details) = app
        .get(&format!("/api/v1/victim-details/{victim}"), &ben)
        .await;
    let (status, out) = app
        .put(
            &format!("/api/v1/victim-details/{victim}"),
            &ben,
            details["version"].as_i64().unwrap(),
            json!({"victim_id": victim, "full_name": details["full_name"], "address": HOME}),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{out}");
    let list = format!("/api/v1/cases/{case}/statement-appointments");
    let body = |at: &str, place: &str, alt: &str| {
        json!({"kind": "abe_interview", "starts_at": at, "place": place,
               "officer_id": wendy_id, "supporter_id": ben_id,
               "alternative_supporter_id": alt})
    };
    // Not yet her supporter: refused, naming the field.
    let (status, out) = app
        .post(
            &list,
            &ben,
            body("2026-03-30T10:00:00+01:00", PLACE, &amara_id),
        )
        .await;
    assert_problem(
        status,
        &out,
        StatusCode::UNPROCESSABLE_ENTITY,
        Some("alternative_supporter_id"),
    );
    let maya = app.login(MAYA).await;
    let (status, out) = app
        .post(
            "/api/v1/supporter-assignments",
            &maya,
            json!({"victim_id": victim, "supporter_id": amara_id, "role": "idva",
                   "starts_on": "2026-03-20"}),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "{out}");

    // Her own address as the place; the same supporter twice; the officer
    // not of the case's unit (Ben); a time that is no time.
    let (status, out) = app
        .post(
            &list,
            &ben,
            body("2026-03-30T10:00:00+01:00", "12 Acacia Avenue", &amara_id),
        )
        .await;
    assert_problem(
        status,
        &out,
        StatusCode::UNPROCESSABLE_ENTITY,
        Some("place"),
    );
    let (status, out) = app
        .post(
            &list,
            &ben,
            body("2026-03-30T10:00:00+01:00", PLACE, &ben_id),
        )
        .await;
    assert_problem(
        status,
        &out,
        StatusCode::UNPROCESSABLE_ENTITY,
        Some("alternative_supporter_id"),
    );
    let mut wrong = body("2026-03-30T10:00:00+01:00", PLACE, &amara_id);
    wrong["officer_id"] = json!(ben_id);
    let (status, out) = app.post(&list, &ben, wrong).await;
    assert_problem(
        status,
        &out,
        StatusCode::UNPROCESSABLE_ENTITY,
        Some("officer_id"),
    );

    // Monday 30 March 2026 at 10:00 BST, the day after the clocks went
    // forward (last Sunday of March). Reminders: two working days before,
    // Thursday 26 March at 09:00 GMT, to all three; the day before, Sunday
    // 29 March at 16:00 BST (15:00 UTC), to the two supporters.
    let (status, headers, booked) = app
        .call_full(
            Method::POST,
            &list,
            Some(&ben),
            Some(body("2026-03-30T10:00:00+01:00", PLACE, &amara_id)),
            &[],
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "{booked}");
    assert_eq!(headers.get("etag").unwrap(), "\"1\"");
    assert_eq!(booked["starts_at"], "2026-03-30T09:00:00Z");
    assert_eq!(booked["starts_at_local"], "2026-03-30T10:00:00+01:00");
    assert_eq!(booked["state"], "booked");
    assert_eq!(booked["supporter"]["id"], ben_id.as_str());
    assert_eq!(booked["alternative_supporter"]["id"], amara_id.as_str());
    assert_eq!(booked["officer"]["id"], wendy_id.as_str());
    let when: Vec<(&str, &str)> = booked["reminders"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| (r["to"].as_str().unwrap(), r["at"].as_str().unwrap()))
        .collect();
    assert_eq!(
        when,
        [
            ("supporter", "2026-03-26T09:00:00Z"),
            ("alternative_supporter", "2026-03-26T09:00:00Z"),
            ("officer", "2026-03-26T09:00:00Z"),
            ("supporter", "2026-03-29T15:00:00Z"),
            ("alternative_supporter", "2026-03-29T15:00:00Z"),
        ]
    );
    let id = booked["id"].as_str().unwrap().to_string();
    let one = format!("/api/v1/statement-appointments/{id}");

    // Each person's week: their reminders, and the appointment with their
    // part in it.
    for (token, me, want, part) in [
        (
            &ben,
            &ben_id,
            vec!["2026-03-26T09:00:00Z", "2026-03-29T15:00:00Z"],
            "supporter",
        ),
        (
            &amara,
            &amara_id,
            vec!["2026-03-26T09:00:00Z", "2026-03-29T15:00:00Z"],
            "alternative_supporter",
        ),
        (&wendy, &wendy_id, vec!["2026-03-26T09:00:00Z"], "officer"),
    ] {
        let (status, week) = app.get("/api/v1/agenda?from=2026-03-23", token).await;
        assert_eq!(status, StatusCode::OK, "{week}");
        let mine: Vec<String> = reminders(&week)
            .into_iter()
            .filter(|(who, _)| who == me)
            .map(|(_, due)| due)
            .collect();
        assert_eq!(mine, want, "{part}: {week}");
        let (_, next) = app.get("/api/v1/agenda?from=2026-03-30", token).await;
        let on = next["statement_appointments"].as_array().unwrap();
        assert_eq!(on.len(), 1, "{part}: {next}");
        assert_eq!(on[0]["part"], part);
        assert_eq!(on[0]["victim_reference"], "V-1002");
    }
    // No task names the place.
    let (_, tasks) = app
        .get(&format!("/api/v1/tasks?victim_id={victim}"), &ben)
        .await;
    assert!(!tasks.to_string().contains("Elland"), "{tasks}");

    // The witness care officer reads it; a supporter out of reach gets
    // 404 (none here: both are hers), other roles 403.
    let (status, read) = app.get(&one, &wendy).await;
    assert_eq!(status, StatusCode::OK, "{read}");
    for who in [MAYA, CORA, VICTOR, ADMIN, WES] {
        let token = app.login(who).await;
        let (status, out) = app.get(&list, &token).await;
        assert_problem(status, &out, StatusCode::FORBIDDEN, None);
    }
    let carys = app.login(CARYS).await;
    let (status, out) = app.get(&one, &carys).await;
    assert_problem(status, &out, StatusCode::NOT_FOUND, None);

    // Moved to Tuesday 31 March, 14:00 BST: If-Match required and checked;
    // the old reminders withdrawn, new ones planned (Friday 27 March 09:00
    // GMT; Monday 30 March 16:00 BST).
    let moved = body("2026-03-31T14:00:00+01:00", PLACE, &amara_id);
    let (status, _, out) = app
        .call_full(Method::PUT, &one, Some(&ben), Some(moved.clone()), &[])
        .await;
    assert_problem(status, &out, StatusCode::PRECONDITION_REQUIRED, None);
    let (status, out) = app.put(&one, &ben, 7, moved.clone()).await;
    assert_problem(status, &out, StatusCode::PRECONDITION_FAILED, None);
    let (status, changed) = app.put(&one, &wendy, 1, moved).await;
    assert_eq!(status, StatusCode::OK, "{changed}");
    assert_eq!(changed["version"], 2);
    let (_, week) = app.get("/api/v1/agenda?from=2026-03-23", &ben).await;
    let mine: Vec<String> = reminders(&week)
        .into_iter()
        .filter(|(who, _)| *who == ben_id)
        .map(|(_, due)| due)
        .collect();
    assert_eq!(mine, ["2026-03-27T09:00:00Z"], "{week}");
    let (_, next) = app.get("/api/v1/agenda?from=2026-03-30", &ben).await;
    let mine: Vec<String> = reminders(&next)
        .into_iter()
        .filter(|(who, _)| *who == ben_id)
        .map(|(_, due)| due)
        .collect();
    assert_eq!(mine, ["2026-03-30T15:00:00Z"], "{next}");

    // On the day, Amara's 07:30 digest lists it, her part and never the
    // place or the address.
    let mailer = RecordingMailer::default();
    app.advance_to(at("2026-03-31T06:31:00Z"), &mailer);
    let sent = mailer.sent.lock().unwrap().clone();
    let digest = sent
        .iter()
        .find(|e| e.idempotency_key.starts_with("digest:") && e.to == AMARA)
        .unwrap_or_else(|| panic!("no digest for Amara: {sent:?}"));
    assert!(
        digest.body.contains("ABE (video-recorded) interview"),
        "{}",
        digest.body
    );
    assert!(
        digest.body.contains("alternative supporter"),
        "{}",
        digest.body
    );
    assert!(!digest.body.contains("Elland") && !digest.body.contains("Acacia"));
    assert!(sent.iter().all(|e| !e.body.contains("Elland")), "{sent:?}");

    // Withdrawn: If-Match again; the reminders are cancelled and it leaves
    // the weeks; a second withdrawal conflicts.
    let ben = app.login(BEN).await;
    let cancel = format!("{one}/cancel");
    let (status, _, gone) = app
        .call_full(
            Method::POST,
            &cancel,
            Some(&ben),
            Some(json!({})),
            &[("If-Match", "\"2\"")],
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{gone}");
    assert_eq!(gone["state"], "cancelled");
    assert!(gone["reminders"].as_array().unwrap().is_empty());
    let (_, next) = app.get("/api/v1/agenda?from=2026-03-30", &ben).await;
    assert!(reminders(&next).is_empty(), "{next}");
    assert!(next["statement_appointments"]
        .as_array()
        .unwrap()
        .is_empty());
    let (status, _, out) = app
        .call_full(
            Method::POST,
            &cancel,
            Some(&ben),
            Some(json!({})),
            &[("If-Match", "\"3\"")],
        )
        .await;
    assert_problem(status, &out, StatusCode::CONFLICT, None);

    // Every write audited by kind, never the place.
    let (status, export) = app
        .get(&format!("/api/v1/victims/{victim}/export"), &ben)
        .await;
    assert_eq!(status, StatusCode::OK);
    let audit: Vec<(String, String)> = export["audit"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|a| a["entity"] == "statement_appointments")
        .map(|a| {
            (
                a["action"].as_str().unwrap().to_string(),
                a["category"].as_str().unwrap_or("").to_string(),
            )
        })
        .collect();
    let want = |a: &str| (a.to_string(), "abe_interview".to_string());
    assert_eq!(audit, [want("create"), want("update"), want("update")]);
    assert!(!export["audit"].to_string().contains("Elland"));
    let exported = export["statement_appointments"].as_array().unwrap();
    assert_eq!(exported.len(), 1);
    assert_eq!(exported[0]["state"], "cancelled");
    app.assert_nothing_due();
}

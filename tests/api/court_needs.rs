//! Needs at court (issue 19, item 1), on whichever backend the suite runs
//! on (CI runs it on both): the tables (a store test of the migration,
//! using the pool directly), then the API and the flow through to the
//! attendance request.
//!
//! Besides the store test of the tables, two store checks: the court's
//! short-notice setting is written, and the record of what was disclosed
//! to whom is read, in the store (no API serves either).

use courtside::store;
use courtside::store::schema::{court_need_disclosures, court_need_settings, court_needs};
use diesel::prelude::*;
use reqwest::{Method, StatusCode};
use serde_json::{json, Value};

use crate::helpers::*;

#[actix_web::test]
async fn a_need_a_disclosure_and_a_court_setting_round_trip_and_keys_are_enforced() {
    let app = TestApp::spawn().await;
    let amara = app.login(AMARA).await;
    let amara_id = app.user_id(&amara).await;
    let victim = app
        .give_consents(&amara, "V-1001", &["witness_service_referral"])
        .await;
    let hearing = app.family_hearing_this_afternoon(&amara).await;
    let court = app.court_id(&amara, "Leeds Combined Court Centre").await;
    let ts = store::to_db(test_now());
    let mut conn = app.pool.get().unwrap();

    let need_id = store::new_id();
    diesel::insert_into(court_needs::table)
        .values((
            court_needs::id.eq(&need_id),
            court_needs::victim_id.eq(&victim),
            court_needs::kind.eq("interpreter"),
            court_needs::language.eq(Some("Polish")),
            court_needs::basis.eq(Some("consent")),
            court_needs::recorded_by.eq(&amara_id),
            court_needs::recorded_at.eq(ts),
            court_needs::version.eq(1),
            court_needs::created_at.eq(ts),
            court_needs::updated_at.eq(ts),
        ))
        .execute(&mut *conn)
        .unwrap();
    let (kind, language): (String, Option<String>) = court_needs::table
        .filter(court_needs::victim_id.eq(&victim))
        .select((court_needs::kind, court_needs::language))
        .first(&mut *conn)
        .unwrap();
    assert_eq!(
        (kind.as_str(), language.as_deref()),
        ("interpreter", Some("Polish"))
    );

    let orphan = diesel::insert_into(court_needs::table)
        .values((
            court_needs::id.eq(store::new_id()),
            court_needs::victim_id.eq("no-such-victim"),
            court_needs::kind.eq("bsl_interpreter"),
            court_needs::recorded_by.eq(&amara_id),
            court_needs::recorded_at.eq(ts),
            court_needs::version.eq(1),
            court_needs::created_at.eq(ts),
            court_needs::updated_at.eq(ts),
        ))
        .execute(&mut *conn);
    assert!(orphan.is_err(), "a need for no victim is refused");

    diesel::insert_into(court_need_disclosures::table)
        .values((
            court_need_disclosures::id.eq(store::new_id()),
            court_need_disclosures::hearing_id.eq(&hearing),
            court_need_disclosures::partner.eq("witness_service"),
            court_need_disclosures::told_at.eq(ts),
        ))
        .execute(&mut *conn)
        .unwrap();
    let told = diesel::insert_into(court_need_disclosures::table)
        .values((
            court_need_disclosures::id.eq(store::new_id()),
            court_need_disclosures::hearing_id.eq("no-such-hearing"),
            court_need_disclosures::partner.eq("court"),
            court_need_disclosures::told_at.eq(ts),
        ))
        .execute(&mut *conn);
    assert!(told.is_err(), "a disclosure for no hearing is refused");

    diesel::insert_into(court_need_settings::table)
        .values((
            court_need_settings::court_id.eq(&court),
            court_need_settings::short_notice_working_days.eq(10),
            court_need_settings::updated_at.eq(ts),
        ))
        .execute(&mut *conn)
        .unwrap();
    let days: i32 = court_need_settings::table
        .find(&court)
        .select(court_need_settings::short_notice_working_days)
        .first(&mut *conn)
        .unwrap();
    assert_eq!(days, 10);
    drop(conn);
    app.stop().await;
}

fn items(list: &Value) -> Vec<Value> {
    list["items"].as_array().cloned().unwrap_or_default()
}

/// Records a consent of this scope for the victim; returns its id.
async fn consent(app: &TestApp, token: &str, victim: &str, scope: &str) -> String {
    let out = app
        .create(
            "/api/v1/consents",
            token,
            json!({"victim_id": victim, "scope": scope, "given_at": "2026-03-20T11:00:00Z"}),
        )
        .await;
    out["id"].as_str().unwrap().to_string()
}

#[actix_web::test]
async fn needs_are_recorded_once_listed_withdrawn_and_audited_by_kind_only() {
    let app = TestApp::spawn().await;
    let ben = app.login(BEN).await;
    let victim = app
        .find_id("/api/v1/victims", &ben, "reference", "V-1002")
        .await;
    let referral = consent(&app, &ben, &victim, "witness_service_referral").await;
    let other = consent(&app, &ben, &victim, "court_dates_to_supporter").await;
    let path = format!("/api/v1/victims/{victim}/court-needs");

    // An interpreter with a language, under the referral consent.
    let (status, polish) = app
        .post(
            &path,
            &ben,
            json!({"kind": "interpreter", "language": " Polish ", "consent_id": referral}),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "{polish}");
    assert_eq!(polish["kind"], "interpreter");
    assert_eq!(polish["language"], "Polish");
    assert_eq!(polish["basis"], "consent");
    assert_eq!(polish["in_words"], "An interpreter (Polish)");
    // A separate waiting room with no consent yet: kept, not passed on.
    let (status, room) = app
        .post(&path, &ben, json!({"kind": "separate_waiting_room"}))
        .await;
    assert_eq!(status, StatusCode::CREATED, "{room}");
    assert!(room["basis"].is_null(), "{room}");

    // Refusals, each a problem naming the field.
    let refused = [
        (
            json!({"kind": "wheelchair"}),
            StatusCode::UNPROCESSABLE_ENTITY,
            Some("kind"),
        ),
        (
            json!({"kind": "interpreter"}),
            StatusCode::UNPROCESSABLE_ENTITY,
            Some("language"),
        ),
        (
            json!({"kind": "interpreter", "language": "Urdu, she fears her ex at 12 High St"}),
            StatusCode::UNPROCESSABLE_ENTITY,
            Some("language"),
        ),
        (
            json!({"kind": "bsl_interpreter", "language": "BSL"}),
            StatusCode::UNPROCESSABLE_ENTITY,
            Some("language"),
        ),
        (
            json!({"kind": "bsl_interpreter", "consent_id": other}),
            StatusCode::UNPROCESSABLE_ENTITY,
            Some("consent_id"),
        ),
        (
            json!({"kind": "bsl_interpreter", "note": "free text"}),
            StatusCode::UNPROCESSABLE_ENTITY,
            None,
        ),
        // Recorded once: the same need again is a conflict.
        (
            json!({"kind": "interpreter", "language": "Polish"}),
            StatusCode::CONFLICT,
            None,
        ),
    ];
    for (body, want, field) in refused {
        let (status, out) = app.post(&path, &ben, body.clone()).await;
        if status == StatusCode::BAD_REQUEST {
            // An unknown field is refused when the body is read.
            assert!(field.is_none(), "{body}: {out}");
            continue;
        }
        assert_problem(status, &out, want, field);
    }

    let (status, list) = app.get(&path, &ben).await;
    assert_eq!(status, StatusCode::OK, "{list}");
    let kinds: Vec<Value> = items(&list).iter().map(|n| n["kind"].clone()).collect();
    assert_eq!(
        kinds,
        [json!("interpreter"), json!("separate_waiting_room")]
    );

    // Someone who does not handle the victim does not learn she exists;
    // a role that may not change victim records may not record a need.
    let amara = app.login(AMARA).await;
    let (status, out) = app.get(&path, &amara).await;
    assert_problem(status, &out, StatusCode::NOT_FOUND, None);
    let (status, out) = app
        .post(&path, &amara, json!({"kind": "bsl_interpreter"}))
        .await;
    assert_problem(status, &out, StatusCode::NOT_FOUND, None);
    let admin = app.login(ADMIN).await;
    let (status, out) = app
        .post(&path, &admin, json!({"kind": "bsl_interpreter"}))
        .await;
    assert_problem(status, &out, StatusCode::FORBIDDEN, None);

    // Withdrawn: gone from the list; withdrawing again is not found.
    let one = format!("{path}/{}", room["id"].as_str().unwrap());
    let (status, _, out) = app
        .call_full(Method::DELETE, &one, Some(&ben), None, &[])
        .await;
    assert_eq!(status, StatusCode::NO_CONTENT, "{out}");
    let (status, _, out) = app
        .call_full(Method::DELETE, &one, Some(&ben), None, &[])
        .await;
    assert_eq!(status, StatusCode::NOT_FOUND, "{out}");
    let (_, list) = app.get(&path, &ben).await;
    assert_eq!(items(&list).len(), 1, "{list}");

    // The audit names the kind, never the language.
    let (status, export) = app
        .get(&format!("/api/v1/victims/{victim}/export"), &ben)
        .await;
    assert_eq!(status, StatusCode::OK, "{export}");
    let audit: Vec<&Value> = export["audit"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|a| a["entity"] == "court_needs")
        .collect();
    let seen: Vec<(Value, Value)> = audit
        .iter()
        .map(|a| (a["action"].clone(), a["category"].clone()))
        .collect();
    assert_eq!(
        seen,
        [
            (json!("create"), json!("interpreter")),
            (json!("create"), json!("separate_waiting_room")),
            (json!("update"), json!("separate_waiting_room")),
        ],
        "{audit:?}"
    );
    assert!(!export["audit"].to_string().contains("Polish"), "{export}");
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

async fn warnings_about(app: &TestApp, token: &str, victim: &str) -> Vec<Value> {
    let (status, list) = app
        .get(&format!("/api/v1/warnings?victim_id={victim}"), token)
        .await;
    assert_eq!(status, StatusCode::OK, "{list}");
    items(&list)
        .into_iter()
        .filter(|w| w["kind"] == "court_need_short_notice")
        .collect()
}

/// A need goes out with the attendance request to the prosecutor (for the
/// court) and the Witness Service only under a consent; one recorded too
/// close to the next hearing (by the court's own figure) warns the witness
/// care officer; when the hearing moves, the partners already told are told
/// again.
#[actix_web::test]
async fn a_need_reaches_the_attendance_request_warns_at_short_notice_and_follows_a_move() {
    let app = TestApp::spawn().await;
    let mailer = crate::delivery::RecordingMailer::default();
    let wendy = app.login(WENDY).await;
    let ben = app.login(BEN).await;
    let ben_id = app.user_id(&ben).await;
    let case = app
        .find_id("/api/v1/cases", &wendy, "urn", "13CD7654321")
        .await;
    let court = app.court_id(&wendy, "Leeds Combined Court Centre").await;
    // A trial on Friday 27 March 2026: five working days after the test
    // day (Friday 20 March).
    let body = json!({"case_id": case, "kind": "trial", "court_id": court,
                      "starts_at": "2026-03-27T10:00:00+00:00", "estimated_minutes": 300,
                      "victim_attends": true, "victim_gives_evidence": true});
    let trial = app.create("/api/v1/hearings", &wendy, body.clone()).await;
    let trial_id = trial["id"].as_str().unwrap().to_string();
    let victim = app
        .give_consents(&ben, "V-1002", &["identify_supporter_to_court"])
        .await;
    let referral = consent(&app, &ben, &victim, "witness_service_referral").await;
    let needs = format!("/api/v1/victims/{victim}/court-needs");

    // Five working days ahead is not short notice by the rules' default.
    let (status, out) = app
        .post(
            &needs,
            &ben,
            json!({"kind": "interpreter", "language": "Polish", "consent_id": referral}),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "{out}");
    assert!(warnings_about(&app, &wendy, &victim).await.is_empty());

    // The court wants ten (its staff set it): the next need recorded warns
    // the officer.
    let cora = app.login(CORA).await;
    let setting = format!("/api/v1/courts/{court}/court-need-settings");
    let (status, _, out) = app
        .call_full(
            Method::PUT,
            &setting,
            Some(&cora),
            Some(json!({"short_notice_working_days": 10})),
            &[],
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{out}");
    assert_eq!(out["in_force_working_days"], 10);
    let (status, room) = app
        .post(&needs, &ben, json!({"kind": "separate_waiting_room"}))
        .await;
    assert_eq!(status, StatusCode::CREATED, "{room}");
    let warned = warnings_about(&app, &wendy, &victim).await;
    assert_eq!(warned.len(), 1, "{warned:?}");
    let detail = &warned[0]["detail"];
    assert_eq!(detail["need"], "separate_waiting_room", "{detail}");
    assert_eq!(detail["hearing_id"], trial_id.as_str(), "{detail}");
    assert_eq!(detail["hearing_date"], "2026-03-27", "{detail}");
    assert_eq!(
        (detail["days_left"].as_i64(), detail["wanted"].as_i64()),
        (Some(5), Some(10))
    );
    assert!(!warned[0].to_string().contains("Polish"));

    // Ben asks to accompany her; the officer tells the unit it is raised.
    let request = app
        .create(
            "/api/v1/attendance-requests",
            &ben,
            json!({"hearing_id": trial_id, "supporter_id": ben_id}),
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
            json!({"hearing_id": trial_id, "supporter_id": ben_id, "state": "wcu_informed"}),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{out}");
    // Only the need with consent goes out, to both partners.
    let polish = json!([{"kind": "interpreter", "language": "Polish"}]);
    let notices = notices_for(&app, &wendy, &trial_id).await;
    for (template, to) in [
        ("criminal.companion_request", "prosecutor"),
        ("criminal.witness_service_request", "witness_service"),
    ] {
        let sent = live(&notices, template, to);
        assert_eq!(sent.len(), 1, "{template}");
        assert_eq!(sent[0]["data"]["court_needs"], polish, "{template}");
    }
    app.run_due(&mailer);
    let emails = mailer.sent.lock().unwrap().clone();
    let to_ws: Vec<_> = emails
        .iter()
        .filter(|e| e.to == "leeds@witness-service.example")
        .collect();
    assert_eq!(to_ws.len(), 1, "{emails:?}");
    assert!(
        to_ws[0].body.contains("- An interpreter (Polish)"),
        "{}",
        to_ws[0].body
    );
    assert!(!to_ws[0].body.contains("waiting room"), "{}", to_ws[0].body);
    let mut told: Vec<String> = {
        use courtside::store::schema::court_need_disclosures as d;
        let mut conn = app.pool.get().unwrap();
        d::table
            .filter(d::hearing_id.eq(&trial_id))
            .select(d::partner)
            .load(&mut *conn)
            .unwrap()
    };
    told.sort();
    assert_eq!(told, ["court", "witness_service"]);

    // A need recorded now, with consent, goes to the partners already sent
    // the request, with every need as it now stands.
    let (status, out) = app
        .post(
            &needs,
            &ben,
            json!({"kind": "disability_access", "consent_id": referral}),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "{out}");
    // Recorded at the same instant (the test clock stands still): in the
    // order of their kinds.
    let both = json!([
        {"kind": "disability_access", "language": null},
        {"kind": "interpreter", "language": "Polish"},
    ]);
    let notices = notices_for(&app, &wendy, &trial_id).await;
    for to in ["prosecutor", "witness_service"] {
        let updates = live(&notices, "court_needs.update", to);
        assert_eq!(updates.len(), 1, "{to}");
        assert_eq!(updates[0]["data"]["court_needs"], both, "{to}");
    }
    assert!(live(&notices, "court_needs.update", "witness_care_unit").is_empty());
    mailer.sent.lock().unwrap().clear();
    app.run_due(&mailer);
    let emails = mailer.sent.lock().unwrap().clone();
    let updated: Vec<_> = emails
        .iter()
        .filter(|e| e.subject.starts_with("Needs at court updated"))
        .collect();
    assert_eq!(updated.len(), 2, "{emails:?}");
    for e in updated {
        assert!(e.body.contains("- Disability access"), "{}", e.body);
    }

    // The trial moves: both partners are told the needs again.
    let polish = both;
    mailer.sent.lock().unwrap().clear();
    let (_, now) = app
        .get(&format!("/api/v1/hearings/{trial_id}"), &wendy)
        .await;
    let mut moved = body.clone();
    moved["starts_at"] = json!("2026-03-30T10:00:00+01:00");
    let (status, out) = app
        .put(
            &format!("/api/v1/hearings/{trial_id}"),
            &wendy,
            now["version"].as_i64().unwrap(),
            moved,
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{out}");
    let notices = notices_for(&app, &wendy, &trial_id).await;
    for to in ["prosecutor", "witness_service"] {
        let changes = live(&notices, "hearing.change.agency", to);
        assert_eq!(changes.len(), 1, "{to}");
        assert_eq!(changes[0]["data"]["court_needs"], polish, "{to}");
    }
    app.run_due(&mailer);
    let emails = mailer.sent.lock().unwrap().clone();
    let moved_mail: Vec<_> = emails
        .iter()
        .filter(|e| e.subject.starts_with("Hearing moved"))
        .collect();
    // The partners told of the needs are told them again; anyone else told
    // of the earlier date (the witness care unit) is told of the move only.
    let partners = ["cps@cps.example", "leeds@witness-service.example"];
    for to in partners {
        let mail: Vec<_> = moved_mail.iter().filter(|e| e.to == to).collect();
        assert_eq!(mail.len(), 1, "{to}: {emails:?}");
        assert!(
            mail[0].body.contains("still apply on the new date"),
            "{}",
            mail[0].body
        );
        assert!(
            mail[0].body.contains("- An interpreter (Polish)"),
            "{}",
            mail[0].body
        );
    }
    let others: Vec<_> = moved_mail
        .iter()
        .filter(|e| !partners.contains(&e.to.as_str()))
        .collect();
    assert!(!others.is_empty(), "{emails:?}");
    for e in others {
        assert!(!e.body.contains("Polish"), "{}: {}", e.to, e.body);
    }

    // She no longer needs the interpreter: withdrawing it tells both
    // partners the needs as they now stand, so nobody books one.
    let (_, list) = app.get(&needs, &ben).await;
    let interpreter = items(&list)
        .into_iter()
        .find(|n| n["kind"] == "interpreter")
        .expect("the interpreter need");
    mailer.sent.lock().unwrap().clear();
    let (status, _, out) = app
        .call_full(
            Method::DELETE,
            &format!("{needs}/{}", interpreter["id"].as_str().unwrap()),
            Some(&ben),
            None,
            &[],
        )
        .await;
    assert_eq!(status, StatusCode::NO_CONTENT, "{out}");
    let access_only = json!([{"kind": "disability_access", "language": null}]);
    let notices = notices_for(&app, &wendy, &trial_id).await;
    for to in ["prosecutor", "witness_service"] {
        let latest: Vec<_> = live(&notices, "court_needs.update", to)
            .into_iter()
            .filter(|n| n["data"]["court_needs"] == access_only)
            .collect();
        assert_eq!(latest.len(), 1, "{to}: {notices:?}");
    }
    app.run_due(&mailer);
    let emails = mailer.sent.lock().unwrap().clone();
    let corrected: Vec<_> = emails
        .iter()
        .filter(|e| e.subject.starts_with("Needs at court updated"))
        .collect();
    assert_eq!(corrected.len(), 2, "{emails:?}");
    for e in corrected {
        assert!(e.body.contains("- Disability access"), "{}", e.body);
        assert!(!e.body.contains("Polish"), "{}", e.body);
    }
    app.assert_nothing_due();
    app.stop().await;
}

/// Court staff set their own court's booking lead time (and only theirs);
/// the default shows beside it; a bad figure is refused by field; each
/// change is audited.
#[actix_web::test]
async fn court_staff_set_their_courts_booking_lead_time() {
    let app = TestApp::spawn().await;
    let cora = app.login(CORA).await;
    let wendy = app.login(WENDY).await;
    let own = app.court_id(&cora, "Leeds Combined Court Centre").await;
    let other = app.court_id(&cora, "Leeds Magistrates' Court").await;
    let path = |court: &str| format!("/api/v1/courts/{court}/court-need-settings");
    let put = |token: String, court: String, body: Value| {
        let app = &app;
        async move {
            app.call_full(Method::PUT, &path(&court), Some(&token), Some(body), &[])
                .await
        }
    };

    let (status, out) = app.get(&path(&own), &wendy).await;
    assert_eq!(status, StatusCode::OK, "{out}");
    assert_eq!(out["short_notice_working_days"], Value::Null);
    assert_eq!(
        (
            out["default_working_days"].as_i64(),
            out["in_force_working_days"].as_i64()
        ),
        (Some(5), Some(5))
    );

    let (status, _, out) = put(
        wendy.clone(),
        own.clone(),
        json!({"short_notice_working_days": 8}),
    )
    .await;
    assert_problem(status, &out, StatusCode::FORBIDDEN, None);
    let (status, _, out) = put(
        cora.clone(),
        other.clone(),
        json!({"short_notice_working_days": 8}),
    )
    .await;
    assert_problem(status, &out, StatusCode::NOT_FOUND, None);
    let (status, _, out) = put(
        cora.clone(),
        own.clone(),
        json!({"short_notice_working_days": 0}),
    )
    .await;
    assert_problem(
        status,
        &out,
        StatusCode::UNPROCESSABLE_ENTITY,
        Some("short_notice_working_days"),
    );

    let (status, _, out) = put(
        cora.clone(),
        own.clone(),
        json!({"short_notice_working_days": 8}),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{out}");
    assert_eq!(out["in_force_working_days"], 8);
    let (status, _, out) = put(
        cora.clone(),
        own.clone(),
        json!({"short_notice_working_days": null}),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{out}");
    assert_eq!(out["in_force_working_days"], 5);

    let mut conn = app.pool.get().unwrap();
    use courtside::store::schema::audit_log;
    let actions: Vec<String> = audit_log::table
        .filter(audit_log::entity.eq("court_need_settings"))
        .filter(audit_log::entity_id.eq(&own))
        .order(audit_log::seq.asc())
        .select(audit_log::action)
        .load(&mut *conn)
        .unwrap();
    assert_eq!(actions, ["create", "update"]);
}

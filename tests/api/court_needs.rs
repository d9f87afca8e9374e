//! Needs at court (issue 19, item 1), on whichever backend the suite runs
//! on (CI runs it on both): the tables (a store test of the migration,
//! using the pool directly), then the API and the flow through to the
//! attendance request.

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

//! A child victim's responsible adults (issue 19, item 9), on whichever
//! backend the suite runs on: her supporter records her parent, guardian
//! or appropriate adult; while she is under 18 each one nobody excluded is
//! sent, by real delivery, a copy of what she is sent (under her consent
//! or a basis recorded under it), with a preface saying why, and never her
//! address. A person the court excluded is told nothing: excluding them
//! cancels what was planned for them, each cancellation audited.
//!
//! Store checks: the adult's details are read from the store to show they
//! are sealed at rest, re-sealed by key rotation and erased at retention
//! (listed in `tests/layers.rs`).

use courtside::store::schema::{cases, responsible_adults};
use diesel::prelude::*;
use reqwest::{Method, StatusCode};
use serde_json::{json, Value};

use crate::delivery::RecordingMailer;
use crate::helpers::*;

const PAT: &str = "pat.parent@example.org";
const LEE: &str = "lee.excluded@example.org";

fn at(text: &str) -> chrono::DateTime<chrono::Utc> {
    text.parse().unwrap()
}

/// A POST that names the version it changes.
async fn post_matching(
    app: &TestApp,
    path: &str,
    token: &str,
    version: i64,
    body: Option<Value>,
) -> (StatusCode, Value) {
    let etag = format!("\"{version}\"");
    let (status, _, out) = app
        .call_full(
            Method::POST,
            path,
            Some(token),
            body,
            &[("if-match", &etag)],
        )
        .await;
    (status, out)
}

#[actix_web::test]
async fn a_childs_hearing_reaches_her_parent_and_never_the_person_the_court_excluded() {
    let app = TestApp::spawn().await;
    let mailer = RecordingMailer::default();
    let ben = app.login(BEN).await;
    let wendy = app.login(WENDY).await;
    let amara = app.login(AMARA).await;
    let victor = app.login(VICTOR).await;
    let victim = app
        .find_id("/api/v1/victims", &ben, "reference", "V-1002")
        .await;
    let adults = format!("/api/v1/victims/{victim}/responsible-adults");

    // She is under 18.
    mark_child(&app, &ben, &victim).await;
    // Her address, to look for where it must never be.
    let (_, details) = app
        .get(&format!("/api/v1/victim-details/{victim}"), &ben)
        .await;
    let address = details["address"].as_str().map(str::to_string);

    // Who may: 403 by role, 404 outside reach.
    let pat = json!({"name": "Pat Parent", "relationship": "parent", "email": PAT,
                     "phone": "0113 496 0000", "preferred_language": "en"});
    let (status, out) = app.post(&adults, &victor, pat.clone()).await;
    assert_problem(status, &out, StatusCode::FORBIDDEN, None);
    let (status, out) = app.get(&adults, &amara).await;
    assert_problem(status, &out, StatusCode::NOT_FOUND, None);
    // The checks name their field.
    let (status, out) = app
        .post(
            &adults,
            &ben,
            json!({"name": "Pat", "relationship": "parent", "email": "not an address"}),
        )
        .await;
    assert_problem(
        status,
        &out,
        StatusCode::UNPROCESSABLE_ENTITY,
        Some("email"),
    );

    // Her parent, and a person later excluded by a court order.
    let pat = app.create(&adults, &ben, pat).await;
    assert_eq!(pat["version"], 1);
    assert_eq!(pat["name"], "Pat Parent");
    // Not told yet: she has given no consent to it.
    assert_eq!(pat["told"], false);
    let lee = app
        .create(
            &adults,
            &wendy,
            json!({"name": "Lee", "relationship": "guardian", "email": LEE}),
        )
        .await;
    let lee_id = lee["id"].as_str().unwrap().to_string();
    let pat_id = pat["id"].as_str().unwrap().to_string();

    // Her consent to tell her responsible adults.
    app.create(
        "/api/v1/consents",
        &ben,
        json!({"victim_id": victim, "scope": "responsible_adult_updates",
               "given_at": "2026-03-20T11:00:00Z"}),
    )
    .await;
    let (status, list) = app.get(&adults, &ben).await;
    assert_eq!(status, StatusCode::OK, "{list}");
    assert_eq!(list["is_child"], true);
    assert_eq!(list["basis_in_force"], true);
    let told: Vec<bool> = list["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["told"].as_bool().unwrap())
        .collect();
    assert_eq!(told, [true, true]);

    // A change names its version.
    let one = format!("/api/v1/responsible-adults/{pat_id}");
    let (status, out) = app
        .put(
            &one,
            &ben,
            7,
            json!({"name": "Pat Parent", "relationship": "parent", "email": PAT}),
        )
        .await;
    assert!(status.is_client_error(), "{status} {out}");
    let (status, out) = app
        .put(
            &one,
            &ben,
            1,
            json!({"name": "Pat Parent", "relationship": "parent", "email": PAT,
                   "preferred_language": "en"}),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{out}");
    assert_eq!(out["version"], 2);

    // A hearing is listed: her notice, and a copy for each adult.
    let case = app
        .find_id("/api/v1/cases", &wendy, "urn", "13CD7654321")
        .await;
    let court = app.court_id(&wendy, "Leeds Magistrates' Court").await;
    let hearing = app
        .create(
            "/api/v1/hearings",
            &wendy,
            json!({"case_id": case, "kind": "mention", "court_id": court,
                   "starts_at": "2026-04-14T09:00:00+00:00", "estimated_minutes": 30,
                   "victim_attends": true}),
        )
        .await;
    let hearing_id = hearing["id"].as_str().unwrap();
    let (_, notices) = app
        .get(
            &format!("/api/v1/notices?hearing_id={hearing_id}&per_page=200"),
            &ben,
        )
        .await;
    let to = |who: &str| -> Vec<Value> {
        notices["items"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|n| n["recipient"] == format!("responsible_adult:{who}"))
            .cloned()
            .collect()
    };
    assert_eq!(to(&pat_id).len(), 1, "{notices:#}");
    assert_eq!(to(&lee_id).len(), 1, "{notices:#}");
    assert_eq!(to(&pat_id)[0]["template"], "hearing.details.victim");

    // The court excludes Lee: what was planned for them is cancelled.
    let exclude = format!("/api/v1/responsible-adults/{lee_id}/exclude");
    let body = json!({"excluded_by": "court", "reason": "Order 2026/77"});
    let (status, out) = post_matching(&app, &exclude, &ben, 9, Some(body.clone())).await;
    assert!(status.is_client_error(), "{status} {out}");
    let (status, out) = post_matching(&app, &exclude, &ben, 1, Some(body.clone())).await;
    assert_eq!(status, StatusCode::OK, "{out}");
    assert_eq!(out["notices_cancelled"], 1);
    assert_eq!(out["adult"]["excluded_by"], "court");
    assert_eq!(out["adult"]["told"], false);
    // Once only.
    let (status, out) = post_matching(&app, &exclude, &ben, 2, Some(body)).await;
    assert_problem(status, &out, StatusCode::CONFLICT, None);
    // Nor back under another name: the address is refused.
    let (status, out) = app
        .post(
            &adults,
            &ben,
            json!({"name": "L. Smith", "relationship": "parent", "email": "Lee.Excluded@example.org"}),
        )
        .await;
    assert_problem(
        status,
        &out,
        StatusCode::UNPROCESSABLE_ENTITY,
        Some("email"),
    );

    // Nor as the contact she chose for trial-progress messages.
    let (status, out) = app
        .put(
            &format!("/api/v1/victims/{victim}/trial-update-preferences"),
            &ben,
            0,
            json!({"to_victim": true, "contact_name": "Lee", "contact_email": LEE}),
        )
        .await;
    assert_problem(
        status,
        &out,
        StatusCode::UNPROCESSABLE_ENTITY,
        Some("contact_email"),
    );

    // Real delivery: Pat is sent the hearing, with the preface; Lee nothing.
    app.advance_to(at("2026-03-23T09:00:00Z"), &mailer);
    let sent = mailer.sent.lock().unwrap().clone();
    let to_pat: Vec<_> = sent.iter().filter(|e| e.to == PAT).collect();
    assert_eq!(to_pat.len(), 1, "{sent:#?}");
    let body = &to_pat[0].body;
    assert!(
        body.contains("parent, guardian or appropriate adult of a young person"),
        "{body}"
    );
    assert!(body.contains("A court hearing has been arranged"), "{body}");
    assert!(sent.iter().all(|e| e.to != LEE), "{sent:#?}");
    if let Some(address) = &address {
        for e in &sent {
            assert!(!e.body.contains(address.as_str()), "{}", e.body);
        }
    }
    app.assert_nothing_due();

    // Her subject-access export holds them, and the audit log the
    // exclusion and the cancellation (ids and kinds only).
    let ben = app.login(BEN).await;
    let (status, export) = app
        .get(&format!("/api/v1/victims/{victim}/export"), &ben)
        .await;
    assert_eq!(status, StatusCode::OK, "{export}");
    let mut exported: Vec<&str> = export["responsible_adults"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["name"].as_str().unwrap())
        .collect();
    exported.sort();
    assert_eq!(exported, ["Lee", "Pat Parent"]);
    let audit = export["audit"].as_array().unwrap();
    assert!(
        audit
            .iter()
            .any(|a| a["entity"] == "responsible_adults" && a["category"] == "excluded_by_court"),
        "{audit:#?}"
    );
    assert!(
        audit
            .iter()
            .any(|a| a["action"] == "cancel"
                && a["recipient"] == format!("responsible_adult:{lee_id}")),
        "{audit:#?}"
    );
    for a in audit {
        let text = a.to_string();
        assert!(
            !text.contains("Order 2026/77") && !text.contains("Pat Parent"),
            "{text}"
        );
    }

    // Ending Pat's role: she is told nothing more.
    let (status, out) = post_matching(
        &app,
        &format!("/api/v1/responsible-adults/{pat_id}/end"),
        &ben,
        2,
        None,
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{out}");
    assert!(out["adult"]["ended_at"].is_string(), "{out}");
    assert_eq!(out["adult"]["told"], false);
}

#[actix_web::test]
async fn an_adults_details_are_sealed_rotated_and_erased_with_hers() {
    let app = TestApp::spawn().await;
    let ben = app.login(BEN).await;
    let wendy = app.login(WENDY).await;
    let victim = app
        .find_id("/api/v1/victims", &ben, "reference", "V-1002")
        .await;
    let adult = app
        .create(
            &format!("/api/v1/victims/{victim}/responsible-adults"),
            &ben,
            json!({"name": "Pat Parent", "relationship": "parent", "email": PAT,
                   "phone": "0113 496 0000"}),
        )
        .await;
    let id = adult["id"].as_str().unwrap().to_string();
    let (status, out) = post_matching(
        &app,
        &format!("/api/v1/responsible-adults/{id}/exclude"),
        &ben,
        1,
        Some(json!({"excluded_by": "victim", "reason": "She asked: Zephyrine"})),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{out}");
    let stored = |app: &TestApp| -> Vec<String> {
        let mut conn = app.pool.get().unwrap();
        let (name, email, phone, reason): (String, Option<String>, Option<String>, Option<String>) =
            responsible_adults::table
                .find(&id)
                .select((
                    responsible_adults::name,
                    responsible_adults::email,
                    responsible_adults::phone,
                    responsible_adults::exclusion_reason,
                ))
                .first(&mut *conn)
                .unwrap();
        vec![name, email.unwrap(), phone.unwrap(), reason.unwrap()]
    };
    let before = stored(&app);
    for sealed in &before {
        // Whole values: a short fragment such as "Pat" turns up in random
        // ciphertext now and then.
        for plain in ["Pat Parent", PAT, "0113 496 0000", "Zephyrine"] {
            assert!(!sealed.contains(plain), "{sealed}");
        }
    }
    let (key, rewritten) = rotate_field_keys(&app, "ra");
    assert!(rewritten >= 4, "{rewritten}");
    let after = stored(&app);
    for (old, now) in before.iter().zip(&after) {
        assert_ne!(old, now);
        assert!(now.starts_with(&format!("v1:{key}:")), "{now}");
    }
    let (_, read) = app
        .get(&format!("/api/v1/responsible-adults/{id}"), &ben)
        .await;
    assert_eq!(read["name"], "Pat Parent");
    assert_eq!(read["exclusion_reason"], "She asked: Zephyrine");

    // Her case closes; past the retention period her adults go whole.
    let case = app
        .find_id("/api/v1/cases", &wendy, "urn", "13CD7654321")
        .await;
    let now = test_now();
    let mut conn = app.pool.get().unwrap();
    diesel::update(cases::table.find(&case))
        .set((
            cases::status.eq("closed"),
            cases::updated_at.eq(courtside::store::to_db(now)),
        ))
        .execute(&mut conn)
        .unwrap();
    let later = now + chrono::Duration::days(2191);
    let report = courtside::privacy::retention(&mut conn, later, 2190, true).unwrap();
    assert!(
        report.responsible_adults >= 1,
        "the report counts them: {report:?}"
    );
    let left: i64 = responsible_adults::table
        .filter(responsible_adults::victim_id.eq(&victim))
        .count()
        .get_result(&mut conn)
        .unwrap();
    assert_eq!(left, 0);
    drop(conn);
    app.stop().await;
}

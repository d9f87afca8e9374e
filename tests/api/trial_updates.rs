//! Trial-progress updates on the day (issue 19, item 3), on whichever
//! backend the suite runs on: the supporter and the Witness Service record
//! short updates on a hearing's court day and who they told in person; the
//! victim's chosen contacts are sent a message where she asked (herself by
//! her safe channel; a named contact only under her consent), giving the
//! kind of update and the time only. The note is sealed, never in a notice,
//! an email or the audit log.
//!
//! Store checks: the note and the contact are read from the store to show
//! they are sealed at rest and re-sealed by key rotation (listed in
//! `tests/layers.rs`).

use courtside::store::schema::trial_updates;
use diesel::prelude::*;
use reqwest::StatusCode;
use serde_json::{json, Value};

use crate::delivery::RecordingMailer;
use crate::helpers::*;

const VICTIM_EMAIL: &str = "person.two@example.org";
const CONTACT_EMAIL: &str = "sam.contact@example.org";
/// Distinctive note text, to look for where it must not be.
const NOTE: &str = "Zephyrine from the defendant's family is in the public gallery";

fn at(text: &str) -> chrono::DateTime<chrono::Utc> {
    text.parse().unwrap()
}

async fn record(app: &TestApp, token: &str, path: &str, body: Value) -> Value {
    let (status, out) = app.post(path, token, body).await;
    assert_eq!(status, StatusCode::CREATED, "{out}");
    out
}

fn strings(v: &Value) -> Vec<&str> {
    v.as_array()
        .unwrap()
        .iter()
        .map(|x| x.as_str().unwrap())
        .collect()
}

#[actix_web::test]
async fn updates_on_the_day_reach_only_the_contacts_she_asked_for_and_never_the_note() {
    let app = TestApp::spawn().await;
    let mailer = RecordingMailer::default();
    let wendy = app.login(WENDY).await;
    let ben = app.login(BEN).await;
    let amara = app.login(AMARA).await;
    let wes = app.login(WES).await;
    let victim = app
        .find_id("/api/v1/victims", &ben, "reference", "V-1002")
        .await;
    // She may be written to by email.
    let details = format!("/api/v1/victim-details/{victim}");
    let (_, current) = app.get(&details, &ben).await;
    let (status, out) = app
        .put(
            &details,
            &ben,
            current["version"].as_i64().unwrap(),
            json!({"victim_id": victim, "full_name": current["full_name"],
                   "email": VICTIM_EMAIL, "safe_channels": ["email"]}),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{out}");
    let trial = leeds_trial(&app, &wendy).await.1;
    let path = format!("/api/v1/hearings/{trial}/trial-updates");
    let prefs = format!("/api/v1/victims/{victim}/trial-update-preferences");

    // Who may: 403 by role, 404 outside reach (another supporter, and the
    // Witness Service before her referral consent).
    let started = json!({"kind": "started"});
    let (status, out) = app.post(&path, &wendy, started.clone()).await;
    assert_problem(status, &out, StatusCode::FORBIDDEN, None);
    let (status, out) = app.get(&prefs, &wes).await;
    assert_problem(status, &out, StatusCode::FORBIDDEN, None);
    let (status, out) = app.post(&path, &amara, started.clone()).await;
    assert_problem(status, &out, StatusCode::NOT_FOUND, None);
    let (status, out) = app.get(&prefs, &amara).await;
    assert_problem(status, &out, StatusCode::NOT_FOUND, None);
    let (status, out) = app.get(&path, &wes).await;
    assert_problem(status, &out, StatusCode::NOT_FOUND, None);

    // Not before the day: today is not one of its court days.
    let (status, out) = app.post(&path, &ben, started.clone()).await;
    assert_problem(status, &out, StatusCode::CONFLICT, None);
    // The input's checks name their field.
    let (status, out) = app
        .post(
            &path,
            &ben,
            json!({"kind": "started", "told_in_person": ["victim", "victim"]}),
        )
        .await;
    assert_problem(
        status,
        &out,
        StatusCode::UNPROCESSABLE_ENTITY,
        Some("told_in_person"),
    );
    let (status, out) = app
        .post(
            &path,
            &ben,
            json!({"kind": "started", "note": "x".repeat(281)}),
        )
        .await;
    assert_problem(status, &out, StatusCode::UNPROCESSABLE_ENTITY, Some("note"));
    let (status, out) = app.post(&path, &ben, json!({"kind": "lunch"})).await;
    assert!(status.is_client_error(), "{status} {out}");

    // Her preference: nobody until she says; a contact needs an address.
    let (status, pref) = app.get(&prefs, &ben).await;
    assert_eq!(status, StatusCode::OK, "{pref}");
    assert_eq!(pref["version"], 0);
    assert_eq!(pref["to_victim"], false);
    let (status, out) = app
        .put(
            &prefs,
            &ben,
            0,
            json!({"to_victim": true, "contact_name": "Sam"}),
        )
        .await;
    assert_problem(
        status,
        &out,
        StatusCode::UNPROCESSABLE_ENTITY,
        Some("contact_email"),
    );

    // The trial day. Sessions lapse over the week: sign in again.
    app.advance_to(at("2026-03-27T08:00:00Z"), &mailer);
    let ben = app.login(BEN).await;
    let wes = app.login(WES).await;
    let sent_before = mailer.sent.lock().unwrap().len();

    // 09:30: started, before she said who she wants told: nobody is sent
    // anything, and the answer says why.
    app.clock.set(at("2026-03-27T09:30:00Z"));
    let out = record(
        &app,
        &ben,
        &path,
        json!({"kind": "started", "told_in_person": ["victim"]}),
    )
    .await;
    assert_eq!(out["update"]["kind"], "started");
    assert_eq!(
        out["update"]["recorded_at_local"],
        "2026-03-27T09:30:00+00:00"
    );
    assert!(strings(&out["update"]["messaged"]).is_empty(), "{out}");
    assert_eq!(strings(&out["not_messaged"]), ["not_asked"]);
    assert!(out["not_messaged_reasons"][0]
        .as_str()
        .unwrap()
        .starts_with("No message was sent"));

    // She wants a message herself, and one to Sam: without her consent for
    // Sam, only she is sent one.
    let (status, pref) = app
        .put(
            &prefs,
            &ben,
            0,
            json!({"to_victim": true, "contact_name": "Sam (her sister)",
                   "contact_email": CONTACT_EMAIL}),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{pref}");
    assert_eq!(pref["contact_consent_in_force"], false);
    assert_eq!(pref["version"], 1);
    app.clock.set(at("2026-03-27T10:15:00Z"));
    let out = record(
        &app,
        &ben,
        &path,
        json!({"kind": "giving_evidence", "note": NOTE}),
    )
    .await;
    assert_eq!(strings(&out["update"]["messaged"]), ["victim"]);
    assert_eq!(strings(&out["not_messaged"]), ["no_contact_consent"]);
    assert_eq!(out["update"]["note"], NOTE);

    // The note is sealed at rest.
    {
        let mut conn = app.pool.get().unwrap();
        let stored: Vec<Option<String>> = trial_updates::table
            .select(trial_updates::note)
            .load(&mut *conn)
            .unwrap();
        assert!(stored.iter().flatten().all(|n| !n.contains("Zephyrine")));
        assert_eq!(stored.iter().flatten().count(), 1);
    }

    // With her consent, Sam is told too.
    app.clock.set(at("2026-03-27T10:20:00Z"));
    app.create(
        "/api/v1/consents",
        &ben,
        json!({"victim_id": victim, "scope": "trial_progress_to_contact",
               "given_at": "2026-03-27T10:20:00Z"}),
    )
    .await;
    let (_, pref) = app.get(&prefs, &ben).await;
    assert_eq!(pref["contact_consent_in_force"], true);
    app.clock.set(at("2026-03-27T13:45:00Z"));
    let out = record(
        &app,
        &ben,
        &path,
        json!({"kind": "jury_out", "note": NOTE, "told_in_person": ["victim", "chosen_contact"]}),
    )
    .await;
    assert_eq!(strings(&out["update"]["messaged"]), ["victim", "contact"]);
    assert!(strings(&out["not_messaged"]).is_empty());

    // The Witness Service at the court, once she is referred, reads the
    // day's updates and records one too.
    let (status, out) = app.post(&path, &wes, json!({"kind": "verdict"})).await;
    assert_problem(status, &out, StatusCode::NOT_FOUND, None);
    app.clock.set(at("2026-03-27T13:50:00Z"));
    app.create(
        "/api/v1/consents",
        &ben,
        json!({"victim_id": victim, "scope": "witness_service_referral",
               "given_at": "2026-03-27T13:50:00Z"}),
    )
    .await;
    app.clock.set(at("2026-03-27T15:20:00Z"));
    record(
        &app,
        &wes,
        &path,
        json!({"kind": "verdict", "told_in_person": ["victim", "supporter"]}),
    )
    .await;
    for token in [&ben, &wes] {
        let (status, list) = app.get(&path, token).await;
        assert_eq!(status, StatusCode::OK, "{list}");
        let kinds: Vec<&str> = list["items"]
            .as_array()
            .unwrap()
            .iter()
            .map(|u| u["kind"].as_str().unwrap())
            .collect();
        assert_eq!(kinds, ["verdict", "jury_out", "giving_evidence", "started"]);
    }

    // Delivery: she gets three messages, Sam one per update after her
    // consent; nobody gets the note, the court or a reason.
    app.run_due(&mailer);
    let emails: Vec<_> = mailer.sent.lock().unwrap()[sent_before..].to_vec();
    let progress = |to: &str| -> Vec<String> {
        emails
            .iter()
            .filter(|e| {
                e.to == to
                    && (e.body.contains("hearing is going today")
                        || e.body.contains("An update on today's hearing"))
            })
            .map(|e| e.body.clone())
            .collect()
    };
    let to_her = progress(VICTIM_EMAIL);
    let to_sam = progress(CONTACT_EMAIL);
    assert_eq!(to_her.len(), 3, "{emails:#?}");
    assert_eq!(to_sam.len(), 2, "{emails:#?}");
    assert!(
        to_her.iter().any(|b| b
            .contains("At 10:15am on Friday 27 March 2026: the witness is giving evidence now.")),
        "{to_her:#?}"
    );
    assert!(
        to_sam.iter().any(|b| b.contains(
            "At 1:45pm on Friday 27 March 2026: the jury has gone out to consider its verdict."
        )),
        "{to_sam:#?}"
    );
    assert!(
        to_sam.iter().any(|b| b.contains("At 3:20pm")),
        "{to_sam:#?}"
    );
    for e in &emails {
        assert!(
            !e.body.contains("Zephyrine") && !e.subject.contains("Zephyrine"),
            "the note in an email to {}: {}",
            e.to,
            e.body
        );
        if e.to == CONTACT_EMAIL || e.body.contains("An update on today's hearing") {
            assert_eq!(e.subject, "A message from your support service");
            assert!(!e.body.contains("Leeds"), "{}", e.body);
        }
    }
    // Only to the contact she chose: nobody else got Sam's message.
    assert!(emails
        .iter()
        .filter(|e| e.body.contains("hearing is going today"))
        .all(|e| e.to == CONTACT_EMAIL));

    // The notices carry the kind and time only.
    let (_, list) = app
        .get(
            &format!("/api/v1/notices?hearing_id={trial}&per_page=200"),
            &ben,
        )
        .await;
    let planned: Vec<&Value> = list["items"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|n| {
            n["template"]
                .as_str()
                .is_some_and(|t| t.starts_with("trial_progress."))
        })
        .collect();
    assert_eq!(planned.len(), 5, "{planned:#?}");
    for n in &planned {
        assert!(!n.to_string().contains("Zephyrine"), "{n}");
    }

    // The audit log: one entry per update and per preference change, ids
    // and kind only.
    let (status, export) = app
        .get(&format!("/api/v1/victims/{victim}/export"), &ben)
        .await;
    assert_eq!(status, StatusCode::OK, "{export}");
    let audit = export["audit"].as_array().unwrap();
    let kinds: Vec<&str> = audit
        .iter()
        .filter(|a| a["entity"] == "trial_updates")
        .map(|a| a["category"].as_str().unwrap())
        .collect();
    assert_eq!(kinds, ["started", "giving_evidence", "jury_out", "verdict"]);
    assert_eq!(
        audit
            .iter()
            .filter(|a| a["entity"] == "trial_update_preferences")
            .count(),
        1
    );
    let text = Value::Array(audit.clone()).to_string();
    assert!(!text.contains("Zephyrine") && !text.contains(CONTACT_EMAIL));
    // Her subject-access export holds the updates, oldest first, with the
    // team's notes, and whom she asked to be told: they are her data.
    let updates: Vec<&str> = export["trial_updates"]
        .as_array()
        .unwrap()
        .iter()
        .map(|u| u["kind"].as_str().unwrap())
        .collect();
    assert_eq!(
        updates,
        ["started", "giving_evidence", "jury_out", "verdict"]
    );
    assert_eq!(export["trial_updates"][1]["note"], NOTE);
    let preference = &export["trial_update_preference"];
    assert_eq!(preference["contact_email"], CONTACT_EMAIL, "{preference}");

    app.assert_nothing_due();
    app.stop().await;
}

/// Her consent withdrawn after an update was recorded: the contact's
/// message is not sent (checked again at send time); hers still is.
#[actix_web::test]
async fn the_contacts_message_waits_on_her_consent_at_send_time() {
    let app = TestApp::spawn().await;
    let mailer = RecordingMailer::default();
    let wendy = app.login(WENDY).await;
    let ben = app.login(BEN).await;
    let victim = app
        .find_id("/api/v1/victims", &ben, "reference", "V-1002")
        .await;
    let trial = leeds_trial(&app, &wendy).await.1;
    let consent = app
        .create(
            "/api/v1/consents",
            &ben,
            json!({"victim_id": victim, "scope": "trial_progress_to_contact",
                   "given_at": "2026-03-20T11:00:00Z"}),
        )
        .await;
    let (status, out) = app
        .put(
            &format!("/api/v1/victims/{victim}/trial-update-preferences"),
            &ben,
            0,
            json!({"contact_name": "Sam", "contact_email": CONTACT_EMAIL}),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{out}");
    app.advance_to(at("2026-03-27T09:30:00Z"), &mailer);
    let ben = app.login(BEN).await;
    let out = record(
        &app,
        &ben,
        &format!("/api/v1/hearings/{trial}/trial-updates"),
        json!({"kind": "started"}),
    )
    .await;
    assert_eq!(strings(&out["update"]["messaged"]), ["contact"]);
    assert_eq!(strings(&out["not_messaged"]), ["victim_did_not_ask"]);
    // Withdrawn before the delivery pass.
    app.clock.set(at("2026-03-27T09:32:00Z"));
    let (status, out) = app
        .put(
            &format!("/api/v1/consents/{}", consent["id"].as_str().unwrap()),
            &ben,
            consent["version"].as_i64().unwrap(),
            json!({"victim_id": victim, "scope": "trial_progress_to_contact",
                   "given_at": "2026-03-20T11:00:00Z",
                   "withdrawn_at": "2026-03-27T09:31:00Z"}),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{out}");
    app.run_due(&mailer);
    assert!(
        mailer
            .sent
            .lock()
            .unwrap()
            .iter()
            .all(|e| e.to != CONTACT_EMAIL),
        "a message went to the contact after her consent was withdrawn"
    );
    app.assert_nothing_due();
    app.stop().await;
}

/// Rotating the field keys re-seals the notes and her contact too, and
/// they still read.
#[actix_web::test]
async fn rotating_the_field_keys_reseals_the_notes_and_the_contact() {
    use courtside::store::schema::trial_update_preferences as prefs;
    let app = TestApp::spawn().await;
    let wendy = app.login(WENDY).await;
    let ben = app.login(BEN).await;
    let victim = app
        .find_id("/api/v1/victims", &ben, "reference", "V-1002")
        .await;
    let trial = leeds_trial(&app, &wendy).await.1;
    let pref_path = format!("/api/v1/victims/{victim}/trial-update-preferences");
    let (status, out) = app
        .put(
            &pref_path,
            &ben,
            0,
            json!({"contact_name": "Sam", "contact_email": CONTACT_EMAIL}),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{out}");
    app.clock.set(at("2026-03-27T09:30:00Z"));
    let ben = app.login(BEN).await;
    let path = format!("/api/v1/hearings/{trial}/trial-updates");
    record(&app, &ben, &path, json!({"kind": "started", "note": NOTE})).await;
    let stored = |app: &TestApp| -> (String, String) {
        let mut conn = app.pool.get().unwrap();
        let note: Option<String> = trial_updates::table
            .select(trial_updates::note)
            .first(&mut *conn)
            .unwrap();
        let email: Option<String> = prefs::table
            .find(&victim)
            .select(prefs::contact_email)
            .first(&mut *conn)
            .unwrap();
        (note.unwrap(), email.unwrap())
    };
    let before = stored(&app);
    let (id, rewritten) = rotate_field_keys(&app, "tu");
    assert!(rewritten >= 2);
    let after = stored(&app);
    for (old, now) in [(&before.0, &after.0), (&before.1, &after.1)] {
        assert_ne!(old, now);
        assert!(now.starts_with(&format!("v1:{id}:")), "{now}");
    }
    let (_, list) = app.get(&path, &ben).await;
    assert_eq!(list["items"][0]["note"], NOTE);
    let (_, pref) = app.get(&pref_path, &ben).await;
    assert_eq!(pref["contact_email"], CONTACT_EMAIL);
    app.stop().await;
}

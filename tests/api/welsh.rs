//! Notices for a court in Wales: the victim's chosen language, the
//! bilingual form for those who chose none, and the language each sent
//! notice was written in, on its audit entry and in the victim's export.

use reqwest::StatusCode;
use serde_json::{json, Value};

use crate::delivery::RecordingMailer;
use crate::helpers::*;

#[actix_web::test]
async fn a_hearing_at_cardiff_is_told_in_the_language_each_person_needs() {
    let app = TestApp::spawn().await;
    let wendy = app.login(WENDY).await;
    let ben = app.login(BEN).await;
    let case = app
        .find_id("/api/v1/cases", &wendy, "urn", "13CD7654321")
        .await;
    let victim = app
        .find_id("/api/v1/victims", &ben, "reference", "V-1002")
        .await;
    let cardiff = app.court_id(&wendy, "Cardiff Crown Court").await;
    let mailer = RecordingMailer::default();
    app.run_due(&mailer);
    mailer.sent.lock().unwrap().clear();

    // The victim chose English; her supporter chose nothing.
    app.create(
        "/api/v1/hearings",
        &wendy,
        json!({"case_id": case, "kind": "mention", "court_id": cardiff,
               "starts_at": "2026-04-21T10:00:00+01:00", "estimated_minutes": 30}),
    )
    .await;
    app.run_due(&mailer);
    let to_ben: Vec<_> = mailer
        .sent
        .lock()
        .unwrap()
        .iter()
        .filter(|e| e.to.starts_with("ben@"))
        .cloned()
        .collect();
    let details = to_ben
        .iter()
        .find(|e| e.subject.starts_with("Dyddiad newydd ar gyfer V-1002"))
        .unwrap_or_else(|| panic!("no bilingual hearing details: {to_ben:?}"));
    assert!(
        details
            .subject
            .ends_with("/ A new date for V-1002: Tuesday 21 April 2026"),
        "{}",
        details.subject
    );
    let welsh_at = details
        .body
        .find("Llys: Llys y Goron Caerdydd")
        .expect("Welsh first");
    let english_at = details
        .body
        .find("Court: Cardiff Crown Court")
        .expect("then English");
    assert!(welsh_at < english_at, "{}", details.body);
    assert!(details.body.contains("Amser: 10:00yb"), "{}", details.body);

    // She now asks for Welsh: the next hearing's notice to her is Welsh.
    let (status, v) = app.get(&format!("/api/v1/victims/{victim}"), &ben).await;
    assert_eq!(status, StatusCode::OK, "{v}");
    let changed = json!({"reference": v["reference"], "is_child": v["is_child"],
                         "enhanced_rights": v["enhanced_rights"], "preferred_language": "cy"});
    let (status, out) = app
        .put(
            &format!("/api/v1/victims/{victim}"),
            &ben,
            v["version"].as_i64().unwrap(),
            changed,
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{out}");
    app.create(
        "/api/v1/hearings",
        &wendy,
        json!({"case_id": case, "kind": "mention", "court_id": cardiff,
               "starts_at": "2026-04-28T10:00:00+01:00", "estimated_minutes": 30}),
    )
    .await;
    app.run_due(&mailer);
    app.assert_nothing_due();

    // The export names each notice's language, and each sent notice's
    // audit entry records the language it went in.
    let (status, export) = app
        .get(&format!("/api/v1/victims/{victim}/export"), &ben)
        .await;
    assert_eq!(status, StatusCode::OK, "{export}");
    let victim_languages = languages_of(&export, "hearing.details.victim");
    assert!(
        victim_languages.contains(&"en".to_owned()),
        "{victim_languages:?}"
    );
    assert!(
        victim_languages.contains(&"cy".to_owned()),
        "{victim_languages:?}"
    );
    let supporter_languages = languages_of(&export, "hearing.details.supporter");
    assert!(
        supporter_languages.iter().filter(|l| *l == "cy+en").count() >= 2,
        "{supporter_languages:?}"
    );
    let notices = export["notices"].as_array().unwrap();
    let sent: Vec<&Value> = notices.iter().filter(|n| n["state"] == "sent").collect();
    assert!(!sent.is_empty());
    let audit = export["audit"].as_array().unwrap();
    for n in sent {
        let entry = audit
            .iter()
            .find(|a| a["entity_id"] == n["id"] && a["action"] == "disclose")
            .unwrap_or_else(|| panic!("no disclosure entry for {n}"));
        assert_eq!(entry["language"], n["language"], "{entry}");
    }
    app.stop().await;
}

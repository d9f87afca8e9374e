//! "Stop all messages": the link at the foot of every message to a
//! victim, confirmed on a page, audited, and honoured just before each
//! later message would have gone.

use reqwest::{Method, StatusCode};
use serde_json::{json, Value};

use crate::delivery::RecordingMailer;
use crate::helpers::*;

const NEUTRAL: &str = "A message from your support service";

async fn page(app: &TestApp, method: Method, path: &str) -> (StatusCode, String) {
    let resp = reqwest::Client::new()
        .request(method, format!("{}{}", app.base, path))
        .send()
        .await
        .unwrap();
    (resp.status(), resp.text().await.unwrap())
}

/// The path of the stop link at the foot of a message.
fn stop_path(body: &str) -> String {
    let at = body.find("/stop/").expect("a stop link");
    body[at..].split_whitespace().next().unwrap().to_string()
}

async fn hearing(app: &TestApp, wendy: &str, case: &str, court: &str, starts_at: &str) {
    app.create(
        "/api/v1/hearings",
        wendy,
        json!({"case_id": case, "kind": "mention", "court_id": court,
               "starts_at": starts_at, "estimated_minutes": 30}),
    )
    .await;
}

#[actix_web::test]
async fn a_victim_stops_every_message_with_one_confirmed_link() {
    let app = TestApp::spawn().await;
    let wendy = app.login(WENDY).await;
    let ben = app.login(BEN).await;
    let case = app
        .find_id("/api/v1/cases", &wendy, "urn", "13CD7654321")
        .await;
    let victim = app
        .find_id("/api/v1/victims", &ben, "reference", "V-1002")
        .await;
    let court = app.court_id(&wendy, "Leeds Magistrates' Court").await;
    // She gives an address and says email is safe, at any hour.
    let details = format!("/api/v1/victim-details/{victim}");
    let (_, current) = app.get(&details, &ben).await;
    let (status, out) = app
        .put(
            &details,
            &ben,
            current["version"].as_i64().unwrap(),
            json!({"victim_id": victim, "full_name": current["full_name"],
                   "email": "person.two@example.org", "safe_channels": ["email"]}),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{out}");
    let mailer = RecordingMailer::default();
    app.run_due(&mailer);
    mailer.sent.lock().unwrap().clear();

    hearing(&app, &wendy, &case, &court, "2026-04-21T10:00:00+01:00").await;
    app.run_due(&mailer);
    let sent = mailer.sent.lock().unwrap().clone();
    let to_victim: Vec<_> = sent.iter().filter(|e| e.subject == NEUTRAL).collect();
    assert!(!to_victim.is_empty(), "{sent:?}");
    let victim_address = to_victim[0].to.clone();
    // Every message to the victim carries the link; no other message does.
    for e in &sent {
        assert_eq!(
            e.body.contains("/stop/"),
            e.to == victim_address,
            "{}: {}",
            e.to,
            e.body
        );
    }
    let path = stop_path(&to_victim[0].body);

    // Following the link asks first and changes nothing.
    let (status, html) = page(&app, Method::GET, &path).await;
    assert_eq!(status, StatusCode::OK, "{html}");
    assert!(html.contains("Stop all messages?"), "{html}");
    assert!(
        !html.contains("V-1002") && !html.contains("Leeds"),
        "no case details"
    );
    // A made-up or altered link is a readable 404 page.
    for bad in ["/stop/nonsense", &format!("{}x", &path[..path.len() - 1])] {
        let (status, html) = page(&app, Method::GET, bad).await;
        assert_eq!(status, StatusCode::NOT_FOUND, "{bad}: {html}");
        let (status, _) = page(&app, Method::POST, bad).await;
        assert_eq!(status, StatusCode::NOT_FOUND, "{bad}");
    }

    // Confirming stops them, once, with one audit entry.
    let (status, html) = page(&app, Method::POST, &path).await;
    assert_eq!(status, StatusCode::OK, "{html}");
    assert!(html.contains("Messages stopped"), "{html}");
    let (status, html) = page(&app, Method::POST, &path).await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains("already stopped"), "{html}");

    // The next hearing: the supporter is told, the victim is not, and the
    // notice to her is cancelled with its reason on the record.
    mailer.sent.lock().unwrap().clear();
    hearing(&app, &wendy, &case, &court, "2026-04-28T10:00:00+01:00").await;
    app.run_due(&mailer);
    app.assert_nothing_due();
    let sent = mailer.sent.lock().unwrap().clone();
    assert!(sent.iter().all(|e| e.to != victim_address), "{sent:?}");
    assert!(sent.iter().any(|e| e.to == BEN), "{sent:?}");

    let (status, export) = app
        .get(&format!("/api/v1/victims/{victim}/export"), &ben)
        .await;
    assert_eq!(status, StatusCode::OK, "{export}");
    let audit = export["audit"].as_array().unwrap();
    let stops: Vec<&Value> = audit
        .iter()
        .filter(|a| a["entity"] == "message_stops")
        .collect();
    assert_eq!(stops.len(), 1, "{stops:?}");
    assert_eq!(stops[0]["category"], "stop_all_messages");
    let cancelled: Vec<&Value> = export["notices"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|n| n["recipient_kind"] == "victim" && n["state"] == "cancelled")
        .collect();
    assert!(!cancelled.is_empty(), "{export}");
    for n in cancelled {
        assert!(
            audit
                .iter()
                .any(|a| a["entity_id"] == n["id"] && a["action"] == "cancel"),
            "{n}"
        );
    }

    // Her supporter sees that she stopped them; someone who does not
    // handle her does not even learn she exists.
    let status_path = format!("/api/v1/victims/{victim}/message-stop");
    let (status, out) = app.get(&status_path, &ben).await;
    assert_eq!(status, StatusCode::OK, "{out}");
    assert!(out["stopped_at"].is_string(), "{out}");
    let amara = app.login(AMARA).await;
    let (status, out) = app.get(&status_path, &amara).await;
    assert_eq!(status, StatusCode::NOT_FOUND, "{out}");
    let (status, _, out) = app
        .call_full(Method::DELETE, &status_path, Some(&amara), None, &[])
        .await;
    assert_eq!(status, StatusCode::NOT_FOUND, "{out}");

    // She asks Ben to start them again: the next message reaches her.
    let (status, _, out) = app
        .call_full(Method::DELETE, &status_path, Some(&ben), None, &[])
        .await;
    assert_eq!(status, StatusCode::OK, "{out}");
    assert!(out["stopped_at"].is_null(), "{out}");
    mailer.sent.lock().unwrap().clear();
    hearing(&app, &wendy, &case, &court, "2026-05-05T10:00:00+01:00").await;
    app.run_due(&mailer);
    let sent = mailer.sent.lock().unwrap().clone();
    assert!(sent.iter().any(|e| e.to == victim_address), "{sent:?}");
    let (_, export) = app
        .get(&format!("/api/v1/victims/{victim}/export"), &ben)
        .await;
    let resumed: Vec<&Value> = export["audit"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|a| a["entity"] == "message_stops" && a["category"] == "resume_messages")
        .collect();
    assert_eq!(resumed.len(), 1, "{export}");
    assert!(resumed[0]["actor_user_id"].is_string());
    app.stop().await;
}

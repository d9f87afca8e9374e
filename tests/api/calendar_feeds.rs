//! Supporters' private calendar feeds: made and revoked through the API,
//! fetched by their secret address alone, scoped to the supporter, and
//! carrying references only.

use reqwest::{Method, StatusCode};
use serde_json::{json, Value};

use crate::helpers::*;

#[allow(dead_code)]
#[path = "../ui_support/mod.rs"]
mod ui_support;

const URN: &str = "13CD7654321";

/// The feed's text (the body is not JSON, so the harness keeps it as a
/// string).
async fn fetch(app: &TestApp, path: &str) -> (StatusCode, String) {
    let (status, headers, body) = app.call_full(Method::GET, path, None, None, &[]).await;
    if status == StatusCode::OK {
        assert!(
            headers["content-type"]
                .to_str()
                .unwrap()
                .starts_with("text/calendar"),
            "{headers:?}"
        );
    }
    (status, body.as_str().unwrap_or_default().to_string())
}

async fn make_feed(app: &TestApp, token: &str) -> (String, String) {
    let out = app.create("/api/v1/calendar-feeds", token, json!({})).await;
    let path = out["path"].as_str().unwrap().to_string();
    assert!(path.starts_with("/feeds/csf_") && path.ends_with(".ics"));
    assert!(out["url"].as_str().unwrap().ends_with(&path));
    (out["id"].as_str().unwrap().to_string(), path)
}

/// The VEVENT block with this UID (unfolded), or None.
fn event<'a>(feed: &'a str, uid: &str) -> Option<&'a str> {
    feed.split("BEGIN:VEVENT\r\n")
        .skip(1)
        .find(|e| e.contains(&format!("UID:{uid}\r\n")))
}

/// The PUT body of a hearing as read back.
fn hearing_input(h: &Value) -> Value {
    json!({
        "case_id": h["case_id"], "kind": h["kind"], "status": h["status"],
        "court_id": h["court_id"], "courtroom": h["courtroom"],
        "starts_at": h["starts_at_local"], "estimated_minutes": h["estimated_minutes"],
        "victim_attends": h["victim_attends"],
        "victim_gives_evidence": h["victim_gives_evidence"],
        "live_link": h["live_link"], "outcome": h["outcome"],
    })
}

async fn bens_hearing(app: &TestApp, ben: &str) -> Value {
    let case = app.find_id("/api/v1/cases", ben, "urn", URN).await;
    let (status, list) = app
        .get(&format!("/api/v1/hearings?case_id={case}"), ben)
        .await;
    assert_eq!(status, StatusCode::OK, "{list}");
    list["items"][0].clone()
}

#[actix_web::test]
async fn a_supporters_feed_follows_their_hearings_until_revoked() {
    let app = TestApp::spawn().await;
    let ben = app.login(BEN).await;
    let wendy = app.login(WENDY).await;
    let (feed_id, path) = make_feed(&app, &ben).await;

    // The list shows the feed but never its address.
    let (status, list) = app.get("/api/v1/calendar-feeds", &ben).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(list["items"][0]["id"], feed_id.as_str());
    assert!(!list.to_string().contains("csf_"), "{list}");

    let hearing = bens_hearing(&app, &ben).await;
    let id = hearing["id"].as_str().unwrap().to_string();
    let uid = format!("hearing-{id}@courtside");

    let (status, feed) = fetch(&app, &path).await;
    assert_eq!(status, StatusCode::OK, "{feed}");
    assert!(feed.starts_with("BEGIN:VCALENDAR\r\n"));
    assert!(feed.contains("METHOD:PUBLISH\r\n"));
    assert!(feed.contains("BEGIN:VTIMEZONE\r\nTZID:Europe/London\r\n"));
    let ev = event(&feed, &uid).unwrap_or_else(|| panic!("{uid} in {feed}"));
    // Trial, 09:30 on Monday 30 March 2026: BST, after the clocks change.
    assert!(
        ev.contains("DTSTART;TZID=Europe/London:20260330T093000\r\n"),
        "{ev}"
    );
    assert!(ev.contains("SEQUENCE:1\r\n"), "{ev}");
    assert!(ev.contains("STATUS:CONFIRMED\r\n"), "{ev}");
    assert!(
        ev.contains(&format!("SUMMARY:Trial — {URN} (V-1002)\r\n")),
        "{ev}"
    );
    assert!(
        ev.contains("LOCATION:Leeds Magistrates' Court\\, Court 7\r\n"),
        "{ev}"
    );
    // References only: no name, and nothing from the sensitive details.
    assert!(!feed.contains("Demo Person"), "{feed}");
    let victim = app
        .find_id("/api/v1/victims", &ben, "reference", "V-1002")
        .await;
    let (status, sensitive) = app
        .get(&format!("/api/v1/victim-sensitive-details/{victim}"), &ben)
        .await;
    if status == StatusCode::OK {
        for field in ["full_name", "address", "phone", "email"] {
            if let Some(text) = sensitive[field].as_str().filter(|t| t.len() > 3) {
                assert!(!feed.contains(text), "{field} leaked into the feed");
            }
        }
    }

    // The witness care officer moves the hearing: the event moves and its
    // SEQUENCE rises.
    let mut moved = hearing_input(&hearing);
    moved["starts_at"] = json!("2026-03-31T11:00:00+01:00");
    let (status, out) = app
        .put(&format!("/api/v1/hearings/{id}"), &wendy, 1, moved.clone())
        .await;
    assert_eq!(status, StatusCode::OK, "{out}");
    let (_, feed) = fetch(&app, &path).await;
    let ev = event(&feed, &uid).unwrap();
    assert!(
        ev.contains("DTSTART;TZID=Europe/London:20260331T110000\r\n"),
        "{ev}"
    );
    assert!(ev.contains("SEQUENCE:2\r\n"), "{ev}");

    // Vacated: still in the feed, as cancelled.
    let mut vacated = moved;
    vacated["status"] = json!("vacated");
    let (status, out) = app
        .put(&format!("/api/v1/hearings/{id}"), &wendy, 2, vacated)
        .await;
    assert_eq!(status, StatusCode::OK, "{out}");
    let (_, feed) = fetch(&app, &path).await;
    let ev = event(&feed, &uid).unwrap();
    assert!(ev.contains("STATUS:CANCELLED\r\n"), "{ev}");
    assert!(ev.contains("SEQUENCE:3\r\n"), "{ev}");

    // Revoked: the address is dead; revoking again changes nothing.
    let revoke = format!("/api/v1/calendar-feeds/{feed_id}/revoke");
    let (status, out) = app.post(&revoke, &ben, json!({})).await;
    assert_eq!(status, StatusCode::OK, "{out}");
    assert!(out["revoked_at"].is_string());
    let (status, _) = fetch(&app, &path).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let (status, _) = app.post(&revoke, &ben, json!({})).await;
    assert_eq!(status, StatusCode::OK);
    app.stop().await;
}

#[actix_web::test]
async fn feeds_are_private_to_their_supporter() {
    let app = TestApp::spawn().await;
    let ben = app.login(BEN).await;
    let amara = app.login(AMARA).await;
    let (bens_feed, _) = make_feed(&app, &ben).await;
    let (_, amaras) = make_feed(&app, &amara).await;

    let hearing = bens_hearing(&app, &ben).await;
    let (status, feed) = fetch(&app, &amaras).await;
    assert_eq!(status, StatusCode::OK);
    assert!(
        feed.contains("BEGIN:VEVENT"),
        "Amara has hearings of her own"
    );
    assert!(!feed.contains(hearing["id"].as_str().unwrap()), "{feed}");
    assert!(!feed.contains(URN), "{feed}");
    assert!(!feed.contains("V-1002"), "{feed}");

    // Amara cannot see or revoke Ben's feed.
    let (_, list) = app.get("/api/v1/calendar-feeds", &amara).await;
    assert!(!list.to_string().contains(&bens_feed), "{list}");
    let (status, _) = app
        .post(
            &format!("/api/v1/calendar-feeds/{bens_feed}/revoke"),
            &amara,
            json!({}),
        )
        .await;
    assert_eq!(status, StatusCode::NOT_FOUND);

    // Unknown and malformed tokens are simply not found.
    for path in [
        "/feeds/csf_00.ics",
        "/feeds/nothing.ics",
        "/feeds/a%20b.ics",
    ] {
        let (status, _) = fetch(&app, path).await;
        assert_eq!(status, StatusCode::NOT_FOUND, "{path}");
    }
    // Only supporters have feeds.
    let wendy = app.login(WENDY).await;
    let (status, _) = app.post("/api/v1/calendar-feeds", &wendy, json!({})).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    app.stop().await;
}

#[actix_web::test]
async fn the_calendar_feed_page_makes_and_revokes_an_address() {
    let app = TestApp::spawn().await;
    let mut b = ui_support::Browser::signed_in(&app.base, BEN).await;
    let home = b.get("/").await;
    home.assert_has("href=\"/calendar-feed\"");
    let page = b.get("/calendar-feed").await;
    assert_eq!(page.status, StatusCode::OK, "{}", page.body);
    page.assert_has("You have no calendar addresses yet.");

    // Without the form's token nothing is made.
    let refused = b.post("/calendar-feed", &[]).await;
    assert_eq!(refused.status, StatusCode::FORBIDDEN);

    // The address is shown once, on the answer to the form.
    let made = b.submit("/calendar-feed", &[]).await;
    assert_eq!(made.status, StatusCode::OK, "{}", made.body);
    let start = made.body.find("/feeds/csf_").expect("address shown");
    let end = start + made.body[start..].find(".ics").unwrap() + 4;
    let path = made.body[start..end].to_string();
    let (status, feed) = fetch(&app, &path).await;
    assert_eq!(status, StatusCode::OK);
    assert!(feed.contains("V-1002"), "{feed}");
    let again = b.get("/calendar-feed").await;
    again.assert_lacks("/feeds/csf_");
    again.assert_has("Active");

    // Revoke it with the button's form.
    let id_at = again.body.find("/calendar-feed/").unwrap() + "/calendar-feed/".len();
    let id = &again.body[id_at..id_at + again.body[id_at..].find('/').unwrap()];
    let csrf = again.csrf();
    let revoked = b
        .post(
            &format!("/calendar-feed/{id}/revoke"),
            &[("csrf_token", csrf.as_str())],
        )
        .await;
    assert_eq!(revoked.status, StatusCode::SEE_OTHER, "{}", revoked.body);
    let (status, _) = fetch(&app, &path).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    b.get("/calendar-feed").await.assert_has("Revoked");

    // Not a page for other roles.
    let mut w = ui_support::Browser::signed_in(&app.base, WENDY).await;
    assert_eq!(w.get("/calendar-feed").await.status, StatusCode::FORBIDDEN);
    app.stop().await;
}

#[actix_web::test]
#[ignore = "needs python icalendar: run by .ci/run"]
async fn an_independent_parser_reads_times_across_the_clock_change() {
    let app = TestApp::spawn().await;
    let ben = app.login(BEN).await;
    let wendy = app.login(WENDY).await;
    let (_, path) = make_feed(&app, &ben).await;
    let case = app.find_id("/api/v1/cases", &ben, "urn", URN).await;
    let court = app.court_id(&wendy, "Leeds Magistrates' Court").await;
    // (start sent, London wall-clock time expected): either side of both
    // clock changes.
    let table = [
        ("2026-03-27T10:00:00+00:00", "2026-03-27T10:00"),
        ("2026-03-30T10:00:00+01:00", "2026-03-30T10:00"),
        ("2026-10-23T14:15:00+01:00", "2026-10-23T14:15"),
        ("2026-10-26T09:45:00+00:00", "2026-10-26T09:45"),
    ];
    let mut expectations = Vec::new();
    for (sent, local) in table {
        let h = app
            .create(
                "/api/v1/hearings",
                &wendy,
                json!({"case_id": case, "kind": "mention", "court_id": court,
                       "courtroom": "Court 1; annex, rear", "starts_at": sent,
                       "estimated_minutes": 45}),
            )
            .await;
        expectations.push(format!(
            "hearing-{}@courtside={local}",
            h["id"].as_str().unwrap()
        ));
    }
    let (status, feed) = fetch(&app, &path).await;
    assert_eq!(status, StatusCode::OK);
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("feed.ics");
    std::fs::write(&file, &feed).unwrap();
    let out = std::process::Command::new("python3")
        .arg(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/ics/check_feed.py"
        ))
        .arg(&file)
        .args(&expectations)
        .output()
        .expect("python3 runs");
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(out.status.success(), "{text}");
    assert_eq!(
        text.matches("\nok ").count() + usize::from(text.starts_with("ok ")),
        4,
        "{text}"
    );
    app.stop().await;
}

/// Runs tests/ics/check_feed.py on a feed; returns its report.
fn independent_check(feed: &str, expectations: &[String]) -> String {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("feed.ics");
    std::fs::write(&file, feed).unwrap();
    let out = std::process::Command::new("python3")
        .arg(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/ics/check_feed.py"
        ))
        .arg(&file)
        .args(expectations)
        .output()
        .expect("python3 runs");
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(out.status.success(), "{text}");
    text
}

#[actix_web::test]
#[ignore = "needs python icalendar: run by .ci/run"]
async fn an_independent_parser_tells_the_two_half_past_ones_apart() {
    let app = TestApp::spawn().await;
    let ben = app.login(BEN).await;
    let wendy = app.login(WENDY).await;
    let (_, path) = make_feed(&app, &ben).await;
    let case = app.find_id("/api/v1/cases", &ben, "urn", URN).await;
    let court = app.court_id(&wendy, "Leeds Magistrates' Court").await;
    // 01:30 BST, then 01:30 GMT an hour later, on Sunday 25 October 2026;
    // and one from 00:45 BST that ends at 01:15 GMT.
    let table = [
        ("2026-10-25T00:30:00Z", 30, "2026-10-25T01:30+01:00"),
        ("2026-10-25T01:30:00Z", 30, "2026-10-25T01:30+00:00"),
        ("2026-10-24T23:45:00Z", 90, "2026-10-25T00:45+01:00"),
    ];
    let mut expectations = Vec::new();
    for (sent, minutes, local) in table {
        let h = app
            .create(
                "/api/v1/hearings",
                &wendy,
                json!({"case_id": case, "kind": "mention", "court_id": court,
                       "starts_at": sent, "estimated_minutes": minutes}),
            )
            .await;
        expectations.push(format!(
            "hearing-{}@courtside={local}",
            h["id"].as_str().unwrap()
        ));
    }
    let (status, feed) = fetch(&app, &path).await;
    assert_eq!(status, StatusCode::OK);
    let text = independent_check(&feed, &expectations);
    assert_eq!(text.matches("ok hearing-").count(), 3, "{text}");
    assert!(
        text.contains("2026-10-25 01:30 London = 00:30 UTC"),
        "{text}"
    );
    assert!(
        text.contains("2026-10-25 01:30 London = 01:30 UTC"),
        "{text}"
    );
    app.stop().await;
}

#[actix_web::test]
async fn a_feed_is_in_the_supporters_language_and_in_both_for_a_court_in_wales() {
    let app = TestApp::spawn().await;
    let ben = app.login(BEN).await;
    let wendy = app.login(WENDY).await;
    let (_, path) = make_feed(&app, &ben).await;
    let leeds = bens_hearing(&app, &ben).await;
    let leeds_uid = format!("hearing-{}@courtside", leeds["id"].as_str().unwrap());
    // A three-day trial at Cardiff Crown Court.
    let case = app.find_id("/api/v1/cases", &ben, "urn", URN).await;
    let cardiff = app.court_id(&wendy, "Cardiff Crown Court").await;
    let trial = app
        .create(
            "/api/v1/hearings",
            &wendy,
            json!({"case_id": case, "kind": "trial", "court_id": cardiff,
                   "starts_at": "2026-06-01T10:00:00+01:00", "estimated_minutes": 900}),
        )
        .await;
    let cardiff_uid = format!("hearing-{}@courtside", trial["id"].as_str().unwrap());

    // Ben chose no language: Cardiff in Welsh then English, Leeds in English.
    let (status, feed) = fetch(&app, &path).await;
    assert_eq!(status, StatusCode::OK, "{feed}");
    assert!(
        feed.contains("X-WR-CALNAME:Courtside hearings and visits\r\n"),
        "{feed}"
    );
    let ev = event(&feed, &cardiff_uid).unwrap_or_else(|| panic!("{feed}"));
    let unfolded = ev.replace("\r\n ", "");
    assert!(
        unfolded.contains(&format!(
            "SUMMARY:Treial (diwrnod 1 o 3) — {URN} (V-1002) / Trial (day 1 of 3) — {URN} (V-1002)\r\n"
        )),
        "{unfolded}"
    );
    assert!(
        unfolded.contains("LOCATION:Llys y Goron Caerdydd / Cardiff Crown Court\r\n"),
        "{unfolded}"
    );
    assert!(
        unfolded.contains(
            "DESCRIPTION:Treial\\nStatws: Wedi'i restru\\nAchos 13CD7654321\\nCyfeirnod y dioddefwr V-1002\\n\\nTrial\\nStatus: Listed\\n"
        ),
        "{unfolded}"
    );
    let ev = event(&feed, &leeds_uid).unwrap();
    assert!(
        ev.contains(&format!("SUMMARY:Trial — {URN} (V-1002)\r\n")),
        "{ev}"
    );

    // He chooses Welsh: every entry is in Welsh only, the court's Welsh name
    // where it has one.
    let mut b = ui_support::Browser::signed_in(&app.base, BEN).await;
    let page = b.get("/").await;
    b.post(
        "/language",
        &[("csrf_token", &page.csrf()), ("language", "cy")],
    )
    .await;
    let (_, feed) = fetch(&app, &path).await;
    assert!(
        feed.contains("X-WR-CALNAME:Gwrandawiadau ac ymweliadau Courtside\r\n"),
        "{feed}"
    );
    let unfolded = event(&feed, &cardiff_uid).unwrap().replace("\r\n ", "");
    assert!(
        unfolded.contains(&format!(
            "SUMMARY:Treial (diwrnod 1 o 3) — {URN} (V-1002)\r\n"
        )),
        "{unfolded}"
    );
    assert!(
        unfolded.contains("LOCATION:Llys y Goron Caerdydd\r\n"),
        "{unfolded}"
    );
    assert!(!unfolded.contains("Trial"), "{unfolded}");
    let unfolded = event(&feed, &leeds_uid).unwrap().replace("\r\n ", "");
    assert!(
        unfolded.contains(&format!("SUMMARY:Treial — {URN} (V-1002)\r\n")),
        "{unfolded}"
    );
    assert!(
        unfolded.contains("LOCATION:Leeds Magistrates' Court\\, Court 7\r\n"),
        "{unfolded}"
    );
    app.stop().await;
}

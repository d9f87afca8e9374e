//! HTTP tests of the web pages: sign-in and sessions, the anti-forgery
//! check on every form, error summaries, role-based access, and each
//! role's main task end to end. The app is the real one on a random port
//! (SQLite by default, PostgreSQL when TEST_DATABASE_URL is set).

#[allow(dead_code)]
#[path = "api/helpers.rs"]
mod helpers;
mod ui_support;

use reqwest::StatusCode;
use serde_json::Value;

use helpers::*;
use ui_support::{hidden, Browser, Page};

/// The id of the case of the victim with this reference, via the API.
async fn case_of(app: &TestApp, token: &str, reference: &str) -> String {
    let victim = app
        .find_id(
            "/api/v1/victims?per_page=200",
            token,
            "reference",
            reference,
        )
        .await;
    app.find_id("/api/v1/cases?per_page=200", token, "victim_id", &victim)
        .await
}

async fn hearings_of(app: &TestApp, token: &str, case_id: &str) -> Vec<Value> {
    let (status, body) = app
        .get(&format!("/api/v1/hearings?case_id={case_id}"), token)
        .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    body["items"].as_array().unwrap().clone()
}

#[actix_web::test]
async fn sign_in_sets_a_strict_session_cookie_and_sign_out_ends_it() {
    let app = TestApp::spawn().await;
    let mut b = Browser::new(&app.base);

    // Not signed in: pages send you to sign in.
    let home = b.get("/").await;
    assert_eq!(home.status, StatusCode::SEE_OTHER);
    assert_eq!(home.location(), Some("/sign-in"));
    let week = b.get("/week").await;
    assert_eq!(week.location(), Some("/sign-in"));

    // A wrong password: the form again, with an error summary.
    let wrong = b.sign_in(AMARA, "not-the-password").await;
    assert_eq!(wrong.status, StatusCode::UNPROCESSABLE_ENTITY);
    wrong.assert_has("There is a problem");
    wrong.assert_has("href=\"#email\"");
    wrong.assert_has("<title>Error: Sign in");
    wrong.assert_lacks("not-the-password");

    let ok = b.sign_in(AMARA, courtside::seed::DEMO_PASSWORD).await;
    assert_eq!(ok.status, StatusCode::SEE_OTHER, "{}", ok.body);
    assert_eq!(ok.location(), Some("/"));
    let session = ok
        .set_cookies()
        .into_iter()
        .find(|c| c.starts_with("courtside_session="))
        .expect("a session cookie");
    for attribute in ["HttpOnly", "SameSite=Strict", "Secure", "Path=/"] {
        assert!(
            session.contains(attribute),
            "{attribute} missing: {session}"
        );
    }
    // The cookie holds a token, whose hash only is stored: it works as a
    // bearer token too, because it is one.
    let token = b.cookies["courtside_session"].clone();
    let (status, me) = app.get("/api/v1/me", &token).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(me["role"], "supporter");

    let home = b.get("/").await;
    assert_eq!(home.status, StatusCode::OK);
    home.assert_has("Hello, Amara Idva");
    home.assert_has("href=\"/week\"");
    assert_eq!(home.headers["cache-control"], "no-store");
    assert!(home.headers["content-security-policy"]
        .to_str()
        .unwrap()
        .contains("frame-ancestors 'none'"));

    // Signed in, the sign-in page sends you home.
    assert_eq!(b.get("/sign-in").await.location(), Some("/"));

    // My week, kept for her once drawn.
    assert_eq!(b.get("/week").await.status, StatusCode::OK);

    // Sign out (a form, so it carries the token) revokes the session.
    let token_field = home.csrf();
    let out = b
        .post("/sign-out", &[("csrf_token", token_field.as_str())])
        .await;
    assert_eq!(out.status, StatusCode::SEE_OTHER);
    assert_eq!(out.location(), Some("/sign-in?signed_out=1"));
    assert!(!b.cookies.contains_key("courtside_session"));
    let (status, _) = app.get("/api/v1/me", &token).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    b.cookies.insert("courtside_session".into(), token);
    assert_eq!(b.get("/").await.location(), Some("/sign-in"));
    // The week checks the session in its own trip: a revoked one gets no
    // kept week, only the way to sign in.
    let week = b.get("/week").await;
    assert_eq!(week.location(), Some("/sign-in"));
    week.assert_lacks("Amara");
    app.stop().await;
}

#[actix_web::test]
async fn every_form_needs_its_anti_forgery_token() {
    let app = TestApp::spawn().await;
    let api = app.login(WENDY).await;
    let case = case_of(&app, &api, "V-1001").await;
    let before = hearings_of(&app, &api, &case).await.len();
    let mut wendy = Browser::signed_in(&app.base, WENDY).await;
    let path = format!("/cases/{case}/hearings/new");
    let fields = [
        ("kind", "mention"),
        ("date", "2026-04-14"),
        ("time", "10:00"),
        ("court_id", ""),
        ("estimated_minutes", "30"),
    ];

    // No token, then a made-up one, then another session's token.
    let none = wendy.post(&path, &fields).await;
    assert_eq!(none.status, StatusCode::FORBIDDEN);
    none.assert_has("This form could not be accepted");
    assert!(none.headers["content-type"]
        .to_str()
        .unwrap()
        .starts_with("text/html"));
    let mut forged = vec![("csrf_token", "0000")];
    forged.extend_from_slice(&fields);
    assert_eq!(
        wendy.post(&path, &forged).await.status,
        StatusCode::FORBIDDEN
    );
    let other = Browser::signed_in(&app.base, WENDY).await;
    let mut other_form = Browser::new(&app.base);
    other_form.cookies = other.cookies.clone();
    let theirs = other_form.get(&path).await.csrf();
    let mut borrowed = vec![("csrf_token", theirs.as_str())];
    borrowed.extend_from_slice(&fields);
    assert_eq!(
        wendy.post(&path, &borrowed).await.status,
        StatusCode::FORBIDDEN
    );
    assert_eq!(
        hearings_of(&app, &api, &case).await.len(),
        before,
        "nothing saved"
    );

    // Sign-out is a form too.
    assert_eq!(
        wendy.post("/sign-out", &[]).await.status,
        StatusCode::FORBIDDEN
    );
    assert_eq!(
        wendy.get("/").await.status,
        StatusCode::OK,
        "still signed in"
    );

    // The sign-in form is tied to its own pre-session cookie.
    let mut stranger = Browser::new(&app.base);
    let form = stranger.get("/sign-in").await;
    let token = form.csrf();
    stranger.cookies.clear();
    let refused = stranger
        .post(
            "/sign-in",
            &[
                ("csrf_token", token.as_str()),
                ("email", WENDY),
                ("password", courtside::seed::DEMO_PASSWORD),
            ],
        )
        .await;
    assert_eq!(refused.status, StatusCode::FORBIDDEN);
    assert!(refused
        .set_cookies()
        .iter()
        .all(|c| !c.starts_with("courtside_session=")));

    // A form posted without a session at all goes to sign in.
    let mut nobody = Browser::new(&app.base);
    assert_eq!(
        nobody.post(&path, &fields).await.location(),
        Some("/sign-in")
    );
    app.stop().await;
}

#[actix_web::test]
async fn bad_input_shows_an_error_summary_linked_to_each_field() {
    let app = TestApp::spawn().await;
    let api = app.login(WENDY).await;
    let case = case_of(&app, &api, "V-1001").await;
    let mut wendy = Browser::signed_in(&app.base, WENDY).await;
    let path = format!("/cases/{case}/hearings/new");

    // Missing answers: each named, each linked to its field.
    let page = wendy
        .submit(&path, &[("time", "25:99"), ("estimated_minutes", "lots")])
        .await;
    assert_eq!(page.status, StatusCode::UNPROCESSABLE_ENTITY);
    page.assert_has("<title>Error: Add a hearing");
    page.assert_has("class=\"error-summary\"");
    for field in ["kind", "date", "time", "estimated_minutes"] {
        page.assert_has(&format!("<a href=\"#{field}\">"));
        page.assert_has(&format!("id=\"{field}\""));
        page.assert_has(&format!("id=\"{field}-error\""));
    }
    page.assert_has("Choose the kind of hearing");
    page.assert_has("Enter the date of the hearing");
    // What was typed is kept.
    page.assert_has("value=\"lots\"");

    // A check only the resource makes (a start in the past) lands on the
    // date field too.
    let court = app.court_id(&api, "Leeds Combined Court Centre").await;
    let page = wendy
        .submit(
            &path,
            &[
                ("kind", "mention"),
                ("date", "2026-03-19"),
                ("time", "10:00"),
                ("court_id", court.as_str()),
                ("estimated_minutes", "30"),
            ],
        )
        .await;
    assert_eq!(
        page.status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "{}",
        page.body
    );
    page.assert_has("<a href=\"#date\">The start is in the past");
    app.stop().await;
}

#[actix_web::test]
async fn pages_follow_the_role_policy_and_relationships() {
    let app = TestApp::spawn().await;
    let wendy_api = app.login(WENDY).await;
    let own = case_of(&app, &wendy_api, "V-1001").await;
    let bens = case_of(&app, &wendy_api, "V-1002").await;
    let hearing = hearings_of(&app, &wendy_api, &own).await[0]["id"]
        .as_str()
        .unwrap()
        .to_string();

    // (who, page, expected status)
    let table: Vec<(&str, String, StatusCode)> = vec![
        (AMARA, "/week".into(), StatusCode::OK),
        (AMARA, "/cases".into(), StatusCode::OK),
        (AMARA, format!("/cases/{own}"), StatusCode::OK),
        (AMARA, format!("/cases/{bens}"), StatusCode::NOT_FOUND),
        (
            AMARA,
            format!("/hearings/{hearing}/attendance"),
            StatusCode::OK,
        ),
        (AMARA, format!("/hearings/{hearing}/move"), StatusCode::OK),
        (
            AMARA,
            "/parole/milestones/new".into(),
            StatusCode::FORBIDDEN,
        ),
        (
            AMARA,
            format!("/cases/{own}/special-measures/new"),
            StatusCode::FORBIDDEN,
        ),
        (WENDY, "/cases".into(), StatusCode::OK),
        (WENDY, "/tasks".into(), StatusCode::OK),
        (WENDY, format!("/cases/{own}/hearings/new"), StatusCode::OK),
        (
            WENDY,
            format!("/cases/{own}/special-measures/new"),
            StatusCode::OK,
        ),
        (
            WENDY,
            format!("/hearings/{hearing}/attendance"),
            StatusCode::FORBIDDEN,
        ),
        (WENDY, "/parole".into(), StatusCode::FORBIDDEN),
        (CARYS, format!("/cases/{own}"), StatusCode::NOT_FOUND),
        (
            CARYS,
            format!("/hearings/{hearing}/move"),
            StatusCode::NOT_FOUND,
        ),
        (WENDY, format!("/hearings/{hearing}/vacate"), StatusCode::OK),
        (
            WENDY,
            format!("/hearings/{hearing}/adjourn"),
            StatusCode::OK,
        ),
        (
            AMARA,
            format!("/hearings/{hearing}/outcome"),
            StatusCode::OK,
        ),
        (
            CARYS,
            format!("/hearings/{hearing}/vacate"),
            StatusCode::NOT_FOUND,
        ),
        (
            CARYS,
            format!("/hearings/{hearing}/outcome"),
            StatusCode::NOT_FOUND,
        ),
        (
            MAYA,
            format!("/hearings/{hearing}/vacate"),
            StatusCode::FORBIDDEN,
        ),
        (
            MAYA,
            format!("/hearings/{hearing}/outcome"),
            StatusCode::FORBIDDEN,
        ),
        (VICTOR, "/parole".into(), StatusCode::OK),
        (VICTOR, "/parole/milestones/new".into(), StatusCode::OK),
        (VICTOR, "/cases".into(), StatusCode::FORBIDDEN),
        (VICTOR, "/week".into(), StatusCode::FORBIDDEN),
        (MAYA, "/messages/failed".into(), StatusCode::OK),
        (MAYA, "/cases".into(), StatusCode::OK),
        (
            MAYA,
            format!("/cases/{own}/hearings/new"),
            StatusCode::FORBIDDEN,
        ),
        (MAYA, "/parole/milestones/new".into(), StatusCode::FORBIDDEN),
        (ADMIN, "/".into(), StatusCode::OK),
        (ADMIN, "/week".into(), StatusCode::FORBIDDEN),
        (ADMIN, "/cases".into(), StatusCode::FORBIDDEN),
        (ADMIN, "/messages/failed".into(), StatusCode::FORBIDDEN),
        (CORA, "/cases".into(), StatusCode::FORBIDDEN),
    ];
    let mut browsers: std::collections::HashMap<&str, Browser> = std::collections::HashMap::new();
    for (who, path, expected) in table {
        if !browsers.contains_key(who) {
            browsers.insert(who, Browser::signed_in(&app.base, who).await);
        }
        let b = browsers.get_mut(who).unwrap();
        let page = b.get(&path).await;
        assert_eq!(page.status, expected, "{who} GET {path}: {}", page.body);
        assert!(
            page.headers["content-type"]
                .to_str()
                .unwrap()
                .starts_with("text/html"),
            "{who} GET {path} answers with a page"
        );
        if expected == StatusCode::FORBIDDEN {
            page.assert_has("You cannot use this page");
        }
        if expected == StatusCode::NOT_FOUND {
            page.assert_has("Page not found");
        }
    }
    // The API keeps its own answers for unknown addresses.
    let (status, body) = app.get("/api/v1/nothing-here", &wendy_api).await;
    assert_problem(status, &body, StatusCode::NOT_FOUND, None);
    let mut b = Browser::signed_in(&app.base, WENDY).await;
    b.get("/no-such-page").await.assert_has("Page not found");
    // Odd query strings get a page, not an error.
    assert_eq!(b.get("/cases?page=abc").await.status, StatusCode::OK);
    let mut amara = Browser::signed_in(&app.base, AMARA).await;
    let week = amara.get("/week?from=262142-12-31").await;
    assert_eq!(week.status, StatusCode::OK);
    week.assert_has("That date could not be read");
    app.stop().await;
}

#[actix_web::test]
async fn witness_care_adds_and_moves_a_hearing_and_the_supporter_sees_the_clash() {
    let app = TestApp::spawn().await;
    let api = app.login(WENDY).await;
    let criminal = case_of(&app, &api, "V-1001").await;
    let amara_api = app.login(AMARA).await;
    let family = case_of(&app, &amara_api, "V-1003").await;
    let mags = app.court_id(&api, "Leeds Magistrates' Court").await;
    let mut wendy = Browser::signed_in(&app.base, WENDY).await;

    // The family case has no witness care unit: not Wendy's.
    assert_eq!(
        wendy.get(&format!("/cases/{family}")).await.status,
        StatusCode::NOT_FOUND
    );

    // Add a mention on Monday 23 March at 11:30, half an hour after the
    // plea hearing (10:00–11:00 at Leeds Combined Court Centre) ends, at
    // another court.
    let added = wendy
        .submit(
            &format!("/cases/{criminal}/hearings/new"),
            &[
                ("kind", "mention"),
                ("date", "2026-03-23"),
                ("time", "11:30"),
                ("court_id", mags.as_str()),
                ("courtroom", "Court 9"),
                ("estimated_minutes", "30"),
            ],
        )
        .await;
    assert_eq!(added.status, StatusCode::SEE_OTHER, "{}", added.body);
    let location = added.location().unwrap().to_string();
    assert!(location.starts_with(&format!("/cases/{criminal}?done=hearing-added")));
    let case_page = wendy.get(&location).await;
    case_page.assert_has("Hearing added.");
    case_page.assert_has("Monday 23 March 2026, 11:30 (GMT)");
    let mention = hearings_of(&app, &api, &criminal)
        .await
        .into_iter()
        .find(|h| h["kind"] == "mention")
        .expect("the new hearing");
    let id = mention["id"].as_str().unwrap().to_string();

    // Amara's week flags the clash: too little time between courts.
    let mut amara = Browser::signed_in(&app.base, AMARA).await;
    let week = amara.get("/week?from=2026-03-23").await;
    assert_eq!(week.status, StatusCode::OK);
    week.assert_has("1 clash this week");
    week.assert_has("Clash: only 30 minutes to get to or from");
    week.assert_has("Mention");
    // The clocks go forward within that week.
    week.assert_has("The clocks go forward one hour");
    // Her manager's week lists both hearings, but they are not the
    // manager's to attend: no clash.
    let mut maya = Browser::signed_in(&app.base, MAYA).await;
    let managers = maya.get("/week?from=2026-03-23").await;
    assert_eq!(managers.status, StatusCode::OK);
    managers.assert_has("Mention");
    managers.assert_lacks("Clash");

    // Move it to Tuesday 31 March (BST) at 14:00.
    let move_path = format!("/hearings/{id}/move");
    let form = wendy.get(&move_path).await;
    assert_eq!(form.status, StatusCode::OK);
    let version = hidden(&form.body, "version").unwrap();
    let token = form.csrf();
    let fields = |date: &'static str, v: &str, t: &str| {
        vec![
            ("csrf_token".to_string(), t.to_string()),
            ("version".to_string(), v.to_string()),
            ("date".to_string(), date.to_string()),
            ("time".to_string(), "14:00".to_string()),
            ("court_id".to_string(), mags.clone()),
            ("courtroom".to_string(), "Court 9".to_string()),
            ("estimated_minutes".to_string(), "30".to_string()),
        ]
    };
    let first = fields("2026-03-31", &version, &token);
    let first: Vec<(&str, &str)> = first
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect();
    let moved = wendy.post(&move_path, &first).await;
    assert_eq!(moved.status, StatusCode::SEE_OTHER, "{}", moved.body);
    let (_, now) = app.get(&format!("/api/v1/hearings/{id}"), &api).await;
    assert_eq!(now["status"], "moved");
    assert_eq!(now["starts_at_local"], "2026-03-31T14:00:00+01:00");
    amara
        .get("/week?from=2026-03-23")
        .await
        .assert_lacks("Clash:");

    // The same (now stale) form again: a clear message, nothing saved.
    let stale = fields("2026-04-01", &version, &token);
    let stale: Vec<(&str, &str)> = stale
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect();
    let page = wendy.post(&move_path, &stale).await;
    assert_eq!(page.status, StatusCode::CONFLICT, "{}", page.body);
    page.assert_has("Someone else changed this hearing");
    page.assert_has("Tuesday 31 March 2026, 14:00 (BST)");
    let (_, after) = app.get(&format!("/api/v1/hearings/{id}"), &api).await;
    assert_eq!(after["starts_at_local"], "2026-03-31T14:00:00+01:00");
    // The page now carries the current version: saving again works.
    let current = hidden(&page.body, "version").unwrap();
    assert_eq!(current, after["version"].to_string());
    app.stop().await;
}

#[actix_web::test]
async fn supporter_asks_to_attend_and_witness_care_records_the_decision() {
    let app = TestApp::spawn().await;
    let api = app.login(WENDY).await;
    let case = case_of(&app, &api, "V-1001").await;
    let trial = hearings_of(&app, &api, &case)
        .await
        .into_iter()
        .find(|h| h["kind"] == "trial")
        .unwrap();
    let trial_id = trial["id"].as_str().unwrap().to_string();
    let mut amara = Browser::signed_in(&app.base, AMARA).await;
    let ask = format!("/hearings/{trial_id}/attendance");

    // Without confirming the victim's wish: an error, nothing sent.
    let page = amara.submit(&ask, &[]).await;
    assert_eq!(page.status, StatusCode::UNPROCESSABLE_ENTITY);
    page.assert_has("<a href=\"#wish\">Confirm that the victim wants you beside them");

    let sent = amara.submit(&ask, &[("wish", "yes")]).await;
    assert_eq!(sent.status, StatusCode::SEE_OTHER, "{}", sent.body);
    let page = amara.get(sent.location().unwrap()).await;
    page.assert_has("Attendance request sent.");
    page.assert_has("You: <strong>Requested</strong>");
    // Every notice for the case is listed with its state.
    page.assert_has("Notices planned and sent");

    // A second request for the same hearing is refused, on the form.
    let again = amara.submit(&ask, &[("wish", "yes")]).await;
    assert_eq!(
        again.status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "{}",
        again.body
    );
    again.assert_has("<a href=\"#wish\">");

    // Witness care records that the court allowed it, with conditions.
    let (_, requests) = app
        .get(
            &format!("/api/v1/attendance-requests?hearing_id={trial_id}"),
            &api,
        )
        .await;
    let request = requests["items"][0]["id"].as_str().unwrap().to_string();
    let mut wendy = Browser::signed_in(&app.base, WENDY).await;
    let decide = format!("/attendance-requests/{request}/decision");
    let missing = wendy
        .submit(&decide, &[("state", "allowed_with_conditions")])
        .await;
    assert_eq!(missing.status, StatusCode::UNPROCESSABLE_ENTITY);
    missing.assert_has("<a href=\"#conditions\">Enter the conditions");
    let done = wendy
        .submit(
            &decide,
            &[
                ("state", "allowed_with_conditions"),
                ("conditions", "Sit beside the witness in the live-link room"),
            ],
        )
        .await;
    assert_eq!(done.status, StatusCode::SEE_OTHER, "{}", done.body);
    let page = amara.get(&format!("/cases/{case}")).await;
    page.assert_has("Allowed with conditions");
    page.assert_has("Conditions: Sit beside the witness in the live-link room");

    // The supporter records, on her own request, that she went: offered
    // only a supporter's steps, never the court's decision.
    page.assert_has(&format!("href=\"{decide}\">Update your request"));
    let form = amara.get(&decide).await;
    assert_eq!(form.status, StatusCode::OK, "{}", form.body);
    form.assert_has("Where does your request stand?");
    form.assert_has("value=\"attended\"");
    form.assert_has("value=\"withdrawn\"");
    form.assert_lacks("value=\"refused\"");
    form.assert_lacks("value=\"allowed\"");
    // Another supporter may not touch it (not in her relationships).
    let mut ben = Browser::signed_in(&app.base, BEN).await;
    assert_eq!(ben.get(&decide).await.status, StatusCode::NOT_FOUND);
    let went = amara.submit(&decide, &[("state", "attended")]).await;
    assert_eq!(went.status, StatusCode::SEE_OTHER, "{}", went.body);
    let page = amara.get(went.location().unwrap()).await;
    page.assert_has("Your request has been updated.");
    page.assert_has("You: <strong>Attended</strong>");
    // Closed now: no further change offered.
    page.assert_lacks("Update your request");
    app.stop().await;
}

#[actix_web::test]
async fn consents_discussions_milestones_and_failed_messages() {
    let app = TestApp::spawn().await;
    let api = app.login(WENDY).await;
    let case = case_of(&app, &api, "V-1001").await;

    // The supporter records a consent; a basis other than consent needs a
    // reason.
    let mut amara = Browser::signed_in(&app.base, AMARA).await;
    let path = format!("/cases/{case}/consents/new");
    let page = amara
        .submit(
            &path,
            &[
                ("scope", "parole_to_supporter"),
                ("basis", "vital_interests"),
                ("given_on", "2026-03-20"),
            ],
        )
        .await;
    assert_eq!(page.status, StatusCode::UNPROCESSABLE_ENTITY);
    page.assert_has("<a href=\"#basis_reason\">");
    let page = amara
        .submit(
            &path,
            &[
                ("scope", "parole_to_supporter"),
                ("basis", "consent"),
                ("given_on", "2026-03-20"),
            ],
        )
        .await;
    assert_eq!(page.status, StatusCode::SEE_OTHER, "{}", page.body);
    let page = amara.get(page.location().unwrap()).await;
    page.assert_has("Consent recorded.");
    page.assert_has("Share parole information with the supporter");

    // Witness care records a special-measures discussion without the
    // supporter.
    let mut wendy = Browser::signed_in(&app.base, WENDY).await;
    let path = format!("/cases/{case}/special-measures/new");
    let page = wendy
        .submit(
            &path,
            &[
                ("held_on", "2026-03-20"),
                ("held_time", "09:00"),
                ("setting", "needs_assessment"),
                ("measures", "screens"),
                ("measures", "live_link"),
                ("supporter_present", "no"),
            ],
        )
        .await;
    assert_eq!(page.status, StatusCode::SEE_OTHER, "{}", page.body);
    let page = wendy.get(page.location().unwrap()).await;
    page.assert_has("Screens, Live link");
    page.assert_has("The supporter was not present");
    let tasks = wendy.get("/tasks").await;
    assert_eq!(tasks.status, StatusCode::OK);
    tasks.assert_has("Notices waiting to go to supporters");

    // The victim liaison officer logs a milestone for V-1002 (whose
    // supporter has the victim's parole consent).
    let mut victor = Browser::signed_in(&app.base, VICTOR).await;
    let page = victor
        .submit("/parole/milestones/new", &[("kind", "hearing_listed")])
        .await;
    assert_eq!(page.status, StatusCode::UNPROCESSABLE_ENTITY);
    page.assert_has("<a href=\"#victim_id\">Choose the victim");
    page.assert_has("<a href=\"#occurs_on\">Enter the date");
    let victor_api = app.login(VICTOR).await;
    let victim = app
        .find_id("/api/v1/victims", &victor_api, "reference", "V-1002")
        .await;
    let page = victor
        .submit(
            "/parole/milestones/new",
            &[
                ("victim_id", victim.as_str()),
                ("kind", "hearing_listed"),
                ("occurs_on", "2026-05-12"),
                ("hearing_format", "oral"),
            ],
        )
        .await;
    assert_eq!(page.status, StatusCode::SEE_OTHER, "{}", page.body);
    let page = victor.get("/parole").await;
    page.assert_has("Parole hearing listed");
    page.assert_has("12 May 2026");
    page.assert_has("Consent in force");
    // Her supporter and what was sent of the milestone, read for every
    // victim at once (the page read each list once per victim).
    page.assert_has("Supporter: ISVA");
    page.assert_has("Parole milestone");

    // The manager's failed-messages page, empty for now.
    let mut maya = Browser::signed_in(&app.base, MAYA).await;
    let page = maya.get("/messages/failed").await;
    page.assert_has("No failed messages.");

    // A supporter's notice dead-lettered (as after its last failed
    // attempt): listed with a button to send it again, which puts it back
    // in the queue.
    let dead_id = {
        use courtside::store::schema::notices;
        use diesel::prelude::*;
        let mut conn = app.pool.get().unwrap();
        let id: String = notices::table
            .filter(notices::recipient_kind.eq("supporter"))
            .filter(notices::state.eq("pending"))
            .select(notices::id)
            .first(&mut conn)
            .unwrap();
        diesel::update(notices::table.find(&id))
            .set((notices::state.eq("dead"), notices::attempts.eq(5)))
            .execute(&mut conn)
            .unwrap();
        id
    };
    let page = maya.get("/messages/failed").await;
    page.assert_has("5 attempts");
    let action = format!("/messages/{dead_id}/retry");
    page.assert_has(&action);
    // Without the form's token nothing happens.
    assert_eq!(maya.post(&action, &[]).await.status, StatusCode::FORBIDDEN);
    let token = page.csrf();
    let sent = maya.post(&action, &[("csrf_token", &token)]).await;
    assert_eq!(sent.status, StatusCode::SEE_OTHER, "{}", sent.body);
    let page = maya.get(sent.location().unwrap()).await;
    page.assert_has("will be sent again");
    page.assert_has("No failed messages.");
    let maya_api = app.login(MAYA).await;
    let (_, notice) = app
        .get(&format!("/api/v1/notices/{dead_id}"), &maya_api)
        .await;
    assert_eq!(notice["state"], "pending", "{notice}");
    // Nothing escalated or overdue yet; then a notice nobody acknowledged
    // in time is escalated, and a time limit is missed: both are listed.
    page.assert_has("Nothing has been escalated.");
    page.assert_has("No time limit has been missed.");
    {
        use courtside::store::schema::{deadlines, notice_actions};
        use diesel::prelude::*;
        let mut conn = app.pool.get().unwrap();
        let at = courtside::store::to_db(test_now());
        diesel::insert_into(notice_actions::table)
            .values((
                notice_actions::notice_id.eq(&dead_id),
                notice_actions::acknowledge_by.eq(at),
                notice_actions::escalated_at.eq(Some(at)),
                notice_actions::created_at.eq(at),
            ))
            .execute(&mut conn)
            .unwrap();
        let deadline: String = deadlines::table
            .filter(deadlines::state.eq("running"))
            .select(deadlines::id)
            .first(&mut conn)
            .unwrap();
        diesel::update(deadlines::table.find(&deadline))
            .set(deadlines::state.eq("missed"))
            .execute(&mut conn)
            .unwrap();
    }
    let page = maya.get("/messages/failed").await;
    page.assert_lacks("Nothing has been escalated.");
    page.assert_has("<strong class=\"tag tag--red\">Escalated</strong>");
    page.assert_lacks("No time limit has been missed.");
    page.assert_has("<strong class=\"tag tag--red\">Missed</strong>");

    // A supporter cannot send a notice again, even with a good token.
    let mut amara = Browser::signed_in(&app.base, AMARA).await;
    let token = amara.get("/").await.csrf();
    assert_eq!(
        amara.post(&action, &[("csrf_token", &token)]).await.status,
        StatusCode::FORBIDDEN
    );
    app.stop().await;
}

async fn visits_of(app: &TestApp, token: &str, case_id: &str) -> Vec<Value> {
    let (status, body) = app
        .get(
            &format!("/api/v1/pre-trial-visits?case_id={case_id}"),
            token,
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    body["items"].as_array().unwrap().clone()
}

#[actix_web::test]
async fn witness_care_arranges_a_pre_trial_visit() {
    let app = TestApp::spawn().await;
    let api = app.login(WENDY).await;
    let case = case_of(&app, &api, "V-1001").await;
    let path = format!("/cases/{case}/visits/new");
    let before = visits_of(&app, &api, &case).await.len();

    // The case page offers it to witness care.
    let mut wendy = Browser::signed_in(&app.base, WENDY).await;
    let page = wendy.get(&format!("/cases/{case}")).await;
    page.assert_has(&format!("href=\"{path}\""));

    // Missing answers, and a time already past, are shown as problems.
    let page = wendy.submit(&path, &[("court_id", "")]).await;
    assert_eq!(page.status, StatusCode::UNPROCESSABLE_ENTITY);
    page.assert_has("<a href=\"#court_id\">");
    page.assert_has("<a href=\"#date\">");
    page.assert_has("<a href=\"#supporter_attends\">");
    let (_, case_body) = app.get(&format!("/api/v1/cases/{case}"), &api).await;
    let court = case_body["court_id"]
        .as_str()
        .expect("the case's court")
        .to_string();
    let page = wendy
        .submit(
            &path,
            &[
                ("court_id", court.as_str()),
                ("date", "2026-03-19"),
                ("time", "10:00"),
                ("supporter_attends", "yes"),
            ],
        )
        .await;
    assert_eq!(page.status, StatusCode::UNPROCESSABLE_ENTITY);
    page.assert_has("The visit must be in the future");

    // No token: refused, nothing saved.
    let fields = [
        ("court_id", court.as_str()),
        ("date", "2026-04-02"),
        ("time", "14:30"),
        ("supporter_attends", "yes"),
    ];
    let refused = wendy.post(&path, &fields).await;
    assert_eq!(refused.status, StatusCode::FORBIDDEN);
    refused.assert_has("This form could not be accepted");
    assert_eq!(visits_of(&app, &api, &case).await.len(), before);

    // Accepted: 14:30 UK time on 2 April 2026 is 13:30 UTC (BST).
    let page = wendy.submit(&path, &fields).await;
    assert_eq!(page.status, StatusCode::SEE_OTHER, "{}", page.body);
    let page = wendy.get(page.location().unwrap()).await;
    page.assert_has("Pre-trial visit recorded.");
    page.assert_has("The supporter attends");
    let after = visits_of(&app, &api, &case).await;
    assert_eq!(after.len(), before + 1);
    let made = after
        .iter()
        .find(|v| v["state"] == "arranged" && v["supporter_attends"] == true)
        .expect("the arranged visit");
    let at = chrono::DateTime::parse_from_rfc3339(made["starts_at"].as_str().unwrap()).unwrap();
    assert_eq!(
        at.with_timezone(&chrono::Utc).to_rfc3339(),
        "2026-04-02T13:30:00+00:00"
    );

    // Other roles may not use the form.
    let mut amara = Browser::signed_in(&app.base, AMARA).await;
    assert_eq!(amara.get(&path).await.status, StatusCode::FORBIDDEN);
    let token = amara.get(&format!("/cases/{case}")).await.csrf();
    let mut posted = vec![("csrf_token", token.as_str())];
    posted.extend_from_slice(&fields);
    assert_eq!(
        amara.post(&path, &posted).await.status,
        StatusCode::FORBIDDEN
    );
    let mut maya = Browser::signed_in(&app.base, MAYA).await;
    assert_eq!(maya.get(&path).await.status, StatusCode::FORBIDDEN);
    assert_eq!(visits_of(&app, &api, &case).await.len(), before + 1);
    app.stop().await;
}

/// How many times the notice's text was read, by the audit log.
fn notice_reads(app: &TestApp, notice: &str) -> i64 {
    use courtside::store::schema::audit_log;
    use diesel::prelude::*;
    let mut conn = app.pool.get().unwrap();
    audit_log::table
        .filter(audit_log::action.eq("read_sensitive"))
        .filter(audit_log::entity.eq("notices"))
        .filter(audit_log::entity_id.eq(notice))
        .count()
        .get_result(&mut conn)
        .unwrap()
}

#[actix_web::test]
async fn a_notice_can_be_read_and_printed_by_those_who_may() {
    let app = TestApp::spawn().await;
    let api = app.login(WENDY).await;
    let case = case_of(&app, &api, "V-1001").await;
    let mags = app.court_id(&api, "Leeds Magistrates' Court").await;
    // A new hearing plans notices.
    let mut wendy = Browser::signed_in(&app.base, WENDY).await;
    let added = wendy
        .submit(
            &format!("/cases/{case}/hearings/new"),
            &[
                ("kind", "mention"),
                ("date", "2026-03-24"),
                ("time", "11:30"),
                ("court_id", mags.as_str()),
                ("estimated_minutes", "30"),
            ],
        )
        .await;
    assert_eq!(added.status, StatusCode::SEE_OTHER, "{}", added.body);
    let (status, body) = app
        .get(&format!("/api/v1/notices?case_id={case}"), &api)
        .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let notice = body["items"][0]["id"]
        .as_str()
        .expect("a notice")
        .to_string();
    let path = format!("/notices/{notice}");
    let (status, text) = app
        .get(&format!("/api/v1/notices/{notice}/rendered"), &api)
        .await;
    assert_eq!(status, StatusCode::OK, "{text}");
    let subject = text["subject"].as_str().unwrap().to_string();
    let reads = notice_reads(&app, &notice);

    // Witness care: linked from the case page; the text, read on record.
    wendy
        .get(&format!("/cases/{case}"))
        .await
        .assert_has(&format!("href=\"{path}\""));
    let page = wendy.get(&path).await;
    assert_eq!(page.status, StatusCode::OK, "{}", page.body);
    page.assert_has("Basis for sending");
    page.assert_has("The text");
    page.assert_has(&subject.replace('\'', "&#x27;"));
    page.assert_has("href=\"/assets/print.css\" media=\"print\"");
    assert_eq!(notice_reads(&app, &notice), reads + 1);
    let css = wendy.get("/assets/print.css").await;
    assert_eq!(css.status, StatusCode::OK);
    css.assert_has("display: none");

    // The supporter sees it too.
    let mut amara = Browser::signed_in(&app.base, AMARA).await;
    let page = amara.get(&path).await;
    assert_eq!(page.status, StatusCode::OK, "{}", page.body);
    assert_eq!(notice_reads(&app, &notice), reads + 2);

    // A manager sees the notice but not its text, and nothing is logged.
    let mut maya = Browser::signed_in(&app.base, MAYA).await;
    let page = maya.get(&path).await;
    assert_eq!(page.status, StatusCode::OK, "{}", page.body);
    page.assert_has("not shown to your role");
    page.assert_lacks("notice-text");
    assert_eq!(notice_reads(&app, &notice), reads + 2);

    // Roles without notices, and people outside the case, are refused.
    let mut admin = Browser::signed_in(&app.base, ADMIN).await;
    assert_eq!(admin.get(&path).await.status, StatusCode::FORBIDDEN);
    let mut carys = Browser::signed_in(&app.base, CARYS).await;
    assert_eq!(carys.get(&path).await.status, StatusCode::NOT_FOUND);
    assert_eq!(notice_reads(&app, &notice), reads + 2);
    app.stop().await;
}

#[actix_web::test]
async fn consents_given_at_one_moment_are_listed_in_the_order_of_their_scopes() {
    let app = TestApp::spawn().await;
    let api = app.login(WENDY).await;
    let case = case_of(&app, &api, "V-1001").await;
    let mut amara = Browser::signed_in(&app.base, AMARA).await;
    let page = amara.get(&format!("/cases/{case}")).await;
    assert_eq!(page.status, StatusCode::OK, "{}", page.body);
    // The demo gives V-1001's five consents at one moment, the Witness
    // Service referral last; the page lists them as the scopes are
    // declared, whatever their ids, on every reading.
    let scopes = [
        "Share court dates with the supporter",
        "Send the supporter the same updates as the victim",
        "Share special-measures discussions with the supporter",
        "Refer to the Witness Service",
        "Identify the supporter to the court",
    ];
    let at: Vec<usize> = scopes
        .iter()
        .map(|s| {
            page.body
                .find(s)
                .unwrap_or_else(|| panic!("{s} on the case page"))
        })
        .collect();
    assert!(at.windows(2).all(|w| w[0] < w[1]), "{scopes:?} at {at:?}");
    app.stop().await;
}

#[actix_web::test]
async fn the_supporter_records_a_withdrawn_consent() {
    let app = TestApp::spawn().await;
    let api = app.login(WENDY).await;
    let case = case_of(&app, &api, "V-1001").await;
    let mut amara = Browser::signed_in(&app.base, AMARA).await;
    let page = amara
        .submit(
            &format!("/cases/{case}/consents/new"),
            &[
                ("scope", "parole_to_supporter"),
                ("basis", "consent"),
                ("given_on", "2026-03-18"),
            ],
        )
        .await;
    assert_eq!(page.status, StatusCode::SEE_OTHER, "{}", page.body);

    // The case page links to the withdrawal page for the consent in force;
    // the form that withdraws is on that page.
    let page = amara.get(&format!("/cases/{case}")).await;
    let prefix = format!("href=\"/cases/{case}/consents/");
    let action = page
        .body
        .match_indices(&prefix)
        .map(|(at, _)| page.body[at + 6..].split('"').next().unwrap().to_string())
        .find(|href| href.ends_with("/withdraw"))
        .expect("a withdrawal link");
    assert!(!page.body.contains(&format!("action=\"{action}\"")));
    let page = amara.get(&action).await;
    assert_eq!(page.status, StatusCode::OK, "{}", page.body);
    let (_, version) = form_action(&page.body, &action, "/withdraw").expect("a withdrawal form");
    let token = page.csrf();

    // No token: refused.
    let refused = amara.post(&action, &[("version", version.as_str())]).await;
    assert_eq!(refused.status, StatusCode::FORBIDDEN);
    refused.assert_has("This form could not be accepted");

    // Witness care may not use it from the pages.
    let mut wendy = Browser::signed_in(&app.base, WENDY).await;
    let theirs = wendy.get(&format!("/cases/{case}")).await;
    theirs.assert_lacks("/withdraw\"");
    let wendy_token = theirs.csrf();
    let refused = wendy
        .post(
            &action,
            &[
                ("csrf_token", wendy_token.as_str()),
                ("version", version.as_str()),
            ],
        )
        .await;
    assert_eq!(refused.status, StatusCode::FORBIDDEN);

    // A stale version: the "someone changed this" page, nothing saved.
    let stale = format!("{}", version.parse::<i32>().unwrap() + 5);
    let page = amara
        .post(
            &action,
            &[("csrf_token", token.as_str()), ("version", stale.as_str())],
        )
        .await;
    assert_eq!(
        page.status,
        StatusCode::PRECONDITION_FAILED,
        "{}",
        page.body
    );
    page.assert_has("Someone else changed this record");
    amara
        .get(&format!("/cases/{case}"))
        .await
        .assert_has(&action);

    // Accepted.
    let page = amara
        .post(
            &action,
            &[
                ("csrf_token", token.as_str()),
                ("version", version.as_str()),
            ],
        )
        .await;
    assert_eq!(page.status, StatusCode::OK, "{}", page.body);
    page.assert_has("Consent withdrawn.");
    let page = amara.get(&format!("/cases/{case}")).await;
    page.assert_has("Withdrawn Friday 20 March 2026, 12:00");
    page.assert_lacks(&action);

    // Posting the old form again finds the record changed.
    let again = amara
        .post(
            &action,
            &[
                ("csrf_token", token.as_str()),
                ("version", version.as_str()),
            ],
        )
        .await;
    assert_eq!(again.status, StatusCode::PRECONDITION_FAILED);
    app.stop().await;
}

#[actix_web::test]
async fn witness_care_uploads_a_court_list_and_sees_what_moved_and_who_was_told() {
    let app = TestApp::spawn().await;
    let list = std::fs::read(format!(
        "{}/fixtures/court-lists/crown-daily-moved.json",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap();
    let mut wendy = Browser::signed_in(&app.base, WENDY).await;
    let index = wendy.get("/court-lists").await;
    assert_eq!(index.status, StatusCode::OK, "{}", index.body);
    index.assert_has("Upload a list");
    index.assert_has("enctype=\"multipart/form-data\"");
    index.assert_has("No court lists have been imported yet");
    let token = index.csrf();

    // Without the form's token: refused, nothing read.
    let forged = wendy
        .upload("/court-lists", &[], "list", "daily.json", list.clone())
        .await;
    assert_eq!(forged.status, StatusCode::FORBIDDEN);

    // No file chosen, then a file that is not a list: the form again with
    // an error summary linked to the file field.
    let empty = wendy
        .upload(
            "/court-lists",
            &[("csrf_token", &token), ("list_type", "")],
            "list",
            "",
            Vec::new(),
        )
        .await;
    assert_eq!(empty.status, StatusCode::UNPROCESSABLE_ENTITY);
    empty.assert_has("There is a problem");
    empty.assert_has("href=\"#list\"");
    empty.assert_has("Choose the court list file to upload");
    let junk = wendy
        .upload(
            "/court-lists",
            &[("csrf_token", &token), ("list_type", "")],
            "list",
            "junk.json",
            b"{ not json".to_vec(),
        )
        .await;
    assert_eq!(junk.status, StatusCode::UNPROCESSABLE_ENTITY);
    junk.assert_has("not valid JSON");

    // Today's list: the plea and trial preparation hearing moved.
    let done = wendy
        .upload(
            "/court-lists",
            &[
                ("csrf_token", &token),
                ("list_type", "crown_daily_pdda_list"),
                ("court", ""),
            ],
            "list",
            "crown-daily.json",
            list.clone(),
        )
        .await;
    assert_eq!(done.status, StatusCode::SEE_OTHER, "{}", done.body);
    let result_path = done.location().unwrap().to_string();
    assert!(result_path.starts_with("/court-lists/"), "{result_path}");
    let result = wendy.get(&result_path).await;
    assert_eq!(result.status, StatusCode::OK, "{}", result.body);
    result.assert_has("Needs attention");
    result.assert_has("Moved");
    result.assert_has("13AB1234526");
    result.assert_has("Court 5");
    // 24 March 2026 is still GMT: 14:00 UTC shows as 14:00 UK time.
    result.assert_has("Tuesday 24 March 2026, 14:00 (GMT)");
    result.assert_has("href=\"/notices/");
    result.assert_lacks("(no reference)");

    // The same list again: nothing changes, and the page says so.
    let again = wendy
        .upload(
            "/court-lists",
            &[("csrf_token", &token), ("list_type", "")],
            "list",
            "crown-daily.json",
            list,
        )
        .await;
    assert_eq!(again.status, StatusCode::SEE_OTHER);
    assert!(again.location().unwrap().ends_with("?again=1"));
    let index = wendy.get("/court-lists").await;
    index.assert_has(&result_path);
    index.assert_has("Uploaded by you");

    // The manager sees imports but has no upload form; a supporter has
    // no court-list pages.
    let mut maya = Browser::signed_in(&app.base, MAYA).await;
    let page = maya.get("/court-lists").await;
    assert_eq!(page.status, StatusCode::OK);
    page.assert_lacks("multipart/form-data");
    page.assert_has(&result_path);
    let mut amara = Browser::signed_in(&app.base, AMARA).await;
    assert_eq!(
        amara.get("/court-lists").await.status,
        StatusCode::FORBIDDEN
    );
}

#[actix_web::test]
async fn a_manager_opens_the_partnership_report_and_downloads_the_csv() {
    let app = TestApp::spawn().await;
    let mut maya = Browser::signed_in(&app.base, MAYA).await;
    let home = maya.get("/").await;
    home.assert_has("href=\"/reports/partnership\"");
    let court = app
        .court_id(&app.login(MAYA).await, "Leeds Combined Court Centre")
        .await;
    // A quarter and a court, as the form sends them: the dates in three
    // boxes each (GOV.UK's date input).
    let page = maya
        .get(&format!(
            "/reports/partnership?period=quarter&from-day=1&from-month=4&from-year=2026&to-day=&to-month=&to-year=&court_id={court}&court_kind=&case_kind="
        ))
        .await;
    assert_eq!(page.status, StatusCode::OK, "{}", page.body);
    page.assert_has("<h2 class=\"heading-m\">1 April 2026 to 30 June 2026</h2>");
    // The summary comes first, one main figure a measure, linked to its
    // details further down.
    let glance = page.body.find("At a glance").expect("a summary");
    let first_detail = page.body.find("<details").expect("the measures' details");
    assert!(
        glance < first_detail,
        "the summary comes before the details"
    );
    page.assert_has("<a class=\"link\" href=\"#attendance_outcomes\">Supporter-attendance requests by outcome</a>");
    page.assert_has("<details class=\"details report-measure\" id=\"attendance_outcomes\">");
    assert!(
        page.body
            .contains("figures are hidden because the counts behind them are small")
            || page.body.contains("No figure is hidden."),
        "the page says how many figures are hidden"
    );
    page.assert_has("<svg role=\"img\"");
    page.assert_has("<title id=\"attendance_outcomes-title\">");
    page.assert_has("<table class=\"table\">");
    page.assert_has(&format!("<option value=\"{court}\" selected>"));
    // The boxes show the quarter the figures are for.
    page.assert_has(
        "id=\"from\" name=\"from-day\" type=\"text\" inputmode=\"numeric\" value=\"1\"",
    );
    page.assert_has(
        "id=\"from-month\" name=\"from-month\" type=\"text\" inputmode=\"numeric\" value=\"4\"",
    );
    page.assert_has(
        "id=\"to-year\" name=\"to-year\" type=\"text\" inputmode=\"numeric\" value=\"2026\"",
    );
    let csv_href = format!(
        "/reports/partnership.csv?period=quarter&amp;from=2026-04-01&amp;to=2026-06-30&amp;court_id={court}"
    );
    page.assert_has(&csv_href);
    let csv = maya.get(&csv_href.replace("&amp;", "&")).await;
    assert_eq!(csv.status, StatusCode::OK, "{}", csv.body);
    assert!(csv.headers["content-type"]
        .to_str()
        .unwrap()
        .starts_with("text/csv"));
    assert!(csv.body.starts_with("period,from,to,"), "{}", csv.body);
    assert!(csv
        .body
        .contains(&format!("quarter,2026-04-01,2026-06-30,{court},")));
    // Bad dates are shown in an error summary, in words, not a failure.
    for (query, link, message) in [
        (
            "period=custom&from-day=1&from-month=4&from-year=2026&to-day=31&to-month=2&to-year=2026",
            "#to",
            "Last day must be a real date",
        ),
        (
            "period=custom&from-day=1&from-month=4&from-year=&to-day=3&to-month=4&to-year=2026",
            "#from",
            "First day must include a year",
        ),
        (
            "period=custom&from-day=10&from-month=4&from-year=2026&to-day=3&to-month=4&to-year=2026",
            "#to",
            "The last day must be the same as or after the first day",
        ),
        (
            "period=custom&from-day=&from-month=&from-year=&to-day=3&to-month=4&to-year=2026",
            "#from",
            "Enter the first day, or choose a quarter or a month",
        ),
    ] {
        let bad = maya.get(&format!("/reports/partnership?{query}")).await;
        assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY, "{query}");
        bad.assert_has("There is a problem");
        bad.assert_has(&format!("<li><a href=\"{link}\">{message}</a></li>"));
        bad.assert_lacks("must be a real date written YYYY-MM-DD");
    }
    // What was typed stays in the boxes.
    let bad = maya
        .get("/reports/partnership?period=custom&from-day=1&from-month=4&from-year=2026&to-day=31&to-month=2&to-year=2026")
        .await;
    bad.assert_has("id=\"to\" name=\"to-day\" type=\"text\" inputmode=\"numeric\" value=\"31\"");
    // Supporters cannot open it.
    let mut amara = Browser::signed_in(&app.base, AMARA).await;
    let refused = amara.get("/reports/partnership").await;
    assert_eq!(refused.status, StatusCode::FORBIDDEN);
    let refused = amara.get("/reports/partnership.csv").await;
    assert_eq!(refused.status, StatusCode::FORBIDDEN);
    app.stop().await;
}

/// The record-change entries (create, update) the audit log gained after
/// `after`: (action, entity, entity id, actor), oldest first; and the
/// newest sequence number.
fn changes_since(app: &TestApp, after: i64) -> (Vec<(String, String, String, String)>, i64) {
    use courtside::store::schema::audit_log;
    use diesel::prelude::*;
    let mut conn = app.pool.get().unwrap();
    let rows: Vec<(i64, String, String, String, Option<String>)> = audit_log::table
        .filter(audit_log::seq.gt(after))
        .order(audit_log::seq.asc())
        .select((
            audit_log::seq,
            audit_log::action,
            audit_log::entity,
            audit_log::entity_id,
            audit_log::actor_user_id,
        ))
        .load(&mut conn)
        .unwrap();
    let high = rows.last().map(|r| r.0).unwrap_or(after);
    let changes = rows
        .into_iter()
        .filter(|r| r.1 == "create" || r.1 == "update")
        .map(|r| (r.1, r.2, r.3, r.4.unwrap_or_default()))
        .collect();
    (changes, high)
}

fn audit_high(app: &TestApp) -> i64 {
    changes_since(app, i64::MIN).1
}

/// Checks that one page action wrote exactly the entry its API twin
/// writes: `action` on `entity` (the API's path segment, the record's
/// id), by the person signed in. Returns the record's id.
fn one_change(
    app: &TestApp,
    mark: &mut i64,
    what: &str,
    action: &str,
    entity: &str,
    actor: &str,
) -> String {
    let (changes, high) = changes_since(app, *mark);
    *mark = high;
    assert_eq!(changes.len(), 1, "{what}: {changes:?}");
    let (a, e, id, who) = &changes[0];
    assert_eq!(
        (a.as_str(), e.as_str(), who.as_str()),
        (action, entity, actor),
        "{what}"
    );
    id.clone()
}

/// The id in a form's action on a page: `/prefix<id>suffix`.
fn form_action(body: &str, prefix: &str, suffix: &str) -> Option<(String, String)> {
    let mut from = 0;
    while let Some(at) = body[from..].find(&format!("action=\"{prefix}")) {
        let start = from + at + "action=\"".len();
        let action = body[start..].split('"').next().unwrap().to_string();
        if action.ends_with(suffix) {
            let version = hidden(&body[start..], "version").unwrap_or_default();
            return Some((action, version));
        }
        from = start;
    }
    None
}

#[actix_web::test]
async fn every_page_form_that_changes_data_writes_the_audit_entry_of_its_api_twin() {
    let app = TestApp::spawn().await;
    let wendy_api = app.login(WENDY).await;
    let amara_api = app.login(AMARA).await;
    let victor_api = app.login(VICTOR).await;
    let wendy_id = app.user_id(&wendy_api).await;
    let amara_id = app.user_id(&amara_api).await;
    let victor_id = app.user_id(&victor_api).await;
    let case = case_of(&app, &wendy_api, "V-1001").await;
    let mags = app.court_id(&wendy_api, "Leeds Magistrates' Court").await;
    let mut wendy = Browser::signed_in(&app.base, WENDY).await;
    let mut amara = Browser::signed_in(&app.base, AMARA).await;
    let mut victor = Browser::signed_in(&app.base, VICTOR).await;
    let mut mark = audit_high(&app);

    // A hearing added on the page, then its API twin: the same entry.
    let page = wendy
        .submit(
            &format!("/cases/{case}/hearings/new"),
            &[
                ("kind", "mention"),
                ("date", "2026-04-14"),
                ("time", "10:00"),
                ("court_id", mags.as_str()),
                ("courtroom", ""),
                ("estimated_minutes", "30"),
            ],
        )
        .await;
    assert_eq!(page.status, StatusCode::SEE_OTHER, "{}", page.body);
    let hearing = one_change(
        &app,
        &mut mark,
        "add hearing (page)",
        "create",
        "hearings",
        &wendy_id,
    );
    let made = app
        .create(
            "/api/v1/hearings",
            &wendy_api,
            serde_json::json!({"case_id": case, "kind": "mention", "court_id": mags,
                   "starts_at": "2026-04-15T10:00:00+01:00", "estimated_minutes": 30}),
        )
        .await;
    let api_hearing = one_change(
        &app,
        &mut mark,
        "add hearing (API)",
        "create",
        "hearings",
        &wendy_id,
    );
    assert_eq!(made["id"], api_hearing.as_str());
    let (status, _) = app
        .get(&format!("/api/v1/hearings/{hearing}"), &wendy_api)
        .await;
    assert_eq!(status, StatusCode::OK);

    // The hearing moved on the page, then through the API.
    let page = wendy
        .submit(
            &format!("/hearings/{hearing}/move"),
            &[
                ("date", "2026-04-16"),
                ("time", "14:00"),
                ("court_id", mags.as_str()),
                ("courtroom", ""),
                ("estimated_minutes", "30"),
            ],
        )
        .await;
    assert_eq!(page.status, StatusCode::SEE_OTHER, "{}", page.body);
    assert_eq!(
        one_change(
            &app,
            &mut mark,
            "move hearing (page)",
            "update",
            "hearings",
            &wendy_id
        ),
        hearing
    );
    let (status, body) = app
        .put(
            &format!("/api/v1/hearings/{api_hearing}"),
            &wendy_api,
            made["version"].as_i64().unwrap(),
            serde_json::json!({"case_id": case, "kind": "mention", "court_id": mags,
                   "starts_at": "2026-04-17T10:00:00+01:00", "estimated_minutes": 30}),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert_eq!(
        one_change(
            &app,
            &mut mark,
            "move hearing (API)",
            "update",
            "hearings",
            &wendy_id
        ),
        api_hearing
    );

    // The supporter asks to attend; witness care records the decision.
    let trial = hearings_of(&app, &wendy_api, &case)
        .await
        .into_iter()
        .find(|h| h["kind"] == "trial")
        .unwrap();
    let trial = trial["id"].as_str().unwrap().to_string();
    let page = amara
        .submit(&format!("/hearings/{trial}/attendance"), &[("wish", "yes")])
        .await;
    assert_eq!(page.status, StatusCode::SEE_OTHER, "{}", page.body);
    let request = one_change(
        &app,
        &mut mark,
        "ask to attend",
        "create",
        "attendance-requests",
        &amara_id,
    );
    let page = wendy
        .submit(
            &format!("/attendance-requests/{request}/decision"),
            &[("state", "allowed")],
        )
        .await;
    assert_eq!(page.status, StatusCode::SEE_OTHER, "{}", page.body);
    assert_eq!(
        one_change(
            &app,
            &mut mark,
            "decide attendance",
            "update",
            "attendance-requests",
            &wendy_id
        ),
        request
    );

    // A consent recorded, then withdrawn.
    let page = amara
        .submit(
            &format!("/cases/{case}/consents/new"),
            &[
                ("scope", "parole_to_supporter"),
                ("basis", "consent"),
                ("given_on", "2026-03-18"),
            ],
        )
        .await;
    assert_eq!(page.status, StatusCode::SEE_OTHER, "{}", page.body);
    let consent = one_change(
        &app,
        &mut mark,
        "record consent",
        "create",
        "consents",
        &amara_id,
    );
    let confirm = format!("/cases/{case}/consents/{consent}/withdraw");
    amara
        .get(&format!("/cases/{case}"))
        .await
        .assert_has(&format!("href=\"{confirm}\""));
    let page = amara.get(&confirm).await;
    let (action, version) = form_action(&page.body, &confirm, "/withdraw")
        .expect("a withdrawal form for the consent just recorded");
    let token = page.csrf();
    let page = amara
        .post(
            &action,
            &[
                ("csrf_token", token.as_str()),
                ("version", version.as_str()),
            ],
        )
        .await;
    assert_eq!(page.status, StatusCode::OK, "{}", page.body);
    assert_eq!(
        one_change(
            &app,
            &mut mark,
            "withdraw consent",
            "update",
            "consents",
            &amara_id
        ),
        consent
    );

    // A special-measures discussion, a pre-trial visit, a parole milestone.
    let page = wendy
        .submit(
            &format!("/cases/{case}/special-measures/new"),
            &[
                ("held_on", "2026-03-20"),
                ("held_time", "09:00"),
                ("setting", "needs_assessment"),
                ("measures", "screens"),
                ("supporter_present", "no"),
            ],
        )
        .await;
    assert_eq!(page.status, StatusCode::SEE_OTHER, "{}", page.body);
    one_change(
        &app,
        &mut mark,
        "special-measures discussion",
        "create",
        "special-measures-discussions",
        &wendy_id,
    );
    let (_, case_body) = app.get(&format!("/api/v1/cases/{case}"), &wendy_api).await;
    let court = case_body["court_id"].as_str().unwrap().to_string();
    let page = wendy
        .submit(
            &format!("/cases/{case}/visits/new"),
            &[
                ("court_id", court.as_str()),
                ("date", "2026-04-02"),
                ("time", "14:30"),
                ("supporter_attends", "yes"),
            ],
        )
        .await;
    assert_eq!(page.status, StatusCode::SEE_OTHER, "{}", page.body);
    one_change(
        &app,
        &mut mark,
        "pre-trial visit",
        "create",
        "pre-trial-visits",
        &wendy_id,
    );
    let victim = app
        .find_id("/api/v1/victims", &victor_api, "reference", "V-1002")
        .await;
    let page = victor
        .submit(
            "/parole/milestones/new",
            &[
                ("victim_id", victim.as_str()),
                ("kind", "hearing_listed"),
                ("occurs_on", "2026-05-12"),
                ("hearing_format", "oral"),
            ],
        )
        .await;
    assert_eq!(page.status, StatusCode::SEE_OTHER, "{}", page.body);
    one_change(
        &app,
        &mut mark,
        "parole milestone",
        "create",
        "parole-milestones",
        &victor_id,
    );

    // A task marked done.
    let page = wendy.get("/tasks").await;
    let (action, version) = form_action(&page.body, "/tasks/", "/done").expect("a task to do");
    let token = page.csrf();
    let done = wendy
        .post(
            &action,
            &[
                ("csrf_token", token.as_str()),
                ("version", version.as_str()),
            ],
        )
        .await;
    assert_eq!(done.status, StatusCode::SEE_OTHER, "{}", done.body);
    assert_eq!(done.location(), Some("/tasks?done=1"));
    let task = one_change(&app, &mut mark, "task done", "update", "tasks", &wendy_id);
    assert!(action.contains(&task), "{action}");

    // A calendar feed made and revoked on the page, then through the API.
    let page = amara.submit("/calendar-feed", &[]).await;
    assert_eq!(page.status, StatusCode::OK, "{}", page.body);
    let feed = one_change(
        &app,
        &mut mark,
        "make a feed (page)",
        "create",
        "calendar_feeds",
        &amara_id,
    );
    let token = amara.get("/calendar-feed").await.csrf();
    let page = amara
        .post(
            &format!("/calendar-feed/{feed}/revoke"),
            &[("csrf_token", token.as_str())],
        )
        .await;
    assert_eq!(page.status, StatusCode::SEE_OTHER, "{}", page.body);
    assert_eq!(
        one_change(
            &app,
            &mut mark,
            "revoke a feed (page)",
            "update",
            "calendar_feeds",
            &amara_id
        ),
        feed
    );
    let (status, body) = app
        .post("/api/v1/calendar-feeds", &amara_api, serde_json::json!({}))
        .await;
    assert_eq!(status, StatusCode::CREATED, "{body}");
    let api_feed = one_change(
        &app,
        &mut mark,
        "make a feed (API)",
        "create",
        "calendar_feeds",
        &amara_id,
    );
    let (status, body) = app
        .post(
            &format!("/api/v1/calendar-feeds/{api_feed}/revoke"),
            &amara_api,
            serde_json::json!({}),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    one_change(
        &app,
        &mut mark,
        "revoke a feed (API)",
        "update",
        "calendar_feeds",
        &amara_id,
    );
    app.stop().await;
}

/// The audit entries (action, actor) written for one record.
fn audit_of(app: &TestApp, entity: &str, id: &str) -> Vec<(String, Option<String>)> {
    use courtside::store::schema::audit_log;
    use diesel::prelude::*;
    let mut conn = app.pool.get().unwrap();
    audit_log::table
        .filter(audit_log::entity.eq(entity))
        .filter(audit_log::entity_id.eq(id))
        .order(audit_log::seq.asc())
        .select((audit_log::action, audit_log::actor_user_id))
        .load(&mut conn)
        .unwrap()
}

#[actix_web::test]
async fn a_supporter_adds_a_victim_and_changes_them_with_the_version_check() {
    let app = TestApp::spawn().await;
    let api = app.login(AMARA).await;
    let amara_id = app.user_id(&api).await;
    let mut amara = Browser::signed_in(&app.base, AMARA).await;

    // The menu leads to the list, which offers the form.
    let list = amara.get("/victims").await;
    assert_eq!(list.status, StatusCode::OK, "{}", list.body);
    list.assert_has("href=\"/victims/new\"");
    list.assert_has("V-1001");

    // Nothing answered: each problem named and linked to its field.
    let page = amara
        .submit("/victims/new", &[("preferred_language", "")])
        .await;
    assert_eq!(page.status, StatusCode::UNPROCESSABLE_ENTITY);
    page.assert_has("<a href=\"#reference\">Enter the victim&#x27;s reference");
    page.assert_has("<a href=\"#preferred_language\">");
    page.assert_has("<a href=\"#is_child\">");

    // A reference already in use is the resource's own check.
    let page = amara
        .submit(
            "/victims/new",
            &[
                ("reference", "V-1001"),
                ("preferred_language", "en"),
                ("enhanced_rights", "yes"),
                ("is_child", "no"),
            ],
        )
        .await;
    assert_eq!(
        page.status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "{}",
        page.body
    );
    page.assert_has("<a href=\"#reference\">The reference is already used for another victim");

    let page = amara
        .submit(
            "/victims/new",
            &[
                ("reference", "V-2040"),
                ("preferred_language", "cy"),
                ("enhanced_rights", "yes"),
                ("is_child", "no"),
            ],
        )
        .await;
    assert_eq!(page.status, StatusCode::SEE_OTHER, "{}", page.body);
    let list = amara.get(page.location().unwrap()).await;
    list.assert_has("Victim added.");
    list.assert_has("V-2040");
    let id = app
        .find_id("/api/v1/victims?per_page=200", &api, "reference", "V-2040")
        .await;
    let (_, v) = app.get(&format!("/api/v1/victims/{id}"), &api).await;
    assert_eq!(v["preferred_language"], "cy");
    assert_eq!(v["is_child"], false);
    // The same audit entry as the API's POST writes.
    assert_eq!(
        audit_of(&app, "victims", &id),
        vec![("create".to_string(), Some(amara_id.clone()))]
    );

    // Change: the form opens with what is stored and the version.
    let edit = format!("/victims/{id}/edit");
    let form = amara.get(&edit).await;
    assert_eq!(form.status, StatusCode::OK, "{}", form.body);
    assert_eq!(hidden(&form.body, "version").as_deref(), Some("1"));
    form.assert_has("value=\"V-2040\"");

    // Someone else saves first (through the API, with If-Match).
    let (status, body) = app
        .put(
            &format!("/api/v1/victims/{id}"),
            &api,
            1,
            serde_json::json!({"reference": "V-2040", "preferred_language": "en", "is_child": true}),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{body}");

    // The page's save, drawn from version 1, is refused with what is now
    // stored; nothing is overwritten.
    let token = form.csrf();
    let stale = amara
        .post(
            &edit,
            &[
                ("csrf_token", token.as_str()),
                ("version", "1"),
                ("reference", "V-2041"),
                ("preferred_language", "cy"),
                ("enhanced_rights", "yes"),
                ("is_child", "no"),
            ],
        )
        .await;
    assert_eq!(stale.status, StatusCode::CONFLICT, "{}", stale.body);
    stale.assert_has("Someone else changed this victim");
    stale.assert_has("value=\"V-2041\"");
    assert_eq!(hidden(&stale.body, "version").as_deref(), Some("2"));
    let (_, v) = app.get(&format!("/api/v1/victims/{id}"), &api).await;
    assert_eq!(v["reference"], "V-2040");
    assert_eq!(v["is_child"], true);

    // Saved again from the current version: accepted and audited.
    let saved = amara
        .post(
            &edit,
            &[
                ("csrf_token", token.as_str()),
                ("version", "2"),
                ("reference", "V-2041"),
                ("preferred_language", "cy"),
                ("enhanced_rights", "yes"),
                ("is_child", "no"),
            ],
        )
        .await;
    assert_eq!(saved.status, StatusCode::SEE_OTHER, "{}", saved.body);
    let (_, v) = app.get(&format!("/api/v1/victims/{id}"), &api).await;
    assert_eq!(v["reference"], "V-2041");
    assert_eq!(v["preferred_language"], "cy");
    assert_eq!(v["version"], 3);
    let audit = audit_of(&app, "victims", &id);
    assert_eq!(audit.len(), 3, "{audit:?}");
    assert!(audit[1..]
        .iter()
        .all(|(action, who)| action == "update" && who.as_deref() == Some(amara_id.as_str())));

    // Roles without the right: the list for a manager has no forms; the
    // forms are refused; a victim not theirs is not found.
    let mut maya = Browser::signed_in(&app.base, MAYA).await;
    let list = maya.get("/victims").await;
    assert_eq!(list.status, StatusCode::OK);
    list.assert_lacks("href=\"/victims/new\"");
    assert_eq!(maya.get("/victims/new").await.status, StatusCode::FORBIDDEN);
    assert_eq!(maya.get(&edit).await.status, StatusCode::FORBIDDEN);
    let mut carys = Browser::signed_in(&app.base, CARYS).await;
    assert_eq!(carys.get(&edit).await.status, StatusCode::NOT_FOUND);
    let mut admin = Browser::signed_in(&app.base, ADMIN).await;
    assert_eq!(admin.get("/victims").await.status, StatusCode::FORBIDDEN);
    app.stop().await;
}

/// A mailer that accepts every message (the inbox test needs the notices
/// sent, which is when they get their confirm-by time).
struct AcceptingMailer;

impl courtside::notify::mailer::Mailer for AcceptingMailer {
    fn send(
        &self,
        _: &courtside::notify::mailer::Email,
    ) -> Result<(), courtside::notify::mailer::SendFailure> {
        Ok(())
    }
}

#[actix_web::test]
async fn court_and_witness_service_staff_confirm_the_requests_addressed_to_them() {
    let app = TestApp::spawn().await;
    let wendy = app.login(WENDY).await;
    // Amara's victim's trial is at Leeds Combined Court Centre, which the
    // demo Witness Service (Wes) serves.
    let amara = app.login(AMARA).await;
    let case = app
        .find_id("/api/v1/cases", &amara, "urn", "13AB1234526")
        .await;
    let hearing = app
        .find_id(
            &format!("/api/v1/hearings?case_id={case}"),
            &amara,
            "kind",
            "trial",
        )
        .await;
    let amara_id = app.user_id(&amara).await;
    app.give_consents(&amara, "V-1001", &["witness_service_referral"])
        .await;
    let request = app
        .create(
            "/api/v1/attendance-requests",
            &amara,
            serde_json::json!({"hearing_id": hearing, "supporter_id": amara_id, "state": "requested"}),
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
            serde_json::json!({"hearing_id": hearing, "supporter_id": amara_id, "state": "wcu_informed"}),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{out}");
    let cfg = courtside::notify::delivery::DeliveryConfig {
        owner: "ui".into(),
        ..Default::default()
    };
    courtside::notify::delivery::run_once(
        &app.pool,
        &AcceptingMailer,
        &app.renderer,
        &cfg,
        test_now(),
    )
    .unwrap();
    let (_, listed) = app
        .get(
            &format!(
                "/api/v1/notices?hearing_id={hearing}&template=criminal.witness_service_request"
            ),
            &wendy,
        )
        .await;
    let notice = listed["items"][0]["id"]
        .as_str()
        .unwrap_or_else(|| panic!("a Witness Service request: {listed}"))
        .to_string();

    // Home says what waits, and leads to the inbox.
    let mut wes = Browser::signed_in(&app.base, WES).await;
    let home = wes.get("/").await;
    assert_eq!(home.status, StatusCode::OK, "{}", home.body);
    home.assert_has("1 request is waiting for you to confirm.");
    home.assert_has("href=\"/requests\"");
    let inbox = wes.get("/requests").await;
    assert_eq!(inbox.status, StatusCode::OK, "{}", inbox.body);
    inbox.assert_has("A request to the Witness Service for a pre-trial visit");
    inbox.assert_has("Waiting for you");
    inbox.assert_has(&format!("action=\"/requests/{notice}/acknowledge\""));
    // No victim or case details in the inbox.
    inbox.assert_lacks("V-1001");
    inbox.assert_lacks("13AB1234526");

    // Court staff at another office, and a supporter, cannot confirm it.
    let mut cora = Browser::signed_in(&app.base, CORA).await;
    let court_inbox = cora.get("/requests").await;
    assert_eq!(court_inbox.status, StatusCode::OK);
    court_inbox.assert_lacks(&notice);
    let token = court_inbox.csrf();
    let refused = cora
        .post(
            &format!("/requests/{notice}/acknowledge"),
            &[("csrf_token", token.as_str())],
        )
        .await;
    assert_eq!(refused.status, StatusCode::NOT_FOUND);
    let mut admin = Browser::signed_in(&app.base, ADMIN).await;
    assert_eq!(admin.get("/requests").await.status, StatusCode::FORBIDDEN);

    // Without the form's token: refused. With it: confirmed, once, by Wes,
    // with the same audit entry as the API writes.
    let acknowledge = format!("/requests/{notice}/acknowledge");
    assert_eq!(
        wes.post(&acknowledge, &[]).await.status,
        StatusCode::FORBIDDEN
    );
    let token = inbox.csrf();
    let done = wes
        .post(&acknowledge, &[("csrf_token", token.as_str())])
        .await;
    assert_eq!(done.status, StatusCode::SEE_OTHER, "{}", done.body);
    let inbox = wes.get(done.location().unwrap()).await;
    inbox.assert_has("Receipt confirmed.");
    inbox.assert_has("Nothing is waiting for you to confirm.");
    inbox.assert_lacks(&format!("action=\"{acknowledge}\""));
    let wes_token = app.login(WES).await;
    let wes_id = app.user_id(&wes_token).await;
    let (_, after) = app
        .get(
            &format!(
                "/api/v1/notices?hearing_id={hearing}&template=criminal.witness_service_request"
            ),
            &wendy,
        )
        .await;
    assert_eq!(after["items"][0]["acknowledged_by"], wes_id.as_str());
    let audited: Vec<_> = audit_of(&app, "notices", &notice)
        .into_iter()
        .filter(|(action, who)| action == "update" && who.as_deref() == Some(wes_id.as_str()))
        .collect();
    assert_eq!(audited.len(), 1, "{audited:?}");
    // Again through the API: the first confirmation stands.
    let (status, again) = app
        .post(
            &format!("/api/v1/notices/{notice}/acknowledgement"),
            &wes_token,
            serde_json::json!({}),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{again}");
    assert_eq!(again["acknowledged_by"], wes_id.as_str());
    app.stop().await;
}

#[actix_web::test]
async fn managers_are_told_on_every_page_when_email_is_not_set_up() {
    // The test app has no mail server configured.
    let app = TestApp::spawn().await;
    let mut maya = Browser::signed_in(&app.base, MAYA).await;
    for path in ["/", "/cases", "/messages/failed"] {
        let page = maya.get(path).await;
        assert_eq!(page.status, StatusCode::OK, "{path}");
        page.assert_has("Email is not set up, so no emailed notice is being sent");
    }
    // Other roles are not shown the banner (they cannot change it).
    let mut amara = Browser::signed_in(&app.base, AMARA).await;
    amara.get("/").await.assert_lacks("Email is not set up");
    // But each emailed notice still to go says it will not be sent, in the
    // case's list and on its own page; one by another channel does not.
    let amara_token = app.login(AMARA).await;
    let case = case_of(&app, &amara_token, "V-1001").await;
    // A new mention plans emailed notices to go later.
    let wendy = app.login(WENDY).await;
    a_mention(&app, &wendy, &case, "2026-04-14T10:00:00+01:00").await;
    let (_, listed) = app
        .get(
            &format!("/api/v1/notices?case_id={case}&state=pending"),
            &amara_token,
        )
        .await;
    let items = listed["items"].as_array().unwrap();
    let emailed = items
        .iter()
        .find(|n| n["channel"] == "email")
        .unwrap_or_else(|| panic!("the demo case has an emailed notice still to go: {listed}"));
    let unsent = "Will not be sent: email is not set up on this service";
    amara
        .get(&format!("/cases/{case}"))
        .await
        .assert_has(unsent);
    let one = amara
        .get(&format!("/notices/{}", emailed["id"].as_str().unwrap()))
        .await;
    assert_eq!(one.status, StatusCode::OK, "{}", one.body);
    one.assert_has(unsent);
    if let Some(other) = items.iter().find(|n| n["channel"] != "email") {
        amara
            .get(&format!("/notices/{}", other["id"].as_str().unwrap()))
            .await
            .assert_lacks(unsent);
    }
    app.stop().await;
}

#[actix_web::test]
async fn a_supporter_opens_changes_and_closes_a_case_with_the_version_check() {
    let app = TestApp::spawn().await;
    let api = app.login(AMARA).await;
    let amara_id = app.user_id(&api).await;
    let mut amara = Browser::signed_in(&app.base, AMARA).await;
    let victim = app
        .find_id("/api/v1/victims?per_page=200", &api, "reference", "V-1001")
        .await;
    let (_, courts) = app.get("/api/v1/courts?per_page=200", &api).await;
    let court = courts["items"][0]["id"].as_str().unwrap().to_string();

    // The list offers the form; the form asks the case type first.
    let list = amara.get("/cases").await;
    assert_eq!(list.status, StatusCode::OK, "{}", list.body);
    list.assert_has("href=\"/cases/new\"");
    let form = amara.get("/cases/new").await;
    assert_eq!(form.status, StatusCode::OK, "{}", form.body);
    let kind_at = form
        .body
        .find("name=\"kind\"")
        .expect("a case type question");
    let victim_at = form
        .body
        .find("name=\"victim_id\"")
        .expect("a victim question");
    assert!(kind_at < victim_at, "the case type comes first");
    form.assert_has("V-1001");

    // Nothing answered: each problem named and linked to its field.
    let page = amara.submit("/cases/new", &[("urn", "")]).await;
    assert_eq!(
        page.status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "{}",
        page.body
    );
    page.assert_has("<a href=\"#kind\">Choose the type of case");
    page.assert_has("<a href=\"#victim_id\">Choose the victim the case is for");

    // A family case needs the court's number.
    let page = amara
        .submit(
            "/cases/new",
            &[("kind", "family"), ("victim_id", victim.as_str())],
        )
        .await;
    assert_eq!(
        page.status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "{}",
        page.body
    );
    page.assert_has("<a href=\"#case_number\">Enter the court&#x27;s case number");

    // The resource's own check, in words: a URN with a forbidden character.
    let page = amara
        .submit(
            "/cases/new",
            &[
                ("kind", "criminal"),
                ("victim_id", victim.as_str()),
                ("urn", "01ZZ-99"),
            ],
        )
        .await;
    assert_eq!(
        page.status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "{}",
        page.body
    );
    page.assert_has("<a href=\"#urn\">The URN");
    page.assert_lacks("urn:");

    let page = amara
        .submit(
            "/cases/new",
            &[
                ("kind", "criminal"),
                ("victim_id", victim.as_str()),
                ("urn", "01ZZ9999999"),
                ("court_id", court.as_str()),
            ],
        )
        .await;
    assert_eq!(page.status, StatusCode::SEE_OTHER, "{}", page.body);
    let to = page.location().unwrap().to_string();
    let id = to
        .trim_start_matches("/cases/")
        .split('?')
        .next()
        .unwrap()
        .to_string();
    let shown = amara.get(&to).await;
    assert_eq!(shown.status, StatusCode::OK, "{}", shown.body);
    shown.assert_has("Case opened.");
    shown.assert_has("01ZZ9999999");
    shown.assert_has(&format!("href=\"/cases/{id}/close\""));
    let (_, c) = app.get(&format!("/api/v1/cases/{id}"), &api).await;
    assert_eq!(c["victim_id"], victim.as_str());
    assert_eq!(c["kind"], "criminal");
    assert_eq!(c["court_id"], court.as_str());
    assert_eq!(c["status"], "open");
    // The same audit entry as the API's POST writes.
    assert_eq!(
        audit_of(&app, "cases", &id),
        vec![("create".to_string(), Some(amara_id.clone()))]
    );

    // Change: the form opens with what is stored and the version.
    let edit = format!("/cases/{id}/edit");
    let form = amara.get(&edit).await;
    assert_eq!(form.status, StatusCode::OK, "{}", form.body);
    assert_eq!(hidden(&form.body, "version").as_deref(), Some("1"));
    form.assert_has("value=\"01ZZ9999999\"");

    // Someone else saves first, through the API.
    let (status, body) = app
        .put(
            &format!("/api/v1/cases/{id}"),
            &api,
            1,
            serde_json::json!({"victim_id": victim, "kind": "criminal", "urn": "01ZZ9999999", "case_number": "T20269999", "court_id": court}),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{body}");

    // The page's save from version 1 is refused with what is stored now.
    let token = form.csrf();
    let answers = |version: &'static str| {
        vec![
            ("csrf_token", token.clone()),
            ("version", version.to_string()),
            ("kind", "criminal".to_string()),
            ("urn", "01ZZ8888888".to_string()),
            ("case_number", String::new()),
            ("court_id", court.clone()),
        ]
    };
    let posted = answers("1");
    let as_refs: Vec<(&str, &str)> = posted.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let stale = amara.post(&edit, &as_refs).await;
    assert_eq!(stale.status, StatusCode::CONFLICT, "{}", stale.body);
    stale.assert_has("Someone else changed this case");
    stale.assert_has("T20269999");
    stale.assert_has("value=\"01ZZ8888888\"");
    assert_eq!(hidden(&stale.body, "version").as_deref(), Some("2"));
    let (_, c) = app.get(&format!("/api/v1/cases/{id}"), &api).await;
    assert_eq!(c["urn"], "01ZZ9999999");
    assert_eq!(c["case_number"], "T20269999");

    // Saved again from the current version: accepted and audited.
    let posted = answers("2");
    let as_refs: Vec<(&str, &str)> = posted.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let saved = amara.post(&edit, &as_refs).await;
    assert_eq!(saved.status, StatusCode::SEE_OTHER, "{}", saved.body);
    let (_, c) = app.get(&format!("/api/v1/cases/{id}"), &api).await;
    assert_eq!(c["urn"], "01ZZ8888888");
    assert_eq!(c["version"], 3);

    // Closing asks first; a stale confirmation asks again; nothing closes
    // until confirmed over the current version.
    let close = format!("/cases/{id}/close");
    let ask = amara.get(&close).await;
    assert_eq!(ask.status, StatusCode::OK, "{}", ask.body);
    ask.assert_has("Are you sure you want to close this case?");
    assert_eq!(hidden(&ask.body, "version").as_deref(), Some("3"));
    let stale = amara
        .post(&close, &[("csrf_token", token.as_str()), ("version", "2")])
        .await;
    assert_eq!(stale.status, StatusCode::CONFLICT, "{}", stale.body);
    let (_, c) = app.get(&format!("/api/v1/cases/{id}"), &api).await;
    assert_eq!(c["status"], "open");
    let done = amara
        .post(&close, &[("csrf_token", token.as_str()), ("version", "3")])
        .await;
    assert_eq!(done.status, StatusCode::SEE_OTHER, "{}", done.body);
    let shown = amara.get(done.location().unwrap()).await;
    shown.assert_has("Case closed.");
    shown.assert_lacks(&format!("href=\"/cases/{id}/close\""));
    let (_, c) = app.get(&format!("/api/v1/cases/{id}"), &api).await;
    assert_eq!(c["status"], "closed");
    assert_eq!(c["urn"], "01ZZ8888888");
    let audit = audit_of(&app, "cases", &id);
    assert_eq!(audit.len(), 4, "{audit:?}");
    assert!(audit[1..].iter().all(|(action, _)| action == "update"));
    assert_eq!(audit[3].1.as_deref(), Some(amara_id.as_str()));

    // A manager reads cases but may not open or change one; someone from
    // another organisation does not find this one.
    let mut maya = Browser::signed_in(&app.base, MAYA).await;
    let list = maya.get("/cases").await;
    assert_eq!(list.status, StatusCode::OK);
    list.assert_lacks("href=\"/cases/new\"");
    assert_eq!(maya.get("/cases/new").await.status, StatusCode::FORBIDDEN);
    assert_eq!(maya.get(&close).await.status, StatusCode::FORBIDDEN);
    let mut carys = Browser::signed_in(&app.base, CARYS).await;
    assert_eq!(carys.get(&edit).await.status, StatusCode::NOT_FOUND);
    app.stop().await;
}

#[actix_web::test]
async fn my_week_keeps_future_deadlines_out_of_past_and_names_their_hearing() {
    let app = TestApp::spawn_planned_demo().await;
    let api = app.login(AMARA).await;
    let now = test_now();
    let (status, body) = app.get("/api/v1/deadlines?per_page=200", &api).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    // A running deadline tied to a hearing, still ahead of the clock.
    let deadline = body["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| {
            d["state"] == "running"
                && d["hearing_id"].is_string()
                && d["due_at"]
                    .as_str()
                    .unwrap()
                    .parse::<chrono::DateTime<chrono::Utc>>()
                    .unwrap()
                    > now + chrono::Duration::days(1)
        })
        .expect("the planned demo has a running deadline ahead")
        .clone();
    let due_date: chrono::NaiveDate = deadline["due_date"].as_str().unwrap().parse().unwrap();
    let mut amara = Browser::signed_in(&app.base, AMARA).await;

    // A week after the deadline, but the deadline has not passed yet: it
    // is not "past its deadline".
    let later = amara
        .get(&format!(
            "/week?from={}",
            due_date + chrono::Duration::days(1)
        ))
        .await;
    assert_eq!(later.status, StatusCode::OK);
    later.assert_lacks("Past their deadline");

    // The week it falls in names its hearing: court, kind, UK date and time.
    let hearing_id = deadline["hearing_id"].as_str().unwrap();
    let (_, hearing) = app
        .get(&format!("/api/v1/hearings/{hearing_id}"), &api)
        .await;
    let court = hearing["court_id"].as_str().unwrap();
    let (_, courts) = app.get("/api/v1/courts?per_page=200", &api).await;
    let court_name = courts["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["id"] == court)
        .map(|c| c["name"].as_str().unwrap().to_string())
        .expect("the hearing's court");
    let starts: chrono::DateTime<chrono::Utc> =
        hearing["starts_at"].as_str().unwrap().parse().unwrap();
    let week = amara.get(&format!("/week?from={due_date}")).await;
    assert_eq!(week.status, StatusCode::OK);
    let kind: courtside::domain::HearingKind =
        serde_json::from_value(hearing["kind"].clone()).unwrap();
    week.assert_has(&format!(
        "{} at {}, {}",
        courtside::web::ui::labels::hearing_kind(kind),
        court_name.replace('\'', "&#x27;"),
        courtside::calendar::format_long(starts)
    ));
    app.stop().await;
}

#[actix_web::test]
async fn the_supporter_sees_a_victims_stop_and_starts_messages_again_when_she_asks() {
    let app = TestApp::spawn().await;
    let ben = app.login(BEN).await;
    let victim = app
        .find_id("/api/v1/victims", &ben, "reference", "V-1002")
        .await;
    // She stops all messages by the link in a message.
    let token = courtside::notify::stop::token_for(&victim).expect("token");
    let mut anyone = Browser::new(&app.base);
    let stopped = anyone.post(&format!("/stop/{token}"), &[]).await;
    assert_eq!(stopped.status, StatusCode::OK, "{}", stopped.body);
    stopped.assert_has("Messages stopped");

    let mut page = Browser::signed_in(&app.base, BEN).await;
    let edit = page.get(&format!("/victims/{victim}/edit")).await;
    assert_eq!(edit.status, StatusCode::OK);
    edit.assert_has("The victim stopped all messages from this service on");
    let path = format!("/victims/{victim}/messages");
    let ask = page.get(&path).await;
    ask.assert_has("Start messages to the victim again?");
    let done = page.submit(&path, &[]).await;
    assert_eq!(
        done.location(),
        Some("/victims?done=messages-resumed"),
        "{}",
        done.body
    );
    let (status, out) = app
        .get(&format!("/api/v1/victims/{victim}/message-stop"), &ben)
        .await;
    assert_eq!(status, StatusCode::OK);
    assert!(out["stopped_at"].is_null(), "{out}");
    page.get(&format!("/victims/{victim}/edit"))
        .await
        .assert_lacks("stopped all messages");
    page.get(&path)
        .await
        .assert_has("Messages go to the victim as usual");
    // Someone who does not handle her cannot open the page.
    let mut wes = Browser::signed_in(&app.base, WES).await;
    assert_ne!(wes.get(&path).await.status, StatusCode::OK);
    app.stop().await;
}

#[actix_web::test]
async fn the_supporter_records_and_withdraws_a_need_at_court_through_the_same_use_case() {
    let app = TestApp::spawn().await;
    let ben = app.login(BEN).await;
    let victim = app
        .find_id("/api/v1/victims", &ben, "reference", "V-1002")
        .await;
    let consent = app
        .create(
            "/api/v1/consents",
            &ben,
            serde_json::json!({"victim_id": victim, "scope": "witness_service_referral",
                               "given_at": "2026-03-20T11:00:00Z"}),
        )
        .await;
    let consent_id = consent["id"].as_str().unwrap().to_string();
    let mut page = Browser::signed_in(&app.base, BEN).await;
    let list = page.get("/victims").await;
    list.assert_has(&format!("/victims/{victim}/court-needs"));
    let path = format!("/victims/{victim}/court-needs");
    let empty = page.get(&path).await;
    assert_eq!(empty.status, StatusCode::OK, "{}", empty.body);
    empty.assert_has("No needs at court are recorded");
    empty.assert_has(&format!("value=\"{consent_id}\""));

    // A sentence is not a language: the form again, with the problem.
    let refused = page
        .submit(
            &path,
            &[
                ("kind", "interpreter"),
                ("language", "Urdu, call her on 07700900123"),
                ("consent_id", &consent_id),
            ],
        )
        .await;
    assert_eq!(
        refused.status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "{}",
        refused.body
    );
    refused.assert_has("There is a problem");
    refused.assert_has("href=\"#language\"");

    let added = page
        .submit(
            &path,
            &[
                ("kind", "interpreter"),
                ("language", "Polish"),
                ("consent_id", &consent_id),
            ],
        )
        .await;
    let done = format!("/victims/{victim}/court-needs?done=added");
    assert_eq!(added.location(), Some(done.as_str()), "{}", added.body);
    let shown = page.get(&done).await;
    shown.assert_has("The need has been recorded.");
    shown.assert_has("An interpreter (Polish)");
    shown.assert_has("Yes, with her consent");
    // The API sees the same record.
    let api = format!("/api/v1/victims/{victim}/court-needs");
    let (status, out) = app.get(&api, &ben).await;
    assert_eq!(status, StatusCode::OK, "{out}");
    let items = out["items"].as_array().unwrap().clone();
    assert_eq!(items.len(), 1, "{out}");
    assert_eq!(items[0]["language"], "Polish");
    assert_eq!(items[0]["consent_id"], consent_id.as_str());

    // Withdrawn from the link beside it, after a page says who is told.
    let withdraw = format!(
        "/victims/{victim}/court-needs/{}/withdraw",
        items[0]["id"].as_str().unwrap()
    );
    shown.assert_has(&format!("href=\"{withdraw}\""));
    let asked = page.get(&withdraw).await;
    assert_eq!(asked.status, StatusCode::OK, "{}", asked.body);
    asked.assert_has("Withdraw this need at court?");
    asked.assert_has("An interpreter (Polish)");
    asked.assert_has("the court (through the prosecutor) and the Witness Service");
    let still: Value = app.get(&api, &ben).await.1;
    assert_eq!(
        still["items"].as_array().unwrap().len(),
        1,
        "asking withdraws nothing"
    );
    let csrf = hidden(&asked.body, "csrf_token").expect("a token");
    let gone = page.post(&withdraw, &[("csrf_token", &csrf)]).await;
    let done = format!("/victims/{victim}/court-needs?done=withdrawn");
    assert_eq!(gone.location(), Some(done.as_str()), "{}", gone.body);
    page.get(&done)
        .await
        .assert_has("No needs at court are recorded");
    let (_, out) = app.get(&api, &ben).await;
    assert!(out["items"].as_array().unwrap().is_empty(), "{out}");
    // The same audit entries as the API's: by kind, never the language.
    let (_, export) = app
        .get(&format!("/api/v1/victims/{victim}/export"), &ben)
        .await;
    let kinds: Vec<(Value, Value)> = export["audit"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|a| a["entity"] == "court_needs")
        .map(|a| (a["action"].clone(), a["category"].clone()))
        .collect();
    assert_eq!(
        kinds,
        [
            (Value::from("create"), Value::from("interpreter")),
            (Value::from("update"), Value::from("interpreter")),
        ]
    );
    assert!(!export["audit"].to_string().contains("Polish"));
    // Someone who may not change victim records cannot open the page.
    let mut wes = Browser::signed_in(&app.base, WES).await;
    assert_ne!(wes.get(&path).await.status, StatusCode::OK);
    app.stop().await;
}

/// A mention added through the API (so its notices are planned), as Wendy.
async fn a_mention(app: &TestApp, wendy: &str, case: &str, starts_at: &str) -> String {
    let court = app.court_id(wendy, "Leeds Magistrates' Court").await;
    let h = app
        .create(
            "/api/v1/hearings",
            wendy,
            serde_json::json!({"case_id": case, "kind": "mention", "court_id": court,
                   "starts_at": starts_at, "estimated_minutes": 30,
                   "victim_attends": true}),
        )
        .await;
    h["id"].as_str().unwrap().to_string()
}

async fn notices_of(app: &TestApp, token: &str, hearing: &str) -> Vec<Value> {
    let (status, body) = app
        .get(
            &format!("/api/v1/notices?hearing_id={hearing}&per_page=200"),
            token,
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    body["items"].as_array().unwrap().clone()
}

#[actix_web::test]
async fn witness_care_vacates_a_hearing_after_seeing_what_will_be_cancelled() {
    let app = TestApp::spawn().await;
    let api = app.login(WENDY).await;
    let case = case_of(&app, &api, "V-1001").await;
    let id = a_mention(&app, &api, &case, "2026-04-14T10:00:00+01:00").await;
    let pending: Vec<String> = notices_of(&app, &api, &id)
        .await
        .iter()
        .filter(|n| n["state"] == "pending")
        .map(|n| n["id"].as_str().unwrap().to_string())
        .collect();
    assert!(!pending.is_empty(), "adding the hearing planned notices");
    let mut wendy = Browser::signed_in(&app.base, WENDY).await;

    // The case page offers it; it is a link to a page that asks first.
    let case_page = wendy.get(&format!("/cases/{case}")).await;
    let path = format!("/hearings/{id}/vacate");
    case_page.assert_has(&format!("href=\"{path}\""));
    let ask = wendy.get(&path).await;
    assert_eq!(ask.status, StatusCode::OK, "{}", ask.body);
    ask.assert_has("Are you sure you want to vacate this hearing?");
    // Every message planned for the new date is still to go, so each is
    // named as one that vacating cancels.
    ask.assert_has(&format!(
        "These {} messages about this date, not sent yet, are cancelled:",
        pending.len()
    ));
    ask.assert_has(
        "Reminder of the hearing, to the supporter, due Monday 13 April 2026, 08:00 (BST)",
    );
    ask.assert_has("Tuesday 14 April 2026, 10:00 (BST)");
    ask.assert_has("are told that the hearing will not go ahead");
    // Looking at the question changes nothing.
    let (_, before) = app.get(&format!("/api/v1/hearings/{id}"), &api).await;
    assert_eq!(before["status"], "listed");
    let version = hidden(&ask.body, "version").unwrap();
    let token = ask.csrf();

    // Without the form's anti-forgery token, nothing happens.
    let forged = wendy
        .post(
            &path,
            &[("csrf_token", "0000"), ("version", version.as_str())],
        )
        .await;
    assert_eq!(forged.status, StatusCode::FORBIDDEN);
    let (_, still) = app.get(&format!("/api/v1/hearings/{id}"), &api).await;
    assert_eq!(still["status"], "listed");

    let done = wendy
        .post(
            &path,
            &[
                ("csrf_token", token.as_str()),
                ("version", version.as_str()),
                ("note", "The defendant was bailed to another date"),
            ],
        )
        .await;
    assert_eq!(done.status, StatusCode::SEE_OTHER, "{}", done.body);
    let location = done.location().unwrap().to_string();
    assert!(location.starts_with(&format!("/cases/{case}?done=hearing-vacated")));
    wendy.get(&location).await.assert_has("Hearing vacated.");
    let (_, after) = app.get(&format!("/api/v1/hearings/{id}"), &api).await;
    assert_eq!(after["status"], "vacated");
    assert_eq!(after["outcome"], "The defendant was bailed to another date");
    // What was waiting about the date is cancelled; the change is planned.
    let now = notices_of(&app, &api, &id).await;
    for n in now
        .iter()
        .filter(|n| pending.contains(&n["id"].as_str().unwrap().to_string()))
    {
        assert_eq!(n["state"], "cancelled", "{n}");
    }
    assert!(
        now.iter()
            .any(|n| n["state"] == "pending" && n["template"].as_str().unwrap().contains("change")),
        "the victim and supporter are to be told: {now:?}"
    );

    // The same page again, with its old version: nothing is saved twice.
    let stale = wendy
        .post(
            &path,
            &[
                ("csrf_token", token.as_str()),
                ("version", version.as_str()),
            ],
        )
        .await;
    assert_eq!(stale.status, StatusCode::CONFLICT, "{}", stale.body);
    stale.assert_has("Someone else changed this hearing");
    let (_, again) = app.get(&format!("/api/v1/hearings/{id}"), &api).await;
    assert_eq!(again["version"], after["version"]);
    // A vacated hearing is not offered again, and its page says why.
    let page = wendy.get(&path).await;
    assert_eq!(page.status, StatusCode::CONFLICT);
    page.assert_has("already vacated");
    app.stop().await;
}

#[actix_web::test]
async fn witness_care_adjourns_a_hearing_to_a_new_date_or_with_none() {
    let app = TestApp::spawn().await;
    let api = app.login(WENDY).await;
    let case = case_of(&app, &api, "V-1001").await;
    let to_a_date = a_mention(&app, &api, &case, "2026-04-14T10:00:00+01:00").await;
    let no_date = a_mention(&app, &api, &case, "2026-04-15T10:00:00+01:00").await;
    let mut wendy = Browser::signed_in(&app.base, WENDY).await;
    let case_page = wendy.get(&format!("/cases/{case}")).await;
    case_page.assert_has(&format!("href=\"/hearings/{to_a_date}/adjourn\""));

    // To a date, but none given: the page says what to enter.
    let path = format!("/hearings/{to_a_date}/adjourn");
    let missing = wendy.submit(&path, &[("when", "date")]).await;
    assert_eq!(missing.status, StatusCode::UNPROCESSABLE_ENTITY);
    missing.assert_has("Enter the new date");
    missing.assert_lacks("starts_at");

    // A date already past: the page says so, in words.
    let past = wendy
        .submit(
            &path,
            &[("when", "date"), ("date", "2026-03-19"), ("time", "10:00")],
        )
        .await;
    assert_eq!(past.status, StatusCode::UNPROCESSABLE_ENTITY);
    past.assert_has("The new date and time must be in the future");

    // Tuesday 21 April at 14:00, UK time.
    let moved = wendy
        .submit(
            &path,
            &[
                ("when", "date"),
                ("date", "2026-04-21"),
                ("time", "14:00"),
                ("note", "Adjourned for a pre-sentence report"),
            ],
        )
        .await;
    assert_eq!(moved.status, StatusCode::SEE_OTHER, "{}", moved.body);
    assert!(moved
        .location()
        .unwrap()
        .starts_with(&format!("/cases/{case}?done=hearing-adjourned")));
    let (_, h) = app
        .get(&format!("/api/v1/hearings/{to_a_date}"), &api)
        .await;
    assert_eq!(h["status"], "moved");
    assert_eq!(h["starts_at_local"], "2026-04-21T14:00:00+01:00");
    assert_eq!(h["outcome"], "Adjourned for a pre-sentence report");
    let notices = notices_of(&app, &api, &to_a_date).await;
    assert!(
        notices.iter().any(|n| n["state"] == "pending"
            && n["template"].as_str().unwrap().contains("change")
            && n["data"]["change"] == "moved"),
        "the new date is told: {notices:?}"
    );

    // With no new date yet: the hearing is adjourned.
    let adjourned = wendy
        .submit(&format!("/hearings/{no_date}/adjourn"), &[("when", "none")])
        .await;
    assert_eq!(
        adjourned.status,
        StatusCode::SEE_OTHER,
        "{}",
        adjourned.body
    );
    let (_, h) = app.get(&format!("/api/v1/hearings/{no_date}"), &api).await;
    assert_eq!(h["status"], "adjourned");
    assert_eq!(h["starts_at_local"], "2026-04-15T10:00:00+01:00");
    app.stop().await;
}

#[actix_web::test]
async fn the_supporter_records_a_sentence_and_the_referral_clock_starts() {
    let app = TestApp::spawn().await;
    let api = app.login(WENDY).await;
    let case = case_of(&app, &api, "V-1001").await;
    let id = a_mention(&app, &api, &case, "2026-03-23T10:00:00Z").await;
    let mut amara = Browser::signed_in(&app.base, AMARA).await;
    let path = format!("/hearings/{id}/outcome");
    // Not offered before the hearing begins; offered once it has.
    amara
        .get(&format!("/cases/{case}"))
        .await
        .assert_lacks(&format!("href=\"{path}\""));
    app.clock.set(
        chrono::DateTime::parse_from_rfc3339("2026-03-23T15:00:00Z")
            .unwrap()
            .with_timezone(&chrono::Utc),
    );
    // Three days on, the old sessions have lapsed: sign in again.
    let api = app.login(WENDY).await;
    let mut amara = Browser::signed_in(&app.base, AMARA).await;
    amara
        .get(&format!("/cases/{case}"))
        .await
        .assert_has(&format!("href=\"{path}\""));

    // A prison sentence with no length: the page asks for it, in words.
    let short = amara
        .submit(
            &path,
            &[
                ("result", "sentenced"),
                ("sentence_type", "immediate_custody"),
                ("specified_offence", "yes"),
            ],
        )
        .await;
    assert_eq!(short.status, StatusCode::UNPROCESSABLE_ENTITY);
    short.assert_has("Enter the length of the sentence in whole months");
    short.assert_lacks("needs the sentence length in months");
    let (_, h) = app.get(&format!("/api/v1/hearings/{id}"), &api).await;
    assert_eq!(h["status"], "listed");

    let done = amara
        .submit(
            &path,
            &[
                ("result", "sentenced"),
                ("sentence_type", "immediate_custody"),
                ("sentence_months", "12"),
                ("specified_offence", "yes"),
                ("note", "Restraining order also made"),
            ],
        )
        .await;
    assert_eq!(done.status, StatusCode::SEE_OTHER, "{}", done.body);
    let location = done.location().unwrap().to_string();
    assert!(location.starts_with(&format!("/cases/{case}?done=outcome-recorded")));
    let (_, h) = app.get(&format!("/api/v1/hearings/{id}"), &api).await;
    assert_eq!(h["status"], "concluded");
    assert_eq!(
        h["result"],
        serde_json::json!({"kind": "sentenced", "sentence": {"type": "immediate_custody", "months": 12, "specified_offence": true}})
    );
    assert_eq!(h["outcome"], "Restraining order also made");
    let page = amara.get(&location).await;
    page.assert_has("Sentenced: immediate custody (prison), 12 months, for a specified violent or sexual offence");
    // Twelve months for a specified offence starts the referral clock.
    let (_, deadlines) = app
        .get(&format!("/api/v1/deadlines?hearing_id={id}"), &api)
        .await;
    assert!(
        deadlines["items"]
            .as_array()
            .unwrap()
            .iter()
            .any(|d| d["kind"] == "victim_contact_scheme_referral"),
        "{deadlines}"
    );
    app.stop().await;
}

#[actix_web::test]
async fn choosing_vacated_or_adjourned_as_the_outcome_leads_to_their_own_pages() {
    let app = TestApp::spawn().await;
    let api = app.login(WENDY).await;
    let case = case_of(&app, &api, "V-1001").await;
    let id = a_mention(&app, &api, &case, "2026-04-14T10:00:00+01:00").await;
    let mut wendy = Browser::signed_in(&app.base, WENDY).await;
    let path = format!("/hearings/{id}/outcome");
    let vacate = wendy
        .submit(&path, &[("result", "vacated"), ("note", "Defendant ill")])
        .await;
    assert_eq!(vacate.status, StatusCode::OK, "{}", vacate.body);
    vacate.assert_has("Are you sure you want to vacate this hearing?");
    vacate.assert_has(&format!("action=\"/hearings/{id}/vacate\""));
    vacate.assert_has("Defendant ill");
    let adjourn = wendy.submit(&path, &[("result", "adjourned")]).await;
    assert_eq!(adjourn.status, StatusCode::OK, "{}", adjourn.body);
    adjourn.assert_has(&format!("action=\"/hearings/{id}/adjourn\""));
    // Neither choice changed the hearing.
    let (_, h) = app.get(&format!("/api/v1/hearings/{id}"), &api).await;
    assert_eq!(h["status"], "listed");
    assert_eq!(h["version"], 1);
    app.stop().await;
}

#[actix_web::test]
async fn a_family_hearing_is_offered_only_the_outcomes_it_can_have() {
    let app = TestApp::spawn().await;
    let amara_api = app.login(AMARA).await;
    let id = app.family_hearing_this_afternoon(&amara_api).await;
    let mut amara = Browser::signed_in(&app.base, AMARA).await;
    let path = format!("/hearings/{id}/outcome");
    let form = amara.get(&path).await;
    assert_eq!(form.status, StatusCode::OK, "{}", form.body);
    form.assert_has("Order made");
    form.assert_lacks("Guilty plea");
    form.assert_lacks("specified violent or sexual offence");
    // A criminal outcome posted anyway is refused, in words.
    let refused = amara.submit(&path, &[("result", "guilty_plea")]).await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    refused.assert_has("Choose what happened at the hearing");
    let done = amara.submit(&path, &[("result", "order_made")]).await;
    assert_eq!(done.status, StatusCode::SEE_OTHER, "{}", done.body);
    let (_, h) = app.get(&format!("/api/v1/hearings/{id}"), &amara_api).await;
    assert_eq!(h["status"], "concluded");
    assert_eq!(h["result"], serde_json::json!({"kind": "order_made"}));
    app.stop().await;
}

/// How many audit entries of this action a notice has.
fn notice_audit(app: &TestApp, notice: &str, action: &str) -> i64 {
    use courtside::store::schema::audit_log;
    use diesel::prelude::*;
    let mut conn = app.pool.get().unwrap();
    audit_log::table
        .filter(audit_log::action.eq(action))
        .filter(audit_log::entity.eq("notices"))
        .filter(audit_log::entity_id.eq(notice))
        .count()
        .get_result(&mut conn)
        .unwrap()
}

/// Ben's consents of a scope for V-1002, as the API answers them.
async fn consents_of(app: &TestApp, ben: &str, victim: &str, scope: &str) -> Vec<Value> {
    let (status, list) = app
        .get(&format!("/api/v1/consents?victim_id={victim}"), ben)
        .await;
    assert_eq!(status, StatusCode::OK, "{list}");
    list["items"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|c| c["scope"] == scope)
        .cloned()
        .collect()
}

/// The notices about a hearing that rely on consent to share court dates,
/// and their states.
async fn on_court_dates_consent(
    app: &TestApp,
    token: &str,
    hearing: &str,
) -> Vec<(String, String)> {
    let (status, list) = app
        .get(
            &format!("/api/v1/notices?hearing_id={hearing}&per_page=200"),
            token,
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{list}");
    list["items"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|n| {
            n["basis"]
                == serde_json::json!({"kind": "consent", "scope": "court_dates_to_supporter"})
        })
        .map(|n| {
            (
                n["id"].as_str().unwrap().to_string(),
                n["state"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

#[actix_web::test]
async fn withdrawing_a_consent_asks_first_lists_what_stops_and_can_be_undone_for_a_while() {
    let app = TestApp::spawn().await;
    let wendy = app.login(WENDY).await;
    let ben_api = app.login(BEN).await;
    let case = case_of(&app, &ben_api, "V-1002").await;
    let victim = app
        .find_id("/api/v1/victims", &ben_api, "reference", "V-1002")
        .await;
    // A hearing in May: Ben is to be told its details, on the victim's
    // consent to share court dates with him.
    let urn_case = app
        .find_id("/api/v1/cases", &wendy, "urn", "13CD7654321")
        .await;
    assert_eq!(urn_case, case);
    let court = app.court_id(&wendy, "Leeds Magistrates' Court").await;
    let hearing = app
        .create(
            "/api/v1/hearings",
            &wendy,
            serde_json::json!({"case_id": case, "kind": "mention", "court_id": court,
                   "starts_at": "2026-05-11T10:00:00+01:00", "estimated_minutes": 30,
                   "victim_attends": true}),
        )
        .await;
    let hearing = hearing["id"].as_str().unwrap().to_string();
    let waiting = on_court_dates_consent(&app, &wendy, &hearing).await;
    assert!(!waiting.is_empty(), "a notice relies on the consent");
    assert!(waiting.iter().all(|(_, s)| s == "pending"), "{waiting:?}");
    let dates = consents_of(&app, &ben_api, &victim, "court_dates_to_supporter").await;
    assert_eq!(dates.len(), 1, "{dates:?}");
    let consent = dates[0]["id"].as_str().unwrap().to_string();

    // The case page links to a page that asks first; it has no form that
    // withdraws at once.
    let mut ben = Browser::signed_in(&app.base, BEN).await;
    let confirm = format!("/cases/{case}/consents/{consent}/withdraw");
    let page = ben.get(&format!("/cases/{case}")).await;
    page.assert_has(&format!("href=\"{confirm}\""));
    page.assert_lacks(&format!("action=\"{confirm}\""));

    // The confirmation page names the consent in words and lists each
    // notice that will stop; showing it changes nothing.
    let page = ben.get(&confirm).await;
    assert_eq!(page.status, StatusCode::OK, "{}", page.body);
    page.assert_has("Are you sure the victim has withdrawn this consent?");
    page.assert_has("Share court dates with the supporter");
    page.assert_has("Hearing details, to the supporter");
    for (id, _) in &waiting {
        page.assert_has(&format!("/notices/{id}"));
    }
    page.assert_has("undo it for 10 minutes");
    let (action, version) = form_action(&page.body, &confirm, "/withdraw").expect("the form");
    let token = page.csrf();
    assert!(
        consents_of(&app, &ben_api, &victim, "court_dates_to_supporter").await[0]["active"]
            .as_bool()
            .unwrap()
    );
    assert_eq!(
        on_court_dates_consent(&app, &wendy, &hearing).await,
        waiting
    );

    // Only a POST with the form's token withdraws.
    let refused = ben.post(&action, &[("version", version.as_str())]).await;
    assert_eq!(refused.status, StatusCode::FORBIDDEN);
    assert!(
        consents_of(&app, &ben_api, &victim, "court_dates_to_supporter").await[0]["active"]
            .as_bool()
            .unwrap()
    );
    let page = ben
        .post(
            &action,
            &[
                ("csrf_token", token.as_str()),
                ("version", version.as_str()),
            ],
        )
        .await;
    assert_eq!(page.status, StatusCode::OK, "{}", page.body);
    page.assert_has("Consent withdrawn.");
    page.assert_has("stopped and will not be sent");
    for (id, _) in &waiting {
        page.assert_has(&format!("/notices/{id}"));
    }
    page.assert_has("undo it until 12:10pm (10 minutes after the withdrawal)");
    let undo = format!("/cases/{case}/consents/{consent}/undo");
    page.assert_has(&format!("action=\"{undo}\""));
    let now = consents_of(&app, &ben_api, &victim, "court_dates_to_supporter").await;
    assert!(!now[0]["active"].as_bool().unwrap(), "{now:?}");
    let stopped = on_court_dates_consent(&app, &wendy, &hearing).await;
    assert!(stopped.iter().all(|(_, s)| s == "cancelled"), "{stopped:?}");

    // Five minutes later, undo: the consent is recorded again from now.
    app.clock.set(test_now() + chrono::Duration::minutes(5));
    let page = ben.get(&format!("/cases/{case}")).await;
    page.assert_has(&format!("href=\"{undo}\""));
    let page = ben.get(&undo).await;
    assert_eq!(page.status, StatusCode::OK, "{}", page.body);
    page.assert_has("Undo the withdrawal of this consent?");
    let token = page.csrf();
    let refused = ben.post(&undo, &[]).await;
    assert_eq!(refused.status, StatusCode::FORBIDDEN);
    let done = ben.post(&undo, &[("csrf_token", token.as_str())]).await;
    assert_eq!(done.status, StatusCode::SEE_OTHER, "{}", done.body);
    ben.get(done.location().unwrap())
        .await
        .assert_has("the notices the withdrawal stopped are planned again");
    // The notices it stopped wait to be sent again, audited as planned
    // (once when first planned, once on the undo) after their cancellation.
    let back = on_court_dates_consent(&app, &wendy, &hearing).await;
    assert_eq!(back, waiting);
    for (id, _) in &waiting {
        assert_eq!(notice_audit(&app, id, "cancel"), 1, "{id}");
        assert_eq!(notice_audit(&app, id, "plan"), 2, "{id}");
    }
    let now = consents_of(&app, &ben_api, &victim, "court_dates_to_supporter").await;
    let active: Vec<&Value> = now.iter().filter(|c| c["active"] == true).collect();
    assert_eq!(active.len(), 1, "{now:?}");
    assert_eq!(active[0]["basis"], "consent");
    assert_eq!(active[0]["given_at"], "2026-03-20T12:05:00Z");
    // Undoing again records nothing more.
    let again = ben.post(&undo, &[("csrf_token", token.as_str())]).await;
    assert_eq!(again.status, StatusCode::CONFLICT, "{}", again.body);
    again.assert_has("already in force again");
    assert_eq!(
        consents_of(&app, &ben_api, &victim, "court_dates_to_supporter")
            .await
            .len(),
        2
    );

    // Withdrawn again, and the window passes: the undo is refused in
    // words, and says to record a new consent instead.
    let renewed = active[0]["id"].as_str().unwrap().to_string();
    let confirm = format!("/cases/{case}/consents/{renewed}/withdraw");
    let page = ben.get(&confirm).await;
    let (action, version) = form_action(&page.body, &confirm, "/withdraw").expect("the form");
    let token = page.csrf();
    let page = ben
        .post(
            &action,
            &[
                ("csrf_token", token.as_str()),
                ("version", version.as_str()),
            ],
        )
        .await;
    assert_eq!(page.status, StatusCode::OK, "{}", page.body);
    app.clock
        .set(test_now() + chrono::Duration::minutes(5 + 10) + chrono::Duration::seconds(1));
    let undo = format!("/cases/{case}/consents/{renewed}/undo");
    ben.get(&format!("/cases/{case}"))
        .await
        .assert_lacks(&format!("href=\"{undo}\""));
    let page = ben.get(&undo).await;
    assert_eq!(page.status, StatusCode::GONE, "{}", page.body);
    page.assert_has("The time to undo this withdrawal has passed");
    page.assert_has("record a new consent");
    page.assert_lacks(&format!("action=\"{undo}\""));
    let refused = ben.post(&undo, &[("csrf_token", token.as_str())]).await;
    assert_eq!(refused.status, StatusCode::GONE, "{}", refused.body);
    refused.assert_has("The time to undo this withdrawal has passed");
    let now = consents_of(&app, &ben_api, &victim, "court_dates_to_supporter").await;
    assert!(now.iter().all(|c| c["active"] == false), "{now:?}");
    let stopped = on_court_dates_consent(&app, &wendy, &hearing).await;
    assert!(stopped.iter().all(|(_, s)| s == "cancelled"), "{stopped:?}");

    // A new consent recorded later relies on no waiting notice; undoing
    // its own withdrawal brings back only what that withdrawal stopped
    // (nothing), not what the earlier one did.
    let page = ben
        .submit(
            &format!("/cases/{case}/consents/new"),
            &[
                ("scope", "court_dates_to_supporter"),
                ("basis", "consent"),
                ("given_on", "2026-03-20"),
            ],
        )
        .await;
    assert_eq!(page.status, StatusCode::SEE_OTHER, "{}", page.body);
    let third = consents_of(&app, &ben_api, &victim, "court_dates_to_supporter")
        .await
        .into_iter()
        .find(|c| c["active"] == true)
        .expect("the new consent");
    let third = third["id"].as_str().unwrap().to_string();
    let confirm = format!("/cases/{case}/consents/{third}/withdraw");
    let page = ben.get(&confirm).await;
    page.assert_has("No notices waiting to be sent rely on it, so none will stop.");
    let (action, version) = form_action(&page.body, &confirm, "/withdraw").expect("the form");
    let token = page.csrf();
    let page = ben
        .post(
            &action,
            &[
                ("csrf_token", token.as_str()),
                ("version", version.as_str()),
            ],
        )
        .await;
    page.assert_has("none stopped");
    let undo = format!("/cases/{case}/consents/{third}/undo");
    let done = ben.post(&undo, &[("csrf_token", token.as_str())]).await;
    assert_eq!(done.status, StatusCode::SEE_OTHER, "{}", done.body);
    ben.get(done.location().unwrap())
        .await
        .assert_has("sharing on it starts again");
    let stopped = on_court_dates_consent(&app, &wendy, &hearing).await;
    assert!(stopped.iter().all(|(_, s)| s == "cancelled"), "{stopped:?}");
    app.stop().await;
}

/// The safety plan for the court day: the supporter records it from the
/// case page's hearing (with an error summary in words), sees it on her
/// week, and withdraws it; the Witness Service sees it on its own week
/// and marks it agreed. Each change goes through the API's use case.
#[actix_web::test]
async fn the_safety_plan_is_made_on_the_pages_and_shown_on_the_days_agenda() {
    let app = TestApp::spawn().await;
    let wendy = app.login(WENDY).await;
    let ben = app.login(BEN).await;
    let (case, trial) = leeds_trial(&app, &wendy).await;
    let victim = app
        .find_id("/api/v1/victims", &ben, "reference", "V-1002")
        .await;
    let consent = app
        .create(
            "/api/v1/consents",
            &ben,
            serde_json::json!({"victim_id": victim, "scope": "witness_service_referral",
                               "given_at": "2026-03-20T11:00:00Z"}),
        )
        .await;
    let consent_id = consent["id"].as_str().unwrap().to_string();

    let mut page = Browser::signed_in(&app.base, BEN).await;
    let path = format!("/hearings/{trial}/safety-plan");
    page.get(&format!("/cases/{case}"))
        .await
        .assert_has(&format!("href=\"{path}\""));
    let empty = page.get(&path).await;
    assert_eq!(empty.status, StatusCode::OK, "{}", empty.body);
    empty.assert_has("No safety plan is recorded for this hearing.");
    empty.assert_has(&format!("value=\"{consent_id}\""));

    // Problems in words, each linked to its field.
    let refused = page
        .submit(
            &path,
            &[
                ("entrance", ""),
                ("exit", "Side door"),
                ("waiting_area", "Room 2"),
                ("meet_time", "25:61"),
                ("agreed", "yes"),
                ("agreed_on", ""),
                ("basis", &consent_id),
                ("may_email", "no"),
            ],
        )
        .await;
    assert_eq!(
        refused.status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "{}",
        refused.body
    );
    refused.assert_has("There is a problem");
    refused.assert_has("href=\"#meet_time\"");
    refused.assert_has("href=\"#agreed_on\"");
    // The use case's own check, placed on its field.
    let refused = page
        .submit(
            &path,
            &[
                ("entrance", " "),
                ("exit", "Side door"),
                ("waiting_area", "Room 2"),
                ("meet_place", "The bus stop"),
                ("agreed", "no"),
                ("basis", "none"),
                ("may_email", "no"),
            ],
        )
        .await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    refused.assert_has("href=\"#entrance\"");
    refused.assert_has("href=\"#met_by\"");
    refused.assert_has("The bus stop");

    let saved = page
        .submit(
            &path,
            &[
                ("entrance", "Side door on Quillfeather Row"),
                ("exit", "Side door"),
                ("waiting_area", "Witness Service room 2"),
                ("met_by", "Jo, volunteer"),
                ("meet_time", "09:15"),
                ("meet_place", "The bus stop"),
                ("avoid_family", "Leave after the family has gone"),
                ("agreed", "no"),
                ("basis", &consent_id),
                ("may_email", "no"),
            ],
        )
        .await;
    let done = format!("{path}?done=saved");
    assert_eq!(saved.location(), Some(done.as_str()), "{}", saved.body);
    let shown = page.get(&done).await;
    shown.assert_has("The safety plan has been saved.");
    shown.assert_has("Side door on Quillfeather Row");
    shown.assert_has("Jo, volunteer, at 9:15am, The bus stop");
    shown.assert_has("under her consent record");
    // The API reads the same plan.
    let api = format!("/api/v1/hearings/{trial}/safety-plan");
    let (status, plan) = app.get(&api, &ben).await;
    assert_eq!(status, StatusCode::OK, "{plan}");
    assert_eq!(plan["meet_at"], "2026-03-27T09:15:00Z");
    assert_eq!(plan["consent_id"], consent_id.as_str());
    assert_eq!(plan["may_email"], false);

    // On the supporter's week, under the trial.
    let week = page.get("/week?from=2026-03-23").await;
    assert_eq!(week.status, StatusCode::OK, "{}", week.body);
    week.assert_has("Safety plan for the day");
    week.assert_has("Side door on Quillfeather Row");
    week.assert_has(&format!("href=\"{path}\""));

    // The Witness Service at the court: its week, the plan, and agreeing.
    let mut wes = Browser::signed_in(&app.base, WES).await;
    let home = wes.get("/").await;
    home.assert_has("href=\"/week\"");
    let week = wes.get("/week?from=2026-03-23").await;
    assert_eq!(week.status, StatusCode::OK, "{}", week.body);
    week.assert_has("Victim V-1002");
    week.assert_has("Side door on Quillfeather Row");
    let theirs = wes.get(&path).await;
    assert_eq!(theirs.status, StatusCode::OK, "{}", theirs.body);
    theirs.assert_lacks("name=\"entrance\"");
    theirs.assert_has("Trial, Friday 27 March 2026");
    theirs.assert_has("victim V-1002");
    let agree = format!("{path}/agree");
    theirs.assert_has(&format!("action=\"{agree}\""));
    let csrf = hidden(&theirs.body, "csrf_token").expect("a token");
    let agreed = wes.post(&agree, &[("csrf_token", &csrf)]).await;
    let done = format!("{path}?done=agreed");
    assert_eq!(agreed.location(), Some(done.as_str()), "{}", agreed.body);
    let now = wes.get(&done).await;
    now.assert_has("marked agreed by Demo Witness Service Leeds");
    now.assert_lacks(&format!("action=\"{agree}\""));
    let (_, plan) = app.get(&api, &ben).await;
    assert_eq!(plan["agreed_by_witness_service"], true, "{plan}");

    // Someone with no part in the plan cannot open its page.
    let mut officer = Browser::signed_in(&app.base, WENDY).await;
    assert_eq!(officer.get(&path).await.status, StatusCode::FORBIDDEN);
    let mut amara = Browser::signed_in(&app.base, AMARA).await;
    assert_eq!(amara.get(&path).await.status, StatusCode::NOT_FOUND);

    // Withdrawn after a page that asks first and says what stops.
    let shown = page.get(&path).await;
    let withdraw = format!("{path}/withdraw");
    shown.assert_has(&format!("href=\"{withdraw}\""));
    assert!(
        !shown.body.contains(&format!("action=\"{withdraw}\"")),
        "no one-click withdrawal"
    );
    let asked = page.get(&withdraw).await;
    assert_eq!(asked.status, StatusCode::OK, "{}", asked.body);
    asked.assert_has("Withdraw the safety plan?");
    asked.assert_has("the Witness Service can no longer read it");
    asked.assert_has(&format!("action=\"{withdraw}\""));
    let csrf = hidden(&asked.body, "csrf_token").expect("a token");
    let gone = page.post(&withdraw, &[("csrf_token", &csrf)]).await;
    let done = format!("{path}?done=withdrawn");
    assert_eq!(gone.location(), Some(done.as_str()), "{}", gone.body);
    page.get(&done)
        .await
        .assert_has("No safety plan is recorded for this hearing.");
    let (status, _) = app.get(&api, &ben).await;
    assert_eq!(status, StatusCode::NOT_FOUND);

    // The audit entries, as the API writes them; never the plan's text.
    let (_, export) = app
        .get(&format!("/api/v1/victims/{victim}/export"), &ben)
        .await;
    let seen: Vec<(Value, Value)> = export["audit"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|a| a["entity"] == "safety_plans")
        .map(|a| (a["action"].clone(), a["category"].clone()))
        .collect();
    let want: Vec<(Value, Value)> = [
        ("create", "safety_plan"),
        // Wes's week, his plan page, and the page after agreeing.
        ("read_sensitive", "safety_plan"),
        ("read_sensitive", "safety_plan"),
        ("update", "safety_plan_agreed"),
        ("read_sensitive", "safety_plan"),
        ("update", "safety_plan_withdrawn"),
    ]
    .iter()
    .map(|(a, c)| (Value::from(*a), Value::from(*c)))
    .collect();
    assert_eq!(seen, want);
    assert!(!export["audit"].to_string().contains("Quillfeather"));
    app.stop().await;
}

/// The victim's assignments through the API, as (supporter, is SPOC,
/// starts on, ends on).
async fn assignments_of(
    app: &TestApp,
    token: &str,
    victim: &str,
) -> Vec<(String, bool, String, Option<String>)> {
    let (status, list) = app
        .get(
            &format!("/api/v1/supporter-assignments?victim_id={victim}"),
            token,
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{list}");
    let mut out: Vec<_> = list["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| {
            (
                a["supporter_id"].as_str().unwrap().to_string(),
                a["is_spoc"].as_bool().unwrap(),
                a["starts_on"].as_str().unwrap().to_string(),
                a["ends_on"].as_str().map(str::to_string),
            )
        })
        .collect();
    out.sort();
    out
}

#[actix_web::test]
async fn a_manager_hands_a_victim_to_another_supporter_from_the_case_page() {
    let app = TestApp::spawn().await;
    let maya = app.login(MAYA).await;
    let amara = app.login(AMARA).await;
    let ben = app.login(BEN).await;
    let (amara_id, ben_id) = (app.user_id(&amara).await, app.user_id(&ben).await);
    let case = case_of(&app, &maya, "V-1001").await;
    let victim = app
        .find_id("/api/v1/victims?per_page=200", &maya, "reference", "V-1001")
        .await;
    let before = assignments_of(&app, &maya, &victim).await;
    assert_eq!(before.len(), 1, "{before:?}");
    let (_, spoc, _, _) = before[0].clone();
    // Amara's last day is today; Ben takes over tomorrow.
    let today = courtside::calendar::london_date(test_now()).to_string();
    let tomorrow =
        (courtside::calendar::london_date(test_now()) + chrono::Days::new(1)).to_string();
    assert!(
        spoc,
        "the demo victim chose Amara as single point of contact"
    );
    let (_, list) = app
        .get(
            &format!("/api/v1/supporter-assignments?victim_id={victim}"),
            &maya,
        )
        .await;
    let amaras = list["items"][0]["id"].as_str().unwrap().to_string();

    // The case page offers to assign, change and end.
    let mut page = Browser::signed_in(&app.base, MAYA).await;
    let shown = page.get(&format!("/cases/{case}")).await;
    assert_eq!(shown.status, StatusCode::OK, "{}", shown.body);
    let end = format!("/assignments/{amaras}/end?case={case}");
    shown.assert_has(&format!("/assignments/{amaras}/end"));
    shown.assert_has(&format!("/victims/{victim}/assignments/new"));

    // Ending asks first, and says the partners are told.
    let ask = page.get(&end).await;
    assert_eq!(ask.status, StatusCode::OK, "{}", ask.body);
    ask.assert_has("Amara Idva");
    ask.assert_has("support for this victim?");
    ask.assert_has("told who to contact now");
    let ended = page.submit(&end, &[("ends_on", &today)]).await;
    let done = format!("/cases/{case}?done=assignment-ended");
    assert_eq!(ended.location(), Some(done.as_str()), "{}", ended.body);
    page.get(&done)
        .await
        .assert_has("The assignment has been ended.");

    // A single point of contact needs the date of the agreement.
    let assign = format!("/victims/{victim}/assignments/new?case={case}");
    let refused = page
        .submit(
            &assign,
            &[
                ("supporter_id", &ben_id),
                ("role", "isva"),
                ("starts_on", &today),
                ("spoc", "yes"),
            ],
        )
        .await;
    assert_eq!(
        refused.status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "{}",
        refused.body
    );
    refused.assert_has("href=\"#spoc_agreed_on\"");
    // Ben takes over tomorrow, as her single point of contact.
    let assigned = page
        .submit(
            &assign,
            &[
                ("supporter_id", &ben_id),
                ("role", "isva"),
                ("starts_on", &tomorrow),
                ("spoc", "yes"),
                ("spoc_agreed_on", &today),
            ],
        )
        .await;
    let done = format!("/cases/{case}?done=supporter-assigned");
    assert_eq!(
        assigned.location(),
        Some(done.as_str()),
        "{}",
        assigned.body
    );

    // The API holds what the pages did.
    let after = assignments_of(&app, &maya, &victim).await;
    let mut want = vec![
        (
            amara_id.clone(),
            true,
            before[0].2.clone(),
            Some(today.clone()),
        ),
        (ben_id.clone(), true, tomorrow.clone(), None),
    ];
    want.sort();
    assert_eq!(after, want);
    // Audited as the manager's update and create, like the API's.
    let made = app
        .find_id(
            &format!("/api/v1/supporter-assignments?victim_id={victim}"),
            &maya,
            "supporter_id",
            &ben_id,
        )
        .await;
    let maya_id = app.user_id(&maya).await;
    assert_eq!(
        audit_of(&app, "supporter-assignments", &amaras),
        [("update".to_string(), Some(maya_id.clone()))]
    );
    assert_eq!(
        audit_of(&app, "supporter-assignments", &made),
        [("create".to_string(), Some(maya_id))]
    );

    // Tomorrow, a supporter changes only their own: Ben sees no links to
    // Amara's, and Amara no longer sees the case.
    app.clock.set(test_now() + chrono::Duration::days(1));
    let mut amaras_page = Browser::signed_in(&app.base, AMARA).await;
    assert_eq!(
        amaras_page.get(&format!("/cases/{case}")).await.status,
        StatusCode::NOT_FOUND
    );
    let mut bens = Browser::signed_in(&app.base, BEN).await;
    let his = bens.get(&format!("/cases/{case}")).await;
    assert_eq!(his.status, StatusCode::OK, "{}", his.body);
    his.assert_lacks(&format!("/assignments/{amaras}/"));
    his.assert_has(&format!("/assignments/{made}/edit"));
    app.stop().await;
}

/// Updates on the day from the hearing's page (issue 19, item 3): the
/// supporter records who the victim wants told and an update, is told who
/// was not sent a message and why, sees the day's updates newest first (UK
/// time) on the page and on her week; the Witness Service records one from
/// the same page; others are refused.
#[actix_web::test]
async fn updates_on_the_day_are_recorded_on_the_hearings_page_and_shown_on_the_week() {
    let app = TestApp::spawn().await;
    let wendy = app.login(WENDY).await;
    let ben = app.login(BEN).await;
    let (case, trial) = leeds_trial(&app, &wendy).await;
    let victim = app
        .find_id("/api/v1/victims", &ben, "reference", "V-1002")
        .await;
    app.create(
        "/api/v1/consents",
        &ben,
        serde_json::json!({"victim_id": victim, "scope": "witness_service_referral",
                           "given_at": "2026-03-20T11:00:00Z"}),
    )
    .await;
    let path = format!("/hearings/{trial}/trial-updates");

    // Before the day: the page, no form to record, the case page links it.
    let mut page = Browser::signed_in(&app.base, BEN).await;
    page.get(&format!("/cases/{case}"))
        .await
        .assert_has(&format!("href=\"{path}\""));
    let before = page.get(&path).await;
    assert_eq!(before.status, StatusCode::OK, "{}", before.body);
    before.assert_has("Today is not one of its court days.");
    before.assert_lacks("Record the update");

    // The trial day, 10:15 GMT.
    app.clock.set("2026-03-27T10:15:00Z".parse().unwrap());
    let mut page = Browser::signed_in(&app.base, BEN).await;
    let day = page.get(&path).await;
    day.assert_has("Record the update");
    day.assert_has("type=\"radio\"");
    day.assert_has("value=\"adjourned_to_next_day\"");
    // Nothing chosen: a sentence linked to its field.
    let refused = page.submit(&path, &[("note", "waiting")]).await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    refused.assert_has("href=\"#kind\"");
    refused.assert_has("Select what is happening");

    // Recorded before she said who she wants told: the page says nobody
    // was sent a message, and why.
    let done = page
        .submit(
            &path,
            &[("kind", "giving_evidence"), ("told_in_person", "victim")],
        )
        .await;
    assert_eq!(done.status, StatusCode::SEE_OTHER, "{}", done.body);
    let shown = page.get(done.location().unwrap()).await;
    shown.assert_has("The update has been recorded.");
    shown.assert_has("No message was sent: she has not asked for trial-progress messages.");
    let list = &shown.body[shown.body.find("Updates so far, newest first").unwrap()..];
    assert!(list.contains("She is giving evidence"), "{list}");
    assert!(list.contains("10:15am"), "{list}");
    assert!(list.contains("Told in person: The victim"), "{list}");

    // Who she wants told, from the same page: a contact without her
    // consent is not messaged, and the page says so.
    let at = format!("{path}/preference");
    let token = page.get(&path).await.csrf();
    let refused = page
        .post(
            &at,
            &[
                ("csrf_token", token.as_str()),
                ("to_victim", "yes"),
                ("contact_name", "Sam"),
                ("contact_email", "not an address"),
            ],
        )
        .await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    refused.assert_has("href=\"#contact_email\"");
    let saved = page
        .post(
            &at,
            &[
                ("csrf_token", token.as_str()),
                ("to_victim", "yes"),
                ("contact_name", "Sam"),
                ("contact_email", "sam.contact@example.org"),
            ],
        )
        .await;
    assert_eq!(saved.status, StatusCode::SEE_OTHER, "{}", saved.body);
    app.clock.set("2026-03-27T13:45:00Z".parse().unwrap());
    let done = page.submit(&path, &[("kind", "jury_out")]).await;
    assert_eq!(done.status, StatusCode::SEE_OTHER, "{}", done.body);
    let shown = page.get(done.location().unwrap()).await;
    shown.assert_has(
        "Her chosen contact was not sent a message: her consent to tell them is not in force.",
    );
    shown.assert_has("Message to the victim");
    // Newest first.
    let list = &shown.body[shown.body.find("Updates so far, newest first").unwrap()..];
    let jury = list.find("The jury is out").unwrap();
    let evidence = list.find("She is giving evidence").unwrap();
    assert!(jury < evidence, "newest first");
    // The API sees the same updates.
    let (status, list) = app
        .get(
            &format!("/api/v1/hearings/{trial}/trial-updates"),
            &app.login(BEN).await,
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{list}");
    assert_eq!(list["items"][0]["kind"], "jury_out");
    assert_eq!(list["items"][0]["messaged"], serde_json::json!(["victim"]));

    // Her week shows the day's updates under the hearing.
    let week = page.get("/week?from=2026-03-27").await;
    week.assert_has("Updates on the day");
    week.assert_has("1:45pm: The jury is out");
    week.assert_has(&format!("href=\"{path}\""));

    // The Witness Service at the court records one from the same page and
    // sees the day's updates on its week.
    let mut wes = Browser::signed_in(&app.base, WES).await;
    let form = wes.get(&path).await;
    assert_eq!(form.status, StatusCode::OK, "{}", form.body);
    form.assert_lacks("Who she wants told");
    let done = wes.submit(&path, &[("kind", "verdict")]).await;
    assert_eq!(done.status, StatusCode::SEE_OTHER, "{}", done.body);
    let week = wes.get("/week?from=2026-03-27").await;
    week.assert_has("The verdict has been given");

    // Others: 403 by role, 404 outside reach.
    let mut officer = Browser::signed_in(&app.base, WENDY).await;
    assert_eq!(officer.get(&path).await.status, StatusCode::FORBIDDEN);
    let mut amara = Browser::signed_in(&app.base, AMARA).await;
    assert_eq!(amara.get(&path).await.status, StatusCode::NOT_FOUND);
    app.stop().await;
}

#[actix_web::test]
async fn a_risk_meeting_is_added_from_the_case_page_and_its_deadline_is_on_my_week() {
    let app = TestApp::spawn().await;
    let ben = app.login(BEN).await;
    let wendy = app.login(WENDY).await;
    let case = app
        .find_id("/api/v1/cases", &wendy, "urn", "13CD7654321")
        .await;
    let victim = app
        .find_id("/api/v1/victims", &ben, "reference", "V-1002")
        .await;
    let list = format!("/victims/{victim}/risk-meetings");

    // The case page links it for the supporter, not the officer.
    let mut page = Browser::signed_in(&app.base, BEN).await;
    page.get(&format!("/cases/{case}"))
        .await
        .assert_has(&format!("href=\"{list}\""));
    let mut officer = Browser::signed_in(&app.base, WENDY).await;
    officer
        .get(&format!("/cases/{case}"))
        .await
        .assert_lacks("risk-meetings");
    assert_eq!(officer.get(&list).await.status, StatusCode::FORBIDDEN);

    // Nothing chosen, a date that is not one: sentences linked to fields.
    let refused = page
        .submit(&list, &[("meeting_date", "31/02/2026"), ("panel", "")])
        .await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    refused.assert_has("href=\"#kind\"");
    refused.assert_has("Choose MARAC or MAPPA");
    refused.assert_has("href=\"#meeting_date\"");
    // 01:30 on 29 March 2026 does not exist in London.
    let gap = page
        .submit(
            &list,
            &[
                ("kind", "marac"),
                ("meeting_date", "2026-03-29"),
                ("meeting_time", "01:30"),
                ("panel", "Leeds MARAC"),
            ],
        )
        .await;
    assert_eq!(gap.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", gap.body);
    gap.assert_has("href=\"#meeting_time\"");

    // Added: the meeting's page says when the referral form is due.
    let added = page
        .submit(
            &list,
            &[
                ("kind", "marac"),
                ("meeting_date", "2026-04-02"),
                ("meeting_time", "10:00"),
                ("panel", "Leeds MARAC"),
            ],
        )
        .await;
    assert_eq!(added.status, StatusCode::SEE_OTHER, "{}", added.body);
    let at = added.location().unwrap().to_string();
    let meeting = page.get(&at).await;
    meeting.assert_has("The meeting has been added");
    meeting.assert_has("Thursday 26 March 2026");
    meeting.assert_has("Actions can be recorded once the meeting has taken place.");
    page.get(&list).await.assert_has("MARAC meeting");

    // My week: the deadline in its week, the meeting in the next.
    let week = page.get("/week?from=2026-03-23").await;
    week.assert_has("Referral form or update due for a risk meeting");
    page.get("/week?from=2026-03-30")
        .await
        .assert_has("Leeds MARAC");

    // Someone saved first: the stale form says so and saves nothing.
    let path = at.split('?').next().unwrap().to_string();
    let token = page.get(&path).await.csrf();
    let stale = page
        .post(
            &path,
            &[
                ("csrf_token", token.as_str()),
                ("version", "0"),
                ("kind", "mappa"),
                ("meeting_date", "2026-04-09"),
                ("meeting_time", "10:00"),
                ("panel", "Leeds MAPPA"),
            ],
        )
        .await;
    assert_eq!(stale.status, StatusCode::UNPROCESSABLE_ENTITY);
    stale.assert_has("Someone saved this meeting first");
    let (_, listed) = app
        .get(&format!("/api/v1/victims/{victim}/risk-meetings"), &ben)
        .await;
    assert_eq!(listed["items"][0]["kind"], "marac");

    // Called off: cancelling asks first, then withdraws her paperwork and
    // takes it off her week; the meeting stays on the list as cancelled.
    let shown = page.get(&path).await;
    let cancel = format!("{path}/cancel");
    shown.assert_has(&format!("href=\"{cancel}\""));
    let asked = page.get(&cancel).await;
    assert_eq!(asked.status, StatusCode::OK, "{}", asked.body);
    asked.assert_has("Cancel the MARAC meeting?");
    asked.assert_has("Your paperwork deadline and task for it are withdrawn");
    let gone = page.submit(&cancel, &[]).await;
    assert_eq!(gone.status, StatusCode::SEE_OTHER, "{}", gone.body);
    let after = page.get(gone.location().unwrap()).await;
    after.assert_has("The meeting has been cancelled.");
    after.assert_has("no paperwork is due");
    after.assert_lacks("Save the meeting");
    page.get("/week?from=2026-03-23")
        .await
        .assert_lacks("Referral form or update due for a risk meeting");
    page.get("/week?from=2026-03-30")
        .await
        .assert_lacks("Leeds MARAC");
}

#[actix_web::test]
async fn an_isva_records_the_cps_meeting_from_the_case_page() {
    let app = TestApp::spawn().await;
    let ben = app.login(BEN).await;
    let case = case_of(&app, &ben, "V-1002").await;
    let mut page = Browser::signed_in(&app.base, BEN).await;

    // The case is recorded as a rape case from its change form.
    let edit = format!("/cases/{case}/edit");
    let changed = page
        .submit(
            &edit,
            &[
                ("kind", "criminal"),
                ("urn", "13CD7654321"),
                ("offence_group", "rape_or_serious_sexual_offence"),
            ],
        )
        .await;
    assert_eq!(
        changed.location(),
        Some(format!("/cases/{case}?done=case-changed").as_str()),
        "{}",
        changed.body
    );
    let shown = page.get(&format!("/cases/{case}")).await;
    shown.assert_has("The CPS meeting before trial");
    shown.assert_has("ask whether she wants you there");
    let form = format!("/cases/{case}/cps-meeting");
    shown.assert_has(&form);

    // Nothing chosen, and a date with no time: said in words.
    let refused = page.submit(&form, &[("meeting_date", "31/03/2026")]).await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    refused.assert_has("There is a problem");
    refused.assert_has("Choose whether she wants you invited");
    refused.assert_has("Enter the meeting&#x27;s time as well as its date");

    // She wants Ben there on Tuesday 31 March at 14:30 (BST): saved, but
    // the CPS cannot be told until she agrees he may be identified.
    let saved = page
        .submit(
            &form,
            &[
                ("supporter_invited", "wanted"),
                ("offered_on", "20/03/2026"),
                ("meeting_date", "31/03/2026"),
                ("meeting_time", "14:30"),
            ],
        )
        .await;
    let done = format!("/cases/{case}?done=cps-meeting-saved-not-told#cps-meeting");
    assert_eq!(saved.location(), Some(done.as_str()), "{}", saved.body);
    let after = page.get(&done).await;
    after.assert_has("her wish was not passed to the CPS");
    after.assert_has("She wants her supporter invited.");
    after.assert_has("31 March 2026");
    let (_, m) = app
        .get(&format!("/api/v1/cases/{case}/cps-meeting"), &ben)
        .await;
    assert_eq!(m["meeting_at"], "2026-03-31T13:30:00Z", "{m}");
    assert_eq!(m["version"], 1);

    // The form opens with what is stored; the officer sees the line but
    // has no form.
    let again = page.get(&form).await;
    again.assert_has("value=\"14:30\"");
    let mut wendy = Browser::signed_in(&app.base, WENDY).await;
    let officer = wendy.get(&format!("/cases/{case}")).await;
    officer.assert_has("She wants her supporter invited.");
    officer.assert_lacks(&form);
    assert_eq!(wendy.get(&form).await.status, StatusCode::FORBIDDEN);
}

#[actix_web::test]
async fn court_staff_set_their_courts_booking_lead_time_from_home() {
    let app = TestApp::spawn().await;
    let mut cora = Browser::signed_in(&app.base, CORA).await;
    let home = cora.get("/").await;
    home.assert_has("/court/booking-lead-time");
    let form = cora.get("/court/booking-lead-time").await;
    assert_eq!(form.status, StatusCode::OK, "{}", form.body);
    form.assert_has("Leeds Combined Court Centre");
    form.assert_has("the service&#x27;s default of 5 working days applies");

    let refused = cora
        .submit(
            "/court/booking-lead-time",
            &[("short_notice_working_days", "40")],
        )
        .await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    refused.assert_has("Enter a whole number of working days from 1 to 30");

    let saved = cora
        .submit(
            "/court/booking-lead-time",
            &[("short_notice_working_days", "10")],
        )
        .await;
    assert_eq!(
        saved.location(),
        Some("/court/booking-lead-time?done=saved"),
        "{}",
        saved.body
    );
    cora.get("/court/booking-lead-time?done=saved")
        .await
        .assert_has("Your court asks for 10 working days");
    let token = app.login(CORA).await;
    let court = app.court_id(&token, "Leeds Combined Court Centre").await;
    let (_, out) = app
        .get(
            &format!("/api/v1/courts/{court}/court-need-settings"),
            &token,
        )
        .await;
    assert_eq!(out["short_notice_working_days"], 10);

    // A supporter has no such page.
    let mut ben = Browser::signed_in(&app.base, BEN).await;
    assert_eq!(
        ben.get("/court/booking-lead-time").await.status,
        StatusCode::FORBIDDEN
    );
}

#[actix_web::test]
async fn the_officer_sees_on_the_case_page_that_a_hearing_is_too_soon_to_book_her_needs() {
    let app = TestApp::spawn().await;
    let ben = app.login(BEN).await;
    let wendy = app.login(WENDY).await;
    let victim = app
        .give_consents(&ben, "V-1002", &["witness_service_referral"])
        .await;
    let (_, consents) = app
        .get(&format!("/api/v1/consents?victim_id={victim}"), &ben)
        .await;
    let referral = consents["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["scope"] == "witness_service_referral")
        .unwrap()["id"]
        .as_str()
        .unwrap()
        .to_string();
    let (status, out) = app
        .post(
            &format!("/api/v1/victims/{victim}/court-needs"),
            &ben,
            serde_json::json!({"kind": "bsl_interpreter", "consent_id": referral}),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "{out}");
    // A mention on Wednesday 25 March: three working days from Friday 20th.
    let case = case_of(&app, &wendy, "V-1002").await;
    let court = app.court_id(&wendy, "Leeds Magistrates' Court").await;
    app.create(
        "/api/v1/hearings",
        &wendy,
        serde_json::json!({"case_id": case, "kind": "mention", "court_id": court,
                           "starts_at": "2026-03-25T10:00:00+00:00", "estimated_minutes": 30}),
    )
    .await;
    let mut page = Browser::signed_in(&app.base, WENDY).await;
    let shown = page.get(&format!("/cases/{case}")).await;
    shown.assert_has("Warnings");
    shown.assert_has("The hearing on Wednesday 25 March 2026 is 3 working days away; the court asks for 5 to book her needs at court (a British Sign Language interpreter). Book them with the court at once.");
    shown.assert_lacks("hearing_soon_for_needs");

    // The officer's inbox gathers it with the others across her cases,
    // linked to the case; the home page says how many there are.
    let home = page.get("/").await;
    home.assert_has("href=\"/inbox\"");
    home.assert_has("needs your attention:");
    let inbox = page.get("/inbox").await;
    assert_eq!(inbox.status, StatusCode::OK, "{}", inbox.body);
    inbox.assert_has("<h1 class=\"heading-l\">Needs your attention</h1>");
    inbox.assert_has("The hearing on Wednesday 25 March 2026 is 3 working days away; the court asks for 5 to book her needs at court (a British Sign Language interpreter). Book them with the court at once.");
    inbox.assert_has(&format!("href=\"/cases/{case}#warnings\""));
    inbox.assert_has("requests are waiting for you to confirm");
    inbox.assert_lacks("hearing_soon_for_needs");
    // A witness service officer reaches none of that case's warnings.
    let mut wes = Browser::signed_in(&app.base, WES).await;
    let theirs = wes.get("/inbox").await;
    assert_eq!(theirs.status, StatusCode::OK, "{}", theirs.body);
    theirs.assert_lacks("British Sign Language");
}

#[actix_web::test]
async fn the_officer_records_an_agency_update_from_the_case_page() {
    let app = TestApp::spawn().await;
    let wendy = app.login(WENDY).await;
    let case = case_of(&app, &wendy, "V-1001").await;
    let mut page = Browser::signed_in(&app.base, WENDY).await;
    let shown = page.get(&format!("/cases/{case}")).await;
    let form = format!("/cases/{case}/updates/new");
    shown.assert_has(&form);

    let refused = page.submit(&form, &[]).await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    refused.assert_has("Choose what the update is about");

    let (_, before) = app
        .get(
            &format!("/api/v1/notices?case_id={case}&per_page=200"),
            &wendy,
        )
        .await;
    let count = |list: &Value, template: &str| {
        list["items"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|n| n["template"] == template)
            .count()
    };
    let saved = page.submit(&form, &[("topic", "case_progress")]).await;
    let done = format!("/cases/{case}?done=update-recorded");
    assert_eq!(saved.location(), Some(done.as_str()), "{}", saved.body);
    page.get(&done).await.assert_has("Update recorded.");
    // Through her single point of contact: the supporter is sent it.
    let (_, after) = app
        .get(
            &format!("/api/v1/notices?case_id={case}&per_page=200"),
            &wendy,
        )
        .await;
    assert_eq!(
        count(&after, "update.supporter"),
        count(&before, "update.supporter") + 1,
        "{after}"
    );

    // A supporter has no such form.
    let mut amara = Browser::signed_in(&app.base, AMARA).await;
    assert_eq!(amara.get(&form).await.status, StatusCode::FORBIDDEN);
    amara
        .get(&format!("/cases/{case}"))
        .await
        .assert_lacks(&form);
}

/// Issue 19, item 6: a protective order recorded, changed and ended from the
/// case's "Protective orders and after the outcome" page, with readable
/// errors; its reminder on My week; a decision and the compensation date
/// recorded from the same page.
#[actix_web::test]
async fn protective_orders_and_what_follows_the_outcome_are_kept_from_the_case_page() {
    let app = TestApp::spawn().await;
    let amara = app.login(AMARA).await;
    let case = app
        .find_id("/api/v1/cases", &amara, "urn", "13AB1234526")
        .await;
    let path = format!("/cases/{case}/after-outcome");
    let mut b = Browser::signed_in(&app.base, AMARA).await;
    let case_page = b.get(&format!("/cases/{case}")).await;
    case_page.assert_has(&format!("href=\"{path}\""));
    case_page.assert_has("No protective order in force is recorded.");

    let add = format!("/cases/{case}/protective-orders");
    // Nothing chosen: sentences linked to their fields.
    let refused = after_outcome_post(&mut b, &path, &add, &[("made_on", "")]).await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    refused.assert_has("href=\"#kind\"");
    refused.assert_has("Choose what kind of order it is");
    refused.assert_has("href=\"#made_on\"");
    // An end before the making: the use case's check, in words.
    let refused = after_outcome_post(
        &mut b,
        &path,
        &add,
        &[
            ("kind", "occupation"),
            ("made_on", "2026-03-02"),
            ("ends_on", "2026-03-01"),
        ],
    )
    .await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    refused.assert_has("href=\"#ends_on\"");
    refused.assert_has("cannot be before the day the order was made");
    refused.assert_lacks("ends_on:");

    let done = after_outcome_post(
        &mut b,
        &path,
        &add,
        &[
            ("kind", "non_molestation"),
            ("made_on", "2026-03-02"),
            ("ends_on", "2026-03-30"),
            ("note", "Seen near the school"),
        ],
    )
    .await;
    assert_eq!(done.status, StatusCode::SEE_OTHER, "{}", done.body);
    let shown = b.get(done.location().unwrap()).await;
    shown.assert_has("The protective order has been recorded.");
    shown.assert_has("Non-molestation order");
    shown.assert_has("Monday 30 March 2026");
    shown.assert_has("In force");
    b.get(&format!("/cases/{case}"))
        .await
        .assert_has("<strong>Non-molestation order</strong>, in force, ends Monday 30 March 2026.");
    // My week: the talk is due today, the deadline (23 March) next week.
    let week = b.get("/week").await;
    week.assert_has("Talk to the victim about renewing or extending the order");
    b.get("/week?from=2026-03-23")
        .await
        .assert_has("Renewing the protective order discussed");

    // Changing it from a stale page: nothing saved, the stored details shown.
    let (_, list) = app
        .get(&format!("/api/v1/cases/{case}/protective-orders"), &amara)
        .await;
    let order = list["items"][0]["id"].as_str().unwrap().to_string();
    let edit = format!("/protective-orders/{order}/edit");
    let form = b.get(&edit).await;
    // The stored end date fills the three date boxes.
    form.assert_has("name=\"ends_on-day\" type=\"text\" inputmode=\"numeric\" value=\"30\"");
    form.assert_has("name=\"ends_on-month\" type=\"text\" inputmode=\"numeric\" value=\"3\"");
    form.assert_has("name=\"ends_on-year\" type=\"text\" inputmode=\"numeric\" value=\"2026\"");
    let token = form.csrf();
    let stale = b
        .post(
            &edit,
            &[
                ("csrf_token", token.as_str()),
                ("version", "9"),
                ("kind", "non_molestation"),
                ("made_on", "2026-03-02"),
                ("ends_on", "2026-04-30"),
            ],
        )
        .await;
    assert_eq!(stale.status, StatusCode::CONFLICT, "{}", stale.body);
    stale.assert_has("Someone else changed this order after you opened this page");
    let changed = b
        .submit(
            &edit,
            &[
                ("kind", "non_molestation"),
                ("made_on", "2026-03-02"),
                ("ends_on", "2026-04-30"),
            ],
        )
        .await;
    assert_eq!(changed.status, StatusCode::SEE_OTHER, "{}", changed.body);
    b.get(changed.location().unwrap())
        .await
        .assert_has("Thursday 30 April 2026");

    // Ending it asks first, then says so.
    let end = format!("/protective-orders/{order}/end");
    b.get(&end)
        .await
        .assert_has("Are you sure this order has ended?");
    let refused = b.submit(&end, &[("ended_on", "2026-03-19")]).await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    refused.assert_has("href=\"#how\"");
    let ended = b
        .submit(&end, &[("how", "discharged"), ("ended_on", "2026-03-19")])
        .await;
    assert_eq!(ended.status, StatusCode::SEE_OTHER, "{}", ended.body);
    let shown = b.get(ended.location().unwrap()).await;
    shown.assert_has("Its reminders have stopped.");
    shown.assert_has("Discharged by the court on Thursday 19 March 2026");

    // A decision: the police do not stop cases; the CPS does, and the
    // limits are shown.
    let decide = format!("/cases/{case}/review-decisions");
    let refused = after_outcome_post(
        &mut b,
        &path,
        &decide,
        &[
            ("decided_by", "police"),
            ("decision", "discontinued"),
            ("told_on", "2026-03-18"),
        ],
    )
    .await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    refused.assert_has("href=\"#decision\"");
    refused.assert_has("stopping a charged case is the CPS");
    let done = after_outcome_post(
        &mut b,
        &path,
        &decide,
        &[
            ("decided_by", "cps"),
            ("decision", "no_evidence_offered"),
            ("told_on", "2026-03-18"),
        ],
    )
    .await;
    assert_eq!(done.status, StatusCode::SEE_OTHER, "{}", done.body);
    let shown = b.get(done.location().unwrap()).await;
    shown.assert_has("For a prompt review, ask by Wednesday 1 April 2026.");
    shown.assert_has("Last day to ask: Thursday 18 June 2026.");
    shown.assert_has("The case was closed when this was recorded.");

    // The incident date for compensation.
    let done = after_outcome_post(
        &mut b,
        &path,
        &format!("/cases/{case}/compensation"),
        &[("incident_on", "2024-05-01")],
    )
    .await;
    assert_eq!(done.status, StatusCode::SEE_OTHER, "{}", done.body);
    b.get(done.location().unwrap())
        .await
        .assert_has("The last day to apply is Friday 1 May 2026");

    // Roles: the manager may not open it; another supporter does not reach it.
    let mut maya = Browser::signed_in(&app.base, MAYA).await;
    assert_eq!(maya.get(&path).await.status, StatusCode::FORBIDDEN);
    let mut ben = Browser::signed_in(&app.base, BEN).await;
    assert_eq!(ben.get(&path).await.status, StatusCode::NOT_FOUND);
    app.stop().await;
}

/// Posts one of the after-outcome page's forms (the page has several).
async fn after_outcome_post(
    b: &mut Browser,
    page: &str,
    to: &str,
    fields: &[(&str, &str)],
) -> ui_support::Page {
    let form = b.get(page).await;
    assert_eq!(form.status, StatusCode::OK, "GET {page}: {}", form.body);
    let token = form.csrf();
    let mut all = vec![("csrf_token", token.as_str())];
    all.extend_from_slice(fields);
    b.post(to, &all).await
}

#[actix_web::test]
async fn a_statement_appointment_is_booked_from_the_case_page_with_supporters_for_before_and_after()
{
    let app = TestApp::spawn().await;
    let ben = app.login(BEN).await;
    let amara = app.login(AMARA).await;
    let wendy = app.login(WENDY).await;
    let maya = app.login(MAYA).await;
    let (ben_id, amara_id, wendy_id) = (
        app.user_id(&ben).await,
        app.user_id(&amara).await,
        app.user_id(&wendy).await,
    );
    let case = app
        .find_id("/api/v1/cases", &wendy, "urn", "13CD7654321")
        .await;
    let victim = app
        .find_id("/api/v1/victims", &ben, "reference", "V-1002")
        .await;
    let (status, out) = app
        .post(
            "/api/v1/supporter-assignments",
            &maya,
            serde_json::json!({"victim_id": victim, "supporter_id": amara_id,
                               "role": "idva", "starts_on": "2026-03-20"}),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "{out}");
    let list = format!("/cases/{case}/statement-appointments");

    // The case page links it for the supporter and the officer.
    let mut page = Browser::signed_in(&app.base, BEN).await;
    page.get(&format!("/cases/{case}"))
        .await
        .assert_has(&format!("href=\"{list}\""));
    let mut officer = Browser::signed_in(&app.base, WENDY).await;
    officer
        .get(&format!("/cases/{case}"))
        .await
        .assert_has(&format!("href=\"{list}\""));
    let mut court = Browser::signed_in(&app.base, CORA).await;
    assert_eq!(court.get(&list).await.status, StatusCode::FORBIDDEN);

    // Nothing chosen: sentences linked to the fields.
    let refused = page.submit(&list, &[("place", "")]).await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    refused.assert_has("href=\"#kind\"");
    refused.assert_has("href=\"#appointment_date\"");
    refused.assert_has("href=\"#officer_id\"");
    refused.assert_has("Choose the supporter booked for before and after");
    let form = |date: &'static str, time: &'static str, alt: &str| {
        vec![
            ("kind", "abe_interview".to_string()),
            ("appointment_date", date.to_string()),
            ("appointment_time", time.to_string()),
            ("place", "Elland Road Police Station".to_string()),
            ("officer_id", wendy_id.clone()),
            ("supporter_id", ben_id.clone()),
            ("alternative_supporter_id", alt.to_string()),
        ]
    };
    // 01:30 on Sunday 29 March 2026 does not exist in London.
    let gap = form("2026-03-29", "01:30", &amara_id);
    let gap: Vec<(&str, &str)> = gap.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let gap = page.submit(&list, &gap).await;
    assert_eq!(gap.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", gap.body);
    gap.assert_has("href=\"#appointment_time\"");
    // The same supporter twice.
    let same = form("2026-03-30", "10:00", &ben_id);
    let same: Vec<(&str, &str)> = same.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let same = page.submit(&list, &same).await;
    assert_eq!(
        same.status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "{}",
        same.body
    );
    same.assert_has("href=\"#alternative_supporter_id\"");

    // Booked: the page names the people and the reminders.
    let good = form("2026-03-30", "10:00", &amara_id);
    let good: Vec<(&str, &str)> = good.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let added = page.submit(&list, &good).await;
    assert_eq!(added.status, StatusCode::SEE_OTHER, "{}", added.body);
    let at = added.location().unwrap().to_string();
    let booked = page.get(&at).await;
    booked.assert_has("The appointment has been booked");
    booked.assert_has("Monday 30 March 2026");
    booked.assert_has("Thursday 26 March 2026");
    booked.assert_has("Amara Idva");
    booked.assert_has("(not in the room)");
    page.get(&list)
        .await
        .assert_has("ABE (video-recorded) interview");

    // My week: the supporter's and the officer's.
    page.get("/week?from=2026-03-30")
        .await
        .assert_has("You are booked for before and after");
    officer
        .get("/week?from=2026-03-30")
        .await
        .assert_has("You are the officer");

    // Withdrawn from its page.
    let path = at.split('?').next().unwrap().to_string();
    let token = page.get(&path).await.csrf();
    let stale = page
        .post(
            &format!("{path}/cancel"),
            &[("csrf_token", token.as_str()), ("version", "0")],
        )
        .await;
    assert_eq!(stale.status, StatusCode::UNPROCESSABLE_ENTITY);
    stale.assert_has("Someone saved this appointment first");
    let gone = page
        .post(
            &format!("{path}/cancel"),
            &[("csrf_token", token.as_str()), ("version", "1")],
        )
        .await;
    assert_eq!(gone.status, StatusCode::SEE_OTHER, "{}", gone.body);
    page.get(&path).await.assert_has("Withdrawn: no reminders");
    page.get("/week?from=2026-03-30")
        .await
        .assert_lacks("You are booked for before and after");
}

#[actix_web::test]
async fn the_supporter_records_a_childs_parent_and_an_exclusion_on_her_page() {
    let app = TestApp::spawn().await;
    let ben = app.login(BEN).await;
    let victim = app
        .find_id("/api/v1/victims", &ben, "reference", "V-1002")
        .await;
    let path = format!("/victims/{victim}/responsible-adults");
    let mut page = Browser::signed_in(&app.base, BEN).await;
    // Not a child yet: no link from the list, and the page says why
    // nobody is told.
    let list = page.get("/victims").await;
    assert!(!list.body.contains(&path), "{}", list.body);
    mark_child(&app, &ben, &victim).await;
    page.get("/victims").await.assert_has(&path);
    let empty = page.get(&path).await;
    assert_eq!(empty.status, StatusCode::OK, "{}", empty.body);
    empty.assert_has("No parent, guardian or appropriate adult is recorded");
    empty.assert_has("record her consent to send her responsible adults");

    // A bad address: the form again, with the problem by its field.
    let refused = page
        .submit(
            &path,
            &[
                ("name", "Pat Parent"),
                ("relationship", "parent"),
                ("email", "not an address"),
            ],
        )
        .await;
    assert_eq!(
        refused.status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "{}",
        refused.body
    );
    refused.assert_has("There is a problem");
    refused.assert_has("href=\"#email\"");
    let added = page
        .submit(
            &path,
            &[
                ("name", "Pat Parent"),
                ("relationship", "parent"),
                ("email", "pat.parent@example.org"),
            ],
        )
        .await;
    let done = format!("{path}?done=added");
    assert_eq!(added.location(), Some(done.as_str()), "{}", added.body);
    let shown = page.get(&done).await;
    shown.assert_has("The responsible adult has been recorded.");
    shown.assert_has("Pat Parent");
    // The API sees the same record.
    let (status, out) = app
        .get(
            &format!("/api/v1/victims/{victim}/responsible-adults"),
            &ben,
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{out}");
    let id = out["items"][0]["id"].as_str().unwrap().to_string();

    // The court excludes them: the page says they are never told.
    let exclude = format!("{path}/{id}/exclude");
    shown.assert_has(&exclude);
    let csrf = hidden(&shown.body, "csrf_token").expect("a token");
    let excluded = page
        .post(
            &exclude,
            &[
                ("csrf_token", &csrf),
                ("version", "1"),
                ("excluded_by", "court"),
                ("reason", "Order 2026/77"),
            ],
        )
        .await;
    let done = format!("{path}?done=excluded");
    assert_eq!(
        excluded.location(),
        Some(done.as_str()),
        "{}",
        excluded.body
    );
    page.get(&done)
        .await
        .assert_has("Excluded by the court: never told anything");
    let (_, out) = app
        .get(&format!("/api/v1/responsible-adults/{id}"), &ben)
        .await;
    assert_eq!(out["excluded_by"], "court");

    // Other roles: the victim liaison officer may not see the page.
    let mut victor = Browser::signed_in(&app.base, VICTOR).await;
    assert_ne!(victor.get(&path).await.status, StatusCode::OK);
    app.stop().await;
}

#[actix_web::test]
async fn a_supporter_finds_a_case_by_reference_and_hearing_day() {
    let app = TestApp::spawn().await;
    let api = app.login(AMARA).await;
    let mut amara = Browser::signed_in(&app.base, AMARA).await;
    let case = app
        .find_id("/api/v1/cases", &api, "urn", "13AB1234526")
        .await;
    let (_, hearings) = app
        .get(&format!("/api/v1/hearings?case_id={case}"), &api)
        .await;
    let starts_at = hearings["items"][0]["starts_at"].as_str().unwrap();
    let day = chrono::DateTime::parse_from_rfc3339(starts_at)
        .unwrap()
        .with_timezone(&chrono_tz::Europe::London)
        .date_naive();
    let boxes = |d: chrono::NaiveDate| {
        use chrono::Datelike;
        format!(
            "hearing_on-day={}&hearing_on-month={}&hearing_on-year={}",
            d.day(),
            d.month(),
            d.year()
        )
    };
    let row = ">13AB1234526</a>";

    // Typed as a person would: part of it, lower case, with a space.
    let found = amara.get("/cases?q=13ab+1234526").await;
    assert_eq!(found.status, StatusCode::OK, "{}", found.body);
    found.assert_has(row);
    found.assert_has("<strong>1 case found</strong>");
    found.assert_has("href=\"/cases\">Clear the search</a>");
    // What was searched stays in the form.
    found.assert_has("value=\"13ab 1234526\"");

    let none = amara.get("/cases?q=99ZZ&status=").await;
    none.assert_lacks(row);
    none.assert_has("<strong>0 cases found</strong>");
    none.assert_has("No case matches");

    // The day of one of its hearings finds it; the next day does not.
    let on_day = amara.get(&format!("/cases?{}", boxes(day))).await;
    on_day.assert_has(row);
    let next_day = amara
        .get(&format!("/cases?{}", boxes(day.succ_opt().unwrap())))
        .await;
    next_day.assert_lacks(row);

    // Closed cases only: it is open.
    amara.get("/cases?status=closed").await.assert_lacks(row);
    amara.get("/cases?status=open").await.assert_has(row);

    // A day that is not a real date: said in words, linked to its box.
    let bad = amara
        .get("/cases?hearing_on-day=31&hearing_on-month=9&hearing_on-year=2026")
        .await;
    assert_eq!(bad.status, StatusCode::OK);
    bad.assert_has("There is a problem");
    bad.assert_has("<li><a href=\"#hearing_on\">Hearing day must be a real date</a></li>");
    bad.assert_has("name=\"hearing_on-day\" type=\"text\" inputmode=\"numeric\" value=\"31\"");
    app.stop().await;
}

#[actix_web::test]
async fn a_manager_sets_reminders_and_a_webhook_and_reads_the_inbox_status_from_settings() {
    let app = TestApp::spawn().await;
    let api = app.login(MAYA).await;
    let org = app
        .find_id(
            "/api/v1/organisations?per_page=200",
            &api,
            "name",
            "Demo Safer Futures IDVA Service",
        )
        .await;
    let rules_path = format!("/api/v1/organisations/{org}/reminder-rules");
    let mut maya = Browser::signed_in(&app.base, MAYA).await;

    // The overview: the defaults in words, email for notices, no inbox.
    let home = maya.get("/").await;
    home.assert_has("href=\"/settings\"");
    let settings = maya.get("/settings").await;
    assert_eq!(settings.status, StatusCode::OK, "{}", settings.body);
    settings.assert_has("The service's default reminders");
    settings.assert_has("Your organisation's notices go by email.");
    settings.assert_has("No inbox folder is set up");
    settings.assert_lacks("Use the service's defaults instead");

    // A row with a mistake: said on its field, nothing saved.
    let bad = maya
        .submit(
            "/settings/reminders",
            &[
                ("r0_days", "400"),
                ("r0_time", "09:00"),
                ("r0_of", "hearing"),
            ],
        )
        .await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", bad.body);
    bad.assert_has(
        "<li><a href=\"#r0_days\">Reminder 1: enter a whole number of days from 0 to 366</a></li>",
    );
    let (_, unchanged) = app.get(&rules_path, &api).await;
    assert_eq!(unchanged["own"], false);

    // Their own: the first default kept with new figures, the rest
    // removed, and one added for the day itself.
    let form = maya.get("/settings/reminders").await;
    let rows: usize = hidden(&form.body, "rows").unwrap().parse().unwrap();
    let mut fields: Vec<(String, String)> = vec![
        ("r0_days".into(), "3".into()),
        ("r0_unit".into(), "working_days".into()),
        ("r0_time".into(), "10:15".into()),
        ("r0_of".into(), "hearing".into()),
        ("r0_of".into(), "pre_trial_visit".into()),
    ];
    for i in 1..rows - 1 {
        fields.push((format!("r{i}_remove"), "yes".into()));
    }
    let last = rows - 1;
    fields.push((format!("r{last}_days"), "0".into()));
    fields.push((format!("r{last}_unit"), "calendar_days".into()));
    fields.push((format!("r{last}_time"), "07:30".into()));
    fields.push((format!("r{last}_of"), "hearing".into()));
    let borrowed: Vec<(&str, &str)> = fields
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect();
    let saved = maya.submit("/settings/reminders", &borrowed).await;
    assert_eq!(saved.status, StatusCode::SEE_OTHER, "{}", saved.body);
    assert_eq!(saved.location(), Some("/settings?done=reminders-saved"));
    let (_, own) = app.get(&rules_path, &api).await;
    assert_eq!(own["own"], true);
    let supporter = own["supporter"].as_array().unwrap();
    assert_eq!(supporter.len(), 2, "{own}");
    assert_eq!(
        supporter[0]["name"], own["defaults"][0]["name"],
        "the kept reminder keeps its name"
    );
    assert_eq!(supporter[0]["days_before"], 3);
    assert_eq!(supporter[0]["local_time"], "10:15:00");
    assert_eq!(supporter[1]["days_before"], 0);
    assert_eq!(supporter[1]["unit"], "calendar_days");
    let after = maya.get("/settings?done=reminders-saved").await;
    after.assert_has("Your reminders have been saved.");
    after.assert_has("3 working days before, at 10:15, for hearings and pre-trial visits");
    after.assert_has("On the day, at 07:30, for hearings");

    // Back to the defaults, from the overview's button.
    let token = after.csrf();
    let reset = maya
        .post(
            "/settings/reminders/defaults",
            &[("csrf_token", token.as_str())],
        )
        .await;
    assert_eq!(reset.status, StatusCode::SEE_OTHER);
    let (_, back) = app.get(&rules_path, &api).await;
    assert_eq!(back["own"], false);

    // A webhook: a plain-http address elsewhere is refused in words; an
    // https one is saved and its secret shown once.
    let refused = maya
        .submit(
            "/settings/webhook",
            &[("url", "http://partner.example/hook")],
        )
        .await;
    assert_eq!(
        refused.status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "{}",
        refused.body
    );
    refused.assert_has("<a href=\"#url\">The address");
    let created = maya
        .submit(
            "/settings/webhook",
            &[("url", "https://partner.example/courtside")],
        )
        .await;
    assert_eq!(created.status, StatusCode::OK, "{}", created.body);
    created.assert_has("Copy your secret key");
    let secret_at =
        created.body.find("id=\"webhook-secret\">").unwrap() + "id=\"webhook-secret\">".len();
    let secret: String = created.body[secret_at..]
        .chars()
        .take_while(|c| *c != '<')
        .collect();
    assert!(secret.len() >= 32, "a secret is shown: {secret}");
    let (_, hooks) = app.get("/api/v1/webhooks", &api).await;
    let live: Vec<&Value> = hooks["items"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|w| w["revoked_at"].is_null())
        .collect();
    assert_eq!(live.len(), 1, "{hooks}");
    assert_eq!(live[0]["url"], "https://partner.example/courtside");
    assert!(
        !hooks.to_string().contains(&secret),
        "the API never shows the secret again"
    );
    let overview = maya.get("/settings").await;
    overview.assert_has("https://partner.example/courtside");
    overview.assert_lacks(&secret);

    // Switching it off asks first, then notices go by email again.
    let confirm = maya.get("/settings/webhook/revoke").await;
    confirm.assert_has("Switch off the webhook?");
    let off = maya.submit("/settings/webhook/revoke", &[]).await;
    assert_eq!(off.status, StatusCode::SEE_OTHER);
    let (_, hooks) = app.get("/api/v1/webhooks", &api).await;
    assert!(hooks["items"]
        .as_array()
        .unwrap()
        .iter()
        .all(|w| !w["revoked_at"].is_null()));
    maya.get("/settings?done=webhook-revoked")
        .await
        .assert_has("Notices for your organisation go by email again.");

    // Not for supporters.
    let mut amara = Browser::signed_in(&app.base, AMARA).await;
    assert_eq!(amara.get("/settings").await.status, StatusCode::FORBIDDEN);
    assert_eq!(
        amara.get("/settings/reminders").await.status,
        StatusCode::FORBIDDEN
    );
    app.stop().await;
}

/// The `page_language` entries in the audit log: (actor, language), oldest
/// first.
fn language_choices(app: &TestApp) -> Vec<(String, String)> {
    use courtside::store::schema::audit_log;
    use diesel::prelude::*;
    let mut conn = app.pool.get().unwrap();
    audit_log::table
        .filter(audit_log::entity.eq("user"))
        .filter(audit_log::category.eq("page_language"))
        .order(audit_log::seq.asc())
        .select((audit_log::actor_user_id, audit_log::language))
        .load::<(Option<String>, Option<String>)>(&mut conn)
        .unwrap()
        .into_iter()
        .map(|(a, l)| (a.unwrap_or_default(), l.unwrap_or_default()))
        .collect()
}

/// The keys a page says fell back to English (its `data-untranslated`).
fn untranslated(body: &str) -> Option<String> {
    let at = body.find("data-untranslated=\"")? + "data-untranslated=\"".len();
    Some(body[at..].split('"').next().unwrap_or_default().to_owned())
}

#[actix_web::test]
async fn the_language_switch_is_remembered_per_person_and_audited() {
    let app = TestApp::spawn().await;

    // Before sign-in the switch sets a cookie only: the sign-in page is
    // then in Welsh, and so is the error on it.
    let mut b = Browser::new(&app.base);
    let sign_in = b.get("/sign-in").await;
    sign_in.assert_has("<html lang=\"en-GB\">");
    sign_in.assert_has("value=\"cy\"");
    let switched = b
        .post(
            "/language",
            &[("csrf_token", &sign_in.csrf()), ("language", "cy")],
        )
        .await;
    assert_eq!(switched.status, StatusCode::SEE_OTHER, "{}", switched.body);
    assert_eq!(
        b.cookies.get("courtside_lang").map(String::as_str),
        Some("cy")
    );
    let welsh = b.get("/sign-in").await;
    welsh.assert_has("<html lang=\"cy\">");
    welsh.assert_has("Mewngofnodi i Courtside");
    welsh.assert_lacks("Sign in to Courtside");
    let wrong = b.sign_in(AMARA, "not-the-password").await;
    wrong.assert_has("Mae problem");
    assert!(
        language_choices(&app).is_empty(),
        "nothing stored before sign-in"
    );

    // Signed in, the cookie's language carries on until the person
    // chooses; the home page and the menu are in Welsh.
    let ok = b.sign_in(AMARA, courtside::seed::DEMO_PASSWORD).await;
    assert_eq!(ok.status, StatusCode::SEE_OTHER, "{}", ok.body);
    let home = b.get("/").await;
    home.assert_has("<html lang=\"cy\">");
    home.assert_has("Fy wythnos");
    assert_eq!(
        untranslated(&home.body),
        None,
        "home: {:?}",
        untranslated(&home.body)
    );

    // A wrong token changes nothing.
    let forged = b
        .post("/language", &[("csrf_token", "0000"), ("language", "en")])
        .await;
    assert_eq!(forged.status, StatusCode::FORBIDDEN);
    assert!(language_choices(&app).is_empty());

    // Choosing English is stored and audited, and the page goes back to
    // where the switch was (the Referer is a same-site page).
    let week = b.get("/week").await;
    let chose = b
        .post(
            "/language",
            &[("csrf_token", &week.csrf()), ("language", "en")],
        )
        .await;
    assert_eq!(chose.status, StatusCode::SEE_OTHER);
    let amara_id = b.get("/").await;
    amara_id.assert_has("<html lang=\"en-GB\">");
    amara_id.assert_has("My week");
    let choices = language_choices(&app);
    assert_eq!(choices.len(), 1, "{choices:?}");
    assert_eq!(choices[0].1, "en");
    let amara = choices[0].0.clone();

    // Then Welsh: remembered for her on another browser with no cookie,
    // but not for anyone else.
    let page = b.get("/week").await;
    b.post(
        "/language",
        &[("csrf_token", &page.csrf()), ("language", "cy")],
    )
    .await;
    let mut elsewhere = Browser::signed_in(&app.base, AMARA).await;
    elsewhere.cookies.remove("courtside_lang");
    let week = elsewhere.get("/week").await;
    week.assert_has("<html lang=\"cy\">");
    week.assert_has("Fy wythnos");
    week.assert_has("Y 7 diwrnod nesaf");
    assert_eq!(
        untranslated(&week.body),
        None,
        "week: {:?}",
        untranslated(&week.body)
    );
    let cases = elsewhere.get("/cases").await;
    cases.assert_has("Achosion rydych yn eu cefnogi");
    assert_eq!(untranslated(&cases.body), None);
    let inbox = elsewhere.get("/inbox").await;
    inbox.assert_has("Angen eich sylw");
    assert_eq!(untranslated(&inbox.body), None);
    let mut ben = Browser::signed_in(&app.base, BEN).await;
    ben.get("/").await.assert_has("<html lang=\"en-GB\">");

    let choices = language_choices(&app);
    assert_eq!(
        choices,
        vec![(amara.clone(), "en".to_owned()), (amara, "cy".to_owned())]
    );
    app.stop().await;
}

/// My week is kept by the instance that worked it out until anything it
/// is made from changes; a change written straight to the database (as
/// another instance would write it) shows on the next look, the names
/// beside the week included.
#[actix_web::test]
async fn my_week_shows_a_change_written_by_another_instance() {
    use courtside::store::schema::{cases, hearings};
    use diesel::prelude::*;
    let app = TestApp::spawn_planned_demo().await;
    let api = app.login(AMARA).await;
    let (status, list) = app.get("/api/v1/hearings?per_page=200", &api).await;
    assert_eq!(status, StatusCode::OK, "{list}");
    let at = |h: &Value| {
        h["starts_at"]
            .as_str()
            .unwrap()
            .parse::<chrono::DateTime<chrono::Utc>>()
            .unwrap()
    };
    let first = list["items"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|h| h["status"] != "vacated")
        .min_by_key(|h| at(h))
        .expect("Amara has a hearing")
        .clone();
    let path = format!(
        "/week?from={}",
        courtside::calendar::london_date(at(&first))
    );
    let mut amara = Browser::signed_in(&app.base, AMARA).await;
    let page = amara.get(&path).await;
    assert_eq!(page.status, StatusCode::OK);
    assert_eq!(amara.get(&path).await.status, StatusCode::OK, "asked again");
    assert!(!page.body.contains("Court 31") && !page.body.contains("URN-CHANGED-1"));

    let mut conn = app.pool.get().unwrap();
    diesel::update(hearings::table.find(first["id"].as_str().unwrap()))
        .set(hearings::courtroom.eq("Court 31"))
        .execute(&mut *conn)
        .unwrap();
    let page = amara.get(&path).await;
    assert!(page.body.contains("Court 31"), "the new room shows");
    diesel::update(cases::table.find(first["case_id"].as_str().unwrap()))
        .set(cases::urn.eq("URN-CHANGED-1"))
        .execute(&mut *conn)
        .unwrap();
    let page = amara.get(&path).await;
    assert!(
        page.body.contains("URN-CHANGED-1"),
        "the case's new reference shows"
    );
    app.stop().await;
}

/// The keys a page says it used (`data-keys`).
fn keys_used(body: &str) -> String {
    let at = body.find("data-keys=\"").expect("the page's record") + "data-keys=\"".len();
    body[at..].split('"').next().unwrap_or_default().to_owned()
}

/// My week's page is drawn once per kept week and language, but what is
/// the session's (the name, the menu, the anti-forgery token in its
/// forms) is each request's own: two sessions of one person, in two
/// languages, and another person asking for the same week, each get their
/// own page, and the same session gets the same page again.
#[actix_web::test]
async fn my_week_is_each_sessions_own_in_its_own_language() {
    let app = TestApp::spawn().await;
    let path = "/week?from=2026-03-23";
    let mut english = Browser::signed_in(&app.base, AMARA).await;
    let mut welsh = Browser::signed_in(&app.base, AMARA).await;
    welsh.cookies.insert("courtside_lang".into(), "cy".into());
    let mut ben = Browser::signed_in(&app.base, BEN).await;

    let first = english.get(path).await;
    assert_eq!(first.status, StatusCode::OK, "{}", first.body);
    first.assert_has("Plea and trial preparation hearing");
    let cy = welsh.get(path).await;
    let again = english.get(path).await;
    let bens = ben.get(path).await;
    let cy_again = welsh.get(path).await;

    // Each session's own token in its forms (the home page, never kept,
    // shows the one the session has).
    let token = |b: &Page| b.csrf();
    let english_home = english.get("/").await;
    let welsh_home = welsh.get("/").await;
    let ben_home = ben.get("/").await;
    assert_eq!(token(&first), token(&english_home));
    assert_eq!(token(&again), token(&english_home));
    assert_eq!(token(&cy), token(&welsh_home));
    assert_eq!(token(&cy_again), token(&welsh_home));
    assert_eq!(token(&bens), token(&ben_home));
    assert_ne!(token(&first), token(&cy));
    assert_ne!(token(&first), token(&bens));

    // The same session asking again: the same page, its record of words
    // included.
    assert_eq!(first.body, again.body);
    assert_eq!(cy.body, cy_again.body);
    assert_eq!(keys_used(&first.body), keys_used(&again.body));
    assert!(keys_used(&first.body).contains("week-uk-time"));
    assert!(keys_used(&first.body).contains("nav-week"));

    // Her Welsh session's week is in Welsh, with every word translated.
    cy.assert_has("<html lang=\"cy\">");
    cy.assert_has("Fy wythnos");
    cy.assert_lacks("Plea and trial preparation hearing");
    assert_eq!(untranslated(&cy.body), None);
    first.assert_has("<html lang=\"en-GB\">");
    first.assert_lacks("Fy wythnos");

    // Ben's week is his: his name, not hers, and not her hearings.
    bens.assert_has("Ben Isva");
    bens.assert_lacks("Amara Idva");
    first.assert_has("Amara Idva");
    first.assert_lacks("Ben Isva");
    bens.assert_lacks("Plea and trial preparation hearing");

    // An unreadable date says so, on that request only.
    let bad = english.get("/week?from=2026-13-45").await;
    bad.assert_has("That date could not be read");
    english
        .get(&format!(
            "/week?from={}",
            courtside::calendar::london_date(test_now())
        ))
        .await
        .assert_lacks("That date could not be read");
    app.stop().await;
}

/// A kept page of My week follows the clock within a day: an open task
/// shown as due is shown as overdue once its time has passed, with
/// nothing written in between.
#[actix_web::test]
async fn my_week_shows_a_task_overdue_once_its_time_passes() {
    use courtside::store::schema::tasks;
    use diesel::prelude::*;
    let app = TestApp::spawn_planned_demo().await;
    let api = app.login(AMARA).await;
    let (status, list) = app.get("/api/v1/victims?per_page=200", &api).await;
    assert_eq!(status, StatusCode::OK, "{list}");
    let hers: Vec<String> = list["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v["id"].as_str().unwrap().to_owned())
        .collect();
    // One of her victims' tasks made hers: open, for supporters, due in
    // an hour's time, today.
    let due = test_now() + chrono::Duration::hours(1);
    let mut conn = app.pool.get().unwrap();
    let task: String = tasks::table
        .filter(tasks::victim_id.eq_any(&hers))
        .select(tasks::id)
        .first(&mut *conn)
        .expect("a task on one of her victims");
    diesel::update(tasks::table.find(&task))
        .set((
            tasks::role.eq("supporter"),
            tasks::state.eq("open"),
            tasks::assignee_user_id.eq(None::<String>),
            tasks::due_at.eq(Some(courtside::store::to_db(due))),
        ))
        .execute(&mut *conn)
        .unwrap();

    let overdue = |page: &Page| page.body.matches(">Overdue</span>").count();
    let mut amara = Browser::signed_in(&app.base, AMARA).await;
    let before = amara.get("/week").await;
    assert_eq!(before.status, StatusCode::OK, "{}", before.body);
    before.assert_has("Open tasks");
    assert_eq!(overdue(&amara.get("/week").await), overdue(&before));

    app.clock.set(due + chrono::Duration::minutes(1));
    let after = amara.get("/week").await;
    assert_eq!(overdue(&after), overdue(&before) + 1, "{}", after.body);
    app.stop().await;
}

#[actix_web::test]
async fn a_supporter_chooses_to_have_reminders_in_the_daily_digest_from_the_pages() {
    let app = TestApp::spawn().await;
    let mut ben = Browser::signed_in(&app.base, BEN).await;
    ben.get("/").await.assert_has("/my-reminders");
    let form = ben.get("/my-reminders").await;
    assert_eq!(form.status, StatusCode::OK, "{}", form.body);
    form.assert_has("How do you want your reminders?");
    form.assert_has(r#"value="separately" checked"#);

    // No choice made: a sentence saying what to do, linked to the field.
    let refused = ben.submit("/my-reminders", &[]).await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    refused.assert_has(
        "Choose a message for each reminder, or a day&#x27;s reminders in your daily message",
    );

    let saved = ben
        .submit("/my-reminders", &[("delivery", "in_daily_digest")])
        .await;
    assert_eq!(
        saved.location(),
        Some("/my-reminders?done=saved"),
        "{}",
        saved.body
    );
    // Friday 20 March 2026, 12:00: the first digest it applies to is
    // tomorrow's.
    let page = ben.get("/my-reminders?done=saved").await;
    page.assert_has("starting with the one on Saturday 21 March 2026");
    page.assert_has(r#"value="in_daily_digest" checked"#);
    let token = app.login(BEN).await;
    let (_, out) = app.get("/api/v1/me/reminder-delivery", &token).await;
    assert_eq!(out["delivery"], "in_daily_digest");

    // No one else gets reminders, so no one else has the page.
    let mut wendy = Browser::signed_in(&app.base, WENDY).await;
    assert_eq!(
        wendy.get("/my-reminders").await.status,
        StatusCode::FORBIDDEN
    );
}

#[actix_web::test]
async fn an_administrator_keeps_the_directory_from_the_pages() {
    let app = TestApp::spawn().await;
    let mut admin = Browser::signed_in(&app.base, ADMIN).await;
    let home = admin.get("/").await;
    home.assert_has("/directory#people");
    let directory = admin.get("/directory").await;
    assert_eq!(directory.status, StatusCode::OK, "{}", directory.body);
    directory.assert_has("Demo Safer Futures IDVA Service");
    directory.assert_has(BEN);
    let token = app.login(ADMIN).await;
    let org = app
        .find_id(
            "/api/v1/organisations?per_page=200",
            &token,
            "name",
            "Demo Safer Futures IDVA Service",
        )
        .await;

    // Adding a person: what is missing is said in words; a role that does
    // not fit the organisation is refused on its field; a password is never
    // drawn back into the page.
    let refused = admin.submit("/directory/users/new", &[]).await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    refused.assert_has("Enter the person&#x27;s name");
    refused.assert_has("Choose what they do");
    let misfit = admin
        .submit(
            "/directory/users/new",
            &[
                ("display_name", "Sam Lee"),
                ("email", "sam@safer-futures.example"),
                ("organisation_id", &org),
                ("role", "court_staff"),
                ("active", "yes"),
                ("password", "a long first password"),
            ],
        )
        .await;
    assert_eq!(
        misfit.status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "{}",
        misfit.body
    );
    misfit.assert_has("This role does not fit the organisation");
    assert!(!misfit.body.contains("a long first password"));
    let added = admin
        .submit(
            "/directory/users/new",
            &[
                ("display_name", "Sam Lee"),
                ("email", "Sam@Safer-Futures.example"),
                ("organisation_id", &org),
                ("role", "supporter"),
                ("active", "yes"),
                ("password", "a long first password"),
            ],
        )
        .await;
    assert_eq!(
        added.location(),
        Some("/directory?done=user-added"),
        "{}",
        added.body
    );
    // Sam signs in with the password given.
    let mut sam = Browser::new(&app.base);
    let signed_in = sam
        .sign_in("sam@safer-futures.example", "a long first password")
        .await;
    assert_eq!(signed_in.location(), Some("/"), "{}", signed_in.body);

    // Sam leaves: the administrator stops them signing in (a change to
    // their record, with the version check); they can no longer sign in.
    let sam_id = app
        .find_id(
            "/api/v1/users?per_page=200",
            &token,
            "email",
            "sam@safer-futures.example",
        )
        .await;
    let form = admin.get(&format!("/directory/users/{sam_id}/edit")).await;
    form.assert_has(r#"value="yes" checked"#);
    let changed = admin
        .submit(
            &format!("/directory/users/{sam_id}/edit"),
            &[
                ("display_name", "Sam Lee"),
                ("email", "sam@safer-futures.example"),
                ("organisation_id", &org),
                ("role", "supporter"),
                ("manager_id", ""),
                ("active", "no"),
            ],
        )
        .await;
    assert_eq!(
        changed.location(),
        Some("/directory?done=user-changed"),
        "{}",
        changed.body
    );
    let (_, sam_now) = app.get(&format!("/api/v1/users/{sam_id}"), &token).await;
    assert_eq!(sam_now["active"], false);
    let mut again = Browser::new(&app.base);
    let refused = again
        .sign_in("sam@safer-futures.example", "a long first password")
        .await;
    assert_ne!(
        refused.location(),
        Some("/"),
        "a person who left cannot sign in"
    );

    // A court already in the directory is refused in words; a new court in
    // Wales, and a Witness Service that serves it, are added.
    let twice = admin
        .submit(
            "/directory/courts/new",
            &[
                ("name", "Swansea Crown Court"),
                ("kind", "crown"),
                ("town", "Swansea"),
                ("nation", "wales"),
            ],
        )
        .await;
    assert_eq!(twice.status, StatusCode::UNPROCESSABLE_ENTITY);
    twice.assert_has("A court of this name is already in the directory");
    let court = admin
        .submit(
            "/directory/courts/new",
            &[
                ("name", "Aberystwyth Justice Centre"),
                ("kind", "combined"),
                ("town", "Aberystwyth"),
                ("nation", "wales"),
                ("crown_court_code", ""),
            ],
        )
        .await;
    assert_eq!(
        court.location(),
        Some("/directory?done=court-added"),
        "{}",
        court.body
    );
    let swansea = app.court_id(&token, "Aberystwyth Justice Centre").await;
    let (_, c) = app.get(&format!("/api/v1/courts/{swansea}"), &token).await;
    assert_eq!(c["nation"], "wales");
    let ws = admin
        .submit(
            "/directory/organisations/new",
            &[
                ("kind", "witness_service"),
                ("name", "Aberystwyth Witness Service"),
                ("contact_email", "aberystwyth@witness-service.example"),
                ("court_id", &swansea),
            ],
        )
        .await;
    assert_eq!(
        ws.location(),
        Some("/directory?done=organisation-added"),
        "{}",
        ws.body
    );
    let page = admin.get("/directory?done=organisation-added").await;
    page.assert_has("Organisation added.");
    page.assert_has("Aberystwyth Witness Service");

    // The directory is the administrator's alone.
    let mut maya = Browser::signed_in(&app.base, MAYA).await;
    assert_eq!(maya.get("/directory").await.status, StatusCode::FORBIDDEN);
    let mut ben = Browser::signed_in(&app.base, BEN).await;
    assert_eq!(
        ben.get("/directory/users/new").await.status,
        StatusCode::FORBIDDEN
    );
}

/// The local times of the supporter's visit reminders still waiting.
async fn visit_reminders(app: &TestApp, token: &str, case: &str) -> Vec<String> {
    let (_, list) = app
        .get(
            &format!(
                "/api/v1/notices?case_id={case}&template=reminder.visit.supporter&per_page=200"
            ),
            token,
        )
        .await;
    let mut pending: Vec<String> = list["items"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|n| n["state"] == "pending")
        .map(|n| n["send_after_local"].as_str().unwrap().to_string())
        .collect();
    pending.sort();
    pending
}

#[actix_web::test]
async fn witness_care_moves_a_pre_trial_visit_then_cancels_it_after_a_question() {
    let app = TestApp::spawn().await;
    let api = app.login(WENDY).await;
    let case = case_of(&app, &api, "V-1001").await;
    let (_, case_body) = app.get(&format!("/api/v1/cases/{case}"), &api).await;
    let court = case_body["court_id"].as_str().unwrap().to_string();
    let visit = app
        .create(
            "/api/v1/pre-trial-visits",
            &api,
            serde_json::json!({"case_id": case, "court_id": court, "state": "arranged",
                   "starts_at": "2026-04-02T14:30:00+01:00", "supporter_attends": true,
                   "arranged_via": "witness_care_unit"}),
        )
        .await;
    let id = visit["id"].as_str().unwrap().to_string();
    // The supporter is told of the visit.
    app.run_due(&DiscardingMailer);
    let before = visit_reminders(&app, &api, &case).await;
    assert!(!before.is_empty(), "the supporter is reminded of the visit");

    // The case page offers witness care a change and a cancel; a
    // supporter sees the visit but neither.
    let mut wendy = Browser::signed_in(&app.base, WENDY).await;
    let page = wendy.get(&format!("/cases/{case}")).await;
    page.assert_has(&format!("/visits/{id}/edit"));
    page.assert_has(&format!("/visits/{id}/cancel"));
    let mut amara = Browser::signed_in(&app.base, AMARA).await;
    amara
        .get(&format!("/cases/{case}"))
        .await
        .assert_lacks(&format!("/visits/{id}/edit"));
    assert_eq!(
        amara.get(&format!("/visits/{id}/edit")).await.status,
        StatusCode::FORBIDDEN
    );

    // Moved to 10:00 on Wednesday 8 April: a "took place" in the future
    // is refused first, in words.
    let path = format!("/visits/{id}/edit");
    let moved = [
        ("state", "arranged"),
        ("court_id", court.as_str()),
        ("date", "2026-04-08"),
        ("time", "10:00"),
        ("supporter_attends", "yes"),
    ];
    let mut early = moved;
    early[0] = ("state", "attended");
    let refused = wendy.submit(&path, &early).await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    refused.assert_has("A visit that took place cannot be in the future");
    let saved = wendy.submit(&path, &moved).await;
    assert_eq!(saved.status, StatusCode::SEE_OTHER, "{}", saved.body);
    wendy
        .get(saved.location().unwrap())
        .await
        .assert_has("The pre-trial visit has been saved.");
    let (_, v) = app
        .get(&format!("/api/v1/pre-trial-visits/{id}"), &api)
        .await;
    assert_eq!(v["starts_at_local"], "2026-04-08T10:00:00+01:00");
    assert_eq!(v["version"], 2);
    let after = visit_reminders(&app, &api, &case).await;
    assert_ne!(after, before, "the reminders follow the visit");
    assert!(
        after.iter().all(|t| t.as_str() < "2026-04-08T10:00"),
        "{after:?}"
    );

    // A form drawn from the old version is refused and saves nothing.
    let token = wendy.get(&path).await.csrf();
    let stale = wendy
        .post(
            &path,
            &[
                ("csrf_token", token.as_str()),
                ("version", "1"),
                ("state", "arranged"),
                ("court_id", court.as_str()),
                ("date", "2026-04-09"),
                ("time", "10:00"),
                ("supporter_attends", "yes"),
            ],
        )
        .await;
    assert_eq!(stale.status, StatusCode::CONFLICT, "{}", stale.body);
    stale.assert_has("Someone else changed this visit");

    // Cancelling asks first, says who is told, then cancels.
    let cancel = format!("/visits/{id}/cancel");
    let question = wendy.get(&cancel).await;
    question.assert_has("Cancel this pre-trial visit?");
    question.assert_has("will be told it is cancelled, and its reminders stop");
    let done = wendy.submit(&cancel, &[]).await;
    assert_eq!(done.status, StatusCode::SEE_OTHER, "{}", done.body);
    let (_, v) = app
        .get(&format!("/api/v1/pre-trial-visits/{id}"), &api)
        .await;
    assert_eq!(v["state"], "cancelled");
    assert!(
        visit_reminders(&app, &api, &case).await.is_empty(),
        "no reminder is left"
    );
    let (_, told) = app
        .get(
            &format!("/api/v1/notices?case_id={case}&template=criminal.pre_trial_visit_cancelled.supporter"),
            &api,
        )
        .await;
    // The supporter was sent the first date only (the move was never
    // sent), so he is told that the visit on 2 April is off.
    let told = told["items"].as_array().unwrap();
    assert_eq!(told.len(), 1, "{told:?}");
    assert_eq!(told[0]["data"]["visit_date"], "2026-04-02", "{}", told[0]);
    // A cancelled visit is history: no more changes.
    let page = wendy.get(&format!("/cases/{case}")).await;
    page.assert_lacks(&format!("/visits/{id}/edit"));
    assert_eq!(wendy.get(&path).await.status, StatusCode::CONFLICT);
    app.stop().await;
}

#[actix_web::test]
async fn a_supporter_records_a_victims_contact_details_and_safe_hours_from_the_pages() {
    let app = TestApp::spawn().await;
    let api = app.login(AMARA).await;
    let victim = app
        .create(
            "/api/v1/victims",
            &api,
            serde_json::json!({"reference": "V-2060", "preferred_language": "en", "is_child": false}),
        )
        .await;
    let id = victim["id"].as_str().unwrap().to_string();
    let path = format!("/victims/{id}/details");
    let mut amara = Browser::signed_in(&app.base, AMARA).await;
    amara.get("/victims").await.assert_has(&path);
    let empty = amara.get(&path).await;
    assert_eq!(empty.status, StatusCode::OK, "{}", empty.body);
    empty.assert_has("How to reach her safely");

    // Safe hours the service cannot read are refused in words, and what
    // was typed stays.
    let mut fields = vec![
        ("full_name", "Demo Person Sixty"),
        ("phone", "07700 900123"),
        ("address", "1 Example Street"),
        ("safe_channels", "sms"),
        ("safe_channels", "in_person"),
        ("safe_hours", "mornings"),
        ("safe_to_leave_voicemail", "no"),
    ];
    let refused = amara.submit(&path, &fields).await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    refused.assert_has("The safe hours must be windows like");
    refused.assert_has("07700 900123");
    fields[5] = ("safe_hours", "weekdays 09:30-12:00; sat 10-14");
    let saved = amara.submit(&path, &fields).await;
    assert_eq!(
        saved.location(),
        Some(format!("{path}?done=saved").as_str()),
        "{}",
        saved.body
    );
    let (status, d) = app.get(&format!("/api/v1/victim-details/{id}"), &api).await;
    assert_eq!(status, StatusCode::OK, "{d}");
    assert_eq!(d["full_name"], "Demo Person Sixty");
    assert_eq!(d["safe_channels"], serde_json::json!(["sms", "in_person"]));
    assert_eq!(d["safe_hours"], "weekdays 09:30-12:00; sat 10-14");
    assert_eq!(d["version"], 1);

    // Opening the page again shows them, and that read is recorded; a
    // change carries the version check.
    let page = amara.get(&format!("{path}?done=saved")).await;
    page.assert_has("Her contact details have been saved.");
    page.assert_has(r#"value="sms" checked"#);
    let reads = audit_of(&app, "victim-details", &id)
        .into_iter()
        .filter(|(action, _)| action == "read_sensitive")
        .count();
    assert!(reads >= 2, "each opening of the page is a recorded read");
    let token = page.csrf();
    let stale = amara
        .post(
            &path,
            &[
                ("csrf_token", token.as_str()),
                ("version", "7"),
                ("full_name", "Someone Else"),
                ("safe_to_leave_voicemail", "yes"),
            ],
        )
        .await;
    assert_eq!(stale.status, StatusCode::CONFLICT, "{}", stale.body);
    let (_, d) = app.get(&format!("/api/v1/victim-details/{id}"), &api).await;
    assert_eq!(d["full_name"], "Demo Person Sixty", "nothing saved");

    // Court staff may not see it; a supporter of another service finds
    // no such victim.
    let mut cora = Browser::signed_in(&app.base, CORA).await;
    assert_eq!(cora.get(&path).await.status, StatusCode::FORBIDDEN);
    let mut maya = Browser::signed_in(&app.base, MAYA).await;
    assert_eq!(maya.get(&path).await.status, StatusCode::FORBIDDEN);
}

#[actix_web::test]
async fn a_supporter_finds_a_victim_by_part_of_her_reference() {
    let app = TestApp::spawn().await;
    let mut ben = Browser::signed_in(&app.base, BEN).await;
    let all = ben.get("/victims").await;
    all.assert_has("V-1002");
    let found = ben.get("/victims?q=+v-10%2002").await;
    assert_eq!(found.status, StatusCode::OK, "{}", found.body);
    found.assert_has("1 victim</strong>");
    found.assert_has("V-1002");
    found.assert_has(r#"value="v-10 02""#);
    let none = ben.get("/victims?q=V-9999").await;
    none.assert_has("0 victims</strong>");
    none.assert_has("No victim's reference holds");
    // A reference outside the person's caseload is never found: V-1002
    // is Ben's, not Amara's.
    let mut amara = Browser::signed_in(&app.base, AMARA).await;
    amara.get("/victims").await.assert_lacks("V-1002");
    amara
        .get("/victims?q=1002")
        .await
        .assert_has("0 victims</strong>");
}

/// The languages of the notices of one template in a victim's export.
async fn export_languages(app: &TestApp, token: &str, victim: &str, template: &str) -> Vec<String> {
    let (status, export) = app
        .get(&format!("/api/v1/victims/{victim}/export"), token)
        .await;
    assert_eq!(status, StatusCode::OK, "{export}");
    languages_of(&export, template)
}

#[actix_web::test]
async fn a_supporter_and_a_witness_care_unit_are_written_to_in_the_language_each_chose() {
    let app = TestApp::spawn().await;
    let wendy = app.login(WENDY).await;
    let ben = app.login(BEN).await;
    let admin = app.login(ADMIN).await;
    let case = case_of(&app, &wendy, "V-1002").await;
    let victim = app
        .find_id("/api/v1/victims", &ben, "reference", "V-1002")
        .await;
    let cardiff = app.court_id(&wendy, "Cardiff Crown Court").await;
    let (_, case_body) = app.get(&format!("/api/v1/cases/{case}"), &wendy).await;
    let unit = case_body["witness_care_unit_id"]
        .as_str()
        .unwrap()
        .to_owned();
    app.run_due(&DiscardingMailer);

    // Ben reads his pages in Welsh: that is his language for messages too.
    let mut b = Browser::signed_in(&app.base, BEN).await;
    choose_language(&mut b, "cy").await;
    // The administrator records that the witness care unit reads English,
    // on the directory page.
    let mut a = Browser::signed_in(&app.base, ADMIN).await;
    let form = a
        .get(&format!("/directory/organisations/{unit}/edit"))
        .await;
    form.assert_has("Which language does it read Courtside");
    let (_, org) = app
        .get(&format!("/api/v1/organisations/{unit}"), &admin)
        .await;
    assert_eq!(org["preferred_language"], Value::Null, "{org}");
    let mut fields = vec![
        ("csrf_token".to_owned(), form.csrf()),
        ("version".to_owned(), org["version"].to_string()),
        ("kind".to_owned(), org["kind"].as_str().unwrap().to_owned()),
        ("name".to_owned(), org["name"].as_str().unwrap().to_owned()),
        ("preferred_language".to_owned(), "en".to_owned()),
    ];
    for f in ["address", "contact_email", "contact_phone", "court_id"] {
        if let Some(v) = org[f].as_str() {
            fields.push((f.to_owned(), v.to_owned()));
        }
    }
    let pairs: Vec<(&str, &str)> = fields
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect();
    let saved = a
        .post(&format!("/directory/organisations/{unit}/edit"), &pairs)
        .await;
    assert_eq!(saved.status, StatusCode::SEE_OTHER, "{}", saved.body);
    let (_, org) = app
        .get(&format!("/api/v1/organisations/{unit}"), &admin)
        .await;
    assert_eq!(org["preferred_language"], "en", "{org}");

    // A trial at Cardiff, and Ben's request to go with her.
    let trial = app
        .create(
            "/api/v1/hearings",
            &wendy,
            serde_json::json!({"case_id": case, "kind": "trial", "court_id": cardiff,
                   "starts_at": "2026-05-12T10:00:00+01:00", "estimated_minutes": 360}),
        )
        .await;
    let ben_id = app.user_id(&ben).await;
    app.give_consents(
        &ben,
        "V-1002",
        &["identify_supporter_to_court", "witness_service_referral"],
    )
    .await;
    let request = app
        .create(
            "/api/v1/attendance-requests",
            &ben,
            serde_json::json!({"hearing_id": trial["id"], "supporter_id": ben_id}),
        )
        .await;
    app.run_due(&DiscardingMailer);

    // His page for updating the request is in Welsh, with its error.
    let path = format!(
        "/attendance-requests/{}/decision",
        request["id"].as_str().unwrap()
    );
    let update = b.get(&path).await;
    update.assert_has("Ble mae eich cais yn sefyll?");
    assert_eq!(
        untranslated(&update.body),
        None,
        "{:?}",
        untranslated(&update.body)
    );
    let refused = b
        .post(
            &path,
            &[
                ("csrf_token", &update.csrf()),
                ("version", &request["version"].to_string()),
            ],
        )
        .await;
    refused.assert_has("Dewiswch ble mae");
    assert_eq!(untranslated(&refused.body), None);

    // Ben is told of the trial in Welsh only; the unit is told of his
    // request in English only; neither in the bilingual form a court in
    // Wales otherwise gets.
    let to_ben = export_languages(&app, &ben, &victim, "hearing.details.supporter").await;
    assert_eq!(to_ben.last().map(String::as_str), Some("cy"), "{to_ben:?}");
    let to_unit = export_languages(&app, &ben, &victim, "criminal.supporter_in_place").await;
    assert!(!to_unit.is_empty());
    assert!(to_unit.iter().all(|l| l == "en"), "{to_unit:?}");
    app.stop().await;
}

/// A mailer that keeps every message.
#[derive(Default)]
struct KeepingMailer(std::sync::Mutex<Vec<courtside::notify::mailer::Email>>);

impl courtside::notify::mailer::Mailer for KeepingMailer {
    fn send(
        &self,
        email: &courtside::notify::mailer::Email,
    ) -> Result<(), courtside::notify::mailer::SendFailure> {
        self.0.lock().unwrap().push(email.clone());
        Ok(())
    }
}

impl KeepingMailer {
    fn take(&self) -> Vec<courtside::notify::mailer::Email> {
        std::mem::take(&mut *self.0.lock().unwrap())
    }
}

#[actix_web::test]
async fn a_supporter_who_reads_welsh_gets_reminders_and_the_daily_digest_in_welsh() {
    let app = TestApp::spawn().await;
    let wendy = app.login(WENDY).await;
    let mailer = KeepingMailer::default();
    app.run_due(&mailer);
    mailer.take();
    let mut b = Browser::signed_in(&app.base, BEN).await;
    choose_language(&mut b, "cy").await;
    // A hearing in England on Monday 30 March (the day after the clocks go
    // forward): Ben chose Welsh, so Welsh, not English or both.
    let case = app
        .find_id("/api/v1/cases", &wendy, "urn", "13CD7654321")
        .await;
    let leeds = app.court_id(&wendy, "Leeds Magistrates' Court").await;
    app.create(
        "/api/v1/hearings",
        &wendy,
        serde_json::json!({"case_id": case, "kind": "mention", "court_id": leeds,
               "starts_at": "2026-03-30T10:00:00+01:00", "estimated_minutes": 30,
               "victim_attends": true}),
    )
    .await;
    app.run_due(&mailer);
    let to_ben: Vec<_> = mailer.take().into_iter().filter(|e| e.to == BEN).collect();
    assert!(!to_ben.is_empty());
    for e in &to_ben {
        assert!(!e.subject.contains(" / "), "Welsh only: {}", e.subject);
    }
    // The reminder two working days before, in Welsh.
    app.advance_to(
        chrono::DateTime::parse_from_rfc3339("2026-03-26T09:00:00Z")
            .unwrap()
            .into(),
        &mailer,
    );
    let sent = mailer.take();
    let reminder = sent
        .iter()
        .find(|e| e.to == BEN && e.idempotency_key.contains("/reminder.hearing."))
        .unwrap_or_else(|| panic!("no reminder: {sent:?}"));
    assert!(
        reminder.subject.starts_with("Nodyn atgoffa: V-1002"),
        "{}",
        reminder.subject
    );
    // On the day, his digest at 07:30 London time (06:30 UTC, BST) is in
    // Welsh, with the Welsh date.
    app.advance_to(
        chrono::DateTime::parse_from_rfc3339("2026-03-30T06:30:00Z")
            .unwrap()
            .into(),
        &mailer,
    );
    let sent = mailer.take();
    let digest = sent
        .iter()
        .find(|e| e.to == BEN && e.idempotency_key.starts_with("digest:"))
        .unwrap_or_else(|| panic!("no digest: {sent:?}"));
    assert_eq!(digest.subject, "Eich diwrnod: dydd Llun 30 Mawrth 2026");
    assert!(digest.body.contains("Bore da."), "{}", digest.body);
    // Its disclosure entry names the language it went in.
    let languages: Vec<Option<String>> = {
        use courtside::store::schema::audit_log;
        use diesel::prelude::*;
        audit_log::table
            .filter(audit_log::category.eq("daily_digest"))
            .select(audit_log::language)
            .load(&mut app.pool.get().unwrap())
            .unwrap()
    };
    assert_eq!(languages, vec![Some("cy".to_owned())]);
    app.stop().await;
}

#[actix_web::test]
async fn error_pages_are_in_the_language_of_the_person_or_their_cookie() {
    let app = TestApp::spawn().await;
    // No session: the pre-sign-in cookie's language.
    let mut b = Browser::new(&app.base);
    b.cookies.insert("courtside_lang".into(), "cy".into());
    let missing = b.get("/no-such-page").await;
    assert_eq!(missing.status, StatusCode::NOT_FOUND);
    missing.assert_has("<html lang=\"cy\">");
    missing.assert_has("Heb ddod o hyd i");
    missing.assert_lacks("Page not found");
    // Signed in, her stored choice wins over a cookie saying otherwise.
    let mut amara = Browser::signed_in(&app.base, AMARA).await;
    choose_language(&mut amara, "cy").await;
    amara.cookies.insert("courtside_lang".into(), "en".into());
    let forbidden = amara.get("/directory").await;
    assert_eq!(forbidden.status, StatusCode::FORBIDDEN);
    forbidden.assert_has("Ni allwch ddefnyddio");
    assert_eq!(untranslated(&forbidden.body), None);
    app.stop().await;
}

/// Chooses a language with the switch, as a person would.
async fn choose_language(b: &mut Browser, language: &str) {
    let page = b.get("/").await;
    let chose = b
        .post(
            "/language",
            &[("csrf_token", &page.csrf()), ("language", language)],
        )
        .await;
    assert_eq!(chose.status, StatusCode::SEE_OTHER, "{}", chose.body);
}

#[actix_web::test]
async fn a_rule_the_service_checks_is_explained_in_welsh_on_a_welsh_page() {
    let app = TestApp::spawn().await;
    let mut b = Browser::signed_in(&app.base, BEN).await;
    // A reference already given to another victim: the service refuses
    // it, and the page says why in the person's language.
    for (language, said, not_said) in [
        (
            "cy",
            "Y cyfeirnod: mae eisoes yn cael ei ddefnyddio ar gyfer dioddefwr arall",
            "is already used for another victim",
        ),
        (
            "en",
            "is already used for another victim",
            "mae eisoes yn cael ei ddefnyddio",
        ),
    ] {
        choose_language(&mut b, language).await;
        let form = b.get("/victims/new").await;
        let refused = b
            .post(
                "/victims/new",
                &[
                    ("csrf_token", &form.csrf()),
                    ("reference", "V-1002"),
                    ("preferred_language", "cy"),
                    ("enhanced_rights", "yes"),
                    ("is_child", "no"),
                ],
            )
            .await;
        refused.assert_has(said);
        refused.assert_lacks(not_said);
        let marked = untranslated(&refused.body).unwrap_or_default();
        assert!(!marked.contains("api-message"), "{language}: {marked}");
    }
    app.stop().await;
}

/// Issue #18: the service's own pages in Welsh. A supporter, a manager
/// and an administrator who chose Cymraeg see these pages in Welsh, with
/// no key falling back to English.
#[actix_web::test]
async fn the_service_pages_are_in_welsh_for_people_who_chose_it() {
    let app = TestApp::spawn().await;
    let wendy = app.login(WENDY).await;
    let (_case, trial) = leeds_trial(&app, &wendy).await;

    async fn in_welsh(base: &str, email: &str) -> Browser {
        let mut b = Browser::signed_in(base, email).await;
        choose_language(&mut b, "cy").await;
        b
    }
    async fn welsh_page(b: &mut Browser, path: &str, heading: &str, not: &str) {
        let page = b.get(path).await;
        assert_eq!(page.status, StatusCode::OK, "{path}: {}", page.body);
        page.assert_has("<html lang=\"cy\">");
        page.assert_has(heading);
        page.assert_lacks(not);
        assert_eq!(
            untranslated(&page.body),
            None,
            "{path}: {:?}",
            untranslated(&page.body)
        );
    }

    let mut ben = in_welsh(&app.base, BEN).await;
    let updates = format!("/hearings/{trial}/trial-updates");
    welsh_page(
        &mut ben,
        &updates,
        "Diweddariadau hyd yma, y diweddaraf yn gyntaf",
        "Updates so far",
    )
    .await;
    welsh_page(
        &mut ben,
        "/my-reminders",
        "Sut ydych chi eisiau cael eich nodiadau atgoffa?",
        "How do you want your reminders?",
    )
    .await;
    welsh_page(
        &mut ben,
        "/calendar-feed",
        "Creu cyfeiriad calendr newydd",
        "Make a new calendar address",
    )
    .await;
    // A saved choice is confirmed in Welsh, with its day in Welsh.
    let form = ben.get("/my-reminders").await;
    let saved = ben
        .post(
            "/my-reminders",
            &[
                ("csrf_token", &form.csrf()),
                ("delivery", "in_daily_digest"),
            ],
        )
        .await;
    assert_eq!(saved.status, StatusCode::SEE_OTHER, "{}", saved.body);
    welsh_page(
        &mut ben,
        "/my-reminders?done=saved",
        "yn eich neges ddyddiol, gan ddechrau gyda",
        "Saved:",
    )
    .await;

    let mut maya = in_welsh(&app.base, MAYA).await;
    welsh_page(
        &mut maya,
        "/settings",
        "Gosodiadau ar gyfer eich sefydliad",
        "Settings for your organisation",
    )
    .await;
    welsh_page(
        &mut maya,
        "/settings/reminders",
        "Diwrnodau calendr",
        "Reminders for your supporters",
    )
    .await;
    welsh_page(
        &mut maya,
        "/settings/webhook",
        "Cadw a dangos yr allwedd gyfrinachol",
        "Send notices to your system",
    )
    .await;
    welsh_page(
        &mut maya,
        "/messages/failed",
        "Terfynau amser a fethwyd neu sy",
        "Time limits missed or overdue",
    )
    .await;

    let mut admin = in_welsh(&app.base, ADMIN).await;
    welsh_page(
        &mut admin,
        "/directory",
        "Ychwanegu sefydliad",
        "Add an organisation",
    )
    .await;
    welsh_page(
        &mut admin,
        "/directory/courts/new",
        "Pa fath o lys ydyw?",
        "What kind of court is it?",
    )
    .await;

    // An error page after sign-in is in the person's language too; the
    // same page for someone who chose nothing stays in English.
    let refused = ben.get("/directory").await;
    assert_eq!(refused.status, StatusCode::FORBIDDEN);
    refused.assert_has("<html lang=\"cy\">");
    refused.assert_has("Ni allwch ddefnyddio");
    refused.assert_lacks("You cannot use this page");
    assert_eq!(untranslated(&refused.body), None);
    let missing = ben.get("/cases/no-such-case").await;
    assert_eq!(missing.status, StatusCode::NOT_FOUND);
    missing.assert_has("Heb ddod o hyd i");
    let mut amara = Browser::signed_in(&app.base, AMARA).await;
    let english = amara.get("/directory").await;
    assert_eq!(english.status, StatusCode::FORBIDDEN);
    english.assert_has("You cannot use this page");
    app.stop().await;
}

/// Chooses Welsh for the signed-in person, from any page.
async fn choose_welsh(b: &mut Browser) {
    let home = b.get("/").await;
    let chose = b
        .post(
            "/language",
            &[("csrf_token", &home.csrf()), ("language", "cy")],
        )
        .await;
    assert_eq!(chose.status, StatusCode::SEE_OTHER, "{}", chose.body);
}

/// A page in Welsh: the heading chosen for it, `<html lang="cy">`, and no
/// key that fell back to English.
fn assert_welsh(page: &ui_support::Page, path: &str, heading: &str) {
    assert!(
        page.status == StatusCode::OK || page.status == StatusCode::UNPROCESSABLE_ENTITY,
        "{path}: {}",
        page.status
    );
    page.assert_has("<html lang=\"cy\">");
    page.assert_has(heading);
    assert_eq!(untranslated(&page.body), None, "{path}");
}

#[actix_web::test]
async fn the_records_pages_are_in_welsh_for_a_welsh_choosing_officer() {
    let app = TestApp::spawn().await;
    let api = app.login(WENDY).await;
    let case = case_of(&app, &api, "V-1001").await;
    let mut wendy = Browser::signed_in(&app.base, WENDY).await;
    choose_welsh(&mut wendy).await;

    let tasks = wendy.get("/tasks").await;
    assert_welsh(&tasks, "/tasks", "<h1 class=\"heading-l\">I'w gwneud</h1>");
    tasks.assert_lacks("Time limits running");

    // The visit form, its problems, and a visit arranged, changed and
    // cancelled, all in Welsh.
    let path = format!("/cases/{case}/visits/new");
    let form = wendy.get(&path).await;
    assert_welsh(&form, &path, "Trefnu ymweliad cyn treial");
    form.assert_has("Er enghraifft, 27 3 2026");
    let wrong = wendy.submit(&path, &[("court_id", "")]).await;
    assert_eq!(wrong.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_welsh(&wrong, &path, "Rhowch ddyddiad yr ymweliad");
    wrong.assert_has("Dywedwch a fydd y cefnogwr yn mynd");
    let (_, case_body) = app.get(&format!("/api/v1/cases/{case}"), &api).await;
    let court = case_body["court_id"].as_str().unwrap().to_string();
    let made = wendy
        .submit(
            &path,
            &[
                ("court_id", court.as_str()),
                ("date", "2026-04-02"),
                ("time", "14:30"),
                ("supporter_attends", "yes"),
            ],
        )
        .await;
    assert_eq!(made.status, StatusCode::SEE_OTHER, "{}", made.body);
    let visit = visits_of(&app, &api, &case)
        .await
        .into_iter()
        .find(|v| v["state"] == "arranged")
        .expect("the arranged visit")["id"]
        .as_str()
        .unwrap()
        .to_string();
    for (path, heading) in [
        (
            format!("/visits/{visit}/edit"),
            "Newid yr ymweliad cyn treial",
        ),
        (
            format!("/visits/{visit}/cancel"),
            "r ymweliad cyn treial hwn?",
        ),
    ] {
        let page = wendy.get(&path).await;
        assert_welsh(&page, &path, heading);
    }

    // Victims: the list, adding one (with its problems), changing one.
    let victims = wendy.get("/victims").await;
    assert_welsh(
        &victims,
        "/victims",
        "<h1 class=\"heading-l\">Dioddefwyr</h1>",
    );
    victims.assert_lacks("Find a victim by reference");
    let add = wendy.get("/victims/new").await;
    assert_welsh(&add, "/victims/new", "Ychwanegu dioddefwr");
    let wrong = wendy.submit("/victims/new", &[("reference", "")]).await;
    assert_welsh(&wrong, "/victims/new", "Rhowch gyfeirnod y dioddefwr");
    let victim = app
        .find_id("/api/v1/victims?per_page=200", &api, "reference", "V-1001")
        .await;
    let edit = wendy.get(&format!("/victims/{victim}/edit")).await;
    assert_welsh(&edit, "/victims/…/edit", "Newid manylion y dioddefwr");

    // One notice of the case, and the case page's warnings and notices.
    let (_, notices) = app
        .get(&format!("/api/v1/notices?case_id={case}"), &api)
        .await;
    if let Some(n) = notices["items"][0]["id"].as_str() {
        let notice = wendy.get(&format!("/notices/{n}")).await;
        assert_welsh(&notice, "/notices/…", "Yn ôl i'r achos");
    }
    let case_page = wendy.get(&format!("/cases/{case}")).await;
    assert_eq!(untranslated(&case_page.body), None, "the case page");

    // The Witness Service's requests.
    let mut wes = Browser::signed_in(&app.base, WES).await;
    choose_welsh(&mut wes).await;
    let requests = wes.get("/requests").await;
    assert_welsh(
        &requests,
        "/requests",
        "<h1 class=\"heading-l\">Ceisiadau</h1>",
    );

    // The case's other forms, each wholly in Welsh.
    for (path, heading) in [
        (
            format!("/cases/{case}/hearings/new"),
            "Ychwanegu gwrandawiad",
        ),
        ("/cases/new".to_owned(), "Agor achos"),
        (format!("/cases/{case}/edit"), "Newid manylion yr achos"),
        (format!("/cases/{case}/close"), "eisiau cau"),
        (
            format!("/cases/{case}/special-measures/new"),
            "Cofnodi trafodaeth am fesurau arbennig",
        ),
        (
            format!("/cases/{case}/updates/new"),
            "Cofnodi diweddariad i",
        ),
    ] {
        let page = wendy.get(&path).await;
        assert_welsh(&page, &path, heading);
    }
    let (_, listed) = app
        .get(&format!("/api/v1/hearings?case_id={case}"), &api)
        .await;
    let upcoming = listed["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|h| h["status"] == "listed")
        .expect("a listed hearing")["id"]
        .as_str()
        .unwrap()
        .to_string();
    for (path, heading) in [
        (
            format!("/hearings/{upcoming}/move"),
            "Symud y gwrandawiad hwn",
        ),
        (format!("/hearings/{upcoming}/vacate"), "eisiau dileu"),
        (format!("/hearings/{upcoming}/adjourn"), "Gohirio"),
        (
            format!("/hearings/{upcoming}/outcome"),
            "Beth ddigwyddodd yn y gwrandawiad hwn?",
        ),
    ] {
        let page = wendy.get(&path).await;
        assert_welsh(&page, &path, heading);
    }
    let path = format!("/hearings/{upcoming}/outcome");
    let wrong = wendy.submit(&path, &[("result", "sentenced")]).await;
    assert_welsh(&wrong, &path, "Dewiswch y math o ddedfryd");
    let mut amara = Browser::signed_in(&app.base, AMARA).await;
    choose_welsh(&mut amara).await;
    let amara_api = app.login(AMARA).await;
    let her_case = case_of(&app, &amara_api, "V-1001").await;
    let path = format!("/cases/{her_case}/consents/new");
    let consent = amara.get(&path).await;
    assert_welsh(&consent, &path, "Cofnodi beth y cytunodd y dioddefwr");
    let her_victim = app
        .find_id(
            "/api/v1/victims?per_page=200",
            &amara_api,
            "reference",
            "V-1001",
        )
        .await;
    let path = format!("/victims/{her_victim}/assignments/new");
    let assign = amara.get(&path).await;
    assert_welsh(&assign, &path, "Neilltuo cefnogwr");
    let path = format!("/victims/{her_victim}/details");
    let details = amara.get(&path).await;
    assert_welsh(&details, &path, "Sut i gysylltu â hi");
    let (_, hearings) = app
        .get(&format!("/api/v1/hearings?case_id={her_case}"), &amara_api)
        .await;
    let hearing = hearings["items"][0]["id"]
        .as_str()
        .expect("a hearing on her case")
        .to_string();
    let path = format!("/hearings/{hearing}/safety-plan");
    let plan = amara.get(&path).await;
    assert_welsh(&plan, &path, "Cynllun diogelwch ar gyfer diwrnod y llys");
    let wrong = amara
        .submit(&path, &[("meet_time", "nine"), ("agreed", "yes")])
        .await;
    assert_welsh(&wrong, &path, "Rhowch y dyddiad y cytunwyd ar y cynllun");

    // The victim liaison officer's parole pages.
    let mut victor = Browser::signed_in(&app.base, VICTOR).await;
    choose_welsh(&mut victor).await;
    let parole = victor.get("/parole").await;
    assert_welsh(&parole, "/parole", "<h1 class=\"heading-l\">Parôl</h1>");
    let log = victor.get("/parole/milestones/new").await;
    assert_welsh(
        &log,
        "/parole/milestones/new",
        "Cofnodi carreg filltir parôl",
    );
    app.stop().await;
}

/// The My week page, kept once drawn, shows a change another instance
/// wrote: the session's check reads the count of changes with it, and a
/// moved count draws the week again (the layout around it is kept apart).
#[actix_web::test]
async fn a_kept_week_page_shows_a_change_written_by_another_instance() {
    use courtside::store::schema::hearings;
    use diesel::prelude::*;
    let app = TestApp::spawn_planned_demo().await;
    let amara = app.login(AMARA).await;
    let (first, from) = app.first_hearing(&amara).await;
    let path = format!("/week?from={from}");
    let mut b = Browser::signed_in(&app.base, AMARA).await;
    let week = b.get(&path).await;
    assert_eq!(week.status, StatusCode::OK);
    week.assert_lacks("Court 31");
    let again = b.get(&path).await;
    again.assert_lacks("Court 31");

    // Another instance moves the hearing to another room.
    let mut conn = app.pool.get().unwrap();
    diesel::update(hearings::table.find(first["id"].as_str().unwrap()))
        .set(hearings::courtroom.eq("Court 31"))
        .execute(&mut *conn)
        .unwrap();
    let week = b.get(&path).await;
    week.assert_has("Court 31");
    week.assert_has("Amara Idva");
    app.stop().await;
}

/// The week page is kept whole for each session and drawn week: two
/// sessions of one person each get a page carrying their own anti-forgery
/// token, asked again each gets the same page, and a change written
/// behind the service's back shows at once.
#[actix_web::test]
async fn a_kept_week_page_is_each_sessions_own_and_follows_a_change() {
    use courtside::store::schema::hearings;
    use diesel::{ExpressionMethods, QueryDsl, RunQueryDsl};
    let app = TestApp::spawn_planned_demo().await;
    let token = app.login(AMARA).await;
    let (first, from) = app.first_hearing(&token).await;
    let path = format!("/week?from={from}");
    let mut one = Browser::signed_in(&app.base, AMARA).await;
    let mut two = Browser::signed_in(&app.base, AMARA).await;
    let a = one.get(&path).await;
    let b = two.get(&path).await;
    assert_eq!(a.status, StatusCode::OK);
    assert_eq!(b.status, StatusCode::OK);
    assert_ne!(a.csrf(), b.csrf(), "each session its own token");
    let (a_again, b_again) = (one.get(&path).await, two.get(&path).await);
    assert_eq!(a_again.body, a.body, "the same page for the same session");
    assert_eq!(b_again.body, b.body);
    a.assert_lacks("Court 31");

    let mut conn = app.pool.get().unwrap();
    diesel::update(hearings::table.find(first["id"].as_str().unwrap()))
        .set(hearings::courtroom.eq("Court 31"))
        .execute(&mut *conn)
        .unwrap();
    let moved = one.get(&path).await;
    moved.assert_has("Court 31");
    assert_eq!(moved.csrf(), a.csrf());
    // The other session's page follows too, with its own token.
    let moved = two.get(&path).await;
    moved.assert_has("Court 31");
    assert_eq!(moved.csrf(), b.csrf());
}

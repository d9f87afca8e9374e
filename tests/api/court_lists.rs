//! Court-list import over HTTP: a witness care officer uploads a list, the
//! demo hearings are confirmed, moved (and everyone told) or flagged, and
//! bad lists are refused with nothing written.
//!
//! Store checks: the audit rows, hearing confirmations and import records
//! are read from the store (no API serves them); the inbox sweep is a job
//! test, driven at chosen moments.

use diesel::prelude::*;
use reqwest::{Method, StatusCode};
use serde_json::{json, Value};

use crate::helpers::*;

fn fixture(name: &str) -> Value {
    let path = format!("{}/fixtures/court-lists/{name}", env!("CARGO_MANIFEST_DIR"));
    serde_json::from_str(&std::fs::read_to_string(path).expect("fixture")).expect("fixture JSON")
}

fn sample(name: &str) -> Value {
    let path = format!(
        "{}/../shared/court-lists/samples/{name}",
        env!("CARGO_MANIFEST_DIR")
    );
    serde_json::from_str(&std::fs::read_to_string(path).expect("sample")).expect("sample JSON")
}

async fn upload(app: &TestApp, token: &str, query: &str, doc: Value) -> (StatusCode, Value) {
    app.call(
        Method::POST,
        &format!("/api/v1/court-lists{query}"),
        Some(token),
        Some(doc),
    )
    .await
}

fn items(body: &Value) -> Vec<Value> {
    body["items"].as_array().cloned().unwrap_or_default()
}

/// The demo hearings of the case with this URN, by kind.
async fn hearing_of(app: &TestApp, token: &str, urn: &str, kind: &str) -> Value {
    let case = app
        .find_id("/api/v1/cases?per_page=200", token, "urn", urn)
        .await;
    let (_, list) = app
        .get(&format!("/api/v1/hearings?case_id={case}"), token)
        .await;
    items(&list)
        .into_iter()
        .find(|h| h["kind"] == kind)
        .unwrap_or_else(|| panic!("no {kind} hearing for {urn}: {list}"))
}

async fn notices_of(app: &TestApp, token: &str, hearing: &str) -> Vec<Value> {
    let (status, body) = app
        .get(
            &format!("/api/v1/notices?hearing_id={hearing}&per_page=200"),
            token,
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    items(&body)
}

async fn tasks_of(app: &TestApp, token: &str) -> Vec<Value> {
    let (status, body) = app.get("/api/v1/tasks?per_page=200", token).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    items(&body)
}

#[actix_web::test]
async fn a_daily_list_moves_a_demo_hearing_and_change_notices_are_planned() {
    let app = TestApp::spawn().await;
    let wendy = app.login(WENDY).await;
    let ptph = hearing_of(&app, &wendy, "13AB1234526", "plea_and_trial_preparation").await;
    let id = ptph["id"].as_str().unwrap().to_string();
    assert_eq!(ptph["starts_at"], "2026-03-23T10:00:00Z");
    assert_eq!(ptph["courtroom"], "Court 4");

    let (status, summary) = upload(
        &app,
        &wendy,
        "?list_type=crown_daily_pdda_list",
        fixture("crown-daily-moved.json"),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{summary}");
    assert_eq!(summary["list_type"], "crown_daily_pdda_list");
    assert_eq!(summary["counts"]["sittings"], 2);
    assert_eq!(summary["counts"]["moved"], 1, "{summary}");
    assert_eq!(
        summary["counts"]["ignored"], 1,
        "the untracked case: {summary}"
    );
    assert_eq!(summary["moved"], json!([id]));
    assert_eq!(summary["duplicate"], false);

    // The hearing moved: Tuesday 24 March, 14:00 (GMT), Court 5.
    let (status, moved) = app.get(&format!("/api/v1/hearings/{id}"), &wendy).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(moved["starts_at"], "2026-03-24T14:00:00Z", "{moved}");
    assert_eq!(moved["courtroom"], "Court 5");
    assert_eq!(moved["status"], "moved");

    // The flows re-planned as for a move made by hand: the supporter (who
    // knew the old date, with the victim's consent) is told of the change.
    let notices = notices_of(&app, &wendy, &id).await;
    let changes: Vec<&Value> = notices
        .iter()
        .filter(|n| n["template"] == "hearing.change.supporter")
        .collect();
    assert_eq!(changes.len(), 1, "{notices:?}");
    assert_eq!(changes[0]["state"], "pending");
    assert_eq!(changes[0]["hearing_id"], id.as_str());

    // The move is in the audit trail, as the officer's, and the chain holds.
    {
        use courtside::store::schema::audit_log as al;
        let mut conn = app.pool.get().unwrap();
        let entries: Vec<(String, Option<String>)> = al::table
            .filter(al::entity.eq("hearings"))
            .filter(al::entity_id.eq(&id))
            .select((al::action, al::actor_user_id))
            .load(&mut conn)
            .unwrap();
        assert!(
            entries
                .iter()
                .any(|(action, actor)| action == "update" && actor.is_some()),
            "{entries:?}"
        );
        assert!(matches!(
            courtside::audit::verify(&mut conn).unwrap(),
            courtside::audit::Verdict::Intact { .. }
        ));
    }

    // The same list again changes nothing.
    let (status, again) = upload(&app, &wendy, "", fixture("crown-daily-moved.json")).await;
    assert_eq!(status, StatusCode::OK, "{again}");
    assert_eq!(again["duplicate"], true);
    assert_eq!(notices_of(&app, &wendy, &id).await.len(), notices.len());
    let (_, still) = app.get(&format!("/api/v1/hearings/{id}"), &wendy).await;
    assert_eq!(still["version"], moved["version"]);
    app.stop().await;
}

#[actix_web::test]
async fn a_hearing_missing_from_the_daily_list_is_checked_never_vacated() {
    let app = TestApp::spawn().await;
    let wendy = app.login(WENDY).await;
    let amara = app.login(AMARA).await;
    let ptph = hearing_of(&app, &wendy, "13AB1234526", "plea_and_trial_preparation").await;
    let id = ptph["id"].as_str().unwrap().to_string();

    // No list type given: recognised from the document.
    let doc = fixture("crown-daily-absent.json");
    let (status, summary) = upload(&app, &wendy, "", doc.clone()).await;
    assert_eq!(status, StatusCode::OK, "{summary}");
    assert_eq!(summary["counts"]["absent"], 1, "{summary}");
    assert_eq!(summary["absent"], json!([id]));
    assert_eq!(summary["tasks_created"], 2, "{summary}");

    let (_, hearing) = app.get(&format!("/api/v1/hearings/{id}"), &wendy).await;
    assert_eq!(hearing["status"], "listed");
    assert_eq!(hearing["version"], ptph["version"]);

    let checks: Vec<Value> = tasks_of(&app, &wendy)
        .await
        .into_iter()
        .filter(|t| t["kind"] == "check_listing" && t["hearing_id"] == id.as_str())
        .collect();
    let roles: Vec<&str> = checks.iter().filter_map(|t| t["role"].as_str()).collect();
    assert!(roles.contains(&"witness_care_officer"), "{checks:?}");
    assert!(roles.contains(&"supporter"), "{checks:?}");
    assert!(checks.iter().all(|t| t["detail"]
        .as_str()
        .unwrap()
        .contains("has not changed or vacated")));
    assert!(tasks_of(&app, &amara)
        .await
        .iter()
        .any(|t| t["kind"] == "check_listing" && t["role"] == "supporter"));

    // A later version of the list supersedes it, and asks nothing twice.
    let mut newer = doc.clone();
    newer["DailyList"]["ListHeader"]["PublishedTime"] = json!("2026-03-20T11:30:00Z");
    let (status, summary) = upload(&app, &wendy, "", newer).await;
    assert_eq!(status, StatusCode::OK, "{summary}");
    assert_eq!(summary["duplicate"], false);
    assert_eq!(summary["counts"]["absent"], 1);
    assert_eq!(summary["tasks_created"], 0);

    // An older version arriving late is refused.
    let mut older = doc.clone();
    older["DailyList"]["ListHeader"]["PublishedTime"] = json!("2026-03-19T17:00:00Z");
    let (status, problem) = upload(&app, &wendy, "", older).await;
    assert_problem(status, &problem, StatusCode::CONFLICT, None);
    assert!(
        problem["detail"]
            .as_str()
            .unwrap()
            .contains("newer version"),
        "{problem}"
    );

    // A different list with the same publication time is refused too.
    let mut other = doc;
    other["DailyList"]["CourtLists"][0]["Sittings"][0]["SittingAt"] = json!("11:00:00");
    let (status, problem) = upload(&app, &wendy, "", other).await;
    assert_problem(status, &problem, StatusCode::CONFLICT, None);
    app.stop().await;
}

#[actix_web::test]
async fn warned_and_confirmed_listings() {
    let app = TestApp::spawn().await;
    let wendy = app.login(WENDY).await;
    let amara = app.login(AMARA).await;
    let trial = hearing_of(&app, &wendy, "13AB1234526", "trial").await;

    let (status, summary) = upload(&app, &wendy, "", fixture("crown-warned-window.json")).await;
    assert_eq!(status, StatusCode::OK, "{summary}");
    assert_eq!(summary["list_kind"], "warned");
    assert_eq!(summary["counts"]["warned"], 1, "{summary}");
    assert_eq!(summary["warned"], json!([trial["id"]]));
    let warned: Vec<Value> = tasks_of(&app, &amara)
        .await
        .into_iter()
        .filter(|t| t["kind"] == "warned_list")
        .collect();
    assert_eq!(warned.len(), 1, "{warned:?}");
    assert_eq!(warned[0]["hearing_id"], trial["id"]);
    assert!(warned[0]["detail"]
        .as_str()
        .unwrap()
        .contains("Monday 13 April 2026"));

    // The magistrates' list confirms the other demo trial (09:30 BST on
    // Monday 30 March, "Courtroom 7" being the tracked "Court 7").
    let mags = hearing_of(&app, &wendy, "13CD7654321", "trial").await;
    let (status, summary) = upload(
        &app,
        &wendy,
        "?list_type=MAGISTRATES_STANDARD_LIST",
        fixture("magistrates-standard-confirmed.json"),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{summary}");
    assert_eq!(summary["confirmed"], json!([mags["id"]]), "{summary}");
    assert_eq!(summary["counts"]["ignored"], 1);
    let (_, after) = app
        .get(
            &format!("/api/v1/hearings/{}", mags["id"].as_str().unwrap()),
            &wendy,
        )
        .await;
    assert_eq!(
        after["version"], mags["version"],
        "a confirmation changes nothing"
    );

    // Both were recorded, with the list that said so.
    let mut conn = app.pool.get().unwrap();
    use courtside::store::schema::hearing_confirmations as hc;
    let recorded: Vec<(String, String, String)> = hc::table
        .select((hc::hearing_id, hc::list_kind, hc::outcome))
        .order(hc::list_kind.asc())
        .load(&mut conn)
        .unwrap();
    assert_eq!(
        recorded,
        vec![
            (
                mags["id"].as_str().unwrap().to_string(),
                "daily".to_string(),
                "confirmed".to_string()
            ),
            (
                trial["id"].as_str().unwrap().to_string(),
                "warned".to_string(),
                "warned".to_string()
            ),
        ]
    );
    app.stop().await;
}

#[actix_web::test]
async fn bad_lists_are_refused_and_nothing_is_written() {
    let app = TestApp::spawn().await;
    let wendy = app.login(WENDY).await;
    let admin = app.login(ADMIN).await;
    let amara = app.login(AMARA).await;

    // HMCTS's own invalid sample: refused with the failing paths, values
    // masked.
    let (status, problem) = upload(
        &app,
        &wendy,
        "",
        sample("magistratesStandardListWithInvalidData.json"),
    )
    .await;
    assert_problem(status, &problem, StatusCode::UNPROCESSABLE_ENTITY, None);
    let errors = problem["errors"].as_array().unwrap();
    assert!(!errors.is_empty());
    assert!(errors
        .iter()
        .all(|e| e["field"].as_str().unwrap().starts_with("/courtLists/0/")));
    assert!(errors
        .iter()
        .any(|e| e["field"].as_str().unwrap().ends_with("offenceWording")));
    assert!(!problem.to_string().contains("</invalid>"), "{problem}");

    // A document of no known shape, or an unknown list type.
    let (status, problem) = upload(&app, &wendy, "", json!({"hello": "world"})).await;
    assert_problem(
        status,
        &problem,
        StatusCode::UNPROCESSABLE_ENTITY,
        Some("list_type"),
    );
    let (status, problem) = upload(&app, &wendy, "?list_type=sjp_public_list", json!({})).await;
    assert_problem(
        status,
        &problem,
        StatusCode::UNPROCESSABLE_ENTITY,
        Some("list_type"),
    );
    let (status, problem) = upload(
        &app,
        &wendy,
        "?court=Nowhere%20Court",
        sample("magistratesPublicList.json"),
    )
    .await;
    assert_problem(
        status,
        &problem,
        StatusCode::UNPROCESSABLE_ENTITY,
        Some("court"),
    );

    // Supporters and managers may not import.
    let (status, _) = upload(&app, &amara, "", fixture("crown-daily-absent.json")).await;
    assert_eq!(status, StatusCode::FORBIDDEN);

    // Lists may be larger than the API's usual 64 KiB...
    let mut big = fixture("crown-daily-absent.json");
    let template = big["DailyList"]["CourtLists"][0]["Sittings"][0].clone();
    let sittings = big["DailyList"]["CourtLists"][0]["Sittings"]
        .as_array_mut()
        .unwrap();
    for n in 0..150 {
        let mut s = template.clone();
        s["CourtRoomNumber"] = json!(10 + n);
        s["Hearings"][0]["Defendants"][0]["URN"] = json!(format!("99ZZ{n:07}"));
        sittings.push(s);
    }
    big["DailyList"]["ListHeader"]["PublishedTime"] = json!("2026-03-20T11:45:00Z");
    assert!(big.to_string().len() > 64 * 1024);
    let (status, summary) = upload(&app, &admin, "", big).await;
    assert_eq!(status, StatusCode::OK, "{summary}");
    assert_eq!(summary["counts"]["sittings"], 151);
    assert_eq!(summary["counts"]["ignored"], 151);
    // ...but not without bound.
    let huge = json!({"DailyList": {"padding": "x".repeat(9 * 1024 * 1024)}});
    let (status, problem) = upload(&app, &admin, "", huge).await;
    assert_problem(status, &problem, StatusCode::PAYLOAD_TOO_LARGE, None);

    // HMCTS's sample names a court the directory lacks: reported, not an
    // error; its defendants' names appear nowhere.
    let (status, summary) = upload(&app, &admin, "", sample("crownDailyPddaList.json")).await;
    assert_eq!(status, StatusCode::OK, "{summary}");
    assert_eq!(summary["unmatched_courts"], json!(["TestCourtHouseName"]));
    assert_eq!(summary["counts"]["ignored"], 3);

    // Nothing from a refused list was written; no personal detail from any
    // list was stored.
    let mut conn = app.pool.get().unwrap();
    use courtside::store::schema::{court_list_imports as cli, tasks};
    let imports: Vec<(String, String)> = cli::table
        .select((cli::list_key, cli::summary_json))
        .load(&mut conn)
        .unwrap();
    assert_eq!(
        imports.len(),
        2,
        "the big list and the sample, nothing refused"
    );
    let details: Vec<String> = tasks::table.select(tasks::detail).load(&mut conn).unwrap();
    let stored = format!("{imports:?}{details:?}");
    for personal in [
        "FIXTURE-SURNAME",
        "FIXTURE-FORENAME",
        "FIXTURE-STREET",
        "TestDefendant",
        "1990-01-01",
    ] {
        assert!(!stored.contains(personal), "{personal} stored");
    }
    app.stop().await;
}

#[actix_web::test]
async fn imports_are_listed_and_each_shows_only_the_readers_cases() {
    let app = TestApp::spawn().await;
    let wendy = app.login(WENDY).await;
    let ptph = hearing_of(&app, &wendy, "13AB1234526", "plea_and_trial_preparation").await;
    let id = ptph["id"].as_str().unwrap().to_string();
    let (status, summary) = upload(
        &app,
        &wendy,
        "?list_type=crown_daily_pdda_list",
        fixture("crown-daily-moved.json"),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{summary}");
    let import_id = summary["import_id"].as_str().unwrap().to_string();

    // The list of imports: newest first, counts only.
    let (status, list) = app.get("/api/v1/court-lists", &wendy).await;
    assert_eq!(status, StatusCode::OK, "{list}");
    assert_eq!(list["total"], 1);
    let first = &list["items"][0];
    assert_eq!(first["id"], import_id.as_str());
    assert_eq!(first["imported_by_me"], true);
    assert_eq!(first["list_kind"], "daily");
    assert_eq!(first["counts"]["moved"], 1);

    // The officer who imported it sees the moved hearing, where it is now,
    // and the notice planned to tell the supporter.
    let (status, detail) = app
        .get(&format!("/api/v1/court-lists/{import_id}"), &wendy)
        .await;
    assert_eq!(status, StatusCode::OK, "{detail}");
    let moved: Vec<&Value> = detail["items"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|i| i["change"] == "moved")
        .collect();
    assert_eq!(moved.len(), 1, "{detail}");
    assert_eq!(moved[0]["hearing_id"], id.as_str());
    assert_eq!(moved[0]["case_reference"], "13AB1234526");
    assert_eq!(moved[0]["starts_at"], "2026-03-24T14:00:00Z");
    assert_eq!(moved[0]["courtroom"], "Court 5");
    let told = moved[0]["supporter_notices"].as_array().unwrap();
    let change: Vec<&Value> = told
        .iter()
        .filter(|n| n["template"] == "hearing.change.supporter")
        .collect();
    assert_eq!(
        change.len(),
        1,
        "the supporter is told of the new date: {detail}"
    );
    assert_eq!(change[0]["state"], "pending");
    assert!(
        told.iter()
            .all(|n| n["template"].as_str().unwrap().ends_with(".supporter")),
        "{detail}"
    );
    assert_eq!(detail["not_shown"], 0);

    // The supporter's manager sees it too (her organisation's victim).
    let maya = app.login(MAYA).await;
    let (status, seen) = app
        .get(&format!("/api/v1/court-lists/{import_id}"), &maya)
        .await;
    assert_eq!(status, StatusCode::OK, "{seen}");
    assert_eq!(seen["items"].as_array().unwrap().len(), 1, "{seen}");
    assert_eq!(seen["import"]["imported_by_me"], false);

    // Another unit's officer sees the import's record but none of its
    // changes: they concern a case outside her unit.
    let carys = app.login(CARYS).await;
    let (status, other) = app
        .get(&format!("/api/v1/court-lists/{import_id}"), &carys)
        .await;
    assert_eq!(status, StatusCode::OK, "{other}");
    assert_eq!(other["items"], json!([]), "{other}");
    assert_eq!(other["not_shown"], 1);

    // Supporters do not read court-list imports at all; unknown ids are 404.
    let amara = app.login(AMARA).await;
    let (status, _) = app.get("/api/v1/court-lists", &amara).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let (status, body) = app.get("/api/v1/court-lists/nope", &wendy).await;
    assert_eq!(status, StatusCode::NOT_FOUND, "{body}");
    let (status, body) = app.get("/api/v1/court-lists?per_page=0", &wendy).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
}

#[actix_web::test]
async fn the_inbox_folder_imports_settled_lists_and_sets_aside_bad_ones() {
    use courtside::court_lists::inbox::{Inbox, Outcome, SETTLE_SECONDS, STALE_AFTER_SECONDS};
    let app = TestApp::spawn().await;
    let wendy = app.login(WENDY).await;
    let ptph = hearing_of(&app, &wendy, "13AB1234526", "plea_and_trial_preparation").await;
    let id = ptph["id"].as_str().unwrap().to_string();

    let dir = tempfile::tempdir().unwrap();
    let inbox = Inbox::new(dir.path());
    let list_bytes = serde_json::to_vec(&fixture("crown-daily-moved.json")).unwrap();
    let list = list_bytes.clone();
    std::fs::write(dir.path().join("01-crown-daily.json"), &list).unwrap();
    std::fs::write(
        dir.path().join("01-crown-daily.json.type"),
        "crown_daily_pdda_list\n",
    )
    .unwrap();
    std::fs::write(dir.path().join("02-broken.json"), b"{ not json").unwrap();
    std::fs::write(dir.path().join("notes.txt"), b"left alone").unwrap();

    let schemas = courtside::court_lists::schema::shared();
    // Files written just now have not settled: nothing is taken yet.
    let real_now = chrono::Utc::now();
    let none = inbox
        .sweep(&app.pool, schemas, test_now(), real_now, "test-a")
        .expect("sweep");
    assert!(none.is_empty(), "{none:?}");

    let later = real_now + chrono::Duration::seconds(SETTLE_SECONDS + 1);
    let outcomes = inbox
        .sweep(&app.pool, schemas, test_now(), later, "test-a")
        .expect("sweep");
    assert_eq!(outcomes.len(), 2, "{outcomes:?}");
    match &outcomes[0] {
        Outcome::Imported {
            name, duplicate, ..
        } => {
            assert_eq!(name, "01-crown-daily.json");
            assert!(!duplicate);
        }
        other => panic!("the list was not imported: {other:?}"),
    }
    match &outcomes[1] {
        Outcome::Refused { name, reason } => {
            assert_eq!(name, "02-broken.json");
            assert!(reason.contains("not valid JSON"), "{reason}");
        }
        other => panic!("the broken file was not refused: {other:?}"),
    }

    // The hearing moved, exactly as when the list is uploaded.
    let (_, moved) = app.get(&format!("/api/v1/hearings/{id}"), &wendy).await;
    assert_eq!(moved["starts_at"], "2026-03-24T14:00:00Z", "{moved}");

    // Files went where they should, each with its note; others untouched.
    let names = |sub: &str| {
        let mut v: Vec<String> = std::fs::read_dir(dir.path().join(sub))
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        v.sort();
        v
    };
    let done = names("done");
    assert_eq!(done.len(), 3, "{done:?}");
    assert!(done.iter().any(|n| n.ends_with("01-crown-daily.json")));
    assert!(done
        .iter()
        .any(|n| n.ends_with("01-crown-daily.json.result.json")));
    assert!(done.iter().any(|n| n.ends_with("01-crown-daily.json.type")));
    let failed = names("failed");
    assert_eq!(failed.len(), 2, "{failed:?}");
    let problem = failed.iter().find(|n| n.ends_with(".problem.txt")).unwrap();
    let text = std::fs::read_to_string(dir.path().join("failed").join(problem)).unwrap();
    assert!(text.contains("not valid JSON"), "{text}");
    assert!(names("processing").is_empty());
    assert!(dir.path().join("notes.txt").exists());

    // The same list dropped again changes nothing.
    std::fs::write(dir.path().join("03-again.json"), &list).unwrap();
    let again = inbox
        .sweep(&app.pool, schemas, test_now(), later, "test-b")
        .expect("sweep");
    assert!(
        matches!(
            &again[..],
            [Outcome::Imported {
                duplicate: true,
                ..
            }]
        ),
        "{again:?}"
    );
    let (_, list) = app.get("/api/v1/court-lists", &wendy).await;
    assert_eq!(list["total"], 1, "{list}");

    // A list left in processing/ by an instance that died is put back
    // once stale, and then taken again (here: the same list, so nothing
    // changes).
    std::fs::write(
        dir.path().join("processing").join("04-left.json~dead"),
        &list_bytes,
    )
    .unwrap();
    let much_later = later + chrono::Duration::seconds(STALE_AFTER_SECONDS + 1);
    let retaken = inbox
        .sweep(&app.pool, schemas, test_now(), much_later, "test-c")
        .expect("sweep");
    assert!(
        matches!(&retaken[..], [Outcome::Imported { name, duplicate: true, .. }] if name == "04-left.json"),
        "{retaken:?}"
    );
    assert!(names("processing").is_empty());
}

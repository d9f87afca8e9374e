//! Every read path goes through the one read policy (`policy::may_read`):
//! a generated test that tries every GET route of the API (from the
//! OpenAPI document) and every page with a record in its path (from the
//! page router's source), as every role, against every victim record of
//! the planned demo, and expects each record a role may not see (another
//! organisation's victim, or a kind of work the role may not see: parole
//! work for a witness care officer, the criminal case for a victim
//! liaison officer) to answer 404 (403 where the role may not read that
//! kind of record at all), and never to appear in a list.
//!
//! What each role may see is written here independently of the code under
//! test: which demo victims each user's organisation reaches, and which
//! strands of a victim's record each role reads.
//!
//! A store check: the oracle lists every victim record in the store,
//! independently of the API under test.

use std::collections::{BTreeMap, BTreeSet};

use diesel::prelude::*;
use reqwest::{Method, StatusCode};

use courtside::domain::Role;
use courtside::policy::{permits, Action, ResourceKind};
use courtside::store::schema::*;
use courtside::web::api::REGISTRY;

use crate::helpers::*;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Strand {
    /// The victim's own record: details, consents, assignments.
    Victim,
    /// Cases, hearings, visits, attendance, special measures and the work
    /// planned for them.
    Court,
    /// Parole milestones and the Victim Contact Scheme's work.
    Parole,
}

#[derive(Debug, Clone)]
struct Record {
    id: String,
    victim_ref: String,
    strand: Strand,
}

/// The demo's users: role, and the victims their organisation reaches.
fn users() -> Vec<(&'static str, Role, &'static [&'static str])> {
    vec![
        (AMARA, Role::Supporter, &["V-1001", "V-1003"]),
        (BEN, Role::Supporter, &["V-1002", "V-2001"]),
        (WENDY, Role::WitnessCareOfficer, &["V-1001", "V-1002"]),
        (CARYS, Role::WitnessCareOfficer, &["V-2001"]),
        (VICTOR, Role::VictimLiaisonOfficer, &["V-1002"]),
        (
            MAYA,
            Role::Manager,
            &["V-1001", "V-1002", "V-1003", "V-2001"],
        ),
        (WES, Role::WitnessServiceStaff, &[]),
        (CORA, Role::CourtStaff, &[]),
        (ADMIN, Role::Admin, &[]),
    ]
}

fn strands(role: Role) -> &'static [Strand] {
    match role {
        Role::Supporter | Role::Manager => &[Strand::Victim, Strand::Court, Strand::Parole],
        Role::WitnessCareOfficer => &[Strand::Victim, Strand::Court],
        Role::VictimLiaisonOfficer => &[Strand::Victim, Strand::Parole],
        Role::WitnessServiceStaff | Role::CourtStaff | Role::Admin => &[],
    }
}

/// The API collection each kind of victim record is served under.
fn kind_of(collection: &str) -> Option<ResourceKind> {
    Some(match collection {
        "victims" => ResourceKind::Victim,
        "victim-details" => ResourceKind::VictimSensitive,
        "supporter-assignments" => ResourceKind::SupporterAssignment,
        "consents" => ResourceKind::Consent,
        "cases" => ResourceKind::Case,
        "hearings" => ResourceKind::Hearing,
        "pre-trial-visits" => ResourceKind::PreTrialVisit,
        "special-measures-discussions" => ResourceKind::SpecialMeasuresDiscussion,
        "parole-milestones" => ResourceKind::ParoleMilestone,
        "attendance-requests" => ResourceKind::AttendanceRequest,
        "notices" => ResourceKind::Notice,
        "tasks" => ResourceKind::Task,
        "deadlines" | "warnings" => ResourceKind::Deadline,
        _ => return None,
    })
}

/// Every victim record in the database, by API collection.
fn records(app: &TestApp) -> BTreeMap<&'static str, Vec<Record>> {
    let mut conn = app.pool.get().unwrap();
    let refs: BTreeMap<String, String> = victims::table
        .select((victims::id, victims::reference))
        .load::<(String, String)>(&mut conn)
        .unwrap()
        .into_iter()
        .collect();
    let case_victim: BTreeMap<String, String> = cases::table
        .select((cases::id, cases::victim_id))
        .load::<(String, String)>(&mut conn)
        .unwrap()
        .into_iter()
        .collect();
    let hearing_victim: BTreeMap<String, String> = hearings::table
        .select((hearings::id, hearings::case_id))
        .load::<(String, String)>(&mut conn)
        .unwrap()
        .into_iter()
        .map(|(h, c)| (h, case_victim[&c].clone()))
        .collect();
    let rec = |id: String, victim: &str, strand: Strand| Record {
        id,
        victim_ref: refs[victim].clone(),
        strand,
    };
    let mut out: BTreeMap<&'static str, Vec<Record>> = BTreeMap::new();
    out.insert(
        "victims",
        refs.keys()
            .map(|v| rec(v.clone(), v, Strand::Victim))
            .collect(),
    );
    out.insert(
        "victim-details",
        victim_sensitive_details::table
            .select(victim_sensitive_details::victim_id)
            .load::<String>(&mut conn)
            .unwrap()
            .into_iter()
            .map(|v| rec(v.clone(), &v, Strand::Victim))
            .collect(),
    );
    let by_victim = |rows: Vec<(String, String)>, strand: Strand| -> Vec<Record> {
        rows.into_iter()
            .map(|(id, v)| rec(id, &v, strand))
            .collect()
    };
    out.insert(
        "supporter-assignments",
        by_victim(
            supporter_assignments::table
                .select((supporter_assignments::id, supporter_assignments::victim_id))
                .load(&mut conn)
                .unwrap(),
            Strand::Victim,
        ),
    );
    out.insert(
        "consents",
        by_victim(
            consents::table
                .select((consents::id, consents::victim_id))
                .load(&mut conn)
                .unwrap(),
            Strand::Victim,
        ),
    );
    out.insert(
        "cases",
        case_victim
            .iter()
            .map(|(c, v)| rec(c.clone(), v, Strand::Court))
            .collect(),
    );
    out.insert(
        "hearings",
        hearing_victim
            .iter()
            .map(|(h, v)| rec(h.clone(), v, Strand::Court))
            .collect(),
    );
    out.insert(
        "attendance-requests",
        attendance_requests::table
            .select((attendance_requests::id, attendance_requests::hearing_id))
            .load::<(String, String)>(&mut conn)
            .unwrap()
            .into_iter()
            .map(|(id, h)| rec(id, &hearing_victim[&h], Strand::Court))
            .collect(),
    );
    out.insert(
        "parole-milestones",
        by_victim(
            parole_milestones::table
                .select((parole_milestones::id, parole_milestones::victim_id))
                .load(&mut conn)
                .unwrap(),
            Strand::Parole,
        ),
    );
    // Planned work: parole work is the parole flows' (their templates and
    // steps), the victim liaison officer's tasks and the Victim Contact
    // Scheme's time limits.
    out.insert(
        "notices",
        notices::table
            .select((notices::id, notices::victim_id, notices::template))
            .load::<(String, String, String)>(&mut conn)
            .unwrap()
            .into_iter()
            .map(|(id, v, template)| {
                let strand = if template.starts_with("parole.") {
                    Strand::Parole
                } else {
                    Strand::Court
                };
                rec(id, &v, strand)
            })
            .collect(),
    );
    out.insert(
        "tasks",
        tasks::table
            .select((tasks::id, tasks::victim_id, tasks::step, tasks::role))
            .load::<(String, String, String, String)>(&mut conn)
            .unwrap()
            .into_iter()
            .map(|(id, v, step, role)| {
                let strand = if step.starts_with("parole.") || role == "victim_liaison_officer" {
                    Strand::Parole
                } else {
                    Strand::Court
                };
                rec(id, &v, strand)
            })
            .collect(),
    );
    out.insert(
        "deadlines",
        deadlines::table
            .select((deadlines::id, deadlines::victim_id, deadlines::kind))
            .load::<(String, String, String)>(&mut conn)
            .unwrap()
            .into_iter()
            .map(|(id, v, kind)| {
                let strand = match kind.as_str() {
                    "parole_decision_due"
                    | "reconsideration_window_ends"
                    | "vlo_contacts_victim" => Strand::Parole,
                    _ => Strand::Court,
                };
                rec(id, &v, strand)
            })
            .collect(),
    );
    out
}

fn visible(role: Role, reaches: &[&str], kind: ResourceKind, r: &Record) -> bool {
    permits(role, kind, Action::Read)
        && reaches.contains(&r.victim_ref.as_str())
        && strands(role).contains(&r.strand)
}

/// The GET routes of the OpenAPI document.
async fn api_get_routes(app: &TestApp) -> Vec<String> {
    let (status, doc) = app.call(Method::GET, "/api/openapi.json", None, None).await;
    assert_eq!(status, StatusCode::OK);
    let mut routes: Vec<String> = doc["paths"]
        .as_object()
        .unwrap()
        .iter()
        .filter(|(_, ops)| ops.get("get").is_some())
        .map(|(path, _)| path.clone())
        .collect();
    routes.sort();
    routes
}

/// The GET pages of the page router, read from its source.
fn page_get_routes() -> Vec<String> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src/web/ui");
    let mut routes = BTreeSet::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let text = std::fs::read_to_string(entry.unwrap().path()).unwrap();
        let mut rest = text.as_str();
        while let Some(at) = rest.find("route(") {
            rest = &rest[at + "route(".len()..];
            let trimmed = rest.trim_start();
            let Some(path) = trimmed.strip_prefix('"').and_then(|t| t.split('"').next()) else {
                continue;
            };
            let after = trimmed[path.len() + 2..].trim_start();
            if after
                .trim_start_matches(',')
                .trim_start()
                .starts_with("web::get()")
            {
                routes.insert(path.to_string());
            }
        }
    }
    assert!(
        routes.contains("/notices/{id}") && routes.contains("/tasks"),
        "{routes:?}"
    );
    routes.into_iter().collect()
}

/// The policy kind and action guarding an API route.
/// The Witness Service reaches a hearing's updates on the day
/// (`ResourceKind::TrialUpdate`, its API route and page) when the hearing
/// is at its court and the victim is referred to it: in the demo, Wes's
/// service sits at Leeds Combined Court Centre and V-1001 is referred.
const SERVICE_COURT: &str = "Leeds Combined Court Centre";
const SERVICE_REFERRED: &[&str] = &["V-1001"];

fn service_reaches_updates(app: &TestApp, role: Role, path: &str, r: &Record) -> bool {
    if role != Role::WitnessServiceStaff
        || !path.contains("/trial-updates")
        || !SERVICE_REFERRED.contains(&r.victim_ref.as_str())
    {
        return false;
    }
    let mut conn = app.pool.get().unwrap();
    hearings::table
        .inner_join(courts::table.on(courts::id.eq(hearings::court_id)))
        .filter(hearings::id.eq(&r.id))
        .filter(courts::name.eq(SERVICE_COURT))
        .count()
        .get_result::<i64>(&mut conn)
        .unwrap()
        > 0
}

fn guard(path: &str) -> Option<(ResourceKind, Action)> {
    REGISTRY
        .routes
        .iter()
        .find(|r| r.method == "get" && r.path == path)
        .and_then(|r| Some((r.kind?, r.action?)))
}

#[actix_web::test]
async fn every_read_path_answers_only_what_the_role_may_see() {
    let app = TestApp::spawn_planned_demo().await;
    let all = records(&app);
    // The demo holds work of both strands for the checks to bite on.
    for (collection, strand) in [
        ("notices", Strand::Parole),
        ("notices", Strand::Court),
        ("tasks", Strand::Court),
        ("deadlines", Strand::Parole),
        ("deadlines", Strand::Court),
    ] {
        assert!(
            all[collection].iter().any(|r| r.strand == strand),
            "no {strand:?} {collection} in the demo"
        );
    }
    let api = api_get_routes(&app).await;
    let pages = page_get_routes();
    let mut checked = 0usize;
    for (email, role, reaches) in users() {
        let token = app.login(email).await;
        let cookie = format!("courtside_session={token}");
        for route in &api {
            let rest = route.trim_start_matches("/api/v1/");
            let collection = rest.split('/').next().unwrap();
            let Some(kind) = kind_of(collection) else {
                continue;
            };
            let Some(records) = all.get(collection) else {
                continue;
            };
            let (guard_kind, guard_action) =
                guard(route).unwrap_or_else(|| panic!("{route}: no policy in the registry"));
            let route_allowed = permits(role, guard_kind, guard_action);
            if !route.contains("{id}") {
                // A list: never a record the role may not see.
                let (status, body) = app.get(&format!("{route}?per_page=200"), &token).await;
                if !route_allowed {
                    assert_eq!(status, StatusCode::FORBIDDEN, "{email} {route}");
                    continue;
                }
                assert_eq!(status, StatusCode::OK, "{email} {route}: {body}");
                let listed: BTreeSet<String> = body["items"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .filter_map(|i| {
                        i["id"]
                            .as_str()
                            .or_else(|| i["victim_id"].as_str())
                            .map(str::to_string)
                    })
                    .collect();
                for r in records {
                    let shown = listed.contains(&r.id);
                    assert_eq!(
                        shown,
                        visible(role, reaches, kind, r),
                        "{email} {route}: {collection} {r:?}"
                    );
                }
                checked += 1;
                continue;
            }
            // A route naming one sub-record of the record (a hearing's
            // safety plan) may find none for a record the role sees: 404
            // naming the sub-record, never the record itself.
            let sub_record = route
                .split("{id}")
                .nth(1)
                .is_some_and(|rest| !rest.is_empty());
            let parent_missing = format!("{} not found", collection.trim_end_matches('s'));
            for r in records {
                let path = route.replace("{id}", &r.id);
                let (status, body) = app.get(&path, &token).await;
                let expected = if !route_allowed {
                    StatusCode::FORBIDDEN
                } else if visible(role, reaches, kind, r)
                    || service_reaches_updates(&app, role, route, r)
                {
                    StatusCode::OK
                } else {
                    StatusCode::NOT_FOUND
                };
                if sub_record && expected == StatusCode::OK && status == StatusCode::NOT_FOUND {
                    assert_ne!(
                        body["detail"].as_str(),
                        Some(parent_missing.as_str()),
                        "{email} GET {path} ({r:?}): {body}"
                    );
                } else {
                    assert_eq!(status, expected, "{email} GET {path} ({r:?}): {body}");
                }
                checked += 1;
            }
        }
        // The pages: a record the role may not see is never shown by id.
        for page in &pages {
            let collection = page.trim_start_matches('/').split('/').next().unwrap();
            if !page.contains("{id}") {
                if page.contains('{') {
                    continue;
                }
                let (status, _, body) = app
                    .call_full(Method::GET, page, None, None, &[("cookie", &cookie)])
                    .await;
                let text = body
                    .as_str()
                    .map(str::to_string)
                    .unwrap_or_else(|| body.to_string());
                if status == StatusCode::OK {
                    // (Sensitive details share the victim's id: not a
                    // sign of themselves.)
                    for (collection, records) in all.iter().filter(|(c, _)| **c != "victim-details")
                    {
                        let kind = kind_of(collection).unwrap();
                        for r in records.iter().filter(|r| !visible(role, reaches, kind, r)) {
                            assert!(
                                !text.contains(&r.id),
                                "{email} {page} shows {collection} {r:?}"
                            );
                        }
                    }
                }
                checked += 1;
                continue;
            }
            let Some(records) = all.get(collection) else {
                continue;
            };
            let kind = kind_of(collection).unwrap();
            for r in records
                .iter()
                .filter(|r| !visible(role, reaches, kind, r))
                .filter(|r| !service_reaches_updates(&app, role, page, r))
            {
                let path = page.replace("{id}", &r.id);
                let (status, _, _) = app
                    .call_full(Method::GET, &path, None, None, &[("cookie", &cookie)])
                    .await;
                assert!(
                    status == StatusCode::NOT_FOUND || status == StatusCode::FORBIDDEN,
                    "{email} GET {path} ({r:?}): {status}"
                );
                checked += 1;
            }
        }
    }
    assert!(checked > 500, "only {checked} checks");
    app.stop().await;
}

#[actix_web::test]
async fn the_two_reported_leaks_stay_shut() {
    let app = TestApp::spawn_planned_demo().await;
    let all = records(&app);
    let parole_notice = all["notices"]
        .iter()
        .find(|r| r.strand == Strand::Parole && r.victim_ref == "V-1002")
        .expect("a parole notice for V-1002");
    // The witness care officer whose unit has V-1002's case: not the
    // parole notice's text, by the API or the page.
    let wendy = app.login(WENDY).await;
    let (status, _) = app
        .get(
            &format!("/api/v1/notices/{}/rendered", parole_notice.id),
            &wendy,
        )
        .await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let (status, _, _) = app
        .call_full(
            Method::GET,
            &format!("/notices/{}", parole_notice.id),
            None,
            None,
            &[("cookie", &format!("courtside_session={wendy}"))],
        )
        .await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    // The victim liaison officer's export of V-1002: the parole strand and
    // the victim's own record, not the criminal case.
    let victor = app.login(VICTOR).await;
    let victim = app
        .find_id("/api/v1/victims", &victor, "reference", "V-1002")
        .await;
    let (status, export) = app
        .get(&format!("/api/v1/victims/{victim}/export"), &victor)
        .await;
    assert_eq!(status, StatusCode::OK, "{export}");
    for section in [
        "cases",
        "hearings",
        "attendance_requests",
        "pre_trial_visits",
    ] {
        assert_eq!(export[section], serde_json::json!([]), "{section}");
    }
    assert!(!export["parole_milestones"].as_array().unwrap().is_empty());
    let notices = export["notices"].as_array().unwrap();
    assert!(!notices.is_empty());
    assert!(
        notices
            .iter()
            .all(|n| n["template"].as_str().unwrap().starts_with("parole.")),
        "{notices:?}"
    );
    assert!(
        export["audit"]
            .as_array()
            .unwrap()
            .iter()
            .all(|a| a["entity"] != "hearings" && a["entity"] != "cases"),
        "{}",
        export["audit"]
    );
    // The supporter's export still holds everything.
    let ben = app.login(BEN).await;
    let (_, full) = app
        .get(&format!("/api/v1/victims/{victim}/export"), &ben)
        .await;
    assert!(!full["hearings"].as_array().unwrap().is_empty());
    app.stop().await;
}

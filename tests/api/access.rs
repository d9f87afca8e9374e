//! Relationship-based access: a supporter sees only the victims assigned
//! to them; a WCO only their unit's cases; out of reach reads as not found.
//! One store test: one victim's reach check (`scope::reaches_victim`) is
//! compared with the whole reach for every person and victim, around an
//! assignment moved in the store (no API sets its dates that way).

use reqwest::StatusCode;
use serde_json::json;

use crate::helpers::*;

fn references(list: &serde_json::Value) -> Vec<String> {
    let mut refs: Vec<String> = list["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v["reference"].as_str().unwrap().to_string())
        .collect();
    refs.sort();
    refs
}

#[actix_web::test]
async fn a_supporter_cannot_read_another_supporters_victim() {
    let app = TestApp::spawn().await;
    let amara = app.login(AMARA).await;
    let ben = app.login(BEN).await;

    let (_, amaras) = app.get("/api/v1/victims", &amara).await;
    assert_eq!(references(&amaras), ["V-1001", "V-1003"]);
    let (_, bens) = app.get("/api/v1/victims", &ben).await;
    assert_eq!(references(&bens), ["V-1002", "V-2001"]);

    let amaras_victim = app
        .find_id("/api/v1/victims", &amara, "reference", "V-1001")
        .await;
    let (status, problem) = app
        .get(&format!("/api/v1/victims/{amaras_victim}"), &ben)
        .await;
    assert_problem(status, &problem, StatusCode::NOT_FOUND, None);
    let (status, problem) = app
        .get(&format!("/api/v1/victim-details/{amaras_victim}"), &ben)
        .await;
    assert_problem(status, &problem, StatusCode::NOT_FOUND, None);
    let (status, details) = app
        .get(&format!("/api/v1/victim-details/{amaras_victim}"), &amara)
        .await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(details["full_name"], "Demo Person One");

    // Ben cannot change her either, nor hang a case on her.
    let (status, _) = app
        .put(
            &format!("/api/v1/victims/{amaras_victim}"),
            &ben,
            1,
            json!({"reference": "V-1001"}),
        )
        .await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let (status, problem) = app
        .post(
            "/api/v1/cases",
            &ben,
            json!({"victim_id": amaras_victim, "kind": "family", "case_number": "X1"}),
        )
        .await;
    assert_problem(
        status,
        &problem,
        StatusCode::UNPROCESSABLE_ENTITY,
        Some("victim_id"),
    );

    // Nor see her hearings.
    let (_, amara_hearings) = app.get("/api/v1/hearings", &amara).await;
    let hearing = amara_hearings["items"][0]["id"]
        .as_str()
        .unwrap()
        .to_string();
    let (status, _) = app.get(&format!("/api/v1/hearings/{hearing}"), &ben).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let (_, ben_hearings) = app.get("/api/v1/hearings", &ben).await;
    assert!(ben_hearings["items"]
        .as_array()
        .unwrap()
        .iter()
        .all(|h| h["id"] != hearing.as_str()));
    app.stop().await;
}

#[actix_web::test]
async fn units_regions_and_roles_see_only_their_own() {
    let app = TestApp::spawn().await;
    let wendy = app.login(WENDY).await;
    let carys = app.login(CARYS).await;
    let (_, list) = app.get("/api/v1/victims", &wendy).await;
    assert_eq!(
        references(&list),
        ["V-1001", "V-1002"],
        "West Yorkshire WCU: its criminal cases"
    );
    let (_, list) = app.get("/api/v1/victims", &carys).await;
    assert_eq!(references(&list), ["V-2001"], "Cardiff WCU");

    let victor = app.login(VICTOR).await;
    let (_, list) = app.get("/api/v1/victims", &victor).await;
    assert_eq!(references(&list), ["V-1002"], "probation region");

    let maya = app.login(MAYA).await;
    let (_, list) = app.get("/api/v1/victims", &maya).await;
    assert_eq!(
        references(&list),
        ["V-1001", "V-1002", "V-1003", "V-2001"],
        "manager: the service's caseload"
    );
    // Managers do not read sensitive details.
    let (status, problem) = app.get("/api/v1/victim-details", &maya).await;
    assert_problem(status, &problem, StatusCode::FORBIDDEN, None);

    // Administrators run the directory but see no victims.
    let admin = app.login(ADMIN).await;
    let (status, problem) = app.get("/api/v1/victims", &admin).await;
    assert_problem(status, &problem, StatusCode::FORBIDDEN, None);
    let court = app
        .create(
            "/api/v1/courts",
            &admin,
            json!({"name": "Test Magistrates' Court", "kind": "magistrates", "town": "Testford", "nation": "england"}),
        )
        .await;
    assert_eq!(court["kind"], "magistrates");

    // Court and witness-service staff see no victim records.
    for email in [CORA, WES] {
        let token = app.login(email).await;
        let (status, _) = app.get("/api/v1/hearings", &token).await;
        assert_eq!(status, StatusCode::FORBIDDEN, "{email}");
        let (status, _) = app.get("/api/v1/courts", &token).await;
        assert_eq!(status, StatusCode::OK, "{email} reads the directory");
    }
    // A supporter may not add courts.
    let amara = app.login(AMARA).await;
    let (status, problem) = app
        .post(
            "/api/v1/courts",
            &amara,
            json!({"name": "X", "kind": "crown", "town": "Y", "nation": "wales"}),
        )
        .await;
    assert_problem(status, &problem, StatusCode::FORBIDDEN, None);
    app.stop().await;
}

/// A single record's read asks whether one victim is in reach
/// (`scope::reaches_victim`, a few indexed reads) instead of reading the
/// whole reach: for every person and victim, on days around an assignment's
/// start and end, its answer is the whole reach's.
#[actix_web::test]
async fn one_victim_asked_alone_is_in_reach_exactly_when_the_whole_reach_holds_her() {
    use chrono::NaiveDate;
    use courtside::domain::Role;
    use courtside::policy::Actor;
    use courtside::store::schema::{supporter_assignments, users, victims};
    use courtside::store::scope;
    use diesel::prelude::*;

    let app = TestApp::spawn().await;
    let day = |m, d| NaiveDate::from_ymd_opt(2026, m, d).unwrap();
    let mut conn = app.pool.get().unwrap();
    // One assignment ends on 30 June, another starts on 1 May.
    let assignments: Vec<String> = supporter_assignments::table
        .order(supporter_assignments::id.asc())
        .select(supporter_assignments::id)
        .load(&mut conn)
        .unwrap();
    assert!(assignments.len() >= 2, "{assignments:?}");
    diesel::update(supporter_assignments::table.find(&assignments[0]))
        .set(supporter_assignments::ends_on.eq(Some(day(6, 30))))
        .execute(&mut conn)
        .unwrap();
    diesel::update(supporter_assignments::table.find(&assignments[1]))
        .set(supporter_assignments::starts_on.eq(day(5, 1)))
        .execute(&mut conn)
        .unwrap();

    let people: Vec<(String, String, String)> = users::table
        .select((users::id, users::organisation_id, users::role))
        .load(&mut conn)
        .unwrap();
    let all: Vec<String> = victims::table.select(victims::id).load(&mut conn).unwrap();
    let mut reached = 0;
    for today in [day(3, 20), day(4, 30), day(5, 1), day(6, 30), day(7, 1)] {
        for (user_id, organisation_id, role) in &people {
            let actor = Actor {
                user_id: user_id.clone(),
                organisation_id: organisation_id.clone(),
                role: Role::from_db(role).unwrap(),
            };
            let whole = scope::visible_victim_ids(&mut conn, &actor, today).unwrap();
            for victim in &all {
                let alone = scope::reaches_victim(&mut conn, &actor, today, victim).unwrap();
                assert_eq!(
                    alone,
                    whole.contains(victim),
                    "{role} {user_id} and victim {victim} on {today}"
                );
                reached += usize::from(alone);
            }
        }
    }
    assert!(reached > 0, "some victims are in someone's reach");
}

/// The hearings a week's deadlines count from are read together
/// (`resources::hearings::read_each`): for every person, with her reach
/// read once or asked each time, the set read together is exactly the
/// hearings each read alone gives her, in the order asked, with an
/// unknown id left out.
#[actix_web::test]
async fn hearings_read_together_are_those_each_read_alone_gives() {
    use courtside::app::{self, Ctx};
    use courtside::domain::Role;
    use courtside::policy::Actor;
    use courtside::resources::hearings::{read_each, Hearings};
    use courtside::store::schema::{hearings, users};
    use diesel::prelude::*;

    let app = TestApp::spawn().await;
    let mut conn = app.pool.get().unwrap();
    let mut ids: Vec<String> = hearings::table
        .select(hearings::id)
        .load(&mut conn)
        .unwrap();
    ids.reverse();
    ids.insert(1, "no-such-hearing".to_string());
    let people: Vec<(String, String, String)> = users::table
        .select((users::id, users::organisation_id, users::role))
        .load(&mut conn)
        .unwrap();
    let mut read = 0;
    for (user_id, organisation_id, role) in &people {
        let ctx = Ctx {
            actor: Actor {
                user_id: user_id.clone(),
                organisation_id: organisation_id.clone(),
                role: Role::from_db(role).unwrap(),
            },
            now: chrono::Utc::now(),
            rules: std::sync::Arc::new(courtside::rules::Rules::england_and_wales()),
            reach: None,
        };
        let alone: Result<Vec<String>, _> = ids
            .iter()
            .filter_map(|id| match app::read::<Hearings>(&mut conn, &ctx, id) {
                Ok(h) => Some(Ok(h.id)),
                Err(courtside::error::AppError::NotFound(_)) => None,
                Err(e) => Some(Err(e)),
            })
            .collect();
        let pinned = ctx.pinned(&mut conn).unwrap();
        for ctx in [&ctx, &pinned] {
            let together = read_each(&mut conn, ctx, &ids);
            match &alone {
                Ok(alone) => {
                    let together: Vec<String> =
                        together.unwrap().into_iter().map(|h| h.id).collect();
                    assert_eq!(&together, alone, "{role} {user_id}");
                    read += together.len();
                }
                // A role that may not read hearings is refused either way.
                Err(_) => assert!(together.is_err(), "{role} {user_id}"),
            }
        }
    }
    assert!(read > 0, "someone reads some hearings");
}

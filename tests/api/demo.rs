//! `serve --demo` (and `courtside seed`): the demo records are planned
//! through the flows as they are entered, so each role's first look shows
//! the product working.
//!
//! A store check: the seeded notices to the partner agencies are counted
//! over every victim in the store, which no role can list through the API.

use diesel::prelude::*;
use reqwest::Method;

use courtside::store::schema::notices;

use crate::helpers::*;

async fn total(app: &TestApp, token: &str, path: &str) -> i64 {
    let (status, body) = app.call(Method::GET, path, Some(token), None).await;
    assert!(status.is_success(), "{path}: {status} {body}");
    body["total"]
        .as_i64()
        .unwrap_or_else(|| panic!("{path}: {body}"))
}

#[actix_web::test]
async fn right_after_seeding_every_role_sees_planned_work() {
    let app = TestApp::spawn_planned_demo().await;
    // The roles that work in Courtside: their notices, tasks and deadlines.
    for email in [AMARA, BEN, MAYA, WENDY, CARYS, VICTOR] {
        let token = app.login(email).await;
        let notices = total(&app, &token, "/api/v1/notices").await;
        let tasks = total(&app, &token, "/api/v1/tasks").await;
        let deadlines = total(&app, &token, "/api/v1/deadlines").await;
        assert!(notices > 0, "{email} sees no notices");
        assert!(tasks + deadlines > 0, "{email} sees no tasks or deadlines");
    }
    // Work to do right away: the witness care officer's and the
    // supporter's open tasks.
    for email in [AMARA, WENDY] {
        let token = app.login(email).await;
        assert!(
            total(&app, &token, "/api/v1/tasks").await > 0,
            "{email} has nothing to do"
        );
    }
    // The Witness Service, the court and the prosecutor read their notices
    // by email, not in Courtside: the supporter's requests to attend have
    // reached each.
    let mut conn = app.pool.get().unwrap();
    for (kind, template) in [
        ("witness_service", "criminal.witness_service_request"),
        ("court", "family.advance_identification"),
        ("prosecutor", "criminal.companion_request"),
    ] {
        let planned: i64 = notices::table
            .filter(notices::recipient_kind.eq(kind))
            .filter(notices::template.eq(template))
            .filter(notices::state.eq("pending"))
            .count()
            .get_result(&mut conn)
            .unwrap();
        assert_eq!(planned, 1, "{template} for the {kind}");
    }
}

#[actix_web::test]
async fn the_test_harness_world_stays_unplanned() {
    // Tests start from the demo records alone and plan what they need.
    let app = TestApp::spawn().await;
    let token = app.login(AMARA).await;
    assert_eq!(total(&app, &token, "/api/v1/notices").await, 0);
}

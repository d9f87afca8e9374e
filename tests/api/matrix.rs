//! The authorisation matrix: every role against every route the API
//! serves, asserting allow or deny from the one policy table. A route
//! added without a policy fails here.

use reqwest::{Method, StatusCode};

use courtside::domain::Role;
use courtside::policy::{permits, OPEN_PAGES};
use courtside::web::api::{OPEN_ROUTES, REGISTRY};

use crate::helpers::*;

fn email_for(role: Role) -> &'static str {
    match role {
        Role::Supporter => AMARA,
        Role::WitnessCareOfficer => WENDY,
        Role::VictimLiaisonOfficer => VICTOR,
        Role::CourtStaff => CORA,
        Role::WitnessServiceStaff => WES,
        Role::Manager => MAYA,
        Role::Admin => ADMIN,
    }
}

#[actix_web::test]
async fn every_route_has_a_policy() {
    for route in &REGISTRY.routes {
        let guarded = route.kind.is_some() && route.action.is_some();
        let open = OPEN_ROUTES
            .iter()
            .any(|(m, p, _)| *m == route.method && *p == route.path);
        assert!(
            guarded != open,
            "{} {} must have exactly one of: a policy kind and action, or a place in OPEN_ROUTES",
            route.method,
            route.path
        );
    }
}

#[actix_web::test]
async fn every_role_against_every_route() {
    let app = TestApp::spawn().await;
    let mut checked = 0;
    for role in Role::ALL {
        let token = app.login(email_for(*role)).await;
        for route in REGISTRY.routes.iter().filter(|r| r.kind.is_some()) {
            let kind = route.kind.unwrap();
            let action = route.action.unwrap();
            let path = route
                .path
                .replace("{id}", &uuid::Uuid::new_v4().to_string());
            let method = Method::from_bytes(route.method.to_uppercase().as_bytes()).unwrap();
            // An empty object: a permitted caller gets a validation or
            // version problem, a forbidden one 403 before any parsing.
            let (status, _, body) = app
                .call_full(
                    method,
                    &path,
                    Some(&token),
                    Some(serde_json::json!({})),
                    &[("if-match", "\"1\"")],
                )
                .await;
            let allowed = permits(*role, kind, action);
            if allowed {
                assert_ne!(
                    status,
                    StatusCode::FORBIDDEN,
                    "{role} {} {}: {body}",
                    route.method,
                    route.path
                );
                assert!(
                    !status.is_server_error(),
                    "{role} {} {}: {body}",
                    route.method,
                    route.path
                );
            } else {
                assert_eq!(
                    status,
                    StatusCode::FORBIDDEN,
                    "{role} {} {}: {body}",
                    route.method,
                    route.path
                );
            }
            checked += 1;
        }
        // Without a token, every guarded route is 401.
    }
    let guarded = REGISTRY.routes.iter().filter(|r| r.kind.is_some()).count();
    assert_eq!(checked, guarded * Role::ALL.len());
    for route in REGISTRY.routes.iter().filter(|r| r.kind.is_some()) {
        let method = Method::from_bytes(route.method.to_uppercase().as_bytes()).unwrap();
        let (status, _) = app
            .call(method, &route.path.replace("{id}", "x"), None, None)
            .await;
        assert_eq!(
            status,
            StatusCode::UNAUTHORIZED,
            "{} {}",
            route.method,
            route.path
        );
    }
    app.stop().await;
}

/// The open pages (the ways of signing in, OpenID Connect configured)
/// answer every role, and nobody, alike: never 401 or 403, never a server
/// error, never "sign in first"; the OpenID start goes to the provider
/// whoever asks.
#[actix_web::test]
async fn open_pages_answer_everyone_alike() {
    use crate::oidc::ui_support::Browser;
    let stub = crate::oidc::Stub::start().await;
    let app = stub.app().await;
    let mut visitors = vec![("nobody".to_string(), Browser::new(&app.base))];
    for role in Role::ALL {
        let b = Browser::signed_in(&app.base, email_for(*role)).await;
        visitors.push((format!("{role:?}"), b));
    }
    for (who, b) in &mut visitors {
        for path in OPEN_PAGES {
            let page = b.get(path).await;
            assert!(
                !page.status.is_server_error()
                    && page.status != StatusCode::UNAUTHORIZED
                    && page.status != StatusCode::FORBIDDEN
                    && page.location() != Some("/sign-in"),
                "{who} GET {path}: {} {:?}",
                page.status,
                page.location()
            );
        }
        let start = b.get("/auth/oidc/start").await;
        assert_eq!(start.status, StatusCode::SEE_OTHER, "{who}");
        assert!(start.location().unwrap().starts_with(&stub.issuer), "{who}");
    }
    app.stop().await;
    stub.stop().await;
}

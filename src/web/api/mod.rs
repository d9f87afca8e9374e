//! The JSON API under /api/v1: every record type mounted from one list,
//! plus sign-in and the OpenAPI document.

pub mod acknowledgements;
pub mod after_outcome;
pub mod agenda;
pub mod calendar_feeds;
pub mod consent_undo;
pub mod court_lists;
pub mod court_need_settings;
pub mod court_needs;
pub mod cps_meetings;
pub mod export;
pub mod message_stops;
pub mod openapi;
pub mod outbox;
pub mod reminder_delivery;
pub mod reminder_rules;
pub mod reports;
pub mod resource;
pub mod responsible_adults;
pub mod risk_meetings;
pub mod safety_plans;
pub mod sessions;
pub mod statement_appointments;
pub mod trial_updates;
pub mod updates;
pub mod webhooks;

use std::sync::LazyLock;

use actix_web::{web, HttpResponse};

use crate::error::AppError;
use crate::resources::*;
use resource::{Registry, RouteInfo};

/// Calls `$f::<R>($arg)` for every record type of the API.
macro_rules! each_resource {
    ($f:ident, $arg:expr) => {
        $f::<Organisations>($arg);
        $f::<Users>($arg);
        $f::<Courts>($arg);
        $f::<Victims>($arg);
        $f::<VictimSensitiveDetails>($arg);
        $f::<SupporterAssignments>($arg);
        $f::<Consents>($arg);
        $f::<Cases>($arg);
        $f::<Hearings>($arg);
        $f::<PreTrialVisits>($arg);
        $f::<SpecialMeasuresDiscussions>($arg);
        $f::<ParoleMilestones>($arg);
        $f::<AttendanceRequests>($arg);
        $f::<Notices>($arg);
        $f::<Tasks>($arg);
        $f::<Deadlines>($arg);
        $f::<Warnings>($arg);
    };
}

/// Routes that need no role check beyond what they say.
pub const OPEN_ROUTES: &[(&str, &str, &str)] = &[
    (
        "post",
        "/api/v1/auth/login",
        "Sign in with email and password; returns a bearer token",
    ),
    (
        "post",
        "/api/v1/auth/logout",
        "Revoke the token used for this request",
    ),
    ("get", "/api/v1/me", "Who you are signed in as"),
    ("get", "/api/openapi.json", "This document"),
    ("get", "/metrics", "Outbox figures in Prometheus format"),
];

/// Every route the API serves, with its policy, built once.
pub static REGISTRY: LazyLock<Registry> = LazyLock::new(|| {
    let mut reg = Registry::default();
    reg.schema::<crate::error::Problem>();
    let login_in = reg.schema::<crate::web::auth::LoginInput>();
    let login_out = reg.schema::<crate::web::auth::LoginOutput>();
    let me = reg.schema::<crate::web::auth::Me>();
    for (method, path, summary) in OPEN_ROUTES {
        let (request, response) = match *path {
            "/api/v1/auth/login" => (Some(login_in.clone()), Some(login_out.clone())),
            "/api/v1/me" => (None, Some(me.clone())),
            _ => (None, None),
        };
        reg.route(RouteInfo {
            method,
            path: path.to_string(),
            kind: None,
            action: None,
            summary: summary.to_string(),
            request,
            response,
            paged: false,
        });
    }
    each_resource!(describe, &mut reg);
    outbox::describe(&mut reg);
    court_lists::describe(&mut reg);
    export::describe(&mut reg);
    updates::describe(&mut reg);
    calendar_feeds::describe(&mut reg);
    sessions::describe(&mut reg);
    webhooks::describe(&mut reg);
    acknowledgements::describe(&mut reg);
    reminder_rules::describe(&mut reg);
    reminder_delivery::describe(&mut reg);
    reports::describe(&mut reg);
    message_stops::describe(&mut reg);
    agenda::describe(&mut reg);
    consent_undo::describe(&mut reg);
    court_needs::describe(&mut reg);
    risk_meetings::describe(&mut reg);
    statement_appointments::describe(&mut reg);
    safety_plans::describe(&mut reg);
    cps_meetings::describe(&mut reg);
    court_need_settings::describe(&mut reg);
    trial_updates::describe(&mut reg);
    after_outcome::describe(&mut reg);
    responsible_adults::describe(&mut reg);
    reg
});

fn describe<R: resource::Resource>(reg: &mut Registry) {
    resource::describe::<R>(reg);
}

fn mount<R: resource::Resource>(cfg: &mut web::ServiceConfig) {
    resource::mount::<R>(cfg);
}

static OPENAPI_JSON: LazyLock<String> = LazyLock::new(|| {
    openapi::document(&REGISTRY)
        .to_json()
        .unwrap_or_else(|_| "{}".to_string())
});

async fn openapi_json() -> HttpResponse {
    HttpResponse::Ok()
        .content_type("application/json")
        .body(OPENAPI_JSON.as_str())
}

pub async fn method_not_allowed() -> Result<HttpResponse, AppError> {
    Err(AppError::MethodNotAllowed)
}

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.route(
        "/api/v1/auth/login",
        web::post().to(crate::web::auth::login),
    )
    .route(
        "/api/v1/auth/logout",
        web::post().to(crate::web::auth::logout),
    )
    .route("/api/v1/me", web::get().to(crate::web::auth::me))
    .route("/api/openapi.json", web::get().to(openapi_json));
    outbox::configure(cfg);
    court_lists::configure(cfg);
    export::configure(cfg);
    updates::configure(cfg);
    calendar_feeds::configure(cfg);
    sessions::configure(cfg);
    webhooks::configure(cfg);
    acknowledgements::configure(cfg);
    reminder_rules::configure(cfg);
    reminder_delivery::configure(cfg);
    reports::configure(cfg);
    message_stops::configure(cfg);
    agenda::configure(cfg);
    consent_undo::configure(cfg);
    court_needs::configure(cfg);
    risk_meetings::configure(cfg);
    statement_appointments::configure(cfg);
    safety_plans::configure(cfg);
    cps_meetings::configure(cfg);
    court_need_settings::configure(cfg);
    trial_updates::configure(cfg);
    after_outcome::configure(cfg);
    responsible_adults::configure(cfg);
    each_resource!(mount, cfg);
}

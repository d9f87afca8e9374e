//! An organisation's own reminder offsets for its supporters:
//! `GET /api/v1/organisations/{id}/reminder-rules` shows what is in force
//! (its own, or the defaults from the rules table) and
//! `PUT /api/v1/organisations/{id}/reminder-rules` sets them
//! (`{"supporter": [...]}`, each reminder as in `fixtures/rules.json`) or,
//! with `{"supporter": null}`, goes back to the defaults. Managers for
//! their own organisation, administrators any; anyone else's is 404.
//! Reminders already planned stay as they are; the new offsets apply to
//! hearings and visits planned (or re-planned) afterwards.

use actix_web::{web, HttpResponse};

use super::resource::{authorised_body, run, run_checked, Check, Registry, RouteInfo};
use crate::app::reminder_rules::{self as rules, ReminderRulesInput, ReminderRulesOut};
use crate::error::AppResult;
use crate::policy::{Action, ResourceKind};
use crate::web::auth::Authenticated;
use crate::web::extract::RawBody;
use crate::web::AppState;

const READ: Check = (ResourceKind::ReminderRules, Action::Read, "reminder rule");

async fn read(
    state: web::Data<AppState>,
    who: Authenticated,
    id: web::Path<String>,
) -> AppResult<HttpResponse> {
    let out = run_checked(&state, who, READ, id, rules::read).await?;
    Ok(HttpResponse::Ok().json(out))
}

async fn update(
    state: web::Data<AppState>,
    who: Authenticated,
    id: web::Path<String>,
    body: RawBody,
) -> AppResult<HttpResponse> {
    let check = (ResourceKind::ReminderRules, Action::Update, "reminder rule");
    let (ctx, input): (_, ReminderRulesInput) = authorised_body(&state, who, check, &body)?;
    rules::validate(&ctx, &input)?;
    let id = id.into_inner();
    let out = run(&state, move |conn| rules::update(conn, &ctx, &id, input)).await?;
    tracing::info!(organisation_id = %out.organisation_id, own = out.own, "reminder rules changed");
    Ok(HttpResponse::Ok().json(out))
}
pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.route(
        "/api/v1/organisations/{id}/reminder-rules",
        web::get().to(read),
    )
    .route(
        "/api/v1/organisations/{id}/reminder-rules",
        web::put().to(update),
    );
}

pub fn describe(reg: &mut Registry) {
    let input = reg.schema::<ReminderRulesInput>();
    let out = reg.schema::<ReminderRulesOut>();
    for (method, action, summary, request) in [
        (
            "get",
            Action::Read,
            "An organisation's supporter reminders in force (its own or the defaults)",
            None,
        ),
        (
            "put",
            Action::Update,
            "Set an organisation's own supporter reminders (null: back to the defaults)",
            Some(input),
        ),
    ] {
        reg.route(RouteInfo {
            method,
            path: "/api/v1/organisations/{id}/reminder-rules".into(),
            kind: Some(ResourceKind::ReminderRules),
            action: Some(action),
            summary: summary.into(),
            request,
            response: Some(out.clone()),
            paged: false,
        });
    }
}

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
use diesel::prelude::*;
use serde::{Deserialize, Serialize};

use super::resource::{authorise, run, Ctx, Registry, RouteInfo};
use crate::audit::{self, AuditAction, Entry};
use crate::error::{AppError, AppResult};
use crate::planning::reminder_overrides;
use crate::policy::{manages_reminders_of, Action, ResourceKind};
use crate::rules::{ReminderRule, RulesTable};
use crate::store::schema::organisations;
use crate::store::{self, AnyConn};
use crate::web::auth::Authenticated;
use crate::web::extract::RawBody;
use crate::web::AppState;

#[derive(Debug, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ReminderRulesInput {
    /// The organisation's supporter reminders, replacing the defaults
    /// (an empty list: none); `null`: back to the defaults.
    #[schema(value_type = Option<Vec<Object>>)]
    pub supporter: Option<Vec<ReminderRule>>,
}

#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct ReminderRulesOut {
    pub organisation_id: String,
    /// True when the organisation has its own reminders.
    pub own: bool,
    /// The reminders in force for its supporters.
    #[schema(value_type = Vec<Object>)]
    pub supporter: Vec<ReminderRule>,
    /// The rules table's defaults, for comparison.
    #[schema(value_type = Vec<Object>)]
    pub defaults: Vec<ReminderRule>,
}

fn defaults(ctx: &Ctx) -> crate::rules::ReminderRules {
    RulesTable::default_table()
        .in_force(ctx.today())
        .reminders
        .clone()
}

fn show(conn: &mut AnyConn, ctx: &Ctx, org: &str) -> AppResult<ReminderRulesOut> {
    let exists: i64 = organisations::table.find(org).count().get_result(conn)?;
    if exists == 0 || !manages_reminders_of(&ctx.actor, org) {
        return Err(AppError::NotFound("organisation".into()));
    }
    let own = reminder_overrides::load(conn, org)?;
    let defaults = defaults(ctx).supporter;
    Ok(ReminderRulesOut {
        organisation_id: org.to_string(),
        own: own.is_some(),
        supporter: own.unwrap_or_else(|| defaults.clone()),
        defaults,
    })
}

fn ctx(state: &AppState, who: Authenticated) -> Ctx {
    Ctx {
        actor: who.0,
        now: state.clock.now(),
    }
}

async fn read(
    state: web::Data<AppState>,
    who: Authenticated,
    id: web::Path<String>,
) -> AppResult<HttpResponse> {
    let ctx = ctx(&state, who);
    authorise(
        &ctx.actor,
        ResourceKind::ReminderRules,
        Action::Read,
        "reminder rule",
    )?;
    let id = id.into_inner();
    let out = run(&state, move |conn| show(conn, &ctx, &id)).await?;
    Ok(HttpResponse::Ok().json(out))
}

async fn update(
    state: web::Data<AppState>,
    who: Authenticated,
    id: web::Path<String>,
    body: RawBody,
) -> AppResult<HttpResponse> {
    let ctx = ctx(&state, who);
    authorise(
        &ctx.actor,
        ResourceKind::ReminderRules,
        Action::Update,
        "reminder rule",
    )?;
    let input: ReminderRulesInput = body.decode()?;
    if let Some(rules) = &input.supporter {
        if let Some(problem) = reminder_overrides::problem(rules, &defaults(&ctx).citation) {
            return Err(AppError::field("supporter", problem));
        }
    }
    let id = id.into_inner();
    let out = run(&state, move |conn| {
        show(conn, &ctx, &id)?;
        store::write(conn, |conn| {
            reminder_overrides::save(
                conn,
                &id,
                input.supporter.as_deref(),
                &ctx.actor.user_id,
                ctx.now,
            )?;
            audit::append(
                conn,
                ctx.now,
                Entry::new(
                    AuditAction::Update,
                    Some(&ctx.actor.user_id),
                    "organisation_reminder_rules",
                    &id,
                ),
            )
        })?;
        show(conn, &ctx, &id)
    })
    .await?;
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

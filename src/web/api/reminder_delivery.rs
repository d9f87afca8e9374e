//! A supporter's choice of how their own reminders come:
//! `GET /api/v1/me/reminder-delivery` and
//! `PUT /api/v1/me/reminder-delivery` with
//! `{"delivery": "separately" | "in_daily_digest"}`. Supporters only (no
//! one else gets reminders). The answer says from which London date's
//! digest the choice applies.

use actix_web::{web, HttpResponse};

use super::resource::{authorised_body, authorised_for, run, Check, Registry, RouteInfo};
use crate::app::reminder_delivery::{self as delivery, ReminderDeliveryInput, ReminderDeliveryOut};
use crate::error::AppResult;
use crate::policy::{Action, ResourceKind};
use crate::web::auth::Authenticated;
use crate::web::extract::RawBody;
use crate::web::AppState;

const PATH: &str = "/api/v1/me/reminder-delivery";
const READ: Check = (
    ResourceKind::ReminderDelivery,
    Action::Read,
    "reminder delivery",
);
const UPDATE: Check = (
    ResourceKind::ReminderDelivery,
    Action::Update,
    "reminder delivery",
);

async fn read(state: web::Data<AppState>, who: Authenticated) -> AppResult<HttpResponse> {
    let ctx = authorised_for(&state, who, READ)?;
    let out = run(&state, move |conn| delivery::read(conn, &ctx)).await?;
    Ok(HttpResponse::Ok().json(out))
}

async fn update(
    state: web::Data<AppState>,
    who: Authenticated,
    body: RawBody,
) -> AppResult<HttpResponse> {
    let (ctx, input): (_, ReminderDeliveryInput) = authorised_body(&state, who, UPDATE, &body)?;
    let user_id = ctx.actor.user_id.clone();
    let out = run(&state, move |conn| delivery::update(conn, &ctx, input)).await?;
    tracing::info!(user_id = %user_id, delivery = ?out.delivery, "reminder delivery chosen");
    Ok(HttpResponse::Ok().json(out))
}

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.route(PATH, web::get().to(read))
        .route(PATH, web::put().to(update));
}

pub fn describe(reg: &mut Registry) {
    let input = reg.schema::<ReminderDeliveryInput>();
    let out = reg.schema::<ReminderDeliveryOut>();
    for (method, action, summary, request) in [
        (
            "get",
            Action::Read,
            "How your reminders come: each on its own, or in your daily digest",
            None,
        ),
        (
            "put",
            Action::Update,
            "Choose how your reminders come (supporters)",
            Some(input),
        ),
    ] {
        reg.route(RouteInfo {
            method,
            path: PATH.into(),
            kind: Some(ResourceKind::ReminderDelivery),
            action: Some(action),
            summary: summary.into(),
            request,
            response: Some(out.clone()),
            paged: false,
        });
    }
}

//! Partner organisations' signed webhook endpoints: `POST /api/v1/webhooks`
//! registers one (and answers its signing secret, once), `GET` lists them
//! without secrets, `POST /api/v1/webhooks/{id}/revoke` stops it.
//!
//! Administrators manage any organisation's endpoint, managers their own
//! organisation's (`policy::manages_webhooks_of`); anyone else's is 404.
//! The secret is sealed with the field-encryption key ring at rest. Once
//! an organisation has a live endpoint, its notices go there instead of to
//! its contact email (see `notify::route`).

use actix_web::{web, HttpResponse};
use serde::Serialize;

use super::resource::{authorised, authorised_body, run, run_checked, Check, Registry, RouteInfo};
use crate::app::webhooks::{list, register, revoke, validate};
use crate::error::AppResult;
use crate::policy::{Action, ResourceKind};
use crate::web::auth::Authenticated;
use crate::web::extract::RawBody;
use crate::web::AppState;

pub use crate::app::webhooks::{CreatedWebhookOut, WebhookInput, WebhookOut};

#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct WebhookList {
    pub items: Vec<WebhookOut>,
}

async fn create_route(
    state: web::Data<AppState>,
    who: Authenticated,
    body: RawBody,
) -> AppResult<HttpResponse> {
    let check = (ResourceKind::Webhook, Action::Create, "webhook");
    let (ctx, input): (_, WebhookInput) = authorised_body(&state, who, check, &body)?;
    validate(&input)?;
    let out = run(&state, move |conn| register(conn, &ctx, &input)).await?;
    tracing::info!(webhook_id = %out.id, organisation_id = %out.organisation_id, "webhook registered");
    Ok(HttpResponse::Created()
        .insert_header((actix_web::http::header::CACHE_CONTROL, "no-store"))
        .json(out))
}

async fn list_route(state: web::Data<AppState>, who: Authenticated) -> AppResult<HttpResponse> {
    let ctx = authorised(&state, who, ResourceKind::Webhook, Action::Read, "webhook")?;
    let items = run(&state, move |conn| list(conn, &ctx)).await?;
    Ok(HttpResponse::Ok().json(WebhookList { items }))
}

const REVOKE: Check = (ResourceKind::Webhook, Action::Update, "webhook");

async fn revoke_route(
    state: web::Data<AppState>,
    who: Authenticated,
    id: web::Path<String>,
) -> AppResult<HttpResponse> {
    let out = run_checked(&state, who, REVOKE, id, revoke).await?;
    tracing::info!(webhook_id = %out.id, "webhook revoked");
    Ok(HttpResponse::Ok().json(out))
}

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.route("/api/v1/webhooks", web::post().to(create_route))
        .route("/api/v1/webhooks", web::get().to(list_route))
        .route("/api/v1/webhooks/{id}/revoke", web::post().to(revoke_route));
}

pub fn describe(reg: &mut Registry) {
    let input = reg.schema::<WebhookInput>();
    let created = reg.schema::<CreatedWebhookOut>();
    let one = reg.schema::<WebhookOut>();
    let many = reg.schema::<WebhookList>();
    let routes = [
        (
            "post",
            "/api/v1/webhooks",
            Action::Create,
            "Register a partner organisation's signed webhook (replacing any live one); its secret is shown only in this answer",
            Some(input),
            created,
        ),
        (
            "get",
            "/api/v1/webhooks",
            Action::Read,
            "Webhooks you manage (never their secrets)",
            None,
            many,
        ),
        (
            "post",
            "/api/v1/webhooks/{id}/revoke",
            Action::Update,
            "Revoke a webhook: the organisation's notices go by email again",
            None,
            one,
        ),
    ];
    for (method, path, action, summary, request, response) in routes {
        reg.route(RouteInfo {
            method,
            path: path.into(),
            kind: Some(ResourceKind::Webhook),
            action: Some(action),
            summary: summary.into(),
            request,
            response: Some(response),
            paged: false,
        });
    }
}

//! Subject-access export: everything Courtside holds about one victim, as
//! one JSON document, for a front-line role that may read the victim's
//! sensitive details and has the victim in scope. Every export is audited.

use actix_web::{web, HttpResponse};

use super::resource::{run_checked, Check, Registry, RouteInfo};
use crate::app::export::SubjectAccessExport;
use crate::error::AppResult;
use crate::policy::{Action, ResourceKind};
use crate::web::auth::Authenticated;
use crate::web::AppState;

pub const PATH: &str = "/api/v1/victims/{id}/export";

const EXPORT: Check = (
    ResourceKind::VictimSensitive,
    Action::Read,
    "subject-access export",
);

async fn export(
    state: web::Data<AppState>,
    who: Authenticated,
    id: web::Path<String>,
) -> AppResult<HttpResponse> {
    let out = run_checked(&state, who, EXPORT, id, crate::app::export::export).await?;
    tracing::info!(victim_id = %out.victim["id"].as_str().unwrap_or_default(), "subject-access export");
    Ok(HttpResponse::Ok()
        .insert_header(("cache-control", "no-store"))
        .json(out))
}

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.route(PATH, web::get().to(export));
}

pub fn describe(reg: &mut Registry) {
    let out = reg.schema::<SubjectAccessExport>();
    reg.route(RouteInfo {
        method: "get",
        path: PATH.into(),
        kind: Some(ResourceKind::VictimSensitive),
        action: Some(Action::Read),
        summary: "Subject-access export: everything held about a victim, decrypted (audited)"
            .into(),
        request: None,
        response: Some(out),
        paged: false,
    });
}

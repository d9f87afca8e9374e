//! `POST /api/v1/notices/{id}/acknowledgement`: the recipient of a notice
//! that needs action says they have it in hand. Allowed to the recipient
//! user or any member of the recipient organisation
//! (`policy::may_acknowledge`); to anyone else the notice is 404.
//! Acknowledging twice is harmless and answers the first acknowledgement.

use actix_web::{web, HttpResponse};

use super::resource::{run_checked, Check, Registry, RouteInfo};
use crate::app::acknowledgements;
use crate::error::AppResult;
use crate::notify::ack;
use crate::policy::{Action, ResourceKind};
use crate::web::auth::Authenticated;
use crate::web::AppState;

const ACKNOWLEDGE: Check = (
    ResourceKind::NoticeAcknowledgement,
    Action::Create,
    "notice acknowledgement",
);

async fn acknowledge(
    state: web::Data<AppState>,
    who: Authenticated,
    id: web::Path<String>,
) -> AppResult<HttpResponse> {
    let out = run_checked(&state, who, ACKNOWLEDGE, id, acknowledgements::acknowledge).await?;
    tracing::info!(notice_id = %out.notice_id, "notice acknowledged");
    Ok(HttpResponse::Ok().json(out))
}

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.route(
        "/api/v1/notices/{id}/acknowledgement",
        web::post().to(acknowledge),
    );
}

pub fn describe(reg: &mut Registry) {
    let out = reg.schema::<ack::AckState>();
    reg.route(RouteInfo {
        method: "post",
        path: "/api/v1/notices/{id}/acknowledgement".into(),
        kind: Some(ResourceKind::NoticeAcknowledgement),
        action: Some(Action::Create),
        summary: "Acknowledge a notice that needs action (its recipient, or a member of the recipient organisation)".into(),
        request: None,
        response: Some(out),
        paged: false,
    });
}

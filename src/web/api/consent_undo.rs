//! `POST /api/v1/consents/{id}/undo-withdrawal`: the API twin of the
//! page's "Undo the withdrawal" (`app::consents::undo`). Within
//! `app::consents::UNDO_MINUTES` of a withdrawal, the consent is recorded
//! again from now and the notices that withdrawal stopped are planned
//! again; otherwise a problem says where the consent stands and what to do.

use actix_web::{web, HttpResponse};
use serde::Serialize;

use super::resource::{run_for, Registry, RouteInfo};
use crate::app::consents::{self, Undo};
use crate::error::{AppError, AppResult};
use crate::policy::{Action, ResourceKind};
use crate::resources::ConsentOut;
use crate::web::auth::Authenticated;
use crate::web::AppState;

const PATH: &str = "/api/v1/consents/{id}/undo-withdrawal";

/// The consent recorded again, and how many stopped notices were planned
/// again.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct UndoOut {
    pub consent: ConsentOut,
    pub notices_planned_again: usize,
}

async fn undo(
    state: web::Data<AppState>,
    who: Authenticated,
    id: web::Path<String>,
) -> AppResult<HttpResponse> {
    let out = run_for(&state, who, id, consents::undo).await?;
    match out {
        Undo::Restored { consent, revived } => Ok(HttpResponse::Created().json(UndoOut {
            consent,
            notices_planned_again: revived,
        })),
        Undo::Expired { ended, .. } => Err(AppError::Conflict(format!(
            "the time to undo this withdrawal ended at {} (UK time); record a new consent instead",
            crate::calendar::format_long(ended)
        ))),
        Undo::NotWithdrawn(_) => Err(AppError::Conflict(
            "this consent was not withdrawn, so there is nothing to undo".into(),
        )),
        Undo::AlreadyInForce(_) => Err(AppError::Conflict(
            "a consent of this scope is already in force again for this victim; nothing more to do"
                .into(),
        )),
        Undo::Open { .. } => Err(AppError::Internal(
            "undo answered that it could still be undone".into(),
        )),
    }
}

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.route(PATH, web::post().to(undo));
}

pub fn describe(reg: &mut Registry) {
    let output = reg.schema::<UndoOut>();
    reg.route(RouteInfo {
        method: "post",
        path: PATH.into(),
        kind: Some(ResourceKind::Consent),
        action: Some(Action::Create),
        summary: format!(
            "Undo a consent's withdrawal within {} minutes of it: the consent is recorded again from now and the notices the withdrawal stopped are planned again (409 with a reason otherwise)",
            consents::UNDO_MINUTES
        ),
        request: None,
        response: Some(output),
        paged: false,
    });
}

//! A victim's "stop all messages" as her supporter or officer sees it:
//! `GET /api/v1/victims/{id}/message-stop` says whether and when she
//! stopped them; `DELETE` starts messages again when she asks (audited
//! with who did it). The stop itself is only ever the victim's, by the
//! link in a message (`web::ui::stop`).

use actix_web::{web, HttpResponse};

use super::resource::{run_for, Registry, RouteInfo};
use crate::app::message_stops::{self, MessageStopOut};
use crate::error::AppResult;
use crate::policy::{Action, ResourceKind};
use crate::web::auth::Authenticated;
use crate::web::AppState;

const PATH: &str = "/api/v1/victims/{id}/message-stop";

async fn show(
    state: web::Data<AppState>,
    who: Authenticated,
    id: web::Path<String>,
) -> AppResult<HttpResponse> {
    let out = run_for(&state, who, id, message_stops::status).await?;
    Ok(HttpResponse::Ok().json(out))
}

async fn resume(
    state: web::Data<AppState>,
    who: Authenticated,
    id: web::Path<String>,
) -> AppResult<HttpResponse> {
    let out = run_for(&state, who, id, message_stops::resume).await?;
    Ok(HttpResponse::Ok().json(out))
}

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.route(PATH, web::get().to(show))
        .route(PATH, web::delete().to(resume));
}

pub fn describe(reg: &mut Registry) {
    let output = reg.schema::<MessageStopOut>();
    reg.route(RouteInfo {
        method: "get",
        path: PATH.into(),
        kind: Some(ResourceKind::Victim),
        action: Some(Action::Read),
        summary: "Whether the victim stopped all messages by the link in a message, and when"
            .into(),
        request: None,
        response: Some(output.clone()),
        paged: false,
    });
    reg.route(RouteInfo {
        method: "delete",
        path: PATH.into(),
        kind: Some(ResourceKind::Victim),
        action: Some(Action::Update),
        summary: "Messages go to the victim again, because she asked (audited)".into(),
        request: None,
        response: Some(output),
        paged: false,
    });
}

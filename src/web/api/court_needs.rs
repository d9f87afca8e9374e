//! A victim's needs at court (issue 19, item 1):
//! `GET /api/v1/victims/{id}/court-needs` lists those in force, `POST`
//! records one, `DELETE .../court-needs/{need_id}` withdraws one. The work,
//! its role check, transaction and audit entry, is `app::court_needs`,
//! which the victim's page calls too.

use actix_web::{web, HttpResponse};
use serde::Serialize;

use super::resource::{authorise, run, run_for, Registry, RouteInfo};
use crate::app::court_needs::{self, CourtNeedInput, CourtNeedOut};
use crate::error::AppResult;
use crate::policy::{Action, ResourceKind};
use crate::web::auth::Authenticated;
use crate::web::extract::RawBody;
use crate::web::AppState;

const PATH: &str = "/api/v1/victims/{id}/court-needs";
const ONE: &str = "/api/v1/victims/{id}/court-needs/{need_id}";

/// The victim's needs in force.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct CourtNeedList {
    pub items: Vec<CourtNeedOut>,
}

async fn list(
    state: web::Data<AppState>,
    who: Authenticated,
    id: web::Path<String>,
) -> AppResult<HttpResponse> {
    let items = run_for(&state, who, id, court_needs::list).await?;
    Ok(HttpResponse::Ok().json(CourtNeedList { items }))
}

async fn record(
    state: web::Data<AppState>,
    who: Authenticated,
    id: web::Path<String>,
    body: RawBody,
) -> AppResult<HttpResponse> {
    let ctx = state.ctx(who.0);
    let id = id.into_inner();
    // A role that may not record is refused before the body is read (the
    // use case checks again).
    authorise(&ctx.actor, ResourceKind::Victim, Action::Update, "victim")?;
    let input: CourtNeedInput = body.decode()?;
    let out = run(&state, move |conn| {
        court_needs::record(conn, &ctx, &id, &input)
    })
    .await?;
    Ok(HttpResponse::Created().json(out))
}

async fn withdraw(
    state: web::Data<AppState>,
    who: Authenticated,
    path: web::Path<(String, String)>,
) -> AppResult<HttpResponse> {
    let ctx = state.ctx(who.0);
    let (id, need_id) = path.into_inner();
    run(&state, move |conn| {
        court_needs::withdraw(conn, &ctx, &id, &need_id)
    })
    .await?;
    Ok(HttpResponse::NoContent().finish())
}

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.route(PATH, web::get().to(list))
        .route(PATH, web::post().to(record))
        .route(ONE, web::delete().to(withdraw));
}

pub fn describe(reg: &mut Registry) {
    let input = reg.schema::<CourtNeedInput>();
    let one = reg.schema::<CourtNeedOut>();
    let many = reg.schema::<CourtNeedList>();
    let routes = [
        (
            "get",
            PATH,
            Action::Read,
            "The victim's needs at court in force (interpreter, BSL interpreter, registered intermediary, disability access, separate waiting room)",
            None,
            Some(many),
        ),
        (
            "post",
            PATH,
            Action::Update,
            "Record a need at court; with the victim's Witness Service referral consent it goes to the court and the Witness Service with the attendance request (audited by kind, never the language)",
            Some(input),
            Some(one),
        ),
        (
            "delete",
            ONE,
            Action::Update,
            "Withdraw a need at court: it is no longer passed on (audited)",
            None,
            None,
        ),
    ];
    for (method, path, action, summary, request, response) in routes {
        reg.route(RouteInfo {
            method,
            path: path.into(),
            kind: Some(ResourceKind::Victim),
            action: Some(action),
            summary: summary.into(),
            request,
            response,
            paged: false,
        });
    }
}

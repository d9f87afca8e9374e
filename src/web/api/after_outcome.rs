//! What follows a case's outcome (issue 19, item 6):
//! - `GET`/`POST /api/v1/cases/{id}/protective-orders` list and record the
//!   case's protective orders; `GET`/`PUT /api/v1/protective-orders/{id}`
//!   read and change one (`PUT` with `If-Match`); `POST
//!   /api/v1/protective-orders/{id}/end` ends or discharges one (`If-Match`);
//! - `GET`/`POST /api/v1/cases/{id}/review-decisions`: decisions not to
//!   charge or to stop the case, with their Victims' Right to Review limits;
//! - `GET`/`POST`/`PUT /api/v1/cases/{id}/compensation`: the incident date
//!   for criminal injuries compensation and its two-year limit (`PUT` with
//!   `If-Match`).
//!
//! The work, its role and reach checks, transaction, plan and audit entry,
//! is `app::after_outcome`, which the case's pages call too.

use actix_web::{http::StatusCode, web, HttpRequest, HttpResponse};
use serde::Serialize;

use super::resource::{
    run_checked, run_checked_versioned, run_checked_with, tagged, Check, Registry,
};
use crate::app::after_outcome::{
    self as uc, CompensationInput, CompensationOut, EndOrderInput, ProtectiveOrderInput,
    ProtectiveOrderOut, ReviewDecisionInput, ReviewDecisionOut,
};
use crate::error::{AppError, AppResult};
use crate::policy::{Action, ResourceKind};
use crate::web::auth::Authenticated;
use crate::web::extract::RawBody;
use crate::web::AppState;

const ORDERS: &str = "/api/v1/cases/{id}/protective-orders";
const ORDER: &str = "/api/v1/protective-orders/{id}";
const END: &str = "/api/v1/protective-orders/{id}/end";
const DECISIONS: &str = "/api/v1/cases/{id}/review-decisions";
const CLAIM: &str = "/api/v1/cases/{id}/compensation";

const READ: Check = (ResourceKind::VictimSensitive, Action::Read, "victim");
const WRITE: Check = (ResourceKind::VictimSensitive, Action::Update, "victim");

/// The case's protective orders, those in force first.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct ProtectiveOrderList {
    pub items: Vec<ProtectiveOrderOut>,
}

/// The case's decisions not to charge or to stop it, newest first.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct ReviewDecisionList {
    pub items: Vec<ReviewDecisionOut>,
}

async fn list_orders(
    state: web::Data<AppState>,
    who: Authenticated,
    id: web::Path<String>,
) -> AppResult<HttpResponse> {
    let items = run_checked(&state, who, READ, id, uc::list_orders).await?;
    Ok(HttpResponse::Ok().json(ProtectiveOrderList { items }))
}

async fn record_order(
    state: web::Data<AppState>,
    who: Authenticated,
    id: web::Path<String>,
    body: RawBody,
) -> AppResult<HttpResponse> {
    let o = run_checked_with(&state, who, WRITE, id, body, |conn, ctx, id, input| {
        uc::record_order(conn, ctx, id, &input)
    })
    .await?;
    Ok(tagged(StatusCode::CREATED, o.version, &o))
}

async fn read_order(
    state: web::Data<AppState>,
    who: Authenticated,
    id: web::Path<String>,
) -> AppResult<HttpResponse> {
    let o = run_checked(&state, who, READ, id, uc::read_order).await?;
    Ok(tagged(StatusCode::OK, o.version, &o))
}

async fn update_order(
    state: web::Data<AppState>,
    who: Authenticated,
    req: HttpRequest,
    id: web::Path<String>,
    body: RawBody,
) -> AppResult<HttpResponse> {
    let o = run_checked_versioned(
        &state,
        who,
        WRITE,
        &req,
        id,
        body,
        |conn, ctx, id, v, input: ProtectiveOrderInput| uc::update_order(conn, ctx, id, v, &input),
    )
    .await?;
    Ok(tagged(StatusCode::OK, o.version, &o))
}

async fn end_order(
    state: web::Data<AppState>,
    who: Authenticated,
    req: HttpRequest,
    id: web::Path<String>,
    body: RawBody,
) -> AppResult<HttpResponse> {
    let o = run_checked_versioned(
        &state,
        who,
        WRITE,
        &req,
        id,
        body,
        |conn, ctx, id, v, input: EndOrderInput| uc::end_order(conn, ctx, id, v, &input),
    )
    .await?;
    Ok(tagged(StatusCode::OK, o.version, &o))
}

async fn list_decisions(
    state: web::Data<AppState>,
    who: Authenticated,
    id: web::Path<String>,
) -> AppResult<HttpResponse> {
    let items = run_checked(&state, who, READ, id, uc::list_decisions).await?;
    Ok(HttpResponse::Ok().json(ReviewDecisionList { items }))
}

async fn record_decision(
    state: web::Data<AppState>,
    who: Authenticated,
    id: web::Path<String>,
    body: RawBody,
) -> AppResult<HttpResponse> {
    let d = run_checked_with(&state, who, WRITE, id, body, |conn, ctx, id, input| {
        uc::record_decision(conn, ctx, id, &input)
    })
    .await?;
    Ok(HttpResponse::Created().json(d))
}

async fn read_claim(
    state: web::Data<AppState>,
    who: Authenticated,
    id: web::Path<String>,
) -> AppResult<HttpResponse> {
    let c = run_checked(&state, who, READ, id, uc::read_claim)
        .await?
        .ok_or_else(|| AppError::NotFound("compensation record".into()))?;
    Ok(tagged(StatusCode::OK, c.version, &c))
}

async fn record_claim(
    state: web::Data<AppState>,
    who: Authenticated,
    id: web::Path<String>,
    body: RawBody,
) -> AppResult<HttpResponse> {
    let c = run_checked_with(&state, who, WRITE, id, body, |conn, ctx, id, input| {
        uc::record_claim(conn, ctx, id, &input)
    })
    .await?;
    Ok(tagged(StatusCode::CREATED, c.version, &c))
}

async fn update_claim(
    state: web::Data<AppState>,
    who: Authenticated,
    req: HttpRequest,
    id: web::Path<String>,
    body: RawBody,
) -> AppResult<HttpResponse> {
    let c = run_checked_versioned(
        &state,
        who,
        WRITE,
        &req,
        id,
        body,
        |conn, ctx, id, v, input: CompensationInput| uc::update_claim(conn, ctx, id, v, &input),
    )
    .await?;
    Ok(tagged(StatusCode::OK, c.version, &c))
}

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.route(ORDERS, web::get().to(list_orders))
        .route(ORDERS, web::post().to(record_order))
        .route(ORDER, web::get().to(read_order))
        .route(ORDER, web::put().to(update_order))
        .route(END, web::post().to(end_order))
        .route(DECISIONS, web::get().to(list_decisions))
        .route(DECISIONS, web::post().to(record_decision))
        .route(CLAIM, web::get().to(read_claim))
        .route(CLAIM, web::post().to(record_claim))
        .route(CLAIM, web::put().to(update_claim));
}

pub fn describe(reg: &mut Registry) {
    let order_in = reg.schema::<ProtectiveOrderInput>();
    let order = reg.schema::<ProtectiveOrderOut>();
    let orders = reg.schema::<ProtectiveOrderList>();
    let end = reg.schema::<EndOrderInput>();
    let decision_in = reg.schema::<ReviewDecisionInput>();
    let decision = reg.schema::<ReviewDecisionOut>();
    let decisions = reg.schema::<ReviewDecisionList>();
    let claim_in = reg.schema::<CompensationInput>();
    let claim = reg.schema::<CompensationOut>();
    use Action::{Read, Update};
    use ResourceKind::VictimSensitive as K;
    reg.guarded([
        ("get", ORDERS, K, Read, "The case's protective orders (non-molestation, occupation, restraining, prohibited steps), those in force first; the note is the team's only", None, Some(orders)),
        ("post", ORDERS, K, Update, "Record a protective order on the case; with an end date, the supporter is reminded before it ends (a task and a deadline; offsets in the rules table). Audited by kind, never the note", Some(order_in.clone()), Some(order.clone())),
        ("get", ORDER, K, Read, "One protective order, with its ETag", None, Some(order.clone())),
        ("put", ORDER, K, Update, "Change a protective order (send If-Match with its ETag); a new end date moves its reminders", Some(order_in), Some(order.clone())),
        ("post", END, K, Update, "End or discharge a protective order (send If-Match with its ETag): its reminders stop (audited)", Some(end), Some(order)),
        ("get", DECISIONS, K, Read, "The case's decisions not to charge or to stop it, each with its Victims' Right to Review limits", None, Some(decisions)),
        ("post", DECISIONS, K, Update, "Record a decision not to charge (police or CPS) or to stop the case (CPS), and the day the victim was told: plans the review limits for the supporter; a decision to stop the case closes it (audited)", Some(decision_in), Some(decision)),
        ("get", CLAIM, K, Read, "The case's criminal injuries compensation record: the incident date and the last day to apply", None, Some(claim.clone())),
        ("post", CLAIM, K, Update, "Record the incident date of a crime of violence: plans the supporter's reminder and the two-year application deadline (audited)", Some(claim_in.clone()), Some(claim.clone())),
        ("put", CLAIM, K, Update, "Correct the incident date (send If-Match with its ETag): the reminder and deadline move with it", Some(claim_in), Some(claim)),
    ]);
}

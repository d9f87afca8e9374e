//! Statement-taking and ABE-interview appointments (issue 19, item 4):
//! `GET` and `POST /api/v1/cases/{id}/statement-appointments` list and
//! book a criminal case's appointments; `GET
//! /api/v1/statement-appointments/{id}` reads one, `PUT` (with `If-Match`)
//! changes it and `POST .../cancel` (with `If-Match`) withdraws it. The
//! work, its role and reach checks, transaction, planning and audit
//! entries, is `app::statement_appointments`, which the pages call too.

use actix_web::http::StatusCode;
use actix_web::{web, HttpRequest, HttpResponse};

use super::resource::{
    run_checked, run_checked_versioned, run_checked_with, tagged, Check, Registry,
};
use crate::app::statement_appointments::{
    self, CancelInput, StatementAppointmentInput, StatementAppointmentOut,
};
use crate::app::Ctx;
use crate::error::AppResult;
use crate::policy::{Action, ResourceKind};
use crate::store::AnyConn;
use crate::web::auth::Authenticated;
use crate::web::extract::RawBody;
use crate::web::AppState;

const OF_CASE: &str = "/api/v1/cases/{id}/statement-appointments";
const ONE: &str = "/api/v1/statement-appointments/{id}";
const CANCEL: &str = "/api/v1/statement-appointments/{id}/cancel";

const KIND: ResourceKind = ResourceKind::StatementAppointment;
const READ: Check = (KIND, Action::Read, "statement appointment");
const CREATE: Check = (KIND, Action::Create, "statement appointment");
const UPDATE: Check = (KIND, Action::Update, "statement appointment");

/// The list's body: `{"items": [...]}`, latest first.
#[derive(serde::Serialize, utoipa::ToSchema)]
pub struct StatementAppointmentList {
    pub items: Vec<StatementAppointmentOut>,
}

async fn list(
    state: web::Data<AppState>,
    who: Authenticated,
    id: web::Path<String>,
) -> AppResult<HttpResponse> {
    let items = run_checked(&state, who, READ, id, statement_appointments::list).await?;
    Ok(HttpResponse::Ok().json(StatementAppointmentList { items }))
}

async fn record(
    state: web::Data<AppState>,
    who: Authenticated,
    id: web::Path<String>,
    body: RawBody,
) -> AppResult<HttpResponse> {
    let a = run_checked_with(&state, who, CREATE, id, body, |conn, ctx, id, input| {
        statement_appointments::record(conn, ctx, id, &input)
    })
    .await?;
    Ok(tagged(StatusCode::CREATED, a.version, &a))
}

async fn read(
    state: web::Data<AppState>,
    who: Authenticated,
    id: web::Path<String>,
) -> AppResult<HttpResponse> {
    let a = run_checked(&state, who, READ, id, statement_appointments::read).await?;
    Ok(tagged(StatusCode::OK, a.version, &a))
}

/// A change with If-Match (PUT, or the withdrawal), answered with the
/// appointment and its new ETag.
async fn versioned<I: serde::de::DeserializeOwned + Send + 'static>(
    (state, who, req): (web::Data<AppState>, Authenticated, HttpRequest),
    id: web::Path<String>,
    body: RawBody,
    f: fn(&mut AnyConn, &Ctx, &str, i32, I) -> AppResult<StatementAppointmentOut>,
) -> AppResult<HttpResponse> {
    let a = run_checked_versioned(&state, who, UPDATE, &req, id, body, f).await?;
    Ok(tagged(StatusCode::OK, a.version, &a))
}

async fn update(
    state: web::Data<AppState>,
    who: Authenticated,
    req: HttpRequest,
    id: web::Path<String>,
    body: RawBody,
) -> AppResult<HttpResponse> {
    versioned(
        (state, who, req),
        id,
        body,
        |conn, ctx, id, expected, input: StatementAppointmentInput| {
            statement_appointments::update(conn, ctx, id, expected, &input)
        },
    )
    .await
}

async fn cancel(
    state: web::Data<AppState>,
    who: Authenticated,
    req: HttpRequest,
    id: web::Path<String>,
    body: RawBody,
) -> AppResult<HttpResponse> {
    versioned((state, who, req), id, body, statement_appointments::cancel).await
}

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.route(OF_CASE, web::get().to(list))
        .route(OF_CASE, web::post().to(record))
        .route(ONE, web::get().to(read))
        .route(ONE, web::put().to(update))
        .route(CANCEL, web::post().to(cancel));
}

pub fn describe(reg: &mut Registry) {
    let input = reg.schema::<StatementAppointmentInput>();
    let cancel_in = reg.schema::<CancelInput>();
    let one = reg.schema::<StatementAppointmentOut>();
    let listed = reg.schema::<StatementAppointmentList>();
    let routes = [
        (
            "get",
            OF_CASE,
            KIND,
            Action::Read,
            "A criminal case's statement-taking and ABE-interview appointments, latest first, each with the reminders still to come (the victim's supporters and the case's witness care officers)",
            None,
            Some(listed),
        ),
        (
            "post",
            OF_CASE,
            KIND,
            Action::Create,
            "Book a statement-taking or ABE-interview appointment: time, place (never the victim's address), the officer (a witness care officer of the case's unit), the supporter booked for before and after (never in the room) and an alternative supporter (both her supporters now). Reminders become tasks for the three (the rules table's offsets); nothing is sent to anyone; audited by id and kind",
            Some(input.clone()),
            Some(one.clone()),
        ),
        (
            "get",
            ONE,
            KIND,
            Action::Read,
            "A statement appointment",
            None,
            Some(one.clone()),
        ),
        (
            "put",
            ONE,
            KIND,
            Action::Update,
            "Change a booked statement appointment (send If-Match with its ETag); the reminders are re-planned",
            Some(input),
            Some(one.clone()),
        ),
        (
            "post",
            CANCEL,
            KIND,
            Action::Update,
            "Withdraw a statement appointment (send {} with If-Match); its reminders are cancelled",
            Some(cancel_in),
            Some(one),
        ),
    ];
    reg.guarded(routes);
}

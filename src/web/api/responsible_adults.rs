//! A child victim's responsible adults (issue 19, item 9):
//! `GET /api/v1/victims/{id}/responsible-adults` lists them (and whether
//! they may be told at all), `POST` records one; `GET` and `PUT` (with
//! `If-Match`) `/api/v1/responsible-adults/{id}` read and change one;
//! `POST .../end` ends their role and `POST .../exclude` records that the
//! victim or the court excluded them (both with `If-Match`; what was
//! planned for them is cancelled). The work, its role and reach checks,
//! transaction and audit entries, is `app::responsible_adults`, which the
//! victim's page calls too.

use actix_web::http::StatusCode;
use actix_web::{web, HttpRequest, HttpResponse};

use super::resource::{
    authorised_for, run, run_checked, run_checked_versioned, run_checked_with, tagged, Check,
    Registry,
};
use crate::app::responsible_adults::{
    self, ExclusionDone, ExclusionInput, ResponsibleAdultInput, ResponsibleAdultList,
    ResponsibleAdultOut,
};
use crate::error::AppResult;
use crate::policy::{Action, ResourceKind};
use crate::web::auth::Authenticated;
use crate::web::extract::{if_match_version, RawBody};
use crate::web::AppState;

const OF_VICTIM: &str = "/api/v1/victims/{id}/responsible-adults";
const ONE: &str = "/api/v1/responsible-adults/{id}";
const END: &str = "/api/v1/responsible-adults/{id}/end";
const EXCLUDE: &str = "/api/v1/responsible-adults/{id}/exclude";

const WHAT: &str = "responsible adult";
const READ: Check = (ResourceKind::ResponsibleAdult, Action::Read, WHAT);
const CREATE: Check = (ResourceKind::ResponsibleAdult, Action::Create, WHAT);
const UPDATE: Check = (ResourceKind::ResponsibleAdult, Action::Update, WHAT);

async fn list(
    state: web::Data<AppState>,
    who: Authenticated,
    id: web::Path<String>,
) -> AppResult<HttpResponse> {
    let found = run_checked(&state, who, READ, id, responsible_adults::list).await?;
    Ok(HttpResponse::Ok().json(found))
}

async fn add(
    state: web::Data<AppState>,
    who: Authenticated,
    id: web::Path<String>,
    body: RawBody,
) -> AppResult<HttpResponse> {
    let added = run_checked_with(&state, who, CREATE, id, body, |conn, ctx, id, input| {
        responsible_adults::add(conn, ctx, id, &input)
    })
    .await?;
    Ok(tagged(StatusCode::CREATED, added.version, &added))
}

async fn read(
    state: web::Data<AppState>,
    who: Authenticated,
    id: web::Path<String>,
) -> AppResult<HttpResponse> {
    let adult = run_checked(&state, who, READ, id, responsible_adults::get).await?;
    Ok(tagged(StatusCode::OK, adult.version, &adult))
}

async fn change(
    state: web::Data<AppState>,
    who: Authenticated,
    req: HttpRequest,
    id: web::Path<String>,
    body: RawBody,
) -> AppResult<HttpResponse> {
    let adult = run_checked_versioned(
        &state,
        who,
        UPDATE,
        &req,
        id,
        body,
        |conn, ctx, id, expected, input: ResponsibleAdultInput| {
            responsible_adults::update(conn, ctx, id, expected, &input)
        },
    )
    .await?;
    Ok(tagged(StatusCode::OK, adult.version, &adult))
}

async fn end(
    state: web::Data<AppState>,
    who: Authenticated,
    req: HttpRequest,
    id: web::Path<String>,
) -> AppResult<HttpResponse> {
    let ctx = authorised_for(&state, who, UPDATE)?;
    let expected = if_match_version(&req)?;
    let id = id.into_inner();
    let done = run(&state, move |conn| {
        responsible_adults::end(conn, &ctx, &id, expected)
    })
    .await?;
    Ok(tagged(StatusCode::OK, done.adult.version, &done))
}

async fn exclude(
    state: web::Data<AppState>,
    who: Authenticated,
    req: HttpRequest,
    id: web::Path<String>,
    body: RawBody,
) -> AppResult<HttpResponse> {
    let done = run_checked_versioned(
        &state,
        who,
        UPDATE,
        &req,
        id,
        body,
        |conn, ctx, id, expected, input: ExclusionInput| {
            responsible_adults::exclude(conn, ctx, id, expected, &input)
        },
    )
    .await?;
    Ok(tagged(StatusCode::OK, done.adult.version, &done))
}

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.route(OF_VICTIM, web::get().to(list))
        .route(OF_VICTIM, web::post().to(add))
        .route(ONE, web::get().to(read))
        .route(ONE, web::put().to(change))
        .route(END, web::post().to(end))
        .route(EXCLUDE, web::post().to(exclude));
}

pub fn describe(reg: &mut Registry) {
    let input = reg.schema::<ResponsibleAdultInput>();
    let one = reg.schema::<ResponsibleAdultOut>();
    let listed = reg.schema::<ResponsibleAdultList>();
    let exclusion = reg.schema::<ExclusionInput>();
    let done = reg.schema::<ExclusionDone>();
    let routes = [
        (
            "get",
            OF_VICTIM,
            ResourceKind::ResponsibleAdult,
            Action::Read,
            "The victim's parents, guardians and appropriate adults, in the order recorded, whether she is under 18 and whether her consent (or a basis recorded under it) to send them what she is sent is in force",
            None,
            Some(listed),
        ),
        (
            "post",
            OF_VICTIM,
            ResourceKind::ResponsibleAdult,
            Action::Create,
            "Record a responsible adult for the victim (name, email and phone sealed; audited): while she is under 18 they are sent a copy of each notice she is sent",
            Some(input.clone()),
            Some(one.clone()),
        ),
        (
            "get",
            ONE,
            ResourceKind::ResponsibleAdult,
            Action::Read,
            "One responsible adult, with its version as ETag",
            None,
            Some(one.clone()),
        ),
        (
            "put",
            ONE,
            ResourceKind::ResponsibleAdult,
            Action::Update,
            "Change a responsible adult's details (send If-Match with its ETag; audited)",
            Some(input),
            Some(one),
        ),
        (
            "post",
            END,
            ResourceKind::ResponsibleAdult,
            Action::Update,
            "End a responsible adult's role (send If-Match with its ETag): notices to them not yet sent are cancelled, each audited",
            None,
            Some(done.clone()),
        ),
        (
            "post",
            EXCLUDE,
            ResourceKind::ResponsibleAdult,
            Action::Update,
            "Record that the victim or the court excluded this person (send If-Match with its ETag): they are never told anything, and notices to them not yet sent are cancelled, each audited",
            Some(exclusion),
            Some(done),
        ),
    ];
    reg.guarded(routes);
}

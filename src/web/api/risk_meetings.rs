//! Risk meetings (issue 19, item 7): `GET` and `POST
//! /api/v1/victims/{id}/risk-meetings` list and record a victim's MARAC or
//! MAPPA meetings; `GET /api/v1/risk-meetings/{id}` reads one with its
//! actions, `PUT` (with `If-Match`) changes it, `POST
//! /api/v1/risk-meetings/{id}/cancel` (with `If-Match`) cancels it, and
//! `POST /api/v1/risk-meetings/{id}/actions` records an action agreed at
//! it. The
//! work, its role and reach checks, transaction, planning and audit
//! entries, is `app::risk_meetings`, which the meeting's pages call too.

use actix_web::http::StatusCode;
use actix_web::{web, HttpRequest, HttpResponse};

use super::resource::{
    authorised, run, run_checked, run_checked_versioned, run_checked_with, tagged, Check, Registry,
};
use crate::app::risk_meetings::{
    self, RiskActionInput, RiskActionOut, RiskMeetingDetail, RiskMeetingInput, RiskMeetingOut,
};
use crate::error::AppResult;
use crate::policy::{Action, ResourceKind};
use crate::web::auth::Authenticated;
use crate::web::extract::{if_match_version, RawBody};
use crate::web::AppState;

const OF_VICTIM: &str = "/api/v1/victims/{id}/risk-meetings";
const ONE: &str = "/api/v1/risk-meetings/{id}";
const ACTIONS: &str = "/api/v1/risk-meetings/{id}/actions";
const CANCEL: &str = "/api/v1/risk-meetings/{id}/cancel";

const READ: Check = (ResourceKind::RiskMeeting, Action::Read, "risk meeting");
const CREATE: Check = (ResourceKind::RiskMeeting, Action::Create, "risk meeting");
const UPDATE: Check = (ResourceKind::RiskMeeting, Action::Update, "risk meeting");

/// The list's body: `{"items": [...]}`, latest first.
#[derive(serde::Serialize, utoipa::ToSchema)]
pub struct RiskMeetingList {
    pub items: Vec<RiskMeetingOut>,
}

async fn list(
    state: web::Data<AppState>,
    who: Authenticated,
    id: web::Path<String>,
) -> AppResult<HttpResponse> {
    let items = run_checked(&state, who, READ, id, risk_meetings::list).await?;
    Ok(HttpResponse::Ok().json(RiskMeetingList { items }))
}

async fn record(
    state: web::Data<AppState>,
    who: Authenticated,
    id: web::Path<String>,
    body: RawBody,
) -> AppResult<HttpResponse> {
    let m = run_checked_with(&state, who, CREATE, id, body, |conn, ctx, id, input| {
        risk_meetings::record(conn, ctx, id, &input)
    })
    .await?;
    Ok(tagged(StatusCode::CREATED, m.version, &m))
}

async fn read(
    state: web::Data<AppState>,
    who: Authenticated,
    id: web::Path<String>,
) -> AppResult<HttpResponse> {
    let d = run_checked(&state, who, READ, id, risk_meetings::read).await?;
    Ok(tagged(StatusCode::OK, d.meeting.version, &d))
}

async fn update(
    state: web::Data<AppState>,
    who: Authenticated,
    req: HttpRequest,
    id: web::Path<String>,
    body: RawBody,
) -> AppResult<HttpResponse> {
    let m = run_checked_versioned(
        &state,
        who,
        UPDATE,
        &req,
        id,
        body,
        |conn, ctx, id, expected, input: RiskMeetingInput| {
            risk_meetings::update(conn, ctx, id, expected, &input)
        },
    )
    .await?;
    Ok(tagged(StatusCode::OK, m.version, &m))
}

async fn record_action(
    state: web::Data<AppState>,
    who: Authenticated,
    id: web::Path<String>,
    body: RawBody,
) -> AppResult<HttpResponse> {
    let a = run_checked_with(&state, who, UPDATE, id, body, |conn, ctx, id, input| {
        risk_meetings::record_action(conn, ctx, id, &input)
    })
    .await?;
    Ok(HttpResponse::Created().json(a))
}

/// Cancels the meeting (If-Match; no body): its paperwork is withdrawn.
async fn cancel(
    state: web::Data<AppState>,
    who: Authenticated,
    req: HttpRequest,
    id: web::Path<String>,
) -> AppResult<HttpResponse> {
    let (kind, action, what) = UPDATE;
    let ctx = authorised(&state, who, kind, action, what)?;
    let expected = if_match_version(&req)?;
    let id = id.into_inner();
    let m = run(&state, move |conn| {
        risk_meetings::cancel(conn, &ctx, &id, expected)
    })
    .await?;
    Ok(tagged(StatusCode::OK, m.version, &m))
}

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.route(OF_VICTIM, web::get().to(list))
        .route(OF_VICTIM, web::post().to(record))
        .route(ONE, web::get().to(read))
        .route(ONE, web::put().to(update))
        .route(ACTIONS, web::post().to(record_action))
        .route(CANCEL, web::post().to(cancel));
}

pub fn describe(reg: &mut Registry) {
    let input = reg.schema::<RiskMeetingInput>();
    let one = reg.schema::<RiskMeetingOut>();
    let listed = reg.schema::<RiskMeetingList>();
    let detail = reg.schema::<RiskMeetingDetail>();
    let action_in = reg.schema::<RiskActionInput>();
    let action = reg.schema::<RiskActionOut>();
    let kind = ResourceKind::RiskMeeting;
    let routes = [
        (
            "get",
            OF_VICTIM,
            kind,
            Action::Read,
            "The victim's risk meetings (MARAC, MAPPA), latest first, each with the supporter's paperwork deadline from the rules table (her supporter only)",
            None,
            Some(listed),
        ),
        (
            "post",
            OF_VICTIM,
            kind,
            Action::Create,
            "Record a MARAC or MAPPA meeting for the victim; the referral form or update becomes a deadline and a task for the supporter (never sent to anyone; audited: ids and kind only)",
            Some(input.clone()),
            Some(one.clone()),
        ),
        (
            "get",
            ONE,
            kind,
            Action::Read,
            "A risk meeting with the actions agreed at it, earliest due first",
            None,
            Some(detail),
        ),
        (
            "put",
            ONE,
            kind,
            Action::Update,
            "Change a risk meeting (send If-Match with its ETag); a new time or kind re-plans the paperwork",
            Some(input),
            Some(one.clone()),
        ),
        (
            "post",
            CANCEL,
            kind,
            Action::Update,
            "Cancel a risk meeting (send If-Match with its ETag; no body): its paperwork deadline and task are withdrawn and it leaves the supporter's week and digest; it stays on the victim's record; later changes and actions are refused (409)",
            None,
            Some(one),
        ),
        (
            "post",
            ACTIONS,
            kind,
            Action::Update,
            "Record an action agreed at a meeting that has taken place: who carries it (the supporter, or another agency by organisation), its text (sealed) and due date; the supporter's own becomes a task (audited)",
            Some(action_in),
            Some(action),
        ),
    ];
    reg.guarded(routes);
}

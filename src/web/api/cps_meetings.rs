//! The CPS meeting before trial (issue 19, item 5), one per case:
//! `GET /api/v1/cases/{id}/cps-meeting` reads it (version 0 until first
//! recorded) and `PUT` (with `If-Match`, its ETag) records or changes it.
//! The work, its role and reach checks, planning and audit entry, is
//! `app::cps_meetings`, which the case's page calls too.

use actix_web::{web, HttpRequest, HttpResponse};

use super::resource::{authorised, run, run_checked, Check, Registry};
use crate::app::cps_meetings::{self, CpsMeetingInput, CpsMeetingOut, RecordedCpsMeeting};
use crate::error::AppResult;
use crate::policy::{Action, ResourceKind};
use crate::web::auth::Authenticated;
use crate::web::extract::{etag, if_match_version, RawBody};
use crate::web::AppState;

const PATH: &str = "/api/v1/cases/{id}/cps-meeting";

const READ: Check = (ResourceKind::CpsMeeting, Action::Read, "CPS meeting");
const UPDATE: Check = (ResourceKind::CpsMeeting, Action::Update, "CPS meeting");

async fn read(
    state: web::Data<AppState>,
    who: Authenticated,
    id: web::Path<String>,
) -> AppResult<HttpResponse> {
    let meeting: CpsMeetingOut = run_checked(&state, who, READ, id, cps_meetings::get).await?;
    Ok(HttpResponse::Ok()
        .insert_header((actix_web::http::header::ETAG, etag(meeting.version)))
        .json(meeting))
}

async fn record(
    state: web::Data<AppState>,
    who: Authenticated,
    req: HttpRequest,
    id: web::Path<String>,
    body: RawBody,
) -> AppResult<HttpResponse> {
    let (kind, action, what) = UPDATE;
    let ctx = authorised(&state, who, kind, action, what)?;
    let expected = if_match_version(&req)?;
    let input: CpsMeetingInput = body.decode()?;
    let id = id.into_inner();
    let saved: RecordedCpsMeeting = run(&state, move |conn| {
        cps_meetings::record(conn, &ctx, &id, expected, &input)
    })
    .await?;
    Ok(HttpResponse::Ok()
        .insert_header((actix_web::http::header::ETAG, etag(saved.meeting.version)))
        .json(saved))
}

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.route(PATH, web::get().to(read))
        .route(PATH, web::put().to(record));
}

pub fn describe(reg: &mut Registry) {
    let input = reg.schema::<CpsMeetingInput>();
    let one = reg.schema::<CpsMeetingOut>();
    let saved = reg.schema::<RecordedCpsMeeting>();
    let routes = [
        (
            "get",
            PATH,
            ResourceKind::CpsMeeting,
            Action::Read,
            "The case's CPS meeting before trial: whether the victim is entitled to the offer (a rape or serious sexual offence case, an adult victim), when it was offered and is held, and whether she wants her supporter invited (version 0 until first recorded)",
            None,
            Some(one),
        ),
        (
            "put",
            PATH,
            ResourceKind::CpsMeeting,
            Action::Update,
            "Record or change the case's CPS meeting (send If-Match with its ETag, \"0\" the first time): her wish is passed to the prosecutor under her consent to identify her supporter, and the supporter's task at the meeting is planned (audited)",
            Some(input),
            Some(saved),
        ),
    ];
    reg.guarded(routes);
}

//! A court's own booking lead time for needs at court:
//! `GET /api/v1/courts/{id}/court-need-settings` reads it (with the
//! service's default beside it) and `PUT` sets or clears it. The work,
//! its role and reach checks and audit entry, is
//! `app::court_need_settings`, which the court staff's page calls too.

use actix_web::{web, HttpResponse};

use super::resource::{run_checked, run_checked_with, Check, Registry};
use crate::app::court_need_settings::{self, CourtNeedSettingInput, CourtNeedSettingOut};
use crate::error::AppResult;
use crate::policy::{Action, ResourceKind};
use crate::web::auth::Authenticated;
use crate::web::extract::RawBody;
use crate::web::AppState;

const PATH: &str = "/api/v1/courts/{id}/court-need-settings";
const READ: Check = (
    ResourceKind::CourtNeedSetting,
    Action::Read,
    "court's booking lead time",
);
const UPDATE: Check = (
    ResourceKind::CourtNeedSetting,
    Action::Update,
    "court's booking lead time",
);

async fn read(
    state: web::Data<AppState>,
    who: Authenticated,
    id: web::Path<String>,
) -> AppResult<HttpResponse> {
    let setting: CourtNeedSettingOut =
        run_checked(&state, who, READ, id, court_need_settings::get).await?;
    Ok(HttpResponse::Ok().json(setting))
}

async fn set(
    state: web::Data<AppState>,
    who: Authenticated,
    id: web::Path<String>,
    body: RawBody,
) -> AppResult<HttpResponse> {
    let setting = run_checked_with(
        &state,
        who,
        UPDATE,
        id,
        body,
        |conn, ctx, id, input: CourtNeedSettingInput| {
            court_need_settings::set(conn, ctx, id, &input)
        },
    )
    .await?;
    Ok(HttpResponse::Ok().json(setting))
}

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.route(PATH, web::get().to(read))
        .route(PATH, web::put().to(set));
}

pub fn describe(reg: &mut Registry) {
    let input = reg.schema::<CourtNeedSettingInput>();
    let one = reg.schema::<CourtNeedSettingOut>();
    let routes = [
        (
            "get",
            PATH,
            ResourceKind::CourtNeedSetting,
            Action::Read,
            "The court's booking lead time for needs at court (interpreters, intermediaries, rooms), in working days, with the service's default and the figure in force",
            None,
            Some(one.clone()),
        ),
        (
            "put",
            PATH,
            ResourceKind::CourtNeedSetting,
            Action::Update,
            "Set the court's booking lead time (1 to 30 working days; null for the default): court staff for their own court, administrators for any (audited). A need recorded closer to a hearing than this warns the witness care officer",
            Some(input),
            Some(one),
        ),
    ];
    reg.guarded(routes);
}

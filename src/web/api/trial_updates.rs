//! Trial-progress updates on the day (issue 19, item 3):
//! `GET /api/v1/hearings/{id}/trial-updates` lists a hearing's updates,
//! newest first, and `POST` records one (the victim's chosen contacts are
//! sent a message where she asked). `GET` and `PUT
//! /api/v1/victims/{id}/trial-update-preferences` read and set whether she
//! wants those messages and to whom. The work, its role and reach checks,
//! transaction and audit entries, is `app::trial_updates`, which the
//! hearing's on-the-day page calls too.

use actix_web::{web, HttpResponse};

use super::resource::{run_checked_with, run_for, Check, Registry};
use crate::app::trial_updates::{
    self, RecordedTrialUpdate, TrialUpdateInput, TrialUpdateOut, TrialUpdatePreferenceInput,
    TrialUpdatePreferenceOut,
};
use crate::error::AppResult;
use crate::policy::{Action, ResourceKind};
use crate::web::auth::Authenticated;
use crate::web::extract::RawBody;
use crate::web::AppState;

const PATH: &str = "/api/v1/hearings/{id}/trial-updates";
const PREFERENCE: &str = "/api/v1/victims/{id}/trial-update-preferences";

const RECORD: Check = (ResourceKind::TrialUpdate, Action::Create, "trial update");
const SET_PREFERENCE: Check = (
    ResourceKind::TrialUpdatePreference,
    Action::Update,
    "trial-progress preference",
);

async fn list(
    state: web::Data<AppState>,
    who: Authenticated,
    id: web::Path<String>,
) -> AppResult<HttpResponse> {
    let items = run_for(&state, who, id, trial_updates::list).await?;
    Ok(HttpResponse::Ok().json(TrialUpdateList { items }))
}

async fn record(
    state: web::Data<AppState>,
    who: Authenticated,
    id: web::Path<String>,
    body: RawBody,
) -> AppResult<HttpResponse> {
    let done = run_checked_with(&state, who, RECORD, id, body, |conn, ctx, id, input| {
        trial_updates::record(conn, ctx, id, &input)
    })
    .await?;
    Ok(HttpResponse::Created().json(done))
}

async fn read_preference(
    state: web::Data<AppState>,
    who: Authenticated,
    id: web::Path<String>,
) -> AppResult<HttpResponse> {
    let pref = run_for(&state, who, id, trial_updates::preference).await?;
    Ok(HttpResponse::Ok().json(pref))
}

async fn set_preference(
    state: web::Data<AppState>,
    who: Authenticated,
    id: web::Path<String>,
    body: RawBody,
) -> AppResult<HttpResponse> {
    let pref = run_checked_with(
        &state,
        who,
        SET_PREFERENCE,
        id,
        body,
        |conn, ctx, id, input| trial_updates::set_preference(conn, ctx, id, &input),
    )
    .await?;
    Ok(HttpResponse::Ok().json(pref))
}

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.route(PATH, web::get().to(list))
        .route(PATH, web::post().to(record))
        .route(PREFERENCE, web::get().to(read_preference))
        .route(PREFERENCE, web::put().to(set_preference));
}

/// The list's body: `{"items": [...]}`, newest first.
#[derive(serde::Serialize, utoipa::ToSchema)]
pub struct TrialUpdateList {
    pub items: Vec<TrialUpdateOut>,
}

pub fn describe(reg: &mut Registry) {
    let input = reg.schema::<TrialUpdateInput>();
    let recorded = reg.schema::<RecordedTrialUpdate>();
    let listed = reg.schema::<TrialUpdateList>();
    let pref_in = reg.schema::<TrialUpdatePreferenceInput>();
    let pref = reg.schema::<TrialUpdatePreferenceOut>();
    let routes = [
        (
            "get",
            PATH,
            ResourceKind::TrialUpdate,
            Action::Read,
            "The hearing's trial-progress updates on the day, newest first (the supporter with the victim in reach; the Witness Service at the hearing's court under her referral consent or single point of contact agreement)",
            None,
            Some(listed),
        ),
        (
            "post",
            PATH,
            ResourceKind::TrialUpdate,
            Action::Create,
            "Record a trial-progress update on one of the hearing's court days, and who was told in person; the victim's chosen contacts are sent a message (kind and time only) where she asked, the contact only under her consent (audited: ids and kind only)",
            Some(input),
            Some(recorded),
        ),
        (
            "get",
            PREFERENCE,
            ResourceKind::TrialUpdatePreference,
            Action::Read,
            "Whether the victim wants trial-progress messages on the day, and to whom (herself, a contact she chose)",
            None,
            Some(pref.clone()),
        ),
        (
            "put",
            PREFERENCE,
            ResourceKind::TrialUpdatePreference,
            Action::Update,
            "Set whether the victim wants trial-progress messages and to whom (the contact's name and email are sealed; audited)",
            Some(pref_in),
            Some(pref),
        ),
    ];
    reg.guarded(routes);
}

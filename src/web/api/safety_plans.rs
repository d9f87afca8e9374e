//! A safety plan for the court day (issue 19, item 2), one per hearing:
//! `GET /api/v1/hearings/{id}/safety-plan` reads it, `POST` records it,
//! `PUT` (with `If-Match`) replaces it, `DELETE` withdraws it, and
//! `POST .../safety-plan/agreement` is the Witness Service marking it
//! agreed. The work, its role and reach checks, transaction and audit
//! entries, is `app::safety_plans`, which the plan's page calls too.

use actix_web::{web, HttpRequest, HttpResponse};

use super::resource::{run_checked, run_checked_versioned, run_checked_with, Check, Registry};
use crate::app::safety_plans::{self, SafetyPlanInput, SafetyPlanOut};
use crate::error::AppResult;
use crate::policy::{Action, ResourceKind};
use crate::web::auth::Authenticated;
use crate::web::extract::RawBody;
use crate::web::AppState;

const PATH: &str = "/api/v1/hearings/{id}/safety-plan";
const AGREEMENT: &str = "/api/v1/hearings/{id}/safety-plan/agreement";

fn answer(status: actix_web::http::StatusCode, plan: &SafetyPlanOut) -> HttpResponse {
    super::resource::tagged(status, plan.version, plan)
}

const READ: Check = (ResourceKind::SafetyPlan, Action::Read, "safety plan");
const CREATE: Check = (ResourceKind::SafetyPlan, Action::Create, "safety plan");
const UPDATE: Check = (ResourceKind::SafetyPlan, Action::Update, "safety plan");
const AGREE: Check = (
    ResourceKind::SafetyPlanAgreement,
    Action::Create,
    "safety plan agreement",
);

async fn read(
    state: web::Data<AppState>,
    who: Authenticated,
    id: web::Path<String>,
) -> AppResult<HttpResponse> {
    let plan = run_checked(&state, who, READ, id, safety_plans::read).await?;
    Ok(answer(actix_web::http::StatusCode::OK, &plan))
}

async fn record(
    state: web::Data<AppState>,
    who: Authenticated,
    id: web::Path<String>,
    body: RawBody,
) -> AppResult<HttpResponse> {
    let plan = run_checked_with(&state, who, CREATE, id, body, |conn, ctx, id, input| {
        safety_plans::record(conn, ctx, id, &input)
    })
    .await?;
    Ok(answer(actix_web::http::StatusCode::CREATED, &plan))
}

async fn update(
    state: web::Data<AppState>,
    who: Authenticated,
    req: HttpRequest,
    id: web::Path<String>,
    body: RawBody,
) -> AppResult<HttpResponse> {
    let plan = run_checked_versioned(
        &state,
        who,
        UPDATE,
        &req,
        id,
        body,
        |conn, ctx, id, expected, input: SafetyPlanInput| {
            safety_plans::update(conn, ctx, id, expected, &input)
        },
    )
    .await?;
    Ok(answer(actix_web::http::StatusCode::OK, &plan))
}

async fn withdraw(
    state: web::Data<AppState>,
    who: Authenticated,
    id: web::Path<String>,
) -> AppResult<HttpResponse> {
    run_checked(&state, who, UPDATE, id, safety_plans::withdraw).await?;
    Ok(HttpResponse::NoContent().finish())
}

async fn agree(
    state: web::Data<AppState>,
    who: Authenticated,
    id: web::Path<String>,
) -> AppResult<HttpResponse> {
    let plan = run_checked(&state, who, AGREE, id, safety_plans::agree).await?;
    Ok(answer(actix_web::http::StatusCode::CREATED, &plan))
}

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.route(PATH, web::get().to(read))
        .route(PATH, web::post().to(record))
        .route(PATH, web::put().to(update))
        .route(PATH, web::delete().to(withdraw))
        .route(AGREEMENT, web::post().to(agree));
}

pub fn describe(reg: &mut Registry) {
    let input = reg.schema::<SafetyPlanInput>();
    let one = reg.schema::<SafetyPlanOut>();
    let routes = [
        (
            "get",
            PATH,
            ResourceKind::SafetyPlan,
            Action::Read,
            "The hearing's safety plan for the court day (entrance, exit, waiting area, who meets the victim, arrangements to avoid the defendant's family); the Witness Service at the court reads it under the victim's consent or single point of contact agreement (each such read audited)",
            None,
            Some(one.clone()),
        ),
        (
            "post",
            PATH,
            ResourceKind::SafetyPlan,
            Action::Create,
            "Record the hearing's safety plan (one in force per hearing; audited, never its text; never emailed unless may_email)",
            Some(input.clone()),
            Some(one.clone()),
        ),
        (
            "put",
            PATH,
            ResourceKind::SafetyPlan,
            Action::Update,
            "Replace the hearing's safety plan (send If-Match with its ETag)",
            Some(input),
            Some(one.clone()),
        ),
        (
            "delete",
            PATH,
            ResourceKind::SafetyPlan,
            Action::Update,
            "Withdraw the hearing's safety plan: nobody reads it any more (audited)",
            None,
            None,
        ),
        (
            "post",
            AGREEMENT,
            ResourceKind::SafetyPlanAgreement,
            Action::Create,
            "The Witness Service marks the safety plan agreed (audited)",
            None,
            Some(one),
        ),
    ];
    reg.guarded(routes);
}

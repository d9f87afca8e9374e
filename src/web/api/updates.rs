//! An agency's update for a victim (case progress, or one of the SPOC
//! exceptions: urgent safeguarding, evidence, medical, No Further Action).
//! The flows route it: through the SPOC supporter, directly to the victim
//! with the supporter told, or simultaneously with consent.

use actix_web::{web, HttpResponse};

use super::resource::{authorised_body, run, Registry, RouteInfo};
use crate::app::updates::{self, AgencyUpdateInput, AgencyUpdateOut};
use crate::error::AppResult;
use crate::planning::Applied;
use crate::policy::{Action, ResourceKind};
use crate::web::auth::Authenticated;
use crate::web::extract::RawBody;
use crate::web::AppState;

async fn create(
    state: web::Data<AppState>,
    who: Authenticated,
    body: RawBody,
) -> AppResult<HttpResponse> {
    let check = (ResourceKind::AgencyUpdate, Action::Create, "agency update");
    let (ctx, input): (_, AgencyUpdateInput) = authorised_body(&state, who, check, &body)?;
    updates::validate(&input)?;
    let out = run(&state, move |conn| updates::record(conn, &ctx, input)).await?;
    Ok(HttpResponse::Created().json(out))
}
pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.route("/api/v1/agency-updates", web::post().to(create));
}

pub fn describe(reg: &mut Registry) {
    let input = reg.schema::<AgencyUpdateInput>();
    let output = reg.schema::<AgencyUpdateOut>();
    reg.schema::<Applied>();
    reg.route(RouteInfo {
        method: "post",
        path: "/api/v1/agency-updates".into(),
        kind: Some(ResourceKind::AgencyUpdate),
        action: Some(Action::Create),
        summary: "An agency has an update for a victim: route it (SPOC, exceptions, simultaneous updates)".into(),
        request: Some(input),
        response: Some(output),
        paged: false,
    });
}

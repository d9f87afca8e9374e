//! An agency's update for a victim (case progress, or one of the SPOC
//! exceptions: urgent safeguarding, evidence, medical, No Further Action).
//! The flows route it: through the SPOC supporter, directly to the victim
//! with the supporter told, or simultaneously with consent.

use actix_web::{web, HttpResponse};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::resource::{authorise, run, Ctx, Registry, RouteInfo};
use crate::domain::Role;
use crate::error::AppResult;
use crate::flows::{EventKind, UpdateTopic};
use crate::planning::{self, Applied};
use crate::policy::{Action, ResourceKind};
use crate::rules::Actor as StepActor;
use crate::store;
use crate::validate::Validator;
use crate::web::auth::Authenticated;
use crate::web::extract::RawBody;
use crate::web::AppState;

#[derive(Debug, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct AgencyUpdateInput {
    pub victim_id: String,
    /// The case the update is about, if any.
    pub case_id: Option<String>,
    /// case_progress, urgent_safeguarding, evidence, medical or
    /// no_further_action.
    #[schema(value_type = String)]
    pub topic: UpdateTopic,
}

#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct AgencyUpdateOut {
    pub victim_id: String,
    pub planned: Applied,
    pub at: DateTime<Utc>,
}

async fn create(
    state: web::Data<AppState>,
    who: Authenticated,
    body: RawBody,
) -> AppResult<HttpResponse> {
    let ctx = Ctx {
        actor: who.0,
        now: state.clock.now(),
    };
    authorise(
        &ctx.actor,
        ResourceKind::AgencyUpdate,
        Action::Create,
        "agency update",
    )?;
    let input: AgencyUpdateInput = body.decode()?;
    let mut v = Validator::new();
    v.id("victim_id", &input.victim_id);
    v.opt_id("case_id", input.case_id.as_deref());
    v.finish()?;
    let from = match ctx.actor.role {
        Role::VictimLiaisonOfficer => StepActor::VictimLiaisonOfficer,
        _ => StepActor::WitnessCareOfficer,
    };
    let out = run(&state, move |conn| {
        store::write(conn, |conn| {
            crate::resources::require_victim_field(conn, &ctx, &input.victim_id, "victim_id")?;
            if let Some(case) = &input.case_id {
                let owner = crate::resources::case_victim(conn, &ctx, case, Some("case_id"))?;
                if owner != input.victim_id {
                    return Err(crate::error::AppError::field(
                        "case_id",
                        "is not a case of this victim",
                    ));
                }
            }
            let focus = planning::Focus {
                case_id: input.case_id.clone(),
                ..planning::Focus::default()
            };
            let planned = planning::react(
                conn,
                ctx.now,
                &input.victim_id,
                &focus,
                EventKind::AgencyUpdate {
                    from,
                    topic: input.topic,
                },
            )?;
            Ok(AgencyUpdateOut {
                victim_id: input.victim_id.clone(),
                planned,
                at: ctx.now,
            })
        })
    })
    .await?;
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

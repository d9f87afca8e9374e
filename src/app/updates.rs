//! An agency's update for a victim (case progress, or one of the SPOC
//! exceptions: urgent safeguarding, evidence, medical, No Further Action).
//! The flows route it: through the SPOC supporter, directly to the victim
//! with the supporter told, or simultaneously with consent.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::Ctx;
use crate::domain::Role;
use crate::error::{AppError, AppResult};
use crate::flows::{EventKind, UpdateTopic};
use crate::planning::{self, Applied};
use crate::policy::{Action, ResourceKind};
use crate::rules::Actor as StepActor;
use crate::store::{self, AnyConn};
use crate::validate::Validator;

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

/// The input checks that need no database.
pub fn validate(input: &AgencyUpdateInput) -> AppResult<()> {
    let mut v = Validator::new();
    v.id("victim_id", &input.victim_id);
    v.opt_id("case_id", input.case_id.as_deref());
    v.finish()
}

/// Records an agency's update: checks the victim (and case) are within the
/// actor's reach, then lets the flows plan who is told, in one
/// transaction.
pub fn record(
    conn: &mut AnyConn,
    ctx: &Ctx,
    input: AgencyUpdateInput,
) -> AppResult<AgencyUpdateOut> {
    ctx.may((ResourceKind::AgencyUpdate, Action::Create, "agency update"))?;
    validate(&input)?;
    let from = match ctx.actor.role {
        Role::VictimLiaisonOfficer => StepActor::VictimLiaisonOfficer,
        _ => StepActor::WitnessCareOfficer,
    };
    store::write(conn, |conn| {
        crate::resources::require_victim_field(conn, ctx, &input.victim_id, "victim_id")?;
        if let Some(case) = &input.case_id {
            let owner = crate::resources::case_victim(conn, ctx, case, Some("case_id"))?;
            if owner != input.victim_id {
                return Err(AppError::field("case_id", "is not a case of this victim"));
            }
        }
        let focus = planning::Focus {
            case_id: input.case_id.clone(),
            ..planning::Focus::default()
        };
        let planned = planning::react(
            conn,
            &ctx.rules,
            ctx.now,
            &input.victim_id,
            &focus,
            EventKind::AgencyUpdate {
                from,
                topic: input.topic,
            },
        )?;
        // The record that the agency had an update (its topic, never its
        // content), whoever it reaches.
        let topic = serde_json::to_value(input.topic)
            .ok()
            .and_then(|t| t.as_str().map(str::to_owned));
        let entry = crate::audit::Entry {
            victim_id: Some(input.victim_id.clone()),
            category: topic,
            ..ctx.entry(
                crate::audit::AuditAction::Create,
                "agency_updates",
                &store::new_id(),
            )
        };
        crate::audit::append(conn, ctx.now, entry)?;
        Ok(AgencyUpdateOut {
            victim_id: input.victim_id.clone(),
            planned,
            at: ctx.now,
        })
    })
}

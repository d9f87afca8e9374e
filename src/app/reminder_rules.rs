//! An organisation's own reminder offsets for its supporters: what is in
//! force (its own, or the rules table's defaults) and setting them or going
//! back to the defaults. Managers for their own organisation,
//! administrators any; anyone else's is 404. Reminders already planned stay
//! as they are.

use diesel::prelude::*;
use serde::{Deserialize, Serialize};

use super::Ctx;
use crate::audit::AuditAction;
use crate::error::{AppError, AppResult};
use crate::planning::reminder_overrides;
use crate::policy::{manages_reminders_of, Action, ResourceKind};
use crate::rules::{ReminderRule, RulesTable};
use crate::store::schema::organisations;
use crate::store::{self, AnyConn};

#[derive(Debug, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ReminderRulesInput {
    /// The organisation's supporter reminders, replacing the defaults
    /// (an empty list: none); `null`: back to the defaults.
    #[schema(value_type = Option<Vec<Object>>)]
    pub supporter: Option<Vec<ReminderRule>>,
}

#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct ReminderRulesOut {
    pub organisation_id: String,
    /// True when the organisation has its own reminders.
    pub own: bool,
    /// The reminders in force for its supporters.
    #[schema(value_type = Vec<Object>)]
    pub supporter: Vec<ReminderRule>,
    /// The rules table's defaults, for comparison.
    #[schema(value_type = Vec<Object>)]
    pub defaults: Vec<ReminderRule>,
}

fn defaults(ctx: &Ctx) -> crate::rules::ReminderRules {
    RulesTable::default_table()
        .in_force(ctx.today())
        .reminders
        .clone()
}

fn show(conn: &mut AnyConn, ctx: &Ctx, org: &str) -> AppResult<ReminderRulesOut> {
    let exists: i64 = organisations::table.find(org).count().get_result(conn)?;
    if exists == 0 || !manages_reminders_of(&ctx.actor, org) {
        return Err(AppError::NotFound("organisation".into()));
    }
    let own = reminder_overrides::load(conn, org)?;
    let defaults = defaults(ctx).supporter;
    Ok(ReminderRulesOut {
        organisation_id: org.to_string(),
        own: own.is_some(),
        supporter: own.unwrap_or_else(|| defaults.clone()),
        defaults,
    })
}

/// The reminders in force for an organisation.
pub fn read(conn: &mut AnyConn, ctx: &Ctx, org: &str) -> AppResult<ReminderRulesOut> {
    ctx.may((ResourceKind::ReminderRules, Action::Read, "reminder rule"))?;
    show(conn, ctx, org)
}

/// Checks a new set of reminders against the rules table's limits.
pub fn validate(ctx: &Ctx, input: &ReminderRulesInput) -> AppResult<()> {
    if let Some(rules) = &input.supporter {
        if let Some(problem) = reminder_overrides::problem(rules, &defaults(ctx).citation) {
            return Err(AppError::field("supporter", problem));
        }
    }
    Ok(())
}

/// Sets (or, with `supporter: null`, clears) an organisation's own
/// reminders, with its audit entry.
pub fn update(
    conn: &mut AnyConn,
    ctx: &Ctx,
    org: &str,
    input: ReminderRulesInput,
) -> AppResult<ReminderRulesOut> {
    ctx.may((ResourceKind::ReminderRules, Action::Update, "reminder rule"))?;
    validate(ctx, &input)?;
    show(conn, ctx, org)?;
    store::write(conn, |conn| {
        reminder_overrides::save(
            conn,
            org,
            input.supporter.as_deref(),
            &ctx.actor.user_id,
            ctx.now,
        )?;
        ctx.audit(
            conn,
            AuditAction::Update,
            "organisation_reminder_rules",
            org,
        )
    })?;
    show(conn, ctx, org)
}

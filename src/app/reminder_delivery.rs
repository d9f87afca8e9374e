//! How a supporter gets their own reminders of hearings and pre-trial
//! visits: each as its own message (the default), or listed in their 07:30
//! daily digest instead of on their own. Each supporter chooses for
//! themselves; reminders go only to supporters, so no one else may.
//!
//! The choice applies from the next digest planned: before 07:30 London
//! time, today's; after it, tomorrow's (today's reminders, already left to
//! go on their own, still do). How a digest holds the reminders it lists
//! is in `digest::store`.

use chrono::NaiveDate;
use diesel::prelude::*;
use serde::{Deserialize, Serialize};

use super::Ctx;
use crate::audit::AuditAction;
use crate::error::{AppError, AppResult};
use crate::policy::{Action, ResourceKind};
use crate::store::schema::users;
use crate::store::{self, AnyConn};

/// How reminders come.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum ReminderDelivery {
    /// One message for each reminder, at its own time.
    Separately,
    /// A day's reminders listed in the 07:30 daily digest, not sent on
    /// their own.
    InDailyDigest,
}

impl ReminderDelivery {
    fn from_flag(in_digest: bool) -> Self {
        if in_digest {
            Self::InDailyDigest
        } else {
            Self::Separately
        }
    }
}

#[derive(Debug, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ReminderDeliveryInput {
    pub delivery: ReminderDelivery,
}

#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct ReminderDeliveryOut {
    pub delivery: ReminderDelivery,
    /// The London date of the first digest the choice applies to.
    pub applies_from: NaiveDate,
}

const READ: super::Check = (
    ResourceKind::ReminderDelivery,
    Action::Read,
    "reminder delivery",
);
const UPDATE: super::Check = (
    ResourceKind::ReminderDelivery,
    Action::Update,
    "reminder delivery",
);

/// The first London date whose digest is still to be planned at `ctx.now`.
fn next_digest_date(ctx: &Ctx) -> NaiveDate {
    let today = ctx.today();
    match crate::digest::due_date(ctx.now) {
        Some(_) => today.succ_opt().unwrap_or(today),
        None => today,
    }
}

fn show(conn: &mut AnyConn, ctx: &Ctx) -> AppResult<ReminderDeliveryOut> {
    let in_digest: bool = users::table
        .find(&ctx.actor.user_id)
        .select(users::reminders_in_digest)
        .first(conn)
        .optional()?
        .ok_or_else(|| AppError::NotFound("user".into()))?;
    Ok(ReminderDeliveryOut {
        delivery: ReminderDelivery::from_flag(in_digest),
        applies_from: next_digest_date(ctx),
    })
}

/// The signed-in supporter's choice.
pub fn read(conn: &mut AnyConn, ctx: &Ctx) -> AppResult<ReminderDeliveryOut> {
    ctx.may(READ)?;
    show(conn, ctx)
}

/// Sets the signed-in supporter's choice, with its audit entry.
pub fn update(
    conn: &mut AnyConn,
    ctx: &Ctx,
    input: ReminderDeliveryInput,
) -> AppResult<ReminderDeliveryOut> {
    ctx.may(UPDATE)?;
    let in_digest = input.delivery == ReminderDelivery::InDailyDigest;
    store::write(conn, |conn| {
        diesel::update(users::table.find(&ctx.actor.user_id))
            .set((
                users::reminders_in_digest.eq(in_digest),
                users::updated_at.eq(store::to_db(ctx.now)),
            ))
            .execute(conn)?;
        ctx.audit(
            conn,
            AuditAction::Update,
            "user_reminder_delivery",
            &ctx.actor.user_id,
        )
    })?;
    show(conn, ctx)
}

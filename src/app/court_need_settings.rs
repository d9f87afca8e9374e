//! A court's own booking lead time for needs at court (issue 19, item 1):
//! how many working days before a hearing an interpreter, intermediary or
//! room must be asked for. A need recorded closer than this warns the
//! witness care officer (`flows::court_needs::short_notice`). Court staff
//! set their own court's figure (the court their organisation serves);
//! administrators may set any court's. Without one, the rules table's
//! default applies (`alerts.court_need_short_notice_before_hearing`).

use diesel::prelude::*;
use serde::{Deserialize, Serialize};

use super::Ctx;
use crate::audit::{self, AuditAction, Entry};
use crate::domain::Role;
use crate::error::{AppError, AppResult};
use crate::policy::{Action, ResourceKind};
use crate::rules::DayUnit;
use crate::store::schema::{court_need_settings, courts};
use crate::store::{self, AnyConn};
use crate::validate::Validator;

/// The longest lead time a court may set, in working days (six weeks).
pub const MAX_WORKING_DAYS: i32 = 30;

#[derive(Debug, Clone, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CourtNeedSettingInput {
    /// Working days before a hearing; null goes back to the service's
    /// default.
    pub short_notice_working_days: Option<i32>,
}

#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct CourtNeedSettingOut {
    pub court_id: String,
    pub court_name: String,
    /// The court's own figure, if it set one.
    pub short_notice_working_days: Option<i32>,
    /// The service's default, from the rules table in force.
    pub default_working_days: i64,
    /// The figure that applies now: the court's own, else the default.
    pub in_force_working_days: i64,
}

/// The input's check (pure): between 1 and [`MAX_WORKING_DAYS`].
pub fn check(input: &CourtNeedSettingInput) -> AppResult<()> {
    let mut v = Validator::new();
    if let Some(days) = input.short_notice_working_days {
        v.check(
            (1..=MAX_WORKING_DAYS).contains(&days),
            "short_notice_working_days",
            format!("must be between 1 and {MAX_WORKING_DAYS} working days"),
        );
    }
    v.finish()
}

/// The court, if the actor may change its figure: court staff only their
/// own court (another court is not found), administrators any.
fn court_in_reach(conn: &mut AnyConn, ctx: &Ctx, court_id: &str) -> AppResult<String> {
    let name: Option<String> = courts::table
        .find(court_id)
        .select(courts::name)
        .first(conn)
        .optional()?;
    let name = name.ok_or_else(|| AppError::NotFound("court".into()))?;
    if ctx.actor.role == Role::CourtStaff
        && super::safety_plans::service_court(conn, ctx)?.as_deref() != Some(court_id)
    {
        return Err(AppError::NotFound("court".into()));
    }
    Ok(name)
}

fn default_days(ctx: &Ctx) -> i64 {
    let limit = &ctx
        .rules
        .in_force(ctx.today())
        .alerts
        .court_need_short_notice_before_hearing;
    match limit.unit {
        DayUnit::WorkingDays => limit.amount,
        // A calendar-day default is shown as the working days it spans at
        // most (a week of five working days per seven calendar days).
        DayUnit::CalendarDays => (limit.amount * 5 + 6) / 7,
    }
}

fn out(
    conn: &mut AnyConn,
    ctx: &Ctx,
    court_id: &str,
    name: String,
) -> AppResult<CourtNeedSettingOut> {
    let own: Option<i32> = court_need_settings::table
        .find(court_id)
        .select(court_need_settings::short_notice_working_days)
        .first(conn)
        .optional()?;
    let default = default_days(ctx);
    Ok(CourtNeedSettingOut {
        court_id: court_id.to_string(),
        court_name: name,
        short_notice_working_days: own,
        default_working_days: default,
        in_force_working_days: own.map(i64::from).unwrap_or(default),
    })
}

/// The court's figure (and the default beside it).
pub fn get(conn: &mut AnyConn, ctx: &Ctx, court_id: &str) -> AppResult<CourtNeedSettingOut> {
    ctx.may((
        ResourceKind::CourtNeedSetting,
        Action::Read,
        "court's booking lead time",
    ))?;
    let name = court_in_reach(conn, ctx, court_id)?;
    out(conn, ctx, court_id, name)
}

/// Sets (or, with null, clears) the court's figure; audited.
pub fn set(
    conn: &mut AnyConn,
    ctx: &Ctx,
    court_id: &str,
    input: &CourtNeedSettingInput,
) -> AppResult<CourtNeedSettingOut> {
    ctx.may((
        ResourceKind::CourtNeedSetting,
        Action::Update,
        "court's booking lead time",
    ))?;
    check(input)?;
    store::write(conn, |conn| {
        let name = court_in_reach(conn, ctx, court_id)?;
        let at = store::to_db(ctx.now);
        let existed = diesel::delete(court_need_settings::table.find(court_id)).execute(conn)? > 0;
        if let Some(days) = input.short_notice_working_days {
            diesel::insert_into(court_need_settings::table)
                .values((
                    court_need_settings::court_id.eq(court_id),
                    court_need_settings::short_notice_working_days.eq(days),
                    court_need_settings::updated_at.eq(at),
                ))
                .execute(conn)?;
        }
        let action = if existed {
            AuditAction::Update
        } else {
            AuditAction::Create
        };
        let entry = Entry {
            category: Some("short_notice_working_days".into()),
            ..ctx.entry(action, "court_need_settings", court_id)
        };
        audit::append(conn, ctx.now, entry)?;
        tracing::info!(court_id = %court_id, days = ?input.short_notice_working_days, "court's booking lead time set");
        out(conn, ctx, court_id, name)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_figure_is_a_sensible_number_of_working_days_or_none() {
        let of = |days| CourtNeedSettingInput {
            short_notice_working_days: days,
        };
        for (days, ok) in [
            (None, true),
            (Some(1), true),
            (Some(MAX_WORKING_DAYS), true),
            (Some(0), false),
            (Some(-3), false),
            (Some(MAX_WORKING_DAYS + 1), false),
        ] {
            assert_eq!(check(&of(days)).is_ok(), ok, "{days:?}");
        }
    }
}

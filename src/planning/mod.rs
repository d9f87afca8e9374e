//! Planning: the shell around the pure flows. A change to a hearing, an
//! attendance request, a pre-trial visit, a special-measures discussion, a
//! parole milestone or a consent calls [`react`] inside the change's own
//! transaction: the context is loaded, the flows plan, the supporter's
//! reminders of what is upcoming join the plan, and the plan is stored
//! (outbox notices, tasks, deadlines, warnings, cancellations).
//! Either the change and its plan are both stored, or neither is.

pub mod context;
pub mod persist;
pub mod reminder_overrides;

use std::sync::LazyLock;

use chrono::{DateTime, Utc};

use crate::calendar::BankHolidays;
use crate::error::AppResult;
use crate::flows::{self, Event, EventKind};
use crate::reminders;
use crate::rules::RulesTable;
use crate::store::AnyConn;

pub use context::Focus;
pub use persist::Applied;

static RULES: LazyLock<RulesTable> = LazyLock::new(RulesTable::default_table);
static HOLIDAYS: LazyLock<BankHolidays> = LazyLock::new(BankHolidays::england_and_wales);

/// Plans and stores what should follow `kind`, for this victim and focus.
pub fn react(
    conn: &mut AnyConn,
    now: DateTime<Utc>,
    victim_id: &str,
    focus: &Focus,
    kind: EventKind,
) -> AppResult<Applied> {
    let ctx = context::load(conn, victim_id, focus, now)?;
    let event = Event {
        id: crate::store::new_id(),
        at: now,
        kind,
    };
    let rules = RULES.in_force(crate::calendar::london_date(now));
    let mut plan = flows::plan(&event, &ctx, rules, &HOLIDAYS, now);
    // The supporter's organisation may have its own reminder offsets.
    let own = reminder_overrides::for_supporter(conn, ctx.supporter.as_ref(), rules)?;
    let rules = own.as_ref().unwrap_or(rules);
    let reminders = reminders::add_to_plan(&event, &ctx, rules, &HOLIDAYS, now, &mut plan);
    let owner = persist::Owner {
        victim_id,
        case_id: (!ctx.case.id.is_empty()).then_some(ctx.case.id.as_str()),
        hearing_id: focus.hearing_id.as_deref(),
    };
    let applied = persist::apply(conn, &owner, &plan, now)?;
    tracing::info!(
        victim_id,
        event = event_name(&event.kind),
        notices = applied.notices_planned,
        revived = applied.notices_revived,
        tasks = applied.tasks_planned,
        deadlines = applied.deadlines_started,
        reminders,
        warnings = applied.warnings,
        cancelled = applied.cancelled,
        "planned"
    );
    Ok(applied)
}

/// After a supporter assignment was recorded or changed: if who the
/// victim's contact is today (or whether they are the single point of
/// contact) changed from `before`, the agencies in upcoming hearings are
/// told.
pub fn contact_changed(
    conn: &mut AnyConn,
    now: DateTime<Utc>,
    victim_id: &str,
    before: Option<(String, bool)>,
) -> AppResult<()> {
    let after = context::contact_of(conn, victim_id, crate::calendar::london_date(now))?;
    if after.is_none() || after == before {
        return Ok(());
    }
    let focus = Focus {
        upcoming_hearings: true,
        ..Focus::default()
    };
    react(conn, now, victim_id, &focus, EventKind::SupporterChanged)?;
    Ok(())
}

/// Stops everything still pending under `prefix`: what was planned for a
/// pre-trial visit's old time or court once it moves or is cancelled.
pub fn withdraw(
    conn: &mut AnyConn,
    now: DateTime<Utc>,
    victim_id: &str,
    prefix: &str,
) -> AppResult<Applied> {
    let plan = flows::Plan {
        cancellations: vec![flows::Cancellation::KeyPrefix {
            prefix: prefix.to_owned(),
        }],
        ..flows::Plan::default()
    };
    let owner = persist::Owner {
        victim_id,
        case_id: None,
        hearing_id: None,
    };
    let applied = persist::apply(conn, &owner, &plan, now)?;
    tracing::info!(victim_id, cancelled = applied.cancelled, "withdrawn");
    Ok(applied)
}

fn event_name(kind: &EventKind) -> String {
    serde_json::to_value(kind)
        .ok()
        .and_then(|v| v.get("type").and_then(|t| t.as_str()).map(str::to_string))
        .unwrap_or_default()
}

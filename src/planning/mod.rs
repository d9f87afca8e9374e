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

use chrono::{DateTime, Utc};

use crate::error::AppResult;
use crate::flows::{self, Event, EventKind};
use crate::reminders;
use crate::rules::RuleSet;
pub use crate::rules::Rules;
use crate::store::AnyConn;

pub use context::Focus;
pub use persist::Applied;

/// Something that happened, to plan what should follow: for this victim
/// and focus.
#[derive(Debug, Clone)]
pub struct Trigger {
    pub victim_id: String,
    pub focus: Focus,
    pub kind: EventKind,
}

/// Plans and stores what should follow `kind`, for this victim and focus:
/// a batch of one.
pub fn react(
    conn: &mut AnyConn,
    rules: &Rules,
    now: DateTime<Utc>,
    victim_id: &str,
    focus: &Focus,
    kind: EventKind,
) -> AppResult<Applied> {
    let trigger = Trigger {
        victim_id: victim_id.to_string(),
        focus: focus.clone(),
        kind,
    };
    Ok(react_all(conn, rules, now, std::slice::from_ref(&trigger))?.remove(0))
}

/// Plans and stores what should follow each trigger, in order, as if each
/// were planned in turn, with a fixed number of statements per round: the
/// contexts are loaded together, the pure flows plan each in memory, and
/// the plans are stored in bulk. A victim with several triggers has them
/// planned in successive rounds, so each sees what the one before stored.
pub fn react_all(
    conn: &mut AnyConn,
    rules: &Rules,
    now: DateTime<Utc>,
    triggers: &[Trigger],
) -> AppResult<Vec<Applied>> {
    let mut out: Vec<Option<Applied>> = vec![None; triggers.len()];
    let mut left: Vec<usize> = (0..triggers.len()).collect();
    while !left.is_empty() {
        let mut seen = std::collections::HashSet::new();
        let (round, later): (Vec<usize>, Vec<usize>) = left
            .iter()
            .partition(|&&i| seen.insert(triggers[i].victim_id.as_str()));
        let batch: Vec<&Trigger> = round.iter().map(|&i| &triggers[i]).collect();
        for (i, applied) in round.iter().zip(plan_round(conn, rules, now, &batch)?) {
            out[*i] = Some(applied);
        }
        left = later;
    }
    Ok(out.into_iter().map(Option::unwrap_or_default).collect())
}

/// One round: each victim at most once.
fn plan_round(
    conn: &mut AnyConn,
    rules: &Rules,
    now: DateTime<Utc>,
    triggers: &[&Trigger],
) -> AppResult<Vec<Applied>> {
    let wanted: Vec<(&str, &Focus)> = triggers
        .iter()
        .map(|t| (t.victim_id.as_str(), &t.focus))
        .collect();
    let contexts = context::load_all(conn, &wanted, now)?;
    let in_force = rules.table.in_force(crate::calendar::london_date(now));
    // The supporters' organisations may have their own reminder offsets.
    let supporters: Vec<String> = contexts
        .iter()
        .filter_map(|c| c.supporter.as_ref().map(|s| s.user_id.clone()))
        .collect::<std::collections::BTreeSet<_>>()
        .into_iter()
        .collect();
    let own: std::collections::HashMap<String, RuleSet> =
        reminder_overrides::for_supporters(conn, &supporters)?
            .into_iter()
            .filter_map(|(user, r)| {
                reminder_overrides::apply(in_force, Some(r)).map(|set| (user, set))
            })
            .collect();
    let mut plans = Vec::with_capacity(triggers.len());
    let mut counts = Vec::with_capacity(triggers.len());
    for (t, ctx) in triggers.iter().zip(&contexts) {
        let event = Event {
            id: crate::store::new_id(),
            at: now,
            kind: t.kind.clone(),
        };
        let mut plan = flows::plan(&event, ctx, in_force, &rules.holidays, now);
        let reminder_rules = ctx
            .supporter
            .as_ref()
            .and_then(|s| own.get(&s.user_id))
            .unwrap_or(in_force);
        let reminders =
            reminders::add_to_plan(&event, ctx, reminder_rules, &rules.holidays, now, &mut plan);
        counts.push((event_name(&event.kind), reminders));
        plans.push(plan);
    }
    let owners: Vec<(persist::Owner, &flows::Plan)> = triggers
        .iter()
        .zip(&contexts)
        .zip(&plans)
        .map(|((t, ctx), plan)| {
            (
                persist::Owner {
                    victim_id: &t.victim_id,
                    case_id: (!ctx.case.id.is_empty()).then_some(ctx.case.id.as_str()),
                    hearing_id: t.focus.hearing_id.as_deref(),
                },
                plan,
            )
        })
        .collect();
    let applied = persist::apply_all(conn, &owners, now)?;
    for ((t, (event, reminders)), a) in triggers.iter().zip(&counts).zip(&applied) {
        tracing::info!(
            victim_id = t.victim_id.as_str(),
            event = event.as_str(),
            notices = a.notices_planned,
            revived = a.notices_revived,
            tasks = a.tasks_planned,
            deadlines = a.deadlines_started,
            reminders,
            warnings = a.warnings,
            cancelled = a.cancelled,
            "planned"
        );
    }
    Ok(applied)
}

/// After a supporter assignment was recorded or changed: if who the
/// victim's contact is today (or whether they are the single point of
/// contact) changed from `before`, the agencies in upcoming hearings are
/// told.
pub fn contact_changed(
    conn: &mut AnyConn,
    rules: &Rules,
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
    react(
        conn,
        rules,
        now,
        victim_id,
        &focus,
        EventKind::SupporterChanged,
    )?;
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

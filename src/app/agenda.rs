//! A person's week, as the "My week" page and `GET /api/v1/agenda` show
//! it: the hearings that sit in it (a long trial counted day by day), the
//! pre-trial visits and parole milestones that fall in it, the running
//! deadlines due by its end (with those already past), and the open tasks
//! for the person's role. Each list goes through its record's own list
//! use case, so a role sees what it may see and nothing else, and each is
//! bounded by the week in the query rather than filtered afterwards.

use std::collections::{BTreeSet, HashMap};
use std::sync::{Arc, Mutex};

use chrono::{DateTime, Duration, NaiveDate, Utc};
use serde::Serialize;

use crate::calendar::{self, agenda, BankHolidays};
use crate::domain::PreTrialVisitState;
use crate::error::{AppError, AppResult};
use crate::policy::{permits, task_role, Action, ResourceKind};
use crate::resources::deadlines::{DeadlineFilter, DeadlineState};
use crate::resources::hearings::HearingFilter;
use crate::resources::pre_trial_visits::VisitFilter;
use crate::resources::tasks::TaskFilter;
use crate::resources::{
    DeadlineOut, Deadlines, HearingOut, Hearings, ParoleMilestoneOut, ParoleMilestones,
    PreTrialVisitOut, PreTrialVisits, TaskOut, Tasks, VictimFilter,
};
use crate::store::changes::Count;
use crate::store::AnyConn;

use super::{Ctx, Resource};

/// How far back a hearing may have started and still sit in the week (a
/// long trial).
const LONGEST_HEARING: Duration = Duration::days(42);

/// One day's sitting of a hearing.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct Sitting {
    pub starts_at: DateTime<Utc>,
    pub ends_at: DateTime<Utc>,
    /// Which court day of the hearing this is (1-based), of `days`.
    pub day: usize,
    pub days: usize,
}

/// A hearing with its sittings that fall in the week.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct WeekHearing {
    pub hearing: HearingOut,
    pub sittings: Vec<Sitting>,
}

/// Everything in one person's week.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct Week {
    /// The first London date of the week, and the last.
    pub from: NaiveDate,
    pub to: NaiveDate,
    pub hearings: Vec<WeekHearing>,
    pub pre_trial_visits: Vec<PreTrialVisitOut>,
    /// Milestones whose day the role may see (a release date shown by its
    /// month only has no day in the week).
    pub parole_milestones: Vec<ParoleMilestoneOut>,
    /// Running deadlines due in the week, and those whose time has already
    /// passed (due before now). A deadline due before the week but still
    /// ahead of now belongs to an earlier week and is left out.
    pub deadlines: Vec<DeadlineOut>,
    /// Hearings that deadlines count from but that do not sit in the week.
    pub deadline_hearings: Vec<HearingOut>,
    /// Open tasks for the role, unassigned or assigned to this person.
    pub tasks: Vec<TaskOut>,
    /// The safety plans in force for the week's hearings, to the
    /// supporter (in the order of the hearings).
    pub safety_plans: Vec<super::safety_plans::SafetyPlanOut>,
    /// The supporter's risk meetings (MARAC, MAPPA) in the week, earliest
    /// first; empty for every other role.
    pub risk_meetings: Vec<super::risk_meetings::WeekMeeting>,
    /// Statement-taking and ABE-interview appointments in the week that
    /// this person is booked on (supporter before and after, alternative
    /// supporter, or officer), earliest first.
    pub statement_appointments: Vec<super::statement_appointments::WeekAppointment>,
}

impl Week {
    /// Instants bounding the week: the start of its first London day and
    /// of the day after its last.
    pub fn bounds(from: NaiveDate) -> (DateTime<Utc>, DateTime<Utc>) {
        (
            calendar::start_of_london_day(from),
            calendar::start_of_london_day(from + Duration::days(7)),
        )
    }
}

/// Every page of a list, with a filter made in code.
fn all<R: Resource>(
    conn: &mut AnyConn,
    ctx: &Ctx,
    filter: &R::Filter,
) -> AppResult<Vec<R::Output>> {
    super::list_pages::<R>(conn, ctx, filter, i64::MAX)
}

/// Which sittings of a hearing fall in `[start, end)`.
pub fn sittings_in(
    h: &HearingOut,
    start: DateTime<Utc>,
    end: DateTime<Utc>,
    holidays: &BankHolidays,
) -> Vec<Sitting> {
    let spans = agenda::sittings(h.starts_at, h.estimated_minutes, holidays);
    let days = spans.len();
    spans
        .into_iter()
        .enumerate()
        .filter(|(_, (s, e))| *e > start && *s < end)
        .map(|(i, (s, e))| Sitting {
            starts_at: s,
            ends_at: e,
            day: i + 1,
            days,
        })
        .collect()
}

/// Whether a running deadline belongs in the week starting at `start`
/// (ending at `end`) looked at `now`: due in the week, or already past.
pub fn deadline_shown(
    due_at: DateTime<Utc>,
    start: DateTime<Utc>,
    end: DateTime<Utc>,
    now: DateTime<Utc>,
) -> bool {
    due_at < end && (due_at >= start || due_at < now)
}

/// Refuses a week the actor may not see or the calendar cannot hold.
fn check(ctx: &Ctx, from: NaiveDate) -> AppResult<()> {
    ctx.may((ResourceKind::Hearing, Action::Read, "hearing"))?;
    if from.checked_add_signed(Duration::days(7)).is_none() {
        return Err(AppError::field("from", "is not a date the agenda can show"));
    }
    Ok(())
}

/// The week from `from` (a London date) for the actor.
pub fn week(conn: &mut AnyConn, ctx: &Ctx, from: NaiveDate) -> AppResult<Week> {
    check(ctx, from)?;
    Ok(work_out(conn, ctx, from)?.0)
}

/// The week from `from` for the actor, from `cache` when nothing it is
/// made from has changed since it was worked out (on any instance: the
/// database's count of changes says so), else worked out and kept.
/// Requests for the same week at once wait for one of them to work it out.
///
/// `changes` is the count as this request read it before any record
/// (with its token, `accounts::me_and_changes_for_token`, or
/// `store::changes::count`): a write committing after that read raises
/// the count, so a week kept below is never older than its count says.
pub fn week_cached(
    conn: &mut AnyConn,
    ctx: &Ctx,
    from: NaiveDate,
    cache: &WeekCache,
    changes: Count,
) -> AppResult<Arc<KeptWeek>> {
    check(ctx, from)?;
    let key = WeekKey {
        user_id: ctx.actor.user_id.clone(),
        organisation_id: ctx.actor.organisation_id.clone(),
        role: ctx.actor.role,
        from,
        today: ctx.today(),
    };
    let slot = cache.slot(key);
    let mut slot = slot.lock().unwrap_or_else(|e| e.into_inner());
    if let Some(kept) = slot.as_ref() {
        if kept.changes == changes && kept.until.is_none_or(|u| ctx.now <= u) {
            return Ok(kept.clone());
        }
    }
    let (week, until) = work_out(conn, ctx, from)?;
    let kept = Arc::new(KeptWeek {
        week,
        changes,
        until,
        extras: Mutex::default(),
    });
    // A request that read an older count does not replace a newer week.
    if slot.as_ref().is_none_or(|k| k.changes <= changes) {
        *slot = Some(kept.clone());
    }
    Ok(kept)
}

/// Whose week, from when, on which day (a person's reach is the
/// assignments in force today).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
struct WeekKey {
    user_id: String,
    organisation_id: String,
    role: crate::domain::Role,
    from: NaiveDate,
    today: NaiveDate,
}

/// A week as worked out, with what its readers made from it.
pub struct KeptWeek {
    pub week: Week,
    /// The database's count of changes, read before the week was.
    changes: Count,
    /// The week holds while now is at most this: the earliest due time
    /// of a running deadline held back as neither in the week nor past
    /// (once it passes, it is listed as past).
    until: Option<DateTime<Utc>>,
    /// Made from the week and the same records by its readers (the API's
    /// answer, the page's names), one of each type.
    extras: Mutex<HashMap<std::any::TypeId, Arc<dyn std::any::Any + Send + Sync>>>,
}

impl KeptWeek {
    /// The reader's `T` made from this week, made once by `make` (its
    /// records read after the week's count, so no older than it).
    pub fn extra<T: Send + Sync + 'static>(
        &self,
        make: impl FnOnce(&Week) -> AppResult<T>,
    ) -> AppResult<Arc<T>> {
        let mut extras = self.extras.lock().unwrap_or_else(|e| e.into_inner());
        let id = std::any::TypeId::of::<T>();
        if let Some(made) = extras.get(&id).and_then(|m| m.clone().downcast::<T>().ok()) {
            return Ok(made);
        }
        let made = Arc::new(make(&self.week)?);
        extras.insert(id, made.clone());
        Ok(made)
    }
}

type Slot = Arc<Mutex<Option<Arc<KeptWeek>>>>;

/// Weeks worked out on this instance, each kept while the database's
/// count of changes is what it was when the week was read. At most
/// [`WeekCache::MOST`] people's weeks are kept; when full, it starts
/// again empty.
#[derive(Default)]
pub struct WeekCache {
    slots: Mutex<HashMap<WeekKey, Slot>>,
}

impl WeekCache {
    pub const MOST: usize = 4096;

    fn slot(&self, key: WeekKey) -> Slot {
        let mut slots = self.slots.lock().unwrap_or_else(|e| e.into_inner());
        if slots.len() >= Self::MOST && !slots.contains_key(&key) {
            slots.clear();
        }
        slots.entry(key).or_default().clone()
    }
}

/// The week, and until when it holds as time passes (see [`Kept`]).
fn work_out(
    conn: &mut AnyConn,
    ctx: &Ctx,
    from: NaiveDate,
) -> AppResult<(Week, Option<DateTime<Utc>>)> {
    // Each list below is bounded by the same reach: read it once.
    let ctx = &ctx.pinned(conn)?;
    let holidays = &ctx.rules.holidays;
    let role = ctx.actor.role;
    let (start, end) = Week::bounds(from);
    let may = |kind| permits(role, kind, Action::Read);

    let hearings: Vec<WeekHearing> = all::<Hearings>(
        conn,
        ctx,
        &HearingFilter {
            from: Some((start - LONGEST_HEARING).fixed_offset()),
            to: Some(end.fixed_offset()),
            ..HearingFilter::default()
        },
    )?
    .into_iter()
    .filter_map(|h| {
        let sittings = sittings_in(&h, start, end, holidays);
        (!sittings.is_empty()).then_some(WeekHearing {
            hearing: h,
            sittings,
        })
    })
    .collect();

    let pre_trial_visits = if may(ResourceKind::PreTrialVisit) {
        all::<PreTrialVisits>(
            conn,
            ctx,
            &VisitFilter {
                from: Some(start.fixed_offset()),
                to: Some(end.fixed_offset()),
                ..VisitFilter::default()
            },
        )?
        .into_iter()
        .filter(|v| v.state != PreTrialVisitState::Cancelled)
        .collect()
    } else {
        Vec::new()
    };

    let parole_milestones = if may(ResourceKind::ParoleMilestone) {
        all::<ParoleMilestones>(conn, ctx, &VictimFilter::default())?
            .into_iter()
            .filter(|m| {
                m.occurs_on
                    .is_some_and(|d| d >= from && d < from + Duration::days(7))
            })
            .collect()
    } else {
        Vec::new()
    };

    let mut until: Option<DateTime<Utc>> = None;
    let deadlines: Vec<DeadlineOut> = if may(ResourceKind::Deadline) {
        all::<Deadlines>(
            conn,
            ctx,
            &DeadlineFilter {
                state: Some(DeadlineState::Running),
                due_before: Some(end.fixed_offset()),
                ..DeadlineFilter::default()
            },
        )?
        .into_iter()
        .filter(|d| {
            let shown = deadline_shown(d.due_at, start, end, ctx.now);
            if !shown {
                until = Some(until.map_or(d.due_at, |u| u.min(d.due_at)));
            }
            shown
        })
        .collect()
    } else {
        Vec::new()
    };

    // The hearings deadlines count from that are not in the week, read
    // together, as each would be read alone.
    let in_week: BTreeSet<&str> = hearings.iter().map(|h| h.hearing.id.as_str()).collect();
    let wanted: BTreeSet<String> = deadlines
        .iter()
        .filter_map(|d| d.hearing_id.clone())
        .filter(|id| !in_week.contains(id.as_str()))
        .collect();
    let wanted: Vec<String> = wanted.into_iter().collect();
    let deadline_hearings = crate::resources::hearings::read_each(conn, ctx, &wanted)?;

    let tasks = if may(ResourceKind::Task) {
        all::<Tasks>(
            conn,
            ctx,
            &TaskFilter {
                state: Some("open".into()),
                role: Some(task_role(role).into()),
                ..TaskFilter::default()
            },
        )?
        .into_iter()
        .filter(|t| {
            t.assignee_user_id
                .as_deref()
                .is_none_or(|a| a == ctx.actor.user_id)
        })
        .collect()
    } else {
        Vec::new()
    };

    let mut plans = super::safety_plans::for_hearings(
        conn,
        ctx,
        &hearings
            .iter()
            .map(|h| h.hearing.id.clone())
            .collect::<Vec<_>>(),
    )?;
    let safety_plans = hearings
        .iter()
        .filter_map(|h| plans.remove(&h.hearing.id))
        .collect();

    let risk_meetings = super::risk_meetings::for_week(conn, ctx, start, end)?;
    let statement_appointments =
        super::statement_appointments::booked_for(conn, ctx, &ctx.actor.user_id, (start, end))?;

    let week = Week {
        risk_meetings,
        statement_appointments,
        from,
        to: from + Duration::days(6),
        hearings,
        pre_trial_visits,
        parole_milestones,
        deadlines,
        deadline_hearings,
        tasks,
        safety_plans,
    };
    Ok((week, until))
}

/// The hearings of a week by id, those in it and those its deadlines
/// count from.
pub fn hearings_by_id(week: &Week) -> HashMap<&str, &HearingOut> {
    week.hearings
        .iter()
        .map(|h| &h.hearing)
        .chain(week.deadline_hearings.iter())
        .map(|h| (h.id.as_str(), h))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn at(d: u32, h: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 10, d, h, 0, 0).unwrap()
    }

    #[test]
    fn a_deadline_is_shown_in_its_own_week_or_once_it_is_past() {
        // The week of Monday 19 October 2026 (BST), looked at on the 21st.
        let (start, end) = Week::bounds(NaiveDate::from_ymd_opt(2026, 10, 19).unwrap());
        let now = at(21, 12);
        // (due, shown)
        let table = [
            (at(20, 9), true),  // in the week, already past
            (at(23, 16), true), // in the week, still ahead
            (at(14, 9), true),  // before the week, and past: overdue
            (at(26, 9), false), // after the week
            (end, false),       // the week's end is not in it
            (start, true),      // its start is
        ];
        for (due, shown) in table {
            assert_eq!(deadline_shown(due, start, end, now), shown, "due {due}");
        }
        // Looking at a week to come: a deadline due before it but after
        // now is not "past"; it belongs to an earlier week.
        let (start, end) = Week::bounds(NaiveDate::from_ymd_opt(2026, 11, 2).unwrap());
        assert!(!deadline_shown(at(28, 9), start, end, now));
        assert!(deadline_shown(at(20, 9), start, end, now));
    }

    #[test]
    fn a_week_spans_the_clock_change_in_local_days() {
        // The clocks go back on Sunday 25 October 2026: the week from
        // Monday 19 October starts at 23:00 UTC (BST) and ends at 00:00
        // UTC on Monday 26 October (GMT), 7 days and one hour later.
        let (start, end) = Week::bounds(NaiveDate::from_ymd_opt(2026, 10, 19).unwrap());
        assert_eq!(start, Utc.with_ymd_and_hms(2026, 10, 18, 23, 0, 0).unwrap());
        assert_eq!(end, Utc.with_ymd_and_hms(2026, 10, 26, 0, 0, 0).unwrap());
    }
}

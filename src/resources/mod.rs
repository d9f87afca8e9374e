//! The record types of the JSON API, one module each: input checks, the
//! queries (through diesel, one code path for both databases), and the
//! relationship scope applied to every read and write.

/// The one versioned update of a record: set `$sets` with the next version
/// and the update time on row `$id` if it is still at version `$expected`;
/// no row updated means someone else changed it between our read and our
/// write. An optional last argument maps the database error (a unique
/// index broken, say) before the `?`.
macro_rules! update_versioned {
    ($conn:expr, $t:ident, $id:expr, $expected:expr, $updated_at:expr, ($($set:expr),+ $(,)?) $(, $on_error:expr)?) => {{
        let done = diesel::update(
            $t::table
                .filter($t::id.eq($id))
                .filter($t::version.eq($expected)),
        )
        .set(($($set,)+ $t::version.eq($expected + 1), $t::updated_at.eq($updated_at)))
        .execute($conn);
        $(let done = done.map_err($on_error);)?
        crate::resources::check_updated(done?, $expected)?;
    }};
}

/// One page of a list: `$query` is the closure that builds the filtered
/// query, counted for the total and ordered by `$order` for the rows,
/// selected as `$row`.
macro_rules! paged {
    ($conn:expr, $page:expr, $query:ident, $order:expr, $row:ty) => {{
        let rows: crate::error::AppResult<crate::app::Paged<$row>> = crate::app::page_of(
            $conn,
            $page,
            $query(),
            $query().order($order).select(<$row>::as_select()),
        );
        rows
    }};
}

/// The list filters that ask for one value of a column of the same name:
/// `filter_by!(q, tasks, f, victim_id, state)` narrows the boxed query `q`
/// to `tasks.victim_id = f.victim_id` where the filter has one, and so on.
macro_rules! filter_by {
    ($q:ident, $t:ident, $f:expr, $($field:ident),+) => {
        $(
            if let Some(value) = &$f.$field {
                $q = $q.filter($t::$field.eq(value.clone()));
            }
        )+
    };
}

/// A list's `from` (inclusive) and `to` (exclusive) bounds on a time
/// column, each where the filter has one.
macro_rules! filter_between {
    ($q:ident, $column:expr, $from:expr, $to:expr) => {
        if let Some(from) = $from {
            $q = $q.filter($column.ge(crate::store::to_db(from.with_timezone(&chrono::Utc))));
        }
        if let Some(to) = $to {
            $q = $q.filter($column.lt(crate::store::to_db(to.with_timezone(&chrono::Utc))));
        }
    };
}

/// The strands (court, parole) a role may read: narrow the boxed query `q`
/// by the `parole` test of the row, to nothing (`none`) where it may read
/// neither.
macro_rules! filter_strands {
    ($q:ident, $strands:expr, $parole:expr, $none:expr) => {
        match ($strands.court, $strands.parole) {
            (true, true) => {}
            (true, false) => $q = $q.filter(diesel::dsl::not($parole)),
            (false, true) => $q = $q.filter($parole),
            (false, false) => $q = $q.filter($none),
        }
    };
}

pub mod attendance_requests;
mod cases;
mod consents;
mod courts;
pub mod deadlines;
pub mod hearings;
pub mod notices;
mod organisations;
mod parole_milestones;
pub mod pre_trial_visits;
mod special_measures;
mod supporter_assignments;
pub mod tasks;
mod users;
mod victims;

pub use attendance_requests::{AttendanceRequestInput, AttendanceRequestOut, AttendanceRequests};
pub use cases::{named as named_cases, normalise_case_key, CaseInput, CaseOut, Cases};
pub use consents::{victims_with_active, ConsentInput, ConsentOut, Consents};
pub use courts::{insert as courts_insert, CourtInput, CourtOut, Courts};
pub use deadlines::{DeadlineOut, Deadlines, WarningOut, Warnings};
pub use hearings::{HearingInput, HearingOut, Hearings};
pub use notices::{NoticeOut, Notices};
pub use organisations::{OrganisationInput, OrganisationOut, Organisations};
pub(crate) use parole_milestones::flows_milestone as parole_flows_milestone;
pub use parole_milestones::{ParoleMilestoneInput, ParoleMilestoneOut, ParoleMilestones};
pub use pre_trial_visits::{PreTrialVisitInput, PreTrialVisitOut, PreTrialVisits};
pub use special_measures::{
    SpecialMeasuresDiscussionInput, SpecialMeasuresDiscussionOut, SpecialMeasuresDiscussions,
};
pub use supporter_assignments::{
    SupporterAssignmentInput, SupporterAssignmentOut, SupporterAssignments,
};
pub use tasks::{TaskInput, TaskOut, Tasks};
pub use users::{UserInput, UserOut, Users, MIN_PASSWORD_CHARS};
pub use victims::{
    named as named_victims, SafeChannel, VictimInput, VictimOut, VictimSensitiveDetails,
    VictimSensitiveInput, VictimSensitiveOut, Victims,
};

use chrono::{DateTime, Utc};
use diesel::prelude::*;

use crate::app::Ctx;
use crate::error::{AppError, AppResult};
use crate::store::schema::{cases as cases_t, courts as courts_t, organisations as orgs_t};
use crate::store::{scope, AnyConn};

/// An instant as court-local time with its offset, e.g.
/// `2026-03-30T10:00:00+01:00`.
pub fn local(t: DateTime<Utc>) -> String {
    crate::calendar::to_london(t).to_rfc3339()
}

/// The optimistic-concurrency check every update makes first.
pub fn check_version(current: i32, expected: i32) -> AppResult<()> {
    if current == expected {
        Ok(())
    } else {
        Err(AppError::StaleVersion { current })
    }
}

/// The row count of a `WHERE id = ? AND version = ?` update: none means
/// someone else changed it between our read and our write.
pub fn check_updated(rows: usize, expected: i32) -> AppResult<()> {
    if rows == 1 {
        Ok(())
    } else {
        Err(AppError::StaleVersion {
            current: expected + 1,
        })
    }
}

/// The record a thing belongs to (its case, its victim) is fixed: an
/// update naming another is refused on that field.
pub fn same_owner(field: &str, current: &str, input: &str, why: &str) -> AppResult<()> {
    if current == input {
        Ok(())
    } else {
        Err(AppError::field(field, format!("cannot be changed: {why}")))
    }
}

/// A field naming a court must name one in the directory.
pub fn require_court(conn: &mut AnyConn, id: &str, field: &str) -> AppResult<()> {
    let found: i64 = courts_t::table
        .filter(courts_t::id.eq(id))
        .count()
        .get_result(conn)?;
    if found == 1 {
        Ok(())
    } else {
        Err(AppError::field(field, "is not a court in the directory"))
    }
}

/// A field naming an organisation must name one of the right kind.
pub fn require_organisation(
    conn: &mut AnyConn,
    id: &str,
    kind: crate::domain::OrganisationKind,
    field: &str,
) -> AppResult<()> {
    let found: i64 = orgs_t::table
        .filter(orgs_t::id.eq(id))
        .filter(orgs_t::kind.eq(kind.as_str()))
        .count()
        .get_result(conn)?;
    if found == 1 {
        Ok(())
    } else {
        Err(AppError::field(
            field,
            format!("is not a known organisation of kind {kind}"),
        ))
    }
}

/// A field naming a victim the actor cannot reach reads as unknown.
pub fn require_victim_field(conn: &mut AnyConn, ctx: &Ctx, id: &str, field: &str) -> AppResult<()> {
    scope::require_victim(conn, &ctx.actor, ctx.today(), id, "victim")
        .map_err(|_| AppError::field(field, "is not a victim you support or handle"))
}

/// The victim a case belongs to, if the case is within the actor's reach;
/// `field` names the input field for a 422, or `None` for a 404.
pub fn case_victim(
    conn: &mut AnyConn,
    ctx: &Ctx,
    case_id: &str,
    field: Option<&str>,
) -> AppResult<String> {
    let unknown = || match field {
        Some(f) => AppError::field(f, "is not a case you support or handle"),
        None => AppError::NotFound("case".into()),
    };
    let victim: Option<String> = cases_t::table
        .find(case_id)
        .select(cases_t::victim_id)
        .first(conn)
        .optional()?;
    let victim = victim.ok_or_else(unknown)?;
    scope::require_victim(conn, &ctx.actor, ctx.today(), &victim, "case").map_err(|_| unknown())?;
    Ok(victim)
}

/// Case ids whose victims the actor may reach.
pub fn visible_case_ids(conn: &mut AnyConn, ctx: &Ctx) -> AppResult<Vec<String>> {
    if let Some(p) = &ctx.reach {
        return p.cases(conn);
    }
    let victims = scope::visible_victim_ids(conn, &ctx.actor, ctx.today())?;
    Ok(cases_t::table
        .filter(cases_t::victim_id.eq_any(victims))
        .select(cases_t::id)
        .load(conn)?)
}

/// Filters common to lists of records that hang off a case.
#[derive(Debug, Default, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CaseFilter {
    pub case_id: Option<String>,
    pub page: Option<i64>,
    pub per_page: Option<i64>,
}

/// Filters for records that hang off a victim.
#[derive(Debug, Default, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct VictimFilter {
    pub victim_id: Option<String>,
    pub page: Option<i64>,
    pub per_page: Option<i64>,
}

/// Lists with no filter of their own.
#[derive(Debug, Default, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NoFilter {
    pub page: Option<i64>,
    pub per_page: Option<i64>,
}

//! Turns the policy's [`VictimScope`] into the set of victim ids an actor
//! may reach. Every victim-related read and write goes through here.

use chrono::NaiveDate;
use diesel::prelude::*;

use super::conn::AnyConn;
use super::schema::{cases, supporter_assignments, users, victims};
use crate::error::{AppError, AppResult};
use crate::policy::{may_read, victim_scope, Actor, Reach, ResourceKind, VictimScope};

/// A supporter assignment in force on `day`: begun, and not yet ended.
#[diesel::dsl::auto_type]
pub fn in_force(day: NaiveDate) -> _ {
    supporter_assignments::starts_on.le(day).and(
        supporter_assignments::ends_on
            .is_null()
            .or(supporter_assignments::ends_on.ge(day)),
    )
}

/// Victims with an assignment current on `today`, for these supporters.
fn assigned_victims(
    conn: &mut AnyConn,
    supporter_ids: &[String],
    today: NaiveDate,
) -> AppResult<Vec<String>> {
    Ok(supporter_assignments::table
        .filter(supporter_assignments::supporter_id.eq_any(supporter_ids))
        .filter(in_force(today))
        .select(supporter_assignments::victim_id)
        .load(conn)?)
}

fn unit_victims(conn: &mut AnyConn, organisation_id: &str) -> AppResult<Vec<String>> {
    Ok(cases::table
        .filter(cases::witness_care_unit_id.eq(organisation_id))
        .select(cases::victim_id)
        .load(conn)?)
}

fn region_victims(conn: &mut AnyConn, organisation_id: &str) -> AppResult<Vec<String>> {
    Ok(victims::table
        .filter(victims::probation_region_id.eq(organisation_id))
        .select(victims::id)
        .load(conn)?)
}

/// An actor's reach read once ([`crate::app::Ctx::pinned`]): the victims,
/// and their cases when first asked for.
#[derive(Debug)]
pub struct Pinned {
    pub victims: Vec<String>,
    cases: std::sync::OnceLock<Vec<String>>,
}

impl Pinned {
    pub fn new(victims: Vec<String>) -> Pinned {
        Pinned {
            victims,
            cases: std::sync::OnceLock::new(),
        }
    }

    /// Whether the victim is within this reach.
    pub fn reaches(&self, victim_id: &str) -> bool {
        self.victims
            .binary_search_by(|v| v.as_str().cmp(victim_id))
            .is_ok()
    }

    /// The reached victims' case ids, read on the first call.
    pub fn cases(&self, conn: &mut AnyConn) -> AppResult<Vec<String>> {
        if let Some(c) = self.cases.get() {
            return Ok(c.clone());
        }
        let found = cases_of(conn, &self.victims)?;
        Ok(self.cases.get_or_init(|| found).clone())
    }
}

/// The ids of the cases of these victims.
pub fn cases_of(conn: &mut AnyConn, victims: &[String]) -> AppResult<Vec<String>> {
    let mut out = Vec::new();
    // Bounded lists: SQLite takes at most 32,766 variables a statement.
    for chunk in victims.chunks(10_000) {
        out.extend(
            cases::table
                .filter(cases::victim_id.eq_any(chunk))
                .select(cases::id)
                .load::<String>(conn)?,
        );
    }
    Ok(out)
}

/// The ids of every victim the actor's relationships reach on `today`
/// (sorted, without repeats).
pub fn visible_victim_ids(
    conn: &mut AnyConn,
    actor: &Actor,
    today: NaiveDate,
) -> AppResult<Vec<String>> {
    let mut ids = match victim_scope(actor) {
        VictimScope::AssignedTo { supporter_id } => assigned_victims(conn, &[supporter_id], today)?,
        VictimScope::CasesOfUnit { organisation_id } => unit_victims(conn, &organisation_id)?,
        VictimScope::ProbationRegion { organisation_id } => region_victims(conn, &organisation_id)?,
        VictimScope::Organisation { organisation_id } => {
            let colleagues: Vec<String> = users::table
                .filter(users::organisation_id.eq(&organisation_id))
                .select(users::id)
                .load(conn)?;
            let mut all = assigned_victims(conn, &colleagues, today)?;
            all.extend(unit_victims(conn, &organisation_id)?);
            all.extend(region_victims(conn, &organisation_id)?);
            all
        }
        VictimScope::Nothing => Vec::new(),
    };
    ids.sort();
    ids.dedup();
    Ok(ids)
}

/// Whether one victim is within the actor's reach on `today`: the same
/// answer as looking her up in [`visible_victim_ids`], asked of her alone
/// (a few indexed reads, not the whole reach of a large organisation).
pub fn reaches_victim(
    conn: &mut AnyConn,
    actor: &Actor,
    today: NaiveDate,
    victim_id: &str,
) -> AppResult<bool> {
    let assigned = |conn: &mut AnyConn, supporters: &[String]| -> AppResult<bool> {
        Ok(diesel::select(diesel::dsl::exists(
            supporter_assignments::table
                .filter(supporter_assignments::victim_id.eq(victim_id))
                .filter(supporter_assignments::supporter_id.eq_any(supporters))
                .filter(in_force(today)),
        ))
        .get_result(conn)?)
    };
    let in_unit = |conn: &mut AnyConn, organisation_id: &str| -> AppResult<bool> {
        Ok(diesel::select(diesel::dsl::exists(
            cases::table
                .filter(cases::victim_id.eq(victim_id))
                .filter(cases::witness_care_unit_id.eq(organisation_id)),
        ))
        .get_result(conn)?)
    };
    let in_region = |conn: &mut AnyConn, organisation_id: &str| -> AppResult<bool> {
        Ok(diesel::select(diesel::dsl::exists(
            victims::table
                .filter(victims::id.eq(victim_id))
                .filter(victims::probation_region_id.eq(organisation_id)),
        ))
        .get_result(conn)?)
    };
    match victim_scope(actor) {
        VictimScope::AssignedTo { supporter_id } => assigned(conn, &[supporter_id]),
        VictimScope::CasesOfUnit { organisation_id } => in_unit(conn, &organisation_id),
        VictimScope::ProbationRegion { organisation_id } => in_region(conn, &organisation_id),
        VictimScope::Organisation { organisation_id } => {
            // Her supporters on the day, checked against the organisation.
            let supporters: Vec<String> = supporter_assignments::table
                .filter(supporter_assignments::victim_id.eq(victim_id))
                .filter(in_force(today))
                .select(supporter_assignments::supporter_id)
                .load(conn)?;
            let colleague: bool = !supporters.is_empty()
                && diesel::select(diesel::dsl::exists(
                    users::table
                        .filter(users::id.eq_any(&supporters))
                        .filter(users::organisation_id.eq(&organisation_id)),
                ))
                .get_result(conn)?;
            Ok(colleague || in_unit(conn, &organisation_id)? || in_region(conn, &organisation_id)?)
        }
        VictimScope::Nothing => Ok(false),
    }
}

/// Fails with "not found" unless the victim is within the actor's reach.
pub fn require_victim(
    conn: &mut AnyConn,
    actor: &Actor,
    today: NaiveDate,
    victim_id: &str,
    what: &str,
) -> AppResult<()> {
    if reaches_victim(conn, actor, today, victim_id)? {
        Ok(())
    } else {
        Err(AppError::NotFound(what.to_string()))
    }
}

/// The read check for one record ([`may_read`]): the victim within the
/// actor's reach, and the role allowed both the record's kind and what it
/// is about. Fails with "not found" otherwise.
pub fn require_readable(
    conn: &mut AnyConn,
    actor: &Actor,
    today: NaiveDate,
    victim_id: &str,
    kind: ResourceKind,
    about: ResourceKind,
    what: &str,
) -> AppResult<()> {
    let reach = if reaches_victim(conn, actor, today, victim_id)? {
        Reach::Reached
    } else {
        Reach::Unrelated
    };
    if may_read(actor.role, kind, about, reach) {
        Ok(())
    } else {
        Err(AppError::NotFound(what.to_string()))
    }
}

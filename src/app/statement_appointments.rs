//! Statement-taking and ABE-interview appointments (issue 19, item 4).
//!
//! The police take the victim's witness statement, or record her Achieving
//! Best Evidence (ABE) video interview, at a booked time and place. Her
//! supporter must not be in the room, but may be with her before and after:
//! the appointment records the supporter booked for before and after, an
//! alternative supporter in case the first is away (both must be her
//! supporters now), and the officer (a witness care officer of the case's
//! unit). Reminders to the three, at the rules table's offsets
//! (`statement_appointments`), are planned as tasks through
//! `planning::react` (`flows::statement_appointments`); a change re-plans
//! them, a withdrawal cancels them.
//!
//! The place is a police station or venue by name, and is refused when it
//! matches the victim's recorded address. Nothing about the appointment is
//! sent to anyone: the officer's reminder is a task in Courtside for her.
//! Read and written by the victim's supporters and the witness care
//! officers of her case's unit (`policy::ResourceKind::StatementAppointment`;
//! 404 outside reach). Every write is audited by id and kind; logs carry
//! ids only.

use chrono::{DateTime, NaiveDateTime, Utc};
use diesel::prelude::*;
use serde::{Deserialize, Serialize};

use super::Ctx;
use crate::audit::AuditAction;
use crate::domain::{CaseKind, Role, StatementAppointmentKind, StatementAppointmentState};
use crate::error::{AppError, AppResult, FieldError};
use crate::flows::EventKind;
use crate::policy::{Action, ResourceKind};
use crate::resources::Cases;
use crate::store::schema::{
    cases, hearings, statement_appointments, supporter_assignments, users,
    victim_sensitive_details, victims,
};
use crate::store::{self, AnyConn};
use crate::validate::Validator;

/// The longest place name.
pub const MAX_PLACE: usize = 120;

const READ: super::Check = (
    ResourceKind::StatementAppointment,
    Action::Read,
    "statement appointment",
);
const CREATE: super::Check = (
    ResourceKind::StatementAppointment,
    Action::Create,
    "statement appointment",
);
const UPDATE: super::Check = (
    ResourceKind::StatementAppointment,
    Action::Update,
    "statement appointment",
);

/// An appointment as booked or changed.
#[derive(Debug, Clone, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct StatementAppointmentInput {
    pub kind: StatementAppointmentKind,
    /// When it starts: RFC 3339 with its offset.
    pub starts_at: String,
    /// The police station or venue, by name (never the victim's address).
    pub place: String,
    /// The officer: an active witness care officer of the case's unit.
    pub officer_id: String,
    /// The supporter booked for before and after (never in the room): one
    /// of the victim's supporters now.
    pub supporter_id: String,
    /// Another of her supporters, in case the first is away.
    pub alternative_supporter_id: String,
}

/// Withdrawing an appointment: no fields (send `{}` with If-Match).
#[derive(Debug, Clone, Default, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CancelInput {}

/// A person on an appointment.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, utoipa::ToSchema)]
pub struct Person {
    pub id: String,
    pub name: String,
}

/// A reminder planned for the appointment as it stands.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, utoipa::ToSchema)]
pub struct ReminderOut {
    /// supporter, alternative_supporter or officer
    pub to: String,
    pub at: DateTime<Utc>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, utoipa::ToSchema)]
pub struct StatementAppointmentOut {
    pub id: String,
    pub case_id: String,
    pub victim_id: String,
    pub kind: StatementAppointmentKind,
    pub starts_at: DateTime<Utc>,
    /// The same in Europe/London time with its offset.
    pub starts_at_local: String,
    pub place: String,
    pub officer: Person,
    pub supporter: Person,
    pub alternative_supporter: Person,
    pub state: StatementAppointmentState,
    /// The reminders still to come (the rules table's offsets), earliest
    /// first; none once withdrawn.
    pub reminders: Vec<ReminderOut>,
    pub version: i32,
}

/// An appointment in a week, with the victim's reference (never her name)
/// and the viewer's part in it.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct WeekAppointment {
    pub appointment: StatementAppointmentOut,
    pub victim_reference: String,
    /// supporter, alternative_supporter or officer
    pub part: String,
}

/// The input's checks (pure): a known time, a place, three people, the
/// alternative supporter not the booked one.
pub fn check(input: &StatementAppointmentInput) -> Result<DateTime<Utc>, Vec<FieldError>> {
    let mut v = Validator::new();
    let at = v.instant("starts_at", &input.starts_at);
    v.text("place", &input.place, MAX_PLACE);
    v.id("officer_id", &input.officer_id);
    v.id("supporter_id", &input.supporter_id);
    v.id("alternative_supporter_id", &input.alternative_supporter_id);
    v.check(
        input.alternative_supporter_id != input.supporter_id,
        "alternative_supporter_id",
        "must be a different supporter from the one booked",
    );
    match v.finish() {
        Ok(()) => Ok(at.unwrap_or_default()),
        Err(AppError::Validation(errors)) => Err(errors),
        Err(_) => Err(Vec::new()),
    }
}

/// The words of a text, lower-cased, letters and digits only.
fn words(s: &str) -> Vec<String> {
    s.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// Whether a place matches the victim's recorded address (pure): the same
/// words, or the address's first line, or its postcode, found in the place.
/// A police station's name shares no such thing with a home address.
pub fn matches_address(place: &str, address: &str) -> bool {
    let place_words = words(place);
    let joined = place_words.join(" ");
    let contains = |needle: &[String]| {
        !needle.is_empty() && format!(" {joined} ").contains(&format!(" {} ", needle.join(" ")))
    };
    let all = words(address);
    if all.is_empty() {
        return false;
    }
    if place_words == all {
        return true;
    }
    let first_line = words(address.split([',', '\n']).next().unwrap_or_default());
    // A first line of a number and a street ("12 Acacia Avenue").
    if first_line.len() >= 2 && contains(&first_line) {
        return true;
    }
    // A UK postcode: the last two words, outward code then inward code.
    if all.len() >= 2 {
        let (out, inward) = (&all[all.len() - 2], &all[all.len() - 1]);
        let looks = |w: &str, lo: usize, hi: usize| {
            (lo..=hi).contains(&w.len())
                && w.chars().any(|c| c.is_ascii_digit())
                && w.chars().any(|c| c.is_ascii_alphabetic())
        };
        if looks(out, 2, 4) && looks(inward, 3, 3) && contains(&all[all.len() - 2..]) {
            return true;
        }
    }
    false
}

#[derive(Queryable)]
struct Row {
    id: String,
    case_id: String,
    victim_id: String,
    kind: String,
    starts_at: NaiveDateTime,
    place: String,
    officer_id: String,
    supporter_id: String,
    alternative_supporter_id: String,
    state: String,
    version: i32,
}

macro_rules! columns {
    () => {
        (
            statement_appointments::id,
            statement_appointments::case_id,
            statement_appointments::victim_id,
            statement_appointments::kind,
            statement_appointments::starts_at,
            statement_appointments::place,
            statement_appointments::officer_id,
            statement_appointments::supporter_id,
            statement_appointments::alternative_supporter_id,
            statement_appointments::state,
            statement_appointments::version,
        )
    };
}

fn person(conn: &mut AnyConn, id: String) -> AppResult<Person> {
    let name: String = users::table
        .find(&id)
        .select(users::display_name)
        .first(conn)?;
    Ok(Person { id, name })
}

fn out_of(conn: &mut AnyConn, ctx: &Ctx, r: Row) -> AppResult<StatementAppointmentOut> {
    let kind = StatementAppointmentKind::from_db(&r.kind)?;
    let state = StatementAppointmentState::from_db(&r.state)?;
    let starts_at = store::from_db(r.starts_at);
    let reminders = if state == StatementAppointmentState::Booked {
        let rules = ctx.rules.in_force(ctx.today());
        crate::flows::statement_appointments::reminders(
            &rules.statement_appointments,
            &ctx.rules.holidays,
            starts_at,
            ctx.now,
        )
        .into_iter()
        .map(|r| ReminderOut {
            to: match r.to {
                crate::rules::StatementReminderTo::Supporter => "supporter",
                crate::rules::StatementReminderTo::AlternativeSupporter => "alternative_supporter",
                crate::rules::StatementReminderTo::Officer => "officer",
            }
            .into(),
            at: r.at,
        })
        .collect()
    } else {
        Vec::new()
    };
    Ok(StatementAppointmentOut {
        officer: person(conn, r.officer_id)?,
        supporter: person(conn, r.supporter_id)?,
        alternative_supporter: person(conn, r.alternative_supporter_id)?,
        id: r.id,
        case_id: r.case_id,
        victim_id: r.victim_id,
        kind,
        starts_at,
        starts_at_local: crate::resources::local(starts_at),
        place: r.place,
        state,
        reminders,
        version: r.version,
    })
}

/// The case, as its own read sees it (404 out of reach).
fn case_in_reach(
    conn: &mut AnyConn,
    ctx: &Ctx,
    case_id: &str,
) -> AppResult<crate::resources::CaseOut> {
    super::read::<Cases>(conn, ctx, case_id).map_err(|e| match e {
        AppError::Forbidden(_) => AppError::NotFound("case".into()),
        other => other,
    })
}

/// The case in reach, and criminal (409 for a family case: nothing to
/// book there).
fn criminal_case(
    conn: &mut AnyConn,
    ctx: &Ctx,
    case_id: &str,
) -> AppResult<crate::resources::CaseOut> {
    let c = case_in_reach(conn, ctx, case_id)?;
    if c.kind != CaseKind::Criminal {
        return Err(AppError::Conflict(
            "statement appointments are for criminal cases: this is a family case".into(),
        ));
    }
    Ok(c)
}

/// The appointment, if its case is in reach (404 otherwise).
fn find(conn: &mut AnyConn, ctx: &Ctx, id: &str) -> AppResult<StatementAppointmentOut> {
    let row: Option<Row> = statement_appointments::table
        .find(id)
        .select(columns!())
        .first(conn)
        .optional()?;
    let row = row.ok_or_else(|| AppError::NotFound("statement appointment".into()))?;
    store::scope::require_victim(
        conn,
        &ctx.actor,
        ctx.today(),
        &row.victim_id,
        "statement appointment",
    )?;
    out_of(conn, ctx, row)
}

/// The case's appointments, latest first (none on a family case).
pub fn list(
    conn: &mut AnyConn,
    ctx: &Ctx,
    case_id: &str,
) -> AppResult<Vec<StatementAppointmentOut>> {
    ctx.may(READ)?;
    case_in_reach(conn, ctx, case_id)?;
    loaded(conn, ctx, Of::Case(case_id))
}

/// Whose appointments to load.
enum Of<'a> {
    Case(&'a str),
    Victim(&'a str),
}

/// A case's or a victim's appointments, latest first.
fn loaded(conn: &mut AnyConn, ctx: &Ctx, of: Of<'_>) -> AppResult<Vec<StatementAppointmentOut>> {
    let q = statement_appointments::table
        .select(columns!())
        .order((
            statement_appointments::starts_at.desc(),
            statement_appointments::id.desc(),
        ))
        .into_boxed();
    let q = match of {
        Of::Case(id) => q.filter(statement_appointments::case_id.eq(id)),
        Of::Victim(id) => q.filter(statement_appointments::victim_id.eq(id)),
    };
    let rows: Vec<Row> = q.load(conn)?;
    rows.into_iter().map(|r| out_of(conn, ctx, r)).collect()
}

/// One appointment.
pub fn read(conn: &mut AnyConn, ctx: &Ctx, id: &str) -> AppResult<StatementAppointmentOut> {
    ctx.may(READ)?;
    find(conn, ctx, id)
}

/// The victim's supporters now (active, assigned today), by name.
fn her_supporters(conn: &mut AnyConn, ctx: &Ctx, victim_id: &str) -> AppResult<Vec<Person>> {
    let rows: Vec<(String, String)> = supporter_assignments::table
        .inner_join(users::table.on(users::id.eq(supporter_assignments::supporter_id)))
        .filter(supporter_assignments::victim_id.eq(victim_id))
        .filter(store::scope::in_force(ctx.today()))
        .filter(users::active.eq(true))
        .filter(users::role.eq(Role::Supporter.as_str()))
        .select((users::id, users::display_name))
        .distinct()
        .order(users::display_name.asc())
        .load(conn)?;
    Ok(rows
        .into_iter()
        .map(|(id, name)| Person { id, name })
        .collect())
}

/// The active witness care officers of a unit, by name.
fn unit_officers(conn: &mut AnyConn, unit: &str) -> AppResult<Vec<Person>> {
    let rows: Vec<(String, String)> = users::table
        .filter(users::organisation_id.eq(unit))
        .filter(users::role.eq(Role::WitnessCareOfficer.as_str()))
        .filter(users::active.eq(true))
        .order(users::display_name.asc())
        .select((users::id, users::display_name))
        .load(conn)?;
    Ok(rows
        .into_iter()
        .map(|(id, name)| Person { id, name })
        .collect())
}

/// The people the input names, checked against the directory: both
/// supporters active and assigned to the victim today, the officer an
/// active witness care officer of the case's unit. And the place not her
/// address.
fn check_against_records(
    conn: &mut AnyConn,
    ctx: &Ctx,
    case: &crate::resources::CaseOut,
    input: &StatementAppointmentInput,
) -> AppResult<()> {
    let mut errors: Vec<FieldError> = Vec::new();
    let hers: Vec<String> = her_supporters(conn, ctx, &case.victim_id)?
        .into_iter()
        .map(|p| p.id)
        .collect();
    for field in ["supporter_id", "alternative_supporter_id"] {
        let id = if field == "supporter_id" {
            &input.supporter_id
        } else {
            &input.alternative_supporter_id
        };
        if !hers.contains(id) {
            errors.push(FieldError::new(
                field,
                "is not one of the victim's supporters now: assign them to her first",
            ));
        }
    }
    match &case.witness_care_unit_id {
        None => errors.push(FieldError::new(
            "officer_id",
            "the case has no witness care unit: add it to the case first",
        )),
        Some(unit) => {
            if !unit_officers(conn, unit)?
                .iter()
                .any(|p| p.id == input.officer_id)
            {
                errors.push(FieldError::new(
                    "officer_id",
                    "is not a witness care officer of the case's unit",
                ));
            }
        }
    }
    let address: Option<Option<String>> = victim_sensitive_details::table
        .find(&case.victim_id)
        .select(victim_sensitive_details::address)
        .first(conn)
        .optional()?;
    if let Some(sealed) = address.flatten() {
        let ring = crate::privacy::keyring()?;
        let address = crate::privacy::open(&ring, &sealed)?;
        if matches_address(&input.place, &address) {
            errors.push(FieldError::new(
                "place",
                "matches the victim's own address: give the police station or venue instead",
            ));
        }
    }
    if errors.is_empty() {
        Ok(())
    } else {
        Err(AppError::Validation(errors))
    }
}

/// The case's next hearing still to come, if any: its attendance request
/// says whether the booked supporter is also to be at court with her.
fn next_hearing(conn: &mut AnyConn, ctx: &Ctx, case_id: &str) -> AppResult<Option<String>> {
    Ok(hearings::table
        .filter(hearings::case_id.eq(case_id))
        .filter(store::upcoming::upcoming_at(ctx.now))
        .order((hearings::starts_at.asc(), hearings::id.asc()))
        .select(hearings::id)
        .first(conn)
        .optional()?)
}

/// Plans the reminders for the appointment as it now stands, withdrawing
/// those of `previous_version`.
fn plan(
    conn: &mut AnyConn,
    ctx: &Ctx,
    a: &StatementAppointmentOut,
    previous_version: Option<i32>,
) -> AppResult<()> {
    let focus = crate::planning::Focus {
        case_id: Some(a.case_id.clone()),
        hearing_id: next_hearing(conn, ctx, &a.case_id)?,
        ..crate::planning::Focus::default()
    };
    crate::planning::react(
        conn,
        &ctx.rules,
        ctx.now,
        &a.victim_id,
        &focus,
        EventKind::StatementAppointmentSet {
            appointment_id: a.id.clone(),
            appointment: a.kind,
            starts_at: a.starts_at,
            version: a.version,
            previous_version,
            supporter_id: a.supporter.id.clone(),
            alternative_supporter_id: a.alternative_supporter.id.clone(),
            officer_id: a.officer.id.clone(),
        },
    )?;
    Ok(())
}

/// Books an appointment on a criminal case in reach, and plans its
/// reminders.
pub fn record(
    conn: &mut AnyConn,
    ctx: &Ctx,
    case_id: &str,
    input: &StatementAppointmentInput,
) -> AppResult<StatementAppointmentOut> {
    ctx.may(CREATE)?;
    let starts_at = check(input).map_err(AppError::Validation)?;
    store::write(conn, |conn| {
        let case = criminal_case(conn, ctx, case_id)?;
        check_against_records(conn, ctx, &case, input)?;
        let id = store::new_id();
        let at = store::to_db(ctx.now);
        diesel::insert_into(statement_appointments::table)
            .values((
                statement_appointments::id.eq(&id),
                statement_appointments::case_id.eq(case_id),
                statement_appointments::victim_id.eq(&case.victim_id),
                statement_appointments::kind.eq(input.kind.as_str()),
                statement_appointments::starts_at.eq(store::to_db(starts_at)),
                statement_appointments::place.eq(input.place.trim()),
                statement_appointments::officer_id.eq(&input.officer_id),
                statement_appointments::supporter_id.eq(&input.supporter_id),
                statement_appointments::alternative_supporter_id
                    .eq(&input.alternative_supporter_id),
                statement_appointments::state.eq(StatementAppointmentState::Booked.as_str()),
                statement_appointments::recorded_by.eq(&ctx.actor.user_id),
                statement_appointments::version.eq(1),
                statement_appointments::created_at.eq(at),
                statement_appointments::updated_at.eq(at),
            ))
            .execute(conn)?;
        let a = find(conn, ctx, &id)?;
        plan(conn, ctx, &a, None)?;
        written(conn, ctx, a, AuditAction::Create, "booked")
    })
}

/// Changes a booked appointment still at `expected` (412 otherwise);
/// the reminders are re-planned for the new version.
pub fn update(
    conn: &mut AnyConn,
    ctx: &Ctx,
    id: &str,
    expected: i32,
    input: &StatementAppointmentInput,
) -> AppResult<StatementAppointmentOut> {
    ctx.may(UPDATE)?;
    let starts_at = check(input).map_err(AppError::Validation)?;
    store::write(conn, |conn| {
        let current = find(conn, ctx, id)?;
        crate::resources::check_version(current.version, expected)?;
        if current.state == StatementAppointmentState::Cancelled {
            return Err(AppError::Conflict(
                "the appointment was withdrawn: book a new one instead".into(),
            ));
        }
        let case = criminal_case(conn, ctx, &current.case_id)?;
        check_against_records(conn, ctx, &case, input)?;
        let changed = diesel::update(
            statement_appointments::table
                .filter(statement_appointments::id.eq(id))
                .filter(statement_appointments::version.eq(expected)),
        )
        .set((
            statement_appointments::kind.eq(input.kind.as_str()),
            statement_appointments::starts_at.eq(store::to_db(starts_at)),
            statement_appointments::place.eq(input.place.trim()),
            statement_appointments::officer_id.eq(&input.officer_id),
            statement_appointments::supporter_id.eq(&input.supporter_id),
            statement_appointments::alternative_supporter_id.eq(&input.alternative_supporter_id),
            statement_appointments::version.eq(expected + 1),
            statement_appointments::updated_at.eq(store::to_db(ctx.now)),
        ))
        .execute(conn)?;
        if changed != 1 {
            return Err(AppError::StaleVersion {
                current: current.version,
            });
        }
        let a = find(conn, ctx, id)?;
        plan(conn, ctx, &a, Some(current.version))?;
        written(conn, ctx, a, AuditAction::Update, "changed")
    })
}

/// Withdraws a booked appointment still at `expected`: its reminders are
/// cancelled.
pub fn cancel(
    conn: &mut AnyConn,
    ctx: &Ctx,
    id: &str,
    expected: i32,
    _input: CancelInput,
) -> AppResult<StatementAppointmentOut> {
    ctx.may(UPDATE)?;
    store::write(conn, |conn| {
        let current = find(conn, ctx, id)?;
        crate::resources::check_version(current.version, expected)?;
        if current.state == StatementAppointmentState::Cancelled {
            return Err(AppError::Conflict(
                "the appointment was already withdrawn".into(),
            ));
        }
        let changed = diesel::update(
            statement_appointments::table
                .filter(statement_appointments::id.eq(id))
                .filter(statement_appointments::version.eq(expected)),
        )
        .set((
            statement_appointments::state.eq(StatementAppointmentState::Cancelled.as_str()),
            statement_appointments::version.eq(expected + 1),
            statement_appointments::updated_at.eq(store::to_db(ctx.now)),
        ))
        .execute(conn)?;
        if changed != 1 {
            return Err(AppError::StaleVersion {
                current: current.version,
            });
        }
        crate::planning::withdraw(
            conn,
            ctx.now,
            &current.victim_id,
            &crate::flows::Subject::statement_appointment(id, current.version).prefix(),
        )?;
        let a = find(conn, ctx, id)?;
        written(conn, ctx, a, AuditAction::Update, "withdrawn")
    })
}

fn written(
    conn: &mut AnyConn,
    ctx: &Ctx,
    a: StatementAppointmentOut,
    action: AuditAction,
    done: &str,
) -> AppResult<StatementAppointmentOut> {
    crate::audit::append(
        conn,
        ctx.now,
        crate::audit::Entry {
            victim_id: Some(a.victim_id.clone()),
            category: Some(a.kind.as_str().to_string()),
            ..ctx.entry(action, "statement_appointments", &a.id)
        },
    )?;
    tracing::info!(appointment_id = %a.id, kind = %a.kind, "statement appointment {done}");
    Ok(a)
}

/// The victim's appointments, oldest first, for her subject-access
/// export: empty for a role that may not read them.
pub fn for_export(
    conn: &mut AnyConn,
    ctx: &Ctx,
    victim_id: &str,
) -> AppResult<Vec<StatementAppointmentOut>> {
    if ctx.may(READ).is_err() {
        return Ok(Vec::new());
    }
    store::scope::require_victim(conn, &ctx.actor, ctx.today(), victim_id, "victim")?;
    let mut all = loaded(conn, ctx, Of::Victim(victim_id))?;
    all.reverse();
    Ok(all)
}

/// Who can be named on a case's appointment, by name: the victim's
/// supporters now, and the witness care officers of the case's unit.
pub fn people(
    conn: &mut AnyConn,
    ctx: &Ctx,
    case_id: &str,
) -> AppResult<(Vec<Person>, Vec<Person>)> {
    ctx.may(READ)?;
    let case = criminal_case(conn, ctx, case_id)?;
    let officers = match &case.witness_care_unit_id {
        Some(unit) => unit_officers(conn, unit)?,
        None => Vec::new(),
    };
    Ok((her_supporters(conn, ctx, &case.victim_id)?, officers))
}

/// The booked appointments starting in `[start, end)` that `user_id` is
/// on (as the supporter, the alternative or the officer), earliest first,
/// of victims in the actor's reach.
pub fn booked_for(
    conn: &mut AnyConn,
    ctx: &Ctx,
    user_id: &str,
    (start, end): (DateTime<Utc>, DateTime<Utc>),
) -> AppResult<Vec<WeekAppointment>> {
    if ctx.may(READ).is_err() {
        return Ok(Vec::new());
    }
    let visible = ctx.visible_victims(conn)?;
    let rows: Vec<(Row, String)> = statement_appointments::table
        .inner_join(victims::table.on(victims::id.eq(statement_appointments::victim_id)))
        .inner_join(cases::table)
        .filter(statement_appointments::victim_id.eq_any(&visible))
        .filter(statement_appointments::state.eq(StatementAppointmentState::Booked.as_str()))
        .filter(
            statement_appointments::supporter_id
                .eq(user_id)
                .or(statement_appointments::alternative_supporter_id.eq(user_id))
                .or(statement_appointments::officer_id.eq(user_id)),
        )
        .filter(statement_appointments::starts_at.ge(store::to_db(start)))
        .filter(statement_appointments::starts_at.lt(store::to_db(end)))
        .order((
            statement_appointments::starts_at.asc(),
            statement_appointments::id.asc(),
        ))
        .select((columns!(), victims::reference))
        .load(conn)?;
    rows.into_iter()
        .map(|(row, victim_reference)| {
            let appointment = out_of(conn, ctx, row)?;
            let part = if appointment.supporter.id == user_id {
                "supporter"
            } else if appointment.alternative_supporter.id == user_id {
                "alternative_supporter"
            } else {
                "officer"
            };
            Ok(WeekAppointment {
                appointment,
                victim_reference,
                part: part.into(),
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    const U1: &str = "6f1c2a9e-3b4d-4e5f-8a7b-9c0d1e2f3a4b";
    const U2: &str = "7a1c2a9e-3b4d-4e5f-8a7b-9c0d1e2f3a4b";
    const W1: &str = "8b1c2a9e-3b4d-4e5f-8a7b-9c0d1e2f3a4b";

    fn input(at: &str, place: &str, alt: &str) -> StatementAppointmentInput {
        StatementAppointmentInput {
            kind: StatementAppointmentKind::AbeInterview,
            starts_at: at.into(),
            place: place.into(),
            officer_id: W1.into(),
            supporter_id: U1.into(),
            alternative_supporter_id: alt.into(),
        }
    }

    #[test]
    fn an_appointment_needs_a_time_a_place_and_a_different_alternative() {
        assert!(check(&input(
            "2026-10-26T10:00:00+00:00",
            "Elland Road Police Station",
            U2
        ))
        .is_ok());
        let named = |r: Result<DateTime<Utc>, Vec<FieldError>>| -> Vec<String> {
            r.err()
                .unwrap_or_default()
                .into_iter()
                .map(|e| e.field)
                .collect()
        };
        assert_eq!(
            named(check(&input("Monday", " ", U1))),
            ["starts_at", "place", "alternative_supporter_id"]
        );
    }

    #[test]
    fn a_place_matching_her_address_is_refused() {
        let address = "12 Acacia Avenue, Headingley, Leeds LS6 3AB";
        // (place, refused)
        let cases = [
            ("Elland Road Police Station", false),
            ("Leeds District Headquarters, Laburnum Street", false),
            ("12 Acacia Avenue, Headingley, Leeds LS6 3AB", true),
            ("12 acacia avenue", true),
            ("Her home, 12 Acacia Avenue", true),
            ("ABE suite near LS6 3AB", true),
            ("LS6 3AB", true),
            // A different house on the same street is not her address.
            ("2 Acacia Avenue", false),
            ("Leeds", false),
        ];
        for (place, refused) in cases {
            assert_eq!(matches_address(place, address), refused, "{place}");
        }
        assert!(!matches_address("Elland Road Police Station", ""));
    }
}

//! Which supporter supports which victim, in what role, from when to when,
//! and whether the victim chose them as single point of contact (SPOC).
//! An assignment current today is what puts a victim within a supporter's
//! reach (see `store::scope`).

use chrono::{DateTime, NaiveDate, Utc};
use diesel::prelude::*;
use serde::{Deserialize, Serialize};

use crate::app::{Ctx, Page, Paged, Resource, Validate};
use crate::domain::{Role, SupporterRole};
use crate::error::{AppError, AppResult};
use crate::policy::ResourceKind;
use crate::store::schema::{supporter_assignments as sa, users};
use crate::store::{self, scope, AnyConn};
use crate::validate::Validator;

use super::{check_version, require_victim_field, VictimFilter};

pub struct SupporterAssignments;

#[derive(Debug, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct SupporterAssignmentInput {
    pub victim_id: String,
    /// An active user with the supporter role.
    pub supporter_id: String,
    pub role: SupporterRole,
    /// First day of support, `YYYY-MM-DD`.
    pub starts_on: String,
    /// Last day of support, `YYYY-MM-DD`; left out while support goes on.
    pub ends_on: Option<String>,
    /// The victim chose this supporter as single point of contact.
    #[serde(default)]
    pub is_spoc: bool,
    /// Required with `is_spoc`: the date the client contact agreement was
    /// signed, `YYYY-MM-DD`.
    pub spoc_agreed_on: Option<String>,
}

/// The checked, typed dates of the input.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Checked {
    starts_on: NaiveDate,
    ends_on: Option<NaiveDate>,
    spoc_agreed_on: Option<NaiveDate>,
}

fn check(input: &SupporterAssignmentInput, v: &mut Validator, today: NaiveDate) -> Option<Checked> {
    v.id("victim_id", &input.victim_id);
    v.id("supporter_id", &input.supporter_id);
    let starts_on = v.date("starts_on", &input.starts_on);
    let ends_on = v.opt_date("ends_on", input.ends_on.as_deref());
    let spoc_agreed_on = v.opt_date("spoc_agreed_on", input.spoc_agreed_on.as_deref());
    if let (Some(start), Some(end)) = (starts_on, ends_on) {
        v.check(end >= start, "ends_on", "is before starts_on");
    }
    match (input.is_spoc, &input.spoc_agreed_on) {
        (true, None) => v.error(
            "spoc_agreed_on",
            "is required when is_spoc is true: the date the client contact agreement was signed",
        ),
        (false, Some(_)) => v.error(
            "spoc_agreed_on",
            "is recorded only when is_spoc is true; leave it out otherwise",
        ),
        _ => {}
    }
    if let Some(agreed) = spoc_agreed_on {
        v.check(
            agreed <= today,
            "spoc_agreed_on",
            "is in the future; record the date the agreement was signed",
        );
    }
    let starts_on = starts_on?;
    if input.ends_on.is_some() && ends_on.is_none() {
        return None;
    }
    if input.spoc_agreed_on.is_some() && spoc_agreed_on.is_none() {
        return None;
    }
    Some(Checked {
        starts_on,
        ends_on,
        spoc_agreed_on,
    })
}

impl Validate for SupporterAssignmentInput {
    fn validate(&self, v: &mut Validator, now: DateTime<Utc>) {
        check(self, v, crate::calendar::london_date(now));
    }
}

/// Whether two periods of days share a day; an open end runs for ever.
pub fn periods_overlap(
    a: (NaiveDate, Option<NaiveDate>),
    b: (NaiveDate, Option<NaiveDate>),
) -> bool {
    let a_end = a.1.unwrap_or(NaiveDate::MAX);
    let b_end = b.1.unwrap_or(NaiveDate::MAX);
    a.0 <= b_end && b.0 <= a_end
}

/// Whether an assignment is in force on `today`.
pub fn is_current(starts_on: NaiveDate, ends_on: Option<NaiveDate>, today: NaiveDate) -> bool {
    starts_on <= today && ends_on.is_none_or(|end| end >= today)
}

#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct SupporterAssignmentOut {
    pub id: String,
    pub victim_id: String,
    pub supporter_id: String,
    pub role: SupporterRole,
    pub starts_on: NaiveDate,
    pub ends_on: Option<NaiveDate>,
    pub is_spoc: bool,
    pub spoc_agreed_on: Option<NaiveDate>,
    /// In force today (court-local date).
    pub current: bool,
    pub version: i32,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

versioned!(SupporterAssignmentOut);

#[derive(Queryable, Selectable)]
#[diesel(table_name = sa)]
struct Row {
    id: String,
    victim_id: String,
    supporter_id: String,
    role: String,
    starts_on: NaiveDate,
    ends_on: Option<NaiveDate>,
    is_spoc: bool,
    spoc_agreed_on: Option<NaiveDate>,
    version: i32,
    created_at: chrono::NaiveDateTime,
    updated_at: chrono::NaiveDateTime,
}

impl Row {
    fn out(self, today: NaiveDate) -> AppResult<SupporterAssignmentOut> {
        Ok(SupporterAssignmentOut {
            role: SupporterRole::from_db(&self.role)?,
            current: is_current(self.starts_on, self.ends_on, today),
            id: self.id,
            victim_id: self.victim_id,
            supporter_id: self.supporter_id,
            starts_on: self.starts_on,
            ends_on: self.ends_on,
            is_spoc: self.is_spoc,
            spoc_agreed_on: self.spoc_agreed_on,
            version: self.version,
            created_at: store::from_db(self.created_at),
            updated_at: store::from_db(self.updated_at),
        })
    }
}

fn fetch(conn: &mut AnyConn, id: &str) -> AppResult<Option<Row>> {
    Ok(sa::table
        .find(id)
        .select(Row::as_select())
        .first(conn)
        .optional()?)
}

/// The assignment, if its victim is within the actor's reach.
fn load(conn: &mut AnyConn, ctx: &Ctx, id: &str) -> AppResult<Row> {
    let row = fetch(conn, id)?.ok_or_else(|| AppError::NotFound("supporter assignment".into()))?;
    scope::require_victim(
        conn,
        &ctx.actor,
        ctx.today(),
        &row.victim_id,
        "supporter assignment",
    )?;
    Ok(row)
}

/// The written record, read back without the scope check: a supporter who
/// has just ended their own assignment no longer reaches the victim, but
/// the write itself was checked and must not roll back.
fn written(conn: &mut AnyConn, ctx: &Ctx, id: &str) -> AppResult<SupporterAssignmentOut> {
    fetch(conn, id)?
        .ok_or_else(|| AppError::NotFound("supporter assignment".into()))?
        .out(ctx.today())
}

fn checked(input: &SupporterAssignmentInput, ctx: &Ctx) -> AppResult<Checked> {
    let mut v = Validator::new();
    let checked = check(input, &mut v, ctx.today());
    v.finish()?;
    checked.ok_or_else(|| AppError::field("starts_on", "is required"))
}

/// The supporter named: (role, active, organisation).
fn supporter(conn: &mut AnyConn, id: &str) -> AppResult<Option<(String, bool, String)>> {
    Ok(users::table
        .find(id)
        .select((users::role, users::active, users::organisation_id))
        .first(conn)
        .optional()?)
}

/// No two assignments of one supporter to one victim overlap, and a victim
/// has at most one SPOC on any day.
fn check_overlaps(
    conn: &mut AnyConn,
    input: &SupporterAssignmentInput,
    checked: Checked,
    except: Option<&str>,
) -> AppResult<()> {
    let mut q = sa::table
        .filter(sa::victim_id.eq(input.victim_id.clone()))
        .into_boxed();
    if let Some(id) = except {
        q = q.filter(sa::id.ne(id.to_string()));
    }
    let others: Vec<(String, NaiveDate, Option<NaiveDate>, bool)> = q
        .select((sa::supporter_id, sa::starts_on, sa::ends_on, sa::is_spoc))
        .load(conn)?;
    let this = (checked.starts_on, checked.ends_on);
    for (supporter_id, starts_on, ends_on, is_spoc) in others {
        if !periods_overlap(this, (starts_on, ends_on)) {
            continue;
        }
        if supporter_id == input.supporter_id {
            return Err(AppError::field(
                "starts_on",
                "overlaps another assignment of this supporter to this victim; change that one instead",
            ));
        }
        if input.is_spoc && is_spoc {
            return Err(AppError::field(
                "is_spoc",
                "the victim already has another single point of contact for part of this period",
            ));
        }
    }
    Ok(())
}

fn insert(
    conn: &mut AnyConn,
    ctx: &Ctx,
    input: &SupporterAssignmentInput,
    c: Checked,
) -> AppResult<String> {
    let id = store::new_id();
    let now = store::to_db(ctx.now);
    diesel::insert_into(sa::table)
        .values((
            sa::id.eq(&id),
            sa::victim_id.eq(&input.victim_id),
            sa::supporter_id.eq(&input.supporter_id),
            sa::role.eq(input.role.as_str()),
            sa::starts_on.eq(c.starts_on),
            sa::ends_on.eq(c.ends_on),
            sa::is_spoc.eq(input.is_spoc),
            sa::spoc_agreed_on.eq(c.spoc_agreed_on),
            sa::created_at.eq(now),
            sa::updated_at.eq(now),
        ))
        .execute(conn)?;
    Ok(id)
}

impl Resource for SupporterAssignments {
    const PATH: &'static str = "supporter-assignments";
    const SINGULAR: &'static str = "supporter assignment";
    const KIND: ResourceKind = ResourceKind::SupporterAssignment;
    type Input = SupporterAssignmentInput;
    type Output = SupporterAssignmentOut;
    type Filter = VictimFilter;

    /// A supporter records only their own assignment, to a victim they
    /// already reach; a manager assigns supporters of their own
    /// organisation to victims their organisation reaches.
    fn create(
        conn: &mut AnyConn,
        ctx: &Ctx,
        input: SupporterAssignmentInput,
    ) -> AppResult<SupporterAssignmentOut> {
        let checked = checked(&input, ctx)?;
        store::write(conn, |conn| {
            require_victim_field(conn, ctx, &input.victim_id, "victim_id")?;
            let not_a_supporter = || AppError::field("supporter_id", "is not an active supporter");
            let (role, active, organisation) =
                supporter(conn, &input.supporter_id)?.ok_or_else(not_a_supporter)?;
            if role != Role::Supporter.as_str() || !active {
                return Err(not_a_supporter());
            }
            match ctx.actor.role {
                Role::Supporter if input.supporter_id != ctx.actor.user_id => {
                    return Err(AppError::field(
                        "supporter_id",
                        "you may only record your own assignments",
                    ));
                }
                Role::Manager if organisation != ctx.actor.organisation_id => {
                    return Err(AppError::field(
                        "supporter_id",
                        "is not a supporter in your organisation",
                    ));
                }
                Role::Supporter | Role::Manager => {}
                _ => return Err(AppError::Forbidden("assign supporters".into())),
            }
            check_overlaps(conn, &input, checked, None)?;
            let today = crate::calendar::london_date(ctx.now);
            let before = crate::planning::context::contact_of(conn, &input.victim_id, today)?;
            let id = insert(conn, ctx, &input, checked)?;
            crate::planning::contact_changed(conn, &ctx.rules, ctx.now, &input.victim_id, before)?;
            written(conn, ctx, &id)
        })
    }

    fn read(conn: &mut AnyConn, ctx: &Ctx, id: &str) -> AppResult<SupporterAssignmentOut> {
        load(conn, ctx, id)?.out(ctx.today())
    }

    fn list(
        conn: &mut AnyConn,
        ctx: &Ctx,
        f: &VictimFilter,
        page: Page,
    ) -> AppResult<Paged<SupporterAssignmentOut>> {
        let visible = ctx.visible_victims(conn)?;
        let query = || {
            let mut q = sa::table
                .filter(sa::victim_id.eq_any(visible.clone()))
                .into_boxed();
            filter_by!(q, sa, f, victim_id);
            q
        };
        let rows = paged!(conn, page, query, (sa::starts_on.desc(), sa::id.asc()), Row)?;
        let today = ctx.today();
        rows.try_map(|r| r.out(today))
    }

    /// Changes the role, the period and SPOC; the victim and the supporter
    /// stay (end the assignment and record a new one instead).
    fn update(
        conn: &mut AnyConn,
        ctx: &Ctx,
        id: &str,
        expected: i32,
        input: SupporterAssignmentInput,
    ) -> AppResult<SupporterAssignmentOut> {
        let checked = checked(&input, ctx)?;
        store::write(conn, |conn| {
            let current = load(conn, ctx, id)?;
            check_version(current.version, expected)?;
            let mut v = Validator::new();
            v.check(
                current.victim_id == input.victim_id,
                "victim_id",
                "cannot be changed; end this assignment and record a new one",
            );
            v.check(
                current.supporter_id == input.supporter_id,
                "supporter_id",
                "cannot be changed; end this assignment and record a new one",
            );
            v.finish()?;
            match ctx.actor.role {
                Role::Supporter if current.supporter_id != ctx.actor.user_id => {
                    return Err(AppError::Forbidden(
                        "change another supporter's assignment".into(),
                    ));
                }
                Role::Manager => {
                    let organisation =
                        supporter(conn, &current.supporter_id)?.map(|(_, _, org)| org);
                    if organisation.as_deref() != Some(ctx.actor.organisation_id.as_str()) {
                        return Err(AppError::Forbidden(
                            "change the assignment of a supporter outside your organisation".into(),
                        ));
                    }
                }
                Role::Supporter => {}
                _ => return Err(AppError::Forbidden("change supporter assignments".into())),
            }
            check_overlaps(conn, &input, checked, Some(id))?;
            let today = crate::calendar::london_date(ctx.now);
            let before = crate::planning::context::contact_of(conn, &input.victim_id, today)?;
            update_versioned!(
                conn,
                sa,
                id,
                expected,
                store::to_db(ctx.now),
                (
                    sa::role.eq(input.role.as_str()),
                    sa::starts_on.eq(checked.starts_on),
                    sa::ends_on.eq(checked.ends_on),
                    sa::is_spoc.eq(input.is_spoc),
                    sa::spoc_agreed_on.eq(checked.spoc_agreed_on),
                )
            );
            crate::planning::contact_changed(conn, &ctx.rules, ctx.now, &input.victim_id, before)?;
            written(conn, ctx, id)
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(text: &str) -> NaiveDate {
        NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
    }

    fn input() -> SupporterAssignmentInput {
        SupporterAssignmentInput {
            victim_id: "0b9d6f5e-7a43-4a4e-8f57-2f4a8e2f0c11".into(),
            supporter_id: "4c1d2e3f-1111-4a4e-8f57-2f4a8e2f0c12".into(),
            role: SupporterRole::Idva,
            starts_on: "2026-03-02".into(),
            ends_on: None,
            is_spoc: false,
            spoc_agreed_on: None,
        }
    }

    fn errors(input: &SupporterAssignmentInput) -> Vec<(String, String)> {
        let mut v = Validator::new();
        check(input, &mut v, d("2026-03-10"));
        match v.finish() {
            Ok(()) => vec![],
            Err(AppError::Validation(errs)) => {
                errs.into_iter().map(|e| (e.field, e.message)).collect()
            }
            Err(other) => panic!("unexpected {other:?}"),
        }
    }

    #[test]
    fn input_checks() {
        type Edit = fn(&mut SupporterAssignmentInput);
        let cases: &[(&str, Edit, &[&str])] = &[
            ("open-ended", |_| {}, &[]),
            (
                "ends same day",
                |i| i.ends_on = Some("2026-03-02".into()),
                &[],
            ),
            (
                "ends before it starts",
                |i| i.ends_on = Some("2026-03-01".into()),
                &["ends_on"],
            ),
            (
                "not a date",
                |i| i.starts_on = "2 March".into(),
                &["starts_on"],
            ),
            (
                "no such day",
                |i| i.ends_on = Some("2026-02-30".into()),
                &["ends_on"],
            ),
            (
                "spoc without agreement",
                |i| i.is_spoc = true,
                &["spoc_agreed_on"],
            ),
            (
                "spoc with agreement",
                |i| {
                    i.is_spoc = true;
                    i.spoc_agreed_on = Some("2026-03-09".into());
                },
                &[],
            ),
            (
                "agreement signed tomorrow",
                |i| {
                    i.is_spoc = true;
                    i.spoc_agreed_on = Some("2026-03-11".into());
                },
                &["spoc_agreed_on"],
            ),
            (
                "agreement without spoc",
                |i| i.spoc_agreed_on = Some("2026-03-09".into()),
                &["spoc_agreed_on"],
            ),
            ("bad ids", |i| i.victim_id = "v1".into(), &["victim_id"]),
        ];
        for (name, edit, expected) in cases {
            let mut i = input();
            edit(&mut i);
            let fields: Vec<String> = errors(&i).into_iter().map(|(f, _)| f).collect();
            assert_eq!(fields, *expected, "{name}");
        }
    }

    #[test]
    fn ends_before_start_says_so() {
        let mut i = input();
        i.ends_on = Some("2026-03-01".into());
        assert_eq!(
            errors(&i),
            [("ends_on".to_string(), "is before starts_on".to_string())]
        );
    }

    #[test]
    fn overlapping_periods() {
        let p = |a: &str, b: Option<&str>| (d(a), b.map(d));
        let table = [
            (
                p("2026-01-01", Some("2026-01-31")),
                p("2026-02-01", None),
                false,
            ),
            (
                p("2026-01-01", Some("2026-02-01")),
                p("2026-02-01", None),
                true,
            ),
            (
                p("2026-01-01", None),
                p("2030-01-01", Some("2030-01-02")),
                true,
            ),
            (
                p("2026-03-01", Some("2026-03-05")),
                p("2026-01-01", Some("2026-02-28")),
                false,
            ),
            (p("2026-01-01", None), p("2025-01-01", None), true),
        ];
        for (a, b, expected) in table {
            assert_eq!(periods_overlap(a, b), expected, "{a:?} {b:?}");
            assert_eq!(periods_overlap(b, a), expected, "{b:?} {a:?}");
        }
    }

    #[test]
    fn current_on_a_day() {
        let today = d("2026-03-10");
        assert!(is_current(d("2026-03-10"), None, today));
        assert!(is_current(d("2026-01-01"), Some(d("2026-03-10")), today));
        assert!(!is_current(d("2026-01-01"), Some(d("2026-03-09")), today));
        assert!(!is_current(d("2026-03-11"), None, today));
    }
}

//! Special-measures discussions with the victim: when, in what setting
//! (statement-taking, the needs assessment), which measures, and whether
//! the supporter was there. If the supporter was not, they are to be told
//! that the discussion took place.

use chrono::{DateTime, Duration, Utc};
use diesel::prelude::*;
use serde::{Deserialize, Serialize};

use crate::app::{Ctx, Page, Paged, Resource, Validate};
use crate::domain::{DiscussionSetting, Role, SpecialMeasure};
use crate::error::{AppError, AppResult};
use crate::flows::EventKind;
use crate::planning;
use crate::policy::ResourceKind;
use crate::store::schema::{
    special_measures_discussions as smd, supporter_assignments as sa, users,
};
use crate::store::{self, AnyConn};
use crate::validate::Validator;

use super::{case_victim, check_version, local, same_owner, visible_case_ids, CaseFilter};

pub struct SpecialMeasuresDiscussions;

/// How far our clock and a client's may disagree.
const CLOCK_GRACE: Duration = Duration::minutes(1);

#[derive(Debug, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct SpecialMeasuresDiscussionInput {
    pub case_id: String,
    /// When it took place, RFC 3339 with offset; not in the future.
    pub held_at: String,
    pub setting: DiscussionSetting,
    /// The measures discussed: at least one, none twice.
    pub measures: Vec<SpecialMeasure>,
    /// The victim's supporter, currently assigned to them.
    pub supporter_id: Option<String>,
    /// The supporter was present (requires `supporter_id`).
    #[serde(default)]
    pub supporter_present: bool,
}

#[derive(Debug, Clone, Copy)]
struct Checked {
    held_at: DateTime<Utc>,
}

/// At least one measure and none repeated; a repeat is named by its
/// position, e.g. `measures[2]`.
fn check_measures(measures: &[SpecialMeasure], v: &mut Validator) {
    if measures.is_empty() {
        v.error("measures", "name at least one measure discussed");
    }
    for (i, m) in measures.iter().enumerate() {
        if measures[..i].contains(m) {
            v.error(&format!("measures[{i}]"), format!("repeats {m}"));
        }
    }
}

fn check(
    input: &SpecialMeasuresDiscussionInput,
    v: &mut Validator,
    now: DateTime<Utc>,
) -> Option<Checked> {
    v.id("case_id", &input.case_id);
    v.opt_id("supporter_id", input.supporter_id.as_deref());
    check_measures(&input.measures, v);
    v.check(
        !input.supporter_present || input.supporter_id.is_some(),
        "supporter_id",
        "is required when supporter_present is true: name the supporter who was there",
    );
    let held_at = v.instant("held_at", &input.held_at)?;
    v.check(
        held_at <= now + CLOCK_GRACE,
        "held_at",
        "is in the future; record a discussion once it has taken place",
    );
    Some(Checked { held_at })
}

impl Validate for SpecialMeasuresDiscussionInput {
    fn validate(&self, v: &mut Validator, now: DateTime<Utc>) {
        check(self, v, now);
    }
}

fn join(measures: &[SpecialMeasure]) -> String {
    measures
        .iter()
        .map(|m| m.as_str())
        .collect::<Vec<_>>()
        .join(",")
}

fn split(text: &str) -> AppResult<Vec<SpecialMeasure>> {
    text.split(',')
        .filter(|t| !t.is_empty())
        .map(SpecialMeasure::from_db)
        .collect()
}

#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct SpecialMeasuresDiscussionOut {
    pub id: String,
    pub case_id: String,
    pub held_at: DateTime<Utc>,
    /// When it took place, in court-local (Europe/London) time.
    pub held_at_local: String,
    pub setting: DiscussionSetting,
    pub measures: Vec<SpecialMeasure>,
    pub supporter_id: Option<String>,
    pub supporter_present: bool,
    /// The user who recorded it.
    pub recorded_by: String,
    pub version: i32,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

versioned!(SpecialMeasuresDiscussionOut);

#[derive(Queryable, Selectable)]
#[diesel(table_name = smd)]
struct Row {
    id: String,
    case_id: String,
    held_at: chrono::NaiveDateTime,
    setting: String,
    measures: String,
    supporter_id: Option<String>,
    supporter_present: bool,
    recorded_by: String,
    version: i32,
    created_at: chrono::NaiveDateTime,
    updated_at: chrono::NaiveDateTime,
}

impl Row {
    fn out(self) -> AppResult<SpecialMeasuresDiscussionOut> {
        let held_at = store::from_db(self.held_at);
        Ok(SpecialMeasuresDiscussionOut {
            setting: DiscussionSetting::from_db(&self.setting)?,
            measures: split(&self.measures)?,
            id: self.id,
            case_id: self.case_id,
            held_at,
            held_at_local: local(held_at),
            supporter_id: self.supporter_id,
            supporter_present: self.supporter_present,
            recorded_by: self.recorded_by,
            version: self.version,
            created_at: store::from_db(self.created_at),
            updated_at: store::from_db(self.updated_at),
        })
    }
}

fn load(conn: &mut AnyConn, ctx: &Ctx, id: &str) -> AppResult<Row> {
    let not_found = || AppError::NotFound("special measures discussion".into());
    let row: Row = smd::table
        .find(id)
        .select(Row::as_select())
        .first(conn)
        .optional()?
        .ok_or_else(not_found)?;
    case_victim(conn, ctx, &row.case_id, None).map_err(|_| not_found())?;
    Ok(row)
}

/// The named supporter must be a supporter assigned to the victim today.
fn require_assigned_supporter(
    conn: &mut AnyConn,
    ctx: &Ctx,
    victim_id: &str,
    supporter_id: &str,
) -> AppResult<()> {
    let today = ctx.today();
    let assigned: i64 = sa::table
        .inner_join(users::table.on(users::id.eq(sa::supporter_id)))
        .filter(sa::victim_id.eq(victim_id))
        .filter(sa::supporter_id.eq(supporter_id))
        .filter(users::role.eq(Role::Supporter.as_str()))
        .filter(crate::store::scope::in_force(today))
        .count()
        .get_result(conn)?;
    if assigned > 0 {
        Ok(())
    } else {
        Err(AppError::field(
            "supporter_id",
            "is not a supporter currently assigned to this case's victim",
        ))
    }
}

/// Checks that need the database. `kept_supporter` is the supporter
/// already on record, which stays valid after their assignment ends.
fn check_references(
    conn: &mut AnyConn,
    ctx: &Ctx,
    input: &SpecialMeasuresDiscussionInput,
    kept_supporter: Option<&str>,
) -> AppResult<Checked> {
    let mut v = Validator::new();
    let checked = check(input, &mut v, ctx.now);
    v.finish()?;
    let checked = checked.ok_or_else(|| AppError::field("held_at", "is required"))?;
    let victim = case_victim(conn, ctx, &input.case_id, Some("case_id"))?;
    if let Some(supporter) = input.supporter_id.as_deref() {
        if Some(supporter) != kept_supporter {
            require_assigned_supporter(conn, ctx, &victim, supporter)?;
        }
    }
    Ok(checked)
}

impl Resource for SpecialMeasuresDiscussions {
    const PATH: &'static str = "special-measures-discussions";
    const SINGULAR: &'static str = "special measures discussion";
    const KIND: ResourceKind = ResourceKind::SpecialMeasuresDiscussion;
    type Input = SpecialMeasuresDiscussionInput;
    type Output = SpecialMeasuresDiscussionOut;
    type Filter = CaseFilter;

    fn create(
        conn: &mut AnyConn,
        ctx: &Ctx,
        input: SpecialMeasuresDiscussionInput,
    ) -> AppResult<SpecialMeasuresDiscussionOut> {
        store::write(conn, |conn| {
            let checked = check_references(conn, ctx, &input, None)?;
            let id = store::new_id();
            let now = store::to_db(ctx.now);
            diesel::insert_into(smd::table)
                .values((
                    smd::id.eq(&id),
                    smd::case_id.eq(&input.case_id),
                    smd::held_at.eq(store::to_db(checked.held_at)),
                    smd::setting.eq(input.setting.as_str()),
                    smd::measures.eq(join(&input.measures)),
                    smd::supporter_id.eq(&input.supporter_id),
                    smd::supporter_present.eq(input.supporter_present),
                    smd::recorded_by.eq(&ctx.actor.user_id),
                    smd::created_at.eq(now),
                    smd::updated_at.eq(now),
                ))
                .execute(conn)?;
            let victim = planning::context::victim_of_case(conn, &input.case_id)?;
            let focus = planning::Focus {
                case_id: Some(input.case_id.clone()),
                ..planning::Focus::default()
            };
            let event = EventKind::SpecialMeasuresDiscussionRecorded {
                setting: input.setting,
                measures: input.measures.clone(),
                supporter_present: input.supporter_present,
            };
            planning::react(conn, &ctx.rules, ctx.now, &victim, &focus, event)?;
            load(conn, ctx, &id)?.out()
        })
    }

    fn read(conn: &mut AnyConn, ctx: &Ctx, id: &str) -> AppResult<SpecialMeasuresDiscussionOut> {
        load(conn, ctx, id)?.out()
    }

    fn list(
        conn: &mut AnyConn,
        ctx: &Ctx,
        f: &CaseFilter,
        page: Page,
    ) -> AppResult<Paged<SpecialMeasuresDiscussionOut>> {
        let visible = visible_case_ids(conn, ctx)?;
        let query = || {
            let mut q = smd::table
                .filter(smd::case_id.eq_any(visible.clone()))
                .into_boxed();
            filter_by!(q, smd, f, case_id);
            q
        };
        let order = (smd::held_at.desc(), smd::id.asc());
        paged!(conn, page, query, order, Row)?.try_map(Row::out)
    }

    /// Corrects the record; who recorded it stays.
    fn update(
        conn: &mut AnyConn,
        ctx: &Ctx,
        id: &str,
        expected: i32,
        input: SpecialMeasuresDiscussionInput,
    ) -> AppResult<SpecialMeasuresDiscussionOut> {
        store::write(conn, |conn| {
            let current = load(conn, ctx, id)?;
            check_version(current.version, expected)?;
            same_owner(
                "case_id",
                &current.case_id,
                &input.case_id,
                "a discussion belongs to one case",
            )?;
            let checked = check_references(conn, ctx, &input, current.supporter_id.as_deref())?;
            update_versioned!(
                conn,
                smd,
                id,
                expected,
                store::to_db(ctx.now),
                (
                    smd::held_at.eq(store::to_db(checked.held_at)),
                    smd::setting.eq(input.setting.as_str()),
                    smd::measures.eq(join(&input.measures)),
                    smd::supporter_id.eq(&input.supporter_id),
                    smd::supporter_present.eq(input.supporter_present),
                )
            );
            load(conn, ctx, id)?.out()
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use SpecialMeasure::*;

    fn now() -> DateTime<Utc> {
        DateTime::parse_from_rfc3339("2026-03-10T12:00:00Z")
            .unwrap()
            .with_timezone(&Utc)
    }

    fn input() -> SpecialMeasuresDiscussionInput {
        SpecialMeasuresDiscussionInput {
            case_id: "0b9d6f5e-7a43-4a4e-8f57-2f4a8e2f0c11".into(),
            held_at: "2026-03-09T14:00:00+00:00".into(),
            setting: DiscussionSetting::StatementTaking,
            measures: vec![Screens, LiveLink],
            supporter_id: None,
            supporter_present: false,
        }
    }

    fn errors(i: &SpecialMeasuresDiscussionInput) -> Vec<(String, String)> {
        let mut v = Validator::new();
        check(i, &mut v, now());
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
        type Edit = fn(&mut SpecialMeasuresDiscussionInput);
        let cases: &[(&str, Edit, &[&str])] = &[
            ("complete", |_| {}, &[]),
            ("no measures", |i| i.measures.clear(), &["measures"]),
            (
                "a repeat",
                |i| i.measures = vec![Screens, LiveLink, Screens],
                &["measures[2]"],
            ),
            (
                "present without a name",
                |i| i.supporter_present = true,
                &["supporter_id"],
            ),
            (
                "present and named",
                |i| {
                    i.supporter_present = true;
                    i.supporter_id = Some("2b9d6f5e-7a43-4a4e-8f57-2f4a8e2f0c11".into());
                },
                &[],
            ),
            (
                "named but absent",
                |i| i.supporter_id = Some("2b9d6f5e-7a43-4a4e-8f57-2f4a8e2f0c11".into()),
                &[],
            ),
            (
                "bad supporter id",
                |i| i.supporter_id = Some("s".into()),
                &["supporter_id"],
            ),
            (
                "held tomorrow",
                |i| i.held_at = "2026-03-11T10:00:00+00:00".into(),
                &["held_at"],
            ),
            (
                "held without offset",
                |i| i.held_at = "2026-03-09T14:00:00".into(),
                &["held_at"],
            ),
        ];
        for (name, edit, expected) in cases {
            let mut i = input();
            edit(&mut i);
            let fields: Vec<String> = errors(&i).into_iter().map(|(f, _)| f).collect();
            assert_eq!(fields, *expected, "{name}");
        }
    }

    #[test]
    fn measures_round_trip_through_storage() {
        let all = SpecialMeasure::ALL.to_vec();
        assert_eq!(split(&join(&all)).unwrap(), all);
        assert_eq!(split("").unwrap(), vec![]);
        assert!(split("screens,wigs").is_err());
    }
}

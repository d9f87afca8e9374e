//! Pre-trial visits: the victim (and their supporter) see the court before
//! the trial. Requested, arranged for a date and time, then attended or
//! cancelled; arranged through the witness care unit or directly with the
//! Witness Service.

use chrono::{DateTime, Duration, Utc};
use diesel::prelude::*;
use serde::{Deserialize, Serialize};

use crate::app::{Ctx, Page, Paged, Resource, Validate};
use crate::domain::{ArrangedVia, PreTrialVisitState};
use crate::error::{AppError, AppResult};
use crate::flows::EventKind;
use crate::planning;
use crate::policy::ResourceKind;
use crate::store::schema::{hearings, pre_trial_visits as ptv};
use crate::store::{self, AnyConn};
use crate::validate::Validator;

use super::{case_victim, check_version, local, require_court, same_owner, visible_case_ids};

pub struct PreTrialVisits;

/// How far our clock and a client's may disagree.
const CLOCK_GRACE: Duration = Duration::minutes(1);

#[derive(Debug, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct PreTrialVisitInput {
    pub case_id: String,
    /// The hearing the visit prepares for; must belong to the same case.
    pub hearing_id: Option<String>,
    pub court_id: String,
    #[serde(default = "requested")]
    pub state: PreTrialVisitState,
    /// Start, RFC 3339 with offset. Required once arranged; a requested or
    /// arranged visit cannot be in the past, an attended one not in the
    /// future.
    pub starts_at: Option<String>,
    #[serde(default)]
    pub supporter_attends: bool,
    pub arranged_via: Option<ArrangedVia>,
}

fn requested() -> PreTrialVisitState {
    PreTrialVisitState::Requested
}

#[derive(Debug, Clone, Copy)]
struct Checked {
    starts_at: Option<DateTime<Utc>>,
}

fn check(input: &PreTrialVisitInput, v: &mut Validator, now: DateTime<Utc>) -> Option<Checked> {
    use PreTrialVisitState::*;
    v.id("case_id", &input.case_id);
    v.opt_id("hearing_id", input.hearing_id.as_deref());
    v.id("court_id", &input.court_id);
    let starts_at = v.opt_instant("starts_at", input.starts_at.as_deref());
    if input.starts_at.is_some() && starts_at.is_none() {
        return None;
    }
    match (input.state, starts_at) {
        (Arranged | Attended, None) => {
            v.error("starts_at", format!("is required when the visit is {}", input.state));
        }
        (Requested | Arranged, Some(t)) if t < now - CLOCK_GRACE => v.error(
            "starts_at",
            format!(
                "is in the past; a {} visit must be in the future (record a past visit as attended or cancelled)",
                input.state
            ),
        ),
        (Attended, Some(t)) if t > now + CLOCK_GRACE => v.error(
            "starts_at",
            "is in the future; a visit is attended only once it has taken place",
        ),
        _ => {}
    }
    Some(Checked { starts_at })
}

impl Validate for PreTrialVisitInput {
    fn validate(&self, v: &mut Validator, now: DateTime<Utc>) {
        check(self, v, now);
    }
}

#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct PreTrialVisitOut {
    pub id: String,
    pub case_id: String,
    pub hearing_id: Option<String>,
    pub court_id: String,
    pub state: PreTrialVisitState,
    /// The start in UTC.
    pub starts_at: Option<DateTime<Utc>>,
    /// The start in court-local (Europe/London) time with its offset.
    pub starts_at_local: Option<String>,
    pub supporter_attends: bool,
    pub arranged_via: Option<ArrangedVia>,
    pub version: i32,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

versioned!(PreTrialVisitOut);

#[derive(Queryable, Selectable)]
#[diesel(table_name = ptv)]
struct Row {
    id: String,
    case_id: String,
    hearing_id: Option<String>,
    court_id: String,
    state: String,
    starts_at: Option<chrono::NaiveDateTime>,
    supporter_attends: bool,
    arranged_via: Option<String>,
    version: i32,
    created_at: chrono::NaiveDateTime,
    updated_at: chrono::NaiveDateTime,
}

impl Row {
    fn out(self) -> AppResult<PreTrialVisitOut> {
        let starts_at = self.starts_at.map(store::from_db);
        Ok(PreTrialVisitOut {
            state: PreTrialVisitState::from_db(&self.state)?,
            arranged_via: self
                .arranged_via
                .as_deref()
                .map(ArrangedVia::from_db)
                .transpose()?,
            id: self.id,
            case_id: self.case_id,
            hearing_id: self.hearing_id,
            court_id: self.court_id,
            starts_at,
            starts_at_local: starts_at.map(local),
            supporter_attends: self.supporter_attends,
            version: self.version,
            created_at: store::from_db(self.created_at),
            updated_at: store::from_db(self.updated_at),
        })
    }
}

fn load(conn: &mut AnyConn, ctx: &Ctx, id: &str) -> AppResult<Row> {
    let row: Row = ptv::table
        .find(id)
        .select(Row::as_select())
        .first(conn)
        .optional()?
        .ok_or_else(|| AppError::NotFound("pre-trial visit".into()))?;
    case_victim(conn, ctx, &row.case_id, None)
        .map_err(|_| AppError::NotFound("pre-trial visit".into()))?;
    Ok(row)
}

/// Checks that need the database: the case is reachable, the court exists,
/// and the hearing (if any) is one of the case's.
fn check_references(
    conn: &mut AnyConn,
    ctx: &Ctx,
    input: &PreTrialVisitInput,
) -> AppResult<Checked> {
    let mut v = Validator::new();
    let checked = check(input, &mut v, ctx.now);
    v.finish()?;
    let checked =
        checked.ok_or_else(|| AppError::field("starts_at", "is not a valid date and time"))?;
    case_victim(conn, ctx, &input.case_id, Some("case_id"))?;
    require_court(conn, &input.court_id, "court_id")?;
    if let Some(hearing) = &input.hearing_id {
        let of_case: i64 = hearings::table
            .filter(hearings::id.eq(hearing))
            .filter(hearings::case_id.eq(&input.case_id))
            .count()
            .get_result(conn)?;
        if of_case != 1 {
            return Err(AppError::field(
                "hearing_id",
                "is not a hearing of this case",
            ));
        }
    }
    Ok(checked)
}

/// Filters for pre-trial visit lists.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct VisitFilter {
    pub case_id: Option<String>,
    /// Only visits starting at or after this instant (RFC 3339); visits
    /// with no time yet are left out.
    pub from: Option<DateTime<chrono::FixedOffset>>,
    /// Only visits starting before this instant (RFC 3339).
    pub to: Option<DateTime<chrono::FixedOffset>>,
    pub page: Option<i64>,
    pub per_page: Option<i64>,
}

impl Resource for PreTrialVisits {
    const PATH: &'static str = "pre-trial-visits";
    const SINGULAR: &'static str = "pre-trial visit";
    const KIND: ResourceKind = ResourceKind::PreTrialVisit;
    type Input = PreTrialVisitInput;
    type Output = PreTrialVisitOut;
    type Filter = VisitFilter;

    fn create(
        conn: &mut AnyConn,
        ctx: &Ctx,
        input: PreTrialVisitInput,
    ) -> AppResult<PreTrialVisitOut> {
        store::write(conn, |conn| {
            let checked = check_references(conn, ctx, &input)?;
            let id = store::new_id();
            let now = store::to_db(ctx.now);
            diesel::insert_into(ptv::table)
                .values((
                    ptv::id.eq(&id),
                    ptv::case_id.eq(&input.case_id),
                    ptv::hearing_id.eq(&input.hearing_id),
                    ptv::court_id.eq(&input.court_id),
                    ptv::state.eq(input.state.as_str()),
                    ptv::starts_at.eq(checked.starts_at.map(store::to_db)),
                    ptv::supporter_attends.eq(input.supporter_attends),
                    ptv::arranged_via.eq(input.arranged_via.map(ArrangedVia::as_str)),
                    ptv::created_at.eq(now),
                    ptv::updated_at.eq(now),
                ))
                .execute(conn)?;
            plan_visit(conn, ctx, &id, &input, None, checked.starts_at)?;
            load(conn, ctx, &id)?.out()
        })
    }

    fn read(conn: &mut AnyConn, ctx: &Ctx, id: &str) -> AppResult<PreTrialVisitOut> {
        load(conn, ctx, id)?.out()
    }

    fn list(
        conn: &mut AnyConn,
        ctx: &Ctx,
        f: &VisitFilter,
        page: Page,
    ) -> AppResult<Paged<PreTrialVisitOut>> {
        let visible = visible_case_ids(conn, ctx)?;
        let query = || {
            let mut q = ptv::table
                .filter(ptv::case_id.eq_any(visible.clone()))
                .into_boxed();
            filter_by!(q, ptv, f, case_id);
            filter_between!(q, ptv::starts_at, f.from, f.to);
            q
        };
        let order = (ptv::created_at.desc(), ptv::id.asc());
        paged!(conn, page, query, order, Row)?.try_map(Row::out)
    }

    fn update(
        conn: &mut AnyConn,
        ctx: &Ctx,
        id: &str,
        expected: i32,
        input: PreTrialVisitInput,
    ) -> AppResult<PreTrialVisitOut> {
        store::write(conn, |conn| {
            let current = load(conn, ctx, id)?;
            check_version(current.version, expected)?;
            same_owner(
                "case_id",
                &current.case_id,
                &input.case_id,
                "a visit belongs to one case",
            )?;
            let checked = check_references(conn, ctx, &input)?;
            update_versioned!(
                conn,
                ptv,
                id,
                expected,
                store::to_db(ctx.now),
                (
                    ptv::hearing_id.eq(&input.hearing_id),
                    ptv::court_id.eq(&input.court_id),
                    ptv::state.eq(input.state.as_str()),
                    ptv::starts_at.eq(checked.starts_at.map(store::to_db)),
                    ptv::supporter_attends.eq(input.supporter_attends),
                    ptv::arranged_via.eq(input.arranged_via.map(ArrangedVia::as_str)),
                )
            );
            let before = Before {
                state: PreTrialVisitState::from_db(&current.state)?,
                starts_at: current.starts_at.map(store::from_db),
                court_id: current.court_id.clone(),
            };
            plan_visit(conn, ctx, id, &input, Some(before), checked.starts_at)?;
            load(conn, ctx, id)?.out()
        })
    }
}

/// A visit as it stood before an update.
struct Before {
    state: PreTrialVisitState,
    starts_at: Option<DateTime<Utc>>,
    court_id: String,
}

/// Plans for a visit newly requested, or newly arranged (or moved). A visit
/// that was arranged and is now cancelled, attended, or arranged for
/// another time or court first has what is still pending for its old
/// arrangement (its reminders) stopped.
fn plan_visit(
    conn: &mut AnyConn,
    ctx: &Ctx,
    visit_id: &str,
    input: &PreTrialVisitInput,
    before: Option<Before>,
    starts_at: Option<DateTime<Utc>>,
) -> AppResult<()> {
    let arranged = |state, at: Option<DateTime<Utc>>| {
        (state == PreTrialVisitState::Arranged)
            .then_some(at)
            .flatten()
    };
    let was = before.as_ref().and_then(|b| arranged(b.state, b.starts_at));
    let unchanged = was.is_some()
        && arranged(input.state, starts_at) == was
        && before
            .as_ref()
            .is_some_and(|b| b.court_id == input.court_id);
    let victim = planning::context::victim_of_case(conn, &input.case_id)?;
    if let (Some(old), false) = (was, unchanged) {
        let prefix = crate::flows::Subject::visit_at(visit_id, old).prefix();
        planning::withdraw(conn, ctx.now, &victim, &prefix)?;
        if input.state == PreTrialVisitState::Cancelled {
            // Whoever was sent the arrangement is told it is off.
            let court_id = before.as_ref().map_or(&input.court_id, |b| &b.court_id);
            let court: String = crate::store::schema::courts::table
                .find(court_id)
                .select(crate::store::schema::courts::name)
                .first(conn)?;
            // Every arrangement of the visit that was sent: someone told
            // of an earlier date and not yet of the last is told too.
            let focus = planning::Focus {
                case_id: Some(input.case_id.clone()),
                hearing_id: input.hearing_id.clone(),
                visit_slot_prefix: Some(crate::flows::Subject::visit_prefix(visit_id)),
                ..planning::Focus::default()
            };
            let event = EventKind::PreTrialVisitCancelled {
                visit_id: visit_id.to_string(),
                previous_start: old,
                court,
            };
            planning::react(conn, &ctx.rules, ctx.now, &victim, &focus, event)?;
        }
    }
    let event = match (input.state, starts_at) {
        (PreTrialVisitState::Requested, _) if before.is_none() => {
            EventKind::PreTrialVisitRequested {
                visit_id: visit_id.to_string(),
            }
        }
        (PreTrialVisitState::Arranged, Some(at)) if !unchanged => {
            let court: String = crate::store::schema::courts::table
                .find(&input.court_id)
                .select(crate::store::schema::courts::name)
                .first(conn)?;
            EventKind::PreTrialVisitArranged {
                visit_id: visit_id.to_string(),
                starts_at: at,
                court,
            }
        }
        _ => return Ok(()),
    };
    let focus = planning::Focus {
        case_id: Some(input.case_id.clone()),
        hearing_id: input.hearing_id.clone(),
        ..planning::Focus::default()
    };
    planning::react(conn, &ctx.rules, ctx.now, &victim, &focus, event)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn now() -> DateTime<Utc> {
        DateTime::parse_from_rfc3339("2026-03-10T12:00:00Z")
            .unwrap()
            .with_timezone(&Utc)
    }

    fn input(state: PreTrialVisitState, starts_at: Option<&str>) -> PreTrialVisitInput {
        PreTrialVisitInput {
            case_id: "0b9d6f5e-7a43-4a4e-8f57-2f4a8e2f0c11".into(),
            hearing_id: None,
            court_id: "1b9d6f5e-7a43-4a4e-8f57-2f4a8e2f0c11".into(),
            state,
            starts_at: starts_at.map(str::to_string),
            supporter_attends: true,
            arranged_via: None,
        }
    }

    #[test]
    fn start_fits_the_state() {
        use PreTrialVisitState::*;
        let past = Some("2026-03-09T10:00:00+00:00");
        let future = Some("2026-03-20T10:00:00+00:00");
        let table = [
            (Requested, None, true),
            (Requested, future, true),
            (Requested, past, false),
            (Arranged, None, false),
            (Arranged, future, true),
            (Arranged, past, false),
            (Attended, None, false),
            (Attended, past, true),
            (Attended, future, false),
            (Cancelled, None, true),
            (Cancelled, past, true),
            (Cancelled, future, true),
            (Arranged, Some("20 March, 10am"), false),
        ];
        for (state, starts_at, ok) in table {
            let mut v = Validator::new();
            check(&input(state, starts_at), &mut v, now());
            assert_eq!(v.is_empty(), ok, "{state} at {starts_at:?}");
        }
    }

    #[test]
    fn bad_ids_are_named() {
        let mut i = input(PreTrialVisitState::Requested, None);
        i.hearing_id = Some("h".into());
        i.court_id = "c".into();
        let mut v = Validator::new();
        check(&i, &mut v, now());
        assert_eq!(v.failed_fields(), ["hearing_id", "court_id"]);
    }
}

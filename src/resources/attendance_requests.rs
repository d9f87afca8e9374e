//! A supporter's request to attend a hearing beside the victim, and where
//! it stands: the witness care unit and the CPS informed, the court's
//! decision (allowed, with conditions, refused, or a family court's
//! direction that the adviser should not or need not be present), then
//! attended or withdrawn.
//!
//! Who may move a request to which state is a small pure rule here
//! ([`check_update`]); the full transition table lives in `flows`.

use chrono::{DateTime, Utc};
use diesel::prelude::*;
use serde::{Deserialize, Serialize};

use crate::app::{Ctx, Page, Paged, Resource, Validate};
use crate::domain::{AttendanceState, DecisionReasonKind, HearingStatus, Role};
use crate::error::{AppError, AppResult};
use crate::flows::{AttendanceAction, EventKind, FamilyDirection};
use crate::planning;
use crate::policy::ResourceKind;
use crate::store::schema::{attendance_requests as ar, hearings, supporter_assignments as sa};
use crate::store::{self, AnyConn};
use crate::validate::{Validator, MAX_TEXT};

use super::{case_victim, check_version, visible_case_ids};

pub struct AttendanceRequests;

#[derive(Debug, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct AttendanceRequestInput {
    pub hearing_id: String,
    /// The supporter who will attend: on creation, yourself.
    pub supporter_id: String,
    /// `requested` on creation.
    #[serde(default = "requested")]
    pub state: AttendanceState,
    /// The court's reason; required for refused and for a direction that
    /// the adviser should not or need not be present.
    pub decision_reason: Option<String>,
    /// The reason's category, counted by the partnership report (the
    /// free text never is); only with a refusal or direction.
    #[serde(default)]
    pub decision_reason_kind: Option<DecisionReasonKind>,
    /// Required for allowed_with_conditions.
    pub conditions: Option<String>,
}

fn requested() -> AttendanceState {
    AttendanceState::Requested
}

impl Validate for AttendanceRequestInput {
    fn validate(&self, v: &mut Validator, _now: DateTime<Utc>) {
        v.id("hearing_id", &self.hearing_id);
        v.id("supporter_id", &self.supporter_id);
        v.opt_text("decision_reason", self.decision_reason.as_deref(), MAX_TEXT);
        v.opt_text("conditions", self.conditions.as_deref(), MAX_TEXT);
        if self.state.needs_reason() && self.decision_reason.is_none() {
            v.error(
                "decision_reason",
                format!(
                    "is required when the state is {}: record the court's reason",
                    self.state
                ),
            );
        }
        if self.decision_reason_kind.is_some() && !self.state.needs_reason() {
            v.error(
                "decision_reason_kind",
                "is only recorded with a refusal or a direction that the adviser should not or need not attend",
            );
        }
        if self.state == AttendanceState::AllowedWithConditions && self.conditions.is_none() {
            v.error(
                "conditions",
                "is required when the state is allowed_with_conditions",
            );
        }
    }
}

/// The states each role may move a request to.
pub fn states_settable_by(role: Role, family: bool) -> &'static [AttendanceState] {
    use AttendanceState::*;
    match role {
        // A family court has no witness care officer: the adviser, who is
        // there, records the court's direction and its reason.
        Role::Supporter if family => &[
            Withdrawn,
            IdentifiedToCourt,
            Attended,
            DirectedShouldNotAttend,
            DirectedNeedNotAttend,
        ],
        Role::Supporter => &[Withdrawn, WcuInformed, IdentifiedToCourt, Attended],
        Role::WitnessCareOfficer => &[
            WcuInformed,
            CpsInformed,
            Allowed,
            AllowedWithConditions,
            Refused,
            DirectedShouldNotAttend,
            DirectedNeedNotAttend,
        ],
        _ => &[],
    }
}

/// A request as stored, for [`check_update`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Current {
    pub hearing_id: String,
    pub supporter_id: String,
    pub state: AttendanceState,
    pub decision_reason: Option<String>,
    pub conditions: Option<String>,
    /// The hearing belongs to a family (or civil) case.
    pub family: bool,
}

fn trimmed(text: &Option<String>) -> Option<&str> {
    text.as_deref().map(str::trim)
}

fn list(states: &[AttendanceState]) -> String {
    states
        .iter()
        .map(|s| s.as_str())
        .collect::<Vec<_>>()
        .join(", ")
}

/// Whether `role` (the request's own supporter or not) may make this
/// change: the hearing and the supporter stay; a closed request changes no
/// more; each role sets only its own states; only the witness care officer
/// records the court's reason and conditions.
pub fn check_update(
    role: Role,
    own_request: bool,
    current: &Current,
    input: &AttendanceRequestInput,
) -> AppResult<()> {
    let mut v = Validator::new();
    v.check(
        current.hearing_id == input.hearing_id,
        "hearing_id",
        "cannot be changed; make a new request for the other hearing",
    );
    v.check(
        current.supporter_id == input.supporter_id,
        "supporter_id",
        "cannot be changed; the other supporter makes their own request",
    );
    v.finish()?;
    if current.state.is_closed() {
        return Err(AppError::field(
            "state",
            format!(
                "the request is closed ({}) and can no longer change; make a new request",
                current.state
            ),
        ));
    }
    if role == Role::Supporter && !own_request {
        return Err(AppError::Forbidden(
            "change another supporter's attendance request".into(),
        ));
    }
    if input.state != current.state {
        let allowed = states_settable_by(role, current.family);
        if !allowed.contains(&input.state) {
            let may = if allowed.is_empty() {
                "none".to_string()
            } else {
                list(allowed)
            };
            return Err(AppError::Forbidden(format!(
                "set an attendance request to {}; a {role} may set only: {may}",
                input.state
            )));
        }
    }
    let decision_changed = trimmed(&input.decision_reason) != trimmed(&current.decision_reason)
        || trimmed(&input.conditions) != trimmed(&current.conditions);
    let records_decisions =
        role == Role::WitnessCareOfficer || (role == Role::Supporter && current.family);
    if decision_changed && !records_decisions {
        return Err(AppError::Forbidden(
            "change the court's reason or conditions (send them as recorded); only the witness care officer records them".into(),
        ));
    }
    Ok(())
}

#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct AttendanceRequestOut {
    pub id: String,
    pub hearing_id: String,
    pub supporter_id: String,
    pub state: AttendanceState,
    /// The request accepts no further change.
    pub closed: bool,
    pub decision_reason: Option<String>,
    pub decision_reason_kind: Option<DecisionReasonKind>,
    pub conditions: Option<String>,
    pub version: i32,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

versioned!(AttendanceRequestOut);

#[derive(Queryable, Selectable)]
#[diesel(table_name = ar)]
struct Row {
    id: String,
    hearing_id: String,
    supporter_id: String,
    state: String,
    decision_reason: Option<String>,
    conditions: Option<String>,
    version: i32,
    created_at: chrono::NaiveDateTime,
    updated_at: chrono::NaiveDateTime,
    decision_reason_kind: Option<String>,
}

impl Row {
    fn current(&self, family: bool) -> AppResult<Current> {
        Ok(Current {
            family,
            hearing_id: self.hearing_id.clone(),
            supporter_id: self.supporter_id.clone(),
            state: AttendanceState::from_db(&self.state)?,
            decision_reason: self.decision_reason.clone(),
            conditions: self.conditions.clone(),
        })
    }

    fn out(self) -> AppResult<AttendanceRequestOut> {
        let state = AttendanceState::from_db(&self.state)?;
        Ok(AttendanceRequestOut {
            state,
            closed: state.is_closed(),
            id: self.id,
            hearing_id: self.hearing_id,
            supporter_id: self.supporter_id,
            decision_reason: self.decision_reason,
            decision_reason_kind: self
                .decision_reason_kind
                .as_deref()
                .map(DecisionReasonKind::from_db)
                .transpose()?,
            conditions: self.conditions,
            version: self.version,
            created_at: store::from_db(self.created_at),
            updated_at: store::from_db(self.updated_at),
        })
    }
}

/// Filters for request lists.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AttendanceFilter {
    pub hearing_id: Option<String>,
    pub page: Option<i64>,
    pub per_page: Option<i64>,
}

fn load(conn: &mut AnyConn, ctx: &Ctx, id: &str) -> AppResult<Row> {
    let not_found = || AppError::NotFound("attendance request".into());
    let row: Row = ar::table
        .find(id)
        .select(Row::as_select())
        .first(conn)
        .optional()?
        .ok_or_else(not_found)?;
    let case: String = hearings::table
        .find(&row.hearing_id)
        .select(hearings::case_id)
        .first(conn)?;
    case_victim(conn, ctx, &case, None).map_err(|_| not_found())?;
    Ok(row)
}

/// Whether the hearing's case is heard outside the criminal courts.
fn is_family(conn: &mut AnyConn, hearing_id: &str) -> AppResult<bool> {
    let kind: String = hearings::table
        .inner_join(crate::store::schema::cases::table)
        .filter(hearings::id.eq(hearing_id))
        .select(crate::store::schema::cases::kind)
        .first(conn)?;
    Ok(kind != crate::domain::CaseKind::Criminal.as_str())
}

fn trim(text: &Option<String>) -> Option<String> {
    trimmed(text).map(str::to_string)
}

/// Checks that need the database, for a new request: the hearing is within
/// reach and still to happen, the supporter is assigned to its victim, and
/// they have no other open request for it.
fn check_new(conn: &mut AnyConn, ctx: &Ctx, input: &AttendanceRequestInput) -> AppResult<()> {
    let unknown = || AppError::field("hearing_id", "is not a hearing you support or handle");
    let hearing: Option<(String, String)> = hearings::table
        .find(&input.hearing_id)
        .select((hearings::case_id, hearings::status))
        .first(conn)
        .optional()?;
    let (case, status) = hearing.ok_or_else(unknown)?;
    let victim = case_victim(conn, ctx, &case, None).map_err(|_| unknown())?;
    let status = HearingStatus::from_db(&status)?;
    if !status.is_upcoming() {
        return Err(AppError::field(
            "hearing_id",
            format!("the hearing is {status}; attendance can be requested only for a listed or moved hearing"),
        ));
    }
    let today = ctx.today();
    let assigned: i64 = sa::table
        .filter(sa::victim_id.eq(&victim))
        .filter(sa::supporter_id.eq(&input.supporter_id))
        .filter(crate::store::scope::in_force(today))
        .count()
        .get_result(conn)?;
    if assigned == 0 {
        return Err(AppError::field(
            "supporter_id",
            "is not currently assigned to this hearing's victim",
        ));
    }
    let closed: Vec<&str> = AttendanceState::ALL
        .iter()
        .filter(|s| s.is_closed())
        .map(|s| s.as_str())
        .collect();
    let open: i64 = ar::table
        .filter(ar::hearing_id.eq(&input.hearing_id))
        .filter(ar::supporter_id.eq(&input.supporter_id))
        .filter(ar::state.ne_all(closed))
        .count()
        .get_result(conn)?;
    if open > 0 {
        return Err(AppError::field(
            "hearing_id",
            "you already have an open attendance request for this hearing; change that one",
        ));
    }
    Ok(())
}

impl Resource for AttendanceRequests {
    const PATH: &'static str = "attendance-requests";
    const SINGULAR: &'static str = "attendance request";
    const KIND: ResourceKind = ResourceKind::AttendanceRequest;
    type Input = AttendanceRequestInput;
    type Output = AttendanceRequestOut;
    type Filter = AttendanceFilter;

    /// Made by the supporter who will attend, for a hearing of a victim
    /// they are assigned to.
    fn create(
        conn: &mut AnyConn,
        ctx: &Ctx,
        input: AttendanceRequestInput,
    ) -> AppResult<AttendanceRequestOut> {
        if ctx.actor.role != Role::Supporter {
            return Err(AppError::Forbidden(
                "create attendance request records".into(),
            ));
        }
        let mut v = Validator::new();
        v.check(
            input.supporter_id == ctx.actor.user_id,
            "supporter_id",
            "you may only request your own attendance",
        );
        v.check(
            input.state == AttendanceState::Requested,
            "state",
            "a new request starts as requested",
        );
        v.finish()?;
        store::write(conn, |conn| {
            check_new(conn, ctx, &input)?;
            let id = store::new_id();
            let now = store::to_db(ctx.now);
            diesel::insert_into(ar::table)
                .values((
                    ar::id.eq(&id),
                    ar::hearing_id.eq(&input.hearing_id),
                    ar::supporter_id.eq(&input.supporter_id),
                    ar::state.eq(input.state.as_str()),
                    ar::decision_reason.eq(trim(&input.decision_reason)),
                    ar::decision_reason_kind.eq(input.decision_reason_kind.map(|k| k.as_str())),
                    ar::conditions.eq(trim(&input.conditions)),
                    ar::created_at.eq(now),
                    ar::updated_at.eq(now),
                ))
                .execute(conn)?;
            let victim = planning::context::victim_of_hearing(conn, &input.hearing_id)?;
            let focus = planning::Focus {
                hearing_id: Some(input.hearing_id.clone()),
                attendance_request_id: Some(id.clone()),
                attendance_state_before: Some(AttendanceState::Requested),
                ..planning::Focus::default()
            };
            planning::react(
                conn,
                &ctx.rules,
                ctx.now,
                &victim,
                &focus,
                EventKind::AttendanceRequestRaised,
            )?;
            load(conn, ctx, &id)?.out()
        })
    }

    fn read(conn: &mut AnyConn, ctx: &Ctx, id: &str) -> AppResult<AttendanceRequestOut> {
        load(conn, ctx, id)?.out()
    }

    fn list(
        conn: &mut AnyConn,
        ctx: &Ctx,
        f: &AttendanceFilter,
        page: Page,
    ) -> AppResult<Paged<AttendanceRequestOut>> {
        let cases = visible_case_ids(conn, ctx)?;
        let visible: Vec<String> = hearings::table
            .filter(hearings::case_id.eq_any(cases))
            .select(hearings::id)
            .load(conn)?;
        let query = || {
            let mut q = ar::table
                .filter(ar::hearing_id.eq_any(visible.clone()))
                .into_boxed();
            filter_by!(q, ar, f, hearing_id);
            q
        };
        let order = (ar::created_at.desc(), ar::id.asc());
        paged!(conn, page, query, order, Row)?.try_map(Row::out)
    }

    fn update(
        conn: &mut AnyConn,
        ctx: &Ctx,
        id: &str,
        expected: i32,
        input: AttendanceRequestInput,
    ) -> AppResult<AttendanceRequestOut> {
        store::write(conn, |conn| {
            let current = load(conn, ctx, id)?;
            check_version(current.version, expected)?;
            let own = current.supporter_id == ctx.actor.user_id;
            let family = is_family(conn, &current.hearing_id)?;
            check_update(ctx.actor.role, own, &current.current(family)?, &input)?;
            update_versioned!(
                conn,
                ar,
                id,
                expected,
                store::to_db(ctx.now),
                (
                    ar::state.eq(input.state.as_str()),
                    ar::decision_reason.eq(trim(&input.decision_reason)),
                    ar::decision_reason_kind.eq(input.decision_reason_kind.map(|k| k.as_str())),
                    ar::conditions.eq(trim(&input.conditions)),
                )
            );
            let before = AttendanceState::from_db(&current.state)?;
            if let Some(action) = action_for(before, &input) {
                let victim = planning::context::victim_of_hearing(conn, &current.hearing_id)?;
                let focus = planning::Focus {
                    hearing_id: Some(current.hearing_id.clone()),
                    attendance_request_id: Some(id.to_string()),
                    attendance_state_before: Some(before),
                    ..planning::Focus::default()
                };
                planning::react(
                    conn,
                    &ctx.rules,
                    ctx.now,
                    &victim,
                    &focus,
                    EventKind::AttendanceRequestUpdated { action },
                )?;
            }
            load(conn, ctx, id)?.out()
        })
    }
}

/// The flows' action for a change of state (none when the state is
/// unchanged).
fn action_for(before: AttendanceState, input: &AttendanceRequestInput) -> Option<AttendanceAction> {
    use AttendanceState::*;
    if before == input.state {
        return None;
    }
    let reason = || input.decision_reason.clone().unwrap_or_default();
    Some(match input.state {
        Requested => return None,
        WcuInformed => AttendanceAction::WcuInformed,
        CpsInformed => AttendanceAction::CpsInformed,
        IdentifiedToCourt => AttendanceAction::IdentifiedToCourt,
        Allowed => AttendanceAction::CourtAllows,
        AllowedWithConditions => AttendanceAction::CourtAllowsWithConditions {
            conditions: input.conditions.clone().unwrap_or_default(),
        },
        Refused => AttendanceAction::CourtRefuses { reason: reason() },
        DirectedShouldNotAttend => AttendanceAction::CourtDirects {
            direction: FamilyDirection::ShouldNotBePresent,
            reason: reason(),
        },
        DirectedNeedNotAttend => AttendanceAction::CourtDirects {
            direction: FamilyDirection::NeedNotBePresent,
            reason: reason(),
        },
        Attended => AttendanceAction::Attended,
        Withdrawn => AttendanceAction::Withdraw {
            reason: input.decision_reason.clone(),
        },
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use AttendanceState::*;

    const HEARING: &str = "0b9d6f5e-7a43-4a4e-8f57-2f4a8e2f0c11";
    const SUPPORTER: &str = "1b9d6f5e-7a43-4a4e-8f57-2f4a8e2f0c11";

    fn input(state: AttendanceState) -> AttendanceRequestInput {
        AttendanceRequestInput {
            hearing_id: HEARING.into(),
            supporter_id: SUPPORTER.into(),
            state,
            decision_reason_kind: None,
            decision_reason: None,
            conditions: None,
        }
    }

    fn current(state: AttendanceState) -> Current {
        Current {
            hearing_id: HEARING.into(),
            supporter_id: SUPPORTER.into(),
            state,
            decision_reason: None,
            conditions: None,
            family: false,
        }
    }

    fn fields(i: &AttendanceRequestInput) -> Vec<String> {
        let mut v = Validator::new();
        i.validate(&mut v, Utc::now());
        v.failed_fields()
    }

    #[test]
    fn reasons_and_conditions_required_by_state() {
        // (state, decision_reason, conditions, fields in error)
        type Case<'a> = (
            AttendanceState,
            Option<&'a str>,
            Option<&'a str>,
            &'a [&'a str],
        );
        let table: &[Case] = &[
            (Requested, None, None, &[]),
            (Allowed, None, None, &[]),
            (Refused, None, None, &["decision_reason"]),
            (Refused, Some("ground rules hearing"), None, &[]),
            (DirectedShouldNotAttend, None, None, &["decision_reason"]),
            (DirectedNeedNotAttend, Some("not necessary"), None, &[]),
            (AllowedWithConditions, None, None, &["conditions"]),
            (
                AllowedWithConditions,
                None,
                Some("sit behind the screen"),
                &[],
            ),
            (Allowed, Some(" "), None, &["decision_reason"]),
        ];
        for (state, reason, conditions, expected) in table {
            let mut i = input(*state);
            i.decision_reason = reason.map(str::to_string);
            i.conditions = conditions.map(str::to_string);
            assert_eq!(fields(&i), *expected, "{state}");
        }
    }

    /// What [`check_update`] answered, in short.
    fn outcome(result: AppResult<()>) -> &'static str {
        match result {
            Ok(()) => "ok",
            Err(AppError::Validation(_)) => "invalid",
            Err(AppError::Forbidden(_)) => "forbidden",
            Err(other) => panic!("unexpected {other:?}"),
        }
    }

    #[test]
    fn who_may_move_a_request_where() {
        let sup = Role::Supporter;
        let wco = Role::WitnessCareOfficer;
        // (role, own request, from, to, outcome)
        let table = [
            (sup, true, Requested, WcuInformed, "ok"),
            (sup, true, Requested, Withdrawn, "ok"),
            (sup, true, Allowed, Attended, "ok"),
            (sup, true, CpsInformed, IdentifiedToCourt, "ok"),
            (sup, true, Requested, Allowed, "forbidden"),
            (sup, true, Requested, CpsInformed, "forbidden"),
            (sup, true, WcuInformed, Requested, "forbidden"),
            (sup, false, Requested, Withdrawn, "forbidden"),
            (sup, true, Requested, Requested, "ok"),
            (wco, false, Requested, WcuInformed, "ok"),
            (wco, false, WcuInformed, CpsInformed, "ok"),
            (wco, false, CpsInformed, Allowed, "ok"),
            (wco, false, Requested, Withdrawn, "forbidden"),
            (wco, false, Allowed, Attended, "forbidden"),
            (wco, false, Requested, IdentifiedToCourt, "forbidden"),
            (wco, false, Refused, Allowed, "invalid"),
            (sup, true, Withdrawn, Requested, "invalid"),
            (sup, true, Attended, Attended, "invalid"),
            (Role::Manager, false, Requested, WcuInformed, "forbidden"),
        ];
        for (role, own, from, to, expected) in table {
            let mut i = input(to);
            if to.needs_reason() {
                i.decision_reason = Some("reason".into());
            }
            let mut c = current(from);
            c.decision_reason = i.decision_reason.clone();
            let got = outcome(check_update(role, own, &c, &i));
            assert_eq!(got, expected, "{role} (own: {own}) {from} -> {to}");
        }
    }

    #[test]
    fn hearing_and_supporter_stay() {
        let mut i = input(Requested);
        i.hearing_id = "2b9d6f5e-7a43-4a4e-8f57-2f4a8e2f0c11".into();
        i.supporter_id = "3b9d6f5e-7a43-4a4e-8f57-2f4a8e2f0c11".into();
        match check_update(Role::Supporter, true, &current(Requested), &i) {
            Err(AppError::Validation(errs)) => {
                let fields: Vec<_> = errs.iter().map(|e| e.field.as_str()).collect();
                assert_eq!(fields, ["hearing_id", "supporter_id"]);
            }
            other => panic!("unexpected {other:?}"),
        }
    }

    #[test]
    fn closed_requests_name_the_state_field() {
        match check_update(
            Role::WitnessCareOfficer,
            false,
            &current(Withdrawn),
            &input(Allowed),
        ) {
            Err(AppError::Validation(errs)) => assert_eq!(errs[0].field, "state"),
            other => panic!("unexpected {other:?}"),
        }
    }

    #[test]
    fn only_the_wco_records_the_courts_reasoning() {
        let mut i = input(AllowedWithConditions);
        i.conditions = Some("sit beside the witness in the live-link room".into());
        let from = current(CpsInformed);
        assert_eq!(
            outcome(check_update(Role::WitnessCareOfficer, false, &from, &i)),
            "ok"
        );
        // A supporter marking attendance keeps the conditions as recorded.
        let mut recorded = current(AllowedWithConditions);
        recorded.conditions = i.conditions.clone();
        let mut attended = input(Attended);
        attended.conditions = i.conditions.clone();
        assert_eq!(
            outcome(check_update(Role::Supporter, true, &recorded, &attended)),
            "ok"
        );
        // ... but may not rewrite them.
        attended.conditions = Some("none".into());
        assert_eq!(
            outcome(check_update(Role::Supporter, true, &recorded, &attended)),
            "forbidden"
        );
    }

    #[test]
    fn in_a_family_case_the_supporter_records_the_courts_direction() {
        let mut c = current(IdentifiedToCourt);
        c.family = true;
        let mut i = input(DirectedNeedNotAttend);
        i.decision_reason = Some("not necessary in the interests of justice".into());
        assert_eq!(outcome(check_update(Role::Supporter, true, &c, &i)), "ok");
        c.family = false;
        assert_eq!(
            outcome(check_update(Role::Supporter, true, &c, &i)),
            "forbidden"
        );
    }

    #[test]
    fn the_role_sets_do_not_overlap_except_wcu_informed() {
        let sup = states_settable_by(Role::Supporter, false);
        let wco = states_settable_by(Role::WitnessCareOfficer, false);
        let both: Vec<_> = sup.iter().filter(|s| wco.contains(s)).collect();
        assert_eq!(both, [&WcuInformed]);
        assert!(!sup.contains(&Requested) && !wco.contains(&Requested));
    }
}

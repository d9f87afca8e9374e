//! What follows a case's outcome (issue 19, item 6): protective orders on a
//! victim's case, decisions not to charge or to stop a case (for the
//! Victims' Right to Review), and the incident date of a crime of violence
//! (for criminal injuries compensation). The API and the case's pages both
//! call these functions.
//!
//! Who may do this is the policy for a victim's sensitive records (read to
//! list, update to record or change), within the actor's reach of the
//! case's victim (404 otherwise). Each change plans the supporter's task
//! and deadlines through `planning::react` (the rules are in
//! `flows::after_outcome`) and is audited by kind, never the note. The
//! note on an order is sealed; nothing here goes in a message to anyone.

use chrono::{DateTime, NaiveDate, NaiveDateTime, Utc};
use diesel::prelude::*;
use serde::{Deserialize, Serialize};

use super::Ctx;
use crate::audit::{self, AuditAction, Entry};
use crate::domain::{
    CaseKind, CaseStatus, ProtectiveOrderKind, ReviewDecisionMaker, ReviewableDecision,
};
use crate::error::{AppError, AppResult, FieldError};
use crate::flows::EventKind;
use crate::planning;
use crate::policy::{Action, ResourceKind};
use crate::store::schema::{cases, compensation_claims, protective_orders, review_decisions};
use crate::store::{self, AnyConn};

/// The longest note on an order, in characters.
pub const MAX_NOTE: usize = 500;

const READ: super::Check = (ResourceKind::VictimSensitive, Action::Read, "victim");
const WRITE: super::Check = (ResourceKind::VictimSensitive, Action::Update, "victim");

/// The case's victim and what the rules need of the case, within reach.
struct CaseFacts {
    victim_id: String,
    kind: CaseKind,
    status: CaseStatus,
    version: i32,
}

fn case_in_reach(conn: &mut AnyConn, ctx: &Ctx, case_id: &str) -> AppResult<CaseFacts> {
    // The case as its own read sees it: the same reach. A role that may
    // read a victim's sensitive records but not court cases (a probation
    // officer) does not reach the case: 404, as for any case out of reach.
    let c = super::read::<crate::resources::Cases>(conn, ctx, case_id).map_err(|e| match e {
        AppError::Forbidden(_) => AppError::NotFound("case".into()),
        other => other,
    })?;
    Ok(CaseFacts {
        victim_id: c.victim_id,
        kind: c.kind,
        status: c.status,
        version: c.version,
    })
}

fn focus(case_id: &str) -> planning::Focus {
    planning::Focus {
        case_id: Some(case_id.to_string()),
        ..planning::Focus::default()
    }
}

fn trimmed(v: Option<&str>) -> Option<String> {
    v.map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_string)
}

fn not_after_today(problems: &mut Vec<FieldError>, field: &str, day: NaiveDate, today: NaiveDate) {
    if day > today {
        problems.push(FieldError::new(field, "cannot be in the future"));
    }
}

fn fail(problems: Vec<FieldError>) -> AppResult<()> {
    if problems.is_empty() {
        Ok(())
    } else {
        Err(AppError::Validation(problems))
    }
}

/// A change on a criminal case in reach: the role check, the input's own
/// checks (`checked`), then `f` with the case in one transaction; `what`
/// names the record in the refusal for any other kind of case.
fn on_criminal_case<T>(
    conn: &mut AnyConn,
    ctx: &Ctx,
    case_id: &str,
    (what, checked): (&str, AppResult<()>),
    f: impl FnOnce(&mut AnyConn, CaseFacts) -> AppResult<T>,
) -> AppResult<T> {
    ctx.may(WRITE)?;
    checked?;
    store::write(conn, |conn| {
        let case = case_in_reach(conn, ctx, case_id)?;
        criminal_only(&case, what)?;
        f(conn, case)
    })
}

fn criminal_only(case: &CaseFacts, what: &str) -> AppResult<()> {
    if case.kind == CaseKind::Criminal {
        Ok(())
    } else {
        Err(AppError::Conflict(format!(
            "{what} can be recorded on a criminal case only"
        )))
    }
}

// ---------------------------------------------------------------------
// Protective orders

/// A protective order to record, or its new details.
#[derive(Debug, Clone, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ProtectiveOrderInput {
    pub kind: ProtectiveOrderKind,
    /// The day the court made the order.
    pub made_on: NaiveDate,
    /// The order's last day; leave out for "until further order".
    #[serde(default)]
    pub ends_on: Option<NaiveDate>,
    /// The court that made it, from the courts directory.
    #[serde(default)]
    pub court_id: Option<String>,
    /// A note for the team (at most 500 characters), sealed at rest and
    /// never sent to anyone.
    #[serde(default)]
    pub note: Option<String>,
}

/// How an order stopped before its end date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum OrderEnding {
    /// Ended (set aside, or by agreement) before its end date.
    Ended,
    /// Discharged by the court.
    Discharged,
}

impl OrderEnding {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Ended => "ended",
            Self::Discharged => "discharged",
        }
    }
}

/// Ending or discharging an order.
#[derive(Debug, Clone, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct EndOrderInput {
    pub how: OrderEnding,
    /// The day it ended; not before it was made, nor in the future.
    pub ended_on: NaiveDate,
}

/// A protective order as recorded.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, utoipa::ToSchema)]
pub struct ProtectiveOrderOut {
    pub id: String,
    pub case_id: String,
    pub victim_id: String,
    pub kind: ProtectiveOrderKind,
    pub made_on: NaiveDate,
    /// Null for "until further order".
    pub ends_on: Option<NaiveDate>,
    pub until_further_order: bool,
    pub court_id: Option<String>,
    pub note: Option<String>,
    /// Set when it was ended or discharged.
    pub ended_on: Option<NaiveDate>,
    pub ended_as: Option<OrderEnding>,
    /// Neither ended nor past its end date, today in London.
    pub in_force: bool,
    pub version: i32,
    pub updated_at: DateTime<Utc>,
}

versioned!(ProtectiveOrderOut);

type OrderRow = (
    String,
    String,
    String,
    String,
    NaiveDate,
    Option<NaiveDate>,
    Option<String>,
    Option<String>,
    Option<NaiveDate>,
    Option<String>,
    i32,
    NaiveDateTime,
);

macro_rules! order_columns {
    () => {
        (
            protective_orders::id,
            protective_orders::case_id,
            protective_orders::victim_id,
            protective_orders::kind,
            protective_orders::made_on,
            protective_orders::ends_on,
            protective_orders::court_id,
            protective_orders::note,
            protective_orders::ended_on,
            protective_orders::ended_as,
            protective_orders::version,
            protective_orders::updated_at,
        )
    };
}

fn order_of(row: OrderRow, today: NaiveDate) -> AppResult<ProtectiveOrderOut> {
    let (
        id,
        case_id,
        victim_id,
        kind,
        made_on,
        ends_on,
        court_id,
        note,
        ended_on,
        ended_as,
        version,
        updated_at,
    ) = row;
    let ring = crate::privacy::keyring()?;
    let ended_as = match ended_as.as_deref() {
        Some("ended") => Some(OrderEnding::Ended),
        Some("discharged") => Some(OrderEnding::Discharged),
        Some(other) => {
            return Err(AppError::Internal(format!(
                "unknown order ending stored: {other}"
            )))
        }
        None => None,
    };
    Ok(ProtectiveOrderOut {
        kind: ProtectiveOrderKind::from_db(&kind)?,
        in_force: ended_on.is_none() && ends_on.is_none_or(|d| d >= today),
        until_further_order: ends_on.is_none(),
        note: crate::privacy::open_opt(&ring, note)?,
        updated_at: store::from_db(updated_at),
        id,
        case_id,
        victim_id,
        made_on,
        ends_on,
        court_id,
        ended_on,
        ended_as,
        version,
    })
}

/// The order's checks (pure): an end date not before it was made, a made
/// date not in the future, a note of at most [`MAX_NOTE`] characters.
pub fn check_order(input: &ProtectiveOrderInput, today: NaiveDate) -> AppResult<()> {
    let mut problems = Vec::new();
    not_after_today(&mut problems, "made_on", input.made_on, today);
    if input.ends_on.is_some_and(|e| e < input.made_on) {
        problems.push(FieldError::new(
            "ends_on",
            "cannot be before the day the order was made",
        ));
    }
    if input
        .note
        .as_deref()
        .map_or(0, |n| n.trim().chars().count())
        > MAX_NOTE
    {
        problems.push(FieldError::new(
            "note",
            format!("must be at most {MAX_NOTE} characters"),
        ));
    }
    fail(problems)
}

fn load_order(conn: &mut AnyConn, ctx: &Ctx, id: &str) -> AppResult<ProtectiveOrderOut> {
    let row: Option<OrderRow> = protective_orders::table
        .find(id)
        .select(order_columns!())
        .first(conn)
        .optional()?;
    let Some(row) = row else {
        return Err(AppError::NotFound("protective order".into()));
    };
    let order = order_of(row, ctx.today())?;
    case_in_reach(conn, ctx, &order.case_id).map_err(|e| match e {
        AppError::NotFound(_) => AppError::NotFound("protective order".into()),
        other => other,
    })?;
    Ok(order)
}

/// The case's protective orders, those in force first, then newest made.
pub fn list_orders(
    conn: &mut AnyConn,
    ctx: &Ctx,
    case_id: &str,
) -> AppResult<Vec<ProtectiveOrderOut>> {
    ctx.may(READ)?;
    case_in_reach(conn, ctx, case_id)?;
    let rows: Vec<OrderRow> = protective_orders::table
        .filter(protective_orders::case_id.eq(case_id))
        .order((
            protective_orders::made_on.desc(),
            protective_orders::id.asc(),
        ))
        .select(order_columns!())
        .load(conn)?;
    let today = ctx.today();
    let mut out = rows
        .into_iter()
        .map(|r| order_of(r, today))
        .collect::<AppResult<Vec<_>>>()?;
    out.sort_by_key(|o| !o.in_force);
    Ok(out)
}

/// One protective order.
pub fn read_order(conn: &mut AnyConn, ctx: &Ctx, id: &str) -> AppResult<ProtectiveOrderOut> {
    ctx.may(READ)?;
    load_order(conn, ctx, id)
}

fn order_audit(
    conn: &mut AnyConn,
    ctx: &Ctx,
    action: AuditAction,
    o: &ProtectiveOrderOut,
    category: &str,
) -> AppResult<()> {
    let entry = Entry {
        victim_id: Some(o.victim_id.clone()),
        category: Some(category.to_string()),
        ..ctx.entry(action, "protective_orders", &o.id)
    };
    audit::append(conn, ctx.now, entry)
}

fn sealed(note: Option<&str>) -> AppResult<Option<String>> {
    match trimmed(note) {
        Some(text) => Ok(Some(crate::privacy::keyring()?.encrypt(&text))),
        None => Ok(None),
    }
}

fn plan_order(
    conn: &mut AnyConn,
    ctx: &Ctx,
    o: &ProtectiveOrderOut,
    previous_ends_on: Option<NaiveDate>,
) -> AppResult<()> {
    let kind = EventKind::ProtectiveOrderRecorded {
        order_id: o.id.clone(),
        ends_on: o.ends_on,
        previous_ends_on,
    };
    planning::react(
        conn,
        &ctx.rules,
        ctx.now,
        &o.victim_id,
        &focus(&o.case_id),
        kind,
    )?;
    Ok(())
}

/// Records a protective order on the case and plans the supporter's
/// reminders before it ends.
pub fn record_order(
    conn: &mut AnyConn,
    ctx: &Ctx,
    case_id: &str,
    input: &ProtectiveOrderInput,
) -> AppResult<ProtectiveOrderOut> {
    ctx.may(WRITE)?;
    check_order(input, ctx.today())?;
    store::write(conn, |conn| {
        let case = case_in_reach(conn, ctx, case_id)?;
        if let Some(court) = input.court_id.as_deref() {
            crate::resources::require_court(conn, court, "court_id")?;
        }
        let id = store::new_id();
        let at = store::to_db(ctx.now);
        diesel::insert_into(protective_orders::table)
            .values((
                protective_orders::id.eq(&id),
                protective_orders::case_id.eq(case_id),
                protective_orders::victim_id.eq(&case.victim_id),
                protective_orders::kind.eq(input.kind.as_str()),
                protective_orders::made_on.eq(input.made_on),
                protective_orders::ends_on.eq(input.ends_on),
                protective_orders::court_id.eq(input.court_id.as_deref()),
                protective_orders::note.eq(sealed(input.note.as_deref())?),
                protective_orders::recorded_by.eq(&ctx.actor.user_id),
                protective_orders::version.eq(1),
                protective_orders::created_at.eq(at),
                protective_orders::updated_at.eq(at),
            ))
            .execute(conn)?;
        let order = load_order(conn, ctx, &id)?;
        plan_order(conn, ctx, &order, None)?;
        order_audit(conn, ctx, AuditAction::Create, &order, input.kind.as_str())?;
        tracing::info!(case_id = %case_id, order_id = %id, kind = input.kind.as_str(), "protective order recorded");
        Ok(order)
    })
}

fn stale_or(
    conn: &mut AnyConn,
    ctx: &Ctx,
    id: &str,
    expected: i32,
) -> AppResult<ProtectiveOrderOut> {
    let current = load_order(conn, ctx, id)?;
    crate::resources::check_version(current.version, expected)?;
    Ok(current)
}

/// Changes an order's details (send the version read); a new end date
/// re-plans its reminders. An ended order cannot be changed.
pub fn update_order(
    conn: &mut AnyConn,
    ctx: &Ctx,
    id: &str,
    expected: i32,
    input: &ProtectiveOrderInput,
) -> AppResult<ProtectiveOrderOut> {
    ctx.may(WRITE)?;
    check_order(input, ctx.today())?;
    store::write(conn, |conn| {
        let current = stale_or(conn, ctx, id, expected)?;
        if current.ended_on.is_some() {
            return Err(AppError::Conflict(
                "this order has been ended or discharged and can no longer be changed".into(),
            ));
        }
        if let Some(court) = input.court_id.as_deref() {
            crate::resources::require_court(conn, court, "court_id")?;
        }
        let done = diesel::update(
            protective_orders::table
                .filter(protective_orders::id.eq(id))
                .filter(protective_orders::version.eq(expected)),
        )
        .set((
            protective_orders::kind.eq(input.kind.as_str()),
            protective_orders::made_on.eq(input.made_on),
            protective_orders::ends_on.eq(input.ends_on),
            protective_orders::court_id.eq(input.court_id.as_deref()),
            protective_orders::note.eq(sealed(input.note.as_deref())?),
            protective_orders::version.eq(expected + 1),
            protective_orders::updated_at.eq(store::to_db(ctx.now)),
        ))
        .execute(conn)?;
        crate::resources::check_updated(done, expected)?;
        let order = load_order(conn, ctx, id)?;
        if order.ends_on != current.ends_on {
            plan_order(conn, ctx, &order, current.ends_on)?;
        }
        order_audit(conn, ctx, AuditAction::Update, &order, input.kind.as_str())?;
        tracing::info!(order_id = %id, version = order.version, "protective order changed");
        Ok(order)
    })
}

/// Ends or discharges an order (send the version read): its reminders stop.
pub fn end_order(
    conn: &mut AnyConn,
    ctx: &Ctx,
    id: &str,
    expected: i32,
    input: &EndOrderInput,
) -> AppResult<ProtectiveOrderOut> {
    ctx.may(WRITE)?;
    store::write(conn, |conn| {
        let current = stale_or(conn, ctx, id, expected)?;
        if current.ended_on.is_some() {
            return Err(AppError::Conflict(
                "this order has already been ended or discharged".into(),
            ));
        }
        let mut problems = Vec::new();
        not_after_today(&mut problems, "ended_on", input.ended_on, ctx.today());
        if input.ended_on < current.made_on {
            problems.push(FieldError::new(
                "ended_on",
                "cannot be before the day the order was made",
            ));
        }
        fail(problems)?;
        let done = diesel::update(
            protective_orders::table
                .filter(protective_orders::id.eq(id))
                .filter(protective_orders::version.eq(expected)),
        )
        .set((
            protective_orders::ended_on.eq(Some(input.ended_on)),
            protective_orders::ended_as.eq(Some(input.how.as_str())),
            protective_orders::version.eq(expected + 1),
            protective_orders::updated_at.eq(store::to_db(ctx.now)),
        ))
        .execute(conn)?;
        crate::resources::check_updated(done, expected)?;
        let order = load_order(conn, ctx, id)?;
        let kind = EventKind::ProtectiveOrderEnded {
            order_id: id.to_string(),
        };
        planning::react(
            conn,
            &ctx.rules,
            ctx.now,
            &order.victim_id,
            &focus(&order.case_id),
            kind,
        )?;
        order_audit(conn, ctx, AuditAction::Update, &order, input.how.as_str())?;
        tracing::info!(order_id = %id, how = input.how.as_str(), "protective order ended");
        Ok(order)
    })
}

// ---------------------------------------------------------------------
// Victims' Right to Review

/// A decision not to charge or to stop the case.
#[derive(Debug, Clone, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ReviewDecisionInput {
    pub decided_by: ReviewDecisionMaker,
    pub decision: ReviewableDecision,
    /// The day the victim was told of the decision: the limits run from it.
    pub told_on: NaiveDate,
}

/// A decision as recorded, with the review limits it started.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, utoipa::ToSchema)]
pub struct ReviewDecisionOut {
    pub id: String,
    pub case_id: String,
    pub victim_id: String,
    pub decided_by: ReviewDecisionMaker,
    pub decision: ReviewableDecision,
    pub told_on: NaiveDate,
    /// The CPS scheme's prompt-review limit (none for the police).
    pub prompt_request_by: Option<NaiveDate>,
    /// The last day to ask, under the scheme's published limit.
    pub request_by: NaiveDate,
    /// Whether the recording closed the case (a decision to stop it).
    pub closed_case: bool,
    pub recorded_at: DateTime<Utc>,
}

/// The decision's checks (pure): the police decide only whether to
/// charge; the day she was told is not in the future.
pub fn check_decision(input: &ReviewDecisionInput, today: NaiveDate) -> AppResult<()> {
    let mut problems = Vec::new();
    if input.decided_by == ReviewDecisionMaker::Police && input.decision.stops_case() {
        problems.push(FieldError::new(
            "decision",
            "the police decide whether to charge; stopping a charged case is the CPS's decision",
        ));
    }
    not_after_today(&mut problems, "told_on", input.told_on, today);
    fail(problems)
}

fn decision_of(
    ctx: &Ctx,
    row: (
        String,
        String,
        String,
        String,
        String,
        NaiveDate,
        NaiveDateTime,
    ),
    closed_case: bool,
) -> AppResult<ReviewDecisionOut> {
    let (id, case_id, victim_id, by, decision, told_on, at) = row;
    let by = ReviewDecisionMaker::from_db(&by)?;
    let rules = &ctx.rules.in_force(told_on).after_outcome;
    let limits =
        crate::flows::after_outcome::review_limits(rules, &ctx.rules.holidays, by, told_on);
    let pick = |k| limits.iter().find(|l| l.kind == k).map(|l| l.last_day);
    use crate::flows::DeadlineKind as K;
    Ok(ReviewDecisionOut {
        prompt_request_by: pick(K::RightToReviewPromptRequest),
        request_by: pick(K::RightToReviewRequest)
            .ok_or_else(|| AppError::Internal("no review limit".into()))?,
        decision: ReviewableDecision::from_db(&decision)?,
        decided_by: by,
        recorded_at: store::from_db(at),
        closed_case,
        id,
        case_id,
        victim_id,
        told_on,
    })
}

/// The case's recorded decisions, newest told first.
pub fn list_decisions(
    conn: &mut AnyConn,
    ctx: &Ctx,
    case_id: &str,
) -> AppResult<Vec<ReviewDecisionOut>> {
    ctx.may(READ)?;
    case_in_reach(conn, ctx, case_id)?;
    let rows: Vec<(
        String,
        String,
        String,
        String,
        String,
        NaiveDate,
        NaiveDateTime,
    )> = review_decisions::table
        .filter(review_decisions::case_id.eq(case_id))
        .order((review_decisions::told_on.desc(), review_decisions::id.asc()))
        .select((
            review_decisions::id,
            review_decisions::case_id,
            review_decisions::victim_id,
            review_decisions::decided_by,
            review_decisions::decision,
            review_decisions::told_on,
            review_decisions::created_at,
        ))
        .load(conn)?;
    rows.into_iter()
        .map(|r| {
            let stops = ReviewableDecision::parse(&r.4).is_some_and(ReviewableDecision::stops_case);
            decision_of(ctx, r, stops)
        })
        .collect()
}

/// Records a decision not to charge or to stop a criminal case, plans the
/// review limits and the supporter's talk with the victim, and, for a
/// decision to stop the case, closes the case.
pub fn record_decision(
    conn: &mut AnyConn,
    ctx: &Ctx,
    case_id: &str,
    input: &ReviewDecisionInput,
) -> AppResult<ReviewDecisionOut> {
    let what = "a decision not to charge or to stop a case";
    let checked = check_decision(input, ctx.today());
    on_criminal_case(conn, ctx, case_id, (what, checked), |conn, case| {
        let id = store::new_id();
        let at = store::to_db(ctx.now);
        diesel::insert_into(review_decisions::table)
            .values((
                review_decisions::id.eq(&id),
                review_decisions::case_id.eq(case_id),
                review_decisions::victim_id.eq(&case.victim_id),
                review_decisions::decided_by.eq(input.decided_by.as_str()),
                review_decisions::decision.eq(input.decision.as_str()),
                review_decisions::told_on.eq(input.told_on),
                review_decisions::recorded_by.eq(&ctx.actor.user_id),
                review_decisions::created_at.eq(at),
            ))
            .execute(conn)?;
        let closes = input.decision.stops_case() && case.status == CaseStatus::Open;
        if closes {
            close_case(conn, ctx, case_id, &case)?;
        }
        let kind = EventKind::ReviewableDecisionRecorded {
            decision_id: id.clone(),
            by: input.decided_by,
            told_on: input.told_on,
        };
        planning::react(
            conn,
            &ctx.rules,
            ctx.now,
            &case.victim_id,
            &focus(case_id),
            kind,
        )?;
        let entry = Entry {
            victim_id: Some(case.victim_id.clone()),
            category: Some(input.decision.as_str().to_string()),
            ..ctx.entry(AuditAction::Create, "review_decisions", &id)
        };
        audit::append(conn, ctx.now, entry)?;
        tracing::info!(case_id = %case_id, decision_id = %id, decision = input.decision.as_str(), closes, "reviewable decision recorded");
        let row = (
            id,
            case_id.to_string(),
            case.victim_id.clone(),
            input.decided_by.as_str().to_string(),
            input.decision.as_str().to_string(),
            input.told_on,
            at,
        );
        decision_of(ctx, row, closes)
    })
}

/// Marks the case closed (the existing case status), audited as a change
/// to the case.
fn close_case(conn: &mut AnyConn, ctx: &Ctx, case_id: &str, case: &CaseFacts) -> AppResult<()> {
    let done = diesel::update(
        cases::table
            .filter(cases::id.eq(case_id))
            .filter(cases::version.eq(case.version)),
    )
    .set((
        cases::status.eq(CaseStatus::Closed.as_str()),
        cases::version.eq(case.version + 1),
        cases::updated_at.eq(store::to_db(ctx.now)),
    ))
    .execute(conn)?;
    crate::resources::check_updated(done, case.version)?;
    let entry = Entry {
        victim_id: Some(case.victim_id.clone()),
        category: Some("closed".into()),
        ..ctx.entry(AuditAction::Update, "cases", case_id)
    };
    audit::append(conn, ctx.now, entry)
}

// ---------------------------------------------------------------------
// Criminal injuries compensation

/// The incident date of a crime of violence.
#[derive(Debug, Clone, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CompensationInput {
    pub incident_on: NaiveDate,
}

/// The case's compensation record, with the application limit.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, utoipa::ToSchema)]
pub struct CompensationOut {
    pub id: String,
    pub case_id: String,
    pub victim_id: String,
    pub incident_on: NaiveDate,
    /// The last day to apply (two years after the incident, by the rules).
    pub apply_by: NaiveDate,
    pub version: i32,
    pub updated_at: DateTime<Utc>,
}

versioned!(CompensationOut);

type ClaimRow = (String, String, String, NaiveDate, i32, NaiveDateTime);

fn claim_of(ctx: &Ctx, row: ClaimRow) -> CompensationOut {
    let (id, case_id, victim_id, incident_on, version, updated_at) = row;
    let rules = &ctx.rules.in_force(incident_on).after_outcome;
    CompensationOut {
        apply_by: rules
            .compensation_application
            .date_after(incident_on, &ctx.rules.holidays),
        updated_at: store::from_db(updated_at),
        id,
        case_id,
        victim_id,
        incident_on,
        version,
    }
}

fn load_claim(conn: &mut AnyConn, ctx: &Ctx, case_id: &str) -> AppResult<Option<CompensationOut>> {
    let row: Option<ClaimRow> = compensation_claims::table
        .filter(compensation_claims::case_id.eq(case_id))
        .select((
            compensation_claims::id,
            compensation_claims::case_id,
            compensation_claims::victim_id,
            compensation_claims::incident_on,
            compensation_claims::version,
            compensation_claims::updated_at,
        ))
        .first(conn)
        .optional()?;
    Ok(row.map(|r| claim_of(ctx, r)))
}

/// The case's compensation record, if one was made.
pub fn read_claim(
    conn: &mut AnyConn,
    ctx: &Ctx,
    case_id: &str,
) -> AppResult<Option<CompensationOut>> {
    ctx.may(READ)?;
    case_in_reach(conn, ctx, case_id)?;
    load_claim(conn, ctx, case_id)
}

fn check_incident(input: &CompensationInput, today: NaiveDate) -> AppResult<()> {
    let mut problems = Vec::new();
    not_after_today(&mut problems, "incident_on", input.incident_on, today);
    fail(problems)
}

fn plan_claim(
    conn: &mut AnyConn,
    ctx: &Ctx,
    c: &CompensationOut,
    previous: Option<NaiveDate>,
) -> AppResult<()> {
    let kind = EventKind::CompensationIncidentRecorded {
        claim_id: c.id.clone(),
        incident_on: c.incident_on,
        previous_incident_on: previous,
    };
    planning::react(
        conn,
        &ctx.rules,
        ctx.now,
        &c.victim_id,
        &focus(&c.case_id),
        kind,
    )?;
    Ok(())
}

fn claim_audit(
    conn: &mut AnyConn,
    ctx: &Ctx,
    action: AuditAction,
    c: &CompensationOut,
) -> AppResult<()> {
    let entry = Entry {
        victim_id: Some(c.victim_id.clone()),
        category: Some("compensation_incident".into()),
        ..ctx.entry(action, "compensation_claims", &c.id)
    };
    audit::append(conn, ctx.now, entry)
}

/// Records the incident date of a crime of violence on a criminal case
/// (once per case) and plans the supporter's reminder and the deadline.
pub fn record_claim(
    conn: &mut AnyConn,
    ctx: &Ctx,
    case_id: &str,
    input: &CompensationInput,
) -> AppResult<CompensationOut> {
    let what = "criminal injuries compensation";
    let checked = check_incident(input, ctx.today());
    on_criminal_case(conn, ctx, case_id, (what, checked), |conn, case| {
        if load_claim(conn, ctx, case_id)?.is_some() {
            return Err(AppError::Conflict(
                "the incident date is already recorded for this case: change it instead".into(),
            ));
        }
        let id = store::new_id();
        let at = store::to_db(ctx.now);
        diesel::insert_into(compensation_claims::table)
            .values((
                compensation_claims::id.eq(&id),
                compensation_claims::case_id.eq(case_id),
                compensation_claims::victim_id.eq(&case.victim_id),
                compensation_claims::incident_on.eq(input.incident_on),
                compensation_claims::recorded_by.eq(&ctx.actor.user_id),
                compensation_claims::version.eq(1),
                compensation_claims::created_at.eq(at),
                compensation_claims::updated_at.eq(at),
            ))
            .execute(conn)?;
        let claim = load_claim(conn, ctx, case_id)?
            .ok_or_else(|| AppError::Internal("compensation record vanished".into()))?;
        plan_claim(conn, ctx, &claim, None)?;
        claim_audit(conn, ctx, AuditAction::Create, &claim)?;
        tracing::info!(case_id = %case_id, claim_id = %id, "compensation incident recorded");
        Ok(claim)
    })
}

/// Corrects the incident date (send the version read): the reminder and
/// deadline move with it.
pub fn update_claim(
    conn: &mut AnyConn,
    ctx: &Ctx,
    case_id: &str,
    expected: i32,
    input: &CompensationInput,
) -> AppResult<CompensationOut> {
    ctx.may(WRITE)?;
    check_incident(input, ctx.today())?;
    store::write(conn, |conn| {
        case_in_reach(conn, ctx, case_id)?;
        let current = load_claim(conn, ctx, case_id)?
            .ok_or_else(|| AppError::NotFound("compensation record".into()))?;
        crate::resources::check_version(current.version, expected)?;
        let done = diesel::update(
            compensation_claims::table
                .filter(compensation_claims::id.eq(&current.id))
                .filter(compensation_claims::version.eq(expected)),
        )
        .set((
            compensation_claims::incident_on.eq(input.incident_on),
            compensation_claims::version.eq(expected + 1),
            compensation_claims::updated_at.eq(store::to_db(ctx.now)),
        ))
        .execute(conn)?;
        crate::resources::check_updated(done, expected)?;
        let claim = load_claim(conn, ctx, case_id)?
            .ok_or_else(|| AppError::Internal("compensation record vanished".into()))?;
        if claim.incident_on != current.incident_on {
            plan_claim(conn, ctx, &claim, Some(current.incident_on))?;
        }
        claim_audit(conn, ctx, AuditAction::Update, &claim)?;
        Ok(claim)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    fn fields(r: AppResult<()>) -> Vec<String> {
        match r {
            Ok(()) => vec![],
            Err(AppError::Validation(f)) => f.into_iter().map(|f| f.field).collect(),
            Err(other) => panic!("unexpected {other:?}"),
        }
    }

    #[test]
    fn an_order_is_checked_field_by_field() {
        let today = d("2026-11-02");
        let order = |made: &str, ends: Option<&str>, note: usize| ProtectiveOrderInput {
            kind: ProtectiveOrderKind::NonMolestation,
            made_on: d(made),
            ends_on: ends.map(d),
            court_id: None,
            note: Some("x".repeat(note)),
        };
        // (input, fields in error, why)
        let table = [
            (
                order("2026-10-01", Some("2027-04-01"), 10),
                vec![],
                "a fine order",
            ),
            (order("2026-10-01", None, 0), vec![], "until further order"),
            (
                order("2026-11-02", Some("2026-11-02"), MAX_NOTE),
                vec![],
                "made and ends today",
            ),
            (
                order("2026-11-03", None, 0),
                vec!["made_on"],
                "made tomorrow",
            ),
            (
                order("2026-10-01", Some("2026-09-30"), 0),
                vec!["ends_on"],
                "ends before made",
            ),
            (
                order("2026-10-01", None, MAX_NOTE + 1),
                vec!["note"],
                "note too long",
            ),
        ];
        for (input, want, why) in table {
            assert_eq!(fields(check_order(&input, today)), want, "{why}");
        }
    }

    #[test]
    fn the_police_only_decide_whether_to_charge() {
        let today = d("2026-11-02");
        let input = |by, decision, told: &str| ReviewDecisionInput {
            decided_by: by,
            decision,
            told_on: d(told),
        };
        use ReviewDecisionMaker::*;
        use ReviewableDecision::*;
        let table = [
            (input(Police, NotToCharge, "2026-11-01"), vec![]),
            (input(Cps, NotToCharge, "2026-11-02"), vec![]),
            (input(Cps, Discontinued, "2026-11-02"), vec![]),
            (input(Cps, NoEvidenceOffered, "2026-10-02"), vec![]),
            (input(Police, Discontinued, "2026-11-01"), vec!["decision"]),
            (
                input(Police, NoEvidenceOffered, "2026-11-03"),
                vec!["decision", "told_on"],
            ),
        ];
        for (i, want) in table {
            assert_eq!(fields(check_decision(&i, today)), want, "{i:?}");
        }
    }
}

/// What follows the outcome on all of a victim's cases, for her
/// subject-access export.
#[derive(Debug, Default, Serialize, utoipa::ToSchema)]
pub struct AfterOutcomeExport {
    pub protective_orders: Vec<ProtectiveOrderOut>,
    pub review_decisions: Vec<ReviewDecisionOut>,
    pub compensation_claims: Vec<CompensationOut>,
}

/// The victim's protective orders (with their notes), decisions and
/// compensation records on every case the actor reaches; empty for a role
/// that may not read them.
pub(crate) fn for_export(
    conn: &mut AnyConn,
    ctx: &Ctx,
    victim_id: &str,
) -> AppResult<AfterOutcomeExport> {
    let mut out = AfterOutcomeExport::default();
    if ctx.may(READ).is_err() {
        return Ok(out);
    }
    let case_ids: Vec<String> = cases::table
        .filter(cases::victim_id.eq(victim_id))
        .order((cases::created_at.asc(), cases::id.asc()))
        .select(cases::id)
        .load(conn)?;
    for case in &case_ids {
        match list_orders(conn, ctx, case) {
            Ok(orders) => out.protective_orders.extend(orders),
            // A case out of the actor's reach (a probation officer and a
            // court case) adds nothing.
            Err(AppError::NotFound(_)) => continue,
            Err(other) => return Err(other),
        }
        out.review_decisions
            .extend(list_decisions(conn, ctx, case)?);
        out.compensation_claims.extend(read_claim(conn, ctx, case)?);
    }
    Ok(out)
}

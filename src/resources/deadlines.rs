//! Deadlines the flows started (statutory limits and local alerts), with
//! when each falls due in UK local time. Read-only.

use chrono::{DateTime, NaiveDate, Utc};
use diesel::prelude::*;
use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::app::{Ctx, Page, Paged, Resource, Validate};
use crate::error::{AppError, AppResult};
use crate::policy;
use crate::policy::ResourceKind;
use crate::store::schema::{deadlines, flow_warnings};
use crate::store::{self, scope, AnyConn};
use crate::validate::Validator;

use super::local;

/// Read-only records take no input.
#[derive(Debug, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NoInput {}

impl Validate for NoInput {
    fn validate(&self, _v: &mut Validator, _now: DateTime<Utc>) {}
}

pub struct Deadlines;

#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct DeadlineOut {
    pub id: String,
    pub victim_id: String,
    pub case_id: Option<String>,
    pub hearing_id: Option<String>,
    pub kind: String,
    /// The London date the limit is counted from, and its last day.
    pub counted_from: NaiveDate,
    pub due_date: NaiveDate,
    pub due_at: DateTime<Utc>,
    pub due_at_local: String,
    pub citation: String,
    /// False where the figure is reported but not confirmed.
    pub confirmed: bool,
    /// A configurable local alert rather than a rule.
    pub operational: bool,
    /// running, met, missed or cancelled.
    pub state: String,
    /// When the duty was done: on time for "met", late for "missed"
    /// (empty while a missed deadline is still undone).
    pub met_at: Option<DateTime<Utc>>,
    pub version: i32,
}

versioned!(DeadlineOut);

#[derive(Queryable, Selectable)]
#[diesel(table_name = deadlines)]
struct DeadlineRow {
    id: String,
    victim_id: String,
    case_id: Option<String>,
    hearing_id: Option<String>,
    kind: String,
    counted_from: NaiveDate,
    due_date: NaiveDate,
    due_at: chrono::NaiveDateTime,
    citation: String,
    confirmed: bool,
    operational: bool,
    state: String,
    met_at: Option<chrono::NaiveDateTime>,
}

impl DeadlineRow {
    fn out(self) -> DeadlineOut {
        let due = store::from_db(self.due_at);
        DeadlineOut {
            id: self.id,
            victim_id: self.victim_id,
            case_id: self.case_id,
            hearing_id: self.hearing_id,
            kind: self.kind,
            counted_from: self.counted_from,
            due_date: self.due_date,
            due_at: due,
            due_at_local: local(due),
            citation: self.citation,
            confirmed: self.confirmed,
            operational: self.operational,
            state: self.state,
            met_at: self.met_at.map(store::from_db),
            version: 1,
        }
    }
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PlanFilter {
    pub victim_id: Option<String>,
    pub case_id: Option<String>,
    pub hearing_id: Option<String>,
    pub page: Option<i64>,
    pub per_page: Option<i64>,
}

/// A deadline's stored state (running, met, missed, cancelled).
#[derive(Debug, Clone, Copy, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum DeadlineState {
    Running,
    Met,
    Missed,
    Cancelled,
}

impl DeadlineState {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Running => "running",
            Self::Met => "met",
            Self::Missed => "missed",
            Self::Cancelled => "cancelled",
        }
    }
}

/// The deadlines list's filters: a manager lists the missed ones with
/// `?state=missed`.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DeadlineFilter {
    pub victim_id: Option<String>,
    pub case_id: Option<String>,
    pub hearing_id: Option<String>,
    pub state: Option<DeadlineState>,
    /// Only deadlines due before this instant (RFC 3339).
    pub due_before: Option<DateTime<chrono::FixedOffset>>,
    pub page: Option<i64>,
    pub per_page: Option<i64>,
}

impl Resource for Deadlines {
    const PATH: &'static str = "deadlines";
    const SINGULAR: &'static str = "deadline";
    const KIND: ResourceKind = ResourceKind::Deadline;
    const CREATABLE: bool = false;
    const UPDATABLE: bool = false;
    type Input = NoInput;
    type Output = DeadlineOut;
    type Filter = DeadlineFilter;

    fn read(conn: &mut AnyConn, ctx: &Ctx, id: &str) -> AppResult<DeadlineOut> {
        let row: DeadlineRow = deadlines::table
            .find(id)
            .select(DeadlineRow::as_select())
            .first(conn)
            .optional()?
            .ok_or_else(|| AppError::NotFound("deadline".into()))?;
        scope::require_readable(
            conn,
            &ctx.actor,
            ctx.today(),
            &row.victim_id,
            ResourceKind::Deadline,
            policy::deadline_about(&row.kind),
            "deadline",
        )?;
        Ok(row.out())
    }

    fn list(
        conn: &mut AnyConn,
        ctx: &Ctx,
        f: &DeadlineFilter,
        page: Page,
    ) -> AppResult<Paged<DeadlineOut>> {
        let visible = ctx.visible_victims(conn)?;
        let strands = policy::readable_strands(ctx.actor.role, ResourceKind::Deadline);
        let query = || {
            let mut q = deadlines::table
                .filter(deadlines::victim_id.eq_any(visible.clone()))
                .into_boxed();
            let parole = deadlines::kind.eq_any(policy::PAROLE_DEADLINE_KINDS);
            filter_strands!(q, strands, parole, deadlines::id.is_null());
            if !strands.risk {
                q = q.filter(diesel::dsl::not(
                    deadlines::kind.eq_any(policy::RISK_DEADLINE_KINDS),
                ));
            }
            filter_by!(q, deadlines, f, victim_id, case_id, hearing_id);
            if let Some(state) = f.state {
                q = q.filter(deadlines::state.eq(state.as_str()));
            }
            if let Some(before) = f.due_before {
                q = q.filter(deadlines::due_at.lt(store::to_db(before.with_timezone(&Utc))));
            }
            q
        };
        let order = (deadlines::due_at.asc(), deadlines::id.asc());
        Ok(paged!(conn, page, query, order, DeadlineRow)?.map(DeadlineRow::out))
    }
}

/// Warnings the flows raised, such as "no consent to share" or "the same
/// supporter sat in on the statement and will be at court". Read-only.
pub struct Warnings;

#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct WarningOut {
    pub id: String,
    pub victim_id: String,
    pub case_id: Option<String>,
    pub kind: String,
    #[schema(value_type = Object)]
    pub detail: Value,
    pub created_at: DateTime<Utc>,
    pub version: i32,
}

versioned!(WarningOut);

#[derive(Queryable, Selectable)]
#[diesel(table_name = flow_warnings)]
struct WarningRow {
    id: String,
    victim_id: String,
    case_id: Option<String>,
    kind: String,
    detail_json: String,
    created_at: chrono::NaiveDateTime,
}

impl WarningRow {
    fn out(self) -> AppResult<WarningOut> {
        Ok(WarningOut {
            detail: serde_json::from_str(&self.detail_json)
                .map_err(|e| AppError::Internal(format!("stored warning JSON: {e}")))?,
            id: self.id,
            victim_id: self.victim_id,
            case_id: self.case_id,
            kind: self.kind,
            created_at: store::from_db(self.created_at),
            version: 1,
        })
    }
}

impl Resource for Warnings {
    const PATH: &'static str = "warnings";
    const SINGULAR: &'static str = "warning";
    const KIND: ResourceKind = ResourceKind::Deadline;
    const CREATABLE: bool = false;
    const UPDATABLE: bool = false;
    type Input = NoInput;
    type Output = WarningOut;
    type Filter = PlanFilter;

    fn read(conn: &mut AnyConn, ctx: &Ctx, id: &str) -> AppResult<WarningOut> {
        let row: WarningRow = flow_warnings::table
            .find(id)
            .select(WarningRow::as_select())
            .first(conn)
            .optional()?
            .ok_or_else(|| AppError::NotFound("warning".into()))?;
        let about = if row.case_id.is_some() {
            ResourceKind::Hearing
        } else {
            ResourceKind::Victim
        };
        scope::require_readable(
            conn,
            &ctx.actor,
            ctx.today(),
            &row.victim_id,
            ResourceKind::Deadline,
            about,
            "warning",
        )?;
        row.out()
    }

    fn list(
        conn: &mut AnyConn,
        ctx: &Ctx,
        f: &PlanFilter,
        page: Page,
    ) -> AppResult<Paged<WarningOut>> {
        let visible = ctx.visible_victims(conn)?;
        // A warning on a case is court work; one on the victim alone, theirs.
        let court = policy::readable_strands(ctx.actor.role, ResourceKind::Deadline).court;
        let query = || {
            let mut q = flow_warnings::table
                .filter(flow_warnings::victim_id.eq_any(visible.clone()))
                .into_boxed();
            if !court {
                q = q.filter(flow_warnings::case_id.is_null());
            }
            filter_by!(q, flow_warnings, f, victim_id, case_id);
            q
        };
        let order = (flow_warnings::created_at.desc(), flow_warnings::id.asc());
        paged!(conn, page, query, order, WarningRow)?.try_map(WarningRow::out)
    }
}

//! Tasks the flows gave people ("WCO: tell the CPS a supporter will
//! attend"), with their due instants; marked done (or reopened) here.

use chrono::{DateTime, Utc};
use diesel::prelude::*;
use serde::{Deserialize, Serialize};

use crate::app::{Ctx, Page, Paged, Resource, Validate};
use crate::error::{AppError, AppResult};
use crate::policy;
use crate::policy::ResourceKind;
use crate::store::schema::tasks;
use crate::store::{self, scope, AnyConn};
use crate::validate::Validator;

use super::{check_version, local};

pub struct Tasks;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum TaskState {
    Open,
    Done,
}

/// The only change a person makes to a task: done, or open again.
#[derive(Debug, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct TaskInput {
    pub state: TaskState,
}

impl Validate for TaskInput {
    fn validate(&self, _v: &mut Validator, _now: DateTime<Utc>) {}
}

#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct TaskOut {
    pub id: String,
    pub victim_id: String,
    pub case_id: Option<String>,
    pub hearing_id: Option<String>,
    pub step: String,
    pub citation: String,
    pub reconstructed: bool,
    /// The role that must act.
    pub role: String,
    pub assignee_user_id: Option<String>,
    pub kind: String,
    pub detail: String,
    pub due_at: Option<DateTime<Utc>>,
    pub due_at_local: Option<String>,
    /// open, done or cancelled.
    pub state: String,
    pub done_at: Option<DateTime<Utc>>,
    pub done_by: Option<String>,
    pub version: i32,
}

versioned!(TaskOut);

#[derive(Queryable, Selectable)]
#[diesel(table_name = tasks)]
struct Row {
    id: String,
    victim_id: String,
    case_id: Option<String>,
    hearing_id: Option<String>,
    step: String,
    citation: String,
    reconstructed: bool,
    role: String,
    assignee_user_id: Option<String>,
    kind: String,
    detail: String,
    due_at: Option<chrono::NaiveDateTime>,
    state: String,
    done_at: Option<chrono::NaiveDateTime>,
    done_by: Option<String>,
    version: i32,
}

impl Row {
    fn out(self) -> TaskOut {
        let due = self.due_at.map(store::from_db);
        TaskOut {
            id: self.id,
            victim_id: self.victim_id,
            case_id: self.case_id,
            hearing_id: self.hearing_id,
            step: self.step,
            citation: self.citation,
            reconstructed: self.reconstructed,
            role: self.role,
            assignee_user_id: self.assignee_user_id,
            kind: self.kind,
            detail: self.detail,
            due_at: due,
            due_at_local: due.map(local),
            state: self.state,
            done_at: self.done_at.map(store::from_db),
            done_by: self.done_by,
            version: self.version,
        }
    }
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TaskFilter {
    pub victim_id: Option<String>,
    pub role: Option<String>,
    pub state: Option<String>,
    pub page: Option<i64>,
    pub per_page: Option<i64>,
}

fn load(conn: &mut AnyConn, ctx: &Ctx, id: &str) -> AppResult<Row> {
    let row: Row = tasks::table
        .find(id)
        .select(Row::as_select())
        .first(conn)
        .optional()?
        .ok_or_else(|| AppError::NotFound("task".into()))?;
    scope::require_readable(
        conn,
        &ctx.actor,
        ctx.today(),
        &row.victim_id,
        ResourceKind::Task,
        policy::task_about(&row.step, &row.role),
        "task",
    )?;
    Ok(row)
}

impl Resource for Tasks {
    const PATH: &'static str = "tasks";
    const SINGULAR: &'static str = "task";
    const KIND: ResourceKind = ResourceKind::Task;
    const CREATABLE: bool = false;
    type Input = TaskInput;
    type Output = TaskOut;
    type Filter = TaskFilter;

    fn read(conn: &mut AnyConn, ctx: &Ctx, id: &str) -> AppResult<TaskOut> {
        Ok(load(conn, ctx, id)?.out())
    }

    fn list(
        conn: &mut AnyConn,
        ctx: &Ctx,
        f: &TaskFilter,
        page: Page,
    ) -> AppResult<Paged<TaskOut>> {
        let visible = ctx.visible_victims(conn)?;
        let strands = policy::readable_strands(ctx.actor.role, ResourceKind::Task);
        let query = || {
            let mut q = tasks::table
                .filter(tasks::victim_id.eq_any(visible.clone()))
                .into_boxed();
            let parole = tasks::role
                .eq(policy::PAROLE_TASK_ROLE)
                .or(tasks::step.like(format!("{}%", policy::PAROLE_STEP_PREFIX)));
            filter_strands!(q, strands, parole, tasks::id.is_null());
            if !strands.risk {
                q = q.filter(diesel::dsl::not(
                    tasks::step.like(format!("{}%", policy::RISK_STEP_PREFIX)),
                ));
            }
            filter_by!(q, tasks, f, victim_id, role, state);
            q
        };
        let order = (tasks::due_at.asc(), tasks::id.asc());
        Ok(paged!(conn, page, query, order, Row)?.map(Row::out))
    }

    fn update(
        conn: &mut AnyConn,
        ctx: &Ctx,
        id: &str,
        expected: i32,
        input: TaskInput,
    ) -> AppResult<TaskOut> {
        store::write(conn, |conn| {
            let current = load(conn, ctx, id)?;
            check_version(current.version, expected)?;
            if current.state == "cancelled" {
                return Err(AppError::field(
                    "state",
                    "this task was cancelled by a later change and cannot be done",
                ));
            }
            let now = store::to_db(ctx.now);
            let (state, done_at, done_by) = match input.state {
                TaskState::Done => ("done", Some(now), Some(ctx.actor.user_id.clone())),
                TaskState::Open => ("open", None, None),
            };
            update_versioned!(
                conn,
                tasks,
                id,
                expected,
                now,
                (
                    tasks::state.eq(state),
                    tasks::done_at.eq(done_at),
                    tasks::done_by.eq(done_by),
                )
            );
            Ok(load(conn, ctx, id)?.out())
        })
    }
}

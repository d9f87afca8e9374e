//! "To do": which supporters must be told what, by when — running
//! deadlines, notices waiting to go to supporters, and the open tasks of
//! the signed-in person's role, each of which can be marked done.

use actix_web::web;
use serde::Deserialize;
use serde_json::{json, Value};

use crate::error::{AppError, AppResult};
use crate::policy::{permits, Action, ResourceKind};
use crate::resources::{DeadlineOut, Deadlines, NoticeOut, Notices, TaskInput, TaskOut, Tasks};
use crate::store::AnyConn;
use crate::web::api::resource::Ctx;
use crate::web::AppState;

use super::cases::notice_row_in;
use super::i18n::{self, text, text_with, Lang};
use super::lookup::{Lookup, Named};
use super::session::{Posted, Session};
use super::{
    labels, list_all, page, posted_update, render, require, see_other, update, with_conn,
    PageResult,
};

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.route("/tasks", web::get().to(tasks))
        .route("/tasks/{id}/done", web::post().to(done));
}

fn build(conn: &mut AnyConn, ctx: &Ctx, lang: Lang, email_off: bool) -> AppResult<Value> {
    let role = ctx.actor.role;
    let deadlines: Vec<DeadlineOut> = if permits(role, ResourceKind::Deadline, Action::Read) {
        list_all::<Deadlines>(conn, ctx, json!({}))?
            .into_iter()
            .filter(|d| d.state == "running")
            .collect()
    } else {
        Vec::new()
    };
    let notices: Vec<NoticeOut> = list_all::<Notices>(conn, ctx, json!({"state": "pending"}))?
        .into_iter()
        .filter(|n| n.recipient_kind == "supporter")
        .collect();
    let tasks: Vec<TaskOut> = list_all::<Tasks>(
        conn,
        ctx,
        json!({"state": "open", "role": crate::policy::task_role(role)}),
    )?;
    // Only the cases and victims these rows name.
    let mut named = Named::default();
    let rows = deadlines
        .iter()
        .map(|d| (&d.case_id, &d.victim_id))
        .chain(notices.iter().map(|n| (&n.case_id, &n.victim_id)))
        .chain(tasks.iter().map(|t| (&t.case_id, &t.victim_id)));
    for (case_id, victim_id) in rows {
        named.record(case_id.as_deref(), victim_id);
    }
    let look = Lookup::naming(conn, ctx, &named)?;
    let long = |t| i18n::long(lang, t);
    let case_text = |case_id: Option<&str>, victim_id: &str| match case_id {
        Some(c) => text_with(
            lang,
            "inbox-case-victim",
            &[
                ("case", look.case_ref(c)),
                ("victim", look.victim_ref(victim_id)),
            ],
        ),
        None => text_with(
            lang,
            "tasks-victim",
            &[("victim", look.victim_ref(victim_id))],
        ),
    };
    let deadlines: Vec<Value> = deadlines
        .into_iter()
        .map(|d| {
            json!({
                "what": labels::deadline_kind_in(lang, &d.kind),
                "case": case_text(d.case_id.as_deref(), &d.victim_id),
                "href": d.case_id.as_ref().map(|c| format!("/cases/{c}")),
                "due": long(d.due_at),
                "overdue": d.due_at < ctx.now,
                "note": (!d.confirmed).then(|| text(lang, "tasks-unconfirmed")),
            })
        })
        .collect();
    let to_supporters: Vec<Value> = notices
        .iter()
        .map(|n| notice_row_in(lang, n, &look, (&ctx.actor.user_id, email_off)))
        .collect();
    let tasks: Vec<Value> = tasks
        .into_iter()
        .map(|t| {
            json!({
                "id": t.id,
                "version": t.version,
                "title": labels::task_kind_in(lang, &t.kind),
                "detail": t.detail,
                "case": case_text(t.case_id.as_deref(), &t.victim_id),
                "href": t.case_id.as_ref().map(|c| format!("/cases/{c}")),
                "due": t.due_at.map(long).unwrap_or_else(|| text(lang, "tasks-no-date")),
                "overdue": t.due_at.is_some_and(|d| d < ctx.now),
                "reconstructed": t.reconstructed,
            })
        })
        .collect();
    Ok(json!({
        "deadlines": deadlines,
        "to_supporters": to_supporters,
        "tasks": tasks,
        "can_complete": permits(role, ResourceKind::Task, Action::Update),
    }))
}

#[derive(Deserialize)]
struct TasksQuery {
    done: Option<String>,
    stale: Option<String>,
}

async fn tasks(state: web::Data<AppState>, s: Session, q: web::Query<TasksQuery>) -> PageResult {
    require(&s, ResourceKind::Task, Action::Read, "task")?;
    let (lang, email_off) = (s.lang, s.email_off);
    let mut data = with_conn(&state, &s, move |conn, ctx| {
        build(conn, ctx, lang, email_off)
    })
    .await?;
    data["done"] = json!(q.done.is_some());
    data["stale"] = json!(q.stale.is_some());
    render(
        "tasks",
        &page(&s, &text(lang, "tasks-title"), "tasks", data),
    )
}

async fn done(state: web::Data<AppState>, posted: Posted, id: web::Path<String>) -> PageResult {
    let (s, _, version) = posted_update(posted, ResourceKind::Task, "task")?;
    let id = id.into_inner();
    let result = with_conn(&state, &s, move |conn, ctx| {
        let input: TaskInput = serde_json::from_value(json!({"state": "done"}))
            .map_err(|e| AppError::Internal(e.to_string()))?;
        update::<Tasks>(conn, ctx, &id, version, input)
    })
    .await;
    match result {
        Ok(t) => {
            tracing::info!(task_id = %t.id, "task done from the pages");
            Ok(see_other("/tasks?done=1"))
        }
        Err(AppError::StaleVersion { .. }) | Err(AppError::Validation(_)) => {
            Ok(see_other("/tasks?stale=1"))
        }
        Err(other) => Err(other.into()),
    }
}

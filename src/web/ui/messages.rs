//! Managers see what needs their attention: the notices that failed (and
//! will be retried) or could not be delivered at all, which they can send
//! again once the cause is fixed (a corrected address, a mail server back
//! up); the notices escalated because nobody acknowledged them in time; and
//! the time limits missed or overdue.

use actix_web::web;
use serde_json::{json, Value};

use crate::policy::{Action, ResourceKind};
use crate::resources::{Deadlines, Notices};
use crate::web::AppState;

use super::cases::notice_row_in;
use super::i18n::{self, text, text_with};
use super::labels;
use super::lookup::{Lookup, Named};
use super::session::{Posted, Session};
use super::{can, list_all, page, render, require, see_other, with_conn, PageResult};

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.route("/messages/failed", web::get().to(failed))
        .route("/messages/{id}/retry", web::post().to(retry));
}

#[derive(serde::Deserialize)]
struct FailedQuery {
    retried: Option<String>,
}

async fn retry(state: web::Data<AppState>, posted: Posted, id: web::Path<String>) -> PageResult {
    let Posted { session: s, .. } = posted;
    require(&s, ResourceKind::Notice, Action::Update, "notice")?;
    let id = id.into_inner();
    let out = with_conn(&state, &s, move |conn, ctx| {
        crate::app::notices::retry(conn, ctx, &id)
    })
    .await?;
    tracing::info!(notice_id = %out.id, "retry requested from the pages");
    Ok(see_other("/messages/failed?retried=1"))
}

async fn failed(state: web::Data<AppState>, s: Session, q: web::Query<FailedQuery>) -> PageResult {
    require(&s, ResourceKind::Notice, Action::Read, "notice")?;
    let can_retry = can(&s, ResourceKind::Notice, Action::Update);
    let email_off = s.email_off;
    let lang = s.lang;
    let data = with_conn(&state, &s, move |conn, ctx| {
        let mut failed = Vec::new();
        for st in ["dead", "failed"] {
            failed.extend(list_all::<Notices>(conn, ctx, json!({"state": st}))?);
        }
        let escalated = list_all::<Notices>(conn, ctx, json!({"escalated": true}))?;
        let mut overdue_deadlines = Vec::new();
        for st in ["missed", "running"] {
            for d in list_all::<Deadlines>(conn, ctx, json!({"state": st}))? {
                if st == "running" && d.due_at >= ctx.now {
                    continue;
                }
                overdue_deadlines.push((st, d));
            }
        }
        // Only the cases and victims these rows name.
        let mut named = Named::default();
        let named_rows = failed
            .iter()
            .chain(&escalated)
            .map(|n| (&n.case_id, &n.victim_id))
            .chain(overdue_deadlines.iter().map(|(_, d)| (&d.case_id, &d.victim_id)));
        for (case_id, victim_id) in named_rows {
            named.record(case_id.as_deref(), victim_id);
        }
        let look = Lookup::naming(conn, ctx, &named)?;
        let rows: Vec<Value> = failed
            .iter()
            .map(|n| {
                let mut row = notice_row_in(lang, n, &look, (&ctx.actor.user_id, email_off));
                row["id"] = json!(n.id);
                row
            })
            .collect();
        let escalated: Vec<Value> = escalated
            .into_iter()
            .map(|n| {
                let mut row = notice_row_in(lang, &n, &look, (&ctx.actor.user_id, email_off));
                row["escalated"] = json!(n.escalated_at.map(|t| i18n::long(lang, t)));
                row["acknowledge_by"] = json!(n.acknowledge_by.map(|t| i18n::long(lang, t)));
                row
            })
            .collect();
        let overdue: Vec<Value> = overdue_deadlines
            .into_iter()
            .map(|(st, d)| {
                json!({
                    "what": labels::deadline_kind_in(lang, &d.kind),
                    "case": match &d.case_id {
                        Some(c) => text_with(lang, "inbox-case-victim", &[("case", look.case_ref(c)), ("victim", look.victim_ref(&d.victim_id))]),
                        None => text_with(lang, "week-victim", &[("victim", look.victim_ref(&d.victim_id))]),
                    },
                    "href": d.case_id.as_ref().map(|c| format!("/cases/{c}")),
                    "due": i18n::long(lang, d.due_at),
                    "state": text(lang, if st == "missed" { "messages-missed" } else { "messages-overdue" }),
                    "done_late": d.met_at.map(|t| i18n::long(lang, t)),
                })
            })
            .collect();
        Ok(json!({"rows": rows, "escalated": escalated, "overdue": overdue}))
    })
    .await?;
    let mut data = data;
    data["can_retry"] = json!(can_retry);
    data["retried"] = json!(q.retried.is_some());
    render(
        "messages",
        &page(&s, &text(lang, "nav-failed-messages"), "messages", data),
    )
}

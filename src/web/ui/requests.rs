//! The requests inbox: notices that need action addressed to the signed-in
//! person's organisation (a court's staff, its Witness Service, a witness
//! care unit), with a button to confirm receipt. Confirming goes through
//! the same use case (`app::acknowledgements`) as the API's
//! `POST /api/v1/notices/{id}/acknowledgement` (same recipient check, same
//! audit entry). Like the emailed link's page, the inbox names no victim
//! and no case: only what kind of request it is and by when.

use actix_web::web;
use serde::Deserialize;
use serde_json::{json, Value};

use crate::notify::ack;
use crate::policy::{Action, ResourceKind};
use crate::web::api::resource::run;
use crate::web::AppState;

use super::acknowledge::kind_heading_in;
use super::i18n::{self, text, text_with, Lang};
use super::session::{Posted, Session};
use super::{page, render, require, see_other, with_conn, PageResult};

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.route("/requests", web::get().to(inbox))
        .route("/requests/{id}/acknowledge", web::post().to(confirm));
}

fn require_inbox(s: &Session) -> Result<(), super::PageError> {
    require(
        s,
        ResourceKind::NoticeAcknowledgement,
        Action::Create,
        "requests inbox",
    )
}

/// How many requests wait for this organisation to confirm them.
pub async fn waiting(state: &AppState, s: &Session) -> Result<usize, super::PageError> {
    let org = s.actor.organisation_id.clone();
    let all = run(state, move |conn| ack::requests_for_org(conn, &org)).await?;
    Ok(all
        .iter()
        .filter(|r| r.state.acknowledged_at.is_none())
        .count())
}

fn row(lang: Lang, r: &ack::Request, now: chrono::DateTime<chrono::Utc>) -> Value {
    let st = &r.state;
    let long = |t| i18n::long(lang, t);
    let (status, tag) = match (st.acknowledged_at, st.escalated_at) {
        (Some(at), _) => (
            text_with(lang, "requests-confirmed", &[("when", long(at))]),
            "tag--green",
        ),
        (None, Some(_)) => (text(lang, "requests-passed-on"), "tag--red"),
        (None, None) if st.acknowledge_by <= now => (text(lang, "case-overdue"), "tag--red"),
        (None, None) => (text(lang, "requests-waiting"), "tag--yellow"),
    };
    json!({
        "id": st.notice_id,
        "what": kind_heading_in(lang, &r.template),
        "sent": r.sent_at.map(long).unwrap_or_else(|| text(lang, "requests-not-sent")),
        "by": long(st.acknowledge_by),
        "status": status,
        "tag": tag,
        "open": st.acknowledged_at.is_none(),
        "action": format!("/requests/{}/acknowledge", st.notice_id),
    })
}

#[derive(Deserialize)]
struct InboxQuery {
    done: Option<String>,
}

async fn inbox(state: web::Data<AppState>, s: Session, q: web::Query<InboxQuery>) -> PageResult {
    require_inbox(&s)?;
    let org = s.actor.organisation_id.clone();
    let all = run(&state, move |conn| ack::requests_for_org(conn, &org)).await?;
    let now = state.clock.now();
    let lang = s.lang;
    let rows: Vec<Value> = all.iter().map(|r| row(lang, r, now)).collect();
    let open = all
        .iter()
        .filter(|r| r.state.acknowledged_at.is_none())
        .count();
    let data = json!({
        "rows": rows,
        "summary": text_with(lang, "requests-summary", &[("count", open.to_string())]),
        "done": (q.done.as_deref() == Some("confirmed")).then(|| text(lang, "requests-done")),
    });
    render(
        "requests",
        &page(&s, &text(lang, "requests-title"), "requests", data),
    )
}

async fn confirm(state: web::Data<AppState>, posted: Posted, id: web::Path<String>) -> PageResult {
    let s = posted.session;
    require_inbox(&s)?;
    let id = id.into_inner();
    let out = with_conn(&state, &s, move |conn, ctx| {
        crate::app::acknowledgements::acknowledge(conn, ctx, &id)
    })
    .await?;
    tracing::info!(notice_id = %out.notice_id, "notice acknowledged from the inbox page");
    Ok(see_other("/requests?done=confirmed"))
}

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

use crate::calendar;
use crate::notify::ack;
use crate::policy::{Action, ResourceKind};
use crate::web::api::resource::run;
use crate::web::AppState;

use super::acknowledge::kind_of;
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

fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => format!("{}{}", first.to_uppercase(), chars.as_str()),
        None => String::new(),
    }
}

fn row(r: &ack::Request, now: chrono::DateTime<chrono::Utc>) -> Value {
    let st = &r.state;
    let (status, tag) = match (st.acknowledged_at, st.escalated_at) {
        (Some(at), _) => (
            format!("Confirmed {}", calendar::format_long(at)),
            "tag--green",
        ),
        (None, Some(_)) => ("Overdue: passed on for follow-up".to_string(), "tag--red"),
        (None, None) if st.acknowledge_by <= now => ("Overdue".to_string(), "tag--red"),
        (None, None) => ("Waiting for you".to_string(), "tag--yellow"),
    };
    json!({
        "id": st.notice_id,
        "what": capitalised(kind_of(&r.template)),
        "sent": r.sent_at.map(calendar::format_long).unwrap_or_else(|| "Not sent yet".into()),
        "by": calendar::format_long(st.acknowledge_by),
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
    let rows: Vec<Value> = all.iter().map(|r| row(r, now)).collect();
    let open = all
        .iter()
        .filter(|r| r.state.acknowledged_at.is_none())
        .count();
    let data = json!({
        "rows": rows,
        "summary": match open {
            0 => "Nothing is waiting for you to confirm.".to_string(),
            1 => "1 request is waiting for you to confirm.".to_string(),
            n => format!("{n} requests are waiting for you to confirm."),
        },
        "done": (q.done.as_deref() == Some("confirmed")).then_some("Receipt confirmed. The sender can see that you have it in hand."),
    });
    render("requests", &page(&s, "Requests", "requests", data))
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

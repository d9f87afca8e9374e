//! One notice, to read and print: its state, who it is for, why it may be
//! sent, and (for roles that may read a victim's sensitive details) the
//! text as the recipient gets it. Reading the text is recorded in the
//! audit log by the same use case as the API's rendered-notice route
//! (`app::notices::read_text`).

use actix_web::web;
use serde_json::{json, Value};

use crate::error::{AppError, AppResult};
use crate::flows::TemplateKey;
use crate::policy::{Action, ResourceKind};
use crate::resources::{NoticeOut, Notices};
use crate::web::AppState;

use super::lookup::Lookup;
use super::session::Session;
use super::{can, labels, page, read, render, require, with_conn, PageResult};

const PRINT_CSS: &str = include_str!("../../../templates/partials/print.css");

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.route("/assets/print.css", web::get().to(print_css))
        .route("/notices/{id}", web::get().to(notice));
}

async fn print_css() -> actix_web::HttpResponse {
    actix_web::HttpResponse::Ok()
        .insert_header(("content-type", "text/css; charset=utf-8"))
        .insert_header(("cache-control", "public, max-age=3600"))
        .body(PRINT_CSS)
}

fn text_of(state: &AppState, n: &NoticeOut) -> AppResult<Value> {
    let template = TemplateKey::ALL
        .iter()
        .copied()
        .find(|t| t.as_str() == n.template)
        .ok_or_else(|| AppError::Internal("unknown template stored".into()))?;
    let data = n
        .data
        .clone()
        .and_then(|d| d.as_object().cloned())
        .unwrap_or_default();
    let text = state
        .renderer
        .render(template, &n.language, &data)
        .map_err(|_| AppError::Internal("the notice could not be rendered".into()))?;
    Ok(json!({
        "subject": text.subject,
        // Line by line, so that long lines wrap on screen and on paper.
        "lines": text.body.lines().collect::<Vec<_>>(),
        "marking": n.not_for_public_disclosure,
    }))
}

async fn notice(state: web::Data<AppState>, s: Session, id: web::Path<String>) -> PageResult {
    require(&s, ResourceKind::Notice, Action::Read, "notice")?;
    let sensitive = can(&s, ResourceKind::VictimSensitive, Action::Read);
    let id = id.into_inner();
    let me = s.actor.user_id.clone();
    let (n, look) = with_conn(&state, &s, move |conn, ctx| {
        let n = if sensitive {
            crate::app::notices::read_text(conn, ctx, &id)?
        } else {
            read::<Notices>(conn, ctx, &id)?
        };
        Ok((n, Lookup::load(conn, ctx)?))
    })
    .await?;
    let text = if sensitive {
        text_of(&state, &n)?
    } else {
        Value::Null
    };
    let to = super::cases::notice_to(&n, &me);
    let when = super::cases::notice_when(&n, "Not before ");
    let mut facts = vec![
        json!({"key": "State", "value": labels::notice_state(&n.state)}),
        json!({"key": "To", "value": format!("{to} ({})", labels::channel(&n.channel))}),
        json!({"key": "When", "value": when}),
        json!({"key": "Basis for sending", "value": labels::basis(&n.basis)}),
    ];
    if let Some(why) = super::cases::unsendable(&n, s.email_off) {
        facts.push(json!({"key": "Sending", "value": why}));
    }
    if let Some(reason) = &n.cancelled_reason {
        facts.push(json!({"key": "Why it was cancelled", "value": reason}));
    }
    let caption = match n.case_id.as_deref() {
        Some(c) => format!(
            "Notice · case {} · victim {}",
            look.case_ref(c),
            look.victim_ref(&n.victim_id)
        ),
        None => format!("Notice · victim {}", look.victim_ref(&n.victim_id)),
    };
    let what = labels::notice_template(&n.template);
    let data = json!({
        "what": what,
        "caption": caption,
        "facts": facts,
        "text": text,
        "back": n.case_id.as_deref().map(|c| format!("/cases/{c}")),
    });
    render("notice", &page(&s, &what, "cases", data))
}

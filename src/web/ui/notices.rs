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

use super::i18n::{self, text, text_with};
use super::lookup::{Lookup, Named};
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
        let mut named = Named::default();
        named.record(n.case_id.as_deref(), &n.victim_id);
        let look = Lookup::naming(conn, ctx, &named)?;
        Ok((n, look))
    })
    .await?;
    let body = if sensitive {
        text_of(&state, &n)?
    } else {
        Value::Null
    };
    let lang = s.lang;
    let to = super::cases::notice_to_in(lang, &n, &me);
    let when = match n.sent_at {
        Some(sent) => text_with(lang, "notices-sent", &[("when", i18n::long(lang, sent))]),
        None => text_with(
            lang,
            "notice-page-not-before",
            &[("when", i18n::long(lang, n.send_after))],
        ),
    };
    let fact = |key: &str, value: String| json!({"key": text(lang, key), "value": value});
    let mut facts = vec![
        fact("notice-page-state", labels::notice_state_in(lang, &n.state)),
        fact(
            "notice-page-to",
            format!("{to} ({})", labels::channel_in(lang, &n.channel)),
        ),
        fact("notice-page-when", when),
        fact("notice-page-basis", labels::basis_in(lang, &n.basis)),
    ];
    if super::cases::unsendable(&n, s.email_off) {
        facts.push(fact(
            "notice-page-sending",
            text(lang, "notices-unsendable"),
        ));
    }
    if let Some(reason) = &n.cancelled_reason {
        facts.push(fact("notice-page-why-cancelled", reason.clone()));
    }
    let caption = match n.case_id.as_deref() {
        Some(c) => text_with(
            lang,
            "notice-page-caption-case",
            &[
                ("case", look.case_ref(c)),
                ("victim", look.victim_ref(&n.victim_id)),
            ],
        ),
        None => text_with(
            lang,
            "notice-page-caption-victim",
            &[("victim", look.victim_ref(&n.victim_id))],
        ),
    };
    let what = labels::notice_template_in(lang, &n.template);
    let data = json!({
        "what": what,
        "caption": caption,
        "facts": facts,
        "text": body,
        "back": n.case_id.as_deref().map(|c| format!("/cases/{c}")),
    });
    render("notice", &page(&s, &what, "cases", data))
}

//! The acknowledgement link in a message: `GET /ack/{token}` shows what is
//! being confirmed and a button; `POST /ack/{token}` records it. No session
//! is needed: the token (long, random, single-purpose, stored only as its
//! hash) is the credential, and it can do nothing but acknowledge its one
//! notice. The GET changes nothing, so a mail scanner that follows links
//! acknowledges nothing; the POST carries the token in its address, which
//! a forged cross-site form cannot know.
//!
//! The page names no victim and no case: only what kind of message it is
//! and when it must be confirmed by.

use actix_web::web;
use serde_json::json;

use super::i18n::{self, text, text_with, Lang};
use super::session::cookie_lang;
use super::{bare_layout, render, PageError, PageResult};
use crate::app::acknowledgements;
use crate::error::AppError;
use crate::notify::ack;
use crate::web::api::resource::run;
use crate::web::AppState;

/// What the page says the message was (no case or victim details): the
/// keys of its words inside a sentence and as a heading.
fn kind_keys(template: &str) -> (&'static str, &'static str) {
    match template {
        "criminal.supporter_in_place" => (
            "acknowledge-kind-supporter-in-place",
            "acknowledge-heading-supporter-in-place",
        ),
        "criminal.companion_request" => (
            "acknowledge-kind-companion-request",
            "acknowledge-heading-companion-request",
        ),
        "criminal.witness_service_request" => (
            "acknowledge-kind-witness-service-request",
            "acknowledge-heading-witness-service-request",
        ),
        "criminal.pre_trial_visit_request" => (
            "acknowledge-kind-pre-trial-visit-request",
            "acknowledge-heading-pre-trial-visit-request",
        ),
        "family.advance_identification" => (
            "acknowledge-kind-advance-identification",
            "acknowledge-heading-advance-identification",
        ),
        "family.on_the_day_checklist" => (
            "acknowledge-kind-on-the-day-checklist",
            "acknowledge-heading-on-the-day-checklist",
        ),
        _ => ("acknowledge-kind-other", "acknowledge-heading-other"),
    }
}

/// The message's kind as it reads inside a sentence.
pub(super) fn kind_in(lang: Lang, template: &str) -> String {
    text(lang, kind_keys(template).0)
}

/// The message's kind as a heading: "A supporter is in place …".
pub(super) fn kind_heading_in(lang: Lang, template: &str) -> String {
    text(lang, kind_keys(template).1)
}

/// The bare layout in the browser's cookie language (there is no session
/// on the pages a message's link opens).
pub(super) fn layout_in(lang: Lang, title: &str) -> serde_json::Value {
    let mut layout = bare_layout(title);
    layout["lang"] = json!(lang.code());
    layout["html_lang"] = json!(lang.html_tag());
    layout
}

async fn load(state: &AppState, token: String) -> Result<(ack::AckState, String), PageError> {
    let found = run(state, move |conn| acknowledgements::by_link(conn, &token)).await?;
    found.ok_or_else(|| PageError::App(AppError::NotFound("acknowledgement link".into())))
}

fn done_page(lang: Lang, s: &ack::AckState, first_time: bool) -> PageResult {
    let title = text(
        lang,
        if first_time {
            "acknowledge-thank-you"
        } else {
            "acknowledge-already"
        },
    );
    let when = s
        .acknowledged_at
        .map(|t| i18n::long(lang, t))
        .unwrap_or_default();
    render(
        "error",
        &json!({
            "layout": layout_in(lang, &title),
            "title": title,
            "lines": [text_with(lang, "acknowledge-confirmed-on", &[("when", when)])],
        }),
    )
}

async fn show(
    state: web::Data<AppState>,
    req: actix_web::HttpRequest,
    token: web::Path<String>,
) -> PageResult {
    let lang = cookie_lang(&req);
    let token = token.into_inner();
    let (s, template) = load(&state, token.clone()).await?;
    if s.acknowledged_at.is_some() {
        return done_page(lang, &s, false);
    }
    let title = text(lang, "acknowledge-title");
    render(
        "form",
        &json!({
            "layout": layout_in(lang, &title),
            "heading": title,
            "back": "/",
            "intro": [
                text_with(lang, "acknowledge-about", &[("what", kind_in(lang, &template))]),
                text_with(
                    lang,
                    "acknowledge-please-confirm",
                    &[("by", i18n::long(lang, s.acknowledge_by))],
                ),
            ],
            "action": format!("/ack/{token}"),
            "hidden": [],
            "fields": [],
            "submit": text(lang, "acknowledge-confirm-receipt"),
        }),
    )
}

async fn confirm(
    state: web::Data<AppState>,
    req: actix_web::HttpRequest,
    token: web::Path<String>,
) -> PageResult {
    let lang = cookie_lang(&req);
    let token = token.into_inner();
    let (before, _) = load(&state, token).await?;
    if before.acknowledged_at.is_some() {
        return done_page(lang, &before, false);
    }
    let now = state.clock.now();
    let id = before.notice_id.clone();
    let after = run(&state, move |conn| {
        acknowledgements::acknowledge_by_link(conn, &id, now)
    })
    .await?;
    tracing::info!(notice_id = %after.notice_id, "notice acknowledged by link");
    done_page(lang, &after, true)
}

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.route("/ack/{token}", web::get().to(show))
        .route("/ack/{token}", web::post().to(confirm));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_kind_of_message_has_words_in_both_languages() {
        for lang in Lang::ALL {
            let ((), _, missing) = i18n::rendering(lang, || {
                for template in [
                    "criminal.supporter_in_place",
                    "criminal.companion_request",
                    "criminal.witness_service_request",
                    "criminal.pre_trial_visit_request",
                    "family.advance_identification",
                    "family.on_the_day_checklist",
                    "something.else",
                ] {
                    drop(kind_in(lang, template));
                    drop(kind_heading_in(lang, template));
                }
            });
            assert!(missing.is_empty(), "{lang:?}: {missing:?}");
        }
    }
}

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

use super::{bare_layout, render, PageError, PageResult};
use crate::app::acknowledgements;
use crate::calendar;
use crate::error::AppError;
use crate::notify::ack;
use crate::web::api::resource::run;
use crate::web::AppState;

/// What the page says the message was (no case or victim details).
pub(super) fn kind_of(template: &str) -> &'static str {
    match template {
        "criminal.supporter_in_place" => "a supporter is in place and will attend court",
        "criminal.companion_request" => {
            "a request to raise the supporter's attendance with the court"
        }
        "criminal.witness_service_request" => {
            "a request to the Witness Service for a pre-trial visit"
        }
        "criminal.pre_trial_visit_request" => "a request for a pre-trial visit",
        "family.advance_identification" => "a supporter's advance identification to the court",
        "family.on_the_day_checklist" => "the hearing-day checklist",
        _ => "a message that needs action",
    }
}

async fn load(state: &AppState, token: String) -> Result<(ack::AckState, String), PageError> {
    let found = run(state, move |conn| acknowledgements::by_link(conn, &token)).await?;
    found.ok_or_else(|| PageError::App(AppError::NotFound("acknowledgement link".into())))
}

fn done_page(s: &ack::AckState, first_time: bool) -> PageResult {
    let title = if first_time {
        "Thank you: receipt confirmed"
    } else {
        "Receipt already confirmed"
    };
    let when = s
        .acknowledged_at
        .map(calendar::format_long)
        .unwrap_or_default();
    render(
        "error",
        &json!({
            "layout": bare_layout(title),
            "title": title,
            "lines": [format!("Confirmed on {when}. You do not need to do anything else on this page.")],
        }),
    )
}

async fn show(state: web::Data<AppState>, token: web::Path<String>) -> PageResult {
    let token = token.into_inner();
    let (s, template) = load(&state, token.clone()).await?;
    if s.acknowledged_at.is_some() {
        return done_page(&s, false);
    }
    let title = "Confirm you have received this message";
    render(
        "form",
        &json!({
            "layout": bare_layout(title),
            "heading": title,
            "back": "/",
            "intro": [
                format!("The message was about {}.", kind_of(&template)),
                format!(
                    "Please confirm that you have received it and will act on it, by {}. If it is not confirmed by then, it will be passed to someone else to follow up.",
                    calendar::format_long(s.acknowledge_by)
                ),
            ],
            "action": format!("/ack/{token}"),
            "hidden": [],
            "fields": [],
            "submit": "Confirm receipt",
        }),
    )
}

async fn confirm(state: web::Data<AppState>, token: web::Path<String>) -> PageResult {
    let token = token.into_inner();
    let (before, _) = load(&state, token).await?;
    if before.acknowledged_at.is_some() {
        return done_page(&before, false);
    }
    let now = state.clock.now();
    let id = before.notice_id.clone();
    let after = run(&state, move |conn| {
        acknowledgements::acknowledge_by_link(conn, &id, now)
    })
    .await?;
    tracing::info!(notice_id = %after.notice_id, "notice acknowledged by link");
    done_page(&after, true)
}

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.route("/ack/{token}", web::get().to(show))
        .route("/ack/{token}", web::post().to(confirm));
}

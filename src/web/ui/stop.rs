//! The link at the foot of every message to a victim: `GET /stop/{token}`
//! asks them to confirm and says what will stop; `POST /stop/{token}`
//! stops every message (see `app::message_stops`). No session is needed.
//! The page names no case, court or person, and shows in Welsh and
//! English, as the message may have been in either.

use actix_web::{web, HttpRequest};
use serde_json::json;

use super::acknowledge::layout_in;
use super::i18n::{self, text, text_with, Lang};
use super::session::cookie_lang;
use super::{render, PageResult};
use crate::app::message_stops::{self, StopState};
use crate::web::api::resource::run;
use crate::web::AppState;

/// The page's two languages, the browser's own first: the message may
/// have been in either, so both always show.
fn languages(req: &HttpRequest) -> [Lang; 2] {
    match cookie_lang(req) {
        Lang::Cy => [Lang::Cy, Lang::En],
        Lang::En => [Lang::En, Lang::Cy],
    }
}

/// "English / Cymraeg" (or the other way round).
fn both(langs: [Lang; 2], key: &str) -> String {
    format!("{} / {}", text(langs[0], key), text(langs[1], key))
}

fn done_page(langs: [Lang; 2], s: &StopState, first_time: bool) -> PageResult {
    let title = both(
        langs,
        if first_time {
            "stop-done-title"
        } else {
            "stop-already-title"
        },
    );
    let mut lines = Vec::new();
    for lang in langs {
        let when = s
            .stopped_at
            .map(|t| i18n::long(lang, t))
            .unwrap_or_default();
        lines.push(text_with(lang, "stop-done-when", &[("when", when)]));
        lines.push(text(lang, "stop-done-change-mind"));
    }
    render(
        "error",
        &json!({
            "layout": layout_in(langs[0], &title),
            "title": title,
            "lines": lines,
        }),
    )
}

async fn show(
    state: web::Data<AppState>,
    req: HttpRequest,
    token: web::Path<String>,
) -> PageResult {
    let langs = languages(&req);
    let token = token.into_inner();
    let lookup = token.clone();
    let s = run(&state, move |conn| message_stops::state(conn, &lookup)).await?;
    if s.stopped_at.is_some() {
        return done_page(langs, &s, false);
    }
    let title = both(langs, "stop-title");
    let intro: Vec<String> = langs
        .iter()
        .flat_map(|&lang| {
            [
                text(lang, "stop-intro-what"),
                text(lang, "stop-intro-still"),
            ]
        })
        .collect();
    render(
        "form",
        &json!({
            "layout": layout_in(langs[0], &title),
            "heading": title,
            "back": "/",
            "intro": intro,
            "action": format!("/stop/{token}"),
            "hidden": [],
            "fields": [],
            "submit": both(langs, "stop-submit"),
        }),
    )
}

async fn confirm(
    state: web::Data<AppState>,
    req: HttpRequest,
    token: web::Path<String>,
) -> PageResult {
    let langs = languages(&req);
    let token = token.into_inner();
    let now = state.clock.now();
    let before = {
        let lookup = token.clone();
        run(&state, move |conn| message_stops::state(conn, &lookup)).await?
    };
    let after = run(&state, move |conn| {
        message_stops::stop_all(conn, &token, now)
    })
    .await?;
    done_page(langs, &after, before.stopped_at.is_none())
}

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.route("/stop/{token}", web::get().to(show))
        .route("/stop/{token}", web::post().to(confirm));
}

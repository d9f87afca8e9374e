//! The language switch (`Cymraeg | English`) on every page: a small form
//! posted to `/language`. Signed in, the choice is stored on the person's
//! user record (audited) and set in a cookie; before sign-in (on the
//! sign-in page), it is set in the cookie only. Either way the answer goes
//! back to the page the switch was on.

use actix_web::{web, HttpRequest};
use serde_json::{json, Value};

use crate::error::AppError;
use crate::web::AppState;

use super::forms::FormData;
use super::i18n::{self, Lang};
use super::session::{self, CSRF_FIELD};
use super::{see_other, PageError, PageResult};

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.route("/language", web::post().to(switch_post));
}

/// What the layout draws for the switch: the other language as a button
/// (in its own language, with its own `lang`), the current one as text.
pub fn switch(current: Lang, csrf: &str) -> Value {
    let options: Vec<Value> = [Lang::Cy, Lang::En]
        .into_iter()
        .map(|l| {
            json!({
                "code": l.code(),
                "html_lang": l.html_tag(),
                "name": i18n::text(l, "language-name"),
                "current": l == current,
            })
        })
        .collect();
    json!({"csrf": csrf, "options": options})
}

/// Where to go back to: the page the switch was on (a path on this site,
/// from the form's own Referer), else the start page.
fn back_to(req: &HttpRequest) -> String {
    req.headers()
        .get(actix_web::http::header::REFERER)
        .and_then(|r| r.to_str().ok())
        .and_then(|r| url::Url::parse(r).ok())
        .filter(|u| {
            let host = req.connection_info().host().to_owned();
            u.host_str()
                .is_some_and(|h| host == h || host.starts_with(&format!("{h}:")))
        })
        .map(|u| match u.query() {
            Some(q) => format!("{}?{q}", u.path()),
            None => u.path().to_owned(),
        })
        .filter(|p| p.starts_with('/') && !p.starts_with("//"))
        .unwrap_or_else(|| "/".to_owned())
}

async fn switch_post(state: web::Data<AppState>, req: HttpRequest, form: FormData) -> PageResult {
    let lang = form
        .get("language")
        .and_then(Lang::parse)
        .ok_or_else(|| AppError::MalformedBody("choose Cymraeg or English".into()))?;
    let sent = form.get(CSRF_FIELD).map(str::to_owned);
    let signed_in = req
        .cookie(session::SESSION_COOKIE)
        .map(|c| c.value().to_owned())
        .filter(|t| !t.is_empty());
    match signed_in {
        Some(token) if session::csrf_matches(&state, "session", &token, sent.as_deref()) => {
            let now = state.clock.now();
            let app = state.clone();
            crate::web::api::resource::run(&state, move |conn| {
                let actor = crate::accounts::actor_for_token(conn, &token, now)?;
                crate::app::page_language::set(conn, &app.ctx(actor), lang.code())
            })
            .await?;
        }
        _ => {
            let pre_session = req
                .cookie(session::SIGN_IN_COOKIE)
                .map(|c| c.value().to_owned());
            if !session::sign_in_csrf_ok(&state, pre_session.as_deref(), sent.as_deref()) {
                tracing::warn!("language switch refused: anti-forgery token missing or wrong");
                return Err(PageError::BadCsrf);
            }
        }
    }
    let mut resp = see_other(&back_to(&req));
    resp.add_cookie(&session::lang_cookie(lang))
        .map_err(|e| AppError::Internal(e.to_string()))?;
    Ok(resp)
}

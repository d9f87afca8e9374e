//! Outbox routes beyond plain reading: a notice rendered for reading or
//! printing, a manager's retry of a failed or dead-lettered notice, and
//! the Prometheus metrics of the queue.

use actix_web::{web, HttpResponse};
use serde::Serialize;

use super::resource::{authorised, run, run_checked, Check, Registry, RouteInfo};
use crate::app::notices;
use crate::app::outbox::metrics_text;
use crate::error::{AppError, AppResult};
use crate::flows::TemplateKey;
use crate::policy::{Action, ResourceKind};
use crate::web::auth::Authenticated;
use crate::web::AppState;

#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct RenderedOut {
    pub notice_id: String,
    pub subject: String,
    pub body: String,
    /// The language used (English when the wanted one has no template).
    pub language: String,
    pub not_for_public_disclosure: bool,
}

/// `?format=text` (plain text), `html` (a printable page) or `json`.
#[derive(Debug, serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct RenderedQuery {
    format: Option<RenderedFormat>,
}

#[derive(Debug, Clone, Copy, serde::Deserialize, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
enum RenderedFormat {
    Json,
    Text,
    Html,
}

fn escape_html(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
        .replace('\'', "&#39;")
}

/// A printable page: the subject as the heading and the text as written.
pub fn printable_html(out: &RenderedOut) -> String {
    let banner = if out.not_for_public_disclosure {
        "<p class=\"marking\"><strong>NOT FOR PUBLIC DISCLOSURE</strong></p>\n"
    } else {
        ""
    };
    format!(
        "<!doctype html>\n<html lang=\"{lang}\">\n<head><meta charset=\"utf-8\"><title>{subject}</title>\n\
         <style>body{{font-family:Arial,sans-serif;max-width:40em;margin:2em auto;line-height:1.5}}\
         pre{{white-space:pre-wrap;font-family:inherit}}.marking{{border:3px solid #000;padding:.5em}}</style></head>\n\
         <body>\n{banner}<h1>{subject}</h1>\n<pre>{body}</pre>\n</body>\n</html>\n",
        lang = escape_html(&out.language),
        subject = escape_html(&out.subject),
        body = escape_html(&out.body),
    )
}

async fn rendered(
    state: web::Data<AppState>,
    who: Authenticated,
    id: web::Path<String>,
    query: web::Query<RenderedQuery>,
) -> AppResult<HttpResponse> {
    // The text names the people concerned: only roles that may read a
    // victim's sensitive details (all of whom may read notices) see it.
    let ctx = authorised(
        &state,
        who,
        ResourceKind::VictimSensitive,
        Action::Read,
        "rendered notice",
    )?;
    let renderer = state.renderer.clone();
    let id = id.into_inner();
    let out = run(&state, move |conn| {
        let notice = crate::app::notices::read_text(conn, &ctx, &id)?;
        let template = TemplateKey::ALL
            .iter()
            .copied()
            .find(|t| t.as_str() == notice.template)
            .ok_or_else(|| AppError::Internal("unknown template stored".into()))?;
        let data = notice
            .data
            .clone()
            .and_then(|d| d.as_object().cloned())
            .unwrap_or_default();
        let text = renderer
            .render(template, &notice.language, &data)
            .map_err(|_| AppError::Internal("the notice could not be rendered".into()))?;
        Ok(RenderedOut {
            notice_id: notice.id,
            subject: text.subject,
            body: text.body,
            language: text.language,
            not_for_public_disclosure: notice.not_for_public_disclosure,
        })
    })
    .await?;
    Ok(match query.format.unwrap_or(RenderedFormat::Json) {
        RenderedFormat::Json => HttpResponse::Ok().json(out),
        RenderedFormat::Text => HttpResponse::Ok()
            .content_type("text/plain; charset=utf-8")
            .body(format!("Subject: {}\n\n{}", out.subject, out.body)),
        RenderedFormat::Html => HttpResponse::Ok()
            .content_type("text/html; charset=utf-8")
            .body(printable_html(&out)),
    })
}

const RETRY: Check = (ResourceKind::Notice, Action::Update, "notice");

async fn retry(
    state: web::Data<AppState>,
    who: Authenticated,
    id: web::Path<String>,
) -> AppResult<HttpResponse> {
    let out = run_checked(&state, who, RETRY, id, notices::retry).await?;
    tracing::info!(notice_id = %out.id, "retry requested");
    Ok(HttpResponse::Ok().json(out))
}

async fn metrics(state: web::Data<AppState>) -> AppResult<HttpResponse> {
    let now = state.clock.now();
    let text = run(&state, move |conn| metrics_text(conn, now)).await?;
    Ok(HttpResponse::Ok()
        .content_type("text/plain; version=0.0.4")
        .body(text))
}

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.route("/api/v1/notices/{id}/rendered", web::get().to(rendered))
        .route("/api/v1/notices/{id}/retry", web::post().to(retry))
        .route("/metrics", web::get().to(metrics));
}

pub fn describe(reg: &mut Registry) {
    let out = reg.schema::<RenderedOut>();
    let notice = reg.schema::<crate::resources::NoticeOut>();
    reg.route(RouteInfo {
        method: "get",
        path: "/api/v1/notices/{id}/rendered".into(),
        kind: Some(ResourceKind::VictimSensitive),
        action: Some(Action::Read),
        summary: "A notice's text, for reading or printing: ?format=json (default), text or html"
            .into(),
        request: None,
        response: Some(out),
        paged: false,
    });
    reg.route(RouteInfo {
        method: "post",
        path: "/api/v1/notices/{id}/retry".into(),
        kind: Some(ResourceKind::Notice),
        action: Some(Action::Update),
        summary: "Put a failed or dead-lettered notice back in the queue (managers)".into(),
        request: None,
        response: Some(notice),
        paged: false,
    });
}

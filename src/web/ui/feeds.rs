//! "Calendar feed": a supporter makes a private calendar address for their
//! calendar app, sees their feeds, and revokes one. The address is shown
//! once, on the page that answers the form that made it.

use actix_web::{web, HttpRequest};
use serde::Deserialize;
use serde_json::json;

use crate::app::calendar_feeds::{create_feed, list_feeds, revoke_feed};
use crate::policy::{Action, ResourceKind};
use crate::web::api::calendar_feeds::feed_path;
use crate::web::AppState;

use super::i18n::{self, text};
use super::session::{Posted, Session};
use super::{page, render, require, see_other, with_conn, PageResult};

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.route("/calendar-feed", web::get().to(show))
        .route("/calendar-feed", web::post().to(create))
        .route("/calendar-feed/{id}/revoke", web::post().to(revoke));
}

#[derive(Deserialize)]
struct FeedQuery {
    revoked: Option<String>,
}

async fn draw(state: &AppState, s: &Session, new_url: Option<String>, revoked: bool) -> PageResult {
    let feeds = with_conn(state, s, list_feeds).await?;
    let rows: Vec<_> = feeds
        .iter()
        .map(|f| {
            json!({
                "id": f.id,
                "created": i18n::long(s.lang, f.created_at),
                "revoked": f.revoked_at.map(|t| i18n::long(s.lang, t)),
            })
        })
        .collect();
    let data = json!({
        "feeds": rows,
        "new_url": new_url,
        "revoked": revoked,
    });
    render(
        "calendar_feed",
        &page(s, &text(s.lang, "nav-calendar-feed"), "calendar_feed", data),
    )
}

async fn show(state: web::Data<AppState>, s: Session, q: web::Query<FeedQuery>) -> PageResult {
    require(
        &s,
        ResourceKind::CalendarFeed,
        Action::Read,
        "calendar feed",
    )?;
    draw(&state, &s, None, q.revoked.is_some()).await
}

async fn create(state: web::Data<AppState>, req: HttpRequest, posted: Posted) -> PageResult {
    let s = posted.session;
    require(
        &s,
        ResourceKind::CalendarFeed,
        Action::Create,
        "calendar feed",
    )?;
    let (id, token) = with_conn(&state, &s, create_feed).await?;
    tracing::info!(feed_id = %id, "calendar feed created from the pages");
    let url = {
        let info = req.connection_info();
        format!("{}://{}{}", info.scheme(), info.host(), feed_path(&token))
    };
    draw(&state, &s, Some(url), false).await
}

async fn revoke(state: web::Data<AppState>, posted: Posted, id: web::Path<String>) -> PageResult {
    let s = posted.session;
    require(
        &s,
        ResourceKind::CalendarFeed,
        Action::Update,
        "calendar feed",
    )?;
    let id = id.into_inner();
    let out = with_conn(&state, &s, move |conn, ctx| revoke_feed(conn, ctx, &id)).await?;
    tracing::info!(feed_id = %out.id, "calendar feed revoked from the pages");
    Ok(see_other("/calendar-feed?revoked=1"))
}

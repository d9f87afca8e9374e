//! `GET /api/v1/agenda?from=YYYY-MM-DD`: the signed-in person's week, as
//! the "My week" page shows it (`app::agenda`), from a London date (today
//! when left out).

use actix_web::{web, HttpResponse};
use chrono::NaiveDate;
use serde::Deserialize;

use super::resource::{run, Registry, RouteInfo};
use crate::accounts::me_and_changes_for_token;
use crate::app::agenda::{self, Week};
use crate::calendar::{self};
use crate::error::{AppError, AppResult};
use crate::policy::{Action, ResourceKind};
use crate::web::auth::BearerToken;
use crate::web::AppState;

const PATH: &str = "/api/v1/agenda";

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct AgendaQuery {
    /// The first day of the week (a London date); today when left out.
    from: Option<String>,
}

/// The week's answer as sent, kept with the week.
struct Answer(web::Bytes);

async fn show(
    state: web::Data<AppState>,
    token: BearerToken,
    q: web::Query<AgendaQuery>,
) -> AppResult<HttpResponse> {
    let from = q.into_inner().from;
    let weeks = state.weeks.clone();
    let app = state.clone();
    // The token is checked in the same trip to the database as the week
    // (one hop to the blocking pool, one connection, per request).
    let (user_id, body) = run(&state, move |conn| {
        let (me, changes) = me_and_changes_for_token(conn, &token.0, app.clock.now())?;
        let ctx = app.ctx(me.actor());
        let from = match from.as_deref().map(str::trim).filter(|f| !f.is_empty()) {
            None => calendar::london_date(ctx.now),
            Some(text) => NaiveDate::parse_from_str(text, "%Y-%m-%d").map_err(|_| {
                AppError::field(
                    "from",
                    "must be a date written YYYY-MM-DD, such as 2026-12-07",
                )
            })?,
        };
        let body = agenda::week_cached(conn, &ctx, from, &weeks, changes)?.extra(|week| {
            serde_json::to_vec(week)
                .map(|v| Answer(v.into()))
                .map_err(|e| AppError::Internal(format!("agenda: {e}")))
        })?;
        Ok((ctx.actor.user_id, body))
    })
    .await?;
    tracing::Span::current().record("user_id", user_id.as_str());
    Ok(HttpResponse::Ok()
        .content_type("application/json")
        .body(body.0.clone()))
}

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.route(PATH, web::get().to(show));
}

pub fn describe(reg: &mut Registry) {
    let output = reg.schema::<Week>();
    reg.route(RouteInfo {
        method: "get",
        path: PATH.into(),
        kind: Some(ResourceKind::Hearing),
        action: Some(Action::Read),
        summary: "Your week from ?from=YYYY-MM-DD (a London date; today when left out): hearings with their sittings, pre-trial visits, parole milestones, running deadlines due by its end or already past, and your open tasks".into(),
        request: None,
        response: Some(output),
        paged: false,
    });
}

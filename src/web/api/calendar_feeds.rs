//! Supporters' private calendar feeds: `GET /feeds/{token}.ics` answers an
//! RFC 5545 calendar of the supporter's hearings and pre-trial visits.
//!
//! The token in the address is the only credential, so it is long and
//! random, shown once when the feed is made, and stored only as its
//! SHA-256 hash. A revoked feed answers 404, as does an unknown one. The
//! events are read through the Hearings and PreTrialVisits resources with
//! the supporter's own context, so the policy's scoping applies unchanged.
//! Titles and descriptions carry case and victim references only: never a
//! name, an address, a phone number or any free text about the victim.

use std::collections::HashMap;
use std::sync::Arc;

use actix_web::{web, HttpRequest, HttpResponse};
use chrono::{DateTime, Duration, Utc};
use serde::Serialize;
use serde_json::json;

use super::resource::{authorised, run, run_checked, Check, Ctx, Registry, RouteInfo};
use crate::app::calendar_feeds::{create_feed, list_feeds, owner, revoke_feed};
use crate::calendar::agenda::{self, sittings};
use crate::domain::{HearingStatus, PreTrialVisitState};
use crate::error::{AppError, AppResult};
use crate::ics::{self, EventStatus};
use crate::policy::{Action, ResourceKind};
use crate::resources::{Cases, Courts, Hearings, PreTrialVisits, Victims};
use crate::rules::Rules;
use crate::store::AnyConn;
use crate::web::auth::Authenticated;
use crate::web::ui::labels;
use crate::web::ui::list_all;
use crate::web::AppState;

pub use crate::app::calendar_feeds::CalendarFeedOut;

/// How long a vacated hearing or cancelled visit, or one that has taken
/// place, stays in the feed (so calendar clients see it cancelled).
pub const KEEP_PAST: Duration = Duration::days(30);

/// The answer to making a feed: the only time its address is shown.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct CreatedFeedOut {
    pub id: String,
    pub created_at: DateTime<Utc>,
    /// The feed's path, e.g. `/feeds/csf_….ics`; keep it private.
    pub path: String,
    /// The full address to subscribe to in a calendar app.
    pub url: String,
}

#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct CalendarFeedList {
    pub items: Vec<CalendarFeedOut>,
}

pub fn feed_path(token: &str) -> String {
    format!("/feeds/{token}.ics")
}

/// The events of a supporter's feed: their hearings (a long one as one
/// event per court day) and pre-trial visits from [`KEEP_PAST`] ago on,
/// read with their own context so the policy scopes them.
pub fn feed_events(conn: &mut AnyConn, ctx: &Ctx) -> AppResult<Vec<ics::Event>> {
    let since = ctx.now - KEEP_PAST;
    let courts: HashMap<String, String> = list_all::<Courts>(conn, ctx, json!({}))?
        .into_iter()
        .map(|c| (c.id, c.name))
        .collect();
    let victims: HashMap<String, String> = list_all::<Victims>(conn, ctx, json!({}))?
        .into_iter()
        .map(|v| (v.id, v.reference))
        .collect();
    // case id -> (case reference, victim reference)
    let cases: HashMap<String, (String, String)> = list_all::<Cases>(conn, ctx, json!({}))?
        .into_iter()
        .map(|c| {
            let reference = c
                .urn
                .clone()
                .or_else(|| c.case_number.clone())
                .unwrap_or_else(|| format!("case {}", &c.id[..8.min(c.id.len())]));
            let victim = victims
                .get(&c.victim_id)
                .cloned()
                .unwrap_or_else(|| "victim".into());
            (c.id, (reference, victim))
        })
        .collect();
    let refs = |case_id: &str| {
        cases
            .get(case_id)
            .cloned()
            .unwrap_or_else(|| ("a case".into(), "victim".into()))
    };
    let court = |id: &str| {
        courts
            .get(id)
            .cloned()
            .unwrap_or_else(|| "Court not in the directory".into())
    };
    let holidays = &ctx.rules.holidays;
    let mut events = Vec::new();

    // A long hearing that began up to six weeks before may still sit.
    let earliest = since - Duration::days(42);
    let hearings = list_all::<Hearings>(conn, ctx, json!({"from": earliest.to_rfc3339()}))?;
    for h in hearings {
        let (case_ref, victim_ref) = refs(&h.case_id);
        let kind = labels::hearing_kind(h.kind);
        let mut location = court(&h.court_id);
        if let Some(room) = &h.courtroom {
            location = format!("{location}, {room}");
        }
        let status = match h.status {
            HearingStatus::Vacated => EventStatus::Cancelled,
            _ => EventStatus::Confirmed,
        };
        let spans = sittings(h.starts_at, h.estimated_minutes, holidays);
        let days = spans.len();
        for (i, (start, end)) in spans.into_iter().enumerate() {
            if end < since {
                continue;
            }
            let uid = if i == 0 {
                format!("hearing-{}@courtside", h.id)
            } else {
                format!("hearing-{}-day{}@courtside", h.id, i + 1)
            };
            let title = if days > 1 {
                format!("{kind} (day {} of {days})", i + 1)
            } else {
                kind.to_string()
            };
            events.push(ics::Event {
                uid,
                sequence: h.version,
                starts_at: start,
                ends_at: end,
                summary: format!("{title} — {case_ref} ({victim_ref})"),
                location: Some(location.clone()),
                description: Some(format!(
                    "{kind}\nStatus: {}\nCase {case_ref}\nVictim reference {victim_ref}",
                    labels::hearing_status(h.status)
                )),
                status,
                created_at: Some(h.created_at),
                last_modified: Some(h.updated_at),
            });
        }
    }

    for v in list_all::<PreTrialVisits>(conn, ctx, json!({}))? {
        let Some(start) = v.starts_at else { continue };
        if start < since {
            continue;
        }
        let (case_ref, victim_ref) = refs(&v.case_id);
        let status = match v.state {
            PreTrialVisitState::Cancelled => EventStatus::Cancelled,
            PreTrialVisitState::Requested => EventStatus::Tentative,
            _ => EventStatus::Confirmed,
        };
        events.push(ics::Event {
            uid: format!("visit-{}@courtside", v.id),
            sequence: v.version,
            starts_at: start,
            ends_at: start + Duration::minutes(agenda::VISIT_MINUTES),
            summary: format!("Pre-trial visit — {case_ref} ({victim_ref})"),
            location: Some(court(&v.court_id)),
            description: Some(format!(
                "Pre-trial visit\nStatus: {}\nCase {case_ref}\nVictim reference {victim_ref}",
                v.state
            )),
            status,
            created_at: Some(v.created_at),
            last_modified: Some(v.updated_at),
        });
    }
    events.sort_by(|a, b| a.starts_at.cmp(&b.starts_at).then(a.uid.cmp(&b.uid)));
    Ok(events)
}

/// The whole feed text for a live token (404 otherwise).
pub fn feed_for_token(
    conn: &mut AnyConn,
    token: &str,
    now: DateTime<Utc>,
    rules: Arc<Rules>,
) -> AppResult<String> {
    let (feed_id, actor) = owner(conn, token)?;
    let ctx = Ctx {
        actor,
        now,
        rules,
        reach: None,
    };
    let events = feed_events(conn, &ctx)?;
    tracing::info!(feed_id = %feed_id, user_id = %ctx.actor.user_id, events = events.len(), "calendar feed served");
    Ok(ics::write(
        &ics::Calendar {
            name: "Courtside hearings and visits".into(),
            events,
        },
        now,
    ))
}

async fn create(
    state: web::Data<AppState>,
    who: Authenticated,
    req: HttpRequest,
) -> AppResult<HttpResponse> {
    let ctx = authorised(
        &state,
        who,
        ResourceKind::CalendarFeed,
        Action::Create,
        "calendar feed",
    )?;
    let now = ctx.now;
    let (id, token) = run(&state, move |conn| create_feed(conn, &ctx)).await?;
    tracing::info!(feed_id = %id, "calendar feed created");
    let path = feed_path(&token);
    let info = req.connection_info();
    let url = format!("{}://{}{}", info.scheme(), info.host(), path);
    Ok(HttpResponse::Created()
        .insert_header((actix_web::http::header::CACHE_CONTROL, "no-store"))
        .json(CreatedFeedOut {
            id,
            created_at: now,
            path,
            url,
        }))
}

async fn list(state: web::Data<AppState>, who: Authenticated) -> AppResult<HttpResponse> {
    let ctx = authorised(
        &state,
        who,
        ResourceKind::CalendarFeed,
        Action::Read,
        "calendar feed",
    )?;
    let items = run(&state, move |conn| list_feeds(conn, &ctx)).await?;
    Ok(HttpResponse::Ok().json(CalendarFeedList { items }))
}

const REVOKE: Check = (ResourceKind::CalendarFeed, Action::Update, "calendar feed");

async fn revoke(
    state: web::Data<AppState>,
    who: Authenticated,
    id: web::Path<String>,
) -> AppResult<HttpResponse> {
    let out = run_checked(&state, who, REVOKE, id, revoke_feed).await?;
    tracing::info!(feed_id = %out.id, "calendar feed revoked");
    Ok(HttpResponse::Ok().json(out))
}

async fn feed(state: web::Data<AppState>, token: web::Path<String>) -> AppResult<HttpResponse> {
    let token = token.into_inner();
    // Tokens we issue are short and plain; anything else is simply unknown.
    if token.len() > 128
        || !token
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'_')
    {
        return Err(AppError::NotFound("calendar feed".into()));
    }
    let now = state.clock.now();
    let rules = state.rules.clone();
    let text = run(&state, move |conn| feed_for_token(conn, &token, now, rules)).await?;
    Ok(HttpResponse::Ok()
        .content_type("text/calendar; charset=utf-8")
        .insert_header((actix_web::http::header::CACHE_CONTROL, "private, no-store"))
        .insert_header(("referrer-policy", "no-referrer"))
        .insert_header(("x-robots-tag", "noindex"))
        .body(text))
}

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.route("/api/v1/calendar-feeds", web::post().to(create))
        .route("/api/v1/calendar-feeds", web::get().to(list))
        .route("/api/v1/calendar-feeds/{id}/revoke", web::post().to(revoke))
        .route("/feeds/{token}.ics", web::get().to(feed));
}

pub fn describe(reg: &mut Registry) {
    let created = reg.schema::<CreatedFeedOut>();
    let one = reg.schema::<CalendarFeedOut>();
    let many = reg.schema::<CalendarFeedList>();
    let routes = [
        (
            "post",
            "/api/v1/calendar-feeds",
            Action::Create,
            "Make a private calendar (ICS) feed of your hearings and visits; its address is shown only in this answer",
            created,
        ),
        (
            "get",
            "/api/v1/calendar-feeds",
            Action::Read,
            "Your calendar feeds (without their addresses)",
            many,
        ),
        (
            "post",
            "/api/v1/calendar-feeds/{id}/revoke",
            Action::Update,
            "Revoke one of your calendar feeds: its address then answers 404",
            one,
        ),
    ];
    for (method, path, action, summary, response) in routes {
        reg.route(RouteInfo {
            method,
            path: path.into(),
            kind: Some(ResourceKind::CalendarFeed),
            action: Some(action),
            summary: summary.into(),
            request: None,
            response: Some(response),
            paged: false,
        });
    }
}

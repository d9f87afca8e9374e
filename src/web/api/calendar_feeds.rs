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
use crate::domain::{HearingStatus, Nation, PreTrialVisitState};
use crate::error::{AppError, AppResult};
use crate::ics::{self, EventStatus};
use crate::policy::{Action, ResourceKind};
use crate::resources::{Cases, Courts, Hearings, PreTrialVisits, Victims};
use crate::rules::Rules;
use crate::store::AnyConn;
use crate::web::auth::Authenticated;
use crate::web::ui::i18n::{text, text_with, Lang};
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

/// One entry's words: its summary, description and place.
#[derive(Debug, Clone, PartialEq)]
struct Words {
    summary: String,
    description: String,
    location: String,
}

/// An entry in the feed's language for it (see
/// [`crate::flows::notice_language`]): one language, or for "cy+en" the
/// Welsh then the English, as HMCTS writes to a court in Wales.
fn worded(language: &str, words: impl Fn(Lang) -> Words) -> Words {
    match language {
        "cy" => words(Lang::Cy),
        crate::flows::BILINGUAL => {
            let (cy, en) = (words(Lang::Cy), words(Lang::En));
            let both = |a: String, b: String, between: &str| {
                if a == b {
                    b
                } else {
                    format!("{a}{between}{b}")
                }
            };
            Words {
                summary: both(cy.summary, en.summary, " / "),
                description: both(cy.description, en.description, "\n\n"),
                location: both(cy.location, en.location, " / "),
            }
        }
        _ => words(Lang::En),
    }
}

/// A court's name in a language: its Welsh form where the notices' table
/// has one ("Llys y Goron Caerdydd").
fn court_in(lang: Lang, name: &str) -> String {
    match lang {
        Lang::Cy => crate::notify::render::value_words("cy", "court", name)
            .unwrap_or_else(|| name.to_owned()),
        Lang::En => name.to_owned(),
    }
}

/// The lines of an entry's description after its first.
fn described(lang: Lang, status: String, case_ref: &str, victim_ref: &str) -> String {
    [
        text_with(lang, "feed-status", &[("status", status)]),
        text_with(lang, "feed-case", &[("case", case_ref.to_owned())]),
        text_with(lang, "feed-victim", &[("victim", victim_ref.to_owned())]),
    ]
    .join("\n")
}

/// The events of a supporter's feed: their hearings (a long one as one
/// event per court day) and pre-trial visits from [`KEEP_PAST`] ago on,
/// read with their own context so the policy scopes them. Each entry is in
/// the language the supporter chose (`chosen`); with none, in Welsh and
/// English for a court in Wales and in English elsewhere.
pub fn feed_events(
    conn: &mut AnyConn,
    ctx: &Ctx,
    chosen: Option<&str>,
) -> AppResult<Vec<ics::Event>> {
    let since = ctx.now - KEEP_PAST;
    // court id -> (name, in Wales)
    let courts: HashMap<String, (String, bool)> = list_all::<Courts>(conn, ctx, json!({}))?
        .into_iter()
        .map(|c| (c.id, (c.name, c.nation == Nation::Wales)))
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
    // The entry's language, and its court's name in a language.
    let court = |id: &str| {
        let (name, in_wales) = courts.get(id).cloned().unzip();
        let (language, _) = crate::flows::notice_language(
            &ctx.rules.in_force(ctx.today()).notice_languages,
            chosen,
            in_wales.unwrap_or(false),
        );
        let name_in = move |lang: Lang| match &name {
            Some(name) => court_in(lang, name),
            None => text(lang, "feed-court-unknown"),
        };
        (language, name_in)
    };
    let holidays = &ctx.rules.holidays;
    let mut events = Vec::new();

    // A long hearing that began up to six weeks before may still sit.
    let earliest = since - Duration::days(42);
    let hearings = list_all::<Hearings>(conn, ctx, json!({"from": earliest.to_rfc3339()}))?;
    for h in hearings {
        let (case_ref, victim_ref) = refs(&h.case_id);
        let (language, court_name) = court(&h.court_id);
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
            let words = worded(&language, |lang| {
                let kind = labels::hearing_kind_in(lang, h.kind);
                let title = if days > 1 {
                    text_with(
                        lang,
                        "feed-day-of",
                        &[
                            ("kind", kind.clone()),
                            ("day", (i + 1).to_string()),
                            ("days", days.to_string()),
                        ],
                    )
                } else {
                    kind.clone()
                };
                let mut location = court_name(lang);
                if let Some(room) = &h.courtroom {
                    location = format!("{location}, {room}");
                }
                Words {
                    summary: format!("{title} — {case_ref} ({victim_ref})"),
                    description: format!(
                        "{kind}\n{}",
                        described(
                            lang,
                            labels::hearing_status_in(lang, h.status),
                            &case_ref,
                            &victim_ref
                        )
                    ),
                    location,
                }
            });
            events.push(ics::Event {
                uid,
                sequence: h.version,
                starts_at: start,
                ends_at: end,
                summary: words.summary,
                location: Some(words.location),
                description: Some(words.description),
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
        let (language, court_name) = court(&v.court_id);
        let status = match v.state {
            PreTrialVisitState::Cancelled => EventStatus::Cancelled,
            PreTrialVisitState::Requested => EventStatus::Tentative,
            _ => EventStatus::Confirmed,
        };
        let words = worded(&language, |lang| {
            let visit = text(lang, "feed-visit");
            Words {
                summary: format!("{visit} — {case_ref} ({victim_ref})"),
                description: format!(
                    "{visit}\n{}",
                    described(
                        lang,
                        labels::visit_state_in(lang, v.state),
                        &case_ref,
                        &victim_ref
                    )
                ),
                location: court_name(lang),
            }
        });
        events.push(ics::Event {
            uid: format!("visit-{}@courtside", v.id),
            sequence: v.version,
            starts_at: start,
            ends_at: start + Duration::minutes(agenda::VISIT_MINUTES),
            summary: words.summary,
            location: Some(words.location),
            description: Some(words.description),
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
    let chosen = crate::accounts::chosen_language(conn, &ctx.actor.user_id)?;
    let events = feed_events(conn, &ctx, chosen.as_deref())?;
    tracing::info!(feed_id = %feed_id, user_id = %ctx.actor.user_id, events = events.len(), "calendar feed served");
    let lang = chosen.as_deref().and_then(Lang::parse).unwrap_or_default();
    Ok(ics::write(
        &ics::Calendar {
            name: text(lang, "feed-name"),
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

//! Supporters' private calendar feeds: making one (its token shown once,
//! stored only as its hash), listing one's own, revoking one, and finding
//! the supporter behind a live token. The API's routes and the
//! calendar-feed page both come here, so a feed made or revoked either way
//! writes the same audit entry.

use chrono::{DateTime, Utc};
use diesel::prelude::*;
use rand::RngCore;
use serde::Serialize;

use super::Ctx;
use crate::accounts::token_hash;
use crate::audit::AuditAction;
use crate::domain::Role;
use crate::error::{AppError, AppResult};
use crate::policy::{permits, Action, Actor, ResourceKind};
use crate::store::schema::{calendar_feeds, users};
use crate::store::{self, AnyConn};

#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct CalendarFeedOut {
    pub id: String,
    pub created_at: DateTime<Utc>,
    pub revoked_at: Option<DateTime<Utc>>,
}

fn new_feed_token() -> String {
    let mut bytes = [0u8; 32];
    rand::thread_rng().fill_bytes(&mut bytes);
    format!("csf_{}", hex::encode(bytes))
}

/// Makes a feed for the actor; returns its id and token.
pub fn create_feed(conn: &mut AnyConn, ctx: &Ctx) -> AppResult<(String, String)> {
    ctx.may((ResourceKind::CalendarFeed, Action::Create, "calendar feed"))?;
    let token = new_feed_token();
    let id = store::new_id();
    store::write(conn, |conn| {
        diesel::insert_into(calendar_feeds::table)
            .values((
                calendar_feeds::id.eq(&id),
                calendar_feeds::user_id.eq(&ctx.actor.user_id),
                calendar_feeds::token_hash.eq(token_hash(&token)),
                calendar_feeds::created_at.eq(store::to_db(ctx.now)),
            ))
            .execute(conn)?;
        ctx.audit(conn, AuditAction::Create, "calendar_feeds", &id)
    })?;
    Ok((id, token))
}

/// The actor's own feeds, newest first (no tokens: only hashes are kept).
pub fn list_feeds(conn: &mut AnyConn, ctx: &Ctx) -> AppResult<Vec<CalendarFeedOut>> {
    ctx.may((ResourceKind::CalendarFeed, Action::Read, "calendar feed"))?;
    let rows: Vec<(String, chrono::NaiveDateTime, Option<chrono::NaiveDateTime>)> =
        calendar_feeds::table
            .filter(calendar_feeds::user_id.eq(&ctx.actor.user_id))
            .order((calendar_feeds::created_at.desc(), calendar_feeds::id))
            .select((
                calendar_feeds::id,
                calendar_feeds::created_at,
                calendar_feeds::revoked_at,
            ))
            .load(conn)?;
    Ok(rows
        .into_iter()
        .map(|(id, created_at, revoked_at)| CalendarFeedOut {
            id,
            created_at: store::from_db(created_at),
            revoked_at: revoked_at.map(store::from_db),
        })
        .collect())
}

/// Revokes one of the actor's own feeds (someone else's is 404).
/// Revoking twice is harmless.
pub fn revoke_feed(conn: &mut AnyConn, ctx: &Ctx, id: &str) -> AppResult<CalendarFeedOut> {
    ctx.may((ResourceKind::CalendarFeed, Action::Update, "calendar feed"))?;
    store::write(conn, |conn| {
        let mine = calendar_feeds::table
            .filter(calendar_feeds::id.eq(id))
            .filter(calendar_feeds::user_id.eq(&ctx.actor.user_id));
        let found: Option<(chrono::NaiveDateTime, Option<chrono::NaiveDateTime>)> = mine
            .select((calendar_feeds::created_at, calendar_feeds::revoked_at))
            .first(conn)
            .optional()?;
        let (created_at, revoked_at) =
            found.ok_or_else(|| AppError::NotFound("calendar feed".into()))?;
        let revoked_at = match revoked_at {
            Some(t) => t,
            None => {
                let now = store::to_db(ctx.now);
                diesel::update(mine)
                    .set(calendar_feeds::revoked_at.eq(now))
                    .execute(conn)?;
                ctx.audit(conn, AuditAction::Update, "calendar_feeds", id)?;
                now
            }
        };
        Ok(CalendarFeedOut {
            id: id.to_string(),
            created_at: store::from_db(created_at),
            revoked_at: Some(store::from_db(revoked_at)),
        })
    })
}

/// The feed and actor behind a live token, or 404.
pub fn owner(conn: &mut AnyConn, token: &str) -> AppResult<(String, Actor)> {
    let found: Option<(String, String, String, String)> = calendar_feeds::table
        .inner_join(users::table)
        .filter(calendar_feeds::token_hash.eq(token_hash(token)))
        .filter(calendar_feeds::revoked_at.is_null())
        .filter(users::active.eq(true))
        .select((
            calendar_feeds::id,
            users::id,
            users::organisation_id,
            users::role,
        ))
        .first(conn)
        .optional()?;
    let (feed_id, user_id, organisation_id, role) =
        found.ok_or_else(|| AppError::NotFound("calendar feed".into()))?;
    let role = Role::from_db(&role)?;
    // A user who is no longer a supporter has no feed.
    if !permits(role, ResourceKind::CalendarFeed, Action::Read) {
        return Err(AppError::NotFound("calendar feed".into()));
    }
    Ok((
        feed_id,
        Actor {
            user_id,
            organisation_id,
            role,
        },
    ))
}

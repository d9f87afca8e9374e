//! Bearer tokens: sign-in sessions and integration tokens, both rows of
//! `api_tokens` (kind `session` or `integration`), stored only as SHA-256
//! hashes. A token's value is seen once, when it is issued.

use chrono::{DateTime, NaiveDateTime, Utc};
use diesel::prelude::*;
use rand::RngCore;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use crate::audit::{self, AuditAction, Entry};
use crate::domain::Role;
use crate::error::{AppError, AppResult};
use crate::policy::Actor;
use crate::secret::Secret;
use crate::store::changes;
use crate::store::schema::{api_tokens, data_changes, users};
use crate::store::{self, AnyConn};

pub const SESSION: &str = "session";
pub const INTEGRATION: &str = "integration";

pub fn token_hash(token: &str) -> String {
    hex::encode(Sha256::digest(token.as_bytes()))
}

fn new_token() -> String {
    let mut bytes = [0u8; 32];
    rand::thread_rng().fill_bytes(&mut bytes);
    format!("cs_{}", hex::encode(bytes))
}

/// Issues a token for a user; only its hash is stored.
pub fn issue_token(
    conn: &mut AnyConn,
    user_id: &str,
    kind: &str,
    label: &str,
    now: DateTime<Utc>,
    expires_at: Option<DateTime<Utc>>,
) -> AppResult<Secret> {
    let token = new_token();
    diesel::insert_into(api_tokens::table)
        .values((
            api_tokens::id.eq(store::new_id()),
            api_tokens::user_id.eq(user_id),
            api_tokens::kind.eq(kind),
            api_tokens::label.eq(label),
            api_tokens::token_hash.eq(token_hash(&token)),
            api_tokens::created_at.eq(store::to_db(now)),
            api_tokens::expires_at.eq(expires_at.map(store::to_db)),
        ))
        .execute(conn)?;
    Ok(Secret::new(token))
}

/// Finds the live token's user.
pub fn actor_for_token(conn: &mut AnyConn, token: &str, now: DateTime<Utc>) -> AppResult<Actor> {
    Ok(me_for_token(conn, token, now)?.actor())
}

/// The person a live token belongs to, with their name and page language,
/// in one statement (a page's session reads this on every request).
pub fn me_for_token(conn: &mut AnyConn, token: &str, now: DateTime<Utc>) -> AppResult<Me> {
    Ok(me_and_changes_for_token(conn, token, now)?.0)
}

/// The person a live token belongs to, and the database's count of
/// changes as it stood then ([`changes::Count`]), in one statement: a
/// request that works from kept records (the week) checks its token and
/// learns whether they still hold in one trip to the database.
pub fn me_and_changes_for_token(
    conn: &mut AnyConn,
    token: &str,
    now: DateTime<Utc>,
) -> AppResult<(Me, changes::Count)> {
    let now = store::to_db(now);
    type Found = (String, String, String, String, Option<String>, i64);
    let found: Option<Found> = api_tokens::table
        .inner_join(users::table)
        // The count's one row, beside the token's.
        .inner_join(data_changes::table.on(data_changes::id.eq(changes::ROW)))
        .filter(api_tokens::token_hash.eq(token_hash(token)))
        .filter(api_tokens::revoked_at.is_null())
        .filter(
            api_tokens::expires_at
                .is_null()
                .or(api_tokens::expires_at.gt(now)),
        )
        .filter(users::active.eq(true))
        .select((
            users::id,
            users::organisation_id,
            users::role,
            users::display_name,
            users::page_language,
            data_changes::n,
        ))
        // No `LIMIT ?` (the hash is unique): SQLite reads a bound LIMIT
        // when planning, so a statement with one is parsed and planned
        // again on every run instead of reused (see `store::changes`).
        .load(conn)?
        .pop();
    let (user_id, organisation_id, role, display_name, page_language, n) =
        found.ok_or(AppError::Unauthenticated)?;
    let me = Me {
        user_id,
        organisation_id,
        role: Role::from_db(&role)?,
        display_name,
        page_language,
    };
    Ok((me, changes::Count::read(n)))
}

/// Revokes a token (signing out); unknown tokens are ignored.
pub fn revoke_token(conn: &mut AnyConn, token: &str, now: DateTime<Utc>) -> AppResult<()> {
    diesel::update(api_tokens::table.filter(api_tokens::token_hash.eq(token_hash(token))))
        .set(api_tokens::revoked_at.eq(store::to_db(now)))
        .execute(conn)?;
    Ok(())
}

#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct Me {
    pub user_id: String,
    pub organisation_id: String,
    pub role: Role,
    pub display_name: String,
    /// The language they chose for the pages (`en`, `cy`), if any.
    pub page_language: Option<String>,
}

impl Me {
    /// Who is acting, for the rules.
    pub fn actor(&self) -> Actor {
        Actor {
            user_id: self.user_id.clone(),
            organisation_id: self.organisation_id.clone(),
            role: self.role,
        }
    }
}

/// The signed-in person's own name, role and organisation.
pub fn who_am_i(conn: &mut AnyConn, actor: Actor) -> AppResult<Me> {
    let (display_name, page_language): (String, Option<String>) = users::table
        .find(&actor.user_id)
        .select((users::display_name, users::page_language))
        .first(conn)?;
    Ok(Me {
        user_id: actor.user_id,
        organisation_id: actor.organisation_id,
        role: actor.role,
        display_name,
        page_language,
    })
}

/// One sign-in session (never its token).
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct SessionOut {
    pub id: String,
    pub user_id: String,
    pub created_at: DateTime<Utc>,
    pub expires_at: Option<DateTime<Utc>>,
    pub revoked_at: Option<DateTime<Utc>>,
}

/// One integration token, without its value.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct TokenOut {
    pub id: String,
    pub user_id: String,
    pub label: String,
    pub created_at: DateTime<Utc>,
    pub expires_at: Option<DateTime<Utc>>,
    pub revoked_at: Option<DateTime<Utc>>,
}

/// A token just issued: the only time its value is shown.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct IssuedToken {
    /// Send as `Authorization: Bearer <token>`; it is not stored and
    /// cannot be shown again.
    #[serde(serialize_with = "Secret::serialize_exposed")]
    #[schema(value_type = String)]
    pub token: Secret,
    #[serde(flatten)]
    pub record: TokenOut,
}

#[derive(Debug, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct TokenInput {
    /// What the token is for, e.g. the integration's name (1 to 100
    /// characters).
    pub label: String,
    /// When the token stops working; none: until revoked.
    #[serde(default)]
    pub expires_at: Option<DateTime<Utc>>,
}

#[derive(Queryable, Selectable)]
#[diesel(table_name = api_tokens)]
struct Row {
    id: String,
    user_id: String,
    label: String,
    created_at: NaiveDateTime,
    expires_at: Option<NaiveDateTime>,
    revoked_at: Option<NaiveDateTime>,
}

fn load(conn: &mut AnyConn, user_id: &str, kind: &str) -> AppResult<Vec<Row>> {
    Ok(api_tokens::table
        .filter(api_tokens::user_id.eq(user_id))
        .filter(api_tokens::kind.eq(kind))
        .select(Row::as_select())
        .order(api_tokens::created_at.desc())
        .load(conn)?)
}

fn find(conn: &mut AnyConn, id: &str, kind: &str) -> AppResult<Option<Row>> {
    Ok(api_tokens::table
        .filter(api_tokens::id.eq(id))
        .filter(api_tokens::kind.eq(kind))
        .select(Row::as_select())
        .first(conn)
        .optional()?)
}

fn session_out(r: Row) -> SessionOut {
    let TokenOut {
        id,
        user_id,
        created_at,
        expires_at,
        revoked_at,
        ..
    } = token_out(r);
    SessionOut {
        id,
        user_id,
        created_at,
        expires_at,
        revoked_at,
    }
}

fn token_out(r: Row) -> TokenOut {
    TokenOut {
        id: r.id,
        user_id: r.user_id,
        label: r.label,
        created_at: store::from_db(r.created_at),
        expires_at: r.expires_at.map(store::from_db),
        revoked_at: r.revoked_at.map(store::from_db),
    }
}

/// Live sessions of a user (not revoked, not expired), newest first:
/// one's own, or anyone's for an administrator.
pub fn live_sessions(
    conn: &mut AnyConn,
    actor: &Actor,
    user_id: Option<&str>,
    now: DateTime<Utc>,
) -> AppResult<Vec<SessionOut>> {
    let user_id = user_id.unwrap_or(&actor.user_id);
    if user_id != actor.user_id && actor.role != Role::Admin {
        return Err(AppError::Forbidden("read other people's sessions".into()));
    }
    let now = store::to_db(now);
    Ok(load(conn, user_id, SESSION)?
        .into_iter()
        .filter(|r| r.revoked_at.is_none() && r.expires_at.is_none_or(|e| e > now))
        .map(session_out)
        .collect())
}

fn revoke(conn: &mut AnyConn, id: &str, now: DateTime<Utc>) -> AppResult<()> {
    diesel::update(
        api_tokens::table
            .filter(api_tokens::id.eq(id))
            .filter(api_tokens::revoked_at.is_null()),
    )
    .set(api_tokens::revoked_at.eq(store::to_db(now)))
    .execute(conn)?;
    Ok(())
}

/// Ends a session: your own, or anyone's for an administrator. Someone
/// else's session is "not found" to everyone else.
pub fn revoke_session(
    conn: &mut AnyConn,
    actor: &Actor,
    id: &str,
    now: DateTime<Utc>,
) -> AppResult<SessionOut> {
    store::write(conn, |conn| {
        let row = find(conn, id, SESSION)?
            .filter(|r| r.user_id == actor.user_id || actor.role == Role::Admin)
            .ok_or_else(|| AppError::NotFound("session".into()))?;
        revoke(conn, id, now)?;
        audit::append(
            conn,
            now,
            Entry::new(AuditAction::Update, Some(&actor.user_id), "sessions", id),
        )?;
        let row = find(conn, id, SESSION)?.unwrap_or(row);
        Ok(session_out(row))
    })
}

/// Checks a request for an integration token.
pub fn check_input(input: &TokenInput, now: DateTime<Utc>) -> AppResult<()> {
    let mut v = crate::validate::Validator::new();
    let label = input.label.trim();
    v.check(
        !label.is_empty() && label.chars().count() <= 100,
        "label",
        "must be 1 to 100 characters",
    );
    v.check(
        !label.chars().any(char::is_control),
        "label",
        "must not contain control characters",
    );
    if let Some(expires_at) = input.expires_at {
        v.check(expires_at > now, "expires_at", "must be in the future");
    }
    v.finish()
}

/// Issues an integration token for an active user; it acts as that user,
/// with that user's role and relationships.
pub fn issue_integration_token(
    conn: &mut AnyConn,
    actor: &Actor,
    user_id: &str,
    input: TokenInput,
    now: DateTime<Utc>,
) -> AppResult<IssuedToken> {
    store::write(conn, |conn| {
        let active: bool = users::table
            .find(user_id)
            .select(users::active)
            .first(conn)
            .optional()?
            .ok_or_else(|| AppError::NotFound("user".into()))?;
        if !active {
            return Err(AppError::field(
                "user",
                "is deactivated; tokens can only be issued to active users",
            ));
        }
        let label = input.label.trim().to_string();
        let token = issue_token(conn, user_id, INTEGRATION, &label, now, input.expires_at)?;
        let row = api_tokens::table
            .filter(api_tokens::token_hash.eq(token_hash(token.expose())))
            .select((
                api_tokens::id,
                api_tokens::user_id,
                api_tokens::label,
                api_tokens::created_at,
                api_tokens::expires_at,
                api_tokens::revoked_at,
            ))
            .first(conn)?;
        let record = token_out(row);
        audit::append(
            conn,
            now,
            Entry::new(
                AuditAction::Create,
                Some(&actor.user_id),
                "tokens",
                &record.id,
            ),
        )?;
        Ok(IssuedToken { token, record })
    })
}

/// A user's integration tokens, newest first (never their values).
pub fn tokens_of(conn: &mut AnyConn, user_id: &str) -> AppResult<Vec<TokenOut>> {
    let exists = users::table
        .find(user_id)
        .select(users::id)
        .first::<String>(conn)
        .optional()?
        .is_some();
    if !exists {
        return Err(AppError::NotFound("user".into()));
    }
    Ok(load(conn, user_id, INTEGRATION)?
        .into_iter()
        .map(token_out)
        .collect())
}

pub fn revoke_integration_token(
    conn: &mut AnyConn,
    actor: &Actor,
    id: &str,
    now: DateTime<Utc>,
) -> AppResult<TokenOut> {
    store::write(conn, |conn| {
        find(conn, id, INTEGRATION)?.ok_or_else(|| AppError::NotFound("token".into()))?;
        revoke(conn, id, now)?;
        audit::append(
            conn,
            now,
            Entry::new(AuditAction::Update, Some(&actor.user_id), "tokens", id),
        )?;
        let row = find(conn, id, INTEGRATION)?.ok_or_else(|| AppError::NotFound("token".into()))?;
        Ok(token_out(row))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_are_random_prefixed_and_stored_only_as_a_hash() {
        let a = new_token();
        assert!(a.starts_with("cs_") && a.len() == 3 + 64, "{a}");
        assert_ne!(a, new_token());
        let hash = token_hash(&a);
        assert_eq!(hash.len(), 64);
        assert!(!hash.contains(&a[3..]));
    }
}

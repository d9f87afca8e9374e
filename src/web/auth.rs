//! Who is calling: bearer tokens (from sign-in, or issued to an
//! integration), stored only as SHA-256 hashes, checked on every request.

use std::future::Future;
use std::pin::Pin;

use actix_web::dev::Payload;
use actix_web::{web, FromRequest, HttpRequest, HttpResponse};
use argon2::password_hash::{PasswordHash, PasswordVerifier};
use argon2::Argon2;
use chrono::{DateTime, Duration, Utc};
use diesel::prelude::*;
use rand::RngCore;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use crate::domain::Role;
use crate::error::{AppError, AppResult};
use crate::policy::Actor;
use crate::store::schema::{api_tokens, users};
use crate::store::{self, AnyConn};
use crate::web::api::resource::run;
use crate::web::extract::Body;
use crate::web::lockout;
use crate::web::AppState;

/// The signed-in actor, or a 401.
pub struct Authenticated(pub Actor);

pub use crate::crypto::hash_password;

/// A hash of a random value, checked when there is no account so
/// that unknown emails take as long as known ones.
static TIMING_HASH: std::sync::LazyLock<String> = std::sync::LazyLock::new(|| {
    hash_password(&format!("{:x}", rand::random::<u128>())).unwrap_or_default()
});

fn password_matches(password: &str, stored: &str) -> bool {
    PasswordHash::new(stored)
        .map(|parsed| {
            Argon2::default()
                .verify_password(password.as_bytes(), &parsed)
                .is_ok()
        })
        .unwrap_or(false)
}

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
) -> AppResult<String> {
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
    Ok(token)
}

/// Finds the live token's user.
pub fn actor_for_token(conn: &mut AnyConn, token: &str, now: DateTime<Utc>) -> AppResult<Actor> {
    let now = store::to_db(now);
    let found: Option<(String, String, String)> = api_tokens::table
        .inner_join(users::table)
        .filter(api_tokens::token_hash.eq(token_hash(token)))
        .filter(api_tokens::revoked_at.is_null())
        .filter(
            api_tokens::expires_at
                .is_null()
                .or(api_tokens::expires_at.gt(now)),
        )
        .filter(users::active.eq(true))
        .select((users::id, users::organisation_id, users::role))
        .first(conn)
        .optional()?;
    let (user_id, organisation_id, role) = found.ok_or(AppError::Unauthenticated)?;
    Ok(Actor {
        user_id,
        organisation_id,
        role: Role::from_db(&role)?,
    })
}

fn bearer(req: &HttpRequest) -> Option<String> {
    let value = req
        .headers()
        .get(actix_web::http::header::AUTHORIZATION)?
        .to_str()
        .ok()?;
    let token = value.strip_prefix("Bearer ")?.trim();
    (!token.is_empty()).then(|| token.to_string())
}

impl FromRequest for Authenticated {
    type Error = AppError;
    type Future = Pin<Box<dyn Future<Output = Result<Self, AppError>>>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        let token = bearer(req);
        let state = req.app_data::<web::Data<AppState>>().cloned();
        Box::pin(async move {
            let token = token.ok_or(AppError::Unauthenticated)?;
            let state = state.ok_or_else(|| AppError::Internal("no app state".into()))?;
            let now = state.clock.now();
            let actor = run(&state, move |conn| actor_for_token(conn, &token, now)).await?;
            tracing::Span::current().record("user_id", actor.user_id.as_str());
            Ok(Authenticated(actor))
        })
    }
}

#[derive(Debug, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct LoginInput {
    pub email: String,
    pub password: String,
}

#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct LoginOutput {
    /// Send as `Authorization: Bearer <token>`.
    pub token: String,
    pub expires_at: DateTime<Utc>,
    pub user_id: String,
    pub role: Role,
}

/// Checks a password; the same answer whether the email or the password
/// was wrong. Throttled per account only; the API passes the client
/// address too (see [`sign_in_from`]).
pub fn sign_in(
    conn: &mut AnyConn,
    email: &str,
    password: &str,
    now: DateTime<Utc>,
    session_hours: i64,
) -> AppResult<LoginOutput> {
    sign_in_from(conn, email, password, None, now, session_hours)
}

/// Checks a password, throttled per account and per client address (see
/// `web::lockout`): while either is locked the answer is
/// [`AppError::TooManyAttempts`] without looking at the password, so even
/// the right one is refused until the lock ends. Every attempt is kept
/// (hashed keys only); logs carry the user id or the email's hash, never
/// the email.
pub fn sign_in_from(
    conn: &mut AnyConn,
    email: &str,
    password: &str,
    address: Option<&str>,
    now: DateTime<Utc>,
    session_hours: i64,
) -> AppResult<LoginOutput> {
    let account = lockout::account_key(email);
    let address = address.map(lockout::address_key);
    let address = address.as_deref();
    let found: Option<(String, String, Option<String>)> = users::table
        .filter(users::email.eq(email.trim().to_lowercase()))
        .filter(users::active.eq(true))
        .select((users::id, users::role, users::password_hash))
        .first(conn)
        .optional()?;
    let user_id = found.as_ref().map(|(id, _, _)| id.clone());
    // For logs: the user id when the account exists, else a prefix of the
    // email's hash.
    let who = user_id
        .clone()
        .unwrap_or_else(|| format!("unknown:{}", &account[..12]));
    refuse_if_locked(
        conn,
        &account,
        address,
        user_id.as_deref(),
        &who,
        now,
        "sign-in",
    )?;
    let verified = match &found {
        Some((id, role, Some(hash))) if password_matches(password, hash) => {
            Some((id.clone(), role.clone()))
        }
        Some((_, _, Some(_))) => None,
        _ => {
            // As slow as a real check, so timing does not tell whether the
            // account exists.
            let _ = password_matches(password, &TIMING_HASH);
            None
        }
    };
    let Some((user_id, role)) = verified else {
        lockout::record(
            conn,
            &account,
            address,
            user_id.as_deref(),
            lockout::Outcome::Failure,
            now,
        )?;
        tracing::warn!(account = %who, "sign-in failed");
        // The failure that completes a lock says so at once.
        if let Some(until) = lockout::lock_on(conn, &account, address, now)? {
            return Err(AppError::TooManyAttempts {
                retry_after_secs: lockout::retry_after_seconds(until, now),
            });
        }
        return Err(AppError::field(
            "password",
            "the email or password is not recognised",
        ));
    };
    lockout::record(
        conn,
        &account,
        address,
        Some(&user_id),
        lockout::Outcome::Success,
        now,
    )?;
    start_session(conn, user_id, &role, now, session_hours)
}

/// The session every sign-in ends with (password or OpenID Connect): a
/// token lasting `session_hours`, of which only the hash is stored.
fn start_session(
    conn: &mut AnyConn,
    user_id: String,
    role: &str,
    now: DateTime<Utc>,
    session_hours: i64,
) -> AppResult<LoginOutput> {
    let expires_at = now + Duration::hours(session_hours);
    let token = issue_token(conn, &user_id, "session", "sign-in", now, Some(expires_at))?;
    Ok(LoginOutput {
        token,
        expires_at,
        user_id,
        role: Role::from_db(role)?,
    })
}

/// Refuses (and records the refusal) while the account or the address is
/// locked after too many failures; the same rule for every way of signing
/// in. `who` is for the log: a user id, or a prefix of the email's hash.
fn refuse_if_locked(
    conn: &mut AnyConn,
    account: &str,
    address: Option<&str>,
    user_id: Option<&str>,
    who: &str,
    now: DateTime<Utc>,
    what: &str,
) -> AppResult<()> {
    if let Some(until) = lockout::lock_on(conn, account, address, now)? {
        lockout::record(
            conn,
            account,
            address,
            user_id,
            lockout::Outcome::Locked,
            now,
        )?;
        tracing::warn!(account = %who, "{what} refused: locked after too many failures");
        return Err(AppError::TooManyAttempts {
            retry_after_secs: lockout::retry_after_seconds(until, now),
        });
    }
    Ok(())
}

/// Signs in the active user with this email, which an OpenID provider has
/// verified (the caller checked the ID token). Throttled and recorded in
/// `sign_in_attempts` exactly like a password sign-in; the same answer
/// whether the account is missing or inactive. Never creates a user.
pub fn sign_in_verified_email(
    conn: &mut AnyConn,
    email: &str,
    address: Option<&str>,
    now: DateTime<Utc>,
    session_hours: i64,
) -> AppResult<LoginOutput> {
    let account = lockout::account_key(email);
    let address = address.map(lockout::address_key);
    let address = address.as_deref();
    let found: Option<(String, String)> = users::table
        .filter(users::email.eq(email.trim().to_lowercase()))
        .filter(users::active.eq(true))
        .select((users::id, users::role))
        .first(conn)
        .optional()?;
    let user_id = found.as_ref().map(|(id, _)| id.clone());
    let who = user_id
        .clone()
        .unwrap_or_else(|| format!("unknown:{}", &account[..12]));
    refuse_if_locked(
        conn,
        &account,
        address,
        user_id.as_deref(),
        &who,
        now,
        "OpenID sign-in",
    )?;
    let Some((user_id, role)) = found else {
        lockout::record(
            conn,
            &account,
            address,
            None,
            lockout::Outcome::Failure,
            now,
        )?;
        tracing::warn!(account = %who, "OpenID sign-in failed: no active account");
        return Err(AppError::field(
            "email",
            "the email is not recognised for sign-in",
        ));
    };
    lockout::record(
        conn,
        &account,
        address,
        Some(&user_id),
        lockout::Outcome::Success,
        now,
    )?;
    start_session(conn, user_id, &role, now, session_hours)
}

/// Records an OpenID sign-in whose ID token was refused (there is no
/// trusted email, so it counts against the client address, and against
/// one shared key for refused tokens).
pub fn record_refused_token(
    conn: &mut AnyConn,
    address: Option<&str>,
    now: DateTime<Utc>,
) -> AppResult<()> {
    let account = lockout::account_key("(openid: token refused)");
    let address = address.map(lockout::address_key);
    lockout::record(
        conn,
        &account,
        address.as_deref(),
        None,
        lockout::Outcome::Failure,
        now,
    )
}

/// The client's address: the TCP peer, or, when the peer is one of
/// `COURTSIDE_TRUSTED_PROXIES`, the right-most untrusted `X-Forwarded-For`
/// entry (see `web::client_ip`). Anyone else's forwarded headers are
/// ignored, since anyone can send them.
pub fn client_address(req: &HttpRequest) -> Option<String> {
    let state = req.app_data::<web::Data<AppState>>();
    let none = crate::web::client_ip::TrustedProxies::default();
    let trusted = state.map_or(&none, |s| &s.config.trusted_proxies);
    crate::web::client_ip::for_request(req, trusted).map(|ip| ip.to_string())
}

pub async fn login(
    state: web::Data<AppState>,
    req: HttpRequest,
    Body(input): Body<LoginInput>,
) -> AppResult<HttpResponse> {
    let now = state.clock.now();
    let hours = state.config.session_hours;
    let address = client_address(&req);
    let out = run(&state, move |conn| {
        sign_in_from(
            conn,
            &input.email,
            &input.password,
            address.as_deref(),
            now,
            hours,
        )
    })
    .await?;
    tracing::info!(user_id = %out.user_id, "signed in");
    Ok(HttpResponse::Ok().json(out))
}

pub async fn logout(
    state: web::Data<AppState>,
    req: HttpRequest,
    _who: Authenticated,
) -> AppResult<HttpResponse> {
    let token = bearer(&req).ok_or(AppError::Unauthenticated)?;
    let now = state.clock.now();
    run(&state, move |conn| revoke_token(conn, &token, now)).await?;
    Ok(HttpResponse::NoContent().finish())
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
}

pub async fn me(state: web::Data<AppState>, who: Authenticated) -> AppResult<HttpResponse> {
    let actor = who.0;
    let out = run(&state, move |conn| who_am_i(conn, actor)).await?;
    Ok(HttpResponse::Ok().json(out))
}

/// The signed-in person's own name, role and organisation.
pub fn who_am_i(conn: &mut AnyConn, actor: Actor) -> AppResult<Me> {
    let display_name: String = users::table
        .find(&actor.user_id)
        .select(users::display_name)
        .first(conn)?;
    Ok(Me {
        user_id: actor.user_id,
        organisation_id: actor.organisation_id,
        role: actor.role,
        display_name,
    })
}

//! Signing in, by password or with an email an OpenID provider verified:
//! one refusal rule for both (see [`super::throttle`]), every attempt
//! kept under hashed keys, and a session token at the end.

use chrono::{DateTime, Duration, Utc};
use diesel::prelude::*;
use serde::Serialize;

use crate::domain::Role;
use crate::error::{AppError, AppResult};
use crate::secret::Secret;
use crate::store::schema::users;
use crate::store::AnyConn;

use super::notices;
use super::passwords::{password_matches, waste_a_check};
use super::throttle as lockout;
use super::tokens::{issue_token, SESSION};

/// A new session.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct LoginOutput {
    /// Send as `Authorization: Bearer <token>`.
    #[serde(serialize_with = "Secret::serialize_exposed")]
    #[schema(value_type = String)]
    pub token: Secret,
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

/// Checks a password, throttled by account and client address (see
/// [`super::throttle`]): while a wait runs the answer is
/// [`AppError::TooManyAttempts`] without looking at the password, so even
/// the right one is refused until the wait ends. Every attempt is kept
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
    let found = active_account(conn, email)?;
    let user_id = found.as_ref().map(|(id, _, _)| id.clone());
    let who = refuse_if_locked(conn, &account, address, user_id.as_deref(), now, "sign-in")?;
    let verified = match &found {
        Some((id, role, Some(hash))) if password_matches(password, hash) => {
            Some((id.clone(), role.clone()))
        }
        Some((_, _, Some(_))) => None,
        _ => {
            waste_a_check(password);
            None
        }
    };
    let Some((user_id, role)) = verified else {
        tracing::warn!(account = %who, "sign-in failed");
        fail(conn, &account, address, user_id.as_deref(), now)?;
        return Err(AppError::field(
            "password",
            "the email or password is not recognised",
        ));
    };
    let from = (account.as_str(), address);
    start_session(conn, from, user_id, &role, now, session_hours)
}

/// Records a failure; tells the account's owner when its failures reach
/// [`lockout::WARN_AFTER`]; and when the failure starts (or lengthens) a
/// wait, says so at once with [`AppError::TooManyAttempts`].
fn fail(
    conn: &mut AnyConn,
    account: &str,
    address: Option<&str>,
    user_id: Option<&str>,
    now: DateTime<Utc>,
) -> AppResult<()> {
    lockout::record(
        conn,
        account,
        address,
        user_id,
        lockout::Outcome::Failure,
        now,
    )?;
    let seen = lockout::seen(conn, account, address, now)?;
    if let (Some(user_id), Some((first, last))) = (user_id, lockout::warn_now(&seen.account, now)) {
        notices::plan_sign_in_warning(conn, user_id, lockout::WARN_AFTER, first, last, now)?;
    }
    if let Some(until) = lockout::decide(&seen, now) {
        return Err(AppError::TooManyAttempts {
            retry_after_secs: lockout::retry_after_seconds(until, now),
        });
    }
    Ok(())
}

/// The session every sign-in ends with (password or OpenID Connect): a
/// token lasting `session_hours`, of which only the hash is stored.
/// Records the successful sign-in (from the account and address keys) and
/// opens the session.
fn start_session(
    conn: &mut AnyConn,
    (account, address): (&str, Option<&str>),
    user_id: String,
    role: &str,
    now: DateTime<Utc>,
    session_hours: i64,
) -> AppResult<LoginOutput> {
    let success = lockout::Outcome::Success;
    lockout::record(conn, account, address, Some(&user_id), success, now)?;
    let expires_at = now + Duration::hours(session_hours);
    let token = issue_token(conn, &user_id, SESSION, "sign-in", now, Some(expires_at))?;
    Ok(LoginOutput {
        token,
        expires_at,
        user_id,
        role: Role::from_db(role)?,
    })
}

/// The active account with this email: its id, role and password hash.
fn active_account(
    conn: &mut AnyConn,
    email: &str,
) -> AppResult<Option<(String, String, Option<String>)>> {
    Ok(users::table
        .filter(users::email.eq(email.trim().to_lowercase()))
        .filter(users::active.eq(true))
        .select((users::id, users::role, users::password_hash))
        .first(conn)
        .optional()?)
}

/// Refuses (and records the refusal) while a wait runs after repeated
/// failures; the same rule for every way of signing in. Otherwise returns
/// who to name in the log: the user id when the account exists, else a
/// prefix of the email's hash (`account`).
fn refuse_if_locked(
    conn: &mut AnyConn,
    account: &str,
    address: Option<&str>,
    user_id: Option<&str>,
    now: DateTime<Utc>,
    what: &str,
) -> AppResult<String> {
    let who = user_id.map_or_else(|| format!("unknown:{}", &account[..12]), str::to_string);
    if let Some(until) = lockout::lock_on(conn, account, address, now)? {
        lockout::record(
            conn,
            account,
            address,
            user_id,
            lockout::Outcome::Locked,
            now,
        )?;
        tracing::warn!(account = %who, "{what} refused: waiting after repeated failures");
        return Err(AppError::TooManyAttempts {
            retry_after_secs: lockout::retry_after_seconds(until, now),
        });
    }
    Ok(who)
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
    let found = active_account(conn, email)?.map(|(id, role, _)| (id, role));
    let user_id = found.as_ref().map(|(id, _)| id.clone());
    let who = refuse_if_locked(
        conn,
        &account,
        address,
        user_id.as_deref(),
        now,
        "OpenID sign-in",
    )?;
    let Some((user_id, role)) = found else {
        tracing::warn!(account = %who, "OpenID sign-in failed: no active account");
        fail(conn, &account, address, None, now)?;
        return Err(AppError::field(
            "email",
            "the email is not recognised for sign-in",
        ));
    };
    let from = (account.as_str(), address);
    start_session(conn, from, user_id, &role, now, session_hours)
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

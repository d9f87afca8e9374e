//! Started OpenID sign-ins, kept server-side until the provider sends the
//! browser back.
//!
//! Why a table rather than a signed cookie: a row can be used exactly
//! once (the callback deletes it, and only the request whose delete
//! removed it goes on), it is shared by every instance on one database,
//! and the nonce and PKCE verifier never leave the server. The browser
//! holds only a random value in a short-lived cookie; its hash is kept
//! with the row, so a callback address replayed in another browser (a
//! login-forgery attempt) is refused. States and cookie values are stored
//! only as SHA-256 hashes.

use chrono::{DateTime, Duration, Utc};
use diesel::prelude::*;

use crate::error::AppResult;
use crate::store::schema::oidc_pending;
use crate::store::{self, conn::write, AnyConn};

use super::digest;

/// How long a started sign-in waits for the provider.
pub const LIFETIME: Duration = Duration::minutes(10);

/// What the callback needs from the start.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pending {
    pub nonce: String,
    pub pkce_verifier: String,
}

/// Keeps a started sign-in, and clears those that have expired.
pub fn save(
    conn: &mut AnyConn,
    state: &str,
    browser: &str,
    pending: &Pending,
    now: DateTime<Utc>,
) -> AppResult<()> {
    write(conn, |conn| {
        diesel::delete(oidc_pending::table.filter(oidc_pending::expires_at.le(store::to_db(now))))
            .execute(conn)?;
        diesel::insert_into(oidc_pending::table)
            .values((
                oidc_pending::state_hash.eq(digest(state)),
                oidc_pending::browser_hash.eq(digest(browser)),
                oidc_pending::nonce.eq(&pending.nonce),
                oidc_pending::pkce_verifier.eq(&pending.pkce_verifier),
                oidc_pending::created_at.eq(store::to_db(now)),
                oidc_pending::expires_at.eq(store::to_db(now + LIFETIME)),
            ))
            .execute(conn)?;
        Ok(())
    })
}

/// Takes the sign-in started with `state`, once: the row is deleted
/// whatever happens next. `None` when there is none (never started,
/// already used, or taken by a concurrent request), when it has expired,
/// or when `browser` is not the browser that started it.
pub fn take(
    conn: &mut AnyConn,
    state: &str,
    browser: Option<&str>,
    now: DateTime<Utc>,
) -> AppResult<Option<Pending>> {
    let key = digest(state);
    write(conn, |conn| {
        let row: Option<(String, String, String, chrono::NaiveDateTime)> = oidc_pending::table
            .filter(oidc_pending::state_hash.eq(&key))
            .select((
                oidc_pending::browser_hash,
                oidc_pending::nonce,
                oidc_pending::pkce_verifier,
                oidc_pending::expires_at,
            ))
            .first(conn)
            .optional()?;
        let Some((browser_hash, nonce, pkce_verifier, expires_at)) = row else {
            return Ok(None);
        };
        let removed = diesel::delete(oidc_pending::table.filter(oidc_pending::state_hash.eq(&key)))
            .execute(conn)?;
        let same_browser = browser.is_some_and(|b| digest(b) == browser_hash);
        let live = store::from_db(expires_at) > now;
        Ok((removed == 1 && same_browser && live).then_some(Pending {
            nonce,
            pkce_verifier,
        }))
    })
}

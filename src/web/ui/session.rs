//! Sessions and anti-forgery tokens for the pages.
//!
//! - The session cookie holds a bearer token issued by `accounts::sign_in` (so
//!   only its SHA-256 hash is stored, and signing out revokes it exactly as
//!   the API's logout does). It is `HttpOnly`, `SameSite=Strict`, `Secure`
//!   and `Path=/`, and lasts as long as the browser session; the token
//!   itself expires after `session_hours`.
//! - Every form carries a hidden `csrf_token`: HMAC-SHA256, keyed with the
//!   server's form secret, of the session token. Every POST is checked
//!   before anything else is read from it; a missing or wrong token is a
//!   403 page. The sign-in form, which has no session yet, is tied the same
//!   way to a random pre-session cookie.

use std::future::Future;
use std::pin::Pin;
use std::sync::LazyLock;

use actix_web::cookie::{Cookie, SameSite};
use actix_web::dev::Payload;
use actix_web::{web, FromRequest, HttpRequest};
use rand::RngCore;
use sha2::{Digest, Sha256};

use crate::accounts::me_and_changes_for_token;
use crate::domain::Role;
use crate::error::AppError;
use crate::policy::Actor;
use crate::web::api::resource::run;
use crate::web::AppState;

use super::forms::FormData;
use super::i18n::Lang;
use super::PageError;

pub const SESSION_COOKIE: &str = "courtside_session";
pub const SIGN_IN_COOKIE: &str = "courtside_sign_in";
pub const CSRF_FIELD: &str = "csrf_token";
/// The language chosen with the switch before signing in (`en`, `cy`).
pub const LANG_COOKIE: &str = "courtside_lang";

/// The secret used when the configuration gives none: random, per process.
static PROCESS_SECRET: LazyLock<[u8; 32]> = LazyLock::new(|| {
    let mut bytes = [0u8; 32];
    rand::thread_rng().fill_bytes(&mut bytes);
    bytes
});

fn secret(state: &AppState) -> Vec<u8> {
    match &state.config.form_secret {
        Some(s) if !s.is_empty() => s.expose().as_bytes().to_vec(),
        _ => PROCESS_SECRET.to_vec(),
    }
}

/// HMAC-SHA256 (RFC 2104).
pub fn hmac_sha256(key: &[u8], message: &[u8]) -> [u8; 32] {
    const BLOCK: usize = 64;
    let mut k = [0u8; BLOCK];
    if key.len() > BLOCK {
        k[..32].copy_from_slice(&Sha256::digest(key));
    } else {
        k[..key.len()].copy_from_slice(key);
    }
    let mut inner_pad = [0x36u8; BLOCK];
    let mut outer_pad = [0x5cu8; BLOCK];
    for i in 0..BLOCK {
        inner_pad[i] ^= k[i];
        outer_pad[i] ^= k[i];
    }
    let inner = Sha256::new()
        .chain_update(inner_pad)
        .chain_update(message)
        .finalize();
    Sha256::new()
        .chain_update(outer_pad)
        .chain_update(inner)
        .finalize()
        .into()
}

/// Compares without stopping at the first difference.
fn same(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

/// The form token for a session (or pre-session) value.
pub fn csrf_token(state: &AppState, purpose: &str, value: &str) -> String {
    let message = format!("{purpose}\n{value}");
    hex::encode(hmac_sha256(&secret(state), message.as_bytes()))
}

pub(crate) fn csrf_matches(
    state: &AppState,
    purpose: &str,
    value: &str,
    sent: Option<&str>,
) -> bool {
    let expected = csrf_token(state, purpose, value);
    sent.is_some_and(|s| same(expected.as_bytes(), s.trim().as_bytes()))
}

fn cookie<'a>(name: &'a str, value: String) -> Cookie<'a> {
    Cookie::build(name, value)
        .http_only(true)
        .secure(true)
        .same_site(SameSite::Strict)
        .path("/")
        .finish()
}

pub fn session_cookie(token: String) -> Cookie<'static> {
    cookie(SESSION_COOKIE, token)
}

pub fn removal(name: &'static str) -> Cookie<'static> {
    let mut c = cookie(name, String::new());
    c.make_removal();
    c
}

/// A random value for the sign-in form's pre-session cookie.
pub fn new_pre_session() -> String {
    let mut bytes = [0u8; 32];
    rand::thread_rng().fill_bytes(&mut bytes);
    hex::encode(bytes)
}

pub fn sign_in_cookie(value: String) -> Cookie<'static> {
    cookie(SIGN_IN_COOKIE, value)
}

/// The pre-sign-in language cookie. It lasts a year, so the sign-in page
/// is in the same language next time.
pub fn lang_cookie(lang: Lang) -> Cookie<'static> {
    let mut c = cookie(LANG_COOKIE, lang.code().to_owned());
    c.set_max_age(actix_web::cookie::time::Duration::days(365));
    c
}

/// The language the pre-sign-in cookie names; English without one.
pub fn cookie_lang(req: &HttpRequest) -> Lang {
    req.cookie(LANG_COOKIE)
        .and_then(|c| Lang::parse(c.value()))
        .unwrap_or_default()
}

/// The sign-in form's token for its pre-session cookie.
pub fn sign_in_csrf(state: &AppState, pre_session: &str) -> String {
    csrf_token(state, "sign-in", pre_session)
}

pub fn sign_in_csrf_ok(state: &AppState, pre_session: Option<&str>, sent: Option<&str>) -> bool {
    pre_session.is_some_and(|p| !p.is_empty() && csrf_matches(state, "sign-in", p, sent))
}

/// The signed-in person, from the session cookie.
#[derive(Debug, Clone)]
pub struct Session {
    pub actor: Actor,
    /// The session's bearer token: prints as `[redacted]`.
    pub token: crate::secret::Secret,
    pub display_name: String,
    /// The token every form on the page carries.
    pub csrf: String,
    /// No mail server is configured (`COURTSIDE_SMTP_URL` unset): emailed
    /// notices wait unsent, which managers must be told on every page.
    pub email_off: bool,
    /// The language of the pages: the person's stored choice, else the
    /// pre-sign-in cookie, else English.
    pub lang: Lang,
    /// The database's count of changes, read with the session (before
    /// any record the page reads): whether kept records still hold.
    pub changes: crate::store::changes::Count,
}

impl Session {
    pub fn role(&self) -> Role {
        self.actor.role
    }
}

/// The session cookie's token and what the request says beside it (the
/// pre-sign-in language), not yet checked against the database. No
/// cookie: sign in.
pub struct SessionToken {
    token: String,
    cookie_lang: Lang,
    csrf: String,
    email_off: bool,
}

impl SessionToken {
    fn from_request(req: &HttpRequest, state: &AppState) -> Result<SessionToken, PageError> {
        let token = req
            .cookie(SESSION_COOKIE)
            .map(|c| c.value().to_string())
            .filter(|t| !t.is_empty())
            .ok_or(PageError::SignIn)?;
        Ok(SessionToken {
            csrf: csrf_token(state, "session", &token),
            cookie_lang: cookie_lang(req),
            email_off: state.config.smtp_url.is_none(),
            token,
        })
    }

    /// The session, if the token is live (one statement): else
    /// `Unauthenticated`. For a page that checks it in the same trip to
    /// the database as its own work (`super::with_session`); call
    /// [`Session::begin`] with the answer on the request's thread.
    pub fn check(
        self,
        conn: &mut crate::store::AnyConn,
        now: chrono::DateTime<chrono::Utc>,
    ) -> Result<Session, AppError> {
        let (me, changes) = me_and_changes_for_token(conn, &self.token, now)?;
        let lang = me
            .page_language
            .as_deref()
            .and_then(Lang::parse)
            .unwrap_or(self.cookie_lang);
        Ok(Session {
            actor: Actor {
                user_id: me.user_id,
                organisation_id: me.organisation_id,
                role: me.role,
            },
            token: self.token.into(),
            display_name: me.display_name,
            csrf: self.csrf,
            email_off: self.email_off,
            lang,
            changes,
        })
    }
}

fn state_of(req: &HttpRequest) -> Result<web::Data<AppState>, PageError> {
    Ok(req
        .app_data::<web::Data<AppState>>()
        .cloned()
        .ok_or_else(|| AppError::Internal("no app state".into()))?)
}

impl FromRequest for SessionToken {
    type Error = PageError;
    type Future = std::future::Ready<Result<Self, PageError>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        std::future::ready(state_of(req).and_then(|state| SessionToken::from_request(req, &state)))
    }
}

impl Session {
    /// Marks the request as this person's: its log span, and its language
    /// for error pages.
    pub fn begin(&self) {
        tracing::Span::current().record("user_id", self.actor.user_id.as_str());
        super::i18n::set_request_lang(self.lang);
    }
}

async fn session_from(req: &HttpRequest) -> Result<Session, PageError> {
    let state = state_of(req)?;
    let unchecked = SessionToken::from_request(req, &state)?;
    let now = state.clock.now();
    let session = run(&state, move |conn| unchecked.check(conn, now))
        .await
        .map_err(PageError::from)?;
    session.begin();
    Ok(session)
}

impl FromRequest for Session {
    type Error = PageError;
    type Future = Pin<Box<dyn Future<Output = Result<Self, PageError>>>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        let req = req.clone();
        Box::pin(async move { session_from(&req).await })
    }
}

/// A posted form from a signed-in person whose anti-forgery token matched.
/// Without a session the answer is a redirect to sign in; with a session
/// but a missing or wrong token, a 403 page.
pub struct Posted {
    pub session: Session,
    pub form: FormData,
}

impl FromRequest for Posted {
    type Error = PageError;
    type Future = Pin<Box<dyn Future<Output = Result<Self, PageError>>>>;

    fn from_request(req: &HttpRequest, payload: &mut Payload) -> Self::Future {
        let req = req.clone();
        let form = FormData::from_request(&req, payload);
        Box::pin(async move {
            let session = session_from(&req).await?;
            let form = form.await?;
            let state = state_of(&req)?;
            if !csrf_matches(
                &state,
                "session",
                session.token.expose(),
                form.get(CSRF_FIELD),
            ) {
                tracing::warn!(user_id = %session.actor.user_id, "form refused: anti-forgery token missing or wrong");
                return Err(PageError::BadCsrf);
            }
            Ok(Posted { session, form })
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hmac_matches_rfc_4231() {
        // Test case 2.
        let mac = hmac_sha256(b"Jefe", b"what do ya want for nothing?");
        assert_eq!(
            hex::encode(mac),
            "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"
        );
        // Test case 6: a key longer than the block.
        let key = [0xaau8; 131];
        let mac = hmac_sha256(
            &key,
            b"Test Using Larger Than Block-Size Key - Hash Key First",
        );
        assert_eq!(
            hex::encode(mac),
            "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54"
        );
    }

    #[test]
    fn comparison_needs_equal_bytes() {
        assert!(same(b"abc", b"abc"));
        assert!(!same(b"abc", b"abd"));
        assert!(!same(b"abc", b"ab"));
    }
}

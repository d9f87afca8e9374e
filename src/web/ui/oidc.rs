//! OpenID Connect sign-in pages: `/auth/oidc/start` sends the browser to
//! the provider, `/auth/oidc/callback` takes it back and signs the person
//! in. Both are 404 when OpenID Connect is not configured.
//!
//! The started sign-in (state, nonce, PKCE verifier) is kept server-side
//! (`oidc::pending`); the browser gets only a random value in the
//! `courtside_oidc` cookie, which is `SameSite=Lax` (the provider sends
//! the browser back with a cross-site navigation, which would drop a
//! `Strict` cookie), `HttpOnly`, `Secure`, limited to `/auth/oidc` and
//! gone after ten minutes.
//!
//! After a good callback the answer is a small page with the session
//! cookie and a `Refresh` to the start page, not a redirect: the session
//! cookie is `SameSite=Strict`, and a browser does not send it on a
//! redirect that began at the provider's site, but does on a navigation
//! from a Courtside page.

use actix_web::cookie::{time, Cookie, SameSite};
use actix_web::http::{header, StatusCode};
use actix_web::{web, HttpRequest, HttpResponse};
use serde_json::json;

use crate::accounts::{record_refused_token, sign_in_verified_email};
use crate::error::AppError;
use crate::oidc::pending::{self, Pending, LIFETIME};
use crate::oidc::provider::{Discovery, Provider, ProviderError};
use crate::oidc::{self, Expected, Refusal};
use crate::web::api::resource::run;
use crate::web::auth::client_address;
use crate::web::AppState;

use super::session;
use super::{bare_layout, draw, html, PageError, PageResult};

pub const START_PATH: &str = "/auth/oidc/start";
pub const CALLBACK_PATH: &str = "/auth/oidc/callback";
pub const BROWSER_COOKIE: &str = "courtside_oidc";

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.route(START_PATH, web::get().to(start))
        .route(CALLBACK_PATH, web::get().to(callback));
}

fn browser_cookie(value: String, max_age_seconds: i64) -> Cookie<'static> {
    Cookie::build(BROWSER_COOKIE, value)
        .http_only(true)
        .secure(true)
        .same_site(SameSite::Lax)
        .path("/auth/oidc")
        .max_age(time::Duration::seconds(max_age_seconds))
        .finish()
}

fn provider(state: &AppState) -> Result<&Provider, PageError> {
    state
        .oidc
        .as_deref()
        .ok_or_else(|| PageError::App(AppError::NotFound("page".into())))
}

/// A page explaining that signing in did not work, with a way back.
fn failed(status: StatusCode, title: &str, lines: &[&str]) -> PageResult {
    let mut lines: Vec<String> = lines.iter().map(|l| l.to_string()).collect();
    lines.push("You can also sign in with your email address and password.".into());
    let data = json!({
        "layout": bare_layout(title),
        "title": title,
        "lines": lines,
    });
    let mut resp = html(status, draw("error", &data)?);
    resp.add_cookie(&browser_cookie(String::new(), 0))
        .map_err(|e| AppError::Internal(e.to_string()))?;
    Ok(resp)
}

const NOT_SIGNED_IN: &str = "You have not been signed in";

fn unavailable(e: &ProviderError) -> PageResult {
    tracing::warn!(problem = %e, "OpenID sign-in: provider unusable");
    failed(
        StatusCode::SERVICE_UNAVAILABLE,
        "Sign-in with your organisation's account is not working",
        &["Courtside could not reach your organisation's sign-in service. Try again in a few minutes."],
    )
}

/// The same page for every refusal, so it never tells whether an email
/// has an account.
fn refused() -> PageResult {
    failed(
        StatusCode::BAD_REQUEST,
        NOT_SIGNED_IN,
        &[
            "Courtside could not sign you in with your organisation's account. \
           If you think you should be able to, ask your Courtside administrator.",
        ],
    )
}

async fn start(state: web::Data<AppState>) -> PageResult {
    let provider = provider(&state)?;
    let now = state.clock.now();
    let discovery = match provider.discovery(now).await {
        Ok(d) => d,
        Err(e) => return unavailable(&e),
    };
    let flow_state = oidc::random_value();
    let browser = oidc::random_value();
    let pending = Pending {
        nonce: oidc::random_value(),
        pkce_verifier: oidc::random_value(),
    };
    let location = oidc::authorization_url(
        &discovery.authorization_endpoint,
        &provider.settings,
        &flow_state,
        &pending.nonce,
        &pending.pkce_verifier,
    )?;
    {
        let flow_state = flow_state.clone();
        let browser = browser.clone();
        run(&state, move |conn| {
            pending::save(conn, &flow_state, &browser, &pending, now)
        })
        .await?;
    }
    tracing::info!("OpenID sign-in started");
    let mut resp = HttpResponse::SeeOther()
        .insert_header((header::LOCATION, location))
        .insert_header((header::CACHE_CONTROL, "no-store"))
        .finish();
    resp.add_cookie(&browser_cookie(browser, LIFETIME.num_seconds()))
        .map_err(|e| AppError::Internal(e.to_string()))?;
    Ok(resp)
}

#[derive(serde::Deserialize)]
struct CallbackQuery {
    code: Option<String>,
    state: Option<String>,
    error: Option<String>,
}

/// Checks the ID token, fetching the keys again once if the token names a
/// key the cached set lacks (the provider rotated its keys).
async fn verify(
    provider: &Provider,
    discovery: &Discovery,
    id_token: &str,
    expected: &Expected<'_>,
    now: chrono::DateTime<chrono::Utc>,
) -> Result<Result<oidc::Identity, Refusal>, ProviderError> {
    let keys = provider.keys(discovery, now, false).await?;
    match oidc::verify_id_token(id_token, &keys, expected, now) {
        Err(Refusal::UnknownKey) => {
            let keys = provider.keys(discovery, now, true).await?;
            Ok(oidc::verify_id_token(id_token, &keys, expected, now))
        }
        other => Ok(other),
    }
}

async fn callback(
    state: web::Data<AppState>,
    req: HttpRequest,
    query: web::Query<CallbackQuery>,
) -> PageResult {
    let provider = provider(&state)?;
    let now = state.clock.now();
    let address = client_address(&req);
    let query = query.into_inner();
    let browser = req
        .cookie(BROWSER_COOKIE)
        .map(|c| c.value().to_string())
        .filter(|v| !v.is_empty());
    // Whatever happens next, a started sign-in is used at most once.
    let taken = match query.state.clone().filter(|s| !s.is_empty()) {
        Some(flow_state) => {
            run(&state, move |conn| {
                pending::take(conn, &flow_state, browser.as_deref(), now)
            })
            .await?
        }
        None => None,
    };
    if query.error.is_some() {
        // The provider's error text is not shown or logged (free text).
        tracing::info!("OpenID sign-in: the provider returned an error");
        return failed(
            StatusCode::BAD_REQUEST,
            NOT_SIGNED_IN,
            &["Your organisation's sign-in service did not sign you in (it may have been cancelled)."],
        );
    }
    let Some(pending) = taken else {
        tracing::warn!("OpenID sign-in: unknown, used, expired or other-browser state");
        return failed(
            StatusCode::BAD_REQUEST,
            NOT_SIGNED_IN,
            &["That sign-in link has expired or has already been used. Start again from the sign-in page."],
        );
    };
    let Some(code) = query.code.filter(|c| !c.is_empty()) else {
        tracing::warn!("OpenID sign-in: callback without a code");
        return refused();
    };
    let discovery = match provider.discovery(now).await {
        Ok(d) => d,
        Err(e) => return unavailable(&e),
    };
    let id_token = match provider
        .exchange(&discovery, &code, &pending.pkce_verifier)
        .await
    {
        Ok(t) => t,
        Err(ProviderError::CodeRefused) => {
            tracing::warn!("OpenID sign-in: the provider refused the code");
            return refused();
        }
        Err(e) => return unavailable(&e),
    };
    let expected = Expected {
        issuer: &provider.settings.issuer,
        client_id: &provider.settings.client_id,
        nonce: &pending.nonce,
    };
    let identity = match verify(provider, &discovery, &id_token, &expected, now).await {
        Ok(Ok(identity)) => identity,
        Ok(Err(refusal)) => {
            tracing::warn!(
                reason = refusal.as_str(),
                "OpenID sign-in: ID token refused"
            );
            let address = address.clone();
            run(&state, move |conn| {
                record_refused_token(conn, address.as_deref(), now)
            })
            .await?;
            return refused();
        }
        Err(e) => return unavailable(&e),
    };
    let hours = state.config.session_hours;
    let email = identity.email;
    let result = run(&state, move |conn| {
        sign_in_verified_email(conn, &email, address.as_deref(), now, hours)
    })
    .await;
    let out = match result {
        Ok(out) => out,
        // No active account with that email: the same page as any refusal.
        Err(AppError::Validation(_)) => return refused(),
        Err(AppError::TooManyAttempts { retry_after_secs }) => {
            let line = format!(
                "There have been too many attempts to sign in. Wait {}, then try again.",
                crate::error::wait_words(retry_after_secs)
            );
            return failed(
                StatusCode::TOO_MANY_REQUESTS,
                NOT_SIGNED_IN,
                &[line.as_str()],
            );
        }
        Err(other) => return Err(other.into()),
    };
    tracing::info!(user_id = %out.user_id, "signed in to the pages with OpenID Connect");
    let title = "You are signed in";
    let data = json!({
        "layout": bare_layout(title),
        "title": title,
        "lines": ["You are signed in with your organisation's account. Courtside is opening your start page."],
    });
    let mut resp = html(StatusCode::OK, draw("error", &data)?);
    resp.headers_mut().insert(
        header::REFRESH,
        header::HeaderValue::from_static("0; url=/"),
    );
    resp.add_cookie(&session::session_cookie(out.token.expose().to_string()))
        .map_err(|e| AppError::Internal(e.to_string()))?;
    resp.add_cookie(&browser_cookie(String::new(), 0))
        .map_err(|e| AppError::Internal(e.to_string()))?;
    Ok(resp)
}

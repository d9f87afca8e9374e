//! Who is calling, over HTTP: the bearer token of each request, and the
//! sign-in, sign-out and "who am I" routes. The rules (passwords, tokens,
//! throttling) live in `crate::accounts`; this file only reads headers and
//! answers.

use std::future::Future;
use std::pin::Pin;

use actix_web::dev::Payload;
use actix_web::{web, FromRequest, HttpRequest, HttpResponse};
use serde::Deserialize;

use crate::accounts::{actor_for_token, revoke_token, sign_in_from, who_am_i};
use crate::error::{AppError, AppResult};
use crate::policy::Actor;
use crate::web::api::resource::run;
use crate::web::extract::Body;
use crate::web::AppState;

pub use crate::accounts::{LoginOutput, Me};

/// The signed-in actor, or a 401.
pub struct Authenticated(pub Actor);

fn bearer(req: &HttpRequest) -> Option<String> {
    let value = req
        .headers()
        .get(actix_web::http::header::AUTHORIZATION)?
        .to_str()
        .ok()?;
    let token = value.strip_prefix("Bearer ")?.trim();
    (!token.is_empty()).then(|| token.to_string())
}

/// The request's bearer token, not yet checked: for a handler that checks
/// it in the same trip to the database as its own work
/// ([`crate::accounts::tokens::actor_for_token`]). Missing: 401.
pub struct BearerToken(pub String);

impl FromRequest for BearerToken {
    type Error = AppError;
    type Future = std::future::Ready<Result<Self, AppError>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        std::future::ready(
            bearer(req)
                .map(BearerToken)
                .ok_or(AppError::Unauthenticated),
        )
    }
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

pub async fn me(state: web::Data<AppState>, who: Authenticated) -> AppResult<HttpResponse> {
    let actor = who.0;
    let out = run(&state, move |conn| who_am_i(conn, actor)).await?;
    Ok(HttpResponse::Ok().json(out))
}

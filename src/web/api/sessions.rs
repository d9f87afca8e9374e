//! Sign-in sessions you can see and end, and API tokens issued to
//! integrations, over HTTP. The queries and rules are in
//! `crate::accounts::tokens`, the use cases in `crate::app::sessions`;
//! this file decodes requests and answers.

use actix_web::{web, HttpResponse};
use serde::Deserialize;

use crate::accounts::tokens::{check_input, IssuedToken, SessionOut, TokenInput, TokenOut};
use crate::app::sessions;
use crate::error::AppResult;
use crate::policy::{Action, ResourceKind};
use crate::web::api::resource::{authorised_for, run, Check, PageParams, Registry, RouteInfo};
use crate::web::auth::Authenticated;
use crate::web::extract::RawBody;
use crate::web::AppState;

#[derive(Debug, Deserialize)]
pub struct SessionFilter {
    /// Administrators may list another user's sessions.
    pub user_id: Option<String>,
}

const SESSION_READ: Check = (ResourceKind::Session, Action::Read, "session");
const REVOKE_SESSION: Check = (ResourceKind::Session, Action::Update, "session");
const ISSUE_TOKEN: Check = (ResourceKind::ApiToken, Action::Create, "API token");
const READ_TOKENS: Check = (ResourceKind::ApiToken, Action::Read, "API token");
const REVOKE_TOKEN: Check = (ResourceKind::ApiToken, Action::Update, "API token");

async fn get_sessions(
    state: web::Data<AppState>,
    who: Authenticated,
    page: web::Query<PageParams>,
    filter: web::Query<SessionFilter>,
) -> AppResult<HttpResponse> {
    let ctx = authorised_for(&state, who, SESSION_READ)?;
    let page = page.into_inner().check()?;
    let user_id = filter.into_inner().user_id;
    let out = run(&state, move |conn| {
        sessions::live(conn, &ctx, user_id.as_deref(), page)
    })
    .await?;
    Ok(HttpResponse::Ok().json(out))
}

async fn post_session_revoke(
    state: web::Data<AppState>,
    who: Authenticated,
    id: web::Path<String>,
) -> AppResult<HttpResponse> {
    let ctx = authorised_for(&state, who, REVOKE_SESSION)?;
    let id = id.into_inner();
    let by = ctx.actor.user_id.clone();
    let out = run(&state, move |conn| sessions::revoke(conn, &ctx, &id)).await?;
    tracing::info!(session_id = %out.id, by = %by, "session revoked");
    Ok(HttpResponse::Ok().json(out))
}

async fn post_token(
    state: web::Data<AppState>,
    who: Authenticated,
    user_id: web::Path<String>,
    body: RawBody,
) -> AppResult<HttpResponse> {
    let ctx = authorised_for(&state, who, ISSUE_TOKEN)?;
    let input: TokenInput = body.decode()?;
    check_input(&input, ctx.now)?;
    let user_id = user_id.into_inner();
    let by = ctx.actor.user_id.clone();
    let out = run(&state, move |conn| {
        sessions::issue_token(conn, &ctx, &user_id, input)
    })
    .await?;
    tracing::info!(token_id = %out.record.id, user_id = %out.record.user_id, by = %by, "integration token issued");
    Ok(HttpResponse::Created().json(out))
}

async fn get_tokens(
    state: web::Data<AppState>,
    who: Authenticated,
    user_id: web::Path<String>,
    page: web::Query<PageParams>,
) -> AppResult<HttpResponse> {
    let ctx = authorised_for(&state, who, READ_TOKENS)?;
    let page = page.into_inner().check()?;
    let user_id = user_id.into_inner();
    let out = run(&state, move |conn| {
        sessions::tokens_of(conn, &ctx, &user_id, page)
    })
    .await?;
    Ok(HttpResponse::Ok().json(out))
}

async fn post_token_revoke(
    state: web::Data<AppState>,
    who: Authenticated,
    id: web::Path<String>,
) -> AppResult<HttpResponse> {
    let ctx = authorised_for(&state, who, REVOKE_TOKEN)?;
    let id = id.into_inner();
    let by = ctx.actor.user_id.clone();
    let out = run(&state, move |conn| sessions::revoke_token(conn, &ctx, &id)).await?;
    tracing::info!(token_id = %out.id, by = %by, "integration token revoked");
    Ok(HttpResponse::Ok().json(out))
}

pub fn configure(cfg: &mut web::ServiceConfig) {
    let not_allowed = || web::to(crate::web::api::method_not_allowed);
    cfg.service(
        web::resource("/api/v1/sessions")
            .route(web::get().to(get_sessions))
            .default_service(not_allowed()),
    )
    .service(
        web::resource("/api/v1/sessions/{id}/revoke")
            .route(web::post().to(post_session_revoke))
            .default_service(not_allowed()),
    )
    .service(
        web::resource("/api/v1/users/{id}/tokens")
            .route(web::get().to(get_tokens))
            .route(web::post().to(post_token))
            .default_service(not_allowed()),
    )
    .service(
        web::resource("/api/v1/tokens/{id}/revoke")
            .route(web::post().to(post_token_revoke))
            .default_service(not_allowed()),
    );
}

/// Records the routes above, exactly as [`configure`] serves them.
pub fn describe(reg: &mut Registry) {
    let session = reg.schema::<SessionOut>();
    let token = reg.schema::<TokenOut>();
    let input = reg.schema::<TokenInput>();
    let issued = reg.schema::<IssuedToken>();
    let mut add = |method, path: &str, kind, action, summary: &str, request, response, paged| {
        reg.route(RouteInfo {
            method,
            path: path.to_string(),
            kind: Some(kind),
            action: Some(action),
            summary: summary.to_string(),
            request,
            response: Some(response),
            paged,
        })
    };
    use Action::*;
    use ResourceKind::{ApiToken, Session};
    add(
        "get",
        "/api/v1/sessions",
        Session,
        Read,
        "Your live sign-in sessions (administrators: ?user_id= for anyone's)",
        None,
        session.clone(),
        true,
    );
    add(
        "post",
        "/api/v1/sessions/{id}/revoke",
        Session,
        Update,
        "End a sign-in session: your own, or anyone's for an administrator",
        None,
        session,
        false,
    );
    add(
        "post",
        "/api/v1/users/{id}/tokens",
        ApiToken,
        Create,
        "Issue an integration token acting as this user; its value is shown only here",
        Some(input),
        issued,
        false,
    );
    add(
        "get",
        "/api/v1/users/{id}/tokens",
        ApiToken,
        Read,
        "A user's integration tokens (never their values)",
        None,
        token.clone(),
        true,
    );
    add(
        "post",
        "/api/v1/tokens/{id}/revoke",
        ApiToken,
        Update,
        "Revoke an integration token",
        None,
        token,
        false,
    );
}

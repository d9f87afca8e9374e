//! Sign-in sessions you can see and end, and API tokens issued to
//! integrations. Both are rows of `api_tokens` (kind `session` or
//! `integration`), stored only as SHA-256 hashes; a token value is shown
//! once, when it is issued.

use actix_web::{web, HttpResponse};
use chrono::{DateTime, Utc};
use diesel::prelude::*;
use serde::{Deserialize, Serialize};

use crate::audit::{self, AuditAction, Entry};
use crate::domain::Role;
use crate::error::{AppError, AppResult};
use crate::policy::{Action, Actor, ResourceKind};
use crate::store::schema::{api_tokens, users};
use crate::store::{self, AnyConn};
use crate::web::api::resource::{authorise, run, Page, PageParams, Paged, Registry, RouteInfo};
use crate::web::auth::{issue_token, Authenticated};
use crate::web::extract::RawBody;
use crate::web::AppState;

pub const SESSION: &str = "session";
pub const INTEGRATION: &str = "integration";

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
    pub token: String,
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

#[derive(Debug, Deserialize)]
pub struct SessionFilter {
    /// Administrators may list another user's sessions.
    pub user_id: Option<String>,
}

type Row = (
    String,
    String,
    String,
    chrono::NaiveDateTime,
    Option<chrono::NaiveDateTime>,
    Option<chrono::NaiveDateTime>,
);

fn load(conn: &mut AnyConn, user_id: &str, kind: &str) -> AppResult<Vec<Row>> {
    Ok(api_tokens::table
        .filter(api_tokens::user_id.eq(user_id))
        .filter(api_tokens::kind.eq(kind))
        .select((
            api_tokens::id,
            api_tokens::user_id,
            api_tokens::label,
            api_tokens::created_at,
            api_tokens::expires_at,
            api_tokens::revoked_at,
        ))
        .order(api_tokens::created_at.desc())
        .load(conn)?)
}

fn find(conn: &mut AnyConn, id: &str, kind: &str) -> AppResult<Option<Row>> {
    Ok(api_tokens::table
        .filter(api_tokens::id.eq(id))
        .filter(api_tokens::kind.eq(kind))
        .select((
            api_tokens::id,
            api_tokens::user_id,
            api_tokens::label,
            api_tokens::created_at,
            api_tokens::expires_at,
            api_tokens::revoked_at,
        ))
        .first(conn)
        .optional()?)
}

fn session_out(r: Row) -> SessionOut {
    SessionOut {
        id: r.0,
        user_id: r.1,
        created_at: store::from_db(r.3),
        expires_at: r.4.map(store::from_db),
        revoked_at: r.5.map(store::from_db),
    }
}

fn token_out(r: Row) -> TokenOut {
    TokenOut {
        id: r.0,
        user_id: r.1,
        label: r.2,
        created_at: store::from_db(r.3),
        expires_at: r.4.map(store::from_db),
        revoked_at: r.5.map(store::from_db),
    }
}

/// Live sessions of a user: not revoked, not expired.
pub fn list_sessions(
    conn: &mut AnyConn,
    actor: &Actor,
    user_id: Option<&str>,
    now: DateTime<Utc>,
    page: Page,
) -> AppResult<Paged<SessionOut>> {
    let user_id = user_id.unwrap_or(&actor.user_id);
    if user_id != actor.user_id && actor.role != Role::Admin {
        return Err(AppError::Forbidden("read other people's sessions".into()));
    }
    let now = store::to_db(now);
    let live: Vec<SessionOut> = load(conn, user_id, SESSION)?
        .into_iter()
        .filter(|r| r.5.is_none() && r.4.is_none_or(|e| e > now))
        .map(session_out)
        .collect();
    Ok(Paged::slice(live, page))
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
            .filter(|r| r.1 == actor.user_id || actor.role == Role::Admin)
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

fn check_input(input: &TokenInput, now: DateTime<Utc>) -> AppResult<()> {
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
            .filter(api_tokens::token_hash.eq(crate::web::auth::token_hash(&token)))
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

pub fn list_tokens(conn: &mut AnyConn, user_id: &str, page: Page) -> AppResult<Paged<TokenOut>> {
    let exists = users::table
        .find(user_id)
        .select(users::id)
        .first::<String>(conn)
        .optional()?
        .is_some();
    if !exists {
        return Err(AppError::NotFound("user".into()));
    }
    let all = load(conn, user_id, INTEGRATION)?
        .into_iter()
        .map(token_out)
        .collect();
    Ok(Paged::slice(all, page))
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

async fn get_sessions(
    state: web::Data<AppState>,
    who: Authenticated,
    page: web::Query<PageParams>,
    filter: web::Query<SessionFilter>,
) -> AppResult<HttpResponse> {
    let actor = who.0;
    authorise(&actor, ResourceKind::Session, Action::Read, "session")?;
    let page = page.into_inner().check()?;
    let user_id = filter.into_inner().user_id;
    let now = state.clock.now();
    let out = run(&state, move |conn| {
        list_sessions(conn, &actor, user_id.as_deref(), now, page)
    })
    .await?;
    Ok(HttpResponse::Ok().json(out))
}

async fn post_session_revoke(
    state: web::Data<AppState>,
    who: Authenticated,
    id: web::Path<String>,
) -> AppResult<HttpResponse> {
    let actor = who.0;
    authorise(&actor, ResourceKind::Session, Action::Update, "session")?;
    let id = id.into_inner();
    let now = state.clock.now();
    let by = actor.user_id.clone();
    let out = run(&state, move |conn| revoke_session(conn, &actor, &id, now)).await?;
    tracing::info!(session_id = %out.id, by = %by, "session revoked");
    Ok(HttpResponse::Ok().json(out))
}

async fn post_token(
    state: web::Data<AppState>,
    who: Authenticated,
    user_id: web::Path<String>,
    body: RawBody,
) -> AppResult<HttpResponse> {
    let actor = who.0;
    authorise(&actor, ResourceKind::ApiToken, Action::Create, "API token")?;
    let input: TokenInput = body.decode()?;
    let now = state.clock.now();
    check_input(&input, now)?;
    let user_id = user_id.into_inner();
    let by = actor.user_id.clone();
    let out = run(&state, move |conn| {
        issue_integration_token(conn, &actor, &user_id, input, now)
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
    authorise(&who.0, ResourceKind::ApiToken, Action::Read, "API token")?;
    let page = page.into_inner().check()?;
    let user_id = user_id.into_inner();
    let out = run(&state, move |conn| list_tokens(conn, &user_id, page)).await?;
    Ok(HttpResponse::Ok().json(out))
}

async fn post_token_revoke(
    state: web::Data<AppState>,
    who: Authenticated,
    id: web::Path<String>,
) -> AppResult<HttpResponse> {
    let actor = who.0;
    authorise(&actor, ResourceKind::ApiToken, Action::Update, "API token")?;
    let id = id.into_inner();
    let now = state.clock.now();
    let by = actor.user_id.clone();
    let out = run(&state, move |conn| {
        revoke_integration_token(conn, &actor, &id, now)
    })
    .await?;
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

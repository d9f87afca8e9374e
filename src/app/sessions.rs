//! Sign-in sessions one can see and end, and API tokens issued to
//! integrations. The queries, rules and audit entries are in
//! `accounts::tokens`; these use cases add the role check and the paging,
//! so the API (and any page) asks here.

use super::{Ctx, Page, Paged};
use crate::accounts::tokens::{self, check_input, IssuedToken, SessionOut, TokenInput, TokenOut};
use crate::error::AppResult;
use crate::policy::{Action, ResourceKind};
use crate::store::AnyConn;

/// A page of live sessions: the actor's own, or (administrators) anyone's.
pub fn live(
    conn: &mut AnyConn,
    ctx: &Ctx,
    user_id: Option<&str>,
    page: Page,
) -> AppResult<Paged<SessionOut>> {
    ctx.may((ResourceKind::Session, Action::Read, "session"))?;
    let all = tokens::live_sessions(conn, &ctx.actor, user_id, ctx.now)?;
    Ok(Paged::slice(all, page))
}

/// Ends a session: one's own, or anyone's for an administrator.
pub fn revoke(conn: &mut AnyConn, ctx: &Ctx, id: &str) -> AppResult<SessionOut> {
    ctx.may((ResourceKind::Session, Action::Update, "session"))?;
    tokens::revoke_session(conn, &ctx.actor, id, ctx.now)
}

/// Issues an integration token acting as `user_id`; its value is in the
/// answer only.
pub fn issue_token(
    conn: &mut AnyConn,
    ctx: &Ctx,
    user_id: &str,
    input: TokenInput,
) -> AppResult<IssuedToken> {
    ctx.may((ResourceKind::ApiToken, Action::Create, "API token"))?;
    check_input(&input, ctx.now)?;
    tokens::issue_integration_token(conn, &ctx.actor, user_id, input, ctx.now)
}

/// A page of a user's integration tokens (never their values).
pub fn tokens_of(
    conn: &mut AnyConn,
    ctx: &Ctx,
    user_id: &str,
    page: Page,
) -> AppResult<Paged<TokenOut>> {
    ctx.may((ResourceKind::ApiToken, Action::Read, "API token"))?;
    let all = tokens::tokens_of(conn, user_id)?;
    Ok(Paged::slice(all, page))
}

/// Revokes an integration token.
pub fn revoke_token(conn: &mut AnyConn, ctx: &Ctx, id: &str) -> AppResult<TokenOut> {
    ctx.may((ResourceKind::ApiToken, Action::Update, "API token"))?;
    tokens::revoke_integration_token(conn, &ctx.actor, id, ctx.now)
}

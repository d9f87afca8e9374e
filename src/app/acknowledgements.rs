//! Acknowledging a notice that needs action: its recipient (the user, or
//! any member of the recipient organisation) says they have it in hand,
//! from the API or the requests page; or whoever holds the message's
//! acknowledgement link confirms it without signing in. Either way the
//! acknowledgement and its audit entry are written together
//! (`notify::ack`), and acknowledging twice is harmless.

use diesel::prelude::*;

use super::Ctx;
use crate::error::AppResult;
use crate::notify::ack::{self, AckState};
use crate::policy::{Action, ResourceKind};
use crate::store::schema::notices;
use crate::store::AnyConn;

/// The signed-in recipient acknowledges notice `id` (404 to anyone else).
pub fn acknowledge(conn: &mut AnyConn, ctx: &Ctx, id: &str) -> AppResult<AckState> {
    ctx.may((
        ResourceKind::NoticeAcknowledgement,
        Action::Create,
        "notice acknowledgement",
    ))?;
    ack::acknowledge_as(conn, &ctx.actor, id, ctx.now)
}

/// What an acknowledgement link stands for: the notice's acknowledgement
/// state and its template (to say what kind of message it was); `None`
/// for a token that is unknown.
pub fn by_link(conn: &mut AnyConn, token: &str) -> AppResult<Option<(AckState, String)>> {
    let Some(id) = ack::notice_of_token(conn, token)? else {
        return Ok(None);
    };
    let template: String = notices::table
        .find(&id)
        .select(notices::template)
        .first(conn)?;
    Ok(ack::state(conn, &id)?.map(|s| (s, template)))
}

/// Whoever holds the link confirms the notice it stands for.
pub fn acknowledge_by_link(
    conn: &mut AnyConn,
    notice_id: &str,
    now: chrono::DateTime<chrono::Utc>,
) -> AppResult<AckState> {
    ack::acknowledge(conn, notice_id, "link", None, now)
}

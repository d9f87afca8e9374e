//! A victim stops all messages, by the link at the foot of any message to
//! them. No sign-in: the link's sealed token is the credential, and it can
//! do nothing but stop messages to its one victim. Showing the page
//! changes nothing (a mail scanner following the link stops nothing);
//! confirming records the stop and its audit entry in one transaction.

use chrono::{DateTime, Utc};

use crate::audit::{self, AuditAction, Entry};
use crate::error::{AppError, AppResult};
use crate::notify::stop;
use crate::store::{self, AnyConn};

/// Where a stop link stands.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StopState {
    /// When the victim stopped all messages, if they have.
    pub stopped_at: Option<DateTime<Utc>>,
}

fn victim_of(token: &str) -> AppResult<String> {
    stop::victim_of(token).ok_or_else(|| AppError::NotFound("link to stop messages".into()))
}

/// What the link's page shows: whether messages are already stopped.
pub fn state(conn: &mut AnyConn, token: &str) -> AppResult<StopState> {
    let victim = victim_of(token)?;
    Ok(StopState {
        stopped_at: stop::stopped_at(conn, &victim)?,
    })
}

/// Stops every message to the link's victim from `now` on. Using a link
/// again changes nothing and writes nothing.
pub fn stop_all(conn: &mut AnyConn, token: &str, now: DateTime<Utc>) -> AppResult<StopState> {
    let victim = victim_of(token)?;
    store::write(conn, |conn| {
        if stop::record(conn, &victim, None, now)? {
            let entry = Entry {
                victim_id: Some(victim.clone()),
                category: Some("stop_all_messages".into()),
                basis: Some("data_subject".into()),
                ..Entry::new(AuditAction::Update, None, "message_stops", &victim)
            };
            audit::append(conn, now, entry)?;
            tracing::info!(victim_id = %victim, "victim stopped all messages by link");
        }
        Ok(StopState {
            stopped_at: stop::stopped_at(conn, &victim)?,
        })
    })
}

/// Whether a victim has stopped all messages, as their supporter or an
/// officer handling them sees it.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, utoipa::ToSchema)]
pub struct MessageStopOut {
    pub victim_id: String,
    /// When the victim stopped all messages by the link; null when messages
    /// go to them as usual.
    pub stopped_at: Option<DateTime<Utc>>,
}

fn within_reach(conn: &mut AnyConn, ctx: &super::Ctx, victim_id: &str) -> AppResult<()> {
    crate::store::scope::require_victim(conn, &ctx.actor, ctx.today(), victim_id, "victim")
}

/// Whether the victim stopped all messages, and when.
pub fn status(conn: &mut AnyConn, ctx: &super::Ctx, victim_id: &str) -> AppResult<MessageStopOut> {
    ctx.may((
        crate::policy::ResourceKind::Victim,
        crate::policy::Action::Read,
        "victim",
    ))?;
    within_reach(conn, ctx, victim_id)?;
    Ok(MessageStopOut {
        victim_id: victim_id.to_owned(),
        stopped_at: stop::stopped_at(conn, victim_id)?,
    })
}

/// Messages go to the victim again, from now on, because she asked her
/// supporter or officer (the person doing it is on the audit entry).
/// Notices cancelled while messages were stopped stay cancelled.
pub fn resume(conn: &mut AnyConn, ctx: &super::Ctx, victim_id: &str) -> AppResult<MessageStopOut> {
    ctx.may((
        crate::policy::ResourceKind::Victim,
        crate::policy::Action::Update,
        "victim",
    ))?;
    store::write(conn, |conn| {
        within_reach(conn, ctx, victim_id)?;
        if stop::resume(conn, victim_id)? {
            let entry = Entry {
                victim_id: Some(victim_id.to_owned()),
                category: Some("resume_messages".into()),
                basis: Some("data_subject".into()),
                ..ctx.entry(AuditAction::Update, "message_stops", victim_id)
            };
            audit::append(conn, ctx.now, entry)?;
        }
        Ok(MessageStopOut {
            victim_id: victim_id.to_owned(),
            stopped_at: None,
        })
    })
}

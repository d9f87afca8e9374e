//! Reading a notice's text: the text names the people concerned, so the
//! read is recorded in the audit log (keyed by the victim's id) in the same
//! transaction. The API's rendered-notice route and the notice page both
//! come here, so one read writes one entry.

use crate::audit::{self, AuditAction, Entry};
use crate::error::AppResult;
use crate::policy::{Action, ResourceKind};
use crate::resources::notices::load_row;
use crate::resources::NoticeOut;
use crate::store::{self, AnyConn};

use super::Ctx;

/// Loads the notice for reading its text, recording the sensitive read.
/// Only roles that may read a victim's sensitive details get this far.
pub fn read_text(conn: &mut AnyConn, ctx: &Ctx, id: &str) -> AppResult<NoticeOut> {
    ctx.may((
        ResourceKind::VictimSensitive,
        Action::Read,
        "rendered notice",
    ))?;
    store::write(conn, |conn| {
        let notice = load_row(conn, ctx, id)?;
        let entry = Entry {
            victim_id: Some(notice.victim_id.clone()),
            ..ctx.entry(AuditAction::ReadSensitive, "notices", &notice.id)
        };
        audit::append(conn, ctx.now, entry)?;
        Ok(notice)
    })
}

/// Sends a failed or dead-lettered notice again, once it is within the
/// reader's reach (the API's retry and the manager's page share this).
/// The retry is a change to the notice made by a person, so it is
/// audited: who asked, the notice, its victim and category.
pub fn retry(conn: &mut AnyConn, ctx: &Ctx, id: &str) -> AppResult<NoticeOut> {
    ctx.may((ResourceKind::Notice, Action::Update, "notice"))?;
    store::write(conn, |conn| {
        load_row(conn, ctx, id)?;
        crate::notify::delivery::retry(conn, id, ctx.now)?;
        let notice = load_row(conn, ctx, id)?;
        let entry = Entry {
            victim_id: Some(notice.victim_id.clone()),
            category: Some(notice.category.clone()),
            ..ctx.entry(AuditAction::Update, "notices", &notice.id)
        };
        audit::append(conn, ctx.now, entry)?;
        Ok(notice)
    })
}

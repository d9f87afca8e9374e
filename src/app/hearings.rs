//! What changing a hearing will do, shown before the change is made: the
//! vacate page asks first, and names the messages that will be cancelled.
//! The change itself goes through `app::update::<Hearings>` like the API's
//! PUT.

use crate::error::AppResult;
use crate::flows::hearing_slot_prefix;
use crate::policy::{permits, Action, ResourceKind};
use crate::resources::notices::{self, NoticeFilter};
use crate::resources::{HearingOut, NoticeOut, Notices};
use crate::store::AnyConn;

use super::Ctx;

/// The messages about this hearing's date that have not gone yet, which
/// vacating or adjourning it cancels (the flows cancel everything planned
/// under the hearing's slot). Empty for a role that may not read notices.
pub fn cancelled_by_vacating(
    conn: &mut AnyConn,
    ctx: &Ctx,
    hearing: &HearingOut,
) -> AppResult<Vec<NoticeOut>> {
    if !permits(ctx.actor.role, ResourceKind::Notice, Action::Read) {
        return Ok(Vec::new());
    }
    let prefix = hearing_slot_prefix(&hearing.id, hearing.starts_at);
    let ids = notices::open_ids_keyed_under(conn, &hearing.id, &prefix)?;
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    // Through the scoped list, so the reader sees only what they may.
    let filter = NoticeFilter {
        hearing_id: Some(hearing.id.clone()),
        ..NoticeFilter::default()
    };
    let found = super::list_pages::<Notices>(conn, ctx, &filter, 20)?;
    Ok(found.into_iter().filter(|n| ids.contains(&n.id)).collect())
}

//! The four shared use cases of every record kind: create, read, list and
//! update. Each runs authorise → validate → write (the record's own code,
//! which plans what follows) → audit, in one transaction.

use crate::audit::{self, AuditAction, Entry};
use crate::error::AppResult;
use crate::policy::{Action, ResourceKind};
use crate::store::{self, AnyConn};

use super::{authorise, validate, Ctx, Page, Paged, Resource, Versioned};

/// The audit entry of a change: who, what, and whose record it was (the
/// victim's id) with its category.
fn audit_change<R: Resource>(
    conn: &mut AnyConn,
    ctx: &Ctx,
    action: AuditAction,
    out: &R::Output,
) -> AppResult<()> {
    let record = serde_json::to_value(out)
        .map_err(|e| crate::error::AppError::Internal(format!("audit: {e}")))?;
    let (victim_id, category) = audit::about(conn, R::PATH, &record)?;
    audit::append(
        conn,
        ctx.now,
        Entry {
            victim_id,
            category,
            ..Entry::new(action, Some(&ctx.actor.user_id), R::PATH, out.id())
        },
    )
}

/// Sensitive details are keyed by the victim's id.
fn audit_read<R: Resource>(conn: &mut AnyConn, ctx: &Ctx, ids: &[&str]) -> AppResult<()> {
    let entries: Vec<Entry> = ids
        .iter()
        .map(|id| Entry {
            victim_id: Some(id.to_string()),
            ..Entry::new(
                AuditAction::ReadSensitive,
                Some(&ctx.actor.user_id),
                R::PATH,
                id,
            )
        })
        .collect();
    audit::append_all(conn, ctx.now, &entries)
}

/// Creates a record and records who did it.
pub fn create<R: Resource>(conn: &mut AnyConn, ctx: &Ctx, input: R::Input) -> AppResult<R::Output> {
    authorise(&ctx.actor, R::KIND, Action::Create, R::SINGULAR)?;
    validate(&input, ctx.now)?;
    store::write(conn, |conn| {
        let out = R::create(conn, ctx, input)?;
        audit_change::<R>(conn, ctx, AuditAction::Create, &out)?;
        Ok(out)
    })
}

/// Reads one record; a read of a victim's sensitive details is itself
/// recorded.
pub fn read<R: Resource>(conn: &mut AnyConn, ctx: &Ctx, id: &str) -> AppResult<R::Output> {
    authorise(&ctx.actor, R::KIND, Action::Read, R::SINGULAR)?;
    if R::KIND != ResourceKind::VictimSensitive {
        return R::read(conn, ctx, id);
    }
    store::write(conn, |conn| {
        let out = R::read(conn, ctx, id)?;
        audit_read::<R>(conn, ctx, &[out.id()])?;
        Ok(out)
    })
}

/// One page of the records the actor may see; reads of victims' sensitive
/// details are recorded, one entry per record shown.
pub fn list<R: Resource>(
    conn: &mut AnyConn,
    ctx: &Ctx,
    filter: &R::Filter,
    page: Page,
) -> AppResult<Paged<R::Output>> {
    authorise(&ctx.actor, R::KIND, Action::Read, R::SINGULAR)?;
    if R::KIND != ResourceKind::VictimSensitive {
        return R::list(conn, ctx, filter, page);
    }
    store::write(conn, |conn| {
        let out = R::list(conn, ctx, filter, page)?;
        let ids: Vec<&str> = out.items.iter().map(|i| i.id()).collect();
        audit_read::<R>(conn, ctx, &ids)?;
        Ok(out)
    })
}

/// Every record of a list the actor may see, up to `most` pages of the
/// largest size, through [`list`], read as one page: one count and one
/// read, however long the list. (Read page by page, a long list paid its
/// scope's conditions again on every page: a manager's week, over every
/// case of a 50,000-case service, read its hearings in nine pages of two
/// statements, each binding all 50,000 case ids.)
pub fn list_pages<R: Resource>(
    conn: &mut AnyConn,
    ctx: &Ctx,
    filter: &R::Filter,
    most: i64,
) -> AppResult<Vec<R::Output>> {
    let all = Page {
        page: 1,
        per_page: most.max(1).saturating_mul(super::MAX_PER_PAGE),
    };
    Ok(list::<R>(conn, ctx, filter, all)?.items)
}

/// Changes a record at the version the caller last saw, and records who
/// did it.
pub fn update<R: Resource>(
    conn: &mut AnyConn,
    ctx: &Ctx,
    id: &str,
    expected_version: i32,
    input: R::Input,
) -> AppResult<R::Output> {
    authorise(&ctx.actor, R::KIND, Action::Update, R::SINGULAR)?;
    validate(&input, ctx.now)?;
    store::write(conn, |conn| {
        let out = R::update(conn, ctx, id, expected_version, input)?;
        audit_change::<R>(conn, ctx, AuditAction::Update, &out)?;
        Ok(out)
    })
}

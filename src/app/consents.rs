//! Withdrawing a consent from the pages, and undoing a withdrawal made by
//! mistake. The API withdraws by a PUT of the consent with `withdrawn_at`;
//! the pages go through the same `update` use case, so the audit entry and
//! the cancellations planned are the same.
//!
//! A withdrawal cannot be undone in the record (a consent is never
//! rewritten, `resources::consents`). Undo therefore records the consent
//! again, from now: the same victim, scope, basis and reason, through the
//! `create` use case, audited as any new consent. The time between the
//! withdrawal and the undo stays a time without consent, as it was.
//! Recording a consent plans nothing by itself (the flows use it at the
//! next change), so the undo also brings back the notices the withdrawal
//! stopped (`planning::persist::revive_withdrawn`, audited as planned);
//! the checks before sending apply to them as to any notice.

use chrono::{DateTime, Duration, Utc};

use crate::error::{AppError, AppResult};
use crate::flows::Basis;
use crate::policy::{Action, ResourceKind};
use crate::resources::notices::NoticeFilter;
use crate::resources::{ConsentInput, ConsentOut, Consents, NoticeOut, Notices};
use crate::store::{self, AnyConn};

use super::Ctx;

/// How long after a withdrawal it can be undone, in minutes. The one
/// place this figure lives; the pages state it.
pub const UNDO_MINUTES: i64 = 10;

/// The last instant a withdrawal made at `withdrawn_at` can be undone.
pub fn undo_until(withdrawn_at: DateTime<Utc>) -> DateTime<Utc> {
    withdrawn_at + Duration::minutes(UNDO_MINUTES)
}

/// The notices still to go (pending, or failed and to be tried again) that
/// rely on consent of this scope: what a withdrawal of it stops. The
/// planner cancels exactly these (`planning::persist`, a
/// `Cancellation::ConsentScope`); only those the actor may read are listed.
fn relying_on(conn: &mut AnyConn, ctx: &Ctx, consent: &ConsentOut) -> AppResult<Vec<NoticeOut>> {
    let basis = serde_json::to_value(Basis::Consent {
        scope: consent.scope,
    })
    .map_err(|e| AppError::Internal(format!("consent basis: {e}")))?;
    let mut out = Vec::new();
    for state in ["pending", "failed"] {
        let filter = NoticeFilter {
            victim_id: Some(consent.victim_id.clone()),
            state: Some(state.into()),
            ..NoticeFilter::default()
        };
        let found = super::list_pages::<Notices>(conn, ctx, &filter, i64::MAX)?;
        out.extend(found.into_iter().filter(|n| n.basis == basis));
    }
    out.sort_by(|a, b| a.send_after.cmp(&b.send_after).then(a.id.cmp(&b.id)));
    Ok(out)
}

/// A consent and the notices that rely on it.
#[derive(Debug)]
pub struct Withdrawal {
    pub consent: ConsentOut,
    /// Before the withdrawal: what it will stop. After: what it stopped.
    pub notices: Vec<NoticeOut>,
}

/// What withdrawing this consent would stop. Changes nothing.
pub fn preview(conn: &mut AnyConn, ctx: &Ctx, id: &str) -> AppResult<Withdrawal> {
    ctx.may((ResourceKind::Consent, Action::Update, "consent"))?;
    let consent = super::read::<Consents>(conn, ctx, id)?;
    let notices = if consent.active {
        relying_on(conn, ctx, &consent)?
    } else {
        Vec::new()
    };
    Ok(Withdrawal { consent, notices })
}

/// Records that the victim withdrew the consent now, through the same
/// update use case as the API's PUT (`expected` is the version the page
/// was drawn from), and says which notices that stopped.
pub fn withdraw(conn: &mut AnyConn, ctx: &Ctx, id: &str, expected: i32) -> AppResult<Withdrawal> {
    store::write(conn, |conn| {
        let current = super::read::<Consents>(conn, ctx, id)?;
        let stopping = relying_on(conn, ctx, &current)?;
        let input = ConsentInput {
            victim_id: current.victim_id.clone(),
            scope: current.scope,
            basis: current.basis,
            basis_reason: current.basis_reason.clone(),
            given_at: crate::calendar::to_london(current.given_at).to_rfc3339(),
            withdrawn_at: Some(crate::calendar::to_london(ctx.now).to_rfc3339()),
        };
        let consent = super::update::<Consents>(conn, ctx, id, expected, input)?;
        Ok(Withdrawal {
            consent,
            notices: stopping,
        })
    })
}

/// Where an undo stands, or what it did.
#[derive(Debug)]
pub enum Undo {
    /// Undone: the consent recorded again from now (the new record), and
    /// how many of the notices the withdrawal stopped are planned again.
    Restored { consent: ConsentOut, revived: usize },
    /// Can still be undone, until the instant given.
    Open {
        withdrawn: ConsentOut,
        until: DateTime<Utc>,
    },
    /// Too late: the window ended at this instant.
    Expired {
        withdrawn: ConsentOut,
        ended: DateTime<Utc>,
    },
    /// The consent was not withdrawn: nothing to undo.
    NotWithdrawn(ConsentOut),
    /// A consent of the same scope is in force again already (an undo
    /// already made, or a new consent recorded): nothing more to do.
    AlreadyInForce(ConsentOut),
}

fn standing(conn: &mut AnyConn, ctx: &Ctx, id: &str) -> AppResult<Undo> {
    ctx.may((ResourceKind::Consent, Action::Create, "consent"))?;
    let consent = super::read::<Consents>(conn, ctx, id)?;
    let Some(withdrawn_at) = consent.withdrawn_at else {
        return Ok(Undo::NotWithdrawn(consent));
    };
    let again = crate::resources::victims_with_active(
        conn,
        std::slice::from_ref(&consent.victim_id),
        consent.scope,
        ctx.now,
    )?;
    if !again.is_empty() {
        return Ok(Undo::AlreadyInForce(consent));
    }
    let until = undo_until(withdrawn_at);
    if ctx.now > until {
        return Ok(Undo::Expired {
            withdrawn: consent,
            ended: until,
        });
    }
    Ok(Undo::Open {
        withdrawn: consent,
        until,
    })
}

/// Whether the withdrawal of this consent can still be undone. Changes
/// nothing.
pub fn undo_state(conn: &mut AnyConn, ctx: &Ctx, id: &str) -> AppResult<Undo> {
    standing(conn, ctx, id)
}

/// Undoes a withdrawal within the window: records the consent again from
/// now, through the same create use case as the API's POST (audited as a
/// new consent). Anything else is answered with where it stands, and
/// nothing is written.
pub fn undo(conn: &mut AnyConn, ctx: &Ctx, id: &str) -> AppResult<Undo> {
    store::write(conn, |conn| match standing(conn, ctx, id)? {
        Undo::Open { withdrawn, .. } => {
            let withdrawn_at = withdrawn.withdrawn_at.unwrap_or(ctx.now);
            let input = ConsentInput {
                victim_id: withdrawn.victim_id.clone(),
                scope: withdrawn.scope,
                basis: withdrawn.basis,
                basis_reason: withdrawn.basis_reason.clone(),
                given_at: crate::calendar::to_london(ctx.now).to_rfc3339(),
                withdrawn_at: None,
            };
            let consent = super::create::<Consents>(conn, ctx, input)?;
            let revived = crate::planning::persist::revive_withdrawn(
                conn,
                ctx.now,
                &consent.victim_id,
                consent.scope,
                withdrawn_at,
            )?;
            Ok(Undo::Restored {
                consent,
                revived: revived.len(),
            })
        }
        other => Ok(other),
    })
}

//! Stores a plan in the caller's transaction: new notices join the outbox,
//! tasks, deadlines and warnings are recorded, and cancellations stop what
//! earlier plans left pending. Keys make it idempotent: planning the same
//! event twice stores nothing twice; a cancelled item planned again (a
//! hearing moved away and back) comes back to life.

use chrono::{DateTime, Utc};
use diesel::prelude::*;
use serde::Serialize;

use crate::audit::{self, AuditAction};
use crate::error::{AppError, AppResult};
use crate::flows::{Cancellation, Plan, PlannedNotice, Recipient};
use crate::store::schema::{deadlines, flow_warnings, notices, tasks};
use crate::store::{self, AnyConn};

/// What a plan changed, for the caller and the log.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq, Serialize, utoipa::ToSchema)]
pub struct Applied {
    pub notices_planned: usize,
    pub notices_revived: usize,
    pub tasks_planned: usize,
    pub deadlines_started: usize,
    pub warnings: usize,
    pub cancelled: usize,
}

/// Where a stored plan belongs.
#[derive(Debug, Clone)]
pub struct Owner<'a> {
    pub victim_id: &'a str,
    pub case_id: Option<&'a str>,
    pub hearing_id: Option<&'a str>,
}

fn text<T: Serialize>(value: &T) -> AppResult<String> {
    serde_json::to_string(value).map_err(|e| AppError::Internal(e.to_string()))
}

/// The stored name of a flows enum (its serde spelling).
fn name<T: Serialize>(value: &T) -> AppResult<String> {
    match serde_json::to_value(value).map_err(|e| AppError::Internal(e.to_string()))? {
        serde_json::Value::String(s) => Ok(s),
        other => Ok(other.to_string()),
    }
}

fn like_prefix(prefix: &str) -> String {
    let escaped = prefix
        .replace('\\', "\\\\")
        .replace('%', "\\%")
        .replace('_', "\\_");
    format!("{escaped}%")
}

const OPEN_NOTICE: [&str; 2] = ["pending", "failed"];

/// An open notice a cancellation stops: (id, victim, category, recipient
/// key, basis), for its audit entry.
type Stopped = (String, String, String, String, String);

/// Cancels the open notices among `found`, with the reason's words and its
/// code for the audit log; returns the audit entries of those it stopped.
fn cancel_notices(
    conn: &mut AnyConn,
    found: Vec<Stopped>,
    reason: &str,
    code: &str,
    now: DateTime<Utc>,
) -> AppResult<Vec<audit::Entry>> {
    if found.is_empty() {
        return Ok(Vec::new());
    }
    let ids: Vec<String> = found.iter().map(|f| f.0.clone()).collect();
    let n = diesel::update(
        notices::table
            .filter(notices::id.eq_any(&ids))
            .filter(notices::state.eq_any(OPEN_NOTICE)),
    )
    .set((
        notices::state.eq("cancelled"),
        notices::cancelled_reason.eq(reason),
        notices::updated_at.eq(store::to_db(now)),
    ))
    .execute(conn)?;
    let mut found = found;
    if n != found.len() {
        // Another instance claimed some in between: record only ours.
        let stopped: Vec<String> = notices::table
            .filter(notices::id.eq_any(&ids))
            .filter(notices::state.eq("cancelled"))
            .filter(notices::updated_at.eq(store::to_db(now)))
            .select(notices::id)
            .load(conn)?;
        found.retain(|f| stopped.contains(&f.0));
    }
    Ok(found
        .into_iter()
        .map(|(id, victim, category, recipient, basis)| {
            // Why it stopped, then the basis it had.
            let had = audit::basis_code(&serde_json::from_str(&basis).unwrap_or_default());
            let basis = format!("{code}/{had}");
            audit::notice_entry(
                AuditAction::Cancel,
                &id,
                &victim,
                &category,
                &recipient,
                basis,
            )
        })
        .collect())
}

fn cancel(
    conn: &mut AnyConn,
    c: &Cancellation,
    now: DateTime<Utc>,
    entries: &mut Vec<audit::Entry>,
) -> AppResult<usize> {
    let ts = store::to_db(now);
    let stopped = (
        notices::id,
        notices::victim_id,
        notices::category,
        notices::recipient_key,
        notices::basis_json,
    );
    match c {
        Cancellation::KeyPrefix { prefix } => {
            let pattern = like_prefix(prefix);
            let found: Vec<Stopped> = notices::table
                .filter(notices::idempotency_key.like(&pattern).escape('\\'))
                .filter(notices::state.eq_any(OPEN_NOTICE))
                .select(stopped)
                .load(conn)?;
            let cancelled = cancel_notices(
                conn,
                found,
                "superseded: the hearing or request changed",
                "superseded",
                now,
            )?;
            let n = cancelled.len();
            entries.extend(cancelled);
            let t = diesel::update(
                tasks::table
                    .filter(tasks::idempotency_key.like(&pattern).escape('\\'))
                    .filter(tasks::state.eq("open")),
            )
            .set((tasks::state.eq("cancelled"), tasks::updated_at.eq(ts)))
            .execute(conn)?;
            let d = diesel::update(
                deadlines::table
                    .filter(deadlines::deadline_key.like(&pattern).escape('\\'))
                    .filter(deadlines::state.eq("running")),
            )
            .set((
                deadlines::state.eq("cancelled"),
                deadlines::updated_at.eq(ts),
            ))
            .execute(conn)?;
            Ok(n + t + d)
        }
        Cancellation::ConsentScope { victim_id, scope } => {
            let basis = text(&crate::flows::Basis::Consent { scope: *scope })?;
            let found: Vec<Stopped> = notices::table
                .filter(notices::victim_id.eq(victim_id))
                .filter(notices::basis_json.eq(basis))
                .filter(notices::state.eq_any(OPEN_NOTICE))
                .select(stopped)
                .load(conn)?;
            let cancelled =
                cancel_notices(conn, found, "consent withdrawn", "consent_withdrawn", now)?;
            let n = cancelled.len();
            entries.extend(cancelled);
            Ok(n)
        }
    }
}

fn recipient_ids(r: &Recipient) -> (Option<&str>, Option<&str>) {
    match r {
        Recipient::Supporter { user_id } => (Some(user_id), None),
        Recipient::WitnessCareUnit { org_id } => (None, Some(org_id)),
        _ => (None, None),
    }
}

/// The audit entry of a notice this plan put in the outbox.
fn planned_entry(id: &str, owner: &Owner, n: &PlannedNotice) -> AppResult<audit::Entry> {
    let basis = serde_json::to_value(&n.basis).map_err(|e| AppError::Internal(e.to_string()))?;
    Ok(audit::notice_entry(
        AuditAction::Plan,
        id,
        owner.victim_id,
        &name(&n.category)?,
        &n.recipient.key(),
        audit::basis_code(&basis),
    ))
}

/// Adds a notice to the outbox, or revives a cancelled one with its key.
/// Returns (planned, revived) and the notice's id when it did either.
fn notice(
    conn: &mut AnyConn,
    owner: &Owner,
    n: &PlannedNotice,
    now: DateTime<Utc>,
) -> AppResult<(bool, bool, Option<String>)> {
    let existing: Option<(String, String)> = notices::table
        .filter(notices::idempotency_key.eq(&n.idempotency_key))
        .select((notices::id, notices::state))
        .first(conn)
        .optional()?;
    let ts = store::to_db(now);
    let due = store::to_db(n.send_after.unwrap_or(now));
    match existing.as_ref().map(|(id, state)| (id, state.as_str())) {
        None => {
            let (user, org) = recipient_ids(&n.recipient);
            let id = store::new_id();
            diesel::insert_into(notices::table)
                .values((
                    notices::id.eq(&id),
                    notices::idempotency_key.eq(&n.idempotency_key),
                    notices::victim_id.eq(owner.victim_id),
                    notices::case_id.eq(owner.case_id),
                    notices::hearing_id.eq(owner.hearing_id),
                    notices::step.eq(&n.step),
                    notices::citation.eq(&n.citation),
                    notices::reconstructed.eq(n.reconstructed),
                    notices::recipient_kind.eq(name(&n.recipient.kind())?),
                    notices::recipient_key.eq(n.recipient.key()),
                    notices::recipient_user_id.eq(user),
                    notices::recipient_organisation_id.eq(org),
                    notices::channel.eq(name(&n.channel)?),
                    notices::template.eq(n.template.as_str()),
                    notices::language.eq(&n.language),
                    notices::data_json.eq(text(&n.data)?),
                    notices::category.eq(name(&n.category)?),
                    notices::basis_json.eq(text(&n.basis)?),
                    notices::not_for_public_disclosure.eq(n.not_for_public_disclosure),
                    notices::state.eq("pending"),
                    notices::send_after.eq(due),
                    notices::not_after.eq(n.not_after.map(store::to_db)),
                    notices::next_attempt_at.eq(due),
                    notices::created_at.eq(ts),
                    notices::updated_at.eq(ts),
                ))
                .execute(conn)?;
            Ok((true, false, Some(id)))
        }
        Some((id, "cancelled")) => {
            diesel::update(notices::table.filter(notices::idempotency_key.eq(&n.idempotency_key)))
                .set((
                    notices::state.eq("pending"),
                    notices::cancelled_reason.eq(None::<String>),
                    notices::data_json.eq(text(&n.data)?),
                    notices::send_after.eq(due),
                    notices::next_attempt_at.eq(due),
                    notices::not_after.eq(n.not_after.map(store::to_db)),
                    notices::updated_at.eq(ts),
                ))
                .execute(conn)?;
            Ok((false, true, Some(id.clone())))
        }
        Some(_) => Ok((false, false, None)),
    }
}

/// Stores a plan. Cancellations run first: they apply to what earlier
/// plans left pending, never to this plan's own items. Every notice
/// planned, revived or cancelled gets its audit entry, with the victim's id,
/// in the same transaction.
pub fn apply(
    conn: &mut AnyConn,
    owner: &Owner,
    plan: &Plan,
    now: DateTime<Utc>,
) -> AppResult<Applied> {
    let mut applied = Applied::default();
    let mut entries = Vec::new();
    for c in &plan.cancellations {
        applied.cancelled += cancel(conn, c, now, &mut entries)?;
    }
    let ts = store::to_db(now);
    let mut due_soon = false;
    for n in &plan.notices {
        let (planned, revived, id) = notice(conn, owner, n, now)?;
        applied.notices_planned += usize::from(planned);
        applied.notices_revived += usize::from(revived);
        if let Some(id) = id {
            entries.push(planned_entry(&id, owner, n)?);
        }
        due_soon |= (planned || revived)
            && n.send_after
                .is_none_or(|t| t <= now + chrono::Duration::minutes(1));
    }
    // Wakes the delivery worker on commit (it also re-reads when the next
    // timed notice falls due).
    if due_soon {
        crate::notify::wake::due_now(conn)?;
    }
    audit::append_all(conn, now, &entries)?;
    for t in &plan.tasks {
        let exists: i64 = tasks::table
            .filter(tasks::idempotency_key.eq(&t.idempotency_key))
            .count()
            .get_result(conn)?;
        if exists > 0 {
            diesel::update(
                tasks::table
                    .filter(tasks::idempotency_key.eq(&t.idempotency_key))
                    .filter(tasks::state.eq("cancelled")),
            )
            .set((tasks::state.eq("open"), tasks::updated_at.eq(ts)))
            .execute(conn)?;
            continue;
        }
        diesel::insert_into(tasks::table)
            .values((
                tasks::id.eq(store::new_id()),
                tasks::idempotency_key.eq(&t.idempotency_key),
                tasks::victim_id.eq(owner.victim_id),
                tasks::case_id.eq(owner.case_id),
                tasks::hearing_id.eq(owner.hearing_id),
                tasks::step.eq(&t.step),
                tasks::citation.eq(&t.citation),
                tasks::reconstructed.eq(t.reconstructed),
                tasks::role.eq(name(&t.role)?),
                tasks::assignee_user_id.eq(&t.assignee),
                tasks::kind.eq(name(&t.kind)?),
                tasks::due_at.eq(t.due.map(store::to_db)),
                tasks::detail.eq(&t.detail),
                tasks::state.eq("open"),
                tasks::created_at.eq(ts),
                tasks::updated_at.eq(ts),
            ))
            .execute(conn)?;
        applied.tasks_planned += 1;
    }
    for d in &plan.deadlines {
        let exists: i64 = deadlines::table
            .filter(deadlines::deadline_key.eq(&d.key))
            .count()
            .get_result(conn)?;
        if exists > 0 {
            diesel::update(
                deadlines::table
                    .filter(deadlines::deadline_key.eq(&d.key))
                    .filter(deadlines::state.eq("cancelled")),
            )
            .set((deadlines::state.eq("running"), deadlines::updated_at.eq(ts)))
            .execute(conn)?;
            continue;
        }
        diesel::insert_into(deadlines::table)
            .values((
                deadlines::id.eq(store::new_id()),
                deadlines::deadline_key.eq(&d.key),
                deadlines::victim_id.eq(owner.victim_id),
                deadlines::case_id.eq(owner.case_id),
                deadlines::hearing_id.eq(owner.hearing_id),
                deadlines::kind.eq(name(&d.kind)?),
                deadlines::counted_from.eq(d.counted_from),
                deadlines::due_date.eq(d.due_date),
                deadlines::due_at.eq(store::to_db(d.due)),
                deadlines::citation.eq(&d.citation),
                deadlines::confirmed.eq(d.confirmed),
                deadlines::operational.eq(d.operational),
                deadlines::state.eq("running"),
                deadlines::created_at.eq(ts),
                deadlines::updated_at.eq(ts),
            ))
            .execute(conn)?;
        applied.deadlines_started += 1;
    }
    for w in &plan.warnings {
        let detail = text(w)?;
        let kind = serde_json::to_value(w)
            .ok()
            .and_then(|v| v.get("kind").and_then(|k| k.as_str()).map(str::to_string))
            .unwrap_or_else(|| "warning".into());
        // One warning of a kind and content per victim and case.
        let key = format!(
            "{}/{}/{}",
            owner.victim_id,
            owner.case_id.unwrap_or("-"),
            hex::encode(<sha2::Sha256 as sha2::Digest>::digest(detail.as_bytes()))
        );
        let exists: i64 = flow_warnings::table
            .filter(flow_warnings::warning_key.eq(&key))
            .count()
            .get_result(conn)?;
        if exists == 0 {
            diesel::insert_into(flow_warnings::table)
                .values((
                    flow_warnings::id.eq(store::new_id()),
                    flow_warnings::warning_key.eq(&key),
                    flow_warnings::victim_id.eq(owner.victim_id),
                    flow_warnings::case_id.eq(owner.case_id),
                    flow_warnings::kind.eq(kind),
                    flow_warnings::detail_json.eq(detail),
                    flow_warnings::created_at.eq(ts),
                ))
                .execute(conn)?;
            applied.warnings += 1;
        }
    }
    Ok(applied)
}

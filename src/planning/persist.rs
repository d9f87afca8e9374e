//! Stores a plan in the caller's transaction: new notices join the outbox,
//! tasks, deadlines and warnings are recorded, and cancellations stop what
//! earlier plans left pending. Keys make it idempotent: planning the same
//! event twice stores nothing twice; a cancelled item planned again (a
//! hearing moved away and back) comes back to life.

use std::collections::{BTreeSet, HashMap, HashSet};

use chrono::{DateTime, Utc};
use diesel::prelude::*;
use serde::Serialize;

use crate::audit::{self, AuditAction, Entry};
use crate::error::{AppError, AppResult};
use crate::flows::{Cancellation, Plan, Recipient};
use crate::store::schema::{court_need_disclosures, deadlines, flow_warnings, notices, tasks};
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

fn recipient_ids(r: &Recipient) -> (Option<&str>, Option<&str>) {
    match r {
        Recipient::Supporter { user_id } => (Some(user_id), None),
        Recipient::WitnessCareUnit { org_id } => (None, Some(org_id)),
        _ => (None, None),
    }
}

/// A multi-row INSERT on the backend's own connection (the two-backend
/// connection sends one row at a time).
macro_rules! insert_rows {
    ($conn:expr, $table:expr, $rows:expr) => {{
        for chunk in $rows.chunks(crate::store::ROWS_CHUNK) {
            let insert = diesel::insert_into($table).values(chunk);
            crate::store::dialect::execute!(&mut *$conn, insert)?;
        }
    }};
}

/// The row recording that a notice about a hearing passes the victim's
/// needs at court to a partner (the court, through the prosecutor, or the
/// Witness Service): what a moved hearing is re-sent by.
#[allow(clippy::type_complexity)]
fn need_disclosure(
    hearing_id: Option<&str>,
    notice_id: &str,
    n: &crate::flows::PlannedNotice,
    ts: chrono::NaiveDateTime,
) -> Option<(
    diesel::dsl::Eq<court_need_disclosures::id, String>,
    diesel::dsl::Eq<court_need_disclosures::hearing_id, String>,
    diesel::dsl::Eq<court_need_disclosures::partner, &'static str>,
    diesel::dsl::Eq<court_need_disclosures::notice_id, Option<String>>,
    diesel::dsl::Eq<court_need_disclosures::told_at, chrono::NaiveDateTime>,
)> {
    let hearing_id = hearing_id?;
    let needs = n.data.get("court_needs")?.as_array()?;
    if needs.is_empty() {
        return None;
    }
    let partner = match crate::flows::court_needs::partner_of(&n.recipient)? {
        crate::flows::court_needs::NeedPartner::Court => "court",
        crate::flows::court_needs::NeedPartner::WitnessService => "witness_service",
    };
    Some((
        court_need_disclosures::id.eq(store::new_id()),
        court_need_disclosures::hearing_id.eq(hearing_id.to_string()),
        court_need_disclosures::partner.eq(partner),
        court_need_disclosures::notice_id.eq(Some(notice_id.to_string())),
        court_need_disclosures::told_at.eq(ts),
    ))
}

const OPEN_NOTICE: [&str; 2] = ["pending", "failed"];
const SUPERSEDED: &str = "superseded: the hearing or request changed";
const WITHDRAWN: &str = "consent withdrawn";

/// A stored row a plan may touch, as it stands in memory while the plans
/// of a batch are applied one after another.
#[derive(Debug, Clone)]
struct Stored {
    id: String,
    victim_id: String,
    state: String,
    /// The notice's basis (notices only), for consent cancellations.
    basis: Option<String>,
    /// The notice's category and recipient key (notices only), for the
    /// audit record.
    category: String,
    recipient: String,
    /// Whether the row is new in this batch.
    new: bool,
    /// Why it was cancelled (notices), if this batch cancelled it.
    cancelled: Option<&'static str>,
    /// The plan's notice, for a new or revived row.
    planned: Option<(usize, usize)>,
    /// Revived (state set open again) by this batch.
    revived: bool,
}

/// What storing [`Rows`] comes to: the new rows (with the plan step that
/// asked for each), and the ids to set live again and to cancel.
type Changes<'a> = (
    Vec<(&'a String, &'a Stored, (usize, usize))>,
    Vec<String>,
    Vec<String>,
);

/// Rows of one table by key, and each victim's keys for prefix searches.
#[derive(Default)]
struct Rows {
    by_key: HashMap<String, Stored>,
    by_victim: HashMap<String, BTreeSet<String>>,
}

impl Rows {
    fn changes(&self) -> Changes<'_> {
        let (mut new, mut revived, mut stopped) = (Vec::new(), Vec::new(), Vec::new());
        for (key, row) in &self.by_key {
            if row.new {
                new.push((key, row, row.planned.expect("a new row is planned")));
            } else if row.revived {
                revived.push(row.id.clone());
            } else if row.cancelled.is_some() {
                stopped.push(row.id.clone());
            }
        }
        (new, revived, stopped)
    }

    /// A task or deadline a plan names: a new row in the `live` state
    /// (true) where none has the key yet; a cancelled one is revived.
    fn plan_plain(&mut self, key: &str, victim_id: &str, live: &str, at: (usize, usize)) -> bool {
        match self.by_key.get_mut(key) {
            None => {
                let mut row = plain(store::new_id(), victim_id.to_string(), live);
                row.new = true;
                row.planned = Some(at);
                self.add(key.to_string(), row);
                true
            }
            Some(row) if row.state == "cancelled" => {
                row.state = live.into();
                row.revived = true;
                false
            }
            Some(_) => false,
        }
    }

    fn add(&mut self, key: String, row: Stored) {
        self.by_victim
            .entry(row.victim_id.clone())
            .or_default()
            .insert(key.clone());
        self.by_key.entry(key).or_insert(row);
    }

    /// Cancels this victim's rows whose key starts with `prefix` and whose
    /// state is one of `open`; returns how many.
    fn cancel_prefix(
        &mut self,
        victim_id: &str,
        prefix: &str,
        open: &[&str],
        why: &'static str,
    ) -> usize {
        let Some(keys) = self.by_victim.get(victim_id) else {
            return 0;
        };
        let mut n = 0;
        for key in keys
            .range::<str, _>((
                std::ops::Bound::Included(prefix),
                std::ops::Bound::Unbounded,
            ))
            .take_while(|k| k.starts_with(prefix))
        {
            let row = self.by_key.get_mut(key).expect("indexed key");
            if open.contains(&row.state.as_str()) {
                row.state = "cancelled".into();
                row.cancelled = Some(why);
                n += 1;
            }
        }
        n
    }
}

fn key_of(victim_id: &str, case_id: Option<&str>, detail: &str) -> String {
    // One warning of a kind and content per victim and case.
    format!(
        "{}/{}/{}",
        victim_id,
        case_id.unwrap_or("-"),
        hex::encode(<sha2::Sha256 as sha2::Digest>::digest(detail.as_bytes()))
    )
}

/// Stores one plan. Cancellations run first: they apply to what earlier
/// plans left pending, never to this plan's own items.
pub fn apply(
    conn: &mut AnyConn,
    owner: &Owner,
    plan: &Plan,
    now: DateTime<Utc>,
) -> AppResult<Applied> {
    Ok(apply_all(conn, &[(owner.clone(), plan)], now)?.remove(0))
}

/// Stores a set of plans, as if each were applied in turn, in a fixed
/// number of statements: the rows they may touch are read at once, the
/// plans are applied in memory, and the difference is written in bulk
/// (multi-row inserts, updates by id lists), with one audit entry per
/// notice planned or cancelled.
///
/// A key-prefix cancellation reaches the owner's own rows (every planned
/// key names its hearing, request or case, which belong to one victim).
/// Each victim appears at most once in `plans` (the caller splits a larger
/// set into rounds), so no plan sees another's effects.
pub fn apply_all(
    conn: &mut AnyConn,
    plans: &[(Owner, &Plan)],
    now: DateTime<Utc>,
) -> AppResult<Vec<Applied>> {
    let ts = store::to_db(now);
    let mut victims: BTreeSet<String> = BTreeSet::new();
    let mut notice_keys: BTreeSet<String> = BTreeSet::new();
    let mut task_keys: BTreeSet<String> = BTreeSet::new();
    let mut deadline_keys: BTreeSet<String> = BTreeSet::new();
    let mut warning_keys: BTreeSet<String> = BTreeSet::new();
    let mut warnings: Vec<Vec<(String, String, String)>> = Vec::new();
    for (owner, plan) in plans {
        victims.insert(owner.victim_id.to_string());
        for c in &plan.cancellations {
            if let Cancellation::ConsentScope { victim_id, .. } = c {
                victims.insert(victim_id.clone());
            }
        }
        notice_keys.extend(plan.notices.iter().map(|n| n.idempotency_key.clone()));
        task_keys.extend(plan.tasks.iter().map(|t| t.idempotency_key.clone()));
        deadline_keys.extend(plan.deadlines.iter().map(|d| d.key.clone()));
        let mut mine = Vec::new();
        for w in &plan.warnings {
            let detail = text(w)?;
            let kind = serde_json::to_value(w)
                .ok()
                .and_then(|v| v.get("kind").and_then(|k| k.as_str()).map(str::to_string))
                .unwrap_or_else(|| "warning".into());
            let key = key_of(owner.victim_id, owner.case_id, &detail);
            warning_keys.insert(key.clone());
            mine.push((key, kind, detail));
        }
        warnings.push(mine);
    }
    let victims: Vec<String> = victims.into_iter().collect();
    let wants_cancel = plans.iter().any(|(_, p)| !p.cancellations.is_empty());

    // What the plans may touch, as it stands.
    let mut notice_rows = Rows::default();
    let mut task_rows = Rows::default();
    let mut deadline_rows = Rows::default();
    type NoticeRow = (
        String,
        String,
        String,
        String,
        Option<String>,
        String,
        String,
        String,
    );
    // Read the same way whether found by victim or by key.
    let notice_columns = (
        notices::idempotency_key,
        notices::id,
        notices::victim_id,
        notices::state,
        notices::lease_owner,
        notices::basis_json,
        notices::category,
        notices::recipient_key,
    );
    let mut found: Vec<NoticeRow> = Vec::new();
    if wants_cancel {
        for chunk in victims.chunks(crate::store::IN_CHUNK) {
            found.extend(
                notices::table
                    .filter(notices::victim_id.eq_any(chunk))
                    .filter(notices::state.eq_any(OPEN_NOTICE))
                    .filter(crate::notify::delivery::not_being_sent())
                    .select(notice_columns)
                    .load::<NoticeRow>(conn)?,
            );
        }
    }
    let notice_keys: Vec<String> = notice_keys.into_iter().collect();
    for chunk in notice_keys.chunks(crate::store::IN_CHUNK) {
        found.extend(
            notices::table
                .filter(notices::idempotency_key.eq_any(chunk))
                .select(notice_columns)
                .load::<NoticeRow>(conn)?,
        );
    }
    for (key, id, victim_id, state, lease_owner, basis, category, recipient) in found {
        // A notice being sent is not open: it is decided in memory as the
        // worker sees it, "sending", and neither cancelled nor audited as
        // cancelled.
        let state = crate::notify::delivery::shown_state(&state, lease_owner.as_deref()).to_owned();
        notice_rows.add(
            key,
            Stored {
                id,
                victim_id,
                state,
                basis: Some(basis),
                category,
                recipient,
                new: false,
                cancelled: None,
                planned: None,
                revived: false,
            },
        );
    }
    // The open tasks and running deadlines of the victims being cancelled,
    // and the rows the plans name by key: one load for each table.
    macro_rules! load_plain {
        ($table:ident, $key:ident, $live:literal, $keys:expr, $rows:expr) => {{
            let mut found: Vec<(String, String, String, String)> = Vec::new();
            let select = ($table::$key, $table::id, $table::victim_id, $table::state);
            if wants_cancel {
                for chunk in victims.chunks(crate::store::IN_CHUNK) {
                    found.extend(
                        $table::table
                            .filter($table::victim_id.eq_any(chunk))
                            .filter($table::state.eq($live))
                            .select(select)
                            .load::<(String, String, String, String)>(conn)?,
                    );
                }
            }
            let keys: Vec<String> = $keys.into_iter().collect();
            for chunk in keys.chunks(crate::store::IN_CHUNK) {
                found.extend(
                    $table::table
                        .filter($table::$key.eq_any(chunk))
                        .select(select)
                        .load::<(String, String, String, String)>(conn)?,
                );
            }
            for (key, id, victim_id, state) in found {
                $rows.add(key, plain(id, victim_id, state));
            }
        }};
    }
    load_plain!(tasks, idempotency_key, "open", task_keys, task_rows);
    load_plain!(
        deadlines,
        deadline_key,
        "running",
        deadline_keys,
        deadline_rows
    );
    let mut seen_warnings: HashSet<String> = HashSet::new();
    let warning_keys: Vec<String> = warning_keys.into_iter().collect();
    for chunk in warning_keys.chunks(crate::store::IN_CHUNK) {
        seen_warnings.extend(
            flow_warnings::table
                .filter(flow_warnings::warning_key.eq_any(chunk))
                .select(flow_warnings::warning_key)
                .load::<String>(conn)?,
        );
    }

    // Apply each plan in memory.
    let mut out = vec![Applied::default(); plans.len()];
    let mut new_warnings: Vec<(usize, &str, &str, &str)> = Vec::new();
    for (i, (owner, plan)) in plans.iter().enumerate() {
        let applied = &mut out[i];
        for c in &plan.cancellations {
            applied.cancelled += match c {
                Cancellation::KeyPrefix { prefix } => {
                    notice_rows.cancel_prefix(owner.victim_id, prefix, &OPEN_NOTICE, SUPERSEDED)
                        + task_rows.cancel_prefix(owner.victim_id, prefix, &["open"], SUPERSEDED)
                        + deadline_rows.cancel_prefix(
                            owner.victim_id,
                            prefix,
                            &["running"],
                            SUPERSEDED,
                        )
                }
                Cancellation::ConsentScope { victim_id, scope } => {
                    let basis = text(&crate::flows::Basis::Consent { scope: *scope })?;
                    let keys: Vec<String> = notice_rows
                        .by_victim
                        .get(victim_id)
                        .map(|k| k.iter().cloned().collect())
                        .unwrap_or_default();
                    let mut n = 0;
                    for key in keys {
                        let row = notice_rows.by_key.get_mut(&key).expect("indexed key");
                        if row.basis.as_deref() == Some(basis.as_str())
                            && OPEN_NOTICE.contains(&row.state.as_str())
                        {
                            row.state = "cancelled".into();
                            row.cancelled = Some(WITHDRAWN);
                            n += 1;
                        }
                    }
                    n
                }
            };
        }
        for (j, n) in plan.notices.iter().enumerate() {
            match notice_rows.by_key.get_mut(&n.idempotency_key) {
                None => {
                    notice_rows.add(
                        n.idempotency_key.clone(),
                        Stored {
                            id: store::new_id(),
                            victim_id: owner.victim_id.to_string(),
                            state: "pending".into(),
                            basis: Some(text(&n.basis)?),
                            category: name(&n.category)?,
                            recipient: n.recipient.key(),
                            new: true,
                            cancelled: None,
                            planned: Some((i, j)),
                            revived: false,
                        },
                    );
                    applied.notices_planned += 1;
                }
                Some(row) if row.state == "cancelled" => {
                    row.state = "pending".into();
                    row.planned = Some((i, j));
                    row.revived = true;
                    applied.notices_revived += 1;
                }
                Some(_) => {}
            }
        }
        for (j, t) in plan.tasks.iter().enumerate() {
            let new = task_rows.plan_plain(&t.idempotency_key, owner.victim_id, "open", (i, j));
            applied.tasks_planned += usize::from(new);
        }
        for (j, d) in plan.deadlines.iter().enumerate() {
            let new = deadline_rows.plan_plain(&d.key, owner.victim_id, "running", (i, j));
            applied.deadlines_started += usize::from(new);
        }
        for (key, kind, detail) in &warnings[i] {
            if seen_warnings.insert(key.clone()) {
                new_warnings.push((i, key, kind, detail));
                applied.warnings += 1;
            }
        }
    }

    // Write the difference.
    let mut audit_entries: Vec<Entry> = Vec::new();
    // Whether a notice planned or revived here is due within a minute: the
    // delivery worker is then woken on commit.
    let mut due_soon = false;
    let soon = now + chrono::Duration::minutes(1);
    let mut notice_inserts = Vec::new();
    let mut need_disclosures = Vec::new();
    let mut cancelled: HashMap<&'static str, Vec<String>> = HashMap::new();
    let mut notice_list: Vec<(&String, &Stored)> = notice_rows.by_key.iter().collect();
    notice_list.sort_by(|a, b| a.1.planned.cmp(&b.1.planned).then(a.0.cmp(b.0)));
    for (key, row) in notice_list {
        if row.new {
            let (i, j) = row.planned.expect("a new notice is planned");
            let owner = &plans[i].0;
            let n = &plans[i].1.notices[j];
            due_soon |= n.send_after.is_none_or(|t| t <= soon);
            let (user, org) = recipient_ids(&n.recipient);
            let due = store::to_db(n.send_after.unwrap_or(now));
            notice_inserts.push((
                notices::id.eq(row.id.clone()),
                notices::idempotency_key.eq(key.clone()),
                notices::victim_id.eq(owner.victim_id.to_string()),
                notices::case_id.eq(owner.case_id.map(str::to_string)),
                notices::hearing_id.eq(owner.hearing_id.map(str::to_string)),
                notices::step.eq(n.step.clone()),
                notices::citation.eq(n.citation.clone()),
                notices::reconstructed.eq(n.reconstructed),
                notices::recipient_kind.eq(name(&n.recipient.kind())?),
                notices::recipient_key.eq(n.recipient.key()),
                notices::recipient_user_id.eq(user.map(str::to_string)),
                notices::recipient_organisation_id.eq(org.map(str::to_string)),
                notices::channel.eq(name(&n.channel)?),
                notices::template.eq(n.template.as_str().to_string()),
                notices::language.eq(n.language.clone()),
                (
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
                ),
            ));
            if let Some(row) = need_disclosure(owner.hearing_id, &row.id, n, ts) {
                need_disclosures.push(row);
            }
            audit_entries.push(notice_entry(AuditAction::Plan, row));
        } else if row.revived {
            let (i, j) = row.planned.expect("a revived notice is planned");
            let n = &plans[i].1.notices[j];
            due_soon |= n.send_after.is_none_or(|t| t <= soon);
            let due = store::to_db(n.send_after.unwrap_or(now));
            diesel::update(notices::table.filter(notices::id.eq(&row.id)))
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
            if row.cancelled.is_some() {
                audit_entries.push(notice_entry(AuditAction::Cancel, row));
            }
            audit_entries.push(notice_entry(AuditAction::Plan, row));
        } else if let Some(why) = row.cancelled {
            cancelled.entry(why).or_default().push(row.id.clone());
            audit_entries.push(notice_entry(AuditAction::Cancel, row));
        }
    }
    insert_rows!(conn, notices::table, notice_inserts);
    insert_rows!(conn, court_need_disclosures::table, need_disclosures);
    if due_soon {
        crate::notify::wake::due_now(conn)?;
    }
    for (why, ids) in cancelled {
        for chunk in ids.chunks(crate::store::IN_CHUNK) {
            // Only what is still open: a worker may have claimed one since.
            diesel::update(
                notices::table
                    .filter(notices::id.eq_any(chunk))
                    .filter(notices::state.eq_any(OPEN_NOTICE))
                    .filter(crate::notify::delivery::not_being_sent()),
            )
            .set((
                notices::state.eq("cancelled"),
                notices::cancelled_reason.eq(why),
                notices::updated_at.eq(ts),
            ))
            .execute(conn)?;
        }
    }

    let mut task_inserts = Vec::new();
    let (new, reopened, stopped) = task_rows.changes();
    for (key, row, (i, j)) in new {
        let owner = &plans[i].0;
        let t = &plans[i].1.tasks[j];
        task_inserts.push((
            tasks::id.eq(row.id.clone()),
            tasks::idempotency_key.eq(key.clone()),
            tasks::victim_id.eq(owner.victim_id.to_string()),
            tasks::case_id.eq(owner.case_id.map(str::to_string)),
            tasks::hearing_id.eq(owner.hearing_id.map(str::to_string)),
            tasks::step.eq(t.step.clone()),
            tasks::citation.eq(t.citation.clone()),
            tasks::reconstructed.eq(t.reconstructed),
            tasks::role.eq(name(&t.role)?),
            tasks::assignee_user_id.eq(t.assignee.clone()),
            tasks::kind.eq(name(&t.kind)?),
            tasks::due_at.eq(t.due.map(store::to_db)),
            tasks::detail.eq(t.detail.clone()),
            tasks::state.eq("open"),
            tasks::created_at.eq(ts),
            tasks::updated_at.eq(ts),
        ));
    }
    insert_rows!(conn, tasks::table, task_inserts);
    for (ids, state) in [(reopened, "open"), (stopped, "cancelled")] {
        for chunk in ids.chunks(crate::store::IN_CHUNK) {
            diesel::update(tasks::table.filter(tasks::id.eq_any(chunk)))
                .set((tasks::state.eq(state), tasks::updated_at.eq(ts)))
                .execute(conn)?;
        }
    }

    let mut deadline_inserts = Vec::new();
    let (new, restarted, stopped) = deadline_rows.changes();
    for (key, row, (i, j)) in new {
        let owner = &plans[i].0;
        let d = &plans[i].1.deadlines[j];
        deadline_inserts.push((
            deadlines::id.eq(row.id.clone()),
            deadlines::deadline_key.eq(key.clone()),
            deadlines::victim_id.eq(owner.victim_id.to_string()),
            deadlines::case_id.eq(owner.case_id.map(str::to_string)),
            deadlines::hearing_id.eq(owner.hearing_id.map(str::to_string)),
            deadlines::kind.eq(name(&d.kind)?),
            deadlines::counted_from.eq(d.counted_from),
            deadlines::due_date.eq(d.due_date),
            deadlines::due_at.eq(store::to_db(d.due)),
            deadlines::citation.eq(d.citation.clone()),
            deadlines::confirmed.eq(d.confirmed),
            deadlines::operational.eq(d.operational),
            deadlines::state.eq("running"),
            deadlines::created_at.eq(ts),
            deadlines::updated_at.eq(ts),
        ));
    }
    insert_rows!(conn, deadlines::table, deadline_inserts);
    for (ids, state) in [(restarted, "running"), (stopped, "cancelled")] {
        for chunk in ids.chunks(crate::store::IN_CHUNK) {
            diesel::update(deadlines::table.filter(deadlines::id.eq_any(chunk)))
                .set((deadlines::state.eq(state), deadlines::updated_at.eq(ts)))
                .execute(conn)?;
        }
    }

    let warning_inserts: Vec<_> = new_warnings
        .iter()
        .map(|(i, key, kind, detail)| {
            let owner = &plans[*i].0;
            (
                flow_warnings::id.eq(store::new_id()),
                flow_warnings::warning_key.eq(key.to_string()),
                flow_warnings::victim_id.eq(owner.victim_id.to_string()),
                flow_warnings::case_id.eq(owner.case_id.map(str::to_string)),
                flow_warnings::kind.eq(kind.to_string()),
                flow_warnings::detail_json.eq(detail.to_string()),
                flow_warnings::created_at.eq(ts),
            )
        })
        .collect();
    insert_rows!(conn, flow_warnings::table, warning_inserts);

    audit::append_all(conn, now, &audit_entries)?;
    Ok(out)
}

fn plain(id: String, victim_id: String, state: impl Into<String>) -> Stored {
    Stored {
        id,
        victim_id,
        state: state.into(),
        basis: None,
        category: String::new(),
        recipient: String::new(),
        new: false,
        cancelled: None,
        planned: None,
        revived: false,
    }
}

/// The audit entry of a notice planned (created or revived) or cancelled
/// by planning: ids, category, recipient key and basis code only. A
/// cancellation's basis says why it stopped, then the basis it had.
/// Brings back the notices that a withdrawal of consent of `scope`, made
/// at `withdrawn_at`, stopped, when it is undone at `now` (the consent
/// recorded again): those of the victim still cancelled for that reason
/// since that instant, on that basis, and not moot (`not_after` not yet
/// passed). Each is planned again as it was, due now if its time has
/// passed, and audited as planned; the checks before sending apply as to
/// any notice (a hearing that moved meanwhile still stops it). Returns
/// their ids.
pub fn revive_withdrawn(
    conn: &mut AnyConn,
    now: DateTime<Utc>,
    victim_id: &str,
    scope: crate::domain::ConsentScope,
    withdrawn_at: DateTime<Utc>,
) -> AppResult<Vec<String>> {
    let basis = text(&crate::flows::Basis::Consent { scope })?;
    let ts = store::to_db(now);
    let rows: Vec<(String, String, String, chrono::NaiveDateTime)> = notices::table
        .filter(notices::victim_id.eq(victim_id))
        .filter(notices::state.eq("cancelled"))
        .filter(notices::cancelled_reason.eq(WITHDRAWN))
        .filter(notices::basis_json.eq(&basis))
        .filter(notices::updated_at.ge(store::to_db(withdrawn_at)))
        .filter(notices::not_after.is_null().or(notices::not_after.gt(ts)))
        .order(notices::id.asc())
        .select((
            notices::id,
            notices::category,
            notices::recipient_key,
            notices::send_after,
        ))
        .load(conn)?;
    let mut entries = Vec::new();
    let mut ids = Vec::new();
    for (id, category, recipient, send_after) in rows {
        let due = send_after.max(ts);
        diesel::update(
            notices::table
                .filter(notices::id.eq(&id))
                .filter(notices::state.eq("cancelled")),
        )
        .set((
            notices::state.eq("pending"),
            notices::cancelled_reason.eq(None::<String>),
            notices::next_attempt_at.eq(due),
            notices::updated_at.eq(ts),
        ))
        .execute(conn)?;
        let row = Stored {
            id: id.clone(),
            victim_id: victim_id.to_owned(),
            state: "pending".into(),
            basis: Some(basis.clone()),
            category,
            recipient,
            new: false,
            cancelled: None,
            planned: None,
            revived: true,
        };
        entries.push(notice_entry(AuditAction::Plan, &row));
        ids.push(id);
    }
    if !ids.is_empty() {
        audit::append_all(conn, now, &entries)?;
        crate::notify::wake::due_now(conn)?;
    }
    Ok(ids)
}

fn notice_entry(action: AuditAction, row: &Stored) -> Entry {
    let had = audit::basis_code(
        &row.basis
            .as_deref()
            .and_then(|b| serde_json::from_str(b).ok())
            .unwrap_or_default(),
    );
    let basis = match (action, row.cancelled) {
        (AuditAction::Cancel, Some(WITHDRAWN)) => format!("consent_withdrawn/{had}"),
        (AuditAction::Cancel, _) => format!("superseded/{had}"),
        _ => had,
    };
    audit::notice_entry(
        action,
        &row.id,
        &row.victim_id,
        &row.category,
        &row.recipient,
        basis,
    )
}

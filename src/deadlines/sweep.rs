//! The imperative shell around [`super::met`] and [`super::decide`]: load
//! running deadlines in batches, gather the facts each rule looks at, and
//! store what the pure functions decide. No decision is made here.
//!
//! Idempotent: every update is guarded by the state it expects, so a second
//! run (or a second instance) changes nothing. One transaction per batch.

use chrono::{DateTime, Duration, NaiveDate, NaiveDateTime, Utc};
use diesel::prelude::*;
use serde::Serialize;

use super::met::{self, Delivered, DoneTask, Facts, Milestone, Request, Told, Verdict, Visit};
use crate::domain::{AttendanceState, LawfulBasis};
use crate::error::{AppError, AppResult};
use crate::flows::DeadlineKind;
use crate::flows::{Basis, Cancellation, Plan, Recipient};
use crate::planning::persist::{self, Owner};
use crate::rules::{AlertTo, Rules};
use crate::store::schema::{
    attendance_requests, cases, courts, deadlines, hearings, notices, organisations,
    parole_milestones, pre_trial_visits, supporter_assignments, tasks, victims,
};

use super::alerts::{self, Watched};
pub(crate) use super::decide::kind_of;
use super::decide::{self, Change, FollowUp};
pub use super::decide::{request_id, subject_prefix};

use crate::store::{self, AnyConn, Pool};

/// How long after its due moment a missed deadline is still watched for
/// the late moment it was done.
pub const LATE_WATCH_DAYS: i64 = 30;

/// What one sweep changed.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Swept {
    pub examined: usize,
    pub met: usize,
    pub missed: usize,
    /// Alert notices newly planned (or revived) in the outbox.
    pub alerts_planned: usize,
    /// Pending alerts stopped because their deadline was met.
    pub alerts_cancelled: usize,
    /// Missed deadlines now known to have been done late.
    pub done_late: usize,
}

#[derive(Queryable, Selectable, Debug, Clone)]
#[diesel(table_name = deadlines)]
pub(crate) struct Row {
    pub id: String,
    pub deadline_key: String,
    pub victim_id: String,
    pub case_id: Option<String>,
    pub hearing_id: Option<String>,
    pub kind: String,
    pub counted_from: NaiveDate,
    pub due_date: NaiveDate,
    pub due_at: NaiveDateTime,
    pub state: String,
}

fn like_prefix(prefix: &str) -> String {
    let escaped = prefix
        .replace('\\', "\\\\")
        .replace('%', "\\%")
        .replace('_', "\\_");
    format!("{escaped}%")
}

/// Loads what the rule for `row` looks at.
pub(crate) fn gather(conn: &mut AnyConn, row: &Row, kind: DeadlineKind) -> AppResult<Facts> {
    let mut facts = Facts {
        hearing_id: row.hearing_id.clone(),
        counted_from: Some(row.counted_from),
        ..Facts::default()
    };
    if let Some(prefix) = subject_prefix(&row.deadline_key) {
        let pattern = like_prefix(prefix);
        type NoticeSeen = (
            String,
            String,
            String,
            String,
            Option<NaiveDateTime>,
            Option<NaiveDateTime>,
        );
        let seen: Vec<NoticeSeen> = notices::table
            .filter(notices::idempotency_key.like(&pattern).escape('\\'))
            .filter(notices::state.eq_any(["sent", "ready"]))
            .select((
                notices::step,
                notices::recipient_kind,
                notices::data_json,
                notices::state,
                notices::sent_at,
                notices::acknowledged_at,
            ))
            .load(conn)?;
        for (step, recipient, data, state, sent_at, acknowledged_at) in seen {
            // A notice made ready to pass on by a person counts once a
            // person acknowledged passing it on.
            let at = match state.as_str() {
                "sent" => sent_at,
                _ => acknowledged_at,
            };
            let Some(at) = at else { continue };
            let to = match recipient.as_str() {
                "victim" => Told::Victim,
                "supporter" => {
                    let data: serde_json::Value = serde_json::from_str(&data).unwrap_or_default();
                    Told::Supporter {
                        relays_to_victim: data["relay_to_victim"] == serde_json::Value::Bool(true),
                    }
                }
                _ => Told::Other,
            };
            facts.delivered.push(Delivered {
                step,
                to,
                at: store::from_db(at),
            });
        }
        let done: Vec<(String, Option<NaiveDateTime>)> = tasks::table
            .filter(tasks::idempotency_key.like(&pattern).escape('\\'))
            .filter(tasks::state.eq("done"))
            .select((tasks::kind, tasks::done_at))
            .load(conn)?;
        facts.done_tasks = done
            .into_iter()
            .filter_map(|(kind, at)| {
                at.map(|at| DoneTask {
                    kind,
                    at: store::from_db(at),
                })
            })
            .collect();
    }
    use DeadlineKind::*;
    match kind {
        CpsInformedOfSupporter | AttendanceRaisedWithCourt => {
            if let Some(id) = request_id(&row.deadline_key) {
                let found: Option<(String, NaiveDateTime)> = attendance_requests::table
                    .find(id)
                    .select((attendance_requests::state, attendance_requests::updated_at))
                    .first(conn)
                    .optional()?;
                facts.request = found.and_then(|(state, at)| {
                    let state: AttendanceState =
                        serde_json::from_value(serde_json::Value::String(state)).ok()?;
                    Some(Request {
                        state,
                        changed_at: store::from_db(at),
                    })
                });
            }
        }
        PreTrialVisitArranged => {
            if let Some(case) = &row.case_id {
                let visits: Vec<(String, Option<String>, NaiveDateTime)> = pre_trial_visits::table
                    .filter(pre_trial_visits::case_id.eq(case))
                    .select((
                        pre_trial_visits::state,
                        pre_trial_visits::hearing_id,
                        pre_trial_visits::updated_at,
                    ))
                    .load(conn)?;
                facts.visits = visits
                    .into_iter()
                    .map(|(state, hearing_id, at)| Visit {
                        state,
                        hearing_id,
                        changed_at: store::from_db(at),
                    })
                    .collect();
            }
        }
        VictimContactSchemeReferral | ParoleDecisionDue => {
            let logged: Vec<(String, NaiveDate, NaiveDateTime)> = parole_milestones::table
                .filter(parole_milestones::victim_id.eq(&row.victim_id))
                .select((
                    parole_milestones::kind,
                    parole_milestones::occurs_on,
                    parole_milestones::created_at,
                ))
                .load(conn)?;
            facts.milestones = logged
                .into_iter()
                .map(|(kind, occurs_on, at)| Milestone {
                    kind,
                    occurs_on,
                    recorded_at: store::from_db(at),
                })
                .collect();
        }
        _ => {}
    }
    Ok(facts)
}

/// Stores a verdict, guarded by the state the row was read in.
fn store_verdict(
    conn: &mut AnyConn,
    row: &Row,
    verdict: Verdict,
    now: DateTime<Utc>,
    swept: &mut Swept,
) -> AppResult<()> {
    let ts = store::to_db(now);
    let this = deadlines::table
        .filter(deadlines::id.eq(&row.id))
        .filter(deadlines::state.eq(&row.state));
    match decide::change(&row.state, verdict) {
        Some(Change::Met(at)) => {
            swept.met += diesel::update(this)
                .set((
                    deadlines::state.eq("met"),
                    deadlines::met_at.eq(Some(store::to_db(at))),
                    deadlines::updated_at.eq(ts),
                ))
                .execute(conn)?;
        }
        Some(Change::Missed { late }) => {
            swept.missed += diesel::update(this)
                .set((
                    deadlines::state.eq("missed"),
                    deadlines::met_at.eq(late.map(store::to_db)),
                    deadlines::updated_at.eq(ts),
                ))
                .execute(conn)?;
            swept.done_late += usize::from(late.is_some());
        }
        Some(Change::DoneLate(at)) => {
            swept.done_late += diesel::update(this.filter(deadlines::met_at.is_null()))
                .set((
                    deadlines::met_at.eq(Some(store::to_db(at))),
                    deadlines::updated_at.eq(ts),
                ))
                .execute(conn)?;
        }
        None => {}
    }
    Ok(())
}

/// One batch after `after` (by id): returns how many rows were read and
/// the last id.
pub fn sweep_batch(
    conn: &mut AnyConn,
    rules: &Rules,
    now: DateTime<Utc>,
    after: Option<&str>,
    batch: i64,
    swept: &mut Swept,
) -> AppResult<(usize, Option<String>)> {
    let watch_from = store::to_db(now - Duration::days(LATE_WATCH_DAYS));
    let mut q = deadlines::table
        .filter(
            deadlines::state.eq("running").or(deadlines::state
                .eq("missed")
                .and(deadlines::met_at.is_null())
                .and(deadlines::due_at.gt(watch_from))),
        )
        .order(deadlines::id.asc())
        .limit(batch)
        .select(Row::as_select())
        .into_boxed();
    if let Some(after) = after {
        q = q.filter(deadlines::id.gt(after.to_owned()));
    }
    let rows: Vec<Row> = q.load(conn)?;
    for row in &rows {
        let Some(kind) = kind_of(&row.kind) else {
            tracing::warn!(deadline_id = %row.id, "deadline of an unknown kind left as it is");
            continue;
        };
        if !met::observable(kind) {
            if row.state == "running" {
                plan_alerts(conn, rules, row, kind, now, swept)?;
            }
            continue;
        }
        let facts = gather(conn, row, kind)?;
        let verdict = met::evaluate(kind, &facts, store::from_db(row.due_at), now);
        store_verdict(conn, row, verdict, now, swept)?;
        match decide::follow_up(verdict) {
            FollowUp::PlanAlerts => plan_alerts(conn, rules, row, kind, now, swept)?,
            FollowUp::CancelAlerts => cancel_alerts(conn, row, now, swept)?,
            FollowUp::Nothing => {}
        }
        swept.examined += 1;
    }
    Ok((rows.len(), rows.last().map(|r| r.id.clone())))
}

/// Evaluates every running deadline (and recently missed ones not yet done)
/// at `now`, `batch` rows per transaction.
pub fn sweep(pool: &Pool, rules: &Rules, now: DateTime<Utc>, batch: i64) -> AppResult<Swept> {
    if batch < 1 {
        return Err(AppError::Internal("sweep batch must be positive".into()));
    }
    let mut swept = Swept::default();
    let mut after: Option<String> = None;
    loop {
        let mut conn = pool.get()?;
        let (read, last) = store::write(&mut conn, |conn| {
            sweep_batch(conn, rules, now, after.as_deref(), batch, &mut swept)
        })?;
        if read < batch as usize {
            break;
        }
        after = last;
    }
    Ok(swept)
}

fn owner(row: &Row) -> Owner<'_> {
    Owner {
        victim_id: &row.victim_id,
        case_id: row.case_id.as_deref(),
        hearing_id: row.hearing_id.as_deref(),
    }
}

/// Stops the alerts still pending for a deadline that has been met.
fn cancel_alerts(
    conn: &mut AnyConn,
    row: &Row,
    now: DateTime<Utc>,
    swept: &mut Swept,
) -> AppResult<()> {
    let plan = Plan {
        cancellations: vec![Cancellation::KeyPrefix {
            prefix: alerts::prefix(&row.deadline_key),
        }],
        ..Plan::default()
    };
    swept.alerts_cancelled += persist::apply(conn, &owner(row), &plan, now)?.cancelled;
    Ok(())
}

/// The basis on which the supporter may be alerted: the basis of a notice
/// already planned to them under the deadline's subject (consent or the
/// single point of contact agreement), or, for their own court
/// arrangements, legitimate interests. None: no alert.
fn supporter_basis(
    conn: &mut AnyConn,
    row: &Row,
    kind: DeadlineKind,
    user_id: &str,
) -> AppResult<Option<Basis>> {
    if let Some(prefix) = subject_prefix(&row.deadline_key) {
        let found: Option<String> = notices::table
            .filter(
                notices::idempotency_key
                    .like(like_prefix(prefix))
                    .escape('\\'),
            )
            .filter(notices::recipient_user_id.eq(user_id))
            .filter(notices::recipient_kind.eq("supporter"))
            .select(notices::basis_json)
            .first(conn)
            .optional()?;
        if let Some(basis) = found.and_then(|b| serde_json::from_str::<Basis>(&b).ok()) {
            return Ok(Some(basis));
        }
    }
    Ok(decide::own_arrangements_basis(kind))
}

/// Whether the deadline's court is in Wales: its hearing's court, else its
/// case's court (a deadline with neither is not).
fn court_in_wales(conn: &mut AnyConn, row: &Row) -> AppResult<bool> {
    let court: Option<String> = match (&row.hearing_id, &row.case_id) {
        (Some(hearing), _) => hearings::table
            .find(hearing)
            .select(hearings::court_id)
            .first(conn)
            .optional()?,
        (None, Some(case)) => cases::table
            .find(case)
            .select(cases::court_id)
            .first::<Option<String>>(conn)
            .optional()?
            .flatten(),
        (None, None) => None,
    };
    let Some(court) = court else { return Ok(false) };
    let nation: Option<String> = courts::table
        .find(&court)
        .select(courts::nation)
        .first(conn)
        .optional()?;
    Ok(nation.as_deref() == Some(crate::domain::Nation::Wales.as_str()))
}

/// Plans the alert notices the rules set for a running deadline.
fn plan_alerts(
    conn: &mut AnyConn,
    rules: &Rules,
    row: &Row,
    kind: DeadlineKind,
    now: DateTime<Utc>,
    swept: &mut Swept,
) -> AppResult<()> {
    let rule_set = rules.in_force(crate::calendar::london_date(now));
    let alert_rules = &rule_set.deadline_alerts;
    if !alert_rules.iter().any(|r| r.deadline == kind) {
        return Ok(());
    }
    let victim_reference: String = victims::table
        .find(&row.victim_id)
        .select(victims::reference)
        .first(conn)?;
    let case: Option<(Option<String>, Option<String>, Option<String>)> = match &row.case_id {
        Some(id) => cases::table
            .find(id)
            .select((cases::urn, cases::case_number, cases::witness_care_unit_id))
            .first(conn)
            .optional()?,
        None => None,
    };
    let (urn, number, wcu) = case.unwrap_or_default();
    let in_wales = court_in_wales(conn, row)?;
    // With no choice, an alert about a case at a court in Wales is in
    // both languages, Welsh first, as every other notice there is.
    let language = |chosen: Option<String>| {
        crate::flows::notice_language(&rule_set.notice_languages, chosen.as_deref(), in_wales).0
    };
    let watched = Watched {
        key: row.deadline_key.clone(),
        kind,
        due_date: row.due_date,
        due_at: store::from_db(row.due_at),
        case_reference: urn.or(number).unwrap_or_default(),
        victim_reference,
    };
    let mut plan = Plan::default();
    for (rule, at) in alerts::due_alerts(&watched, alert_rules, &rules.holidays, now) {
        let (recipient, basis, language) = match rule.to {
            AlertTo::Supporter => {
                let today = crate::calendar::london_date(now);
                let supporter: Option<String> = supporter_assignments::table
                    .filter(supporter_assignments::victim_id.eq(&row.victim_id))
                    .filter(crate::store::scope::in_force(today))
                    .order((
                        supporter_assignments::is_spoc.desc(),
                        supporter_assignments::starts_on.asc(),
                    ))
                    .select(supporter_assignments::supporter_id)
                    .first(conn)
                    .optional()?;
                let Some(user_id) = supporter else { continue };
                let Some(basis) = supporter_basis(conn, row, kind, &user_id)? else {
                    continue;
                };
                let language = language(crate::accounts::chosen_language(conn, &user_id)?);
                (Recipient::Supporter { user_id }, basis, language)
            }
            AlertTo::WitnessCareUnit => {
                let Some(org_id) = wcu.clone() else { continue };
                let chosen: Option<Option<String>> = organisations::table
                    .find(&org_id)
                    .select(organisations::preferred_language)
                    .first(conn)
                    .optional()?;
                let language = language(chosen.flatten());
                (
                    Recipient::WitnessCareUnit { org_id },
                    Basis::Lawful {
                        basis: LawfulBasis::PublicTask,
                        reason: "the witness care unit's own Victims' Code duty on this case"
                            .into(),
                    },
                    language,
                )
            }
        };
        plan.notices.push(alerts::notice(
            &watched, rule, at, recipient, basis, language,
        ));
    }
    // An alert already in the outbox in any state is left alone: one that
    // was sent stays sent, and one cancelled (a consent withdrawn) is not
    // revived.
    let keys: Vec<String> = plan
        .notices
        .iter()
        .map(|n| n.idempotency_key.clone())
        .collect();
    let known: Vec<String> = notices::table
        .filter(notices::idempotency_key.eq_any(&keys))
        .select(notices::idempotency_key)
        .load(conn)?;
    plan.notices.retain(|n| !known.contains(&n.idempotency_key));
    if plan.notices.is_empty() {
        return Ok(());
    }
    let applied = persist::apply(conn, &owner(row), &plan, now)?;
    swept.alerts_planned += applied.notices_planned + applied.notices_revived;
    Ok(())
}

/// Whether a deadline alert (by its idempotency key) is still wanted at
/// `now`: its deadline is still running and, checked afresh against the
/// records, not yet met. Called just before sending, so an alert never goes
/// out for something done since the last sweep.
pub fn alert_still_wanted(
    conn: &mut AnyConn,
    alert_key: &str,
    now: DateTime<Utc>,
) -> AppResult<bool> {
    let Some((deadline_key, _)) = alert_key.split_once("/alert/") else {
        return Ok(true);
    };
    let row: Option<Row> = deadlines::table
        .filter(deadlines::deadline_key.eq(deadline_key))
        .select(Row::as_select())
        .first(conn)
        .optional()?;
    let Some(row) = row else { return Ok(false) };
    if row.state != "running" {
        return Ok(false);
    }
    let Some(kind) = kind_of(&row.kind) else {
        return Ok(true);
    };
    if !met::observable(kind) {
        return Ok(true);
    }
    let facts = gather(conn, &row, kind)?;
    Ok(met::evaluate(kind, &facts, store::from_db(row.due_at), now) == Verdict::Running)
}

//! The delivery worker: claims due notices with a lease, checks each is
//! still wanted, renders it, sends it, and records what happened. No
//! transaction is held open while a message is sent:
//! claim (commit) → send → record, each record guarded by the lease.
//!
//! Several instances may run it at once: on PostgreSQL the claim skips rows
//! another instance has locked (`FOR UPDATE SKIP LOCKED`); on SQLite the
//! claim's `BEGIN IMMEDIATE` makes claims take turns. A crashed worker's
//! lease runs out and the row is claimed again; the resend carries the same
//! Message-ID.

use chrono::{DateTime, Duration, Utc};
use diesel::prelude::*;

use super::mailer::{Email, Mailer, SendFailure};
use super::render::NoticeRenderer;
use super::route::{self, Route};
use super::webhook::{Hook, WebhookClient};
use crate::error::{AppError, AppResult};
use crate::flows::TemplateKey;
use crate::store::schema::notices;
use crate::store::{self, AnyConn, Pool};

#[derive(Debug, Clone)]
pub struct DeliveryConfig {
    /// This instance's name on the leases it takes.
    pub owner: String,
    pub lease: Duration,
    pub batch: i64,
    /// After this many attempts a failing notice is dead-lettered.
    pub max_attempts: i32,
    pub first_retry: Duration,
    pub longest_retry: Duration,
    /// Messages sent at once within a pass, each on its own connection
    /// (an SMTP exchange mostly waits; sending one at a time wastes it).
    /// A worker killed mid-pass may leave this many sent but unrecorded:
    /// they are sent again with the same Message-ID.
    pub senders: usize,
    /// How signed webhooks are posted (their timeout).
    pub webhook: WebhookClient,
    /// The service's address as people reach it, for the acknowledgement
    /// links in messages (COURTSIDE_PUBLIC_URL).
    pub public_url: String,
}

impl DeliveryConfig {
    /// The delivery worker's settings for this instance: a fresh owner name,
    /// the configured batch and lease, and the built-in retry policy.
    /// (Here rather than on `Config`, so that the settings depend on
    /// delivery and not the other way round.)
    pub fn from_config(config: &crate::config::Config) -> DeliveryConfig {
        DeliveryConfig {
            batch: config.delivery_batch,
            lease: Duration::seconds(config.delivery_lease_seconds),
            public_url: config.public_url.clone(),
            ..DeliveryConfig::default()
        }
    }
}

impl Default for DeliveryConfig {
    fn default() -> Self {
        DeliveryConfig {
            owner: format!("worker-{}", store::new_id()),
            lease: Duration::minutes(5),
            batch: 50,
            max_attempts: 8,
            first_retry: Duration::minutes(1),
            longest_retry: Duration::hours(2),
            senders: 4,
            webhook: WebhookClient::default(),
            public_url: "http://127.0.0.1:8080".into(),
        }
    }
}

/// What one run did.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub struct Outcome {
    pub claimed: usize,
    pub sent: usize,
    /// Ready to be handed over in person, or to be passed on by a person.
    pub ready: usize,
    pub failed: usize,
    pub dead: usize,
    pub cancelled: usize,
    /// Victim-facing, outside the victim's safe hours: put off until the
    /// next safe window opens.
    pub deferred: usize,
}

/// The wait before attempt `attempts + 1`: doubling from `first`, capped.
pub fn backoff(attempts: i32, first: Duration, longest: Duration) -> Duration {
    let doublings = (attempts.max(1) - 1).min(20) as u32;
    let wait = first * 2_i32.pow(doublings);
    wait.min(longest)
}

#[derive(Queryable, Selectable, Debug, Clone)]
#[diesel(table_name = notices)]
pub struct Claimed {
    pub id: String,
    pub idempotency_key: String,
    pub victim_id: String,
    pub case_id: Option<String>,
    pub hearing_id: Option<String>,
    pub step: String,
    pub citation: String,
    pub not_for_public_disclosure: bool,
    pub recipient_kind: String,
    pub recipient_key: String,
    pub channel: String,
    pub template: String,
    pub language: String,
    pub data_json: String,
    pub category: String,
    pub basis_json: String,
    pub not_after: Option<chrono::NaiveDateTime>,
    pub attempts: i32,
}

/// Ids of notices due now, locked for this transaction on PostgreSQL.
fn due_ids(conn: &mut AnyConn, now: DateTime<Utc>, limit: i64) -> AppResult<Vec<String>> {
    let now = store::to_db(now);
    let query = notices::table
        .filter(
            notices::state
                .eq_any(["pending", "failed"])
                .and(notices::next_attempt_at.le(now))
                .or(notices::state
                    .eq("sending")
                    .and(notices::leased_until.lt(now))),
        )
        .order((notices::next_attempt_at.asc(), notices::id.asc()))
        .limit(limit)
        .select(notices::id);
    Ok(match conn {
        AnyConn::Pg(pg) => query.for_update().skip_locked().load(pg)?,
        // The IMMEDIATE transaction already holds SQLite's write lock.
        AnyConn::Sqlite(sqlite) => query.load(sqlite)?,
    })
}

/// Takes a lease on up to `batch` due notices and commits.
pub fn claim(
    conn: &mut AnyConn,
    cfg: &DeliveryConfig,
    now: DateTime<Utc>,
) -> AppResult<Vec<Claimed>> {
    store::write(conn, |conn| {
        let ids = due_ids(conn, now, cfg.batch)?;
        if ids.is_empty() {
            return Ok(Vec::new());
        }
        diesel::update(notices::table.filter(notices::id.eq_any(&ids)))
            .set((
                notices::state.eq("sending"),
                notices::lease_owner.eq(&cfg.owner),
                notices::leased_until.eq(store::to_db(now + cfg.lease)),
                notices::attempts.eq(notices::attempts + 1),
                notices::updated_at.eq(store::to_db(now)),
            ))
            .execute(conn)?;
        Ok(notices::table
            .filter(notices::id.eq_any(&ids))
            .filter(notices::lease_owner.eq(&cfg.owner))
            .select(Claimed::as_select())
            .load(conn)?)
    })
}

/// How a claimed notice ended this time.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Result_ {
    Sent,
    Ready(&'static str),
    Cancelled(String),
    Failed(String),
    Dead(String),
    /// Not now: due again at this instant (not counted as an attempt).
    Deferred(DateTime<Utc>),
}

/// Records the result, only if this worker still holds the lease.
fn record(
    conn: &mut AnyConn,
    cfg: &DeliveryConfig,
    n: &Claimed,
    result: &Result_,
    now: DateTime<Utc>,
) -> AppResult<bool> {
    let ts = store::to_db(now);
    let mine = notices::table
        .filter(notices::id.eq(&n.id))
        .filter(notices::lease_owner.eq(&cfg.owner))
        .filter(notices::state.eq("sending"));
    let none = None::<String>;
    let rows = match result {
        Result_::Sent => diesel::update(mine)
            .set((
                notices::state.eq("sent"),
                notices::sent_at.eq(Some(ts)),
                notices::lease_owner.eq(&none),
                notices::leased_until.eq(None::<chrono::NaiveDateTime>),
                notices::last_error.eq(&none),
                notices::updated_at.eq(ts),
            ))
            .execute(conn)?,
        Result_::Ready(why) => diesel::update(mine)
            .set((
                notices::state.eq("ready"),
                notices::sent_at.eq(Some(ts)),
                notices::lease_owner.eq(&none),
                notices::leased_until.eq(None::<chrono::NaiveDateTime>),
                notices::last_error.eq(Some(*why)),
                notices::updated_at.eq(ts),
            ))
            .execute(conn)?,
        Result_::Cancelled(why) => diesel::update(mine)
            .set((
                notices::state.eq("cancelled"),
                notices::cancelled_reason.eq(Some(why)),
                notices::lease_owner.eq(&none),
                notices::leased_until.eq(None::<chrono::NaiveDateTime>),
                notices::updated_at.eq(ts),
            ))
            .execute(conn)?,
        Result_::Failed(why) => diesel::update(mine)
            .set((
                notices::state.eq("failed"),
                notices::last_error.eq(Some(why)),
                notices::next_attempt_at.eq(store::to_db(
                    now + backoff(n.attempts, cfg.first_retry, cfg.longest_retry),
                )),
                notices::lease_owner.eq(&none),
                notices::leased_until.eq(None::<chrono::NaiveDateTime>),
                notices::updated_at.eq(ts),
            ))
            .execute(conn)?,
        Result_::Deferred(until) => diesel::update(mine)
            .set((
                notices::state.eq("pending"),
                notices::next_attempt_at.eq(store::to_db(*until)),
                notices::attempts.eq((n.attempts - 1).max(0)),
                notices::lease_owner.eq(&none),
                notices::leased_until.eq(None::<chrono::NaiveDateTime>),
                notices::updated_at.eq(ts),
            ))
            .execute(conn)?,
        Result_::Dead(why) => diesel::update(mine)
            .set((
                notices::state.eq("dead"),
                notices::last_error.eq(Some(why)),
                notices::lease_owner.eq(&none),
                notices::leased_until.eq(None::<chrono::NaiveDateTime>),
                notices::updated_at.eq(ts),
            ))
            .execute(conn)?,
    };
    if rows == 0 {
        tracing::warn!(notice_id = %n.id, "lease lost before the result was recorded");
    }
    Ok(rows == 1)
}

fn template_of(n: &Claimed) -> AppResult<TemplateKey> {
    TemplateKey::ALL
        .iter()
        .copied()
        .find(|t| t.as_str() == n.template)
        .ok_or_else(|| AppError::Internal(format!("unknown template stored: {}", n.template)))
}

enum Target {
    Email(String),
    Webhook(Hook),
}

/// The JSON a partner's endpoint receives: the facts the email would
/// carry (its subject and text, and the notice's data, which the flows
/// filtered through the template's allow-list: never a victim's address),
/// with ids and keys a partner system can file it by.
pub fn webhook_body(
    n: &Claimed,
    subject: &str,
    text: &str,
    data: serde_json::Map<String, serde_json::Value>,
    ack: Option<(DateTime<Utc>, &str)>,
) -> AppResult<Vec<u8>> {
    let mut body = serde_json::json!({
        "notice_id": n.id,
        "idempotency_key": n.idempotency_key,
        "case_id": n.case_id,
        "hearing_id": n.hearing_id,
        "step": n.step,
        "citation": n.citation,
        "template": n.template,
        "language": n.language,
        "category": n.category,
        "recipient": n.recipient_key,
        "not_for_public_disclosure": n.not_for_public_disclosure,
        "subject": subject,
        "text": text,
        "facts": data,
    });
    // A notice that needs action: acknowledge by then, at this address
    // (a POST with no body, or the page for a person).
    if let Some((by, url)) = ack {
        body["acknowledge_by"] = serde_json::json!(by);
        body["acknowledge_url"] = serde_json::json!(url);
    }
    serde_json::to_vec(&body).map_err(|e| AppError::Internal(format!("webhook body: {e}")))
}

/// Decides and, for email or webhook, sends one claimed notice.
fn deliver(
    conn: &mut AnyConn,
    mailer: &dyn Mailer,
    renderer: &NoticeRenderer,
    cfg: &DeliveryConfig,
    n: &Claimed,
    now: DateTime<Utc>,
) -> AppResult<Result_> {
    if let Some(reason) = route::unwanted(conn, n, now)? {
        return Ok(Result_::Cancelled(reason));
    }
    let target = match route::resolve(conn, n)? {
        Route::Email(address) => Target::Email(address),
        Route::Webhook(hook) => Target::Webhook(hook),
        Route::InPerson => {
            super::ack::prepare(conn, n, now, false)?;
            return Ok(Result_::Ready(
                "to be handed to the court in person on the day",
            ));
        }
        Route::ByPerson(why) => {
            super::ack::prepare(conn, n, now, false)?;
            return Ok(Result_::Ready(why));
        }
        Route::Nowhere(why) => return Ok(Result_::Dead(why.to_string())),
    };
    // Anything written to a victim waits for their safe hours.
    if matches!(target, Target::Email(_)) && n.recipient_kind == "victim" {
        if let Some(until) = route::victim_safe_from(conn, &n.victim_id, now)? {
            return Ok(Result_::Deferred(until));
        }
    }
    let data: serde_json::Map<String, serde_json::Value> = serde_json::from_str(&n.data_json)
        .map_err(|e| AppError::Internal(format!("stored notice data: {e}")))?;
    let rendered = match renderer.render(template_of(n)?, &n.language, &data) {
        Ok(r) => r,
        // A template that cannot render will not render next time either.
        Err(_) => {
            return Ok(Result_::Dead(
                "the notice could not be rendered from its template".into(),
            ))
        }
    };
    // A notice that needs action carries its acknowledgement link.
    let link = super::ack::prepare(conn, n, now, true)?;
    let link_url = link
        .as_ref()
        .map(|l| format!("{}{}", cfg.public_url.trim_end_matches('/'), l.path()));
    let to = match target {
        Target::Email(to) => to,
        Target::Webhook(hook) => {
            let ack = link
                .as_ref()
                .zip(link_url.as_deref())
                .map(|(l, url)| (l.acknowledge_by, url));
            let body = webhook_body(n, &rendered.subject, &rendered.body, data, ack)?;
            return Ok(
                match cfg.webhook.post(&hook, &n.idempotency_key, body, now) {
                    Ok(()) => Result_::Sent,
                    Err(failure) if n.attempts >= cfg.max_attempts => Result_::Dead(format!(
                        "{} after {} attempts",
                        failure.describe(),
                        n.attempts
                    )),
                    Err(failure) => Result_::Failed(failure.describe()),
                },
            );
        }
    };
    let mut body = rendered.body;
    if let (Some(l), Some(url)) = (&link, &link_url) {
        body.push_str(&super::ack::email_footer(url, l.acknowledge_by));
    }
    let email = Email {
        to,
        subject: rendered.subject,
        body,
        idempotency_key: n.idempotency_key.clone(),
    };
    Ok(match mailer.send(&email) {
        Ok(()) => Result_::Sent,
        Err(SendFailure::Permanent) => Result_::Dead(SendFailure::Permanent.describe().into()),
        Err(SendFailure::Transient) if n.attempts >= cfg.max_attempts => Result_::Dead(format!(
            "{} after {} attempts",
            SendFailure::Transient.describe(),
            n.attempts
        )),
        Err(failure) => Result_::Failed(failure.describe().into()),
    })
}

/// The audit entry for a notice that left (or was made ready to leave):
/// who it went to, what kind of information, on what basis.
fn disclosure(n: &Claimed) -> crate::audit::Entry {
    let basis: serde_json::Value = serde_json::from_str(&n.basis_json).unwrap_or_default();
    let basis = match (
        basis["kind"].as_str(),
        basis["scope"].as_str(),
        basis["basis"].as_str(),
    ) {
        (Some(kind), Some(scope), _) => format!("{kind}:{scope}"),
        (Some(kind), None, Some(lawful)) => format!("{kind}:{lawful}"),
        (Some(kind), _, _) => kind.to_string(),
        _ => "unknown".to_string(),
    };
    crate::audit::Entry {
        victim_id: Some(n.victim_id.clone()),
        recipient: Some(n.recipient_key.clone()),
        category: Some(n.category.clone()),
        basis: Some(basis),
        ..crate::audit::Entry::new(crate::audit::AuditAction::Disclose, None, "notices", &n.id)
    }
}

/// One pass: claim, deliver and record everything due.
pub fn run_once(
    pool: &Pool,
    mailer: &dyn Mailer,
    renderer: &NoticeRenderer,
    cfg: &DeliveryConfig,
    now: DateTime<Utc>,
) -> AppResult<Outcome> {
    let claimed = {
        let mut conn = pool.get()?;
        claim(&mut conn, cfg, now)?
    };
    if claimed.is_empty() {
        return Ok(Outcome::default());
    }
    // The claimed notices are split between up to `senders` threads, each
    // with its own connection; every notice is still recorded on its own.
    let senders = cfg.senders.clamp(1, claimed.len());
    let share = claimed.len().div_ceil(senders);
    let parts: Vec<AppResult<Outcome>> = std::thread::scope(|scope| {
        let handles: Vec<_> = claimed
            .chunks(share)
            .map(|chunk| scope.spawn(move || send_all(pool, mailer, renderer, cfg, chunk, now)))
            .collect();
        handles
            .into_iter()
            .map(|h| {
                h.join().unwrap_or_else(|_| {
                    Err(AppError::Internal("a delivery thread panicked".into()))
                })
            })
            .collect()
    });
    let mut outcome = Outcome {
        claimed: claimed.len(),
        ..Outcome::default()
    };
    for part in parts {
        let part = part?;
        outcome.sent += part.sent;
        outcome.ready += part.ready;
        outcome.cancelled += part.cancelled;
        outcome.failed += part.failed;
        outcome.dead += part.dead;
        outcome.deferred += part.deferred;
    }
    Ok(outcome)
}

/// Delivers and records one share of a pass, on its own connection.
fn send_all(
    pool: &Pool,
    mailer: &dyn Mailer,
    renderer: &NoticeRenderer,
    cfg: &DeliveryConfig,
    notices: &[Claimed],
    now: DateTime<Utc>,
) -> AppResult<Outcome> {
    let mut conn = pool.get()?;
    let mut outcome = Outcome::default();
    for n in notices {
        let result = deliver(&mut conn, mailer, renderer, cfg, n, now)?;
        let recorded = store::write(&mut conn, |conn| {
            let recorded = record(conn, cfg, n, &result, now)?;
            if recorded && matches!(result, Result_::Sent | Result_::Ready(_)) {
                crate::audit::append(conn, now, disclosure(n))?;
            }
            Ok(recorded)
        })?;
        if recorded {
            match &result {
                Result_::Sent => outcome.sent += 1,
                Result_::Ready(_) => outcome.ready += 1,
                Result_::Cancelled(_) => outcome.cancelled += 1,
                Result_::Failed(_) => outcome.failed += 1,
                Result_::Dead(_) => outcome.dead += 1,
                Result_::Deferred(_) => outcome.deferred += 1,
            }
        }
        tracing::info!(notice_id = %n.id, attempt = n.attempts, result = ?std::mem::discriminant(&result), "delivery");
    }
    Ok(outcome)
}

/// Puts a failed or dead-lettered notice back in the queue (a manager's
/// retry).
pub fn retry(conn: &mut AnyConn, id: &str, now: DateTime<Utc>) -> AppResult<()> {
    let ts = store::to_db(now);
    let rows = diesel::update(
        notices::table
            .filter(notices::id.eq(id))
            .filter(notices::state.eq_any(["failed", "dead"])),
    )
    .set((
        notices::state.eq("pending"),
        notices::attempts.eq(0),
        notices::next_attempt_at.eq(ts),
        notices::last_error.eq(None::<String>),
        notices::updated_at.eq(ts),
    ))
    .execute(conn)?;
    if rows == 1 {
        Ok(())
    } else {
        Err(AppError::Conflict(
            "only a failed or dead-lettered notice can be retried".into(),
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn backoff_doubles_and_is_capped() {
        let first = Duration::minutes(1);
        let cap = Duration::hours(2);
        let table = [(1, 1), (2, 2), (3, 4), (4, 8), (7, 64), (8, 120), (30, 120)];
        for (attempts, minutes) in table {
            assert_eq!(
                backoff(attempts, first, cap),
                Duration::minutes(minutes),
                "attempt {attempts}"
            );
        }
    }
}

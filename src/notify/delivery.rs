//! The delivery worker: claims due notices with a lease, checks they are
//! still wanted, renders them, sends them, and records what happened, in
//! sets (see [`run_once`]). No transaction is held open while a message is
//! sent: claim (commit) → checks → send → record, each record guarded by
//! the lease.
//!
//! A notice is being sent while it holds a lease ([`being_sent`]): the
//! claim sets the lease and leaves the state (pending or failed) as it
//! was, so that PostgreSQL rewrites the row in place (a HOT update: no
//! indexed column changes, no index entry is written); people, the API
//! and the metrics see such a notice as "sending" ([`shown_state`]).
//!
//! Several instances may run it at once: on PostgreSQL the claim skips rows
//! another instance has locked (`FOR UPDATE SKIP LOCKED`); on SQLite the
//! claim's `BEGIN IMMEDIATE` makes claims take turns. A crashed worker's
//! lease runs out and the row is claimed again; the resend carries the same
//! Message-ID. Delivery is at-least-once: a killed instance may leave up to
//! `senders` messages sent but unrecorded, and those are sent again,
//! deduplicable by their Message-ID (webhooks: the idempotency key).

use chrono::{DateTime, Duration, Utc};
use diesel::prelude::*;

use super::mailer::{Email, Mailer, SendFailure};
use super::render::NoticeRenderer;
use super::route::{self, Route};
use super::webhook::{Hook, WebhookClient};
use crate::error::{AppError, AppResult};
use crate::flows::TemplateKey;
use crate::store::schema::{digest_holds, digests, notices};
use crate::store::{self, AnyConn, InListDsl, Pool};

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
    /// Messages sent at once within a pass, each on its own kept SMTP
    /// connection (`COURTSIDE_SMTP_POOL_SIZE`). Each sender waits for its
    /// last message to be recorded before the next, so a worker killed
    /// mid-pass leaves at most this many sent but unrecorded: they are
    /// sent again with the same Message-ID.
    pub senders: usize,
    /// How signed webhooks are posted (their timeout).
    pub webhook: WebhookClient,
    /// The service's address as people reach it, for the acknowledgement
    /// links in messages (COURTSIDE_PUBLIC_URL).
    pub public_url: String,
    /// The rules table and bank holidays (acknowledgement windows).
    pub rules: std::sync::Arc<crate::rules::Rules>,
    /// Where passes that share it (clones of one configuration, or
    /// workers given the same one) record their results: passes running
    /// at once in this process have their groups recorded together, in
    /// one transaction (see [`Recorder`]). Passes that share a recorder
    /// must use the same database.
    pub recorder: std::sync::Arc<Recorder>,
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
            senders: config.smtp_pool_size as usize,
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
            batch: crate::config::DEFAULT_DELIVERY_BATCH,
            max_attempts: 8,
            first_retry: Duration::minutes(1),
            longest_retry: Duration::hours(2),
            senders: super::mailer::DEFAULT_POOL_SIZE as usize,
            webhook: WebhookClient::default(),
            public_url: "http://127.0.0.1:8080".into(),
            rules: std::sync::Arc::new(crate::rules::Rules::england_and_wales()),
            recorder: std::sync::Arc::new(Recorder::default()),
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

/// What people, the API and the metrics call a notice being sent.
pub const SENDING: &str = "sending";

/// A notice's state as shown: "sending" while it holds a lease (the
/// stored state is then pending or failed, see [`being_sent`]).
pub fn shown_state<'s>(state: &'s str, lease_owner: Option<&str>) -> &'s str {
    if lease_owner.is_some() {
        SENDING
    } else {
        state
    }
}

/// A notice being sent: it holds a lease. Only a pending or failed
/// notice may (the database refuses any other: the migration
/// `notice_sending_is_its_lease`); the claim takes it and every result
/// gives it up. The state itself is not changed by the claim, so that on
/// PostgreSQL the claim is a HOT update (`state` is in two indexes).
#[diesel::dsl::auto_type]
pub fn being_sent() -> _ {
    notices::lease_owner.is_not_null()
}

/// A notice not being sent now (see [`being_sent`]): what a cancellation,
/// an erasure or a retry may change.
#[diesel::dsl::auto_type]
pub fn not_being_sent() -> _ {
    notices::lease_owner.is_null()
}

/// A notice not held by a daily digest still waiting to go. A supporter
/// who chose to have reminders in the digest has that day's reminders held
/// by it (`digest_holds`): they wait while the digest does; once the digest
/// is sent they are cancelled with it, and if it is given up they are free
/// to go on their own (see `digest::store`).
#[diesel::dsl::auto_type]
pub fn not_held() -> _ {
    // Two comparisons, not `eq_any` over a list: diesel never keeps a
    // statement with a list prepared, and this is in every claim.
    diesel::dsl::not(
        notices::id.eq_any(
            digest_holds::table
                .inner_join(digests::table)
                .filter(
                    digests::state
                        .eq("pending")
                        .or(digests::state.eq("sending")),
                )
                .select(digest_holds::notice_id),
        ),
    )
}

/// Ids of notices due now (the earliest first), locked for this
/// transaction on PostgreSQL: pending or failed, and not being sent (no
/// lease, or one that ran out). One query per state, each read in the
/// order of the `notices_due` index (state, next_attempt_at) and stopped
/// at `limit`: with the states in one query (an OR), the database read
/// and sorted every due notice to find the first `limit`, which made
/// draining a large backlog quadratic.
fn due_ids(conn: &mut AnyConn, now: DateTime<Utc>, limit: i64) -> AppResult<Vec<String>> {
    let now = store::to_db(now);
    let mut due: Vec<(chrono::NaiveDateTime, String)> = Vec::new();
    for state in ["pending", "failed"] {
        let query = notices::table
            .filter(notices::state.eq(state))
            .filter(notices::next_attempt_at.le(now))
            .filter(not_being_sent().or(notices::leased_until.lt(now)))
            .filter(not_held())
            .order(notices::next_attempt_at.asc())
            .limit(limit)
            .select((notices::next_attempt_at, notices::id));
        // On SQLite the IMMEDIATE transaction already holds the write lock.
        due.extend(crate::store::dialect::load_skip_locked!(&mut *conn, query)?);
    }
    due.sort();
    due.truncate(usize::try_from(limit).unwrap_or(0));
    Ok(due.into_iter().map(|(_, id)| id).collect())
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
        // The rows as changed (the lease taken, the attempt counted), in
        // the same statement. The state stays as it was (see
        // `being_sent`): no indexed column changes.
        // (Written out in the macro: the selection is typed per backend.)
        let claimed: Vec<Claimed> = crate::store::dialect::get_results!(
            &mut *conn,
            store::kept(
                diesel::update(notices::table.filter(notices::id.in_list(&ids)))
                    .set((
                        notices::lease_owner.eq(&cfg.owner),
                        notices::leased_until.eq(store::to_db(now + cfg.lease)),
                        notices::attempts.eq(notices::attempts + 1),
                        notices::updated_at.eq(store::to_db(now)),
                    ))
                    .returning(Claimed::as_returning())
            )
        )?;
        Ok(claimed)
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
///
/// The row is found by its id and the lease's owner alone: a notice
/// holds a lease exactly while it is being sent (see [`being_sent`]), so
/// "still mine" says "still sending". (A `state` condition as well once
/// let PostgreSQL add the `notices_due` index's entries to every record,
/// a bitmap AND.)
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
        .filter(notices::lease_owner.eq(&cfg.owner));
    let none = None::<String>;
    // Every result gives the lease up and stamps the change.
    macro_rules! release {
        ($($set:expr),+ $(,)?) => {
            store::kept(diesel::update(mine)
                .set((
                    $($set,)+
                    notices::lease_owner.eq(&none),
                    notices::leased_until.eq(None::<chrono::NaiveDateTime>),
                    notices::updated_at.eq(ts),
                )))
                .execute(conn)?
        };
    }
    let rows = match result {
        Result_::Sent => release!(
            notices::state.eq("sent"),
            notices::sent_at.eq(Some(ts)),
            notices::last_error.eq(&none),
        ),
        Result_::Ready(why) => release!(
            notices::state.eq("ready"),
            notices::sent_at.eq(Some(ts)),
            notices::last_error.eq(Some(*why)),
        ),
        Result_::Cancelled(why) => release!(
            notices::state.eq("cancelled"),
            notices::cancelled_reason.eq(Some(why)),
        ),
        Result_::Failed(why) => release!(
            notices::state.eq("failed"),
            notices::last_error.eq(Some(why)),
            notices::next_attempt_at.eq(store::to_db(
                now + backoff(n.attempts, cfg.first_retry, cfg.longest_retry),
            )),
        ),
        Result_::Deferred(until) => release!(
            notices::state.eq("pending"),
            notices::next_attempt_at.eq(store::to_db(*until)),
            notices::attempts.eq((n.attempts - 1).max(0)),
        ),
        Result_::Dead(why) => {
            release!(notices::state.eq("dead"), notices::last_error.eq(Some(why)),)
        }
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

/// What is to be done with one claimed notice, decided before sending.
enum Step {
    /// Settled without sending (cancelled, ready, dead, deferred).
    Done(Result_),
    Email(Email),
    Webhook(Hook, Vec<u8>),
}

/// The checks, routing and rendering for one notice, with the batch's
/// facts and acknowledgement links already read.
fn decide(
    renderer: &NoticeRenderer,
    cfg: &DeliveryConfig,
    n: &Claimed,
    data: Option<Data>,
    target: Target,
    link: Option<&super::ack::AckLink>,
) -> AppResult<Step> {
    let data = data.ok_or_else(|| AppError::Internal("stored notice data does not read".into()))?;
    let rendered = match renderer.render(template_of(n)?, &n.language, &data) {
        Ok(r) => r,
        // A template that cannot render will not render next time either.
        Err(_) => {
            return Ok(Step::Done(Result_::Dead(
                "the notice could not be rendered from its template".into(),
            )))
        }
    };
    // A notice that needs action carries its acknowledgement link.
    let link_url = link.map(|l| format!("{}{}", cfg.public_url.trim_end_matches('/'), l.path()));
    let to = match target {
        Target::Email(to) => to,
        Target::Webhook(hook) => {
            let ack = link
                .zip(link_url.as_deref())
                .map(|(l, url)| (l.acknowledge_by, url));
            let body = webhook_body(n, &rendered.subject, &rendered.body, data, ack)?;
            return Ok(Step::Webhook(hook, body));
        }
    };
    let mut body = rendered.body;
    // A copy of a child's notice to her responsible adult says first why
    // they have it.
    if n.recipient_kind == "responsible_adult" {
        let Ok(preface) = renderer.render(
            TemplateKey::ResponsibleAdultPreface,
            &n.language,
            &serde_json::Map::new(),
        ) else {
            return Ok(Step::Done(Result_::Dead(
                "the notice could not be rendered from its template".into(),
            )));
        };
        body = format!("{}\n\n{body}", preface.body);
    }
    if let (Some(l), Some(url)) = (link, &link_url) {
        body.push_str(&super::ack::email_footer(url, l.acknowledge_by));
    }
    // Every email to a victim ends with the link that stops them all.
    if n.recipient_kind == "victim" {
        let url = format!(
            "{}/stop/{}",
            cfg.public_url.trim_end_matches('/'),
            super::stop::token_for(&n.victim_id)?
        );
        body.push_str(&super::stop::email_footer(&rendered.language, &url));
    }
    Ok(Step::Email(Email {
        to,
        subject: rendered.subject,
        body,
        idempotency_key: n.idempotency_key.clone(),
    }))
}

/// A notice's stored data, read once per notice for the checks and the
/// rendering.
type Data = serde_json::Map<String, serde_json::Value>;

/// Where a notice stands after the checks and routing.
enum Routed {
    Done(Result_),
    /// Ready to be handed over or passed on (needs its acknowledgement
    /// window recorded, without a link).
    Ready(&'static str),
    Send(Target),
}

/// The checks before sending and the route, for one notice.
fn check_and_route(
    conn: &mut AnyConn,
    facts: &route::Facts,
    n: &Claimed,
    data: Option<&Data>,
    now: DateTime<Utc>,
) -> AppResult<Routed> {
    // A basis that does not read stops the send (logged with ids by
    // `basis_of`); it will not read next time either.
    let Ok(basis) = route::basis_of(n) else {
        return Ok(Routed::Done(Result_::Dead(
            "its stored basis could not be read".into(),
        )));
    };
    if let Some(reason) = route::unwanted_in(conn, facts, n, &basis, data, now)? {
        return Ok(Routed::Done(Result_::Cancelled(reason)));
    }
    let target = match route::resolve_in(conn, facts, n)? {
        Route::Email(address) => Target::Email(address),
        Route::Webhook(hook) => Target::Webhook(hook),
        Route::InPerson => {
            return Ok(Routed::Ready(
                "to be handed to the court in person on the day",
            ))
        }
        Route::ByPerson(why) => return Ok(Routed::Ready(why)),
        Route::Nowhere(why) => return Ok(Routed::Done(Result_::Dead(why.to_string()))),
    };
    // Anything written to a victim waits for their safe hours.
    if matches!(target, Target::Email(_)) && n.recipient_kind == "victim" {
        if let Some(until) = route::victim_safe_from(conn, &n.victim_id, now)? {
            return Ok(Routed::Done(Result_::Deferred(until)));
        }
    }
    Ok(Routed::Send(target))
}

/// A failure on one notice (not the database's) is that notice's alone:
/// it is retried later, and the rest of the batch goes on.
fn failed_alone(n: &Claimed, e: &AppError) -> Result_ {
    tracing::error!(notice_id = %n.id, victim_id = %n.victim_id, error = %e, "a notice could not be prepared for sending");
    Result_::Failed("the notice could not be prepared for sending".into())
}

/// Reads the batch's facts and decides every notice: settled now, or a
/// message to send.
fn prepare_batch(
    conn: &mut AnyConn,
    renderer: &NoticeRenderer,
    cfg: &DeliveryConfig,
    batch: &[Claimed],
    now: DateTime<Utc>,
) -> AppResult<Vec<Step>> {
    let refs: Vec<&Claimed> = batch.iter().collect();
    let facts = route::Facts::load(conn, &refs, now)?;
    let mut data: Vec<Option<Data>> = batch
        .iter()
        .map(|n| serde_json::from_str(&n.data_json).ok())
        .collect();
    let mut routed = Vec::with_capacity(batch.len());
    for (n, data) in batch.iter().zip(&data) {
        routed.push(match check_and_route(conn, &facts, n, data.as_ref(), now) {
            Ok(r) => r,
            // The database is away: the whole pass stops (the leases run
            // out and the batch is claimed again).
            Err(e @ AppError::Unavailable(_)) => return Err(e),
            Err(e) => Routed::Done(failed_alone(n, &e)),
        });
    }
    // Acknowledgement windows (and links for what is sent), in one go.
    let wanted: Vec<(&Claimed, bool)> = batch
        .iter()
        .zip(&routed)
        .filter_map(|(n, r)| match r {
            Routed::Ready(_) => Some((n, false)),
            Routed::Send(_) => Some((n, true)),
            Routed::Done(_) => None,
        })
        .collect();
    let links = super::ack::prepare_all(conn, &cfg.rules, &wanted, now)?;
    let mut steps = Vec::with_capacity(batch.len());
    for ((n, r), data) in batch.iter().zip(routed).zip(data.iter_mut()) {
        steps.push(match r {
            Routed::Done(result) => Step::Done(result),
            Routed::Ready(why) => Step::Done(Result_::Ready(why)),
            Routed::Send(target) => {
                match decide(renderer, cfg, n, data.take(), target, links.get(&n.id)) {
                    Ok(step) => step,
                    Err(e) => Step::Done(failed_alone(n, &e)),
                }
            }
        });
    }
    Ok(steps)
}

/// Sends one prepared message; how it ended.
fn send_one(
    mailer: &dyn Mailer,
    cfg: &DeliveryConfig,
    n: &Claimed,
    step: &Step,
    now: DateTime<Utc>,
) -> Result_ {
    match step {
        Step::Done(result) => result.clone(),
        Step::Webhook(hook, body) => {
            match cfg
                .webhook
                .post(hook, &n.idempotency_key, body.clone(), now)
            {
                Ok(()) => Result_::Sent,
                Err(failure) if n.attempts >= cfg.max_attempts => Result_::Dead(format!(
                    "{} after {} attempts",
                    failure.describe(),
                    n.attempts
                )),
                Err(failure) => Result_::Failed(failure.describe()),
            }
        }
        Step::Email(email) => match mailer.send(email) {
            Ok(()) => Result_::Sent,
            Err(SendFailure::Permanent) => Result_::Dead(SendFailure::Permanent.describe().into()),
            Err(SendFailure::Transient) if n.attempts >= cfg.max_attempts => {
                Result_::Dead(format!(
                    "{} after {} attempts",
                    SendFailure::Transient.describe(),
                    n.attempts
                ))
            }
            Err(failure) => Result_::Failed(failure.describe().into()),
        },
    }
}

/// The audit entry for a notice that left (or was made ready to leave):
/// who it went to, what kind of information, on what basis. Only ever
/// made for a notice whose basis reads (see `route::basis_of`).
fn disclosure(n: &Claimed) -> crate::audit::Entry {
    let basis = stored_basis_code(n);
    crate::audit::Entry {
        victim_id: Some(n.victim_id.clone()),
        recipient: Some(n.recipient_key.clone()),
        category: Some(n.category.clone()),
        basis: Some(basis),
        language: Some(n.language.clone()),
        ..crate::audit::Entry::new(crate::audit::AuditAction::Disclose, None, "notices", &n.id)
    }
}

/// One result to record: whose lease it is under (`cfg.owner`), and the
/// instant its pass stamps it with.
struct ToRecord<'a> {
    cfg: &'a DeliveryConfig,
    n: &'a Claimed,
    result: &'a Result_,
    now: DateTime<Utc>,
}

/// Records a group of results in one transaction, each only if its
/// worker still holds its lease, with the audit entries of what left
/// appended to the chain together. Sent notices are written by one
/// statement per worker and pass (which names the rows it wrote); the
/// rest one by one. The entries join the chain where `recorder` says
/// (see [`Recorder::join_chain`]). Returns which were recorded.
fn record_items(
    conn: &mut AnyConn,
    recorder: &Recorder,
    items: &[ToRecord<'_>],
    foresee: bool,
) -> Result<Vec<bool>, NotRecorded> {
    if items.is_empty() {
        return Ok(Vec::new());
    }
    // Committed without waiting for the disk: the recorder waits for it
    // before any pass is told (see `Recorder::record`).
    store::write_unflushed_with(conn, |conn| {
        let mut recorded = vec![false; items.len()];
        // Sent notices, by lease owner and stamp (almost always one).
        let mut sent: Vec<(&str, DateTime<Utc>, Vec<&str>)> = Vec::new();
        for item in items.iter().filter(|i| *i.result == Result_::Sent) {
            let owner = item.cfg.owner.as_str();
            match sent
                .iter_mut()
                .find(|(o, at, _)| *o == owner && *at == item.now)
            {
                Some((_, _, ids)) => ids.push(item.n.id.as_str()),
                None => sent.push((owner, item.now, vec![item.n.id.as_str()])),
            }
        }
        let mut sent_mine = std::collections::HashSet::new();
        let none = None::<String>;
        for (owner, now, ids) in &sent {
            let ts = store::to_db(*now);
            for chunk in ids.chunks(store::IN_CHUNK) {
                // Only rows this worker still holds the lease on are
                // written (on PostgreSQL the UPDATE locks them, and a row
                // another instance took over meanwhile no longer
                // matches; see `record`); it names the rows it wrote.
                let update = store::kept(
                    diesel::update(
                        notices::table
                            .filter(notices::id.in_list(chunk))
                            .filter(notices::lease_owner.eq(owner)),
                    )
                    .set((
                        notices::state.eq("sent"),
                        notices::sent_at.eq(Some(ts)),
                        notices::lease_owner.eq(&none),
                        notices::leased_until.eq(None::<chrono::NaiveDateTime>),
                        notices::last_error.eq(&none),
                        notices::updated_at.eq(ts),
                    ))
                    .returning(notices::id),
                );
                let mine: Vec<String> = crate::store::dialect::get_results!(&mut *conn, update)?;
                sent_mine.extend(mine);
            }
        }
        let mut entries = Vec::new();
        for (i, item) in items.iter().enumerate() {
            let (n, result) = (item.n, item.result);
            recorded[i] = if *result == Result_::Sent {
                sent_mine.contains(&n.id)
            } else {
                record(conn, item.cfg, n, result, item.now)?
            };
            if !recorded[i] && *result == Result_::Sent {
                tracing::warn!(notice_id = %n.id, "lease lost before the result was recorded");
            }
            if recorded[i] && matches!(result, Result_::Sent | Result_::Ready(_)) {
                entries.push((item.now, disclosure(n)));
            }
            if recorded[i] && matches!(result, Result_::Cancelled(_)) {
                entries.push((item.now, cancelled_before_sending(n)));
            }
        }
        recorder.join_chain(conn, &entries, foresee)?;
        Ok(recorded)
    })
}

/// Why a record transaction rolled back.
enum NotRecorded {
    /// The audit chain's head was not where this process foresaw it
    /// (another instance, or another use case, appended meanwhile):
    /// nothing was written; record the group again after the head as it is.
    HeadMoved,
    Failed(AppError),
}

impl From<AppError> for NotRecorded {
    fn from(e: AppError) -> Self {
        NotRecorded::Failed(e)
    }
}

impl From<diesel::result::Error> for NotRecorded {
    fn from(e: diesel::result::Error) -> Self {
        NotRecorded::Failed(e.into())
    }
}

/// Where the audit entries of this process's next record transaction
/// join the chain.
#[derive(Default)]
enum Tail {
    /// Not known: the next transaction reads (and locks) the head.
    #[default]
    Unknown,
    /// A transaction is reading the head; the next waits for the end it
    /// will leave.
    Reading,
    /// The end the record transactions begun so far leave once they all
    /// commit.
    Foreseen(crate::audit::Head),
}

/// Group commit for the delivery passes of one process on one database:
/// a pass hands its group of results in and waits; if no transaction is
/// recording, it records every group waiting (its own and those other
/// passes handed in meanwhile) in one transaction on its own connection,
/// then tells each pass which of its results were recorded. A group is
/// recorded whole or not at all, with its audit entries, in one
/// transaction, as before; only more groups share it.
#[derive(Default)]
pub struct Recorder {
    queue: std::sync::Mutex<RecordQueue>,
    changed: std::sync::Condvar,
}

impl std::fmt::Debug for Recorder {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Recorder")
    }
}

impl RecordQueue {
    /// The next record transaction reads the head, unless one is reading
    /// it already (the end that one makes known is right).
    fn forget_the_tail(&mut self) {
        if !matches!(self.tail, Tail::Reading) {
            self.tail = Tail::Unknown;
        }
    }
}

#[derive(Default)]
struct RecordQueue {
    next_ticket: u64,
    waiting: Vec<Handed>,
    /// Record transactions running (at most [`records_at_once`]).
    recording: usize,
    /// Where the next record transaction's audit entries join the chain.
    tail: Tail,
    /// Answers not yet collected, by ticket: which results were recorded,
    /// or the transaction's failure (as text, for the passes that did not
    /// run it).
    answers: std::collections::HashMap<u64, Result<Vec<bool>, (bool, String)>>,
}

/// One pass's group, handed to the recorder.
struct Handed {
    ticket: u64,
    cfg: std::sync::Arc<DeliveryConfig>,
    now: DateTime<Utc>,
    results: Vec<(Claimed, Result_)>,
}

impl Recorder {
    /// Records `results` of the pass configured by `cfg` (stamped `now`),
    /// together with whatever other passes have handed in; which were
    /// recorded.
    fn record(
        &self,
        conn: &mut AnyConn,
        cfg: &std::sync::Arc<DeliveryConfig>,
        now: DateTime<Utc>,
        results: Vec<(Claimed, Result_)>,
    ) -> AppResult<Vec<bool>> {
        let lost = |_| AppError::Internal("the delivery recorder's lock was poisoned".into());
        let mut queue = self.queue.lock().map_err(lost)?;
        let ticket = queue.next_ticket;
        queue.next_ticket += 1;
        queue.waiting.push(Handed {
            ticket,
            cfg: cfg.clone(),
            now,
            results,
        });
        loop {
            if let Some(answer) = queue.answers.remove(&ticket) {
                return answer.map_err(|(unavailable, why)| {
                    if unavailable {
                        AppError::Unavailable(why)
                    } else {
                        AppError::Internal(why)
                    }
                });
            }
            // Its group is in a transaction already, or as many are
            // running as the database gains from: wait.
            if queue.waiting.is_empty() || queue.recording >= records_at_once(conn) {
                queue = self.changed.wait(queue).map_err(lost)?;
                continue;
            }
            // This pass records everything waiting.
            queue.recording += 1;
            let groups = std::mem::take(&mut queue.waiting);
            drop(queue);
            let items: Vec<ToRecord<'_>> = groups
                .iter()
                .flat_map(|g| {
                    g.results.iter().map(|(n, result)| ToRecord {
                        cfg: &g.cfg,
                        n,
                        result,
                        now: g.now,
                    })
                })
                .collect();
            // A panic while recording must not leave `recording` raised: every
            // later pass sharing this recorder would wait for ever. It is
            // answered as a failed transaction (nothing recorded; the
            // leases run out and the notices are taken again).
            let outcome = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                let recorded = self.record_again_if_the_head_moved(conn, &items)?;
                store::dialect::wait_for_the_disk(conn)?;
                Ok(recorded)
            }))
            .unwrap_or_else(|_| {
                Err(AppError::Internal(
                    "recording the delivery results panicked".into(),
                ))
            });
            queue = self.queue.lock().map_err(lost)?;
            queue.recording -= 1;
            if outcome.is_err() {
                // What this transaction foresaw did not happen.
                queue.forget_the_tail();
            }
            match outcome {
                Ok(recorded) => {
                    let mut recorded = recorded.into_iter();
                    for g in &groups {
                        let answer = recorded.by_ref().take(g.results.len()).collect();
                        queue.answers.insert(g.ticket, Ok(answer));
                    }
                }
                Err(e) => {
                    let unavailable = matches!(e, AppError::Unavailable(_));
                    for g in &groups {
                        queue
                            .answers
                            .insert(g.ticket, Err((unavailable, e.to_string())));
                    }
                }
            }
            self.changed.notify_all();
        }
    }
}

impl Recorder {
    /// Records the items in one transaction; if the audit chain's head was
    /// not where this process foresaw it, once more after the head as it
    /// is (read under its lock, so that try cannot miss).
    fn record_again_if_the_head_moved(
        &self,
        conn: &mut AnyConn,
        items: &[ToRecord<'_>],
    ) -> AppResult<Vec<bool>> {
        match record_items(conn, self, items, true) {
            Ok(recorded) => return Ok(recorded),
            Err(NotRecorded::Failed(e)) => return Err(e),
            Err(NotRecorded::HeadMoved) => {}
        }
        // What this try foresaw was wrong, and so may be any foresight
        // made after it.
        if let Ok(mut queue) = self.queue.lock() {
            queue.forget_the_tail();
        }
        tracing::debug!(
            results = items.len(),
            "the audit chain's head moved; recording again"
        );
        match record_items(conn, self, items, false) {
            Ok(recorded) => Ok(recorded),
            Err(NotRecorded::Failed(e)) => Err(e),
            Err(NotRecorded::HeadMoved) => Err(AppError::Internal(
                "the audit chain's head moved while this transaction held it".into(),
            )),
        }
    }

    /// Appends a record transaction's audit entries to the chain.
    ///
    /// While another record transaction of this process is running, the
    /// entries are chained after the end it will leave (which it made known
    /// before it committed), without reading the head: so this
    /// transaction waits on the head's lock only to write its rows and
    /// commit, not also to read the head and move it. The head moves on
    /// only if it is where it was foreseen ([`crate::audit::write_chained`]);
    /// if not, the transaction rolls back and is recorded again. Otherwise
    /// (alone, or after a failure) the head is read under its lock, and the
    /// end this transaction leaves is made known to the next; one that
    /// begins meanwhile waits for it, so the ends are foreseen in the order
    /// the transactions join the chain.
    fn join_chain(
        &self,
        conn: &mut AnyConn,
        entries: &[(DateTime<Utc>, crate::audit::Entry)],
        foresee: bool,
    ) -> Result<(), NotRecorded> {
        if entries.is_empty() {
            return Ok(());
        }
        let lost = |_| AppError::Internal("the delivery recorder's lock was poisoned".into());
        let entries = || entries.iter().map(|(at, e)| (*at, e));
        let mut queue = self.queue.lock().map_err(lost)?;
        let foreseen = loop {
            match std::mem::replace(&mut queue.tail, Tail::Reading) {
                Tail::Reading => queue = self.changed.wait(queue).map_err(lost)?,
                Tail::Foreseen(head) if foresee && queue.recording > 1 => break Some(head),
                Tail::Foreseen(_) | Tail::Unknown => break None,
            }
        };
        let chained = match foreseen {
            Some(after) => {
                let chained = crate::audit::chain(after, entries());
                queue.tail = Tail::Foreseen(chained.end().clone());
                chained
            }
            None => {
                // This transaction reads the head; the tail stays Reading
                // until it knows where its entries end, or fails (or
                // panics) first, when the guard makes it Unknown again.
                drop(queue);
                let reading = StillReading { recorder: self };
                let head = crate::audit::locked_head(conn)?;
                let chained = crate::audit::chain(head, entries());
                queue = self.queue.lock().map_err(lost)?;
                std::mem::forget(reading);
                queue.tail = Tail::Foreseen(chained.end().clone());
                chained
            }
        };
        drop(queue);
        self.changed.notify_all();
        if crate::audit::write_chained(conn, &chained)? {
            Ok(())
        } else {
            Err(NotRecorded::HeadMoved)
        }
    }
}

/// Held by the record transaction reading the head: if it ends before it
/// knows where its entries end, the next reads the head (and any waiting
/// for it are woken), so none waits for ever.
struct StillReading<'r> {
    recorder: &'r Recorder,
}

impl Drop for StillReading<'_> {
    fn drop(&mut self) {
        let mut queue = self
            .recorder
            .queue
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        queue.tail = Tail::Unknown;
        drop(queue);
        self.recorder.changed.notify_all();
    }
}

/// How many record transactions a process runs at once on this database.
///
/// Every record transaction appends to the audit chain, whose head it
/// locks until it commits, so they line up on that lock. On PostgreSQL a
/// second one writes its notices while the first holds the head and waits
/// for its flush, and takes the head the moment the first commits (more
/// would only wait on the same lock, holding back groups that could have
/// gone together: three were measured no quicker, nor was freeing a place
/// while its transaction's commit is flushed). On SQLite writes take turns
/// on the file, and a second would wait for its turn while groups that
/// could have joined it wait too. See `store::dialect::writes_gaining_from_overlap`.
fn records_at_once(conn: &AnyConn) -> usize {
    store::dialect::writes_gaining_from_overlap(conn)
}

/// The audit entry of a notice stopped just before sending (its basis
/// ended, its moment passed): ids, category, recipient key, and why
/// (`not_wanted/<the basis it had>`), never the reason's free text.
fn cancelled_before_sending(n: &Claimed) -> crate::audit::Entry {
    let had = stored_basis_code(n);
    crate::audit::notice_entry(
        crate::audit::AuditAction::Cancel,
        &n.id,
        &n.victim_id,
        &n.category,
        &n.recipient_key,
        format!("not_wanted/{had}"),
    )
}

/// The audit code of a claimed notice's basis. Only reached for a notice
/// whose basis read before sending (an unreadable one is dead-lettered
/// first), so `unknown` marks a basis that changed under the batch.
fn stored_basis_code(n: &Claimed) -> String {
    match route::basis_of(n) {
        Ok(basis) => route::basis_code(&basis),
        Err(_) => "unknown".to_string(),
    }
}

fn count(outcome: &mut Outcome, result: &Result_) {
    match result {
        Result_::Sent => outcome.sent += 1,
        Result_::Ready(_) => outcome.ready += 1,
        Result_::Cancelled(_) => outcome.cancelled += 1,
        Result_::Failed(_) => outcome.failed += 1,
        Result_::Dead(_) => outcome.dead += 1,
        Result_::Deferred(_) => outcome.deferred += 1,
    }
}

fn log_result(n: &Claimed, result: &Result_) {
    tracing::info!(notice_id = %n.id, attempt = n.attempts, result = ?std::mem::discriminant(result), "delivery");
}

/// A sent message waiting to be recorded, and how to tell its sender
/// that it has been.
type Sent<'a> = (&'a Claimed, Result_, std::sync::mpsc::SyncSender<()>);

/// What a sender tells the recorder.
enum FromSender<'a> {
    /// A message went (or failed): record it, then let me go on.
    Sent(Sent<'a>),
    /// Nothing is left to send: I have stopped.
    Stopped,
}

/// How long the recorder waits for the senders still sending before it
/// records what it has: as long as its last record transaction took (one
/// more result then costs no more than the transaction it saves), within
/// these bounds.
const SHORTEST_GATHER: std::time::Duration = std::time::Duration::from_micros(100);
const LONGEST_GATHER: std::time::Duration = std::time::Duration::from_millis(5);

/// One pass, in sets: claim a batch; read what the checks need for the
/// whole batch and decide every notice; record at once those settled
/// without sending; then send the rest over up to `cfg.senders` at a time
/// (one per kept SMTP connection), recording results in groups as they
/// come (one transaction per group, audit entries appended together).
///
/// Each sender waits until its last message is recorded before it sends
/// the next, so at any moment at most `cfg.senders` messages are sent but
/// not yet recorded: all a killed instance can leave to be sent again
/// (with the same Message-ID or webhook idempotency key). The recorder
/// gathers a group until every sender is waiting on it (or has stopped),
/// or for at most about one record transaction's time after the group's
/// first result (group commit: a sender that is slow to send does not
/// hold up the others for longer than that).
pub fn run_once(
    pool: &Pool,
    mailer: &dyn Mailer,
    renderer: &NoticeRenderer,
    cfg: &DeliveryConfig,
    now: DateTime<Utc>,
) -> AppResult<Outcome> {
    let mut conn = pool.get()?;
    let claimed = claim(&mut conn, cfg, now)?;
    if claimed.is_empty() {
        return Ok(Outcome::default());
    }
    let mut outcome = Outcome {
        claimed: claimed.len(),
        ..Outcome::default()
    };
    let steps = prepare_batch(&mut conn, renderer, cfg, &claimed, now)?;
    let shared = std::sync::Arc::new(cfg.clone());
    let record = |conn: &mut AnyConn, results: Vec<(Claimed, Result_)>| {
        if results.is_empty() {
            return Ok(Vec::new());
        }
        cfg.recorder.record(conn, &shared, now, results)
    };
    // Settled without sending: recorded together.
    let settled: Vec<(Claimed, Result_)> = claimed
        .iter()
        .zip(&steps)
        .filter_map(|(n, s)| match s {
            Step::Done(r) => Some((n.clone(), r.clone())),
            _ => None,
        })
        .collect();
    for (recorded, (n, result)) in record(&mut conn, settled.clone())?
        .into_iter()
        .zip(&settled)
    {
        if recorded {
            count(&mut outcome, result);
        }
        log_result(n, result);
    }
    let to_send: std::sync::Mutex<std::collections::VecDeque<(&Claimed, &Step)>> = claimed
        .iter()
        .zip(&steps)
        .filter(|(_, s)| !matches!(s, Step::Done(_)))
        .collect::<std::collections::VecDeque<_>>()
        .into();
    let waiting = to_send.lock().map(|q| q.len()).unwrap_or(0);
    if waiting == 0 {
        return Ok(outcome);
    }
    let senders = cfg.senders.clamp(1, waiting);
    let (results_tx, results_rx) = std::sync::mpsc::channel::<FromSender<'_>>();
    std::thread::scope(|scope| -> AppResult<()> {
        for _ in 0..senders {
            let results_tx = results_tx.clone();
            let to_send = &to_send;
            scope.spawn(move || loop {
                let next = to_send.lock().ok().and_then(|mut q| q.pop_front());
                let Some((n, step)) = next else {
                    let _ = results_tx.send(FromSender::Stopped);
                    break;
                };
                let result = send_one(mailer, cfg, n, step, now);
                // Its own answer channel, held only by the recorder: if
                // recording fails the pass drops it, and this sender
                // stops instead of waiting for ever.
                let (done_tx, done_rx) = std::sync::mpsc::sync_channel::<()>(1);
                if results_tx
                    .send(FromSender::Sent((n, result, done_tx)))
                    .is_err()
                {
                    break;
                }
                // Not the next message until this one is recorded.
                if done_rx.recv().is_err() {
                    break;
                }
            });
        }
        drop(results_tx);
        // Senders neither waiting on the recorder nor stopped.
        let mut sending = senders;
        let mut gather = SHORTEST_GATHER;
        let mut group: Vec<Sent<'_>> = Vec::new();
        let mut until: Option<std::time::Instant> = None;
        loop {
            // Gathers until every sender waits on this group, or time is up.
            if sending > 0 {
                use std::sync::mpsc::RecvTimeoutError;
                let next = match until {
                    None => results_rx
                        .recv()
                        .map_err(|_| RecvTimeoutError::Disconnected),
                    Some(at) => results_rx
                        .recv_timeout(at.saturating_duration_since(std::time::Instant::now())),
                };
                match next {
                    Ok(FromSender::Sent(sent)) => {
                        sending -= 1;
                        group.push(sent);
                        until.get_or_insert_with(|| std::time::Instant::now() + gather);
                        if sending > 0 {
                            continue;
                        }
                    }
                    Ok(FromSender::Stopped) => {
                        sending -= 1;
                        if sending > 0 {
                            continue;
                        }
                    }
                    Err(RecvTimeoutError::Timeout) => {}
                    Err(RecvTimeoutError::Disconnected) => sending = 0,
                }
            }
            if group.is_empty() {
                if sending == 0 {
                    break;
                }
                continue;
            }
            let results: Vec<(Claimed, Result_)> = group
                .iter()
                .map(|(n, r, _)| ((*n).clone(), r.clone()))
                .collect();
            let began = std::time::Instant::now();
            let recorded = match record(&mut conn, results) {
                Ok(recorded) => recorded,
                Err(e) => {
                    // The senders stop (their acknowledgements are gone);
                    // the leases of what is left run out and it is
                    // claimed again.
                    if let Ok(mut q) = to_send.lock() {
                        q.clear();
                    }
                    return Err(e);
                }
            };
            gather = began.elapsed().clamp(SHORTEST_GATHER, LONGEST_GATHER);
            until = None;
            for (recorded, (n, result, done)) in recorded.into_iter().zip(group.drain(..)) {
                if recorded {
                    count(&mut outcome, &result);
                }
                log_result(n, &result);
                // Sending again (or stopping).
                sending += 1;
                let _ = done.send(());
            }
        }
        Ok(())
    })?;
    Ok(outcome)
}

/// When the worker should next look: the earliest instant a waiting
/// notice falls due or a lease runs out, if any.
pub fn next_due(conn: &mut AnyConn) -> AppResult<Option<DateTime<Utc>>> {
    let waiting: Option<chrono::NaiveDateTime> = notices::table
        .filter(notices::state.eq_any(["pending", "failed"]))
        .filter(not_being_sent())
        .filter(not_held())
        .select(diesel::dsl::min(notices::next_attempt_at))
        .first(conn)?;
    let leased: Option<chrono::NaiveDateTime> = notices::table
        .filter(being_sent())
        .select(diesel::dsl::min(notices::leased_until))
        .first(conn)?;
    Ok([waiting, leased]
        .into_iter()
        .flatten()
        .min()
        .map(store::from_db))
}

/// Puts a failed or dead-lettered notice back in the queue (a manager's
/// retry).
pub fn retry(conn: &mut AnyConn, id: &str, now: DateTime<Utc>) -> AppResult<()> {
    let ts = store::to_db(now);
    let rows = diesel::update(
        notices::table
            .filter(notices::id.eq(id))
            .filter(notices::state.eq_any(["failed", "dead"]))
            .filter(not_being_sent()),
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
        super::wake::due_now(conn)?;
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

//! Acknowledgement and escalation of notices that need action.
//!
//! Which notices need action, and how long their recipient has, is data
//! (`acknowledgement` in the rules table). When such a notice is first sent
//! it gets an `acknowledge_by` instant; every message that carries it gets
//! its own single-purpose link token (only the SHA-256 hash is kept). The
//! recipient acknowledges by that link (no session: the token is the
//! credential) or through the API (the recipient user, or a member of the
//! recipient organisation). A notice still unacknowledged at its
//! `acknowledge_by` is escalated once, on the delivery tick: a supporter's
//! notice to their manager (`users.manager_id`), an agency's to the same
//! organisation's unit inbox (its webhook or contact email), as a new
//! outbox notice (`escalation.unacknowledged`), and the original is marked
//! escalated.

use std::collections::{HashMap, HashSet};

use chrono::{DateTime, NaiveDateTime, Utc};
use diesel::prelude::*;
use rand::RngCore;
use serde::Serialize;
use sha2::{Digest, Sha256};

use super::delivery::Claimed;
use crate::audit::{self, AuditAction, Entry};
use crate::calendar;
use crate::error::{AppError, AppResult};
use crate::flows::TemplateKey;
use crate::rules::{acknowledge_by, Rules};
use crate::store::schema::{acknowledgement_tokens, notice_actions, notices, users};
use crate::store::{self, AnyConn, InListDsl};

/// The step name of escalation notices.
pub const ESCALATION_STEP: &str = "acknowledgement.escalation";

/// The link a message carries.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AckLink {
    /// The link's credential: prints as `[redacted]`.
    pub token: crate::secret::Secret,
    pub acknowledge_by: DateTime<Utc>,
}

impl AckLink {
    pub fn path(&self) -> String {
        format!("/ack/{}", self.token.expose())
    }
}

/// Where a notice stands on acknowledgement.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, utoipa::ToSchema)]
pub struct AckState {
    pub notice_id: String,
    pub acknowledge_by: DateTime<Utc>,
    pub acknowledged_at: Option<DateTime<Utc>>,
    /// The user id who acknowledged, or `link` for the emailed link.
    pub acknowledged_by: Option<String>,
    pub escalated_at: Option<DateTime<Utc>>,
    /// The notice that escalated it, if one could be addressed.
    pub escalation_notice_id: Option<String>,
}

pub fn token_hash(token: &str) -> String {
    hex::encode(Sha256::digest(token.as_bytes()))
}

fn new_token() -> String {
    let mut bytes = [0u8; 32];
    rand::thread_rng().fill_bytes(&mut bytes);
    format!("ack_{}", hex::encode(bytes))
}

/// Whether a string could be one of our tokens (checked before any query).
pub fn well_formed(token: &str) -> bool {
    token.len() == 4 + 64
        && token.starts_with("ack_")
        && token[4..].bytes().all(|b| b.is_ascii_hexdigit())
}

/// The acknowledgement window for a template on a day, if it needs action.
pub fn window_for(
    rules: &Rules,
    template: &str,
    now: DateTime<Utc>,
) -> Option<crate::rules::Limit> {
    rules
        .in_force(calendar::london_date(now))
        .acknowledgement
        .window(template)
        .cloned()
}

/// Called just before a claimed notice goes out. For a notice that needs
/// action: records its `acknowledge_by` the first time, and (if asked for
/// a link and not yet acknowledged) a fresh link token for this message.
pub fn prepare(
    conn: &mut AnyConn,
    rules: &Rules,
    n: &Claimed,
    now: DateTime<Utc>,
    with_link: bool,
) -> AppResult<Option<AckLink>> {
    Ok(prepare_all(conn, rules, &[(n, with_link)], now)?.remove(&n.id))
}

/// [`prepare`] for a whole batch, in one transaction and a few queries:
/// the links made, by notice id.
pub fn prepare_all(
    conn: &mut AnyConn,
    rules: &Rules,
    batch: &[(&Claimed, bool)],
    now: DateTime<Utc>,
) -> AppResult<HashMap<String, AckLink>> {
    let wanted: Vec<(&Claimed, bool, crate::rules::Limit)> = batch
        .iter()
        .filter_map(|(n, with_link)| {
            window_for(rules, &n.template, now).map(|w| (*n, *with_link, w))
        })
        .collect();
    if wanted.is_empty() {
        return Ok(HashMap::new());
    }
    store::write(conn, |conn| {
        let mut links = HashMap::new();
        for chunk in wanted.chunks(200) {
            let ids: Vec<&str> = chunk.iter().map(|(n, _, _)| n.id.as_str()).collect();
            let existing: HashMap<String, NaiveDateTime> = notice_actions::table
                .filter(notice_actions::notice_id.in_list(&ids))
                .select((notice_actions::notice_id, notice_actions::acknowledge_by))
                .load::<(String, NaiveDateTime)>(conn)?
                .into_iter()
                .collect();
            let mut by = HashMap::new();
            let mut new_rows = Vec::new();
            for (n, _, within) in chunk {
                let at = match existing.get(&n.id) {
                    Some(at) => store::from_db(*at),
                    None => {
                        let at = acknowledge_by(
                            now,
                            n.not_after.map(store::from_db),
                            within,
                            &rules.holidays,
                        );
                        new_rows.push((
                            notice_actions::notice_id.eq(n.id.clone()),
                            notice_actions::acknowledge_by.eq(store::to_db(at)),
                            notice_actions::created_at.eq(store::to_db(now)),
                        ));
                        at
                    }
                };
                by.insert(n.id.as_str(), at);
            }
            if !new_rows.is_empty() {
                // Several rows in one INSERT (a backend's own connection).
                let insert = diesel::insert_into(notice_actions::table).values(&new_rows);
                crate::store::dialect::execute!(&mut *conn, insert)?;
            }
            let acknowledged: HashSet<String> = notices::table
                .filter(notices::id.in_list(&ids))
                .filter(notices::acknowledged_at.is_not_null())
                .select(notices::id)
                .load::<String>(conn)?
                .into_iter()
                .collect();
            let mut tokens = Vec::new();
            for (n, with_link, _) in chunk {
                if !with_link || acknowledged.contains(&n.id) {
                    continue;
                }
                let token = new_token();
                tokens.push((
                    acknowledgement_tokens::token_hash.eq(token_hash(&token)),
                    acknowledgement_tokens::notice_id.eq(n.id.clone()),
                    acknowledgement_tokens::created_at.eq(store::to_db(now)),
                ));
                links.insert(
                    n.id.clone(),
                    AckLink {
                        token: token.into(),
                        acknowledge_by: by[n.id.as_str()],
                    },
                );
            }
            if !tokens.is_empty() {
                let insert = diesel::insert_into(acknowledgement_tokens::table).values(&tokens);
                crate::store::dialect::execute!(&mut *conn, insert)?;
            }
        }
        Ok(links)
    })
}

/// The words added to an email that asks to be acknowledged.
pub fn email_footer(link_url: &str, by: DateTime<Utc>) -> String {
    format!(
        "\nPlease confirm that you have received this message and will act on it, by {}:\n{link_url}\n\
         If you do not, it will be passed to someone else to follow up.\n",
        calendar::format_long(by)
    )
}

/// The acknowledgement state of one notice, if it needs action.
pub fn state(conn: &mut AnyConn, notice_id: &str) -> AppResult<Option<AckState>> {
    Ok(states(conn, &[notice_id.to_string()])?.pop())
}

type StateRow = (
    String,
    NaiveDateTime,
    Option<String>,
    Option<NaiveDateTime>,
    Option<String>,
    Option<NaiveDateTime>,
);

/// The states of several notices (those that need action), for lists.
pub fn states(conn: &mut AnyConn, ids: &[String]) -> AppResult<Vec<AckState>> {
    let rows: Vec<StateRow> = notice_actions::table
        .inner_join(notices::table)
        .filter(notice_actions::notice_id.eq_any(ids))
        .select((
            notice_actions::notice_id,
            notice_actions::acknowledge_by,
            notice_actions::acknowledged_by,
            notice_actions::escalated_at,
            notice_actions::escalation_notice_id,
            notices::acknowledged_at,
        ))
        .load(conn)?;
    Ok(rows
        .into_iter()
        .map(|(id, by, who, escalated, escalation, at)| AckState {
            notice_id: id,
            acknowledge_by: store::from_db(by),
            acknowledged_at: at.map(store::from_db),
            acknowledged_by: who,
            escalated_at: escalated.map(store::from_db),
            escalation_notice_id: escalation,
        })
        .collect())
}

/// The notice a live link token belongs to.
pub fn notice_of_token(conn: &mut AnyConn, token: &str) -> AppResult<Option<String>> {
    if !well_formed(token) {
        return Ok(None);
    }
    Ok(acknowledgement_tokens::table
        .find(token_hash(token))
        .select(acknowledgement_tokens::notice_id)
        .first(conn)
        .optional()?)
}

/// Records the acknowledgement (once; acknowledging again changes
/// nothing) with an audit entry. `by` is the user id, or `link`.
pub fn acknowledge(
    conn: &mut AnyConn,
    notice_id: &str,
    by: &str,
    actor: Option<&str>,
    now: DateTime<Utc>,
) -> AppResult<AckState> {
    store::write(conn, |conn| {
        let current = state(conn, notice_id)?.ok_or_else(|| {
            AppError::Conflict("this notice does not ask to be acknowledged".into())
        })?;
        if current.acknowledged_at.is_some() {
            return Ok(current);
        }
        let ts = store::to_db(now);
        diesel::update(
            notices::table
                .find(notice_id)
                .filter(notices::acknowledged_at.is_null()),
        )
        .set((
            notices::acknowledged_at.eq(Some(ts)),
            notices::updated_at.eq(ts),
        ))
        .execute(conn)?;
        diesel::update(notice_actions::table.find(notice_id))
            .set(notice_actions::acknowledged_by.eq(Some(by)))
            .execute(conn)?;
        let victim_id: String = notices::table
            .find(notice_id)
            .select(notices::victim_id)
            .first(conn)?;
        audit::append(
            conn,
            now,
            Entry {
                victim_id: Some(victim_id),
                category: Some("acknowledgement".into()),
                ..Entry::new(AuditAction::Update, actor, "notices", notice_id)
            },
        )?;
        state(conn, notice_id)?
            .ok_or_else(|| AppError::Internal("acknowledged notice vanished".into()))
    })
}

/// Who an escalation goes to, worked out from the original recipient.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EscalateTo {
    /// The supporter's manager, as a user.
    Manager { user_id: String },
    /// The same agency again: its unit inbox.
    Agency {
        recipient_key: String,
        recipient_kind: String,
        organisation_id: Option<String>,
    },
    /// Nobody can be named (a supporter without a manager).
    Nobody,
}

/// Pure: the escalation target for a notice's recipient.
pub fn escalate_to(
    recipient_kind: &str,
    recipient_key: &str,
    recipient_organisation_id: Option<&str>,
    manager_of_recipient: Option<&str>,
) -> EscalateTo {
    match recipient_kind {
        "supporter" => match manager_of_recipient {
            Some(m) => EscalateTo::Manager {
                user_id: m.to_string(),
            },
            None => EscalateTo::Nobody,
        },
        // Victim-facing notices never ask for acknowledgement; if one
        // did, it is not escalated to anyone.
        "victim" => EscalateTo::Nobody,
        _ => EscalateTo::Agency {
            recipient_key: recipient_key.to_string(),
            recipient_kind: recipient_kind.to_string(),
            organisation_id: recipient_organisation_id.map(str::to_string),
        },
    }
}

#[derive(Queryable)]
struct Original {
    victim_id: String,
    case_id: Option<String>,
    hearing_id: Option<String>,
    recipient_kind: String,
    recipient_key: String,
    recipient_user_id: Option<String>,
    recipient_organisation_id: Option<String>,
    template: String,
    language: String,
    data_json: String,
    category: String,
    basis_json: String,
    sent_at: Option<NaiveDateTime>,
    created_at: NaiveDateTime,
}

/// The audit entry of a notice's escalation (the service's own act).
fn escalated(victim_id: &str, notice_id: &str) -> Entry {
    Entry {
        victim_id: Some(victim_id.to_owned()),
        category: Some("escalation".into()),
        ..Entry::new(AuditAction::Update, None, "notices", notice_id)
    }
}

/// Escalates one overdue notice, if no other worker has. Returns whether
/// this call did it.
fn escalate_one(
    conn: &mut AnyConn,
    rules: &Rules,
    notice_id: &str,
    by: DateTime<Utc>,
    now: DateTime<Utc>,
) -> AppResult<bool> {
    let ts = store::to_db(now);
    let mine = diesel::update(
        notice_actions::table
            .find(notice_id)
            .filter(notice_actions::escalated_at.is_null()),
    )
    .set(notice_actions::escalated_at.eq(Some(ts)))
    .execute(conn)?;
    if mine == 0 {
        return Ok(false);
    }
    let o: Original = notices::table
        .find(notice_id)
        .select((
            notices::victim_id,
            notices::case_id,
            notices::hearing_id,
            notices::recipient_kind,
            notices::recipient_key,
            notices::recipient_user_id,
            notices::recipient_organisation_id,
            notices::template,
            notices::language,
            notices::data_json,
            notices::category,
            notices::basis_json,
            notices::sent_at,
            notices::created_at,
        ))
        .first(conn)?;
    // The escalation carries the original's basis: one that does not read
    // stops it here (logged by id), as it would stop the original's send.
    let basis = super::route::read_basis(notice_id, &o.victim_id, &o.basis_json)?;
    let manager: Option<String> = match &o.recipient_user_id {
        Some(user) => users::table
            .find(user)
            .select(users::manager_id)
            .first::<Option<String>>(conn)
            .optional()?
            .flatten(),
        None => None,
    };
    let target = escalate_to(
        &o.recipient_kind,
        &o.recipient_key,
        o.recipient_organisation_id.as_deref(),
        manager.as_deref(),
    );
    let (key, kind, user, org) = match target {
        EscalateTo::Manager { user_id } => (
            format!("supporter:{user_id}"),
            "supporter".to_string(),
            Some(user_id),
            None,
        ),
        EscalateTo::Agency {
            recipient_key,
            recipient_kind,
            organisation_id,
        } => (recipient_key, recipient_kind, None, organisation_id),
        EscalateTo::Nobody => {
            tracing::warn!(notice_id, "escalation has nobody to go to");
            audit::append(conn, now, escalated(&o.victim_id, notice_id))?;
            return Ok(true);
        }
    };
    let original: serde_json::Value = serde_json::from_str(&o.data_json).unwrap_or_default();
    let sent = store::from_db(o.sent_at.unwrap_or(o.created_at));
    let by_local = calendar::to_london(by);
    let mut data = serde_json::Map::new();
    for field in ["victim_reference", "case_reference"] {
        if let Some(v) = original.get(field).filter(|v| v.is_string()) {
            data.insert(field.into(), v.clone());
        }
    }
    data.insert("notice_kind".into(), o.template.clone().into());
    data.insert("sent_to".into(), o.recipient_kind.clone().into());
    data.insert(
        "sent_date".into(),
        calendar::london_date(sent).to_string().into(),
    );
    data.insert(
        "acknowledge_by_date".into(),
        by_local.date_naive().to_string().into(),
    );
    data.insert(
        "acknowledge_by_time".into(),
        calendar::time_value(by).into(),
    );
    let template = TemplateKey::EscalationUnacknowledged;
    data.retain(|k, _| template.allow_list().contains(&k.as_str()));
    let citation = window_for(rules, &o.template, now)
        .map(|l| l.citation)
        .unwrap_or_else(|| "Courtside acknowledgement window (operational, configurable)".into());
    let idempotency_key = format!("escalation/{notice_id}");
    let existing: Option<String> = notices::table
        .filter(notices::idempotency_key.eq(&idempotency_key))
        .select(notices::id)
        .first(conn)
        .optional()?;
    let escalation_id = match existing {
        Some(id) => id,
        None => {
            let id = store::new_id();
            let data_json = serde_json::to_string(&data)
                .map_err(|e| AppError::Internal(format!("escalation data: {e}")))?;
            diesel::insert_into(notices::table)
                .values((
                    notices::id.eq(&id),
                    notices::idempotency_key.eq(&idempotency_key),
                    notices::victim_id.eq(&o.victim_id),
                    notices::case_id.eq(&o.case_id),
                    notices::hearing_id.eq(&o.hearing_id),
                    notices::step.eq(ESCALATION_STEP),
                    notices::citation.eq(citation),
                    notices::reconstructed.eq(false),
                    notices::recipient_kind.eq(&kind),
                    notices::recipient_key.eq(&key),
                    notices::recipient_user_id.eq(&user),
                    notices::recipient_organisation_id.eq(&org),
                    notices::channel.eq("email"),
                    notices::template.eq(template.as_str()),
                    notices::language.eq(&o.language),
                    notices::data_json.eq(data_json),
                    notices::category.eq(&o.category),
                    notices::basis_json.eq(&o.basis_json),
                    notices::not_for_public_disclosure.eq(false),
                    notices::state.eq("pending"),
                    notices::send_after.eq(ts),
                    notices::next_attempt_at.eq(ts),
                    notices::created_at.eq(ts),
                    notices::updated_at.eq(ts),
                ))
                .execute(conn)?;
            audit::append(
                conn,
                now,
                audit::notice_entry(
                    AuditAction::Plan,
                    &id,
                    &o.victim_id,
                    &o.category,
                    &key,
                    super::route::basis_code(&basis),
                ),
            )?;
            id
        }
    };
    diesel::update(notice_actions::table.find(notice_id))
        .set(notice_actions::escalation_notice_id.eq(Some(&escalation_id)))
        .execute(conn)?;
    audit::append(conn, now, escalated(&o.victim_id, notice_id))?;
    tracing::info!(notice_id, escalation_notice_id = %escalation_id, "notice escalated");
    Ok(true)
}

/// The sweep: escalates every notice past its `acknowledge_by` that is
/// neither acknowledged, escalated nor cancelled. Safe to run on several
/// instances at once: each notice is escalated by whichever marks it
/// first, and the escalation notice's key is unique to the original.
pub fn escalate_due(conn: &mut AnyConn, rules: &Rules, now: DateTime<Utc>) -> AppResult<usize> {
    let due: Vec<(String, NaiveDateTime, String, String)> = notice_actions::table
        .inner_join(notices::table)
        .filter(notice_actions::acknowledge_by.le(store::to_db(now)))
        .filter(notice_actions::escalated_at.is_null())
        .filter(notices::acknowledged_at.is_null())
        .filter(notices::state.ne("cancelled"))
        .order((
            notice_actions::acknowledge_by.asc(),
            notice_actions::notice_id,
        ))
        .limit(200)
        .select((
            notice_actions::notice_id,
            notice_actions::acknowledge_by,
            notices::victim_id,
            notices::basis_json,
        ))
        .load(conn)?;
    let mut escalated = 0;
    for (id, by, victim_id, basis_json) in due {
        // A stored basis that does not read stops this escalation (logged
        // by id in `read_basis`); the others in the sweep still go.
        if super::route::read_basis(&id, &victim_id, &basis_json).is_err() {
            continue;
        }
        if store::write(conn, |conn| {
            escalate_one(conn, rules, &id, store::from_db(by), now)
        })? {
            escalated += 1;
        }
    }
    Ok(escalated)
}

/// The sweep on its own pooled connection (for the scheduler tick).
pub fn sweep(pool: &crate::store::Pool, rules: &Rules, now: DateTime<Utc>) -> AppResult<usize> {
    let mut conn = pool.get()?;
    escalate_due(&mut conn, rules, now)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escalation_targets() {
        let table = [
            (
                "supporter",
                "supporter:u1",
                None,
                Some("m1"),
                EscalateTo::Manager {
                    user_id: "m1".into(),
                },
            ),
            ("supporter", "supporter:u1", None, None, EscalateTo::Nobody),
            ("victim", "victim:v1", None, None, EscalateTo::Nobody),
            (
                "witness_care_unit",
                "wcu:o1",
                Some("o1"),
                None,
                EscalateTo::Agency {
                    recipient_key: "wcu:o1".into(),
                    recipient_kind: "witness_care_unit".into(),
                    organisation_id: Some("o1".into()),
                },
            ),
            (
                "court",
                "court:Leeds Combined Court Centre",
                None,
                None,
                EscalateTo::Agency {
                    recipient_key: "court:Leeds Combined Court Centre".into(),
                    recipient_kind: "court".into(),
                    organisation_id: None,
                },
            ),
        ];
        for (kind, key, org, manager, expected) in table {
            assert_eq!(
                escalate_to(kind, key, org, manager),
                expected,
                "{kind} {key}"
            );
        }
    }

    #[test]
    fn tokens_are_long_random_and_checked_for_shape() {
        let t = new_token();
        assert!(well_formed(&t), "{t}");
        assert_ne!(t, new_token());
        for bad in [
            "",
            "ack_",
            "ack_xyz",
            &t[1..],
            &format!("{t}0"),
            &t.replace("ack_", "csf_"),
        ] {
            assert!(!well_formed(bad), "{bad}");
        }
        assert_eq!(token_hash(&t).len(), 64);
        assert_ne!(token_hash(&t), t);
    }

    #[test]
    fn the_email_footer_gives_the_link_and_the_london_time() {
        use chrono::TimeZone;
        let by = Utc.with_ymd_and_hms(2026, 3, 30, 11, 0, 0).unwrap();
        let text = email_footer("https://courtside.example/ack/ack_1", by);
        assert!(
            text.contains("https://courtside.example/ack/ack_1"),
            "{text}"
        );
        assert!(text.contains("Monday 30 March 2026, 12:00 (BST)"), "{text}");
    }
}

/// Acknowledges a notice as a signed-in person: its recipient user, or a
/// member of its recipient organisation (`policy::may_acknowledge`); to
/// anyone else the notice does not exist. Shared by the API's
/// `POST /api/v1/notices/{id}/acknowledgement` and the inbox page.
pub fn acknowledge_as(
    conn: &mut AnyConn,
    actor: &crate::policy::Actor,
    notice_id: &str,
    now: DateTime<Utc>,
) -> AppResult<AckState> {
    type Found = (
        String,
        Option<String>,
        Option<String>,
        Option<String>,
        String,
    );
    let found: Option<Found> = notices::table
        .find(notice_id)
        .select((
            notices::recipient_key,
            notices::recipient_user_id,
            notices::recipient_organisation_id,
            notices::case_id,
            notices::victim_id,
        ))
        .first(conn)
        .optional()?;
    let (key, user, org, case, victim) =
        found.ok_or_else(|| AppError::NotFound("notice".into()))?;
    let org = match org {
        Some(org) => Some(org),
        None => super::route::recipient_org_of(conn, &key, case.as_deref(), &victim)?,
    };
    if !crate::policy::may_acknowledge(actor, user.as_deref(), org.as_deref()) {
        return Err(AppError::NotFound("notice".into()));
    }
    acknowledge(conn, notice_id, &actor.user_id, Some(&actor.user_id), now)
}

/// A notice that needs action, waiting in an organisation's inbox.
#[derive(Debug, Clone)]
pub struct Request {
    pub template: String,
    pub sent_at: Option<DateTime<Utc>>,
    pub state: AckState,
}

/// The recipient keys by which notices reach an organisation: a court's
/// staff and its Witness Service by the court's name, a witness care unit
/// by its id.
fn inbox_keys(kind: &str, org_id: &str, court_name: Option<String>) -> Vec<String> {
    match (kind, court_name) {
        ("court", Some(court)) => vec![format!("court:{court}")],
        ("witness_service", Some(court)) => vec![format!("witness_service:{court}")],
        ("witness_care_unit", _) => vec![format!("wcu:{org_id}")],
        _ => Vec::new(),
    }
}

/// The notices needing action addressed to this organisation (by its
/// recipient key, or named as the recipient organisation), soonest
/// deadline first, acknowledged ones included so the inbox can say so.
/// Carries no victim or case details: only what kind of request it is.
pub fn requests_for_org(conn: &mut AnyConn, org_id: &str) -> AppResult<Vec<Request>> {
    use crate::store::schema::{courts, organisations};
    let found: Option<(String, Option<String>)> = organisations::table
        .left_join(courts::table.on(organisations::court_id.eq(courts::id.nullable())))
        .filter(organisations::id.eq(org_id))
        .select((organisations::kind, courts::name.nullable()))
        .first(conn)
        .optional()?;
    let Some((kind, court)) = found else {
        return Ok(Vec::new());
    };
    let keys = inbox_keys(&kind, org_id, court);
    let rows: Vec<(String, String, Option<NaiveDateTime>)> = notices::table
        .inner_join(notice_actions::table)
        .filter(
            notices::recipient_key
                .eq_any(&keys)
                .or(notices::recipient_organisation_id.eq(org_id)),
        )
        .select((notices::id, notices::template, notices::sent_at))
        .load(conn)?;
    let ids: Vec<String> = rows.iter().map(|r| r.0.clone()).collect();
    let mut states: std::collections::HashMap<String, AckState> = states(conn, &ids)?
        .into_iter()
        .map(|s| (s.notice_id.clone(), s))
        .collect();
    let mut out: Vec<Request> = rows
        .into_iter()
        .filter_map(|(id, template, sent)| {
            states.remove(&id).map(|state| Request {
                template,
                sent_at: sent.map(store::from_db),
                state,
            })
        })
        .collect();
    out.sort_by(|a, b| {
        (a.state.acknowledged_at.is_some(), a.state.acknowledge_by)
            .cmp(&(b.state.acknowledged_at.is_some(), b.state.acknowledge_by))
            .then_with(|| a.state.notice_id.cmp(&b.state.notice_id))
    });
    Ok(out)
}

#[cfg(test)]
mod inbox_tests {
    use super::inbox_keys;

    #[test]
    fn each_kind_of_organisation_is_reached_by_its_own_key() {
        let leeds = || Some("Leeds Crown Court".to_string());
        let table = [
            ("court", "o1", leeds(), vec!["court:Leeds Crown Court"]),
            (
                "witness_service",
                "o2",
                leeds(),
                vec!["witness_service:Leeds Crown Court"],
            ),
            ("witness_care_unit", "o3", None, vec!["wcu:o3"]),
            ("court", "o4", None, vec![]),
            ("support_service", "o5", leeds(), vec![]),
        ];
        for (kind, org, court, want) in table {
            assert_eq!(inbox_keys(kind, org, court), want, "{kind}");
        }
    }
}

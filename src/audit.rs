//! The append-only, hash-chained audit log. Every change through the API,
//! every read of a victim's sensitive details, and every disclosure to
//! another agency (who, to whom, what kind of information, on what basis,
//! when) is appended inside the transaction that does it: no entry without
//! the act, no act without its entry.
//!
//! Entry n's hash is SHA-256 over its fields and entry n−1's hash; the
//! single `audit_head` row holds the last sequence number and hash and is
//! locked by each append, so appends from several instances line up. An
//! append is chained in memory after a head ([`chain`]) and written only if
//! the head is still that one when its lock is taken ([`write_chained`]):
//! after the head as read under its lock ([`append_each`]), or, for the
//! delivery recorder, after the end the transaction ahead of it will leave.
//! [`verify`] walks the chain and names the first entry that was edited,
//! deleted or moved.

use chrono::{DateTime, Timelike, Utc};
use diesel::prelude::*;
use sha2::{Digest, Sha256};

use crate::error::{AppError, AppResult};
use crate::store::schema::{audit_head, audit_log};
use crate::store::{self, AnyConn};

/// What happened.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AuditAction {
    Create,
    Update,
    ReadSensitive,
    Disclose,
    /// A notice joined the outbox (or came back to it).
    Plan,
    /// A notice was stopped before it went.
    Cancel,
}

impl AuditAction {
    pub fn as_str(self) -> &'static str {
        match self {
            AuditAction::Create => "create",
            AuditAction::Update => "update",
            AuditAction::ReadSensitive => "read_sensitive",
            AuditAction::Disclose => "disclose",
            AuditAction::Plan => "plan",
            AuditAction::Cancel => "cancel",
        }
    }
}

/// A notice's basis as the audit log names it: `consent:<scope>`,
/// `lawful:<basis>`, `spoc_agreement` or `data_subject` (never a lawful
/// basis's free-text reason).
pub fn basis_code(basis: &serde_json::Value) -> String {
    match (
        basis["kind"].as_str(),
        basis["scope"].as_str(),
        basis["basis"].as_str(),
    ) {
        (Some(kind), Some(scope), _) => format!("{kind}:{scope}"),
        (Some(kind), None, Some(lawful)) => format!("{kind}:{lawful}"),
        (Some(kind), _, _) => kind.to_string(),
        _ => "unknown".to_string(),
    }
}

/// What the record says of a notice planned or cancelled: the notice, its
/// victim, recipient key, category and basis. A cancellation's `basis` is
/// the reason's code (`consent_withdrawn`, `superseded`, ...).
pub fn notice_entry(
    action: AuditAction,
    notice_id: &str,
    victim_id: &str,
    category: &str,
    recipient: &str,
    basis: String,
) -> Entry {
    Entry {
        victim_id: Some(victim_id.to_string()),
        recipient: Some(recipient.to_string()),
        category: Some(category.to_string()),
        basis: Some(basis),
        ..Entry::new(action, None, "notices", notice_id)
    }
}

/// One entry, before it is chained. Ids and categories only: never a
/// name, an address or free text.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Entry {
    pub actor_user_id: Option<String>,
    pub action: String,
    pub entity: String,
    pub entity_id: String,
    pub victim_id: Option<String>,
    /// For a disclosure: the recipient's key, e.g. `court:Leeds …`.
    pub recipient: Option<String>,
    pub category: Option<String>,
    pub basis: Option<String>,
    /// For a notice sent: the language it was written in (`en`, `cy`, or
    /// `cy+en` for the bilingual form).
    pub language: Option<String>,
}

impl Entry {
    pub fn new(action: AuditAction, actor: Option<&str>, entity: &str, entity_id: &str) -> Entry {
        Entry {
            actor_user_id: actor.map(str::to_string),
            action: action.as_str().to_string(),
            entity: entity.to_string(),
            entity_id: entity_id.to_string(),
            ..Entry::default()
        }
    }
}

/// Whose record a change touched, and its category, for the change's
/// audit entry: the victim a record belongs to (read from its own
/// `victim_id`, or through its case or hearing; a victim record is its own
/// victim), and for a consent its scope. `record` is the record as the API
/// answers it; `entity` is its kind (`victims`, `consents`, ...).
pub fn about(
    conn: &mut AnyConn,
    entity: &str,
    record: &serde_json::Value,
) -> AppResult<(Option<String>, Option<String>)> {
    use crate::store::schema::{cases, hearings};
    let text = |field: &str| record[field].as_str().map(str::to_string);
    let victim_id = if entity == "victims" {
        text("id")
    } else if let Some(victim) = text("victim_id") {
        Some(victim)
    } else if let Some(case) = text("case_id") {
        cases::table
            .find(case)
            .select(cases::victim_id)
            .first(conn)
            .optional()?
    } else if let Some(hearing) = text("hearing_id") {
        hearings::table
            .inner_join(cases::table)
            .filter(hearings::id.eq(hearing))
            .select(cases::victim_id)
            .first(conn)
            .optional()?
    } else {
        None
    };
    let category = match entity {
        "consents" => text("scope"),
        _ => None,
    };
    Ok((victim_id, category))
}

/// The chain's hash of one entry (pure; the layout is fixed: changing it
/// breaks every stored chain).
pub fn chain_hash(seq: i64, at: DateTime<Utc>, e: &Entry, prev_hash: &str) -> String {
    let mut h = Sha256::new();
    let field = |h: &mut Sha256, value: &str| {
        h.update((value.len() as u64).to_be_bytes());
        h.update(value.as_bytes());
    };
    field(&mut h, &seq.to_string());
    field(&mut h, &at.format("%Y-%m-%dT%H:%M:%S%.6fZ").to_string());
    for value in [
        e.actor_user_id.as_deref().unwrap_or("-"),
        &e.action,
        &e.entity,
        &e.entity_id,
        e.victim_id.as_deref().unwrap_or("-"),
        e.recipient.as_deref().unwrap_or("-"),
        e.category.as_deref().unwrap_or("-"),
        e.basis.as_deref().unwrap_or("-"),
        prev_hash,
    ] {
        field(&mut h, value);
    }
    // Added later: hashed only when present, so entries written before it
    // existed keep their hashes.
    if let Some(language) = &e.language {
        field(&mut h, "language");
        field(&mut h, language);
    }
    hex::encode(h.finalize())
}

/// The end of the chain: the last entry's number and hash (0 and
/// "genesis" while the log is empty), as the `audit_head` row holds it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Head {
    pub seq: i64,
    pub hash: String,
}

/// Locks and reads the chain's head: every later append, from this
/// instance or another, waits until this transaction ends.
pub fn locked_head(conn: &mut AnyConn) -> AppResult<Head> {
    let query = audit_head::table
        .filter(audit_head::id.eq(1))
        .select((audit_head::seq, audit_head::hash));
    let (seq, hash) = crate::store::dialect::first_for_update!(conn, query)?;
    Ok(Head { seq, hash })
}

/// Entries chained in memory after a head, ready to be written.
pub struct Chained {
    after: Head,
    rows: Vec<Row>,
    end: Head,
}

impl Chained {
    /// The head once these entries are written.
    pub fn end(&self) -> &Head {
        &self.end
    }
}

/// Chains entries, each with its own instant, after `after` (pure: the
/// numbers and hashes they get if the head is still `after` when they
/// are written).
pub fn chain<'e>(
    after: Head,
    entries: impl IntoIterator<Item = (DateTime<Utc>, &'e Entry)>,
) -> Chained {
    let (mut seq, mut prev) = (after.seq, after.hash.clone());
    let mut rows = Vec::new();
    for (at, e) in entries {
        // Microseconds, as both databases keep them, so the hash recomputes.
        let at = at
            .with_nanosecond(at.nanosecond() / 1000 * 1000)
            .unwrap_or(at);
        seq += 1;
        let hash = chain_hash(seq, at, e, &prev);
        rows.push(Row {
            seq,
            at: store::to_db(at),
            actor_user_id: e.actor_user_id.clone(),
            action: e.action.clone(),
            entity: e.entity.clone(),
            entity_id: e.entity_id.clone(),
            victim_id: e.victim_id.clone(),
            recipient: e.recipient.clone(),
            category: e.category.clone(),
            basis: e.basis.clone(),
            prev_hash: prev,
            hash: hash.clone(),
            language: e.language.clone(),
        });
        prev = hash;
    }
    Chained {
        after,
        rows,
        end: Head { seq, hash: prev },
    }
}

/// Writes chained entries in the caller's transaction, if the head is
/// still the one they were chained after. The head is moved on first, and
/// only from that head: the UPDATE takes the head's row whatever it holds
/// (on PostgreSQL waiting for a transaction moving it, and then seeing
/// where that one left it) and changes it only if it is `after`, so the
/// rows are written only under the head's lock. (A condition on the head
/// in the WHERE would not wait: PostgreSQL skips a row whose committed
/// version does not match, even while another transaction moves it to a
/// version that would.) `false`: the head had moved, no rows were written,
/// and the caller must not commit what it meant these entries to record
/// (it rolls back and tries again after the head as it is). So one
/// instance can chain appends before the transaction ahead of them
/// commits, holding the head's lock only to write its rows and commit.
pub fn write_chained(conn: &mut AnyConn, chained: &Chained) -> AppResult<bool> {
    use diesel::dsl::case_when;
    use diesel::sql_types::{BigInt, Text};
    if chained.rows.is_empty() {
        return Ok(true);
    }
    let (after, end) = (&chained.after, &chained.end);
    let still = || {
        audit_head::seq
            .eq(after.seq)
            .and(audit_head::hash.eq(after.hash.clone()))
    };
    let move_on = store::kept(
        diesel::update(audit_head::table.filter(audit_head::id.eq(1)))
            .set((
                audit_head::seq
                    .eq(case_when::<_, _, BigInt>(still(), end.seq).otherwise(audit_head::seq)),
                audit_head::hash
                    .eq(case_when::<_, _, Text>(still(), end.hash.clone())
                        .otherwise(audit_head::hash)),
            ))
            .returning((audit_head::seq, audit_head::hash)),
    );
    let now: Vec<(i64, String)> = crate::store::dialect::get_results!(&mut *conn, move_on)?;
    if now.first().map(|(seq, hash)| (*seq, hash.as_str())) != Some((end.seq, end.hash.as_str())) {
        return Ok(false);
    }
    insert_rows(conn, &chained.rows)?;
    Ok(true)
}

/// Appends entries in the caller's transaction.
pub fn append_all(conn: &mut AnyConn, at: DateTime<Utc>, entries: &[Entry]) -> AppResult<()> {
    append_each(conn, entries.iter().map(|e| (at, e)))
}

/// Appends entries, each with its own instant, in the caller's
/// transaction: the head is read (and locked) once, the rows are chained
/// in memory and written several to an INSERT, and the head is moved once.
pub fn append_each<'e>(
    conn: &mut AnyConn,
    entries: impl IntoIterator<Item = (DateTime<Utc>, &'e Entry)>,
) -> AppResult<()> {
    let mut entries = entries.into_iter().peekable();
    if entries.peek().is_none() {
        return Ok(());
    }
    let chained = chain(locked_head(conn)?, entries);
    if write_chained(conn, &chained)? {
        Ok(())
    } else {
        Err(AppError::Internal(
            "the audit chain's head moved while this transaction held it".into(),
        ))
    }
}

/// One entry as stored (written by `append_each`, read back by `verify`).
/// Owned: an INSERT of a fixed number of rows is kept prepared under its
/// type, which must not borrow.
#[derive(Insertable, Queryable)]
#[diesel(table_name = audit_log, treat_none_as_default_value = false)]
struct Row {
    seq: i64,
    at: chrono::NaiveDateTime,
    actor_user_id: Option<String>,
    action: String,
    entity: String,
    entity_id: String,
    victim_id: Option<String>,
    recipient: Option<String>,
    category: Option<String>,
    basis: Option<String>,
    prev_hash: String,
    hash: String,
    language: Option<String>,
}

/// Writes the rows several to an INSERT, in runs of 64, 32, 16, 8, 4, 2
/// and 1 rows: an INSERT of a fixed number of rows is kept prepared
/// (diesel never keeps one made from a list of any length), so the few
/// shapes are each parsed once per connection. A delivery pass appends a
/// handful of entries (most often 8, one per sender) in every record
/// transaction. 64 rows bind 832 values, well under both databases'
/// limits. (`None` is written as NULL, not as the column's default: a
/// default would make diesel write each row alone on SQLite and never
/// keep the statement on PostgreSQL.)
fn insert_rows(conn: &mut AnyConn, rows: &[Row]) -> AppResult<()> {
    /// Writes the first `N` rows (there are at least `N`), returns the rest.
    fn run<'r, const N: usize>(conn: &mut AnyConn, rows: &'r [Row]) -> AppResult<&'r [Row]> {
        let (first, rest) = rows.split_at(N);
        let first: &[Row; N] = first
            .try_into()
            .map_err(|_| AppError::Internal("an audit run of the wrong length".into()))?;
        let insert = diesel::insert_into(audit_log::table).values(first);
        crate::store::dialect::execute!(&mut *conn, insert)?;
        Ok(rest)
    }
    let mut rest = rows;
    while !rest.is_empty() {
        rest = match rest.len() {
            64.. => run::<64>(conn, rest)?,
            32.. => run::<32>(conn, rest)?,
            16.. => run::<16>(conn, rest)?,
            8.. => run::<8>(conn, rest)?,
            4.. => run::<4>(conn, rest)?,
            2.. => run::<2>(conn, rest)?,
            _ => run::<1>(conn, rest)?,
        };
    }
    Ok(())
}

pub fn append(conn: &mut AnyConn, at: DateTime<Utc>, entry: Entry) -> AppResult<()> {
    append_all(conn, at, &[entry])
}

/// What `verify` found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Verdict {
    Intact {
        entries: i64,
    },
    /// The first entry that does not fit, and why.
    Broken {
        seq: i64,
        problem: String,
    },
}

/// Walks the whole chain (in pages) and checks every link and the head.
pub fn verify(conn: &mut AnyConn) -> AppResult<Verdict> {
    let mut expected_seq = 1_i64;
    let mut prev = "genesis".to_string();
    loop {
        let page: Vec<Row> = audit_log::table
            .filter(audit_log::seq.ge(expected_seq))
            .order(audit_log::seq.asc())
            .limit(5000)
            .load(conn)?;
        if page.is_empty() {
            break;
        }
        for s in page {
            if s.seq != expected_seq {
                return Ok(Verdict::Broken {
                    seq: expected_seq,
                    problem: format!("entry {expected_seq} is missing (next found: {})", s.seq),
                });
            }
            if s.prev_hash != prev {
                return Ok(Verdict::Broken {
                    seq: s.seq,
                    problem: "does not follow the entry before it (deleted or reordered)".into(),
                });
            }
            let entry = Entry {
                actor_user_id: s.actor_user_id,
                action: s.action,
                entity: s.entity,
                entity_id: s.entity_id,
                victim_id: s.victim_id,
                recipient: s.recipient,
                category: s.category,
                basis: s.basis,
                language: s.language,
            };
            if chain_hash(s.seq, store::from_db(s.at), &entry, &s.prev_hash) != s.hash {
                return Ok(Verdict::Broken {
                    seq: s.seq,
                    problem: "its contents were changed after it was written".into(),
                });
            }
            prev = s.hash;
            expected_seq += 1;
        }
    }
    let (head_seq, head_hash): (i64, String) = audit_head::table
        .filter(audit_head::id.eq(1))
        .select((audit_head::seq, audit_head::hash))
        .first(conn)?;
    if head_seq != expected_seq - 1 || head_hash != prev {
        return Ok(Verdict::Broken {
            seq: head_seq.min(expected_seq),
            problem: format!(
                "the chain ends at entry {} but its head says {head_seq}: entries were removed from the end",
                expected_seq - 1
            ),
        });
    }
    Ok(Verdict::Intact {
        entries: expected_seq - 1,
    })
}

/// For `courtside verify-audit`.
pub fn verify_or_explain(conn: &mut AnyConn) -> AppResult<i64> {
    match verify(conn)? {
        Verdict::Intact { entries } => Ok(entries),
        Verdict::Broken { seq, problem } => Err(AppError::Conflict(format!(
            "the audit log is broken at entry {seq}: {problem}"
        ))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn entry() -> Entry {
        Entry::new(AuditAction::Update, Some("u1"), "hearings", "h1")
    }

    #[test]
    fn the_hash_covers_every_field_and_the_link() {
        let at = Utc.with_ymd_and_hms(2026, 3, 29, 1, 30, 0).unwrap();
        let base = chain_hash(7, at, &entry(), "prev");
        assert_eq!(base, chain_hash(7, at, &entry(), "prev"), "deterministic");
        let mut changed = vec![
            chain_hash(8, at, &entry(), "prev"),
            chain_hash(7, at + chrono::Duration::microseconds(1), &entry(), "prev"),
            chain_hash(7, at, &entry(), "other"),
        ];
        let edits: [fn(&mut Entry); 8] = [
            |e| e.actor_user_id = None,
            |e| e.action = "create".into(),
            |e| e.entity = "cases".into(),
            |e| e.entity_id = "h2".into(),
            |e| e.victim_id = Some("v".into()),
            |e| e.recipient = Some("court:x".into()),
            |e| e.category = Some("parole".into()),
            |e| e.basis = Some("consent".into()),
        ];
        for edit in edits {
            let mut e = entry();
            edit(&mut e);
            changed.push(chain_hash(7, at, &e, "prev"));
        }
        for h in changed {
            assert_ne!(h, base);
        }
    }

    #[test]
    fn a_notices_basis_is_named_without_free_text() {
        use serde_json::json;
        let cases = [
            (
                json!({"kind": "consent", "scope": "court_dates_to_supporter"}),
                "consent:court_dates_to_supporter",
            ),
            (
                json!({"kind": "lawful", "basis": "public_task", "reason": "Victim of Demo Person"}),
                "lawful:public_task",
            ),
            (
                json!({"kind": "spoc_agreement", "agreed_on": "2026-03-01"}),
                "spoc_agreement",
            ),
            (json!({"kind": "data_subject"}), "data_subject"),
            (json!(null), "unknown"),
        ];
        for (basis, code) in cases {
            assert_eq!(basis_code(&basis), code, "{basis}");
        }
        let e = notice_entry(
            AuditAction::Cancel,
            "n1",
            "v1",
            "hearing_details",
            "supporter:u1",
            "consent_withdrawn/consent:court_dates_to_supporter".into(),
        );
        assert_eq!(e.action, "cancel");
        assert_eq!((e.entity.as_str(), e.entity_id.as_str()), ("notices", "n1"));
        assert_eq!(e.victim_id.as_deref(), Some("v1"));
        assert_eq!(e.actor_user_id, None);
    }

    #[test]
    fn field_boundaries_cannot_be_shifted() {
        let at = Utc.with_ymd_and_hms(2026, 1, 1, 0, 0, 0).unwrap();
        let mut a = entry();
        a.entity = "ab".into();
        a.entity_id = "c".into();
        let mut b = entry();
        b.entity = "a".into();
        b.entity_id = "bc".into();
        assert_ne!(chain_hash(1, at, &a, "g"), chain_hash(1, at, &b, "g"));
    }
}

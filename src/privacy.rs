//! Data-protection operations around the victim's sensitive details:
//! loading the field keys, re-encrypting under a new key, erasure after
//! the retention period, and the consent-expiry rule.
//!
//! Nothing here logs or returns a sensitive value: reports are counts and
//! ids only.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU32, Ordering};
use std::sync::Arc;

use chrono::{DateTime, Months, Utc};
use diesel::prelude::*;

use crate::audit::{self, AuditAction};
use crate::config::Config;
use crate::crypto::{self, CryptoError, KeyRing};
use crate::error::{AppError, AppResult};
use crate::store::schema::{
    attendance_requests, cases, consents, hearings, notices, parole_milestones, protective_orders,
    responsible_adults, risk_meeting_actions, safety_plans, trial_update_preferences,
    trial_updates, victim_sensitive_details as vsd,
};
use crate::store::{self, AnyConn};

/// The process's key ring, as an application error when missing.
pub fn keyring() -> AppResult<Arc<KeyRing>> {
    crypto::ring().map_err(crypto_error)
}

/// A crypto failure as an application error: the key id at most, never
/// the value.
pub fn crypto_error(e: CryptoError) -> AppError {
    AppError::Internal(format!("sensitive details could not be read: {e}"))
}

/// Opens one sealed column.
pub fn open(ring: &KeyRing, stored: &str) -> AppResult<String> {
    ring.decrypt(stored).map_err(crypto_error)
}

/// Opens one optional sealed column.
pub fn open_opt(ring: &KeyRing, stored: Option<String>) -> AppResult<Option<String>> {
    ring.decrypt_opt(stored.as_deref()).map_err(crypto_error)
}

/// The file that keeps a locally generated key: beside the SQLite file.
fn key_file(database_url: &str) -> Option<PathBuf> {
    if database_url.starts_with("postgres") {
        return None;
    }
    let db = Path::new(
        database_url
            .strip_prefix("sqlite://")
            .unwrap_or(database_url),
    );
    let dir = db
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    Some(dir.join("field-keys"))
}

#[cfg(unix)]
fn write_private(path: &Path, text: &str) -> std::io::Result<()> {
    use std::io::Write;
    use std::os::unix::fs::OpenOptionsExt;
    let mut f = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .mode(0o600)
        .open(path)?;
    f.write_all(text.as_bytes())
}

#[cfg(not(unix))]
fn write_private(path: &Path, text: &str) -> std::io::Result<()> {
    std::fs::write(path, text)
}

/// The configured key ring: COURTSIDE_FIELD_KEYS, else (SQLite only) the
/// key kept beside the database, made on first start. PostgreSQL without
/// keys is refused: a shared database needs keys managed by the operator.
pub fn load_keys(config: &Config) -> AppResult<KeyRing> {
    if let Some(spec) = config
        .field_keys
        .as_ref()
        .map(crate::secret::Secret::expose)
        .filter(|s| !s.trim().is_empty())
    {
        return KeyRing::parse(spec).map_err(|e| AppError::Internal(e.to_string()));
    }
    let Some(path) = key_file(config.database_url.expose()) else {
        return Err(AppError::Internal(
            "COURTSIDE_FIELD_KEYS must be set when the data is in PostgreSQL \
             (see docs/operating.md, Privacy)"
                .into(),
        ));
    };
    let read = |path: &Path| -> AppResult<KeyRing> {
        let text = std::fs::read_to_string(path)
            .map_err(|e| AppError::Internal(format!("cannot read {}: {e}", path.display())))?;
        KeyRing::parse(text.trim())
            .map_err(|e| AppError::Internal(format!("{}: {e}", path.display())))
    };
    if path.exists() {
        tracing::warn!(
            file = %path.display(),
            "field encryption key read from a local file: production must set COURTSIDE_FIELD_KEYS"
        );
        return read(&path);
    }
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir)
            .map_err(|e| AppError::Internal(format!("cannot create {}: {e}", dir.display())))?;
    }
    let id = format!("local-{}", &uuid::Uuid::new_v4().simple().to_string()[..8]);
    match write_private(&path, &format!("{}\n", KeyRing::generate_spec(&id))) {
        Ok(()) => {}
        // Another process made it first: use theirs.
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {}
        Err(e) => {
            return Err(AppError::Internal(format!(
                "cannot write {}: {e}",
                path.display()
            )))
        }
    }
    tracing::warn!(
        file = %path.display(),
        "NO COURTSIDE_FIELD_KEYS: generated a field encryption key and stored it beside the \
         database. Fine for a demo; production MUST set COURTSIDE_FIELD_KEYS and keep the key \
         out of the data folder"
    );
    eprintln!(
        "WARNING: no COURTSIDE_FIELD_KEYS; a field encryption key was generated in {} \
         (demo only: production must set COURTSIDE_FIELD_KEYS)",
        path.display()
    );
    read(&path)
}

/// Loads the keys and the consent period into the process, once per
/// start.
pub fn configure(config: &Config) -> AppResult<()> {
    crypto::install(load_keys(config)?);
    CONSENT_MONTHS.store(config.consent_months, Ordering::Relaxed);
    Ok(())
}

/// Whether keys are configured, or can be kept beside a SQLite file.
pub fn keys_available(config: &Config) -> bool {
    config
        .field_keys
        .as_ref()
        .is_some_and(|s| !s.expose().trim().is_empty())
        || key_file(config.database_url.expose()).is_some()
}

/// As [`configure`] when keys are configured or can be kept locally
/// (SQLite); otherwise sets only the consent period. Whether keys were
/// loaded.
pub fn configure_if_available(config: &Config) -> AppResult<bool> {
    if keys_available(config) {
        configure(config)?;
        Ok(true)
    } else {
        CONSENT_MONTHS.store(config.consent_months, Ordering::Relaxed);
        Ok(false)
    }
}

// --- Consent expiry ------------------------------------------------------

static CONSENT_MONTHS: AtomicU32 = AtomicU32::new(24);

/// The configured consent period, in months.
pub fn consent_months() -> u32 {
    CONSENT_MONTHS.load(Ordering::Relaxed)
}

/// When a consent given at `given_at` lapses unless renewed (pure).
pub fn consent_lapses_at(given_at: DateTime<Utc>, months: u32) -> DateTime<Utc> {
    given_at
        .checked_add_months(Months::new(months))
        .unwrap_or(DateTime::<Utc>::MAX_UTC)
}

/// When a consent counts as withdrawn, seen at `now` (pure): its own
/// withdrawal, or, with none, the moment it lapsed if that has passed.
pub fn consent_withdrawn_at_with(
    given_at: DateTime<Utc>,
    withdrawn_at: Option<DateTime<Utc>>,
    now: DateTime<Utc>,
    months: u32,
) -> Option<DateTime<Utc>> {
    let lapses = consent_lapses_at(given_at, months);
    match withdrawn_at {
        Some(w) => Some(w.min(lapses)),
        None if lapses <= now => Some(lapses),
        None => None,
    }
}

/// [`consent_withdrawn_at_with`] under the configured period.
pub fn consent_withdrawn_at(
    given_at: DateTime<Utc>,
    withdrawn_at: Option<DateTime<Utc>>,
    now: DateTime<Utc>,
) -> Option<DateTime<Utc>> {
    consent_withdrawn_at_with(given_at, withdrawn_at, now, consent_months())
}

/// Consents given at or before this moment have lapsed at `now`.
pub fn consent_cutoff(now: DateTime<Utc>) -> DateTime<Utc> {
    now.checked_sub_months(Months::new(consent_months()))
        .unwrap_or(DateTime::<Utc>::MIN_UTC)
}

// --- Key rotation --------------------------------------------------------

/// What a rotation did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct RotationReport {
    pub rows_seen: usize,
    pub rows_rewritten: usize,
    pub batches: usize,
}

#[derive(Queryable)]
struct SealedRow {
    victim_id: String,
    full_name: String,
    phone: Option<String>,
    email: Option<String>,
    address: Option<String>,
    needs: Option<String>,
    safe_hours: Option<String>,
    interpreter_language: Option<String>,
    guardian_name: Option<String>,
}

impl SealedRow {
    fn values(&self) -> [Option<&str>; 8] {
        [
            Some(self.full_name.as_str()),
            self.phone.as_deref(),
            self.email.as_deref(),
            self.address.as_deref(),
            self.needs.as_deref(),
            self.safe_hours.as_deref(),
            self.interpreter_language.as_deref(),
            self.guardian_name.as_deref(),
        ]
    }
}

/// Re-seals one stored value under the current key. A value written
/// before encryption (not sealed at all) is sealed as it stands.
fn reseal(ring: &KeyRing, stored: &str) -> AppResult<String> {
    let plain = if crypto::is_sealed(stored) {
        open(ring, stored)?
    } else {
        stored.to_string()
    };
    Ok(ring.encrypt(&plain))
}

fn reseal_opt(ring: &KeyRing, stored: Option<&str>) -> AppResult<Option<String>> {
    stored.map(|s| reseal(ring, s)).transpose()
}

/// Re-encrypts every sensitive value not already under the current key,
/// `batch` rows per transaction. Reads keep working throughout: a row is
/// either wholly old or wholly new, and the ring opens both.
/// With `plain_only`, only values never encrypted are sealed (start-up
/// upgrade of an older database).
pub fn rotate(
    conn: &mut AnyConn,
    ring: &KeyRing,
    batch: i64,
    plain_only: bool,
) -> AppResult<RotationReport> {
    let mut report = RotationReport::default();
    let mut after = String::new();
    loop {
        let (seen, rewritten, last) = store::write(conn, |conn| {
            let rows: Vec<SealedRow> = vsd::table
                .filter(vsd::victim_id.gt(&after))
                .order(vsd::victim_id.asc())
                .limit(batch)
                .select((
                    vsd::victim_id,
                    vsd::full_name,
                    vsd::phone,
                    vsd::email,
                    vsd::address,
                    vsd::needs,
                    vsd::safe_hours,
                    vsd::interpreter_language,
                    vsd::guardian_name,
                ))
                .load(conn)?;
            let mut rewritten = 0;
            for row in &rows {
                let stale = row.values().iter().flatten().any(|v| {
                    if plain_only {
                        !crypto::is_sealed(v)
                    } else {
                        !ring.is_current(v)
                    }
                });
                if !stale {
                    continue;
                }
                diesel::update(vsd::table.find(&row.victim_id))
                    .set((
                        vsd::full_name.eq(reseal(ring, &row.full_name)?),
                        vsd::phone.eq(reseal_opt(ring, row.phone.as_deref())?),
                        vsd::email.eq(reseal_opt(ring, row.email.as_deref())?),
                        vsd::address.eq(reseal_opt(ring, row.address.as_deref())?),
                        vsd::needs.eq(reseal_opt(ring, row.needs.as_deref())?),
                        vsd::safe_hours.eq(reseal_opt(ring, row.safe_hours.as_deref())?),
                        vsd::interpreter_language
                            .eq(reseal_opt(ring, row.interpreter_language.as_deref())?),
                        vsd::guardian_name.eq(reseal_opt(ring, row.guardian_name.as_deref())?),
                    ))
                    .execute(conn)?;
                rewritten += 1;
            }
            Ok((
                rows.len(),
                rewritten,
                rows.last().map(|r| r.victim_id.clone()),
            ))
        })?;
        report.rows_seen += seen;
        report.rows_rewritten += rewritten;
        report.batches += 1;
        match last {
            Some(id) if seen as i64 == batch => after = id,
            _ => break,
        }
    }
    rotate_sealed_columns(conn, ring, batch, plain_only, &mut report)?;
    if report.rows_rewritten == 0 {
        return Ok(report);
    }
    tracing::info!(
        rows_seen = report.rows_seen,
        rows_rewritten = report.rows_rewritten,
        batches = report.batches,
        key_id = ring.current_id(),
        "field keys rotated"
    );
    Ok(report)
}

/// The other sealed columns, re-sealed under the current key as [`rotate`]
/// does the victims' details: the safety plans' text, the trial-progress
/// updates' notes, and the contact a victim chose for those updates.
fn rotate_sealed_columns(
    conn: &mut AnyConn,
    ring: &KeyRing,
    batch: i64,
    plain_only: bool,
    report: &mut RotationReport,
) -> AppResult<()> {
    // One sealed column of a table, keyed by `$key`.
    macro_rules! column {
        ($table:ident, $key:ident, $value:ident) => {
            rotate_column(
                conn,
                ring,
                batch,
                plain_only,
                &mut *report,
                &|conn, after, n| {
                    Ok($table::table
                        .filter($table::$key.gt(after))
                        .filter($table::$value.is_not_null())
                        .order($table::$key.asc())
                        .limit(n)
                        .select(($table::$key, $table::$value.nullable()))
                        .load(conn)?)
                },
                &|conn, id, value| {
                    Ok(diesel::update($table::table.find(id))
                        .set($table::$value.eq(value))
                        .execute(conn)?)
                },
            )
        };
    }
    column!(safety_plans, id, details)?;
    column!(trial_updates, id, note)?;
    column!(risk_meeting_actions, id, action_text)?;
    column!(protective_orders, id, note)?;
    column!(trial_update_preferences, victim_id, contact_name)?;
    column!(trial_update_preferences, victim_id, contact_email)?;
    column!(responsible_adults, id, name)?;
    column!(responsible_adults, id, email)?;
    column!(responsible_adults, id, phone)?;
    column!(responsible_adults, id, exclusion_reason)
}

/// Reads a batch of (key, sealed value) after a key.
type Load<'a> = &'a dyn Fn(&mut AnyConn, &str, i64) -> AppResult<Vec<(String, Option<String>)>>;
/// Writes one re-sealed value by key; the rows changed.
type Save<'a> = &'a dyn Fn(&mut AnyConn, &str, String) -> AppResult<usize>;

/// One sealed column re-sealed under the current key, in batches by key:
/// a value sealed under an older key (or, with `plain_only`, not sealed at
/// all) is rewritten.
fn rotate_column(
    conn: &mut AnyConn,
    ring: &KeyRing,
    batch: i64,
    plain_only: bool,
    report: &mut RotationReport,
    load: Load,
    save: Save,
) -> AppResult<()> {
    let mut after = String::new();
    loop {
        let (seen, rewritten, last) = store::write(conn, |conn| {
            let rows = load(conn, &after, batch)?;
            let mut rewritten = 0;
            for (id, value) in &rows {
                let Some(value) = value else { continue };
                let stale = if plain_only {
                    !crypto::is_sealed(value)
                } else {
                    !ring.is_current(value)
                };
                if stale {
                    save(conn, id, reseal(ring, value)?)?;
                    rewritten += 1;
                }
            }
            Ok((rows.len(), rewritten, rows.last().map(|r| r.0.clone())))
        })?;
        report.rows_seen += seen;
        report.rows_rewritten += rewritten;
        report.batches += 1;
        match last {
            Some(id) if seen as i64 == batch => after = id,
            _ => return Ok(()),
        }
    }
}

// --- Retention -----------------------------------------------------------

/// What retention found (a dry run) or did (`apply`).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RetentionReport {
    pub victims: usize,
    pub sensitive_rows: usize,
    pub hearings: usize,
    pub attendance_requests: usize,
    pub parole_milestones: usize,
    pub consents: usize,
    /// Safety plans for court days, deleted whole (every part is her
    /// free text).
    pub safety_plans: usize,
    /// Actions agreed at her risk meetings, deleted whole (their text is
    /// hers).
    pub risk_actions: usize,
    /// Her parents, guardians and appropriate adults, deleted whole.
    pub responsible_adults: usize,
    /// Notes erased from her trial updates and protective orders (their
    /// kinds and dates stay).
    pub notes_erased: usize,
    pub notices_cancelled: usize,
    /// The victims concerned (ids only).
    pub victim_ids: Vec<String>,
}

/// What replaces erased free text.
pub const ERASED: &str = "[erased]";

/// Victims all of whose cases closed (last changed) before the cut-off,
/// with at least one case and none open.
fn due_for_erasure(conn: &mut AnyConn, cutoff: chrono::NaiveDateTime) -> AppResult<Vec<String>> {
    let rows: Vec<(String, String, chrono::NaiveDateTime)> = cases::table
        .select((cases::victim_id, cases::status, cases::updated_at))
        .order(cases::victim_id.asc())
        .load(conn)?;
    let mut due: Vec<String> = Vec::new();
    let mut blocked: Vec<String> = Vec::new();
    for (victim, status, updated) in rows {
        if status != "closed" || updated > cutoff {
            blocked.push(victim);
        } else if due.last() != Some(&victim) {
            due.push(victim);
        }
    }
    due.retain(|v| !blocked.contains(v));
    Ok(due)
}

/// Erases (with `apply`) or counts (without) what is held beyond the
/// retention period: the victim's sensitive details are deleted, free text
/// on their records becomes "[erased]", pending notices are cancelled, and
/// each erasure is audited. Ids and counts stay for reporting.
pub fn retention(
    conn: &mut AnyConn,
    now: DateTime<Utc>,
    days: i64,
    apply: bool,
) -> AppResult<RetentionReport> {
    let cutoff = store::to_db(now - chrono::Duration::days(days));
    store::write(conn, |conn| {
        let due = due_for_erasure(conn, cutoff)?;
        let mut report = RetentionReport::default();
        let ts = store::to_db(now);
        for victim in &due {
            let case_ids: Vec<String> = cases::table
                .filter(cases::victim_id.eq(victim))
                .select(cases::id)
                .load(conn)?;
            let hearing_ids: Vec<String> = hearings::table
                .filter(hearings::case_id.eq_any(&case_ids))
                .select(hearings::id)
                .load(conn)?;
            let details = vsd::table.find(victim);
            let hearings_q = hearings::table
                .filter(hearings::case_id.eq_any(&case_ids))
                .filter(hearings::outcome.is_not_null())
                .filter(hearings::outcome.ne(ERASED));
            let requests_q = attendance_requests::table
                .filter(attendance_requests::hearing_id.eq_any(&hearing_ids))
                .filter(
                    attendance_requests::decision_reason
                        .is_not_null()
                        .or(attendance_requests::conditions.is_not_null()),
                );
            let parole_q = parole_milestones::table
                .filter(parole_milestones::victim_id.eq(victim))
                .filter(parole_milestones::decision.is_not_null())
                .filter(parole_milestones::decision.ne(ERASED));
            let consents_q = consents::table
                .filter(consents::victim_id.eq(victim))
                .filter(consents::basis_reason.is_not_null())
                .filter(consents::basis_reason.ne(ERASED));
            let pending_q = notices::table
                .filter(notices::victim_id.eq(victim))
                .filter(notices::state.eq_any(["pending", "failed"]))
                .filter(crate::notify::delivery::not_being_sent());
            let plans_q = safety_plans::table.filter(safety_plans::victim_id.eq(victim));
            let actions_q =
                risk_meeting_actions::table.filter(risk_meeting_actions::victim_id.eq(victim));
            let adults_q =
                responsible_adults::table.filter(responsible_adults::victim_id.eq(victim));
            let update_notes_q = trial_updates::table
                .filter(trial_updates::victim_id.eq(victim))
                .filter(trial_updates::note.is_not_null());
            let order_notes_q = protective_orders::table
                .filter(protective_orders::victim_id.eq(victim))
                .filter(protective_orders::note.is_not_null());
            let found = [
                details.count().get_result::<i64>(conn)?,
                hearings_q.clone().count().get_result::<i64>(conn)?,
                requests_q.clone().count().get_result::<i64>(conn)?,
                parole_q.count().get_result::<i64>(conn)?,
                consents_q.count().get_result::<i64>(conn)?,
                pending_q.clone().count().get_result::<i64>(conn)?,
                plans_q.count().get_result::<i64>(conn)?,
                actions_q.count().get_result::<i64>(conn)?,
                adults_q.count().get_result::<i64>(conn)?,
                update_notes_q.count().get_result::<i64>(conn)?
                    + order_notes_q.count().get_result::<i64>(conn)?,
            ]
            .map(|n| n as usize);
            if found.iter().all(|n| *n == 0) {
                // Erased already.
                continue;
            }
            report.victims += 1;
            report.victim_ids.push(victim.clone());
            if !apply {
                report.sensitive_rows += found[0];
                report.hearings += found[1];
                report.attendance_requests += found[2];
                report.parole_milestones += found[3];
                report.consents += found[4];
                report.notices_cancelled += found[5];
                report.safety_plans += found[6];
                report.risk_actions += found[7];
                report.responsible_adults += found[8];
                report.notes_erased += found[9];
                continue;
            }
            report.sensitive_rows += diesel::delete(details).execute(conn)?;
            report.safety_plans += diesel::delete(plans_q).execute(conn)?;
            // Her trial-progress contact (name and email) goes whole; the
            // updates' notes are erased (the kinds and times stay, ids only).
            diesel::delete(trial_update_preferences::table.find(victim)).execute(conn)?;
            // Her responsible adults' details (name, contacts, the reason
            // for an exclusion) go whole.
            report.responsible_adults += diesel::delete(adults_q).execute(conn)?;
            report.notes_erased += diesel::update(update_notes_q)
                .set(trial_updates::note.eq(None::<String>))
                .execute(conn)?;
            // The actions agreed at her risk meetings go whole (their text
            // is hers); the meetings' kinds and times stay.
            report.risk_actions += diesel::delete(actions_q).execute(conn)?;
            // A protective order's note is erased too (its kind and dates
            // stay, ids only).
            report.notes_erased += diesel::update(order_notes_q)
                .set(protective_orders::note.eq(None::<String>))
                .execute(conn)?;
            report.hearings += diesel::update(hearings_q)
                .set((hearings::outcome.eq(ERASED), hearings::updated_at.eq(ts)))
                .execute(conn)?;
            report.attendance_requests += diesel::update(requests_q)
                .set((
                    attendance_requests::decision_reason.eq(None::<String>),
                    attendance_requests::conditions.eq(None::<String>),
                    attendance_requests::updated_at.eq(ts),
                ))
                .execute(conn)?;
            report.parole_milestones += diesel::update(parole_q)
                .set((
                    parole_milestones::decision.eq(ERASED),
                    parole_milestones::updated_at.eq(ts),
                ))
                .execute(conn)?;
            report.consents += diesel::update(consents_q)
                .set((
                    consents::basis_reason.eq(ERASED),
                    consents::updated_at.eq(ts),
                ))
                .execute(conn)?;
            report.notices_cancelled += diesel::update(pending_q)
                .set((
                    notices::state.eq("cancelled"),
                    notices::cancelled_reason.eq("retention period ended: erased"),
                    notices::lease_owner.eq(None::<String>),
                    notices::leased_until.eq(None::<chrono::NaiveDateTime>),
                    notices::updated_at.eq(ts),
                ))
                .execute(conn)?;
            // The notices' rendering data may carry the victim's name.
            diesel::update(notices::table.filter(notices::victim_id.eq(victim)))
                .set(notices::data_json.eq("{\"erased\":true}"))
                .execute(conn)?;
            audit::append(
                conn,
                now,
                audit::Entry {
                    victim_id: Some(victim.clone()),
                    category: Some("retention_erasure".into()),
                    ..audit::Entry::new(AuditAction::Update, None, "victims", victim)
                },
            )?;
        }
        Ok(report)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn at(y: i32, m: u32, d: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(y, m, d, 9, 0, 0).unwrap()
    }

    #[test]
    fn consent_lapses_after_the_period_unless_withdrawn_sooner() {
        let given = at(2024, 1, 31);
        let cases = [
            // (withdrawn, now, months, expected)
            (None, at(2025, 12, 1), 24, None),
            (None, at(2026, 1, 31), 24, Some(at(2026, 1, 31))),
            (None, at(2027, 6, 1), 24, Some(at(2026, 1, 31))),
            (None, at(2024, 3, 1), 1, Some(at(2024, 2, 29))),
            (
                Some(at(2024, 6, 1)),
                at(2030, 1, 1),
                24,
                Some(at(2024, 6, 1)),
            ),
            (
                Some(at(2029, 1, 1)),
                at(2030, 1, 1),
                24,
                Some(at(2026, 1, 31)),
            ),
        ];
        for (withdrawn, now, months, want) in cases {
            assert_eq!(
                consent_withdrawn_at_with(given, withdrawn, now, months),
                want,
                "{withdrawn:?} {now} {months}"
            );
        }
    }

    #[test]
    fn local_key_file_sits_beside_the_sqlite_file() {
        assert_eq!(
            key_file("data/courtside.db"),
            Some(PathBuf::from("data/field-keys"))
        );
        assert_eq!(key_file("x.db"), Some(PathBuf::from("./field-keys")));
        assert_eq!(key_file("postgres://u@h/db"), None);
    }

    #[test]
    fn a_generated_key_file_is_private_and_reused() {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("c.db");
        let mut config = Config::for_database(db.to_str().unwrap());
        config.field_keys = None;
        let first = load_keys(&config).unwrap();
        let second = load_keys(&config).unwrap();
        assert_eq!(first.current_id(), second.current_id());
        let sealed = first.encrypt("x");
        assert_eq!(second.decrypt(&sealed).unwrap(), "x");
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(dir.path().join("field-keys"))
                .unwrap()
                .permissions()
                .mode();
            assert_eq!(mode & 0o777, 0o600);
        }
        let mut pg = Config::for_database("postgres://u@h/db");
        pg.field_keys = None;
        assert!(load_keys(&pg).is_err());
    }
}

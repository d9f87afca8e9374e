//! Carrying out what a list implies, in one transaction:
//! - moves are written here (`update_hearing`, with the checks a hand edit
//!   makes already holding) and re-planned together through
//!   `planning::react_all`, the planning a move by hand gets (everyone told
//!   of the old date is told of the new one);
//! - confirmations (and warned windows) are recorded in
//!   `hearing_confirmations`, saying when and by which list;
//! - a hearing missing from a daily list, a warned case and a new sitting
//!   become tasks for the witness care officer and the supporter, each with
//!   an idempotency key, so importing a list twice asks nothing twice;
//! - every import is recorded in `court_list_imports` with its summary,
//!   which also orders versions: an older version of a list arriving after
//!   a newer one is refused, and the same list again changes nothing.
//!
//! Which hearings a list may touch: a witness care officer's import
//! reaches their unit's cases; an administrator's, or the command line's,
//! every case. Only hearings still to happen are matched
//! (`store::upcoming::still_to_happen`). How partners send lists, and what
//! an import answers, is in docs/partners.md, "Court lists"; the inbox
//! folder in docs/operating.md.

use std::collections::{BTreeSet, HashMap, HashSet};

use chrono::{DateTime, Days, NaiveDate, Utc};
use diesel::prelude::*;
use serde::{Deserialize, Serialize};

use super::reconcile::{reconcile, Change, TrackedCase, TrackedHearing};
use super::{court_name_key, DirectoryCourt, ListKind, ParsedList};
use crate::audit::{self, AuditAction, Entry};
use crate::calendar::{format_long, london_date, start_of_london_day};
use crate::domain::{HearingKind, HearingStatus, Role};
use crate::error::{AppError, AppResult};
use crate::flows::EventKind;
use crate::planning;
use crate::policy::Actor;
use crate::resources::check_updated;
use crate::rules::Rules;
use crate::store::schema::{
    cases, court_list_imports, courts, hearing_confirmations, hearings, supporter_assignments,
    tasks,
};
use crate::store::upcoming::still_to_happen;
use crate::store::{self, scope, AnyConn};
use crate::validate::MAX_SHORT;

/// The user id moves are made under when an import reaches beyond one
/// person's relationships (an administrator's or the command line's).
pub const IMPORT_ACTOR: &str = "court-list-import";

/// Who is importing, which decides the hearings a list may touch.
#[derive(Debug, Clone)]
pub enum Importer {
    /// A witness care officer: their unit's cases only.
    Officer(Actor),
    /// An administrator, or the command line (no user): every case.
    Everyone { user_id: Option<String> },
}

impl Importer {
    pub fn for_actor(actor: Actor) -> Importer {
        match actor.role {
            Role::WitnessCareOfficer => Importer::Officer(actor),
            _ => Importer::Everyone {
                user_id: Some(actor.user_id),
            },
        }
    }

    fn user_id(&self) -> Option<&str> {
        match self {
            Importer::Officer(actor) => Some(&actor.user_id),
            Importer::Everyone { user_id } => user_id.as_deref(),
        }
    }

    /// The reach of this import, part of the list's identity: two units
    /// importing the same list each reconcile their own cases.
    fn reach(&self) -> &str {
        match self {
            Importer::Officer(actor) => &actor.organisation_id,
            Importer::Everyone { .. } => "all",
        }
    }
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct ImportCounts {
    /// Sittings read from the list (one per case per sitting).
    pub sittings: usize,
    pub confirmed: usize,
    pub moved: usize,
    pub absent: usize,
    pub new: usize,
    pub warned: usize,
    /// Sittings for untracked cases, at unknown courts or in the past.
    pub ignored: usize,
    pub unmatched_courts: usize,
}

/// What an import did. Ids only: no names, no free text from the list.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct ImportSummary {
    /// The import's record (absent for a dry run).
    pub import_id: Option<String>,
    pub list_type: String,
    /// daily, firm or warned.
    pub list_kind: String,
    pub published_at: DateTime<Utc>,
    pub version: Option<String>,
    /// True when this very list had been imported already: nothing changed.
    pub duplicate: bool,
    pub counts: ImportCounts,
    /// Hearings confirmed.
    pub confirmed: Vec<String>,
    /// Hearings moved (time, day, room or court).
    pub moved: Vec<String>,
    /// Hearings missing from a daily list: tasks ask someone to check.
    pub absent: Vec<String>,
    /// Cases with a sitting that matches none of their hearings: tasks
    /// suggest adding it.
    pub new: Vec<String>,
    /// Cases on a warned list.
    pub warned: Vec<String>,
    /// Courts the list names that the directory lacks.
    pub unmatched_courts: Vec<String>,
    /// Moves that could not be made because nobody is responsible for the
    /// case (no witness care unit and no current supporter).
    pub unapplied: Vec<String>,
    pub tasks_created: usize,
}

#[derive(Queryable, Clone)]
struct CaseRow {
    id: String,
    victim_id: String,
    urn: Option<String>,
    case_number: Option<String>,
    witness_care_unit_id: Option<String>,
}

#[derive(Queryable, Clone)]
struct HearingRow {
    id: String,
    case_id: String,
    kind: String,
    status: String,
    court_id: String,
    courtroom: Option<String>,
    starts_at: chrono::NaiveDateTime,
    version: i32,
}

type HearingColumns = (
    hearings::id,
    hearings::case_id,
    hearings::kind,
    hearings::status,
    hearings::court_id,
    hearings::courtroom,
    hearings::starts_at,
    hearings::version,
);

const HEARING_COLUMNS: HearingColumns = (
    hearings::id,
    hearings::case_id,
    hearings::kind,
    hearings::status,
    hearings::court_id,
    hearings::courtroom,
    hearings::starts_at,
    hearings::version,
);

const CASE_COLUMNS: (
    cases::id,
    cases::victim_id,
    cases::urn,
    cases::case_number,
    cases::witness_care_unit_id,
) = (
    cases::id,
    cases::victim_id,
    cases::urn,
    cases::case_number,
    cases::witness_care_unit_id,
);

/// The courts directory, for matching.
pub fn directory(conn: &mut AnyConn) -> AppResult<Vec<DirectoryCourt>> {
    let rows: Vec<(String, String, Option<String>)> = courts::table
        .select((courts::id, courts::name, courts::crown_court_code))
        .order(courts::name.asc())
        .load(conn)?;
    Ok(rows
        .into_iter()
        .map(|(id, name, crown_court_code)| DirectoryCourt {
            id,
            name,
            crown_court_code,
        })
        .collect())
}

/// The court the importer says a list is for (HMCTS sends the location
/// beside the document): a directory id, or a court's name.
pub fn choose_court(wanted: &str, directory: &[DirectoryCourt]) -> AppResult<String> {
    let key = court_name_key(wanted);
    directory
        .iter()
        .find(|d| d.id == wanted || (!key.is_empty() && court_name_key(&d.name) == key))
        .map(|d| d.id.clone())
        .ok_or_else(|| {
            AppError::field(
                "court",
                "is not a court in the directory (give its id or name)",
            )
        })
}

/// A list's identity, for ordering versions: its type, the courts it
/// names, the period it covers, and the reach of the import.
fn list_key(list: &ParsedList, chosen: Option<&str>, importer: &Importer) -> String {
    let mut courts: BTreeSet<String> = list
        .sittings
        .iter()
        .map(|s| &s.court)
        .chain(list.coverage.iter().map(|(c, _)| c))
        .map(|c| {
            c.code
                .clone()
                .unwrap_or_else(|| court_name_key(&c.describe()))
        })
        .collect();
    if let Some(id) = chosen {
        courts.insert(format!("id:{id}"));
    }
    let (from, to) = list.period.map_or_else(
        || ("-".to_string(), "-".to_string()),
        |(a, b)| (a.to_string(), b.to_string()),
    );
    format!(
        "{}|{}|{from}..{to}|{}",
        list.list_type,
        courts.into_iter().collect::<Vec<_>>().join(","),
        importer.reach()
    )
}

/// Victims within reach, or `None` for every victim.
fn reachable_victims(
    conn: &mut AnyConn,
    importer: &Importer,
    now: DateTime<Utc>,
) -> AppResult<Option<HashSet<String>>> {
    match importer {
        Importer::Officer(actor) => Ok(Some(
            scope::visible_victim_ids(conn, actor, london_date(now))?
                .into_iter()
                .collect(),
        )),
        Importer::Everyone { .. } => Ok(None),
    }
}

fn in_reach(reach: &Option<HashSet<String>>, victim_id: &str) -> bool {
    reach.as_ref().is_none_or(|r| r.contains(victim_id))
}

/// What the reconciliation needs, loaded in chunks.
struct Loaded {
    cases: HashMap<String, CaseRow>,
    hearings: HashMap<String, HearingRow>,
}

fn load(
    conn: &mut AnyConn,
    list: &ParsedList,
    reach: &Option<HashSet<String>>,
) -> AppResult<Loaded> {
    let keys: Vec<String> = list
        .sittings
        .iter()
        .flat_map(|s| s.case_keys.iter().cloned())
        .collect::<BTreeSet<_>>()
        .into_iter()
        .collect();
    let mut found: HashMap<String, CaseRow> = HashMap::new();
    for chunk in keys.chunks(store::IN_CHUNK) {
        let rows: Vec<CaseRow> = cases::table
            .filter(cases::status.eq("open"))
            .filter(
                cases::urn
                    .eq_any(chunk)
                    .or(cases::case_number.eq_any(chunk)),
            )
            .select(CASE_COLUMNS)
            .load(conn)?;
        for row in rows {
            if in_reach(reach, &row.victim_id) {
                found.insert(row.id.clone(), row);
            }
        }
    }
    let mut hearing_rows: HashMap<String, HearingRow> = HashMap::new();
    let case_ids: Vec<String> = found.keys().cloned().collect();
    for chunk in case_ids.chunks(store::IN_CHUNK) {
        let rows: Vec<HearingRow> = hearings::table
            .filter(hearings::case_id.eq_any(chunk))
            .filter(still_to_happen())
            .select(HEARING_COLUMNS)
            .load(conn)?;
        for row in rows {
            hearing_rows.insert(row.id.clone(), row);
        }
    }
    // A daily list also speaks for the hearings it does not name.
    if list.kind == ListKind::Daily {
        let mut others: Vec<HearingRow> = Vec::new();
        for (court_id, day) in &list.coverage_ids {
            let from = start_of_london_day(*day);
            let to = start_of_london_day(day.checked_add_days(Days::new(1)).unwrap_or(*day));
            others.extend(
                hearings::table
                    .filter(hearings::court_id.eq(court_id))
                    .filter(hearings::starts_at.ge(store::to_db(from)))
                    .filter(hearings::starts_at.lt(store::to_db(to)))
                    .filter(still_to_happen())
                    .select(HEARING_COLUMNS)
                    .load::<HearingRow>(conn)?,
            );
        }
        let missing: Vec<String> = others
            .iter()
            .map(|h| h.case_id.clone())
            .filter(|id| !found.contains_key(id))
            .collect::<BTreeSet<_>>()
            .into_iter()
            .collect();
        for chunk in missing.chunks(store::IN_CHUNK) {
            let rows: Vec<CaseRow> = cases::table
                .filter(cases::id.eq_any(chunk))
                .select(CASE_COLUMNS)
                .load(conn)?;
            for row in rows {
                if in_reach(reach, &row.victim_id) {
                    found.insert(row.id.clone(), row);
                }
            }
        }
        for row in others {
            if found.contains_key(&row.case_id) {
                hearing_rows.insert(row.id.clone(), row);
            }
        }
    }
    Ok(Loaded {
        cases: found,
        hearings: hearing_rows,
    })
}

fn tracked(loaded: &Loaded) -> AppResult<(Vec<TrackedCase>, Vec<TrackedHearing>)> {
    let mut cases: Vec<TrackedCase> = loaded
        .cases
        .values()
        .map(|c| TrackedCase {
            case_id: c.id.clone(),
            keys: [c.urn.as_deref(), c.case_number.as_deref()]
                .into_iter()
                .flatten()
                .map(crate::resources::normalise_case_key)
                .collect(),
        })
        .collect();
    cases.sort_by(|a, b| a.case_id.cmp(&b.case_id));
    let mut hearings = loaded
        .hearings
        .values()
        .map(|h| {
            Ok(TrackedHearing {
                hearing_id: h.id.clone(),
                case_id: h.case_id.clone(),
                kind: HearingKind::from_db(&h.kind)?,
                court_id: h.court_id.clone(),
                courtroom: h.courtroom.clone(),
                starts_at: store::from_db(h.starts_at),
            })
        })
        .collect::<AppResult<Vec<_>>>()?;
    hearings.sort_by(|a, b| a.hearing_id.cmp(&b.hearing_id));
    Ok((cases, hearings))
}

/// Firm or daily lists that confirm hearings which were on a warned list:
/// each becomes a "fixed" change for the flows, which decide whether that
/// is short notice for the victim and supporter. Read before this import's
/// confirmations are recorded, while the warned windows stand.
fn fixed_from_warned_lists(
    conn: &mut AnyConn,
    loaded: &Loaded,
    confirmed: &[String],
) -> AppResult<Vec<planning::Trigger>> {
    let windows = crate::planning::context::warned_windows(conn, confirmed)?;
    let mut out = Vec::new();
    for hearing_id in confirmed {
        let (Some(to), Some(row)) = (windows.get(hearing_id), loaded.hearings.get(hearing_id))
        else {
            continue;
        };
        if london_date(store::from_db(row.starts_at)) > *to {
            continue;
        }
        let Some(case) = loaded.cases.get(&row.case_id) else {
            continue;
        };
        out.push(moved_trigger(case, hearing_id, EventKind::HearingFixed));
    }
    Ok(out)
}

/// Whether someone answers for a case the import changes: the officer
/// importing, or (for an import that reaches every case) the case's witness
/// care unit or a current supporter. A hand edit needs such a person; an
/// import makes no change nobody answers for.
fn responsible(importer: &Importer, case: &CaseRow, supporters: &Supporters) -> bool {
    match importer {
        Importer::Officer(_) => true,
        Importer::Everyone { .. } => {
            case.witness_care_unit_id.is_some() || supporters.of(&case.victim_id).next().is_some()
        }
    }
}

/// The current supporters of the victims an import reaches, read once.
struct Supporters(HashMap<String, Vec<String>>);

impl Supporters {
    fn load(
        conn: &mut AnyConn,
        victims: impl IntoIterator<Item = String>,
        today: NaiveDate,
    ) -> AppResult<Supporters> {
        let ids: Vec<String> = victims
            .into_iter()
            .collect::<BTreeSet<_>>()
            .into_iter()
            .collect();
        let mut by_victim: HashMap<String, Vec<String>> = HashMap::new();
        for chunk in ids.chunks(store::IN_CHUNK) {
            let rows: Vec<(String, String)> = supporter_assignments::table
                .filter(supporter_assignments::victim_id.eq_any(chunk))
                .filter(crate::store::scope::in_force(today))
                .select((
                    supporter_assignments::victim_id,
                    supporter_assignments::supporter_id,
                ))
                .load(conn)?;
            for (victim, supporter) in rows {
                by_victim.entry(victim).or_default().push(supporter);
            }
        }
        for ids in by_victim.values_mut() {
            ids.sort();
            ids.dedup();
        }
        Ok(Supporters(by_victim))
    }

    fn of(&self, victim_id: &str) -> impl Iterator<Item = &String> {
        self.0.get(victim_id).into_iter().flatten()
    }
}

/// Writes a hearing's new time, court, room or status as the list gives
/// it (the checks a hand edit makes hold already: the case is within
/// reach, the court is in the directory, a move to a past time is never
/// made), and says what it means for the flows: a move of time or court
/// re-plans, a new room alone does not.
fn update_hearing(
    conn: &mut AnyConn,
    row: &HearingRow,
    to: Moved<'_>,
    directory: &[DirectoryCourt],
    now: DateTime<Utc>,
) -> AppResult<Option<EventKind>> {
    let courtroom: Option<String> = to.courtroom.map(|r| r.chars().take(MAX_SHORT).collect());
    let updated = diesel::update(
        hearings::table
            .filter(hearings::id.eq(&row.id))
            .filter(hearings::version.eq(row.version)),
    )
    .set((
        hearings::status.eq(to.status.as_str()),
        hearings::court_id.eq(to.court_id),
        hearings::courtroom.eq(courtroom),
        hearings::starts_at.eq(store::to_db(to.starts_at)),
        hearings::version.eq(row.version + 1),
        hearings::updated_at.eq(store::to_db(now)),
    ))
    .execute(conn)?;
    check_updated(updated, row.version)?;
    let previous_start = store::from_db(row.starts_at);
    Ok(
        (previous_start != to.starts_at || row.court_id != to.court_id).then(|| {
            EventKind::HearingMoved {
                previous_start,
                previous_court: (row.court_id != to.court_id).then(|| {
                    directory
                        .iter()
                        .find(|d| d.id == row.court_id)
                        .map_or_else(|| row.court_id.clone(), |d| d.name.clone())
                }),
            }
        }),
    )
}

/// Where and when a hearing is now.
struct Moved<'a> {
    starts_at: DateTime<Utc>,
    court_id: &'a str,
    courtroom: Option<String>,
    status: HearingStatus,
}

/// The audit trail of a change an import made to a hearing.
fn hearing_entry(importer: &Importer, case: &CaseRow, hearing_id: &str) -> Entry {
    Entry {
        victim_id: Some(case.victim_id.clone()),
        ..Entry::new(
            AuditAction::Update,
            importer.user_id(),
            "hearings",
            hearing_id,
        )
    }
}

/// Someone a task goes to: a witness care unit, or one supporter.
struct Recipient {
    role: &'static str,
    assignee: Option<String>,
    organisation_id: Option<String>,
}

impl Recipient {
    /// For idempotency keys.
    fn who(&self) -> String {
        self.assignee
            .as_deref()
            .or(self.organisation_id.as_deref())
            .unwrap_or("-")
            .to_string()
    }
}

struct TaskSpec<'a> {
    key: String,
    case: &'a CaseRow,
    hearing_id: Option<&'a str>,
    to: Recipient,
    kind: &'static str,
    due_at: Option<DateTime<Utc>>,
    detail: String,
}

/// Adds a task unless its key is there already. Returns whether it added.
fn add_task(conn: &mut AnyConn, t: TaskSpec<'_>, now: DateTime<Utc>) -> AppResult<bool> {
    let exists: i64 = tasks::table
        .filter(tasks::idempotency_key.eq(&t.key))
        .count()
        .get_result(conn)?;
    if exists > 0 {
        return Ok(false);
    }
    let ts = store::to_db(now);
    diesel::insert_into(tasks::table)
        .values((
            tasks::id.eq(store::new_id()),
            tasks::idempotency_key.eq(&t.key),
            tasks::victim_id.eq(&t.case.victim_id),
            tasks::case_id.eq(&t.case.id),
            tasks::hearing_id.eq(t.hearing_id),
            tasks::step.eq(format!("court_list.{}", t.kind)),
            tasks::citation.eq("Published court list (HMCTS Court and tribunal hearings)"),
            tasks::reconstructed.eq(false),
            tasks::role.eq(t.to.role),
            tasks::assignee_user_id.eq(&t.to.assignee),
            tasks::organisation_id.eq(&t.to.organisation_id),
            tasks::kind.eq(t.kind),
            tasks::due_at.eq(t.due_at.map(store::to_db)),
            tasks::detail.eq(&t.detail),
            tasks::state.eq("open"),
            tasks::created_at.eq(ts),
            tasks::updated_at.eq(ts),
        ))
        .execute(conn)?;
    Ok(true)
}

/// Who is told: the case's witness care unit and/or its current
/// supporters.
fn recipients(
    supporters: &Supporters,
    case: &CaseRow,
    officer: bool,
    supporter: bool,
) -> Vec<Recipient> {
    let mut out = Vec::new();
    if officer {
        if let Some(unit) = &case.witness_care_unit_id {
            out.push(Recipient {
                role: "witness_care_officer",
                assignee: None,
                organisation_id: Some(unit.clone()),
            });
        }
    }
    if supporter {
        for s in supporters.of(&case.victim_id) {
            out.push(Recipient {
                role: "supporter",
                assignee: Some(s.clone()),
                organisation_id: None,
            });
        }
    }
    out
}

/// A hearing a list confirmed, moved or warned, recorded against the import.
struct Confirmation {
    hearing_id: String,
    outcome: &'static str,
}

/// Notes a hearing's confirmation, once an import (the first outcome
/// stands).
fn confirm(
    recorded: &mut HashSet<String>,
    confirmations: &mut Vec<Confirmation>,
    hearing_id: &str,
    outcome: &'static str,
) {
    if recorded.insert(hearing_id.to_string()) {
        confirmations.push(Confirmation {
            hearing_id: hearing_id.to_string(),
            outcome,
        });
    }
}

/// Records the confirmations in bulk.
fn record_all(
    conn: &mut AnyConn,
    import_id: &str,
    list: &ParsedList,
    rows: &[Confirmation],
    now: DateTime<Utc>,
) -> AppResult<()> {
    let (from, to) = match list.kind {
        ListKind::Warned { from, to } => (Some(from), Some(to)),
        _ => (None, None),
    };
    let values: Vec<_> = rows
        .iter()
        .map(|c| {
            (
                hearing_confirmations::id.eq(store::new_id()),
                hearing_confirmations::hearing_id.eq(c.hearing_id.clone()),
                hearing_confirmations::import_id.eq(import_id.to_string()),
                hearing_confirmations::list_type.eq(list.list_type.as_str()),
                hearing_confirmations::list_kind.eq(list.kind.as_str()),
                hearing_confirmations::outcome.eq(c.outcome),
                hearing_confirmations::published_at.eq(store::to_db(list.published_at)),
                hearing_confirmations::warned_from.eq(from),
                hearing_confirmations::warned_to.eq(to),
                hearing_confirmations::recorded_at.eq(store::to_db(now)),
            )
        })
        .collect();
    for chunk in values.chunks(store::ROWS_CHUNK) {
        let insert = diesel::insert_into(hearing_confirmations::table).values(chunk);
        store::dialect::execute!(&mut *conn, insert)?;
    }
    Ok(())
}

fn kind_words(kind: &str) -> String {
    kind.replace('_', " ")
}

fn court_name(directory: &[DirectoryCourt], id: &str) -> String {
    directory
        .iter()
        .find(|d| d.id == id)
        .map_or_else(|| "its court".to_string(), |d| d.name.clone())
}

fn day_words(day: NaiveDate) -> String {
    day.format("%A %-d %B %Y").to_string()
}

/// What a move of a hearing asks the planner.
fn moved_trigger(case: &CaseRow, hearing_id: &str, kind: EventKind) -> planning::Trigger {
    planning::Trigger {
        victim_id: case.victim_id.clone(),
        focus: planning::Focus {
            hearing_id: Some(hearing_id.to_string()),
            ..planning::Focus::default()
        },
        kind,
    }
}

/// Imports a parsed list: matches courts, checks the version, reconciles
/// against the tracked hearings within reach and applies the changes, all
/// in one transaction. `court` is the location the importer gives (for
/// lists that do not name their court); `digest` identifies the document.
pub fn import(
    conn: &mut AnyConn,
    importer: &Importer,
    rules: &Rules,
    now: DateTime<Utc>,
    mut list: ParsedList,
    court: Option<&str>,
    digest: &str,
) -> AppResult<ImportSummary> {
    store::write(conn, |conn| {
        let directory = directory(conn)?;
        let chosen = court.map(|c| choose_court(c, &directory)).transpose()?;
        let unmatched = list.match_courts(&directory, chosen.as_deref());
        let key = list_key(&list, chosen.as_deref(), importer);

        let latest: Option<(chrono::NaiveDateTime, String, String)> = court_list_imports::table
            .filter(court_list_imports::list_key.eq(&key))
            .order(court_list_imports::published_at.desc())
            .select((
                court_list_imports::published_at,
                court_list_imports::digest,
                court_list_imports::summary_json,
            ))
            .first(conn)
            .optional()?;
        if let Some((published, seen_digest, summary)) = latest {
            let published = store::from_db(published);
            if published > list.published_at {
                return Err(AppError::Conflict(format!(
                    "a newer version of this {} (published {}) has been imported already; \
                     this one, published {}, is older and was not applied",
                    list.list_type.label(),
                    published.to_rfc3339(),
                    list.published_at.to_rfc3339()
                )));
            }
            if published == list.published_at {
                if seen_digest != digest {
                    return Err(AppError::Conflict(format!(
                        "a different {} with the same publication time ({}) has been imported \
                         already; a corrected list must carry a later publication time",
                        list.list_type.label(),
                        published.to_rfc3339()
                    )));
                }
                let mut before: ImportSummary = serde_json::from_str(&summary)
                    .map_err(|e| AppError::Internal(format!("stored import summary: {e}")))?;
                before.duplicate = true;
                return Ok(before);
            }
        }

        let reach = reachable_victims(conn, importer, now)?;
        let loaded = load(conn, &list, &reach)?;
        let (tracked_cases, tracked_hearings) = tracked(&loaded)?;
        let changes = reconcile(&list, &tracked_cases, &tracked_hearings, now);

        let import_id = store::new_id();
        diesel::insert_into(court_list_imports::table)
            .values((
                court_list_imports::id.eq(&import_id),
                court_list_imports::list_type.eq(list.list_type.as_str()),
                court_list_imports::list_key.eq(&key),
                court_list_imports::published_at.eq(store::to_db(list.published_at)),
                court_list_imports::list_version.eq(&list.version),
                court_list_imports::digest.eq(digest),
                court_list_imports::imported_by.eq(importer.user_id()),
                court_list_imports::imported_at.eq(store::to_db(now)),
                court_list_imports::summary_json.eq("{}"),
            ))
            .execute(conn)?;
        let mut entries = vec![Entry::new(
            AuditAction::Create,
            importer.user_id(),
            "court_list_imports",
            &import_id,
        )];
        let supporters = Supporters::load(
            conn,
            loaded.cases.values().map(|c| c.victim_id.clone()),
            london_date(now),
        )?;
        let mut triggers: Vec<planning::Trigger> = Vec::new();
        // Hearings a firm or daily list confirmed (maybe fixed off a warned list).
        let mut fixed: Vec<String> = Vec::new();
        let mut confirmations: Vec<Confirmation> = Vec::new();

        let mut summary = ImportSummary {
            import_id: Some(import_id.clone()),
            list_type: list.list_type.as_str().to_string(),
            list_kind: list.kind.as_str().to_string(),
            published_at: list.published_at,
            version: list.version.clone(),
            duplicate: false,
            unmatched_courts: unmatched,
            ..ImportSummary::default()
        };
        summary.counts.sittings = list.sittings.len();
        let label = list.list_type.label();
        let published = format_long(list.published_at);
        let mut recorded: HashSet<String> = HashSet::new();

        for change in &changes {
            match change {
                Change::Confirmed {
                    hearing_id,
                    fill_room,
                    ..
                } => {
                    let row = &loaded.hearings[hearing_id];
                    if let Some(room) = fill_room {
                        let case = &loaded.cases[&row.case_id];
                        if responsible(importer, case, &supporters) {
                            let to = Moved {
                                starts_at: store::from_db(row.starts_at),
                                court_id: &row.court_id,
                                courtroom: Some(room.clone()),
                                status: HearingStatus::from_db(&row.status)?,
                            };
                            if let Some(kind) = update_hearing(conn, row, to, &directory, now)? {
                                triggers.push(moved_trigger(case, hearing_id, kind));
                            }
                            entries.push(hearing_entry(importer, case, hearing_id));
                        }
                    }
                    if !matches!(list.kind, ListKind::Warned { .. }) {
                        fixed.push(hearing_id.clone());
                    }
                    confirm(&mut recorded, &mut confirmations, hearing_id, "confirmed");
                    summary.confirmed.push(hearing_id.clone());
                }
                Change::Moved {
                    hearing_id,
                    to,
                    court_id,
                    courtroom,
                    ..
                } => {
                    let row = &loaded.hearings[hearing_id];
                    let case = &loaded.cases[&row.case_id];
                    if !responsible(importer, case, &supporters) {
                        tracing::warn!(hearing_id = %hearing_id, "court list move not applied: nobody responsible for the case");
                        summary.unapplied.push(hearing_id.clone());
                        continue;
                    }
                    let moved = Moved {
                        starts_at: *to,
                        court_id,
                        courtroom: courtroom.clone(),
                        status: HearingStatus::Moved,
                    };
                    if let Some(kind) = update_hearing(conn, row, moved, &directory, now)? {
                        triggers.push(moved_trigger(case, hearing_id, kind));
                    }
                    entries.push(hearing_entry(importer, case, hearing_id));
                    confirm(&mut recorded, &mut confirmations, hearing_id, "moved");
                    summary.moved.push(hearing_id.clone());
                }
                Change::Absent {
                    hearing_id,
                    court_id,
                    date,
                } => {
                    let row = &loaded.hearings[hearing_id];
                    let case = &loaded.cases[&row.case_id];
                    let starts = store::from_db(row.starts_at);
                    let detail = format!(
                        "Not on the daily list: the {} hearing at {} on {} is not on the {label} \
                         published {published}. Check the listing with the court. Courtside has not \
                         changed or vacated the hearing.",
                        kind_words(&row.kind),
                        court_name(&directory, court_id),
                        format_long(starts),
                    );
                    for to in recipients(&supporters, case, true, true) {
                        let (role, who) = (to.role, to.who());
                        let created = add_task(
                            conn,
                            TaskSpec {
                                key: format!("court-list:absent:{hearing_id}:{date}:{role}:{who}"),
                                case,
                                hearing_id: Some(hearing_id.as_str()),
                                to,
                                kind: "check_listing",
                                due_at: Some(starts),
                                detail: detail.clone(),
                            },
                            now,
                        )?;
                        summary.tasks_created += usize::from(created);
                    }
                    summary.absent.push(hearing_id.clone());
                }
                Change::New { case_id, sitting } => {
                    let case = &loaded.cases[case_id];
                    let s = &list.sittings[*sitting];
                    let court_id = s.court_id.clone().unwrap_or_default();
                    let when = s.starts_at.map_or_else(|| day_words(s.date), format_long);
                    let slot = s
                        .starts_at
                        .map_or_else(|| s.date.to_string(), |t| t.to_rfc3339());
                    let detail = format!(
                        "A sitting for this case on the {label} published {published} matches none of \
                         its hearings in Courtside: {} on {when}{}{}. If it is a hearing to track, \
                         add it.",
                        court_name(&directory, &court_id),
                        s.courtroom
                            .as_deref()
                            .map(|r| format!(", {r}"))
                            .unwrap_or_default(),
                        s.hearing_type
                            .as_deref()
                            .map(|t| format!(" (listed as {t})"))
                            .unwrap_or_default(),
                    );
                    let officer = case.witness_care_unit_id.is_some();
                    for to in recipients(&supporters, case, officer, !officer) {
                        let (role, who) = (to.role, to.who());
                        let created = add_task(
                            conn,
                            TaskSpec {
                                key: format!(
                                    "court-list:new:{case_id}:{court_id}:{slot}:{role}:{who}"
                                ),
                                case,
                                hearing_id: None,
                                to,
                                kind: "new_listing",
                                due_at: s.starts_at,
                                detail: detail.clone(),
                            },
                            now,
                        )?;
                        summary.tasks_created += usize::from(created);
                    }
                    summary.new.push(case_id.clone());
                }
                Change::Warned {
                    case_id,
                    hearing_id,
                    sitting,
                    from,
                    to,
                } => {
                    let case = &loaded.cases[case_id];
                    let s = &list.sittings[*sitting];
                    if let Some(h) = hearing_id {
                        confirm(&mut recorded, &mut confirmations, h, "warned");
                    }
                    let which = hearing_id
                        .as_ref()
                        .map(|h| format!("The {} hearing", kind_words(&loaded.hearings[h].kind)))
                        .unwrap_or_else(|| "A hearing in this case".to_string());
                    let detail = format!(
                        "On the warned list: {which} may be called at short notice at {} between {} \
                         and {} ({label} published {published}). Be ready to attend at short notice; \
                         a firm or daily list will fix the day.",
                        court_name(&directory, s.court_id.as_deref().unwrap_or_default()),
                        day_words(*from),
                        day_words(*to),
                    );
                    let mut told = recipients(&supporters, case, false, true);
                    if told.is_empty() {
                        told = recipients(&supporters, case, true, false);
                    }
                    for r in told {
                        let (role, who) = (r.role, r.who());
                        let about = hearing_id.as_deref().unwrap_or(case_id);
                        let created = add_task(
                            conn,
                            TaskSpec {
                                key: format!("court-list:warned:{about}:{from}:{to}:{role}:{who}"),
                                case,
                                hearing_id: hearing_id.as_deref(),
                                to: r,
                                kind: "warned_list",
                                due_at: Some(start_of_london_day(*from)),
                                detail: detail.clone(),
                            },
                            now,
                        )?;
                        summary.tasks_created += usize::from(created);
                    }
                    summary
                        .warned
                        .push(hearing_id.clone().unwrap_or_else(|| case_id.clone()));
                }
                Change::Ignored { .. } => summary.counts.ignored += 1,
            }
        }
        // Every move re-plans its case, all together: the same path as a
        // move by hand, in sets.
        triggers.extend(fixed_from_warned_lists(conn, &loaded, &fixed)?);
        planning::react_all(conn, rules, now, &triggers)?;
        record_all(conn, &import_id, &list, &confirmations, now)?;
        audit::append_all(conn, now, &entries)?;

        summary.counts.confirmed = summary.confirmed.len();
        summary.counts.moved = summary.moved.len();
        summary.counts.absent = summary.absent.len();
        summary.counts.new = summary.new.len();
        summary.counts.warned = summary.warned.len();
        summary.counts.unmatched_courts = summary.unmatched_courts.len();

        let json = serde_json::to_string(&summary)
            .map_err(|e| AppError::Internal(format!("import summary: {e}")))?;
        diesel::update(court_list_imports::table.filter(court_list_imports::id.eq(&import_id)))
            .set(court_list_imports::summary_json.eq(json))
            .execute(conn)?;
        tracing::info!(
            import_id = %import_id,
            list_type = %list.list_type,
            sittings = summary.counts.sittings,
            confirmed = summary.counts.confirmed,
            moved = summary.counts.moved,
            absent = summary.counts.absent,
            new = summary.counts.new,
            warned = summary.counts.warned,
            ignored = summary.counts.ignored,
            unmatched_courts = summary.counts.unmatched_courts,
            "court list imported"
        );
        Ok(summary)
    })
}

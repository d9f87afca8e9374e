//! Published court lists (HMCTS's Court and tribunal hearings service):
//! read them, check them against Courtside's own description of each
//! published format (embedded in the binary, [`format`]), and turn
//! each into one neutral shape, a [`ListedSitting`] per case and sitting.
//!
//! Reading a list is pure (bytes in, sittings out). Comparing it with the
//! hearings Courtside tracks is pure too ([`reconcile`]); only [`apply`]
//! touches the database.
//!
//! Victim safety: the lists carry defendants' and parties' names, dates of
//! birth and addresses. The typed views in [`crown`] and [`cath`] name only
//! the fields Courtside needs (court, room, time, case keys, hearing type);
//! serde skips everything else, so personal details never reach our types,
//! the database or the logs. Schema errors are reported with the value
//! masked.

pub mod apply;
mod cath;
pub mod cli;
mod crown;
pub mod format;
pub mod history;
pub mod inbox;
pub mod reconcile;
pub mod schema;
#[cfg(test)]
mod tests;

use std::fmt;
use std::str::FromStr;

use chrono::{DateTime, NaiveDate, NaiveTime, Utc};
use serde::{Deserialize, Serialize};
use serde_json::Value;

pub use schema::SchemaSet;

/// The list types Courtside reads, named as HMCTS names them (lower case).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ListType {
    CrownDailyPddaList,
    CrownFirmPddaList,
    CrownWarnedPddaList,
    MagistratesStandardList,
    MagistratesPublicList,
    FamilyDailyCauseList,
    CivilAndFamilyDailyCauseList,
}

impl ListType {
    pub const ALL: [ListType; 7] = [
        ListType::CrownDailyPddaList,
        ListType::CrownFirmPddaList,
        ListType::CrownWarnedPddaList,
        ListType::MagistratesStandardList,
        ListType::MagistratesPublicList,
        ListType::FamilyDailyCauseList,
        ListType::CivilAndFamilyDailyCauseList,
    ];

    /// The name used on the command line, in the API and in the schema
    /// file's name, e.g. `crown_daily_pdda_list`.
    pub fn as_str(self) -> &'static str {
        match self {
            ListType::CrownDailyPddaList => "crown_daily_pdda_list",
            ListType::CrownFirmPddaList => "crown_firm_pdda_list",
            ListType::CrownWarnedPddaList => "crown_warned_pdda_list",
            ListType::MagistratesStandardList => "magistrates_standard_list",
            ListType::MagistratesPublicList => "magistrates_public_list",
            ListType::FamilyDailyCauseList => "family_daily_cause_list",
            ListType::CivilAndFamilyDailyCauseList => "civil_and_family_daily_cause_list",
        }
    }

    /// For people: "Crown daily list".
    pub fn label(self) -> &'static str {
        match self {
            ListType::CrownDailyPddaList => "Crown daily list",
            ListType::CrownFirmPddaList => "Crown firm list",
            ListType::CrownWarnedPddaList => "Crown warned list",
            ListType::MagistratesStandardList => "magistrates standard list",
            ListType::MagistratesPublicList => "magistrates public list",
            ListType::FamilyDailyCauseList => "family daily cause list",
            ListType::CivilAndFamilyDailyCauseList => "civil and family daily cause list",
        }
    }

    /// The published schema's file name in the schema directory.
    pub fn schema_file(self) -> String {
        format!("{}.json", self.as_str())
    }

    /// Reads a list-type name in any of the spellings in use:
    /// `crown_daily_pdda_list`, HMCTS's `CROWN_DAILY_PDDA_LIST`,
    /// `crown-daily-pdda-list` or the sample files' `crownDailyPddaList`.
    pub fn from_name(name: &str) -> Option<ListType> {
        let squash = |s: &str| -> String {
            s.chars()
                .filter(char::is_ascii_alphanumeric)
                .map(|c| c.to_ascii_lowercase())
                .collect()
        };
        let wanted = squash(name);
        if wanted.is_empty() {
            return None;
        }
        ListType::ALL
            .into_iter()
            .find(|t| squash(t.as_str()) == wanted)
    }

    /// Which list a document is, judged from its shape alone: the Crown
    /// (PDDA) lists by their root element; the CaTH-style lists by what
    /// their cases are keyed on (URN for magistrates, case number for
    /// family), then by the fields only one of each pair has.
    pub fn recognise(doc: &Value) -> Option<ListType> {
        let root = doc.as_object()?;
        if root.contains_key("DailyList") {
            return Some(ListType::CrownDailyPddaList);
        }
        if root.contains_key("FirmList") {
            return Some(ListType::CrownFirmPddaList);
        }
        if root.contains_key("WarnedList") {
            return Some(ListType::CrownWarnedPddaList);
        }
        if !(root.contains_key("document") && root.contains_key("courtLists")) {
            return None;
        }
        let mut urn = false;
        let mut case_number = false;
        let mut standard_only = false;
        for house in array(&doc["courtLists"]).map(|l| &l["courtHouse"]) {
            standard_only |= house.get("lja").is_some();
            for sitting in array(&house["courtRoom"])
                .flat_map(|r| array(&r["session"]))
                .flat_map(|s| array(&s["sittings"]))
            {
                for hearing in array(&sitting["hearing"]) {
                    standard_only |= hearing.get("panel").is_some();
                    for case in array(&hearing["case"]) {
                        urn |= case.get("caseUrn").is_some();
                        case_number |= case.get("caseNumber").is_some();
                        standard_only |= case.get("caseSequenceIndicator").is_some()
                            && case.get("caseUrn").is_some();
                    }
                }
            }
        }
        match (urn, case_number) {
            (true, false) if standard_only => Some(ListType::MagistratesStandardList),
            (true, false) => Some(ListType::MagistratesPublicList),
            (false, true) if root.contains_key("locationDetails") => {
                Some(ListType::CivilAndFamilyDailyCauseList)
            }
            (false, true) => Some(ListType::FamilyDailyCauseList),
            _ => None,
        }
    }

    /// The names accepted, for messages.
    pub fn names() -> String {
        ListType::ALL
            .iter()
            .map(|t| t.as_str())
            .collect::<Vec<_>>()
            .join(", ")
    }
}

impl fmt::Display for ListType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for ListType {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        ListType::from_name(s).ok_or_else(|| {
            format!(
                "`{s}` is not a list type Courtside reads; use one of: {}",
                ListType::names()
            )
        })
    }
}

fn array(value: &Value) -> impl Iterator<Item = &Value> {
    value.as_array().into_iter().flatten()
}

/// What kind of listing a list makes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum ListKind {
    /// The day's sittings, complete for its courts and day: a tracked
    /// hearing missing from it needs checking.
    Daily,
    /// Hearings fixed for the coming days.
    Firm,
    /// Trials that may be called at short notice between two dates.
    Warned { from: NaiveDate, to: NaiveDate },
}

impl ListKind {
    pub fn as_str(self) -> &'static str {
        match self {
            ListKind::Daily => "daily",
            ListKind::Firm => "firm",
            ListKind::Warned { .. } => "warned",
        }
    }
}

/// A court as a list names it, before it is matched to the directory.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
pub struct CourtRef {
    pub name: Option<String>,
    /// The Crown court code (PDDA `CourtHouseCode`).
    pub code: Option<String>,
}

impl CourtRef {
    /// How the court is named in messages: its name, else its code.
    pub fn describe(&self) -> String {
        match (&self.name, &self.code) {
            (Some(name), _) => name.clone(),
            (None, Some(code)) => format!("court code {code}"),
            (None, None) => "a court the list does not name".to_string(),
        }
    }
}

/// One case at one sitting, as a list gives it: the neutral shape every
/// parser produces. Carries no personal details.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ListedSitting {
    pub court: CourtRef,
    /// The court in Courtside's directory, once matched.
    pub court_id: Option<String>,
    pub courtroom: Option<String>,
    /// The court-local day of the sitting (for a warned list: the fixed
    /// date if it has one, else the window's first day).
    pub date: NaiveDate,
    /// The start, when the list gives a time.
    pub starts_at: Option<DateTime<Utc>>,
    /// URN, Crown Court case number or family case number, normalised
    /// with [`crate::resources::normalise_case_key`].
    pub case_keys: Vec<String>,
    pub hearing_type: Option<String>,
    pub list_kind: ListKind,
    pub published_at: DateTime<Utc>,
    pub version: Option<String>,
}

/// A whole list, read and checked.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ParsedList {
    pub list_type: ListType,
    pub kind: ListKind,
    pub published_at: DateTime<Utc>,
    pub version: Option<String>,
    /// The first and last day the list is for (a warned list's window).
    pub period: Option<(NaiveDate, NaiveDate)>,
    /// The courts and days the list covers, sittings or not: a daily list
    /// with nothing for a tracked hearing's court and day means that
    /// hearing is missing from it.
    pub coverage: Vec<(CourtRef, NaiveDate)>,
    /// The same, as directory court ids (filled by [`ParsedList::match_courts`]).
    pub coverage_ids: Vec<(String, NaiveDate)>,
    pub sittings: Vec<ListedSitting>,
}

impl ParsedList {
    /// Matches every court the list names to the directory. `chosen` (the
    /// location HMCTS sends beside a document, given by the person
    /// importing it) stands for any court the list leaves unnamed or the
    /// directory does not know; courts the directory knows keep their own
    /// match. Returns the names of the courts left unmatched, sorted and
    /// without repeats.
    pub fn match_courts(
        &mut self,
        directory: &[DirectoryCourt],
        chosen: Option<&str>,
    ) -> Vec<String> {
        let mut unmatched: Vec<String> = Vec::new();
        let mut resolve = |court: &CourtRef| -> Option<String> {
            let found = match_court(court, directory).or_else(|| chosen.map(str::to_string));
            if found.is_none() {
                let name = court.describe();
                if !unmatched.contains(&name) {
                    unmatched.push(name);
                }
            }
            found
        };
        for s in &mut self.sittings {
            s.court_id = resolve(&s.court);
        }
        let mut ids = Vec::new();
        for (court, day) in &self.coverage {
            if let Some(id) = resolve(court) {
                if !ids.contains(&(id.clone(), *day)) {
                    ids.push((id, *day));
                }
            }
        }
        self.coverage_ids = ids;
        unmatched.sort();
        unmatched
    }
}

/// One schema violation: where, and what was expected (the value itself
/// never repeated).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SchemaViolation {
    /// A JSON pointer into the document, e.g. `/courtLists/0/courtHouse`
    /// (for programs: the API's field name).
    pub path: String,
    /// The same place in words, for people: "court list 1 › court house".
    pub place: String,
    /// What was expected there, as a sentence's end: "should be a date …".
    pub message: String,
}

/// The most schema violations reported for one document.
pub const MAX_VIOLATIONS: usize = 10;

/// Why a document was refused. Messages name paths and list types, never
/// values from the document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ListError {
    NotJson(String),
    Unrecognised,
    /// The published schemas named for the extra check (or one of them)
    /// are missing or unusable: imports are refused rather than run
    /// without the check asked for.
    SchemasUnavailable(String),
    Invalid {
        list_type: ListType,
        violations: Vec<SchemaViolation>,
        total: usize,
    },
    /// Valid against the schema but not readable as Courtside needs it
    /// (e.g. an impossible date or time).
    Unreadable {
        list_type: ListType,
        path: String,
        message: String,
    },
}

impl fmt::Display for ListError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ListError::NotJson(why) => write!(f, "the court list is not valid JSON: {why}"),
            ListError::Unrecognised => write!(
                f,
                "Courtside cannot tell which kind of court list this is: it has the shape of none \
                 of the lists it reads. Say which it is with the list type ({})",
                ListType::names()
            ),
            ListError::SchemasUnavailable(why) => write!(
                f,
                "court lists cannot be imported: {why}. COURTSIDE_COURT_LIST_SCHEMAS names a folder \
                 of HMCTS's published schemas to check lists against as well; point it at that \
                 folder, or unset it to check lists against the built-in formats alone"
            ),
            ListError::Invalid {
                list_type,
                violations,
                total,
            } => {
                write!(
                    f,
                    "the document does not follow the published format of the {} ({total} problem{}): ",
                    list_type.label(),
                    if *total == 1 { "" } else { "s" }
                )?;
                let listed: Vec<String> = violations
                    .iter()
                    .map(|v| format!("{} ({}) {}", v.place, v.path, v.message))
                    .collect();
                f.write_str(&listed.join("; "))
            }
            ListError::Unreadable {
                list_type,
                path,
                message,
            } => write!(
                f,
                "the {} could not be read at {path}: {message}",
                list_type.label()
            ),
        }
    }
}

impl std::error::Error for ListError {}

impl From<ListError> for crate::error::AppError {
    fn from(err: ListError) -> Self {
        use crate::error::{AppError, FieldError};
        match err {
            ListError::NotJson(why) => AppError::MalformedBody(why),
            ListError::Unrecognised => AppError::Validation(vec![FieldError::new(
                "list_type",
                format!(
                    "is needed: the document has the shape of none of the lists Courtside reads; \
                     send one of {}",
                    ListType::names()
                ),
            )]),
            ListError::SchemasUnavailable(why) => AppError::Unavailable(why),
            ListError::Invalid {
                list_type,
                violations,
                ..
            } => AppError::Validation(
                violations
                    .into_iter()
                    .map(|v| {
                        let field = if v.path.is_empty() {
                            "body".to_string()
                        } else {
                            v.path
                        };
                        FieldError::new(
                            field,
                            format!(
                                "{} {} (published format of the {})",
                                v.place,
                                v.message,
                                list_type.label()
                            ),
                        )
                    })
                    .collect(),
            ),
            ListError::Unreadable { path, message, .. } => {
                AppError::Validation(vec![FieldError::new(path, message)])
            }
        }
    }
}

/// Reads one published list: JSON, then its type (given, or recognised
/// from its shape), then its schema, then the neutral sittings.
pub fn parse_document(
    bytes: &[u8],
    given: Option<ListType>,
    schemas: &SchemaSet,
) -> Result<ParsedList, ListError> {
    let doc: Value = serde_json::from_slice(bytes).map_err(|e| {
        ListError::NotJson(match e.classify() {
            serde_json::error::Category::Eof => "it ends too early".to_string(),
            _ => format!("syntax error at line {} column {}", e.line(), e.column()),
        })
    })?;
    let list_type = match given {
        Some(t) => t,
        None => ListType::recognise(&doc).ok_or(ListError::Unrecognised)?,
    };
    schemas.validate(list_type, &doc)?;
    map_document(list_type, &doc)
}

/// Maps a document already checked against its schema.
pub fn map_document(list_type: ListType, doc: &Value) -> Result<ParsedList, ListError> {
    match list_type {
        ListType::CrownDailyPddaList
        | ListType::CrownFirmPddaList
        | ListType::CrownWarnedPddaList => crown::parse(list_type, doc),
        ListType::MagistratesStandardList
        | ListType::MagistratesPublicList
        | ListType::FamilyDailyCauseList
        | ListType::CivilAndFamilyDailyCauseList => cath::parse(list_type, doc),
    }
}

/// Deserialises the fields a parser needs, naming the path of any that
/// is unreadable (without echoing its value).
fn typed<'a, T: Deserialize<'a>>(list_type: ListType, doc: &'a Value) -> Result<T, ListError> {
    serde_path_to_error::deserialize(doc).map_err(|e| ListError::Unreadable {
        list_type,
        path: pointer(&e.path().to_string()),
        message: "has an unexpected form".to_string(),
    })
}

/// serde_path_to_error's `a.b[0].c` as a JSON pointer `/a/b/0/c`.
fn pointer(dotted: &str) -> String {
    if dotted == "." {
        return String::new();
    }
    let mut out = String::new();
    for part in dotted.split('.') {
        let mut rest = part;
        if let Some(i) = rest.find('[') {
            out.push('/');
            out.push_str(&rest[..i]);
            rest = &rest[i..];
            for idx in rest.split('[').filter(|s| !s.is_empty()) {
                out.push('/');
                out.push_str(idx.trim_end_matches(']'));
            }
        } else {
            out.push('/');
            out.push_str(rest);
        }
    }
    out
}

fn date_at(list_type: ListType, path: &str, text: &str) -> Result<NaiveDate, ListError> {
    NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d").map_err(|_| ListError::Unreadable {
        list_type,
        path: path.to_string(),
        message: "is not a date (YYYY-MM-DD)".to_string(),
    })
}

fn time_at(list_type: ListType, path: &str, text: &str) -> Result<NaiveTime, ListError> {
    let text = text.trim();
    NaiveTime::parse_from_str(text, "%H:%M:%S")
        .or_else(|_| NaiveTime::parse_from_str(text, "%H:%M"))
        .map_err(|_| ListError::Unreadable {
            list_type,
            path: path.to_string(),
            message: "is not a wall-clock time (HH:MM or HH:MM:SS)".to_string(),
        })
}

fn instant_at(list_type: ListType, path: &str, text: &str) -> Result<DateTime<Utc>, ListError> {
    DateTime::parse_from_rfc3339(text.trim())
        .map(|t| t.with_timezone(&Utc))
        .map_err(|_| ListError::Unreadable {
            list_type,
            path: path.to_string(),
            message: "is not an instant with an offset (RFC 3339)".to_string(),
        })
}

/// Trims, and drops empty text.
fn clean(text: Option<&str>) -> Option<String> {
    text.map(str::trim)
        .filter(|t| !t.is_empty())
        .map(str::to_string)
}

/// A courtroom as lists write it; "to be allocated" is no room at all.
fn room(text: Option<&str>) -> Option<String> {
    let text = clean(text)?;
    let lower = text.to_ascii_lowercase();
    if lower.contains("to be allocated") || lower == "tba" || lower == "unallocated" {
        None
    } else {
        Some(text)
    }
}

/// Normalised case keys, without repeats.
fn keys<'a>(raw: impl IntoIterator<Item = Option<&'a str>>) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for key in raw.into_iter().flatten() {
        let key = crate::resources::normalise_case_key(key);
        if !key.is_empty() && !out.contains(&key) {
            out.push(key);
        }
    }
    out
}

/// A court from the directory, as matching needs it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DirectoryCourt {
    pub id: String,
    pub name: String,
    pub crown_court_code: Option<String>,
}

/// Court names compared without case, punctuation or spacing
/// ("LEEDS MAGISTRATES COURT" is "Leeds Magistrates' Court").
pub fn court_name_key(name: &str) -> String {
    name.chars()
        .filter(char::is_ascii_alphanumeric)
        .map(|c| c.to_ascii_lowercase())
        .collect()
}

fn code_key(code: &str) -> String {
    let digits = code.trim().trim_start_matches('0');
    if digits.is_empty() {
        "0".to_string()
    } else {
        digits.to_ascii_uppercase()
    }
}

/// The directory court a list means: by Crown court code first, then by
/// name. `None` when the directory has no such court.
pub fn match_court(court: &CourtRef, directory: &[DirectoryCourt]) -> Option<String> {
    if let Some(code) = &court.code {
        let wanted = code_key(code);
        if let Some(found) = directory.iter().find(|d| {
            d.crown_court_code
                .as_deref()
                .is_some_and(|c| code_key(c) == wanted)
        }) {
            return Some(found.id.clone());
        }
    }
    let name = court_name_key(court.name.as_deref()?);
    if name.is_empty() {
        return None;
    }
    directory
        .iter()
        .find(|d| court_name_key(&d.name) == name)
        .map(|d| d.id.clone())
}

/// Largest court list accepted by upload.
pub const MAX_LIST_BYTES: usize = 8 * 1024 * 1024;

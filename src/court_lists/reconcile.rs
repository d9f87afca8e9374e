//! Comparing a list with the hearings Courtside tracks: a pure function
//! from (list, tracked cases and hearings, now) to the changes it implies.
//! Nothing here reads the clock or the database; [`super::apply`] carries
//! the changes out.
//!
//! The rules, for each tracked case the list names:
//! 1. a sitting at the hearing's court and time is **confirmed** (with a
//!    different room it is a **move** of room; a list that gives no time
//!    confirms the day);
//! 2. a sitting at the hearing's court on the hearing's day at another time
//!    is a **move** of time;
//! 3. any other sitting is a **move** of day or court when exactly one of
//!    the case's remaining hearings could be it (its kind fits the
//!    sitting's hearing type, or the type is not one Courtside knows), and
//!    otherwise a **new** sitting, suggested for someone to add: Courtside
//!    does not create hearings from lists;
//! 4. after that, a tracked hearing at a court and on a day that a
//!    **daily** list covers, that no sitting was matched to, is **absent**:
//!    someone must check; it is never vacated automatically;
//! 5. a case on a **warned** list is warned for the list's window (tied to
//!    its one hearing whose kind fits, when there is exactly one).
//!
//! Sittings for cases Courtside does not track, at courts the directory
//! lacks, or already in the past are ignored; a move to a time already
//! past is not made.

use std::collections::{BTreeMap, HashMap, HashSet};

use chrono::{DateTime, NaiveDate, Utc};
use serde::Serialize;

use super::{ListKind, ListedSitting, ParsedList};
use crate::calendar::{local_to_utc, london_date, to_london};
use crate::domain::HearingKind;

/// A case Courtside tracks, with the keys a list may name it by.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TrackedCase {
    pub case_id: String,
    /// Normalised URN and case number.
    pub keys: Vec<String>,
}

/// A hearing still to happen (listed or moved).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TrackedHearing {
    pub hearing_id: String,
    pub case_id: String,
    pub kind: HearingKind,
    pub court_id: String,
    pub courtroom: Option<String>,
    pub starts_at: DateTime<Utc>,
}

/// What changed about a moved hearing.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum MoveKind {
    /// Same court and day, another time.
    Time,
    /// Same court and time, another room.
    Room,
    /// Another day.
    Day,
    /// Another court.
    Court,
}

/// Why a sitting was left alone.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum IgnoreReason {
    /// No tracked case has any of its keys.
    Untracked,
    /// Its court is not in the directory.
    UnmatchedCourt,
    /// It is (or a move to it would be) in the past.
    Past,
}

/// One consequence of a list. `sitting` indexes `ParsedList::sittings`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "change", rename_all = "snake_case")]
pub enum Change {
    Confirmed {
        hearing_id: String,
        sitting: usize,
        /// The list's room, for a hearing that had none.
        fill_room: Option<String>,
    },
    Moved {
        hearing_id: String,
        sitting: usize,
        what: MoveKind,
        from: DateTime<Utc>,
        to: DateTime<Utc>,
        court_id: String,
        /// The new room (the old one when the list gives none).
        courtroom: Option<String>,
    },
    Absent {
        hearing_id: String,
        court_id: String,
        date: NaiveDate,
    },
    New {
        case_id: String,
        sitting: usize,
    },
    Warned {
        case_id: String,
        /// The hearing the warning is about, when one fits.
        hearing_id: Option<String>,
        sitting: usize,
        from: NaiveDate,
        to: NaiveDate,
    },
    Ignored {
        sitting: usize,
        reason: IgnoreReason,
    },
}

/// The hearing kind a list's hearing-type text means, when Courtside can
/// tell. PDDA lists give a description ("Trial") and sometimes only a
/// three-letter code.
pub fn kind_from_text(text: &str) -> Option<HearingKind> {
    use HearingKind::*;
    let t = text.trim().to_ascii_lowercase();
    let has = |s: &str| t.contains(s);
    let kind = if has("fhdra") || has("first hearing dispute") || has("first hearing and dispute") {
        FirstHearingDisputeResolution
    } else if has("dispute resolution") || t == "dra" {
        DisputeResolutionAppointment
    } else if has("fact finding") || has("fact-finding") {
        FactFinding
    } else if has("final hearing") {
        FinalHearing
    } else if has("return date") || has("return hearing") {
        ProtectiveOrderReturn
    } else if has("ptph") || has("plea and trial") || has("plea & trial") || t == "ptp" {
        PleaAndTrialPreparation
    } else if has("ground rules") {
        GroundRules
    } else if has("sentenc") || t == "sen" {
        Sentencing
    } else if has("appeal") {
        Appeal
    } else if has("mention") {
        Mention
    } else if has("first appearance") {
        FirstAppearance
    } else if has("directions") {
        Directions
    } else if has("trial") || t == "trl" {
        Trial
    } else {
        return None;
    };
    Some(kind)
}

/// Whether a sitting of this hearing type could be this hearing.
fn kind_fits(sitting: &ListedSitting, hearing: &TrackedHearing) -> bool {
    match sitting.hearing_type.as_deref().and_then(kind_from_text) {
        None => true,
        Some(kind) => hearing.kind == HearingKind::Other || hearing.kind == kind,
    }
}

/// Rooms compared without case, spacing or the words "court"/"room":
/// "Court 4", "Courtroom 4" and "4" are one room.
pub fn room_key(room: &str) -> String {
    let lower: String = room
        .chars()
        .filter(char::is_ascii_alphanumeric)
        .map(|c| c.to_ascii_lowercase())
        .collect();
    let stripped = lower
        .trim_start_matches("courtroom")
        .trim_start_matches("court")
        .trim_start_matches("room")
        .trim_start_matches("no");
    if stripped.is_empty() {
        lower
    } else {
        stripped.to_string()
    }
}

fn rooms_differ(list: Option<&str>, tracked: Option<&str>) -> bool {
    match (list, tracked) {
        (Some(a), Some(b)) => room_key(a) != room_key(b),
        _ => false,
    }
}

fn same_time(s: &ListedSitting, h: &TrackedHearing) -> bool {
    match s.starts_at {
        Some(at) => at == h.starts_at,
        None => london_date(h.starts_at) == s.date,
    }
}

/// Where a sitting puts a hearing: its own time, or (when the list gives
/// only a day) the hearing's wall-clock time on that day.
fn target(s: &ListedSitting, h: &TrackedHearing) -> DateTime<Utc> {
    s.starts_at
        .unwrap_or_else(|| local_to_utc(s.date, to_london(h.starts_at).time()))
}

/// The changes a list implies for the tracked cases and hearings.
///
/// `cases` are the cases that may be touched; `hearings` their hearings
/// still to happen, plus any others at the courts and days a daily list
/// covers. Sittings must already carry their `court_id` (or `None` when
/// unmatched). The result is in a stable order: sittings in list order,
/// then absences.
pub fn reconcile(
    list: &ParsedList,
    cases: &[TrackedCase],
    hearings: &[TrackedHearing],
    now: DateTime<Utc>,
) -> Vec<Change> {
    let today = london_date(now);
    let mut by_key: HashMap<&str, Vec<&str>> = HashMap::new();
    for case in cases {
        for key in &case.keys {
            let ids = by_key.entry(key.as_str()).or_default();
            if !ids.contains(&case.case_id.as_str()) {
                ids.push(case.case_id.as_str());
            }
        }
    }
    let mut hearings_of: BTreeMap<&str, Vec<&TrackedHearing>> = BTreeMap::new();
    for h in hearings {
        hearings_of.entry(h.case_id.as_str()).or_default().push(h);
    }
    for list in hearings_of.values_mut() {
        list.sort_by(|a, b| (a.starts_at, &a.hearing_id).cmp(&(b.starts_at, &b.hearing_id)));
    }

    // Per sitting: its outcome, or the cases it concerns.
    let mut changes: Vec<(usize, Change)> = Vec::new();
    let mut sittings_of: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
    for (i, s) in list.sittings.iter().enumerate() {
        let mut case_ids: Vec<&str> = s
            .case_keys
            .iter()
            .filter_map(|k| by_key.get(k.as_str()))
            .flatten()
            .copied()
            .collect();
        case_ids.sort_unstable();
        case_ids.dedup();
        let reason = if case_ids.is_empty() {
            Some(IgnoreReason::Untracked)
        } else if s.court_id.is_none() {
            Some(IgnoreReason::UnmatchedCourt)
        } else if !matches!(s.list_kind, ListKind::Warned { .. }) && s.date < today {
            Some(IgnoreReason::Past)
        } else {
            None
        };
        if let Some(reason) = reason {
            changes.push((i, Change::Ignored { sitting: i, reason }));
            continue;
        }
        for case in case_ids {
            sittings_of.entry(case).or_default().push(i);
        }
    }

    let mut paired: HashSet<&str> = HashSet::new();
    for (case_id, sitting_ids) in &sittings_of {
        let own: &[&TrackedHearing] = hearings_of.get(case_id).map_or(&[], |v| v.as_slice());
        let mut free: Vec<&TrackedHearing> = own.to_vec();
        let mut open: Vec<usize> = Vec::new();

        if let ListKind::Warned { from, to } = list.kind {
            for &i in sitting_ids {
                let s = &list.sittings[i];
                let fits: Vec<&&TrackedHearing> = free.iter().filter(|h| kind_fits(s, h)).collect();
                let hearing_id = (fits.len() == 1).then(|| fits[0].hearing_id.clone());
                changes.push((
                    i,
                    Change::Warned {
                        case_id: case_id.to_string(),
                        hearing_id,
                        sitting: i,
                        from,
                        to,
                    },
                ));
            }
            continue;
        }

        // 1. Same court, same time.
        for &i in sitting_ids {
            let s = &list.sittings[i];
            let court = s.court_id.as_deref().unwrap_or_default();
            let found = free
                .iter()
                .find(|h| h.court_id == court && same_time(s, h))
                .copied();
            match found {
                Some(h) => {
                    free.retain(|x| x.hearing_id != h.hearing_id);
                    paired.insert(&h.hearing_id);
                    let change = if rooms_differ(s.courtroom.as_deref(), h.courtroom.as_deref()) {
                        Change::Moved {
                            hearing_id: h.hearing_id.clone(),
                            sitting: i,
                            what: MoveKind::Room,
                            from: h.starts_at,
                            to: h.starts_at,
                            court_id: h.court_id.clone(),
                            courtroom: s.courtroom.clone(),
                        }
                    } else {
                        Change::Confirmed {
                            hearing_id: h.hearing_id.clone(),
                            sitting: i,
                            fill_room: if h.courtroom.is_none() {
                                s.courtroom.clone()
                            } else {
                                None
                            },
                        }
                    };
                    changes.push((i, change));
                }
                None => open.push(i),
            }
        }

        // 2. Same court and day, another time; 3. elsewhere, when only one
        // hearing could be it.
        for i in open {
            let s = &list.sittings[i];
            let court = s.court_id.clone().unwrap_or_default();
            let same_day = free
                .iter()
                .find(|h| h.court_id == court && london_date(h.starts_at) == s.date)
                .copied();
            let chosen = same_day.map(|h| (h, MoveKind::Time)).or_else(|| {
                let fits: Vec<&TrackedHearing> =
                    free.iter().filter(|h| kind_fits(s, h)).copied().collect();
                match fits.as_slice() {
                    [one] if one.court_id != court => Some((*one, MoveKind::Court)),
                    [one] => Some((*one, MoveKind::Day)),
                    _ => None,
                }
            });
            let Some((h, what)) = chosen else {
                changes.push((
                    i,
                    Change::New {
                        case_id: case_id.to_string(),
                        sitting: i,
                    },
                ));
                continue;
            };
            free.retain(|x| x.hearing_id != h.hearing_id);
            paired.insert(&h.hearing_id);
            let to = target(s, h);
            if to < now {
                changes.push((
                    i,
                    Change::Ignored {
                        sitting: i,
                        reason: IgnoreReason::Past,
                    },
                ));
                continue;
            }
            changes.push((
                i,
                Change::Moved {
                    hearing_id: h.hearing_id.clone(),
                    sitting: i,
                    what,
                    from: h.starts_at,
                    to,
                    court_id: court,
                    courtroom: s.courtroom.clone().or_else(|| h.courtroom.clone()),
                },
            ));
        }
    }
    changes.sort_by_key(|(i, _)| *i);
    let mut out: Vec<Change> = changes.into_iter().map(|(_, c)| c).collect();

    // 4. Absent from a daily list that covers its court and day.
    if list.kind == ListKind::Daily {
        let covered: HashSet<(&str, NaiveDate)> = list
            .coverage_ids
            .iter()
            .map(|(court, day)| (court.as_str(), *day))
            .collect();
        let mut absent: Vec<&TrackedHearing> = hearings
            .iter()
            .filter(|h| !paired.contains(h.hearing_id.as_str()))
            .filter(|h| covered.contains(&(h.court_id.as_str(), london_date(h.starts_at))))
            .filter(|h| london_date(h.starts_at) >= today)
            .collect();
        absent.sort_by(|a, b| (a.starts_at, &a.hearing_id).cmp(&(b.starts_at, &b.hearing_id)));
        absent.dedup_by(|a, b| a.hearing_id == b.hearing_id);
        out.extend(absent.into_iter().map(|h| Change::Absent {
            hearing_id: h.hearing_id.clone(),
            court_id: h.court_id.clone(),
            date: london_date(h.starts_at),
        }));
    }
    out
}

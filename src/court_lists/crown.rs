//! The Crown Court lists from XHIBIT (PDDA): daily, firm and warned.
//!
//! They give a court-local date (`StartDate`, `SittingDate`, `FixedDate`)
//! and a court-local wall-clock time (`SittingAt`) with no offset; the two
//! are combined in Europe/London by [`crate::calendar::local_to_utc`], so a
//! clock-change day follows Courtside's one rule.
//!
//! The structs below name only what Courtside needs. Defendants appear
//! only for their URN: `PersonalDetails`, names, dates of birth, addresses,
//! charges, counsel and judiciary are never read.

use chrono::{DateTime, NaiveDate, Utc};
use serde::Deserialize;
use serde_json::Value;

use super::{
    clean, date_at, instant_at, keys, time_at, typed, CourtRef, ListError, ListKind, ListType,
    ListedSitting, ParsedList,
};
use crate::calendar::local_to_utc;

#[derive(Deserialize)]
#[serde(rename_all = "PascalCase")]
struct Header {
    start_date: String,
    end_date: Option<String>,
    version: Option<String>,
    published_time: String,
}

#[derive(Deserialize)]
#[serde(rename_all = "PascalCase")]
struct CourtHouse {
    court_house_code: Option<i64>,
    court_house_name: Option<String>,
}

impl CourtHouse {
    fn court(&self) -> CourtRef {
        CourtRef {
            name: clean(self.court_house_name.as_deref()),
            code: self.court_house_code.map(|c| c.to_string()),
        }
    }
}

/// Only the URN: a defendant's personal details are never read.
#[derive(Deserialize)]
struct Defendant {
    #[serde(rename = "URN")]
    urn: Option<String>,
}

#[derive(Deserialize)]
#[serde(rename_all = "PascalCase")]
struct HearingDetails {
    hearing_description: Option<String>,
    hearing_type: Option<String>,
}

#[derive(Deserialize)]
#[serde(rename_all = "PascalCase")]
struct Hearing {
    hearing_details: Option<HearingDetails>,
    case_number: Option<String>,
    #[serde(rename = "CaseNumberCaTH")]
    case_number_cath: Option<String>,
    #[serde(default)]
    defendants: Vec<Defendant>,
}

impl Hearing {
    fn case_keys(&self) -> Vec<String> {
        keys(
            [
                self.case_number.as_deref(),
                self.case_number_cath.as_deref(),
            ]
            .into_iter()
            .chain(self.defendants.iter().map(|d| d.urn.as_deref())),
        )
    }

    fn hearing_type(&self) -> Option<String> {
        let details = self.hearing_details.as_ref()?;
        clean(details.hearing_description.as_deref())
            .or_else(|| clean(details.hearing_type.as_deref()))
    }
}

#[derive(Deserialize)]
#[serde(rename_all = "PascalCase")]
struct Sitting {
    court_room_number: Option<i64>,
    sitting_at: Option<String>,
    #[serde(default)]
    hearings: Vec<Hearing>,
}

#[derive(Deserialize)]
#[serde(rename_all = "PascalCase")]
struct CourtList {
    /// Firm lists date each court list; a daily list is for its
    /// `StartDate`.
    sitting_date: Option<String>,
    court_house: CourtHouse,
    #[serde(default)]
    sittings: Vec<Sitting>,
}

/// The daily and firm lists share their shape.
#[derive(Deserialize)]
#[serde(rename_all = "PascalCase")]
struct SittingList {
    list_header: Header,
    crown_court: CourtHouse,
    #[serde(default)]
    court_lists: Vec<CourtList>,
}

#[derive(Deserialize)]
#[serde(rename_all = "PascalCase")]
struct WarnedCase {
    case_number: Option<String>,
    #[serde(rename = "CaseNumberCaTH")]
    case_number_cath: Option<String>,
    #[serde(default)]
    hearing: Vec<HearingDetails>,
    #[serde(default)]
    defendants: Vec<Defendant>,
}

#[derive(Deserialize)]
#[serde(rename_all = "PascalCase")]
struct Fixture {
    fixed_date: Option<String>,
    #[serde(default)]
    cases: Vec<WarnedCase>,
}

#[derive(Deserialize)]
#[serde(rename_all = "PascalCase")]
struct WarnedGroup {
    hearing_type: Option<String>,
    #[serde(default)]
    fixture: Vec<Fixture>,
}

#[derive(Deserialize)]
#[serde(rename_all = "PascalCase")]
struct WarnedCourtList {
    court_house: CourtHouse,
    #[serde(default)]
    with_fixed_date: Vec<WarnedGroup>,
    #[serde(default)]
    without_fixed_date: Vec<WarnedGroup>,
}

#[derive(Deserialize)]
#[serde(rename_all = "PascalCase")]
struct WarnedList {
    list_header: Header,
    #[serde(default)]
    court_lists: Vec<WarnedCourtList>,
}

#[derive(Deserialize)]
#[serde(rename_all = "PascalCase")]
struct Root<T> {
    daily_list: Option<T>,
    firm_list: Option<T>,
    warned_list: Option<T>,
}

fn missing_root(list_type: ListType) -> ListError {
    ListError::Unreadable {
        list_type,
        path: String::new(),
        message: format!("has no root element for a {}", list_type.label()),
    }
}

struct Meta {
    published_at: DateTime<Utc>,
    version: Option<String>,
    start: NaiveDate,
    end: NaiveDate,
}

fn meta(list_type: ListType, root: &str, header: &Header) -> Result<Meta, ListError> {
    let at = |field: &str| format!("/{root}/ListHeader/{field}");
    let start = date_at(list_type, &at("StartDate"), &header.start_date)?;
    let end = match &header.end_date {
        Some(end) => date_at(list_type, &at("EndDate"), end)?.max(start),
        None => start,
    };
    Ok(Meta {
        published_at: instant_at(list_type, &at("PublishedTime"), &header.published_time)?,
        version: clean(header.version.as_deref()),
        start,
        end,
    })
}

pub(super) fn parse(list_type: ListType, doc: &Value) -> Result<ParsedList, ListError> {
    match list_type {
        ListType::CrownWarnedPddaList => warned(doc),
        _ => sittings(list_type, doc),
    }
}

fn sittings(list_type: ListType, doc: &Value) -> Result<ParsedList, ListError> {
    let root: Root<SittingList> = typed(list_type, doc)?;
    let (name, list, kind) = match list_type {
        ListType::CrownDailyPddaList => ("DailyList", root.daily_list, ListKind::Daily),
        _ => ("FirmList", root.firm_list, ListKind::Firm),
    };
    let list = list.ok_or_else(|| missing_root(list_type))?;
    let meta = meta(list_type, name, &list.list_header)?;
    let mut coverage = Vec::new();
    if kind == ListKind::Daily {
        coverage.push((list.crown_court.court(), meta.start));
    }
    let mut out = Vec::new();
    for (li, court_list) in list.court_lists.iter().enumerate() {
        let court = court_list.court_house.court();
        let date = match &court_list.sitting_date {
            Some(d) => date_at(
                list_type,
                &format!("/{name}/CourtLists/{li}/SittingDate"),
                d,
            )?,
            None => meta.start,
        };
        if !coverage.contains(&(court.clone(), date)) && kind == ListKind::Daily {
            coverage.push((court.clone(), date));
        }
        for (si, sitting) in court_list.sittings.iter().enumerate() {
            let starts_at = match &sitting.sitting_at {
                Some(t) => Some(local_to_utc(
                    date,
                    time_at(
                        list_type,
                        &format!("/{name}/CourtLists/{li}/Sittings/{si}/SittingAt"),
                        t,
                    )?,
                )),
                None => None,
            };
            let courtroom = sitting.court_room_number.map(|n| format!("Court {n}"));
            for hearing in &sitting.hearings {
                out.push(ListedSitting {
                    court: court.clone(),
                    court_id: None,
                    courtroom: courtroom.clone(),
                    date,
                    starts_at,
                    case_keys: hearing.case_keys(),
                    hearing_type: hearing.hearing_type(),
                    list_kind: kind,
                    published_at: meta.published_at,
                    version: meta.version.clone(),
                });
            }
        }
    }
    Ok(ParsedList {
        list_type,
        kind,
        published_at: meta.published_at,
        version: meta.version,
        period: Some((meta.start, meta.end)),
        coverage,
        coverage_ids: Vec::new(),
        sittings: out,
    })
}

fn warned(doc: &Value) -> Result<ParsedList, ListError> {
    let list_type = ListType::CrownWarnedPddaList;
    let root: Root<WarnedList> = typed(list_type, doc)?;
    let list = root.warned_list.ok_or_else(|| missing_root(list_type))?;
    let meta = meta(list_type, "WarnedList", &list.list_header)?;
    let kind = ListKind::Warned {
        from: meta.start,
        to: meta.end,
    };
    let mut out = Vec::new();
    for (li, court_list) in list.court_lists.iter().enumerate() {
        let court = court_list.court_house.court();
        let groups = court_list
            .with_fixed_date
            .iter()
            .map(|g| ("WithFixedDate", true, g))
            .enumerate()
            .chain(
                court_list
                    .without_fixed_date
                    .iter()
                    .map(|g| ("WithoutFixedDate", false, g))
                    .enumerate(),
            );
        for (gi, (group_name, fixed, group)) in groups {
            for (fi, fixture) in group.fixture.iter().enumerate() {
                // A fixed date is a day within the window; a floating case
                // may be called on any day of it.
                let date = match (&fixture.fixed_date, fixed) {
                    (Some(d), true) => date_at(
                        list_type,
                        &format!(
                            "/WarnedList/CourtLists/{li}/{group_name}/{gi}/Fixture/{fi}/FixedDate"
                        ),
                        d,
                    )?,
                    _ => meta.start,
                };
                for case in &fixture.cases {
                    let hearing_type = case
                        .hearing
                        .iter()
                        .find_map(|h| {
                            clean(h.hearing_description.as_deref())
                                .or_else(|| clean(h.hearing_type.as_deref()))
                        })
                        .or_else(|| clean(group.hearing_type.as_deref()));
                    out.push(ListedSitting {
                        court: court.clone(),
                        court_id: None,
                        courtroom: None,
                        date,
                        starts_at: None,
                        case_keys: keys(
                            [
                                case.case_number.as_deref(),
                                case.case_number_cath.as_deref(),
                            ]
                            .into_iter()
                            .chain(case.defendants.iter().map(|d| d.urn.as_deref())),
                        ),
                        hearing_type,
                        list_kind: kind,
                        published_at: meta.published_at,
                        version: meta.version.clone(),
                    });
                }
            }
        }
    }
    Ok(ParsedList {
        list_type,
        kind,
        published_at: meta.published_at,
        version: meta.version,
        period: Some((meta.start, meta.end)),
        coverage: Vec::new(),
        coverage_ids: Vec::new(),
        sittings: out,
    })
}

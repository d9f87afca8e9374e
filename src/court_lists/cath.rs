//! The CaTH-style lists: magistrates standard and public lists, the family
//! daily cause list and the civil and family daily cause list. They share
//! one nesting (court house, room, session, sitting, hearing, case) and
//! give `sittingStart` as an instant with its offset.
//!
//! Only the case keys (`caseUrn`, `caseNumber`), the hearing type, the
//! room and the time are read. Parties (`party`, `individualDetails`,
//! `organisationDetails`), offences, applications and judiciary are never
//! read; `caseName` is skipped too, since in family and civil lists it is
//! made of the parties' names.

use std::collections::BTreeSet;

use serde::Deserialize;
use serde_json::Value;

use super::{
    clean, instant_at, keys, room, typed, CourtRef, ListError, ListKind, ListType, ListedSitting,
    ParsedList,
};
use crate::calendar::london_date;

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct Document {
    publication_date: String,
    version: Option<String>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct Venue {
    venue_name: Option<String>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct Case {
    case_urn: Option<String>,
    case_number: Option<String>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct Hearing {
    hearing_type: Option<String>,
    #[serde(default)]
    case: Vec<Case>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct Sitting {
    sitting_start: String,
    #[serde(default)]
    hearing: Vec<Hearing>,
}

#[derive(Deserialize)]
struct Session {
    #[serde(default)]
    sittings: Vec<Sitting>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct Room {
    court_room_name: Option<String>,
    #[serde(default)]
    session: Vec<Session>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct CourtHouse {
    court_house_name: Option<String>,
    #[serde(default)]
    court_room: Vec<Room>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct CourtList {
    court_house: CourtHouse,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct List {
    document: Document,
    venue: Option<Venue>,
    #[serde(default)]
    court_lists: Vec<CourtList>,
}

pub(super) fn parse(list_type: ListType, doc: &Value) -> Result<ParsedList, ListError> {
    let list: List = typed(list_type, doc)?;
    let published_at = instant_at(
        list_type,
        "/document/publicationDate",
        &list.document.publication_date,
    )?;
    let version = clean(list.document.version.as_deref());
    let venue = list
        .venue
        .as_ref()
        .and_then(|v| clean(v.venue_name.as_deref()));
    let mut sittings = Vec::new();
    let mut coverage = BTreeSet::new();
    for (li, court_list) in list.court_lists.iter().enumerate() {
        let house = &court_list.court_house;
        // A court house without a name sits at the venue (HMCTS also sends
        // the location beside the document: see `apply::CourtChoice`).
        let court = CourtRef {
            name: clean(house.court_house_name.as_deref()).or_else(|| venue.clone()),
            code: None,
        };
        for (ri, court_room) in house.court_room.iter().enumerate() {
            let courtroom = room(court_room.court_room_name.as_deref());
            for (si, session) in court_room.session.iter().enumerate() {
                for (ti, sitting) in session.sittings.iter().enumerate() {
                    let path = format!(
                        "/courtLists/{li}/courtHouse/courtRoom/{ri}/session/{si}/sittings/{ti}/sittingStart"
                    );
                    let starts_at = instant_at(list_type, &path, &sitting.sitting_start)?;
                    let date = london_date(starts_at);
                    coverage.insert((court.clone(), date));
                    for hearing in &sitting.hearing {
                        for case in &hearing.case {
                            let case_keys =
                                keys([case.case_urn.as_deref(), case.case_number.as_deref()]);
                            sittings.push(ListedSitting {
                                court: court.clone(),
                                court_id: None,
                                courtroom: courtroom.clone(),
                                date,
                                starts_at: Some(starts_at),
                                case_keys,
                                hearing_type: clean(hearing.hearing_type.as_deref()),
                                list_kind: ListKind::Daily,
                                published_at,
                                version: version.clone(),
                            });
                        }
                    }
                }
            }
        }
    }
    let days: Vec<_> = coverage.iter().map(|(_, d)| *d).collect();
    let period = days.iter().min().copied().zip(days.iter().max().copied());
    Ok(ParsedList {
        list_type,
        kind: ListKind::Daily,
        published_at,
        version,
        period,
        coverage: coverage.into_iter().collect(),
        coverage_ids: Vec::new(),
        sittings,
    })
}

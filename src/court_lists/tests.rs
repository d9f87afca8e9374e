//! Parsers against HMCTS's own samples (read from `../shared`, never
//! copied), our fixtures in `fixtures/court-lists/`, and reconciliation
//! tables.

use std::path::{Path, PathBuf};

use chrono::{DateTime, NaiveDate, TimeZone, Utc};

use super::reconcile::{
    kind_from_text, reconcile, room_key, Change, IgnoreReason, MoveKind, TrackedCase,
    TrackedHearing,
};
use super::*;
use crate::domain::HearingKind;

fn shared() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/court-lists")
}

fn schemas() -> SchemaSet {
    SchemaSet::at(shared().join("schemas"))
}

fn sample(name: &str) -> Vec<u8> {
    std::fs::read(shared().join("samples").join(name)).expect("sample readable")
}

fn fixture(name: &str) -> Vec<u8> {
    std::fs::read(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("fixtures/court-lists")
            .join(name),
    )
    .expect("fixture readable")
}

fn utc(y: i32, m: u32, d: u32, h: u32, min: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(y, m, d, h, min, 0).unwrap()
}

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

/// Every sample HMCTS publishes for these lists: its type, how many
/// sittings (one per case per sitting) it yields, and its kind.
const SAMPLES: &[(&str, ListType, usize, &str)] = &[
    (
        "crownDailyPddaList.json",
        ListType::CrownDailyPddaList,
        3,
        "daily",
    ),
    (
        "crownFirmPddaList.json",
        ListType::CrownFirmPddaList,
        3,
        "firm",
    ),
    (
        "crownWarnedPddaList.json",
        ListType::CrownWarnedPddaList,
        2,
        "warned",
    ),
    (
        "magistratesStandardList.json",
        ListType::MagistratesStandardList,
        3,
        "daily",
    ),
    (
        "magistratesPublicList.json",
        ListType::MagistratesPublicList,
        13,
        "daily",
    ),
    (
        "familyDailyCauseList.json",
        ListType::FamilyDailyCauseList,
        1,
        "daily",
    ),
    (
        "civilAndFamilyDailyCauseList.json",
        ListType::CivilAndFamilyDailyCauseList,
        1,
        "daily",
    ),
];

#[test]
fn every_sample_parses_to_its_sittings_given_or_recognised() {
    let schemas = schemas();
    for (file, list_type, count, kind) in SAMPLES {
        let bytes = sample(file);
        let given = parse_document(&bytes, Some(*list_type), &schemas)
            .unwrap_or_else(|e| panic!("{file}: {e}"));
        assert_eq!(given.list_type, *list_type, "{file}");
        assert_eq!(given.sittings.len(), *count, "{file}");
        assert_eq!(given.kind.as_str(), *kind, "{file}");
        let recognised = parse_document(&bytes, None, &schemas)
            .unwrap_or_else(|e| panic!("{file} (recognised): {e}"));
        assert_eq!(recognised.list_type, *list_type, "{file} recognised");
        assert_eq!(recognised, given, "{file}");
    }
    // The samples directory holds nothing else but the invalid one.
    let mut names: Vec<String> = std::fs::read_dir(shared().join("samples"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    let known: Vec<&str> = SAMPLES.iter().map(|s| s.0).collect();
    for name in names {
        assert!(
            known.contains(&name.as_str()) || name == "magistratesStandardListWithInvalidData.json",
            "a sample without a test: {name}"
        );
    }
}

#[test]
fn crown_daily_sample_gives_local_times_as_instants() {
    let list = parse_document(&sample("crownDailyPddaList.json"), None, &schemas()).unwrap();
    assert_eq!(list.published_at, utc(2025, 9, 9, 10, 0));
    assert_eq!(list.version.as_deref(), Some("1.0"));
    assert_eq!(list.period, Some((day(2025, 9, 10), day(2025, 9, 11))));
    let first = &list.sittings[0];
    assert_eq!(first.date, day(2025, 9, 10));
    // 10:00 in London in September is 09:00 UTC (BST).
    assert_eq!(first.starts_at, Some(utc(2025, 9, 10, 9, 0)));
    assert_eq!(first.courtroom.as_deref(), Some("Court 1"));
    assert_eq!(first.case_keys, vec!["T00112233", "TESTURN"]);
    assert_eq!(first.court.name.as_deref(), Some("TestCourtHouseName"));
    assert_eq!(first.court.code.as_deref(), Some("1234"));
    assert_eq!(
        first.hearing_type.as_deref(),
        Some("TestHearingDescription")
    );
    assert_eq!(first.list_kind, ListKind::Daily);
    assert_eq!(list.sittings[1].starts_at, Some(utc(2025, 9, 10, 13, 0)));
    assert_eq!(list.sittings[1].courtroom.as_deref(), Some("Court 5"));
    assert_eq!(
        list.coverage,
        vec![(
            CourtRef {
                name: Some("TestCourtHouseName".into()),
                code: Some("1234".into())
            },
            day(2025, 9, 10)
        )]
    );
}

#[test]
fn crown_firm_sample_dates_each_court_list() {
    let list = parse_document(&sample("crownFirmPddaList.json"), None, &schemas()).unwrap();
    let dates: Vec<NaiveDate> = list.sittings.iter().map(|s| s.date).collect();
    assert_eq!(
        dates,
        vec![day(2025, 9, 10), day(2025, 9, 11), day(2025, 9, 11)]
    );
    assert_eq!(list.sittings[1].starts_at, Some(utc(2025, 9, 11, 13, 0)));
    assert!(list.coverage.is_empty(), "a firm list is not complete");
}

#[test]
fn crown_warned_sample_carries_its_window() {
    let list = parse_document(&sample("crownWarnedPddaList.json"), None, &schemas()).unwrap();
    let window = ListKind::Warned {
        from: day(2024, 1, 1),
        to: day(2024, 1, 2),
    };
    assert_eq!(list.kind, window);
    assert!(list.sittings.iter().all(|s| s.list_kind == window));
    assert!(list.sittings.iter().all(|s| s.starts_at.is_none()));
    assert_eq!(list.sittings[0].case_keys, vec!["T00112233", "TESTURN"]);
    assert_eq!(list.sittings[0].date, day(2024, 1, 1));
    // A floating case may be called from the window's first day.
    assert_eq!(list.sittings[1].date, day(2024, 1, 1));
    assert_eq!(
        list.sittings[1].hearing_type.as_deref(),
        Some("TestHearingDescription2")
    );
}

#[test]
fn cath_samples_give_instants_rooms_and_case_keys() {
    let schemas = schemas();
    let standard = parse_document(&sample("magistratesStandardList.json"), None, &schemas).unwrap();
    let first = &standard.sittings[0];
    assert_eq!(
        first.starts_at,
        Some("2023-12-13T13:30:52.123Z".parse::<DateTime<Utc>>().unwrap())
    );
    assert_eq!(first.date, day(2023, 12, 13));
    assert_eq!(first.courtroom.as_deref(), Some("Courtroom 1"));
    assert_eq!(first.case_keys, vec!["45684548"]);
    assert_eq!(first.court.name.as_deref(), Some("PRESTON"));
    assert_eq!(first.hearing_type.as_deref(), Some("Hearing Type A"));
    assert_eq!(
        standard.published_at,
        utc(2023, 12, 1, 23, 30) + chrono::Duration::milliseconds(52_123)
    );

    let public = parse_document(&sample("magistratesPublicList.json"), None, &schemas).unwrap();
    assert!(
        public.sittings.iter().any(|s| s.courtroom.is_none()),
        "to be allocated is no room"
    );
    assert!(
        public.sittings.iter().all(|s| s.court.name.is_none()),
        "the public list names no court"
    );

    let family = parse_document(&sample("familyDailyCauseList.json"), None, &schemas).unwrap();
    assert_eq!(family.sittings[0].case_keys, vec!["12341234"]);
    assert_eq!(
        family.version.as_deref(),
        Some("This is a document version")
    );
    assert_eq!(
        family.sittings[0].court.name.as_deref(),
        Some("This is the site name")
    );
}

#[test]
fn the_invalid_magistrates_sample_is_refused_with_paths_and_no_values() {
    let err = parse_document(
        &sample("magistratesStandardListWithInvalidData.json"),
        None,
        &schemas(),
    )
    .unwrap_err();
    let ListError::Invalid {
        list_type,
        violations,
        total,
    } = &err
    else {
        panic!("expected a schema refusal, got {err}");
    };
    assert_eq!(*list_type, ListType::MagistratesStandardList);
    assert!(*total >= 1 && !violations.is_empty());
    let paths: Vec<&str> = violations.iter().map(|v| v.path.as_str()).collect();
    assert!(
        paths
            .iter()
            .any(|p| p.ends_with("/offence/0/offenceWording")),
        "{paths:?}"
    );
    assert!(
        paths.iter().all(|p| p.starts_with("/courtLists/0/")),
        "{paths:?}"
    );
    let text = err.to_string();
    assert!(text.contains("magistrates standard list"), "{text}");
    assert!(
        text.contains("/courtLists/0/courtHouse/courtRoom/0"),
        "{text}"
    );
    for leaked in [
        "</invalid>",
        "driving whilst",
        "Prosecuting Authority Name",
        "PNC",
    ] {
        assert!(
            !text.contains(leaked),
            "the message repeats a value: {text}"
        );
    }
    // And the API form names the same paths as fields.
    let crate::error::AppError::Validation(fields) = crate::error::AppError::from(err.clone())
    else {
        panic!("a validation problem");
    };
    assert_eq!(fields.len(), violations.len());
    assert!(fields[0].field.starts_with("/courtLists/0/"));
}

#[test]
fn unrecognisable_documents_are_refused_clearly() {
    let schemas = schemas();
    for doc in [
        &b"{}"[..],
        b"[]",
        br#"{"document":{},"courtLists":[]}"#,
        b"42",
    ] {
        let err = parse_document(doc, None, &schemas).unwrap_err();
        assert_eq!(err, ListError::Unrecognised);
        assert!(err.to_string().contains("crown_daily_pdda_list"), "{err}");
    }
    assert!(matches!(
        parse_document(b"{\"DailyList\": ", None, &schemas),
        Err(ListError::NotJson(_))
    ));
    // A type that does not fit the document fails its schema.
    let err = parse_document(
        &sample("familyDailyCauseList.json"),
        Some(ListType::CrownDailyPddaList),
        &schemas,
    )
    .unwrap_err();
    assert!(matches!(err, ListError::Invalid { .. }), "{err}");
}

#[test]
fn without_schemas_nothing_is_imported() {
    let missing = SchemaSet::at("/nonexistent/court-list-schemas");
    let err = parse_document(&sample("crownDailyPddaList.json"), None, &missing).unwrap_err();
    assert!(matches!(err, ListError::SchemasUnavailable(_)), "{err}");
    assert!(
        err.to_string().contains("COURTSIDE_COURT_LIST_SCHEMAS"),
        "{err}"
    );
}

#[test]
fn list_type_names_in_every_spelling() {
    for t in ListType::ALL {
        assert_eq!(ListType::from_name(t.as_str()), Some(t));
        assert_eq!(ListType::from_name(&t.as_str().to_uppercase()), Some(t));
        assert_eq!(ListType::from_name(&t.as_str().replace('_', "-")), Some(t));
    }
    assert_eq!(
        ListType::from_name("crownWarnedPddaList"),
        Some(ListType::CrownWarnedPddaList)
    );
    assert_eq!(ListType::from_name("SJP_PUBLIC_LIST"), None);
    assert_eq!(ListType::from_name(""), None);
    assert!("nonsense"
        .parse::<ListType>()
        .unwrap_err()
        .contains("family_daily_cause_list"));
}

#[test]
fn personal_details_never_reach_our_types() {
    let schemas = schemas();
    let mut all = Vec::new();
    for (file, ..) in SAMPLES {
        all.push(format!(
            "{:?}",
            parse_document(&sample(file), None, &schemas).unwrap()
        ));
    }
    for file in [
        "crown-daily-moved.json",
        "crown-daily-absent.json",
        "crown-firm-clock-change.json",
        "crown-warned-window.json",
        "magistrates-standard-confirmed.json",
    ] {
        all.push(format!(
            "{:?}",
            parse_document(&fixture(file), None, &schemas).unwrap()
        ));
    }
    let text = all.join("\n");
    for personal in [
        "TestDefendantSurname",
        "TestDefendantForename",
        "2000-01-01",
        "TestDefendantAddress",
        "TestDefendantPostcode",
        "TestAdvocate",
        "TestJudge",
        "Surname",
        "individualForenames",
        "FIXTURE-SURNAME",
        "FIXTURE-FORENAME",
        "FIXTURE-STREET",
        "1990-01-01",
        "This is a case name",
    ] {
        assert!(!text.contains(personal), "{personal} was read");
    }
}

#[test]
fn a_sitting_at_0130_on_clock_change_days_follows_the_calendar_rule() {
    let list = parse_document(&fixture("crown-firm-clock-change.json"), None, &schemas()).unwrap();
    assert_eq!(list.list_type, ListType::CrownFirmPddaList);
    // 29 March 2026: 01:30 does not exist (01:00 GMT -> 02:00 BST); it is
    // read as 02:30 BST, i.e. 01:30 UTC.
    assert_eq!(list.sittings[0].date, day(2026, 3, 29));
    assert_eq!(list.sittings[0].starts_at, Some(utc(2026, 3, 29, 1, 30)));
    // 25 October 2026: 01:30 happens twice; the earlier (BST) is meant,
    // i.e. 00:30 UTC.
    assert_eq!(list.sittings[1].date, day(2026, 10, 25));
    assert_eq!(list.sittings[1].starts_at, Some(utc(2026, 10, 25, 0, 30)));
    for s in &list.sittings {
        assert_eq!(
            s.starts_at,
            Some(crate::calendar::local_to_utc(
                s.date,
                chrono::NaiveTime::from_hms_opt(1, 30, 0).unwrap()
            ))
        );
    }
}

#[test]
fn fixtures_parse_as_their_cases_need() {
    let schemas = schemas();
    let moved = parse_document(&fixture("crown-daily-moved.json"), None, &schemas).unwrap();
    assert_eq!(moved.sittings.len(), 2);
    assert_eq!(
        moved.sittings[1].case_keys,
        vec!["T20267001", "13AB1234526"]
    );
    assert_eq!(moved.sittings[1].starts_at, Some(utc(2026, 3, 24, 14, 0)));
    let warned = parse_document(&fixture("crown-warned-window.json"), None, &schemas).unwrap();
    assert_eq!(
        warned.kind,
        ListKind::Warned {
            from: day(2026, 4, 13),
            to: day(2026, 4, 17)
        }
    );
    let mags = parse_document(
        &fixture("magistrates-standard-confirmed.json"),
        None,
        &schemas,
    )
    .unwrap();
    assert_eq!(mags.list_type, ListType::MagistratesStandardList);
    assert_eq!(mags.sittings[0].case_keys, vec!["13CD7654321"]);
}

#[test]
fn courts_match_by_code_then_name() {
    let directory = vec![
        DirectoryCourt {
            id: "leeds".into(),
            name: "Leeds Combined Court Centre".into(),
            crown_court_code: None,
        },
        DirectoryCourt {
            id: "mags".into(),
            name: "Leeds Magistrates' Court".into(),
            crown_court_code: None,
        },
        DirectoryCourt {
            id: "cardiff".into(),
            name: "Cardiff Crown Court".into(),
            crown_court_code: Some("0446".into()),
        },
    ];
    let by = |name: Option<&str>, code: Option<&str>| {
        match_court(
            &CourtRef {
                name: name.map(Into::into),
                code: code.map(Into::into),
            },
            &directory,
        )
    };
    assert_eq!(
        by(Some("LEEDS COMBINED COURT CENTRE"), Some("413")),
        Some("leeds".into())
    );
    assert_eq!(
        by(Some("Leeds Magistrates Court"), None),
        Some("mags".into())
    );
    assert_eq!(
        by(Some("Somewhere else"), Some("446")),
        Some("cardiff".into())
    );
    assert_eq!(by(Some("PRESTON"), None), None);
    assert_eq!(by(None, None), None);

    let mut list =
        parse_document(&sample("magistratesStandardList.json"), None, &schemas()).unwrap();
    let unmatched = list.match_courts(&directory, None);
    assert_eq!(
        unmatched,
        vec!["Manchester".to_string(), "PRESTON".to_string()]
    );
    assert!(list.sittings.iter().all(|s| s.court_id.is_none()));
    let unmatched = list.match_courts(&directory, Some("mags"));
    assert!(unmatched.is_empty());
    assert!(list
        .sittings
        .iter()
        .all(|s| s.court_id.as_deref() == Some("mags")));
    assert!(list.coverage_ids.iter().all(|(c, _)| c == "mags"));
    // A court the list names and the directory knows keeps its own match.
    let mut crown = parse_document(&fixture("crown-daily-moved.json"), None, &schemas()).unwrap();
    assert!(crown.match_courts(&directory, Some("mags")).is_empty());
    assert!(crown
        .sittings
        .iter()
        .all(|s| s.court_id.as_deref() == Some("leeds")));
}

#[test]
fn arbitrary_input_never_panics() {
    // A cheap, deterministic fuzz: every sample and fixture cut and
    // corrupted at many places must be refused or read, never panic.
    let schemas = schemas();
    let mut seed: u64 = 0x5eed_c0de;
    let mut next = || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    };
    let mut docs: Vec<Vec<u8>> = SAMPLES.iter().map(|s| sample(s.0)).collect();
    docs.push(fixture("crown-firm-clock-change.json"));
    docs.push(fixture("crown-warned-window.json"));
    let noise: &[&[u8]] = &[
        b"\"",
        b"{",
        b"]",
        b"null",
        b"-1",
        b"\"25:99:00\"",
        b"\"2026-02-30\"",
        b"1e999",
        b"\\u0000",
    ];
    for doc in &docs {
        for _ in 0..40 {
            let mut bytes = doc.clone();
            let at = (next() as usize) % bytes.len();
            match next() % 3 {
                0 => bytes.truncate(at),
                1 => {
                    let n = noise[(next() as usize) % noise.len()];
                    bytes.splice(at..at, n.iter().copied());
                }
                _ => {
                    let end = (at + 1 + (next() as usize) % 20).min(bytes.len());
                    bytes.drain(at..end);
                }
            }
            let given = ListType::ALL[(next() as usize) % ListType::ALL.len()];
            let _ = parse_document(&bytes, None, &schemas);
            let _ = parse_document(&bytes, Some(given), &schemas);
        }
    }
    // Mapping without the schema's protection must not panic either.
    for doc in [
        serde_json::json!({"DailyList": {"ListHeader": {"StartDate": "x", "PublishedTime": "y"}}}),
        serde_json::json!({"WarnedList": {"ListHeader": {"StartDate": "2026-01-01", "EndDate": "2025-01-01", "PublishedTime": "2026-01-01T00:00:00Z"}, "CourtLists": [{"CourtHouse": {}, "WithFixedDate": [{"Fixture": [{"FixedDate": "nope", "Cases": [{}]}]}]}]}}),
        serde_json::json!({"document": {"publicationDate": "2026-01-01T00:00:00Z"}, "courtLists": [{"courtHouse": {"courtRoom": [{"session": [{"sittings": [{"sittingStart": "soon"}]}]}]}}]}),
    ] {
        for t in ListType::ALL {
            let _ = map_document(t, &doc);
        }
    }
}

// --- Reconciliation tables ---------------------------------------------

const LEEDS: &str = "court-leeds";
const MAGS: &str = "court-mags";

fn now() -> DateTime<Utc> {
    // Friday 20 March 2026, 12:00 UTC, as in the HTTP tests.
    utc(2026, 3, 20, 12, 0)
}

fn sitting(
    court: Option<&str>,
    room: Option<&str>,
    at: DateTime<Utc>,
    key: &str,
    hearing_type: Option<&str>,
    kind: ListKind,
) -> ListedSitting {
    ListedSitting {
        court: CourtRef {
            name: court.map(|c| c.to_string()),
            code: None,
        },
        court_id: court.map(str::to_string),
        courtroom: room.map(str::to_string),
        date: crate::calendar::london_date(at),
        starts_at: Some(at),
        case_keys: vec![crate::resources::normalise_case_key(key)],
        hearing_type: hearing_type.map(str::to_string),
        list_kind: kind,
        published_at: utc(2026, 3, 20, 11, 0),
        version: Some("1".into()),
    }
}

fn list_of(
    kind: ListKind,
    sittings: Vec<ListedSitting>,
    covers: &[(&str, NaiveDate)],
) -> ParsedList {
    ParsedList {
        list_type: match kind {
            ListKind::Daily => ListType::CrownDailyPddaList,
            ListKind::Firm => ListType::CrownFirmPddaList,
            ListKind::Warned { .. } => ListType::CrownWarnedPddaList,
        },
        kind,
        published_at: utc(2026, 3, 20, 11, 0),
        version: Some("1".into()),
        period: None,
        coverage: Vec::new(),
        coverage_ids: covers.iter().map(|(c, d)| (c.to_string(), *d)).collect(),
        sittings,
    }
}

fn case(id: &str, keys: &[&str]) -> TrackedCase {
    TrackedCase {
        case_id: id.into(),
        keys: keys.iter().map(|k| k.to_string()).collect(),
    }
}

fn hearing(
    id: &str,
    case: &str,
    kind: HearingKind,
    court: &str,
    room: Option<&str>,
    at: DateTime<Utc>,
) -> TrackedHearing {
    TrackedHearing {
        hearing_id: id.into(),
        case_id: case.into(),
        kind,
        court_id: court.into(),
        courtroom: room.map(str::to_string),
        starts_at: at,
    }
}

/// The demo's first case: a PTPH on Monday 23 March at 10:00 (GMT) in
/// Court 4 and a trial on Monday 13 April at 10:00 (BST) in Court 2.
fn demo() -> (Vec<TrackedCase>, Vec<TrackedHearing>) {
    (
        vec![case("c1", &["13AB1234526"]), case("c2", &["13CD7654321"])],
        vec![
            hearing(
                "ptph",
                "c1",
                HearingKind::PleaAndTrialPreparation,
                LEEDS,
                Some("Court 4"),
                utc(2026, 3, 23, 10, 0),
            ),
            hearing(
                "trial",
                "c1",
                HearingKind::Trial,
                LEEDS,
                Some("Court 2"),
                utc(2026, 4, 13, 9, 0),
            ),
            hearing(
                "mags-trial",
                "c2",
                HearingKind::Trial,
                MAGS,
                Some("Court 7"),
                utc(2026, 3, 30, 8, 30),
            ),
        ],
    )
}

const DAILY: ListKind = ListKind::Daily;
const FIRM: ListKind = ListKind::Firm;

#[test]
fn reconciliation_table() {
    let (cases, hearings) = demo();
    let mon = day(2026, 3, 23);
    let tue = day(2026, 3, 24);
    struct Row {
        name: &'static str,
        list: ParsedList,
        want: Vec<Change>,
    }
    let moved =
        |id: &str, sitting, what, from, to, court: &str, room: Option<&str>| Change::Moved {
            hearing_id: id.into(),
            sitting,
            what,
            from,
            to,
            court_id: court.into(),
            courtroom: room.map(str::to_string),
        };
    let ptph_at = utc(2026, 3, 23, 10, 0);
    // One sitting of the tracked case in Monday's daily list for Leeds.
    let leeds_monday = |room: Option<&str>, at, hearing_type: Option<&str>| {
        list_of(
            DAILY,
            vec![sitting(
                Some(LEEDS),
                room,
                at,
                "13AB1234526",
                hearing_type,
                DAILY,
            )],
            &[(LEEDS, mon)],
        )
    };
    // The tracked PTPH, moved from its time to another place or time.
    let ptph_moved = |what, to, court: &str, room: Option<&str>| {
        vec![moved("ptph", 0, what, ptph_at, to, court, room)]
    };
    let rows = vec![
        Row {
            name: "same case, court and time: confirmed",
            list: leeds_monday(Some("Courtroom 4"), ptph_at, Some("PTPH")),
            want: vec![Change::Confirmed {
                hearing_id: "ptph".into(),
                sitting: 0,
                fill_room: None,
            }],
        },
        Row {
            name: "later the same day: moved (time)",
            list: leeds_monday(Some("Court 4"), utc(2026, 3, 23, 14, 0), None),
            want: ptph_moved(
                MoveKind::Time,
                utc(2026, 3, 23, 14, 0),
                LEEDS,
                Some("Court 4"),
            ),
        },
        Row {
            name: "earlier the same day: moved (time)",
            list: leeds_monday(None, utc(2026, 3, 23, 9, 30), None),
            want: ptph_moved(
                MoveKind::Time,
                utc(2026, 3, 23, 9, 30),
                LEEDS,
                Some("Court 4"),
            ),
        },
        Row {
            name: "another room: moved (room)",
            list: leeds_monday(Some("Court 9"), ptph_at, None),
            want: ptph_moved(MoveKind::Room, ptph_at, LEEDS, Some("Court 9")),
        },
        Row {
            name: "another day, hearing type fits one hearing: moved (day)",
            list: list_of(
                DAILY,
                vec![sitting(
                    Some(LEEDS),
                    Some("Court 5"),
                    utc(2026, 3, 24, 14, 0),
                    "13ab 1234526",
                    Some("Plea and Trial Preparation Hearing"),
                    DAILY,
                )],
                &[(LEEDS, tue)],
            ),
            want: ptph_moved(
                MoveKind::Day,
                utc(2026, 3, 24, 14, 0),
                LEEDS,
                Some("Court 5"),
            ),
        },
        Row {
            name: "another day, type fits no hearing: new (suggested)",
            list: list_of(
                DAILY,
                vec![sitting(
                    Some(LEEDS),
                    Some("Court 5"),
                    utc(2026, 3, 24, 14, 0),
                    "13AB1234526",
                    Some("Mention"),
                    DAILY,
                )],
                &[(LEEDS, tue)],
            ),
            want: vec![Change::New {
                case_id: "c1".into(),
                sitting: 0,
            }],
        },
        Row {
            name: "another day, type unknown and two hearings could be it: new",
            list: list_of(
                FIRM,
                vec![sitting(
                    Some(LEEDS),
                    None,
                    utc(2026, 3, 25, 10, 0),
                    "13AB1234526",
                    Some("XYZ"),
                    FIRM,
                )],
                &[],
            ),
            want: vec![Change::New {
                case_id: "c1".into(),
                sitting: 0,
            }],
        },
        Row {
            name: "another court: moved (court)",
            list: list_of(
                FIRM,
                vec![sitting(
                    Some(MAGS),
                    Some("Court 1"),
                    utc(2026, 4, 14, 9, 0),
                    "13AB1234526",
                    Some("Trial"),
                    FIRM,
                )],
                &[],
            ),
            want: vec![moved(
                "trial",
                0,
                MoveKind::Court,
                utc(2026, 4, 13, 9, 0),
                utc(2026, 4, 14, 9, 0),
                MAGS,
                Some("Court 1"),
            )],
        },
        Row {
            name: "missing from the daily list for its court and day: absent",
            list: list_of(
                DAILY,
                vec![sitting(
                    Some(LEEDS),
                    Some("Court 4"),
                    ptph_at,
                    "99ZZ0000001",
                    None,
                    DAILY,
                )],
                &[(LEEDS, mon)],
            ),
            want: vec![
                Change::Ignored {
                    sitting: 0,
                    reason: IgnoreReason::Untracked,
                },
                Change::Absent {
                    hearing_id: "ptph".into(),
                    court_id: LEEDS.into(),
                    date: mon,
                },
            ],
        },
        Row {
            name: "a firm list says nothing of what it omits",
            list: list_of(FIRM, vec![], &[]),
            want: vec![],
        },
        Row {
            name: "moved away from a covered day is not also absent",
            list: leeds_monday(None, utc(2026, 3, 23, 15, 0), None),
            want: ptph_moved(
                MoveKind::Time,
                utc(2026, 3, 23, 15, 0),
                LEEDS,
                Some("Court 4"),
            ),
        },
        Row {
            name: "a court missing from the directory: ignored, not an error",
            list: list_of(
                DAILY,
                vec![sitting(None, None, ptph_at, "13AB1234526", None, DAILY)],
                &[],
            ),
            want: vec![Change::Ignored {
                sitting: 0,
                reason: IgnoreReason::UnmatchedCourt,
            }],
        },
        Row {
            name: "a sitting already past: ignored",
            list: list_of(
                DAILY,
                vec![sitting(
                    Some(LEEDS),
                    None,
                    utc(2026, 3, 19, 10, 0),
                    "13AB1234526",
                    None,
                    DAILY,
                )],
                &[],
            ),
            want: vec![Change::Ignored {
                sitting: 0,
                reason: IgnoreReason::Past,
            }],
        },
        Row {
            name: "a move to earlier today, already past: not made",
            list: list_of(
                DAILY,
                vec![sitting(
                    Some(MAGS),
                    None,
                    utc(2026, 3, 20, 9, 0),
                    "13CD7654321",
                    Some("Trial"),
                    DAILY,
                )],
                &[],
            ),
            want: vec![Change::Ignored {
                sitting: 0,
                reason: IgnoreReason::Past,
            }],
        },
        Row {
            name: "the same room written differently: confirmed",
            list: list_of(
                DAILY,
                vec![sitting(
                    Some(MAGS),
                    Some("Courtroom 7"),
                    utc(2026, 3, 30, 8, 30),
                    "13CD7654321",
                    None,
                    DAILY,
                )],
                &[],
            ),
            want: vec![Change::Confirmed {
                hearing_id: "mags-trial".into(),
                sitting: 0,
                fill_room: None,
            }],
        },
    ];
    for row in rows {
        let got = reconcile(&row.list, &cases, &hearings, now());
        assert_eq!(got, row.want, "{}", row.name);
    }
}

#[test]
fn a_room_is_filled_in_when_the_hearing_had_none() {
    let cases = vec![case("c3", &["LS26P00123"])];
    let at = utc(2026, 3, 25, 14, 0);
    let hearings = vec![hearing(
        "fhdra",
        "c3",
        HearingKind::FirstHearingDisputeResolution,
        LEEDS,
        None,
        at,
    )];
    let list = list_of(
        DAILY,
        vec![sitting(
            Some(LEEDS),
            Some("Courtroom 12"),
            at,
            "LS26P00123",
            Some("FHDRA1 (First Hearing and Dispute Resolution Appointment)"),
            DAILY,
        )],
        &[(LEEDS, day(2026, 3, 25))],
    );
    assert_eq!(
        reconcile(&list, &cases, &hearings, now()),
        vec![Change::Confirmed {
            hearing_id: "fhdra".into(),
            sitting: 0,
            fill_room: Some("Courtroom 12".into())
        }]
    );
}

#[test]
fn warned_then_fixed() {
    let (cases, hearings) = demo();
    let window = ListKind::Warned {
        from: day(2026, 4, 13),
        to: day(2026, 4, 17),
    };
    let mut warned = sitting(
        Some(LEEDS),
        None,
        utc(2026, 4, 13, 0, 0),
        "13AB1234526",
        Some("Trial"),
        window,
    );
    warned.starts_at = None;
    warned.date = day(2026, 4, 13);
    let list = list_of(window, vec![warned.clone()], &[]);
    assert_eq!(
        reconcile(&list, &cases, &hearings, now()),
        vec![Change::Warned {
            case_id: "c1".into(),
            hearing_id: Some("trial".into()),
            sitting: 0,
            from: day(2026, 4, 13),
            to: day(2026, 4, 17)
        }]
    );
    // With no type to tell the PTPH from the trial, the case is warned but
    // no hearing is named.
    warned.hearing_type = None;
    let list = list_of(window, vec![warned], &[]);
    assert!(matches!(
        &reconcile(&list, &cases, &hearings, now())[..],
        [Change::Warned {
            hearing_id: None,
            ..
        }]
    ));
    // Later a firm list fixes the trial for Wednesday 15 April, 10:00 BST.
    let firm = list_of(
        FIRM,
        vec![sitting(
            Some(LEEDS),
            Some("Court 2"),
            utc(2026, 4, 15, 9, 0),
            "13AB1234526",
            Some("Trial"),
            FIRM,
        )],
        &[],
    );
    assert_eq!(
        reconcile(&firm, &cases, &hearings, now()),
        vec![Change::Moved {
            hearing_id: "trial".into(),
            sitting: 0,
            what: MoveKind::Day,
            from: utc(2026, 4, 13, 9, 0),
            to: utc(2026, 4, 15, 9, 0),
            court_id: LEEDS.into(),
            courtroom: Some("Court 2".into()),
        }]
    );
}

#[test]
fn a_day_only_listing_keeps_the_wall_clock_time() {
    let (cases, hearings) = demo();
    let mut s = sitting(
        Some(LEEDS),
        None,
        utc(2026, 4, 14, 9, 0),
        "13AB1234526",
        Some("Trial"),
        FIRM,
    );
    s.starts_at = None;
    let list = list_of(FIRM, vec![s.clone()], &[]);
    // 10:00 BST on Tuesday 14 April, as the trial was at 10:00 on the 13th.
    assert!(matches!(
        &reconcile(&list, &cases, &hearings, now())[..],
        [Change::Moved { to, what: MoveKind::Day, .. }] if *to == utc(2026, 4, 14, 9, 0)
    ));
    // The same day without a time confirms the day.
    s.date = day(2026, 4, 13);
    let list = list_of(FIRM, vec![s], &[]);
    assert!(matches!(
        &reconcile(&list, &cases, &hearings, now())[..],
        [Change::Confirmed { hearing_id, .. }] if hearing_id == "trial"
    ));
}

#[test]
fn reconciling_a_clock_change_day() {
    // A hearing tracked at 01:30 UTC on Sunday 29 March (02:30 BST); a list
    // giving 01:30 local on that day means the same instant, so it is
    // confirmed, not moved.
    let cases = vec![case("c4", &["62EF1111111"])];
    let hearings = vec![hearing(
        "h4",
        "c4",
        HearingKind::Trial,
        "cardiff",
        Some("Court 2"),
        utc(2026, 3, 29, 1, 30),
    )];
    let mut list =
        parse_document(&fixture("crown-firm-clock-change.json"), None, &schemas()).unwrap();
    let directory = vec![DirectoryCourt {
        id: "cardiff".into(),
        name: "Cardiff Crown Court".into(),
        crown_court_code: None,
    }];
    assert!(list.match_courts(&directory, None).is_empty());
    assert_eq!(
        reconcile(&list, &cases, &hearings, now()),
        vec![
            Change::Confirmed {
                hearing_id: "h4".into(),
                sitting: 0,
                fill_room: None
            },
            Change::Ignored {
                sitting: 1,
                reason: IgnoreReason::Untracked
            },
        ]
    );
    // Tracked at 01:30 GMT (the wall-clock reading) instead, it is a move
    // to the documented instant.
    let hearings = vec![hearing(
        "h4",
        "c4",
        HearingKind::Trial,
        "cardiff",
        Some("Court 2"),
        utc(2026, 3, 29, 0, 30),
    )];
    assert!(matches!(
        &reconcile(&list, &cases, &hearings, now())[..],
        [Change::Moved { what: MoveKind::Time, to, .. }, _] if *to == utc(2026, 3, 29, 1, 30)
    ));
}

#[test]
fn two_cases_with_one_urn_are_both_reconciled() {
    // Two victims of one defendant: two Courtside cases share the URN.
    let cases = vec![case("a", &["13AB1234526"]), case("b", &["13AB1234526"])];
    let at = utc(2026, 3, 23, 10, 0);
    let hearings = vec![
        hearing("ha", "a", HearingKind::Trial, LEEDS, None, at),
        hearing("hb", "b", HearingKind::Trial, LEEDS, None, at),
    ];
    let list = list_of(
        DAILY,
        vec![sitting(Some(LEEDS), None, at, "13AB1234526", None, DAILY)],
        &[(LEEDS, day(2026, 3, 23))],
    );
    let got = reconcile(&list, &cases, &hearings, now());
    assert_eq!(got.len(), 2);
    assert!(got.iter().all(|c| matches!(c, Change::Confirmed { .. })));
}

#[test]
fn hearing_types_and_rooms_are_read_loosely() {
    assert_eq!(kind_from_text("Trial"), Some(HearingKind::Trial));
    assert_eq!(kind_from_text("TRL"), Some(HearingKind::Trial));
    assert_eq!(
        kind_from_text("Plea and Trial Preparation Hearing"),
        Some(HearingKind::PleaAndTrialPreparation)
    );
    assert_eq!(kind_from_text("Sentence"), Some(HearingKind::Sentencing));
    assert_eq!(
        kind_from_text("FHDRA1 (First Hearing and Dispute Resolution Appointment)"),
        Some(HearingKind::FirstHearingDisputeResolution)
    );
    assert_eq!(kind_from_text("Hearing Type A"), None);
    assert_eq!(room_key("Court 4"), room_key("Courtroom 4"));
    assert_eq!(room_key("COURT ROOM 4"), room_key("4"));
    assert_ne!(room_key("Court 4"), room_key("Court 14"));
}

// --- The embedded formats alone (a fresh install) -----------------------

#[test]
fn the_built_in_formats_alone_read_every_sample_as_the_published_schemas_do() {
    let built_in = SchemaSet::embedded();
    assert!(built_in.dir().is_none());
    let published = schemas();
    for (file, list_type, _, _) in SAMPLES {
        let bytes = sample(file);
        let alone =
            parse_document(&bytes, None, &built_in).unwrap_or_else(|e| panic!("{file}: {e}"));
        assert_eq!(alone.list_type, *list_type, "{file}");
        assert_eq!(
            alone,
            parse_document(&bytes, None, &published).unwrap(),
            "{file}"
        );
        // Read as any other type, the built-in formats and the published
        // schemas agree on whether it is refused.
        for other in ListType::ALL.into_iter().filter(|t| t != list_type) {
            let ours = parse_document(&bytes, Some(other), &built_in).is_ok();
            let theirs = parse_document(&bytes, Some(other), &published).is_ok();
            assert_eq!(ours, theirs, "{file} read as {other}");
        }
    }
}

#[test]
fn the_built_in_formats_refuse_the_invalid_sample_in_words() {
    let err = parse_document(
        &sample("magistratesStandardListWithInvalidData.json"),
        None,
        &SchemaSet::embedded(),
    )
    .unwrap_err();
    let ListError::Invalid { violations, .. } = &err else {
        panic!("expected a refusal, got {err}");
    };
    // The three closing tags the sample hides in free wording.
    let places: Vec<&str> = violations.iter().map(|v| v.place.as_str()).collect();
    assert_eq!(violations.len(), 3, "{places:?}");
    assert!(places.contains(
        &"court list 1 › court house › court room 1 › session 1 › sitting 1 › hearing 1 › case 1 › party 2 › offence 1 › offence wording"
    ), "{places:?}");
    for v in violations {
        assert!(v.path.starts_with("/courtLists/0/"), "{v:?}");
        assert!(!v.place.contains('/'), "a place in words: {v:?}");
        assert!(
            v.message.contains("closing or self-contained markup tag"),
            "{v:?}"
        );
        assert!(
            !v.message.contains("^(?") && !v.message.contains("invalid"),
            "{v:?}"
        );
    }
}

#[test]
fn each_kind_of_mistake_is_named_in_words() {
    let mut doc: serde_json::Value =
        serde_json::from_slice(&sample("crownDailyPddaList.json")).unwrap();
    doc["DailyList"]["ListHeader"]["StartDate"] = "10/09/2025".into();
    doc["DailyList"]["CourtLists"][0]["Sittings"][0]["SittingAt"] = "ten o'clock".into();
    doc["DailyList"]["CourtLists"][0]["Sittings"][0]["CourtRoomNumber"] = "five".into();
    doc["DailyList"]["CourtLists"][0]["CourtHouse"]["CourtHouseType"] = "Castle".into();
    doc["DailyList"]["CrownCourt"]
        .as_object_mut()
        .unwrap()
        .remove("CourtHouseName");
    let err = parse_document(
        &serde_json::to_vec(&doc).unwrap(),
        None,
        &SchemaSet::embedded(),
    )
    .unwrap_err();
    let ListError::Invalid { violations, .. } = &err else {
        panic!("expected a refusal, got {err}");
    };
    let seen: Vec<String> = violations
        .iter()
        .map(|v| format!("{} {}", v.place, v.message))
        .collect();
    assert_eq!(
        seen,
        vec![
            "daily list › list header › start date should be a date written year-month-day, such as 2026-03-14",
            "daily list › crown court › court house name is missing; the published format requires it",
            "daily list › court list 1 › court house › court house type should be one of: Crown Court, Magistrates Court, Youth Court",
            "daily list › court list 1 › sitting 1 › court room number should be a whole number",
            "daily list › court list 1 › sitting 1 › sitting at should be a time of day written hours:minutes:seconds, such as 10:00:00",
        ]
    );
    // The same as the API's problem: the pointer as the field, words as
    // the message.
    let crate::error::AppError::Validation(fields) = crate::error::AppError::from(err) else {
        panic!("a validation problem");
    };
    assert_eq!(fields[0].field, "/DailyList/ListHeader/StartDate");
    assert!(fields[0]
        .message
        .starts_with("daily list › list header › start date should be"));
}

//! Courtside's court-list readers against HMCTS's own published samples
//! and schemas, read from `../shared/court-lists` (tests may read them; the
//! product carries its own description of each format and never does).

use std::path::{Path, PathBuf};

use chrono::{DateTime, NaiveDate, TimeZone, Utc};
use courtside::court_lists::*;

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
    let courtside::error::AppError::Validation(fields) =
        courtside::error::AppError::from(err.clone())
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
            Some(courtside::calendar::local_to_utc(
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
    let courtside::error::AppError::Validation(fields) = courtside::error::AppError::from(err)
    else {
        panic!("a validation problem");
    };
    assert_eq!(fields[0].field, "/DailyList/ListHeader/StartDate");
    assert!(fields[0]
        .message
        .starts_with("daily list › list header › start date should be"));
}

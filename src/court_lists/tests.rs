//! Our fixtures in `fixtures/court-lists/` against the formats carried in
//! the binary, and the reconciliation tables. (HMCTS's own samples are read
//! by `tests/court_list_samples.rs`, outside the product.)

use std::path::Path;

use chrono::{DateTime, NaiveDate, TimeZone, Utc};

use super::reconcile::{
    kind_from_text, reconcile, room_key, Change, IgnoreReason, MoveKind, TrackedCase,
    TrackedHearing,
};
use super::*;
use crate::domain::HearingKind;

fn schemas() -> SchemaSet {
    SchemaSet::embedded()
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

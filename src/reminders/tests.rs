//! Reminder instants across the 2026 and 2027 clock changes and bank
//! holidays, what is left out, the rules' validation, and the notices a
//! plan gains.

use super::*;
use crate::domain::{ConsentScope, HearingStatus};
use crate::flows::testkit;
use crate::flows::{
    self, Basis, ConsentRecord, DisclosureCategory, Event, EventKind, FlowContext, Plan, Recipient,
    Warning,
};
use crate::rules::RulesTable;
use chrono::NaiveTime;

use crate::flows::testkit::{d, holidays, rules, t};

fn hearing_at(start: DateTime<Utc>) -> Upcoming {
    Upcoming::Hearing(UpcomingHearing {
        id: "H1".into(),
        start,
        court_name: "Leeds Crown Court".into(),
        kind: HearingKind::Trial,
        warned_until: None,
        case_reference: "13AA1234526".into(),
        victim_reference: "VR-0001".into(),
    })
}

fn visit_at(start: DateTime<Utc>) -> Upcoming {
    Upcoming::Visit(UpcomingVisit {
        id: "PV1".into(),
        start,
        court_name: "Leeds Crown Court".into(),
        case_reference: "13AA1234526".into(),
        victim_reference: "VR-0001".into(),
    })
}

/// The London wall-clock start of a hearing or visit.
fn london(s: &str) -> DateTime<Utc> {
    let local = chrono::NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M").expect("local time");
    calendar::local_datetime_to_utc(local)
}

/// A reminder instant as London time with its offset, as the API shows it.
fn shown(at: DateTime<Utc>) -> String {
    calendar::to_london(at).to_rfc3339()
}

/// Long before any case here.
const EARLY: &str = "2025-06-01T00:00:00Z";

/// The shipped defaults, for hearings and visits alike: (London start,
/// [7 calendar days before 09:00, 2 working days before 09:00, calendar day
/// before 08:00]), each shown in London time with its offset.
const DEFAULTS: &[(&str, [&str; 3])] = &[
    // Monday after the spring 2026 change: the week and the working days
    // are counted in GMT, the day before is the change Sunday, in BST.
    (
        "2026-03-30 10:00",
        [
            "2026-03-23T09:00:00+00:00",
            "2026-03-26T09:00:00+00:00",
            "2026-03-29T08:00:00+01:00",
        ],
    ),
    // Tuesday after the spring 2026 change: the day before is in BST too.
    (
        "2026-03-31 10:00",
        [
            "2026-03-24T09:00:00+00:00",
            "2026-03-27T09:00:00+00:00",
            "2026-03-30T08:00:00+01:00",
        ],
    ),
    // Good Friday and Easter Monday 2026 (3 and 6 April) are skipped.
    (
        "2026-04-07 10:00",
        [
            "2026-03-31T09:00:00+01:00",
            "2026-04-01T09:00:00+01:00",
            "2026-04-06T08:00:00+01:00",
        ],
    ),
    // Monday after the autumn 2026 change: before it in BST, the Sunday in GMT.
    (
        "2026-10-26 10:00",
        [
            "2026-10-19T09:00:00+01:00",
            "2026-10-22T09:00:00+01:00",
            "2026-10-25T08:00:00+00:00",
        ],
    ),
    // Christmas 2026: 25 and 28 December are bank holidays; the day
    // before is Boxing Day Monday (28th) all the same.
    (
        "2026-12-29 10:00",
        [
            "2026-12-22T09:00:00+00:00",
            "2026-12-23T09:00:00+00:00",
            "2026-12-28T08:00:00+00:00",
        ],
    ),
    // New Year 2027: 1 January is skipped; the week before is a bank
    // holiday (28 December), which a calendar-day reminder keeps.
    (
        "2027-01-04 10:00",
        [
            "2026-12-28T09:00:00+00:00",
            "2026-12-30T09:00:00+00:00",
            "2027-01-03T08:00:00+00:00",
        ],
    ),
    // Easter 2027 (Good Friday 26, Easter Monday 29 March) in the week the
    // clocks go forward (28 March): two working days before Tuesday 30 is
    // Wednesday 24, in GMT; the day before is Easter Monday, in BST.
    (
        "2027-03-30 10:00",
        [
            "2027-03-23T09:00:00+00:00",
            "2027-03-24T09:00:00+00:00",
            "2027-03-29T08:00:00+01:00",
        ],
    ),
    // Thursday after Easter 2027: the working days fall after the change.
    (
        "2027-04-01 14:30",
        [
            "2027-03-25T09:00:00+00:00",
            "2027-03-30T09:00:00+01:00",
            "2027-03-31T08:00:00+01:00",
        ],
    ),
    // Monday after the autumn 2027 change (31 October).
    (
        "2027-11-01 10:00",
        [
            "2027-10-25T09:00:00+01:00",
            "2027-10-28T09:00:00+01:00",
            "2027-10-31T08:00:00+00:00",
        ],
    ),
    // 00:30 BST on Tuesday 14 July is still 13 July in UTC: the days are
    // counted from the London date.
    (
        "2026-07-14 00:30",
        [
            "2026-07-07T09:00:00+01:00",
            "2026-07-10T09:00:00+01:00",
            "2026-07-13T08:00:00+01:00",
        ],
    ),
    // A Monday in deep summer and one in deep winter.
    (
        "2026-07-13 09:30",
        [
            "2026-07-06T09:00:00+01:00",
            "2026-07-09T09:00:00+01:00",
            "2026-07-12T08:00:00+01:00",
        ],
    ),
    (
        "2027-02-08 09:30",
        [
            "2027-02-01T09:00:00+00:00",
            "2027-02-04T09:00:00+00:00",
            "2027-02-07T08:00:00+00:00",
        ],
    ),
];

#[test]
fn default_reminders_fall_at_london_wall_clock_times() {
    let rules = rules();
    for (start, expected) in DEFAULTS {
        for upcoming in [hearing_at(london(start)), visit_at(london(start))] {
            let got = schedule(&upcoming, &rules.reminders, &holidays(), t(EARLY));
            let at: Vec<String> = got.iter().map(|r| shown(r.at)).collect();
            assert_eq!(at, expected, "{:?} at {start}", upcoming.of());
            let names: Vec<&str> = got.iter().map(|r| r.rule.as_str()).collect();
            assert_eq!(
                names,
                ["seven_days_before", "two_working_days_before", "day_before"],
                "{start}"
            );
            let labels: Vec<&str> = got.iter().map(|r| r.label.as_str()).collect();
            assert_eq!(labels, ["in_7_days", "in_2_working_days", "tomorrow"]);
        }
    }
}

#[test]
fn working_day_reminders_never_land_on_a_weekend_or_bank_holiday() {
    let rules = rules();
    let h = holidays();
    let mut day = d("2026-01-05");
    while day < d("2027-12-31") {
        let start = calendar::local_to_utc(day, NaiveTime::from_hms_opt(10, 0, 0).unwrap());
        let got = schedule(&hearing_at(start), &rules.reminders, &h, t(EARLY));
        let working = got
            .iter()
            .find(|r| r.rule == "two_working_days_before")
            .unwrap_or_else(|| panic!("{day}"));
        let on = calendar::london_date(working.at);
        assert!(h.is_working_day(on), "{day}: {on}");
        // Two working days back: the working days after it, up to the
        // hearing's day, are the one between and the day itself if it is
        // a working day.
        let between = if h.is_working_day(day) { 2 } else { 1 };
        assert_eq!(h.working_days_between(on, day), between, "{day}: {on}");
        let local = calendar::to_london(working.at).time();
        assert_eq!(local, NaiveTime::from_hms_opt(9, 0, 0).unwrap(), "{day}");
        day = day.succ_opt().unwrap();
    }
}

/// (London start, planning instant, reminders expected by rule name)
const LEFT_OUT: &[(&str, &str, &[&str])] = &[
    // Listed far ahead: all three.
    (
        "2026-03-30 10:00",
        "2026-03-20T12:00:00Z",
        &["seven_days_before", "two_working_days_before", "day_before"],
    ),
    // Listed after the week-before reminder's moment.
    (
        "2026-03-30 10:00",
        "2026-03-23T09:00:01Z",
        &["two_working_days_before", "day_before"],
    ),
    // Listed at the very instant of a reminder: it is not in the future.
    (
        "2026-03-30 10:00",
        "2026-03-23T09:00:00Z",
        &["two_working_days_before", "day_before"],
    ),
    // A second before: still to come.
    (
        "2026-03-30 10:00",
        "2026-03-23T08:59:59Z",
        &["seven_days_before", "two_working_days_before", "day_before"],
    ),
    // Listed the Friday before a Monday hearing: only the day before.
    ("2026-03-30 10:00", "2026-03-27T16:00:00Z", &["day_before"]),
    // 08:00 BST on the change Sunday is 07:00 UTC.
    ("2026-03-30 10:00", "2026-03-29T06:59:00Z", &["day_before"]),
    ("2026-03-30 10:00", "2026-03-29T07:00:00Z", &[]),
    // Listed on the day, or after the start.
    ("2026-03-30 10:00", "2026-03-30T08:00:00Z", &[]),
    ("2026-03-30 10:00", "2026-03-31T08:00:00Z", &[]),
];

#[test]
fn past_reminders_are_left_out() {
    let rules = rules();
    for (start, now, expected) in LEFT_OUT {
        let got = schedule(
            &hearing_at(london(start)),
            &rules.reminders,
            &holidays(),
            t(now),
        );
        let names: Vec<&str> = got.iter().map(|r| r.rule.as_str()).collect();
        assert_eq!(names, *expected, "{start} planned at {now}");
        assert!(got.iter().all(|r| r.at > t(now)));
    }
}

fn rule(name: &str, days: i64, unit: DayUnit, time: &str, of: &[ReminderOf]) -> ReminderRule {
    ReminderRule {
        name: name.into(),
        days_before: days,
        unit,
        local_time: NaiveTime::parse_from_str(time, "%H:%M").unwrap(),
        of: of.to_vec(),
    }
}

fn custom(rules: Vec<ReminderRule>) -> ReminderRules {
    ReminderRules {
        citation: "test".into(),
        supporter: rules,
    }
}

const BOTH: &[ReminderOf] = &[ReminderOf::Hearing, ReminderOf::PreTrialVisit];

#[test]
fn a_reminder_not_before_the_start_is_never_produced() {
    use DayUnit::*;
    // "08:00 on the day" against hearings at various times that day.
    let on_the_day = custom(vec![rule("on_the_day", 0, CalendarDays, "08:00", BOTH)]);
    let table = [
        ("2026-03-30 10:00", true),
        ("2026-03-30 08:01", true),
        ("2026-03-30 08:00", false),
        ("2026-03-30 07:30", false),
        // On the spring change day 08:00 BST is 07:00 UTC.
        ("2026-03-29 07:30", false),
        ("2026-03-29 08:30", true),
        // On the autumn change day the hearing at 01:30 (BST, the first
        // one) is long before 08:00.
        ("2026-10-25 01:30", false),
    ];
    for (start, produced) in table {
        for upcoming in [hearing_at(london(start)), visit_at(london(start))] {
            let got = schedule(&upcoming, &on_the_day, &holidays(), t(EARLY));
            assert_eq!(!got.is_empty(), produced, "{start}");
            assert!(got.iter().all(|r| r.at < upcoming.start()), "{start}");
        }
    }
}

#[test]
fn reminders_at_times_that_do_not_exist_or_happen_twice_follow_the_calendar_rule() {
    use DayUnit::*;
    let at_half_one = custom(vec![rule("night_before", 1, CalendarDays, "01:30", BOTH)]);
    let table = [
        // 01:30 on 29 March 2026 does not exist: 02:30 BST (01:30 UTC).
        ("2026-03-30 10:00", "2026-03-29T01:30:00Z"),
        ("2027-03-29 10:00", "2027-03-28T01:30:00Z"),
        // 01:30 on 25 October 2026 happens twice: the first (BST).
        ("2026-10-26 10:00", "2026-10-25T00:30:00Z"),
        ("2027-11-01 10:00", "2027-10-31T00:30:00Z"),
    ];
    for (start, expected) in table {
        let got = schedule(
            &hearing_at(london(start)),
            &at_half_one,
            &holidays(),
            t(EARLY),
        );
        assert_eq!(got.len(), 1, "{start}");
        assert_eq!(got[0].at, t(expected), "{start}");
    }
}

#[test]
fn rules_apply_to_what_they_name_and_same_instants_are_sent_once() {
    use DayUnit::*;
    use ReminderOf::*;
    let rules = custom(vec![
        rule("hearing_only", 3, CalendarDays, "09:00", &[Hearing]),
        rule("visit_only", 4, CalendarDays, "09:00", &[PreTrialVisit]),
        // For a Tuesday both are Monday 08:00: only the first is kept.
        rule("day_before", 1, CalendarDays, "08:00", BOTH),
        rule("working_day_before", 1, WorkingDays, "08:00", BOTH),
    ]);
    let tuesday = london("2026-06-16 10:00");
    let monday = london("2026-06-15 10:00");
    let table: [(Upcoming, &[&str]); 4] = [
        (hearing_at(tuesday), &["hearing_only", "day_before"]),
        (visit_at(tuesday), &["visit_only", "day_before"]),
        // For a Monday the working day before is the Friday, at 08:00,
        // before the Friday 09:00 one.
        (
            hearing_at(monday),
            &["working_day_before", "hearing_only", "day_before"],
        ),
        (
            visit_at(monday),
            &["visit_only", "working_day_before", "day_before"],
        ),
    ];
    for (upcoming, expected) in table {
        let got = schedule(&upcoming, &rules, &holidays(), t(EARLY));
        let names: Vec<&str> = got.iter().map(|r| r.rule.as_str()).collect();
        assert_eq!(names, expected, "{upcoming:?}");
        assert!(got.windows(2).all(|w| w[0].at < w[1].at));
    }
}

#[test]
fn labels_say_how_far_off_the_day_is() {
    use DayUnit::*;
    let table = [
        (0, CalendarDays, "today"),
        (0, WorkingDays, "today"),
        (1, CalendarDays, "tomorrow"),
        (1, WorkingDays, "next_working_day"),
        (2, WorkingDays, "in_2_working_days"),
        (7, CalendarDays, "in_7_days"),
        (14, CalendarDays, "in_14_days"),
    ];
    for (days, unit, expected) in table {
        assert_eq!(label(&rule("r", days, unit, "09:00", BOTH)), expected);
    }
}

#[test]
fn working_day_reminders_beyond_the_holiday_data_warn() {
    let rules = rules();
    let covered = hearing_at(london("2027-06-15 10:00"));
    assert!(uncovered_years(&covered, &rules.reminders, &holidays()).is_empty());
    let beyond = hearing_at(london("2031-01-02 10:00"));
    assert_eq!(
        uncovered_years(&beyond, &rules.reminders, &holidays()),
        [2030, 2031]
    );
}

#[test]
fn bad_reminder_rules_are_refused() {
    let shipped: serde_json::Value =
        serde_json::from_str(include_str!("../../fixtures/rules.json")).unwrap();
    let first = || shipped["versions"][0].clone();
    let table: [(&str, &str, serde_json::Value); 7] = [
        (
            "negative",
            "/supporter/0/days_before",
            serde_json::json!(-1),
        ),
        (
            "too far",
            "/supporter/0/days_before",
            serde_json::json!(400),
        ),
        (
            "bad name",
            "/supporter/0/name",
            serde_json::json!("week/before"),
        ),
        ("no name", "/supporter/0/name", serde_json::json!("")),
        (
            "same name",
            "/supporter/1/name",
            serde_json::json!("seven_days_before"),
        ),
        ("for nothing", "/supporter/0/of", serde_json::json!([])),
        ("no citation", "/citation", serde_json::json!(" ")),
    ];
    for (what, pointer, value) in table {
        let mut version = first();
        *version["reminders"].pointer_mut(pointer).unwrap() = value;
        let json = serde_json::json!({ "versions": [version] }).to_string();
        assert!(RulesTable::from_json(&json).is_err(), "{what}");
    }
    let mut unknown = first();
    unknown["reminders"]["supporter"][0]["unit"] = serde_json::json!("fortnights");
    let json = serde_json::json!({ "versions": [unknown] }).to_string();
    assert!(RulesTable::from_json(&json).is_err(), "unknown unit");
    let json = serde_json::json!({ "versions": [first()] }).to_string();
    assert!(RulesTable::from_json(&json).is_ok(), "the shipped version");
}

#[test]
fn every_shipped_version_has_the_documented_defaults() {
    for version in RulesTable::default_table().versions() {
        let r = &version.reminders;
        let got: Vec<(&str, i64, DayUnit, String)> = r
            .supporter
            .iter()
            .map(|x| {
                assert_eq!(x.of, BOTH, "{}", x.name);
                (
                    x.name.as_str(),
                    x.days_before,
                    x.unit,
                    x.local_time.format("%H:%M").to_string(),
                )
            })
            .collect();
        assert_eq!(
            got,
            [
                (
                    "seven_days_before",
                    7,
                    DayUnit::CalendarDays,
                    "09:00".into()
                ),
                (
                    "two_working_days_before",
                    2,
                    DayUnit::WorkingDays,
                    "09:00".into()
                ),
                ("day_before", 1, DayUnit::CalendarDays, "08:00".into()),
            ],
            "{}",
            version.effective_from
        );
    }
}

// -- Reminders joining a plan

/// Friday 20 March 2026, 12:00 UTC.
const NOW: &str = "2026-03-20T12:00:00Z";
/// Monday 30 March 2026, 10:00 BST.
const HEARING: &str = "2026-03-30T09:00:00Z";

/// The flow tests' criminal case, with the trial on `HEARING`, a
/// supporter with no organisation, and only the given consents.
fn context(consents: &[ConsentScope]) -> FlowContext {
    let mut ctx = testkit::criminal();
    ctx.hearing = Some(testkit::hearing(HEARING));
    if let Some(supporter) = ctx.supporter.as_mut() {
        supporter.organisation = None;
    }
    ctx.consents = consents
        .iter()
        .map(|scope| ConsentRecord {
            recorded_by: None,
            ..testkit::consent(*scope)
        })
        .collect();
    ctx
}

const COURT_DATES: &[ConsentScope] = &[ConsentScope::CourtDatesToSupporter];

/// What `react` does: the flows' plan, then the reminders.
fn planned(ctx: &FlowContext, kind: EventKind, now: &str) -> (Plan, usize) {
    let event = Event {
        id: "E1".into(),
        at: t(now),
        kind,
    };
    let rules = rules();
    let mut plan = flows::plan(&event, ctx, &rules, &holidays(), t(now));
    let added = add_to_plan(&event, ctx, &rules, &holidays(), t(now), &mut plan);
    (plan, added)
}

fn reminders_in(plan: &Plan) -> Vec<&flows::PlannedNotice> {
    plan.notices
        .iter()
        .filter(|n| n.step.starts_with("reminder."))
        .collect()
}

#[test]
fn a_listed_hearing_gives_the_supporter_reminders_on_the_details_notices_basis() {
    let (plan, added) = planned(&context(COURT_DATES), EventKind::HearingListed, NOW);
    let reminders = reminders_in(&plan);
    assert_eq!(added, 3);
    let details = plan
        .notices
        .iter()
        .find(|n| n.template == TemplateKey::HearingDetailsSupporter)
        .expect("details to the supporter");
    let prefix = flows::hearing_slot_prefix("H1", t(HEARING));
    let expected = [
        ("seven_days_before", "2026-03-23T09:00:00Z", "in_7_days"),
        (
            "two_working_days_before",
            "2026-03-26T09:00:00Z",
            "in_2_working_days",
        ),
        ("day_before", "2026-03-29T07:00:00Z", "tomorrow"),
    ];
    assert_eq!(reminders.len(), expected.len());
    for (n, (rule, at, label)) in reminders.iter().zip(expected) {
        assert_eq!(
            n.idempotency_key,
            format!("{prefix}reminder.hearing.{rule}/supporter:U1")
        );
        assert_eq!(n.step, format!("reminder.hearing.{rule}"));
        assert_eq!(n.template, TemplateKey::ReminderHearingSupporter);
        assert_eq!(
            n.recipient,
            Recipient::Supporter {
                user_id: "U1".into()
            }
        );
        assert_eq!(n.channel, flows::Channel::Email);
        assert_eq!(n.send_after, Some(t(at)), "{rule}");
        assert_eq!(n.not_after, Some(t(HEARING)));
        assert_eq!(n.basis, details.basis);
        assert_eq!(
            n.basis,
            Basis::Consent {
                scope: ConsentScope::CourtDatesToSupporter
            }
        );
        assert_eq!(n.category, DisclosureCategory::HearingDetails);
        assert_eq!(n.language, details.language);
        assert_eq!(n.citation, rules().reminders.citation);
        assert_eq!(n.data["reminder_label"], label);
        assert_eq!(n.data["hearing_date"], "2026-03-30");
        assert_eq!(n.data["hearing_time"], "10:00");
        assert_eq!(n.data["victim_reference"], "VR-0001");
        assert_eq!(n.data["case_reference"], "13AA1234526");
        assert_eq!(n.data["court_name"], "Leeds Crown Court");
        assert_eq!(n.data["hearing_kind"], "trial");
        for key in n.data.keys() {
            assert!(n.template.allow_list().contains(&key.as_str()), "{key}");
        }
        let text = serde_json::to_string(&n.data).unwrap();
        assert!(!text.contains("Alex"), "no victim name: {text}");
        assert!(!text.contains("Sam"), "no supporter name: {text}");
    }
}

/// (consents, SPOC agreed, supporter assigned, reminders expected, basis)
type RoutingCase = (&'static [ConsentScope], bool, bool, usize, Option<Basis>);

#[test]
fn reminders_follow_routing() {
    let spoc = Basis::SpocAgreement {
        agreed_on: d("2026-01-05"),
    };
    let consent = Basis::Consent {
        scope: ConsentScope::CourtDatesToSupporter,
    };
    let simultaneous = Basis::Consent {
        scope: ConsentScope::SimultaneousUpdates,
    };
    let table: [RoutingCase; 6] = [
        (COURT_DATES, false, true, 3, Some(consent)),
        (
            &[ConsentScope::SimultaneousUpdates],
            false,
            true,
            3,
            Some(simultaneous),
        ),
        // No consent that covers court dates and no other basis: the
        // supporter is not told the date, so is not reminded of it either.
        (&[], false, true, 0, None),
        (
            &[ConsentScope::IdentifySupporterToCourt],
            false,
            true,
            0,
            None,
        ),
        // The single point of contact is told, and reminded, on that basis.
        (&[], true, true, 3, Some(spoc)),
        (COURT_DATES, false, false, 0, None),
    ];
    for (i, (consents, is_spoc, assigned, count, basis)) in table.into_iter().enumerate() {
        let mut ctx = context(consents);
        if let Some(s) = ctx.supporter.as_mut() {
            s.spoc_agreed_on = is_spoc.then(|| d("2026-01-05"));
        }
        if !assigned {
            ctx.supporter = None;
        }
        let (plan, _) = planned(&ctx, EventKind::HearingListed, NOW);
        let reminders = reminders_in(&plan);
        assert_eq!(reminders.len(), count, "case {i}: {:?}", plan.warnings);
        for n in reminders {
            assert_eq!(Some(&n.basis), basis.as_ref(), "case {i}");
        }
    }
}

#[test]
fn a_moved_hearing_is_reminded_at_its_new_slot_and_not_its_old() {
    let previous = t("2026-03-27T10:00:00Z");
    let (plan, added) = planned(
        &context(COURT_DATES),
        EventKind::HearingMoved {
            previous_start: previous,
            previous_court: None,
        },
        NOW,
    );
    assert_eq!(added, 3);
    let old = flows::hearing_slot_prefix("H1", previous);
    let new = flows::hearing_slot_prefix("H1", t(HEARING));
    assert!(plan
        .cancellations
        .contains(&flows::Cancellation::KeyPrefix {
            prefix: old.clone()
        }));
    for n in reminders_in(&plan) {
        assert!(n.idempotency_key.starts_with(&new), "{}", n.idempotency_key);
        assert!(!n.idempotency_key.starts_with(&old));
        assert_eq!(n.category, DisclosureCategory::HearingChange);
        assert_eq!(n.not_after, Some(t(HEARING)));
    }
    // None of the plan's own items is under its own cancellations.
    for c in &plan.cancellations {
        if let flows::Cancellation::KeyPrefix { prefix } = c {
            assert!(plan
                .notices
                .iter()
                .all(|n| !n.idempotency_key.starts_with(prefix.as_str())));
        }
    }
}

#[test]
fn only_events_that_leave_something_upcoming_give_reminders() {
    let listed = context(COURT_DATES);
    let mut vacated_ctx = context(COURT_DATES);
    if let Some(h) = vacated_ctx.hearing.as_mut() {
        h.status = HearingStatus::Vacated;
    }
    let table: [(&str, FlowContext, EventKind, usize); 5] = [
        ("listed", listed.clone(), EventKind::HearingListed, 3),
        (
            "vacated",
            listed.clone(),
            EventKind::HearingVacated { adjourned: false },
            0,
        ),
        (
            "adjourned",
            listed.clone(),
            EventKind::HearingVacated { adjourned: true },
            0,
        ),
        (
            "concluded",
            listed.clone(),
            EventKind::HearingConcluded {
                outcome: flows::HearingOutcome::GuiltyPlea,
            },
            0,
        ),
        // A context whose hearing is no longer listed.
        ("not upcoming", vacated_ctx, EventKind::HearingListed, 0),
    ];
    for (what, ctx, kind, count) in table {
        let (plan, added) = planned(&ctx, kind, NOW);
        assert_eq!(added, count, "{what}");
        assert_eq!(reminders_in(&plan).len(), count, "{what}");
    }
}

#[test]
fn an_arranged_visit_gives_reminders_under_the_visits_own_key() {
    let visit = t("2026-04-14T13:00:00Z");
    let table: [(&[ConsentScope], usize); 3] = [
        (COURT_DATES, 3),
        (&[ConsentScope::WitnessServiceReferral], 0),
        (&[], 0),
    ];
    for (consents, count) in table {
        let (plan, added) = planned(
            &context(consents),
            EventKind::PreTrialVisitArranged {
                visit_id: "PV1".into(),
                starts_at: visit,
                court: "Leeds Crown Court".into(),
            },
            NOW,
        );
        assert_eq!(added, count, "{consents:?}: {:?}", plan.warnings);
        let prefix = Subject::visit_at("PV1", visit).prefix();
        let expected = [
            "2026-04-07T08:00:00Z",
            "2026-04-10T08:00:00Z",
            "2026-04-13T07:00:00Z",
        ];
        for (n, at) in reminders_in(&plan).into_iter().zip(expected) {
            assert!(n.idempotency_key.starts_with(&prefix));
            assert!(n.step.starts_with("reminder.pre_trial_visit."));
            assert_eq!(n.template, TemplateKey::ReminderVisitSupporter);
            assert_eq!(n.category, DisclosureCategory::PreTrialVisit);
            assert_eq!(n.send_after, Some(t(at)));
            assert_eq!(n.not_after, Some(visit));
            assert_eq!(n.data["visit_time"], "14:00");
            assert_eq!(n.data["visit_court"], "Leeds Crown Court");
        }
    }
}

#[test]
fn planning_twice_adds_no_duplicates() {
    let ctx = context(COURT_DATES);
    let event = Event {
        id: "E1".into(),
        at: t(NOW),
        kind: EventKind::HearingListed,
    };
    let rules = rules();
    let mut plan = flows::plan(&event, &ctx, &rules, &holidays(), t(NOW));
    assert_eq!(
        add_to_plan(&event, &ctx, &rules, &holidays(), t(NOW), &mut plan),
        3
    );
    assert_eq!(
        add_to_plan(&event, &ctx, &rules, &holidays(), t(NOW), &mut plan),
        0
    );
    assert_eq!(reminders_in(&plan).len(), 3);
}

#[test]
fn listing_close_to_the_hearing_gives_only_the_reminders_still_ahead() {
    let table = [
        (NOW, 3),
        ("2026-03-24T12:00:00Z", 2),
        ("2026-03-28T12:00:00Z", 1),
        ("2026-03-29T07:00:00Z", 0),
    ];
    for (now, count) in table {
        let (plan, _) = planned(&context(COURT_DATES), EventKind::HearingListed, now);
        let reminders = reminders_in(&plan);
        assert_eq!(reminders.len(), count, "{now}");
        assert!(reminders
            .iter()
            .all(|n| n.send_after.is_some_and(|s| s > t(now))));
    }
}

#[test]
fn a_hearing_beyond_the_holiday_data_warns() {
    let mut ctx = context(COURT_DATES);
    let start = t("2031-03-04T10:00:00Z");
    if let Some(h) = ctx.hearing.as_mut() {
        h.start = start;
    }
    let missing = Warning::BankHolidayDataMissing { year: 2031 };
    let event = Event {
        id: "E1".into(),
        at: t(NOW),
        kind: EventKind::HearingListed,
    };
    let flows_only = flows::plan(&event, &ctx, &rules(), &holidays(), t(NOW));
    assert!(!flows_only.warnings.contains(&missing));
    let (plan, added) = planned(&ctx, EventKind::HearingListed, NOW);
    assert_eq!(added, 3);
    assert!(plan.warnings.contains(&missing), "{:?}", plan.warnings);
}

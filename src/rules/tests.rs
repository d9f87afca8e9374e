//! The rules table: parsing, choosing the version in force, validation, the
//! shipped figures, and that rule numbers stay out of the code.

use super::*;
use crate::calendar::BankHolidays;

fn d(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

fn shipped() -> serde_json::Value {
    serde_json::from_str(DEFAULT_TABLE).unwrap()
}

/// The shipped table with its versions replaced.
fn with_versions(versions: Vec<serde_json::Value>) -> String {
    serde_json::json!({ "versions": versions }).to_string()
}

fn version_from(date: &str, label: &str) -> serde_json::Value {
    let mut v = shipped()["versions"][0].clone();
    v["effective_from"] = serde_json::json!(date);
    v["label"] = serde_json::json!(label);
    v
}

#[test]
fn the_version_in_force_is_the_latest_that_has_started() {
    let table = RulesTable::from_json(&with_versions(vec![
        version_from("2025-10-06", "b"),
        version_from("2024-04-01", "a"),
        version_from("2027-01-01", "c"),
    ]))
    .unwrap();
    let cases = [
        ("2020-01-01", "a"),
        ("2024-04-01", "a"),
        ("2025-10-05", "a"),
        ("2025-10-06", "b"),
        ("2026-12-31", "b"),
        ("2027-01-01", "c"),
        ("2030-06-30", "c"),
    ];
    for (on, label) in cases {
        assert_eq!(table.in_force(d(on)).label, label, "{on}");
    }
    let dates: Vec<_> = table.versions().iter().map(|v| v.effective_from).collect();
    assert!(dates.windows(2).all(|w| w[0] < w[1]));
}

#[test]
fn bad_tables_are_refused() {
    let mut negative = version_from("2024-04-01", "a");
    negative["time_limits"]["hearing_details_to_victim"]["amount"] = serde_json::json!(-1);
    let mut uncited = version_from("2024-04-01", "a");
    uncited["steps"]["criminal.advisor_notice"]["citation"] = serde_json::json!(" ");
    let mut no_languages = version_from("2024-04-01", "a");
    no_languages["notice_languages"] = serde_json::json!([]);
    let mut missing_limit = version_from("2024-04-01", "a");
    missing_limit["time_limits"]
        .as_object_mut()
        .unwrap()
        .remove("outcome_to_victim_standard");
    let mut bad_unit = version_from("2024-04-01", "a");
    bad_unit["alerts"]["wco_update_after_outcome"]["unit"] = serde_json::json!("fortnights");
    let cases: Vec<(&str, String)> = vec![
        ("empty", with_versions(vec![])),
        (
            "duplicate",
            with_versions(vec![
                version_from("2024-04-01", "a"),
                version_from("2024-04-01", "b"),
            ]),
        ),
        ("negative", with_versions(vec![negative])),
        ("uncited", with_versions(vec![uncited])),
        ("no languages", with_versions(vec![no_languages])),
        ("missing limit", with_versions(vec![missing_limit])),
        ("bad unit", with_versions(vec![bad_unit])),
        ("not json", "{".into()),
    ];
    for (name, json) in cases {
        assert!(RulesTable::from_json(&json).is_err(), "{name} accepted");
    }
    assert!(matches!(
        RulesTable::from_json(&with_versions(vec![])),
        Err(RulesError::Empty)
    ));
}

#[test]
fn the_shipped_table_loads_and_round_trips() {
    let table = RulesTable::default_table();
    assert!(table.versions().len() >= 2);
    let json = serde_json::to_string(&table).unwrap();
    assert_eq!(RulesTable::from_json(&json).unwrap(), table);
}

#[test]
fn the_shipped_time_limits_are_the_published_ones() {
    use DayUnit::*;
    for rules in RulesTable::default_table().versions() {
        let t = &rules.time_limits;
        let a = &rules.alerts;
        let cases: [(&str, &Limit, i64, DayUnit, &str); 19] = [
            (
                "hearing details",
                &t.hearing_details_to_victim,
                1,
                WorkingDays,
                "Victims' Code Right 8",
            ),
            (
                "outcome enhanced",
                &t.outcome_to_victim_enhanced,
                1,
                WorkingDays,
                "Victims' Code Right 8",
            ),
            (
                "outcome standard",
                &t.outcome_to_victim_standard,
                5,
                WorkingDays,
                "Victims' Code Right 8",
            ),
            (
                "supporter details",
                &t.hearing_details_to_supporter,
                1,
                WorkingDays,
                "Victims' Code Right 8",
            ),
            (
                "supporter enhanced",
                &t.outcome_to_supporter_enhanced,
                1,
                WorkingDays,
                "Victims' Code Right 8",
            ),
            (
                "supporter standard",
                &t.outcome_to_supporter_standard,
                5,
                WorkingDays,
                "Victims' Code Right 8",
            ),
            (
                "parole decision",
                &t.parole_decision_after_hearing,
                14,
                CalendarDays,
                "Parole Board Rules 2019",
            ),
            (
                "reconsideration",
                &t.parole_reconsideration_window,
                21,
                CalendarDays,
                "Parole Board Rules 2019 r.28",
            ),
            (
                "VCS referral",
                &t.vcs_referral_after_sentence,
                10,
                WorkingDays,
                "Victims' Code Right 11",
            ),
            (
                "VLO contact",
                &t.vlo_contact_after_referral,
                20,
                WorkingDays,
                "Victims' Code Right 11",
            ),
            (
                "raise with court",
                &a.attendance_request_to_court_before_hearing,
                5,
                WorkingDays,
                "operational",
            ),
            (
                "visit arranged",
                &a.pre_trial_visit_arranged_before_trial,
                10,
                CalendarDays,
                "operational",
            ),
            (
                "WCO outcome update",
                &a.wco_update_after_outcome,
                1,
                WorkingDays,
                "operational",
            ),
            (
                "WCO informs CPS",
                &a.wco_informs_cps_after_request,
                2,
                WorkingDays,
                "operational",
            ),
            (
                "family advance notice",
                &a.family_advance_notice_before_hearing,
                1,
                WorkingDays,
                "operational",
            ),
            (
                "warned list fixed at short notice",
                &a.warned_list_fixed_short_notice,
                3,
                WorkingDays,
                "operational",
            ),
            (
                "need at court recorded at short notice",
                &a.court_need_short_notice_before_hearing,
                5,
                WorkingDays,
                "operational",
            ),
            (
                "the victim's wish about the CPS meeting",
                &a.cps_meeting_wish_after_plea,
                5,
                WorkingDays,
                "operational",
            ),
            (
                "personal statement offered after a guilty plea",
                &a.victim_personal_statement_after_guilty_plea,
                5,
                WorkingDays,
                "operational",
            ),
        ];
        for (name, limit, amount, unit, cited) in cases {
            assert_eq!((limit.amount, limit.unit), (amount, unit), "{name}");
            assert!(limit.citation.contains(cited), "{name}: {}", limit.citation);
            assert!(limit.confirmed, "{name}");
        }
    }
}

#[test]
fn both_special_measures_figures_are_kept_and_the_business_days_are_unconfirmed() {
    for rules in RulesTable::default_table().versions() {
        let sm = &rules.time_limits.special_measures_application;
        let summary = |limits: &[Limit]| -> Vec<(i64, DayUnit, bool, Option<String>)> {
            limits
                .iter()
                .map(|l| (l.amount, l.unit, l.confirmed, l.wording.clone()))
                .collect()
        };
        assert_eq!(
            summary(&sm.magistrates),
            [
                (28, DayUnit::CalendarDays, true, Some("older".into())),
                (20, DayUnit::WorkingDays, false, Some("current".into()))
            ]
        );
        assert_eq!(
            summary(&sm.crown),
            [
                (14, DayUnit::CalendarDays, true, Some("older".into())),
                (10, DayUnit::WorkingDays, false, Some("current".into()))
            ]
        );
        assert!(sm
            .magistrates
            .iter()
            .chain(&sm.crown)
            .all(|l| l.citation == "Criminal Procedure Rules Part 18"));
    }
}

#[test]
fn citations_and_reconstructed_steps_are_flagged_in_the_data() {
    let table = RulesTable::default_table();
    let rules = table.in_force(d("2025-01-01"));
    let cited = [
        (
            "criminal.advisor_notice",
            "Criminal Procedure Rules r.3.8(7)(b)",
        ),
        (
            "criminal.cps_raises_with_court",
            "Criminal Procedure Rules r.3.3(2)(g)",
        ),
        (
            "family.advance_identification",
            "Family Procedure Rules PD27C",
        ),
        ("family.court_direction", "Family Procedure Rules PD27C"),
        ("hearing.details", "Victims' Code Right 8"),
        ("victim_contact_scheme.referral", "Victims' Code Right 11"),
        ("sentencing.victim_personal_statement", "Victims' Code Right 7"),
        (
            "cps_meeting.ask_victim",
            "CPS guidance: pre-trial meetings for adult victims of rape and serious sexual offences",
        ),
    ];
    for (step, citation) in cited {
        assert_eq!(rules.steps[step].citation, citation, "{step}");
    }
    // The steps read from the guidance's flow chart, and only those, are
    // marked reconstructed.
    let reconstructed: Vec<&str> = rules
        .steps
        .iter()
        .filter(|(_, s)| s.reconstructed)
        .map(|(k, _)| k.as_str())
        .collect();
    assert!(
        reconstructed.iter().all(|k| k.starts_with("criminal.")),
        "{reconstructed:?}"
    );
    for step in [
        "criminal.wish_recorded",
        "criminal.supporter_informs_wcu",
        "criminal.wco_informs_cps",
        "criminal.wco_informs_witness_service",
        "criminal.cps_raises_with_court",
        "criminal.pre_trial_visit_request",
    ] {
        assert!(reconstructed.contains(&step), "{step}");
    }
    for step in [
        "criminal.advisor_notice",
        "family.advance_identification",
        "hearing.details",
    ] {
        assert!(!reconstructed.contains(&step), "{step}");
    }
}

#[test]
fn the_renumbered_criminal_rules_mark_their_citations_unchecked() {
    let table = RulesTable::default_table();
    let before = table.in_force(d("2025-10-05"));
    let after = table.in_force(d("2025-10-06"));
    for (key, step) in &after.steps {
        let criminal_rules = step.citation.starts_with("Criminal Procedure Rules");
        assert_eq!(step.citation_confirmed, !criminal_rules, "{key}");
        assert!(before.steps[key].citation_confirmed, "{key}");
    }
}

#[test]
fn limits_count_forward_and_back_in_their_own_units() {
    let holidays = BankHolidays::england_and_wales();
    let limit = |amount, unit| Limit {
        amount,
        unit,
        citation: "test".into(),
        confirmed: true,
        wording: None,
    };
    // (limit, from, after, before)
    let cases = [
        (
            limit(1, DayUnit::WorkingDays),
            "2026-12-24",
            "2026-12-29",
            "2026-12-23",
        ),
        (
            limit(1, DayUnit::CalendarDays),
            "2026-12-24",
            "2026-12-25",
            "2026-12-23",
        ),
        (
            limit(5, DayUnit::WorkingDays),
            "2026-04-08",
            "2026-04-15",
            "2026-03-30",
        ),
        (
            limit(10, DayUnit::CalendarDays),
            "2026-04-08",
            "2026-04-18",
            "2026-03-29",
        ),
        (
            limit(0, DayUnit::WorkingDays),
            "2026-12-26",
            "2026-12-26",
            "2026-12-26",
        ),
    ];
    for (limit, from, after, before) in cases {
        assert_eq!(
            limit.date_after(d(from), &holidays),
            d(after),
            "{limit:?} after {from}"
        );
        assert_eq!(
            limit.date_before(d(from), &holidays),
            d(before),
            "{limit:?} before {from}"
        );
    }
}

#[test]
fn notices_are_written_in_english_and_welsh_english_first() {
    // The first listed is the fallback (`flows::notice_language`).
    for date in ["2026-01-01", "2026-12-01"] {
        let rules = RulesTable::default_table().in_force(d(date)).clone();
        assert_eq!(
            rules.notice_languages,
            vec!["en".to_owned(), "cy".to_owned()]
        );
    }
}

#[test]
fn rule_numbers_live_only_in_the_data() {
    // The code's own files (not the tests, which check the data's text).
    let sources = [
        include_str!("mod.rs"),
        include_str!("limit.rs"),
        include_str!("step.rs"),
        include_str!("../flows/mod.rs"),
        include_str!("../flows/attendance.rs"),
        include_str!("../flows/context.rs"),
        include_str!("../flows/criminal.rs"),
        include_str!("../flows/criminal/advisor.rs"),
        include_str!("../flows/criminal/visit.rs"),
        include_str!("../flows/due.rs"),
        include_str!("../flows/error.rs"),
        include_str!("../flows/event.rs"),
        include_str!("../flows/facts.rs"),
        include_str!("../flows/family.rs"),
        include_str!("../flows/hearing.rs"),
        include_str!("../flows/keys.rs"),
        include_str!("../flows/parole.rs"),
        include_str!("../flows/plan.rs"),
        include_str!("../flows/planner.rs"),
        include_str!("../flows/routing.rs"),
        include_str!("../flows/routing/consent.rs"),
        include_str!("../flows/routing/redaction.rs"),
        include_str!("../flows/routing/spoc.rs"),
        include_str!("../flows/special_measures.rs"),
        include_str!("templates.rs"),
    ];
    // Built at run time so this file does not trip its own check.
    let needles: Vec<String> = vec![
        format!("r.{}", 3),
        format!("r.{}", 28),
        format!("Part {}", 18),
        format!("PD{}", 27),
        format!("Right {}", 8),
        format!("Right {}", 11),
        format!("Art. {}", 6),
        format!("SI {}", 2024),
    ];
    for (i, source) in sources.iter().enumerate() {
        for needle in &needles {
            assert!(
                !source.contains(needle.as_str()),
                "source #{i} names {needle}"
            );
        }
    }
}

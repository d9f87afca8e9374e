//! Working-day deadlines: bank holidays, weekends, London dates and the
//! clock changes.

use crate::calendar::BankHolidays;
use crate::flows::testkit::*;
use crate::flows::*;
use chrono::Datelike;

/// A hearing far enough ahead that every notice is still timely.
fn far_hearing() -> FlowContext {
    let mut ctx = criminal();
    ctx.hearing = Some(hearing("2027-02-22T10:00:00Z"));
    ctx
}

#[test]
fn hearing_details_are_due_one_working_day_after_the_wcu_learns_them() {
    // (learned at, due date, due instant = 23:59 London that day)
    let cases = [
        // Christmas Eve: 25 Dec (Fri) and 28 Dec (substitute Boxing Day) are holidays.
        ("2026-12-24T11:00:00Z", "2026-12-29", "2026-12-29T23:59:00Z"),
        // Thursday 23:30 UTC is already Friday in London (BST): due Monday.
        ("2026-07-16T23:30:00Z", "2026-07-20", "2026-07-20T22:59:00Z"),
        // Friday before the spring change: due Monday, now in BST.
        ("2026-03-27T10:00:00Z", "2026-03-30", "2026-03-30T22:59:00Z"),
        // Friday before the autumn change: due Monday, now in GMT.
        ("2026-10-23T15:00:00Z", "2026-10-26", "2026-10-26T23:59:00Z"),
        // Maundy Thursday: Good Friday and Easter Monday skipped.
        ("2026-04-02T12:00:00Z", "2026-04-07", "2026-04-07T22:59:00Z"),
        // Saturday before the early May bank holiday.
        ("2026-05-02T10:00:00Z", "2026-05-05", "2026-05-05T22:59:00Z"),
        // An ordinary Tuesday.
        ("2026-11-03T10:00:00Z", "2026-11-04", "2026-11-04T23:59:00Z"),
    ];
    for (learned, due_date, due) in cases {
        let plan = run_at(
            &event_at(learned, EventKind::HearingListed),
            &far_hearing(),
            learned,
        );
        for kind in [
            DeadlineKind::VictimToldOfHearing,
            DeadlineKind::SupporterToldOfHearing,
        ] {
            let dl = deadline(&plan, kind).unwrap_or_else(|| panic!("{learned}: no {kind:?}"));
            assert_eq!(dl.due_date, d(due_date), "{learned} {kind:?}");
            assert_eq!(dl.due, t(due), "{learned} {kind:?}");
            assert!(!dl.operational && dl.confirmed);
        }
    }
}

#[test]
fn outcomes_are_due_in_one_working_day_with_enhanced_rights_otherwise_five() {
    // (learned at, enhanced?, due date)
    let cases = [
        ("2026-04-02T12:00:00Z", true, "2026-04-07"),
        ("2026-04-02T12:00:00Z", false, "2026-04-13"),
        ("2026-12-24T11:00:00Z", true, "2026-12-29"),
        ("2026-12-24T11:00:00Z", false, "2027-01-05"),
        ("2026-11-02T16:00:00Z", true, "2026-11-03"),
        ("2026-11-02T16:00:00Z", false, "2026-11-09"),
    ];
    for (learned, enhanced, due) in cases {
        let mut ctx = criminal();
        ctx.victim.enhanced_rights = enhanced;
        ctx.hearing = Some(hearing("2026-03-02T10:00:00Z"));
        let event = event_at(
            learned,
            EventKind::HearingConcluded {
                outcome: HearingOutcome::Convicted,
            },
        );
        let plan = run_at(&event, &ctx, learned);
        for kind in [
            DeadlineKind::VictimToldOfOutcome,
            DeadlineKind::SupporterToldOfOutcome,
        ] {
            let dl = deadline(&plan, kind).unwrap_or_else(|| panic!("{learned}: no {kind:?}"));
            assert_eq!(
                dl.due_date,
                d(due),
                "{learned} enhanced={enhanced} {kind:?}"
            );
        }
        // The witness care officer's own alert is one working day whatever the rights.
        let wco = deadline(&plan, DeadlineKind::WcoUpdatesVictimOfOutcome).unwrap();
        assert!(wco.operational);
        let alert = &rules().alerts.wco_update_after_outcome;
        assert_eq!(
            wco.due_date,
            alert.date_after(d(&learned[..10]), &holidays())
        );
        let task = task(&plan, TaskKind::UpdateVictimOfOutcome).unwrap();
        assert_eq!(task.due, Some(wco.due));
        assert_eq!(task.role, crate::rules::Actor::WitnessCareOfficer);
    }
}

#[test]
fn the_supporters_clock_follows_the_victims() {
    let plan = run(&event(EventKind::HearingListed), &criminal());
    let victim = deadline(&plan, DeadlineKind::VictimToldOfHearing).unwrap();
    let supporter = deadline(&plan, DeadlineKind::SupporterToldOfHearing).unwrap();
    assert_eq!(victim.due, supporter.due);
}

#[test]
fn a_deadline_past_the_holiday_data_warns() {
    let only_2026 = BankHolidays::from_dates(
        BankHolidays::england_and_wales()
            .dates()
            .into_iter()
            .filter(|day| day.year() == 2026),
    );
    let mut ctx = criminal();
    ctx.victim.enhanced_rights = false;
    let concluded = EventKind::HearingConcluded {
        outcome: HearingOutcome::Convicted,
    };
    // (holidays, learned, year expected missing)
    let cases: [(&BankHolidays, &str, Option<i32>); 4] = [
        (&only_2026, "2026-12-30T10:00:00Z", Some(2027)),
        (&only_2026, "2026-11-02T10:00:00Z", None),
        (&holidays(), "2026-12-30T10:00:00Z", None),
        (&holidays(), "2028-12-28T10:00:00Z", Some(2029)),
    ];
    for (holidays, learned, missing) in cases {
        let event = event_at(learned, concluded.clone());
        let plan = plan(&event, &ctx, &rules(), holidays, t(learned));
        let warned: Vec<i32> = plan
            .warnings
            .iter()
            .filter_map(|w| match w {
                Warning::BankHolidayDataMissing { year } => Some(*year),
                _ => None,
            })
            .collect();
        assert_eq!(warned, missing.into_iter().collect::<Vec<_>>(), "{learned}");
    }
}

#[test]
fn alerts_before_a_hearing_count_back_over_holidays() {
    // (trial start, CPS raises with court by, visit arranged by)
    let cases = [
        ("2026-12-07T10:00:00Z", "2026-11-30", "2026-11-27"),
        // Wednesday after Easter (BST): 5 working days back skips Easter Monday and Good Friday.
        ("2026-04-08T09:00:00Z", "2026-03-30", "2026-03-29"),
        // Monday 4 January 2027: back over New Year and Christmas.
        ("2027-01-04T10:00:00Z", "2026-12-23", "2026-12-25"),
    ];
    for (start, raise_by, visit_by) in cases {
        let mut ctx = with_request(criminal(), AttendanceState::WcuInformed);
        ctx.hearing = Some(hearing(start));
        let plan = run_at(
            &update(AttendanceAction::CpsInformed),
            &ctx,
            "2026-02-02T09:00:00Z",
        );
        let raise = deadline(&plan, DeadlineKind::AttendanceRaisedWithCourt).unwrap();
        assert_eq!(raise.due_date, d(raise_by), "{start}");
        assert!(raise.operational);
        let task = task(&plan, TaskKind::RaiseCompanionWithCourt).unwrap();
        assert_eq!(task.due, Some(raise.due));
        assert_eq!(task.role, crate::rules::Actor::Prosecutor);
        ctx.attendance_request.as_mut().unwrap().state = AttendanceState::Requested;
        let plan = run_at(
            &update(AttendanceAction::WcuInformed),
            &ctx,
            "2026-02-02T09:00:00Z",
        );
        let visit = deadline(&plan, DeadlineKind::PreTrialVisitArranged).unwrap();
        assert_eq!(visit.due_date, d(visit_by), "{start}");
    }
}

#[test]
fn special_measures_application_limits_run_from_the_not_guilty_plea() {
    // (court, plea hearing, [(due, confirmed)], task due date = earliest)
    let cases = [
        (
            CourtKind::Crown,
            "2026-12-21T10:00:00Z",
            vec![("2027-01-04", true), ("2027-01-07", false)],
            "2027-01-04",
        ),
        (
            CourtKind::Magistrates,
            "2026-12-21T10:00:00Z",
            vec![("2027-01-18", true), ("2027-01-21", false)],
            "2027-01-18",
        ),
        (
            CourtKind::Combined,
            "2026-11-02T10:00:00Z",
            vec![("2026-11-16", true), ("2026-11-16", false)],
            "2026-11-16",
        ),
    ];
    for (court, plea, expected, task_due) in cases {
        let mut ctx = criminal();
        let mut h = hearing(plea);
        h.court.kind = court;
        h.kind = HearingKind::PleaAndTrialPreparation;
        ctx.hearing = Some(h);
        let event = event_at(
            plea,
            EventKind::HearingConcluded {
                outcome: HearingOutcome::NotGuiltyPlea,
            },
        );
        let plan = run_at(&event, &ctx, plea);
        let got: Vec<(chrono::NaiveDate, bool)> = plan
            .deadlines
            .iter()
            .filter(|dl| dl.kind == DeadlineKind::SpecialMeasuresApplication)
            .map(|dl| (dl.due_date, dl.confirmed))
            .collect();
        let want: Vec<_> = expected.iter().map(|(due, c)| (d(due), *c)).collect();
        assert_eq!(got, want, "{court:?}");
        let task = task(&plan, TaskKind::ApplyForSpecialMeasures).unwrap();
        assert_eq!(
            task.due.map(crate::calendar::london_date),
            Some(d(task_due)),
            "{court:?}"
        );
    }
}

#[test]
fn sentence_starts_the_victim_contact_scheme_referral_limit() {
    let mut ctx = criminal();
    ctx.hearing = Some(HearingFacts {
        kind: HearingKind::Sentencing,
        ..hearing("2026-12-18T10:00:00Z")
    });
    let sentenced = |sentence: Option<Sentence>| {
        event_at(
            "2026-12-18T15:00:00Z",
            EventKind::HearingConcluded {
                outcome: HearingOutcome::Sentenced { sentence },
            },
        )
    };
    let custody = |months: u32, specified: bool| {
        Some(Sentence {
            kind: SentenceType::ImmediateCustody,
            months: Some(months),
            specified_offence: specified,
        })
    };
    // (sentence, clock starts)
    let table = [
        (custody(12, true), true),
        (custody(11, true), false),
        (custody(48, false), false),
        (None, true),
    ];
    for (sentence, starts) in table {
        let plan = run_at(&sentenced(sentence), &ctx, "2026-12-18T15:00:00Z");
        let dl = deadline(&plan, DeadlineKind::VictimContactSchemeReferral);
        assert_eq!(dl.is_some(), starts, "{sentence:?}");
        let Some(dl) = dl else {
            assert!(task(&plan, TaskKind::ReferToVictimContactScheme).is_none());
            continue;
        };
        // 10 working days from Fri 18 Dec 2026, skipping 25 and 28 Dec and 1 Jan.
        assert_eq!(dl.due_date, d("2027-01-06"));
        let task = task(&plan, TaskKind::ReferToVictimContactScheme).unwrap();
        assert_eq!(task.due, Some(dl.due));
    }
    let acquitted = event_at(
        "2026-12-18T15:00:00Z",
        EventKind::HearingConcluded {
            outcome: HearingOutcome::Acquitted,
        },
    );
    let plan = run_at(&acquitted, &ctx, "2026-12-18T15:00:00Z");
    assert!(deadline(&plan, DeadlineKind::VictimContactSchemeReferral).is_none());
    assert!(deadline(&plan, DeadlineKind::SpecialMeasuresApplication).is_none());
}

/// The eligibility rule alone, against the rules table's figures.
#[test]
fn victim_contact_scheme_eligibility_follows_the_rules_table() {
    let rules = rules().victim_contact_scheme;
    assert_eq!(rules.min_sentence_months, 12);
    let s = |kind, months, specified_offence| Sentence {
        kind,
        months,
        specified_offence,
    };
    use SentenceType as T;
    use VcsEligibility as E;
    let table = [
        (s(T::ImmediateCustody, Some(12), true), E::Eligible),
        (s(T::ImmediateCustody, Some(120), true), E::Eligible),
        (s(T::ImmediateCustody, Some(11), true), E::NotEligible),
        (s(T::ImmediateCustody, None, true), E::NotEligible),
        (s(T::ImmediateCustody, Some(24), false), E::NotEligible),
        (s(T::HospitalOrder, None, true), E::Eligible),
        (s(T::HospitalOrder, None, false), E::NotEligible),
        (s(T::Suspended, Some(24), true), E::NotEligible),
        (s(T::CommunityOrder, Some(36), true), E::NotEligible),
        (s(T::Discharge, None, true), E::NotEligible),
        (s(T::Fine, None, true), E::NotEligible),
    ];
    for (sentence, want) in table {
        assert_eq!(
            vcs_eligibility(Some(&sentence), &rules),
            want,
            "{sentence:?}"
        );
    }
    assert_eq!(vcs_eligibility(None, &rules), E::Unknown);
    // The limit is the table's: lowering it in the rules changes the answer.
    let lower = crate::rules::VictimContactSchemeRules {
        min_sentence_months: 6,
        ..rules.clone()
    };
    assert_eq!(
        vcs_eligibility(Some(&s(T::ImmediateCustody, Some(8), true)), &lower),
        E::Eligible
    );
}

#[test]
fn old_outcome_wire_forms_still_read() {
    let old: HearingOutcome = serde_json::from_str(r#"{"kind":"sentenced"}"#).unwrap();
    assert_eq!(old, HearingOutcome::Sentenced { sentence: None });
    let other: HearingOutcome =
        serde_json::from_str(r#"{"kind":"other","description":"x"}"#).unwrap();
    assert_eq!(other.name(), "other");
    let new: HearingOutcome = serde_json::from_str(
        r#"{"kind":"sentenced","sentence":{"type":"immediate_custody","months":18,"specified_offence":true}}"#,
    )
    .unwrap();
    assert_eq!(
        new,
        HearingOutcome::Sentenced {
            sentence: Some(Sentence {
                kind: SentenceType::ImmediateCustody,
                months: Some(18),
                specified_offence: true
            })
        }
    );
}

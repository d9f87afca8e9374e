//! Table tests: for every deadline kind, what counts as done, and how the
//! verdict follows from when it was done against when it fell due.

use super::met::*;
use crate::domain::AttendanceState;
use crate::flows::DeadlineKind;
use chrono::{DateTime, NaiveDate, TimeZone, Utc};

fn t(day: u32, hour: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 3, day, hour, 0, 0).unwrap()
}

fn d(day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 3, day).unwrap()
}

fn notice(step: &str, to: Told, at: DateTime<Utc>) -> Facts {
    Facts {
        delivered: vec![Delivered {
            step: step.into(),
            to,
            at,
        }],
        ..Facts::default()
    }
}

fn task(kind: &str, at: DateTime<Utc>) -> Facts {
    Facts {
        done_tasks: vec![DoneTask {
            kind: kind.into(),
            at,
        }],
        ..Facts::default()
    }
}

fn request(state: AttendanceState, at: DateTime<Utc>) -> Facts {
    Facts {
        request: Some(Request {
            state,
            changed_at: at,
        }),
        ..Facts::default()
    }
}

fn visit(state: &str, hearing: Option<&str>, at: DateTime<Utc>) -> Facts {
    Facts {
        hearing_id: Some("h1".into()),
        visits: vec![Visit {
            state: state.into(),
            hearing_id: hearing.map(str::to_owned),
            changed_at: at,
        }],
        ..Facts::default()
    }
}

fn milestone(kind: &str, on: NaiveDate, recorded: DateTime<Utc>) -> Facts {
    Facts {
        counted_from: Some(d(10)),
        milestones: vec![Milestone {
            kind: kind.into(),
            occurs_on: on,
            recorded_at: recorded,
        }],
        ..Facts::default()
    }
}

const SUPPORTER: Told = Told::Supporter {
    relays_to_victim: false,
};
const SPOC: Told = Told::Supporter {
    relays_to_victim: true,
};

/// (kind, facts, moment it counts as done).
fn done_table() -> Vec<(DeadlineKind, Facts, Option<DateTime<Utc>>, &'static str)> {
    use AttendanceState as S;
    use DeadlineKind::*;
    vec![
        (
            VictimToldOfHearing,
            notice("hearing.details", Told::Victim, t(18, 9)),
            Some(t(18, 9)),
            "details sent to the victim",
        ),
        (
            VictimToldOfHearing,
            notice("hearing.change", Told::Victim, t(18, 9)),
            Some(t(18, 9)),
            "change sent to the victim",
        ),
        (
            VictimToldOfHearing,
            notice("hearing.details", SPOC, t(18, 9)),
            Some(t(18, 9)),
            "through the supporter as single point of contact",
        ),
        (
            VictimToldOfHearing,
            notice("hearing.details", SUPPORTER, t(18, 9)),
            None,
            "the supporter alone does not tell the victim",
        ),
        (
            VictimToldOfHearing,
            notice("reminder.hearing.day_before", Told::Victim, t(18, 9)),
            None,
            "a reminder is not the details",
        ),
        (VictimToldOfHearing, Facts::default(), None, "nothing sent"),
        (
            SupporterToldOfHearing,
            notice("hearing.details", SUPPORTER, t(18, 9)),
            Some(t(18, 9)),
            "details sent to the supporter",
        ),
        (
            SupporterToldOfHearing,
            notice("hearing.details", Told::Victim, t(18, 9)),
            None,
            "only the victim was told",
        ),
        (
            SupporterToldOfHearing,
            notice("hearing.outcome", SUPPORTER, t(18, 9)),
            None,
            "an outcome is not the details",
        ),
        (
            VictimToldOfOutcome,
            notice("hearing.outcome", Told::Victim, t(18, 9)),
            Some(t(18, 9)),
            "outcome sent to the victim",
        ),
        (
            VictimToldOfOutcome,
            notice("hearing.details", Told::Victim, t(18, 9)),
            None,
            "details are not the outcome",
        ),
        (
            SupporterToldOfOutcome,
            notice("hearing.outcome", SPOC, t(18, 9)),
            Some(t(18, 9)),
            "outcome sent to the supporter",
        ),
        (
            SupporterToldOfOutcome,
            notice("hearing.outcome", Told::Other, t(18, 9)),
            None,
            "an agency was told",
        ),
        (
            WcoUpdatesVictimOfOutcome,
            task("update_victim_of_outcome", t(18, 10)),
            Some(t(18, 10)),
            "the officer's task done",
        ),
        (
            WcoUpdatesVictimOfOutcome,
            notice("hearing.outcome", Told::Victim, t(18, 9)),
            Some(t(18, 9)),
            "the outcome notice reached the victim",
        ),
        (
            WcoUpdatesVictimOfOutcome,
            task("apply_for_special_measures", t(18, 10)),
            None,
            "another task",
        ),
        (
            CpsInformedOfSupporter,
            request(S::Requested, t(18, 9)),
            None,
            "still requested",
        ),
        (
            CpsInformedOfSupporter,
            request(S::WcuInformed, t(18, 9)),
            None,
            "only the unit knows",
        ),
        (
            CpsInformedOfSupporter,
            request(S::CpsInformed, t(18, 9)),
            Some(t(18, 9)),
            "prosecutor informed",
        ),
        (
            CpsInformedOfSupporter,
            request(S::Allowed, t(18, 9)),
            Some(t(18, 9)),
            "the court already decided",
        ),
        (
            CpsInformedOfSupporter,
            request(S::Withdrawn, t(18, 9)),
            None,
            "withdrawn is not done",
        ),
        (
            CpsInformedOfSupporter,
            task("record_supporter_in_needs_assessment", t(18, 11)),
            Some(t(18, 11)),
            "the officer's task done",
        ),
        (
            AttendanceRaisedWithCourt,
            request(S::CpsInformed, t(18, 9)),
            None,
            "the prosecutor knows, the court does not",
        ),
        (
            AttendanceRaisedWithCourt,
            request(S::IdentifiedToCourt, t(18, 9)),
            Some(t(18, 9)),
            "identified to the court",
        ),
        (
            AttendanceRaisedWithCourt,
            request(S::AllowedWithConditions, t(18, 9)),
            Some(t(18, 9)),
            "the court decided",
        ),
        (
            AttendanceRaisedWithCourt,
            request(S::Refused, t(18, 9)),
            Some(t(18, 9)),
            "refused is still a decision",
        ),
        (
            AttendanceRaisedWithCourt,
            request(S::DirectedNeedNotAttend, t(18, 9)),
            Some(t(18, 9)),
            "a family direction",
        ),
        (
            AttendanceRaisedWithCourt,
            task("raise_companion_with_court", t(18, 12)),
            Some(t(18, 12)),
            "the prosecutor's task done",
        ),
        (
            PreTrialVisitArranged,
            visit("requested", Some("h1"), t(18, 9)),
            None,
            "only requested",
        ),
        (
            PreTrialVisitArranged,
            visit("arranged", Some("h1"), t(18, 9)),
            Some(t(18, 9)),
            "arranged",
        ),
        (
            PreTrialVisitArranged,
            visit("attended", None, t(18, 9)),
            Some(t(18, 9)),
            "attended, for no named hearing",
        ),
        (
            PreTrialVisitArranged,
            visit("arranged", Some("h2"), t(18, 9)),
            None,
            "arranged for another hearing",
        ),
        (
            PreTrialVisitArranged,
            visit("cancelled", Some("h1"), t(18, 9)),
            None,
            "cancelled",
        ),
        (
            SpecialMeasuresApplication,
            task("apply_for_special_measures", t(18, 9)),
            Some(t(18, 9)),
            "the prosecutor's task done",
        ),
        (
            SpecialMeasuresApplication,
            Facts::default(),
            None,
            "nothing recorded",
        ),
        (
            VictimContactSchemeReferral,
            milestone("referred_to_victim_contact_scheme", d(12), t(12, 15)),
            Some(t(12, 15)),
            "referral logged",
        ),
        (
            VictimContactSchemeReferral,
            task("refer_to_victim_contact_scheme", t(13, 9)),
            Some(t(13, 9)),
            "task done",
        ),
        (
            ParoleDecisionDue,
            milestone("decision_made", d(12), t(12, 15)),
            Some(t(12, 15)),
            "decision logged the same day",
        ),
        // Logged on the 16th for a decision made on the 12th: done by the
        // end of the 12th, London time (GMT in March before the change).
        (
            ParoleDecisionDue,
            milestone("decision_made", d(12), t(16, 9)),
            Some(Utc.with_ymd_and_hms(2026, 3, 12, 23, 59, 59).unwrap()),
            "decision logged late counts from its own day",
        ),
        (
            ParoleDecisionDue,
            milestone("decision_made", d(2), t(2, 9)),
            None,
            "a decision before this hearing",
        ),
        (
            ParoleDecisionDue,
            milestone("decision_expected", d(12), t(12, 9)),
            None,
            "expected is not made",
        ),
        (
            ReconsiderationWindowEnds,
            milestone("decision_made", d(12), t(12, 9)),
            None,
            "nothing to observe",
        ),
        (
            VloContactsVictim,
            task("refer_to_victim_contact_scheme", t(12, 9)),
            None,
            "nothing to observe",
        ),
        (
            RiskMeetingPaperwork,
            task("send_risk_meeting_paperwork", t(12, 9)),
            Some(t(12, 9)),
            "the supporter sent the referral form",
        ),
        (
            RiskMeetingPaperwork,
            task("carry_risk_meeting_action", t(12, 9)),
            None,
            "an action is not the paperwork",
        ),
        (
            ProtectiveOrderRenewalDiscussed,
            task("discuss_order_renewal", t(12, 9)),
            Some(t(12, 9)),
            "the talk about renewing is done",
        ),
        (
            ProtectiveOrderRenewalDiscussed,
            task("discuss_right_to_review", t(12, 9)),
            None,
            "another talk is not this one",
        ),
        (
            RightToReviewPromptRequest,
            task("discuss_right_to_review", t(12, 9)),
            Some(t(12, 9)),
            "the talk about a review is done",
        ),
        (
            RightToReviewRequest,
            task("discuss_right_to_review", t(12, 10)),
            Some(t(12, 10)),
            "the same talk meets the later limit",
        ),
        (
            CompensationApplication,
            task("discuss_compensation", t(12, 9)),
            Some(t(12, 9)),
            "the talk about compensation is done",
        ),
        (
            CpsMeetingWishRecorded,
            notice("cps_meeting.tell_prosecutor", Told::Other, t(14, 10)),
            Some(t(14, 10)),
            "her wish reached the prosecutor",
        ),
        (
            CpsMeetingWishRecorded,
            task("ask_about_cps_meeting", t(13, 9)),
            Some(t(13, 9)),
            "the supporter marked asking her done",
        ),
        (
            CpsMeetingWishRecorded,
            notice(
                "hearing.outcome",
                Told::Supporter {
                    relays_to_victim: false,
                },
                t(13, 9),
            ),
            None,
            "another notice is not her wish",
        ),
        (
            VictimPersonalStatementOffered,
            task("offer_victim_personal_statement", t(13, 9)),
            Some(t(13, 9)),
            "the officer's task done",
        ),
        (
            VictimPersonalStatementOffered,
            task("update_victim_of_outcome", t(13, 9)),
            None,
            "another task is not the offer",
        ),
    ]
}

#[test]
fn what_counts_as_done_for_each_kind() {
    for (kind, facts, want, why) in done_table() {
        assert_eq!(done_at(kind, &facts), want, "{kind:?}: {why}");
    }
}

#[test]
fn every_kind_is_in_the_table() {
    let table = done_table();
    for &kind in DeadlineKind::ALL {
        assert!(table.iter().any(|(k, ..)| *k == kind), "{kind:?} untested");
    }
}

#[test]
fn the_earliest_evidence_counts() {
    let mut facts = task("update_victim_of_outcome", t(19, 9));
    facts.delivered.push(Delivered {
        step: "hearing.outcome".into(),
        to: Told::Victim,
        at: t(18, 9),
    });
    assert_eq!(
        done_at(DeadlineKind::WcoUpdatesVictimOfOutcome, &facts),
        Some(t(18, 9))
    );
}

#[test]
fn verdicts_against_the_due_moment() {
    let kind = DeadlineKind::SupporterToldOfHearing;
    let due = t(19, 23);
    let sent = |at| notice("hearing.details", SUPPORTER, at);
    let table = [
        (Facts::default(), t(19, 12), Verdict::Running, "not yet due"),
        (Facts::default(), due, Verdict::Running, "due this instant"),
        (
            Facts::default(),
            t(20, 0),
            Verdict::Missed { late: None },
            "past due",
        ),
        (
            sent(t(19, 9)),
            t(19, 12),
            Verdict::Met(t(19, 9)),
            "done early",
        ),
        (
            sent(due),
            t(20, 12),
            Verdict::Met(due),
            "done at the due instant",
        ),
        (
            sent(t(20, 9)),
            t(20, 12),
            Verdict::Missed {
                late: Some(t(20, 9)),
            },
            "done late",
        ),
    ];
    for (facts, now, want, why) in table {
        assert_eq!(evaluate(kind, &facts, due, now), want, "{why}");
    }
}

#[test]
fn unobservable_kinds_stay_running_even_past_due() {
    for kind in [
        DeadlineKind::ReconsiderationWindowEnds,
        DeadlineKind::VloContactsVictim,
    ] {
        assert_eq!(
            evaluate(kind, &Facts::default(), t(1, 0), t(20, 0)),
            Verdict::Running
        );
    }
}

#[test]
fn state_names_are_the_shared_contract() {
    assert_eq!(Verdict::Running.state(), "running");
    assert_eq!(Verdict::Met(t(1, 0)).state(), "met");
    assert_eq!(Verdict::Missed { late: None }.state(), "missed");
}

#[test]
fn deadline_keys_give_their_subject_and_request() {
    use super::sweep::{request_id, subject_prefix};
    let table = [
        (
            "hearing:h1/2026-04-01T09:30:00Z/supporter_told_of_hearing/deadline",
            Some("hearing:h1/2026-04-01T09:30:00Z/"),
            None,
        ),
        (
            "hearing:h1/2026-04-01T09:30:00Z/attendance:r7/attendance_raised_with_court/deadline",
            Some("hearing:h1/2026-04-01T09:30:00Z/attendance:r7/"),
            Some("r7"),
        ),
        (
            "attendance:r7/requested/cps_informed_of_supporter/deadline",
            Some("attendance:r7/requested/"),
            Some("r7"),
        ),
        (
            "hearing:h1/outcome@1/special_measures_application/deadline:older",
            Some("hearing:h1/outcome@1/"),
            None,
        ),
        ("nonsense", None, None),
    ];
    for (key, prefix, request) in table {
        assert_eq!(subject_prefix(key), prefix, "{key}");
        assert_eq!(request_id(key), request, "{key}");
    }
}

mod alerts {
    use crate::calendar::BankHolidays;
    use crate::deadlines::alerts::*;
    use crate::flows::{Basis, DeadlineKind, Recipient};
    use crate::rules::{AlertTo, DayUnit, DeadlineAlertRule, RulesTable};
    use chrono::{DateTime, NaiveDate, NaiveTime, TimeZone, Utc};

    fn utc(y: i32, m: u32, d: u32, h: u32, min: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(y, m, d, h, min, 0).unwrap()
    }

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    fn rule(kind: DeadlineKind, days: i64, unit: DayUnit) -> DeadlineAlertRule {
        DeadlineAlertRule {
            name: "r".into(),
            deadline: kind,
            days_before: days,
            unit,
            local_time: NaiveTime::from_hms_opt(9, 0, 0).unwrap(),
            to: AlertTo::Supporter,
            citation: "test".into(),
        }
    }

    #[test]
    fn alerts_count_back_over_bank_holidays_and_keep_london_time() {
        let holidays = BankHolidays::england_and_wales();
        use DayUnit::*;
        let k = DeadlineKind::AttendanceRaisedWithCourt;
        let table = [
            // Due Tuesday 7 April 2026, after Good Friday (3rd) and Easter
            // Monday (6th): one working day before is Thursday 2 April, BST.
            (
                rule(k, 1, WorkingDays),
                day(2026, 4, 7),
                utc(2026, 4, 2, 8, 0),
            ),
            // Due Wednesday 30 December 2026: the 28th (substitute Boxing
            // Day) and Christmas Day are skipped; two working days before is
            // Thursday 24 December, GMT.
            (
                rule(k, 2, WorkingDays),
                day(2026, 12, 30),
                utc(2026, 12, 24, 9, 0),
            ),
            // Due Tuesday 30 March 2027, the day after Easter Monday: one
            // working day before is Thursday 25 March (Good Friday 26th),
            // before the clocks change on the 28th, so GMT.
            (
                rule(k, 1, WorkingDays),
                day(2027, 3, 30),
                utc(2027, 3, 25, 9, 0),
            ),
            // Calendar days ignore holidays; 09:00 on the day the clocks go
            // forward (29 March 2026) is 08:00 UTC.
            (
                rule(k, 1, CalendarDays),
                day(2026, 3, 30),
                utc(2026, 3, 29, 8, 0),
            ),
            (
                rule(k, 1, CalendarDays),
                day(2026, 3, 29),
                utc(2026, 3, 28, 9, 0),
            ),
            // On the last day itself.
            (
                rule(k, 0, WorkingDays),
                day(2026, 10, 26),
                utc(2026, 10, 26, 9, 0),
            ),
        ];
        for (r, due, want) in table {
            assert_eq!(
                alert_at(&r, due, &holidays),
                Some(want),
                "{due} {:?}",
                r.unit
            );
        }
    }

    fn watched(kind: DeadlineKind, due_at: DateTime<Utc>) -> Watched {
        Watched {
            key:
                "hearing:h1/2026-04-20T09:00:00Z/pre_trial_visit/pre_trial_visit_arranged/deadline"
                    .into(),
            kind,
            due_date: crate::calendar::london_date(due_at),
            due_at,
            case_reference: "13CD7654321".into(),
            victim_reference: "V-1002".into(),
        }
    }

    #[test]
    fn an_alert_is_planned_only_before_its_deadline_and_only_for_its_kind() {
        let holidays = BankHolidays::england_and_wales();
        let k = DeadlineKind::PreTrialVisitArranged;
        let w = watched(k, utc(2026, 4, 10, 22, 59));
        let rules = vec![
            rule(k, 0, DayUnit::CalendarDays),
            rule(DeadlineKind::ParoleDecisionDue, 1, DayUnit::CalendarDays),
        ];
        let before = utc(2026, 4, 1, 12, 0);
        let found = due_alerts(&w, &rules, &holidays, before);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].1, utc(2026, 4, 10, 8, 0), "09:00 BST on the day");
        // After the alert's moment but before the deadline: still planned
        // (sent at once), as the deadline can still be met.
        assert_eq!(
            due_alerts(&w, &rules, &holidays, utc(2026, 4, 10, 12, 0)).len(),
            1
        );
        // Once due, nothing.
        assert!(due_alerts(&w, &rules, &holidays, w.due_at).is_empty());
        // An alert not before the due instant is pointless.
        let mut late = rule(k, 0, DayUnit::CalendarDays);
        late.local_time = NaiveTime::from_hms_opt(23, 59, 0).unwrap();
        assert!(due_alerts(&w, &[late], &holidays, before).is_empty());
    }

    #[test]
    fn the_alert_notice_is_keyed_stably_and_carries_references_only() {
        let k = DeadlineKind::PreTrialVisitArranged;
        let w = watched(k, utc(2026, 4, 10, 22, 59));
        let r = rule(k, 0, DayUnit::CalendarDays);
        let to = Recipient::Supporter {
            user_id: "u1".into(),
        };
        let n = notice(
            &w,
            &r,
            utc(2026, 4, 10, 8, 0),
            to.clone(),
            Basis::DataSubject,
            "cy".into(),
        );
        assert_eq!(n.language, "cy", "in the recipient's own language");
        let again = notice(
            &w,
            &r,
            utc(2026, 4, 10, 8, 0),
            to,
            Basis::DataSubject,
            "en".into(),
        );
        assert_eq!(
            n.idempotency_key, again.idempotency_key,
            "a change of language plans no second alert"
        );
        assert_eq!(
            n.idempotency_key,
            format!("{}/alert/r/supporter:u1", w.key),
            "under the deadline's key, so a hearing move cancels it with the slot"
        );
        assert!(n.idempotency_key.starts_with(&prefix(&w.key)));
        assert_eq!(n.not_after, Some(w.due_at), "moot once due");
        assert_eq!(n.send_after, Some(utc(2026, 4, 10, 8, 0)));
        let keys: Vec<&str> = n.data.keys().map(String::as_str).collect();
        assert_eq!(
            keys,
            [
                "alert",
                "case_reference",
                "due_date",
                "due_time",
                "victim_reference"
            ]
        );
        assert_eq!(n.data["due_time"], "23:59", "London time");
        assert_eq!(n.data["alert"], "pre_trial_visit_arranged");
    }

    #[test]
    fn the_default_table_has_the_four_named_alerts() {
        let table = RulesTable::default_table();
        for version in table.versions() {
            let kinds: Vec<(DeadlineKind, AlertTo)> = version
                .deadline_alerts
                .iter()
                .map(|r| (r.deadline, r.to))
                .collect();
            for want in [
                (DeadlineKind::AttendanceRaisedWithCourt, AlertTo::Supporter),
                (DeadlineKind::PreTrialVisitArranged, AlertTo::Supporter),
                (
                    DeadlineKind::SupporterToldOfOutcome,
                    AlertTo::WitnessCareUnit,
                ),
                (DeadlineKind::ParoleDecisionDue, AlertTo::Supporter),
            ] {
                assert!(
                    kinds.contains(&want),
                    "{want:?} in {}",
                    version.effective_from
                );
            }
        }
    }

    #[test]
    fn bad_alert_rules_are_refused() {
        let table = RulesTable::default_table();
        let mut json: serde_json::Value = serde_json::to_value(&table).unwrap();
        json["versions"][0]["deadline_alerts"][0]["name"] = "Not Safe".into();
        let err = RulesTable::from_json(&json.to_string()).unwrap_err();
        assert!(err.to_string().contains("lower-case"), "{err}");
        let mut json: serde_json::Value = serde_json::to_value(&table).unwrap();
        json["versions"][0]["deadline_alerts"][0]["days_before"] = (-1).into();
        assert!(RulesTable::from_json(&json.to_string()).is_err());
    }
}

//! The criminal supporter-at-court flow, the advisor's notice and the
//! pre-trial visit.

use crate::flows::testkit::*;
use crate::flows::*;
use serde_json::json;
use AttendanceState as S;

#[test]
fn raising_a_request_tells_the_wcu_and_gives_the_wco_a_task() {
    let plan = run(
        &event(EventKind::AttendanceRequestRaised),
        &with_request(criminal(), S::Requested),
    );
    assert_eq!(plan.attendance_state, Some(S::Requested));
    assert_eq!(templates(&plan), [TemplateKey::SupporterInPlace]);
    let n = &plan.notices[0];
    assert_eq!(
        n.recipient,
        Recipient::WitnessCareUnit {
            org_id: "WCU-1".into()
        }
    );
    assert_eq!(
        n.basis,
        Basis::Consent {
            scope: ConsentScope::IdentifySupporterToCourt
        }
    );
    assert_eq!(n.not_after, Some(t(TRIAL)));
    assert_eq!(n.data["supporter_name"], json!("Sam Supporter"));
    assert_eq!(n.data["supporter_role"], json!("idva"));
    assert_eq!(
        n.data["organisation_contact"],
        json!("court-team@safe-futures.example")
    );
    assert_eq!(n.data["hearing_date"], json!("2026-12-07"));
    let task = task(&plan, TaskKind::RecordSupporterInNeedsAssessment).unwrap();
    assert_eq!(task.role, crate::rules::Actor::WitnessCareOfficer);
    // Two working days after Monday 2 November.
    assert_eq!(task.due, Some(t("2026-11-04T23:59:00Z")));
}

#[test]
fn a_request_without_the_victims_recorded_wish_or_consent_goes_nowhere() {
    let mut no_wish = with_request(criminal(), S::Requested);
    no_wish.wish_to_accompany_recorded = false;
    let plan = run(&event(EventKind::AttendanceRequestRaised), &no_wish);
    assert!(plan.notices.is_empty());
    assert!(plan.warnings.contains(&Warning::WishToAccompanyNotRecorded));
    let t = task(&plan, TaskKind::RecordWishToAccompany).unwrap();
    assert_eq!(
        (t.role, t.assignee.as_deref()),
        (crate::rules::Actor::Supporter, Some("U1"))
    );

    let plan = run(
        &event(EventKind::AttendanceRequestRaised),
        &without_consents(with_request(criminal(), S::Requested)),
    );
    assert!(plan.notices.is_empty());
    assert_eq!(
        no_consent_warnings(&plan),
        [(
            RecipientKind::WitnessCareUnit,
            TemplateKey::SupporterInPlace,
            vec![]
        )]
    );
}

#[test]
fn wcu_informed_tells_the_prosecutor_and_asks_the_witness_service_for_a_visit() {
    let plan = run(
        &update(AttendanceAction::WcuInformed),
        &with_request(criminal(), S::Requested),
    );
    assert_eq!(
        templates(&plan),
        [
            TemplateKey::CompanionRequest,
            TemplateKey::WitnessServiceRequest
        ]
    );
    let cps = notice(&plan, TemplateKey::CompanionRequest).unwrap();
    assert_eq!(cps.recipient, Recipient::Prosecutor);
    assert_eq!(cps.data["victim_wishes_companion"], json!(true));
    assert_eq!(cps.data["raise_by"], json!("2026-11-30"));
    let ws = notice(&plan, TemplateKey::WitnessServiceRequest).unwrap();
    assert_eq!(
        ws.recipient,
        Recipient::WitnessService {
            court: "Leeds Crown Court".into()
        }
    );
    assert_eq!(
        ws.basis,
        Basis::Consent {
            scope: ConsentScope::WitnessServiceReferral
        }
    );
    for flag in [
        "supporter_in_place",
        "pre_trial_visit_requested",
        "visit_to_suit_victim_and_supporter",
        "safe_entrances_exits_and_waiting_requested",
    ] {
        assert_eq!(ws.data[flag], json!(true), "{flag}");
    }
    assert_eq!(ws.data["visit_wanted_by"], json!("2026-11-27"));
    let visit = task(&plan, TaskKind::ArrangePreTrialVisit).unwrap();
    assert_eq!(visit.role, crate::rules::Actor::WitnessService);
    assert!(visit.reconstructed);

    let mut arranged = with_request(criminal(), S::Requested);
    arranged.pre_trial_visit_arranged = true;
    let plan = run(&update(AttendanceAction::WcuInformed), &arranged);
    let ws = notice(&plan, TemplateKey::WitnessServiceRequest).unwrap();
    assert_eq!(ws.data["pre_trial_visit_requested"], json!(false));
    assert_eq!(
        ws.data["safe_entrances_exits_and_waiting_requested"],
        json!(true)
    );
    assert!(!ws.data.contains_key("visit_wanted_by"));
    assert!(task(&plan, TaskKind::ArrangePreTrialVisit).is_none());
}

#[test]
fn the_courts_decision_is_told_to_the_supporter_and_allowed_plans_the_advisor_notice() {
    use AttendanceAction as A;
    // (action, decision, conditions, reason, advisor notice?)
    let cases = [
        (A::CourtAllows, "allowed", None, None, true),
        (
            A::CourtAllowsWithConditions {
                conditions: "Sit beside the screen".into(),
            },
            "allowed_with_conditions",
            Some("Sit beside the screen"),
            None,
            true,
        ),
        (
            A::CourtRefuses {
                reason: "Ground rules".into(),
            },
            "refused",
            None,
            Some("Ground rules"),
            false,
        ),
    ];
    for (action, decision, conditions, reason, advisor) in cases {
        let plan = run(&update(action), &with_request(criminal(), S::CpsInformed));
        let n = notice(&plan, TemplateKey::AttendanceDecision).expect("decision notice");
        assert_eq!(
            n.recipient,
            Recipient::Supporter {
                user_id: "U1".into()
            }
        );
        assert_eq!(n.data["decision"], json!(decision));
        assert_eq!(
            n.data.get("conditions"),
            conditions.map(|c| json!(c)).as_ref()
        );
        assert_eq!(n.data.get("reason"), reason.map(|r| json!(r)).as_ref());
        assert_eq!(
            notice(&plan, TemplateKey::AdvisorNotice).is_some(),
            advisor,
            "{decision}"
        );
        assert!(task(&plan, TaskKind::TellVictimOfAttendanceDecision).is_some());
    }
}

/// The advisor notice's fields, sorted: the four items, the marking, and
/// the supporter's organisation where there is one.
const ADVISOR_NOTICE_KEYS: [&str; 6] = [
    "advisor_name",
    "advisor_present",
    "not_for_public_disclosure",
    "organisation_address",
    "organisation_name",
    "witness_name",
];

#[test]
fn the_advisor_notice_holds_exactly_the_four_items_and_is_not_for_public_disclosure() {
    let plan = run(
        &update(AttendanceAction::CourtAllows),
        &with_request(criminal(), S::CpsInformed),
    );
    let n = notice(&plan, TemplateKey::AdvisorNotice).unwrap();
    assert_eq!(data_keys(n), ADVISOR_NOTICE_KEYS);
    let mut allowed = TemplateKey::AdvisorNotice.allow_list().to_vec();
    allowed.sort_unstable();
    assert_eq!(
        allowed,
        data_keys(n),
        "the allow-list itself is exactly the four items and the marking"
    );
    assert_eq!(n.data["advisor_present"], json!(true));
    assert_eq!(n.data["advisor_name"], json!("Sam Supporter"));
    assert_eq!(n.data["witness_name"], json!("Alex Witness"));
    assert_eq!(n.data["organisation_name"], json!("Safe Futures"));
    assert_eq!(
        n.data["organisation_address"],
        json!("1 Example Street, Leeds")
    );
    assert_eq!(n.data["not_for_public_disclosure"], json!(true));
    assert!(n.not_for_public_disclosure);
    assert_eq!(
        n.recipient,
        Recipient::Court {
            court: "Leeds Crown Court".into()
        }
    );
    assert_eq!(n.channel, Channel::InPerson);
    assert_eq!(n.category, DisclosureCategory::AdvisorIdentification);
    // Released at 08:00 London on the hearing day, moot once it begins.
    assert_eq!(n.send_after, Some(t("2026-12-07T08:00:00Z")));
    assert_eq!(n.not_after, Some(t(TRIAL)));
}

#[test]
fn the_advisor_notice_timing_follows_london_time_and_the_hearing() {
    // (hearing start, now, released at, planned?)
    let cases = [
        (
            "2026-06-15T09:00:00Z",
            "2026-06-01T09:00:00Z",
            Some("2026-06-15T07:00:00Z"),
        ),
        (
            "2026-12-07T10:00:00Z",
            "2026-12-07T09:30:00Z",
            Some("2026-12-07T08:00:00Z"),
        ),
        // A 07:30 start is before the usual release: released at the start.
        (
            "2026-12-07T07:30:00Z",
            "2026-12-01T09:00:00Z",
            Some("2026-12-07T07:30:00Z"),
        ),
        // The hearing has begun: too late.
        ("2026-12-07T10:00:00Z", "2026-12-07T10:00:00Z", None),
    ];
    for (start, now, released) in cases {
        let mut ctx = with_request(criminal(), S::CpsInformed);
        ctx.hearing = Some(hearing(start));
        let plan = run_at(&update(AttendanceAction::CourtAllows), &ctx, now);
        let got = notice(&plan, TemplateKey::AdvisorNotice).map(|n| n.send_after);
        assert_eq!(got, released.map(|r| Some(t(r))), "{start} at {now}");
        let late = plan.warnings.iter().any(|w| {
            matches!(
                w,
                Warning::NoticeTooLate {
                    template: TemplateKey::AdvisorNotice,
                    ..
                }
            )
        });
        assert_eq!(late, released.is_none());
    }
}

#[test]
fn the_advisor_notice_needs_the_witness_identity_and_leaves_out_a_missing_organisation() {
    let mut unnamed = with_request(criminal(), S::CpsInformed);
    unnamed.victim.name = None;
    let plan = run(&update(AttendanceAction::CourtAllows), &unnamed);
    assert!(notice(&plan, TemplateKey::AdvisorNotice).is_none());
    assert!(plan.warnings.contains(&Warning::MissingNoticeField {
        template: TemplateKey::AdvisorNotice,
        field: "witness_name".into()
    }));

    let mut independent = with_request(criminal(), S::CpsInformed);
    independent.supporter.as_mut().unwrap().organisation = None;
    let plan = run(&update(AttendanceAction::CourtAllows), &independent);
    let n = notice(&plan, TemplateKey::AdvisorNotice).unwrap();
    let without_organisation: Vec<&str> = ADVISOR_NOTICE_KEYS
        .into_iter()
        .filter(|key| !key.starts_with("organisation_"))
        .collect();
    assert_eq!(data_keys(n), without_organisation);
}

#[test]
fn withdrawal_cancels_what_is_pending_and_tells_those_already_told() {
    // (state before, recipients told of the withdrawal)
    let wcu = Recipient::WitnessCareUnit {
        org_id: "WCU-1".into(),
    };
    let ws = Recipient::WitnessService {
        court: "Leeds Crown Court".into(),
    };
    let cases = [
        (S::Requested, vec![wcu.clone()]),
        (
            S::WcuInformed,
            vec![wcu.clone(), Recipient::Prosecutor, ws.clone()],
        ),
        (
            S::Allowed,
            vec![wcu.clone(), Recipient::Prosecutor, ws.clone()],
        ),
    ];
    for (before, told) in cases {
        let plan = run(
            &update(AttendanceAction::Withdraw {
                reason: Some("Victim's choice".into()),
            }),
            &with_request(criminal(), before),
        );
        assert_eq!(plan.attendance_state, Some(S::Withdrawn));
        let got: Vec<_> = plan.notices.iter().map(|n| n.recipient.clone()).collect();
        assert_eq!(got, told, "{before:?}");
        assert!(plan
            .notices
            .iter()
            .all(|n| n.template == TemplateKey::AttendanceWithdrawn));
        let prefixes: Vec<_> = plan
            .cancellations
            .iter()
            .map(|c| match c {
                Cancellation::KeyPrefix { prefix } => prefix.clone(),
                other => panic!("unexpected {other:?}"),
            })
            .collect();
        assert!(prefixes.contains(&"attendance:R1/requested/".to_owned()));
        assert!(prefixes.contains(&"attendance:R1/allowed/".to_owned()));
        // The advisor notice planned earlier for the hearing is under this one.
        let earlier = run(
            &update(AttendanceAction::CourtAllows),
            &with_request(criminal(), S::CpsInformed),
        );
        let advisor_key = &notice(&earlier, TemplateKey::AdvisorNotice)
            .unwrap()
            .idempotency_key;
        assert!(
            prefixes.iter().any(|p| advisor_key.starts_with(p)),
            "{advisor_key}"
        );
    }
}

#[test]
fn a_supporter_at_the_statement_and_at_court_is_warned_about() {
    // (present at statement taking, wish recorded, request state)
    let cases = [
        (true, true, None, true),
        (true, false, Some(S::CpsInformed), true),
        (true, false, Some(S::Withdrawn), false),
        (false, true, Some(S::CpsInformed), false),
        (true, false, None, false),
    ];
    for (at_statement, wish, state, warned) in cases {
        let mut ctx = criminal();
        ctx.supporter.as_mut().unwrap().present_at_statement_taking = at_statement;
        ctx.wish_to_accompany_recorded = wish;
        if let Some(state) = state {
            ctx = with_request(ctx, state);
        }
        let discussion = event(EventKind::SpecialMeasuresDiscussionRecorded {
            setting: DiscussionSetting::NeedsAssessment,
            measures: vec![SpecialMeasure::Screens],
            supporter_present: false,
        });
        let plan = run(&discussion, &ctx);
        let got = plan
            .warnings
            .contains(&Warning::SupporterPresentAtStatementAndCourt {
                supporter_user_id: "U1".into(),
            });
        assert_eq!(got, warned, "{at_statement} {wish} {state:?}");
    }
    let mut ctx = with_request(criminal(), S::Requested);
    ctx.supporter.as_mut().unwrap().present_at_statement_taking = true;
    let plan = run(&event(EventKind::AttendanceRequestRaised), &ctx);
    assert!(plan
        .warnings
        .iter()
        .any(|w| matches!(w, Warning::SupporterPresentAtStatementAndCourt { .. })));
}

#[test]
fn a_pre_trial_visit_request_goes_to_the_witness_service() {
    let plan = run(
        &event(EventKind::PreTrialVisitRequested {
            visit_id: "PV1".into(),
        }),
        &criminal(),
    );
    let n = notice(&plan, TemplateKey::PreTrialVisitRequest).unwrap();
    assert_eq!(
        n.recipient,
        Recipient::WitnessService {
            court: "Leeds Crown Court".into()
        }
    );
    assert_eq!(n.data["visit_to_suit_victim_and_supporter"], json!(true));
    assert_eq!(
        n.data["safe_entrances_exits_and_waiting_requested"],
        json!(true)
    );
    assert_eq!(n.data["visit_wanted_by"], json!("2026-11-27"));
    assert_eq!(n.data["supporter_name"], json!("Sam Supporter"));
    assert!(task(&plan, TaskKind::ArrangePreTrialVisit).is_some());
    let plan = run(
        &event(EventKind::PreTrialVisitRequested {
            visit_id: "PV1".into(),
        }),
        &without_consents(criminal()),
    );
    assert!(plan.notices.is_empty());
}

#[test]
fn an_arranged_visit_cancels_the_alert_and_is_routed_to_victim_and_supporter() {
    let arranged = EventKind::PreTrialVisitArranged {
        visit_id: "PV1".into(),
        starts_at: t("2026-11-20T14:00:00Z"),
        court: "Leeds Crown Court".into(),
    };
    let requested = run(
        &event(EventKind::PreTrialVisitRequested {
            visit_id: "PV1".into(),
        }),
        &criminal(),
    );
    let alert_key = &task(&requested, TaskKind::ArrangePreTrialVisit)
        .unwrap()
        .idempotency_key;
    let plan = run(&event(arranged.clone()), &criminal());
    assert!(plan
        .cancellations
        .iter()
        .any(|c| matches!(c, Cancellation::KeyPrefix { prefix } if alert_key.starts_with(prefix))));
    assert_eq!(
        templates(&plan),
        [
            TemplateKey::PreTrialVisitArrangedVictim,
            TemplateKey::PreTrialVisitArrangedSupporter
        ]
    );
    let v = notice(&plan, TemplateKey::PreTrialVisitArrangedVictim).unwrap();
    assert_eq!(v.data["visit_time"], json!("14:00"));
    assert_eq!(v.not_after, Some(t("2026-11-20T14:00:00Z")));
    let spoc = run(&event(arranged), &with_spoc(criminal()));
    assert_eq!(
        templates(&spoc),
        [TemplateKey::PreTrialVisitArrangedSupporter]
    );
    assert_eq!(spoc.notices[0].data["relay_to_victim"], json!(true));
}

/// A sent (or waiting) arrangement of visit PV1 at `start`, to the victim.
fn told_of_visit(start: &str, pending: bool, step: &str) -> SlotNotice {
    SlotNotice {
        key: format!(
            "{}{step}/victim:V1",
            Subject::visit_at("PV1", t(start)).prefix()
        ),
        recipient: Recipient::Victim {
            victim_id: "V1".into(),
        },
        step: step.into(),
        pending,
        start: t(start),
        court: Some("Leeds Crown Court".into()),
    }
}

#[test]
fn a_cancelled_visit_is_told_of_by_the_date_last_sent_or_not_at_all() {
    const ARRANGED: &str = "criminal.pre_trial_visit_arranged";
    const FIRST: &str = "2026-11-20T14:00:00Z";
    const MOVED: &str = "2026-11-25T10:00:00Z";
    let cancelled = event(EventKind::PreTrialVisitCancelled {
        visit_id: "PV1".into(),
        previous_start: t(MOVED),
        court: "Leeds Crown Court".into(),
    });
    // (what was told, in the order sent; the date the cancellation names)
    let cases: [(&str, Vec<SlotNotice>, Option<&str>); 5] = [
        ("nothing ever sent", vec![], None),
        (
            "only a waiting arrangement",
            vec![told_of_visit(FIRST, true, ARRANGED)],
            None,
        ),
        (
            "the last arrangement sent",
            vec![
                told_of_visit(FIRST, false, ARRANGED),
                told_of_visit(MOVED, false, ARRANGED),
            ],
            Some("2026-11-25"),
        ),
        (
            "moved, and the move never sent: the first date",
            vec![
                told_of_visit(FIRST, false, ARRANGED),
                told_of_visit(MOVED, true, ARRANGED),
            ],
            Some("2026-11-20"),
        ),
        (
            "a cancellation already sent is not an arrangement",
            vec![told_of_visit(
                FIRST,
                false,
                "criminal.pre_trial_visit_cancelled",
            )],
            None,
        ),
    ];
    for (case, told, named) in cases {
        let ctx = FlowContext {
            told_of_slot: told,
            ..criminal()
        };
        let plan = run(&cancelled, &ctx);
        let n = notice(&plan, TemplateKey::PreTrialVisitCancelledVictim);
        match named {
            None => assert!(plan.notices.is_empty(), "{case}: {:?}", plan.notices),
            Some(date) => {
                let n = n.unwrap_or_else(|| panic!("{case}: no notice"));
                assert_eq!(n.data["visit_date"], json!(date), "{case}");
            }
        }
    }
}

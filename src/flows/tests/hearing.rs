//! Hearings listed, moved, vacated and concluded.

use crate::flows::testkit::*;
use crate::flows::*;
use serde_json::json;
use AttendanceState as S;

const OLD: &str = "2026-11-30T10:00:00Z";

fn moved() -> Event {
    event(EventKind::HearingMoved {
        previous_start: t(OLD),
        previous_court: Some("Bradford Crown Court".into()),
    })
}

fn told_everyone(ctx: FlowContext) -> FlowContext {
    let mut ctx = ctx;
    ctx.told_of_hearing = vec![
        Recipient::Victim {
            victim_id: "V1".into(),
        },
        Recipient::Supporter {
            user_id: "U1".into(),
        },
        Recipient::Prosecutor,
        Recipient::WitnessService {
            court: "Leeds Crown Court".into(),
        },
    ];
    ctx
}

#[test]
fn a_listed_hearing_is_told_to_the_victim_and_the_consenting_supporter() {
    let mut ctx = criminal();
    ctx.hearing.as_mut().unwrap().warned_until = Some(d("2026-12-11"));
    let plan = run(&event(EventKind::HearingListed), &ctx);
    assert_eq!(
        templates(&plan),
        [
            TemplateKey::HearingDetailsVictim,
            TemplateKey::HearingDetailsSupporter
        ]
    );
    let v = notice(&plan, TemplateKey::HearingDetailsVictim).unwrap();
    assert_eq!(v.channel, Channel::VictimPreferred);
    assert_eq!(v.basis, Basis::DataSubject);
    assert_eq!(v.data["hearing_date"], json!("2026-12-07"));
    assert_eq!(v.data["hearing_time"], json!("10:00"));
    assert_eq!(v.data["court_name"], json!("Leeds Crown Court"));
    assert_eq!(v.data["victim_gives_evidence"], json!(true));
    assert_eq!(v.data["warned_until"], json!("2026-12-11"));
    assert_eq!(v.not_after, Some(t(TRIAL)));
    assert_eq!(
        v.idempotency_key,
        "hearing:H1/2026-12-07T10:00:00Z/hearing.details/victim:V1"
    );
    let s = notice(&plan, TemplateKey::HearingDetailsSupporter).unwrap();
    assert_eq!(
        s.basis,
        Basis::Consent {
            scope: ConsentScope::CourtDatesToSupporter
        }
    );
    assert_eq!(s.data["victim_reference"], json!("VR-0001"));
    assert!(deadline(&plan, DeadlineKind::VictimToldOfHearing).is_some());
    assert!(deadline(&plan, DeadlineKind::SupporterToldOfHearing).is_some());
}

#[test]
fn a_hearing_listed_in_the_past_plans_no_notices() {
    let plan = run_at(
        &event(EventKind::HearingListed),
        &criminal(),
        "2026-12-07T10:30:00Z",
    );
    assert!(plan.notices.is_empty());
    assert!(plan
        .warnings
        .iter()
        .all(|w| matches!(w, Warning::NoticeTooLate { .. })));
    assert_eq!(plan.warnings.len(), 2);
}

#[test]
fn a_moved_hearing_cancels_the_old_slot_and_tells_everyone_told_before() {
    let ctx = told_everyone(with_request(criminal(), S::Allowed));
    let plan = run(&moved(), &ctx);
    assert!(plan.cancellations.contains(&Cancellation::KeyPrefix {
        prefix: hearing_slot_prefix("H1", t(OLD))
    }));
    assert_eq!(
        hearing_slot_prefix("H1", t(OLD)),
        "hearing:H1/2026-11-30T10:00:00Z/"
    );
    let recipients: Vec<_> = plan
        .notices
        .iter()
        .filter(|n| n.step == "hearing.change")
        .map(|n| (n.template, n.recipient.kind()))
        .collect();
    assert_eq!(
        recipients,
        [
            (TemplateKey::HearingChangeVictim, RecipientKind::Victim),
            (
                TemplateKey::HearingChangeSupporter,
                RecipientKind::Supporter
            ),
            (TemplateKey::HearingChangeAgency, RecipientKind::Prosecutor),
            (
                TemplateKey::HearingChangeAgency,
                RecipientKind::WitnessService
            ),
        ]
    );
    let v = notice(&plan, TemplateKey::HearingChangeVictim).unwrap();
    assert_eq!(v.data["change"], json!("moved"));
    assert_eq!(v.data["previous_date"], json!("2026-11-30"));
    assert_eq!(v.data["previous_court"], json!("Bradford Crown Court"));
    assert_eq!(v.data["hearing_date"], json!("2026-12-07"));
    // The allowed supporter's notice to the court is re-planned for the new slot.
    let advisor = notice(&plan, TemplateKey::AdvisorNotice).unwrap();
    assert!(advisor
        .idempotency_key
        .starts_with(&hearing_slot_prefix("H1", t(TRIAL))));
    assert!(deadline(&plan, DeadlineKind::VictimToldOfHearing).is_some());
    // Every new item is keyed to the new slot.
    assert!(plan.notices.iter().all(|n| !n
        .idempotency_key
        .starts_with(&hearing_slot_prefix("H1", t(OLD)))));
}

#[test]
fn moving_a_hearing_re_plans_the_requests_open_steps() {
    // (state, tasks re-planned)
    let cases = [
        (
            S::CpsInformed,
            vec![
                TaskKind::RaiseCompanionWithCourt,
                TaskKind::ArrangePreTrialVisit,
            ],
        ),
        (S::WcuInformed, vec![TaskKind::ArrangePreTrialVisit]),
        (S::Requested, vec![]),
        (S::Refused, vec![]),
    ];
    for (state, expected) in cases {
        let plan = run(&moved(), &with_request(criminal(), state));
        let mut kinds: Vec<_> = plan.tasks.iter().map(|t| t.kind).collect();
        kinds.sort_by_key(|k| format!("{k:?}"));
        let mut want = expected.clone();
        want.sort_by_key(|k| format!("{k:?}"));
        assert_eq!(kinds, want, "{state:?}");
    }
}

#[test]
fn a_vacated_hearing_cancels_its_slot_and_tells_those_told() {
    for (adjourned, change) in [(false, "vacated"), (true, "adjourned")] {
        let ctx = told_everyone(with_request(criminal(), S::CpsInformed));
        let plan = run(&event(EventKind::HearingVacated { adjourned }), &ctx);
        assert_eq!(
            plan.cancellations,
            [Cancellation::KeyPrefix {
                prefix: hearing_slot_prefix("H1", t(TRIAL))
            }]
        );
        let v = notice(&plan, TemplateKey::HearingChangeVictim).unwrap();
        assert_eq!(v.data["change"], json!(change));
        assert_eq!(v.data["previous_date"], json!("2026-12-07"));
        assert!(!v.data.contains_key("hearing_date"));
        assert_eq!(v.not_after, None);
        assert_eq!(notices_to(&plan, RecipientKind::Prosecutor).len(), 1);
        assert_eq!(notices_to(&plan, RecipientKind::WitnessService).len(), 1);
        assert!(notice(&plan, TemplateKey::AdvisorNotice).is_none());
        let review = task(&plan, TaskKind::ReviewAttendanceRequest).unwrap();
        assert_eq!(review.role, crate::rules::Actor::Supporter);
        assert!(deadline(&plan, DeadlineKind::VictimToldOfHearing).is_some());
    }
}

#[test]
fn agencies_told_of_the_old_date_hear_of_the_change_only_with_consent() {
    let mut ctx = told_everyone(criminal());
    ctx.told_of_hearing.push(Recipient::Court {
        court: "Leeds Crown Court".into(),
    });
    ctx.consents
        .retain(|c| c.scope != ConsentScope::IdentifySupporterToCourt);
    let plan = run(&moved(), &ctx);
    assert_eq!(notices_to(&plan, RecipientKind::WitnessService).len(), 1);
    assert!(notices_to(&plan, RecipientKind::Prosecutor).is_empty());
    assert!(notices_to(&plan, RecipientKind::Court).is_empty());
    let refused: Vec<_> = no_consent_warnings(&plan)
        .into_iter()
        .map(|w| w.0)
        .collect();
    assert_eq!(refused, [RecipientKind::Prosecutor, RecipientKind::Court]);
}

#[test]
fn an_outcome_is_routed_like_any_update() {
    let concluded = EventKind::HearingConcluded {
        outcome: HearingOutcome::Other {
            description: "Bind over".into(),
        },
    };
    let plan = run(&event(concluded.clone()), &criminal());
    assert_eq!(
        templates(&plan),
        [
            TemplateKey::HearingOutcomeVictim,
            TemplateKey::HearingOutcomeSupporter
        ]
    );
    let v = notice(&plan, TemplateKey::HearingOutcomeVictim).unwrap();
    assert_eq!(v.data["outcome"], json!("other"));
    assert_eq!(v.data["outcome_description"], json!("Bind over"));
    let spoc = run(&event(concluded), &with_spoc(criminal()));
    assert_eq!(templates(&spoc), [TemplateKey::HearingOutcomeSupporter]);
    assert!(deadline(&spoc, DeadlineKind::VictimToldOfOutcome).is_some());
    assert!(deadline(&spoc, DeadlineKind::SupporterToldOfOutcome).is_some());
}

#[test]
fn civil_and_family_hearings_carry_no_witness_care_duties() {
    let mut civil = criminal();
    civil.case.kind = CaseKind::Civil;
    for ctx in [civil, family()] {
        for kind in [
            EventKind::HearingListed,
            EventKind::HearingConcluded {
                outcome: HearingOutcome::OrderMade,
            },
        ] {
            let plan = run(&event(kind), &ctx);
            assert!(plan.notices.is_empty() && plan.deadlines.is_empty() && plan.tasks.is_empty());
        }
    }
}

/// A notice naming a slot, as the shell loads it.
fn slot_notice(to: Recipient, step: &str, start: &str, pending: bool, key: &str) -> SlotNotice {
    SlotNotice {
        key: key.into(),
        recipient: to,
        step: step.into(),
        pending,
        start: t(start),
        court: Some("Leeds Crown Court".into()),
    }
}

fn agency_changes(plan: &Plan) -> Vec<RecipientKind> {
    let mut kinds: Vec<RecipientKind> = plan
        .notices
        .iter()
        .filter(|n| n.template == TemplateKey::HearingChangeAgency)
        .map(|n| n.recipient.kind())
        .collect();
    kinds.sort_by_key(|k| format!("{k:?}"));
    kinds
}

#[test]
fn every_party_sent_a_notice_naming_the_old_slot_is_told_of_the_change_once() {
    let ws = Recipient::WitnessService {
        court: "Leeds Crown Court".into(),
    };
    let wcu = Recipient::WitnessCareUnit {
        org_id: "WCU-1".into(),
    };
    let mut ctx = criminal();
    ctx.told_of_slot = vec![
        // Sent, naming the old slot: told.
        slot_notice(
            Recipient::Prosecutor,
            "criminal.wco_informs_cps",
            OLD,
            false,
            "attendance:R1/wcu_informed/criminal.wco_informs_cps/prosecutor",
        ),
        slot_notice(
            ws.clone(),
            "criminal.wco_informs_witness_service",
            OLD,
            false,
            "attendance:R1/wcu_informed/x/ws",
        ),
        // Twice to the same party: still one change notice.
        slot_notice(
            ws.clone(),
            "criminal.pre_trial_visit_request",
            OLD,
            false,
            "visit:P1/requested/x/ws",
        ),
        // Pending under the old slot's prefix: the move cancels it, so the
        // court never learned the old slot.
        slot_notice(
            Recipient::Court {
                court: "Leeds Crown Court".into(),
            },
            "x",
            OLD,
            true,
            &format!("{}x/court", hearing_slot_prefix("H1", t(OLD))),
        ),
        // Sent, naming the new slot already: nothing to tell.
        slot_notice(
            wcu.clone(),
            "criminal.supporter_informs_wcu",
            TRIAL,
            false,
            "attendance:R1/requested/x/wcu",
        ),
    ];
    let plan = run(&moved(), &ctx);
    assert_eq!(
        agency_changes(&plan),
        [RecipientKind::Prosecutor, RecipientKind::WitnessService]
    );
    let to_ws = notices_to(&plan, RecipientKind::WitnessService);
    let change = to_ws
        .iter()
        .find(|n| n.template == TemplateKey::HearingChangeAgency)
        .unwrap();
    assert_eq!(change.category, DisclosureCategory::HearingChange);
    assert_eq!(
        change.basis,
        Basis::Consent {
            scope: ConsentScope::WitnessServiceReferral
        }
    );
    assert_eq!(change.data["previous_date"], json!("2026-11-30"));

    // Vacated: everyone sent anything naming a slot is told, the unit too.
    let mut vacated = ctx.clone();
    vacated.hearing.as_mut().unwrap().start = t(OLD);
    vacated.told_of_slot.pop();
    vacated.told_of_slot.push(slot_notice(
        wcu,
        "criminal.supporter_informs_wcu",
        OLD,
        false,
        "attendance:R1/requested/x/wcu",
    ));
    let plan = run(
        &event(EventKind::HearingVacated { adjourned: false }),
        &vacated,
    );
    assert_eq!(
        agency_changes(&plan),
        [
            RecipientKind::Prosecutor,
            RecipientKind::WitnessCareUnit,
            RecipientKind::WitnessService
        ]
    );
}

#[test]
fn a_party_told_only_of_a_slot_the_hearing_is_back_at_hears_nothing() {
    let mut ctx = criminal();
    ctx.told_of_slot = vec![slot_notice(
        Recipient::Prosecutor,
        "criminal.wco_informs_cps",
        TRIAL,
        false,
        "attendance:R1/wcu_informed/x/prosecutor",
    )];
    let plan = run(&moved(), &ctx);
    assert!(agency_changes(&plan).is_empty(), "{:?}", plan.notices);
}

fn warned(mut ctx: FlowContext) -> FlowContext {
    ctx.hearing.as_mut().unwrap().warned_until = Some(d("2026-12-11"));
    ctx
}

#[test]
fn a_warned_trial_fixed_at_short_notice_is_told_at_once() {
    // The trial is on Monday 7 December; the rules' short notice is 3
    // working days, so fixing it on Thursday 3 December is short notice.
    let fixed = event_at("2026-12-03T09:00:00Z", EventKind::HearingFixed);
    let plan = run_at(&fixed, &warned(criminal()), "2026-12-03T09:00:00Z");
    assert_eq!(
        templates(&plan),
        [
            TemplateKey::HearingFixedVictim,
            TemplateKey::HearingFixedSupporter
        ]
    );
    let v = notice(&plan, TemplateKey::HearingFixedVictim).unwrap();
    assert_eq!(v.not_after, Some(t(TRIAL)));
    assert_eq!(v.data["hearing_date"], json!("2026-12-07"));
    assert!(!v.data.contains_key("address"));
    // With a single point of contact, the supporter is told for the victim.
    let plan = run_at(
        &fixed,
        &with_spoc(warned(criminal())),
        "2026-12-03T09:00:00Z",
    );
    assert_eq!(templates(&plan), [TemplateKey::HearingFixedSupporter]);
    // Without consent the supporter hears nothing; the victim still does.
    let plan = run_at(
        &fixed,
        &without_consents(warned(criminal())),
        "2026-12-03T09:00:00Z",
    );
    assert_eq!(templates(&plan), [TemplateKey::HearingFixedVictim]);
}

#[test]
fn fixing_a_trial_in_good_time_or_one_never_warned_sends_nothing_new() {
    // Fixed on Monday 30 November: 5 working days ahead, not short notice.
    let early = event_at("2026-11-30T09:00:00Z", EventKind::HearingFixed);
    let plan = run_at(&early, &warned(criminal()), "2026-11-30T09:00:00Z");
    assert!(plan.notices.is_empty(), "{:?}", plan.notices);
    // Not on a warned list.
    let fixed = event_at("2026-12-03T09:00:00Z", EventKind::HearingFixed);
    let plan = run_at(&fixed, &criminal(), "2026-12-03T09:00:00Z");
    assert!(plan.notices.is_empty());
    // A warned trial moved within the window at short notice: the change
    // notices and the short-notice message.
    let moved = event_at(
        "2026-12-03T09:00:00Z",
        EventKind::HearingMoved {
            previous_start: t("2026-12-08T10:00:00Z"),
            previous_court: None,
        },
    );
    let plan = run_at(&moved, &warned(criminal()), "2026-12-03T09:00:00Z");
    assert!(templates(&plan).contains(&TemplateKey::HearingFixedVictim));
    assert!(templates(&plan).contains(&TemplateKey::HearingChangeVictim));
}

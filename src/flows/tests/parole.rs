//! Parole milestones and the Victim Contact Scheme.

use crate::flows::testkit::*;
use crate::flows::*;
use serde_json::json;

fn logged(milestone: ParoleMilestone) -> Event {
    event(EventKind::ParoleMilestoneLogged { milestone })
}

fn milestones() -> Vec<ParoleMilestone> {
    use ParoleMilestone as M;
    vec![
        M::ReviewStarted,
        M::VictimPersonalStatementDue {
            due: d("2027-01-15"),
        },
        M::HearingListed {
            date: d("2027-02-10"),
            format: ParoleHearingFormat::Oral,
        },
        M::HearingDeferred,
        M::HearingAdjourned,
        M::DecisionExpected {
            by: d("2027-02-24"),
        },
        M::DecisionMade {
            decision: ParoleDecision::Release,
            on: d("2027-02-20"),
        },
        M::ReconsiderationWindow {
            opened_on: d("2027-02-20"),
        },
        M::ReleaseDate {
            date: d("2027-03-18"),
        },
        M::LicenceConditions {
            conditions: vec![LicenceCondition::ExclusionZone, LicenceCondition::NoContact],
        },
        M::ReferredToVictimContactScheme {
            on: d("2026-11-02"),
        },
    ]
}

#[test]
fn every_milestone_reaches_the_supporter_only_with_parole_consent() {
    let mut everything_but_parole = with_spoc(criminal());
    everything_but_parole
        .consents
        .retain(|c| c.scope != ConsentScope::ParoleToSupporter);
    for m in milestones() {
        let plan = run(&logged(m.clone()), &criminal());
        let n = notice(&plan, TemplateKey::ParoleMilestone).unwrap_or_else(|| panic!("{m:?}"));
        assert_eq!(
            n.basis,
            Basis::Consent {
                scope: ConsentScope::ParoleToSupporter
            }
        );
        assert_eq!(n.data["milestone"], json!(m.name()));
        assert_eq!(
            n.recipient,
            Recipient::Supporter {
                user_id: "U1".into()
            }
        );

        // Not even the single-point-of-contact agreement stands in for it.
        let plan = run(&logged(m.clone()), &everything_but_parole);
        assert!(plan.notices.is_empty(), "{m:?}");
        assert_eq!(
            no_consent_warnings(&plan),
            [(
                RecipientKind::Supporter,
                TemplateKey::ParoleMilestone,
                vec![]
            )]
        );
    }
}

#[test]
fn with_no_supporter_the_vlo_is_asked_to_offer_a_referral() {
    let mut ctx = criminal();
    ctx.supporter = None;
    for m in milestones() {
        let plan = run(&logged(m), &ctx);
        assert!(plan.notices.is_empty());
        let t = task(&plan, TaskKind::OfferSupportReferral).unwrap();
        assert_eq!(t.role, crate::rules::Actor::VictimLiaisonOfficer);
        // One task per victim, however many milestones.
        assert_eq!(
            t.idempotency_key,
            "victim:V1/parole/parole.offer_referral/task"
        );
    }
}

#[test]
fn a_release_date_is_shared_as_its_month_only() {
    let plan = run(
        &logged(ParoleMilestone::ReleaseDate {
            date: d("2027-03-18"),
        }),
        &criminal(),
    );
    let n = notice(&plan, TemplateKey::ParoleMilestone).unwrap();
    assert_eq!(n.data["release_month"], json!("2027-03"));
    assert!(!serde_json::to_string(&n.data).unwrap().contains("18"));
}

#[test]
fn parole_limits_become_deadlines() {
    // (milestone, deadline kind, due)
    let cases = [
        (
            ParoleMilestone::HearingListed {
                date: d("2027-02-10"),
                format: ParoleHearingFormat::Paper,
            },
            DeadlineKind::ParoleDecisionDue,
            "2027-02-24",
        ),
        (
            ParoleMilestone::DecisionMade {
                decision: ParoleDecision::Release,
                on: d("2027-02-20"),
            },
            DeadlineKind::ReconsiderationWindowEnds,
            "2027-03-13",
        ),
        (
            ParoleMilestone::DecisionMade {
                decision: ParoleDecision::NoRelease,
                on: d("2027-02-20"),
            },
            DeadlineKind::ReconsiderationWindowEnds,
            "2027-03-13",
        ),
        (
            ParoleMilestone::ReconsiderationWindow {
                opened_on: d("2027-03-01"),
            },
            DeadlineKind::ReconsiderationWindowEnds,
            "2027-03-22",
        ),
        // 20 working days from Mon 14 Dec 2026 skip Christmas and New Year.
        (
            ParoleMilestone::ReferredToVictimContactScheme {
                on: d("2026-12-14"),
            },
            DeadlineKind::VloContactsVictim,
            "2027-01-14",
        ),
    ];
    for (m, kind, due) in cases {
        let plan = run(&logged(m.clone()), &criminal());
        let dl = deadline(&plan, kind).unwrap_or_else(|| panic!("{m:?}"));
        assert_eq!(dl.due_date, d(due), "{m:?}");
        let n = notice(&plan, TemplateKey::ParoleMilestone).unwrap();
        match kind {
            DeadlineKind::ParoleDecisionDue => assert_eq!(n.data["decision_due"], json!(due)),
            DeadlineKind::ReconsiderationWindowEnds => {
                assert_eq!(n.data["reconsideration_window_ends"], json!(due))
            }
            _ => {}
        }
    }
}

#[test]
fn which_decisions_are_provisional_is_data() {
    let open = logged(ParoleMilestone::DecisionMade {
        decision: ParoleDecision::OpenConditions,
        on: d("2027-02-20"),
    });
    let plan = run(&open, &criminal());
    assert!(deadline(&plan, DeadlineKind::ReconsiderationWindowEnds).is_none());
    let mut rules = rules();
    rules
        .parole
        .reconsideration_eligible_decisions
        .push("open_conditions".into());
    let plan = crate::flows::plan(&open, &criminal(), &rules, &holidays(), t(NOW));
    assert!(deadline(&plan, DeadlineKind::ReconsiderationWindowEnds).is_some());
}

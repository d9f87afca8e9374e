//! Cross-cutting checks over every scenario; the per-rule tests live in
//! `tests/`.

mod attendance;
mod criminal;
mod deadlines;
mod family;
mod hearing;
mod parole;
mod routing;
mod special_measures;
mod walk;

use super::routing::redaction::{notice_data, FORBIDDEN_KEYS};
use super::testkit::*;
use super::*;
use std::collections::BTreeSet;

/// Every step key the code plans with.
const STEPS_IN_CODE: &[&str] = &[
    super::hearing::STEP_DETAILS,
    super::hearing::STEP_CHANGE,
    super::hearing::STEP_FIXED_SHORT_NOTICE,
    super::hearing::STEP_OUTCOME,
    super::hearing::STEP_WCO_OUTCOME_UPDATE,
    super::hearing::STEP_SPECIAL_MEASURES_APPLICATION,
    super::hearing::STEP_VCS_REFERRAL,
    super::criminal::STEP_WISH,
    super::criminal::STEP_INFORM_WCU,
    super::criminal::STEP_NEEDS_ASSESSMENT,
    super::criminal::STEP_INFORM_CPS,
    super::criminal::STEP_INFORM_WITNESS_SERVICE,
    super::criminal::STEP_RAISE_WITH_COURT,
    super::criminal::STEP_DECISION,
    super::criminal::STEP_TELL_VICTIM_DECISION,
    super::criminal::STEP_WITHDRAWN,
    super::criminal::STEP_REVIEW_AFTER_VACATION,
    super::criminal::STEP_ADVISOR_NOTICE,
    super::criminal::STEP_VISIT_REQUEST,
    super::criminal::STEP_VISIT_ALERT,
    super::criminal::STEP_VISIT_ARRANGED,
    super::criminal::STEP_VISIT_CANCELLED,
    super::family::STEP_ADVANCE,
    super::family::STEP_ON_THE_DAY,
    super::family::STEP_DIRECTION,
    super::special_measures::STEP_INFORM_SUPPORTER,
    super::parole::STEP_INFORM_SUPPORTER,
    super::parole::STEP_OFFER_REFERRAL,
    super::routing::STEP_UPDATE,
    super::routing::STEP_DIRECT_CONTACT,
    super::routing::STEP_DIRECT_CONTACT_MADE,
    super::routing::STEP_CONTACT_CHANGED,
    super::planner::STEP_TELL_VICTIM_WHAT_WAS_SHARED,
    super::court_needs::STEP_PARTNERS_UPDATED,
    super::trial_progress::STEP_TELL_CHOSEN_CONTACTS,
    super::risk_meetings::STEP_PAPERWORK,
    super::risk_meetings::STEP_ACTION,
    super::statement_appointments::STEP_REMIND_SUPPORTER,
    super::statement_appointments::STEP_REMIND_ALTERNATIVE,
    super::statement_appointments::STEP_REMIND_OFFICER,
    super::after_outcome::STEP_ORDER_RENEWAL,
    super::after_outcome::STEP_RIGHT_TO_REVIEW,
    super::after_outcome::STEP_COMPENSATION,
    super::pleas::STEP_ASK_VICTIM,
    super::pleas::STEP_TELL_PROSECUTOR,
    super::pleas::STEP_SUPPORTER_ATTENDS,
    super::pleas::STEP_PERSONAL_STATEMENT,
];

/// Every scenario's plan as `planning::react` stores it: with the
/// supporter's reminders added, so the checks below cover them too.
fn all_plans() -> Vec<(&'static str, Plan)> {
    scenarios()
        .into_iter()
        .map(|(name, event, ctx, now)| {
            let mut plan = run_at(&event, &ctx, now);
            crate::reminders::add_to_plan(&event, &ctx, &rules(), &holidays(), t(now), &mut plan);
            // The alerts the deadline sweep would plan for these deadlines.
            let rules = rules();
            for d in plan.deadlines.clone() {
                let watched = crate::deadlines::alerts::Watched {
                    key: d.key.clone(),
                    kind: d.kind,
                    due_date: d.due_date,
                    due_at: d.due,
                    case_reference: ctx.case.reference.clone(),
                    victim_reference: ctx.victim.reference.clone(),
                };
                for (rule, at) in crate::deadlines::alerts::due_alerts(
                    &watched,
                    &rules.deadline_alerts,
                    &holidays(),
                    t(now),
                ) {
                    let to = Recipient::Supporter {
                        user_id: "supporter".into(),
                    };
                    plan.notices.push(crate::deadlines::alerts::notice(
                        &watched,
                        rule,
                        at,
                        to,
                        Basis::DataSubject,
                        "en".into(),
                    ));
                }
            }
            (name, plan)
        })
        .collect()
}

#[test]
fn every_step_the_code_uses_is_configured_in_every_rules_version() {
    for version in crate::rules::RulesTable::default_table().versions() {
        for step in STEPS_IN_CODE {
            assert!(
                version.steps.contains_key(*step),
                "{step} missing from {}",
                version.effective_from
            );
        }
        let unused: Vec<_> = version
            .steps
            .keys()
            .filter(|k| !STEPS_IN_CODE.contains(&k.as_str()))
            .collect();
        assert!(
            unused.is_empty(),
            "steps in data that no code plans: {unused:?}"
        );
    }
    for (name, plan) in all_plans() {
        let missing: Vec<_> = plan
            .warnings
            .iter()
            .filter(|w| {
                matches!(
                    w,
                    Warning::StepNotConfigured { .. } | Warning::MissingContext { .. }
                )
            })
            .collect();
        assert!(missing.is_empty(), "{name}: {missing:?}");
    }
}

#[test]
fn every_template_is_exercised_and_its_data_stays_within_its_allow_list() {
    let mut seen = BTreeSet::new();
    for (name, plan) in all_plans() {
        for n in &plan.notices {
            seen.insert(n.template);
            let allowed = n.template.allow_list();
            for key in n.data.keys() {
                assert!(
                    allowed.contains(&key.as_str()),
                    "{name}: {} carries {key}",
                    n.template.as_str()
                );
            }
        }
    }
    // The daily digest is not planned by a flow (see crate::digest),
    // escalations are made by notify::ack's sweep (tested in
    // tests/api/acknowledgements.rs), and the failed sign-in warning by
    // crate::accounts (tests/api/security.rs); the preface of a copy to a
    // child's responsible adult is put on at delivery (notify::delivery,
    // tests/api/responsible_adults.rs).
    let missing: Vec<_> = TemplateKey::ALL
        .iter()
        .filter(|t| {
            !seen.contains(t)
                && **t != TemplateKey::DailyDigest
                && **t != TemplateKey::EscalationUnacknowledged
                && **t != TemplateKey::SignInFailures
                && **t != TemplateKey::ResponsibleAdultPreface
        })
        .collect();
    assert!(
        missing.is_empty(),
        "templates no scenario produced: {missing:?}"
    );
}

#[test]
fn allow_lists_never_name_victim_contact_details() {
    for template in TemplateKey::ALL {
        for key in template.allow_list() {
            assert!(
                !FORBIDDEN_KEYS.contains(key),
                "{} allows {key}",
                template.as_str()
            );
            let contact_like = ["address", "phone", "email", "postcode", "contact"]
                .iter()
                .any(|word| key.contains(word));
            assert!(
                !contact_like || key.starts_with("organisation_"),
                "{} allows {key}, which is not the support organisation's",
                template.as_str()
            );
        }
    }
}

#[test]
fn only_the_court_identification_notices_may_carry_the_victims_name() {
    let name_keys = ["witness_name", "party_name", "victim_name"];
    let may = [
        TemplateKey::AdvisorNotice,
        TemplateKey::FamilyAdvanceIdentification,
    ];
    for template in TemplateKey::ALL {
        let carries = template.allow_list().iter().any(|k| name_keys.contains(k));
        assert_eq!(carries, may.contains(template), "{}", template.as_str());
    }
    let name = criminal().victim.name.unwrap();
    for (scenario, plan) in all_plans() {
        for n in plan.notices.iter().filter(|n| !may.contains(&n.template)) {
            let text = serde_json::to_string(&n.data).unwrap();
            assert!(
                !text.contains(&name),
                "{scenario}: {} names the victim",
                n.template.as_str()
            );
        }
    }
}

#[test]
fn redaction_keeps_only_allowed_keys_and_never_forbidden_ones() {
    use serde_json::json;
    type Candidates<'a> = &'a [(&'a str, serde_json::Value)];
    let cases: &[(TemplateKey, Candidates, &[&str])] = &[
        (
            TemplateKey::AdvisorNotice,
            &[
                ("advisor_name", json!("Sam")),
                ("victim_address", json!("2 Secret Road")),
                ("address", json!("2 Secret Road")),
                ("victim_phone", json!("07000 000000")),
                ("hearing_date", json!("2026-12-07")),
                ("organisation_address", json!(null)),
            ],
            &["advisor_name"],
        ),
        (
            TemplateKey::HearingDetailsVictim,
            &[
                ("court_name", json!("Leeds")),
                ("victim_email", json!("a@b.example")),
                ("supporter_name", json!("Sam")),
            ],
            &["court_name"],
        ),
        (
            TemplateKey::UpdateSupporter,
            &[
                ("topic", json!("case_progress")),
                ("relay_to_victim", json!(true)),
                ("postcode", json!("LS1")),
            ],
            &["relay_to_victim", "topic"],
        ),
    ];
    for (template, candidates, expected) in cases {
        let data = notice_data(*template, candidates.iter().cloned());
        let keys: Vec<&str> = data.keys().map(String::as_str).collect();
        assert_eq!(keys, *expected, "{}", template.as_str());
    }
}

#[test]
fn planning_is_deterministic_and_keys_are_unique() {
    for (name, event, ctx, now) in scenarios() {
        let first = run_at(&event, &ctx, now);
        assert_eq!(first, run_at(&event, &ctx, now), "{name}");
        let keys: Vec<_> = first
            .notices
            .iter()
            .map(|n| n.idempotency_key.clone())
            .chain(first.tasks.iter().map(|t| t.idempotency_key.clone()))
            .chain(first.deadlines.iter().map(|d| d.key.clone()))
            .collect();
        let unique: BTreeSet<_> = keys.iter().collect();
        assert_eq!(unique.len(), keys.len(), "{name}: {keys:#?}");
    }
}

#[test]
fn a_plans_cancellations_never_cover_its_own_items() {
    for (name, plan) in all_plans() {
        let prefixes: Vec<&str> = plan
            .cancellations
            .iter()
            .filter_map(|c| match c {
                Cancellation::KeyPrefix { prefix } => Some(prefix.as_str()),
                Cancellation::ConsentScope { .. } => None,
            })
            .collect();
        let own = plan
            .notices
            .iter()
            .map(|n| &n.idempotency_key)
            .chain(plan.tasks.iter().map(|t| &t.idempotency_key))
            .chain(plan.deadlines.iter().map(|d| &d.key));
        for key in own {
            assert!(
                !prefixes.iter().any(|p| key.starts_with(p)),
                "{name}: {key} under its own cancellation"
            );
        }
    }
}

#[test]
fn events_contexts_and_plans_round_trip_through_json() {
    for (name, event, ctx, now) in scenarios() {
        let e: Event = serde_json::from_str(&serde_json::to_string(&event).unwrap()).unwrap();
        let c: FlowContext = serde_json::from_str(&serde_json::to_string(&ctx).unwrap()).unwrap();
        assert_eq!((&e, &c), (&event, &ctx), "{name}");
        let plan = run_at(&e, &c, now);
        let back: Plan = serde_json::from_str(&serde_json::to_string(&plan).unwrap()).unwrap();
        assert_eq!(back, plan, "{name}");
    }
}

#[test]
fn event_json_uses_the_documented_shape() {
    let json = r#"{"id":"E9","at":"2026-11-02T09:00:00Z","type":"attendance_request_updated",
        "action":{"action":"court_refuses","reason":"Ground rules"}}"#;
    let event: Event = serde_json::from_str(json).unwrap();
    assert_eq!(
        event.kind,
        EventKind::AttendanceRequestUpdated {
            action: AttendanceAction::CourtRefuses {
                reason: "Ground rules".into()
            }
        }
    );
}

#[test]
fn notices_and_tasks_carry_the_steps_data_flags() {
    let plan = run(
        &event(EventKind::AttendanceRequestRaised),
        &with_request(criminal(), AttendanceState::Requested),
    );
    let n = notice(&plan, TemplateKey::SupporterInPlace).expect("WCU told");
    assert!(n.reconstructed);
    assert!(!n.citation.is_empty());
    let allowed = run(
        &update(AttendanceAction::CourtAllows),
        &with_request(criminal(), AttendanceState::CpsInformed),
    );
    let advisor = notice(&allowed, TemplateKey::AdvisorNotice).expect("advisor notice");
    assert!(!advisor.reconstructed);
    assert_eq!(
        advisor.citation,
        rules().steps["criminal.advisor_notice"].citation
    );
}

#[test]
fn a_disabled_step_plans_nothing() {
    let mut rules = rules();
    rules
        .steps
        .get_mut("criminal.supporter_informs_wcu")
        .unwrap()
        .enabled = false;
    let ctx = with_request(criminal(), AttendanceState::Requested);
    let plan = plan(
        &event(EventKind::AttendanceRequestRaised),
        &ctx,
        &rules,
        &holidays(),
        t(NOW),
    );
    assert!(notice(&plan, TemplateKey::SupporterInPlace).is_none());
    assert!(task(&plan, TaskKind::RecordSupporterInNeedsAssessment).is_some());
}

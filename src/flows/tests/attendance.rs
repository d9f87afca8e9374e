//! The attendance-request state machine: every allowed step, and every
//! other (state, action) pair refused.

use crate::flows::testkit::*;
use crate::flows::*;
use AttendanceState as S;

fn actions() -> Vec<AttendanceAction> {
    use AttendanceAction as A;
    vec![
        A::WcuInformed,
        A::CpsInformed,
        A::CourtAllows,
        A::CourtAllowsWithConditions {
            conditions: "Sit behind the screen".into(),
        },
        A::CourtRefuses {
            reason: "Not suitable".into(),
        },
        A::IdentifiedToCourt,
        A::CourtDirects {
            direction: FamilyDirection::ShouldNotBePresent,
            reason: "Interests of justice".into(),
        },
        A::CourtDirects {
            direction: FamilyDirection::NeedNotBePresent,
            reason: "Represented".into(),
        },
        A::Attended,
        A::Withdraw { reason: None },
    ]
}

const STATES: [AttendanceState; 11] = [
    S::Requested,
    S::WcuInformed,
    S::CpsInformed,
    S::IdentifiedToCourt,
    S::Allowed,
    S::AllowedWithConditions,
    S::Refused,
    S::DirectedShouldNotAttend,
    S::DirectedNeedNotAttend,
    S::Attended,
    S::Withdrawn,
];

/// (from, action name, to): the whole machine.
const ALLOWED: &[(AttendanceState, &str, AttendanceState)] = &[
    (S::Requested, "wcu_informed", S::WcuInformed),
    (S::WcuInformed, "cps_informed", S::CpsInformed),
    (S::CpsInformed, "court_allows", S::Allowed),
    (
        S::CpsInformed,
        "court_allows_with_conditions",
        S::AllowedWithConditions,
    ),
    (S::CpsInformed, "court_refuses", S::Refused),
    (S::Allowed, "attended", S::Attended),
    (S::AllowedWithConditions, "attended", S::Attended),
    (S::Requested, "identified_to_court", S::IdentifiedToCourt),
    (S::IdentifiedToCourt, "attended", S::Attended),
    (S::Requested, "withdraw", S::Withdrawn),
    (S::WcuInformed, "withdraw", S::Withdrawn),
    (S::CpsInformed, "withdraw", S::Withdrawn),
    (S::IdentifiedToCourt, "withdraw", S::Withdrawn),
    (S::Allowed, "withdraw", S::Withdrawn),
    (S::AllowedWithConditions, "withdraw", S::Withdrawn),
];

fn expected(from: AttendanceState, action: &AttendanceAction) -> Option<AttendanceState> {
    if let AttendanceAction::CourtDirects { direction, .. } = action {
        if matches!(from, S::Requested | S::IdentifiedToCourt) {
            return Some(match direction {
                FamilyDirection::ShouldNotBePresent => S::DirectedShouldNotAttend,
                FamilyDirection::NeedNotBePresent => S::DirectedNeedNotAttend,
            });
        }
        return None;
    }
    ALLOWED
        .iter()
        .find(|(f, a, _)| *f == from && *a == action.name())
        .map(|(_, _, to)| *to)
}

#[test]
fn every_state_and_action_pair_follows_the_machine() {
    let mut allowed = 0;
    for from in STATES {
        for action in actions() {
            let got = transition(from, &action);
            match expected(from, &action) {
                Some(to) => {
                    allowed += 1;
                    assert_eq!(got, Ok(to), "{from:?} + {}", action.name());
                }
                None => assert!(
                    matches!(got, Err(FlowError::InvalidTransition { .. })),
                    "{from:?} + {} should be refused, got {got:?}",
                    action.name()
                ),
            }
        }
    }
    assert_eq!(allowed, ALLOWED.len() + 4, "two directions from two states");
}

#[test]
fn closed_states_accept_nothing() {
    for from in STATES.into_iter().filter(|s| !s.is_open()) {
        for action in actions() {
            assert!(
                transition(from, &action).is_err(),
                "{from:?} + {}",
                action.name()
            );
        }
    }
}

#[test]
fn a_refusal_a_direction_and_conditions_need_their_words() {
    use AttendanceAction as A;
    let cases = [
        (
            S::CpsInformed,
            A::CourtRefuses {
                reason: "  ".into(),
            },
            FlowError::ReasonRequired { what: "a refusal" },
        ),
        (
            S::CpsInformed,
            A::CourtAllowsWithConditions {
                conditions: String::new(),
            },
            FlowError::ConditionsRequired,
        ),
        (
            S::IdentifiedToCourt,
            A::CourtDirects {
                direction: FamilyDirection::ShouldNotBePresent,
                reason: String::new(),
            },
            FlowError::ReasonRequired {
                what: "a court direction",
            },
        ),
    ];
    for (from, action, error) in cases {
        assert_eq!(transition(from, &action), Err(error));
    }
}

#[test]
fn an_invalid_transition_names_the_state_and_action() {
    let err = transition(S::Requested, &AttendanceAction::CourtAllows).unwrap_err();
    assert_eq!(
        err.to_string(),
        "cannot court_allows when the attendance request is requested"
    );
}

#[test]
fn the_planner_refuses_invalid_steps_and_other_jurisdictions_actions() {
    use AttendanceAction as A;
    let cases: Vec<(FlowContext, AttendanceAction)> = vec![
        (with_request(criminal(), S::Requested), A::CourtAllows),
        (with_request(criminal(), S::Refused), A::Attended),
        (
            with_request(criminal(), S::Withdrawn),
            A::Withdraw { reason: None },
        ),
        (with_request(criminal(), S::Requested), A::IdentifiedToCourt),
        (with_request(family(), S::Requested), A::WcuInformed),
        (with_request(family(), S::IdentifiedToCourt), A::CourtAllows),
    ];
    for (ctx, action) in cases {
        let plan = run(&update(action.clone()), &ctx);
        assert!(
            plan.warnings
                .iter()
                .any(|w| matches!(w, Warning::InvalidTransition { .. })),
            "{}: {:?}",
            action.name(),
            plan.warnings
        );
        assert_eq!(plan.attendance_state, None);
        assert!(plan.notices.is_empty() && plan.tasks.is_empty());
    }
}

#[test]
fn the_planner_reports_the_new_state() {
    use AttendanceAction as A;
    let cases = [
        (criminal(), S::Requested, A::WcuInformed, S::WcuInformed),
        (criminal(), S::WcuInformed, A::CpsInformed, S::CpsInformed),
        (
            criminal(),
            S::CpsInformed,
            A::CourtRefuses {
                reason: "No".into(),
            },
            S::Refused,
        ),
        (criminal(), S::Allowed, A::Attended, S::Attended),
        (
            family(),
            S::Requested,
            A::IdentifiedToCourt,
            S::IdentifiedToCourt,
        ),
        (
            family(),
            S::IdentifiedToCourt,
            A::Withdraw { reason: None },
            S::Withdrawn,
        ),
    ];
    for (ctx, from, action, to) in cases {
        let plan = run(&update(action), &with_request(ctx, from));
        assert_eq!(plan.attendance_state, Some(to));
    }
}

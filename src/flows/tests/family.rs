//! The family-court supporter flow.

use crate::flows::testkit::*;
use crate::flows::*;
use serde_json::json;
use AttendanceState as S;

fn family_at(start: &str) -> FlowContext {
    let mut ctx = with_request(family(), S::Requested);
    ctx.hearing.as_mut().unwrap().start = t(start);
    ctx
}

#[test]
fn a_party_wishing_support_gets_the_adviser_identified_to_the_court_in_advance() {
    let plan = run(
        &event(EventKind::AttendanceRequestRaised),
        &with_request(family(), S::Requested),
    );
    assert_eq!(plan.attendance_state, Some(S::Requested));
    assert_eq!(templates(&plan), [TemplateKey::FamilyAdvanceIdentification]);
    let n = &plan.notices[0];
    assert_eq!(
        n.recipient,
        Recipient::Court {
            court: "Leeds Family Court".into()
        }
    );
    assert_eq!(
        n.basis,
        Basis::Consent {
            scope: ConsentScope::IdentifySupporterToCourt
        }
    );
    assert_eq!(
        data_keys(n),
        [
            "adviser_name",
            "adviser_role",
            "case_reference",
            "court_name",
            "hearing_date",
            "hearing_start",
            "hearing_time",
            "organisation_contact",
            "organisation_name",
            "party_name"
        ]
    );
    assert_eq!(n.data["party_name"], json!("Alex Witness"));
    assert_eq!(n.data["case_reference"], json!("LS26P01234"));
    assert_eq!(n.data["adviser_role"], json!("idva"));
    assert_eq!(n.not_after, Some(t(TRIAL)));
    assert!(!n.reconstructed);
}

#[test]
fn when_advance_notice_is_not_possible_the_supporter_gets_an_on_the_day_checklist() {
    // (now, hearing start, in advance?)
    let cases = [
        ("2026-11-02T09:00:00Z", "2026-11-03T10:00:00Z", true),
        ("2026-11-02T09:00:00Z", "2026-11-02T14:00:00Z", false),
        // Saturday before a Monday hearing: the last working day has passed.
        ("2026-11-07T09:00:00Z", "2026-11-09T10:00:00Z", false),
        ("2026-11-06T16:00:00Z", "2026-11-09T10:00:00Z", true),
        // Thursday before Easter: Good Friday is no working day.
        ("2026-04-02T12:00:00Z", "2026-04-07T09:00:00Z", true),
        ("2026-04-03T12:00:00Z", "2026-04-07T09:00:00Z", false),
    ];
    for (now, start, advance) in cases {
        let plan = run_at(
            &event_at(now, EventKind::AttendanceRequestRaised),
            &family_at(start),
            now,
        );
        let expected = if advance {
            TemplateKey::FamilyAdvanceIdentification
        } else {
            TemplateKey::FamilyOnTheDayChecklist
        };
        assert_eq!(templates(&plan), [expected], "{now} for {start}");
        if !advance {
            let n = &plan.notices[0];
            assert_eq!(
                n.recipient,
                Recipient::Supporter {
                    user_id: "U1".into()
                }
            );
            assert!(!n.data.contains_key("party_name"));
            assert_eq!(n.data["adviser_name"], json!("Sam Supporter"));
        }
    }
}

#[test]
fn a_direction_that_the_adviser_should_not_or_need_not_attend_closes_the_request() {
    let cases = [
        (
            FamilyDirection::ShouldNotBePresent,
            S::DirectedShouldNotAttend,
        ),
        (FamilyDirection::NeedNotBePresent, S::DirectedNeedNotAttend),
    ];
    for (direction, closed) in cases {
        for before in [S::Requested, S::IdentifiedToCourt] {
            let action = AttendanceAction::CourtDirects {
                direction,
                reason: "Party is represented".into(),
            };
            let ctx = with_request(family(), before);
            let plan = run(&update(action.clone()), &ctx);
            assert_eq!(plan.attendance_state, Some(closed));
            assert!(!closed.is_open());
            let t = task(&plan, TaskKind::TellPartyOfDirection).unwrap();
            assert_eq!(t.assignee.as_deref(), Some("U1"));
            let raised = run(&event(EventKind::AttendanceRequestRaised), &ctx);
            let key = &raised.notices[0].idempotency_key;
            assert!(
                plan.cancellations.iter().any(
                    |c| matches!(c, Cancellation::KeyPrefix { prefix } if key.starts_with(prefix))
                ),
                "{key}"
            );
            // Closed: a further direction or attendance is refused.
            let again = run(&update(action), &with_request(family(), closed));
            assert_eq!(again.attendance_state, None);
        }
    }
    let unreasoned = AttendanceAction::CourtDirects {
        direction: FamilyDirection::ShouldNotBePresent,
        reason: " ".into(),
    };
    let plan = run(
        &update(unreasoned),
        &with_request(family(), S::IdentifiedToCourt),
    );
    assert_eq!(plan.attendance_state, None);
    assert!(plan
        .warnings
        .iter()
        .any(|w| matches!(w, Warning::InvalidTransition { .. })));
}

#[test]
fn a_family_hearing_listed_or_moved_is_covered_by_an_open_request() {
    let moved = EventKind::HearingMoved {
        previous_start: t("2026-11-30T10:00:00Z"),
        previous_court: None,
    };
    for kind in [EventKind::HearingListed, moved] {
        for (state, planned) in [
            (Some(S::IdentifiedToCourt), true),
            (Some(S::Withdrawn), false),
            (None, false),
        ] {
            let ctx = match state {
                Some(s) => with_request(family(), s),
                None => family(),
            };
            let plan = run(&event(kind.clone()), &ctx);
            assert_eq!(
                notice(&plan, TemplateKey::FamilyAdvanceIdentification).is_some(),
                planned,
                "{kind:?} {state:?}"
            );
            // No Witness Care Unit duties in a family case.
            assert!(deadline(&plan, DeadlineKind::VictimToldOfHearing).is_none());
        }
    }
}

#[test]
fn a_family_notice_needs_the_party_and_consent() {
    let mut unnamed = with_request(family(), S::Requested);
    unnamed.victim.name = None;
    let plan = run(&event(EventKind::AttendanceRequestRaised), &unnamed);
    assert!(plan.notices.is_empty());
    assert!(plan.warnings.contains(&Warning::MissingNoticeField {
        template: TemplateKey::FamilyAdvanceIdentification,
        field: "party_name".into()
    }));
    let plan = run(
        &event(EventKind::AttendanceRequestRaised),
        &without_consents(with_request(family(), S::Requested)),
    );
    assert!(plan.notices.is_empty());
    assert_eq!(no_consent_warnings(&plan).len(), 1);
    let mut no_wish = with_request(family(), S::Requested);
    no_wish.wish_to_accompany_recorded = false;
    let plan = run(&event(EventKind::AttendanceRequestRaised), &no_wish);
    assert!(plan.notices.is_empty());
    assert!(plan.warnings.contains(&Warning::WishToAccompanyNotRecorded));
}

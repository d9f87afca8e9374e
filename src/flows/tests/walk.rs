//! A criminal case and a family case walked from listing to the hearing
//! day, feeding each plan's new state into the next event.

use crate::flows::testkit::*;
use crate::flows::*;
use AttendanceState as S;

fn step(ctx: &mut FlowContext, e: Event, now: &str) -> Plan {
    let plan = run_at(&e, ctx, now);
    if let (Some(state), Some(req)) = (plan.attendance_state, ctx.attendance_request.as_mut()) {
        req.state = state;
    }
    for n in &plan.notices {
        if n.step.starts_with("hearing.") && !ctx.told_of_hearing.contains(&n.recipient) {
            ctx.told_of_hearing.push(n.recipient.clone());
        }
    }
    plan
}

fn at(at: &str, kind: EventKind) -> Event {
    event_at(at, kind)
}

#[test]
fn a_criminal_case_from_listing_to_the_hearing_day() {
    let mut ctx = criminal();
    let listed = step(
        &mut ctx,
        at("2026-11-02T09:00:00Z", EventKind::HearingListed),
        "2026-11-02T09:00:00Z",
    );
    assert_eq!(
        templates(&listed),
        [
            TemplateKey::HearingDetailsVictim,
            TemplateKey::HearingDetailsSupporter
        ]
    );

    ctx = with_request(ctx, S::Requested);
    let raised = step(
        &mut ctx,
        at("2026-11-03T10:00:00Z", EventKind::AttendanceRequestRaised),
        "2026-11-03T10:00:00Z",
    );
    assert_eq!(templates(&raised), [TemplateKey::SupporterInPlace]);
    let to_cps = step(
        &mut ctx,
        update(AttendanceAction::WcuInformed),
        "2026-11-04T10:00:00Z",
    );
    assert_eq!(
        templates(&to_cps),
        [
            TemplateKey::CompanionRequest,
            TemplateKey::WitnessServiceRequest
        ]
    );
    step(
        &mut ctx,
        update(AttendanceAction::CpsInformed),
        "2026-11-05T10:00:00Z",
    );
    let allowed = step(
        &mut ctx,
        update(AttendanceAction::CourtAllows),
        "2026-11-20T10:00:00Z",
    );
    assert_eq!(ctx.attendance_request.as_ref().unwrap().state, S::Allowed);
    let first_advisor = notice(&allowed, TemplateKey::AdvisorNotice)
        .unwrap()
        .idempotency_key
        .clone();

    // The trial moves a week: the old slot's notice is cancelled, a new one planned.
    let previous_start = ctx.hearing.as_ref().unwrap().start;
    ctx.hearing.as_mut().unwrap().start = t("2026-12-14T10:00:00Z");
    let moved = step(
        &mut ctx,
        at(
            "2026-11-23T11:00:00Z",
            EventKind::HearingMoved {
                previous_start,
                previous_court: None,
            },
        ),
        "2026-11-23T11:00:00Z",
    );
    assert!(moved.cancellations.iter().any(
        |c| matches!(c, Cancellation::KeyPrefix { prefix } if first_advisor.starts_with(prefix))
    ));
    let advisor = notice(&moved, TemplateKey::AdvisorNotice).unwrap();
    assert_eq!(advisor.send_after, Some(t("2026-12-14T08:00:00Z")));
    assert_eq!(notices_to(&moved, RecipientKind::Supporter).len(), 1);

    // The victim withdraws every consent; the change of court room is then
    // told to the victim alone.
    for c in &mut ctx.consents {
        c.withdrawn_at = Some(t("2026-11-30T09:00:00Z"));
    }
    let withdrawn = step(
        &mut ctx,
        at(
            "2026-11-30T09:00:00Z",
            EventKind::ConsentWithdrawn {
                scope: ConsentScope::SimultaneousUpdates,
            },
        ),
        "2026-11-30T09:00:00Z",
    );
    assert_eq!(withdrawn.cancellations.len(), 1);
    let previous_start = ctx.hearing.as_ref().unwrap().start;
    ctx.hearing.as_mut().unwrap().start = t("2026-12-14T14:00:00Z");
    let moved_again = step(
        &mut ctx,
        at(
            "2026-12-01T09:00:00Z",
            EventKind::HearingMoved {
                previous_start,
                previous_court: None,
            },
        ),
        "2026-12-01T09:00:00Z",
    );
    assert_eq!(templates(&moved_again), [TemplateKey::HearingChangeVictim]);
    assert!(notice(&moved_again, TemplateKey::AdvisorNotice).is_none());

    // On the day, before the hearing, the supporter attends.
    step(
        &mut ctx,
        update(AttendanceAction::Attended),
        "2026-12-14T13:00:00Z",
    );
    assert_eq!(ctx.attendance_request.as_ref().unwrap().state, S::Attended);
}

#[test]
fn a_criminal_request_refused_and_a_hearing_vacated() {
    let mut ctx = with_request(criminal(), S::CpsInformed);
    let refused = step(
        &mut ctx,
        update(AttendanceAction::CourtRefuses {
            reason: "Intermediary present".into(),
        }),
        NOW,
    );
    assert_eq!(templates(&refused), [TemplateKey::AttendanceDecision]);
    let vacated = step(
        &mut ctx,
        event(EventKind::HearingVacated { adjourned: false }),
        NOW,
    );
    assert!(
        task(&vacated, TaskKind::ReviewAttendanceRequest).is_none(),
        "a refused request is closed"
    );
    assert!(notice(&vacated, TemplateKey::HearingChangeVictim).is_some());
}

#[test]
fn a_family_case_from_listing_to_the_hearing_day() {
    let mut ctx = with_request(family(), S::Requested);
    let raised = step(&mut ctx, event(EventKind::AttendanceRequestRaised), NOW);
    assert_eq!(
        templates(&raised),
        [TemplateKey::FamilyAdvanceIdentification]
    );
    step(&mut ctx, update(AttendanceAction::IdentifiedToCourt), NOW);

    // A short-notice directions hearing the same day: identify on the day.
    let mut h = ctx.hearing.clone().unwrap();
    h.id = "H2".into();
    h.kind = HearingKind::Directions;
    h.start = t("2026-11-02T15:00:00Z");
    ctx.hearing = Some(h);
    let listed = step(&mut ctx, event(EventKind::HearingListed), NOW);
    assert_eq!(templates(&listed), [TemplateKey::FamilyOnTheDayChecklist]);

    let direction = AttendanceAction::CourtDirects {
        direction: FamilyDirection::ShouldNotBePresent,
        reason: "Evidence of the adviser's involvement".into(),
    };
    let directed = step(&mut ctx, update(direction), "2026-11-02T15:05:00Z");
    assert_eq!(
        ctx.attendance_request.as_ref().unwrap().state,
        S::DirectedShouldNotAttend
    );
    assert!(task(&directed, TaskKind::TellPartyOfDirection).is_some());
    let after = step(&mut ctx, event(EventKind::HearingListed), NOW);
    assert!(
        after.notices.is_empty(),
        "a closed request covers no further hearing"
    );
}

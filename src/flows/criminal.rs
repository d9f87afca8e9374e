//! The criminal supporter-at-court flow: the victim's wish, the Witness Care
//! Unit, the prosecutor, the Witness Service, the court's decision, the
//! pre-trial visit and the advisor's hearing-day notice.

mod advisor;
mod visit;

pub(crate) use visit::{visit_arranged, visit_cancelled, visit_requested};

use super::attendance::AttendanceAction;
use super::context::{AttendanceRequestFacts, HearingFacts, SupporterFacts};
use super::court_needs;
use super::facts;
use super::keys::Subject;
use super::plan::{
    Cancellation, Deadline, DeadlineKind, DisclosureCategory, Recipient, TaskKind, Warning,
};
use super::planner::{Draft, Planner};
use super::templates::TemplateKey;
use crate::calendar;
use crate::domain::{AttendanceState, HearingStatus};
use serde_json::json;

pub(crate) const STEP_WISH: &str = "criminal.wish_recorded";
pub(crate) const STEP_INFORM_WCU: &str = "criminal.supporter_informs_wcu";
pub(crate) const STEP_NEEDS_ASSESSMENT: &str = "criminal.wco_records_needs_assessment";
pub(crate) const STEP_INFORM_CPS: &str = "criminal.wco_informs_cps";
pub(crate) const STEP_INFORM_WITNESS_SERVICE: &str = "criminal.wco_informs_witness_service";
pub(crate) const STEP_RAISE_WITH_COURT: &str = "criminal.cps_raises_with_court";
pub(crate) const STEP_DECISION: &str = "criminal.court_decision";
pub(crate) const STEP_TELL_VICTIM_DECISION: &str = "criminal.wco_tells_victim_decision";
pub(crate) const STEP_WITHDRAWN: &str = "criminal.attendance_withdrawn";
pub(crate) const STEP_REVIEW_AFTER_VACATION: &str = "criminal.review_after_vacation";
#[cfg(test)]
pub(crate) use advisor::STEP_ADVISOR_NOTICE;
#[cfg(test)]
pub(crate) use visit::{
    STEP_VISIT_ALERT, STEP_VISIT_ARRANGED, STEP_VISIT_CANCELLED, STEP_VISIT_REQUEST,
};

fn hearing_and_supporter(p: &mut Planner<'_>) -> Option<(HearingFacts, SupporterFacts)> {
    let hearing = p.ctx.hearing.clone();
    let supporter = p.ctx.supporter.clone();
    if hearing.is_none() {
        p.missing("hearing");
    }
    if supporter.is_none() {
        p.missing("supporter");
    }
    Some((hearing?, supporter?))
}

/// Everything about one request that hangs on one hearing slot.
fn request_subject(h: &HearingFacts, req: &AttendanceRequestFacts) -> Subject {
    Subject::hearing_part(&h.id, h.start, &format!("attendance:{}", req.id))
}

fn applies_to(req: &AttendanceRequestFacts, h: &HearingFacts) -> bool {
    req.hearing_id.as_ref().is_none_or(|id| *id == h.id)
}

/// Warns when the supporter sat in on the witness statement and is also to
/// be the victim's supporter at court.
pub(crate) fn check_statement_and_court(p: &mut Planner<'_>, present_at_statement_now: bool) {
    let Some(s) = &p.ctx.supporter else { return };
    let at_statement = s.present_at_statement_taking || present_at_statement_now;
    let open_request = p
        .ctx
        .attendance_request
        .as_ref()
        .is_some_and(|r| r.state.is_open());
    let at_court = p.ctx.wish_to_accompany_recorded || open_request;
    if at_statement && at_court {
        let supporter_user_id = s.user_id.clone();
        p.warn(Warning::SupporterPresentAtStatementAndCourt { supporter_user_id });
    }
}

pub(crate) fn request_raised(p: &mut Planner<'_>, req: &AttendanceRequestFacts) {
    let Some((h, s)) = hearing_and_supporter(p) else {
        return;
    };
    check_statement_and_court(p, false);
    let subject = Subject::attendance(&req.id, AttendanceState::Requested.as_str());
    if !p.ctx.wish_to_accompany_recorded {
        p.warn(Warning::WishToAccompanyNotRecorded);
        p.task(
            STEP_WISH,
            TaskKind::RecordWishToAccompany,
            &subject,
            None,
            "Record the victim's wish to have you alongside at court, and their consent to share it".into(),
        );
        return;
    }
    if slot_given_up(&h) {
        return;
    }
    let mut data = facts::case(p.ctx);
    data.extend(facts::supporter(&s));
    data.extend(facts::hearing(&h));
    match p.ctx.case.wcu_org_id.clone() {
        Some(org_id) => {
            p.notice(
                Draft::new(
                    STEP_INFORM_WCU,
                    TemplateKey::SupporterInPlace,
                    Recipient::WitnessCareUnit { org_id },
                    DisclosureCategory::SupporterArrangements,
                    subject.clone(),
                )
                .data(data)
                .not_after(Some(h.start)),
            );
        }
        None => p.missing("witness care unit"),
    }
    let alert = p.rules.alerts.wco_informs_cps_after_request.clone();
    let learned = calendar::london_date(p.event.at);
    let due = p.deadline_after(
        DeadlineKind::CpsInformedOfSupporter,
        &alert,
        learned,
        &subject,
        true,
    );
    p.task(
        STEP_NEEDS_ASSESSMENT,
        TaskKind::RecordSupporterInNeedsAssessment,
        &subject,
        Some(due.due),
        "Record in the needs assessment that a supporter will attend; tell the prosecutor and the Witness Service".into(),
    );
}

pub(crate) fn request_updated(
    p: &mut Planner<'_>,
    req: &AttendanceRequestFacts,
    before: AttendanceState,
    next: AttendanceState,
    action: &AttendanceAction,
) {
    let Some((h, s)) = hearing_and_supporter(p) else {
        return;
    };
    let subject = Subject::attendance(&req.id, next.as_str());
    match next {
        AttendanceState::WcuInformed => inform_cps_and_witness_service(p, req, &h, &s, &subject),
        AttendanceState::CpsInformed => raise_with_court(p, req, &h),
        AttendanceState::Allowed
        | AttendanceState::AllowedWithConditions
        | AttendanceState::Refused => {
            decision(p, &h, &subject, next, action);
            if next.is_allowed() {
                check_statement_and_court(p, false);
                advisor::plan(p, &h, &s, &request_subject(&h, req));
            }
        }
        AttendanceState::Withdrawn => withdrawn(p, req, before, &h, &s, &subject),
        _ => {}
    }
}

/// A hearing vacated, adjourned or concluded has no slot to ask anyone
/// about: nothing naming it is sent (the supporter was asked to attach the
/// request to the new hearing or withdraw it).
fn slot_given_up(h: &HearingFacts) -> bool {
    matches!(
        h.status,
        HearingStatus::Vacated | HearingStatus::Adjourned | HearingStatus::Concluded
    )
}

fn inform_cps_and_witness_service(
    p: &mut Planner<'_>,
    req: &AttendanceRequestFacts,
    h: &HearingFacts,
    s: &SupporterFacts,
    subject: &Subject,
) {
    if slot_given_up(h) {
        return;
    }
    let raise_by = raise_with_court_deadline(p, req, h).due_date;
    let mut data = facts::case(p.ctx);
    data.extend(facts::supporter(s));
    data.extend(facts::hearing(h));
    // The victim's needs at court that she agreed may be passed on: the
    // prosecutor raises them with the court (listing, interpreter
    // booking), the Witness Service meets her on the day.
    data.push((
        "court_needs",
        court_needs::notice_field(&p.ctx.court_needs.disclosable),
    ));
    let mut to_cps = data.clone();
    to_cps.extend([
        ("victim_wishes_companion", json!(true)),
        ("raise_by", json!(raise_by.to_string())),
    ]);
    p.notice(
        Draft::new(
            STEP_INFORM_CPS,
            TemplateKey::CompanionRequest,
            Recipient::Prosecutor,
            DisclosureCategory::SupporterArrangements,
            subject.clone(),
        )
        .data(to_cps)
        .not_after(Some(h.start)),
    );
    let visit_wanted = !p.ctx.pre_trial_visit_arranged;
    let visit_by = visit_wanted.then(|| visit::alert(p, h));
    data.extend([
        ("supporter_in_place", json!(true)),
        ("pre_trial_visit_requested", json!(visit_wanted)),
        ("visit_to_suit_victim_and_supporter", json!(visit_wanted)),
        ("safe_entrances_exits_and_waiting_requested", json!(true)),
        (
            "visit_wanted_by",
            facts::opt(visit_by.map(|d| d.to_string())),
        ),
    ]);
    p.notice(
        Draft::new(
            STEP_INFORM_WITNESS_SERVICE,
            TemplateKey::WitnessServiceRequest,
            Recipient::WitnessService {
                court: h.court.name.clone(),
            },
            DisclosureCategory::SupporterArrangements,
            subject.clone(),
        )
        .data(data)
        .not_after(Some(h.start)),
    );
}

/// The operational deadline for raising the supporter with the court.
fn raise_with_court_deadline(
    p: &mut Planner<'_>,
    req: &AttendanceRequestFacts,
    h: &HearingFacts,
) -> Deadline {
    let alert = p
        .rules
        .alerts
        .attendance_request_to_court_before_hearing
        .clone();
    let day = calendar::london_date(h.start);
    p.deadline_before(
        DeadlineKind::AttendanceRaisedWithCourt,
        &alert,
        day,
        &request_subject(h, req),
        true,
    )
}

fn raise_with_court(p: &mut Planner<'_>, req: &AttendanceRequestFacts, h: &HearingFacts) {
    let due = raise_with_court_deadline(p, req, h).due;
    p.task(
        STEP_RAISE_WITH_COURT,
        TaskKind::RaiseCompanionWithCourt,
        &request_subject(h, req),
        Some(due),
        "Tell the court the witness wants their supporter as companion: name them, say why they are suitable and give the witness's views".into(),
    );
}

fn decision(
    p: &mut Planner<'_>,
    h: &HearingFacts,
    subject: &Subject,
    next: AttendanceState,
    action: &AttendanceAction,
) {
    let (conditions, reason) = match action {
        AttendanceAction::CourtAllowsWithConditions { conditions } => {
            (Some(conditions.clone()), None)
        }
        AttendanceAction::CourtRefuses { reason } => (None, Some(reason.clone())),
        _ => (None, None),
    };
    let supporter = p.ctx.supporter.as_ref().map(|s| s.user_id.clone());
    let mut data = facts::case(p.ctx);
    data.extend(facts::hearing(h));
    data.extend([
        ("decision", json!(next.as_str())),
        ("conditions", facts::opt(conditions)),
        ("reason", facts::opt(reason)),
    ]);
    if let Some(user_id) = supporter {
        p.notice(
            Draft::new(
                STEP_DECISION,
                TemplateKey::AttendanceDecision,
                Recipient::Supporter { user_id },
                DisclosureCategory::SupporterArrangements,
                subject.clone(),
            )
            .data(data),
        );
    }
    p.task(
        STEP_TELL_VICTIM_DECISION,
        TaskKind::TellVictimOfAttendanceDecision,
        subject,
        None,
        "Tell the victim the court's decision on their supporter accompanying them".into(),
    );
}

fn withdrawn(
    p: &mut Planner<'_>,
    req: &AttendanceRequestFacts,
    before: AttendanceState,
    h: &HearingFacts,
    s: &SupporterFacts,
    subject: &Subject,
) {
    use AttendanceState as S;
    for state in [
        S::Requested,
        S::WcuInformed,
        S::CpsInformed,
        S::Allowed,
        S::AllowedWithConditions,
    ] {
        p.plan.cancellations.push(Cancellation::KeyPrefix {
            prefix: Subject::attendance(&req.id, state.as_str()).prefix(),
        });
    }
    p.plan.cancellations.push(Cancellation::KeyPrefix {
        prefix: request_subject(h, req).prefix(),
    });
    let mut data = facts::case(p.ctx);
    data.extend(facts::supporter(s));
    data.extend(facts::hearing(h));
    let mut told = Vec::new();
    if let Some(org_id) = p.ctx.case.wcu_org_id.clone() {
        told.push(Recipient::WitnessCareUnit { org_id });
    }
    if before != S::Requested {
        told.push(Recipient::Prosecutor);
        told.push(Recipient::WitnessService {
            court: h.court.name.clone(),
        });
    }
    for to in told {
        p.notice(
            Draft::new(
                STEP_WITHDRAWN,
                TemplateKey::AttendanceWithdrawn,
                to,
                DisclosureCategory::SupporterArrangements,
                subject.clone(),
            )
            .data(data.clone())
            .not_after(Some(h.start)),
        );
    }
}

/// A hearing was listed or moved: re-plan what the request needs for it.
pub(crate) fn replan_for_hearing(p: &mut Planner<'_>, h: &HearingFacts) {
    let Some(req) = p.ctx.attendance_request.clone() else {
        return;
    };
    let state = req.state;
    if !applies_to(&req, h) || !state.is_open() {
        return;
    }
    if matches!(state, AttendanceState::CpsInformed) {
        raise_with_court(p, &req, h);
    }
    if state != AttendanceState::Requested && !p.ctx.pre_trial_visit_arranged {
        visit::alert(p, h);
    }
    if state.is_allowed() {
        if let Some(s) = p.ctx.supporter.clone() {
            advisor::plan(p, h, &s, &request_subject(h, &req));
        }
    }
}

/// A hearing with an open request was vacated: the supporter decides what
/// happens to the request.
pub(crate) fn review_request_after_vacation(
    p: &mut Planner<'_>,
    h: &HearingFacts,
    subject: &Subject,
) {
    let Some(req) = p.ctx.attendance_request.clone() else {
        return;
    };
    if applies_to(&req, h) && req.state.is_open() {
        p.task(
            STEP_REVIEW_AFTER_VACATION,
            TaskKind::ReviewAttendanceRequest,
            subject,
            None,
            "The hearing was vacated: attach the attendance request to the new hearing or withdraw it".into(),
        );
    }
}

//! The family-court supporter flow: identifying the adviser to the court in
//! advance where possible, otherwise on the day before the hearing; and the
//! court's power to direct that the adviser should not, or need not, be
//! present.

use super::context::{AttendanceRequestFacts, HearingFacts};
use super::facts;
use super::keys::Subject;
use super::plan::{Cancellation, DisclosureCategory, Recipient, TaskKind, Warning};
use super::planner::{Draft, Planner};
use super::templates::TemplateKey;
use crate::calendar;
use crate::domain::AttendanceState;
use serde_json::json;

pub(crate) const STEP_ADVANCE: &str = "family.advance_identification";
pub(crate) const STEP_ON_THE_DAY: &str = "family.on_the_day_identification";
pub(crate) const STEP_DIRECTION: &str = "family.court_direction";

fn identification_subject(h: &HearingFacts, req: &AttendanceRequestFacts) -> Subject {
    Subject::hearing_part(&h.id, h.start, &format!("support:{}", req.id))
}

/// Whether there is still time to identify the adviser before the hearing
/// day (the lead time is an operational alert in the rules).
fn advance_possible(p: &Planner<'_>, h: &HearingFacts) -> bool {
    let lead = &p.rules.alerts.family_advance_notice_before_hearing;
    let latest = lead.date_before(calendar::london_date(h.start), p.holidays);
    calendar::london_date(p.now) <= latest
}

/// Plans the adviser's identification for a hearing: in advance to the
/// court, or an on-the-day checklist for the adviser.
fn identify_for(p: &mut Planner<'_>, h: &HearingFacts, req: &AttendanceRequestFacts) {
    let Some(s) = p.ctx.supporter.clone() else {
        p.missing("supporter");
        return;
    };
    let subject = identification_subject(h, req);
    let mut data = facts::case(p.ctx);
    data.extend(facts::supporter(&s));
    data.extend(facts::hearing(h));
    if advance_possible(p, h) {
        let Some(party) = p.ctx.victim.name.clone() else {
            p.warn(Warning::MissingNoticeField {
                template: TemplateKey::FamilyAdvanceIdentification,
                field: "party_name".into(),
            });
            return;
        };
        data.push(("party_name", json!(party)));
        p.notice(
            Draft::new(
                STEP_ADVANCE,
                TemplateKey::FamilyAdvanceIdentification,
                Recipient::Court {
                    court: h.court.name.clone(),
                },
                DisclosureCategory::AdvisorIdentification,
                subject,
            )
            .data(data)
            .not_after(Some(h.start)),
        );
        return;
    }
    p.notice(
        Draft::new(
            STEP_ON_THE_DAY,
            TemplateKey::FamilyOnTheDayChecklist,
            Recipient::Supporter { user_id: s.user_id },
            DisclosureCategory::SupporterArrangements,
            subject,
        )
        .data(data)
        .not_after(Some(h.start)),
    );
}

pub(crate) fn request_raised(p: &mut Planner<'_>, req: &AttendanceRequestFacts) {
    if !p.ctx.wish_to_accompany_recorded {
        p.warn(Warning::WishToAccompanyNotRecorded);
        return;
    }
    let Some(h) = p.ctx.hearing.clone() else {
        p.missing("hearing");
        return;
    };
    identify_for(p, &h, req);
}

pub(crate) fn request_updated(
    p: &mut Planner<'_>,
    req: &AttendanceRequestFacts,
    next: AttendanceState,
) {
    if next.is_open() {
        return;
    }
    if let Some(h) = p.ctx.hearing.clone() {
        p.plan.cancellations.push(Cancellation::KeyPrefix {
            prefix: identification_subject(&h, req).prefix(),
        });
    }
    if matches!(
        next,
        AttendanceState::DirectedShouldNotAttend | AttendanceState::DirectedNeedNotAttend
    ) {
        p.task(
            STEP_DIRECTION,
            TaskKind::TellPartyOfDirection,
            &Subject::attendance(&req.id, next.as_str()),
            None,
            "Tell the party the court's direction on your attendance, and its reason".into(),
        );
    }
}

/// A family hearing was listed or moved: an open request covers it.
pub(crate) fn replan_for_hearing(p: &mut Planner<'_>, h: &HearingFacts) {
    let Some(req) = p.ctx.attendance_request.clone() else {
        return;
    };
    if req.state.is_open() && p.ctx.wish_to_accompany_recorded {
        identify_for(p, h, &req);
    }
}

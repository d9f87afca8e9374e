//! The pre-trial visit: asking the Witness Service for one at a time that
//! suits the victim and the supporter, the configurable "not yet arranged"
//! alert, and telling the victim and supporter once it is arranged.

use crate::calendar;
use crate::flows::context::HearingFacts;
use crate::flows::facts::{self, instant, local_date, local_time};
use crate::flows::keys::Subject;
use crate::flows::plan::{Cancellation, DeadlineKind, DisclosureCategory, Recipient, TaskKind};
use crate::flows::planner::{Draft, Planner};
use crate::flows::routing::spoc::{route_update, VictimUpdate};
use crate::flows::templates::TemplateKey;
use chrono::{DateTime, NaiveDate, Utc};
use serde_json::json;

pub(crate) const STEP_VISIT_REQUEST: &str = "criminal.pre_trial_visit_request";
pub(crate) const STEP_VISIT_ALERT: &str = "criminal.pre_trial_visit_alert";
pub(crate) const STEP_VISIT_ARRANGED: &str = "criminal.pre_trial_visit_arranged";
pub(crate) const STEP_VISIT_CANCELLED: &str = "criminal.pre_trial_visit_cancelled";

/// Everything the "visit not arranged" alert plans hangs here, so arranging
/// the visit (or moving the hearing) cancels it in one go.
fn alert_subject(h: &HearingFacts) -> Subject {
    Subject::hearing_part(&h.id, h.start, "pre_trial_visit")
}

/// Plans the alert deadline and the Witness Service's task; returns the day
/// by which the visit should be arranged.
pub(crate) fn alert(p: &mut Planner<'_>, h: &HearingFacts) -> NaiveDate {
    let limit = p.rules.alerts.pre_trial_visit_arranged_before_trial.clone();
    let subject = alert_subject(h);
    let day = calendar::london_date(h.start);
    let deadline = p.deadline_before(
        DeadlineKind::PreTrialVisitArranged,
        &limit,
        day,
        &subject,
        true,
    );
    p.task(
        STEP_VISIT_ALERT,
        TaskKind::ArrangePreTrialVisit,
        &subject,
        Some(deadline.due),
        "Arrange the pre-trial visit at a time that suits the victim and their supporter".into(),
    );
    deadline.due_date
}

pub(crate) fn visit_requested(p: &mut Planner<'_>, visit_id: &str) {
    let Some(h) = p.ctx.hearing.clone() else {
        p.missing("hearing");
        return;
    };
    let by = alert(p, &h);
    let mut data = facts::case(p.ctx);
    if let Some(s) = &p.ctx.supporter {
        data.extend(facts::supporter(s));
    }
    data.extend(facts::hearing(&h));
    data.extend([
        ("visit_to_suit_victim_and_supporter", json!(true)),
        ("safe_entrances_exits_and_waiting_requested", json!(true)),
        ("visit_wanted_by", json!(by.to_string())),
    ]);
    p.notice(
        Draft::new(
            STEP_VISIT_REQUEST,
            TemplateKey::PreTrialVisitRequest,
            Recipient::WitnessService {
                court: h.court.name.clone(),
            },
            DisclosureCategory::PreTrialVisit,
            Subject::visit(visit_id, "requested"),
        )
        .data(data)
        .not_after(Some(h.start)),
    );
}

pub(crate) fn visit_arranged(
    p: &mut Planner<'_>,
    visit_id: &str,
    starts_at: DateTime<Utc>,
    court: &str,
) {
    if let Some(h) = p.ctx.hearing.clone() {
        p.plan.cancellations.push(Cancellation::KeyPrefix {
            prefix: alert_subject(&h).prefix(),
        });
    }
    let mut data = facts::case(p.ctx);
    data.extend([
        ("visit_court", json!(court)),
        ("visit_date", local_date(starts_at)),
        ("visit_time", local_time(starts_at)),
        ("visit_start", instant(starts_at)),
    ]);
    route_update(
        p,
        VictimUpdate {
            step: STEP_VISIT_ARRANGED,
            subject: Subject::visit_at(visit_id, starts_at),
            category: DisclosureCategory::PreTrialVisit,
            victim_template: TemplateKey::PreTrialVisitArrangedVictim,
            supporter_template: TemplateKey::PreTrialVisitArrangedSupporter,
            data,
            not_after: Some(starts_at),
        },
    );
}

/// An arranged visit was cancelled: if its arrangement was sent to anyone,
/// the cancellation goes the same way (the victim, or the supporter for
/// them with a single point of contact; the supporter with consent).
pub(crate) fn visit_cancelled(
    p: &mut Planner<'_>,
    visit_id: &str,
    previous_start: DateTime<Utc>,
    court: &str,
) {
    let slot = Subject::visit_at(visit_id, previous_start);
    let prefix = slot.prefix();
    let told = p
        .ctx
        .told_of_slot
        .iter()
        .any(|n| !n.pending && n.start == previous_start && n.key.starts_with(&prefix));
    if !told {
        return;
    }
    let mut data = facts::case(p.ctx);
    data.extend([
        ("visit_court", json!(court)),
        ("visit_date", local_date(previous_start)),
        ("visit_time", local_time(previous_start)),
        ("visit_start", instant(previous_start)),
    ]);
    route_update(
        p,
        VictimUpdate {
            step: STEP_VISIT_CANCELLED,
            subject: Subject::visit(
                visit_id,
                format!("cancelled@{}", previous_start.timestamp()),
            ),
            category: DisclosureCategory::PreTrialVisit,
            victim_template: TemplateKey::PreTrialVisitCancelledVictim,
            supporter_template: TemplateKey::PreTrialVisitCancelledSupporter,
            data,
            not_after: Some(previous_start),
        },
    );
}

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

/// An arranged visit was cancelled: if an arrangement of it was sent to
/// anyone, the cancellation goes the same way (the victim, or the
/// supporter for them with a single point of contact; the supporter with
/// consent), naming the date and court they were last told of. That may
/// be an earlier arrangement than the last one: a visit moved and then
/// cancelled before the move was sent was, for them, still on the first
/// date. Nothing goes to anyone if no arrangement was ever sent.
pub(crate) fn visit_cancelled(p: &mut Planner<'_>, visit_id: &str, court: &str) {
    let Some(told) = last_told_arrangement(&p.ctx.told_of_slot, visit_id) else {
        return;
    };
    let told_start = told.start;
    let told_court = told.court.clone().unwrap_or_else(|| court.to_string());
    let mut data = facts::case(p.ctx);
    data.extend([
        ("visit_court", json!(told_court)),
        ("visit_date", local_date(told_start)),
        ("visit_time", local_time(told_start)),
        ("visit_start", instant(told_start)),
    ]);
    route_update(
        p,
        VictimUpdate {
            step: STEP_VISIT_CANCELLED,
            subject: Subject::visit(visit_id, format!("cancelled@{}", told_start.timestamp())),
            category: DisclosureCategory::PreTrialVisit,
            victim_template: TemplateKey::PreTrialVisitCancelledVictim,
            supporter_template: TemplateKey::PreTrialVisitCancelledSupporter,
            data,
            not_after: Some(told_start),
        },
    );
}

/// The arrangement of the visit last sent to anyone (`told` in the order
/// the notices were sent), whichever slot it named.
fn last_told_arrangement<'a>(
    told: &'a [crate::flows::SlotNotice],
    visit_id: &str,
) -> Option<&'a crate::flows::SlotNotice> {
    let prefix = Subject::visit_prefix(visit_id);
    told.iter()
        .filter(|n| !n.pending && n.step == STEP_VISIT_ARRANGED && n.key.starts_with(&prefix))
        .last()
}

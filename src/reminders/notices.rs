//! Reminders as outbox notices: which events leave something upcoming,
//! which notice in the plan shows the supporter may know of it, and the
//! reminder notices themselves.

use super::{schedule, uncovered_years, Reminder, Upcoming, UpcomingHearing, UpcomingVisit};
use crate::calendar::{self, BankHolidays};
use crate::domain::HearingStatus;
use crate::flows::routing::redaction;
use crate::flows::{
    Channel, Event, EventKind, FlowContext, Plan, PlannedNotice, Recipient, TemplateKey, Warning,
};
use crate::rules::RuleSet;
use chrono::{DateTime, SecondsFormat, Utc};
use serde_json::{json, Value};

/// Adds to `plan` the supporter's reminders of the hearing or pre-trial
/// visit that `event` leaves upcoming: a hearing listed, moved or relisted,
/// or a visit arranged. Only where the plan itself tells the supporter of
/// that hearing slot or visit (consent and single-point-of-contact routing
/// have allowed it); the reminders take that notice's basis, category and
/// language. Returns how many were added.
pub fn add_to_plan(
    event: &Event,
    ctx: &FlowContext,
    rules: &RuleSet,
    holidays: &BankHolidays,
    now: DateTime<Utc>,
    plan: &mut Plan,
) -> usize {
    let Some((upcoming, told_by)) = upcoming(event, ctx) else {
        return 0;
    };
    let prefix = upcoming.subject().prefix();
    let Some(told) = plan.notices.iter().find(|n| {
        matches!(n.recipient, Recipient::Supporter { .. })
            && told_by.contains(&n.template)
            && n.idempotency_key.starts_with(&prefix)
    }) else {
        return 0;
    };
    let reminders = notices_for(&upcoming, told, rules, holidays, now);
    for year in uncovered_years(&upcoming, &rules.reminders, holidays) {
        let warning = Warning::BankHolidayDataMissing { year };
        if !plan.warnings.contains(&warning) {
            plan.warnings.push(warning);
        }
    }
    let mut added = 0;
    for n in reminders {
        if plan
            .notices
            .iter()
            .all(|p| p.idempotency_key != n.idempotency_key)
        {
            plan.notices.push(n);
            added += 1;
        }
    }
    added
}

/// What an event leaves upcoming, and the supporter notices that tell of it.
fn upcoming(event: &Event, ctx: &FlowContext) -> Option<(Upcoming, &'static [TemplateKey])> {
    match &event.kind {
        EventKind::HearingListed | EventKind::HearingMoved { .. } => {
            let h = ctx.hearing.as_ref()?;
            if !matches!(h.status, HearingStatus::Listed | HearingStatus::Moved) {
                return None;
            }
            let hearing = UpcomingHearing {
                id: h.id.clone(),
                start: h.start,
                court_name: h.court.name.clone(),
                kind: h.kind,
                warned_until: h.warned_until,
                case_reference: ctx.case.reference.clone(),
                victim_reference: ctx.victim.reference.clone(),
            };
            Some((
                Upcoming::Hearing(hearing),
                &[
                    TemplateKey::HearingDetailsSupporter,
                    TemplateKey::HearingChangeSupporter,
                ],
            ))
        }
        EventKind::PreTrialVisitArranged {
            visit_id,
            starts_at,
            court,
        } => {
            let visit = UpcomingVisit {
                id: visit_id.clone(),
                start: *starts_at,
                court_name: court.clone(),
                case_reference: ctx.case.reference.clone(),
                victim_reference: ctx.victim.reference.clone(),
            };
            Some((
                Upcoming::Visit(visit),
                &[TemplateKey::PreTrialVisitArrangedSupporter],
            ))
        }
        _ => None,
    }
}

/// The supporter's reminder notices for `upcoming`, sent to whoever `told`
/// went to, on its basis and in its category and language.
pub fn notices_for(
    upcoming: &Upcoming,
    told: &PlannedNotice,
    rules: &RuleSet,
    holidays: &BankHolidays,
    now: DateTime<Utc>,
) -> Vec<PlannedNotice> {
    let subject = upcoming.subject();
    let template = upcoming.template();
    schedule(upcoming, &rules.reminders, holidays, now)
        .into_iter()
        .map(|reminder| {
            let step = upcoming.step(&reminder.rule);
            PlannedNotice {
                idempotency_key: subject.notice_key(&step, &told.recipient),
                step,
                reconstructed: false,
                citation: rules.reminders.citation.clone(),
                recipient: told.recipient.clone(),
                channel: Channel::Email,
                template,
                language: told.language.clone(),
                data: redaction::notice_data(template, data(upcoming, &reminder)),
                send_after: Some(reminder.at),
                not_after: Some(upcoming.start()),
                category: told.category,
                basis: told.basis.clone(),
                not_for_public_disclosure: false,
            }
        })
        .collect()
}

fn instant(at: DateTime<Utc>) -> Value {
    json!(at.to_rfc3339_opts(SecondsFormat::Secs, true))
}

fn local_date(at: DateTime<Utc>) -> Value {
    json!(calendar::london_date(at).to_string())
}

fn local_time(at: DateTime<Utc>) -> Value {
    json!(calendar::time_value(at))
}

/// Candidate fields; the template's allow-list decides what goes out.
fn data(upcoming: &Upcoming, reminder: &Reminder) -> Vec<(&'static str, Value)> {
    let mut fields = vec![("reminder_label", json!(reminder.label))];
    match upcoming {
        Upcoming::Hearing(h) => fields.extend([
            ("case_reference", json!(h.case_reference)),
            ("victim_reference", json!(h.victim_reference)),
            ("court_name", json!(h.court_name)),
            ("hearing_kind", json!(h.kind)),
            ("hearing_date", local_date(h.start)),
            ("hearing_time", local_time(h.start)),
            ("hearing_start", instant(h.start)),
            (
                "warned_until",
                h.warned_until.map_or(Value::Null, |d| json!(d.to_string())),
            ),
        ]),
        Upcoming::Visit(v) => fields.extend([
            ("case_reference", json!(v.case_reference)),
            ("victim_reference", json!(v.victim_reference)),
            ("visit_court", json!(v.court_name)),
            ("visit_date", local_date(v.start)),
            ("visit_time", local_time(v.start)),
            ("visit_start", instant(v.start)),
        ]),
    }
    fields
}

//! Deadline alerts, pure: which alert rules apply to a running deadline,
//! the instant each falls at, and the outbox notice for it. The notice
//! carries the case reference and the victim's pseudonymous reference only.

use chrono::{DateTime, Days, NaiveDate, Utc};
use serde_json::{json, Map, Value};

use crate::calendar::{self, BankHolidays};
use crate::flows::TemplateKey;
use crate::flows::{Basis, Channel, DeadlineKind, DisclosureCategory, PlannedNotice, Recipient};
use crate::rules::{DayUnit, DeadlineAlertRule};

/// A running deadline, as an alert needs it.
#[derive(Debug, Clone, PartialEq)]
pub struct Watched {
    pub key: String,
    pub kind: DeadlineKind,
    pub due_date: NaiveDate,
    pub due_at: DateTime<Utc>,
    pub case_reference: String,
    pub victim_reference: String,
}

/// The key prefix of every alert for a deadline: cancelled together when
/// the deadline is met.
pub fn prefix(deadline_key: &str) -> String {
    format!("{deadline_key}/alert/")
}

/// The instant an alert rule falls at for a deadline ending on `due_date`.
pub fn alert_at(
    rule: &DeadlineAlertRule,
    due_date: NaiveDate,
    holidays: &BankHolidays,
) -> Option<DateTime<Utc>> {
    let day = match rule.unit {
        DayUnit::CalendarDays => {
            due_date.checked_sub_days(Days::new(rule.days_before.unsigned_abs()))
        }
        DayUnit::WorkingDays => holidays.checked_add_working_days(due_date, -rule.days_before),
    }?;
    Some(calendar::local_to_utc(day, rule.local_time))
}

/// The rules that alert on this deadline and when, while it can still be
/// met: an alert falling at or after the due instant is pointless, and none
/// is planned once the deadline is due.
pub fn due_alerts<'r>(
    watched: &Watched,
    rules: &'r [DeadlineAlertRule],
    holidays: &BankHolidays,
    now: DateTime<Utc>,
) -> Vec<(&'r DeadlineAlertRule, DateTime<Utc>)> {
    if now >= watched.due_at {
        return Vec::new();
    }
    rules
        .iter()
        .filter(|r| r.deadline == watched.kind)
        .filter_map(|r| alert_at(r, watched.due_date, holidays).map(|at| (r, at)))
        .filter(|(_, at)| *at < watched.due_at)
        .collect()
}

fn kind_name(kind: DeadlineKind) -> String {
    match serde_json::to_value(kind) {
        Ok(Value::String(s)) => s,
        _ => String::new(),
    }
}

/// The data an alert notice carries (the template's allow-list only).
pub fn data(watched: &Watched) -> Map<String, Value> {
    let mut data = Map::new();
    data.insert("alert".into(), json!(kind_name(watched.kind)));
    data.insert("case_reference".into(), json!(watched.case_reference));
    data.insert("victim_reference".into(), json!(watched.victim_reference));
    data.insert("due_date".into(), json!(watched.due_date.to_string()));
    data.insert(
        "due_time".into(),
        json!(calendar::time_value(watched.due_at)),
    );
    let allowed = TemplateKey::DeadlineAlert.allow_list();
    data.retain(|k, _| allowed.contains(&k.as_str()));
    data
}

/// The outbox notice for one alert, in the recipient's own language. Its
/// key is stable (deadline, rule, recipient), so planning it again stores
/// nothing twice; it is moot once the deadline is due.
pub fn notice(
    watched: &Watched,
    rule: &DeadlineAlertRule,
    at: DateTime<Utc>,
    recipient: Recipient,
    basis: Basis,
    language: String,
) -> PlannedNotice {
    PlannedNotice {
        idempotency_key: format!("{}{}/{}", prefix(&watched.key), rule.name, recipient.key()),
        step: format!("deadline_alert.{}", rule.name),
        reconstructed: false,
        citation: rule.citation.clone(),
        recipient,
        channel: Channel::Email,
        template: TemplateKey::DeadlineAlert,
        language,
        data: data(watched),
        send_after: Some(at),
        not_after: Some(watched.due_at),
        category: DisclosureCategory::CaseUpdate,
        basis,
        not_for_public_disclosure: false,
    }
}

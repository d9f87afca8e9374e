//! Deadline alerts as data: a notice to the person responsible, a set time
//! before a deadline falls due, sent only if the deadline is still unmet.
//! Local practice, not law: every figure is configurable in
//! `fixtures/rules.json` and versioned with the rest of the table.

use super::limit::DayUnit;
use super::reminder::MAX_DAYS_BEFORE;
use super::DeadlineKind;
use chrono::NaiveTime;
use serde::{Deserialize, Serialize};

/// Who an alert goes to.
#[derive(Debug, Clone, Copy, Serialize, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum AlertTo {
    /// The victim's current supporter.
    Supporter,
    /// The Witness Care Unit named on the case.
    WitnessCareUnit,
}

/// One alert rule: `days_before` the deadline's last day (calendar or
/// working days), at `local_time` London wall-clock time.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct DeadlineAlertRule {
    /// Stable name, part of each alert's idempotency key (lower-case
    /// letters, digits and underscores). Keep it when changing the figures.
    pub name: String,
    /// The deadline kind watched (snake_case, as stored).
    pub deadline: DeadlineKind,
    pub days_before: i64,
    pub unit: DayUnit,
    pub local_time: NaiveTime,
    pub to: AlertTo,
    /// Where the alert comes from, stored as each alert notice's citation.
    pub citation: String,
}

/// A problem with the alert rules, if there is one.
pub(super) fn problem(rules: &[DeadlineAlertRule]) -> Option<String> {
    for (i, rule) in rules.iter().enumerate() {
        let name = &rule.name;
        if !super::key_safe(name) {
            return Some(format!(
                "deadline alert {i} has a name that is not lower-case letters, digits and underscores"
            ));
        }
        if rules[..i].iter().any(|r| r.name == *name) {
            return Some(format!("deadline alert name {name} is used twice"));
        }
        if !(0..=MAX_DAYS_BEFORE).contains(&rule.days_before) {
            return Some(format!(
                "deadline alert {name} is not between 0 and {MAX_DAYS_BEFORE} days before"
            ));
        }
        if rule.citation.trim().is_empty() {
            return Some(format!("deadline alert {name} has no citation"));
        }
    }
    None
}

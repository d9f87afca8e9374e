//! Reminder rules as data: when, before a hearing or a pre-trial visit, the
//! supporter is reminded of it. Local practice, not law, so every figure is
//! configurable in `fixtures/rules.json` and versioned with the rest.

use super::limit::DayUnit;
use chrono::NaiveTime;
use serde::{Deserialize, Serialize};

/// The furthest ahead a reminder may be set, in days of either kind.
pub const MAX_DAYS_BEFORE: i64 = 366;

/// What a reminder can be about.
#[derive(Debug, Clone, Copy, Serialize, Deserialize, PartialEq, Eq, Hash)]
#[serde(rename_all = "snake_case")]
pub enum ReminderOf {
    Hearing,
    PreTrialVisit,
}

/// The reminders in force.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct ReminderRules {
    /// Where the reminders come from, stored as each reminder's citation.
    pub citation: String,
    /// Reminders to the victim's supporter, in the order listed. Where two
    /// fall at the same instant only the first listed is sent.
    pub supporter: Vec<ReminderRule>,
}

/// One reminder: `days_before` the London date of the hearing or visit
/// (calendar or working days), at `local_time` London wall-clock time.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct ReminderRule {
    /// Stable name, part of each reminder's idempotency key (lower-case
    /// letters, digits and underscores). Keep it when changing the figures
    /// so a re-planned reminder replaces, rather than joins, the old one.
    pub name: String,
    pub days_before: i64,
    pub unit: DayUnit,
    pub local_time: NaiveTime,
    /// What this reminder is sent for.
    pub of: Vec<ReminderOf>,
}

impl ReminderRule {
    pub fn applies_to(&self, of: ReminderOf) -> bool {
        self.of.contains(&of)
    }
}

impl ReminderRules {
    /// A problem with the reminder rules, if there is one.
    pub fn problem(&self) -> Option<String> {
        if self.citation.trim().is_empty() {
            return Some("reminders have no citation".into());
        }
        for (i, rule) in self.supporter.iter().enumerate() {
            let name = &rule.name;
            if !super::key_safe(name) {
                return Some(format!(
                    "reminder {i} has a name that is not lower-case letters, digits and underscores"
                ));
            }
            if self.supporter[..i].iter().any(|r| r.name == *name) {
                return Some(format!("reminder name {name} is used twice"));
            }
            if !(0..=MAX_DAYS_BEFORE).contains(&rule.days_before) {
                return Some(format!(
                    "reminder {name} is not between 0 and {MAX_DAYS_BEFORE} days before"
                ));
            }
            if rule.of.is_empty() {
                return Some(format!("reminder {name} is for nothing"));
            }
        }
        None
    }
}

/// Who a statement appointment's reminder goes to (issue 19, item 4).
#[derive(Debug, Clone, Copy, Serialize, Deserialize, PartialEq, Eq, Hash)]
#[serde(rename_all = "snake_case")]
pub enum StatementReminderTo {
    /// The supporter booked for before and after.
    Supporter,
    /// The supporter booked in case the first is away.
    AlternativeSupporter,
    /// The officer named on the appointment.
    Officer,
}

/// Reminders before a statement-taking or ABE-interview appointment.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct StatementAppointmentRules {
    /// Where the reminders come from, stored as each task's citation.
    pub citation: String,
    /// In the order listed; two at the same instant for the same person
    /// make one.
    pub reminders: Vec<StatementReminderRule>,
}

/// One reminder: `days_before` the London date of the appointment, at
/// `local_time` London wall-clock time, to each of `to`.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct StatementReminderRule {
    /// Stable name, part of each reminder's idempotency key.
    pub name: String,
    pub days_before: i64,
    pub unit: DayUnit,
    pub local_time: NaiveTime,
    pub to: Vec<StatementReminderTo>,
}

impl StatementAppointmentRules {
    /// A problem with the rules, if there is one.
    pub fn problem(&self) -> Option<String> {
        if self.citation.trim().is_empty() {
            return Some("statement appointment reminders have no citation".into());
        }
        for (i, rule) in self.reminders.iter().enumerate() {
            let name = &rule.name;
            if !super::key_safe(name) {
                return Some(format!(
                    "statement appointment reminder {i} has a name that is not lower-case letters, digits and underscores"
                ));
            }
            if self.reminders[..i].iter().any(|r| r.name == *name) {
                return Some(format!(
                    "statement appointment reminder name {name} is used twice"
                ));
            }
            if !(0..=MAX_DAYS_BEFORE).contains(&rule.days_before) {
                return Some(format!(
                    "statement appointment reminder {name} is not between 0 and {MAX_DAYS_BEFORE} days before"
                ));
            }
            if rule.to.is_empty() {
                return Some(format!(
                    "statement appointment reminder {name} is to nobody"
                ));
            }
        }
        None
    }
}

//! Reminders to the victim's supporter before a hearing or a pre-trial
//! visit, at London wall-clock times the rules table sets (by default 7
//! calendar days before at 09:00, 2 working days before at 09:00, and 08:00
//! on the calendar day before).
//!
//! Pure, like `flows`: given what is coming up, the reminder rules in force,
//! the bank holidays and the current instant, [`schedule`] says when to
//! remind; [`add_to_plan`] turns that into outbox notices for a plan. No
//! clock, database or network is touched here.
//!
//! Safety:
//! - a reminder goes to the supporter only where the same plan already
//!   tells them of the hearing or visit (so consent or the single point of
//!   contact agreement allowed it), and it reuses that notice's basis and
//!   category: withdrawing the consent cancels the reminders with it;
//! - reminders carry the case reference and the victim's pseudonymous
//!   reference, never a name, address or telephone number (the data goes
//!   through the template's allow-list);
//! - reminders are keyed under the hearing slot's (or the visit's) own
//!   prefix, so moving or vacating the hearing cancels them, and moving it
//!   back revives them; each is moot (`not_after`) once the hearing or
//!   visit starts, so none is ever sent late.

mod notices;
#[cfg(test)]
mod tests;

pub use notices::{add_to_plan, notices_for};

use crate::calendar::{self, BankHolidays};
use crate::domain::HearingKind;
use crate::flows::{Subject, TemplateKey};
use crate::rules::{DayUnit, ReminderOf, ReminderRule, ReminderRules};
use chrono::{DateTime, Datelike, Days, NaiveDate, Utc};

/// A hearing the supporter is to be reminded of.
#[derive(Debug, Clone, PartialEq)]
pub struct UpcomingHearing {
    pub id: String,
    pub start: DateTime<Utc>,
    pub court_name: String,
    pub kind: HearingKind,
    /// Last day of a warned-list window starting on the hearing's date.
    pub warned_until: Option<NaiveDate>,
    pub case_reference: String,
    /// The victim's pseudonymous reference.
    pub victim_reference: String,
}

/// A pre-trial visit the supporter is to be reminded of.
#[derive(Debug, Clone, PartialEq)]
pub struct UpcomingVisit {
    pub id: String,
    pub start: DateTime<Utc>,
    pub court_name: String,
    pub case_reference: String,
    /// The victim's pseudonymous reference.
    pub victim_reference: String,
}

/// What is coming up.
#[derive(Debug, Clone, PartialEq)]
pub enum Upcoming {
    Hearing(UpcomingHearing),
    Visit(UpcomingVisit),
}

impl Upcoming {
    pub fn of(&self) -> ReminderOf {
        match self {
            Self::Hearing(_) => ReminderOf::Hearing,
            Self::Visit(_) => ReminderOf::PreTrialVisit,
        }
    }

    pub fn start(&self) -> DateTime<Utc> {
        match self {
            Self::Hearing(h) => h.start,
            Self::Visit(v) => v.start,
        }
    }

    /// What the reminders are keyed under: the hearing slot (so a move or
    /// vacation cancels them with everything else for the slot) or the
    /// visit at its time.
    pub fn subject(&self) -> Subject {
        match self {
            Self::Hearing(h) => Subject::hearing_slot(&h.id, h.start),
            Self::Visit(v) => Subject::visit_at(&v.id, v.start),
        }
    }

    /// The template the supporter's reminder is written from.
    pub fn template(&self) -> TemplateKey {
        match self {
            Self::Hearing(_) => TemplateKey::ReminderHearingSupporter,
            Self::Visit(_) => TemplateKey::ReminderVisitSupporter,
        }
    }

    /// The flow step a reminder from `rule` is stored under.
    pub fn step(&self, rule: &str) -> String {
        match self {
            Self::Hearing(_) => format!("reminder.hearing.{rule}"),
            Self::Visit(_) => format!("reminder.pre_trial_visit.{rule}"),
        }
    }
}

/// One reminder to send.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reminder {
    /// The rule's name (see `ReminderRule::name`).
    pub rule: String,
    pub at: DateTime<Utc>,
    /// How far off the hearing or visit is, as a code the templates turn
    /// into words: "in_7_days", "in_2_working_days", "tomorrow"...
    pub label: String,
}

/// The London date a rule's reminder falls on, or `None` if it would be
/// outside the date range.
fn reminder_date(
    rule: &ReminderRule,
    day: NaiveDate,
    holidays: &BankHolidays,
) -> Option<NaiveDate> {
    match rule.unit {
        DayUnit::CalendarDays => day.checked_sub_days(Days::new(rule.days_before.unsigned_abs())),
        DayUnit::WorkingDays => holidays.checked_add_working_days(day, -rule.days_before),
    }
}

/// How far off the day is when a rule's reminder is sent, as a label code.
pub fn label(rule: &ReminderRule) -> String {
    match (rule.unit, rule.days_before) {
        (_, 0) => "today".into(),
        (DayUnit::CalendarDays, 1) => "tomorrow".into(),
        (DayUnit::CalendarDays, n) => format!("in_{n}_days"),
        (DayUnit::WorkingDays, 1) => "next_working_day".into(),
        (DayUnit::WorkingDays, n) => format!("in_{n}_working_days"),
    }
}

/// When to remind the supporter of `upcoming`, earliest first.
///
/// Each rule that applies gives one instant: its local time on the day it
/// counts back to, converted with [`calendar::local_to_utc`] (so 09:00 is
/// 09:00 BST or GMT, whichever is in force that day). A reminder not after
/// `now`, or not before the start, is left out; so is one at the same
/// instant as a reminder from a rule listed earlier.
pub fn schedule(
    upcoming: &Upcoming,
    rules: &ReminderRules,
    holidays: &BankHolidays,
    now: DateTime<Utc>,
) -> Vec<Reminder> {
    let start = upcoming.start();
    let day = calendar::london_date(start);
    let mut out: Vec<Reminder> = Vec::new();
    for rule in rules
        .supporter
        .iter()
        .filter(|r| r.applies_to(upcoming.of()))
    {
        let Some(date) = reminder_date(rule, day, holidays) else {
            continue;
        };
        let at = calendar::local_to_utc(date, rule.local_time);
        if at <= now || at >= start || out.iter().any(|r| r.at == at) {
            continue;
        }
        out.push(Reminder {
            rule: rule.name.clone(),
            at,
            label: label(rule),
        });
    }
    out.sort_by_key(|r| r.at);
    out
}

/// Years that working-day reminders for `upcoming` count over and the
/// bank-holiday data does not cover (every weekday there counts as a
/// working day, so the caller should warn).
pub fn uncovered_years(
    upcoming: &Upcoming,
    rules: &ReminderRules,
    holidays: &BankHolidays,
) -> Vec<i32> {
    let day = calendar::london_date(upcoming.start());
    let mut years: Vec<i32> = rules
        .supporter
        .iter()
        .filter(|r| r.applies_to(upcoming.of()) && r.unit == DayUnit::WorkingDays)
        .filter_map(|r| reminder_date(r, day, holidays))
        .flat_map(|from| from.year()..=day.year())
        .filter(|y| NaiveDate::from_ymd_opt(*y, 1, 1).is_some_and(|d| !holidays.covers(d)))
        .collect();
    years.sort_unstable();
    years.dedup();
    years
}

//! The limits that follow a case's outcome (issue 19, item 6): reminders
//! before a protective order ends, the Victims' Right to Review request
//! limits, and the Criminal Injuries Compensation Scheme's application
//! limit. Each is a [`Period`]: an amount in calendar days, working days or
//! calendar months, with its citation and, where the figure is reported
//! but not checked against the source, `confirmed: false` and a note.

use crate::calendar::BankHolidays;
use chrono::{Duration, Months, NaiveDate};
use serde::{Deserialize, Serialize};

/// How a [`Period`] counts.
#[derive(Debug, Clone, Copy, Serialize, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum PeriodUnit {
    CalendarDays,
    /// Weekends and England & Wales bank holidays are skipped.
    WorkingDays,
    /// Whole months on the calendar; a day the month lacks (31st, or 29
    /// February) falls on that month's last day.
    CalendarMonths,
}

/// One limit or reminder offset, as data.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Period {
    pub amount: u32,
    pub unit: PeriodUnit,
    /// Where the figure comes from, as text.
    pub citation: String,
    /// False where the figure is reported but not checked against the source.
    #[serde(default = "yes")]
    pub confirmed: bool,
    /// What is known or not about the figure, in words.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

fn yes() -> bool {
    true
}

impl Period {
    /// The day the period ends, counted forward from `from`.
    pub fn date_after(&self, from: NaiveDate, holidays: &BankHolidays) -> NaiveDate {
        let n = i64::from(self.amount);
        match self.unit {
            PeriodUnit::CalendarDays => from + Duration::days(n),
            PeriodUnit::WorkingDays => holidays.add_working_days(from, n),
            PeriodUnit::CalendarMonths => from
                .checked_add_months(Months::new(self.amount))
                .unwrap_or(NaiveDate::MAX),
        }
    }

    /// The day the period falls on, counted back from `to`.
    pub fn date_before(&self, to: NaiveDate, holidays: &BankHolidays) -> NaiveDate {
        let n = i64::from(self.amount);
        match self.unit {
            PeriodUnit::CalendarDays => to - Duration::days(n),
            PeriodUnit::WorkingDays => holidays.add_working_days(to, -n),
            PeriodUnit::CalendarMonths => to
                .checked_sub_months(Months::new(self.amount))
                .unwrap_or(NaiveDate::MIN),
        }
    }

    /// Whether the period counts working days (and so needs the bank
    /// holidays of the years it spans).
    pub fn working_days(&self) -> bool {
        self.unit == PeriodUnit::WorkingDays
    }
}

/// The figures that follow an outcome.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct AfterOutcomeRules {
    /// The supporter is asked to talk to the victim about renewing or
    /// extending a protective order this long before it ends (a task).
    pub protective_order_first_reminder: Period,
    /// By this long before the order ends, that talk should have happened
    /// (a deadline).
    pub protective_order_last_reminder: Period,
    /// After a CPS decision not to charge or to stop a case: a request made
    /// within this long of being told gets a prompt review.
    pub right_to_review_cps_prompt: Period,
    /// After a CPS decision: requests are considered up to this long after
    /// being told (later only in exceptional circumstances).
    pub right_to_review_cps_latest: Period,
    /// After a police decision not to charge: the request should be made
    /// within this long of being told.
    pub right_to_review_police_latest: Period,
    /// A compensation application is made no later than this long after the
    /// incident.
    pub compensation_application: Period,
    /// The supporter is reminded this long before the compensation limit.
    pub compensation_reminder_before: Period,
}

impl AfterOutcomeRules {
    /// Every figure with its name, for validation and display.
    pub fn named(&self) -> [(&'static str, &Period); 7] {
        [
            (
                "protective_order_first_reminder",
                &self.protective_order_first_reminder,
            ),
            (
                "protective_order_last_reminder",
                &self.protective_order_last_reminder,
            ),
            (
                "right_to_review_cps_prompt",
                &self.right_to_review_cps_prompt,
            ),
            (
                "right_to_review_cps_latest",
                &self.right_to_review_cps_latest,
            ),
            (
                "right_to_review_police_latest",
                &self.right_to_review_police_latest,
            ),
            ("compensation_application", &self.compensation_application),
            (
                "compensation_reminder_before",
                &self.compensation_reminder_before,
            ),
        ]
    }

    /// A problem with the figures, if there is one.
    pub(super) fn problem(&self) -> Option<String> {
        for (name, p) in self.named() {
            if p.citation.trim().is_empty() {
                return Some(format!("after_outcome.{name} has no citation"));
            }
            if !p.confirmed && p.note.as_deref().is_none_or(|n| n.trim().is_empty()) {
                return Some(format!(
                    "after_outcome.{name} is unconfirmed but has no note saying so"
                ));
            }
        }
        // The first reminder must come no later than the last (checked on
        // a fixed date with no holidays: only the order matters).
        let none = BankHolidays::from_dates([]);
        let end = NaiveDate::from_ymd_opt(2030, 6, 28).expect("a real date");
        if self.protective_order_first_reminder.date_before(end, &none)
            > self.protective_order_last_reminder.date_before(end, &none)
        {
            return Some(
                "after_outcome.protective_order_first_reminder comes after the last reminder"
                    .into(),
            );
        }
        None
    }
}

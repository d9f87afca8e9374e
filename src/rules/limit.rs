//! A time limit or alert as data: an amount, a unit and where it comes from.

use crate::calendar::BankHolidays;
use chrono::{Duration, NaiveDate};
use serde::{Deserialize, Serialize};

/// How a limit counts days.
#[derive(Debug, Clone, Copy, Serialize, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum DayUnit {
    /// Weekends and England & Wales bank holidays are skipped.
    WorkingDays,
    CalendarDays,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Limit {
    pub amount: i64,
    pub unit: DayUnit,
    /// Where the figure comes from, as text (a rule, or "operational alert").
    pub citation: String,
    /// False where the figure is reported but not checked against the source.
    #[serde(default = "yes")]
    pub confirmed: bool,
    /// Which text of the source the figure comes from, where several exist.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub wording: Option<String>,
}

fn yes() -> bool {
    true
}

impl Limit {
    /// The last day of the limit counted forward from `from`.
    pub fn date_after(&self, from: NaiveDate, holidays: &BankHolidays) -> NaiveDate {
        match self.unit {
            DayUnit::WorkingDays => holidays.add_working_days(from, self.amount),
            DayUnit::CalendarDays => from + Duration::days(self.amount),
        }
    }

    /// The day the limit falls on counted back from `to`.
    pub fn date_before(&self, to: NaiveDate, holidays: &BankHolidays) -> NaiveDate {
        match self.unit {
            DayUnit::WorkingDays => holidays.add_working_days(to, -self.amount),
            DayUnit::CalendarDays => to - Duration::days(self.amount),
        }
    }
}

/// The special-measures application limits by court, each possibly given in
/// more than one wording (older calendar-day and current business-day text).
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct SpecialMeasuresLimits {
    pub magistrates: Vec<Limit>,
    pub crown: Vec<Limit>,
}

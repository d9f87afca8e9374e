//! Day-counted limits turned into due dates and instants, with a check that
//! the bank-holiday data covers the years counted over.

use crate::calendar::{self, BankHolidays};
use crate::rules::{DayUnit, Limit, RuleSet};
use chrono::{DateTime, Datelike, NaiveDate, Utc};

/// Years between two dates (inclusive) that the holiday data does not cover,
/// for a limit counted in working days.
pub fn uncovered_years(
    holidays: &BankHolidays,
    limit: &Limit,
    a: NaiveDate,
    b: NaiveDate,
) -> Vec<i32> {
    if limit.unit != DayUnit::WorkingDays {
        return Vec::new();
    }
    let (lo, hi) = if a <= b { (a, b) } else { (b, a) };
    (lo.year()..=hi.year())
        .filter(|y| {
            let first = NaiveDate::from_ymd_opt(*y, 1, 1).expect("1 January exists");
            !holidays.covers(first)
        })
        .collect()
}

/// The instant a limit ending on `date` falls due: the rules' deadline time
/// that day, London time.
pub fn due_instant(rules: &RuleSet, date: NaiveDate) -> DateTime<Utc> {
    calendar::local_to_utc(date, rules.deadline_local_time)
}

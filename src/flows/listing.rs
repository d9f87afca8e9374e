//! A hearing listed on a day courts do not normally sit (a Saturday, a
//! Sunday or an England and Wales bank holiday) is most likely a listing
//! error: the witness care officer is warned, whether the hearing was
//! added, moved, or moved by a court list.

use super::plan::Warning;
use super::planner::Planner;
use crate::calendar::{self, BankHolidays};
use chrono::{Datelike, NaiveDate, Weekday};
use serde::{Deserialize, Serialize};

/// Why a day is not a normal sitting day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum NonSittingDay {
    Saturday,
    Sunday,
    BankHoliday,
}

/// The rule: why courts would not normally sit on `date`, or `None` on a
/// working day. A bank holiday on a weekend (never moved to it, but the
/// list allows it) is named as the weekend day.
pub fn non_sitting_day(date: NaiveDate, holidays: &BankHolidays) -> Option<NonSittingDay> {
    match date.weekday() {
        Weekday::Sat => Some(NonSittingDay::Saturday),
        Weekday::Sun => Some(NonSittingDay::Sunday),
        _ if holidays.is_holiday(date) => Some(NonSittingDay::BankHoliday),
        _ => None,
    }
}

/// The sentence shown beside a hearing listed on a non-sitting day.
pub fn warning_text(day: NonSittingDay, holiday: Option<&str>) -> String {
    let when = match (day, holiday) {
        (NonSittingDay::Saturday, _) => "a Saturday".to_string(),
        (NonSittingDay::Sunday, _) => "a Sunday".to_string(),
        (NonSittingDay::BankHoliday, Some(name)) => format!("a bank holiday ({name})"),
        (NonSittingDay::BankHoliday, None) => "a bank holiday".to_string(),
    };
    format!(
        "This hearing is listed on {when}, when courts do not normally sit. Check the listing with the court."
    )
}

/// The warning for a hearing starting at `start`, if its London day is
/// not a sitting day.
pub fn listing_warning(
    start: chrono::DateTime<chrono::Utc>,
    holidays: &BankHolidays,
) -> Option<String> {
    let date = calendar::london_date(start);
    non_sitting_day(date, holidays).map(|day| warning_text(day, holidays.title(date)))
}

/// Warns when the event's hearing starts, in London, on a non-sitting day.
pub(crate) fn check_listing_day(p: &mut Planner<'_>) {
    let Some(h) = p.ctx.hearing.as_ref() else {
        return;
    };
    let date = calendar::london_date(h.start);
    if let Some(day) = non_sitting_day(date, p.holidays) {
        let warning = Warning::HearingOnNonSittingDay {
            hearing_id: h.id.clone(),
            date,
            day,
            holiday: p.holidays.title(date).map(str::to_string),
        };
        p.warn(warning);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use NonSittingDay::*;

    #[test]
    fn weekends_and_bank_holidays_are_not_sitting_days() {
        let holidays = BankHolidays::england_and_wales();
        let cases = [
            // Ordinary weekdays.
            ("2026-03-30", None),
            ("2026-07-15", None),
            // 2 January is a bank holiday in Scotland, not in England and Wales.
            ("2026-01-02", None),
            // The day after the summer bank holiday.
            ("2026-09-01", None),
            // Weekends, including the clock-change Sundays.
            ("2026-03-28", Some(Saturday)),
            ("2026-03-29", Some(Sunday)),
            ("2026-10-25", Some(Sunday)),
            // Boxing Day 2026 falls on a Saturday; its substitute is Monday.
            ("2026-12-26", Some(Saturday)),
            ("2026-12-28", Some(BankHoliday)),
            // England and Wales bank holidays of 2026.
            ("2026-01-01", Some(BankHoliday)),
            ("2026-04-03", Some(BankHoliday)),
            ("2026-04-06", Some(BankHoliday)),
            ("2026-05-04", Some(BankHoliday)),
            ("2026-05-25", Some(BankHoliday)),
            ("2026-08-31", Some(BankHoliday)),
            ("2026-12-25", Some(BankHoliday)),
        ];
        for (day, expected) in cases {
            let date: NaiveDate = day.parse().unwrap();
            assert_eq!(non_sitting_day(date, &holidays), expected, "{day}");
        }
    }

    #[test]
    fn the_sentence_names_the_day() {
        let holidays = BankHolidays::england_and_wales();
        let at = |s: &str| crate::flows::testkit::t(s);
        assert_eq!(
            listing_warning(at("2026-04-03T09:00:00Z"), &holidays).as_deref(),
            Some(
                "This hearing is listed on a bank holiday (Good Friday), when courts do not \
                 normally sit. Check the listing with the court."
            )
        );
        assert!(listing_warning(at("2026-04-04T09:00:00Z"), &holidays)
            .is_some_and(|w| w.contains("on a Saturday,")));
        assert_eq!(listing_warning(at("2026-04-07T09:00:00Z"), &holidays), None);
    }

    /// The warnings of this kind a plan carries: (hearing, date, day, name).
    fn listing_warnings(
        plan: &crate::flows::Plan,
    ) -> Vec<(String, NaiveDate, NonSittingDay, Option<String>)> {
        plan.warnings
            .iter()
            .filter_map(|w| match w {
                Warning::HearingOnNonSittingDay {
                    hearing_id,
                    date,
                    day,
                    holiday,
                } => Some((hearing_id.clone(), *date, *day, holiday.clone())),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn listing_or_moving_onto_a_non_sitting_day_warns_once() {
        use crate::flows::testkit::{criminal, event, family, hearing, run};
        use crate::flows::EventKind;
        let moved = || EventKind::HearingMoved {
            previous_start: crate::flows::testkit::t("2026-12-07T10:00:00Z"),
            previous_court: None,
        };
        // (start, event, what is warned)
        type Expected = Option<(NonSittingDay, Option<&'static str>)>;
        let cases: Vec<(&str, EventKind, Expected)> = vec![
            ("2026-12-08T10:00:00Z", EventKind::HearingListed, None),
            ("2026-12-08T10:00:00Z", moved(), None),
            (
                "2026-12-25T10:00:00Z",
                EventKind::HearingListed,
                Some((BankHoliday, Some("Christmas Day"))),
            ),
            (
                "2026-12-28T10:00:00Z",
                moved(),
                Some((BankHoliday, Some("Boxing Day (substitute day)"))),
            ),
            ("2026-12-12T10:00:00Z", moved(), Some((Saturday, None))),
            // 23:30 UTC on Friday 3 July is 00:30 on Saturday in London.
            (
                "2026-07-03T23:30:00Z",
                EventKind::HearingListed,
                Some((Saturday, None)),
            ),
            // And 23:30 UTC on Sunday 5 July is already Monday there.
            ("2026-07-05T23:30:00Z", EventKind::HearingListed, None),
            (
                "2026-11-29T10:00:00Z",
                EventKind::HearingListed,
                Some((Sunday, None)),
            ),
        ];
        for (start, kind, expected) in cases {
            for mut ctx in [criminal(), family()] {
                ctx.hearing = Some(crate::flows::HearingFacts {
                    court: ctx.case.court.clone(),
                    kind: ctx.hearing.as_ref().unwrap().kind,
                    ..hearing(start)
                });
                let plan = run(&event(kind.clone()), &ctx);
                let found = listing_warnings(&plan);
                match expected {
                    None => assert!(found.is_empty(), "{start}: {found:?}"),
                    Some((day, holiday)) => {
                        let date = calendar::london_date(crate::flows::testkit::t(start));
                        assert_eq!(
                            found,
                            vec![(
                                ctx.hearing.as_ref().unwrap().id.clone(),
                                date,
                                day,
                                holiday.map(str::to_string)
                            )],
                            "{start}"
                        );
                    }
                }
            }
        }
        // Other events about the hearing do not warn again.
        let mut ctx = criminal();
        ctx.hearing = Some(hearing("2026-12-25T10:00:00Z"));
        let vacated = run(&event(EventKind::HearingVacated { adjourned: false }), &ctx);
        assert!(listing_warnings(&vacated).is_empty());
    }
}

//! Bank holidays and working-day arithmetic.
//!
//! A working day is Monday to Friday and not a bank holiday. The holiday
//! list is data (`fixtures/bank_holidays.json`), so an administrator can
//! extend it without a code change; [`BankHolidays::covers`] tells callers
//! when a date lies beyond the years the data knows about.

use std::collections::{BTreeMap, BTreeSet};
use std::ops::Bound;
use std::sync::OnceLock;

use chrono::{Datelike, NaiveDate, Weekday};
use serde::{Deserialize, Serialize};
use thiserror::Error;

/// The England & Wales list shipped with Courtside.
const ENGLAND_AND_WALES_JSON: &str = include_str!("../../fixtures/bank_holidays.json");

/// More working days than chrono's whole date range holds; a larger offset
/// cannot have an answer, so it is refused before any stepping.
const MAX_WORKING_DAY_OFFSET: u64 = 200_000_000;

/// Why a bank-holiday list was refused.
#[derive(Debug, Error)]
pub enum CalendarError {
    #[error("bank holiday data is not valid JSON of the expected shape: {0}")]
    Json(#[from] serde_json::Error),
    #[error(
        "bank holiday number {index} has date {value:?}, which is not a real date written YYYY-MM-DD"
    )]
    BadDate { index: usize, value: String },
    #[error("bank holiday {date} is listed more than once")]
    Duplicate { date: NaiveDate },
    #[error("bank holiday data lists no holidays")]
    Empty,
}

/// One division's bank holidays, e.g. England & Wales.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BankHolidays {
    /// Holiday dates with their titles (none when built from bare dates).
    holidays: BTreeMap<NaiveDate, Option<String>>,
    /// Years with at least one listed holiday.
    years: BTreeSet<i32>,
    division: Option<String>,
    note: Option<String>,
}

#[derive(Deserialize, Serialize)]
struct FileShape {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    division: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    note: Option<String>,
    /// `events` is the name GOV.UK's own feed uses for the same list.
    #[serde(alias = "events")]
    holidays: Vec<EntryShape>,
}

#[derive(Deserialize, Serialize)]
struct EntryShape {
    date: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    title: Option<String>,
}

impl BankHolidays {
    /// Parses `{"division": .., "note": .., "holidays": [{"date": "YYYY-MM-DD",
    /// "title": ..}, ..]}`. `division`, `note` and `title` are optional.
    /// Refuses malformed JSON, dates that are not real `YYYY-MM-DD` dates, a
    /// date listed twice, and an empty list.
    pub fn from_json(json: &str) -> Result<Self, CalendarError> {
        let file: FileShape = serde_json::from_str(json)?;
        if file.holidays.is_empty() {
            return Err(CalendarError::Empty);
        }
        let mut holidays = BTreeMap::new();
        for (i, entry) in file.holidays.into_iter().enumerate() {
            let date = parse_iso_date(&entry.date).ok_or_else(|| CalendarError::BadDate {
                index: i + 1,
                value: entry.date.clone(),
            })?;
            if holidays.insert(date, entry.title).is_some() {
                return Err(CalendarError::Duplicate { date });
            }
        }
        Ok(Self::build(holidays, file.division, file.note))
    }

    /// The England & Wales list shipped in `fixtures/bank_holidays.json`.
    ///
    /// # Panics
    /// Only if the shipped fixture is broken, which a unit test rules out.
    pub fn england_and_wales() -> Self {
        static PARSED: OnceLock<BankHolidays> = OnceLock::new();
        PARSED
            .get_or_init(|| {
                Self::from_json(ENGLAND_AND_WALES_JSON)
                    .unwrap_or_else(|e| panic!("shipped fixtures/bank_holidays.json: {e}"))
            })
            .clone()
    }

    /// A list from bare dates (duplicates are merged), e.g. for tests or a
    /// local closure day.
    pub fn from_dates(dates: impl IntoIterator<Item = NaiveDate>) -> Self {
        let holidays = dates.into_iter().map(|d| (d, None)).collect();
        Self::build(holidays, None, None)
    }

    fn build(
        holidays: BTreeMap<NaiveDate, Option<String>>,
        division: Option<String>,
        note: Option<String>,
    ) -> Self {
        let years = holidays.keys().map(|d| d.year()).collect();
        Self {
            holidays,
            years,
            division,
            note,
        }
    }

    /// Writes the list back in the shape [`BankHolidays::from_json`] reads.
    pub fn to_json(&self) -> String {
        let file = FileShape {
            division: self.division.clone(),
            note: self.note.clone(),
            holidays: self
                .holidays
                .iter()
                .map(|(d, title)| EntryShape {
                    date: d.format("%Y-%m-%d").to_string(),
                    title: title.clone(),
                })
                .collect(),
        };
        serde_json::to_string_pretty(&file).expect("plain strings always serialise")
    }

    /// The division named by the data, e.g. `england-and-wales`.
    pub fn division(&self) -> Option<&str> {
        self.division.as_deref()
    }

    /// The data's own caveat, e.g. that a year is computed, not proclaimed.
    pub fn note(&self) -> Option<&str> {
        self.note.as_deref()
    }

    /// The holiday's title, if `d` is a holiday with one.
    pub fn title(&self, d: NaiveDate) -> Option<&str> {
        self.holidays.get(&d).and_then(|t| t.as_deref())
    }

    pub fn is_holiday(&self, d: NaiveDate) -> bool {
        self.holidays.contains_key(&d)
    }

    /// Monday to Friday and not a bank holiday.
    pub fn is_working_day(&self, d: NaiveDate) -> bool {
        is_weekday(d) && !self.is_holiday(d)
    }

    /// The `n`th working day after `d` (before it if `n` is negative);
    /// `n == 0` returns `d` unchanged even if it is not a working day.
    /// One working day after a Friday is the Monday, or the Tuesday after a
    /// bank-holiday Monday; one after a Saturday is also that Monday.
    ///
    /// For `n >= 0`, `working_days_between(d, add_working_days(d, n)) == n`.
    ///
    /// # Panics
    /// If the answer lies outside chrono's date range; see
    /// [`BankHolidays::checked_add_working_days`].
    pub fn add_working_days(&self, d: NaiveDate, n: i64) -> NaiveDate {
        self.checked_add_working_days(d, n)
            .unwrap_or_else(|| panic!("{n} working days from {d} is outside the date range"))
    }

    /// [`BankHolidays::add_working_days`], or `None` if the answer lies
    /// outside chrono's date range.
    pub fn checked_add_working_days(&self, d: NaiveDate, n: i64) -> Option<NaiveDate> {
        if n.unsigned_abs() > MAX_WORKING_DAY_OFFSET {
            return None;
        }
        let step = if n >= 0 {
            NaiveDate::succ_opt
        } else {
            NaiveDate::pred_opt
        };
        let mut left = n.unsigned_abs();
        let mut day = d;
        while left > 0 {
            day = step(&day)?;
            if self.is_working_day(day) {
                left -= 1;
            }
        }
        Some(day)
    }

    /// The number of working days `d` with `from < d <= to`; if `to` is
    /// before `from`, minus the number with `to < d <= from`.
    pub fn working_days_between(&self, from: NaiveDate, to: NaiveDate) -> i64 {
        if to < from {
            return -self.working_days_between(to, from);
        }
        let weekdays = weekdays_through(to) - weekdays_through(from);
        let holidays_on_weekdays = self
            .holidays
            .range((Bound::Excluded(from), Bound::Included(to)))
            .filter(|(d, _)| is_weekday(**d))
            .count();
        weekdays - i64::try_from(holidays_on_weekdays).expect("count fits in i64")
    }

    /// `d` itself if it is a working day, otherwise the next one.
    ///
    /// # Panics
    /// Only at the very end of chrono's date range.
    pub fn next_working_day_on_or_after(&self, d: NaiveDate) -> NaiveDate {
        if self.is_working_day(d) {
            d
        } else {
            self.add_working_days(d, 1)
        }
    }

    /// The last working day strictly before `d`.
    ///
    /// # Panics
    /// Only at the very start of chrono's date range.
    pub fn previous_working_day_before(&self, d: NaiveDate) -> NaiveDate {
        self.add_working_days(d, -1)
    }

    /// Whether the data lists holidays for `d`'s year. Beyond the covered
    /// years every weekday counts as a working day, so callers should warn.
    pub fn covers(&self, d: NaiveDate) -> bool {
        self.years.contains(&d.year())
    }

    /// The years the data covers, in order.
    pub fn covered_years(&self) -> Vec<i32> {
        self.years.iter().copied().collect()
    }

    /// All listed holidays, in date order.
    pub fn dates(&self) -> Vec<NaiveDate> {
        self.holidays.keys().copied().collect()
    }
}

fn is_weekday(d: NaiveDate) -> bool {
    !matches!(d.weekday(), Weekday::Sat | Weekday::Sun)
}

/// The number of weekdays from a fixed Monday up to and including `d`
/// (negative before it); only differences between two calls mean anything.
fn weekdays_through(d: NaiveDate) -> i64 {
    // Day 1 counted by `num_days_from_ce` (1 January of year 1) is a Monday,
    // so each block of seven days starting at day 1 runs Monday to Sunday.
    let n = i64::from(d.num_days_from_ce());
    5 * n.div_euclid(7) + n.rem_euclid(7).min(5)
}

/// A date written exactly `YYYY-MM-DD` (four-digit year, zero-padded month
/// and day) that exists in the calendar.
fn parse_iso_date(s: &str) -> Option<NaiveDate> {
    let d = NaiveDate::parse_from_str(s, "%Y-%m-%d").ok()?;
    (d.format("%Y-%m-%d").to_string() == s).then_some(d)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    fn ew() -> BankHolidays {
        BankHolidays::england_and_wales()
    }

    /// Typed from the domain rules, not read from the fixture.
    const DOMAIN_LIST: [&str; 32] = [
        "2025-01-01",
        "2025-04-18",
        "2025-04-21",
        "2025-05-05",
        "2025-05-26",
        "2025-08-25",
        "2025-12-25",
        "2025-12-26",
        "2026-01-01",
        "2026-04-03",
        "2026-04-06",
        "2026-05-04",
        "2026-05-25",
        "2026-08-31",
        "2026-12-25",
        "2026-12-28",
        "2027-01-01",
        "2027-03-26",
        "2027-03-29",
        "2027-05-03",
        "2027-05-31",
        "2027-08-30",
        "2027-12-27",
        "2027-12-28",
        "2028-01-03",
        "2028-04-14",
        "2028-04-17",
        "2028-05-01",
        "2028-05-29",
        "2028-08-28",
        "2028-12-25",
        "2028-12-26",
    ];

    #[test]
    fn shipped_fixture_is_exactly_the_domain_list() {
        let expected: Vec<NaiveDate> = DOMAIN_LIST.iter().map(|s| date(s)).collect();
        assert_eq!(ew().dates(), expected);
    }

    #[test]
    fn shipped_fixture_metadata_and_titles() {
        let h = ew();
        assert_eq!(h.division(), Some("england-and-wales"));
        assert_eq!(h.note(), Some("2028 computed, not yet proclaimed"));
        assert_eq!(h.covered_years(), vec![2025, 2026, 2027, 2028]);
        let titles = [
            ("2025-01-01", "New Year's Day"),
            ("2026-04-03", "Good Friday"),
            ("2026-04-06", "Easter Monday"),
            ("2026-12-25", "Christmas Day"),
            ("2026-12-28", "Boxing Day (substitute day)"),
            ("2027-12-27", "Christmas Day (substitute day)"),
            ("2028-01-03", "New Year's Day (substitute day)"),
            ("2028-08-28", "Summer bank holiday"),
        ];
        for (d, title) in titles {
            assert_eq!(h.title(date(d)), Some(title), "{d}");
        }
        assert_eq!(h.title(date("2026-04-07")), None);
    }

    #[test]
    fn every_shipped_holiday_falls_on_a_weekday() {
        // England & Wales substitute a weekday for a holiday at a weekend.
        for d in ew().dates() {
            assert!(is_weekday(d), "{d} is a {}", d.weekday());
        }
    }

    #[test]
    fn coverage() {
        let h = ew();
        let cases = [
            ("2024-12-31", false),
            ("2025-01-01", true),
            ("2026-07-01", true),
            ("2028-12-31", true),
            ("2029-01-01", false),
        ];
        for (d, covered) in cases {
            assert_eq!(h.covers(date(d)), covered, "{d}");
        }
    }

    #[test]
    fn working_day_or_not() {
        let cases = [
            ("2026-04-02", true),  // Thursday before Easter
            ("2026-04-03", false), // Good Friday
            ("2026-04-04", false), // Saturday
            ("2026-04-05", false), // Sunday
            ("2026-04-06", false), // Easter Monday
            ("2026-04-07", true),
            ("2026-05-25", false), // Spring bank holiday
            ("2026-08-31", false), // Summer bank holiday
            ("2026-12-24", true),
            ("2026-12-25", false),
            ("2026-12-26", false), // Saturday (Boxing Day moved to the 28th)
            ("2026-12-28", false),
            ("2026-12-29", true),
            ("2027-01-01", false),
            ("2027-03-26", false),
            ("2027-03-29", false),
            ("2027-12-27", false),
            ("2027-12-28", false),
            ("2027-12-29", true),
            ("2028-01-03", false),
            ("2028-01-04", true),
            ("2029-01-01", true), // not covered: only weekends count
        ];
        let h = ew();
        for (d, working) in cases {
            assert_eq!(h.is_working_day(date(d)), working, "{d}");
        }
    }

    #[test]
    fn adding_working_days() {
        let cases = [
            ("2026-03-06", 1, "2026-03-09"),  // Friday -> Monday
            ("2026-03-06", 0, "2026-03-06"),  // zero is no move
            ("2026-03-07", 0, "2026-03-07"),  // even on a Saturday
            ("2026-03-07", 1, "2026-03-09"),  // Saturday -> Monday
            ("2026-03-08", -1, "2026-03-06"), // Sunday -> Friday
            ("2026-03-09", -1, "2026-03-06"), // Monday -> Friday
            ("2026-03-09", 5, "2026-03-16"),
            ("2026-05-22", 1, "2026-05-26"), // over Spring bank holiday
            ("2026-05-26", -1, "2026-05-22"),
            // Easter 2026: Good Friday 3 April, Easter Monday 6 April.
            ("2026-04-02", 1, "2026-04-07"),
            ("2026-04-02", 2, "2026-04-08"),
            ("2026-04-03", 1, "2026-04-07"),
            ("2026-04-07", -1, "2026-04-02"),
            ("2026-04-06", -1, "2026-04-02"),
            ("2026-03-27", 10, "2026-04-14"),
            ("2026-04-14", -10, "2026-03-27"),
            // Christmas 2026: 25 and 28 December, then 1 January 2027.
            ("2026-12-24", 1, "2026-12-29"),
            ("2026-12-24", 5, "2027-01-05"),
            ("2027-01-05", -5, "2026-12-24"),
            ("2026-12-29", -1, "2026-12-24"),
            ("2026-12-18", 10, "2027-01-06"), // Right 11: ten working days
            // Easter 2027: 26 and 29 March.
            ("2027-03-25", 1, "2027-03-30"),
            ("2027-03-30", -1, "2027-03-25"),
            // Christmas 2027: 27 and 28 December, then 3 January 2028.
            ("2027-12-24", 1, "2027-12-29"),
            ("2027-12-29", -1, "2027-12-24"),
            ("2027-12-31", 1, "2028-01-04"),
            ("2028-01-04", -1, "2027-12-31"),
        ];
        let h = ew();
        for (from, n, expected) in cases {
            assert_eq!(
                h.add_working_days(date(from), n),
                date(expected),
                "{from} {n:+}"
            );
        }
    }

    #[test]
    fn counting_working_days_between() {
        let cases = [
            ("2026-03-06", "2026-03-09", 1), // Friday to Monday
            ("2026-03-06", "2026-03-06", 0),
            ("2026-03-07", "2026-03-08", 0), // a weekend
            ("2026-03-09", "2026-03-06", -1),
            ("2026-03-06", "2026-03-13", 5),
            ("2026-04-02", "2026-04-07", 1), // Easter
            ("2026-04-07", "2026-04-02", -1),
            ("2026-03-27", "2026-04-14", 10),
            ("2026-12-24", "2027-01-05", 5), // Christmas
            ("2027-01-05", "2026-12-24", -5),
            ("2027-12-24", "2028-01-04", 4), // 29, 30, 31 December, 4 January
            ("2024-12-31", "2025-12-31", 253),
            ("2025-12-31", "2026-12-31", 253),
            ("2026-12-31", "2027-12-31", 253),
            ("2027-12-31", "2028-12-31", 252),
        ];
        let h = ew();
        for (from, to, expected) in cases {
            assert_eq!(
                h.working_days_between(date(from), date(to)),
                expected,
                "{from} -> {to}"
            );
        }
    }

    #[test]
    fn counting_agrees_with_stepping_day_by_day() {
        let h = ew();
        let brute = |from: NaiveDate, to: NaiveDate| -> i64 {
            let (lo, hi, sign) = if from <= to {
                (from, to, 1)
            } else {
                (to, from, -1)
            };
            let count = lo
                .iter_days()
                .skip(1)
                .take_while(|d| *d <= hi)
                .filter(|d| h.is_working_day(*d))
                .count();
            sign * i64::try_from(count).unwrap()
        };
        let mut from = date("2024-12-01");
        while from < date("2029-02-01") {
            for delta in -40..=40 {
                let to = from + chrono::TimeDelta::days(delta);
                assert_eq!(
                    h.working_days_between(from, to),
                    brute(from, to),
                    "{from} -> {to}"
                );
            }
            from += chrono::TimeDelta::days(3);
        }
    }

    #[test]
    fn adding_and_counting_are_consistent() {
        let h = ew();
        for from in date("2025-01-01")
            .iter_days()
            .take_while(|d| d.year() <= 2028)
        {
            for n in -12..=12 {
                let to = h.add_working_days(from, n);
                if n == 0 {
                    assert_eq!(to, from);
                    continue;
                }
                assert!(h.is_working_day(to), "{from} {n:+} gave {to}");
                assert_eq!(n > 0, to > from, "{from} {n:+}");
                let counted = h.working_days_between(from, to);
                if n > 0 || h.is_working_day(from) {
                    assert_eq!(counted, n, "{from} {n:+} gave {to}");
                } else {
                    // Counting back from a non-working day leaves it out.
                    assert_eq!(counted, n + 1, "{from} {n:+} gave {to}");
                }
                assert_eq!(h.working_days_between(to, from), -counted);
            }
        }
    }

    #[test]
    fn next_and_previous_working_days() {
        let h = ew();
        let next = [
            ("2026-04-02", "2026-04-02"),
            ("2026-04-03", "2026-04-07"),
            ("2026-04-04", "2026-04-07"),
            ("2026-12-26", "2026-12-29"),
            ("2027-12-25", "2027-12-29"),
            ("2028-01-01", "2028-01-04"),
        ];
        for (d, expected) in next {
            assert_eq!(
                h.next_working_day_on_or_after(date(d)),
                date(expected),
                "{d}"
            );
        }
        let previous = [
            ("2026-04-07", "2026-04-02"),
            ("2026-04-02", "2026-04-01"),
            ("2026-03-09", "2026-03-06"),
            ("2026-12-29", "2026-12-24"),
            ("2028-01-04", "2027-12-31"),
            ("2028-01-03", "2027-12-31"),
        ];
        for (d, expected) in previous {
            assert_eq!(
                h.previous_working_day_before(date(d)),
                date(expected),
                "{d}"
            );
        }
    }

    #[test]
    fn from_dates_builds_an_untitled_list() {
        let h =
            BankHolidays::from_dates([date("2030-06-04"), date("2030-06-03"), date("2030-06-04")]);
        assert_eq!(h.dates(), vec![date("2030-06-03"), date("2030-06-04")]);
        assert!(h.is_holiday(date("2030-06-03")));
        assert!(!h.is_holiday(date("2026-04-03")));
        assert_eq!(h.title(date("2030-06-03")), None);
        assert!(h.covers(date("2030-12-31")));
        assert!(!h.covers(date("2031-01-01")));
        // Friday 31 May 2030 + 1 skips the weekend and both holidays.
        assert_eq!(
            h.add_working_days(date("2030-05-31"), 1),
            date("2030-06-05")
        );
        assert_eq!(h.division(), None);
    }

    #[test]
    fn empty_from_dates_has_only_weekends() {
        let h = BankHolidays::from_dates([]);
        assert!(h.dates().is_empty());
        assert!(!h.covers(date("2026-01-01")));
        assert!(h.is_working_day(date("2026-04-03")));
        assert_eq!(
            h.add_working_days(date("2026-04-02"), 1),
            date("2026-04-03")
        );
    }

    #[test]
    fn minimal_and_gov_uk_shapes_parse() {
        let minimal = r#"{"holidays":[{"date":"2026-04-03"}]}"#;
        let h = BankHolidays::from_json(minimal).unwrap();
        assert_eq!(h.dates(), vec![date("2026-04-03")]);
        assert_eq!(h.division(), None);

        let gov_uk = r#"{"division":"england-and-wales","events":[
            {"title":"Good Friday","date":"2026-04-03","notes":"","bunting":false},
            {"title":"Easter Monday","date":"2026-04-06","notes":"","bunting":true}]}"#;
        let h = BankHolidays::from_json(gov_uk).unwrap();
        assert_eq!(h.dates(), vec![date("2026-04-03"), date("2026-04-06")]);
        assert_eq!(h.title(date("2026-04-06")), Some("Easter Monday"));
    }

    #[test]
    fn to_json_round_trips() {
        let h = ew();
        let again = BankHolidays::from_json(&h.to_json()).unwrap();
        assert_eq!(again, h);
        let bare = BankHolidays::from_dates([date("2030-06-03")]);
        assert_eq!(BankHolidays::from_json(&bare.to_json()).unwrap(), bare);
    }

    #[test]
    fn malformed_json_is_refused() {
        let cases = [
            "",
            "not json",
            "{",
            "[]",
            r#"{"division":"england-and-wales"}"#,
            r#"{"holidays":"2026-04-03"}"#,
            r#"{"holidays":[{"title":"Good Friday"}]}"#,
            r#"{"holidays":[{"date":20260403}]}"#,
            r#"{"holidays":[{"date":"2026-04-03"}]} trailing"#,
        ];
        for json in cases {
            let err = BankHolidays::from_json(json).unwrap_err();
            assert!(matches!(err, CalendarError::Json(_)), "{json}: {err:?}");
            assert!(err
                .to_string()
                .starts_with("bank holiday data is not valid JSON"));
        }
        let err = BankHolidays::from_json(r#"{"note":"x"}"#).unwrap_err();
        assert!(err.to_string().contains("holidays"), "{err}");
    }

    #[test]
    fn bad_dates_are_refused_with_their_position() {
        let cases = [
            "2026-02-30",
            "2026-13-01",
            "2026-4-3",
            "03/04/2026",
            "2026-04-03T00:00:00",
            " 2026-04-03",
            "",
        ];
        for bad in cases {
            let json = format!(
                r#"{{"holidays":[{{"date":"2026-01-01"}},{{"date":"{bad}","title":"x"}}]}}"#
            );
            match BankHolidays::from_json(&json) {
                Err(CalendarError::BadDate { index, value }) => {
                    assert_eq!(index, 2, "{bad}");
                    assert_eq!(value, bad);
                }
                other => panic!("{bad:?} gave {other:?}"),
            }
            let message = BankHolidays::from_json(&json).unwrap_err().to_string();
            assert!(message.contains(&format!("{bad:?}")), "{message}");
        }
    }

    #[test]
    fn duplicate_and_empty_lists_are_refused() {
        let dup =
            r#"{"holidays":[{"date":"2026-04-03"},{"date":"2026-04-06"},{"date":"2026-04-03"}]}"#;
        match BankHolidays::from_json(dup) {
            Err(CalendarError::Duplicate { date: d }) => assert_eq!(d, date("2026-04-03")),
            other => panic!("{other:?}"),
        }
        assert!(matches!(
            BankHolidays::from_json(r#"{"holidays":[]}"#),
            Err(CalendarError::Empty)
        ));
    }

    #[test]
    fn huge_offsets_are_refused_not_looped() {
        let h = ew();
        assert_eq!(
            h.checked_add_working_days(date("2026-01-05"), i64::MAX),
            None
        );
        assert_eq!(
            h.checked_add_working_days(date("2026-01-05"), i64::MIN),
            None
        );
        assert_eq!(h.checked_add_working_days(NaiveDate::MAX, 1), None);
        assert_eq!(
            h.checked_add_working_days(date("2026-01-05"), 1),
            Some(date("2026-01-06"))
        );
    }

    #[test]
    fn weekday_counter_matches_calendar() {
        // Monday 5 January 2026 to Sunday 11 January: five weekdays.
        let base = weekdays_through(date("2026-01-04"));
        let expected = [1, 2, 3, 4, 5, 5, 5];
        for (i, want) in expected.into_iter().enumerate() {
            let d = date("2026-01-05") + chrono::TimeDelta::days(i as i64);
            assert_eq!(weekdays_through(d) - base, want, "{d}");
        }
        // Also before the counter's origin, where the arithmetic is signed.
        let old = date("-0001-01-01");
        assert_eq!(
            weekdays_through(old + chrono::TimeDelta::days(7)) - weekdays_through(old),
            5
        );
    }
}

//! Court time: Europe/London wall-clock conversions, clock-change days,
//! and working-day arithmetic over England & Wales bank holidays.
//!
//! Everything here is pure: no clock is read and no file is opened at run
//! time (the shipped bank-holiday list is compiled in with `include_str!`).
//!
//! Instants are `DateTime<Utc>`; courts sit in Europe/London. Converting a
//! wall-clock time to an instant needs a rule for the two clock-change days,
//! because one hour of local time is skipped each spring and one is repeated
//! each autumn. The rule used throughout Courtside is [`local_to_utc`]'s:
//!
//! - a skipped time is moved forward by the length of the gap
//!   (01:30 on the last Sunday of March becomes 02:30 BST);
//! - a repeated time means its earlier occurrence (BST), so a reminder is
//!   never late.

pub mod agenda;
mod holidays;
pub mod safe_hours;

pub use holidays::{BankHolidays, CalendarError};

use chrono::{
    DateTime, Datelike, LocalResult, NaiveDate, NaiveDateTime, NaiveTime, Offset, TimeDelta,
    TimeZone, Utc,
};
use chrono_tz::Tz;

/// The courts' time zone.
pub use chrono_tz::Europe::London as LONDON;

/// How a wall-clock time in London relates to real instants.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum LocalTimeKind {
    /// The time occurs exactly once.
    Unique,
    /// The time does not exist: the clocks jump over it in spring.
    /// [`local_to_utc`] moves it forward by the length of the gap.
    Skipped,
    /// The time occurs twice: the clocks go back over it in autumn.
    /// [`local_to_utc`] takes the earlier occurrence (BST).
    Repeated,
}

/// Whether a London wall-clock time is unique, skipped or repeated, so a
/// caller can warn ("01:30 happens twice on 25 October; we used the first").
pub fn classify_local(local: NaiveDateTime) -> LocalTimeKind {
    match LONDON.from_local_datetime(&local) {
        LocalResult::Single(_) => LocalTimeKind::Unique,
        LocalResult::None => LocalTimeKind::Skipped,
        LocalResult::Ambiguous(_, _) => LocalTimeKind::Repeated,
    }
}

/// The instant at which a London wall-clock time on `date` happens.
///
/// The defined rule for local wall-clock times on clock-change days:
/// - a time that does not exist (spring gap, e.g. 01:30 on the last Sunday
///   of March) is moved forward by the length of the gap
///   (01:30 local -> 02:30 BST);
/// - a time that occurs twice (autumn, e.g. 01:30 on the last Sunday of
///   October) means the EARLIER occurrence (BST).
pub fn local_to_utc(date: NaiveDate, time: NaiveTime) -> DateTime<Utc> {
    local_datetime_to_utc(date.and_time(time))
}

/// [`local_to_utc`] for a combined local date and time.
pub fn local_datetime_to_utc(local: NaiveDateTime) -> DateTime<Utc> {
    match LONDON.from_local_datetime(&local) {
        LocalResult::Single(at) => at.with_timezone(&Utc),
        LocalResult::Ambiguous(a, b) => a.min(b).with_timezone(&Utc),
        LocalResult::None => {
            // Read the clock face with the offset in force just before the
            // gap. The instant found lies after the change, where the new,
            // larger offset shows it as `local` plus the gap's length.
            let before = LONDON
                .offset_from_utc_datetime(&(local - TimeDelta::days(1)))
                .fix();
            let naive_utc = local - TimeDelta::seconds(i64::from(before.local_minus_utc()));
            Utc.from_utc_datetime(&naive_utc)
        }
    }
}

/// An instant as London wall-clock time (its offset says BST or GMT).
pub fn to_london(instant: DateTime<Utc>) -> DateTime<Tz> {
    instant.with_timezone(&LONDON)
}

/// The calendar date in London at an instant (23:30 UTC on 30 June is
/// already 1 July in London).
pub fn london_date(instant: DateTime<Utc>) -> NaiveDate {
    to_london(instant).date_naive()
}

/// The instant at which a London calendar day begins (local midnight,
/// which exists on every day because the clocks change at 01:00 UTC).
pub fn start_of_london_day(date: NaiveDate) -> DateTime<Utc> {
    local_to_utc(date, NaiveTime::MIN)
}

/// Long form for notices and pages, naming the offset:
/// "Monday 30 March 2026, 10:00 (BST)" or "... (GMT)".
pub fn format_long(instant: DateTime<Utc>) -> String {
    let local = to_london(instant);
    format!(
        "{}, {} ({})",
        local.format("%A %-d %B %Y"),
        local.format("%H:%M"),
        zone_abbreviation(&local)
    )
}

/// Short form for tables: "30 Mar 2026 10:00" (London time, no offset).
pub fn format_short(instant: DateTime<Utc>) -> String {
    to_london(instant).format("%-d %b %Y %H:%M").to_string()
}

/// The zone a London time needs beside it to be unambiguous: `Some("BST")`
/// or `Some("GMT")` when the instant falls in the hour the clocks repeat
/// (01:00-01:59 on the last Sunday of October, which happens once in BST
/// and again in GMT), `None` on every other instant.
pub fn repeated_hour_zone(instant: DateTime<Utc>) -> Option<&'static str> {
    let local = to_london(instant);
    (classify_local(local.naive_local()) == LocalTimeKind::Repeated)
        .then(|| zone_abbreviation(&local))
}

/// Whether the instant is the second (GMT) pass through the repeated hour:
/// the one a London wall-clock time alone cannot name.
pub fn is_second_occurrence(instant: DateTime<Utc>) -> bool {
    repeated_hour_zone(instant) == Some("GMT")
}

/// The time of day people read, in London: "10am", "2:30pm", "midday",
/// "midnight", and on the repeated hour of the autumn clock change
/// "1:30am (BST)" or "1:30am (GMT)". Every page, notice, feed text and
/// export that shows a time of day shows it this way (notices in other
/// languages use their own clock words, with the same zone rule).
pub fn format_time(instant: DateTime<Utc>) -> String {
    let local = to_london(instant);
    let clock = twelve_hour(local.time());
    match repeated_hour_zone(instant) {
        Some(zone) => format!("{clock} ({zone})"),
        None => clock,
    }
}

/// A time of day on the 12-hour clock, English style.
pub fn twelve_hour(time: NaiveTime) -> String {
    use chrono::Timelike;
    let (hour, minute) = (time.hour(), time.minute());
    match (hour, minute) {
        (12, 0) => return "midday".into(),
        (0, 0) => return "midnight".into(),
        _ => {}
    }
    let suffix = if hour < 12 { "am" } else { "pm" };
    let hour12 = match hour % 12 {
        0 => 12,
        h => h,
    };
    if minute == 0 {
        format!("{hour12}{suffix}")
    } else {
        format!("{hour12}:{minute:02}{suffix}")
    }
}

/// A London time of day as notice data carries it, for the templates'
/// `time` helper: "14:30", or on the repeated hour "01:30 BST" /
/// "01:30 GMT" so the notice can say which one.
pub fn time_value(instant: DateTime<Utc>) -> String {
    let hhmm = to_london(instant).format("%H:%M").to_string();
    match repeated_hour_zone(instant) {
        Some(zone) => format!("{hhmm} {zone}"),
        None => hhmm,
    }
}

/// Reads [`time_value`]'s form back: the time and, on the repeated hour,
/// its zone. Plain "HH:MM" (as older notices stored) reads with no zone.
pub fn parse_time_value(text: &str) -> Option<(NaiveTime, Option<&'static str>)> {
    let (clock, zone) = match text.trim().split_once(' ') {
        Some((clock, "BST")) => (clock, Some("BST")),
        Some((clock, "GMT")) => (clock, Some("GMT")),
        Some(_) => return None,
        None => (text.trim(), None),
    };
    NaiveTime::parse_from_str(clock, "%H:%M")
        .ok()
        .map(|t| (t, zone))
}

/// Why a wall-clock time typed for London cannot be used.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SkippedTime {
    pub date: NaiveDate,
    pub time: NaiveTime,
}

impl std::fmt::Display for SkippedTime {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{} on {} does not exist in UK time: the clocks go forward from 1am to 2am that night. \
             Enter a time before 1am or from 2am",
            twelve_hour(self.time),
            self.date.format("%A %-d %B %Y")
        )
    }
}

/// [`local_to_utc`] for a time a person typed: a time in the spring gap
/// (which no clock in the UK shows) is refused rather than moved. A
/// repeated time still means its earlier (BST) occurrence.
pub fn typed_local_to_utc(date: NaiveDate, time: NaiveTime) -> Result<DateTime<Utc>, SkippedTime> {
    match classify_local(date.and_time(time)) {
        LocalTimeKind::Skipped => Err(SkippedTime { date, time }),
        _ => Ok(local_to_utc(date, time)),
    }
}

/// "BST" in summer time, "GMT" otherwise.
fn zone_abbreviation(local: &DateTime<Tz>) -> &'static str {
    if local.offset().fix().local_minus_utc() == 0 {
        "GMT"
    } else {
        "BST"
    }
}

/// The day British Summer Time starts: the last Sunday of March (clocks go
/// forward at 01:00 UTC). Computed by the rule in force since 1981.
///
/// # Panics
/// If `year` is outside chrono's supported range (about ±262,000).
pub fn bst_starts(year: i32) -> NaiveDate {
    last_sunday(year, 3)
}

/// The day British Summer Time ends: the last Sunday of October (clocks go
/// back at 01:00 UTC).
///
/// # Panics
/// If `year` is outside chrono's supported range (about ±262,000).
pub fn bst_ends(year: i32) -> NaiveDate {
    last_sunday(year, 10)
}

/// The instant the clocks go forward in `year` (01:00 UTC on [`bst_starts`]).
pub fn bst_start_instant(year: i32) -> DateTime<Utc> {
    Utc.from_utc_datetime(&bst_starts(year).and_time(ONE_AM))
}

/// The instant the clocks go back in `year` (01:00 UTC on [`bst_ends`]).
pub fn bst_end_instant(year: i32) -> DateTime<Utc> {
    Utc.from_utc_datetime(&bst_ends(year).and_time(ONE_AM))
}

const ONE_AM: NaiveTime = match NaiveTime::from_hms_opt(1, 0, 0) {
    Some(t) => t,
    None => panic!("01:00 is a valid time"),
};

/// Last Sunday of a month that has 31 days (March and October).
fn last_sunday(year: i32, month: u32) -> NaiveDate {
    let last = NaiveDate::from_ymd_opt(year, month, 31)
        .unwrap_or_else(|| panic!("year {year} is outside the supported date range"));
    last - TimeDelta::days(i64::from(last.weekday().num_days_from_sunday()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::Timelike;

    fn date(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    fn local(s: &str) -> NaiveDateTime {
        NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M").unwrap()
    }

    fn utc(s: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc)
    }

    const CHANGE_DAYS: [&str; 4] = ["2026-03-29", "2026-10-25", "2027-03-28", "2027-10-31"];

    /// (London wall clock, expected instant, kind) around the four clock
    /// changes of 2026 and 2027.
    const LOCAL_TO_UTC: &[(&str, &str, LocalTimeKind)] = {
        use LocalTimeKind::*;
        &[
            // Spring 2026: clocks go 01:00 GMT -> 02:00 BST on Sun 29 March.
            ("2026-03-28 10:00", "2026-03-28T10:00:00Z", Unique),
            ("2026-03-29 00:00", "2026-03-29T00:00:00Z", Unique),
            ("2026-03-29 00:59", "2026-03-29T00:59:00Z", Unique),
            ("2026-03-29 01:00", "2026-03-29T01:00:00Z", Skipped),
            ("2026-03-29 01:30", "2026-03-29T01:30:00Z", Skipped),
            ("2026-03-29 01:59", "2026-03-29T01:59:00Z", Skipped),
            ("2026-03-29 02:00", "2026-03-29T01:00:00Z", Unique),
            ("2026-03-29 02:30", "2026-03-29T01:30:00Z", Unique),
            ("2026-03-29 10:00", "2026-03-29T09:00:00Z", Unique),
            ("2026-03-30 10:00", "2026-03-30T09:00:00Z", Unique),
            // Autumn 2026: clocks go 02:00 BST -> 01:00 GMT on Sun 25 October.
            ("2026-10-24 10:00", "2026-10-24T09:00:00Z", Unique),
            ("2026-10-25 00:00", "2026-10-24T23:00:00Z", Unique),
            ("2026-10-25 00:59", "2026-10-24T23:59:00Z", Unique),
            ("2026-10-25 01:00", "2026-10-25T00:00:00Z", Repeated),
            ("2026-10-25 01:30", "2026-10-25T00:30:00Z", Repeated),
            ("2026-10-25 01:59", "2026-10-25T00:59:00Z", Repeated),
            ("2026-10-25 02:00", "2026-10-25T02:00:00Z", Unique),
            ("2026-10-25 10:00", "2026-10-25T10:00:00Z", Unique),
            ("2026-10-26 10:00", "2026-10-26T10:00:00Z", Unique),
            // Spring 2027: Sun 28 March.
            ("2027-03-27 10:00", "2027-03-27T10:00:00Z", Unique),
            ("2027-03-28 00:59", "2027-03-28T00:59:00Z", Unique),
            ("2027-03-28 01:00", "2027-03-28T01:00:00Z", Skipped),
            ("2027-03-28 01:30", "2027-03-28T01:30:00Z", Skipped),
            ("2027-03-28 02:00", "2027-03-28T01:00:00Z", Unique),
            ("2027-03-28 10:00", "2027-03-28T09:00:00Z", Unique),
            ("2027-03-29 10:00", "2027-03-29T09:00:00Z", Unique),
            // Autumn 2027: Sun 31 October.
            ("2027-10-30 10:00", "2027-10-30T09:00:00Z", Unique),
            ("2027-10-31 00:59", "2027-10-30T23:59:00Z", Unique),
            ("2027-10-31 01:00", "2027-10-31T00:00:00Z", Repeated),
            ("2027-10-31 01:30", "2027-10-31T00:30:00Z", Repeated),
            ("2027-10-31 02:00", "2027-10-31T02:00:00Z", Unique),
            ("2027-10-31 10:00", "2027-10-31T10:00:00Z", Unique),
            ("2027-11-01 10:00", "2027-11-01T10:00:00Z", Unique),
            // Ordinary days, winter and summer.
            ("2026-01-15 09:30", "2026-01-15T09:30:00Z", Unique),
            ("2026-07-15 09:30", "2026-07-15T08:30:00Z", Unique),
        ]
    };

    #[test]
    fn local_times_around_clock_changes_follow_the_rule() {
        for &(wall, expected, kind) in LOCAL_TO_UTC {
            let l = local(wall);
            assert_eq!(local_datetime_to_utc(l), utc(expected), "{wall}");
            assert_eq!(
                local_to_utc(l.date(), l.time()),
                utc(expected),
                "{wall} via local_to_utc"
            );
            assert_eq!(classify_local(l), kind, "{wall}");
        }
    }

    #[test]
    fn skipped_time_lands_one_hour_later_on_the_clock() {
        for day in ["2026-03-29", "2027-03-28"] {
            let at = local_to_utc(date(day), NaiveTime::from_hms_opt(1, 30, 0).unwrap());
            let shown = to_london(at);
            assert_eq!(shown.date_naive(), date(day));
            assert_eq!((shown.hour(), shown.minute()), (2, 30), "{day}");
            assert_eq!(format_long(at).rsplit(' ').next(), Some("(BST)"));
        }
    }

    #[test]
    fn repeated_time_is_the_bst_occurrence() {
        for day in ["2026-10-25", "2027-10-31"] {
            let at = local_to_utc(date(day), NaiveTime::from_hms_opt(1, 30, 0).unwrap());
            assert_eq!(
                to_london(at).offset().fix().local_minus_utc(),
                3600,
                "{day}"
            );
            assert!(
                format_long(at).ends_with("01:30 (BST)"),
                "{}",
                format_long(at)
            );
        }
    }

    #[test]
    fn round_trip_utc_to_local_to_utc_across_changes() {
        for day in CHANGE_DAYS {
            let autumn = day.contains("-10-");
            let start = start_of_london_day(date(day)) - TimeDelta::hours(2);
            let mut shifted = 0;
            for step in 0..(8 * 4) {
                let instant = start + TimeDelta::minutes(15 * step);
                let back = local_datetime_to_utc(to_london(instant).naive_local());
                let change = Utc.from_utc_datetime(&date(day).and_time(ONE_AM));
                let second_pass =
                    autumn && instant >= change && instant < change + TimeDelta::hours(1);
                if second_pass {
                    // The GMT pass through 01:00-01:59 reads back as the BST one.
                    assert_eq!(back, instant - TimeDelta::hours(1), "{instant}");
                    shifted += 1;
                } else {
                    assert_eq!(back, instant, "{instant}");
                }
            }
            assert_eq!(shifted, if autumn { 4 } else { 0 }, "{day}");
        }
    }

    #[test]
    fn round_trip_local_to_utc_to_local_across_changes() {
        for day in CHANGE_DAYS {
            let spring = day.contains("-03-");
            for step in 0..(4 * 4) {
                let wall = date(day).and_time(NaiveTime::MIN) + TimeDelta::minutes(15 * step);
                let shown = to_london(local_datetime_to_utc(wall)).naive_local();
                if spring && (1..2).contains(&wall.hour()) {
                    assert_eq!(shown, wall + TimeDelta::hours(1), "{wall}");
                } else {
                    assert_eq!(shown, wall, "{wall}");
                }
            }
        }
    }

    #[test]
    fn a_ten_oclock_hearing_each_side_of_each_change() {
        // (day, offset in hours east of UTC at 10:00 that day)
        let cases = [
            ("2026-03-28", 0),
            ("2026-03-29", 1),
            ("2026-03-30", 1),
            ("2026-10-24", 1),
            ("2026-10-25", 0),
            ("2026-10-26", 0),
            ("2027-03-27", 0),
            ("2027-03-29", 1),
            ("2027-10-30", 1),
            ("2027-11-01", 0),
        ];
        let ten = NaiveTime::from_hms_opt(10, 0, 0).unwrap();
        for (day, offset) in cases {
            let at = local_to_utc(date(day), ten);
            assert_eq!(at.hour(), 10 - offset, "{day}");
            assert_eq!(at.date_naive(), date(day));
            assert_eq!(london_date(at), date(day));
            assert_eq!(to_london(at).time(), ten);
        }
    }

    #[test]
    fn nine_the_day_before_a_hearing_is_nine_local() {
        // The reminder "09:00 the day before" for hearings on Mondays just
        // after the changes is 09:00 on the change Sunday itself.
        let nine = NaiveTime::from_hms_opt(9, 0, 0).unwrap();
        assert_eq!(
            local_to_utc(date("2026-03-29"), nine),
            utc("2026-03-29T08:00:00Z")
        );
        assert_eq!(
            local_to_utc(date("2026-10-25"), nine),
            utc("2026-10-25T09:00:00Z")
        );
    }

    #[test]
    fn london_date_near_midnight() {
        let cases = [
            ("2026-06-30T23:30:00Z", "2026-07-01"),
            ("2026-06-30T22:59:00Z", "2026-06-30"),
            ("2026-01-15T23:30:00Z", "2026-01-15"),
            ("2026-01-16T00:00:00Z", "2026-01-16"),
            ("2026-10-24T23:30:00Z", "2026-10-25"),
            ("2026-03-28T23:59:00Z", "2026-03-28"),
        ];
        for (instant, expected) in cases {
            assert_eq!(london_date(utc(instant)), date(expected), "{instant}");
        }
    }

    #[test]
    fn start_of_london_day_is_local_midnight() {
        let cases = [
            ("2026-01-15", "2026-01-15T00:00:00Z"),
            ("2026-07-01", "2026-06-30T23:00:00Z"),
            ("2026-03-29", "2026-03-29T00:00:00Z"),
            ("2026-03-30", "2026-03-29T23:00:00Z"),
            ("2026-10-25", "2026-10-24T23:00:00Z"),
            ("2026-10-26", "2026-10-26T00:00:00Z"),
        ];
        for (day, expected) in cases {
            assert_eq!(start_of_london_day(date(day)), utc(expected), "{day}");
        }
        // The autumn change day is 25 hours long, the spring one 23.
        let len = |d: &str| {
            let d = date(d);
            (start_of_london_day(d.succ_opt().unwrap()) - start_of_london_day(d)).num_hours()
        };
        assert_eq!(len("2026-10-25"), 25);
        assert_eq!(len("2026-03-29"), 23);
        assert_eq!(len("2026-03-30"), 24);
    }

    #[test]
    fn formats() {
        let cases = [
            (
                "2026-03-30T09:00:00Z",
                "Monday 30 March 2026, 10:00 (BST)",
                "30 Mar 2026 10:00",
            ),
            (
                "2026-03-28T10:00:00Z",
                "Saturday 28 March 2026, 10:00 (GMT)",
                "28 Mar 2026 10:00",
            ),
            (
                "2026-10-25T00:30:00Z",
                "Sunday 25 October 2026, 01:30 (BST)",
                "25 Oct 2026 01:30",
            ),
            (
                "2026-10-25T01:30:00Z",
                "Sunday 25 October 2026, 01:30 (GMT)",
                "25 Oct 2026 01:30",
            ),
            (
                "2027-01-04T09:05:00Z",
                "Monday 4 January 2027, 09:05 (GMT)",
                "4 Jan 2027 09:05",
            ),
            (
                "2026-06-30T23:30:00Z",
                "Wednesday 1 July 2026, 00:30 (BST)",
                "1 Jul 2026 00:30",
            ),
            (
                "2026-04-03T13:45:00Z",
                "Friday 3 April 2026, 14:45 (BST)",
                "3 Apr 2026 14:45",
            ),
        ];
        for (instant, long, short) in cases {
            assert_eq!(format_long(utc(instant)), long);
            assert_eq!(format_short(utc(instant)), short);
        }
    }

    /// (instant, what people read, the notice-data form)
    const TIMES_FOR_PEOPLE: &[(&str, &str, &str)] = &[
        // Ordinary days, winter and summer.
        ("2026-01-15T09:30:00Z", "9:30am", "09:30"),
        ("2026-07-15T08:30:00Z", "9:30am", "09:30"),
        ("2026-07-15T11:00:00Z", "midday", "12:00"),
        ("2026-01-15T00:00:00Z", "midnight", "00:00"),
        ("2026-06-30T23:30:00Z", "12:30am", "00:30"),
        ("2026-04-03T13:45:00Z", "2:45pm", "14:45"),
        ("2026-12-07T10:00:00Z", "10am", "10:00"),
        // Spring 2026 (Sun 29 March): 00:59 GMT, then straight to 02:00 BST.
        ("2026-03-29T00:59:00Z", "12:59am", "00:59"),
        ("2026-03-29T01:00:00Z", "2am", "02:00"),
        ("2026-03-29T01:30:00Z", "2:30am", "02:30"),
        ("2026-03-29T09:00:00Z", "10am", "10:00"),
        // Autumn 2026 (Sun 25 October): 01:00-01:59 happens twice.
        ("2026-10-24T23:59:00Z", "12:59am", "00:59"),
        ("2026-10-25T00:00:00Z", "1am (BST)", "01:00 BST"),
        ("2026-10-25T00:30:00Z", "1:30am (BST)", "01:30 BST"),
        ("2026-10-25T00:59:00Z", "1:59am (BST)", "01:59 BST"),
        ("2026-10-25T01:00:00Z", "1am (GMT)", "01:00 GMT"),
        ("2026-10-25T01:30:00Z", "1:30am (GMT)", "01:30 GMT"),
        ("2026-10-25T01:59:00Z", "1:59am (GMT)", "01:59 GMT"),
        ("2026-10-25T02:00:00Z", "2am", "02:00"),
        ("2026-10-25T10:00:00Z", "10am", "10:00"),
        // The same wall-clock hour on the days around it is not repeated.
        ("2026-10-24T00:30:00Z", "1:30am", "01:30"),
        ("2026-10-26T01:30:00Z", "1:30am", "01:30"),
        // Autumn 2027 (Sun 31 October).
        ("2027-10-31T00:15:00Z", "1:15am (BST)", "01:15 BST"),
        ("2027-10-31T01:15:00Z", "1:15am (GMT)", "01:15 GMT"),
        ("2027-10-30T00:15:00Z", "1:15am", "01:15"),
    ];

    #[test]
    fn times_for_people_name_the_zone_only_on_the_repeated_hour() {
        for &(instant, shown, value) in TIMES_FOR_PEOPLE {
            let at = utc(instant);
            assert_eq!(format_time(at), shown, "{instant}");
            assert_eq!(time_value(at), value, "{instant}");
            let (time, zone) = parse_time_value(value).expect("reads back");
            assert_eq!(time, to_london(at).time(), "{instant}");
            assert_eq!(zone, repeated_hour_zone(at), "{instant}");
            assert_eq!(is_second_occurrence(at), zone == Some("GMT"), "{instant}");
        }
        assert_eq!(parse_time_value("01:30 CET"), None);
        assert_eq!(parse_time_value("1.30"), None);
    }

    #[test]
    fn the_two_one_thirties_read_differently() {
        let first = utc("2026-10-25T00:30:00Z");
        let second = utc("2026-10-25T01:30:00Z");
        assert_eq!(to_london(first).time(), to_london(second).time());
        assert_ne!(format_time(first), format_time(second));
        assert_ne!(time_value(first), time_value(second));
    }

    #[test]
    fn typed_times_in_the_spring_gap_are_refused() {
        let t = |s: &str| NaiveTime::parse_from_str(s, "%H:%M").unwrap();
        let refused = typed_local_to_utc(date("2026-03-29"), t("01:30")).unwrap_err();
        assert_eq!(
            refused.to_string(),
            "1:30am on Sunday 29 March 2026 does not exist in UK time: \
             the clocks go forward from 1am to 2am that night. \
             Enter a time before 1am or from 2am"
        );
        assert!(typed_local_to_utc(date("2027-03-28"), t("01:00")).is_err());
        assert!(typed_local_to_utc(date("2027-03-28"), t("01:59")).is_err());
        let cases = [
            ("2026-03-29", "00:59", "2026-03-29T00:59:00Z"),
            ("2026-03-29", "02:00", "2026-03-29T01:00:00Z"),
            ("2026-03-28", "01:30", "2026-03-28T01:30:00Z"),
            ("2026-10-25", "01:30", "2026-10-25T00:30:00Z"),
            ("2026-07-01", "10:00", "2026-07-01T09:00:00Z"),
        ];
        for (day, time, expected) in cases {
            assert_eq!(
                typed_local_to_utc(date(day), t(time)),
                Ok(utc(expected)),
                "{day} {time}"
            );
        }
    }

    #[test]
    fn bst_start_and_end_days() {
        let cases = [
            (2024, "2024-03-31", "2024-10-27"),
            (2025, "2025-03-30", "2025-10-26"),
            (2026, "2026-03-29", "2026-10-25"),
            (2027, "2027-03-28", "2027-10-31"),
            (2028, "2028-03-26", "2028-10-29"),
            (2029, "2029-03-25", "2029-10-28"),
            (2030, "2030-03-31", "2030-10-27"),
        ];
        for (year, starts, ends) in cases {
            assert_eq!(bst_starts(year), date(starts), "{year}");
            assert_eq!(bst_ends(year), date(ends), "{year}");
        }
    }

    #[test]
    fn bst_rule_agrees_with_the_time_zone_database() {
        let offset = |at: DateTime<Utc>| to_london(at).offset().fix().local_minus_utc();
        let second = TimeDelta::seconds(1);
        for year in 2000..=2037 {
            let (on, off) = (bst_start_instant(year), bst_end_instant(year));
            assert_eq!(offset(on - second), 0, "{year} before spring change");
            assert_eq!(offset(on), 3600, "{year} at spring change");
            assert_eq!(offset(off - second), 3600, "{year} before autumn change");
            assert_eq!(offset(off), 0, "{year} at autumn change");
            assert_eq!(on.date_naive().weekday(), chrono::Weekday::Sun);
        }
    }
}

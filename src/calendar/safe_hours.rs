//! A victim's safe hours: when written contact is safe, as Europe/London
//! wall-clock windows per day of the week. Pure: parsing, and the next
//! safe moment at or after an instant.
//!
//! The text form (stored sealed, as written; case does not matter):
//! items separated by `;`, each `<days> <from>-<to>`, where
//! - days: `daily`, `weekdays`, `weekends`, a day (`mon` … `sun`, or the
//!   full name), a range (`mon-thu`), or a comma list (`mon,wed,sat-sun`);
//! - from and to: `H`, `HH`, `H:MM` or `HH:MM`, from before to, to at most
//!   `24:00`. A window does not cross midnight: write two.
//!
//! e.g. `weekdays 09:30-12:00; sat 10-14`.
//!
//! Older rows hold free text that may not parse; they are read as
//! [`office_hours`] (Monday to Friday, 09:00-17:00): no written contact
//! outside office hours.

use chrono::{DateTime, Datelike, Duration, NaiveTime, Utc, Weekday};

use super::{local_to_utc, to_london};

/// One window: on these days, from `from` until (not including) `to`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Window {
    pub days: Vec<Weekday>,
    pub from: NaiveTime,
    /// `None` means midnight at the end of the day (`24:00`).
    pub to: Option<NaiveTime>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SafeHours {
    pub windows: Vec<Window>,
}

const ALL_DAYS: [Weekday; 7] = [
    Weekday::Mon,
    Weekday::Tue,
    Weekday::Wed,
    Weekday::Thu,
    Weekday::Fri,
    Weekday::Sat,
    Weekday::Sun,
];

/// Monday to Friday, 09:00-17:00: what unreadable old text means.
pub fn office_hours() -> SafeHours {
    SafeHours {
        windows: vec![Window {
            days: ALL_DAYS[..5].to_vec(),
            from: NaiveTime::from_hms_opt(9, 0, 0).unwrap(),
            to: NaiveTime::from_hms_opt(17, 0, 0),
        }],
    }
}

/// How to write safe hours, for error messages.
pub const FORMAT_HELP: &str = "must be windows like \"weekdays 09:30-12:00; sat 10-14\": days (daily, weekdays, weekends, mon-sun, a range mon-thu or a list mon,wed) then from-to in 24-hour London time, from before to, separated by ;";

fn day(word: &str) -> Option<Weekday> {
    let w = word.trim();
    ALL_DAYS.iter().copied().find(|d| {
        let full = match d {
            Weekday::Mon => "monday",
            Weekday::Tue => "tuesday",
            Weekday::Wed => "wednesday",
            Weekday::Thu => "thursday",
            Weekday::Fri => "friday",
            Weekday::Sat => "saturday",
            Weekday::Sun => "sunday",
        };
        w == full || w == &full[..3]
    })
}

fn days(spec: &str) -> Option<Vec<Weekday>> {
    let mut out: Vec<Weekday> = Vec::new();
    for part in spec.split(',') {
        let part = part.trim();
        let add: Vec<Weekday> = match part {
            "daily" => ALL_DAYS.to_vec(),
            "weekdays" => ALL_DAYS[..5].to_vec(),
            "weekends" => ALL_DAYS[5..].to_vec(),
            _ => match part.split_once('-') {
                Some((a, b)) => {
                    let (a, b) = (day(a)?, day(b)?);
                    let (i, j) = (
                        a.num_days_from_monday() as usize,
                        b.num_days_from_monday() as usize,
                    );
                    if i > j {
                        return None;
                    }
                    ALL_DAYS[i..=j].to_vec()
                }
                None => vec![day(part)?],
            },
        };
        for d in add {
            if !out.contains(&d) {
                out.push(d);
            }
        }
    }
    (!out.is_empty()).then_some(out)
}

/// `H`, `HH`, `H:MM`, `HH:MM`; `24:00` is `Ok(None)` (end of day).
fn time(text: &str) -> Option<Option<NaiveTime>> {
    let (h, m) = match text.trim().split_once(':') {
        Some((h, m)) if m.len() == 2 => (h, m),
        Some(_) => return None,
        None => (text.trim(), "00"),
    };
    if h.is_empty() || h.len() > 2 || !h.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    if !m.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let (h, m): (u32, u32) = (h.parse().ok()?, m.parse().ok()?);
    if h == 24 && m == 0 {
        return Some(None);
    }
    NaiveTime::from_hms_opt(h, m, 0).map(Some)
}

/// Parses the text form; `None` if it is not in that form.
pub fn parse(text: &str) -> Option<SafeHours> {
    let text = text.trim().to_lowercase();
    let mut windows = Vec::new();
    for item in text.split(';').map(str::trim).filter(|i| !i.is_empty()) {
        let (day_spec, time_spec) = item.rsplit_once(char::is_whitespace)?;
        let (from, to) = time_spec.split_once('-')?;
        let from = time(from)??;
        let to = time(to)?;
        if to.is_some_and(|to| to <= from) {
            return None;
        }
        windows.push(Window {
            days: days(day_spec)?,
            from,
            to,
        });
    }
    (!windows.is_empty()).then_some(SafeHours { windows })
}

/// The safe hours a stored value means: its windows, or office hours for
/// text that does not parse (older free-text rows).
pub fn read(stored: &str) -> SafeHours {
    parse(stored).unwrap_or_else(office_hours)
}

impl SafeHours {
    /// The first instant at or after `at` that falls in a window, or `None`
    /// if no window opens in the next eight days (none can).
    ///
    /// Windows are London wall-clock times on the London date. On the
    /// spring change a window starting in the skipped hour opens when the
    /// clocks have gone forward (01:30 becomes 02:30 BST, which is the same
    /// instant as 01:30 GMT would have been); on the autumn change a
    /// window's times take their first occurrence.
    pub fn next_open(&self, at: DateTime<Utc>) -> Option<DateTime<Utc>> {
        let start_day = to_london(at).date_naive();
        let mut best: Option<DateTime<Utc>> = None;
        for offset in 0..8 {
            let date = start_day + Duration::days(offset);
            for w in &self.windows {
                if !w.days.contains(&date.weekday()) {
                    continue;
                }
                let open = local_to_utc(date, w.from);
                let close = match w.to {
                    Some(t) => local_to_utc(date, t),
                    None => local_to_utc(date + Duration::days(1), NaiveTime::MIN),
                };
                if close <= at || close <= open {
                    continue;
                }
                let candidate = open.max(at);
                if best.is_none_or(|b| candidate < b) {
                    best = Some(candidate);
                }
            }
            if best.is_some() {
                return best;
            }
        }
        best
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn utc(y: i32, m: u32, d: u32, h: u32, min: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(y, m, d, h, min, 0).unwrap()
    }

    fn t(h: u32, m: u32) -> NaiveTime {
        NaiveTime::from_hms_opt(h, m, 0).unwrap()
    }

    #[test]
    fn the_text_form() {
        use Weekday::*;
        let ok = [
            (
                "weekdays 10-14",
                vec![(vec![Mon, Tue, Wed, Thu, Fri], t(10, 0), Some(t(14, 0)))],
            ),
            (
                "Mon,Wed 09:30-12:00; sat-sun 18-24:00",
                vec![
                    (vec![Mon, Wed], t(9, 30), Some(t(12, 0))),
                    (vec![Sat, Sun], t(18, 0), None),
                ],
            ),
            ("daily 0-24", vec![(ALL_DAYS.to_vec(), t(0, 0), None)]),
            (
                "friday 9:05-9:06",
                vec![(vec![Fri], t(9, 5), Some(t(9, 6)))],
            ),
        ];
        for (text, expected) in ok {
            let parsed = parse(text).unwrap_or_else(|| panic!("{text}"));
            let got: Vec<_> = parsed
                .windows
                .iter()
                .map(|w| (w.days.clone(), w.from, w.to))
                .collect();
            assert_eq!(got, expected, "{text}");
        }
        for bad in [
            "",
            "after 6pm",
            "weekdays",
            "weekdays 14-10",
            "weekdays 10-10",
            "fri-mon 10-12",
            "mon 25-26",
            "mon 9:5-10",
            "mon 24-24",
            "funday 10-12",
            "mon 10-12; nonsense",
        ] {
            assert_eq!(parse(bad), None, "{bad:?}");
        }
        // Unreadable old text means office hours.
        assert_eq!(read("only after the children are in bed"), office_hours());
    }

    #[test]
    fn the_next_safe_moment() {
        let weekday_evenings = parse("weekdays 18:00-20:00").unwrap();
        let saturday_night = parse("sat 23:30-24:00; sun 00:00-00:30").unwrap();
        let early_sunday = parse("sun 01:30-03:00").unwrap();
        let office = office_hours();
        // (hours, at, expected)
        let table = [
            // Friday 20 March 2026 (GMT) at 12:00: wait until 18:00.
            (
                &weekday_evenings,
                utc(2026, 3, 20, 12, 0),
                Some(utc(2026, 3, 20, 18, 0)),
            ),
            // Inside a window: now.
            (
                &weekday_evenings,
                utc(2026, 3, 20, 18, 30),
                Some(utc(2026, 3, 20, 18, 30)),
            ),
            // At its close: the next weekday, over the weekend.
            (
                &weekday_evenings,
                utc(2026, 3, 20, 20, 0),
                Some(utc(2026, 3, 23, 18, 0)),
            ),
            // Friday 27 March (GMT) at 21:00: next window is Monday 30
            // March 18:00 BST, which is 17:00 UTC.
            (
                &weekday_evenings,
                utc(2026, 3, 27, 21, 0),
                Some(utc(2026, 3, 30, 17, 0)),
            ),
            // Autumn: Friday 23 October 18:00 BST is 17:00 UTC; Monday 26
            // October 18:00 is GMT again.
            (
                &weekday_evenings,
                utc(2026, 10, 23, 12, 0),
                Some(utc(2026, 10, 23, 17, 0)),
            ),
            (
                &weekday_evenings,
                utc(2026, 10, 23, 19, 0),
                Some(utc(2026, 10, 26, 18, 0)),
            ),
            // Spring change day, Sunday 29 March 2026: 01:30 London does
            // not exist; the window opens at 02:30 BST (01:30 UTC).
            (
                &early_sunday,
                utc(2026, 3, 28, 12, 0),
                Some(utc(2026, 3, 29, 1, 30)),
            ),
            // Autumn change day, Sunday 25 October 2026: 01:30 happens
            // twice; the window opens at the first (01:30 BST, 00:30 UTC).
            (
                &early_sunday,
                utc(2026, 10, 24, 12, 0),
                Some(utc(2026, 10, 25, 0, 30)),
            ),
            // Windows that meet at midnight.
            (
                &saturday_night,
                utc(2026, 3, 21, 23, 45),
                Some(utc(2026, 3, 21, 23, 45)),
            ),
            (
                &saturday_night,
                utc(2026, 3, 22, 0, 10),
                Some(utc(2026, 3, 22, 0, 10)),
            ),
            (
                &saturday_night,
                utc(2026, 3, 22, 0, 30),
                Some(utc(2026, 3, 28, 23, 30)),
            ),
            // Office hours, Saturday: Monday 09:00.
            (
                &office,
                utc(2026, 3, 21, 10, 0),
                Some(utc(2026, 3, 23, 9, 0)),
            ),
        ];
        for (hours, at, expected) in table {
            assert_eq!(hours.next_open(at), expected, "{hours:?} at {at}");
        }
    }
}

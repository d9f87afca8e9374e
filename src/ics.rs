//! A small iCalendar (RFC 5545) writer for the supporters' calendar feeds.
//! Pure: it turns plain event values into text and does no I/O.
//!
//! What it writes: `METHOD:PUBLISH`, one `VTIMEZONE` for Europe/London
//! (the UK rules since 1996), and one `VEVENT` per event with its start
//! and end as London wall-clock times (`TZID=Europe/London`), a stable UID,
//! `SEQUENCE` (the record's version) and `STATUS`. Text values are escaped
//! (backslash, semicolon, comma, newline), every content line is folded at
//! 75 octets without splitting a UTF-8 character, and lines end in CRLF.
//!
//! The one exception to London wall-clock times: a London time in the hour
//! the clocks repeat each autumn names its first (BST) occurrence to every
//! RFC 5545 reader, so an event starting in the second (GMT) occurrence is
//! written in UTC form (`DTSTART:…Z`, and its `DTEND` too), as is an end
//! that falls in that second occurrence.

use chrono::{DateTime, Utc};

use crate::calendar::{is_second_occurrence, to_london};

/// The time zone every event is written in.
pub const TZID: &str = "Europe/London";

/// The VTIMEZONE for Europe/London: GMT in winter, BST from 01:00 UTC on
/// the last Sunday of March to 01:00 UTC on the last Sunday of October.
/// Each DTSTART is local time before the change, as RFC 5545 requires.
const LONDON_VTIMEZONE: &[&str] = &[
    "BEGIN:VTIMEZONE",
    "TZID:Europe/London",
    "X-LIC-LOCATION:Europe/London",
    "BEGIN:DAYLIGHT",
    "TZOFFSETFROM:+0000",
    "TZOFFSETTO:+0100",
    "TZNAME:BST",
    "DTSTART:19810329T010000",
    "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU",
    "END:DAYLIGHT",
    "BEGIN:STANDARD",
    "TZOFFSETFROM:+0100",
    "TZOFFSETTO:+0000",
    "TZNAME:GMT",
    "DTSTART:19961027T020000",
    "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU",
    "END:STANDARD",
    "END:VTIMEZONE",
];

/// The longest content line, in octets, before folding (RFC 5545 3.1).
pub const MAX_LINE_OCTETS: usize = 75;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EventStatus {
    Tentative,
    Confirmed,
    Cancelled,
}

impl EventStatus {
    fn as_str(self) -> &'static str {
        match self {
            EventStatus::Tentative => "TENTATIVE",
            EventStatus::Confirmed => "CONFIRMED",
            EventStatus::Cancelled => "CANCELLED",
        }
    }
}

/// One event of a feed. Callers put only references in the text fields.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Event {
    /// Stable across changes, e.g. `hearing-<id>@courtside`.
    pub uid: String,
    /// Raised whenever the record changes (the record's version).
    pub sequence: i32,
    pub starts_at: DateTime<Utc>,
    pub ends_at: DateTime<Utc>,
    pub summary: String,
    pub location: Option<String>,
    pub description: Option<String>,
    pub status: EventStatus,
    pub created_at: Option<DateTime<Utc>>,
    pub last_modified: Option<DateTime<Utc>>,
}

/// A whole calendar.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Calendar {
    /// Shown by clients as the calendar's name.
    pub name: String,
    pub events: Vec<Event>,
}

/// Escapes a TEXT value: backslash, semicolon, comma and newlines.
/// Carriage returns and other control characters are dropped.
pub fn escape_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\r' => {
                // "\r\n" and a lone "\r" are both one line break.
                if chars.peek() != Some(&'\n') {
                    out.push_str("\\n");
                }
            }
            '\n' => out.push_str("\\n"),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// Folds one content line: no physical line longer than 75 octets, each
/// continuation starting with a space, never splitting a character.
/// Every physical line ends in CRLF.
pub fn fold(line: &str) -> String {
    let mut out = String::with_capacity(line.len() + line.len() / 64 * 3 + 2);
    let mut used = 0;
    for c in line.chars() {
        let width = c.len_utf8();
        if used + width > MAX_LINE_OCTETS {
            out.push_str("\r\n ");
            used = 1;
        }
        out.push(c);
        used += width;
    }
    out.push_str("\r\n");
    out
}

/// UTC form, e.g. `20260320T120000Z`.
fn utc_stamp(t: DateTime<Utc>) -> String {
    t.format("%Y%m%dT%H%M%SZ").to_string()
}

/// London wall-clock form, e.g. `20260330T100000`.
pub fn london_stamp(t: DateTime<Utc>) -> String {
    to_london(t).format("%Y%m%dT%H%M%S").to_string()
}

/// The DTSTART and DTEND lines of an event: London wall-clock form, or UTC
/// form where the wall clock would name the other occurrence of the
/// repeated autumn hour.
fn start_and_end(starts_at: DateTime<Utc>, ends_at: DateTime<Utc>) -> [String; 2] {
    let start_in_utc = is_second_occurrence(starts_at);
    let end_in_utc = start_in_utc || is_second_occurrence(ends_at);
    let line = |name: &str, at: DateTime<Utc>, in_utc: bool| {
        if in_utc {
            format!("{name}:{}", utc_stamp(at))
        } else {
            format!("{name};TZID={TZID}:{}", london_stamp(at))
        }
    };
    [
        line("DTSTART", starts_at, start_in_utc),
        line("DTEND", ends_at, end_in_utc),
    ]
}

/// Writes the calendar. `now` is the DTSTAMP of every event (when this
/// copy of the calendar was made).
pub fn write(calendar: &Calendar, now: DateTime<Utc>) -> String {
    let mut lines: Vec<String> = vec![
        "BEGIN:VCALENDAR".into(),
        "VERSION:2.0".into(),
        "PRODID:-//Courtside//Calendar feed//EN".into(),
        "CALSCALE:GREGORIAN".into(),
        "METHOD:PUBLISH".into(),
        format!("X-WR-CALNAME:{}", escape_text(&calendar.name)),
        format!("X-WR-TIMEZONE:{TZID}"),
        "REFRESH-INTERVAL;VALUE=DURATION:PT1H".into(),
        "X-PUBLISHED-TTL:PT1H".into(),
    ];
    lines.extend(LONDON_VTIMEZONE.iter().map(|l| l.to_string()));
    for e in &calendar.events {
        lines.push("BEGIN:VEVENT".into());
        lines.push(format!("UID:{}", escape_text(&e.uid)));
        lines.push(format!("DTSTAMP:{}", utc_stamp(now)));
        lines.extend(start_and_end(e.starts_at, e.ends_at));
        lines.push(format!("SEQUENCE:{}", e.sequence.max(0)));
        lines.push(format!("STATUS:{}", e.status.as_str()));
        lines.push(format!("SUMMARY:{}", escape_text(&e.summary)));
        if let Some(location) = &e.location {
            lines.push(format!("LOCATION:{}", escape_text(location)));
        }
        if let Some(description) = &e.description {
            lines.push(format!("DESCRIPTION:{}", escape_text(description)));
        }
        if let Some(t) = e.created_at {
            lines.push(format!("CREATED:{}", utc_stamp(t)));
        }
        if let Some(t) = e.last_modified {
            lines.push(format!("LAST-MODIFIED:{}", utc_stamp(t)));
        }
        lines.push("TRANSP:OPAQUE".into());
        lines.push("END:VEVENT".into());
    }
    lines.push("END:VCALENDAR".into());
    lines.iter().map(|l| fold(l)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{Duration, TimeZone};

    fn at(y: i32, mo: u32, d: u32, h: u32, mi: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(y, mo, d, h, mi, 0).unwrap()
    }

    fn event(start: DateTime<Utc>) -> Event {
        Event {
            uid: "hearing-abc@courtside".into(),
            sequence: 3,
            starts_at: start,
            ends_at: start + Duration::minutes(90),
            summary: "Trial — 13CD7654321 (V-1002)".into(),
            location: Some("Leeds Magistrates' Court, Court 7".into()),
            description: Some("Trial\nCase 13CD7654321".into()),
            status: EventStatus::Confirmed,
            created_at: None,
            last_modified: None,
        }
    }

    fn calendar(events: Vec<Event>) -> String {
        write(
            &Calendar {
                name: "Courtside".into(),
                events,
            },
            at(2026, 3, 20, 12, 0),
        )
    }

    #[test]
    fn escapes_the_four_specials() {
        assert_eq!(
            escape_text("a,b;c\\d\ne\r\nf"),
            "a\\,b\\;c\\\\d\\ne\\nf".to_string()
        );
        assert_eq!(escape_text("bell\u{7}"), "bell");
    }

    #[test]
    fn folds_at_75_octets_without_splitting_characters() {
        let long = format!("SUMMARY:{}", "é".repeat(100));
        let folded = fold(&long);
        assert!(folded.ends_with("\r\n"));
        let physical: Vec<&str> = folded.trim_end_matches("\r\n").split("\r\n").collect();
        assert!(physical.len() > 1);
        for (i, line) in physical.iter().enumerate() {
            assert!(line.len() <= MAX_LINE_OCTETS, "line {i}: {}", line.len());
            if i > 0 {
                assert!(line.starts_with(' '));
            }
        }
        // Unfolding gives the line back.
        let unfolded = folded.trim_end_matches("\r\n").replace("\r\n ", "");
        assert_eq!(unfolded, long);
        // A line of exactly 75 octets is left alone.
        let exact = "X".repeat(75);
        assert_eq!(fold(&exact), format!("{exact}\r\n"));
        assert_eq!(fold(&"X".repeat(76)), format!("{exact}\r\n X\r\n"));
    }

    #[test]
    fn every_line_ends_in_crlf_and_none_is_too_long() {
        let mut e = event(at(2026, 3, 30, 9, 0));
        e.description = Some("word, ".repeat(60));
        let text = calendar(vec![e]);
        assert!(text.ends_with("END:VCALENDAR\r\n"));
        assert!(!text.replace("\r\n", "").contains('\n'));
        assert!(!text.replace("\r\n", "").contains('\r'));
        for line in text.split("\r\n") {
            assert!(line.len() <= MAX_LINE_OCTETS);
        }
    }

    #[test]
    fn has_a_london_vtimezone_with_both_rules() {
        let text = calendar(vec![]);
        for line in [
            "METHOD:PUBLISH",
            "BEGIN:VTIMEZONE",
            "TZID:Europe/London",
            "BEGIN:DAYLIGHT",
            "TZOFFSETFROM:+0000",
            "TZOFFSETTO:+0100",
            "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU",
            "BEGIN:STANDARD",
            "TZOFFSETFROM:+0100",
            "TZOFFSETTO:+0000",
            "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU",
            "END:VTIMEZONE",
        ] {
            assert!(text.contains(&format!("{line}\r\n")), "{line}");
        }
    }

    #[test]
    fn times_are_london_wall_clock_across_the_clock_change() {
        // 10:00 BST on Monday 30 March 2026 is 09:00 UTC.
        let text = calendar(vec![event(at(2026, 3, 30, 9, 0))]);
        assert!(text.contains("DTSTART;TZID=Europe/London:20260330T100000\r\n"));
        assert!(text.contains("DTEND;TZID=Europe/London:20260330T113000\r\n"));
        // 10:00 GMT on Friday 27 March 2026 is 10:00 UTC.
        let text = calendar(vec![event(at(2026, 3, 27, 10, 0))]);
        assert!(text.contains("DTSTART;TZID=Europe/London:20260327T100000\r\n"));
        // And back to GMT in October: 10:00 on 26 October is 10:00 UTC.
        let text = calendar(vec![event(at(2026, 10, 26, 10, 0))]);
        assert!(text.contains("DTSTART;TZID=Europe/London:20261026T100000\r\n"));
    }

    #[test]
    fn the_second_one_thirty_of_the_autumn_change_is_written_in_utc() {
        // 01:30 BST (00:30 UTC) keeps the London form, which every reader
        // takes as the first occurrence; 01:30 GMT (01:30 UTC) cannot be
        // written that way, so it is written in UTC.
        let first = calendar(vec![event(at(2026, 10, 25, 0, 30))]);
        assert!(first.contains("DTSTART;TZID=Europe/London:20261025T013000\r\n"));
        // Its end, 90 minutes later, is 02:00 GMT: a single time again.
        assert!(first.contains("DTEND;TZID=Europe/London:20261025T020000\r\n"));
        let second = calendar(vec![event(at(2026, 10, 25, 1, 30))]);
        assert!(second.contains("DTSTART:20261025T013000Z\r\n"), "{second}");
        assert!(second.contains("DTEND:20261025T030000Z\r\n"), "{second}");
        assert!(!second.contains("DTSTART;TZID"));
        // An event from 00:15 BST to 01:15 GMT: the end needs UTC form.
        let mut across = event(at(2026, 10, 24, 23, 15));
        across.ends_at = at(2026, 10, 25, 1, 15);
        let text = calendar(vec![across]);
        assert!(text.contains("DTSTART;TZID=Europe/London:20261025T001500\r\n"));
        assert!(text.contains("DTEND:20261025T011500Z\r\n"), "{text}");
        // The spring change has no repeated hour: London form throughout.
        let spring = calendar(vec![event(at(2026, 3, 29, 1, 30))]);
        assert!(spring.contains("DTSTART;TZID=Europe/London:20260329T023000\r\n"));
    }

    #[test]
    fn event_carries_uid_sequence_status_and_escaped_text() {
        let mut e = event(at(2026, 3, 30, 9, 0));
        e.status = EventStatus::Cancelled;
        let text = calendar(vec![e]);
        assert!(text.contains("UID:hearing-abc@courtside\r\n"));
        assert!(text.contains("SEQUENCE:3\r\n"));
        assert!(text.contains("STATUS:CANCELLED\r\n"));
        assert!(text.contains("DTSTAMP:20260320T120000Z\r\n"));
        assert!(text.contains("LOCATION:Leeds Magistrates' Court\\, Court 7\r\n"));
        assert!(text.contains("DESCRIPTION:Trial\\nCase 13CD7654321\r\n"));
        assert_eq!(text.matches("BEGIN:VEVENT").count(), 1);
    }
}

//! The pure part of "My week": a hearing's sitting days, and which events
//! clash. An event clashes with another when they overlap, or when they
//! are at different courts with less than [`MIN_GAP_BETWEEN_COURTS`]
//! between the end of one and the start of the next.

use chrono::{DateTime, Duration, Utc};

use crate::calendar::{self, BankHolidays};

/// The least time to get from one court to another.
pub const MIN_GAP_BETWEEN_COURTS: Duration = Duration::minutes(60);

/// A court day, as the hearings record counts a long hearing's estimate
/// (six hours a day: a six-week trial is 30 × 6 × 60 minutes).
pub const COURT_DAY_MINUTES: i64 = 6 * 60;

/// A pre-trial visit has no recorded length; this is assumed.
pub const VISIT_MINUTES: i64 = 60;

/// One timed event in the agenda.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Event {
    pub starts_at: DateTime<Utc>,
    pub ends_at: DateTime<Utc>,
    /// Where it happens; events with no court clash only by overlapping.
    pub court_id: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ClashKind {
    Overlap,
    /// At different courts with this many minutes between them.
    TooLittleTravelTime {
        gap_minutes: i64,
    },
}

/// Events `a` and `b` (indexes, `a < b`) clash.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Clash {
    pub a: usize,
    pub b: usize,
    pub kind: ClashKind,
}

/// Every clashing pair, in index order.
pub fn clashes(events: &[Event]) -> Vec<Clash> {
    let mut found = Vec::new();
    for a in 0..events.len() {
        for b in a + 1..events.len() {
            if let Some(kind) = clash(&events[a], &events[b]) {
                found.push(Clash { a, b, kind });
            }
        }
    }
    found
}

fn clash(x: &Event, y: &Event) -> Option<ClashKind> {
    if x.starts_at < y.ends_at && y.starts_at < x.ends_at {
        return Some(ClashKind::Overlap);
    }
    let (Some(cx), Some(cy)) = (&x.court_id, &y.court_id) else {
        return None;
    };
    if cx == cy {
        return None;
    }
    let gap = if x.ends_at <= y.starts_at {
        y.starts_at - x.ends_at
    } else {
        x.starts_at - y.ends_at
    };
    (gap < MIN_GAP_BETWEEN_COURTS).then_some(ClashKind::TooLittleTravelTime {
        gap_minutes: gap.num_minutes(),
    })
}

/// A hearing's sittings: one span when its estimate fits in a court day;
/// otherwise a court day at a time, at the same London wall-clock time on
/// each following working day, until the estimate is used up.
pub fn sittings(
    starts_at: DateTime<Utc>,
    estimated_minutes: i32,
    holidays: &BankHolidays,
) -> Vec<(DateTime<Utc>, DateTime<Utc>)> {
    let total = i64::from(estimated_minutes.max(1));
    if total <= COURT_DAY_MINUTES {
        return vec![(starts_at, starts_at + Duration::minutes(total))];
    }
    let local = calendar::to_london(starts_at);
    let time = local.time();
    let mut day = local.date_naive();
    let mut left = total;
    let mut out = Vec::new();
    while left > 0 {
        let start = calendar::local_to_utc(day, time);
        let length = left.min(COURT_DAY_MINUTES);
        out.push((start, start + Duration::minutes(length)));
        left -= length;
        day = holidays.next_working_day_on_or_after(day + Duration::days(1));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn at(d: u32, h: u32, m: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 3, d, h, m, 0).unwrap()
    }

    fn ev(start: DateTime<Utc>, minutes: i64, court: Option<&str>) -> Event {
        Event {
            starts_at: start,
            ends_at: start + Duration::minutes(minutes),
            court_id: court.map(str::to_string),
        }
    }

    #[test]
    fn overlapping_events_clash_wherever_they_are() {
        let e = [
            ev(at(23, 10, 0), 60, Some("leeds")),
            ev(at(23, 10, 30), 60, Some("leeds")),
            ev(at(23, 10, 45), 30, None),
        ];
        let c = clashes(&e);
        assert_eq!(c.len(), 3);
        assert!(c.iter().all(|c| c.kind == ClashKind::Overlap));
    }

    #[test]
    fn different_courts_need_an_hour_between() {
        // (gap after the first ends, same court?, clash expected)
        let table = [
            (0, false, Some(0)),
            (30, false, Some(30)),
            (59, false, Some(59)),
            (60, false, None),
            (90, false, None),
            (0, true, None),
            (10, true, None),
        ];
        for (gap, same, expected) in table {
            let first = ev(at(23, 10, 0), 60, Some("leeds-crown"));
            let second_court = if same { "leeds-crown" } else { "leeds-mags" };
            let second = ev(
                at(23, 11, 0) + Duration::minutes(gap),
                60,
                Some(second_court),
            );
            // Either order.
            for events in [
                [first.clone(), second.clone()],
                [second.clone(), first.clone()],
            ] {
                let got = clashes(&events).first().map(|c| match c.kind {
                    ClashKind::TooLittleTravelTime { gap_minutes } => gap_minutes,
                    ClashKind::Overlap => -1,
                });
                assert_eq!(got, expected, "gap {gap}, same court {same}");
            }
        }
    }

    #[test]
    fn touching_events_at_one_court_do_not_clash() {
        let e = [
            ev(at(23, 10, 0), 60, Some("c")),
            ev(at(23, 11, 0), 60, Some("c")),
        ];
        assert!(clashes(&e).is_empty());
    }

    #[test]
    fn long_hearings_sit_on_working_days_at_the_same_local_time() {
        let holidays = BankHolidays::england_and_wales();
        // Thursday 26 March 2026, 10:00 GMT; 15 court hours = 3 days.
        let start = at(26, 10, 0);
        let s = sittings(start, 15 * 60, &holidays);
        assert_eq!(s.len(), 3);
        assert_eq!(s[0], (start, at(26, 16, 0)));
        // Friday 27th, then Monday 30th: 10:00 BST is 09:00 UTC.
        assert_eq!(s[1].0, at(27, 10, 0));
        assert_eq!(s[2].0, at(30, 9, 0));
        assert_eq!(s[2].1, at(30, 12, 0));
    }

    #[test]
    fn short_hearings_are_one_span() {
        let holidays = BankHolidays::england_and_wales();
        let s = sittings(at(23, 14, 0), 90, &holidays);
        assert_eq!(s, vec![(at(23, 14, 0), at(23, 15, 30))]);
    }
}

//! The supporter's daily digest: at 07:30 London time, one email listing
//! what their day holds (hearings, pre-trial visits, parole milestones and
//! deadlines due), by case and victim reference only.
//!
//! Pure here: when a day's digest is due ([`digest_at`], [`due_date`]) and
//! what it says ([`Day::data`]). `store` plans digests from the records
//! (idempotent per supporter and London date) and delivers them.
//!
//! tokio-cron-scheduler 0.15's time-zone jobs fix the zone's UTC offset when
//! the job is built, so a job made in winter would fire at 08:30 BST in
//! summer. The digest therefore does not trust the cron instant: every
//! minute's tick asks [`due_date`], which converts with chrono-tz each time.

pub mod store;

use chrono::{DateTime, NaiveDate, NaiveTime, Utc};
use serde::Serialize;
use serde_json::{json, Map, Value};

use crate::calendar;

/// The London wall-clock time of the daily digest.
pub const DIGEST_LOCAL_TIME: NaiveTime = match NaiveTime::from_hms_opt(7, 30, 0) {
    Some(t) => t,
    None => panic!("07:30 is a time"),
};

/// The instant the digest for a London date falls due.
pub fn digest_at(date: NaiveDate) -> DateTime<Utc> {
    calendar::local_to_utc(date, DIGEST_LOCAL_TIME)
}

/// The London date whose digest should be planned at `now`: today's, once
/// 07:30 London time has come; before then, none (yesterday's is stale and
/// is never planned late).
pub fn due_date(now: DateTime<Utc>) -> Option<NaiveDate> {
    let today = calendar::london_date(now);
    (now >= digest_at(today)).then_some(today)
}

/// The instant after which a day's digest is moot: the end of that day.
pub fn moot_after(date: NaiveDate) -> DateTime<Utc> {
    match date.succ_opt() {
        Some(next) => calendar::start_of_london_day(next),
        None => calendar::start_of_london_day(date),
    }
}

/// A hearing in the supporter's day.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct HearingItem {
    pub start: DateTime<Utc>,
    pub hearing_kind: String,
    pub court_name: String,
    pub case_reference: String,
    pub victim_reference: String,
}

/// A pre-trial visit in the supporter's day.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct VisitItem {
    pub start: DateTime<Utc>,
    pub court_name: String,
    pub case_reference: String,
    pub victim_reference: String,
}

/// A parole milestone dated today.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ParoleItem {
    pub milestone: String,
    pub victim_reference: String,
}

/// A risk meeting (MARAC, MAPPA) today: its kind and time only, never
/// its panel.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct MeetingItem {
    pub start: DateTime<Utc>,
    pub kind: String,
    pub victim_reference: String,
}

/// A statement-taking or ABE-interview appointment today that the
/// supporter is booked on: its kind, time and her part, never the place.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct StatementItem {
    pub start: DateTime<Utc>,
    pub kind: String,
    /// supporter (before and after) or alternative_supporter
    pub part: String,
    pub victim_reference: String,
}

/// A deadline falling due today.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DeadlineItem {
    pub kind: String,
    pub due_at: DateTime<Utc>,
    pub case_reference: String,
    pub victim_reference: String,
}

/// One supporter's day.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Day {
    pub hearings: Vec<HearingItem>,
    pub visits: Vec<VisitItem>,
    pub parole: Vec<ParoleItem>,
    pub deadlines: Vec<DeadlineItem>,
    pub meetings: Vec<MeetingItem>,
    pub statements: Vec<StatementItem>,
}

fn hhmm(at: DateTime<Utc>) -> String {
    calendar::time_value(at)
}

impl Day {
    pub fn is_empty(&self) -> bool {
        self.hearings.is_empty()
            && self.visits.is_empty()
            && self.parole.is_empty()
            && self.deadlines.is_empty()
            && self.meetings.is_empty()
            && self.statements.is_empty()
    }

    /// The digest's template data, earliest first within each list, times
    /// in London time.
    pub fn data(&self, date: NaiveDate) -> Map<String, Value> {
        let mut hearings = self.hearings.clone();
        hearings.sort_by(|a, b| (a.start, &a.case_reference).cmp(&(b.start, &b.case_reference)));
        let mut visits = self.visits.clone();
        visits.sort_by(|a, b| (a.start, &a.case_reference).cmp(&(b.start, &b.case_reference)));
        let mut deadlines = self.deadlines.clone();
        deadlines.sort_by(|a, b| (a.due_at, &a.kind).cmp(&(b.due_at, &b.kind)));
        let mut meetings = self.meetings.clone();
        meetings.sort_by(|a, b| (a.start, &a.kind).cmp(&(b.start, &b.kind)));
        let mut statements = self.statements.clone();
        statements.sort_by(|a, b| (a.start, &a.kind).cmp(&(b.start, &b.kind)));
        let mut parole = self.parole.clone();
        parole.sort_by(|a, b| {
            (&a.victim_reference, &a.milestone).cmp(&(&b.victim_reference, &b.milestone))
        });
        let mut data = Map::new();
        data.insert("date".into(), json!(date.to_string()));
        data.insert(
            "hearings".into(),
            Value::Array(
                hearings
                    .iter()
                    .map(|h| {
                        json!({"time": hhmm(h.start), "hearing_kind": h.hearing_kind,
                               "court_name": h.court_name, "case_reference": h.case_reference,
                               "victim_reference": h.victim_reference})
                    })
                    .collect(),
            ),
        );
        data.insert(
            "visits".into(),
            Value::Array(
                visits
                    .iter()
                    .map(|v| {
                        json!({"time": hhmm(v.start), "court_name": v.court_name,
                               "case_reference": v.case_reference,
                               "victim_reference": v.victim_reference})
                    })
                    .collect(),
            ),
        );
        data.insert(
            "parole".into(),
            Value::Array(
                parole
                    .iter()
                    .map(|p| json!({"milestone": p.milestone, "victim_reference": p.victim_reference}))
                    .collect(),
            ),
        );
        data.insert(
            "meetings".into(),
            Value::Array(
                meetings
                    .iter()
                    .map(|m| {
                        json!({"time": hhmm(m.start), "kind": m.kind,
                               "victim_reference": m.victim_reference})
                    })
                    .collect(),
            ),
        );
        data.insert(
            "statements".into(),
            Value::Array(
                statements
                    .iter()
                    .map(|s| {
                        json!({"time": hhmm(s.start), "kind": s.kind, "part": s.part,
                               "victim_reference": s.victim_reference})
                    })
                    .collect(),
            ),
        );
        data.insert(
            "deadlines".into(),
            Value::Array(
                deadlines
                    .iter()
                    .map(|d| {
                        json!({"kind": d.kind, "time": hhmm(d.due_at),
                               "case_reference": d.case_reference,
                               "victim_reference": d.victim_reference})
                    })
                    .collect(),
            ),
        );
        data
    }
}

#[cfg(test)]
mod tests;

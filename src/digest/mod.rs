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
use crate::flows::TemplateKey;

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

/// A reminder due today that the supporter chose to have in the digest
/// instead of on its own (`users.reminders_in_digest`): the hearing or
/// visit it is about, by reference, time and court, never an address.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ReminderItem {
    /// The reminder notice this item stands for (held by the digest; kept
    /// in the stored data so a reminder stopped before the digest goes can
    /// be left out, never shown).
    pub notice_id: String,
    /// `hearing` or `pre_trial_visit`.
    pub about: String,
    /// The reminder's label ("in_7_days", "tomorrow", ...).
    pub reminder_label: String,
    /// The London date and time of the hearing or visit.
    pub date: String,
    pub time: String,
    /// For a hearing, its kind.
    pub hearing_kind: Option<String>,
    pub court_name: String,
    pub case_reference: String,
    pub victim_reference: String,
}

impl ReminderItem {
    /// The digest's line for a reminder notice, from its template key and
    /// the data it was planned with; `None` for any other notice, or one
    /// whose data lacks what the line needs.
    pub fn from_notice(
        notice_id: &str,
        template: &str,
        data: &Map<String, Value>,
    ) -> Option<ReminderItem> {
        let text = |key: &str| data.get(key).and_then(Value::as_str).map(str::to_string);
        let (about, date, time, court, kind) = match template {
            t if t == TemplateKey::ReminderHearingSupporter.as_str() => (
                "hearing",
                text("hearing_date")?,
                text("hearing_time")?,
                text("court_name")?,
                text("hearing_kind"),
            ),
            t if t == TemplateKey::ReminderVisitSupporter.as_str() => (
                "pre_trial_visit",
                text("visit_date")?,
                text("visit_time")?,
                text("visit_court")?,
                None,
            ),
            _ => return None,
        };
        Some(ReminderItem {
            notice_id: notice_id.to_string(),
            about: about.to_string(),
            reminder_label: text("reminder_label")?,
            date,
            time,
            hearing_kind: kind,
            court_name: court,
            case_reference: text("case_reference").unwrap_or_default(),
            victim_reference: text("victim_reference")?,
        })
    }
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
    /// Reminders listed here instead of sent on their own.
    pub reminders: Vec<ReminderItem>,
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
            && self.reminders.is_empty()
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
        let mut reminders = self.reminders.clone();
        reminders.sort_by(|a, b| {
            (&a.date, &a.time, &a.case_reference).cmp(&(&b.date, &b.time, &b.case_reference))
        });
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
            "reminders".into(),
            Value::Array(
                reminders
                    .iter()
                    .map(|r| {
                        json!({"notice_id": r.notice_id, "about": r.about,
                               "reminder_label": r.reminder_label,
                               "date": r.date, "time": r.time,
                               "hearing_kind": r.hearing_kind, "court_name": r.court_name,
                               "case_reference": r.case_reference,
                               "victim_reference": r.victim_reference})
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

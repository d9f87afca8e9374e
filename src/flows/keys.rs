//! Deterministic idempotency keys: `<subject>:<id>/<version>/<step>/<recipient>`.
//!
//! Everything planned for one hearing slot shares the prefix
//! [`hearing_slot_prefix`], so a move or vacation cancels them in one go.

use super::plan::Recipient;
use chrono::{DateTime, SecondsFormat, Utc};

/// What a planned item is about, and which version of it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Subject {
    kind: &'static str,
    id: String,
    version: String,
}

fn instant(at: DateTime<Utc>) -> String {
    at.to_rfc3339_opts(SecondsFormat::Secs, true)
}

impl Subject {
    /// A hearing at one slot (start instant).
    pub fn hearing_slot(hearing_id: &str, start: DateTime<Utc>) -> Self {
        Self::new("hearing", hearing_id, instant(start))
    }

    /// One part of what hangs on a hearing slot (e.g. one attendance
    /// request's items): cancelled with the slot, or on its own.
    pub fn hearing_part(hearing_id: &str, start: DateTime<Utc>, part: &str) -> Self {
        Self::new("hearing", hearing_id, format!("{}/{part}", instant(start)))
    }

    /// A hearing, for something other than its slot (e.g. "vacated@<slot>").
    pub fn hearing(hearing_id: &str, version: impl Into<String>) -> Self {
        Self::new("hearing", hearing_id, version.into())
    }

    pub fn attendance(request_id: &str, state: &str) -> Self {
        Self::new("attendance", request_id, state.to_owned())
    }

    pub fn visit(visit_id: &str, version: impl Into<String>) -> Self {
        Self::new("visit", visit_id, version.into())
    }

    pub fn visit_at(visit_id: &str, at: DateTime<Utc>) -> Self {
        Self::new("visit", visit_id, instant(at))
    }

    /// What every key about one visit starts with, whatever its slot.
    pub fn visit_prefix(visit_id: &str) -> String {
        format!("visit:{visit_id}/")
    }

    pub fn event(event_id: &str) -> Self {
        Self::new("event", event_id, "-".to_owned())
    }

    /// A risk meeting at one time: moving it cancels what hangs on the old
    /// time.
    pub fn risk_meeting(meeting_id: &str, at: DateTime<Utc>) -> Self {
        Self::new("risk_meeting", meeting_id, instant(at))
    }

    /// A statement appointment as booked at one version: a change (time,
    /// people) cancels what hung on the version before.
    pub fn statement_appointment(appointment_id: &str, version: i32) -> Self {
        Self::new(
            "statement_appointment",
            appointment_id,
            format!("v{version}"),
        )
    }

    /// An action agreed at a risk meeting.
    pub fn risk_action(action_id: &str) -> Self {
        Self::new("risk_action", action_id, "-".to_owned())
    }

    /// A case, for something that is not about one hearing (e.g. the CPS
    /// meeting before trial).
    pub fn case(case_id: &str, version: impl Into<String>) -> Self {
        Self::new("case", case_id, version.into())
    }

    pub fn victim(victim_id: &str, version: &str) -> Self {
        Self::new("victim", victim_id, version.to_owned())
    }

    /// A record on a case (a protective order, a decision under review, a
    /// compensation claim) at one version of what its plan counts from:
    /// everything planned for the record shares [`Subject::record_prefix`].
    pub fn record(kind: &'static str, id: &str, version: impl Into<String>) -> Self {
        Self::new(kind, id, version.into())
    }

    /// The prefix of everything planned for a record, at any version.
    pub fn record_prefix(kind: &str, id: &str) -> String {
        format!("{kind}:{id}/")
    }

    fn new(kind: &'static str, id: &str, version: String) -> Self {
        Self {
            kind,
            id: id.to_owned(),
            version,
        }
    }

    pub fn prefix(&self) -> String {
        format!("{}:{}/{}/", self.kind, self.id, self.version)
    }

    pub fn notice_key(&self, step: &str, recipient: &Recipient) -> String {
        format!("{}{step}/{}", self.prefix(), recipient.key())
    }

    pub fn item_key(&self, step: &str, item: &str) -> String {
        format!("{}{step}/{item}", self.prefix())
    }
}

/// The prefix shared by every notice, task and reminder for a hearing slot.
pub fn hearing_slot_prefix(hearing_id: &str, start: DateTime<Utc>) -> String {
    Subject::hearing_slot(hearing_id, start).prefix()
}

/// The prefix shared by everything planned because a hearing was vacated or
/// adjourned (`kind`), at any slot: relisting the hearing cancels what is
/// still pending under it.
pub fn hearing_change_prefix(hearing_id: &str, kind: &str) -> String {
    format!("hearing:{hearing_id}/{kind}@")
}

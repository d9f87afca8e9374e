//! Candidate notice fields drawn from the context. Candidates are generous;
//! each template's allow-list decides what actually goes out.

use super::context::{FlowContext, HearingFacts, SupporterFacts};
use crate::calendar;
use chrono::{DateTime, SecondsFormat, Utc};
use serde_json::{json, Value};

pub(crate) type Fields = Vec<(&'static str, Value)>;

/// A value, or null when absent (null values never reach a notice).
pub(crate) fn opt<T: serde::Serialize>(value: Option<T>) -> Value {
    value.map_or(Value::Null, |v| json!(v))
}

pub(crate) fn instant(at: DateTime<Utc>) -> Value {
    json!(at.to_rfc3339_opts(SecondsFormat::Secs, true))
}

pub(crate) fn local_date(at: DateTime<Utc>) -> Value {
    json!(calendar::london_date(at).to_string())
}

/// "14:30", or "01:30 BST" / "01:30 GMT" on the repeated autumn hour.
pub(crate) fn local_time(at: DateTime<Utc>) -> Value {
    json!(calendar::time_value(at))
}

/// The case reference and the victim's pseudonymous reference.
pub(crate) fn case(ctx: &FlowContext) -> Fields {
    vec![
        ("case_reference", json!(ctx.case.reference)),
        ("victim_reference", json!(ctx.victim.reference)),
    ]
}

pub(crate) fn hearing(h: &HearingFacts) -> Fields {
    vec![
        ("court_name", json!(h.court.name)),
        ("hearing_kind", json!(h.kind.as_str())),
        ("hearing_date", local_date(h.start)),
        ("hearing_time", local_time(h.start)),
        ("hearing_start", instant(h.start)),
        ("victim_gives_evidence", json!(h.victim_gives_evidence)),
        ("warned_until", opt(h.warned_until.map(|d| d.to_string()))),
    ]
}

/// The supporter and their organisation, under both the criminal
/// ("supporter_", "advisor") and family ("adviser_") names.
pub(crate) fn supporter(s: &SupporterFacts) -> Fields {
    let org = s.organisation.as_ref();
    vec![
        ("supporter_name", json!(s.name)),
        ("supporter_role", json!(s.role.as_str())),
        ("adviser_name", json!(s.name)),
        ("adviser_role", json!(s.role.as_str())),
        ("organisation_name", opt(org.map(|o| &o.name))),
        ("organisation_address", opt(org.map(|o| &o.address))),
        ("organisation_contact", opt(org.map(|o| &o.contact))),
    ]
}

//! The sweep's decisions, apart from its reads and writes: what a verdict
//! changes in a stored deadline, what follows it, and on what basis a
//! supporter may be alerted when no notice to them names one. Pure, and
//! tested table by table; `sweep` loads the rows and stores what these say.

use chrono::{DateTime, Utc};

use super::met::Verdict;
use crate::domain::LawfulBasis;
use crate::flows::{Basis, DeadlineKind};

/// The subject part of a deadline key (`<subject>/<step>/<item>`), with its
/// trailing slash: what the notices and tasks planned with it start with.
pub fn subject_prefix(key: &str) -> Option<&str> {
    let mut parts = key.rsplitn(3, '/');
    let (_item, _step, rest) = (parts.next()?, parts.next()?, parts.next()?);
    Some(&key[..rest.len() + 1])
}

/// The attendance request a deadline key names, if any.
pub fn request_id(key: &str) -> Option<&str> {
    let start = key.find("attendance:")? + "attendance:".len();
    let rest = &key[start..];
    Some(&rest[..rest.find('/').unwrap_or(rest.len())])
}

/// The kind of a stored deadline, or None for a name this build does not
/// know (left as it is).
pub fn kind_of(stored: &str) -> Option<DeadlineKind> {
    serde_json::from_value(serde_json::Value::String(stored.to_owned())).ok()
}

/// What to store for a deadline read in `state`, given its verdict now.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Change {
    /// running → met, done at this moment.
    Met(DateTime<Utc>),
    /// running → missed; `late` is when it was done, if it has been.
    Missed { late: Option<DateTime<Utc>> },
    /// Stays missed (once missed, always missed); only the moment it was
    /// done late is filled in, where none is recorded yet.
    DoneLate(DateTime<Utc>),
}

pub fn change(state: &str, verdict: Verdict) -> Option<Change> {
    match (state, verdict) {
        ("running", Verdict::Met(at)) => Some(Change::Met(at)),
        ("running", Verdict::Missed { late }) => Some(Change::Missed { late }),
        ("missed", Verdict::Missed { late: Some(at) }) | ("missed", Verdict::Met(at)) => {
            Some(Change::DoneLate(at))
        }
        _ => None,
    }
}

/// What follows a verdict on a deadline the rules can observe.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FollowUp {
    /// Still running: plan the alerts now due.
    PlanAlerts,
    /// Met: stop the alerts still pending.
    CancelAlerts,
    Nothing,
}

pub fn follow_up(verdict: Verdict) -> FollowUp {
    match verdict {
        Verdict::Running => FollowUp::PlanAlerts,
        Verdict::Met(_) => FollowUp::CancelAlerts,
        Verdict::Missed { .. } => FollowUp::Nothing,
    }
}

/// The basis for alerting the supporter when no notice to them under the
/// deadline's subject names one: legitimate interests for their own court
/// arrangements; otherwise none (no alert).
pub fn own_arrangements_basis(kind: DeadlineKind) -> Option<Basis> {
    matches!(
        kind,
        DeadlineKind::AttendanceRaisedWithCourt
            | DeadlineKind::PreTrialVisitArranged
            | DeadlineKind::CpsInformedOfSupporter
    )
    .then(|| Basis::Lawful {
        basis: LawfulBasis::LegitimateInterests,
        reason: "the supporter's own court arrangements for this case".into(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    #[test]
    fn what_each_verdict_changes_in_each_state() {
        let at = Utc.with_ymd_and_hms(2026, 3, 20, 12, 0, 0).unwrap();
        let cases: Vec<(&str, Verdict, Option<Change>)> = vec![
            ("running", Verdict::Running, None),
            ("running", Verdict::Met(at), Some(Change::Met(at))),
            (
                "running",
                Verdict::Missed { late: None },
                Some(Change::Missed { late: None }),
            ),
            (
                "running",
                Verdict::Missed { late: Some(at) },
                Some(Change::Missed { late: Some(at) }),
            ),
            // Once missed, always missed: only the late moment is filled.
            ("missed", Verdict::Running, None),
            ("missed", Verdict::Missed { late: None }, None),
            (
                "missed",
                Verdict::Missed { late: Some(at) },
                Some(Change::DoneLate(at)),
            ),
            ("missed", Verdict::Met(at), Some(Change::DoneLate(at))),
            // Settled states are never touched.
            ("met", Verdict::Missed { late: None }, None),
            ("met", Verdict::Met(at), None),
            ("cancelled", Verdict::Met(at), None),
            ("cancelled", Verdict::Missed { late: Some(at) }, None),
        ];
        for (state, verdict, want) in cases {
            assert_eq!(change(state, verdict), want, "{state} {verdict:?}");
        }
    }

    #[test]
    fn what_follows_each_verdict() {
        let at = Utc.with_ymd_and_hms(2026, 3, 20, 12, 0, 0).unwrap();
        for (verdict, want) in [
            (Verdict::Running, FollowUp::PlanAlerts),
            (Verdict::Met(at), FollowUp::CancelAlerts),
            (Verdict::Missed { late: None }, FollowUp::Nothing),
            (Verdict::Missed { late: Some(at) }, FollowUp::Nothing),
        ] {
            assert_eq!(follow_up(verdict), want, "{verdict:?}");
        }
    }

    #[test]
    fn a_supporter_is_alerted_without_a_notice_basis_only_for_their_own_arrangements() {
        use DeadlineKind::*;
        for (kind, own) in [
            (AttendanceRaisedWithCourt, true),
            (PreTrialVisitArranged, true),
            (CpsInformedOfSupporter, true),
            (VictimToldOfHearing, false),
            (SupporterToldOfHearing, false),
            (SpecialMeasuresApplication, false),
            (VloContactsVictim, false),
        ] {
            let basis = own_arrangements_basis(kind);
            assert_eq!(basis.is_some(), own, "{kind:?}");
            if let Some(Basis::Lawful { basis, .. }) = basis {
                assert_eq!(basis, LawfulBasis::LegitimateInterests);
            }
        }
    }

    #[test]
    fn stored_kind_names_parse_and_unknown_ones_do_not() {
        assert_eq!(
            kind_of("victim_told_of_hearing"),
            Some(DeadlineKind::VictimToldOfHearing)
        );
        assert_eq!(kind_of("no_such_deadline"), None);
    }
}

//! Which notices ask their recipient to acknowledge them, and how long the
//! recipient has before the notice is escalated. Data in the rules table
//! (`acknowledgement`), not code.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::Limit;
use super::TemplateKey;
use crate::calendar::{self, BankHolidays};

/// One kind of notice that needs action.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct NeedsAction {
    /// The notice's template key, e.g. `criminal.supporter_in_place`.
    pub template: String,
    /// Counted from when the notice is first sent, to the same London
    /// wall-clock time on the last day.
    pub within: Limit,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
pub struct AcknowledgementRules {
    #[serde(default, rename = "_comment", skip_serializing_if = "Option::is_none")]
    pub comment: Option<String>,
    #[serde(default)]
    pub notices: Vec<NeedsAction>,
}

/// The longest acknowledgement window accepted, in days.
pub const MAX_WITHIN_DAYS: i64 = 30;

impl AcknowledgementRules {
    /// The window for notices of this template, if they need action.
    pub fn window(&self, template: &str) -> Option<&Limit> {
        self.notices
            .iter()
            .find(|n| n.template == template)
            .map(|n| &n.within)
    }

    /// What is wrong with these rules, if anything.
    pub fn problem(&self) -> Option<String> {
        for (i, n) in self.notices.iter().enumerate() {
            if !TemplateKey::ALL.iter().any(|t| t.as_str() == n.template) {
                return Some(format!(
                    "acknowledgement.notices[{i}] names an unknown template"
                ));
            }
            if self.notices[..i].iter().any(|m| m.template == n.template) {
                return Some(format!(
                    "acknowledgement.notices[{i}] repeats template {}",
                    n.template
                ));
            }
            if !(1..=MAX_WITHIN_DAYS).contains(&n.within.amount) {
                return Some(format!(
                    "acknowledgement.notices[{i}] must allow 1 to {MAX_WITHIN_DAYS} days"
                ));
            }
            if n.within.citation.trim().is_empty() {
                return Some(format!("acknowledgement.notices[{i}] has no citation"));
            }
        }
        None
    }
}

/// When a notice first sent at `sent` must be acknowledged: the window
/// counted in London days from the day it was sent, at the same London
/// wall-clock time (a time the clocks skip moves forward by the gap; a
/// repeated time takes its first occurrence), but never after the moment
/// the notice stops mattering (`not_after`, e.g. the hearing's start).
pub fn acknowledge_by(
    sent: DateTime<Utc>,
    not_after: Option<DateTime<Utc>>,
    within: &Limit,
    holidays: &BankHolidays,
) -> DateTime<Utc> {
    let local = calendar::to_london(sent);
    let day = within.date_after(local.date_naive(), holidays);
    let by = calendar::local_to_utc(day, local.time());
    match not_after {
        Some(limit) if limit < by => limit.max(sent),
        _ => by,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::DayUnit;
    use chrono::TimeZone;

    fn utc(y: i32, m: u32, d: u32, h: u32, min: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(y, m, d, h, min, 0).unwrap()
    }

    fn limit(amount: i64, unit: DayUnit) -> Limit {
        Limit {
            amount,
            unit,
            citation: "test".into(),
            confirmed: true,
            wording: None,
        }
    }

    #[test]
    fn acknowledgement_deadlines() {
        let holidays = BankHolidays::england_and_wales();
        let wd = |n| limit(n, DayUnit::WorkingDays);
        let cd = |n| limit(n, DayUnit::CalendarDays);
        // (sent, not_after, window, expected)
        let table = [
            // Friday 12:00 GMT, 1 working day: Monday 12:00 GMT.
            (
                utc(2026, 3, 20, 12, 0),
                None,
                wd(1),
                utc(2026, 3, 23, 12, 0),
            ),
            // Friday 27 March 12:00 GMT; the clocks go forward on Sunday
            // 29 March: Monday 12:00 BST is 11:00 UTC.
            (
                utc(2026, 3, 27, 12, 0),
                None,
                wd(1),
                utc(2026, 3, 30, 11, 0),
            ),
            // Sent at 01:30 GMT on Saturday 28 March, 1 calendar day: 01:30
            // does not exist on Sunday 29 March; it moves on to 02:30 BST.
            (
                utc(2026, 3, 28, 1, 30),
                None,
                cd(1),
                utc(2026, 3, 29, 1, 30),
            ),
            // Thursday 22 October 2026 09:00 BST, 2 working days: Monday 26
            // October 09:00 GMT (the clocks went back on Sunday 25 October).
            (
                utc(2026, 10, 22, 8, 0),
                None,
                wd(2),
                utc(2026, 10, 26, 9, 0),
            ),
            // Over Easter 2026 (Good Friday 3 April, Easter Monday 6 April):
            // Thursday 2 April 10:00 BST + 1 working day = Tuesday 7 April.
            (utc(2026, 4, 2, 9, 0), None, wd(1), utc(2026, 4, 7, 9, 0)),
            // The hearing starts first: acknowledge by then.
            (
                utc(2026, 3, 20, 12, 0),
                Some(utc(2026, 3, 23, 9, 30)),
                wd(1),
                utc(2026, 3, 23, 9, 30),
            ),
            // A limit already past when sent: by the moment it is sent.
            (
                utc(2026, 3, 20, 12, 0),
                Some(utc(2026, 3, 20, 11, 0)),
                wd(1),
                utc(2026, 3, 20, 12, 0),
            ),
            // A later limit changes nothing.
            (
                utc(2026, 3, 20, 12, 0),
                Some(utc(2026, 4, 20, 9, 0)),
                wd(1),
                utc(2026, 3, 23, 12, 0),
            ),
        ];
        for (sent, not_after, within, expected) in table {
            assert_eq!(
                acknowledge_by(sent, not_after, &within, &holidays),
                expected,
                "sent {sent}, not after {not_after:?}, {within:?}"
            );
        }
    }

    #[test]
    fn rules_are_checked() {
        let ok = |t: &str, n| NeedsAction {
            template: t.into(),
            within: limit(n, DayUnit::WorkingDays),
        };
        let rules = |notices| AcknowledgementRules {
            comment: None,
            notices,
        };
        assert_eq!(
            rules(vec![ok("criminal.supporter_in_place", 1)]).problem(),
            None
        );
        for bad in [
            vec![ok("no.such.template", 1)],
            vec![ok("criminal.supporter_in_place", 0)],
            vec![ok("criminal.supporter_in_place", 31)],
            vec![
                ok("criminal.supporter_in_place", 1),
                ok("criminal.supporter_in_place", 2),
            ],
        ] {
            assert!(rules(bad.clone()).problem().is_some(), "{bad:?}");
        }
    }

    #[test]
    fn the_shipped_table_asks_for_acknowledgement_of_the_action_notices() {
        let table = crate::rules::RulesTable::default_table();
        for version in table.versions() {
            let rules = &version.acknowledgement;
            for t in [
                "criminal.supporter_in_place",
                "criminal.companion_request",
                "criminal.witness_service_request",
                "criminal.pre_trial_visit_request",
                "family.advance_identification",
            ] {
                assert!(
                    rules.window(t).is_some(),
                    "{t} in {}",
                    version.effective_from
                );
            }
            // Information only: no acknowledgement asked.
            assert!(rules.window("hearing.details.victim").is_none());
            assert!(rules.window("reminder.hearing.supporter").is_none());
        }
    }
}

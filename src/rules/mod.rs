//! The versioned rules table: every time limit, operational alert, flow step
//! and citation Courtside applies, held as data (`fixtures/rules.json`).
//!
//! A change in the law or in local practice is a new version in the data with
//! its own `effective_from` date, never a code edit. Rule numbers appear only
//! as citation text in the data; code refers to limits and steps by meaning.

mod acknowledgement;
mod after_outcome;
mod alert;
mod limit;
mod reminder;
mod step;
mod templates;

use chrono::{NaiveDate, NaiveTime};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

listed_enum! {
    /// The statutory and operational time limits the flows set (the rules
    /// give each its figure; the flows decide when one starts).
    #[derive(Debug, Clone, Copy, Serialize, Deserialize, PartialEq, Eq)]
    #[serde(rename_all = "snake_case")]
    pub enum DeadlineKind {
        VictimToldOfHearing,
        SupporterToldOfHearing,
        VictimToldOfOutcome,
        SupporterToldOfOutcome,
        WcoUpdatesVictimOfOutcome,
        CpsInformedOfSupporter,
        AttendanceRaisedWithCourt,
        PreTrialVisitArranged,
        SpecialMeasuresApplication,
        VictimContactSchemeReferral,
        VloContactsVictim,
        ParoleDecisionDue,
        ReconsiderationWindowEnds,
        /// The supporter's referral form (MARAC) or update (MAPPA) before
        /// a risk meeting (issue 19, item 7).
        RiskMeetingPaperwork,
        ProtectiveOrderRenewalDiscussed,
        RightToReviewPromptRequest,
        RightToReviewRequest,
        CompensationApplication,
        CpsMeetingWishRecorded,
        VictimPersonalStatementOffered,
    }
}

pub use acknowledgement::{acknowledge_by, AcknowledgementRules, NeedsAction};
pub use after_outcome::{AfterOutcomeRules, Period, PeriodUnit};
pub use alert::{AlertTo, DeadlineAlertRule};
pub use limit::{DayUnit, Limit, SpecialMeasuresLimits};
pub use reminder::{
    ReminderOf, ReminderRule, ReminderRules, StatementAppointmentRules, StatementReminderRule,
    StatementReminderTo, MAX_DAYS_BEFORE,
};
pub use step::{Actor, Step};
pub use templates::TemplateKey;

/// The embedded default table, shipped with the service.
const DEFAULT_TABLE: &str = include_str!("../../fixtures/rules.json");

/// Whether a rule's name can be part of a key: lower-case letters, digits
/// and underscores, not empty.
fn key_safe(name: &str) -> bool {
    !name.is_empty()
        && name
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
}

#[derive(Debug, thiserror::Error)]
pub enum RulesError {
    #[error("rules table is not valid JSON for this schema: {0}")]
    Json(#[from] serde_json::Error),
    #[error("rules table has no versions")]
    Empty,
    #[error("two rules versions share the effective-from date {0}")]
    DuplicateDate(NaiveDate),
    #[error("rules version effective from {version} is invalid: {problem}")]
    Invalid { version: NaiveDate, problem: String },
}

/// All versions of the rules, ordered by `effective_from`.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct RulesTable {
    versions: Vec<RuleSet>,
}

/// One version of the rules: the limits, alerts and steps in force from
/// `effective_from` until the next version starts.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct RuleSet {
    pub effective_from: NaiveDate,
    /// What this version reflects, in words (shown to administrators).
    pub label: String,
    /// Local (Europe/London) time of day at which a day-counted deadline
    /// falls due on its last day.
    pub deadline_local_time: NaiveTime,
    /// Local time on a hearing day from which the hearing-day notices (the
    /// advisor's notice to a criminal court) are released.
    pub hearing_day_notice_local_time: NaiveTime,
    /// Languages for which notice templates exist; the first is the fallback.
    pub notice_languages: Vec<String>,
    pub time_limits: TimeLimits,
    pub alerts: Alerts,
    pub parole: ParoleRules,
    /// Which sentences start the Victim Contact Scheme referral clock.
    pub victim_contact_scheme: VictimContactSchemeRules,
    pub routing: RoutingRules,
    /// Reminders of hearings and pre-trial visits.
    pub reminders: ReminderRules,
    /// Risk meetings (MARAC, MAPPA): when the supporter's paperwork is due.
    pub risk_meetings: RiskMeetingRules,
    /// Statement-taking and ABE-interview appointments: reminders.
    pub statement_appointments: StatementAppointmentRules,
    /// Alerts before a deadline falls due unmet.
    #[serde(default)]
    pub deadline_alerts: Vec<DeadlineAlertRule>,
    /// Notices that ask to be acknowledged, and when they escalate.
    #[serde(default)]
    pub acknowledgement: AcknowledgementRules,
    /// Protective orders, the Victims' Right to Review and criminal
    /// injuries compensation (issue 19, item 6).
    pub after_outcome: AfterOutcomeRules,
    /// Flow steps by key (e.g. "criminal.advisor_notice").
    pub steps: BTreeMap<String, Step>,
}

/// Statutory or rule-based limits.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct TimeLimits {
    pub hearing_details_to_victim: Limit,
    pub hearing_details_to_supporter: Limit,
    pub outcome_to_victim_enhanced: Limit,
    pub outcome_to_victim_standard: Limit,
    pub outcome_to_supporter_enhanced: Limit,
    pub outcome_to_supporter_standard: Limit,
    pub special_measures_application: SpecialMeasuresLimits,
    pub parole_decision_after_hearing: Limit,
    pub parole_reconsideration_window: Limit,
    pub vcs_referral_after_sentence: Limit,
    pub vlo_contact_after_referral: Limit,
}

/// Operational alerts: local practice, not law, and configurable.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Alerts {
    /// The prosecutor raises the supporter's attendance with the court at
    /// least this long before the hearing.
    pub attendance_request_to_court_before_hearing: Limit,
    /// The witness care officer tells the prosecutor and the Witness Service
    /// within this long of learning a supporter will attend.
    pub wco_informs_cps_after_request: Limit,
    /// A pre-trial visit should be arranged at least this long before trial.
    pub pre_trial_visit_arranged_before_trial: Limit,
    /// The witness care officer updates the victim within this long of an
    /// outcome.
    pub wco_update_after_outcome: Limit,
    /// Below this lead time before a family hearing, advance identification
    /// is treated as not possible and the supporter identifies on the day.
    pub family_advance_notice_before_hearing: Limit,
    /// A trial on a warned list fixed (by a firm or daily list, or by hand)
    /// for a day this close counts as short notice: the victim and the
    /// supporter are told at once.
    pub warned_list_fixed_short_notice: Limit,
    /// A need at court (interpreter, intermediary, access, separate waiting
    /// room) recorded fewer than this many days before the hearing warns the
    /// witness care officer that the booking is short notice. A court may
    /// set its own figure; this is the default.
    pub court_need_short_notice_before_hearing: Limit,
    /// After a not-guilty plea in a rape or serious sexual offence case
    /// with an adult victim, the supporter records within this long whether
    /// she wants her supporter invited to the CPS meeting before trial.
    pub cps_meeting_wish_after_plea: Limit,
    /// After a guilty plea, the witness care officer offers the victim the
    /// chance to make or update her personal statement within this long.
    pub victim_personal_statement_after_guilty_plea: Limit,
}

/// Risk meetings (issue 19, item 7): local protocol, not law. Each figure
/// counts back from the London date of the meeting; the deadline falls at
/// the table's `deadline_local_time` on that day.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct RiskMeetingRules {
    /// The MARAC referral form (or an update on a victim already referred)
    /// reaches the MARAC coordinator this long before the meeting.
    pub marac_paperwork_before_meeting: Limit,
    /// The supporter's update for a MAPPA meeting reaches the MAPPA
    /// coordinator this long before the meeting.
    pub mappa_paperwork_before_meeting: Limit,
}

/// Parole data that is a judgement rather than a number.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct ParoleRules {
    /// Decisions (snake_case names of `ParoleDecision`) that are provisional
    /// during the reconsideration window.
    pub reconsideration_eligible_decisions: Vec<String>,
}

/// Eligibility for the Victim Contact Scheme after sentence (Victims'
/// Code; the citation is in the table): a sentence of at least `min_sentence_months` of one of
/// `sentence_types` (snake_case names of `SentenceType`) for a specified
/// violent or sexual offence; a type passed without a length (a hospital
/// order) qualifies by its type alone.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct VictimContactSchemeRules {
    pub min_sentence_months: u32,
    pub sentence_types: Vec<String>,
    pub citation: String,
}

/// Routing data.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct RoutingRules {
    /// Update topics (snake_case names of `UpdateTopic`) on which an agency
    /// contacts the victim directly even when the supporter is the single
    /// point of contact, and tells the supporter that it has.
    pub spoc_direct_contact_topics: Vec<String>,
}

impl RulesTable {
    /// Parses and validates a table: at least one version, distinct dates,
    /// sane values. Versions may be given in any order.
    pub fn from_json(json: &str) -> Result<Self, RulesError> {
        let mut table: RulesTable = serde_json::from_str(json)?;
        if table.versions.is_empty() {
            return Err(RulesError::Empty);
        }
        table.versions.sort_by_key(|v| v.effective_from);
        for pair in table.versions.windows(2) {
            if pair[0].effective_from == pair[1].effective_from {
                return Err(RulesError::DuplicateDate(pair[0].effective_from));
            }
        }
        for version in &table.versions {
            version.validate()?;
        }
        Ok(table)
    }

    /// The table shipped in `fixtures/rules.json`.
    pub fn default_table() -> Self {
        Self::from_json(DEFAULT_TABLE).expect("the embedded rules table is valid")
    }

    /// The version in force on `on`: the latest whose `effective_from` is on
    /// or before that date. A date before every version gets the earliest
    /// version (the service holds no older rules).
    pub fn in_force(&self, on: NaiveDate) -> &RuleSet {
        self.versions
            .iter()
            .rev()
            .find(|v| v.effective_from <= on)
            .unwrap_or(&self.versions[0])
    }

    pub fn versions(&self) -> &[RuleSet] {
        &self.versions
    }
}

/// What the service plans and counts by: the rules table and the
/// bank-holiday calendar. One value is made at start-up and reaches every
/// use case through the application state (`app::Ctx::rules`) and every
/// background job as an argument, so a test, or a court with other
/// holidays, can supply its own.
#[derive(Debug, Clone)]
pub struct Rules {
    pub table: RulesTable,
    pub holidays: crate::calendar::BankHolidays,
}

impl Rules {
    /// The rules table in `fixtures/rules.json` and the England and Wales
    /// bank holidays.
    pub fn england_and_wales() -> Rules {
        Rules {
            table: RulesTable::default_table(),
            holidays: crate::calendar::BankHolidays::england_and_wales(),
        }
    }

    /// The version of the table in force on `on`.
    pub fn in_force(&self, on: NaiveDate) -> &RuleSet {
        self.table.in_force(on)
    }
}

impl Default for Rules {
    fn default() -> Self {
        Rules::england_and_wales()
    }
}

impl RuleSet {
    /// The step with this key if it is configured and enabled.
    pub fn step(&self, key: &str) -> Option<&Step> {
        self.steps.get(key).filter(|s| s.enabled)
    }

    fn validate(&self) -> Result<(), RulesError> {
        let invalid = |problem: String| RulesError::Invalid {
            version: self.effective_from,
            problem,
        };
        if self.notice_languages.is_empty() {
            return Err(invalid("no notice languages".into()));
        }
        let t = &self.time_limits;
        let a = &self.alerts;
        let named = [
            ("hearing_details_to_victim", &t.hearing_details_to_victim),
            (
                "hearing_details_to_supporter",
                &t.hearing_details_to_supporter,
            ),
            ("outcome_to_victim_enhanced", &t.outcome_to_victim_enhanced),
            ("outcome_to_victim_standard", &t.outcome_to_victim_standard),
            (
                "outcome_to_supporter_enhanced",
                &t.outcome_to_supporter_enhanced,
            ),
            (
                "outcome_to_supporter_standard",
                &t.outcome_to_supporter_standard,
            ),
            (
                "parole_decision_after_hearing",
                &t.parole_decision_after_hearing,
            ),
            (
                "parole_reconsideration_window",
                &t.parole_reconsideration_window,
            ),
            (
                "vcs_referral_after_sentence",
                &t.vcs_referral_after_sentence,
            ),
            ("vlo_contact_after_referral", &t.vlo_contact_after_referral),
            (
                "attendance_request_to_court_before_hearing",
                &a.attendance_request_to_court_before_hearing,
            ),
            (
                "wco_informs_cps_after_request",
                &a.wco_informs_cps_after_request,
            ),
            (
                "pre_trial_visit_arranged_before_trial",
                &a.pre_trial_visit_arranged_before_trial,
            ),
            ("wco_update_after_outcome", &a.wco_update_after_outcome),
            (
                "family_advance_notice_before_hearing",
                &a.family_advance_notice_before_hearing,
            ),
            (
                "warned_list_fixed_short_notice",
                &a.warned_list_fixed_short_notice,
            ),
            (
                "court_need_short_notice_before_hearing",
                &a.court_need_short_notice_before_hearing,
            ),
        ];
        let sm = &t.special_measures_application;
        let rm = &self.risk_meetings;
        let all = named
            .into_iter()
            .chain([
                (
                    "risk_meetings.marac_paperwork_before_meeting",
                    &rm.marac_paperwork_before_meeting,
                ),
                (
                    "risk_meetings.mappa_paperwork_before_meeting",
                    &rm.mappa_paperwork_before_meeting,
                ),
            ])
            .chain(
                sm.magistrates
                    .iter()
                    .map(|l| ("special_measures.magistrates", l)),
            )
            .chain(sm.crown.iter().map(|l| ("special_measures.crown", l)));
        for (name, limit) in all {
            if limit.amount < 0 {
                return Err(invalid(format!("{name} is negative")));
            }
            if limit.citation.trim().is_empty() {
                return Err(invalid(format!("{name} has no citation")));
            }
        }
        if sm.magistrates.is_empty() || sm.crown.is_empty() {
            return Err(invalid("special-measures limits missing".into()));
        }
        if let Some(problem) = self.statement_appointments.problem() {
            return Err(invalid(problem));
        }
        if let Some(problem) = self.reminders.problem() {
            return Err(invalid(problem));
        }
        if let Some(problem) = self.after_outcome.problem() {
            return Err(invalid(problem));
        }
        if let Some(problem) = alert::problem(&self.deadline_alerts) {
            return Err(invalid(problem));
        }
        if let Some(problem) = self.acknowledgement.problem() {
            return Err(invalid(problem));
        }
        for (key, step) in &self.steps {
            if step.citation.trim().is_empty() {
                return Err(invalid(format!("step {key} has no citation")));
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests;

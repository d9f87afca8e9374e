//! The events the planner reacts to. The facts an event changes (a hearing's
//! new slot, a request's current state) are in the [`FlowContext`].
//!
//! [`FlowContext`]: super::FlowContext

use super::attendance::AttendanceAction;
use crate::domain::{
    ConsentScope, DiscussionSetting, ParoleDecision, ParoleHearingFormat, ReviewDecisionMaker,
    RiskMeetingKind, SpecialMeasure, StatementAppointmentKind, TrialUpdateKind,
};
use crate::rules::Actor;
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Event {
    /// Stable id of the recorded event (part of idempotency keys).
    pub id: String,
    /// When it happened, or when the recording agency learned of it: the
    /// moment day-counted limits start from.
    pub at: DateTime<Utc>,
    #[serde(flatten)]
    pub kind: EventKind,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum EventKind {
    /// `FlowContext::hearing` is the new listing.
    HearingListed,
    /// Also used for an adjournment to a known date. `FlowContext::hearing`
    /// holds the new slot.
    HearingMoved {
        previous_start: DateTime<Utc>,
        #[serde(default)]
        previous_court: Option<String>,
    },
    /// Also used for an adjournment with no new date. `FlowContext::hearing`
    /// holds the slot given up.
    HearingVacated {
        #[serde(default)]
        adjourned: bool,
    },
    /// A hearing on a warned list was fixed at its slot by a firm or daily
    /// list. `FlowContext::hearing` holds the slot, with the warned window.
    HearingFixed,
    HearingConcluded {
        outcome: HearingOutcome,
    },
    /// `FlowContext::attendance_request` holds the new request.
    AttendanceRequestRaised,
    /// `FlowContext::attendance_request` holds the state before the action.
    AttendanceRequestUpdated {
        action: AttendanceAction,
    },
    PreTrialVisitRequested {
        visit_id: String,
    },
    PreTrialVisitArranged {
        visit_id: String,
        starts_at: DateTime<Utc>,
        court: String,
    },
    /// An arranged visit was cancelled. `FlowContext::told_of_slot` holds
    /// the notices already sent about its arrangement.
    PreTrialVisitCancelled {
        visit_id: String,
        previous_start: DateTime<Utc>,
        court: String,
    },
    SpecialMeasuresDiscussionRecorded {
        setting: DiscussionSetting,
        measures: Vec<SpecialMeasure>,
        supporter_present: bool,
    },
    ParoleMilestoneLogged {
        milestone: ParoleMilestone,
    },
    /// A need at court was recorded for the victim (`need` is its kind).
    /// `FlowContext::upcoming_hearings` holds the hearings still to come.
    CourtNeedRecorded {
        need_id: String,
        need: String,
    },
    /// One of the victim's needs at court was withdrawn; `was_shared`: it
    /// had a basis, so partners may have been sent it.
    CourtNeedWithdrawn {
        need_id: String,
        was_shared: bool,
    },
    /// An agency has an update for the victim on a topic.
    AgencyUpdate {
        from: Actor,
        topic: UpdateTopic,
    },
    /// The victim's supporter or single point of contact changed:
    /// `FlowContext::supporter` is who to contact now, and
    /// `FlowContext::upcoming_hearings` the hearings ahead.
    SupporterChanged,
    ConsentWithdrawn {
        scope: ConsentScope,
    },
    /// A trial-progress update was recorded on the day for the hearing in
    /// focus; `to_victim` and `to_contact` say who the victim asked to be
    /// told (the contact only with her consent in force).
    /// The supporter recorded the CPS's offer of a meeting before trial
    /// for the case in focus: her wish about her supporter, the meeting's
    /// time.
    CpsMeetingRecorded {
        meeting: super::pleas::MeetingRecorded,
    },
    TrialProgressRecorded {
        update_id: String,
        update: TrialUpdateKind,
        recorded_at: DateTime<Utc>,
        to_victim: bool,
        to_contact: bool,
    },
    /// A risk meeting (MARAC, MAPPA) was recorded or changed:
    /// `previous_start` is the time it had before a change, whose
    /// paperwork deadline and task are withdrawn.
    RiskMeetingSet {
        meeting_id: String,
        meeting: RiskMeetingKind,
        starts_at: DateTime<Utc>,
        #[serde(default)]
        previous_start: Option<DateTime<Utc>>,
    },
    /// A statement-taking or ABE-interview appointment was booked or
    /// changed (now at `version`): the reminders planned at
    /// `previous_version` are withdrawn and the new ones planned. The
    /// supporter is booked for before and after only.
    StatementAppointmentSet {
        appointment_id: String,
        appointment: StatementAppointmentKind,
        starts_at: DateTime<Utc>,
        version: i32,
        #[serde(default)]
        previous_version: Option<i32>,
        supporter_id: String,
        alternative_supporter_id: String,
        officer_id: String,
    },
    /// An action the supporter carries was agreed at a risk meeting, due
    /// on a London date.
    RiskMeetingActionRecorded {
        action_id: String,
        meeting: RiskMeetingKind,
        due_on: NaiveDate,
    },
    /// A protective order was recorded on the case in focus, or its end
    /// date changed: `ends_on` is its last day, or none for "until further
    /// order".
    ProtectiveOrderRecorded {
        order_id: String,
        ends_on: Option<NaiveDate>,
        /// The end date before this change (an edit), whose reminders stop.
        #[serde(default)]
        previous_ends_on: Option<NaiveDate>,
    },
    /// A protective order was ended or discharged: its reminders stop.
    ProtectiveOrderEnded {
        order_id: String,
    },
    /// A decision not to charge or to stop the case in focus, which the
    /// victim was told of on `told_on`: the Victims' Right to Review limits
    /// run from then.
    ReviewableDecisionRecorded {
        decision_id: String,
        by: ReviewDecisionMaker,
        told_on: NaiveDate,
    },
    /// The incident date of a crime of violence was recorded for criminal
    /// injuries compensation (on the case in focus).
    CompensationIncidentRecorded {
        claim_id: String,
        incident_on: NaiveDate,
        /// The incident date before this change (a correction), whose
        /// reminder and deadline stop.
        #[serde(default)]
        previous_incident_on: Option<NaiveDate>,
    },
}

/// How a hearing ended, as a structured choice. The wire form is tagged by
/// `kind`; older records (`{"kind":"sentenced"}` with no sentence, and
/// `{"kind":"other","description":...}`) still read.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq, utoipa::ToSchema)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum HearingOutcome {
    NotGuiltyPlea,
    GuiltyPlea,
    /// The case is listed for trial (no plea recorded at this hearing).
    TrialListed,
    Convicted,
    Acquitted,
    /// `sentence` is absent on records made before sentences were recorded.
    Sentenced {
        #[serde(default, skip_serializing_if = "Option::is_none")]
        sentence: Option<Sentence>,
    },
    Discontinued,
    OrderMade,
    Other {
        description: String,
    },
}

/// What the court passed, and whether the offence is a specified (violent
/// or sexual) offence: together they decide the Victim Contact Scheme.
#[derive(Debug, Clone, Copy, Serialize, Deserialize, PartialEq, Eq, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct Sentence {
    #[serde(rename = "type")]
    pub kind: SentenceType,
    /// The length in whole months, where the type has one.
    #[serde(default)]
    pub months: Option<u32>,
    /// The offence is a specified violent or sexual offence (Sentencing
    /// Act 2020 Schedule 18).
    #[serde(default)]
    pub specified_offence: bool,
}

#[derive(Debug, Clone, Copy, Serialize, Deserialize, PartialEq, Eq, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum SentenceType {
    ImmediateCustody,
    Suspended,
    CommunityOrder,
    HospitalOrder,
    Discharge,
    Fine,
}

impl SentenceType {
    pub const ALL: [SentenceType; 6] = [
        Self::ImmediateCustody,
        Self::Suspended,
        Self::CommunityOrder,
        Self::HospitalOrder,
        Self::Discharge,
        Self::Fine,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::ImmediateCustody => "immediate_custody",
            Self::Suspended => "suspended",
            Self::CommunityOrder => "community_order",
            Self::HospitalOrder => "hospital_order",
            Self::Discharge => "discharge",
            Self::Fine => "fine",
        }
    }

    pub fn parse(s: &str) -> Option<SentenceType> {
        Self::ALL.into_iter().find(|t| t.as_str() == s)
    }

    /// Whether a sentence of this type is passed for a length in months.
    pub fn has_length(self) -> bool {
        matches!(
            self,
            Self::ImmediateCustody | Self::Suspended | Self::CommunityOrder
        )
    }
}

impl HearingOutcome {
    pub fn name(&self) -> &'static str {
        match self {
            Self::NotGuiltyPlea => "not_guilty_plea",
            Self::GuiltyPlea => "guilty_plea",
            Self::TrialListed => "trial_listed",
            Self::Convicted => "convicted",
            Self::Acquitted => "acquitted",
            Self::Sentenced { .. } => "sentenced",
            Self::Discontinued => "discontinued",
            Self::OrderMade => "order_made",
            Self::Other { .. } => "other",
        }
    }
}

listed_enum! {
    #[derive(Debug, Clone, Copy, Serialize, Deserialize, PartialEq, Eq)]
    #[serde(rename_all = "snake_case")]
    pub enum UpdateTopic {
        CaseProgress,
        UrgentSafeguarding,
        Evidence,
        Medical,
        NoFurtherAction,
    }
}

listed_enum! {
    #[derive(Debug, Clone, Copy, Serialize, Deserialize, PartialEq, Eq)]
    #[serde(rename_all = "snake_case")]
    pub enum LicenceCondition {
        ExclusionZone,
        NoContact,
        Other,
    }
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
#[serde(tag = "milestone", rename_all = "snake_case")]
pub enum ParoleMilestone {
    ReviewStarted,
    VictimPersonalStatementDue {
        due: NaiveDate,
    },
    HearingListed {
        date: NaiveDate,
        format: ParoleHearingFormat,
    },
    HearingDeferred,
    HearingAdjourned,
    DecisionExpected {
        by: NaiveDate,
    },
    DecisionMade {
        decision: ParoleDecision,
        on: NaiveDate,
    },
    /// The decision is provisional while the window is open.
    ReconsiderationWindow {
        opened_on: NaiveDate,
    },
    /// The exact date is held for the record; only its month is shared.
    ReleaseDate {
        date: NaiveDate,
    },
    LicenceConditions {
        conditions: Vec<LicenceCondition>,
    },
    ReferredToVictimContactScheme {
        on: NaiveDate,
    },
}

impl ParoleMilestone {
    pub fn name(&self) -> &'static str {
        match self {
            Self::ReviewStarted => "review_started",
            Self::VictimPersonalStatementDue { .. } => "victim_personal_statement_due",
            Self::HearingListed { .. } => "hearing_listed",
            Self::HearingDeferred => "hearing_deferred",
            Self::HearingAdjourned => "hearing_adjourned",
            Self::DecisionExpected { .. } => "decision_expected",
            Self::DecisionMade { .. } => "decision_made",
            Self::ReconsiderationWindow { .. } => "reconsideration_window",
            Self::ReleaseDate { .. } => "release_date",
            Self::LicenceConditions { .. } => "licence_conditions",
            Self::ReferredToVictimContactScheme { .. } => "referred_to_victim_contact_scheme",
        }
    }
}

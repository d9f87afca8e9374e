//! What the planner is told about the case: the victim, the case, the
//! hearing, the supporter, consents and recorded lawful bases.
//!
//! The victim's address and telephone number are deliberately not part of
//! the context: the planner cannot put into a notice what it never holds.

use super::plan::{DisclosureCategory, Recipient, RecipientKind};
use crate::domain::{
    AttendanceState, CaseKind, ConsentScope, CourtKind, HearingKind, HearingStatus, LawfulBasis,
    OffenceGroup, SupporterRole,
};
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct FlowContext {
    pub victim: VictimFacts,
    pub case: CaseFacts,
    /// The hearing the event is about, as it stands after the event (for a
    /// move: the new slot; for a vacated hearing: the slot given up).
    #[serde(default)]
    pub hearing: Option<HearingFacts>,
    #[serde(default)]
    pub supporter: Option<SupporterFacts>,
    #[serde(default)]
    pub consents: Vec<ConsentRecord>,
    #[serde(default)]
    pub lawful_bases: Vec<LawfulBasisRecord>,
    /// The victim told their supporter they want them alongside at court,
    /// and that wish is recorded.
    #[serde(default)]
    pub wish_to_accompany_recorded: bool,
    #[serde(default)]
    pub attendance_request: Option<AttendanceRequestFacts>,
    /// A pre-trial visit is already arranged for the hearing.
    #[serde(default)]
    pub pre_trial_visit_arranged: bool,
    /// Everyone already told the hearing's previous date and time.
    #[serde(default)]
    pub told_of_hearing: Vec<Recipient>,
    /// Every notice about the hearing already sent, or still to go out as
    /// planned, with the slot it named: whoever relied on a slot that has
    /// since changed is told of the change, whatever the notice's purpose.
    #[serde(default)]
    pub told_of_slot: Vec<SlotNotice>,
    /// The victim's hearings still to come (loaded when the supporter or
    /// single point of contact changes), earliest first.
    #[serde(default)]
    pub upcoming_hearings: Vec<UpcomingHearing>,
    /// The victim's needs at court that may be passed on, and courts' own
    /// short-notice figures.
    #[serde(default)]
    pub court_needs: super::court_needs::CourtNeedFacts,
    /// A child victim's parents, guardians and appropriate adults, with
    /// whether each was excluded or has ended (never names or contacts).
    #[serde(default)]
    pub responsible_adults: Vec<super::responsible_adults::ResponsibleAdultFacts>,
    /// The language each partner organisation that may be written to
    /// chose for its messages, by recipient key ([`super::Recipient::key`]:
    /// `wcu:…`, `prosecutor`, `witness_service:<court>`, `court:<court>`,
    /// `vlo`); those that chose none are absent.
    #[serde(default)]
    pub partner_languages: std::collections::BTreeMap<String, String>,
}

/// A hearing still to come, with its case's reference and witness care unit.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct UpcomingHearing {
    pub hearing: HearingFacts,
    pub case_reference: String,
    #[serde(default)]
    pub wcu_org_id: Option<String>,
}

/// A notice that named a hearing slot (its date and time, and court).
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct SlotNotice {
    /// The notice's idempotency key.
    pub key: String,
    pub recipient: Recipient,
    /// The step that planned it (its purpose), e.g. the Witness Service
    /// request.
    pub step: String,
    /// Not sent yet: it still goes out unless this plan cancels it.
    #[serde(default)]
    pub pending: bool,
    /// The start it named.
    pub start: DateTime<Utc>,
    /// The court it named, where it named one.
    #[serde(default)]
    pub court: Option<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct VictimFacts {
    pub id: String,
    /// Pseudonymous reference used everywhere a name is not needed.
    pub reference: String,
    /// Entitled to enhanced rights under the Victims' Code.
    pub enhanced_rights: bool,
    /// BCP 47 language tag, e.g. "en" or "cy".
    pub preferred_language: String,
    /// Under 18: a parent, guardian or appropriate adult is her usual
    /// contact, and some offers (the CPS meeting) are for adults.
    #[serde(default)]
    pub is_child: bool,
    /// Present only where a notice lawfully needs it (the identity of the
    /// witness in an advisor's notice, the party in a family notice).
    #[serde(default)]
    pub name: Option<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct CaseFacts {
    pub id: String,
    pub kind: CaseKind,
    /// The police URN for a criminal case, the court's case number otherwise.
    pub reference: String,
    /// The police Witness Care Unit responsible (criminal cases).
    #[serde(default)]
    pub wcu_org_id: Option<String>,
    pub court: CourtFacts,
    /// What a criminal case is about, where recorded.
    #[serde(default)]
    pub offence_group: Option<OffenceGroup>,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct CourtFacts {
    pub name: String,
    pub kind: CourtKind,
    /// The court sits in Wales: people who chose no language get notices
    /// about its hearings in Welsh and English.
    #[serde(default)]
    pub in_wales: bool,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct HearingFacts {
    pub id: String,
    pub start: DateTime<Utc>,
    pub court: CourtFacts,
    pub kind: HearingKind,
    pub status: HearingStatus,
    /// Whether the victim must give evidence at this hearing.
    #[serde(default)]
    pub victim_gives_evidence: bool,
    /// Last day of a warned-list window starting on the hearing's date.
    #[serde(default)]
    pub warned_until: Option<NaiveDate>,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Organisation {
    pub name: String,
    pub address: String,
    /// Work telephone or email the court may use for the supporter.
    pub contact: String,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct SupporterFacts {
    pub user_id: String,
    pub name: String,
    pub role: SupporterRole,
    #[serde(default)]
    pub organisation: Option<Organisation>,
    /// Date of the signed client contact agreement making the supporter the
    /// victim's single point of contact.
    #[serde(default)]
    pub spoc_agreed_on: Option<NaiveDate>,
    /// Recorded as present while the victim's witness statement was taken.
    #[serde(default)]
    pub present_at_statement_taking: bool,
    /// The language they chose for their pages and messages, if any.
    #[serde(default)]
    pub language: Option<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct ConsentRecord {
    pub scope: ConsentScope,
    pub given_at: DateTime<Utc>,
    #[serde(default)]
    pub withdrawn_at: Option<DateTime<Utc>>,
    #[serde(default)]
    pub recorded_by: Option<String>,
}

impl ConsentRecord {
    pub fn active_at(&self, at: DateTime<Utc>) -> bool {
        self.given_at <= at && self.withdrawn_at.is_none_or(|w| w > at)
    }
}

/// A recorded decision to share a kind of information without consent.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct LawfulBasisRecord {
    pub basis: LawfulBasis,
    pub reason: String,
    pub category: DisclosureCategory,
    /// Limits the record to one kind of recipient; `None` covers any.
    #[serde(default)]
    pub recipient: Option<RecipientKind>,
    pub recorded_at: DateTime<Utc>,
    #[serde(default)]
    pub recorded_by: Option<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct AttendanceRequestFacts {
    pub id: String,
    /// The hearing asked about (a criminal request is for one hearing; a
    /// family request covers the hearings the party attends).
    #[serde(default)]
    pub hearing_id: Option<String>,
    /// The state before the event being planned.
    pub state: AttendanceState,
}

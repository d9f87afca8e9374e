//! The notification flows as a pure planner: given an event, what Courtside
//! knows about the case, the rules in force, the bank holidays and the
//! current instant, [`plan`] says which notices to send, which tasks people
//! must do by when, which deadlines run, what to cancel and what to warn
//! about. Nothing here reads a clock, a database or the network.
//!
//! Cancellations in a plan apply to items already pending from earlier
//! plans; a plan's own notices, tasks and deadlines are never under its own
//! cancellation prefixes. A planned item whose key matches an earlier,
//! cancelled item (a hearing moved away and back) should revive it.

pub mod after_outcome;
mod attendance;
mod context;
pub mod court_needs;
mod criminal;
mod due;
mod error;
mod event;
mod facts;
mod family;
mod hearing;
pub use hearing::{vcs_eligibility, VcsEligibility};
mod keys;
mod listing;
mod parole;
mod plan;
mod planner;
pub mod pleas;
pub mod responsible_adults;
pub mod risk_meetings;
pub mod routing;
mod special_measures;
pub mod statement_appointments;
pub mod trial_progress;
/// The notice templates are named in the rules (which flows reads); kept
/// under this name so the flows' own paths stay short.
mod templates {
    pub use crate::rules::TemplateKey;
}

#[cfg(test)]
pub(crate) mod testkit;
#[cfg(test)]
mod tests;

pub use crate::rules::TemplateKey;
pub use attendance::{transition, AttendanceAction, FamilyDirection};
pub use context::{
    AttendanceRequestFacts, CaseFacts, ConsentRecord, CourtFacts, FlowContext, HearingFacts,
    LawfulBasisRecord, Organisation, SlotNotice, SupporterFacts, UpcomingHearing, VictimFacts,
};
pub use error::FlowError;
pub use event::{
    Event, EventKind, HearingOutcome, LicenceCondition, ParoleMilestone, Sentence, SentenceType,
    UpdateTopic,
};
pub use keys::{hearing_slot_prefix, Subject};
pub use listing::{listing_warning, non_sitting_day, NonSittingDay};
pub use plan::{
    Basis, Cancellation, Channel, Deadline, DeadlineKind, DisclosureCategory, Plan, PlannedNotice,
    Recipient, RecipientKind, Task, TaskKind, Warning,
};

use crate::calendar::BankHolidays;
use crate::rules::RuleSet;
use chrono::{DateTime, Utc};
use planner::Planner;
pub use planner::{notice_language, BILINGUAL};

/// Plans what should happen because of `event`.
pub fn plan(
    event: &Event,
    ctx: &FlowContext,
    rules: &RuleSet,
    holidays: &BankHolidays,
    now: DateTime<Utc>,
) -> Plan {
    let mut p = Planner::new(event, ctx, rules, holidays, now);
    match &event.kind {
        EventKind::HearingListed => {
            hearing::listed(&mut p);
            listing::check_listing_day(&mut p);
        }
        EventKind::HearingMoved {
            previous_start,
            previous_court,
        } => {
            hearing::moved(&mut p, *previous_start, previous_court.clone());
            listing::check_listing_day(&mut p);
        }
        EventKind::HearingVacated { adjourned } => hearing::vacated(&mut p, *adjourned),
        EventKind::HearingFixed => hearing::fixed(&mut p),
        EventKind::HearingConcluded { outcome } => hearing::concluded(&mut p, outcome),
        EventKind::AttendanceRequestRaised => attendance::raised(&mut p),
        EventKind::AttendanceRequestUpdated { action } => attendance::updated(&mut p, action),
        EventKind::PreTrialVisitRequested { visit_id } => {
            criminal::visit_requested(&mut p, visit_id)
        }
        EventKind::PreTrialVisitArranged {
            visit_id,
            starts_at,
            court,
        } => criminal::visit_arranged(&mut p, visit_id, *starts_at, court),
        // Whom to tell, and of which date, is what was sent of the visit
        // (the flow reads it), not only its last arrangement.
        EventKind::PreTrialVisitCancelled {
            visit_id,
            previous_start: _,
            court,
        } => criminal::visit_cancelled(&mut p, visit_id, court),
        EventKind::SpecialMeasuresDiscussionRecorded {
            setting,
            measures,
            supporter_present,
        } => special_measures::discussion_recorded(&mut p, *setting, measures, *supporter_present),
        EventKind::ParoleMilestoneLogged { milestone } => {
            parole::milestone_logged(&mut p, milestone)
        }
        EventKind::AgencyUpdate { from, topic } => routing::agency_update(&mut p, *from, *topic),
        EventKind::SupporterChanged => routing::contact_changed(&mut p),
        EventKind::ConsentWithdrawn { scope } => routing::consent_withdrawn(&mut p, *scope),
        EventKind::CourtNeedRecorded { need_id, need } => {
            court_needs::need_recorded(&mut p, need_id, need)
        }
        EventKind::CpsMeetingRecorded { meeting } => pleas::recorded(&mut p, meeting),
        EventKind::CourtNeedWithdrawn {
            need_id,
            was_shared,
        } => court_needs::need_withdrawn(&mut p, need_id, *was_shared),
        EventKind::TrialProgressRecorded {
            update_id,
            update,
            recorded_at,
            to_victim,
            to_contact,
        } => trial_progress::recorded(
            &mut p,
            update_id,
            *update,
            *recorded_at,
            trial_progress::Wanted {
                victim: *to_victim,
                contact: *to_contact,
            },
        ),
        EventKind::RiskMeetingSet {
            meeting_id,
            meeting,
            starts_at,
            previous_start,
        } => risk_meetings::set(&mut p, meeting_id, *meeting, *starts_at, *previous_start),
        EventKind::StatementAppointmentSet {
            appointment_id,
            appointment,
            starts_at,
            version,
            previous_version,
            supporter_id,
            alternative_supporter_id,
            officer_id,
        } => statement_appointments::set(
            &mut p,
            &statement_appointments::Booking {
                id: appointment_id,
                kind: *appointment,
                starts_at: *starts_at,
                version: *version,
                previous_version: *previous_version,
                supporter_id,
                alternative_supporter_id,
                officer_id,
            },
        ),
        EventKind::RiskMeetingActionRecorded {
            action_id,
            meeting,
            due_on,
        } => risk_meetings::action(&mut p, action_id, *meeting, *due_on),
        EventKind::ProtectiveOrderRecorded {
            order_id,
            ends_on,
            previous_ends_on,
        } => after_outcome::order_recorded(&mut p, order_id, *ends_on, *previous_ends_on),
        EventKind::ProtectiveOrderEnded { order_id } => {
            after_outcome::order_ended(&mut p, order_id)
        }
        EventKind::ReviewableDecisionRecorded {
            decision_id,
            by,
            told_on,
        } => after_outcome::decision_recorded(&mut p, decision_id, *by, *told_on),
        EventKind::CompensationIncidentRecorded {
            claim_id,
            incident_on,
            previous_incident_on,
        } => {
            after_outcome::incident_recorded(&mut p, claim_id, *incident_on, *previous_incident_on)
        }
    }
    p.plan
}

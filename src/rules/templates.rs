//! Notice template keys and, for each, the only data keys it may carry.

use serde::{Deserialize, Serialize};

macro_rules! template_keys {
    ($($variant:ident => $key:literal: [$($field:literal),* $(,)?];)*) => {
        /// A notice template. Rendered from `templates/notices/<language>/<key>.hbs`.
        #[derive(Debug, Clone, Copy, Serialize, Deserialize, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum TemplateKey {
            $(#[serde(rename = $key)] $variant,)*
        }

        impl TemplateKey {
            pub const ALL: &'static [TemplateKey] = &[$(TemplateKey::$variant,)*];

            pub fn as_str(self) -> &'static str {
                match self { $(TemplateKey::$variant => $key,)* }
            }

            /// The data keys this template may receive; anything else is
            /// dropped before a notice is planned.
            pub fn allow_list(self) -> &'static [&'static str] {
                match self { $(TemplateKey::$variant => &[$($field),*],)* }
            }
        }
    };
}

template_keys! {
    HearingDetailsVictim => "hearing.details.victim": [
        "case_reference", "court_name", "hearing_kind", "hearing_date", "hearing_time",
        "hearing_start", "victim_gives_evidence", "warned_until",
    ];
    HearingDetailsSupporter => "hearing.details.supporter": [
        "case_reference", "victim_reference", "court_name", "hearing_kind", "hearing_date",
        "hearing_time", "hearing_start", "victim_gives_evidence", "warned_until", "relay_to_victim",
    ];
    HearingChangeVictim => "hearing.change.victim": [
        "change", "previous_date", "previous_time", "previous_court", "case_reference",
        "court_name", "hearing_kind", "hearing_date", "hearing_time", "hearing_start",
        "victim_gives_evidence", "warned_until",
    ];
    HearingChangeSupporter => "hearing.change.supporter": [
        "change", "previous_date", "previous_time", "previous_court", "case_reference",
        "victim_reference", "court_name", "hearing_kind", "hearing_date", "hearing_time",
        "hearing_start", "victim_gives_evidence", "warned_until", "relay_to_victim",
    ];
    HearingChangeAgency => "hearing.change.agency": [
        "change", "previous_date", "previous_time", "previous_court", "case_reference",
        "victim_reference", "court_name", "hearing_kind", "hearing_date", "hearing_time",
        "hearing_start", "court_needs",
    ];
    HearingFixedVictim => "hearing.fixed.victim": [
        "case_reference", "court_name", "hearing_kind", "hearing_date", "hearing_time",
        "hearing_start", "victim_gives_evidence", "warned_until",
    ];
    HearingFixedSupporter => "hearing.fixed.supporter": [
        "case_reference", "victim_reference", "court_name", "hearing_kind", "hearing_date",
        "hearing_time", "hearing_start", "victim_gives_evidence", "warned_until", "relay_to_victim",
    ];
    HearingOutcomeVictim => "hearing.outcome.victim": [
        "case_reference", "court_name", "hearing_kind", "hearing_date", "outcome",
        "outcome_description",
    ];
    HearingOutcomeSupporter => "hearing.outcome.supporter": [
        "case_reference", "victim_reference", "court_name", "hearing_kind", "hearing_date",
        "outcome", "outcome_description", "relay_to_victim",
    ];
    SupporterInPlace => "criminal.supporter_in_place": [
        "case_reference", "victim_reference", "supporter_name", "supporter_role",
        "organisation_name", "organisation_contact", "court_name", "hearing_kind",
        "hearing_date", "hearing_time",
    ];
    CompanionRequest => "criminal.companion_request": [
        "case_reference", "victim_reference", "supporter_name", "supporter_role",
        "organisation_name", "organisation_contact", "court_name", "hearing_kind",
        "hearing_date", "hearing_time", "victim_wishes_companion", "raise_by", "court_needs",
    ];
    WitnessServiceRequest => "criminal.witness_service_request": [
        "case_reference", "victim_reference", "supporter_name", "supporter_role",
        "organisation_name", "organisation_contact", "court_name", "hearing_kind",
        "hearing_date", "hearing_time", "supporter_in_place", "pre_trial_visit_requested",
        "visit_to_suit_victim_and_supporter", "safe_entrances_exits_and_waiting_requested",
        "visit_wanted_by", "court_needs",
    ];
    AttendanceDecision => "criminal.attendance_decision": [
        "case_reference", "victim_reference", "court_name", "hearing_date", "hearing_time",
        "decision", "conditions", "reason",
    ];
    AttendanceWithdrawn => "criminal.attendance_withdrawn": [
        "case_reference", "victim_reference", "supporter_name", "court_name", "hearing_date",
    ];
    AdvisorNotice => "criminal.advisor_notice": [
        "advisor_present", "advisor_name", "witness_name", "organisation_name",
        "organisation_address", "not_for_public_disclosure",
    ];
    PreTrialVisitRequest => "criminal.pre_trial_visit_request": [
        "case_reference", "victim_reference", "supporter_name", "supporter_role",
        "organisation_name", "organisation_contact", "court_name", "hearing_date",
        "visit_to_suit_victim_and_supporter", "safe_entrances_exits_and_waiting_requested",
        "visit_wanted_by",
    ];
    PreTrialVisitArrangedVictim => "criminal.pre_trial_visit_arranged.victim": [
        "case_reference", "visit_court", "visit_date", "visit_time", "visit_start",
    ];
    PreTrialVisitArrangedSupporter => "criminal.pre_trial_visit_arranged.supporter": [
        "case_reference", "victim_reference", "visit_court", "visit_date", "visit_time",
        "visit_start", "relay_to_victim",
    ];
    PreTrialVisitCancelledVictim => "criminal.pre_trial_visit_cancelled.victim": [
        "case_reference", "visit_court", "visit_date", "visit_time", "visit_start",
    ];
    PreTrialVisitCancelledSupporter => "criminal.pre_trial_visit_cancelled.supporter": [
        "case_reference", "victim_reference", "visit_court", "visit_date", "visit_time",
        "visit_start", "relay_to_victim",
    ];
    FamilyAdvanceIdentification => "family.advance_identification": [
        "adviser_name", "adviser_role", "organisation_name", "organisation_contact",
        "party_name", "case_reference", "court_name", "hearing_date", "hearing_time",
        "hearing_start",
    ];
    FamilyOnTheDayChecklist => "family.on_the_day_checklist": [
        "case_reference", "victim_reference", "court_name", "hearing_date", "hearing_time",
        "hearing_start", "adviser_name", "adviser_role", "organisation_name",
        "organisation_contact",
    ];
    CourtNeedsUpdate => "court_needs.update": [
        "case_reference", "victim_reference", "court_name", "hearing_kind", "hearing_date",
        "hearing_time", "court_needs",
    ];
    CpsMeetingWish => "cps_meeting.wish": [
        "case_reference", "victim_reference", "meeting_declined", "supporter_wanted",
        "meeting_date", "meeting_time", "supporter_name", "supporter_role",
        "organisation_name", "organisation_contact",
    ];
    TrialProgressVictim => "trial_progress.victim": ["update", "update_date", "update_time"];
    TrialProgressContact => "trial_progress.contact": ["update", "update_date", "update_time"];
    // Put before the copy of a child's notice sent to her responsible
    // adult: it carries no data of its own.
    ResponsibleAdultPreface => "responsible_adult.preface": [];
    SpecialMeasuresDiscussionHeld => "special_measures.discussion_held": [
        "case_reference", "victim_reference", "setting", "measures", "discussed_on",
    ];
    ParoleMilestone => "parole.milestone": [
        "victim_reference", "milestone", "date", "hearing_format", "decision",
        "decision_due", "reconsideration_window_ends", "release_month", "licence_conditions",
        "statement_due",
    ];
    UpdateVictim => "update.victim": ["case_reference", "from", "topic"];
    UpdateSupporter => "update.supporter": [
        "case_reference", "victim_reference", "from", "topic", "relay_to_victim",
    ];
    ContactChanged => "routing.contact_changed": [
        "case_reference", "victim_reference", "supporter_name", "supporter_role",
        "organisation_name", "organisation_contact", "spoc", "court_name",
        "hearing_kind", "hearing_date", "hearing_time",
    ];
    DirectContactMade => "update.direct_contact_made": [
        "case_reference", "victim_reference", "from", "topic",
    ];
    ReminderHearingSupporter => "reminder.hearing.supporter": [
        "case_reference", "victim_reference", "court_name", "hearing_kind", "hearing_date",
        "hearing_time", "hearing_start", "warned_until", "reminder_label",
    ];
    ReminderVisitSupporter => "reminder.visit.supporter": [
        "case_reference", "victim_reference", "visit_court", "visit_date", "visit_time",
        "visit_start", "reminder_label",
    ];
    DeadlineAlert => "deadline.alert": [
        "alert", "case_reference", "victim_reference", "due_date", "due_time",
    ];
    DailyDigest => "digest.supporter": ["date", "hearings", "visits", "parole", "meetings", "statements", "deadlines", "reminders"];
    EscalationUnacknowledged => "escalation.unacknowledged": [
        "case_reference", "victim_reference", "notice_kind", "sent_to", "sent_date",
        "acknowledge_by_date", "acknowledge_by_time",
    ];
    SignInFailures => "account.sign_in_failures": [
        "failures", "first_date", "first_time", "last_date", "last_time",
    ];
}

impl TemplateKey {
    /// Where the template for a language lives; adding a language is adding
    /// files and listing the language in the rules data.
    pub fn path(self, language: &str) -> String {
        format!("templates/notices/{language}/{}.hbs", self.as_str())
    }
}

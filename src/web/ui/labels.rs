//! Plain-English words for the stored vocabulary, for the pages.

use serde_json::Value;

use crate::domain::*;

pub fn role(r: Role) -> &'static str {
    match r {
        Role::Supporter => "Supporter",
        Role::WitnessCareOfficer => "Witness care officer",
        Role::VictimLiaisonOfficer => "Victim liaison officer",
        Role::CourtStaff => "Court staff",
        Role::WitnessServiceStaff => "Witness Service",
        Role::Manager => "Manager",
        Role::Admin => "Administrator",
    }
}

/// A risk meeting's kind in words.
pub fn risk_meeting_kind(k: crate::domain::RiskMeetingKind) -> &'static str {
    match k {
        crate::domain::RiskMeetingKind::Marac => "MARAC meeting",
        crate::domain::RiskMeetingKind::Mappa => "MAPPA meeting",
    }
}

/// A statement appointment's kind in words.
pub fn statement_appointment_kind(k: crate::domain::StatementAppointmentKind) -> &'static str {
    match k {
        crate::domain::StatementAppointmentKind::Statement => "Witness statement",
        crate::domain::StatementAppointmentKind::AbeInterview => "ABE (video-recorded) interview",
    }
}

/// Who carries a risk meeting's action, in words.
pub fn risk_action_owner(o: crate::domain::RiskActionOwner) -> &'static str {
    match o {
        crate::domain::RiskActionOwner::Supporter => "You (the victim's supporter)",
        crate::domain::RiskActionOwner::Agency => "Another agency",
    }
}

pub fn hearing_kind(k: HearingKind) -> &'static str {
    use HearingKind::*;
    match k {
        FirstAppearance => "First appearance",
        PleaAndTrialPreparation => "Plea and trial preparation hearing",
        Mention => "Mention",
        GroundRules => "Ground rules hearing",
        Trial => "Trial",
        Sentencing => "Sentencing",
        Appeal => "Appeal",
        FirstHearingDisputeResolution => "First hearing dispute resolution appointment",
        DisputeResolutionAppointment => "Dispute resolution appointment",
        Directions => "Directions hearing",
        FactFinding => "Fact-finding hearing",
        FinalHearing => "Final hearing",
        ProtectiveOrderReturn => "Return date (protective order)",
        Other => "Other hearing",
    }
}

pub fn hearing_status(s: HearingStatus) -> &'static str {
    match s {
        HearingStatus::Listed => "Listed",
        HearingStatus::Moved => "Moved",
        HearingStatus::Adjourned => "Adjourned",
        HearingStatus::Vacated => "Vacated",
        HearingStatus::Concluded => "Concluded",
    }
}

pub fn case_kind(k: CaseKind) -> &'static str {
    match k {
        CaseKind::Criminal => "Criminal",
        CaseKind::Family => "Family",
        CaseKind::Civil => "Civil",
    }
}

pub fn offence_group(g: OffenceGroup) -> &'static str {
    match g {
        OffenceGroup::RapeOrSeriousSexualOffence => "Rape or another serious sexual offence",
        OffenceGroup::DomesticAbuse => "Domestic abuse",
        OffenceGroup::Other => "Another offence",
    }
}

pub fn supporter_invitation(i: SupporterInvitation) -> &'static str {
    match i {
        SupporterInvitation::Undecided => "She has not decided yet",
        SupporterInvitation::Wanted => "Yes, she wants her supporter invited",
        SupporterInvitation::NotWanted => "No, she does not want her supporter invited",
    }
}

pub fn consent_scope(s: ConsentScope) -> &'static str {
    use ConsentScope::*;
    match s {
        CourtDatesToSupporter => "Share court dates with the supporter",
        SimultaneousUpdates => "Send the supporter the same updates as the victim",
        SpecialMeasuresToSupporter => "Share special-measures discussions with the supporter",
        ParoleToSupporter => "Share parole information with the supporter",
        WitnessServiceReferral => "Refer to the Witness Service",
        IdentifySupporterToCourt => "Identify the supporter to the court",
        TrialProgressToContact => "Tell a contact she chose how her trial is going on the day",
        ResponsibleAdultUpdates => {
            "While she is under 18, send her parent, guardian or appropriate adult what she is sent"
        }
    }
}

pub fn trial_update_kind(k: crate::domain::TrialUpdateKind) -> &'static str {
    use crate::domain::TrialUpdateKind::*;
    match k {
        Started => "The hearing has started",
        GivingEvidence => "She is giving evidence",
        FinishedGivingEvidence => "She has finished giving evidence",
        Break => "The court has taken a break",
        AdjournedToNextDay => "Adjourned to the next court day",
        FinishedForTheDay => "Finished for the day",
        JuryOut => "The jury is out",
        Verdict => "The verdict has been given",
    }
}

pub fn trial_update_audience(a: crate::domain::TrialUpdateAudience) -> &'static str {
    use crate::domain::TrialUpdateAudience::*;
    match a {
        Victim => "The victim",
        ChosenContact => "Her chosen contact",
        Supporter => "Her supporter",
        WitnessService => "The Witness Service",
    }
}

pub fn lawful_basis(b: LawfulBasis) -> &'static str {
    match b {
        LawfulBasis::Consent => "Consent",
        LawfulBasis::LegalObligation => "Legal obligation",
        LawfulBasis::VitalInterests => "Vital interests",
        LawfulBasis::PublicTask => "Public task",
        LawfulBasis::LegitimateInterests => "Legitimate interests",
    }
}

pub fn attendance_state(s: AttendanceState) -> &'static str {
    use AttendanceState::*;
    match s {
        Requested => "Requested",
        WcuInformed => "Witness care unit informed",
        CpsInformed => "CPS informed",
        IdentifiedToCourt => "Identified to the court",
        Allowed => "Allowed by the court",
        AllowedWithConditions => "Allowed with conditions",
        Refused => "Refused by the court",
        DirectedShouldNotAttend => "Court directed: should not attend",
        DirectedNeedNotAttend => "Court directed: need not attend",
        Attended => "Attended",
        Withdrawn => "Withdrawn",
    }
}

pub fn special_measure(m: SpecialMeasure) -> &'static str {
    use SpecialMeasure::*;
    match m {
        Screens => "Screens",
        LiveLink => "Live link",
        EvidenceInPrivate => "Evidence given in private",
        RemovalOfWigsAndGowns => "Removal of wigs and gowns",
        VideoRecordedEvidenceInChief => "Video-recorded evidence in chief",
        PreRecordedCrossExamination => "Pre-recorded cross-examination (section 28)",
        Intermediary => "Intermediary",
        CommunicationAids => "Communication aids",
    }
}

pub fn discussion_setting(s: DiscussionSetting) -> &'static str {
    match s {
        DiscussionSetting::StatementTaking => "While the statement was taken",
        DiscussionSetting::NeedsAssessment => "In the needs assessment",
        DiscussionSetting::Other => "Somewhere else",
    }
}

pub fn parole_kind(k: ParoleMilestoneKind) -> &'static str {
    use ParoleMilestoneKind::*;
    match k {
        ReviewStarted => "Parole review started",
        VictimPersonalStatementDue => "Victim personal statement due",
        HearingListed => "Parole hearing listed",
        HearingDeferred => "Parole hearing deferred or adjourned",
        DecisionExpected => "Decision expected",
        DecisionMade => "Decision made",
        ReconsiderationWindow => "Reconsideration window (decision provisional)",
        ReleaseDate => "Release date",
        LicenceConditions => "Licence conditions relevant to the victim",
    }
}

pub fn parole_format(f: ParoleHearingFormat) -> &'static str {
    match f {
        ParoleHearingFormat::Paper => "On the papers",
        ParoleHearingFormat::Oral => "Oral hearing",
    }
}

pub fn parole_decision(d: ParoleDecision) -> &'static str {
    match d {
        ParoleDecision::Release => "Release",
        ParoleDecision::NoRelease => "No release",
        ParoleDecision::OpenConditions => "Move to open conditions",
    }
}

pub fn visit_state(s: PreTrialVisitState) -> &'static str {
    match s {
        PreTrialVisitState::Requested => "Requested",
        PreTrialVisitState::Arranged => "Arranged",
        PreTrialVisitState::Attended => "Attended",
        PreTrialVisitState::Cancelled => "Cancelled",
    }
}

pub fn supporter_role(r: SupporterRole) -> &'static str {
    match r {
        SupporterRole::Idva => "IDVA",
        SupporterRole::Isva => "ISVA",
        SupporterRole::Chidva => "CHIDVA",
        SupporterRole::Chisva => "CHISVA",
        SupporterRole::CourtIdva => "Court IDVA",
        SupporterRole::OtherAdviser => "Independent adviser",
    }
}

/// What a notice template says, in a few words.
pub fn notice_template(key: &str) -> String {
    let text = match key {
        "hearing.details.victim" => "Hearing details, to the victim",
        "hearing.details.supporter" => "Hearing details, to the supporter",
        "hearing.change.victim" => "Hearing change, to the victim",
        "hearing.change.supporter" => "Hearing change, to the supporter",
        "hearing.change.agency" => "Hearing change, to an agency",
        "hearing.fixed.victim" => "Warned trial fixed at short notice, to the victim",
        "hearing.fixed.supporter" => "Warned trial fixed at short notice, to the supporter",
        "hearing.outcome.victim" => "Hearing outcome, to the victim",
        "hearing.outcome.supporter" => "Hearing outcome, to the supporter",
        "criminal.supporter_in_place" => "A supporter is in place",
        "criminal.companion_request" => "Request for the supporter to accompany the witness",
        "criminal.witness_service_request" => "Request to the Witness Service",
        "criminal.attendance_decision" => "The court's decision on attendance",
        "criminal.attendance_withdrawn" => "Attendance request withdrawn",
        "criminal.advisor_notice" => "Adviser's notice to the court (r.3.8(7))",
        "criminal.pre_trial_visit_request" => "Pre-trial visit request",
        "criminal.pre_trial_visit_arranged.victim" => "Pre-trial visit arranged, to the victim",
        "criminal.pre_trial_visit_arranged.supporter" => {
            "Pre-trial visit arranged, to the supporter"
        }
        "criminal.pre_trial_visit_cancelled.victim" => "Pre-trial visit cancelled, to the victim",
        "criminal.pre_trial_visit_cancelled.supporter" => {
            "Pre-trial visit cancelled, to the supporter"
        }
        "routing.contact_changed" => "New supporter or single point of contact, to an agency",
        "family.advance_identification" => "Adviser identified to the family court in advance",
        "family.on_the_day_checklist" => "On-the-day checklist",
        "special_measures.discussion_held" => "Special-measures discussion held",
        "court_needs.update" => "Needs at court updated, to a partner",
        "trial_progress.victim" => "Trial-progress update, to the victim",
        "trial_progress.contact" => "Trial-progress update, to her chosen contact",
        "responsible_adult.preface" => "Why her responsible adult is sent a copy",
        "cps_meeting.wish" => "Her wish about the CPS meeting, to the prosecutor",
        "parole.milestone" => "Parole milestone",
        "update.victim" => "Case update, to the victim",
        "update.supporter" => "Case update, to the supporter",
        "update.direct_contact_made" => "The victim was contacted directly",
        "reminder.hearing.supporter" => "Reminder of the hearing, to the supporter",
        "reminder.visit.supporter" => "Reminder of the pre-trial visit, to the supporter",
        "deadline.alert" => "Alert: a deadline not yet met",
        "digest.supporter" => "Daily digest, to the supporter",
        "escalation.unacknowledged" => "Not acknowledged in time: escalated",
        "account.sign_in_failures" => "Warning: repeated failed sign-ins to your account",
        other => return other.replace(['.', '_'], " "),
    };
    text.to_string()
}

pub fn recipient_kind(kind: &str) -> &'static str {
    match kind {
        "supporter" => "Supporter",
        "victim" => "Victim",
        "witness_care_unit" => "Witness care unit",
        "prosecutor" => "CPS",
        "witness_service" => "Witness Service",
        "court" => "Court",
        "victim_liaison_officer" => "Victim liaison officer",
        "victim_contact" => "Her chosen contact",
        "responsible_adult" => "Her parent, guardian or appropriate adult",
        _ => "Someone else",
    }
}

pub fn notice_state(state: &str) -> &'static str {
    match state {
        "pending" => "Planned",
        "sending" => "Sending",
        "sent" => "Sent",
        "failed" => "Failed, will retry",
        "dead" => "Not delivered",
        "cancelled" => "Cancelled",
        _ => "Unknown",
    }
}

/// A tag colour class for a notice state.
pub fn notice_state_tag(state: &str) -> &'static str {
    match state {
        "sent" => "tag--green",
        "failed" | "dead" => "tag--red",
        "cancelled" => "tag--grey",
        _ => "tag--blue",
    }
}

pub fn channel(c: &str) -> &'static str {
    match c {
        "email" => "Email",
        "victim_preferred" => "The victim's safe channel",
        "in_person" => "In person",
        _ => "Other",
    }
}

fn words(snake: &str) -> String {
    let text = snake.replace('_', " ");
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// Why a disclosure is allowed, from a notice's stored basis.
pub fn basis(basis: &Value) -> String {
    let kind = basis.get("kind").and_then(Value::as_str).unwrap_or("");
    match kind {
        "data_subject" => "The victim's own information".to_string(),
        "consent" => {
            let scope = basis.get("scope").and_then(Value::as_str).unwrap_or("");
            match ConsentScope::parse(scope) {
                Some(s) => format!("Consent: {}", consent_scope(s).to_lowercase()),
                None => "Consent".to_string(),
            }
        }
        "spoc_agreement" => {
            let on = basis
                .get("agreed_on")
                .and_then(Value::as_str)
                .and_then(|d| chrono::NaiveDate::parse_from_str(d, "%Y-%m-%d").ok())
                .map(|d| d.format(" of %-d %B %Y").to_string())
                .unwrap_or_default();
            format!("Single point of contact agreement{on}")
        }
        "lawful" => {
            let b = basis.get("basis").and_then(Value::as_str).unwrap_or("");
            let name = LawfulBasis::parse(b)
                .map(lawful_basis)
                .map(str::to_string)
                .unwrap_or_else(|| words(b));
            format!("{name} (recorded reason, not consent)")
        }
        _ => "Not recorded".to_string(),
    }
}

pub fn task_kind(kind: &str) -> String {
    let text = match kind {
        "record_wish_to_accompany" => "Record the victim's wish to be accompanied",
        "record_supporter_in_needs_assessment" => "Record the supporter in the needs assessment",
        "raise_companion_with_court" => "Raise the companion with the court",
        "arrange_pre_trial_visit" => "Arrange a pre-trial visit",
        "tell_victim_of_attendance_decision" => "Tell the victim the court's decision",
        "review_attendance_request" => "Review the attendance request",
        "tell_party_of_direction" => "Tell the party of the court's direction",
        "update_victim_of_outcome" => "Tell the victim the outcome",
        "apply_for_special_measures" => "Apply for special measures",
        "refer_to_victim_contact_scheme" => "Refer to the Victim Contact Scheme",
        "offer_support_referral" => "Offer a referral to support",
        "contact_victim_directly" => "Contact the victim directly",
        "tell_victim_what_was_shared" => "Tell the victim what was shared",
        "send_risk_meeting_paperwork" => "Send the referral form or update for a risk meeting",
        "carry_risk_meeting_action" => "Carry out an action from a risk meeting",
        "remind_of_statement_appointment" => "Statement or ABE interview coming up",
        "discuss_order_renewal" => "Talk to the victim about renewing or extending the order",
        "discuss_right_to_review" => "Talk to the victim about asking for a review",
        "discuss_compensation" => "Talk to the victim about criminal injuries compensation",
        "ask_about_cps_meeting" => "Ask her about the CPS meeting",
        "attend_cps_meeting" => "Go with her to the CPS meeting",
        "offer_victim_personal_statement" => "Offer a victim personal statement",
        other => return words(other),
    };
    text.to_string()
}

pub fn task_role(role: &str) -> String {
    match role {
        "supporter" => "Supporter".into(),
        "witness_care_officer" => "Witness care officer".into(),
        "prosecutor" => "CPS".into(),
        "witness_service" => "Witness Service".into(),
        "court" => "Court".into(),
        "victim_liaison_officer" => "Victim liaison officer".into(),
        "agency" => "The agency holding the update".into(),
        other => words(other),
    }
}

pub fn deadline_kind(kind: &str) -> String {
    let text = match kind {
        "victim_told_of_hearing" => "Victim told of the hearing",
        "supporter_told_of_hearing" => "Supporter told of the hearing",
        "victim_told_of_outcome" => "Victim told of the outcome",
        "supporter_told_of_outcome" => "Supporter told of the outcome",
        "wco_updates_victim_of_outcome" => "Witness care tells the victim the outcome",
        "cps_informed_of_supporter" => "CPS told a supporter will attend",
        "attendance_raised_with_court" => "Supporter's attendance raised with the court",
        "pre_trial_visit_arranged" => "Pre-trial visit arranged",
        "special_measures_application" => "Special-measures application made",
        "victim_contact_scheme_referral" => "Referral to the Victim Contact Scheme",
        "vlo_contacts_victim" => "Victim liaison officer contacts the victim",
        "parole_decision_due" => "Parole decision due",
        "reconsideration_window_ends" => "Reconsideration window ends",
        "risk_meeting_paperwork" => "Referral form or update due for a risk meeting",
        "protective_order_renewal_discussed" => "Renewing the protective order discussed",
        "right_to_review_prompt_request" => "Review asked for promptly (Victims' Right to Review)",
        "right_to_review_request" => "Last day to ask for a review (Victims' Right to Review)",
        "compensation_application" => "Criminal injuries compensation application due",
        "cps_meeting_wish_recorded" => "Her wish about the CPS meeting recorded",
        "victim_personal_statement_offered" => "Victim personal statement offered",
        other => return words(other),
    };
    text.to_string()
}

pub fn sentence_type(t: crate::flows::SentenceType) -> &'static str {
    use crate::flows::SentenceType::*;
    match t {
        ImmediateCustody => "Immediate custody (prison)",
        Suspended => "Suspended sentence",
        CommunityOrder => "Community order",
        HospitalOrder => "Hospital order",
        Discharge => "Discharge",
        Fine => "Fine",
    }
}

/// How a hearing ended, in words, as the case page shows it.
pub fn hearing_outcome(o: &crate::flows::HearingOutcome) -> String {
    use crate::flows::HearingOutcome::*;
    match o {
        NotGuiltyPlea => "Not-guilty plea".into(),
        GuiltyPlea => "Guilty plea".into(),
        TrialListed => "Listed for trial".into(),
        Convicted => "Convicted".into(),
        Acquitted => "Acquitted".into(),
        Sentenced { sentence: None } => "Sentenced (no sentence recorded)".into(),
        Sentenced { sentence: Some(s) } => {
            let mut text = format!("Sentenced: {}", sentence_type(s.kind).to_lowercase());
            if let Some(m) = s.months {
                text.push_str(&format!(", {m} month{}", if m == 1 { "" } else { "s" }));
            }
            if s.specified_offence {
                text.push_str(", for a specified violent or sexual offence");
            }
            text
        }
        Discontinued => "Case discontinued".into(),
        OrderMade => "Order made".into(),
        Other { .. } => "Recorded before outcomes were structured (see the note)".into(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn bases_read_as_words() {
        assert_eq!(
            basis(&json!({"kind": "consent", "scope": "parole_to_supporter"})),
            "Consent: share parole information with the supporter"
        );
        assert_eq!(
            basis(&json!({"kind": "spoc_agreement", "agreed_on": "2026-02-18"})),
            "Single point of contact agreement of 18 February 2026"
        );
        assert_eq!(
            basis(&json!({"kind": "lawful", "basis": "vital_interests", "reason": "x"})),
            "Vital interests (recorded reason, not consent)"
        );
        assert_eq!(basis(&json!({})), "Not recorded");
    }

    #[test]
    fn every_notice_template_has_words() {
        for key in crate::flows::TemplateKey::ALL {
            let words = notice_template(key.as_str());
            assert!(
                words.chars().next().is_some_and(char::is_uppercase),
                "{} has no label",
                key.as_str()
            );
        }
    }

    #[test]
    fn unknown_keys_still_read() {
        assert_eq!(notice_template("new.kind_of_notice"), "new kind of notice");
        assert_eq!(task_kind("chase_the_court"), "Chase the court");
    }
}

/// A coded value's words in the page's language, from the page catalogue
/// (`<group>-<code>`, underscores as hyphens). The `&'static str` tables
/// above stay for the pages not yet in the catalogue.
fn coded(lang: super::i18n::Lang, group: &str, code: &str) -> String {
    super::i18n::text(lang, &format!("{group}-{}", code.replace('_', "-")))
}

pub fn role_in(lang: super::i18n::Lang, r: Role) -> String {
    coded(lang, "role", r.as_str())
}

pub fn case_kind_in(lang: super::i18n::Lang, k: CaseKind) -> String {
    coded(lang, "case-kind", k.as_str())
}

pub fn hearing_kind_in(lang: super::i18n::Lang, k: HearingKind) -> String {
    coded(lang, "hearing-kind", k.as_str())
}

pub fn hearing_status_in(lang: super::i18n::Lang, s: HearingStatus) -> String {
    coded(lang, "hearing-status", s.as_str())
}

pub fn attendance_state_in(lang: super::i18n::Lang, s: AttendanceState) -> String {
    coded(lang, "attendance-state", s.as_str())
}

#[cfg(test)]
mod catalogue_tests {
    use super::super::i18n::{self, Lang};
    use super::*;

    /// The coded values the catalogue words: every value of each has its
    /// key in both languages (a gap would show as the key or as English).
    #[test]
    fn every_coded_value_on_the_translated_pages_has_words_in_both_languages() {
        for lang in Lang::ALL {
            let ((), _, missing) = i18n::rendering(lang, || {
                Role::ALL.iter().for_each(|v| drop(role_in(lang, *v)));
                CaseKind::ALL
                    .iter()
                    .for_each(|v| drop(case_kind_in(lang, *v)));
                HearingKind::ALL
                    .iter()
                    .for_each(|v| drop(hearing_kind_in(lang, *v)));
                HearingStatus::ALL
                    .iter()
                    .for_each(|v| drop(hearing_status_in(lang, *v)));
                AttendanceState::ALL
                    .iter()
                    .for_each(|v| drop(attendance_state_in(lang, *v)));
                PreTrialVisitState::ALL
                    .iter()
                    .for_each(|v| drop(visit_state_in(lang, *v)));
                ParoleMilestoneKind::ALL
                    .iter()
                    .for_each(|v| drop(parole_kind_in(lang, *v)));
                RiskMeetingKind::ALL
                    .iter()
                    .for_each(|v| drop(risk_meeting_kind_in(lang, *v)));
                StatementAppointmentKind::ALL
                    .iter()
                    .for_each(|v| drop(statement_appointment_kind_in(lang, *v)));
                ConsentScope::ALL
                    .iter()
                    .for_each(|v| drop(consent_scope_in(lang, *v)));
                LawfulBasis::ALL
                    .iter()
                    .for_each(|v| drop(lawful_basis_in(lang, *v)));
            });
            assert!(missing.is_empty(), "{lang:?}: {missing:?}");
        }
        assert_eq!(
            hearing_kind_in(Lang::En, HearingKind::Trial),
            hearing_kind(HearingKind::Trial)
        );
    }
}

pub fn visit_state_in(lang: super::i18n::Lang, s: PreTrialVisitState) -> String {
    coded(lang, "visit-state", s.as_str())
}

pub fn parole_kind_in(lang: super::i18n::Lang, k: ParoleMilestoneKind) -> String {
    coded(lang, "parole-kind", k.as_str())
}

pub fn risk_meeting_kind_in(lang: super::i18n::Lang, k: crate::domain::RiskMeetingKind) -> String {
    coded(lang, "risk-meeting-kind", k.as_str())
}

pub fn statement_appointment_kind_in(
    lang: super::i18n::Lang,
    k: crate::domain::StatementAppointmentKind,
) -> String {
    coded(lang, "statement-appointment-kind", k.as_str())
}

/// A task's kind in words: from the catalogue for the kinds it has, else
/// the code's words.
pub fn task_kind_in(lang: super::i18n::Lang, kind: &str) -> String {
    let key = format!("task-kind-{}", kind.replace('_', "-"));
    if super::i18n::has(&key) {
        super::i18n::text(lang, &key)
    } else {
        words(kind)
    }
}

/// A deadline's kind in words, as `task_kind_in`.
pub fn deadline_kind_in(lang: super::i18n::Lang, kind: &str) -> String {
    let key = format!("deadline-kind-{}", kind.replace('_', "-"));
    if super::i18n::has(&key) {
        super::i18n::text(lang, &key)
    } else {
        words(kind)
    }
}

pub fn consent_scope_in(lang: super::i18n::Lang, s: ConsentScope) -> String {
    coded(lang, "consent-scope", s.as_str())
}

pub fn lawful_basis_in(lang: super::i18n::Lang, b: LawfulBasis) -> String {
    coded(lang, "lawful-basis", b.as_str())
}

/// A coded value from a table of text codes (`hearing.details.victim`,
/// `victim_preferred`): the catalogue's words where it has the code, else
/// the English table's.
fn listed(lang: super::i18n::Lang, group: &str, code: &str, english: String) -> String {
    let key = format!("{group}-{}", code.replace(['_', '.'], "-"));
    if super::i18n::has(&key) {
        super::i18n::text(lang, &key)
    } else {
        english
    }
}

pub fn notice_template_in(lang: super::i18n::Lang, key: &str) -> String {
    listed(lang, "notice-template", key, notice_template(key))
}

pub fn recipient_kind_in(lang: super::i18n::Lang, kind: &str) -> String {
    listed(
        lang,
        "recipient-kind",
        kind,
        recipient_kind(kind).to_owned(),
    )
}

pub fn notice_state_in(lang: super::i18n::Lang, state: &str) -> String {
    listed(lang, "notice-state", state, notice_state(state).to_owned())
}

pub fn channel_in(lang: super::i18n::Lang, c: &str) -> String {
    listed(lang, "channel", c, channel(c).to_owned())
}

// cy-service: the coded values of the service's own pages and the
// court-day records (issue #18), with their keys in service.ftl.

/// Options from a vocabulary, worded in the page's language.
pub fn options_in<T: Copy>(
    all: &[T],
    as_str: fn(T) -> &'static str,
    label: impl Fn(T) -> String,
) -> Vec<(String, String)> {
    all.iter()
        .map(|v| (as_str(*v).to_string(), label(*v)))
        .collect()
}

pub fn trial_update_kind_in(lang: super::i18n::Lang, k: crate::domain::TrialUpdateKind) -> String {
    coded(lang, "trial-update-kind", k.as_str())
}

pub fn trial_update_audience_in(
    lang: super::i18n::Lang,
    a: crate::domain::TrialUpdateAudience,
) -> String {
    coded(lang, "trial-update-audience", a.as_str())
}

pub fn organisation_kind_in(lang: super::i18n::Lang, k: OrganisationKind) -> String {
    coded(lang, "organisation-kind", k.as_str())
}

pub fn court_kind_in(lang: super::i18n::Lang, k: CourtKind) -> String {
    coded(lang, "court-kind", k.as_str())
}

pub fn protective_order_kind_in(
    lang: super::i18n::Lang,
    k: crate::domain::ProtectiveOrderKind,
) -> String {
    coded(lang, "protective-order-kind", k.as_str())
}

pub fn review_decision_maker_in(
    lang: super::i18n::Lang,
    d: crate::domain::ReviewDecisionMaker,
) -> String {
    coded(lang, "review-decision-maker", d.as_str())
}

pub fn reviewable_decision_in(
    lang: super::i18n::Lang,
    d: crate::domain::ReviewableDecision,
) -> String {
    coded(lang, "reviewable-decision", d.as_str())
}

pub fn supporter_invitation_in(lang: super::i18n::Lang, i: SupporterInvitation) -> String {
    coded(lang, "supporter-invitation", i.as_str())
}

pub fn risk_action_owner_in(lang: super::i18n::Lang, o: crate::domain::RiskActionOwner) -> String {
    coded(lang, "risk-action-owner", o.as_str())
}

pub fn responsible_adult_relationship_in(
    lang: super::i18n::Lang,
    r: crate::domain::ResponsibleAdultRelationship,
) -> String {
    coded(lang, "responsible-adult-relationship", r.as_str())
}

pub fn nation_in(lang: super::i18n::Lang, n: Nation) -> String {
    coded(lang, "nation", n.as_str())
}

#[cfg(test)]
mod cy_service_tests {
    use super::super::i18n::{self, Lang};
    use super::*;

    /// Every value of the vocabularies the service's pages word has its
    /// key in both languages.
    #[test]
    fn every_coded_value_on_the_service_pages_has_words_in_both_languages() {
        for lang in Lang::ALL {
            let ((), _, missing) = i18n::rendering(lang, || {
                crate::domain::TrialUpdateKind::ALL
                    .iter()
                    .for_each(|v| drop(trial_update_kind_in(lang, *v)));
                crate::domain::TrialUpdateAudience::ALL
                    .iter()
                    .for_each(|v| drop(trial_update_audience_in(lang, *v)));
                OrganisationKind::ALL
                    .iter()
                    .for_each(|v| drop(organisation_kind_in(lang, *v)));
                CourtKind::ALL
                    .iter()
                    .for_each(|v| drop(court_kind_in(lang, *v)));
                Nation::ALL.iter().for_each(|v| drop(nation_in(lang, *v)));
                crate::domain::ResponsibleAdultRelationship::ALL
                    .iter()
                    .for_each(|v| drop(responsible_adult_relationship_in(lang, *v)));
                crate::domain::RiskActionOwner::ALL
                    .iter()
                    .for_each(|v| drop(risk_action_owner_in(lang, *v)));
                SupporterInvitation::ALL
                    .iter()
                    .for_each(|v| drop(supporter_invitation_in(lang, *v)));
                crate::domain::ProtectiveOrderKind::ALL
                    .iter()
                    .for_each(|v| drop(protective_order_kind_in(lang, *v)));
                crate::domain::ReviewDecisionMaker::ALL
                    .iter()
                    .for_each(|v| drop(review_decision_maker_in(lang, *v)));
                crate::domain::ReviewableDecision::ALL
                    .iter()
                    .for_each(|v| drop(reviewable_decision_in(lang, *v)));
            });
            assert!(missing.is_empty(), "{lang:?}: {missing:?}");
        }
    }
}

// cy-records: the coded values of the records' pages in the page's
// language, with their keys in locales/*/records.ftl.

/// Why a disclosure is allowed, from a notice's stored basis, in the
/// page's language.
pub fn basis_in(lang: super::i18n::Lang, basis: &Value) -> String {
    use super::i18n::{text, text_with};
    let kind = basis.get("kind").and_then(Value::as_str).unwrap_or("");
    match kind {
        "data_subject" => text(lang, "basis-data-subject"),
        "consent" => {
            let scope = basis.get("scope").and_then(Value::as_str).unwrap_or("");
            match ConsentScope::parse(scope) {
                Some(s) => text_with(
                    lang,
                    "basis-consent-to",
                    &[("scope", consent_scope_in(lang, s).to_lowercase())],
                ),
                None => text(lang, "basis-consent"),
            }
        }
        "spoc_agreement" => {
            match basis
                .get("agreed_on")
                .and_then(Value::as_str)
                .and_then(|d| chrono::NaiveDate::parse_from_str(d, "%Y-%m-%d").ok())
            {
                Some(on) => text_with(
                    lang,
                    "basis-spoc-agreement-of",
                    &[(
                        "date",
                        match lang {
                            super::i18n::Lang::En => on.format("%-d %B %Y").to_string(),
                            super::i18n::Lang::Cy => super::i18n::day(lang, on),
                        },
                    )],
                ),
                None => text(lang, "basis-spoc-agreement"),
            }
        }
        "lawful" => {
            let b = basis.get("basis").and_then(Value::as_str).unwrap_or("");
            let name = LawfulBasis::parse(b)
                .map(|b| lawful_basis_in(lang, b))
                .unwrap_or_else(|| words(b));
            text_with(lang, "basis-lawful", &[("basis", name)])
        }
        _ => text(lang, "basis-not-recorded"),
    }
}

/// A victim's preferred language for letters and messages.
pub fn language_in(lang: super::i18n::Lang, l: Language) -> String {
    coded(lang, "victim-language", l.as_str())
}

/// A special measure, in the page's language.
pub fn special_measure_in(lang: super::i18n::Lang, m: SpecialMeasure) -> String {
    coded(lang, "special-measure", m.as_str())
}

/// Where a special-measures discussion took place, in the page's language.
pub fn discussion_setting_in(lang: super::i18n::Lang, s: DiscussionSetting) -> String {
    coded(lang, "discussion-setting", s.as_str())
}

/// A criminal case's offence group, in the page's language.
pub fn offence_group_in(lang: super::i18n::Lang, g: OffenceGroup) -> String {
    coded(lang, "offence-group", g.as_str())
}

/// A supporter's role for a victim, in the page's language (the
/// acronyms stay: IDVA, ISVA).
pub fn supporter_role_in(lang: super::i18n::Lang, r: SupporterRole) -> String {
    coded(lang, "supporter-role", r.as_str())
}

/// A parole hearing's format, in the page's language.
pub fn parole_format_in(lang: super::i18n::Lang, f: ParoleHearingFormat) -> String {
    coded(lang, "parole-format", f.as_str())
}

/// A parole decision, in the page's language.
pub fn parole_decision_in(lang: super::i18n::Lang, d: ParoleDecision) -> String {
    coded(lang, "parole-decision", d.as_str())
}

/// A sentence's type, in the page's language.
pub fn sentence_type_in(lang: super::i18n::Lang, t: crate::flows::SentenceType) -> String {
    coded(lang, "sentence-type", t.as_str())
}

#[cfg(test)]
mod records_catalogue_tests {
    use super::super::i18n::{self, Lang};
    use super::*;

    /// The coded values the records' pages word: every value has its key
    /// in both languages.
    #[test]
    fn every_coded_value_on_the_records_pages_has_words_in_both_languages() {
        for lang in Lang::ALL {
            let ((), _, missing) = i18n::rendering(lang, || {
                Language::ALL
                    .iter()
                    .for_each(|v| drop(language_in(lang, *v)));
                SpecialMeasure::ALL
                    .iter()
                    .for_each(|v| drop(special_measure_in(lang, *v)));
                DiscussionSetting::ALL
                    .iter()
                    .for_each(|v| drop(discussion_setting_in(lang, *v)));
                OffenceGroup::ALL
                    .iter()
                    .for_each(|v| drop(offence_group_in(lang, *v)));
                SupporterRole::ALL
                    .iter()
                    .for_each(|v| drop(supporter_role_in(lang, *v)));
                ParoleHearingFormat::ALL
                    .iter()
                    .for_each(|v| drop(parole_format_in(lang, *v)));
                ParoleDecision::ALL
                    .iter()
                    .for_each(|v| drop(parole_decision_in(lang, *v)));
                crate::flows::SentenceType::ALL
                    .iter()
                    .for_each(|v| drop(sentence_type_in(lang, *v)));
            });
            assert!(missing.is_empty(), "{lang:?}: {missing:?}");
        }
    }
}

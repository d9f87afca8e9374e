//! Every closed vocabulary in one place. Each enum is stored as its text
//! form and serialised the same way, so the database, the API and the
//! templates share one spelling.

/// Declares an enum stored and serialised as text.
macro_rules! text_enum {
    ($(#[$meta:meta])* $name:ident { $($(#[$vmeta:meta])* $variant:ident = $text:literal),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord,
                 serde::Serialize, serde::Deserialize)]
        pub enum $name {
            $($(#[$vmeta])* #[serde(rename = $text)] $variant),+
        }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            pub fn as_str(self) -> &'static str {
                match self { $($name::$variant => $text),+ }
            }

            pub fn parse(text: &str) -> Option<$name> {
                match text { $($text => Some($name::$variant),)+ _ => None }
            }

            /// Reads a stored value; an unknown one means the database was
            /// edited by hand or a migration is missing.
            pub fn from_db(text: &str) -> crate::error::AppResult<$name> {
                $name::parse(text).ok_or_else(|| crate::error::AppError::Internal(
                    format!("unknown {} stored: {}", stringify!($name), text)))
            }
        }

        // Written by hand: the derive does not see the per-variant renames
        // inside this macro, and the document must show the stored text.
        impl utoipa::PartialSchema for $name {
            fn schema() -> utoipa::openapi::RefOr<utoipa::openapi::schema::Schema> {
                utoipa::openapi::RefOr::T(utoipa::openapi::schema::Schema::Object(
                    utoipa::openapi::schema::ObjectBuilder::new()
                        .schema_type(utoipa::openapi::schema::Type::String)
                        .enum_values(Some([$($text),+]))
                        .build(),
                ))
            }
        }

        impl utoipa::ToSchema for $name {
            fn name() -> std::borrow::Cow<'static, str> {
                std::borrow::Cow::Borrowed(stringify!($name))
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }
    };
}

text_enum!(
    /// The kinds of organisation that work together around a victim.
    OrganisationKind {
        SupportService = "support_service",
        WitnessCareUnit = "witness_care_unit",
        CpsArea = "cps_area",
        WitnessService = "witness_service",
        Court = "court",
        ProbationRegion = "probation_region",
    }
);

text_enum!(
    /// What a user does; with their organisation and relationships it decides
    /// what they may see (see `policy`).
    Role {
        Supporter = "supporter",
        WitnessCareOfficer = "witness_care_officer",
        VictimLiaisonOfficer = "victim_liaison_officer",
        CourtStaff = "court_staff",
        WitnessServiceStaff = "witness_service_staff",
        Manager = "manager",
        Admin = "admin",
    }
);

text_enum!(
    CourtKind {
        Crown = "crown",
        Magistrates = "magistrates",
        Family = "family",
        Combined = "combined",
    }
);

text_enum!(
    Nation {
        England = "england",
        Wales = "wales",
    }
);

text_enum!(
    /// The supporter's role for this victim.
    SupporterRole {
        Idva = "idva",
        Isva = "isva",
        Chidva = "chidva",
        Chisva = "chisva",
        CourtIdva = "court_idva",
        OtherAdviser = "other_adviser",
    }
);

text_enum!(
    /// What a consent allows to be shared, and with whom.
    ConsentScope {
        CourtDatesToSupporter = "court_dates_to_supporter",
        SimultaneousUpdates = "simultaneous_updates",
        SpecialMeasuresToSupporter = "special_measures_to_supporter",
        ParoleToSupporter = "parole_to_supporter",
        WitnessServiceReferral = "witness_service_referral",
        IdentifySupporterToCourt = "identify_supporter_to_court",
        /// Tell a contact the victim chose how her trial is going on the
        /// day (trial-progress messages).
        TrialProgressToContact = "trial_progress_to_contact",
        /// While she is under 18, send her parent, guardian or appropriate
        /// adult what is sent to her (a recorded lawful basis under this
        /// scope covers the responsible adults only).
        ResponsibleAdultUpdates = "responsible_adult_updates",
    }
);

text_enum!(
    /// UK GDPR Art. 6 basis for a disclosure.
    LawfulBasis {
        Consent = "consent",
        LegalObligation = "legal_obligation",
        VitalInterests = "vital_interests",
        PublicTask = "public_task",
        LegitimateInterests = "legitimate_interests",
    }
);

text_enum!(
    CaseKind {
        Criminal = "criminal",
        Family = "family",
        Civil = "civil",
    }
);

text_enum!(
    /// What a criminal case is about, as far as the rules need it: a
    /// not-guilty plea in a rape or serious sexual offence case with an
    /// adult victim leads the CPS to offer her a meeting before trial.
    OffenceGroup {
        RapeOrSeriousSexualOffence = "rape_or_serious_sexual_offence",
        DomesticAbuse = "domestic_abuse",
        Other = "other",
    }
);

text_enum!(
    /// Whether the victim wants her supporter (her ISVA) invited to the
    /// CPS meeting before trial.
    SupporterInvitation {
        Undecided = "undecided",
        Wanted = "wanted",
        NotWanted = "not_wanted",
    }
);

text_enum!(
    CaseStatus {
        Open = "open",
        Closed = "closed",
    }
);

text_enum!(
    HearingKind {
        FirstAppearance = "first_appearance",
        PleaAndTrialPreparation = "plea_and_trial_preparation",
        Mention = "mention",
        GroundRules = "ground_rules",
        Trial = "trial",
        Sentencing = "sentencing",
        Appeal = "appeal",
        FirstHearingDisputeResolution = "first_hearing_dispute_resolution",
        DisputeResolutionAppointment = "dispute_resolution_appointment",
        Directions = "directions",
        FactFinding = "fact_finding",
        FinalHearing = "final_hearing",
        ProtectiveOrderReturn = "protective_order_return",
        Other = "other",
    }
);

impl HearingKind {
    /// Which kinds belong to which court jurisdiction; `Other` fits any.
    pub fn fits(self, case: CaseKind) -> bool {
        use HearingKind::*;
        match self {
            Other | Directions => true,
            FirstAppearance
            | PleaAndTrialPreparation
            | Mention
            | GroundRules
            | Trial
            | Sentencing
            | Appeal => case == CaseKind::Criminal,
            FirstHearingDisputeResolution
            | DisputeResolutionAppointment
            | FactFinding
            | FinalHearing
            | ProtectiveOrderReturn => case != CaseKind::Criminal,
        }
    }
}

text_enum!(
    HearingStatus {
        Listed = "listed",
        Moved = "moved",
        Adjourned = "adjourned",
        Vacated = "vacated",
        Concluded = "concluded",
    }
);

impl HearingStatus {
    /// The stored statuses of a hearing still to happen. Queries take it
    /// through `store::upcoming` (the one filter for upcoming hearings:
    /// planning, court-list matching, the digest, the checks before
    /// sending); in memory, through [`Self::is_upcoming`].
    pub const STILL_TO_HAPPEN: [&'static str; 2] = ["listed", "moved"];

    /// A hearing in one of these states is still to happen, so its start
    /// may not be in the past.
    pub fn is_upcoming(self) -> bool {
        Self::STILL_TO_HAPPEN.contains(&self.as_str())
    }

    /// Whether a hearing in this state starting at `starts_at` is upcoming
    /// at `now`: still to happen (not adjourned, vacated or concluded) and
    /// starting strictly after `now`.
    pub fn upcoming_at(
        self,
        starts_at: chrono::DateTime<chrono::Utc>,
        now: chrono::DateTime<chrono::Utc>,
    ) -> bool {
        self.is_upcoming() && starts_at > now
    }
}

#[cfg(test)]
mod upcoming_tests {
    use super::HearingStatus;
    use chrono::{Duration, TimeZone, Utc};

    #[test]
    fn an_upcoming_hearing_is_still_to_happen_and_starts_after_now() {
        let now = Utc.with_ymd_and_hms(2026, 3, 20, 9, 0, 0).unwrap();
        let table = [
            (HearingStatus::Listed, Duration::hours(1), true),
            (HearingStatus::Moved, Duration::days(3), true),
            (HearingStatus::Listed, Duration::zero(), false),
            (HearingStatus::Moved, -Duration::minutes(1), false),
            (HearingStatus::Adjourned, Duration::days(1), false),
            (HearingStatus::Vacated, Duration::days(1), false),
            (HearingStatus::Concluded, Duration::days(1), false),
        ];
        for (status, after, expected) in table {
            assert_eq!(
                status.upcoming_at(now + after, now),
                expected,
                "{status:?} {after}"
            );
        }
        for status in [
            HearingStatus::Listed,
            HearingStatus::Moved,
            HearingStatus::Adjourned,
            HearingStatus::Vacated,
            HearingStatus::Concluded,
        ] {
            assert_eq!(
                HearingStatus::STILL_TO_HAPPEN.contains(&status.as_str()),
                matches!(status, HearingStatus::Listed | HearingStatus::Moved),
                "{status:?}"
            );
        }
    }
}

text_enum!(
    PreTrialVisitState {
        Requested = "requested",
        Arranged = "arranged",
        Attended = "attended",
        Cancelled = "cancelled",
    }
);

text_enum!(
    ArrangedVia {
        WitnessCareUnit = "witness_care_unit",
        WitnessServiceDirect = "witness_service_direct",
    }
);

text_enum!(
    SpecialMeasure {
        Screens = "screens",
        LiveLink = "live_link",
        EvidenceInPrivate = "evidence_in_private",
        RemovalOfWigsAndGowns = "removal_of_wigs_and_gowns",
        VideoRecordedEvidenceInChief = "video_recorded_evidence_in_chief",
        PreRecordedCrossExamination = "pre_recorded_cross_examination",
        Intermediary = "intermediary",
        CommunicationAids = "communication_aids",
    }
);

text_enum!(
    DiscussionSetting {
        StatementTaking = "statement_taking",
        NeedsAssessment = "needs_assessment",
        Other = "other",
    }
);

text_enum!(
    ParoleMilestoneKind {
        ReviewStarted = "review_started",
        VictimPersonalStatementDue = "victim_personal_statement_due",
        HearingListed = "hearing_listed",
        HearingDeferred = "hearing_deferred",
        DecisionExpected = "decision_expected",
        DecisionMade = "decision_made",
        ReconsiderationWindow = "reconsideration_window",
        ReleaseDate = "release_date",
        LicenceConditions = "licence_conditions",
    }
);

text_enum!(
    ParoleHearingFormat {
        Paper = "paper",
        Oral = "oral",
    }
);

text_enum!(
    ParoleDecision {
        Release = "release",
        NoRelease = "no_release",
        OpenConditions = "open_conditions",
    }
);

text_enum!(
    /// Where a supporter-attendance request stands. Criminal requests go
    /// requested → WCU informed → CPS informed → the court's decision →
    /// attended or withdrawn; family requests are identified to the court
    /// and may be closed by a direction that the adviser should not or need
    /// not be present.
    AttendanceState {
        Requested = "requested",
        WcuInformed = "wcu_informed",
        CpsInformed = "cps_informed",
        IdentifiedToCourt = "identified_to_court",
        Allowed = "allowed",
        AllowedWithConditions = "allowed_with_conditions",
        Refused = "refused",
        DirectedShouldNotAttend = "directed_should_not_attend",
        DirectedNeedNotAttend = "directed_need_not_attend",
        Attended = "attended",
        Withdrawn = "withdrawn",
    }
);

impl AttendanceState {
    /// A closed request accepts no further change of state.
    pub fn is_closed(self) -> bool {
        use AttendanceState::*;
        matches!(
            self,
            Refused | DirectedShouldNotAttend | DirectedNeedNotAttend | Attended | Withdrawn
        )
    }

    /// Not yet closed: can still change.
    pub fn is_open(self) -> bool {
        !self.is_closed()
    }

    /// A criminal court has allowed the supporter to accompany the witness.
    pub fn is_allowed(self) -> bool {
        matches!(self, Self::Allowed | Self::AllowedWithConditions)
    }

    /// States that record a court's reasoned refusal or direction.
    pub fn needs_reason(self) -> bool {
        use AttendanceState::*;
        matches!(
            self,
            Refused | DirectedShouldNotAttend | DirectedNeedNotAttend
        )
    }
}

text_enum!(
    /// The category of a court's reason for refusing a supporter, or for
    /// directing that one should not or need not attend. Reports tally the
    /// category only; the free-text reason never leaves the record.
    DecisionReasonKind {
        NotInInterestsOfJustice = "not_in_interests_of_justice",
        NotNecessary = "not_necessary",
        SupporterIsWitness = "supporter_is_witness",
        RoomOrFacilities = "room_or_facilities",
        RequestTooLate = "request_too_late",
        Other = "other",
    }
);

text_enum!(
    /// A short update on how a hearing is going on the day, recorded by the
    /// supporter or the Witness Service (issue 19, item 3).
    TrialUpdateKind {
        Started = "started",
        GivingEvidence = "giving_evidence",
        FinishedGivingEvidence = "finished_giving_evidence",
        Break = "break",
        AdjournedToNextDay = "adjourned_to_next_day",
        FinishedForTheDay = "finished_for_the_day",
        JuryOut = "jury_out",
        Verdict = "verdict",
    }
);

text_enum!(
    /// Who was told an update in person, on the day.
    TrialUpdateAudience {
        Victim = "victim",
        ChosenContact = "chosen_contact",
        Supporter = "supporter",
        WitnessService = "witness_service",
    }
);

text_enum!(
    /// How a child victim's responsible adult stands to her (issue 19,
    /// item 9).
    ResponsibleAdultRelationship {
        Parent = "parent",
        Guardian = "guardian",
        AppropriateAdult = "appropriate_adult",
    }
);

text_enum!(
    /// Who excluded a person from being told anything about the victim.
    ExcludedBy {
        Victim = "victim",
        Court = "court",
    }
);

text_enum!(
    /// A multi-agency risk meeting about a victim (issue 19, item 7): a
    /// MARAC (high-risk domestic abuse) or a MAPPA meeting.
    RiskMeetingKind {
        Marac = "marac",
        Mappa = "mappa",
    }
);

text_enum!(
    /// Who carries an action agreed at a risk meeting: the victim's
    /// supporter, or another agency (named by its organisation).
    RiskActionOwner {
        Supporter = "supporter",
        Agency = "agency",
    }
);

text_enum!(
    /// An appointment at which the police take the victim's evidence
    /// (issue 19, item 4): a written witness statement, or an Achieving
    /// Best Evidence (ABE) video-recorded interview.
    StatementAppointmentKind {
        Statement = "statement",
        AbeInterview = "abe_interview",
    }
);

text_enum!(
    /// Whether a statement appointment stands or was withdrawn.
    StatementAppointmentState {
        Booked = "booked",
        Cancelled = "cancelled",
    }
);

text_enum!(
    Language {
        English = "en",
        Welsh = "cy",
    }
);

text_enum!(
    /// A protective order recorded on a victim's case (issue 19, item 6).
    ProtectiveOrderKind {
        NonMolestation = "non_molestation",
        Occupation = "occupation",
        Restraining = "restraining",
        ProhibitedSteps = "prohibited_steps",
    }
);

text_enum!(
    /// Who made a decision the victim may ask to have reviewed.
    ReviewDecisionMaker {
        Police = "police",
        Cps = "cps",
    }
);

text_enum!(
    /// A decision the Victims' Right to Review schemes cover: not to charge
    /// (police no further action, or the CPS), or to stop a case (the CPS
    /// discontinues it or offers no evidence).
    ReviewableDecision {
        NotToCharge = "not_to_charge",
        Discontinued = "discontinued",
        NoEvidenceOffered = "no_evidence_offered",
    }
);

impl ReviewableDecision {
    /// Whether the decision stops a case already charged.
    pub fn stops_case(self) -> bool {
        !matches!(self, Self::NotToCharge)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_variant_round_trips_through_its_text() {
        fn check<T: Copy + PartialEq + std::fmt::Debug>(
            all: &[T],
            as_str: fn(T) -> &'static str,
            parse: fn(&str) -> Option<T>,
        ) {
            for v in all {
                assert_eq!(parse(as_str(*v)), Some(*v));
            }
        }
        check(Role::ALL, Role::as_str, Role::parse);
        check(HearingKind::ALL, HearingKind::as_str, HearingKind::parse);
        check(
            AttendanceState::ALL,
            AttendanceState::as_str,
            AttendanceState::parse,
        );
        check(ConsentScope::ALL, ConsentScope::as_str, ConsentScope::parse);
        assert_eq!(Role::parse("superuser"), None);
    }

    #[test]
    fn serde_uses_the_stored_text() {
        let json = serde_json::to_string(&HearingKind::PleaAndTrialPreparation).unwrap();
        assert_eq!(json, "\"plea_and_trial_preparation\"");
        let back: AttendanceState = serde_json::from_str("\"allowed_with_conditions\"").unwrap();
        assert_eq!(back, AttendanceState::AllowedWithConditions);
    }

    #[test]
    fn hearing_kinds_fit_their_jurisdiction() {
        let table = [
            (HearingKind::Trial, CaseKind::Criminal, true),
            (HearingKind::Trial, CaseKind::Family, false),
            (HearingKind::FactFinding, CaseKind::Family, true),
            (HearingKind::FactFinding, CaseKind::Criminal, false),
            (HearingKind::Directions, CaseKind::Criminal, true),
            (HearingKind::ProtectiveOrderReturn, CaseKind::Civil, true),
        ];
        for (kind, case, fits) in table {
            assert_eq!(kind.fits(case), fits, "{kind} in a {case} case");
        }
    }

    #[test]
    fn closed_attendance_states() {
        assert!(AttendanceState::Refused.is_closed());
        assert!(AttendanceState::Refused.needs_reason());
        assert!(!AttendanceState::CpsInformed.is_closed());
        assert!(!AttendanceState::Allowed.needs_reason());
    }
}

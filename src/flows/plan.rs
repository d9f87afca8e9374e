//! What the planner returns: notices to send, tasks for people, deadlines,
//! warnings, and what to cancel.

use crate::domain::{AttendanceState, ConsentScope, LawfulBasis};
use crate::rules::{Actor, TemplateKey};

pub use crate::rules::DeadlineKind;
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
pub struct Plan {
    pub notices: Vec<PlannedNotice>,
    pub tasks: Vec<Task>,
    pub deadlines: Vec<Deadline>,
    pub warnings: Vec<Warning>,
    /// Pending notices, reminders and tasks to stop.
    pub cancellations: Vec<Cancellation>,
    /// The attendance request's state after the event, where it changed.
    pub attendance_state: Option<AttendanceState>,
}

/// Who a notice goes to.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq, Hash)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Recipient {
    Supporter {
        user_id: String,
    },
    Victim {
        victim_id: String,
    },
    WitnessCareUnit {
        org_id: String,
    },
    Prosecutor,
    WitnessService {
        court: String,
    },
    Court {
        court: String,
    },
    VictimLiaisonOfficer,
    /// A contact the victim chose to be told how her trial is going (her
    /// trial-progress preference holds who, sealed).
    VictimContact {
        victim_id: String,
    },
    /// A child victim's parent, guardian or appropriate adult (issue 19,
    /// item 9): sent a copy of what she is sent while she is under 18.
    ResponsibleAdult {
        adult_id: String,
    },
}

listed_enum! {
    #[derive(Debug, Clone, Copy, Serialize, Deserialize, PartialEq, Eq, Hash)]
    #[serde(rename_all = "snake_case")]
    pub enum RecipientKind {
        Supporter,
        Victim,
        WitnessCareUnit,
        Prosecutor,
        WitnessService,
        Court,
        VictimLiaisonOfficer,
        VictimContact,
        ResponsibleAdult,
    }
}

impl Recipient {
    pub fn kind(&self) -> RecipientKind {
        match self {
            Self::Supporter { .. } => RecipientKind::Supporter,
            Self::Victim { .. } => RecipientKind::Victim,
            Self::WitnessCareUnit { .. } => RecipientKind::WitnessCareUnit,
            Self::Prosecutor => RecipientKind::Prosecutor,
            Self::WitnessService { .. } => RecipientKind::WitnessService,
            Self::Court { .. } => RecipientKind::Court,
            Self::VictimLiaisonOfficer => RecipientKind::VictimLiaisonOfficer,
            Self::VictimContact { .. } => RecipientKind::VictimContact,
            Self::ResponsibleAdult { .. } => RecipientKind::ResponsibleAdult,
        }
    }

    /// The recipient as it appears in an idempotency key.
    pub fn key(&self) -> String {
        match self {
            Self::Supporter { user_id } => format!("supporter:{user_id}"),
            Self::Victim { victim_id } => format!("victim:{victim_id}"),
            Self::WitnessCareUnit { org_id } => format!("wcu:{org_id}"),
            Self::Prosecutor => "prosecutor".into(),
            Self::WitnessService { court } => format!("witness_service:{court}"),
            Self::Court { court } => format!("court:{court}"),
            Self::VictimLiaisonOfficer => "vlo".into(),
            Self::VictimContact { victim_id } => format!("victim_contact:{victim_id}"),
            Self::ResponsibleAdult { adult_id } => format!("responsible_adult:{adult_id}"),
        }
    }
}

/// How a notice should reach its recipient. The victim's own channel is
/// resolved at delivery from their safe contact preferences, which the
/// planner never sees.
#[derive(Debug, Clone, Copy, Serialize, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum Channel {
    Email,
    VictimPreferred,
    /// Handed over or read out in person (the advisor's hearing-day notice).
    InPerson,
}

/// What kind of information a notice discloses.
#[derive(Debug, Clone, Copy, Serialize, Deserialize, PartialEq, Eq, Hash)]
#[serde(rename_all = "snake_case")]
pub enum DisclosureCategory {
    HearingDetails,
    HearingChange,
    HearingOutcome,
    SupporterArrangements,
    AdvisorIdentification,
    PreTrialVisit,
    SpecialMeasures,
    Parole,
    CaseUpdate,
    DirectContactMade,
    /// How a trial is going on the day (issue 19, item 3).
    TrialProgress,
}

/// Why a disclosure is allowed.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Basis {
    /// The victim's own information, to the victim.
    DataSubject,
    Consent {
        scope: ConsentScope,
    },
    /// The victim chose the supporter as single point of contact.
    SpocAgreement {
        agreed_on: NaiveDate,
    },
    Lawful {
        basis: LawfulBasis,
        reason: String,
    },
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct PlannedNotice {
    /// Deterministic: subject, version, flow step and recipient.
    pub idempotency_key: String,
    pub step: String,
    pub reconstructed: bool,
    pub citation: String,
    pub recipient: Recipient,
    pub channel: Channel,
    pub template: TemplateKey,
    pub language: String,
    /// Built only through the template's allow-list.
    pub data: Map<String, Value>,
    pub send_after: Option<DateTime<Utc>>,
    /// After this instant the notice is moot and must be cancelled, not sent.
    pub not_after: Option<DateTime<Utc>>,
    pub category: DisclosureCategory,
    pub basis: Basis,
    pub not_for_public_disclosure: bool,
}

#[derive(Debug, Clone, Copy, Serialize, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum TaskKind {
    RecordWishToAccompany,
    RecordSupporterInNeedsAssessment,
    RaiseCompanionWithCourt,
    ArrangePreTrialVisit,
    TellVictimOfAttendanceDecision,
    ReviewAttendanceRequest,
    TellPartyOfDirection,
    UpdateVictimOfOutcome,
    ApplyForSpecialMeasures,
    ReferToVictimContactScheme,
    OfferSupportReferral,
    ContactVictimDirectly,
    TellVictimWhatWasShared,
    /// Send the referral form (MARAC) or update (MAPPA) before a risk
    /// meeting; doing it meets the paperwork deadline.
    SendRiskMeetingPaperwork,
    /// An action agreed at a risk meeting that the supporter carries.
    CarryRiskMeetingAction,
    /// A reminder of a statement-taking or ABE-interview appointment, to
    /// the supporter booked for before and after, the alternative
    /// supporter or the officer.
    RemindOfStatementAppointment,
    DiscussOrderRenewal,
    DiscussRightToReview,
    DiscussCompensation,
    AskAboutCpsMeeting,
    AttendCpsMeeting,
    OfferVictimPersonalStatement,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Task {
    pub idempotency_key: String,
    pub step: String,
    pub reconstructed: bool,
    pub citation: String,
    /// The role that must act (from the step's data).
    pub role: Actor,
    /// A named person, where the planner knows one (the supporter).
    pub assignee: Option<String>,
    pub kind: TaskKind,
    pub due: Option<DateTime<Utc>>,
    /// Plain words without personal data.
    pub detail: String,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Deadline {
    pub key: String,
    pub kind: DeadlineKind,
    /// The day the limit was counted from (London date).
    pub counted_from: NaiveDate,
    /// The last day (London date).
    pub due_date: NaiveDate,
    /// The due instant: the rules' deadline time on `due_date`, London time.
    pub due: DateTime<Utc>,
    pub citation: String,
    /// False where the figure is reported but unconfirmed.
    pub confirmed: bool,
    /// True for a configurable local alert rather than a rule.
    pub operational: bool,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Warning {
    /// The victim is under 18 and no parent, guardian or appropriate adult
    /// who may be told is recorded: what went to her went to nobody else.
    NoResponsibleAdult {
        victim_id: String,
    },
    /// The same supporter sat in on the witness statement and is to support
    /// the victim at court: a risk of a witness-coaching challenge.
    SupporterPresentAtStatementAndCourt {
        supporter_user_id: String,
    },
    /// A disclosure was not planned: no consent and no recorded lawful
    /// basis. `withdrawn` lists relevant consents the victim withdrew.
    NoConsentToShare {
        recipient: Recipient,
        category: DisclosureCategory,
        template: TemplateKey,
        withdrawn: Vec<ConsentScope>,
    },
    /// The bank-holiday data does not cover a year a deadline spans.
    BankHolidayDataMissing {
        year: i32,
    },
    InvalidTransition {
        error: String,
    },
    MissingNoticeField {
        template: TemplateKey,
        field: String,
    },
    /// The notice's moment has passed; it was not planned.
    NoticeTooLate {
        template: TemplateKey,
        recipient: Recipient,
    },
    LanguageUnavailable {
        wanted: String,
        used: String,
    },
    StepNotConfigured {
        step: String,
    },
    MissingContext {
        what: String,
    },
    WishToAccompanyNotRecorded,
    /// The hearing is listed (added, moved, or moved by a court list) on
    /// a weekend or an England and Wales bank holiday, when courts do not
    /// normally sit: most likely a listing error, for the witness care
    /// officer to check with the court.
    HearingOnNonSittingDay {
        hearing_id: String,
        date: NaiveDate,
        day: super::listing::NonSittingDay,
        /// The bank holiday's name, where it is one.
        holiday: Option<String>,
    },
    /// A need at court was recorded fewer working days before the
    /// victim's next hearing than the court (or the rules table) wants for
    /// booking it: the witness care officer should book it at once. Names
    /// the need's kind only, never the language.
    CourtNeedShortNotice {
        need_id: String,
        need: String,
        hearing_id: String,
        hearing_date: NaiveDate,
        days_left: i64,
        wanted: i64,
    },
    /// A criminal hearing was listed or moved to a day too close to book
    /// the victim's needs at court (by the court's or the rules' figure):
    /// the witness care officer should book them at once. Kinds only.
    HearingSoonForNeeds {
        hearing_id: String,
        hearing_date: NaiveDate,
        needs: Vec<String>,
        days_left: i64,
        wanted: i64,
    },
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Cancellation {
    /// Every pending notice, reminder or task whose key starts with this.
    KeyPrefix { prefix: String },
    /// Every pending notice about this victim whose basis is this consent.
    ConsentScope {
        victim_id: String,
        scope: ConsentScope,
    },
}

//! The access policy: one place that says who may do what. Pure functions
//! over plain data, used by the API and (later) the pages alike.
//!
//! Two questions are asked of every request:
//! 1. may this role perform this action on this kind of record at all
//!    ([`permits`])? If not: 403.
//! 2. is this particular record within the actor's relationships
//!    ([`victim_scope`], applied by `store::scope`)? If not: 404, so that
//!    out-of-scope records are indistinguishable from missing ones.
//!
//! Every read, whatever the path (an API route, a page, the subject-access
//! export, a calendar feed, a rendered notice, the To do list), asks both
//! through one function, [`may_read`]: the role, the kind of record and
//! what it is about (a notice, task or deadline belongs to the court strand
//! of a victim's record or to the parole strand), and whether the victim is
//! within the actor's organisation's reach ([`Reach`]). So a witness care
//! officer never reads parole work, nor a victim liaison officer the
//! criminal case's hearings and notices, by any path.

use crate::domain::Role;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum ResourceKind {
    Organisation,
    User,
    Court,
    Victim,
    VictimSensitive,
    SupporterAssignment,
    Consent,
    Case,
    Hearing,
    PreTrialVisit,
    SpecialMeasuresDiscussion,
    ParoleMilestone,
    AttendanceRequest,
    /// Notices the flows planned (the outbox), read-only.
    Notice,
    /// Tasks the flows gave people.
    Task,
    /// Deadlines and warnings the flows raised, read-only.
    Deadline,
    /// An agency's update for a victim, routed by the flows.
    AgencyUpdate,
    /// A supporter's private calendar (ICS) feed of their own hearings
    /// and visits.
    CalendarFeed,
    /// A sign-in session: everyone sees and ends their own (administrators
    /// anyone's); sessions are created only by signing in.
    Session,
    /// A token issued to an integration, acting as one user.
    ApiToken,
    /// A published court list, imported and reconciled with the hearings.
    CourtList,
    /// A partner organisation's signed webhook endpoint for its notices.
    Webhook,
    /// Acknowledging a notice that needs action (its recipient does).
    NoticeAcknowledgement,
    /// An organisation's own reminder offsets for its supporters.
    ReminderRules,
    /// How a supporter gets their own reminders: each as its own message,
    /// or listed in their daily digest instead.
    ReminderDelivery,
    /// The anonymised partnership report (counts only), read-only.
    Report,
    /// A victim's safety plan for a court day: her supporter records it;
    /// the Witness Service at the court reads it under her consent or
    /// single point of contact agreement.
    SafetyPlan,
    /// The Witness Service marking a safety plan agreed.
    SafetyPlanAgreement,
    /// A trial-progress update on the day: the supporter or the Witness
    /// Service at the hearing's court records and reads them.
    TrialUpdate,
    /// Whether, and to whom, a victim wants trial-progress messages: her
    /// supporter records it with her.
    TrialUpdatePreference,
    /// A MARAC or MAPPA meeting about a victim, its paperwork deadline and
    /// the actions agreed at it: only her supporter handles them.
    RiskMeeting,
    /// The CPS's offer of a meeting before trial and the victim's wish
    /// about her supporter: her supporter records it; the witness care
    /// officer of the case reads it.
    CpsMeeting,
    /// A court's own booking lead time for needs at court: its court
    /// staff (or an administrator) set it; anyone working on hearings
    /// reads it.
    CourtNeedSetting,
    /// A statement-taking or ABE-interview appointment (issue 19, item
    /// 4): the victim's supporters and the witness care officers of her
    /// case's unit book, change and read it.
    StatementAppointment,
    /// A child victim's parent, guardian or appropriate adult, and any
    /// exclusion of them: her supporter and her witness care officer (the
    /// ones who talk to her and her family) record and read them.
    ResponsibleAdult,
}

impl ResourceKind {
    pub const ALL: &'static [ResourceKind] = &[
        ResourceKind::Organisation,
        ResourceKind::User,
        ResourceKind::Court,
        ResourceKind::Victim,
        ResourceKind::VictimSensitive,
        ResourceKind::SupporterAssignment,
        ResourceKind::Consent,
        ResourceKind::Case,
        ResourceKind::Hearing,
        ResourceKind::PreTrialVisit,
        ResourceKind::SpecialMeasuresDiscussion,
        ResourceKind::ParoleMilestone,
        ResourceKind::AttendanceRequest,
        ResourceKind::Notice,
        ResourceKind::Task,
        ResourceKind::Deadline,
        ResourceKind::AgencyUpdate,
        ResourceKind::CalendarFeed,
        ResourceKind::Session,
        ResourceKind::ApiToken,
        ResourceKind::CourtList,
        ResourceKind::Webhook,
        ResourceKind::NoticeAcknowledgement,
        ResourceKind::ReminderRules,
        ResourceKind::ReminderDelivery,
        ResourceKind::Report,
        ResourceKind::SafetyPlan,
        ResourceKind::SafetyPlanAgreement,
        ResourceKind::TrialUpdate,
        ResourceKind::TrialUpdatePreference,
        ResourceKind::RiskMeeting,
        ResourceKind::CpsMeeting,
        ResourceKind::CourtNeedSetting,
        ResourceKind::StatementAppointment,
        ResourceKind::ResponsibleAdult,
    ];
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Action {
    Read,
    Create,
    Update,
}

impl Action {
    pub fn verb(self) -> &'static str {
        match self {
            Action::Read => "read",
            Action::Create => "create",
            Action::Update => "change",
        }
    }
}

/// Whether `role` may perform `action` on records of `kind` at all.
///
/// Administrators run the directory (organisations, users, courts) and see
/// no victim data: nobody needs to be an administrator to support a victim.
pub fn permits(role: Role, kind: ResourceKind, action: Action) -> bool {
    use Action::*;
    use ResourceKind::*;
    use Role::*;
    match (kind, action) {
        // The directory: everyone reads organisations and courts; only
        // administrators change them.
        (Organisation | Court, Read) => true,
        (Organisation | Court, Create | Update) => role == Admin,
        (User, Read) => matches!(role, Admin | Manager),
        (User, Create | Update) => role == Admin,

        (Victim, Read) => matches!(
            role,
            Supporter | WitnessCareOfficer | VictimLiaisonOfficer | Manager
        ),
        (Victim, Create | Update) => matches!(role, Supporter | WitnessCareOfficer),
        (VictimSensitive, Read) => {
            matches!(role, Supporter | WitnessCareOfficer | VictimLiaisonOfficer)
        }
        (VictimSensitive, Create | Update) => matches!(role, Supporter | WitnessCareOfficer),

        (SupporterAssignment, Read) => matches!(
            role,
            Supporter | WitnessCareOfficer | VictimLiaisonOfficer | Manager
        ),
        (SupporterAssignment, Create | Update) => matches!(role, Supporter | Manager),

        (Consent, Read) => matches!(
            role,
            Supporter | WitnessCareOfficer | VictimLiaisonOfficer | Manager
        ),
        (Consent, Create | Update) => {
            matches!(role, Supporter | WitnessCareOfficer | VictimLiaisonOfficer)
        }

        (Case | Hearing | PreTrialVisit, Read) => {
            matches!(role, Supporter | WitnessCareOfficer | Manager)
        }
        (Case | Hearing | PreTrialVisit, Create | Update) => {
            matches!(role, Supporter | WitnessCareOfficer)
        }

        (SpecialMeasuresDiscussion, Read) => {
            matches!(role, Supporter | WitnessCareOfficer | Manager)
        }
        (SpecialMeasuresDiscussion, Create | Update) => role == WitnessCareOfficer,

        (ParoleMilestone, Read) => matches!(role, Supporter | VictimLiaisonOfficer | Manager),
        (ParoleMilestone, Create | Update) => role == VictimLiaisonOfficer,

        (AttendanceRequest, Read) => matches!(role, Supporter | WitnessCareOfficer | Manager),
        (AttendanceRequest, Create) => role == Supporter,
        (AttendanceRequest, Update) => matches!(role, Supporter | WitnessCareOfficer),

        // Notices are created only by the flows.
        (Notice, Read) => matches!(
            role,
            Supporter | WitnessCareOfficer | VictimLiaisonOfficer | Manager
        ),
        // Updating a notice means a manager's retry of a failed one.
        (Notice, Update) => role == Manager,
        (Notice, Create) => false,
        (Task, Read) => matches!(
            role,
            Supporter | WitnessCareOfficer | VictimLiaisonOfficer | Manager
        ),
        (Task, Update) => matches!(role, Supporter | WitnessCareOfficer | VictimLiaisonOfficer),
        (Task, Create) => false,
        (Deadline, Read) => matches!(
            role,
            Supporter | WitnessCareOfficer | VictimLiaisonOfficer | Manager
        ),
        (Deadline, Create | Update) => false,
        (AgencyUpdate, Create) => matches!(role, WitnessCareOfficer | VictimLiaisonOfficer),
        (AgencyUpdate, Read | Update) => false,
        // Supporters make, list and revoke their own feeds.
        (CalendarFeed, Read | Create | Update) => role == Supporter,
        // Ownership (or being an administrator) is checked per session.
        (Session, Read | Update) => true,
        (Session, Create) => false,
        // Issuing, listing and revoking integration tokens is directory
        // work.
        (ApiToken, Read | Create | Update) => role == Admin,
        // Witness care officers import their area's lists; administrators
        // any list.
        (CourtList, Create) => matches!(role, WitnessCareOfficer | Admin),
        (CourtList, Read) => matches!(role, WitnessCareOfficer | Manager | Admin),
        (CourtList, Update) => false,
        // Administrators for any organisation, managers for their own
        // (see `manages_webhooks_of`).
        (Webhook, Read | Create | Update) => matches!(role, Admin | Manager),
        // The recipient user, or a member of the recipient organisation
        // (see `may_acknowledge`); administrators receive no notices.
        (NoticeAcknowledgement, Create) => role != Admin,
        (NoticeAcknowledgement, Read | Update) => false,
        // Managers for their own organisation, administrators any (see
        // `manages_webhooks_of`, the same test).
        (ReminderRules, Read | Update) => matches!(role, Admin | Manager),
        (ReminderRules, Create) => false,
        // Reminders go to supporters, so only they choose how theirs come.
        (ReminderDelivery, Read | Update) => role == Supporter,
        (ReminderDelivery, Create) => false,
        // Managers see their own organisation's figures (checked again by
        // the report's filters); nobody writes a report.
        (Report, Read) => role == Manager,
        (Report, Create | Update) => false,
        // The supporter makes the plan with the victim; the Witness
        // Service reads it (within its court and the plan's basis, see
        // `app::safety_plans`) and marks it agreed. Managers and the
        // agencies that need no part of it do not read it.
        (SafetyPlan, Read) => matches!(role, Supporter | WitnessServiceStaff),
        (SafetyPlan, Create | Update) => role == Supporter,
        (SafetyPlanAgreement, Create) => role == WitnessServiceStaff,
        (SafetyPlanAgreement, Read | Update) => false,
        // On the day, whoever is with her at court records how it is going
        // (within reach: the supporter's victims, the Witness Service's
        // court, see `app::trial_updates`). An update is never changed.
        (TrialUpdate, Read | Create) => matches!(role, Supporter | WitnessServiceStaff),
        (TrialUpdate, Update) => false,
        // Who she wants told is agreed with her supporter.
        (TrialUpdatePreference, Read | Create | Update) => role == Supporter,
        // Risk meetings are the supporter's own work with the victim: no
        // other role reads them, nor the tasks and deadlines they make
        // (`task_about`, `deadline_about`).
        (RiskMeeting, Read | Create | Update) => role == Supporter,
        // Her wish about the CPS meeting is agreed with her supporter; the
        // witness care officer sees it beside the case.
        (CpsMeeting, Read) => matches!(role, Supporter | WitnessCareOfficer),
        (CpsMeeting, Create | Update) => role == Supporter,
        (CourtNeedSetting, Read) => role != VictimLiaisonOfficer,
        (CourtNeedSetting, Create | Update) => matches!(role, CourtStaff | Admin),
        // The supporter books herself around the police's appointment; the
        // witness care officer of the case may book or move it too, as the
        // police arrange the time (within reach, see
        // `app::statement_appointments`). Nobody else reads it.
        (StatementAppointment, Read | Create | Update) => {
            matches!(role, Supporter | WitnessCareOfficer)
        }
        // A child's safe adults are recorded with her by those who contact
        // her and her family (within reach, see `app::responsible_adults`).
        (ResponsibleAdult, Read | Create | Update) => {
            matches!(role, Supporter | WitnessCareOfficer)
        }
    }
}

/// Whether a victim's record is within the actor's organisation's
/// relationships ([`victim_scope`]: their own assignment as supporter,
/// their unit's case, their region's Victim Contact Scheme, their
/// organisation's caseload).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reach {
    Reached,
    /// Another organisation's victim, or nobody's.
    Unrelated,
}

/// The one read check. May `role` read a record of `kind`, about `about`
/// (the kind of record it belongs to: itself for a case or a hearing;
/// [`ResourceKind::Hearing`] or [`ResourceKind::ParoleMilestone`] for a
/// notice, task, deadline or warning, from [`notice_about`],
/// [`task_about`] and [`deadline_about`]), for a victim so reached?
///
/// A record the role may not read at all answers 403 where a route names
/// its kind; everything else the check refuses answers 404, as if it did
/// not exist.
pub fn may_read(role: Role, kind: ResourceKind, about: ResourceKind, reach: Reach) -> bool {
    reach == Reach::Reached
        && permits(role, kind, Action::Read)
        && (about == kind || permits(role, about, Action::Read))
}

/// Which strands of planned work (notices, tasks, deadlines) a role may
/// read, by [`may_read`]: for filtering lists in the database.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Strands {
    /// Court work: cases, hearings, visits, attendance, special measures.
    pub court: bool,
    /// Parole work: the Victim Contact Scheme.
    pub parole: bool,
    /// Risk meetings (MARAC, MAPPA): within the court strand's lists, the
    /// rows about them are shown only where this is true.
    pub risk: bool,
}

pub fn readable_strands(role: Role, kind: ResourceKind) -> Strands {
    Strands {
        court: may_read(role, kind, ResourceKind::Hearing, Reach::Reached),
        parole: may_read(role, kind, ResourceKind::ParoleMilestone, Reach::Reached),
        risk: may_read(role, kind, ResourceKind::RiskMeeting, Reach::Reached),
    }
}

/// The step prefix of the parole flows' planned work.
pub const PAROLE_STEP_PREFIX: &str = "parole.";
/// The step prefix of the risk meetings' planned work.
pub const RISK_STEP_PREFIX: &str = "risk_meeting.";
/// The deadlines that run for risk meetings.
pub const RISK_DEADLINE_KINDS: &[&str] = &["risk_meeting_paperwork"];
/// A notice's disclosure category for parole information.
pub const PAROLE_CATEGORY: &str = "parole";
/// The deadlines that run in the Victim Contact Scheme.
pub const PAROLE_DEADLINE_KINDS: &[&str] = &[
    "vlo_contacts_victim",
    "parole_decision_due",
    "reconsideration_window_ends",
];
/// The role whose tasks are Victim Contact Scheme work.
pub const PAROLE_TASK_ROLE: &str = "victim_liaison_officer";

/// What a notice is about: parole information (by its disclosure category
/// or its parole step) or the court strand.
pub fn notice_about(category: &str, step: &str) -> ResourceKind {
    if category == PAROLE_CATEGORY || step.starts_with(PAROLE_STEP_PREFIX) {
        ResourceKind::ParoleMilestone
    } else {
        ResourceKind::Hearing
    }
}

/// The task role a person's role works as: the tasks on their list are
/// those planned for it. Roles that are given no tasks work as `none`.
pub fn task_role(role: Role) -> &'static str {
    match role {
        Role::Supporter | Role::WitnessCareOfficer | Role::VictimLiaisonOfficer => role.as_str(),
        _ => "none",
    }
}

/// What a task is about: the victim liaison officer's tasks and the parole
/// steps' are parole work; the rest is the court strand.
pub fn task_about(step: &str, role: &str) -> ResourceKind {
    if step.starts_with(RISK_STEP_PREFIX) {
        ResourceKind::RiskMeeting
    } else if role == PAROLE_TASK_ROLE || step.starts_with(PAROLE_STEP_PREFIX) {
        ResourceKind::ParoleMilestone
    } else {
        ResourceKind::Hearing
    }
}

/// What a deadline is about.
pub fn deadline_about(kind: &str) -> ResourceKind {
    if RISK_DEADLINE_KINDS.contains(&kind) {
        ResourceKind::RiskMeeting
    } else if PAROLE_DEADLINE_KINDS.contains(&kind) {
        ResourceKind::ParoleMilestone
    } else {
        ResourceKind::Hearing
    }
}

/// Whether the actor may register, list or revoke the webhooks of this
/// organisation: an administrator any, a manager only their own.
pub fn manages_webhooks_of(actor: &Actor, organisation_id: &str) -> bool {
    match actor.role {
        Role::Admin => true,
        Role::Manager => actor.organisation_id == organisation_id,
        _ => false,
    }
}

/// Whether the actor may read or change this organisation's reminder
/// offsets: as for webhooks, an administrator any, a manager their own.
pub fn manages_reminders_of(actor: &Actor, organisation_id: &str) -> bool {
    manages_webhooks_of(actor, organisation_id)
}

/// Whether the actor may acknowledge a notice addressed to this user or
/// organisation: its recipient user, or any member of its recipient
/// organisation.
pub fn may_acknowledge(
    actor: &Actor,
    recipient_user_id: Option<&str>,
    recipient_organisation_id: Option<&str>,
) -> bool {
    permits(
        actor.role,
        ResourceKind::NoticeAcknowledgement,
        Action::Create,
    ) && (recipient_user_id == Some(actor.user_id.as_str())
        || recipient_organisation_id == Some(actor.organisation_id.as_str()))
}

/// Which victims an actor's relationships reach.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum VictimScope {
    /// Victims with a current assignment to this supporter.
    AssignedTo { supporter_id: String },
    /// Victims with a case handled by this witness care unit.
    CasesOfUnit { organisation_id: String },
    /// Victims in this probation region's Victim Contact Scheme.
    ProbationRegion { organisation_id: String },
    /// Victims reached by any colleague in this organisation.
    Organisation { organisation_id: String },
    /// None at all.
    Nothing,
}

/// Who is asking.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Actor {
    pub user_id: String,
    pub organisation_id: String,
    pub role: Role,
}

pub fn victim_scope(actor: &Actor) -> VictimScope {
    match actor.role {
        Role::Supporter => VictimScope::AssignedTo {
            supporter_id: actor.user_id.clone(),
        },
        Role::WitnessCareOfficer => VictimScope::CasesOfUnit {
            organisation_id: actor.organisation_id.clone(),
        },
        Role::VictimLiaisonOfficer => VictimScope::ProbationRegion {
            organisation_id: actor.organisation_id.clone(),
        },
        Role::Manager => VictimScope::Organisation {
            organisation_id: actor.organisation_id.clone(),
        },
        Role::CourtStaff | Role::WitnessServiceStaff | Role::Admin => VictimScope::Nothing,
    }
}

/// Users are scoped by organisation: administrators see all, managers their
/// own organisation.
pub fn sees_all_users(actor: &Actor) -> bool {
    actor.role == Role::Admin
}

/// The pages anyone may open without a session: the ways of signing in
/// (a password, or the organisation's OpenID provider when configured).
/// They answer every visitor alike, whatever their role; every other page
/// needs a session whose role [`permits`] what it shows.
pub const OPEN_PAGES: &[&str] = &["/sign-in", "/auth/oidc/start", "/auth/oidc/callback"];

#[cfg(test)]
mod tests {
    use super::*;
    use Action::*;
    use ResourceKind::*;
    use Role::*;

    #[test]
    fn each_role_works_the_tasks_planned_for_it() {
        let table = [
            (Role::Supporter, "supporter"),
            (Role::WitnessCareOfficer, "witness_care_officer"),
            (Role::VictimLiaisonOfficer, PAROLE_TASK_ROLE),
            (Role::Manager, "none"),
            (Role::Admin, "none"),
            (Role::CourtStaff, "none"),
            (Role::WitnessServiceStaff, "none"),
        ];
        for (role, works_as) in table {
            assert_eq!(task_role(role), works_as, "{role:?}");
        }
    }

    #[test]
    fn permission_table() {
        // (role, kind, action, allowed)
        let table = [
            (Supporter, Victim, Create, true),
            (Supporter, VictimSensitive, Read, true),
            (Supporter, SpecialMeasuresDiscussion, Create, false),
            (Supporter, SpecialMeasuresDiscussion, Read, true),
            (Supporter, ParoleMilestone, Create, false),
            (Supporter, AttendanceRequest, Create, true),
            (Supporter, Court, Create, false),
            (WitnessCareOfficer, Hearing, Update, true),
            (WitnessCareOfficer, AttendanceRequest, Create, false),
            (WitnessCareOfficer, AttendanceRequest, Update, true),
            (WitnessCareOfficer, ParoleMilestone, Read, false),
            (VictimLiaisonOfficer, ParoleMilestone, Create, true),
            (VictimLiaisonOfficer, Hearing, Read, false),
            (Manager, VictimSensitive, Read, false),
            (Manager, Hearing, Create, false),
            (Manager, User, Read, true),
            (Admin, Victim, Read, false),
            (Admin, VictimSensitive, Read, false),
            (Admin, User, Create, true),
            (Admin, Court, Update, true),
            (CourtStaff, Hearing, Read, false),
            (CourtStaff, Court, Read, true),
            (WitnessServiceStaff, Victim, Read, false),
            (Supporter, ReminderDelivery, Update, true),
            (WitnessCareOfficer, ReminderDelivery, Update, false),
            (Manager, ReminderDelivery, Read, false),
            (Supporter, CalendarFeed, Create, true),
            (Supporter, CalendarFeed, Read, true),
            (Supporter, CalendarFeed, Update, true),
            (WitnessCareOfficer, CalendarFeed, Create, false),
            (Manager, CalendarFeed, Read, false),
            (Admin, CalendarFeed, Update, false),
            (Supporter, Session, Read, true),
            (CourtStaff, Session, Update, true),
            (Admin, Session, Create, false),
            (Admin, ApiToken, Create, true),
            (Admin, ApiToken, Read, true),
            (Admin, ApiToken, Update, true),
            (Manager, ApiToken, Create, false),
            (Manager, ApiToken, Read, false),
            (Supporter, ApiToken, Update, false),
            (WitnessCareOfficer, ApiToken, Create, false),
            (WitnessCareOfficer, CourtList, Create, true),
            (Admin, CourtList, Create, true),
            (Supporter, CourtList, Create, false),
            (Manager, CourtList, Create, false),
            (CourtStaff, CourtList, Create, false),
        ];
        for (role, kind, action, allowed) in table {
            assert_eq!(
                permits(role, kind, action),
                allowed,
                "{role} {action:?} {kind:?}"
            );
        }
    }

    #[test]
    fn nobody_but_frontline_roles_reads_sensitive_details() {
        for role in Role::ALL {
            let allowed = permits(*role, VictimSensitive, Read);
            let frontline = matches!(role, Supporter | WitnessCareOfficer | VictimLiaisonOfficer);
            assert_eq!(allowed, frontline, "{role}");
        }
    }

    #[test]
    fn scopes_follow_relationships() {
        let actor = |role| Actor {
            user_id: "u1".into(),
            organisation_id: "o1".into(),
            role,
        };
        assert_eq!(
            victim_scope(&actor(Supporter)),
            VictimScope::AssignedTo {
                supporter_id: "u1".into()
            }
        );
        assert_eq!(
            victim_scope(&actor(WitnessCareOfficer)),
            VictimScope::CasesOfUnit {
                organisation_id: "o1".into()
            }
        );
        assert_eq!(victim_scope(&actor(Admin)), VictimScope::Nothing);
        assert_eq!(victim_scope(&actor(CourtStaff)), VictimScope::Nothing);
    }
}

#[cfg(test)]
mod webhook_and_acknowledgement_tests {
    use super::*;

    fn actor(role: Role, org: &str) -> Actor {
        Actor {
            user_id: "u1".into(),
            organisation_id: org.into(),
            role,
        }
    }

    #[test]
    fn webhooks_are_managed_by_administrators_and_the_organisations_managers() {
        // (role, actor's organisation, webhook's organisation, allowed)
        let table = [
            (Role::Admin, "o1", "o2", true),
            (Role::Manager, "o1", "o1", true),
            (Role::Manager, "o1", "o2", false),
            (Role::Supporter, "o1", "o1", false),
            (Role::WitnessCareOfficer, "o1", "o1", false),
            (Role::CourtStaff, "o1", "o1", false),
        ];
        for (role, mine, theirs, allowed) in table {
            assert_eq!(
                manages_webhooks_of(&actor(role, mine), theirs),
                allowed,
                "{role} {mine} {theirs}"
            );
            assert_eq!(
                manages_reminders_of(&actor(role, mine), theirs),
                allowed,
                "{role} {mine} {theirs}"
            );
            assert_eq!(
                permits(role, ResourceKind::Webhook, Action::Create),
                matches!(role, Role::Admin | Role::Manager),
                "{role}"
            );
            assert_eq!(
                permits(role, ResourceKind::ReminderRules, Action::Update),
                matches!(role, Role::Admin | Role::Manager),
                "{role}"
            );
            assert!(!permits(role, ResourceKind::ReminderRules, Action::Create));
        }
    }

    #[test]
    fn notices_are_acknowledged_by_their_recipient_or_its_organisation() {
        // (role, actor's organisation, recipient user, recipient org, allowed)
        let table = [
            (Role::Supporter, "o1", Some("u1"), None, true),
            (Role::Supporter, "o1", Some("u2"), None, false),
            (Role::WitnessCareOfficer, "wcu", None, Some("wcu"), true),
            (Role::WitnessCareOfficer, "wcu", None, Some("wcu2"), false),
            (Role::CourtStaff, "court", None, Some("court"), true),
            (Role::Manager, "o1", Some("u2"), Some("o2"), false),
            (Role::Admin, "o1", Some("u1"), Some("o1"), false),
            (Role::Supporter, "o1", None, None, false),
        ];
        for (role, org, user, recipient_org, allowed) in table {
            assert_eq!(
                may_acknowledge(&actor(role, org), user, recipient_org),
                allowed,
                "{role} {org} {user:?} {recipient_org:?}"
            );
        }
    }
}

#[cfg(test)]
mod report_tests {
    use super::*;

    #[test]
    fn only_managers_read_the_partnership_report() {
        for role in Role::ALL {
            assert_eq!(
                permits(*role, ResourceKind::Report, Action::Read),
                *role == Role::Manager,
                "{role}"
            );
            for action in [Action::Create, Action::Update] {
                assert!(!permits(*role, ResourceKind::Report, action), "{role}");
            }
        }
    }
}

#[cfg(test)]
mod safety_plan_tests {
    use super::*;

    #[test]
    fn the_supporter_writes_the_plan_and_the_witness_service_reads_and_agrees_it() {
        for role in Role::ALL {
            let supporter = *role == Role::Supporter;
            let service = *role == Role::WitnessServiceStaff;
            assert_eq!(
                permits(*role, ResourceKind::SafetyPlan, Action::Read),
                supporter || service,
                "{role}"
            );
            for action in [Action::Create, Action::Update] {
                assert_eq!(
                    permits(*role, ResourceKind::SafetyPlan, action),
                    supporter,
                    "{role} {action:?}"
                );
            }
            assert_eq!(
                permits(*role, ResourceKind::SafetyPlanAgreement, Action::Create),
                service,
                "{role}"
            );
            for action in [Action::Read, Action::Update] {
                assert!(
                    !permits(*role, ResourceKind::SafetyPlanAgreement, action),
                    "{role} {action:?}"
                );
            }
        }
    }
}

#[cfg(test)]
mod trial_update_tests {
    use super::*;

    #[test]
    fn the_supporter_and_the_witness_service_record_updates_and_only_the_supporter_sets_who_is_told(
    ) {
        for role in Role::ALL {
            let supporter = *role == Role::Supporter;
            let service = *role == Role::WitnessServiceStaff;
            for action in [Action::Read, Action::Create] {
                assert_eq!(
                    permits(*role, ResourceKind::TrialUpdate, action),
                    supporter || service,
                    "{role} {action:?}"
                );
            }
            assert!(
                !permits(*role, ResourceKind::TrialUpdate, Action::Update),
                "{role}"
            );
            for action in [Action::Read, Action::Create, Action::Update] {
                assert_eq!(
                    permits(*role, ResourceKind::TrialUpdatePreference, action),
                    supporter,
                    "{role} {action:?}"
                );
                assert_eq!(
                    permits(*role, ResourceKind::CourtNeedSetting, action),
                    match action {
                        Action::Read => *role != Role::VictimLiaisonOfficer,
                        _ => matches!(role, Role::CourtStaff | Role::Admin),
                    },
                    "{role} {action:?}"
                );
                assert_eq!(
                    permits(*role, ResourceKind::CpsMeeting, action),
                    supporter || (action == Action::Read && *role == Role::WitnessCareOfficer),
                    "{role} {action:?}"
                );
            }
        }
    }
}

#[cfg(test)]
mod risk_meeting_tests {
    use super::*;

    #[test]
    fn only_the_supporter_handles_risk_meetings_and_the_work_they_make() {
        for role in Role::ALL {
            let supporter = *role == Role::Supporter;
            for action in [Action::Read, Action::Create, Action::Update] {
                assert_eq!(
                    permits(*role, ResourceKind::RiskMeeting, action),
                    supporter,
                    "{role} {action:?}"
                );
            }
            // The tasks and deadlines a meeting makes are read as the
            // meeting is: a witness care officer or a manager reaching the
            // victim's case reads neither.
            for about in [
                task_about("risk_meeting.paperwork", "supporter"),
                task_about("risk_meeting.action", "supporter"),
                deadline_about("risk_meeting_paperwork"),
            ] {
                assert_eq!(about, ResourceKind::RiskMeeting);
                for kind in [ResourceKind::Task, ResourceKind::Deadline] {
                    assert_eq!(
                        may_read(*role, kind, about, Reach::Reached),
                        supporter,
                        "{role} {kind:?}"
                    );
                }
            }
            assert_eq!(
                readable_strands(*role, ResourceKind::Task).risk,
                supporter,
                "{role}"
            );
        }
        assert_eq!(
            task_about("hearing.details", "supporter"),
            ResourceKind::Hearing
        );
    }
}

#[cfg(test)]
mod token_tests {
    use super::*;

    #[test]
    fn only_administrators_manage_integration_tokens() {
        for role in Role::ALL {
            for action in [Action::Read, Action::Create, Action::Update] {
                assert_eq!(
                    permits(*role, ResourceKind::ApiToken, action),
                    *role == Role::Admin,
                    "{role} {action:?}"
                );
            }
            assert!(
                permits(*role, ResourceKind::Session, Action::Update),
                "{role}"
            );
            assert!(
                !permits(*role, ResourceKind::Session, Action::Create),
                "{role}"
            );
        }
    }
}

#[cfg(test)]
mod read_check_tests {
    use super::*;
    use ResourceKind::*;
    use Role::*;

    #[test]
    fn the_read_check_by_role_kind_subject_and_reach() {
        // (role, kind, about, reached, may read)
        let table = [
            (WitnessCareOfficer, Notice, Hearing, true, true),
            (WitnessCareOfficer, Notice, ParoleMilestone, true, false),
            (WitnessCareOfficer, Task, ParoleMilestone, true, false),
            (WitnessCareOfficer, Hearing, Hearing, false, false),
            (VictimLiaisonOfficer, Notice, ParoleMilestone, true, true),
            (VictimLiaisonOfficer, Notice, Hearing, true, false),
            (VictimLiaisonOfficer, Deadline, Hearing, true, false),
            (VictimLiaisonOfficer, Hearing, Hearing, true, false),
            (VictimLiaisonOfficer, Deadline, Victim, true, true),
            (Supporter, Notice, ParoleMilestone, true, true),
            (Supporter, Notice, ParoleMilestone, false, false),
            (Manager, Task, Hearing, true, true),
            (Manager, VictimSensitive, VictimSensitive, true, false),
            (WitnessServiceStaff, Notice, Hearing, true, false),
            (Admin, Notice, Hearing, true, false),
        ];
        for (role, kind, about, reached, expected) in table {
            let reach = if reached {
                Reach::Reached
            } else {
                Reach::Unrelated
            };
            assert_eq!(
                may_read(role, kind, about, reach),
                expected,
                "{role:?} {kind:?} about {about:?} {reach:?}"
            );
        }
        assert_eq!(
            readable_strands(WitnessCareOfficer, Task),
            Strands {
                court: true,
                parole: false,
                risk: false
            }
        );
        assert_eq!(
            readable_strands(VictimLiaisonOfficer, Notice),
            Strands {
                court: false,
                parole: true,
                risk: false
            }
        );
    }

    #[test]
    fn what_planned_work_is_about() {
        assert_eq!(notice_about("parole", "routing.update"), ParoleMilestone);
        assert_eq!(
            notice_about("hearing_details", "parole.inform_supporter"),
            ParoleMilestone
        );
        assert_eq!(notice_about("hearing_details", "hearing.details"), Hearing);
        assert_eq!(
            task_about("routing.direct_contact", "victim_liaison_officer"),
            ParoleMilestone
        );
        assert_eq!(
            task_about("routing.direct_contact", "witness_care_officer"),
            Hearing
        );
        assert_eq!(deadline_about("parole_decision_due"), ParoleMilestone);
        assert_eq!(deadline_about("hearing_details_to_victim"), Hearing);
    }
}

//! When a deadline is met: one rule per [`DeadlineKind`], over plain facts
//! gathered from the records (delivered notices and done tasks under the
//! deadline's subject, the attendance request, pre-trial visits, parole
//! milestones). Pure: no clock, no database.

use chrono::{DateTime, NaiveDate, Utc};

use crate::domain::AttendanceState;
use crate::flows::DeadlineKind;

/// Who a delivered notice went to, as far as the rules care.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Told {
    Victim,
    Supporter {
        /// The supporter is the single point of contact and passes the
        /// update on to the victim.
        relays_to_victim: bool,
    },
    Other,
}

/// A notice under the deadline's subject that reached its recipient.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Delivered {
    /// The flow step that planned it (e.g. "hearing.details").
    pub step: String,
    pub to: Told,
    /// When it was sent (or, for one passed on by a person, acknowledged).
    pub at: DateTime<Utc>,
}

/// A task under the deadline's subject that someone marked done.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DoneTask {
    /// The task's kind, as stored (snake_case).
    pub kind: String,
    pub at: DateTime<Utc>,
}

/// A pre-trial visit for the deadline's case.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Visit {
    /// requested, arranged, attended or cancelled.
    pub state: String,
    /// The hearing it is for, where one was named.
    pub hearing_id: Option<String>,
    /// When the visit row last changed.
    pub changed_at: DateTime<Utc>,
}

/// A parole milestone logged for the deadline's victim.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Milestone {
    /// The milestone's kind, as stored (e.g. "decision_made").
    pub kind: String,
    pub occurs_on: NaiveDate,
    pub recorded_at: DateTime<Utc>,
}

/// The deadline's attendance request, where its key names one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Request {
    pub state: AttendanceState,
    /// When the request last changed state.
    pub changed_at: DateTime<Utc>,
}

/// Everything the rules look at for one deadline.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Facts {
    pub hearing_id: Option<String>,
    /// The London date the limit was counted from.
    pub counted_from: Option<NaiveDate>,
    pub delivered: Vec<Delivered>,
    pub done_tasks: Vec<DoneTask>,
    pub request: Option<Request>,
    pub visits: Vec<Visit>,
    pub milestones: Vec<Milestone>,
}

/// What a deadline's rule says now.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verdict {
    /// Not done, not yet due (or nothing observable: left running).
    Running,
    /// Done on time, at this moment.
    Met(DateTime<Utc>),
    /// Due and not done in time; `late` is when it was done, if it has been.
    Missed { late: Option<DateTime<Utc>> },
}

/// The stored state names (a contract shared with reporting).
impl Verdict {
    pub fn state(self) -> &'static str {
        match self {
            Verdict::Running => "running",
            Verdict::Met(_) => "met",
            Verdict::Missed { .. } => "missed",
        }
    }
}

/// True for kinds with no completion Courtside can observe: they stay
/// running (a reconsideration window simply ends; the VLO's first contact
/// with the victim is not recorded).
pub fn observable(kind: DeadlineKind) -> bool {
    !matches!(
        kind,
        DeadlineKind::ReconsiderationWindowEnds | DeadlineKind::VloContactsVictim
    )
}

fn earliest(moments: impl Iterator<Item = DateTime<Utc>>) -> Option<DateTime<Utc>> {
    moments.min()
}

fn told(facts: &Facts, steps: &[&str], who: impl Fn(Told) -> bool) -> Option<DateTime<Utc>> {
    earliest(
        facts
            .delivered
            .iter()
            .filter(|d| steps.contains(&d.step.as_str()) && who(d.to))
            .map(|d| d.at),
    )
}

fn task_done(facts: &Facts, kind: &str) -> Option<DateTime<Utc>> {
    earliest(
        facts
            .done_tasks
            .iter()
            .filter(|t| t.kind == kind)
            .map(|t| t.at),
    )
}

fn victim_told(to: Told) -> bool {
    matches!(
        to,
        Told::Victim
            | Told::Supporter {
                relays_to_victim: true
            }
    )
}

fn supporter_told(to: Told) -> bool {
    matches!(to, Told::Supporter { .. })
}

const HEARING_STEPS: &[&str] = &["hearing.details", "hearing.change"];
const OUTCOME_STEPS: &[&str] = &["hearing.outcome"];

/// Request states at or past "the prosecutor has been told".
fn cps_knows(s: AttendanceState) -> bool {
    use AttendanceState::*;
    matches!(
        s,
        CpsInformed | IdentifiedToCourt | Allowed | AllowedWithConditions | Refused | Attended
    )
}

/// Request states at or past "the court has been told" (criminal: the
/// court decided; family: the adviser was identified or the court directed).
fn court_knows(s: AttendanceState) -> bool {
    use AttendanceState::*;
    matches!(
        s,
        IdentifiedToCourt
            | Allowed
            | AllowedWithConditions
            | Refused
            | DirectedShouldNotAttend
            | DirectedNeedNotAttend
            | Attended
    )
}

fn request_reached(facts: &Facts, reached: fn(AttendanceState) -> bool) -> Option<DateTime<Utc>> {
    facts
        .request
        .as_ref()
        .filter(|r| reached(r.state))
        .map(|r| r.changed_at)
}

fn visit_arranged(facts: &Facts) -> Option<DateTime<Utc>> {
    earliest(
        facts
            .visits
            .iter()
            .filter(|v| matches!(v.state.as_str(), "arranged" | "attended"))
            .filter(|v| {
                v.hearing_id.is_none()
                    || facts.hearing_id.is_none()
                    || v.hearing_id == facts.hearing_id
            })
            .map(|v| v.changed_at),
    )
}

/// A milestone of `kind` on or after the day the limit was counted from:
/// done at the earlier of its recording and the end of its own day.
fn milestone(facts: &Facts, kind: &str) -> Option<DateTime<Utc>> {
    earliest(
        facts
            .milestones
            .iter()
            .filter(|m| m.kind == kind)
            .filter(|m| facts.counted_from.is_none_or(|from| m.occurs_on >= from))
            .map(|m| {
                let day_end = crate::calendar::start_of_london_day(
                    m.occurs_on.succ_opt().unwrap_or(m.occurs_on),
                ) - chrono::Duration::seconds(1);
                m.recorded_at.min(day_end)
            }),
    )
}

fn either(a: Option<DateTime<Utc>>, b: Option<DateTime<Utc>>) -> Option<DateTime<Utc>> {
    match (a, b) {
        (Some(a), Some(b)) => Some(a.min(b)),
        (a, b) => a.or(b),
    }
}

/// The moment the deadline's duty was done, if it has been.
pub fn done_at(kind: DeadlineKind, facts: &Facts) -> Option<DateTime<Utc>> {
    use DeadlineKind::*;
    match kind {
        VictimToldOfHearing => told(facts, HEARING_STEPS, victim_told),
        SupporterToldOfHearing => told(facts, HEARING_STEPS, supporter_told),
        VictimToldOfOutcome => told(facts, OUTCOME_STEPS, victim_told),
        SupporterToldOfOutcome => told(facts, OUTCOME_STEPS, supporter_told),
        WcoUpdatesVictimOfOutcome => either(
            told(facts, OUTCOME_STEPS, victim_told),
            task_done(facts, "update_victim_of_outcome"),
        ),
        CpsInformedOfSupporter => either(
            request_reached(facts, cps_knows),
            task_done(facts, "record_supporter_in_needs_assessment"),
        ),
        AttendanceRaisedWithCourt => either(
            request_reached(facts, court_knows),
            task_done(facts, "raise_companion_with_court"),
        ),
        PreTrialVisitArranged => either(
            visit_arranged(facts),
            task_done(facts, "arrange_pre_trial_visit"),
        ),
        SpecialMeasuresApplication => task_done(facts, "apply_for_special_measures"),
        VictimContactSchemeReferral => either(
            milestone(facts, "referred_to_victim_contact_scheme"),
            task_done(facts, "refer_to_victim_contact_scheme"),
        ),
        ParoleDecisionDue => milestone(facts, "decision_made"),
        RiskMeetingPaperwork => task_done(facts, "send_risk_meeting_paperwork"),
        CpsMeetingWishRecorded => either(
            told(facts, &[crate::flows::pleas::STEP_TELL_PROSECUTOR], |_| {
                true
            }),
            task_done(facts, "ask_about_cps_meeting"),
        ),
        VictimPersonalStatementOffered => task_done(facts, "offer_victim_personal_statement"),
        ReconsiderationWindowEnds | VloContactsVictim => None,
        // The supporter's deadlines after an outcome: met when she marks
        // the talk with the victim done.
        ProtectiveOrderRenewalDiscussed => task_done(facts, "discuss_order_renewal"),
        RightToReviewPromptRequest | RightToReviewRequest => {
            task_done(facts, "discuss_right_to_review")
        }
        CompensationApplication => task_done(facts, "discuss_compensation"),
    }
}

/// The verdict on a deadline due at `due_at`, seen at `now`.
///
/// Met when done no later than `due_at`; missed once `due_at` has passed
/// undone, and still missed (with the late moment) if it is done after.
/// Kinds with nothing to observe stay running.
pub fn evaluate(
    kind: DeadlineKind,
    facts: &Facts,
    due_at: DateTime<Utc>,
    now: DateTime<Utc>,
) -> Verdict {
    if !observable(kind) {
        return Verdict::Running;
    }
    match done_at(kind, facts) {
        Some(at) if at <= due_at => Verdict::Met(at),
        Some(at) => Verdict::Missed { late: Some(at) },
        None if now > due_at => Verdict::Missed { late: None },
        None => Verdict::Running,
    }
}

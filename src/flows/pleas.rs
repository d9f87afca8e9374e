//! Pleas and what follows them (issue 19, item 5).
//!
//! - **The CPS meeting.** Once a not-guilty plea is entered in a rape or
//!   serious sexual offence case with an adult victim, the CPS offers her a
//!   meeting before trial (next steps, what to expect, special measures),
//!   and, guided by her wish, considers inviting her ISVA. Courtside asks
//!   the supporter to find out her wish (a task, with an operational
//!   deadline), tells the prosecutor that wish once it is recorded (under
//!   the consent that lets the supporter be identified to the court's
//!   side), and puts the meeting on the supporter's list when she wants
//!   them there.
//! - **A guilty plea** moves the case towards sentence: the witness care
//!   officer offers the victim the chance to make or update her victim
//!   personal statement first (Victims' Code Right 7).
//!
//! Everything about one case's CPS meeting shares the key prefix
//! [`meeting_prefix`], so the deadline is met when the prosecutor is told
//! and a moved meeting replaces the supporter's task.

use super::context::FlowContext;
use super::facts;
use super::keys::Subject;
use super::plan::{Cancellation, DeadlineKind, DisclosureCategory, Recipient, TaskKind};
use super::planner::{Draft, Planner};
use super::templates::TemplateKey;
use crate::domain::{CaseKind, OffenceGroup, SupporterInvitation};
use chrono::{DateTime, NaiveDate, SecondsFormat, Utc};
use serde_json::json;

pub(crate) const STEP_ASK_VICTIM: &str = "cps_meeting.ask_victim";
pub const STEP_TELL_PROSECUTOR: &str = "cps_meeting.tell_prosecutor";
pub(crate) const STEP_SUPPORTER_ATTENDS: &str = "cps_meeting.supporter_attends";
pub(crate) const STEP_PERSONAL_STATEMENT: &str = "sentencing.victim_personal_statement";

/// Whether the CPS offers this victim a meeting before trial after a
/// not-guilty plea: a criminal case about rape or another serious sexual
/// offence, and an adult victim.
pub fn meeting_offered(ctx: &FlowContext) -> bool {
    ctx.case.kind == CaseKind::Criminal
        && ctx.case.offence_group == Some(OffenceGroup::RapeOrSeriousSexualOffence)
        && !ctx.victim.is_child
}

fn meeting_subject(case_id: &str, part: &str) -> Subject {
    Subject::case(case_id, format!("cps_meeting{part}"))
}

/// The prefix of everything planned about one case's CPS meeting.
pub fn meeting_prefix(case_id: &str) -> String {
    meeting_subject(case_id, "").prefix()
}

/// A not-guilty plea was entered on `plea_day` (London date).
pub(crate) fn not_guilty_plea(p: &mut Planner<'_>, plea_day: NaiveDate) {
    if !meeting_offered(p.ctx) {
        return;
    }
    let subject = meeting_subject(&p.ctx.case.id, "");
    let limit = p.rules.alerts.cps_meeting_wish_after_plea.clone();
    let d = p.deadline_after(
        DeadlineKind::CpsMeetingWishRecorded,
        &limit,
        plea_day,
        &subject,
        true,
    );
    p.task(
        STEP_ASK_VICTIM,
        TaskKind::AskAboutCpsMeeting,
        &subject,
        Some(d.due),
        "The CPS will offer the victim a meeting before trial: ask whether she wants you invited, and record her answer".into(),
    );
}

/// A guilty plea was entered at `hearing_id` on `plea_day`.
pub(crate) fn guilty_plea(p: &mut Planner<'_>, hearing_id: &str, plea_day: NaiveDate) {
    let subject = Subject::hearing(hearing_id, format!("guilty_plea@{plea_day}"));
    let limit = p
        .rules
        .alerts
        .victim_personal_statement_after_guilty_plea
        .clone();
    let d = p.deadline_after(
        DeadlineKind::VictimPersonalStatementOffered,
        &limit,
        plea_day,
        &subject,
        true,
    );
    p.task(
        STEP_PERSONAL_STATEMENT,
        TaskKind::OfferVictimPersonalStatement,
        &subject,
        Some(d.due),
        "The defendant pleaded guilty: offer the victim the chance to make or update her personal statement before sentence".into(),
    );
}

/// The CPS meeting as recorded, for [`recorded`].
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct MeetingRecorded {
    /// The record's version after this change (part of the notice's key,
    /// so each change of wish is told once).
    pub version: i32,
    pub wish: SupporterInvitation,
    /// The wish differs from what the record held before (or the record
    /// is new): the prosecutor is told.
    pub wish_changed: bool,
    pub meeting_at: Option<DateTime<Utc>>,
    /// The meeting's time before this change: the supporter's task for it
    /// is replaced.
    #[serde(default)]
    pub previous_meeting_at: Option<DateTime<Utc>>,
    /// She said she does not want the meeting.
    pub declined: bool,
}

impl MeetingRecorded {
    /// The supporter goes with her to the meeting, at this time.
    fn attended_at(&self) -> Option<DateTime<Utc>> {
        let wanted = !self.declined && self.wish == SupporterInvitation::Wanted;
        self.meeting_at.filter(|_| wanted)
    }
}

fn attend_subject(case_id: &str, at: DateTime<Utc>) -> Subject {
    let instant = at.to_rfc3339_opts(SecondsFormat::Secs, true);
    meeting_subject(case_id, &format!("/attend/{instant}"))
}

/// The supporter recorded (or changed) the CPS meeting.
pub(crate) fn recorded(p: &mut Planner<'_>, m: &MeetingRecorded) {
    let case_id = p.ctx.case.id.clone();
    let attend_at = m.attended_at();
    // A moved meeting, or one she no longer wants her supporter at,
    // replaces the supporter's task.
    if let Some(before) = m.previous_meeting_at.filter(|b| Some(*b) != attend_at) {
        p.plan.cancellations.push(Cancellation::KeyPrefix {
            prefix: attend_subject(&case_id, before).prefix(),
        });
    }
    let decided = m.wish != SupporterInvitation::Undecided || m.declined;
    if m.wish_changed && decided && tell_prosecutor(p, &case_id, m) {
        // Her answer is on its way to the CPS: asking her is done.
        p.plan.cancellations.push(Cancellation::KeyPrefix {
            prefix: meeting_subject(&case_id, "").item_key(STEP_ASK_VICTIM, ""),
        });
    }
    if let Some(at) = attend_at {
        let subject = attend_subject(&case_id, at);
        p.task(
            STEP_SUPPORTER_ATTENDS,
            TaskKind::AttendCpsMeeting,
            &subject,
            Some(at),
            "Go with the victim to her meeting with the CPS before trial, as she asked".into(),
        );
    }
}

/// Plans the notice to the prosecutor; false when it could not be planned
/// (no basis to identify the supporter to the prosecution: a warning says so).
fn tell_prosecutor(p: &mut Planner<'_>, case_id: &str, m: &MeetingRecorded) -> bool {
    let wanted = !m.declined && m.wish == SupporterInvitation::Wanted;
    let mut data = facts::case(p.ctx);
    data.extend([
        ("meeting_declined", json!(m.declined)),
        ("supporter_wanted", json!(wanted)),
        (
            "meeting_date",
            facts::opt(m.meeting_at.map(facts::local_date)),
        ),
        (
            "meeting_time",
            facts::opt(m.meeting_at.map(facts::local_time)),
        ),
    ]);
    if wanted {
        if let Some(s) = &p.ctx.supporter {
            data.extend(facts::supporter(s));
        }
    }
    let subject = meeting_subject(case_id, &format!("/told-v{}", m.version));
    p.notice(
        Draft::new(
            STEP_TELL_PROSECUTOR,
            TemplateKey::CpsMeetingWish,
            Recipient::Prosecutor,
            DisclosureCategory::SupporterArrangements,
            subject,
        )
        .data(data),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::ConsentScope;
    use crate::flows::testkit::{
        criminal, d, deadline, event, family, hearing, notice, rasso, run, t, task,
        without_consents,
    };
    use crate::flows::{EventKind, FlowContext, HearingOutcome, Plan, RecipientKind};
    use crate::rules::Actor;

    fn concluded(outcome: HearingOutcome, ctx: &FlowContext) -> Plan {
        run(&event(EventKind::HearingConcluded { outcome }), ctx)
    }

    /// A hearing on Tuesday 22 December 2026: five working days run over
    /// Christmas Day and the Boxing Day substitute (Monday 28th).
    fn at_christmas(mut ctx: FlowContext) -> FlowContext {
        ctx.hearing = Some(hearing("2026-12-22T10:00:00Z"));
        ctx
    }

    #[test]
    fn who_is_offered_the_cps_meeting() {
        let mut child = rasso(criminal());
        child.victim.is_child = true;
        let mut domestic = criminal();
        domestic.case.offence_group = Some(OffenceGroup::DomesticAbuse);
        let table: [(&str, FlowContext, bool); 5] = [
            (
                "adult, rape or serious sexual offence",
                rasso(criminal()),
                true,
            ),
            ("a child victim", child, false),
            ("domestic abuse", domestic, false),
            ("offence not recorded", criminal(), false),
            ("a family case", rasso(family()), false),
        ];
        for (why, ctx, offered) in table {
            assert_eq!(meeting_offered(&ctx), offered, "{why}");
            let plan = concluded(HearingOutcome::NotGuiltyPlea, &ctx);
            assert_eq!(
                task(&plan, TaskKind::AskAboutCpsMeeting).is_some(),
                offered,
                "{why}"
            );
            assert_eq!(
                deadline(&plan, DeadlineKind::CpsMeetingWishRecorded).is_some(),
                offered,
                "{why}"
            );
        }
    }

    #[test]
    fn after_a_not_guilty_plea_the_supporter_asks_her_within_five_working_days() {
        let plan = concluded(
            HearingOutcome::NotGuiltyPlea,
            &at_christmas(rasso(criminal())),
        );
        let ask = task(&plan, TaskKind::AskAboutCpsMeeting).expect("the task");
        assert_eq!(ask.role, Actor::Supporter);
        assert_eq!(
            ask.assignee.as_deref(),
            Some(criminal().supporter.unwrap().user_id.as_str())
        );
        let wish = deadline(&plan, DeadlineKind::CpsMeetingWishRecorded).unwrap();
        assert_eq!(wish.counted_from, d("2026-12-22"));
        assert_eq!(wish.due_date, d("2026-12-31"));
        assert!(wish.operational);
        assert_eq!(ask.due, Some(wish.due));
        // Every item shares the meeting's prefix, so her recorded wish
        // reaching the prosecutor meets the deadline.
        assert!(wish.key.starts_with(&meeting_prefix("C1")), "{}", wish.key);
        assert!(ask.idempotency_key.starts_with(&meeting_prefix("C1")));
        // The special-measures limits still run from the plea.
        assert!(deadline(&plan, DeadlineKind::SpecialMeasuresApplication).is_some());
    }

    #[test]
    fn a_guilty_plea_asks_the_officer_to_offer_a_personal_statement() {
        let plan = concluded(HearingOutcome::GuiltyPlea, &at_christmas(criminal()));
        let offer = task(&plan, TaskKind::OfferVictimPersonalStatement).expect("the task");
        assert_eq!(offer.role, Actor::WitnessCareOfficer);
        assert_eq!(offer.citation, "Victims' Code Right 7");
        let due = deadline(&plan, DeadlineKind::VictimPersonalStatementOffered).unwrap();
        assert_eq!(due.due_date, d("2026-12-31"));
        // Not a rape-case offer, and no special-measures clock.
        assert!(task(&plan, TaskKind::AskAboutCpsMeeting).is_none());
        assert!(deadline(&plan, DeadlineKind::SpecialMeasuresApplication).is_none());
        // A not-guilty plea does not ask for a statement before sentence.
        let ngp = concluded(HearingOutcome::NotGuiltyPlea, &criminal());
        assert!(task(&ngp, TaskKind::OfferVictimPersonalStatement).is_none());
    }

    fn recorded_event(
        wish: SupporterInvitation,
        changed: bool,
        at: Option<&str>,
        declined: bool,
    ) -> crate::flows::Event {
        moved_event(wish, changed, (None, at), declined)
    }

    fn moved_event(
        wish: SupporterInvitation,
        changed: bool,
        (before, at): (Option<&str>, Option<&str>),
        declined: bool,
    ) -> crate::flows::Event {
        event(EventKind::CpsMeetingRecorded {
            meeting: MeetingRecorded {
                version: 2,
                wish,
                wish_changed: changed,
                meeting_at: at.map(t),
                previous_meeting_at: before.map(t),
                declined,
            },
        })
    }

    fn cancelled(plan: &Plan) -> Vec<String> {
        plan.cancellations
            .iter()
            .map(|c| match c {
                Cancellation::KeyPrefix { prefix } => prefix.clone(),
                other => panic!("{other:?}"),
            })
            .collect()
    }

    #[test]
    fn her_wish_goes_to_the_prosecutor_and_the_meeting_to_the_supporters_list() {
        use SupporterInvitation::*;
        let ctx = rasso(criminal());
        // Wanted, at 01:30 on the morning the clocks go back: the first
        // (BST) 01:30, shown with its zone.
        let plan = run(
            &recorded_event(Wanted, true, Some("2026-10-25T00:30:00Z"), false),
            &ctx,
        );
        let told = notice(&plan, TemplateKey::CpsMeetingWish).expect("the prosecutor told");
        assert_eq!(told.recipient.kind(), RecipientKind::Prosecutor);
        assert_eq!(
            told.basis,
            crate::flows::Basis::Consent {
                scope: ConsentScope::IdentifySupporterToCourt
            }
        );
        assert_eq!(told.data["supporter_wanted"], true);
        assert_eq!(
            told.data["supporter_name"],
            ctx.supporter.as_ref().unwrap().name.as_str()
        );
        assert_eq!(told.data["meeting_date"], "2026-10-25");
        assert_eq!(told.data["meeting_time"], "01:30 BST");
        let attend = task(&plan, TaskKind::AttendCpsMeeting).expect("on her list");
        assert_eq!(attend.due, Some(t("2026-10-25T00:30:00Z")));
        // Asking her is done.
        assert_eq!(
            cancelled(&plan),
            [format!("case:C1/cps_meeting/{STEP_ASK_VICTIM}/")]
        );

        // Not wanted: the prosecutor is told, without the supporter's
        // details, and nothing goes on her list.
        let plan = run(
            &recorded_event(NotWanted, true, Some("2026-12-15T14:00:00Z"), false),
            &ctx,
        );
        let told = notice(&plan, TemplateKey::CpsMeetingWish).unwrap();
        assert_eq!(told.data["supporter_wanted"], false);
        assert!(!told.data.contains_key("supporter_name"));
        assert!(task(&plan, TaskKind::AttendCpsMeeting).is_none());

        // Declined: told so; no meeting on her list.
        let plan = run(&recorded_event(Wanted, true, None, true), &ctx);
        assert_eq!(
            notice(&plan, TemplateKey::CpsMeetingWish).unwrap().data["meeting_declined"],
            true
        );
        assert!(task(&plan, TaskKind::AttendCpsMeeting).is_none());

        // Undecided: nothing to tell. A time change alone: the task moves,
        // the prosecutor is not told again.
        let plan = run(&recorded_event(Undecided, true, None, false), &ctx);
        assert!(plan.notices.is_empty());
        let moved = (Some("2026-12-15T14:00:00Z"), Some("2026-12-16T10:00:00Z"));
        let plan = run(&moved_event(Wanted, false, moved, false), &ctx);
        assert!(plan.notices.is_empty());
        assert_eq!(
            task(&plan, TaskKind::AttendCpsMeeting).unwrap().due,
            Some(t("2026-12-16T10:00:00Z"))
        );
        assert_eq!(
            cancelled(&plan),
            ["case:C1/cps_meeting/attend/2026-12-15T14:00:00Z/"]
        );
        // The same time again cancels nothing; no longer wanted cancels it.
        let same = (Some("2026-12-16T10:00:00Z"), Some("2026-12-16T10:00:00Z"));
        assert!(run(&moved_event(Wanted, false, same, false), &ctx)
            .cancellations
            .is_empty());
        let plan = run(&moved_event(NotWanted, true, same, false), &ctx);
        assert!(task(&plan, TaskKind::AttendCpsMeeting).is_none());
        assert!(cancelled(&plan)
            .contains(&"case:C1/cps_meeting/attend/2026-12-16T10:00:00Z/".to_string()));
    }

    #[test]
    fn without_her_consent_the_prosecutor_is_not_told_and_the_ask_stays_open() {
        let ctx = rasso(without_consents(criminal()));
        let plan = run(
            &recorded_event(SupporterInvitation::Wanted, true, None, false),
            &ctx,
        );
        assert!(plan.notices.is_empty());
        assert!(plan.warnings.iter().any(|w| matches!(
            w,
            crate::flows::Warning::NoConsentToShare {
                template: TemplateKey::CpsMeetingWish,
                ..
            }
        )));
        // The ask task stays open.
        assert!(plan.cancellations.is_empty());
    }
}

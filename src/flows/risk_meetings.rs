//! Risk meetings (issue 19, item 7): a MARAC (high-risk domestic abuse) or
//! MAPPA meeting about the victim. The supporter's referral form (MARAC)
//! or update (MAPPA) is due a number of days before the meeting, set by
//! the local protocol in the rules table (`risk_meetings`); it becomes a
//! deadline and a task for the supporter, and doing the task meets the
//! deadline. An action the supporter carries after the meeting becomes a
//! task due on the day the meeting set.
//!
//! Nothing here is a notice: a risk meeting is never told to another
//! agency, the court or the defendant's side by Courtside. Tasks and the
//! deadline say only the kind of meeting and its date, never the panel or
//! an action's text.

use super::keys::Subject;
use super::plan::{Cancellation, DeadlineKind, TaskKind};
use super::planner::Planner;
use crate::calendar::{self, BankHolidays};
use crate::domain::RiskMeetingKind;
use crate::rules::{Limit, RuleSet};
use chrono::{DateTime, NaiveDate, Utc};

pub(crate) const STEP_PAPERWORK: &str = "risk_meeting.paperwork";
pub(crate) const STEP_ACTION: &str = "risk_meeting.action";

/// The rules table's figure for a kind of meeting.
pub fn paperwork_limit(rules: &RuleSet, kind: RiskMeetingKind) -> &Limit {
    let r = &rules.risk_meetings;
    match kind {
        RiskMeetingKind::Marac => &r.marac_paperwork_before_meeting,
        RiskMeetingKind::Mappa => &r.mappa_paperwork_before_meeting,
    }
}

/// When the supporter's paperwork is due for a meeting starting at
/// `starts_at`: the London date the rules' figure counts back to from the
/// meeting's London date, and the instant (the rules' deadline time that
/// day, London time, whatever the offset).
pub fn paperwork_due(
    rules: &RuleSet,
    holidays: &BankHolidays,
    kind: RiskMeetingKind,
    starts_at: DateTime<Utc>,
) -> (NaiveDate, DateTime<Utc>) {
    let day = paperwork_limit(rules, kind).date_before(calendar::london_date(starts_at), holidays);
    (day, super::due::due_instant(rules, day))
}

/// The words a meeting's kind has in a task (no personal data).
fn name(kind: RiskMeetingKind) -> &'static str {
    match kind {
        RiskMeetingKind::Marac => "MARAC",
        RiskMeetingKind::Mappa => "MAPPA",
    }
}

/// A meeting recorded or moved: withdraw what hung on its old time, and
/// plan the paperwork deadline and task for the new one.
pub(crate) fn set(
    p: &mut Planner<'_>,
    meeting_id: &str,
    kind: RiskMeetingKind,
    starts_at: DateTime<Utc>,
    previous_start: Option<DateTime<Utc>>,
) {
    if let Some(before) = previous_start.filter(|b| *b != starts_at) {
        p.plan.cancellations.push(Cancellation::KeyPrefix {
            prefix: Subject::risk_meeting(meeting_id, before).prefix(),
        });
    }
    let subject = Subject::risk_meeting(meeting_id, starts_at);
    let limit = paperwork_limit(p.rules, kind).clone();
    let deadline = p.deadline_before(
        DeadlineKind::RiskMeetingPaperwork,
        &limit,
        calendar::london_date(starts_at),
        &subject,
        true,
    );
    let what = match kind {
        RiskMeetingKind::Marac => "the referral form or update",
        RiskMeetingKind::Mappa => "your update",
    };
    p.task(
        STEP_PAPERWORK,
        TaskKind::SendRiskMeetingPaperwork,
        &subject,
        Some(deadline.due),
        format!(
            "Send {what} for the {} meeting on {}",
            name(kind),
            calendar::to_london(starts_at).format("%-d %B %Y")
        ),
    );
}

/// An action the supporter carries: a task due at the rules' deadline
/// time on its London date.
pub(crate) fn action(
    p: &mut Planner<'_>,
    action_id: &str,
    kind: RiskMeetingKind,
    due_on: NaiveDate,
) {
    let due = super::due::due_instant(p.rules, due_on);
    p.task(
        STEP_ACTION,
        TaskKind::CarryRiskMeetingAction,
        &Subject::risk_action(action_id),
        Some(due),
        format!(
            "Carry out your action from the {} meeting (see the meeting's page)",
            name(kind)
        ),
    );
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::flows::testkit::{criminal, d, event, holidays, rules, run, t};
    use crate::flows::{Cancellation, EventKind};

    #[test]
    fn the_paperwork_falls_due_in_london_time_across_the_clock_change() {
        // (kind, meeting start in UTC, due London date, due instant in UTC)
        let cases = [
            // After the clocks go back (last Sunday of October, 25 October
            // 2026): 5 working days before Thursday 29 October is Thursday
            // 22 October, still in BST, so 23:59 there is 22:59 UTC.
            (
                RiskMeetingKind::Marac,
                "2026-10-29T10:00:00Z",
                "2026-10-22",
                "2026-10-22T22:59:00Z",
            ),
            // 23:30 UTC on 20 October is 00:30 BST on Wednesday 21
            // October: the meeting's London date counts, not UTC's.
            (
                RiskMeetingKind::Mappa,
                "2026-10-20T23:30:00Z",
                "2026-10-14",
                "2026-10-14T22:59:00Z",
            ),
            // Counting back over the change: Monday 2 November (GMT) to
            // Monday 26 October (GMT), 23:59 is 23:59 UTC.
            (
                RiskMeetingKind::Marac,
                "2026-11-02T10:00:00Z",
                "2026-10-26",
                "2026-10-26T23:59:00Z",
            ),
            // Christmas: 25 and 28 December 2026 are bank holidays.
            (
                RiskMeetingKind::Marac,
                "2026-12-30T10:00:00Z",
                "2026-12-21",
                "2026-12-21T23:59:00Z",
            ),
        ];
        for (kind, start, day, due) in cases {
            assert_eq!(
                paperwork_due(&rules(), &holidays(), kind, t(start)),
                (d(day), t(due)),
                "{kind} at {start}"
            );
        }
    }

    #[test]
    fn a_meeting_plans_a_deadline_and_a_task_and_a_move_withdraws_the_old_ones() {
        let set = |start: &str, previous: Option<&str>| {
            event(EventKind::RiskMeetingSet {
                meeting_id: "RM1".into(),
                meeting: RiskMeetingKind::Marac,
                starts_at: t(start),
                previous_start: previous.map(t),
            })
        };
        let plan = run(&set("2026-11-26T10:00:00Z", None), &criminal());
        assert!(plan.notices.is_empty(), "never told to anyone");
        assert_eq!(plan.deadlines.len(), 1);
        let deadline = &plan.deadlines[0];
        assert_eq!(deadline.kind, DeadlineKind::RiskMeetingPaperwork);
        assert_eq!(deadline.due_date, d("2026-11-19"));
        assert!(deadline.operational);
        assert!(deadline.citation.contains("MARAC"));
        assert_eq!(plan.tasks.len(), 1);
        let task = &plan.tasks[0];
        assert_eq!(task.kind, TaskKind::SendRiskMeetingPaperwork);
        assert_eq!(task.due, Some(deadline.due));
        assert_eq!(task.assignee.as_deref(), Some("U1"));
        // The deadline and the task share a subject, so doing the task
        // meets the deadline.
        assert_eq!(
            crate::deadlines::decide::subject_prefix(&deadline.key),
            Some("risk_meeting:RM1/2026-11-26T10:00:00Z/")
        );
        assert!(task
            .idempotency_key
            .starts_with("risk_meeting:RM1/2026-11-26T10:00:00Z/"));
        assert!(plan.cancellations.is_empty());

        let moved = run(
            &set("2026-12-03T10:00:00Z", Some("2026-11-26T10:00:00Z")),
            &criminal(),
        );
        assert_eq!(
            moved.cancellations,
            [Cancellation::KeyPrefix {
                prefix: "risk_meeting:RM1/2026-11-26T10:00:00Z/".into()
            }]
        );
        assert_eq!(moved.deadlines[0].due_date, d("2026-11-26"));
    }

    #[test]
    fn an_action_the_supporter_carries_is_a_task_due_that_day() {
        let plan = run(
            &event(EventKind::RiskMeetingActionRecorded {
                action_id: "RA1".into(),
                meeting: RiskMeetingKind::Mappa,
                due_on: d("2026-11-30"),
            }),
            &criminal(),
        );
        assert!(plan.notices.is_empty() && plan.deadlines.is_empty());
        let task = &plan.tasks[0];
        assert_eq!(task.kind, TaskKind::CarryRiskMeetingAction);
        assert_eq!(task.due, Some(t("2026-11-30T23:59:00Z")));
        assert!(task.detail.contains("MAPPA"));
        assert_eq!(
            task.idempotency_key,
            "risk_action:RA1/-/risk_meeting.action/task"
        );
    }
}

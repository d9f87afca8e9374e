//! What follows a case's outcome (issue 19, item 6), as pure rules: the
//! supporter's reminders before a protective order ends, the Victims' Right
//! to Review limits after a decision not to charge or to stop a case, and
//! the Criminal Injuries Compensation Scheme's two-year limit. Each plans a
//! task for the supporter (talk to the victim) and deadlines; the figures
//! and their citations are in the rules table (`after_outcome`).
//!
//! Dates are London dates; a deadline falls due at the rules' deadline time
//! on its day, London time (BST or GMT as the day falls).

use super::keys::Subject;
use super::plan::{Cancellation, DeadlineKind, TaskKind};
use super::planner::Planner;
use crate::calendar::{self, BankHolidays};
use crate::domain::ReviewDecisionMaker;
use crate::rules::{AfterOutcomeRules, Period};
use chrono::NaiveDate;

pub(crate) const STEP_ORDER_RENEWAL: &str = "after_outcome.protective_order_renewal";
pub(crate) const STEP_RIGHT_TO_REVIEW: &str = "after_outcome.right_to_review";
pub(crate) const STEP_COMPENSATION: &str = "after_outcome.compensation";

/// The subject kinds of the three records, in idempotency keys.
pub const ORDER: &str = "protective_order";
pub const DECISION: &str = "review_decision";
pub const CLAIM: &str = "compensation_claim";

/// When the supporter is reminded of an order's end: the talk is due on
/// `talk_on` (a task), and must have happened by `discussed_by` (a
/// deadline).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct OrderReminders {
    pub talk_on: NaiveDate,
    pub discussed_by: NaiveDate,
}

/// The reminders before an order ending on `ends_on`, seen on `today`.
/// None once the order has ended. A first reminder already past is due
/// today; a last reminder already past moves to the end date itself, so the
/// supporter still has a day to act on.
pub fn order_reminders(
    r: &AfterOutcomeRules,
    holidays: &BankHolidays,
    ends_on: NaiveDate,
    today: NaiveDate,
) -> Option<OrderReminders> {
    if ends_on < today {
        return None;
    }
    let first = r
        .protective_order_first_reminder
        .date_before(ends_on, holidays);
    let last = r
        .protective_order_last_reminder
        .date_before(ends_on, holidays);
    Some(OrderReminders {
        talk_on: first.max(today),
        discussed_by: if last >= today { last } else { ends_on },
    })
}

/// One limit a decision starts: its kind, the rule, and its last day.
#[derive(Debug, Clone, PartialEq)]
pub struct ReviewLimit<'a> {
    pub kind: DeadlineKind,
    pub period: &'a Period,
    pub last_day: NaiveDate,
}

/// The Victims' Right to Review limits after a decision made by `by`, the
/// victim told on `told_on`, earliest first: the CPS scheme has a prompt
/// request limit (in working days) and a latest one; the police scheme a
/// latest one.
pub fn review_limits<'a>(
    r: &'a AfterOutcomeRules,
    holidays: &BankHolidays,
    by: ReviewDecisionMaker,
    told_on: NaiveDate,
) -> Vec<ReviewLimit<'a>> {
    let periods: Vec<(DeadlineKind, &Period)> = match by {
        ReviewDecisionMaker::Cps => vec![
            (
                DeadlineKind::RightToReviewPromptRequest,
                &r.right_to_review_cps_prompt,
            ),
            (
                DeadlineKind::RightToReviewRequest,
                &r.right_to_review_cps_latest,
            ),
        ],
        ReviewDecisionMaker::Police => vec![(
            DeadlineKind::RightToReviewRequest,
            &r.right_to_review_police_latest,
        )],
    };
    periods
        .into_iter()
        .map(|(kind, period)| ReviewLimit {
            kind,
            period,
            last_day: period.date_after(told_on, holidays),
        })
        .collect()
}

/// When the supporter is reminded of the compensation limit (`remind_on`,
/// a task) and the limit's last day, for an incident on `incident_on`,
/// seen on `today`. None once the limit has passed. A reminder already
/// past is due today.
pub fn compensation_dates(
    r: &AfterOutcomeRules,
    holidays: &BankHolidays,
    incident_on: NaiveDate,
    today: NaiveDate,
) -> Option<(NaiveDate, NaiveDate)> {
    let last_day = r.compensation_application.date_after(incident_on, holidays);
    if last_day < today {
        return None;
    }
    let remind = r
        .compensation_reminder_before
        .date_before(last_day, holidays);
    Some((remind.max(today), last_day))
}

fn today(p: &Planner<'_>) -> NaiveDate {
    calendar::london_date(p.now)
}

/// Cancels what was planned for a record at an earlier version (an end
/// date or incident date since changed), never what this plan adds.
fn cancel_version(
    p: &mut Planner<'_>,
    kind: &'static str,
    id: &str,
    old: Option<NaiveDate>,
    new: Option<NaiveDate>,
) {
    if let Some(old) = old.filter(|o| Some(*o) != new) {
        p.plan.cancellations.push(Cancellation::KeyPrefix {
            prefix: Subject::record(kind, id, old.to_string()).prefix(),
        });
    }
}

/// A protective order recorded, or its end date changed: what was planned
/// for the old end date is cancelled, and an order with an end date gets
/// its reminders. "Until further order" plans nothing.
pub(crate) fn order_recorded(
    p: &mut Planner<'_>,
    order_id: &str,
    ends_on: Option<NaiveDate>,
    previous: Option<NaiveDate>,
) {
    cancel_version(p, ORDER, order_id, previous, ends_on);
    let Some(ends_on) = ends_on else { return };
    let r = p.rules.after_outcome.clone();
    let Some(when) = order_reminders(&r, p.holidays, ends_on, today(p)) else {
        return;
    };
    let subject = Subject::record(ORDER, order_id, ends_on.to_string());
    let due = super::due::due_instant(p.rules, when.talk_on);
    p.task(
        STEP_ORDER_RENEWAL,
        TaskKind::DiscussOrderRenewal,
        &subject,
        Some(due),
        format!("Talk to the victim about renewing or extending the protective order, which ends on {ends_on}"),
    );
    p.deadline_by_period(
        DeadlineKind::ProtectiveOrderRenewalDiscussed,
        &r.protective_order_last_reminder,
        (ends_on, when.discussed_by),
        &subject,
        true,
    );
}

/// A protective order ended or discharged: its reminders stop.
pub(crate) fn order_ended(p: &mut Planner<'_>, order_id: &str) {
    p.plan.cancellations.push(Cancellation::KeyPrefix {
        prefix: Subject::record_prefix(ORDER, order_id),
    });
}

/// A decision not to charge or to stop the case: the review limits run
/// from the day she was told, and the supporter is asked to talk to her
/// before the first of them. Limits already past are not planned.
pub(crate) fn decision_recorded(
    p: &mut Planner<'_>,
    decision_id: &str,
    by: ReviewDecisionMaker,
    told_on: NaiveDate,
) {
    let r = p.rules.after_outcome.clone();
    let subject = Subject::record(DECISION, decision_id, told_on.to_string());
    let now = today(p);
    let limits: Vec<ReviewLimit<'_>> = review_limits(&r, p.holidays, by, told_on)
        .into_iter()
        .filter(|l| l.last_day >= now)
        .collect();
    let Some(first) = limits.first() else { return };
    let due = super::due::due_instant(p.rules, first.last_day);
    p.task(
        STEP_RIGHT_TO_REVIEW,
        TaskKind::DiscussRightToReview,
        &subject,
        Some(due),
        format!(
            "Talk to the victim about asking for a review of the {} decision (she was told on {told_on})",
            match by {
                ReviewDecisionMaker::Police => "police",
                ReviewDecisionMaker::Cps => "CPS",
            }
        ),
    );
    for l in &limits {
        p.deadline_by_period(l.kind, l.period, (told_on, l.last_day), &subject, false);
    }
}

/// The incident of a crime of violence recorded: the supporter is reminded
/// ahead of the compensation limit, which is a deadline.
pub(crate) fn incident_recorded(
    p: &mut Planner<'_>,
    claim_id: &str,
    incident_on: NaiveDate,
    previous: Option<NaiveDate>,
) {
    cancel_version(p, CLAIM, claim_id, previous, Some(incident_on));
    let r = p.rules.after_outcome.clone();
    let Some((remind_on, last_day)) = compensation_dates(&r, p.holidays, incident_on, today(p))
    else {
        return;
    };
    let subject = Subject::record(CLAIM, claim_id, incident_on.to_string());
    let due = super::due::due_instant(p.rules, remind_on);
    p.task(
        STEP_COMPENSATION,
        TaskKind::DiscussCompensation,
        &subject,
        Some(due),
        format!(
            "Talk to the victim about applying for criminal injuries compensation by {last_day}"
        ),
    );
    p.deadline_by_period(
        DeadlineKind::CompensationApplication,
        &r.compensation_application,
        (incident_on, last_day),
        &subject,
        false,
    );
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::flows::testkit::{criminal, d, event, holidays, rules, run_at, t};
    use crate::flows::{Deadline, EventKind, Plan, Task};

    fn deadline(plan: &Plan, kind: DeadlineKind) -> &Deadline {
        plan.deadlines
            .iter()
            .find(|x| x.kind == kind)
            .unwrap_or_else(|| panic!("no {kind:?} deadline in {plan:?}"))
    }

    fn task(plan: &Plan, kind: TaskKind) -> &Task {
        plan.tasks
            .iter()
            .find(|x| x.kind == kind)
            .unwrap_or_else(|| panic!("no {kind:?} task in {plan:?}"))
    }

    #[test]
    fn order_reminders_count_back_from_the_end_date() {
        let r = rules().after_outcome;
        let h = holidays();
        // (end date, today, talk on, discussed by, why)
        let table = [
            (
                "2026-12-31",
                "2026-11-02",
                Some(("2026-12-03", "2026-12-24")),
                "28 and 7 calendar days before, over Christmas (calendar days ignore holidays)",
            ),
            (
                "2026-11-20",
                "2026-11-02",
                Some(("2026-11-02", "2026-11-13")),
                "the first reminder is already past: due today",
            ),
            (
                "2026-11-05",
                "2026-11-02",
                Some(("2026-11-02", "2026-11-05")),
                "both past: talk today, deadline on the end date",
            ),
            (
                "2026-11-02",
                "2026-11-02",
                Some(("2026-11-02", "2026-11-02")),
                "ends today",
            ),
            ("2026-11-01", "2026-11-02", None, "already ended"),
        ];
        for (ends, today, want, why) in table {
            let got = order_reminders(&r, &h, d(ends), d(today));
            let want = want.map(|(a, b)| OrderReminders {
                talk_on: d(a),
                discussed_by: d(b),
            });
            assert_eq!(got, want, "{why}");
        }
    }

    #[test]
    fn review_limits_follow_who_decided() {
        let r = rules().after_outcome;
        let h = holidays();
        use DeadlineKind::*;
        // (who, told on, limits earliest first, why)
        type Row<'a> = (
            ReviewDecisionMaker,
            &'a str,
            &'a [(DeadlineKind, &'a str)],
            &'a str,
        );
        let table: [Row<'_>; 4] = [
            (
                ReviewDecisionMaker::Cps,
                "2026-12-17",
                &[
                    // 10 working days from Thu 17 Dec: skipping 25 and 28
                    // December and 1 January (bank holidays) and weekends.
                    (RightToReviewPromptRequest, "2027-01-05"),
                    (RightToReviewRequest, "2027-03-17"),
                ],
                "CPS over Christmas: working days skip the bank holidays",
            ),
            (
                ReviewDecisionMaker::Cps,
                "2026-11-02",
                &[
                    (RightToReviewPromptRequest, "2026-11-16"),
                    (RightToReviewRequest, "2027-02-02"),
                ],
                "CPS in an ordinary fortnight",
            ),
            (
                ReviewDecisionMaker::Police,
                "2026-11-30",
                &[(RightToReviewRequest, "2027-02-28")],
                "police: three calendar months; 30 November to the end of February",
            ),
            (
                ReviewDecisionMaker::Police,
                "2026-05-31",
                &[(RightToReviewRequest, "2026-08-31")],
                "police: three months from the last of May",
            ),
        ];
        for (by, told, want, why) in table {
            let got: Vec<(DeadlineKind, NaiveDate)> = review_limits(&r, &h, by, d(told))
                .into_iter()
                .map(|l| (l.kind, l.last_day))
                .collect();
            let want: Vec<(DeadlineKind, NaiveDate)> =
                want.iter().map(|(k, day)| (*k, d(day))).collect();
            assert_eq!(got, want, "{why}");
        }
    }

    #[test]
    fn the_compensation_limit_is_two_years_from_the_incident() {
        let r = rules().after_outcome;
        let h = holidays();
        // (incident, today, remind on, last day, why)
        let table = [
            (
                "2025-06-15",
                "2026-11-02",
                Some(("2027-03-15", "2027-06-15")),
                "two years on; reminded three months before",
            ),
            (
                "2024-02-29",
                "2025-01-10",
                Some(("2025-11-28", "2026-02-28")),
                "29 February: the limit falls on the last day of February",
            ),
            (
                "2024-12-01",
                "2026-11-02",
                Some(("2026-11-02", "2026-12-01")),
                "the reminder is already past: due today",
            ),
            ("2024-10-01", "2026-11-02", None, "the limit has passed"),
        ];
        for (incident, today, want, why) in table {
            let got = compensation_dates(&r, &h, d(incident), d(today));
            assert_eq!(got, want.map(|(a, b)| (d(a), d(b))), "{why}");
        }
    }

    #[test]
    fn an_order_plans_a_task_and_a_deadline_at_london_time_across_the_clock_change() {
        // The order ends on Sunday 1 November 2026; its last reminder is on
        // Sunday 25 October, the day British Summer Time ends (01:00 UTC).
        // Seen on 1 October (BST): the task on 4 October is due 23:59 BST
        // (22:59 UTC); the deadline on 25 October at 23:59 GMT (23:59 UTC).
        let ev = event(EventKind::ProtectiveOrderRecorded {
            order_id: "PO1".into(),
            ends_on: Some(d("2026-11-01")),
            previous_ends_on: Some(d("2026-12-01")),
        });
        let plan = run_at(&ev, &criminal(), "2026-10-01T08:00:00Z");
        let talk = task(&plan, TaskKind::DiscussOrderRenewal);
        assert_eq!(talk.due, Some(t("2026-10-04T22:59:00Z")));
        assert_eq!(talk.assignee.as_deref(), Some("U1"));
        assert!(talk.detail.contains("2026-11-01"));
        let dl = deadline(&plan, DeadlineKind::ProtectiveOrderRenewalDiscussed);
        assert_eq!(dl.due_date, d("2026-10-25"));
        assert_eq!(dl.due, t("2026-10-25T23:59:00Z"));
        assert!(dl.operational);
        assert!(dl.key.starts_with("protective_order:PO1/2026-11-01/"));
        // What was planned for the old end date is cancelled.
        assert_eq!(
            plan.cancellations,
            [Cancellation::KeyPrefix {
                prefix: "protective_order:PO1/2026-12-01/".into()
            }]
        );
        // The day before the change (still BST): 23:59 BST is 22:59 UTC.
        let ev = event(EventKind::ProtectiveOrderRecorded {
            order_id: "PO1".into(),
            ends_on: Some(d("2026-10-31")),
            previous_ends_on: Some(d("2026-10-31")),
        });
        let plan = run_at(&ev, &criminal(), "2026-10-01T08:00:00Z");
        let dl = deadline(&plan, DeadlineKind::ProtectiveOrderRenewalDiscussed);
        assert_eq!(dl.due, t("2026-10-24T22:59:00Z"));
        assert!(
            plan.cancellations.is_empty(),
            "the same end date keeps its plan"
        );
    }

    #[test]
    fn until_further_order_and_ending_plan_nothing_but_the_cancellation() {
        for kind in [
            EventKind::ProtectiveOrderRecorded {
                order_id: "PO1".into(),
                ends_on: None,
                previous_ends_on: Some(d("2026-12-01")),
            },
            EventKind::ProtectiveOrderEnded {
                order_id: "PO1".into(),
            },
        ] {
            let plan = run_at(&event(kind), &criminal(), "2026-10-01T08:00:00Z");
            assert!(plan.tasks.is_empty() && plan.deadlines.is_empty());
            assert!(plan.notices.is_empty());
            assert_eq!(plan.cancellations.len(), 1);
        }
    }

    #[test]
    fn a_cps_decision_plans_both_limits_unconfirmed_and_a_task_before_the_first() {
        let ev = event(EventKind::ReviewableDecisionRecorded {
            decision_id: "RD1".into(),
            by: ReviewDecisionMaker::Cps,
            told_on: d("2026-10-20"),
        });
        let plan = run_at(&ev, &criminal(), "2026-10-21T09:00:00Z");
        let prompt = deadline(&plan, DeadlineKind::RightToReviewPromptRequest);
        // 10 working days from Tuesday 20 October: Tuesday 3 November, GMT.
        assert_eq!(prompt.due_date, d("2026-11-03"));
        assert_eq!(prompt.due, t("2026-11-03T23:59:00Z"));
        assert!(!prompt.confirmed, "the figure is marked unconfirmed");
        assert!(!prompt.operational);
        let latest = deadline(&plan, DeadlineKind::RightToReviewRequest);
        assert_eq!(latest.due_date, d("2027-01-20"));
        let talk = task(&plan, TaskKind::DiscussRightToReview);
        assert_eq!(talk.due, Some(prompt.due));
        // Seen after the prompt limit: only the latest is planned, and the
        // talk is due by it.
        let plan = run_at(&ev, &criminal(), "2026-11-20T09:00:00Z");
        assert_eq!(plan.deadlines.len(), 1);
        assert_eq!(
            task(&plan, TaskKind::DiscussRightToReview).due,
            Some(t("2027-01-20T23:59:00Z"))
        );
        // Seen after both: nothing.
        let plan = run_at(&ev, &criminal(), "2027-02-01T09:00:00Z");
        assert!(plan.deadlines.is_empty() && plan.tasks.is_empty());
    }

    #[test]
    fn an_incident_plans_the_reminder_and_the_two_year_deadline() {
        let ev = event(EventKind::CompensationIncidentRecorded {
            claim_id: "CC1".into(),
            incident_on: d("2025-06-15"),
            previous_incident_on: None,
        });
        let plan = run_at(&ev, &criminal(), "2026-11-02T09:00:00Z");
        let dl = deadline(&plan, DeadlineKind::CompensationApplication);
        assert_eq!(dl.due_date, d("2027-06-15"));
        // 23:59 BST on 15 June 2027.
        assert_eq!(dl.due, t("2027-06-15T22:59:00Z"));
        assert!(dl.confirmed);
        assert!(dl.citation.contains("para 87"));
        let talk = task(&plan, TaskKind::DiscussCompensation);
        assert_eq!(talk.due, Some(t("2027-03-15T23:59:00Z")));
        assert!(!talk.detail.contains("address"));
    }
}

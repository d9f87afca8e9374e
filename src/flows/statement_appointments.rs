//! Statement-taking and ABE-interview appointments (issue 19, item 4).
//!
//! The police take the victim's witness statement, or record her Achieving
//! Best Evidence (ABE) interview, at a booked time. Her supporter must not
//! be in the room (the defence could say her evidence was coached), but may
//! be with her before and after; an alternative supporter is booked in
//! case the first is away. The reminders the rules table sets
//! (`statement_appointments.reminders`) become tasks for the supporter,
//! the alternative supporter and the officer, each at a London wall-clock
//! time, keyed under the appointment's version so a change or withdrawal
//! cancels them.
//!
//! A booked supporter who is also to be her supporter at court raises
//! `Warning::SupporterPresentAtStatementAndCourt` (through
//! `criminal::check_statement_and_court`).
//!
//! Nothing here is a notice: tasks say the kind of appointment, its day
//! and time and the person's part, never the place.

use super::criminal::check_statement_and_court;
use super::keys::Subject;
use super::plan::{Cancellation, TaskKind};
use super::planner::Planner;
use crate::calendar::{self, BankHolidays};
use crate::domain::StatementAppointmentKind;
use crate::rules::{DayUnit, StatementAppointmentRules, StatementReminderTo};
use chrono::{DateTime, Days, NaiveDate, Utc};

pub(crate) const STEP_REMIND_SUPPORTER: &str = "statement_appointment.remind_supporter";
pub(crate) const STEP_REMIND_ALTERNATIVE: &str = "statement_appointment.remind_alternative";
pub(crate) const STEP_REMIND_OFFICER: &str = "statement_appointment.remind_officer";

/// An appointment as booked, for planning.
pub(crate) struct Booking<'a> {
    pub id: &'a str,
    pub kind: StatementAppointmentKind,
    pub starts_at: DateTime<Utc>,
    pub version: i32,
    pub previous_version: Option<i32>,
    pub supporter_id: &'a str,
    pub alternative_supporter_id: &'a str,
    pub officer_id: &'a str,
}

/// One reminder to plan.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reminder {
    /// The rule's name.
    pub rule: String,
    pub to: StatementReminderTo,
    pub at: DateTime<Utc>,
}

fn reminder_date(
    days_before: i64,
    unit: DayUnit,
    day: NaiveDate,
    holidays: &BankHolidays,
) -> Option<NaiveDate> {
    match unit {
        DayUnit::CalendarDays => day.checked_sub_days(Days::new(days_before.unsigned_abs())),
        DayUnit::WorkingDays => holidays.checked_add_working_days(day, -days_before),
    }
}

/// When to remind whom of an appointment starting at `starts_at`, earliest
/// first: each rule's London wall-clock time on the day it counts back to
/// from the appointment's London date (BST or GMT as that day falls). A
/// reminder not after `now`, or not before the start, is left out, and so
/// is a second one to the same person at the same instant.
pub fn reminders(
    rules: &StatementAppointmentRules,
    holidays: &BankHolidays,
    starts_at: DateTime<Utc>,
    now: DateTime<Utc>,
) -> Vec<Reminder> {
    let day = calendar::london_date(starts_at);
    let mut out: Vec<Reminder> = Vec::new();
    for rule in &rules.reminders {
        let Some(date) = reminder_date(rule.days_before, rule.unit, day, holidays) else {
            continue;
        };
        let at = calendar::local_to_utc(date, rule.local_time);
        if at <= now || at >= starts_at {
            continue;
        }
        for to in &rule.to {
            if out.iter().any(|r| r.at == at && r.to == *to) {
                continue;
            }
            out.push(Reminder {
                rule: rule.name.clone(),
                to: *to,
                at,
            });
        }
    }
    out.sort_by_key(|r| r.at);
    out
}

/// The words for a kind of appointment in a task (no personal data).
pub fn name(kind: StatementAppointmentKind) -> &'static str {
    match kind {
        StatementAppointmentKind::Statement => "witness statement appointment",
        StatementAppointmentKind::AbeInterview => "ABE (video) interview",
    }
}

/// An appointment booked or changed: withdraw the reminders planned for
/// the version before, warn if the booked supporter is also to be at court
/// with her, and plan the reminders.
pub(crate) fn set(p: &mut Planner<'_>, b: &Booking<'_>) {
    if let Some(before) = b.previous_version.filter(|v| *v != b.version) {
        p.plan.cancellations.push(Cancellation::KeyPrefix {
            prefix: Subject::statement_appointment(b.id, before).prefix(),
        });
    }
    let booked_is_hers = p
        .ctx
        .supporter
        .as_ref()
        .is_some_and(|s| s.user_id == b.supporter_id);
    check_statement_and_court(p, booked_is_hers);
    let subject = Subject::statement_appointment(b.id, b.version);
    let when = calendar::to_london(b.starts_at).format("%A %-d %B %Y at %H:%M");
    let what = name(b.kind);
    for r in reminders(
        &p.rules.statement_appointments,
        p.holidays,
        b.starts_at,
        p.now,
    ) {
        let (step, who, detail) = match r.to {
            StatementReminderTo::Supporter => (
                STEP_REMIND_SUPPORTER,
                b.supporter_id,
                format!("Reminder: {what} on {when}. You are booked to be with the victim before and after it; you must not be in the room while it is taken"),
            ),
            StatementReminderTo::AlternativeSupporter => (
                STEP_REMIND_ALTERNATIVE,
                b.alternative_supporter_id,
                format!("Reminder: {what} on {when}. You are the alternative supporter for before and after it, in case the booked supporter is away; never in the room"),
            ),
            StatementReminderTo::Officer => (
                STEP_REMIND_OFFICER,
                b.officer_id,
                format!("Reminder: {what} on {when}. The victim's supporter is booked for before and after it and must not be in the room (see the appointment's page)"),
            ),
        };
        p.task_to(
            step,
            TaskKind::RemindOfStatementAppointment,
            (&subject, &format!("task:{}", r.rule)),
            Some(r.at),
            who,
            detail,
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::AttendanceState;
    use crate::flows::testkit::{criminal, event, holidays, rules, run_at, t, with_request};
    use crate::flows::{Cancellation, EventKind, Warning};
    use StatementReminderTo::{AlternativeSupporter as Alt, Officer, Supporter};

    fn table() -> StatementAppointmentRules {
        rules().statement_appointments
    }

    #[test]
    fn reminders_fall_at_london_times_across_both_clock_changes() {
        // (appointment start UTC, now, [(to, at UTC)])
        let all = |two: &str, day: &str| {
            vec![
                (Supporter, t(two)),
                (Alt, t(two)),
                (Officer, t(two)),
                (Supporter, t(day)),
                (Alt, t(day)),
            ]
        };
        type Row = (
            &'static str,
            &'static str,
            Vec<(StatementReminderTo, DateTime<Utc>)>,
        );
        let cases: Vec<Row> = vec![
            // Monday 26 October 2026, 10:00 GMT, the day after the clocks
            // went back (last Sunday of October): two working days before
            // is Thursday 22 October, 09:00 BST = 08:00 UTC; the day before
            // is Sunday 25 October itself, 16:00 GMT = 16:00 UTC.
            (
                "2026-10-26T10:00:00Z",
                "2026-10-01T09:00:00Z",
                all("2026-10-22T08:00:00Z", "2026-10-25T16:00:00Z"),
            ),
            // 01:30 on Sunday 25 October 2026 happens twice; the page takes
            // the first (BST), 00:30 UTC. Two working days before is
            // Thursday 22 October; the day before is Saturday 24 October,
            // 16:00 BST = 15:00 UTC.
            (
                "2026-10-25T00:30:00Z",
                "2026-10-01T09:00:00Z",
                all("2026-10-22T08:00:00Z", "2026-10-24T15:00:00Z"),
            ),
            // Monday 29 March 2027 (Easter Monday), 10:00 BST = 09:00 UTC,
            // the day after the clocks went forward (last Sunday of March):
            // Good Friday skipped, two working days before is Wednesday 24
            // March, 09:00 GMT; the day before is Sunday 28 March, 16:00
            // BST = 15:00 UTC.
            (
                "2027-03-29T09:00:00Z",
                "2027-03-01T09:00:00Z",
                all("2027-03-24T09:00:00Z", "2027-03-28T15:00:00Z"),
            ),
            // Booked late: only the day-before reminder is still to come.
            (
                "2026-10-26T10:00:00Z",
                "2026-10-23T12:00:00Z",
                vec![
                    (Supporter, t("2026-10-25T16:00:00Z")),
                    (Alt, t("2026-10-25T16:00:00Z")),
                ],
            ),
            // Booked on the day: nothing left to remind.
            ("2026-10-26T10:00:00Z", "2026-10-26T08:00:00Z", vec![]),
        ];
        for (start, now, want) in cases {
            let got: Vec<(StatementReminderTo, DateTime<Utc>)> =
                reminders(&table(), &holidays(), t(start), t(now))
                    .into_iter()
                    .map(|r| (r.to, r.at))
                    .collect();
            assert_eq!(got, want, "{start} booked at {now}");
        }
    }

    fn booked(version: i32, previous: Option<i32>, supporter: &str) -> crate::flows::Event {
        event(EventKind::StatementAppointmentSet {
            appointment_id: "SA1".into(),
            appointment: StatementAppointmentKind::AbeInterview,
            starts_at: t("2026-11-26T10:00:00Z"),
            version,
            previous_version: previous,
            supporter_id: supporter.into(),
            alternative_supporter_id: "U2".into(),
            officer_id: "W1".into(),
        })
    }

    #[test]
    fn an_appointment_plans_reminders_to_the_three_and_a_change_withdraws_the_old_ones() {
        let plan = run_at(&booked(1, None, "U1"), &criminal(), "2026-11-02T09:00:00Z");
        assert!(plan.notices.is_empty(), "nothing is sent to anyone");
        assert!(plan.cancellations.is_empty());
        let to: Vec<(&str, &str, DateTime<Utc>)> = plan
            .tasks
            .iter()
            .map(|t| {
                (
                    t.step.as_str(),
                    t.assignee.as_deref().unwrap_or(""),
                    t.due.unwrap(),
                )
            })
            .collect();
        assert_eq!(
            to,
            [
                (STEP_REMIND_SUPPORTER, "U1", t("2026-11-24T09:00:00Z")),
                (STEP_REMIND_ALTERNATIVE, "U2", t("2026-11-24T09:00:00Z")),
                (STEP_REMIND_OFFICER, "W1", t("2026-11-24T09:00:00Z")),
                (STEP_REMIND_SUPPORTER, "U1", t("2026-11-25T16:00:00Z")),
                (STEP_REMIND_ALTERNATIVE, "U2", t("2026-11-25T16:00:00Z")),
            ]
        );
        for task in &plan.tasks {
            assert_eq!(task.kind, TaskKind::RemindOfStatementAppointment);
            assert!(task
                .idempotency_key
                .starts_with("statement_appointment:SA1/v1/"));
            assert!(
                task.detail.contains("Thursday 26 November 2026 at 10:00"),
                "{}",
                task.detail
            );
            assert!(task.detail.contains("ABE"));
        }
        let officer = &plan.tasks[2];
        assert_eq!(officer.role, crate::rules::Actor::WitnessCareOfficer);

        let moved = run_at(
            &booked(2, Some(1), "U1"),
            &criminal(),
            "2026-11-02T09:00:00Z",
        );
        assert_eq!(
            moved.cancellations,
            [Cancellation::KeyPrefix {
                prefix: "statement_appointment:SA1/v1/".into()
            }]
        );
        assert!(moved.tasks[0]
            .idempotency_key
            .starts_with("statement_appointment:SA1/v2/"));
    }

    #[test]
    fn a_booked_supporter_who_is_also_her_court_supporter_is_warned_about() {
        // (booked supporter, her attendance request for the next hearing,
        // her wish to have the supporter at court recorded, warned)
        let cases = [
            ("U1", Some(AttendanceState::Requested), true, true),
            ("U1", Some(AttendanceState::CpsInformed), false, true),
            ("U1", Some(AttendanceState::Withdrawn), false, false),
            ("U1", None, false, false),
            ("U1", None, true, true),
            // Another supporter is booked for the statement: no clash.
            ("U9", Some(AttendanceState::Requested), true, false),
        ];
        for (supporter, request, wish, warned) in cases {
            let mut ctx = match request {
                Some(state) => with_request(criminal(), state),
                None => criminal(),
            };
            ctx.wish_to_accompany_recorded = wish;
            let plan = run_at(&booked(1, None, supporter), &ctx, "2026-11-02T09:00:00Z");
            let got = plan
                .warnings
                .contains(&Warning::SupporterPresentAtStatementAndCourt {
                    supporter_user_id: "U1".into(),
                });
            assert_eq!(got, warned, "{supporter} {request:?}");
        }
    }
}

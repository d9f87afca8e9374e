//! What each figure means, and how the raw counts become the figures a
//! reader sees (with suppression applied). Pure: counts in, figures out.

use serde::Serialize;

use super::compute::{median, percentile};
use super::query::Counts;
use super::suppress::{share, statistic, suppress, Shown};
use crate::domain::{AttendanceState, DecisionReasonKind};

/// One line of a table: a count, a share or a number of days.
#[derive(Debug, Clone, Serialize, PartialEq, utoipa::ToSchema)]
pub struct Figure {
    pub key: String,
    pub label: String,
    /// `count`, `total`, `percent` or `days`.
    pub kind: &'static str,
    /// None when suppressed (or there is nothing to compute it from).
    pub value: Option<f64>,
    /// As shown on the page and in the CSV: a number, "fewer than 5",
    /// "suppressed" or "not available".
    pub display: String,
    /// Why the value is hidden: fewer_than_5, secondary, small_population
    /// or too_few (a statistic over fewer than 5 values).
    pub suppressed: Option<&'static str>,
}

/// One measure: a table of figures with its one-line definition.
#[derive(Debug, Clone, Serialize, PartialEq, utoipa::ToSchema)]
pub struct Measure {
    pub key: &'static str,
    pub title: &'static str,
    pub definition: &'static str,
    pub figures: Vec<Figure>,
}

/// The label of a reason category, for forms and reports.
pub fn reason_label(k: DecisionReasonKind) -> &'static str {
    match k {
        DecisionReasonKind::NotInInterestsOfJustice => "Not in the interests of justice",
        DecisionReasonKind::NotNecessary => "Not necessary in the interests of justice",
        DecisionReasonKind::SupporterIsWitness => "Supporter is a witness, or saw the statement",
        DecisionReasonKind::RoomOrFacilities => "Room or live-link facilities",
        DecisionReasonKind::RequestTooLate => "The request came too late",
        DecisionReasonKind::Other => "Another reason",
    }
}

fn count(key: &str, label: &str, shown: Shown, total: bool) -> Figure {
    Figure {
        key: key.into(),
        label: label.into(),
        kind: if total { "total" } else { "count" },
        value: shown.value().map(|v| v as f64),
        display: shown.text(),
        suppressed: shown.reason(),
    }
}

fn derived(
    key: &str,
    label: &str,
    kind: &'static str,
    value: Option<f64>,
    basis: &[Shown],
) -> Figure {
    let suppressed = match value {
        Some(_) => None,
        None => basis.iter().find_map(|b| match b {
            Shown::Count(n) if (1..super::suppress::THRESHOLD).contains(n) => Some("too_few"),
            other => other.reason(),
        }),
    };
    let display = match value {
        Some(v) if kind == "percent" => format!("{v:.1}%"),
        Some(v) => format!("{v:.1} days"),
        None if suppressed.is_some() => "suppressed".into(),
        None => "not available".into(),
    };
    Figure {
        key: key.into(),
        label: label.into(),
        kind,
        value,
        display,
        suppressed,
    }
}

/// A table: its cells (key, label, count), suppressed together, then its
/// total. Returns the figures and the shown cells and total.
fn table(
    cells: &[(&str, &str, i64)],
    units: i64,
    parent_hidden: bool,
    total_label: &str,
) -> (Vec<Figure>, Vec<Shown>, Shown) {
    let counts: Vec<i64> = cells.iter().map(|c| c.2).collect();
    let s = suppress(&counts, units, parent_hidden);
    let mut out: Vec<Figure> = cells
        .iter()
        .zip(&s.cells)
        .map(|((key, label, _), shown)| count(key, label, *shown, false))
        .collect();
    out.push(count("total", total_label, s.total, true));
    (out, s.cells, s.total)
}

fn sum_states(map: &std::collections::BTreeMap<String, i64>, states: &[AttendanceState]) -> i64 {
    states
        .iter()
        .map(|s| map.get(s.as_str()).copied().unwrap_or(0))
        .sum()
}

/// Every measure of the report, suppressed.
pub fn measures(c: &Counts) -> Vec<Measure> {
    use AttendanceState::*;
    let mut out = Vec::new();
    let undecided = [Requested, WcuInformed, CpsInformed, IdentifiedToCourt];
    let all = |st: &[AttendanceState]| {
        sum_states(&c.requests_past, st) + sum_states(&c.requests_ahead, st)
    };
    let attended = all(&[Attended]);
    let allowed = all(&[Allowed]) + attended - c.attended_with_conditions;
    let with_conditions = all(&[AllowedWithConditions]) + c.attended_with_conditions;
    let refused = all(&[Refused, DirectedShouldNotAttend, DirectedNeedNotAttend]);
    let (figures, cells, total) = table(
        &[
            ("allowed", "Allowed (including attended)", allowed),
            (
                "allowed_with_conditions",
                "Allowed with conditions",
                with_conditions,
            ),
            ("refused", "Refused, or directed not to attend", refused),
            ("withdrawn", "Withdrawn", all(&[Withdrawn])),
            (
                "not_decided_by_hearing",
                "Not decided by the hearing day",
                sum_states(&c.requests_past, &undecided),
            ),
            (
                "awaiting_decision",
                "Undecided, hearing ahead",
                sum_states(&c.requests_ahead, &undecided),
            ),
        ],
        c.request_cases,
        false,
        "Requests",
    );
    out.push(Measure {
        key: "attendance_outcomes",
        title: "Supporter-attendance requests by outcome",
        definition: "Requests for a supporter to attend a hearing that starts in the period, by where they stand now; a request still undecided when its hearing started counts as not decided by the hearing day.",
        figures,
    });
    let refused_shown = cells[2];
    let requests_total = total;

    let mut reason_cells: Vec<(String, &str, i64)> = DecisionReasonKind::ALL
        .iter()
        .map(|k| {
            (
                k.as_str().to_string(),
                reason_label(*k),
                c.reasons
                    .get(&Some(k.as_str().to_string()))
                    .copied()
                    .unwrap_or(0),
            )
        })
        .collect();
    let categorised: i64 = reason_cells.iter().map(|r| r.2).sum();
    let all_reasons: i64 = c.reasons.values().sum();
    reason_cells.push((
        "not_categorised".into(),
        "Not categorised",
        all_reasons - categorised,
    ));
    let borrowed: Vec<(&str, &str, i64)> = reason_cells
        .iter()
        .map(|(k, l, n)| (k.as_str(), *l, *n))
        .collect();
    let (figures, _, _) = table(
        &borrowed,
        c.request_cases,
        refused_shown.is_hidden(),
        "Refusals and directions",
    );
    out.push(Measure {
        key: "refusal_reasons",
        title: "Reasons for refusals",
        definition: "Refusals and directions not to attend, tallied by the category of the court's reason recorded with the decision; the reason's words are never counted or shown.",
        figures,
    });

    out.push(Measure {
        key: "request_notice",
        title: "Notice given before the hearing",
        definition: "Working days (England and Wales, bank holidays excluded) from the day a request was made to the hearing day, over the requests above; worked out row by row outside the database.",
        figures: vec![
            derived("median_working_days", "Median", "days", statistic(median(&c.notice_days), requests_total), &[requests_total]),
            derived("p90_working_days", "90th percentile", "days", statistic(percentile(&c.notice_days, 90), requests_total), &[requests_total]),
        ],
    });

    let with = c.evidence_with_supporter;
    let (mut figures, cells, total) = table(
        &[
            ("with_supporter", "With a supporter present", with),
            (
                "without_supporter",
                "Without a supporter",
                c.evidence_hearings - with,
            ),
        ],
        c.evidence_cases,
        false,
        "Hearings where the victim gave evidence",
    );
    figures.push(derived(
        "share_with_supporter",
        "Share with a supporter",
        "percent",
        share(cells[0], total),
        &[cells[0], total],
    ));
    out.push(Measure {
        key: "evidence_with_supporter",
        title: "Giving evidence with a supporter beside them",
        definition: "Hearings in the period, already started and not vacated, at which the victim was to give evidence; with a supporter present means a request for that hearing is recorded as attended.",
        figures,
    });

    let visited = c.visit_days_before.len() as i64;
    let (mut figures, cells, total) = table(
        &[
            (
                "visit_before_trial",
                "Pre-trial visit before the trial",
                visited,
            ),
            ("no_visit", "No visit before the trial", c.trials - visited),
        ],
        c.trial_cases,
        false,
        "Trials",
    );
    figures.push(derived(
        "share_with_visit",
        "Share with a visit",
        "percent",
        share(cells[0], total),
        &[cells[0], total],
    ));
    figures.push(derived(
        "median_days_before",
        "Median days between visit and trial",
        "days",
        statistic(median(&c.visit_days_before), cells[0]),
        &[cells[0]],
    ));
    out.push(Measure {
        key: "pre_trial_visits",
        title: "Pre-trial visits before trials",
        definition: "Trials listed in the period (not vacated) with a pre-trial visit for the case arranged or attended on a date before the trial; days before are calendar days from the latest such visit to the trial.",
        figures,
    });

    let (figures, cells, _) = table(
        &[
            (
                "supporter_present",
                "Supporter present",
                c.discussions_with_supporter,
            ),
            (
                "without_supporter",
                "Held without the supporter",
                c.discussions_without_supporter,
            ),
        ],
        c.discussion_cases,
        false,
        "Special-measures discussions",
    );
    out.push(Measure {
        key: "special_measures",
        title: "Special-measures discussions",
        definition:
            "Special-measures discussions held in the period, by whether the supporter was there.",
        figures,
    });
    let without = cells[1];
    let informed = c.inform_days.len() as i64;
    let (mut figures, cells, total) = table(
        &[
            ("informed", "Supporter told", informed),
            (
                "not_informed",
                "Supporter not told",
                c.discussions_without_supporter - informed,
            ),
        ],
        c.discussion_cases,
        without.is_hidden(),
        "Held without the supporter",
    );
    figures.push(derived(
        "share_informed",
        "Share where the supporter was told",
        "percent",
        share(cells[0], total),
        &[cells[0], total],
    ));
    figures.push(derived(
        "median_working_days",
        "Median working days to tell them",
        "days",
        statistic(median(&c.inform_days), cells[0]),
        &[cells[0]],
    ));
    out.push(Measure {
        key: "special_measures_informed",
        title: "Supporters told of discussions held without them",
        definition: "Of the discussions held without the supporter, those followed by a sent notice telling the supporter (for the same case, on or after the discussion), and the working days it took.",
        figures,
    });

    let mut late_cells = Vec::new();
    for (key, title, definition, on_time, late, units) in [
        (
            "right8_hearing_dates",
            "Victims' Code Right 8: hearing dates passed on",
            "Duties to tell the supporter (with the victim's consent) of a hearing's date counted from a day in the period and now met or missed: on time when done within 1 working day of the unit learning it.",
            c.hearing_dates_on_time,
            c.hearing_dates_late,
            c.hearing_date_victims,
        ),
        (
            "right8_outcomes",
            "Victims' Code Right 8: hearing outcomes passed on",
            "Duties to tell the supporter (with consent) of a hearing's outcome, counted from a day in the period: on time within 1 working day for victims entitled to enhanced rights, otherwise 5.",
            c.outcomes_on_time,
            c.outcomes_late,
            c.outcome_victims,
        ),
    ] {
        let (mut figures, cells, total) = table(
            &[("on_time", "On time", on_time), ("late", "Late or not done", late)],
            units,
            false,
            "Duties",
        );
        figures.push(derived("share_on_time", "Share on time", "percent", share(cells[0], total), &[cells[0], total]));
        late_cells.push(cells[1]);
        out.push(Measure { key, title, definition, figures });
    }
    let agency_cells: Vec<(&str, &str, i64)> = c
        .late_by_agency
        .iter()
        .map(|(name, n)| (name.as_str(), name.as_str(), *n))
        .collect();
    let (figures, _, _) = table(
        &agency_cells,
        c.hearing_date_victims.max(c.outcome_victims),
        late_cells.iter().any(|s| s.is_hidden()),
        "Late duties",
    );
    out.push(Measure {
        key: "right8_late_by_agency",
        title: "Late Right 8 duties by agency",
        definition: "The late or undone duties of the two measures above, by the agency responsible: the case's witness care unit.",
        figures,
    });

    let (mut figures, cells, total) = table(
        &[
            ("shared", "Shared with the supporter", c.parole_shared),
            ("withheld", "Withheld: no consent", c.parole_withheld),
        ],
        c.parole_victims,
        false,
        "Parole milestones",
    );
    figures.push(derived(
        "share_shared",
        "Share shared",
        "percent",
        share(cells[0], total),
        &[cells[0], total],
    ));
    out.push(Measure {
        key: "parole",
        title: "Parole milestones and the supporter",
        definition: "Parole milestones planned for sharing with the supporter in the period (not cancelled) against those withheld because the victim had not consented; filtered by period and organisation only.",
        figures,
    });

    let get = |m: &std::collections::BTreeMap<String, i64>, k: &str| m.get(k).copied().unwrap_or(0);
    let known = ["sent", "failed", "dead", "cancelled"];
    let other: i64 = c
        .notices
        .iter()
        .filter(|(k, _)| !known.contains(&k.as_str()))
        .map(|(_, n)| n)
        .sum();
    let (figures, _, _) = table(
        &[
            ("sent", "Sent", get(&c.notices, "sent")),
            ("failed", "Failed, to be retried", get(&c.notices, "failed")),
            (
                "escalated",
                "Escalated: could not be delivered, handed to a manager",
                get(&c.notices, "dead"),
            ),
            ("pending", "Waiting to be sent", other),
            (
                "cancelled",
                "Cancelled (no longer wanted)",
                get(&c.notices, "cancelled"),
            ),
        ],
        c.notice_victims,
        false,
        "Notices",
    );
    out.push(Measure {
        key: "notices",
        title: "Notices",
        definition: "Notices the flows planned in the period, by delivery state now.",
        figures,
    });

    let (figures, _, _) = table(
        &[
            ("met", "Met on time", get(&c.deadlines, "met")),
            ("missed", "Missed", get(&c.deadlines, "missed")),
            ("running", "Still running", get(&c.deadlines, "running")),
            ("cancelled", "Cancelled", get(&c.deadlines, "cancelled")),
        ],
        c.deadline_victims,
        false,
        "Deadlines",
    );
    out.push(Measure {
        key: "deadlines",
        title: "Deadlines",
        definition: "Deadlines the flows started that fall due in the period, by state: met on time, missed (due and not met in time), still running, or cancelled.",
        figures,
    });
    out
}

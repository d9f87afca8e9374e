//! Parole milestones logged by the Victim Liaison Officer: the supporter is
//! told only with the victim's parole-sharing consent; with no supporter the
//! officer is asked to offer a referral. Decision, reconsideration and
//! contact limits become deadlines.

use super::event::ParoleMilestone;
use super::facts::opt;
use super::keys::Subject;
use super::plan::{DeadlineKind, DisclosureCategory, Recipient, TaskKind};
use super::planner::{name_of, Draft, Planner};
use super::templates::TemplateKey;
use crate::domain::ParoleDecision;
use chrono::NaiveDate;
use serde_json::{json, Value};

pub(crate) const STEP_INFORM_SUPPORTER: &str = "parole.inform_supporter";
pub(crate) const STEP_OFFER_REFERRAL: &str = "parole.offer_referral";

fn reconsideration_eligible(p: &Planner<'_>, decision: ParoleDecision) -> bool {
    p.rules
        .parole
        .reconsideration_eligible_decisions
        .iter()
        .any(|d| d == decision.as_str())
}

/// Deadlines the milestone starts; returns (decision due, window end).
fn deadlines(
    p: &mut Planner<'_>,
    m: &ParoleMilestone,
    subject: &Subject,
) -> (Option<NaiveDate>, Option<NaiveDate>) {
    let limits = p.rules.time_limits.clone();
    // (the limit, counted from, whether it ends the decision or the window)
    let (kind, limit, from, window) = match m {
        ParoleMilestone::HearingListed { date, .. } => (
            DeadlineKind::ParoleDecisionDue,
            &limits.parole_decision_after_hearing,
            *date,
            false,
        ),
        ParoleMilestone::DecisionMade { decision, on }
            if reconsideration_eligible(p, *decision) =>
        {
            let window = &limits.parole_reconsideration_window;
            (DeadlineKind::ReconsiderationWindowEnds, window, *on, true)
        }
        ParoleMilestone::ReconsiderationWindow { opened_on } => {
            let window = &limits.parole_reconsideration_window;
            (
                DeadlineKind::ReconsiderationWindowEnds,
                window,
                *opened_on,
                true,
            )
        }
        ParoleMilestone::ReferredToVictimContactScheme { on } => {
            let limit = &limits.vlo_contact_after_referral;
            p.deadline_after(DeadlineKind::VloContactsVictim, limit, *on, subject, false);
            return (None, None);
        }
        _ => return (None, None),
    };
    let due = p.deadline_after(kind, limit, from, subject, false).due_date;
    if window {
        (None, Some(due))
    } else {
        (Some(due), None)
    }
}

/// The milestone's fields. A release date is shared as its month only.
fn fields(m: &ParoleMilestone) -> Vec<(&'static str, Value)> {
    let mut data = vec![("milestone", json!(m.name()))];
    match m {
        ParoleMilestone::VictimPersonalStatementDue { due } => {
            data.push(("statement_due", json!(due.to_string())))
        }
        ParoleMilestone::HearingListed { date, format } => {
            data.push(("date", json!(date.to_string())));
            data.push(("hearing_format", json!(format.as_str())));
        }
        ParoleMilestone::DecisionExpected { by } => {
            data.push(("decision_due", json!(by.to_string())))
        }
        ParoleMilestone::DecisionMade { decision, on } => {
            data.push(("decision", json!(decision.as_str())));
            data.push(("date", json!(on.to_string())));
        }
        ParoleMilestone::ReconsiderationWindow { opened_on: on }
        | ParoleMilestone::ReferredToVictimContactScheme { on } => {
            data.push(("date", json!(on.to_string())))
        }
        ParoleMilestone::ReleaseDate { date } => {
            data.push(("release_month", json!(date.format("%Y-%m").to_string())))
        }
        ParoleMilestone::LicenceConditions { conditions } => data.push((
            "licence_conditions",
            json!(conditions.iter().map(name_of).collect::<Vec<_>>()),
        )),
        ParoleMilestone::ReviewStarted
        | ParoleMilestone::HearingDeferred
        | ParoleMilestone::HearingAdjourned => {}
    }
    data
}

pub(crate) fn milestone_logged(p: &mut Planner<'_>, m: &ParoleMilestone) {
    let subject = Subject::event(&p.event.id);
    let (decision_due, window_ends) = deadlines(p, m, &subject);
    let Some(s) = p.ctx.supporter.clone() else {
        p.task(
            STEP_OFFER_REFERRAL,
            TaskKind::OfferSupportReferral,
            &Subject::victim(&p.ctx.victim.id, "parole"),
            None,
            "No supporter is in place: offer the victim a referral to a support service".into(),
        );
        return;
    };
    let mut data = vec![("victim_reference", json!(p.ctx.victim.reference))];
    data.extend(fields(m));
    if let Some(due) = decision_due {
        data.push(("decision_due", json!(due.to_string())));
    }
    data.push((
        "reconsideration_window_ends",
        opt(window_ends.map(|d| d.to_string())),
    ));
    p.notice(
        Draft::new(
            STEP_INFORM_SUPPORTER,
            TemplateKey::ParoleMilestone,
            Recipient::Supporter { user_id: s.user_id },
            DisclosureCategory::Parole,
            subject,
        )
        .data(data),
    );
}

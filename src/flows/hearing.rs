//! Hearing listed, moved, vacated or concluded: telling the victim and the
//! supporter within the time limits, re-planning what depended on the old
//! slot, and the limits an outcome starts.

use super::context::HearingFacts;
use super::court_needs;
use super::criminal;
use super::event::{HearingOutcome, Sentence};
use super::facts::{self, local_date, local_time, opt};
use super::family;
use super::keys::{hearing_change_prefix, hearing_slot_prefix, Subject};
use super::plan::{Cancellation, DeadlineKind, DisclosureCategory, Recipient, TaskKind};
use super::planner::{Draft, Planner};
use super::pleas;
use super::routing::spoc::{route_update, VictimUpdate};
use super::templates::TemplateKey;
use crate::calendar;
use crate::domain::{CaseKind, CourtKind};
use crate::rules::VictimContactSchemeRules;
use chrono::{DateTime, Utc};
use serde_json::json;

pub(crate) const STEP_DETAILS: &str = "hearing.details";
pub(crate) const STEP_CHANGE: &str = "hearing.change";
pub(crate) const STEP_FIXED_SHORT_NOTICE: &str = "hearing.fixed_short_notice";
pub(crate) const STEP_OUTCOME: &str = "hearing.outcome";
pub(crate) const STEP_WCO_OUTCOME_UPDATE: &str = "hearing.wco_outcome_update";
pub(crate) const STEP_SPECIAL_MEASURES_APPLICATION: &str = "hearing.special_measures_application";
pub(crate) const STEP_VCS_REFERRAL: &str = "victim_contact_scheme.referral";

fn current_hearing(p: &mut Planner<'_>) -> Option<HearingFacts> {
    let hearing = p.ctx.hearing.clone();
    if hearing.is_none() {
        p.missing("hearing");
    }
    hearing
}

/// How a hearing changed, for the change notices.
struct Change {
    kind: &'static str,
    previous_start: DateTime<Utc>,
    previous_court: Option<String>,
}

pub(crate) fn listed(p: &mut Planner<'_>) {
    let Some(h) = current_hearing(p) else { return };
    // Listed again: a vacation or adjournment not yet passed on is not.
    for kind in ["vacated", "adjourned"] {
        p.plan.cancellations.push(Cancellation::KeyPrefix {
            prefix: hearing_change_prefix(&h.id, kind),
        });
    }
    match p.ctx.case.kind {
        CaseKind::Criminal => {
            let subject = Subject::hearing_slot(&h.id, h.start);
            tell_of_hearing(p, &h, &subject, None);
            criminal::replan_for_hearing(p, &h);
            court_needs::hearing_soon_for_needs(p, &h);
        }
        CaseKind::Family => family::replan_for_hearing(p, &h),
        CaseKind::Civil => {}
    }
    tell_agencies_of_relisting(p, &h);
}

/// A hearing listed again after it was vacated or adjourned: each agency
/// sent an earlier slot is told the new one, from the last slot it was
/// sent.
fn tell_agencies_of_relisting(p: &mut Planner<'_>, h: &HearingFacts) {
    let subject = Subject::hearing_slot(&h.id, h.start);
    let now_at = Some((h.start, h.court.name.as_str()));
    for to in told_of_another_slot(p, now_at) {
        // Her responsible adults are sent what she is sent (a copy of her
        // change notice), never an agency's.
        if matches!(
            to,
            Recipient::Victim { .. }
                | Recipient::Supporter { .. }
                | Recipient::ResponsibleAdult { .. }
        ) {
            continue;
        }
        let Some(last) = p.ctx.told_of_slot.iter().rev().find(|n| n.recipient == to) else {
            continue;
        };
        let change = Change {
            kind: "moved",
            previous_start: last.start,
            previous_court: last.court.clone(),
        };
        agency_change(p, h, &agency_subject(h, &subject, &change), &change, to);
    }
}

pub(crate) fn moved(
    p: &mut Planner<'_>,
    previous_start: DateTime<Utc>,
    previous_court: Option<String>,
) {
    let Some(h) = current_hearing(p) else { return };
    p.plan.cancellations.push(Cancellation::KeyPrefix {
        prefix: hearing_slot_prefix(&h.id, previous_start),
    });
    let change = Change {
        kind: "moved",
        previous_start,
        previous_court,
    };
    let subject = Subject::hearing_slot(&h.id, h.start);
    match p.ctx.case.kind {
        CaseKind::Criminal => {
            tell_of_hearing(p, &h, &subject, Some(&change));
            criminal::replan_for_hearing(p, &h);
            court_needs::hearing_soon_for_needs(p, &h);
        }
        CaseKind::Family => family::replan_for_hearing(p, &h),
        CaseKind::Civil => {}
    }
    tell_agencies_of_change(p, &h, &subject, &change);
    short_notice_if_fixed(p, &h);
}

/// A hearing on a warned list was fixed at its slot by a firm or daily list.
pub(crate) fn fixed(p: &mut Planner<'_>) {
    let Some(h) = current_hearing(p) else { return };
    short_notice_if_fixed(p, &h);
}

/// A trial on a warned list now fixed for a day within the rules' short
/// notice (working days from today): the victim (or, with a single point of
/// contact, the supporter for them) and the supporter are told at once.
fn short_notice_if_fixed(p: &mut Planner<'_>, h: &HearingFacts) {
    if h.warned_until.is_none() || p.ctx.case.kind != CaseKind::Criminal {
        return;
    }
    let limit = p.rules.alerts.warned_list_fixed_short_notice.clone();
    let latest = limit.date_after(calendar::london_date(p.now), p.holidays);
    if calendar::london_date(h.start) > latest {
        return;
    }
    let mut data = facts::case(p.ctx);
    data.extend(facts::hearing(h));
    route_update(
        p,
        VictimUpdate {
            step: STEP_FIXED_SHORT_NOTICE,
            subject: Subject::hearing_part(&h.id, h.start, "fixed"),
            category: DisclosureCategory::HearingDetails,
            victim_template: TemplateKey::HearingFixedVictim,
            supporter_template: TemplateKey::HearingFixedSupporter,
            data,
            not_after: Some(h.start),
        },
    );
}

pub(crate) fn vacated(p: &mut Planner<'_>, adjourned: bool) {
    let Some(h) = current_hearing(p) else { return };
    p.plan.cancellations.push(Cancellation::KeyPrefix {
        prefix: hearing_slot_prefix(&h.id, h.start),
    });
    let change = Change {
        kind: if adjourned { "adjourned" } else { "vacated" },
        previous_start: h.start,
        previous_court: Some(h.court.name.clone()),
    };
    // Keyed apart from the slot, so the slot's cancellation cannot touch them.
    let subject = Subject::hearing(&h.id, format!("{}@{}", change.kind, h.start.timestamp()));
    debug_assert!(subject
        .prefix()
        .starts_with(&hearing_change_prefix(&h.id, change.kind)));
    if p.ctx.case.kind == CaseKind::Criminal {
        tell_of_hearing(p, &h, &subject, Some(&change));
        criminal::review_request_after_vacation(p, &h, &subject);
    }
    tell_agencies_of_change(p, &h, &subject, &change);
}

/// The victim (and the supporter, on the same clock) must be told a
/// hearing's date, time and place, or its change, within the limit.
fn tell_of_hearing(
    p: &mut Planner<'_>,
    h: &HearingFacts,
    subject: &Subject,
    change: Option<&Change>,
) {
    let learned = calendar::london_date(p.event.at);
    let limits = &p.rules.time_limits;
    let (to_victim, to_supporter) = (
        limits.hearing_details_to_victim.clone(),
        limits.hearing_details_to_supporter.clone(),
    );
    p.deadline_after(
        DeadlineKind::VictimToldOfHearing,
        &to_victim,
        learned,
        subject,
        false,
    );
    let mut data = facts::case(p.ctx);
    let (step, victim_template, supporter_template, category, not_after) = match change {
        None => (
            STEP_DETAILS,
            TemplateKey::HearingDetailsVictim,
            TemplateKey::HearingDetailsSupporter,
            DisclosureCategory::HearingDetails,
            Some(h.start),
        ),
        Some(c) => {
            data.extend(change_fields(c));
            let not_after = (c.kind == "moved").then_some(h.start);
            (
                STEP_CHANGE,
                TemplateKey::HearingChangeVictim,
                TemplateKey::HearingChangeSupporter,
                DisclosureCategory::HearingChange,
                not_after,
            )
        }
    };
    if change.is_none_or(|c| c.kind == "moved") {
        data.extend(facts::hearing(h));
    }
    let routed = route_update(
        p,
        VictimUpdate {
            step,
            subject: subject.clone(),
            category,
            victim_template,
            supporter_template,
            data,
            not_after,
        },
    );
    if routed.supporter {
        p.deadline_after(
            DeadlineKind::SupporterToldOfHearing,
            &to_supporter,
            learned,
            subject,
            false,
        );
    }
}

fn change_fields(c: &Change) -> facts::Fields {
    vec![
        ("change", json!(c.kind)),
        ("previous_date", local_date(c.previous_start)),
        ("previous_time", local_time(c.previous_start)),
        ("previous_court", opt(c.previous_court.as_ref())),
    ]
}

/// Everyone other than the victim and supporter who was told the old date
/// hears of the change (the victim and supporter are told by routing).
fn tell_agencies_of_change(
    p: &mut Planner<'_>,
    h: &HearingFacts,
    subject: &Subject,
    change: &Change,
) {
    let now_at = (change.kind == "moved").then_some((h.start, h.court.name.as_str()));
    let mut told = p.ctx.told_of_hearing.clone();
    for to in told_of_another_slot(p, now_at) {
        if !told.contains(&to) {
            told.push(to);
        }
    }
    for to in told {
        // Her responsible adults are sent what she is sent (a copy of her
        // change notice), never an agency's.
        if matches!(
            to,
            Recipient::Victim { .. }
                | Recipient::Supporter { .. }
                | Recipient::ResponsibleAdult { .. }
        ) {
            continue;
        }
        // Each is told from the last slot it was actually sent.
        let theirs = match last_told(p, &to) {
            Some((start, court)) => Change {
                kind: change.kind,
                previous_start: start,
                previous_court: match change.kind {
                    "moved" => court.filter(|c| *c != h.court.name),
                    _ => court.or_else(|| change.previous_court.clone()),
                },
            },
            None => Change {
                kind: change.kind,
                previous_start: change.previous_start,
                previous_court: change.previous_court.clone(),
            },
        };
        agency_change(p, h, &agency_subject(h, subject, change), &theirs, to);
    }
}

/// The last slot `to` was sent (or will still be sent) a notice naming.
fn last_told(p: &Planner<'_>, to: &Recipient) -> Option<(DateTime<Utc>, Option<String>)> {
    let cancelled = cancelled_prefixes(p);
    p.ctx
        .told_of_slot
        .iter()
        .filter(|n| n.recipient == *to)
        .rfind(|n| !(n.pending && cancelled.iter().any(|c| n.key.starts_with(c.as_str()))))
        .map(|n| (n.start, n.court.clone()))
}

fn cancelled_prefixes(p: &Planner<'_>) -> Vec<String> {
    p.plan
        .cancellations
        .iter()
        .filter_map(|c| match c {
            Cancellation::KeyPrefix { prefix } => Some(prefix.clone()),
            Cancellation::ConsentScope { .. } => None,
        })
        .collect()
}

/// What an agency's change notice is keyed by: for a move, the new slot
/// and its court, so a move to another court at the same time (or back)
/// is told again; otherwise the vacation or adjournment itself.
fn agency_subject(h: &HearingFacts, subject: &Subject, change: &Change) -> Subject {
    if change.kind == "moved" {
        Subject::hearing_part(&h.id, h.start, &format!("at:{}", h.court.name))
    } else {
        subject.clone()
    }
}

fn agency_change(
    p: &mut Planner<'_>,
    h: &HearingFacts,
    subject: &Subject,
    change: &Change,
    to: Recipient,
) {
    let mut data = facts::case(p.ctx);
    data.extend(change_fields(change));
    if change.kind == "moved" {
        data.extend(facts::hearing(h));
    }
    // A partner already sent the victim's needs at court with the
    // attendance request is sent them again with the new slot.
    let needs = if change.kind == "moved" && retold_needs(p, &to) {
        p.ctx.court_needs.disclosable.clone()
    } else {
        Vec::new()
    };
    data.push(("court_needs", court_needs::notice_field(&needs)));
    let not_after = (change.kind == "moved").then_some(h.start);
    p.notice(
        Draft::new(
            STEP_CHANGE,
            TemplateKey::HearingChangeAgency,
            to,
            DisclosureCategory::HearingChange,
            subject.clone(),
        )
        .data(data)
        .not_after(not_after),
    );
}

/// Whether `to` was sent the victim's needs at court with the attendance
/// request (the companion request to the prosecutor, the Witness Service
/// request) and so is told them again when the hearing moves.
fn retold_needs(p: &Planner<'_>, to: &Recipient) -> bool {
    let Some(partner) = court_needs::partner_of(to) else {
        return false;
    };
    let told: Vec<court_needs::NeedPartner> = p
        .ctx
        .told_of_slot
        .iter()
        .filter(|n| n.recipient == *to)
        .filter(|n| {
            n.step == criminal::STEP_INFORM_CPS || n.step == criminal::STEP_INFORM_WITNESS_SERVICE
        })
        .filter_map(|n| court_needs::partner_of(&n.recipient))
        .collect();
    court_needs::retell_on_move(&told, &p.ctx.court_needs.disclosable).contains(&partner)
}

/// Everyone sent a notice naming a slot other than `now_at` (the hearing's
/// slot after the change; `None` once it has none). A notice still pending
/// counts, as it will go out naming its slot, unless this plan cancels it
/// (then its recipient never learned the old slot).
fn told_of_another_slot(p: &Planner<'_>, now_at: Option<(DateTime<Utc>, &str)>) -> Vec<Recipient> {
    let cancelled = cancelled_prefixes(p);
    let mut out: Vec<Recipient> = Vec::new();
    for n in &p.ctx.told_of_slot {
        if n.pending && cancelled.iter().any(|c| n.key.starts_with(c.as_str())) {
            continue;
        }
        let same_slot = now_at.is_some_and(|(start, court)| {
            n.start == start && n.court.as_deref().is_none_or(|c| c == court)
        });
        if !same_slot && !out.contains(&n.recipient) {
            out.push(n.recipient.clone());
        }
    }
    out
}

pub(crate) fn concluded(p: &mut Planner<'_>, outcome: &HearingOutcome) {
    let Some(h) = current_hearing(p) else { return };
    if p.ctx.case.kind != CaseKind::Criminal {
        return;
    }
    let subject = Subject::hearing(&h.id, format!("outcome@{}", h.start.timestamp()));
    let learned = calendar::london_date(p.event.at);
    let limits = p.rules.time_limits.clone();
    let (to_victim, to_supporter) = if p.ctx.victim.enhanced_rights {
        (
            limits.outcome_to_victim_enhanced,
            limits.outcome_to_supporter_enhanced,
        )
    } else {
        (
            limits.outcome_to_victim_standard,
            limits.outcome_to_supporter_standard,
        )
    };
    p.deadline_after(
        DeadlineKind::VictimToldOfOutcome,
        &to_victim,
        learned,
        &subject,
        false,
    );
    let mut data = facts::case(p.ctx);
    data.extend([
        ("court_name", json!(h.court.name)),
        ("hearing_kind", json!(h.kind.as_str())),
        ("hearing_date", local_date(h.start)),
        ("outcome", json!(outcome.name())),
        (
            "outcome_description",
            opt(match outcome {
                HearingOutcome::Other { description } => Some(description),
                _ => None,
            }),
        ),
    ]);
    let routed = route_update(
        p,
        VictimUpdate {
            step: STEP_OUTCOME,
            subject: subject.clone(),
            category: DisclosureCategory::HearingOutcome,
            victim_template: TemplateKey::HearingOutcomeVictim,
            supporter_template: TemplateKey::HearingOutcomeSupporter,
            data,
            not_after: None,
        },
    );
    if routed.supporter {
        p.deadline_after(
            DeadlineKind::SupporterToldOfOutcome,
            &to_supporter,
            learned,
            &subject,
            false,
        );
    }
    let alert = p.rules.alerts.wco_update_after_outcome.clone();
    let wco = p.deadline_after(
        DeadlineKind::WcoUpdatesVictimOfOutcome,
        &alert,
        learned,
        &subject,
        true,
    );
    p.task(
        STEP_WCO_OUTCOME_UPDATE,
        TaskKind::UpdateVictimOfOutcome,
        &subject,
        Some(wco.due),
        "Update the victim (through the supporter where they are the single point of contact) with the outcome".into(),
    );
    let hearing_day = calendar::london_date(h.start);
    match outcome {
        HearingOutcome::NotGuiltyPlea => {
            special_measures_application(p, &h, hearing_day, &subject);
            pleas::not_guilty_plea(p, hearing_day);
        }
        HearingOutcome::GuiltyPlea => pleas::guilty_plea(p, &h.id, hearing_day),
        HearingOutcome::Sentenced { sentence } => {
            let eligibility = vcs_eligibility(sentence.as_ref(), &p.rules.victim_contact_scheme);
            if eligibility == VcsEligibility::NotEligible {
                return;
            }
            let limit = p.rules.time_limits.vcs_referral_after_sentence.clone();
            let d = p.deadline_after(
                DeadlineKind::VictimContactSchemeReferral,
                &limit,
                hearing_day,
                &subject,
                false,
            );
            let what = match eligibility {
                VcsEligibility::Eligible => {
                    "Refer the victim to the Victim Contact Scheme: the sentence makes them eligible"
                }
                _ => "Refer the victim to the Victim Contact Scheme if the sentence makes them eligible",
            };
            p.task(
                STEP_VCS_REFERRAL,
                TaskKind::ReferToVictimContactScheme,
                &subject,
                Some(d.due),
                what.into(),
            );
        }
        _ => {}
    }
}

/// Whether a sentence starts the Victim Contact Scheme referral clock.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum VcsEligibility {
    Eligible,
    NotEligible,
    /// The sentence was not recorded (older records): the referral is
    /// planned for the officer to decide.
    Unknown,
}

/// The rule (figures and citation in the rules table): a
/// specified violent or sexual offence, and a qualifying type of sentence
/// of at least the minimum length (a type passed without a length, such as
/// a hospital order, qualifies by type).
pub fn vcs_eligibility(
    sentence: Option<&Sentence>,
    rules: &VictimContactSchemeRules,
) -> VcsEligibility {
    let Some(s) = sentence else {
        return VcsEligibility::Unknown;
    };
    let qualifying_type = rules.sentence_types.iter().any(|t| t == s.kind.as_str());
    let long_enough = !s.kind.has_length() || s.months.unwrap_or(0) >= rules.min_sentence_months;
    if s.specified_offence && qualifying_type && long_enough {
        VcsEligibility::Eligible
    } else {
        VcsEligibility::NotEligible
    }
}

/// After a not-guilty plea the prosecutor's special-measures application
/// limits start. Every figure in the rules is planned as a deadline; the
/// task falls due at the earliest, so an unconfirmed shorter figure is
/// still met.
fn special_measures_application(
    p: &mut Planner<'_>,
    h: &HearingFacts,
    plea_day: chrono::NaiveDate,
    subject: &Subject,
) {
    let limits = &p.rules.time_limits.special_measures_application;
    let figures = match h.court.kind {
        CourtKind::Magistrates => limits.magistrates.clone(),
        // A combined court centre tries criminal cases as the Crown Court.
        CourtKind::Crown | CourtKind::Combined => limits.crown.clone(),
        CourtKind::Family => return,
    };
    let earliest = figures
        .iter()
        .map(|limit| {
            p.deadline_after(
                DeadlineKind::SpecialMeasuresApplication,
                limit,
                plea_day,
                subject,
                false,
            )
            .due
        })
        .min();
    p.task(
        STEP_SPECIAL_MEASURES_APPLICATION,
        TaskKind::ApplyForSpecialMeasures,
        subject,
        earliest,
        "Apply for the special measures the victim needs".into(),
    );
}

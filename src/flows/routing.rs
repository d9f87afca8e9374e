//! Consent gating, single-point-of-contact routing and redaction, and the
//! two events that are only about routing: an agency's update for the
//! victim, and a consent withdrawn.

pub mod consent;
pub mod redaction;
pub(crate) mod spoc;
use super::event::UpdateTopic;
use super::keys::Subject;
use super::plan::{Cancellation, DisclosureCategory, Recipient, TaskKind};
use super::planner::{name_of, Draft, Planner};
use super::templates::TemplateKey;
use crate::domain::ConsentScope;
use crate::rules::Actor;
use serde_json::json;

pub(crate) const STEP_UPDATE: &str = "routing.update";
pub(crate) const STEP_DIRECT_CONTACT: &str = "routing.direct_contact";
pub(crate) const STEP_DIRECT_CONTACT_MADE: &str = "routing.direct_contact_made";
pub(crate) const STEP_CONTACT_CHANGED: &str = "routing.contact_changed";

/// Whether the rules say the agency contacts the victim directly on this
/// topic even when the supporter is the single point of contact.
pub fn is_direct_contact_topic(rules: &crate::rules::RuleSet, topic: UpdateTopic) -> bool {
    let name = name_of(&topic);
    rules.routing.spoc_direct_contact_topics.contains(&name)
}

pub(crate) fn agency_update(p: &mut Planner<'_>, from: Actor, topic: UpdateTopic) {
    let subject = Subject::event(&p.event.id);
    let data = vec![
        ("case_reference", json!(p.ctx.case.reference)),
        ("victim_reference", json!(p.ctx.victim.reference)),
        ("from", json!(name_of(&from))),
        ("topic", json!(name_of(&topic))),
    ];
    if !is_direct_contact_topic(p.rules, topic) {
        spoc::route_update(
            p,
            spoc::VictimUpdate {
                step: STEP_UPDATE,
                subject,
                category: DisclosureCategory::CaseUpdate,
                victim_template: TemplateKey::UpdateVictim,
                supporter_template: TemplateKey::UpdateSupporter,
                data,
                not_after: None,
            },
        );
        return;
    }
    // Not for a template or a relay: the agency itself contacts the victim,
    // and the supporter is told that it has, so they can support.
    p.task_for(
        STEP_DIRECT_CONTACT,
        TaskKind::ContactVictimDirectly,
        &subject,
        None,
        from,
        format!("Contact the victim directly about: {}", name_of(&topic)),
    );
    if let Some(s) = &p.ctx.supporter {
        let to = Recipient::Supporter {
            user_id: s.user_id.clone(),
        };
        p.notice(
            Draft::new(
                STEP_DIRECT_CONTACT_MADE,
                TemplateKey::DirectContactMade,
                to,
                DisclosureCategory::DirectContactMade,
                subject,
            )
            .data(data),
        );
    }
}

pub(crate) fn consent_withdrawn(p: &mut Planner<'_>, scope: ConsentScope) {
    p.plan.cancellations.push(Cancellation::ConsentScope {
        victim_id: p.ctx.victim.id.clone(),
        scope,
    });
}

/// The supporter or single point of contact changed: the court, the Witness
/// Service and the witness care unit involved in each upcoming criminal
/// hearing are told who to contact now, once each (about the earliest
/// hearing they are involved in), with the basis that covers identifying
/// the supporter to them.
pub(crate) fn contact_changed(p: &mut Planner<'_>) {
    let Some(s) = p.ctx.supporter.clone() else {
        p.missing("supporter");
        return;
    };
    let subject = Subject::event(&p.event.id);
    let mut told: Vec<Recipient> = Vec::new();
    for up in p.ctx.upcoming_hearings.clone() {
        let h = &up.hearing;
        if h.start <= p.now {
            continue;
        }
        let mut to = vec![
            Recipient::Court {
                court: h.court.name.clone(),
            },
            Recipient::WitnessService {
                court: h.court.name.clone(),
            },
        ];
        if let Some(org_id) = up.wcu_org_id.clone() {
            to.push(Recipient::WitnessCareUnit { org_id });
        }
        let mut data = vec![
            ("case_reference", json!(up.case_reference)),
            ("victim_reference", json!(p.ctx.victim.reference)),
            ("spoc", json!(s.spoc_agreed_on.is_some())),
            ("court_name", json!(h.court.name)),
            ("hearing_kind", json!(h.kind.as_str())),
            ("hearing_date", super::facts::local_date(h.start)),
            ("hearing_time", super::facts::local_time(h.start)),
        ];
        data.extend(super::facts::supporter(&s));
        for recipient in to {
            if told.contains(&recipient) {
                continue;
            }
            told.push(recipient.clone());
            p.notice(
                Draft::new(
                    STEP_CONTACT_CHANGED,
                    TemplateKey::ContactChanged,
                    recipient,
                    DisclosureCategory::SupporterArrangements,
                    subject.clone(),
                )
                .data(data.clone())
                .not_after(Some(h.start)),
            );
        }
    }
}

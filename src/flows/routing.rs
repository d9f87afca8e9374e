//! Consent gating, single-point-of-contact routing and redaction, and the
//! two events that are only about routing: an agency's update for the
//! victim, and a consent withdrawn.

pub mod consent;
pub mod redaction;
pub(crate) mod spoc;

use super::context::ConsentScope;
use super::event::UpdateTopic;
use super::keys::Subject;
use super::plan::{Cancellation, DisclosureCategory, Recipient, TaskKind};
use super::planner::{name_of, Draft, Planner};
use super::templates::TemplateKey;
use crate::rules::Actor;
use serde_json::json;

pub(crate) const STEP_UPDATE: &str = "routing.update";
pub(crate) const STEP_DIRECT_CONTACT: &str = "routing.direct_contact";
pub(crate) const STEP_DIRECT_CONTACT_MADE: &str = "routing.direct_contact_made";

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

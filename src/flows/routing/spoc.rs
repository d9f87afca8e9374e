//! Routing an update meant for the victim: through the supporter when they
//! are the single point of contact, otherwise to the victim with a
//! simultaneous update to the supporter where the victim consented.

use crate::flows::keys::Subject;
use crate::flows::plan::{DisclosureCategory, Recipient};
use crate::flows::planner::{Draft, Planner};
use crate::flows::templates::TemplateKey;
use chrono::{DateTime, Utc};
use serde_json::Value;

pub struct VictimUpdate {
    pub step: &'static str,
    pub subject: Subject,
    pub category: DisclosureCategory,
    pub victim_template: TemplateKey,
    pub supporter_template: TemplateKey,
    pub data: Vec<(&'static str, Value)>,
    pub not_after: Option<DateTime<Utc>>,
}

/// Who an update was planned for.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Routed {
    pub victim: bool,
    pub supporter: bool,
    pub via_supporter: bool,
}

pub fn route_update(p: &mut Planner<'_>, update: VictimUpdate) -> Routed {
    let spoc = super::consent::spoc_basis(p.ctx, p.now)
        .filter(|_| super::consent::spoc_covers(update.category));
    let supporter = p.ctx.supporter.as_ref().map(|s| Recipient::Supporter {
        user_id: s.user_id.clone(),
    });
    let mut routed = Routed::default();
    if let (Some(basis), Some(to)) = (spoc, supporter.clone()) {
        let mut data = update.data;
        data.push(("relay_to_victim", Value::Bool(true)));
        routed.supporter = p.notice(
            Draft::new(
                update.step,
                update.supporter_template,
                to,
                update.category,
                update.subject,
            )
            .data(data)
            .not_after(update.not_after)
            .basis(basis),
        );
        routed.via_supporter = routed.supporter;
        return routed;
    }
    let victim = Recipient::Victim {
        victim_id: p.ctx.victim.id.clone(),
    };
    routed.victim = p.notice(
        Draft::new(
            update.step,
            update.victim_template,
            victim,
            update.category,
            update.subject.clone(),
        )
        .data(update.data.clone())
        .not_after(update.not_after),
    );
    if let Some(to) = supporter {
        let mut data = update.data;
        data.push(("relay_to_victim", Value::Bool(false)));
        routed.supporter = p.notice(
            Draft::new(
                update.step,
                update.supporter_template,
                to,
                update.category,
                update.subject,
            )
            .data(data)
            .not_after(update.not_after),
        );
    }
    routed
}

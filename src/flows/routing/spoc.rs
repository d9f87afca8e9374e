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
        routed.supporter = p.notice(supporter_copy(&update, to, true).basis(basis));
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
        routed.supporter = p.notice(supporter_copy(&update, to, false));
    }
    routed
}

/// The supporter's notice of an update: for her to pass on to the victim
/// (`relay`, as her single point of contact) or for her information.
fn supporter_copy(update: &VictimUpdate, to: Recipient, relay: bool) -> Draft {
    let mut data = update.data.clone();
    data.push(("relay_to_victim", Value::Bool(relay)));
    Draft::new(
        update.step,
        update.supporter_template,
        to,
        update.category,
        update.subject.clone(),
    )
    .data(data)
    .not_after(update.not_after)
}

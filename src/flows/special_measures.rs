//! A special-measures discussion with the victim: a supporter who was not
//! there is told it took place and which measures were discussed.

use super::criminal::check_statement_and_court;
use super::facts::{self, local_date};
use super::keys::Subject;
use super::plan::{DisclosureCategory, Recipient};
use super::planner::{Draft, Planner};
use super::templates::TemplateKey;
use crate::domain::{DiscussionSetting, SpecialMeasure};
use serde_json::json;

pub(crate) const STEP_INFORM_SUPPORTER: &str = "special_measures.inform_supporter";

pub(crate) fn discussion_recorded(
    p: &mut Planner<'_>,
    setting: DiscussionSetting,
    measures: &[SpecialMeasure],
    supporter_present: bool,
) {
    let at_statement = setting == DiscussionSetting::StatementTaking && supporter_present;
    check_statement_and_court(p, at_statement);
    if supporter_present {
        return;
    }
    let Some(s) = p.ctx.supporter.clone() else {
        return;
    };
    let mut data = facts::case(p.ctx);
    data.extend([
        ("setting", json!(setting.as_str())),
        (
            "measures",
            json!(measures.iter().map(|m| m.as_str()).collect::<Vec<_>>()),
        ),
        ("discussed_on", local_date(p.event.at)),
    ]);
    p.notice(
        Draft::new(
            STEP_INFORM_SUPPORTER,
            TemplateKey::SpecialMeasuresDiscussionHeld,
            Recipient::Supporter { user_id: s.user_id },
            DisclosureCategory::SpecialMeasures,
            Subject::event(&p.event.id),
        )
        .data(data),
    );
}

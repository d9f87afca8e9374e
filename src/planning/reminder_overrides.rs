//! An organisation's own reminder offsets: the `supporter` list of the
//! rules table's `reminders`, stored per organisation, replacing the
//! defaults for that organisation's supporters. Validated like the rules
//! table itself. No row: the defaults from `fixtures/rules.json`.

use chrono::{DateTime, Utc};
use diesel::prelude::*;

use crate::error::{AppError, AppResult};
use crate::flows::SupporterFacts;
use crate::rules::{ReminderRule, ReminderRules, RuleSet};
use crate::store::schema::{organisation_reminder_rules as orr, users};
use crate::store::{self, AnyConn};

/// The organisation's own reminders, if it has them.
pub fn load(conn: &mut AnyConn, organisation_id: &str) -> AppResult<Option<Vec<ReminderRule>>> {
    let json: Option<String> = orr::table
        .find(organisation_id)
        .select(orr::rules_json)
        .first(conn)
        .optional()?;
    json.map(|j| {
        serde_json::from_str(&j)
            .map_err(|e| AppError::Internal(format!("stored reminder rules: {e}")))
    })
    .transpose()
}

/// Pure: the rules with the supporter reminders replaced, if given.
pub fn apply(rules: &RuleSet, own: Option<Vec<ReminderRule>>) -> Option<RuleSet> {
    let own = own?;
    let mut out = rules.clone();
    out.reminders.supporter = own;
    Some(out)
}

/// The rules for planning this supporter's reminders: `None` when their
/// organisation uses the defaults.
pub fn for_supporter(
    conn: &mut AnyConn,
    supporter: Option<&SupporterFacts>,
    rules: &RuleSet,
) -> AppResult<Option<RuleSet>> {
    let Some(s) = supporter else { return Ok(None) };
    let org: Option<String> = users::table
        .find(&s.user_id)
        .select(users::organisation_id)
        .first(conn)
        .optional()?;
    let Some(org) = org else { return Ok(None) };
    Ok(apply(rules, load(conn, &org)?))
}

/// Each given supporter's organisation's own reminders, by supporter id,
/// for those whose organisation has them (two queries per 500 supporters).
pub fn for_supporters(
    conn: &mut AnyConn,
    supporter_ids: &[String],
) -> AppResult<std::collections::HashMap<String, Vec<ReminderRule>>> {
    let mut out = std::collections::HashMap::new();
    for chunk in supporter_ids.chunks(500) {
        let orgs: Vec<(String, String)> = users::table
            .filter(users::id.eq_any(chunk))
            .select((users::id, users::organisation_id))
            .load(conn)?;
        let org_ids: Vec<&String> = orgs.iter().map(|(_, o)| o).collect();
        let rules: std::collections::HashMap<String, String> = orr::table
            .filter(orr::organisation_id.eq_any(org_ids))
            .select((orr::organisation_id, orr::rules_json))
            .load::<(String, String)>(conn)?
            .into_iter()
            .collect();
        for (user, org) in orgs {
            if let Some(json) = rules.get(&org) {
                let own: Vec<ReminderRule> = serde_json::from_str(json)
                    .map_err(|e| AppError::Internal(format!("stored reminder rules: {e}")))?;
                out.insert(user, own);
            }
        }
    }
    Ok(out)
}

/// What is wrong with a proposed list, if anything (the rules table's own
/// checks, with the defaults' citation).
pub fn problem(rules: &[ReminderRule], citation: &str) -> Option<String> {
    ReminderRules {
        citation: citation.to_string(),
        supporter: rules.to_vec(),
    }
    .problem()
}

/// Stores (or, with `None`, removes) the organisation's own reminders.
pub fn save(
    conn: &mut AnyConn,
    organisation_id: &str,
    rules: Option<&[ReminderRule]>,
    by: &str,
    now: DateTime<Utc>,
) -> AppResult<()> {
    diesel::delete(orr::table.find(organisation_id)).execute(conn)?;
    if let Some(rules) = rules {
        let json = serde_json::to_string(rules)
            .map_err(|e| AppError::Internal(format!("reminder rules: {e}")))?;
        diesel::insert_into(orr::table)
            .values((
                orr::organisation_id.eq(organisation_id),
                orr::rules_json.eq(json),
                orr::updated_by.eq(by),
                orr::updated_at.eq(store::to_db(now)),
            ))
            .execute(conn)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::{DayUnit, ReminderOf, RulesTable};
    use chrono::{NaiveDate, NaiveTime};

    fn rule(name: &str, days: i64) -> ReminderRule {
        ReminderRule {
            name: name.into(),
            days_before: days,
            unit: DayUnit::CalendarDays,
            local_time: NaiveTime::from_hms_opt(17, 30, 0).unwrap(),
            of: vec![ReminderOf::Hearing],
        }
    }

    #[test]
    fn an_override_replaces_only_the_supporter_reminders() {
        let table = RulesTable::default_table();
        let defaults = table.in_force(NaiveDate::from_ymd_opt(2026, 3, 20).unwrap());
        assert_eq!(apply(defaults, None), None);
        let own = apply(defaults, Some(vec![rule("day_before", 1)])).unwrap();
        assert_eq!(own.reminders.supporter, vec![rule("day_before", 1)]);
        assert_eq!(own.reminders.citation, defaults.reminders.citation);
        assert_eq!(own.time_limits, defaults.time_limits);
    }

    #[test]
    fn overrides_are_checked_like_the_rules_table() {
        assert_eq!(problem(&[rule("day_before", 1)], "c"), None);
        assert_eq!(problem(&[], "c"), None, "no reminders at all is allowed");
        for bad in [
            vec![rule("Day Before", 1)],
            vec![rule("a", 1), rule("a", 2)],
            vec![rule("a", -1)],
            vec![rule("a", 400)],
            vec![ReminderRule {
                of: vec![],
                ..rule("a", 1)
            }],
        ] {
            assert!(problem(&bad, "c").is_some(), "{bad:?}");
        }
    }
}

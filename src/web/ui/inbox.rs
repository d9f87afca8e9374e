//! Each person's inbox (`/inbox`, "Needs your attention"): what arrived
//! for them across all their cases, in one place: requests from other
//! organisations waiting for them to confirm, messages about their cases
//! that could not be delivered, and the warnings the flows raised in the
//! last few weeks (a hearing listed on a bank holiday, a need recorded too
//! late to book, a message not sent for want of consent), each as a
//! sentence that says what to do, linked to its case.

use std::collections::HashMap;

use actix_web::{web, HttpRequest};
use chrono::{DateTime, Duration, Utc};
use serde_json::{json, Value};

use crate::error::AppResult;
use crate::policy::{Action, ResourceKind};
use crate::resources::{NoticeOut, Notices, WarningOut, Warnings};
use crate::store::AnyConn;
use crate::web::api::resource::{Ctx, Page};
use crate::web::AppState;

use super::forms::FormData;
use super::i18n::{text, text_with, Lang};
use super::lookup::{Lookup, Named};
use super::session::Session;
use super::{can, list_page, page, render, with_conn, PageResult};

/// How far back warnings are shown: older ones have been acted on or
/// overtaken, and stay on their case's page.
pub const WARNING_DAYS: i64 = 28;

const PER_PAGE: usize = 25;

/// The most warnings and failed messages read for the inbox (newest
/// first, one list page); beyond this the page says there are more.
const MOST: i64 = crate::app::MAX_PER_PAGE;

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.route("/inbox", web::get().to(inbox));
}

/// One line of the inbox.
#[derive(Debug, Clone, PartialEq)]
pub struct Item {
    pub at: DateTime<Utc>,
    pub text: String,
    pub case_id: Option<String>,
    pub href: String,
}

/// The warnings worth showing, as items: those a case worker can act on
/// (the others have no sentence), raised since `since`, newest first.
pub fn warning_items(lang: Lang, warnings: &[WarningOut], since: DateTime<Utc>) -> Vec<Item> {
    let mut items: Vec<Item> = warnings
        .iter()
        .filter(|w| w.created_at >= since)
        .filter_map(|w| {
            let text = super::warnings::sentence_in(lang, &w.kind, &w.detail)?;
            let href = match &w.case_id {
                Some(c) => format!("/cases/{c}#warnings"),
                None => "/cases".to_string(),
            };
            Some(Item {
                at: w.created_at,
                text,
                case_id: w.case_id.clone(),
                href,
            })
        })
        .collect();
    items.sort_by_key(|i| std::cmp::Reverse(i.at));
    items
}

/// What to say of a message about her case that was not delivered:
/// `None` for one that was (or is still on its way).
pub fn not_delivered(lang: Lang, state: &str, what: &str) -> Option<String> {
    let key = match state {
        "failed" => "inbox-not-delivered-retrying",
        "dead" => "inbox-not-delivered-given-up",
        _ => return None,
    };
    Some(text_with(lang, key, &[("what", what.to_owned())]))
}

/// Messages that could not be delivered, as items, newest first.
pub fn failed_items(lang: Lang, notices: &[NoticeOut]) -> Vec<Item> {
    let mut items: Vec<Item> = notices
        .iter()
        .filter_map(|n| {
            let what = super::labels::notice_template_in(lang, &n.template);
            let text = not_delivered(lang, &n.state, &what)?;
            Some(Item {
                at: n.send_after,
                text,
                case_id: n.case_id.clone(),
                href: format!("/notices/{}", n.id),
            })
        })
        .collect();
    items.sort_by_key(|i| std::cmp::Reverse(i.at));
    items
}

fn newest<R>(conn: &mut AnyConn, ctx: &Ctx, filter: Value) -> AppResult<(Vec<R::Output>, bool)>
where
    R: crate::web::api::resource::Resource,
{
    let found = list_page::<R>(
        conn,
        ctx,
        filter,
        Page {
            page: 1,
            per_page: MOST,
        },
    )?;
    let more = found.total > MOST;
    Ok((found.items, more))
}

fn gather(
    conn: &mut AnyConn,
    ctx: &Ctx,
    lang: Lang,
    warnings: bool,
    failed: bool,
) -> AppResult<(Vec<Item>, Vec<Item>, bool)> {
    let mut more = false;
    let warning_list = if warnings {
        let (found, m) = newest::<Warnings>(conn, ctx, json!({}))?;
        more |= m;
        warning_items(lang, &found, ctx.now - Duration::days(WARNING_DAYS))
    } else {
        Vec::new()
    };
    let failed_list = if failed {
        let mut all = Vec::new();
        for state in ["failed", "dead"] {
            let (found, m) = newest::<Notices>(conn, ctx, json!({"state": state}))?;
            more |= m;
            all.extend(found);
        }
        failed_items(lang, &all)
    } else {
        Vec::new()
    };
    Ok((warning_list, failed_list, more))
}

/// Names for the cases the items name (and their victims).
fn names(conn: &mut AnyConn, ctx: &Ctx, items: &[&[Item]]) -> AppResult<Lookup> {
    let mut named = Named::default();
    for item in items.iter().flat_map(|list| list.iter()) {
        if let Some(c) = &item.case_id {
            named.case(c);
        }
    }
    Lookup::naming(conn, ctx, &named)
}

fn view(lang: Lang, items: &[Item], look: &Lookup) -> Vec<Value> {
    items
        .iter()
        .map(|i| {
            json!({
                "text": i.text,
                "href": i.href,
                "when": super::i18n::long(lang, i.at),
                "case": i.case_id.as_deref().map(|c| text_with(
                    lang,
                    "inbox-case-victim",
                    &[("case", look.case_ref(c)), ("victim", look.case_victim_ref(c))],
                )),
            })
        })
        .collect()
}

/// How many items need the person's attention: for the home page's link.
pub async fn count(state: &AppState, s: &Session) -> Result<usize, super::PageError> {
    let (warnings, failed) = what_shows(s);
    if !warnings && !failed {
        return Ok(0);
    }
    let lang = s.lang;
    let (w, f, _) = with_conn(state, s, move |conn, ctx| {
        gather(conn, ctx, lang, warnings, failed)
    })
    .await?;
    Ok(w.len() + f.len())
}

/// Which parts of the inbox the person's role reads.
fn what_shows(s: &Session) -> (bool, bool) {
    (
        can(s, ResourceKind::Deadline, Action::Read),
        can(s, ResourceKind::Notice, Action::Read)
            && !matches!(s.role(), crate::domain::Role::Manager),
    )
}

async fn inbox(state: web::Data<AppState>, s: Session, req: HttpRequest) -> PageResult {
    // Everyone signed in has an inbox; what is in it follows what the
    // role may read.
    let form = FormData(
        web::Query::<Vec<(String, String)>>::from_query(req.query_string())
            .map(web::Query::into_inner)
            .unwrap_or_default(),
    );
    let page_no = super::page_number(form.get("page")) as usize;
    let (warnings, failed) = what_shows(&s);
    let lang = s.lang;
    let (w, f, look, more) = with_conn(&state, &s, move |conn, ctx| {
        let (w, f, more) = gather(conn, ctx, lang, warnings, failed)?;
        let look = names(conn, ctx, &[&w, &f])?;
        Ok((w, f, look, more))
    })
    .await?;
    let requests = if matches!(
        s.role(),
        crate::domain::Role::CourtStaff
            | crate::domain::Role::WitnessServiceStaff
            | crate::domain::Role::WitnessCareOfficer
    ) {
        Some(super::requests::waiting(&state, &s).await?)
    } else {
        None
    };
    let pages = w.len().div_ceil(PER_PAGE).max(1);
    let page_no = page_no.clamp(1, pages);
    let shown: Vec<Item> = w
        .iter()
        .skip((page_no - 1) * PER_PAGE)
        .take(PER_PAGE)
        .cloned()
        .collect();
    let mut by_case: HashMap<&str, usize> = HashMap::new();
    for i in &w {
        if let Some(c) = i.case_id.as_deref() {
            *by_case.entry(c).or_default() += 1;
        }
    }
    let total = w.len() + f.len() + requests.unwrap_or(0);
    let data = json!({
        "total": total,
        "nothing": total == 0,
        "requests": requests.map(|n| json!({
            "count": n,
            "text": text_with(lang, "inbox-requests-waiting", &[("count", n.to_string())]),
        })),
        "failed": view(lang, &f, &look),
        "shows_failed": failed,
        "shows_warnings": warnings,
        "warnings": view(lang, &shown, &look),
        "warning_count": w.len(),
        "warning_text": text_with(
            lang,
            "inbox-warning-count",
            &[
                ("warnings", w.len().to_string()),
                ("days", WARNING_DAYS.to_string()),
                ("cases", by_case.len().to_string()),
            ],
        ),
        "warning_days": WARNING_DAYS,
        "more": more.then(|| text_with(lang, "inbox-more", &[("most", MOST.to_string())])),
        "previous": (page_no > 1).then(|| format!("/inbox?page={}", page_no - 1)),
        "next": (page_no < pages).then(|| format!("/inbox?page={}", page_no + 1)),
        "page_text": (pages > 1).then(|| text_with(lang, "cases-page-of", &[("page", page_no.to_string()), ("pages", pages.to_string())])),
    });
    render(
        "inbox",
        &page(&s, &text(lang, "inbox-needs-your-attention"), "inbox", data),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn at(d: u32, h: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 10, d, h, 0, 0).unwrap()
    }

    fn warning(kind: &str, case: Option<&str>, created_at: DateTime<Utc>) -> WarningOut {
        WarningOut {
            id: format!("w-{kind}-{}", created_at.timestamp()),
            victim_id: "v1".into(),
            case_id: case.map(str::to_string),
            kind: kind.into(),
            detail: json!({}),
            created_at,
            version: 1,
        }
    }

    #[test]
    fn only_messages_not_delivered_are_listed_saying_whether_they_will_be_tried_again() {
        let cases = [
            ("failed", Some("Not delivered: X. It will be tried again")),
            (
                "dead",
                Some("Not delivered: X. It will not be tried again: tell them another way"),
            ),
            ("sent", None),
            ("pending", None),
            ("cancelled", None),
        ];
        for (state, want) in cases {
            assert_eq!(
                not_delivered(Lang::En, state, "X").as_deref(),
                want,
                "{state}"
            );
        }
    }

    #[test]
    fn recent_warnings_a_person_can_act_on_come_newest_first() {
        let since = at(1, 0);
        let warnings = [
            warning(
                "supporter_present_at_statement_and_court",
                Some("c1"),
                at(20, 9),
            ),
            // Older than the window.
            warning(
                "supporter_present_at_statement_and_court",
                Some("c2"),
                at(1, 0) - Duration::seconds(1),
            ),
            // One only administrators can act on: no sentence, not shown.
            warning("template_field_missing", Some("c3"), at(21, 9)),
            warning("supporter_present_at_statement_and_court", None, at(25, 9)),
        ];
        let items = warning_items(Lang::En, &warnings, since);
        let cases: Vec<Option<&str>> = items.iter().map(|i| i.case_id.as_deref()).collect();
        assert_eq!(cases, [None, Some("c1")]);
        assert_eq!(items[1].href, "/cases/c1#warnings");
        assert!(items[1]
            .text
            .starts_with("The same supporter was with the victim for her witness statement"));
    }
}

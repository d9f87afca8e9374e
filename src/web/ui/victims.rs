//! Supporters and witness care officers record a victim, and change the
//! record, from the pages. The victim is held under a pseudonymous
//! reference; the forms go through the same `app` use cases as the API's
//! POST and PUT (role, checks, audit entry), and a change carries the
//! version the form was drawn from, as the API's `If-Match` does: if
//! someone else saved first, the page says so and shows what is stored.

use actix_web::web;
use serde::Deserialize;
use serde_json::{json, Value};

use crate::app::Page;
use crate::domain::Language;
use crate::error::AppError;
use crate::policy::{Action, ResourceKind};
use crate::resources::{VictimInput, VictimOut, Victims};
use crate::web::AppState;

use super::fields::{Field, FormPage};
use super::forms::{FormData, Problems};
use super::i18n::{self, text, text_with, Lang};
use super::session::{Posted, Session};
use super::{
    can, list_page, page, posted_update, read, render, render_form, require, see_other, update,
    with_conn, PageResult,
};

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.route("/victims", web::get().to(index))
        .route("/victims/new", web::get().to(new_page))
        .route("/victims/new", web::post().to(new_post))
        .route("/victims/{id}/edit", web::get().to(edit_page))
        .route("/victims/{id}/edit", web::post().to(edit_post))
        .route("/victims/{id}/messages", web::get().to(messages_page))
        .route("/victims/{id}/messages", web::post().to(messages_post));
}

const PER_PAGE: i64 = 50;

fn yes_no(lang: Lang, keys: [&'static str; 2]) -> Vec<(String, String)> {
    super::form_words::yes_no(lang, keys).into()
}

fn fields(lang: Lang) -> Vec<Field> {
    let languages: Vec<(String, String)> = Language::ALL
        .iter()
        .map(|l| (l.as_str().to_owned(), super::labels::language_in(lang, *l)))
        .collect();
    vec![
        Field::text("reference", &text(lang, "victims-reference"))
            .hint(&text(lang, "victims-reference-hint")),
        Field::radios(
            "preferred_language",
            &text(lang, "victims-language-question"),
            &languages,
        ),
        Field::radios(
            "enhanced_rights",
            &text(lang, "victims-enhanced-question"),
            &yes_no(lang, ["victims-enhanced-yes", "victims-enhanced-no"]),
        )
        .hint(&text(lang, "victims-enhanced-hint")),
        Field::radios(
            "is_child",
            &text(lang, "victims-child-question"),
            &yes_no(lang, ["victims-child-yes", "victims-child-no"]),
        ),
    ]
}

/// Where the API's field names land on this form.
fn place(field: &str) -> (&'static str, &'static str) {
    match field {
        "reference" => ("reference", "The reference"),
        "preferred_language" => ("preferred_language", "The language"),
        _ => ("reference", ""),
    }
}

fn new_form(lang: Lang) -> FormPage {
    FormPage {
        title: text(lang, "victims-add-title"),
        heading: text(lang, "victims-add-title"),
        intro: vec![text(lang, "victims-add-intro")],
        action: "/victims/new".into(),
        back: "/victims".into(),
        submit: text(lang, "victims-add-submit"),
        fields: fields(lang),
        ..FormPage::default()
    }
}

fn victim_facts(lang: Lang, v: &VictimOut) -> Vec<(String, String)> {
    let yes = |b: bool| text(lang, if b { "records-yes" } else { "records-no" });
    vec![
        (text(lang, "victims-reference"), v.reference.clone()),
        (
            text(lang, "victims-preferred-language"),
            super::labels::language_in(lang, v.preferred_language),
        ),
        (
            text(lang, "victims-enhanced-rights"),
            yes(v.enhanced_rights),
        ),
        (text(lang, "victims-under-18"), yes(v.is_child)),
    ]
}

fn edit_form(lang: Lang, v: &VictimOut) -> FormPage {
    FormPage {
        title: text(lang, "victims-change-title"),
        caption: Some(text_with(
            lang,
            "tasks-victim",
            &[("victim", v.reference.clone())],
        )),
        heading: text(lang, "victims-change-heading"),
        action: format!("/victims/{}/edit", v.id),
        back: "/victims".into(),
        submit: text(lang, "visits-save-changes"),
        hidden: vec![("version".into(), v.version.to_string())],
        fields: fields(lang),
        ..FormPage::default()
    }
}

fn current_values(v: &VictimOut) -> FormData {
    let yn = |b: bool| if b { "yes" } else { "no" }.to_string();
    FormData(vec![
        ("reference".into(), v.reference.clone()),
        (
            "preferred_language".into(),
            v.preferred_language.as_str().into(),
        ),
        ("enhanced_rights".into(), yn(v.enhanced_rights)),
        ("is_child".into(), yn(v.is_child)),
    ])
}

fn yes_no_answer(
    form: &FormData,
    name: &str,
    ask: String,
    problems: &mut Problems,
) -> Option<bool> {
    match form.text(name).as_deref() {
        Some("yes") => Some(true),
        Some("no") => Some(false),
        _ => {
            problems.add(name, ask);
            None
        }
    }
}

/// The form's answers as the API's input, or what is missing.
fn read_form(
    lang: Lang,
    form: &FormData,
    probation_region_id: Option<String>,
) -> Result<VictimInput, Problems> {
    let mut problems = Problems::new();
    let reference = form.text("reference");
    if reference.is_none() {
        problems.add("reference", text(lang, "victims-error-reference"));
    }
    let language = form
        .text("preferred_language")
        .and_then(|l| Language::parse(&l));
    if language.is_none() {
        problems.add("preferred_language", text(lang, "victims-error-language"));
    }
    let enhanced = yes_no_answer(
        form,
        "enhanced_rights",
        text(lang, "victims-error-enhanced"),
        &mut problems,
    );
    let child = yes_no_answer(
        form,
        "is_child",
        text(lang, "victims-error-child"),
        &mut problems,
    );
    match (reference, language, enhanced, child) {
        (Some(reference), Some(preferred_language), Some(enhanced_rights), Some(is_child))
            if problems.is_empty() =>
        {
            Ok(VictimInput {
                reference,
                enhanced_rights,
                is_child,
                preferred_language,
                probation_region_id,
            })
        }
        _ => Err(problems),
    }
}

#[derive(Deserialize)]
struct ListQuery {
    page: Option<String>,
    done: Option<String>,
    /// All or part of a victim's reference (spaces and case ignored).
    q: Option<String>,
}

/// Whether a victim's reference holds what was searched for.
fn reference_matches(reference: &str, wanted: &str) -> bool {
    super::case_search::key(reference).contains(&super::case_search::key(wanted))
}

fn done_message(lang: Lang, key: &str) -> Option<String> {
    let key = match key {
        "victim-added" => "victims-done-added",
        "victim-changed" => "victims-done-changed",
        "messages-resumed" => "victims-done-messages-resumed",
        "supporter-assigned" => "done-supporter-assigned",
        "assignment-changed" => "done-assignment-changed",
        "assignment-ended" => "done-assignment-ended",
        _ => return None,
    };
    Some(text(lang, key))
}

/// A page of the list, keeping the search.
fn page_link(page: i64, wanted: Option<&str>) -> String {
    match wanted {
        None => format!("/victims?page={page}"),
        Some(w) => {
            let q: String =
                percent_encoding::utf8_percent_encode(w, percent_encoding::NON_ALPHANUMERIC)
                    .to_string();
            format!("/victims?q={q}&page={page}")
        }
    }
}

async fn index(state: web::Data<AppState>, s: Session, q: web::Query<ListQuery>) -> PageResult {
    require(&s, ResourceKind::Victim, Action::Read, "victim")?;
    let page_no = super::page_number(q.page.as_deref());
    let wanted =
        q.q.as_deref()
            .map(str::trim)
            .filter(|w| !w.is_empty())
            .map(str::to_string);
    let searched = wanted.clone();
    let paged = with_conn(&state, &s, move |conn, ctx| {
        let page = Page {
            page: page_no,
            per_page: PER_PAGE,
        };
        match &searched {
            None => list_page::<Victims>(conn, ctx, json!({}), page),
            // References are few per person: filter all they may see.
            Some(w) => {
                let all: Vec<_> = super::list_all::<Victims>(conn, ctx, json!({}))?
                    .into_iter()
                    .filter(|v| reference_matches(&v.reference, w))
                    .collect();
                let total = all.len() as i64;
                let items = all
                    .into_iter()
                    .skip(page.offset() as usize)
                    .take(PER_PAGE as usize)
                    .collect();
                Ok(crate::app::Paged {
                    items,
                    page: page.page,
                    per_page: page.per_page,
                    total,
                })
            }
        }
    })
    .await?;
    let lang = s.lang;
    let may_change = can(&s, ResourceKind::Victim, Action::Update);
    let rows: Vec<Value> = paged
        .items
        .iter()
        .map(|v| {
            json!({
                "reference": v.reference,
                "language": super::labels::language_in(lang, v.preferred_language),
                "child": v.is_child,
                "edit": may_change.then(|| format!("/victims/{}/edit", v.id)),
                "needs": may_change.then(|| format!("/victims/{}/court-needs", v.id)),
                "details": can(&s, ResourceKind::VictimSensitive, Action::Update)
                    .then(|| super::victim_details::path(&v.id)),
                "adults": (v.is_child
                    && can(&s, ResourceKind::ResponsibleAdult, Action::Read))
                .then(|| format!("/victims/{}/responsible-adults", v.id)),
            })
        })
        .collect();
    let pages = (paged.total + PER_PAGE - 1) / PER_PAGE;
    let data = json!({
        "rows": rows,
        "total": paged.total,
        "add": can(&s, ResourceKind::Victim, Action::Create).then_some("/victims/new"),
        "done": q.done.as_deref().and_then(|d| done_message(lang, d)),
        "previous": (page_no > 1).then(|| page_link(page_no - 1, wanted.as_deref())),
        "next": (page_no < pages).then(|| page_link(page_no + 1, wanted.as_deref())),
        "q": wanted,
        "count_text": text_with(lang, "victims-count", &[("count", paged.total.to_string())]),
        "page_text": text_with(
            lang,
            "cases-page-of",
            &[("page", page_no.to_string()), ("pages", pages.max(1).to_string())],
        ),
    });
    render(
        "victims",
        &page(&s, &text(lang, "nav-victims"), "victims", data),
    )
}

async fn new_page(s: Session) -> PageResult {
    require(&s, ResourceKind::Victim, Action::Create, "victim")?;
    let defaults = FormData(vec![
        (
            "preferred_language".into(),
            Language::English.as_str().into(),
        ),
        ("enhanced_rights".into(), "yes".into()),
    ]);
    render_form(&s, "victims", new_form(s.lang), &defaults, &Problems::new())
}

async fn new_post(state: web::Data<AppState>, posted: Posted) -> PageResult {
    let Posted { session: s, form } = posted;
    require(&s, ResourceKind::Victim, Action::Create, "victim")?;
    let lang = s.lang;
    let input = match read_form(lang, &form, None) {
        Ok(input) => input,
        Err(problems) => return render_form(&s, "victims", new_form(lang), &form, &problems),
    };
    let outcome = with_conn(&state, &s, move |conn, ctx| {
        match super::create::<Victims>(conn, ctx, input) {
            Ok(v) => Ok(Ok(v)),
            Err(AppError::Validation(errors)) => Ok(Err(Problems::from_api(&errors, place))),
            Err(other) => Err(other),
        }
    })
    .await?;
    match outcome {
        Ok(v) => {
            tracing::info!(victim_id = %v.id, "victim added from the pages");
            Ok(see_other("/victims?done=victim-added"))
        }
        Err(problems) => render_form(&s, "victims", new_form(lang), &form, &problems),
    }
}

/// The victim, to change, and whether she stopped all messages.
async fn with_stop(
    state: &AppState,
    s: &Session,
    id: web::Path<String>,
) -> Result<(VictimOut, crate::app::message_stops::MessageStopOut), super::PageError> {
    require(s, ResourceKind::Victim, Action::Update, "victim")?;
    let id = id.into_inner();
    Ok(with_conn(state, s, move |conn, ctx| {
        let v = read::<Victims>(conn, ctx, &id)?;
        let stop = crate::app::message_stops::status(conn, ctx, &id)?;
        Ok((v, stop))
    })
    .await?)
}

async fn edit_page(state: web::Data<AppState>, s: Session, id: web::Path<String>) -> PageResult {
    let (v, stop) = with_stop(&state, &s, id).await?;
    let mut form = edit_form(s.lang, &v);
    if let Some(at) = stop.stopped_at {
        form.warning = Some(stopped_warning(s.lang, &v.id, at));
    }
    render_form(&s, "victims", form, &current_values(&v), &Problems::new())
}

fn stopped_warning(lang: Lang, id: &str, at: chrono::DateTime<chrono::Utc>) -> String {
    text_with(
        lang,
        "victims-stopped-warning",
        &[
            ("when", i18n::long(lang, at)),
            ("page", format!("/victims/{id}/messages")),
        ],
    )
}

/// Whether the victim stopped all messages; with a button to start them
/// again, asked first, for when she asks her supporter or officer.
async fn messages_page(
    state: web::Data<AppState>,
    s: Session,
    id: web::Path<String>,
) -> PageResult {
    let (v, stop) = with_stop(&state, &s, id).await?;
    let lang = s.lang;
    let Some(at) = stop.stopped_at else {
        return render(
            "error",
            &json!({
                "layout": super::layout(&s, &text(lang, "victims-messages-title"), "victims"),
                "title": text(lang, "victims-messages-as-usual"),
                "lines": [text_with(lang, "victims-messages-not-stopped", &[("victim", v.reference.clone())])],
            }),
        );
    };
    let page = FormPage {
        title: text(lang, "victims-resume-title"),
        caption: Some(text_with(
            lang,
            "tasks-victim",
            &[("victim", v.reference.clone())],
        )),
        heading: text(lang, "victims-resume-heading"),
        intro: vec![
            text_with(
                lang,
                "victims-resume-stopped-on",
                &[("when", i18n::long(lang, at))],
            ),
            text(lang, "victims-resume-only-if"),
        ],
        action: format!("/victims/{}/messages", v.id),
        back: format!("/victims/{}/edit", v.id),
        submit: text(lang, "victims-resume-submit"),
        ..FormPage::default()
    };
    render_form(&s, "victims", page, &FormData::default(), &Problems::new())
}

async fn messages_post(
    state: web::Data<AppState>,
    posted: Posted,
    id: web::Path<String>,
) -> PageResult {
    let Posted { session: s, .. } = posted;
    require(&s, ResourceKind::Victim, Action::Update, "victim")?;
    let id = id.into_inner();
    with_conn(&state, &s, move |conn, ctx| {
        crate::app::message_stops::resume(conn, ctx, &id)
    })
    .await?;
    Ok(see_other("/victims?done=messages-resumed"))
}

enum Changed {
    Done(VictimOut),
    Problems(VictimOut, Problems),
    Stale(VictimOut),
}

async fn edit_post(
    state: web::Data<AppState>,
    posted: Posted,
    id: web::Path<String>,
) -> PageResult {
    let (s, form, version) = posted_update(posted, ResourceKind::Victim, "victim")?;
    let id = id.into_inner();
    let lang = s.lang;
    let typed = form.clone();
    let outcome = with_conn(&state, &s, move |conn, ctx| {
        let current = read::<Victims>(conn, ctx, &id)?;
        // The probation region is not on this form: keep what is stored.
        let input = match read_form(lang, &typed, current.probation_region_id.clone()) {
            Ok(input) => input,
            Err(problems) => return Ok(Changed::Problems(current, problems)),
        };
        match update::<Victims>(conn, ctx, &id, version, input) {
            Ok(v) => Ok(Changed::Done(v)),
            Err(AppError::StaleVersion { .. }) => Ok(Changed::Stale(current)),
            Err(AppError::Validation(errors)) => Ok(Changed::Problems(
                current,
                Problems::from_api(&errors, place),
            )),
            Err(other) => Err(other),
        }
    })
    .await?;
    match outcome {
        Changed::Done(v) => {
            tracing::info!(victim_id = %v.id, version = v.version, "victim changed from the pages");
            Ok(see_other("/victims?done=victim-changed"))
        }
        Changed::Problems(v, problems) => {
            let mut page = edit_form(lang, &v);
            // Keep the version the person started from.
            page.hidden = vec![("version".into(), version.to_string())];
            render_form(&s, "victims", page, &form, &problems)
        }
        Changed::Stale(v) => {
            // Show what is stored now; keep what was typed; the next save
            // changes the current version.
            let mut page = edit_form(lang, &v);
            page.stale = Some((text(lang, "victims-what"), victim_facts(lang, &v)));
            let mut problems = Problems::new();
            problems.add("reference", text(lang, "victims-stale"));
            render_form(&s, "victims", page, &form, &problems)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_reference_is_found_by_any_part_of_it_spaces_and_case_aside() {
        for (reference, wanted, found) in [
            ("V-1002", "v-10", true),
            ("V-1002", "1002", true),
            ("V-1002", " v - 1002 ", true),
            ("V-1002", "V-1003", false),
            ("VR 2041", "vr2041", true),
        ] {
            assert_eq!(
                reference_matches(reference, wanted),
                found,
                "{reference} {wanted}"
            );
        }
        assert_eq!(page_link(2, Some("V 10")), "/victims?q=V%2010&page=2");
    }
}

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

use super::fields::{options_of, Field, FormPage};
use super::forms::{FormData, Problems};
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

pub(super) fn language_label(l: Language) -> &'static str {
    match l {
        Language::English => "English",
        Language::Welsh => "Welsh (Cymraeg)",
    }
}

fn yes_no() -> Vec<(String, String)> {
    vec![("yes".into(), "Yes".into()), ("no".into(), "No".into())]
}

fn fields() -> Vec<Field> {
    vec![
        Field::text("reference", "Reference")
            .hint("The pseudonymous reference used instead of the victim's name, for example V-2040. Never use a name."),
        Field::radios(
            "preferred_language",
            "Which language does the victim prefer for letters and messages?",
            &options_of(Language::ALL, Language::as_str, language_label),
        ),
        Field::radios(
            "enhanced_rights",
            "Is the victim entitled to enhanced rights under the Victims' Code?",
            &yes_no(),
        )
        .hint("All victims of domestic abuse and of the most serious crimes are."),
        Field::radios("is_child", "Is the victim under 18?", &yes_no()),
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

fn new_form() -> FormPage {
    FormPage {
        title: "Add a victim".into(),
        heading: "Add a victim".into(),
        intro: vec!["Record the victim under a reference. Contact details are kept separately and shown only to those who need them.".into()],
        action: "/victims/new".into(),
        back: "/victims".into(),
        submit: "Add victim".into(),
        fields: fields(),
        ..FormPage::default()
    }
}

fn victim_facts(v: &VictimOut) -> Vec<(String, String)> {
    let yes = |b: bool| if b { "Yes" } else { "No" }.to_string();
    vec![
        ("Reference".into(), v.reference.clone()),
        (
            "Preferred language".into(),
            language_label(v.preferred_language).into(),
        ),
        ("Enhanced rights".into(), yes(v.enhanced_rights)),
        ("Under 18".into(), yes(v.is_child)),
    ]
}

fn edit_form(v: &VictimOut) -> FormPage {
    FormPage {
        title: "Change a victim's details".into(),
        caption: Some(format!("Victim {}", v.reference)),
        heading: "Change the victim's details".into(),
        action: format!("/victims/{}/edit", v.id),
        back: "/victims".into(),
        submit: "Save changes".into(),
        hidden: vec![("version".into(), v.version.to_string())],
        fields: fields(),
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

fn yes_no_answer(form: &FormData, name: &str, ask: &str, problems: &mut Problems) -> Option<bool> {
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
    form: &FormData,
    probation_region_id: Option<String>,
) -> Result<VictimInput, Problems> {
    let mut problems = Problems::new();
    let reference = form.text("reference");
    if reference.is_none() {
        problems.add("reference", "Enter the victim's reference");
    }
    let language = form
        .text("preferred_language")
        .and_then(|l| Language::parse(&l));
    if language.is_none() {
        problems.add(
            "preferred_language",
            "Choose the language the victim prefers",
        );
    }
    let enhanced = yes_no_answer(
        form,
        "enhanced_rights",
        "Say whether the victim is entitled to enhanced rights",
        &mut problems,
    );
    let child = yes_no_answer(
        form,
        "is_child",
        "Say whether the victim is under 18",
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

fn done_message(key: &str) -> Option<&'static str> {
    Some(match key {
        "victim-added" => "Victim added. You can now open a case for them.",
        "victim-changed" => "The victim's details have been saved.",
        "messages-resumed" => "Messages will go to the victim again from now on.",
        "supporter-assigned" => "Supporter assigned.",
        "assignment-changed" => "The supporter's assignment has been saved.",
        "assignment-ended" => {
            "The assignment has been ended. Anyone who needs to know who to contact now is told."
        }
        _ => return None,
    })
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
    let may_change = can(&s, ResourceKind::Victim, Action::Update);
    let rows: Vec<Value> = paged
        .items
        .iter()
        .map(|v| {
            json!({
                "reference": v.reference,
                "language": language_label(v.preferred_language),
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
        "done": q.done.as_deref().and_then(done_message),
        "previous": (page_no > 1).then(|| page_link(page_no - 1, wanted.as_deref())),
        "next": (page_no < pages).then(|| page_link(page_no + 1, wanted.as_deref())),
        "q": wanted,
        "count_text": match paged.total {
            1 => "1 victim".to_string(),
            n => format!("{n} victims"),
        },
        "page_text": format!("Page {} of {}", page_no, pages.max(1)),
    });
    render("victims", &page(&s, "Victims", "victims", data))
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
    render_form(&s, "victims", new_form(), &defaults, &Problems::new())
}

async fn new_post(state: web::Data<AppState>, posted: Posted) -> PageResult {
    let Posted { session: s, form } = posted;
    require(&s, ResourceKind::Victim, Action::Create, "victim")?;
    let input = match read_form(&form, None) {
        Ok(input) => input,
        Err(problems) => return render_form(&s, "victims", new_form(), &form, &problems),
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
        Err(problems) => render_form(&s, "victims", new_form(), &form, &problems),
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
    let mut form = edit_form(&v);
    if let Some(at) = stop.stopped_at {
        form.warning = Some(stopped_warning(&v.id, at));
    }
    render_form(&s, "victims", form, &current_values(&v), &Problems::new())
}

fn stopped_warning(id: &str, at: chrono::DateTime<chrono::Utc>) -> String {
    format!(
        "The victim stopped all messages from this service on {}, by the link in a message. Nothing is sent to her until she asks for messages again (page: /victims/{id}/messages).",
        crate::calendar::format_long(at)
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
    let Some(at) = stop.stopped_at else {
        return render(
            "error",
            &json!({
                "layout": super::layout(&s, "Messages to the victim", "victims"),
                "title": "Messages go to the victim as usual",
                "lines": [format!("Victim {} has not stopped messages from this service.", v.reference)],
            }),
        );
    };
    let page = FormPage {
        title: "Start messages to the victim again".into(),
        caption: Some(format!("Victim {}", v.reference)),
        heading: "Start messages to the victim again?".into(),
        intro: vec![
            format!(
                "She stopped all messages from this service on {}, by the link in a message.",
                crate::calendar::format_long(at)
            ),
            "Only do this if she has asked for messages again. Messages stopped in the meantime will not be sent; new ones will.".into(),
        ],
        action: format!("/victims/{}/messages", v.id),
        back: format!("/victims/{}/edit", v.id),
        submit: "Start messages again".into(),
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
    let typed = form.clone();
    let outcome = with_conn(&state, &s, move |conn, ctx| {
        let current = read::<Victims>(conn, ctx, &id)?;
        // The probation region is not on this form: keep what is stored.
        let input = match read_form(&typed, current.probation_region_id.clone()) {
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
            let mut page = edit_form(&v);
            // Keep the version the person started from.
            page.hidden = vec![("version".into(), version.to_string())];
            render_form(&s, "victims", page, &form, &problems)
        }
        Changed::Stale(v) => {
            // Show what is stored now; keep what was typed; the next save
            // changes the current version.
            let mut page = edit_form(&v);
            page.stale = Some(("victim".into(), victim_facts(&v)));
            let mut problems = Problems::new();
            problems.add(
                "reference",
                "Someone else changed this victim's details after you opened this page. Check the details now stored, then save again",
            );
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

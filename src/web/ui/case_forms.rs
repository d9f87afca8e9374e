//! Supporters and witness care officers open a case for a victim, change
//! it, and close it, from the pages. Each form goes through the same `app`
//! use cases as the API's POST and PUT of `/cases` (role, scope, checks,
//! audit entry). A change and a close carry the version the form was drawn
//! from, as the API's `If-Match` does: if someone else saved first, the page
//! says so and shows what is stored now, instead of losing their change.
//!
//! The case type is the first question, since it decides which reference
//! the case needs (a URN for a criminal case, the court's number for a
//! family or civil one). Closing asks first, and says what closing means.

use actix_web::web;
use serde_json::json;

use crate::domain::{CaseKind, CaseStatus, OffenceGroup};
use crate::error::AppError;
use crate::policy::{Action, ResourceKind};
use crate::resources::{CaseInput, CaseOut, Cases, Courts, Victims};
use crate::store::AnyConn;
use crate::web::api::resource::Ctx;
use crate::web::AppState;

use super::fields::{Field, FormPage};
use super::form_words::{case_caption, options_in};
use super::forms::{FormData, Problems};
use super::i18n::{text, Lang};
use super::labels;
use super::lookup::case_reference;
use super::session::{Posted, Session};
use super::{
    list_all, posted_update, read, render_form, require, see_other, update, with_conn, PageError,
    PageResult,
};

/// Registered before `cases::configure`, so that `/cases/new` is not read
/// as the case with id "new".
pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.route("/cases/new", web::get().to(new_page))
        .route("/cases/new", web::post().to(new_post))
        .route("/cases/{id}/edit", web::get().to(edit_page))
        .route("/cases/{id}/edit", web::post().to(edit_post))
        .route("/cases/{id}/close", web::get().to(close_page))
        .route("/cases/{id}/close", web::post().to(close_post));
}

/// The choices a case form offers: the victims and courts the person may
/// see, read through their resources.
struct Choices {
    victims: Vec<(String, String)>,
    courts: Vec<(String, String)>,
}

fn load_choices(conn: &mut AnyConn, ctx: &Ctx) -> Result<Choices, AppError> {
    let mut victims: Vec<(String, String)> = list_all::<Victims>(conn, ctx, json!({}))?
        .into_iter()
        .map(|v| (v.id, v.reference))
        .collect();
    victims.sort_by(|a, b| a.1.cmp(&b.1));
    let mut courts: Vec<(String, String)> = list_all::<Courts>(conn, ctx, json!({}))?
        .into_iter()
        .map(|c| (c.id, c.name))
        .collect();
    courts.sort_by(|a, b| a.1.cmp(&b.1));
    Ok(Choices { victims, courts })
}

fn with_blank(label: &str, options: &[(String, String)]) -> Vec<(String, String)> {
    let mut out = vec![(String::new(), label.to_string())];
    out.extend(options.iter().cloned());
    out
}

fn kind_field(lang: Lang) -> Field {
    let kinds = options_in(lang, CaseKind::ALL, CaseKind::as_str, labels::case_kind_in);
    Field::radios("kind", &text(lang, "case-forms-kind-question"), &kinds)
        .choice_hint("criminal", &text(lang, "case-forms-kind-criminal-hint"))
        .choice_hint("family", &text(lang, "case-forms-kind-family-hint"))
        .choice_hint("civil", &text(lang, "case-forms-kind-civil-hint"))
}

fn reference_fields(lang: Lang, choices: &Choices) -> Vec<Field> {
    vec![
        Field::text("urn", &text(lang, "case-forms-urn")).hint(&text(lang, "case-forms-urn-hint")),
        Field::text("case_number", &text(lang, "case-forms-case-number"))
            .hint(&text(lang, "case-forms-case-number-hint")),
        Field::select(
            "court_id",
            &text(lang, "case-forms-court-question"),
            &with_blank(&text(lang, "case-forms-not-known-yet"), &choices.courts),
        ),
        offence_group_field(lang),
    ]
}

fn offence_group_field(lang: Lang) -> Field {
    let groups = options_in(
        lang,
        OffenceGroup::ALL,
        OffenceGroup::as_str,
        labels::offence_group_in,
    );
    Field::select(
        "offence_group",
        &text(lang, "case-forms-offence-question"),
        &with_blank(&text(lang, "basis-not-recorded"), &groups),
    )
    .hint(&text(lang, "case-forms-offence-hint"))
}

fn new_form(lang: Lang, choices: &Choices) -> FormPage {
    let mut fields = vec![
        kind_field(lang),
        Field::select(
            "victim_id",
            &text(lang, "case-forms-victim-question"),
            &with_blank(&text(lang, "case-forms-choose-a-victim"), &choices.victims),
        )
        .hint(&text(lang, "case-forms-victim-hint")),
    ];
    fields.extend(reference_fields(lang, choices));
    FormPage {
        title: text(lang, "cases-open-a-case"),
        heading: text(lang, "cases-open-a-case"),
        intro: vec![text(lang, "case-forms-open-intro")],
        action: "/cases/new".into(),
        back: "/cases".into(),
        submit: text(lang, "case-forms-open-submit"),
        fields,
        ..FormPage::default()
    }
}

fn case_facts(lang: Lang, c: &CaseOut, choices: &Choices) -> Vec<(String, String)> {
    let court = c
        .court_id
        .as_deref()
        .and_then(|id| choices.courts.iter().find(|(k, _)| k == id))
        .map(|(_, name)| name.clone())
        .unwrap_or_else(|| text(lang, "cases-not-set"));
    let none = || text(lang, "case-forms-none");
    vec![
        (
            text(lang, "case-forms-type"),
            labels::case_kind_in(lang, c.kind),
        ),
        (
            text(lang, "case-forms-urn-short"),
            c.urn.clone().unwrap_or_else(none),
        ),
        (
            text(lang, "case-forms-case-number"),
            c.case_number.clone().unwrap_or_else(none),
        ),
        (text(lang, "visits-court"), court),
        (
            text(lang, "case-forms-offence"),
            c.offence_group
                .map(|g| labels::offence_group_in(lang, g))
                .unwrap_or_else(|| text(lang, "basis-not-recorded")),
        ),
        (
            text(lang, "case-status"),
            text(
                lang,
                match c.status {
                    CaseStatus::Open => "case-status-open",
                    CaseStatus::Closed => "case-status-closed",
                },
            ),
        ),
    ]
}

fn edit_form(lang: Lang, c: &CaseOut, choices: &Choices) -> FormPage {
    let mut fields = vec![kind_field(lang)];
    fields.extend(reference_fields(lang, choices));
    FormPage {
        title: text(lang, "case-forms-change-title"),
        caption: case_caption(lang, case_reference(c)),
        heading: text(lang, "case-forms-change-heading"),
        intro: vec![text(lang, "case-forms-change-intro")],
        action: format!("/cases/{}/edit", c.id),
        back: format!("/cases/{}", c.id),
        submit: text(lang, "visits-save-changes"),
        hidden: vec![("version".into(), c.version.to_string())],
        fields,
        ..FormPage::default()
    }
}

fn close_form(lang: Lang, c: &CaseOut, choices: &Choices) -> FormPage {
    FormPage {
        title: text(lang, "case-forms-close-title"),
        caption: case_caption(lang, case_reference(c)),
        heading: text(lang, "case-forms-close-heading"),
        facts: case_facts(lang, c, choices),
        warning: Some(text(lang, "case-forms-close-warning")),
        action: format!("/cases/{}/close", c.id),
        back: format!("/cases/{}", c.id),
        submit: text(lang, "case-forms-close-submit"),
        hidden: vec![("version".into(), c.version.to_string())],
        fields: vec![],
        ..FormPage::default()
    }
}

fn current_values(c: &CaseOut) -> FormData {
    FormData(vec![
        ("kind".into(), c.kind.as_str().into()),
        ("urn".into(), c.urn.clone().unwrap_or_default()),
        (
            "case_number".into(),
            c.case_number.clone().unwrap_or_default(),
        ),
        ("court_id".into(), c.court_id.clone().unwrap_or_default()),
        (
            "offence_group".into(),
            c.offence_group
                .map(|g| g.as_str().to_string())
                .unwrap_or_default(),
        ),
    ])
}

/// Where the API's field names land on this form.
fn place(field: &str) -> (&'static str, &'static str) {
    match field {
        "victim_id" => ("victim_id", "The victim"),
        "urn" => ("urn", "The URN"),
        "case_number" => ("case_number", "The court case number"),
        "court_id" => ("court_id", "The court"),
        "kind" => ("kind", "The case type"),
        "offence_group" => ("offence_group", "The offence"),
        _ => ("kind", ""),
    }
}

/// The form's answers as the API's input, or what is missing. What the
/// form does not ask (the unit, the CPS area, the status) comes from
/// `kept` when changing a case.
fn read_form(
    lang: Lang,
    form: &FormData,
    victim_id: Option<String>,
    kept: Option<&CaseOut>,
) -> Result<CaseInput, Problems> {
    let mut problems = Problems::new();
    let kind = form.text("kind").and_then(|k| CaseKind::parse(&k));
    if kind.is_none() {
        problems.add("kind", text(lang, "case-forms-error-kind"));
    }
    if victim_id.is_none() {
        problems.add("victim_id", text(lang, "case-forms-error-victim"));
    }
    let urn = form.text("urn");
    let case_number = form.text("case_number");
    let offence_group = form
        .text("offence_group")
        .and_then(|g| OffenceGroup::parse(&g));
    if offence_group.is_some() && kind.is_some_and(|k| k != CaseKind::Criminal) {
        problems.add("offence_group", text(lang, "case-forms-error-offence"));
    }
    match kind {
        Some(CaseKind::Criminal) if urn.is_none() && case_number.is_none() => {
            problems.add("urn", text(lang, "case-forms-error-urn"))
        }
        Some(CaseKind::Family | CaseKind::Civil) if case_number.is_none() => {
            problems.add("case_number", text(lang, "case-forms-error-case-number"))
        }
        _ => {}
    }
    match (kind, victim_id) {
        (Some(kind), Some(victim_id)) if problems.is_empty() => Ok(CaseInput {
            victim_id,
            kind,
            urn,
            case_number,
            court_id: form.text("court_id"),
            witness_care_unit_id: kept.and_then(|c| c.witness_care_unit_id.clone()),
            cps_area_id: kept.and_then(|c| c.cps_area_id.clone()),
            status: kept.map(|c| c.status).unwrap_or(CaseStatus::Open),
            offence_group,
        }),
        _ => Err(problems),
    }
}

async fn new_page(state: web::Data<AppState>, s: Session) -> PageResult {
    require(&s, ResourceKind::Case, Action::Create, "case")?;
    let choices = with_conn(&state, &s, load_choices).await?;
    render_form(
        &s,
        "cases",
        new_form(s.lang, &choices),
        &FormData(vec![]),
        &Problems::new(),
    )
}

async fn new_post(state: web::Data<AppState>, posted: Posted) -> PageResult {
    let Posted { session: s, form } = posted;
    require(&s, ResourceKind::Case, Action::Create, "case")?;
    let typed = form.clone();
    let lang = s.lang;
    let outcome = with_conn(&state, &s, move |conn, ctx| {
        let choices = load_choices(conn, ctx)?;
        let input = match read_form(lang, &typed, typed.text("victim_id"), None) {
            Ok(input) => input,
            Err(problems) => return Ok(Err((choices, problems))),
        };
        match super::create::<Cases>(conn, ctx, input) {
            Ok(c) => Ok(Ok(c)),
            Err(AppError::Validation(errors)) => {
                Ok(Err((choices, Problems::from_api(&errors, place))))
            }
            // A victim id the person may not see is the victim field's
            // problem, in words, not a missing page.
            Err(AppError::NotFound(_)) => {
                let mut problems = Problems::new();
                problems.add("victim_id", text(lang, "case-forms-error-victim"));
                Ok(Err((choices, problems)))
            }
            Err(other) => Err(other),
        }
    })
    .await?;
    match outcome {
        Ok(c) => {
            tracing::info!(case_id = %c.id, "case opened from the pages");
            Ok(see_other(&format!("/cases/{}?done=case-added", c.id)))
        }
        Err((choices, problems)) => {
            render_form(&s, "cases", new_form(lang, &choices), &form, &problems)
        }
    }
}

/// The case and the form's choices, for a page that changes it.
async fn to_change(
    state: &AppState,
    s: &Session,
    id: web::Path<String>,
) -> Result<(CaseOut, Choices), PageError> {
    require(s, ResourceKind::Case, Action::Update, "case")?;
    let id = id.into_inner();
    Ok(with_conn(state, s, move |conn, ctx| {
        Ok((read::<Cases>(conn, ctx, &id)?, load_choices(conn, ctx)?))
    })
    .await?)
}

async fn edit_page(state: web::Data<AppState>, s: Session, id: web::Path<String>) -> PageResult {
    let (c, choices) = to_change(&state, &s, id).await?;
    let page = edit_form(s.lang, &c, &choices);
    render_form(&s, "cases", page, &current_values(&c), &Problems::new())
}

enum Changed {
    Done(CaseOut),
    Problems(CaseOut, Choices, Problems),
    Stale(CaseOut, Choices),
}

/// Reads the case, builds the input from what was posted, and saves it
/// with the version the form was drawn from.
fn change(
    conn: &mut AnyConn,
    ctx: &Ctx,
    id: &str,
    version: i32,
    build: impl FnOnce(&CaseOut) -> Result<CaseInput, Problems>,
) -> Result<Changed, AppError> {
    let current = read::<Cases>(conn, ctx, id)?;
    let choices = load_choices(conn, ctx)?;
    let input = match build(&current) {
        Ok(input) => input,
        Err(problems) => return Ok(Changed::Problems(current, choices, problems)),
    };
    match update::<Cases>(conn, ctx, id, version, input) {
        Ok(c) => Ok(Changed::Done(c)),
        Err(AppError::StaleVersion { .. }) => Ok(Changed::Stale(current, choices)),
        Err(AppError::Validation(errors)) => Ok(Changed::Problems(
            current,
            choices,
            Problems::from_api(&errors, place),
        )),
        Err(other) => Err(other),
    }
}

async fn edit_post(
    state: web::Data<AppState>,
    posted: Posted,
    id: web::Path<String>,
) -> PageResult {
    let (s, form, version) = posted_update(posted, ResourceKind::Case, "case")?;
    let id = id.into_inner();
    let typed = form.clone();
    let lang = s.lang;
    let outcome = with_conn(&state, &s, move |conn, ctx| {
        change(conn, ctx, &id, version, |current| {
            read_form(lang, &typed, Some(current.victim_id.clone()), Some(current))
        })
    })
    .await?;
    match outcome {
        Changed::Done(c) => {
            tracing::info!(case_id = %c.id, version = c.version, "case changed from the pages");
            Ok(see_other(&format!("/cases/{}?done=case-changed", c.id)))
        }
        Changed::Problems(c, choices, problems) => {
            let mut page = edit_form(lang, &c, &choices);
            // Keep the version the person started from.
            page.hidden = vec![("version".into(), version.to_string())];
            render_form(&s, "cases", page, &form, &problems)
        }
        Changed::Stale(c, choices) => {
            let mut page = edit_form(lang, &c, &choices);
            page.stale = Some((
                text(lang, "case-forms-what"),
                case_facts(lang, &c, &choices),
            ));
            let mut problems = Problems::new();
            problems.add("kind", text(lang, "case-forms-stale-save"));
            render_form(&s, "cases", page, &form, &problems)
        }
    }
}

async fn close_page(state: web::Data<AppState>, s: Session, id: web::Path<String>) -> PageResult {
    let (c, choices) = to_change(&state, &s, id).await?;
    let page = close_form(s.lang, &c, &choices);
    render_form(&s, "cases", page, &FormData(vec![]), &Problems::new())
}

/// The stored case, unchanged but for its status.
fn closed(c: &CaseOut) -> CaseInput {
    CaseInput {
        victim_id: c.victim_id.clone(),
        kind: c.kind,
        urn: c.urn.clone(),
        case_number: c.case_number.clone(),
        court_id: c.court_id.clone(),
        witness_care_unit_id: c.witness_care_unit_id.clone(),
        cps_area_id: c.cps_area_id.clone(),
        status: CaseStatus::Closed,
        offence_group: c.offence_group,
    }
}

async fn close_post(
    state: web::Data<AppState>,
    posted: Posted,
    id: web::Path<String>,
) -> PageResult {
    let (s, form, version) = posted_update(posted, ResourceKind::Case, "case")?;
    let id = id.into_inner();
    let outcome = with_conn(&state, &s, move |conn, ctx| {
        change(conn, ctx, &id, version, |current| Ok(closed(current)))
    })
    .await?;
    match outcome {
        Changed::Done(c) => {
            tracing::info!(case_id = %c.id, "case closed from the pages");
            Ok(see_other(&format!("/cases/{}?done=case-closed", c.id)))
        }
        Changed::Problems(c, choices, problems) => render_form(
            &s,
            "cases",
            close_form(s.lang, &c, &choices),
            &form,
            &problems,
        ),
        Changed::Stale(c, choices) => {
            // Ask again over what is stored now.
            let lang = s.lang;
            let mut page = close_form(lang, &c, &choices);
            page.stale = Some((
                text(lang, "case-forms-what"),
                case_facts(lang, &c, &choices),
            ));
            let mut problems = Problems::new();
            problems.add("version", text(lang, "case-forms-stale-confirm"));
            render_form(&s, "cases", page, &FormData(vec![]), &problems)
        }
    }
}

//! Supporters assigned to a victim, from the pages: assign one (with the
//! single point of contact agreement where the victim chose them), change
//! the role, the dates or the agreement, and end an assignment on a date.
//! Each form goes through the same use cases as the API's POST and PUT of
//! `/api/v1/supporter-assignments` (role, reach, overlap checks, audit
//! entry). Ending or changing a single point of contact re-checks what the
//! arrangement was the basis for, and tells the court, the Witness Service
//! and the witness care unit of upcoming hearings who to contact now (the
//! record's own planning, as for the API).
//!
//! A supporter assigns and changes only their own assignments; a manager
//! those of supporters in their organisation.

use actix_web::web;
use chrono::NaiveDate;
use serde::Deserialize;
use serde_json::json;

use crate::app::Check;
use crate::domain::{Role, SupporterRole};
use crate::error::{AppError, AppResult};
use crate::policy::{Action, ResourceKind};
use crate::resources::{
    SupporterAssignmentInput, SupporterAssignmentOut, SupporterAssignments, Users, Victims,
};
use crate::store::AnyConn;
use crate::web::api::resource::Ctx;
use crate::web::AppState;

use super::fields::{Field, FormPage};
use super::form_words::{date_field, date_in, options_in, stale_problem_in, DateWords};
use super::forms::{required_choice, FormData, Problems};
use super::i18n::{self, text, text_with, Lang};
use super::labels;
use super::session::{Posted, Session};
use super::{
    create, list_all, posted_update, read, render_form, require_to, see_other, stale_page, update,
    with_conn, PageError, PageResult,
};

const ASSIGN: Check = (
    ResourceKind::SupporterAssignment,
    Action::Create,
    "supporter assignment",
);
const CHANGE: Check = (
    ResourceKind::SupporterAssignment,
    Action::Update,
    "supporter assignment",
);

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.route("/victims/{id}/assignments/new", web::get().to(new_page))
        .route("/victims/{id}/assignments/new", web::post().to(new_post))
        .route("/assignments/{id}/edit", web::get().to(edit_page))
        .route("/assignments/{id}/edit", web::post().to(edit_post))
        .route("/assignments/{id}/end", web::get().to(end_page))
        .route("/assignments/{id}/end", web::post().to(end_post));
}

/// The case page a form came from (`?case=`), to go back to.
#[derive(Deserialize)]
struct From {
    case: Option<String>,
}

/// A case id fit for a link back (ids are letters, digits and hyphens).
fn case_of(case: Option<&str>) -> Option<String> {
    case.map(str::trim)
        .filter(|c| !c.is_empty() && c.chars().all(|ch| ch.is_ascii_alphanumeric() || ch == '-'))
        .map(str::to_string)
}

/// Where a form returns: the case it came from, else the victims list.
fn back_to(case: Option<&str>) -> String {
    match case {
        Some(c) => format!("/cases/{c}"),
        None => "/victims".into(),
    }
}

fn done_at(case: Option<&str>, done: &str) -> String {
    format!("{}?done={done}", back_to(case))
}

/// Where the use case's field problems show on the forms.
fn place(field: &str) -> (&'static str, &'static str) {
    match field {
        "supporter_id" => ("supporter_id", "The supporter"),
        "role" => ("role", "The role"),
        "starts_on" => ("starts_on", "The first day"),
        "ends_on" => ("ends_on", "The last day"),
        "is_spoc" => ("spoc", "The single point of contact"),
        "spoc_agreed_on" => ("spoc_agreed_on", "The agreement date"),
        _ => ("supporter_id", ""),
    }
}

fn spoc_fields(lang: Lang) -> Vec<Field> {
    let yes_no = [
        ("yes".to_string(), text(lang, "assignments-spoc-yes")),
        ("no".to_string(), text(lang, "assignments-spoc-no")),
    ];
    vec![
        Field::radios("spoc", &text(lang, "assignments-spoc-question"), &yes_no)
            .hint(&text(lang, "assignments-spoc-hint")),
        Field::date("spoc_agreed_on", &text(lang, "assignments-spoc-agreed"))
            .hint(&text(lang, "assignments-spoc-agreed-hint")),
    ]
}

fn role_field(lang: Lang) -> Field {
    let roles = options_in(
        lang,
        SupporterRole::ALL,
        SupporterRole::as_str,
        labels::supporter_role_in,
    );
    Field::radios("role", &text(lang, "assignments-role-question"), &roles)
}

/// What the SPOC questions and the dates say, checked; problems added.
struct Answers {
    role: Option<SupporterRole>,
    starts_on: Option<NaiveDate>,
    ends_on: Option<NaiveDate>,
    is_spoc: bool,
    spoc_agreed_on: Option<NaiveDate>,
}

/// The words for the first day of support's problems.
const FIRST_DAY: DateWords = DateWords {
    missing: "assignments-error-first-day-missing",
    part: "assignments-error-first-day-part",
    invalid: "assignments-error-first-day-invalid",
};

/// The words for the last day of support's problems.
const LAST_DAY: DateWords = DateWords {
    missing: "assignments-error-last-day-missing",
    part: "assignments-error-last-day-part",
    invalid: "assignments-error-last-day-invalid",
};

fn read_answers(lang: Lang, form: &FormData, problems: &mut Problems, with_end: bool) -> Answers {
    let role = required_choice(
        form,
        "role",
        &text(lang, "assignments-error-role"),
        SupporterRole::parse,
        problems,
    );
    let starts_on = date_in(lang, form, "starts_on", &FIRST_DAY, problems);
    // The last day may be left blank while support goes on.
    let ends_on = if with_end && form.text("ends_on").is_some() {
        date_in(lang, form, "ends_on", &LAST_DAY, problems)
    } else {
        None
    };
    let is_spoc = form.get("spoc") == Some("yes");
    let spoc_agreed_on = if is_spoc {
        date_in(
            lang,
            form,
            "spoc_agreed_on",
            &DateWords {
                missing: "assignments-error-agreed-missing",
                part: "assignments-error-agreed-part",
                invalid: "assignments-error-agreed-invalid",
            },
            problems,
        )
    } else {
        None
    };
    Answers {
        role,
        starts_on,
        ends_on,
        is_spoc,
        spoc_agreed_on,
    }
}

fn input_of(
    victim_id: &str,
    supporter_id: &str,
    role: SupporterRole,
    a: &Answers,
    starts_on: NaiveDate,
) -> SupporterAssignmentInput {
    SupporterAssignmentInput {
        victim_id: victim_id.to_owned(),
        supporter_id: supporter_id.to_owned(),
        role,
        starts_on: starts_on.to_string(),
        ends_on: a.ends_on.map(|d| d.to_string()),
        is_spoc: a.is_spoc,
        spoc_agreed_on: a.spoc_agreed_on.map(|d| d.to_string()),
    }
}

// ------------------------------------------------------------------ assign

/// The supporters the person may assign: themselves (a supporter), or the
/// active supporters of their organisation (a manager), by name.
fn supporter_choices(
    conn: &mut AnyConn,
    ctx: &Ctx,
    lang: Lang,
) -> AppResult<Vec<(String, String)>> {
    if ctx.actor.role == Role::Supporter {
        return Ok(vec![(ctx.actor.user_id.clone(), text(lang, "case-you"))]);
    }
    let filter = json!({
        "organisation_id": ctx.actor.organisation_id,
        "role": "supporter",
        "active": true,
    });
    let mut choices: Vec<(String, String)> = list_all::<Users>(conn, ctx, filter)?
        .into_iter()
        .map(|u| (u.id, u.display_name))
        .collect();
    choices.sort_by(|a, b| a.1.cmp(&b.1));
    Ok(choices)
}

fn new_form(
    lang: Lang,
    victim: (&str, &str),
    supporters: &[(String, String)],
    case: Option<&str>,
) -> FormPage {
    let (id, reference) = victim;
    let mut fields = vec![
        Field::select("supporter_id", &text(lang, "case-supporter"), supporters),
        role_field(lang),
        date_field(
            lang,
            "starts_on",
            &text(lang, "assignments-first-day-of-support"),
        ),
    ];
    fields.extend(spoc_fields(lang));
    FormPage {
        title: text(lang, "case-assign-a-supporter"),
        caption: Some(text_with(
            lang,
            "tasks-victim",
            &[("victim", reference.to_owned())],
        )),
        heading: text(lang, "case-assign-a-supporter"),
        intro: vec![text(lang, "assignments-assign-intro")],
        action: format!("/victims/{id}/assignments/new"),
        back: back_to(case),
        submit: text(lang, "assignments-assign-submit"),
        hidden: case
            .map(|c| vec![("case".into(), c.to_owned())])
            .unwrap_or_default(),
        fields,
        ..FormPage::default()
    }
}

async fn assign_choices(
    state: &AppState,
    s: &Session,
    victim_id: String,
) -> Result<((String, String), Vec<(String, String)>), PageError> {
    let lang = s.lang;
    Ok(with_conn(state, s, move |conn, ctx| {
        let v = read::<Victims>(conn, ctx, &victim_id)?;
        Ok(((v.id, v.reference), supporter_choices(conn, ctx, lang)?))
    })
    .await?)
}

async fn new_page(
    state: web::Data<AppState>,
    s: Session,
    id: web::Path<String>,
    q: web::Query<From>,
) -> PageResult {
    require_to(&s, ASSIGN)?;
    let case = case_of(q.case.as_deref());
    let ((id, reference), supporters) = assign_choices(&state, &s, id.into_inner()).await?;
    let today = crate::calendar::london_date(state.clock.now());
    let mut values = vec![
        ("starts_on".to_string(), today.to_string()),
        ("spoc".to_string(), "no".to_string()),
    ];
    if let [(only, _)] = supporters.as_slice() {
        values.push(("supporter_id".into(), only.clone()));
    }
    let page = new_form(s.lang, (&id, &reference), &supporters, case.as_deref());
    render_form(&s, "cases", page, &FormData(values), &Problems::new())
}

async fn new_post(state: web::Data<AppState>, posted: Posted, id: web::Path<String>) -> PageResult {
    let Posted { session: s, form } = posted;
    require_to(&s, ASSIGN)?;
    let case = case_of(form.get("case"));
    let ((victim_id, reference), supporters) = assign_choices(&state, &s, id.into_inner()).await?;
    let lang = s.lang;
    let mut problems = Problems::new();
    let supporter = form
        .text("supporter_id")
        .filter(|chosen| supporters.iter().any(|(id, _)| id == chosen));
    if supporter.is_none() {
        problems.add("supporter_id", text(lang, "assignments-error-supporter"));
    }
    let answers = read_answers(lang, &form, &mut problems, false);
    let redraw = |problems: &Problems| {
        let page = new_form(lang, (&victim_id, &reference), &supporters, case.as_deref());
        render_form(&s, "cases", page, &form, problems)
    };
    let (Some(supporter), Some(role), Some(starts_on), true) = (
        supporter,
        answers.role,
        answers.starts_on,
        problems.is_empty(),
    ) else {
        return redraw(&problems);
    };
    let input = input_of(&victim_id, &supporter, role, &answers, starts_on);
    let outcome = with_conn(&state, &s, move |conn, ctx| {
        match create::<SupporterAssignments>(conn, ctx, input) {
            Ok(a) => Ok(Ok(a)),
            Err(AppError::Validation(errors)) => Ok(Err(Problems::from_api(&errors, place))),
            Err(other) => Err(other),
        }
    })
    .await?;
    match outcome {
        Ok(a) => {
            tracing::info!(assignment_id = %a.id, victim_id = %a.victim_id, spoc = a.is_spoc, "supporter assigned from the pages");
            Ok(see_other(&done_at(case.as_deref(), "supporter-assigned")))
        }
        Err(problems) => redraw(&problems),
    }
}

// ------------------------------------------------------------- change, end

/// The assignment, the victim's reference and the supporter's name, for a
/// page that changes it.
struct Current {
    a: SupporterAssignmentOut,
    victim: String,
    /// The supporter's name; `None` when it is the signed-in person.
    who: Option<String>,
}

fn current(conn: &mut AnyConn, ctx: &Ctx, id: &str) -> AppResult<Current> {
    let a = read::<SupporterAssignments>(conn, ctx, id)?;
    let victim = read::<Victims>(conn, ctx, &a.victim_id)?.reference;
    let who = if a.supporter_id == ctx.actor.user_id {
        None
    } else {
        match read::<Users>(conn, ctx, &a.supporter_id) {
            Ok(u) => Some(u.display_name),
            Err(AppError::NotFound(_)) => Some(String::new()),
            Err(other) => return Err(other),
        }
    };
    Ok(Current { a, victim, who })
}

/// Who the assignment is for, in words: "You", a name, or "A supporter".
fn who(lang: Lang, c: &Current) -> String {
    match c.who.as_deref() {
        None => text(lang, "case-you"),
        Some("") => text(lang, "case-a-supporter"),
        Some(name) => name.to_owned(),
    }
}

async fn load(state: &AppState, s: &Session, id: String) -> Result<Current, PageError> {
    require_to(s, CHANGE)?;
    Ok(with_conn(state, s, move |conn, ctx| current(conn, ctx, &id)).await?)
}

fn facts(lang: Lang, c: &Current) -> Vec<(String, String)> {
    let a = &c.a;
    let mut facts = vec![
        (text(lang, "case-supporter"), who(lang, c)),
        (
            text(lang, "assignments-role"),
            labels::supporter_role_in(lang, a.role),
        ),
        (
            text(lang, "assignments-first-day"),
            i18n::day(lang, a.starts_on),
        ),
    ];
    if let Some(end) = a.ends_on {
        facts.push((text(lang, "assignments-last-day"), i18n::day(lang, end)));
    }
    facts.push((
        text(lang, "case-single-point-of-contact"),
        match (a.is_spoc, a.spoc_agreed_on) {
            (true, Some(d)) => text_with(
                lang,
                "assignments-spoc-signed",
                &[("date", i18n::day(lang, d))],
            ),
            _ => text(lang, "records-no"),
        },
    ));
    facts
}

fn values_of(a: &SupporterAssignmentOut) -> FormData {
    let mut values = vec![
        ("role".to_string(), a.role.as_str().to_string()),
        ("starts_on".to_string(), a.starts_on.to_string()),
        (
            "spoc".to_string(),
            if a.is_spoc { "yes" } else { "no" }.to_string(),
        ),
    ];
    if let Some(end) = a.ends_on {
        values.push(("ends_on".into(), end.to_string()));
    }
    if let Some(agreed) = a.spoc_agreed_on {
        values.push(("spoc_agreed_on".into(), agreed.to_string()));
    }
    FormData(values)
}

fn hidden(version: i32, case: Option<&str>) -> Vec<(String, String)> {
    let mut hidden = vec![("version".to_string(), version.to_string())];
    if let Some(c) = case {
        hidden.push(("case".into(), c.to_owned()));
    }
    hidden
}

fn edit_form(lang: Lang, c: &Current, version: i32, case: Option<&str>) -> FormPage {
    let mut fields = vec![
        role_field(lang),
        date_field(
            lang,
            "starts_on",
            &text(lang, "assignments-first-day-of-support"),
        ),
        Field::date("ends_on", &text(lang, "assignments-last-day-optional"))
            .hint(&text(lang, "assignments-last-day-hint")),
    ];
    fields.extend(spoc_fields(lang));
    FormPage {
        title: text(lang, "assignments-change-title"),
        caption: Some(text_with(
            lang,
            "tasks-victim",
            &[("victim", c.victim.clone())],
        )),
        heading: match &c.who {
            None => text(lang, "assignments-change-heading-yours"),
            Some(_) => text_with(lang, "assignments-change-heading", &[("who", who(lang, c))]),
        },
        facts: facts(lang, c),
        action: format!("/assignments/{}/edit", c.a.id),
        back: back_to(case),
        submit: text(lang, "assignments-change-submit"),
        hidden: hidden(version, case),
        fields,
        ..FormPage::default()
    }
}

fn end_form(lang: Lang, c: &Current, version: i32, case: Option<&str>) -> FormPage {
    let mut list = vec![text(
        lang,
        if c.who.is_none() {
            "assignments-end-you-no-longer"
        } else {
            "assignments-end-supporter-no-longer"
        },
    )];
    if c.a.is_spoc {
        list.push(text(lang, "assignments-end-spoc"));
    }
    FormPage {
        title: text(lang, "assignments-end-title"),
        caption: Some(text_with(
            lang,
            "tasks-victim",
            &[("victim", c.victim.clone())],
        )),
        heading: match &c.who {
            None => text(lang, "assignments-end-heading-yours"),
            Some(_) => text_with(lang, "assignments-end-heading", &[("who", who(lang, c))]),
        },
        intro: vec![text(lang, "assignments-end-intro")],
        list,
        facts: facts(lang, c),
        warning: Some(text(lang, "assignments-end-warning")),
        action: format!("/assignments/{}/end", c.a.id),
        back: back_to(case),
        submit: text(lang, "assignments-end-title"),
        hidden: hidden(version, case),
        fields: vec![date_field(
            lang,
            "ends_on",
            &text(lang, "assignments-last-day-of-support"),
        )],
        ..FormPage::default()
    }
}

/// A change's page: the assignment's form, filled with `values`.
async fn change_page(
    state: &AppState,
    s: &Session,
    (id, q): (web::Path<String>, web::Query<From>),
    form: AssignmentForm,
    values: impl FnOnce(&SupporterAssignmentOut) -> FormData,
) -> PageResult {
    let c = load(state, s, id.into_inner()).await?;
    let case = case_of(q.case.as_deref());
    let page = form(s.lang, &c, c.a.version, case.as_deref());
    render_form(s, "cases", page, &values(&c.a), &Problems::new())
}

async fn edit_page(
    state: web::Data<AppState>,
    s: Session,
    id: web::Path<String>,
    q: web::Query<From>,
) -> PageResult {
    change_page(&state, &s, (id, q), edit_form, values_of).await
}

async fn end_page(
    state: web::Data<AppState>,
    s: Session,
    id: web::Path<String>,
    q: web::Query<From>,
) -> PageResult {
    let today = crate::calendar::london_date(state.clock.now()).to_string();
    let values = |_: &SupporterAssignmentOut| FormData(vec![("ends_on".into(), today)]);
    change_page(&state, &s, (id, q), end_form, values).await
}

enum Saved {
    /// Saved; and whether the person still reaches the victim (ending
    /// their service's only assignment in the past ends their reach).
    Done(SupporterAssignmentOut, bool),
    Problems(Box<Current>, Problems),
    Stale(Box<Current>),
}

/// Saves through the API's use case, with the version the form was drawn
/// from; the use case's checks and a stale version come back as a page.
fn save(
    conn: &mut AnyConn,
    ctx: &Ctx,
    id: &str,
    version: i32,
    build: impl FnOnce(&SupporterAssignmentOut) -> Result<SupporterAssignmentInput, Problems>,
) -> AppResult<Saved> {
    let c = current(conn, ctx, id)?;
    if c.a.version != version {
        return Ok(Saved::Stale(Box::new(c)));
    }
    let input = match build(&c.a) {
        Ok(input) => input,
        Err(problems) => return Ok(Saved::Problems(Box::new(c), problems)),
    };
    match update::<SupporterAssignments>(conn, ctx, id, version, input) {
        Ok(a) => {
            let reaches = match read::<Victims>(conn, ctx, &a.victim_id) {
                Ok(_) => true,
                Err(AppError::NotFound(_)) => false,
                Err(other) => return Err(other),
            };
            Ok(Saved::Done(a, reaches))
        }
        Err(AppError::StaleVersion { .. }) => Ok(Saved::Stale(Box::new(current(conn, ctx, id)?))),
        Err(AppError::Validation(errors)) => Ok(Saved::Problems(
            Box::new(c),
            Problems::from_api(&errors, place),
        )),
        Err(other) => Err(other),
    }
}

/// A change's form, for the assignment as it is, a version and the case.
type AssignmentForm = fn(Lang, &Current, i32, Option<&str>) -> FormPage;

/// How a change's page answers what was saved.
fn answer(
    s: &Session,
    saved: Saved,
    form: &FormData,
    version: i32,
    (done, page): (&str, AssignmentForm),
) -> PageResult {
    let case = case_of(form.get("case"));
    let lang = s.lang;
    match saved {
        Saved::Done(a, reaches) => {
            tracing::info!(assignment_id = %a.id, version = a.version, spoc = a.is_spoc, done, "supporter assignment changed from the pages");
            let case = case.filter(|_| reaches);
            Ok(see_other(&done_at(case.as_deref(), done)))
        }
        Saved::Problems(c, problems) => render_form(
            s,
            "cases",
            page(lang, &c, version, case.as_deref()),
            form,
            &problems,
        ),
        Saved::Stale(c) => {
            let what = text(lang, "assignments-what");
            let page = stale_page(page(lang, &c, c.a.version, case.as_deref()), &what);
            render_form(
                s,
                "cases",
                page,
                form,
                &stale_problem_in(lang, "ends_on", &what),
            )
        }
    }
}

async fn edit_post(
    state: web::Data<AppState>,
    posted: Posted,
    id: web::Path<String>,
) -> PageResult {
    let (s, form, version) = posted_update(posted, CHANGE.0, CHANGE.2)?;
    let id = id.into_inner();
    let sent = form.clone();
    let lang = s.lang;
    let saved = with_conn(&state, &s, move |conn, ctx| {
        save(conn, ctx, &id, version, |a| {
            let mut problems = Problems::new();
            let answers = read_answers(lang, &sent, &mut problems, true);
            match (answers.role, answers.starts_on, problems.is_empty()) {
                (Some(role), Some(starts_on), true) => Ok(input_of(
                    &a.victim_id,
                    &a.supporter_id,
                    role,
                    &answers,
                    starts_on,
                )),
                _ => Err(problems),
            }
        })
    })
    .await?;
    answer(&s, saved, &form, version, ("assignment-changed", edit_form))
}

async fn end_post(state: web::Data<AppState>, posted: Posted, id: web::Path<String>) -> PageResult {
    let (s, form, version) = posted_update(posted, CHANGE.0, CHANGE.2)?;
    let id = id.into_inner();
    let sent = form.clone();
    let lang = s.lang;
    let saved = with_conn(&state, &s, move |conn, ctx| {
        save(conn, ctx, &id, version, |a| {
            let mut problems = Problems::new();
            let last = date_in(lang, &sent, "ends_on", &LAST_DAY, &mut problems);
            let Some(last) = last else {
                return Err(problems);
            };
            Ok(SupporterAssignmentInput {
                victim_id: a.victim_id.clone(),
                supporter_id: a.supporter_id.clone(),
                role: a.role,
                starts_on: a.starts_on.to_string(),
                ends_on: Some(last.to_string()),
                is_spoc: a.is_spoc,
                spoc_agreed_on: a.spoc_agreed_on.map(|d| d.to_string()),
            })
        })
    })
    .await?;
    answer(&s, saved, &form, version, ("assignment-ended", end_form))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_link_back_names_only_a_case_id() {
        let table = [
            (Some("0b9d6f5e-7a43-4a4e"), Some("0b9d6f5e-7a43-4a4e")),
            (Some("  c1 "), Some("c1")),
            (Some(""), None),
            (Some("https://elsewhere.example/"), None),
            (Some("../victims"), None),
            (None, None),
        ];
        for (given, want) in table {
            assert_eq!(case_of(given).as_deref(), want, "{given:?}");
        }
        assert_eq!(back_to(None), "/victims");
        assert_eq!(
            done_at(Some("c1"), "supporter-assigned"),
            "/cases/c1?done=supporter-assigned"
        );
    }

    #[test]
    fn the_spoc_date_is_asked_only_for_a_single_point_of_contact() {
        let form = |spoc: &str, agreed: &str| {
            FormData(vec![
                ("role".into(), "idva".into()),
                ("starts_on".into(), "2026-12-01".into()),
                ("spoc".into(), spoc.into()),
                ("spoc_agreed_on".into(), agreed.into()),
            ])
        };
        let mut problems = Problems::new();
        let a = read_answers(Lang::En, &form("yes", ""), &mut problems, false);
        assert!(a.is_spoc);
        assert!(!problems.is_empty(), "a SPOC needs the agreement date");

        let mut problems = Problems::new();
        let a = read_answers(Lang::En, &form("no", "2026-11-30"), &mut problems, false);
        assert!(problems.is_empty());
        assert_eq!((a.is_spoc, a.spoc_agreed_on), (false, None));

        let mut problems = Problems::new();
        let a = read_answers(Lang::En, &form("yes", "2026-11-30"), &mut problems, false);
        assert!(problems.is_empty());
        assert_eq!(a.spoc_agreed_on, NaiveDate::from_ymd_opt(2026, 11, 30));
        assert_eq!(a.role, Some(SupporterRole::Idva));
    }
}

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

use super::fields::{options_of, Field, FormPage};
use super::forms::{optional_date, required_choice, required_date, FormData, Problems};
use super::labels;
use super::session::{Posted, Session};
use super::{
    create, list_all, posted_update, read, render_form, require_to, see_other, stale_page,
    stale_problem, update, with_conn, PageError, PageResult,
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

const YES_NO: [(&str, &str); 2] = [
    (
        "yes",
        "Yes: she chose this supporter as her single point of contact",
    ),
    ("no", "No"),
];

fn spoc_fields() -> Vec<Field> {
    let yes_no: Vec<(String, String)> = YES_NO
        .iter()
        .map(|(v, l)| (v.to_string(), l.to_string()))
        .collect();
    vec![
        Field::radios(
            "spoc",
            "Is this supporter the victim's single point of contact?",
            &yes_no,
        )
        .hint("Agencies then update the supporter, who tells the victim. A victim has one single point of contact at a time."),
        Field::date("spoc_agreed_on", "Date the client contact agreement was signed")
            .hint("Only for a single point of contact. For example, 14/09/2026"),
    ]
}

fn role_field() -> Field {
    let roles = options_of(
        SupporterRole::ALL,
        SupporterRole::as_str,
        labels::supporter_role,
    );
    Field::radios("role", "Their role for this victim", &roles)
}

/// What the SPOC questions and the dates say, checked; problems added.
struct Answers {
    role: Option<SupporterRole>,
    starts_on: Option<NaiveDate>,
    ends_on: Option<NaiveDate>,
    is_spoc: bool,
    spoc_agreed_on: Option<NaiveDate>,
}

fn read_answers(form: &FormData, problems: &mut Problems, with_end: bool) -> Answers {
    let role = required_choice(
        form,
        "role",
        "Choose the supporter's role for this victim",
        SupporterRole::parse,
        problems,
    );
    let starts_on = required_date(form, "starts_on", "the first day of support", problems);
    let ends_on = if with_end {
        optional_date(form, "ends_on", "the last day", problems)
    } else {
        None
    };
    let is_spoc = form.get("spoc") == Some("yes");
    let spoc_agreed_on = if is_spoc {
        required_date(
            form,
            "spoc_agreed_on",
            "the date the client contact agreement was signed",
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
fn supporter_choices(conn: &mut AnyConn, ctx: &Ctx) -> AppResult<Vec<(String, String)>> {
    if ctx.actor.role == Role::Supporter {
        return Ok(vec![(ctx.actor.user_id.clone(), "You".into())]);
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

fn new_form(victim: (&str, &str), supporters: &[(String, String)], case: Option<&str>) -> FormPage {
    let (id, reference) = victim;
    let mut fields = vec![
        Field::select("supporter_id", "Supporter", supporters),
        role_field(),
        Field::date("starts_on", "First day of support"),
    ];
    fields.extend(spoc_fields());
    FormPage {
        title: "Assign a supporter".into(),
        caption: Some(format!("Victim {reference}")),
        heading: "Assign a supporter".into(),
        intro: vec!["The supporter sees this victim's cases, hearings and messages from the first day of support.".into()],
        action: format!("/victims/{id}/assignments/new"),
        back: back_to(case),
        submit: "Assign the supporter".into(),
        hidden: case.map(|c| vec![("case".into(), c.to_owned())]).unwrap_or_default(),
        fields,
        ..FormPage::default()
    }
}

async fn assign_choices(
    state: &AppState,
    s: &Session,
    victim_id: String,
) -> Result<((String, String), Vec<(String, String)>), PageError> {
    Ok(with_conn(state, s, move |conn, ctx| {
        let v = read::<Victims>(conn, ctx, &victim_id)?;
        Ok(((v.id, v.reference), supporter_choices(conn, ctx)?))
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
    let page = new_form((&id, &reference), &supporters, case.as_deref());
    render_form(&s, "cases", page, &FormData(values), &Problems::new())
}

async fn new_post(state: web::Data<AppState>, posted: Posted, id: web::Path<String>) -> PageResult {
    let Posted { session: s, form } = posted;
    require_to(&s, ASSIGN)?;
    let case = case_of(form.get("case"));
    let ((victim_id, reference), supporters) = assign_choices(&state, &s, id.into_inner()).await?;
    let mut problems = Problems::new();
    let supporter = form
        .text("supporter_id")
        .filter(|chosen| supporters.iter().any(|(id, _)| id == chosen));
    if supporter.is_none() {
        problems.add("supporter_id", "Choose the supporter to assign");
    }
    let answers = read_answers(&form, &mut problems, false);
    let redraw = |problems: &Problems| {
        let page = new_form((&victim_id, &reference), &supporters, case.as_deref());
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
    who: String,
}

fn current(conn: &mut AnyConn, ctx: &Ctx, id: &str) -> AppResult<Current> {
    let a = read::<SupporterAssignments>(conn, ctx, id)?;
    let victim = read::<Victims>(conn, ctx, &a.victim_id)?.reference;
    let who = if a.supporter_id == ctx.actor.user_id {
        "You".to_string()
    } else {
        match read::<Users>(conn, ctx, &a.supporter_id) {
            Ok(u) => u.display_name,
            Err(AppError::NotFound(_)) => "A supporter".into(),
            Err(other) => return Err(other),
        }
    };
    Ok(Current { a, victim, who })
}

async fn load(state: &AppState, s: &Session, id: String) -> Result<Current, PageError> {
    require_to(s, CHANGE)?;
    Ok(with_conn(state, s, move |conn, ctx| current(conn, ctx, &id)).await?)
}

fn facts(c: &Current) -> Vec<(String, String)> {
    let a = &c.a;
    let mut facts = vec![
        ("Supporter".into(), c.who.clone()),
        ("Role".into(), labels::supporter_role(a.role).into()),
        ("First day".into(), super::lookup::day(a.starts_on)),
    ];
    if let Some(end) = a.ends_on {
        facts.push(("Last day".into(), super::lookup::day(end)));
    }
    facts.push((
        "Single point of contact".into(),
        match (a.is_spoc, a.spoc_agreed_on) {
            (true, Some(d)) => format!("Yes, agreement signed {}", super::lookup::day(d)),
            _ => "No".into(),
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

fn edit_form(c: &Current, version: i32, case: Option<&str>) -> FormPage {
    let mut fields = vec![
        role_field(),
        Field::date("starts_on", "First day of support"),
        Field::date("ends_on", "Last day of support (optional)")
            .hint("Leave empty while support goes on. For example, 27 3 2026"),
    ];
    fields.extend(spoc_fields());
    FormPage {
        title: "Change the assignment".into(),
        caption: Some(format!("Victim {}", c.victim)),
        heading: format!("Change {}'s assignment", c.who),
        facts: facts(c),
        action: format!("/assignments/{}/edit", c.a.id),
        back: back_to(case),
        submit: "Save the assignment".into(),
        hidden: hidden(version, case),
        fields,
        ..FormPage::default()
    }
}

fn end_form(c: &Current, version: i32, case: Option<&str>) -> FormPage {
    let mut list = vec![format!(
        "{} will no longer see this victim's cases, hearings and messages after the last day.",
        if c.who == "You" {
            "You"
        } else {
            "The supporter"
        }
    )];
    if c.a.is_spoc {
        list.push("The single point of contact arrangement ends with it: the court, the Witness Service and the witness care unit of upcoming hearings are told who to contact now, and agencies update the victim directly again.".into());
    }
    FormPage {
        title: "End the assignment".into(),
        caption: Some(format!("Victim {}", c.victim)),
        heading: format!("End {}'s support for this victim?", c.who),
        intro: vec!["If you end this assignment:".into()],
        list,
        facts: facts(c),
        warning: Some("To hand over to another supporter: end this assignment on its last day, then assign the new supporter from the next day on the case page. Ending your service's only assignment on a past day means nobody in your service sees this victim any more.".into()),
        action: format!("/assignments/{}/end", c.a.id),
        back: back_to(case),
        submit: "End the assignment".into(),
        hidden: hidden(version, case),
        fields: vec![Field::date("ends_on", "Last day of support")],
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
    let page = form(&c, c.a.version, case.as_deref());
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
type AssignmentForm = fn(&Current, i32, Option<&str>) -> FormPage;

/// How a change's page answers what was saved.
fn answer(
    s: &Session,
    saved: Saved,
    form: &FormData,
    version: i32,
    (done, page): (&str, AssignmentForm),
) -> PageResult {
    let case = case_of(form.get("case"));
    match saved {
        Saved::Done(a, reaches) => {
            tracing::info!(assignment_id = %a.id, version = a.version, spoc = a.is_spoc, done, "supporter assignment changed from the pages");
            let case = case.filter(|_| reaches);
            Ok(see_other(&done_at(case.as_deref(), done)))
        }
        Saved::Problems(c, problems) => render_form(
            s,
            "cases",
            page(&c, version, case.as_deref()),
            form,
            &problems,
        ),
        Saved::Stale(c) => {
            let page = stale_page(page(&c, c.a.version, case.as_deref()), "assignment");
            render_form(
                s,
                "cases",
                page,
                form,
                &stale_problem("ends_on", "assignment"),
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
    let saved = with_conn(&state, &s, move |conn, ctx| {
        save(conn, ctx, &id, version, |a| {
            let mut problems = Problems::new();
            let answers = read_answers(&sent, &mut problems, true);
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
    let saved = with_conn(&state, &s, move |conn, ctx| {
        save(conn, ctx, &id, version, |a| {
            let mut problems = Problems::new();
            let last = required_date(&sent, "ends_on", "the last day of support", &mut problems);
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
        let a = read_answers(&form("yes", ""), &mut problems, false);
        assert!(a.is_spoc);
        assert!(!problems.is_empty(), "a SPOC needs the agreement date");

        let mut problems = Problems::new();
        let a = read_answers(&form("no", "2026-11-30"), &mut problems, false);
        assert!(problems.is_empty());
        assert_eq!((a.is_spoc, a.spoc_agreed_on), (false, None));

        let mut problems = Problems::new();
        let a = read_answers(&form("yes", "2026-11-30"), &mut problems, false);
        assert!(problems.is_empty());
        assert_eq!(a.spoc_agreed_on, NaiveDate::from_ymd_opt(2026, 11, 30));
        assert_eq!(a.role, Some(SupporterRole::Idva));
    }
}

//! The directory, for administrators (`/directory`): the organisations
//! that work together, the people who sign in and their roles, and the
//! courts. An administrator adds each and changes it from here; taking
//! away a person's sign-in is a change to their record ("Can sign in: no"),
//! never a deletion, so their past work stays attributed. Every form goes
//! through the same use cases as the API's `POST` and `PUT` on
//! `/api/v1/organisations`, `/api/v1/users` and `/api/v1/courts` (role,
//! checks, audit entry), a change with the version the form was drawn
//! from. Administrators see no victim data here or anywhere.

use actix_web::web;
use serde::Deserialize;
use serde_json::{json, Value};

use crate::domain::{CourtKind, Language, Nation, OrganisationKind, Role};
use crate::error::AppError;
use crate::policy::{Action, ResourceKind};
use crate::resources::{
    CourtInput, CourtOut, Courts, OrganisationInput, OrganisationOut, Organisations, UserInput,
    UserOut, Users, MIN_PASSWORD_CHARS,
};
use crate::store::AnyConn;
use crate::web::AppState;

use super::fields::{Field, FormPage};
use super::forms::{FormData, Problems};
use super::i18n::{text, text_with, Lang};
use super::labels;
use super::session::{Posted, Session};
use super::{
    create, list_all, page, posted_update, read, render, render_form, require, see_other, update,
    with_conn, PageResult,
};

pub const PATH: &str = "/directory";

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.route(PATH, web::get().to(index))
        .route("/directory/users/new", web::get().to(new_user_page))
        .route("/directory/users/new", web::post().to(new_user_post))
        .route("/directory/users/{id}/edit", web::get().to(edit_user_page))
        .route("/directory/users/{id}/edit", web::post().to(edit_user_post))
        .route(
            "/directory/organisations/new",
            web::get().to(new_organisation_page),
        )
        .route(
            "/directory/organisations/new",
            web::post().to(new_organisation_post),
        )
        .route(
            "/directory/organisations/{id}/edit",
            web::get().to(edit_organisation_page),
        )
        .route(
            "/directory/organisations/{id}/edit",
            web::post().to(edit_organisation_post),
        )
        .route("/directory/courts/new", web::get().to(new_court_page))
        .route("/directory/courts/new", web::post().to(new_court_post))
        .route(
            "/directory/courts/{id}/edit",
            web::get().to(edit_court_page),
        )
        .route(
            "/directory/courts/{id}/edit",
            web::post().to(edit_court_post),
        );
}

/// Only administrators keep the directory (managers read their own
/// people through the API; no one else needs it).
fn require_admin(s: &Session) -> Result<(), super::PageError> {
    require(s, ResourceKind::User, Action::Update, "directory")
}

#[derive(Deserialize)]
struct Done {
    done: Option<String>,
}

fn done_message(lang: Lang, key: &str) -> Option<String> {
    let key = match key {
        "user-added" => "directory-done-user-added",
        "user-changed" => "directory-done-user-changed",
        "organisation-added" => "directory-done-organisation-added",
        "organisation-changed" => "directory-done-organisation-changed",
        "court-added" => "directory-done-court-added",
        "court-changed" => "directory-done-court-changed",
        _ => return None,
    };
    Some(text(lang, key))
}

fn yes_no(lang: Lang) -> Vec<(String, String)> {
    vec![
        ("yes".into(), text(lang, "directory-yes")),
        ("no".into(), text(lang, "directory-no")),
    ]
}

/// A person, organisation or court changed by someone else first: the
/// problem on `field`, `what` being the record in words.
fn stale_problem(lang: Lang, field: &str, what: &str) -> Problems {
    let mut problems = Problems::new();
    problems.add(
        field,
        text_with(
            lang,
            "directory-stale-problem",
            &[("what", what.to_string())],
        ),
    );
    problems
}

fn with_blank(blank: &str, options: Vec<(String, String)>) -> Vec<(String, String)> {
    let mut all = vec![(String::new(), blank.to_string())];
    all.extend(options);
    all
}

/// The API's field errors as sentences on the form's fields. Most read on
/// from the field's name ("The email address is already used by another
/// user"); a few are whole clauses, and the two that name stored codes
/// are said in words.
fn problems_from(
    lang: Lang,
    errors: &[crate::error::FieldError],
    place: fn(&str) -> (&'static str, &'static str),
) -> Problems {
    let mut problems = Problems::new();
    for e in errors {
        let (field, label) = place(&e.field);
        let message = e.message.trim();
        let text = if e.field == "role" && message.contains("cannot belong to") {
            text(lang, "directory-error-role-fit")
        } else if e.field == "name" && message.starts_with("an organisation of kind") {
            text(lang, "directory-error-name-taken")
        } else if ["is ", "must ", "may ", "can ", "cannot "]
            .iter()
            .any(|w| message.starts_with(w))
            && !label.is_empty()
        {
            format!("{label} {message}")
        } else {
            let mut chars = message.chars();
            match chars.next() {
                Some(first) => first.to_uppercase().chain(chars).collect(),
                None => String::new(),
            }
        };
        problems.add(field, text);
    }
    problems
}

// ---------------------------------------------------------------------
// The directory page.

/// Everything the forms choose from: the organisations, courts and people.
struct Directory {
    organisations: Vec<OrganisationOut>,
    users: Vec<UserOut>,
    courts: Vec<CourtOut>,
}

fn load(conn: &mut AnyConn, ctx: &crate::app::Ctx) -> Result<Directory, AppError> {
    let mut organisations = list_all::<Organisations>(conn, ctx, json!({}))?;
    organisations.sort_by(|a, b| (a.kind, &a.name).cmp(&(b.kind, &b.name)));
    let mut users = list_all::<Users>(conn, ctx, json!({}))?;
    users.sort_by(|a, b| a.display_name.cmp(&b.display_name));
    let mut courts = list_all::<Courts>(conn, ctx, json!({}))?;
    courts.sort_by(|a, b| a.name.cmp(&b.name));
    Ok(Directory {
        organisations,
        users,
        courts,
    })
}

impl Directory {
    fn organisation_name(&self, id: &str) -> String {
        self.organisations
            .iter()
            .find(|o| o.id == id)
            .map(|o| o.name.clone())
            .unwrap_or_default()
    }

    fn court_name(&self, id: &str) -> String {
        self.courts
            .iter()
            .find(|c| c.id == id)
            .map(|c| c.name.clone())
            .unwrap_or_default()
    }

    fn organisation_options(&self, lang: Lang) -> Vec<(String, String)> {
        self.organisations
            .iter()
            .map(|o| {
                (
                    o.id.clone(),
                    format!(
                        "{} ({})",
                        o.name,
                        labels::organisation_kind_in(lang, o.kind)
                    ),
                )
            })
            .collect()
    }

    fn court_options(&self) -> Vec<(String, String)> {
        self.courts
            .iter()
            .map(|c| (c.id.clone(), c.name.clone()))
            .collect()
    }

    /// Anyone who may manage someone: a person with a name, labelled with
    /// their organisation (the manager must be in the same one).
    fn manager_options(&self, except: Option<&str>) -> Vec<(String, String)> {
        self.users
            .iter()
            .filter(|u| Some(u.id.as_str()) != except && u.active)
            .map(|u| {
                (
                    u.id.clone(),
                    format!(
                        "{}, {}",
                        u.display_name,
                        self.organisation_name(&u.organisation_id)
                    ),
                )
            })
            .collect()
    }
}

async fn index(state: web::Data<AppState>, s: Session, q: web::Query<Done>) -> PageResult {
    require_admin(&s)?;
    let lang = s.lang;
    let d = with_conn(&state, &s, load).await?;
    let organisations: Vec<Value> = d
        .organisations
        .iter()
        .map(|o| {
            json!({
                "name": o.name,
                "kind": labels::organisation_kind_in(lang, o.kind),
                "court": o.court_id.as_deref().map(|c| d.court_name(c)),
                "people": d.users.iter().filter(|u| u.organisation_id == o.id).count(),
                "edit": format!("/directory/organisations/{}/edit", o.id),
            })
        })
        .collect();
    let users: Vec<Value> = d
        .users
        .iter()
        .map(|u| {
            json!({
                "name": u.display_name,
                "email": u.email,
                "role": labels::role_in(lang, u.role),
                "organisation": d.organisation_name(&u.organisation_id),
                "active": u.active,
                "edit": format!("/directory/users/{}/edit", u.id),
            })
        })
        .collect();
    let courts: Vec<Value> = d
        .courts
        .iter()
        .map(|c| {
            json!({
                "name": c.name,
                "kind": labels::court_kind_in(lang, c.kind),
                "town": c.town,
                "wales": c.nation == Nation::Wales,
                "code": c.crown_court_code,
                "edit": format!("/directory/courts/{}/edit", c.id),
            })
        })
        .collect();
    let data = json!({
        "done": q.done.as_deref().and_then(|k| done_message(lang, k)),
        "organisations": organisations,
        "users": users,
        "courts": courts,
        "counts": {
            "organisations": d.organisations.len(),
            "users": d.users.len(),
            "inactive": d.users.iter().filter(|u| !u.active).count(),
            "courts": d.courts.len(),
        },
    });
    render(
        "directory",
        &page(&s, &text(lang, "nav-directory"), "directory", data),
    )
}

// ---------------------------------------------------------------------
// Saving.

/// Where an API field's error lands on a form, and the words it starts with.
type Place = fn(&str) -> (&'static str, &'static str);

/// Adds a record from one of the directory's forms: the form read, then
/// the same create as the API's POST (role, checks, audit entry); what is
/// wrong comes back as problems on the form's fields, a clash with a
/// record already there (`taken`) on its own field.
fn add<R: crate::app::Resource>(
    conn: &mut AnyConn,
    ctx: &crate::app::Ctx,
    lang: Lang,
    typed: &FormData,
    read_form: fn(Lang, &FormData) -> Result<R::Input, Problems>,
    place: Place,
    taken: (&str, &str),
) -> Result<Result<R::Output, (Directory, Problems)>, AppError> {
    let d = load(conn, ctx)?;
    let input = match read_form(lang, typed) {
        Ok(input) => input,
        Err(problems) => return Ok(Err((d, problems))),
    };
    match create::<R>(conn, ctx, input) {
        Ok(out) => Ok(Ok(out)),
        Err(AppError::Validation(errors)) => Ok(Err((d, problems_from(lang, &errors, place)))),
        Err(AppError::Conflict(_)) => {
            let mut problems = Problems::new();
            problems.add(taken.0, text(lang, taken.1));
            Ok(Err((d, problems)))
        }
        Err(other) => Err(other),
    }
}

/// Changes a record from one of the directory's forms at the version the
/// form was drawn from (the record's id and that version), as the API's
/// PUT does.
fn change<R: crate::app::Resource>(
    conn: &mut AnyConn,
    ctx: &crate::app::Ctx,
    (id, version): (&str, i32),
    lang: Lang,
    typed: &FormData,
    read_form: fn(Lang, &FormData) -> Result<R::Input, Problems>,
    place: Place,
) -> Result<Saved<R::Output>, AppError> {
    let d = load(conn, ctx)?;
    let current = read::<R>(conn, ctx, id)?;
    let input = match read_form(lang, typed) {
        Ok(input) => input,
        Err(problems) => return Ok(Saved::Problems(d, current, problems)),
    };
    Ok(match update::<R>(conn, ctx, id, version, input) {
        Ok(out) => Saved::Done(out),
        Err(AppError::StaleVersion { .. }) => Saved::Stale(d, current),
        Err(AppError::Validation(errors)) => {
            Saved::Problems(d, current, problems_from(lang, &errors, place))
        }
        Err(other) => return Err(other),
    })
}

/// What saving a change came to.
enum Saved<T> {
    Done(T),
    Problems(Directory, T, Problems),
    Stale(Directory, T),
}

// ---------------------------------------------------------------------
// People.

fn user_fields(lang: Lang, d: &Directory, new: bool, except: Option<&str>) -> Vec<Field> {
    let mut fields = vec![
        Field::text("display_name", &text(lang, "directory-name"))
            .hint(&text(lang, "directory-user-name-hint")),
        Field::text("email", &text(lang, "directory-email"))
            .typed("email", "off")
            .hint(&text(lang, "directory-user-email-hint")),
        Field::select(
            "organisation_id",
            &text(lang, "directory-organisation"),
            &with_blank(
                &text(lang, "directory-choose-organisation"),
                d.organisation_options(lang),
            ),
        ),
        Field::radios(
            "role",
            &text(lang, "directory-user-role"),
            &labels::options_in(Role::ALL, Role::as_str, |r| labels::role_in(lang, r)),
        )
        .hint(&text(lang, "directory-user-role-hint")),
        Field::select(
            "manager_id",
            &text(lang, "directory-user-manager"),
            &with_blank(
                &text(lang, "directory-no-manager"),
                d.manager_options(except),
            ),
        )
        .hint(&text(lang, "directory-user-manager-hint")),
        Field::radios(
            "active",
            &text(lang, "directory-user-active"),
            &yes_no(lang),
        )
        .hint(&text(lang, "directory-user-active-hint")),
    ];
    if new {
        fields.push(
            Field::text("password", &text(lang, "directory-user-password"))
                .typed("password", "new-password")
                .hint(&text_with(
                    lang,
                    "directory-user-password-hint",
                    &[("least", MIN_PASSWORD_CHARS.to_string())],
                )),
        );
    }
    fields
}

fn user_place(field: &str) -> (&'static str, &'static str) {
    match field {
        "display_name" => ("display_name", "The name"),
        "email" => ("email", "The email address"),
        "organisation_id" => ("organisation_id", "The organisation"),
        "role" => ("role", "The role"),
        "manager_id" => ("manager_id", "The manager"),
        "password" => ("password", "The password"),
        _ => ("display_name", ""),
    }
}

fn read_user(lang: Lang, form: &FormData) -> Result<UserInput, Problems> {
    let mut problems = Problems::new();
    let display_name = form.text("display_name");
    if display_name.is_none() {
        problems.add("display_name", text(lang, "directory-error-user-name"));
    }
    let email = form.text("email");
    if email.is_none() {
        problems.add("email", text(lang, "directory-error-user-email"));
    }
    let organisation_id = form.text("organisation_id");
    if organisation_id.is_none() {
        problems.add(
            "organisation_id",
            text(lang, "directory-error-user-organisation"),
        );
    }
    let role = form.text("role").and_then(|r| Role::parse(&r));
    if role.is_none() {
        problems.add("role", text(lang, "directory-error-user-role"));
    }
    let active = match form.text("active").as_deref() {
        Some("yes") => Some(true),
        Some("no") => Some(false),
        _ => {
            problems.add("active", text(lang, "directory-error-user-active"));
            None
        }
    };
    match (display_name, email, organisation_id, role, active) {
        (Some(display_name), Some(email), Some(organisation_id), Some(role), Some(active))
            if problems.is_empty() =>
        {
            Ok(UserInput {
                organisation_id,
                display_name,
                email,
                role,
                manager_id: form.text("manager_id"),
                active,
                password: form
                    .get("password")
                    .filter(|p| !p.is_empty())
                    .map(str::to_string),
            })
        }
        _ => Err(problems),
    }
}

fn user_values(u: &UserOut) -> FormData {
    FormData(vec![
        ("display_name".into(), u.display_name.clone()),
        ("email".into(), u.email.clone()),
        ("organisation_id".into(), u.organisation_id.clone()),
        ("role".into(), u.role.as_str().into()),
        (
            "manager_id".into(),
            u.manager_id.clone().unwrap_or_default(),
        ),
        ("active".into(), if u.active { "yes" } else { "no" }.into()),
    ])
}

fn new_user_form(lang: Lang, d: &Directory) -> FormPage {
    FormPage {
        title: text(lang, "directory-add-person"),
        heading: text(lang, "directory-add-person"),
        action: "/directory/users/new".into(),
        back: PATH.into(),
        submit: text(lang, "directory-add-person-submit"),
        fields: user_fields(lang, d, true, None),
        ..FormPage::default()
    }
}

fn edit_user_form(lang: Lang, d: &Directory, u: &UserOut, version: i32) -> FormPage {
    FormPage {
        title: text(lang, "directory-change-person-title"),
        caption: Some(u.display_name.clone()),
        heading: text(lang, "directory-change-person-heading"),
        action: format!("/directory/users/{}/edit", u.id),
        back: PATH.into(),
        submit: text(lang, "directory-save-changes"),
        hidden: vec![("version".into(), version.to_string())],
        fields: user_fields(lang, d, false, Some(&u.id)),
        ..FormPage::default()
    }
}

fn user_facts(lang: Lang, d: &Directory, u: &UserOut) -> Vec<(String, String)> {
    vec![
        (text(lang, "directory-name"), u.display_name.clone()),
        (text(lang, "directory-email"), u.email.clone()),
        (
            text(lang, "directory-organisation"),
            d.organisation_name(&u.organisation_id),
        ),
        (text(lang, "directory-role"), labels::role_in(lang, u.role)),
        (
            text(lang, "directory-can-sign-in"),
            text(
                lang,
                if u.active {
                    "directory-yes"
                } else {
                    "directory-no"
                },
            ),
        ),
    ]
}

async fn new_user_page(state: web::Data<AppState>, s: Session) -> PageResult {
    require_admin(&s)?;
    let d = with_conn(&state, &s, load).await?;
    let defaults = FormData(vec![("active".into(), "yes".into())]);
    render_form(
        &s,
        "directory",
        new_user_form(s.lang, &d),
        &defaults,
        &Problems::new(),
    )
}

async fn new_user_post(state: web::Data<AppState>, posted: Posted) -> PageResult {
    let Posted { session: s, form } = posted;
    require_admin(&s)?;
    let typed = form.clone();
    let lang = s.lang;
    let outcome = with_conn(&state, &s, move |conn, ctx| {
        add::<Users>(
            conn,
            ctx,
            lang,
            &typed,
            read_user,
            user_place,
            ("email", "directory-error-email-taken"),
        )
    })
    .await?;
    match outcome {
        Ok(u) => {
            tracing::info!(user_id = %u.id, "person added from the directory page");
            Ok(see_other(&format!("{PATH}?done=user-added")))
        }
        Err((d, problems)) => {
            // A password is never drawn back into the page.
            let kept = FormData(
                form.0
                    .into_iter()
                    .filter(|(k, _)| k != "password")
                    .collect(),
            );
            render_form(&s, "directory", new_user_form(lang, &d), &kept, &problems)
        }
    }
}

async fn edit_user_page(
    state: web::Data<AppState>,
    s: Session,
    id: web::Path<String>,
) -> PageResult {
    require_admin(&s)?;
    let id = id.into_inner();
    let (d, u) = with_conn(&state, &s, move |conn, ctx| {
        Ok((load(conn, ctx)?, read::<Users>(conn, ctx, &id)?))
    })
    .await?;
    let form = edit_user_form(s.lang, &d, &u, u.version);
    render_form(&s, "directory", form, &user_values(&u), &Problems::new())
}

async fn edit_user_post(
    state: web::Data<AppState>,
    posted: Posted,
    id: web::Path<String>,
) -> PageResult {
    let (s, form, version) = posted_update(posted, ResourceKind::User, "directory")?;
    require_admin(&s)?;
    let id = id.into_inner();
    let typed = form.clone();
    let lang = s.lang;
    let outcome = with_conn(&state, &s, move |conn, ctx| {
        change::<Users>(
            conn,
            ctx,
            (&id, version),
            lang,
            &typed,
            read_user,
            user_place,
        )
    })
    .await?;
    match outcome {
        Saved::Done(u) => {
            tracing::info!(user_id = %u.id, version = u.version, "person changed from the directory page");
            Ok(see_other(&format!("{PATH}?done=user-changed")))
        }
        Saved::Problems(d, u, problems) => render_form(
            &s,
            "directory",
            edit_user_form(lang, &d, &u, version),
            &form,
            &problems,
        ),
        Saved::Stale(d, u) => {
            let mut page = edit_user_form(lang, &d, &u, u.version);
            let what = text(lang, "directory-what-person");
            page.stale = Some((what.clone(), user_facts(lang, &d, &u)));
            render_form(
                &s,
                "directory",
                page,
                &form,
                &stale_problem(lang, "display_name", &what),
            )
        }
    }
}

// ---------------------------------------------------------------------
// Organisations.

fn organisation_fields(lang: Lang, d: &Directory) -> Vec<Field> {
    vec![
        Field::select(
            "kind",
            &text(lang, "directory-organisation-kind"),
            &with_blank(
                &text(lang, "directory-choose-kind"),
                labels::options_in(OrganisationKind::ALL, OrganisationKind::as_str, |k| {
                    labels::organisation_kind_in(lang, k)
                }),
            ),
        ),
        Field::text("name", &text(lang, "directory-name"))
            .hint(&text(lang, "directory-organisation-name-hint")),
        Field::textarea("address", &text(lang, "directory-organisation-address"))
            .hint(&text(lang, "directory-organisation-address-hint")),
        Field::text("contact_email", &text(lang, "directory-organisation-email"))
            .typed("email", "off")
            .hint(&text(lang, "directory-organisation-email-hint")),
        Field::text("contact_phone", &text(lang, "directory-organisation-phone"))
            .typed("tel", "off"),
        Field::select(
            "preferred_language",
            &text(lang, "directory-organisation-language"),
            &with_blank(
                &text(lang, "directory-organisation-no-language"),
                labels::options_in(Language::ALL, Language::as_str, |l| {
                    text(
                        lang,
                        match l {
                            Language::English => "directory-language-en",
                            Language::Welsh => "directory-language-cy",
                        },
                    )
                }),
            ),
        )
        .hint(&text(lang, "directory-organisation-language-hint")),
        Field::select(
            "court_id",
            &text(lang, "directory-organisation-court"),
            &with_blank(&text(lang, "directory-none"), d.court_options()),
        )
        .hint(&text(lang, "directory-organisation-court-hint")),
    ]
}

fn organisation_place(field: &str) -> (&'static str, &'static str) {
    match field {
        "kind" => ("kind", "The kind"),
        "name" => ("name", "The name"),
        "address" => ("address", "The address"),
        "contact_email" => ("contact_email", "The email address"),
        "contact_phone" => ("contact_phone", "The telephone number"),
        "court_id" => ("court_id", "The court"),
        "preferred_language" => ("preferred_language", "The language"),
        _ => ("name", ""),
    }
}

fn read_organisation(lang: Lang, form: &FormData) -> Result<OrganisationInput, Problems> {
    let mut problems = Problems::new();
    let kind = form.text("kind").and_then(|k| OrganisationKind::parse(&k));
    if kind.is_none() {
        problems.add("kind", text(lang, "directory-error-organisation-kind"));
    }
    let name = form.text("name");
    if name.is_none() {
        problems.add("name", text(lang, "directory-error-organisation-name"));
    }
    let preferred_language = form
        .text("preferred_language")
        .and_then(|l| Language::parse(&l));
    match (kind, name) {
        (Some(kind), Some(name)) if problems.is_empty() => Ok(OrganisationInput {
            kind,
            name,
            address: form.text("address"),
            contact_email: form.text("contact_email"),
            contact_phone: form.text("contact_phone"),
            court_id: form.text("court_id"),
            preferred_language,
        }),
        _ => Err(problems),
    }
}

fn organisation_values(o: &OrganisationOut) -> FormData {
    let opt = |v: &Option<String>| v.clone().unwrap_or_default();
    FormData(vec![
        ("kind".into(), o.kind.as_str().into()),
        ("name".into(), o.name.clone()),
        ("address".into(), opt(&o.address)),
        ("contact_email".into(), opt(&o.contact_email)),
        ("contact_phone".into(), opt(&o.contact_phone)),
        ("court_id".into(), opt(&o.court_id)),
        (
            "preferred_language".into(),
            o.preferred_language
                .map(|l| l.as_str().to_owned())
                .unwrap_or_default(),
        ),
    ])
}

fn new_organisation_form(lang: Lang, d: &Directory) -> FormPage {
    FormPage {
        title: text(lang, "directory-add-organisation"),
        heading: text(lang, "directory-add-organisation"),
        action: "/directory/organisations/new".into(),
        back: PATH.into(),
        submit: text(lang, "directory-add-organisation-submit"),
        fields: organisation_fields(lang, d),
        ..FormPage::default()
    }
}

fn edit_organisation_form(
    lang: Lang,
    d: &Directory,
    o: &OrganisationOut,
    version: i32,
) -> FormPage {
    FormPage {
        title: text(lang, "directory-change-organisation-title"),
        caption: Some(o.name.clone()),
        heading: text(lang, "directory-change-organisation-heading"),
        action: format!("/directory/organisations/{}/edit", o.id),
        back: PATH.into(),
        submit: text(lang, "directory-save-changes"),
        hidden: vec![("version".into(), version.to_string())],
        fields: organisation_fields(lang, d),
        ..FormPage::default()
    }
}

async fn new_organisation_page(state: web::Data<AppState>, s: Session) -> PageResult {
    require_admin(&s)?;
    let d = with_conn(&state, &s, load).await?;
    render_form(
        &s,
        "directory",
        new_organisation_form(s.lang, &d),
        &FormData::default(),
        &Problems::new(),
    )
}

async fn new_organisation_post(state: web::Data<AppState>, posted: Posted) -> PageResult {
    let Posted { session: s, form } = posted;
    require_admin(&s)?;
    let typed = form.clone();
    let lang = s.lang;
    let outcome = with_conn(&state, &s, move |conn, ctx| {
        add::<Organisations>(
            conn,
            ctx,
            lang,
            &typed,
            read_organisation,
            organisation_place,
            ("name", "directory-error-organisation-taken"),
        )
    })
    .await?;
    match outcome {
        Ok(o) => {
            tracing::info!(organisation_id = %o.id, "organisation added from the directory page");
            Ok(see_other(&format!("{PATH}?done=organisation-added")))
        }
        Err((d, problems)) => render_form(
            &s,
            "directory",
            new_organisation_form(lang, &d),
            &form,
            &problems,
        ),
    }
}

async fn edit_organisation_page(
    state: web::Data<AppState>,
    s: Session,
    id: web::Path<String>,
) -> PageResult {
    require_admin(&s)?;
    let id = id.into_inner();
    let (d, o) = with_conn(&state, &s, move |conn, ctx| {
        Ok((load(conn, ctx)?, read::<Organisations>(conn, ctx, &id)?))
    })
    .await?;
    let form = edit_organisation_form(s.lang, &d, &o, o.version);
    render_form(
        &s,
        "directory",
        form,
        &organisation_values(&o),
        &Problems::new(),
    )
}

async fn edit_organisation_post(
    state: web::Data<AppState>,
    posted: Posted,
    id: web::Path<String>,
) -> PageResult {
    let (s, form, version) = posted_update(posted, ResourceKind::Organisation, "directory")?;
    require_admin(&s)?;
    let id = id.into_inner();
    let typed = form.clone();
    let lang = s.lang;
    let outcome = with_conn(&state, &s, move |conn, ctx| {
        change::<Organisations>(
            conn,
            ctx,
            (&id, version),
            lang,
            &typed,
            read_organisation,
            organisation_place,
        )
    })
    .await?;
    match outcome {
        Saved::Done(o) => {
            tracing::info!(organisation_id = %o.id, version = o.version, "organisation changed from the directory page");
            Ok(see_other(&format!("{PATH}?done=organisation-changed")))
        }
        Saved::Problems(d, o, problems) => render_form(
            &s,
            "directory",
            edit_organisation_form(lang, &d, &o, version),
            &form,
            &problems,
        ),
        Saved::Stale(d, o) => {
            let mut page = edit_organisation_form(lang, &d, &o, o.version);
            let facts = vec![
                (
                    text(lang, "directory-kind"),
                    labels::organisation_kind_in(lang, o.kind),
                ),
                (text(lang, "directory-name"), o.name.clone()),
            ];
            let what = text(lang, "directory-what-organisation");
            page.stale = Some((what.clone(), facts));
            render_form(
                &s,
                "directory",
                page,
                &form,
                &stale_problem(lang, "kind", &what),
            )
        }
    }
}

// ---------------------------------------------------------------------
// Courts.

fn court_fields(lang: Lang) -> Vec<Field> {
    vec![
        Field::text("name", &text(lang, "directory-name"))
            .hint(&text(lang, "directory-court-name-hint")),
        Field::radios(
            "kind",
            &text(lang, "directory-court-kind"),
            &labels::options_in(CourtKind::ALL, CourtKind::as_str, |k| {
                labels::court_kind_in(lang, k)
            }),
        ),
        Field::text("town", &text(lang, "directory-court-town")),
        Field::radios(
            "nation",
            &text(lang, "directory-court-nation"),
            &labels::options_in(Nation::ALL, Nation::as_str, |n| labels::nation_in(lang, n)),
        )
        .hint(&text(lang, "directory-court-nation-hint")),
        Field::text("crown_court_code", &text(lang, "directory-court-code"))
            .hint(&text(lang, "directory-court-code-hint")),
    ]
}

fn court_place(field: &str) -> (&'static str, &'static str) {
    match field {
        "name" => ("name", "The name"),
        "town" => ("town", "The town"),
        "crown_court_code" => ("crown_court_code", "The Crown Court code"),
        _ => ("name", ""),
    }
}

fn read_court(lang: Lang, form: &FormData) -> Result<CourtInput, Problems> {
    let mut problems = Problems::new();
    let name = form.text("name");
    if name.is_none() {
        problems.add("name", text(lang, "directory-error-court-name"));
    }
    let kind = form.text("kind").and_then(|k| CourtKind::parse(&k));
    if kind.is_none() {
        problems.add("kind", text(lang, "directory-error-court-kind"));
    }
    let town = form.text("town");
    if town.is_none() {
        problems.add("town", text(lang, "directory-error-court-town"));
    }
    let nation = form.text("nation").and_then(|n| Nation::parse(&n));
    if nation.is_none() {
        problems.add("nation", text(lang, "directory-error-court-nation"));
    }
    match (name, kind, town, nation) {
        (Some(name), Some(kind), Some(town), Some(nation)) if problems.is_empty() => {
            Ok(CourtInput {
                name,
                kind,
                town,
                nation,
                crown_court_code: form.text("crown_court_code"),
            })
        }
        _ => Err(problems),
    }
}

fn court_values(c: &CourtOut) -> FormData {
    FormData(vec![
        ("name".into(), c.name.clone()),
        ("kind".into(), c.kind.as_str().into()),
        ("town".into(), c.town.clone()),
        ("nation".into(), c.nation.as_str().into()),
        (
            "crown_court_code".into(),
            c.crown_court_code.clone().unwrap_or_default(),
        ),
    ])
}

fn new_court_form(lang: Lang) -> FormPage {
    FormPage {
        title: text(lang, "directory-add-court"),
        heading: text(lang, "directory-add-court"),
        action: "/directory/courts/new".into(),
        back: PATH.into(),
        submit: text(lang, "directory-add-court-submit"),
        fields: court_fields(lang),
        ..FormPage::default()
    }
}

fn edit_court_form(lang: Lang, c: &CourtOut, version: i32) -> FormPage {
    FormPage {
        title: text(lang, "directory-change-court-title"),
        caption: Some(c.name.clone()),
        heading: text(lang, "directory-change-court-heading"),
        action: format!("/directory/courts/{}/edit", c.id),
        back: PATH.into(),
        submit: text(lang, "directory-save-changes"),
        hidden: vec![("version".into(), version.to_string())],
        fields: court_fields(lang),
        ..FormPage::default()
    }
}

async fn new_court_page(s: Session) -> PageResult {
    require_admin(&s)?;
    let defaults = FormData(vec![("nation".into(), Nation::England.as_str().into())]);
    render_form(
        &s,
        "directory",
        new_court_form(s.lang),
        &defaults,
        &Problems::new(),
    )
}

async fn new_court_post(state: web::Data<AppState>, posted: Posted) -> PageResult {
    let Posted { session: s, form } = posted;
    require_admin(&s)?;
    let typed = form.clone();
    let lang = s.lang;
    let outcome = with_conn(&state, &s, move |conn, ctx| {
        add::<Courts>(
            conn,
            ctx,
            lang,
            &typed,
            read_court,
            court_place,
            ("name", "directory-error-court-taken"),
        )
    })
    .await?;
    match outcome {
        Ok(c) => {
            tracing::info!(court_id = %c.id, "court added from the directory page");
            Ok(see_other(&format!("{PATH}?done=court-added")))
        }
        Err((_, problems)) => render_form(&s, "directory", new_court_form(lang), &form, &problems),
    }
}

async fn edit_court_page(
    state: web::Data<AppState>,
    s: Session,
    id: web::Path<String>,
) -> PageResult {
    require_admin(&s)?;
    let id = id.into_inner();
    let c = with_conn(&state, &s, move |conn, ctx| read::<Courts>(conn, ctx, &id)).await?;
    render_form(
        &s,
        "directory",
        edit_court_form(s.lang, &c, c.version),
        &court_values(&c),
        &Problems::new(),
    )
}

async fn edit_court_post(
    state: web::Data<AppState>,
    posted: Posted,
    id: web::Path<String>,
) -> PageResult {
    let (s, form, version) = posted_update(posted, ResourceKind::Court, "directory")?;
    require_admin(&s)?;
    let id = id.into_inner();
    let typed = form.clone();
    let lang = s.lang;
    let outcome = with_conn(&state, &s, move |conn, ctx| {
        change::<Courts>(
            conn,
            ctx,
            (&id, version),
            lang,
            &typed,
            read_court,
            court_place,
        )
    })
    .await?;
    match outcome {
        Saved::Done(c) => {
            tracing::info!(court_id = %c.id, version = c.version, "court changed from the directory page");
            Ok(see_other(&format!("{PATH}?done=court-changed")))
        }
        Saved::Problems(_, c, problems) => render_form(
            &s,
            "directory",
            edit_court_form(lang, &c, version),
            &form,
            &problems,
        ),
        Saved::Stale(_, c) => {
            let mut page = edit_court_form(lang, &c, c.version);
            let facts = vec![
                (text(lang, "directory-name"), c.name.clone()),
                (
                    text(lang, "directory-kind"),
                    labels::court_kind_in(lang, c.kind),
                ),
                (text(lang, "directory-town"), c.town.clone()),
            ];
            let what = text(lang, "directory-what-court");
            page.stale = Some((what.clone(), facts));
            render_form(
                &s,
                "directory",
                page,
                &form,
                &stale_problem(lang, "name", &what),
            )
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn form(pairs: &[(&str, &str)]) -> FormData {
        FormData::of(pairs)
    }

    #[test]
    fn a_person_needs_a_name_an_address_an_organisation_a_role_and_an_answer_on_sign_in() {
        let problems = read_user(Lang::En, &form(&[])).unwrap_err();
        let fields: Vec<&str> = problems.0.iter().map(|p| p.field.as_str()).collect();
        assert_eq!(
            fields,
            ["display_name", "email", "organisation_id", "role", "active"]
        );
        let input = read_user(
            Lang::En,
            &form(&[
                ("display_name", "Sam Lee"),
                ("email", "sam@example.org"),
                ("organisation_id", "org-1"),
                ("role", "supporter"),
                ("manager_id", ""),
                ("active", "no"),
                ("password", ""),
            ]),
        )
        .unwrap();
        assert_eq!(input.role, Role::Supporter);
        assert!(!input.active);
        assert_eq!(input.manager_id, None, "no manager chosen");
        assert!(input.password.is_none(), "an empty password is none");
        // A made-up role is not guessed.
        assert!(read_user(
            Lang::En,
            &form(&[
                ("display_name", "Sam Lee"),
                ("email", "sam@example.org"),
                ("organisation_id", "org-1"),
                ("role", "judge"),
                ("active", "yes"),
            ])
        )
        .is_err());
    }

    #[test]
    fn an_organisation_needs_its_kind_and_name_and_a_court_its_kind_town_and_nation() {
        let problems = read_organisation(Lang::En, &form(&[("name", "  ")])).unwrap_err();
        let fields: Vec<&str> = problems.0.iter().map(|p| p.field.as_str()).collect();
        assert_eq!(fields, ["kind", "name"]);
        let o = read_organisation(
            Lang::En,
            &form(&[
                ("kind", "witness_service"),
                ("name", "Cardiff Witness Service"),
                ("court_id", "court-1"),
                ("address", ""),
            ]),
        )
        .unwrap();
        assert_eq!(o.kind, OrganisationKind::WitnessService);
        assert_eq!(o.address, None);
        assert_eq!(o.court_id.as_deref(), Some("court-1"));

        let problems = read_court(Lang::En, &form(&[("kind", "crown")])).unwrap_err();
        let fields: Vec<&str> = problems.0.iter().map(|p| p.field.as_str()).collect();
        assert_eq!(fields, ["name", "town", "nation"]);
        let c = read_court(
            Lang::En,
            &form(&[
                ("name", "Cardiff Crown Court"),
                ("kind", "crown"),
                ("town", "Cardiff"),
                ("nation", "wales"),
                ("crown_court_code", ""),
            ]),
        )
        .unwrap();
        assert_eq!(c.nation, Nation::Wales);
        assert_eq!(c.crown_court_code, None);
    }
}

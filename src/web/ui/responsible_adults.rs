//! A child victim's responsible adults on the pages, at
//! `/victims/{id}/responsible-adults`: the list (who is sent copies of her
//! notices, who was excluded and by whom), a form to add a parent,
//! guardian or appropriate adult, and for each a form to record an
//! exclusion (by her or by the court) and a button to end their role.
//! Every change goes through `app::responsible_adults`, the use case the
//! API calls (the same role check, checks, transaction and audit entry).

use actix_web::web;
use serde::Deserialize;
use serde_json::json;

use crate::app::responsible_adults::{
    self, ExclusionInput, ResponsibleAdultInput, ResponsibleAdultOut,
};
use crate::domain::{ExcludedBy, ResponsibleAdultRelationship};
use crate::error::AppError;
use crate::policy::{Action, ResourceKind};
use crate::resources::Victims;
use crate::web::AppState;

use super::fields::{fill_all, Field};
use super::forms::{FormData, Problems};
use super::i18n::{text, text_with, Lang};
use super::session::{Posted, Session};
use super::{page, read, render_status, require, see_other, with_conn, PageResult};

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.route("/victims/{id}/responsible-adults", web::get().to(show))
        .route("/victims/{id}/responsible-adults", web::post().to(add))
        .route(
            "/victims/{id}/responsible-adults/{adult_id}/exclude",
            web::post().to(exclude),
        )
        .route(
            "/victims/{id}/responsible-adults/{adult_id}/end",
            web::post().to(end),
        );
}

fn excluded_label(lang: Lang, by: ExcludedBy) -> String {
    text(
        lang,
        match by {
            ExcludedBy::Victim => "responsible-adults-excluded-by-her",
            ExcludedBy::Court => "responsible-adults-excluded-by-court",
        },
    )
}

fn fields(lang: Lang) -> Vec<Field> {
    let relationships = super::labels::options_in(
        ResponsibleAdultRelationship::ALL,
        ResponsibleAdultRelationship::as_str,
        |r| super::labels::responsible_adult_relationship_in(lang, r),
    );
    vec![
        Field::text("name", &text(lang, "responsible-adults-name")),
        Field::radios(
            "relationship",
            &text(lang, "responsible-adults-relationship"),
            &relationships,
        ),
        Field::text("email", &text(lang, "directory-email"))
            .hint(&text(lang, "responsible-adults-email-hint")),
        Field::text("phone", &text(lang, "directory-organisation-phone")),
        Field::text(
            "preferred_language",
            &text(lang, "responsible-adults-language"),
        )
        .hint(&text(lang, "responsible-adults-language-hint")),
    ]
}

fn place(field: &str) -> (&'static str, &'static str) {
    match field {
        "name" => ("name", "Their name"),
        "relationship" => ("relationship", "How they stand to her"),
        "email" => ("email", "The email address"),
        "phone" => ("phone", "The telephone"),
        "preferred_language" => ("preferred_language", "The language"),
        _ => ("name", ""),
    }
}

#[derive(Deserialize)]
struct Done {
    done: Option<String>,
}

fn done_message(lang: Lang, key: &str) -> Option<String> {
    let key = match key {
        "added" => "responsible-adults-done-added",
        "excluded" => "responsible-adults-done-excluded",
        "ended" => "responsible-adults-done-ended",
        _ => return None,
    };
    Some(text(lang, key))
}

fn status_of(lang: Lang, a: &ResponsibleAdultOut) -> String {
    match (a.excluded_by, a.ended_at) {
        (Some(by), _) => excluded_label(lang, by),
        (None, Some(_)) => text(lang, "responsible-adults-role-ended"),
        (None, None) if a.told => text(lang, "responsible-adults-sent-copies"),
        (None, None) if a.email.is_none() => text(lang, "responsible-adults-no-email"),
        (None, None) => text(lang, "responsible-adults-not-yet"),
    }
}

/// Draws the page: the adults, and the add form with what was posted and
/// its problems.
async fn draw(
    state: &web::Data<AppState>,
    s: &Session,
    id: String,
    values: FormData,
    problems: Problems,
    done: Option<String>,
) -> PageResult {
    let lang = s.lang;
    let (v, list) = with_conn(state, s, move |conn, ctx| {
        let v = read::<Victims>(conn, ctx, &id)?;
        let list = responsible_adults::list(conn, ctx, &id)?;
        Ok((v, list))
    })
    .await?;
    let rows: Vec<serde_json::Value> = list
        .items
        .iter()
        .map(|a| {
            let open = a.excluded_by.is_none() && a.ended_at.is_none();
            json!({
                "name": a.name,
                "relationship": super::labels::responsible_adult_relationship_in(lang, a.relationship),
                "status": status_of(lang, a),
                "version": a.version,
                "exclude": (a.excluded_by.is_none()).then(|| format!("/victims/{}/responsible-adults/{}/exclude", v.id, a.id)),
                "end": open.then(|| format!("/victims/{}/responsible-adults/{}/end", v.id, a.id)),
            })
        })
        .collect();
    let why_none = if !list.is_child {
        Some(text(lang, "responsible-adults-not-child"))
    } else if !list.basis_in_force {
        Some(text(lang, "responsible-adults-no-basis"))
    } else {
        None
    };
    let status = if problems.is_empty() {
        actix_web::http::StatusCode::OK
    } else {
        actix_web::http::StatusCode::UNPROCESSABLE_ENTITY
    };
    let mut data = page(
        s,
        &text(lang, "responsible-adults-title"),
        "victims",
        json!({
            "caption": text_with(lang, "week-victim", &[("victim", v.reference.clone())]),
            "back": "/victims",
            "action": format!("/victims/{}/responsible-adults", v.id),
            "submit": text(lang, "responsible-adults-add-submit"),
            "adults": rows,
            "why_none": why_none,
            "done": done,
            "fields": fill_all(fields(lang), &values, &problems),
            "errors": problems.to_json(),
        }),
    );
    data["layout"]["error"] = json!(!problems.is_empty());
    render_status(status, "responsible_adults", &data)
}

async fn show(
    state: web::Data<AppState>,
    s: Session,
    id: web::Path<String>,
    q: web::Query<Done>,
) -> PageResult {
    require(
        &s,
        ResourceKind::ResponsibleAdult,
        Action::Read,
        "responsible adult",
    )?;
    let done = q.done.as_deref().and_then(|d| done_message(s.lang, d));
    draw(
        &state,
        &s,
        id.into_inner(),
        FormData(vec![]),
        Problems::new(),
        done,
    )
    .await
}

fn optional(form: &FormData, key: &str) -> Option<String> {
    form.get(key)
        .map(str::trim)
        .filter(|v| !v.is_empty())
        .map(str::to_string)
}

async fn add(state: web::Data<AppState>, posted: Posted, id: web::Path<String>) -> PageResult {
    let Posted { session: s, form } = posted;
    require(
        &s,
        ResourceKind::ResponsibleAdult,
        Action::Create,
        "responsible adult",
    )?;
    let id = id.into_inner();
    let mut problems = Problems::new();
    let relationship = form
        .get("relationship")
        .and_then(ResponsibleAdultRelationship::parse);
    if relationship.is_none() {
        problems.add(
            "relationship",
            text(s.lang, "responsible-adults-error-relationship"),
        );
    }
    if !problems.is_empty() {
        return draw(&state, &s, id, form, problems, None).await;
    }
    let input = ResponsibleAdultInput {
        name: form.get("name").unwrap_or("").to_string(),
        relationship,
        email: optional(&form, "email"),
        phone: optional(&form, "phone"),
        preferred_language: optional(&form, "preferred_language"),
    };
    let victim = id.clone();
    let outcome = with_conn(&state, &s, move |conn, ctx| {
        match responsible_adults::add(conn, ctx, &victim, &input) {
            Ok(a) => Ok(Ok(a)),
            Err(AppError::Validation(errors)) => Ok(Err(Problems::from_api(&errors, place))),
            Err(other) => Err(other),
        }
    })
    .await?;
    match outcome {
        Ok(a) => {
            tracing::info!(responsible_adult_id = %a.id, "responsible adult recorded from the pages");
            Ok(see_other(&format!(
                "/victims/{id}/responsible-adults?done=added"
            )))
        }
        Err(problems) => draw(&state, &s, id, form, problems, None).await,
    }
}

fn version_of(form: &FormData) -> i32 {
    form.get("version")
        .and_then(|v| v.parse().ok())
        .unwrap_or(0)
}

async fn exclude(
    state: web::Data<AppState>,
    posted: Posted,
    path: web::Path<(String, String)>,
) -> PageResult {
    let Posted { session: s, form } = posted;
    require(
        &s,
        ResourceKind::ResponsibleAdult,
        Action::Update,
        "responsible adult",
    )?;
    let (id, adult_id) = path.into_inner();
    let Some(by) = form.get("excluded_by").and_then(ExcludedBy::parse) else {
        let mut p = Problems::new();
        p.add("name", text(s.lang, "responsible-adults-error-excluded-by"));
        return draw(&state, &s, id, FormData(vec![]), p, None).await;
    };
    let input = ExclusionInput {
        excluded_by: by,
        reason: optional(&form, "reason"),
    };
    let expected = version_of(&form);
    with_conn(&state, &s, move |conn, ctx| {
        responsible_adults::exclude(conn, ctx, &adult_id, expected, &input)
    })
    .await?;
    Ok(see_other(&format!(
        "/victims/{id}/responsible-adults?done=excluded"
    )))
}

async fn end(
    state: web::Data<AppState>,
    posted: Posted,
    path: web::Path<(String, String)>,
) -> PageResult {
    let Posted { session: s, form } = posted;
    require(
        &s,
        ResourceKind::ResponsibleAdult,
        Action::Update,
        "responsible adult",
    )?;
    let (id, adult_id) = path.into_inner();
    let expected = version_of(&form);
    with_conn(&state, &s, move |conn, ctx| {
        responsible_adults::end(conn, ctx, &adult_id, expected)
    })
    .await?;
    Ok(see_other(&format!(
        "/victims/{id}/responsible-adults?done=ended"
    )))
}

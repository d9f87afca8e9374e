//! A victim's needs at court on the pages: the list, a form to add one and
//! a button to withdraw each, at `/victims/{id}/court-needs`. Every change
//! goes through `app::court_needs`, the use case the API's
//! `/api/v1/victims/{id}/court-needs` calls (the same role check, checks,
//! transaction and audit entry).

use actix_web::web;
use serde::Deserialize;
use serde_json::json;

use crate::app::court_needs::{self, ConsentChoice, CourtNeedInput, CourtNeedOut};
use crate::error::AppError;
use crate::flows::court_needs::CourtNeed;
use crate::policy::{Action, ResourceKind};
use crate::resources::Victims;
use crate::web::AppState;

use super::fields::{fill_all, Field, FormPage};
use super::forms::{FormData, Problems};
use super::i18n::{self, text, text_with, Lang};
use super::session::{Posted, Session};
use super::{page, read, render_form, render_status, require, see_other, with_conn, PageResult};

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.route("/victims/{id}/court-needs", web::get().to(show))
        .route("/victims/{id}/court-needs", web::post().to(add))
        .route(
            "/victims/{id}/court-needs/{need_id}/withdraw",
            web::get().to(confirm_withdraw),
        )
        .route(
            "/victims/{id}/court-needs/{need_id}/withdraw",
            web::post().to(withdraw),
        );
}

/// The choice meaning "no consent recorded yet".
const NOT_YET: &str = "none";

fn kind_label(lang: Lang, kind: &str) -> String {
    text(
        lang,
        match kind {
            "interpreter" => "court-needs-kind-interpreter",
            "bsl_interpreter" => "court-needs-kind-bsl-interpreter",
            "registered_intermediary" => "court-needs-kind-registered-intermediary",
            "disability_access" => "court-needs-kind-disability-access",
            "separate_waiting_room" => "court-needs-kind-separate-waiting-room",
            _ => "court-needs-kind-other",
        },
    )
}

/// A recorded need in the page's language ("An interpreter (Polish)").
fn need_words(lang: Lang, n: &CourtNeedOut) -> String {
    match (n.kind.as_str(), &n.language) {
        ("interpreter", Some(language)) => text_with(
            lang,
            "court-needs-words-interpreter",
            &[("language", language.clone())],
        ),
        ("interpreter", None) => n.in_words.clone(),
        (kind, _) => text(
            lang,
            match kind {
                "bsl_interpreter" => "court-needs-words-bsl-interpreter",
                "registered_intermediary" => "court-needs-words-registered-intermediary",
                "disability_access" => "court-needs-words-disability-access",
                "separate_waiting_room" => "court-needs-words-separate-waiting-room",
                _ => return n.in_words.clone(),
            },
        ),
    }
}

/// Her Witness Service referral consents, as choices of what a record
/// passed to the court rests on (the safety plan's page offers them too),
/// in the page's language.
pub(super) fn referral_choices_in(lang: Lang, consents: &[ConsentChoice]) -> Vec<(String, String)> {
    consents
        .iter()
        .map(|c| {
            (
                c.id.clone(),
                text_with(
                    lang,
                    "court-needs-referral-consent",
                    &[("given", i18n::long(lang, c.given_at))],
                ),
            )
        })
        .collect()
}

fn fields(lang: Lang, consents: &[ConsentChoice]) -> Vec<Field> {
    let kinds: Vec<(String, String)> = CourtNeed::KINDS
        .iter()
        .map(|k| (k.to_string(), kind_label(lang, k)))
        .collect();
    let mut bases = referral_choices_in(lang, consents);
    bases.push((NOT_YET.into(), text(lang, "court-needs-not-yet")));
    vec![
        Field::radios("kind", &text(lang, "court-needs-kind"), &kinds),
        Field::text("language", &text(lang, "court-needs-language"))
            .hint(&text(lang, "court-needs-language-hint")),
        Field::radios("consent_id", &text(lang, "court-needs-consent"), &bases)
            .hint(&text(lang, "court-needs-consent-hint")),
    ]
}

fn place(field: &str) -> (&'static str, &'static str) {
    match field {
        "kind" => ("kind", "The need"),
        "language" => ("language", "The language"),
        "consent_id" => ("consent_id", "The consent"),
        _ => ("kind", ""),
    }
}

fn passed_on(lang: Lang, n: &CourtNeedOut) -> String {
    text(
        lang,
        if n.consent_id.is_some() {
            "court-needs-passed-on"
        } else {
            "court-needs-not-passed-on"
        },
    )
}

#[derive(Deserialize)]
struct Done {
    done: Option<String>,
}

fn done_message(lang: Lang, key: &str) -> Option<String> {
    let key = match key {
        "added" => "court-needs-done-added",
        "withdrawn" => "court-needs-done-withdrawn",
        _ => return None,
    };
    Some(text(lang, key))
}

/// Draws the page: the needs, and the add form with what was posted and
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
    let (v, needs, consents) = with_conn(state, s, move |conn, ctx| {
        let v = read::<Victims>(conn, ctx, &id)?;
        let needs = court_needs::list(conn, ctx, &id)?;
        let consents = court_needs::consent_choices(conn, ctx, &id)?;
        Ok((v, needs, consents))
    })
    .await?;
    let rows: Vec<serde_json::Value> = needs
        .iter()
        .map(|n| {
            json!({
                "words": need_words(lang, n),
                "passed_on": passed_on(lang, n),
                "withdraw": format!("/victims/{}/court-needs/{}/withdraw", v.id, n.id),
            })
        })
        .collect();
    let status = if problems.is_empty() {
        actix_web::http::StatusCode::OK
    } else {
        actix_web::http::StatusCode::UNPROCESSABLE_ENTITY
    };
    let mut data = page(
        s,
        &text(lang, "court-needs-title"),
        "victims",
        json!({
            "caption": text_with(lang, "week-victim", &[("victim", v.reference.clone())]),
            "back": format!("/victims/{}/edit", v.id),
            "action": format!("/victims/{}/court-needs", v.id),
            "submit": text(lang, "court-needs-add-submit"),
            "needs": rows,
            "done": done,
            "fields": fill_all(fields(lang, &consents), &values, &problems),
            "errors": problems.to_json(),
        }),
    );
    data["layout"]["error"] = json!(!problems.is_empty());
    render_status(status, "court_needs", &data)
}

async fn show(
    state: web::Data<AppState>,
    s: Session,
    id: web::Path<String>,
    q: web::Query<Done>,
) -> PageResult {
    require(&s, ResourceKind::Victim, Action::Update, "victim")?;
    let done = q.done.as_deref().and_then(|d| done_message(s.lang, d));
    let defaults = FormData(vec![("consent_id".into(), NOT_YET.into())]);
    draw(&state, &s, id.into_inner(), defaults, Problems::new(), done).await
}

async fn add(state: web::Data<AppState>, posted: Posted, id: web::Path<String>) -> PageResult {
    let Posted { session: s, form } = posted;
    require(&s, ResourceKind::Victim, Action::Update, "victim")?;
    let id = id.into_inner();
    let mut problems = Problems::new();
    let kind = form.get("kind").unwrap_or("").trim().to_string();
    if kind.is_empty() {
        problems.add("kind", text(s.lang, "court-needs-error-kind"));
    }
    if !problems.is_empty() {
        return draw(&state, &s, id, form, problems, None).await;
    }
    let language = form
        .get("language")
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(str::to_string);
    let consent_id = form
        .get("consent_id")
        .filter(|c| *c != NOT_YET && !c.is_empty())
        .map(str::to_string);
    let input = CourtNeedInput {
        kind,
        language,
        consent_id,
    };
    let victim = id.clone();
    let outcome = with_conn(&state, &s, move |conn, ctx| {
        match court_needs::record(conn, ctx, &victim, &input) {
            Ok(n) => Ok(Ok(n)),
            Err(AppError::Validation(errors)) => Ok(Err(Problems::from_api(&errors, place))),
            Err(AppError::Conflict(message)) => {
                let mut p = Problems::new();
                p.add("kind", super::forms::refusal(&message));
                Ok(Err(p))
            }
            Err(other) => Err(other),
        }
    })
    .await?;
    match outcome {
        Ok(n) => {
            tracing::info!(need_id = %n.id, kind = %n.kind, "court need recorded from the pages");
            Ok(see_other(&format!("/victims/{id}/court-needs?done=added")))
        }
        Err(problems) => draw(&state, &s, id, form, problems, None).await,
    }
}

/// Withdrawing a need tells the court and the Witness Service, so the page
/// asks first and says so.
async fn confirm_withdraw(
    state: web::Data<AppState>,
    s: Session,
    path: web::Path<(String, String)>,
) -> PageResult {
    require(&s, ResourceKind::Victim, Action::Update, "victim")?;
    let (id, need_id) = path.into_inner();
    let victim = id.clone();
    let (v, need) = with_conn(&state, &s, move |conn, ctx| {
        let v = read::<Victims>(conn, ctx, &victim)?;
        let need = court_needs::list(conn, ctx, &victim)?
            .into_iter()
            .find(|n| n.id == need_id)
            .ok_or_else(|| AppError::NotFound("need at court".into()))?;
        Ok((v, need))
    })
    .await?;
    let lang = s.lang;
    let told = text(
        lang,
        if need.consent_id.is_some() {
            "court-needs-withdraw-told"
        } else {
            "court-needs-withdraw-not-told"
        },
    );
    let page = FormPage {
        title: text(lang, "court-needs-withdraw-title"),
        caption: Some(text_with(
            lang,
            "week-victim",
            &[("victim", v.reference.clone())],
        )),
        heading: text(lang, "court-needs-withdraw-heading"),
        facts: vec![(text(lang, "court-needs-need"), need_words(lang, &need))],
        intro: vec![told, text(lang, "court-needs-withdraw-again")],
        action: format!("/victims/{id}/court-needs/{}/withdraw", need.id),
        back: format!("/victims/{id}/court-needs"),
        submit: text(lang, "court-needs-withdraw-submit"),
        ..FormPage::default()
    };
    render_form(&s, "victims", page, &FormData::default(), &Problems::new())
}

async fn withdraw(
    state: web::Data<AppState>,
    posted: Posted,
    path: web::Path<(String, String)>,
) -> PageResult {
    let Posted { session: s, .. } = posted;
    require(&s, ResourceKind::Victim, Action::Update, "victim")?;
    let (id, need_id) = path.into_inner();
    let victim = id.clone();
    with_conn(&state, &s, move |conn, ctx| {
        court_needs::withdraw(conn, ctx, &victim, &need_id)
    })
    .await?;
    Ok(see_other(&format!(
        "/victims/{id}/court-needs?done=withdrawn"
    )))
}

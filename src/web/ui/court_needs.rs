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

fn kind_label(kind: &str) -> &'static str {
    match kind {
        "interpreter" => "An interpreter (say the language below)",
        "bsl_interpreter" => "A British Sign Language interpreter",
        "registered_intermediary" => "A registered intermediary",
        "disability_access" => "Disability access",
        "separate_waiting_room" => "A separate waiting room",
        _ => "Another need",
    }
}

/// Her Witness Service referral consents, as choices of what a record
/// passed to the court rests on (the safety plan's page offers them too).
pub(super) fn referral_choices(consents: &[ConsentChoice]) -> Vec<(String, String)> {
    consents
        .iter()
        .map(|c| {
            (
                c.id.clone(),
                format!(
                    "Yes: her Witness Service referral consent of {}",
                    crate::calendar::format_long(c.given_at)
                ),
            )
        })
        .collect()
}

fn fields(consents: &[ConsentChoice]) -> Vec<Field> {
    let kinds: Vec<(String, String)> = CourtNeed::KINDS
        .iter()
        .map(|k| (k.to_string(), kind_label(k).to_string()))
        .collect();
    let mut bases = referral_choices(consents);
    bases.push((
        NOT_YET.into(),
        "Not yet: keep the need, but do not pass it on".into(),
    ));
    vec![
        Field::radios("kind", "What does the victim need at court?", &kinds),
        Field::text("language", "Language (for an interpreter only)")
            .hint("The language's name only, for example Polish or Brazilian Portuguese."),
        Field::radios(
            "consent_id",
            "Has the victim agreed that this is passed to the court and the Witness Service?",
            &bases,
        )
        .hint("Record her consent to the Witness Service referral first if it is not listed."),
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

fn passed_on(n: &CourtNeedOut) -> &'static str {
    if n.consent_id.is_some() {
        "Yes, with her consent"
    } else {
        "No: no consent recorded"
    }
}

#[derive(Deserialize)]
struct Done {
    done: Option<String>,
}

fn done_message(key: &str) -> Option<&'static str> {
    Some(match key {
        "added" => "The need has been recorded.",
        "withdrawn" => "The need has been withdrawn. It will not be passed on again.",
        _ => return None,
    })
}

/// Draws the page: the needs, and the add form with what was posted and
/// its problems.
async fn draw(
    state: &web::Data<AppState>,
    s: &Session,
    id: String,
    values: FormData,
    problems: Problems,
    done: Option<&'static str>,
) -> PageResult {
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
                "words": n.in_words,
                "passed_on": passed_on(n),
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
        "Needs at court",
        "victims",
        json!({
            "caption": format!("Victim {}", v.reference),
            "back": format!("/victims/{}/edit", v.id),
            "action": format!("/victims/{}/court-needs", v.id),
            "submit": "Add the need",
            "needs": rows,
            "done": done,
            "fields": fill_all(fields(&consents), &values, &problems),
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
    let done = q.done.as_deref().and_then(done_message);
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
        problems.add("kind", "Choose what the victim needs at court");
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
                p.add("kind", message);
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
    let told = if need.consent_id.is_some() {
        "It was passed on with her consent, so the court (through the prosecutor) and the Witness Service, for each hearing still to come where they had it, are sent her needs as they now stand, or told none are left so they can cancel bookings made only for it."
    } else {
        "It was never passed on (no consent was recorded), so no one else is told."
    };
    let page = FormPage {
        title: "Withdraw a need at court".into(),
        caption: Some(format!("Victim {}", v.reference)),
        heading: "Withdraw this need at court?".into(),
        facts: vec![("Need".into(), need.in_words.clone())],
        intro: vec![
            told.into(),
            "A withdrawn need is not passed on again. If she needs it after all, add it again."
                .into(),
        ],
        action: format!("/victims/{id}/court-needs/{}/withdraw", need.id),
        back: format!("/victims/{id}/court-needs"),
        submit: "Withdraw the need".into(),
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

//! Recording what the victim agreed may be shared (or, without consent,
//! the other lawful basis and its reason).

use actix_web::web;

use crate::calendar;
use crate::domain::{ConsentScope, LawfulBasis, Role};
use crate::error::AppError;
use crate::policy::{Action, ResourceKind};
use crate::resources::{CaseOut, Cases, ConsentInput, Consents, Victims};
use crate::web::AppState;

use super::fields::{options_of, Field, FormPage};
use super::forms::{required_choice, required_date, FormData, Problems};
use super::lookup::case_reference;
use super::session::{Posted, Session};
use super::{
    labels, posted_version, read, render_form, require, see_other, update, with_conn, PageError,
    PageResult,
};

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.route("/cases/{id}/consents/new", web::get().to(new_page))
        .route("/cases/{id}/consents/new", web::post().to(new_post))
        .route(
            "/cases/{case}/consents/{id}/withdraw",
            web::post().to(withdraw_post),
        );
}

fn form_page(case: &CaseOut, victim: &str) -> FormPage {
    FormPage {
        title: "Record a consent".into(),
        caption: Some(format!("Case {} · victim {victim}", case_reference(case))),
        heading: "Record what the victim agreed may be shared".into(),
        intro: vec![
            "Record one consent at a time. The victim can withdraw it at any time, and withdrawal stops future sharing at once.".into(),
        ],
        action: format!("/cases/{}/consents/new", case.id),
        back: format!("/cases/{}", case.id),
        submit: "Record consent".into(),
        fields: vec![
            Field::radios(
                "scope",
                "What may be shared?",
                &options_of(ConsentScope::ALL, ConsentScope::as_str, labels::consent_scope),
            ),
            Field::radios(
                "basis",
                "On what basis?",
                &options_of(LawfulBasis::ALL, LawfulBasis::as_str, labels::lawful_basis),
            )
            .hint("Choose consent when the victim agreed. Another basis needs a recorded reason, and where it is safe the victim is told what was shared."),
            Field::textarea("basis_reason", "Why is sharing lawful without consent? (only if the basis is not consent)"),
            Field::date("given_on", "When was it given?"),
        ],
        ..FormPage::default()
    }
}

fn place(field: &str) -> (&'static str, &'static str) {
    match field {
        "scope" => ("scope", "What may be shared"),
        "basis" => ("basis", "The basis"),
        "basis_reason" => ("basis_reason", "The reason"),
        "given_at" => ("given_on", "The date"),
        _ => ("scope", ""),
    }
}

async fn new_page(state: web::Data<AppState>, s: Session, id: web::Path<String>) -> PageResult {
    require(&s, ResourceKind::Consent, Action::Create, "consent")?;
    let id = id.into_inner();
    let (case, victim) = with_conn(&state, &s, move |conn, ctx| {
        let case = read::<Cases>(conn, ctx, &id)?;
        let victim = read::<Victims>(conn, ctx, &case.victim_id)?.reference;
        Ok((case, victim))
    })
    .await?;
    let today = calendar::london_date(state.clock.now());
    let defaults = FormData(vec![
        ("basis".into(), "consent".into()),
        ("given_on".into(), today.to_string()),
    ]);
    render_form(
        &s,
        "cases",
        form_page(&case, &victim),
        &defaults,
        &Problems::new(),
    )
}

async fn new_post(state: web::Data<AppState>, posted: Posted, id: web::Path<String>) -> PageResult {
    let Posted { session: s, form } = posted;
    require(&s, ResourceKind::Consent, Action::Create, "consent")?;
    let id = id.into_inner();
    let mut problems = Problems::new();
    let scope = required_choice(
        &form,
        "scope",
        "Choose what may be shared",
        ConsentScope::parse,
        &mut problems,
    );
    let basis = required_choice(
        &form,
        "basis",
        "Choose the basis for sharing",
        LawfulBasis::parse,
        &mut problems,
    );
    let reason = form.text("basis_reason");
    if basis.is_some_and(|b| b != LawfulBasis::Consent) && reason.is_none() {
        problems.add(
            "basis_reason",
            "Enter why sharing is lawful without consent",
        );
    }
    let given_on = required_date(&form, "given_on", "the date it was given", &mut problems);
    let now = state.clock.now();
    let today = calendar::london_date(now);
    if given_on.is_some_and(|d| d > today) {
        problems.add(
            "given_on",
            "The date it was given must be today or in the past",
        );
    }
    let outcome = with_conn(&state, &s, move |conn, ctx| {
        let case = read::<Cases>(conn, ctx, &id)?;
        let victim = read::<Victims>(conn, ctx, &case.victim_id)?.reference;
        let (Some(scope), Some(basis), Some(day)) = (scope, basis, given_on) else {
            return Ok(Err((case, victim, problems)));
        };
        if !problems.is_empty() {
            return Ok(Err((case, victim, problems)));
        }
        // Today means now; an earlier day means from the start of that day.
        let given_at = if day == today {
            now
        } else {
            calendar::start_of_london_day(day)
        };
        let input = ConsentInput {
            victim_id: case.victim_id.clone(),
            scope,
            basis,
            basis_reason: if basis == LawfulBasis::Consent {
                None
            } else {
                reason
            },
            given_at: calendar::to_london(given_at).to_rfc3339(),
            withdrawn_at: None,
        };
        match super::create::<Consents>(conn, ctx, input) {
            Ok(_) => Ok(Ok(case)),
            Err(AppError::Validation(errors)) => {
                Ok(Err((case, victim, Problems::from_api(&errors, place))))
            }
            Err(other) => Err(other),
        }
    })
    .await?;
    match outcome {
        Ok(case) => Ok(see_other(&format!(
            "/cases/{}?done=consent-recorded",
            case.id
        ))),
        Err((case, victim, problems)) => {
            render_form(&s, "cases", form_page(&case, &victim), &form, &problems)
        }
    }
}

/// A supporter records that the victim withdrew a consent: from now on,
/// nothing more is shared on it. The form on the case page carries the
/// version it was drawn from; if the consent changed since, the page says
/// so and nothing is saved.
async fn withdraw_post(
    state: web::Data<AppState>,
    posted: Posted,
    path: web::Path<(String, String)>,
) -> PageResult {
    let Posted { session: s, form } = posted;
    require(&s, ResourceKind::Consent, Action::Update, "consent")?;
    if s.role() != Role::Supporter {
        return Err(PageError::App(AppError::Forbidden(
            "only the supporter records a withdrawal from the pages".into(),
        )));
    }
    let version = posted_version(&form)?;
    let (case_id, id) = path.into_inner();
    let case_id = with_conn(&state, &s, move |conn, ctx| {
        let case = read::<Cases>(conn, ctx, &case_id)?;
        let current = read::<Consents>(conn, ctx, &id)?;
        if current.victim_id != case.victim_id {
            return Err(AppError::NotFound("consent".into()));
        }
        let input = ConsentInput {
            victim_id: current.victim_id.clone(),
            scope: current.scope,
            basis: current.basis,
            basis_reason: current.basis_reason.clone(),
            given_at: calendar::to_london(current.given_at).to_rfc3339(),
            withdrawn_at: Some(calendar::to_london(ctx.now).to_rfc3339()),
        };
        update::<Consents>(conn, ctx, &id, version, input)?;
        Ok(case.id)
    })
    .await?;
    Ok(see_other(&format!(
        "/cases/{case_id}?done=consent-withdrawn#consents"
    )))
}

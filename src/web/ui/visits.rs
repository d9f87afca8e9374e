//! Witness care officers arrange a pre-trial visit: the victim (and, if
//! they wish, their supporter) see the court before the trial. The visit
//! goes through the PreTrialVisits resource, which plans the reminders.

use actix_web::web;
use chrono::{NaiveDate, NaiveTime};

use crate::domain::{ArrangedVia, PreTrialVisitState, Role};
use crate::error::AppError;
use crate::policy::{Action, ResourceKind};
use crate::resources::{CaseOut, Cases, PreTrialVisitInput, PreTrialVisits};
use crate::web::AppState;

use super::fields::{Field, FormPage};
use super::forms::{london_instant, required_date, required_time, FormData, Problems};
use super::lookup::{case_reference, Lookup};
use super::session::{Posted, Session};
use super::{read, render_form, require, see_other, with_conn, PageError, PageResult};

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.route("/cases/{id}/visits/new", web::get().to(new_page))
        .route("/cases/{id}/visits/new", web::post().to(new_post));
}

/// Only witness care arranges visits from the pages (supporters ask for
/// one through the unit).
fn require_arranger(s: &Session) -> Result<(), PageError> {
    require(
        s,
        ResourceKind::PreTrialVisit,
        Action::Create,
        "pre-trial visit",
    )?;
    if s.role() != Role::WitnessCareOfficer {
        return Err(PageError::App(AppError::Forbidden(
            "only witness care arranges pre-trial visits".into(),
        )));
    }
    Ok(())
}

/// Where the API's fields land on this form.
fn place(field: &str) -> (&'static str, &'static str) {
    match field {
        "court_id" => ("court_id", "The court"),
        "starts_at" => ("date", "The start"),
        "supporter_attends" => ("supporter_attends", "The supporter"),
        _ => ("date", ""),
    }
}

fn form_page(case: &CaseOut, look: &Lookup) -> FormPage {
    let mut courts = vec![(String::new(), "Choose a court".to_string())];
    courts.extend(look.courts_sorted());
    FormPage {
        title: "Arrange a pre-trial visit".into(),
        caption: Some(format!("Case {}", case_reference(case))),
        heading: "Arrange a pre-trial visit".into(),
        intro: vec!["Enter the date and time in UK time. The visit must be in the future.".into()],
        action: format!("/cases/{}/visits/new", case.id),
        back: format!("/cases/{}", case.id),
        submit: "Arrange visit".into(),
        fields: vec![
            Field::select("court_id", "Court", &courts),
            Field::date("date", "Date"),
            Field::time("time", "Start time"),
            Field::radios(
                "supporter_attends",
                "Will the supporter attend the visit?",
                &[("yes".into(), "Yes".into()), ("no".into(), "No".into())],
            ),
        ],
        ..FormPage::default()
    }
}

async fn new_page(state: web::Data<AppState>, s: Session, id: web::Path<String>) -> PageResult {
    require_arranger(&s)?;
    let id = id.into_inner();
    let (case, look) = with_conn(&state, &s, move |conn, ctx| {
        Ok((read::<Cases>(conn, ctx, &id)?, Lookup::load(conn, ctx)?))
    })
    .await?;
    let defaults = FormData(vec![(
        "court_id".into(),
        case.court_id.clone().unwrap_or_default(),
    )]);
    render_form(
        &s,
        "cases",
        form_page(&case, &look),
        &defaults,
        &Problems::new(),
    )
}

async fn new_post(state: web::Data<AppState>, posted: Posted, id: web::Path<String>) -> PageResult {
    let Posted { session: s, form } = posted;
    require_arranger(&s)?;
    let id = id.into_inner();
    let mut problems = Problems::new();
    let court = form.text("court_id");
    if court.is_none() {
        problems.add("court_id", "Choose the court");
    }
    let date: Option<NaiveDate> =
        required_date(&form, "date", "the date of the visit", &mut problems);
    let time: Option<NaiveTime> = required_time(&form, "time", "the start time", &mut problems);
    let attends = match form.text("supporter_attends").as_deref() {
        Some("yes") => Some(true),
        Some("no") => Some(false),
        _ => {
            problems.add("supporter_attends", "Say whether the supporter will attend");
            None
        }
    };
    let starts = date
        .zip(time)
        .and_then(|(d, t)| london_instant(d, t, "time", &mut problems));
    if let Some((at, _)) = &starts {
        if *at <= state.clock.now() {
            problems.add("date", "The visit must be in the future");
        }
    }
    let case_id = id.clone();
    let outcome = with_conn(&state, &s, move |conn, ctx| {
        let case = read::<Cases>(conn, ctx, &case_id)?;
        let look = Lookup::load(conn, ctx)?;
        let (Some(court_id), Some((_, starts_at)), Some(supporter_attends)) =
            (court, starts, attends)
        else {
            return Ok(Err((case, look, problems)));
        };
        if !problems.is_empty() {
            return Ok(Err((case, look, problems)));
        }
        let input = PreTrialVisitInput {
            case_id: case_id.clone(),
            hearing_id: None,
            court_id,
            state: PreTrialVisitState::Arranged,
            starts_at: Some(starts_at),
            supporter_attends,
            arranged_via: Some(ArrangedVia::WitnessCareUnit),
        };
        match super::create::<PreTrialVisits>(conn, ctx, input) {
            Ok(_) => Ok(Ok(case)),
            Err(AppError::Validation(errors)) => {
                Ok(Err((case, look, Problems::from_api(&errors, place))))
            }
            Err(other) => Err(other),
        }
    })
    .await?;
    match outcome {
        Ok(case) => Ok(see_other(&format!(
            "/cases/{}?done=visit-arranged#visits",
            case.id
        ))),
        Err((case, look, problems)) => {
            render_form(&s, "cases", form_page(&case, &look), &form, &problems)
        }
    }
}

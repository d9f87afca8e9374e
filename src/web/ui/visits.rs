//! Witness care officers arrange a pre-trial visit: the victim (and, if
//! they wish, their supporter) see the court before the trial. From the
//! case page they then change it (a new date, time or court; or record
//! that it took place) and cancel it after a question. Every form goes
//! through the PreTrialVisits resource, as the API's POST and PUT do, so
//! the reminders and the notices to those told follow; a change carries
//! the version the form was drawn from.

use actix_web::web;

use crate::domain::{ArrangedVia, PreTrialVisitState, Role};
use crate::error::AppError;
use crate::policy::{Action, ResourceKind};
use crate::resources::{CaseOut, Cases, PreTrialVisitInput, PreTrialVisitOut, PreTrialVisits};
use crate::web::AppState;

use super::fields::{Field, FormPage};
use super::form_words::{
    case_caption, date_field, date_in, stale_problem_in, time_field, time_in, yes_no, DateWords,
};
use super::forms::{london_instant, FormData, Problems};
use super::i18n::{self, text, Lang};
use super::lookup::{case_reference, Lookup};
use super::session::{Posted, Session};
use super::{read, render_form, require, see_other, with_conn, PageError, PageResult};

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.route("/cases/{id}/visits/new", web::get().to(new_page))
        .route("/cases/{id}/visits/new", web::post().to(new_post))
        .route("/visits/{id}/edit", web::get().to(edit_page))
        .route("/visits/{id}/edit", web::post().to(edit_post))
        .route("/visits/{id}/cancel", web::get().to(cancel_page))
        .route("/visits/{id}/cancel", web::post().to(cancel_post));
}

/// Whether the witness care pages may change this visit: only one still
/// requested or arranged (an attended or cancelled visit is history).
pub fn changeable(state: PreTrialVisitState) -> bool {
    matches!(
        state,
        PreTrialVisitState::Requested | PreTrialVisitState::Arranged
    )
}

/// Only witness care arranges, changes and cancels visits from the pages
/// (supporters ask for one through the unit).
fn require_witness_care(s: &Session, action: Action) -> Result<(), PageError> {
    require(s, ResourceKind::PreTrialVisit, action, "pre-trial visit")?;
    if s.role() != Role::WitnessCareOfficer {
        return Err(PageError::App(AppError::Forbidden(
            "only witness care arranges and changes pre-trial visits".into(),
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

/// The visit's fields: court, date, time and whether the supporter attends.
fn form_page_for(lang: Lang, look: &Lookup) -> FormPage {
    let mut courts = vec![(String::new(), text(lang, "visits-choose-a-court"))];
    courts.extend(look.courts_sorted());
    FormPage {
        fields: vec![
            Field::select("court_id", &text(lang, "visits-court"), &courts),
            date_field(lang, "date", &text(lang, "visits-date")),
            time_field(lang, "time", &text(lang, "visits-start-time")),
            Field::radios(
                "supporter_attends",
                &text(lang, "visits-supporter-attends"),
                &yes_no(lang, ["visits-attends-yes", "visits-attends-no"]),
            ),
        ],
        ..FormPage::default()
    }
}

fn form_page(lang: Lang, case: &CaseOut, look: &Lookup) -> FormPage {
    FormPage {
        title: text(lang, "visits-arrange-title"),
        caption: case_caption(lang, case_reference(case)),
        heading: text(lang, "visits-arrange-title"),
        intro: vec![text(lang, "visits-arrange-intro")],
        action: format!("/cases/{}/visits/new", case.id),
        back: format!("/cases/{}", case.id),
        submit: text(lang, "visits-arrange-submit"),
        ..form_page_for(lang, look)
    }
}

/// The court, the start in UK time and whether the supporter attends, as
/// typed; `future` when the visit must be ahead (a visit being arranged).
fn read_visit(
    lang: Lang,
    form: &FormData,
    now: chrono::DateTime<chrono::Utc>,
    future: bool,
    problems: &mut Problems,
) -> Option<(String, String, bool)> {
    let court = form.text("court_id");
    if court.is_none() {
        problems.add("court_id", text(lang, "visits-error-court"));
    }
    let date = date_in(
        lang,
        form,
        "date",
        &DateWords {
            missing: "visits-error-date-missing",
            part: "visits-error-date-part",
            invalid: "visits-error-date-invalid",
        },
        problems,
    );
    let time = time_in(
        lang,
        form,
        "time",
        ["visits-error-time-missing", "visits-error-time-invalid"],
        problems,
    );
    let attends = match form.text("supporter_attends").as_deref() {
        Some("yes") => Some(true),
        Some("no") => Some(false),
        _ => {
            problems.add("supporter_attends", text(lang, "visits-error-supporter"));
            None
        }
    };
    let starts = date
        .zip(time)
        .and_then(|(d, t)| london_instant(d, t, "time", problems));
    if let Some((at, _)) = &starts {
        if future && *at <= now {
            problems.add("date", text(lang, "visits-error-future"));
        }
        if !future && *at > now {
            problems.add("date", text(lang, "visits-error-took-place-future"));
        }
    }
    match (court, starts, attends) {
        (Some(court), Some((_, starts_at)), Some(attends)) if problems.is_empty() => {
            Some((court, starts_at, attends))
        }
        _ => None,
    }
}

async fn new_page(state: web::Data<AppState>, s: Session, id: web::Path<String>) -> PageResult {
    require_witness_care(&s, Action::Create)?;
    let id = id.into_inner();
    let (case, look) = with_conn(&state, &s, move |conn, ctx| {
        Ok((
            read::<Cases>(conn, ctx, &id)?,
            Lookup::for_case(conn, ctx, &id)?,
        ))
    })
    .await?;
    let defaults = FormData(vec![(
        "court_id".into(),
        case.court_id.clone().unwrap_or_default(),
    )]);
    render_form(
        &s,
        "cases",
        form_page(s.lang, &case, &look),
        &defaults,
        &Problems::new(),
    )
}

async fn new_post(state: web::Data<AppState>, posted: Posted, id: web::Path<String>) -> PageResult {
    let Posted { session: s, form } = posted;
    require_witness_care(&s, Action::Create)?;
    let id = id.into_inner();
    let lang = s.lang;
    let mut problems = Problems::new();
    let typed = read_visit(lang, &form, state.clock.now(), true, &mut problems);
    let case_id = id.clone();
    let outcome = with_conn(&state, &s, move |conn, ctx| {
        let case = read::<Cases>(conn, ctx, &case_id)?;
        let look = Lookup::for_case(conn, ctx, &case.id)?;
        let Some((court_id, starts_at, supporter_attends)) = typed else {
            return Ok(Err((case, look, problems)));
        };
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
            render_form(&s, "cases", form_page(lang, &case, &look), &form, &problems)
        }
    }
}

// ---------------------------------------------------------------------
// Changing a visit, and cancelling it.

fn visit_facts(lang: Lang, v: &PreTrialVisitOut, look: &Lookup) -> Vec<(String, String)> {
    vec![
        (
            text(lang, "case-now"),
            super::labels::visit_state_in(lang, v.state),
        ),
        (
            text(lang, "visits-when"),
            v.starts_at
                .map(|t| i18n::long(lang, t))
                .unwrap_or_else(|| text(lang, "case-no-time-yet")),
        ),
        (text(lang, "visits-court"), look.court(&v.court_id)),
        (
            text(lang, "visits-the-supporter"),
            text(
                lang,
                if v.supporter_attends {
                    "visits-attends"
                } else {
                    "visits-does-not-attend"
                },
            ),
        ),
    ]
}

/// Where a visit may stand, as the change form offers: value and key.
const STATES: [(&str, &str); 2] = [
    ("arranged", "visits-state-arranged"),
    ("attended", "visits-state-attended"),
];

fn edit_form(lang: Lang, v: &PreTrialVisitOut, look: &Lookup, version: i32) -> FormPage {
    let mut page = form_page_for(lang, look);
    page.title = text(lang, "visits-change-title");
    page.caption = case_caption(lang, look.case_ref(&v.case_id));
    page.heading = text(lang, "visits-change-heading");
    page.intro = vec![text(lang, "visits-change-intro")];
    page.facts = visit_facts(lang, v, look);
    page.action = format!("/visits/{}/edit", v.id);
    page.back = format!("/cases/{}#visits", v.case_id);
    page.submit = text(lang, "visits-save-changes");
    page.hidden = vec![("version".into(), version.to_string())];
    page.fields.insert(
        0,
        Field::radios(
            "state",
            &text(lang, "visits-where-does-it-stand"),
            &STATES.map(|(v, key)| (v.to_string(), text(lang, key))),
        ),
    );
    page
}

fn visit_values(v: &PreTrialVisitOut) -> FormData {
    let mut values = vec![
        ("state".into(), "arranged".into()),
        ("court_id".into(), v.court_id.clone()),
        (
            "supporter_attends".into(),
            if v.supporter_attends { "yes" } else { "no" }.into(),
        ),
    ];
    if let Some(at) = v.starts_at {
        let local = crate::calendar::to_london(at);
        values.push(("date".into(), local.format("%Y-%m-%d").to_string()));
        values.push(("time".into(), local.format("%H:%M").to_string()));
    }
    FormData(values)
}

/// The visit, the lookups, and a refusal if the pages may not change it.
async fn to_change(
    state: &AppState,
    s: &Session,
    id: String,
) -> Result<(PreTrialVisitOut, Lookup), PageError> {
    require_witness_care(s, Action::Update)?;
    let (v, look) = with_conn(state, s, move |conn, ctx| {
        let v = read::<PreTrialVisits>(conn, ctx, &id)?;
        let look = Lookup::for_case(conn, ctx, &v.case_id)?;
        Ok((v, look))
    })
    .await?;
    if !changeable(v.state) {
        return Err(AppError::Conflict(text(s.lang, "visits-not-changeable")).into());
    }
    Ok((v, look))
}

async fn edit_page(state: web::Data<AppState>, s: Session, id: web::Path<String>) -> PageResult {
    let (v, look) = to_change(&state, &s, id.into_inner()).await?;
    render_form(
        &s,
        "cases",
        edit_form(s.lang, &v, &look, v.version),
        &visit_values(&v),
        &Problems::new(),
    )
}

/// What saving came to.
enum Saved {
    Done(PreTrialVisitOut),
    Problems(PreTrialVisitOut, Lookup, Problems),
    Stale(PreTrialVisitOut, Lookup),
}

fn save(
    conn: &mut crate::store::AnyConn,
    ctx: &crate::app::Ctx,
    id: &str,
    version: i32,
    build: impl FnOnce(&PreTrialVisitOut) -> Result<PreTrialVisitInput, Problems>,
) -> Result<Saved, AppError> {
    let current = read::<PreTrialVisits>(conn, ctx, id)?;
    let look = Lookup::for_case(conn, ctx, &current.case_id)?;
    let input = match build(&current) {
        Ok(input) => input,
        Err(problems) => return Ok(Saved::Problems(current, look, problems)),
    };
    Ok(
        match super::update::<PreTrialVisits>(conn, ctx, id, version, input) {
            Ok(v) => Saved::Done(v),
            Err(AppError::StaleVersion { .. }) => Saved::Stale(current, look),
            Err(AppError::Validation(errors)) => {
                Saved::Problems(current, look, Problems::from_api(&errors, place))
            }
            Err(other) => return Err(other),
        },
    )
}

async fn edit_post(
    state: web::Data<AppState>,
    posted: Posted,
    id: web::Path<String>,
) -> PageResult {
    let (s, form, version) =
        super::posted_update(posted, ResourceKind::PreTrialVisit, "pre-trial visit")?;
    let id = id.into_inner();
    to_change(&state, &s, id.clone()).await?;
    let lang = s.lang;
    let now = state.clock.now();
    let typed = form.clone();
    let outcome = with_conn(&state, &s, move |conn, ctx| {
        save(conn, ctx, &id, version, |current| {
            let mut problems = Problems::new();
            let new_state = match typed.text("state").as_deref() {
                Some("arranged") => Some(PreTrialVisitState::Arranged),
                Some("attended") => Some(PreTrialVisitState::Attended),
                _ => {
                    problems.add("state", text(lang, "visits-error-state"));
                    None
                }
            };
            let future = new_state != Some(PreTrialVisitState::Attended);
            let visit = read_visit(lang, &typed, now, future, &mut problems);
            match (new_state, visit) {
                (Some(state), Some((court_id, starts_at, supporter_attends))) => {
                    Ok(PreTrialVisitInput {
                        case_id: current.case_id.clone(),
                        hearing_id: current.hearing_id.clone(),
                        court_id,
                        state,
                        starts_at: Some(starts_at),
                        supporter_attends,
                        arranged_via: current.arranged_via,
                    })
                }
                _ => Err(problems),
            }
        })
    })
    .await?;
    match outcome {
        Saved::Done(v) => {
            tracing::info!(visit_id = %v.id, version = v.version, "pre-trial visit changed from the pages");
            Ok(see_other(&format!(
                "/cases/{}?done=visit-changed#visits",
                v.case_id
            )))
        }
        Saved::Problems(v, look, problems) => render_form(
            &s,
            "cases",
            edit_form(lang, &v, &look, version),
            &form,
            &problems,
        ),
        Saved::Stale(v, look) => {
            let mut page = edit_form(lang, &v, &look, v.version);
            page.stale = Some((text(lang, "visits-what"), visit_facts(lang, &v, &look)));
            render_form(
                &s,
                "cases",
                page,
                &form,
                &stale_problem_in(lang, "state", &text(lang, "visits-what")),
            )
        }
    }
}

fn cancel_form(lang: Lang, v: &PreTrialVisitOut, look: &Lookup, version: i32) -> FormPage {
    FormPage {
        title: text(lang, "visits-cancel-title"),
        caption: case_caption(lang, look.case_ref(&v.case_id)),
        heading: text(lang, "visits-cancel-heading"),
        intro: vec![text(lang, "visits-cancel-intro")],
        facts: visit_facts(lang, v, look),
        action: format!("/visits/{}/cancel", v.id),
        back: format!("/cases/{}#visits", v.case_id),
        submit: text(lang, "visits-cancel-submit"),
        hidden: vec![("version".into(), version.to_string())],
        ..FormPage::default()
    }
}

async fn cancel_page(state: web::Data<AppState>, s: Session, id: web::Path<String>) -> PageResult {
    let (v, look) = to_change(&state, &s, id.into_inner()).await?;
    render_form(
        &s,
        "cases",
        cancel_form(s.lang, &v, &look, v.version),
        &FormData::default(),
        &Problems::new(),
    )
}

async fn cancel_post(
    state: web::Data<AppState>,
    posted: Posted,
    id: web::Path<String>,
) -> PageResult {
    let (s, form, version) =
        super::posted_update(posted, ResourceKind::PreTrialVisit, "pre-trial visit")?;
    let id = id.into_inner();
    to_change(&state, &s, id.clone()).await?;
    let outcome = with_conn(&state, &s, move |conn, ctx| {
        save(conn, ctx, &id, version, |current| {
            Ok(PreTrialVisitInput {
                case_id: current.case_id.clone(),
                hearing_id: current.hearing_id.clone(),
                court_id: current.court_id.clone(),
                state: PreTrialVisitState::Cancelled,
                starts_at: current.starts_at_local.clone(),
                supporter_attends: current.supporter_attends,
                arranged_via: current.arranged_via,
            })
        })
    })
    .await?;
    match outcome {
        Saved::Done(v) => {
            tracing::info!(visit_id = %v.id, "pre-trial visit cancelled from the pages");
            Ok(see_other(&format!(
                "/cases/{}?done=visit-cancelled#visits",
                v.case_id
            )))
        }
        Saved::Problems(v, look, problems) => render_form(
            &s,
            "cases",
            cancel_form(s.lang, &v, &look, version),
            &form,
            &problems,
        ),
        Saved::Stale(v, look) => {
            // Ask again over what is stored now.
            let mut page = cancel_form(s.lang, &v, &look, v.version);
            page.stale = Some((text(s.lang, "visits-what"), visit_facts(s.lang, &v, &look)));
            render_form(
                &s,
                "cases",
                page,
                &FormData::default(),
                &stale_problem_in(s.lang, "version", &text(s.lang, "visits-what")),
            )
        }
    }
}

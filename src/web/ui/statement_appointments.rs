//! Statement-taking and ABE-interview appointments on the pages (issue 19,
//! item 4): a criminal case's appointments at
//! `/cases/{id}/statement-appointments` (listed, and one booked), and one
//! appointment at `/statement-appointments/{id}` (changed, or withdrawn).
//! Reached from the case page. Every change goes through
//! `app::statement_appointments`, the use case the API calls (the same
//! role and reach checks, planning and audit entries).

use actix_web::web;
use serde::Deserialize;
use serde_json::{json, Value};

use crate::app::statement_appointments::{
    self, CancelInput, Person, StatementAppointmentInput, StatementAppointmentOut,
};
use crate::calendar;
use crate::domain::{StatementAppointmentKind, StatementAppointmentState};
use crate::error::AppError;
use crate::policy::{Action, ResourceKind};
use crate::resources::Victims;
use crate::web::AppState;

use super::fields::{fill_all, Field};
use super::forms::{london_instant, required_date, required_time, FormData, Problems};
use super::lookup::long;
use super::session::{Posted, Session};
use super::{labels, read, render_status, see_other, with_conn, PageResult};

const KIND: ResourceKind = ResourceKind::StatementAppointment;
const WHAT: &str = "statement appointment";

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.route(
        "/cases/{id}/statement-appointments",
        web::get().to(show_list),
    )
    .route("/cases/{id}/statement-appointments", web::post().to(add))
    .route("/statement-appointments/{id}", web::get().to(show_one))
    .route("/statement-appointments/{id}", web::post().to(change))
    .route(
        "/statement-appointments/{id}/cancel",
        web::post().to(cancel),
    );
}

#[derive(Deserialize)]
struct Done {
    done: Option<String>,
}

fn done_message(key: &str) -> Option<&'static str> {
    Some(match key {
        "added" => "The appointment has been booked. Reminders are on the supporters' and the officer's weeks.",
        "changed" => "The appointment has been changed, and its reminders with it.",
        "cancelled" => "The appointment has been withdrawn, and its reminders cancelled.",
        _ => return None,
    })
}

fn options(people: &[Person], prompt: &str) -> Vec<(String, String)> {
    let mut out = vec![(String::new(), prompt.to_string())];
    out.extend(people.iter().map(|p| (p.id.clone(), p.name.clone())));
    out
}

fn fields(supporters: &[Person], officers: &[Person]) -> Vec<Field> {
    let kinds: Vec<(String, String)> = StatementAppointmentKind::ALL
        .iter()
        .map(|k| {
            (
                k.as_str().to_string(),
                labels::statement_appointment_kind(*k).to_string(),
            )
        })
        .collect();
    vec![
        Field::radios("kind", "What is the appointment for?", &kinds),
        Field::date("appointment_date", "What day is it?").hint("For example, 30/03/2026"),
        Field::time("appointment_time", "What time does it start?")
            .hint("UK time, on the 24-hour clock, for example 10:00"),
        Field::text("place", "Where is it?")
            .hint("The police station or venue, for example Elland Road Police Station. Never the victim's address."),
        Field::select(
            "officer_id",
            "Which officer is it with?",
            &options(officers, "Choose an officer"),
        )
        .hint("A witness care officer of the case's unit. Their reminder goes to their Courtside week."),
        Field::select(
            "supporter_id",
            "Which supporter is booked for before and after?",
            &options(supporters, "Choose a supporter"),
        )
        .hint("The supporter must not be in the room while the statement is taken or the interview recorded."),
        Field::select(
            "alternative_supporter_id",
            "Which supporter can go instead if they are away?",
            &options(supporters, "Choose a different supporter"),
        ),
    ]
}

fn place_of(field: &str) -> (&'static str, &'static str) {
    match field {
        "starts_at" => ("appointment_time", "The time"),
        "place" => ("place", "The place"),
        "officer_id" => ("officer_id", "The officer"),
        "supporter_id" => ("supporter_id", "The supporter"),
        "alternative_supporter_id" => ("alternative_supporter_id", "The alternative supporter"),
        _ => ("kind", "The appointment"),
    }
}

fn values(a: &StatementAppointmentOut) -> FormData {
    FormData(vec![
        ("kind".into(), a.kind.as_str().into()),
        (
            "appointment_date".into(),
            calendar::london_date(a.starts_at).to_string(),
        ),
        (
            "appointment_time".into(),
            calendar::to_london(a.starts_at).format("%H:%M").to_string(),
        ),
        ("place".into(), a.place.clone()),
        ("officer_id".into(), a.officer.id.clone()),
        ("supporter_id".into(), a.supporter.id.clone()),
        (
            "alternative_supporter_id".into(),
            a.alternative_supporter.id.clone(),
        ),
    ])
}

/// The form's answers as the API's input, with the problems only the form
/// can have.
fn input(form: &FormData, problems: &mut Problems) -> Option<StatementAppointmentInput> {
    let kind = form.get("kind").and_then(StatementAppointmentKind::parse);
    if kind.is_none() {
        problems.add("kind", "Choose a witness statement or an ABE interview");
    }
    let date = required_date(
        form,
        "appointment_date",
        "the day of the appointment",
        problems,
    );
    let time = required_time(form, "appointment_time", "the time it starts", problems);
    let at = match (date, time) {
        (Some(d), Some(t)) => london_instant(d, t, "appointment_time", problems).map(|(_, s)| s),
        _ => None,
    };
    let mut person = |name: &str, what: &str| {
        let v = form.text(name).filter(|v| !v.is_empty());
        if v.is_none() {
            problems.add(name, format!("Choose {what}"));
        }
        v
    };
    let officer = person("officer_id", "the officer");
    let supporter = person("supporter_id", "the supporter booked for before and after");
    let alternative = person("alternative_supporter_id", "the alternative supporter");
    Some(StatementAppointmentInput {
        kind: kind?,
        starts_at: at?,
        place: form.text("place").unwrap_or_default(),
        officer_id: officer?,
        supporter_id: supporter?,
        alternative_supporter_id: alternative?,
    })
}

/// A use case's answer, with its field problems in the form's words.
fn answer<T>(done: Result<T, AppError>) -> Result<Result<T, Problems>, AppError> {
    match done {
        Ok(v) => Ok(Ok(v)),
        Err(AppError::Validation(errors)) => Ok(Err(Problems::from_api(&errors, place_of))),
        Err(AppError::StaleVersion { .. }) => {
            let mut p = Problems::new();
            p.add(
                "kind",
                "Someone saved this appointment first, while you had it open. What is stored now is shown: check it, then save again",
            );
            Ok(Err(p))
        }
        Err(AppError::Conflict(message)) => {
            let mut p = Problems::new();
            p.add("kind", super::safety_plans::sentence(&message));
            Ok(Err(p))
        }
        Err(other) => Err(other),
    }
}

fn draw(
    s: &Session,
    title: &str,
    mut body: Value,
    problems: &Problems,
    done: Option<&'static str>,
) -> PageResult {
    body["heading"] = json!(title);
    body["done"] = json!(done);
    body["errors"] = problems.to_json();
    for key in ["appointments", "appointment"] {
        if body.get(key).is_none() {
            body[key] = Value::Null;
        }
    }
    let mut data = super::page(s, title, "cases", body);
    data["layout"]["error"] = json!(!problems.is_empty());
    let status = if problems.is_empty() {
        actix_web::http::StatusCode::OK
    } else {
        actix_web::http::StatusCode::UNPROCESSABLE_ENTITY
    };
    render_status(status, "statement_appointments", &data)
}

fn people_line(a: &StatementAppointmentOut) -> String {
    format!(
        "{} before and after (not in the room); {} if they are away",
        a.supporter.name, a.alternative_supporter.name
    )
}

type Listed = (
    String,
    Vec<StatementAppointmentOut>,
    Vec<Person>,
    Vec<Person>,
);

async fn draw_list(
    state: &web::Data<AppState>,
    s: &Session,
    case_id: String,
    values: Option<FormData>,
    problems: Problems,
    done: Option<&'static str>,
) -> PageResult {
    super::require_to(s, (KIND, Action::Read, WHAT))?;
    let id = case_id.clone();
    let (reference, items, supporters, officers): Listed = with_conn(state, s, move |conn, ctx| {
        let items = statement_appointments::list(conn, ctx, &id)?;
        let (supporters, officers) = statement_appointments::people(conn, ctx, &id)?;
        let case = crate::app::read::<crate::resources::Cases>(conn, ctx, &id)?;
        let reference = read::<Victims>(conn, ctx, &case.victim_id)?.reference;
        Ok((reference, items, supporters, officers))
    })
    .await?;
    let rows: Vec<Value> = items
        .iter()
        .map(|a| {
            json!({
                "href": format!("/statement-appointments/{}", a.id),
                "kind": labels::statement_appointment_kind(a.kind),
                "when": long(a.starts_at),
                "place": a.place,
                "people": people_line(a),
                "withdrawn": a.state == StatementAppointmentState::Cancelled,
            })
        })
        .collect();
    let values = values.unwrap_or_default();
    draw(
        s,
        "Statements and ABE interviews",
        json!({
            "caption": format!("Victim {reference}"),
            "back": format!("/cases/{case_id}"),
            "appointments": if rows.is_empty() { Value::Null } else { json!(rows) },
            "forms": [{
                "id": "add",
                "heading": "Book a statement or ABE interview",
                "action": format!("/cases/{case_id}/statement-appointments"),
                "version": Value::Null,
                "submit": "Book the appointment",
                "fields": fill_all(fields(&supporters, &officers), &values, &problems),
            }],
        }),
        &problems,
        done,
    )
}

async fn show_list(
    state: web::Data<AppState>,
    s: Session,
    id: web::Path<String>,
    q: web::Query<Done>,
) -> PageResult {
    let done = q.done.as_deref().and_then(done_message);
    draw_list(&state, &s, id.into_inner(), None, Problems::new(), done).await
}

async fn add(state: web::Data<AppState>, posted: Posted, id: web::Path<String>) -> PageResult {
    let Posted { session: s, form } = posted;
    super::require_to(&s, (KIND, Action::Create, WHAT))?;
    let case_id = id.into_inner();
    let mut problems = Problems::new();
    let parsed = input(&form, &mut problems);
    let Some(parsed) = parsed.filter(|_| problems.is_empty()) else {
        return draw_list(&state, &s, case_id, Some(form), problems, None).await;
    };
    let c = case_id.clone();
    let outcome = with_conn(&state, &s, move |conn, ctx| {
        answer(statement_appointments::record(conn, ctx, &c, &parsed))
    })
    .await?;
    match outcome {
        Ok(a) => Ok(see_other(&format!(
            "/statement-appointments/{}?done=added",
            a.id
        ))),
        Err(problems) => draw_list(&state, &s, case_id, Some(form), problems, None).await,
    }
}

type Drawn = (StatementAppointmentOut, String, Vec<Person>, Vec<Person>);

async fn draw_one(
    state: &web::Data<AppState>,
    s: &Session,
    id: String,
    (posted, problems): (Option<FormData>, Problems),
    done: Option<&'static str>,
) -> PageResult {
    super::require_to(s, (KIND, Action::Read, WHAT))?;
    let (a, reference, supporters, officers): Drawn = with_conn(state, s, move |conn, ctx| {
        let a = statement_appointments::read(conn, ctx, &id)?;
        let reference = read::<Victims>(conn, ctx, &a.victim_id)?.reference;
        let (supporters, officers) = statement_appointments::people(conn, ctx, &a.case_id)?;
        Ok((a, reference, supporters, officers))
    })
    .await?;
    let form_values = posted.unwrap_or_else(|| values(&a));
    let booked = a.state == StatementAppointmentState::Booked;
    let reminders: Vec<String> = a
        .reminders
        .iter()
        .map(|r| {
            let who = match r.to.as_str() {
                "supporter" => a.supporter.name.as_str(),
                "alternative_supporter" => a.alternative_supporter.name.as_str(),
                _ => a.officer.name.as_str(),
            };
            format!("{who}, {}", long(r.at))
        })
        .collect();
    let mut forms = Vec::new();
    if booked {
        forms.push(json!({
            "id": "change",
            "heading": "Change the appointment",
            "action": format!("/statement-appointments/{}", a.id),
            "version": a.version,
            "submit": "Save the appointment",
            "fields": fill_all(fields(&supporters, &officers), &form_values, &problems),
        }));
        forms.push(json!({
            "id": "withdraw",
            "heading": "Withdraw the appointment",
            "action": format!("/statement-appointments/{}/cancel", a.id),
            "version": a.version,
            "submit": "Withdraw the appointment",
            "secondary": true,
            "fields": [],
        }));
    }
    draw(
        s,
        labels::statement_appointment_kind(a.kind),
        json!({
            "caption": format!("Victim {reference}"),
            "back": format!("/cases/{}/statement-appointments", a.case_id),
            "appointment": [
                {"key": "When", "value": long(a.starts_at)},
                {"key": "Where", "value": a.place},
                {"key": "Officer", "value": a.officer.name},
                {"key": "Before and after", "value": format!("{} (not in the room)", a.supporter.name)},
                {"key": "If they are away", "value": a.alternative_supporter.name},
                {"key": "Reminders", "value": if booked {
                    if reminders.is_empty() { "None left to send".to_string() } else { reminders.join("; ") }
                } else {
                    "Withdrawn: no reminders".to_string()
                }},
            ],
            "forms": forms,
        }),
        &problems,
        done,
    )
}

async fn show_one(
    state: web::Data<AppState>,
    s: Session,
    id: web::Path<String>,
    q: web::Query<Done>,
) -> PageResult {
    let done = q.done.as_deref().and_then(done_message);
    draw_one(&state, &s, id.into_inner(), (None, Problems::new()), done).await
}

async fn change(state: web::Data<AppState>, posted: Posted, id: web::Path<String>) -> PageResult {
    let Posted { session: s, form } = posted;
    super::require_to(&s, (KIND, Action::Update, WHAT))?;
    let id = id.into_inner();
    let version = super::posted_version(&form)?;
    let mut problems = Problems::new();
    let parsed = input(&form, &mut problems);
    let Some(parsed) = parsed.filter(|_| problems.is_empty()) else {
        return draw_one(&state, &s, id, (Some(form), problems), None).await;
    };
    let a = id.clone();
    let outcome = with_conn(&state, &s, move |conn, ctx| {
        answer(statement_appointments::update(
            conn, ctx, &a, version, &parsed,
        ))
    })
    .await?;
    match outcome {
        Ok(_) => Ok(see_other(&format!(
            "/statement-appointments/{id}?done=changed"
        ))),
        Err(problems) => draw_one(&state, &s, id, (Some(form), problems), None).await,
    }
}

async fn cancel(state: web::Data<AppState>, posted: Posted, id: web::Path<String>) -> PageResult {
    let Posted { session: s, form } = posted;
    super::require_to(&s, (KIND, Action::Update, WHAT))?;
    let id = id.into_inner();
    let version = super::posted_version(&form)?;
    let a = id.clone();
    let outcome = with_conn(&state, &s, move |conn, ctx| {
        answer(statement_appointments::cancel(
            conn,
            ctx,
            &a,
            version,
            CancelInput::default(),
        ))
    })
    .await?;
    match outcome {
        Ok(_) => Ok(see_other(&format!(
            "/statement-appointments/{id}?done=cancelled"
        ))),
        Err(problems) => draw_one(&state, &s, id, (None, problems), None).await,
    }
}

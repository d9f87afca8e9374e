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
use super::forms::{field_words, london_instant, required_date, required_time, FormData, Problems};
use super::i18n::{self, text, text_with, Lang};
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

fn done_message(lang: Lang, key: &str) -> Option<String> {
    let key = match key {
        "added" => "statements-done-added",
        "changed" => "statements-done-changed",
        "cancelled" => "statements-done-cancelled",
        _ => return None,
    };
    Some(text(lang, key))
}

fn options(people: &[Person], prompt: &str) -> Vec<(String, String)> {
    let mut out = vec![(String::new(), prompt.to_string())];
    out.extend(people.iter().map(|p| (p.id.clone(), p.name.clone())));
    out
}

fn fields(lang: Lang, supporters: &[Person], officers: &[Person]) -> Vec<Field> {
    let kinds = labels::options_in(
        StatementAppointmentKind::ALL,
        StatementAppointmentKind::as_str,
        |k| labels::statement_appointment_kind_in(lang, k),
    );
    vec![
        Field::radios("kind", &text(lang, "statements-kind"), &kinds),
        Field::date("appointment_date", &text(lang, "statements-date"))
            .hint(&text(lang, "statements-date-hint")),
        Field::time("appointment_time", &text(lang, "risk-meetings-time"))
            .hint(&text(lang, "risk-meetings-time-hint")),
        Field::text("place", &text(lang, "statements-place"))
            .hint(&text(lang, "statements-place-hint")),
        Field::select(
            "officer_id",
            &text(lang, "statements-officer"),
            &options(officers, &text(lang, "statements-choose-officer")),
        )
        .hint(&text(lang, "statements-officer-hint")),
        Field::select(
            "supporter_id",
            &text(lang, "statements-supporter"),
            &options(supporters, &text(lang, "statements-choose-supporter")),
        )
        .hint(&text(lang, "statements-supporter-hint")),
        Field::select(
            "alternative_supporter_id",
            &text(lang, "statements-alternative"),
            &options(supporters, &text(lang, "statements-choose-alternative")),
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
fn input(
    lang: Lang,
    form: &FormData,
    problems: &mut Problems,
) -> Option<StatementAppointmentInput> {
    let kind = form.get("kind").and_then(StatementAppointmentKind::parse);
    if kind.is_none() {
        problems.add("kind", text(lang, "statements-error-kind"));
    }
    let date = required_date(
        form,
        "appointment_date",
        &field_words("form-field-appointment-date"),
        problems,
    );
    let time = required_time(
        form,
        "appointment_time",
        &field_words("form-field-appointment-time"),
        problems,
    );
    let at = match (date, time) {
        (Some(d), Some(t)) => london_instant(d, t, "appointment_time", problems).map(|(_, s)| s),
        _ => None,
    };
    let mut person = |name: &str, missing: &str| {
        let v = form.text(name).filter(|v| !v.is_empty());
        if v.is_none() {
            problems.add(name, text(lang, missing));
        }
        v
    };
    let officer = person("officer_id", "statements-error-officer");
    let supporter = person("supporter_id", "statements-error-supporter");
    let alternative = person("alternative_supporter_id", "statements-error-alternative");
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
fn answer<T>(done: Result<T, AppError>, stale: String) -> Result<Result<T, Problems>, AppError> {
    match done {
        Ok(v) => Ok(Ok(v)),
        Err(AppError::Validation(errors)) => Ok(Err(Problems::from_api(&errors, place_of))),
        Err(AppError::StaleVersion { .. }) => {
            let mut p = Problems::new();
            p.add("kind", stale);
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
    done: Option<String>,
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

fn people_line(lang: Lang, a: &StatementAppointmentOut) -> String {
    text_with(
        lang,
        "statements-people",
        &[
            ("supporter", a.supporter.name.clone()),
            ("alternative", a.alternative_supporter.name.clone()),
        ],
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
    done: Option<String>,
) -> PageResult {
    super::require_to(s, (KIND, Action::Read, WHAT))?;
    let lang = s.lang;
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
                "kind": labels::statement_appointment_kind_in(lang, a.kind),
                "when": i18n::long(lang, a.starts_at),
                "place": a.place,
                "people": people_line(lang, a),
                "withdrawn": a.state == StatementAppointmentState::Cancelled,
            })
        })
        .collect();
    let values = values.unwrap_or_default();
    draw(
        s,
        &text(lang, "case-statements-and-abe-interviews"),
        json!({
            "caption": text_with(lang, "week-victim", &[("victim", reference)]),
            "back": format!("/cases/{case_id}"),
            "appointments": if rows.is_empty() { Value::Null } else { json!(rows) },
            "forms": [{
                "id": "add",
                "heading": text(lang, "statements-add-heading"),
                "action": format!("/cases/{case_id}/statement-appointments"),
                "version": Value::Null,
                "submit": text(lang, "statements-add-submit"),
                "fields": fill_all(fields(lang, &supporters, &officers), &values, &problems),
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
    let done = q.done.as_deref().and_then(|d| done_message(s.lang, d));
    draw_list(&state, &s, id.into_inner(), None, Problems::new(), done).await
}

async fn add(state: web::Data<AppState>, posted: Posted, id: web::Path<String>) -> PageResult {
    let Posted { session: s, form } = posted;
    super::require_to(&s, (KIND, Action::Create, WHAT))?;
    let case_id = id.into_inner();
    let mut problems = Problems::new();
    let parsed = input(s.lang, &form, &mut problems);
    let Some(parsed) = parsed.filter(|_| problems.is_empty()) else {
        return draw_list(&state, &s, case_id, Some(form), problems, None).await;
    };
    let c = case_id.clone();
    let stale = text(s.lang, "statements-error-stale");
    let outcome = with_conn(&state, &s, move |conn, ctx| {
        answer(
            statement_appointments::record(conn, ctx, &c, &parsed),
            stale,
        )
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
    done: Option<String>,
) -> PageResult {
    super::require_to(s, (KIND, Action::Read, WHAT))?;
    let lang = s.lang;
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
            format!("{who}, {}", i18n::long(lang, r.at))
        })
        .collect();
    let mut forms = Vec::new();
    if booked {
        forms.push(json!({
            "id": "change",
            "heading": text(lang, "statements-change-heading"),
            "action": format!("/statement-appointments/{}", a.id),
            "version": a.version,
            "submit": text(lang, "statements-change-submit"),
            "fields": fill_all(fields(lang, &supporters, &officers), &form_values, &problems),
        }));
        forms.push(json!({
            "id": "withdraw",
            "heading": text(lang, "statements-withdraw"),
            "action": format!("/statement-appointments/{}/cancel", a.id),
            "version": a.version,
            "submit": text(lang, "statements-withdraw"),
            "secondary": true,
            "fields": [],
        }));
    }
    draw(
        s,
        &labels::statement_appointment_kind_in(lang, a.kind),
        json!({
            "caption": text_with(lang, "week-victim", &[("victim", reference)]),
            "back": format!("/cases/{}/statement-appointments", a.case_id),
            "appointment": [
                {"key": text(lang, "risk-meetings-when"), "value": i18n::long(lang, a.starts_at)},
                {"key": text(lang, "attendance-where"), "value": a.place},
                {"key": text(lang, "statements-officer-key"), "value": a.officer.name},
                {"key": text(lang, "statements-before-after"), "value": text_with(lang, "statements-not-in-room", &[("name", a.supporter.name.clone())])},
                {"key": text(lang, "statements-if-away"), "value": a.alternative_supporter.name},
                {"key": text(lang, "statements-reminders"), "value": if booked {
                    if reminders.is_empty() { text(lang, "statements-none-left") } else { reminders.join("; ") }
                } else {
                    text(lang, "statements-withdrawn-none")
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
    let done = q.done.as_deref().and_then(|d| done_message(s.lang, d));
    draw_one(&state, &s, id.into_inner(), (None, Problems::new()), done).await
}

async fn change(state: web::Data<AppState>, posted: Posted, id: web::Path<String>) -> PageResult {
    let Posted { session: s, form } = posted;
    super::require_to(&s, (KIND, Action::Update, WHAT))?;
    let id = id.into_inner();
    let version = super::posted_version(&form)?;
    let mut problems = Problems::new();
    let parsed = input(s.lang, &form, &mut problems);
    let Some(parsed) = parsed.filter(|_| problems.is_empty()) else {
        return draw_one(&state, &s, id, (Some(form), problems), None).await;
    };
    let a = id.clone();
    let stale = text(s.lang, "statements-error-stale");
    let outcome = with_conn(&state, &s, move |conn, ctx| {
        answer(
            statement_appointments::update(conn, ctx, &a, version, &parsed),
            stale,
        )
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
    let stale = text(s.lang, "statements-error-stale");
    let outcome = with_conn(&state, &s, move |conn, ctx| {
        answer(
            statement_appointments::cancel(conn, ctx, &a, version, CancelInput::default()),
            stale,
        )
    })
    .await?;
    match outcome {
        Ok(_) => Ok(see_other(&format!(
            "/statement-appointments/{id}?done=cancelled"
        ))),
        Err(problems) => draw_one(&state, &s, id, (None, problems), None).await,
    }
}

//! Risk meetings on the pages (issue 19, item 7): a victim's MARAC and
//! MAPPA meetings at `/victims/{id}/risk-meetings` (listed, and one
//! added), and one meeting at `/risk-meetings/{id}` (changed, and the
//! actions agreed at it recorded). Reached from the case page. Every change
//! goes through `app::risk_meetings`, the use case the API calls (the same
//! role and reach checks, planning and audit entries).

use actix_web::web;
use chrono::{DateTime, NaiveDate, Utc};
use serde::Deserialize;
use serde_json::{json, Value};

use crate::app::risk_meetings::{
    self, RiskActionInput, RiskActionOut, RiskMeetingDetail, RiskMeetingInput, RiskMeetingOut,
};
use crate::calendar;
use crate::domain::{RiskActionOwner, RiskMeetingKind};
use crate::error::AppError;
use crate::policy::{Action, ResourceKind};
use crate::resources::{Organisations, Victims};
use crate::web::AppState;

use super::fields::{fill_all, Field, FormPage};
use super::forms::{field_words, london_instant, required_date, required_time, FormData, Problems};
use super::i18n::{self, text, text_with, Lang};
use super::session::{Posted, Session};
use super::{labels, list_all, page, read, render_status, see_other, with_conn, PageResult};

const CHECK: crate::app::Check = (ResourceKind::RiskMeeting, Action::Read, "risk meeting");
const WRITE: crate::app::Check = (ResourceKind::RiskMeeting, Action::Update, "risk meeting");

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.route("/victims/{id}/risk-meetings", web::get().to(show_list))
        .route("/victims/{id}/risk-meetings", web::post().to(add))
        .route("/risk-meetings/{id}", web::get().to(show_one))
        .route("/risk-meetings/{id}", web::post().to(change))
        .route("/risk-meetings/{id}/actions", web::post().to(add_action))
        .route("/risk-meetings/{id}/cancel", web::get().to(confirm_cancel))
        .route("/risk-meetings/{id}/cancel", web::post().to(cancel));
}

#[derive(Deserialize)]
struct Done {
    done: Option<String>,
}

fn done_message(lang: Lang, key: &str) -> Option<String> {
    let key = match key {
        "added" => "risk-meetings-done-added",
        "changed" => "risk-meetings-done-changed",
        "action" => "risk-meetings-done-action",
        "cancelled" => "risk-meetings-done-cancelled",
        _ => return None,
    };
    Some(text(lang, key))
}

fn meeting_fields(lang: Lang) -> Vec<Field> {
    let kinds = labels::options_in(RiskMeetingKind::ALL, RiskMeetingKind::as_str, |k| {
        labels::risk_meeting_kind_in(lang, k)
    });
    vec![
        Field::radios("kind", &text(lang, "risk-meetings-kind"), &kinds),
        Field::date("meeting_date", &text(lang, "risk-meetings-date"))
            .hint(&text(lang, "risk-meetings-date-hint")),
        Field::time("meeting_time", &text(lang, "risk-meetings-time"))
            .hint(&text(lang, "risk-meetings-time-hint")),
        Field::text("panel", &text(lang, "risk-meetings-panel"))
            .hint(&text(lang, "risk-meetings-panel-hint")),
    ]
}

fn action_fields(lang: Lang, orgs: &[(String, String)]) -> Vec<Field> {
    let owners = labels::options_in(RiskActionOwner::ALL, RiskActionOwner::as_str, |o| {
        labels::risk_action_owner_in(lang, o)
    });
    let mut agencies = vec![(String::new(), text(lang, "risk-meetings-choose-agency"))];
    agencies.extend(orgs.iter().cloned());
    vec![
        Field::radios("owner", &text(lang, "risk-meetings-owner"), &owners),
        Field::select(
            "organisation_id",
            &text(lang, "risk-meetings-agency"),
            &agencies,
        ),
        Field::textarea("text", &text(lang, "risk-meetings-text"))
            .hint(&text(lang, "risk-meetings-text-hint")),
        Field::date("due_on", &text(lang, "risk-meetings-due"))
            .hint(&text(lang, "risk-meetings-due-hint")),
    ]
}

fn meeting_place(field: &str) -> (&'static str, &'static str) {
    match field {
        "starts_at" => ("meeting_time", "The time"),
        "panel" => ("panel", "The area or panel"),
        _ => ("kind", "The kind of meeting"),
    }
}

fn action_place(field: &str) -> (&'static str, &'static str) {
    match field {
        "organisation_id" => ("organisation_id", "The agency"),
        "due_on" => ("due_on", "The due date"),
        "text" => ("text", "What is to be done"),
        _ => ("owner", "Who carries it"),
    }
}

/// When the paperwork is (or, once the meeting has been held, was) due.
fn due_text(lang: Lang, m: &RiskMeetingOut, now: DateTime<Utc>) -> String {
    if let Some(at) = m.cancelled_at {
        return text_with(
            lang,
            "risk-meetings-cancelled-on",
            &[("when", i18n::long(lang, at))],
        );
    }
    let key = match (m.kind, m.starts_at <= now) {
        (RiskMeetingKind::Marac, false) => "risk-meetings-due-marac",
        (RiskMeetingKind::Marac, true) => "risk-meetings-was-due-marac",
        (RiskMeetingKind::Mappa, false) => "risk-meetings-due-mappa",
        (RiskMeetingKind::Mappa, true) => "risk-meetings-was-due-mappa",
    };
    text_with(lang, key, &[("when", i18n::long(lang, m.paperwork_due_at))])
}

fn meeting_values(m: &RiskMeetingOut) -> FormData {
    FormData(vec![
        ("kind".into(), m.kind.as_str().into()),
        (
            "meeting_date".into(),
            calendar::london_date(m.starts_at).to_string(),
        ),
        (
            "meeting_time".into(),
            calendar::to_london(m.starts_at).format("%H:%M").to_string(),
        ),
        ("panel".into(), m.panel.clone()),
    ])
}

/// The form's answers as the API's input, with the problems only the form
/// can have.
fn meeting_input(lang: Lang, form: &FormData, problems: &mut Problems) -> Option<RiskMeetingInput> {
    let kind = form.get("kind").and_then(RiskMeetingKind::parse);
    if kind.is_none() {
        problems.add("kind", text(lang, "risk-meetings-error-kind"));
    }
    let date = required_date(
        form,
        "meeting_date",
        &field_words("form-field-risk-meeting-date"),
        problems,
    );
    let time = required_time(
        form,
        "meeting_time",
        &field_words("form-field-risk-meeting-time"),
        problems,
    );
    let at = match (date, time) {
        (Some(d), Some(t)) => london_instant(d, t, "meeting_time", problems).map(|(_, s)| s),
        _ => None,
    };
    Some(RiskMeetingInput {
        kind: kind?,
        starts_at: at?,
        panel: form.text("panel").unwrap_or_default(),
    })
}

fn action_input(lang: Lang, form: &FormData, problems: &mut Problems) -> Option<RiskActionInput> {
    let owner = form.get("owner").and_then(RiskActionOwner::parse);
    if owner.is_none() {
        problems.add("owner", text(lang, "risk-meetings-error-owner"));
    }
    let due: Option<NaiveDate> =
        required_date(form, "due_on", &field_words("form-field-due-on"), problems);
    Some(RiskActionInput {
        owner: owner?,
        organisation_id: form.text("organisation_id").filter(|v| !v.is_empty()),
        text: form.text("text").unwrap_or_default(),
        due_on: due?.to_string(),
    })
}

fn status_of(problems: &Problems) -> actix_web::http::StatusCode {
    if problems.is_empty() {
        actix_web::http::StatusCode::OK
    } else {
        actix_web::http::StatusCode::UNPROCESSABLE_ENTITY
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
    for key in [
        "meetings",
        "meeting",
        "actions_heading",
        "actions",
        "no_actions",
    ] {
        if body.get(key).is_none() {
            body[key] = Value::Null;
        }
    }
    let mut data = page(s, title, "cases", body);
    data["layout"]["error"] = json!(!problems.is_empty());
    render_status(status_of(problems), "risk_meetings", &data)
}

async fn draw_list(
    state: &web::Data<AppState>,
    s: &Session,
    victim_id: String,
    values: Option<FormData>,
    problems: Problems,
    done: Option<String>,
) -> PageResult {
    super::require_to(s, CHECK)?;
    let lang = s.lang;
    let id = victim_id.clone();
    let (reference, meetings, now) = with_conn(state, s, move |conn, ctx| {
        let meetings = risk_meetings::list(conn, ctx, &id)?;
        let reference = read::<Victims>(conn, ctx, &id)?.reference;
        Ok((reference, meetings, ctx.now))
    })
    .await?;
    let rows: Vec<Value> = meetings
        .iter()
        .map(|m| {
            json!({
                "href": format!("/risk-meetings/{}", m.id),
                "kind": labels::risk_meeting_kind_in(lang, m.kind),
                "when": i18n::long(lang, m.starts_at),
                "panel": m.panel,
                "due": due_text(lang, m, now),
            })
        })
        .collect();
    let values = values.unwrap_or_default();
    draw(
        s,
        &text(lang, "case-risk-meetings"),
        json!({
            "caption": text_with(lang, "week-victim", &[("victim", reference)]),
            "back": "/cases",
            "meetings": if rows.is_empty() { Value::Null } else { json!(rows) },
            "forms": [{
                "id": "add",
                "heading": text(lang, "risk-meetings-add-heading"),
                "action": format!("/victims/{victim_id}/risk-meetings"),
                "version": Value::Null,
                "submit": text(lang, "risk-meetings-add-submit"),
                "fields": fill_all(meeting_fields(lang), &values, &problems),
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
    super::require_to(
        &s,
        (ResourceKind::RiskMeeting, Action::Create, "risk meeting"),
    )?;
    let victim_id = id.into_inner();
    let mut problems = Problems::new();
    let input = meeting_input(s.lang, &form, &mut problems);
    let Some(input) = input.filter(|_| problems.is_empty()) else {
        return draw_list(&state, &s, victim_id, Some(form), problems, None).await;
    };
    let v = victim_id.clone();
    let stale = text(s.lang, "risk-meetings-error-stale");
    let outcome = with_conn(&state, &s, move |conn, ctx| {
        answer(
            risk_meetings::record(conn, ctx, &v, &input),
            meeting_place,
            stale,
        )
    })
    .await?;
    match outcome {
        Ok(m) => Ok(see_other(&format!("/risk-meetings/{}?done=added", m.id))),
        Err(problems) => draw_list(&state, &s, victim_id, Some(form), problems, None).await,
    }
}

/// A use case's answer, with its field problems in the form's words.
fn answer<T>(
    done: Result<T, AppError>,
    place: fn(&str) -> (&'static str, &'static str),
    stale: String,
) -> Result<Result<T, Problems>, AppError> {
    match done {
        Ok(v) => Ok(Ok(v)),
        Err(AppError::Validation(errors)) => Ok(Err(Problems::from_api(&errors, place))),
        Err(AppError::StaleVersion { .. }) => {
            let mut p = Problems::new();
            p.add(place("").0, stale);
            Ok(Err(p))
        }
        Err(AppError::Conflict(message)) => {
            let mut p = Problems::new();
            p.add(place("").0, super::safety_plans::sentence(&message));
            Ok(Err(p))
        }
        Err(other) => Err(other),
    }
}

/// Which form a post came from, with what was posted and its problems.
enum Posting {
    None,
    Change(FormData, Problems),
    Action(FormData, Problems),
}

fn action_rows(lang: Lang, actions: &[RiskActionOut]) -> Vec<Value> {
    actions
        .iter()
        .map(|a| {
            let who = match (a.owner, &a.organisation_name) {
                (RiskActionOwner::Agency, Some(name)) => name.clone(),
                (owner, _) => labels::risk_action_owner_in(lang, owner),
            };
            json!({"who": who, "due": i18n::day(lang, a.due_on), "text": a.text})
        })
        .collect()
}

async fn draw_one(
    state: &web::Data<AppState>,
    s: &Session,
    id: String,
    posting: Posting,
    done: Option<String>,
) -> PageResult {
    super::require_to(s, CHECK)?;
    let lang = s.lang;
    type Drawn = (
        RiskMeetingDetail,
        String,
        Vec<(String, String)>,
        DateTime<Utc>,
    );
    let (detail, reference, orgs, now): Drawn = with_conn(state, s, move |conn, ctx| {
        let detail = risk_meetings::read(conn, ctx, &id)?;
        let reference = read::<Victims>(conn, ctx, &detail.meeting.victim_id)?.reference;
        let mut orgs: Vec<(String, String)> = list_all::<Organisations>(conn, ctx, json!({}))?
            .into_iter()
            .filter(|o| o.id != ctx.actor.organisation_id)
            .map(|o| (o.id, o.name))
            .collect();
        orgs.sort_by(|a, b| a.1.cmp(&b.1));
        Ok((detail, reference, orgs, ctx.now))
    })
    .await?;
    let m = &detail.meeting;
    let cancelled = m.cancelled_at.is_some();
    let held = m.starts_at <= now && !cancelled;
    let (change_values, change_problems, action_values, action_problems) = match posting {
        Posting::None => (
            meeting_values(m),
            Problems::new(),
            FormData::default(),
            Problems::new(),
        ),
        Posting::Change(v, p) => (v, p, FormData::default(), Problems::new()),
        Posting::Action(v, p) => (meeting_values(m), Problems::new(), v, p),
    };
    let mut all = change_problems.clone();
    all.0.extend(action_problems.0.iter().cloned());
    let mut forms = Vec::new();
    if held {
        forms.push(json!({
            "id": "record-action",
            "heading": text(lang, "risk-meetings-action-heading"),
            "action": format!("/risk-meetings/{}/actions", m.id),
            "version": Value::Null,
            "submit": text(lang, "risk-meetings-action-submit"),
            "fields": fill_all(action_fields(lang, &orgs), &action_values, &action_problems),
        }));
    }
    if !cancelled {
        forms.push(json!({
            "id": "change",
            "heading": text(lang, "risk-meetings-change-heading"),
            "action": format!("/risk-meetings/{}", m.id),
            "version": m.version,
            "submit": text(lang, "risk-meetings-change-submit"),
            "fields": fill_all(meeting_fields(lang), &change_values, &change_problems),
        }));
    }
    draw(
        s,
        &labels::risk_meeting_kind_in(lang, m.kind),
        json!({
            "caption": text_with(lang, "week-victim", &[("victim", reference)]),
            "back": format!("/victims/{}/risk-meetings", m.victim_id),
            "meeting": [
                {"key": text(lang, "risk-meetings-when"), "value": i18n::long(lang, m.starts_at)},
                {"key": text(lang, "risk-meetings-area"), "value": m.panel},
                {"key": text(lang, "risk-meetings-your-paperwork"), "value": due_text(lang, m, now)},
                {"key": text(lang, "risk-meetings-why-then"), "value": m.paperwork_citation},
            ],
            "actions_heading": text(lang, "risk-meetings-actions-heading"),
            "actions": action_rows(lang, &detail.actions),
            "no_actions": text(lang, if cancelled {
                "risk-meetings-no-actions-cancelled"
            } else if held {
                "risk-meetings-no-actions"
            } else {
                "risk-meetings-no-actions-yet"
            }),
            "cancel_href": (!cancelled && m.starts_at > now).then(|| format!("/risk-meetings/{}/cancel", m.id)),
            "forms": forms,
        }),
        &all,
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
    draw_one(&state, &s, id.into_inner(), Posting::None, done).await
}

async fn change(state: web::Data<AppState>, posted: Posted, id: web::Path<String>) -> PageResult {
    let Posted { session: s, form } = posted;
    super::require_to(&s, WRITE)?;
    let id = id.into_inner();
    let version = super::posted_version(&form)?;
    let mut problems = Problems::new();
    let input = meeting_input(s.lang, &form, &mut problems);
    let Some(input) = input.filter(|_| problems.is_empty()) else {
        return draw_one(&state, &s, id, Posting::Change(form, problems), None).await;
    };
    let m = id.clone();
    let stale = text(s.lang, "risk-meetings-error-stale");
    let outcome = with_conn(&state, &s, move |conn, ctx| {
        answer(
            risk_meetings::update(conn, ctx, &m, version, &input),
            meeting_place,
            stale,
        )
    })
    .await?;
    match outcome {
        Ok(_) => Ok(see_other(&format!("/risk-meetings/{id}?done=changed"))),
        Err(problems) => draw_one(&state, &s, id, Posting::Change(form, problems), None).await,
    }
}

/// Cancelling withdraws her supporter's paperwork deadline, so the page
/// asks first.
async fn confirm_cancel(
    state: web::Data<AppState>,
    s: Session,
    id: web::Path<String>,
) -> PageResult {
    super::require_to(&s, WRITE)?;
    let id = id.into_inner();
    let m = with_conn(&state, &s, move |conn, ctx| {
        risk_meetings::read(conn, ctx, &id)
    })
    .await?
    .meeting;
    if m.cancelled_at.is_some() {
        return Ok(see_other(&format!("/risk-meetings/{}", m.id)));
    }
    let lang = s.lang;
    let page = FormPage {
        title: text(lang, "risk-meetings-cancel-title"),
        heading: text(
            lang,
            match m.kind {
                RiskMeetingKind::Marac => "risk-meetings-cancel-heading-marac",
                RiskMeetingKind::Mappa => "risk-meetings-cancel-heading-mappa",
            },
        ),
        facts: vec![
            (
                text(lang, "risk-meetings-when"),
                i18n::long(lang, m.starts_at),
            ),
            (text(lang, "risk-meetings-area"), m.panel.clone()),
        ],
        intro: vec![
            text(lang, "risk-meetings-cancel-withdrawn"),
            text(lang, "risk-meetings-cancel-moved"),
        ],
        action: format!("/risk-meetings/{}/cancel", m.id),
        back: format!("/risk-meetings/{}", m.id),
        submit: text(lang, "risk-meetings-cancel-title"),
        hidden: vec![("version".into(), m.version.to_string())],
        ..FormPage::default()
    };
    super::render_form(&s, "week", page, &FormData::default(), &Problems::new())
}

async fn cancel(state: web::Data<AppState>, posted: Posted, id: web::Path<String>) -> PageResult {
    let Posted { session: s, form } = posted;
    super::require_to(&s, WRITE)?;
    let version = super::posted_version(&form)?;
    let id = id.into_inner();
    let m = id.clone();
    let outcome = with_conn(&state, &s, move |conn, ctx| {
        match risk_meetings::cancel(conn, ctx, &m, version) {
            Ok(_) => Ok(None),
            Err(AppError::StaleVersion { .. }) => Ok(Some(())),
            Err(other) => Err(other),
        }
    })
    .await?;
    match outcome {
        None => Ok(see_other(&format!("/risk-meetings/{id}?done=cancelled"))),
        // Changed since the question was asked: ask again, with the
        // meeting as it is now.
        Some(()) => Ok(see_other(&format!("/risk-meetings/{id}/cancel"))),
    }
}

async fn add_action(
    state: web::Data<AppState>,
    posted: Posted,
    id: web::Path<String>,
) -> PageResult {
    let Posted { session: s, form } = posted;
    super::require_to(&s, WRITE)?;
    let id = id.into_inner();
    let mut problems = Problems::new();
    let input = action_input(s.lang, &form, &mut problems);
    let Some(input) = input.filter(|_| problems.is_empty()) else {
        return draw_one(&state, &s, id, Posting::Action(form, problems), None).await;
    };
    let m = id.clone();
    let stale = text(s.lang, "risk-meetings-error-stale");
    let outcome = with_conn(&state, &s, move |conn, ctx| {
        answer(
            risk_meetings::record_action(conn, ctx, &m, &input),
            action_place,
            stale,
        )
    })
    .await?;
    match outcome {
        Ok(_) => Ok(see_other(&format!(
            "/risk-meetings/{id}?done=action#actions"
        ))),
        Err(problems) => draw_one(&state, &s, id, Posting::Action(form, problems), None).await,
    }
}

//! Protective orders and what follows the outcome (issue 19, item 6), on
//! the pages: `/cases/{id}/after-outcome` lists the case's protective
//! orders, decisions not to charge or to stop the case, and the incident
//! date for criminal injuries compensation, each with a form;
//! `/protective-orders/{id}/edit` changes an order (with the version it was
//! drawn from) and `/protective-orders/{id}/end` ends or discharges one
//! after a confirmation. Every change goes through `app::after_outcome`,
//! the use cases the API calls (the same checks, plan and audit entry).

use actix_web::web;
use serde::Deserialize;
use serde_json::{json, Value};

use crate::app::after_outcome::{
    self as uc, CompensationInput, CompensationOut, EndOrderInput, OrderEnding,
    ProtectiveOrderInput, ProtectiveOrderOut, ReviewDecisionInput, ReviewDecisionOut,
};
use crate::domain::{ProtectiveOrderKind, ReviewDecisionMaker, ReviewableDecision};
use crate::error::AppError;
use crate::policy::{Action, ResourceKind};
use crate::resources::{Cases, Courts};
use crate::web::AppState;

use super::fields::{fill_all, Field, FormPage};
use super::forms::{
    field_words, optional_date, required_choice, required_date, FormData, Problems,
};
use super::i18n::{self, text, text_with, Lang};
use super::lookup::case_reference;
use super::session::{Posted, Session};
use super::{
    list_all, page, posted_version, read, render_form, render_status, require, see_other,
    with_conn, PageResult,
};

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.route("/cases/{id}/after-outcome", web::get().to(show))
        .route("/cases/{id}/protective-orders", web::post().to(add_order))
        .route("/cases/{id}/review-decisions", web::post().to(add_decision))
        .route("/cases/{id}/compensation", web::post().to(save_claim))
        .route("/protective-orders/{id}/edit", web::get().to(edit_page))
        .route("/protective-orders/{id}/edit", web::post().to(edit_post))
        .route("/protective-orders/{id}/end", web::get().to(end_page))
        .route("/protective-orders/{id}/end", web::post().to(end_post));
}

const KIND: ResourceKind = ResourceKind::VictimSensitive;

pub fn order_kind(lang: Lang, k: ProtectiveOrderKind) -> String {
    super::labels::protective_order_kind_in(lang, k)
}

fn ending_words(lang: Lang, e: OrderEnding) -> String {
    text(
        lang,
        match e {
            OrderEnding::Ended => "after-outcome-ending-ended",
            OrderEnding::Discharged => "after-outcome-ending-discharged",
        },
    )
}

fn order_fields(lang: Lang, courts: &[(String, String)]) -> Vec<Field> {
    let mut court_options = vec![(String::new(), text(lang, "after-outcome-not-known"))];
    court_options.extend(courts.iter().cloned());
    vec![
        Field::radios(
            "kind",
            &text(lang, "after-outcome-order-kind"),
            &super::labels::options_in(
                ProtectiveOrderKind::ALL,
                ProtectiveOrderKind::as_str,
                |k| order_kind(lang, k),
            ),
        ),
        Field::date("made_on", &text(lang, "after-outcome-made-on")),
        Field::date("ends_on", &text(lang, "after-outcome-ends-on"))
            .hint(&text(lang, "after-outcome-ends-on-hint")),
        Field::select(
            "court_id",
            &text(lang, "after-outcome-court"),
            &court_options,
        ),
        Field::textarea("note", &text(lang, "after-outcome-note"))
            .hint(&text(lang, "after-outcome-note-hint")),
    ]
}

fn decision_fields(lang: Lang) -> Vec<Field> {
    vec![
        Field::radios(
            "decided_by",
            &text(lang, "after-outcome-decided-by"),
            &super::labels::options_in(
                ReviewDecisionMaker::ALL,
                ReviewDecisionMaker::as_str,
                |d| super::labels::review_decision_maker_in(lang, d),
            ),
        ),
        Field::radios(
            "decision",
            &text(lang, "after-outcome-decision"),
            &super::labels::options_in(ReviewableDecision::ALL, ReviewableDecision::as_str, |d| {
                super::labels::reviewable_decision_in(lang, d)
            }),
        ),
        Field::date("told_on", &text(lang, "after-outcome-told-on"))
            .hint(&text(lang, "after-outcome-told-on-hint")),
    ]
}

fn claim_fields(lang: Lang) -> Vec<Field> {
    vec![
        Field::date("incident_on", &text(lang, "after-outcome-incident-on"))
            .hint(&text(lang, "after-outcome-incident-on-hint")),
    ]
}

/// Where an API field's problem goes on the page, and how to say it.
fn place(field: &str) -> (&'static str, &'static str) {
    match field {
        "kind" => ("kind", "The kind of order"),
        "made_on" => ("made_on", "The day the order was made"),
        "ends_on" => ("ends_on", "The end date"),
        "court_id" => ("court_id", "The court"),
        "note" => ("note", "The note"),
        "decided_by" => ("decided_by", "Who decided"),
        "decision" => ("decision", "The decision"),
        "told_on" => ("told_on", "The day she was told"),
        "incident_on" => ("incident_on", "The incident date"),
        "how" => ("how", "How it ended"),
        "ended_on" => ("ended_on", "The day it ended"),
        _ => ("kind", ""),
    }
}

/// Which of the page's forms was posted, with what and its problems.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Form {
    Order,
    Decision,
    Claim,
}

#[derive(Deserialize)]
struct Done {
    done: Option<String>,
}

fn done_message(lang: Lang, key: &str) -> Option<String> {
    let key = match key {
        "order-added" => "after-outcome-done-order-added",
        "order-changed" => "after-outcome-done-order-changed",
        "order-ended" => "after-outcome-done-order-ended",
        "decision-added" => "after-outcome-done-decision-added",
        "claim-saved" => "after-outcome-done-claim-saved",
        _ => return None,
    };
    Some(text(lang, key))
}

struct Loaded {
    reference: String,
    orders: Vec<ProtectiveOrderOut>,
    decisions: Vec<ReviewDecisionOut>,
    claim: Option<CompensationOut>,
    courts: Vec<(String, String)>,
}

fn courts(
    conn: &mut crate::store::AnyConn,
    ctx: &crate::app::Ctx,
) -> Result<Vec<(String, String)>, AppError> {
    let mut all: Vec<(String, String)> = list_all::<Courts>(conn, ctx, json!({}))?
        .into_iter()
        .map(|c| (c.id, c.name))
        .collect();
    all.sort_by(|a, b| a.1.cmp(&b.1));
    Ok(all)
}

async fn load(
    state: &web::Data<AppState>,
    s: &Session,
    id: String,
) -> Result<Loaded, super::PageError> {
    Ok(with_conn(state, s, move |conn, ctx| {
        let c = read::<Cases>(conn, ctx, &id)?;
        Ok(Loaded {
            reference: case_reference(&c),
            orders: uc::list_orders(conn, ctx, &id)?,
            decisions: uc::list_decisions(conn, ctx, &id)?,
            claim: uc::read_claim(conn, ctx, &id)?,
            courts: courts(conn, ctx)?,
        })
    })
    .await?)
}

fn order_row(lang: Lang, o: &ProtectiveOrderOut, courts: &[(String, String)]) -> Value {
    let status = match (o.ended_as, o.in_force) {
        (Some(how), _) => text_with(
            lang,
            "after-outcome-ended-on",
            &[
                ("how", ending_words(lang, how)),
                (
                    "day",
                    o.ended_on.map(|d| i18n::day(lang, d)).unwrap_or_default(),
                ),
            ],
        ),
        (None, true) => text(lang, "after-outcome-in-force"),
        (None, false) => text(lang, "after-outcome-expired"),
    };
    json!({
        "kind": order_kind(lang, o.kind),
        "made": i18n::day(lang, o.made_on),
        "ends": o.ends_on.map(|d| i18n::day(lang, d)).unwrap_or_else(|| text(lang, "after-outcome-until-further-order")),
        "court": o.court_id.as_deref()
            .and_then(|id| courts.iter().find(|(k, _)| k == id))
            .map(|(_, n)| n.clone())
            .unwrap_or_else(|| text(lang, "after-outcome-not-known")),
        "status": status,
        "in_force": o.in_force,
        "note": o.note,
        "change": o.in_force.then(|| format!("/protective-orders/{}/edit", o.id)),
        "end": o.in_force.then(|| format!("/protective-orders/{}/end", o.id)),
    })
}

fn decision_row(lang: Lang, d: &ReviewDecisionOut) -> Value {
    json!({
        "who": super::labels::review_decision_maker_in(lang, d.decided_by),
        "what": super::labels::reviewable_decision_in(lang, d.decision),
        "told": i18n::day(lang, d.told_on),
        "prompt": d.prompt_request_by.map(|p| i18n::day(lang, p)),
        "latest": i18n::day(lang, d.request_by),
        "closed": d.closed_case,
    })
}

/// Draws the page, with the posted form's values and problems.
async fn draw(
    state: &web::Data<AppState>,
    s: &Session,
    id: String,
    posted: Option<(Form, FormData, Problems)>,
    done: Option<String>,
) -> PageResult {
    let lang = s.lang;
    let l = load(state, s, id.clone()).await?;
    let (which, values, problems) = posted.map(|(f, v, p)| (Some(f), v, p)).unwrap_or((
        None,
        FormData(vec![]),
        Problems::new(),
    ));
    let none = Problems::new();
    let filled = |form: Form, fields: Vec<Field>, defaults: FormData| {
        if which == Some(form) {
            fill_all(fields, &values, &problems)
        } else {
            fill_all(fields, &defaults, &none)
        }
    };
    let claim_values = FormData(
        l.claim
            .as_ref()
            .map(|c| vec![("incident_on".into(), c.incident_on.to_string())])
            .unwrap_or_default(),
    );
    let status = if problems.is_empty() {
        actix_web::http::StatusCode::OK
    } else {
        actix_web::http::StatusCode::UNPROCESSABLE_ENTITY
    };
    let mut data = page(
        s,
        &text(lang, "after-outcome-title"),
        "cases",
        json!({
            "caption": text_with(lang, "case-title", &[("reference", l.reference.clone())]),
            "back": format!("/cases/{id}"),
            "done": done,
            "errors": problems.to_json(),
            "orders": l.orders.iter().map(|o| order_row(lang, o, &l.courts)).collect::<Vec<_>>(),
            "order_form": {
                "action": format!("/cases/{id}/protective-orders"),
                "fields": filled(Form::Order, order_fields(lang, &l.courts), FormData(vec![])),
            },
            "decisions": l.decisions.iter().map(|d| decision_row(lang, d)).collect::<Vec<_>>(),
            "decision_form": {
                "action": format!("/cases/{id}/review-decisions"),
                "fields": filled(Form::Decision, decision_fields(lang), FormData(vec![])),
            },
            "claim": l.claim.as_ref().map(|c| json!({
                "incident": i18n::day(lang, c.incident_on),
                "apply_by": i18n::day(lang, c.apply_by),
            })),
            "claim_form": {
                "action": format!("/cases/{id}/compensation"),
                "version": l.claim.as_ref().map(|c| c.version),
                "submit": text(lang, if l.claim.is_some() { "after-outcome-claim-change" } else { "after-outcome-claim-save" }),
                "fields": filled(Form::Claim, claim_fields(lang), claim_values),
            },
        }),
    );
    data["layout"]["error"] = json!(!problems.is_empty());
    render_status(status, "after_outcome", &data)
}

async fn show(
    state: web::Data<AppState>,
    s: Session,
    id: web::Path<String>,
    q: web::Query<Done>,
) -> PageResult {
    require(&s, KIND, Action::Read, "victim")?;
    let done = q.done.as_deref().and_then(|d| done_message(s.lang, d));
    draw(&state, &s, id.into_inner(), None, done).await
}

/// What an answer from a use case means for a form: done, or its problems
/// in words (a conflict is said on `first`).
fn problems_of<T>(
    r: Result<T, AppError>,
    first: &'static str,
) -> Result<Result<T, Problems>, AppError> {
    match r {
        Ok(v) => Ok(Ok(v)),
        Err(AppError::Validation(errors)) => Ok(Err(Problems::from_api(&errors, place))),
        Err(AppError::Conflict(message)) => {
            let mut p = Problems::new();
            p.add(first, super::forms::refusal(&message));
            Ok(Err(p))
        }
        Err(other) => Err(other),
    }
}

fn read_order(lang: Lang, form: &FormData) -> Result<ProtectiveOrderInput, Problems> {
    let mut p = Problems::new();
    let kind = required_choice(
        form,
        "kind",
        &text(lang, "after-outcome-error-kind"),
        ProtectiveOrderKind::parse,
        &mut p,
    );
    let made_on = required_date(form, "made_on", &field_words("form-field-made-on"), &mut p);
    let ends_on = optional_date(form, "ends_on", &field_words("form-field-ends-on"), &mut p);
    match (kind, made_on) {
        (Some(kind), Some(made_on)) if p.is_empty() => Ok(ProtectiveOrderInput {
            kind,
            made_on,
            ends_on,
            court_id: form.text("court_id"),
            note: form.text("note"),
        }),
        _ => Err(p),
    }
}

async fn add_order(
    state: web::Data<AppState>,
    posted: Posted,
    id: web::Path<String>,
) -> PageResult {
    let Posted { session: s, form } = posted;
    require(&s, KIND, Action::Update, "victim")?;
    let id = id.into_inner();
    let input = match read_order(s.lang, &form) {
        Ok(i) => i,
        Err(p) => return draw(&state, &s, id, Some((Form::Order, form, p)), None).await,
    };
    let posted = (Form::Order, form, "kind", "order-added");
    save_case_form(&state, &s, id, posted, move |conn, ctx, case| {
        uc::record_order(conn, ctx, case, &input).map(|_| ())
    })
    .await
}

async fn add_decision(
    state: web::Data<AppState>,
    posted: Posted,
    id: web::Path<String>,
) -> PageResult {
    let Posted { session: s, form } = posted;
    require(&s, KIND, Action::Update, "victim")?;
    let id = id.into_inner();
    let mut p = Problems::new();
    let by = required_choice(
        &form,
        "decided_by",
        &text(s.lang, "after-outcome-error-decided-by"),
        ReviewDecisionMaker::parse,
        &mut p,
    );
    let decision = required_choice(
        &form,
        "decision",
        &text(s.lang, "after-outcome-error-decision"),
        ReviewableDecision::parse,
        &mut p,
    );
    let told_on = required_date(&form, "told_on", &field_words("form-field-told-on"), &mut p);
    let (Some(decided_by), Some(decision), Some(told_on)) = (by, decision, told_on) else {
        return draw(&state, &s, id, Some((Form::Decision, form, p)), None).await;
    };
    let input = ReviewDecisionInput {
        decided_by,
        decision,
        told_on,
    };
    let posted = (Form::Decision, form, "decided_by", "decision-added");
    save_case_form(&state, &s, id, posted, move |conn, ctx, case| {
        uc::record_decision(conn, ctx, case, &input).map(|_| ())
    })
    .await
}

async fn save_claim(
    state: web::Data<AppState>,
    posted: Posted,
    id: web::Path<String>,
) -> PageResult {
    let Posted { session: s, form } = posted;
    require(&s, KIND, Action::Update, "victim")?;
    let id = id.into_inner();
    let mut p = Problems::new();
    let Some(incident_on) = required_date(
        &form,
        "incident_on",
        &field_words("form-field-incident-on"),
        &mut p,
    ) else {
        return draw(&state, &s, id, Some((Form::Claim, form, p)), None).await;
    };
    // A change carries the version the form was drawn from.
    let version = form.text("version").and_then(|v| v.parse::<i32>().ok());
    let input = CompensationInput { incident_on };
    let posted = (Form::Claim, form, "incident_on", "claim-saved");
    save_case_form(&state, &s, id, posted, move |conn, ctx, case| {
        match version {
            Some(v) => uc::update_claim(conn, ctx, case, v, &input),
            None => uc::record_claim(conn, ctx, case, &input),
        }
        .map(|_| ())
    })
    .await
}

/// Saves one of the case page's forms through its use case: back to the
/// page saying `done` when it worked, otherwise the form again with its
/// problems in words (`first` takes a conflict, or someone saving first).
async fn save_case_form(
    state: &web::Data<AppState>,
    s: &Session,
    id: String,
    (which, form, first, done): (Form, FormData, &'static str, &'static str),
    f: impl FnOnce(&mut crate::store::AnyConn, &crate::app::Ctx, &str) -> Result<(), AppError>
        + Send
        + 'static,
) -> PageResult {
    let case = id.clone();
    let stale_words = text(s.lang, "after-outcome-error-stale");
    let outcome = with_conn(state, s, move |conn, ctx| match f(conn, ctx, &case) {
        Err(AppError::StaleVersion { .. }) => {
            let mut p = Problems::new();
            p.add(first, stale_words);
            Ok(Err(p))
        }
        other => problems_of(other, first),
    })
    .await?;
    match outcome {
        Ok(()) => {
            tracing::info!(case_id = %id, form = done, "after-outcome form saved from the pages");
            Ok(see_other(&format!("/cases/{id}/after-outcome?done={done}")))
        }
        Err(p) => draw(state, s, id, Some((which, form, p)), None).await,
    }
}

fn order_facts(lang: Lang, o: &ProtectiveOrderOut) -> Vec<(String, String)> {
    vec![
        (text(lang, "after-outcome-order"), order_kind(lang, o.kind)),
        (text(lang, "after-outcome-made"), i18n::day(lang, o.made_on)),
        (
            text(lang, "after-outcome-ends"),
            o.ends_on
                .map(|d| i18n::day(lang, d))
                .unwrap_or_else(|| text(lang, "after-outcome-until-further-order")),
        ),
    ]
}

fn order_values(o: &ProtectiveOrderOut) -> FormData {
    FormData(vec![
        ("kind".into(), o.kind.as_str().into()),
        ("made_on".into(), o.made_on.to_string()),
        (
            "ends_on".into(),
            o.ends_on.map(|d| d.to_string()).unwrap_or_default(),
        ),
        ("court_id".into(), o.court_id.clone().unwrap_or_default()),
        ("note".into(), o.note.clone().unwrap_or_default()),
    ])
}

fn edit_form(lang: Lang, o: &ProtectiveOrderOut, courts: &[(String, String)]) -> FormPage {
    FormPage {
        title: text(lang, "after-outcome-edit-title"),
        caption: Some(order_kind(lang, o.kind)),
        heading: text(lang, "after-outcome-edit-heading"),
        intro: vec![text(lang, "after-outcome-edit-intro")],
        action: format!("/protective-orders/{}/edit", o.id),
        back: format!("/cases/{}/after-outcome", o.case_id),
        submit: text(lang, "after-outcome-edit-save"),
        hidden: vec![("version".into(), o.version.to_string())],
        fields: order_fields(lang, courts),
        ..FormPage::default()
    }
}

async fn load_order(
    state: &web::Data<AppState>,
    s: &Session,
    id: String,
) -> Result<(ProtectiveOrderOut, Vec<(String, String)>), super::PageError> {
    Ok(with_conn(state, s, move |conn, ctx| {
        Ok((uc::read_order(conn, ctx, &id)?, courts(conn, ctx)?))
    })
    .await?)
}

async fn edit_page(state: web::Data<AppState>, s: Session, id: web::Path<String>) -> PageResult {
    require(&s, KIND, Action::Update, "victim")?;
    let (o, courts) = load_order(&state, &s, id.into_inner()).await?;
    render_form(
        &s,
        "cases",
        edit_form(s.lang, &o, &courts),
        &order_values(&o),
        &Problems::new(),
    )
}

/// Someone saved first: the form again over what is stored now.
fn stale(
    lang: Lang,
    mut page: FormPage,
    o: &ProtectiveOrderOut,
    field: &str,
) -> (FormPage, Problems) {
    page.stale = Some((text(lang, "after-outcome-what-order"), order_facts(lang, o)));
    let mut p = Problems::new();
    p.add(field, text(lang, "after-outcome-error-order-stale"));
    (page, p)
}

async fn edit_post(
    state: web::Data<AppState>,
    posted: Posted,
    id: web::Path<String>,
) -> PageResult {
    let Posted { session: s, form } = posted;
    require(&s, KIND, Action::Update, "victim")?;
    let version = posted_version(&form)?;
    let id = id.into_inner();
    let (current, courts) = load_order(&state, &s, id.clone()).await?;
    let lang = s.lang;
    let input = match read_order(lang, &form) {
        Ok(i) => i,
        Err(p) => return render_form(&s, "cases", edit_form(lang, &current, &courts), &form, &p),
    };
    let order = id.clone();
    let outcome = with_conn(&state, &s, move |conn, ctx| {
        match uc::update_order(conn, ctx, &order, version, &input) {
            Err(AppError::StaleVersion { .. }) => Ok(Err(None)),
            other => problems_of(other, "kind").map(|r| r.map_err(Some)),
        }
    })
    .await?;
    match outcome {
        Ok(o) => Ok(see_other(&format!(
            "/cases/{}/after-outcome?done=order-changed",
            o.case_id
        ))),
        Err(Some(p)) => render_form(&s, "cases", edit_form(lang, &current, &courts), &form, &p),
        Err(None) => {
            let (page, p) = stale(lang, edit_form(lang, &current, &courts), &current, "kind");
            render_form(&s, "cases", page, &order_values(&current), &p)
        }
    }
}

fn end_form(lang: Lang, o: &ProtectiveOrderOut) -> FormPage {
    FormPage {
        title: text(lang, "after-outcome-end-title"),
        caption: Some(order_kind(lang, o.kind)),
        heading: text(lang, "after-outcome-end-heading"),
        facts: order_facts(lang, o),
        warning: Some(text(lang, "after-outcome-end-warning")),
        action: format!("/protective-orders/{}/end", o.id),
        back: format!("/cases/{}/after-outcome", o.case_id),
        submit: text(lang, "after-outcome-end-submit"),
        hidden: vec![("version".into(), o.version.to_string())],
        fields: vec![
            Field::radios(
                "how",
                &text(lang, "after-outcome-end-how"),
                &[
                    (
                        OrderEnding::Ended.as_str().into(),
                        ending_words(lang, OrderEnding::Ended),
                    ),
                    (
                        OrderEnding::Discharged.as_str().into(),
                        ending_words(lang, OrderEnding::Discharged),
                    ),
                ],
            ),
            Field::date("ended_on", &text(lang, "after-outcome-end-when")),
        ],
        ..FormPage::default()
    }
}

async fn end_page(state: web::Data<AppState>, s: Session, id: web::Path<String>) -> PageResult {
    require(&s, KIND, Action::Update, "victim")?;
    let (o, _) = load_order(&state, &s, id.into_inner()).await?;
    render_form(
        &s,
        "cases",
        end_form(s.lang, &o),
        &FormData(vec![]),
        &Problems::new(),
    )
}

async fn end_post(state: web::Data<AppState>, posted: Posted, id: web::Path<String>) -> PageResult {
    let Posted { session: s, form } = posted;
    require(&s, KIND, Action::Update, "victim")?;
    let version = posted_version(&form)?;
    let id = id.into_inner();
    let (current, _) = load_order(&state, &s, id.clone()).await?;
    let lang = s.lang;
    let mut p = Problems::new();
    let how = required_choice(
        &form,
        "how",
        &text(lang, "after-outcome-error-how"),
        |v| match v {
            "ended" => Some(OrderEnding::Ended),
            "discharged" => Some(OrderEnding::Discharged),
            _ => None,
        },
        &mut p,
    );
    let ended_on = required_date(
        &form,
        "ended_on",
        &field_words("form-field-ended-on"),
        &mut p,
    );
    let (Some(how), Some(ended_on)) = (how, ended_on) else {
        return render_form(&s, "cases", end_form(lang, &current), &form, &p);
    };
    let input = EndOrderInput { how, ended_on };
    let order = id.clone();
    let outcome = with_conn(&state, &s, move |conn, ctx| {
        match uc::end_order(conn, ctx, &order, version, &input) {
            Err(AppError::StaleVersion { .. }) => Ok(Err(None)),
            other => problems_of(other, "how").map(|r| r.map_err(Some)),
        }
    })
    .await?;
    match outcome {
        Ok(o) => Ok(see_other(&format!(
            "/cases/{}/after-outcome?done=order-ended",
            o.case_id
        ))),
        Err(Some(p)) => render_form(&s, "cases", end_form(lang, &current), &form, &p),
        Err(None) => {
            let (page, p) = stale(lang, end_form(lang, &current), &current, "how");
            render_form(&s, "cases", page, &FormData(vec![]), &p)
        }
    }
}

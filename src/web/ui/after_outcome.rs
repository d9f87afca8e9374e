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

use super::fields::{fill_all, options_of, Field, FormPage};
use super::forms::{optional_date, required_choice, required_date, FormData, Problems};
use super::lookup::{case_reference, day};
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

pub fn order_kind(k: ProtectiveOrderKind) -> &'static str {
    match k {
        ProtectiveOrderKind::NonMolestation => "Non-molestation order",
        ProtectiveOrderKind::Occupation => "Occupation order",
        ProtectiveOrderKind::Restraining => "Restraining order",
        ProtectiveOrderKind::ProhibitedSteps => "Prohibited steps order",
    }
}

fn decision_maker(d: ReviewDecisionMaker) -> &'static str {
    match d {
        ReviewDecisionMaker::Police => "The police",
        ReviewDecisionMaker::Cps => "The Crown Prosecution Service (CPS)",
    }
}

fn decision_words(d: ReviewableDecision) -> &'static str {
    match d {
        ReviewableDecision::NotToCharge => "Not to charge (no further action)",
        ReviewableDecision::Discontinued => "To stop the case (discontinued)",
        ReviewableDecision::NoEvidenceOffered => "To stop the case (no evidence offered)",
    }
}

fn ending_words(e: OrderEnding) -> &'static str {
    match e {
        OrderEnding::Ended => "Ended early",
        OrderEnding::Discharged => "Discharged by the court",
    }
}

fn order_fields(courts: &[(String, String)]) -> Vec<Field> {
    let mut court_options = vec![(String::new(), "Not known".to_string())];
    court_options.extend(courts.iter().cloned());
    vec![
        Field::radios(
            "kind",
            "What kind of order is it?",
            &options_of(
                ProtectiveOrderKind::ALL,
                ProtectiveOrderKind::as_str,
                order_kind,
            ),
        ),
        Field::date("made_on", "When was the order made?"),
        Field::date("ends_on", "When does the order end?")
            .hint("Leave this empty if the order lasts until further order. You will be reminded before it ends."),
        Field::select("court_id", "Which court made the order?", &court_options),
        Field::textarea("note", "Note for the team (optional)").hint(
            "At most 500 characters. It is kept sealed and never sent to anyone. Do not write the victim's address.",
        ),
    ]
}

fn decision_fields() -> Vec<Field> {
    vec![
        Field::radios(
            "decided_by",
            "Who made the decision?",
            &options_of(
                ReviewDecisionMaker::ALL,
                ReviewDecisionMaker::as_str,
                decision_maker,
            ),
        ),
        Field::radios(
            "decision",
            "What did they decide?",
            &options_of(
                ReviewableDecision::ALL,
                ReviewableDecision::as_str,
                decision_words,
            ),
        ),
        Field::date("told_on", "When was the victim told of the decision?")
            .hint("The time to ask for a review counts from this day."),
    ]
}

fn claim_fields() -> Vec<Field> {
    vec![Field::date("incident_on", "When did the incident happen?")
        .hint("Compensation must normally be applied for within two years of the incident.")]
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

fn done_message(key: &str) -> Option<&'static str> {
    Some(match key {
        "order-added" => {
            "The protective order has been recorded. You will be reminded before it ends."
        }
        "order-changed" => "The protective order has been changed.",
        "order-ended" => {
            "The protective order has been recorded as ended. Its reminders have stopped."
        }
        "decision-added" => {
            "The decision has been recorded, with the time the victim has to ask for a review."
        }
        "claim-saved" => {
            "The incident date has been saved, with the last day to apply for compensation."
        }
        _ => return None,
    })
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

fn order_row(o: &ProtectiveOrderOut, courts: &[(String, String)]) -> Value {
    let status = match (o.ended_as, o.in_force) {
        (Some(how), _) => format!(
            "{} on {}",
            ending_words(how),
            o.ended_on.map(day).unwrap_or_default()
        ),
        (None, true) => "In force".into(),
        (None, false) => "Expired".into(),
    };
    json!({
        "kind": order_kind(o.kind),
        "made": day(o.made_on),
        "ends": o.ends_on.map(day).unwrap_or_else(|| "Until further order".into()),
        "court": o.court_id.as_deref()
            .and_then(|id| courts.iter().find(|(k, _)| k == id))
            .map(|(_, n)| n.clone())
            .unwrap_or_else(|| "Not known".into()),
        "status": status,
        "in_force": o.in_force,
        "note": o.note,
        "change": o.in_force.then(|| format!("/protective-orders/{}/edit", o.id)),
        "end": o.in_force.then(|| format!("/protective-orders/{}/end", o.id)),
    })
}

fn decision_row(d: &ReviewDecisionOut) -> Value {
    json!({
        "who": decision_maker(d.decided_by),
        "what": decision_words(d.decision),
        "told": day(d.told_on),
        "prompt": d.prompt_request_by.map(day),
        "latest": day(d.request_by),
        "closed": d.closed_case,
    })
}

/// Draws the page, with the posted form's values and problems.
async fn draw(
    state: &web::Data<AppState>,
    s: &Session,
    id: String,
    posted: Option<(Form, FormData, Problems)>,
    done: Option<&'static str>,
) -> PageResult {
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
        "Protective orders and after the outcome",
        "cases",
        json!({
            "caption": format!("Case {}", l.reference),
            "back": format!("/cases/{id}"),
            "done": done,
            "errors": problems.to_json(),
            "orders": l.orders.iter().map(|o| order_row(o, &l.courts)).collect::<Vec<_>>(),
            "order_form": {
                "action": format!("/cases/{id}/protective-orders"),
                "fields": filled(Form::Order, order_fields(&l.courts), FormData(vec![])),
            },
            "decisions": l.decisions.iter().map(decision_row).collect::<Vec<_>>(),
            "decision_form": {
                "action": format!("/cases/{id}/review-decisions"),
                "fields": filled(Form::Decision, decision_fields(), FormData(vec![])),
            },
            "claim": l.claim.as_ref().map(|c| json!({
                "incident": day(c.incident_on),
                "apply_by": day(c.apply_by),
            })),
            "claim_form": {
                "action": format!("/cases/{id}/compensation"),
                "version": l.claim.as_ref().map(|c| c.version),
                "submit": if l.claim.is_some() { "Change the incident date" } else { "Save the incident date" },
                "fields": filled(Form::Claim, claim_fields(), claim_values),
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
    let done = q.done.as_deref().and_then(done_message);
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
            p.add(first, message);
            Ok(Err(p))
        }
        Err(other) => Err(other),
    }
}

fn read_order(form: &FormData) -> Result<ProtectiveOrderInput, Problems> {
    let mut p = Problems::new();
    let kind = required_choice(
        form,
        "kind",
        "Choose what kind of order it is",
        ProtectiveOrderKind::parse,
        &mut p,
    );
    let made_on = required_date(form, "made_on", "the day the order was made", &mut p);
    let ends_on = optional_date(form, "ends_on", "The end date", &mut p);
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
    let input = match read_order(&form) {
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
        "Choose who made the decision",
        ReviewDecisionMaker::parse,
        &mut p,
    );
    let decision = required_choice(
        &form,
        "decision",
        "Choose what they decided",
        ReviewableDecision::parse,
        &mut p,
    );
    let told_on = required_date(&form, "told_on", "the day the victim was told", &mut p);
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
    let Some(incident_on) = required_date(&form, "incident_on", "the day of the incident", &mut p)
    else {
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
    let outcome = with_conn(state, s, move |conn, ctx| match f(conn, ctx, &case) {
        Err(AppError::StaleVersion { .. }) => {
            let mut p = Problems::new();
            p.add(
                first,
                "Someone else changed this after you opened this page. Check what is now stored, then save again",
            );
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

fn order_facts(o: &ProtectiveOrderOut) -> Vec<(String, String)> {
    vec![
        ("Order".into(), order_kind(o.kind).into()),
        ("Made".into(), day(o.made_on)),
        (
            "Ends".into(),
            o.ends_on
                .map(day)
                .unwrap_or_else(|| "Until further order".into()),
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

fn edit_form(o: &ProtectiveOrderOut, courts: &[(String, String)]) -> FormPage {
    FormPage {
        title: "Change a protective order".into(),
        caption: Some(order_kind(o.kind).into()),
        heading: "Change the protective order".into(),
        intro: vec!["A new end date moves the reminders to talk to the victim about renewing or extending it.".into()],
        action: format!("/protective-orders/{}/edit", o.id),
        back: format!("/cases/{}/after-outcome", o.case_id),
        submit: "Save the changes".into(),
        hidden: vec![("version".into(), o.version.to_string())],
        fields: order_fields(courts),
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
        edit_form(&o, &courts),
        &order_values(&o),
        &Problems::new(),
    )
}

/// Someone saved first: the form again over what is stored now.
fn stale(mut page: FormPage, o: &ProtectiveOrderOut, field: &str) -> (FormPage, Problems) {
    page.stale = Some(("protective order".into(), order_facts(o)));
    let mut p = Problems::new();
    p.add(
        field,
        "Someone else changed this order after you opened this page. Check the details now stored, then try again",
    );
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
    let input = match read_order(&form) {
        Ok(i) => i,
        Err(p) => return render_form(&s, "cases", edit_form(&current, &courts), &form, &p),
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
        Err(Some(p)) => render_form(&s, "cases", edit_form(&current, &courts), &form, &p),
        Err(None) => {
            let (page, p) = stale(edit_form(&current, &courts), &current, "kind");
            render_form(&s, "cases", page, &order_values(&current), &p)
        }
    }
}

fn end_form(o: &ProtectiveOrderOut) -> FormPage {
    FormPage {
        title: "End a protective order".into(),
        caption: Some(order_kind(o.kind).into()),
        heading: "Are you sure this order has ended?".into(),
        facts: order_facts(o),
        warning: Some("The reminders to talk to the victim about renewing it will stop. The order stays on the case's record.".into()),
        action: format!("/protective-orders/{}/end", o.id),
        back: format!("/cases/{}/after-outcome", o.case_id),
        submit: "Yes, record that it has ended".into(),
        hidden: vec![("version".into(), o.version.to_string())],
        fields: vec![
            Field::radios(
                "how",
                "How did it end?",
                &[
                    (OrderEnding::Ended.as_str().into(), ending_words(OrderEnding::Ended).into()),
                    (OrderEnding::Discharged.as_str().into(), ending_words(OrderEnding::Discharged).into()),
                ],
            ),
            Field::date("ended_on", "When did it end?"),
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
        end_form(&o),
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
    let mut p = Problems::new();
    let how = required_choice(
        &form,
        "how",
        "Choose how the order ended",
        |v| match v {
            "ended" => Some(OrderEnding::Ended),
            "discharged" => Some(OrderEnding::Discharged),
            _ => None,
        },
        &mut p,
    );
    let ended_on = required_date(&form, "ended_on", "the day it ended", &mut p);
    let (Some(how), Some(ended_on)) = (how, ended_on) else {
        return render_form(&s, "cases", end_form(&current), &form, &p);
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
        Err(Some(p)) => render_form(&s, "cases", end_form(&current), &form, &p),
        Err(None) => {
            let (page, p) = stale(end_form(&current), &current, "how");
            render_form(&s, "cases", page, &FormData(vec![]), &p)
        }
    }
}

//! Victim liaison officers log parole milestones, and see which were
//! shared with the victim's supporter and on what basis.

use actix_web::web;
use serde::Deserialize;
use serde_json::{json, Value};

use crate::domain::{ConsentScope, ParoleDecision, ParoleHearingFormat, ParoleMilestoneKind, Role};
use crate::error::{AppError, AppResult};
use crate::policy::{permits, Action, ResourceKind};
use crate::resources::{
    Consents, Notices, ParoleMilestoneInput, ParoleMilestones, SupporterAssignments, VictimOut,
    Victims,
};
use crate::store::AnyConn;
use crate::web::api::resource::Ctx;
use crate::web::AppState;

use super::cases::notice_row;
use super::fields::{options_of, Field, FormPage};
use super::forms::{required_choice, required_date, FormData, Problems};
use super::lookup::{long, Lookup};
use super::session::{Posted, Session};
use super::{
    labels, list_all, page, render, render_form, require, require_to, see_other, with_conn,
    PageResult,
};

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.route("/parole", web::get().to(overview))
        .route("/parole/milestones/new", web::get().to(new_page))
        .route("/parole/milestones/new", web::post().to(new_post));
}

fn build(conn: &mut AnyConn, ctx: &Ctx, email_off: bool) -> AppResult<Value> {
    let role = ctx.actor.role;
    let look = Lookup::load(conn, ctx)?;
    let may = |kind, action| permits(role, kind, action);
    let victims = list_all::<Victims>(conn, ctx, json!({}))?;
    let mut out = Vec::new();
    for v in victims {
        let milestones = list_all::<ParoleMilestones>(conn, ctx, json!({"victim_id": v.id}))?;
        // Only victims in the parole scheme (or with milestones) appear.
        if milestones.is_empty()
            && v.probation_region_id.as_deref() != Some(ctx.actor.organisation_id.as_str())
        {
            continue;
        }
        let consent = if may(ResourceKind::Consent, Action::Read) {
            let in_force = list_all::<Consents>(conn, ctx, json!({"victim_id": v.id}))?
                .into_iter()
                .any(|c| c.scope == ConsentScope::ParoleToSupporter && c.active);
            Some(in_force)
        } else {
            None
        };
        let supporter = if may(ResourceKind::SupporterAssignment, Action::Read) {
            list_all::<SupporterAssignments>(conn, ctx, json!({"victim_id": v.id}))?
                .into_iter()
                .find(|a| a.current)
                .map(|a| labels::supporter_role(a.role))
        } else {
            None
        };
        let rows: Vec<Value> = milestones
            .iter()
            .map(|m| {
                let when = match m.occurs_on {
                    Some(d) => d.format("%-d %B %Y").to_string(),
                    None => chrono::NaiveDate::parse_from_str(
                        &format!("{}-01", m.occurs_in_month),
                        "%Y-%m-%d",
                    )
                    .map(|d| d.format("%B %Y (month only)").to_string())
                    .unwrap_or_else(|_| m.occurs_in_month.clone()),
                };
                let mut detail = Vec::new();
                if let Some(f) = m.hearing_format {
                    detail.push(labels::parole_format(f).to_string());
                }
                if let Some(d) = m.decision {
                    detail.push(labels::parole_decision(d).to_string());
                }
                json!({
                    "kind": labels::parole_kind(m.kind),
                    "when": when,
                    "detail": detail.join(", "),
                    "logged": long(m.created_at),
                })
            })
            .collect();
        let notices: Vec<Value> = if may(ResourceKind::Notice, Action::Read) {
            list_all::<Notices>(
                conn,
                ctx,
                json!({"victim_id": v.id, "template": "parole.milestone"}),
            )?
            .iter()
            .map(|n| notice_row(n, &look, (&ctx.actor.user_id, email_off)))
            .collect()
        } else {
            Vec::new()
        };
        out.push(json!({
            "id": v.id,
            "reference": v.reference,
            "consent": consent,
            "consent_known": consent.is_some(),
            "supporter": supporter,
            "milestones": rows,
            "notices": notices,
            "log": (role == Role::VictimLiaisonOfficer).then(|| format!("/parole/milestones/new?victim_id={}", v.id)),
        }))
    }
    Ok(json!({"victims": out}))
}

#[derive(Deserialize)]
struct OverviewQuery {
    done: Option<String>,
}

async fn overview(
    state: web::Data<AppState>,
    s: Session,
    q: web::Query<OverviewQuery>,
) -> PageResult {
    require(
        &s,
        ResourceKind::ParoleMilestone,
        Action::Read,
        "parole milestone",
    )?;
    let email_off = s.email_off;
    let mut data = with_conn(&state, &s, move |conn, ctx| build(conn, ctx, email_off)).await?;
    data["done"] = json!(q.done.is_some());
    render("parole", &page(&s, "Parole", "parole", data))
}

fn form_page(victims: &[VictimOut]) -> FormPage {
    let mut choices = vec![(String::new(), "Choose a victim".to_string())];
    choices.extend(victims.iter().map(|v| (v.id.clone(), v.reference.clone())));
    FormPage {
        title: "Log a parole milestone".into(),
        caption: Some("Victim Contact Scheme".into()),
        heading: "Log a parole milestone".into(),
        intro: vec![
            "The supporter is told only while the victim's consent to share parole information with them stands. Outside probation a release date is shown by its month only.".into(),
        ],
        action: "/parole/milestones/new".into(),
        back: "/parole".into(),
        submit: "Log milestone".into(),
        fields: vec![
            Field::select("victim_id", "Victim", &choices).hint("By their reference"),
            Field::radios(
                "kind",
                "What happened, or is due?",
                &options_of(ParoleMilestoneKind::ALL, ParoleMilestoneKind::as_str, labels::parole_kind),
            ),
            Field::date("occurs_on", "Date"),
            Field::radios(
                "hearing_format",
                "Hearing format (only for a listed parole hearing)",
                &options_of(ParoleHearingFormat::ALL, ParoleHearingFormat::as_str, labels::parole_format),
            ),
            Field::radios(
                "decision",
                "The decision (only when a decision was made)",
                &options_of(ParoleDecision::ALL, ParoleDecision::as_str, labels::parole_decision),
            ),
        ],
        ..FormPage::default()
    }
}

fn place(field: &str) -> (&'static str, &'static str) {
    match field {
        "victim_id" => ("victim_id", "The victim"),
        "kind" => ("kind", "The milestone"),
        "occurs_on" => ("occurs_on", "The date"),
        "hearing_format" => ("hearing_format", "The hearing format"),
        "decision" => ("decision", "The decision"),
        _ => ("kind", ""),
    }
}

fn region_victims(conn: &mut AnyConn, ctx: &Ctx) -> AppResult<Vec<VictimOut>> {
    list_all::<Victims>(conn, ctx, json!({}))
}

#[derive(Deserialize)]
struct NewQuery {
    victim_id: Option<String>,
}

const RECORD: crate::app::Check = (
    ResourceKind::ParoleMilestone,
    Action::Create,
    "parole milestone",
);

async fn new_page(state: web::Data<AppState>, s: Session, q: web::Query<NewQuery>) -> PageResult {
    require_to(&s, RECORD)?;
    let victims = with_conn(&state, &s, region_victims).await?;
    let mut defaults = Vec::new();
    if let Some(v) = &q.victim_id {
        defaults.push(("victim_id".to_string(), v.clone()));
    }
    render_form(
        &s,
        "parole",
        form_page(&victims),
        &FormData(defaults),
        &Problems::new(),
    )
}

async fn new_post(state: web::Data<AppState>, posted: Posted) -> PageResult {
    let Posted { session: s, form } = posted;
    require_to(&s, RECORD)?;
    let mut problems = Problems::new();
    let victim_id = form.text("victim_id");
    if victim_id.is_none() {
        problems.add("victim_id", "Choose the victim");
    }
    let kind = required_choice(
        &form,
        "kind",
        "Choose the milestone",
        ParoleMilestoneKind::parse,
        &mut problems,
    );
    let occurs_on = required_date(&form, "occurs_on", "the date", &mut problems);
    let hearing_format = form
        .text("hearing_format")
        .and_then(|f| ParoleHearingFormat::parse(&f));
    let decision = form
        .text("decision")
        .and_then(|d| ParoleDecision::parse(&d));
    let outcome = with_conn(&state, &s, move |conn, ctx| {
        let victims = region_victims(conn, ctx)?;
        let (Some(victim_id), Some(kind), Some(occurs_on)) = (victim_id, kind, occurs_on) else {
            return Ok(Err((victims, problems)));
        };
        let input = ParoleMilestoneInput {
            victim_id: victim_id.clone(),
            kind,
            occurs_on: occurs_on.to_string(),
            hearing_format,
            decision,
        };
        match super::create::<ParoleMilestones>(conn, ctx, input) {
            Ok(m) => Ok(Ok(m)),
            Err(AppError::Validation(errors)) => {
                Ok(Err((victims, Problems::from_api(&errors, place))))
            }
            Err(other) => Err(other),
        }
    })
    .await?;
    match outcome {
        Ok(m) => {
            tracing::info!(parole_milestone_id = %m.id, "parole milestone logged from the pages");
            Ok(see_other(&format!("/parole?done=1#victim-{}", m.victim_id)))
        }
        Err((victims, problems)) => {
            render_form(&s, "parole", form_page(&victims), &form, &problems)
        }
    }
}

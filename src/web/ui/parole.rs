//! Victim liaison officers log parole milestones, and see which were
//! shared with the victim's supporter and on what basis.

use std::collections::{HashMap, HashSet};

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

use super::cases::notice_row_in;
use super::fields::{Field, FormPage};
use super::form_words::{date_field, date_in, options_in, DateWords};
use super::forms::{required_choice, FormData, Problems};
use super::i18n::{self, text, text_with, Lang};
use super::lookup::Lookup;
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

/// "2 March 2026" or "2 Mawrth 2026".
fn date_words(lang: Lang, d: chrono::NaiveDate) -> String {
    match lang {
        Lang::En => d.format("%-d %B %Y").to_string(),
        // "dydd Llun 2 Mawrth 2026" without its day's name.
        Lang::Cy => {
            let full = i18n::day(lang, d);
            let words: Vec<&str> = full.split_whitespace().collect();
            words[words.len().saturating_sub(3)..].join(" ")
        }
    }
}

/// "March 2026" or "Mawrth 2026".
fn month_words(lang: Lang, d: chrono::NaiveDate) -> String {
    let words = date_words(lang, d);
    words
        .split_once(' ')
        .map(|(_, m)| m.to_owned())
        .unwrap_or(words)
}

fn build(conn: &mut AnyConn, ctx: &Ctx, lang: Lang, email_off: bool) -> AppResult<Value> {
    let role = ctx.actor.role;
    let look = Lookup::load(conn, ctx)?;
    let may = |kind, action| permits(role, kind, action);
    let victims = list_all::<Victims>(conn, ctx, json!({}))?;
    // Each list is read once for the whole reach and grouped by victim, in
    // the list's own order.
    let mut milestones_of: HashMap<String, Vec<_>> = HashMap::new();
    for m in list_all::<ParoleMilestones>(conn, ctx, json!({}))? {
        milestones_of
            .entry(m.victim_id.clone())
            .or_default()
            .push(m);
    }
    let consented: Option<HashSet<String>> = if may(ResourceKind::Consent, Action::Read) {
        Some(
            list_all::<Consents>(conn, ctx, json!({}))?
                .into_iter()
                .filter(|c| c.scope == ConsentScope::ParoleToSupporter && c.active)
                .map(|c| c.victim_id)
                .collect(),
        )
    } else {
        None
    };
    let mut supporter_of: HashMap<String, String> = HashMap::new();
    if may(ResourceKind::SupporterAssignment, Action::Read) {
        for a in list_all::<SupporterAssignments>(conn, ctx, json!({}))? {
            if a.current && !supporter_of.contains_key(&a.victim_id) {
                supporter_of.insert(a.victim_id.clone(), labels::supporter_role_in(lang, a.role));
            }
        }
    }
    let mut notices_of: HashMap<String, Vec<_>> = HashMap::new();
    if may(ResourceKind::Notice, Action::Read) {
        for n in list_all::<Notices>(conn, ctx, json!({"template": "parole.milestone"}))? {
            notices_of.entry(n.victim_id.clone()).or_default().push(n);
        }
    }
    let mut out = Vec::new();
    for v in victims {
        let milestones = milestones_of.remove(&v.id).unwrap_or_default();
        // Only victims in the parole scheme (or with milestones) appear.
        if milestones.is_empty()
            && v.probation_region_id.as_deref() != Some(ctx.actor.organisation_id.as_str())
        {
            continue;
        }
        let consent = consented.as_ref().map(|c| c.contains(&v.id));
        let supporter = supporter_of.remove(&v.id);
        let rows: Vec<Value> = milestones
            .iter()
            .map(|m| {
                let when = match m.occurs_on {
                    Some(d) => date_words(lang, d),
                    None => chrono::NaiveDate::parse_from_str(
                        &format!("{}-01", m.occurs_in_month),
                        "%Y-%m-%d",
                    )
                    .map(|d| {
                        text_with(
                            lang,
                            "parole-month-only",
                            &[("month", month_words(lang, d))],
                        )
                    })
                    .unwrap_or_else(|_| m.occurs_in_month.clone()),
                };
                let mut detail = Vec::new();
                if let Some(f) = m.hearing_format {
                    detail.push(labels::parole_format_in(lang, f));
                }
                if let Some(d) = m.decision {
                    detail.push(labels::parole_decision_in(lang, d));
                }
                json!({
                    "kind": labels::parole_kind_in(lang, m.kind),
                    "when": when,
                    "detail": detail.join(", "),
                    "logged": i18n::long(lang, m.created_at),
                })
            })
            .collect();
        let notices: Vec<Value> = notices_of
            .remove(&v.id)
            .unwrap_or_default()
            .iter()
            .map(|n| notice_row_in(lang, n, &look, (&ctx.actor.user_id, email_off)))
            .collect();
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
    let (lang, email_off) = (s.lang, s.email_off);
    let mut data = with_conn(&state, &s, move |conn, ctx| {
        build(conn, ctx, lang, email_off)
    })
    .await?;
    data["done"] = json!(q.done.is_some());
    render(
        "parole",
        &page(&s, &text(lang, "nav-parole"), "parole", data),
    )
}

fn form_page(lang: Lang, victims: &[VictimOut]) -> FormPage {
    let mut choices = vec![(String::new(), text(lang, "case-forms-choose-a-victim"))];
    choices.extend(victims.iter().map(|v| (v.id.clone(), v.reference.clone())));
    let kinds = options_in(
        lang,
        ParoleMilestoneKind::ALL,
        ParoleMilestoneKind::as_str,
        labels::parole_kind_in,
    );
    let formats = options_in(
        lang,
        ParoleHearingFormat::ALL,
        ParoleHearingFormat::as_str,
        labels::parole_format_in,
    );
    let decisions = options_in(
        lang,
        ParoleDecision::ALL,
        ParoleDecision::as_str,
        labels::parole_decision_in,
    );
    FormPage {
        title: text(lang, "parole-log-title"),
        caption: Some(text(lang, "parole-scheme")),
        heading: text(lang, "parole-log-title"),
        intro: vec![text(lang, "parole-log-intro")],
        action: "/parole/milestones/new".into(),
        back: "/parole".into(),
        submit: text(lang, "parole-log-submit"),
        fields: vec![
            Field::select("victim_id", &text(lang, "cases-victim"), &choices)
                .hint(&text(lang, "parole-victim-hint")),
            Field::radios("kind", &text(lang, "parole-kind-question"), &kinds),
            date_field(lang, "occurs_on", &text(lang, "visits-date")),
            Field::radios(
                "hearing_format",
                &text(lang, "parole-format-question"),
                &formats,
            ),
            Field::radios(
                "decision",
                &text(lang, "parole-decision-question"),
                &decisions,
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
        form_page(s.lang, &victims),
        &FormData(defaults),
        &Problems::new(),
    )
}

async fn new_post(state: web::Data<AppState>, posted: Posted) -> PageResult {
    let Posted { session: s, form } = posted;
    require_to(&s, RECORD)?;
    let lang = s.lang;
    let mut problems = Problems::new();
    let victim_id = form.text("victim_id");
    if victim_id.is_none() {
        problems.add("victim_id", text(lang, "parole-error-victim"));
    }
    let kind = required_choice(
        &form,
        "kind",
        &text(lang, "parole-error-kind"),
        ParoleMilestoneKind::parse,
        &mut problems,
    );
    let occurs_on = date_in(
        lang,
        &form,
        "occurs_on",
        &DateWords {
            missing: "parole-error-date-missing",
            part: "parole-error-date-part",
            invalid: "parole-error-date-invalid",
        },
        &mut problems,
    );
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
            render_form(&s, "parole", form_page(lang, &victims), &form, &problems)
        }
    }
}

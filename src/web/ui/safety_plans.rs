//! The safety plan for a court day on the pages, at
//! `/hearings/{id}/safety-plan`: the supporter records, changes and
//! withdraws it; the Witness Service at the court reads it and marks it
//! agreed. Every change goes through `app::safety_plans`, the use case the
//! API's `/api/v1/hearings/{id}/safety-plan` calls (the same role and
//! reach checks, transaction and audit entries).

use actix_web::web;
use chrono::NaiveTime;
use serde::Deserialize;
use serde_json::{json, Value};

use crate::app::court_needs::{self, ConsentChoice};
use crate::app::safety_plans::{self, SafetyPlanInput, SafetyPlanOut};
use crate::calendar;
use crate::domain::Role;
use crate::error::AppError;
use crate::policy::{Action, ResourceKind};
use crate::resources::{HearingOut, Hearings};
use crate::web::AppState;

use super::fields::{fill_all, Field};
use super::form_words::{date_in, DateWords};
use super::forms::{london_instant, parse_time, FormData, Problems};
use super::i18n::{self, text, text_with, Lang};
use super::lookup::Lookup;
use super::session::{Posted, Session};
use super::{
    can, labels, page, posted_version, read, render_status, see_other, with_conn, PageError,
    PageResult,
};

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.route("/hearings/{id}/safety-plan", web::get().to(show))
        .route("/hearings/{id}/safety-plan", web::post().to(save))
        .route(
            "/hearings/{id}/safety-plan/withdraw",
            web::get().to(confirm_withdraw),
        )
        .route(
            "/hearings/{id}/safety-plan/withdraw",
            web::post().to(withdraw),
        )
        .route("/hearings/{id}/safety-plan/agree", web::post().to(agree));
}

/// The basis choice meaning "nobody outside your service reads it".
const NOBODY: &str = "none";
/// The basis choice meaning her single point of contact agreement.
const SPOC: &str = "spoc";

fn require_read(s: &Session) -> Result<(), PageError> {
    super::require(s, ResourceKind::SafetyPlan, Action::Read, "safety plan")
}

fn fields(lang: Lang, consents: &[ConsentChoice]) -> Vec<Field> {
    let t = |key: &str| text(lang, key);
    let mut bases = super::court_needs::referral_choices_in(lang, consents);
    bases.push((SPOC.into(), t("safety-plan-basis-spoc")));
    bases.push((NOBODY.into(), t("safety-plan-basis-nobody")));
    let has = |yes: &'static str, no: &'static str| {
        [("no".to_string(), t(no)), ("yes".to_string(), t(yes))]
    };
    vec![
        Field::text("entrance", &t("safety-plan-entrance-question"))
            .hint(&t("safety-plan-entrance-hint")),
        Field::text("exit", &t("safety-plan-exit-question")),
        Field::text("waiting_area", &t("safety-plan-waits-question"))
            .hint(&t("safety-plan-waits-hint")),
        Field::text("met_by", &t("safety-plan-met-by-question"))
            .hint(&t("safety-plan-met-by-hint")),
        Field::date("meet_date", &t("safety-plan-meet-date-question"))
            .hint(&t("safety-plan-meet-date-hint")),
        Field::time("meet_time", &t("safety-plan-meet-time-question"))
            .hint(&t("records-time-hint")),
        Field::text("meet_place", &t("safety-plan-meet-place-question")),
        Field::textarea("avoid_family", &t("safety-plan-avoid-question")),
        Field::radios(
            "agreed",
            &t("safety-plan-agreed-question"),
            &has("safety-plan-agreed-yes", "safety-plan-agreed-no"),
        ),
        Field::date("agreed_on", &t("safety-plan-agreed-on-question"))
            .hint(&t("records-date-hint")),
        Field::text("agreed_with", &t("safety-plan-agreed-with-question")),
        Field::radios("basis", &t("safety-plan-basis-question"), &bases)
            .hint(&t("safety-plan-basis-hint")),
        Field::radios(
            "may_email",
            &t("safety-plan-email-question"),
            &has("safety-plan-email-yes", "safety-plan-email-no"),
        )
        .hint(&t("safety-plan-email-hint")),
    ]
}

fn place(field: &str) -> (&'static str, &'static str) {
    match field {
        "entrance" => ("entrance", "The entrance"),
        "exit" => ("exit", "The exit"),
        "waiting_area" => ("waiting_area", "Where she waits"),
        "met_by" => ("met_by", "Who meets her"),
        "meet_at" => ("meet_time", "The time she is met"),
        "meet_place" => ("meet_place", "Where she is met"),
        "avoid_family" => ("avoid_family", "The arrangements"),
        "agreed_at" => ("agreed_on", "The date it was agreed"),
        "agreed_with" => ("agreed_with", "Who agreed it"),
        "consent_id" | "spoc_agreement" => ("basis", "The basis"),
        _ => ("entrance", ""),
    }
}

/// The form's values from a stored plan.
fn values_of(plan: &SafetyPlanOut) -> FormData {
    let mut v: Vec<(String, String)> = vec![
        ("entrance".into(), plan.entrance.clone()),
        ("exit".into(), plan.exit.clone()),
        ("waiting_area".into(), plan.waiting_area.clone()),
        ("met_by".into(), plan.met_by.clone().unwrap_or_default()),
        (
            "meet_date".into(),
            plan.meet_at
                .map(|t| calendar::london_date(t).to_string())
                .unwrap_or_default(),
        ),
        (
            "meet_time".into(),
            plan.meet_at
                .map(|t| calendar::to_london(t).format("%H:%M").to_string())
                .unwrap_or_default(),
        ),
        (
            "meet_place".into(),
            plan.meet_place.clone().unwrap_or_default(),
        ),
        (
            "avoid_family".into(),
            plan.avoid_family.clone().unwrap_or_default(),
        ),
        (
            "agreed".into(),
            if plan.agreed { "yes" } else { "no" }.into(),
        ),
        (
            "agreed_on".into(),
            plan.agreed_at
                .map(|t| calendar::london_date(t).to_string())
                .unwrap_or_default(),
        ),
        (
            "agreed_with".into(),
            plan.agreed_with.clone().unwrap_or_default(),
        ),
        (
            "may_email".into(),
            if plan.may_email { "yes" } else { "no" }.into(),
        ),
    ];
    let basis = match (plan.basis.as_deref(), plan.consent_id.as_deref()) {
        (Some(safety_plans::SPOC_BASIS), _) => SPOC.to_string(),
        (_, Some(id)) => id.to_string(),
        _ => NOBODY.to_string(),
    };
    v.push(("basis".into(), basis));
    FormData(v)
}

fn defaults() -> FormData {
    FormData(vec![
        ("agreed".into(), "no".into()),
        ("basis".into(), NOBODY.into()),
        ("may_email".into(), "no".into()),
    ])
}

/// The plan as sentences, in the page's language, for its page and the
/// week.
pub fn summary_in(lang: Lang, plan: &SafetyPlanOut) -> Vec<(String, String)> {
    let mut rows = vec![
        (text(lang, "safety-plan-entrance"), plan.entrance.clone()),
        (text(lang, "safety-plan-exit"), plan.exit.clone()),
        (
            text(lang, "safety-plan-waits-in"),
            plan.waiting_area.clone(),
        ),
    ];
    if let Some(who) = &plan.met_by {
        let mut met = who.clone();
        if let Some(at) = plan.meet_at {
            met = text_with(
                lang,
                "safety-plan-met-at",
                &[("who", met), ("time", i18n::clock(lang, at))],
            );
        }
        if let Some(place) = &plan.meet_place {
            met = format!("{met}, {place}");
        }
        rows.push((text(lang, "safety-plan-met-by"), met));
    }
    if let Some(avoid) = &plan.avoid_family {
        rows.push((text(lang, "safety-plan-avoid"), avoid.clone()));
    }
    rows.push((
        text(lang, "safety-plan-agreed-with-ws"),
        agreed_text(lang, plan),
    ));
    rows
}

fn agreed_text(lang: Lang, plan: &SafetyPlanOut) -> String {
    match plan.agreed_at {
        None => text(lang, "safety-plan-not-yet"),
        Some(at) => {
            let on = i18n::day(lang, calendar::london_date(at));
            match (&plan.agreed_with, plan.agreed_by_witness_service) {
                (Some(who), true) => text_with(
                    lang,
                    "safety-plan-marked-agreed-by",
                    &[("who", who.clone()), ("on", on)],
                ),
                (Some(who), false) => text_with(
                    lang,
                    "safety-plan-agreed-with-on",
                    &[("who", who.clone()), ("on", on)],
                ),
                (None, _) => text_with(lang, "safety-plan-agreed-on", &[("on", on)]),
            }
        }
    }
}

fn who_reads(lang: Lang, plan: &SafetyPlanOut) -> String {
    text(
        lang,
        match plan.basis.as_deref() {
            Some(safety_plans::SPOC_BASIS) => "safety-plan-reads-spoc",
            Some(_) => "safety-plan-reads-consent",
            None => "safety-plan-reads-nobody",
        },
    )
}

fn rows_json(lang: Lang, plan: &SafetyPlanOut) -> Vec<Value> {
    summary_in(lang, plan)
        .into_iter()
        .map(|(k, v)| json!({"key": k, "value": v}))
        .collect()
}

#[derive(Deserialize)]
struct Done {
    done: Option<String>,
}

fn done_message(lang: Lang, key: &str) -> Option<String> {
    let key = match key {
        "saved" => "safety-plan-done-saved",
        "withdrawn" => "safety-plan-done-withdrawn",
        "agreed" => "safety-plan-done-agreed",
        _ => return None,
    };
    Some(text(lang, key))
}

fn hearing_caption(lang: Lang, h: &HearingOut, look: &Lookup) -> String {
    text_with(
        lang,
        "safety-plan-caption",
        &[
            ("hearing", labels::hearing_kind_in(lang, h.kind)),
            ("court", look.court(&h.court_id)),
            ("when", i18n::long(lang, h.starts_at)),
        ],
    )
}

/// Draws the supporter's page: the plan in force, and the form with what
/// was posted (or the plan) and its problems.
async fn draw_supporter(
    state: &web::Data<AppState>,
    s: &Session,
    id: String,
    values: Option<FormData>,
    problems: Problems,
    done: Option<String>,
) -> PageResult {
    let lang = s.lang;
    let (h, look, plan, consents) = with_conn(state, s, move |conn, ctx| {
        let h = read::<Hearings>(conn, ctx, &id)?;
        let plan = safety_plans::find(conn, ctx, &id)?;
        let look = Lookup::for_case(conn, ctx, &h.case_id)?;
        let victim_id: String = read::<crate::resources::Cases>(conn, ctx, &h.case_id)?.victim_id;
        let consents = court_needs::consent_choices(conn, ctx, &victim_id)?;
        Ok((h, look, plan, consents))
    })
    .await?;
    let values = values.unwrap_or_else(|| plan.as_ref().map(values_of).unwrap_or_else(defaults));
    let status = if problems.is_empty() {
        actix_web::http::StatusCode::OK
    } else {
        actix_web::http::StatusCode::UNPROCESSABLE_ENTITY
    };
    let mut data = page(
        s,
        &text(lang, "safety-plan-title"),
        "cases",
        json!({
            "caption": hearing_caption(lang, &h, &look),
            "back": format!("/cases/{}#hearing-{}", h.case_id, h.id),
            "action": format!("/hearings/{}/safety-plan", h.id),
            "withdraw": plan.as_ref().map(|_| format!("/hearings/{}/safety-plan/withdraw", h.id)),
            "version": plan.as_ref().map(|p| p.version),
            "plan": plan.as_ref().map(|p| rows_json(lang, p)),
            "who_reads": plan.as_ref().map(|p| who_reads(lang, p)),
            "may_email": plan.as_ref().map(|p| p.may_email),
            "form": true,
            "agree": Value::Null,
            "form_heading": text(lang, if plan.is_some() { "safety-plan-change" } else { "safety-plan-record" }),
            "submit": text(lang, "safety-plan-save"),
            "done": done,
            "fields": fill_all(fields(lang, &consents), &values, &problems),
            "errors": problems.to_json(),
        }),
    );
    data["layout"]["error"] = json!(!problems.is_empty());
    render_status(status, "safety_plan", &data)
}

/// Draws the Witness Service's page: the plan, and a button to mark it
/// agreed.
async fn draw_service(
    state: &web::Data<AppState>,
    s: &Session,
    id: String,
    done: Option<String>,
) -> PageResult {
    let lang = s.lang;
    let seen = with_conn(state, s, {
        let id = id.clone();
        move |conn, ctx| safety_plans::service_plan(conn, ctx, &id)
    })
    .await?;
    let plan = &seen.plan;
    let kind = crate::domain::HearingKind::from_db(&seen.hearing_kind)
        .map(|k| labels::hearing_kind_in(lang, k))
        .unwrap_or_else(|_| text(lang, "attendance-hearing"));
    let mut caption = format!("{kind}, {}", i18n::long(lang, seen.starts_at));
    if let Some(room) = &seen.courtroom {
        caption = format!("{caption}, {room}");
    }
    let data = page(
        s,
        &text(lang, "safety-plan-title"),
        "week",
        json!({
            "caption": text_with(
                lang,
                "attendance-case-victim",
                &[("case", caption), ("victim", seen.victim_reference.clone())],
            ),
            "back": "/week",
            "plan": rows_json(lang, plan),
            "who_reads": Value::Null,
            "may_email": Value::Null,
            "agree": (!plan.agreed && can(s, ResourceKind::SafetyPlanAgreement, Action::Create))
                .then(|| format!("/hearings/{id}/safety-plan/agree")),
            "form": false,
            "action": Value::Null,
            "withdraw": Value::Null,
            "version": Value::Null,
            "form_heading": Value::Null,
            "submit": Value::Null,
            "fields": Value::Null,
            "done": done,
            "errors": Problems::new().to_json(),
        }),
    );
    render_status(actix_web::http::StatusCode::OK, "safety_plan", &data)
}

async fn show(
    state: web::Data<AppState>,
    s: Session,
    id: web::Path<String>,
    q: web::Query<Done>,
) -> PageResult {
    require_read(&s)?;
    let done = q.done.as_deref().and_then(|d| done_message(s.lang, d));
    if s.role() == Role::WitnessServiceStaff {
        return draw_service(&state, &s, id.into_inner(), done).await;
    }
    draw_supporter(&state, &s, id.into_inner(), None, Problems::new(), done).await
}

/// The form's answers as the API's input, with the problems only the form
/// can have (a time that is not a time, a date that is not a date).
fn input_of(
    lang: Lang,
    form: &FormData,
    hearing: &HearingOut,
    stored: Option<&SafetyPlanOut>,
    problems: &mut Problems,
) -> SafetyPlanInput {
    let text = |name: &str| form.text(name).map(|v| v.trim().to_string());
    let meet_at = match text("meet_time").filter(|t| !t.is_empty()) {
        None => None,
        Some(t) => match parse_time(&t) {
            None => {
                problems.add("meet_time", i18n::text(lang, "safety-plan-error-meet-time"));
                None
            }
            Some(time) => {
                let date = match text("meet_date").filter(|d| !d.is_empty()) {
                    None => Some(calendar::london_date(hearing.starts_at)),
                    Some(_) => date_in(
                        lang,
                        form,
                        "meet_date",
                        &DateWords {
                            missing: "safety-plan-error-meet-date-invalid",
                            part: "safety-plan-error-meet-date-part",
                            invalid: "safety-plan-error-meet-date-invalid",
                        },
                        problems,
                    ),
                };
                date.and_then(|date| {
                    london_instant(date, time, "meet_time", problems).map(|(_, text)| text)
                })
            }
        },
    };
    let agreed = form.get("agreed") == Some("yes");
    let agreed_at = if !agreed {
        None
    } else {
        match text("agreed_on").filter(|t| !t.is_empty()) {
            None => {
                problems.add(
                    "agreed_on",
                    i18n::text(lang, "safety-plan-error-agreed-missing"),
                );
                None
            }
            Some(_) => match date_in(
                lang,
                form,
                "agreed_on",
                &DateWords {
                    missing: "safety-plan-error-agreed-missing",
                    part: "safety-plan-error-agreed-part",
                    invalid: "safety-plan-error-agreed-invalid",
                },
                problems,
            ) {
                None => None,
                // The stored agreement, unchanged, keeps its instant.
                Some(date) => match stored.and_then(|p| p.agreed_at) {
                    Some(at) if calendar::london_date(at) == date => Some(at.to_rfc3339()),
                    _ => Some(
                        calendar::to_london(calendar::local_to_utc(date, NaiveTime::MIN))
                            .to_rfc3339(),
                    ),
                },
            },
        }
    };
    let basis = form.get("basis").unwrap_or(NOBODY);
    SafetyPlanInput {
        entrance: text("entrance").unwrap_or_default(),
        exit: text("exit").unwrap_or_default(),
        waiting_area: text("waiting_area").unwrap_or_default(),
        met_by: text("met_by").filter(|v| !v.is_empty()),
        meet_at,
        meet_place: text("meet_place").filter(|v| !v.is_empty()),
        avoid_family: text("avoid_family").filter(|v| !v.is_empty()),
        agreed_at,
        agreed_with: if agreed {
            text("agreed_with").filter(|v| !v.is_empty())
        } else {
            None
        },
        may_email: form.get("may_email") == Some("yes"),
        consent_id: (basis != NOBODY && basis != SPOC && !basis.is_empty())
            .then(|| basis.to_string()),
        spoc_agreement: basis == SPOC,
    }
}

async fn save(state: web::Data<AppState>, posted: Posted, id: web::Path<String>) -> PageResult {
    let Posted { session: s, form } = posted;
    super::require(&s, ResourceKind::SafetyPlan, Action::Update, "safety plan")?;
    let id = id.into_inner();
    let version = form.text("version").and_then(|v| v.parse::<i32>().ok());
    let (hearing, stored) = with_conn(&state, &s, {
        let id = id.clone();
        move |conn, ctx| {
            let h = read::<Hearings>(conn, ctx, &id)?;
            let plan = safety_plans::find(conn, ctx, &id)?;
            Ok((h, plan))
        }
    })
    .await?;
    let lang = s.lang;
    let mut problems = Problems::new();
    let input = input_of(lang, &form, &hearing, stored.as_ref(), &mut problems);
    if !problems.is_empty() {
        return draw_supporter(&state, &s, id, Some(form), problems, None).await;
    }
    if stored.is_some() && version.is_none() {
        posted_version(&form)?;
    }
    let hearing_id = id.clone();
    let outcome = with_conn(&state, &s, move |conn, ctx| {
        let done = match version {
            Some(v) => safety_plans::update(conn, ctx, &hearing_id, v, &input),
            None => safety_plans::record(conn, ctx, &hearing_id, &input),
        };
        match done {
            Ok(p) => Ok(Ok(p)),
            Err(AppError::Validation(errors)) => Ok(Err(Problems::from_api(&errors, place))),
            Err(AppError::StaleVersion { .. }) => {
                let mut p = Problems::new();
                p.add("entrance", text(lang, "safety-plan-stale"));
                Ok(Err(p))
            }
            Err(AppError::Conflict(message)) => {
                let mut p = Problems::new();
                p.add("entrance", sentence(&message));
                Ok(Err(p))
            }
            Err(other) => Err(other),
        }
    })
    .await?;
    match outcome {
        Ok(plan) => {
            tracing::info!(plan_id = %plan.id, "safety plan saved from the pages");
            Ok(see_other(&format!("/hearings/{id}/safety-plan?done=saved")))
        }
        Err(problems) => draw_supporter(&state, &s, id, Some(form), problems, None).await,
    }
}

/// A message from a use case as a sentence (capitalised).
pub(super) fn sentence(message: &str) -> String {
    let mut chars = message.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// Asks before a plan is withdrawn, saying what stops.
async fn confirm_withdraw(
    state: web::Data<AppState>,
    s: Session,
    id: web::Path<String>,
) -> PageResult {
    super::require(&s, ResourceKind::SafetyPlan, Action::Update, "safety plan")?;
    let id = id.into_inner();
    let hearing = id.clone();
    let (h, look, plan) = with_conn(&state, &s, move |conn, ctx| {
        let h = read::<Hearings>(conn, ctx, &hearing)?;
        let plan = safety_plans::find(conn, ctx, &hearing)?;
        let look = Lookup::for_case(conn, ctx, &h.case_id)?;
        Ok((h, look, plan))
    })
    .await?;
    let back = format!("/hearings/{id}/safety-plan");
    if plan.is_none() {
        return Ok(see_other(&back));
    }
    let lang = s.lang;
    let title = text(lang, "safety-plan-withdraw-title");
    render_status(
        actix_web::http::StatusCode::OK,
        "form",
        &page(
            &s,
            &title,
            "cases",
            json!({
                "heading": title,
                "caption": hearing_caption(lang, &h, &look),
                "back": back,
                "intro": [
                    text(lang, "safety-plan-withdraw-intro"),
                    text(lang, "safety-plan-withdraw-kept"),
                ],
                "warning": text(lang, "safety-plan-withdraw-warning"),
                "action": format!("/hearings/{id}/safety-plan/withdraw"),
                "submit": text(lang, "safety-plan-withdraw-submit"),
                "hidden": [],
                "fields": [],
            }),
        ),
    )
}

async fn withdraw(state: web::Data<AppState>, posted: Posted, id: web::Path<String>) -> PageResult {
    let Posted { session: s, .. } = posted;
    super::require(&s, ResourceKind::SafetyPlan, Action::Update, "safety plan")?;
    let id = id.into_inner();
    let hearing = id.clone();
    with_conn(&state, &s, move |conn, ctx| {
        safety_plans::withdraw(conn, ctx, &hearing)
    })
    .await?;
    Ok(see_other(&format!(
        "/hearings/{id}/safety-plan?done=withdrawn"
    )))
}

async fn agree(state: web::Data<AppState>, posted: Posted, id: web::Path<String>) -> PageResult {
    let Posted { session: s, .. } = posted;
    super::require(
        &s,
        ResourceKind::SafetyPlanAgreement,
        Action::Create,
        "safety plan agreement",
    )?;
    let id = id.into_inner();
    let hearing = id.clone();
    with_conn(&state, &s, move |conn, ctx| {
        safety_plans::agree(conn, ctx, &hearing)
    })
    .await?;
    Ok(see_other(&format!(
        "/hearings/{id}/safety-plan?done=agreed"
    )))
}

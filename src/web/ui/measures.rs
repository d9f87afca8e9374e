//! Witness care officers record a special-measures discussion with the
//! victim: when, where, which measures, and whether the supporter was
//! there (if not, the supporter is to be told it took place).

use actix_web::web;

use crate::calendar;
use crate::domain::{DiscussionSetting, SpecialMeasure};
use crate::error::{AppError, AppResult};
use crate::policy::{Action, ResourceKind};
use crate::resources::{
    CaseOut, Cases, SpecialMeasuresDiscussionInput, SpecialMeasuresDiscussions,
    SupporterAssignments,
};
use crate::store::AnyConn;
use crate::web::api::resource::Ctx;
use crate::web::AppState;

use super::fields::{Field, FormPage};
use super::form_words::{
    case_caption, date_field, date_in, options_in, time_field, time_in, yes_no, DateWords,
};
use super::forms::{london_instant, required_choice, FormData, Problems};
use super::i18n::{text, Lang};
use super::lookup::case_reference;
use super::session::{Posted, Session};
use super::{labels, list_all, read, render_form, require_to, see_other, with_conn, PageResult};

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.route("/cases/{id}/special-measures/new", web::get().to(new_page))
        .route("/cases/{id}/special-measures/new", web::post().to(new_post));
}

/// The case, and the supporter currently assigned to its victim (if any).
fn load(conn: &mut AnyConn, ctx: &Ctx, id: &str) -> AppResult<(CaseOut, Option<String>)> {
    let case = read::<Cases>(conn, ctx, id)?;
    let supporter = list_all::<SupporterAssignments>(
        conn,
        ctx,
        serde_json::json!({"victim_id": case.victim_id}),
    )?
    .into_iter()
    .find(|a| a.current)
    .map(|a| a.supporter_id);
    Ok((case, supporter))
}

fn form_page(lang: Lang, case: &CaseOut, has_supporter: bool) -> FormPage {
    let settings: Vec<(String, String)> = DiscussionSetting::ALL
        .iter()
        .map(|v| {
            (
                v.as_str().to_owned(),
                labels::discussion_setting_in(lang, *v),
            )
        })
        .collect();
    let measures = options_in(
        lang,
        SpecialMeasure::ALL,
        SpecialMeasure::as_str,
        labels::special_measure_in,
    );
    let mut fields = vec![
        date_field(lang, "held_on", &text(lang, "measures-date")),
        time_field(lang, "held_time", &text(lang, "measures-time")),
        Field::radios("setting", &text(lang, "measures-where"), &settings),
        Field::checkboxes("measures", &text(lang, "measures-which"), &measures)
            .hint(&text(lang, "hearings-select-all")),
    ];
    if has_supporter {
        fields.push(
            Field::radios(
                "supporter_present",
                &text(lang, "measures-supporter-present"),
                &yes_no(lang, ["measures-present-yes", "measures-present-no"]),
            )
            .choice_hint("no", &text(lang, "measures-supporter-told")),
        );
    }
    FormPage {
        title: text(lang, "measures-title"),
        caption: case_caption(lang, case_reference(case)),
        heading: text(lang, "measures-title"),
        intro: vec![text(lang, "measures-intro")],
        action: format!("/cases/{}/special-measures/new", case.id),
        back: format!("/cases/{}", case.id),
        submit: text(lang, "measures-submit"),
        fields,
        ..FormPage::default()
    }
}

fn place(field: &str) -> (&'static str, &'static str) {
    match field {
        "held_at" => ("held_on", "The date and time"),
        "setting" => ("setting", "Where it took place"),
        "supporter_id" | "supporter_present" => ("supporter_present", "The supporter"),
        f if f.starts_with("measures") => ("measures", "The measures"),
        _ => ("held_on", ""),
    }
}

const RECORD: crate::app::Check = (
    ResourceKind::SpecialMeasuresDiscussion,
    Action::Create,
    "special measures discussion",
);

async fn new_page(state: web::Data<AppState>, s: Session, id: web::Path<String>) -> PageResult {
    require_to(&s, RECORD)?;
    let id = id.into_inner();
    let (case, supporter) = with_conn(&state, &s, move |conn, ctx| load(conn, ctx, &id)).await?;
    let today = calendar::london_date(state.clock.now());
    let defaults = FormData(vec![("held_on".into(), today.to_string())]);
    render_form(
        &s,
        "cases",
        form_page(s.lang, &case, supporter.is_some()),
        &defaults,
        &Problems::new(),
    )
}

async fn new_post(state: web::Data<AppState>, posted: Posted, id: web::Path<String>) -> PageResult {
    let Posted { session: s, form } = posted;
    require_to(&s, RECORD)?;
    let id = id.into_inner();
    let lang = s.lang;
    let mut problems = Problems::new();
    let date = date_in(
        lang,
        &form,
        "held_on",
        &DateWords {
            missing: "measures-error-date-missing",
            part: "measures-error-date-part",
            invalid: "measures-error-date-invalid",
        },
        &mut problems,
    );
    let time = time_in(
        lang,
        &form,
        "held_time",
        ["measures-error-time-missing", "measures-error-time-invalid"],
        &mut problems,
    );
    let setting = required_choice(
        &form,
        "setting",
        &text(lang, "measures-error-setting"),
        DiscussionSetting::parse,
        &mut problems,
    );
    let measures: Vec<SpecialMeasure> = form
        .all("measures")
        .iter()
        .filter_map(|m| SpecialMeasure::parse(m))
        .collect();
    if measures.is_empty() {
        problems.add("measures", text(lang, "measures-error-measures"));
    }
    let present = form.text("supporter_present");
    let outcome = with_conn(&state, &s, move |conn, ctx| {
        let (case, supporter) = load(conn, ctx, &id)?;
        if supporter.is_some() && present.is_none() {
            problems.add("supporter_present", text(lang, "measures-error-supporter"));
        }
        let (Some(date), Some(time), Some(setting)) = (date, time, setting) else {
            return Ok(Err((case, supporter.is_some(), problems)));
        };
        let held_at = london_instant(date, time, "held_time", &mut problems);
        let Some((_, held_at)) = held_at.filter(|_| problems.is_empty()) else {
            return Ok(Err((case, supporter.is_some(), problems)));
        };
        let input = SpecialMeasuresDiscussionInput {
            case_id: case.id.clone(),
            held_at,
            setting,
            measures,
            supporter_present: supporter.is_some() && present.as_deref() == Some("yes"),
            supporter_id: supporter.clone(),
        };
        match super::create::<SpecialMeasuresDiscussions>(conn, ctx, input) {
            Ok(_) => Ok(Ok(case)),
            Err(AppError::Validation(errors)) => Ok(Err((
                case,
                supporter.is_some(),
                Problems::from_api(&errors, place),
            ))),
            Err(other) => Err(other),
        }
    })
    .await?;
    match outcome {
        Ok(case) => Ok(see_other(&format!(
            "/cases/{}?done=discussion-recorded",
            case.id
        ))),
        Err((case, has_supporter, problems)) => render_form(
            &s,
            "cases",
            form_page(lang, &case, has_supporter),
            &form,
            &problems,
        ),
    }
}

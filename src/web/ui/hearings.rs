//! Witness care officers add a hearing to a case, and move one (a new
//! date, time, court or courtroom). Both go through the Hearings resource,
//! which plans who must be told.

use actix_web::web;
use chrono::{NaiveDate, NaiveTime};

use crate::domain::{HearingKind, HearingStatus};
use crate::error::AppError;
use crate::policy::{Action, ResourceKind};
use crate::resources::{CaseOut, Cases, HearingInput, HearingOut, Hearings};
use crate::web::AppState;

use super::cases::minutes_text_in;
use super::fields::{Field, FormPage};
use super::form_words::{case_caption, date_field, date_in, time_field, time_in, DateWords};
use super::forms::{london_instant, required_choice, FormData, Problems};
use super::i18n::{self, text, Lang};
use super::lookup::{case_reference, Lookup};
use super::session::{Posted, Session};
use super::{
    labels, posted_update, read, render_form, require, see_other, update, with_conn, PageResult,
};

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.route("/cases/{id}/hearings/new", web::get().to(add_page))
        .route("/cases/{id}/hearings/new", web::post().to(add_post))
        .route("/hearings/{id}/move", web::get().to(move_page))
        .route("/hearings/{id}/move", web::post().to(move_post));
}

/// Where the API's fields land on these forms.
fn place(field: &str) -> (&'static str, &'static str) {
    match field {
        "kind" => ("kind", "The kind of hearing"),
        "court_id" => ("court_id", "The court"),
        "courtroom" => ("courtroom", "The courtroom"),
        "starts_at" => ("date", "The start"),
        "estimated_minutes" => ("estimated_minutes", "The expected length"),
        "victim_attends" | "victim_gives_evidence" | "live_link" => {
            ("victim", "The victim's attendance")
        }
        _ => ("date", ""),
    }
}

fn court_options(lang: Lang, look: &Lookup) -> Vec<(String, String)> {
    let mut options = vec![(String::new(), text(lang, "visits-choose-a-court"))];
    options.extend(look.courts_sorted());
    options
}

fn victim_options(lang: Lang) -> Vec<(String, String)> {
    vec![
        ("attends".into(), text(lang, "case-victim-attends")),
        (
            "gives_evidence".into(),
            text(lang, "case-victim-gives-evidence"),
        ),
        (
            "live_link".into(),
            text(lang, "case-victim-gives-evidence-live-link"),
        ),
    ]
}

fn place_fields(lang: Lang, look: &Lookup) -> Vec<Field> {
    vec![
        date_field(lang, "date", &text(lang, "visits-date")),
        time_field(lang, "time", &text(lang, "visits-start-time")),
        Field::select(
            "court_id",
            &text(lang, "visits-court"),
            &court_options(lang, look),
        ),
        Field::text("courtroom", &text(lang, "hearings-courtroom"))
            .hint(&text(lang, "hearings-courtroom-hint")),
        Field::number("estimated_minutes", &text(lang, "hearings-length"))
            .hint(&text(lang, "hearings-length-hint")),
    ]
}

/// What was typed about time and place, checked.
struct Placed {
    starts_at: String,
    court_id: String,
    courtroom: Option<String>,
    estimated_minutes: i32,
}

fn read_place(lang: Lang, form: &FormData, problems: &mut Problems) -> Option<Placed> {
    let date: Option<NaiveDate> = date_in(
        lang,
        form,
        "date",
        &DateWords {
            missing: "hearings-error-date-missing",
            part: "hearings-error-date-part",
            invalid: "hearings-error-date-invalid",
        },
        problems,
    );
    let time: Option<NaiveTime> = time_in(
        lang,
        form,
        "time",
        ["visits-error-time-missing", "visits-error-time-invalid"],
        problems,
    );
    let court = form.text("court_id");
    if court.is_none() {
        problems.add("court_id", text(lang, "visits-error-court"));
    }
    let minutes = match form.text("estimated_minutes") {
        None => {
            problems.add(
                "estimated_minutes",
                text(lang, "hearings-error-length-missing"),
            );
            None
        }
        Some(m) => {
            let n = m.parse::<i32>().ok().filter(|n| *n > 0);
            if n.is_none() {
                problems.add(
                    "estimated_minutes",
                    text(lang, "hearings-error-length-invalid"),
                );
            }
            n
        }
    };
    let (date, time, court_id, estimated_minutes) = (date?, time?, court?, minutes?);
    let (_, starts_at) = london_instant(date, time, "time", problems)?;
    Some(Placed {
        starts_at,
        court_id,
        courtroom: form.text("courtroom"),
        estimated_minutes,
    })
}

fn add_form(lang: Lang, case: &CaseOut, look: &Lookup) -> FormPage {
    let kinds: Vec<(String, String)> = HearingKind::ALL
        .iter()
        .filter(|k| k.fits(case.kind))
        .map(|k| (k.as_str().to_string(), labels::hearing_kind_in(lang, *k)))
        .collect();
    let mut fields = vec![Field::radios(
        "kind",
        &text(lang, "hearings-kind-question"),
        &kinds,
    )];
    fields.extend(place_fields(lang, look));
    fields.push(
        Field::checkboxes(
            "victim",
            &text(lang, "hearings-victim-at"),
            &victim_options(lang),
        )
        .hint(&text(lang, "hearings-select-all")),
    );
    FormPage {
        title: text(lang, "hearings-add-title"),
        caption: case_caption(lang, case_reference(case)),
        heading: text(lang, "hearings-add-title"),
        intro: vec![text(lang, "hearings-add-intro")],
        action: format!("/cases/{}/hearings/new", case.id),
        back: format!("/cases/{}", case.id),
        submit: text(lang, "hearings-add-submit"),
        fields,
        ..FormPage::default()
    }
}

async fn add_page(state: web::Data<AppState>, s: Session, id: web::Path<String>) -> PageResult {
    require(&s, ResourceKind::Hearing, Action::Create, "hearing")?;
    let id = id.into_inner();
    let (case, look) = with_conn(&state, &s, move |conn, ctx| {
        Ok((
            read::<Cases>(conn, ctx, &id)?,
            Lookup::for_case(conn, ctx, &id)?,
        ))
    })
    .await?;
    let defaults = FormData(vec![
        ("court_id".into(), case.court_id.clone().unwrap_or_default()),
        ("estimated_minutes".into(), "60".into()),
    ]);
    render_form(
        &s,
        "cases",
        add_form(s.lang, &case, &look),
        &defaults,
        &Problems::new(),
    )
}

async fn add_post(state: web::Data<AppState>, posted: Posted, id: web::Path<String>) -> PageResult {
    let Posted { session: s, form } = posted;
    require(&s, ResourceKind::Hearing, Action::Create, "hearing")?;
    let id = id.into_inner();
    let lang = s.lang;
    let mut problems = Problems::new();
    let kind = required_choice(
        &form,
        "kind",
        &text(lang, "hearings-error-kind"),
        HearingKind::parse,
        &mut problems,
    );
    let placed = read_place(lang, &form, &mut problems);
    let victim = form.all("victim");
    let case_id = id.clone();
    let outcome = with_conn(&state, &s, move |conn, ctx| {
        let case = read::<Cases>(conn, ctx, &case_id)?;
        let look = Lookup::for_case(conn, ctx, &case.id)?;
        let (Some(kind), Some(p)) = (kind, placed) else {
            return Ok(Err((case, look, problems)));
        };
        let input = HearingInput {
            case_id: case_id.clone(),
            kind,
            status: HearingStatus::Listed,
            court_id: p.court_id,
            courtroom: p.courtroom,
            starts_at: p.starts_at,
            estimated_minutes: p.estimated_minutes,
            victim_attends: victim.iter().any(|v| v == "attends"),
            victim_gives_evidence: victim.iter().any(|v| v == "gives_evidence"),
            live_link: victim.iter().any(|v| v == "live_link"),
            outcome: None,
            result: None,
        };
        match super::create::<Hearings>(conn, ctx, input) {
            Ok(h) => Ok(Ok(h)),
            Err(AppError::Validation(errors)) => {
                Ok(Err((case, look, Problems::from_api(&errors, place))))
            }
            Err(other) => Err(other),
        }
    })
    .await?;
    match outcome {
        Ok(h) => {
            tracing::info!(hearing_id = %h.id, "hearing added from the pages");
            Ok(see_other(&format!(
                "/cases/{}?done=hearing-added#hearing-{}",
                h.case_id, h.id
            )))
        }
        Err((case, look, problems)) => {
            render_form(&s, "cases", add_form(lang, &case, &look), &form, &problems)
        }
    }
}

pub(super) fn hearing_facts_in(lang: Lang, h: &HearingOut, look: &Lookup) -> Vec<(String, String)> {
    let mut place = look.court(&h.court_id);
    if let Some(room) = &h.courtroom {
        place = format!("{place}, {room}");
    }
    vec![
        (
            text(lang, "attendance-hearing"),
            labels::hearing_kind_in(lang, h.kind),
        ),
        (
            text(lang, "attendance-starts"),
            i18n::long(lang, h.starts_at),
        ),
        (text(lang, "attendance-where"), place),
        (
            text(lang, "hearings-expected-length"),
            minutes_text_in(lang, h.estimated_minutes),
        ),
        (
            text(lang, "case-status"),
            labels::hearing_status_in(lang, h.status),
        ),
    ]
}

fn move_form(lang: Lang, h: &HearingOut, look: &Lookup, version: i32) -> FormPage {
    FormPage {
        title: text(lang, "hearings-move-title"),
        caption: case_caption(lang, look.case_ref(&h.case_id)),
        heading: text(lang, "case-move-this-hearing"),
        intro: vec![text(lang, "hearings-move-intro")],
        facts: hearing_facts_in(lang, h, look),
        action: format!("/hearings/{}/move", h.id),
        back: format!("/cases/{}", h.case_id),
        submit: text(lang, "hearings-move-submit"),
        hidden: vec![("version".into(), version.to_string())],
        fields: place_fields(lang, look),
        ..FormPage::default()
    }
}

fn current_values(h: &HearingOut) -> FormData {
    let local = crate::calendar::to_london(h.starts_at);
    FormData(vec![
        ("date".into(), local.format("%Y-%m-%d").to_string()),
        ("time".into(), local.format("%H:%M").to_string()),
        ("court_id".into(), h.court_id.clone()),
        ("courtroom".into(), h.courtroom.clone().unwrap_or_default()),
        ("estimated_minutes".into(), h.estimated_minutes.to_string()),
    ])
}

async fn move_page(state: web::Data<AppState>, s: Session, id: web::Path<String>) -> PageResult {
    require(&s, ResourceKind::Hearing, Action::Update, "hearing")?;
    let id = id.into_inner();
    let (h, look) = with_conn(&state, &s, move |conn, ctx| {
        let h = read::<Hearings>(conn, ctx, &id)?;
        let look = Lookup::for_case(conn, ctx, &h.case_id)?;
        Ok((h, look))
    })
    .await?;
    if !h.status.is_upcoming() {
        return Err(AppError::Conflict(text(s.lang, "hearings-not-movable")).into());
    }
    let version = h.version;
    render_form(
        &s,
        "cases",
        move_form(s.lang, &h, &look, version),
        &current_values(&h),
        &Problems::new(),
    )
}

enum Moved {
    Done(HearingOut),
    Problems(HearingOut, Lookup, Problems),
    Stale(HearingOut, Lookup),
}

async fn move_post(
    state: web::Data<AppState>,
    posted: Posted,
    id: web::Path<String>,
) -> PageResult {
    let (s, form, version) = posted_update(posted, ResourceKind::Hearing, "hearing")?;
    let id = id.into_inner();
    let lang = s.lang;
    let mut problems = Problems::new();
    let placed = read_place(lang, &form, &mut problems);
    let outcome = with_conn(&state, &s, move |conn, ctx| {
        let current = read::<Hearings>(conn, ctx, &id)?;
        let look = Lookup::for_case(conn, ctx, &current.case_id)?;
        let Some(p) = placed else {
            return Ok(Moved::Problems(current, look, problems));
        };
        if current.version != version {
            return Ok(Moved::Stale(current, look));
        }
        let new_start = chrono::DateTime::parse_from_rfc3339(&p.starts_at)
            .map(|t| t.with_timezone(&chrono::Utc))
            .ok();
        let moved = new_start != Some(current.starts_at) || p.court_id != current.court_id;
        if !moved
            && p.courtroom == current.courtroom
            && p.estimated_minutes == current.estimated_minutes
        {
            let mut problems = Problems::new();
            problems.add("date", text(lang, "hearings-error-nothing-changed"));
            return Ok(Moved::Problems(current, look, problems));
        }
        let input = HearingInput {
            case_id: current.case_id.clone(),
            kind: current.kind,
            status: if moved {
                HearingStatus::Moved
            } else {
                current.status
            },
            court_id: p.court_id,
            courtroom: p.courtroom,
            starts_at: p.starts_at,
            estimated_minutes: p.estimated_minutes,
            victim_attends: current.victim_attends,
            victim_gives_evidence: current.victim_gives_evidence,
            live_link: current.live_link,
            outcome: current.outcome.clone(),
            result: current.result.clone(),
        };
        match update::<Hearings>(conn, ctx, &id, version, input) {
            Ok(h) => Ok(Moved::Done(h)),
            Err(AppError::StaleVersion { .. }) => {
                let now = read::<Hearings>(conn, ctx, &id)?;
                Ok(Moved::Stale(now, look))
            }
            Err(AppError::Validation(errors)) => Ok(Moved::Problems(
                current,
                look,
                Problems::from_api(&errors, place),
            )),
            Err(other) => Err(other),
        }
    })
    .await?;
    match outcome {
        Moved::Done(h) => {
            tracing::info!(hearing_id = %h.id, version = h.version, "hearing moved from the pages");
            Ok(see_other(&format!(
                "/cases/{}?done=hearing-moved#hearing-{}",
                h.case_id, h.id
            )))
        }
        Moved::Problems(h, look, problems) => render_form(
            &s,
            "cases",
            move_form(lang, &h, &look, version),
            &form,
            &problems,
        ),
        Moved::Stale(h, look) => {
            // Show what is stored now; keep what was typed; the next save
            // changes the current version.
            let mut page = move_form(lang, &h, &look, h.version);
            page.stale = Some((text(lang, "hearings-what"), std::mem::take(&mut page.facts)));
            let mut problems = Problems::new();
            problems.add("date", text(lang, "hearings-stale"));
            render_form(&s, "cases", page, &form, &problems)
        }
    }
}

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

use super::cases::minutes_text;
use super::fields::{Field, FormPage};
use super::forms::{
    london_instant, required_choice, required_date, required_time, FormData, Problems,
};
use super::lookup::{case_reference, long, Lookup};
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

fn court_options(look: &Lookup) -> Vec<(String, String)> {
    let mut options = vec![(String::new(), "Choose a court".to_string())];
    options.extend(look.courts_sorted());
    options
}

fn victim_options() -> Vec<(String, String)> {
    vec![
        ("attends".into(), "The victim attends".into()),
        ("gives_evidence".into(), "The victim gives evidence".into()),
        (
            "live_link".into(),
            "The victim gives evidence by live link".into(),
        ),
    ]
}

fn place_fields(look: &Lookup) -> Vec<Field> {
    vec![
        Field::date("date", "Date"),
        Field::time("time", "Start time"),
        Field::select("court_id", "Court", &court_options(look)),
        Field::text("courtroom", "Courtroom (optional)").hint("For example, Court 4"),
        Field::number("estimated_minutes", "Expected length, in minutes").hint(
            "For a hearing over several days, the total court time: 6 hours (360 minutes) a day",
        ),
    ]
}

/// What was typed about time and place, checked.
struct Placed {
    starts_at: String,
    court_id: String,
    courtroom: Option<String>,
    estimated_minutes: i32,
}

fn read_place(form: &FormData, problems: &mut Problems) -> Option<Placed> {
    let date: Option<NaiveDate> = required_date(form, "date", "the date of the hearing", problems);
    let time: Option<NaiveTime> = required_time(form, "time", "the start time", problems);
    let court = form.text("court_id");
    if court.is_none() {
        problems.add("court_id", "Choose the court");
    }
    let minutes = match form.text("estimated_minutes") {
        None => {
            problems.add("estimated_minutes", "Enter the expected length in minutes");
            None
        }
        Some(m) => {
            let n = m.parse::<i32>().ok().filter(|n| *n > 0);
            if n.is_none() {
                problems.add(
                    "estimated_minutes",
                    "The expected length must be a whole number of minutes, for example 90",
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

fn add_form(case: &CaseOut, look: &Lookup) -> FormPage {
    let kinds: Vec<(String, String)> = HearingKind::ALL
        .iter()
        .filter(|k| k.fits(case.kind))
        .map(|k| (k.as_str().to_string(), labels::hearing_kind(*k).to_string()))
        .collect();
    let mut fields = vec![Field::radios("kind", "What kind of hearing is it?", &kinds)];
    fields.extend(place_fields(look));
    fields.push(
        Field::checkboxes("victim", "The victim at this hearing", &victim_options())
            .hint("Select all that apply"),
    );
    FormPage {
        title: "Add a hearing".into(),
        caption: Some(format!("Case {}", case_reference(case))),
        heading: "Add a hearing".into(),
        intro: vec![
            "Enter the date and time in UK time. The supporter and the victim will be told as the rules require."
                .into(),
        ],
        action: format!("/cases/{}/hearings/new", case.id),
        back: format!("/cases/{}", case.id),
        submit: "Add hearing".into(),
        fields,
        ..FormPage::default()
    }
}

async fn add_page(state: web::Data<AppState>, s: Session, id: web::Path<String>) -> PageResult {
    require(&s, ResourceKind::Hearing, Action::Create, "hearing")?;
    let id = id.into_inner();
    let (case, look) = with_conn(&state, &s, move |conn, ctx| {
        Ok((read::<Cases>(conn, ctx, &id)?, Lookup::load(conn, ctx)?))
    })
    .await?;
    let defaults = FormData(vec![
        ("court_id".into(), case.court_id.clone().unwrap_or_default()),
        ("estimated_minutes".into(), "60".into()),
    ]);
    render_form(
        &s,
        "cases",
        add_form(&case, &look),
        &defaults,
        &Problems::new(),
    )
}

async fn add_post(state: web::Data<AppState>, posted: Posted, id: web::Path<String>) -> PageResult {
    let Posted { session: s, form } = posted;
    require(&s, ResourceKind::Hearing, Action::Create, "hearing")?;
    let id = id.into_inner();
    let mut problems = Problems::new();
    let kind = required_choice(
        &form,
        "kind",
        "Choose the kind of hearing",
        HearingKind::parse,
        &mut problems,
    );
    let placed = read_place(&form, &mut problems);
    let victim = form.all("victim");
    let case_id = id.clone();
    let outcome = with_conn(&state, &s, move |conn, ctx| {
        let case = read::<Cases>(conn, ctx, &case_id)?;
        let look = Lookup::load(conn, ctx)?;
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
            render_form(&s, "cases", add_form(&case, &look), &form, &problems)
        }
    }
}

pub(super) fn hearing_facts(h: &HearingOut, look: &Lookup) -> Vec<(String, String)> {
    let mut place = look.court(&h.court_id);
    if let Some(room) = &h.courtroom {
        place = format!("{place}, {room}");
    }
    vec![
        ("Hearing".into(), labels::hearing_kind(h.kind).into()),
        ("Starts".into(), long(h.starts_at)),
        ("Where".into(), place),
        ("Expected length".into(), minutes_text(h.estimated_minutes)),
        ("Status".into(), labels::hearing_status(h.status).into()),
    ]
}

fn move_form(h: &HearingOut, look: &Lookup, version: i32) -> FormPage {
    FormPage {
        title: "Move a hearing".into(),
        caption: Some(format!("Case {}", look.case_ref(&h.case_id))),
        heading: "Move this hearing".into(),
        intro: vec!["Enter where and when the hearing now takes place, in UK time. Everyone who was told of the old date will be told of the change.".into()],
        facts: hearing_facts(h, look),
        action: format!("/hearings/{}/move", h.id),
        back: format!("/cases/{}", h.case_id),
        submit: "Move hearing".into(),
        hidden: vec![("version".into(), version.to_string())],
        fields: place_fields(look),
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
        Ok((read::<Hearings>(conn, ctx, &id)?, Lookup::load(conn, ctx)?))
    })
    .await?;
    if !h.status.is_upcoming() {
        return Err(
            AppError::Conflict("only a listed or moved hearing can be moved".into()).into(),
        );
    }
    let version = h.version;
    render_form(
        &s,
        "cases",
        move_form(&h, &look, version),
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
    let mut problems = Problems::new();
    let placed = read_place(&form, &mut problems);
    let outcome = with_conn(&state, &s, move |conn, ctx| {
        let current = read::<Hearings>(conn, ctx, &id)?;
        let look = Lookup::load(conn, ctx)?;
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
            problems.add(
                "date",
                "Change the date, time, court, courtroom or length, or cancel",
            );
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
        Moved::Problems(h, look, problems) => {
            render_form(&s, "cases", move_form(&h, &look, version), &form, &problems)
        }
        Moved::Stale(h, look) => {
            // Show what is stored now; keep what was typed; the next save
            // changes the current version.
            let mut page = move_form(&h, &look, h.version);
            page.stale = Some(("hearing".into(), std::mem::take(&mut page.facts)));
            let mut problems = Problems::new();
            problems.add(
                "date",
                "Someone else changed this hearing after you opened this page. Check the details now stored, then save again",
            );
            render_form(&s, "cases", page, &form, &problems)
        }
    }
}

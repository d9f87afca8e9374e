//! A hearing that will not go ahead, or has happened: the witness care
//! officer vacates it (after a page that says what follows) or adjourns it
//! (to a new date and time, or with none yet), and the officer or the
//! supporter records how it ended as a structured choice, with a sentence's
//! type, length and whether the offence is a specified one. Each is the
//! API's `PUT /api/v1/hearings/{id}` through the same use case
//! (`app::update::<Hearings>`), with the version the page was drawn from.

use actix_web::web;
use chrono::{DateTime, Utc};

use crate::app::hearings::cancelled_by_vacating;
use crate::domain::{CaseKind, HearingStatus};
use crate::error::AppError;
use crate::flows::{HearingOutcome, Sentence, SentenceType};
use crate::policy::{Action, ResourceKind};
use crate::resources::{AttendanceRequests, Cases, HearingInput, HearingOut, Hearings};
use crate::web::AppState;

use super::fields::{Field, FormPage};
use super::forms::{london_instant, required_date, required_time, FormData, Problems};
use super::hearings::hearing_facts_in;
use super::i18n::Lang;
use super::lookup::{long, Lookup};
use super::session::{Posted, Session};
use super::{
    labels, list_all, posted_update, read, render_form, require, see_other, update, with_conn,
    PageResult,
};

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.route("/hearings/{id}/vacate", web::get().to(vacate_page))
        .route("/hearings/{id}/vacate", web::post().to(vacate_post))
        .route("/hearings/{id}/adjourn", web::get().to(adjourn_page))
        .route("/hearings/{id}/adjourn", web::post().to(adjourn_post))
        .route("/hearings/{id}/outcome", web::get().to(outcome_page))
        .route("/hearings/{id}/outcome", web::post().to(outcome_post));
}

/// The free-text note on a hearing (the API's `outcome`): never sent.
const NOTE_FIELD: &str = "note";

fn note_field(hint: &str) -> Field {
    Field::textarea(NOTE_FIELD, "Note (optional)").hint(hint)
}

/// What the page needs besides the hearing: its court names and case
/// references, what vacating would cancel, and whether the case is
/// criminal (only criminal hearings are told to the victim by these
/// flows).
struct Around {
    look: Lookup,
    cancelled: Vec<String>,
    open_requests: usize,
    criminal: bool,
}

fn around(
    conn: &mut crate::store::AnyConn,
    ctx: &crate::app::Ctx,
    h: &HearingOut,
) -> crate::error::AppResult<Around> {
    let look = Lookup::load(conn, ctx)?;
    let case = read::<Cases>(conn, ctx, &h.case_id)?;
    let cancelled = cancelled_by_vacating(conn, ctx, h)?
        .iter()
        .map(|n| {
            format!(
                "{}, due {}",
                labels::notice_template(&n.template),
                long(n.send_after)
            )
        })
        .collect();
    let open_requests = if crate::policy::permits(
        ctx.actor.role,
        ResourceKind::AttendanceRequest,
        Action::Read,
    ) {
        list_all::<AttendanceRequests>(conn, ctx, serde_json::json!({"hearing_id": h.id}))?
            .iter()
            .filter(|r| !r.closed)
            .count()
    } else {
        0
    };
    Ok(Around {
        look,
        cancelled,
        open_requests,
        criminal: case.kind == CaseKind::Criminal,
    })
}

/// The hearing as it stands, as the API's input: each form changes only
/// what it is about.
fn as_input(h: &HearingOut) -> HearingInput {
    HearingInput {
        case_id: h.case_id.clone(),
        kind: h.kind,
        status: h.status,
        court_id: h.court_id.clone(),
        courtroom: h.courtroom.clone(),
        starts_at: crate::calendar::to_london(h.starts_at).to_rfc3339(),
        estimated_minutes: h.estimated_minutes,
        victim_attends: h.victim_attends,
        victim_gives_evidence: h.victim_gives_evidence,
        live_link: h.live_link,
        outcome: h.outcome.clone(),
        result: h.result.clone(),
    }
}

/// Where the API's fields land on these forms.
fn place(field: &str) -> (&'static str, &'static str) {
    match field {
        "starts_at" => ("date", "The new start"),
        "outcome" => (NOTE_FIELD, "The note"),
        "result" => ("result", "The outcome"),
        _ => ("result", ""),
    }
}

enum Saved {
    Done(HearingOut),
    Problems(HearingOut, Box<Around>, Problems),
    Stale(HearingOut, Box<Around>),
}

/// A change's form, for the hearing as it is and a version.
type ChangeForm = fn(&HearingOut, &Around, i32) -> FormPage;

/// How a change's page answers what was saved.
struct Shown {
    /// The `done` code the case page confirms.
    done: &'static str,
    form: ChangeForm,
    /// Where the stale-version message points.
    stale_field: &'static str,
}

impl Shown {
    /// Back to the case when saved; otherwise the form again, with the
    /// problems, or with the hearing as it is now when it changed meanwhile.
    fn answer(&self, s: &Session, saved: Saved, form: &FormData, version: i32) -> PageResult {
        match saved {
            Saved::Done(h) => {
                tracing::info!(hearing_id = %h.id, version = h.version, status = %h.status, done = self.done, "hearing changed from the pages");
                Ok(see_other(&format!(
                    "/cases/{}?done={}#hearing-{}",
                    h.case_id, self.done, h.id
                )))
            }
            Saved::Problems(h, a, problems) => {
                render_form(s, "cases", (self.form)(&h, &a, version), form, &problems)
            }
            Saved::Stale(h, a) => render_form(
                s,
                "cases",
                stale_page((self.form)(&h, &a, h.version)),
                form,
                &stale_problem(self.stale_field),
            ),
        }
    }
}

/// Saves through the API's use case; a stale version or the API's own
/// checks come back as a page to show again.
fn save(
    conn: &mut crate::store::AnyConn,
    ctx: &crate::app::Ctx,
    current: HearingOut,
    version: i32,
    input: HearingInput,
) -> crate::error::AppResult<Saved> {
    if current.version != version {
        let a = around(conn, ctx, &current)?;
        return Ok(Saved::Stale(current, Box::new(a)));
    }
    match update::<Hearings>(conn, ctx, &current.id, version, input) {
        Ok(h) => Ok(Saved::Done(h)),
        Err(AppError::StaleVersion { .. }) => {
            let now = read::<Hearings>(conn, ctx, &current.id)?;
            let a = around(conn, ctx, &now)?;
            Ok(Saved::Stale(now, Box::new(a)))
        }
        Err(AppError::Validation(errors)) => {
            let a = around(conn, ctx, &current)?;
            Ok(Saved::Problems(
                current,
                Box::new(a),
                Problems::from_api(&errors, place),
            ))
        }
        Err(other) => Err(other),
    }
}

fn stale_problem(field: &str) -> Problems {
    super::stale_problem(field, "hearing")
}

fn stale_page(page: FormPage) -> FormPage {
    super::stale_page(page, "hearing")
}

fn still_to_happen(h: &HearingOut, what: &str) -> Result<(), AppError> {
    if h.status.is_upcoming() {
        Ok(())
    } else {
        Err(AppError::Conflict(format!(
            "this hearing is already {}, so it cannot be {what}",
            labels::hearing_status(h.status).to_lowercase()
        )))
    }
}

/// The hearing as stored, refused where it has already happened (unless
/// the form was for an older version: the stale page answers that).
fn to_change(
    conn: &mut crate::store::AnyConn,
    ctx: &crate::app::Ctx,
    id: &str,
    version: i32,
    what: &str,
) -> Result<HearingOut, AppError> {
    let current = read::<Hearings>(conn, ctx, id)?;
    if current.version == version {
        still_to_happen(&current, what)?;
    }
    Ok(current)
}

async fn load(
    state: &web::Data<AppState>,
    s: &Session,
    id: String,
) -> Result<(HearingOut, Around), AppError> {
    with_conn(state, s, move |conn, ctx| {
        let h = read::<Hearings>(conn, ctx, &id)?;
        let a = around(conn, ctx, &h)?;
        Ok((h, a))
    })
    .await
}

fn note_of(form: &FormData, h: &HearingOut) -> Option<String> {
    if form.get(NOTE_FIELD).is_some() {
        form.text(NOTE_FIELD)
    } else {
        h.outcome.clone()
    }
}

fn current_note(h: &HearingOut) -> FormData {
    FormData(vec![(
        NOTE_FIELD.into(),
        h.outcome.clone().unwrap_or_default(),
    )])
}

// ---------------------------------------------------------------- vacate

fn vacate_form(h: &HearingOut, a: &Around, version: i32) -> FormPage {
    let intro = vec!["If you vacate this hearing:".to_string()];
    let mut list = Vec::new();
    if a.cancelled.is_empty() {
        list.push("No messages about this date are waiting to be sent.".to_string());
    } else {
        list.push(format!(
            "{} about this date, not sent yet, {} cancelled: {}.",
            match a.cancelled.len() {
                1 => "This message".to_string(),
                n => format!("These {n} messages"),
            },
            if a.cancelled.len() == 1 { "is" } else { "are" },
            a.cancelled.join("; ")
        ));
    }
    list.push(
        "Reminders, tasks and deadlines planned for this date are cancelled with them.".into(),
    );
    if a.criminal {
        list.push("The victim (or their supporter, where the supporter is the single point of contact) and the supporter are told that the hearing will not go ahead, within the time the rules allow.".into());
    }
    list.push(
        "Any court, Witness Service or partner already told of this date is told it is vacated."
            .into(),
    );
    if a.open_requests > 0 {
        list.push(format!(
            "{} open request{} to accompany the victim at this hearing: the supporter is asked to move it to the new hearing or withdraw it.",
            a.open_requests,
            if a.open_requests == 1 { " is" } else { "s are" }
        ));
    }
    FormPage {
        title: "Vacate a hearing".into(),
        caption: Some(format!("Case {}", a.look.case_ref(&h.case_id))),
        heading: "Are you sure you want to vacate this hearing?".into(),
        intro,
        list,
        facts: hearing_facts_in(Lang::En, h, &a.look),
        warning: Some("A vacated hearing cannot be listed again from these pages: if the court lists it again, add it as a new hearing.".into()),
        action: format!("/hearings/{}/vacate", h.id),
        back: format!("/cases/{}#hearing-{}", h.case_id, h.id),
        submit: "Yes, vacate this hearing".into(),
        hidden: vec![("version".into(), version.to_string())],
        fields: vec![note_field(
            "Why it was vacated, for the case file. It is not sent to anyone.",
        )],
        ..FormPage::default()
    }
}

/// A change's form for a hearing still to happen, with its note.
async fn change_page(
    state: &web::Data<AppState>,
    s: &Session,
    id: web::Path<String>,
    (verb, form): (&str, ChangeForm),
) -> PageResult {
    require(s, ResourceKind::Hearing, Action::Update, "hearing")?;
    let (h, a) = load(state, s, id.into_inner()).await?;
    still_to_happen(&h, verb)?;
    let page = form(&h, &a, h.version);
    render_form(s, "cases", page, &current_note(&h), &Problems::new())
}

async fn vacate_page(state: web::Data<AppState>, s: Session, id: web::Path<String>) -> PageResult {
    change_page(&state, &s, id, ("vacated", vacate_form)).await
}

async fn vacate_post(
    state: web::Data<AppState>,
    posted: Posted,
    id: web::Path<String>,
) -> PageResult {
    let (s, form, version) = posted_update(posted, ResourceKind::Hearing, "hearing")?;
    let id = id.into_inner();
    let sent = form.clone();
    let outcome = with_conn(&state, &s, move |conn, ctx| {
        let current = to_change(conn, ctx, &id, version, "vacated")?;
        let mut input = as_input(&current);
        input.status = HearingStatus::Vacated;
        input.outcome = note_of(&sent, &current);
        save(conn, ctx, current, version, input)
    })
    .await?;
    let shown = Shown {
        done: "hearing-vacated",
        form: vacate_form,
        stale_field: NOTE_FIELD,
    };
    shown.answer(&s, outcome, &form, version)
}

// --------------------------------------------------------------- adjourn

fn adjourn_form(h: &HearingOut, a: &Around, version: i32) -> FormPage {
    let when = vec![
        ("date".to_string(), "To a new date and time".to_string()),
        ("none".to_string(), "With no new date yet".to_string()),
    ];
    FormPage {
        title: "Adjourn a hearing".into(),
        caption: Some(format!("Case {}", a.look.case_ref(&h.case_id))),
        heading: "Adjourn this hearing".into(),
        intro: vec![
            "To a new date: the hearing keeps its court, courtroom and length and moves to the new date and time. Everyone who was told of this date is told of the new one, and messages about this date that have not been sent are cancelled.".into(),
            "With no new date: everyone who was told of this date is told it will not go ahead. When the court fixes a date, add it as a new hearing.".into(),
            "Enter the date and time in UK time.".into(),
        ],
        facts: hearing_facts_in(Lang::En, h, &a.look),
        action: format!("/hearings/{}/adjourn", h.id),
        back: format!("/cases/{}#hearing-{}", h.case_id, h.id),
        submit: "Adjourn hearing".into(),
        hidden: vec![("version".into(), version.to_string())],
        fields: vec![
            Field::radios("when", "Is the hearing adjourned to a new date?", &when),
            Field::date("date", "New date (if adjourned to a date)"),
            Field::time("time", "New start time (if adjourned to a date)"),
            note_field("Why it was adjourned, for the case file. It is not sent to anyone."),
        ],
        ..FormPage::default()
    }
}

async fn adjourn_page(state: web::Data<AppState>, s: Session, id: web::Path<String>) -> PageResult {
    change_page(&state, &s, id, ("adjourned", adjourn_form)).await
}

/// What the adjourn form asks for, checked: a new start (in UTC and as
/// the API takes it), or none.
fn read_adjournment(
    form: &FormData,
    problems: &mut Problems,
) -> Option<Option<(DateTime<Utc>, String)>> {
    match form.text("when").as_deref() {
        Some("none") => Some(None),
        Some("date") => {
            let date = required_date(form, "date", "the new date", problems);
            let time = required_time(form, "time", "the new start time", problems);
            let (date, time) = (date?, time?);
            london_instant(date, time, "time", problems).map(Some)
        }
        _ => {
            problems.add(
                "when",
                "Choose whether the hearing is adjourned to a new date or with no date yet",
            );
            None
        }
    }
}

async fn adjourn_post(
    state: web::Data<AppState>,
    posted: Posted,
    id: web::Path<String>,
) -> PageResult {
    let (s, form, version) = posted_update(posted, ResourceKind::Hearing, "hearing")?;
    let id = id.into_inner();
    let mut problems = Problems::new();
    let to = read_adjournment(&form, &mut problems);
    let sent = form.clone();
    let outcome = with_conn(&state, &s, move |conn, ctx| {
        let current = to_change(conn, ctx, &id, version, "adjourned")?;
        let Some(to) = to else {
            let a = around(conn, ctx, &current)?;
            return Ok(Saved::Problems(current, Box::new(a), problems));
        };
        let mut input = as_input(&current);
        input.outcome = note_of(&sent, &current);
        match to {
            // An adjournment to a known date is a move (as the flows and
            // the API model it): the new slot is told, the old one's
            // messages cancelled.
            Some((instant, text)) => {
                if instant <= ctx.now {
                    let a = around(conn, ctx, &current)?;
                    let mut p = Problems::new();
                    p.add(
                        "date",
                        "The new date and time must be in the future: enter the date and time the hearing is adjourned to",
                    );
                    return Ok(Saved::Problems(current, Box::new(a), p));
                }
                if instant == current.starts_at {
                    let a = around(conn, ctx, &current)?;
                    let mut p = Problems::new();
                    p.add(
                        "date",
                        "That is the hearing's date and time now: enter the date and time it is adjourned to",
                    );
                    return Ok(Saved::Problems(current, Box::new(a), p));
                }
                input.status = HearingStatus::Moved;
                input.starts_at = text;
            }
            None => input.status = HearingStatus::Adjourned,
        }
        save(conn, ctx, current, version, input)
    })
    .await?;
    let shown = Shown {
        done: "hearing-adjourned",
        form: adjourn_form,
        stale_field: "when",
    };
    shown.answer(&s, outcome, &form, version)
}

// --------------------------------------------------------------- outcome

/// The choices on the outcome form. Adjourned and vacated are statuses of
/// the hearing, not results: choosing them leads to their own pages.
const OUTCOMES: [(&str, &str); 10] = [
    ("guilty_plea", "Guilty plea"),
    ("not_guilty_plea", "Not-guilty plea"),
    ("trial_listed", "Listed for trial"),
    ("convicted", "Convicted"),
    ("acquitted", "Acquitted"),
    ("sentenced", "Sentenced"),
    ("order_made", "Order made"),
    ("discontinued", "Case discontinued"),
    ("adjourned", "Adjourned"),
    ("vacated", "Vacated (did not go ahead)"),
];

/// The outcomes a family or civil hearing can have (the pleas, verdicts
/// and sentences are for criminal cases).
const NOT_CRIMINAL: [&str; 3] = ["order_made", "adjourned", "vacated"];

fn offered(criminal: bool, value: &str) -> bool {
    criminal || NOT_CRIMINAL.contains(&value)
}

fn outcome_form(h: &HearingOut, a: &Around, version: i32) -> FormPage {
    let options: Vec<(String, String)> = OUTCOMES
        .iter()
        .filter(|(v, _)| offered(a.criminal, v))
        .map(|(v, l)| (v.to_string(), l.to_string()))
        .collect();
    let types: Vec<(String, String)> = SentenceType::ALL
        .iter()
        .map(|t| {
            (
                t.as_str().to_string(),
                labels::sentence_type(*t).to_string(),
            )
        })
        .collect();
    let yes_no = vec![
        ("yes".to_string(), "Yes".to_string()),
        ("no".to_string(), "No".to_string()),
    ];
    let mut fields = vec![Field::radios("result", "Outcome", &options)
        .choice_hint("sentenced", "Give the sentence below")
        .choice_hint("adjourned", "You will be asked for the new date next")
        .choice_hint("vacated", "You will be asked to confirm first")];
    if a.criminal {
        fields.extend([
            Field::radios("sentence_type", "If sentenced: the sentence", &types),
            Field::number("sentence_months", "If sentenced: its length in months").hint(
                "For immediate custody, a suspended sentence or a community order. For example, 18",
            ),
            Field::radios(
                "specified_offence",
                "If sentenced: is the offence a specified violent or sexual offence?",
                &yes_no,
            )
            .hint(
                "Sentencing Act 2020, Schedule 18. Ask the court or the CPS if you are not sure.",
            ),
        ]);
    }
    fields.push(note_field(
        "Anything else about the outcome, for the case file. It is not sent to anyone.",
    ));
    let intro = if a.criminal {
        "The victim and the supporter are told the outcome as the rules require. A sentence decides whether the victim is referred to the Victim Contact Scheme."
    } else {
        "Those who must be told of the outcome are told as the rules require."
    };
    FormPage {
        title: "Record the outcome of a hearing".into(),
        caption: Some(format!("Case {}", a.look.case_ref(&h.case_id))),
        heading: "What happened at this hearing?".into(),
        intro: vec![intro.into()],
        facts: hearing_facts_in(Lang::En, h, &a.look),
        action: format!("/hearings/{}/outcome", h.id),
        back: format!("/cases/{}#hearing-{}", h.case_id, h.id),
        submit: "Save the outcome".into(),
        hidden: vec![("version".into(), version.to_string())],
        fields,
        ..FormPage::default()
    }
}

async fn outcome_page(state: web::Data<AppState>, s: Session, id: web::Path<String>) -> PageResult {
    require(&s, ResourceKind::Hearing, Action::Update, "hearing")?;
    let (h, a) = load(&state, &s, id.into_inner()).await?;
    still_to_happen(&h, "given an outcome")?;
    let page = outcome_form(&h, &a, h.version);
    render_form(&s, "cases", page, &current_note(&h), &Problems::new())
}

/// What the outcome form chose, checked.
enum Chosen {
    Result(HearingOutcome),
    Adjourned,
    Vacated,
}

/// Reads the outcome form: the choice, and for a sentence its type, length
/// and whether the offence is specified, each problem in words.
fn read_outcome(form: &FormData, criminal: bool, problems: &mut Problems) -> Option<Chosen> {
    let kind = form.text("result").filter(|k| offered(criminal, k));
    let sentenced = kind.as_deref() == Some("sentenced");
    let sentence_type = form.text("sentence_type");
    let months = form.text("sentence_months");
    if !sentenced && (sentence_type.is_some() || months.is_some()) {
        problems.add(
            "result",
            "You gave a sentence: choose Sentenced, or clear the sentence and its length",
        );
        return None;
    }
    let chosen = match kind.as_deref() {
        Some("guilty_plea") => Chosen::Result(HearingOutcome::GuiltyPlea),
        Some("not_guilty_plea") => Chosen::Result(HearingOutcome::NotGuiltyPlea),
        Some("trial_listed") => Chosen::Result(HearingOutcome::TrialListed),
        Some("convicted") => Chosen::Result(HearingOutcome::Convicted),
        Some("acquitted") => Chosen::Result(HearingOutcome::Acquitted),
        Some("order_made") => Chosen::Result(HearingOutcome::OrderMade),
        Some("discontinued") => Chosen::Result(HearingOutcome::Discontinued),
        Some("adjourned") => Chosen::Adjourned,
        Some("vacated") => Chosen::Vacated,
        Some("sentenced") => {
            let kind = sentence_type.as_deref().and_then(SentenceType::parse);
            if kind.is_none() {
                problems.add("sentence_type", "Choose the type of sentence");
            }
            let specified = match form.text("specified_offence").as_deref() {
                Some("yes") => Some(true),
                Some("no") => Some(false),
                _ => {
                    problems.add(
                        "specified_offence",
                        "Say whether the offence is a specified violent or sexual offence",
                    );
                    None
                }
            };
            let months = match (kind.map(SentenceType::has_length), months) {
                (Some(true), None) => {
                    problems.add(
                        "sentence_months",
                        "Enter the length of the sentence in whole months, for example 18",
                    );
                    None
                }
                (Some(true), Some(m)) => {
                    let n = m.parse::<u32>().ok().filter(|n| (1..=1200).contains(n));
                    if n.is_none() {
                        problems.add(
                            "sentence_months",
                            "The length must be a whole number of months from 1 to 1200, for example 18",
                        );
                    }
                    n.map(Some)
                }
                (Some(false), Some(_)) => {
                    let name = kind.map(labels::sentence_type).unwrap_or("sentence");
                    problems.add(
                        "sentence_months",
                        format!("A {} has no length in months: clear the length, or choose another type of sentence", name.to_lowercase()),
                    );
                    None
                }
                (Some(false), None) => Some(None),
                (None, _) => None,
            };
            let (kind, specified, months) = (kind?, specified?, months?);
            Chosen::Result(HearingOutcome::Sentenced {
                sentence: Some(Sentence {
                    kind,
                    months,
                    specified_offence: specified,
                }),
            })
        }
        _ => {
            problems.add("result", "Choose what happened at the hearing");
            return None;
        }
    };
    problems.is_empty().then_some(chosen)
}

enum Recorded {
    Saved(Saved),
    /// Adjourned or vacated: their own page, with the note carried over.
    Adjourn(HearingOut, Box<Around>),
    Vacate(HearingOut, Box<Around>),
}

async fn outcome_post(
    state: web::Data<AppState>,
    posted: Posted,
    id: web::Path<String>,
) -> PageResult {
    let (s, form, version) = posted_update(posted, ResourceKind::Hearing, "hearing")?;
    let id = id.into_inner();
    let sent = form.clone();
    let outcome = with_conn(&state, &s, move |conn, ctx| {
        let current = to_change(conn, ctx, &id, version, "given an outcome")?;
        let a = Box::new(around(conn, ctx, &current)?);
        let mut problems = Problems::new();
        let result = match read_outcome(&sent, a.criminal, &mut problems) {
            None => return Ok(Recorded::Saved(Saved::Problems(current, a, problems))),
            Some(Chosen::Result(r)) => r,
            Some(Chosen::Adjourned) => return Ok(Recorded::Adjourn(current, a)),
            Some(Chosen::Vacated) => return Ok(Recorded::Vacate(current, a)),
        };
        let mut input = as_input(&current);
        input.status = HearingStatus::Concluded;
        input.result = Some(result);
        input.outcome = note_of(&sent, &current);
        save(conn, ctx, current, version, input).map(Recorded::Saved)
    })
    .await?;
    let carried = FormData(vec![(
        NOTE_FIELD.into(),
        form.get(NOTE_FIELD).unwrap_or("").to_string(),
    )]);
    match outcome {
        Recorded::Saved(saved) => {
            let shown = Shown {
                done: "outcome-recorded",
                form: outcome_form,
                stale_field: "result",
            };
            shown.answer(&s, saved, &form, version)
        }
        Recorded::Adjourn(h, a) => {
            let page = adjourn_form(&h, &a, h.version);
            render_form(&s, "cases", page, &carried, &Problems::new())
        }
        Recorded::Vacate(h, a) => {
            let page = vacate_form(&h, &a, h.version);
            render_form(&s, "cases", page, &carried, &Problems::new())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn form(pairs: &[(&str, &str)]) -> FormData {
        FormData::of(pairs)
    }

    #[test]
    fn the_outcome_form_reads_each_choice_or_says_what_to_do() {
        let sentence = |kind, months, specified| {
            Some(HearingOutcome::Sentenced {
                sentence: Some(Sentence {
                    kind,
                    months,
                    specified_offence: specified,
                }),
            })
        };
        // (fields, the result read, the field with a problem)
        type Row<'a> = (
            Vec<(&'a str, &'a str)>,
            Option<HearingOutcome>,
            Option<&'a str>,
        );
        let table: Vec<Row> = vec![
            (
                vec![("result", "guilty_plea")],
                Some(HearingOutcome::GuiltyPlea),
                None,
            ),
            (
                vec![("result", "trial_listed")],
                Some(HearingOutcome::TrialListed),
                None,
            ),
            (vec![], None, Some("result")),
            (vec![("result", "made_up")], None, Some("result")),
            (
                vec![
                    ("result", "sentenced"),
                    ("sentence_type", "immediate_custody"),
                    ("sentence_months", "12"),
                    ("specified_offence", "yes"),
                ],
                sentence(SentenceType::ImmediateCustody, Some(12), true),
                None,
            ),
            (
                vec![
                    ("result", "sentenced"),
                    ("sentence_type", "fine"),
                    ("specified_offence", "no"),
                ],
                sentence(SentenceType::Fine, None, false),
                None,
            ),
            (
                vec![
                    ("result", "sentenced"),
                    ("sentence_type", "suspended"),
                    ("specified_offence", "no"),
                ],
                None,
                Some("sentence_months"),
            ),
            (
                vec![
                    ("result", "sentenced"),
                    ("sentence_type", "fine"),
                    ("sentence_months", "3"),
                    ("specified_offence", "no"),
                ],
                None,
                Some("sentence_months"),
            ),
            (
                vec![
                    ("result", "sentenced"),
                    ("sentence_type", "immediate_custody"),
                    ("sentence_months", "1.5"),
                    ("specified_offence", "no"),
                ],
                None,
                Some("sentence_months"),
            ),
            (
                vec![
                    ("result", "sentenced"),
                    ("sentence_type", "immediate_custody"),
                    ("sentence_months", "6"),
                ],
                None,
                Some("specified_offence"),
            ),
            (vec![("result", "sentenced")], None, Some("sentence_type")),
            (
                vec![("result", "convicted"), ("sentence_months", "6")],
                None,
                Some("result"),
            ),
        ];
        for (fields, want, problem) in table {
            let mut problems = Problems::new();
            let got = match read_outcome(&form(&fields), true, &mut problems) {
                Some(Chosen::Result(r)) => Some(r),
                _ => None,
            };
            assert_eq!(got, want, "{fields:?}");
            assert_eq!(
                problems.0.first().map(|p| p.field.as_str()),
                problem,
                "{fields:?}: {:?}",
                problems.0
            );
            for p in &problems.0 {
                assert!(!p.message.contains('_'), "{}", p.message);
            }
        }
        let mut problems = Problems::new();
        assert!(matches!(
            read_outcome(&form(&[("result", "vacated")]), true, &mut problems),
            Some(Chosen::Vacated)
        ));
    }
}

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
use super::form_words::{case_caption, date_field, date_in, time_field, time_in, DateWords};
use super::forms::{london_instant, FormData, Problems};
use super::hearings::hearing_facts_in;
use super::i18n::{self, text, text_with, Lang};
use super::lookup::{Lookup, Named};
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

fn note_field(lang: Lang, hint_key: &str) -> Field {
    Field::textarea(NOTE_FIELD, &text(lang, "hearing-changes-note")).hint(&text(lang, hint_key))
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
    lang: Lang,
    h: &HearingOut,
) -> crate::error::AppResult<Around> {
    let mut named = Named::default();
    named.case(&h.case_id);
    let look = Lookup::naming(conn, ctx, &named)?;
    let case = read::<Cases>(conn, ctx, &h.case_id)?;
    let cancelled = cancelled_by_vacating(conn, ctx, h)?
        .iter()
        .map(|n| {
            text_with(
                lang,
                "hearing-changes-message-due",
                &[
                    ("what", labels::notice_template_in(lang, &n.template)),
                    ("due", i18n::long(lang, n.send_after)),
                ],
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
type ChangeForm = fn(Lang, &HearingOut, &Around, i32) -> FormPage;

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
            Saved::Problems(h, a, problems) => render_form(
                s,
                "cases",
                (self.form)(s.lang, &h, &a, version),
                form,
                &problems,
            ),
            Saved::Stale(h, a) => {
                let what = text(s.lang, "hearings-what");
                render_form(
                    s,
                    "cases",
                    super::stale_page((self.form)(s.lang, &h, &a, h.version), &what),
                    form,
                    &super::form_words::stale_problem_in(s.lang, self.stale_field, &what),
                )
            }
        }
    }
}

/// Saves through the API's use case; a stale version or the API's own
/// checks come back as a page to show again.
fn save(
    conn: &mut crate::store::AnyConn,
    ctx: &crate::app::Ctx,
    lang: Lang,
    current: HearingOut,
    version: i32,
    input: HearingInput,
) -> crate::error::AppResult<Saved> {
    if current.version != version {
        let a = around(conn, ctx, lang, &current)?;
        return Ok(Saved::Stale(current, Box::new(a)));
    }
    match update::<Hearings>(conn, ctx, &current.id, version, input) {
        Ok(h) => Ok(Saved::Done(h)),
        Err(AppError::StaleVersion { .. }) => {
            let now = read::<Hearings>(conn, ctx, &current.id)?;
            let a = around(conn, ctx, lang, &now)?;
            Ok(Saved::Stale(now, Box::new(a)))
        }
        Err(AppError::Validation(errors)) => {
            let a = around(conn, ctx, lang, &current)?;
            Ok(Saved::Problems(
                current,
                Box::new(a),
                Problems::from_api(&errors, place),
            ))
        }
        Err(other) => Err(other),
    }
}

fn still_to_happen(lang: Lang, h: &HearingOut, what: &str) -> Result<(), AppError> {
    if h.status.is_upcoming() {
        return Ok(());
    }
    let key = match what {
        "vacated" => "hearing-changes-already-vacate",
        "adjourned" => "hearing-changes-already-adjourn",
        _ => "hearing-changes-already-outcome",
    };
    Err(AppError::Conflict(text_with(
        lang,
        key,
        &[(
            "status",
            labels::hearing_status_in(lang, h.status).to_lowercase(),
        )],
    )))
}

/// The hearing as stored, refused where it has already happened (unless
/// the form was for an older version: the stale page answers that).
fn to_change(
    conn: &mut crate::store::AnyConn,
    ctx: &crate::app::Ctx,
    lang: Lang,
    id: &str,
    version: i32,
    what: &str,
) -> Result<HearingOut, AppError> {
    let current = read::<Hearings>(conn, ctx, id)?;
    if current.version == version {
        still_to_happen(lang, &current, what)?;
    }
    Ok(current)
}

async fn load(
    state: &web::Data<AppState>,
    s: &Session,
    id: String,
) -> Result<(HearingOut, Around), AppError> {
    let lang = s.lang;
    with_conn(state, s, move |conn, ctx| {
        let h = read::<Hearings>(conn, ctx, &id)?;
        let a = around(conn, ctx, lang, &h)?;
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

fn vacate_form(lang: Lang, h: &HearingOut, a: &Around, version: i32) -> FormPage {
    let intro = vec![text(lang, "hearing-changes-vacate-if")];
    let mut list = Vec::new();
    if a.cancelled.is_empty() {
        list.push(text(lang, "hearing-changes-vacate-no-messages"));
    } else {
        list.push(text_with(
            lang,
            "hearing-changes-vacate-messages",
            &[
                ("count", a.cancelled.len().to_string()),
                ("list", a.cancelled.join("; ")),
            ],
        ));
    }
    list.push(text(lang, "hearing-changes-vacate-reminders"));
    if a.criminal {
        list.push(text(lang, "hearing-changes-vacate-victim-told"));
    }
    list.push(text(lang, "hearing-changes-vacate-partners-told"));
    if a.open_requests > 0 {
        list.push(text_with(
            lang,
            "hearing-changes-vacate-open-requests",
            &[("count", a.open_requests.to_string())],
        ));
    }
    FormPage {
        title: text(lang, "hearing-changes-vacate-title"),
        caption: case_caption(lang, a.look.case_ref(&h.case_id)),
        heading: text(lang, "hearing-changes-vacate-heading"),
        intro,
        list,
        facts: hearing_facts_in(lang, h, &a.look),
        warning: Some(text(lang, "hearing-changes-vacate-warning")),
        action: format!("/hearings/{}/vacate", h.id),
        back: format!("/cases/{}#hearing-{}", h.case_id, h.id),
        submit: text(lang, "hearing-changes-vacate-submit"),
        hidden: vec![("version".into(), version.to_string())],
        fields: vec![note_field(lang, "hearing-changes-vacate-note-hint")],
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
    still_to_happen(s.lang, &h, verb)?;
    let page = form(s.lang, &h, &a, h.version);
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
    let lang = s.lang;
    let outcome = with_conn(&state, &s, move |conn, ctx| {
        let current = to_change(conn, ctx, lang, &id, version, "vacated")?;
        let mut input = as_input(&current);
        input.status = HearingStatus::Vacated;
        input.outcome = note_of(&sent, &current);
        save(conn, ctx, lang, current, version, input)
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

fn adjourn_form(lang: Lang, h: &HearingOut, a: &Around, version: i32) -> FormPage {
    let when = vec![
        (
            "date".to_string(),
            text(lang, "hearing-changes-adjourn-to-date"),
        ),
        (
            "none".to_string(),
            text(lang, "hearing-changes-adjourn-no-date"),
        ),
    ];
    FormPage {
        title: text(lang, "hearing-changes-adjourn-title"),
        caption: case_caption(lang, a.look.case_ref(&h.case_id)),
        heading: text(lang, "case-adjourn-this-hearing"),
        intro: vec![
            text(lang, "hearing-changes-adjourn-intro-date"),
            text(lang, "hearing-changes-adjourn-intro-none"),
            text(lang, "hearing-changes-adjourn-intro-uk"),
        ],
        facts: hearing_facts_in(lang, h, &a.look),
        action: format!("/hearings/{}/adjourn", h.id),
        back: format!("/cases/{}#hearing-{}", h.case_id, h.id),
        submit: text(lang, "hearing-changes-adjourn-submit"),
        hidden: vec![("version".into(), version.to_string())],
        fields: vec![
            Field::radios(
                "when",
                &text(lang, "hearing-changes-adjourn-question"),
                &when,
            ),
            date_field(lang, "date", &text(lang, "hearing-changes-new-date")),
            time_field(lang, "time", &text(lang, "hearing-changes-new-time")),
            note_field(lang, "hearing-changes-adjourn-note-hint"),
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
    lang: Lang,
    form: &FormData,
    problems: &mut Problems,
) -> Option<Option<(DateTime<Utc>, String)>> {
    match form.text("when").as_deref() {
        Some("none") => Some(None),
        Some("date") => {
            let date = date_in(
                lang,
                form,
                "date",
                &DateWords {
                    missing: "hearing-changes-error-date-missing",
                    part: "hearing-changes-error-date-part",
                    invalid: "hearing-changes-error-date-invalid",
                },
                problems,
            );
            let time = time_in(
                lang,
                form,
                "time",
                [
                    "hearing-changes-error-time-missing",
                    "hearing-changes-error-time-invalid",
                ],
                problems,
            );
            let (date, time) = (date?, time?);
            london_instant(date, time, "time", problems).map(Some)
        }
        _ => {
            problems.add("when", text(lang, "hearing-changes-error-when"));
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
    let lang = s.lang;
    let mut problems = Problems::new();
    let to = read_adjournment(lang, &form, &mut problems);
    let sent = form.clone();
    let outcome = with_conn(&state, &s, move |conn, ctx| {
        let current = to_change(conn, ctx, lang, &id, version, "adjourned")?;
        let Some(to) = to else {
            let a = around(conn, ctx, lang, &current)?;
            return Ok(Saved::Problems(current, Box::new(a), problems));
        };
        let mut input = as_input(&current);
        input.outcome = note_of(&sent, &current);
        match to {
            // An adjournment to a known date is a move (as the flows and
            // the API model it): the new slot is told, the old one's
            // messages cancelled.
            Some((instant, starts)) => {
                if instant <= ctx.now {
                    let a = around(conn, ctx, lang, &current)?;
                    let mut p = Problems::new();
                    p.add("date", text(lang, "hearing-changes-error-past"));
                    return Ok(Saved::Problems(current, Box::new(a), p));
                }
                if instant == current.starts_at {
                    let a = around(conn, ctx, lang, &current)?;
                    let mut p = Problems::new();
                    p.add("date", text(lang, "hearing-changes-error-same"));
                    return Ok(Saved::Problems(current, Box::new(a), p));
                }
                input.status = HearingStatus::Moved;
                input.starts_at = starts;
            }
            None => input.status = HearingStatus::Adjourned,
        }
        save(conn, ctx, lang, current, version, input)
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
    ("guilty_plea", "hearing-changes-outcome-guilty-plea"),
    ("not_guilty_plea", "hearing-changes-outcome-not-guilty-plea"),
    ("trial_listed", "hearing-changes-outcome-trial-listed"),
    ("convicted", "hearing-changes-outcome-convicted"),
    ("acquitted", "hearing-changes-outcome-acquitted"),
    ("sentenced", "hearing-changes-outcome-sentenced"),
    ("order_made", "hearing-changes-outcome-order-made"),
    ("discontinued", "hearing-changes-outcome-discontinued"),
    ("adjourned", "hearing-changes-outcome-adjourned"),
    ("vacated", "hearing-changes-outcome-vacated"),
];

/// The outcomes a family or civil hearing can have (the pleas, verdicts
/// and sentences are for criminal cases).
const NOT_CRIMINAL: [&str; 3] = ["order_made", "adjourned", "vacated"];

fn offered(criminal: bool, value: &str) -> bool {
    criminal || NOT_CRIMINAL.contains(&value)
}

fn outcome_form(lang: Lang, h: &HearingOut, a: &Around, version: i32) -> FormPage {
    let t = |key: &str| text(lang, key);
    let options: Vec<(String, String)> = OUTCOMES
        .iter()
        .filter(|(v, _)| offered(a.criminal, v))
        .map(|(v, key)| (v.to_string(), t(key)))
        .collect();
    let types: Vec<(String, String)> = SentenceType::ALL
        .iter()
        .map(|k| (k.as_str().to_string(), labels::sentence_type_in(lang, *k)))
        .collect();
    let yes_no = super::form_words::yes_no(
        lang,
        [
            "hearing-changes-specified-yes",
            "hearing-changes-specified-no",
        ],
    );
    let mut fields = vec![
        Field::radios("result", &t("hearing-changes-outcome"), &options)
            .choice_hint("sentenced", &t("hearing-changes-hint-sentenced"))
            .choice_hint("adjourned", &t("hearing-changes-hint-adjourned"))
            .choice_hint("vacated", &t("hearing-changes-hint-vacated")),
    ];
    if a.criminal {
        fields.extend([
            Field::radios("sentence_type", &t("hearing-changes-sentence-type"), &types),
            Field::number("sentence_months", &t("hearing-changes-sentence-months"))
                .hint(&t("hearing-changes-sentence-months-hint")),
            Field::radios(
                "specified_offence",
                &t("hearing-changes-specified-question"),
                &yes_no,
            )
            .hint(&t("hearing-changes-specified-hint")),
        ]);
    }
    fields.push(note_field(lang, "hearing-changes-outcome-note-hint"));
    let intro = if a.criminal {
        t("hearing-changes-outcome-intro-criminal")
    } else {
        t("hearing-changes-outcome-intro-other")
    };
    FormPage {
        title: t("hearing-changes-outcome-title"),
        caption: case_caption(lang, a.look.case_ref(&h.case_id)),
        heading: t("hearing-changes-outcome-heading"),
        intro: vec![intro],
        facts: hearing_facts_in(lang, h, &a.look),
        action: format!("/hearings/{}/outcome", h.id),
        back: format!("/cases/{}#hearing-{}", h.case_id, h.id),
        submit: t("hearing-changes-outcome-submit"),
        hidden: vec![("version".into(), version.to_string())],
        fields,
        ..FormPage::default()
    }
}

async fn outcome_page(state: web::Data<AppState>, s: Session, id: web::Path<String>) -> PageResult {
    require(&s, ResourceKind::Hearing, Action::Update, "hearing")?;
    let (h, a) = load(&state, &s, id.into_inner()).await?;
    still_to_happen(s.lang, &h, "given an outcome")?;
    let page = outcome_form(s.lang, &h, &a, h.version);
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
fn read_outcome(
    lang: Lang,
    form: &FormData,
    criminal: bool,
    problems: &mut Problems,
) -> Option<Chosen> {
    let kind = form.text("result").filter(|k| offered(criminal, k));
    let sentenced = kind.as_deref() == Some("sentenced");
    let sentence_type = form.text("sentence_type");
    let months = form.text("sentence_months");
    if !sentenced && (sentence_type.is_some() || months.is_some()) {
        problems.add("result", text(lang, "hearing-changes-error-not-sentenced"));
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
                problems.add(
                    "sentence_type",
                    text(lang, "hearing-changes-error-sentence-type"),
                );
            }
            let specified = match form.text("specified_offence").as_deref() {
                Some("yes") => Some(true),
                Some("no") => Some(false),
                _ => {
                    problems.add(
                        "specified_offence",
                        text(lang, "hearing-changes-error-specified"),
                    );
                    None
                }
            };
            let months = match (kind.map(SentenceType::has_length), months) {
                (Some(true), None) => {
                    problems.add(
                        "sentence_months",
                        text(lang, "hearing-changes-error-months-missing"),
                    );
                    None
                }
                (Some(true), Some(m)) => {
                    let n = m.parse::<u32>().ok().filter(|n| (1..=1200).contains(n));
                    if n.is_none() {
                        problems.add(
                            "sentence_months",
                            text(lang, "hearing-changes-error-months-invalid"),
                        );
                    }
                    n.map(Some)
                }
                (Some(false), Some(_)) => {
                    let name = kind
                        .map(|k| labels::sentence_type_in(lang, k))
                        .unwrap_or_default();
                    problems.add(
                        "sentence_months",
                        text_with(
                            lang,
                            "hearing-changes-error-no-length",
                            &[("sentence", name.to_lowercase())],
                        ),
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
            problems.add("result", text(lang, "hearing-changes-error-result"));
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
    let lang = s.lang;
    let outcome = with_conn(&state, &s, move |conn, ctx| {
        let current = to_change(conn, ctx, lang, &id, version, "given an outcome")?;
        let a = Box::new(around(conn, ctx, lang, &current)?);
        let mut problems = Problems::new();
        let result = match read_outcome(lang, &sent, a.criminal, &mut problems) {
            None => return Ok(Recorded::Saved(Saved::Problems(current, a, problems))),
            Some(Chosen::Result(r)) => r,
            Some(Chosen::Adjourned) => return Ok(Recorded::Adjourn(current, a)),
            Some(Chosen::Vacated) => return Ok(Recorded::Vacate(current, a)),
        };
        let mut input = as_input(&current);
        input.status = HearingStatus::Concluded;
        input.result = Some(result);
        input.outcome = note_of(&sent, &current);
        save(conn, ctx, lang, current, version, input).map(Recorded::Saved)
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
            let page = adjourn_form(lang, &h, &a, h.version);
            render_form(&s, "cases", page, &carried, &Problems::new())
        }
        Recorded::Vacate(h, a) => {
            let page = vacate_form(lang, &h, &a, h.version);
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
            let got = match read_outcome(Lang::En, &form(&fields), true, &mut problems) {
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
            read_outcome(
                Lang::En,
                &form(&[("result", "vacated")]),
                true,
                &mut problems
            ),
            Some(Chosen::Vacated)
        ));
    }
}

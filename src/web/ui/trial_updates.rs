//! A hearing's updates on the day, at `/hearings/{id}/trial-updates`: the
//! supporter or the Witness Service at the court records a short update
//! (phone-sized form: one radio list, who was told, an optional note) and
//! sees the day's updates, newest first; the supporter also records with
//! the victim who she wants told. Every change goes through
//! `app::trial_updates`, the use case the API's
//! `/api/v1/hearings/{id}/trial-updates` and
//! `/api/v1/victims/{id}/trial-update-preferences` call (the same role and
//! reach checks, transaction and audit entries).

use actix_web::web;
use serde::Deserialize;
use serde_json::{json, Value};

use crate::app::trial_updates::{
    self, HearingDay, NotMessaged, TrialUpdateInput, TrialUpdateOut, TrialUpdatePreferenceInput,
};
use crate::domain::{HearingKind, Role, TrialUpdateAudience, TrialUpdateKind};
use crate::error::AppError;
use crate::policy::{Action, ResourceKind};
use crate::web::AppState;

use super::fields::{fill_all, Field};
use super::forms::{required_choice, FormData, Problems};
use super::i18n::{self, text, text_with, Lang};
use super::session::{Posted, Session};
use super::{can, labels, page, render_status, see_other, with_conn, PageResult};

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.route("/hearings/{id}/trial-updates", web::get().to(show))
        .route("/hearings/{id}/trial-updates", web::post().to(save))
        .route(
            "/hearings/{id}/trial-updates/preference",
            web::post().to(save_preference),
        );
}

fn update_fields(lang: Lang) -> Vec<Field> {
    vec![
        Field::radios(
            "kind",
            &text(lang, "trial-updates-kind"),
            &labels::options_in(TrialUpdateKind::ALL, TrialUpdateKind::as_str, |k| {
                labels::trial_update_kind_in(lang, k)
            }),
        ),
        Field::checkboxes(
            "told_in_person",
            &text(lang, "trial-updates-told"),
            &labels::options_in(TrialUpdateAudience::ALL, TrialUpdateAudience::as_str, |a| {
                labels::trial_update_audience_in(lang, a)
            }),
        ),
        Field::textarea("note", &text(lang, "trial-updates-note"))
            .hint(&text(lang, "trial-updates-note-hint")),
    ]
}

fn preference_fields(lang: Lang) -> Vec<Field> {
    let yes_no = [
        ("no".to_string(), text(lang, "trial-updates-no")),
        ("yes".to_string(), text(lang, "trial-updates-yes")),
    ];
    vec![
        Field::radios("to_victim", &text(lang, "trial-updates-to-victim"), &yes_no)
            .hint(&text(lang, "trial-updates-to-victim-hint")),
        Field::text("contact_name", &text(lang, "trial-updates-contact-name"))
            .hint(&text(lang, "trial-updates-contact-name-hint")),
        Field::text("contact_email", &text(lang, "trial-updates-contact-email"))
            .typed("email", "off"),
    ]
}

fn place_update(field: &str) -> (&'static str, &'static str) {
    match field {
        "note" => ("note", "The note"),
        "told_in_person" => ("told_in_person", "Who was told"),
        _ => ("kind", "The update"),
    }
}

fn place_preference(field: &str) -> (&'static str, &'static str) {
    match field {
        "contact_email" => ("contact_email", "The email address"),
        "contact_name" => ("contact_name", "The contact's name"),
        _ => ("to_victim", ""),
    }
}

#[derive(Deserialize)]
struct Done {
    done: Option<String>,
    why: Option<String>,
}

/// Why nobody (or not everyone) was sent a message, in the page's
/// language.
fn not_messaged_in(lang: Lang, n: NotMessaged) -> String {
    text(
        lang,
        &format!("trial-updates-why-{}", n.as_str().replace('_', "-")),
    )
}

fn done_messages(lang: Lang, q: &Done) -> Vec<String> {
    let mut out = Vec::new();
    match q.done.as_deref() {
        Some("recorded") => out.push(text(lang, "trial-updates-done-recorded")),
        Some("preference") => out.push(text(lang, "trial-updates-done-preference")),
        _ => return out,
    }
    if let Some(why) = &q.why {
        out.extend(
            why.split(',')
                .filter_map(NotMessaged::parse)
                .map(|n| not_messaged_in(lang, n)),
        );
    }
    out
}

/// One update, for the page and the week.
pub fn update_json(lang: Lang, u: &TrialUpdateOut) -> Value {
    let told: Vec<String> = u
        .told_in_person
        .iter()
        .map(|a| labels::trial_update_audience_in(lang, *a))
        .collect();
    let victim = u.messaged.iter().any(|m| m == "victim");
    let contact = u.messaged.iter().any(|m| m != "victim");
    let messaged = match (victim, contact) {
        (false, false) => "trial-updates-no-message",
        (true, false) => "trial-updates-message-victim",
        (false, true) => "trial-updates-message-contact",
        (true, true) => "trial-updates-message-both",
    };
    json!({
        "time": i18n::clock(lang, u.recorded_at),
        "day": i18n::day(lang, crate::calendar::london_date(u.recorded_at)),
        "kind": labels::trial_update_kind_in(lang, u.kind),
        "told": if told.is_empty() { text(lang, "trial-updates-nobody-yet") } else { told.join(", ") },
        "messaged": text(lang, messaged),
        "note": u.note,
    })
}

/// What happens when an update is recorded, as a sentence.
fn who_is_told(lang: Lang, day: &HearingDay) -> Option<String> {
    let p = day.preference.as_ref()?;
    let (wanted, why) = trial_updates::recipients((p.version > 0).then_some(p));
    let contact = p
        .contact_name
        .clone()
        .unwrap_or_else(|| text(lang, "trial-updates-her-contact"));
    let mut out = match (wanted.victim, wanted.contact) {
        (false, false) => text(lang, "trial-updates-when-nobody"),
        (true, false) => text(lang, "trial-updates-when-victim"),
        (false, true) => text_with(lang, "trial-updates-when-contact", &[("contact", contact)]),
        (true, true) => text_with(lang, "trial-updates-when-both", &[("contact", contact)]),
    };
    for w in why {
        if w != NotMessaged::NotAsked {
            out = format!("{out} {}", not_messaged_in(lang, w));
        }
    }
    Some(out)
}

fn preference_values(day: &HearingDay) -> FormData {
    let p = day.preference.as_ref();
    FormData(vec![
        (
            "to_victim".into(),
            if p.is_some_and(|p| p.to_victim) {
                "yes"
            } else {
                "no"
            }
            .into(),
        ),
        (
            "contact_name".into(),
            p.and_then(|p| p.contact_name.clone()).unwrap_or_default(),
        ),
        (
            "contact_email".into(),
            p.and_then(|p| p.contact_email.clone()).unwrap_or_default(),
        ),
    ])
}

/// The forms' state when drawing: what was posted to which form, and its
/// problems.
enum Posting {
    Nothing,
    Update(FormData, Problems),
    Preference(FormData, Problems),
}

async fn draw(
    state: &web::Data<AppState>,
    s: &Session,
    id: String,
    posting: Posting,
    done: Vec<String>,
) -> PageResult {
    let day = with_conn(state, s, {
        let id = id.clone();
        move |conn, ctx| trial_updates::day(conn, ctx, &id)
    })
    .await?;
    let lang = s.lang;
    let kind = HearingKind::from_db(&day.kind)
        .map(|k| labels::hearing_kind_in(lang, k))
        .unwrap_or_else(|_| text(lang, "week-hearing"));
    let mut place = day.court_name.clone();
    if let Some(room) = &day.courtroom {
        place = format!("{place}, {room}");
    }
    let caption = text_with(
        lang,
        "trial-updates-caption",
        &[
            ("kind", kind),
            ("place", place),
            ("when", i18n::long(lang, day.starts_at)),
            ("victim", day.victim_reference.clone()),
        ],
    );
    let (update_values, update_problems, pref_values, pref_problems) = match posting {
        Posting::Nothing => (
            FormData(Vec::new()),
            Problems::new(),
            preference_values(&day),
            Problems::new(),
        ),
        Posting::Update(v, p) => (v, p, preference_values(&day), Problems::new()),
        Posting::Preference(v, p) => (FormData(Vec::new()), Problems::new(), v, p),
    };
    let mut errors = update_problems.to_json();
    if update_problems.is_empty() {
        errors = pref_problems.to_json();
    }
    let failed = !update_problems.is_empty() || !pref_problems.is_empty();
    let status = if failed {
        actix_web::http::StatusCode::UNPROCESSABLE_ENTITY
    } else {
        actix_web::http::StatusCode::OK
    };
    let may_record = can(s, ResourceKind::TrialUpdate, Action::Create) && day.on_the_day;
    let may_set = can(s, ResourceKind::TrialUpdatePreference, Action::Update);
    let back = if s.role() == Role::WitnessServiceStaff {
        "/week".to_string()
    } else {
        format!("/cases/{}#hearing-{}", day.case_id, day.hearing_id)
    };
    let updates: Vec<Value> = day.updates.iter().map(|u| update_json(lang, u)).collect();
    let mut data = page(
        s,
        &text(lang, "case-updates-on-the-day"),
        if s.role() == Role::WitnessServiceStaff {
            "week"
        } else {
            "cases"
        },
        json!({
            "caption": caption,
            "back": back,
            "done": done,
            "errors": errors,
            "updates": updates,
            "record": may_record.then(|| json!({
                "action": format!("/hearings/{}/trial-updates", day.hearing_id),
                "fields": fill_all(update_fields(lang), &update_values, &update_problems),
            })),
            "not_today": !day.on_the_day,
            "who_is_told": who_is_told(lang, &day),
            "preference": may_set.then(|| json!({
                "action": format!("/hearings/{}/trial-updates/preference", day.hearing_id),
                "fields": fill_all(preference_fields(lang), &pref_values, &pref_problems),
                "consent": day.preference.as_ref().is_some_and(|p| p.contact_consent_in_force),
                "consents": format!("/cases/{}/consents/new", day.case_id),
            })),
        }),
    );
    data["layout"]["error"] = json!(failed);
    render_status(status, "trial_updates", &data)
}

async fn show(
    state: web::Data<AppState>,
    s: Session,
    id: web::Path<String>,
    q: web::Query<Done>,
) -> PageResult {
    super::require(&s, ResourceKind::TrialUpdate, Action::Read, "trial update")?;
    draw(
        &state,
        &s,
        id.into_inner(),
        Posting::Nothing,
        done_messages(s.lang, &q),
    )
    .await
}

/// The form's answers as the API's input, with the problems only the form
/// can have (no choice made, a choice that is not one of the list).
fn input_of(lang: Lang, form: &FormData, problems: &mut Problems) -> Option<TrialUpdateInput> {
    let kind = required_choice(
        form,
        "kind",
        &text(lang, "trial-updates-error-kind"),
        TrialUpdateKind::parse,
        problems,
    );
    let mut told = Vec::new();
    for v in form.all("told_in_person") {
        match TrialUpdateAudience::parse(&v) {
            Some(a) => told.push(a),
            None => problems.add("told_in_person", text(lang, "trial-updates-error-told")),
        }
    }
    Some(TrialUpdateInput {
        kind: kind?,
        note: form.text("note").filter(|n| !n.trim().is_empty()),
        told_in_person: told,
    })
}

async fn save(state: web::Data<AppState>, posted: Posted, id: web::Path<String>) -> PageResult {
    let Posted { session: s, form } = posted;
    super::require(
        &s,
        ResourceKind::TrialUpdate,
        Action::Create,
        "trial update",
    )?;
    let id = id.into_inner();
    let mut problems = Problems::new();
    let input = input_of(s.lang, &form, &mut problems);
    let Some(input) = input.filter(|_| problems.is_empty()) else {
        return draw(&state, &s, id, Posting::Update(form, problems), Vec::new()).await;
    };
    let hearing = id.clone();
    let outcome = with_conn(&state, &s, move |conn, ctx| {
        match trial_updates::record(conn, ctx, &hearing, &input) {
            Ok(done) => Ok(Ok(done)),
            Err(AppError::Validation(errors)) => Ok(Err(Problems::from_api(&errors, place_update))),
            Err(AppError::Conflict(message)) => {
                let mut p = Problems::new();
                p.add("kind", super::safety_plans::sentence(&message));
                Ok(Err(p))
            }
            Err(other) => Err(other),
        }
    })
    .await?;
    match outcome {
        Ok(done) => {
            tracing::info!(update_id = %done.update.id, "trial update recorded from the pages");
            let why: Vec<&str> = done.not_messaged.iter().map(|n| n.as_str()).collect();
            let mut to = format!("/hearings/{id}/trial-updates?done=recorded");
            if !why.is_empty() {
                to = format!("{to}&why={}", why.join(","));
            }
            Ok(see_other(&to))
        }
        Err(problems) => draw(&state, &s, id, Posting::Update(form, problems), Vec::new()).await,
    }
}

async fn save_preference(
    state: web::Data<AppState>,
    posted: Posted,
    id: web::Path<String>,
) -> PageResult {
    let Posted { session: s, form } = posted;
    super::require(
        &s,
        ResourceKind::TrialUpdatePreference,
        Action::Update,
        "trial-progress preference",
    )?;
    let id = id.into_inner();
    let input = TrialUpdatePreferenceInput {
        to_victim: form.get("to_victim") == Some("yes"),
        contact_name: form.text("contact_name").filter(|v| !v.trim().is_empty()),
        contact_email: form.text("contact_email").filter(|v| !v.trim().is_empty()),
    };
    let hearing = id.clone();
    let outcome = with_conn(&state, &s, move |conn, ctx| {
        let day = trial_updates::day(conn, ctx, &hearing)?;
        match trial_updates::set_preference(conn, ctx, &day.victim_id, &input) {
            Ok(p) => Ok(Ok(p)),
            Err(AppError::Validation(errors)) => {
                Ok(Err(Problems::from_api(&errors, place_preference)))
            }
            Err(other) => Err(other),
        }
    })
    .await?;
    match outcome {
        Ok(_) => Ok(see_other(&format!(
            "/hearings/{id}/trial-updates?done=preference"
        ))),
        Err(problems) => {
            draw(
                &state,
                &s,
                id,
                Posting::Preference(form, problems),
                Vec::new(),
            )
            .await
        }
    }
}

//! A victim's contact details (`/victims/{id}/details`): her name, how to
//! reach her, which ways are safe, and when. Supporters and witness care
//! officers who may see her record them and change them; the form goes
//! through the same use cases as the API's `POST /api/v1/victim-details`
//! and `PUT /api/v1/victim-details/{id}` (sealed at rest, audited, the
//! version check on a change). Opening the page is a read of her sensitive
//! details and is recorded in the audit log, as the API's read is. Nothing
//! on this page is ever logged, and her address goes into no message or
//! calendar.

use actix_web::web;
use serde::Deserialize;

use crate::error::AppError;
use crate::policy::{Action, ResourceKind};
use crate::resources::{
    SafeChannel, VictimOut, VictimSensitiveDetails, VictimSensitiveInput, VictimSensitiveOut,
    Victims,
};
use crate::web::AppState;

use super::fields::{Field, FormPage};
use super::forms::{FormData, Problems};
use super::i18n::{text, text_with, Lang};
use super::session::{Posted, Session};
use super::{create, read, render_form, require, see_other, update, with_conn};
use super::{PageError, PageResult};

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.route("/victims/{id}/details", web::get().to(form_page))
        .route("/victims/{id}/details", web::post().to(form_post));
}

pub fn path(victim_id: &str) -> String {
    format!("/victims/{victim_id}/details")
}

#[derive(Deserialize)]
struct Done {
    done: Option<String>,
}

/// A safe way to contact her, in the page's language.
fn channel_label(lang: Lang, c: SafeChannel) -> String {
    text(
        lang,
        match c {
            SafeChannel::Phone => "victim-details-channel-phone",
            SafeChannel::Sms => "victim-details-channel-sms",
            SafeChannel::Email => "victim-details-channel-email",
            SafeChannel::Letter => "victim-details-channel-letter",
            SafeChannel::InPerson => "victim-details-channel-in-person",
        },
    )
}

fn fields(lang: Lang) -> Vec<Field> {
    let channels: Vec<(String, String)> = SafeChannel::ALL
        .iter()
        .map(|c| (c.as_str().to_string(), channel_label(lang, *c)))
        .collect();
    let t = |key: &str| text(lang, key);
    vec![
        Field::text("full_name", &t("victim-details-name")).hint(&t("victim-details-name-hint")),
        Field::text("phone", &t("victim-details-phone")).typed("tel", "off"),
        Field::text("email", &t("victim-details-email")).typed("email", "off"),
        Field::textarea("address", &t("victim-details-address"))
            .hint(&t("victim-details-address-hint")),
        Field::checkboxes("safe_channels", &t("victim-details-channels"), &channels)
            .hint(&t("victim-details-channels-hint")),
        Field::text("safe_hours", &t("victim-details-hours")).hint(&t("victim-details-hours-hint")),
        Field::radios(
            "safe_to_leave_voicemail",
            &t("victim-details-voicemail"),
            &super::form_words::yes_no(
                lang,
                [
                    "victim-details-voicemail-yes",
                    "victim-details-voicemail-no",
                ],
            ),
        ),
        Field::text("interpreter_language", &t("victim-details-interpreter"))
            .hint(&t("victim-details-interpreter-hint")),
        Field::text("guardian_name", &t("victim-details-guardian"))
            .hint(&t("victim-details-guardian-hint")),
        Field::textarea("needs", &t("victim-details-needs")),
    ]
}

/// Where the API's field names land on this form.
fn place(field: &str) -> (&'static str, &'static str) {
    match field {
        "full_name" => ("full_name", "Her name"),
        "phone" => ("phone", "The telephone number"),
        "email" => ("email", "The email address"),
        "address" => ("address", "The address"),
        "safe_hours" => ("safe_hours", "The safe hours"),
        "interpreter_language" => ("interpreter_language", "The interpreter language"),
        "guardian_name" => ("guardian_name", "The parent or guardian's name"),
        "needs" => ("needs", "The note"),
        _ => ("full_name", ""),
    }
}

fn form(
    lang: Lang,
    victim: &VictimOut,
    current: Option<&VictimSensitiveOut>,
    saved: bool,
) -> FormPage {
    let mut intro = vec![text(lang, "victim-details-intro")];
    if saved {
        intro.insert(0, text(lang, "victim-details-saved"));
    }
    FormPage {
        title: text(lang, "victims-contact-details"),
        caption: Some(text_with(
            lang,
            "tasks-victim",
            &[("victim", victim.reference.clone())],
        )),
        heading: text(lang, "victim-details-heading"),
        intro,
        action: path(&victim.id),
        back: "/victims".into(),
        submit: text(lang, "victim-details-save"),
        hidden: current
            .map(|c| vec![("version".into(), c.version.to_string())])
            .unwrap_or_default(),
        fields: fields(lang),
        ..FormPage::default()
    }
}

fn values(d: &VictimSensitiveOut) -> FormData {
    let opt = |v: &Option<String>| v.clone().unwrap_or_default();
    let mut out = vec![
        ("full_name".into(), d.full_name.clone()),
        ("phone".into(), opt(&d.phone)),
        ("email".into(), opt(&d.email)),
        ("address".into(), opt(&d.address)),
        ("safe_hours".into(), opt(&d.safe_hours)),
        (
            "safe_to_leave_voicemail".into(),
            if d.safe_to_leave_voicemail {
                "yes"
            } else {
                "no"
            }
            .into(),
        ),
        ("interpreter_language".into(), opt(&d.interpreter_language)),
        ("guardian_name".into(), opt(&d.guardian_name)),
        ("needs".into(), opt(&d.needs)),
    ];
    out.extend(
        d.safe_channels
            .iter()
            .map(|c| ("safe_channels".to_string(), c.as_str().to_string())),
    );
    FormData(out)
}

/// The form's answers as the API's input, or what is missing.
fn read_form(
    lang: Lang,
    form: &FormData,
    victim_id: &str,
) -> Result<VictimSensitiveInput, Problems> {
    let mut problems = Problems::new();
    let full_name = form.text("full_name");
    if full_name.is_none() {
        problems.add("full_name", text(lang, "victim-details-error-name"));
    }
    let mut safe_channels = Vec::new();
    for typed in form.all("safe_channels") {
        match SafeChannel::ALL.iter().find(|c| c.as_str() == typed) {
            Some(c) => safe_channels.push(*c),
            None => problems.add("safe_channels", text(lang, "victim-details-error-channels")),
        }
    }
    let voicemail = match form.text("safe_to_leave_voicemail").as_deref() {
        Some("yes") => Some(true),
        Some("no") => Some(false),
        _ => {
            problems.add(
                "safe_to_leave_voicemail",
                text(lang, "victim-details-error-voicemail"),
            );
            None
        }
    };
    match (full_name, voicemail) {
        (Some(full_name), Some(safe_to_leave_voicemail)) if problems.is_empty() => {
            Ok(VictimSensitiveInput {
                victim_id: victim_id.to_string(),
                full_name,
                phone: form.text("phone"),
                email: form.text("email"),
                address: form.text("address"),
                needs: form.text("needs"),
                safe_channels,
                safe_hours: form.text("safe_hours"),
                safe_to_leave_voicemail,
                interpreter_language: form.text("interpreter_language"),
                guardian_name: form.text("guardian_name"),
            })
        }
        _ => Err(problems),
    }
}

/// The victim and her details, if any are recorded (reading them is
/// audited).
fn load(
    conn: &mut crate::store::AnyConn,
    ctx: &crate::app::Ctx,
    id: &str,
) -> Result<(VictimOut, Option<VictimSensitiveOut>), AppError> {
    let victim = read::<Victims>(conn, ctx, id)?;
    let details = match read::<VictimSensitiveDetails>(conn, ctx, id) {
        Ok(d) => Some(d),
        Err(AppError::NotFound(_)) => None,
        Err(other) => return Err(other),
    };
    Ok((victim, details))
}

fn require_changer(s: &Session) -> Result<(), PageError> {
    require(
        s,
        ResourceKind::VictimSensitive,
        Action::Update,
        "victim's contact details",
    )
}

async fn form_page(
    state: web::Data<AppState>,
    s: Session,
    id: web::Path<String>,
    q: web::Query<Done>,
) -> PageResult {
    require_changer(&s)?;
    let id = id.into_inner();
    let (victim, details) = with_conn(&state, &s, move |conn, ctx| load(conn, ctx, &id)).await?;
    let saved = q.done.as_deref() == Some("saved");
    let shown = details
        .as_ref()
        .map(values)
        .unwrap_or_else(|| FormData(vec![("safe_to_leave_voicemail".into(), "no".into())]));
    render_form(
        &s,
        "victims",
        form(s.lang, &victim, details.as_ref(), saved),
        &shown,
        &Problems::new(),
    )
}

enum Saved {
    Done,
    Problems(VictimOut, Option<VictimSensitiveOut>, Problems),
    Stale(VictimOut, VictimSensitiveOut),
}

async fn form_post(
    state: web::Data<AppState>,
    posted: Posted,
    id: web::Path<String>,
) -> PageResult {
    let Posted {
        session: s,
        form: typed,
    } = posted;
    require_changer(&s)?;
    let id = id.into_inner();
    // A change says which version it was drawn from; a first record none.
    let version = match typed.text("version") {
        None => None,
        Some(v) => Some(v.parse::<i32>().map_err(|_| {
            PageError::App(AppError::MalformedBody(
                "the form did not say which version it changes; reload the page and try again"
                    .into(),
            ))
        })?),
    };
    let form_data = typed.clone();
    let victim_id = id.clone();
    let lang = s.lang;
    let outcome = with_conn(&state, &s, move |conn, ctx| {
        let (victim, current) = load(conn, ctx, &victim_id)?;
        let input = match read_form(lang, &form_data, &victim_id) {
            Ok(input) => input,
            Err(problems) => return Ok(Saved::Problems(victim, current, problems)),
        };
        let saved = match (version, current) {
            (Some(v), Some(now)) => {
                match update::<VictimSensitiveDetails>(conn, ctx, &victim_id, v, input) {
                    Err(AppError::StaleVersion { .. }) => return Ok(Saved::Stale(victim, now)),
                    Err(AppError::Validation(errors)) => {
                        let problems = Problems::from_api(&errors, place);
                        return Ok(Saved::Problems(victim, Some(now), problems));
                    }
                    other => other,
                }
            }
            // Someone recorded them since this page was drawn empty: show
            // what is stored now.
            (None, Some(now)) => return Ok(Saved::Stale(victim, now)),
            (_, None) => create::<VictimSensitiveDetails>(conn, ctx, input),
        };
        Ok(match saved {
            Ok(_) => Saved::Done,
            Err(AppError::Validation(errors)) => {
                Saved::Problems(victim, None, Problems::from_api(&errors, place))
            }
            Err(other) => return Err(other),
        })
    })
    .await?;
    match outcome {
        Saved::Done => {
            tracing::info!(victim_id = %id, "victim's contact details saved from the pages");
            Ok(see_other(&format!("{}?done=saved", path(&id))))
        }
        Saved::Problems(victim, current, problems) => {
            let mut page = form(lang, &victim, current.as_ref(), false);
            if let Some(v) = version {
                // Keep the version the person started from.
                page.hidden = vec![("version".into(), v.to_string())];
            }
            render_form(&s, "victims", page, &typed, &problems)
        }
        Saved::Stale(victim, now) => {
            let mut page = form(lang, &victim, Some(&now), false);
            let ways: Vec<String> = now
                .safe_channels
                .iter()
                .map(|c| channel_label(lang, *c))
                .collect();
            page.stale = Some((
                text(lang, "victim-details-what"),
                vec![
                    (text(lang, "victim-details-name"), now.full_name.clone()),
                    (
                        text(lang, "victim-details-safe-ways"),
                        if ways.is_empty() {
                            text(lang, "victim-details-none-yet")
                        } else {
                            ways.join(", ")
                        },
                    ),
                ],
            ));
            render_form(
                &s,
                "victims",
                page,
                &values(&now),
                &super::form_words::stale_problem_in(
                    lang,
                    "full_name",
                    &text(lang, "victim-details-what"),
                ),
            )
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn posted(pairs: &[(&str, &str)]) -> FormData {
        FormData::of(pairs)
    }

    #[test]
    fn her_name_and_the_voicemail_answer_are_needed_and_safe_ways_come_from_the_list() {
        let problems = read_form(Lang::En, &posted(&[]), "V1").unwrap_err();
        let fields: Vec<&str> = problems.0.iter().map(|p| p.field.as_str()).collect();
        assert_eq!(fields, ["full_name", "safe_to_leave_voicemail"]);
        let input = read_form(
            Lang::En,
            &posted(&[
                ("full_name", "Demo Person"),
                ("safe_channels", "sms"),
                ("safe_channels", "in_person"),
                ("safe_hours", "weekdays 09:30-12:00"),
                ("safe_to_leave_voicemail", "no"),
                ("address", "  "),
            ]),
            "V1",
        )
        .unwrap();
        assert_eq!(
            input.safe_channels,
            [SafeChannel::Sms, SafeChannel::InPerson]
        );
        assert_eq!(input.address, None, "a blank address is none");
        assert!(!input.safe_to_leave_voicemail);
        assert!(read_form(
            Lang::En,
            &posted(&[
                ("full_name", "Demo Person"),
                ("safe_channels", "carrier_pigeon"),
                ("safe_to_leave_voicemail", "no"),
            ]),
            "V1",
        )
        .is_err());
    }
}

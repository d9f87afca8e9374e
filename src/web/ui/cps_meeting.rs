//! The CPS meeting before trial, from the case page (issue 19, item 5):
//! `/cases/{id}/cps-meeting` shows what is recorded and lets the victim's
//! supporter record the offer, the meeting's time, and her wish about
//! being accompanied. The form goes through `app::cps_meetings::record`,
//! as the API's `PUT /api/v1/cases/{id}/cps-meeting` does (same checks,
//! planning and audit entry), with the version it was drawn from.

use actix_web::web;

use crate::app::cps_meetings::{self, CpsMeetingInput, CpsMeetingOut};
use crate::domain::SupporterInvitation;
use crate::error::AppError;
use crate::policy::{Action, ResourceKind};
use crate::resources::{CaseOut, Cases};
use crate::web::AppState;

use super::fields::{Field, FormPage};
use super::forms::{field_words, london_instant, optional_date, parse_time, FormData, Problems};
use super::i18n::{self, text, text_with, Lang};
use super::labels;
use super::lookup::case_reference;
use super::session::{Posted, Session};
use super::{posted_update, read, render_form, require, see_other, with_conn, PageResult};

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.route("/cases/{id}/cps-meeting", web::get().to(form_page))
        .route("/cases/{id}/cps-meeting", web::post().to(form_post));
}

/// One line for the case page: what is recorded, in words.
pub fn status(lang: Lang, m: &CpsMeetingOut) -> String {
    if m.version == 0 {
        return text(
            lang,
            if m.entitled {
                "cps-meeting-status-none-entitled"
            } else {
                "cps-meeting-status-none"
            },
        );
    }
    if m.declined {
        return text(lang, "cps-meeting-status-declined");
    }
    let wish = text(
        lang,
        match m.supporter_invited {
            SupporterInvitation::Wanted => "cps-meeting-status-wanted",
            SupporterInvitation::NotWanted => "cps-meeting-status-not-wanted",
            SupporterInvitation::Undecided => "cps-meeting-status-undecided",
        },
    );
    let when = m
        .meeting_at
        .map(|at| {
            text_with(
                lang,
                "cps-meeting-status-on",
                &[("when", i18n::long(lang, at))],
            )
        })
        .unwrap_or_else(|| text(lang, "cps-meeting-status-no-date"));
    let told = if m.supporter_invited == SupporterInvitation::Undecided {
        String::new()
    } else if m.prosecutor_told {
        format!(" {}", text(lang, "cps-meeting-status-told"))
    } else {
        format!(" {}", text(lang, "cps-meeting-status-not-told"))
    };
    format!("{wish} {when}{told}")
}

fn facts(lang: Lang, m: &CpsMeetingOut) -> Vec<(String, String)> {
    vec![
        (
            text(lang, "cps-meeting-offered-on"),
            m.offered_on
                .map(|d| i18n::day(lang, d))
                .unwrap_or_else(|| text(lang, "cps-meeting-not-recorded")),
        ),
        (text(lang, "cps-meeting-now-recorded"), status(lang, m)),
    ]
}

fn form(lang: Lang, case: &CaseOut, m: &CpsMeetingOut) -> FormPage {
    let intro = text(
        lang,
        if m.entitled {
            "cps-meeting-intro-entitled"
        } else {
            "cps-meeting-intro"
        },
    );
    FormPage {
        title: text(lang, "cps-meeting-title"),
        caption: Some(text_with(
            lang,
            "case-title",
            &[("reference", case_reference(case))],
        )),
        heading: text(lang, "cps-meeting-title"),
        intro: vec![intro],
        facts: if m.version > 0 {
            facts(lang, m)
        } else {
            vec![]
        },
        action: format!("/cases/{}/cps-meeting", case.id),
        back: format!("/cases/{}", case.id),
        submit: text(lang, "reminders-save"),
        hidden: vec![("version".into(), m.version.to_string())],
        fields: vec![
            Field::radios(
                "supporter_invited",
                &text(lang, "cps-meeting-invited"),
                &labels::options_in(SupporterInvitation::ALL, SupporterInvitation::as_str, |i| {
                    labels::supporter_invitation_in(lang, i)
                }),
            ),
            Field::checkboxes(
                "declined",
                &text(lang, "cps-meeting-itself"),
                &[("yes".into(), text(lang, "cps-meeting-declined"))],
            ),
            Field::date("offered_on", &text(lang, "cps-meeting-offered-label"))
                .hint(&text(lang, "cps-meeting-offered-hint")),
            Field::date("meeting_date", &text(lang, "cps-meeting-date"))
                .hint(&text(lang, "cps-meeting-date-hint")),
            Field::time("meeting_time", &text(lang, "cps-meeting-time"))
                .hint(&text(lang, "cps-meeting-time-hint")),
        ],
        ..FormPage::default()
    }
}

fn current_values(m: &CpsMeetingOut) -> FormData {
    let local = m.meeting_at.map(crate::calendar::to_london);
    // Nothing is chosen for her until something is recorded.
    let wish = (m.version > 0).then(|| m.supporter_invited.as_str().to_string());
    let mut values = vec![
        ("supporter_invited".to_string(), wish.unwrap_or_default()),
        (
            "offered_on".into(),
            m.offered_on.map(|d| d.to_string()).unwrap_or_default(),
        ),
        (
            "meeting_date".into(),
            local
                .map(|t| t.date_naive().to_string())
                .unwrap_or_default(),
        ),
        (
            "meeting_time".into(),
            local
                .map(|t| t.format("%H:%M").to_string())
                .unwrap_or_default(),
        ),
    ];
    if m.declined {
        values.push(("declined".into(), "yes".into()));
    }
    FormData(values)
}

/// The form's answers as the API's input, or what is wrong, in words.
fn read_form(lang: Lang, form: &FormData) -> Result<CpsMeetingInput, Problems> {
    let mut problems = Problems::new();
    let wish = form
        .text("supporter_invited")
        .and_then(|w| SupporterInvitation::parse(&w));
    if wish.is_none() {
        problems.add("supporter_invited", text(lang, "cps-meeting-error-invited"));
    }
    let offered_on = optional_date(
        form,
        "offered_on",
        &field_words("form-field-offered-on"),
        &mut problems,
    );
    let meeting_day = optional_date(
        form,
        "meeting_date",
        &field_words("form-field-meeting-date"),
        &mut problems,
    );
    let time = form.text("meeting_time");
    let meeting_time = time.as_deref().and_then(|v| {
        let t = parse_time(v);
        if t.is_none() {
            problems.add("meeting_time", text(lang, "cps-meeting-error-time"));
        }
        t
    });
    let meeting_at = match (meeting_day, meeting_time, time.is_some()) {
        (Some(d), Some(t), _) => {
            london_instant(d, t, "meeting_time", &mut problems).map(|(at, _)| at)
        }
        (Some(_), None, false) => {
            problems.add("meeting_time", text(lang, "cps-meeting-error-time-too"));
            None
        }
        (None, Some(_), _) if form.text("meeting_date").is_none() => {
            problems.add("meeting_date", text(lang, "cps-meeting-error-date-too"));
            None
        }
        _ => None,
    };
    let declined = form.ticked("declined");
    if declined && meeting_at.is_some() {
        problems.add("meeting_date", text(lang, "cps-meeting-error-declined"));
    }
    match wish {
        Some(wish) if problems.is_empty() => Ok(CpsMeetingInput {
            offered_on,
            meeting_at,
            supporter_invited: wish,
            declined,
        }),
        _ => Err(problems),
    }
}

/// Where the API's field names land on this form.
fn place(field: &str) -> (&'static str, &'static str) {
    match field {
        "offered_on" => ("offered_on", "The day it was offered"),
        "meeting_at" => ("meeting_date", "The meeting"),
        _ => ("supporter_invited", ""),
    }
}

async fn form_page(state: web::Data<AppState>, s: Session, id: web::Path<String>) -> PageResult {
    require(&s, ResourceKind::CpsMeeting, Action::Update, "CPS meeting")?;
    let id = id.into_inner();
    let (case, m) = with_conn(&state, &s, move |conn, ctx| {
        Ok((
            read::<Cases>(conn, ctx, &id)?,
            cps_meetings::get(conn, ctx, &id)?,
        ))
    })
    .await?;
    render_form(
        &s,
        "cases",
        form(s.lang, &case, &m),
        &current_values(&m),
        &Problems::new(),
    )
}

enum Saved {
    Done { told: bool },
    Problems(CaseOut, CpsMeetingOut, Problems),
    Stale(CaseOut, CpsMeetingOut),
}

async fn form_post(
    state: web::Data<AppState>,
    posted: Posted,
    id: web::Path<String>,
) -> PageResult {
    let (s, form_data, version) = posted_update(posted, ResourceKind::CpsMeeting, "CPS meeting")?;
    let id = id.into_inner();
    let typed = form_data.clone();
    let case_id = id.clone();
    let lang = s.lang;
    let outcome = with_conn(&state, &s, move |conn, ctx| {
        let case = read::<Cases>(conn, ctx, &id)?;
        let input = match read_form(lang, &typed) {
            Ok(input) => input,
            Err(problems) => {
                let m = cps_meetings::get(conn, ctx, &id)?;
                return Ok(Saved::Problems(case, m, problems));
            }
        };
        match cps_meetings::record(conn, ctx, &id, version, &input) {
            Ok(saved) => Ok(Saved::Done {
                told: saved.not_told_reason.is_none(),
            }),
            Err(AppError::StaleVersion { .. }) => {
                Ok(Saved::Stale(case, cps_meetings::get(conn, ctx, &id)?))
            }
            Err(AppError::Validation(errors)) => {
                let m = cps_meetings::get(conn, ctx, &id)?;
                Ok(Saved::Problems(case, m, Problems::from_api(&errors, place)))
            }
            Err(other) => Err(other),
        }
    })
    .await?;
    match outcome {
        Saved::Done { told } => {
            tracing::info!(case_id = %case_id, "CPS meeting saved from the pages");
            let done = if told {
                "cps-meeting-saved"
            } else {
                "cps-meeting-saved-not-told"
            };
            Ok(see_other(&format!(
                "/cases/{case_id}?done={done}#cps-meeting"
            )))
        }
        Saved::Problems(case, m, problems) => {
            let mut page = form(lang, &case, &m);
            page.hidden = vec![("version".into(), version.to_string())];
            render_form(&s, "cases", page, &form_data, &problems)
        }
        Saved::Stale(case, m) => {
            let mut page = form(lang, &case, &m);
            page.stale = Some((text(lang, "cps-meeting-what"), facts(lang, &m)));
            let mut problems = Problems::new();
            problems.add("supporter_invited", text(lang, "cps-meeting-error-stale"));
            render_form(&s, "cases", page, &form_data, &problems)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn posted(pairs: &[(&str, &str)]) -> FormData {
        FormData::of(pairs)
    }

    fn fields(r: Result<CpsMeetingInput, Problems>) -> Vec<String> {
        match r {
            Ok(_) => vec![],
            Err(p) => p.0.into_iter().map(|p| p.field).collect(),
        }
    }

    #[test]
    fn the_meeting_day_is_read_from_its_three_boxes() {
        let typed = FormData(crate::web::ui::forms::fold_dates(
            [
                ("supporter_invited", "wanted"),
                ("offered_on-day", ""),
                ("offered_on-month", ""),
                ("offered_on-year", ""),
                ("meeting_date-day", "25"),
                ("meeting_date-month", "10"),
                ("meeting_date-year", "2026"),
                ("meeting_time", "01:30"),
            ]
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect(),
        ));
        let ok = read_form(Lang::En, &typed).unwrap();
        assert_eq!(ok.offered_on, None);
        assert_eq!(ok.meeting_at, Some("2026-10-25T00:30:00Z".parse().unwrap()));
    }

    #[test]
    fn the_form_reads_uk_time_and_says_what_is_missing() {
        let ok = read_form(
            Lang::En,
            &posted(&[
                ("supporter_invited", "wanted"),
                ("meeting_date", "2026-10-25"),
                ("meeting_time", "01:30"),
            ]),
        )
        .unwrap();
        // The repeated autumn hour means its first (BST) occurrence.
        assert_eq!(ok.meeting_at, Some("2026-10-25T00:30:00Z".parse().unwrap()));
        assert_eq!(ok.supporter_invited, SupporterInvitation::Wanted);
        assert!(!ok.declined);

        let winter = read_form(
            Lang::En,
            &posted(&[
                ("supporter_invited", "not_wanted"),
                ("meeting_date", "15/12/2026"),
                ("meeting_time", "14:30"),
            ]),
        )
        .unwrap();
        assert_eq!(
            winter.meeting_at,
            Some("2026-12-15T14:30:00Z".parse().unwrap())
        );

        assert_eq!(
            fields(read_form(Lang::En, &posted(&[]))),
            ["supporter_invited"]
        );
        assert_eq!(
            fields(read_form(
                Lang::En,
                &posted(&[
                    ("supporter_invited", "wanted"),
                    ("meeting_date", "2026-12-15"),
                ])
            )),
            ["meeting_time"]
        );
        assert_eq!(
            fields(read_form(
                Lang::En,
                &posted(&[
                    ("supporter_invited", "wanted"),
                    ("declined", "yes"),
                    ("meeting_date", "2026-12-15"),
                    ("meeting_time", "10:00"),
                ])
            )),
            ["meeting_date"]
        );
        // The hour the clocks skip in spring is refused, in words.
        assert_eq!(
            fields(read_form(
                Lang::En,
                &posted(&[
                    ("supporter_invited", "wanted"),
                    ("meeting_date", "2026-03-29"),
                    ("meeting_time", "01:30"),
                ])
            )),
            ["meeting_time"]
        );
    }
}

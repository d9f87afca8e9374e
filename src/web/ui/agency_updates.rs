//! A witness care officer (or victim liaison officer) records that their
//! agency has an update for the victim (`/cases/{id}/updates/new`): the
//! topic only, never its content. The flows decide who is told and how
//! (through her single point of contact, directly with the supporter told,
//! or both at once with her consent), as for the API's
//! `POST /api/v1/agency-updates`; the case page lists the notices planned.

use actix_web::web;

use crate::app::updates::{self, AgencyUpdateInput};
use crate::error::AppError;
use crate::flows::UpdateTopic;
use crate::policy::{Action, ResourceKind};
use crate::resources::{CaseOut, Cases};
use crate::web::AppState;

use super::fields::{Field, FormPage};
use super::form_words::case_caption;
use super::forms::{FormData, Problems};
use super::i18n::{text, Lang};
use super::lookup::case_reference;
use super::session::{Posted, Session};
use super::{read, render_form, require, see_other, with_conn, PageResult};

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.route("/cases/{id}/updates/new", web::get().to(form_page))
        .route("/cases/{id}/updates/new", web::post().to(form_post));
}

/// The topic's stored word and what a person reads.
pub fn topic(t: UpdateTopic) -> (&'static str, &'static str) {
    match t {
        UpdateTopic::CaseProgress => (
            "case_progress",
            "Progress in the case (for example a charge, bail or a court date to come)",
        ),
        UpdateTopic::UrgentSafeguarding => (
            "urgent_safeguarding",
            "Urgent safeguarding: she must be told at once",
        ),
        UpdateTopic::Evidence => (
            "evidence",
            "About her evidence (only the police or prosecutor may discuss it with her)",
        ),
        UpdateTopic::Medical => ("medical", "Medical information"),
        UpdateTopic::NoFurtherAction => (
            "no_further_action",
            "No further action: the case will not go ahead",
        ),
    }
}

/// The catalogue key of the topic's words.
fn topic_key(t: UpdateTopic) -> &'static str {
    match t {
        UpdateTopic::CaseProgress => "agency-updates-topic-case-progress",
        UpdateTopic::UrgentSafeguarding => "agency-updates-topic-urgent-safeguarding",
        UpdateTopic::Evidence => "agency-updates-topic-evidence",
        UpdateTopic::Medical => "agency-updates-topic-medical",
        UpdateTopic::NoFurtherAction => "agency-updates-topic-no-further-action",
    }
}

const CHECK: (ResourceKind, Action, &str) =
    (ResourceKind::AgencyUpdate, Action::Create, "agency update");

fn form(lang: Lang, case: &CaseOut) -> FormPage {
    let options: Vec<(String, String)> = UpdateTopic::ALL
        .iter()
        .map(|t| (topic(*t).0.to_string(), text(lang, topic_key(*t))))
        .collect();
    FormPage {
        title: text(lang, "agency-updates-title"),
        caption: case_caption(lang, case_reference(case)),
        heading: text(lang, "agency-updates-title"),
        intro: vec![text(lang, "agency-updates-intro")],
        action: format!("/cases/{}/updates/new", case.id),
        back: format!("/cases/{}", case.id),
        submit: text(lang, "agency-updates-submit"),
        fields: vec![Field::radios(
            "topic",
            &text(lang, "agency-updates-question"),
            &options,
        )],
        ..FormPage::default()
    }
}

fn read_form(lang: Lang, form: &FormData) -> Result<UpdateTopic, Problems> {
    let chosen = form.text("topic");
    UpdateTopic::ALL
        .iter()
        .copied()
        .find(|t| chosen.as_deref() == Some(topic(*t).0))
        .ok_or_else(|| {
            let mut problems = Problems::new();
            problems.add("topic", text(lang, "agency-updates-error-topic"));
            problems
        })
}

async fn form_page(state: web::Data<AppState>, s: Session, id: web::Path<String>) -> PageResult {
    let (kind, action, what) = CHECK;
    require(&s, kind, action, what)?;
    let id = id.into_inner();
    let case = with_conn(&state, &s, move |conn, ctx| read::<Cases>(conn, ctx, &id)).await?;
    render_form(
        &s,
        "cases",
        form(s.lang, &case),
        &FormData(vec![]),
        &Problems::new(),
    )
}

async fn form_post(
    state: web::Data<AppState>,
    posted: Posted,
    id: web::Path<String>,
) -> PageResult {
    let Posted {
        session: s,
        form: posted_form,
    } = posted;
    let (kind, action, what) = CHECK;
    require(&s, kind, action, what)?;
    let id = id.into_inner();
    let lang = s.lang;
    let chosen = read_form(lang, &posted_form);
    let case_id = id.clone();
    let outcome = with_conn(&state, &s, move |conn, ctx| {
        let case = read::<Cases>(conn, ctx, &id)?;
        match chosen {
            Err(problems) => Ok(Err((case, problems))),
            Ok(topic) => {
                let input = AgencyUpdateInput {
                    victim_id: case.victim_id.clone(),
                    case_id: Some(case.id.clone()),
                    topic,
                };
                match updates::record(conn, ctx, input) {
                    Ok(out) => Ok(Ok(out.planned.notices_planned + out.planned.notices_revived)),
                    Err(AppError::Validation(_)) => {
                        let mut problems = Problems::new();
                        problems.add("topic", text(lang, "agency-updates-error-topic"));
                        Ok(Err((case, problems)))
                    }
                    Err(other) => Err(other),
                }
            }
        }
    })
    .await?;
    match outcome {
        Ok(planned) => {
            tracing::info!(case_id = %case_id, planned, "agency update recorded from the pages");
            let done = if planned == 0 {
                "update-recorded-none"
            } else {
                "update-recorded"
            };
            Ok(see_other(&format!("/cases/{case_id}?done={done}")))
        }
        Err((case, problems)) => {
            render_form(&s, "cases", form(lang, &case), &posted_form, &problems)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_topic_has_words_and_reads_back() {
        for t in UpdateTopic::ALL {
            let (code, label) = topic(*t);
            assert_eq!(serde_json::to_value(t).unwrap(), code);
            assert!(!label.contains('_'));
            let posted = FormData(vec![("topic".into(), code.into())]);
            assert_eq!(read_form(Lang::En, &posted).unwrap(), *t);
            for lang in Lang::ALL {
                let ((), _, missing) = super::super::i18n::rendering(lang, || {
                    drop(text(lang, topic_key(*t)));
                });
                assert!(missing.is_empty(), "{missing:?}");
            }
        }
        assert!(read_form(Lang::En, &FormData(vec![])).is_err());
    }
}

//! Court staff set their court's booking lead time for needs at court
//! (`/court/booking-lead-time`): how many working days before a hearing an
//! interpreter, intermediary or room must be asked for. The form goes
//! through `app::court_need_settings::set`, as the API's
//! `PUT /api/v1/courts/{id}/court-need-settings` does.

use actix_web::web;
use serde::Deserialize;

use crate::app::court_need_settings::{
    self, CourtNeedSettingInput, CourtNeedSettingOut, MAX_WORKING_DAYS,
};
use crate::error::AppError;
use crate::policy::{Action, ResourceKind};
use crate::web::AppState;

use super::fields::{Field, FormPage};
use super::forms::{FormData, Problems};
use super::i18n::{text, text_with, Lang};
use super::session::{Posted, Session};
use super::{render_form, require, see_other, with_conn, PageError, PageResult};

const PATH: &str = "/court/booking-lead-time";

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.route(PATH, web::get().to(form_page))
        .route(PATH, web::post().to(form_post));
}

#[derive(Deserialize)]
struct Query {
    done: Option<String>,
}

fn form(lang: Lang, s: &CourtNeedSettingOut, saved: bool) -> FormPage {
    let default = ("default", s.default_working_days.to_string());
    let now = match s.short_notice_working_days {
        Some(days) => text_with(
            lang,
            "court-settings-now-own",
            &[("days", days.to_string())],
        ),
        None => text_with(
            lang,
            "court-settings-now-default",
            std::slice::from_ref(&default),
        ),
    };
    let mut intro = vec![text(lang, "court-settings-intro"), now];
    if saved {
        intro.insert(0, text(lang, "court-settings-saved"));
    }
    FormPage {
        title: text(lang, "home-lead-time-label"),
        caption: Some(s.court_name.clone()),
        heading: text(lang, "home-lead-time-label"),
        intro,
        action: PATH.into(),
        back: "/".into(),
        submit: text(lang, "reminders-save"),
        fields: vec![Field::number(
            "short_notice_working_days",
            &text(lang, "court-settings-days"),
        )
        .hint(&text_with(
            lang,
            "court-settings-days-hint",
            &[("most", MAX_WORKING_DAYS.to_string()), default],
        ))],
        ..FormPage::default()
    }
}

fn values(s: &CourtNeedSettingOut) -> FormData {
    FormData(vec![(
        "short_notice_working_days".into(),
        s.short_notice_working_days
            .map(|d| d.to_string())
            .unwrap_or_default(),
    )])
}

/// The court the person's organisation serves, or a page saying there is
/// none.
async fn own_court(state: &AppState, s: &Session) -> Result<String, PageError> {
    let court = with_conn(state, s, |conn, ctx| {
        crate::app::safety_plans::service_court(conn, ctx)
    })
    .await?;
    court.ok_or_else(|| {
        PageError::App(AppError::NotFound(
            "court (your organisation is not linked to a court; ask an administrator)".into(),
        ))
    })
}

async fn setting_of(
    state: &AppState,
    s: &Session,
    court: String,
) -> Result<CourtNeedSettingOut, PageError> {
    Ok(with_conn(state, s, move |conn, ctx| {
        court_need_settings::get(conn, ctx, &court)
    })
    .await?)
}

async fn form_page(state: web::Data<AppState>, s: Session, q: web::Query<Query>) -> PageResult {
    require(
        &s,
        ResourceKind::CourtNeedSetting,
        Action::Update,
        "court's booking lead time",
    )?;
    let court = own_court(&state, &s).await?;
    let setting = setting_of(&state, &s, court).await?;
    let saved = q.done.as_deref() == Some("saved");
    render_form(
        &s,
        "home",
        form(s.lang, &setting, saved),
        &values(&setting),
        &Problems::new(),
    )
}

/// The form's answer as the API's input, or what is wrong, in words.
fn read_form(lang: Lang, form: &FormData) -> Result<CourtNeedSettingInput, Problems> {
    let mut problems = Problems::new();
    let days = match form.text("short_notice_working_days") {
        None => None,
        Some(typed) => match typed.parse::<i32>() {
            Ok(d) if (1..=MAX_WORKING_DAYS).contains(&d) => Some(d),
            _ => {
                problems.add(
                    "short_notice_working_days",
                    text_with(
                        lang,
                        "court-settings-error-days",
                        &[("most", MAX_WORKING_DAYS.to_string())],
                    ),
                );
                None
            }
        },
    };
    if problems.is_empty() {
        Ok(CourtNeedSettingInput {
            short_notice_working_days: days,
        })
    } else {
        Err(problems)
    }
}

async fn form_post(state: web::Data<AppState>, posted: Posted) -> PageResult {
    let Posted {
        session: s,
        form: posted_form,
    } = posted;
    require(
        &s,
        ResourceKind::CourtNeedSetting,
        Action::Update,
        "court's booking lead time",
    )?;
    let court = own_court(&state, &s).await?;
    match read_form(s.lang, &posted_form) {
        Ok(input) => {
            with_conn(&state, &s, move |conn, ctx| {
                court_need_settings::set(conn, ctx, &court, &input)
            })
            .await?;
            Ok(see_other(&format!("{PATH}?done=saved")))
        }
        Err(problems) => {
            let setting = setting_of(&state, &s, court).await?;
            render_form(
                &s,
                "home",
                form(s.lang, &setting, false),
                &posted_form,
                &problems,
            )
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn posted(value: &str) -> FormData {
        FormData(vec![("short_notice_working_days".into(), value.into())])
    }

    #[test]
    fn the_form_takes_a_whole_number_of_days_or_nothing() {
        assert_eq!(
            read_form(Lang::En, &posted("10"))
                .unwrap()
                .short_notice_working_days,
            Some(10)
        );
        assert_eq!(
            read_form(Lang::En, &posted(""))
                .unwrap()
                .short_notice_working_days,
            None
        );
        for bad in ["0", "31", "ten", "2.5"] {
            assert!(read_form(Lang::En, &posted(bad)).is_err(), "{bad}");
        }
    }
}

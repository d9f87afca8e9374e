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

fn form(s: &CourtNeedSettingOut, saved: bool) -> FormPage {
    let now = match s.short_notice_working_days {
        Some(days) => format!("Your court asks for {days} working days' notice."),
        None => format!(
            "Your court has not set its own figure, so the service's default of {} working days applies.",
            s.default_working_days
        ),
    };
    let mut intro = vec![
        "When a victim's need at court (an interpreter, a registered intermediary, disability access or a separate waiting room) is recorded closer to her hearing than this, the witness care officer is warned that the booking is short notice.".into(),
        now,
    ];
    if saved {
        intro.insert(0, "Saved.".into());
    }
    FormPage {
        title: "Booking lead time for needs at court".into(),
        caption: Some(s.court_name.clone()),
        heading: "Booking lead time for needs at court".into(),
        intro,
        action: PATH.into(),
        back: "/".into(),
        submit: "Save".into(),
        fields: vec![Field::number(
            "short_notice_working_days",
            "How many working days' notice does your court need?",
        )
        .hint(&format!(
            "From 1 to {MAX_WORKING_DAYS}. Leave empty to use the service's default of {} working days.",
            s.default_working_days
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

async fn form_page(state: web::Data<AppState>, s: Session, q: web::Query<Query>) -> PageResult {
    require(
        &s,
        ResourceKind::CourtNeedSetting,
        Action::Update,
        "court's booking lead time",
    )?;
    let court = own_court(&state, &s).await?;
    let setting = with_conn(&state, &s, move |conn, ctx| {
        court_need_settings::get(conn, ctx, &court)
    })
    .await?;
    let saved = q.done.as_deref() == Some("saved");
    render_form(
        &s,
        "home",
        form(&setting, saved),
        &values(&setting),
        &Problems::new(),
    )
}

/// The form's answer as the API's input, or what is wrong, in words.
fn read_form(form: &FormData) -> Result<CourtNeedSettingInput, Problems> {
    let mut problems = Problems::new();
    let days = match form.text("short_notice_working_days") {
        None => None,
        Some(text) => match text.parse::<i32>() {
            Ok(d) if (1..=MAX_WORKING_DAYS).contains(&d) => Some(d),
            _ => {
                problems.add(
                    "short_notice_working_days",
                    format!("Enter a whole number of working days from 1 to {MAX_WORKING_DAYS}, or leave it empty"),
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
    match read_form(&posted_form) {
        Ok(input) => {
            with_conn(&state, &s, move |conn, ctx| {
                court_need_settings::set(conn, ctx, &court, &input)
            })
            .await?;
            Ok(see_other(&format!("{PATH}?done=saved")))
        }
        Err(problems) => {
            let setting = with_conn(&state, &s, move |conn, ctx| {
                court_need_settings::get(conn, ctx, &court)
            })
            .await?;
            render_form(&s, "home", form(&setting, false), &posted_form, &problems)
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
            read_form(&posted("10")).unwrap().short_notice_working_days,
            Some(10)
        );
        assert_eq!(
            read_form(&posted("")).unwrap().short_notice_working_days,
            None
        );
        for bad in ["0", "31", "ten", "2.5"] {
            assert!(read_form(&posted(bad)).is_err(), "{bad}");
        }
    }
}

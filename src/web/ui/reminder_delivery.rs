//! "Your reminders" (`/my-reminders`): a supporter chooses whether their
//! reminders of hearings and pre-trial visits come one message each, or
//! listed in their 07:30 daily digest instead. The form goes through
//! `app::reminder_delivery::update`, as the API's
//! `PUT /api/v1/me/reminder-delivery` does.

use actix_web::web;
use serde::Deserialize;

use crate::app::reminder_delivery::{
    self as delivery, ReminderDelivery, ReminderDeliveryInput, ReminderDeliveryOut,
};
use crate::policy::{Action, ResourceKind};
use crate::web::AppState;

use super::fields::{Field, FormPage};
use super::forms::{FormData, Problems};
use super::i18n::{self, text, text_with, Lang};
use super::session::{Posted, Session};
use super::{render_form, require, see_other, with_conn, PageResult};

pub const PATH: &str = "/my-reminders";
const FIELD: &str = "delivery";
const SEPARATELY: &str = "separately";
const IN_DIGEST: &str = "in_daily_digest";

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.route(PATH, web::get().to(form_page))
        .route(PATH, web::post().to(form_post));
}

#[derive(Deserialize)]
struct Query {
    done: Option<String>,
}

fn form(lang: Lang, out: &ReminderDeliveryOut, saved: bool) -> FormPage {
    let mut intro = vec![
        text(lang, "reminders-intro-when"),
        text(lang, "reminders-intro-how"),
    ];
    if saved {
        let now = match out.delivery {
            ReminderDelivery::Separately => text(lang, "reminders-saved-separately"),
            ReminderDelivery::InDailyDigest => text_with(
                lang,
                "reminders-saved-in-digest",
                &[("day", i18n::day(lang, out.applies_from))],
            ),
        };
        intro.insert(0, now);
    }
    FormPage {
        title: text(lang, "nav-reminders"),
        heading: text(lang, "nav-reminders"),
        intro,
        action: PATH.into(),
        back: "/week".into(),
        submit: text(lang, "reminders-save"),
        fields: vec![Field::radios(
            FIELD,
            &text(lang, "reminders-how"),
            &[
                (SEPARATELY.into(), text(lang, "reminders-separately")),
                (IN_DIGEST.into(), text(lang, "reminders-in-digest")),
            ],
        )
        .choice_hint(SEPARATELY, &text(lang, "reminders-separately-hint"))
        .choice_hint(IN_DIGEST, &text(lang, "reminders-in-digest-hint"))],
        ..FormPage::default()
    }
}

fn values(out: &ReminderDeliveryOut) -> FormData {
    let value = match out.delivery {
        ReminderDelivery::Separately => SEPARATELY,
        ReminderDelivery::InDailyDigest => IN_DIGEST,
    };
    FormData(vec![(FIELD.into(), value.into())])
}

async fn current(state: &AppState, s: &Session) -> Result<ReminderDeliveryOut, super::PageError> {
    Ok(with_conn(state, s, delivery::read).await?)
}

async fn form_page(state: web::Data<AppState>, s: Session, q: web::Query<Query>) -> PageResult {
    require(
        &s,
        ResourceKind::ReminderDelivery,
        Action::Read,
        "reminder delivery",
    )?;
    let out = current(&state, &s).await?;
    let saved = q.done.as_deref() == Some("saved");
    render_form(
        &s,
        "reminders",
        form(s.lang, &out, saved),
        &values(&out),
        &Problems::new(),
    )
}

/// The form's answer as the API's input, or what is wrong, in words.
fn read_form(lang: Lang, form: &FormData) -> Result<ReminderDeliveryInput, Problems> {
    let delivery = match form.text(FIELD).as_deref() {
        Some(SEPARATELY) => ReminderDelivery::Separately,
        Some(IN_DIGEST) => ReminderDelivery::InDailyDigest,
        _ => {
            let mut problems = Problems::new();
            problems.add(FIELD, text(lang, "reminders-error-choose"));
            return Err(problems);
        }
    };
    Ok(ReminderDeliveryInput { delivery })
}

async fn form_post(state: web::Data<AppState>, posted: Posted) -> PageResult {
    let Posted {
        session: s,
        form: posted_form,
    } = posted;
    require(
        &s,
        ResourceKind::ReminderDelivery,
        Action::Update,
        "reminder delivery",
    )?;
    match read_form(s.lang, &posted_form) {
        Ok(input) => {
            let out = with_conn(&state, &s, move |conn, ctx| {
                delivery::update(conn, ctx, input)
            })
            .await?;
            tracing::info!(delivery = ?out.delivery, "reminder delivery chosen from the pages");
            Ok(see_other(&format!("{PATH}?done=saved")))
        }
        Err(problems) => {
            let out = current(&state, &s).await?;
            render_form(
                &s,
                "reminders",
                form(s.lang, &out, false),
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
        FormData(vec![(FIELD.into(), value.into())])
    }

    #[test]
    fn the_form_takes_one_of_the_two_choices_and_says_what_to_do_otherwise() {
        assert_eq!(
            read_form(Lang::En, &posted("separately")).unwrap().delivery,
            ReminderDelivery::Separately
        );
        assert_eq!(
            read_form(Lang::En, &posted("in_daily_digest"))
                .unwrap()
                .delivery,
            ReminderDelivery::InDailyDigest
        );
        for bad in ["", "digest", "both"] {
            let problems = read_form(Lang::En, &posted(bad)).unwrap_err();
            assert!(!problems.is_empty(), "{bad}");
        }
        assert!(read_form(Lang::En, &FormData::default()).is_err());
    }
}

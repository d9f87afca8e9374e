//! A manager's settings for their organisation (`/settings`): the
//! reminders its supporters get before hearings and pre-trial visits, the
//! partner webhook its notices go to, and how the court-list inbox is
//! doing. Each change goes through the same use case as the API
//! (`app::reminder_rules`, `app::webhooks`), so it is checked, audited and
//! scoped to the manager's own organisation alike.

use actix_web::web;
use chrono::NaiveTime;
use serde::Deserialize;
use serde_json::{json, Value};

use crate::app::reminder_rules::{self, ReminderRulesInput, ReminderRulesOut};
use crate::app::webhooks::{self, WebhookInput, WebhookOut};
use crate::error::AppError;
use crate::policy::{Action, ResourceKind};
use crate::rules::{DayUnit, ReminderOf, ReminderRule, MAX_DAYS_BEFORE};
use crate::web::AppState;

use super::fields::{Field, FormPage};
use super::forms::{parse_time, FormData, Problems};
use super::i18n::{self, text, text_with, Lang};
use super::session::{Posted, Session};
use super::{page, render, render_form, require, see_other, with_conn, PageError, PageResult};

const PATH: &str = "/settings";
const REMINDERS: &str = "/settings/reminders";
const DEFAULTS: &str = "/settings/reminders/defaults";
const WEBHOOK: &str = "/settings/webhook";
const REVOKE: &str = "/settings/webhook/revoke";

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.route(PATH, web::get().to(overview))
        .route(REMINDERS, web::get().to(reminders_page))
        .route(REMINDERS, web::post().to(reminders_post))
        .route(DEFAULTS, web::post().to(defaults_post))
        .route(WEBHOOK, web::get().to(webhook_page))
        .route(WEBHOOK, web::post().to(webhook_post))
        .route(REVOKE, web::get().to(revoke_page))
        .route(REVOKE, web::post().to(revoke_post));
}

#[derive(Deserialize)]
struct Done {
    done: Option<String>,
}

fn done_message(lang: Lang, key: &str) -> Option<String> {
    let key = match key {
        "reminders-saved" => "settings-done-reminders-saved",
        "reminders-defaults" => "settings-done-reminders-defaults",
        "webhook-revoked" => "settings-done-webhook-revoked",
        _ => return None,
    };
    Some(text(lang, key))
}

/// One reminder in words: "3 working days before, at 09:00, for hearings
/// and pre-trial visits". Zero days is "On the day".
pub fn reminder_sentence(lang: Lang, r: &ReminderRule) -> String {
    let when = match (r.days_before, r.unit) {
        (0, _) => text(lang, "settings-reminder-on-the-day"),
        (n, DayUnit::WorkingDays) => text_with(
            lang,
            "settings-reminder-working-days",
            &[("count", n.to_string())],
        ),
        (n, DayUnit::CalendarDays) => text_with(
            lang,
            "settings-reminder-calendar-days",
            &[("count", n.to_string())],
        ),
    };
    let what = match r.of.as_slice() {
        [ReminderOf::Hearing] => "settings-reminder-of-hearings",
        [ReminderOf::PreTrialVisit] => "settings-reminder-of-visits",
        [ReminderOf::PreTrialVisit, ReminderOf::Hearing] => {
            "settings-reminder-of-visits-and-hearings"
        }
        _ => "settings-reminder-of-hearings-and-visits",
    };
    text_with(
        lang,
        "settings-reminder-sentence",
        &[
            ("when", when),
            ("time", r.local_time.format("%H:%M").to_string()),
            ("what", text(lang, what)),
        ],
    )
}

// ---------------------------------------------------------------------
// Reminders: the form's rows, read purely.

const OF_CHOICES: [(ReminderOf, &str, &str); 2] = [
    (ReminderOf::Hearing, "hearing", "settings-of-hearings"),
    (
        ReminderOf::PreTrialVisit,
        "pre_trial_visit",
        "settings-of-visits",
    ),
];

fn row_field(i: usize, what: &str) -> String {
    format!("r{i}_{what}")
}

/// The reminders a manager typed: one row a reminder; a row left wholly
/// blank, or ticked to remove, is dropped. A kept row keeps its stored
/// name, so a reminder already planned is replaced rather than doubled; a
/// new row is given a name not yet used.
pub fn read_reminders(
    lang: Lang,
    form: &FormData,
    rows: usize,
) -> Result<Vec<ReminderRule>, Problems> {
    let mut problems = Problems::new();
    let mut rules: Vec<ReminderRule> = Vec::new();
    let mut names: Vec<String> = (0..rows)
        .filter_map(|i| form.text(&row_field(i, "name")))
        .collect();
    for i in 0..rows {
        let n = (i + 1).to_string();
        let nth = [("n", n.clone())];
        let days = form.text(&row_field(i, "days"));
        let time = form.text(&row_field(i, "time"));
        let of: Vec<ReminderOf> = form
            .all(&row_field(i, "of"))
            .iter()
            .filter_map(|v| OF_CHOICES.iter().find(|c| c.1 == v).map(|c| c.0))
            .collect();
        if form.ticked(&row_field(i, "remove"))
            || (days.is_none() && time.is_none() && of.is_empty())
        {
            continue;
        }
        let days_before = match days.as_deref().map(str::parse::<i64>) {
            Some(Ok(d)) if (0..=MAX_DAYS_BEFORE).contains(&d) => Some(d),
            None => {
                problems.add(
                    &row_field(i, "days"),
                    text_with(lang, "settings-error-days-missing", &nth),
                );
                None
            }
            Some(_) => {
                problems.add(
                    &row_field(i, "days"),
                    text_with(
                        lang,
                        "settings-error-days-range",
                        &[("n", n.clone()), ("most", MAX_DAYS_BEFORE.to_string())],
                    ),
                );
                None
            }
        };
        let unit = match form.get(&row_field(i, "unit")) {
            Some("calendar_days") => DayUnit::CalendarDays,
            _ => DayUnit::WorkingDays,
        };
        let local_time: Option<NaiveTime> = match time.as_deref() {
            None => {
                problems.add(
                    &row_field(i, "time"),
                    text_with(lang, "settings-error-time-missing", &nth),
                );
                None
            }
            Some(t) => {
                let parsed = parse_time(t);
                if parsed.is_none() {
                    problems.add(
                        &row_field(i, "time"),
                        text_with(lang, "settings-error-time-wrong", &nth),
                    );
                }
                parsed
            }
        };
        if of.is_empty() {
            problems.add(
                &row_field(i, "of"),
                text_with(lang, "settings-error-of", &nth),
            );
        }
        let name = match form.text(&row_field(i, "name")) {
            Some(stored) => stored,
            None => {
                let fresh = (1..)
                    .map(|k| format!("own_{k}"))
                    .find(|c| !names.contains(c))
                    .unwrap_or_default();
                names.push(fresh.clone());
                fresh
            }
        };
        if let (Some(days_before), Some(local_time)) = (days_before, local_time) {
            if !of.is_empty() {
                rules.push(ReminderRule {
                    name,
                    days_before,
                    unit,
                    local_time,
                    of,
                });
            }
        }
    }
    if problems.is_empty() {
        Ok(rules)
    } else {
        Err(problems)
    }
}

/// The form's values from the reminders in force.
fn reminder_values(rules: &[ReminderRule]) -> FormData {
    let mut v = Vec::new();
    for (i, r) in rules.iter().enumerate() {
        v.push((row_field(i, "name"), r.name.clone()));
        v.push((row_field(i, "days"), r.days_before.to_string()));
        let unit = match r.unit {
            DayUnit::WorkingDays => "working_days",
            DayUnit::CalendarDays => "calendar_days",
        };
        v.push((row_field(i, "unit"), unit.into()));
        v.push((
            row_field(i, "time"),
            r.local_time.format("%H:%M").to_string(),
        ));
        for o in &r.of {
            if let Some(c) = OF_CHOICES.iter().find(|c| c.0 == *o) {
                v.push((row_field(i, "of"), c.1.into()));
            }
        }
    }
    FormData(v)
}

fn reminders_form(
    lang: Lang,
    current: &ReminderRulesOut,
    stored_names: &[String],
    rows: usize,
) -> FormPage {
    let units = vec![
        (
            "working_days".to_string(),
            text(lang, "settings-working-days"),
        ),
        (
            "calendar_days".to_string(),
            text(lang, "settings-calendar-days"),
        ),
    ];
    let ofs: Vec<(String, String)> = OF_CHOICES
        .iter()
        .map(|c| (c.1.to_string(), text(lang, c.2)))
        .collect();
    let mut fields = Vec::new();
    let mut hidden = vec![("rows".to_string(), rows.to_string())];
    for i in 0..rows {
        let nth = [("n", (i + 1).to_string())];
        let which = if i < stored_names.len() {
            text_with(lang, "settings-reminder-n", &nth)
        } else {
            text_with(lang, "settings-reminder-n-new", &nth)
        };
        let w = [("which", which)];
        if let Some(name) = stored_names.get(i) {
            hidden.push((row_field(i, "name"), name.clone()));
        }
        fields.push(
            Field::number(
                &row_field(i, "days"),
                &text_with(lang, "settings-row-days", &w),
            )
            .hint(&text(lang, "settings-row-days-hint")),
        );
        fields.push(Field::select(
            &row_field(i, "unit"),
            &text_with(lang, "settings-row-unit", &w),
            &units,
        ));
        fields.push(Field::time(
            &row_field(i, "time"),
            &text_with(lang, "settings-row-time", &w),
        ));
        fields.push(Field::checkboxes(
            &row_field(i, "of"),
            &text_with(lang, "settings-row-of", &w),
            &ofs,
        ));
        if i < stored_names.len() {
            fields.push(Field::checkboxes(
                &row_field(i, "remove"),
                &text_with(lang, "settings-row-remove", &w),
                &[("yes".to_string(), text(lang, "settings-row-remove-yes"))],
            ));
        }
    }
    FormPage {
        title: text(lang, "settings-reminders-heading"),
        heading: text(lang, "settings-reminders-heading"),
        intro: vec![
            text(lang, "settings-reminders-intro"),
            text(
                lang,
                if current.own {
                    "settings-reminders-own"
                } else {
                    "settings-reminders-defaults"
                },
            ),
        ],
        action: REMINDERS.into(),
        back: PATH.into(),
        submit: text(lang, "settings-reminders-save"),
        hidden,
        fields,
        ..FormPage::default()
    }
}

async fn current_reminders(state: &AppState, s: &Session) -> Result<ReminderRulesOut, PageError> {
    let org = s.actor.organisation_id.clone();
    Ok(with_conn(state, s, move |conn, ctx| {
        reminder_rules::read(conn, ctx, &org)
    })
    .await?)
}

async fn reminders_page(state: web::Data<AppState>, s: Session) -> PageResult {
    require(&s, ResourceKind::ReminderRules, Action::Update, "reminders")?;
    let current = current_reminders(&state, &s).await?;
    let names: Vec<String> = current.supporter.iter().map(|r| r.name.clone()).collect();
    let rows = names.len() + 1;
    render_form(
        &s,
        "settings",
        reminders_form(s.lang, &current, &names, rows),
        &reminder_values(&current.supporter),
        &Problems::new(),
    )
}

async fn reminders_post(state: web::Data<AppState>, posted: Posted) -> PageResult {
    let Posted { session: s, form } = posted;
    require(&s, ResourceKind::ReminderRules, Action::Update, "reminders")?;
    let rows = form
        .text("rows")
        .and_then(|r| r.parse::<usize>().ok())
        .unwrap_or(0)
        .min(50);
    let names: Vec<String> = (0..rows)
        .map_while(|i| form.text(&row_field(i, "name")))
        .collect();
    let redraw = |current: &ReminderRulesOut, problems: &Problems| {
        render_form(
            &s,
            "settings",
            reminders_form(s.lang, current, &names, rows),
            &form,
            problems,
        )
    };
    match read_reminders(s.lang, &form, rows) {
        Err(problems) => {
            let current = current_reminders(&state, &s).await?;
            redraw(&current, &problems)
        }
        Ok(rules) => {
            let org = s.actor.organisation_id.clone();
            let input = ReminderRulesInput {
                supporter: Some(rules),
            };
            let saved = with_conn(&state, &s, move |conn, ctx| {
                reminder_rules::update(conn, ctx, &org, input)
            })
            .await;
            match saved {
                Ok(_) => Ok(see_other(&format!("{PATH}?done=reminders-saved"))),
                Err(AppError::Validation(errors)) => {
                    let mut problems = Problems::new();
                    for e in errors {
                        problems.add(
                            &row_field(0, "days"),
                            text_with(s.lang, "settings-error-not-saved", &[("why", e.message)]),
                        );
                    }
                    let current = current_reminders(&state, &s).await?;
                    redraw(&current, &problems)
                }
                Err(other) => Err(PageError::from(other)),
            }
        }
    }
}

async fn defaults_post(state: web::Data<AppState>, posted: Posted) -> PageResult {
    let Posted { session: s, .. } = posted;
    require(&s, ResourceKind::ReminderRules, Action::Update, "reminders")?;
    let org = s.actor.organisation_id.clone();
    with_conn(&state, &s, move |conn, ctx| {
        reminder_rules::update(conn, ctx, &org, ReminderRulesInput { supporter: None })
    })
    .await?;
    Ok(see_other(&format!("{PATH}?done=reminders-defaults")))
}

// ---------------------------------------------------------------------
// The partner webhook.

fn live_webhook(all: Vec<WebhookOut>, org: &str) -> Option<WebhookOut> {
    all.into_iter()
        .find(|w| w.organisation_id == org && w.revoked_at.is_none())
}

async fn own_webhook(state: &AppState, s: &Session) -> Result<Option<WebhookOut>, PageError> {
    let org = s.actor.organisation_id.clone();
    let all = with_conn(state, s, webhooks::list).await?;
    Ok(live_webhook(all, &org))
}

fn webhook_form(lang: Lang, live: Option<&WebhookOut>) -> FormPage {
    let mut intro = vec![text(lang, "settings-webhook-intro")];
    if let Some(w) = live {
        intro.push(text_with(
            lang,
            "settings-webhook-now",
            &[("url", w.url.clone())],
        ));
    }
    FormPage {
        title: text(lang, "settings-webhook-heading"),
        heading: text(lang, "settings-webhook-heading"),
        intro,
        action: WEBHOOK.into(),
        back: PATH.into(),
        submit: text(lang, "settings-webhook-save"),
        fields: vec![Field::text("url", &text(lang, "settings-webhook-url"))
            .typed("url", "url")
            .hint(&text(lang, "settings-webhook-url-hint"))],
        ..FormPage::default()
    }
}

async fn webhook_page(state: web::Data<AppState>, s: Session) -> PageResult {
    require(&s, ResourceKind::Webhook, Action::Create, "webhook")?;
    let live = own_webhook(&state, &s).await?;
    render_form(
        &s,
        "settings",
        webhook_form(s.lang, live.as_ref()),
        &FormData::default(),
        &Problems::new(),
    )
}

async fn webhook_post(state: web::Data<AppState>, posted: Posted) -> PageResult {
    let Posted { session: s, form } = posted;
    require(&s, ResourceKind::Webhook, Action::Create, "webhook")?;
    let Some(url) = form.text("url") else {
        let mut problems = Problems::new();
        problems.add("url", text(s.lang, "settings-webhook-error-missing"));
        let live = own_webhook(&state, &s).await?;
        return render_form(
            &s,
            "settings",
            webhook_form(s.lang, live.as_ref()),
            &form,
            &problems,
        );
    };
    let input = WebhookInput {
        organisation_id: s.actor.organisation_id.clone(),
        url,
    };
    let created = with_conn(&state, &s, move |conn, ctx| {
        webhooks::register(conn, ctx, &input)
    })
    .await;
    match created {
        Ok(created) => {
            tracing::info!(webhook_id = %created.id, "webhook registered from the pages");
            let data = json!({
                "created": {
                    "url": created.url,
                    "secret": created.secret.expose(),
                    "replaced": created.replaced.is_some(),
                },
            });
            render(
                "settings",
                &page(
                    &s,
                    &text(s.lang, "settings-webhook-saved"),
                    "settings",
                    data,
                ),
            )
        }
        Err(AppError::Validation(errors)) => {
            let mut problems = Problems::new();
            for e in errors.iter().filter(|e| e.field == "url") {
                problems.add(
                    "url",
                    text_with(
                        s.lang,
                        "settings-webhook-error-url",
                        &[("why", super::api_words::in_language(s.lang, &e.message))],
                    ),
                );
            }
            if problems.is_empty() {
                problems.add("url", text(s.lang, "settings-webhook-error-not-saved"));
            }
            let live = own_webhook(&state, &s).await?;
            render_form(
                &s,
                "settings",
                webhook_form(s.lang, live.as_ref()),
                &form,
                &problems,
            )
        }
        Err(other) => Err(PageError::from(other)),
    }
}

async fn revoke_page(state: web::Data<AppState>, s: Session) -> PageResult {
    require(&s, ResourceKind::Webhook, Action::Update, "webhook")?;
    let Some(live) = own_webhook(&state, &s).await? else {
        return Ok(see_other(PATH));
    };
    let page = FormPage {
        title: text(s.lang, "settings-revoke-title"),
        heading: text(s.lang, "settings-revoke-heading"),
        intro: vec![
            text_with(s.lang, "settings-revoke-now", &[("url", live.url.clone())]),
            text(s.lang, "settings-revoke-then"),
        ],
        action: REVOKE.into(),
        back: PATH.into(),
        submit: text(s.lang, "settings-revoke-title"),
        hidden: vec![("id".into(), live.id)],
        ..FormPage::default()
    };
    render_form(&s, "settings", page, &FormData::default(), &Problems::new())
}

async fn revoke_post(state: web::Data<AppState>, posted: Posted) -> PageResult {
    let Posted { session: s, form } = posted;
    require(&s, ResourceKind::Webhook, Action::Update, "webhook")?;
    let id = form.text("id").unwrap_or_default();
    let revoked = with_conn(&state, &s, move |conn, ctx| {
        webhooks::revoke(conn, ctx, &id)
    })
    .await?;
    tracing::info!(webhook_id = %revoked.id, "webhook revoked from the pages");
    Ok(see_other(&format!("{PATH}?done=webhook-revoked")))
}

// ---------------------------------------------------------------------
// The overview.

fn inbox_view(state: &AppState) -> Value {
    let Some(root) = state.config.court_list_inbox.clone() else {
        return json!({"configured": false});
    };
    let inbox = crate::court_lists::inbox::Inbox::new(root);
    match inbox.status() {
        Ok(st) => json!({
            "configured": true,
            "readable": true,
            "waiting": st.waiting,
            "processing": st.processing,
            "failed": st.failed,
            "done": st.done,
            "attention": st.failed > 0,
        }),
        Err(e) => {
            tracing::warn!(error = %e, "court-list inbox status could not be read");
            json!({"configured": true, "readable": false})
        }
    }
}

async fn overview(state: web::Data<AppState>, s: Session, q: web::Query<Done>) -> PageResult {
    require(&s, ResourceKind::ReminderRules, Action::Read, "settings")?;
    let reminders = current_reminders(&state, &s).await?;
    let webhook = if super::can(&s, ResourceKind::Webhook, Action::Read) {
        own_webhook(&state, &s).await?
    } else {
        None
    };
    let data = json!({
        "done": q.done.as_deref().and_then(|d| done_message(s.lang, d)),
        "reminders": {
            "own": reminders.own,
            "rows": reminders.supporter.iter().map(|r| reminder_sentence(s.lang, r)).collect::<Vec<_>>(),
            "none": reminders.supporter.is_empty(),
            "change": REMINDERS,
            "defaults": DEFAULTS,
        },
        "webhook": webhook.map(|w| json!({
            "url": w.url,
            "since": i18n::long(s.lang, w.created_at),
        })),
        "webhook_change": WEBHOOK,
        "webhook_revoke": REVOKE,
        "inbox": inbox_view(&state),
    });
    render(
        "settings",
        &page(&s, &text(s.lang, "nav-settings"), "settings", data),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn form(pairs: &[(&str, &str)]) -> FormData {
        FormData::of(pairs)
    }

    fn t(h: u32, m: u32) -> NaiveTime {
        NaiveTime::from_hms_opt(h, m, 0).unwrap()
    }

    #[test]
    fn rows_become_reminders_keeping_their_names() {
        let typed = form(&[
            ("r0_name", "week_before"),
            ("r0_days", "5"),
            ("r0_unit", "working_days"),
            ("r0_time", "09:00"),
            ("r0_of", "hearing"),
            ("r0_of", "pre_trial_visit"),
            // Removed.
            ("r1_name", "day_before"),
            ("r1_days", "1"),
            ("r1_time", "16:00"),
            ("r1_of", "hearing"),
            ("r1_remove", "yes"),
            // New, on the day.
            ("r2_days", "0"),
            ("r2_unit", "calendar_days"),
            ("r2_time", "7.30"),
            ("r2_of", "hearing"),
            // Left blank.
            ("r3_days", ""),
            ("r3_time", ""),
        ]);
        let rules = read_reminders(Lang::En, &typed, 4).unwrap();
        assert_eq!(
            rules,
            vec![
                ReminderRule {
                    name: "week_before".into(),
                    days_before: 5,
                    unit: DayUnit::WorkingDays,
                    local_time: t(9, 0),
                    of: vec![ReminderOf::Hearing, ReminderOf::PreTrialVisit],
                },
                ReminderRule {
                    name: "own_1".into(),
                    days_before: 0,
                    unit: DayUnit::CalendarDays,
                    local_time: t(7, 30),
                    of: vec![ReminderOf::Hearing],
                },
            ]
        );
        assert_eq!(
            reminder_sentence(Lang::En, &rules[0]),
            "5 working days before, at 09:00, for hearings and pre-trial visits"
        );
        assert_eq!(
            reminder_sentence(Lang::En, &rules[1]),
            "On the day, at 07:30, for hearings"
        );
        // Every row removed: no reminders at all.
        assert_eq!(
            read_reminders(
                Lang::En,
                &form(&[("r0_name", "a"), ("r0_days", "2"), ("r0_remove", "yes")]),
                1
            )
            .unwrap(),
            vec![]
        );
    }

    #[test]
    fn a_new_reminder_gets_a_name_not_in_use() {
        let typed = form(&[
            ("r0_name", "own_1"),
            ("r0_days", "2"),
            ("r0_time", "09:00"),
            ("r0_of", "hearing"),
            ("r1_days", "1"),
            ("r1_time", "09:00"),
            ("r1_of", "hearing"),
        ]);
        let names: Vec<String> = read_reminders(Lang::En, &typed, 2)
            .unwrap()
            .into_iter()
            .map(|r| r.name)
            .collect();
        assert_eq!(names, ["own_1", "own_2"]);
    }

    #[test]
    fn each_wrong_part_is_named_on_its_field() {
        type Case<'a> = (&'a [(&'a str, &'a str)], &'a str, &'a str);
        let cases: [Case; 5] = [
            (
                &[("r0_time", "09:00"), ("r0_of", "hearing")],
                "r0_days",
                "Enter how many days before reminder 1 is sent",
            ),
            (
                &[
                    ("r0_days", "400"),
                    ("r0_time", "09:00"),
                    ("r0_of", "hearing"),
                ],
                "r0_days",
                "Reminder 1: enter a whole number of days from 0 to 366",
            ),
            (
                &[
                    ("r0_days", "-1"),
                    ("r0_time", "09:00"),
                    ("r0_of", "hearing"),
                ],
                "r0_days",
                "Reminder 1: enter a whole number of days from 0 to 366",
            ),
            (
                &[("r0_days", "2"), ("r0_time", "25:00"), ("r0_of", "hearing")],
                "r0_time",
                "Reminder 1: enter a time on the 24-hour clock, for example 09:00",
            ),
            (
                &[("r0_days", "2"), ("r0_time", "09:00")],
                "r0_of",
                "Choose what reminder 1 is for: hearings, pre-trial visits or both",
            ),
        ];
        for (pairs, field, message) in cases {
            let problems = read_reminders(Lang::En, &form(pairs), 1).unwrap_err();
            assert_eq!(problems.0.len(), 1, "{pairs:?}");
            assert_eq!(problems.0[0].field, field);
            assert_eq!(problems.0[0].message, message);
        }
    }

    #[test]
    fn the_form_is_filled_from_the_reminders_in_force() {
        let rules = vec![ReminderRule {
            name: "week_before".into(),
            days_before: 1,
            unit: DayUnit::CalendarDays,
            local_time: t(18, 0),
            of: vec![ReminderOf::PreTrialVisit],
        }];
        let values = reminder_values(&rules);
        assert_eq!(read_reminders(Lang::En, &values, 1).unwrap(), rules);
        assert_eq!(
            reminder_sentence(Lang::En, &rules[0]),
            "1 calendar day before, at 18:00, for pre-trial visits"
        );
    }
}

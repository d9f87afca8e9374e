//! Recording what the victim agreed may be shared (or, without consent,
//! the other lawful basis and its reason).

use actix_web::http::StatusCode;
use actix_web::web;
use serde_json::{json, Value};

use crate::app::consents::{Undo, UNDO_MINUTES};
use crate::app::{self, Ctx};
use crate::calendar;
use crate::domain::{ConsentScope, LawfulBasis, Role};
use crate::error::AppError;
use crate::error::AppResult;
use crate::policy::{Action, ResourceKind};
use crate::resources::{CaseOut, Cases, ConsentInput, ConsentOut, Consents, NoticeOut, Victims};
use crate::store::AnyConn;
use crate::web::AppState;

use super::cases::notice_row;
use super::fields::{options_of, Field, FormPage};
use super::forms::{required_choice, required_date, FormData, Problems};
use super::lookup::{case_reference, long, Lookup};
use super::session::{Posted, Session};
use super::{
    labels, page, posted_version, read, render_form, render_status, require, see_other, with_conn,
    PageError, PageResult,
};

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.route("/cases/{id}/consents/new", web::get().to(new_page))
        .route("/cases/{id}/consents/new", web::post().to(new_post))
        .route(
            "/cases/{case}/consents/{id}/withdraw",
            web::get().to(withdraw_page),
        )
        .route(
            "/cases/{case}/consents/{id}/withdraw",
            web::post().to(withdraw_post),
        )
        .route("/cases/{case}/consents/{id}/undo", web::get().to(undo_page))
        .route(
            "/cases/{case}/consents/{id}/undo",
            web::post().to(undo_post),
        );
}

fn form_page(case: &CaseOut, victim: &str) -> FormPage {
    FormPage {
        title: "Record a consent".into(),
        caption: Some(format!("Case {} · victim {victim}", case_reference(case))),
        heading: "Record what the victim agreed may be shared".into(),
        intro: vec![
            "Record one consent at a time. The victim can withdraw it at any time, and withdrawal stops future sharing at once.".into(),
        ],
        action: format!("/cases/{}/consents/new", case.id),
        back: format!("/cases/{}", case.id),
        submit: "Record consent".into(),
        fields: vec![
            Field::radios(
                "scope",
                "What may be shared?",
                &options_of(ConsentScope::ALL, ConsentScope::as_str, labels::consent_scope),
            ),
            Field::radios(
                "basis",
                "On what basis?",
                &options_of(LawfulBasis::ALL, LawfulBasis::as_str, labels::lawful_basis),
            )
            .hint("Choose consent when the victim agreed. Another basis needs a recorded reason, and where it is safe the victim is told what was shared."),
            Field::textarea("basis_reason", "Why is sharing lawful without consent? (only if the basis is not consent)"),
            Field::date("given_on", "When was it given?"),
        ],
        ..FormPage::default()
    }
}

fn place(field: &str) -> (&'static str, &'static str) {
    match field {
        "scope" => ("scope", "What may be shared"),
        "basis" => ("basis", "The basis"),
        "basis_reason" => ("basis_reason", "The reason"),
        "given_at" => ("given_on", "The date"),
        _ => ("scope", ""),
    }
}

async fn new_page(state: web::Data<AppState>, s: Session, id: web::Path<String>) -> PageResult {
    require(&s, ResourceKind::Consent, Action::Create, "consent")?;
    let id = id.into_inner();
    let (case, victim) = with_conn(&state, &s, move |conn, ctx| {
        let case = read::<Cases>(conn, ctx, &id)?;
        let victim = read::<Victims>(conn, ctx, &case.victim_id)?.reference;
        Ok((case, victim))
    })
    .await?;
    let today = calendar::london_date(state.clock.now());
    let defaults = FormData(vec![
        ("basis".into(), "consent".into()),
        ("given_on".into(), today.to_string()),
    ]);
    render_form(
        &s,
        "cases",
        form_page(&case, &victim),
        &defaults,
        &Problems::new(),
    )
}

async fn new_post(state: web::Data<AppState>, posted: Posted, id: web::Path<String>) -> PageResult {
    let Posted { session: s, form } = posted;
    require(&s, ResourceKind::Consent, Action::Create, "consent")?;
    let id = id.into_inner();
    let mut problems = Problems::new();
    let scope = required_choice(
        &form,
        "scope",
        "Choose what may be shared",
        ConsentScope::parse,
        &mut problems,
    );
    let basis = required_choice(
        &form,
        "basis",
        "Choose the basis for sharing",
        LawfulBasis::parse,
        &mut problems,
    );
    let reason = form.text("basis_reason");
    if basis.is_some_and(|b| b != LawfulBasis::Consent) && reason.is_none() {
        problems.add(
            "basis_reason",
            "Enter why sharing is lawful without consent",
        );
    }
    let given_on = required_date(&form, "given_on", "the date it was given", &mut problems);
    let now = state.clock.now();
    let today = calendar::london_date(now);
    if given_on.is_some_and(|d| d > today) {
        problems.add(
            "given_on",
            "The date it was given must be today or in the past",
        );
    }
    let outcome = with_conn(&state, &s, move |conn, ctx| {
        let case = read::<Cases>(conn, ctx, &id)?;
        let victim = read::<Victims>(conn, ctx, &case.victim_id)?.reference;
        let (Some(scope), Some(basis), Some(day)) = (scope, basis, given_on) else {
            return Ok(Err((case, victim, problems)));
        };
        if !problems.is_empty() {
            return Ok(Err((case, victim, problems)));
        }
        // Today means now; an earlier day means from the start of that day.
        let given_at = if day == today {
            now
        } else {
            calendar::start_of_london_day(day)
        };
        let input = ConsentInput {
            victim_id: case.victim_id.clone(),
            scope,
            basis,
            basis_reason: if basis == LawfulBasis::Consent {
                None
            } else {
                reason
            },
            given_at: calendar::to_london(given_at).to_rfc3339(),
            withdrawn_at: None,
        };
        match super::create::<Consents>(conn, ctx, input) {
            Ok(_) => Ok(Ok(case)),
            Err(AppError::Validation(errors)) => {
                Ok(Err((case, victim, Problems::from_api(&errors, place))))
            }
            Err(other) => Err(other),
        }
    })
    .await?;
    match outcome {
        Ok(case) => Ok(see_other(&format!(
            "/cases/{}?done=consent-recorded",
            case.id
        ))),
        Err((case, victim, problems)) => {
            render_form(&s, "cases", form_page(&case, &victim), &form, &problems)
        }
    }
}

/// Only the supporter records a withdrawal, or undoes one, from the pages.
fn supporter_only(s: &Session, action: Action) -> Result<(), PageError> {
    require(s, ResourceKind::Consent, action, "consent")?;
    if s.role() != Role::Supporter {
        return Err(PageError::App(AppError::Forbidden(
            "only the supporter records a withdrawal from the pages".into(),
        )));
    }
    Ok(())
}

/// The case, its victim's reference and the consent, checked to belong to
/// the case's victim.
fn case_of(
    conn: &mut AnyConn,
    ctx: &Ctx,
    case_id: &str,
    consent: &ConsentOut,
) -> AppResult<(CaseOut, String)> {
    let case = read::<Cases>(conn, ctx, case_id)?;
    if consent.victim_id != case.victim_id {
        return Err(AppError::NotFound("consent".into()));
    }
    let victim = read::<Victims>(conn, ctx, &case.victim_id)?.reference;
    Ok((case, victim))
}

/// The consent in words.
fn consent_facts(c: &ConsentOut) -> Value {
    let mut facts = vec![
        json!({"key": "What may be shared", "value": labels::consent_scope(c.scope)}),
        json!({"key": "Basis", "value": labels::lawful_basis(c.basis)}),
        json!({"key": "Given", "value": long(c.given_at)}),
    ];
    if let Some(w) = c.withdrawn_at {
        facts.push(json!({"key": "Withdrawn", "value": long(w)}));
    }
    Value::Array(facts)
}

fn notices_of(
    conn: &mut AnyConn,
    ctx: &Ctx,
    notices: &[NoticeOut],
    email_off: bool,
) -> AppResult<Vec<Value>> {
    let look = Lookup::load(conn, ctx)?;
    Ok(notices
        .iter()
        .map(|n| notice_row(n, &look, (&ctx.actor.user_id, email_off)))
        .collect())
}

fn how_many(n: usize) -> String {
    match n {
        1 => "1 notice".into(),
        n => format!("{n} notices"),
    }
}

/// The words of the undo window, from its one figure.
fn window_words() -> String {
    format!("{UNDO_MINUTES} minutes")
}

struct Screen {
    status: StatusCode,
    title: &'static str,
    done: Option<String>,
    heading: String,
    lines: Vec<String>,
    notices: Vec<Value>,
    after: Vec<String>,
    form: Option<Value>,
}

fn draw_screen(
    s: &Session,
    case: &CaseOut,
    victim: &str,
    consent: &ConsentOut,
    sc: Screen,
) -> PageResult {
    let data = page(
        s,
        sc.title,
        "cases",
        json!({
            "back": format!("/cases/{}#consents", case.id),
            "done": sc.done,
            "caption": format!("Case {} · victim {victim}", case_reference(case)),
            "heading": sc.heading,
            "facts": consent_facts(consent),
            "lines": sc.lines,
            "notices": (!sc.notices.is_empty()).then_some(sc.notices),
            "after": sc.after,
            "form": sc.form,
        }),
    );
    render_status(sc.status, "consent_withdraw", &data)
}

/// Asks before a withdrawal: the consent in words, and the notices still to
/// go that rely on it and will stop. Changes nothing.
async fn withdraw_page(
    state: web::Data<AppState>,
    s: Session,
    path: web::Path<(String, String)>,
) -> PageResult {
    supporter_only(&s, Action::Update)?;
    let (case_id, id) = path.into_inner();
    let email_off = s.email_off;
    let (case, victim, w, notices) = with_conn(&state, &s, move |conn, ctx| {
        let w = app::consents::preview(conn, ctx, &id)?;
        let (case, victim) = case_of(conn, ctx, &case_id, &w.consent)?;
        let notices = notices_of(conn, ctx, &w.notices, email_off)?;
        Ok((case, victim, w, notices))
    })
    .await?;
    let consent = &w.consent;
    let sc = if !consent.active {
        Screen {
            status: StatusCode::CONFLICT,
            title: "This consent is not in force",
            done: None,
            heading: "This consent is not in force, so there is nothing to withdraw".into(),
            lines: vec![match consent.withdrawn_at {
                Some(_) => format!(
                    "It has already been withdrawn. If that was a mistake, the case page offers to undo it for {} after the withdrawal; after that, record a new consent if the victim agrees again.",
                    window_words()
                ),
                None => "Go back to the case page to see its consents as they are now.".into(),
            }],
            notices: vec![],
            after: vec![],
            form: None,
        }
    } else {
        let n = notices.len();
        let lines = vec![
            "From the moment you confirm, nothing more is shared on this consent.".into(),
            if n == 0 {
                "No notices waiting to be sent rely on it, so none will stop. Notices planned later will not use it.".into()
            } else {
                format!(
                    "These {} waiting to be sent rely on it and will stop:",
                    how_many(n)
                )
            },
        ];
        Screen {
            status: StatusCode::OK,
            title: "Withdraw this consent?",
            done: None,
            heading: "Are you sure the victim has withdrawn this consent?".into(),
            lines,
            notices,
            after: vec![format!(
                "If you withdraw it by mistake, you can undo it for {} afterwards.",
                window_words()
            )],
            form: Some(json!({
                "action": format!("/cases/{}/consents/{}/withdraw", case.id, consent.id),
                "version": consent.version,
                "submit": "Yes, withdraw this consent",
                "leave": "No, keep it",
                "warning": true,
            })),
        }
    };
    draw_screen(&s, &case, &victim, consent, sc)
}

/// Records that the victim withdrew a consent: from now on, nothing more
/// is shared on it. The confirmation page carries the version it was
/// drawn from; if the consent changed since, the page says so and nothing
/// is saved. The answer says what stopped and offers undo.
async fn withdraw_post(
    state: web::Data<AppState>,
    posted: Posted,
    path: web::Path<(String, String)>,
) -> PageResult {
    let Posted { session: s, form } = posted;
    supporter_only(&s, Action::Update)?;
    let version = posted_version(&form)?;
    let (case_id, id) = path.into_inner();
    let email_off = s.email_off;
    let (case, victim, w, notices) = with_conn(&state, &s, move |conn, ctx| {
        // The case and consent are checked to belong together first.
        let current = read::<Consents>(conn, ctx, &id)?;
        let (case, victim) = case_of(conn, ctx, &case_id, &current)?;
        let w = app::consents::withdraw(conn, ctx, &id, version)?;
        let notices = notices_of(conn, ctx, &w.notices, email_off)?;
        Ok((case, victim, w, notices))
    })
    .await?;
    let consent = &w.consent;
    let until = consent.withdrawn_at.map(app::consents::undo_until);
    let n = notices.len();
    let sc = Screen {
        status: StatusCode::OK,
        title: "Consent withdrawn",
        done: Some("Consent withdrawn. Nothing more will be shared on it.".into()),
        heading: "Consent withdrawn".into(),
        lines: vec![if n == 0 {
            "No notices waiting to be sent relied on it, so none stopped.".into()
        } else {
            format!("These {} stopped and will not be sent:", how_many(n))
        }],
        notices,
        after: vec![format!(
            "If this was a mistake, you can undo it until {} ({} after the withdrawal). Undo records the consent again from that moment and plans these notices again.",
            until.map(calendar::format_time).unwrap_or_default(),
            window_words()
        )],
        form: Some(json!({
            "action": format!("/cases/{}/consents/{}/undo", case.id, consent.id),
            "version": null,
            "submit": "Undo the withdrawal",
            "leave": "Back to the case",
            "warning": false,
        })),
    };
    draw_screen(&s, &case, &victim, consent, sc)
}

/// What an undo that was not made says, in words, and what to do instead.
fn not_undone(
    undo: &Undo,
    new_consent: &str,
) -> Option<(StatusCode, &'static str, String, Vec<String>)> {
    match undo {
        Undo::Restored { .. } | Undo::Open { .. } => None,
        Undo::Expired { ended, .. } => Some((
            StatusCode::GONE,
            "Too late to undo",
            "The time to undo this withdrawal has passed".into(),
            vec![
                format!(
                    "A withdrawal can be undone for {} after it was made; that ended at {}.",
                    window_words(),
                    long(*ended)
                ),
                format!("If the victim agrees again, record a new consent: {new_consent}."),
            ],
        )),
        Undo::NotWithdrawn(_) => Some((
            StatusCode::CONFLICT,
            "Nothing to undo",
            "This consent has not been withdrawn, so there is nothing to undo".into(),
            vec!["Go back to the case page to see its consents as they are now.".into()],
        )),
        Undo::AlreadyInForce(_) => Some((
            StatusCode::CONFLICT,
            "Nothing to undo",
            "A consent to share this is already in force again".into(),
            vec!["The withdrawal was undone already, or a new consent was recorded. Go back to the case page to see it.".into()],
        )),
    }
}

fn undo_screen(s: &Session, case: &CaseOut, victim: &str, undo: &Undo) -> Option<PageResult> {
    let new_consent = format!("/cases/{}/consents/new", case.id);
    let consent = match undo {
        Undo::Restored { .. } => return None,
        Undo::Open { withdrawn, .. }
        | Undo::Expired { withdrawn, .. }
        | Undo::NotWithdrawn(withdrawn)
        | Undo::AlreadyInForce(withdrawn) => withdrawn,
    };
    let sc = match (undo, not_undone(undo, &new_consent)) {
        (Undo::Open { until, .. }, _) => Screen {
            status: StatusCode::OK,
            title: "Undo the withdrawal?",
            done: None,
            heading: "Undo the withdrawal of this consent?".into(),
            lines: vec![format!(
                "You can undo it until {} ({} after the withdrawal). Undo records the consent again from now: sharing on it starts again, and the notices the withdrawal stopped are planned again. The time between counts as without consent.",
                calendar::format_time(*until),
                window_words()
            )],
            notices: vec![],
            after: vec![],
            form: Some(json!({
                "action": format!("/cases/{}/consents/{}/undo", case.id, consent.id),
                "version": null,
                "submit": "Undo the withdrawal",
                "leave": "Back to the case",
                "warning": false,
            })),
        },
        (_, Some((status, title, heading, lines))) => Screen {
            status,
            title,
            done: None,
            heading,
            lines,
            notices: vec![],
            after: vec![],
            form: None,
        },
        (_, None) => return None,
    };
    Some(draw_screen(s, case, victim, consent, sc))
}

/// Where the undo of a withdrawal stands: the button while the window is
/// open; after it, a sentence saying it has passed and to record a new
/// consent instead. Changes nothing.
async fn undo_page(
    state: web::Data<AppState>,
    s: Session,
    path: web::Path<(String, String)>,
) -> PageResult {
    supporter_only(&s, Action::Create)?;
    let (case_id, id) = path.into_inner();
    let (case, victim, undo) = with_conn(&state, &s, move |conn, ctx| {
        let undo = app::consents::undo_state(conn, ctx, &id)?;
        let consent = match &undo {
            Undo::Restored { consent: c, .. }
            | Undo::Open { withdrawn: c, .. }
            | Undo::Expired { withdrawn: c, .. }
            | Undo::NotWithdrawn(c)
            | Undo::AlreadyInForce(c) => c,
        };
        let (case, victim) = case_of(conn, ctx, &case_id, consent)?;
        Ok((case, victim, undo))
    })
    .await?;
    match undo_screen(&s, &case, &victim, &undo) {
        Some(page) => page,
        None => Ok(see_other(&format!("/cases/{}#consents", case.id))),
    }
}

/// Undoes a withdrawal within the window: the consent is recorded again
/// from now through the same use case as the API's POST, and audited.
async fn undo_post(
    state: web::Data<AppState>,
    posted: Posted,
    path: web::Path<(String, String)>,
) -> PageResult {
    let Posted { session: s, .. } = posted;
    supporter_only(&s, Action::Create)?;
    let (case_id, id) = path.into_inner();
    let (case, victim, undo) = with_conn(&state, &s, move |conn, ctx| {
        let current = read::<Consents>(conn, ctx, &id)?;
        let (case, victim) = case_of(conn, ctx, &case_id, &current)?;
        let undo = app::consents::undo(conn, ctx, &id)?;
        Ok((case, victim, undo))
    })
    .await?;
    match (&undo, undo_screen(&s, &case, &victim, &undo)) {
        (_, Some(page)) => page,
        (Undo::Restored { revived, .. }, None) if *revived > 0 => Ok(see_other(&format!(
            "/cases/{}?done=consent-restored-notices#consents",
            case.id
        ))),
        (_, None) => Ok(see_other(&format!(
            "/cases/{}?done=consent-restored#consents",
            case.id
        ))),
    }
}

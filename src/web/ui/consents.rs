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

use super::cases::notice_row_in;
use super::fields::{Field, FormPage};
use super::form_words::{date_field, date_in, options_in, DateWords};
use super::forms::{required_choice, FormData, Problems};
use super::i18n::{self, text, text_with, Lang};
use super::lookup::{case_reference, Lookup, Named};
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

/// "Case … · victim …".
fn caption(lang: Lang, case: &CaseOut, victim: &str) -> String {
    text_with(
        lang,
        "inbox-case-victim",
        &[
            ("case", case_reference(case)),
            ("victim", victim.to_owned()),
        ],
    )
}

fn form_page(lang: Lang, case: &CaseOut, victim: &str) -> FormPage {
    let scopes = options_in(
        lang,
        ConsentScope::ALL,
        ConsentScope::as_str,
        labels::consent_scope_in,
    );
    let bases = options_in(
        lang,
        LawfulBasis::ALL,
        LawfulBasis::as_str,
        labels::lawful_basis_in,
    );
    FormPage {
        title: text(lang, "consents-record-title"),
        caption: Some(caption(lang, case, victim)),
        heading: text(lang, "consents-record-heading"),
        intro: vec![text(lang, "consents-record-intro")],
        action: format!("/cases/{}/consents/new", case.id),
        back: format!("/cases/{}", case.id),
        submit: text(lang, "consents-record-submit"),
        fields: vec![
            Field::radios("scope", &text(lang, "consents-scope-question"), &scopes),
            Field::radios("basis", &text(lang, "consents-basis-question"), &bases)
                .hint(&text(lang, "consents-basis-hint")),
            Field::textarea("basis_reason", &text(lang, "consents-reason-question")),
            date_field(lang, "given_on", &text(lang, "consents-given-question")),
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
        form_page(s.lang, &case, &victim),
        &defaults,
        &Problems::new(),
    )
}

async fn new_post(state: web::Data<AppState>, posted: Posted, id: web::Path<String>) -> PageResult {
    let Posted { session: s, form } = posted;
    require(&s, ResourceKind::Consent, Action::Create, "consent")?;
    let id = id.into_inner();
    let lang = s.lang;
    let mut problems = Problems::new();
    let scope = required_choice(
        &form,
        "scope",
        &text(lang, "consents-error-scope"),
        ConsentScope::parse,
        &mut problems,
    );
    let basis = required_choice(
        &form,
        "basis",
        &text(lang, "consents-error-basis"),
        LawfulBasis::parse,
        &mut problems,
    );
    let reason = form.text("basis_reason");
    if basis.is_some_and(|b| b != LawfulBasis::Consent) && reason.is_none() {
        problems.add("basis_reason", text(lang, "consents-error-reason"));
    }
    let given_on = date_in(
        lang,
        &form,
        "given_on",
        &DateWords {
            missing: "consents-error-given-missing",
            part: "consents-error-given-part",
            invalid: "consents-error-given-invalid",
        },
        &mut problems,
    );
    let now = state.clock.now();
    let today = calendar::london_date(now);
    if given_on.is_some_and(|d| d > today) {
        problems.add("given_on", text(lang, "consents-error-given-future"));
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
        Err((case, victim, problems)) => render_form(
            &s,
            "cases",
            form_page(lang, &case, &victim),
            &form,
            &problems,
        ),
    }
}

/// Only the supporter records a withdrawal, or undoes one, from the pages.
fn supporter_only(s: &Session, action: Action) -> Result<(), PageError> {
    require(s, ResourceKind::Consent, action, "consent")?;
    if s.role() != Role::Supporter {
        return Err(PageError::App(AppError::Forbidden(text(
            s.lang,
            "consents-supporter-only",
        ))));
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
fn consent_facts(lang: Lang, c: &ConsentOut) -> Value {
    let fact = |key: &str, value: String| json!({"key": text(lang, key), "value": value});
    let mut facts = vec![
        fact(
            "case-what-may-be-shared",
            labels::consent_scope_in(lang, c.scope),
        ),
        fact("case-basis", labels::lawful_basis_in(lang, c.basis)),
        fact("case-given", i18n::long(lang, c.given_at)),
    ];
    if let Some(w) = c.withdrawn_at {
        facts.push(fact("consents-withdrawn", i18n::long(lang, w)));
    }
    Value::Array(facts)
}

fn notices_of(
    conn: &mut AnyConn,
    ctx: &Ctx,
    lang: Lang,
    notices: &[NoticeOut],
    email_off: bool,
) -> AppResult<Vec<Value>> {
    let mut named = Named::default();
    for n in notices {
        named.record(n.case_id.as_deref(), &n.victim_id);
    }
    let look = Lookup::naming(conn, ctx, &named)?;
    Ok(notices
        .iter()
        .map(|n| notice_row_in(lang, n, &look, (&ctx.actor.user_id, email_off)))
        .collect())
}

/// The words of the undo window, from its one figure.
fn window_words(lang: Lang) -> String {
    text_with(
        lang,
        "consents-minutes",
        &[("minutes", UNDO_MINUTES.to_string())],
    )
}

struct Screen {
    status: StatusCode,
    title: String,
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
        &sc.title,
        "cases",
        json!({
            "back": format!("/cases/{}#consents", case.id),
            "done": sc.done,
            "caption": caption(s.lang, case, victim),
            "heading": sc.heading,
            "facts": consent_facts(s.lang, consent),
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
    let (lang, email_off) = (s.lang, s.email_off);
    let (case, victim, w, notices) = with_conn(&state, &s, move |conn, ctx| {
        let w = app::consents::preview(conn, ctx, &id)?;
        let (case, victim) = case_of(conn, ctx, &case_id, &w.consent)?;
        let notices = notices_of(conn, ctx, lang, &w.notices, email_off)?;
        Ok((case, victim, w, notices))
    })
    .await?;
    let consent = &w.consent;
    let sc = if !consent.active {
        Screen {
            status: StatusCode::CONFLICT,
            title: text(lang, "consents-not-in-force-title"),
            done: None,
            heading: text(lang, "consents-not-in-force-heading"),
            lines: vec![match consent.withdrawn_at {
                Some(_) => text_with(
                    lang,
                    "consents-already-withdrawn",
                    &[("window", window_words(lang))],
                ),
                None => text(lang, "consents-go-back"),
            }],
            notices: vec![],
            after: vec![],
            form: None,
        }
    } else {
        let n = notices.len();
        let lines = vec![
            text(lang, "consents-withdraw-from-now"),
            text_with(
                lang,
                "consents-withdraw-will-stop",
                &[("count", n.to_string())],
            ),
        ];
        Screen {
            status: StatusCode::OK,
            title: text(lang, "consents-withdraw-title"),
            done: None,
            heading: text(lang, "consents-withdraw-heading"),
            lines,
            notices,
            after: vec![text_with(
                lang,
                "consents-withdraw-undo-for",
                &[("window", window_words(lang))],
            )],
            form: Some(json!({
                "action": format!("/cases/{}/consents/{}/withdraw", case.id, consent.id),
                "version": consent.version,
                "submit": text(lang, "consents-withdraw-submit"),
                "leave": text(lang, "consents-withdraw-leave"),
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
    let (lang, email_off) = (s.lang, s.email_off);
    let (case, victim, w, notices) = with_conn(&state, &s, move |conn, ctx| {
        // The case and consent are checked to belong together first.
        let current = read::<Consents>(conn, ctx, &id)?;
        let (case, victim) = case_of(conn, ctx, &case_id, &current)?;
        let w = app::consents::withdraw(conn, ctx, &id, version)?;
        let notices = notices_of(conn, ctx, lang, &w.notices, email_off)?;
        Ok((case, victim, w, notices))
    })
    .await?;
    let consent = &w.consent;
    let until = consent.withdrawn_at.map(app::consents::undo_until);
    let n = notices.len();
    let sc = Screen {
        status: StatusCode::OK,
        title: text(lang, "consents-withdrawn-title"),
        done: Some(text(lang, "done-consent-withdrawn")),
        heading: text(lang, "consents-withdrawn-title"),
        lines: vec![text_with(
            lang,
            "consents-withdrawn-stopped",
            &[("count", n.to_string())],
        )],
        notices,
        after: vec![text_with(
            lang,
            "consents-withdrawn-undo-until",
            &[
                (
                    "until",
                    until.map(|t| i18n::clock(lang, t)).unwrap_or_default(),
                ),
                ("window", window_words(lang)),
            ],
        )],
        form: Some(json!({
            "action": format!("/cases/{}/consents/{}/undo", case.id, consent.id),
            "version": null,
            "submit": text(lang, "case-undo-the-withdrawal"),
            "leave": text(lang, "notice-page-back"),
            "warning": false,
        })),
    };
    draw_screen(&s, &case, &victim, consent, sc)
}

/// What an undo that was not made says, in words, and what to do instead.
fn not_undone(
    lang: Lang,
    undo: &Undo,
    new_consent: &str,
) -> Option<(StatusCode, String, String, Vec<String>)> {
    match undo {
        Undo::Restored { .. } | Undo::Open { .. } => None,
        Undo::Expired { ended, .. } => Some((
            StatusCode::GONE,
            text(lang, "consents-too-late-title"),
            text(lang, "consents-too-late-heading"),
            vec![
                text_with(
                    lang,
                    "consents-too-late-ended",
                    &[
                        ("window", window_words(lang)),
                        ("ended", i18n::long(lang, *ended)),
                    ],
                ),
                text_with(
                    lang,
                    "consents-too-late-record-new",
                    &[("page", new_consent.to_owned())],
                ),
            ],
        )),
        Undo::NotWithdrawn(_) => Some((
            StatusCode::CONFLICT,
            text(lang, "consents-nothing-to-undo"),
            text(lang, "consents-not-withdrawn-heading"),
            vec![text(lang, "consents-go-back")],
        )),
        Undo::AlreadyInForce(_) => Some((
            StatusCode::CONFLICT,
            text(lang, "consents-nothing-to-undo"),
            text(lang, "consents-already-in-force-heading"),
            vec![text(lang, "consents-already-in-force")],
        )),
    }
}

fn undo_screen(s: &Session, case: &CaseOut, victim: &str, undo: &Undo) -> Option<PageResult> {
    let lang = s.lang;
    let new_consent = format!("/cases/{}/consents/new", case.id);
    let consent = match undo {
        Undo::Restored { .. } => return None,
        Undo::Open { withdrawn, .. }
        | Undo::Expired { withdrawn, .. }
        | Undo::NotWithdrawn(withdrawn)
        | Undo::AlreadyInForce(withdrawn) => withdrawn,
    };
    let sc = match (undo, not_undone(lang, undo, &new_consent)) {
        (Undo::Open { until, .. }, _) => Screen {
            status: StatusCode::OK,
            title: text(lang, "consents-undo-title"),
            done: None,
            heading: text(lang, "consents-undo-heading"),
            lines: vec![text_with(
                lang,
                "consents-undo-until",
                &[
                    ("until", i18n::clock(lang, *until)),
                    ("window", window_words(lang)),
                ],
            )],
            notices: vec![],
            after: vec![],
            form: Some(json!({
                "action": format!("/cases/{}/consents/{}/undo", case.id, consent.id),
                "version": null,
                "submit": text(lang, "case-undo-the-withdrawal"),
                "leave": text(lang, "notice-page-back"),
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

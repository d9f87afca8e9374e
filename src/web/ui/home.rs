//! Signing in and out, and the start page for each role.

use actix_web::http::StatusCode;
use actix_web::{web, HttpRequest};
use serde_json::{json, Value};

use crate::accounts::{revoke_token, sign_in_from};
use crate::domain::Role;
use crate::error::AppError;
use crate::policy::{Action, ResourceKind};
use crate::resources::{Notices, Tasks};
use crate::web::api::resource::Page;
use crate::web::auth::client_address;
use crate::web::AppState;

use super::fields::{fill_all, Field};
use super::forms::{FormData, Problems};
use super::i18n::{text, text_with, Lang};
use super::session::{self, Posted, Session};
use super::{
    can, labels, list_page, page, render, see_other, sign_in_layout, with_conn, PageError,
    PageResult,
};

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.route("/sign-in", web::get().to(sign_in_page))
        .route("/sign-in", web::post().to(sign_in_post))
        .route("/sign-out", web::post().to(sign_out))
        .route("/", web::get().to(home));
}

fn sign_in_fields(lang: Lang, values: &FormData, problems: &Problems) -> Vec<Field> {
    fill_all(
        vec![
            Field::text("email", &text(lang, "sign-in-email")).typed("email", "username"),
            Field::text("password", &text(lang, "sign-in-password"))
                .typed("password", "current-password"),
        ],
        values,
        problems,
    )
}

fn draw_sign_in(
    state: &AppState,
    lang: Lang,
    pre_session: &str,
    values: &FormData,
    problems: &Problems,
    signed_out: bool,
) -> Result<String, PageError> {
    let csrf = session::sign_in_csrf(state, pre_session);
    let mut layout = sign_in_layout(lang, &text(lang, "sign-in-title"), &csrf);
    layout["error"] = json!(!problems.is_empty());
    let data = json!({
        "layout": layout,
        "csrf": csrf,
        "fields": sign_in_fields(lang, values, problems),
        "errors": problems.to_json(),
        "signed_out": signed_out,
        "oidc": state.oidc.is_some(),
    });
    Ok(super::draw("sign_in", &data)?)
}

#[derive(serde::Deserialize)]
struct SignInQuery {
    signed_out: Option<String>,
}

async fn sign_in_page(
    state: web::Data<AppState>,
    req: HttpRequest,
    query: web::Query<SignInQuery>,
) -> PageResult {
    // Already signed in: go to the start page.
    if let Some(c) = req.cookie(session::SESSION_COOKIE) {
        let token = c.value().to_string();
        let now = state.clock.now();
        let live = crate::web::api::resource::run(&state, move |conn| {
            crate::accounts::actor_for_token(conn, &token, now)
        })
        .await
        .is_ok();
        if live {
            return Ok(see_other("/"));
        }
    }
    // The pre-session cookie is kept while it lasts, so that a language
    // switch on this page (tied to it) still matches the form.
    let pre_session = req
        .cookie(session::SIGN_IN_COOKIE)
        .map(|c| c.value().to_owned())
        .filter(|v| !v.is_empty())
        .unwrap_or_else(session::new_pre_session);
    let body = draw_sign_in(
        &state,
        session::cookie_lang(&req),
        &pre_session,
        &FormData::default(),
        &Problems::new(),
        query.signed_out.is_some(),
    )?;
    let mut resp = super::html(StatusCode::OK, body);
    resp.add_cookie(&session::sign_in_cookie(pre_session))
        .map_err(|e| AppError::Internal(e.to_string()))?;
    Ok(resp)
}

async fn sign_in_post(state: web::Data<AppState>, req: HttpRequest, form: FormData) -> PageResult {
    let pre_session = req
        .cookie(session::SIGN_IN_COOKIE)
        .map(|c| c.value().to_string());
    if !session::sign_in_csrf_ok(
        &state,
        pre_session.as_deref(),
        form.get(session::CSRF_FIELD),
    ) {
        tracing::warn!("sign-in form refused: anti-forgery token missing or wrong");
        return Err(PageError::BadCsrf);
    }
    let pre_session = pre_session.unwrap_or_default();
    let lang = session::cookie_lang(&req);
    let email = form.text("email");
    let password = form.get("password").unwrap_or("").to_string();
    let mut problems = Problems::new();
    if email.is_none() {
        problems.add("email", text(lang, "sign-in-error-email"));
    }
    if password.is_empty() {
        problems.add("password", text(lang, "sign-in-error-password"));
    }
    if problems.is_empty() {
        let now = state.clock.now();
        let hours = state.config.session_hours;
        let who = email.clone().unwrap_or_default();
        let address = client_address(&req);
        let result = crate::web::api::resource::run(&state, move |conn| {
            sign_in_from(conn, &who, &password, address.as_deref(), now, hours)
        })
        .await;
        match result {
            Ok(out) => {
                tracing::info!(user_id = %out.user_id, "signed in to the pages");
                let mut resp = see_other("/");
                resp.add_cookie(&session::session_cookie(out.token.expose().to_string()))
                    .map_err(|e| AppError::Internal(e.to_string()))?;
                resp.add_cookie(&session::removal(session::SIGN_IN_COOKIE))
                    .map_err(|e| AppError::Internal(e.to_string()))?;
                return Ok(resp);
            }
            Err(AppError::Validation(_)) => {
                problems.add("email", text(lang, "sign-in-error-no-match"));
            }
            Err(other) => return Err(other.into()),
        }
    }
    // Fill the form again, but never with the password.
    let values = FormData(
        email
            .map(|e| vec![("email".to_string(), e)])
            .unwrap_or_default(),
    );
    let body = draw_sign_in(&state, lang, &pre_session, &values, &problems, false)?;
    Ok(super::html(StatusCode::UNPROCESSABLE_ENTITY, body))
}

async fn sign_out(state: web::Data<AppState>, posted: Posted) -> PageResult {
    let token = posted.session.token.expose().to_string();
    let now = state.clock.now();
    crate::web::api::resource::run(&state, move |conn| revoke_token(conn, &token, now)).await?;
    tracing::info!(user_id = %posted.session.actor.user_id, "signed out of the pages");
    let mut resp = see_other("/sign-in?signed_out=1");
    resp.add_cookie(&session::removal(session::SESSION_COOKIE))
        .map_err(|e| AppError::Internal(e.to_string()))?;
    Ok(resp)
}

/// A start-page card: its link and sentence are the catalogue's
/// `<key>-label` and `<key>-text`.
fn link(lang: Lang, href: &str, key: &str) -> Value {
    json!({
        "href": href,
        "label": text(lang, &format!("{key}-label")),
        "text": text(lang, &format!("{key}-text")),
    })
}

async fn home(state: web::Data<AppState>, s: Session) -> PageResult {
    let role = s.role();
    let mut links = Vec::new();
    let mut summary: Vec<String> = Vec::new();
    match role {
        Role::Supporter => {
            links.push(link(s.lang, "/week", "home-week"));
            links.push(link(s.lang, "/cases", "home-cases-supporter"));
            links.push(link(s.lang, "/victims", "home-victims-supporter"));
            links.push(link(s.lang, "/my-reminders", "home-reminders"));
        }
        Role::WitnessCareOfficer => {
            links.push(link(s.lang, "/cases", "home-cases-wco"));
            links.push(link(s.lang, "/tasks", "home-tasks"));
            links.push(link(s.lang, "/victims", "home-victims-wco"));
            links.push(link(s.lang, "/requests", "home-requests-wco"));
            links.push(link(s.lang, "/court-lists", "home-court-lists"));
        }
        Role::VictimLiaisonOfficer => {
            links.push(link(s.lang, "/parole", "home-parole"));
        }
        Role::Manager => {
            links.push(link(s.lang, "/messages/failed", "home-failed-messages"));
            links.push(link(s.lang, "/cases", "home-cases-manager"));
        }
        Role::CourtStaff => {
            links.push(link(s.lang, "/requests", "home-requests-court"));
            links.push(link(s.lang, "/court/booking-lead-time", "home-lead-time"));
        }
        Role::WitnessServiceStaff => {
            links.push(link(s.lang, "/requests", "home-requests-ws"));
        }
        Role::Admin => {
            links.push(link(s.lang, "/directory#people", "home-directory-people"));
            links.push(link(
                s.lang,
                "/directory#organisations",
                "home-directory-organisations",
            ));
            links.push(link(s.lang, "/directory#courts", "home-directory-courts"));
        }
    }
    // What arrived for them across their cases, first on the page.
    if matches!(
        role,
        Role::Supporter | Role::WitnessCareOfficer | Role::CourtStaff | Role::WitnessServiceStaff
    ) {
        let n = super::inbox::count(&state, &s).await?;
        let words = text_with(s.lang, "home-inbox-text", &[("count", n.to_string())]);
        links.insert(
            0,
            json!({"href": "/inbox", "label": text(s.lang, "home-inbox-label"), "text": words}),
        );
    }
    let first = Page {
        page: 1,
        per_page: 1,
    };
    if role == Role::WitnessCareOfficer && can(&s, ResourceKind::Task, Action::Read) {
        let open = with_conn(&state, &s, move |conn, ctx| {
            list_page::<Tasks>(
                conn,
                ctx,
                json!({"state": "open", "role": crate::policy::task_role(role)}),
                first,
            )
            .map(|p| p.total)
        })
        .await?;
        summary.push(text_with(
            s.lang,
            "home-summary-unit-tasks",
            &[("count", open.to_string())],
        ));
    }
    if matches!(
        role,
        Role::CourtStaff | Role::WitnessServiceStaff | Role::WitnessCareOfficer
    ) {
        let open = super::requests::waiting(&state, &s).await?;
        summary.push(text_with(
            s.lang,
            "home-summary-requests",
            &[("count", open.to_string())],
        ));
    }
    if role == Role::Manager {
        let failed = with_conn(&state, &s, move |conn, ctx| {
            let f = list_page::<Notices>(conn, ctx, json!({"state": "failed"}), first)?.total;
            let d = list_page::<Notices>(conn, ctx, json!({"state": "dead"}), first)?.total;
            Ok(f + d)
        })
        .await?;
        summary.push(text_with(
            s.lang,
            "home-summary-failed",
            &[("count", failed.to_string())],
        ));
    }
    let data = page(
        &s,
        &text(s.lang, "home-title"),
        "home",
        json!({
            "name": s.display_name,
            "role": labels::role_in(s.lang, role),
            "links": links,
            "summary": summary,
        }),
    );
    render("home", &data)
}

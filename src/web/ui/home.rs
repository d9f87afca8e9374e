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
use super::session::{self, Posted, Session};
use super::{
    bare_layout, can, labels, list_page, page, render, see_other, with_conn, PageError, PageResult,
};

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.route("/sign-in", web::get().to(sign_in_page))
        .route("/sign-in", web::post().to(sign_in_post))
        .route("/sign-out", web::post().to(sign_out))
        .route("/", web::get().to(home));
}

fn sign_in_fields(values: &FormData, problems: &Problems) -> Vec<Field> {
    fill_all(
        vec![
            Field::text("email", "Email address").typed("email", "username"),
            Field::text("password", "Password").typed("password", "current-password"),
        ],
        values,
        problems,
    )
}

fn draw_sign_in(
    state: &AppState,
    pre_session: &str,
    values: &FormData,
    problems: &Problems,
    signed_out: bool,
) -> Result<String, PageError> {
    let mut layout = bare_layout("Sign in");
    layout["error"] = json!(!problems.is_empty());
    let data = json!({
        "layout": layout,
        "csrf": session::sign_in_csrf(state, pre_session),
        "fields": sign_in_fields(values, problems),
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
    let pre_session = session::new_pre_session();
    let body = draw_sign_in(
        &state,
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
    let email = form.text("email");
    let password = form.get("password").unwrap_or("").to_string();
    let mut problems = Problems::new();
    if email.is_none() {
        problems.add("email", "Enter your email address");
    }
    if password.is_empty() {
        problems.add("password", "Enter your password");
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
                problems.add("email", "Enter the email address and password you were given: they do not match an account");
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
    let body = draw_sign_in(&state, &pre_session, &values, &problems, false)?;
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

fn link(href: &str, label: &str, text: &str) -> Value {
    json!({"href": href, "label": label, "text": text})
}

async fn home(state: web::Data<AppState>, s: Session) -> PageResult {
    let role = s.role();
    let mut links = Vec::new();
    let mut summary: Vec<String> = Vec::new();
    match role {
        Role::Supporter => {
            links.push(link("/week", "My week", "Your hearings, pre-trial visits, parole milestones and tasks for the next 7 days, with clashes flagged."));
            links.push(link("/cases", "Cases", "The cases of the victims you support: hearings, consents, attendance requests and every notice."));
            links.push(link(
                "/victims",
                "Victims",
                "Add a victim you support, or change their reference, language and rights.",
            ));
            links.push(link(
                "/my-reminders",
                "Your reminders",
                "Have each reminder of a hearing or visit as its own message, or a day's reminders in your 07:30 daily message.",
            ));
        }
        Role::WitnessCareOfficer => {
            links.push(link("/cases", "Your unit's cases", "Add or move hearings, record special-measures discussions, and mark the court's decisions."));
            links.push(link(
                "/tasks",
                "To do",
                "Which supporters must be told what, and by when.",
            ));
            links.push(link(
                "/victims",
                "Victims",
                "Add a victim, or change their reference, language and rights.",
            ));
            links.push(link(
                "/requests",
                "Requests",
                "Requests addressed to your unit: confirm each one you have in hand.",
            ));
            links.push(link(
                "/court-lists",
                "Court lists",
                "Upload the court's published list and see which hearings moved and who was told.",
            ));
        }
        Role::VictimLiaisonOfficer => {
            links.push(link("/parole", "Parole", "Log parole milestones and see which were shared with the supporter, and on what basis."));
        }
        Role::Manager => {
            links.push(link(
                "/messages/failed",
                "Failed messages",
                "Notices that could not be delivered.",
            ));
            links.push(link("/cases", "Cases", "Your organisation's caseload."));
        }
        Role::CourtStaff => {
            links.push(link("/requests", "Requests", "Supporters identified to the court and requests about hearings: confirm each one you have in hand."));
            links.push(link(
                "/court/booking-lead-time",
                "Booking lead time for needs at court",
                "How many working days' notice your court needs to book interpreters, intermediaries and rooms.",
            ));
        }
        Role::WitnessServiceStaff => {
            links.push(link("/requests", "Requests", "Requests for pre-trial visits and support on the day: confirm each one you have in hand."));
        }
        Role::Admin => {
            links.push(link("/directory#people", "People", "Add the people who sign in, change their role or organisation, and stop someone signing in when they leave."));
            links.push(link("/directory#organisations", "Organisations", "The support services, witness care units, Witness Services, courts' listing offices and probation regions that work together, and where their notices go."));
            links.push(link("/directory#courts", "Courts", "The courts hearings are listed at, their Crown Court codes, and which are in Wales."));
        }
    }
    // What arrived for them across their cases, first on the page.
    if matches!(
        role,
        Role::Supporter | Role::WitnessCareOfficer | Role::CourtStaff | Role::WitnessServiceStaff
    ) {
        let n = super::inbox::count(&state, &s).await?;
        let text = match n {
            0 => "Nothing needs your attention: no messages failed and no recent warnings on your cases.".to_string(),
            1 => "1 thing needs your attention: a failed message or a warning on one of your cases.".to_string(),
            n => format!("{n} things need your attention: failed messages and warnings across your cases, each saying what to do."),
        };
        links.insert(0, link("/inbox", "Needs your attention", &text));
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
        summary.push(format!(
            "Your unit has {open} open task{}.",
            if open == 1 { "" } else { "s" }
        ));
    }
    if matches!(
        role,
        Role::CourtStaff | Role::WitnessServiceStaff | Role::WitnessCareOfficer
    ) {
        let open = super::requests::waiting(&state, &s).await?;
        summary.push(match open {
            0 => "No requests are waiting for you to confirm.".to_string(),
            1 => "1 request is waiting for you to confirm.".to_string(),
            n => format!("{n} requests are waiting for you to confirm."),
        });
    }
    if role == Role::Manager {
        let failed = with_conn(&state, &s, move |conn, ctx| {
            let f = list_page::<Notices>(conn, ctx, json!({"state": "failed"}), first)?.total;
            let d = list_page::<Notices>(conn, ctx, json!({"state": "dead"}), first)?.total;
            Ok(f + d)
        })
        .await?;
        summary.push(match failed {
            0 => "No messages have failed.".to_string(),
            1 => "1 message has failed or could not be delivered.".to_string(),
            n => format!("{n} messages have failed or could not be delivered."),
        });
    }
    let data = page(
        &s,
        "Home",
        "home",
        json!({
            "name": s.display_name,
            "role": labels::role(role),
            "links": links,
            "summary": summary,
        }),
    );
    render("home", &data)
}

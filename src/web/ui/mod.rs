//! The web pages: server-rendered HTML forms for supporters, witness care
//! officers, victim liaison officers and managers, in the style of the
//! GOV.UK design patterns, with no JavaScript.
//!
//! Pages never query records themselves: they call the same use cases in
//! `crate::app` as the JSON API (role check, input checks, transaction and
//! audit entry), so one policy, one relationship scope and one audit trail
//! serve both; they have no SQL of their own.
//!
//! Templates are embedded in the binary and rendered by handlebars in
//! strict mode (a missing value is an error, not an empty string).

mod acknowledge;
mod after_outcome;
mod agency_updates;
pub mod api_words;
mod assignments;
mod attendance;
mod case_forms;
mod case_search;
mod cases;
mod consents;
mod court_lists;
mod court_needs;
mod court_settings;
mod cps_meeting;
mod directory;
mod feeds;
pub mod fields;
pub mod form_words;
pub mod forms;
mod hearing_changes;
mod hearings;
mod home;
pub mod i18n;
mod inbox;
pub mod labels;
mod language;
mod lookup;
mod measures;
mod messages;
mod notices;
mod oidc;
mod parole;
mod reminder_delivery;
mod reports;
mod requests;
mod responsible_adults;
mod risk_meetings;
mod safety_plans;
pub mod session;
mod settings;
mod statement_appointments;
mod stop;
mod tasks;
mod trial_updates;
mod victim_details;
mod victims;
mod visits;
mod warnings;
mod week;

use std::collections::HashMap;
use std::sync::{Arc, LazyLock};

use actix_web::http::{header, StatusCode};
use actix_web::{guard, web, HttpResponse, ResponseError};
use handlebars::Handlebars;
use serde_json::{json, Value};

use crate::app::{self, authorise, Ctx, Page, Paged, Resource};
use crate::domain::Role;
use crate::error::{AppError, AppResult};
use crate::policy::{permits, Action, ResourceKind};
use crate::store::AnyConn;
use crate::web::api::resource::run;
use crate::web::AppState;

use session::Session;

/// Every template, embedded so the binary runs anywhere.
const SOURCES: &[(&str, &str)] = &[
    (
        "layout",
        include_str!("../../../templates/partials/layout.hbs"),
    ),
    (
        "error_summary",
        include_str!("../../../templates/partials/error_summary.hbs"),
    ),
    (
        "field",
        include_str!("../../../templates/partials/field.hbs"),
    ),
    (
        "facts",
        include_str!("../../../templates/partials/facts.hbs"),
    ),
    (
        "notices_table",
        include_str!("../../../templates/partials/notices_table.hbs"),
    ),
    ("error", include_str!("../../../templates/pages/error.hbs")),
    (
        "sign_in",
        include_str!("../../../templates/pages/sign_in.hbs"),
    ),
    ("home", include_str!("../../../templates/pages/home.hbs")),
    ("week", include_str!("../../../templates/pages/week.hbs")),
    (
        "week_body",
        include_str!("../../../templates/pages/week_body.hbs"),
    ),
    ("cases", include_str!("../../../templates/pages/cases.hbs")),
    ("case", include_str!("../../../templates/pages/case.hbs")),
    ("form", include_str!("../../../templates/pages/form.hbs")),
    (
        "court_needs",
        include_str!("../../../templates/pages/court_needs.hbs"),
    ),
    (
        "responsible_adults",
        include_str!("../../../templates/pages/responsible_adults.hbs"),
    ),
    (
        "safety_plan",
        include_str!("../../../templates/pages/safety_plan.hbs"),
    ),
    (
        "risk_meetings",
        include_str!("../../../templates/pages/risk_meetings.hbs"),
    ),
    (
        "statement_appointments",
        include_str!("../../../templates/pages/statement_appointments.hbs"),
    ),
    (
        "trial_updates",
        include_str!("../../../templates/pages/trial_updates.hbs"),
    ),
    (
        "after_outcome",
        include_str!("../../../templates/pages/after_outcome.hbs"),
    ),
    (
        "notice",
        include_str!("../../../templates/pages/notice.hbs"),
    ),
    ("tasks", include_str!("../../../templates/pages/tasks.hbs")),
    (
        "parole",
        include_str!("../../../templates/pages/parole.hbs"),
    ),
    (
        "messages",
        include_str!("../../../templates/pages/messages.hbs"),
    ),
    (
        "court_lists",
        include_str!("../../../templates/pages/court_lists.hbs"),
    ),
    (
        "court_list",
        include_str!("../../../templates/pages/court_list.hbs"),
    ),
    (
        "calendar_feed",
        include_str!("../../../templates/pages/calendar_feed.hbs"),
    ),
    (
        "reports",
        include_str!("../../../templates/pages/reports.hbs"),
    ),
    (
        "settings",
        include_str!("../../../templates/pages/settings.hbs"),
    ),
    (
        "directory",
        include_str!("../../../templates/pages/directory.hbs"),
    ),
    ("inbox", include_str!("../../../templates/pages/inbox.hbs")),
    (
        "victims",
        include_str!("../../../templates/pages/victims.hbs"),
    ),
    (
        "requests",
        include_str!("../../../templates/pages/requests.hbs"),
    ),
    (
        "consent_withdraw",
        include_str!("../../../templates/pages/consent_withdraw.hbs"),
    ),
];

const APP_CSS: &str = include_str!("../../../templates/assets/app.css");

static TEMPLATES: LazyLock<Result<Handlebars<'static>, String>> = LazyLock::new(|| {
    let mut hb = Handlebars::new();
    hb.set_strict_mode(true);
    hb.register_helper("t", Box::new(i18n::Translate));
    for (name, source) in SOURCES {
        hb.register_template_string(name, source)
            .map_err(|e| format!("template {name}: {e}"))?;
    }
    Ok(hb)
});

/// Why a page could not be shown.
#[derive(Debug)]
pub enum PageError {
    /// Not signed in (or the session ended): go to the sign-in page.
    SignIn,
    /// A form without the right anti-forgery token.
    BadCsrf,
    App(AppError),
}

impl std::fmt::Display for PageError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            PageError::SignIn => f.write_str("sign-in required"),
            PageError::BadCsrf => f.write_str("form token missing or wrong"),
            PageError::App(e) => write!(f, "{e}"),
        }
    }
}

impl From<AppError> for PageError {
    fn from(e: AppError) -> Self {
        match e {
            AppError::Unauthenticated => PageError::SignIn,
            other => PageError::App(other),
        }
    }
}

pub type PageResult = Result<HttpResponse, PageError>;

impl ResponseError for PageError {
    fn status_code(&self) -> StatusCode {
        match self {
            PageError::SignIn => StatusCode::SEE_OTHER,
            PageError::BadCsrf => StatusCode::FORBIDDEN,
            PageError::App(e) => e.status_code(),
        }
    }

    fn error_response(&self) -> HttpResponse {
        // No session here: the request's language (see `i18n::scoped`).
        let lang = i18n::request_lang();
        let (title, lines): (String, Vec<String>) = match self {
            PageError::SignIn => return see_other("/sign-in"),
            PageError::BadCsrf => (
                i18n::text(lang, "error-bad-form"),
                vec![
                    i18n::text(lang, "error-bad-form-why"),
                    i18n::text(lang, "error-bad-form-next"),
                ],
            ),
            PageError::App(e) => {
                match e {
                    AppError::Internal(cause) => tracing::error!(cause = %cause, "page failed"),
                    AppError::Unavailable(cause) => {
                        tracing::warn!(cause = %cause, "page unavailable")
                    }
                    _ => {}
                }
                in_words(lang, e)
            }
        };
        let data = json!({
            "layout": bare_layout(&title),
            "title": title,
            "lines": lines,
        });
        match draw("error", &data) {
            Ok(body) => html(self.status_code(), body),
            Err(_) => HttpResponse::build(self.status_code())
                .content_type("text/plain; charset=utf-8")
                .body(title.to_string()),
        }
    }
}

/// A word or phrase from the code (`decision_made`, `court_id`) as words.
fn plain(text: &str) -> String {
    text.replace('_', " ")
}

/// A sentence that starts with a capital and ends with a full stop.
fn sentence(text: &str) -> String {
    let text = plain(text.trim().trim_end_matches('.'));
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => format!("{}{}.", first.to_uppercase(), chars.as_str()),
        None => String::new(),
    }
}

/// The title and lines of the error page for the errors a person can
/// meet after a form or a link: each says what happened and what to do
/// next, in words (never a code, field path or internal message).
fn in_words(lang: i18n::Lang, e: &AppError) -> (String, Vec<String>) {
    let t = |key: &str| i18n::text(lang, key);
    match e {
        AppError::Validation(errors) => {
            let mut lines: Vec<String> = errors
                .iter()
                .map(|f| match lang {
                    i18n::Lang::En => sentence(&format!("{} {}", f.field, f.message)),
                    _ => sentence(&format!(
                        "{}: {}",
                        f.field,
                        api_words::in_language(lang, &f.message)
                    )),
                })
                .collect();
            lines.push(t("error-validation-next"));
            (t("error-validation"), lines)
        }
        AppError::MalformedBody(_) => (t("error-malformed"), vec![t("error-malformed-next")]),
        AppError::PayloadTooLarge(limit) => (
            t("error-too-large"),
            vec![i18n::text_with(
                lang,
                "error-too-large-next",
                &[("limit", limit.to_string())],
            )],
        ),
        AppError::TooManyAttempts { .. } => (t("error-paused"), vec![sentence(&e.to_string())]),
        AppError::MethodNotAllowed => (t("error-method"), vec![t("error-method-next")]),
        AppError::Conflict(why) => (
            t("error-conflict"),
            vec![
                sentence(&api_words::in_language(lang, why)),
                t("error-conflict-next"),
            ],
        ),
        AppError::StaleVersion { .. } | AppError::VersionRequired => {
            (t("error-stale"), vec![t("error-stale-next")])
        }
        AppError::Unauthenticated => (t("error-sign-in"), vec![t("error-sign-in-next")]),
        AppError::Forbidden(_) => (t("error-forbidden"), vec![t("error-forbidden-next")]),
        AppError::NotFound(_) => (
            t("error-not-found"),
            vec![t("error-not-found-typed"), t("error-not-found-record")],
        ),
        AppError::Unavailable(_) => (t("error-busy"), vec![t("error-busy-next")]),
        AppError::Internal(_) => (t("error-internal"), vec![t("error-internal-next")]),
    }
}

/// A page whose part inside the layout was drawn before (and kept: the
/// week's), drawn around it: the layout is drawn once for each set of
/// layout data (language, person, menu, anti-forgery token, title) and
/// kept, split where the part goes, so a request only joins three pieces
/// of text. What is drawn is what [`render`] of `name` with the part as
/// its `body` draws; the words the page used are marked as on every page.
pub fn render_around(name: &str, layout: Value, part: &str) -> PageResult {
    Ok(html(StatusCode::OK, drawn_around(name, layout, part)?))
}

/// The text [`render_around`] sends.
pub fn drawn_around(name: &str, layout: Value, part: &str) -> AppResult<String> {
    let shell = Shell::for_layout(name, layout)?;
    i18n::record(shell.used.clone(), shell.untranslated.clone());
    let (used, untranslated) = i18n::noted();
    let mut out = String::with_capacity(shell.head.len() + part.len() + shell.tail.len());
    out.push_str(&shell.head);
    out.push_str(part);
    out.push_str(&shell.tail);
    Ok(i18n::mark_page(out, &used, &untranslated))
}

/// A page template drawn around a marker, split at it (see
/// [`render_around`]), with the words the template used.
struct Shell {
    head: String,
    tail: String,
    used: Vec<String>,
    untranslated: Vec<String>,
}

/// Where the part goes while a shell is drawn. Everything the layout
/// shows of a person (a name, a title) is escaped, so no value can
/// contain it.
const PART: &str = "<!--courtside:the-part-goes-here-->";

/// Shells drawn, by template name and layout data (as JSON text).
type Shells = HashMap<(String, String), Arc<Shell>>;

/// The shells drawn so far. At most [`Shell::MOST`] are kept; when full,
/// it starts again empty.
static SHELLS: LazyLock<std::sync::Mutex<Shells>> = LazyLock::new(Default::default);

impl Shell {
    const MOST: usize = 1024;

    fn for_layout(name: &str, layout: Value) -> AppResult<Arc<Shell>> {
        let key = (name.to_string(), layout.to_string());
        let shells = SHELLS.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(shell) = shells.get(&key) {
            return Ok(shell.clone());
        }
        drop(shells);
        let lang = i18n::lang_of(&json!({ "layout": &layout }));
        let data = json!({ "layout": layout, "body": PART });
        // Only the template's own words: those noted before stay noted.
        let ((drawn, used, untranslated), _, _) =
            i18n::apart(|| drawn_with_words(name, lang, &data));
        let drawn = drawn?;
        let (head, tail) = drawn
            .split_once(PART)
            .ok_or_else(|| AppError::Internal(format!("{name} does not show its body")))?;
        let shell = Arc::new(Shell {
            head: head.to_string(),
            tail: tail.to_string(),
            used,
            untranslated,
        });
        let mut shells = SHELLS.lock().unwrap_or_else(|e| e.into_inner());
        if shells.len() >= Self::MOST {
            shells.clear();
        }
        shells.insert(key, shell.clone());
        Ok(shell)
    }
}

fn draw(name: &str, data: &Value) -> Result<String, AppError> {
    let (out, used, untranslated) = drawn_with_words(name, i18n::lang_of(data), data);
    Ok(i18n::mark_page(out?, &used, &untranslated))
}

/// A template drawn in `lang`, with the keys it used and those that fell
/// back to English.
fn drawn_with_words(
    name: &str,
    lang: i18n::Lang,
    data: &Value,
) -> (AppResult<String>, Vec<String>, Vec<String>) {
    let hb = match TEMPLATES.as_ref() {
        Ok(hb) => hb,
        Err(e) => return (Err(AppError::Internal(e.clone())), Vec::new(), Vec::new()),
    };
    let (out, used, untranslated) = i18n::rendering(lang, || hb.render(name, data));
    let out = out.map_err(|e| AppError::Internal(format!("rendering {name}: {e}")));
    (out, used, untranslated)
}

/// An HTML answer with the headers every page carries: never cached (the
/// pages hold sensitive data), never framed, no scripts.
pub fn html(status: StatusCode, body: String) -> HttpResponse {
    HttpResponse::build(status)
        .insert_header((header::CONTENT_TYPE, "text/html; charset=utf-8"))
        .insert_header((header::CACHE_CONTROL, "no-store"))
        .insert_header((header::X_CONTENT_TYPE_OPTIONS, "nosniff"))
        .insert_header((header::X_FRAME_OPTIONS, "DENY"))
        .insert_header((header::REFERRER_POLICY, "same-origin"))
        .insert_header((
            header::CONTENT_SECURITY_POLICY,
            "default-src 'self'; script-src 'none'; frame-ancestors 'none'; form-action 'self'; base-uri 'none'",
        ))
        .body(body)
}

pub fn render(name: &str, data: &Value) -> PageResult {
    render_status(StatusCode::OK, name, data)
}

pub fn render_status(status: StatusCode, name: &str, data: &Value) -> PageResult {
    Ok(html(status, draw(name, data)?))
}

/// 303 See Other: after a form is accepted, or to sign in.
pub fn see_other(location: &str) -> HttpResponse {
    HttpResponse::SeeOther()
        .insert_header((header::LOCATION, location))
        .insert_header((header::CACHE_CONTROL, "no-store"))
        .finish()
}

struct NavItem {
    key: &'static str,
    href: &'static str,
    /// The catalogue key of its words.
    label: &'static str,
}

fn nav_for(role: Role) -> Vec<NavItem> {
    let item = |key, href, label| NavItem { key, href, label };
    let mut items = vec![item("home", "/", "nav-home")];
    match role {
        Role::Supporter => {
            items.push(item("week", "/week", "nav-week"));
            items.push(item("cases", "/cases", "nav-cases"));
            items.push(item("victims", "/victims", "nav-victims"));
            items.push(item("calendar_feed", "/calendar-feed", "nav-calendar-feed"));
            items.push(item("reminders", reminder_delivery::PATH, "nav-reminders"));
        }
        Role::WitnessCareOfficer => {
            items.push(item("cases", "/cases", "nav-cases"));
            items.push(item("victims", "/victims", "nav-victims"));
            items.push(item("tasks", "/tasks", "nav-tasks"));
            items.push(item("requests", "/requests", "nav-requests"));
            items.push(item("court_lists", "/court-lists", "nav-court-lists"));
        }
        Role::VictimLiaisonOfficer => items.push(item("parole", "/parole", "nav-parole")),
        Role::Manager => {
            items.push(item("cases", "/cases", "nav-cases"));
            items.push(item("messages", "/messages/failed", "nav-failed-messages"));
            items.push(item("court_lists", "/court-lists", "nav-court-lists"));
            items.push(item(
                "reports",
                "/reports/partnership",
                "nav-partnership-report",
            ));
            items.push(item("settings", "/settings", "nav-settings"));
        }
        Role::CourtStaff => items.push(item("requests", "/requests", "nav-requests")),
        Role::WitnessServiceStaff => {
            items.push(item("week", "/week", "nav-week-ahead"));
            items.push(item("requests", "/requests", "nav-requests"));
        }
        Role::Admin => items.push(item("directory", directory::PATH, "nav-directory")),
    }
    items
}

/// What the layout needs: the title, who is signed in, the menu, and the
/// anti-forgery token for the sign-out form.
pub fn layout(s: &Session, title: &str, current: &str) -> Value {
    let nav: Vec<Value> = nav_for(s.role())
        .into_iter()
        .map(|i| {
            json!({"href": i.href, "label": i18n::text(s.lang, i.label), "current": i.key == current})
        })
        .collect();
    json!({
        "title": title,
        "user": {"name": s.display_name, "role": labels::role_in(s.lang, s.role())},
        "csrf": s.csrf,
        "nav": nav,
        "error": false,
        "email_off": s.email_off && s.role() == Role::Manager,
        "lang": s.lang.code(),
        "html_lang": s.lang.html_tag(),
        "switch": language::switch(s.lang, &s.csrf),
    })
}

/// The layout for pages shown to nobody in particular, in English.
/// The layout of a page shown without a session (error pages, the
/// pages opened from a link in a message), in the request's language.
pub fn bare_layout(title: &str) -> Value {
    let lang = i18n::request_lang();
    json!({"title": title, "user": null, "csrf": null, "nav": [], "error": false, "email_off": false,
        "lang": lang.code(), "html_lang": lang.html_tag(), "switch": null})
}

/// The layout for the sign-in page: in the language of the pre-sign-in
/// cookie, with the switch tied to the sign-in form's token.
pub fn sign_in_layout(lang: i18n::Lang, title: &str, csrf: &str) -> Value {
    let mut layout = bare_layout(title);
    layout["lang"] = json!(lang.code());
    layout["html_lang"] = json!(lang.html_tag());
    layout["switch"] = language::switch(lang, csrf);
    layout
}

/// A page's data with its layout.
pub fn page(s: &Session, title: &str, current: &str, mut data: Value) -> Value {
    data["layout"] = layout(s, title, current);
    data
}

/// Who is asking and when, for the resource functions.
pub fn ctx(state: &AppState, s: &Session) -> Ctx {
    state.ctx(s.actor.clone())
}

/// Runs page work on the blocking pool with a connection and the context.
pub async fn with_conn<T: Send + 'static>(
    state: &AppState,
    s: &Session,
    f: impl FnOnce(&mut AnyConn, &Ctx) -> AppResult<T> + Send + 'static,
) -> AppResult<T> {
    let ctx = ctx(state, s);
    let lang = s.lang;
    // Words looked up on the blocking thread are recorded there: bring the
    // record back to this thread, where the page is drawn. The blocking
    // thread knows the request's language (for the API's messages).
    let (out, used, untranslated) = run(state, move |conn| {
        Ok(i18n::gathered(lang, || f(conn, &ctx)))
    })
    .await?;
    i18n::record(used, untranslated);
    out
}

/// As `with_conn` for a page that has only the session's token: the
/// session is checked in the same trip to the blocking pool, on the same
/// connection, as the page's work (one hop per request, not two). Gives
/// back the session with the work's answer.
pub async fn with_session<T: Send + 'static>(
    state: &web::Data<AppState>,
    unchecked: session::SessionToken,
    f: impl FnOnce(&mut AnyConn, &Session, &Ctx) -> AppResult<T> + Send + 'static,
) -> Result<(Session, T), PageError> {
    let app = state.clone();
    let (s, out, used, untranslated) = run(state, move |conn| {
        let s = unchecked.check(conn, app.clock.now())?;
        let ctx = app.ctx(s.actor.clone());
        let (out, used, untranslated) = i18n::gathered(s.lang, || f(conn, &s, &ctx));
        Ok((s, out, used, untranslated))
    })
    .await?;
    s.begin();
    i18n::record(used, untranslated);
    Ok((s, out?))
}

/// Draws a template on its own, to be put into a page later (see
/// `week`): the words it used stay in this thread's record, with those
/// used before it.
pub fn draw_part(name: &str, lang: i18n::Lang, data: &Value) -> AppResult<String> {
    let (out, used, untranslated) = drawn_with_words(name, lang, data);
    i18n::record(used, untranslated);
    out
}

/// Whether the role may do this at all (to show or hide a link; the
/// resource function checks again).
pub fn can(s: &Session, kind: ResourceKind, action: Action) -> bool {
    permits(s.role(), kind, action)
}

/// A resource's list filter, from the same names as the API's query string.
pub fn filter<R: Resource>(v: Value) -> AppResult<R::Filter> {
    serde_json::from_value(v)
        .map_err(|e| AppError::Internal(format!("page filter for {}: {e}", R::PATH)))
}

/// Every record of a list the actor may see (pages of the largest size;
/// at most 50 of them), through the same list use case as the API.
pub fn list_all<R: Resource>(conn: &mut AnyConn, ctx: &Ctx, f: Value) -> AppResult<Vec<R::Output>> {
    authorise(&ctx.actor, R::KIND, Action::Read, R::SINGULAR)?;
    let f = filter::<R>(f)?;
    app::list_pages::<R>(conn, ctx, &f, 50)
}

/// One page of a list, as the API's GET of the collection.
pub fn list_page<R: Resource>(
    conn: &mut AnyConn,
    ctx: &Ctx,
    f: Value,
    page: Page,
) -> AppResult<Paged<R::Output>> {
    authorise(&ctx.actor, R::KIND, Action::Read, R::SINGULAR)?;
    let f = filter::<R>(f)?;
    app::list::<R>(conn, ctx, &f, page)
}

/// One record, as the API's GET of the item (audited when sensitive).
pub fn read<R: Resource>(conn: &mut AnyConn, ctx: &Ctx, id: &str) -> AppResult<R::Output> {
    app::read::<R>(conn, ctx, id)
}

/// Creates a record through the same use case as the API's POST: role,
/// input checks, the resource's own checks, and the audit entry, in one
/// transaction.
pub fn create<R: Resource>(conn: &mut AnyConn, ctx: &Ctx, input: R::Input) -> AppResult<R::Output> {
    app::create::<R>(conn, ctx, input)
}

/// Changes a record through the same use case as the API's PUT, with the
/// version the form was drawn from.
pub fn update<R: Resource>(
    conn: &mut AnyConn,
    ctx: &Ctx,
    id: &str,
    version: i32,
    input: R::Input,
) -> AppResult<R::Output> {
    app::update::<R>(conn, ctx, id, version, input)
}

/// The page number a list was asked for (`?page=`), from 1; anything
/// unreadable is the first page.
pub fn page_number(asked: Option<&str>) -> i64 {
    asked
        .and_then(|p| p.trim().parse::<i64>().ok())
        .unwrap_or(1)
        .clamp(1, 1_000_000)
}

/// `require` for a check named once for a page and its form's post.
pub fn require_to(s: &Session, (kind, action, what): crate::app::Check) -> Result<(), PageError> {
    require(s, kind, action, what)
}

/// A form shown again after a stale save: what is stored now (the page's
/// facts), what was typed, and the current version.
pub fn stale_page(mut page: fields::FormPage, what: &str) -> fields::FormPage {
    page.stale = Some((what.into(), std::mem::take(&mut page.facts)));
    page
}

/// Fails with the 403 page unless the role may do this.
pub fn require(
    s: &Session,
    kind: ResourceKind,
    action: Action,
    what: &str,
) -> Result<(), PageError> {
    authorise(&s.actor, kind, action, what).map_err(PageError::from)
}

/// Draws a form page: 200 when first shown, 422 with its problems, 409
/// when someone else changed the record first.
pub fn render_form(
    s: &Session,
    nav: &str,
    form: fields::FormPage,
    values: &forms::FormData,
    problems: &forms::Problems,
) -> PageResult {
    let status = if form.stale.is_some() {
        StatusCode::CONFLICT
    } else if problems.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    let title = form.title.clone();
    let mut data = page(s, &title, nav, form.data(values, problems));
    data["layout"]["error"] = json!(!problems.is_empty());
    render_status(status, "form", &data)
}

/// A posted change to one record: the role may update `kind` (`what` for
/// the refusal), and the form names the version it changes.
pub fn posted_update(
    posted: session::Posted,
    kind: ResourceKind,
    what: &str,
) -> Result<(Session, forms::FormData, i32), PageError> {
    let session::Posted { session, form } = posted;
    require(&session, kind, Action::Update, what)?;
    let version = posted_version(&form)?;
    Ok((session, form, version))
}

/// The version a change form was drawn from (a hidden field).
pub fn posted_version(form: &forms::FormData) -> Result<i32, PageError> {
    form.text("version")
        .and_then(|v| v.parse().ok())
        .ok_or_else(|| {
            PageError::App(AppError::MalformedBody(
                "the form did not say which version it changes; reload the page and try again"
                    .into(),
            ))
        })
}

async fn app_css() -> HttpResponse {
    HttpResponse::Ok()
        .insert_header((header::CONTENT_TYPE, "text/css; charset=utf-8"))
        .insert_header((header::CACHE_CONTROL, "public, max-age=3600"))
        .body(APP_CSS)
}

async fn page_not_found() -> PageResult {
    Err(PageError::App(AppError::NotFound("page".into())))
}

/// Mounts the pages. Call after the API so that its routes come first.
pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.route("/assets/app.css", web::get().to(app_css));
    home::configure(cfg);
    language::configure(cfg);
    week::configure(cfg);
    case_forms::configure(cfg);
    cps_meeting::configure(cfg);
    agency_updates::configure(cfg);
    court_settings::configure(cfg);
    assignments::configure(cfg);
    cases::configure(cfg);
    hearings::configure(cfg);
    hearing_changes::configure(cfg);
    attendance::configure(cfg);
    consents::configure(cfg);
    measures::configure(cfg);
    victims::configure(cfg);
    court_needs::configure(cfg);
    responsible_adults::configure(cfg);
    risk_meetings::configure(cfg);
    statement_appointments::configure(cfg);
    safety_plans::configure(cfg);
    trial_updates::configure(cfg);
    after_outcome::configure(cfg);
    visits::configure(cfg);
    notices::configure(cfg);
    tasks::configure(cfg);
    parole::configure(cfg);
    messages::configure(cfg);
    feeds::configure(cfg);
    court_lists::configure(cfg);
    oidc::configure(cfg);
    acknowledge::configure(cfg);
    stop::configure(cfg);
    reports::configure(cfg);
    settings::configure(cfg);
    directory::configure(cfg);
    victim_details::configure(cfg);
    reminder_delivery::configure(cfg);
    inbox::configure(cfg);
    requests::configure(cfg);
    // Any other GET outside the API is a page that does not exist: say so
    // in HTML (the API keeps its problem+json answers).
    cfg.route(
        "/{tail:.*}",
        web::get()
            .guard(guard::fn_guard(|ctx| {
                !ctx.head().uri.path().starts_with("/api/")
            }))
            .to(page_not_found),
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    async fn body_of(page: PageResult) -> String {
        let Ok(resp) = page else {
            panic!("the page drew")
        };
        let bytes = actix_web::body::to_bytes(resp.into_body())
            .await
            .unwrap_or_default();
        String::from_utf8(bytes.to_vec()).unwrap_or_default()
    }

    /// A page drawn around a kept part is the page drawn whole, words
    /// marked and all, in each language and from the kept shell as when
    /// it was first drawn; a name that spells the marker is shown as
    /// text, not taken for the place of the part.
    #[actix_web::test]
    async fn a_page_drawn_around_a_part_is_the_page_drawn_whole() {
        for lang in [i18n::Lang::En, i18n::Lang::Cy] {
            for name in ["Amara Idva", PART] {
                let layout = json!({
                    "title": "My week", "user": {"name": name, "role": "Supporter"},
                    "csrf": "token", "nav": [{"href": "/week", "label": "My week", "current": true}],
                    "error": false, "email_off": false, "lang": lang.code(),
                    "html_lang": lang.html_tag(), "switch": null,
                });
                let part = "<section><h2>Monday</h2><p>Crown Court, 10:00</p></section>";
                let whole = render("week", &json!({"layout": layout.clone(), "body": part}));
                let whole = body_of(whole).await;
                assert!(
                    whole.contains(part) && whole.contains("data-keys="),
                    "{whole}"
                );
                for _ in 0..2 {
                    i18n::noted();
                    let around = body_of(render_around("week", layout.clone(), part)).await;
                    assert_eq!(around, whole, "{lang:?}, {name}");
                }
            }
        }
    }

    #[test]
    fn every_template_compiles() {
        if let Err(e) = TEMPLATES.as_ref() {
            panic!("{e}");
        }
    }

    #[test]
    fn every_error_a_person_sees_is_words_that_say_what_to_do() {
        use crate::error::FieldError;
        let table = [
            AppError::Validation(vec![FieldError::new(
                "decision",
                "is required for a decision_made milestone",
            )]),
            AppError::MalformedBody("expected value at line 1 column 1".into()),
            AppError::PayloadTooLarge(65_536),
            AppError::TooManyAttempts {
                retry_after_secs: 61,
            },
            AppError::MethodNotAllowed,
            AppError::Conflict("the request is already decision_made".into()),
            AppError::StaleVersion { current: 4 },
            AppError::VersionRequired,
            AppError::Forbidden("create victim".into()),
            AppError::NotFound("victim".into()),
            AppError::Unavailable("pool timed out".into()),
            AppError::Internal("no such table: victims".into()),
        ];
        for e in &table {
            let (title, lines) = in_words(i18n::Lang::En, e);
            let text = format!("{title} {}", lines.join(" "));
            for raw in ["_", "If-Match", "ETag", "column", "pool", "table"] {
                assert!(!text.contains(raw), "{e:?} shows {raw:?}: {text}");
            }
            let last = lines.last().expect("at least one line");
            assert!(last.ends_with('.'), "{e:?}: {last}");
            assert!(
                [
                    "Go back",
                    "Try again",
                    "try again",
                    "Sign in",
                    "ask your manager",
                    "The record may"
                ]
                .iter()
                .any(|next| text.contains(next)),
                "{e:?} says what to do next: {text}"
            );
        }
        let (_, lines) = in_words(i18n::Lang::En, &table[0]);
        assert_eq!(
            lines[0],
            "Decision is required for a decision made milestone."
        );
        assert_eq!(
            in_words(i18n::Lang::En, &table[3]).1[0],
            "Sign-in is paused after too many failed attempts; try again in 2 minutes."
        );
    }

    #[test]
    fn the_error_page_renders_without_a_session() {
        let data = json!({"layout": bare_layout("Page not found"), "title": "Page not found", "lines": ["x"]});
        let out = draw("error", &data).unwrap();
        assert!(out.contains("<h1"));
        assert!(!out.contains("Sign out"));
    }

    #[actix_web::test]
    async fn an_error_page_is_in_the_requests_language_and_records_its_own_keys_only() {
        // Two requests on one thread, interleaved: each page's record holds
        // its own keys, and each is in its own language.
        let welsh = i18n::scoped(Some(i18n::Lang::Cy), async {
            tokio::task::yield_now().await;
            let answer = PageError::App(AppError::NotFound("victim".into())).error_response();
            let body = answer.into_body();
            String::from_utf8(actix_web::body::to_bytes(body).await.unwrap().to_vec()).unwrap()
        });
        let english = i18n::scoped(None, async {
            // A word made before the render, in this request only.
            let _ = i18n::text(i18n::Lang::En, "layout-sign-out");
            tokio::task::yield_now().await;
            let answer = PageError::BadCsrf.error_response();
            let body = answer.into_body();
            String::from_utf8(actix_web::body::to_bytes(body).await.unwrap().to_vec()).unwrap()
        });
        let (welsh, english) = futures_util::join!(welsh, english);
        assert!(welsh.contains("<html lang=\"cy\">"), "{welsh}");
        assert!(welsh.contains("Heb ddod o hyd i"), "{welsh}");
        assert!(!welsh.contains("layout-sign-out"), "{welsh}");
        assert!(english.contains("<html lang=\"en-GB\">"), "{english}");
        assert!(
            english.contains("This form could not be accepted"),
            "{english}"
        );
        assert!(english.contains("layout-sign-out"), "{english}");
        assert!(!english.contains("error-not-found"), "{english}");
    }
}

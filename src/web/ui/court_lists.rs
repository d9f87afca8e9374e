//! Court lists: a witness care officer uploads today's published list and
//! sees what it changed for the unit's cases (moved, missing, warned, new)
//! and which supporters have been told; managers and officers see the
//! imports made so far.
//!
//! The upload is a plain `multipart/form-data` form (a file input), so it
//! works without JavaScript; the anti-forgery token travels as one of the
//! form's parts and is checked before the document is read.

use actix_multipart::Multipart;
use actix_web::web;
use futures_util::StreamExt;
use serde::Deserialize;
use serde_json::{json, Value};

use crate::app::court_lists;
use crate::court_lists::history::{ImportDetail, ImportItem};
use crate::court_lists::{ListError, ListType};
use crate::error::AppError;
use crate::policy::{Action, ResourceKind};
use crate::web::api::court_lists::{import_document, MAX_LIST_BYTES};
use crate::web::api::resource::PageParams;
use crate::web::AppState;

use super::forms::Problems;
use super::i18n::{self, text, text_with, Lang};
use super::session::{csrf_matches, Session, CSRF_FIELD};
use super::{
    can, page, render, render_status, require, see_other, with_conn, PageError, PageResult,
};

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.route("/court-lists", web::get().to(index))
        .route("/court-lists", web::post().to(upload))
        .route("/court-lists/{id}", web::get().to(show));
}

/// The most form text (anything but the file) read from an upload.
const MAX_FIELD_BYTES: usize = 4 * 1024;

#[derive(Deserialize)]
struct IndexQuery {
    page: Option<i64>,
}

/// What was chosen on the form, to draw it again after a problem.
#[derive(Default)]
struct Chosen {
    list_type: String,
    court: String,
}

/// A list type in the page's language ("Crown daily list").
fn type_label(lang: Lang, t: ListType) -> String {
    text(
        lang,
        &format!("court-lists-type-{}", t.as_str().replace('_', "-")),
    )
}

fn list_type_options(lang: Lang, chosen: &str) -> Vec<Value> {
    let mut out = vec![json!({
        "value": "", "label": text(lang, "court-lists-recognise"), "selected": chosen.is_empty()
    })];
    out.extend(ListType::ALL.iter().map(
        |t| json!({"value": t.as_str(), "label": type_label(lang, *t), "selected": t.as_str() == chosen}),
    ));
    out
}

async fn index_data(
    state: &AppState,
    s: &Session,
    page_no: i64,
    chosen: &Chosen,
    problems: &Problems,
) -> Result<Value, PageError> {
    let params = PageParams {
        page: Some(page_no.max(1)),
        per_page: Some(20),
    };
    let pg = params.check()?;
    let lang = s.lang;
    let chosen_court = chosen.court.clone();
    let named = text(lang, "court-lists-court-named");
    let (imports, court_options) = with_conn(state, s, move |conn, ctx| {
        let imports = court_lists::imports(conn, ctx, pg)?;
        let courts = court_lists::court_choices(conn, ctx)?;
        let mut options = vec![json!({
            "value": "", "label": named, "selected": chosen_court.is_empty()
        })];
        options.extend(courts.into_iter().map(|(id, name)| {
            let selected = id == chosen_court;
            json!({"value": id, "label": name, "selected": selected})
        }));
        Ok((imports, options))
    })
    .await?;
    let rows: Vec<Value> = imports
        .items
        .iter()
        .map(|i| {
            json!({
                "href": format!("/court-lists/{}", i.id),
                "list": list_name(lang, &i.list_type, &i.list_kind),
                "published": i18n::long(lang, i.published_at),
                "imported": i18n::long(lang, i.imported_at),
                "mine": i.imported_by_me,
                "counts": i.counts,
            })
        })
        .collect();
    let more = imports.page * imports.per_page < imports.total;
    Ok(json!({
        "can_upload": can(s, ResourceKind::CourtList, Action::Create),
        "imports": rows,
        "page": imports.page,
        "next": if more { Some(imports.page + 1) } else { None },
        "previous": if imports.page > 1 { Some(imports.page - 1) } else { None },
        "list_types": list_type_options(lang, &chosen.list_type),
        "courts": court_options,
        "errors": problems.to_json(),
        "max_mb": MAX_LIST_BYTES / (1024 * 1024),
    }))
}

/// "Crown daily list (daily)", in the page's language.
fn list_name(lang: Lang, list_type: &str, list_kind: &str) -> String {
    let label = ListType::from_name(list_type)
        .map(|t| type_label(lang, t))
        .unwrap_or_else(|| text(lang, "court-lists-court-list"));
    let kind = match list_kind {
        "daily" => text(lang, "court-lists-kind-daily"),
        "firm" => text(lang, "court-lists-kind-firm"),
        "warned" => text(lang, "court-lists-kind-warned"),
        other => other.to_string(),
    };
    format!("{label} ({kind})")
}

async fn index(state: web::Data<AppState>, s: Session, q: web::Query<IndexQuery>) -> PageResult {
    require(&s, ResourceKind::CourtList, Action::Read, "court list")?;
    let data = index_data(
        &state,
        &s,
        q.page.unwrap_or(1),
        &Chosen::default(),
        &Problems::new(),
    )
    .await?;
    render(
        "court_lists",
        &page(&s, &text(s.lang, "nav-court-lists"), "court_lists", data),
    )
}

/// The parts of an upload form.
#[derive(Default)]
struct Upload {
    csrf: Option<String>,
    list_type: String,
    court: String,
    file: Option<Vec<u8>>,
    file_name_given: bool,
    too_large: bool,
}

async fn read_upload(mut form: Multipart) -> Result<Upload, PageError> {
    let unreadable = || {
        PageError::App(AppError::MalformedBody(
            "the upload could not be read; go back and try again".into(),
        ))
    };
    let mut up = Upload::default();
    while let Some(field) = form.next().await {
        let mut field = field.map_err(|_| unreadable())?;
        let name = field.name().unwrap_or_default().to_string();
        let is_file = name == "list";
        if is_file {
            up.file_name_given = field
                .content_disposition()
                .and_then(|d| d.get_filename())
                .is_some_and(|f| !f.is_empty());
        }
        let limit = if is_file {
            MAX_LIST_BYTES
        } else {
            MAX_FIELD_BYTES
        };
        let mut bytes = Vec::new();
        while let Some(chunk) = field.next().await {
            let chunk = chunk.map_err(|_| unreadable())?;
            if bytes.len() + chunk.len() > limit {
                if is_file {
                    up.too_large = true;
                    bytes.clear();
                    // Drain the rest without keeping it.
                    while let Some(rest) = field.next().await {
                        rest.map_err(|_| unreadable())?;
                    }
                    break;
                }
                return Err(unreadable());
            }
            bytes.extend_from_slice(&chunk);
        }
        let text = || String::from_utf8_lossy(&bytes).trim().to_string();
        match name.as_str() {
            CSRF_FIELD => up.csrf = Some(text()),
            "list_type" => up.list_type = text(),
            "court" => up.court = text(),
            "list" => up.file = Some(bytes),
            _ => {}
        }
    }
    Ok(up)
}

/// A document's refusal as sentences for the error summary.
fn refusal(lang: Lang, err: &ListError) -> String {
    match err {
        ListError::Invalid {
            list_type,
            violations,
            total,
        } => {
            let shown: Vec<String> = violations
                .iter()
                .take(3)
                .map(|v| format!("{} {}", v.place, v.message))
                .collect();
            text_with(
                lang,
                "court-lists-error-invalid",
                &[
                    ("list", type_label(lang, *list_type)),
                    ("count", total.to_string()),
                    ("examples", shown.join("; ")),
                ],
            )
        }
        other => {
            let text = other.to_string();
            let mut chars = text.chars();
            match chars.next() {
                Some(c) => c.to_uppercase().collect::<String>() + chars.as_str(),
                None => text,
            }
        }
    }
}

async fn upload(state: web::Data<AppState>, s: Session, form: Multipart) -> PageResult {
    require(&s, ResourceKind::CourtList, Action::Create, "court list")?;
    let up = read_upload(form).await?;
    if !csrf_matches(&state, "session", s.token.expose(), up.csrf.as_deref()) {
        tracing::warn!(user_id = %s.actor.user_id, "upload refused: anti-forgery token missing or wrong");
        return Err(PageError::BadCsrf);
    }
    let chosen = Chosen {
        list_type: up.list_type.clone(),
        court: up.court.clone(),
    };
    let lang = s.lang;
    let mut problems = Problems::new();
    let given = if up.list_type.is_empty() {
        None
    } else {
        match ListType::from_name(&up.list_type) {
            Some(t) => Some(t),
            None => {
                problems.add("list_type", text(lang, "court-lists-error-type"));
                None
            }
        }
    };
    let body = match up.file {
        _ if up.too_large => {
            problems.add(
                "list",
                text_with(
                    lang,
                    "court-lists-error-too-large",
                    &[("mb", (MAX_LIST_BYTES / (1024 * 1024)).to_string())],
                ),
            );
            None
        }
        Some(bytes) if up.file_name_given && !bytes.is_empty() => Some(bytes),
        _ => {
            problems.add("list", text(lang, "court-lists-error-no-file"));
            None
        }
    };
    if let (Some(body), true) = (body, problems.is_empty()) {
        let court = Some(up.court.clone()).filter(|c| !c.is_empty());
        match import_document(&state, s.actor.clone(), body.into(), given, court).await {
            Ok(Ok(summary)) => {
                let id = summary.import_id.unwrap_or_default();
                let note = if summary.duplicate { "?again=1" } else { "" };
                return Ok(see_other(&format!("/court-lists/{id}{note}")));
            }
            Ok(Err(ListError::SchemasUnavailable(why))) => {
                tracing::error!(reason = %why, "court list refused: schemas unavailable");
                return Err(AppError::Unavailable(
                    "court lists cannot be imported now: the published schemas this server is set \
                     to check lists against cannot be read; ask your administrator"
                        .into(),
                )
                .into());
            }
            Ok(Err(err)) => problems.add("list", refusal(lang, &err)),
            Err(AppError::Conflict(why)) => problems.add("list", super::forms::refusal(&why)),
            Err(AppError::Validation(errors)) => {
                for e in errors {
                    let field = if e.field == "court" { "court" } else { "list" };
                    problems.add(field, format!("{}: {}", e.field, e.message));
                }
            }
            Err(other) => return Err(other.into()),
        }
    }
    let mut data = index_data(&state, &s, 1, &chosen, &problems).await?;
    data["upload_open"] = json!(true);
    let mut data = page(&s, &text(lang, "nav-court-lists"), "court_lists", data);
    data["layout"]["error"] = json!(true);
    render_status(
        actix_web::http::StatusCode::UNPROCESSABLE_ENTITY,
        "court_lists",
        &data,
    )
}

#[derive(Deserialize)]
struct ShowQuery {
    again: Option<String>,
}

/// The changes a list can bring, each with its key.
const CHANGES: [&str; 6] = ["moved", "absent", "warned", "new", "unapplied", "confirmed"];

fn change_label(lang: Lang, change: &str) -> String {
    match CHANGES.contains(&change) {
        true => text(lang, &format!("court-lists-change-{change}")),
        false => text(lang, "court-lists-change-other"),
    }
}

fn change_note(lang: Lang, change: &str) -> String {
    match CHANGES.contains(&change) {
        true => text(lang, &format!("court-lists-note-{change}")),
        false => String::new(),
    }
}

fn item_row(lang: Lang, i: &ImportItem) -> Value {
    let told: Vec<Value> = i
        .supporter_notices
        .iter()
        .map(|n| {
            json!({
                "href": format!("/notices/{}", n.id),
                "what": super::labels::notice_template_in(lang, &n.template),
                "state": super::labels::notice_state_in(lang, &n.state),
                "when": i18n::long(lang, n.send_after),
            })
        })
        .collect();
    json!({
        "change": change_label(lang, &i.change),
        "note": change_note(lang, &i.change),
        "attention": matches!(i.change.as_str(), "moved" | "absent" | "warned" | "new" | "unapplied"),
        "case": i.case_reference.clone().unwrap_or_else(|| text(lang, "court-lists-no-reference")),
        "href": format!("/cases/{}", i.case_id),
        "court": i.court_name.clone().unwrap_or_default(),
        "courtroom": i.courtroom.clone(),
        "when": i.starts_at.map(|t| i18n::long(lang, t)),
        "told": told,
        "tell": matches!(i.change.as_str(), "moved" | "new"),
    })
}

fn detail_data(lang: Lang, d: &ImportDetail) -> Value {
    let (attention, confirmed): (Vec<&ImportItem>, Vec<&ImportItem>) =
        d.items.iter().partition(|i| i.change != "confirmed");
    json!({
        "list": list_name(lang, &d.import.list_type, &d.import.list_kind),
        "published": i18n::long(lang, d.import.published_at),
        "imported": i18n::long(lang, d.import.imported_at),
        "version": d.import.version,
        "counts": d.import.counts,
        "unmatched_courts": d.import.unmatched_courts,
        "attention": attention.into_iter().map(|i| item_row(lang, i)).collect::<Vec<_>>(),
        "confirmed": confirmed.into_iter().map(|i| item_row(lang, i)).collect::<Vec<_>>(),
        "not_shown": d.not_shown,
    })
}

async fn show(
    state: web::Data<AppState>,
    s: Session,
    id: web::Path<String>,
    q: web::Query<ShowQuery>,
) -> PageResult {
    require(&s, ResourceKind::CourtList, Action::Read, "court list")?;
    let id = id.into_inner();
    let detail = with_conn(&state, &s, move |conn, ctx| {
        court_lists::import_detail(conn, ctx, &id)
    })
    .await?;
    let mut data = detail_data(s.lang, &detail);
    data["again"] = json!(q.again.is_some());
    render(
        "court_list",
        &page(
            &s,
            &text(s.lang, "court-lists-import-title"),
            "court_lists",
            data,
        ),
    )
}

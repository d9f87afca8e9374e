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
use super::lookup::long;
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

fn list_type_options(chosen: &str) -> Vec<Value> {
    let mut out = vec![json!({
        "value": "", "label": "Recognise it from the document", "selected": chosen.is_empty()
    })];
    out.extend(ListType::ALL.iter().map(
        |t| json!({"value": t.as_str(), "label": t.label(), "selected": t.as_str() == chosen}),
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
    let chosen_court = chosen.court.clone();
    let (imports, court_options) = with_conn(state, s, move |conn, ctx| {
        let imports = court_lists::imports(conn, ctx, pg)?;
        let courts = court_lists::court_choices(conn, ctx)?;
        let mut options = vec![json!({
            "value": "", "label": "The court the list names", "selected": chosen_court.is_empty()
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
                "list": format!("{} ({})", label_of(&i.list_type), i.list_kind),
                "published": long(i.published_at),
                "imported": long(i.imported_at),
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
        "list_types": list_type_options(&chosen.list_type),
        "courts": court_options,
        "errors": problems.to_json(),
        "max_mb": MAX_LIST_BYTES / (1024 * 1024),
    }))
}

fn label_of(list_type: &str) -> &'static str {
    ListType::from_name(list_type)
        .map(ListType::label)
        .unwrap_or("Court list")
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
    render("court_lists", &page(&s, "Court lists", "court_lists", data))
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
fn refusal(err: &ListError) -> String {
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
            format!(
                "The file is not a valid {} ({} problem{} found, e.g. {})",
                list_type.label(),
                total,
                if *total == 1 { "" } else { "s" },
                shown.join("; ")
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
    let mut problems = Problems::new();
    let given = if up.list_type.is_empty() {
        None
    } else {
        match ListType::from_name(&up.list_type) {
            Some(t) => Some(t),
            None => {
                problems.add("list_type", "Choose a list type from the list");
                None
            }
        }
    };
    let body = match up.file {
        _ if up.too_large => {
            problems.add(
                "list",
                format!(
                    "The file is larger than {} MB; a published court list is smaller",
                    MAX_LIST_BYTES / (1024 * 1024)
                ),
            );
            None
        }
        Some(bytes) if up.file_name_given && !bytes.is_empty() => Some(bytes),
        _ => {
            problems.add("list", "Choose the court list file to upload");
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
            Ok(Err(err)) => problems.add("list", refusal(&err)),
            Err(AppError::Conflict(why)) => problems.add("list", refusal_text(&why)),
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
    let mut data = page(&s, "Court lists", "court_lists", data);
    data["layout"]["error"] = json!(true);
    render_status(
        actix_web::http::StatusCode::UNPROCESSABLE_ENTITY,
        "court_lists",
        &data,
    )
}

fn refusal_text(why: &str) -> String {
    let mut chars = why.chars();
    match chars.next() {
        Some(c) => c.to_uppercase().collect::<String>() + chars.as_str(),
        None => why.to_string(),
    }
}

#[derive(Deserialize)]
struct ShowQuery {
    again: Option<String>,
}

fn change_label(change: &str) -> &'static str {
    match change {
        "moved" => "Moved",
        "absent" => "Not on the list",
        "warned" => "Warned",
        "new" => "New sitting",
        "unapplied" => "Moved on the list, not applied",
        "confirmed" => "Confirmed",
        _ => "Changed",
    }
}

fn change_note(change: &str) -> &'static str {
    match change {
        "moved" => "The hearing was moved to the listed time; everyone told of the old date is told of the new one.",
        "absent" => "Missing from the daily list for its court and day: check with the court. Nothing was vacated.",
        "warned" => "On a warned list: it may be called at short notice within the window.",
        "new" => "The list has a sitting for this case that Courtside does not track: a task asks to add it.",
        "unapplied" => "Nobody is responsible for this case (no witness care unit, no current supporter), so the move was not made.",
        "confirmed" => "Listed as Courtside has it.",
        _ => "",
    }
}

fn item_row(i: &ImportItem) -> Value {
    let told: Vec<Value> = i
        .supporter_notices
        .iter()
        .map(|n| {
            json!({
                "href": format!("/notices/{}", n.id),
                "what": super::labels::notice_template(&n.template),
                "state": super::labels::notice_state(&n.state),
                "when": long(n.send_after),
            })
        })
        .collect();
    json!({
        "change": change_label(&i.change),
        "note": change_note(&i.change),
        "attention": matches!(i.change.as_str(), "moved" | "absent" | "warned" | "new" | "unapplied"),
        "case": i.case_reference.clone().unwrap_or_else(|| "(no reference)".into()),
        "href": format!("/cases/{}", i.case_id),
        "court": i.court_name.clone().unwrap_or_default(),
        "courtroom": i.courtroom.clone(),
        "when": i.starts_at.map(long),
        "told": told,
        "tell": matches!(i.change.as_str(), "moved" | "new"),
    })
}

fn detail_data(d: &ImportDetail) -> Value {
    let (attention, confirmed): (Vec<&ImportItem>, Vec<&ImportItem>) =
        d.items.iter().partition(|i| i.change != "confirmed");
    json!({
        "list": format!("{} ({})", label_of(&d.import.list_type), d.import.list_kind),
        "published": long(d.import.published_at),
        "imported": long(d.import.imported_at),
        "version": d.import.version,
        "counts": d.import.counts,
        "unmatched_courts": d.import.unmatched_courts,
        "attention": attention.into_iter().map(item_row).collect::<Vec<_>>(),
        "confirmed": confirmed.into_iter().map(item_row).collect::<Vec<_>>(),
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
    let mut data = detail_data(&detail);
    data["again"] = json!(q.again.is_some());
    render(
        "court_list",
        &page(&s, "Court list import", "court_lists", data),
    )
}

//! `POST /api/v1/court-lists`: a witness care officer (or an administrator)
//! uploads a published court list; Courtside checks it against its schema,
//! reconciles it with the hearings it tracks and answers with what changed
//! (ids and counts only).
//!
//! The body is the list document itself, up to [`MAX_LIST_BYTES`] (lists
//! are larger than the API's usual 64 KiB). The list type comes in the
//! `list_type` query parameter or the `X-Court-List-Type` header (HMCTS
//! sends it as metadata beside the document); without it the type is
//! recognised from the document's shape. `court` names the court (id or
//! name) for any court the list leaves unnamed or the directory lacks.

use actix_web::http::StatusCode;
use actix_web::{web, HttpRequest, HttpResponse};
use futures_util::StreamExt;
use serde::Deserialize;

use super::resource::{authorise, run, PageParams, Registry, RouteInfo};
use crate::app::court_lists::{self, ImportCommand};
use crate::court_lists::apply::{self, ImportSummary};
use crate::court_lists::{history, ListError, ListType};
use crate::error::{AppError, AppResult, Problem, PROBLEM_JSON};
use crate::policy::{Action, ResourceKind};
use crate::web::auth::Authenticated;
use crate::web::AppState;

pub use crate::court_lists::MAX_LIST_BYTES;

/// The header that may carry the list type.
pub const LIST_TYPE_HEADER: &str = "x-court-list-type";

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct ImportQuery {
    list_type: Option<String>,
    court: Option<String>,
}

async fn read_body(mut payload: web::Payload) -> AppResult<web::Bytes> {
    let mut body = web::BytesMut::new();
    while let Some(chunk) = payload.next().await {
        let chunk =
            chunk.map_err(|_| AppError::MalformedBody("the body could not be read".into()))?;
        if body.len() + chunk.len() > MAX_LIST_BYTES {
            return Err(AppError::PayloadTooLarge(MAX_LIST_BYTES));
        }
        body.extend_from_slice(&chunk);
    }
    Ok(body.freeze())
}

fn list_type(req: &HttpRequest, query: &ImportQuery) -> AppResult<Option<ListType>> {
    let given = match &query.list_type {
        Some(t) => Some(t.clone()),
        None => req
            .headers()
            .get(LIST_TYPE_HEADER)
            .map(|v| v.to_str().unwrap_or_default().to_string()),
    };
    match given.as_deref().map(str::trim).filter(|t| !t.is_empty()) {
        None => Ok(None),
        Some(name) => ListType::from_name(name).map(Some).ok_or_else(|| {
            AppError::field(
                "list_type",
                format!(
                    "is not a list type Courtside reads; use one of: {}",
                    ListType::names()
                ),
            )
        }),
    }
}

/// 503 with a message saying why: imports stop, rather than run
/// unchecked, while the schemas are missing.
fn schemas_unavailable() -> HttpResponse {
    let problem = Problem {
        type_uri: "https://courtside.invalid/problems/court-list-schemas-unavailable".into(),
        title: "Court lists cannot be imported now".into(),
        status: 503,
        detail: "The published court-list schemas are not installed on this server, and Courtside \
                 reads no list it cannot check against them. Ask your administrator to set \
                 COURTSIDE_COURT_LIST_SCHEMAS to the schema folder."
            .into(),
        errors: Vec::new(),
        current_version: None,
    };
    HttpResponse::build(StatusCode::SERVICE_UNAVAILABLE)
        .insert_header((actix_web::http::header::CONTENT_TYPE, PROBLEM_JSON))
        .body(serde_json::to_string(&problem).unwrap_or_default())
}

/// Checks, reconciles and applies one uploaded list as `actor` (the API
/// and the upload page share this). The outer error is the import's own
/// refusal (e.g. an older version); the inner one, the document's.
pub async fn import_document(
    state: &AppState,
    actor: crate::policy::Actor,
    body: web::Bytes,
    given: Option<ListType>,
    court: Option<String>,
) -> AppResult<Result<ImportSummary, ListError>> {
    let ctx = state.ctx(actor);
    let cmd = ImportCommand {
        body: body.to_vec(),
        list_type: given,
        court,
    };
    run(state, move |conn| court_lists::import(conn, &ctx, cmd)).await
}

async fn import(
    state: web::Data<AppState>,
    who: Authenticated,
    req: HttpRequest,
    query: web::Query<ImportQuery>,
    payload: web::Payload,
) -> AppResult<HttpResponse> {
    let actor = who.0;
    authorise(
        &actor,
        ResourceKind::CourtList,
        Action::Create,
        "court list",
    )?;
    let query = query.into_inner();
    let given = list_type(&req, &query)?;
    let body = read_body(payload).await?;
    match import_document(&state, actor, body, given, query.court).await? {
        Ok(summary) => Ok(HttpResponse::Ok().json(summary)),
        Err(ListError::SchemasUnavailable(why)) => {
            tracing::error!(reason = %why, "court list refused: schemas unavailable");
            Ok(schemas_unavailable())
        }
        Err(err) => Err(err.into()),
    }
}

async fn list(
    state: web::Data<AppState>,
    who: Authenticated,
    params: web::Query<PageParams>,
) -> AppResult<HttpResponse> {
    let actor = who.0;
    authorise(&actor, ResourceKind::CourtList, Action::Read, "court list")?;
    let page = params.into_inner().check()?;
    let ctx = state.ctx(actor);
    let out = run(&state, move |conn| court_lists::imports(conn, &ctx, page)).await?;
    Ok(HttpResponse::Ok().json(out))
}

async fn read(
    state: web::Data<AppState>,
    who: Authenticated,
    id: web::Path<String>,
) -> AppResult<HttpResponse> {
    let actor = who.0;
    authorise(&actor, ResourceKind::CourtList, Action::Read, "court list")?;
    let ctx = state.ctx(actor);
    let id = id.into_inner();
    let out = run(&state, move |conn| {
        court_lists::import_detail(conn, &ctx, &id)
    })
    .await?;
    Ok(HttpResponse::Ok().json(out))
}

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.service(
        web::resource("/api/v1/court-lists")
            .route(web::post().to(import))
            .route(web::get().to(list))
            .default_service(web::to(super::method_not_allowed)),
    )
    .service(
        web::resource("/api/v1/court-lists/{id}")
            .route(web::get().to(read))
            .default_service(web::to(super::method_not_allowed)),
    );
}

pub fn describe(reg: &mut Registry) {
    let out = reg.schema::<ImportSummary>();
    reg.schema::<apply::ImportCounts>();
    reg.route(RouteInfo {
        method: "post",
        path: "/api/v1/court-lists".into(),
        kind: Some(ResourceKind::CourtList),
        action: Some(Action::Create),
        summary: "Import a published court list (the document as the body; ?list_type= or \
                  X-Court-List-Type, else recognised; ?court= for lists that name no court): \
                  confirms, moves, flags absent, warned and new sittings"
            .into(),
        request: None,
        response: Some(out),
        paged: false,
    });
    let record = reg.schema::<history::ImportRecord>();
    reg.route(RouteInfo {
        method: "get",
        path: "/api/v1/court-lists".into(),
        kind: Some(ResourceKind::CourtList),
        action: Some(Action::Read),
        summary: "The court lists imported, newest first, with each list's counts".into(),
        request: None,
        response: Some(record),
        paged: true,
    });
    let detail = reg.schema::<history::ImportDetail>();
    reg.schema::<history::ImportItem>();
    reg.schema::<history::NoticeBrief>();
    reg.route(RouteInfo {
        method: "get",
        path: "/api/v1/court-lists/{id}".into(),
        kind: Some(ResourceKind::CourtList),
        action: Some(Action::Read),
        summary: "One import: what it changed for the hearings and cases within your \
                  relationships (moved, absent, warned, new, confirmed), and the notices to \
                  supporters planned since"
            .into(),
        request: None,
        response: Some(detail),
        paged: false,
    });
}

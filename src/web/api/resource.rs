//! The shape every record type of the JSON API shares: create, read, list
//! (paginated) and update (with optimistic concurrency), each checked
//! against the policy before any query runs.

use actix_web::{web, HttpRequest, HttpResponse};
use chrono::{DateTime, NaiveDate, Utc};
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};

use crate::audit::{self, AuditAction, Entry};
use crate::error::{AppError, AppResult};
use crate::policy::{permits, Action, Actor, ResourceKind};
use crate::store::{self, AnyConn};
use crate::web::auth::Authenticated;
use crate::web::extract::{etag, if_match_version, RawBody};
use crate::web::AppState;

/// Who is asking and when: passed to every use case.
#[derive(Debug, Clone)]
pub struct Ctx {
    pub actor: Actor,
    pub now: DateTime<Utc>,
}

impl Ctx {
    /// Today's date in court-local time.
    pub fn today(&self) -> NaiveDate {
        crate::calendar::london_date(self.now)
    }
}

/// A page of a list.
#[derive(Debug, Clone, Copy, Deserialize)]
pub struct PageParams {
    pub page: Option<i64>,
    pub per_page: Option<i64>,
}

pub const DEFAULT_PER_PAGE: i64 = 50;
pub const MAX_PER_PAGE: i64 = 200;

#[derive(Debug, Clone, Copy)]
pub struct Page {
    pub page: i64,
    pub per_page: i64,
}

impl Page {
    pub fn offset(&self) -> i64 {
        (self.page - 1) * self.per_page
    }
}

impl PageParams {
    pub fn check(self) -> AppResult<Page> {
        let mut v = crate::validate::Validator::new();
        let page = self.page.unwrap_or(1);
        let per_page = self.per_page.unwrap_or(DEFAULT_PER_PAGE);
        v.check(page >= 1, "page", "must be 1 or more");
        v.check(
            (1..=MAX_PER_PAGE).contains(&per_page),
            "per_page",
            format!("must be between 1 and {MAX_PER_PAGE}"),
        );
        v.finish()?;
        Ok(Page { page, per_page })
    }
}

#[derive(Debug, Serialize)]
pub struct Paged<T> {
    pub items: Vec<T>,
    pub page: i64,
    pub per_page: i64,
    pub total: i64,
}

impl<T> Paged<T> {
    pub fn new(items: Vec<T>, page: Page, total: i64) -> Self {
        Paged {
            items,
            page: page.page,
            per_page: page.per_page,
            total,
        }
    }

    /// Pages a list already filtered in memory (small, scoped lists).
    pub fn slice(all: Vec<T>, page: Page) -> Self {
        let total = all.len() as i64;
        let items = all
            .into_iter()
            .skip(page.offset() as usize)
            .take(page.per_page as usize)
            .collect();
        Paged::new(items, page, total)
    }
}

/// A record the API hands out: it has an id and a version (its ETag).
pub trait Versioned {
    fn id(&self) -> &str;
    fn version(&self) -> i32;
}

/// Input checks that need no database.
pub trait Validate {
    fn validate(&self, v: &mut crate::validate::Validator, now: DateTime<Utc>);
}

pub trait Resource: 'static {
    /// The URL segment under /api/v1, e.g. `hearings`.
    const PATH: &'static str;
    /// For messages and the OpenAPI document, e.g. `hearing`.
    const SINGULAR: &'static str;
    const KIND: ResourceKind;
    /// Whether the record can be created through the API (notices and
    /// tasks are created only by the flows).
    const CREATABLE: bool = true;
    /// Whether the record can be changed after creation.
    const UPDATABLE: bool = true;

    type Input: DeserializeOwned + Validate + utoipa::ToSchema + Send + 'static;
    type Output: Serialize + Versioned + utoipa::ToSchema + Send + 'static;
    /// Query-string filters for lists.
    type Filter: DeserializeOwned + Send + 'static;

    fn create(conn: &mut AnyConn, ctx: &Ctx, input: Self::Input) -> AppResult<Self::Output>;
    fn read(conn: &mut AnyConn, ctx: &Ctx, id: &str) -> AppResult<Self::Output>;
    fn list(
        conn: &mut AnyConn,
        ctx: &Ctx,
        filter: &Self::Filter,
        page: Page,
    ) -> AppResult<Paged<Self::Output>>;
    fn update(
        conn: &mut AnyConn,
        ctx: &Ctx,
        id: &str,
        expected_version: i32,
        input: Self::Input,
    ) -> AppResult<Self::Output>;
}

/// Fails with 403 unless the role may do this to this kind of record.
pub fn authorise(actor: &Actor, kind: ResourceKind, action: Action, what: &str) -> AppResult<()> {
    if permits(actor.role, kind, action) {
        Ok(())
    } else {
        Err(AppError::Forbidden(format!(
            "{} {what} records",
            action.verb()
        )))
    }
}

/// The audit entry of a change made through the API or a page: who, what,
/// and whose record it was (the victim's id) with its category.
pub fn audit_change<R: Resource>(
    conn: &mut AnyConn,
    ctx: &Ctx,
    action: AuditAction,
    out: &R::Output,
) -> AppResult<()> {
    let record =
        serde_json::to_value(out).map_err(|e| AppError::Internal(format!("audit: {e}")))?;
    let (victim_id, category) = audit::about(conn, R::PATH, &record)?;
    audit::append(
        conn,
        ctx.now,
        Entry {
            victim_id,
            category,
            ..Entry::new(action, Some(&ctx.actor.user_id), R::PATH, out.id())
        },
    )
}

/// Sensitive details are keyed by the victim's id.
fn audit_read<R: Resource>(conn: &mut AnyConn, ctx: &Ctx, ids: &[&str]) -> AppResult<()> {
    let entries: Vec<Entry> = ids
        .iter()
        .map(|id| Entry {
            victim_id: Some(id.to_string()),
            ..Entry::new(
                AuditAction::ReadSensitive,
                Some(&ctx.actor.user_id),
                R::PATH,
                id,
            )
        })
        .collect();
    audit::append_all(conn, ctx.now, &entries)
}

/// Runs a use case on the blocking pool with a pooled connection.
pub async fn run<T: Send + 'static>(
    state: &AppState,
    f: impl FnOnce(&mut AnyConn) -> AppResult<T> + Send + 'static,
) -> AppResult<T> {
    let pool = state.pool.clone();
    web::block(move || {
        let mut conn = pool.get()?;
        f(&mut conn)
    })
    .await?
}

fn with_etag<T: Serialize + Versioned>(
    status: actix_web::http::StatusCode,
    out: &T,
) -> HttpResponse {
    HttpResponse::build(status)
        .insert_header((actix_web::http::header::ETAG, etag(out.version())))
        .json(out)
}

fn ctx(state: &AppState, who: Authenticated) -> Ctx {
    Ctx {
        actor: who.0,
        now: state.clock.now(),
    }
}

async fn create<R: Resource>(
    state: web::Data<AppState>,
    who: Authenticated,
    body: RawBody,
) -> AppResult<HttpResponse> {
    let ctx = ctx(&state, who);
    authorise(&ctx.actor, R::KIND, Action::Create, R::SINGULAR)?;
    let input: R::Input = body.decode()?;
    let mut v = crate::validate::Validator::new();
    input.validate(&mut v, ctx.now);
    v.finish()?;
    let out = run(&state, move |conn| {
        store::write(conn, |conn| {
            let out = R::create(conn, &ctx, input)?;
            audit_change::<R>(conn, &ctx, AuditAction::Create, &out)?;
            Ok(out)
        })
    })
    .await?;
    tracing::info!(resource = R::PATH, id = out.id(), "created");
    let mut resp = with_etag(actix_web::http::StatusCode::CREATED, &out);
    if let Ok(location) = format!("/api/v1/{}/{}", R::PATH, out.id()).parse() {
        resp.headers_mut()
            .insert(actix_web::http::header::LOCATION, location);
    }
    Ok(resp)
}

async fn read<R: Resource>(
    state: web::Data<AppState>,
    who: Authenticated,
    id: web::Path<String>,
) -> AppResult<HttpResponse> {
    let ctx = ctx(&state, who);
    authorise(&ctx.actor, R::KIND, Action::Read, R::SINGULAR)?;
    let id = id.into_inner();
    let out = run(&state, move |conn| {
        if R::KIND != ResourceKind::VictimSensitive {
            return R::read(conn, &ctx, &id);
        }
        // A read of a victim's sensitive details is itself recorded.
        store::write(conn, |conn| {
            let out = R::read(conn, &ctx, &id)?;
            audit_read::<R>(conn, &ctx, &[out.id()])?;
            Ok(out)
        })
    })
    .await?;
    Ok(with_etag(actix_web::http::StatusCode::OK, &out))
}

async fn list<R: Resource>(
    state: web::Data<AppState>,
    who: Authenticated,
    page: web::Query<PageParams>,
    filter: web::Query<R::Filter>,
) -> AppResult<HttpResponse> {
    let ctx = ctx(&state, who);
    authorise(&ctx.actor, R::KIND, Action::Read, R::SINGULAR)?;
    let page = page.into_inner().check()?;
    let filter = filter.into_inner();
    let out = run(&state, move |conn| {
        if R::KIND != ResourceKind::VictimSensitive {
            return R::list(conn, &ctx, &filter, page);
        }
        store::write(conn, |conn| {
            let out = R::list(conn, &ctx, &filter, page)?;
            let ids: Vec<&str> = out.items.iter().map(|i| i.id()).collect();
            audit_read::<R>(conn, &ctx, &ids)?;
            Ok(out)
        })
    })
    .await?;
    Ok(HttpResponse::Ok().json(out))
}

async fn update<R: Resource>(
    state: web::Data<AppState>,
    who: Authenticated,
    req: HttpRequest,
    id: web::Path<String>,
    body: RawBody,
) -> AppResult<HttpResponse> {
    let ctx = ctx(&state, who);
    authorise(&ctx.actor, R::KIND, Action::Update, R::SINGULAR)?;
    let expected = if_match_version(&req)?;
    let input: R::Input = body.decode()?;
    let mut v = crate::validate::Validator::new();
    input.validate(&mut v, ctx.now);
    v.finish()?;
    let id = id.into_inner();
    let out = run(&state, move |conn| {
        store::write(conn, |conn| {
            let out = R::update(conn, &ctx, &id, expected, input)?;
            audit_change::<R>(conn, &ctx, AuditAction::Update, &out)?;
            Ok(out)
        })
    })
    .await?;
    tracing::info!(
        resource = R::PATH,
        id = out.id(),
        version = out.version(),
        "updated"
    );
    Ok(with_etag(actix_web::http::StatusCode::OK, &out))
}

/// One route of the API, as the OpenAPI document and the authorisation
/// matrix test see it.
#[derive(Debug, Clone)]
pub struct RouteInfo {
    pub method: &'static str,
    pub path: String,
    /// The policy that guards the route; `None` only for routes open to
    /// everyone or to anyone signed in (listed in `web::api::OPEN_ROUTES`).
    pub kind: Option<ResourceKind>,
    pub action: Option<Action>,
    pub summary: String,
    /// Schema names of the request body and of the response.
    pub request: Option<String>,
    pub response: Option<String>,
    /// The response is a page of `response` records.
    pub paged: bool,
}

/// Everything mounted, for the OpenAPI document and the matrix test.
#[derive(Default, Clone)]
pub struct Registry {
    pub routes: Vec<RouteInfo>,
    pub schemas: Vec<(
        String,
        utoipa::openapi::RefOr<utoipa::openapi::schema::Schema>,
    )>,
}

impl Registry {
    pub fn schema<T: utoipa::ToSchema>(&mut self) -> String {
        let name = T::name().into_owned();
        if !self.schemas.iter().any(|(n, _)| *n == name) {
            self.schemas.push((name.clone(), T::schema()));
            T::schemas(&mut self.schemas);
        }
        name
    }

    pub fn route(&mut self, route: RouteInfo) {
        self.routes.push(route);
    }
}

/// Mounts a resource's routes.
pub fn mount<R: Resource>(cfg: &mut web::ServiceConfig) {
    let collection = format!("/api/v1/{}", R::PATH);
    let item = format!("/api/v1/{}/{{id}}", R::PATH);
    let mut collection_resource = web::resource(collection.clone()).route(web::get().to(list::<R>));
    if R::CREATABLE {
        collection_resource = collection_resource.route(web::post().to(create::<R>));
    }
    cfg.service(collection_resource.default_service(web::to(super::method_not_allowed)));
    let mut item_resource = web::resource(item.clone()).route(web::get().to(read::<R>));
    if R::UPDATABLE {
        item_resource = item_resource.route(web::put().to(update::<R>));
    }
    cfg.service(item_resource.default_service(web::to(super::method_not_allowed)));
}

/// Records a resource's routes, exactly as [`mount`] serves them.
pub fn describe<R: Resource>(reg: &mut Registry) {
    let collection = format!("/api/v1/{}", R::PATH);
    let item = format!("/api/v1/{}/{{id}}", R::PATH);
    let input = reg.schema::<R::Input>();
    let output = reg.schema::<R::Output>();
    let mut add = |method, path: &String, action, summary: String, request: bool, paged| {
        reg.route(RouteInfo {
            method,
            path: path.clone(),
            kind: Some(R::KIND),
            action: Some(action),
            summary,
            request: request.then(|| input.clone()),
            response: Some(output.clone()),
            paged,
        })
    };
    let one = R::SINGULAR;
    add(
        "get",
        &collection,
        Action::Read,
        format!("List the {one} records you may see"),
        false,
        true,
    );
    if R::CREATABLE {
        add(
            "post",
            &collection,
            Action::Create,
            format!("Create a {one}"),
            true,
            false,
        );
    }
    add(
        "get",
        &item,
        Action::Read,
        format!("Read one {one}"),
        false,
        false,
    );
    if R::UPDATABLE {
        let summary = format!("Change a {one} (send If-Match with its ETag)");
        add("put", &item, Action::Update, summary, true, false);
    }
}

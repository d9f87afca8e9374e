//! The HTTP face of every record type: create, read, list (paginated) and
//! update (with optimistic concurrency). The work itself, with its role
//! check, transaction and audit entry, is the use case in `crate::app`
//! that the pages call too; this file decodes requests and writes
//! responses.

use actix_web::{web, HttpRequest, HttpResponse};
use serde::Serialize;

use crate::error::AppResult;
use crate::policy::{Action, ResourceKind};
use crate::store::AnyConn;
use crate::web::auth::Authenticated;
use crate::web::extract::{etag, if_match_version, RawBody};
use crate::web::AppState;

// The shared vocabulary lives in the use-case layer; re-exported here so
// the web handlers keep one import path.
pub use crate::app::{
    authorise, Check, Ctx, Page, PageParams, Paged, Resource, Validate, Versioned,
    DEFAULT_PER_PAGE, MAX_PER_PAGE,
};

/// The request's context once its role may do `action` to `kind`, or the
/// refusal (the use case checks again; this refuses before a body is read).
pub fn authorised(
    state: &AppState,
    who: Authenticated,
    kind: ResourceKind,
    action: Action,
    what: &str,
) -> AppResult<Ctx> {
    let ctx = state.ctx(who.0);
    authorise(&ctx.actor, kind, action, what)?;
    Ok(ctx)
}

/// `authorised` for a check named once.
pub fn authorised_for(state: &AppState, who: Authenticated, check: Check) -> AppResult<Ctx> {
    let (kind, action, what) = check;
    authorised(state, who, kind, action, what)
}

/// The request's context and its JSON body, decoded only once the role
/// may do the check's action (so a refused role gets 403, never 422).
pub fn authorised_body<I: serde::de::DeserializeOwned>(
    state: &AppState,
    who: Authenticated,
    (kind, action, what): Check,
    body: &RawBody,
) -> AppResult<(Ctx, I)> {
    let ctx = authorised(state, who, kind, action, what)?;
    Ok((ctx, body.decode()?))
}

/// For a change that carries `If-Match`: the role check first, then the
/// version the change was drawn from, then the decoded body.
pub fn authorised_change<I: serde::de::DeserializeOwned>(
    state: &AppState,
    who: Authenticated,
    check: Check,
    req: &HttpRequest,
    body: &RawBody,
) -> AppResult<(Ctx, i32, I)> {
    let (kind, action, what) = check;
    let ctx = authorised(state, who, kind, action, what)?;
    let expected = if_match_version(req)?;
    Ok((ctx, expected, body.decode()?))
}

/// Refuses a role that may not do the check's action (before anything is
/// read), then runs a use case on the record the path names.
pub async fn run_checked<T: Send + 'static>(
    state: &AppState,
    who: Authenticated,
    (kind, action, what): Check,
    id: web::Path<String>,
    f: impl FnOnce(&mut AnyConn, &Ctx, &str) -> AppResult<T> + Send + 'static,
) -> AppResult<T> {
    let ctx = authorised(state, who, kind, action, what)?;
    let id = id.into_inner();
    run(state, move |conn| f(conn, &ctx, &id)).await
}

/// As `run_checked`, with the request's JSON body, decoded only once the
/// role is allowed (so a refused role gets 403, never 422).
pub async fn run_checked_with<I, T>(
    state: &AppState,
    who: Authenticated,
    (kind, action, what): Check,
    id: web::Path<String>,
    body: RawBody,
    f: impl FnOnce(&mut AnyConn, &Ctx, &str, I) -> AppResult<T> + Send + 'static,
) -> AppResult<T>
where
    I: serde::de::DeserializeOwned + Send + 'static,
    T: Send + 'static,
{
    let (ctx, input) = authorised_body(state, who, (kind, action, what), &body)?;
    let id = id.into_inner();
    run(state, move |conn| f(conn, &ctx, &id, input)).await
}

/// As `run_checked_with`, for a change that names the version it changes:
/// the role first (403), then `If-Match` (428 without it), then the body
/// (422), then the use case with the expected version.
pub async fn run_checked_versioned<I, T>(
    state: &AppState,
    who: Authenticated,
    check: Check,
    req: &actix_web::HttpRequest,
    id: web::Path<String>,
    body: RawBody,
    f: impl FnOnce(&mut AnyConn, &Ctx, &str, i32, I) -> AppResult<T> + Send + 'static,
) -> AppResult<T>
where
    I: serde::de::DeserializeOwned + Send + 'static,
    T: Send + 'static,
{
    let (ctx, expected, input) = authorised_change(state, who, check, req, &body)?;
    let id = id.into_inner();
    run(state, move |conn| f(conn, &ctx, &id, expected, input)).await
}

/// Runs a use case on the record the path names, as the signed-in person.
pub async fn run_for<T: Send + 'static>(
    state: &AppState,
    who: Authenticated,
    id: web::Path<String>,
    f: impl FnOnce(&mut AnyConn, &Ctx, &str) -> AppResult<T> + Send + 'static,
) -> AppResult<T> {
    let ctx = state.ctx(who.0);
    let id = id.into_inner();
    run(state, move |conn| f(conn, &ctx, &id)).await
}

/// Runs a use case on the blocking pool with a pooled connection, inside
/// the request's tracing span (so a slow query logged there keeps the
/// request id).
pub async fn run<T: Send + 'static>(
    state: &AppState,
    f: impl FnOnce(&mut AnyConn) -> AppResult<T> + Send + 'static,
) -> AppResult<T> {
    let pool = state.pool.clone();
    web::block(in_current_span(move || {
        let mut conn = pool.get()?;
        f(&mut conn)
    }))
    .await?
}

/// Wraps work for another thread so that it runs inside the span current
/// here: a blocking-pool thread has no span of its own.
pub fn in_current_span<T>(f: impl FnOnce() -> T) -> impl FnOnce() -> T {
    let span = tracing::Span::current();
    move || {
        let _entered = span.enter();
        f()
    }
}

fn with_etag<T: Serialize + Versioned>(
    status: actix_web::http::StatusCode,
    out: &T,
) -> HttpResponse {
    tagged(status, out.version(), out)
}

/// A JSON answer with the record's version as its `ETag`.
pub fn tagged(
    status: actix_web::http::StatusCode,
    version: i32,
    body: &impl Serialize,
) -> HttpResponse {
    HttpResponse::build(status)
        .insert_header((actix_web::http::header::ETAG, etag(version)))
        .json(body)
}

async fn create<R: Resource>(
    state: web::Data<AppState>,
    who: Authenticated,
    body: RawBody,
) -> AppResult<HttpResponse> {
    let ctx = authorised(&state, who, R::KIND, Action::Create, R::SINGULAR)?;
    let input: R::Input = body.decode()?;
    crate::app::validate(&input, ctx.now)?;
    let out = run(&state, move |conn| {
        crate::app::create::<R>(conn, &ctx, input)
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
    let ctx = authorised(&state, who, R::KIND, Action::Read, R::SINGULAR)?;
    let id = id.into_inner();
    let out = run(&state, move |conn| crate::app::read::<R>(conn, &ctx, &id)).await?;
    Ok(with_etag(actix_web::http::StatusCode::OK, &out))
}

async fn list<R: Resource>(
    state: web::Data<AppState>,
    who: Authenticated,
    page: web::Query<PageParams>,
    filter: web::Query<R::Filter>,
) -> AppResult<HttpResponse> {
    let ctx = authorised(&state, who, R::KIND, Action::Read, R::SINGULAR)?;
    let page = page.into_inner().check()?;
    let filter = filter.into_inner();
    let out = run(&state, move |conn| {
        crate::app::list::<R>(conn, &ctx, &filter, page)
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
    let check = (R::KIND, Action::Update, R::SINGULAR);
    let (ctx, expected, input): (_, _, R::Input) =
        authorised_change(&state, who, check, &req, &body)?;
    crate::app::validate(&input, ctx.now)?;
    let id = id.into_inner();
    let out = run(&state, move |conn| {
        crate::app::update::<R>(conn, &ctx, &id, expected, input)
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

/// A guarded, unpaged route for [`Registry::guarded`]: method, path, kind,
/// action, summary, request schema, response schema.
pub type GuardedRoute<'a> = (
    &'static str,
    &'a str,
    ResourceKind,
    Action,
    &'a str,
    Option<String>,
    Option<String>,
);

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

    /// Registers guarded routes, each (method, path, kind, action,
    /// summary, request schema, response schema), none of them paged.
    pub fn guarded<'a>(&mut self, routes: impl IntoIterator<Item = GuardedRoute<'a>>) {
        for (method, path, kind, action, summary, request, response) in routes {
            self.route(RouteInfo {
                method,
                path: path.into(),
                kind: Some(kind),
                action: Some(action),
                summary: summary.into(),
                request,
                response,
                paged: false,
            });
        }
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

#[cfg(test)]
mod tests {
    use super::in_current_span;
    use tracing::dispatcher::{self, Dispatch};
    use tracing_subscriber::layer::SubscriberExt;

    /// The span a closure sees when run on another thread, as `run` does
    /// on the blocking pool.
    type Job = Box<dyn FnOnce() -> Option<&'static str> + Send>;

    fn span_seen_on_another_thread(carry: bool) -> Option<&'static str> {
        let dispatch = Dispatch::new(
            tracing_subscriber::registry().with(tracing_subscriber::filter::LevelFilter::TRACE),
        );
        let job: Job = dispatcher::with_default(&dispatch, || {
            let request = tracing::info_span!("request", request_id = "r-1");
            let _inside = request.enter();
            let look = || tracing::Span::current().metadata().map(|m| m.name());
            if carry {
                Box::new(in_current_span(look)) as Job
            } else {
                Box::new(look) as Job
            }
        });
        let other = dispatch.clone();
        std::thread::spawn(move || dispatcher::with_default(&other, job))
            .join()
            .unwrap()
    }

    #[test]
    fn blocking_work_runs_inside_the_request_span() {
        assert_eq!(span_seen_on_another_thread(true), Some("request"));
        // Without carrying it, the other thread sees no span at all.
        assert_eq!(span_seen_on_another_thread(false), None);
    }
}

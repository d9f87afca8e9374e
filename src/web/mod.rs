//! The HTTP edge: application state, the route table, health checks and
//! the error answers for requests that match no route.

pub mod api;
pub mod auth;
pub mod client_ip;
pub mod extract;
pub mod headers;
pub mod ui;

use std::net::TcpListener;
use std::sync::Arc;

use actix_web::dev::Server;
use actix_web::{web, App, HttpMessage, HttpResponse, HttpServer};

use crate::clock::Clock;
use crate::config::Config;
use crate::error::{AppError, AppResult};
use crate::store::Pool;

#[derive(Clone)]
pub struct AppState {
    pub pool: Pool,
    pub clock: Arc<dyn Clock>,
    pub config: Arc<Config>,
    pub renderer: Arc<crate::notify::render::NoticeRenderer>,
    /// The OpenID provider, when OpenID Connect sign-in is configured.
    pub oidc: Option<Arc<crate::oidc::provider::Provider>>,
    /// The rules table and bank holidays the service runs under.
    pub rules: Arc<crate::rules::Rules>,
    /// People's weeks worked out on this instance (`app::agenda`).
    pub weeks: Arc<crate::app::agenda::WeekCache>,
}

impl AppState {
    /// Who is asking, now, under the service's rules: the context every
    /// use case is given.
    pub fn ctx(&self, actor: crate::policy::Actor) -> crate::app::Ctx {
        crate::app::Ctx {
            actor,
            now: self.clock.now(),
            rules: self.rules.clone(),
            reach: None,
        }
    }
}

pub async fn not_found() -> Result<HttpResponse, AppError> {
    Err(AppError::NotFound("page or endpoint".into()))
}

pub async fn healthz() -> HttpResponse {
    HttpResponse::Ok().json(serde_json::json!({"status": "ok"}))
}

/// Ready when the database answers and every migration is applied.
pub async fn readyz(state: web::Data<AppState>) -> AppResult<HttpResponse> {
    let current = api::resource::run(&state, crate::store::conn::migrations_current).await?;
    if current {
        Ok(HttpResponse::Ok().json(
            serde_json::json!({"status": "ready", "database": "ok", "migrations": "current"}),
        ))
    } else {
        Err(AppError::Unavailable("migrations pending".into()))
    }
}

fn json_config() -> web::JsonConfig {
    web::JsonConfig::default().limit(extract::MAX_BODY_BYTES)
}

fn query_config() -> web::QueryConfig {
    web::QueryConfig::default().error_handler(|err, _| {
        let message = err.to_string();
        let message = message
            .strip_prefix("Query deserialize error: ")
            .unwrap_or(&message)
            .to_string();
        AppError::field("query", message).into()
    })
}

fn path_config() -> web::PathConfig {
    web::PathConfig::default().error_handler(|_, _| AppError::NotFound("record".into()).into())
}

/// Everything the app serves, for the server and for tests.
pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.app_data(json_config())
        .app_data(query_config())
        .app_data(path_config())
        .app_data(web::PayloadConfig::new(extract::MAX_BODY_BYTES))
        .app_data(web::FormConfig::default().limit(extract::MAX_BODY_BYTES))
        .route("/healthz", web::get().to(healthz))
        .route("/readyz", web::get().to(readyz));
    api::configure(cfg);
    ui::configure(cfg);
}

/// Binds and starts the server; returns it with the bound port.
pub fn start(state: AppState, listener: TcpListener) -> std::io::Result<Server> {
    let tls = state.config.tls;
    let data = web::Data::new(state);
    let server = HttpServer::new(move || {
        App::new()
            .wrap_fn(move |req, srv| {
                use actix_web::dev::Service;
                use futures_util::future::{ready, Either};
                match headers::refuse_early(req, tls) {
                    Ok(res) => Either::Left(ready(Ok(res))),
                    Err(req) => {
                        let path = req.path().to_string();
                        let lang = req
                            .cookie(ui::session::LANG_COOKIE)
                            .and_then(|c| ui::i18n::Lang::parse(c.value()));
                        // Each request keeps its own record of the words
                        // its page used, and its language for error pages.
                        let fut = ui::i18n::scoped(lang, srv.call(req));
                        Either::Right(async move { Ok(headers::finish(fut.await?, &path, tls)) })
                    }
                }
            })
            .wrap(tracing_actix_web::TracingLogger::<RequestSpan>::new())
            .app_data(data.clone())
            .configure(configure)
            .default_service(web::to(not_found))
    })
    .listen(listener)?
    .run();
    Ok(server)
}

/// Request spans carry the method, the matched route pattern (ids are in
/// the path, but no query strings or bodies), the status and the user id.
pub struct RequestSpan;

impl tracing_actix_web::RootSpanBuilder for RequestSpan {
    fn on_request_start(request: &actix_web::dev::ServiceRequest) -> tracing::Span {
        let route = request
            .match_pattern()
            .unwrap_or_else(|| "unmatched".to_string());
        let request_id = request
            .extensions()
            .get::<tracing_actix_web::RequestId>()
            .map(|id| id.to_string())
            .unwrap_or_default();
        tracing::info_span!(
            "request",
            method = %request.method(),
            route = %route,
            request_id = %request_id,
            user_id = tracing::field::Empty,
            status = tracing::field::Empty,
        )
    }

    fn on_request_end<B: actix_web::body::MessageBody>(
        span: tracing::Span,
        outcome: &Result<actix_web::dev::ServiceResponse<B>, actix_web::Error>,
    ) {
        if let Ok(response) = outcome {
            span.record("status", response.status().as_u16());
            tracing::info!(parent: &span, status = response.status().as_u16(), "request done");
        }
    }
}

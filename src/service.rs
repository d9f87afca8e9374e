//! Starting the service: open the database, apply migrations, serve.

use std::net::TcpListener;
use std::sync::Arc;

use actix_web::dev::{Server, ServerHandle};

use crate::clock::Clock;
use crate::config::Config;
use crate::error::{AppError, AppResult};
use crate::notify::mailer::SmtpMailer;
use crate::notify::render::NoticeRenderer;
use crate::rules::Rules;
use crate::store::{self, Pool};
use crate::web::{self, AppState};

/// Opens the pool and brings the schema up to date.
/// Also loads the field keys when there are any (PostgreSQL without
/// COURTSIDE_FIELD_KEYS has none: commands that need them then fail, and
/// `serve` refuses to start, see [`prepare_with_keys`]).
pub fn prepare_database(config: &Config) -> AppResult<Pool> {
    let keyed = crate::privacy::configure_if_available(config)?;
    let pool = store::open_pool(config.database_url.expose(), config.pool_size)?;
    let mut conn = pool.get()?;
    let applied = store::run_migrations(&mut conn)?;
    if applied > 0 {
        tracing::info!(applied, "migrations applied");
    }
    if keyed {
        // Details written before encryption existed are sealed now.
        crate::privacy::rotate(&mut conn, &*crate::privacy::keyring()?, 200, true)?;
    }
    Ok(pool)
}

/// As [`prepare_database`], but refuses (before touching anything) when
/// no field keys are available.
pub fn prepare_with_keys(config: &Config) -> AppResult<Pool> {
    if !crate::privacy::keys_available(config) {
        // Says why.
        crate::privacy::load_keys(config)?;
    }
    prepare_database(config)
}

/// A started service: its address, for tests and the log.
pub struct Running {
    pub port: u16,
    pub config: Arc<Config>,
    pub renderer: Arc<NoticeRenderer>,
    pub pool: Pool,
    /// The rules table and bank holidays every request and job runs under.
    pub rules: Arc<Rules>,
    pub handle: ServerHandle,
    pub server: Server,
}

impl Running {
    pub fn url(&self, path: &str) -> String {
        format!("http://127.0.0.1:{}{}", self.port, path)
    }
}

/// Binds, migrates and starts serving (the server future must be awaited
/// or spawned by the caller), under the England and Wales rules.
pub fn start(config: Config, clock: Arc<dyn Clock>) -> AppResult<Running> {
    start_with_rules(config, clock, Rules::england_and_wales())
}

/// As [`start`], under the given rules table and bank holidays (a test's
/// own, or a service's).
pub fn start_with_rules(config: Config, clock: Arc<dyn Clock>, rules: Rules) -> AppResult<Running> {
    let rules = Arc::new(rules);
    let pool = prepare_with_keys(&config)?;
    let listener = TcpListener::bind(&config.bind)
        .map_err(|e| AppError::Internal(format!("cannot bind {}: {e}", config.bind)))?;
    let port = listener
        .local_addr()
        .map_err(|e| AppError::Internal(e.to_string()))?
        .port();
    let renderer = Arc::new(match &config.templates_dir {
        Some(dir) => NoticeRenderer::with_directory(dir)
            .map_err(|e| AppError::Internal(format!("templates: {e}")))?,
        None => NoticeRenderer::new(),
    });
    let oidc = match crate::oidc::Settings::from_config(&config)? {
        Some(settings) => Some(Arc::new(
            crate::oidc::provider::Provider::new(settings)
                .map_err(|e| AppError::Internal(e.to_string()))?,
        )),
        None => None,
    };
    let config = Arc::new(config);
    let state = AppState {
        oidc,
        pool: pool.clone(),
        clock,
        config: config.clone(),
        renderer: renderer.clone(),
        rules: rules.clone(),
        weeks: Default::default(),
    };
    let server = web::start(state, listener)
        .map_err(|e| AppError::Internal(format!("cannot start server: {e}")))?;
    let handle = server.handle();
    Ok(Running {
        port,
        config,
        renderer,
        pool,
        rules,
        handle,
        server,
    })
}

/// Starts the delivery worker's tick when SMTP is configured; without it,
/// notices wait in the outbox (and in-app) and a warning says so.
pub async fn start_delivery(
    running: &Running,
    clock: Arc<dyn Clock>,
) -> AppResult<Option<tokio_cron_scheduler::JobScheduler>> {
    let Some(url) = &running.config.smtp_url else {
        tracing::warn!(
            "COURTSIDE_SMTP_URL is not set: notices stay in the outbox and are not emailed"
        );
        return Ok(None);
    };
    let mailer = Arc::new(SmtpMailer::with_pool(
        url.expose(),
        &running.config.smtp_from,
        running.config.smtp_pool_size,
    )?);
    if running.config.database_url.expose().starts_with("postgres") {
        crate::notify::wake::listen_postgres(running.config.database_url.expose());
    }
    let scheduler = crate::scheduler::start(
        running.pool.clone(),
        clock,
        mailer,
        running.renderer.clone(),
        running.config.delivery_seconds,
        crate::notify::delivery::DeliveryConfig {
            rules: running.rules.clone(),
            ..crate::notify::delivery::DeliveryConfig::from_config(&running.config)
        },
    )
    .await?;
    Ok(Some(scheduler))
}

//! Starting the service: open the database, apply migrations, serve.

use std::net::TcpListener;
use std::sync::Arc;

use actix_web::dev::{Server, ServerHandle};

use crate::clock::Clock;
use crate::config::Config;
use crate::error::{AppError, AppResult};
use crate::store::{self, Pool};
use crate::web::{self, AppState};

/// Opens the pool and brings the schema up to date.
pub fn prepare_database(config: &Config) -> AppResult<Pool> {
    let pool = store::open_pool(&config.database_url, config.pool_size)?;
    let mut conn = pool.get()?;
    let applied = store::run_migrations(&mut conn)?;
    if applied > 0 {
        tracing::info!(applied, "migrations applied");
    }
    Ok(pool)
}

/// A started service: its address, for tests and the log.
pub struct Running {
    pub port: u16,
    pub pool: Pool,
    pub handle: ServerHandle,
    pub server: Server,
}

impl Running {
    pub fn url(&self, path: &str) -> String {
        format!("http://127.0.0.1:{}{}", self.port, path)
    }
}

/// Binds, migrates and starts serving (the server future must be awaited
/// or spawned by the caller).
pub fn start(config: Config, clock: Arc<dyn Clock>) -> AppResult<Running> {
    let pool = prepare_database(&config)?;
    let listener = TcpListener::bind(&config.bind)
        .map_err(|e| AppError::Internal(format!("cannot bind {}: {e}", config.bind)))?;
    let port = listener
        .local_addr()
        .map_err(|e| AppError::Internal(e.to_string()))?
        .port();
    let state = AppState {
        pool: pool.clone(),
        clock,
        config: Arc::new(config),
    };
    let server = web::start(state, listener)
        .map_err(|e| AppError::Internal(format!("cannot start server: {e}")))?;
    let handle = server.handle();
    Ok(Running {
        port,
        pool,
        handle,
        server,
    })
}

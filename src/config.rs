//! Typed settings, from the command line or the environment, with defaults
//! that run on a fresh machine: SQLite in ./data, port 8080 on localhost.

use clap::Args;

#[derive(Debug, Clone, Args)]
pub struct Config {
    /// Where the data lives: a SQLite file path (the default), or a
    /// `postgres://user@host/db` URL for PostgreSQL.
    #[arg(long, env = "DATABASE_URL", default_value = "data/courtside.db")]
    pub database_url: String,

    /// Address and port to serve on.
    #[arg(long, env = "COURTSIDE_BIND", default_value = "127.0.0.1:8080")]
    pub bind: String,

    /// Connections in the database pool.
    #[arg(long, env = "COURTSIDE_DB_POOL", default_value_t = 8)]
    pub pool_size: u32,

    /// How long a sign-in lasts, in hours.
    #[arg(long, env = "COURTSIDE_SESSION_HOURS", default_value_t = 12)]
    pub session_hours: i64,

    /// Log format: `pretty` for people, `json` for log collectors.
    #[arg(long, env = "COURTSIDE_LOG_FORMAT", default_value = "pretty")]
    pub log_format: String,
}

impl Config {
    /// The embedded defaults with another database, for tests and tools.
    pub fn for_database(database_url: &str) -> Config {
        Config {
            database_url: database_url.to_string(),
            bind: "127.0.0.1:0".to_string(),
            pool_size: 4,
            session_hours: 12,
            log_format: "pretty".to_string(),
        }
    }
}

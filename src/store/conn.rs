//! One connection type over two backends, the pool and the single write
//! helper. Where the backends differ is `store::dialect`.

use diesel::pg::PgConnection;
use diesel::r2d2::{self, ManageConnection};
use diesel::sqlite::SqliteConnection;
use diesel::RunQueryDsl;

use super::dialect;
use crate::error::{AppError, AppResult};

pub use super::dialect::{migrations_current, run_migrations};

/// A connection to whichever database `DATABASE_URL` names.
#[derive(diesel::MultiConnection)]
pub enum AnyConn {
    Pg(PgConnection),
    Sqlite(SqliteConnection),
}

pub type Pool = r2d2::Pool<AnyConnManager>;
pub type PooledConn = r2d2::PooledConnection<AnyConnManager>;

/// Which backend a URL selects: `postgres://` or `postgresql://` is
/// PostgreSQL; anything else is a SQLite file path (or `sqlite://path`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    Postgres,
    Sqlite,
}

impl Backend {
    pub fn of_url(url: &str) -> Backend {
        if url.starts_with("postgres://") || url.starts_with("postgresql://") {
            Backend::Postgres
        } else {
            Backend::Sqlite
        }
    }
}

/// Builds the right variant itself (diesel's `establish` on a multi
/// connection would let SQLite accept any string as a file name).
#[derive(Debug, Clone)]
pub struct AnyConnManager {
    url: String,
    backend: Backend,
    /// For a SQLite file: the thread that checkpoints its WAL, stopped
    /// when the pool (the last clone of this manager) is dropped.
    checkpointer: Option<std::sync::Arc<super::checkpoint::Checkpointer>>,
}

impl AnyConnManager {
    pub fn new(url: &str) -> Self {
        let backend = Backend::of_url(url);
        let url = match backend {
            Backend::Sqlite => url.strip_prefix("sqlite://").unwrap_or(url).to_string(),
            Backend::Postgres => {
                plain_on_this_machine(url, std::env::var_os("PGSSLMODE").is_some())
            }
        };
        AnyConnManager {
            url,
            backend,
            checkpointer: None,
        }
    }
}

/// A PostgreSQL URL naming this machine's own address (`localhost`,
/// `127.0.0.1` or `[::1]`), with no `sslmode` of its own (nor one in
/// `PGSSLMODE`, `env_sslmode`), asks for no TLS: a connection that never
/// leaves the machine gains nothing from it (libpq's default, `prefer`,
/// checks no certificate either), and encrypting every statement and answer
/// cost about a tenth of a week's requests a second on the development
/// machine. Any other URL is kept as it is: an operator who wants TLS on
/// the loopback says so with `sslmode`.
fn plain_on_this_machine(url: &str, env_sslmode: bool) -> String {
    let Ok(mut parsed) = url::Url::parse(url) else {
        return url.to_string();
    };
    let loopback = match parsed.host_str() {
        Some("localhost") => true,
        Some(host) => host
            .trim_start_matches('[')
            .trim_end_matches(']')
            .parse::<std::net::IpAddr>()
            .is_ok_and(|ip| ip.is_loopback()),
        None => false,
    };
    // A `host` (or `hostaddr`) among the parameters overrides the URL's.
    let says_where_or_how = parsed
        .query_pairs()
        .any(|(k, _)| matches!(k.as_ref(), "sslmode" | "host" | "hostaddr"));
    if !loopback || says_where_or_how || env_sslmode {
        return url.to_string();
    }
    parsed.query_pairs_mut().append_pair("sslmode", "disable");
    parsed.to_string()
}

impl ManageConnection for AnyConnManager {
    type Connection = AnyConn;
    type Error = r2d2::Error;

    fn connect(&self) -> Result<AnyConn, r2d2::Error> {
        let mut c =
            dialect::establish(self.backend, &self.url).map_err(r2d2::Error::ConnectionError)?;
        dialect::on_connect(&mut c).map_err(r2d2::Error::QueryError)?;
        Ok(c)
    }

    /// Asked on every check-out: a round trip only when the connection has
    /// not been heard from a moment ago (see `dialect::needs_checking`).
    fn is_valid(&self, conn: &mut AnyConn) -> Result<(), r2d2::Error> {
        if !dialect::needs_checking(conn) {
            return Ok(());
        }
        diesel::sql_query("SELECT 1")
            .execute(conn)
            .map(|_| ())
            .map_err(r2d2::Error::QueryError)
    }

    /// Asked on every check-in: a connection found lost, left inside a
    /// transaction (a panic mid-write) or with its transaction state
    /// broken is dropped, not handed out again.
    fn has_broken(&self, conn: &mut AnyConn) -> bool {
        use diesel::connection::{Connection, TransactionManager};
        dialect::is_lost(conn)
            || <AnyConn as Connection>::TransactionManager::is_broken_transaction_manager(conn)
    }
}

/// Opens the pool; for SQLite creates the parent folder of the file.
pub fn open_pool(url: &str, max_size: u32) -> AppResult<Pool> {
    let mut manager = AnyConnManager::new(url);
    if manager.backend == Backend::Sqlite && manager.url != ":memory:" {
        if let Some(parent) = std::path::Path::new(&manager.url).parent() {
            if !parent.as_os_str().is_empty() {
                std::fs::create_dir_all(parent).map_err(|e| {
                    AppError::Internal(format!("cannot create database folder: {e}"))
                })?;
            }
        }
        let checkpointer = super::checkpoint::Checkpointer::start(&manager.url)
            .map_err(|e| AppError::Internal(format!("cannot start the WAL checkpoints: {e}")))?;
        manager.checkpointer = Some(std::sync::Arc::new(checkpointer));
    }
    r2d2::Pool::builder()
        .max_size(max_size)
        .connection_timeout(std::time::Duration::from_secs(10))
        .build(manager)
        .map_err(|e| AppError::Unavailable(format!("database pool: {e}")))
}

/// The one way to write: a transaction that on SQLite begins IMMEDIATE
/// (so two writers queue on the busy timeout instead of failing on a
/// read-to-write upgrade) and on PostgreSQL is an ordinary BEGIN. Any error
/// rolls everything back: nothing is ever half-written.
pub fn write<T>(conn: &mut AnyConn, f: impl FnOnce(&mut AnyConn) -> AppResult<T>) -> AppResult<T> {
    write_with(conn, f)
}

/// [`write`], for work with its own error type (one that can say why it
/// rolled back in more than an [`AppError`]).
pub fn write_with<T, E: From<AppError>>(
    conn: &mut AnyConn,
    f: impl FnOnce(&mut AnyConn) -> Result<T, E>,
) -> Result<T, E> {
    write_as(conn, dialect::Commit::Flushed, f)
}

/// [`write_with`], whose commit returns without waiting for the disk (see
/// [`dialect::Commit::Unflushed`]): the caller must not act on it, nor let
/// anyone else, before [`dialect::wait_for_the_disk`] returns.
pub fn write_unflushed_with<T, E: From<AppError>>(
    conn: &mut AnyConn,
    f: impl FnOnce(&mut AnyConn) -> Result<T, E>,
) -> Result<T, E> {
    write_as(conn, dialect::Commit::Unflushed, f)
}

fn write_as<T, E: From<AppError>>(
    conn: &mut AnyConn,
    commit: dialect::Commit,
    f: impl FnOnce(&mut AnyConn) -> Result<T, E>,
) -> Result<T, E> {
    // At the outermost level this begins (IMMEDIATE on SQLite); inside
    // another write it makes a savepoint, so one use case can call another
    // and still roll back alone.
    // On SQLite, this process's writers to the file take turns first.
    let turn = dialect::write_turn(conn).map_err(AppError::from)?;
    let nested = dialect::begin_write_as(conn, commit).map_err(AppError::from)?;
    let result = f(conn);
    let finish = dialect::end_write(conn, result.is_ok());
    drop(turn);
    match (result, finish) {
        (Ok(value), Ok(())) => Ok(value),
        (Ok(_), Err(e)) => Err(AppError::from(e).into()),
        (Err(err), finished) => {
            if let Err(rollback) = finished {
                tracing::error!(error = %rollback, nested, "rollback failed");
            }
            Err(err)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::plain_on_this_machine;

    #[test]
    fn a_connection_to_this_machine_asks_for_no_tls_unless_told() {
        let cases = [
            // (url, PGSSLMODE set, expected)
            (
                "postgres://postgres@127.0.0.1:5432/test",
                false,
                "postgres://postgres@127.0.0.1:5432/test?sslmode=disable",
            ),
            (
                "postgresql://app:pw@localhost/courtside",
                false,
                "postgresql://app:pw@localhost/courtside?sslmode=disable",
            ),
            (
                "postgres://app@[::1]:5433/courtside?application_name=cs",
                false,
                "postgres://app@[::1]:5433/courtside?application_name=cs&sslmode=disable",
            ),
            (
                "postgres://app@127.0.0.2/courtside",
                false,
                "postgres://app@127.0.0.2/courtside?sslmode=disable",
            ),
            // Told: kept.
            (
                "postgres://app@127.0.0.1/courtside?sslmode=require",
                false,
                "postgres://app@127.0.0.1/courtside?sslmode=require",
            ),
            (
                "postgres://app@127.0.0.1/courtside",
                true,
                "postgres://app@127.0.0.1/courtside",
            ),
            // Another machine, or the host given as a parameter: kept.
            (
                "postgres://app@db.internal:5432/courtside",
                false,
                "postgres://app@db.internal:5432/courtside",
            ),
            (
                "postgres://app@10.0.0.5/courtside",
                false,
                "postgres://app@10.0.0.5/courtside",
            ),
            (
                "postgres://app@localhost/courtside?host=db.internal",
                false,
                "postgres://app@localhost/courtside?host=db.internal",
            ),
            (
                "postgres:///courtside?host=/var/run/postgresql",
                false,
                "postgres:///courtside?host=/var/run/postgresql",
            ),
        ];
        for (url, env, expected) in cases {
            assert_eq!(plain_on_this_machine(url, env), expected, "{url}");
        }
    }
}

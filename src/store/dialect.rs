//! The few places SQLite and PostgreSQL really differ, all in this file.
//! Every other query is one diesel path over [`AnyConn`].
//!
//! | Difference | PostgreSQL | SQLite | Here |
//! |---|---|---|---|
//! | settings on connect | `SET TIME ZONE 'UTC'` | WAL, busy timeout, foreign keys on | [`on_connect`] |
//! | migrations | `migrations/postgres` | `migrations/sqlite` | [`run_migrations`], [`migrations_current`] |
//! | beginning a write | `BEGIN` | `BEGIN IMMEDIATE` (take the write lock first, so writers queue instead of failing on a read-to-write upgrade) | [`begin_write`], [`end_write`] |
//! | waiting for another writer | the server's row locks | an in-process turn per file, then `BEGIN IMMEDIATE` (SQLite's busy handler sleeps between tries) | [`write_turn`] |
//! | reading a row to change it | `FOR UPDATE` | nothing: the write transaction already holds the lock | [`first_for_update!`](crate::dialect_first_for_update) |
//! | reading rows to change them | `FOR UPDATE` | nothing, as above | [`load_for_update!`](crate::dialect_load_for_update) |
//! | claiming due rows | `FOR UPDATE SKIP LOCKED` (other claimers pass over them) | nothing: one writer at a time | [`load_skip_locked!`](crate::dialect_load_skip_locked) |
//! | backend-only statements (`ON CONFLICT`, multi-row `INSERT`) | the same text, typed for each backend | | [`execute!`](crate::dialect_execute) |
//! | statements that return rows (`UPDATE ... RETURNING`) | the same text, typed for each backend | | [`get_results!`](crate::dialect_get_results) |
//! | waking other instances when a transaction commits | `NOTIFY` (delivered on commit) | nothing: one process writes the file, and it has its own signal | [`notify_on_commit`] |
//!
//! The row-locking and statement rows are macros because diesel's
//! row-locking, upsert and multi-row insert builders are typed per backend
//! and cannot be named in a generic bound; each expands to one `match` on
//! the connection. No code outside this file matches on the connection
//! (`tests/layers.rs` checks it). A test per difference, run on both
//! backends, is in `tests/api/dialect.rs`. The same table is in
//! ARCHITECTURE.md, "The dialect seam".

use diesel::connection::{AnsiTransactionManager, SimpleConnection, TransactionManager};
use diesel::ConnectionResult;
use diesel_migrations::{embed_migrations, EmbeddedMigrations, MigrationHarness};

use super::conn::{AnyConn, Backend};
use crate::error::{AppError, AppResult};

#[doc(hidden)]
pub use diesel as __diesel;

const SQLITE_MIGRATIONS: EmbeddedMigrations = embed_migrations!("migrations/sqlite");
const PG_MIGRATIONS: EmbeddedMigrations = embed_migrations!("migrations/postgres");

/// The settings every new connection gets.
pub fn on_connect_sql(backend: Backend) -> &'static str {
    match backend {
        // Instants are stored as UTC `TIMESTAMP`s: the session must not
        // shift them.
        Backend::Postgres => "SET TIME ZONE 'UTC'",
        Backend::Sqlite => {
            // Reads map the file (no copy per page read) and keep up to
            // 32 MiB of pages per connection: a query over a large
            // database touches scattered pages, and with the defaults
            // (no map, 2 MiB) most of its time went on reading them.
            // Temporary files stay in memory: a statement changing many
            // rows inside a transaction keeps the pages it changed (to undo
            // that statement alone), and past 64 KiB SQLite wrote them to
            // a new file in /var/tmp, created and deleted each time (the
            // delivery worker's claims and records did, about four times
            // per batch). The WAL is checkpointed by a thread of its own
            // (`store::checkpoint`); a commit checkpoints only once the WAL
            // passes 10,000 pages (about 40 MB), as a safety net.
            "PRAGMA busy_timeout = 10000; PRAGMA journal_mode = WAL; \
             PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON; \
             PRAGMA mmap_size = 1073741824; PRAGMA cache_size = -32768; \
             PRAGMA temp_store = MEMORY; PRAGMA wal_autocheckpoint = 10000;"
        }
    }
}

/// Applies [`on_connect_sql`] to a fresh connection. A SQLite connection
/// also notes which file it is on, once (see [`write_turn`]).
pub fn on_connect(conn: &mut AnyConn) -> diesel::QueryResult<()> {
    let backend = backend_of(conn);
    match conn {
        AnyConn::Pg(c) => {
            c.batch_execute(on_connect_sql(backend))?;
            diesel::Connection::set_instrumentation(c, Liveness::new());
            Ok(())
        }
        AnyConn::Sqlite(c) => {
            c.batch_execute(on_connect_sql(backend))?;
            let file = database_file(c)?;
            diesel::Connection::set_instrumentation(c, KnownFile::new(&file));
            Ok(())
        }
    }
}

/// The file of a SQLite connection's main database (empty for an
/// in-memory one), as SQLite names it.
fn database_file(c: &mut diesel::SqliteConnection) -> diesel::QueryResult<String> {
    use diesel::RunQueryDsl as _;
    let file: Vec<DatabaseFile> =
        diesel::sql_query("SELECT file FROM pragma_database_list WHERE name = 'main'").load(c)?;
    Ok(file.into_iter().next().map(|f| f.file).unwrap_or_default())
}

/// A SQLite connection's file, noted when it connected and kept in its
/// instrumentation slot, diesel's only per-connection place for our own
/// data; whatever instrumentation diesel would have given the connection
/// (`set_default_instrumentation`) still gets every event. Without it,
/// each write asked SQLite for the file (`pragma_database_list`, prepared
/// anew every time: 7 % of the dispatch bench's CPU).
struct KnownFile {
    /// The file's turns; none for an in-memory database.
    turns: Option<std::sync::Arc<Turns>>,
    inner: Option<Box<dyn diesel::connection::Instrumentation>>,
}

impl KnownFile {
    fn new(file: &str) -> KnownFile {
        KnownFile {
            turns: Turns::of(file),
            inner: diesel::connection::get_default_instrumentation(),
        }
    }
}

impl diesel::connection::Instrumentation for KnownFile {
    fn on_connection_event(&mut self, event: diesel::connection::InstrumentationEvent<'_>) {
        if let Some(inner) = self.inner.as_mut() {
            inner.on_connection_event(event);
        }
    }
}

/// What a PostgreSQL connection's own statements showed of the link to
/// the server, kept in its instrumentation slot (like [`KnownFile`]):
/// when a statement last came back, and whether one found the
/// connection closed or could not be sent. The pool hands out a
/// connection used a moment ago without a round trip to check it
/// ([`needs_checking`]), and drops one found lost ([`is_lost`]).
struct Liveness {
    last_answer: Option<std::time::Instant>,
    lost: bool,
    inner: Option<Box<dyn diesel::connection::Instrumentation>>,
}

impl Liveness {
    fn new() -> Liveness {
        Liveness {
            last_answer: None,
            lost: false,
            inner: diesel::connection::get_default_instrumentation(),
        }
    }
}

impl diesel::connection::Instrumentation for Liveness {
    fn on_connection_event(&mut self, event: diesel::connection::InstrumentationEvent<'_>) {
        use diesel::result::{DatabaseErrorKind, Error};
        if let diesel::connection::InstrumentationEvent::FinishQuery { error, .. } = &event {
            match error {
                Some(Error::DatabaseError(
                    DatabaseErrorKind::ClosedConnection | DatabaseErrorKind::UnableToSendCommand,
                    _,
                )) => self.lost = true,
                // The server answered (an error of its own is an answer).
                _ => self.last_answer = Some(std::time::Instant::now()),
            }
        }
        if let Some(inner) = self.inner.as_mut() {
            inner.on_connection_event(event);
        }
    }
}

/// How long after a PostgreSQL connection's last answer the pool hands it
/// out again without asking the server first (`SELECT 1`). A connection
/// in steady use is handed out at once, which saves a round trip on every
/// request; one idle for longer (across a server restart, say) is asked
/// first, and replaced if the server does not answer.
pub const TRUSTED_AFTER_AN_ANSWER: std::time::Duration = std::time::Duration::from_millis(500);

/// Whether the pool must ask the server before handing this connection
/// out: a PostgreSQL connection whose last answer is older than
/// [`TRUSTED_AFTER_AN_ANSWER`] (or unknown). A SQLite connection is a
/// file opened by this process: there is no server to lose.
pub fn needs_checking(conn: &mut AnyConn) -> bool {
    match conn {
        AnyConn::Sqlite(_) => false,
        AnyConn::Pg(c) => diesel::Connection::instrumentation(c)
            .downcast_ref::<Liveness>()
            .and_then(|l| l.last_answer)
            .is_none_or(|at| at.elapsed() > TRUSTED_AFTER_AN_ANSWER),
    }
}

/// Whether one of the connection's statements found it closed, or could
/// not be sent on it: the pool drops it rather than hand it out again.
pub fn is_lost(conn: &mut AnyConn) -> bool {
    match conn {
        AnyConn::Sqlite(_) => false,
        AnyConn::Pg(c) => diesel::Connection::instrumentation(c)
            .downcast_ref::<Liveness>()
            .is_some_and(|l| l.lost),
    }
}

/// Which backend a connection is on.
pub fn backend_of(conn: &AnyConn) -> Backend {
    match conn {
        AnyConn::Pg(_) => Backend::Postgres,
        AnyConn::Sqlite(_) => Backend::Sqlite,
    }
}

/// How many write transactions that queue on one lock (the audit chain's
/// head) gain from running at once: on PostgreSQL two (the second does its
/// work before the lock while the first holds it and flushes); on SQLite
/// one (writes take turns on the whole file anyway).
pub fn writes_gaining_from_overlap(conn: &AnyConn) -> usize {
    match backend_of(conn) {
        Backend::Postgres => 2,
        Backend::Sqlite => 1,
    }
}

/// Opens a connection of the right kind for `backend` (diesel's own
/// `establish` on a multi connection would let SQLite accept any string).
pub fn establish(backend: Backend, url: &str) -> ConnectionResult<AnyConn> {
    use diesel::Connection;
    Ok(match backend {
        Backend::Postgres => AnyConn::Pg(diesel::PgConnection::establish(url)?),
        Backend::Sqlite => AnyConn::Sqlite(diesel::SqliteConnection::establish(url)?),
    })
}

/// Applies pending migrations for the connection's backend.
pub fn run_migrations(conn: &mut AnyConn) -> AppResult<usize> {
    let applied = match conn {
        AnyConn::Pg(c) => c.run_pending_migrations(PG_MIGRATIONS).map(|v| v.len()),
        AnyConn::Sqlite(c) => c.run_pending_migrations(SQLITE_MIGRATIONS).map(|v| v.len()),
    };
    applied.map_err(|e| AppError::Internal(format!("migration failed: {e}")))
}

/// Whether every embedded migration has been applied (for /readyz).
pub fn migrations_current(conn: &mut AnyConn) -> AppResult<bool> {
    let pending = match conn {
        AnyConn::Pg(c) => c.has_pending_migration(PG_MIGRATIONS),
        AnyConn::Sqlite(c) => c.has_pending_migration(SQLITE_MIGRATIONS),
    };
    pending
        .map(|p| !p)
        .map_err(|e| AppError::Internal(format!("migration check failed: {e}")))
}

/// Begins a write through the inner connection's own transaction manager:
/// at the outermost level `BEGIN IMMEDIATE` on SQLite and `BEGIN` on
/// PostgreSQL; inside another write, a savepoint. Returns whether it is
/// nested.
pub fn begin_write(conn: &mut AnyConn) -> diesel::QueryResult<bool> {
    begin_write_as(conn, Commit::Flushed)
}

/// Whether a write's commit waits for the disk.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Commit {
    /// The commit returns once it is on disk (every write but one).
    Flushed,
    /// The commit returns without waiting for the disk (on PostgreSQL
    /// `SET LOCAL synchronous_commit = off`, sent with the `BEGIN` in one
    /// trip; SQLite commits as it always does). The caller must not act
    /// on the commit before [`wait_for_the_disk`] returns.
    Unflushed,
}

/// [`begin_write`], saying whether the commit waits for the disk.
pub fn begin_write_as(conn: &mut AnyConn, commit: Commit) -> diesel::QueryResult<bool> {
    match conn {
        AnyConn::Sqlite(c) => {
            let nested = AnsiTransactionManager::transaction_manager_status_mut(c)
                .transaction_depth()?
                .is_some();
            if nested {
                AnsiTransactionManager::begin_transaction(c)?;
            } else {
                AnsiTransactionManager::begin_transaction_sql(c, "BEGIN IMMEDIATE")?;
            }
            Ok(nested)
        }
        AnyConn::Pg(c) => {
            let nested = AnsiTransactionManager::transaction_manager_status_mut(c)
                .transaction_depth()?
                .is_some();
            match (nested, commit) {
                (false, Commit::Unflushed) => {
                    let begun = AnsiTransactionManager::begin_transaction_sql(
                        c,
                        "BEGIN; SET LOCAL synchronous_commit = off",
                    );
                    if let Err(e) = begun {
                        // The BEGIN may have gone through without the SET:
                        // no transaction is left open that diesel does not
                        // know of.
                        let _ = c.batch_execute("ROLLBACK");
                        return Err(e);
                    }
                }
                (true, Commit::Unflushed) => {
                    AnsiTransactionManager::begin_transaction(c)?;
                    c.batch_execute("SET LOCAL synchronous_commit = off")?;
                }
                (_, Commit::Flushed) => AnsiTransactionManager::begin_transaction(c)?,
            }
            Ok(nested)
        }
    }
}

/// Waits until every transaction this server has committed so far is on
/// disk: on PostgreSQL a transaction of its own that takes an id, so its
/// commit is written and flushed, and the log with it up to there (the
/// flushes of several such waits are shared); on SQLite nothing (its
/// commits wait for the disk themselves).
pub fn wait_for_the_disk(conn: &mut AnyConn) -> diesel::QueryResult<()> {
    match conn {
        AnyConn::Pg(c) => c.batch_execute("SELECT txid_current()"),
        AnyConn::Sqlite(_) => Ok(()),
    }
}

/// Commits (`ok`) or rolls back what [`begin_write`] began.
pub fn end_write(conn: &mut AnyConn, ok: bool) -> diesel::QueryResult<()> {
    match (ok, conn) {
        (true, AnyConn::Sqlite(c)) => AnsiTransactionManager::commit_transaction(c),
        (true, AnyConn::Pg(c)) => AnsiTransactionManager::commit_transaction(c),
        (false, AnyConn::Sqlite(c)) => AnsiTransactionManager::rollback_transaction(c),
        (false, AnyConn::Pg(c)) => AnsiTransactionManager::rollback_transaction(c),
    }
}

/// On SQLite, this process's writers to one database file take turns on
/// an in-process lock before `BEGIN IMMEDIATE`, and are woken the moment
/// the writer before them finishes. Without it they queue on SQLite's busy
/// handler, which sleeps 1, 2, 5, 10, ... ms between tries: with several
/// delivery workers most of the time went on those sleeps, the file
/// unlocked. Returns the turn (held until dropped, after the commit or
/// rollback), or none: on PostgreSQL, inside another write (a savepoint),
/// for an in-memory database, for a second outermost write on another
/// connection inside this thread's own turn, or after waiting as long as
/// the busy timeout (then SQLite's own wait decides, as before).
pub fn write_turn(conn: &mut AnyConn) -> diesel::QueryResult<Option<WriteTurn>> {
    let AnyConn::Sqlite(c) = conn else {
        return Ok(None);
    };
    if AnsiTransactionManager::transaction_manager_status_mut(c)
        .transaction_depth()?
        .is_some()
    {
        return Ok(None);
    }
    // Noted at connect; asked for if someone replaced the instrumentation.
    let known = diesel::Connection::instrumentation(c)
        .downcast_ref::<KnownFile>()
        .map(|k| k.turns.clone());
    let turns = match known {
        Some(turns) => turns,
        None => Turns::of(&database_file(c)?),
    };
    Ok(turns.and_then(WriteTurn::take))
}

#[derive(diesel::QueryableByName)]
struct DatabaseFile {
    #[diesel(sql_type = diesel::sql_types::Text)]
    file: String,
}

/// One database file's turn-taking (see [`write_turn`]).
#[derive(Default)]
struct Turns {
    holder: std::sync::Mutex<Option<std::thread::ThreadId>>,
    freed: std::sync::Condvar,
}

impl Turns {
    /// The turns of one database file, shared by every connection to it in
    /// this process; none for an in-memory database (no file).
    fn of(file: &str) -> Option<std::sync::Arc<Turns>> {
        static FILES: std::sync::LazyLock<
            std::sync::Mutex<std::collections::HashMap<String, std::sync::Arc<Turns>>>,
        > = std::sync::LazyLock::new(Default::default);
        if file.is_empty() {
            return None;
        }
        Some(
            FILES
                .lock()
                .ok()?
                .entry(file.to_string())
                .or_default()
                .clone(),
        )
    }
}

/// A writer's turn on one SQLite file; the next writer goes when it drops.
pub struct WriteTurn(std::sync::Arc<Turns>);

impl WriteTurn {
    /// As long as SQLite's busy timeout (`on_connect_sql`).
    const LONGEST_WAIT: std::time::Duration = std::time::Duration::from_secs(10);

    fn take(turns: std::sync::Arc<Turns>) -> Option<WriteTurn> {
        let me = std::thread::current().id();
        let deadline = std::time::Instant::now() + Self::LONGEST_WAIT;
        let mut holder = turns.holder.lock().ok()?;
        loop {
            match *holder {
                None => break,
                Some(other) if other == me => return None,
                Some(_) => {
                    let left = deadline.checked_duration_since(std::time::Instant::now())?;
                    holder = turns.freed.wait_timeout(holder, left).ok()?.0;
                }
            }
        }
        *holder = Some(me);
        drop(holder);
        Some(WriteTurn(turns))
    }
}

impl Drop for WriteTurn {
    fn drop(&mut self) {
        if let Ok(mut holder) = self.0.holder.lock() {
            *holder = None;
        }
        self.0.freed.notify_one();
    }
}

/// The first row of `query`, locked for the rest of the caller's write:
/// `FOR UPDATE` on PostgreSQL; on SQLite the write transaction (begun
/// IMMEDIATE) already holds the database's write lock.
#[macro_export]
macro_rules! dialect_first_for_update {
    ($conn:expr, $query:expr) => {{
        use $crate::store::dialect::__diesel::{QueryDsl as _, RunQueryDsl as _};
        match $conn {
            $crate::store::AnyConn::Pg(c) => $query.for_update().first(c),
            $crate::store::AnyConn::Sqlite(c) => $query.first(c),
        }
    }};
}

/// The rows of `query`, locked for the rest of the caller's write: `FOR
/// UPDATE` on PostgreSQL; on SQLite the write transaction already holds
/// the database's write lock.
#[macro_export]
macro_rules! dialect_load_for_update {
    ($conn:expr, $query:expr) => {{
        use $crate::store::dialect::__diesel::{QueryDsl as _, RunQueryDsl as _};
        match $conn {
            $crate::store::AnyConn::Pg(c) => $query.for_update().load(c),
            $crate::store::AnyConn::Sqlite(c) => $query.load(c),
        }
    }};
}

/// The rows of a claim query, skipping rows another transaction has
/// claimed and not yet committed: `FOR UPDATE SKIP LOCKED` on PostgreSQL;
/// on SQLite one writer runs at a time, so the query alone. Run it inside
/// [`crate::store::write`] and mark the rows claimed before committing.
#[macro_export]
macro_rules! dialect_load_skip_locked {
    ($conn:expr, $query:expr) => {{
        use $crate::store::dialect::__diesel::{QueryDsl as _, RunQueryDsl as _};
        match $conn {
            $crate::store::AnyConn::Pg(c) => $query.for_update().skip_locked().load(c),
            $crate::store::AnyConn::Sqlite(c) => $query.load(c),
        }
    }};
}

/// Executes a statement diesel builds only for a concrete backend (such
/// as `INSERT ... ON CONFLICT DO NOTHING`): the same text on both.
#[macro_export]
macro_rules! dialect_execute {
    ($conn:expr, $statement:expr) => {{
        use $crate::store::dialect::__diesel::RunQueryDsl as _;
        match $conn {
            $crate::store::AnyConn::Pg(c) => $statement.execute(c),
            $crate::store::AnyConn::Sqlite(c) => $statement.execute(c),
        }
    }};
}

/// The rows a statement diesel builds only for a concrete backend returns
/// (such as `UPDATE ... RETURNING`): the same text on both.
#[macro_export]
macro_rules! dialect_get_results {
    ($conn:expr, $statement:expr) => {{
        use $crate::store::dialect::__diesel::RunQueryDsl as _;
        match $conn {
            $crate::store::AnyConn::Pg(c) => $statement.get_results(c),
            $crate::store::AnyConn::Sqlite(c) => $statement.get_results(c),
        }
    }};
}

pub use crate::{
    dialect_execute as execute, dialect_first_for_update as first_for_update,
    dialect_get_results as get_results, dialect_load_for_update as load_for_update,
    dialect_load_skip_locked as load_skip_locked,
};

/// Wakes every instance listening on `channel` when the caller's
/// transaction commits: `NOTIFY` on PostgreSQL (held back by the server
/// until the commit, dropped on a rollback); nothing on SQLite, where one
/// process writes the file and wakes itself in-process. `channel` is one
/// of the service's fixed channel names, never input.
pub fn notify_on_commit(conn: &mut AnyConn, channel: Channel) -> diesel::QueryResult<()> {
    use diesel::RunQueryDsl as _;
    match conn {
        AnyConn::Pg(pg) => diesel::sql_query(channel.notify_statement())
            .execute(pg)
            .map(|_| ()),
        AnyConn::Sqlite(_) => Ok(()),
    }
}

/// The channels instances wake each other on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Channel {
    /// A notice became due now (the delivery workers).
    NoticesDue,
}

impl Channel {
    /// The channel's name, as `LISTEN` takes it.
    pub fn name(self) -> &'static str {
        match self {
            Channel::NoticesDue => "courtside_notices_due",
        }
    }

    fn notify_statement(self) -> &'static str {
        match self {
            Channel::NoticesDue => "NOTIFY courtside_notices_due",
        }
    }

    /// `LISTEN` on the channel (PostgreSQL).
    pub fn listen_statement(self) -> &'static str {
        match self {
            Channel::NoticesDue => "LISTEN courtside_notices_due",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn connection_settings_per_backend() {
        assert_eq!(on_connect_sql(Backend::Postgres), "SET TIME ZONE 'UTC'");
        let sqlite = on_connect_sql(Backend::Sqlite);
        for pragma in [
            "busy_timeout = 10000",
            "journal_mode = WAL",
            "foreign_keys = ON",
            "mmap_size = 1073741824",
            "cache_size = -32768",
            "temp_store = MEMORY",
            "wal_autocheckpoint = 10000",
        ] {
            assert!(sqlite.contains(pragma), "{pragma}");
        }
    }

    /// The bundled SQLite is built with the planner's stability guarantee
    /// (`LIBSQLITE3_FLAGS` in `.cargo/config.toml`), so no statement is
    /// planned again for its bound values.
    #[test]
    fn sqlite_is_built_with_the_planner_stability_guarantee() {
        use diesel::RunQueryDsl;
        #[derive(diesel::QueryableByName)]
        struct CompileOption {
            #[diesel(sql_type = diesel::sql_types::Text)]
            compile_options: String,
        }
        let mut conn = <diesel::SqliteConnection as diesel::Connection>::establish(":memory:")
            .expect("an in-memory database");
        let options: Vec<String> = diesel::sql_query("PRAGMA compile_options")
            .load::<CompileOption>(&mut conn)
            .expect("the compile options")
            .into_iter()
            .map(|o| o.compile_options)
            .collect();
        assert!(
            options.iter().any(|o| o == "ENABLE_QPSG"),
            "built with: {options:?}"
        );
    }
}

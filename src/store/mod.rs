//! Storage: the diesel schema, the connection over SQLite or PostgreSQL,
//! the relationship scope applied to every victim-related query, and the
//! one filter for upcoming hearings.

pub mod conn;
pub mod dialect;
pub mod schema;
pub mod scope;
pub mod upcoming;

pub use conn::{open_pool, run_migrations, write, AnyConn, Backend, Pool};

use chrono::{DateTime, NaiveDateTime, Utc};

/// Instants are stored as UTC without an offset (portable `TIMESTAMP`).
pub fn to_db(t: DateTime<Utc>) -> NaiveDateTime {
    t.naive_utc()
}

pub fn from_db(t: NaiveDateTime) -> DateTime<Utc> {
    t.and_utc()
}

pub fn new_id() -> String {
    uuid::Uuid::new_v4().to_string()
}

//! Storage: the diesel schema, the connection over SQLite or PostgreSQL,
//! the relationship scope applied to every victim-related query, and the
//! one filter for upcoming hearings.

pub mod changes;
pub mod checkpoint;
pub mod conn;
pub mod dialect;
pub mod prepared;
pub mod read_time;
pub mod schema;
pub mod scope;
pub mod upcoming;

pub use conn::{
    open_pool, run_migrations, write, write_unflushed_with, write_with, AnyConn, Backend, Pool,
};
pub use prepared::{kept, InListDsl};

use chrono::{DateTime, NaiveDateTime, Utc};

/// Ids bound in one `IN (…)` list: well under SQLite's 32,766 variables.
pub const IN_CHUNK: usize = 500;

/// Rows in one multi-row `INSERT`: with the widest table (notices, 32
/// columns) that binds 16,000 values, under SQLite's 32,766 and
/// PostgreSQL's 65,535.
pub const ROWS_CHUNK: usize = 500;

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

/// Settles a leased outbox row (an account notice, a digest) after one
/// try: its `state` ("sent", "pending" to try again, or "dead") and the
/// error if any; the lease is given up, and a retry waits five minutes for
/// each try so far. Only the lease holder's row still sending is touched;
/// the update's row count says whether it was.
macro_rules! settle_lease {
    ($conn:expr, $t:ident, $id:expr, $owner:expr, $state:expr, $error:expr, $attempts:expr, $now:expr) => {{
        let ts = $crate::store::to_db($now);
        let state: &str = $state;
        let send_after = if state == "pending" {
            $crate::store::to_db($now + chrono::Duration::minutes(5 * i64::from($attempts)))
        } else {
            ts
        };
        diesel::update(
            $t::table
                .filter($t::id.eq($id))
                .filter($t::lease_owner.eq($owner))
                .filter($t::state.eq("sending")),
        )
        .set((
            $t::state.eq(state),
            $t::last_error.eq($error),
            $t::sent_at.eq((state == "sent").then_some(ts)),
            $t::lease_owner.eq(None::<String>),
            $t::leased_until.eq(None::<chrono::NaiveDateTime>),
            $t::send_after.eq(send_after),
            $t::updated_at.eq(ts),
        ))
        .execute($conn)
    }};
}
pub(crate) use settle_lease;

//! The count of committed changes to the records a person's week is made
//! from: one row, `data_changes.n`, raised by a trigger on each counted
//! table in the same transaction as the change (migration
//! `2026-12-07-000510_week_changes`). Whatever path writes (a use case, a
//! court-list import, delivery, another instance), the count moves when
//! it commits; so something worked out from the database is still right
//! while the count reads the same as it did before it was read.
//!
//! Read the count before the records it guards: a write committing in
//! between raises it, and the next reader sees the new count.

use diesel::prelude::*;

use super::conn::AnyConn;
use super::schema::data_changes;
use crate::error::AppResult;

/// Tables whose changes are not counted: the week never reads them, and
/// they change on busy paths (every request, every notice delivered).
/// Every other table is counted: a migration that makes a table adds its
/// triggers (as `2026-12-07-000510_week_changes` does) or names it here;
/// `tests/api/week_cache.rs` checks the database against this list.
pub const NOT_COUNTED: &[&str] = &[
    "audit_log",
    "audit_head",
    "api_tokens",
    "sign_in_attempts",
    "oidc_pending",
    "notices",
    "notice_actions",
    "acknowledgement_tokens",
    "digests",
    "digest_holds",
    "account_notices",
    "calendar_feeds",
    "court_list_imports",
    "webhooks",
    "data_changes",
];

/// The id of the count's one row.
pub const ROW: i32 = 1;

/// The count as a request read it, before any record it guards: what
/// was worked out from records read after it holds while a later read
/// gives the same count. Made only by reading the row (here, or beside a
/// token in `accounts::tokens::me_and_changes_for_token`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Count(i64);

impl Count {
    /// The count as read from its row.
    pub(crate) fn read(n: i64) -> Count {
        Count(n)
    }
}

impl std::fmt::Display for Count {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.0.fmt(f)
    }
}

/// The count now.
///
/// Read without `.first()`: its `LIMIT ?` makes SQLite (3.46 and later)
/// look at the bound limit while planning, which marks the statement to
/// be parsed and planned again each time it is run; without it the
/// prepared statement is reused (this is read on every request).
pub fn count(conn: &mut AnyConn) -> AppResult<Count> {
    data_changes::table
        .find(ROW)
        .select(data_changes::n)
        .load::<i64>(conn)?
        .pop()
        .map(Count)
        .ok_or_else(|| diesel::result::Error::NotFound.into())
}

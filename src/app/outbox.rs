//! The outbox's figures for `/metrics`: notices by state, the queue's
//! depth and how long the oldest due notice has waited.

use chrono::{DateTime, Utc};
use diesel::dsl::{count_star, min};
use diesel::prelude::*;

use crate::error::AppResult;
use crate::store::schema::notices;
use crate::store::{self, AnyConn};

/// Queue figures for `/metrics`.
pub fn metrics_text(conn: &mut AnyConn, now: DateTime<Utc>) -> AppResult<String> {
    let by_state: Vec<(String, i64)> = notices::table
        .group_by(notices::state)
        .select((notices::state, count_star()))
        .load(conn)?;
    let oldest_due: Option<chrono::NaiveDateTime> = notices::table
        .filter(notices::state.eq_any(["pending", "failed"]))
        .filter(notices::next_attempt_at.le(store::to_db(now)))
        .filter(crate::notify::delivery::not_held())
        .select(min(notices::next_attempt_at))
        .first(conn)?;
    let lag = oldest_due
        .map(|t| (now - store::from_db(t)).num_seconds().max(0))
        .unwrap_or(0);
    let mut out = String::new();
    out.push_str("# HELP courtside_notices Notices in the outbox by state.\n");
    out.push_str("# TYPE courtside_notices gauge\n");
    for state in [
        "pending",
        "sending",
        "failed",
        "sent",
        "ready",
        "cancelled",
        "dead",
    ] {
        let n = by_state
            .iter()
            .find(|(s, _)| s == state)
            .map(|(_, n)| *n)
            .unwrap_or(0);
        out.push_str(&format!("courtside_notices{{state=\"{state}\"}} {n}\n"));
    }
    let depth: i64 = by_state
        .iter()
        .filter(|(s, _)| matches!(s.as_str(), "pending" | "failed" | "sending"))
        .map(|(_, n)| n)
        .sum();
    out.push_str("# HELP courtside_queue_depth Notices waiting to be delivered.\n");
    out.push_str("# TYPE courtside_queue_depth gauge\n");
    out.push_str(&format!("courtside_queue_depth {depth}\n"));
    out.push_str("# HELP courtside_due_lag_seconds How long the oldest due notice has waited.\n");
    out.push_str("# TYPE courtside_due_lag_seconds gauge\n");
    out.push_str(&format!("courtside_due_lag_seconds {lag}\n"));
    Ok(out)
}

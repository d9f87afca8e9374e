//! The outbox's figures for `/metrics`: notices by state, the queue's
//! depth and how long the oldest due notice has waited.

use chrono::{DateTime, Utc};
use diesel::dsl::{count_star, min};
use diesel::prelude::*;

use crate::error::AppResult;
use crate::notify::delivery::{being_sent, not_being_sent, SENDING};
use crate::store::schema::notices;
use crate::store::{self, AnyConn};

/// Queue figures for `/metrics`.
pub fn metrics_text(conn: &mut AnyConn, now: DateTime<Utc>) -> AppResult<String> {
    let stored: Vec<(String, i64)> = notices::table
        .group_by(notices::state)
        .select((notices::state, count_star()))
        .load(conn)?;
    let leased: Vec<(String, i64)> = notices::table
        .filter(being_sent())
        .group_by(notices::state)
        .select((notices::state, count_star()))
        .load(conn)?;
    let by_state = as_shown(stored, &leased);
    let oldest_due: Option<chrono::NaiveDateTime> = notices::table
        .filter(notices::state.eq_any(["pending", "failed"]))
        .filter(not_being_sent())
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

/// The counts by stored state as people see them: the notices being sent
/// (`leased`, by their stored state, pending or failed) moved to
/// "sending".
fn as_shown(stored: Vec<(String, i64)>, leased: &[(String, i64)]) -> Vec<(String, i64)> {
    let mut shown = stored;
    let mut sending = 0;
    for (state, n) in leased {
        if let Some((_, count)) = shown.iter_mut().find(|(s, _)| s == state) {
            *count -= n;
        }
        sending += n;
    }
    shown.push((SENDING.to_string(), sending));
    shown
}

#[cfg(test)]
mod tests {
    use super::as_shown;

    #[test]
    fn notices_being_sent_are_counted_as_sending_not_as_their_stored_state() {
        let stored = vec![
            ("pending".to_string(), 10),
            ("failed".to_string(), 3),
            ("sent".to_string(), 7),
        ];
        let leased = [("pending".to_string(), 4), ("failed".to_string(), 1)];
        let shown = as_shown(stored, &leased);
        let count = |state: &str| shown.iter().find(|(s, _)| s == state).map(|(_, n)| *n);
        assert_eq!(count("pending"), Some(6));
        assert_eq!(count("failed"), Some(2));
        assert_eq!(count("sent"), Some(7));
        assert_eq!(count("sending"), Some(5));
    }
}

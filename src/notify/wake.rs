//! Waking the delivery worker when a notice falls due, instead of leaving
//! it for the next tick.
//!
//! - In process (both backends): a watch signal every worker of this
//!   process listens to. [`due_now`] raises it; on SQLite that is enough,
//!   since the worker's claim (`BEGIN IMMEDIATE`) waits for the writer's
//!   transaction to commit and then sees its notices.
//! - Across processes on PostgreSQL: [`due_now`] also runs
//!   `NOTIFY courtside_notices_due` in the caller's transaction
//!   (`store::dialect::notify_on_commit`), so the
//!   signal goes out on commit (and not at all on rollback), and
//!   [`listen_postgres`] keeps one dedicated connection per instance that
//!   `LISTEN`s on that channel and raises the in-process signal.
//!
//! The worker's tick stays as the safety net, and timed notices are met by
//! the worker sleeping until the next one's instant (see
//! `crate::scheduler`).

use std::sync::LazyLock;
use std::time::Duration;

use diesel::prelude::*;
use tokio::sync::watch;

use crate::error::AppResult;
use crate::store::dialect::{self, Channel};
use crate::store::AnyConn;

/// The PostgreSQL channel. Fixed: nothing is ever interpolated into the
/// NOTIFY statement.
pub const CHANNEL: Channel = Channel::NoticesDue;

static SIGNAL: LazyLock<watch::Sender<u64>> = LazyLock::new(|| watch::channel(0).0);

/// Raises the in-process signal.
pub fn poke() {
    SIGNAL.send_modify(|n| *n = n.wrapping_add(1));
}

/// A receiver that sees every [`poke`] made after it was taken.
pub fn subscribe() -> watch::Receiver<u64> {
    SIGNAL.subscribe()
}

/// Called in the transaction that made a notice due now (or soon): wakes
/// this process's worker, and on PostgreSQL every instance's on commit.
pub fn due_now(conn: &mut AnyConn) -> AppResult<()> {
    dialect::notify_on_commit(conn, CHANNEL)?;
    poke();
    Ok(())
}

/// Starts the instance's listener: a thread with its own PostgreSQL
/// connection, `LISTEN`ing on [`CHANNEL`]. Each notification raises the
/// in-process signal. The connection is polled for arrived notifications
/// every 20 ms (a non-blocking read of the socket, no query); a lost
/// connection is re-opened after a second, and meanwhile the tick covers.
pub fn listen_postgres(url: &str) {
    let url = url.to_string();
    let spawned = std::thread::Builder::new()
        .name("courtside-listen".into())
        .spawn(move || loop {
            match diesel::PgConnection::establish(&url) {
                Ok(mut conn) => {
                    if diesel::sql_query(CHANNEL.listen_statement())
                        .execute(&mut conn)
                        .is_ok()
                    {
                        tracing::info!(channel = CHANNEL.name(), "listening for due notices");
                        // Anything committed while not listening.
                        poke();
                        'connected: loop {
                            let mut woken = false;
                            for n in conn.notifications_iter() {
                                match n {
                                    Ok(_) => woken = true,
                                    Err(e) => {
                                        tracing::warn!(error = %e, "the LISTEN connection was lost");
                                        break 'connected;
                                    }
                                }
                            }
                            if woken {
                                poke();
                            }
                            std::thread::sleep(Duration::from_millis(20));
                        }
                    }
                }
                Err(e) => tracing::warn!(error = %e, "cannot open the LISTEN connection"),
            }
            std::thread::sleep(Duration::from_secs(1));
        });
    if let Err(e) = spawned {
        tracing::error!(error = %e, "cannot start the LISTEN thread; the tick still delivers");
    }
}

//! SQLite's WAL checkpoints, off the writers' path.
//!
//! A commit in WAL mode appends the pages it changed to the `-wal` file;
//! a checkpoint copies them back into the database file (and syncs both).
//! By default SQLite checkpoints inside whichever commit takes the WAL past
//! 1,000 pages, and that writer holds this process's write turn (see
//! `dialect::write_turn`) until it is done, syncs included: every other
//! writer waited. Delivering notices, that was about a fifth of the time.
//!
//! Here one thread per SQLite pool checkpoints every [`EVERY`], on its own
//! connection, while writers go on (a passive checkpoint never blocks a
//! writer, and copies what no reader still needs). The connections keep
//! SQLite's own checkpoint as a safety net at a higher mark
//! (`wal_autocheckpoint` in `dialect::on_connect_sql`), for a WAL that
//! grows faster than this thread copies it. The thread stops when the pool
//! is dropped.

use std::sync::{Arc, Condvar, Mutex};
use std::time::Duration;

use diesel::connection::SimpleConnection;
use diesel::Connection;

/// How often the thread checkpoints.
pub const EVERY: Duration = Duration::from_millis(200);

/// The running thread; dropping this stops it.
#[derive(Debug)]
pub struct Checkpointer {
    stop: Arc<(Mutex<bool>, Condvar)>,
    thread: Option<std::thread::JoinHandle<()>>,
}

impl Checkpointer {
    /// Starts checkpointing the SQLite database at `file`.
    pub fn start(file: &str) -> std::io::Result<Checkpointer> {
        let stop = Arc::new((Mutex::new(false), Condvar::new()));
        let told = stop.clone();
        let file = file.to_string();
        let thread = std::thread::Builder::new()
            .name("sqlite-checkpoint".into())
            .spawn(move || run(&file, &told))?;
        Ok(Checkpointer {
            stop,
            thread: Some(thread),
        })
    }
}

impl Drop for Checkpointer {
    fn drop(&mut self) {
        let (flag, changed) = &*self.stop;
        if let Ok(mut stopped) = flag.lock() {
            *stopped = true;
        }
        changed.notify_all();
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

/// The thread: a passive checkpoint every [`EVERY`] until told to stop.
/// A checkpoint that fails (the file busy, gone) is tried again next time;
/// only a connection that cannot be opened ends the thread, and SQLite's
/// own checkpoint then goes on as before.
fn run(file: &str, stop: &(Mutex<bool>, Condvar)) {
    let mut conn = match diesel::SqliteConnection::establish(file) {
        Ok(conn) => conn,
        Err(e) => {
            tracing::warn!(error = %e, "the WAL checkpoint thread could not open the database");
            return;
        }
    };
    let (flag, changed) = stop;
    let Ok(mut stopped) = flag.lock() else {
        return;
    };
    loop {
        let Ok((now, _)) = changed.wait_timeout(stopped, EVERY) else {
            return;
        };
        stopped = now;
        if *stopped {
            return;
        }
        drop(stopped);
        let _ = conn.batch_execute("PRAGMA wal_checkpoint(PASSIVE);");
        stopped = match flag.lock() {
            Ok(guard) => guard,
            Err(_) => return,
        };
    }
}

#[cfg(test)]
mod tests {
    /// Pages committed to the WAL reach the database file without any
    /// writer checkpointing: the migrations write far fewer than the
    /// 10,000 pages at which a commit would, and the connection stays open
    /// (closing the last one would checkpoint too).
    #[test]
    fn committed_pages_reach_the_database_file_from_the_thread() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("checkpoint.db");
        let pool = crate::store::open_pool(file.to_str().unwrap(), 2).unwrap();
        let mut conn = pool.get().unwrap();
        crate::store::run_migrations(&mut conn).unwrap();
        let wal = dir.path().join("checkpoint.db-wal");
        assert!(
            std::fs::metadata(&wal).unwrap().len() > 100_000,
            "the migrations are in the WAL"
        );
        let size = || std::fs::metadata(&file).map(|m| m.len()).unwrap_or(0);
        let before = size();
        let mut waited = std::time::Duration::ZERO;
        while size() <= before + 100_000 {
            assert!(
                waited < std::time::Duration::from_secs(30),
                "nothing was checkpointed ({before} bytes before, {} now)",
                size()
            );
            std::thread::sleep(super::EVERY);
            waited += super::EVERY;
        }
        drop(conn);
        drop(pool);
    }
}

//! The court-list inbox: a folder that `courtside serve` watches, so that
//! lists fetched by a script (or dropped by a person) are imported with no
//! one uploading them.
//!
//! Layout of the folder (`COURTSIDE_COURT_LIST_INBOX`):
//! - `*.json` — lists waiting. The list type may come in a sidecar file of
//!   the same name with `.type` added (`crown-firm.json.type` holding
//!   `crown_firm_list`, as HMCTS sends it as metadata beside the document);
//!   without one, the type is recognised from the document's shape.
//! - `processing/` — a list an instance has taken (renamed into it, which
//!   only one instance can do); a list left there by an instance that died
//!   is put back after [`STALE_AFTER_SECONDS`] (importing is idempotent).
//! - `done/` — imported lists, each with a `.result.json` summary (ids and
//!   counts only).
//! - `failed/` — refused lists, each with a `.problem.txt` saying why.
//!
//! A file is taken only once it has not changed for [`SETTLE_SECONDS`], so
//! a list still being written is not read half-way; writers should still
//! write to another name and rename into the folder.

use std::fs;
use std::path::{Path, PathBuf};

use chrono::{DateTime, Utc};
use sha2::{Digest, Sha256};

use super::apply::{self, ImportSummary, Importer};
use super::{parse_document, ListError, ListType, SchemaSet};
use crate::error::{AppError, AppResult};
use crate::store::Pool;

/// A file must be this old (unchanged) before it is taken.
pub const SETTLE_SECONDS: i64 = 10;
/// A file left in `processing/` this long is put back in the inbox.
pub const STALE_AFTER_SECONDS: i64 = 600;

/// A file seen in a folder: its name and when it last changed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Seen {
    pub name: String,
    pub modified: DateTime<Utc>,
}

/// Which waiting files to take now: `.json` files that have settled, in
/// name order (so a day's lists go in the order a fetcher named them).
pub fn ready(waiting: &[Seen], now: DateTime<Utc>) -> Vec<String> {
    let mut names: Vec<String> = waiting
        .iter()
        .filter(|f| f.name.to_ascii_lowercase().ends_with(".json"))
        .filter(|f| !f.name.starts_with('.'))
        .filter(|f| (now - f.modified).num_seconds() >= SETTLE_SECONDS)
        .map(|f| f.name.clone())
        .collect();
    names.sort();
    names
}

/// Whether a file in one of the inbox's folders is a list: a `.json`
/// file waiting or filed (not the `.result.json` note beside a done one,
/// a `.type` sidecar, a `.problem.txt` or a hidden file), or one taken
/// into `processing/` (`NAME.json~INSTANCE`).
pub fn is_list(name: &str) -> bool {
    let n = name.to_ascii_lowercase();
    !n.starts_with('.')
        && ((n.ends_with(".json") && !n.ends_with(".result.json")) || n.contains(".json~"))
}

/// Which files in `processing/` were abandoned (their instance died).
pub fn abandoned(processing: &[Seen], now: DateTime<Utc>) -> Vec<String> {
    let mut names: Vec<String> = processing
        .iter()
        .filter(|f| (now - f.modified).num_seconds() >= STALE_AFTER_SECONDS)
        .map(|f| f.name.clone())
        .collect();
    names.sort();
    names
}

/// What happened to one file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    Imported {
        name: String,
        import_id: Option<String>,
        duplicate: bool,
    },
    Refused {
        name: String,
        reason: String,
    },
}

fn io(what: &str, path: &Path, e: std::io::Error) -> AppError {
    AppError::Internal(format!("court-list inbox: {what} {}: {e}", path.display()))
}

fn seen_in(dir: &Path) -> AppResult<Vec<Seen>> {
    let mut out = Vec::new();
    let entries = match fs::read_dir(dir) {
        Ok(e) => e,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(out),
        Err(e) => return Err(io("cannot read", dir, e)),
    };
    for entry in entries {
        let entry = entry.map_err(|e| io("cannot read", dir, e))?;
        let meta = match entry.metadata() {
            Ok(m) if m.is_file() => m,
            _ => continue,
        };
        let Ok(modified) = meta.modified() else {
            continue;
        };
        out.push(Seen {
            name: entry.file_name().to_string_lossy().into_owned(),
            modified: DateTime::<Utc>::from(modified),
        });
    }
    Ok(out)
}

/// How many lists are in each of the inbox's folders, for the people who
/// look after it (no file names: a list's name may carry a court's or a
/// person's).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize)]
pub struct InboxStatus {
    /// Waiting to be imported.
    pub waiting: usize,
    /// Being imported now (or left by a stopped instance, put back soon).
    pub processing: usize,
    /// Refused: each has a note beside it saying why.
    pub failed: usize,
    /// Imported.
    pub done: usize,
}

/// The inbox folder and its three sub-folders.
#[derive(Debug, Clone)]
pub struct Inbox {
    pub root: PathBuf,
    /// The rules the lists' moves are planned under.
    pub rules: std::sync::Arc<crate::rules::Rules>,
}

impl Inbox {
    /// The inbox at `root`, planning under the England and Wales rules.
    pub fn new(root: impl Into<PathBuf>) -> Inbox {
        Inbox {
            root: root.into(),
            rules: std::sync::Arc::new(crate::rules::Rules::england_and_wales()),
        }
    }

    /// The same inbox, planning under `rules` (the service's own).
    pub fn with_rules(self, rules: std::sync::Arc<crate::rules::Rules>) -> Inbox {
        Inbox { rules, ..self }
    }

    fn sub(&self, name: &str) -> PathBuf {
        self.root.join(name)
    }

    /// How many files are in each folder now (a missing folder has none).
    pub fn status(&self) -> AppResult<InboxStatus> {
        let lists = |dir: PathBuf| -> AppResult<usize> {
            Ok(seen_in(&dir)?.iter().filter(|f| is_list(&f.name)).count())
        };
        Ok(InboxStatus {
            waiting: lists(self.root.clone())?,
            processing: lists(self.sub("processing"))?,
            failed: lists(self.sub("failed"))?,
            done: lists(self.sub("done"))?,
        })
    }

    /// Makes the folders if missing.
    pub fn prepare(&self) -> AppResult<()> {
        for dir in [
            self.root.clone(),
            self.sub("processing"),
            self.sub("done"),
            self.sub("failed"),
        ] {
            fs::create_dir_all(&dir).map_err(|e| io("cannot create", &dir, e))?;
        }
        Ok(())
    }

    /// One pass: puts back abandoned files, then takes and imports every
    /// settled list, each in its own transaction. One refused list does not
    /// stop the others. `now` is the service clock's (what the import
    /// records and reconciles against); `files_now` is the file system's,
    /// against which files' ages are measured.
    pub fn sweep(
        &self,
        pool: &Pool,
        schemas: &SchemaSet,
        now: DateTime<Utc>,
        files_now: DateTime<Utc>,
        instance: &str,
    ) -> AppResult<Vec<Outcome>> {
        self.prepare()?;
        for name in abandoned(&seen_in(&self.sub("processing"))?, files_now) {
            let original = name.rsplit_once('~').map(|(n, _)| n).unwrap_or(&name);
            let from = self.sub("processing").join(&name);
            // Losing this race to another instance is fine.
            if fs::rename(&from, self.root.join(original)).is_ok() {
                tracing::warn!(file = %original, "court-list inbox: an abandoned list was put back");
            }
        }
        let mut outcomes = Vec::new();
        for name in ready(&seen_in(&self.root)?, files_now) {
            // Taking the file is a rename: only one instance can win it.
            let taken = self.sub("processing").join(format!("{name}~{instance}"));
            if fs::rename(self.root.join(&name), &taken).is_err() {
                continue;
            }
            let sidecar = self.root.join(format!("{name}.type"));
            let outcome = self.import_one(pool, schemas, now, &name, &taken, &sidecar);
            let stamp = now.format("%Y%m%dT%H%M%SZ");
            let (folder, extra, body) = match &outcome {
                Ok(summary) => (
                    "done",
                    "result.json",
                    serde_json::to_string_pretty(summary).unwrap_or_default(),
                ),
                Err(reason) => ("failed", "problem.txt", format!("{reason}\n")),
            };
            let dest = self.sub(folder).join(format!("{stamp}-{name}"));
            fs::rename(&taken, &dest).map_err(|e| io("cannot move", &taken, e))?;
            let note = self.sub(folder).join(format!("{stamp}-{name}.{extra}"));
            fs::write(&note, body).map_err(|e| io("cannot write", &note, e))?;
            if sidecar.exists() {
                let kept = self.sub(folder).join(format!("{stamp}-{name}.type"));
                let _ = fs::rename(&sidecar, kept);
            }
            outcomes.push(match outcome {
                Ok(summary) => {
                    tracing::info!(
                        file = %name,
                        import_id = summary.import_id.as_deref().unwrap_or(""),
                        duplicate = summary.duplicate,
                        moved = summary.counts.moved,
                        absent = summary.counts.absent,
                        "court-list inbox: list imported"
                    );
                    Outcome::Imported {
                        name,
                        import_id: summary.import_id,
                        duplicate: summary.duplicate,
                    }
                }
                Err(reason) => {
                    // The reason names the list type and schema paths only:
                    // Courtside never reads names out of a list.
                    tracing::warn!(file = %name, "court-list inbox: list refused");
                    Outcome::Refused { name, reason }
                }
            });
        }
        Ok(outcomes)
    }

    fn import_one(
        &self,
        pool: &Pool,
        schemas: &SchemaSet,
        now: DateTime<Utc>,
        name: &str,
        taken: &Path,
        sidecar: &Path,
    ) -> Result<ImportSummary, String> {
        let bytes = fs::read(taken).map_err(|e| format!("the file could not be read: {e}"))?;
        if bytes.len() > super::MAX_LIST_BYTES {
            return Err(format!(
                "the file is larger than {} bytes; a published court list is smaller",
                super::MAX_LIST_BYTES
            ));
        }
        let given = match fs::read_to_string(sidecar) {
            Ok(text) => {
                let text = text.trim();
                Some(ListType::from_name(text).ok_or_else(|| {
                    format!(
                        "{name}.type says \"{}\", which is not a list type Courtside reads; use one of: {}",
                        text.chars().take(60).collect::<String>(),
                        ListType::names()
                    )
                })?)
            }
            Err(_) => None,
        };
        let list = parse_document(&bytes, given, schemas).map_err(|e| match e {
            ListError::Invalid {
                violations, total, ..
            } => {
                let first: Vec<String> = violations
                    .iter()
                    .take(5)
                    .map(|v| format!("{}: {}", v.path, v.message))
                    .collect();
                format!(
                    "the list does not match its published schema ({total} problem(s)): {}",
                    first.join("; ")
                )
            }
            other => other.to_string(),
        })?;
        let digest = hex::encode(Sha256::digest(&bytes));
        let mut conn = pool
            .get()
            .map_err(|e| format!("database unavailable: {e}"))?;
        let importer = Importer::Everyone { user_id: None };
        apply::import(&mut conn, &importer, &self.rules, now, list, None, &digest)
            .map_err(|e| e.to_string())
    }
}

/// Starts the watch: every `every_seconds`, one [`Inbox::sweep`].
pub async fn start(
    pool: Pool,
    clock: std::sync::Arc<dyn crate::clock::Clock>,
    inbox: Inbox,
    every_seconds: u32,
) -> AppResult<tokio_cron_scheduler::JobScheduler> {
    use tokio_cron_scheduler::{Job, JobScheduler};
    let fail = |e: tokio_cron_scheduler::JobSchedulerError| {
        AppError::Internal(format!("court-list inbox scheduler: {e}"))
    };
    inbox.prepare()?;
    let every = every_seconds.clamp(1, 59);
    let instance = uuid::Uuid::new_v4().simple().to_string()[..12].to_string();
    tracing::info!(every_seconds = every, "court-list inbox watched");
    let scheduler = JobScheduler::new().await.map_err(fail)?;
    let inbox = std::sync::Arc::new(inbox);
    let job = Job::new_async(format!("*/{every} * * * * *").as_str(), move |_id, _s| {
        let (pool, clock, inbox, instance) =
            (pool.clone(), clock.clone(), inbox.clone(), instance.clone());
        Box::pin(async move {
            let run = tokio::task::spawn_blocking(move || {
                // The files' ages are read against the machine's own time,
                // the clock their modification times come from.
                let files_now = DateTime::<Utc>::from(std::time::SystemTime::now());
                inbox.sweep(
                    &pool,
                    super::schema::shared(),
                    clock.now(),
                    files_now,
                    &instance,
                )
            })
            .await;
            match run {
                Ok(Ok(_)) => {}
                Ok(Err(e)) => tracing::error!(error = %e, "court-list inbox sweep failed"),
                Err(e) => tracing::error!(error = %e, "court-list inbox sweep panicked"),
            }
        })
    })
    .map_err(fail)?;
    scheduler.add(job).await.map_err(fail)?;
    scheduler.start().await.map_err(fail)?;
    Ok(scheduler)
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn at(s: i64) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 10, 25, 6, 0, 0).unwrap() + chrono::Duration::seconds(s)
    }

    fn seen(name: &str, modified: i64) -> Seen {
        Seen {
            name: name.into(),
            modified: at(modified),
        }
    }

    #[test]
    fn only_settled_json_files_are_taken_in_name_order() {
        let now = at(100);
        let cases: &[(&[Seen], &[&str])] = &[
            (&[], &[]),
            // Settled exactly at the limit.
            (&[seen("a.json", 90)], &["a.json"]),
            // Still being written.
            (&[seen("a.json", 95)], &[]),
            // Sidecars, partial downloads and hidden files wait or are left.
            (
                &[
                    seen("b.json", 0),
                    seen("b.json.type", 0),
                    seen("c.json.part", 0),
                    seen(".d.json", 0),
                    seen("A.JSON", 0),
                ],
                &["A.JSON", "b.json"],
            ),
        ];
        for (files, want) in cases {
            assert_eq!(ready(files, now), *want, "{files:?}");
        }
    }

    #[test]
    fn lists_are_counted_without_their_notes() {
        let names = [
            ("a.json", true),
            ("A.JSON", true),
            ("a.json~instance-1", true),
            ("20261025T060000Z-a.json", true),
            ("20261025T060000Z-a.json.result.json", false),
            ("20261025T060000Z-a.json.problem.txt", false),
            ("a.json.type", false),
            ("a.json.part", false),
            (".a.json", false),
        ];
        for (name, want) in names {
            assert_eq!(is_list(name), want, "{name}");
        }
    }

    #[test]
    fn the_status_counts_each_folder() {
        let dir =
            std::env::temp_dir().join(format!("courtside-inbox-status-{}", std::process::id()));
        let inbox = Inbox::new(&dir);
        assert_eq!(
            inbox.status().unwrap(),
            InboxStatus::default(),
            "no folders yet"
        );
        inbox.prepare().unwrap();
        for (folder, name) in [
            ("", "waiting.json"),
            ("", "waiting.json.type"),
            ("processing", "taken.json~i1"),
            ("failed", "s-bad.json"),
            ("failed", "s-bad.json.problem.txt"),
            ("done", "s-good.json"),
            ("done", "s-good.json.result.json"),
            ("done", "s-other.json"),
        ] {
            fs::write(dir.join(folder).join(name), "{}").unwrap();
        }
        assert_eq!(
            inbox.status().unwrap(),
            InboxStatus {
                waiting: 1,
                processing: 1,
                failed: 1,
                done: 2
            }
        );
        fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn abandoned_after_the_stale_limit() {
        let now = at(10_000);
        let files = [
            seen("x.json~a", 10_000 - STALE_AFTER_SECONDS),
            seen("y.json~b", 10_000 - STALE_AFTER_SECONDS + 1),
        ];
        assert_eq!(abandoned(&files, now), vec!["x.json~a".to_string()]);
    }
}

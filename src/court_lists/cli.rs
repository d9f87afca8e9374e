//! `courtside import`: reads one or more court-list files, imports each in
//! its own transaction, and prints what each did. One refused file does
//! not stop the others.

use std::path::PathBuf;

use sha2::{Digest, Sha256};

use super::apply::{self, ImportSummary, Importer};
use super::{parse_document, ListType, SchemaSet};
use crate::clock::Clock;
use crate::config::Config;
use crate::error::AppResult;

/// What `courtside import` was asked to do.
#[derive(Debug, Clone)]
pub struct ImportArgs {
    /// The list type of every file, or `None` to recognise each.
    pub list_type: Option<ListType>,
    pub files: Vec<PathBuf>,
    /// The court (id or name) standing for any court a list leaves unnamed
    /// or the directory does not know.
    pub court: Option<String>,
    /// A folder of published schemas for the extra check, if any.
    pub schemas: Option<PathBuf>,
}

/// One line for a person: what the import found and did.
pub fn describe(summary: &ImportSummary) -> String {
    let c = &summary.counts;
    let mut line = format!(
        "{} ({}), published {}{}: {} sittings; confirmed {}, moved {}, absent {}, new {}, warned {}, ignored {}",
        summary.list_type,
        summary.list_kind,
        summary.published_at.to_rfc3339(),
        summary
            .version
            .as_deref()
            .map(|v| format!(", version {v}"))
            .unwrap_or_default(),
        c.sittings,
        c.confirmed,
        c.moved,
        c.absent,
        c.new,
        c.warned,
        c.ignored,
    );
    if !summary.unmatched_courts.is_empty() {
        line.push_str(&format!(
            "; courts not in the directory: {}",
            summary.unmatched_courts.join(", ")
        ));
    }
    if summary.tasks_created > 0 {
        line.push_str(&format!("; {} task(s) raised", summary.tasks_created));
    }
    if !summary.unapplied.is_empty() {
        line.push_str(&format!(
            "; {} move(s) not applied (no one responsible for the case)",
            summary.unapplied.len()
        ));
    }
    if summary.duplicate {
        line.push_str(" (already imported: nothing changed)");
    }
    line
}

/// Runs the import; returns how many files were refused.
pub fn run(config: &Config, args: &ImportArgs, clock: &dyn Clock) -> AppResult<usize> {
    let pool = crate::service::prepare_database(config)?;
    crate::seed::reference_data(&pool, clock)?;
    let schemas = SchemaSet::named(args.schemas.clone());
    let importer = Importer::Everyone { user_id: None };
    let rules = crate::rules::Rules::england_and_wales();
    let total = args.files.len();
    let mut refused = 0;
    for (n, file) in args.files.iter().enumerate() {
        println!("[{}/{total}] {}", n + 1, file.display());
        let bytes = match std::fs::read(file) {
            Ok(bytes) => bytes,
            Err(err) => {
                println!("  refused: the file cannot be read ({err})");
                refused += 1;
                continue;
            }
        };
        let digest = hex::encode(Sha256::digest(&bytes));
        let list = match parse_document(&bytes, args.list_type, &schemas) {
            Ok(list) => list,
            Err(err) => {
                println!("  refused: {err}");
                refused += 1;
                continue;
            }
        };
        let mut conn = pool.get()?;
        match apply::import(
            &mut conn,
            &importer,
            &rules,
            clock.now(),
            list,
            args.court.as_deref(),
            &digest,
        ) {
            Ok(summary) => println!("  {}", describe(&summary)),
            Err(err) => {
                println!("  refused: {err}");
                refused += 1;
            }
        }
    }
    println!(
        "{} of {total} list(s) imported, {refused} refused",
        total - refused
    );
    Ok(refused)
}

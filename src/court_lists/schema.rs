//! HMCTS's published JSON Schemas, read at run time from a folder
//! (`COURTSIDE_COURT_LIST_SCHEMAS`, default `../shared/court-lists/schemas`)
//! and compiled once per list type. Without them no list is imported:
//! reading an unchecked document is not an option.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, OnceLock};

use serde_json::Value;

use super::{ListError, ListType, SchemaViolation, MAX_VIOLATIONS};

/// The environment variable naming the schema folder.
pub const SCHEMAS_ENV: &str = "COURTSIDE_COURT_LIST_SCHEMAS";
/// Where the schemas are when nothing says otherwise.
pub const DEFAULT_SCHEMAS_DIR: &str = "../shared/court-lists/schemas";

/// The longest message kept for one violation.
const MAX_MESSAGE: usize = 200;

/// The schemas in one folder, compiled on first use.
pub struct SchemaSet {
    dir: PathBuf,
    compiled: Mutex<HashMap<ListType, Arc<jsonschema::Validator>>>,
}

impl SchemaSet {
    pub fn at(dir: impl Into<PathBuf>) -> SchemaSet {
        SchemaSet {
            dir: dir.into(),
            compiled: Mutex::new(HashMap::new()),
        }
    }

    /// The folder named by `COURTSIDE_COURT_LIST_SCHEMAS`, or the default.
    pub fn from_env() -> SchemaSet {
        SchemaSet::at(configured_dir())
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    fn validator(&self, list_type: ListType) -> Result<Arc<jsonschema::Validator>, ListError> {
        let mut compiled = self
            .compiled
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        if let Some(v) = compiled.get(&list_type) {
            return Ok(v.clone());
        }
        if !self.dir.is_dir() {
            return Err(ListError::SchemasUnavailable(format!(
                "the schema folder {} does not exist",
                self.dir.display()
            )));
        }
        let path = self.dir.join(list_type.schema_file());
        let text = std::fs::read_to_string(&path).map_err(|_| {
            ListError::SchemasUnavailable(format!(
                "the schema for the {} ({}) cannot be read",
                list_type.label(),
                path.display()
            ))
        })?;
        let schema: Value = serde_json::from_str(&text).map_err(|_| {
            ListError::SchemasUnavailable(format!("{} is not valid JSON", path.display()))
        })?;
        let validator = jsonschema::draft202012::options()
            .build(&schema)
            .map_err(|e| {
                ListError::SchemasUnavailable(format!(
                    "{} is not a usable JSON Schema ({})",
                    path.display(),
                    e.masked()
                ))
            })?;
        let validator = Arc::new(validator);
        compiled.insert(list_type, validator.clone());
        Ok(validator)
    }

    /// Checks a document against its list type's schema. The first
    /// [`MAX_VIOLATIONS`] problems are returned with their paths; values
    /// from the document are masked, so no name or address can leak into
    /// an error message or a log.
    pub fn validate(&self, list_type: ListType, doc: &Value) -> Result<(), ListError> {
        let validator = self.validator(list_type)?;
        let mut violations = Vec::new();
        let mut total = 0;
        for error in validator.iter_errors(doc) {
            total += 1;
            if violations.len() < MAX_VIOLATIONS {
                let mut message = error.masked_with("the value").to_string();
                if message.len() > MAX_MESSAGE {
                    let mut cut = MAX_MESSAGE;
                    while !message.is_char_boundary(cut) {
                        cut -= 1;
                    }
                    message.truncate(cut);
                    message.push('…');
                }
                violations.push(SchemaViolation {
                    path: error.instance_path().to_string(),
                    message,
                });
            }
        }
        if total == 0 {
            Ok(())
        } else {
            Err(ListError::Invalid {
                list_type,
                violations,
                total,
            })
        }
    }
}

/// The schema folder the environment names, or the default.
pub fn configured_dir() -> PathBuf {
    std::env::var_os(SCHEMAS_ENV)
        .filter(|v| !v.is_empty())
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(DEFAULT_SCHEMAS_DIR))
}

/// The process-wide set the API uses (the folder is read once, from the
/// environment; a folder that appears later is still found, since nothing
/// is cached until a schema has been compiled).
pub fn shared() -> &'static SchemaSet {
    static SET: OnceLock<SchemaSet> = OnceLock::new();
    SET.get_or_init(SchemaSet::from_env)
}

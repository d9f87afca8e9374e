//! The check every court list passes before it is read: first against
//! Courtside's own description of its published format, carried in the
//! binary ([`super::format`]), so a fresh install needs nothing beside the
//! binary; then, only when `COURTSIDE_COURT_LIST_SCHEMAS` names a folder of
//! HMCTS's published JSON Schemas, against those too, as an extra check.
//! A folder that is named but unusable refuses every import rather than
//! skip the check it was asked for.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, OnceLock};

use serde_json::Value;

use super::format::{self, Format};
use super::{ListError, ListType, SchemaViolation, MAX_VIOLATIONS};

/// The environment variable naming a folder of published schemas for the
/// extra check (unset: the embedded descriptions alone).
pub const SCHEMAS_ENV: &str = "COURTSIDE_COURT_LIST_SCHEMAS";

/// The longest message kept for one violation.
const MAX_MESSAGE: usize = 200;

/// The embedded formats, and the published schemas of one folder when
/// one is named (compiled on first use).
pub struct SchemaSet {
    dir: Option<PathBuf>,
    compiled: Mutex<HashMap<ListType, Arc<jsonschema::Validator>>>,
}

/// The embedded descriptions, read once.
fn formats() -> Result<&'static HashMap<ListType, Format>, ListError> {
    static FORMATS: OnceLock<Result<HashMap<ListType, Format>, String>> = OnceLock::new();
    FORMATS
        .get_or_init(|| {
            ListType::ALL
                .into_iter()
                .map(|t| {
                    format::parse(format::source(t))
                        .map(|f| (t, f))
                        .map_err(|e| {
                            format!(
                                "the built-in description of the {} does not read ({e})",
                                t.label()
                            )
                        })
                })
                .collect()
        })
        .as_ref()
        .map_err(|why| ListError::SchemasUnavailable(why.clone()))
}

impl SchemaSet {
    /// The formats carried in the binary, and nothing else.
    pub fn embedded() -> SchemaSet {
        SchemaSet {
            dir: None,
            compiled: Mutex::new(HashMap::new()),
        }
    }

    /// The embedded formats, and then HMCTS's published schemas in `dir`.
    pub fn at(dir: impl Into<PathBuf>) -> SchemaSet {
        SchemaSet {
            dir: Some(dir.into()),
            compiled: Mutex::new(HashMap::new()),
        }
    }

    /// The folder named by `COURTSIDE_COURT_LIST_SCHEMAS` as an extra
    /// check, or the embedded formats alone when it is unset.
    pub fn from_env() -> SchemaSet {
        SchemaSet::named(configured_dir())
    }

    /// [`SchemaSet::at`] the folder, or [`SchemaSet::embedded`] without one.
    pub fn named(dir: Option<PathBuf>) -> SchemaSet {
        match dir {
            Some(dir) => SchemaSet::at(dir),
            None => SchemaSet::embedded(),
        }
    }

    /// The folder of published schemas, when one was named.
    pub fn dir(&self) -> Option<&Path> {
        self.dir.as_deref()
    }

    fn validator(
        &self,
        dir: &Path,
        list_type: ListType,
    ) -> Result<Arc<jsonschema::Validator>, ListError> {
        let mut compiled = self
            .compiled
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        if let Some(v) = compiled.get(&list_type) {
            return Ok(v.clone());
        }
        if !dir.is_dir() {
            return Err(ListError::SchemasUnavailable(format!(
                "the schema folder {} does not exist",
                dir.display()
            )));
        }
        let path = dir.join(list_type.schema_file());
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

    /// Checks a document against its list type's format, then (when a
    /// folder is named) its published schema. The first [`MAX_VIOLATIONS`]
    /// problems are returned with their paths and places in words; values
    /// from the document are never repeated, so no name or address can
    /// leak into an error message or a log.
    pub fn validate(&self, list_type: ListType, doc: &Value) -> Result<(), ListError> {
        let format = formats()?.get(&list_type).ok_or_else(|| {
            ListError::SchemasUnavailable(format!("no description of the {}", list_type.label()))
        })?;
        let mut found = format::check(format, doc);
        if !found.is_empty() {
            let total = found.len();
            found.truncate(MAX_VIOLATIONS);
            return Err(ListError::Invalid {
                list_type,
                violations: found,
                total,
            });
        }
        let Some(dir) = &self.dir else {
            return Ok(());
        };
        let validator = self.validator(dir, list_type)?;
        let mut violations = Vec::new();
        let mut total = 0;
        for error in validator.iter_errors(doc) {
            total += 1;
            if violations.len() < MAX_VIOLATIONS {
                let path = error.instance_path().to_string();
                let message = match error.kind() {
                    jsonschema::error::ValidationErrorKind::Required { property } => {
                        let name = property.as_str().unwrap_or("a field").to_string();
                        let mut message = format!(
                            "is missing {}, which the published schema requires",
                            format::place(&format!("/{name}"))
                        );
                        if message.len() > MAX_MESSAGE {
                            message = "is missing a field the published schema requires".into();
                        }
                        message
                    }
                    other => readable(other),
                };
                violations.push(SchemaViolation {
                    place: format::place(&path),
                    path,
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

/// The schema folder the environment names, if any.
pub fn configured_dir() -> Option<PathBuf> {
    std::env::var_os(SCHEMAS_ENV)
        .filter(|v| !v.is_empty())
        .map(PathBuf::from)
}

/// The process-wide set the API and the inbox use (the environment is read
/// once).
pub fn shared() -> &'static SchemaSet {
    static SET: OnceLock<SchemaSet> = OnceLock::new();
    SET.get_or_init(SchemaSet::from_env)
}

/// What a published schema expected, in words (never its regular
/// expression or the value found).
fn readable(kind: &jsonschema::error::ValidationErrorKind) -> String {
    use jsonschema::error::ValidationErrorKind as K;
    match kind {
        K::Pattern { .. } => {
            "does not have the form the published schema sets there (for text: no markup)".into()
        }
        K::Type { .. } => "holds the wrong kind of value for the published schema".into(),
        K::Enum { .. } | K::Constant { .. } => {
            "is not one of the values the published schema allows".into()
        }
        K::Format { format } => match format.as_str() {
            "date" => "should be a date written year-month-day, such as 2026-03-14".into(),
            "time" => "should be a time of day, such as 10:00:00".into(),
            "date-time" => "should be a date and time with its offset from UTC".into(),
            _ => "does not have the form the published schema sets there".into(),
        },
        K::MinLength { .. } | K::MaxLength { .. } => "is too short or too long".into(),
        K::MinItems { .. } | K::MaxItems { .. } => "holds too few or too many items".into(),
        K::AdditionalProperties { .. } | K::UnevaluatedProperties { .. } => {
            "holds a field the published schema does not allow there".into()
        }
        _ => "does not follow the published schema there".into(),
    }
}

//! Turns a planned notice (template key, language, allow-listed data) into
//! plain text: a subject line and a body.
//!
//! Every English template is compiled into the binary, so the service can
//! always send something. [`NoticeRenderer::with_directory`] adds templates
//! from disk at start-up (`<dir>/notices/<language>/<template key>.hbs`, and
//! optionally `<dir>/notices/<language>/labels.json`), so another language
//! such as Welsh is added as files, not code. A language that lacks a
//! template falls back to English, and the result says so.
//!
//! Safety properties:
//! - the registry runs in strict mode: a template that names a field the
//!   data does not carry fails instead of printing a gap;
//! - a template sees only its allow-listed keys, whatever the caller passes
//!   (the planner's redaction is applied again here);
//! - every template is checked when it is loaded: it may name only its
//!   allow-listed fields and the helpers registered here, and may not use
//!   partials or decorators;
//! - errors name templates, fields and helpers, never data values.
//!
//! A template renders to `Subject: ...`, a blank line, then the body. Blank
//! lines left by optional sections are tidied: runs of blank lines become
//! one, trailing spaces go, and the body ends with a single newline.
//!
//! Helpers available to templates (all take the language from the template
//! being rendered, and their words from that language's labels):
//! - `date "2026-12-07"` → "Monday 7 December 2026"
//! - `month "2027-03"` → "March 2027"
//! - `time "14:30"` → "2:30pm" (English style: "10am", "midday", "midnight");
//!   `time "01:30 GMT"` → "1:30am (GMT)" (the repeated autumn hour)
//! - `yesno true` → "Yes"
//! - `label "hearing_kind" "plea_and_trial_preparation"` → the plain words
//!   for a coded value (falls back to English, then to the code's words)
//! - `capitalise "trial"` → "Trial"
//!
//! plus the standard `if`, `unless`, `each`, `with`, `eq`, `ne`, `and`, `or`,
//! `not`, `len`, `gt`, `gte`, `lt`, `lte`.

use crate::flows::routing::redaction;
use crate::flows::TemplateKey;
use chrono::{Datelike, NaiveDate, NaiveTime, Timelike};
use handlebars::template::{Parameter, Template, TemplateElement};
use handlebars::{
    Context, Handlebars, Helper, HelperDef, PathSeg, RenderContext, RenderErrorReason, ScopedJson,
};
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// The language every notice can be rendered in.
pub const DEFAULT_LANGUAGE: &str = "en";

/// Embeds `templates/notices/<language>/<key>.hbs` for each key listed.
macro_rules! embedded {
    ($language:literal: $($key:literal),* $(,)?) => {
        &[$((
            $key,
            include_str!(concat!(
                env!("CARGO_MANIFEST_DIR"),
                "/templates/notices/",
                $language,
                "/",
                $key,
                ".hbs"
            )),
        )),*]
    };
}

/// The English templates built into the binary: one per [`TemplateKey`]
/// (a test fails if a key is missing here).
/// Every template key, once: each language embeds the same list.
macro_rules! embedded_in {
    ($language:literal) => {
        embedded![$language:
        "hearing.details.victim",
        "hearing.details.supporter",
        "hearing.change.victim",
        "hearing.change.supporter",
        "hearing.change.agency",
        "hearing.fixed.victim",
        "hearing.fixed.supporter",
        "hearing.outcome.victim",
        "hearing.outcome.supporter",
        "criminal.supporter_in_place",
        "criminal.companion_request",
        "criminal.witness_service_request",
        "criminal.attendance_decision",
        "criminal.attendance_withdrawn",
        "criminal.advisor_notice",
        "criminal.pre_trial_visit_request",
        "criminal.pre_trial_visit_arranged.victim",
        "criminal.pre_trial_visit_arranged.supporter",
        "criminal.pre_trial_visit_cancelled.victim",
        "criminal.pre_trial_visit_cancelled.supporter",
        "routing.contact_changed",
        "family.advance_identification",
        "family.on_the_day_checklist",
        "special_measures.discussion_held",
        "court_needs.update",
        "trial_progress.victim",
        "trial_progress.contact",
        "responsible_adult.preface",
        "cps_meeting.wish",
        "parole.milestone",
        "update.victim",
        "update.supporter",
        "update.direct_contact_made",
        "reminder.hearing.supporter",
        "reminder.visit.supporter",
        "deadline.alert",
        "digest.supporter",
        "escalation.unacknowledged",
        "account.sign_in_failures",
        ]
    };
}

const ENGLISH_TEMPLATES: &[(&str, &str)] = embedded_in!("en");

/// Welsh, the language of courts in Wales.
pub const WELSH: &str = "cy";

/// The bilingual form sent for a court in Wales when the recipient chose no
/// language: the Welsh notice first, then the English one, as HMCTS does.
pub use crate::flows::BILINGUAL;

/// The Welsh templates built into the binary: one per [`TemplateKey`], as
/// for English (a test fails if a key is missing). Strings not yet checked
/// by a Welsh speaker are marked in each file (see docs/translating.md).
const WELSH_TEMPLATES: &[(&str, &str)] = embedded_in!("cy");

/// Marks a translated template that a speaker of its language has not yet
/// checked. Remove the line from a file once it has been checked.
pub const UNCHECKED_MARK: &str = "unchecked by a Welsh speaker";

/// The built-in translations still awaiting a check by a Welsh speaker:
/// `cy/<template key>` for each marked template, and `cy/labels.json`
/// while its `_unchecked` flag is set. docs/translating.md lists them.
pub fn unchecked_translations() -> Vec<String> {
    let mut out: Vec<String> = WELSH_TEMPLATES
        .iter()
        .filter(|(_, source)| source.contains(UNCHECKED_MARK))
        .map(|(key, _)| format!("{WELSH}/{key}"))
        .collect();
    if Labels::parse(WELSH_LABELS).is_ok_and(|l| l.unchecked) {
        out.push(format!("{WELSH}/{LABELS_FILE}"));
    }
    out.sort();
    out
}

/// The Welsh words the helpers use.
const WELSH_LABELS: &str = include_str!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/templates/notices/cy/labels.json"
));

/// The English words the helpers use.
const ENGLISH_LABELS: &str = include_str!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/templates/notices/en/labels.json"
));

const LABELS_FILE: &str = "labels.json";

/// Between the Welsh and the English text of a bilingual notice.
const BILINGUAL_RULE: &str = "----------------------------------------";

/// Helpers a template may call: the standard ones that cannot reach data
/// by a computed name, and ours.
const ALLOWED_HELPERS: &[&str] = &[
    "if",
    "unless",
    "each",
    "with",
    "eq",
    "ne",
    "and",
    "or",
    "not",
    "len",
    "gt",
    "gte",
    "lt",
    "lte",
    "date",
    "month",
    "time",
    "yesno",
    "label",
    "capitalise",
];

/// A notice ready to send.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RenderedNotice {
    pub subject: String,
    /// Plain text, ending with a newline.
    pub body: String,
    /// The language actually used: the one asked for, or English when no
    /// template exists in that language.
    pub language: String,
}

/// Why a notice could not be rendered. Messages name the template, the
/// language, fields and helpers; never a data value.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum RenderError {
    #[error(
        "notice template {} ({language}) needs the data field {}, which is missing",
        .template.as_str(),
        field_text(.field)
    )]
    MissingField {
        template: TemplateKey,
        language: String,
        field: Option<String>,
    },
    #[error(
        "notice template {} ({language}) failed{}: {problem}",
        .template.as_str(),
        line_text(.line)
    )]
    Failed {
        template: TemplateKey,
        language: String,
        line: Option<usize>,
        problem: String,
    },
    #[error("notice template {} ({language}) is malformed: {problem}", .template.as_str())]
    Malformed {
        template: TemplateKey,
        language: String,
        problem: &'static str,
    },
    #[error("no notice template {} in {language} or English", .template.as_str())]
    NotFound {
        template: TemplateKey,
        language: String,
    },
}

fn field_text(field: &Option<String>) -> String {
    field
        .as_ref()
        .map_or_else(|| "(unnamed)".to_owned(), |f| format!("`{f}`"))
}

fn line_text(line: &Option<usize>) -> String {
    line.map_or_else(String::new, |l| format!(" at line {l}"))
}

/// Why templates could not be loaded at start-up.
#[derive(Debug, thiserror::Error)]
pub enum TemplateLoadError {
    #[error("cannot read {}: {source}", .path.display())]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("{}: the directory name is not a language tag (e.g. `cy`)", .path.display())]
    BadLanguage { path: PathBuf },
    #[error("{}: there is no notice template called `{key}`", .path.display())]
    UnknownTemplate { path: PathBuf, key: String },
    #[error("{}: {problem}", .path.display())]
    Invalid { path: PathBuf, problem: String },
    #[error("{}: the labels are not valid: {source}", .path.display())]
    Labels {
        path: PathBuf,
        #[source]
        source: serde_json::Error,
    },
}

/// Renders notices from the embedded English templates and any templates
/// loaded from a directory. Cheap to share: wrap it in an `Arc`.
pub struct NoticeRenderer {
    registry: Handlebars<'static>,
    languages: BTreeSet<String>,
}

impl std::fmt::Debug for NoticeRenderer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("NoticeRenderer")
            .field("languages", &self.languages)
            .field("templates", &self.registry.get_templates().len())
            .finish()
    }
}

impl Default for NoticeRenderer {
    fn default() -> Self {
        Self::new()
    }
}

impl NoticeRenderer {
    /// The embedded English and Welsh templates only.
    pub fn new() -> Self {
        let set = TemplateSet::embedded().expect("the embedded templates are valid");
        Self::build(set)
    }

    /// The embedded English and Welsh templates, plus every
    /// `<dir>/notices/<language>/<template key>.hbs` and
    /// `<dir>/notices/<language>/labels.json`. A file for English or Welsh
    /// replaces the embedded one. Anything wrong (an unknown template name, a field
    /// off the allow-list, a syntax error) stops start-up with the file's
    /// path.
    pub fn with_directory(dir: impl AsRef<Path>) -> Result<Self, TemplateLoadError> {
        let mut set = TemplateSet::embedded()?;
        set.add_directory(&dir.as_ref().join("notices"))?;
        Ok(Self::build(set))
    }

    fn build(set: TemplateSet) -> Self {
        let mut registry = Handlebars::new();
        registry.set_strict_mode(true);
        registry.register_escape_fn(handlebars::no_escape);
        let labels = Arc::new(set.labels);
        for kind in [
            HelperKind::Date,
            HelperKind::Month,
            HelperKind::Time,
            HelperKind::YesNo,
            HelperKind::Label,
            HelperKind::Capitalise,
        ] {
            let helper = NoticeHelper {
                kind,
                labels: labels.clone(),
            };
            registry.register_helper(kind.name(), Box::new(helper));
        }
        let mut languages = BTreeSet::new();
        for ((language, key), template) in set.templates {
            registry.register_template(&registry_name(&language, key), template);
            languages.insert(language);
        }
        Self {
            registry,
            languages,
        }
    }

    /// The languages with at least one template.
    pub fn languages(&self) -> impl Iterator<Item = &str> {
        self.languages.iter().map(String::as_str)
    }

    /// Whether `template` exists in exactly this language (no fallback).
    pub fn has_template(&self, template: TemplateKey, language: &str) -> bool {
        self.registry
            .has_template(&registry_name(&normalise_language(language), template))
    }

    /// The language a notice in `language` would be rendered in.
    pub fn language_for(&self, template: TemplateKey, language: &str) -> String {
        let wanted = normalise_language(language);
        if wanted == BILINGUAL {
            let welsh = self.registry.has_template(&registry_name(WELSH, template));
            return if welsh { BILINGUAL } else { DEFAULT_LANGUAGE }.to_owned();
        }
        let primary = wanted.split('-').next().unwrap_or_default().to_owned();
        [wanted, primary]
            .into_iter()
            .find(|l| self.registry.has_template(&registry_name(l, template)))
            .unwrap_or_else(|| DEFAULT_LANGUAGE.to_owned())
    }

    /// Renders `template` in `language` (or English, if that language has
    /// no such template) with `data`. Keys off the template's allow-list
    /// are ignored.
    ///
    /// [`BILINGUAL`] renders the Welsh notice, then the English one: the
    /// subject reads "Welsh / English" and the body gives the Welsh text, a
    /// rule, then the English text. Without a Welsh template it is English.
    pub fn render(
        &self,
        template: TemplateKey,
        language: &str,
        data: &Map<String, Value>,
    ) -> Result<RenderedNotice, RenderError> {
        if normalise_language(language) == BILINGUAL {
            let welsh = self.render_one(template, WELSH, data)?;
            let english = self.render_one(template, DEFAULT_LANGUAGE, data)?;
            if welsh.language != WELSH {
                return Ok(english);
            }
            return Ok(RenderedNotice {
                subject: format!("{} / {}", welsh.subject, english.subject),
                body: format!("{}\n{BILINGUAL_RULE}\n\n{}", welsh.body, english.body),
                language: BILINGUAL.to_owned(),
            });
        }
        self.render_one(template, language, data)
    }

    fn render_one(
        &self,
        template: TemplateKey,
        language: &str,
        data: &Map<String, Value>,
    ) -> Result<RenderedNotice, RenderError> {
        let used = self.language_for(template, language);
        let name = registry_name(&used, template);
        if !self.registry.has_template(&name) {
            return Err(RenderError::NotFound {
                template,
                language: used,
            });
        }
        let visible = redaction::notice_data(
            template,
            data.iter()
                .map(|(key, value)| (key.as_str(), value.clone())),
        );
        let text = self
            .registry
            .render(&name, &visible)
            .map_err(|e| describe(&e, template, &used))?;
        let malformed = |problem| RenderError::Malformed {
            template,
            language: used.clone(),
            problem,
        };
        let (first, rest) = text.split_once('\n').unwrap_or((text.as_str(), ""));
        let subject = first
            .strip_prefix("Subject:")
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .ok_or_else(|| malformed("the first line must be `Subject: ...`"))?;
        let (gap, body) = rest.split_once('\n').unwrap_or((rest, ""));
        if !gap.trim().is_empty() {
            return Err(malformed(
                "the subject line must be followed by a blank line",
            ));
        }
        let body = tidy(body);
        if body.is_empty() {
            return Err(malformed("the body is empty"));
        }
        Ok(RenderedNotice {
            subject: subject.to_owned(),
            body,
            language: used,
        })
    }
}

fn registry_name(language: &str, template: TemplateKey) -> String {
    format!("{language}/{}", template.as_str())
}

fn normalise_language(language: &str) -> String {
    language.trim().to_ascii_lowercase().replace('_', "-")
}

fn is_language_tag(name: &str) -> bool {
    let mut parts = name.split('-');
    let primary = parts.next().unwrap_or_default();
    (2..=3).contains(&primary.len())
        && primary.bytes().all(|b| b.is_ascii_lowercase())
        && parts.all(|p| (1..=8).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_alphanumeric()))
}

/// Drops trailing spaces, leading and trailing blank lines, and collapses
/// runs of blank lines; the result ends with one newline (or is empty).
fn tidy(body: &str) -> String {
    let mut out = String::new();
    let mut gap = false;
    for line in body.lines().map(str::trim_end) {
        if line.is_empty() {
            gap = !out.is_empty();
            continue;
        }
        if gap {
            out.push('\n');
            gap = false;
        }
        out.push_str(line);
        out.push('\n');
    }
    out
}

/// A render failure in words that carry no data values.
fn describe(e: &handlebars::RenderError, template: TemplateKey, language: &str) -> RenderError {
    let failed = |problem: String| RenderError::Failed {
        template,
        language: language.to_owned(),
        line: e.line_no,
        problem,
    };
    match e.reason() {
        RenderErrorReason::MissingVariable(field) => RenderError::MissingField {
            template,
            language: language.to_owned(),
            field: field.clone(),
        },
        RenderErrorReason::ParamNotFoundForIndex(helper, index) => failed(format!(
            "helper `{helper}` got no value for argument {} (is a data field missing?)",
            index + 1
        )),
        RenderErrorReason::HelperNotFound(helper) => failed(format!("unknown helper `{helper}`")),
        RenderErrorReason::TemplateNotFound(name) | RenderErrorReason::PartialNotFound(name) => {
            failed(format!("template `{name}` not found"))
        }
        RenderErrorReason::InvalidParamType(expected) => failed(format!(
            "a helper argument has the wrong type ({expected} expected)"
        )),
        RenderErrorReason::NestedError(inner) => match inner.downcast_ref::<HelperFailure>() {
            Some(failure) => failed(failure.to_string()),
            None => failed("the template could not be rendered".into()),
        },
        _ => failed("the template could not be rendered".into()),
    }
}

// ---------------------------------------------------------------------------
// Loading

/// Templates and labels gathered before the registry is built.
struct TemplateSet {
    templates: BTreeMap<(String, TemplateKey), Template>,
    labels: LabelBook,
}

impl TemplateSet {
    /// The templates and labels built into the binary: English and Welsh.
    fn embedded() -> Result<Self, TemplateLoadError> {
        let mut set = Self {
            templates: BTreeMap::new(),
            labels: LabelBook::default(),
        };
        for (language, templates, labels) in [
            (DEFAULT_LANGUAGE, ENGLISH_TEMPLATES, ENGLISH_LABELS),
            (WELSH, WELSH_TEMPLATES, WELSH_LABELS),
        ] {
            for (key, source) in templates {
                let path = PathBuf::from(key_path_in(language, key));
                let template_key =
                    template_key(key).ok_or_else(|| TemplateLoadError::UnknownTemplate {
                        path: path.clone(),
                        key: (*key).to_owned(),
                    })?;
                set.add_template(&path, language, template_key, source)?;
            }
            let parsed = Labels::parse(labels).map_err(|source| TemplateLoadError::Labels {
                path: PathBuf::from("templates/notices")
                    .join(language)
                    .join(LABELS_FILE),
                source,
            })?;
            set.labels.insert(language, parsed);
        }
        Ok(set)
    }

    /// Loads `<notices>/<language>/*.hbs` and `labels.json`.
    fn add_directory(&mut self, notices: &Path) -> Result<(), TemplateLoadError> {
        for language_dir in sorted_entries(notices)? {
            if !language_dir.is_dir() || is_hidden(&language_dir) {
                continue;
            }
            let name = file_name(&language_dir);
            if !is_language_tag(&name) {
                return Err(TemplateLoadError::BadLanguage { path: language_dir });
            }
            for file in sorted_entries(&language_dir)? {
                if !file.is_file() || is_hidden(&file) {
                    continue;
                }
                let file_name = file_name(&file);
                if file_name == LABELS_FILE {
                    let labels = Labels::parse(&read(&file)?).map_err(|source| {
                        TemplateLoadError::Labels {
                            path: file.clone(),
                            source,
                        }
                    })?;
                    self.labels.insert(&name, labels);
                } else if let Some(stem) = file_name.strip_suffix(".hbs") {
                    let key =
                        template_key(stem).ok_or_else(|| TemplateLoadError::UnknownTemplate {
                            path: file.clone(),
                            key: stem.to_owned(),
                        })?;
                    let source = read(&file)?;
                    self.add_template(&file, &name, key, &source)?;
                }
            }
        }
        Ok(())
    }

    fn add_template(
        &mut self,
        path: &Path,
        language: &str,
        key: TemplateKey,
        source: &str,
    ) -> Result<(), TemplateLoadError> {
        let invalid = |problem: String| TemplateLoadError::Invalid {
            path: path.to_owned(),
            problem,
        };
        let template = Template::compile_with_name(source, registry_name(language, key))
            .map_err(|e| invalid(format!("not a valid template: {e}")))?;
        check_template(&template, key).map_err(invalid)?;
        self.templates.insert((language.to_owned(), key), template);
        Ok(())
    }
}

#[cfg(test)]
fn key_path(key: &str) -> String {
    key_path_in(DEFAULT_LANGUAGE, key)
}

fn key_path_in(language: &str, key: &str) -> String {
    format!("templates/notices/{language}/{key}.hbs")
}

fn template_key(name: &str) -> Option<TemplateKey> {
    TemplateKey::ALL
        .iter()
        .copied()
        .find(|k| k.as_str() == name)
}

fn sorted_entries(dir: &Path) -> Result<Vec<PathBuf>, TemplateLoadError> {
    let io = |source| TemplateLoadError::Io {
        path: dir.to_owned(),
        source,
    };
    let mut entries = std::fs::read_dir(dir)
        .map_err(io)?
        .map(|entry| entry.map(|e| e.path()))
        .collect::<Result<Vec<_>, _>>()
        .map_err(io)?;
    entries.sort();
    Ok(entries)
}

fn read(path: &Path) -> Result<String, TemplateLoadError> {
    std::fs::read_to_string(path).map_err(|source| TemplateLoadError::Io {
        path: path.to_owned(),
        source,
    })
}

fn file_name(path: &Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default()
}

fn is_hidden(path: &Path) -> bool {
    file_name(path).starts_with('.')
}

/// What a template refers to.
#[derive(Default)]
struct References {
    fields: BTreeSet<String>,
    helpers: BTreeSet<String>,
    unsupported: BTreeSet<&'static str>,
}

/// A template may name only its allow-listed fields and the allowed
/// helpers, and may not use partials or decorators.
fn check_template(template: &Template, key: TemplateKey) -> Result<(), String> {
    let refs = references(template);
    let allowed = key.allow_list();
    let mut problems = Vec::new();
    let fields: Vec<_> = refs
        .fields
        .iter()
        .filter(|f| {
            !allowed.contains(&f.as_str()) || redaction::FORBIDDEN_KEYS.contains(&f.as_str())
        })
        .map(|f| format!("`{f}`"))
        .collect();
    if !fields.is_empty() {
        problems.push(format!(
            "uses data fields not allowed for {}: {}",
            key.as_str(),
            fields.join(", ")
        ));
    }
    let helpers: Vec<_> = refs
        .helpers
        .iter()
        .filter(|h| !ALLOWED_HELPERS.contains(&h.as_str()))
        .map(|h| format!("`{h}`"))
        .collect();
    if !helpers.is_empty() {
        problems.push(format!("uses unknown helpers: {}", helpers.join(", ")));
    }
    if !refs.unsupported.is_empty() {
        let what: Vec<_> = refs.unsupported.into_iter().collect();
        problems.push(format!(
            "uses {}, which notices do not support",
            what.join(" and ")
        ));
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(problems.join("; "))
    }
}

fn references(template: &Template) -> References {
    let mut refs = References::default();
    walk_elements(&template.elements, &mut refs);
    refs
}

fn walk_elements(elements: &[TemplateElement], refs: &mut References) {
    for element in elements {
        walk_element(element, refs);
    }
}

fn walk_element(element: &TemplateElement, refs: &mut References) {
    match element {
        TemplateElement::Expression(ht)
        | TemplateElement::HtmlExpression(ht)
        | TemplateElement::HelperBlock(ht) => {
            match &ht.name {
                Parameter::Name(helper) => {
                    refs.helpers.insert(helper.clone());
                }
                other => walk_parameter(other, refs),
            }
            for p in ht.params.iter().chain(ht.hash.values()) {
                walk_parameter(p, refs);
            }
            for t in ht.template.iter().chain(ht.inverse.iter()) {
                walk_elements(&t.elements, refs);
            }
        }
        TemplateElement::DecoratorExpression(_) | TemplateElement::DecoratorBlock(_) => {
            refs.unsupported.insert("decorators");
        }
        TemplateElement::PartialExpression(_) | TemplateElement::PartialBlock(_) => {
            refs.unsupported.insert("partials");
        }
        _ => {}
    }
}

fn walk_parameter(parameter: &Parameter, refs: &mut References) {
    match parameter {
        Parameter::Path(handlebars::Path::Relative((segments, raw))) => {
            let own_context = raw == "this"
                || raw.starts_with("this.")
                || raw.starts_with("this/")
                || raw.starts_with("./");
            if own_context {
                return;
            }
            if let Some(PathSeg::Named(field)) =
                segments.iter().find(|s| matches!(s, PathSeg::Named(_)))
            {
                refs.fields.insert(field.clone());
            }
        }
        Parameter::Subexpression(sub) => walk_element(sub.as_element(), refs),
        Parameter::Name(helper) => {
            refs.helpers.insert(helper.clone());
        }
        _ => {}
    }
}

// ---------------------------------------------------------------------------
// Labels and helpers

/// One language's words for the helpers. Anything missing falls back to
/// English.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct Labels {
    #[serde(default, rename = "_comment")]
    _comment: Option<String>,
    /// Set while a translation awaits a check by a speaker of the language.
    #[serde(default, rename = "_unchecked")]
    unchecked: bool,
    #[serde(default)]
    weekdays: Option<[String; 7]>,
    #[serde(default)]
    months: Option<[String; 12]>,
    #[serde(default)]
    clock: Option<Clock>,
    #[serde(default)]
    yes: Option<String>,
    #[serde(default)]
    no: Option<String>,
    /// Coded value group (e.g. `hearing_kind`) → code → words.
    #[serde(default)]
    values: BTreeMap<String, BTreeMap<String, String>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Clock {
    /// 12 ("2:30pm") or 24 ("14:30").
    hours: u8,
    #[serde(default)]
    am: String,
    #[serde(default)]
    pm: String,
    /// Said instead of 12:00 on a 12-hour clock.
    #[serde(default)]
    midday: Option<String>,
    /// Said instead of 00:00 on a 12-hour clock.
    #[serde(default)]
    midnight: Option<String>,
    /// Minutes on every time, on the hour too: Welsh "10:00yb", where
    /// English says "10am".
    #[serde(default)]
    always_minutes: bool,
}

impl Labels {
    fn parse(json: &str) -> Result<Self, serde_json::Error> {
        let labels: Labels = serde_json::from_str(json)?;
        if let Some(clock) = &labels.clock {
            if clock.hours != 12 && clock.hours != 24 {
                return Err(serde::de::Error::custom("clock.hours must be 12 or 24"));
            }
        }
        Ok(labels)
    }
}

#[derive(Debug, Default)]
struct LabelBook {
    by_language: BTreeMap<String, Labels>,
}

impl LabelBook {
    fn insert(&mut self, language: &str, labels: Labels) {
        self.by_language.insert(language.to_owned(), labels);
    }

    /// The first answer from the language, its primary subtag, or English.
    fn pick<'a, T>(&'a self, language: &str, get: impl Fn(&'a Labels) -> Option<T>) -> Option<T> {
        let primary = language.split('-').next().unwrap_or_default();
        [language, primary, DEFAULT_LANGUAGE]
            .into_iter()
            .filter_map(|l| self.by_language.get(l))
            .find_map(get)
    }
}

/// A helper could not use its argument. Carries the field's name, never
/// its value.
#[derive(Debug, thiserror::Error)]
#[error("helper `{helper}` could not use {}: {expected} expected", field_text(.field))]
struct HelperFailure {
    helper: &'static str,
    field: Option<String>,
    expected: &'static str,
}

#[derive(Debug, Clone, Copy)]
enum HelperKind {
    Date,
    Month,
    Time,
    YesNo,
    Label,
    Capitalise,
}

impl HelperKind {
    fn name(self) -> &'static str {
        match self {
            Self::Date => "date",
            Self::Month => "month",
            Self::Time => "time",
            Self::YesNo => "yesno",
            Self::Label => "label",
            Self::Capitalise => "capitalise",
        }
    }
}

struct NoticeHelper {
    kind: HelperKind,
    labels: Arc<LabelBook>,
}

/// The language of the template being rendered (`<language>/<key>`).
fn current_language(rc: &RenderContext<'_, '_>) -> String {
    rc.get_root_template_name()
        .and_then(|name| name.split_once('/'))
        .map_or_else(|| DEFAULT_LANGUAGE.to_owned(), |(l, _)| l.to_owned())
}

impl NoticeHelper {
    fn fail(
        &self,
        param: &handlebars::PathAndJson<'_>,
        expected: &'static str,
    ) -> handlebars::RenderError {
        RenderErrorReason::NestedError(Box::new(HelperFailure {
            helper: self.kind.name(),
            field: param.relative_path().cloned(),
            expected,
        }))
        .into()
    }

    fn text(&self, language: &str, h: &Helper<'_>) -> Result<String, handlebars::RenderError> {
        let arg = |index: usize| -> Result<&handlebars::PathAndJson<'_>, handlebars::RenderError> {
            let param = h
                .param(index)
                .ok_or(RenderErrorReason::ParamNotFoundForIndex(
                    self.kind.name(),
                    index,
                ))?;
            if param.is_value_missing() {
                return Err(
                    RenderErrorReason::MissingVariable(param.relative_path().cloned()).into(),
                );
            }
            Ok(param)
        };
        let string = |index: usize, expected: &'static str| {
            let param = arg(index)?;
            param
                .value()
                .as_str()
                .map(str::to_owned)
                .ok_or_else(|| self.fail(param, expected))
        };
        let missing_words = |param: &handlebars::PathAndJson<'_>| {
            self.fail(param, "labels with day and month names")
        };
        let labels = &self.labels;
        match self.kind {
            HelperKind::Date => {
                const EXPECTED: &str = "a date written as YYYY-MM-DD";
                let param = arg(0)?;
                let date = param
                    .value()
                    .as_str()
                    .and_then(|s| NaiveDate::parse_from_str(s, "%Y-%m-%d").ok())
                    .ok_or_else(|| self.fail(param, EXPECTED))?;
                let weekday = labels
                    .pick(language, |l| l.weekdays.as_ref())
                    .map(|w| &w[date.weekday().num_days_from_monday() as usize])
                    .ok_or_else(|| missing_words(param))?;
                let month = labels
                    .pick(language, |l| l.months.as_ref())
                    .map(|m| &m[date.month0() as usize])
                    .ok_or_else(|| missing_words(param))?;
                Ok(format!("{weekday} {} {month} {}", date.day(), date.year()))
            }
            HelperKind::Month => {
                let param = arg(0)?;
                let date = param
                    .value()
                    .as_str()
                    .and_then(|s| NaiveDate::parse_from_str(&format!("{s}-01"), "%Y-%m-%d").ok())
                    .ok_or_else(|| self.fail(param, "a month written as YYYY-MM"))?;
                let month = labels
                    .pick(language, |l| l.months.as_ref())
                    .map(|m| &m[date.month0() as usize])
                    .ok_or_else(|| missing_words(param))?;
                Ok(format!("{month} {}", date.year()))
            }
            HelperKind::Time => {
                let param = arg(0)?;
                let (time, zone) = param
                    .value()
                    .as_str()
                    .and_then(crate::calendar::parse_time_value)
                    .ok_or_else(|| self.fail(param, "a time written as HH:MM"))?;
                let clock = labels
                    .pick(language, |l| l.clock.as_ref())
                    .ok_or_else(|| self.fail(param, "labels with a clock"))?;
                // The repeated autumn hour names its zone, as
                // `calendar::format_time` does.
                Ok(match zone {
                    Some(zone) => format!("{} ({zone})", clock_time(clock, time)),
                    None => clock_time(clock, time),
                })
            }
            HelperKind::YesNo => {
                let param = arg(0)?;
                let yes = param
                    .value()
                    .as_bool()
                    .ok_or_else(|| self.fail(param, "true or false"))?;
                let word = if yes {
                    labels.pick(language, |l| l.yes.as_ref())
                } else {
                    labels.pick(language, |l| l.no.as_ref())
                };
                word.cloned()
                    .ok_or_else(|| self.fail(param, "labels with yes and no"))
            }
            HelperKind::Label => {
                let group = string(0, "a label group name")?;
                let code = string(1, "a coded value")?;
                Ok(labels
                    .pick(language, |l| {
                        l.values.get(&group).and_then(|g| g.get(&code))
                    })
                    .cloned()
                    .unwrap_or_else(|| code.replace('_', " ")))
            }
            HelperKind::Capitalise => {
                let text = string(0, "text")?;
                let mut chars = text.chars();
                Ok(chars
                    .next()
                    .map(|first| first.to_uppercase().chain(chars).collect())
                    .unwrap_or_default())
            }
        }
    }
}

impl HelperDef for NoticeHelper {
    fn call_inner<'reg: 'rc, 'rc>(
        &self,
        h: &Helper<'rc>,
        _: &'reg Handlebars<'reg>,
        _: &'rc Context,
        rc: &mut RenderContext<'reg, 'rc>,
    ) -> Result<ScopedJson<'rc>, handlebars::RenderError> {
        let language = current_language(rc);
        self.text(&language, h)
            .map(|text| ScopedJson::Derived(Value::String(text)))
    }
}

/// "10am", "2:30pm", "midday", "midnight" on a 12-hour clock; "14:30" on
/// a 24-hour one.
fn clock_time(clock: &Clock, time: NaiveTime) -> String {
    let (hour, minute) = (time.hour(), time.minute());
    if clock.hours == 24 {
        return format!("{hour:02}:{minute:02}");
    }
    match (hour, minute, &clock.midday, &clock.midnight) {
        (12, 0, Some(midday), _) => return midday.clone(),
        (0, 0, _, Some(midnight)) => return midnight.clone(),
        _ => {}
    }
    let suffix = if hour < 12 { &clock.am } else { &clock.pm };
    let hour12 = match hour % 12 {
        0 => 12,
        h => h,
    };
    if minute == 0 && !clock.always_minutes {
        format!("{hour12}{suffix}")
    } else {
        format!("{hour12}:{minute:02}{suffix}")
    }
}

/// The built-in labels (English and Welsh), for words outside notices.
static BUILT_IN_LABELS: std::sync::LazyLock<LabelBook> = std::sync::LazyLock::new(|| {
    let mut book = LabelBook::default();
    for (language, json) in [(DEFAULT_LANGUAGE, ENGLISH_LABELS), (WELSH, WELSH_LABELS)] {
        // The built-in files are checked by the tests; a broken one leaves
        // that language to fall back to English.
        if let Ok(labels) = Labels::parse(json) {
            book.insert(language, labels);
        }
    }
    book
});

/// A date in a language's words, from the built-in labels the notices use
/// (`templates/notices/<language>/labels.json`): "dydd Llun 2 Tachwedd
/// 2026". The pages use this for Welsh, so the day and month names live in
/// one table.
pub fn date_words(language: &str, date: NaiveDate) -> String {
    let book = &*BUILT_IN_LABELS;
    let weekday = book
        .pick(language, |l| l.weekdays.as_ref())
        .map(|w| w[date.weekday().num_days_from_monday() as usize].clone())
        .unwrap_or_else(|| date.format("%A").to_string());
    let month = book
        .pick(language, |l| l.months.as_ref())
        .map(|m| m[date.month0() as usize].clone())
        .unwrap_or_else(|| date.format("%B").to_string());
    format!("{weekday} {} {month} {}", date.day(), date.year())
}

/// A time of day on a language's clock, from the same labels: "10:00yb",
/// "2:30yh", "hanner dydd" in Welsh.
pub fn clock_words(language: &str, time: NaiveTime) -> String {
    match BUILT_IN_LABELS.pick(language, |l| l.clock.as_ref()) {
        Some(clock) => clock_time(clock, time),
        None => time.format("%H:%M").to_string(),
    }
}

/// A coded value's words in a language, from the same labels (group
/// `court` gives a court's name in Welsh: "Llys y Goron Caerdydd"); None
/// where the table has none.
pub fn value_words(language: &str, group: &str, code: &str) -> Option<String> {
    BUILT_IN_LABELS
        .by_language
        .get(language)
        .and_then(|l| l.values.get(group))
        .and_then(|g| g.get(code))
        .cloned()
}

#[cfg(test)]
mod tests {

    /// A subject is what shows on a locked phone or over a shoulder: those
    /// of messages to a victim, her chosen contacts and her supporters say
    /// nothing of courts, trials or crime, in either language (the detail
    /// is in the body).
    #[test]
    fn subjects_to_victims_and_supporters_say_nothing_of_courts_or_crime() {
        const WORDS: [&str; 16] = [
            "court",
            "trial",
            "hearing",
            "crime",
            "offence",
            "police",
            "parole",
            "defendant",
            "llys",
            "treial",
            "gwrandawiad",
            "trosedd",
            "heddlu",
            "parôl",
            "diffynnydd",
            "cps",
        ];
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("templates/notices");
        let mut checked = 0;
        for lang in ["en", "cy"] {
            for entry in std::fs::read_dir(root.join(lang)).unwrap() {
                let path = entry.unwrap().path();
                let name = path.file_name().unwrap().to_string_lossy().into_owned();
                let personal = name.ends_with(".supporter.hbs")
                    || name.ends_with(".victim.hbs")
                    || name.starts_with("trial_progress.")
                    || name.starts_with("deadline.alert")
                    || name.starts_with("responsible_adult.");
                if !personal {
                    continue;
                }
                let text = std::fs::read_to_string(&path).unwrap();
                let Some(subject) = text.lines().next().and_then(|l| l.strip_prefix("Subject:"))
                else {
                    continue;
                };
                // The words a reader sees: the template's own text, not the
                // names of the values and helpers inside {{ }}.
                let mut shown = String::new();
                let mut depth = 0;
                let mut chars = subject.chars().peekable();
                while let Some(c) = chars.next() {
                    match (c, chars.peek()) {
                        ('{', Some('{')) => {
                            depth += 1;
                            chars.next();
                        }
                        ('}', Some('}')) => {
                            depth -= 1;
                            chars.next();
                        }
                        _ if depth == 0 => shown.push(c),
                        _ => {}
                    }
                }
                let lower = shown.to_lowercase();
                for w in WORDS {
                    assert!(
                        !lower.contains(w),
                        "{lang}/{name}: the subject says {w:?}: {subject}"
                    );
                }
                checked += 1;
            }
        }
        assert!(checked >= 30, "only {checked} subjects checked");
    }
    use super::*;
    use crate::calendar::BankHolidays;
    use crate::domain::{
        AttendanceState, CaseKind, CourtKind, DiscussionSetting, HearingKind, HearingStatus,
        ParoleDecision, ParoleHearingFormat, SpecialMeasure, SupporterRole,
    };
    use crate::flows::{
        plan, AttendanceAction, AttendanceRequestFacts, CaseFacts, CourtFacts, Event, EventKind,
        FlowContext, HearingFacts, HearingOutcome, LicenceCondition, Organisation, ParoleMilestone,
        Plan, Recipient, RecipientKind, SupporterFacts, UpdateTopic, VictimFacts,
    };
    use crate::rules::{Actor, RulesTable};

    use serde_json::json;

    // -- Fixtures: fictional people and places, run through the real planner
    // so every data map has the shapes the planner really produces.

    /// Monday 2 November 2026, 09:00 GMT.
    const NOW: &str = "2026-11-02T09:00:00Z";
    /// Monday 7 December 2026, 10:30 GMT.
    const TRIAL: &str = "2026-12-07T10:30:00Z";
    const CROWN: &str = "Bradford Crown Court";

    use crate::flows::testkit::{d, t, to_family};

    fn supporter() -> SupporterFacts {
        SupporterFacts {
            user_id: "U-PS".into(),
            name: "Priya Shah".into(),
            role: SupporterRole::Idva,
            organisation: Some(Organisation {
                name: "Harbour Lane Advocacy".into(),
                address: "Unit 4, Canal Wharf, Bradford BD1 9ZZ".into(),
                contact: "court-support@harbour-lane.example.org".into(),
            }),
            spoc_agreed_on: None,
            present_at_statement_taking: false,
            language: None,
        }
    }

    fn hearing(start: &str) -> HearingFacts {
        HearingFacts {
            id: "H-1".into(),
            start: t(start),
            court: CourtFacts {
                name: CROWN.into(),
                kind: CourtKind::Crown,
                in_wales: false,
            },
            kind: HearingKind::Trial,
            status: HearingStatus::Listed,
            victim_gives_evidence: true,
            warned_until: None,
        }
    }

    /// A criminal case with a trial listed, a supporter, every consent
    /// given and the wish to be accompanied recorded: the flow tests'
    /// case, with these people and places.
    fn criminal() -> FlowContext {
        let mut ctx = crate::flows::testkit::criminal();
        ctx.victim = VictimFacts {
            id: "V-1".into(),
            reference: "VR-2041".into(),
            enhanced_rights: true,
            preferred_language: "en".into(),
            is_child: false,
            name: Some("Jordan Ellis".into()),
        };
        ctx.case = CaseFacts {
            id: "C-1".into(),
            kind: CaseKind::Criminal,
            reference: "13NE0456726".into(),
            wcu_org_id: Some("WCU-WY".into()),
            court: hearing(TRIAL).court,
            offence_group: None,
        };
        ctx.hearing = Some(hearing(TRIAL));
        ctx.supporter = Some(supporter());
        for consent in &mut ctx.consents {
            consent.given_at = t("2026-09-14T11:00:00Z");
            consent.recorded_by = Some("U-PS".into());
        }
        ctx
    }

    fn family() -> FlowContext {
        to_family(
            criminal(),
            "Bradford Family Court",
            ("C-2", "BD26P00731"),
            HearingKind::FactFinding,
        )
    }

    fn spoc(mut ctx: FlowContext) -> FlowContext {
        if let Some(s) = ctx.supporter.as_mut() {
            s.spoc_agreed_on = Some(d("2026-09-14"));
        }
        ctx
    }

    fn with_request(mut ctx: FlowContext, state: AttendanceState) -> FlowContext {
        ctx.attendance_request = Some(AttendanceRequestFacts {
            id: "R-1".into(),
            hearing_id: Some("H-1".into()),
            state,
        });
        ctx
    }

    fn run(ctx: &FlowContext, kind: EventKind) -> Plan {
        let event = Event {
            id: "E-1".into(),
            at: t(NOW),
            kind,
        };
        let rules = RulesTable::default_table()
            .in_force(d("2026-06-01"))
            .clone();
        plan(
            &event,
            ctx,
            &rules,
            &BankHolidays::england_and_wales(),
            t(NOW),
        )
    }

    /// [`run`], then the supporter's reminders, as `planning::react` does.
    fn run_with_reminders(ctx: &FlowContext, kind: EventKind) -> Plan {
        let event = Event {
            id: "E-1".into(),
            at: t(NOW),
            kind,
        };
        let rules = RulesTable::default_table()
            .in_force(d("2026-06-01"))
            .clone();
        let holidays = BankHolidays::england_and_wales();
        let mut planned = plan(&event, ctx, &rules, &holidays, t(NOW));
        crate::reminders::add_to_plan(&event, ctx, &rules, &holidays, t(NOW), &mut planned);
        planned
    }

    /// The data of the reminder planned by the rule named `rule`.
    fn reminder_data(plan: &Plan, rule: &str) -> Map<String, Value> {
        plan.notices
            .iter()
            .find(|n| n.step.starts_with("reminder.") && n.step.ends_with(&format!(".{rule}")))
            .unwrap_or_else(|| panic!("no {rule} reminder planned"))
            .data
            .clone()
    }

    /// The data of the notice planned with `template` (to `to`, where
    /// several recipients get the same template).
    fn data_of(
        plan: &Plan,
        template: TemplateKey,
        to: Option<RecipientKind>,
    ) -> Map<String, Value> {
        plan.notices
            .iter()
            .find(|n| n.template == template && to.is_none_or(|k| n.recipient.kind() == k))
            .unwrap_or_else(|| {
                panic!(
                    "no {} notice planned; warnings: {:?}",
                    template.as_str(),
                    plan.warnings
                )
            })
            .data
            .clone()
    }

    struct Sample {
        /// The golden file's name: the key, or `<key>~<variant>`.
        name: String,
        template: TemplateKey,
        data: Map<String, Value>,
    }

    /// An interpreter (Polish) and a separate waiting room.
    fn needs_at_court() -> Vec<crate::flows::court_needs::CourtNeed> {
        use crate::flows::court_needs::CourtNeed;
        vec![
            CourtNeed::Interpreter {
                language: "Polish".into(),
            },
            CourtNeed::SeparateWaitingRoom,
        ]
    }

    fn sample(variant: &str, template: TemplateKey, data: Map<String, Value>) -> Sample {
        let name = if variant.is_empty() {
            template.as_str().to_owned()
        } else {
            format!("{}~{variant}", template.as_str())
        };
        Sample {
            name,
            template,
            data,
        }
    }

    fn samples() -> Vec<Sample> {
        use AttendanceState as S;
        use TemplateKey as K;
        let mut out = Vec::new();
        let mut add = |variant: &str, plan: &Plan, key: K, to: Option<RecipientKind>| {
            out.push(sample(variant, key, data_of(plan, key, to)));
        };

        // Hearing listed, moved, vacated, concluded.
        let listed = run(&criminal(), EventKind::HearingListed);
        add("", &listed, K::HearingDetailsVictim, None);
        add("", &listed, K::HearingDetailsSupporter, None);
        let listed_spoc = run(&spoc(criminal()), EventKind::HearingListed);
        add("spoc", &listed_spoc, K::HearingDetailsSupporter, None);
        let mut warned = criminal();
        warned.hearing = Some(HearingFacts {
            warned_until: Some(d("2026-12-18")),
            ..hearing(TRIAL)
        });
        add(
            "warned_list",
            &run(&warned, EventKind::HearingListed),
            K::HearingDetailsVictim,
            None,
        );

        // A warned trial fixed at short notice (the trial day is within the
        // rules' working days of "now").
        let mut fixed = criminal();
        fixed.hearing = Some(HearingFacts {
            warned_until: Some(d("2026-12-18")),
            ..hearing(TRIAL)
        });
        let fixed_now = Event {
            id: "E-1".into(),
            at: t("2026-12-03T09:00:00Z"),
            kind: EventKind::HearingFixed,
        };
        let fixed_plan = plan(
            &fixed_now,
            &fixed,
            RulesTable::default_table().in_force(d("2026-06-01")),
            &BankHolidays::england_and_wales(),
            t("2026-12-03T09:00:00Z"),
        );
        add("", &fixed_plan, K::HearingFixedVictim, None);
        add("", &fixed_plan, K::HearingFixedSupporter, None);

        let mut told = criminal();
        told.told_of_hearing = vec![
            Recipient::Victim {
                victim_id: "V-1".into(),
            },
            Recipient::Prosecutor,
            Recipient::WitnessService {
                court: CROWN.into(),
            },
        ];
        let moved = run(
            &told,
            EventKind::HearingMoved {
                previous_start: t("2026-11-30T10:00:00Z"),
                previous_court: Some("Leeds Crown Court".into()),
            },
        );
        add("", &moved, K::HearingChangeVictim, None);
        add("", &moved, K::HearingChangeSupporter, None);
        add(
            "",
            &moved,
            K::HearingChangeAgency,
            Some(RecipientKind::Prosecutor),
        );
        // The Witness Service was sent the victim's needs with its request:
        // the move tells it them again.
        let mut told_needs = criminal();
        told_needs.court_needs.disclosable = needs_at_court();
        told_needs.told_of_slot = vec![crate::flows::SlotNotice {
            key: "needs-sample".into(),
            recipient: Recipient::WitnessService {
                court: CROWN.into(),
            },
            step: "criminal.wco_informs_witness_service".into(),
            pending: false,
            start: t("2026-11-30T10:00:00Z"),
            court: Some("Leeds Crown Court".into()),
        }];
        let moved_needs = run(
            &told_needs,
            EventKind::HearingMoved {
                previous_start: t("2026-11-30T10:00:00Z"),
                previous_court: Some("Leeds Crown Court".into()),
            },
        );
        add(
            "court_needs",
            &moved_needs,
            K::HearingChangeAgency,
            Some(RecipientKind::WitnessService),
        );
        // A need recorded after the Witness Service was sent the request.
        let recorded = run(
            &told_needs,
            EventKind::CourtNeedRecorded {
                need_id: "N1".into(),
                need: "interpreter".into(),
            },
        );
        add(
            "",
            &recorded,
            K::CourtNeedsUpdate,
            Some(RecipientKind::WitnessService),
        );
        // Her last need withdrawn: the Witness Service is told there are
        // none now.
        let mut none_left = told_needs.clone();
        none_left.court_needs.disclosable.clear();
        let withdrawn = run(
            &none_left,
            EventKind::CourtNeedWithdrawn {
                need_id: "N1".into(),
                was_shared: true,
            },
        );
        add(
            "none_left",
            &withdrawn,
            K::CourtNeedsUpdate,
            Some(RecipientKind::WitnessService),
        );
        // A trial-progress update on the day, to the victim and to the
        // contact she chose (with her consent).
        let mut with_contact = criminal();
        with_contact.consents.push(crate::flows::testkit::consent(
            crate::domain::ConsentScope::TrialProgressToContact,
        ));
        let progress = run(
            &with_contact,
            EventKind::TrialProgressRecorded {
                update_id: "TU-1".into(),
                update: crate::domain::TrialUpdateKind::JuryOut,
                recorded_at: t(NOW),
                to_victim: true,
                to_contact: true,
            },
        );
        add("", &progress, K::TrialProgressVictim, None);
        add("", &progress, K::TrialProgressContact, None);
        // Her wish about the CPS meeting before trial, to the prosecutor:
        // her supporter wanted (with the meeting's time), and declined.
        let wish = |wish, declined| EventKind::CpsMeetingRecorded {
            meeting: crate::flows::pleas::MeetingRecorded {
                version: 1,
                wish,
                wish_changed: true,
                meeting_at: Some(t("2026-12-01T15:30:00Z")),
                previous_meeting_at: None,
                declined,
            },
        };
        use crate::domain::SupporterInvitation::Wanted;
        add(
            "",
            &run(&criminal(), wish(Wanted, false)),
            K::CpsMeetingWish,
            None,
        );
        add(
            "declined",
            &run(&criminal(), wish(Wanted, true)),
            K::CpsMeetingWish,
            None,
        );
        let adjourned = run(&told, EventKind::HearingVacated { adjourned: true });
        add("adjourned", &adjourned, K::HearingChangeVictim, None);
        add("adjourned", &adjourned, K::HearingChangeSupporter, None);
        add(
            "adjourned",
            &adjourned,
            K::HearingChangeAgency,
            Some(RecipientKind::Prosecutor),
        );
        let vacate = EventKind::HearingVacated { adjourned: false };
        let vacated = run(&told, vacate.clone());
        add("vacated", &vacated, K::HearingChangeVictim, None);
        add(
            "vacated",
            &vacated,
            K::HearingChangeAgency,
            Some(RecipientKind::WitnessService),
        );
        add(
            "vacated_spoc",
            &run(&spoc(told), vacate),
            K::HearingChangeSupporter,
            None,
        );

        let plea = EventKind::HearingConcluded {
            outcome: HearingOutcome::NotGuiltyPlea,
        };
        let mut pth = criminal();
        pth.hearing = Some(HearingFacts {
            kind: HearingKind::PleaAndTrialPreparation,
            start: t("2026-11-02T09:30:00Z"),
            victim_gives_evidence: false,
            ..hearing(TRIAL)
        });
        let outcome = run(&pth, plea);
        add("", &outcome, K::HearingOutcomeVictim, None);
        add("", &outcome, K::HearingOutcomeSupporter, None);
        let other = EventKind::HearingConcluded {
            outcome: HearingOutcome::Other {
                description: "The defendant was bound over to keep the peace for 12 months.".into(),
            },
        };
        add(
            "other",
            &run(&pth, other.clone()),
            K::HearingOutcomeVictim,
            None,
        );
        add(
            "other_spoc",
            &run(&spoc(pth), other),
            K::HearingOutcomeSupporter,
            None,
        );

        // The criminal supporter-at-court flow.
        let raised = run(
            &with_request(criminal(), S::Requested),
            EventKind::AttendanceRequestRaised,
        );
        add("", &raised, K::SupporterInPlace, None);
        let update = |action| EventKind::AttendanceRequestUpdated { action };
        let wcu = run(
            &with_request(criminal(), S::Requested),
            update(AttendanceAction::WcuInformed),
        );
        add("", &wcu, K::CompanionRequest, None);
        add("", &wcu, K::WitnessServiceRequest, None);
        // The victim's needs at court, passed on with the request.
        let mut with_needs = with_request(criminal(), S::Requested);
        with_needs.court_needs.disclosable = needs_at_court();
        let wcu_needs = run(&with_needs, update(AttendanceAction::WcuInformed));
        add("court_needs", &wcu_needs, K::CompanionRequest, None);
        add("court_needs", &wcu_needs, K::WitnessServiceRequest, None);
        let mut visit_done = with_request(criminal(), S::Requested);
        visit_done.pre_trial_visit_arranged = true;
        add(
            "visit_already_arranged",
            &run(&visit_done, update(AttendanceAction::WcuInformed)),
            K::WitnessServiceRequest,
            None,
        );
        let cps = with_request(criminal(), S::CpsInformed);
        let conditions = run(
            &cps,
            update(AttendanceAction::CourtAllowsWithConditions {
                conditions: "Sit beside the witness behind the screen; do not face the jury."
                    .into(),
            }),
        );
        add("", &conditions, K::AttendanceDecision, None);
        add("", &conditions, K::AdvisorNotice, None);
        add(
            "allowed",
            &run(&cps, update(AttendanceAction::CourtAllows)),
            K::AttendanceDecision,
            None,
        );
        add(
            "refused",
            &run(
                &cps,
                update(AttendanceAction::CourtRefuses {
                    reason: "The witness will give evidence by live link from a remote site."
                        .into(),
                }),
            ),
            K::AttendanceDecision,
            None,
        );
        let mut no_org = cps.clone();
        if let Some(s) = no_org.supporter.as_mut() {
            s.organisation = None;
        }
        add(
            "no_organisation",
            &run(&no_org, update(AttendanceAction::CourtAllows)),
            K::AdvisorNotice,
            None,
        );
        add(
            "",
            &run(
                &with_request(criminal(), S::Allowed),
                update(AttendanceAction::Withdraw { reason: None }),
            ),
            K::AttendanceWithdrawn,
            Some(RecipientKind::Prosecutor),
        );

        // Pre-trial visits.
        add(
            "",
            &run(
                &criminal(),
                EventKind::PreTrialVisitRequested {
                    visit_id: "PV-1".into(),
                },
            ),
            K::PreTrialVisitRequest,
            None,
        );
        let arranged = EventKind::PreTrialVisitArranged {
            visit_id: "PV-1".into(),
            starts_at: t("2026-11-20T14:00:00Z"),
            court: CROWN.into(),
        };
        let visit = run(&criminal(), arranged.clone());
        add("", &visit, K::PreTrialVisitArrangedVictim, None);
        add("", &visit, K::PreTrialVisitArrangedSupporter, None);
        add(
            "spoc",
            &run(&spoc(criminal()), arranged.clone()),
            K::PreTrialVisitArrangedSupporter,
            None,
        );
        let mut told_of_visit = criminal();
        told_of_visit.told_of_slot = vec![crate::flows::SlotNotice {
            key: format!(
                "{}criminal.pre_trial_visit_arranged/victim:V-1",
                crate::flows::Subject::visit_at("PV-1", t("2026-11-20T14:00:00Z")).prefix()
            ),
            recipient: Recipient::Victim {
                victim_id: "V-1".into(),
            },
            step: "criminal.pre_trial_visit_arranged".into(),
            pending: false,
            start: t("2026-11-20T14:00:00Z"),
            court: Some(CROWN.into()),
        }];
        let cancelled = run(
            &told_of_visit,
            EventKind::PreTrialVisitCancelled {
                visit_id: "PV-1".into(),
                previous_start: t("2026-11-20T14:00:00Z"),
                court: CROWN.into(),
            },
        );
        add("", &cancelled, K::PreTrialVisitCancelledVictim, None);
        let mut new_contact = spoc(criminal());
        new_contact.upcoming_hearings = vec![crate::flows::UpcomingHearing {
            hearing: hearing(TRIAL),
            case_reference: new_contact.case.reference.clone(),
            wcu_org_id: Some("WCU-1".into()),
        }];
        add(
            "",
            &run(&new_contact, EventKind::SupporterChanged),
            K::ContactChanged,
            Some(RecipientKind::WitnessCareUnit),
        );
        add("", &cancelled, K::PreTrialVisitCancelledSupporter, None);

        // Family: in advance, and on the day when advance notice is too late.
        add(
            "",
            &run(
                &with_request(family(), S::Requested),
                EventKind::AttendanceRequestRaised,
            ),
            K::FamilyAdvanceIdentification,
            None,
        );
        let mut today = family();
        today.hearing = Some(HearingFacts {
            start: t("2026-11-02T14:00:00Z"),
            ..family().hearing.expect("family hearing")
        });
        add(
            "",
            &run(
                &with_request(today, S::Requested),
                EventKind::AttendanceRequestRaised,
            ),
            K::FamilyOnTheDayChecklist,
            None,
        );

        // Special measures.
        let discussed = |setting, measures| EventKind::SpecialMeasuresDiscussionRecorded {
            setting,
            measures,
            supporter_present: false,
        };
        add(
            "",
            &run(
                &criminal(),
                discussed(
                    DiscussionSetting::NeedsAssessment,
                    vec![
                        SpecialMeasure::Screens,
                        SpecialMeasure::LiveLink,
                        SpecialMeasure::Intermediary,
                    ],
                ),
            ),
            K::SpecialMeasuresDiscussionHeld,
            None,
        );
        add(
            "no_measures",
            &run(
                &criminal(),
                discussed(DiscussionSetting::StatementTaking, vec![]),
            ),
            K::SpecialMeasuresDiscussionHeld,
            None,
        );

        // Parole: every milestone.
        let parole = |milestone| EventKind::ParoleMilestoneLogged { milestone };
        let milestones = [
            (
                "",
                ParoleMilestone::HearingListed {
                    date: d("2027-02-10"),
                    format: ParoleHearingFormat::Oral,
                },
            ),
            ("review_started", ParoleMilestone::ReviewStarted),
            (
                "victim_personal_statement_due",
                ParoleMilestone::VictimPersonalStatementDue {
                    due: d("2027-01-15"),
                },
            ),
            ("hearing_deferred", ParoleMilestone::HearingDeferred),
            ("hearing_adjourned", ParoleMilestone::HearingAdjourned),
            (
                "decision_expected",
                ParoleMilestone::DecisionExpected {
                    by: d("2027-02-24"),
                },
            ),
            (
                "decision_made",
                ParoleMilestone::DecisionMade {
                    decision: ParoleDecision::Release,
                    on: d("2027-02-22"),
                },
            ),
            (
                "decision_made_open_conditions",
                ParoleMilestone::DecisionMade {
                    decision: ParoleDecision::OpenConditions,
                    on: d("2027-02-22"),
                },
            ),
            (
                "reconsideration_window",
                ParoleMilestone::ReconsiderationWindow {
                    opened_on: d("2027-02-22"),
                },
            ),
            (
                "release_date",
                ParoleMilestone::ReleaseDate {
                    date: d("2027-03-18"),
                },
            ),
            (
                "licence_conditions",
                ParoleMilestone::LicenceConditions {
                    conditions: vec![LicenceCondition::ExclusionZone, LicenceCondition::NoContact],
                },
            ),
            (
                "referred_to_victim_contact_scheme",
                ParoleMilestone::ReferredToVictimContactScheme {
                    on: d("2026-10-20"),
                },
            ),
        ];
        for (variant, milestone) in milestones {
            add(
                variant,
                &run(&criminal(), parole(milestone)),
                K::ParoleMilestone,
                None,
            );
        }

        // Agency updates and direct contact.
        let progress = EventKind::AgencyUpdate {
            from: Actor::WitnessCareOfficer,
            topic: UpdateTopic::CaseProgress,
        };
        let updated = run(&criminal(), progress.clone());
        add("", &updated, K::UpdateVictim, None);
        add("", &updated, K::UpdateSupporter, None);
        add(
            "spoc",
            &run(&spoc(criminal()), progress),
            K::UpdateSupporter,
            None,
        );
        add(
            "",
            &run(
                &spoc(criminal()),
                EventKind::AgencyUpdate {
                    from: Actor::Prosecutor,
                    topic: UpdateTopic::Evidence,
                },
            ),
            K::DirectContactMade,
            None,
        );

        // Reminders to the supporter: a hearing and a visit, each rule.
        let listed = run_with_reminders(&criminal(), EventKind::HearingListed);
        let warned_listed = run_with_reminders(&warned, EventKind::HearingListed);
        let visit = run_with_reminders(&criminal(), arranged);
        let reminders = [
            (
                "",
                &listed,
                K::ReminderHearingSupporter,
                "seven_days_before",
            ),
            (
                "in_2_working_days",
                &listed,
                K::ReminderHearingSupporter,
                "two_working_days_before",
            ),
            (
                "tomorrow",
                &listed,
                K::ReminderHearingSupporter,
                "day_before",
            ),
            (
                "warned_list",
                &warned_listed,
                K::ReminderHearingSupporter,
                "day_before",
            ),
            ("", &visit, K::ReminderVisitSupporter, "seven_days_before"),
            (
                "in_2_working_days",
                &visit,
                K::ReminderVisitSupporter,
                "two_working_days_before",
            ),
            ("tomorrow", &visit, K::ReminderVisitSupporter, "day_before"),
        ];
        for (variant, plan, key, rule) in reminders {
            out.push(sample(variant, key, reminder_data(plan, rule)));
        }
        // Over Christmas: a trial on Tuesday 29 December 2026, the day
        // after the Boxing Day bank holiday (moved to Monday 28th). Its
        // "2 working days before" reminder counts back over the bank
        // holiday, the weekend and Christmas Day (Thursday 24th is one
        // working day before) and goes on Wednesday 23 December.
        let mut christmas = criminal();
        christmas.hearing = Some(hearing("2026-12-29T10:00:00Z"));
        let christmas = run_with_reminders(&christmas, EventKind::HearingListed);
        let over_christmas = christmas
            .notices
            .iter()
            .find(|n| {
                n.step.starts_with("reminder.") && n.step.ends_with(".two_working_days_before")
            })
            .expect("a reminder 2 working days before the trial after Christmas");
        assert_eq!(
            over_christmas.send_after,
            Some(t("2026-12-23T09:00:00Z")),
            "the bank holidays are not working days"
        );
        out.push(sample(
            "after_bank_holiday",
            K::ReminderHearingSupporter,
            reminder_data(&christmas, "two_working_days_before"),
        ));

        // Deadline alerts: one sample per default rule's deadline kind.
        let alerts = [
            (
                "",
                crate::flows::DeadlineKind::AttendanceRaisedWithCourt,
                "2026-11-13T23:59:00Z",
            ),
            (
                "pre_trial_visit",
                crate::flows::DeadlineKind::PreTrialVisitArranged,
                "2026-11-10T23:59:00Z",
            ),
            (
                "outcome",
                crate::flows::DeadlineKind::SupporterToldOfOutcome,
                "2026-07-14T22:59:00Z",
            ),
            (
                "parole",
                crate::flows::DeadlineKind::ParoleDecisionDue,
                "2026-12-01T23:59:00Z",
            ),
        ];
        for (variant, kind, due) in alerts {
            let due_at = t(due);
            let watched = crate::deadlines::alerts::Watched {
                key: "k".into(),
                kind,
                due_date: crate::calendar::london_date(due_at),
                due_at,
                // Parole deadlines hang on the victim, not a case.
                case_reference: if variant == "parole" {
                    ""
                } else {
                    "13NE0456726"
                }
                .into(),
                victim_reference: "VR-2041".into(),
            };
            out.push(sample(
                variant,
                K::DeadlineAlert,
                crate::deadlines::alerts::data(&watched),
            ));
        }

        // The supporter's daily digest: a full day, and one with a deadline only.
        use crate::digest::{
            Day, DeadlineItem, HearingItem, MeetingItem, ParoleItem, ReminderItem, StatementItem,
            VisitItem,
        };
        let full = Day {
            hearings: vec![HearingItem {
                start: t("2026-07-14T09:30:00Z"),
                hearing_kind: "trial".into(),
                court_name: CROWN.into(),
                case_reference: "13NE0456726".into(),
                victim_reference: "VR-2041".into(),
            }],
            visits: vec![VisitItem {
                start: t("2026-07-14T13:00:00Z"),
                court_name: "Leeds Combined Court Centre".into(),
                case_reference: "13CD7654321".into(),
                victim_reference: "VR-2055".into(),
            }],
            parole: vec![ParoleItem {
                milestone: "decision_expected".into(),
                victim_reference: "VR-1990".into(),
            }],
            deadlines: vec![DeadlineItem {
                kind: "attendance_raised_with_court".into(),
                due_at: t("2026-07-14T22:59:00Z"),
                case_reference: "13CD7654321".into(),
                victim_reference: "VR-2055".into(),
            }],
            meetings: Vec::new(),
            statements: Vec::new(),
            reminders: Vec::new(),
        };
        out.push(sample("", K::DailyDigest, full.data(d("2026-07-14"))));
        // A supporter who has her reminders in the digest: a trial in 7
        // days, on the Monday after the autumn clock change, and a visit
        // tomorrow.
        let reminders = Day {
            reminders: vec![
                ReminderItem {
                    notice_id: "n-1".into(),
                    about: "hearing".into(),
                    reminder_label: "in_7_days".into(),
                    date: "2026-10-26".into(),
                    time: "10:00".into(),
                    hearing_kind: Some("trial".into()),
                    court_name: CROWN.into(),
                    case_reference: "13NE0456726".into(),
                    victim_reference: "VR-2041".into(),
                },
                ReminderItem {
                    notice_id: "n-2".into(),
                    about: "pre_trial_visit".into(),
                    reminder_label: "tomorrow".into(),
                    date: "2026-10-20".into(),
                    time: "14:00".into(),
                    hearing_kind: None,
                    court_name: "Leeds Combined Court Centre".into(),
                    case_reference: "13CD7654321".into(),
                    victim_reference: "VR-2055".into(),
                },
            ],
            ..Day::default()
        };
        out.push(sample(
            "reminders",
            K::DailyDigest,
            reminders.data(d("2026-10-19")),
        ));
        // A risk meeting today, and another's paperwork due (no case).
        let risk = Day {
            meetings: vec![MeetingItem {
                start: t("2026-07-14T09:00:00Z"),
                kind: "marac".into(),
                victim_reference: "VR-2041".into(),
            }],
            deadlines: vec![DeadlineItem {
                kind: "risk_meeting_paperwork".into(),
                due_at: t("2026-07-14T22:59:00Z"),
                case_reference: String::new(),
                victim_reference: "VR-2055".into(),
            }],
            ..Day::default()
        };
        out.push(sample(
            "risk_meetings",
            K::DailyDigest,
            risk.data(d("2026-07-14")),
        ));
        // An ABE interview she is booked around, and one she covers.
        let statements = Day {
            statements: vec![
                StatementItem {
                    start: t("2026-07-14T09:00:00Z"),
                    kind: "abe_interview".into(),
                    part: "supporter".into(),
                    victim_reference: "VR-2041".into(),
                },
                StatementItem {
                    start: t("2026-07-14T13:30:00Z"),
                    kind: "statement".into(),
                    part: "alternative_supporter".into(),
                    victim_reference: "VR-2055".into(),
                },
            ],
            ..Day::default()
        };
        out.push(sample(
            "statements",
            K::DailyDigest,
            statements.data(d("2026-07-14")),
        ));
        let deadline_only = Day {
            deadlines: full.deadlines.clone(),
            ..Day::default()
        };
        out.push(sample(
            "deadline_only",
            K::DailyDigest,
            deadline_only.data(d("2026-12-08")),
        ));
        // An unacknowledged notice escalated (built by notify::ack, not
        // the planner).
        for (variant, kind, to, case) in [
            (
                "",
                "criminal.supporter_in_place",
                "witness_care_unit",
                Some("13AB1234526"),
            ),
            ("family", "family.on_the_day_checklist", "supporter", None),
        ] {
            let mut data = Map::new();
            data.insert("victim_reference".into(), "V-1001".into());
            if let Some(case) = case {
                data.insert("case_reference".into(), case.into());
            }
            data.insert("notice_kind".into(), kind.into());
            data.insert("sent_to".into(), to.into());
            data.insert("sent_date".into(), "2026-03-20".into());
            data.insert("acknowledge_by_date".into(), "2026-03-23".into());
            data.insert("acknowledge_by_time".into(), "12:00".into());
            out.push(sample(variant, K::EscalationUnacknowledged, data));
        }
        // Failed sign-ins, across the clocks going forward.
        {
            use chrono::TimeZone;
            let first = chrono::Utc.with_ymd_and_hms(2026, 3, 29, 0, 55, 0).unwrap();
            let last = chrono::Utc.with_ymd_and_hms(2026, 3, 29, 1, 4, 0).unwrap();
            let data = crate::accounts::notices::sign_in_warning_data(5, first, last);
            out.push(sample("", K::SignInFailures, data));
        }
        // The preface of a copy to a child's responsible adult.
        out.push(sample("", K::ResponsibleAdultPreface, Map::new()));
        out.extend(autumn_repeated_hour_samples());
        out
    }

    /// A hearing at 01:30 BST on the night the clocks go back, moved to
    /// 01:30 GMT an hour later: both times must read differently.
    fn autumn_repeated_hour_samples() -> Vec<Sample> {
        let mut ctx = criminal();
        ctx.hearing = Some(hearing("2026-10-25T01:30:00Z"));
        let event = Event {
            id: "E-1".into(),
            at: t("2026-10-01T09:00:00Z"),
            kind: EventKind::HearingMoved {
                previous_start: t("2026-10-25T00:30:00Z"),
                previous_court: None,
            },
        };
        let rules = RulesTable::default_table()
            .in_force(d("2026-06-01"))
            .clone();
        let moved = plan(
            &event,
            &ctx,
            &rules,
            &BankHolidays::england_and_wales(),
            event.at,
        );
        vec![sample(
            "autumn_repeated_hour",
            TemplateKey::HearingChangeSupporter,
            data_of(&moved, TemplateKey::HearingChangeSupporter, None),
        )]
    }

    /// Compares each `(name, text)` with `<dir>/<name>.txt` (or writes it
    /// when `UPDATE_GOLDEN=1`), and names any golden file with no sample.
    /// Returns the failures, as readable diffs.
    fn check_golden(dir: &Path, rendered: &[(String, String)], update: bool) -> Vec<String> {
        let mut failures = Vec::new();
        if update {
            std::fs::create_dir_all(dir).expect("golden directory");
        }
        for (name, text) in rendered {
            let path = dir.join(format!("{name}.txt"));
            if update {
                std::fs::write(&path, text).expect("write golden file");
                continue;
            }
            match std::fs::read_to_string(&path) {
                Ok(expected) if &expected == text => {}
                Ok(expected) => failures.push(format!(
                    "{name} differs from {}\n--- expected\n{expected}--- actual\n{text}",
                    path.display()
                )),
                Err(e) => failures.push(format!("{}: {e}", path.display())),
            }
        }
        if !update {
            let names: BTreeSet<&str> = rendered.iter().map(|(n, _)| n.as_str()).collect();
            let stale: Vec<_> = std::fs::read_dir(dir)
                .expect("golden directory")
                .filter_map(|e| e.ok())
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .filter(|f| f.strip_suffix(".txt").is_none_or(|n| !names.contains(n)))
                .collect();
            if !stale.is_empty() {
                failures.push(format!(
                    "{}: golden files with no sample: {stale:?}",
                    dir.display()
                ));
            }
        }
        failures
    }

    fn golden_dir() -> PathBuf {
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden/notices")
    }

    fn as_text(n: &RenderedNotice) -> String {
        format!("Subject: {}\n\n{}", n.subject, n.body)
    }

    // -- Tests

    #[test]
    fn every_template_key_has_one_embedded_english_template() {
        let embedded: Vec<&str> = ENGLISH_TEMPLATES.iter().map(|(k, _)| *k).collect();
        for key in TemplateKey::ALL {
            let count = embedded.iter().filter(|k| **k == key.as_str()).count();
            assert_eq!(count, 1, "{} must be embedded exactly once", key.as_str());
            // The embedded file is the one the template key names.
            assert_eq!(key_path(key.as_str()), key.path(DEFAULT_LANGUAGE));
        }
        assert_eq!(
            embedded.len(),
            TemplateKey::ALL.len(),
            "unknown embedded templates"
        );
        let renderer = NoticeRenderer::new();
        for key in TemplateKey::ALL {
            assert!(renderer.has_template(*key, "en"), "{}", key.as_str());
        }
    }

    #[test]
    fn the_templates_directory_holds_exactly_the_embedded_templates() {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR"));
        for (language, templates) in [
            (DEFAULT_LANGUAGE, ENGLISH_TEMPLATES),
            (WELSH, WELSH_TEMPLATES),
        ] {
            for (key, source) in templates {
                let on_disk = std::fs::read_to_string(dir.join(key_path_in(language, key)))
                    .expect("template file");
                assert_eq!(&on_disk, source);
            }
            let files = std::fs::read_dir(dir.join("templates/notices").join(language))
                .expect("language directory")
                .filter(|e| {
                    e.as_ref()
                        .is_ok_and(|e| e.file_name().to_string_lossy().ends_with(".hbs"))
                })
                .count();
            assert_eq!(files, templates.len(), "{language}: unembedded templates");
        }
        let renderer = NoticeRenderer::with_directory(dir.join("templates")).expect("loads");
        assert_eq!(renderer.languages().collect::<Vec<_>>(), vec!["cy", "en"]);
    }

    #[test]
    fn templates_name_only_allow_listed_fields() {
        for (key, source) in ENGLISH_TEMPLATES {
            let template = Template::compile(source).expect("compiles");
            let key = template_key(key).expect("known key");
            let refs = references(&template);
            for field in &refs.fields {
                assert!(
                    key.allow_list().contains(&field.as_str()),
                    "{} names {field}",
                    key.as_str()
                );
            }
            assert!(refs.unsupported.is_empty());
        }
    }

    #[test]
    fn the_english_time_helper_reads_as_the_calendar_writes() {
        let renderer = NoticeRenderer::new();
        let moved = autumn_repeated_hour_samples().remove(0);
        let text = as_text(
            &renderer
                .render(moved.template, "en", &moved.data)
                .expect("renders"),
        );
        assert!(
            text.contains("was on Sunday 25 October 2026 at 1:30am (BST)"),
            "{text}"
        );
        assert!(text.contains("Time: 1:30am (GMT)"), "{text}");
        // Every form of time the calendar writes reads back the same way.
        let clock = Clock {
            hours: 12,
            am: "am".into(),
            pm: "pm".into(),
            midday: Some("midday".into()),
            midnight: Some("midnight".into()),
            always_minutes: false,
        };
        for minutes in (0..48 * 60).step_by(15) {
            let at = t("2026-10-24T22:00:00Z") + chrono::Duration::minutes(minutes);
            let (time, zone) =
                crate::calendar::parse_time_value(&crate::calendar::time_value(at)).unwrap();
            let helper = match zone {
                Some(zone) => format!("{} ({zone})", clock_time(&clock, time)),
                None => clock_time(&clock, time),
            };
            assert_eq!(helper, crate::calendar::format_time(at), "{at}");
        }
    }

    /// Notices planned before needs at court existed carry no
    /// `court_needs`: they still render, without the section.
    #[test]
    fn notices_planned_before_needs_at_court_still_render() {
        let renderer = NoticeRenderer::new();
        for s in samples()
            .into_iter()
            .filter(|s| s.name.ends_with("~court_needs"))
        {
            let mut data = s.data.clone();
            assert!(data.remove("court_needs").is_some(), "{}", s.name);
            for language in ["en", "cy"] {
                let rendered = renderer
                    .render(s.template, language, &data)
                    .unwrap_or_else(|e| panic!("{} {language}: {e}", s.name));
                assert!(!rendered.body.contains("Polish"), "{}", s.name);
            }
        }
    }

    #[test]
    fn golden_notices() {
        let update = std::env::var_os("UPDATE_GOLDEN").is_some_and(|v| v == "1");
        let renderer = NoticeRenderer::new();
        let samples = samples();
        for key in TemplateKey::ALL {
            assert!(
                samples.iter().any(|s| s.name == key.as_str()),
                "no golden sample for {}",
                key.as_str()
            );
        }
        let mut names = BTreeSet::new();
        let mut rendered_all = Vec::new();
        for s in &samples {
            assert!(names.insert(s.name.clone()), "duplicate sample {}", s.name);
            for key in s.data.keys() {
                assert!(
                    s.template.allow_list().contains(&key.as_str()),
                    "{}: {key} is off the allow-list",
                    s.name
                );
            }
            let rendered = renderer
                .render(s.template, "en", &s.data)
                .unwrap_or_else(|e| panic!("{}: {e}", s.name));
            assert_eq!(rendered.language, "en");
            rendered_all.push((s.name.clone(), as_text(&rendered)));
        }
        let failures = check_golden(&golden_dir(), &rendered_all, update);
        assert!(
            failures.is_empty(),
            "{}\n\nRun with UPDATE_GOLDEN=1 to accept the new output.",
            failures.join("\n\n")
        );
    }

    /// Each notice kind for a victim whose hearing is at a court in Wales
    /// (Cardiff Crown Court / Llys y Goron Caerdydd), in Welsh, in the
    /// bilingual form and in English: the samples above (which include the
    /// autumn repeated hour) with their court moved to Cardiff, under
    /// tests/golden/wales/<language>/.
    #[test]
    fn golden_notices_for_a_court_in_wales() {
        let update = std::env::var_os("UPDATE_GOLDEN").is_some_and(|v| v == "1");
        let renderer = NoticeRenderer::new();
        let in_cardiff = |data: &Map<String, Value>| -> Map<String, Value> {
            fn walk(v: &Value) -> Value {
                match v {
                    Value::String(s) if s == "Bradford Crown Court" => {
                        Value::String("Cardiff Crown Court".into())
                    }
                    Value::Array(a) => Value::Array(a.iter().map(walk).collect()),
                    Value::Object(o) => {
                        Value::Object(o.iter().map(|(k, v)| (k.clone(), walk(v))).collect())
                    }
                    other => other.clone(),
                }
            }
            data.iter().map(|(k, v)| (k.clone(), walk(v))).collect()
        };
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden/wales");
        let mut failures = Vec::new();
        let samples = samples();
        for language in [WELSH, BILINGUAL, DEFAULT_LANGUAGE] {
            let mut rendered_all = Vec::new();
            for s in &samples {
                let rendered = renderer
                    .render(s.template, language, &in_cardiff(&s.data))
                    .unwrap_or_else(|e| panic!("{} ({language}): {e}", s.name));
                assert_eq!(rendered.language, language, "{}", s.name);
                let text = as_text(&rendered);
                if language != DEFAULT_LANGUAGE && text.contains("Cardiff Crown Court") {
                    assert!(
                        text.contains("Llys y Goron Caerdydd"),
                        "{} ({language}): the court's Welsh name is missing",
                        s.name
                    );
                }
                rendered_all.push((s.name.clone(), text));
            }
            failures.extend(check_golden(&root.join(language), &rendered_all, update));
        }
        assert!(
            failures.is_empty(),
            "{}\n\nRun with UPDATE_GOLDEN=1 to accept the new output.",
            failures.join("\n\n")
        );
    }

    #[test]
    fn the_advisor_notice_carries_exactly_the_four_items_and_the_marking() {
        let renderer = NoticeRenderer::new();
        let data = samples()
            .into_iter()
            .find(|s| s.name == "criminal.advisor_notice")
            .expect("sample")
            .data;
        let mut keys: Vec<_> = data.keys().map(String::as_str).collect();
        keys.sort_unstable();
        assert_eq!(
            keys,
            [
                "advisor_name",
                "advisor_present",
                "not_for_public_disclosure",
                "organisation_address",
                "organisation_name",
                "witness_name"
            ]
        );
        let n = renderer
            .render(TemplateKey::AdvisorNotice, "en", &data)
            .expect("renders");
        assert!(n.subject.starts_with("NOT FOR PUBLIC DISCLOSURE"));
        assert!(n.body.starts_with("*** NOT FOR PUBLIC DISCLOSURE ***\n"));
        assert!(n.body.ends_with("*** NOT FOR PUBLIC DISCLOSURE ***\n"));
        for needle in [
            "Advisor present at court: Yes",
            "Priya Shah",
            "Jordan Ellis",
            "Harbour Lane Advocacy",
            "Unit 4, Canal Wharf, Bradford BD1 9ZZ",
        ] {
            assert!(n.body.contains(needle), "missing {needle}");
        }
        // No rule numbers in the text: citations live in the rules data.
        assert!(!n.body.contains("r.3"), "{}", n.body);
    }

    #[test]
    fn a_missing_required_field_fails_clearly_without_data_values() {
        let renderer = NoticeRenderer::new();
        let mut data = samples()
            .into_iter()
            .find(|s| s.name == "hearing.details.victim")
            .expect("sample")
            .data;
        data.remove("court_name");
        let err = renderer
            .render(TemplateKey::HearingDetailsVictim, "en", &data)
            .expect_err("strict mode");
        assert_eq!(
            err,
            RenderError::MissingField {
                template: TemplateKey::HearingDetailsVictim,
                language: "en".into(),
                field: Some("court_name".into()),
            }
        );
        let message = err.to_string();
        assert!(message.contains("hearing.details.victim"), "{message}");
        assert!(message.contains("`court_name`"), "{message}");
        for value in data.values().filter_map(Value::as_str) {
            assert!(!message.contains(value), "{message} leaks {value}");
        }

        // A helper given a value of the wrong shape names the field only.
        data.insert("court_name".into(), json!("Bradford Crown Court"));
        data.insert("hearing_date".into(), json!("7th December"));
        let err = renderer
            .render(TemplateKey::HearingDetailsVictim, "en", &data)
            .expect_err("bad date");
        let message = err.to_string();
        assert!(message.contains("`hearing_date`"), "{message}");
        assert!(message.contains("YYYY-MM-DD"), "{message}");
        assert!(!message.contains("7th December"), "{message}");
    }

    #[test]
    fn data_off_the_allow_list_never_reaches_a_template() {
        let dir = tempfile::tempdir().expect("tempdir");
        let cy = dir.path().join("notices/cy");
        std::fs::create_dir_all(&cy).expect("mkdir");
        std::fs::write(
            cy.join("update.victim.hbs"),
            "Subject: x\n\n{{case_reference}} {{victim_address}}\n",
        )
        .expect("write");
        let err = NoticeRenderer::with_directory(dir.path()).expect_err("rejected");
        let message = err.to_string();
        assert!(message.contains("`victim_address`"), "{message}");
        assert!(message.contains("update.victim.hbs"), "{message}");

        // Extra keys handed to render are dropped before the template runs.
        let renderer = NoticeRenderer::new();
        let mut data = Map::new();
        data.insert("case_reference".into(), json!("13NE0456726"));
        data.insert("from".into(), json!("witness_care_officer"));
        data.insert("topic".into(), json!("case_progress"));
        data.insert("victim_address".into(), json!("9 Hidden Road"));
        data.insert("victim_reference".into(), json!("VR-2041"));
        let n = renderer
            .render(TemplateKey::UpdateVictim, "en", &data)
            .expect("renders");
        assert!(!n.body.contains("9 Hidden Road"));
        assert!(!n.body.contains("VR-2041"));
    }

    #[test]
    fn a_welsh_directory_template_is_used_and_other_keys_fall_back_to_english() {
        let dir = tempfile::tempdir().expect("tempdir");
        let cy = dir.path().join("notices/cy");
        std::fs::create_dir_all(&cy).expect("mkdir");
        std::fs::write(
            cy.join("hearing.details.victim.hbs"),
            "Subject: Dyddiad eich llys: {{date hearing_date}}\n\n\
             Llys: {{court_name}}\n\
             Dyddiad: {{date hearing_date}}\n\
             Amser: {{time hearing_time}}\n\
             Rhoi tystiolaeth: {{yesno victim_gives_evidence}}\n",
        )
        .expect("write template");
        std::fs::write(
            cy.join(LABELS_FILE),
            r#"{
                "weekdays": ["Dydd Llun", "Dydd Mawrth", "Dydd Mercher", "Dydd Iau",
                             "Dydd Gwener", "Dydd Sadwrn", "Dydd Sul"],
                "months": ["Ionawr", "Chwefror", "Mawrth", "Ebrill", "Mai", "Mehefin",
                           "Gorffennaf", "Awst", "Medi", "Hydref", "Tachwedd", "Rhagfyr"],
                "clock": {"hours": 24},
                "yes": "Ydych"
            }"#,
        )
        .expect("write labels");
        let renderer = NoticeRenderer::with_directory(dir.path()).expect("loads");
        assert_eq!(renderer.languages().collect::<Vec<_>>(), vec!["cy", "en"]);
        let samples = samples();
        let data = |name: &str| {
            samples
                .iter()
                .find(|s| s.name == name)
                .expect("sample")
                .data
                .clone()
        };

        let n = renderer
            .render(
                TemplateKey::HearingDetailsVictim,
                "cy",
                &data("hearing.details.victim"),
            )
            .expect("renders");
        assert_eq!(n.language, "cy");
        assert_eq!(n.subject, "Dyddiad eich llys: Dydd Llun 7 Rhagfyr 2026");
        assert_eq!(
            n.body,
            "Llys: Bradford Crown Court\nDyddiad: Dydd Llun 7 Rhagfyr 2026\nAmser: 10:30\nRhoi tystiolaeth: Ydych\n"
        );
        // A regional tag finds the language's templates.
        assert_eq!(
            renderer.language_for(TemplateKey::HearingDetailsVictim, "cy-GB"),
            "cy"
        );

        // Keys the directory does not replace keep the embedded Welsh.
        let n = renderer
            .render(TemplateKey::UpdateVictim, "cy", &data("update.victim"))
            .expect("renders");
        assert_eq!(n.language, "cy");
        assert_eq!(n.subject, "Neges gan eich gwasanaeth cymorth");
        assert!(
            n.body.starts_with("Diweddariad am eich achos\n"),
            "{}",
            n.body
        );

        // No template at all in a language: English, and the result says so.
        let n = renderer
            .render(TemplateKey::UpdateVictim, "gd", &data("update.victim"))
            .expect("renders");
        assert_eq!(n.language, "en");
        assert_eq!(n.subject, "A message from your support service");

        // English rendering is untouched by the Welsh labels.
        let n = renderer
            .render(
                TemplateKey::HearingDetailsVictim,
                "en",
                &data("hearing.details.victim"),
            )
            .expect("renders");
        assert_eq!(n.subject, "A message from your support service");
        assert!(
            n.body
                .starts_with("Your court date: Monday 7 December 2026\n"),
            "{}",
            n.body
        );
    }

    #[test]
    fn bad_directory_contents_stop_start_up_with_the_path() {
        let check = |relative: &str, content: &str, expect: &str| {
            let dir = tempfile::tempdir().expect("tempdir");
            let path = dir.path().join("notices").join(relative);
            std::fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
            std::fs::write(&path, content).expect("write");
            let message = NoticeRenderer::with_directory(dir.path())
                .expect_err(relative)
                .to_string();
            assert!(message.contains(expect), "{relative}: {message}");
        };
        check(
            "cy/hearing.detail.victim.hbs",
            "Subject: x\n\nx\n",
            "no notice template",
        );
        check(
            "Welsh/update.victim.hbs",
            "Subject: x\n\nx\n",
            "language tag",
        );
        check(
            "cy/update.victim.hbs",
            "Subject: {{#if}}\n",
            "not a valid template",
        );
        check(
            "cy/update.victim.hbs",
            "Subject: {{lookup this \"topic\"}}\n\nx\n",
            "unknown helpers: `lookup`",
        );
        check(
            "cy/update.victim.hbs",
            "Subject: x\n\n{{> other}}\n",
            "partials",
        );
        check(
            "cy/labels.json",
            "{\"weekday\": []}",
            "labels are not valid",
        );
        check("cy/labels.json", "{\"clock\": {\"hours\": 10}}", "12 or 24");
        let missing = NoticeRenderer::with_directory("/nonexistent/courtside-templates")
            .expect_err("missing directory");
        assert!(missing.to_string().contains("cannot read"), "{missing}");
    }

    #[test]
    fn malformed_output_is_reported() {
        let dir = tempfile::tempdir().expect("tempdir");
        let cy = dir.path().join("notices/cy");
        std::fs::create_dir_all(&cy).expect("mkdir");
        std::fs::write(
            cy.join("update.victim.hbs"),
            "Pwnc: {{case_reference}}\n\nx\n",
        )
        .expect("write");
        std::fs::write(cy.join("update.supporter.hbs"), "Subject: x\nno gap\n").expect("write");
        let renderer = NoticeRenderer::with_directory(dir.path()).expect("loads");
        let mut data = Map::new();
        data.insert("case_reference".into(), json!("13NE0456726"));
        for key in [TemplateKey::UpdateVictim, TemplateKey::UpdateSupporter] {
            let err = renderer.render(key, "cy", &data).expect_err("malformed");
            assert!(matches!(err, RenderError::Malformed { .. }), "{err}");
            assert!(!err.to_string().contains("13NE0456726"));
        }
    }

    #[test]
    fn times_and_dates_read_the_gov_uk_way() {
        let english = Labels::parse(ENGLISH_LABELS).expect("labels");
        let clock = english.clock.as_ref().expect("clock");
        let at = |s: &str| clock_time(clock, NaiveTime::parse_from_str(s, "%H:%M").expect("time"));
        assert_eq!(at("00:00"), "midnight");
        assert_eq!(at("00:30"), "12:30am");
        assert_eq!(at("09:05"), "9:05am");
        assert_eq!(at("10:00"), "10am");
        assert_eq!(at("12:00"), "midday");
        assert_eq!(at("12:15"), "12:15pm");
        assert_eq!(at("14:00"), "2pm");
        assert_eq!(at("23:45"), "11:45pm");

        let renderer = NoticeRenderer::new();
        let mut data = Map::new();
        data.insert("victim_reference".into(), json!("VR-2041"));
        data.insert("milestone".into(), json!("release_date"));
        data.insert("release_month".into(), json!("2027-03"));
        let n = renderer
            .render(TemplateKey::ParoleMilestone, "en", &data)
            .expect("renders");
        assert!(n.body.contains("released in March 2027"), "{}", n.body);
    }

    /// A victim's inbox may be seen by others, the person who harmed them
    /// among them: the subject of every notice to a victim says only who
    /// it is from; the court, the date and the news are in the body.
    #[test]
    fn subjects_of_notices_to_victims_say_nothing_about_courts_or_crime() {
        let renderer = NoticeRenderer::new();
        let mut seen = 0;
        for s in samples().iter().filter(|s| {
            let key = s.template.as_str();
            key.ends_with(".victim") || key.ends_with(".contact")
        }) {
            for (language, subject) in [
                (DEFAULT_LANGUAGE, "A message from your support service"),
                (WELSH, "Neges gan eich gwasanaeth cymorth"),
            ] {
                let n = renderer
                    .render(s.template, language, &s.data)
                    .expect("renders");
                assert_eq!(n.subject, subject, "{} ({language})", s.name);
            }
            seen += 1;
        }
        assert!(seen >= 7, "every victim template has a sample");
    }

    #[test]
    fn every_template_key_has_one_embedded_welsh_template() {
        let renderer = NoticeRenderer::new();
        for key in TemplateKey::ALL {
            let count = WELSH_TEMPLATES
                .iter()
                .filter(|(k, _)| *k == key.as_str())
                .count();
            assert_eq!(count, 1, "{} must be embedded in Welsh once", key.as_str());
            assert!(renderer.has_template(*key, WELSH), "{}", key.as_str());
        }
        assert_eq!(WELSH_TEMPLATES.len(), TemplateKey::ALL.len());
    }

    /// The Welsh words for dates and times: the table in
    /// templates/notices/cy/labels.json, read as a Welsh reader expects
    /// ("dydd Llun 2 Tachwedd 2026, 10:00yb").
    #[test]
    fn welsh_dates_and_times_read_the_welsh_way() {
        let welsh = Labels::parse(WELSH_LABELS).expect("labels");
        let clock = welsh.clock.as_ref().expect("clock");
        let at = |s: &str| clock_time(clock, NaiveTime::parse_from_str(s, "%H:%M").expect("time"));
        for (time, words) in [
            ("00:00", "hanner nos"),
            ("00:30", "12:30yb"),
            ("09:05", "9:05yb"),
            ("10:00", "10:00yb"),
            ("12:00", "hanner dydd"),
            ("12:15", "12:15yh"),
            ("14:00", "2:00yh"),
            ("23:45", "11:45yh"),
        ] {
            assert_eq!(at(time), words, "{time}");
        }
        let weekdays = welsh.weekdays.as_ref().expect("weekdays");
        let months = welsh.months.as_ref().expect("months");
        for (date, words) in [
            ("2026-11-02", "dydd Llun 2 Tachwedd 2026"),
            ("2026-12-25", "dydd Gwener 25 Rhagfyr 2026"),
            ("2027-01-01", "dydd Gwener 1 Ionawr 2027"),
            ("2027-03-28", "dydd Sul 28 Mawrth 2027"),
            ("2027-05-31", "dydd Llun 31 Mai 2027"),
            ("2027-08-30", "dydd Llun 30 Awst 2027"),
            ("2026-10-25", "dydd Sul 25 Hydref 2026"),
        ] {
            let d = NaiveDate::parse_from_str(date, "%Y-%m-%d").expect("date");
            let said = format!(
                "{} {} {} {}",
                weekdays[d.weekday().num_days_from_monday() as usize],
                d.day(),
                months[d.month0() as usize],
                d.year()
            );
            assert_eq!(said, words);
        }

        // Through the helpers, as a template uses them; the repeated
        // autumn hour names its zone in Welsh notices too.
        let renderer = NoticeRenderer::new();
        let mut data = Map::new();
        for (k, v) in [
            ("first_date", "2026-11-02"),
            ("first_time", "10:00"),
            ("last_date", "2026-10-25"),
            ("last_time", "01:30 GMT"),
        ] {
            data.insert(k.into(), json!(v));
        }
        data.insert("failures".into(), json!(3));
        let n = renderer
            .render(TemplateKey::SignInFailures, WELSH, &data)
            .expect("renders");
        assert_eq!(n.language, WELSH);
        assert!(
            n.body.contains("dydd Llun 2 Tachwedd 2026 am 10:00yb"),
            "{}",
            n.body
        );
        assert!(
            n.body.contains("dydd Sul 25 Hydref 2026 am 1:30yb (GMT)"),
            "{}",
            n.body
        );
    }

    #[test]
    fn the_bilingual_form_is_welsh_first_then_english() {
        let renderer = NoticeRenderer::new();
        let samples = samples();
        for s in &samples {
            let welsh = renderer.render(s.template, WELSH, &s.data).expect("cy");
            let english = renderer.render(s.template, "en", &s.data).expect("en");
            let both = renderer
                .render(s.template, BILINGUAL, &s.data)
                .expect("both");
            assert_eq!(both.language, BILINGUAL, "{}", s.name);
            assert_eq!(
                both.subject,
                format!("{} / {}", welsh.subject, english.subject),
                "{}",
                s.name
            );
            let (first, second) = both
                .body
                .split_once(BILINGUAL_RULE)
                .unwrap_or_else(|| panic!("{}: no rule between the languages", s.name));
            assert_eq!(first.trim_end(), welsh.body.trim_end(), "{}", s.name);
            assert_eq!(second.trim_start(), english.body, "{}", s.name);
            assert_ne!(welsh.body, english.body, "{}: not translated", s.name);
        }
        // The bilingual tag is read whatever its case.
        assert_eq!(
            renderer.language_for(TemplateKey::HearingDetailsVictim, "CY+EN"),
            BILINGUAL
        );
    }

    /// Every Welsh template names exactly the fields its English twin
    /// names, so a translation cannot drop or invent a fact.
    #[test]
    fn welsh_templates_name_the_same_fields_as_english() {
        for ((key, english), (welsh_key, welsh)) in ENGLISH_TEMPLATES.iter().zip(WELSH_TEMPLATES) {
            assert_eq!(key, welsh_key, "the two lists are in the same order");
            let fields = |source: &str| {
                let t = Template::compile(source).expect("compiles");
                references(&t).fields
            };
            assert_eq!(fields(english), fields(welsh), "{key}");
        }
    }

    #[test]
    fn the_translation_guide_lists_what_is_unchecked() {
        let guide = std::fs::read_to_string(
            Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/translating.md"),
        )
        .expect("docs/translating.md");
        let unchecked = unchecked_translations();
        for item in &unchecked {
            assert!(
                guide.contains(&format!("`{item}`")),
                "the guide does not list {item}"
            );
        }
        for line in guide.lines().filter(|l| l.starts_with("- `cy/")) {
            let item = line
                .trim_start_matches("- `")
                .split('`')
                .next()
                .unwrap_or_default();
            assert!(
                unchecked.iter().any(|u| u == item),
                "{item} is listed but checked"
            );
        }
    }

    #[test]
    fn every_coded_value_has_english_words() {
        fn names<T: Serialize>(values: &[T]) -> Vec<String> {
            values
                .iter()
                .map(|v| match serde_json::to_value(v) {
                    Ok(Value::String(s)) => s,
                    other => panic!("not a unit variant: {other:?}"),
                })
                .collect()
        }
        // Stored and closed vocabularies list themselves (`ALL`); the
        // rest are checked for completeness by the match beside them: a
        // new variant fails to compile until it is listed (and labelled).
        let hearing_kinds = HearingKind::ALL;
        let roles = SupporterRole::ALL;
        let outcomes = [
            HearingOutcome::NotGuiltyPlea,
            HearingOutcome::GuiltyPlea,
            HearingOutcome::Convicted,
            HearingOutcome::Acquitted,
            HearingOutcome::TrialListed,
            HearingOutcome::Sentenced { sentence: None },
            HearingOutcome::Discontinued,
            HearingOutcome::OrderMade,
            HearingOutcome::Other {
                description: String::new(),
            },
        ];
        match &outcomes[0] {
            HearingOutcome::NotGuiltyPlea
            | HearingOutcome::GuiltyPlea
            | HearingOutcome::Convicted
            | HearingOutcome::Acquitted
            | HearingOutcome::TrialListed
            | HearingOutcome::Sentenced { .. }
            | HearingOutcome::Discontinued
            | HearingOutcome::OrderMade
            | HearingOutcome::Other { .. } => {}
        }
        let actors = Actor::ALL;
        let topics = UpdateTopic::ALL;
        let settings = DiscussionSetting::ALL;
        let measures = SpecialMeasure::ALL;
        let milestones = [
            ParoleMilestone::ReviewStarted,
            ParoleMilestone::VictimPersonalStatementDue {
                due: d("2027-01-01"),
            },
            ParoleMilestone::HearingListed {
                date: d("2027-01-01"),
                format: ParoleHearingFormat::Paper,
            },
            ParoleMilestone::HearingDeferred,
            ParoleMilestone::HearingAdjourned,
            ParoleMilestone::DecisionExpected {
                by: d("2027-01-01"),
            },
            ParoleMilestone::DecisionMade {
                decision: ParoleDecision::Release,
                on: d("2027-01-01"),
            },
            ParoleMilestone::ReconsiderationWindow {
                opened_on: d("2027-01-01"),
            },
            ParoleMilestone::ReleaseDate {
                date: d("2027-01-01"),
            },
            ParoleMilestone::LicenceConditions { conditions: vec![] },
            ParoleMilestone::ReferredToVictimContactScheme {
                on: d("2027-01-01"),
            },
        ];
        match &milestones[0] {
            ParoleMilestone::ReviewStarted
            | ParoleMilestone::VictimPersonalStatementDue { .. }
            | ParoleMilestone::HearingListed { .. }
            | ParoleMilestone::HearingDeferred
            | ParoleMilestone::HearingAdjourned
            | ParoleMilestone::DecisionExpected { .. }
            | ParoleMilestone::DecisionMade { .. }
            | ParoleMilestone::ReconsiderationWindow { .. }
            | ParoleMilestone::ReleaseDate { .. }
            | ParoleMilestone::LicenceConditions { .. }
            | ParoleMilestone::ReferredToVictimContactScheme { .. } => {}
        }
        let formats = ParoleHearingFormat::ALL;
        let decisions = ParoleDecision::ALL;
        let conditions = LicenceCondition::ALL;

        // The reminder labels for a day or none ahead, and those the
        // shipped rules give (others read as their code's words).
        let mut reminder_labels: BTreeSet<String> = ["today", "tomorrow", "next_working_day"]
            .map(String::from)
            .into();
        let mut acknowledged_templates = BTreeSet::new();
        for version in RulesTable::default_table().versions() {
            for rule in &version.reminders.supporter {
                reminder_labels.insert(crate::reminders::label(rule));
            }
            for n in &version.acknowledgement.notices {
                acknowledged_templates.insert(n.template.clone());
            }
        }
        let groups: Vec<(&str, Vec<String>)> = vec![
            ("hearing_kind", names(hearing_kinds)),
            ("role", names(roles)),
            (
                "outcome",
                outcomes.iter().map(|o| o.name().to_owned()).collect(),
            ),
            ("from", names(actors)),
            ("topic", names(topics)),
            ("setting", names(settings)),
            ("measure", names(measures)),
            (
                "milestone",
                milestones.iter().map(|m| m.name().to_owned()).collect(),
            ),
            ("hearing_format", names(formats)),
            ("parole_decision", names(decisions)),
            ("licence_condition", names(conditions)),
            ("reminder", reminder_labels.into_iter().collect()),
            (
                "deadline_kind",
                crate::digest::store::SUPPORTER_DEADLINES
                    .iter()
                    .map(|k| k.to_string())
                    .collect(),
            ),
            ("notice_kind", acknowledged_templates.into_iter().collect()),
            (
                "court_need",
                crate::flows::court_needs::CourtNeed::KINDS
                    .map(String::from)
                    .to_vec(),
            ),
            (
                "risk_meeting_kind",
                crate::domain::RiskMeetingKind::ALL
                    .iter()
                    .map(|k| k.as_str().to_owned())
                    .collect(),
            ),
            (
                "statement_appointment_kind",
                crate::domain::StatementAppointmentKind::ALL
                    .iter()
                    .map(|k| k.as_str().to_owned())
                    .collect(),
            ),
            (
                "statement_part",
                vec!["supporter".to_owned(), "alternative_supporter".to_owned()],
            ),
            (
                "trial_update",
                crate::domain::TrialUpdateKind::ALL
                    .iter()
                    .map(|k| k.as_str().to_owned())
                    .collect(),
            ),
            (
                "recipient_kind",
                RecipientKind::ALL
                    .iter()
                    .map(|k| {
                        serde_json::to_value(k)
                            .unwrap()
                            .as_str()
                            .unwrap()
                            .to_owned()
                    })
                    .collect(),
            ),
        ];
        let english = Labels::parse(ENGLISH_LABELS).expect("labels");
        for (group, codes) in &groups {
            let words = english
                .values
                .get(*group)
                .unwrap_or_else(|| panic!("no label group {group}"));
            for code in codes {
                assert!(
                    words.contains_key(code),
                    "no English words for {group}.{code}"
                );
            }
            assert_eq!(words.len(), codes.len(), "stale labels in {group}");
        }
        assert_eq!(english.values.len(), groups.len(), "unused label groups");
    }
}

//! The module layers, checked from the source: `web` sits on top and
//! nothing below it imports it; `app` (the use cases) is imported by the
//! web layers and the record code, never by the pure core or the store;
//! `rules` is below `flows` and never imports it back; `web` reaches the
//! store and the audit log only through `app`.
//!
//! A reference is any `crate::<module>` path outside comments, including
//! the names inside `use crate::{...}` groups.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

/// Every `.rs` file under `dir`, sorted.
fn rust_files(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut todo = vec![dir.to_path_buf()];
    while let Some(d) = todo.pop() {
        for entry in std::fs::read_dir(&d).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                todo.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                out.push(path);
            }
        }
    }
    out.sort();
    out
}

/// The source without `//` comments (doc comments included), so prose
/// that names a module is not an import.
fn code_of(text: &str) -> String {
    let mut out = String::new();
    for line in text.lines() {
        let mut in_str = false;
        let mut prev = '\0';
        let mut cut = line.len();
        for (i, c) in line.char_indices() {
            if c == '"' && prev != '\\' {
                in_str = !in_str;
            }
            if !in_str && c == '/' && prev == '/' {
                cut = i - 1;
                break;
            }
            prev = c;
        }
        out.push_str(&line[..cut]);
        out.push('\n');
    }
    out
}

/// The top-level crate modules a piece of code refers to: `crate::x::…`,
/// `crate::x;` and each name in `crate::{x, y::z}`.
fn crate_modules(code: &str) -> BTreeSet<String> {
    let mut found = BTreeSet::new();
    let ident = |s: &str| -> String {
        s.chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
            .collect()
    };
    let mut rest = code;
    while let Some(at) = rest.find("crate::") {
        let before = rest[..at].chars().last();
        rest = &rest[at + "crate::".len()..];
        // `somecrate::` is another crate's path, not ours.
        if before.is_some_and(|c| c.is_ascii_alphanumeric() || c == '_') {
            continue;
        }
        if let Some(group) = rest.strip_prefix('{') {
            // Top-level names of the group (nested braces skipped).
            let mut depth = 0;
            let mut name = String::new();
            let mut at_start = true;
            for c in group.chars() {
                match c {
                    '{' => depth += 1,
                    '}' if depth == 0 => break,
                    '}' => depth -= 1,
                    ',' if depth == 0 => {
                        if !name.is_empty() {
                            found.insert(std::mem::take(&mut name));
                        }
                        at_start = true;
                        continue;
                    }
                    _ => {}
                }
                if depth == 0 && at_start && (c.is_ascii_alphanumeric() || c == '_') {
                    name.push(c);
                } else if !name.is_empty() {
                    found.insert(std::mem::take(&mut name));
                    at_start = false;
                }
            }
            if !name.is_empty() {
                found.insert(name);
            }
        } else {
            let name = ident(rest);
            if !name.is_empty() {
                found.insert(name);
            }
        }
    }
    found
}

/// The top-level module a file belongs to: `src/web/ui/mod.rs` → `web`,
/// `src/config.rs` → `config`.
fn module_of(src: &Path, file: &Path) -> String {
    let rel = file.strip_prefix(src).unwrap();
    let first = rel
        .components()
        .next()
        .unwrap()
        .as_os_str()
        .to_string_lossy();
    first.trim_end_matches(".rs").to_string()
}

struct Source {
    module: String,
    file: PathBuf,
    uses: BTreeSet<String>,
}

fn sources() -> Vec<Source> {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    rust_files(&src)
        .into_iter()
        .map(|file| {
            let text = std::fs::read_to_string(&file).unwrap();
            Source {
                module: module_of(&src, &file),
                uses: crate_modules(&code_of(&text)),
                file,
            }
        })
        .collect()
}

/// Files of modules in `from` that refer to any module in `to`.
fn offenders(all: &[Source], from: &dyn Fn(&str) -> bool, to: &[&str]) -> Vec<String> {
    all.iter()
        .filter(|s| from(&s.module))
        .flat_map(|s| {
            to.iter()
                .filter(|t| s.uses.contains(**t) && s.module != **t)
                .map(move |t| format!("{} uses crate::{t}", s.file.display()))
        })
        .collect()
}

/// Above `web`: the binary's start-up and the crate root. `fuzz` is the
/// crate's own test module, which fuzzes the web decoders directly.
const ABOVE_WEB: &[&str] = &["web", "service", "main", "lib", "fuzz"];

#[test]
fn nothing_below_web_imports_web() {
    let all = sources();
    let bad = offenders(&all, &|m| !ABOVE_WEB.contains(&m), &["web"]);
    assert!(
        bad.is_empty(),
        "imports of web from below it:\n{}",
        bad.join("\n")
    );
}

#[test]
fn the_use_case_layer_imports_neither_web_nor_service() {
    let all = sources();
    let bad = offenders(&all, &|m| m == "app", &["web", "service"]);
    assert!(bad.is_empty(), "{}", bad.join("\n"));
}

#[test]
fn the_core_and_the_store_do_not_import_the_use_case_layer() {
    let all = sources();
    let core = ["store", "domain", "flows", "rules", "calendar"];
    let bad = offenders(&all, &|m| core.contains(&m), &["app", "service", "web"]);
    assert!(bad.is_empty(), "{}", bad.join("\n"));
}

#[test]
fn rules_and_flows_do_not_import_each_other_both_ways() {
    let all = sources();
    let flows_to_rules = offenders(&all, &|m| m == "flows", &["rules"]);
    let rules_to_flows = offenders(&all, &|m| m == "rules", &["flows"]);
    assert!(
        flows_to_rules.is_empty() || rules_to_flows.is_empty(),
        "flows and rules import each other:\n{}",
        rules_to_flows.join("\n")
    );
    // The direction is fixed: the flows read the rules.
    assert!(rules_to_flows.is_empty(), "{}", rules_to_flows.join("\n"));
}

#[test]
fn settings_do_not_depend_on_what_they_configure() {
    // config → notify → planning → privacy → config was a circle.
    let all = sources();
    let bad = offenders(
        &all,
        &|m| m == "config",
        &["notify", "planning", "privacy", "web", "app", "service"],
    );
    assert!(bad.is_empty(), "{}", bad.join("\n"));
}

/// What a piece of code uses of the store and the audit log directly: the
/// `diesel` crate, the table definitions (`store::schema`) or the audit
/// writer (`crate::audit`).
fn store_and_audit_uses(code: &str) -> Vec<&'static str> {
    let mut found = Vec::new();
    let words_of = |s: &str| -> Vec<String> {
        s.split(|c: char| !(c.is_ascii_alphanumeric() || c == '_' || c == ':'))
            .map(str::to_string)
            .collect()
    };
    if words_of(code)
        .iter()
        .any(|w| w == "diesel" || w.starts_with("diesel::"))
    {
        found.push("diesel");
    }
    let mut rest = code;
    while let Some(at) = rest.find("store::") {
        rest = &rest[at + "store::".len()..];
        let names = match rest.strip_prefix('{') {
            Some(group) => group.split('}').next().unwrap_or_default(),
            None => rest,
        };
        if names.starts_with("schema") || (rest.starts_with('{') && names.contains("schema")) {
            found.push("store::schema");
            break;
        }
    }
    if crate_modules(code).contains("audit") {
        found.push("the audit writer (crate::audit)");
    }
    found
}

#[test]
fn the_web_layers_neither_query_the_store_nor_write_the_audit_log() {
    // Pages and API handlers call the use cases in `app`, which query the
    // store and append the audit entry in the same transaction.
    let all = sources();
    let bad: Vec<String> = all
        .iter()
        .filter(|s| s.module == "web")
        .flat_map(|s| {
            let text = std::fs::read_to_string(&s.file).unwrap();
            store_and_audit_uses(&code_of(&text))
                .into_iter()
                .map(move |what| format!("{} uses {what}", s.file.display()))
        })
        .collect();
    assert!(bad.is_empty(), "{}", bad.join("\n"));
}

#[test]
fn the_store_check_sees_each_way_in() {
    let uses = |code: &str| store_and_audit_uses(&code_of(code));
    assert_eq!(uses("use diesel::prelude::*;"), ["diesel"]);
    assert_eq!(uses("let n = diesel::insert_into(t);"), ["diesel"]);
    assert_eq!(
        uses("use crate::store::schema::notices;"),
        ["store::schema"]
    );
    assert_eq!(
        uses("use crate::store::{self, schema::courts};"),
        ["store::schema"]
    );
    assert_eq!(
        uses("crate::audit::append(conn, now, e)?;"),
        ["the audit writer (crate::audit)"]
    );
    assert_eq!(
        uses("use crate::{audit::{self, Entry}, app};"),
        ["the audit writer (crate::audit)"]
    );
    // The use cases, the connection type, and prose are fine.
    assert!(uses("use crate::store::AnyConn;\nuse crate::app::export;").is_empty());
    assert!(uses("// diesel and store::schema named in a comment").is_empty());
    assert!(uses("let s = reg.schema::<Out>();").is_empty());
}

#[test]
fn the_checker_sees_every_form_of_reference() {
    let code = code_of(
        "use crate::web::AppState;\n\
         use crate::{app::{Ctx, Page}, store, audit::{self}};\n\
         let x = crate::flows::plan(1);\n\
         // crate::rules is named in a comment only\n\
         let s = \"// not a comment\"; let y = crate::calendar::X; // crate::domain\n\
         use othercrate::policy;\n",
    );
    let found = crate_modules(&code);
    let want: BTreeSet<String> = ["web", "app", "store", "audit", "flows", "calendar"]
        .iter()
        .map(|s| s.to_string())
        .collect();
    assert_eq!(found, want);
}

/// Where code tells the backends apart: a match on the connection's
/// variants (`AnyConn::Pg`, `AnyConn::Sqlite`) or a backend test.
fn backend_forks(code: &str) -> Vec<&'static str> {
    let mut found = Vec::new();
    for (needle, name) in [
        ("AnyConn::Pg", "AnyConn::Pg"),
        ("AnyConn::Sqlite", "AnyConn::Sqlite"),
        ("Backend::Postgres", "Backend::Postgres"),
        ("Backend::Sqlite", "Backend::Sqlite"),
    ] {
        if code.contains(needle) {
            found.push(name);
        }
    }
    found
}

#[test]
fn the_backends_differ_only_in_the_dialect_seam() {
    // `store/dialect.rs` holds every difference between SQLite and
    // PostgreSQL; `store/conn.rs` defines the connection over both (and
    // its pool, which opens an SQLite file or a server).
    let seam = ["src/store/dialect.rs", "src/store/conn.rs"];
    let bad: Vec<String> = sources()
        .iter()
        .filter(|s| !seam.iter().any(|f| s.file.ends_with(f)))
        .flat_map(|s| {
            let text = std::fs::read_to_string(&s.file).unwrap();
            backend_forks(&code_of(&text))
                .into_iter()
                .map(move |what| format!("{} matches on {what}", s.file.display()))
        })
        .collect();
    assert!(bad.is_empty(), "{}", bad.join("\n"));
}

#[test]
fn the_seam_check_sees_each_fork() {
    assert_eq!(
        backend_forks("match conn { AnyConn::Pg(c) => 1, _ => 2 }"),
        ["AnyConn::Pg"]
    );
    assert_eq!(
        backend_forks("if let crate::store::AnyConn::Sqlite(c) = conn {}"),
        ["AnyConn::Sqlite"]
    );
    assert!(backend_forks(&code_of("// AnyConn::Pg, in a comment")).is_empty());
    assert!(backend_forks("let n = conn.transaction(|c| Ok(1));").is_empty());
}

/// The HTTP test files (tests/api) that may reach the store behind the
/// API's back through the app's pool, each with why. Every other test
/// there goes through the API or the harness (`TestApp::run_due`,
/// `advance_to`, `assert_nothing_due`), which own the pool.
const STORE_REACH: &[(&str, &str)] = &[
    (
        "access.rs",
        "store test of the reach: compares one victim's check with the whole reach for every person and victim, around an assignment moved in the store",
    ),
    (
        "after_outcome.rs",
        "reads a protective order's note from the store to show it is sealed at rest",
    ),
    (
        "helpers.rs",
        "the harness itself: it starts the app and runs the background jobs",
    ),
    (
        "acknowledgements.rs",
        "reads the audit rows (no audit API), damages a stored basis, and steps the escalation job to its boundary",
    ),
    (
        "audit.rs",
        "store test: verifies the audit chain and tampers with it",
    ),
    (
        "change_property.rs",
        "the property's invariant checker reads every notice, consent and audit row",
    ),
    (
        "court_lists.rs",
        "reads the audit rows, confirmations and import records (no API), and drives the inbox sweep",
    ),
    (
        "court_needs.rs",
        "store test of the tables; sets a court's notice setting and reads the disclosure record (no API)",
    ),
    (
        "deadlines.rs",
        "job test: the deadline sweep and digest jobs stepped at chosen moments",
    ),
    (
        "delivery.rs",
        "job test: the delivery worker's leases, backoff and dead letters",
    ),
    (
        "demo.rs",
        "counts the seeded notices over every victim, which no role can list",
    ),
    (
        "dialect.rs",
        "store test: one test per difference between the backends",
    ),
    (
        "oidc.rs",
        "counts the stored sign-in attempts (no API)",
    ),
    (
        "privacy.rs",
        "job test: key rotation and retention, and what is sealed at rest",
    ),
    (
        "read_policy.rs",
        "the oracle: every victim record in the store, against what each role reads",
    ),
    (
        "reminders.rs",
        "repairs a hearing in the store without planning, to test the check before sending",
    ),
    (
        "reports.rs",
        "plants records in bulk for the report's figures",
    ),
    (
        "safe_hours.rs",
        "reads when a deferred notice is next tried (not in the API)",
    ),
    (
        "safety_plans.rs",
        "checks the plan is sealed at rest and survives key rotation",
    ),
    (
        "risk_meetings.rs",
        "checks an action's text is sealed at rest and survives key rotation",
    ),
    ("scale.rs", "plants records in bulk"),
    (
        "trial_updates.rs",
        "checks the note and her contact are sealed at rest and survive key rotation",
    ),
    (
        "responsible_adults.rs",
        "checks a responsible adult's details are sealed at rest, survive key rotation and go at retention",
    ),
    (
        "security.rs",
        "checks the stored sign-in attempts hold no email or address",
    ),
    (
        "upcoming.rs",
        "store test of the upcoming-hearings query",
    ),
    ("webhooks.rs", "checks the secret is sealed at rest"),
    (
        "week_cache.rs",
        "writes to the store as another instance would, and reads the triggers the change count rests on",
    ),
];

/// The ways a test reaches the app's pool: the field (`app.pool`,
/// `self.app.pool`, `&app.pool`) or a connection from a pool in hand
/// (`pool.get()`).
fn pool_uses(code: &str) -> Vec<&'static str> {
    let ident = |c: char| c.is_ascii_alphanumeric() || c == '_';
    let mut found = Vec::new();
    let whole_word_at = |at: usize, len: usize| {
        let before = code[..at].chars().next_back();
        let after = code[at + len..].chars().next();
        !before.is_some_and(ident) && !after.is_some_and(ident)
    };
    let mut field = false;
    let mut conn = false;
    for (at, _) in code.match_indices("pool") {
        if !whole_word_at(at, "pool".len()) {
            continue;
        }
        if code[..at].ends_with('.') {
            field = true;
        }
        if code[at + "pool".len()..].starts_with(".get(") {
            conn = true;
        }
    }
    if field {
        found.push("the app's pool (.pool)");
    }
    if conn {
        found.push("a pool connection (pool.get())");
    }
    found
}

fn api_test_files() -> Vec<PathBuf> {
    rust_files(&Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/api"))
}

fn file_name(path: &Path) -> String {
    path.file_name().unwrap().to_string_lossy().into_owned()
}

#[test]
fn only_the_listed_http_tests_reach_the_store_behind_the_api() {
    let bad: Vec<String> = api_test_files()
        .iter()
        .filter(|f| !STORE_REACH.iter().any(|(name, _)| file_name(f) == *name))
        .flat_map(|f| {
            let text = std::fs::read_to_string(f).unwrap();
            pool_uses(&code_of(&text))
                .into_iter()
                .map(move |what| format!("{} uses {what}", f.display()))
        })
        .collect();
    assert!(
        bad.is_empty(),
        "go through the API or the harness (run_due, advance_to), or list the \
         file in STORE_REACH with why:\n{}",
        bad.join("\n")
    );
}

#[test]
fn every_listed_store_reach_is_still_used_and_has_a_reason() {
    let files = api_test_files();
    for (name, why) in STORE_REACH {
        assert!(!why.trim().is_empty(), "{name} needs a reason");
        let file = files
            .iter()
            .find(|f| file_name(f) == *name)
            .unwrap_or_else(|| panic!("{name} is listed but not in tests/api"));
        let text = std::fs::read_to_string(file).unwrap();
        assert!(
            !pool_uses(&code_of(&text)).is_empty(),
            "{name} no longer uses the pool: take it off STORE_REACH"
        );
        // Its module doc says so, and why.
        let doc: String = text
            .lines()
            .take_while(|l| l.starts_with("//!"))
            .map(|l| l.trim_start_matches("//!").trim())
            .collect::<Vec<_>>()
            .join(" ")
            .to_lowercase();
        assert!(
            *name == "helpers.rs"
                || ["store test", "store check", "job test"]
                    .iter()
                    .any(|k| doc.contains(k)),
            "{name}: say in the module doc that it is a store or job test, and why"
        );
    }
}

#[test]
fn the_pool_check_sees_each_form() {
    let uses = |code: &str| pool_uses(&code_of(code));
    let field = ["the app's pool (.pool)"];
    let both = ["the app's pool (.pool)", "a pool connection (pool.get())"];
    assert_eq!(uses("let mut conn = app.pool.get().unwrap();"), both);
    assert_eq!(uses("run_once(&app.pool, &mailer, now)"), field);
    assert_eq!(uses("run_once(\n    &self.app.pool,\n)"), field);
    assert_eq!(uses(".first(&mut *w.app.pool.get().unwrap())"), both);
    assert_eq!(uses("let pool = app.pool.clone();"), field);
    assert_eq!(
        uses("let mut conn = pool.get().unwrap();"),
        ["a pool connection (pool.get())"]
    );
    // Other names, types and prose are not a reach.
    assert!(uses("let spool = app.pooled; let p: courtside::store::Pool;").is_empty());
    assert!(uses("// app.pool named in a comment").is_empty());
    assert!(uses("/// the harness owns `app.pool`").is_empty());
}

/// The product carries everything it reads: a fresh clone has no
/// `../shared`, so no file under `src/` (its unit tests included) may name
/// it. HMCTS's published samples are read by `tests/court_list_samples.rs`.
#[test]
fn nothing_in_src_reads_the_shared_folder() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let bad: Vec<String> = rust_files(&src)
        .into_iter()
        .filter(|p| code_of(&std::fs::read_to_string(p).unwrap()).contains("../shared"))
        .map(|p| p.display().to_string())
        .collect();
    assert!(bad.is_empty(), "src reads ../shared: {bad:?}");
}

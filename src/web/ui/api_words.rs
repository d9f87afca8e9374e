//! The API's messages about a field or a conflict ("is in the past; ...")
//! in the page's language. The API answers in English (its readers are
//! programs and their developers); a page shows the same message in the
//! person's language.
//!
//! `locales/en/api.ftl` holds each message as the code writes it,
//! with its variable parts as Fluent variables (`must be at most
//! { $MAX_NOTE } characters`); a message is matched to its pattern there,
//! and the same key is written from the language's own file with the
//! parts the English carried. A message with no pattern stays in English
//! and is recorded as untranslated, so the page's record (and the browser
//! suite) names it.

use std::collections::HashMap;
use std::sync::LazyLock;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};

use super::i18n::{self, Lang};

pub const ENGLISH_SOURCE: &str = include_str!("../../../locales/en/api.ftl");
pub const WELSH_SOURCE: &str = include_str!("../../../locales/cy/api.ftl");

/// A piece of an English pattern.
#[derive(Debug, Clone, PartialEq)]
enum Piece {
    Text(String),
    Var(String),
}

/// The English patterns: those with no variable by their whole text, the
/// rest with the most fixed words first.
struct Patterns {
    exact: HashMap<String, String>,
    with_vars: Vec<(String, Vec<Piece>)>,
}

/// `key = text { $var } text` lines of a messages file.
fn entries(source: &str) -> Vec<(&str, &str)> {
    source
        .lines()
        .filter(|l| l.starts_with(|c: char| c.is_ascii_alphabetic()))
        .filter_map(|l| l.split_once(" = "))
        .map(|(k, v)| (k.trim(), v))
        .collect()
}

/// A pattern's pieces: text between `{ $name }` placeholders.
fn pieces(pattern: &str) -> Vec<Piece> {
    let mut out = Vec::new();
    let mut rest = pattern;
    while let Some(at) = rest.find("{ $") {
        if at > 0 {
            out.push(Piece::Text(rest[..at].to_owned()));
        }
        let after = &rest[at + 3..];
        let Some(end) = after.find(" }") else {
            out.push(Piece::Text(rest[at..].to_owned()));
            return out;
        };
        out.push(Piece::Var(after[..end].to_owned()));
        rest = &after[end + 2..];
    }
    if !rest.is_empty() {
        out.push(Piece::Text(rest.to_owned()));
    }
    out
}

static PATTERNS: LazyLock<Patterns> = LazyLock::new(|| {
    let mut exact = HashMap::new();
    let mut with_vars = Vec::new();
    for (key, pattern) in entries(ENGLISH_SOURCE) {
        let p = pieces(pattern);
        if p.iter().any(|p| matches!(p, Piece::Var(_))) {
            with_vars.push((key.to_owned(), p));
        } else {
            exact.insert(pattern.to_owned(), key.to_owned());
        }
    }
    // The pattern with the most fixed words first: "must be between 1 and
    // { $n } minutes" before "must be between 1 and { $n }".
    let fixed = |p: &[Piece]| -> usize {
        p.iter()
            .map(|p| match p {
                Piece::Text(t) => t.len(),
                Piece::Var(_) => 0,
            })
            .sum()
    };
    with_vars.sort_by_key(|(_, p): &(String, Vec<Piece>)| std::cmp::Reverse(fixed(p)));
    Patterns { exact, with_vars }
});

static WELSH: LazyLock<FluentBundle<FluentResource>> = LazyLock::new(|| {
    let id: unic_langid::LanguageIdentifier = "cy".parse().unwrap_or_default();
    let mut bundle = FluentBundle::new_concurrent(vec![id]);
    bundle.set_use_isolating(false);
    // A broken file keeps what parsed; the tests refuse one with errors.
    let resource = FluentResource::try_new(WELSH_SOURCE.to_owned()).unwrap_or_else(|(r, _)| r);
    let _ = bundle.add_resource(resource);
    bundle
});

/// The variables' values if `text` is `pieces` filled in.
fn fill(pieces: &[Piece], text: &str) -> Option<Vec<(String, String)>> {
    match pieces.split_first() {
        None => text.is_empty().then(Vec::new),
        Some((Piece::Text(t), rest)) => fill(rest, text.strip_prefix(t.as_str())?),
        Some((Piece::Var(name), rest)) => {
            // The variable runs to where the next text piece occurs (any
            // occurrence that lets the rest match), or to the end.
            match rest.first() {
                None => (!text.is_empty()).then(|| vec![(name.clone(), text.to_owned())]),
                Some(Piece::Text(next)) => {
                    let mut from = 0;
                    while let Some(at) = text[from..].find(next.as_str()) {
                        let split = from + at;
                        if split > 0 {
                            if let Some(mut found) = fill(rest, &text[split..]) {
                                found.insert(0, (name.clone(), text[..split].to_owned()));
                                return Some(found);
                            }
                        }
                        from = split + next.len().max(1);
                        if from > text.len() {
                            break;
                        }
                    }
                    None
                }
                // Two variables side by side cannot be told apart.
                Some(Piece::Var(_)) => None,
            }
        }
    }
}

/// The key of an English message and the parts it carried.
fn find(message: &str) -> Option<(String, Vec<(String, String)>)> {
    let patterns = &*PATTERNS;
    if let Some(key) = patterns.exact.get(message) {
        return Some((key.clone(), Vec::new()));
    }
    patterns
        .with_vars
        .iter()
        .find_map(|(key, p)| fill(p, message).map(|args| (key.clone(), args)))
}

/// An API message in `lang`: the English as it is, or the language's own
/// words for it; English, recorded as untranslated, where there are none.
pub fn in_language(lang: Lang, message: &str) -> String {
    if lang == Lang::En {
        return message.to_owned();
    }
    let Some((key, args)) = find(message) else {
        i18n::note_untranslated("api-message");
        return message.to_owned();
    };
    let mut fluent_args = FluentArgs::new();
    for (name, value) in args {
        fluent_args.set(name, FluentValue::from(value));
    }
    let words = WELSH.get_message(&key).and_then(|m| m.value()).map(|p| {
        let mut errors = Vec::new();
        WELSH
            .format_pattern(p, Some(&fluent_args), &mut errors)
            .into_owned()
    });
    words.unwrap_or_else(|| {
        i18n::note_untranslated(&key);
        message.to_owned()
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeSet;

    #[test]
    fn both_files_parse_and_hold_the_same_keys_with_the_same_variables() {
        for (name, source) in [("en", ENGLISH_SOURCE), ("cy", WELSH_SOURCE)] {
            if let Err((_, errors)) = FluentResource::try_new(source.to_owned()) {
                panic!("locales/{name}/api.ftl: {errors:?}");
            }
        }
        let vars = |p: &str| -> BTreeSet<String> {
            pieces(p)
                .into_iter()
                .filter_map(|p| match p {
                    Piece::Var(v) => Some(v),
                    Piece::Text(_) => None,
                })
                .collect()
        };
        let en: HashMap<&str, &str> = entries(ENGLISH_SOURCE).into_iter().collect();
        let cy: HashMap<&str, &str> = entries(WELSH_SOURCE).into_iter().collect();
        assert_eq!(en.len(), entries(ENGLISH_SOURCE).len(), "a key repeats");
        let en_keys: BTreeSet<_> = en.keys().collect();
        let cy_keys: BTreeSet<_> = cy.keys().collect();
        assert_eq!(en_keys, cy_keys);
        for (key, english) in &en {
            assert_eq!(vars(english), vars(cy[key]), "{key}");
        }
    }

    #[test]
    fn every_pattern_finds_itself_filled_in() {
        for (key, pattern) in entries(ENGLISH_SOURCE) {
            let sample: String = pieces(pattern)
                .iter()
                .map(|p| match p {
                    Piece::Text(t) => t.clone(),
                    Piece::Var(v) => format!("<{v}>"),
                })
                .collect();
            let (found, _) = find(&sample).unwrap_or_else(|| panic!("{key}: {sample}"));
            assert_eq!(found, key, "{sample}");
        }
    }

    #[test]
    fn messages_are_written_in_welsh_with_their_parts() {
        let cases = [
            (
                "is required and may not be blank",
                "mae'n ofynnol ac ni chaiff fod yn wag",
            ),
            ("cannot be changed", "ni ellir ei newid"),
            (
                "cannot be changed: the case is closed",
                "ni ellir ei newid: the case is closed",
            ),
            (
                "is 250 characters long; at most 200 are allowed",
                "mae'n 250 nod o hyd; 200 yw'r uchafswm a ganiateir",
            ),
            (
                "is in the past; a trial hearing must start in the future (record past hearings as concluded, adjourned or vacated)",
                "mae yn y gorffennol; rhaid i wrandawiad trial ddechrau yn y dyfodol (cofnodwch wrandawiadau a fu fel rhai a ddaeth i ben, a ohiriwyd neu a ddilëwyd)",
            ),
        ];
        for (english, welsh) in cases {
            assert_eq!(in_language(Lang::Cy, english), welsh);
            assert_eq!(in_language(Lang::En, english), english);
        }
        // A message with no pattern stays English and is recorded.
        let ((), _, missing) = i18n::rendering(Lang::Cy, || {
            assert_eq!(
                in_language(Lang::Cy, "a message nobody wrote down"),
                "a message nobody wrote down"
            );
        });
        assert_eq!(missing, vec!["api-message".to_owned()]);
    }

    #[test]
    fn a_variable_runs_to_the_text_that_lets_the_rest_match() {
        let p = pieces(
            "the request is closed ({ $arg1 }) and can no longer change; make a new request",
        );
        assert_eq!(
            fill(&p, "the request is closed (refused (late)) and can no longer change; make a new request"),
            Some(vec![("arg1".to_owned(), "refused (late)".to_owned())])
        );
        assert_eq!(
            fill(
                &p,
                "the request is closed () and can no longer change; make a new request"
            ),
            None
        );
    }

    /// The calls whose message a page may show, with the position of the
    /// message among their arguments.
    const CALLS: [(&str, usize); 7] = [
        ("v.check(", 2),
        ("v.error(", 1),
        ("self.error(", 1),
        ("self.check(", 2),
        ("FieldError::new(", 1),
        ("AppError::field(", 1),
        ("AppError::Conflict(", 0),
    ];

    /// The text of a call's arguments, from just after its opening
    /// parenthesis; split at the top-level commas.
    fn arguments(text: &str) -> Vec<String> {
        let mut args = vec![String::new()];
        let mut depth = 0usize;
        let mut chars = text.chars().peekable();
        while let Some(c) = chars.next() {
            match c {
                '"' => {
                    let last = args.last_mut().unwrap();
                    last.push(c);
                    while let Some(d) = chars.next() {
                        last.push(d);
                        if d == '\\' {
                            if let Some(e) = chars.next() {
                                last.push(e);
                            }
                        } else if d == '"' {
                            break;
                        }
                    }
                }
                '(' | '[' | '{' => {
                    depth += 1;
                    args.last_mut().unwrap().push(c);
                }
                ')' | ']' | '}' if depth == 0 => break,
                ')' | ']' | '}' => {
                    depth -= 1;
                    args.last_mut().unwrap().push(c);
                }
                ',' if depth == 0 => args.push(String::new()),
                _ => args.last_mut().unwrap().push(c),
            }
        }
        args.into_iter().map(|a| a.trim().to_owned()).collect()
    }

    /// A message argument as a pattern: a string literal, or the format
    /// string of `format!(...)`, its `{name}` and `{}` parts as variables.
    fn as_pattern(arg: &str) -> Option<String> {
        let mut arg = arg.trim_start_matches('&');
        for suffix in [".into()", ".to_string()", ".to_owned()"] {
            arg = arg.strip_suffix(suffix).map_or(arg, str::trim_end);
        }
        let literal = match arg.strip_prefix("format!(") {
            Some(inner) => arguments(inner).into_iter().next()?,
            None => arg.to_owned(),
        };
        let body = literal.strip_prefix('"')?.strip_suffix('"')?;
        // A line continuation (backslash, newline, indent) joins lines.
        let mut text = String::new();
        let mut lines = body.split("\\\n");
        text.push_str(lines.next().unwrap_or_default());
        for line in lines {
            text.push_str(line.trim_start());
        }
        let text = text.replace("\\\"", "\"");
        let mut out = String::new();
        let mut positional = 0;
        let mut rest = text.as_str();
        while let Some(at) = rest.find('{') {
            out.push_str(&rest[..at]);
            let end = rest[at..].find('}')? + at;
            let name = &rest[at + 1..end];
            let name = if name.is_empty() {
                positional += 1;
                format!("arg{positional}")
            } else {
                name.to_owned()
            };
            out.push_str(&format!("{{ ${name} }}"));
            rest = &rest[end + 1..];
        }
        out.push_str(rest);
        Some(out)
    }

    /// A file's code before its first inline test module
    /// (`#[cfg(test)]` then `mod name {`).
    fn code_of(file: &str) -> &str {
        let mut from = 0;
        while let Some(at) = file[from..].find("#[cfg(test)]\nmod ") {
            let start = from + at;
            let line_end = file[start + 13..]
                .find('\n')
                .map_or(file.len(), |e| start + 13 + e);
            if file[start..line_end].trim_end().ends_with('{') {
                return &file[..start];
            }
            from = line_end;
        }
        file
    }

    /// Every message the code writes in a field error or a conflict has
    /// its pattern in `locales/en/api.ftl` (and so, by the
    /// parity test, its Welsh), so no such message reaches a Welsh page in
    /// English. A message that is not a literal (a variable) is not seen
    /// here; the page's untranslated record catches those.
    #[test]
    fn every_message_the_code_writes_has_its_pattern() {
        let known: BTreeSet<&str> = entries(ENGLISH_SOURCE)
            .into_iter()
            .map(|(_, v)| v)
            .collect();
        // Words no page shows: the command line's (`main.rs`, `courtside
        // verify-audit` in `audit.rs`), and a court list's schema problems,
        // which carry the published schema's own English.
        let not_on_pages = [
            "src/main.rs",
            "src/audit.rs",
            "{ $arg1 } { $arg2 } (published format of the { $arg3 })",
        ];
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
        let mut files = vec![root.clone()];
        let mut missing = Vec::new();
        let mut seen = 0;
        let mut found: BTreeSet<String> = BTreeSet::new();
        let mut ui_files = Vec::new();
        while let Some(path) = files.pop() {
            if path.is_dir() {
                if path.ends_with("web/ui") {
                    ui_files.extend(std::fs::read_dir(&path).unwrap().map(|e| e.unwrap().path()));
                }
                for entry in std::fs::read_dir(&path).unwrap() {
                    files.push(entry.unwrap().path());
                }
                continue;
            }
            if path.extension().is_none_or(|e| e != "rs") {
                continue;
            }
            if not_on_pages.iter().any(|p| path.ends_with(p)) || path.ends_with("api_words.rs") {
                continue;
            }
            let whole = std::fs::read_to_string(&path).unwrap();
            // The code, not its tests' sample errors.
            let text = code_of(&whole);
            for (opener, position) in CALLS {
                let mut from = 0;
                while let Some(at) = text[from..].find(opener) {
                    let start = from + at + opener.len();
                    from = start;
                    let args = arguments(&text[start..]);
                    let Some(pattern) = args.get(position).and_then(|a| as_pattern(a)) else {
                        continue;
                    };
                    seen += 1;
                    found.insert(pattern.clone());
                    if !known.contains(pattern.as_str())
                        && !not_on_pages.contains(&pattern.as_str())
                    {
                        missing.push(format!("{}: {pattern}", path.display()));
                    }
                }
            }
        }
        // The pages' own labels put before a message (each form's `place`:
        // `"api_field" => ("form_field", "The label")`).
        for path in ui_files {
            if path.ends_with("api_words.rs") {
                continue;
            }
            let text = std::fs::read_to_string(&path).unwrap();
            let mut from = 0;
            while let Some(at) = text[from..].find("=> ") {
                from += at + "=> ".len();
                // `=> (...)`, or `=> {` with the tuple on the next line.
                let after = text[from..].trim_start_matches(['{', ' ', '\n']);
                let Some(inner) = after.strip_prefix('(') else {
                    continue;
                };
                let args = arguments(inner);
                let [field, label] = args.as_slice() else {
                    continue;
                };
                let is_field = field.len() > 2
                    && field.starts_with('"')
                    && field.ends_with('"')
                    && field[1..field.len() - 1]
                        .chars()
                        .all(|c| c.is_ascii_lowercase() || c == '_');
                let Some(label) = as_pattern(label).filter(|l| is_field && !l.is_empty()) else {
                    continue;
                };
                found.insert(label.clone());
                if !known.contains(label.as_str()) {
                    missing.push(format!("{}: {label}", path.display()));
                }
            }
        }
        assert!(seen > 100, "the scan found only {seen} messages");
        assert!(
            missing.is_empty(),
            "not in locales/en/api.ftl: {missing:#?}"
        );
        // And none there that the code no longer writes.
        let stale: Vec<&&str> = known.iter().filter(|k| !found.contains(**k)).collect();
        assert!(
            stale.is_empty(),
            "in locales/en/api.ftl but not in the code: {stale:#?}"
        );
    }
}

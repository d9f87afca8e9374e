//! Courtside's own description of each published court-list format,
//! carried in the binary (`formats/*.txt`, embedded with `include_str!`),
//! and the check that holds a document to it.
//!
//! The descriptions are written here from HMCTS's published formats, in a
//! small outline language of our own (one field a line, nesting by two
//! spaces), so that a fresh install imports lists with nothing beside the
//! binary. Each names the fields a list must carry down to the ones
//! Courtside reads (court, room, sitting time, case keys, hearing type),
//! the kind of value each holds, and the published rule on markup in text.
//!
//! The language:
//!
//! ```text
//! # a comment
//! text: plain              # every text value carries no markup at all
//! text: no closing tags    # or: angle brackets allowed, never a closing tag
//! text: anything           # or: no rule on text
//! wording: offenceWording  # fields whose free wording may carry angle
//!                          # brackets but no closing tag, wherever they are
//! Root: record
//!   Field: text            # required
//!   Other?: date           # optional
//!   Items: list of records # each item is checked against the lines below
//!     Code: whole number
//! ```
//!
//! Kinds of value: `record`, `list of records`, `list of text`, `text`,
//! `date`, `time`, `instant`, `utc instant`, `whole number`, `yes or no`,
//! `capitals N` (exactly N capital letters) and `one of A | B | C`.
//!
//! Fields a description does not name are allowed (the published formats
//! allow them too) and are never read; the text rule still applies to them.
//! Problems are reported with the place in words and what was expected,
//! never with the value found: lists carry names and addresses.

use chrono::{DateTime, NaiveDate, NaiveTime};
use serde_json::{Map, Value};

use super::{ListType, SchemaViolation};

/// The embedded description of one list type.
pub fn source(list_type: ListType) -> &'static str {
    match list_type {
        ListType::CrownDailyPddaList => include_str!("formats/crown_daily_pdda_list.txt"),
        ListType::CrownFirmPddaList => include_str!("formats/crown_firm_pdda_list.txt"),
        ListType::CrownWarnedPddaList => include_str!("formats/crown_warned_pdda_list.txt"),
        ListType::MagistratesStandardList => {
            include_str!("formats/magistrates_standard_list.txt")
        }
        ListType::MagistratesPublicList => include_str!("formats/magistrates_public_list.txt"),
        ListType::FamilyDailyCauseList => include_str!("formats/family_daily_cause_list.txt"),
        ListType::CivilAndFamilyDailyCauseList => {
            include_str!("formats/civil_and_family_daily_cause_list.txt")
        }
    }
}

/// What a text value may hold.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TextRule {
    /// No markup at all: nothing of the form `<…>`.
    Plain,
    /// Angle brackets are allowed, but never a closing tag (`</b>`) or a
    /// self-contained one (`<br/>`), written raw or escaped.
    NoClosingTags,
    Anything,
}

/// The kind of value a field holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Kind {
    Record(Vec<Field>),
    ListOfRecords(Vec<Field>),
    ListOfText,
    Text,
    Date,
    Time,
    Instant,
    UtcInstant,
    WholeNumber,
    YesOrNo,
    Capitals(usize),
    OneOf(Vec<String>),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Field {
    pub name: String,
    pub required: bool,
    pub kind: Kind,
}

/// One format, read from its description.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Format {
    pub text: TextRule,
    pub wording: Vec<String>,
    /// The fields of the document's top level.
    pub fields: Vec<Field>,
}

/// Reads a description. Errors name the line.
pub fn parse(text: &str) -> Result<Format, String> {
    let mut rule = TextRule::Anything;
    let mut wording = Vec::new();
    // (indent, name, required, kind-without-children, line number)
    let mut lines: Vec<(usize, String, bool, String, usize)> = Vec::new();
    for (n, raw) in text.lines().enumerate() {
        let line_no = n + 1;
        let content = raw.split('#').next().unwrap_or("").trim_end();
        if content.trim().is_empty() {
            continue;
        }
        let indent = content.len() - content.trim_start().len();
        let content = content.trim_start();
        let (head, rest) = content
            .split_once(':')
            .ok_or_else(|| format!("line {line_no}: expected `name: kind`"))?;
        let (head, rest) = (head.trim(), rest.trim());
        if indent == 0 && head == "text" {
            rule = match rest {
                "plain" => TextRule::Plain,
                "no closing tags" => TextRule::NoClosingTags,
                "anything" => TextRule::Anything,
                other => return Err(format!("line {line_no}: unknown text rule `{other}`")),
            };
            continue;
        }
        if indent == 0 && head == "wording" {
            wording.extend(rest.split(',').map(|s| s.trim().to_string()));
            continue;
        }
        if indent % 2 != 0 {
            return Err(format!("line {line_no}: indent by two spaces"));
        }
        let (name, required) = match head.strip_suffix('?') {
            Some(name) => (name.to_string(), false),
            None => (head.to_string(), true),
        };
        if name.is_empty() || !name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') {
            return Err(format!("line {line_no}: `{head}` is not a field name"));
        }
        lines.push((indent / 2, name, required, rest.to_string(), line_no));
    }
    let mut at = 0;
    let fields = fields_at(&lines, &mut at, 0)?;
    if at != lines.len() {
        return Err(format!(
            "line {}: indented too little or too much",
            lines[at].4
        ));
    }
    Ok(Format {
        text: rule,
        wording,
        fields,
    })
}

type Line = (usize, String, bool, String, usize);

fn fields_at(lines: &[Line], at: &mut usize, depth: usize) -> Result<Vec<Field>, String> {
    let mut out = Vec::new();
    while let Some((d, name, required, kind, line_no)) = lines.get(*at) {
        if *d < depth {
            break;
        }
        if *d > depth {
            return Err(format!("line {line_no}: indented too far"));
        }
        *at += 1;
        let has_children = lines.get(*at).is_some_and(|next| next.0 > depth);
        let children = if has_children {
            fields_at(lines, at, depth + 1)?
        } else {
            Vec::new()
        };
        let kind = match kind.as_str() {
            "record" => Kind::Record(children),
            "list of records" => Kind::ListOfRecords(children),
            other if has_children => {
                return Err(format!(
                    "line {line_no}: only a record or a list of records has fields under it, not `{other}`"
                ))
            }
            "list of text" => Kind::ListOfText,
            "text" => Kind::Text,
            "date" => Kind::Date,
            "time" => Kind::Time,
            "instant" => Kind::Instant,
            "utc instant" => Kind::UtcInstant,
            "whole number" => Kind::WholeNumber,
            "yes or no" => Kind::YesOrNo,
            other => {
                if let Some(n) = other.strip_prefix("capitals ") {
                    Kind::Capitals(
                        n.trim()
                            .parse()
                            .map_err(|_| format!("line {line_no}: `capitals` needs a count"))?,
                    )
                } else if let Some(choices) = other.strip_prefix("one of ") {
                    Kind::OneOf(choices.split('|').map(|c| c.trim().to_string()).collect())
                } else {
                    return Err(format!("line {line_no}: unknown kind of value `{other}`"));
                }
            }
        };
        out.push(Field {
            name: name.clone(),
            required: *required,
            kind,
        });
    }
    Ok(out)
}

/// Holds a document to a format: every problem, in document order (the
/// shape first, then the text rule), each with its JSON pointer, its place
/// in words and what was expected.
pub fn check(format: &Format, doc: &Value) -> Vec<SchemaViolation> {
    let mut out = Vec::new();
    match doc.as_object() {
        Some(map) => check_record(&format.fields, map, "", &mut out),
        None => out.push(violation(
            "",
            "should be a JSON object holding the list".into(),
        )),
    }
    check_text(format, doc, "", None, &mut out);
    out
}

fn check_record(
    fields: &[Field],
    map: &Map<String, Value>,
    at: &str,
    out: &mut Vec<SchemaViolation>,
) {
    for field in fields {
        let path = format!("{at}/{}", escape(&field.name));
        match map.get(&field.name) {
            None if field.required => out.push(violation(
                &path,
                "is missing; the published format requires it".into(),
            )),
            None => {}
            Some(value) => check_value(&field.kind, value, &path, out),
        }
    }
}

fn check_value(kind: &Kind, value: &Value, path: &str, out: &mut Vec<SchemaViolation>) {
    let expected: Option<String> = match kind {
        Kind::Record(fields) => match value.as_object() {
            Some(map) => {
                check_record(fields, map, path, out);
                None
            }
            None => Some("should be a group of details (a JSON object)".into()),
        },
        Kind::ListOfRecords(fields) => match value.as_array() {
            Some(items) => {
                for (i, item) in items.iter().enumerate() {
                    let item_path = format!("{path}/{i}");
                    match item.as_object() {
                        Some(map) => check_record(fields, map, &item_path, out),
                        None => out.push(violation(
                            &item_path,
                            "should be a group of details (a JSON object)".into(),
                        )),
                    }
                }
                None
            }
            None => Some("should be a list".into()),
        },
        Kind::ListOfText => match value.as_array() {
            Some(items) => {
                for (i, item) in items.iter().enumerate() {
                    if !item.is_string() {
                        out.push(violation(&format!("{path}/{i}"), "should be text".into()));
                    }
                }
                None
            }
            None => Some("should be a list of text".into()),
        },
        Kind::Text => (!value.is_string()).then(|| "should be text".into()),
        Kind::Date => (!value.as_str().is_some_and(is_date))
            .then(|| "should be a date written year-month-day, such as 2026-03-14".into()),
        Kind::Time => (!value.as_str().is_some_and(is_time)).then(|| {
            "should be a time of day written hours:minutes:seconds, such as 10:00:00".into()
        }),
        Kind::Instant => (!value.as_str().is_some_and(is_instant)).then(|| {
            "should be a date and time with its offset from UTC, such as 2026-03-14T09:30:00Z"
                .into()
        }),
        Kind::UtcInstant => (!value
            .as_str()
            .is_some_and(|t| is_instant(t) && t.ends_with('Z')))
        .then(|| {
            "should be a date and time in UTC ending in Z, such as 2026-03-14T09:30:00Z".into()
        }),
        Kind::WholeNumber => {
            (!(value.is_i64() || value.is_u64())).then(|| "should be a whole number".into())
        }
        Kind::YesOrNo => (!value.is_boolean()).then(|| "should be true or false".into()),
        Kind::Capitals(n) => (!value
            .as_str()
            .is_some_and(|t| t.chars().count() == *n && t.chars().all(|c| c.is_ascii_uppercase())))
        .then(|| format!("should be {n} capital letters")),
        Kind::OneOf(choices) => (!value
            .as_str()
            .is_some_and(|t| choices.iter().any(|c| c == t)))
        .then(|| format!("should be one of: {}", choices.join(", "))),
    };
    if let Some(expected) = expected {
        out.push(violation(path, expected));
    }
}

fn check_text(
    format: &Format,
    value: &Value,
    path: &str,
    field: Option<&str>,
    out: &mut Vec<SchemaViolation>,
) {
    match value {
        Value::String(text) => {
            let wording = field.is_some_and(|f| format.wording.iter().any(|w| w == f));
            let rule = if wording {
                TextRule::NoClosingTags
            } else {
                format.text
            };
            if text.contains('\0') {
                out.push(violation(
                    path,
                    "should not contain a NUL character (no list carries one)".into(),
                ));
                return;
            }
            let bad = match rule {
                TextRule::Plain => has_markup(text),
                TextRule::NoClosingTags => has_closing_tag(text),
                TextRule::Anything => false,
            };
            if bad {
                out.push(violation(
                    path,
                    match rule {
                        TextRule::Plain => {
                            "should be plain text, without markup (nothing between < and >)".into()
                        }
                        _ => "should not hold a closing or self-contained markup tag \
                              (such as </b> or <br/>)"
                            .into(),
                    },
                ));
            }
        }
        Value::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                check_text(format, item, &format!("{path}/{i}"), field, out);
            }
        }
        Value::Object(map) => {
            for (key, item) in map {
                check_text(
                    format,
                    item,
                    &format!("{path}/{}", escape(key)),
                    Some(key),
                    out,
                );
            }
        }
        _ => {}
    }
}

/// Anything of the form `<…>` with at least one character inside.
fn has_markup(text: &str) -> bool {
    let mut rest = text;
    while let Some(open) = rest.find('<') {
        let after = &rest[open + 1..];
        match after.find('>') {
            Some(0) => rest = &after[1..],
            Some(_) => return true,
            None => return false,
        }
    }
    false
}

/// A closing tag (`</b>`, `< /b>`) or a self-contained one (`<br/>`), raw
/// or escaped as `&lt;…&gt;`.
fn has_closing_tag(text: &str) -> bool {
    let tags = |open: &str, close: &str, forbidden: Option<char>| -> bool {
        let mut rest = text;
        while let Some(at) = rest.find(open) {
            rest = &rest[at + open.len()..];
            let Some(end) = rest.find(close) else {
                return false;
            };
            let inside = &rest[..end];
            if forbidden.is_some_and(|c| inside.contains(c)) {
                continue;
            }
            if inside.trim_start().starts_with('/') || inside.ends_with('/') {
                return true;
            }
        }
        false
    };
    tags("<", ">", None) || tags("&lt;", "&gt;", Some('&'))
}

fn is_date(text: &str) -> bool {
    text.len() == 10 && NaiveDate::parse_from_str(text, "%Y-%m-%d").is_ok()
}

fn is_time(text: &str) -> bool {
    NaiveTime::parse_from_str(text, "%H:%M:%S").is_ok()
        || NaiveTime::parse_from_str(text, "%H:%M:%S%.f").is_ok()
}

fn is_instant(text: &str) -> bool {
    DateTime::parse_from_rfc3339(text).is_ok()
}

/// A JSON pointer segment.
fn escape(key: &str) -> String {
    key.replace('~', "~0").replace('/', "~1")
}

fn violation(path: &str, message: String) -> SchemaViolation {
    SchemaViolation {
        path: path.to_string(),
        place: place(path),
        message,
    }
}

/// Where a JSON pointer leads, in words: `/courtLists/0/courtHouse/
/// courtRoom/1/courtRoomName` is "court list 1 › court house › court
/// room 2 › court room name". Numbers count from one; a list's item takes
/// the list's name in the singular.
pub fn place(pointer: &str) -> String {
    let parts: Vec<String> = pointer
        .split('/')
        .skip(1)
        .map(|p| p.replace("~1", "/").replace("~0", "~"))
        .collect();
    if parts.is_empty() {
        return "the document as a whole".to_string();
    }
    let mut words: Vec<String> = Vec::new();
    let mut i = 0;
    while i < parts.len() {
        let name = words_of(&parts[i]);
        match parts.get(i + 1).and_then(|n| n.parse::<usize>().ok()) {
            Some(index) => {
                words.push(format!("{} {}", singular(&name), index + 1));
                i += 2;
            }
            None => {
                match parts[i].parse::<usize>() {
                    Ok(index) => words.push(format!("item {}", index + 1)),
                    Err(_) => words.push(name),
                }
                i += 1;
            }
        }
    }
    words.join(" › ")
}

/// `courtHouseName` or `CourtHouseName` as "court house name".
fn words_of(name: &str) -> String {
    let mut out = String::new();
    let chars: Vec<char> = name.chars().collect();
    for (i, c) in chars.iter().enumerate() {
        let starts_word = c.is_ascii_uppercase()
            && i > 0
            && (chars[i - 1].is_ascii_lowercase()
                || chars.get(i + 1).is_some_and(|n| n.is_ascii_lowercase()));
        if starts_word || (*c == '_' && i > 0) {
            out.push(' ');
        }
        if *c != '_' {
            out.push(c.to_ascii_lowercase());
        }
    }
    out
}

fn singular(name: &str) -> String {
    if name.ends_with("ss") || !name.ends_with('s') {
        name.to_string()
    } else {
        name[..name.len() - 1].to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn every_embedded_description_reads() {
        for t in ListType::ALL {
            let format = parse(source(t)).unwrap_or_else(|e| panic!("{t}: {e}"));
            assert!(!format.fields.is_empty(), "{t}");
        }
    }

    #[test]
    fn places_read_as_words() {
        assert_eq!(
            place("/courtLists/0/courtHouse/courtRoom/1/courtRoomName"),
            "court list 1 › court house › court room 2 › court room name"
        );
        assert_eq!(
            place("/DailyList/CourtLists/0/Sittings/2/CourtRoomNumber"),
            "daily list › court list 1 › sitting 3 › court room number"
        );
        assert_eq!(place(""), "the document as a whole");
        assert_eq!(place("/a/b~1c"), "a › b/c");
    }

    #[test]
    fn markup_rules() {
        for (text, plain, closing) in [
            ("Court 1", false, false),
            ("a <b> c", true, false),
            ("a < b > c", true, false),
            ("x </i>", true, true),
            ("x < /i>", true, true),
            ("x <br/>", true, true),
            ("x &lt;/i&gt;", false, true),
            ("1 < 2", false, false),
            ("<>", false, false),
        ] {
            assert_eq!(has_markup(text), plain, "{text}");
            assert_eq!(has_closing_tag(text), closing, "{text}");
        }
    }

    #[test]
    fn a_document_is_held_to_its_description_in_words() {
        let format = parse(
            "text: plain\nwording: note\nRoot: record\n  Code: whole number\n  Day?: date\n  Items: list of records\n    Kind: one of A | B\n",
        )
        .unwrap();
        assert!(check(
            &format,
            &json!({"Root": {"Code": 3, "Items": [{"Kind": "A", "note": "<i>"}]}})
        )
        .is_empty());
        let found = check(
            &format,
            &json!({"Root": {"Code": "3", "Day": "2026-02-30", "Items": [{"Kind": "C"}, {}], "x": "<b>"}}),
        );
        let seen: Vec<(&str, &str, &str)> = found
            .iter()
            .map(|v| (v.path.as_str(), v.place.as_str(), v.message.as_str()))
            .collect();
        assert_eq!(
            seen,
            vec![
                ("/Root/Code", "root › code", "should be a whole number"),
                (
                    "/Root/Day",
                    "root › day",
                    "should be a date written year-month-day, such as 2026-03-14"
                ),
                (
                    "/Root/Items/0/Kind",
                    "root › item 1 › kind",
                    "should be one of: A, B"
                ),
                (
                    "/Root/Items/1/Kind",
                    "root › item 2 › kind",
                    "is missing; the published format requires it"
                ),
                (
                    "/Root/x",
                    "root › x",
                    "should be plain text, without markup (nothing between < and >)"
                ),
            ]
        );
        assert_eq!(
            check(&format, &json!([1]))[0].place,
            "the document as a whole"
        );
    }

    #[test]
    fn descriptions_that_do_not_read_are_refused_with_their_line() {
        for (text, line) in [
            ("A: record\n   B: text\n", "line 2"),
            ("A: text\n  B: text\n", "line 1"),
            ("A: colour\n", "line 1"),
            ("A text\n", "line 1"),
        ] {
            let err = parse(text).unwrap_err();
            assert!(err.starts_with(line), "{text:?}: {err}");
        }
    }
}

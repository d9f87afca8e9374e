//! The records' forms' shared words in the page's language: a date or a
//! time with its problems written as whole sentences per field (Welsh
//! mutates the noun after "Rhowch", so each field has its own sentence),
//! yes-or-no choices in the question's own verb, coded choices, a form's
//! case caption and the problem shown when someone else saved first.

use chrono::{NaiveDate, NaiveTime};

use super::fields::Field;
use super::forms::{missing_date_part, parse_date, parse_time, FormData, Problems};
use super::i18n::{text, text_with, Lang};

/// The words for a date typed in three boxes: when it is blank, when a
/// box is blank (`$part`: day, month or year), and when it is no real
/// date; catalogue keys.
pub struct DateWords {
    pub missing: &'static str,
    pub part: &'static str,
    pub invalid: &'static str,
}

/// Reads a required date, with its problems in the page's language.
pub fn date_in(
    lang: Lang,
    form: &FormData,
    name: &str,
    words: &DateWords,
    problems: &mut Problems,
) -> Option<NaiveDate> {
    let Some(v) = form.text(name) else {
        problems.add(name, text(lang, words.missing));
        return None;
    };
    let d = parse_date(&v);
    if d.is_none() {
        problems.add(
            name,
            match missing_date_part(form, name) {
                Some(part) => text_with(lang, words.part, &[("part", part.to_owned())]),
                None => text(lang, words.invalid),
            },
        );
    }
    d
}

/// Reads a required time (24-hour clock), with its problems in the page's
/// language: `[missing, invalid]` catalogue keys.
pub fn time_in(
    lang: Lang,
    form: &FormData,
    name: &str,
    [missing, invalid]: [&'static str; 2],
    problems: &mut Problems,
) -> Option<NaiveTime> {
    let Some(v) = form.text(name) else {
        problems.add(name, text(lang, missing));
        return None;
    };
    let t = parse_time(&v);
    if t.is_none() {
        problems.add(name, text(lang, invalid));
    }
    t
}

/// A form's caption: "Case …".
pub fn case_caption(lang: Lang, reference: String) -> Option<String> {
    Some(text_with(lang, "case-title", &[("reference", reference)]))
}

/// A coded value's choices in the page's language: its stored text and
/// its words.
pub fn options_in<T: Copy>(
    lang: Lang,
    all: &[T],
    as_str: fn(T) -> &'static str,
    words: fn(Lang, T) -> String,
) -> Vec<(String, String)> {
    all.iter()
        .map(|v| (as_str(*v).to_owned(), words(lang, *v)))
        .collect()
}

/// A date field with its hint in the page's language.
pub fn date_field(lang: Lang, name: &str, label: &str) -> Field {
    Field::date(name, label).hint(&text(lang, "records-date-hint"))
}

/// A time field with its hint in the page's language.
pub fn time_field(lang: Lang, name: &str, label: &str) -> Field {
    Field::time(name, label).hint(&text(lang, "records-time-hint"))
}

/// Yes and no, for radios: `yes` and `no` with the words of the two
/// keys (Welsh answers with the question's own verb).
pub fn yes_no(lang: Lang, [yes, no]: [&'static str; 2]) -> [(String, String); 2] {
    [
        ("yes".into(), text(lang, yes)),
        ("no".into(), text(lang, no)),
    ]
}

/// "Someone else changed this … after you opened this page", in the
/// page's language.
pub fn stale_problem_in(lang: Lang, field: &str, what: &str) -> Problems {
    let mut problems = Problems::new();
    problems.add(
        field,
        text_with(lang, "records-stale", &[("what", what.to_owned())]),
    );
    problems
}

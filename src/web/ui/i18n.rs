//! The pages' words in English and Welsh: one Fluent catalogue per
//! language, in a few files by area (`locales/<language>/pages.ftl`,
//! `records.ftl`, `service.ftl`; see [`FILES`]), built into the binary.
//!
//! - Templates say `{{t "week-uk-time"}}` or, with arguments,
//!   `{{t "home-hello" name=name}}`; Rust code that builds words for a page
//!   (labels, form errors) calls [`text`] or [`text_with`] with the
//!   request's [`Lang`].
//! - A key the Welsh catalogue lacks falls back to English and is recorded;
//!   a key neither has prints as itself and is recorded too. Each page
//!   carries the keys it used and those that fell back in an inert
//!   `<template id="i18n" data-keys="…" data-untranslated="…">` before
//!   `</body>` (see [`mark_page`]), which the browser suite reads.
//! - Welsh strings not yet checked by a Welsh speaker sit under a group
//!   comment ending `[unchecked]` (see docs/translating.md); a test keeps
//!   the list there true.
//!
//! The record of keys is per request: every request runs inside
//! [`scoped`] (a task-local record set up in `web::start`), so words made in
//! Rust before the render are gathered with the template's own, and two
//! requests sharing a worker thread never mix their records. Words made on
//! the blocking pool (inside `with_conn`) go to that thread's record and
//! are carried back ([`gathered`], [`record`]). The request's language is
//! kept there too, so an error page, which has no session to ask, is in
//! the person's language ([`request_lang`]).

use std::cell::RefCell;
use std::collections::BTreeSet;
use std::sync::LazyLock;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use handlebars::{
    Context, Handlebars, Helper, HelperDef, HelperResult, Output, RenderContext, RenderErrorReason,
};
use serde_json::Value;

/// A language the pages are written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Lang {
    #[default]
    En,
    Cy,
}

impl Lang {
    /// The code stored on the user and in the cookie: `en`, `cy`.
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Cy => "cy",
        }
    }

    /// The page's `<html lang>`.
    pub fn html_tag(self) -> &'static str {
        match self {
            Lang::En => "en-GB",
            Lang::Cy => "cy",
        }
    }

    /// `en` or `cy`; anything else is no choice.
    pub fn parse(code: &str) -> Option<Lang> {
        match code.trim() {
            "en" => Some(Lang::En),
            "cy" => Some(Lang::Cy),
            _ => None,
        }
    }

    pub const ALL: [Lang; 2] = [Lang::En, Lang::Cy];
}

/// The files of each language's catalogue, by area: `pages.ftl` (the
/// layout, sign-in, home, the week, cases and a case, the forms' shared
/// words and the coded values), `records.ftl` (the records kept on a case
/// and their forms), `service.ftl` (the service's own pages: directory,
/// settings, court lists, reports, messages). A key lives in one file only.
pub const FILES: [&str; 3] = ["pages.ftl", "records.ftl", "service.ftl"];

/// The English files, in the order of [`FILES`], embedded so a fresh
/// install needs nothing beside the binary.
pub const ENGLISH_SOURCES: [&str; 3] = [
    include_str!("../../../locales/en/pages.ftl"),
    include_str!("../../../locales/en/records.ftl"),
    include_str!("../../../locales/en/service.ftl"),
];

/// The Welsh files, in the order of [`FILES`].
pub const WELSH_SOURCES: [&str; 3] = [
    include_str!("../../../locales/cy/pages.ftl"),
    include_str!("../../../locales/cy/records.ftl"),
    include_str!("../../../locales/cy/service.ftl"),
];

/// A language's catalogue files, each with its name.
pub fn sources(lang: Lang) -> impl Iterator<Item = (&'static str, &'static str)> {
    let files = match lang {
        Lang::En => ENGLISH_SOURCES,
        Lang::Cy => WELSH_SOURCES,
    };
    FILES.into_iter().zip(files)
}

struct Catalogues {
    en: FluentBundle<FluentResource>,
    cy: FluentBundle<FluentResource>,
}

fn bundle(tag: &str, lang: Lang) -> FluentBundle<FluentResource> {
    let id: unic_langid::LanguageIdentifier = tag.parse().unwrap_or_default();
    let mut bundle = FluentBundle::new_concurrent(vec![id]);
    // The words go into HTML, where Unicode isolation marks would show as
    // stray characters in copy and paste and in the tests' text searches.
    bundle.set_use_isolating(false);
    for (_, source) in sources(lang) {
        // A broken file keeps what parsed, and a key repeated across files
        // keeps its first words; the tests refuse both.
        let resource = FluentResource::try_new(source.to_owned()).unwrap_or_else(|(r, _)| r);
        let _ = bundle.add_resource(resource);
    }
    bundle
}

static CATALOGUES: LazyLock<Catalogues> = LazyLock::new(|| Catalogues {
    en: bundle("en-GB", Lang::En),
    cy: bundle("cy", Lang::Cy),
});

/// The keys a page used and those that fell back, and the request's
/// language where known.
#[derive(Default)]
struct Record {
    used: BTreeSet<String>,
    untranslated: BTreeSet<String>,
    lang: Option<Lang>,
}

tokio::task_local! {
    static REQUEST: RefCell<Record>;
}

thread_local! {
    // Outside a request (the blocking pool, tests): this thread's record.
    static THREAD: RefCell<Record> = RefCell::new(Record::default());
    static RENDERING: RefCell<Lang> = const { RefCell::new(Lang::En) };
}

/// Runs `f` on the request's record, or on this thread's outside one.
fn noting<T>(f: impl FnOnce(&mut Record) -> T) -> T {
    let mut f = Some(f);
    if let Ok(Some(out)) = REQUEST.try_with(|r| f.take().map(|f| f(&mut r.borrow_mut()))) {
        return out;
    }
    // Not in a request: `f` was not taken.
    let f = f.expect("outside a request the closure has not run");
    THREAD.with(|r| f(&mut r.borrow_mut()))
}

/// Runs one request with its own record of keys, in the language the
/// pre-sign-in cookie names (a session's stored choice replaces it, see
/// [`set_request_lang`]).
pub async fn scoped<F: std::future::Future>(lang: Option<Lang>, request: F) -> F::Output {
    let record = Record {
        lang,
        ..Record::default()
    };
    REQUEST.scope(RefCell::new(record), request).await
}

/// Sets the request's language (from the session).
pub fn set_request_lang(lang: Lang) {
    noting(|r| r.lang = Some(lang));
}

/// The request's language: the session's, else the cookie's, else English.
pub fn request_lang() -> Lang {
    noting(|r| r.lang).unwrap_or_default()
}

fn format(
    bundle: &FluentBundle<FluentResource>,
    key: &str,
    args: Option<&FluentArgs>,
) -> Option<String> {
    let pattern = bundle.get_message(key)?.value()?;
    let mut errors = Vec::new();
    let out = bundle.format_pattern(pattern, args, &mut errors);
    Some(out.into_owned())
}

/// The words for `key` in `lang`, with arguments. English when the
/// language lacks the key (recorded as untranslated); the key itself when
/// neither has it (recorded too).
pub fn text_with(lang: Lang, key: &str, args: &[(&str, String)]) -> String {
    let mut fluent_args = FluentArgs::new();
    for (name, value) in args {
        // Whole numbers go in as numbers, so that a message can choose its
        // plural form; everything else as text.
        let number =
            (!value.is_empty() && value.len() < 10 && value.bytes().all(|b| b.is_ascii_digit()))
                .then(|| value.parse::<u32>().ok())
                .flatten();
        match number {
            Some(n) => fluent_args.set(*name, FluentValue::from(n)),
            None => fluent_args.set(*name, FluentValue::from(value.clone())),
        }
    }
    let args = (!args.is_empty()).then_some(&fluent_args);
    noting(|r| r.used.insert(key.to_owned()));
    let catalogues = &*CATALOGUES;
    let own = match lang {
        Lang::En => format(&catalogues.en, key, args),
        Lang::Cy => format(&catalogues.cy, key, args),
    };
    own.unwrap_or_else(|| {
        noting(|r| r.untranslated.insert(key.to_owned()));
        format(&catalogues.en, key, args).unwrap_or_else(|| key.to_owned())
    })
}

/// Records that a word the page shows had no translation (for words from
/// outside the catalogue, such as the API's messages).
pub fn note_untranslated(key: &str) {
    noting(|r| r.untranslated.insert(key.to_owned()));
}

/// Whether the English catalogue has `key`.
pub fn has(key: &str) -> bool {
    CATALOGUES.en.has_message(key)
}

/// The words for `key` in `lang`.
pub fn text(lang: Lang, key: &str) -> String {
    text_with(lang, key, &[])
}

/// Sets the language for the `t` helper for one render, and gives back
/// the keys used and those that fell back.
pub fn rendering<T>(lang: Lang, render: impl FnOnce() -> T) -> (T, Vec<String>, Vec<String>) {
    RENDERING.with(|r| *r.borrow_mut() = lang);
    let out = render();
    RENDERING.with(|r| *r.borrow_mut() = Lang::En);
    let (used, missing) = take();
    (out, used, missing)
}

/// Runs `f` on a thread of the blocking pool with a fresh record and the
/// request's language, and gives back the keys it used and those that
/// fell back.
pub fn gathered<T>(lang: Lang, f: impl FnOnce() -> T) -> (T, Vec<String>, Vec<String>) {
    take();
    let before = noting(|r| r.lang.replace(lang));
    let out = f();
    noting(|r| r.lang = before);
    let (used, untranslated) = take();
    (out, used, untranslated)
}

/// Runs `f` with a record of its own and gives back the keys it used and
/// those that fell back (for something made once and kept, whose words
/// each page showing it records again); the keys noted before are kept.
pub fn apart<T>(f: impl FnOnce() -> T) -> (T, Vec<String>, Vec<String>) {
    let (before_used, before_untranslated) = take();
    let out = f();
    let (used, untranslated) = take();
    record(before_used, before_untranslated);
    (out, used, untranslated)
}

/// The keys this thread's record holds (used, and fallen back to
/// English), taken out of it: for a page put together from parts drawn
/// before, each of which recorded its own.
pub fn noted() -> (Vec<String>, Vec<String>) {
    take()
}

fn take() -> (Vec<String>, Vec<String>) {
    let (used, missing) = noting(|r| {
        (
            std::mem::take(&mut r.used),
            std::mem::take(&mut r.untranslated),
        )
    });
    (used.into_iter().collect(), missing.into_iter().collect())
}

/// Adds keys recorded on another thread (the blocking pool) to the
/// request's record.
pub fn record(used: Vec<String>, untranslated: Vec<String>) {
    noting(|r| {
        r.used.extend(used);
        r.untranslated.extend(untranslated);
    });
}

/// The page's language from its data (`layout.lang`, set by the layout
/// functions); English when absent.
pub fn lang_of(data: &Value) -> Lang {
    data["layout"]["lang"]
        .as_str()
        .and_then(Lang::parse)
        .unwrap_or_default()
}

/// Adds the record of keys before `</body>`.
pub fn mark_page(html: String, used: &[String], untranslated: &[String]) -> String {
    let Some(at) = html.rfind("</body>") else {
        return html;
    };
    let mut mark = format!(r#"<template id="i18n" data-keys="{}""#, used.join(" "));
    if !untranslated.is_empty() {
        mark.push_str(&format!(
            r#" data-untranslated="{}""#,
            untranslated.join(" ")
        ));
    }
    mark.push_str("></template>\n");
    let mut out = html;
    out.insert_str(at, &mark);
    out
}

/// `{{t "key"}}` and `{{t "key" name=value}}`: the words in the page's
/// language, HTML-escaped here (`&`, `<`, `>` and `"`; an apostrophe is
/// safe in text and in double-quoted attributes, and stays as typed).
pub struct Translate;

/// Escapes text for HTML text and double-quoted attributes.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            other => out.push(other),
        }
    }
    out
}

impl HelperDef for Translate {
    fn call<'reg: 'rc, 'rc>(
        &self,
        h: &Helper<'rc>,
        _: &'reg Handlebars<'reg>,
        _: &'rc Context,
        _: &mut RenderContext<'reg, 'rc>,
        out: &mut dyn Output,
    ) -> HelperResult {
        let key = h
            .param(0)
            .and_then(|p| p.value().as_str())
            .ok_or(RenderErrorReason::ParamNotFoundForIndex("t", 0))?;
        let args: Vec<(&str, String)> = h
            .hash()
            .iter()
            .map(|(name, v)| {
                let value = match v.value() {
                    Value::String(s) => s.clone(),
                    Value::Null => String::new(),
                    other => other.to_string(),
                };
                (*name, value)
            })
            .collect();
        let lang = RENDERING.with(|r| *r.borrow());
        out.write(&escape(&text_with(lang, key, &args)))?;
        Ok(())
    }
}

/// The message ids of a catalogue file, in order (`id = ...` at the start
/// of a line).
pub fn keys(source: &str) -> Vec<&str> {
    source
        .lines()
        .filter(|l| l.starts_with(|c: char| c.is_ascii_alphabetic()))
        .filter_map(|l| l.split_once(" ="))
        .map(|(id, _)| id.trim())
        .collect()
}

/// The group comments (`## name`) of a catalogue file that end in
/// `[unchecked]`: the sections whose Welsh has not been checked by a Welsh
/// speaker.
pub fn unchecked_sections(source: &str) -> Vec<String> {
    source
        .lines()
        .filter_map(|l| l.strip_prefix("## "))
        .filter_map(|l| l.trim().strip_suffix("[unchecked]"))
        .map(|name| name.trim().to_owned())
        .collect()
}

/// A date in the page's language: "Monday 30 March 2026" or "dydd Llun 30
/// Mawrth 2026".
pub fn day(lang: Lang, date: chrono::NaiveDate) -> String {
    match lang {
        Lang::En => date.format("%A %-d %B %Y").to_string(),
        Lang::Cy => crate::notify::render::date_words("cy", date),
    }
}

/// A time of day in London in the page's language: "10am" or "10:00yb",
/// naming the zone on the repeated autumn hour.
pub fn clock(lang: Lang, t: chrono::DateTime<chrono::Utc>) -> String {
    match lang {
        Lang::En => crate::calendar::format_time(t),
        Lang::Cy => {
            let english = crate::calendar::format_time(t);
            let local = crate::calendar::to_london(t).time();
            let words = crate::notify::render::clock_words("cy", local);
            match english.split_once(" (") {
                Some((_, zone)) => format!("{words} ({zone}"),
                None => words,
            }
        }
    }
}

/// "Monday 30 March 2026, 10:00 (BST)" or "dydd Llun 30 Mawrth 2026,
/// 10:00yb (BST)".
pub fn long(lang: Lang, t: chrono::DateTime<chrono::Utc>) -> String {
    match lang {
        Lang::En => crate::calendar::format_long(t),
        Lang::Cy => {
            let english = crate::calendar::format_long(t);
            let local = crate::calendar::to_london(t);
            let zone = english.rsplit_once(" (").map(|(_, z)| z).unwrap_or(")");
            format!(
                "{}, {} ({zone}",
                crate::notify::render::date_words("cy", local.date_naive()),
                crate::notify::render::clock_words("cy", local.time()),
            )
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{NaiveDate, TimeZone, Utc};

    #[test]
    fn both_catalogues_parse_without_errors() {
        for lang in Lang::ALL {
            for (file, source) in sources(lang) {
                if let Err((_, errors)) = FluentResource::try_new(source.to_owned()) {
                    panic!("locales/{}/{file}: {errors:?}", lang.code());
                }
            }
        }
    }

    #[test]
    fn every_key_is_in_both_languages() {
        let all_en: Vec<&str> = ENGLISH_SOURCES.iter().flat_map(|s| keys(s)).collect();
        let all_cy: Vec<&str> = WELSH_SOURCES.iter().flat_map(|s| keys(s)).collect();
        let en: BTreeSet<&str> = all_en.iter().copied().collect();
        let cy: BTreeSet<&str> = all_cy.iter().copied().collect();
        let only_en: Vec<_> = en.difference(&cy).collect();
        let only_cy: Vec<_> = cy.difference(&en).collect();
        assert!(only_en.is_empty(), "in English only: {only_en:?}");
        assert!(only_cy.is_empty(), "in Welsh only: {only_cy:?}");
        assert_eq!(en.len(), all_en.len(), "a key repeats in English");
        assert_eq!(cy.len(), all_cy.len(), "a key repeats in Welsh");
        // Each key sits in the same file in both languages.
        for (file, (en_file, cy_file)) in
            FILES.iter().zip(ENGLISH_SOURCES.iter().zip(WELSH_SOURCES))
        {
            let a: BTreeSet<&str> = keys(en_file).into_iter().collect();
            let b: BTreeSet<&str> = keys(cy_file).into_iter().collect();
            assert_eq!(a, b, "{file}: the two languages' files hold different keys");
        }
    }

    #[test]
    fn every_key_a_template_or_the_code_uses_is_in_the_catalogue() {
        let en: BTreeSet<&str> = ENGLISH_SOURCES.iter().flat_map(|s| keys(s)).collect();
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut missing = Vec::new();
        for dir in ["templates/pages", "templates/partials", "src/web/ui"] {
            for entry in std::fs::read_dir(root.join(dir)).unwrap() {
                let path = entry.unwrap().path();
                // This file's own tests name keys that must be missing.
                if path.ends_with("i18n.rs") {
                    continue;
                }
                let text = std::fs::read_to_string(&path).unwrap_or_default();
                for key in used_keys(&text) {
                    if !en.contains(key.as_str()) {
                        missing.push(format!("{}: {key}", path.display()));
                    }
                }
            }
        }
        assert!(
            missing.is_empty(),
            "keys in neither catalogue: {missing:#?}"
        );
    }

    /// Keys named as `{{t "key"` or `(t "key"` in templates, and as the
    /// first string in `text(...)` or `text_with(...)` in Rust.
    fn used_keys(text: &str) -> Vec<String> {
        let mut out = Vec::new();
        for opener in ["{{t ", "(t ", "text(", "text_with(", "field_words("] {
            let mut rest = text;
            while let Some(at) = rest.find(opener) {
                rest = &rest[at + opener.len()..];
                let call = rest.split([')', '}', ';']).next().unwrap_or_default();
                let Some((_, after)) = call.split_once('"') else {
                    continue;
                };
                let Some((key, _)) = after.split_once('"') else {
                    continue;
                };
                let shaped = key.contains('-')
                    && key
                        .chars()
                        .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
                if shaped {
                    out.push(key.to_owned());
                }
            }
        }
        out
    }

    #[test]
    fn a_welsh_gap_falls_back_to_english_and_is_recorded() {
        let ((), used, missing) = rendering(Lang::Cy, || {
            assert_eq!(
                text(Lang::Cy, "no-such-key-anywhere"),
                "no-such-key-anywhere"
            );
            assert_eq!(text(Lang::Cy, "layout-sign-out"), "Allgofnodi");
        });
        assert_eq!(missing, vec!["no-such-key-anywhere".to_owned()]);
        assert!(used.contains(&"layout-sign-out".to_owned()));
        let html = mark_page("<body>x</body>".into(), &used, &missing);
        assert!(
            html.contains(r#"data-untranslated="no-such-key-anywhere""#),
            "{html}"
        );
    }

    #[test]
    fn the_helper_escapes_markup_in_arguments_but_keeps_apostrophes() {
        let mut hb = Handlebars::new();
        hb.register_helper("t", Box::new(Translate));
        hb.register_template_string(
            "x",
            r#"<p title="{{t "home-hello" name=n}}">{{t "sign-in-oidc-heading"}}</p>"#,
        )
        .unwrap();
        let ((out, _), _, _) = rendering(Lang::En, || {
            (
                hb.render("x", &serde_json::json!({"n": "<b>\"Sam\"</b>"}))
                    .unwrap(),
                (),
            )
        });
        assert_eq!(
            out,
            r#"<p title="Hello, &lt;b&gt;&quot;Sam&quot;&lt;/b&gt;">Or use your organisation's account</p>"#
        );
    }

    #[test]
    fn arguments_are_filled_in_without_isolation_marks() {
        let out = text_with(Lang::En, "home-hello", &[("name", "Sam".into())]);
        assert_eq!(out, "Hello, Sam");
        let out = text_with(Lang::Cy, "home-hello", &[("name", "Sam".into())]);
        assert_eq!(out, "Helo, Sam");
    }

    #[test]
    fn welsh_dates_and_times_come_from_the_notices_table() {
        let date = NaiveDate::from_ymd_opt(2026, 11, 2).unwrap();
        assert_eq!(day(Lang::Cy, date), "dydd Llun 2 Tachwedd 2026");
        assert_eq!(day(Lang::En, date), "Monday 2 November 2026");
        let ten = Utc.with_ymd_and_hms(2026, 11, 2, 10, 0, 0).unwrap();
        assert_eq!(clock(Lang::Cy, ten), "10:00yb");
        assert_eq!(clock(Lang::En, ten), "10am");
        let half_two_bst = Utc.with_ymd_and_hms(2026, 7, 1, 13, 30, 0).unwrap();
        assert_eq!(clock(Lang::Cy, half_two_bst), "2:30yh");
        let noon = Utc.with_ymd_and_hms(2026, 11, 2, 12, 0, 0).unwrap();
        assert_eq!(clock(Lang::Cy, noon), "hanner dydd");
        assert_eq!(
            long(Lang::Cy, ten),
            "dydd Llun 2 Tachwedd 2026, 10:00yb (GMT)"
        );
        // The repeated autumn hour names its zone in Welsh too.
        let first = Utc.with_ymd_and_hms(2026, 10, 25, 0, 30, 0).unwrap();
        let second = Utc.with_ymd_and_hms(2026, 10, 25, 1, 30, 0).unwrap();
        assert_eq!(clock(Lang::Cy, first), "1:30yb (BST)");
        assert_eq!(clock(Lang::Cy, second), "1:30yb (GMT)");
    }

    #[test]
    fn the_marked_sections_are_the_ones_the_guide_lists() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let guide = std::fs::read_to_string(root.join("docs/translating.md")).unwrap();
        let listed: Vec<String> = guide
            .split("## Pages: still marked as unchecked")
            .nth(1)
            .expect("the guide has a section listing the pages' unchecked strings")
            .lines()
            .skip_while(|l| !l.starts_with("- "))
            .take_while(|l| l.starts_with("- "))
            .map(|l| l.trim_start_matches("- ").trim_matches('`').to_owned())
            .collect();
        let marked: Vec<String> = sources(Lang::Cy)
            .flat_map(|(file, source)| {
                unchecked_sections(source)
                    .into_iter()
                    .map(move |s| format!("locales/cy/{file}: {s}"))
            })
            .collect();
        assert_eq!(listed, marked);
    }
}

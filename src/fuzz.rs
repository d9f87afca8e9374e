//! Fuzz targets, written as proptest properties so they run in every
//! `cargo test --lib` with a fixed seed (the same inputs every run; set
//! `PROPTEST_RNG_SEED` to explore others and `PROPTEST_CASES` for more
//! cases). One target per parser of outside input:
//!
//! | target | input | cases |
//! |---|---|---|
//! | `court_list_arbitrary_json` | any JSON value, as bytes, given and recognised list types | 256 |
//! | `court_list_mutated_samples` | our court lists in the published formats (`fixtures/court-lists`) with values replaced, removed, or bytes cut and flipped | 256 |
//! | `list_query_strings` | any query string into every list filter and the paging parameters | 512 |
//! | `page_form_fields` | any url-encoded form; dates and times typed into page forms | 512 |
//! | `notice_template_data` | any strings (and other JSON) in every notice template's data | 128 |
//! | `ics_text_and_folding` | any text in a calendar event | 512 |
//! | `field_key_settings` | any `COURTSIDE_FIELD_KEYS` text, and valid key lists | 512 |
//! | `if_match_headers` | any `If-Match` header value | 512 |
//! | `trusted_proxy_settings` | any `COURTSIDE_TRUSTED_PROXIES` text and `X-Forwarded-For` chains | 512 |
//!
//! Each asserts no panic, an error of the module's own type (mapped to a
//! 4xx answer where it reaches a client), and well-formed output.
//! Failures proptest finds are saved under `proptest-regressions/` and
//! committed, so they are replayed first on every later run.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use actix_web::ResponseError;
use proptest::prelude::*;
use proptest::test_runner::{Config as ProptestConfig, RngSeed};
use serde_json::{Map, Value};

use crate::court_lists::schema::SchemaSet;
use crate::court_lists::{self, ListType};
use crate::error::AppError;

/// Deterministic unless the environment asks otherwise.
fn config(cases: u32) -> ProptestConfig {
    let cases = std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(cases);
    let rng_seed = if std::env::var_os("PROPTEST_RNG_SEED").is_some() {
        ProptestConfig::default().rng_seed
    } else {
        RngSeed::Fixed(0x000C_0025_1DE5)
    };
    ProptestConfig {
        cases,
        rng_seed,
        ..ProptestConfig::default()
    }
}

/// A client-visible answer for bad input is never a 5xx.
fn assert_client_error(err: &AppError) {
    let status = err.status_code();
    assert!(
        status.is_client_error(),
        "bad input answered {status}: {err:?}"
    );
}

// ---- court lists -------------------------------------------------------

/// Our own court lists in the published formats (HMCTS's samples are
/// read only by `tests/court_list_samples.rs`, outside the product).
fn fixture_lists() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/court-lists")
}

/// The formats carried in the binary, as the service reads lists.
fn schemas() -> &'static SchemaSet {
    static SET: std::sync::OnceLock<SchemaSet> = std::sync::OnceLock::new();
    SET.get_or_init(SchemaSet::embedded)
}

fn samples() -> &'static [Value] {
    static SAMPLES: std::sync::OnceLock<Vec<Value>> = std::sync::OnceLock::new();
    SAMPLES.get_or_init(|| {
        let mut paths: Vec<PathBuf> = std::fs::read_dir(fixture_lists())
            .expect("the court-list fixtures are readable")
            .map(|e| e.expect("directory entry").path())
            .filter(|p| p.extension().is_some_and(|x| x == "json"))
            .collect();
        paths.sort();
        paths
            .iter()
            .map(|p| {
                serde_json::from_slice(&std::fs::read(p).expect("sample")).expect("sample JSON")
            })
            .collect()
    })
}

/// Every object key in the samples, so random documents look like lists.
fn sample_keys() -> Vec<String> {
    fn walk(v: &Value, out: &mut BTreeSet<String>) {
        match v {
            Value::Object(m) => {
                for (k, v) in m {
                    out.insert(k.clone());
                    walk(v, out);
                }
            }
            Value::Array(a) => a.iter().for_each(|v| walk(v, out)),
            _ => {}
        }
    }
    let mut keys = BTreeSet::new();
    samples().iter().for_each(|s| walk(s, &mut keys));
    keys.into_iter().collect()
}

fn json_leaf() -> impl Strategy<Value = Value> {
    prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        any::<f64>().prop_filter_map("finite", |f| serde_json::Number::from_f64(f)
            .map(Value::Number)),
        ".{0,24}".prop_map(Value::String),
        // Things parsers look inside: dates, times, instants.
        prop_oneof![
            Just("2026-03-20"),
            Just("2026-02-30"),
            Just("10:00"),
            Just("25:61"),
            Just("2026-03-20T10:00:00Z"),
            Just("2026-03-20T10:00:00.000+01:00"),
            Just("20/03/2026"),
            Just(""),
        ]
        .prop_map(|s| Value::String(s.to_string())),
    ]
}

fn json_value() -> impl Strategy<Value = Value> {
    let keys = sample_keys();
    json_leaf().prop_recursive(5, 96, 8, move |inner| {
        let key = prop_oneof![
            3 => proptest::sample::select(keys.clone()),
            1 => "[a-zA-Z]{1,12}",
        ];
        prop_oneof![
            proptest::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            proptest::collection::btree_map(key, inner, 0..8)
                .prop_map(|m| Value::Object(m.into_iter().collect::<Map<_, _>>())),
        ]
    })
}

/// One change to a sample: where (a walk of child picks) and what.
#[derive(Debug, Clone)]
enum Mutation {
    Replace(Vec<usize>, Value),
    Remove(Vec<usize>),
}

fn mutation() -> impl Strategy<Value = Mutation> {
    let path = proptest::collection::vec(any::<usize>(), 0..10);
    prop_oneof![
        (path.clone(), json_value()).prop_map(|(p, v)| Mutation::Replace(p, v)),
        path.prop_map(Mutation::Remove),
    ]
}

/// Follows `picks` down the document (each pick chooses a child modulo
/// the number of children) and applies the change at the last container.
fn apply(doc: &mut Value, mutation: &Mutation) {
    let (picks, new) = match mutation {
        Mutation::Replace(p, v) => (p, Some(v)),
        Mutation::Remove(p) => (p, None),
    };
    // Resolve the picks to a JSON pointer first, then change that place.
    let mut segments: Vec<String> = Vec::new();
    let mut at: &Value = doc;
    for pick in picks {
        let step = match at {
            Value::Object(m) if !m.is_empty() => {
                let key = m.keys().nth(pick % m.len()).expect("key").clone();
                let child = &m[&key];
                Some((key, child))
            }
            Value::Array(a) if !a.is_empty() => {
                let i = pick % a.len();
                Some((i.to_string(), &a[i]))
            }
            _ => None,
        };
        match step {
            Some((segment, child)) => {
                segments.push(segment);
                at = child;
            }
            None => break,
        }
    }
    let Some(last) = segments.pop() else {
        if let Some(v) = new {
            *doc = v.clone();
        }
        return;
    };
    let escape = |s: &str| s.replace('~', "~0").replace('/', "~1");
    let parent: String = segments.iter().map(|s| format!("/{}", escape(s))).collect();
    match doc.pointer_mut(&parent) {
        Some(Value::Object(m)) => match new {
            Some(v) => {
                m.insert(last, v.clone());
            }
            None => {
                m.remove(&last);
            }
        },
        Some(Value::Array(a)) => {
            let i: usize = last.parse().expect("index");
            match new {
                Some(v) => a[i] = v.clone(),
                None => {
                    a.remove(i);
                }
            }
        }
        _ => {}
    }
}

/// Parses as the importer does (recognised, and as each type) and checks
/// every outcome is a parsed list or a typed error that answers 4xx.
fn parse_everyway(bytes: &[u8]) {
    let given = std::iter::once(None).chain(ListType::ALL.into_iter().map(Some));
    for list_type in given {
        match court_lists::parse_document(bytes, list_type, schemas()) {
            Ok(parsed) => {
                if let Some(t) = list_type {
                    assert_eq!(parsed.list_type, t);
                }
                if let Some((first, last)) = parsed.period {
                    assert!(first <= last, "a list's period runs forwards");
                }
            }
            Err(court_lists::ListError::SchemasUnavailable(why)) => {
                panic!("the shared schemas should load: {why}")
            }
            Err(err) => {
                // The message names paths and rules, and the error maps to
                // a client error.
                let _ = err.to_string();
                assert_client_error(&AppError::from(err));
            }
        }
    }
}

proptest! {
    #![proptest_config(config(256))]

    #[test]
    fn court_list_arbitrary_json(doc in json_value()) {
        let _ = ListType::recognise(&doc);
        parse_everyway(&serde_json::to_vec(&doc).unwrap());
        // The mapping step alone, as if the schema had passed, must not
        // panic either.
        for t in ListType::ALL {
            let _ = court_lists::map_document(t, &doc);
        }
    }

    #[test]
    fn court_list_mutated_samples(
        which in any::<usize>(),
        mutations in proptest::collection::vec(mutation(), 1..4),
        cut in proptest::option::of(any::<usize>()),
        flip in proptest::option::of((any::<usize>(), any::<u8>())),
    ) {
        let mut doc = samples()[which % samples().len()].clone();
        for m in &mutations {
            apply(&mut doc, m);
        }
        let _ = ListType::recognise(&doc);
        for t in ListType::ALL {
            let _ = court_lists::map_document(t, &doc);
        }
        let mut bytes = serde_json::to_vec(&doc).unwrap();
        parse_everyway(&bytes);
        if let Some((at, byte)) = flip {
            let at = at % bytes.len();
            bytes[at] ^= byte;
        }
        if let Some(cut) = cut {
            bytes.truncate(cut % (bytes.len() + 1));
        }
        parse_everyway(&bytes);
    }
}

#[test]
fn every_fixture_list_still_parses_or_is_refused_cleanly() {
    for doc in samples() {
        parse_everyway(&serde_json::to_vec(doc).unwrap());
    }
}

// ---- query strings and forms --------------------------------------------

/// Query strings built from the names lists use, values of every kind,
/// and raw percent-escapes (valid and not).
fn query_string() -> impl Strategy<Value = String> {
    let name = prop_oneof![
        Just("page".to_string()),
        Just("per_page".to_string()),
        Just("case_id".to_string()),
        Just("victim_id".to_string()),
        Just("status".to_string()),
        Just("state".to_string()),
        Just("kind".to_string()),
        Just("from".to_string()),
        Just("to".to_string()),
        Just("court_id".to_string()),
        Just("role".to_string()),
        Just("organisation_id".to_string()),
        Just("format".to_string()),
        Just("all".to_string()),
        "[a-z_]{1,10}",
    ];
    let value = prop_oneof![
        any::<i64>().prop_map(|n| n.to_string()),
        Just("99999999999999999999999".to_string()),
        Just("-1".to_string()),
        Just("0".to_string()),
        Just("true".to_string()),
        Just("%".to_string()),
        Just("%zz".to_string()),
        Just("%00".to_string()),
        Just("%FF%FE".to_string()),
        "[ -~]{0,16}",
        ".{0,8}",
    ];
    proptest::collection::vec(
        prop_oneof![
            4 => (name, value).prop_map(|(n, v)| format!("{n}={v}")),
            1 => "[&=%+;]{0,4}",
        ],
        0..6,
    )
    .prop_map(|parts| parts.join("&"))
}

fn decode_query<T: serde::de::DeserializeOwned>(q: &str) {
    // Whatever happens, it is a value or an error, never a panic.
    let _ = actix_web::web::Query::<T>::from_query(q);
}

proptest! {
    #![proptest_config(config(512))]

    #[test]
    fn list_query_strings(q in query_string()) {
        use crate::resources as r;
        use crate::app::Resource;
        decode_query::<crate::app::PageParams>(&q);
        decode_query::<<r::AttendanceRequests as Resource>::Filter>(&q);
        decode_query::<<r::Cases as Resource>::Filter>(&q);
        decode_query::<<r::Consents as Resource>::Filter>(&q);
        decode_query::<<r::Courts as Resource>::Filter>(&q);
        decode_query::<<r::Deadlines as Resource>::Filter>(&q);
        decode_query::<<r::Warnings as Resource>::Filter>(&q);
        decode_query::<<r::Hearings as Resource>::Filter>(&q);
        decode_query::<<r::Notices as Resource>::Filter>(&q);
        decode_query::<<r::Organisations as Resource>::Filter>(&q);
        decode_query::<<r::ParoleMilestones as Resource>::Filter>(&q);
        decode_query::<<r::PreTrialVisits as Resource>::Filter>(&q);
        decode_query::<<r::SpecialMeasuresDiscussions as Resource>::Filter>(&q);
        decode_query::<<r::SupporterAssignments as Resource>::Filter>(&q);
        decode_query::<<r::Tasks as Resource>::Filter>(&q);
        decode_query::<<r::Users as Resource>::Filter>(&q);
        decode_query::<<r::Victims as Resource>::Filter>(&q);
        decode_query::<<r::VictimSensitiveDetails as Resource>::Filter>(&q);
        decode_query::<crate::web::api::sessions::SessionFilter>(&q);
    }

    #[test]
    fn page_form_fields(body in query_string(), typed in ".{0,20}") {
        use crate::web::ui::forms::{self, FormData, Problems};
        let pairs = actix_web::web::Query::<Vec<(String, String)>>::from_query(&body)
            .map(|q| q.into_inner())
            .unwrap_or_default();
        let form = FormData(pairs);
        let _ = form.values();
        let mut problems = Problems::new();
        for name in ["from", "to", "page", "status", "kind"] {
            let _ = form.text(name);
            let _ = form.all(name);
            let _ = form.ticked(name);
            let _ = forms::required_date(&form, name, "a date", &mut problems);
            let _ = forms::required_time(&form, name, "a time", &mut problems);
        }
        // Every problem names a field and says something.
        for p in &problems.0 {
            prop_assert!(!p.field.is_empty() && !p.message.is_empty());
        }
        // A date or time typed in any way is parsed or refused; what is
        // parsed reads back the same.
        if let Some(d) = forms::parse_date(&typed) {
            prop_assert_eq!(forms::parse_date(&d.format("%Y-%m-%d").to_string()), Some(d));
        }
        if let Some(t) = forms::parse_time(&typed) {
            prop_assert_eq!(forms::parse_time(&t.format("%H:%M").to_string()), Some(t));
        }
    }
}

// ---- notice rendering ---------------------------------------------------

fn renderer() -> &'static crate::notify::render::NoticeRenderer {
    static R: std::sync::OnceLock<crate::notify::render::NoticeRenderer> =
        std::sync::OnceLock::new();
    R.get_or_init(crate::notify::render::NoticeRenderer::new)
}

const MARKUP: &str = "<script>x</script>";

fn data_value() -> impl Strategy<Value = Value> {
    prop_oneof![
        4 => ".{0,30}".prop_map(|s| Value::String(format!("{s}{MARKUP}"))),
        1 => json_leaf(),
        1 => Just(Value::String("2026-03-30".into())),
        1 => Just(Value::String("14:30".into())),
        1 => Just(Value::String("2027-03".into())),
        1 => proptest::collection::vec(".{0,8}".prop_map(Value::String), 0..3).prop_map(Value::Array),
    ]
}

/// A value for one template field: mostly of the kind the field holds
/// (so the template renders and the free text in it is exercised), now
/// and then anything at all (so the typed helpers meet bad input).
fn field_value(key: &'static str) -> BoxedStrategy<Value> {
    let text = ".{0,30}".prop_map(|s| Value::String(format!("{s}{MARKUP}")));
    let typed: BoxedStrategy<Value> = if key.contains("month") {
        Just(Value::String("2027-03".into())).boxed()
    } else if key.contains("time") || key.ends_with("_start") {
        prop_oneof![Just("14:30"), Just("00:00"), Just("12:00"), Just("09:05")]
            .prop_map(|s| Value::String(s.into()))
            .boxed()
    } else if key.contains("date")
        || key.ends_with("_on")
        || key.ends_with("_by")
        || key.ends_with("_due")
        || key.ends_with("_ends")
        || key.ends_with("_until")
        || key == "from"
    {
        prop_oneof![Just("2026-03-30"), Just("2026-10-25"), Just("2027-02-28")]
            .prop_map(|s| Value::String(s.into()))
            .boxed()
    } else if [
        "evidence",
        "present",
        "requested",
        "in_place",
        "wishes",
        "to_suit",
        "relay",
        "disclosure",
    ]
    .iter()
    .any(|w| key.contains(w))
    {
        any::<bool>().prop_map(Value::Bool).boxed()
    } else if key.contains("measures") || key.contains("conditions") {
        proptest::collection::vec(text.clone(), 0..3)
            .prop_map(Value::Array)
            .boxed()
    } else {
        text.boxed()
    };
    prop_oneof![4 => typed, 1 => data_value()].boxed()
}

fn template_data() -> impl Strategy<Value = Vec<(crate::flows::TemplateKey, Map<String, Value>)>> {
    use crate::flows::TemplateKey;
    TemplateKey::ALL
        .iter()
        .map(|&template| {
            template
                .allow_list()
                .iter()
                .map(|&key| field_value(key).prop_map(move |v| (key.to_string(), v)))
                .collect::<Vec<_>>()
                .prop_map(move |fields| (template, fields.into_iter().collect::<Map<_, _>>()))
        })
        .collect::<Vec<_>>()
}

/// Most generated data must render, or the escaping checks would rarely
/// run: the test counts and insists.
#[test]
fn notice_template_data() {
    use crate::web::api::outbox::{printable_html, RenderedOut};
    use std::sync::atomic::{AtomicUsize, Ordering};
    let rendered = AtomicUsize::new(0);
    let refused = AtomicUsize::new(0);
    let mut cfg = config(128);
    cfg.source_file = Some(file!());
    let mut runner = proptest::test_runner::TestRunner::new(cfg);
    let inputs = (
        template_data(),
        prop_oneof![
            Just("en".to_string()),
            Just("cy".to_string()),
            "[a-z-]{0,6}"
        ],
        ".{0,12}",
    );
    let outcome = runner.run(&inputs, |(all, language, extra)| {
        for (template, mut data) in all {
            // A key off the allow-list never reaches the text.
            data.insert(
                "victim_address".into(),
                Value::String(format!("OFFLIST{extra}")),
            );
            match renderer().render(template, &language, &data) {
                Ok(out) => {
                    rendered.fetch_add(1, Ordering::Relaxed);
                    prop_assert!(!out.subject.contains('\n'));
                    prop_assert!(!out.body.contains("OFFLIST"));
                    prop_assert!(!out.subject.contains("OFFLIST"));
                    let page = printable_html(&RenderedOut {
                        notice_id: "n".into(),
                        subject: out.subject.clone(),
                        body: out.body.clone(),
                        language: out.language.clone(),
                        not_for_public_disclosure: false,
                    });
                    prop_assert!(
                        !page.contains("<script"),
                        "markup in data reached the page unescaped"
                    );
                }
                Err(err) => {
                    refused.fetch_add(1, Ordering::Relaxed);
                    // Errors name templates and fields, never data values.
                    let text = err.to_string();
                    prop_assert!(!text.contains(MARKUP), "{}", text);
                }
            }
        }
        Ok(())
    });
    if let Err(failure) = outcome {
        panic!("{failure}");
    }
    let (ok, bad) = (rendered.into_inner(), refused.into_inner());
    assert!(ok > bad, "only {ok} of {} renders succeeded", ok + bad);
    assert!(bad > 0, "bad values never reached the typed helpers");
}

// ---- calendar text ------------------------------------------------------

/// Checks a whole feed: CRLF line ends only, no physical line over 75
/// octets, continuation lines start with a space, no control characters.
fn assert_well_formed_ics(feed: &str) -> Result<(), TestCaseError> {
    prop_assert!(feed.ends_with("\r\n"));
    for line in feed.split_terminator("\r\n") {
        prop_assert!(line.len() <= 75, "line over 75 octets: {:?}", line);
        prop_assert!(
            !line.chars().any(|c| c.is_control() && c != '\t'),
            "control character in {:?}",
            line
        );
    }
    let unfolded = feed.replace("\r\n ", "");
    let begins = unfolded.matches("\r\nBEGIN:VEVENT\r\n").count();
    let ends = unfolded.matches("\r\nEND:VEVENT\r\n").count();
    prop_assert_eq!(begins, ends);
    Ok(())
}

proptest! {
    #![proptest_config(config(512))]

    #[test]
    fn ics_text_and_folding(
        summary in ".{0,200}",
        description in proptest::option::of(".{0,300}"),
        location in proptest::option::of("[\\PC\r\n\t;,\\\\]{0,100}"),
        raw in ".{0,200}",
    ) {
        use crate::ics;
        // Escaping: nothing left that could end a line or a value early.
        let escaped = ics::escape_text(&raw);
        prop_assert!(!escaped.chars().any(|c| c.is_control()));
        let mut chars = escaped.chars();
        while let Some(c) = chars.next() {
            if c == '\\' {
                let next = chars.next();
                prop_assert!(matches!(next, Some('\\' | ';' | ',' | 'n')), "bad escape in {:?}", escaped);
            } else {
                prop_assert!(c != ';' && c != ',', "unescaped separator in {:?}", escaped);
            }
        }
        // Folding: short lines, and unfolding gives the line back.
        let line = format!("DESCRIPTION:{escaped}");
        let folded = ics::fold(&line);
        let unfolded = folded.replace("\r\n ", "");
        prop_assert_eq!(unfolded.trim_end_matches("\r\n"), line.as_str());
        assert_well_formed_ics(&folded)?;
        // A whole feed with that text in every field.
        let at = chrono::TimeZone::with_ymd_and_hms(&chrono::Utc, 2026, 3, 30, 9, 0, 0).unwrap();
        let calendar = ics::Calendar {
            name: raw.clone(),
            events: vec![ics::Event {
                uid: "hearing-1@courtside".into(),
                sequence: 1,
                starts_at: at,
                ends_at: at + chrono::Duration::hours(2),
                summary,
                location,
                description,
                status: ics::EventStatus::Confirmed,
                created_at: None,
                last_modified: None,
            }],
        };
        assert_well_formed_ics(&ics::write(&calendar, at))?;
    }
}

// ---- settings and headers -----------------------------------------------

fn key_spec_part() -> impl Strategy<Value = String> {
    prop_oneof![
        "[a-z0-9_-]{1,8}:[A-Za-z0-9+/=]{0,48}",
        Just(crate::crypto::KeyRing::generate_spec("k1")),
        ".{0,20}",
        Just(String::new()),
    ]
}

proptest! {
    #![proptest_config(config(512))]

    #[test]
    fn field_key_settings(parts in proptest::collection::vec(key_spec_part(), 0..4), sep in prop_oneof![Just(","), Just(", "), Just(",,")]) {
        use crate::crypto::{CryptoError, KeyRing};
        let spec = parts.join(sep);
        match KeyRing::parse(&spec) {
            Ok(ring) => {
                prop_assert!(ring.ids().contains(&ring.current_id().to_string()));
                let sealed = ring.encrypt("a secret");
                prop_assert_eq!(ring.decrypt(&sealed).unwrap(), "a secret");
            }
            Err(CryptoError::BadKeys(message)) => {
                // The message never repeats key material.
                for part in &parts {
                    if let Some((_, key)) = part.split_once(':') {
                        if key.trim().len() >= 8 {
                            prop_assert!(!message.contains(key.trim()), "{}", message);
                        }
                    }
                }
            }
            Err(other) => prop_assert!(false, "unexpected error kind: {other:?}"),
        }
    }

    #[test]
    fn if_match_headers(raw in proptest::collection::vec(any::<u8>(), 0..24), n in any::<i32>(), weak in any::<bool>()) {
        use crate::web::extract::if_match_version;
        use actix_web::http::header::HeaderValue;
        // Arbitrary bytes a header can carry.
        if let Ok(value) = HeaderValue::from_bytes(&raw) {
            let req = actix_web::test::TestRequest::default()
                .insert_header((actix_web::http::header::IF_MATCH, value))
                .to_http_request();
            match if_match_version(&req) {
                Ok(v) => prop_assert!(String::from_utf8_lossy(&raw).contains(&v.abs().to_string())),
                Err(err) => {
                    prop_assert!(matches!(err, AppError::Validation(_)), "{err:?}");
                    assert_client_error(&err);
                }
            }
        }
        // Every well-formed ETag reads back as its version.
        let plain = crate::web::extract::etag(n);
        let etag = if weak { format!("W/{plain}") } else { plain };
        let req = actix_web::test::TestRequest::default()
            .insert_header((actix_web::http::header::IF_MATCH, etag))
            .to_http_request();
        prop_assert_eq!(if_match_version(&req).unwrap(), n);
        // No header at all is its own answer (428).
        let req = actix_web::test::TestRequest::default().to_http_request();
        prop_assert!(matches!(if_match_version(&req), Err(AppError::VersionRequired)));
    }

    #[test]
    fn trusted_proxy_settings(
        spec in "[0-9a-f.:/, ]{0,40}",
        peer in any::<std::net::IpAddr>(),
        chain in proptest::collection::vec(prop_oneof![
            any::<std::net::IpAddr>().prop_map(|ip| ip.to_string()),
            Just("10.0.0.1".to_string()),
            "[ -~]{0,12}",
        ], 0..5),
    ) {
        use crate::web::client_ip::{client_ip, TrustedProxies};
        let trusted = match TrustedProxies::parse(&spec) {
            Ok(t) => t,
            Err(message) => {
                prop_assert!(!message.is_empty());
                TrustedProxies::parse("10.0.0.0/8").unwrap()
            }
        };
        let header = chain.join(",");
        let got = client_ip(peer, &[header.as_str()], &trusted);
        if !trusted.trusts(peer) {
            // An untrusted peer is always itself.
            prop_assert_eq!(got.to_string(), peer.to_canonical().to_string());
        } else {
            // Otherwise the answer is the peer or an address from the chain.
            let from_chain = chain
                .iter()
                .flat_map(|c| c.split(','))
                .any(|entry| entry.trim().trim_start_matches('[').contains(&got.to_string()));
            prop_assert!(got == peer.to_canonical() || from_chain, "{} from {:?}", got, chain);
        }
    }
}

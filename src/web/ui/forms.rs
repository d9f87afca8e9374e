//! Posted forms: the values sent, the errors to show (each linked to its
//! field), and the parsing of dates and times typed in UK local time.

use std::future::Future;
use std::pin::Pin;

use actix_web::dev::Payload;
use actix_web::{web, FromRequest, HttpRequest};
use chrono::{DateTime, NaiveDate, NaiveTime, Utc};
use serde::Serialize;
use serde_json::{json, Value};

use crate::error::{AppError, FieldError};

use super::PageError;

/// The fields of a posted `application/x-www-form-urlencoded` body, in the
/// order sent (a checkbox group sends its name once per ticked box).
#[derive(Debug, Clone, Default)]
pub struct FormData(pub Vec<(String, String)>);

impl FormData {
    /// A form as posted, from its name and value pairs (the tests' way to
    /// post one).
    pub fn of(pairs: &[(&str, &str)]) -> FormData {
        FormData(
            pairs
                .iter()
                .map(|(k, v)| (k.to_string(), v.to_string()))
                .collect(),
        )
    }

    /// The first value sent for `name`, as sent.
    pub fn get(&self, name: &str) -> Option<&str> {
        self.0
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    }

    /// The value trimmed, or `None` when missing or blank.
    pub fn text(&self, name: &str) -> Option<String> {
        self.get(name)
            .map(str::trim)
            .filter(|v| !v.is_empty())
            .map(str::to_string)
    }

    /// Every value sent for `name`.
    pub fn all(&self, name: &str) -> Vec<String> {
        self.0
            .iter()
            .filter(|(k, _)| k == name)
            .map(|(_, v)| v.trim().to_string())
            .collect()
    }

    pub fn ticked(&self, name: &str) -> bool {
        self.get(name).is_some()
    }

    /// The values as a JSON object, to fill a form again after an error
    /// (the anti-forgery token is left out: the page adds the current one).
    pub fn values(&self) -> Value {
        let mut map = serde_json::Map::new();
        for (k, v) in &self.0 {
            if k != super::session::CSRF_FIELD && !map.contains_key(k) {
                map.insert(k.clone(), Value::String(v.clone()));
            }
        }
        Value::Object(map)
    }
}

impl FromRequest for FormData {
    type Error = PageError;
    type Future = Pin<Box<dyn Future<Output = Result<Self, PageError>>>>;

    fn from_request(req: &HttpRequest, payload: &mut Payload) -> Self::Future {
        let form = web::Form::<Vec<(String, String)>>::from_request(req, payload);
        Box::pin(async move {
            let unreadable = || {
                PageError::App(AppError::MalformedBody(
                    "the form could not be read; go back and try again".into(),
                ))
            };
            let pairs = form.await.map_err(|_| unreadable())?.into_inner();
            // No one types a NUL, and PostgreSQL refuses it in text.
            if pairs
                .iter()
                .any(|(k, v)| k.contains('\0') || v.contains('\0'))
            {
                return Err(unreadable());
            }
            Ok(FormData(fold_dates(pairs)))
        })
    }
}

/// One problem to show: `field` is the id of the input it links to.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct Problem {
    pub field: String,
    pub message: String,
}

/// The problems with a posted form, in the order of the form's fields.
#[derive(Debug, Default, Clone)]
pub struct Problems(pub Vec<Problem>);

impl Problems {
    pub fn new() -> Self {
        Problems::default()
    }

    pub fn add(&mut self, field: &str, message: impl Into<String>) {
        if !self.0.iter().any(|p| p.field == field) {
            self.0.push(Problem {
                field: field.to_string(),
                message: message.into(),
            });
        }
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The API's field errors, placed on the form: `place` names, for an
    /// API field, the form field it belongs to and how to say it (a label
    /// that the API's message follows, e.g. "Start" + "is in the past").
    pub fn from_api(
        errors: &[FieldError],
        place: impl Fn(&str) -> (&'static str, &'static str),
    ) -> Self {
        // The request's language: the API's message in its words.
        let lang = super::i18n::request_lang();
        let mut problems = Problems::new();
        for e in errors {
            let (field, label) = place(&e.field);
            let message = super::api_words::in_language(lang, &e.message);
            let label = match label {
                "" => String::new(),
                words => super::api_words::in_language(lang, words),
            };
            problems.add(field, sentence(lang, &label, &message));
        }
        problems
    }

    /// For the template: the list, and each field's message by id.
    pub fn to_json(&self) -> Value {
        let mut by_field = serde_json::Map::new();
        for p in &self.0 {
            by_field.insert(p.field.clone(), Value::String(p.message.clone()));
        }
        json!({ "list": self.0, "by_field": by_field })
    }
}

/// A field's words in the request's language ("the day of the meeting",
/// "y diwrnod y cynhaliwyd y cyfarfod"), for the date and time problems.
pub fn field_words(key: &str) -> String {
    super::i18n::text(super::i18n::request_lang(), key)
}

/// A use case's refusal (a conflict's reason) as a sentence in the
/// request's language: "This need is already recorded ...".
pub fn refusal(message: &str) -> String {
    let lang = super::i18n::request_lang();
    sentence(lang, "", &super::api_words::in_language(lang, message))
}

/// "Start" + "is in the past; ..." → "Start is in the past; ...". In
/// Welsh the message is a clause of its own, so it follows the label after
/// a colon: "Dechrau: mae yn y gorffennol; ...".
fn sentence(lang: super::i18n::Lang, label: &str, message: &str) -> String {
    let message = message.trim();
    match (label.is_empty(), lang) {
        (true, _) => {
            let mut chars = message.chars();
            match chars.next() {
                Some(first) => first.to_uppercase().chain(chars).collect(),
                None => String::new(),
            }
        }
        (false, super::i18n::Lang::En) => format!("{label} {message}"),
        (false, super::i18n::Lang::Cy) => format!("{label}: {message}"),
    }
}

/// The suffixes of a date typed in three boxes (the GOV.UK date input):
/// `NAME-day`, `NAME-month` and `NAME-year`.
pub const DATE_PARTS: [(&str, &str); 3] = [("day", "-day"), ("month", "-month"), ("year", "-year")];

/// Joins each date typed in three boxes into one value under the date's own
/// name, so every form reads a date the same way whether it came from the
/// three boxes, a script, or a test posting `NAME=YYYY-MM-DD`:
/// - all three blank: nothing (the date was not given);
/// - a real date: `YYYY-MM-DD`;
/// - anything else: the parts as typed, `day month year` with spaces,
///   which `parse_date` never reads, so the form says it is not a real
///   date (a two-digit year included).
///
/// A name sent on its own is kept as sent and its boxes are ignored.
pub fn fold_dates(mut pairs: Vec<(String, String)>) -> Vec<(String, String)> {
    let part = |pairs: &[(String, String)], name: &str| {
        pairs
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.trim().to_string())
    };
    let bases: Vec<String> = pairs
        .iter()
        .filter_map(|(k, _)| k.strip_suffix("-day").map(str::to_string))
        .collect();
    for base in bases {
        if pairs.iter().any(|(k, _)| *k == base) {
            continue;
        }
        let [day, month, year] = DATE_PARTS
            .map(|(_, suffix)| part(&pairs, &format!("{base}{suffix}")).unwrap_or_default());
        if day.is_empty() && month.is_empty() && year.is_empty() {
            continue;
        }
        let real = match (
            day.parse::<u32>(),
            month.parse::<u32>(),
            year.parse::<i32>(),
        ) {
            (Ok(d), Ok(m), Ok(y)) if year.len() == 4 => NaiveDate::from_ymd_opt(y, m, d),
            _ => None,
        };
        let value = match real {
            Some(date) => date.format("%Y-%m-%d").to_string(),
            None => format!("{day} {month} {year}"),
        };
        pairs.push((base, value));
    }
    pairs
}

/// Which box of a date typed in three boxes was left blank while another
/// was filled ("day", "month" or "year"), for the GOV.UK message "… must
/// include a month".
pub fn missing_date_part(form: &FormData, name: &str) -> Option<&'static str> {
    let parts = DATE_PARTS.map(|(what, suffix)| {
        (
            what,
            form.text(&format!("{name}{suffix}")).is_some(),
            form.get(&format!("{name}{suffix}")).is_some(),
        )
    });
    let any_filled = parts.iter().any(|(_, filled, _)| *filled);
    parts
        .iter()
        .find(|(_, filled, sent)| *sent && !filled)
        .filter(|_| any_filled)
        .map(|(what, _, _)| *what)
}

/// A date as stored or posted (YYYY-MM-DD); also accepts DD/MM/YYYY with
/// a four-digit year, as typed in a plain text box.
pub fn parse_date(value: &str) -> Option<NaiveDate> {
    let v = value.trim();
    let four_digit_year = v.rsplit('/').next().is_some_and(|y| y.len() == 4);
    NaiveDate::parse_from_str(v, "%Y-%m-%d").ok().or_else(|| {
        four_digit_year
            .then(|| NaiveDate::parse_from_str(v, "%d/%m/%Y").ok())
            .flatten()
    })
}

/// A time from `<input type="time">` (HH:MM, 24-hour); also accepts
/// "10.30" and "9:30".
pub fn parse_time(value: &str) -> Option<NaiveTime> {
    let v = value.trim().replace('.', ":");
    NaiveTime::parse_from_str(&v, "%H:%M").ok()
}

/// A date and time typed in UK local time, as the instant it names, with
/// its offset, as the API takes it. A time the clocks skip in spring is
/// refused with a problem on `field`; a time they repeat in autumn means
/// its first (BST) occurrence, as everywhere in the calendar.
pub fn london_instant(
    date: NaiveDate,
    time: NaiveTime,
    field: &str,
    problems: &mut Problems,
) -> Option<(DateTime<Utc>, String)> {
    match crate::calendar::typed_local_to_utc(date, time) {
        Ok(instant) => Some((instant, crate::calendar::to_london(instant).to_rfc3339())),
        Err(skipped) => {
            let lang = super::i18n::request_lang();
            let time = match lang {
                super::i18n::Lang::En => crate::calendar::twelve_hour(skipped.time),
                super::i18n::Lang::Cy => crate::notify::render::clock_words("cy", skipped.time),
            };
            let date = super::i18n::day(lang, skipped.date);
            problems.add(
                field,
                super::i18n::text_with(
                    lang,
                    "form-skipped-time",
                    &[("time", time), ("date", date)],
                ),
            );
            None
        }
    }
}

/// Reads a required date field, adding a problem when it is missing or not
/// a date.
pub fn required_date(
    form: &FormData,
    name: &str,
    what: &str,
    problems: &mut Problems,
) -> Option<NaiveDate> {
    match form.text(name) {
        None => {
            problems.add(name, enter(what, "form-enter-date"));
            None
        }
        Some(v) => {
            let d = parse_date(&v);
            if d.is_none() {
                problems.add(name, not_a_date(form, name, what));
            }
            d
        }
    }
}

/// Reads a date that may be left blank: `None` when blank, and a problem
/// when given but not a real date.
pub fn optional_date(
    form: &FormData,
    name: &str,
    what: &str,
    problems: &mut Problems,
) -> Option<NaiveDate> {
    let v = form.text(name)?;
    let d = parse_date(&v);
    if d.is_none() {
        problems.add(name, not_a_date(form, name, what));
    }
    d
}

/// What to say of a date that was given but is not a real one, in the
/// GOV.UK pattern: the box left blank, or that it must be a real date. In
/// the request's language (`what` is the field's words in it).
pub fn not_a_date(form: &FormData, name: &str, what: &str) -> String {
    let lang = super::i18n::request_lang();
    let what = capital(what);
    match missing_date_part(form, name) {
        Some(part) => super::i18n::text_with(
            lang,
            "form-date-missing-part",
            &[
                ("what", what),
                (
                    "part",
                    super::i18n::text(lang, &format!("form-date-part-{part}")),
                ),
            ],
        ),
        None => super::i18n::text_with(lang, "form-date-not-real", &[("what", what)]),
    }
}

/// "Enter the date of the visit"; in Welsh, where the words after "Rhowch"
/// would mutate, the field's words then a colon: "Dyddiad yr ymweliad:
/// rhowch ddyddiad".
fn enter(what: &str, welsh_key: &str) -> String {
    match super::i18n::request_lang() {
        super::i18n::Lang::En => format!("Enter {what}"),
        lang => super::i18n::text_with(lang, welsh_key, &[("what", capital(what))]),
    }
}

/// Reads a required time field.
pub fn required_time(
    form: &FormData,
    name: &str,
    what: &str,
    problems: &mut Problems,
) -> Option<NaiveTime> {
    match form.text(name) {
        None => {
            problems.add(name, enter(what, "form-enter-time"));
            None
        }
        Some(v) => {
            let t = parse_time(&v);
            if t.is_none() {
                let lang = super::i18n::request_lang();
                problems.add(
                    name,
                    super::i18n::text_with(lang, "form-time-not-real", &[("what", capital(what))]),
                );
            }
            t
        }
    }
}

/// Reads a required choice that must be one of `parse`'s values.
pub fn required_choice<T>(
    form: &FormData,
    name: &str,
    missing: &str,
    parse: impl Fn(&str) -> Option<T>,
    problems: &mut Problems,
) -> Option<T> {
    let found = form.text(name).and_then(|v| parse(&v));
    if found.is_none() {
        problems.add(name, missing);
    }
    found
}

fn capital(what: &str) -> String {
    let what = what
        .strip_prefix("the ")
        .or_else(|| what.strip_prefix("a "))
        .unwrap_or(what);
    let mut chars = what.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn boxes(day: &str, month: &str, year: &str) -> Vec<(String, String)> {
        vec![
            ("date-day".into(), day.into()),
            ("date-month".into(), month.into()),
            ("date-year".into(), year.into()),
        ]
    }

    #[test]
    fn three_date_boxes_are_read_as_one_date() {
        let cases: [(&str, &str, &str, Option<&str>); 8] = [
            ("27", "3", "2026", Some("2026-03-27")),
            (" 1 ", "03", "2026", Some("2026-03-01")),
            ("", "", "", None),
            ("31", "2", "2026", Some("31 2 2026")),
            ("29", "2", "2028", Some("2028-02-29")),
            ("1", "3", "26", Some("1 3 26")),
            ("1", "", "2026", Some("1  2026")),
            ("first", "3", "2026", Some("first 3 2026")),
        ];
        for (d, m, y, want) in cases {
            let form = FormData(fold_dates(boxes(d, m, y)));
            assert_eq!(form.get("date"), want, "{d}/{m}/{y}");
            if let Some(v) = want.filter(|v| v.contains(' ')) {
                assert_eq!(parse_date(v), None, "{v} is not read as a date");
            }
        }
        // A date posted whole is kept; its boxes are not read.
        let mut sent = boxes("1", "1", "2020");
        sent.push(("date".into(), "2026-12-25".into()));
        assert_eq!(FormData(fold_dates(sent)).get("date"), Some("2026-12-25"));
    }

    #[test]
    fn a_date_missing_a_box_says_which() {
        let cases = [
            (("", "3", "2026"), "Date of the visit must include a day"),
            (("27", "", "2026"), "Date of the visit must include a month"),
            (("27", "3", ""), "Date of the visit must include a year"),
            (("31", "2", "2026"), "Date of the visit must be a real date"),
            (("27", "3", "26"), "Date of the visit must be a real date"),
        ];
        for ((d, m, y), want) in cases {
            let form = FormData(fold_dates(boxes(d, m, y)));
            let mut p = Problems::new();
            assert_eq!(
                required_date(&form, "date", "the date of the visit", &mut p),
                None
            );
            assert_eq!(p.0[0].message, want, "{d}/{m}/{y}");
            assert_eq!(p.0[0].field, "date");
        }
        let blank = FormData(fold_dates(boxes("", "", "")));
        let mut p = Problems::new();
        assert_eq!(
            required_date(&blank, "date", "the date of the visit", &mut p),
            None
        );
        assert_eq!(p.0[0].message, "Enter the date of the visit");
    }

    #[test]
    fn in_welsh_a_date_problem_follows_the_fields_words_after_a_colon() {
        use super::super::i18n::{gathered, Lang};
        let cases = [
            (
                ("", "3", "2026"),
                "Dyddiad yr ymweliad: rhaid iddo gynnwys diwrnod",
            ),
            (
                ("31", "2", "2026"),
                "Dyddiad yr ymweliad: rhaid iddo fod yn ddyddiad go iawn",
            ),
            (("", "", ""), "Dyddiad yr ymweliad: rhowch ddyddiad"),
        ];
        for ((d, m, y), want) in cases {
            let form = FormData(fold_dates(boxes(d, m, y)));
            let (p, _, untranslated) = gathered(Lang::Cy, || {
                let mut p = Problems::new();
                required_date(&form, "date", "dyddiad yr ymweliad", &mut p);
                p
            });
            assert_eq!(p.0[0].message, want, "{d}/{m}/{y}");
            assert!(untranslated.is_empty(), "{untranslated:?}");
        }
        let form = FormData(vec![("time".into(), "25:99".into())]);
        let (p, _, _) = gathered(Lang::Cy, || {
            let mut p = Problems::new();
            required_time(&form, "time", "amser yr ymweliad", &mut p);
            p
        });
        assert_eq!(
            p.0[0].message,
            "Amser yr ymweliad: rhaid iddo fod yn amser ar y cloc 24 awr, er enghraifft 14:30"
        );
    }

    #[test]
    fn dates_and_times_as_typed() {
        assert_eq!(
            parse_date("2026-03-30"),
            NaiveDate::from_ymd_opt(2026, 3, 30)
        );
        assert_eq!(
            parse_date("30/03/2026"),
            NaiveDate::from_ymd_opt(2026, 3, 30)
        );
        assert_eq!(parse_date("2026-02-30"), None);
        assert_eq!(
            parse_date("30/03/26"),
            None,
            "a two-digit year is not guessed"
        );
        assert_eq!(parse_time("09:30"), NaiveTime::from_hms_opt(9, 30, 0));
        assert_eq!(parse_time("9.30"), NaiveTime::from_hms_opt(9, 30, 0));
        assert_eq!(parse_time("25:00"), None);
    }

    #[test]
    fn london_instants_carry_the_offset_of_the_day() {
        let mut problems = Problems::new();
        let d = NaiveDate::from_ymd_opt(2026, 3, 30).unwrap();
        let (_, text) = london_instant(
            d,
            NaiveTime::from_hms_opt(10, 0, 0).unwrap(),
            "time",
            &mut problems,
        )
        .unwrap();
        assert_eq!(text, "2026-03-30T10:00:00+01:00");
        let d = NaiveDate::from_ymd_opt(2026, 3, 27).unwrap();
        let (_, text) = london_instant(
            d,
            NaiveTime::from_hms_opt(10, 0, 0).unwrap(),
            "time",
            &mut problems,
        )
        .unwrap();
        assert_eq!(text, "2026-03-27T10:00:00+00:00");
        assert!(problems.is_empty());
    }

    #[test]
    fn a_time_the_clocks_skip_is_refused_on_its_field() {
        let mut problems = Problems::new();
        let spring = NaiveDate::from_ymd_opt(2026, 3, 29).unwrap();
        let half_one = NaiveTime::from_hms_opt(1, 30, 0).unwrap();
        assert_eq!(
            london_instant(spring, half_one, "time", &mut problems),
            None
        );
        assert_eq!(problems.0.len(), 1);
        assert_eq!(problems.0[0].field, "time");
        assert!(
            problems.0[0]
                .message
                .starts_with("1:30am on Sunday 29 March 2026 does not exist in UK time"),
            "{:?}",
            problems.0
        );
        // The repeated autumn hour is taken as its first (BST) occurrence.
        let autumn = NaiveDate::from_ymd_opt(2026, 10, 25).unwrap();
        let (_, text) = london_instant(autumn, half_one, "time", &mut problems).unwrap();
        assert_eq!(text, "2026-10-25T01:30:00+01:00");
    }

    #[test]
    fn api_errors_land_on_form_fields_once() {
        let errors = vec![
            FieldError::new("starts_at", "is in the past"),
            FieldError::new("starts_at", "is wrong twice"),
            FieldError::new("court_id", "is not a court in the directory"),
        ];
        let p = Problems::from_api(&errors, |f| match f {
            "starts_at" => ("date", "Start"),
            _ => ("court", "Court"),
        });
        assert_eq!(
            p.0,
            vec![
                Problem {
                    field: "date".into(),
                    message: "Start is in the past".into()
                },
                Problem {
                    field: "court".into(),
                    message: "Court is not a court in the directory".into()
                },
            ]
        );
    }

    #[test]
    fn missing_fields_are_named() {
        let form = FormData(vec![
            ("date".into(), " ".into()),
            ("time".into(), "x".into()),
        ]);
        let mut p = Problems::new();
        assert!(required_date(&form, "date", "the date of the hearing", &mut p).is_none());
        assert!(required_time(&form, "time", "the start time", &mut p).is_none());
        assert_eq!(p.0[0].message, "Enter the date of the hearing");
        assert!(p.0[1].message.starts_with("Start time must be a time"));
    }
}

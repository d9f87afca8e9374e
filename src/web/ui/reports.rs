//! The partnership report page for managers: a filter form (dates in the
//! GOV.UK three-box pattern), the figures at a glance first (one headline
//! per measure and how many small counts are hidden), then each measure
//! behind a disclosure as an SVG chart with its one-line definition and
//! the same figures as a table, and a CSV download of exactly what is
//! shown.

use actix_web::http::StatusCode;
use actix_web::{web, HttpRequest, HttpResponse};
use serde_json::{json, Value};

use crate::domain::{CaseKind, CourtKind};
use crate::error::AppError;
use crate::error::FieldError;
use crate::policy::{Action, ResourceKind};
use crate::reporting::chart::{self, Bar};
use crate::reporting::{Measure, Report, ReportParams};
use crate::resources::Courts;
use crate::web::api::reports::{compute, csv_response};
use crate::web::AppState;

use super::fields::Field;
use super::forms::{field_words, fold_dates, optional_date, FormData, Problems};
use super::i18n::{self, text, text_with, Lang};
use super::session::Session;
use super::{labels, list_all, page, render_status, require, with_conn, PageError, PageResult};

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.route("/reports/partnership", web::get().to(report_page))
        .route("/reports/partnership.csv", web::get().to(report_csv));
}

/// The filters again, as a query string (for the CSV link).
fn query_string(r: &Report) -> String {
    let f = &r.filters;
    let mut parts = vec![
        format!("period={}", f.period),
        format!("from={}", f.from),
        format!("to={}", f.to),
    ];
    if let Some(c) = &f.court_id {
        parts.push(format!("court_id={c}"));
    }
    if let Some(k) = f.court_kind {
        parts.push(format!("court_kind={}", k.as_str()));
    }
    if let Some(k) = f.case_kind {
        parts.push(format!("case_kind={}", k.as_str()));
    }
    parts.join("&amp;")
}

/// The one figure that says most about a measure, for the summary: its
/// first share (a percentage) where it has one, else its total, else its
/// first figure.
fn headline(m: &Measure) -> Option<&crate::reporting::measures::Figure> {
    m.figures
        .iter()
        .find(|f| f.kind == "percent")
        .or_else(|| m.figures.iter().find(|f| f.kind == "total"))
        .or_else(|| m.figures.first())
}

/// How many of the report's figures are hidden to protect small counts.
fn hidden_count(r: &Report) -> usize {
    r.measures
        .iter()
        .flat_map(|m| &m.figures)
        .filter(|f| f.suppressed.is_some())
        .count()
}

/// The report's filter problems, as sentences on the form's fields.
fn problems_of(lang: Lang, errors: &[FieldError]) -> Problems {
    let mut problems = Problems::new();
    for e in errors {
        let said = |key: &str| text(lang, key);
        let (field, message) = match (e.field.as_str(), e.message.as_str()) {
            ("to", "must be on or after from") => ("to", said("reports-error-to-before-from")),
            ("from", "is required for a custom period") => ("from", said("reports-error-from")),
            ("to", "is required for a custom period") => ("to", said("reports-error-to")),
            ("to", m) => (
                "to",
                text_with(lang, "reports-error-to-other", &[("why", m.to_string())]),
            ),
            ("from", m) => (
                "from",
                text_with(lang, "reports-error-from-other", &[("why", m.to_string())]),
            ),
            ("court_id", _) => ("court_id", said("reports-error-court")),
            ("court_kind", _) => ("court_kind", said("reports-error-court-kind")),
            ("case_kind", _) => ("case_kind", said("reports-error-case-kind")),
            ("period", _) => ("period", said("reports-error-period")),
            (_, _) => ("period", said("reports-error-unread")),
        };
        problems.add(field, message);
    }
    problems
}

/// The query string as a form: the three date boxes of `from` and `to`
/// joined into dates, checked with the GOV.UK messages, and the filters
/// to compute with.
fn read_filters(req: &HttpRequest) -> (FormData, ReportParams, Problems) {
    let pairs = web::Query::<Vec<(String, String)>>::from_query(req.query_string())
        .map(web::Query::into_inner)
        .unwrap_or_default();
    let form = FormData(fold_dates(pairs));
    let mut problems = Problems::new();
    let from = optional_date(
        &form,
        "from",
        &field_words("form-field-report-from"),
        &mut problems,
    );
    let to = optional_date(
        &form,
        "to",
        &field_words("form-field-report-to"),
        &mut problems,
    );
    let params = ReportParams {
        period: form.text("period"),
        from: from.map(|d| d.to_string()),
        to: to.map(|d| d.to_string()),
        court_id: form.text("court_id"),
        court_kind: form.text("court_kind"),
        organisation_id: None,
        case_kind: form.text("case_kind"),
        format: None,
    };
    (form, params, problems)
}

/// The catalogue's key for a measure's words: `report-m-<measure>-title`,
/// `report-f-<measure>-<figure>`.
fn measure_key(kind: &str, measure: &str, rest: &str) -> String {
    format!("report-{kind}-{measure}-{rest}").replace('_', "-")
}

/// A figure's label in the page's language; a label the catalogue does
/// not know (a name from the data, such as an agency's) as it is.
fn figure_label(lang: Lang, m: &Measure, f: &crate::reporting::measures::Figure) -> String {
    let key = measure_key("f", m.key, &f.key);
    if lang == Lang::En || !i18n::has(&key) {
        f.label.clone()
    } else {
        text(lang, &key)
    }
}

/// What a figure shows, in the page's language: a number or share as it
/// is; "fewer than 5", "suppressed", "not available" and "2.5 days" in
/// words.
fn figure_display(lang: Lang, display: &str) -> String {
    if lang == Lang::En {
        return display.to_owned();
    }
    match display {
        "fewer than 5" => text(lang, "report-shown-fewer-than-5"),
        "suppressed" => text(lang, "report-shown-suppressed"),
        "not available" => text(lang, "report-shown-not-available"),
        other => match other.strip_suffix(" days") {
            Some(days) => text_with(lang, "report-shown-days", &[("days", days.to_owned())]),
            None => other.to_owned(),
        },
    }
}

fn measure_view(lang: Lang, m: &Measure) -> Result<Value, AppError> {
    let (title, definition) = match lang {
        Lang::En => (m.title.to_owned(), m.definition.to_owned()),
        _ => (
            text(lang, &measure_key("m", m.key, "title")),
            text(lang, &measure_key("m", m.key, "definition")),
        ),
    };
    let words: Vec<(String, String)> = m
        .figures
        .iter()
        .map(|f| (figure_label(lang, m, f), figure_display(lang, &f.display)))
        .collect();
    let bars: Vec<Bar> = m
        .figures
        .iter()
        .zip(&words)
        .filter(|(f, _)| f.kind == "count")
        .map(|(f, (label, display))| Bar {
            label: label.clone(),
            value: f.value.map(|v| v as i64),
            display: display.clone(),
        })
        .collect();
    let svg = if bars.is_empty() {
        None
    } else {
        let desc = words
            .iter()
            .map(|(label, display)| format!("{label}: {display}"))
            .collect::<Vec<_>>()
            .join("; ");
        Some(chart::bars(m.key, &title, &desc, &bars)?)
    };
    let top = headline(m).and_then(|top| {
        m.figures
            .iter()
            .position(|f| std::ptr::eq(f, top))
            .map(|i| &words[i])
    });
    Ok(json!({
        "key": m.key,
        "title": title,
        "definition": definition,
        "headline": top.map(|(label, display)| json!({"label": label, "display": display})),
        "hidden": m.figures.iter().filter(|f| f.suppressed.is_some()).count(),
        "svg": svg,
        "figures": m.figures.iter().zip(&words).map(|(f, (label, display))| json!({
            "label": label,
            "display": display,
            "total": f.kind == "total",
        })).collect::<Vec<_>>(),
    }))
}

/// A day of the report's period: "1 January 2026", or in Welsh with its
/// weekday as the notices write it.
fn report_day(lang: Lang, d: chrono::NaiveDate) -> String {
    match lang {
        Lang::En => d.format("%-d %B %Y").to_string(),
        Lang::Cy => i18n::day(lang, d),
    }
}

fn options(all: &[(String, String)], chosen: Option<&str>) -> Vec<Value> {
    all.iter()
        .map(|(v, l)| json!({"value": v, "label": l, "selected": Some(v.as_str()) == chosen}))
        .collect()
}

async fn report_page(state: web::Data<AppState>, s: Session, req: HttpRequest) -> PageResult {
    require(&s, ResourceKind::Report, Action::Read, "partnership report")?;
    let lang = s.lang;
    let (form, params, mut problems) = read_filters(&req);
    let report = if problems.is_empty() {
        match compute(&state, &s.actor, &params).await {
            Ok(r) => Some(r),
            Err(AppError::Validation(errors)) => {
                problems = problems_of(lang, &errors);
                None
            }
            Err(other) => return Err(PageError::from(other)),
        }
    } else {
        None
    };
    let courts = with_conn(&state, &s, |conn, ctx| {
        list_all::<Courts>(conn, ctx, json!({}))
    })
    .await?;
    let court_options: Vec<(String, String)> = courts
        .iter()
        .map(|c| (c.id.clone(), c.name.clone()))
        .collect();
    let court_kinds: Vec<(String, String)> = CourtKind::ALL
        .iter()
        .map(|k| (k.as_str().to_string(), labels::court_kind_in(lang, *k)))
        .collect();
    let case_kinds: Vec<(String, String)> = [CaseKind::Criminal, CaseKind::Family]
        .iter()
        .map(|k| (k.as_str().to_string(), labels::case_kind_in(lang, *k)))
        .collect();
    let periods: Vec<(String, String)> = [
        ("quarter", "reports-period-quarter"),
        ("month", "reports-period-month"),
        ("custom", "reports-period-custom"),
    ]
    .iter()
    .map(|(v, key)| (v.to_string(), text(lang, key)))
    .collect();
    // What the form shows again: the filters as computed, or as typed.
    let mut shown = form.clone();
    if let Some(r) = &report {
        shown = FormData(vec![
            ("period".into(), r.filters.period.to_string()),
            ("from".into(), r.filters.from.to_string()),
            ("to".into(), r.filters.to.to_string()),
        ]);
    } else if shown.get("period").is_none() {
        shown.0.push(("period".into(), "quarter".into()));
    }
    let dates = vec![
        Field::date("from", &text(lang, "reports-from"))
            .hint(&text(lang, "reports-from-hint"))
            .fill(&shown, &problems),
        Field::date("to", &text(lang, "reports-to"))
            .hint(&text(lang, "reports-to-hint"))
            .fill(&shown, &problems),
    ];
    let measures = match &report {
        Some(r) => r
            .measures
            .iter()
            .map(|m| measure_view(lang, m))
            .collect::<Result<Vec<_>, _>>()?,
        None => Vec::new(),
    };
    let data = json!({
        "errors": problems.to_json(),
        "periods": options(&periods, shown.get("period")),
        "dates": dates,
        "courts": options(&court_options, form.get("court_id")),
        "court_kinds": options(&court_kinds, form.get("court_kind")),
        "case_kinds": options(&case_kinds, form.get("case_kind")),
        "report": report.as_ref().map(|r| json!({
            "from": report_day(lang, r.filters.from),
            "to": report_day(lang, r.filters.to),
            "csv_href": format!("/reports/partnership.csv?{}", query_string(r)),
            "suppression": r.suppression,
            "hidden": hidden_count(r),
        })),
        "measures": measures,
    });
    let status = if problems.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    let mut data = page(&s, &text(lang, "nav-partnership-report"), "reports", data);
    data["layout"]["error"] = json!(!problems.is_empty());
    render_status(status, "reports", &data)
}

async fn report_csv(
    state: web::Data<AppState>,
    s: Session,
    req: HttpRequest,
) -> Result<HttpResponse, PageError> {
    require(&s, ResourceKind::Report, Action::Read, "partnership report")?;
    let (_, params, problems) = read_filters(&req);
    if let Some(p) = problems.0.first() {
        return Err(PageError::from(AppError::field(
            &p.field,
            p.message.clone(),
        )));
    }
    let report = compute(&state, &s.actor, &params).await?;
    Ok(csv_response(&report))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::reporting::Figure;

    fn figure(label: &str, kind: &'static str, display: &str, hidden: bool) -> Figure {
        Figure {
            key: label.to_lowercase(),
            label: label.into(),
            kind,
            value: (!hidden).then_some(1.0),
            display: display.into(),
            suppressed: hidden.then_some("fewer_than_5"),
        }
    }

    fn measure(figures: Vec<Figure>) -> Measure {
        Measure {
            key: "m",
            title: "A measure",
            definition: "What it counts",
            figures,
        }
    }

    #[test]
    fn the_summary_shows_a_share_first_then_a_total_then_the_first_figure() {
        let with_share = measure(vec![
            figure("Granted", "count", "12", false),
            figure("All requests", "total", "20", false),
            figure("Share granted", "percent", "60.0%", false),
        ]);
        assert_eq!(headline(&with_share).unwrap().label, "Share granted");
        let with_total = measure(vec![
            figure("Granted", "count", "12", false),
            figure("All requests", "total", "20", false),
        ]);
        assert_eq!(headline(&with_total).unwrap().label, "All requests");
        let counts = measure(vec![
            figure("Sent", "count", "fewer than 5", true),
            figure("Failed", "count", "7", false),
        ]);
        assert_eq!(headline(&counts).unwrap().label, "Sent");
        let view = measure_view(Lang::En, &counts).unwrap();
        assert_eq!(view["hidden"], 1, "the hidden count is said");
        assert_eq!(view["headline"]["display"], "fewer than 5");
        assert!(headline(&measure(vec![])).is_none());
    }

    /// Every measure's title, definition and figure labels are in the
    /// catalogue: in English exactly as the report writes them (so the
    /// English page, the API and the CSV say the same), and in Welsh.
    #[test]
    fn every_measure_has_its_words_in_both_languages() {
        let counts = crate::reporting::query::Counts::default();
        let ((), _, untranslated) = i18n::rendering(Lang::Cy, || {
            for m in crate::reporting::measures::measures(&counts) {
                for (kind, rest, english) in [
                    ("m", "title", m.title.to_owned()),
                    ("m", "definition", m.definition.to_owned()),
                ] {
                    let key = measure_key(kind, m.key, rest);
                    assert_eq!(text(Lang::En, &key), english, "{key}");
                    assert_ne!(text(Lang::Cy, &key), english, "{key} in Welsh");
                }
                for f in &m.figures {
                    let key = measure_key("f", m.key, &f.key);
                    assert_eq!(text(Lang::En, &key), f.label, "{key}");
                    assert_ne!(figure_label(Lang::Cy, &m, f), f.label, "{key} in Welsh");
                }
                let view = measure_view(Lang::Cy, &m).unwrap();
                assert!(view["svg"].is_null() || view["svg"].as_str().is_some());
            }
        });
        assert!(untranslated.is_empty(), "{untranslated:?}");
        assert_eq!(figure_display(Lang::Cy, "fewer than 5"), "llai na 5");
        assert_eq!(figure_display(Lang::Cy, "2.5 days"), "2.5 diwrnod");
        assert_eq!(figure_display(Lang::Cy, "60.0%"), "60.0%");
        assert_eq!(figure_display(Lang::En, "2.5 days"), "2.5 days");
    }
}

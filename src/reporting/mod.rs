//! Partnership reporting: anonymised figures on whether supporters reach
//! court and whether Victims' Code duties are met in time.
//!
//! Anonymity by construction: [`query`] returns counts and a few lists of
//! day numbers; [`measures`] turns them into figures with [`suppress`]
//! applied; nothing else leaves this module. No names, references, free
//! text or dates of single events.

pub mod chart;
pub mod compute;
pub mod measures;
pub mod query;
pub mod suppress;

use chrono::{DateTime, Datelike, Months, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use crate::calendar::{self, BankHolidays};
use crate::domain::{CaseKind, CourtKind};
use crate::error::{AppError, AppResult};
use crate::store::AnyConn;
use crate::validate::Validator;
pub use measures::{Figure, Measure};

/// The filters, as the query string and the page's form send them.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReportParams {
    /// `month`, `quarter` (the default) or `custom`.
    pub period: Option<String>,
    /// A day in the month or quarter wanted (default today), or the first
    /// day of a custom period.
    pub from: Option<String>,
    /// The last day of a custom period.
    pub to: Option<String>,
    pub court_id: Option<String>,
    pub court_kind: Option<String>,
    pub organisation_id: Option<String>,
    pub case_kind: Option<String>,
    /// `json` (the default) or `csv`.
    pub format: Option<String>,
}

/// The filters, checked.
#[derive(Debug, Clone, PartialEq, Serialize, utoipa::ToSchema)]
pub struct Filters {
    pub period: &'static str,
    pub from: NaiveDate,
    pub to: NaiveDate,
    pub court_id: Option<String>,
    pub court_kind: Option<CourtKind>,
    pub organisation_id: String,
    pub case_kind: Option<CaseKind>,
}

/// The longest custom period accepted.
pub const MAX_CUSTOM_DAYS: i64 = 3 * 366;

fn blank(v: &Option<String>) -> Option<&str> {
    v.as_deref().map(str::trim).filter(|s| !s.is_empty())
}

fn quarter_start(d: NaiveDate) -> NaiveDate {
    let month = (d.month0() / 3) * 3 + 1;
    NaiveDate::from_ymd_opt(d.year(), month, 1).unwrap_or(d)
}

fn month_start(d: NaiveDate) -> NaiveDate {
    d.with_day(1).unwrap_or(d)
}

fn last_day(start: NaiveDate, months: u32) -> NaiveDate {
    start
        .checked_add_months(Months::new(months))
        .and_then(|d| d.pred_opt())
        .unwrap_or(start)
}

impl ReportParams {
    /// Checks the filters for an actor of `organisation_id` on `today`;
    /// every problem is named by its field.
    pub fn check(&self, organisation_id: &str, today: NaiveDate) -> AppResult<Filters> {
        let mut v = Validator::new();
        let period = match blank(&self.period).unwrap_or("quarter") {
            "month" => "month",
            "quarter" => "quarter",
            "custom" => "custom",
            _ => {
                v.error("period", "must be month, quarter or custom");
                "quarter"
            }
        };
        let from = blank(&self.from).and_then(|f| v.date("from", f));
        let to = blank(&self.to).and_then(|t| v.date("to", t));
        let (from, to) = match period {
            "month" => {
                let s = month_start(from.unwrap_or(today));
                (s, last_day(s, 1))
            }
            "quarter" => {
                let s = quarter_start(from.unwrap_or(today));
                (s, last_day(s, 3))
            }
            _ => {
                if blank(&self.from).is_none() {
                    v.error("from", "is required for a custom period");
                }
                if blank(&self.to).is_none() {
                    v.error("to", "is required for a custom period");
                }
                let (f, t) = (from.unwrap_or(today), to.unwrap_or(today));
                if from.is_some() && to.is_some() {
                    v.check(t >= f, "to", "must be on or after from");
                    v.check(
                        (t - f).num_days() < MAX_CUSTOM_DAYS,
                        "to",
                        format!("a custom period may be at most {MAX_CUSTOM_DAYS} days long"),
                    );
                }
                (f, t)
            }
        };
        if let Some(c) = blank(&self.court_id) {
            v.id("court_id", c);
        }
        let court_kind = blank(&self.court_kind).and_then(|k| {
            let parsed = CourtKind::parse(k);
            v.check(
                parsed.is_some(),
                "court_kind",
                "must be crown, magistrates, family or combined",
            );
            parsed
        });
        let case_kind = blank(&self.case_kind).and_then(|k| {
            let parsed = CaseKind::parse(k).filter(|k| *k != CaseKind::Civil);
            v.check(parsed.is_some(), "case_kind", "must be criminal or family");
            parsed
        });
        if let Some(f) = blank(&self.format) {
            v.check(matches!(f, "json" | "csv"), "format", "must be json or csv");
        }
        if let Some(org) = blank(&self.organisation_id) {
            v.id("organisation_id", org);
        }
        v.finish()?;
        if let Some(org) = blank(&self.organisation_id) {
            if org != organisation_id {
                return Err(AppError::Forbidden(
                    "see another organisation's figures".into(),
                ));
            }
        }
        Ok(Filters {
            period,
            from,
            to,
            court_id: blank(&self.court_id).map(str::to_string),
            court_kind,
            organisation_id: organisation_id.to_string(),
            case_kind,
        })
    }

    pub fn wants_csv(&self) -> bool {
        blank(&self.format) == Some("csv")
    }
}

/// The whole report.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct Report {
    pub filters: Filters,
    /// When the figures were computed.
    pub generated_at: DateTime<Utc>,
    /// The suppression rule, in words.
    pub suppression: &'static str,
    pub measures: Vec<Measure>,
}

pub const SUPPRESSION_RULE: &str = "Counts from 1 to 4 are shown as \"fewer than 5\". Where that would let a hidden count be worked out from a total, the next smallest count (or the total) is suppressed too. A table drawn from fewer than 5 cases or victims is suppressed whole, and a breakdown of a suppressed count is suppressed whole. Shares and statistics are shown only over 5 or more.";

/// Computes the report for `filters` at `now`.
pub fn build(
    conn: &mut AnyConn,
    filters: Filters,
    now: DateTime<Utc>,
    holidays: &BankHolidays,
) -> AppResult<Report> {
    let scope = query::Scope {
        organisation_id: filters.organisation_id.clone(),
        court_id: filters.court_id.clone(),
        court_kind: filters.court_kind,
        case_kind: filters.case_kind,
        from: filters.from,
        to: filters.to,
        now,
    };
    let counts = query::counts(conn, &scope, holidays)?;
    Ok(Report {
        filters,
        generated_at: now,
        suppression: SUPPRESSION_RULE,
        measures: measures::measures(&counts),
    })
}

/// A CSV field, quoted when it needs to be.
fn field(text: &str) -> String {
    if text.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text.to_string()
    }
}

/// The report as CSV: one line per figure, with the period and filters.
pub fn to_csv(r: &Report) -> String {
    let f = &r.filters;
    let mut out = String::from(
        "period,from,to,court_id,court_kind,case_kind,measure,figure,label,kind,value,shown,definition\r\n",
    );
    for m in &r.measures {
        for fig in &m.figures {
            let cols = [
                f.period.to_string(),
                f.from.to_string(),
                f.to.to_string(),
                f.court_id.clone().unwrap_or_default(),
                f.court_kind
                    .map(|k| k.as_str().to_string())
                    .unwrap_or_default(),
                f.case_kind
                    .map(|k| k.as_str().to_string())
                    .unwrap_or_default(),
                m.key.to_string(),
                fig.key.clone(),
                fig.label.clone(),
                fig.kind.to_string(),
                fig.value.map(|v| v.to_string()).unwrap_or_default(),
                fig.display.clone(),
                m.definition.to_string(),
            ];
            let line: Vec<String> = cols.iter().map(|c| field(c)).collect();
            out.push_str(&line.join(","));
            out.push_str("\r\n");
        }
    }
    out
}

/// Today's London date, for the default period.
pub fn today(now: DateTime<Utc>) -> NaiveDate {
    calendar::london_date(now)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn params(period: &str, from: &str, to: &str) -> ReportParams {
        ReportParams {
            period: Some(period.into()),
            from: Some(from.into()),
            to: Some(to.into()),
            ..ReportParams::default()
        }
    }

    #[test]
    fn periods() {
        let today = d(2026, 3, 20);
        // (period, from, to, expected from, expected to)
        let table = [
            ("quarter", "", "", d(2026, 1, 1), d(2026, 3, 31)),
            ("quarter", "2026-05-09", "", d(2026, 4, 1), d(2026, 6, 30)),
            ("quarter", "2025-12-31", "", d(2025, 10, 1), d(2025, 12, 31)),
            ("month", "", "", d(2026, 3, 1), d(2026, 3, 31)),
            ("month", "2024-02-10", "", d(2024, 2, 1), d(2024, 2, 29)),
            (
                "custom",
                "2026-04-01",
                "2026-04-10",
                d(2026, 4, 1),
                d(2026, 4, 10),
            ),
        ];
        for (p, f, t, want_from, want_to) in table {
            let got = params(p, f, t).check("org", today).unwrap();
            assert_eq!((got.from, got.to), (want_from, want_to), "{p} {f} {t}");
        }
    }

    #[test]
    fn bad_filters_are_named() {
        let today = d(2026, 3, 20);
        let fields = |p: ReportParams| match p.check("org", today) {
            Err(AppError::Validation(errors)) => {
                errors.into_iter().map(|e| e.field).collect::<Vec<_>>()
            }
            other => panic!("{other:?}"),
        };
        assert_eq!(fields(params("week", "", "")), ["period"]);
        assert_eq!(fields(params("custom", "", "")), ["from", "to"]);
        assert_eq!(fields(params("custom", "2026-04-10", "2026-04-01")), ["to"]);
        assert_eq!(fields(params("month", "10/04/2026", "")), ["from"]);
        let mut p = params("quarter", "", "");
        p.case_kind = Some("civil".into());
        p.court_kind = Some("county".into());
        assert_eq!(fields(p), ["court_kind", "case_kind"]);
    }

    #[test]
    fn another_organisation_is_refused() {
        let mut p = params("quarter", "", "");
        p.organisation_id = Some("4f1c3a9e-0000-4000-8000-000000000001".into());
        assert!(matches!(
            p.check("4f1c3a9e-0000-4000-8000-000000000002", d(2026, 3, 20)),
            Err(AppError::Forbidden(_))
        ));
        assert!(p
            .check("4f1c3a9e-0000-4000-8000-000000000001", d(2026, 3, 20))
            .is_ok());
    }

    #[test]
    fn csv_quotes_what_needs_quoting() {
        assert_eq!(field("plain"), "plain");
        assert_eq!(field("a, b"), "\"a, b\"");
        assert_eq!(field("say \"x\""), "\"say \"\"x\"\"\"");
    }
}

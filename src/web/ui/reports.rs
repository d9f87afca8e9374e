//! The partnership report page for managers: a filter form, each measure
//! as an SVG chart with its one-line definition and the same figures as a
//! table, and a CSV download of exactly what is shown.

use actix_web::http::StatusCode;
use actix_web::{web, HttpRequest, HttpResponse};
use serde_json::{json, Value};

use crate::domain::{CaseKind, CourtKind};
use crate::error::AppError;
use crate::policy::{Action, ResourceKind};
use crate::reporting::chart::{self, Bar};
use crate::reporting::Report;
use crate::resources::Courts;
use crate::web::api::reports::{compute, csv_response, params_of};
use crate::web::AppState;

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

fn measure_view(m: &crate::reporting::Measure) -> Result<Value, AppError> {
    let bars: Vec<Bar> = m
        .figures
        .iter()
        .filter(|f| f.kind == "count")
        .map(|f| Bar {
            label: f.label.clone(),
            value: f.value.map(|v| v as i64),
            display: f.display.clone(),
        })
        .collect();
    let svg = if bars.is_empty() {
        None
    } else {
        let desc = m
            .figures
            .iter()
            .map(|f| format!("{}: {}", f.label, f.display))
            .collect::<Vec<_>>()
            .join("; ");
        Some(chart::bars(m.key, m.title, &desc, &bars)?)
    };
    Ok(json!({
        "key": m.key,
        "title": m.title,
        "definition": m.definition,
        "svg": svg,
        "figures": m.figures.iter().map(|f| json!({
            "label": f.label,
            "display": f.display,
            "total": f.kind == "total",
        })).collect::<Vec<_>>(),
    }))
}

fn court_kind_label(k: CourtKind) -> &'static str {
    match k {
        CourtKind::Crown => "Crown Court",
        CourtKind::Magistrates => "Magistrates' court",
        CourtKind::Family => "Family court",
        CourtKind::Combined => "Combined court centre",
    }
}

fn options(all: &[(String, String)], chosen: Option<&str>) -> Vec<Value> {
    all.iter()
        .map(|(v, l)| json!({"value": v, "label": l, "selected": Some(v.as_str()) == chosen}))
        .collect()
}

async fn report_page(state: web::Data<AppState>, s: Session, req: HttpRequest) -> PageResult {
    require(&s, ResourceKind::Report, Action::Read, "partnership report")?;
    let params = params_of(&req);
    let report = match &params {
        Ok(p) => compute(&state, &s.actor, p).await.map(Some),
        Err(AppError::Validation(errors)) => Err(AppError::Validation(errors.clone())),
        Err(_) => Err(AppError::field("query", "the filters could not be read")),
    };
    let (report, errors) = match report {
        Ok(r) => (r, Vec::new()),
        Err(AppError::Validation(errors)) => (None, errors),
        Err(other) => return Err(PageError::from(other)),
    };
    let p = params.unwrap_or_default();
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
        .map(|k| (k.as_str().to_string(), court_kind_label(*k).to_string()))
        .collect();
    let case_kinds: Vec<(String, String)> = [CaseKind::Criminal, CaseKind::Family]
        .iter()
        .map(|k| (k.as_str().to_string(), labels::case_kind(*k).to_string()))
        .collect();
    let periods: Vec<(String, String)> = [
        ("quarter", "Quarter"),
        ("month", "Month"),
        ("custom", "From and to dates"),
    ]
    .iter()
    .map(|(v, l)| (v.to_string(), l.to_string()))
    .collect();
    let (period, from, to) = match &report {
        Some(r) => (
            r.filters.period.to_string(),
            r.filters.from.to_string(),
            r.filters.to.to_string(),
        ),
        None => (
            p.period.clone().unwrap_or_else(|| "quarter".into()),
            p.from.clone().unwrap_or_default(),
            p.to.clone().unwrap_or_default(),
        ),
    };
    let measures = match &report {
        Some(r) => r
            .measures
            .iter()
            .map(measure_view)
            .collect::<Result<Vec<_>, _>>()?,
        None => Vec::new(),
    };
    let data = json!({
        "errors": {"list": errors.iter().map(|e| json!({"field": e.field, "message": format!("{}: {}", e.field, e.message)})).collect::<Vec<_>>()},
        "periods": options(&periods, Some(period.as_str())),
        "from": from,
        "to": to,
        "courts": options(&court_options, p.court_id.as_deref()),
        "court_kinds": options(&court_kinds, p.court_kind.as_deref()),
        "case_kinds": options(&case_kinds, p.case_kind.as_deref()),
        "report": report.as_ref().map(|r| json!({
            "from": r.filters.from.format("%-d %B %Y").to_string(),
            "to": r.filters.to.format("%-d %B %Y").to_string(),
            "csv_href": format!("/reports/partnership.csv?{}", query_string(r)),
            "suppression": r.suppression,
        })),
        "measures": measures,
    });
    let status = if errors.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    let mut data = page(&s, "Partnership report", "reports", data);
    data["layout"]["error"] = json!(!errors.is_empty());
    render_status(status, "reports", &data)
}

async fn report_csv(
    state: web::Data<AppState>,
    s: Session,
    req: HttpRequest,
) -> Result<HttpResponse, PageError> {
    require(&s, ResourceKind::Report, Action::Read, "partnership report")?;
    let params = params_of(&req)?;
    let report = compute(&state, &s.actor, &params).await?;
    Ok(csv_response(&report))
}

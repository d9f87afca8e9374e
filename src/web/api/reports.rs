//! The partnership report over the API: the same figures as the page, as
//! JSON or (with `?format=csv`) CSV. Managers only, for their own
//! organisation's victims.

use actix_web::{web, HttpResponse};

use super::resource::{authorise, run, Registry, RouteInfo};
use crate::calendar::BankHolidays;
use crate::error::AppResult;
use crate::policy::{Action, ResourceKind};
use crate::reporting::{self, Report, ReportParams};
use crate::web::auth::Authenticated;
use crate::web::AppState;

pub const PATH: &str = "/api/v1/reports/partnership";

/// Checks the role and filters, then computes the report.
pub async fn compute(
    state: &AppState,
    actor: &crate::policy::Actor,
    params: &ReportParams,
) -> AppResult<Report> {
    authorise(
        actor,
        ResourceKind::Report,
        Action::Read,
        "partnership report",
    )?;
    let now = state.clock.now();
    let filters = params.check(&actor.organisation_id, reporting::today(now))?;
    run(state, move |conn| {
        reporting::build(conn, filters, now, &BankHolidays::england_and_wales())
    })
    .await
}

/// The CSV answer, as a download.
pub fn csv_response(report: &Report) -> HttpResponse {
    let name = format!(
        "partnership-report-{}-to-{}.csv",
        report.filters.from, report.filters.to
    );
    HttpResponse::Ok()
        .content_type("text/csv; charset=utf-8")
        .insert_header((
            "content-disposition",
            format!("attachment; filename=\"{name}\""),
        ))
        .insert_header(("cache-control", "no-store"))
        .body(reporting::to_csv(report))
}

async fn partnership(
    state: web::Data<AppState>,
    who: Authenticated,
    query: web::Query<ReportParams>,
) -> AppResult<HttpResponse> {
    let params = query.into_inner();
    let report = compute(&state, &who.0, &params).await?;
    tracing::info!(
        user_id = %who.0.user_id,
        from = %report.filters.from,
        to = %report.filters.to,
        "partnership report"
    );
    if params.wants_csv() {
        return Ok(csv_response(&report));
    }
    Ok(HttpResponse::Ok()
        .insert_header(("cache-control", "no-store"))
        .json(report))
}

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.route(PATH, web::get().to(partnership));
}

pub fn describe(reg: &mut Registry) {
    let out = reg.schema::<Report>();
    reg.route(RouteInfo {
        method: "get",
        path: PATH.into(),
        kind: Some(ResourceKind::Report),
        action: Some(Action::Read),
        summary: "Partnership report: anonymised, suppressed figures for a period (month, \
                  quarter or custom from/to) filtered by court_id, court_kind, case_kind and \
                  organisation_id (your own); format=csv for CSV"
            .into(),
        request: None,
        response: Some(out),
        paged: false,
    });
}

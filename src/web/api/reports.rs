//! The partnership report over the API: the same figures as the page, as
//! JSON or (with `?format=csv`) CSV. Managers only, for their own
//! organisation's victims.

use actix_web::{web, HttpRequest, HttpResponse};

use super::resource::{authorise, run, Registry, RouteInfo};
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
    let rules = state.rules.clone();
    run(state, move |conn| {
        reporting::build(conn, filters, now, &rules.holidays)
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

/// The filters from a query string, as named problems if they do not fit.
pub fn params_of(req: &HttpRequest) -> AppResult<ReportParams> {
    web::Query::<ReportParams>::from_query(req.query_string())
        .map(web::Query::into_inner)
        .map_err(|e| {
            let message = e.to_string();
            let message = message
                .strip_prefix("Query deserialize error: ")
                .unwrap_or(&message)
                .to_string();
            crate::error::AppError::field("query", message)
        })
}

async fn partnership(
    state: web::Data<AppState>,
    who: Authenticated,
    req: HttpRequest,
) -> AppResult<HttpResponse> {
    // The role first, then the query string.
    authorise(
        &who.0,
        ResourceKind::Report,
        Action::Read,
        "partnership report",
    )?;
    let params = params_of(&req)?;
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

/// The report's query parameters and its 422, for the OpenAPI document.
pub fn document_parameters(
    mut op: utoipa::openapi::path::OperationBuilder,
) -> utoipa::openapi::path::OperationBuilder {
    use utoipa::openapi::path::{ParameterBuilder, ParameterIn};
    use utoipa::openapi::schema::{ObjectBuilder, Type};
    use utoipa::openapi::Required;
    let text = |values: Option<&[&str]>, format: Option<&str>| {
        let mut b = ObjectBuilder::new().schema_type(Type::String);
        if let Some(v) = values {
            b = b.enum_values(Some(v.to_vec()));
        }
        if let Some(f) = format {
            b = b.format(Some(utoipa::openapi::SchemaFormat::Custom(f.to_string())));
        }
        b.build()
    };
    // (name, allowed values, format)
    type Param<'a> = (&'a str, Option<&'a [&'a str]>, Option<&'a str>);
    let params: [Param; 8] = [
        ("period", Some(&["month", "quarter", "custom"]), None),
        ("from", None, Some("date")),
        ("to", None, Some("date")),
        ("court_id", None, Some("uuid")),
        (
            "court_kind",
            Some(&["crown", "magistrates", "family", "combined"]),
            None,
        ),
        ("organisation_id", None, Some("uuid")),
        ("case_kind", Some(&["criminal", "family"]), None),
        ("format", Some(&["json", "csv"]), None),
    ];
    for (name, values, format) in params {
        op = op.parameter(
            ParameterBuilder::new()
                .name(name)
                .parameter_in(ParameterIn::Query)
                .required(Required::False)
                .schema(Some(text(values, format))),
        );
    }
    let problem = utoipa::openapi::ResponseBuilder::new()
        .description("Invalid filters, each named")
        .content(
            crate::error::PROBLEM_JSON,
            utoipa::openapi::ContentBuilder::new()
                .schema(Some(utoipa::openapi::RefOr::Ref(
                    utoipa::openapi::Ref::from_schema_name("Problem"),
                )))
                .build(),
        )
        .build();
    op.response("422", problem)
}

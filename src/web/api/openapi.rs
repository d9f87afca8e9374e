//! The OpenAPI 3 document, built from the same registry the routes are
//! mounted from, so it cannot drift from what is served.

use utoipa::openapi::path::{HttpMethod, OperationBuilder, ParameterBuilder, ParameterIn};
use utoipa::openapi::request_body::RequestBodyBuilder;
use utoipa::openapi::schema::{ArrayBuilder, ObjectBuilder, Schema, Type};
use utoipa::openapi::security::{HttpAuthScheme, HttpBuilder, SecurityRequirement, SecurityScheme};
use utoipa::openapi::{
    ComponentsBuilder, ContentBuilder, InfoBuilder, OpenApi, OpenApiBuilder, Paths, Ref, RefOr,
    Required, ResponseBuilder,
};

use super::resource::Registry;
use crate::error::PROBLEM_JSON;

fn schema_ref(name: &str) -> RefOr<Schema> {
    RefOr::Ref(Ref::from_schema_name(name))
}

fn json(schema: RefOr<Schema>) -> utoipa::openapi::Content {
    ContentBuilder::new().schema(Some(schema)).build()
}

fn page_of(name: &str) -> RefOr<Schema> {
    let int = || ObjectBuilder::new().schema_type(Type::Integer).build();
    RefOr::T(Schema::Object(
        ObjectBuilder::new()
            .property("items", ArrayBuilder::new().items(schema_ref(name)))
            .property("page", int())
            .property("per_page", int())
            .property("total", int())
            .required("items")
            .required("page")
            .required("per_page")
            .required("total")
            .build(),
    ))
}

fn method(name: &str) -> HttpMethod {
    match name {
        "post" => HttpMethod::Post,
        "put" => HttpMethod::Put,
        "delete" => HttpMethod::Delete,
        _ => HttpMethod::Get,
    }
}

fn problem(description: &str) -> utoipa::openapi::Response {
    ResponseBuilder::new()
        .description(description)
        .content(PROBLEM_JSON, json(schema_ref("Problem")))
        .build()
}

pub fn document(reg: &Registry) -> OpenApi {
    let mut paths = Paths::new();
    for route in &reg.routes {
        let mut op = OperationBuilder::new()
            .summary(Some(route.summary.clone()))
            .operation_id(Some(format!(
                "{}{}",
                route.method,
                route.path.replace(['/', '{', '}'], "_")
            )));
        if let Some(kind) = route.kind {
            op = op.tag(format!("{kind:?}"));
        }
        // Every `{name}` segment of the path is a path parameter.
        for name in path_parameters(&route.path) {
            op = op.parameter(
                ParameterBuilder::new()
                    .name(name)
                    .parameter_in(ParameterIn::Path)
                    .required(Required::True)
                    .schema(Some(ObjectBuilder::new().schema_type(Type::String).build())),
            );
        }
        if route.paged {
            for name in ["page", "per_page"] {
                op = op.parameter(
                    ParameterBuilder::new()
                        .name(name)
                        .parameter_in(ParameterIn::Query)
                        .required(Required::False)
                        .schema(Some(
                            ObjectBuilder::new()
                                .schema_type(Type::Integer)
                                .minimum(Some(1))
                                .build(),
                        )),
                );
            }
        }
        if route.path == super::reports::PATH {
            op = super::reports::document_parameters(op);
        }
        if route.method == "put" {
            op = op.parameter(
                ParameterBuilder::new()
                    .name("If-Match")
                    .parameter_in(ParameterIn::Header)
                    .required(Required::True)
                    .schema(Some(ObjectBuilder::new().schema_type(Type::String).build())),
            );
        }
        if let Some(request) = &route.request {
            op = op.request_body(Some(
                RequestBodyBuilder::new()
                    .content("application/json", json(schema_ref(request)))
                    .required(Some(Required::True))
                    .build(),
            ));
        }
        let ok_status = if route.action == Some(crate::policy::Action::Create) {
            "201"
        } else if route.method == "delete" && route.response.is_none() {
            // A withdrawal that answers nothing: 204 No Content.
            "204"
        } else {
            "200"
        };
        let ok = match (&route.response, route.paged) {
            (Some(name), true) => ResponseBuilder::new()
                .description("A page of records")
                .content("application/json", json(page_of(name)))
                .build(),
            (Some(name), false) => ResponseBuilder::new()
                .description("The record")
                .content("application/json", json(schema_ref(name)))
                .build(),
            (None, _) => ResponseBuilder::new().description("Done").build(),
        };
        op = op.response(ok_status, ok);
        if route.kind.is_some() {
            op = op
                .security(SecurityRequirement::new("bearer", Vec::<String>::new()))
                .response("401", problem("Sign-in required"))
                .response("403", problem("Not allowed for your role"));
        }
        if route.kind.is_none()
            && matches!(route.path.as_str(), "/api/v1/me" | "/api/v1/auth/logout")
        {
            op = op.response("401", problem("Sign-in required"));
        }
        if route.paged {
            op = op.response(
                "422",
                problem("Invalid page or filter parameters, each named"),
            );
        }
        if route.path == "/api/v1/auth/login" {
            op = op.response(
                "429",
                problem("Too many failed sign-ins: wait (see Retry-After)"),
            );
        }
        if route.request.is_some() || matches!(route.method, "post" | "put") {
            op = op
                .response("400", problem("The body is not JSON"))
                .response("413", problem("The body is too large"))
                .response("422", problem("Invalid fields, each named"));
        }
        if !path_parameters(&route.path).is_empty() {
            op = op.response("404", problem("Not found, or not yours to see"));
        }
        if route.method == "put" {
            op = op
                .response("409", problem("Conflicts with existing data"))
                .response("412", problem("Changed since you read it"))
                .response("428", problem("If-Match missing"));
        }
        if route.method == "post" {
            op = op.response("409", problem("Conflicts with existing data"));
        }
        paths.add_path_operation(&route.path, vec![method(route.method)], op.build());
    }
    let mut components = ComponentsBuilder::new().security_scheme(
        "bearer",
        SecurityScheme::Http(HttpBuilder::new().scheme(HttpAuthScheme::Bearer).build()),
    );
    for (name, schema) in &reg.schemas {
        components = components.schema(name.clone(), schema.clone());
    }
    OpenApiBuilder::new()
        .info(
            InfoBuilder::new()
                .title("Courtside API")
                .version(env!("CARGO_PKG_VERSION"))
                .description(Some(
                    "Court-support scheduling and notifications. Times are RFC 3339 \
                     with their offset; records are returned with UTC instants and \
                     Europe/London local times. Errors are RFC 9457 problem+json.",
                ))
                .build(),
        )
        .paths(paths)
        .components(Some(components.build()))
        .build()
}

/// The names of a route path's `{name}` segments, in order.
fn path_parameters(path: &str) -> Vec<&str> {
    path.split('/')
        .filter_map(|seg| seg.strip_prefix('{').and_then(|s| s.strip_suffix('}')))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::path_parameters;

    #[test]
    fn every_braced_segment_of_a_path_is_a_parameter() {
        let table: [(&str, &[&str]); 4] = [
            ("/api/v1/courts", &[]),
            ("/api/v1/hearings/{id}", &["id"]),
            (
                "/api/v1/victims/{id}/court-needs/{need_id}",
                &["id", "need_id"],
            ),
            ("/api/v1/consents/{id}/undo-withdrawal", &["id"]),
        ];
        for (path, want) in table {
            assert_eq!(path_parameters(path), want, "{path}");
        }
    }
}

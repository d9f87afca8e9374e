//! The library's error type and its RFC 9457 problem+json form at the HTTP
//! edge. Messages never carry personal data: only field names, ids and
//! rule-written text.

use actix_web::http::{header, StatusCode};
use actix_web::{HttpResponse, ResponseError};
use serde::Serialize;

pub type AppResult<T> = Result<T, AppError>;

/// One problem with one input field.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, utoipa::ToSchema)]
pub struct FieldError {
    /// The field's path in the request, e.g. `starts_at` or `measures[1]`.
    pub field: String,
    /// What is wrong and what is expected, in plain words.
    pub message: String,
}

impl FieldError {
    pub fn new(field: impl Into<String>, message: impl Into<String>) -> Self {
        FieldError {
            field: field.into(),
            message: message.into(),
        }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum AppError {
    #[error("the request has {} invalid field(s)", .0.len())]
    Validation(Vec<FieldError>),
    #[error("the request body is not valid JSON: {0}")]
    MalformedBody(String),
    #[error("the request body is larger than {0} bytes")]
    PayloadTooLarge(usize),
    #[error("sign-in required")]
    Unauthenticated,
    /// Sign-in paused after too many failures (see `accounts::throttle`).
    #[error("sign-in is paused after too many failed attempts; try again in {}", wait_words(*.retry_after_secs))]
    TooManyAttempts { retry_after_secs: i64 },
    #[error("your role may not {0}")]
    Forbidden(String),
    #[error("{0} not found")]
    NotFound(String),
    #[error("this address does not accept that method")]
    MethodNotAllowed,
    #[error("{0}")]
    Conflict(String),
    #[error("this record has changed since you read it (now at version {current})")]
    StaleVersion { current: i32 },
    #[error("updates must say which version they change: send If-Match with the record's ETag")]
    VersionRequired,
    #[error("{0}")]
    Unavailable(String),
    #[error("internal error: {0}")]
    Internal(String),
}

impl AppError {
    pub fn field(field: &str, message: impl Into<String>) -> AppError {
        AppError::Validation(vec![FieldError::new(field, message)])
    }

    fn slug_and_title(&self) -> (&'static str, &'static str) {
        match self {
            AppError::Validation(_) => ("validation", "Your request has invalid fields"),
            AppError::MalformedBody(_) => ("malformed-body", "The request body could not be read"),
            AppError::PayloadTooLarge(_) => ("payload-too-large", "The request body is too large"),
            AppError::Unauthenticated => ("unauthenticated", "Sign-in required"),
            AppError::TooManyAttempts { .. } => {
                ("too-many-attempts", "Too many failed sign-in attempts")
            }
            AppError::Forbidden(_) => ("forbidden", "Not allowed for your role"),
            AppError::NotFound(_) => ("not-found", "Not found"),
            AppError::MethodNotAllowed => ("method-not-allowed", "Method not allowed"),
            AppError::Conflict(_) => ("conflict", "Conflicts with existing data"),
            AppError::StaleVersion { .. } => ("stale-version", "The record has changed"),
            AppError::VersionRequired => ("version-required", "If-Match header required"),
            AppError::Unavailable(_) => ("unavailable", "Service temporarily unavailable"),
            AppError::Internal(_) => ("internal", "Something went wrong on our side"),
        }
    }
}

/// RFC 9457 problem details, with Courtside's `errors` extension listing
/// every invalid field.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct Problem {
    #[serde(rename = "type")]
    pub type_uri: String,
    pub title: String,
    pub status: u16,
    pub detail: String,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub errors: Vec<FieldError>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub current_version: Option<i32>,
}

pub const PROBLEM_JSON: &str = "application/problem+json";

impl ResponseError for AppError {
    fn status_code(&self) -> StatusCode {
        match self {
            AppError::Validation(_) => StatusCode::UNPROCESSABLE_ENTITY,
            AppError::MalformedBody(_) => StatusCode::BAD_REQUEST,
            AppError::PayloadTooLarge(_) => StatusCode::PAYLOAD_TOO_LARGE,
            AppError::Unauthenticated => StatusCode::UNAUTHORIZED,
            AppError::TooManyAttempts { .. } => StatusCode::TOO_MANY_REQUESTS,
            AppError::Forbidden(_) => StatusCode::FORBIDDEN,
            AppError::NotFound(_) => StatusCode::NOT_FOUND,
            AppError::MethodNotAllowed => StatusCode::METHOD_NOT_ALLOWED,
            AppError::Conflict(_) => StatusCode::CONFLICT,
            AppError::StaleVersion { .. } => StatusCode::PRECONDITION_FAILED,
            AppError::VersionRequired => StatusCode::PRECONDITION_REQUIRED,
            AppError::Unavailable(_) => StatusCode::SERVICE_UNAVAILABLE,
            AppError::Internal(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    fn error_response(&self) -> HttpResponse {
        let status = self.status_code();
        let (slug, title) = self.slug_and_title();
        let detail = match self {
            // The cause of an internal error goes to the log (ids only),
            // never to the client.
            AppError::Internal(cause) => {
                tracing::error!(cause = %cause, "internal error");
                "The error has been logged. Please try again; if it persists, tell your administrator.".to_string()
            }
            AppError::Unavailable(cause) => {
                tracing::warn!(cause = %cause, "unavailable");
                "The database is busy or unreachable. Please try again shortly.".to_string()
            }
            other => other.to_string(),
        };
        let problem = Problem {
            type_uri: format!("https://courtside.invalid/problems/{slug}"),
            title: title.to_string(),
            status: status.as_u16(),
            detail,
            errors: match self {
                AppError::Validation(errors) => errors.clone(),
                _ => Vec::new(),
            },
            current_version: match self {
                AppError::StaleVersion { current } => Some(*current),
                _ => None,
            },
        };
        let mut builder = HttpResponse::build(status);
        builder.insert_header((header::CONTENT_TYPE, PROBLEM_JSON));
        if matches!(self, AppError::Unauthenticated) {
            builder.insert_header((header::WWW_AUTHENTICATE, "Bearer"));
        }
        if let AppError::TooManyAttempts { retry_after_secs } = self {
            builder.insert_header((header::RETRY_AFTER, retry_after_secs.to_string()));
        }
        builder.body(serde_json::to_string(&problem).unwrap_or_default())
    }
}

impl From<diesel::result::Error> for AppError {
    fn from(err: diesel::result::Error) -> Self {
        use diesel::result::{DatabaseErrorKind, Error};
        match err {
            Error::NotFound => AppError::NotFound("record".into()),
            Error::DatabaseError(DatabaseErrorKind::UniqueViolation, _) => {
                AppError::Conflict("a record with the same unique value already exists".into())
            }
            Error::DatabaseError(DatabaseErrorKind::ForeignKeyViolation, _) => {
                AppError::Conflict("the record refers to something that does not exist".into())
            }
            Error::DatabaseError(_, info) if is_busy(info.message()) => {
                AppError::Unavailable(info.message().to_string())
            }
            other => AppError::Internal(other.to_string()),
        }
    }
}

/// A wait in words, for people: "1 second", "40 seconds", "1 minute",
/// "15 minutes" (whole minutes rounded up from a minute on).
pub fn wait_words(seconds: i64) -> String {
    let seconds = seconds.max(1);
    let (n, unit) = if seconds < 60 {
        (seconds, "second")
    } else {
        ((seconds + 59) / 60, "minute")
    };
    format!("{n} {unit}{}", if n == 1 { "" } else { "s" })
}

#[cfg(test)]
mod wait_tests {
    #[test]
    fn waits_in_words() {
        for (s, words) in [
            (0, "1 second"),
            (1, "1 second"),
            (2, "2 seconds"),
            (59, "59 seconds"),
            (60, "1 minute"),
            (61, "2 minutes"),
            (900, "15 minutes"),
        ] {
            assert_eq!(super::wait_words(s), words);
        }
    }
}

fn is_busy(message: &str) -> bool {
    message.contains("database is locked") || message.contains("database is busy")
}

impl From<r2d2_error::PoolError> for AppError {
    fn from(err: r2d2_error::PoolError) -> Self {
        AppError::Unavailable(format!("database pool: {err}"))
    }
}

mod r2d2_error {
    pub type PoolError = diesel::r2d2::PoolError;
}

impl From<actix_web::error::BlockingError> for AppError {
    fn from(_: actix_web::error::BlockingError) -> Self {
        AppError::Unavailable("the worker pool is shutting down".into())
    }
}

//! Request extractors that turn every kind of bad input into a clear
//! problem+json answer naming the field, never a 500.

use std::future::Future;
use std::pin::Pin;

use actix_web::dev::Payload;
use actix_web::error::PayloadError;
use actix_web::web::Bytes;
use actix_web::{FromRequest, HttpRequest};
use serde::de::DeserializeOwned;

use crate::error::{AppError, FieldError};

/// Largest JSON body accepted (the court lists have their own limit).
pub const MAX_BODY_BYTES: usize = 64 * 1024;

/// A JSON body decoded with the path of any bad field.
pub struct Body<T>(pub T);

impl<T: DeserializeOwned + 'static> FromRequest for Body<T> {
    type Error = AppError;
    type Future = Pin<Box<dyn Future<Output = Result<Self, AppError>>>>;

    fn from_request(req: &HttpRequest, payload: &mut Payload) -> Self::Future {
        let raw = RawBody::from_request(req, payload);
        Box::pin(async move { raw.await?.decode().map(Body) })
    }
}

/// A body read (within the size limit) but not yet decoded, so that the
/// role check comes before any parsing of what an unauthorised caller sent.
pub struct RawBody(pub Bytes);

impl RawBody {
    pub fn decode<T: DeserializeOwned>(&self) -> Result<T, AppError> {
        decode_json(&self.0)
    }
}

impl FromRequest for RawBody {
    type Error = AppError;
    type Future = Pin<Box<dyn Future<Output = Result<Self, AppError>>>>;

    fn from_request(req: &HttpRequest, payload: &mut Payload) -> Self::Future {
        let bytes = Bytes::from_request(req, payload);
        Box::pin(async move {
            let bytes = bytes
                .await
                .map_err(|err| match err.as_error::<PayloadError>() {
                    Some(PayloadError::Overflow) => AppError::PayloadTooLarge(MAX_BODY_BYTES),
                    _ => AppError::MalformedBody("the body could not be read".into()),
                })?;
            Ok(RawBody(bytes))
        })
    }
}

/// Decodes JSON, reporting which field was wrong and why.
pub fn decode_json<T: DeserializeOwned>(bytes: &[u8]) -> Result<T, AppError> {
    if bytes.iter().all(|b| b.is_ascii_whitespace()) {
        return Err(AppError::MalformedBody(
            "the body is empty; send a JSON object".into(),
        ));
    }
    let mut de = serde_json::Deserializer::from_slice(bytes);
    match serde_path_to_error::deserialize::<_, T>(&mut de) {
        Ok(value) => {
            // A NUL (`\u0000`) inside any string is refused by name.
            if bytes.windows(6).any(|w| w.eq_ignore_ascii_case(b"\\u0000")) {
                if let Ok(tree) = serde_json::from_slice::<serde_json::Value>(bytes) {
                    if let Some(path) = nul_path(&tree, String::new()) {
                        return Err(AppError::Validation(vec![FieldError::new(
                            path,
                            crate::web::headers::NUL_MESSAGE,
                        )]));
                    }
                }
            }
            Ok(value)
        }
        Err(err) => {
            let path = err.path().to_string();
            let inner = err.into_inner();
            if inner.is_syntax() || inner.is_eof() {
                return Err(AppError::MalformedBody(strip_position(&inner.to_string())));
            }
            Err(AppError::Validation(vec![field_error(
                &path,
                &inner.to_string(),
            )]))
        }
    }
}

/// Where in a JSON document a string (or key) holds a NUL character.
fn nul_path(value: &serde_json::Value, at: String) -> Option<String> {
    use serde_json::Value;
    let here = || {
        if at.is_empty() {
            "body".to_string()
        } else {
            at.clone()
        }
    };
    match value {
        Value::String(s) if s.contains('\0') => Some(here()),
        Value::Array(items) => items
            .iter()
            .enumerate()
            .find_map(|(i, v)| nul_path(v, format!("{}[{i}]", here()))),
        Value::Object(fields) => fields.iter().find_map(|(k, v)| {
            let path = if at.is_empty() {
                k.clone()
            } else {
                format!("{at}.{k}")
            };
            if k.contains('\0') {
                Some(here())
            } else {
                nul_path(v, path)
            }
        }),
        _ => None,
    }
}

/// serde says "missing field `kind` at line 1 column 2" with the path of
/// the enclosing object; we name the field itself.
fn field_error(path: &str, message: &str) -> FieldError {
    let message = strip_position(message);
    let prefix = if path == "." {
        String::new()
    } else {
        format!("{path}.")
    };
    if let Some(name) = between_backticks(&message, "missing field `") {
        return FieldError::new(format!("{prefix}{name}"), "is required");
    }
    if let Some(name) = between_backticks(&message, "unknown field `") {
        // For an unknown field the path already ends with its name.
        let field = if path == "." { name } else { path.to_string() };
        return FieldError::new(field, "is not a field of this record; check the spelling");
    }
    let field = if path == "." {
        "body".to_string()
    } else {
        path.to_string()
    };
    FieldError::new(
        field,
        message.replace("invalid type: ", "has the wrong type: "),
    )
}

fn between_backticks(message: &str, start: &str) -> Option<String> {
    let rest = message.strip_prefix(start)?;
    rest.split('`').next().map(str::to_string)
}

fn strip_position(message: &str) -> String {
    match message.find(" at line ") {
        Some(i) => message[..i].to_string(),
        None => message.to_string(),
    }
}

/// The version an update expects, from `If-Match: "3"` (or `W/"3"`).
pub fn if_match_version(req: &HttpRequest) -> Result<i32, AppError> {
    let raw = req
        .headers()
        .get(actix_web::http::header::IF_MATCH)
        .ok_or(AppError::VersionRequired)?;
    let text = raw.to_str().unwrap_or("");
    let text = text.trim().trim_start_matches("W/").trim_matches('"');
    text.parse::<i32>()
        .map_err(|_| AppError::field("If-Match", "must be the ETag you read, e.g. \"3\""))
}

pub fn etag(version: i32) -> String {
    format!("\"{version}\"")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_nul_in_any_string_is_named_by_its_path() {
        #[derive(serde::Deserialize)]
        #[allow(dead_code)]
        struct Anything(serde_json::Value);
        let cases = [
            (r#"{"reference": "V-\u00001"}"#, Some("reference")),
            (r#"{"a": {"b": ["ok", "x\u0000"]}}"#, Some("a.b[1]")),
            (r#"["\u0000"]"#, Some("body[0]")),
            (r#"{"a": "fine", "b": "\\u0000 is text"}"#, None),
            (r#"{"a": "fine"}"#, None),
        ];
        for (json, want) in cases {
            let got = decode_json::<Anything>(json.as_bytes());
            match (got, want) {
                (Err(AppError::Validation(errors)), Some(field)) => {
                    assert_eq!(errors[0].field, field, "{json}")
                }
                (Ok(_), None) => {}
                (other, _) => panic!("{json}: {:?}", other.err()),
            }
        }
    }
    use crate::domain::HearingKind;

    #[derive(serde::Deserialize, Debug)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Sample {
        kind: HearingKind,
        minutes: i32,
        #[serde(default)]
        inner: Option<Inner>,
    }

    #[derive(serde::Deserialize, Debug)]
    #[allow(dead_code)]
    struct Inner {
        name: String,
    }

    fn field_of(json: &str) -> (String, String) {
        match decode_json::<Sample>(json.as_bytes()) {
            Err(AppError::Validation(errs)) => (errs[0].field.clone(), errs[0].message.clone()),
            other => panic!("expected a validation error, got {other:?}"),
        }
    }

    #[test]
    fn names_the_bad_field() {
        let (field, message) = field_of(r#"{"kind":"picnic","minutes":3}"#);
        assert_eq!(field, "kind");
        assert!(message.contains("unknown variant `picnic`"), "{message}");
        assert!(!message.contains("line"), "{message}");

        assert_eq!(field_of(r#"{"minutes":3}"#).0, "kind");
        assert_eq!(field_of(r#"{"kind":"trial","minutes":"x"}"#).0, "minutes");
        assert_eq!(
            field_of(r#"{"kind":"trial","minutes":1,"colour":1}"#).0,
            "colour"
        );
        assert_eq!(
            field_of(r#"{"kind":"trial","minutes":1,"inner":{}}"#).0,
            "inner.name"
        );
    }

    #[test]
    fn syntax_errors_are_malformed_bodies() {
        assert!(matches!(
            decode_json::<Sample>(b"{\"kind\":"),
            Err(AppError::MalformedBody(_))
        ));
        assert!(matches!(
            decode_json::<Sample>(b"  "),
            Err(AppError::MalformedBody(_))
        ));
    }
}

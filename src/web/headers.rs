//! Security headers on every response (API, pages and errors alike), and a
//! readable answer for an oversized form post.

use actix_web::body::{BoxBody, MessageBody};
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::http::header::{self, HeaderMap, HeaderValue};
use actix_web::ResponseError;

use crate::error::AppError;
use crate::web::extract::MAX_BODY_BYTES;

/// No scripts at all, styles only from this origin (`/assets`), no
/// framing, forms only back to this origin.
pub const CONTENT_SECURITY_POLICY: &str = "default-src 'self'; script-src 'none'; \
     style-src 'self'; img-src 'self'; object-src 'none'; frame-ancestors 'none'; \
     form-action 'self'; base-uri 'none'";

/// Two years, subdomains included; sent only when Courtside is served over
/// TLS (`COURTSIDE_TLS=true`).
pub const STRICT_TRANSPORT_SECURITY: &str = "max-age=63072000; includeSubDomains";

/// Sets the headers on one response. Static assets keep the caching their
/// handler chose; everything else (API answers and pages, which carry
/// personal data) is never stored by a cache.
pub fn apply(headers: &mut HeaderMap, path: &str, tls: bool) {
    let set = |headers: &mut HeaderMap, name, value: &'static str| {
        headers.insert(name, HeaderValue::from_static(value));
    };
    set(
        headers,
        header::CONTENT_SECURITY_POLICY,
        CONTENT_SECURITY_POLICY,
    );
    set(headers, header::X_CONTENT_TYPE_OPTIONS, "nosniff");
    set(headers, header::X_FRAME_OPTIONS, "DENY");
    set(headers, header::REFERRER_POLICY, "no-referrer");
    if tls {
        set(
            headers,
            header::STRICT_TRANSPORT_SECURITY,
            STRICT_TRANSPORT_SECURITY,
        );
    }
    let asset = path.starts_with("/assets/");
    if !asset || !headers.contains_key(header::CACHE_CONTROL) {
        set(headers, header::CACHE_CONTROL, "no-store");
    }
}

/// Whether a request is a form post to a page that declares a body larger
/// than the limit.
fn oversized_form(req: &ServiceRequest) -> bool {
    let is_form = req
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| {
            v.trim()
                .to_ascii_lowercase()
                .starts_with("application/x-www-form-urlencoded")
        });
    let length = req
        .headers()
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.trim().parse::<usize>().ok());
    is_form && !req.path().starts_with("/api/") && length.is_some_and(|n| n > MAX_BODY_BYTES)
}

/// The answer for a request refused before its body is read: a form post
/// larger than the limit gets the pages' readable "too large" view.
pub fn refuse_early(req: ServiceRequest, tls: bool) -> Result<ServiceResponse, ServiceRequest> {
    let error = if oversized_form(&req) {
        AppError::PayloadTooLarge(MAX_BODY_BYTES)
    } else if has_nul(req.query_string()) {
        AppError::field("query", NUL_MESSAGE)
    } else if has_nul(req.uri().path()) {
        AppError::NotFound("page or endpoint".into())
    } else {
        return Err(req);
    };
    let path = req.path().to_string();
    // Machine answers (API, metrics, health, feeds) as problem+json;
    // pages as a readable page.
    let machine = ["/api/", "/metrics", "/healthz", "/readyz", "/feeds/"]
        .iter()
        .any(|p| path.starts_with(p));
    let response = if machine {
        error.error_response()
    } else {
        crate::web::ui::PageError::App(error).error_response()
    };
    let mut res = req.into_response(response);
    apply(res.headers_mut(), &path, tls);
    Ok(res)
}

/// Text never holds a NUL character: PostgreSQL refuses it in any text
/// value (a 500 if it got that far), and no one types one.
pub const NUL_MESSAGE: &str = "must not contain a NUL character (%00)";

/// Whether a raw (percent-encoded) path or query names a NUL byte; a raw
/// NUL cannot appear in a request line at all.
fn has_nul(raw: &str) -> bool {
    raw.as_bytes().windows(3).any(|w| w == b"%00")
}

/// Sets the headers on a response from the app.
pub fn finish<B: MessageBody + 'static>(
    res: ServiceResponse<B>,
    path: &str,
    tls: bool,
) -> ServiceResponse<BoxBody> {
    let mut res = res.map_into_boxed_body();
    apply(res.headers_mut(), path, tls);
    res
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_nul_is_spotted_only_as_percent_zero_zero() {
        for (raw, want) in [
            ("victim_id=%00", true),
            ("a=1&b=x%00y", true),
            ("a=%2500", false),
            ("a=%0", false),
            ("a=%001", true),
            ("", false),
            ("/api/v1/cases/%00", true),
        ] {
            assert_eq!(has_nul(raw), want, "{raw}");
        }
    }

    #[test]
    fn api_answers_are_never_cached_and_hsts_follows_tls() {
        let mut h = HeaderMap::new();
        apply(&mut h, "/api/v1/me", false);
        assert_eq!(h.get(header::CACHE_CONTROL).unwrap(), "no-store");
        assert_eq!(h.get(header::X_FRAME_OPTIONS).unwrap(), "DENY");
        assert!(h.get(header::STRICT_TRANSPORT_SECURITY).is_none());
        let mut h = HeaderMap::new();
        apply(&mut h, "/", true);
        assert_eq!(
            h.get(header::STRICT_TRANSPORT_SECURITY).unwrap(),
            STRICT_TRANSPORT_SECURITY
        );
    }

    #[test]
    fn assets_keep_their_caching_but_pages_do_not() {
        let cached = HeaderValue::from_static("public, max-age=3600");
        let mut h = HeaderMap::new();
        h.insert(header::CACHE_CONTROL, cached.clone());
        apply(&mut h, "/assets/app.css", false);
        assert_eq!(h.get(header::CACHE_CONTROL).unwrap(), cached);
        let mut h = HeaderMap::new();
        h.insert(header::CACHE_CONTROL, cached);
        apply(&mut h, "/week", false);
        assert_eq!(h.get(header::CACHE_CONTROL).unwrap(), "no-store");
    }

    #[test]
    fn the_policy_allows_no_script_and_no_framing() {
        assert!(CONTENT_SECURITY_POLICY.contains("script-src 'none'"));
        assert!(CONTENT_SECURITY_POLICY.contains("frame-ancestors 'none'"));
        assert!(CONTENT_SECURITY_POLICY.starts_with("default-src 'self'"));
        assert!(!CONTENT_SECURITY_POLICY.contains("unsafe-inline"));
    }
}

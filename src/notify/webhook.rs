//! Signed webhooks: a partner organisation that registered an endpoint gets
//! its notices as an HTTP POST of JSON instead of an email.
//!
//! The scheme (documented for partners in docs/partners.md, "Partner
//! webhooks, acknowledgement and escalation"):
//! - `Idempotency-Key`: the notice's idempotency key, the same on every
//!   attempt; a partner that has seen it already should answer 2xx and do
//!   nothing more.
//! - `Courtside-Timestamp`: seconds since the Unix epoch when this attempt
//!   was signed.
//! - `Courtside-Signature`: `v1=` and the lower-case hex HMAC-SHA256, keyed
//!   with the endpoint's secret, of the timestamp, a full stop, and the raw
//!   body bytes (`"{timestamp}.{body}"`).
//!
//! A 2xx answer means delivered; any other status, a timeout or a refused
//! connection is retried with the outbox's backoff, then dead-lettered.
//! The partner's answer body is never read or logged.

use chrono::{DateTime, Utc};
use hmac::{Hmac, Mac};
use rand::RngCore;
use sha2::Sha256;

pub const IDEMPOTENCY_HEADER: &str = "Idempotency-Key";
pub const TIMESTAMP_HEADER: &str = "Courtside-Timestamp";
pub const SIGNATURE_HEADER: &str = "Courtside-Signature";

/// A registered endpoint, with its secret opened for signing.
#[derive(Clone, PartialEq, Eq)]
pub struct Hook {
    pub webhook_id: String,
    pub url: String,
    pub secret: crate::secret::Secret,
}

impl std::fmt::Debug for Hook {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Hook")
            .field("webhook_id", &self.webhook_id)
            .finish_non_exhaustive()
    }
}

/// A new endpoint secret: 32 random bytes, hex, with a recognisable prefix.
pub fn new_secret() -> String {
    let mut bytes = [0u8; 32];
    rand::thread_rng().fill_bytes(&mut bytes);
    format!("whsec_{}", hex::encode(bytes))
}

fn mac(secret: &str, timestamp: i64, body: &[u8]) -> Hmac<Sha256> {
    let mut mac =
        Hmac::<Sha256>::new_from_slice(secret.as_bytes()).expect("HMAC takes a key of any length");
    mac.update(timestamp.to_string().as_bytes());
    mac.update(b".");
    mac.update(body);
    mac
}

/// The `Courtside-Signature` value for a body signed at `timestamp`.
pub fn signature(secret: &str, timestamp: i64, body: &[u8]) -> String {
    format!(
        "v1={}",
        hex::encode(mac(secret, timestamp, body).finalize().into_bytes())
    )
}

/// What a partner does on receipt: true when the signature is the
/// secret's over this timestamp and body (compared in constant time) and
/// the timestamp is within `tolerance_seconds` of `now`.
pub fn verify(
    secret: &str,
    timestamp: &str,
    signature_header: &str,
    body: &[u8],
    now: DateTime<Utc>,
    tolerance_seconds: i64,
) -> bool {
    let Ok(ts) = timestamp.trim().parse::<i64>() else {
        return false;
    };
    if (now.timestamp() - ts).abs() > tolerance_seconds {
        return false;
    }
    let Some(given) = signature_header.trim().strip_prefix("v1=") else {
        return false;
    };
    let Ok(given) = hex::decode(given) else {
        return false;
    };
    mac(secret, ts, body).verify_slice(&given).is_ok()
}

/// Why an endpoint address is refused, if it is.
///
/// HTTPS is required; plain HTTP only to this machine (127.0.0.1,
/// `localhost`, `[::1]`), for a relay on the same host and for tests.
pub fn check_url(url: &str) -> Result<(), &'static str> {
    if url.len() > 2000 {
        return Err("must be at most 2000 characters");
    }
    let Ok(parsed) = reqwest::Url::parse(url) else {
        return Err("must be an absolute https:// address");
    };
    if !parsed.username().is_empty() || parsed.password().is_some() {
        return Err("must not carry a user name or password; the signature authenticates us");
    }
    if parsed.fragment().is_some() {
        return Err("must not have a #fragment");
    }
    let loopback = matches!(
        parsed.host_str(),
        Some("127.0.0.1") | Some("localhost") | Some("[::1]")
    );
    match parsed.scheme() {
        "https" if parsed.host_str().is_some_and(|h| !h.is_empty()) => Ok(()),
        "http" if loopback => Ok(()),
        "http" => Err("must use https:// (plain http only to this machine)"),
        _ => Err("must be an absolute https:// address"),
    }
}

/// Why a POST failed, without the partner's words.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WebhookFailure {
    /// The endpoint answered with this non-2xx status.
    Status(u16),
    /// No answer in time, or no connection.
    Unreachable,
}

impl WebhookFailure {
    pub fn describe(self) -> String {
        match self {
            WebhookFailure::Status(code) => format!("the partner's endpoint answered {code}"),
            WebhookFailure::Unreachable => {
                "the partner's endpoint could not be reached in time".into()
            }
        }
    }
}

/// Posts signed notices. Called from the delivery worker's own threads
/// (never an async executor's): each post runs on a small runtime of its
/// own, so nothing is shared between passes.
#[derive(Debug, Clone)]
pub struct WebhookClient {
    pub timeout: std::time::Duration,
}

impl Default for WebhookClient {
    fn default() -> Self {
        WebhookClient {
            timeout: std::time::Duration::from_secs(10),
        }
    }
}

impl WebhookClient {
    /// Sends `body` to the hook, signed as at `now`.
    pub fn post(
        &self,
        hook: &Hook,
        idempotency_key: &str,
        body: Vec<u8>,
        now: DateTime<Utc>,
    ) -> Result<(), WebhookFailure> {
        let timestamp = now.timestamp();
        let sig = signature(hook.secret.expose(), timestamp, &body);
        let client = reqwest::Client::builder()
            .timeout(self.timeout)
            .connect_timeout(self.timeout)
            // A partner's redirect is not followed: the signature was made
            // for the registered address.
            .redirect(reqwest::redirect::Policy::none())
            .pool_max_idle_per_host(0)
            .build()
            .map_err(|_| WebhookFailure::Unreachable)?;
        let request = client
            .post(&hook.url)
            .header(reqwest::header::CONTENT_TYPE, "application/json")
            .header(IDEMPOTENCY_HEADER, idempotency_key)
            .header(TIMESTAMP_HEADER, timestamp.to_string())
            .header(SIGNATURE_HEADER, sig)
            .body(body);
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .map_err(|_| WebhookFailure::Unreachable)?;
        let status = runtime
            .block_on(async move { request.send().await.map(|r| r.status()) })
            .map_err(|_| WebhookFailure::Unreachable)?;
        if status.is_success() {
            Ok(())
        } else {
            Err(WebhookFailure::Status(status.as_u16()))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn now() -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 3, 20, 12, 0, 0).unwrap()
    }

    #[test]
    fn a_signature_verifies_and_any_change_breaks_it() {
        let body = br#"{"notice_id":"n1"}"#;
        let ts = now().timestamp();
        let sig = signature("whsec_abc", ts, body);
        let t = ts.to_string();
        assert!(verify("whsec_abc", &t, &sig, body, now(), 300));
        // A known answer (computed with Python's hmac module), so a
        // partner can check their implementation against the example in
        // docs/partners.md.
        assert_eq!(ts, 1774008000);
        assert_eq!(
            sig,
            "v1=4207a00ec8f9c0e58930299dbaf60b3acac484b795545be9595690537e4fe933"
        );
        let table: [(&str, &str, &str, &[u8], i64); 6] = [
            ("other", &t, &sig, body, 0),
            ("whsec_abc", "1774008001", &sig, body, 0),
            ("whsec_abc", &t, &sig, br#"{"notice_id":"n2"}"#, 0),
            ("whsec_abc", &t, &sig[3..], body, 0),
            ("whsec_abc", &t, "v1=zz", body, 0),
            // Too old: signed ten minutes before "now" with a 5-minute window.
            ("whsec_abc", &t, &sig, body, 600),
        ];
        for (secret, ts, sig, body, later) in table {
            assert!(
                !verify(
                    secret,
                    ts,
                    sig,
                    body,
                    now() + chrono::Duration::seconds(later),
                    300
                ),
                "{secret} {ts} {sig} +{later}s"
            );
        }
    }

    #[test]
    fn signatures_match_an_independent_hmac() {
        // RFC 4231 test case 2 ("Jefe"), shaped as timestamp "0" + "." + rest:
        // the data there is "what do ya want for nothing?".
        let body = b"what do ya want for nothing?";
        let mut mac = Hmac::<Sha256>::new_from_slice(b"Jefe").unwrap();
        mac.update(b"0.");
        mac.update(body);
        let expected = format!("v1={}", hex::encode(mac.finalize().into_bytes()));
        assert_eq!(signature("Jefe", 0, body), expected);
    }

    #[test]
    fn endpoint_addresses() {
        let table = [
            ("https://partner.example/hooks/courtside", true),
            ("https://partner.example:8443/x?y=1", true),
            ("http://127.0.0.1:8080/hook", true),
            ("http://localhost/hook", true),
            ("http://[::1]:9000/", true),
            ("http://partner.example/hook", false),
            ("ftp://partner.example/hook", false),
            ("https://user:pw@partner.example/hook", false),
            ("https://partner.example/hook#x", false),
            ("partner.example/hook", false),
            ("", false),
        ];
        for (url, ok) in table {
            assert_eq!(check_url(url).is_ok(), ok, "{url}");
        }
    }

    #[test]
    fn secrets_are_long_random_and_distinct() {
        let a = new_secret();
        assert!(a.starts_with("whsec_") && a.len() == 6 + 64, "{a}");
        assert_ne!(a, new_secret());
    }

    #[test]
    fn hooks_do_not_print_their_secret() {
        let hook = Hook {
            webhook_id: "w1".into(),
            url: "https://partner.example/".into(),
            secret: "whsec_topsecret".into(),
        };
        let shown = format!("{hook:?}");
        assert!(
            !shown.contains("topsecret") && !shown.contains("partner"),
            "{shown}"
        );
    }
}

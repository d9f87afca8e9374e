//! Optional OpenID Connect sign-in: the authorization-code flow with PKCE
//! (S256), `state` and `nonce`, for people whose organisation runs an
//! OpenID provider.
//!
//! What is trusted from the provider, and what is not:
//! - Only an ID token that came back from the token endpoint (over the
//!   back channel, with the client secret) and whose signature checks
//!   against the provider's published keys (RSA only: `none` and HMAC
//!   are refused, so a public key can never be used as an HMAC secret).
//! - From it, only the email address, and only when `email_verified` is
//!   true. The email must belong to an existing, active Courtside user;
//!   nothing is created, and roles, organisations and relationships come
//!   from Courtside alone, never from the token.
//!
//! This module holds the pure rules (settings, PKCE, the authorization
//! address, the ID-token checks against an injected `now`);
//! [`pending`] keeps the started sign-ins in the database and
//! [`provider`] talks to the provider.

pub mod pending;
pub mod provider;

use std::collections::HashSet;

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use chrono::{DateTime, Utc};
use jsonwebtoken::jwk::{AlgorithmParameters, JwkSet};
use jsonwebtoken::{Algorithm, DecodingKey, Validation};
use rand::RngCore;
use reqwest::Url;
use serde::Deserialize;
use sha2::{Digest, Sha256};

use crate::config::Config;
use crate::error::{AppError, AppResult};

/// How far the provider's clock may differ from ours, in seconds.
pub const LEEWAY_SECONDS: i64 = 60;

/// The only signature algorithms accepted (RSA, as every mainstream
/// provider offers). The key must also be an RSA key.
pub const ACCEPTED_ALGORITHMS: &[Algorithm] = &[
    Algorithm::RS256,
    Algorithm::RS384,
    Algorithm::RS512,
    Algorithm::PS256,
    Algorithm::PS384,
    Algorithm::PS512,
];

/// The OpenID Connect settings, present only when all four are given.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Settings {
    pub issuer: String,
    pub client_id: String,
    pub client_secret: crate::secret::Secret,
    pub redirect_url: String,
}

/// Whether an address may carry OpenID traffic: HTTPS, or plain HTTP to
/// this machine only (a provider run beside Courtside, or a test's stub).
pub fn acceptable_url(address: &str) -> bool {
    match Url::parse(address) {
        Ok(url) => match url.scheme() {
            "https" => url.host_str().is_some(),
            "http" => matches!(
                url.host_str(),
                Some("127.0.0.1") | Some("localhost") | Some("[::1]")
            ),
            _ => false,
        },
        Err(_) => false,
    }
}

impl Settings {
    /// The settings from the configuration: `None` when none of the four
    /// is set (OIDC off), an error when only some are, or when an address
    /// is not HTTPS (plain HTTP is allowed to this machine only).
    pub fn from_config(config: &Config) -> AppResult<Option<Settings>> {
        fn given(v: &Option<String>) -> Option<&str> {
            v.as_deref().map(str::trim).filter(|s| !s.is_empty())
        }
        let parts = [
            ("COURTSIDE_OIDC_ISSUER", given(&config.oidc_issuer)),
            ("COURTSIDE_OIDC_CLIENT_ID", given(&config.oidc_client_id)),
            (
                "COURTSIDE_OIDC_CLIENT_SECRET",
                config
                    .oidc_client_secret
                    .as_ref()
                    .map(|s| s.expose().trim())
                    .filter(|s| !s.is_empty()),
            ),
            (
                "COURTSIDE_OIDC_REDIRECT_URL",
                given(&config.oidc_redirect_url),
            ),
        ];
        if parts.iter().all(|(_, v)| v.is_none()) {
            return Ok(None);
        }
        let missing: Vec<&str> = parts
            .iter()
            .filter(|(_, v)| v.is_none())
            .map(|(name, _)| *name)
            .collect();
        if !missing.is_empty() {
            return Err(AppError::Internal(format!(
                "OpenID Connect is half configured: set {} too, or unset all four",
                missing.join(", ")
            )));
        }
        let [issuer, client_id, client_secret, redirect_url] = parts.map(|(_, v)| v.unwrap_or(""));
        for (name, value) in [
            ("COURTSIDE_OIDC_ISSUER", issuer),
            ("COURTSIDE_OIDC_REDIRECT_URL", redirect_url),
        ] {
            if !acceptable_url(value) {
                return Err(AppError::Internal(format!(
                    "{name} must be an https:// address (http:// only to 127.0.0.1 or localhost)"
                )));
            }
        }
        Ok(Some(Settings {
            // The issuer is compared exactly with the token's `iss`; a
            // trailing slash is the most common mismatch, so drop it.
            issuer: issuer.trim_end_matches('/').to_string(),
            client_id: client_id.to_string(),
            client_secret: client_secret.into(),
            redirect_url: redirect_url.to_string(),
        }))
    }

    /// Where the provider's discovery document lives.
    pub fn discovery_url(&self) -> String {
        format!("{}/.well-known/openid-configuration", self.issuer)
    }
}

/// A fresh random value (32 bytes, base64url): states, nonces, PKCE
/// verifiers (43 characters, within RFC 7636's 43..=128) and the
/// browser-binding cookie.
pub fn random_value() -> String {
    let mut bytes = [0u8; 32];
    rand::thread_rng().fill_bytes(&mut bytes);
    URL_SAFE_NO_PAD.encode(bytes)
}

/// SHA-256 in hex, for keeping states and cookie values only as hashes.
pub fn digest(value: &str) -> String {
    hex::encode(Sha256::digest(value.as_bytes()))
}

/// The PKCE S256 challenge for a verifier (RFC 7636 §4.2).
pub fn pkce_challenge(verifier: &str) -> String {
    URL_SAFE_NO_PAD.encode(Sha256::digest(verifier.as_bytes()))
}

/// The address that sends the browser to the provider to sign in.
pub fn authorization_url(
    endpoint: &str,
    settings: &Settings,
    state: &str,
    nonce: &str,
    verifier: &str,
) -> AppResult<String> {
    let mut url = Url::parse(endpoint)
        .map_err(|_| AppError::Unavailable("the provider's sign-in address is not valid".into()))?;
    url.query_pairs_mut()
        .append_pair("response_type", "code")
        .append_pair("client_id", &settings.client_id)
        .append_pair("redirect_uri", &settings.redirect_url)
        .append_pair("scope", "openid email")
        .append_pair("state", state)
        .append_pair("nonce", nonce)
        .append_pair("code_challenge", &pkce_challenge(verifier))
        .append_pair("code_challenge_method", "S256");
    Ok(url.into())
}

/// What the ID token must match, besides its signature.
#[derive(Debug, Clone)]
pub struct Expected<'a> {
    pub issuer: &'a str,
    pub client_id: &'a str,
    pub nonce: &'a str,
}

/// Why an ID token was refused. Logged by name (never the token or any
/// claim); the person sees one general message whatever the reason.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refusal {
    /// Not a well-formed JWT, or a required claim is missing.
    Malformed,
    /// `alg` is not an accepted RSA algorithm (`none`, HMAC, ...).
    Algorithm,
    /// No published RSA key matches the token's `kid`.
    UnknownKey,
    BadSignature,
    WrongIssuer,
    WrongAudience,
    /// `exp` (with leeway) is past.
    Expired,
    /// `iat` or `nbf` is in the future (beyond the leeway).
    NotYetValid,
    WrongNonce,
    /// No email, or the provider has not verified it.
    EmailNotVerified,
}

impl Refusal {
    pub fn as_str(self) -> &'static str {
        match self {
            Refusal::Malformed => "malformed",
            Refusal::Algorithm => "algorithm",
            Refusal::UnknownKey => "unknown_key",
            Refusal::BadSignature => "bad_signature",
            Refusal::WrongIssuer => "wrong_issuer",
            Refusal::WrongAudience => "wrong_audience",
            Refusal::Expired => "expired",
            Refusal::NotYetValid => "not_yet_valid",
            Refusal::WrongNonce => "wrong_nonce",
            Refusal::EmailNotVerified => "email_not_verified",
        }
    }
}

/// `aud` is a string or a list of strings.
#[derive(Debug, Clone, Deserialize, PartialEq, Eq)]
#[serde(untagged)]
pub enum Audience {
    One(String),
    Many(Vec<String>),
}

impl Audience {
    fn values(&self) -> Vec<&str> {
        match self {
            Audience::One(a) => vec![a.as_str()],
            Audience::Many(list) => list.iter().map(String::as_str).collect(),
        }
    }
}

/// The ID token's claims that Courtside reads.
#[derive(Debug, Clone, Deserialize)]
pub struct IdClaims {
    pub iss: String,
    pub sub: String,
    pub aud: Audience,
    pub exp: i64,
    pub iat: i64,
    #[serde(default)]
    pub nbf: Option<i64>,
    #[serde(default)]
    pub nonce: Option<String>,
    #[serde(default)]
    pub azp: Option<String>,
    #[serde(default)]
    pub email: Option<String>,
    /// `true`; some providers send the string `"true"`.
    #[serde(default)]
    pub email_verified: Option<serde_json::Value>,
}

/// Who the provider vouches for: a verified email, lower-cased.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Identity {
    pub email: String,
    pub subject: String,
}

/// Compares without stopping at the first difference.
fn same(a: &str, b: &str) -> bool {
    a.len() == b.len()
        && a.bytes()
            .zip(b.bytes())
            .fold(0u8, |acc, (x, y)| acc | (x ^ y))
            == 0
}

/// The checks on the claims of a token whose signature is good: issuer,
/// audience (and `azp` when there are several), times against `now` with
/// [`LEEWAY_SECONDS`], nonce, and a verified email.
pub fn check_claims(
    claims: &IdClaims,
    expected: &Expected,
    now: DateTime<Utc>,
) -> Result<Identity, Refusal> {
    if claims.iss != expected.issuer {
        return Err(Refusal::WrongIssuer);
    }
    let audiences = claims.aud.values();
    if !audiences.contains(&expected.client_id) {
        return Err(Refusal::WrongAudience);
    }
    // OpenID Connect Core §3.1.3.7: with several audiences, the token
    // must have been issued to us (`azp`).
    if audiences.len() > 1 && claims.azp.as_deref() != Some(expected.client_id) {
        return Err(Refusal::WrongAudience);
    }
    if let Some(azp) = &claims.azp {
        if azp != expected.client_id {
            return Err(Refusal::WrongAudience);
        }
    }
    let now = now.timestamp();
    if claims.exp + LEEWAY_SECONDS <= now {
        return Err(Refusal::Expired);
    }
    if claims.iat - LEEWAY_SECONDS > now || claims.nbf.is_some_and(|nbf| nbf - LEEWAY_SECONDS > now)
    {
        return Err(Refusal::NotYetValid);
    }
    match &claims.nonce {
        Some(nonce) if same(nonce, expected.nonce) => {}
        _ => return Err(Refusal::WrongNonce),
    }
    let verified = match &claims.email_verified {
        Some(serde_json::Value::Bool(b)) => *b,
        Some(serde_json::Value::String(s)) => s == "true",
        _ => false,
    };
    let email = claims
        .email
        .as_deref()
        .map(|e| e.trim().to_lowercase())
        .filter(|e| !e.is_empty());
    match email {
        Some(email) if verified => Ok(Identity {
            email,
            subject: claims.sub.clone(),
        }),
        _ => Err(Refusal::EmailNotVerified),
    }
}

/// Verifies an ID token against the provider's keys and the expected
/// values at `now`: the signature first (with the library), then every
/// claim (here, with the injected clock).
pub fn verify_id_token(
    token: &str,
    keys: &JwkSet,
    expected: &Expected,
    now: DateTime<Utc>,
) -> Result<Identity, Refusal> {
    let header = jsonwebtoken::decode_header(token).map_err(|_| Refusal::Malformed)?;
    if !ACCEPTED_ALGORITHMS.contains(&header.alg) {
        return Err(Refusal::Algorithm);
    }
    let key = signing_key(keys, header.kid.as_deref(), header.alg)?;
    let decoding = DecodingKey::from_jwk(key).map_err(|_| Refusal::UnknownKey)?;
    let mut validation = Validation::new(header.alg);
    // Times are checked by `check_claims` against the injected clock; the
    // library would read the system clock.
    validation.validate_exp = false;
    validation.validate_nbf = false;
    validation.validate_aud = false;
    validation.required_spec_claims = HashSet::new();
    let data = jsonwebtoken::decode::<IdClaims>(token, &decoding, &validation).map_err(|e| {
        use jsonwebtoken::errors::ErrorKind;
        match e.kind() {
            ErrorKind::InvalidSignature => Refusal::BadSignature,
            ErrorKind::InvalidAlgorithm | ErrorKind::InvalidAlgorithmName => Refusal::Algorithm,
            ErrorKind::InvalidKeyFormat | ErrorKind::InvalidRsaKey(_) => Refusal::UnknownKey,
            _ => Refusal::Malformed,
        }
    })?;
    check_claims(&data.claims, expected, now)
}

/// The published RSA key for this token: by `kid`, or the only RSA key
/// when the token names none. A key that declares another algorithm, or
/// is meant for encryption, is not used.
fn signing_key<'a>(
    keys: &'a JwkSet,
    kid: Option<&str>,
    alg: Algorithm,
) -> Result<&'a jsonwebtoken::jwk::Jwk, Refusal> {
    let usable = |k: &&jsonwebtoken::jwk::Jwk| {
        matches!(k.algorithm, AlgorithmParameters::RSA(_))
            && k.common
                .key_algorithm
                .is_none_or(|a| a == jsonwebtoken::jwk::KeyAlgorithm::from(alg))
            && !matches!(
                k.common.public_key_use,
                Some(jsonwebtoken::jwk::PublicKeyUse::Encryption)
            )
    };
    let candidates: Vec<&jsonwebtoken::jwk::Jwk> = match kid {
        Some(kid) => keys
            .keys
            .iter()
            .filter(|k| k.common.key_id.as_deref() == Some(kid))
            .filter(usable)
            .collect(),
        None => keys.keys.iter().filter(usable).collect(),
    };
    match candidates.as_slice() {
        [one] => Ok(one),
        _ => Err(Refusal::UnknownKey),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn now() -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 3, 20, 12, 0, 0).unwrap()
    }

    fn claims() -> IdClaims {
        IdClaims {
            iss: "https://id.example".into(),
            sub: "subject-1".into(),
            aud: Audience::One("courtside".into()),
            exp: now().timestamp() + 300,
            iat: now().timestamp() - 5,
            nbf: None,
            nonce: Some("n-1".into()),
            azp: None,
            email: Some(" Amara@Safer-Futures.example ".into()),
            email_verified: Some(serde_json::Value::Bool(true)),
        }
    }

    const EXPECTED: Expected = Expected {
        issuer: "https://id.example",
        client_id: "courtside",
        nonce: "n-1",
    };

    #[test]
    fn pkce_matches_rfc_7636_appendix_b() {
        assert_eq!(
            pkce_challenge("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk"),
            "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM"
        );
    }

    #[test]
    fn random_values_are_43_url_safe_characters_and_differ() {
        let a = random_value();
        assert_eq!(a.len(), 43);
        assert!(a
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_'));
        assert_ne!(a, random_value());
    }

    #[test]
    fn good_claims_give_the_lower_cased_email() {
        assert_eq!(
            check_claims(&claims(), &EXPECTED, now()),
            Ok(Identity {
                email: "amara@safer-futures.example".into(),
                subject: "subject-1".into()
            })
        );
    }

    #[test]
    fn each_claim_rule_refuses() {
        let t = now().timestamp();
        let s = |v: &str| serde_json::Value::String(v.into());
        type Change = fn(&mut IdClaims, i64);
        let table: Vec<(&str, Change, Result<(), Refusal>)> = vec![
            (
                "other issuer",
                |c, _| c.iss = "https://evil.example".into(),
                Err(Refusal::WrongIssuer),
            ),
            (
                "issuer with slash",
                |c, _| c.iss = "https://id.example/".into(),
                Err(Refusal::WrongIssuer),
            ),
            (
                "other audience",
                |c, _| c.aud = Audience::One("other".into()),
                Err(Refusal::WrongAudience),
            ),
            (
                "us among several, no azp",
                |c, _| c.aud = Audience::Many(vec!["courtside".into(), "other".into()]),
                Err(Refusal::WrongAudience),
            ),
            (
                "us among several, azp us",
                |c, _| {
                    c.aud = Audience::Many(vec!["courtside".into(), "other".into()]);
                    c.azp = Some("courtside".into());
                },
                Ok(()),
            ),
            (
                "azp someone else",
                |c, _| c.azp = Some("other".into()),
                Err(Refusal::WrongAudience),
            ),
            (
                "expired beyond leeway",
                |c, t| c.exp = t - LEEWAY_SECONDS,
                Err(Refusal::Expired),
            ),
            (
                "expired within leeway",
                |c, t| c.exp = t - LEEWAY_SECONDS + 1,
                Ok(()),
            ),
            (
                "issued in the future",
                |c, t| c.iat = t + LEEWAY_SECONDS + 1,
                Err(Refusal::NotYetValid),
            ),
            (
                "issued just ahead",
                |c, t| c.iat = t + LEEWAY_SECONDS,
                Ok(()),
            ),
            (
                "not before later",
                |c, t| c.nbf = Some(t + 3600),
                Err(Refusal::NotYetValid),
            ),
            ("no nonce", |c, _| c.nonce = None, Err(Refusal::WrongNonce)),
            (
                "other nonce",
                |c, _| c.nonce = Some("n-2".into()),
                Err(Refusal::WrongNonce),
            ),
            (
                "email unverified",
                |c, _| c.email_verified = Some(serde_json::Value::Bool(false)),
                Err(Refusal::EmailNotVerified),
            ),
            (
                "email verified missing",
                |c, _| c.email_verified = None,
                Err(Refusal::EmailNotVerified),
            ),
            (
                "no email",
                |c, _| c.email = None,
                Err(Refusal::EmailNotVerified),
            ),
            (
                "blank email",
                |c, _| c.email = Some("  ".into()),
                Err(Refusal::EmailNotVerified),
            ),
        ];
        for (name, change, want) in table {
            let mut c = claims();
            change(&mut c, t);
            assert_eq!(
                check_claims(&c, &EXPECTED, now()).map(|_| ()),
                want,
                "{name}"
            );
        }
        let mut c = claims();
        c.email_verified = Some(s("true"));
        assert!(
            check_claims(&c, &EXPECTED, now()).is_ok(),
            "\"true\" as text"
        );
        c.email_verified = Some(s("yes"));
        assert_eq!(
            check_claims(&c, &EXPECTED, now()),
            Err(Refusal::EmailNotVerified)
        );
    }

    #[test]
    fn settings_are_all_or_nothing_and_need_https() {
        let mut config = Config::for_database("x.db");
        assert_eq!(Settings::from_config(&config).unwrap(), None);
        config.oidc_issuer = Some("https://id.example/".into());
        assert!(Settings::from_config(&config).is_err(), "only one of four");
        config.oidc_client_id = Some("courtside".into());
        config.oidc_client_secret = Some("s3cret".into());
        config.oidc_redirect_url = Some("https://courtside.example/auth/oidc/callback".into());
        let settings = Settings::from_config(&config).unwrap().unwrap();
        assert_eq!(settings.issuer, "https://id.example");
        assert_eq!(
            settings.discovery_url(),
            "https://id.example/.well-known/openid-configuration"
        );
        config.oidc_issuer = Some("http://id.example".into());
        assert!(Settings::from_config(&config).is_err(), "plain http");
        config.oidc_issuer = Some("http://127.0.0.1:9999".into());
        assert!(Settings::from_config(&config).is_ok(), "loopback http");
    }

    #[test]
    fn authorization_url_carries_pkce_state_and_nonce() {
        let settings = Settings {
            issuer: "https://id.example".into(),
            client_id: "courtside".into(),
            client_secret: "s".into(),
            redirect_url: "https://courtside.example/auth/oidc/callback".into(),
        };
        let url = authorization_url(
            "https://id.example/authorize?tenant=1",
            &settings,
            "st",
            "no",
            "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk",
        )
        .unwrap();
        let parsed = Url::parse(&url).unwrap();
        let pairs: Vec<(String, String)> = parsed.query_pairs().into_owned().collect();
        let get = |k: &str| pairs.iter().find(|(n, _)| n == k).map(|(_, v)| v.as_str());
        assert_eq!(get("tenant"), Some("1"));
        assert_eq!(get("response_type"), Some("code"));
        assert_eq!(get("scope"), Some("openid email"));
        assert_eq!(get("state"), Some("st"));
        assert_eq!(get("nonce"), Some("no"));
        assert_eq!(
            get("code_challenge"),
            Some("E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM")
        );
        assert_eq!(get("code_challenge_method"), Some("S256"));
        assert_eq!(
            get("redirect_uri"),
            Some("https://courtside.example/auth/oidc/callback")
        );
        // The verifier itself never goes to the browser.
        assert!(!url.contains("dBjftJeZ4CVP"));
    }

    #[test]
    fn tokens_without_an_rsa_algorithm_are_refused_before_any_key() {
        let keys = JwkSet { keys: vec![] };
        // {"alg":"none"} and {"alg":"HS256"} headers.
        let none = format!(
            "{}.{}.",
            URL_SAFE_NO_PAD.encode(br#"{"alg":"none","typ":"JWT"}"#),
            URL_SAFE_NO_PAD.encode(br#"{"iss":"https://id.example"}"#)
        );
        assert!(matches!(
            verify_id_token(&none, &keys, &EXPECTED, now()),
            Err(Refusal::Algorithm | Refusal::Malformed)
        ));
        let hs = format!(
            "{}.{}.c2ln",
            URL_SAFE_NO_PAD.encode(br#"{"alg":"HS256","typ":"JWT"}"#),
            URL_SAFE_NO_PAD.encode(br#"{"iss":"https://id.example"}"#)
        );
        assert_eq!(
            verify_id_token(&hs, &keys, &EXPECTED, now()),
            Err(Refusal::Algorithm)
        );
        assert_eq!(
            verify_id_token("not a token", &keys, &EXPECTED, now()),
            Err(Refusal::Malformed)
        );
    }
}

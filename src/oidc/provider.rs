//! Talking to the OpenID provider: the discovery document and the keys
//! (both cached), and the code exchange at the token endpoint.
//!
//! Every call has a short timeout and follows no redirects; every address
//! the provider publishes must be HTTPS (plain HTTP to this machine only),
//! and the discovery document must name exactly the configured issuer.
//! Errors say which step failed, never what the provider answered (which
//! could carry personal data).

use std::sync::Mutex;
use std::time::Duration as StdDuration;

use chrono::{DateTime, Duration, Utc};
use jsonwebtoken::jwk::JwkSet;
use serde::Deserialize;

use super::{acceptable_url, Settings};

/// How long the discovery document and the keys are reused. The keys are
/// also fetched again at once when a token names a key not among them
/// (the provider rotated its keys).
pub const CACHE_FOR: Duration = Duration::hours(1);

/// Why the provider could not be used.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ProviderError {
    #[error("the provider could not be reached or answered badly at {0}")]
    Unreachable(&'static str),
    #[error("the provider's {0} is not acceptable")]
    Unacceptable(&'static str),
    /// The token endpoint refused the code (used, expired, or not ours).
    #[error("the provider refused the sign-in code")]
    CodeRefused,
}

/// The parts of the discovery document Courtside uses.
#[derive(Debug, Clone, Deserialize)]
pub struct Discovery {
    pub issuer: String,
    pub authorization_endpoint: String,
    pub token_endpoint: String,
    pub jwks_uri: String,
    #[serde(default)]
    pub token_endpoint_auth_methods_supported: Option<Vec<String>>,
    #[serde(default)]
    pub code_challenge_methods_supported: Option<Vec<String>>,
}

impl Discovery {
    /// Whether this document can be used with these settings.
    pub fn check(&self, settings: &Settings) -> Result<(), ProviderError> {
        if self.issuer.trim_end_matches('/') != settings.issuer {
            return Err(ProviderError::Unacceptable("issuer"));
        }
        for (name, url) in [
            ("authorization endpoint", &self.authorization_endpoint),
            ("token endpoint", &self.token_endpoint),
            ("keys address", &self.jwks_uri),
        ] {
            if !acceptable_url(url) {
                return Err(ProviderError::Unacceptable(name));
            }
        }
        if let Some(methods) = &self.code_challenge_methods_supported {
            if !methods.iter().any(|m| m == "S256") {
                return Err(ProviderError::Unacceptable("PKCE support"));
            }
        }
        Ok(())
    }

    /// HTTP Basic (the default) unless the provider offers only sending
    /// the secret in the form.
    fn secret_in_form(&self) -> bool {
        self.token_endpoint_auth_methods_supported
            .as_ref()
            .is_some_and(|m| {
                m.iter().any(|x| x == "client_secret_post")
                    && !m.iter().any(|x| x == "client_secret_basic")
            })
    }
}

#[derive(Default)]
struct Cache {
    discovery: Option<(Discovery, DateTime<Utc>)>,
    keys: Option<(JwkSet, DateTime<Utc>)>,
}

/// One configured provider, with its cache.
pub struct Provider {
    pub settings: Settings,
    http: reqwest::Client,
    cache: Mutex<Cache>,
}

#[derive(Deserialize)]
struct TokenAnswer {
    id_token: Option<String>,
}

/// `application/x-www-form-urlencoded` of one value (RFC 6749 §2.3.1
/// asks for it on the Basic credentials).
fn form_encode(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for b in value.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'*' => {
                out.push(b as char)
            }
            b' ' => out.push('+'),
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}

impl Provider {
    pub fn new(settings: Settings) -> Result<Provider, ProviderError> {
        let http = reqwest::Client::builder()
            .timeout(StdDuration::from_secs(10))
            .connect_timeout(StdDuration::from_secs(5))
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .map_err(|_| ProviderError::Unreachable("client set-up"))?;
        Ok(Provider {
            settings,
            http,
            cache: Mutex::new(Cache::default()),
        })
    }

    fn cache(&self) -> std::sync::MutexGuard<'_, Cache> {
        self.cache.lock().unwrap_or_else(|p| p.into_inner())
    }

    async fn get_json<T: serde::de::DeserializeOwned>(
        &self,
        url: &str,
        step: &'static str,
    ) -> Result<T, ProviderError> {
        let resp = self
            .http
            .get(url)
            .header(reqwest::header::ACCEPT, "application/json")
            .send()
            .await
            .map_err(|_| ProviderError::Unreachable(step))?;
        if !resp.status().is_success() {
            return Err(ProviderError::Unreachable(step));
        }
        resp.json::<T>()
            .await
            .map_err(|_| ProviderError::Unreachable(step))
    }

    /// The discovery document, from the cache while fresh.
    pub async fn discovery(&self, now: DateTime<Utc>) -> Result<Discovery, ProviderError> {
        if let Some((doc, at)) = &self.cache().discovery {
            if now - *at < CACHE_FOR && *at <= now {
                return Ok(doc.clone());
            }
        }
        let doc: Discovery = self
            .get_json(&self.settings.discovery_url(), "discovery")
            .await?;
        doc.check(&self.settings)?;
        self.cache().discovery = Some((doc.clone(), now));
        Ok(doc)
    }

    /// The provider's signing keys, from the cache while fresh unless
    /// `refresh`.
    pub async fn keys(
        &self,
        discovery: &Discovery,
        now: DateTime<Utc>,
        refresh: bool,
    ) -> Result<JwkSet, ProviderError> {
        if !refresh {
            if let Some((keys, at)) = &self.cache().keys {
                if now - *at < CACHE_FOR && *at <= now {
                    return Ok(keys.clone());
                }
            }
        }
        let keys: JwkSet = self.get_json(&discovery.jwks_uri, "keys").await?;
        self.cache().keys = Some((keys.clone(), now));
        Ok(keys)
    }

    /// Exchanges the code (with the PKCE verifier and the client secret)
    /// for the ID token.
    pub async fn exchange(
        &self,
        discovery: &Discovery,
        code: &str,
        verifier: &str,
    ) -> Result<String, ProviderError> {
        let s = &self.settings;
        let mut form = vec![
            ("grant_type", "authorization_code"),
            ("code", code),
            ("redirect_uri", s.redirect_url.as_str()),
            ("code_verifier", verifier),
        ];
        let mut req = self
            .http
            .post(&discovery.token_endpoint)
            .header(reqwest::header::ACCEPT, "application/json");
        if discovery.secret_in_form() {
            form.push(("client_id", s.client_id.as_str()));
            form.push(("client_secret", s.client_secret.expose()));
        } else {
            req = req.basic_auth(
                form_encode(&s.client_id),
                Some(form_encode(s.client_secret.expose())),
            );
        }
        let resp = req
            .form(&form)
            .send()
            .await
            .map_err(|_| ProviderError::Unreachable("token endpoint"))?;
        let status = resp.status();
        if status.is_client_error() {
            return Err(ProviderError::CodeRefused);
        }
        if !status.is_success() {
            return Err(ProviderError::Unreachable("token endpoint"));
        }
        let answer: TokenAnswer = resp
            .json()
            .await
            .map_err(|_| ProviderError::Unreachable("token endpoint"))?;
        answer
            .id_token
            .filter(|t| !t.is_empty())
            .ok_or(ProviderError::Unacceptable("token answer (no ID token)"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn basic_credentials_are_form_encoded() {
        assert_eq!(form_encode("court side:1/é"), "court+side%3A1%2F%C3%A9");
        assert_eq!(form_encode("abc-._*"), "abc-._*");
    }

    fn settings() -> Settings {
        Settings {
            issuer: "https://id.example".into(),
            client_id: "c".into(),
            client_secret: "s".into(),
            redirect_url: "https://courtside.example/auth/oidc/callback".into(),
        }
    }

    fn doc() -> Discovery {
        Discovery {
            issuer: "https://id.example".into(),
            authorization_endpoint: "https://id.example/auth".into(),
            token_endpoint: "https://id.example/token".into(),
            jwks_uri: "https://id.example/keys".into(),
            token_endpoint_auth_methods_supported: None,
            code_challenge_methods_supported: Some(vec!["plain".into(), "S256".into()]),
        }
    }

    #[test]
    fn discovery_must_name_our_issuer_and_use_https_and_s256() {
        assert_eq!(doc().check(&settings()), Ok(()));
        let mut d = doc();
        d.issuer = "https://other.example".into();
        assert_eq!(
            d.check(&settings()),
            Err(ProviderError::Unacceptable("issuer"))
        );
        let mut d = doc();
        d.token_endpoint = "http://id.example/token".into();
        assert_eq!(
            d.check(&settings()),
            Err(ProviderError::Unacceptable("token endpoint"))
        );
        let mut d = doc();
        d.code_challenge_methods_supported = Some(vec!["plain".into()]);
        assert_eq!(
            d.check(&settings()),
            Err(ProviderError::Unacceptable("PKCE support"))
        );
    }

    #[test]
    fn secret_goes_in_the_form_only_when_basic_is_not_offered() {
        let mut d = doc();
        assert!(!d.secret_in_form());
        d.token_endpoint_auth_methods_supported = Some(vec!["client_secret_post".into()]);
        assert!(d.secret_in_form());
        d.token_endpoint_auth_methods_supported = Some(vec![
            "client_secret_post".into(),
            "client_secret_basic".into(),
        ]);
        assert!(!d.secret_in_form());
    }
}

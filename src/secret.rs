//! Values that must never reach a log: passwords, client secrets, keys,
//! tokens. [`Secret`] holds one; its `Debug` and `Display` print
//! `[redacted]`, and the value is read only by calling
//! [`Secret::expose`], so every place that uses it is easy to find.
//! [`SecretUrl`] is a URL that may carry a password (`smtps://user:pw@host`,
//! `postgres://user:pw@host/db`): it prints with the password replaced.
//!
//! Neither type implements `Serialize`; the few answers that must hand a
//! secret over (a new token, a new webhook secret, shown once) say so at
//! the field with `#[serde(serialize_with = "Secret::serialize_exposed")]`.

use std::fmt;
use std::str::FromStr;

/// What every secret prints as.
pub const REDACTED: &str = "[redacted]";

/// A secret string.
#[derive(Clone, PartialEq, Eq, Default)]
pub struct Secret(String);

impl Secret {
    pub fn new(value: impl Into<String>) -> Secret {
        Secret(value.into())
    }

    /// The value itself: only where it is used (signing, sending, hashing).
    pub fn expose(&self) -> &str {
        &self.0
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// For the one field of an answer that hands the secret over.
    pub fn serialize_exposed<S: serde::Serializer>(
        secret: &Secret,
        serializer: S,
    ) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&secret.0)
    }
}

impl fmt::Debug for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(REDACTED)
    }
}

impl fmt::Display for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(REDACTED)
    }
}

impl From<String> for Secret {
    fn from(value: String) -> Secret {
        Secret(value)
    }
}

impl From<&str> for Secret {
    fn from(value: &str) -> Secret {
        Secret(value.to_string())
    }
}

impl FromStr for Secret {
    type Err = std::convert::Infallible;
    fn from_str(s: &str) -> Result<Secret, Self::Err> {
        Ok(Secret(s.to_string()))
    }
}

/// A URL that may hold a password in its user-information part.
#[derive(Clone, PartialEq, Eq)]
pub struct SecretUrl(String);

impl SecretUrl {
    pub fn new(value: impl Into<String>) -> SecretUrl {
        SecretUrl(value.into())
    }

    /// The whole URL, password included: only to connect with it.
    pub fn expose(&self) -> &str {
        &self.0
    }

    /// The URL with any password replaced by `[redacted]`; everything else
    /// (scheme, user, host, port, path, query) as written.
    pub fn redacted(&self) -> String {
        let url = &self.0;
        let Some(scheme_end) = url.find("://") else {
            return url.clone();
        };
        let rest_start = scheme_end + 3;
        let rest = &url[rest_start..];
        let authority_end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
        let authority = &rest[..authority_end];
        let Some(at) = authority.rfind('@') else {
            return url.clone();
        };
        let userinfo = &authority[..at];
        let Some(colon) = userinfo.find(':') else {
            return url.clone();
        };
        format!(
            "{}{}:{REDACTED}{}",
            &url[..rest_start],
            &userinfo[..colon],
            &rest[at..]
        )
    }
}

impl fmt::Debug for SecretUrl {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:?}", self.redacted())
    }
}

impl fmt::Display for SecretUrl {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.redacted())
    }
}

impl From<String> for SecretUrl {
    fn from(value: String) -> SecretUrl {
        SecretUrl(value)
    }
}

impl From<&str> for SecretUrl {
    fn from(value: &str) -> SecretUrl {
        SecretUrl(value.to_string())
    }
}

impl FromStr for SecretUrl {
    type Err = std::convert::Infallible;
    fn from_str(s: &str) -> Result<SecretUrl, Self::Err> {
        Ok(SecretUrl(s.to_string()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_secret_prints_as_redacted() {
        let s = Secret::from("hunter2");
        assert_eq!(format!("{s:?}"), REDACTED);
        assert_eq!(format!("{s}"), REDACTED);
        assert_eq!(format!("{:?}", Some(s.clone())), "Some([redacted])");
        assert_eq!(s.expose(), "hunter2");
    }

    #[test]
    fn a_url_hides_only_its_password() {
        let table = [
            (
                "smtps://mail%40x.org:p%40ss:w@smtp.example.org:465",
                "smtps://mail%40x.org:[redacted]@smtp.example.org:465",
            ),
            (
                "postgres://courtside:s3cret@db.internal:5432/courtside?sslmode=require",
                "postgres://courtside:[redacted]@db.internal:5432/courtside?sslmode=require",
            ),
            (
                "smtp://127.0.0.1:2525?tls=none",
                "smtp://127.0.0.1:2525?tls=none",
            ),
            (
                "postgres://postgres@127.0.0.1/db",
                "postgres://postgres@127.0.0.1/db",
            ),
            ("data/courtside.db", "data/courtside.db"),
            // An @ after the authority is not user information.
            (
                "smtp://relay:25/path?to=a:b@c",
                "smtp://relay:25/path?to=a:b@c",
            ),
        ];
        for (url, shown) in table {
            let u = SecretUrl::from(url);
            assert_eq!(u.to_string(), shown, "{url}");
            assert_eq!(format!("{u:?}"), format!("{shown:?}"));
            assert_eq!(u.expose(), url);
        }
    }
}

//! Sending email over SMTP. The message id is derived from the notice's
//! idempotency key, so a resend after a crash is recognisably the same
//! message. Errors are classified, never echoed: an SMTP server's reply can
//! carry an address.
//!
//! Connections are kept: each instance holds a pool of up to
//! `COURTSIDE_SMTP_POOL_SIZE` open SMTP sessions (lettre's pool), reused
//! message after message, so a message costs one SMTP exchange rather
//! than a TCP connect, greeting and EHLO each. A connection that breaks is
//! dropped from the pool and fails only the message on it.

use lettre::message::{header, Mailbox};
use lettre::transport::smtp::PoolConfig;
use lettre::{Message, SmtpTransport, Transport};
use sha2::{Digest, Sha256};

use crate::error::{AppError, AppResult};

/// One outbound email.
#[derive(Debug, Clone)]
pub struct Email {
    pub to: String,
    pub subject: String,
    pub body: String,
    pub idempotency_key: String,
}

/// Why a send failed, without the server's words.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SendFailure {
    /// Worth trying again (connection refused, 4xx replies).
    Transient,
    /// Will never work (5xx replies, a malformed address).
    Permanent,
}

impl SendFailure {
    pub fn describe(self) -> &'static str {
        match self {
            SendFailure::Transient => "the mail server could not take the message now",
            SendFailure::Permanent => "the mail server refused the message",
        }
    }
}

pub trait Mailer: Send + Sync {
    fn send(&self, email: &Email) -> Result<(), SendFailure>;
}

/// The Message-ID for a notice: the same for every attempt.
pub fn message_id(idempotency_key: &str) -> String {
    let digest = hex::encode(Sha256::digest(idempotency_key.as_bytes()));
    format!("<{}@courtside.notices>", &digest[..40])
}

/// SMTP through lettre. The URL says how:
/// - `smtp://host:port` plain (a local relay),
/// - `smtp://host:587?tls=required` STARTTLS,
/// - `smtps://user:password@host:465` TLS from the start.
pub struct SmtpMailer {
    transport: SmtpTransport,
    from: Mailbox,
}

/// Kept connections when no size is given.
pub const DEFAULT_POOL_SIZE: u32 = 8;

impl SmtpMailer {
    /// With the default pool of kept connections.
    pub fn from_url(url: &str, from: &str) -> AppResult<Self> {
        Self::with_pool(url, from, DEFAULT_POOL_SIZE)
    }

    /// With up to `pool_size` kept connections (at least one).
    pub fn with_pool(url: &str, from: &str, pool_size: u32) -> AppResult<Self> {
        let transport = SmtpTransport::from_url(url)
            .map_err(|_| {
                AppError::Internal(
                    "COURTSIDE_SMTP_URL is not a valid smtp:// or smtps:// URL".into(),
                )
            })?
            .timeout(Some(std::time::Duration::from_secs(20)))
            .pool_config(
                PoolConfig::new()
                    .max_size(pool_size.max(1))
                    .idle_timeout(std::time::Duration::from_secs(60)),
            )
            .build();
        let from = from
            .parse()
            .map_err(|_| AppError::Internal("COURTSIDE_SMTP_FROM is not a valid mailbox".into()))?;
        Ok(SmtpMailer { transport, from })
    }
}

impl Mailer for SmtpMailer {
    fn send(&self, email: &Email) -> Result<(), SendFailure> {
        let to: Mailbox = email.to.parse().map_err(|_| SendFailure::Permanent)?;
        let message = Message::builder()
            .from(self.from.clone())
            .to(to)
            .subject(email.subject.clone())
            .message_id(Some(message_id(&email.idempotency_key)))
            .header(header::ContentType::TEXT_PLAIN)
            .body(email.body.clone())
            .map_err(|_| SendFailure::Permanent)?;
        self.transport.send(&message).map(|_| ()).map_err(|e| {
            if e.is_permanent() {
                SendFailure::Permanent
            } else {
                SendFailure::Transient
            }
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn message_ids_are_stable_per_key_and_distinct_across_keys() {
        let a = message_id("hearing:1/2026-03-30T09:00:00Z/hearing.details/supporter:9");
        assert_eq!(
            a,
            message_id("hearing:1/2026-03-30T09:00:00Z/hearing.details/supporter:9")
        );
        assert_ne!(
            a,
            message_id("hearing:1/2026-03-31T09:00:00Z/hearing.details/supporter:9")
        );
        assert!(a.starts_with('<') && a.ends_with("@courtside.notices>"));
    }

    #[test]
    fn bad_urls_and_senders_are_refused_clearly() {
        assert!(SmtpMailer::from_url("http://example.org", "a@b.example").is_err());
        assert!(SmtpMailer::from_url("smtp://127.0.0.1:2525", "not a mailbox").is_err());
        assert!(SmtpMailer::from_url(
            "smtp://127.0.0.1:2525",
            "Courtside <no-reply@courtside.example>"
        )
        .is_ok());
    }
}

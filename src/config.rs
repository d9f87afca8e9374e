//! Typed settings, from the command line or the environment, with defaults
//! that run on a fresh machine: SQLite in ./data, port 8080 on localhost.

use clap::Args;

use crate::secret::{Secret, SecretUrl};

/// How many due notices one delivery pass claims at most, unless
/// `COURTSIDE_DELIVERY_BATCH` says otherwise. Each pass costs a claim
/// transaction, the batch's pre-send checks and its senders' start
/// whatever its size; at 100 rather than 50 the outbox drained 6–11 %
/// faster with less CPU a notice on both databases (`benches/dispatch.rs`,
/// session 21), and little more at 200. A notice claimed last waits for
/// the batch before it, which at the SMTP sink's rate is a tenth of a
/// second, far inside the lease.
pub const DEFAULT_DELIVERY_BATCH: i64 = 100;

/// Settings. `Debug` is safe to log: every secret in here (the SMTP and
/// database passwords inside their URLs, the form secret, the field keys,
/// the OpenID client secret) is a [`Secret`] or [`SecretUrl`] and prints
/// as `[redacted]`.
#[derive(Debug, Clone, Args)]
pub struct Config {
    /// Where the data lives: a SQLite file path (the default), or a
    /// `postgres://user@host/db` URL for PostgreSQL.
    #[arg(long, env = "DATABASE_URL", default_value = "data/courtside.db")]
    pub database_url: SecretUrl,

    /// Address and port to serve on.
    #[arg(long, env = "COURTSIDE_BIND", default_value = "127.0.0.1:8080")]
    pub bind: String,

    /// Connections in the database pool.
    #[arg(long, env = "COURTSIDE_DB_POOL", default_value_t = 8)]
    pub pool_size: u32,

    /// How long a sign-in lasts, in hours.
    #[arg(long, env = "COURTSIDE_SESSION_HOURS", default_value_t = 12)]
    pub session_hours: i64,

    /// Where email goes: `smtp://host:port` (plain, a local relay),
    /// `smtp://host:587?tls=required` (STARTTLS) or
    /// `smtps://user:password@host:465` (TLS). Unset: notices wait in the
    /// outbox and in-app, and no email is sent.
    #[arg(long, env = "COURTSIDE_SMTP_URL")]
    pub smtp_url: Option<SecretUrl>,

    /// The sender of every email.
    #[arg(
        long,
        env = "COURTSIDE_SMTP_FROM",
        default_value = "Courtside <no-reply@courtside.invalid>"
    )]
    pub smtp_from: String,

    /// Kept SMTP connections per instance: messages go out over up to this
    /// many open connections at once (each reused for message after
    /// message), and at most this many can be sent but not yet recorded
    /// when an instance dies (they are sent again, same Message-ID).
    #[arg(long, env = "COURTSIDE_SMTP_POOL_SIZE", default_value_t = 8,
          value_parser = clap::value_parser!(u32).range(1..=256))]
    pub smtp_pool_size: u32,

    /// The safety-net interval of the delivery worker, in seconds. Notices
    /// made due now wake the worker at once (PostgreSQL LISTEN/NOTIFY, or
    /// in-process on SQLite) and timed ones are picked up at their moment;
    /// this tick catches anything else.
    #[arg(long, env = "COURTSIDE_DELIVERY_SECONDS", default_value_t = 15)]
    pub delivery_seconds: u32,

    /// How many due notices one delivery run claims at most.
    #[arg(long, env = "COURTSIDE_DELIVERY_BATCH", default_value_t = DEFAULT_DELIVERY_BATCH,
          value_parser = clap::value_parser!(i64).range(1..=10_000))]
    pub delivery_batch: i64,

    /// How long a claimed notice stays leased to this instance, in seconds.
    /// A crashed instance's notices are claimed again after this time, so
    /// it must be longer than one batch takes to send.
    #[arg(long, env = "COURTSIDE_DELIVERY_LEASE_SECONDS", default_value_t = 300,
          value_parser = clap::value_parser!(i64).range(1..=86_400))]
    pub delivery_lease_seconds: i64,

    /// A folder of extra notice templates (`notices/<language>/<key>.hbs`),
    /// e.g. Welsh, loaded at start-up.
    #[arg(long, env = "COURTSIDE_TEMPLATES_DIR")]
    pub templates_dir: Option<String>,

    /// Log format: `pretty` for people, `json` for log collectors.
    #[arg(long, env = "COURTSIDE_LOG_FORMAT", default_value = "pretty")]
    pub log_format: String,

    /// Secret that signs the web pages' anti-forgery (CSRF) tokens. When
    /// unset, each process makes a random one at start; set the same value
    /// on every instance that serves the same people.
    #[arg(long, env = "COURTSIDE_FORM_SECRET", hide_env_values = true)]
    pub form_secret: Option<Secret>,

    /// Set to `true` when people reach Courtside over HTTPS (directly or
    /// through a TLS-terminating proxy): every response then carries
    /// Strict-Transport-Security.
    #[arg(long, env = "COURTSIDE_TLS", default_value_t = false,
          action = clap::ArgAction::Set, value_parser = clap::builder::BoolishValueParser::new())]
    pub tls: bool,

    /// Keys that encrypt victims' sensitive details at rest:
    /// `id:base64key,id:base64key` (32-byte keys); the first seals new
    /// values, all are tried for reading. Unset with SQLite: a key is made
    /// once and kept in `field-keys` beside the database file.
    #[arg(long, env = "COURTSIDE_FIELD_KEYS", hide_env_values = true)]
    pub field_keys: Option<Secret>,

    /// Closed cases older than this many days have their victim's
    /// sensitive details erased by `courtside retention --apply`.
    #[arg(long, env = "COURTSIDE_RETENTION_DAYS", default_value_t = 2190,
          value_parser = clap::value_parser!(i64).range(1..=36_500))]
    pub retention_days: i64,

    /// A folder `serve` watches for published court lists to import (see
    /// docs/operating.md, "Court lists: the inbox folder"). Unset: no
    /// folder is watched.
    #[arg(long, env = "COURTSIDE_COURT_LIST_INBOX")]
    pub court_list_inbox: Option<std::path::PathBuf>,

    /// A consent not renewed within this many months counts as withdrawn.
    #[arg(long, env = "COURTSIDE_CONSENT_MONTHS", default_value_t = 24,
          value_parser = clap::value_parser!(u32).range(1..=1200))]
    pub consent_months: u32,

    /// OpenID Connect sign-in (optional): the provider's issuer URL, e.g.
    /// `https://login.example.org/realms/courtside`. Discovery is read
    /// from `{issuer}/.well-known/openid-configuration`. With the three
    /// settings below, the sign-in page offers "Sign in with your
    /// organisation's account"; unset, OIDC is off.
    #[arg(long, env = "COURTSIDE_OIDC_ISSUER")]
    pub oidc_issuer: Option<String>,

    /// OpenID Connect: this service's client id at the provider.
    #[arg(long, env = "COURTSIDE_OIDC_CLIENT_ID")]
    pub oidc_client_id: Option<String>,

    /// OpenID Connect: the client secret the provider issued.
    #[arg(long, env = "COURTSIDE_OIDC_CLIENT_SECRET", hide_env_values = true)]
    pub oidc_client_secret: Option<Secret>,

    /// OpenID Connect: the public address of the callback, registered at
    /// the provider, e.g. `https://courtside.example.org/auth/oidc/callback`.
    #[arg(long, env = "COURTSIDE_OIDC_REDIRECT_URL")]
    pub oidc_redirect_url: Option<String>,
    /// Reverse proxies whose `X-Forwarded-For` is believed for the client
    /// address (sign-in throttling): comma-separated addresses or CIDR
    /// ranges, e.g. `10.0.0.0/8, ::1`. Empty (the default): the TCP peer is
    /// the client and forwarded headers are ignored.
    #[arg(long, env = "COURTSIDE_TRUSTED_PROXIES", default_value = "",
          value_parser = crate::client_ip::TrustedProxies::parse)]
    pub trusted_proxies: crate::client_ip::TrustedProxies,
    /// The address people reach the service at, for the acknowledgement
    /// links in messages, e.g. `https://courtside.example.org`.
    #[arg(
        long,
        env = "COURTSIDE_PUBLIC_URL",
        default_value = "http://127.0.0.1:8080"
    )]
    pub public_url: String,
}

impl Config {
    /// The embedded defaults with another database, for tests and tools.
    pub fn for_database(database_url: &str) -> Config {
        Config {
            database_url: SecretUrl::from(database_url),
            bind: "127.0.0.1:0".to_string(),
            pool_size: 4,
            session_hours: 12,
            smtp_url: None,
            smtp_from: "Courtside <no-reply@courtside.invalid>".to_string(),
            smtp_pool_size: 8,
            delivery_seconds: 15,
            delivery_batch: DEFAULT_DELIVERY_BATCH,
            delivery_lease_seconds: 300,
            templates_dir: None,
            log_format: "pretty".to_string(),
            form_secret: None,
            tls: false,
            // A fresh random key: test and tool runs never share one.
            field_keys: Some(Secret::new(crate::crypto::KeyRing::generate_spec(
                &format!("t{}", &uuid::Uuid::new_v4().simple().to_string()[..12]),
            ))),
            retention_days: 2190,
            court_list_inbox: None,
            consent_months: 24,
            oidc_issuer: None,
            oidc_client_id: None,
            oidc_client_secret: None,
            oidc_redirect_url: None,
            trusted_proxies: crate::client_ip::TrustedProxies::default(),
            public_url: "http://127.0.0.1:8080".to_string(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn debug_shows_no_secret() {
        let mut config = Config::for_database("postgres://courtside:db-pass-1@db.internal/cs");
        config.smtp_url = Some(SecretUrl::from(
            "smtps://mailer:smtp-pass-2@smtp.example.org:465",
        ));
        config.form_secret = Some(Secret::from("form-secret-3"));
        config.oidc_client_secret = Some(Secret::from("oidc-secret-4"));
        let keys = config.field_keys.clone().expect("a fresh key");
        let shown = format!("{config:?}");
        for secret in [
            "db-pass-1",
            "smtp-pass-2",
            "form-secret-3",
            "oidc-secret-4",
            keys.expose(),
        ] {
            assert!(!shown.contains(secret), "{secret} shown in {shown}");
        }
        // What is not secret still helps whoever reads the log.
        assert!(shown.contains("smtps://mailer:[redacted]@smtp.example.org:465"));
        assert!(shown.contains("postgres://courtside:[redacted]@db.internal/cs"));
        assert!(shown.contains("form_secret: Some([redacted])"));
    }
}

//! Sending email over SMTP. The message id is derived from the notice's
//! idempotency key, so a resend after a crash is recognisably the same
//! message. Errors are classified, never echoed: an SMTP server's reply can
//! carry an address.
//!
//! Connections are kept: each instance holds up to
//! `COURTSIDE_SMTP_POOL_SIZE` open SMTP sessions, reused message after
//! message, so a message costs one SMTP exchange rather than a TCP
//! connect, greeting and EHLO each. A connection that breaks is dropped
//! and fails only the message on it.
//!
//! The session is lettre's (`SmtpConnection`: TLS, STARTTLS, AUTH, EHLO),
//! but the message's text and its closing `<CRLF>.<CRLF>` go out in one
//! write. lettre writes them as two, and on a connection with Nagle's
//! algorithm on (lettre sets no `TCP_NODELAY`) the five-byte second write
//! waits for the server's delayed acknowledgement of the first: about
//! 40 ms a message, whatever the server's speed.

use std::sync::Mutex;
use std::time::{Duration, Instant};

use lettre::address::Envelope;
use lettre::message::{header, Mailbox};
use lettre::transport::smtp::authentication::{Credentials, DEFAULT_MECHANISMS};
use lettre::transport::smtp::client::{SmtpConnection, Tls, TlsParameters};
use lettre::transport::smtp::commands::{Data, Mail, Rcpt};
use lettre::transport::smtp::extension::ClientId;
use lettre::Message;
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

/// SMTP through lettre's client. The URL says how:
/// - `smtp://host:port` plain (a local relay),
/// - `smtp://host:587?tls=required` STARTTLS (`tls=opportunistic`: if offered),
/// - `smtps://user:password@host:465` TLS from the start.
///
/// A path names the EHLO host (`smtp://host/client.example`).
pub struct SmtpMailer {
    server: Server,
    from: Mailbox,
    /// Open sessions not in use, with when each was last used.
    idle: Mutex<Vec<(SmtpConnection, Instant)>>,
    /// Sessions kept open at most.
    pool_size: usize,
}

/// Where and how to open a session.
struct Server {
    host: String,
    port: u16,
    tls: Tls,
    hello: ClientId,
    credentials: Option<Credentials>,
}

/// Kept connections when no size is given.
pub const DEFAULT_POOL_SIZE: u32 = 8;

/// A kept session unused for longer than this is closed rather than
/// reused.
const IDLE_TIMEOUT: Duration = Duration::from_secs(60);

/// The wait for the server at each step.
const TIMEOUT: Duration = Duration::from_secs(20);

impl Server {
    fn from_url(url: &str) -> Option<Server> {
        let url = url::Url::parse(url).ok()?;
        let host = url.host_str()?.to_string();
        let tls_mode = url
            .query_pairs()
            .find(|(k, _)| k == "tls")
            .map(|(_, v)| v.into_owned());
        let params = || TlsParameters::new(host.clone()).ok();
        let (tls, default_port) = match (url.scheme(), tls_mode.as_deref()) {
            ("smtp", None) => (Tls::None, 25),
            ("smtp", Some("required")) => (Tls::Required(params()?), 587),
            ("smtp", Some("opportunistic")) => (Tls::Opportunistic(params()?), 587),
            ("smtps", _) => (Tls::Wrapper(params()?), 465),
            _ => return None,
        };
        let decode = |s: &str| {
            percent_encoding::percent_decode_str(s)
                .decode_utf8()
                .ok()
                .map(|s| s.into_owned())
        };
        let credentials = match url.password() {
            Some(password) => Some(Credentials::new(decode(url.username())?, decode(password)?)),
            None => None,
        };
        let hello = match url.path().trim_matches('/') {
            "" => ClientId::default(),
            name => ClientId::Domain(name.to_string()),
        };
        Some(Server {
            port: url.port().unwrap_or(default_port),
            host,
            tls,
            hello,
            credentials,
        })
    }

    /// Opens a session: connect, greeting, EHLO, TLS as configured, AUTH.
    fn connect(&self) -> Result<SmtpConnection, lettre::transport::smtp::Error> {
        let wrapper = match &self.tls {
            Tls::Wrapper(params) => Some(params),
            _ => None,
        };
        let mut conn = SmtpConnection::connect(
            (self.host.as_str(), self.port),
            Some(TIMEOUT),
            &self.hello,
            wrapper,
            None,
        )?;
        match &self.tls {
            Tls::Opportunistic(params) if conn.can_starttls() => {
                conn.starttls(params, &self.hello)?
            }
            Tls::Required(params) => conn.starttls(params, &self.hello)?,
            _ => {}
        }
        if let Some(credentials) = &self.credentials {
            conn.auth(DEFAULT_MECHANISMS, credentials)?;
        }
        Ok(conn)
    }
}

impl SmtpMailer {
    /// With the default pool of kept connections.
    pub fn from_url(url: &str, from: &str) -> AppResult<Self> {
        Self::with_pool(url, from, DEFAULT_POOL_SIZE)
    }

    /// With up to `pool_size` kept connections (at least one).
    pub fn with_pool(url: &str, from: &str, pool_size: u32) -> AppResult<Self> {
        let server = Server::from_url(url).ok_or_else(|| {
            AppError::Internal("COURTSIDE_SMTP_URL is not a valid smtp:// or smtps:// URL".into())
        })?;
        let from = from
            .parse()
            .map_err(|_| AppError::Internal("COURTSIDE_SMTP_FROM is not a valid mailbox".into()))?;
        Ok(SmtpMailer {
            server,
            from,
            idle: Mutex::new(Vec::new()),
            pool_size: pool_size.max(1) as usize,
        })
    }

    /// A kept session if one is idle (and fresh), else none.
    fn take_idle(&self) -> Option<SmtpConnection> {
        let mut idle = self.idle.lock().ok()?;
        while let Some((mut conn, since)) = idle.pop() {
            if since.elapsed() < IDLE_TIMEOUT && !conn.has_broken() {
                return Some(conn);
            }
            conn.abort();
        }
        None
    }

    /// Keeps a session that ended a message cleanly, if there is room.
    fn put_back(&self, mut conn: SmtpConnection) {
        if conn.has_broken() {
            return;
        }
        if let Ok(mut idle) = self.idle.lock() {
            if idle.len() < self.pool_size {
                idle.push((conn, Instant::now()));
                return;
            }
        }
        let _ = conn.quit();
    }
}

/// The message's text, dot-stuffed, with the closing `<CRLF>.<CRLF>`: all
/// of DATA, to go out in one write.
struct DataText(String);

impl DataText {
    fn new(message: &str) -> DataText {
        let mut out = String::with_capacity(message.len() + 8);
        let mut line_start = true;
        for c in message.chars() {
            if line_start && c == '.' {
                out.push('.');
            }
            out.push(c);
            line_start = c == '\n';
        }
        out.push_str("\r\n.\r\n");
        DataText(out)
    }
}

impl std::fmt::Display for DataText {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// Where a send stopped.
enum Stop {
    /// Before the message's text was written: nothing was accepted, so it
    /// can go again on another session.
    BeforeData(lettre::transport::smtp::Error),
    /// During or after the text: the server may have it.
    InData(lettre::transport::smtp::Error),
}

/// One message on an open session: MAIL, RCPT, DATA, then the text and
/// its end in one write. A session that fails is closed.
fn send_on(conn: &mut SmtpConnection, envelope: &Envelope, text: &str) -> Result<(), Stop> {
    let ascii = |a: &lettre::Address| AsRef::<str>::as_ref(a).is_ascii();
    let plain =
        text.is_ascii() && envelope.from().is_none_or(ascii) && envelope.to().iter().all(ascii);
    if !plain {
        // SMTPUTF8 or 8BITMIME needed: lettre's own exchange decides.
        return conn
            .send(envelope, text.as_bytes())
            .map(|_| ())
            .map_err(Stop::InData);
    }
    let before = |conn: &mut SmtpConnection, e| {
        conn.abort();
        Stop::BeforeData(e)
    };
    if let Err(e) = conn.command(Mail::new(envelope.from().cloned(), vec![])) {
        return Err(before(conn, e));
    }
    for to in envelope.to() {
        if let Err(e) = conn.command(Rcpt::new(to.clone(), vec![])) {
            return Err(before(conn, e));
        }
    }
    if let Err(e) = conn.command(Data) {
        return Err(before(conn, e));
    }
    conn.command(DataText::new(text)).map(|_| ()).map_err(|e| {
        conn.abort();
        Stop::InData(e)
    })
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
        let text = String::from_utf8(message.formatted()).map_err(|_| SendFailure::Permanent)?;
        let classify = |e: lettre::transport::smtp::Error| {
            if e.is_permanent() {
                SendFailure::Permanent
            } else {
                SendFailure::Transient
            }
        };
        // A kept session may have been closed by the server while idle:
        // if it fails before the text is written, a new one is opened.
        if let Some(mut conn) = self.take_idle() {
            match send_on(&mut conn, message.envelope(), &text) {
                Ok(()) => {
                    self.put_back(conn);
                    return Ok(());
                }
                Err(Stop::InData(e)) => return Err(classify(e)),
                Err(Stop::BeforeData(e)) if e.is_permanent() => return Err(SendFailure::Permanent),
                Err(Stop::BeforeData(_)) => {}
            }
        }
        let mut conn = self.server.connect().map_err(classify)?;
        match send_on(&mut conn, message.envelope(), &text) {
            Ok(()) => {
                self.put_back(conn);
                Ok(())
            }
            Err(Stop::BeforeData(e) | Stop::InData(e)) => Err(classify(e)),
        }
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
    fn the_text_is_dot_stuffed_and_ended_in_one_piece() {
        let text =
            DataText::new("Subject: x\r\n\r\n.hidden\r\nmid.dle\r\n..two\r\nend").to_string();
        assert_eq!(
            text,
            "Subject: x\r\n\r\n..hidden\r\nmid.dle\r\n...two\r\nend\r\n.\r\n"
        );
        assert_eq!(DataText::new(".").to_string(), "..\r\n.\r\n");
    }

    #[test]
    fn every_url_form_reads() {
        for url in [
            "smtp://127.0.0.1:2525",
            "smtp://mail.example:587?tls=required",
            "smtp://mail.example?tls=opportunistic",
            "smtps://user:p%40ss@mail.example:465",
            "smtp://relay.example/courtside.example",
        ] {
            assert!(Server::from_url(url).is_some(), "{url}");
        }
        let s = Server::from_url("smtps://user:p%40ss@mail.example").unwrap();
        assert_eq!((s.host.as_str(), s.port), ("mail.example", 465));
        assert!(s.credentials.is_some());
        let s = Server::from_url("smtp://mail.example?tls=required").unwrap();
        assert_eq!(s.port, 587);
        assert_eq!(Server::from_url("smtp://mail.example").unwrap().port, 25);
        assert!(Server::from_url("smtp://mail.example?tls=sometimes").is_none());
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

//! Getting planned notices to people: rendering (templates by language),
//! routing (who, by which channel, still wanted?), SMTP, and the delivery
//! worker that drains the outbox.

pub mod ack;
pub mod delivery;
pub mod mailer;
pub mod render;
pub mod route;
pub mod stop;
pub mod wake;
pub mod webhook;

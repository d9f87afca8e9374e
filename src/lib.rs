//! Courtside: court-support scheduling and notifications for the advisers
//! (IDVAs, ISVAs) who stand beside victims of domestic and sexual abuse at
//! court, and the agencies that must tell them the right thing in time.
//!
//! Functional core, imperative shell: `domain`, `policy`, `calendar`,
//! `rules`, `flows` and `reminders` are pure; `app` is the use-case layer
//! (authorise, validate, write, plan, audit) that both web layers call;
//! `store`, `web` and `service` are the edges.

/// Declares a field-less enum with `ALL`, every variant in declaration
/// order, so a list of them cannot fall behind a new variant.
macro_rules! listed_enum {
    ($(#[$meta:meta])* $vis:vis enum $name:ident {
        $($(#[$vmeta:meta])* $variant:ident),+ $(,)?
    }) => {
        $(#[$meta])*
        $vis enum $name {
            $($(#[$vmeta])* $variant),+
        }

        impl $name {
            /// Every variant, in declaration order.
            #[allow(dead_code)]
            pub const ALL: &'static [$name] = &[$($name::$variant),+];
        }
    };
}

/// `app::Versioned` for a record with `id` and `version` fields.
macro_rules! versioned {
    ($out:ty) => {
        impl $crate::app::Versioned for $out {
            fn id(&self) -> &str {
                &self.id
            }
            fn version(&self) -> i32 {
                self.version
            }
        }
    };
}

pub mod accounts;
pub mod app;
pub mod audit;
pub mod calendar;
pub mod client_ip;
pub mod clock;
pub mod config;
pub mod court_lists;
pub mod crypto;
pub mod deadlines;
pub mod digest;
pub mod domain;
pub mod error;
pub mod flows;
#[cfg(test)]
mod fuzz;
pub mod ics;
pub mod notify;
pub mod oidc;
pub mod planning;
pub mod policy;
pub mod privacy;
pub mod reminders;
pub mod reporting;
pub mod resources;
pub mod rules;
pub mod scheduler;
pub mod secret;
pub mod seed;
pub mod service;
pub mod store;
pub mod telemetry;
pub mod validate;
pub mod web;

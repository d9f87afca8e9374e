//! Deadlines after they start: whether each was met or missed, and the
//! alerts sent before one falls due unmet.
//!
//! `met` (one rule per deadline kind over plain facts) and `decide`
//! (what a verdict changes and what follows it) are pure; `sweep` is the
//! shell that loads running deadlines in batches, gathers the facts
//! from the records and stores "met" or "missed" with the injected clock's
//! instant. Stored states are exactly running, met, missed and cancelled.

pub mod alerts;
pub mod decide;
pub mod met;
pub mod sweep;

#[cfg(test)]
mod tests;

pub use met::{evaluate, Facts, Verdict};
pub use sweep::{sweep, Swept};

//! Errors from the flows' state machines.

use thiserror::Error;

#[derive(Debug, Clone, Error, PartialEq, Eq)]
pub enum FlowError {
    #[error("cannot {action} when the attendance request is {from}")]
    InvalidTransition { from: String, action: String },
    #[error("{what} needs a reason")]
    ReasonRequired { what: &'static str },
    #[error("the court's conditions must be stated")]
    ConditionsRequired,
}

//! The supporter's attendance request and its state machine.
//!
//! Criminal: requested → WCU informed → CPS informed → the court's decision
//! (allowed, allowed with conditions, refused with reason) → attended;
//! withdrawn from any open state.
//!
//! Family: requested → identified to the court (in advance, or to court
//! staff on the day) → attended; a direction that the adviser should not or
//! need not be present, with its reason, closes the request; withdrawn from
//! any open state.

use super::error::FlowError;
use super::plan::Warning;
use super::planner::Planner;
use super::{criminal, family};
use crate::domain::{AttendanceState, CaseKind};
use serde::{Deserialize, Serialize};

/// A family court's direction on the adviser's presence.
#[derive(Debug, Clone, Copy, Serialize, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum FamilyDirection {
    /// Not in the interests of justice for the adviser to be present.
    ShouldNotBePresent,
    /// Not necessary in the interests of justice.
    NeedNotBePresent,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
#[serde(tag = "action", rename_all = "snake_case")]
pub enum AttendanceAction {
    /// Criminal: the supporter has told the Witness Care Unit.
    WcuInformed,
    /// Criminal: the witness care officer has told the prosecutor.
    CpsInformed,
    CourtAllows,
    CourtAllowsWithConditions {
        conditions: String,
    },
    CourtRefuses {
        reason: String,
    },
    /// Family: the adviser has been identified to the court.
    IdentifiedToCourt,
    /// Family: the court directed the adviser should not / need not attend.
    CourtDirects {
        direction: FamilyDirection,
        reason: String,
    },
    Attended,
    Withdraw {
        #[serde(default)]
        reason: Option<String>,
    },
}

impl AttendanceAction {
    pub fn name(&self) -> String {
        let value = serde_json::to_value(self).unwrap_or_default();
        value["action"].as_str().unwrap_or_default().to_owned()
    }

    /// Whether the action belongs to a case of this kind.
    pub fn fits(&self, case: CaseKind) -> bool {
        match self {
            Self::WcuInformed
            | Self::CpsInformed
            | Self::CourtAllows
            | Self::CourtAllowsWithConditions { .. }
            | Self::CourtRefuses { .. } => case == CaseKind::Criminal,
            Self::IdentifiedToCourt | Self::CourtDirects { .. } => case == CaseKind::Family,
            Self::Attended | Self::Withdraw { .. } => case != CaseKind::Civil,
        }
    }
}

/// Applies an action; anything the flow does not allow is an error and the
/// state is left as it was.
pub fn transition(
    state: AttendanceState,
    action: &AttendanceAction,
) -> Result<AttendanceState, FlowError> {
    use AttendanceAction as A;
    use AttendanceState as S;
    let next = match (state, action) {
        (S::Requested, A::WcuInformed) => S::WcuInformed,
        (S::WcuInformed, A::CpsInformed) => S::CpsInformed,
        (S::CpsInformed, A::CourtAllows) => S::Allowed,
        (S::CpsInformed, A::CourtAllowsWithConditions { conditions }) => {
            if conditions.trim().is_empty() {
                return Err(FlowError::ConditionsRequired);
            }
            S::AllowedWithConditions
        }
        (S::CpsInformed, A::CourtRefuses { reason }) => {
            if reason.trim().is_empty() {
                return Err(FlowError::ReasonRequired { what: "a refusal" });
            }
            S::Refused
        }
        (S::Requested, A::IdentifiedToCourt) => S::IdentifiedToCourt,
        (S::Requested | S::IdentifiedToCourt, A::CourtDirects { direction, reason }) => {
            if reason.trim().is_empty() {
                return Err(FlowError::ReasonRequired {
                    what: "a court direction",
                });
            }
            match direction {
                FamilyDirection::ShouldNotBePresent => S::DirectedShouldNotAttend,
                FamilyDirection::NeedNotBePresent => S::DirectedNeedNotAttend,
            }
        }
        (S::Allowed | S::AllowedWithConditions | S::IdentifiedToCourt, A::Attended) => S::Attended,
        (s, A::Withdraw { .. }) if s.is_open() => S::Withdrawn,
        (s, a) => {
            return Err(FlowError::InvalidTransition {
                from: s.as_str().to_owned(),
                action: a.name(),
            })
        }
    };
    Ok(next)
}

pub(crate) fn raised(p: &mut Planner<'_>) {
    let Some(req) = p.ctx.attendance_request.clone() else {
        p.missing("attendance request");
        return;
    };
    p.plan.attendance_state = Some(AttendanceState::Requested);
    match p.ctx.case.kind {
        CaseKind::Criminal => criminal::request_raised(p, &req),
        CaseKind::Family => family::request_raised(p, &req),
        CaseKind::Civil => p.missing("a supporter-at-court flow for civil cases"),
    }
}

pub(crate) fn updated(p: &mut Planner<'_>, action: &AttendanceAction) {
    let Some(req) = p.ctx.attendance_request.clone() else {
        p.missing("attendance request");
        return;
    };
    let kind = p.ctx.case.kind;
    if !action.fits(kind) {
        let error = format!("{} does not apply in a {} case", action.name(), kind);
        p.warn(Warning::InvalidTransition { error });
        return;
    }
    let next = match transition(req.state, action) {
        Ok(next) => next,
        Err(e) => {
            p.warn(Warning::InvalidTransition {
                error: e.to_string(),
            });
            return;
        }
    };
    p.plan.attendance_state = Some(next);
    match kind {
        CaseKind::Criminal => criminal::request_updated(p, &req, req.state, next, action),
        CaseKind::Family => family::request_updated(p, &req, next),
        CaseKind::Civil => {}
    }
}

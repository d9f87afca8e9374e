//! Which stored hearings are upcoming, as a diesel filter: the one place
//! every query for upcoming hearings takes it from (planning's upcoming
//! hearings, court-list matching, the supporter's digest and the checks
//! before a notice is sent). Its twin for a hearing already in memory is
//! [`HearingStatus::is_upcoming`] and [`HearingStatus::upcoming_at`];
//! `tests/api/upcoming.rs` checks that the two agree, on both backends.

use chrono::{DateTime, NaiveDateTime, Utc};
use diesel::dsl::{And, EqAny, Gt};
use diesel::prelude::*;

use super::schema::hearings;
use crate::domain::HearingStatus;

/// The filter type of [`still_to_happen`].
pub type StillToHappen = EqAny<hearings::status, [&'static str; 2]>;

/// The filter type of [`upcoming_at`].
pub type UpcomingAt = And<StillToHappen, Gt<hearings::starts_at, NaiveDateTime>>;

/// A hearing still to happen: listed or moved, not adjourned, vacated or
/// concluded (whatever its start). Also usable as a selected column.
pub fn still_to_happen() -> StillToHappen {
    hearings::status.eq_any(HearingStatus::STILL_TO_HAPPEN)
}

/// A hearing upcoming at `now`: still to happen and starting strictly
/// after `now`.
pub fn upcoming_at(now: DateTime<Utc>) -> UpcomingAt {
    still_to_happen().and(hearings::starts_at.gt(super::to_db(now)))
}

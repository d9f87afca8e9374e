//! The CPS meeting before trial (issue 19, item 5): the victim's supporter
//! records the CPS's offer, the meeting's time, and whether she wants her
//! supporter invited (or does not want the meeting). Each change is
//! stored, planned (the prosecutor told of her wish, the supporter's task
//! at the meeting) and audited in one transaction. The rule for who is
//! offered the meeting, and what is planned, is `flows::pleas`.
//!
//! One record per case; a case without one reads as version 0, "not
//! recorded". A change carries the version it was drawn from (`If-Match`
//! on the API, a hidden field on the page).

use chrono::{DateTime, NaiveDate, NaiveDateTime, Utc};
use diesel::prelude::*;
use serde::{Deserialize, Serialize};

use super::{authorise, Ctx};
use crate::audit::{self, AuditAction, Entry};
use crate::domain::{CaseKind, OffenceGroup, SupporterInvitation};
use crate::error::{AppError, AppResult};
use crate::flows::pleas::MeetingRecorded;
use crate::flows::EventKind;
use crate::planning;
use crate::policy::{Action, ResourceKind};
use crate::resources::{CaseOut, Cases};
use crate::store::schema::{cps_meetings, victims};
use crate::store::{self, AnyConn};
use crate::validate::Validator;

#[derive(Debug, Clone, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CpsMeetingInput {
    /// The day the CPS offered the meeting (London date), if known.
    #[serde(default)]
    pub offered_on: Option<NaiveDate>,
    /// When the meeting is, if arranged (an instant; shown in UK time).
    #[serde(default)]
    pub meeting_at: Option<DateTime<Utc>>,
    /// Whether she wants her supporter invited.
    pub supporter_invited: SupporterInvitation,
    /// She does not want the meeting.
    #[serde(default)]
    pub declined: bool,
}

#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct CpsMeetingOut {
    pub case_id: String,
    pub victim_id: String,
    /// The rule says the CPS offers her a meeting after a not-guilty plea:
    /// a rape or serious sexual offence case and an adult victim.
    pub entitled: bool,
    pub offered_on: Option<NaiveDate>,
    pub meeting_at: Option<DateTime<Utc>>,
    pub supporter_invited: SupporterInvitation,
    pub declined: bool,
    /// Her current wish was passed to the prosecutor.
    pub prosecutor_told: bool,
    /// 0 until the meeting is first recorded.
    pub version: i32,
}

/// What a save did, for the person who saved it.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct RecordedCpsMeeting {
    pub meeting: CpsMeetingOut,
    /// Why her wish could not be passed to the prosecutor, in words; absent
    /// when it was, or there was nothing to pass on.
    pub not_told_reason: Option<String>,
}

/// The checks on what was entered (pure): an offer is not dated in the
/// future, and a meeting she declined has no time.
pub fn check(input: &CpsMeetingInput, today: NaiveDate) -> AppResult<()> {
    let mut v = Validator::new();
    v.check(
        input.offered_on.is_none_or(|d| d <= today),
        "offered_on",
        "the day the meeting was offered cannot be in the future",
    );
    v.check(
        !(input.declined && input.meeting_at.is_some()),
        "meeting_at",
        "leave the meeting's time empty when she does not want the meeting",
    );
    v.finish()
}

/// Whether the victim of this case is entitled to the offer (pure).
fn entitled(case: &CaseOut, is_child: bool) -> bool {
    case.kind == CaseKind::Criminal
        && case.offence_group == Some(OffenceGroup::RapeOrSeriousSexualOffence)
        && !is_child
}

#[derive(Queryable, Selectable)]
#[diesel(table_name = cps_meetings)]
struct Row {
    offered_on: Option<NaiveDate>,
    meeting_at: Option<NaiveDateTime>,
    supporter_invited: String,
    declined: bool,
    prosecutor_told: bool,
    version: i32,
}

fn stored(conn: &mut AnyConn, case_id: &str) -> AppResult<Option<Row>> {
    Ok(cps_meetings::table
        .filter(cps_meetings::case_id.eq(case_id))
        .select(Row::as_select())
        .first(conn)
        .optional()?)
}

fn out_of(case: &CaseOut, is_child: bool, row: Option<Row>) -> AppResult<CpsMeetingOut> {
    let base = CpsMeetingOut {
        case_id: case.id.clone(),
        victim_id: case.victim_id.clone(),
        entitled: entitled(case, is_child),
        offered_on: None,
        meeting_at: None,
        supporter_invited: SupporterInvitation::Undecided,
        declined: false,
        prosecutor_told: false,
        version: 0,
    };
    let Some(r) = row else { return Ok(base) };
    Ok(CpsMeetingOut {
        offered_on: r.offered_on,
        meeting_at: r.meeting_at.map(store::from_db),
        supporter_invited: SupporterInvitation::from_db(&r.supporter_invited)?,
        declined: r.declined,
        prosecutor_told: r.prosecutor_told,
        version: r.version,
        ..base
    })
}

/// The case (within the actor's reach) and whether its victim is a child.
fn case_of(conn: &mut AnyConn, ctx: &Ctx, case_id: &str) -> AppResult<(CaseOut, bool)> {
    let case = super::read::<Cases>(conn, ctx, case_id)?;
    let is_child = victims::table
        .find(&case.victim_id)
        .select(victims::is_child)
        .first(conn)?;
    Ok((case, is_child))
}

/// The case's CPS meeting (version 0 when nothing is recorded yet).
pub fn get(conn: &mut AnyConn, ctx: &Ctx, case_id: &str) -> AppResult<CpsMeetingOut> {
    authorise(
        &ctx.actor,
        ResourceKind::CpsMeeting,
        Action::Read,
        "CPS meeting",
    )?;
    let (case, is_child) = case_of(conn, ctx, case_id)?;
    out_of(&case, is_child, stored(conn, case_id)?)
}

const NOT_TOLD: &str = "Her wish was saved but not passed to the CPS: she has not agreed that her supporter may be identified to the prosecution. Record that consent on her page, then save this again.";

/// Records (or changes) the case's CPS meeting from `expected` (its
/// version, 0 for the first), plans what follows and audits it.
pub fn record(
    conn: &mut AnyConn,
    ctx: &Ctx,
    case_id: &str,
    expected: i32,
    input: &CpsMeetingInput,
) -> AppResult<RecordedCpsMeeting> {
    authorise(
        &ctx.actor,
        ResourceKind::CpsMeeting,
        Action::Update,
        "CPS meeting",
    )?;
    check(input, ctx.today())?;
    store::write(conn, |conn| {
        let (case, _) = case_of(conn, ctx, case_id)?;
        if case.kind != CaseKind::Criminal {
            return Err(AppError::Conflict(
                "A CPS meeting before trial is for a criminal case.".into(),
            ));
        }
        let before = stored(conn, case_id)?;
        let current = before.as_ref().map_or(0, |r| r.version);
        crate::resources::check_version(current, expected)?;
        let wish = input.supporter_invited.as_str();
        let changed = before.as_ref().is_none_or(|r| {
            r.supporter_invited != wish || r.declined != input.declined || !r.prosecutor_told
        });
        let version = current + 1;
        let at = store::to_db(ctx.now);
        let meeting_at = input.meeting_at.map(store::to_db);
        let id = match &before {
            None => {
                let id = store::new_id();
                diesel::insert_into(cps_meetings::table)
                    .values((
                        cps_meetings::id.eq(&id),
                        cps_meetings::case_id.eq(case_id),
                        cps_meetings::victim_id.eq(&case.victim_id),
                        cps_meetings::offered_on.eq(input.offered_on),
                        cps_meetings::meeting_at.eq(meeting_at),
                        cps_meetings::supporter_invited.eq(wish),
                        cps_meetings::declined.eq(input.declined),
                        cps_meetings::recorded_by.eq(&ctx.actor.user_id),
                        cps_meetings::version.eq(version),
                        cps_meetings::created_at.eq(at),
                        cps_meetings::updated_at.eq(at),
                    ))
                    .execute(conn)?;
                id
            }
            Some(_) => {
                let n = diesel::update(
                    cps_meetings::table
                        .filter(cps_meetings::case_id.eq(case_id))
                        .filter(cps_meetings::version.eq(current)),
                )
                .set((
                    cps_meetings::offered_on.eq(input.offered_on),
                    cps_meetings::meeting_at.eq(meeting_at),
                    cps_meetings::supporter_invited.eq(wish),
                    cps_meetings::declined.eq(input.declined),
                    cps_meetings::recorded_by.eq(&ctx.actor.user_id),
                    cps_meetings::version.eq(version),
                    cps_meetings::updated_at.eq(at),
                ))
                .execute(conn)?;
                if n == 0 {
                    return Err(AppError::StaleVersion { current });
                }
                cps_meetings::table
                    .filter(cps_meetings::case_id.eq(case_id))
                    .select(cps_meetings::id)
                    .first(conn)?
            }
        };
        let decided = input.declined || input.supporter_invited != SupporterInvitation::Undecided;
        let focus = planning::Focus {
            case_id: Some(case_id.to_string()),
            ..planning::Focus::default()
        };
        let applied = planning::react(
            conn,
            &ctx.rules,
            ctx.now,
            &case.victim_id,
            &focus,
            EventKind::CpsMeetingRecorded {
                meeting: MeetingRecorded {
                    version,
                    wish: input.supporter_invited,
                    wish_changed: changed,
                    meeting_at: input.meeting_at,
                    previous_meeting_at: before
                        .as_ref()
                        .and_then(|r| r.meeting_at)
                        .map(store::from_db),
                    declined: input.declined,
                },
            },
        )?;
        let told = before
            .as_ref()
            .is_some_and(|r| r.prosecutor_told && !changed)
            || (changed && decided && applied.notices_planned + applied.notices_revived > 0);
        diesel::update(cps_meetings::table.find(&id))
            .set(cps_meetings::prosecutor_told.eq(told))
            .execute(conn)?;
        let category = if input.declined { "declined" } else { wish };
        let action = if before.is_none() {
            AuditAction::Create
        } else {
            AuditAction::Update
        };
        audit::append(
            conn,
            ctx.now,
            Entry {
                victim_id: Some(case.victim_id.clone()),
                category: Some(category.to_string()),
                ..ctx.entry(action, "cps_meetings", &id)
            },
        )?;
        tracing::info!(case_id = %case_id, meeting_id = %id, version, wish = category, told, "CPS meeting recorded");
        let (case, is_child) = case_of(conn, ctx, case_id)?;
        Ok(RecordedCpsMeeting {
            meeting: out_of(&case, is_child, stored(conn, case_id)?)?,
            not_told_reason: (decided && !told).then(|| NOT_TOLD.to_string()),
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn input(declined: bool, at: Option<&str>) -> CpsMeetingInput {
        CpsMeetingInput {
            offered_on: None,
            meeting_at: at.map(|t| t.parse().unwrap()),
            supporter_invited: SupporterInvitation::Wanted,
            declined,
        }
    }

    fn failed(result: AppResult<()>) -> Vec<String> {
        match result {
            Ok(()) => vec![],
            Err(AppError::Validation(errs)) => errs.into_iter().map(|e| e.field).collect(),
            Err(other) => panic!("unexpected {other:?}"),
        }
    }

    #[test]
    fn the_checks_name_their_field() {
        let today = NaiveDate::from_ymd_opt(2026, 12, 6).unwrap();
        assert!(check(&input(false, Some("2026-12-20T10:00:00Z")), today).is_ok());
        let declined_with_time = check(&input(true, Some("2026-12-20T10:00:00Z")), today);
        assert_eq!(failed(declined_with_time), ["meeting_at"]);
        let mut future_offer = input(false, None);
        future_offer.offered_on = today.succ_opt();
        assert_eq!(failed(check(&future_offer, today)), ["offered_on"]);
    }
}

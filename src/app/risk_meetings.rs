//! Risk meetings (issue 19, item 7): a MARAC (high-risk domestic abuse) or
//! MAPPA meeting about a victim, with its date and time (stored in UTC,
//! shown in Europe/London), its area or panel, and after it the actions
//! agreed (who carries each, a short sealed text, a due date). The API
//! (`/api/v1/victims/{id}/risk-meetings`, `/api/v1/risk-meetings/{id}`),
//! the meeting's pages, My week and the digest all read through here.
//!
//! Only the victim's supporter handles them (`policy::ResourceKind::
//! RiskMeeting`; 403 for every other role, 404 outside reach). Nothing
//! about a meeting is put in a notice, a calendar feed or an export to
//! another agency. Recording or moving a meeting plans the paperwork
//! deadline and task through `planning::react` (`flows::risk_meetings`);
//! an action the supporter carries becomes a task. Every write is audited
//! by id and kind, never the panel or an action's text, and logs carry
//! ids only.

use chrono::{DateTime, NaiveDate, NaiveDateTime, Utc};
use diesel::prelude::*;
use serde::{Deserialize, Serialize};

use super::Ctx;
use crate::audit::AuditAction;
use crate::domain::{RiskActionOwner, RiskMeetingKind};
use crate::error::{AppError, AppResult, FieldError};
use crate::flows::EventKind;
use crate::policy::{Action, ResourceKind};
use crate::store::schema::{organisations, risk_meeting_actions, risk_meetings, victims};
use crate::store::{self, AnyConn};
use crate::validate::Validator;

/// The longest panel name.
pub const MAX_PANEL: usize = 120;
/// The longest action text.
pub const MAX_ACTION: usize = 500;

const READ: super::Check = (ResourceKind::RiskMeeting, Action::Read, "risk meeting");
const CREATE: super::Check = (ResourceKind::RiskMeeting, Action::Create, "risk meeting");
const UPDATE: super::Check = (ResourceKind::RiskMeeting, Action::Update, "risk meeting");

/// A meeting as recorded or changed.
#[derive(Debug, Clone, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct RiskMeetingInput {
    pub kind: RiskMeetingKind,
    /// When it starts: RFC 3339 with its offset.
    pub starts_at: String,
    /// The area or panel, e.g. "Leeds MARAC".
    pub panel: String,
}

/// An action agreed at a meeting.
#[derive(Debug, Clone, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct RiskActionInput {
    pub owner: RiskActionOwner,
    /// The agency's organisation, when another agency carries it.
    #[serde(default)]
    pub organisation_id: Option<String>,
    /// What is to be done, briefly (sealed at rest, never sent).
    pub text: String,
    /// The London date it is due (YYYY-MM-DD), on or after the meeting's day.
    pub due_on: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, utoipa::ToSchema)]
pub struct RiskMeetingOut {
    pub id: String,
    pub victim_id: String,
    pub kind: RiskMeetingKind,
    pub starts_at: DateTime<Utc>,
    /// The same in Europe/London time with its offset.
    pub starts_at_local: String,
    pub panel: String,
    /// The London date the supporter's referral form or update is due
    /// (the rules table's figure before the meeting), and the instant.
    pub paperwork_due_on: NaiveDate,
    pub paperwork_due_at: DateTime<Utc>,
    /// Where that figure comes from.
    pub paperwork_citation: String,
    /// When the meeting was cancelled; its paperwork was withdrawn then.
    pub cancelled_at: Option<DateTime<Utc>>,
    pub version: i32,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, utoipa::ToSchema)]
pub struct RiskActionOut {
    pub id: String,
    pub meeting_id: String,
    pub owner: RiskActionOwner,
    pub organisation_id: Option<String>,
    /// The organisation's name, for an agency's action.
    pub organisation_name: Option<String>,
    pub text: String,
    pub due_on: NaiveDate,
    pub recorded_at: DateTime<Utc>,
}

/// A meeting with its actions, earliest due first.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct RiskMeetingDetail {
    pub meeting: RiskMeetingOut,
    pub actions: Vec<RiskActionOut>,
}

/// A meeting in a week, with the victim's reference (never her name).
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct WeekMeeting {
    pub meeting: RiskMeetingOut,
    pub victim_reference: String,
}

/// The meeting input's checks (pure): a known time, a panel.
pub fn check(input: &RiskMeetingInput) -> Result<DateTime<Utc>, Vec<FieldError>> {
    let mut v = Validator::new();
    let at = v.instant("starts_at", &input.starts_at);
    v.text("panel", &input.panel, MAX_PANEL);
    finish(v).map(|()| at.unwrap_or_default())
}

/// The action input's checks (pure): an organisation exactly when another
/// agency carries it, a text, and a due date on or after the meeting's
/// London day.
pub fn check_action(
    input: &RiskActionInput,
    meeting_day: NaiveDate,
) -> Result<NaiveDate, Vec<FieldError>> {
    let mut v = Validator::new();
    v.text("text", &input.text, MAX_ACTION);
    let due = v.date("due_on", &input.due_on);
    if let Some(day) = due {
        v.check(
            day >= meeting_day,
            "due_on",
            "must be on or after the day of the meeting",
        );
    }
    match (input.owner, input.organisation_id.as_deref()) {
        (RiskActionOwner::Agency, None) => {
            v.error("organisation_id", "say which agency carries the action")
        }
        (RiskActionOwner::Agency, Some(id)) => v.id("organisation_id", id),
        (RiskActionOwner::Supporter, Some(_)) => v.error(
            "organisation_id",
            "leave out the organisation when you carry the action",
        ),
        (RiskActionOwner::Supporter, None) => {}
    }
    finish(v).map(|()| due.unwrap_or_default())
}

fn finish(v: Validator) -> Result<(), Vec<FieldError>> {
    match v.finish() {
        Ok(()) => Ok(()),
        Err(AppError::Validation(errors)) => Err(errors),
        Err(_) => Err(Vec::new()),
    }
}

type Row = (
    String,
    String,
    String,
    NaiveDateTime,
    String,
    i32,
    Option<NaiveDateTime>,
);

macro_rules! meeting_columns {
    () => {
        (
            risk_meetings::id,
            risk_meetings::victim_id,
            risk_meetings::kind,
            risk_meetings::starts_at,
            risk_meetings::panel,
            risk_meetings::version,
            risk_meetings::cancelled_at,
        )
    };
}

fn out_of(ctx: &Ctx, row: Row) -> AppResult<RiskMeetingOut> {
    let (id, victim_id, kind, starts_at, panel, version, cancelled_at) = row;
    let kind = RiskMeetingKind::from_db(&kind)?;
    let starts_at = store::from_db(starts_at);
    let rules = ctx.rules.in_force(ctx.today());
    let (due_on, due_at) =
        crate::flows::risk_meetings::paperwork_due(rules, &ctx.rules.holidays, kind, starts_at);
    Ok(RiskMeetingOut {
        id,
        victim_id,
        kind,
        starts_at,
        starts_at_local: crate::resources::local(starts_at),
        panel,
        paperwork_due_on: due_on,
        paperwork_due_at: due_at,
        paperwork_citation: crate::flows::risk_meetings::paperwork_limit(rules, kind)
            .citation
            .clone(),
        cancelled_at: cancelled_at.map(store::from_db),
        version,
    })
}

fn invalid(errors: Vec<FieldError>) -> AppError {
    AppError::Validation(errors)
}

/// The meeting, if its victim is in the supporter's reach (404 otherwise).
fn find(conn: &mut AnyConn, ctx: &Ctx, id: &str) -> AppResult<RiskMeetingOut> {
    let row: Option<Row> = risk_meetings::table
        .find(id)
        .select(meeting_columns!())
        .first(conn)
        .optional()?;
    let row = row.ok_or_else(|| AppError::NotFound("risk meeting".into()))?;
    store::scope::require_victim(conn, &ctx.actor, ctx.today(), &row.1, "risk meeting")?;
    out_of(ctx, row)
}

fn plan(
    conn: &mut AnyConn,
    ctx: &Ctx,
    victim_id: &str,
    kind: EventKind,
) -> AppResult<crate::planning::Applied> {
    crate::planning::react(
        conn,
        &ctx.rules,
        ctx.now,
        victim_id,
        &crate::planning::Focus::default(),
        kind,
    )
}

/// The victim's meetings, latest first.
pub fn list(conn: &mut AnyConn, ctx: &Ctx, victim_id: &str) -> AppResult<Vec<RiskMeetingOut>> {
    ctx.may(READ)?;
    store::scope::require_victim(conn, &ctx.actor, ctx.today(), victim_id, "victim")?;
    let rows: Vec<Row> = risk_meetings::table
        .filter(risk_meetings::victim_id.eq(victim_id))
        .order((risk_meetings::starts_at.desc(), risk_meetings::id.asc()))
        .select(meeting_columns!())
        .load(conn)?;
    rows.into_iter().map(|r| out_of(ctx, r)).collect()
}

/// One meeting with its actions.
pub fn read(conn: &mut AnyConn, ctx: &Ctx, id: &str) -> AppResult<RiskMeetingDetail> {
    ctx.may(READ)?;
    let meeting = find(conn, ctx, id)?;
    let actions = actions_of(conn, &meeting.id)?;
    Ok(RiskMeetingDetail { meeting, actions })
}

type ActionRow = (
    String,
    String,
    String,
    Option<String>,
    Option<String>,
    String,
    NaiveDate,
    NaiveDateTime,
);

fn actions_of(conn: &mut AnyConn, meeting_id: &str) -> AppResult<Vec<RiskActionOut>> {
    let rows: Vec<ActionRow> = risk_meeting_actions::table
        .left_join(
            organisations::table.on(organisations::id
                .nullable()
                .eq(risk_meeting_actions::organisation_id)),
        )
        .filter(risk_meeting_actions::meeting_id.eq(meeting_id))
        .order((
            risk_meeting_actions::due_on.asc(),
            risk_meeting_actions::recorded_at.asc(),
        ))
        .select((
            risk_meeting_actions::id,
            risk_meeting_actions::meeting_id,
            risk_meeting_actions::owner,
            risk_meeting_actions::organisation_id,
            organisations::name.nullable(),
            risk_meeting_actions::action_text,
            risk_meeting_actions::due_on,
            risk_meeting_actions::recorded_at,
        ))
        .load(conn)?;
    let ring = crate::privacy::keyring()?;
    rows.into_iter()
        .map(
            |(id, meeting_id, owner, org, org_name, sealed, due_on, at)| {
                Ok(RiskActionOut {
                    id,
                    meeting_id,
                    owner: RiskActionOwner::from_db(&owner)?,
                    organisation_id: org,
                    organisation_name: org_name,
                    text: crate::privacy::open(&ring, &sealed)?,
                    due_on,
                    recorded_at: store::from_db(at),
                })
            },
        )
        .collect()
}

/// Records a meeting for a victim in reach, and plans the paperwork.
pub fn record(
    conn: &mut AnyConn,
    ctx: &Ctx,
    victim_id: &str,
    input: &RiskMeetingInput,
) -> AppResult<RiskMeetingOut> {
    ctx.may(CREATE)?;
    let starts_at = check(input).map_err(invalid)?;
    store::write(conn, |conn| {
        store::scope::require_victim(conn, &ctx.actor, ctx.today(), victim_id, "victim")?;
        let id = store::new_id();
        let at = store::to_db(ctx.now);
        diesel::insert_into(risk_meetings::table)
            .values((
                risk_meetings::id.eq(&id),
                risk_meetings::victim_id.eq(victim_id),
                risk_meetings::kind.eq(input.kind.as_str()),
                risk_meetings::starts_at.eq(store::to_db(starts_at)),
                risk_meetings::panel.eq(input.panel.trim()),
                risk_meetings::recorded_by.eq(&ctx.actor.user_id),
                risk_meetings::version.eq(1),
                risk_meetings::created_at.eq(at),
                risk_meetings::updated_at.eq(at),
            ))
            .execute(conn)?;
        set_planned(conn, ctx, victim_id, &id, input.kind, starts_at, None)?;
        written(conn, ctx, &id, AuditAction::Create, "recorded")
    })
}

/// Changes a meeting still at `expected` (412 otherwise); a new time or
/// kind re-plans the paperwork.
pub fn update(
    conn: &mut AnyConn,
    ctx: &Ctx,
    id: &str,
    expected: i32,
    input: &RiskMeetingInput,
) -> AppResult<RiskMeetingOut> {
    ctx.may(UPDATE)?;
    let starts_at = check(input).map_err(invalid)?;
    store::write(conn, |conn| {
        let current = find(conn, ctx, id)?;
        crate::resources::check_version(current.version, expected)?;
        not_cancelled(&current)?;
        let changed = diesel::update(
            risk_meetings::table
                .filter(risk_meetings::id.eq(id))
                .filter(risk_meetings::version.eq(expected)),
        )
        .set((
            risk_meetings::kind.eq(input.kind.as_str()),
            risk_meetings::starts_at.eq(store::to_db(starts_at)),
            risk_meetings::panel.eq(input.panel.trim()),
            risk_meetings::version.eq(expected + 1),
            risk_meetings::updated_at.eq(store::to_db(ctx.now)),
        ))
        .execute(conn)?;
        if changed != 1 {
            return Err(AppError::StaleVersion {
                current: current.version,
            });
        }
        if current.starts_at != starts_at || current.kind != input.kind {
            set_planned(
                conn,
                ctx,
                &current.victim_id,
                id,
                input.kind,
                starts_at,
                Some(current.starts_at),
            )?;
        }
        written(conn, ctx, id, AuditAction::Update, "changed")
    })
}

/// A cancelled meeting is kept as it was: 409 to a change.
fn not_cancelled(m: &RiskMeetingOut) -> AppResult<()> {
    if m.cancelled_at.is_some() {
        return Err(AppError::Conflict(
            "the meeting was cancelled; record the new meeting instead".into(),
        ));
    }
    Ok(())
}

/// Cancels a meeting still at `expected` (412 otherwise): its paperwork
/// deadline and task are withdrawn, it leaves the supporter's week and
/// digest, and it stays on her record. Cancelling twice is harmless.
pub fn cancel(conn: &mut AnyConn, ctx: &Ctx, id: &str, expected: i32) -> AppResult<RiskMeetingOut> {
    ctx.may(UPDATE)?;
    store::write(conn, |conn| {
        let current = find(conn, ctx, id)?;
        crate::resources::check_version(current.version, expected)?;
        if current.cancelled_at.is_some() {
            return Ok(current);
        }
        let changed = diesel::update(
            risk_meetings::table
                .filter(risk_meetings::id.eq(id))
                .filter(risk_meetings::version.eq(expected)),
        )
        .set((
            risk_meetings::cancelled_at.eq(Some(store::to_db(ctx.now))),
            risk_meetings::version.eq(expected + 1),
            risk_meetings::updated_at.eq(store::to_db(ctx.now)),
        ))
        .execute(conn)?;
        if changed != 1 {
            return Err(AppError::StaleVersion {
                current: current.version,
            });
        }
        crate::planning::withdraw(
            conn,
            ctx.now,
            &current.victim_id,
            &crate::flows::Subject::risk_meeting(id, current.starts_at).prefix(),
        )?;
        written(conn, ctx, id, AuditAction::Update, "cancelled")
    })
}

/// Plans the paperwork for a meeting still to come. A meeting recorded
/// after it took place has no paperwork left to plan; what hung on its old
/// time is still withdrawn.
fn set_planned(
    conn: &mut AnyConn,
    ctx: &Ctx,
    victim_id: &str,
    id: &str,
    kind: RiskMeetingKind,
    starts_at: DateTime<Utc>,
    previous_start: Option<DateTime<Utc>>,
) -> AppResult<()> {
    if starts_at <= ctx.now {
        if let Some(before) = previous_start {
            crate::planning::withdraw(
                conn,
                ctx.now,
                victim_id,
                &crate::flows::Subject::risk_meeting(id, before).prefix(),
            )?;
        }
        return Ok(());
    }
    plan(
        conn,
        ctx,
        victim_id,
        EventKind::RiskMeetingSet {
            meeting_id: id.to_string(),
            meeting: kind,
            starts_at,
            previous_start,
        },
    )?;
    Ok(())
}

fn written(
    conn: &mut AnyConn,
    ctx: &Ctx,
    id: &str,
    action: AuditAction,
    done: &str,
) -> AppResult<RiskMeetingOut> {
    let meeting = find(conn, ctx, id)?;
    crate::audit::append(
        conn,
        ctx.now,
        crate::audit::Entry {
            victim_id: Some(meeting.victim_id.clone()),
            category: Some(meeting.kind.as_str().to_string()),
            ..ctx.entry(action, "risk_meetings", id)
        },
    )?;
    tracing::info!(meeting_id = %id, kind = %meeting.kind, "risk meeting {done}");
    Ok(meeting)
}

/// Records an action agreed at a meeting that has taken place; one the
/// supporter carries becomes a task due that day.
pub fn record_action(
    conn: &mut AnyConn,
    ctx: &Ctx,
    meeting_id: &str,
    input: &RiskActionInput,
) -> AppResult<RiskActionOut> {
    ctx.may(UPDATE)?;
    store::write(conn, |conn| {
        let meeting = find(conn, ctx, meeting_id)?;
        not_cancelled(&meeting)?;
        let due_on = check_action(input, crate::calendar::london_date(meeting.starts_at))
            .map_err(invalid)?;
        if meeting.starts_at > ctx.now {
            return Err(AppError::Conflict(
                "the meeting has not taken place yet: record its actions after it".into(),
            ));
        }
        if let Some(org) = input.organisation_id.as_deref() {
            let known: i64 = organisations::table
                .filter(organisations::id.eq(org))
                .count()
                .get_result(conn)?;
            if known == 0 {
                return Err(AppError::field(
                    "organisation_id",
                    "is not an organisation in the directory",
                ));
            }
        }
        let id = store::new_id();
        let sealed = crate::privacy::keyring()?.encrypt(input.text.trim());
        diesel::insert_into(risk_meeting_actions::table)
            .values((
                risk_meeting_actions::id.eq(&id),
                risk_meeting_actions::meeting_id.eq(meeting_id),
                risk_meeting_actions::victim_id.eq(&meeting.victim_id),
                risk_meeting_actions::owner.eq(input.owner.as_str()),
                risk_meeting_actions::organisation_id.eq(input.organisation_id.as_deref()),
                risk_meeting_actions::action_text.eq(sealed),
                risk_meeting_actions::due_on.eq(due_on),
                risk_meeting_actions::recorded_by.eq(&ctx.actor.user_id),
                risk_meeting_actions::recorded_at.eq(store::to_db(ctx.now)),
            ))
            .execute(conn)?;
        if input.owner == RiskActionOwner::Supporter {
            plan(
                conn,
                ctx,
                &meeting.victim_id,
                EventKind::RiskMeetingActionRecorded {
                    action_id: id.clone(),
                    meeting: meeting.kind,
                    due_on,
                },
            )?;
        }
        crate::audit::append(
            conn,
            ctx.now,
            crate::audit::Entry {
                victim_id: Some(meeting.victim_id.clone()),
                category: Some(format!("{}_action", meeting.kind.as_str())),
                ..ctx.entry(AuditAction::Create, "risk_meeting_actions", &id)
            },
        )?;
        tracing::info!(meeting_id = %meeting_id, action_id = %id, owner = %input.owner, "risk meeting action recorded");
        actions_of(conn, meeting_id)?
            .into_iter()
            .find(|a| a.id == id)
            .ok_or_else(|| AppError::Internal("risk meeting action vanished".into()))
    })
}

/// The victim's meetings with their actions, oldest first, for her
/// subject-access export: empty for a role that may not read them (the
/// export checked reach already).
pub fn for_export(
    conn: &mut AnyConn,
    ctx: &Ctx,
    victim_id: &str,
) -> AppResult<Vec<RiskMeetingDetail>> {
    if ctx.may(READ).is_err() {
        return Ok(Vec::new());
    }
    let mut meetings = list(conn, ctx, victim_id)?;
    meetings.reverse();
    meetings
        .into_iter()
        .map(|meeting| {
            let actions = actions_of(conn, &meeting.id)?;
            Ok(RiskMeetingDetail { meeting, actions })
        })
        .collect()
}

/// The supporter's meetings starting in `[start, end)`, earliest first;
/// empty for any other role.
pub fn for_week(
    conn: &mut AnyConn,
    ctx: &Ctx,
    start: DateTime<Utc>,
    end: DateTime<Utc>,
) -> AppResult<Vec<WeekMeeting>> {
    if ctx.may(READ).is_err() {
        return Ok(Vec::new());
    }
    let visible = ctx.visible_victims(conn)?;
    let rows: Vec<(Row, String)> = risk_meetings::table
        .inner_join(victims::table.on(victims::id.eq(risk_meetings::victim_id)))
        .filter(risk_meetings::victim_id.eq_any(&visible))
        .filter(risk_meetings::starts_at.ge(store::to_db(start)))
        .filter(risk_meetings::starts_at.lt(store::to_db(end)))
        .filter(risk_meetings::cancelled_at.is_null())
        .order((risk_meetings::starts_at.asc(), risk_meetings::id.asc()))
        .select((meeting_columns!(), victims::reference))
        .load(conn)?;
    rows.into_iter()
        .map(|(row, victim_reference)| {
            Ok(WeekMeeting {
                meeting: out_of(ctx, row)?,
                victim_reference,
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    const POLICE: &str = "6f1c2a9e-3b4d-4e5f-8a7b-9c0d1e2f3a4b";

    fn action(owner: RiskActionOwner, org: Option<&str>, due: &str) -> RiskActionInput {
        RiskActionInput {
            owner,
            organisation_id: org.map(str::to_string),
            text: "Safety plan review".into(),
            due_on: due.into(),
        }
    }

    fn fields(r: Result<NaiveDate, Vec<FieldError>>) -> Vec<String> {
        r.err()
            .unwrap_or_default()
            .into_iter()
            .map(|e| e.field)
            .collect()
    }

    #[test]
    fn an_action_names_its_agency_only_when_an_agency_carries_it_and_falls_due_after_the_meeting() {
        let day = NaiveDate::from_ymd_opt(2026, 10, 29).unwrap();
        // (owner, organisation, due, fields in error)
        let cases: [(RiskActionOwner, Option<&str>, &str, &[&str]); 5] = [
            (RiskActionOwner::Supporter, None, "2026-10-29", &[]),
            (RiskActionOwner::Agency, Some(POLICE), "2026-11-05", &[]),
            (
                RiskActionOwner::Agency,
                None,
                "2026-11-05",
                &["organisation_id"],
            ),
            (
                RiskActionOwner::Supporter,
                Some(POLICE),
                "2026-11-05",
                &["organisation_id"],
            ),
            (RiskActionOwner::Supporter, None, "2026-10-28", &["due_on"]),
        ];
        for (owner, org, due, wanted) in cases {
            assert_eq!(
                fields(check_action(&action(owner, org, due), day)),
                wanted,
                "{owner} {org:?} {due}"
            );
        }
        let blank = RiskActionInput {
            text: "  ".into(),
            ..action(RiskActionOwner::Supporter, None, "2026-10-29")
        };
        assert_eq!(fields(check_action(&blank, day)), ["text"]);
    }

    #[test]
    fn a_meeting_needs_a_real_time_and_a_panel() {
        let input = |at: &str, panel: &str| RiskMeetingInput {
            kind: RiskMeetingKind::Marac,
            starts_at: at.into(),
            panel: panel.into(),
        };
        assert!(check(&input("2026-10-29T10:00:00+00:00", "Leeds MARAC")).is_ok());
        let errors = check(&input("next Thursday", "")).unwrap_err();
        let named: Vec<&str> = errors.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(named, ["starts_at", "panel"]);
    }
}

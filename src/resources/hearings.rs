//! Hearings: when and where a case sits, whether the victim attends and
//! gives evidence, and how it ended. Start instants are stored in UTC and
//! shown in Europe/London time.

use chrono::{DateTime, Duration, Utc};
use diesel::prelude::*;
use serde::{Deserialize, Serialize};

use crate::app::{Ctx, Page, Paged, Resource, Validate};
use crate::domain::{CaseKind, HearingKind, HearingStatus};
use crate::error::{AppError, AppResult};
use crate::flows::{EventKind, HearingOutcome};
use crate::planning;
use crate::policy::ResourceKind;
use crate::store::schema::{cases, courts, hearings};
use crate::store::{self, AnyConn};
use crate::validate::{Validator, MAX_SHORT, MAX_TEXT};

use super::{case_victim, check_version, local, require_court, same_owner, visible_case_ids};

pub struct Hearings;

/// The longest hearing we accept in one record: a six-week trial of
/// court days.
pub const MAX_ESTIMATED_MINUTES: i32 = 30 * 6 * 60;

#[derive(Debug, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct HearingInput {
    pub case_id: String,
    pub kind: HearingKind,
    #[serde(default = "listed")]
    pub status: HearingStatus,
    pub court_id: String,
    pub courtroom: Option<String>,
    /// Start, as court-local time with its offset, e.g.
    /// `2026-03-30T10:00:00+01:00` (or any offset; stored in UTC).
    pub starts_at: String,
    /// Estimated length in minutes.
    pub estimated_minutes: i32,
    #[serde(default)]
    pub victim_attends: bool,
    #[serde(default)]
    pub victim_gives_evidence: bool,
    /// The victim gives evidence by live link.
    #[serde(default)]
    pub live_link: bool,
    /// A note on how a concluded or adjourned hearing ended (free text:
    /// never logged, and never sent when `result` is given).
    pub outcome: Option<String>,
    /// How a concluded hearing ended, as a structured choice. Optional for
    /// older clients; when given, it is what the victim and supporter are
    /// told, and a sentence decides the Victim Contact Scheme referral.
    #[serde(default)]
    pub result: Option<HearingOutcome>,
}

fn listed() -> HearingStatus {
    HearingStatus::Listed
}

/// The checked, typed form of the input.
struct Checked {
    starts_at: DateTime<Utc>,
}

fn check(input: &HearingInput, v: &mut Validator, now: DateTime<Utc>) -> Option<Checked> {
    v.id("case_id", &input.case_id);
    v.id("court_id", &input.court_id);
    v.opt_text("courtroom", input.courtroom.as_deref(), MAX_SHORT);
    v.opt_text("outcome", input.outcome.as_deref(), MAX_TEXT);
    v.check(
        (1..=MAX_ESTIMATED_MINUTES).contains(&input.estimated_minutes),
        "estimated_minutes",
        format!("must be between 1 and {MAX_ESTIMATED_MINUTES} minutes"),
    );
    v.check(
        !input.victim_gives_evidence || input.victim_attends || input.live_link,
        "victim_attends",
        "a victim who gives evidence attends, in person or by live link",
    );
    check_result(input, v);
    let starts_at = v.instant("starts_at", &input.starts_at)?;
    // A hearing still to happen cannot start in the past (a minute's grace
    // for clocks); one that is over may.
    if input.status.is_upcoming() && starts_at < now - Duration::minutes(1) {
        v.error(
            "starts_at",
            format!(
                "is in the past; a {} hearing must start in the future (record past hearings as concluded, adjourned or vacated)",
                input.status
            ),
        );
    }
    Some(Checked { starts_at })
}

fn check_result(input: &HearingInput, v: &mut Validator) {
    let Some(result) = &input.result else { return };
    v.check(
        input.status == HearingStatus::Concluded,
        "result",
        "is only recorded for a concluded hearing (set status to concluded; an adjournment or vacation is a status of its own)",
    );
    match result {
        HearingOutcome::Other { .. } => v.error(
            "result",
            "cannot be other: choose a structured outcome and put any detail in the note (outcome)",
        ),
        HearingOutcome::Sentenced {
            sentence: Some(sentence),
        } => match (sentence.kind.has_length(), sentence.months) {
            (true, None) => v.error("result", "needs the sentence length in months"),
            (true, Some(m)) => v.check(
                (1..=1200).contains(&m),
                "result",
                "the sentence length must be between 1 and 1200 months",
            ),
            (false, Some(_)) => v.error(
                "result",
                "a sentence of this type has no length in months: leave months out",
            ),
            (false, None) => {}
        },
        _ => {}
    }
}

impl Validate for HearingInput {
    fn validate(&self, v: &mut Validator, now: DateTime<Utc>) {
        check(self, v, now);
    }
}

#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct HearingOut {
    pub id: String,
    pub case_id: String,
    pub kind: HearingKind,
    pub status: HearingStatus,
    pub court_id: String,
    pub courtroom: Option<String>,
    /// The start in UTC.
    pub starts_at: DateTime<Utc>,
    /// The start in court-local (Europe/London) time with its offset.
    pub starts_at_local: String,
    pub estimated_minutes: i32,
    /// The estimated end in court-local time.
    pub ends_at_local: String,
    pub victim_attends: bool,
    pub victim_gives_evidence: bool,
    pub live_link: bool,
    pub outcome: Option<String>,
    pub result: Option<HearingOutcome>,
    pub version: i32,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

versioned!(HearingOut);

#[derive(Queryable, Selectable)]
#[diesel(table_name = hearings)]
struct Row {
    id: String,
    case_id: String,
    kind: String,
    status: String,
    court_id: String,
    courtroom: Option<String>,
    starts_at: chrono::NaiveDateTime,
    estimated_minutes: i32,
    victim_attends: bool,
    victim_gives_evidence: bool,
    live_link: bool,
    outcome: Option<String>,
    result_json: Option<String>,
    version: i32,
    created_at: chrono::NaiveDateTime,
    updated_at: chrono::NaiveDateTime,
}

impl Row {
    fn out(self) -> AppResult<HearingOut> {
        let starts_at = store::from_db(self.starts_at);
        let ends_at = starts_at + Duration::minutes(i64::from(self.estimated_minutes));
        Ok(HearingOut {
            kind: HearingKind::from_db(&self.kind)?,
            status: HearingStatus::from_db(&self.status)?,
            id: self.id,
            case_id: self.case_id,
            court_id: self.court_id,
            courtroom: self.courtroom,
            starts_at,
            starts_at_local: local(starts_at),
            estimated_minutes: self.estimated_minutes,
            ends_at_local: local(ends_at),
            victim_attends: self.victim_attends,
            victim_gives_evidence: self.victim_gives_evidence,
            live_link: self.live_link,
            outcome: self.outcome,
            result: self
                .result_json
                .as_deref()
                .map(serde_json::from_str)
                .transpose()
                .map_err(|e| AppError::Internal(format!("stored hearing result: {e}")))?,
            version: self.version,
            created_at: store::from_db(self.created_at),
            updated_at: store::from_db(self.updated_at),
        })
    }
}

fn load(conn: &mut AnyConn, ctx: &Ctx, id: &str) -> AppResult<Row> {
    let row: Row = hearings::table
        .find(id)
        .select(Row::as_select())
        .first(conn)
        .optional()?
        .ok_or_else(|| AppError::NotFound("hearing".into()))?;
    case_victim(conn, ctx, &row.case_id, None).map_err(|_| AppError::NotFound("hearing".into()))?;
    Ok(row)
}

/// The hearings among `ids` the actor may read, in the order of `ids`
/// (unknown and unreachable ones left out): the same answer as reading
/// each through [`Resource::read`], in a few queries for the whole set
/// (rows, then their cases' victims, matched to the actor's reach).
pub fn read_each(conn: &mut AnyConn, ctx: &Ctx, ids: &[String]) -> AppResult<Vec<HearingOut>> {
    crate::app::authorise(
        &ctx.actor,
        ResourceKind::Hearing,
        crate::policy::Action::Read,
        "hearing",
    )?;
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    let mut rows: std::collections::HashMap<String, Row> = std::collections::HashMap::new();
    for chunk in ids.chunks(store::IN_CHUNK) {
        for row in hearings::table
            .filter(hearings::id.eq_any(chunk))
            .select(Row::as_select())
            .load::<Row>(conn)?
        {
            rows.insert(row.id.clone(), row);
        }
    }
    let mut case_ids: Vec<&str> = rows.values().map(|r| r.case_id.as_str()).collect();
    case_ids.sort_unstable();
    case_ids.dedup();
    let mut victim_of: std::collections::HashMap<String, String> = std::collections::HashMap::new();
    for chunk in case_ids.chunks(store::IN_CHUNK) {
        victim_of.extend(
            cases::table
                .filter(cases::id.eq_any(chunk))
                .select((cases::id, cases::victim_id))
                .load::<(String, String)>(conn)?,
        );
    }
    let reach = ctx.reach_now(conn)?;
    ids.iter()
        .filter_map(|id| rows.remove(id))
        .filter(|row| {
            victim_of
                .get(&row.case_id)
                .is_some_and(|victim| reach.reaches(victim))
        })
        .map(Row::out)
        .collect()
}

/// Checks that need the database: the case is reachable, the court exists,
/// and the kind of hearing fits the kind of case.
fn check_references(conn: &mut AnyConn, ctx: &Ctx, input: &HearingInput) -> AppResult<Checked> {
    let mut v = Validator::new();
    let checked = check(input, &mut v, ctx.now);
    v.finish()?;
    let checked = checked.ok_or_else(|| AppError::field("starts_at", "is required"))?;
    case_victim(conn, ctx, &input.case_id, Some("case_id"))?;
    require_court(conn, &input.court_id, "court_id")?;
    let kind: String = cases::table
        .find(&input.case_id)
        .select(cases::kind)
        .first(conn)?;
    let case_kind = CaseKind::from_db(&kind)?;
    if !input.kind.fits(case_kind) {
        return Err(AppError::field(
            "kind",
            format!(
                "a {} hearing does not belong in a {case_kind} case",
                input.kind
            ),
        ));
    }
    Ok(checked)
}

/// Filters for hearing lists.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct HearingFilter {
    pub case_id: Option<String>,
    /// Only hearings starting at or after this instant (RFC 3339).
    pub from: Option<DateTime<chrono::FixedOffset>>,
    /// Only hearings starting before this instant (RFC 3339).
    pub to: Option<DateTime<chrono::FixedOffset>>,
    pub page: Option<i64>,
    pub per_page: Option<i64>,
}

impl Resource for Hearings {
    const PATH: &'static str = "hearings";
    const SINGULAR: &'static str = "hearing";
    const KIND: ResourceKind = ResourceKind::Hearing;
    type Input = HearingInput;
    type Output = HearingOut;
    type Filter = HearingFilter;

    fn create(conn: &mut AnyConn, ctx: &Ctx, input: HearingInput) -> AppResult<HearingOut> {
        store::write(conn, |conn| {
            let checked = check_references(conn, ctx, &input)?;
            let victim_id = case_victim(conn, ctx, &input.case_id, Some("case_id"))?;
            let id = store::new_id();
            let now = store::to_db(ctx.now);
            diesel::insert_into(hearings::table)
                .values((
                    hearings::id.eq(&id),
                    hearings::case_id.eq(&input.case_id),
                    hearings::kind.eq(input.kind.as_str()),
                    hearings::status.eq(input.status.as_str()),
                    hearings::court_id.eq(&input.court_id),
                    hearings::courtroom.eq(&input.courtroom),
                    hearings::starts_at.eq(store::to_db(checked.starts_at)),
                    hearings::estimated_minutes.eq(input.estimated_minutes),
                    hearings::victim_attends.eq(input.victim_attends),
                    hearings::victim_gives_evidence.eq(input.victim_gives_evidence),
                    hearings::live_link.eq(input.live_link),
                    hearings::outcome.eq(&input.outcome),
                    hearings::result_json.eq(result_json(&input)?),
                    hearings::created_at.eq(now),
                    hearings::updated_at.eq(now),
                ))
                .execute(conn)?;
            if input.status.is_upcoming() {
                planning::react(
                    conn,
                    &ctx.rules,
                    ctx.now,
                    &victim_id,
                    &focus(&id),
                    EventKind::HearingListed,
                )?;
            }
            load(conn, ctx, &id)?.out()
        })
    }

    fn read(conn: &mut AnyConn, ctx: &Ctx, id: &str) -> AppResult<HearingOut> {
        load(conn, ctx, id)?.out()
    }

    fn list(
        conn: &mut AnyConn,
        ctx: &Ctx,
        f: &HearingFilter,
        page: Page,
    ) -> AppResult<Paged<HearingOut>> {
        let visible = visible_case_ids(conn, ctx)?;
        let query = || {
            let mut q = hearings::table
                .filter(hearings::case_id.eq_any(visible.clone()))
                .into_boxed();
            filter_by!(q, hearings, f, case_id);
            filter_between!(q, hearings::starts_at, f.from, f.to);
            q
        };
        let order = (hearings::starts_at.asc(), hearings::id.asc());
        paged!(conn, page, query, order, Row)?.try_map(Row::out)
    }

    fn update(
        conn: &mut AnyConn,
        ctx: &Ctx,
        id: &str,
        expected: i32,
        input: HearingInput,
    ) -> AppResult<HearingOut> {
        store::write(conn, |conn| {
            let current = load(conn, ctx, id)?;
            check_version(current.version, expected)?;
            same_owner(
                "case_id",
                &current.case_id,
                &input.case_id,
                "a hearing belongs to one case",
            )?;
            let checked = check_references(conn, ctx, &input)?;
            let victim_id = case_victim(conn, ctx, &input.case_id, Some("case_id"))?;
            update_versioned!(
                conn,
                hearings,
                id,
                expected,
                store::to_db(ctx.now),
                (
                    hearings::kind.eq(input.kind.as_str()),
                    hearings::status.eq(input.status.as_str()),
                    hearings::court_id.eq(&input.court_id),
                    hearings::courtroom.eq(&input.courtroom),
                    hearings::starts_at.eq(store::to_db(checked.starts_at)),
                    hearings::estimated_minutes.eq(input.estimated_minutes),
                    hearings::victim_attends.eq(input.victim_attends),
                    hearings::victim_gives_evidence.eq(input.victim_gives_evidence),
                    hearings::live_link.eq(input.live_link),
                    hearings::outcome.eq(&input.outcome),
                    hearings::result_json.eq(result_json(&input)?),
                )
            );
            if let Some(mut event) = change_event(&current, &input, checked.starts_at)? {
                if let EventKind::HearingMoved {
                    previous_court: Some(court),
                    ..
                } = &mut event
                {
                    *court = courts::table
                        .find(court.as_str())
                        .select(courts::name)
                        .first(conn)?;
                }
                planning::react(conn, &ctx.rules, ctx.now, &victim_id, &focus(id), event)?;
            }
            load(conn, ctx, id)?.out()
        })
    }
}

fn result_json(input: &HearingInput) -> AppResult<Option<String>> {
    input
        .result
        .as_ref()
        .map(serde_json::to_string)
        .transpose()
        .map_err(|e| AppError::Internal(format!("hearing result: {e}")))
}

fn focus(hearing_id: &str) -> planning::Focus {
    planning::Focus {
        hearing_id: Some(hearing_id.to_string()),
        ..planning::Focus::default()
    }
}

/// What a change to a hearing means for the flows, if anything: it was
/// vacated or adjourned, it concluded, or it moved (time or court).
fn change_event(
    before: &Row,
    after: &HearingInput,
    new_start: DateTime<Utc>,
) -> AppResult<Option<EventKind>> {
    let was = HearingStatus::from_db(&before.status)?;
    let previous_start = store::from_db(before.starts_at);
    Ok(match after.status {
        HearingStatus::Vacated | HearingStatus::Adjourned if was != after.status => {
            Some(EventKind::HearingVacated {
                adjourned: after.status == HearingStatus::Adjourned,
            })
        }
        HearingStatus::Concluded if was != HearingStatus::Concluded => {
            Some(EventKind::HearingConcluded {
                // The structured result when given (the note stays out of
                // every notice); older clients' free text otherwise.
                outcome: after
                    .result
                    .clone()
                    .unwrap_or_else(|| HearingOutcome::Other {
                        description: after.outcome.clone().unwrap_or_else(|| "concluded".into()),
                    }),
            })
        }
        status
            if status.is_upcoming()
                && (previous_start != new_start
                    || before.court_id != after.court_id
                    || !was.is_upcoming()) =>
        {
            if was.is_upcoming() {
                Some(EventKind::HearingMoved {
                    previous_start,
                    previous_court: (before.court_id != after.court_id)
                        .then(|| before.court_id.clone()),
                })
            } else {
                // Relisted after being vacated or adjourned.
                Some(EventKind::HearingListed)
            }
        }
        _ => None,
    })
}

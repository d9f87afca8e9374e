//! The digest's shell: plan today's digests from the records, and deliver
//! due ones. Both are safe to run on several instances and after a
//! restart: planning inserts against a unique key (supporter, London date),
//! delivery claims with a lease.

use chrono::{DateTime, Duration, NaiveDate, NaiveDateTime, Utc};
use diesel::prelude::*;
use serde::Serialize;

use super::{
    digest_at, due_date, moot_after, Day, DeadlineItem, HearingItem, MeetingItem, ParoleItem,
    ReminderItem, StatementItem, VisitItem,
};
use crate::error::{AppError, AppResult};
use crate::flows::TemplateKey;
use crate::notify::mailer::{Email, Mailer};
use crate::notify::render::NoticeRenderer;
use crate::store::schema::{
    cases, courts, deadlines, digest_holds, digests, hearings, notices, parole_milestones,
    pre_trial_visits, risk_meetings, statement_appointments, supporter_assignments, users, victims,
};
use crate::store::{self, AnyConn, Pool};

/// Deadline kinds the supporter is party to, and so sees in the digest.
pub const SUPPORTER_DEADLINES: &[&str] = &[
    "supporter_told_of_hearing",
    "supporter_told_of_outcome",
    "cps_informed_of_supporter",
    "attendance_raised_with_court",
    "pre_trial_visit_arranged",
    "risk_meeting_paperwork",
    "protective_order_renewal_discussed",
    "right_to_review_prompt_request",
    "right_to_review_request",
    "compensation_application",
    "cps_meeting_wish_recorded",
];

/// How many times a digest is tried before it is given up.
const MAX_ATTEMPTS: i32 = 5;

#[derive(Debug, Default, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Planned {
    pub supporters: usize,
    pub planned: usize,
}

pub fn key(user_id: &str, date: NaiveDate) -> String {
    format!("digest:{user_id}/{date}")
}

fn london_day_bounds(date: NaiveDate) -> (NaiveDateTime, NaiveDateTime) {
    (
        store::to_db(crate::calendar::start_of_london_day(date)),
        store::to_db(moot_after(date)),
    )
}

/// (start, kind, court, victim, urn, case number).
type HearingRow = (
    NaiveDateTime,
    String,
    String,
    String,
    Option<String>,
    Option<String>,
);

/// (start, court, victim, urn, case number).
type VisitRow = (
    Option<NaiveDateTime>,
    String,
    String,
    Option<String>,
    Option<String>,
);

fn case_reference(urn: Option<String>, number: Option<String>) -> String {
    urn.or(number).unwrap_or_default()
}

/// What the supporter's day holds. Hearings and parole milestones only
/// where Courtside has already told this supporter of them (so consent or
/// the single-point-of-contact agreement allowed it); visits they attend;
/// deadlines of kinds they are party to.
pub fn day_for(conn: &mut AnyConn, user_id: &str, date: NaiveDate) -> AppResult<Day> {
    let victim_ids: Vec<String> = supporter_assignments::table
        .filter(supporter_assignments::supporter_id.eq(user_id))
        .filter(crate::store::scope::in_force(date))
        .select(supporter_assignments::victim_id)
        .load(conn)?;
    let mut day = Day::default();
    if victim_ids.is_empty() {
        return Ok(day);
    }
    let (from, to) = london_day_bounds(date);
    let told_hearings: Vec<Option<String>> = notices::table
        .filter(notices::recipient_user_id.eq(user_id))
        .filter(notices::category.eq_any(["hearing_details", "hearing_change"]))
        .filter(notices::state.ne("cancelled"))
        .select(notices::hearing_id)
        .load(conn)?;
    let told_hearings: Vec<String> = told_hearings.into_iter().flatten().collect();
    let rows: Vec<HearingRow> = hearings::table
        .inner_join(cases::table)
        .inner_join(courts::table.on(courts::id.eq(hearings::court_id)))
        .filter(cases::victim_id.eq_any(&victim_ids))
        .filter(hearings::id.eq_any(&told_hearings))
        .filter(crate::store::upcoming::still_to_happen())
        .filter(hearings::starts_at.ge(from))
        .filter(hearings::starts_at.lt(to))
        .select((
            hearings::starts_at,
            hearings::kind,
            courts::name,
            cases::victim_id,
            cases::urn,
            cases::case_number,
        ))
        .load(conn)?;
    for (start, kind, court, victim, urn, number) in rows {
        day.hearings.push(HearingItem {
            start: store::from_db(start),
            hearing_kind: kind,
            court_name: court,
            case_reference: case_reference(urn, number),
            victim_reference: victim_reference(conn, &victim)?,
        });
    }
    let rows: Vec<VisitRow> = pre_trial_visits::table
        .inner_join(cases::table)
        .inner_join(courts::table.on(courts::id.eq(pre_trial_visits::court_id)))
        .filter(cases::victim_id.eq_any(&victim_ids))
        .filter(pre_trial_visits::state.eq("arranged"))
        .filter(pre_trial_visits::supporter_attends.eq(true))
        .filter(pre_trial_visits::starts_at.ge(from))
        .filter(pre_trial_visits::starts_at.lt(to))
        .select((
            pre_trial_visits::starts_at,
            courts::name,
            cases::victim_id,
            cases::urn,
            cases::case_number,
        ))
        .load(conn)?;
    for (start, court, victim, urn, number) in rows {
        let Some(start) = start else { continue };
        day.visits.push(VisitItem {
            start: store::from_db(start),
            court_name: court,
            case_reference: case_reference(urn, number),
            victim_reference: victim_reference(conn, &victim)?,
        });
    }
    let parole_told: Vec<String> = notices::table
        .filter(notices::recipient_user_id.eq(user_id))
        .filter(notices::template.eq(TemplateKey::ParoleMilestone.as_str()))
        .filter(notices::state.ne("cancelled"))
        .select(notices::victim_id)
        .distinct()
        .load(conn)?;
    let rows: Vec<(String, String)> = parole_milestones::table
        .filter(parole_milestones::victim_id.eq_any(&victim_ids))
        .filter(parole_milestones::victim_id.eq_any(&parole_told))
        .filter(parole_milestones::occurs_on.eq(date))
        .select((parole_milestones::kind, parole_milestones::victim_id))
        .load(conn)?;
    for (milestone, victim) in rows {
        day.parole.push(ParoleItem {
            milestone,
            victim_reference: victim_reference(conn, &victim)?,
        });
    }
    let rows: Vec<(String, NaiveDateTime, String)> = risk_meetings::table
        .filter(risk_meetings::victim_id.eq_any(&victim_ids))
        .filter(risk_meetings::starts_at.ge(from))
        .filter(risk_meetings::starts_at.lt(to))
        .filter(risk_meetings::cancelled_at.is_null())
        .select((
            risk_meetings::kind,
            risk_meetings::starts_at,
            risk_meetings::victim_id,
        ))
        .load(conn)?;
    for (kind, start, victim) in rows {
        day.meetings.push(MeetingItem {
            start: store::from_db(start),
            kind,
            victim_reference: victim_reference(conn, &victim)?,
        });
    }
    // Statement appointments she is booked on, as the supporter for before
    // and after or the alternative, of victims she supports.
    let rows: Vec<(String, NaiveDateTime, String, String)> = statement_appointments::table
        .filter(statement_appointments::victim_id.eq_any(&victim_ids))
        .filter(statement_appointments::state.eq("booked"))
        .filter(
            statement_appointments::supporter_id
                .eq(user_id)
                .or(statement_appointments::alternative_supporter_id.eq(user_id)),
        )
        .filter(statement_appointments::starts_at.ge(from))
        .filter(statement_appointments::starts_at.lt(to))
        .select((
            statement_appointments::kind,
            statement_appointments::starts_at,
            statement_appointments::victim_id,
            statement_appointments::supporter_id,
        ))
        .load(conn)?;
    for (kind, start, victim, booked) in rows {
        day.statements.push(StatementItem {
            start: store::from_db(start),
            kind,
            part: if booked == user_id {
                "supporter".into()
            } else {
                "alternative_supporter".into()
            },
            victim_reference: victim_reference(conn, &victim)?,
        });
    }
    let rows: Vec<(String, NaiveDateTime, String, Option<String>)> = deadlines::table
        .filter(deadlines::victim_id.eq_any(&victim_ids))
        .filter(deadlines::state.eq("running"))
        .filter(deadlines::due_date.eq(date))
        .filter(deadlines::kind.eq_any(SUPPORTER_DEADLINES))
        .select((
            deadlines::kind,
            deadlines::due_at,
            deadlines::victim_id,
            deadlines::case_id,
        ))
        .load(conn)?;
    for (kind, due_at, victim, case) in rows {
        let refs: Option<(Option<String>, Option<String>)> = match case {
            Some(id) => cases::table
                .find(id)
                .select((cases::urn, cases::case_number))
                .first(conn)
                .optional()?,
            None => None,
        };
        let (urn, number) = refs.unwrap_or_default();
        day.deadlines.push(DeadlineItem {
            kind,
            due_at: store::from_db(due_at),
            case_reference: case_reference(urn, number),
            victim_reference: victim_reference(conn, &victim)?,
        });
    }
    Ok(day)
}

fn victim_reference(conn: &mut AnyConn, victim_id: &str) -> AppResult<String> {
    Ok(victims::table
        .find(victim_id)
        .select(victims::reference)
        .first(conn)?)
}

/// Plans today's digest for every active supporter with anything today,
/// once 07:30 London time has come. Never a previous day's.
pub fn plan_due(pool: &Pool, now: DateTime<Utc>) -> AppResult<Planned> {
    let Some(date) = due_date(now) else {
        return Ok(Planned::default());
    };
    let mut conn = pool.get()?;
    let supporters: Vec<(String, bool)> = users::table
        .filter(users::role.eq("supporter"))
        .filter(users::active.eq(true))
        .order(users::id.asc())
        .select((users::id, users::reminders_in_digest))
        .load(&mut conn)?;
    let mut out = Planned {
        supporters: supporters.len(),
        ..Planned::default()
    };
    // Supporters already dealt with today (one query, so the minute tick
    // stays cheap for the rest of the day).
    let done: Vec<String> = digests::table
        .filter(digests::local_date.eq(date))
        .select(digests::user_id)
        .load(&mut conn)?;
    for (user, reminders_in_digest) in supporters.into_iter().filter(|(u, _)| !done.contains(u)) {
        let key = key(&user, date);
        out.planned += store::write(&mut conn, |conn| {
            let exists: i64 = digests::table
                .filter(digests::idempotency_key.eq(&key))
                .count()
                .get_result(conn)?;
            if exists > 0 {
                return Ok(0);
            }
            // A day with nothing in it is recorded as "empty" (never sent),
            // so it is looked at once: the digest is the 07:30 picture.
            let id = store::new_id();
            let mut day = day_for(conn, &user, date)?;
            if reminders_in_digest {
                day.reminders = waiting_reminders(conn, &user, date, now)?;
            }
            let state = if day.is_empty() { "empty" } else { "pending" };
            let data = serde_json::to_string(&day.data(date))
                .map_err(|e| AppError::Internal(e.to_string()))?;
            let ts = store::to_db(now);
            let insert = diesel::insert_into(digests::table)
                .values((
                    digests::id.eq(&id),
                    digests::idempotency_key.eq(&key),
                    digests::user_id.eq(&user),
                    digests::local_date.eq(date),
                    digests::data_json.eq(data),
                    digests::state.eq(state),
                    digests::send_after.eq(store::to_db(digest_at(date))),
                    digests::not_after.eq(store::to_db(moot_after(date))),
                    digests::attempts.eq(0),
                    digests::created_at.eq(ts),
                    digests::updated_at.eq(ts),
                ))
                .on_conflict(digests::idempotency_key)
                .do_nothing();
            // Another instance may plan the same digest at the same moment:
            // the unique key keeps one.
            let inserted = crate::store::dialect::execute!(conn, insert)?;
            if inserted == 1 {
                hold(conn, &id, &day.reminders)?;
            }
            Ok(if state == "pending" { inserted } else { 0 })
        })?;
    }
    Ok(out)
}

/// The supporter's reminders due by the end of `date` and still waiting,
/// for the day's digest to list and hold. The reminders are
/// read with `FOR UPDATE SKIP LOCKED` on PostgreSQL, as the delivery claim
/// reads them, so a reminder a worker is claiming is left to go on its own
/// and one held here is passed over by the claim (on SQLite the write
/// transaction already keeps the two apart).
fn waiting_reminders(
    conn: &mut AnyConn,
    user_id: &str,
    date: NaiveDate,
    now: DateTime<Utc>,
) -> AppResult<Vec<ReminderItem>> {
    let templates = [
        TemplateKey::ReminderHearingSupporter.as_str(),
        TemplateKey::ReminderVisitSupporter.as_str(),
    ];
    let query = notices::table
        .filter(notices::recipient_user_id.eq(user_id))
        .filter(notices::template.eq_any(templates))
        .filter(notices::state.eq("pending"))
        .filter(crate::notify::delivery::not_being_sent())
        .filter(notices::next_attempt_at.lt(store::to_db(moot_after(date))))
        .filter(
            notices::not_after
                .is_null()
                .or(notices::not_after.gt(store::to_db(now))),
        )
        .filter(crate::notify::delivery::not_held())
        .select((notices::id, notices::template, notices::data_json));
    let waiting: Vec<(String, String, String)> =
        crate::store::dialect::load_skip_locked!(conn, query)?;
    let mut items = Vec::new();
    for (id, template, data) in waiting {
        let data: serde_json::Map<String, serde_json::Value> =
            serde_json::from_str(&data).unwrap_or_default();
        // A reminder the digest cannot describe goes on its own.
        if let Some(item) = ReminderItem::from_notice(&id, &template, &data) {
            items.push(item);
        }
    }
    Ok(items)
}

/// Records that the digest `digest_id` holds these reminders.
fn hold(conn: &mut AnyConn, digest_id: &str, items: &[ReminderItem]) -> AppResult<()> {
    let rows: Vec<_> = items
        .iter()
        .map(|r| {
            (
                digest_holds::notice_id.eq(r.notice_id.clone()),
                digest_holds::digest_id.eq(digest_id.to_string()),
            )
        })
        .collect();
    if !rows.is_empty() {
        // A hold left by an earlier digest that was given up is replaced.
        let ids: Vec<&String> = items.iter().map(|r| &r.notice_id).collect();
        diesel::delete(digest_holds::table.filter(digest_holds::notice_id.eq_any(ids)))
            .execute(conn)?;
        for row in rows {
            diesel::insert_into(digest_holds::table)
                .values(row)
                .execute(conn)?;
        }
    }
    Ok(())
}

/// The reminders still waiting that a digest holds.
fn held_waiting(conn: &mut AnyConn, digest_id: &str) -> AppResult<Vec<String>> {
    Ok(digest_holds::table
        .inner_join(notices::table)
        .filter(digest_holds::digest_id.eq(digest_id))
        .filter(notices::state.eq("pending"))
        .filter(crate::notify::delivery::not_being_sent())
        .select(notices::id)
        .load(conn)?)
}

/// The reminders a sent digest listed are done: each is cancelled as
/// "in your daily digest", and its disclosure to the supporter (on the
/// reminder's own basis and category) is audited. Only those still
/// waiting: one cancelled meanwhile stays as it is.
fn settle_reminders(
    conn: &mut AnyConn,
    digest_id: &str,
    language: &str,
    now: DateTime<Utc>,
) -> AppResult<()> {
    let held: Vec<(String, String, String, String, String)> = digest_holds::table
        .inner_join(notices::table)
        .filter(digest_holds::digest_id.eq(digest_id))
        .filter(notices::state.eq("pending"))
        .filter(crate::notify::delivery::not_being_sent())
        .select((
            notices::id,
            notices::victim_id,
            notices::category,
            notices::recipient_key,
            notices::basis_json,
        ))
        .load(conn)?;
    if held.is_empty() {
        return Ok(());
    }
    let ids: Vec<&String> = held.iter().map(|h| &h.0).collect();
    diesel::update(
        notices::table
            .filter(notices::id.eq_any(&ids))
            .filter(notices::state.eq("pending"))
            .filter(crate::notify::delivery::not_being_sent()),
    )
    .set((
        notices::state.eq("cancelled"),
        notices::cancelled_reason.eq(IN_DIGEST),
        notices::updated_at.eq(store::to_db(now)),
    ))
    .execute(conn)?;
    let entries: Vec<crate::audit::Entry> = held
        .into_iter()
        .map(|(id, victim, category, recipient, basis)| {
            let basis = crate::audit::basis_code(&serde_json::from_str(&basis).unwrap_or_default());
            crate::audit::Entry {
                language: Some(language.to_owned()),
                ..crate::audit::notice_entry(
                    crate::audit::AuditAction::Disclose,
                    &id,
                    &victim,
                    &category,
                    &recipient,
                    format!("{basis}/{IN_DIGEST_CODE}"),
                )
            }
        })
        .collect();
    crate::audit::append_all(conn, now, &entries)
}

/// Why a reminder listed in a sent digest was not sent on its own.
pub const IN_DIGEST: &str = "in your daily digest";
/// The same, in the audit log's basis column.
const IN_DIGEST_CODE: &str = "in_daily_digest";

/// The digest's data with the reminders it listed that are no longer
/// waiting (cancelled since, say, because the hearing moved or consent
/// was withdrawn) taken out, so the digest never says what has stopped.
fn drop_stopped_reminders(
    conn: &mut AnyConn,
    digest_id: &str,
    data: &mut serde_json::Map<String, serde_json::Value>,
) -> AppResult<()> {
    let Some(serde_json::Value::Array(listed)) = data.get_mut("reminders") else {
        return Ok(());
    };
    if listed.is_empty() {
        return Ok(());
    }
    let waiting = held_waiting(conn, digest_id)?;
    listed.retain(|r| {
        r["notice_id"]
            .as_str()
            .is_some_and(|id| waiting.iter().any(|w| w == id))
    });
    Ok(())
}

#[derive(Queryable, Selectable, Debug, Clone)]
#[diesel(table_name = digests)]
struct Claimed {
    id: String,
    idempotency_key: String,
    user_id: String,
    data_json: String,
    not_after: NaiveDateTime,
    attempts: i32,
}

#[derive(Debug, Default, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Delivered {
    pub sent: usize,
    pub failed: usize,
    pub cancelled: usize,
}

fn claim(conn: &mut AnyConn, owner: &str, now: DateTime<Utc>) -> AppResult<Vec<Claimed>> {
    store::write(conn, |conn| {
        let ts = store::to_db(now);
        let query = digests::table
            .filter(
                digests::state
                    .eq("pending")
                    .and(digests::send_after.le(ts))
                    .or(digests::state
                        .eq("sending")
                        .and(digests::leased_until.lt(ts))),
            )
            .order(digests::send_after.asc())
            .limit(50)
            .select(digests::id);
        let ids: Vec<String> = crate::store::dialect::load_skip_locked!(conn, query)?;
        if ids.is_empty() {
            return Ok(Vec::new());
        }
        diesel::update(digests::table.filter(digests::id.eq_any(&ids)))
            .set((
                digests::state.eq("sending"),
                digests::lease_owner.eq(owner),
                digests::leased_until.eq(store::to_db(now + Duration::minutes(5))),
                digests::attempts.eq(digests::attempts + 1),
                digests::updated_at.eq(ts),
            ))
            .execute(conn)?;
        Ok(digests::table
            .filter(digests::id.eq_any(&ids))
            .filter(digests::lease_owner.eq(owner))
            .select(Claimed::as_select())
            .load(conn)?)
    })
}

/// Sends the digests that are due, each recorded under this owner's lease.
/// A digest whose day is over is cancelled, not sent.
pub fn deliver_due(
    pool: &Pool,
    mailer: &dyn Mailer,
    renderer: &NoticeRenderer,
    owner: &str,
    now: DateTime<Utc>,
) -> AppResult<Delivered> {
    let mut conn = pool.get()?;
    let claimed = claim(&mut conn, owner, now)?;
    let mut out = Delivered::default();
    for d in claimed {
        let mut language = String::new();
        let (state, error) = if store::from_db(d.not_after) <= now {
            out.cancelled += 1;
            (
                "cancelled",
                Some("the day it describes is over".to_string()),
            )
        } else {
            match send(&mut conn, mailer, renderer, &d) {
                Ok(used) => {
                    out.sent += 1;
                    language = used;
                    ("sent", None)
                }
                Err(why) if d.attempts >= MAX_ATTEMPTS => {
                    out.failed += 1;
                    ("dead", Some(why))
                }
                Err(why) => {
                    out.failed += 1;
                    ("pending", Some(why))
                }
            }
        };
        store::write(&mut conn, |conn| {
            let rows =
                store::settle_lease!(conn, digests, &d.id, owner, state, &error, d.attempts, now)?;
            if rows == 1 && state == "sent" {
                settle_reminders(conn, &d.id, &language, now)?;
                crate::audit::append(
                    conn,
                    now,
                    crate::audit::Entry {
                        recipient: Some(format!("supporter:{}", d.user_id)),
                        language: Some(language.clone()),
                        category: Some("daily_digest".into()),
                        basis: Some("own_caseload".into()),
                        ..crate::audit::Entry::new(
                            crate::audit::AuditAction::Disclose,
                            None,
                            "digests",
                            &d.id,
                        )
                    },
                )?;
            }
            Ok(())
        })?;
        tracing::info!(digest_id = %d.id, state, "digest delivery");
    }
    Ok(out)
}

/// Sends one digest in the supporter's own language, and says which.
fn send(
    conn: &mut AnyConn,
    mailer: &dyn Mailer,
    renderer: &NoticeRenderer,
    d: &Claimed,
) -> Result<String, String> {
    let to = crate::accounts::active_email(conn, &d.user_id).map_err(|e| e.to_string())?;
    let to = to.ok_or("the supporter is no longer active")?;
    let mut data: serde_json::Map<String, serde_json::Value> =
        serde_json::from_str(&d.data_json).map_err(|e| e.to_string())?;
    drop_stopped_reminders(conn, &d.id, &mut data).map_err(|e| e.to_string())?;
    let language = crate::accounts::language_of(conn, &d.user_id).map_err(|e| e.to_string())?;
    let rendered = renderer
        .render(TemplateKey::DailyDigest, &language, &data)
        .map_err(|e| e.to_string())?;
    mailer
        .send(&Email {
            to,
            subject: rendered.subject,
            body: rendered.body,
            idempotency_key: d.idempotency_key.clone(),
        })
        .map_err(|f| f.describe().to_string())?;
    Ok(language)
}

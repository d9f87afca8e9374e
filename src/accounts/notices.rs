//! Emails to a person about their own account: today, "someone keeps
//! failing to sign in as you". They concern no victim, so they wait in
//! their own small outbox (`account_notices`, as the daily digests do in
//! theirs) and go out through the same renderer and mailer as every
//! notice, on the delivery tick. The data is counts and London times only:
//! never an address, an email or free text.

use chrono::{DateTime, Duration, NaiveDateTime, Utc};
use diesel::prelude::*;
use serde_json::{Map, Value};

use crate::calendar;
use crate::error::{AppError, AppResult};
use crate::flows::TemplateKey;
use crate::notify::mailer::{Email, Mailer};
use crate::notify::render::NoticeRenderer;
use crate::store::schema::account_notices;
use crate::store::{self, AnyConn, Pool};

/// Sends are tried this many times, then the notice is left `dead`.
const MAX_ATTEMPTS: i32 = 5;
/// How long one delivery pass holds a claimed notice.
const LEASE: Duration = Duration::minutes(5);
/// Notices one pass claims at most.
const BATCH: i64 = 50;

/// The data of a "failed sign-ins" warning: how many failures, and when the
/// first and last were (London dates and times).
pub fn sign_in_warning_data(
    failures: usize,
    first: DateTime<Utc>,
    last: DateTime<Utc>,
) -> Map<String, Value> {
    let mut data = Map::new();
    data.insert("failures".into(), failures.to_string().into());
    for (name, at) in [("first", first), ("last", last)] {
        let local = calendar::to_london(at);
        data.insert(
            format!("{name}_date"),
            local.date_naive().to_string().into(),
        );
        data.insert(
            format!("{name}_time"),
            local.format("%H:%M").to_string().into(),
        );
    }
    data
}

/// Plans the warning for a run of failed sign-ins on a user's account that
/// began at `first`; planning the same run again (another instance, a
/// retry) does nothing.
pub fn plan_sign_in_warning(
    conn: &mut AnyConn,
    user_id: &str,
    failures: usize,
    first: DateTime<Utc>,
    last: DateTime<Utc>,
    now: DateTime<Utc>,
) -> AppResult<bool> {
    let template = TemplateKey::SignInFailures;
    let key = format!(
        "{}/{user_id}/{}",
        template.as_str(),
        first.format("%Y%m%dT%H%M%S%.6fZ")
    );
    let exists: i64 = account_notices::table
        .filter(account_notices::idempotency_key.eq(&key))
        .count()
        .get_result(conn)?;
    if exists > 0 {
        return Ok(false);
    }
    let data = serde_json::to_string(&sign_in_warning_data(failures, first, last))
        .map_err(|e| AppError::Internal(format!("account notice data: {e}")))?;
    let ts = store::to_db(now);
    diesel::insert_into(account_notices::table)
        .values((
            account_notices::id.eq(store::new_id()),
            account_notices::idempotency_key.eq(&key),
            account_notices::user_id.eq(user_id),
            account_notices::template.eq(template.as_str()),
            account_notices::data_json.eq(data),
            account_notices::state.eq("pending"),
            account_notices::send_after.eq(ts),
            account_notices::attempts.eq(0),
            account_notices::created_at.eq(ts),
            account_notices::updated_at.eq(ts),
        ))
        .execute(conn)?;
    tracing::info!(
        user_id,
        "repeated sign-in failures: the account's owner will be told"
    );
    Ok(true)
}

#[derive(Queryable, Selectable, Debug, Clone)]
#[diesel(table_name = account_notices)]
struct Claimed {
    id: String,
    idempotency_key: String,
    user_id: String,
    template: String,
    data_json: String,
    attempts: i32,
}

type StateIs = diesel::dsl::Eq<account_notices::state, &'static str>;
type PendingAndTime =
    diesel::dsl::And<StateIs, diesel::dsl::LtEq<account_notices::send_after, NaiveDateTime>>;
type LeaseRanOut =
    diesel::dsl::And<StateIs, diesel::dsl::Lt<account_notices::leased_until, NaiveDateTime>>;

/// Due: pending and its time has come, or claimed by a pass whose lease
/// ran out.
fn due(ts: NaiveDateTime) -> diesel::dsl::Or<PendingAndTime, LeaseRanOut> {
    account_notices::state
        .eq("pending")
        .and(account_notices::send_after.le(ts))
        .or(account_notices::state
            .eq("sending")
            .and(account_notices::leased_until.lt(ts)))
}

/// How many account notices are due at `now` (for tests and health).
pub fn count_due(conn: &mut AnyConn, now: DateTime<Utc>) -> AppResult<i64> {
    Ok(account_notices::table
        .filter(due(store::to_db(now)))
        .count()
        .get_result(conn)?)
}

/// Claims due notices one by one with a conditional update, so two
/// instances never take the same one (the same statement on both
/// databases).
fn claim(conn: &mut AnyConn, owner: &str, now: DateTime<Utc>) -> AppResult<Vec<Claimed>> {
    let ts = store::to_db(now);
    let ids: Vec<String> = account_notices::table
        .filter(due(ts))
        .order(account_notices::send_after.asc())
        .limit(BATCH)
        .select(account_notices::id)
        .load(conn)?;
    let mut mine = Vec::new();
    for id in ids {
        let taken = diesel::update(
            account_notices::table
                .filter(account_notices::id.eq(&id))
                .filter(due(ts)),
        )
        .set((
            account_notices::state.eq("sending"),
            account_notices::lease_owner.eq(owner),
            account_notices::leased_until.eq(store::to_db(now + LEASE)),
            account_notices::attempts.eq(account_notices::attempts + 1),
            account_notices::updated_at.eq(ts),
        ))
        .execute(conn)?;
        if taken == 1 {
            mine.push(
                account_notices::table
                    .find(&id)
                    .select(Claimed::as_select())
                    .first(conn)?,
            );
        }
    }
    Ok(mine)
}

fn send(
    conn: &mut AnyConn,
    mailer: &dyn Mailer,
    renderer: &NoticeRenderer,
    n: &Claimed,
) -> Result<(), String> {
    let to = crate::accounts::active_email(conn, &n.user_id).map_err(|e| e.to_string())?;
    let to = to.ok_or("the account is no longer active")?;
    let template = TemplateKey::ALL
        .iter()
        .copied()
        .find(|t| t.as_str() == n.template)
        .ok_or_else(|| format!("unknown template stored: {}", n.template))?;
    let data: Map<String, Value> = serde_json::from_str(&n.data_json).map_err(|e| e.to_string())?;
    let language = crate::accounts::language_of(conn, &n.user_id).map_err(|e| e.to_string())?;
    let rendered = renderer
        .render(template, &language, &data)
        .map_err(|e| e.to_string())?;
    mailer
        .send(&Email {
            to,
            subject: rendered.subject,
            body: rendered.body,
            idempotency_key: n.idempotency_key.clone(),
        })
        .map_err(|f| f.describe().to_string())
}

/// Sends the account notices that are due, each under this owner's lease.
/// A failed send is tried again later (5 minutes times the attempts so
/// far), up to five attempts. Returns how many were sent.
pub fn deliver_due(
    pool: &Pool,
    mailer: &dyn Mailer,
    renderer: &NoticeRenderer,
    owner: &str,
    now: DateTime<Utc>,
) -> AppResult<usize> {
    let mut conn = pool.get()?;
    let claimed = claim(&mut conn, owner, now)?;
    let mut sent = 0;
    for n in claimed {
        let (state, error) = match send(&mut conn, mailer, renderer, &n) {
            Ok(()) => {
                sent += 1;
                ("sent", None)
            }
            Err(why) if n.attempts >= MAX_ATTEMPTS => ("dead", Some(why)),
            Err(why) => ("pending", Some(why)),
        };
        store::settle_lease!(
            &mut conn,
            account_notices,
            &n.id,
            owner,
            state,
            &error,
            n.attempts,
            now
        )?;
        tracing::info!(account_notice_id = %n.id, user_id = %n.user_id, state, "account notice delivery");
    }
    Ok(sent)
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    #[test]
    fn the_warning_carries_counts_and_london_times_only() {
        // 23:30 UTC on 28 March 2026 is 23:30 GMT; 01:30 UTC on 29 March is
        // 02:30 BST, after the clocks go forward.
        let first = Utc.with_ymd_and_hms(2026, 3, 28, 23, 30, 0).unwrap();
        let last = Utc.with_ymd_and_hms(2026, 3, 29, 1, 30, 0).unwrap();
        let data = sign_in_warning_data(5, first, last);
        let want: Map<String, Value> = serde_json::from_value(serde_json::json!({
            "failures": "5",
            "first_date": "2026-03-28",
            "first_time": "23:30",
            "last_date": "2026-03-29",
            "last_time": "02:30",
        }))
        .unwrap();
        assert_eq!(data, want);
        for key in data.keys() {
            assert!(TemplateKey::SignInFailures
                .allow_list()
                .contains(&key.as_str()));
        }
    }
}

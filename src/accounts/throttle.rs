//! Sign-in throttling: too many wrong passwords for one account, or from
//! one client address, pause sign-in for a while.
//!
//! The rule ([`locked_until`]) is a pure function of the attempts seen;
//! the attempts themselves are kept in `sign_in_attempts` (see
//! [`recent`] and [`record`]) so a lock survives a restart and holds
//! across instances. Neither the email nor the address is stored or
//! logged in clear: both are SHA-256 hashes.

use chrono::{DateTime, Duration, Utc};
use diesel::prelude::*;
use sha2::{Digest, Sha256};

use crate::error::AppResult;
use crate::store::schema::sign_in_attempts;
use crate::store::{self, AnyConn};

/// How one kind of key (account or address) is throttled.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rule {
    /// This many failures within `window`...
    pub max_failures: usize,
    pub window: Duration,
    /// ...lock the key for this long, counted from the last of them.
    pub lock_for: Duration,
    /// Whether a successful sign-in wipes the earlier failures. True for
    /// an account (its owner got in); false for an address, so that one
    /// working account cannot be used to keep guessing at others.
    pub success_resets: bool,
}

/// Five wrong passwords for one account within 15 minutes lock it for 15
/// minutes.
pub const ACCOUNT: Rule = Rule {
    max_failures: 5,
    window: Duration::minutes(15),
    lock_for: Duration::minutes(15),
    success_resets: true,
};

/// Twenty failed sign-ins from one address within 15 minutes lock the
/// address for 15 minutes.
pub const ADDRESS: Rule = Rule {
    max_failures: 20,
    window: Duration::minutes(15),
    lock_for: Duration::minutes(15),
    success_resets: false,
};

impl Rule {
    /// How far back attempts can still matter.
    pub fn horizon(&self) -> Duration {
        self.window + self.lock_for
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    Success,
    Failure,
    /// Refused unchecked because the account or address was locked; does
    /// not count towards (or extend) a lock.
    Locked,
}

impl Outcome {
    pub fn as_str(self) -> &'static str {
        match self {
            Outcome::Success => "success",
            Outcome::Failure => "failure",
            Outcome::Locked => "locked",
        }
    }

    fn from_db(s: &str) -> Outcome {
        match s {
            "success" => Outcome::Success,
            "failure" => Outcome::Failure,
            _ => Outcome::Locked,
        }
    }
}

/// When the lock on a key ends, if it is locked at `now`.
///
/// The key is locked from the failure that makes `max_failures` failures
/// within `window` (counting only failures after the last success, when
/// successes reset), until `lock_for` after it. Attempts may come in any
/// order; those after `now` are ignored.
pub fn locked_until(
    rule: &Rule,
    attempts: &[(DateTime<Utc>, Outcome)],
    now: DateTime<Utc>,
) -> Option<DateTime<Utc>> {
    let mut seen: Vec<(DateTime<Utc>, Outcome)> = attempts
        .iter()
        .copied()
        .filter(|(at, _)| *at <= now)
        .collect();
    seen.sort_by_key(|(at, _)| *at);
    let since = if rule.success_resets {
        seen.iter()
            .rev()
            .find(|(_, o)| *o == Outcome::Success)
            .map(|(at, _)| *at)
    } else {
        None
    };
    let failures: Vec<DateTime<Utc>> = seen
        .iter()
        .filter(|(at, o)| *o == Outcome::Failure && since.is_none_or(|s| *at > s))
        .map(|(at, _)| *at)
        .collect();
    let mut until: Option<DateTime<Utc>> = None;
    for (i, last) in failures.iter().enumerate() {
        let in_window = failures[..=i]
            .iter()
            .filter(|at| **at > *last - rule.window)
            .count();
        if in_window >= rule.max_failures {
            let end = *last + rule.lock_for;
            until = Some(until.map_or(end, |u| u.max(end)));
        }
    }
    until.filter(|u| *u > now)
}

/// Whole seconds until `until`, at least 1 (for `Retry-After`).
pub fn retry_after_seconds(until: DateTime<Utc>, now: DateTime<Utc>) -> i64 {
    (until - now).num_seconds().max(1)
}

fn sha256_hex(text: &str) -> String {
    hex::encode(Sha256::digest(text.as_bytes()))
}

/// The account key: a hash of the email as typed, trimmed and lower-cased,
/// so that unknown emails are throttled exactly like known ones.
pub fn account_key(email: &str) -> String {
    sha256_hex(&format!("account\n{}", email.trim().to_lowercase()))
}

pub fn address_key(address: &str) -> String {
    sha256_hex(&format!("address\n{}", address.trim()))
}

/// Attempts for a key recent enough to matter under `rule`.
pub fn recent(
    conn: &mut AnyConn,
    rule: &Rule,
    account: Option<&str>,
    address: Option<&str>,
    now: DateTime<Utc>,
) -> AppResult<Vec<(DateTime<Utc>, Outcome)>> {
    let from = store::to_db(now - rule.horizon());
    let recent = sign_in_attempts::table
        .filter(sign_in_attempts::at.gt(from))
        .select((sign_in_attempts::at, sign_in_attempts::outcome));
    let rows: Vec<(chrono::NaiveDateTime, String)> = match (account, address) {
        (Some(key), _) => recent
            .filter(sign_in_attempts::account_key.eq(key))
            .load(conn)?,
        (None, Some(key)) => recent
            .filter(sign_in_attempts::address_key.eq(key))
            .load(conn)?,
        (None, None) => Vec::new(),
    };
    Ok(rows
        .into_iter()
        .map(|(at, o)| (store::from_db(at), Outcome::from_db(&o)))
        .collect())
}

/// Keeps one attempt.
pub fn record(
    conn: &mut AnyConn,
    account: &str,
    address: Option<&str>,
    user_id: Option<&str>,
    outcome: Outcome,
    now: DateTime<Utc>,
) -> AppResult<()> {
    diesel::insert_into(sign_in_attempts::table)
        .values((
            sign_in_attempts::id.eq(store::new_id()),
            sign_in_attempts::at.eq(store::to_db(now)),
            sign_in_attempts::account_key.eq(account),
            sign_in_attempts::address_key.eq(address),
            sign_in_attempts::user_id.eq(user_id),
            sign_in_attempts::outcome.eq(outcome.as_str()),
        ))
        .execute(conn)?;
    Ok(())
}

/// When the account or the address (whichever ends later) is unlocked, if
/// either is locked now.
pub fn lock_on(
    conn: &mut AnyConn,
    account: &str,
    address: Option<&str>,
    now: DateTime<Utc>,
) -> AppResult<Option<DateTime<Utc>>> {
    let by_account = recent(conn, &ACCOUNT, Some(account), None, now)?;
    let mut until = locked_until(&ACCOUNT, &by_account, now);
    if let Some(address) = address {
        let by_address = recent(conn, &ADDRESS, None, Some(address), now)?;
        if let Some(u) = locked_until(&ADDRESS, &by_address, now) {
            until = Some(until.map_or(u, |a| a.max(u)));
        }
    }
    Ok(until)
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;
    use Outcome::*;

    fn t(minutes: i64) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 3, 20, 12, 0, 0).unwrap() + Duration::minutes(minutes)
    }

    #[test]
    fn the_account_rule() {
        let f = |m| (t(m), Failure);
        let s = |m| (t(m), Success);
        // (attempts, now in minutes, locked until in minutes)
        type Case = (Vec<(DateTime<Utc>, Outcome)>, i64, Option<i64>);
        let table: Vec<Case> = vec![
            (vec![], 0, None),
            (vec![f(0), f(1), f(2), f(3)], 4, None),
            // The fifth failure locks for 15 minutes from itself.
            (vec![f(0), f(1), f(2), f(3), f(4)], 4, Some(19)),
            (vec![f(0), f(1), f(2), f(3), f(4)], 18, Some(19)),
            (vec![f(0), f(1), f(2), f(3), f(4)], 19, None),
            // Spread over more than 15 minutes: no lock.
            (vec![f(0), f(5), f(10), f(14), f(16)], 16, None),
            (vec![f(0), f(5), f(10), f(14), f(15)], 15, None),
            (vec![f(1), f(5), f(10), f(14), f(15)], 15, Some(30)),
            // A success wipes the earlier failures...
            (vec![f(0), f(1), f(2), f(3), s(3), f(4)], 4, None),
            // ...but not a lock's later failures.
            (vec![s(0), f(1), f(2), f(3), f(4), f(5)], 6, Some(20)),
            // Refusals while locked neither count nor extend the lock.
            (
                vec![
                    f(0),
                    f(1),
                    f(2),
                    f(3),
                    f(4),
                    (t(10), Locked),
                    (t(18), Locked),
                ],
                18,
                Some(19),
            ),
            // Attempts after "now" are ignored; order does not matter.
            (vec![f(4), f(3), f(2), f(1), f(0)], 4, Some(19)),
            (vec![f(0), f(1), f(2), f(3), f(30)], 4, None),
            // The latest lock wins.
            (
                vec![
                    f(0),
                    f(1),
                    f(2),
                    f(3),
                    f(4),
                    f(20),
                    f(21),
                    f(22),
                    f(23),
                    f(24),
                ],
                24,
                Some(39),
            ),
        ];
        for (i, (attempts, now, want)) in table.into_iter().enumerate() {
            assert_eq!(
                locked_until(&ACCOUNT, &attempts, t(now)),
                want.map(t),
                "case {i}"
            );
        }
    }

    #[test]
    fn the_address_rule_ignores_successes() {
        let mut attempts: Vec<_> = (0..19)
            .map(|i| (t(0) + Duration::seconds(i), Failure))
            .collect();
        assert_eq!(locked_until(&ADDRESS, &attempts, t(1)), None);
        attempts.push((t(1), Success));
        attempts.push((t(2), Failure));
        assert_eq!(locked_until(&ADDRESS, &attempts, t(2)), Some(t(17)));
        assert_eq!(locked_until(&ADDRESS, &attempts, t(17)), None);
    }

    #[test]
    fn retry_after_is_whole_seconds_and_positive() {
        assert_eq!(retry_after_seconds(t(15), t(0)), 900);
        assert_eq!(
            retry_after_seconds(t(0) + Duration::milliseconds(10), t(0)),
            1
        );
    }

    #[test]
    fn keys_hide_the_email_and_ignore_case() {
        let key = account_key(" Amara@Example.org ");
        assert_eq!(key, account_key("amara@example.org"));
        assert!(!key.contains("amara"));
        assert_ne!(account_key("a@x"), address_key("a@x"));
    }
}

//! Sign-in throttling: repeated failures slow sign-in down, by a delay that
//! doubles with each further failure up to a cap; there is no hard lock.
//!
//! Three keys are counted, each with its own [`Rule`]:
//! - the account *and* the client address together ([`PAIR`]): someone
//!   guessing one account from one place;
//! - the account from anywhere ([`ACCOUNT`]): guesses spread over many
//!   places;
//! - the address over every account ([`ADDRESS`]): one place trying many
//!   accounts.
//!
//! An address the account has signed in from successfully within
//! [`FAMILIAR_FOR`] is *familiar* to it: from there only the pair rule
//! applies. So failures made elsewhere (against the account, or from a
//! shared address against other accounts) never slow a person down on the
//! network they normally use; only failures on that same account from
//! that same address do, and those stay short and capped.
//!
//! The rules ([`wait_until`], [`decide`], [`warn_now`]) are pure functions
//! of the attempts seen and the time passed in; the attempts are kept in
//! `sign_in_attempts` ([`seen`], [`record`]), so a wait holds across a
//! restart and across instances. Neither the email nor the address is
//! stored or logged in clear: both are SHA-256 hashes.

use chrono::{DateTime, Duration, Utc};
use diesel::prelude::*;
use sha2::{Digest, Sha256};

use crate::error::AppResult;
use crate::store::schema::sign_in_attempts;
use crate::store::{self, AnyConn};

/// How failures under one key slow sign-in down.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rule {
    /// This many failures cost nothing...
    pub free: u32,
    /// ...the next one makes the key wait this long after it, and each
    /// further failure doubles the wait...
    pub first: Duration,
    /// ...up to this.
    pub cap: Duration,
    /// Failures older than this are forgotten.
    pub memory: Duration,
    /// Whether a successful sign-in wipes the earlier failures. True for
    /// keys with an account (its owner got in); false for an address, so
    /// that one working account cannot be used to keep guessing at others.
    pub success_resets: bool,
}

/// One account from one address: two free failures, then 1 s after the
/// third, 2 s after the fourth, ... up to 15 minutes.
pub const PAIR: Rule = Rule {
    free: 2,
    first: Duration::seconds(1),
    cap: Duration::minutes(15),
    memory: Duration::hours(24),
    success_resets: true,
};

/// One account from anywhere (applies from unfamiliar addresses only):
/// four free failures, then 1 s after the fifth, doubling up to 15
/// minutes.
pub const ACCOUNT: Rule = Rule {
    free: 4,
    first: Duration::seconds(1),
    cap: Duration::minutes(15),
    memory: Duration::hours(24),
    success_resets: true,
};

/// One address over every account (applies to accounts it is unfamiliar
/// to): nineteen free failures within the hour, then 1 s after the
/// twentieth, doubling up to 15 minutes.
pub const ADDRESS: Rule = Rule {
    free: 19,
    first: Duration::seconds(1),
    cap: Duration::minutes(15),
    memory: Duration::hours(1),
    success_resets: false,
};

/// An address is familiar to an account for this long after a successful
/// sign-in from it.
pub const FAMILIAR_FOR: Duration = Duration::days(90);

/// The owner of an account is told by email when it reaches this many
/// failures since its last successful sign-in (once per run of failures).
pub const WARN_AFTER: usize = 5;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    Success,
    Failure,
    /// Refused unchecked because a wait was running; does not count
    /// towards (or lengthen) a wait. Stored as `locked`.
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

pub type Attempt = (DateTime<Utc>, Outcome);

impl Rule {
    /// The wait after the `failures`-th counted failure.
    pub fn delay(&self, failures: u32) -> Duration {
        if failures <= self.free {
            return Duration::zero();
        }
        let doublings = failures - self.free - 1;
        // 2^20 s is far past any cap: stop doubling there.
        let factor = 1i32 << doublings.min(20);
        (self.first * factor).min(self.cap)
    }

    /// The failures that count at `now`, oldest first: not after `now`,
    /// within memory, and (when successes reset) after the last success.
    pub fn counted(&self, attempts: &[Attempt], now: DateTime<Utc>) -> Vec<DateTime<Utc>> {
        let seen: Vec<&Attempt> = attempts
            .iter()
            .filter(|(at, _)| *at <= now && *at > now - self.memory)
            .collect();
        let since = if self.success_resets {
            seen.iter()
                .filter(|(_, o)| *o == Outcome::Success)
                .map(|(at, _)| *at)
                .max()
        } else {
            None
        };
        let mut failures: Vec<DateTime<Utc>> = seen
            .iter()
            .filter(|(at, o)| *o == Outcome::Failure && since.is_none_or(|s| *at > s))
            .map(|(at, _)| *at)
            .collect();
        failures.sort();
        failures
    }
}

/// Until when a key must wait at `now`, if it must: the last counted
/// failure plus the rule's delay for that many failures. Attempts may come
/// in any order; those after `now` are ignored.
pub fn wait_until(rule: &Rule, attempts: &[Attempt], now: DateTime<Utc>) -> Option<DateTime<Utc>> {
    let failures = rule.counted(attempts, now);
    let last = *failures.last()?;
    let n = u32::try_from(failures.len()).unwrap_or(u32::MAX);
    Some(last + rule.delay(n)).filter(|until| *until > now)
}

/// What is known about one sign-in attempt's keys before it is checked.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Seen {
    /// Attempts on this account from this address (empty without an
    /// address).
    pub pair: Vec<Attempt>,
    /// Attempts on this account from anywhere.
    pub account: Vec<Attempt>,
    /// Attempts from this address on any account.
    pub address: Vec<Attempt>,
    /// Whether the account signed in successfully from this address within
    /// [`FAMILIAR_FOR`].
    pub familiar: bool,
}

/// Until when this attempt must wait, if it must: the latest of the waits
/// that apply. From a familiar address only the pair's own failures
/// count; from anywhere else, the account's and the address's too.
pub fn decide(seen: &Seen, now: DateTime<Utc>) -> Option<DateTime<Utc>> {
    let mut waits = vec![wait_until(&PAIR, &seen.pair, now)];
    if !seen.familiar {
        waits.push(wait_until(&ACCOUNT, &seen.account, now));
        waits.push(wait_until(&ADDRESS, &seen.address, now));
    }
    waits.into_iter().flatten().max()
}

/// Whether the account's owner should be told now, after recording a
/// failure: its failures since the last success have just reached
/// [`WARN_AFTER`]. Returns the first of them (the run's start, which names
/// the warning so that it is made once) and the last.
pub fn warn_now(account: &[Attempt], now: DateTime<Utc>) -> Option<(DateTime<Utc>, DateTime<Utc>)> {
    let failures = ACCOUNT.counted(account, now);
    (failures.len() == WARN_AFTER).then(|| (failures[0], failures[WARN_AFTER - 1]))
}

/// Whole seconds until `until`, at least 1 (for `Retry-After`).
pub fn retry_after_seconds(until: DateTime<Utc>, now: DateTime<Utc>) -> i64 {
    let left = until - now;
    let whole = left.num_seconds();
    if left > Duration::seconds(whole) {
        whole + 1
    } else {
        whole.max(1)
    }
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

type AttemptRow = (chrono::NaiveDateTime, String);

fn attempts(rows: Vec<AttemptRow>) -> Vec<Attempt> {
    rows.into_iter()
        .map(|(at, o)| (store::from_db(at), Outcome::from_db(&o)))
        .collect()
}

/// Everything [`decide`] needs about an account key and (hashed) address
/// at `now`.
pub fn seen(
    conn: &mut AnyConn,
    account: &str,
    address: Option<&str>,
    now: DateTime<Utc>,
) -> AppResult<Seen> {
    let since = |rule: &Rule| store::to_db(now - rule.memory);
    let columns = (sign_in_attempts::at, sign_in_attempts::outcome);
    let by_account: Vec<AttemptRow> = sign_in_attempts::table
        .filter(sign_in_attempts::account_key.eq(account))
        .filter(sign_in_attempts::at.gt(since(&ACCOUNT)))
        .select(columns)
        .load(conn)?;
    let Some(address) = address else {
        return Ok(Seen {
            account: attempts(by_account),
            ..Seen::default()
        });
    };
    let pair: Vec<AttemptRow> = sign_in_attempts::table
        .filter(sign_in_attempts::account_key.eq(account))
        .filter(sign_in_attempts::address_key.eq(address))
        .filter(sign_in_attempts::at.gt(since(&PAIR)))
        .select(columns)
        .load(conn)?;
    let by_address: Vec<AttemptRow> = sign_in_attempts::table
        .filter(sign_in_attempts::address_key.eq(address))
        .filter(sign_in_attempts::at.gt(since(&ADDRESS)))
        .select(columns)
        .load(conn)?;
    let familiar: i64 = sign_in_attempts::table
        .filter(sign_in_attempts::account_key.eq(account))
        .filter(sign_in_attempts::address_key.eq(address))
        .filter(sign_in_attempts::outcome.eq(Outcome::Success.as_str()))
        .filter(sign_in_attempts::at.gt(store::to_db(now - FAMILIAR_FOR)))
        .filter(sign_in_attempts::at.le(store::to_db(now)))
        .count()
        .get_result(conn)?;
    Ok(Seen {
        pair: attempts(pair),
        account: attempts(by_account),
        address: attempts(by_address),
        familiar: familiar > 0,
    })
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

/// Until when an attempt on this account from this address must wait, if
/// it must.
pub fn lock_on(
    conn: &mut AnyConn,
    account: &str,
    address: Option<&str>,
    now: DateTime<Utc>,
) -> AppResult<Option<DateTime<Utc>>> {
    Ok(decide(&seen(conn, account, address, now)?, now))
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;
    use Outcome::*;

    fn t(seconds: i64) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 3, 20, 12, 0, 0).unwrap() + Duration::seconds(seconds)
    }
    fn f(s: i64) -> Attempt {
        (t(s), Failure)
    }
    fn ok(s: i64) -> Attempt {
        (t(s), Success)
    }

    #[test]
    fn the_delay_doubles_from_one_second_after_the_free_failures_and_is_capped() {
        // (rule, failures, seconds)
        let table = [
            (PAIR, 0, 0),
            (PAIR, 2, 0),
            (PAIR, 3, 1),
            (PAIR, 4, 2),
            (PAIR, 5, 4),
            (PAIR, 12, 512),
            (PAIR, 13, 900),
            (PAIR, 40, 900),
            (PAIR, u32::MAX, 900),
            (ACCOUNT, 4, 0),
            (ACCOUNT, 5, 1),
            (ACCOUNT, 6, 2),
            (ADDRESS, 19, 0),
            (ADDRESS, 20, 1),
            (ADDRESS, 21, 2),
        ];
        for (rule, n, want) in table {
            assert_eq!(rule.delay(n), Duration::seconds(want), "{rule:?} {n}");
        }
    }

    #[test]
    fn the_pair_rule() {
        // (attempts, now in seconds, wait until in seconds)
        type Case = (Vec<Attempt>, i64, Option<i64>);
        let table: Vec<Case> = vec![
            (vec![], 0, None),
            (vec![f(0), f(1)], 1, None),
            // The third failure waits 1 s from itself...
            (vec![f(0), f(1), f(2)], 2, Some(3)),
            (vec![f(0), f(1), f(2)], 3, None),
            // ...the fourth 2 s, the fifth 4 s.
            (vec![f(0), f(1), f(2), f(3)], 3, Some(5)),
            (vec![f(0), f(1), f(2), f(3), f(5)], 5, Some(9)),
            // A success wipes the earlier failures...
            (vec![f(0), f(1), ok(2), f(3)], 3, None),
            // ...and only those before it.
            (vec![ok(0), f(1), f(2), f(3)], 3, Some(4)),
            // Refusals while waiting neither count nor lengthen the wait.
            (
                vec![f(0), f(1), f(2), f(3), (t(4), Locked), (t(4), Locked)],
                4,
                Some(5),
            ),
            // Attempts after "now" are ignored; order does not matter.
            (vec![f(2), f(1), f(0)], 2, Some(3)),
            (vec![f(0), f(1), f(30)], 2, None),
            // Failures a day old are forgotten.
            (vec![f(-86_400), f(-86_399), f(10)], 10, None),
            // Many failures: the cap.
            ((0..30).map(f).collect(), 29, Some(29 + 900)),
        ];
        for (i, (attempts, now, want)) in table.into_iter().enumerate() {
            assert_eq!(
                wait_until(&PAIR, &attempts, t(now)),
                want.map(t),
                "case {i}"
            );
        }
    }

    #[test]
    fn the_address_rule_ignores_successes_and_remembers_an_hour() {
        let mut attempts: Vec<Attempt> = (0..19).map(f).collect();
        assert_eq!(wait_until(&ADDRESS, &attempts, t(19)), None);
        attempts.push(ok(19));
        attempts.push(f(20));
        assert_eq!(wait_until(&ADDRESS, &attempts, t(20)), Some(t(21)));
        assert_eq!(wait_until(&ADDRESS, &attempts, t(21)), None);
        // An hour later the early ones are forgotten.
        attempts.push(f(3_610));
        assert_eq!(wait_until(&ADDRESS, &attempts, t(3_610)), None);
    }

    #[test]
    fn a_familiar_address_is_slowed_only_by_its_own_failures() {
        let many: Vec<Attempt> = (0..12).map(f).collect();
        // (description, seen, now, wait until)
        let table: Vec<(&str, Seen, i64, Option<i64>)> = vec![
            (
                "an attacker elsewhere failed 12 times: the owner at their usual address is not slowed",
                Seen {
                    account: many.clone(),
                    familiar: true,
                    ..Seen::default()
                },
                12,
                None,
            ),
            (
                "the same failures slow a sign-in from a new address",
                Seen {
                    account: many.clone(),
                    familiar: false,
                    ..Seen::default()
                },
                12,
                Some(11 + 128),
            ),
            (
                "a shared address that failed on 25 other accounts does not slow an account it knows",
                Seen {
                    address: (0..25).map(f).collect(),
                    familiar: true,
                    ..Seen::default()
                },
                25,
                None,
            ),
            (
                "...but does slow accounts it does not know",
                Seen {
                    address: (0..25).map(f).collect(),
                    familiar: false,
                    ..Seen::default()
                },
                25,
                Some(24 + 32),
            ),
            (
                "failures on this account from this address count even where it is familiar",
                Seen {
                    pair: vec![f(0), f(1), f(2), f(3)],
                    account: vec![f(0), f(1), f(2), f(3)],
                    familiar: true,
                    ..Seen::default()
                },
                3,
                Some(5),
            ),
            (
                "the longest wait wins",
                Seen {
                    pair: vec![f(8), f(9), f(10)],
                    account: many,
                    familiar: false,
                    ..Seen::default()
                },
                11,
                Some(11 + 128),
            ),
        ];
        for (what, seen, now, want) in table {
            assert_eq!(decide(&seen, t(now)), want.map(t), "{what}");
        }
    }

    #[test]
    fn the_owner_is_told_once_per_run_of_failures() {
        let run: Vec<Attempt> = (0..5).map(|i| f(i * 60)).collect();
        assert_eq!(warn_now(&run[..4], t(180)), None);
        assert_eq!(warn_now(&run, t(240)), Some((t(0), t(240))));
        let mut more = run.clone();
        more.push(f(300));
        assert_eq!(warn_now(&more, t(300)), None, "not again at the sixth");
        // A success starts a new run.
        more.push(ok(400));
        more.extend((5..10).map(|i| f(400 + i)));
        assert_eq!(warn_now(&more, t(409)), Some((t(405), t(409))));
        // Refusals are not failures.
        let refused: Vec<Attempt> = run[..4].iter().copied().chain([(t(250), Locked)]).collect();
        assert_eq!(warn_now(&refused, t(250)), None);
    }

    #[test]
    fn retry_after_is_whole_seconds_rounded_up_and_positive() {
        assert_eq!(retry_after_seconds(t(900), t(0)), 900);
        assert_eq!(
            retry_after_seconds(t(0) + Duration::milliseconds(10), t(0)),
            1
        );
        assert_eq!(
            retry_after_seconds(t(1) + Duration::milliseconds(10), t(0)),
            2
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

//! The per-row arithmetic SQL cannot do portably: working days across bank
//! holidays, medians and percentiles. Pure functions over dates only.

use chrono::NaiveDate;

use crate::calendar::BankHolidays;

/// The median of `values` (the mean of the middle two for an even count).
pub fn median(values: &[i64]) -> Option<f64> {
    if values.is_empty() {
        return None;
    }
    let mut v = values.to_vec();
    v.sort_unstable();
    let n = v.len();
    Some(if n % 2 == 1 {
        v[n / 2] as f64
    } else {
        (v[n / 2 - 1] + v[n / 2]) as f64 / 2.0
    })
}

/// The `p`th percentile by nearest rank: the smallest value with at least
/// `p` per cent of the values at or below it.
pub fn percentile(values: &[i64], p: u32) -> Option<f64> {
    if values.is_empty() {
        return None;
    }
    let mut v = values.to_vec();
    v.sort_unstable();
    let rank = (u64::from(p) * v.len() as u64).div_ceil(100).max(1) as usize;
    Some(v[rank - 1] as f64)
}

/// Victims' Code Right 8: how many working days the supporter may be told
/// within. Hearing dates: 1 for every victim. Outcomes: 1 for victims
/// entitled to enhanced rights, otherwise 5.
pub fn right8_limit(is_outcome: bool, enhanced_rights: bool) -> i64 {
    if is_outcome && !enhanced_rights {
        5
    } else {
        1
    }
}

/// Whether a duty counted from `from` (the day the agency learnt of the
/// date or outcome) was done in time: done on a day no more than `limit`
/// working days after `from`. Never done counts as late.
pub fn on_time(
    holidays: &BankHolidays,
    from: NaiveDate,
    done_on: Option<NaiveDate>,
    limit: i64,
) -> bool {
    match done_on {
        Some(d) => holidays.working_days_between(from, d) <= limit,
        None => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn medians_and_percentiles() {
        assert_eq!(median(&[]), None);
        assert_eq!(median(&[4]), Some(4.0));
        assert_eq!(median(&[9, 1, 5]), Some(5.0));
        assert_eq!(median(&[1, 2, 3, 10]), Some(2.5));
        assert_eq!(percentile(&[], 90), None);
        // Ten values 1..=10: the 90th percentile is the 9th.
        assert_eq!(percentile(&(1..=10).collect::<Vec<_>>(), 90), Some(9.0));
        // Five values: rank ceil(4.5) = 5, the largest.
        assert_eq!(percentile(&[3, 1, 2, 5, 4], 90), Some(5.0));
        assert_eq!(percentile(&[7], 90), Some(7.0));
    }

    #[test]
    fn limits_by_kind_and_rights() {
        assert_eq!(right8_limit(false, false), 1);
        assert_eq!(right8_limit(false, true), 1);
        assert_eq!(right8_limit(true, true), 1);
        assert_eq!(right8_limit(true, false), 5);
    }

    /// Easter 2026: Good Friday 3 April and Easter Monday 6 April are bank
    /// holidays, so one working day after Thursday 2 April is Tuesday 7.
    #[test]
    fn working_days_across_easter() {
        let h = BankHolidays::england_and_wales();
        // (counted from, done on, limit, on time)
        let table = [
            (d(2026, 4, 2), Some(d(2026, 4, 7)), 1, true),
            (d(2026, 4, 2), Some(d(2026, 4, 8)), 1, false),
            // Same day is always in time.
            (d(2026, 4, 2), Some(d(2026, 4, 2)), 1, true),
            // Learnt on Good Friday (not a working day): Tuesday is the
            // first working day after, Wednesday the second.
            (d(2026, 4, 3), Some(d(2026, 4, 7)), 1, true),
            (d(2026, 4, 3), Some(d(2026, 4, 8)), 1, false),
            // Five working days from Wednesday 1 April: 2, 7, 8, 9, 10.
            (d(2026, 4, 1), Some(d(2026, 4, 10)), 5, true),
            (d(2026, 4, 1), Some(d(2026, 4, 13)), 5, false),
            // An ordinary week: Friday to Monday is one working day.
            (d(2026, 3, 13), Some(d(2026, 3, 16)), 1, true),
            (d(2026, 3, 13), Some(d(2026, 3, 17)), 1, false),
            // Never done.
            (d(2026, 4, 1), None, 5, false),
        ];
        for (from, done, limit, want) in table {
            assert_eq!(
                on_time(&h, from, done, limit),
                want,
                "{from} {done:?} {limit}"
            );
        }
    }
}

//! The suppression rule, as a pure function over one table of counts.
//!
//! A table is a set of cells that add up to its total (for example the
//! outcomes of attendance requests). What may be shown:
//!
//! 1. **Small population.** If the table's figures come from fewer than
//!    [`THRESHOLD`] cases (or victims), nothing in it is shown, zeros
//!    included: a filter that isolates one case yields suppressed cells.
//! 2. **Primary.** A count from 1 to 4 is shown as "fewer than 5"; a
//!    total from 1 to 4 hides the whole table.
//! 3. **Secondary.** A table with exactly one hidden cell and a shown
//!    total would give the cell away (total minus the rest), so the next
//!    smallest non-zero cell is hidden too; if there is none, the total.
//! 4. **Parents.** A table that breaks down a cell of another table (the
//!    reasons for the refusals, say) is hidden whole when that cell is:
//!    its total would be the parent cell.
//!
//! Zeros are shown (they reveal nothing about a person) except under
//! rules 1, 2 and 4.

use serde::Serialize;

/// Counts below this (and above zero) are never shown.
pub const THRESHOLD: i64 = 5;

/// How one count is shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case", tag = "shown", content = "value")]
pub enum Shown {
    Count(i64),
    /// 1 to 4: "fewer than 5".
    FewerThan5,
    /// Hidden so that another hidden cell cannot be worked out.
    Secondary,
    /// Hidden because the figures come from too few cases.
    SmallPopulation,
}

impl Shown {
    pub fn is_hidden(self) -> bool {
        !matches!(self, Shown::Count(_))
    }

    pub fn value(self) -> Option<i64> {
        match self {
            Shown::Count(n) => Some(n),
            _ => None,
        }
    }

    /// The words a reader sees.
    pub fn text(self) -> String {
        match self {
            Shown::Count(n) => n.to_string(),
            Shown::FewerThan5 => "fewer than 5".into(),
            Shown::Secondary | Shown::SmallPopulation => "suppressed".into(),
        }
    }

    /// The machine-readable reason a count is hidden, if it is.
    pub fn reason(self) -> Option<&'static str> {
        match self {
            Shown::Count(_) => None,
            Shown::FewerThan5 => Some("fewer_than_5"),
            Shown::Secondary => Some("secondary"),
            Shown::SmallPopulation => Some("small_population"),
        }
    }
}

/// One table after suppression.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Suppressed {
    pub cells: Vec<Shown>,
    pub total: Shown,
}

/// Applies the rules above to `cells` (whose total is their sum), drawn
/// from `units` distinct cases; `parent_hidden` when the table breaks down
/// a hidden cell of another.
pub fn suppress(cells: &[i64], units: i64, parent_hidden: bool) -> Suppressed {
    let total: i64 = cells.iter().sum();
    let hide_all = |how: Shown| Suppressed {
        cells: vec![how; cells.len()],
        total: how,
    };
    if total == 0 && !parent_hidden {
        return Suppressed {
            cells: vec![Shown::Count(0); cells.len()],
            total: Shown::Count(0),
        };
    }
    if units < THRESHOLD {
        return hide_all(Shown::SmallPopulation);
    }
    if parent_hidden {
        return hide_all(Shown::Secondary);
    }
    if total < THRESHOLD {
        return hide_all(Shown::FewerThan5);
    }
    let mut shown: Vec<Shown> = cells
        .iter()
        .map(|&n| {
            if (1..THRESHOLD).contains(&n) {
                Shown::FewerThan5
            } else {
                Shown::Count(n)
            }
        })
        .collect();
    let mut total_shown = Shown::Count(total);
    while shown.iter().filter(|s| s.is_hidden()).count() == 1 {
        let next = cells
            .iter()
            .enumerate()
            .filter(|(i, &n)| n > 0 && !shown[*i].is_hidden())
            .min_by_key(|(i, &n)| (n, *i))
            .map(|(i, _)| i);
        match next {
            Some(i) => shown[i] = Shown::Secondary,
            None => {
                total_shown = Shown::Secondary;
                break;
            }
        }
    }
    Suppressed {
        cells: shown,
        total: total_shown,
    }
}

/// A share (per cent, one decimal place) of two shown counts; hidden when
/// either count is, or when there is nothing to divide by.
pub fn share(part: Shown, whole: Shown) -> Option<f64> {
    match (part, whole) {
        (Shown::Count(p), Shown::Count(w)) if w > 0 => {
            Some(((p as f64) * 1000.0 / (w as f64)).round() / 10.0)
        }
        _ => None,
    }
}

/// A statistic over `n` values is shown only when `n` is itself shown
/// and at least the threshold.
pub fn statistic(value: Option<f64>, n: Shown) -> Option<f64> {
    match n {
        Shown::Count(k) if k >= THRESHOLD => value,
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use Shown::*;

    #[test]
    fn table_of_cases() {
        // (cells, units, parent hidden, expected cells, expected total)
        type Case = (Vec<i64>, i64, bool, Vec<Shown>, Shown);
        let table: Vec<Case> = vec![
            // Nothing at all: zeros are shown.
            (vec![0, 0, 0], 0, false, vec![Count(0); 3], Count(0)),
            // Large enough everywhere: all shown.
            (
                vec![10, 7, 5],
                20,
                false,
                vec![Count(10), Count(7), Count(5)],
                Count(22),
            ),
            // One small cell: hidden, and the next smallest non-zero too.
            (
                vec![10, 3, 6, 0],
                15,
                false,
                vec![Count(10), FewerThan5, Secondary, Count(0)],
                Count(19),
            ),
            // Two small cells: they hide each other.
            (
                vec![12, 2, 1],
                15,
                false,
                vec![Count(12), FewerThan5, FewerThan5],
                Count(15),
            ),
            // One small cell and only zeros beside it... cannot happen with
            // a total of 5 or more unless another cell is large; with one
            // large cell the large cell goes.
            (
                vec![20, 4],
                20,
                false,
                vec![Secondary, FewerThan5],
                Count(24),
            ),
            // Ties between candidates: the first is taken.
            (
                vec![3, 8, 8],
                10,
                false,
                vec![FewerThan5, Secondary, Count(8)],
                Count(19),
            ),
            // A small total hides everything, zeros included.
            (vec![3, 0, 0], 9, false, vec![FewerThan5; 3], FewerThan5),
            // Too few cases: nothing is shown, whatever the counts.
            (
                vec![40, 0, 9],
                1,
                false,
                vec![SmallPopulation; 3],
                SmallPopulation,
            ),
            // Breaking down a hidden cell: hidden whole.
            (vec![5, 6], 30, true, vec![Secondary, Secondary], Secondary),
            // A single-cell table with a small count.
            (vec![2], 9, false, vec![FewerThan5], FewerThan5),
        ];
        for (cells, units, parent, want_cells, want_total) in table {
            let got = suppress(&cells, units, parent);
            assert_eq!(got.cells, want_cells, "{cells:?} units {units}");
            assert_eq!(got.total, want_total, "{cells:?} units {units}");
        }
    }

    /// Whatever the counts, no hidden cell can be worked out from the
    /// shown cells and total: either no cell is hidden, or at least two
    /// are, or the total is hidden too.
    #[test]
    fn no_lone_hidden_cell_beside_a_shown_total() {
        for a in 0..9 {
            for b in 0..9 {
                for c in 0..9 {
                    let s = suppress(&[a, b, c], 10, false);
                    let hidden = s.cells.iter().filter(|x| x.is_hidden()).count();
                    assert!(hidden != 1 || s.total.is_hidden(), "{a} {b} {c}: {s:?}");
                    for (n, shown) in [a, b, c].iter().zip(&s.cells) {
                        if (1..THRESHOLD).contains(n) {
                            assert!(shown.is_hidden(), "{a} {b} {c}: {s:?}");
                        }
                        if let Count(v) = shown {
                            assert_eq!(v, n);
                        }
                    }
                }
            }
        }
    }

    #[test]
    fn shares_and_statistics_follow_their_counts() {
        assert_eq!(share(Count(1), Count(3)), Some(33.3));
        assert_eq!(share(Count(0), Count(0)), None);
        assert_eq!(share(FewerThan5, Count(10)), None);
        assert_eq!(share(Count(5), Secondary), None);
        assert_eq!(statistic(Some(2.0), Count(5)), Some(2.0));
        assert_eq!(statistic(Some(2.0), Count(4)), None);
        assert_eq!(statistic(Some(2.0), FewerThan5), None);
    }
}

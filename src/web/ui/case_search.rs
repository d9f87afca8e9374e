//! Finding a case on the cases page: the search a person types (a case or
//! victim reference, a court, open or closed, the kind of case, a day with
//! a hearing) and the rule for whether a case matches it. Pure: the page
//! loads what the person may see and asks `matches` of each case.

use chrono::NaiveDate;

use crate::domain::CaseKind;

use super::forms::{field_words, optional_date, FormData, Problems};

/// What the person searched for; every part is optional.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CaseSearch {
    /// Part of a case reference (URN or case number) or of the victim's
    /// reference, spaces and case ignored.
    pub text: Option<String>,
    pub court_id: Option<String>,
    /// `Some(true)` open cases only, `Some(false)` closed only.
    pub open: Option<bool>,
    pub kind: Option<CaseKind>,
    /// Cases with a hearing that starts on this UK day.
    pub hearing_on: Option<NaiveDate>,
}

/// What a case shows the search.
#[derive(Debug, Clone)]
pub struct CaseFacts<'a> {
    pub urn: Option<&'a str>,
    pub case_number: Option<&'a str>,
    pub victim_reference: &'a str,
    pub court_id: Option<&'a str>,
    pub open: bool,
    pub kind: CaseKind,
    /// The UK days its hearings start on (only those asked about need be
    /// here).
    pub hearing_days: &'a [NaiveDate],
}

/// Upper case with the spaces taken out, as references are compared.
/// A reference as the search compares it: spaces dropped, upper case.
pub fn key(s: &str) -> String {
    s.chars()
        .filter(|c| !c.is_whitespace())
        .flat_map(char::to_uppercase)
        .collect()
}

impl CaseSearch {
    /// Reads the search from the page's query; a date that is not a real
    /// one is a problem on its field (and is not searched on).
    pub fn read(form: &FormData, problems: &mut Problems) -> CaseSearch {
        CaseSearch {
            text: form.text("q"),
            court_id: form.text("court_id"),
            open: match form.get("status") {
                Some("open") => Some(true),
                Some("closed") => Some(false),
                _ => None,
            },
            kind: form.text("kind").and_then(|k| CaseKind::parse(&k)),
            hearing_on: optional_date(
                form,
                "hearing_on",
                &field_words("form-field-hearing-on"),
                problems,
            ),
        }
    }

    pub fn is_empty(&self) -> bool {
        *self == CaseSearch::default()
    }

    /// Whether the case matches every part that was given.
    pub fn matches(&self, case: &CaseFacts) -> bool {
        let text_ok = self.text.as_deref().map(key).is_none_or(|wanted| {
            [case.urn, case.case_number, Some(case.victim_reference)]
                .into_iter()
                .flatten()
                .any(|r| key(r).contains(&wanted))
        });
        text_ok
            && self
                .court_id
                .as_deref()
                .is_none_or(|c| case.court_id == Some(c))
            && self.open.is_none_or(|o| case.open == o)
            && self.kind.is_none_or(|k| case.kind == k)
            && self
                .hearing_on
                .is_none_or(|d| case.hearing_days.contains(&d))
    }

    /// The search again as query pairs, for the page links (empty parts
    /// left out; the day in its three boxes).
    pub fn query_pairs(&self) -> Vec<(String, String)> {
        let mut pairs = Vec::new();
        if let Some(t) = &self.text {
            pairs.push(("q".into(), t.clone()));
        }
        if let Some(c) = &self.court_id {
            pairs.push(("court_id".into(), c.clone()));
        }
        if let Some(o) = self.open {
            pairs.push(("status".into(), if o { "open" } else { "closed" }.into()));
        }
        if let Some(k) = self.kind {
            pairs.push(("kind".into(), k.as_str().into()));
        }
        if let Some(d) = self.hearing_on {
            pairs.push(("hearing_on".into(), d.to_string()));
        }
        pairs
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 10, d).unwrap()
    }

    #[test]
    fn a_case_matches_every_part_given() {
        let days = [day(25), day(26)];
        let case = CaseFacts {
            urn: Some("13AB1234526"),
            case_number: Some("T20260042"),
            victim_reference: "V-2026-0007",
            court_id: Some("leeds"),
            open: true,
            kind: CaseKind::Criminal,
            hearing_days: &days,
        };
        let search = |f: fn(&mut CaseSearch)| {
            let mut s = CaseSearch::default();
            f(&mut s);
            s
        };
        let table: [(&str, CaseSearch, bool); 13] = [
            ("nothing asked", CaseSearch::default(), true),
            (
                "URN typed with spaces, lower case",
                search(|s| s.text = Some("13ab 12345".into())),
                true,
            ),
            (
                "part of the case number",
                search(|s| s.text = Some("t2026".into())),
                true,
            ),
            (
                "the victim's reference",
                search(|s| s.text = Some("v-2026-0007".into())),
                true,
            ),
            (
                "another reference",
                search(|s| s.text = Some("V-2026-0008".into())),
                false,
            ),
            (
                "its court",
                search(|s| s.court_id = Some("leeds".into())),
                true,
            ),
            (
                "another court",
                search(|s| s.court_id = Some("york".into())),
                false,
            ),
            ("open", search(|s| s.open = Some(true)), true),
            ("closed", search(|s| s.open = Some(false)), false),
            ("family", search(|s| s.kind = Some(CaseKind::Family)), false),
            // The last Sunday of October: a hearing on the day the clocks
            // go back is found on that UK day.
            (
                "a hearing day",
                search(|s| s.hearing_on = Some(day(25))),
                true,
            ),
            (
                "a day with no hearing",
                search(|s| s.hearing_on = Some(day(27))),
                false,
            ),
            (
                "all parts, one wrong",
                search(|s| {
                    s.text = Some("13AB".into());
                    s.court_id = Some("leeds".into());
                    s.open = Some(true);
                    s.kind = Some(CaseKind::Civil);
                }),
                false,
            ),
        ];
        for (what, s, want) in table {
            assert_eq!(s.matches(&case), want, "{what}");
        }
    }

    #[test]
    fn a_case_with_no_references_or_court_is_found_only_by_other_parts() {
        let case = CaseFacts {
            urn: None,
            case_number: None,
            victim_reference: "V-1",
            court_id: None,
            open: false,
            kind: CaseKind::Family,
            hearing_days: &[],
        };
        let mut s = CaseSearch {
            text: Some("13AB".into()),
            ..CaseSearch::default()
        };
        assert!(!s.matches(&case));
        s.text = None;
        s.court_id = Some("leeds".into());
        assert!(!s.matches(&case));
        s.court_id = None;
        s.open = Some(false);
        s.kind = Some(CaseKind::Family);
        assert!(s.matches(&case));
    }

    #[test]
    fn the_search_reads_from_the_query_and_goes_back_into_links() {
        let form = FormData(crate::web::ui::forms::fold_dates(vec![
            ("q".into(), " 13ab ".into()),
            ("court_id".into(), "".into()),
            ("status".into(), "closed".into()),
            ("kind".into(), "family".into()),
            ("hearing_on-day".into(), "25".into()),
            ("hearing_on-month".into(), "10".into()),
            ("hearing_on-year".into(), "2026".into()),
        ]));
        let mut problems = Problems::new();
        let s = CaseSearch::read(&form, &mut problems);
        assert!(problems.is_empty());
        assert_eq!(
            s,
            CaseSearch {
                text: Some("13ab".into()),
                court_id: None,
                open: Some(false),
                kind: Some(CaseKind::Family),
                hearing_on: Some(day(25)),
            }
        );
        assert_eq!(
            s.query_pairs(),
            [
                ("q".to_string(), "13ab".to_string()),
                ("status".into(), "closed".into()),
                ("kind".into(), "family".into()),
                ("hearing_on".into(), "2026-10-25".into()),
            ]
        );
        let bad = FormData(crate::web::ui::forms::fold_dates(vec![
            ("hearing_on-day".into(), "31".into()),
            ("hearing_on-month".into(), "9".into()),
            ("hearing_on-year".into(), "2026".into()),
        ]));
        let mut problems = Problems::new();
        let s = CaseSearch::read(&bad, &mut problems);
        assert_eq!(s.hearing_on, None);
        assert_eq!(problems.0[0].field, "hearing_on");
        assert_eq!(problems.0[0].message, "Hearing day must be a real date");
    }
}

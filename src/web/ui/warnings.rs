//! The flows' stored warnings, as sentences for the case page: what the
//! planner noticed and a person should act on (a hearing listed on a day
//! too soon to book her needs, a need at court recorded too late to book,
//! a message not sent for want of consent, the same supporter at
//! statement and court). Each sentence says what to do next. Not shown
//! here: a warning only the service's administrators can act on (a
//! missing template field, a step not configured), and a hearing listed
//! on a day courts do not sit, which the hearing's own card says from its
//! current date (the stored warning may be about a date since changed).

use serde_json::Value;

use super::i18n::{self, text as words, text_with, Lang};
use super::labels;

fn text<'a>(detail: &'a Value, key: &str) -> &'a str {
    detail[key].as_str().unwrap_or("")
}

fn date(lang: Lang, detail: &Value, key: &str) -> String {
    text(detail, key)
        .parse::<chrono::NaiveDate>()
        .map(|d| i18n::day(lang, d))
        .unwrap_or_else(|_| words(lang, "warnings-no-date"))
}

/// A need's kind in words, as it reads inside a sentence.
fn need(lang: Lang, kind: &str) -> String {
    let key = match kind {
        "interpreter" => "warnings-need-interpreter",
        "bsl_interpreter" => "warnings-need-bsl-interpreter",
        "registered_intermediary" => "warnings-need-registered-intermediary",
        "disability_access" => "warnings-need-disability-access",
        "separate_waiting_room" => "warnings-need-separate-waiting-room",
        _ => "warnings-need-other",
    };
    words(lang, key)
}

fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

fn number(detail: &Value, key: &str) -> String {
    detail[key].as_i64().unwrap_or(0).max(0).to_string()
}

/// The warning in the page's language, or `None` for one a case worker
/// cannot act on.
pub fn sentence_in(lang: Lang, kind: &str, detail: &Value) -> Option<String> {
    Some(match kind {
        "no_responsible_adult" => words(lang, "warnings-no-responsible-adult"),
        "supporter_present_at_statement_and_court" => {
            words(lang, "warnings-supporter-at-statement-and-court")
        }
        "no_consent_to_share" => {
            // The template's label names who it is for.
            let what = labels::notice_template_in(lang, text(detail, "template"));
            let withdrawn = detail["withdrawn"]
                .as_array()
                .is_some_and(|w| !w.is_empty());
            text_with(
                lang,
                if withdrawn {
                    "warnings-no-consent-withdrawn"
                } else {
                    "warnings-no-consent-not-given"
                },
                &[("what", what)],
            )
        }
        "court_need_short_notice" => text_with(
            lang,
            "warnings-court-need-short-notice",
            &[
                ("need", capitalised(&need(lang, text(detail, "need")))),
                ("days", number(detail, "days_left")),
                ("date", date(lang, detail, "hearing_date")),
                ("wanted", number(detail, "wanted")),
            ],
        ),
        "hearing_soon_for_needs" => {
            let needs: Vec<String> = detail["needs"]
                .as_array()
                .map(|n| {
                    n.iter()
                        .map(|k| need(lang, k.as_str().unwrap_or("")))
                        .collect()
                })
                .unwrap_or_default();
            text_with(
                lang,
                "warnings-hearing-soon-for-needs",
                &[
                    ("date", date(lang, detail, "hearing_date")),
                    ("days", number(detail, "days_left")),
                    ("wanted", number(detail, "wanted")),
                    ("needs", needs.join(", ")),
                ],
            )
        }
        "notice_too_late" => text_with(
            lang,
            "warnings-notice-too-late",
            &[(
                "what",
                labels::notice_template_in(lang, text(detail, "template")),
            )],
        ),
        "wish_to_accompany_not_recorded" => words(lang, "warnings-wish-not-recorded"),
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn sentence(kind: &str, detail: &Value) -> Option<String> {
        sentence_in(Lang::En, kind, detail)
    }

    #[test]
    fn each_warning_a_person_acts_on_is_a_sentence_without_codes() {
        let table: [(&str, Value, &str); 2] = [
            (
                "court_need_short_notice",
                json!({"need": "bsl_interpreter", "hearing_date": "2026-12-14", "days_left": 4, "wanted": 10, "need_id": "N1", "hearing_id": "H1"}),
                "A British Sign Language interpreter was recorded 4 working days before the hearing on Monday 14 December 2026; the court asks for 10. Book it with the court at once.",
            ),
            (
                "no_consent_to_share",
                json!({"recipient": {"kind": "prosecutor"}, "category": "supporter_arrangements", "template": "cps_meeting.wish", "withdrawn": ["identify_supporter_to_court"]}),
                "Not sent: Her wish about the CPS meeting, to the prosecutor. She withdrew the consent it needs. Record her consent, or a lawful basis to share without it, if it should go.",
            ),
        ];
        for (kind, detail, want) in table {
            let got = sentence(kind, &detail).expect(kind);
            assert_eq!(got, want);
            assert!(!got.contains('_'), "{got}");
        }
        assert_eq!(
            sentence(
                "hearing_soon_for_needs",
                &json!({"hearing_id": "H1", "hearing_date": "2026-03-27", "needs": ["interpreter", "separate_waiting_room"], "days_left": 3, "wanted": 5})
            )
            .unwrap(),
            "The hearing on Friday 27 March 2026 is 3 working days away; the court asks for 5 to book her needs at court (an interpreter, a separate waiting room). Book them with the court at once."
        );
        assert!(sentence("missing_notice_field", &json!({})).is_none());
        assert!(sentence(
            "hearing_on_non_sitting_day",
            &json!({"hearing_id": "H1", "date": "2026-12-28", "day": "bank_holiday"})
        )
        .is_none());
        assert!(sentence("step_not_configured", &json!({})).is_none());
    }

    #[test]
    fn the_warnings_read_in_welsh_with_welsh_dates() {
        let got = sentence_in(
            Lang::Cy,
            "hearing_soon_for_needs",
            &json!({"hearing_id": "H1", "hearing_date": "2026-03-27", "needs": ["interpreter"], "days_left": 3, "wanted": 5}),
        )
        .unwrap();
        assert!(got.contains("dydd Gwener 27 Mawrth 2026"), "{got}");
        assert!(got.contains("cyfieithydd"), "{got}");
        for kind in [
            "no_responsible_adult",
            "supporter_present_at_statement_and_court",
            "no_consent_to_share",
            "court_need_short_notice",
            "notice_too_late",
            "wish_to_accompany_not_recorded",
        ] {
            let ((), _, missing) = i18n::rendering(Lang::Cy, || {
                drop(sentence_in(
                    Lang::Cy,
                    kind,
                    &json!({"need": "bsl_interpreter"}),
                ));
            });
            assert!(missing.is_empty(), "{kind}: {missing:?}");
        }
    }
}

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

use super::labels;
use super::lookup::day;

fn text<'a>(detail: &'a Value, key: &str) -> &'a str {
    detail[key].as_str().unwrap_or("")
}

fn date(detail: &Value, key: &str) -> String {
    text(detail, key)
        .parse::<chrono::NaiveDate>()
        .map(day)
        .unwrap_or_else(|_| "a date not recorded".into())
}

/// A need's kind in words, as it reads inside a sentence.
fn need(kind: &str) -> &'static str {
    match kind {
        "interpreter" => "an interpreter",
        "bsl_interpreter" => "a British Sign Language interpreter",
        "registered_intermediary" => "a registered intermediary",
        "disability_access" => "disability access",
        "separate_waiting_room" => "a separate waiting room",
        _ => "a need at court",
    }
}

fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// The warning in words, or `None` for one a case worker cannot act on.
pub fn sentence(kind: &str, detail: &Value) -> Option<String> {
    Some(match kind {
        "no_responsible_adult" => "She is under 18 and no parent, guardian or appropriate adult who may be told is recorded, so what was sent to her went to nobody else. Record a safe adult on her page (never one she or the court has excluded).".into(),
        "supporter_present_at_statement_and_court" => "The same supporter was with the victim for her witness statement (sat in on it, or booked for before and after it) and is to support her at court, so the defence may say her evidence was coached. Arrange another supporter for court.".into(),
        "no_consent_to_share" => {
            // The template's label names who it is for.
            let what = labels::notice_template(text(detail, "template"));
            let withdrawn = detail["withdrawn"].as_array().is_some_and(|w| !w.is_empty());
            format!(
                "Not sent: {what}. {} Record her consent, or a lawful basis to share without it, if it should go.",
                if withdrawn {
                    "She withdrew the consent it needs."
                } else {
                    "She has not given the consent it needs."
                }
            )
        }
        "court_need_short_notice" => format!(
            "{} was recorded {} working days before the hearing on {}; the court asks for {}. Book it with the court at once.",
            capitalised(need(text(detail, "need"))),
            detail["days_left"].as_i64().unwrap_or(0),
            date(detail, "hearing_date"),
            detail["wanted"].as_i64().unwrap_or(0),
        ),
        "hearing_soon_for_needs" => {
            let needs: Vec<&str> = detail["needs"]
                .as_array()
                .map(|n| n.iter().map(|k| need(k.as_str().unwrap_or(""))).collect())
                .unwrap_or_default();
            format!(
                "The hearing on {} is {} working days away; the court asks for {} to book her needs at court ({}). Book them with the court at once.",
                date(detail, "hearing_date"),
                detail["days_left"].as_i64().unwrap_or(0),
                detail["wanted"].as_i64().unwrap_or(0),
                needs.join(", "),
            )
        }
        "notice_too_late" => format!(
            "Not sent: {}, because its moment had passed. Tell them another way if it still matters.",
            labels::notice_template(text(detail, "template"))
        ),
        "wish_to_accompany_not_recorded" => "The victim's wish to be accompanied at court is not recorded yet. Ask her, and record it.".into(),
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

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
}

//! Needs at court: what a victim or witness needs to give evidence (an
//! interpreter and the language, a BSL interpreter, a registered
//! intermediary, disability access, a separate waiting room), recorded once
//! and passed on with the attendance request.
//!
//! Pure rules only: which needs may be passed on (consent or a recorded
//! lawful basis), to whom, whether a need recorded this close to the
//! hearing warns the witness care officer, and who is told again when a
//! hearing moves. No clock, store or network; nothing here logs, and the
//! only text a need carries is a language name, checked to be one.

use super::criminal::{STEP_INFORM_CPS, STEP_INFORM_WITNESS_SERVICE};
use super::facts;
use super::keys::Subject;
use super::plan::{DisclosureCategory, Recipient, Warning};
use super::planner::{Draft, Planner};
use super::templates::TemplateKey;
use crate::calendar::{self, BankHolidays};
use crate::domain::LawfulBasis;
use crate::rules::{DayUnit, Limit};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use serde_json::{json, Value};
use std::collections::BTreeMap;

/// One need at court.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum CourtNeed {
    /// A spoken-language interpreter, booked by the court.
    Interpreter {
        language: String,
    },
    BslInterpreter,
    RegisteredIntermediary,
    DisabilityAccess,
    SeparateWaitingRoom,
}

impl CourtNeed {
    /// Every kind of need, as stored and sent: the page's choices and the
    /// notices' labels.
    pub const KINDS: [&'static str; 5] = [
        "interpreter",
        "bsl_interpreter",
        "registered_intermediary",
        "disability_access",
        "separate_waiting_room",
    ];

    /// The kind as a fixed word: safe to log, unlike anything the victim
    /// said.
    pub fn kind(&self) -> &'static str {
        match self {
            CourtNeed::Interpreter { .. } => "interpreter",
            CourtNeed::BslInterpreter => "bsl_interpreter",
            CourtNeed::RegisteredIntermediary => "registered_intermediary",
            CourtNeed::DisabilityAccess => "disability_access",
            CourtNeed::SeparateWaitingRoom => "separate_waiting_room",
        }
    }

    /// The need in words for a notice or page.
    pub fn in_words(&self) -> String {
        match self {
            CourtNeed::Interpreter { language } => format!("An interpreter ({language})"),
            CourtNeed::BslInterpreter => "A British Sign Language interpreter".into(),
            CourtNeed::RegisteredIntermediary => "A registered intermediary".into(),
            CourtNeed::DisabilityAccess => "Disability access".into(),
            CourtNeed::SeparateWaitingRoom => "A separate waiting room".into(),
        }
    }

    /// Builds a need from its kind word and, for an interpreter, the
    /// language.
    pub fn parse(kind: &str, language: Option<&str>) -> Result<Self, NeedProblem> {
        let need = match kind {
            "interpreter" => {
                let language = language.ok_or(NeedProblem::LanguageMissing)?;
                CourtNeed::Interpreter {
                    language: check_language(language)?,
                }
            }
            "bsl_interpreter" => CourtNeed::BslInterpreter,
            "registered_intermediary" => CourtNeed::RegisteredIntermediary,
            "disability_access" => CourtNeed::DisabilityAccess,
            "separate_waiting_room" => CourtNeed::SeparateWaitingRoom,
            _ => return Err(NeedProblem::UnknownKind),
        };
        if !matches!(need, CourtNeed::Interpreter { .. }) && language.is_some() {
            return Err(NeedProblem::LanguageNotExpected);
        }
        Ok(need)
    }
}

/// Why a need cannot be recorded as given.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum NeedProblem {
    #[error("choose one of the listed needs")]
    UnknownKind,
    #[error("say which language the interpreter is for")]
    LanguageMissing,
    #[error(
        "give the language's name only, in letters (for example Polish or Brazilian Portuguese)"
    )]
    LanguageNotName,
    #[error("only an interpreter takes a language")]
    LanguageNotExpected,
    #[error("record the victim's consent or the lawful basis before passing the need on")]
    NoBasis,
}

/// Longest language name accepted ("Brazilian Portuguese", "Sylheti").
const MAX_LANGUAGE_LEN: usize = 40;

/// A language is a name: letters, spaces, hyphens and apostrophes, no
/// sentences. This keeps free text about the victim out of the field.
fn check_language(raw: &str) -> Result<String, NeedProblem> {
    let name = raw.split_whitespace().collect::<Vec<_>>().join(" ");
    let letters = name.chars().filter(|c| c.is_alphabetic()).count();
    let shaped = name
        .chars()
        .all(|c| c.is_alphabetic() || c == ' ' || c == '-' || c == '\'');
    if letters < 2 || name.chars().count() > MAX_LANGUAGE_LEN || !shaped {
        return Err(NeedProblem::LanguageNotName);
    }
    Ok(name)
}

/// A need as recorded: the need, the lawful basis for passing it on (consent
/// or another recorded basis; none yet means it is kept but not passed on)
/// and the UK local date it was recorded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RecordedNeed {
    pub need: CourtNeed,
    pub basis: Option<LawfulBasis>,
    pub recorded_on: NaiveDate,
}

/// Who receives the needs with the attendance request.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum NeedPartner {
    /// Listing and interpreter booking.
    Court,
    WitnessService,
}

/// Every need goes to both the court (which books interpreters and
/// intermediaries and the room) and the Witness Service (which meets the
/// witness on the day).
pub const NEED_PARTNERS: [NeedPartner; 2] = [NeedPartner::Court, NeedPartner::WitnessService];

/// The needs that may go out with the attendance request: those with a
/// basis, each once (the same need recorded twice is sent once).
pub fn disclosable(needs: &[RecordedNeed]) -> Vec<&CourtNeed> {
    let mut out: Vec<&CourtNeed> = Vec::new();
    for n in needs.iter().filter(|n| n.basis.is_some()) {
        if !out.contains(&&n.need) {
            out.push(&n.need);
        }
    }
    out
}

/// The lead time in force: the court's own figure if it set one, otherwise
/// the rules' default.
pub fn short_notice_limit(court_days: Option<i64>, default: &Limit) -> Limit {
    match court_days {
        Some(amount) => Limit {
            amount,
            unit: DayUnit::WorkingDays,
            citation: "set by the court".into(),
            confirmed: true,
            wording: None,
        },
        None => default.clone(),
    }
}

/// A short-notice warning for the witness care officer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ShortNotice {
    /// Days (in the limit's unit) left between recording and the hearing.
    pub days_left: i64,
    /// The lead time that was wanted.
    pub wanted: i64,
}

/// Whether a need recorded on `recorded_on` for a hearing on `hearing_on`
/// is short notice: fewer than the limit's days between them. A hearing
/// already past needs no warning (nothing left to book).
pub fn short_notice(
    recorded_on: NaiveDate,
    hearing_on: NaiveDate,
    limit: &Limit,
    holidays: &BankHolidays,
) -> Option<ShortNotice> {
    if hearing_on < recorded_on {
        return None;
    }
    let days_left = match limit.unit {
        DayUnit::WorkingDays => holidays.working_days_between(recorded_on, hearing_on),
        DayUnit::CalendarDays => (hearing_on - recorded_on).num_days(),
    };
    (days_left < limit.amount).then_some(ShortNotice {
        days_left,
        wanted: limit.amount,
    })
}

/// When a hearing moves, the partners already told of the needs are told
/// again with the new date; a partner never told is left to the attendance
/// request itself. Nothing is re-sent if no need may be passed on.
pub fn retell_on_move(told: &[NeedPartner], disclosable: &[CourtNeed]) -> Vec<NeedPartner> {
    if disclosable.is_empty() {
        return Vec::new();
    }
    let mut out: Vec<NeedPartner> = told.to_vec();
    out.sort();
    out.dedup();
    out
}

/// What the planner knows of a victim's needs at court.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CourtNeedFacts {
    /// The needs that may be passed on (under a current consent record),
    /// each once.
    #[serde(default)]
    pub disclosable: Vec<CourtNeed>,
    /// Courts' own short-notice figures in working days, by court name.
    #[serde(default)]
    pub court_days: BTreeMap<String, i64>,
}

/// The `court_needs` field of a notice: each need's kind (a coded value the
/// templates label in the notice's language) and, for an interpreter, the
/// language.
pub fn notice_field(needs: &[CourtNeed]) -> Value {
    Value::Array(
        needs
            .iter()
            .map(|n| match n {
                CourtNeed::Interpreter { language } => {
                    json!({"kind": n.kind(), "language": language})
                }
                _ => json!({"kind": n.kind(), "language": null}),
            })
            .collect(),
    )
}

/// Which partner a recipient of the attendance request is, for needs: the
/// Witness Service itself, and the court, which in a criminal case the
/// prosecutor asks (listing and interpreter booking) with the companion
/// request.
pub fn partner_of(to: &Recipient) -> Option<NeedPartner> {
    match to {
        Recipient::WitnessService { .. } => Some(NeedPartner::WitnessService),
        Recipient::Prosecutor | Recipient::Court { .. } => Some(NeedPartner::Court),
        _ => None,
    }
}

/// The step that sends a need recorded after the attendance request went
/// out to the partners that request reached.
pub(crate) const STEP_PARTNERS_UPDATED: &str = "court_needs.partners_updated";

/// A need that may be passed on was recorded after the attendance request
/// for the hearing in focus (the victim's next) went out: the partners it
/// reached (the prosecutor, for the court, and the Witness Service) are
/// sent the needs as they now stand, once for this need.
fn update_partners_told(p: &mut Planner<'_>, need_id: &str, kind: &str) {
    if p.ctx
        .court_needs
        .disclosable
        .iter()
        .any(|n| n.kind() == kind)
    {
        tell_partners_told(p, &format!("court_needs:{need_id}"));
    }
}

/// The partners the attendance request for the hearing in focus reached
/// are sent the needs as they now stand (possibly none), once per `part`.
fn tell_partners_told(p: &mut Planner<'_>, part: &str) {
    let Some(h) = p.ctx.hearing.clone() else {
        return;
    };
    let mut told: Vec<Recipient> = Vec::new();
    for n in &p.ctx.told_of_slot {
        let carried_needs = n.step == STEP_INFORM_CPS || n.step == STEP_INFORM_WITNESS_SERVICE;
        if carried_needs && !told.contains(&n.recipient) {
            told.push(n.recipient.clone());
        }
    }
    let mut data = facts::case(p.ctx);
    data.extend(facts::hearing(&h));
    data.push(("court_needs", notice_field(&p.ctx.court_needs.disclosable)));
    let subject = Subject::hearing_part(&h.id, h.start, part);
    for to in told {
        p.notice(
            Draft::new(
                STEP_PARTNERS_UPDATED,
                TemplateKey::CourtNeedsUpdate,
                to,
                DisclosureCategory::SupporterArrangements,
                subject.clone(),
            )
            .data(data.clone())
            .not_after(Some(h.start)),
        );
    }
}

/// A need was withdrawn. If it had been passed on (it had a basis), the
/// partners that were sent it with the attendance request for the
/// victim's next hearing are sent the needs as they now stand, so that
/// nobody books an interpreter or a room she no longer needs.
pub(crate) fn need_withdrawn(p: &mut Planner<'_>, need_id: &str, was_shared: bool) {
    if was_shared {
        tell_partners_told(p, &format!("court_needs:{need_id}:withdrawn"));
    }
}

/// A need was recorded: if the victim's next hearing is fewer than the
/// court's (or the rules') working days away, the witness care officer is
/// warned that the booking is short notice. The warning names the need's
/// kind only.
pub(crate) fn need_recorded(p: &mut Planner<'_>, need_id: &str, kind: &str) {
    update_partners_told(p, need_id, kind);
    let Some(next) = p.ctx.upcoming_hearings.first() else {
        return;
    };
    let court_days = p
        .ctx
        .court_needs
        .court_days
        .get(&next.hearing.court.name)
        .copied();
    let limit = short_notice_limit(
        court_days,
        &p.rules.alerts.court_need_short_notice_before_hearing,
    );
    let recorded_on = calendar::london_date(p.event.at);
    let hearing_on = calendar::london_date(next.hearing.start);
    if let Some(s) = short_notice(recorded_on, hearing_on, &limit, p.holidays) {
        p.warn(Warning::CourtNeedShortNotice {
            need_id: need_id.to_owned(),
            need: kind.to_owned(),
            hearing_id: next.hearing.id.clone(),
            hearing_date: hearing_on,
            days_left: s.days_left,
            wanted: s.wanted,
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    fn default_limit() -> Limit {
        crate::rules::RulesTable::default_table()
            .in_force(d("2026-12-05"))
            .alerts
            .court_need_short_notice_before_hearing
            .clone()
    }

    #[test]
    fn the_shipped_default_is_five_working_days() {
        let l = default_limit();
        assert_eq!((l.amount, l.unit), (5, DayUnit::WorkingDays));
        assert!(!l.citation.is_empty());
    }

    #[test]
    fn parsing_needs_table() {
        use NeedProblem::*;
        let cases: &[(&str, Option<&str>, Result<CourtNeed, NeedProblem>)] = &[
            (
                "interpreter",
                Some("  Polish "),
                Ok(CourtNeed::Interpreter {
                    language: "Polish".into(),
                }),
            ),
            (
                "interpreter",
                Some("Brazilian  Portuguese"),
                Ok(CourtNeed::Interpreter {
                    language: "Brazilian Portuguese".into(),
                }),
            ),
            ("interpreter", None, Err(LanguageMissing)),
            ("interpreter", Some(""), Err(LanguageNotName)),
            ("interpreter", Some("x"), Err(LanguageNotName)),
            (
                "interpreter",
                Some("Urdu, she is scared of her ex at 12 High St"),
                Err(LanguageNotName),
            ),
            (
                "interpreter",
                Some("Polish; call 07700900123"),
                Err(LanguageNotName),
            ),
            ("bsl_interpreter", None, Ok(CourtNeed::BslInterpreter)),
            ("bsl_interpreter", Some("BSL"), Err(LanguageNotExpected)),
            (
                "registered_intermediary",
                None,
                Ok(CourtNeed::RegisteredIntermediary),
            ),
            ("disability_access", None, Ok(CourtNeed::DisabilityAccess)),
            (
                "separate_waiting_room",
                None,
                Ok(CourtNeed::SeparateWaitingRoom),
            ),
            ("wheelchair", None, Err(UnknownKind)),
            ("", None, Err(UnknownKind)),
        ];
        for (kind, language, want) in cases {
            assert_eq!(
                &CourtNeed::parse(kind, *language),
                want,
                "{kind} {language:?}"
            );
        }
    }

    #[test]
    fn kinds_round_trip_and_never_carry_the_language() {
        let needs = [
            CourtNeed::Interpreter {
                language: "Tigrinya".into(),
            },
            CourtNeed::BslInterpreter,
            CourtNeed::RegisteredIntermediary,
            CourtNeed::DisabilityAccess,
            CourtNeed::SeparateWaitingRoom,
        ];
        for need in needs {
            let language = match &need {
                CourtNeed::Interpreter { language } => Some(language.as_str()),
                _ => None,
            };
            assert_eq!(CourtNeed::parse(need.kind(), language), Ok(need.clone()));
            assert!(CourtNeed::KINDS.contains(&need.kind()));
            assert!(!need.kind().contains("Tigrinya"));
        }
    }

    #[test]
    fn short_notice_table() {
        let h = BankHolidays::england_and_wales();
        let five = default_limit();
        // (recorded, hearing, court's own figure, warning: Some(days left))
        let cases: &[(&str, &str, Option<i64>, Option<i64>)] = &[
            // Mon 7 Dec to Mon 14 Dec: five working days, not short.
            ("2026-12-07", "2026-12-14", None, None),
            // Tue 8 Dec to Mon 14 Dec: four, short.
            ("2026-12-08", "2026-12-14", None, Some(4)),
            // Recorded on the hearing day itself.
            ("2026-12-14", "2026-12-14", None, Some(0)),
            // Christmas and Boxing Day (observed Mon 28 Dec) are not working
            // days: Mon 21 Dec to Tue 29 Dec is 4 working days (22, 23, 24, 29).
            ("2026-12-21", "2026-12-29", None, Some(4)),
            ("2026-12-18", "2026-12-29", None, None),
            // A hearing already past: nothing to warn about.
            ("2026-12-15", "2026-12-14", None, None),
            // The court set ten days.
            ("2026-12-07", "2026-12-14", Some(10), Some(5)),
            ("2026-11-30", "2026-12-14", Some(10), None),
            // The court set zero: never short notice.
            ("2026-12-14", "2026-12-14", Some(0), None),
        ];
        for (recorded, hearing, court, want) in cases {
            let limit = short_notice_limit(*court, &five);
            let got = short_notice(d(recorded), d(hearing), &limit, &h).map(|s| s.days_left);
            assert_eq!(got, *want, "{recorded} -> {hearing}, court {court:?}");
        }
    }

    #[test]
    fn calendar_day_limits_count_every_day() {
        let h = BankHolidays::england_and_wales();
        let limit = Limit {
            amount: 7,
            unit: DayUnit::CalendarDays,
            citation: "test".into(),
            confirmed: true,
            wording: None,
        };
        assert_eq!(
            short_notice(d("2026-12-07"), d("2026-12-13"), &limit, &h),
            Some(ShortNotice {
                days_left: 6,
                wanted: 7
            })
        );
        assert_eq!(
            short_notice(d("2026-12-07"), d("2026-12-14"), &limit, &h),
            None
        );
    }

    fn need(need: CourtNeed, basis: Option<LawfulBasis>) -> RecordedNeed {
        RecordedNeed {
            need,
            basis,
            recorded_on: d("2026-12-01"),
        }
    }

    #[test]
    fn only_needs_with_a_basis_go_out_and_each_once() {
        let needs = [
            need(CourtNeed::BslInterpreter, Some(LawfulBasis::Consent)),
            need(CourtNeed::SeparateWaitingRoom, None),
            need(CourtNeed::DisabilityAccess, Some(LawfulBasis::PublicTask)),
            need(CourtNeed::BslInterpreter, Some(LawfulBasis::PublicTask)),
        ];
        assert_eq!(
            disclosable(&needs),
            [&CourtNeed::BslInterpreter, &CourtNeed::DisabilityAccess]
        );
    }

    #[test]
    fn retelling_on_a_move_table() {
        use NeedPartner::*;
        let with_basis = [need(
            CourtNeed::RegisteredIntermediary,
            Some(LawfulBasis::Consent),
        )];
        let without = [need(CourtNeed::RegisteredIntermediary, None)];
        let cases: &[(&[NeedPartner], &[RecordedNeed], &[NeedPartner])] = &[
            (
                &[Court, WitnessService],
                &with_basis,
                &[Court, WitnessService],
            ),
            (
                &[WitnessService, Court, Court],
                &with_basis,
                &[Court, WitnessService],
            ),
            (&[Court], &with_basis, &[Court]),
            (&[], &with_basis, &[]),
            (&[Court, WitnessService], &without, &[]),
            (&[Court], &[], &[]),
        ];
        for (told, needs, want) in cases {
            let sendable: Vec<CourtNeed> = disclosable(needs).into_iter().cloned().collect();
            assert_eq!(retell_on_move(told, &sendable), *want, "{told:?}");
        }
    }

    #[test]
    fn a_withdrawn_need_that_was_passed_on_is_corrected_with_the_partners_told() {
        use crate::flows::testkit::{criminal, event, run};
        use crate::flows::{EventKind, SlotNotice, TemplateKey};
        let mut ctx = criminal();
        // The Witness Service had the request (with the needs); the victim
        // had the hearing's details, which carried none.
        let slot = |recipient: Recipient, step: &str| SlotNotice {
            key: format!("sample/{step}"),
            recipient,
            step: step.into(),
            pending: false,
            start: ctx.hearing.as_ref().unwrap().start,
            court: Some("Leeds Crown Court".into()),
        };
        ctx.told_of_slot = vec![
            slot(
                Recipient::WitnessService {
                    court: "Leeds Crown Court".into(),
                },
                STEP_INFORM_WITNESS_SERVICE,
            ),
            slot(
                Recipient::Victim {
                    victim_id: "V1".into(),
                },
                "hearing.details",
            ),
        ];
        // What is left after the withdrawal: the BSL interpreter.
        ctx.court_needs.disclosable = vec![CourtNeed::BslInterpreter];
        let withdrawn = |was_shared| {
            event(EventKind::CourtNeedWithdrawn {
                need_id: "N2".into(),
                was_shared,
            })
        };
        let plan = run(&withdrawn(true), &ctx);
        assert_eq!(plan.notices.len(), 1, "{:?}", plan.notices);
        let n = &plan.notices[0];
        assert_eq!(n.template, TemplateKey::CourtNeedsUpdate);
        assert_eq!(partner_of(&n.recipient), Some(NeedPartner::WitnessService));
        assert_eq!(
            n.data["court_needs"],
            notice_field(&[CourtNeed::BslInterpreter])
        );
        assert!(
            n.idempotency_key.contains("court_needs:N2:withdrawn"),
            "{}",
            n.idempotency_key
        );
        // A need that was never passed on (no basis) tells nobody.
        assert!(run(&withdrawn(false), &ctx).notices.is_empty());
    }

    #[test]
    fn every_need_goes_to_the_court_and_the_witness_service() {
        assert_eq!(
            NEED_PARTNERS,
            [NeedPartner::Court, NeedPartner::WitnessService]
        );
    }

    #[test]
    fn recording_a_need_warns_the_officer_at_short_notice_table() {
        use crate::flows::testkit::{criminal, event_at, hearing, run_at};
        use crate::flows::{EventKind, UpcomingHearing};
        // The next hearing: Monday 14 December 2026 at Leeds Crown Court.
        let next = UpcomingHearing {
            hearing: hearing("2026-12-14T10:00:00Z"),
            case_reference: "13AA1234526".into(),
            wcu_org_id: Some("WCU-1".into()),
        };
        // (recorded at, a next hearing, the court's own figure, warning:
        // Some((days left, wanted)))
        type Case = (&'static str, bool, Option<i64>, Option<(i64, i64)>);
        let cases: &[Case] = &[
            ("2026-12-07T12:00:00Z", true, None, None),
            ("2026-12-08T12:00:00Z", true, None, Some((4, 5))),
            ("2026-12-07T12:00:00Z", true, Some(10), Some((5, 10))),
            ("2026-12-08T12:00:00Z", true, Some(2), None),
            ("2026-12-08T12:00:00Z", false, None, None),
        ];
        for (at, has_next, court_days, want) in cases {
            let mut ctx = criminal();
            if *has_next {
                ctx.upcoming_hearings = vec![next.clone()];
            }
            if let Some(days) = court_days {
                ctx.court_needs
                    .court_days
                    .insert("Leeds Crown Court".into(), *days);
            }
            let event = event_at(
                at,
                EventKind::CourtNeedRecorded {
                    need_id: "N1".into(),
                    need: "bsl_interpreter".into(),
                },
            );
            let plan = run_at(&event, &ctx, at);
            let got: Vec<(i64, i64)> = plan
                .warnings
                .iter()
                .filter_map(|w| match w {
                    Warning::CourtNeedShortNotice {
                        need_id,
                        need,
                        hearing_id,
                        hearing_date,
                        days_left,
                        wanted,
                    } => {
                        assert_eq!(
                            (need_id.as_str(), need.as_str(), hearing_id.as_str()),
                            ("N1", "bsl_interpreter", "H1")
                        );
                        assert_eq!(*hearing_date, d("2026-12-14"));
                        Some((*days_left, *wanted))
                    }
                    _ => None,
                })
                .collect();
            assert_eq!(
                got,
                want.iter().copied().collect::<Vec<_>>(),
                "{at} {court_days:?}"
            );
            assert!(
                plan.notices.is_empty(),
                "recording a need sends nothing itself"
            );
        }
    }

    #[test]
    fn the_notice_field_carries_kinds_and_only_an_interpreters_language() {
        let field = notice_field(&[
            CourtNeed::Interpreter {
                language: "Polish".into(),
            },
            CourtNeed::DisabilityAccess,
        ]);
        assert_eq!(
            field,
            json!([
                {"kind": "interpreter", "language": "Polish"},
                {"kind": "disability_access", "language": null},
            ])
        );
        assert_eq!(partner_of(&Recipient::Prosecutor), Some(NeedPartner::Court));
        assert_eq!(
            partner_of(&Recipient::WitnessService {
                court: "Leeds Crown Court".into()
            }),
            Some(NeedPartner::WitnessService)
        );
        assert_eq!(partner_of(&Recipient::VictimLiaisonOfficer), None);
    }
}

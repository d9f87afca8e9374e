//! Builders and queries shared by the flow tests.

use super::*;
use crate::calendar::BankHolidays;
/// The domain vocabulary the flow tests speak.
pub use crate::domain::{
    AttendanceState, CaseKind, ConsentScope, CourtKind, DiscussionSetting, HearingKind,
    HearingStatus, LawfulBasis, ParoleDecision, ParoleHearingFormat, SpecialMeasure, SupporterRole,
};
use crate::rules::{RuleSet, RulesTable};
use chrono::{DateTime, NaiveDate, Utc};

/// The planning instant most tests use: Monday 2 November 2026, 09:00 GMT.
pub const NOW: &str = "2026-11-02T09:00:00Z";
/// The trial most tests use: Monday 7 December 2026, 10:00 GMT.
pub const TRIAL: &str = "2026-12-07T10:00:00Z";

pub fn t(s: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(s)
        .expect("test instant")
        .with_timezone(&Utc)
}

pub fn d(s: &str) -> NaiveDate {
    s.parse().expect("test date")
}

pub fn rules() -> RuleSet {
    RulesTable::default_table()
        .in_force(d("2026-06-01"))
        .clone()
}

pub fn holidays() -> BankHolidays {
    BankHolidays::england_and_wales()
}

pub fn supporter() -> SupporterFacts {
    SupporterFacts {
        user_id: "U1".into(),
        name: "Sam Supporter".into(),
        role: SupporterRole::Idva,
        organisation: Some(Organisation {
            name: "Safe Futures".into(),
            address: "1 Example Street, Leeds".into(),
            contact: "court-team@safe-futures.example".into(),
        }),
        spoc_agreed_on: None,
        present_at_statement_taking: false,
        language: None,
    }
}

pub fn consent(scope: ConsentScope) -> ConsentRecord {
    ConsentRecord {
        scope,
        given_at: t("2026-01-05T10:00:00Z"),
        withdrawn_at: None,
        recorded_by: Some("U1".into()),
    }
}

pub const ALL_SCOPES: [ConsentScope; 6] = [
    ConsentScope::CourtDatesToSupporter,
    ConsentScope::SimultaneousUpdates,
    ConsentScope::SpecialMeasuresToSupporter,
    ConsentScope::ParoleToSupporter,
    ConsentScope::WitnessServiceReferral,
    ConsentScope::IdentifySupporterToCourt,
];

pub fn crown_court() -> CourtFacts {
    CourtFacts {
        name: "Leeds Crown Court".into(),
        kind: CourtKind::Crown,
        in_wales: false,
    }
}

pub fn hearing(start: &str) -> HearingFacts {
    HearingFacts {
        id: "H1".into(),
        start: t(start),
        court: crown_court(),
        kind: HearingKind::Trial,
        status: HearingStatus::Listed,
        victim_gives_evidence: true,
        warned_until: None,
    }
}

/// A criminal case with a trial, a supporter, every consent given and the
/// victim's wish to be accompanied recorded.
pub fn criminal() -> FlowContext {
    FlowContext {
        victim: VictimFacts {
            id: "V1".into(),
            reference: "VR-0001".into(),
            enhanced_rights: true,
            preferred_language: "en".into(),
            is_child: false,
            name: Some("Alex Witness".into()),
        },
        case: CaseFacts {
            id: "C1".into(),
            kind: CaseKind::Criminal,
            reference: "13AA1234526".into(),
            wcu_org_id: Some("WCU-1".into()),
            court: crown_court(),
            offence_group: None,
        },
        hearing: Some(hearing(TRIAL)),
        supporter: Some(supporter()),
        consents: ALL_SCOPES.iter().copied().map(consent).collect(),
        lawful_bases: vec![],
        wish_to_accompany_recorded: true,
        attendance_request: None,
        pre_trial_visit_arranged: false,
        told_of_hearing: vec![],
        told_of_slot: vec![],
        upcoming_hearings: vec![],
        court_needs: Default::default(),
        responsible_adults: vec![],
        partner_languages: Default::default(),
    }
}

/// A family case with a final hearing and the same supporter and consents.
pub fn family() -> FlowContext {
    to_family(
        criminal(),
        "Leeds Family Court",
        ("C2", "LS26P01234"),
        HearingKind::FinalHearing,
    )
}

/// The same people in a family case: the case (id, reference) is at the
/// named family court, with no witness care unit, and so is the hearing.
pub fn to_family(
    mut ctx: FlowContext,
    court: &str,
    (id, reference): (&str, &str),
    kind: HearingKind,
) -> FlowContext {
    let court = CourtFacts {
        name: court.into(),
        kind: CourtKind::Family,
        in_wales: false,
    };
    let hearing = ctx.hearing.take().expect("a hearing to move");
    ctx.case = CaseFacts {
        id: id.into(),
        kind: CaseKind::Family,
        reference: reference.into(),
        wcu_org_id: None,
        court: court.clone(),
        offence_group: None,
    };
    ctx.hearing = Some(HearingFacts {
        court,
        kind,
        ..hearing
    });
    ctx
}

pub fn with_request(mut ctx: FlowContext, state: AttendanceState) -> FlowContext {
    ctx.attendance_request = Some(AttendanceRequestFacts {
        id: "R1".into(),
        hearing_id: Some("H1".into()),
        state,
    });
    ctx
}

pub fn without_consents(mut ctx: FlowContext) -> FlowContext {
    ctx.consents.clear();
    ctx
}

pub fn with_spoc(mut ctx: FlowContext) -> FlowContext {
    if let Some(s) = ctx.supporter.as_mut() {
        s.spoc_agreed_on = Some(d("2026-02-01"));
    }
    ctx
}

pub fn event(kind: EventKind) -> Event {
    Event {
        id: "E1".into(),
        at: t(NOW),
        kind,
    }
}

pub fn event_at(at: &str, kind: EventKind) -> Event {
    Event {
        id: "E1".into(),
        at: t(at),
        kind,
    }
}

pub fn run(event: &Event, ctx: &FlowContext) -> Plan {
    plan(event, ctx, &rules(), &holidays(), t(NOW))
}

pub fn run_at(event: &Event, ctx: &FlowContext, now: &str) -> Plan {
    plan(event, ctx, &rules(), &holidays(), t(now))
}

pub fn update(action: AttendanceAction) -> Event {
    event(EventKind::AttendanceRequestUpdated { action })
}

pub fn templates(plan: &Plan) -> Vec<TemplateKey> {
    let mut keys: Vec<_> = plan.notices.iter().map(|n| n.template).collect();
    keys.sort();
    keys
}

pub fn notice(plan: &Plan, template: TemplateKey) -> Option<&PlannedNotice> {
    plan.notices.iter().find(|n| n.template == template)
}

pub fn notices_to(plan: &Plan, kind: RecipientKind) -> Vec<&PlannedNotice> {
    plan.notices
        .iter()
        .filter(|n| n.recipient.kind() == kind)
        .collect()
}

pub fn task(plan: &Plan, kind: TaskKind) -> Option<&Task> {
    plan.tasks.iter().find(|t| t.kind == kind)
}

pub fn deadline(plan: &Plan, kind: DeadlineKind) -> Option<&Deadline> {
    plan.deadlines.iter().find(|d| d.kind == kind)
}

pub fn no_consent_warnings(plan: &Plan) -> Vec<(RecipientKind, TemplateKey, Vec<ConsentScope>)> {
    plan.warnings
        .iter()
        .filter_map(|w| match w {
            Warning::NoConsentToShare {
                recipient,
                template,
                withdrawn,
                ..
            } => Some((recipient.kind(), *template, withdrawn.clone())),
            _ => None,
        })
        .collect()
}

pub fn data_keys(n: &PlannedNotice) -> Vec<&str> {
    let mut keys: Vec<&str> = n.data.keys().map(String::as_str).collect();
    keys.sort();
    keys
}

/// Every (event, context, now) the flows are exercised with, for the
/// cross-cutting checks (allow-lists, keys, cancellations).
pub fn scenarios() -> Vec<(&'static str, Event, FlowContext, &'static str)> {
    use AttendanceState as S;
    let allowed = with_request(criminal(), S::CpsInformed);
    let mut told = criminal();
    told.told_of_hearing = vec![
        Recipient::Prosecutor,
        Recipient::WitnessService {
            court: "Leeds Crown Court".into(),
        },
        Recipient::Victim {
            victim_id: "V1".into(),
        },
    ];
    let mut late_family = family();
    late_family.hearing = Some(HearingFacts {
        start: t("2026-11-02T14:00:00Z"),
        ..family().hearing.unwrap()
    });
    let mut no_supporter = criminal();
    no_supporter.supporter = None;
    let mut lawful = without_consents(criminal());
    lawful.lawful_bases.push(LawfulBasisRecord {
        basis: LawfulBasis::VitalInterests,
        reason: "Risk to life assessed at MARAC".into(),
        category: DisclosureCategory::HearingDetails,
        recipient: Some(RecipientKind::Supporter),
        recorded_at: t("2026-10-01T09:00:00Z"),
        recorded_by: Some("WCO-7".into()),
    });
    let moved = EventKind::HearingMoved {
        previous_start: t("2026-11-30T10:00:00Z"),
        previous_court: Some("Leeds Crown Court".into()),
    };
    vec![
        ("listed", event(EventKind::HearingListed), criminal(), NOW),
        (
            "listed spoc",
            event(EventKind::HearingListed),
            with_spoc(criminal()),
            NOW,
        ),
        (
            "listed lawful",
            event(EventKind::HearingListed),
            lawful,
            NOW,
        ),
        (
            "moved",
            event(moved.clone()),
            with_request(told.clone(), S::Allowed),
            NOW,
        ),
        (
            "vacated",
            event(EventKind::HearingVacated { adjourned: false }),
            with_request(told, S::CpsInformed),
            NOW,
        ),
        (
            "warned trial fixed at short notice",
            event_at("2026-12-03T09:00:00Z", EventKind::HearingFixed),
            FlowContext {
                hearing: Some(HearingFacts {
                    warned_until: Some(d("2026-12-11")),
                    ..hearing(TRIAL)
                }),
                ..criminal()
            },
            "2026-12-03T09:00:00Z",
        ),
        (
            "outcome ngp",
            event(EventKind::HearingConcluded {
                outcome: HearingOutcome::NotGuiltyPlea,
            }),
            criminal(),
            NOW,
        ),
        (
            "outcome other",
            event(EventKind::HearingConcluded {
                outcome: HearingOutcome::Other {
                    description: "Bind over".into(),
                },
            }),
            with_spoc(criminal()),
            NOW,
        ),
        (
            "outcome sentenced",
            event(EventKind::HearingConcluded {
                outcome: HearingOutcome::Sentenced { sentence: None },
            }),
            criminal(),
            NOW,
        ),
        (
            "raised",
            event(EventKind::AttendanceRequestRaised),
            with_request(criminal(), S::Requested),
            NOW,
        ),
        (
            "wcu informed",
            update(AttendanceAction::WcuInformed),
            with_request(criminal(), S::Requested),
            NOW,
        ),
        (
            "cps informed",
            update(AttendanceAction::CpsInformed),
            with_request(criminal(), S::WcuInformed),
            NOW,
        ),
        (
            "allowed",
            update(AttendanceAction::CourtAllowsWithConditions {
                conditions: "Sit behind the screen".into(),
            }),
            allowed.clone(),
            NOW,
        ),
        (
            "refused",
            update(AttendanceAction::CourtRefuses {
                reason: "Ground rules hearing".into(),
            }),
            allowed,
            NOW,
        ),
        (
            "withdrawn",
            update(AttendanceAction::Withdraw { reason: None }),
            with_request(criminal(), S::Allowed),
            NOW,
        ),
        (
            "visit requested",
            event(EventKind::PreTrialVisitRequested {
                visit_id: "PV1".into(),
            }),
            criminal(),
            NOW,
        ),
        (
            "visit arranged",
            event(EventKind::PreTrialVisitArranged {
                visit_id: "PV1".into(),
                starts_at: t("2026-11-20T14:00:00Z"),
                court: "Leeds Crown Court".into(),
            }),
            criminal(),
            NOW,
        ),
        (
            "visit cancelled",
            event(EventKind::PreTrialVisitCancelled {
                visit_id: "PV1".into(),
                previous_start: t("2026-11-20T14:00:00Z"),
                court: "Leeds Crown Court".into(),
            }),
            FlowContext {
                told_of_slot: vec![SlotNotice {
                    key: format!(
                        "{}criminal.pre_trial_visit_arranged/victim:V1",
                        Subject::visit_at("PV1", t("2026-11-20T14:00:00Z")).prefix()
                    ),
                    recipient: Recipient::Victim {
                        victim_id: "V1".into(),
                    },
                    step: "criminal.pre_trial_visit_arranged".into(),
                    pending: false,
                    start: t("2026-11-20T14:00:00Z"),
                    court: Some("Leeds Crown Court".into()),
                }],
                ..criminal()
            },
            NOW,
        ),
        (
            "trial-progress update to the victim and the contact she chose",
            event(EventKind::TrialProgressRecorded {
                update_id: "TU1".into(),
                update: crate::domain::TrialUpdateKind::JuryOut,
                recorded_at: t(NOW),
                to_victim: true,
                to_contact: true,
            }),
            FlowContext {
                consents: ALL_SCOPES
                    .iter()
                    .copied()
                    .chain([ConsentScope::TrialProgressToContact])
                    .map(consent)
                    .collect(),
                ..criminal()
            },
            NOW,
        ),
        (
            "protective order's end date moved",
            event(EventKind::ProtectiveOrderRecorded {
                order_id: "PO1".into(),
                ends_on: Some(d("2026-12-31")),
                previous_ends_on: Some(d("2026-12-10")),
            }),
            criminal(),
            NOW,
        ),
        (
            "CPS decision to stop the case",
            event(EventKind::ReviewableDecisionRecorded {
                decision_id: "RD1".into(),
                by: crate::domain::ReviewDecisionMaker::Cps,
                told_on: d("2026-10-30"),
            }),
            criminal(),
            NOW,
        ),
        (
            "incident date corrected for compensation",
            event(EventKind::CompensationIncidentRecorded {
                claim_id: "CC1".into(),
                incident_on: d("2025-06-15"),
                previous_incident_on: Some(d("2025-06-14")),
            }),
            criminal(),
            NOW,
        ),
        (
            "need at court recorded after the request reached the witness service",
            event(EventKind::CourtNeedRecorded {
                need_id: "N1".into(),
                need: "bsl_interpreter".into(),
            }),
            FlowContext {
                court_needs: crate::flows::court_needs::CourtNeedFacts {
                    disclosable: vec![crate::flows::court_needs::CourtNeed::BslInterpreter],
                    court_days: Default::default(),
                },
                told_of_slot: vec![SlotNotice {
                    key: "attendance:R1/wcu_informed/criminal.wco_informs_witness_service".into(),
                    recipient: Recipient::WitnessService {
                        court: "Leeds Crown Court".into(),
                    },
                    step: "criminal.wco_informs_witness_service".into(),
                    pending: false,
                    start: t(TRIAL),
                    court: Some("Leeds Crown Court".into()),
                }],
                ..criminal()
            },
            NOW,
        ),
        (
            "supporter changed",
            event(EventKind::SupporterChanged),
            FlowContext {
                upcoming_hearings: vec![UpcomingHearing {
                    hearing: hearing(TRIAL),
                    case_reference: "13AA1234526".into(),
                    wcu_org_id: Some("WCU-1".into()),
                }],
                ..with_spoc(criminal())
            },
            NOW,
        ),
        (
            "visit arranged spoc",
            event(EventKind::PreTrialVisitArranged {
                visit_id: "PV1".into(),
                starts_at: t("2026-11-20T14:00:00Z"),
                court: "Leeds Crown Court".into(),
            }),
            with_spoc(criminal()),
            NOW,
        ),
        (
            "family raised",
            event(EventKind::AttendanceRequestRaised),
            with_request(family(), S::Requested),
            NOW,
        ),
        (
            "family late",
            event(EventKind::AttendanceRequestRaised),
            with_request(late_family, S::Requested),
            NOW,
        ),
        (
            "family listed",
            event(EventKind::HearingListed),
            with_request(family(), S::IdentifiedToCourt),
            NOW,
        ),
        (
            "family direction",
            update(AttendanceAction::CourtDirects {
                direction: FamilyDirection::NeedNotBePresent,
                reason: "Party has legal representation".into(),
            }),
            with_request(family(), S::IdentifiedToCourt),
            NOW,
        ),
        (
            "special measures",
            event(EventKind::SpecialMeasuresDiscussionRecorded {
                setting: DiscussionSetting::NeedsAssessment,
                measures: vec![SpecialMeasure::Screens, SpecialMeasure::LiveLink],
                supporter_present: false,
            }),
            criminal(),
            NOW,
        ),
        (
            "parole hearing",
            event(EventKind::ParoleMilestoneLogged {
                milestone: ParoleMilestone::HearingListed {
                    date: d("2027-02-10"),
                    format: ParoleHearingFormat::Oral,
                },
            }),
            criminal(),
            NOW,
        ),
        (
            "parole release",
            event(EventKind::ParoleMilestoneLogged {
                milestone: ParoleMilestone::ReleaseDate {
                    date: d("2027-03-18"),
                },
            }),
            criminal(),
            NOW,
        ),
        (
            "parole conditions",
            event(EventKind::ParoleMilestoneLogged {
                milestone: ParoleMilestone::LicenceConditions {
                    conditions: vec![LicenceCondition::ExclusionZone, LicenceCondition::NoContact],
                },
            }),
            criminal(),
            NOW,
        ),
        (
            "parole no supporter",
            event(EventKind::ParoleMilestoneLogged {
                milestone: ParoleMilestone::ReviewStarted,
            }),
            no_supporter,
            NOW,
        ),
        (
            "update",
            event(EventKind::AgencyUpdate {
                from: crate::rules::Actor::Agency,
                topic: UpdateTopic::CaseProgress,
            }),
            criminal(),
            NOW,
        ),
        (
            "update spoc",
            event(EventKind::AgencyUpdate {
                from: crate::rules::Actor::Agency,
                topic: UpdateTopic::CaseProgress,
            }),
            with_spoc(criminal()),
            NOW,
        ),
        (
            "update nfa spoc",
            event(EventKind::AgencyUpdate {
                from: crate::rules::Actor::Agency,
                topic: UpdateTopic::NoFurtherAction,
            }),
            with_spoc(criminal()),
            NOW,
        ),
        (
            "consent withdrawn",
            event(EventKind::ConsentWithdrawn {
                scope: ConsentScope::SimultaneousUpdates,
            }),
            criminal(),
            NOW,
        ),
        (
            "not-guilty plea in a rape case",
            event(EventKind::HearingConcluded {
                outcome: HearingOutcome::NotGuiltyPlea,
            }),
            rasso(criminal()),
            NOW,
        ),
        (
            "guilty plea",
            event(EventKind::HearingConcluded {
                outcome: HearingOutcome::GuiltyPlea,
            }),
            criminal(),
            NOW,
        ),
        (
            "CPS meeting: she wants her supporter there",
            event(EventKind::CpsMeetingRecorded {
                meeting: crate::flows::pleas::MeetingRecorded {
                    version: 1,
                    wish: crate::domain::SupporterInvitation::Wanted,
                    wish_changed: true,
                    meeting_at: Some(t("2026-12-01T15:00:00Z")),
                    previous_meeting_at: Some(t("2026-11-30T15:00:00Z")),
                    declined: false,
                },
            }),
            rasso(criminal()),
            NOW,
        ),
    ]
}

/// The same case, about rape or another serious sexual offence.
pub fn rasso(mut ctx: FlowContext) -> FlowContext {
    ctx.case.offence_group = Some(crate::domain::OffenceGroup::RapeOrSeriousSexualOffence);
    ctx
}

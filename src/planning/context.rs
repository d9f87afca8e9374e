//! Gathers, from the database, what the pure planner needs to know about a
//! victim's case: the flows' [`FlowContext`]. The victim's address and
//! phone number are never read here, so no plan can carry them.

use chrono::{DateTime, NaiveDate, Utc};
use diesel::prelude::*;
use serde::{de::DeserializeOwned, Serialize};

use crate::domain::{self, CaseKind, ConsentScope, CourtKind, LawfulBasis, SupporterRole};
use crate::error::{AppError, AppResult};
use crate::flows::{self, DisclosureCategory};
use crate::store::schema::{
    attendance_requests, cases, consents, courts, hearings, notices, organisations,
    pre_trial_visits, special_measures_discussions, supporter_assignments, users,
    victim_sensitive_details, victims,
};
use crate::store::{self, AnyConn};

/// Converts between a domain enum and the flows' enum of the same
/// spelling.
pub fn same<A: Serialize, B: DeserializeOwned>(value: A) -> AppResult<B> {
    let json = serde_json::to_value(value).map_err(|e| AppError::Internal(e.to_string()))?;
    serde_json::from_value(json)
        .map_err(|e| AppError::Internal(format!("vocabulary mismatch: {e}")))
}

fn supporter_role(role: SupporterRole) -> flows::SupporterRole {
    match role {
        SupporterRole::Idva => flows::SupporterRole::Idva,
        SupporterRole::Isva => flows::SupporterRole::Isva,
        SupporterRole::Chidva => flows::SupporterRole::Chidva,
        SupporterRole::Chisva => flows::SupporterRole::Chisva,
        SupporterRole::CourtIdva => flows::SupporterRole::CourtIdva,
        SupporterRole::OtherAdviser => flows::SupporterRole::OtherAdviser,
    }
}

/// The kinds of information a consent scope lets be shared; a lawful basis
/// recorded against a scope covers the same kinds.
pub fn categories(scope: ConsentScope) -> &'static [DisclosureCategory] {
    use DisclosureCategory::*;
    match scope {
        ConsentScope::CourtDatesToSupporter => &[HearingDetails, HearingChange, HearingOutcome],
        ConsentScope::SimultaneousUpdates => &[CaseUpdate, HearingOutcome, DirectContactMade],
        ConsentScope::SpecialMeasuresToSupporter => &[SpecialMeasures],
        ConsentScope::ParoleToSupporter => &[Parole],
        ConsentScope::WitnessServiceReferral => &[SupporterArrangements, PreTrialVisit],
        ConsentScope::IdentifySupporterToCourt => &[AdvisorIdentification, SupporterArrangements],
    }
}

/// What the planner is told about a court.
pub fn court_facts(conn: &mut AnyConn, court_id: &str) -> AppResult<flows::CourtFacts> {
    let (name, kind): (String, String) = courts::table
        .find(court_id)
        .select((courts::name, courts::kind))
        .first(conn)?;
    Ok(flows::CourtFacts {
        name,
        kind: same(CourtKind::from_db(&kind)?)?,
    })
}

pub fn hearing_facts(conn: &mut AnyConn, hearing_id: &str) -> AppResult<flows::HearingFacts> {
    let (court_id, kind, status, starts_at, evidence): (
        String,
        String,
        String,
        chrono::NaiveDateTime,
        bool,
    ) = hearings::table
        .find(hearing_id)
        .select((
            hearings::court_id,
            hearings::kind,
            hearings::status,
            hearings::starts_at,
            hearings::victim_gives_evidence,
        ))
        .first(conn)?;
    Ok(flows::HearingFacts {
        id: hearing_id.to_string(),
        start: store::from_db(starts_at),
        court: court_facts(conn, &court_id)?,
        kind: same(domain::HearingKind::from_db(&kind)?)?,
        status: same(domain::HearingStatus::from_db(&status)?)?,
        victim_gives_evidence: evidence,
        warned_until: warned_until(conn, hearing_id, store::from_db(starts_at))?,
    })
}

/// The last day of the warned-list window the hearing is on: from the
/// latest court list that named it, if that was a warned list and the
/// hearing's day is still inside the window. A firm or daily list that
/// fixed it since (or a move out of the window) ends it.
pub fn warned_until(
    conn: &mut AnyConn,
    hearing_id: &str,
    starts_at: DateTime<Utc>,
) -> AppResult<Option<NaiveDate>> {
    use crate::store::schema::hearing_confirmations as hc;
    let latest: Option<(String, Option<NaiveDate>)> = hc::table
        .filter(hc::hearing_id.eq(hearing_id))
        .order((hc::recorded_at.desc(), hc::published_at.desc()))
        .select((hc::list_kind, hc::warned_to))
        .first(conn)
        .optional()?;
    let day = crate::calendar::london_date(starts_at);
    Ok(match latest {
        Some((kind, Some(to))) if kind == "warned" && day <= to => Some(to),
        _ => None,
    })
}

/// The victim's current supporter (the SPOC first, then the earliest
/// assignment), with their organisation.
fn supporter(
    conn: &mut AnyConn,
    victim_id: &str,
    case_id: &str,
    today: NaiveDate,
) -> AppResult<Option<flows::SupporterFacts>> {
    let found: Option<(String, String, bool, Option<NaiveDate>)> = supporter_assignments::table
        .filter(supporter_assignments::victim_id.eq(victim_id))
        .filter(supporter_assignments::starts_on.le(today))
        .filter(
            supporter_assignments::ends_on
                .is_null()
                .or(supporter_assignments::ends_on.ge(today)),
        )
        .order((
            supporter_assignments::is_spoc.desc(),
            supporter_assignments::starts_on.asc(),
        ))
        .select((
            supporter_assignments::supporter_id,
            supporter_assignments::role,
            supporter_assignments::is_spoc,
            supporter_assignments::spoc_agreed_on,
        ))
        .first(conn)
        .optional()?;
    let Some((user_id, role, is_spoc, agreed_on)) = found else {
        return Ok(None);
    };
    let (name, org_name, org_address, org_email, org_phone): (
        String,
        String,
        Option<String>,
        Option<String>,
        Option<String>,
    ) = users::table
        .inner_join(organisations::table)
        .filter(users::id.eq(&user_id))
        .select((
            users::display_name,
            organisations::name,
            organisations::address,
            organisations::contact_email,
            organisations::contact_phone,
        ))
        .first(conn)?;
    let at_statement: i64 = special_measures_discussions::table
        .filter(special_measures_discussions::case_id.eq(case_id))
        .filter(special_measures_discussions::supporter_id.eq(&user_id))
        .filter(special_measures_discussions::supporter_present.eq(true))
        .filter(
            special_measures_discussions::setting
                .eq(domain::DiscussionSetting::StatementTaking.as_str()),
        )
        .count()
        .get_result(conn)?;
    Ok(Some(flows::SupporterFacts {
        user_id,
        name,
        role: supporter_role(SupporterRole::from_db(&role)?),
        organisation: Some(flows::Organisation {
            name: org_name,
            address: org_address.unwrap_or_default(),
            contact: org_email.or(org_phone).unwrap_or_default(),
        }),
        spoc_agreed_on: if is_spoc { agreed_on } else { None },
        present_at_statement_taking: at_statement > 0,
    }))
}

/// Consents, and the lawful bases recorded instead of consent.
fn consents_and_bases(
    conn: &mut AnyConn,
    victim_id: &str,
    now: DateTime<Utc>,
) -> AppResult<(Vec<flows::ConsentRecord>, Vec<flows::LawfulBasisRecord>)> {
    #[allow(clippy::type_complexity)]
    let rows: Vec<(
        String,
        String,
        Option<String>,
        chrono::NaiveDateTime,
        Option<chrono::NaiveDateTime>,
        String,
    )> = consents::table
        .filter(consents::victim_id.eq(victim_id))
        .order(consents::given_at.asc())
        .select((
            consents::scope,
            consents::basis,
            consents::basis_reason,
            consents::given_at,
            consents::withdrawn_at,
            consents::recorded_by,
        ))
        .load(conn)?;
    let mut given = Vec::new();
    let mut bases = Vec::new();
    for (scope, basis, reason, given_at, withdrawn_at, by) in rows {
        let scope = ConsentScope::from_db(&scope)?;
        match LawfulBasis::from_db(&basis)? {
            LawfulBasis::Consent => given.push(flows::ConsentRecord {
                scope: same(scope)?,
                given_at: store::from_db(given_at),
                withdrawn_at: crate::privacy::consent_withdrawn_at(
                    store::from_db(given_at),
                    withdrawn_at.map(store::from_db),
                    now,
                ),
                recorded_by: Some(by),
            }),
            other if withdrawn_at.is_none() => {
                for category in categories(scope) {
                    bases.push(flows::LawfulBasisRecord {
                        basis: same(other)?,
                        reason: reason.clone().unwrap_or_default(),
                        category: *category,
                        recipient: None,
                        recorded_at: store::from_db(given_at),
                        recorded_by: Some(by.clone()),
                    });
                }
            }
            _ => {}
        }
    }
    Ok((given, bases))
}

/// Everyone already sent (or due to be sent) a hearing's date.
fn told_of_hearing(conn: &mut AnyConn, hearing_id: &str) -> AppResult<Vec<flows::Recipient>> {
    let keys: Vec<String> = notices::table
        .filter(notices::hearing_id.eq(hearing_id))
        .filter(notices::state.ne("cancelled"))
        .filter(notices::category.eq_any(["hearing_details", "hearing_change"]))
        .select(notices::recipient_key)
        .distinct()
        .load(conn)?;
    Ok(keys.iter().filter_map(|k| recipient_from_key(k)).collect())
}

/// Every notice about a hearing that was sent, or will still go out, with
/// the slot (start, court) its data named. Notices naming no slot, and
/// those cancelled, dead or only made ready to hand over, are left out.
pub fn told_of_slot(conn: &mut AnyConn, hearing_id: &str) -> AppResult<Vec<flows::SlotNotice>> {
    let rows: Vec<(String, String, String, String, String)> = notices::table
        .filter(notices::hearing_id.eq(hearing_id))
        .filter(notices::state.eq_any(["sent", "sending", "pending", "failed"]))
        .order(notices::created_at.asc())
        .select((
            notices::idempotency_key,
            notices::recipient_key,
            notices::step,
            notices::state,
            notices::data_json,
        ))
        .load(conn)?;
    Ok(rows
        .into_iter()
        .filter_map(|(key, recipient, step, state, data)| {
            let data: serde_json::Value = serde_json::from_str(&data).ok()?;
            let start = named_start(&data)?;
            Some(flows::SlotNotice {
                key,
                recipient: recipient_from_key(&recipient)?,
                step,
                pending: matches!(state.as_str(), "pending" | "failed"),
                start,
                court: data["court_name"].as_str().map(str::to_owned),
            })
        })
        .collect())
}

/// The notices sent about one arrangement of a pre-trial visit (keys under
/// `prefix`), with the visit's start and court.
fn told_of_visit(
    conn: &mut AnyConn,
    victim_id: &str,
    prefix: &str,
) -> AppResult<Vec<flows::SlotNotice>> {
    let rows: Vec<(String, String, String, String)> = notices::table
        .filter(notices::victim_id.eq(victim_id))
        .filter(notices::idempotency_key.like(format!("{prefix}%")))
        .filter(notices::state.eq_any(["sent", "sending"]))
        .select((
            notices::idempotency_key,
            notices::recipient_key,
            notices::step,
            notices::data_json,
        ))
        .load(conn)?;
    Ok(rows
        .into_iter()
        .filter(|(key, ..)| key.starts_with(prefix))
        .filter_map(|(key, recipient, step, data)| {
            let data: serde_json::Value = serde_json::from_str(&data).ok()?;
            let start = DateTime::parse_from_rfc3339(data["visit_start"].as_str()?)
                .ok()?
                .with_timezone(&Utc);
            Some(flows::SlotNotice {
                key,
                recipient: recipient_from_key(&recipient)?,
                step,
                pending: false,
                start,
                court: data["visit_court"].as_str().map(str::to_owned),
            })
        })
        .collect())
}

/// The victim's criminal hearings still to come, earliest first.
fn upcoming_hearings(
    conn: &mut AnyConn,
    victim_id: &str,
    now: DateTime<Utc>,
) -> AppResult<Vec<flows::UpcomingHearing>> {
    #[allow(clippy::type_complexity)]
    let rows: Vec<(String, Option<String>, Option<String>)> = hearings::table
        .inner_join(cases::table)
        .filter(cases::victim_id.eq(victim_id))
        .filter(cases::kind.eq("criminal"))
        .filter(hearings::status.eq_any(["listed", "moved"]))
        .filter(hearings::starts_at.gt(store::to_db(now)))
        .order((hearings::starts_at.asc(), hearings::id.asc()))
        .select((hearings::id, cases::urn, cases::witness_care_unit_id))
        .load(conn)?;
    rows.into_iter()
        .map(|(id, urn, unit)| {
            Ok(flows::UpcomingHearing {
                hearing: hearing_facts(conn, &id)?,
                case_reference: urn.unwrap_or_default(),
                wcu_org_id: unit,
            })
        })
        .collect()
}

/// Who the victim's contact is on `today`: the supporter (SPOC first) and
/// whether they are the single point of contact.
pub fn contact_of(
    conn: &mut AnyConn,
    victim_id: &str,
    today: NaiveDate,
) -> AppResult<Option<(String, bool)>> {
    Ok(supporter_assignments::table
        .filter(supporter_assignments::victim_id.eq(victim_id))
        .filter(supporter_assignments::starts_on.le(today))
        .filter(
            supporter_assignments::ends_on
                .is_null()
                .or(supporter_assignments::ends_on.ge(today)),
        )
        .order((
            supporter_assignments::is_spoc.desc(),
            supporter_assignments::starts_on.asc(),
        ))
        .select((
            supporter_assignments::supporter_id,
            supporter_assignments::is_spoc,
        ))
        .first(conn)
        .optional()?)
}

/// The instant a notice's data named: its `hearing_start`, or else its
/// court-local `hearing_date` and `hearing_time` (the requests to agencies
/// carry only those).
fn named_start(data: &serde_json::Value) -> Option<DateTime<Utc>> {
    if let Some(at) = data["hearing_start"].as_str() {
        return DateTime::parse_from_rfc3339(at)
            .ok()
            .map(|t| t.with_timezone(&Utc));
    }
    let date = NaiveDate::parse_from_str(data["hearing_date"].as_str()?, "%Y-%m-%d").ok()?;
    let time = chrono::NaiveTime::parse_from_str(data["hearing_time"].as_str()?, "%H:%M").ok()?;
    Some(crate::calendar::local_to_utc(date, time))
}

/// The inverse of [`flows::Recipient::key`].
pub fn recipient_from_key(key: &str) -> Option<flows::Recipient> {
    use flows::Recipient::*;
    let (kind, rest) = key.split_once(':').unwrap_or((key, ""));
    Some(match kind {
        "supporter" => Supporter {
            user_id: rest.into(),
        },
        "victim" => Victim {
            victim_id: rest.into(),
        },
        "wcu" => WitnessCareUnit {
            org_id: rest.into(),
        },
        "prosecutor" => Prosecutor,
        "witness_service" => WitnessService { court: rest.into() },
        "court" => Court { court: rest.into() },
        "vlo" => VictimLiaisonOfficer,
        _ => return None,
    })
}

/// What is being planned about.
#[derive(Debug, Clone, Default)]
pub struct Focus {
    pub case_id: Option<String>,
    pub hearing_id: Option<String>,
    pub attendance_request_id: Option<String>,
    /// The request's state before the change being planned.
    pub attendance_state_before: Option<domain::AttendanceState>,
    /// Load the victim's upcoming hearings (a change of supporter).
    pub upcoming_hearings: bool,
    /// The key prefix of a pre-trial visit's old arrangement: the notices
    /// sent under it join `told_of_slot`.
    pub visit_slot_prefix: Option<String>,
}

/// Builds the planner's context for a victim (and a case and hearing).
pub fn load(
    conn: &mut AnyConn,
    victim_id: &str,
    focus: &Focus,
    now: DateTime<Utc>,
) -> AppResult<flows::FlowContext> {
    let today = crate::calendar::london_date(now);
    let (reference, enhanced, language): (String, bool, String) = victims::table
        .find(victim_id)
        .select((
            victims::reference,
            victims::enhanced_rights,
            victims::preferred_language,
        ))
        .first(conn)?;
    let sealed_name: Option<String> = victim_sensitive_details::table
        .find(victim_id)
        .select(victim_sensitive_details::full_name)
        .first(conn)
        .optional()?;
    let name = match sealed_name {
        Some(sealed) => Some(crate::privacy::open(&*crate::privacy::keyring()?, &sealed)?),
        None => None,
    };
    let hearing_case: Option<String> = match &focus.hearing_id {
        Some(h) => Some(
            hearings::table
                .find(h)
                .select(hearings::case_id)
                .first(conn)?,
        ),
        None => None,
    };
    let case_id = focus.case_id.clone().or(hearing_case);
    let case = match &case_id {
        Some(id) => {
            let (kind, urn, number, court, unit): (
                String,
                Option<String>,
                Option<String>,
                Option<String>,
                Option<String>,
            ) = cases::table
                .find(id)
                .select((
                    cases::kind,
                    cases::urn,
                    cases::case_number,
                    cases::court_id,
                    cases::witness_care_unit_id,
                ))
                .first(conn)?;
            let kind = CaseKind::from_db(&kind)?;
            let court_id = match (court, &focus.hearing_id) {
                (Some(c), _) => Some(c),
                (None, Some(h)) => Some(
                    hearings::table
                        .find(h)
                        .select(hearings::court_id)
                        .first(conn)?,
                ),
                (None, None) => None,
            };
            let court = match court_id {
                Some(c) => court_facts(conn, &c)?,
                None => flows::CourtFacts {
                    name: "court to be confirmed".into(),
                    kind: flows::CourtKind::Combined,
                },
            };
            flows::CaseFacts {
                id: id.clone(),
                kind: same(kind)?,
                reference: urn.or(number).unwrap_or_default(),
                wcu_org_id: unit,
                court,
            }
        }
        None => flows::CaseFacts {
            id: String::new(),
            kind: flows::CaseKind::Criminal,
            reference: String::new(),
            wcu_org_id: None,
            court: flows::CourtFacts {
                name: String::new(),
                kind: flows::CourtKind::Crown,
            },
        },
    };
    let hearing = match &focus.hearing_id {
        Some(h) => Some(hearing_facts(conn, h)?),
        None => None,
    };
    let supporter = supporter(conn, victim_id, &case.id, today)?;
    let (consents, lawful_bases) = consents_and_bases(conn, victim_id, now)?;
    let request: Option<(String, String)> = match (&focus.attendance_request_id, &focus.hearing_id)
    {
        (Some(id), _) => attendance_requests::table
            .find(id)
            .select((attendance_requests::id, attendance_requests::hearing_id))
            .first(conn)
            .optional()?,
        (None, Some(h)) => attendance_requests::table
            .filter(attendance_requests::hearing_id.eq(h))
            .order(attendance_requests::created_at.desc())
            .select((attendance_requests::id, attendance_requests::hearing_id))
            .first(conn)
            .optional()?,
        _ => None,
    };
    let attendance_request = match request {
        Some((id, hearing_id)) => {
            let state = match focus.attendance_state_before {
                Some(s) => s,
                None => domain::AttendanceState::from_db(
                    &attendance_requests::table
                        .find(&id)
                        .select(attendance_requests::state)
                        .first::<String>(conn)?,
                )?,
            };
            Some(flows::AttendanceRequestFacts {
                id,
                hearing_id: Some(hearing_id),
                state: same(state)?,
            })
        }
        None => None,
    };
    let visits: i64 = match &case_id {
        Some(c) => pre_trial_visits::table
            .filter(pre_trial_visits::case_id.eq(c))
            .filter(pre_trial_visits::state.eq_any(["arranged", "attended"]))
            .count()
            .get_result(conn)?,
        None => 0,
    };
    let (told, mut told_of_slot) = match &focus.hearing_id {
        Some(h) => (told_of_hearing(conn, h)?, told_of_slot(conn, h)?),
        None => (Vec::new(), Vec::new()),
    };
    let upcoming_hearings = if focus.upcoming_hearings {
        upcoming_hearings(conn, victim_id, now)?
    } else {
        Vec::new()
    };
    if let Some(prefix) = &focus.visit_slot_prefix {
        told_of_slot.extend(told_of_visit(conn, victim_id, prefix)?);
    }
    Ok(flows::FlowContext {
        victim: flows::VictimFacts {
            id: victim_id.to_string(),
            reference,
            enhanced_rights: enhanced,
            preferred_language: language,
            name,
        },
        case,
        hearing,
        supporter,
        consents,
        lawful_bases,
        wish_to_accompany_recorded: attendance_request.is_some(),
        attendance_request,
        pre_trial_visit_arranged: visits > 0,
        told_of_hearing: told,
        told_of_slot,
        upcoming_hearings,
    })
}

/// The victim a hearing's case belongs to.
pub fn victim_of_hearing(conn: &mut AnyConn, hearing_id: &str) -> AppResult<String> {
    Ok(hearings::table
        .inner_join(cases::table)
        .filter(hearings::id.eq(hearing_id))
        .select(cases::victim_id)
        .first(conn)?)
}

/// The victim a case belongs to.
pub fn victim_of_case(conn: &mut AnyConn, case_id: &str) -> AppResult<String> {
    Ok(cases::table
        .find(case_id)
        .select(cases::victim_id)
        .first(conn)?)
}

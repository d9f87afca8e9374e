//! Gathers, from the database, what the pure planner needs to know about a
//! victim's case: the flows' [`FlowContext`]. The victim's address and
//! phone number are never read here, so no plan can carry them.

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};

use chrono::{DateTime, NaiveDate, Utc};
use diesel::prelude::*;

use crate::domain::{
    self, CaseKind, ConsentScope, CourtKind, LawfulBasis, Nation, OffenceGroup, SupporterRole,
};
use crate::error::{AppError, AppResult};
use crate::flows::{self, DisclosureCategory};
use crate::store::schema::{
    attendance_requests, cases, consents, court_need_settings, court_needs, courts, hearings,
    notices, organisations, pre_trial_visits, responsible_adults, special_measures_discussions,
    statement_appointments, supporter_assignments, users, victim_sensitive_details, victims,
};
use crate::store::{self, AnyConn};

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
        ConsentScope::TrialProgressToContact => &[TrialProgress],
        ConsentScope::ResponsibleAdultUpdates => crate::flows::responsible_adults::CATEGORIES,
    }
}

/// The only kind of recipient a lawful basis recorded under a scope covers,
/// where the scope names one: a basis for her responsible adults covers
/// nobody else.
pub fn recipient_of(scope: ConsentScope) -> Option<flows::RecipientKind> {
    match scope {
        ConsentScope::ResponsibleAdultUpdates => Some(flows::RecipientKind::ResponsibleAdult),
        _ => None,
    }
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
        "victim_contact" => VictimContact {
            victim_id: rest.into(),
        },
        "responsible_adult" => ResponsibleAdult {
            adult_id: rest.into(),
        },
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
    /// The key prefix of a pre-trial visit (one arrangement, or all of
    /// them): the notices sent under it join `told_of_slot`.
    pub visit_slot_prefix: Option<String>,
}

fn chunked(ids: &BTreeSet<String>) -> Vec<Vec<String>> {
    ids.iter()
        .cloned()
        .collect::<Vec<_>>()
        .chunks(crate::store::IN_CHUNK)
        .map(<[String]>::to_vec)
        .collect()
}

type NaiveTs = chrono::NaiveDateTime;

struct HearingRow {
    case_id: String,
    court_id: String,
    kind: String,
    status: String,
    starts_at: NaiveTs,
    victim_gives_evidence: bool,
}

#[derive(Queryable, Selectable)]
#[diesel(table_name = cases)]
struct CaseRow {
    id: String,
    kind: String,
    urn: Option<String>,
    case_number: Option<String>,
    court_id: Option<String>,
    witness_care_unit_id: Option<String>,
    offence_group: Option<String>,
    cps_area_id: Option<String>,
}

/// A victim's plain facts: reference, enhanced rights, language, child.
struct VictimRow {
    reference: String,
    enhanced: bool,
    language: String,
    is_child: bool,
    probation_region_id: Option<String>,
}

struct Assignment {
    supporter_id: String,
    role: String,
    is_spoc: bool,
    spoc_agreed_on: Option<NaiveDate>,
    starts_on: NaiveDate,
}

struct SupporterRow {
    name: String,
    language: Option<String>,
    org_name: String,
    org_address: Option<String>,
    org_email: Option<String>,
    org_phone: Option<String>,
}

struct ConsentRow {
    id: String,
    scope: String,
    basis: String,
    reason: Option<String>,
    given_at: NaiveTs,
    withdrawn_at: Option<NaiveTs>,
    recorded_by: String,
}

/// Everything the planner may need about a set of victims, cases and
/// hearings, read in a fixed number of queries (a few per 500 ids),
/// whatever the number of cases.
#[derive(Default)]
struct Known {
    victims: HashMap<String, VictimRow>,
    names: HashMap<String, String>,
    hearings: HashMap<String, HearingRow>,
    cases: HashMap<String, CaseRow>,
    courts: HashMap<String, (String, String, String)>,
    assignments: HashMap<String, Vec<Assignment>>,
    supporters: HashMap<String, SupporterRow>,
    /// (case, supporter) pairs where the supporter was at statement taking.
    at_statement: HashSet<(String, String)>,
    consents: HashMap<String, Vec<ConsentRow>>,
    /// Attendance requests by id: (hearing, state).
    requests: HashMap<String, (String, String)>,
    /// Each hearing's latest attendance request.
    latest_request: HashMap<String, String>,
    visits: HashSet<String>,
    told: HashMap<String, BTreeSet<String>>,
    /// Each hearing's latest court-list window, when that list was a warned
    /// list: the window's last day.
    warned_to: HashMap<String, NaiveDate>,
    /// The notices about each hearing that name its slot (see
    /// [`slot_notice`]).
    told_of_slot: HashMap<String, Vec<flows::SlotNotice>>,
    /// Each victim's needs at court in force under a consent record:
    /// (kind, language, consent id).
    court_needs: HashMap<String, Vec<(String, Option<String>, String)>>,
    /// Courts' own short-notice figures for needs, by court name.
    court_need_days: BTreeMap<String, i64>,
    /// Each victim's responsible adults, in the order recorded.
    adults: HashMap<String, Vec<flows::responsible_adults::ResponsibleAdultFacts>>,
    /// The organisations that chose a language for their messages, by id.
    org_languages: HashMap<String, String>,
    /// The same for the Witness Services and courts' offices, by recipient
    /// key (`witness_service:<court>`, `court:<court>`).
    court_org_languages: BTreeMap<String, String>,
}

impl Known {
    fn load(conn: &mut AnyConn, wanted: &[(&str, &Focus)], today: NaiveDate) -> AppResult<Known> {
        let mut k = Known::default();
        let victim_ids: BTreeSet<String> = wanted.iter().map(|(v, _)| v.to_string()).collect();
        let hearing_ids: BTreeSet<String> = wanted
            .iter()
            .filter_map(|(_, f)| f.hearing_id.clone())
            .collect();
        for ids in chunked(&victim_ids) {
            #[allow(clippy::type_complexity)]
            let rows: Vec<(String, String, bool, String, bool, Option<String>)> = victims::table
                .filter(victims::id.eq_any(&ids))
                .select((
                    victims::id,
                    victims::reference,
                    victims::enhanced_rights,
                    victims::preferred_language,
                    victims::is_child,
                    victims::probation_region_id,
                ))
                .load(conn)?;
            for (id, reference, enhanced, language, is_child, probation_region_id) in rows {
                let row = VictimRow {
                    reference,
                    enhanced,
                    language,
                    is_child,
                    probation_region_id,
                };
                k.victims.insert(id, row);
            }
            let sealed: Vec<(String, String)> = victim_sensitive_details::table
                .filter(victim_sensitive_details::victim_id.eq_any(&ids))
                .select((
                    victim_sensitive_details::victim_id,
                    victim_sensitive_details::full_name,
                ))
                .load(conn)?;
            if !sealed.is_empty() {
                let keys = crate::privacy::keyring()?;
                for (id, sealed) in sealed {
                    k.names.insert(id, crate::privacy::open(&keys, &sealed)?);
                }
            }
            let rows: Vec<(String, String, String, bool, Option<NaiveDate>, NaiveDate)> =
                supporter_assignments::table
                    .filter(supporter_assignments::victim_id.eq_any(&ids))
                    .filter(crate::store::scope::in_force(today))
                    .select((
                        supporter_assignments::victim_id,
                        supporter_assignments::supporter_id,
                        supporter_assignments::role,
                        supporter_assignments::is_spoc,
                        supporter_assignments::spoc_agreed_on,
                        supporter_assignments::starts_on,
                    ))
                    .load(conn)?;
            for (victim, supporter_id, role, is_spoc, spoc_agreed_on, starts_on) in rows {
                k.assignments.entry(victim).or_default().push(Assignment {
                    supporter_id,
                    role,
                    is_spoc,
                    spoc_agreed_on,
                    starts_on,
                });
            }
            #[allow(clippy::type_complexity)]
            let rows: Vec<(
                String,
                String,
                String,
                String,
                Option<String>,
                NaiveTs,
                Option<NaiveTs>,
                String,
            )> = consents::table
                .filter(consents::victim_id.eq_any(&ids))
                .order((consents::victim_id.asc(), consents::given_at.asc()))
                .select((
                    consents::id,
                    consents::victim_id,
                    consents::scope,
                    consents::basis,
                    consents::basis_reason,
                    consents::given_at,
                    consents::withdrawn_at,
                    consents::recorded_by,
                ))
                .load(conn)?;
            for (id, victim, scope, basis, reason, given_at, withdrawn_at, recorded_by) in rows {
                k.consents.entry(victim).or_default().push(ConsentRow {
                    id,
                    scope,
                    basis,
                    reason,
                    given_at,
                    withdrawn_at,
                    recorded_by,
                });
            }
        }
        for ids in chunked(&victim_ids) {
            #[allow(clippy::type_complexity)]
            let rows: Vec<(String, String, String, Option<String>, Option<NaiveTs>)> =
                responsible_adults::table
                    .filter(responsible_adults::victim_id.eq_any(&ids))
                    .order((
                        responsible_adults::victim_id.asc(),
                        responsible_adults::created_at.asc(),
                        responsible_adults::id.asc(),
                    ))
                    .select((
                        responsible_adults::victim_id,
                        responsible_adults::id,
                        responsible_adults::preferred_language,
                        responsible_adults::excluded_by,
                        responsible_adults::ended_at,
                    ))
                    .load(conn)?;
            for (victim, id, language, excluded_by, ended_at) in rows {
                k.adults.entry(victim).or_default().push(
                    flows::responsible_adults::ResponsibleAdultFacts {
                        id,
                        preferred_language: language,
                        excluded: excluded_by.is_some(),
                        ended: ended_at.is_some(),
                    },
                );
            }
        }
        for ids in chunked(&victim_ids) {
            let rows: Vec<(String, String, Option<String>, Option<String>)> = court_needs::table
                .filter(court_needs::victim_id.eq_any(&ids))
                .filter(court_needs::withdrawn_at.is_null())
                .order((
                    court_needs::victim_id.asc(),
                    court_needs::recorded_at.asc(),
                    court_needs::kind.asc(),
                ))
                .select((
                    court_needs::victim_id,
                    court_needs::kind,
                    court_needs::language,
                    court_needs::consent_id,
                ))
                .load(conn)?;
            for (victim, kind, language, consent) in rows {
                if let Some(consent) = consent {
                    k.court_needs
                        .entry(victim)
                        .or_default()
                        .push((kind, language, consent));
                }
            }
        }
        for ids in chunked(&hearing_ids) {
            let rows: Vec<(String, String, String, String, String, NaiveTs, bool)> =
                hearings::table
                    .filter(hearings::id.eq_any(&ids))
                    .select((
                        hearings::id,
                        hearings::case_id,
                        hearings::court_id,
                        hearings::kind,
                        hearings::status,
                        hearings::starts_at,
                        hearings::victim_gives_evidence,
                    ))
                    .load(conn)?;
            for (id, case_id, court_id, kind, status, starts_at, victim_gives_evidence) in rows {
                k.hearings.insert(
                    id,
                    HearingRow {
                        case_id,
                        court_id,
                        kind,
                        status,
                        starts_at,
                        victim_gives_evidence,
                    },
                );
            }
            let rows: Vec<(String, String, String)> = attendance_requests::table
                .filter(attendance_requests::hearing_id.eq_any(&ids))
                .order((
                    attendance_requests::hearing_id.asc(),
                    attendance_requests::created_at.desc(),
                ))
                .select((
                    attendance_requests::id,
                    attendance_requests::hearing_id,
                    attendance_requests::state,
                ))
                .load(conn)?;
            for (id, hearing_id, state) in rows {
                k.latest_request
                    .entry(hearing_id.clone())
                    .or_insert_with(|| id.clone());
                k.requests.insert(id, (hearing_id, state));
            }
            let rows: Vec<(Option<String>, String)> = notices::table
                .filter(notices::hearing_id.eq_any(&ids))
                .filter(notices::state.ne("cancelled"))
                .filter(notices::category.eq_any(["hearing_details", "hearing_change"]))
                .select((notices::hearing_id, notices::recipient_key))
                .distinct()
                .load(conn)?;
            for (hearing, key) in rows {
                if let Some(h) = hearing {
                    k.told.entry(h).or_default().insert(key);
                }
            }
            k.warned_to.extend(warned_windows(conn, &ids)?);
            #[allow(clippy::type_complexity)]
            let rows: Vec<(
                Option<String>,
                String,
                String,
                String,
                String,
                Option<String>,
                String,
            )> = notices::table
                .filter(notices::hearing_id.eq_any(&ids))
                .filter(notices::state.eq_any(["sent", "pending", "failed"]))
                .order((notices::created_at.asc(), notices::id.asc()))
                .select((
                    notices::hearing_id,
                    notices::idempotency_key,
                    notices::recipient_key,
                    notices::step,
                    notices::state,
                    notices::lease_owner,
                    notices::data_json,
                ))
                .load(conn)?;
            for (hearing, key, recipient, step, state, lease_owner, data) in rows {
                // A notice being sent counts as told, not as still pending.
                let state = crate::notify::delivery::shown_state(&state, lease_owner.as_deref());
                if let (Some(h), Some(n)) =
                    (hearing, slot_notice(key, &recipient, step, state, &data))
                {
                    k.told_of_slot.entry(h).or_default().push(n);
                }
            }
        }
        let request_ids: BTreeSet<String> = wanted
            .iter()
            .filter_map(|(_, f)| f.attendance_request_id.clone())
            .filter(|id| !k.requests.contains_key(id))
            .collect();
        for ids in chunked(&request_ids) {
            let rows: Vec<(String, String, String)> = attendance_requests::table
                .filter(attendance_requests::id.eq_any(&ids))
                .select((
                    attendance_requests::id,
                    attendance_requests::hearing_id,
                    attendance_requests::state,
                ))
                .load(conn)?;
            for (id, hearing_id, state) in rows {
                k.requests.insert(id, (hearing_id, state));
            }
        }
        let case_ids: BTreeSet<String> = wanted
            .iter()
            .filter_map(|(_, f)| {
                f.case_id.clone().or_else(|| {
                    f.hearing_id
                        .as_ref()
                        .and_then(|h| k.hearings.get(h))
                        .map(|h| h.case_id.clone())
                })
            })
            .collect();
        for ids in chunked(&case_ids) {
            let rows: Vec<CaseRow> = cases::table
                .filter(cases::id.eq_any(&ids))
                .select(CaseRow::as_select())
                .load(conn)?;
            for row in rows {
                k.cases.insert(row.id.clone(), row);
            }
            let rows: Vec<String> = pre_trial_visits::table
                .filter(pre_trial_visits::case_id.eq_any(&ids))
                .filter(pre_trial_visits::state.eq_any(["arranged", "attended"]))
                .select(pre_trial_visits::case_id)
                .distinct()
                .load(conn)?;
            k.visits.extend(rows);
            let rows: Vec<(String, String)> = special_measures_discussions::table
                .filter(special_measures_discussions::case_id.eq_any(&ids))
                .filter(special_measures_discussions::supporter_present.eq(true))
                .filter(
                    special_measures_discussions::setting
                        .eq(domain::DiscussionSetting::StatementTaking.as_str()),
                )
                .filter(special_measures_discussions::supporter_id.is_not_null())
                .select((
                    special_measures_discussions::case_id,
                    special_measures_discussions::supporter_id.assume_not_null(),
                ))
                .distinct()
                .load(conn)?;
            k.at_statement.extend(rows);
            // A supporter booked for before and after a statement or ABE
            // interview (issue 19, item 4) counts as with her at it.
            let rows: Vec<(String, String)> = statement_appointments::table
                .filter(statement_appointments::case_id.eq_any(&ids))
                .filter(
                    statement_appointments::state
                        .eq(domain::StatementAppointmentState::Booked.as_str()),
                )
                .select((
                    statement_appointments::case_id,
                    statement_appointments::supporter_id,
                ))
                .distinct()
                .load(conn)?;
            k.at_statement.extend(rows);
        }
        let court_ids: BTreeSet<String> = k
            .cases
            .values()
            .filter_map(|c| c.court_id.clone())
            .chain(k.hearings.values().map(|h| h.court_id.clone()))
            .collect();
        for ids in chunked(&court_ids) {
            let rows: Vec<(String, String, String, String)> = courts::table
                .filter(courts::id.eq_any(&ids))
                .select((courts::id, courts::name, courts::kind, courts::nation))
                .load(conn)?;
            for (id, name, kind, nation) in rows {
                k.courts.insert(id, (name, kind, nation));
            }
            let own: Vec<(String, i32)> = court_need_settings::table
                .filter(court_need_settings::court_id.eq_any(&ids))
                .select((
                    court_need_settings::court_id,
                    court_need_settings::short_notice_working_days,
                ))
                .load(conn)?;
            for (id, days) in own {
                if let Some((name, ..)) = k.courts.get(&id) {
                    k.court_need_days.insert(name.clone(), i64::from(days));
                }
            }
        }
        let supporter_ids: BTreeSet<String> = k
            .assignments
            .values()
            .filter_map(|a| chosen(a))
            .map(|a| a.supporter_id.clone())
            .collect();
        for ids in chunked(&supporter_ids) {
            #[allow(clippy::type_complexity)]
            let rows: Vec<(
                String,
                String,
                Option<String>,
                String,
                Option<String>,
                Option<String>,
                Option<String>,
            )> = users::table
                .inner_join(organisations::table)
                .filter(users::id.eq_any(&ids))
                .select((
                    users::id,
                    users::display_name,
                    users::page_language,
                    organisations::name,
                    organisations::address,
                    organisations::contact_email,
                    organisations::contact_phone,
                ))
                .load(conn)?;
            for (id, name, language, org_name, org_address, org_email, org_phone) in rows {
                k.supporters.insert(
                    id,
                    SupporterRow {
                        name,
                        language,
                        org_name,
                        org_address,
                        org_email,
                        org_phone,
                    },
                );
            }
        }
        // Few organisations choose a language: all of those are read once.
        let rows: Vec<(String, String, Option<String>, Option<String>)> = organisations::table
            .left_join(courts::table.on(organisations::court_id.eq(courts::id.nullable())))
            .filter(organisations::preferred_language.is_not_null())
            .select((
                organisations::id,
                organisations::kind,
                courts::name.nullable(),
                organisations::preferred_language,
            ))
            .load(conn)?;
        for (id, kind, court, language) in rows {
            let Some(language) = language else { continue };
            let recipient = match (kind.as_str(), court) {
                ("witness_service", Some(court)) => {
                    Some(flows::Recipient::WitnessService { court })
                }
                ("court", Some(court)) => Some(flows::Recipient::Court { court }),
                _ => None,
            };
            if let Some(r) = recipient {
                k.court_org_languages.insert(r.key(), language.clone());
            }
            k.org_languages.insert(id, language);
        }
        Ok(k)
    }

    /// The languages the partners that may be written to about this case
    /// chose, by recipient key.
    fn partner_languages(
        &self,
        case: Option<&CaseRow>,
        victim: &VictimRow,
    ) -> BTreeMap<String, String> {
        let mut out = self.court_org_languages.clone();
        let chosen = |org: Option<&String>| org.and_then(|o| self.org_languages.get(o)).cloned();
        if let Some(c) = case {
            if let Some(l) = chosen(c.witness_care_unit_id.as_ref()) {
                let org = c.witness_care_unit_id.clone().unwrap_or_default();
                out.insert(flows::Recipient::WitnessCareUnit { org_id: org }.key(), l);
            }
            if let Some(l) = chosen(c.cps_area_id.as_ref()) {
                out.insert(flows::Recipient::Prosecutor.key(), l);
            }
        }
        if let Some(l) = chosen(victim.probation_region_id.as_ref()) {
            out.insert(flows::Recipient::VictimLiaisonOfficer.key(), l);
        }
        out
    }

    fn court(&self, court_id: &str) -> AppResult<flows::CourtFacts> {
        let (name, kind, nation) = self.courts.get(court_id).ok_or_else(not_found)?;
        Ok(flows::CourtFacts {
            name: name.clone(),
            kind: CourtKind::from_db(kind)?,
            in_wales: Nation::from_db(nation)? == Nation::Wales,
        })
    }

    fn hearing(&self, hearing_id: &str) -> AppResult<flows::HearingFacts> {
        let h = self.hearings.get(hearing_id).ok_or_else(not_found)?;
        Ok(flows::HearingFacts {
            id: hearing_id.to_string(),
            start: store::from_db(h.starts_at),
            court: self.court(&h.court_id)?,
            kind: domain::HearingKind::from_db(&h.kind)?,
            status: domain::HearingStatus::from_db(&h.status)?,
            victim_gives_evidence: h.victim_gives_evidence,
            warned_until: self.warned_until(hearing_id, store::from_db(h.starts_at)),
        })
    }

    /// The last day of the warned-list window the hearing is on, while its
    /// day is still inside it (see [`warned_until`]).
    fn warned_until(&self, hearing_id: &str, starts_at: DateTime<Utc>) -> Option<NaiveDate> {
        let to = *self.warned_to.get(hearing_id)?;
        (crate::calendar::london_date(starts_at) <= to).then_some(to)
    }

    /// The victim's current supporter (the SPOC first, then the earliest
    /// assignment), with their organisation.
    fn supporter(
        &self,
        victim_id: &str,
        case_id: &str,
    ) -> AppResult<Option<flows::SupporterFacts>> {
        let Some(a) = self.assignments.get(victim_id).and_then(|a| chosen(a)) else {
            return Ok(None);
        };
        let s = self.supporters.get(&a.supporter_id).ok_or_else(not_found)?;
        Ok(Some(flows::SupporterFacts {
            user_id: a.supporter_id.clone(),
            name: s.name.clone(),
            role: SupporterRole::from_db(&a.role)?,
            organisation: Some(flows::Organisation {
                name: s.org_name.clone(),
                address: s.org_address.clone().unwrap_or_default(),
                contact: s
                    .org_email
                    .clone()
                    .or_else(|| s.org_phone.clone())
                    .unwrap_or_default(),
            }),
            spoc_agreed_on: if a.is_spoc { a.spoc_agreed_on } else { None },
            language: s.language.clone(),
            present_at_statement_taking: self
                .at_statement
                .contains(&(case_id.to_string(), a.supporter_id.clone())),
        }))
    }

    /// Consents, and the lawful bases recorded instead of consent.
    fn consents_and_bases(
        &self,
        victim_id: &str,
        now: DateTime<Utc>,
    ) -> AppResult<(Vec<flows::ConsentRecord>, Vec<flows::LawfulBasisRecord>)> {
        let mut given = Vec::new();
        let mut bases = Vec::new();
        for c in self.consents.get(victim_id).map_or(&[][..], Vec::as_slice) {
            let scope = ConsentScope::from_db(&c.scope)?;
            let given_at = store::from_db(c.given_at);
            match LawfulBasis::from_db(&c.basis)? {
                LawfulBasis::Consent => given.push(flows::ConsentRecord {
                    scope,
                    given_at,
                    withdrawn_at: crate::privacy::consent_withdrawn_at(
                        given_at,
                        c.withdrawn_at.map(store::from_db),
                        now,
                    ),
                    recorded_by: Some(c.recorded_by.clone()),
                }),
                other if c.withdrawn_at.is_none() => {
                    for category in categories(scope) {
                        bases.push(flows::LawfulBasisRecord {
                            basis: other,
                            reason: c.reason.clone().unwrap_or_default(),
                            category: *category,
                            recipient: recipient_of(scope),
                            recorded_at: given_at,
                            recorded_by: Some(c.recorded_by.clone()),
                        });
                    }
                }
                _ => {}
            }
        }
        Ok((given, bases))
    }

    /// The victim's needs at court that may be passed on at `now`: those
    /// recorded under a consent record still in force (a consent neither
    /// withdrawn nor lapsed; another lawful basis not withdrawn), each once.
    fn court_needs(
        &self,
        victim_id: &str,
        now: DateTime<Utc>,
    ) -> Vec<flows::court_needs::CourtNeed> {
        let consents = self.consents.get(victim_id).map_or(&[][..], Vec::as_slice);
        let current = |id: &str| {
            consents.iter().any(|c| {
                c.id == id
                    && match LawfulBasis::parse(&c.basis) {
                        Some(LawfulBasis::Consent) => crate::privacy::consent_withdrawn_at(
                            store::from_db(c.given_at),
                            c.withdrawn_at.map(store::from_db),
                            now,
                        )
                        .is_none(),
                        Some(_) => c.withdrawn_at.is_none(),
                        None => false,
                    }
            })
        };
        let mut out = Vec::new();
        for (kind, language, consent) in self
            .court_needs
            .get(victim_id)
            .map_or(&[][..], Vec::as_slice)
        {
            if !current(consent) {
                continue;
            }
            if let Ok(need) = flows::court_needs::CourtNeed::parse(kind, language.as_deref()) {
                if !out.contains(&need) {
                    out.push(need);
                }
            }
        }
        out
    }

    /// The planner's context for one victim and focus.
    fn assemble(
        &self,
        victim_id: &str,
        focus: &Focus,
        now: DateTime<Utc>,
    ) -> AppResult<flows::FlowContext> {
        let v = self.victims.get(victim_id).ok_or_else(not_found)?;
        let hearing_row = match &focus.hearing_id {
            Some(h) => Some(self.hearings.get(h).ok_or_else(not_found)?),
            None => None,
        };
        let case_id = focus
            .case_id
            .clone()
            .or_else(|| hearing_row.map(|h| h.case_id.clone()));
        let case = match &case_id {
            Some(id) => {
                let c = self.cases.get(id).ok_or_else(not_found)?;
                let court_id = c
                    .court_id
                    .as_deref()
                    .or(hearing_row.map(|h| h.court_id.as_str()));
                let court = match court_id {
                    Some(court) => self.court(court)?,
                    None => flows::CourtFacts {
                        name: "court to be confirmed".into(),
                        kind: CourtKind::Combined,
                        in_wales: false,
                    },
                };
                flows::CaseFacts {
                    id: id.clone(),
                    kind: CaseKind::from_db(&c.kind)?,
                    reference: c
                        .urn
                        .clone()
                        .or_else(|| c.case_number.clone())
                        .unwrap_or_default(),
                    wcu_org_id: c.witness_care_unit_id.clone(),
                    court,
                    offence_group: c
                        .offence_group
                        .as_deref()
                        .map(OffenceGroup::from_db)
                        .transpose()?,
                }
            }
            None => flows::CaseFacts {
                id: String::new(),
                kind: CaseKind::Criminal,
                reference: String::new(),
                wcu_org_id: None,
                court: flows::CourtFacts {
                    name: String::new(),
                    kind: CourtKind::Crown,
                    in_wales: false,
                },
                offence_group: None,
            },
        };
        let hearing = match &focus.hearing_id {
            Some(h) => Some(self.hearing(h)?),
            None => None,
        };
        let supporter = self.supporter(victim_id, &case.id)?;
        let (consents, lawful_bases) = self.consents_and_bases(victim_id, now)?;
        let request = match (&focus.attendance_request_id, &focus.hearing_id) {
            (Some(id), _) => self.requests.get(id).map(|r| (id.clone(), r)),
            (None, Some(h)) => self
                .latest_request
                .get(h)
                .and_then(|id| self.requests.get(id).map(|r| (id.clone(), r))),
            _ => None,
        };
        let attendance_request = match request {
            Some((id, (hearing_id, stored))) => {
                let state = match focus.attendance_state_before {
                    Some(s) => s,
                    None => domain::AttendanceState::from_db(stored)?,
                };
                Some(flows::AttendanceRequestFacts {
                    id,
                    hearing_id: Some(hearing_id.clone()),
                    state,
                })
            }
            None => None,
        };
        let told = focus
            .hearing_id
            .as_ref()
            .and_then(|h| self.told.get(h))
            .map(|keys| keys.iter().filter_map(|k| recipient_from_key(k)).collect())
            .unwrap_or_default();
        Ok(flows::FlowContext {
            victim: flows::VictimFacts {
                id: victim_id.to_string(),
                reference: v.reference.clone(),
                enhanced_rights: v.enhanced,
                preferred_language: v.language.clone(),
                is_child: v.is_child,
                name: self.names.get(victim_id).cloned(),
            },
            pre_trial_visit_arranged: case_id.as_ref().is_some_and(|c| self.visits.contains(c)),
            case,
            hearing,
            supporter,
            consents,
            lawful_bases,
            wish_to_accompany_recorded: attendance_request.is_some(),
            attendance_request,
            told_of_hearing: told,
            told_of_slot: focus
                .hearing_id
                .as_ref()
                .and_then(|h| self.told_of_slot.get(h))
                .cloned()
                .unwrap_or_default(),
            upcoming_hearings: Vec::new(),
            court_needs: flows::court_needs::CourtNeedFacts {
                disclosable: self.court_needs(victim_id, now),
                court_days: self.court_need_days.clone(),
            },
            responsible_adults: self.adults.get(victim_id).cloned().unwrap_or_default(),
            partner_languages: self
                .partner_languages(case_id.as_ref().and_then(|c| self.cases.get(c)), v),
        })
    }
}

fn not_found() -> AppError {
    diesel::result::Error::NotFound.into()
}

/// The assignment that makes a victim's supporter: the SPOC first, then
/// the earliest.
fn chosen(assignments: &[Assignment]) -> Option<&Assignment> {
    assignments.iter().min_by(|a, b| {
        b.is_spoc
            .cmp(&a.is_spoc)
            .then(a.starts_on.cmp(&b.starts_on))
    })
}

/// Builds the planner's context for a victim (and a case and hearing).
pub fn load(
    conn: &mut AnyConn,
    victim_id: &str,
    focus: &Focus,
    now: DateTime<Utc>,
) -> AppResult<flows::FlowContext> {
    let mut all = load_all(conn, &[(victim_id, focus)], now)?;
    Ok(all.remove(0))
}

/// Builds the planner's context for each (victim, focus), in order, with a
/// fixed number of queries for the whole set.
pub fn load_all(
    conn: &mut AnyConn,
    wanted: &[(&str, &Focus)],
    now: DateTime<Utc>,
) -> AppResult<Vec<flows::FlowContext>> {
    let known = Known::load(conn, wanted, crate::calendar::london_date(now))?;
    let mut out = Vec::with_capacity(wanted.len());
    for (victim_id, focus) in wanted {
        let mut ctx = known.assemble(victim_id, focus, now)?;
        // Facts only single changes ask for (a visit moved, a supporter
        // changed): read for that victim alone.
        if let Some(prefix) = &focus.visit_slot_prefix {
            ctx.told_of_slot
                .extend(told_of_visit(conn, victim_id, prefix)?);
        }
        if focus.upcoming_hearings {
            ctx.upcoming_hearings = upcoming_hearings(conn, victim_id, now)?;
        }
        out.push(ctx);
    }
    Ok(out)
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

/// The last day of the warned-list window the hearing is on: from the
/// latest court list that named it, if that was a warned list and the
/// hearing's day is still inside the window. A firm or daily list that
/// fixed it since (or a move out of the window) ends it.
pub fn warned_until(
    conn: &mut AnyConn,
    hearing_id: &str,
    starts_at: DateTime<Utc>,
) -> AppResult<Option<NaiveDate>> {
    let windows = warned_windows(conn, &[hearing_id.to_string()])?;
    Ok(windows
        .get(hearing_id)
        .copied()
        .filter(|to| crate::calendar::london_date(starts_at) <= *to))
}

/// For each hearing whose latest court list was a warned list: that
/// window's last day. One query per 500 hearings.
pub fn warned_windows(
    conn: &mut AnyConn,
    hearing_ids: &[String],
) -> AppResult<HashMap<String, NaiveDate>> {
    use crate::store::schema::hearing_confirmations as hc;
    let mut out = HashMap::new();
    for ids in hearing_ids.chunks(crate::store::IN_CHUNK) {
        let rows: Vec<(String, String, Option<NaiveDate>)> = hc::table
            .filter(hc::hearing_id.eq_any(ids))
            .order((
                hc::hearing_id.asc(),
                hc::recorded_at.desc(),
                hc::published_at.desc(),
            ))
            .select((hc::hearing_id, hc::list_kind, hc::warned_to))
            .load(conn)?;
        let mut seen = HashSet::new();
        for (hearing, kind, to) in rows {
            // The latest list that named the hearing decides.
            if seen.insert(hearing.clone()) && kind == "warned" {
                if let Some(to) = to {
                    out.insert(hearing, to);
                }
            }
        }
    }
    Ok(out)
}

/// The notices sent about a pre-trial visit (keys under `prefix`: one
/// arrangement, or all of them), with the start and court each named, in
/// the order they were sent.
fn told_of_visit(
    conn: &mut AnyConn,
    victim_id: &str,
    prefix: &str,
) -> AppResult<Vec<flows::SlotNotice>> {
    let rows: Vec<(String, String, String, String)> = notices::table
        .filter(notices::victim_id.eq(victim_id))
        .filter(notices::idempotency_key.like(format!("{prefix}%")))
        .filter(
            notices::state
                .eq("sent")
                .or(crate::notify::delivery::being_sent()),
        )
        .order((notices::sent_at.asc(), notices::created_at.asc()))
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

/// Who the victim's contact is on `today`: the supporter (SPOC first) and
/// whether they are the single point of contact.
pub fn contact_of(
    conn: &mut AnyConn,
    victim_id: &str,
    today: NaiveDate,
) -> AppResult<Option<(String, bool)>> {
    Ok(supporter_assignments::table
        .filter(supporter_assignments::victim_id.eq(victim_id))
        .filter(crate::store::scope::in_force(today))
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
        .filter(store::upcoming::upcoming_at(now))
        .order((hearings::starts_at.asc(), hearings::id.asc()))
        .select((hearings::id, cases::urn, cases::witness_care_unit_id))
        .load(conn)?;
    let focuses: Vec<Focus> = rows
        .iter()
        .map(|(id, ..)| Focus {
            hearing_id: Some(id.clone()),
            ..Focus::default()
        })
        .collect();
    let wanted: Vec<(&str, &Focus)> = focuses.iter().map(|f| (victim_id, f)).collect();
    let known = Known::load(conn, &wanted, crate::calendar::london_date(now))?;
    rows.into_iter()
        .map(|(id, urn, unit)| {
            Ok(flows::UpcomingHearing {
                hearing: known.hearing(&id)?,
                case_reference: urn.unwrap_or_default(),
                wcu_org_id: unit,
            })
        })
        .collect()
}

/// A notice about a hearing as the planner sees it: the slot (start,
/// court) its data named, who it went to, and whether it is still to go.
/// Notices naming no slot, or to a recipient we cannot read back, are left
/// out.
fn slot_notice(
    key: String,
    recipient: &str,
    step: String,
    state: &str,
    data: &str,
) -> Option<flows::SlotNotice> {
    let data: serde_json::Value = serde_json::from_str(data).ok()?;
    let start = named_start(&data)?;
    Some(flows::SlotNotice {
        key,
        recipient: recipient_from_key(recipient)?,
        step,
        pending: matches!(state, "pending" | "failed"),
        start,
        court: data["court_name"].as_str().map(str::to_owned),
    })
}

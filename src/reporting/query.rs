//! The database side of the report, on the one diesel code path both
//! backends share. The scope (the organisation's victims and their cases)
//! is read once; then each table is read once, in the period, as narrow
//! rows (states, flags, dates and ids), and the figures are counted in
//! memory against the scope, along with the arithmetic SQL cannot do
//! portably (working days, medians). Ids fetched here are used only to
//! match rows and to count distinct cases and victims; nothing but numbers
//! leaves this module.

use std::collections::{BTreeMap, HashMap, HashSet};

use chrono::{DateTime, NaiveDate, NaiveDateTime, Utc};
use diesel::prelude::*;

use super::compute;
use crate::calendar::{self, BankHolidays};
use crate::domain::{AttendanceState, CaseKind, CourtKind, HearingKind, HearingStatus};
use crate::error::AppResult;
use crate::store::schema::{
    attendance_requests as ar, cases, courts, deadlines, flow_warnings, hearings, notices,
    organisations, pre_trial_visits as ptv, special_measures_discussions as smd,
    supporter_assignments as sa, users, victims,
};
use crate::store::{self, AnyConn};

/// The notice step that tells a supporter of a special-measures discussion
/// held without them (see `flows::special_measures`).
pub const STEP_SPECIAL_MEASURES_INFORM: &str = "special_measures.inform_supporter";
/// The notice step that shares a parole milestone with the supporter.
pub const STEP_PAROLE_INFORM: &str = "parole.inform_supporter";
/// Deadline kinds (snake case of `flows::DeadlineKind`) for Right 8.
pub const DEADLINE_TOLD_OF_HEARING: &str = "supporter_told_of_hearing";
pub const DEADLINE_TOLD_OF_OUTCOME: &str = "supporter_told_of_outcome";

/// Which records a report covers: one organisation's victims, a period of
/// London dates (both ends included) and optional court and case filters.
#[derive(Debug, Clone)]
pub struct Scope {
    pub organisation_id: String,
    pub court_id: Option<String>,
    pub court_kind: Option<CourtKind>,
    pub case_kind: Option<CaseKind>,
    pub from: NaiveDate,
    pub to: NaiveDate,
    pub now: DateTime<Utc>,
}

impl Scope {
    fn start_ts(&self) -> NaiveDateTime {
        store::to_db(calendar::start_of_london_day(self.from))
    }
    fn end_ts(&self) -> NaiveDateTime {
        let next = self.to.succ_opt().unwrap_or(self.to);
        store::to_db(calendar::start_of_london_day(next))
    }
    fn now_ts(&self) -> NaiveDateTime {
        store::to_db(self.now)
    }
}

/// Every count the report needs, before suppression.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Counts {
    /// Requests by stored state, hearing already started.
    pub requests_past: BTreeMap<String, i64>,
    /// Requests by stored state, hearing still ahead.
    pub requests_ahead: BTreeMap<String, i64>,
    /// Attended requests that had been allowed with conditions.
    pub attended_with_conditions: i64,
    pub request_cases: i64,
    /// Refusals and directions by reason category (None: not categorised).
    pub reasons: BTreeMap<Option<String>, i64>,
    /// Working days between each request and its hearing.
    pub notice_days: Vec<i64>,
    pub evidence_hearings: i64,
    pub evidence_with_supporter: i64,
    pub evidence_cases: i64,
    pub trials: i64,
    pub trial_cases: i64,
    /// Calendar days between the last visit before a trial and the trial,
    /// one value per trial that had one.
    pub visit_days_before: Vec<i64>,
    pub discussions_with_supporter: i64,
    pub discussions_without_supporter: i64,
    pub discussion_cases: i64,
    /// Working days from each discussion held without the supporter to the
    /// notice telling them, one per discussion whose supporter was told.
    pub inform_days: Vec<i64>,
    pub hearing_dates_on_time: i64,
    pub hearing_dates_late: i64,
    pub hearing_date_victims: i64,
    pub outcomes_on_time: i64,
    pub outcomes_late: i64,
    pub outcome_victims: i64,
    /// Late Right 8 duties by the responsible agency's name.
    pub late_by_agency: BTreeMap<String, i64>,
    pub parole_shared: i64,
    pub parole_withheld: i64,
    pub parole_victims: i64,
    pub notices: BTreeMap<String, i64>,
    pub notice_victims: i64,
    pub deadlines: BTreeMap<String, i64>,
    pub deadline_victims: i64,
}

/// The organisation's victims: those any of its supporters has been
/// assigned to.
macro_rules! org_victims {
    ($s:expr) => {
        sa::table
            .filter(
                sa::supporter_id.eq_any(
                    users::table
                        .filter(users::organisation_id.eq($s.organisation_id.clone()))
                        .select(users::id),
                ),
            )
            .select(sa::victim_id)
    };
}

/// Filters a boxed query by court (`$court`, the court column of the
/// query's own table).
macro_rules! court_filters {
    ($q:ident, $s:expr, $court:expr) => {
        if let Some(c) = &$s.court_id {
            $q = $q.filter($court.eq(c.clone()));
        }
        if let Some(k) = $s.court_kind {
            $q = $q.filter(
                $court.eq_any(
                    courts::table
                        .filter(courts::kind.eq(k.as_str()))
                        .select(courts::id),
                ),
            );
        }
    };
}

/// The case and court filters for a table with its own (nullable) case
/// column, through subqueries on `cases` (the organisation is matched in
/// memory, by the row's victim).
macro_rules! via_case {
    ($q:ident, $s:expr, $case:expr) => {
        if let Some(k) = $s.case_kind {
            $q = $q.filter(
                $case.eq_any(
                    cases::table
                        .filter(cases::kind.eq(k.as_str()))
                        .select(cases::id.nullable()),
                ),
            );
        }
        if let Some(c) = &$s.court_id {
            $q = $q.filter(
                $case.eq_any(
                    cases::table
                        .filter(cases::court_id.eq(c.clone()))
                        .select(cases::id.nullable()),
                ),
            );
        }
        if let Some(k) = $s.court_kind {
            $q = $q.filter(
                $case.eq_any(
                    cases::table
                        .filter(
                            cases::court_id.eq_any(
                                courts::table
                                    .filter(courts::kind.eq(k.as_str()))
                                    .select(courts::id.nullable()),
                            ),
                        )
                        .select(cases::id.nullable()),
                ),
            );
        }
    };
}

/// A case of the organisation's victims, as the figures need it.
struct ScopeCase {
    court_id: Option<String>,
    witness_care_unit_id: Option<String>,
    enhanced_rights: bool,
}

/// The report's scope, read once per report: the organisation's victims
/// and their cases (of the case kind asked for). Each figure's query then
/// reads only its own table in the period and its rows are matched here,
/// in memory, instead of every query re-evaluating the organisation
/// subquery and joining each row to its case.
struct InScope {
    victims: HashSet<String>,
    cases: HashMap<String, ScopeCase>,
    /// The courts of the court kind asked for, if one was.
    kind_courts: Option<HashSet<String>>,
}

impl InScope {
    fn load(conn: &mut AnyConn, s: &Scope) -> AppResult<Self> {
        let victims: Vec<String> = org_victims!(s).load(conn)?;
        let mut q = cases::table
            .inner_join(victims::table)
            .filter(cases::victim_id.eq_any(org_victims!(s)))
            .select((
                cases::id,
                cases::court_id,
                cases::witness_care_unit_id,
                victims::enhanced_rights,
            ))
            .into_boxed();
        if let Some(k) = s.case_kind {
            q = q.filter(cases::kind.eq(k.as_str()));
        }
        let rows: Vec<(String, Option<String>, Option<String>, bool)> = q.load(conn)?;
        let kind_courts = match s.court_kind {
            Some(k) => Some(
                courts::table
                    .filter(courts::kind.eq(k.as_str()))
                    .select(courts::id)
                    .load::<String>(conn)?
                    .into_iter()
                    .collect(),
            ),
            None => None,
        };
        Ok(InScope {
            victims: victims.into_iter().collect(),
            cases: rows
                .into_iter()
                .map(|(id, court_id, witness_care_unit_id, enhanced_rights)| {
                    (
                        id,
                        ScopeCase {
                            court_id,
                            witness_care_unit_id,
                            enhanced_rights,
                        },
                    )
                })
                .collect(),
            kind_courts,
        })
    }

    /// A case in scope, for a figure whose query filters the court on its
    /// own table (hearings).
    fn case(&self, id: &str) -> bool {
        self.cases.contains_key(id)
    }

    /// A case in scope whose own court passes the court filters.
    fn case_at_court(&self, s: &Scope, id: &str) -> Option<&ScopeCase> {
        let c = self.cases.get(id)?;
        if let Some(want) = &s.court_id {
            if c.court_id.as_deref() != Some(want.as_str()) {
                return None;
            }
        }
        if let Some(kind) = &self.kind_courts {
            if !c.court_id.as_ref().is_some_and(|id| kind.contains(id)) {
                return None;
            }
        }
        Some(c)
    }

    fn victim(&self, id: &str) -> bool {
        self.victims.contains(id)
    }
}

/// One row per request whose hearing is in the period.
type RequestRow = (
    String,
    bool,
    Option<String>,
    NaiveDateTime,
    NaiveDateTime,
    String,
    String,
);

/// The request figures, in one pass over the requests whose hearing is in
/// the period. Returns the hearings with an attended request.
fn requests(
    conn: &mut AnyConn,
    s: &Scope,
    scope: &InScope,
    c: &mut Counts,
    holidays: &BankHolidays,
) -> AppResult<HashSet<String>> {
    let mut q = ar::table
        .inner_join(hearings::table)
        .filter(hearings::starts_at.ge(s.start_ts()))
        .filter(hearings::starts_at.lt(s.end_ts()))
        .select((
            ar::state,
            ar::conditions.is_not_null(),
            ar::decision_reason_kind,
            ar::created_at,
            hearings::starts_at,
            hearings::case_id,
            ar::hearing_id,
        ))
        .into_boxed();
    court_filters!(q, s, hearings::court_id);
    let rows: Vec<RequestRow> = q.load(conn)?;
    let now = s.now_ts();
    let attended = AttendanceState::Attended.as_str();
    let needs_reason: HashSet<&str> = AttendanceState::ALL
        .iter()
        .filter(|st| st.needs_reason())
        .map(|st| st.as_str())
        .collect();
    let mut cases_seen: HashSet<&str> = HashSet::new();
    let mut attended_hearings = HashSet::new();
    let mut notice_days = Vec::with_capacity(rows.len());
    for (state, with_conditions, reason, asked, starts, case, hearing) in &rows {
        if !scope.case(case) {
            continue;
        }
        let by_state = if *starts < now {
            &mut c.requests_past
        } else {
            &mut c.requests_ahead
        };
        *by_state.entry(state.clone()).or_default() += 1;
        if state == attended {
            attended_hearings.insert(hearing.clone());
            if *with_conditions {
                c.attended_with_conditions += 1;
            }
        }
        if needs_reason.contains(state.as_str()) {
            *c.reasons.entry(reason.clone()).or_default() += 1;
        }
        cases_seen.insert(case);
        notice_days.push(holidays.working_days_between(
            calendar::london_date(store::from_db(*asked)),
            calendar::london_date(store::from_db(*starts)),
        ));
    }
    c.request_cases = cases_seen.len() as i64;
    c.notice_days = notice_days;
    Ok(attended_hearings)
}

/// The hearing figures, in one pass over the hearings in the period that
/// were not vacated: evidence hearings that have started (and those with
/// an attended request), and trials with the last visit before each.
fn hearings_and_visits(
    conn: &mut AnyConn,
    s: &Scope,
    scope: &InScope,
    attended_hearings: &HashSet<String>,
    c: &mut Counts,
) -> AppResult<()> {
    let mut q = hearings::table
        .filter(hearings::starts_at.ge(s.start_ts()))
        .filter(hearings::starts_at.lt(s.end_ts()))
        .filter(hearings::status.ne(HearingStatus::Vacated.as_str()))
        .select((
            hearings::id,
            hearings::case_id,
            hearings::kind,
            hearings::starts_at,
            hearings::victim_gives_evidence,
        ))
        .into_boxed();
    court_filters!(q, s, hearings::court_id);
    let rows: Vec<(String, String, String, NaiveDateTime, bool)> = q.load(conn)?;
    let now = s.now_ts();
    let trial = HearingKind::Trial.as_str();
    let mut evidence_cases = HashSet::new();
    let mut trial_cases: HashMap<&str, Vec<(&str, NaiveDateTime)>> = HashMap::new();
    for (id, case, kind, starts, evidence) in &rows {
        if !scope.case(case) {
            continue;
        }
        if *evidence && *starts < now {
            c.evidence_hearings += 1;
            evidence_cases.insert(case.as_str());
            if attended_hearings.contains(id) {
                c.evidence_with_supporter += 1;
            }
        }
        if kind == trial {
            c.trials += 1;
            trial_cases.entry(case).or_default().push((id, *starts));
        }
    }
    c.evidence_cases = evidence_cases.len() as i64;
    c.trial_cases = trial_cases.len() as i64;
    if trial_cases.is_empty() {
        return Ok(());
    }
    // Visits (arranged or attended) before the period's end, matched to
    // the trials of their case in memory.
    let visits: Vec<(String, Option<NaiveDateTime>)> = ptv::table
        .filter(ptv::state.eq_any(["arranged", "attended"]))
        .filter(ptv::starts_at.lt(s.end_ts()))
        .select((ptv::case_id, ptv::starts_at))
        .load(conn)?;
    let mut latest: HashMap<&str, (NaiveDate, NaiveDate)> = HashMap::new();
    for (case, visit) in &visits {
        let (Some(trials), Some(visit)) = (trial_cases.get(case.as_str()), visit) else {
            continue;
        };
        for (trial, starts) in trials {
            if visit >= starts {
                continue;
            }
            let trial_day = calendar::london_date(store::from_db(*starts));
            let visit_day = calendar::london_date(store::from_db(*visit));
            let e = latest.entry(trial).or_insert((trial_day, visit_day));
            e.1 = e.1.max(visit_day);
        }
    }
    c.visit_days_before = latest
        .into_values()
        .map(|(trial, visit)| (trial - visit).num_days())
        .collect();
    Ok(())
}

fn discussions(
    conn: &mut AnyConn,
    s: &Scope,
    scope: &InScope,
    c: &mut Counts,
    holidays: &BankHolidays,
) -> AppResult<()> {
    let rows: Vec<(String, NaiveDateTime, bool)> = smd::table
        .filter(smd::held_at.ge(s.start_ts()))
        .filter(smd::held_at.lt(s.end_ts()))
        .select((smd::case_id, smd::held_at, smd::supporter_present))
        .load(conn)?;
    let mut cases_seen = HashSet::new();
    // When each discussion without the supporter was held.
    let mut held: Vec<(&str, NaiveDateTime)> = Vec::new();
    for (case, at, present) in &rows {
        if scope.case_at_court(s, case).is_none() {
            continue;
        }
        cases_seen.insert(case.as_str());
        if *present {
            c.discussions_with_supporter += 1;
        } else {
            c.discussions_without_supporter += 1;
            held.push((case, *at));
        }
    }
    c.discussion_cases = cases_seen.len() as i64;

    // When the supporter was told of each discussion without them (the
    // first sent notice of that step, for the same case, on or after the
    // discussion).
    let case_ids: Vec<&str> = held
        .iter()
        .map(|(id, _)| *id)
        .collect::<HashSet<_>>()
        .into_iter()
        .collect();
    let mut sent: HashMap<String, Vec<NaiveDateTime>> = HashMap::new();
    for chunk in case_ids.chunks(5_000) {
        let rows: Vec<(Option<String>, Option<NaiveDateTime>)> = notices::table
            .filter(notices::step.eq(STEP_SPECIAL_MEASURES_INFORM))
            .filter(notices::case_id.eq_any(chunk))
            .filter(notices::sent_at.is_not_null())
            .select((notices::case_id, notices::sent_at))
            .load(conn)?;
        for (case, at) in rows {
            if let (Some(case), Some(at)) = (case, at) {
                sent.entry(case).or_default().push(at);
            }
        }
    }
    c.inform_days = held
        .iter()
        .filter_map(|(case, at)| {
            let told = sent.get(*case)?.iter().filter(|t| *t >= at).min()?;
            Some(holidays.working_days_between(
                calendar::london_date(store::from_db(*at)),
                calendar::london_date(store::from_db(*told)),
            ))
        })
        .collect();
    Ok(())
}

fn right8(
    conn: &mut AnyConn,
    s: &Scope,
    scope: &InScope,
    c: &mut Counts,
    holidays: &BankHolidays,
) -> AppResult<()> {
    type Row = (
        String,
        NaiveDate,
        Option<NaiveDateTime>,
        Option<String>,
        String,
    );
    let rows: Vec<Row> = deadlines::table
        .filter(deadlines::kind.eq_any([DEADLINE_TOLD_OF_HEARING, DEADLINE_TOLD_OF_OUTCOME]))
        .filter(deadlines::counted_from.ge(s.from))
        .filter(deadlines::counted_from.le(s.to))
        .filter(deadlines::state.eq_any(["met", "missed"]))
        .select((
            deadlines::kind,
            deadlines::counted_from,
            deadlines::met_at,
            deadlines::case_id,
            deadlines::victim_id,
        ))
        .load(conn)?;
    let mut hearing_victims = HashSet::new();
    let mut outcome_victims = HashSet::new();
    let mut late_units: BTreeMap<Option<String>, i64> = BTreeMap::new();
    for (kind, from, met_at, case, victim) in rows {
        let Some(case) = case.as_deref().and_then(|id| scope.case_at_court(s, id)) else {
            continue;
        };
        let outcome = kind == DEADLINE_TOLD_OF_OUTCOME;
        let limit = compute::right8_limit(outcome, case.enhanced_rights);
        let done = met_at.map(|t| calendar::london_date(store::from_db(t)));
        let in_time = compute::on_time(holidays, from, done, limit);
        let (ok, late, units) = if outcome {
            (
                &mut c.outcomes_on_time,
                &mut c.outcomes_late,
                &mut outcome_victims,
            )
        } else {
            (
                &mut c.hearing_dates_on_time,
                &mut c.hearing_dates_late,
                &mut hearing_victims,
            )
        };
        units.insert(victim);
        if in_time {
            *ok += 1;
        } else {
            *late += 1;
            *late_units
                .entry(case.witness_care_unit_id.clone())
                .or_default() += 1;
        }
    }
    c.hearing_date_victims = hearing_victims.len() as i64;
    c.outcome_victims = outcome_victims.len() as i64;
    let ids: Vec<String> = late_units.keys().flatten().cloned().collect();
    let names: HashMap<String, String> = organisations::table
        .filter(organisations::id.eq_any(&ids))
        .select((organisations::id, organisations::name))
        .load::<(String, String)>(conn)?
        .into_iter()
        .collect();
    for (unit, n) in late_units {
        let name = unit
            .and_then(|u| names.get(&u).cloned())
            .unwrap_or_else(|| "No witness care unit recorded".to_string());
        *c.late_by_agency.entry(name).or_default() += n;
    }
    Ok(())
}

/// Counts rows and distinct victims among `victims` in scope.
fn count_victims<'a>(scope: &InScope, victims: impl Iterator<Item = &'a str>) -> (i64, i64) {
    let mut n = 0;
    let mut seen = HashSet::new();
    for v in victims.filter(|v| scope.victim(v)) {
        n += 1;
        seen.insert(v);
    }
    (n, seen.len() as i64)
}

/// The notices (and parole milestones shared) and deadlines in the period:
/// one pass over each table.
fn outbox_and_deadlines(
    conn: &mut AnyConn,
    s: &Scope,
    scope: &InScope,
    c: &mut Counts,
) -> AppResult<()> {
    let mut q = notices::table
        .filter(notices::created_at.ge(s.start_ts()))
        .filter(notices::created_at.lt(s.end_ts()))
        .select((notices::state, notices::step, notices::victim_id))
        .into_boxed();
    via_case!(q, s, notices::case_id);
    let rows: Vec<(String, String, String)> = q.load(conn)?;
    let mut victims_seen = HashSet::new();
    for (state, _, victim) in &rows {
        if scope.victim(victim) {
            *c.notices.entry(state.clone()).or_default() += 1;
            victims_seen.insert(victim.as_str());
        }
    }
    c.notice_victims = victims_seen.len() as i64;

    // Parole milestones shared: any case, so from these rows only when no
    // case or court filter narrowed them.
    let shared = |(state, step, _): &&(String, String, String)| {
        step == STEP_PAROLE_INFORM && state != "cancelled"
    };
    let (shared, victims_shared) =
        if s.case_kind.is_none() && s.court_id.is_none() && s.court_kind.is_none() {
            count_victims(
                scope,
                rows.iter().filter(shared).map(|(_, _, v)| v.as_str()),
            )
        } else {
            let rows: Vec<String> = notices::table
                .filter(notices::step.eq(STEP_PAROLE_INFORM))
                .filter(notices::state.ne("cancelled"))
                .filter(notices::created_at.ge(s.start_ts()))
                .filter(notices::created_at.lt(s.end_ts()))
                .select(notices::victim_id)
                .load(conn)?;
            count_victims(scope, rows.iter().map(String::as_str))
        };
    let rows: Vec<String> = flow_warnings::table
        .filter(flow_warnings::kind.eq("no_consent_to_share"))
        .filter(flow_warnings::detail_json.like("%\"category\":\"parole\"%"))
        .filter(flow_warnings::created_at.ge(s.start_ts()))
        .filter(flow_warnings::created_at.lt(s.end_ts()))
        .select(flow_warnings::victim_id)
        .load(conn)?;
    let (withheld, victims_withheld) = count_victims(scope, rows.iter().map(String::as_str));
    c.parole_shared = shared;
    c.parole_withheld = withheld;
    // A victim in both counts is counted twice here; the threshold only
    // needs a lower bound on distinct victims, so take the larger.
    c.parole_victims = victims_shared.max(victims_withheld);

    let mut q = deadlines::table
        .filter(deadlines::due_date.ge(s.from))
        .filter(deadlines::due_date.le(s.to))
        .select((deadlines::state, deadlines::victim_id))
        .into_boxed();
    via_case!(q, s, deadlines::case_id);
    let rows: Vec<(String, String)> = q.load(conn)?;
    let mut victims_seen = HashSet::new();
    for (state, victim) in &rows {
        if scope.victim(victim) {
            *c.deadlines.entry(state.clone()).or_default() += 1;
            victims_seen.insert(victim.as_str());
        }
    }
    c.deadline_victims = victims_seen.len() as i64;
    Ok(())
}

/// Runs every query of the report: the scope once, then one pass over each
/// table in the period.
pub fn counts(conn: &mut AnyConn, s: &Scope, holidays: &BankHolidays) -> AppResult<Counts> {
    let mut c = Counts::default();
    let scope = InScope::load(conn, s)?;
    let attended_hearings = requests(conn, s, &scope, &mut c, holidays)?;
    hearings_and_visits(conn, s, &scope, &attended_hearings, &mut c)?;
    discussions(conn, s, &scope, &mut c, holidays)?;
    right8(conn, s, &scope, &mut c, holidays)?;
    outbox_and_deadlines(conn, s, &scope, &mut c)?;
    Ok(c)
}

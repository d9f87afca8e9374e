//! The database side of the report, on the one diesel code path both
//! backends share. The scope (the organisation's victims and their cases)
//! is read once; then each table is read once, in the period, as narrow
//! rows (states, flags, dates and ids), and the figures are counted in
//! memory against the scope, along with the arithmetic SQL cannot do
//! portably (working days, medians). Ids fetched here are used only to
//! match rows and to count distinct cases and victims; nothing but numbers
//! leaves this module.

use std::collections::hash_map::Entry;
use std::collections::BTreeMap;

use chrono::{DateTime, NaiveDate, NaiveDateTime, Utc};
use diesel::connection::DefaultLoadingMode;
use diesel::prelude::*;
use rustc_hash::{FxHashMap, FxHashSet};

use super::compute;
use crate::calendar::{self, BankHolidays};
use crate::domain::{AttendanceState, CaseKind, CourtKind, HearingKind, HearingStatus};
use crate::error::AppResult;
use crate::store::read_time::{DbDate, DbTime};
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
/// subquery and joining each row to its case. Each victim and case in
/// scope has a small number (its place in the scope), so distinct victims
/// and cases are counted in a [`Seen`] without keeping their ids.
struct InScope {
    victims: FxHashMap<String, u32>,
    cases: FxHashMap<String, u32>,
    /// The cases in scope, by their number.
    case_rows: Vec<ScopeCase>,
    /// The courts of the court kind asked for, if one was.
    kind_courts: Option<FxHashSet<String>>,
}

impl InScope {
    fn load(conn: &mut AnyConn, s: &Scope) -> AppResult<Self> {
        let mut victims = FxHashMap::default();
        for v in org_victims!(s).load_iter::<String, DefaultLoadingMode>(conn)? {
            let next = victims.len() as u32;
            victims.entry(v?).or_insert(next);
        }
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
        let mut cases = FxHashMap::default();
        let mut case_rows = Vec::new();
        type Row = (String, Option<String>, Option<String>, bool);
        for row in q.load_iter::<Row, DefaultLoadingMode>(conn)? {
            let (id, court_id, witness_care_unit_id, enhanced_rights) = row?;
            if let Entry::Vacant(e) = cases.entry(id) {
                e.insert(case_rows.len() as u32);
                case_rows.push(ScopeCase {
                    court_id,
                    witness_care_unit_id,
                    enhanced_rights,
                });
            }
        }
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
            victims,
            cases,
            case_rows,
            kind_courts,
        })
    }

    /// A case in scope (its number), for a figure whose query filters the
    /// court on its own table (hearings).
    fn case(&self, id: &str) -> Option<u32> {
        self.cases.get(id).copied()
    }

    /// A case in scope whose own court passes the court filters.
    fn case_at_court(&self, s: &Scope, id: &str) -> Option<(u32, &ScopeCase)> {
        let n = self.case(id)?;
        let c = &self.case_rows[n as usize];
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
        Some((n, c))
    }

    /// A victim in scope (their number).
    fn victim(&self, id: &str) -> Option<u32> {
        self.victims.get(id).copied()
    }

    fn seen_victims(&self) -> Seen {
        Seen::new(self.victims.len())
    }

    fn seen_cases(&self) -> Seen {
        Seen::new(self.cases.len())
    }
}

/// Distinct victims or cases of the scope, by their number.
struct Seen {
    seen: Vec<bool>,
    distinct: i64,
    /// Ids outside the scope, where a figure counts them too.
    outside: FxHashSet<String>,
}

impl Seen {
    fn new(n: usize) -> Self {
        Seen {
            seen: vec![false; n],
            distinct: 0,
            outside: FxHashSet::default(),
        }
    }

    fn add(&mut self, n: u32) {
        let seen = &mut self.seen[n as usize];
        if !*seen {
            *seen = true;
            self.distinct += 1;
        }
    }

    fn add_outside(&mut self, id: &str) {
        if !self.outside.contains(id) {
            self.outside.insert(id.to_owned());
        }
    }

    /// Distinct ids seen, in scope or not.
    fn total(&self) -> i64 {
        self.distinct + self.outside.len() as i64
    }
}

/// A hearing in the period (court filters passed) whose case is in scope,
/// as its requests are counted against it.
struct PeriodHearing {
    case: u32,
    /// Started before the report's now.
    started: bool,
    /// Counts for the evidence-with-supporter figure once it has an
    /// attended request: the victim gives evidence, it was not vacated
    /// and it has started.
    evidence: bool,
    /// The London day it starts.
    day: NaiveDate,
}

/// The requests of the period's hearings are read by one scan of
/// `attendance_requests`, matched to the hearings in memory, when the
/// period holds at least this share (1/n) of all requests' worth of
/// hearings; otherwise each hearing's requests are looked up through the
/// `attendance_requests_hearing` index (a join). A lookup costs several
/// times a scanned row, so the scan wins for long periods and the join
/// for short ones over a long history.
const SCAN_REQUESTS_BELOW: usize = 4;

/// How the period's requests are read: as [`SCAN_REQUESTS_BELOW`] chooses,
/// or one way or the other (both give the same counts; a test holds them
/// to it).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RequestRead {
    Chosen,
    Scan,
    Join,
}

/// One request: its hearing, state, whether it was allowed with
/// conditions, its reason category, and when it was made.
type RequestRow = (String, String, bool, Option<String>, DbTime);

/// The hearing and request figures: one pass over the hearings in the
/// period (evidence hearings that have started, trials), one over their
/// requests (by state, reasons, notice given, evidence hearings with the
/// supporter there), then the last visit before each trial.
fn hearings_requests_and_visits(
    conn: &mut AnyConn,
    s: &Scope,
    scope: &InScope,
    c: &mut Counts,
    holidays: &BankHolidays,
    how: RequestRead,
) -> AppResult<()> {
    let mut q = hearings::table
        .filter(hearings::starts_at.ge(s.start_ts()))
        .filter(hearings::starts_at.lt(s.end_ts()))
        .select((
            hearings::id,
            hearings::case_id,
            hearings::kind.eq(HearingKind::Trial.as_str()),
            hearings::starts_at,
            hearings::victim_gives_evidence,
            hearings::status.ne(HearingStatus::Vacated.as_str()),
        ))
        .into_boxed();
    court_filters!(q, s, hearings::court_id);
    let now = s.now_ts();
    let mut evidence_cases = scope.seen_cases();
    // The trials of each case in scope: (the trial's number, its start).
    let mut trial_cases: FxHashMap<u32, Vec<(usize, NaiveDateTime)>> = FxHashMap::default();
    // The period's hearings in scope, by id (a number into `period`).
    let mut by_id: FxHashMap<String, u32> = FxHashMap::default();
    let mut period: Vec<PeriodHearing> = Vec::new();
    let mut read = 0usize;
    type Row = (String, String, bool, DbTime, bool, bool);
    for row in q.load_iter::<Row, DefaultLoadingMode>(conn)? {
        let (id, case, trial, DbTime(starts), evidence, held) = row?;
        read += 1;
        let Some(case) = scope.case(&case) else {
            continue;
        };
        let started = starts < now;
        if held && evidence && started {
            c.evidence_hearings += 1;
            evidence_cases.add(case);
        }
        if held && trial {
            trial_cases
                .entry(case)
                .or_default()
                .push((c.trials as usize, starts));
            c.trials += 1;
        }
        by_id.insert(id, period.len() as u32);
        period.push(PeriodHearing {
            case,
            started,
            evidence: held && evidence && started,
            day: calendar::london_date(store::from_db(starts)),
        });
    }
    c.evidence_cases = evidence_cases.distinct;
    c.trial_cases = trial_cases.len() as i64;

    if !period.is_empty() {
        let mut counter = RequestCounter {
            by_id: &by_id,
            period: &period,
            cases_seen: scope.seen_cases(),
            with_supporter: vec![false; period.len()],
            needs_reason: AttendanceState::ALL
                .iter()
                .filter(|st| st.needs_reason())
                .map(|st| st.as_str())
                .collect(),
            holidays,
            c: &mut *c,
        };
        let scan = match how {
            RequestRead::Scan => true,
            RequestRead::Join => false,
            RequestRead::Chosen => {
                let all: i64 = ar::table.count().get_result(conn)?;
                read.saturating_mul(SCAN_REQUESTS_BELOW)
                    >= usize::try_from(all).unwrap_or(usize::MAX)
            }
        };
        if scan {
            let q = ar::table.select((
                ar::hearing_id,
                ar::state,
                ar::conditions.is_not_null(),
                ar::decision_reason_kind,
                ar::created_at,
            ));
            for row in q.load_iter::<RequestRow, DefaultLoadingMode>(conn)? {
                counter.add(row?);
            }
        } else {
            let mut q = ar::table
                .inner_join(hearings::table)
                .filter(hearings::starts_at.ge(s.start_ts()))
                .filter(hearings::starts_at.lt(s.end_ts()))
                .select((
                    ar::hearing_id,
                    ar::state,
                    ar::conditions.is_not_null(),
                    ar::decision_reason_kind,
                    ar::created_at,
                ))
                .into_boxed();
            court_filters!(q, s, hearings::court_id);
            for row in q.load_iter::<RequestRow, DefaultLoadingMode>(conn)? {
                counter.add(row?);
            }
        }
        let RequestCounter {
            cases_seen,
            with_supporter,
            ..
        } = counter;
        c.request_cases = cases_seen.distinct;
        c.evidence_with_supporter = with_supporter.iter().filter(|w| **w).count() as i64;
    }

    if trial_cases.is_empty() {
        return Ok(());
    }
    // Visits (arranged or attended) before the period's end, matched to
    // the trials of their case in memory.
    let visits = ptv::table
        .filter(ptv::state.eq_any(["arranged", "attended"]))
        .filter(ptv::starts_at.lt(s.end_ts()))
        .select((ptv::case_id, ptv::starts_at));
    let mut latest: FxHashMap<usize, (NaiveDate, NaiveDate)> = FxHashMap::default();
    for row in visits.load_iter::<(String, Option<DbTime>), DefaultLoadingMode>(conn)? {
        let (case, visit) = row?;
        let visit = visit.map(|DbTime(t)| t);
        let (Some(trials), Some(visit)) = (
            scope.case(&case).and_then(|case| trial_cases.get(&case)),
            visit,
        ) else {
            continue;
        };
        for (trial, starts) in trials {
            if visit >= *starts {
                continue;
            }
            let trial_day = calendar::london_date(store::from_db(*starts));
            let visit_day = calendar::london_date(store::from_db(visit));
            let e = latest.entry(*trial).or_insert((trial_day, visit_day));
            e.1 = e.1.max(visit_day);
        }
    }
    c.visit_days_before = latest
        .into_values()
        .map(|(trial, visit)| (trial - visit).num_days())
        .collect();
    Ok(())
}

/// Counts each request of a hearing in the period, in scope.
struct RequestCounter<'a> {
    by_id: &'a FxHashMap<String, u32>,
    period: &'a [PeriodHearing],
    cases_seen: Seen,
    /// By hearing number: an evidence hearing with an attended request.
    with_supporter: Vec<bool>,
    needs_reason: Vec<&'static str>,
    holidays: &'a BankHolidays,
    c: &'a mut Counts,
}

impl RequestCounter<'_> {
    fn add(&mut self, (hearing, state, with_conditions, reason, DbTime(asked)): RequestRow) {
        let Some(&n) = self.by_id.get(&hearing) else {
            return;
        };
        let h = &self.period[n as usize];
        let c = &mut *self.c;
        self.cases_seen.add(h.case);
        if state == AttendanceState::Attended.as_str() {
            if with_conditions {
                c.attended_with_conditions += 1;
            }
            if h.evidence {
                self.with_supporter[n as usize] = true;
            }
        }
        if self.needs_reason.contains(&state.as_str()) {
            *c.reasons.entry(reason).or_default() += 1;
        }
        c.notice_days.push(
            self.holidays
                .working_days_between(calendar::london_date(store::from_db(asked)), h.day),
        );
        let by_state = if h.started {
            &mut c.requests_past
        } else {
            &mut c.requests_ahead
        };
        *by_state.entry(state).or_default() += 1;
    }
}

fn discussions(
    conn: &mut AnyConn,
    s: &Scope,
    scope: &InScope,
    c: &mut Counts,
    holidays: &BankHolidays,
) -> AppResult<()> {
    let rows: Vec<(String, DbTime, bool)> = smd::table
        .filter(smd::held_at.ge(s.start_ts()))
        .filter(smd::held_at.lt(s.end_ts()))
        .select((smd::case_id, smd::held_at, smd::supporter_present))
        .load(conn)?;
    let mut cases_seen = scope.seen_cases();
    // When each discussion without the supporter was held.
    let mut held: Vec<(&str, NaiveDateTime)> = Vec::new();
    for (case, DbTime(at), present) in &rows {
        let Some((n, _)) = scope.case_at_court(s, case) else {
            continue;
        };
        cases_seen.add(n);
        if *present {
            c.discussions_with_supporter += 1;
        } else {
            c.discussions_without_supporter += 1;
            held.push((case, *at));
        }
    }
    c.discussion_cases = cases_seen.distinct;

    // When the supporter was told of each discussion without them (the
    // first sent notice of that step, for the same case, on or after the
    // discussion).
    let case_ids: Vec<&str> = held
        .iter()
        .map(|(id, _)| *id)
        .collect::<FxHashSet<_>>()
        .into_iter()
        .collect();
    let mut sent: FxHashMap<String, Vec<NaiveDateTime>> = FxHashMap::default();
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
    /// Whether the duty is the outcome's, counted from, met at, case,
    /// victim.
    type Row = (bool, DbDate, Option<DbTime>, Option<String>, String);
    let rows = deadlines::table
        .filter(deadlines::kind.eq_any([DEADLINE_TOLD_OF_HEARING, DEADLINE_TOLD_OF_OUTCOME]))
        .filter(deadlines::counted_from.ge(s.from))
        .filter(deadlines::counted_from.le(s.to))
        .filter(deadlines::state.eq_any(["met", "missed"]))
        .select((
            deadlines::kind.eq(DEADLINE_TOLD_OF_OUTCOME),
            deadlines::counted_from,
            deadlines::met_at,
            deadlines::case_id,
            deadlines::victim_id,
        ));
    let mut hearing_victims = scope.seen_victims();
    let mut outcome_victims = scope.seen_victims();
    // Late duties by the case's witness care unit (by case number, so
    // each row borrows nothing).
    let mut late_units: BTreeMap<Option<&str>, i64> = BTreeMap::new();
    let mut late_cases: Vec<u32> = Vec::new();
    for row in rows.load_iter::<Row, DefaultLoadingMode>(conn)? {
        let (outcome, DbDate(from), met_at, case, victim) = row?;
        let Some((n, case)) = case.as_deref().and_then(|id| scope.case_at_court(s, id)) else {
            continue;
        };
        let limit = compute::right8_limit(outcome, case.enhanced_rights);
        let done = met_at.map(|DbTime(t)| calendar::london_date(store::from_db(t)));
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
        // The deadline's own victim, counted only when in scope (as the
        // set of victim ids counted every row whose case was).
        match scope.victim(&victim) {
            Some(v) => units.add(v),
            None => units.add_outside(&victim),
        }
        if in_time {
            *ok += 1;
        } else {
            *late += 1;
            late_cases.push(n);
        }
    }
    c.hearing_date_victims = hearing_victims.total();
    c.outcome_victims = outcome_victims.total();
    for n in late_cases {
        let unit = scope.case_rows[n as usize].witness_care_unit_id.as_deref();
        *late_units.entry(unit).or_default() += 1;
    }
    let ids: Vec<&str> = late_units.keys().flatten().copied().collect();
    let names: FxHashMap<String, String> = organisations::table
        .filter(organisations::id.eq_any(&ids))
        .select((organisations::id, organisations::name))
        .load::<(String, String)>(conn)?
        .into_iter()
        .collect();
    for (unit, n) in late_units {
        let name = unit
            .and_then(|u| names.get(u).cloned())
            .unwrap_or_else(|| "No witness care unit recorded".to_string());
        *c.late_by_agency.entry(name).or_default() += n;
    }
    Ok(())
}

/// Counts rows and distinct victims among `victims` in scope.
fn count_victims(
    scope: &InScope,
    victims: impl Iterator<Item = QueryResult<String>>,
) -> AppResult<(i64, i64)> {
    let mut n = 0;
    let mut seen = scope.seen_victims();
    for v in victims {
        if let Some(v) = scope.victim(&v?) {
            n += 1;
            seen.add(v);
        }
    }
    Ok((n, seen.distinct))
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
        .select((
            notices::state,
            notices::step.eq(STEP_PAROLE_INFORM),
            notices::victim_id,
        ))
        .into_boxed();
    via_case!(q, s, notices::case_id);
    // Parole milestones shared: any case, so from these rows only when no
    // case or court filter narrowed them.
    let unfiltered = s.case_kind.is_none() && s.court_id.is_none() && s.court_kind.is_none();
    let mut victims_seen = scope.seen_victims();
    let mut shared = 0;
    let mut victims_shared = scope.seen_victims();
    for row in q.load_iter::<(String, bool, String), DefaultLoadingMode>(conn)? {
        let (state, parole, victim) = row?;
        let Some(v) = scope.victim(&victim) else {
            continue;
        };
        victims_seen.add(v);
        if unfiltered && parole && state != "cancelled" {
            shared += 1;
            victims_shared.add(v);
        }
        *c.notices.entry(state).or_default() += 1;
    }
    c.notice_victims = victims_seen.distinct;
    let (shared, victims_shared) = if unfiltered {
        (shared, victims_shared.distinct)
    } else {
        let rows = notices::table
            .filter(notices::step.eq(STEP_PAROLE_INFORM))
            .filter(notices::state.ne("cancelled"))
            .filter(notices::created_at.ge(s.start_ts()))
            .filter(notices::created_at.lt(s.end_ts()))
            .select(notices::victim_id);
        count_victims(scope, rows.load_iter::<String, DefaultLoadingMode>(conn)?)?
    };
    let rows = flow_warnings::table
        .filter(flow_warnings::kind.eq("no_consent_to_share"))
        .filter(flow_warnings::detail_json.like("%\"category\":\"parole\"%"))
        .filter(flow_warnings::created_at.ge(s.start_ts()))
        .filter(flow_warnings::created_at.lt(s.end_ts()))
        .select(flow_warnings::victim_id);
    let (withheld, victims_withheld) =
        count_victims(scope, rows.load_iter::<String, DefaultLoadingMode>(conn)?)?;
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
    let mut victims_seen = scope.seen_victims();
    for row in q.load_iter::<(String, String), DefaultLoadingMode>(conn)? {
        let (state, victim) = row?;
        if let Some(v) = scope.victim(&victim) {
            *c.deadlines.entry(state).or_default() += 1;
            victims_seen.add(v);
        }
    }
    c.deadline_victims = victims_seen.distinct;
    Ok(())
}

/// Runs every query of the report: the scope once, then one pass over each
/// table in the period.
pub fn counts(conn: &mut AnyConn, s: &Scope, holidays: &BankHolidays) -> AppResult<Counts> {
    counts_reading(conn, s, holidays, RequestRead::Chosen)
}

/// [`counts`], with the period's requests read as `how` says.
pub fn counts_reading(
    conn: &mut AnyConn,
    s: &Scope,
    holidays: &BankHolidays,
    how: RequestRead,
) -> AppResult<Counts> {
    let mut c = Counts::default();
    let scope = InScope::load(conn, s)?;
    hearings_requests_and_visits(conn, s, &scope, &mut c, holidays, how)?;
    discussions(conn, s, &scope, &mut c, holidays)?;
    right8(conn, s, &scope, &mut c, holidays)?;
    outbox_and_deadlines(conn, s, &scope, &mut c)?;
    Ok(c)
}

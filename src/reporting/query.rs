//! The database side of the report: grouped counts (`GROUP BY` + `COUNT`)
//! on the one diesel code path both backends share, plus a few narrow
//! projections of dates for the arithmetic SQL cannot do portably (working
//! days, medians). Ids fetched here are used only to match rows and to
//! count distinct cases; nothing but numbers leaves this module.

use std::collections::{BTreeMap, HashMap, HashSet};

use chrono::{DateTime, NaiveDate, NaiveDateTime, Utc};
use diesel::dsl::{count, count_star};
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

/// Filters a boxed query joined to `cases` by organisation, case kind and
/// court (`$court`, the court column that applies, with `$court_id` the
/// matching selection of court ids).
macro_rules! case_filters {
    ($q:ident, $s:expr, $court:expr, $court_id:expr) => {
        $q = $q.filter(cases::victim_id.eq_any(org_victims!($s)));
        if let Some(k) = $s.case_kind {
            $q = $q.filter(cases::kind.eq(k.as_str()));
        }
        if let Some(c) = &$s.court_id {
            $q = $q.filter($court.eq(c.clone()));
        }
        if let Some(k) = $s.court_kind {
            $q = $q.filter(
                $court.eq_any(
                    courts::table
                        .filter(courts::kind.eq(k.as_str()))
                        .select($court_id),
                ),
            );
        }
    };
}

/// The same filters for a table with its own (nullable) case and victim
/// columns, through subqueries.
macro_rules! via_case {
    ($q:ident, $s:expr, $case:expr, $victim:expr) => {
        $q = $q.filter($victim.eq_any(org_victims!($s)));
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

/// Requests whose hearing starts in the period, with the hearing's court.
macro_rules! requests_in_period {
    ($s:expr) => {
        ar::table
            .inner_join(hearings::table.inner_join(cases::table))
            .filter(hearings::starts_at.ge($s.start_ts()))
            .filter(hearings::starts_at.lt($s.end_ts()))
    };
}

/// One row per request whose hearing is in the period: everything the
/// request figures need, read in one pass (the join is the costly part,
/// so it is made once, not once per figure).
type RequestRow = (
    String,
    bool,
    Option<String>,
    NaiveDateTime,
    NaiveDateTime,
    String,
);

fn requests(
    conn: &mut AnyConn,
    s: &Scope,
    c: &mut Counts,
    holidays: &BankHolidays,
) -> AppResult<()> {
    let mut q = requests_in_period!(s)
        .select((
            ar::state,
            ar::conditions.is_not_null(),
            ar::decision_reason_kind,
            ar::created_at,
            hearings::starts_at,
            cases::id,
        ))
        .into_boxed();
    case_filters!(q, s, hearings::court_id, courts::id);
    let rows: Vec<RequestRow> = q.load(conn)?;
    let now = s.now_ts();
    let attended = AttendanceState::Attended.as_str();
    let needs_reason: HashSet<&str> = AttendanceState::ALL
        .iter()
        .filter(|st| st.needs_reason())
        .map(|st| st.as_str())
        .collect();
    let mut cases_seen: HashSet<&str> = HashSet::new();
    let mut notice_days = Vec::with_capacity(rows.len());
    for (state, with_conditions, reason, asked, starts, case) in &rows {
        let by_state = if *starts < now {
            &mut c.requests_past
        } else {
            &mut c.requests_ahead
        };
        *by_state.entry(state.clone()).or_default() += 1;
        if state == attended && *with_conditions {
            c.attended_with_conditions += 1;
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
    Ok(())
}

/// Hearings in the period that have started and were not vacated.
macro_rules! held_hearings {
    ($s:expr) => {
        hearings::table
            .inner_join(cases::table)
            .filter(hearings::starts_at.ge($s.start_ts()))
            .filter(hearings::starts_at.lt($s.end_ts()))
            .filter(hearings::starts_at.lt($s.now_ts()))
            .filter(hearings::status.ne(HearingStatus::Vacated.as_str()))
    };
}

fn evidence(conn: &mut AnyConn, s: &Scope, c: &mut Counts) -> AppResult<()> {
    let mut q = held_hearings!(s)
        .filter(hearings::victim_gives_evidence.eq(true))
        .group_by(hearings::victim_gives_evidence)
        .select((count_star(), count(cases::id).aggregate_distinct()))
        .into_boxed();
    case_filters!(q, s, hearings::court_id, courts::id);
    let rows: Vec<(i64, i64)> = q.load(conn)?;
    (c.evidence_hearings, c.evidence_cases) = rows.first().copied().unwrap_or((0, 0));
    let mut q = held_hearings!(s)
        .filter(hearings::victim_gives_evidence.eq(true))
        .filter(
            hearings::id.eq_any(
                ar::table
                    .filter(ar::state.eq(AttendanceState::Attended.as_str()))
                    .select(ar::hearing_id),
            ),
        )
        .select(count_star())
        .into_boxed();
    case_filters!(q, s, hearings::court_id, courts::id);
    c.evidence_with_supporter = q.first(conn)?;
    Ok(())
}

/// Trials in the period (not vacated), whether or not they have started.
macro_rules! trials {
    ($s:expr) => {
        hearings::table
            .filter(hearings::kind.eq(HearingKind::Trial.as_str()))
            .filter(hearings::starts_at.ge($s.start_ts()))
            .filter(hearings::starts_at.lt($s.end_ts()))
            .filter(hearings::status.ne(HearingStatus::Vacated.as_str()))
    };
}

fn visits(conn: &mut AnyConn, s: &Scope, c: &mut Counts) -> AppResult<()> {
    let mut q = trials!(s)
        .inner_join(cases::table)
        .group_by(hearings::kind)
        .select((count_star(), count(cases::id).aggregate_distinct()))
        .into_boxed();
    case_filters!(q, s, hearings::court_id, courts::id);
    let rows: Vec<(i64, i64)> = q.load(conn)?;
    (c.trials, c.trial_cases) = rows.first().copied().unwrap_or((0, 0));
    let mut q = trials!(s)
        .inner_join(cases::table.inner_join(ptv::table))
        .filter(ptv::state.eq_any(["arranged", "attended"]))
        .filter(ptv::starts_at.lt(hearings::starts_at.nullable()))
        .select((hearings::id, hearings::starts_at, ptv::starts_at))
        .into_boxed();
    case_filters!(q, s, hearings::court_id, courts::id);
    let rows: Vec<(String, NaiveDateTime, Option<NaiveDateTime>)> = q.load(conn)?;
    let mut latest: HashMap<String, (NaiveDate, NaiveDate)> = HashMap::new();
    for (trial, starts, visit) in rows {
        let Some(visit) = visit else { continue };
        let trial_day = calendar::london_date(store::from_db(starts));
        let visit_day = calendar::london_date(store::from_db(visit));
        let e = latest.entry(trial).or_insert((trial_day, visit_day));
        e.1 = e.1.max(visit_day);
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
    c: &mut Counts,
    holidays: &BankHolidays,
) -> AppResult<()> {
    macro_rules! held {
        () => {
            smd::table
                .inner_join(cases::table)
                .filter(smd::held_at.ge(s.start_ts()))
                .filter(smd::held_at.lt(s.end_ts()))
        };
    }
    let mut q = held!()
        .group_by(smd::supporter_present)
        .select((smd::supporter_present, count_star()))
        .into_boxed();
    case_filters!(q, s, cases::court_id, courts::id.nullable());
    let rows: Vec<(bool, i64)> = q.load(conn)?;
    for (present, n) in rows {
        if present {
            c.discussions_with_supporter = n;
        } else {
            c.discussions_without_supporter = n;
        }
    }
    let mut q = held!()
        .select(count(cases::id).aggregate_distinct())
        .into_boxed();
    case_filters!(q, s, cases::court_id, courts::id.nullable());
    c.discussion_cases = q.first(conn)?;

    // When each discussion without the supporter was held, and when the
    // supporter was told (the first sent notice of that step, for the
    // same case, on or after the discussion).
    let mut q = held!()
        .filter(smd::supporter_present.eq(false))
        .select((smd::case_id, smd::held_at))
        .into_boxed();
    case_filters!(q, s, cases::court_id, courts::id.nullable());
    let held: Vec<(String, NaiveDateTime)> = q.load(conn)?;
    let case_ids: Vec<String> = held
        .iter()
        .map(|(id, _)| id.clone())
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
            let told = sent.get(case)?.iter().filter(|t| *t >= at).min()?;
            Some(holidays.working_days_between(
                calendar::london_date(store::from_db(*at)),
                calendar::london_date(store::from_db(*told)),
            ))
        })
        .collect();
    Ok(())
}

fn right8(conn: &mut AnyConn, s: &Scope, c: &mut Counts, holidays: &BankHolidays) -> AppResult<()> {
    let mut q = deadlines::table
        .inner_join(cases::table.inner_join(victims::table))
        .filter(deadlines::kind.eq_any([DEADLINE_TOLD_OF_HEARING, DEADLINE_TOLD_OF_OUTCOME]))
        .filter(deadlines::counted_from.ge(s.from))
        .filter(deadlines::counted_from.le(s.to))
        .filter(deadlines::state.eq_any(["met", "missed"]))
        .select((
            deadlines::kind,
            deadlines::counted_from,
            deadlines::met_at,
            victims::enhanced_rights,
            cases::witness_care_unit_id,
            deadlines::victim_id,
        ))
        .into_boxed();
    case_filters!(q, s, cases::court_id, courts::id.nullable());
    type Row = (
        String,
        NaiveDate,
        Option<NaiveDateTime>,
        bool,
        Option<String>,
        String,
    );
    let rows: Vec<Row> = q.load(conn)?;
    let mut hearing_victims = HashSet::new();
    let mut outcome_victims = HashSet::new();
    let mut late_units: BTreeMap<Option<String>, i64> = BTreeMap::new();
    for (kind, from, met_at, enhanced, unit, victim) in rows {
        let outcome = kind == DEADLINE_TOLD_OF_OUTCOME;
        let limit = compute::right8_limit(outcome, enhanced);
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
            *late_units.entry(unit).or_default() += 1;
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

fn parole(conn: &mut AnyConn, s: &Scope, c: &mut Counts) -> AppResult<()> {
    let (shared, victims_shared): (i64, i64) = notices::table
        .filter(notices::step.eq(STEP_PAROLE_INFORM))
        .filter(notices::state.ne("cancelled"))
        .filter(notices::created_at.ge(s.start_ts()))
        .filter(notices::created_at.lt(s.end_ts()))
        .filter(notices::victim_id.eq_any(org_victims!(s)))
        .select((count_star(), count(notices::victim_id).aggregate_distinct()))
        .first(conn)?;
    let (withheld, victims_withheld): (i64, i64) = flow_warnings::table
        .filter(flow_warnings::kind.eq("no_consent_to_share"))
        .filter(flow_warnings::detail_json.like("%\"category\":\"parole\"%"))
        .filter(flow_warnings::created_at.ge(s.start_ts()))
        .filter(flow_warnings::created_at.lt(s.end_ts()))
        .filter(flow_warnings::victim_id.eq_any(org_victims!(s)))
        .select((
            count_star(),
            count(flow_warnings::victim_id).aggregate_distinct(),
        ))
        .first(conn)?;
    c.parole_shared = shared;
    c.parole_withheld = withheld;
    // A victim in both counts is counted twice here; the threshold only
    // needs a lower bound on distinct victims, so take the larger.
    c.parole_victims = victims_shared.max(victims_withheld);
    Ok(())
}

fn outbox_and_deadlines(conn: &mut AnyConn, s: &Scope, c: &mut Counts) -> AppResult<()> {
    let mut q = notices::table
        .filter(notices::created_at.ge(s.start_ts()))
        .filter(notices::created_at.lt(s.end_ts()))
        .group_by(notices::state)
        .select((notices::state, count_star()))
        .into_boxed();
    via_case!(q, s, notices::case_id, notices::victim_id);
    let rows: Vec<(String, i64)> = q.load(conn)?;
    c.notices.extend(rows);
    let mut q = notices::table
        .filter(notices::created_at.ge(s.start_ts()))
        .filter(notices::created_at.lt(s.end_ts()))
        .select(count(notices::victim_id).aggregate_distinct())
        .into_boxed();
    via_case!(q, s, notices::case_id, notices::victim_id);
    c.notice_victims = q.first(conn)?;

    let mut q = deadlines::table
        .filter(deadlines::due_date.ge(s.from))
        .filter(deadlines::due_date.le(s.to))
        .group_by(deadlines::state)
        .select((deadlines::state, count_star()))
        .into_boxed();
    via_case!(q, s, deadlines::case_id, deadlines::victim_id);
    let rows: Vec<(String, i64)> = q.load(conn)?;
    c.deadlines.extend(rows);
    let mut q = deadlines::table
        .filter(deadlines::due_date.ge(s.from))
        .filter(deadlines::due_date.le(s.to))
        .select(count(deadlines::victim_id).aggregate_distinct())
        .into_boxed();
    via_case!(q, s, deadlines::case_id, deadlines::victim_id);
    c.deadline_victims = q.first(conn)?;
    Ok(())
}

/// Runs every query of the report.
pub fn counts(conn: &mut AnyConn, s: &Scope, holidays: &BankHolidays) -> AppResult<Counts> {
    let mut c = Counts::default();
    requests(conn, s, &mut c, holidays)?;
    evidence(conn, s, &mut c)?;
    visits(conn, s, &mut c)?;
    discussions(conn, s, &mut c, holidays)?;
    right8(conn, s, &mut c, holidays)?;
    parole(conn, s, &mut c)?;
    outbox_and_deadlines(conn, s, &mut c)?;
    Ok(c)
}

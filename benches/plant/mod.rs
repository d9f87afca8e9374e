//! Plants a large, realistic-looking history for the benchmarks: 20
//! events per case (three hearings with their attendance requests, a
//! pre-trial visit, a special-measures discussion, six notices and six
//! deadlines) over the two years from 1 July 2024, spread across the
//! seeded supporters and courts. Shared by `report` and `agenda`.

use chrono::{NaiveDate, NaiveDateTime};
use courtside::store::schema::{
    attendance_requests as ar, cases, courts, deadlines, hearings, notices, organisations,
    pre_trial_visits as ptv, special_measures_discussions as smd, supporter_assignments as sa,
    users, victims,
};
use courtside::store::{self, AnyConn};
use diesel::prelude::*;

/// Events planted per case.
pub const PER_CASE: usize = 20;
/// Rows per multi-row insert.
pub const CHUNK: usize = 500;

pub struct Fixed {
    pub supporters: Vec<String>,
    pub wcu: String,
    pub courts: Vec<String>,
}

pub fn fixed(conn: &mut AnyConn) -> Fixed {
    let supporters = users::table
        .filter(users::role.eq("supporter"))
        .order(users::email.asc())
        .select(users::id)
        .load(conn)
        .expect("supporters");
    let wcu = organisations::table
        .filter(organisations::kind.eq("witness_care_unit"))
        .order(organisations::name.asc())
        .select(organisations::id)
        .first(conn)
        .expect("a witness care unit");
    let courts = courts::table
        .order(courts::name.asc())
        .limit(12)
        .select(courts::id)
        .load(conn)
        .expect("courts");
    Fixed {
        supporters,
        wcu,
        courts,
    }
}

pub fn day0() -> NaiveDate {
    NaiveDate::from_ymd_opt(2024, 7, 1).unwrap()
}

pub fn ts(d: NaiveDate, h: u32) -> NaiveDateTime {
    d.and_hms_opt(h, 0, 0).unwrap()
}

/// Plants cases `from..to` with their 20 events each, in one transaction.
pub fn plant(conn: &mut AnyConn, f: &Fixed, from: usize, to: usize) {
    let created = ts(day0(), 9);
    let states = [
        "requested",
        "wcu_informed",
        "cps_informed",
        "allowed",
        "allowed_with_conditions",
        "refused",
        "attended",
        "attended",
        "withdrawn",
        "directed_need_not_attend",
    ];
    let reasons = [
        Some("not_in_interests_of_justice"),
        Some("room_or_facilities"),
        None,
        Some("other"),
    ];
    let notice_states = [
        "sent",
        "sent",
        "sent",
        "failed",
        "dead",
        "pending",
        "cancelled",
    ];
    let steps = [
        "special_measures.inform_supporter",
        "parole.inform_supporter",
        "criminal.hearing_details",
        "criminal.outcome",
    ];
    let deadline_kinds = [
        "supporter_told_of_hearing",
        "supporter_told_of_outcome",
        "victim_told_of_hearing",
        "victim_told_of_outcome",
        "pre_trial_visit_arranged",
        "cps_informed_of_supporter",
    ];
    let deadline_states = ["met", "met", "missed", "running", "met", "cancelled"];
    let mut v_rows = Vec::new();
    let mut a_rows = Vec::new();
    let mut c_rows = Vec::new();
    let mut h_rows = Vec::new();
    let mut r_rows = Vec::new();
    let mut p_rows = Vec::new();
    let mut s_rows = Vec::new();
    let mut n_rows = Vec::new();
    let mut d_rows = Vec::new();
    for c in from..to {
        let victim = format!("00000000-0000-4000-8000-{c:012}");
        let case = format!("00000000-0000-4000-9000-{c:012}");
        let trial_day = day0() + chrono::Duration::days(((c * 7919) % 730) as i64);
        v_rows.push((
            victims::id.eq(victim.clone()),
            victims::reference.eq(format!("B-{c}")),
            victims::enhanced_rights.eq(c % 3 != 0),
            victims::created_by.eq(f.supporters[c % f.supporters.len()].clone()),
            victims::created_at.eq(created),
            victims::updated_at.eq(created),
        ));
        a_rows.push((
            sa::id.eq(format!("00000000-0000-4000-a000-{c:012}")),
            sa::victim_id.eq(victim.clone()),
            sa::supporter_id.eq(f.supporters[c % f.supporters.len()].clone()),
            sa::role.eq("idva"),
            sa::starts_on.eq(day0()),
            sa::created_at.eq(created),
            sa::updated_at.eq(created),
        ));
        let court = f.courts[c % f.courts.len()].clone();
        c_rows.push((
            cases::id.eq(case.clone()),
            cases::victim_id.eq(victim.clone()),
            cases::kind.eq(if c % 5 == 0 { "family" } else { "criminal" }),
            cases::court_id.eq(Some(court.clone())),
            cases::witness_care_unit_id.eq(Some(f.wcu.clone())),
            cases::status.eq("open"),
            cases::created_at.eq(created),
            cases::updated_at.eq(created),
        ));
        for (k, (kind, offset)) in [
            ("plea_and_trial_preparation", -30i64),
            ("trial", 0),
            ("sentencing", 20),
        ]
        .into_iter()
        .enumerate()
        {
            let hearing = format!("00000000-0000-4000-b00{k}-{c:012}");
            let starts = ts(trial_day + chrono::Duration::days(offset), 9);
            h_rows.push((
                hearings::id.eq(hearing.clone()),
                hearings::case_id.eq(case.clone()),
                hearings::kind.eq(kind),
                hearings::status.eq("concluded"),
                hearings::court_id.eq(court.clone()),
                hearings::starts_at.eq(starts),
                hearings::estimated_minutes.eq(120),
                hearings::victim_gives_evidence.eq(kind == "trial"),
                hearings::created_at.eq(created),
                hearings::updated_at.eq(created),
            ));
            let state = states[(c + k) % states.len()];
            r_rows.push((
                ar::id.eq(format!("00000000-0000-4000-c00{k}-{c:012}")),
                ar::hearing_id.eq(hearing),
                ar::supporter_id.eq(f.supporters[c % f.supporters.len()].clone()),
                ar::state.eq(state),
                ar::conditions.eq((state == "allowed_with_conditions").then_some("conditions")),
                ar::decision_reason_kind.eq(
                    if matches!(state, "refused" | "directed_need_not_attend") {
                        reasons[c % reasons.len()]
                    } else {
                        None
                    },
                ),
                ar::created_at.eq(starts - chrono::Duration::days((c % 15) as i64 + 1)),
                ar::updated_at.eq(starts),
            ));
        }
        p_rows.push((
            ptv::id.eq(format!("00000000-0000-4000-d000-{c:012}")),
            ptv::case_id.eq(case.clone()),
            ptv::court_id.eq(court.clone()),
            ptv::state.eq(if c % 4 == 0 { "cancelled" } else { "arranged" }),
            ptv::starts_at.eq(Some(ts(
                trial_day - chrono::Duration::days((c % 10) as i64 + 1),
                9,
            ))),
            ptv::created_at.eq(created),
            ptv::updated_at.eq(created),
        ));
        let held = ts(trial_day - chrono::Duration::days(40), 10);
        s_rows.push((
            smd::id.eq(format!("00000000-0000-4000-e000-{c:012}")),
            smd::case_id.eq(case.clone()),
            smd::held_at.eq(held),
            smd::setting.eq("needs_assessment"),
            smd::measures.eq("[\"screens\"]"),
            smd::supporter_present.eq(c % 3 == 0),
            smd::recorded_by.eq(f.supporters[0].clone()),
            smd::created_at.eq(held),
            smd::updated_at.eq(held),
        ));
        for k in 0..6usize {
            let id = format!("00000000-0000-4000-f00{k}-{c:012}");
            let at = ts(
                trial_day - chrono::Duration::days(40 - 7 * k as i64),
                9 + k as u32,
            );
            let state = notice_states[(c + k) % notice_states.len()];
            n_rows.push((
                notices::id.eq(id.clone()),
                notices::idempotency_key.eq(id),
                notices::victim_id.eq(victim.clone()),
                notices::case_id.eq(Some(case.clone())),
                notices::step.eq(steps[k % steps.len()]),
                notices::citation.eq("bench"),
                notices::recipient_kind.eq("supporter"),
                notices::recipient_key.eq("bench"),
                notices::channel.eq("email"),
                notices::template.eq("bench"),
                notices::language.eq("en"),
                notices::data_json.eq("{}"),
                notices::category.eq("bench"),
                notices::basis_json.eq("{}"),
                notices::state.eq(state),
                notices::send_after.eq(at),
                notices::next_attempt_at.eq(at),
                notices::sent_at
                    .eq((state == "sent").then(|| at + chrono::Duration::days((c % 4) as i64))),
                notices::created_at.eq(at),
                notices::updated_at.eq(at),
            ));
        }
        for k in 0..6usize {
            let id = format!("00000000-0000-4000-0{k}00-{c:012}");
            let counted = trial_day - chrono::Duration::days(10 * k as i64);
            let due = counted + chrono::Duration::days(1 + (k as i64 % 2) * 6);
            let state = deadline_states[(c + k) % deadline_states.len()];
            d_rows.push((
                deadlines::id.eq(id.clone()),
                deadlines::deadline_key.eq(id),
                deadlines::victim_id.eq(victim.clone()),
                deadlines::case_id.eq(Some(case.clone())),
                deadlines::kind.eq(deadline_kinds[k]),
                deadlines::counted_from.eq(counted),
                deadlines::due_date.eq(due),
                deadlines::due_at.eq(ts(due, 16)),
                deadlines::citation.eq("bench"),
                deadlines::state.eq(state),
                deadlines::met_at.eq(matches!(state, "met" | "missed")
                    .then(|| ts(counted + chrono::Duration::days((c % 7) as i64), 12))),
                deadlines::created_at.eq(ts(counted, 9)),
                deadlines::updated_at.eq(ts(counted, 9)),
            ));
        }
    }
    store::write(conn, |conn| {
        // Multi-row inserts need the backend's own connection.
        macro_rules! batch {
            ($table:expr, $rows:expr) => {
                for part in $rows.chunks(CHUNK) {
                    match &mut *conn {
                        AnyConn::Sqlite(c) => {
                            diesel::insert_into($table).values(part).execute(c)?
                        }
                        AnyConn::Pg(c) => diesel::insert_into($table).values(part).execute(c)?,
                    };
                }
            };
        }
        batch!(victims::table, v_rows);
        batch!(sa::table, a_rows);
        batch!(cases::table, c_rows);
        batch!(hearings::table, h_rows);
        batch!(ar::table, r_rows);
        batch!(ptv::table, p_rows);
        batch!(smd::table, s_rows);
        batch!(notices::table, n_rows);
        batch!(deadlines::table, d_rows);
        Ok(())
    })
    .expect("plant a batch");
}

/// Plants `events` events (rounded up to whole cases), in transactions of
/// a few hundred cases, then refreshes the planner's statistics. Returns
/// the number of cases.
pub fn plant_all(conn: &mut AnyConn, f: &Fixed, events: usize) -> usize {
    let cases_n = events.div_ceil(PER_CASE);
    let mut at = 0;
    while at < cases_n {
        let to = (at + CHUNK / 3).min(cases_n);
        plant(conn, f, at, to);
        at = to;
    }
    // Fresh statistics for the planner, as after any bulk load.
    diesel::sql_query("ANALYZE")
        .execute(&mut *conn)
        .expect("analyze");
    cases_n
}

/// Runs `f` on a fresh database: a SQLite file (at `keep` if given, else
/// in a temporary folder), or, with `postgres` (a server URL), a new
/// database named from `prefix` on that server, dropped afterwards even
/// if `f` panics.
pub fn on_fresh_database(
    postgres: Option<&str>,
    keep: Option<&std::path::Path>,
    prefix: &str,
    f: impl FnOnce(&str),
) {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let (url, pg_name) = match postgres {
        None => (
            keep.map(std::path::Path::to_path_buf)
                .unwrap_or_else(|| dir.path().join("bench.db"))
                .to_string_lossy()
                .into_owned(),
            None,
        ),
        Some(server) => {
            let (url, name) = crate::dispatch_support::create_postgres_database(server, prefix);
            (url, Some(name))
        }
    };
    let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| f(&url)));
    if let (Some(server), Some(name)) = (postgres, pg_name) {
        crate::dispatch_support::drop_postgres_database(server, &name);
    }
    if let Err(panic) = result {
        std::panic::resume_unwind(panic);
    }
}

//! The partnership report over HTTP: a seeded data set whose every figure
//! is worked out by hand below, suppression (primary, secondary, parent
//! tables, one-case filters), working days across bank holidays, and who
//! may see it. Runs on SQLite, and on PostgreSQL with TEST_DATABASE_URL.
//!
//! The data lie in April to June 2025 (the demo data are all in 2026), for
//! 20 criminal cases at Mold Crown Court (court A), each with its own
//! victim supported by Amara (Safer Futures), plus one case at Leeds
//! Magistrates' Court (court B) that a court filter isolates.
//!
//! A store check: the data set is planted in the store in bulk; every
//! figure is read through the API.

use chrono::{NaiveDate, NaiveDateTime};
use diesel::prelude::*;
use reqwest::StatusCode;
use serde_json::{json, Value};

use courtside::store::schema::{
    attendance_requests as ar, cases, courts, deadlines, flow_warnings, hearings, notices,
    organisations, pre_trial_visits as ptv, special_measures_discussions as smd,
    supporter_assignments as sa, users, victims,
};
use courtside::store::AnyConn;

use crate::helpers::*;

const PATH: &str = "/api/v1/reports/partnership";

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

/// A UTC instant on a day, at `h` o'clock.
fn at(y: i32, m: u32, d: u32, h: u32) -> NaiveDateTime {
    day(y, m, d).and_hms_opt(h, 0, 0).unwrap()
}

fn id() -> String {
    uuid::Uuid::new_v4().to_string()
}

struct Ids {
    amara: String,
    wcu: String,
    court_a: String,
    court_b: String,
}

fn ids(conn: &mut AnyConn) -> Ids {
    let one = |conn: &mut AnyConn, q: &str| -> String {
        courts::table
            .filter(courts::name.eq(q))
            .select(courts::id)
            .first(conn)
            .unwrap()
    };
    Ids {
        amara: users::table
            .filter(users::email.eq(AMARA))
            .select(users::id)
            .first(conn)
            .unwrap(),
        wcu: organisations::table
            .filter(organisations::name.eq("Demo West Yorkshire Witness Care Unit"))
            .select(organisations::id)
            .first(conn)
            .unwrap(),
        court_a: one(conn, "Mold Crown Court"),
        court_b: one(conn, "Leeds Magistrates' Court"),
    }
}

/// A victim supported by Amara since 2025, with one criminal case.
fn add_case(conn: &mut AnyConn, ids: &Ids, court: &str, enhanced: bool) -> (String, String) {
    let now = at(2025, 3, 1, 9);
    let victim = id();
    diesel::insert_into(victims::table)
        .values((
            victims::id.eq(&victim),
            victims::reference.eq(format!("R-{victim}")),
            victims::enhanced_rights.eq(enhanced),
            victims::created_by.eq(&ids.amara),
            victims::created_at.eq(now),
            victims::updated_at.eq(now),
        ))
        .execute(conn)
        .unwrap();
    diesel::insert_into(sa::table)
        .values((
            sa::id.eq(id()),
            sa::victim_id.eq(&victim),
            sa::supporter_id.eq(&ids.amara),
            sa::role.eq("idva"),
            sa::starts_on.eq(day(2025, 3, 1)),
            sa::created_at.eq(now),
            sa::updated_at.eq(now),
        ))
        .execute(conn)
        .unwrap();
    let case = id();
    diesel::insert_into(cases::table)
        .values((
            cases::id.eq(&case),
            cases::victim_id.eq(&victim),
            cases::kind.eq("criminal"),
            cases::court_id.eq(court),
            cases::witness_care_unit_id.eq(&ids.wcu),
            cases::status.eq("open"),
            cases::created_at.eq(now),
            cases::updated_at.eq(now),
        ))
        .execute(conn)
        .unwrap();
    (victim, case)
}

fn add_trial(conn: &mut AnyConn, case: &str, court: &str, evidence: bool) -> String {
    let h = id();
    diesel::insert_into(hearings::table)
        .values((
            hearings::id.eq(&h),
            hearings::case_id.eq(case),
            hearings::kind.eq("trial"),
            hearings::status.eq("concluded"),
            hearings::court_id.eq(court),
            // Monday 2 June 2025, 10:00 London (BST).
            hearings::starts_at.eq(at(2025, 6, 2, 9)),
            hearings::estimated_minutes.eq(300),
            hearings::victim_attends.eq(true),
            hearings::victim_gives_evidence.eq(evidence),
            hearings::created_at.eq(at(2025, 3, 1, 9)),
            hearings::updated_at.eq(at(2025, 3, 1, 9)),
        ))
        .execute(conn)
        .unwrap();
    h
}

fn add_request(
    conn: &mut AnyConn,
    ids: &Ids,
    hearing: &str,
    state: &str,
    conditions: Option<&str>,
    reason_kind: Option<&str>,
    made: NaiveDateTime,
) {
    let reason = matches!(state, "refused").then_some("Zebra-crossing sentinel wording");
    diesel::insert_into(ar::table)
        .values((
            ar::id.eq(id()),
            ar::hearing_id.eq(hearing),
            ar::supporter_id.eq(&ids.amara),
            ar::state.eq(state),
            ar::conditions.eq(conditions),
            ar::decision_reason.eq(reason),
            ar::decision_reason_kind.eq(reason_kind),
            ar::created_at.eq(made),
            ar::updated_at.eq(made),
        ))
        .execute(conn)
        .unwrap();
}

fn add_visit(conn: &mut AnyConn, case: &str, court: &str, state: &str, starts: NaiveDateTime) {
    diesel::insert_into(ptv::table)
        .values((
            ptv::id.eq(id()),
            ptv::case_id.eq(case),
            ptv::court_id.eq(court),
            ptv::state.eq(state),
            ptv::starts_at.eq(Some(starts)),
            ptv::created_at.eq(at(2025, 4, 1, 9)),
            ptv::updated_at.eq(at(2025, 4, 1, 9)),
        ))
        .execute(conn)
        .unwrap();
}

fn add_discussion(conn: &mut AnyConn, ids: &Ids, case: &str, present: bool) {
    diesel::insert_into(smd::table)
        .values((
            smd::id.eq(id()),
            smd::case_id.eq(case),
            // Thursday 17 April 2025, the day before Good Friday.
            smd::held_at.eq(at(2025, 4, 17, 10)),
            smd::setting.eq("needs_assessment"),
            smd::measures.eq("[\"screens\"]"),
            smd::supporter_present.eq(present),
            smd::recorded_by.eq(&ids.amara),
            smd::created_at.eq(at(2025, 4, 17, 10)),
            smd::updated_at.eq(at(2025, 4, 17, 10)),
        ))
        .execute(conn)
        .unwrap();
}

fn add_notice(
    conn: &mut AnyConn,
    victim: &str,
    case: Option<&str>,
    step: &str,
    state: &str,
    created: NaiveDateTime,
    sent: Option<NaiveDateTime>,
) {
    let key = id();
    diesel::insert_into(notices::table)
        .values((
            notices::id.eq(&key),
            notices::idempotency_key.eq(&key),
            notices::victim_id.eq(victim),
            notices::case_id.eq(case),
            notices::step.eq(step),
            notices::citation.eq("test"),
            notices::recipient_kind.eq("supporter"),
            notices::recipient_key.eq("test"),
            notices::channel.eq("email"),
            notices::template.eq("test"),
            notices::language.eq("en"),
            notices::data_json.eq("{}"),
            notices::category.eq("test"),
            notices::basis_json.eq("{}"),
            notices::state.eq(state),
            notices::send_after.eq(created),
            notices::next_attempt_at.eq(created),
            notices::sent_at.eq(sent),
            notices::created_at.eq(created),
            notices::updated_at.eq(created),
        ))
        .execute(conn)
        .unwrap();
}

#[allow(clippy::too_many_arguments)]
fn add_deadline(
    conn: &mut AnyConn,
    victim: &str,
    case: &str,
    kind: &str,
    from: NaiveDate,
    due: NaiveDate,
    state: &str,
    met: Option<NaiveDateTime>,
) {
    let key = id();
    diesel::insert_into(deadlines::table)
        .values((
            deadlines::id.eq(&key),
            deadlines::deadline_key.eq(&key),
            deadlines::victim_id.eq(victim),
            deadlines::case_id.eq(Some(case)),
            deadlines::kind.eq(kind),
            deadlines::counted_from.eq(from),
            deadlines::due_date.eq(due),
            deadlines::due_at.eq(due.and_hms_opt(16, 0, 0).unwrap()),
            deadlines::citation.eq("Victims' Code Right 8"),
            deadlines::state.eq(state),
            deadlines::met_at.eq(met),
            deadlines::created_at.eq(from.and_hms_opt(9, 0, 0).unwrap()),
            deadlines::updated_at.eq(from.and_hms_opt(9, 0, 0).unwrap()),
        ))
        .execute(conn)
        .unwrap();
}

fn add_withheld_parole(conn: &mut AnyConn, victim: &str) {
    let key = id();
    diesel::insert_into(flow_warnings::table)
        .values((
            flow_warnings::id.eq(&key),
            flow_warnings::warning_key.eq(&key),
            flow_warnings::victim_id.eq(victim),
            flow_warnings::kind.eq("no_consent_to_share"),
            flow_warnings::detail_json.eq(
                "{\"kind\":\"no_consent_to_share\",\"recipient\":{\"kind\":\"supporter\"},\"category\":\"parole\",\"template\":\"parole_update\",\"withdrawn\":[]}",
            ),
            flow_warnings::created_at.eq(at(2025, 5, 6, 9)),
        ))
        .execute(conn)
        .unwrap();
}

/// Seeds the data set; returns the ids of court A and court B.
fn seed(conn: &mut AnyConn) -> Ids {
    let ids = ids(conn);
    let a = ids.court_a.clone();
    for i in 1..=20 {
        // Odd cases' victims have enhanced rights.
        let (victim, case) = add_case(conn, &ids, &a, i % 2 == 1);
        let trial = add_trial(conn, &case, &a, i <= 16);
        // Made Monday 19 May 2025 (9 working days before the trial: the
        // 26 May bank holiday is skipped) or Tuesday 27 May (4).
        let made = if i <= 10 {
            at(2025, 5, 19, 9)
        } else {
            at(2025, 5, 27, 9)
        };
        let (state, conditions, reason) = match i {
            1..=2 => ("attended", Some("behind the screen"), None),
            3..=8 => ("attended", None, None),
            9..=10 => ("allowed", None, None),
            11..=12 => (
                "allowed_with_conditions",
                Some("in the live-link room"),
                None,
            ),
            13..=17 => ("refused", None, Some("not_in_interests_of_justice")),
            18 => ("refused", None, None),
            19 => ("withdrawn", None, None),
            _ => ("requested", None, None),
        };
        add_request(conn, &ids, &trial, state, conditions, reason, made);
        // Visits: 1-6 attended on Wednesday 28 May (5 days before), 7-12
        // arranged for Wednesday 21 May (12 days before); 13 cancelled and
        // 14 after the trial: neither counts.
        match i {
            1..=6 => add_visit(conn, &case, &a, "attended", at(2025, 5, 28, 9)),
            7..=12 => add_visit(conn, &case, &a, "arranged", at(2025, 5, 21, 9)),
            13 => add_visit(conn, &case, &a, "cancelled", at(2025, 5, 28, 9)),
            14 => add_visit(conn, &case, &a, "arranged", at(2025, 6, 5, 9)),
            _ => {}
        }
        // Special-measures discussions on Thursday 17 April 2025: 1-5 with
        // the supporter, 6-14 without. The supporter is told on Tuesday 22
        // April (1 working day: Good Friday and Easter Monday skipped) for
        // 6-13, on Thursday 24 April (3) for 14.
        if i <= 14 {
            add_discussion(conn, &ids, &case, i <= 5);
        }
        if (6..=14).contains(&i) {
            let sent = if i <= 13 {
                at(2025, 4, 22, 9)
            } else {
                at(2025, 4, 24, 9)
            };
            add_notice(
                conn,
                &victim,
                Some(&case),
                "special_measures.inform_supporter",
                "sent",
                sent,
                Some(sent),
            );
        }
        // Right 8, hearing dates: learnt Thursday 17 April 2025. 1-6 met
        // Tuesday 22 April (1 working day across Easter: on time); 7-8 done
        // Wednesday 23 (2: late); 9-11 never done.
        let from = day(2025, 4, 17);
        let due = day(2025, 4, 22);
        match i {
            1..=6 => add_deadline(
                conn,
                &victim,
                &case,
                "supporter_told_of_hearing",
                from,
                due,
                "met",
                Some(at(2025, 4, 22, 11)),
            ),
            7..=8 => add_deadline(
                conn,
                &victim,
                &case,
                "supporter_told_of_hearing",
                from,
                due,
                "missed",
                Some(at(2025, 4, 23, 11)),
            ),
            9..=11 => add_deadline(
                conn,
                &victim,
                &case,
                "supporter_told_of_hearing",
                from,
                due,
                "missed",
                None,
            ),
            // Still running: not a Right 8 figure, but a deadline.
            13 => add_deadline(
                conn,
                &victim,
                &case,
                "supporter_told_of_hearing",
                day(2025, 6, 27),
                day(2025, 6, 30),
                "running",
                None,
            ),
            _ => {}
        }
        // Right 8, outcomes: the trial's outcome, learnt Monday 2 June. 1-6
        // told Tuesday 3 June (1 working day); 7-12 told Friday 6 June (4):
        // in time for the even ones (no enhanced rights: 5 days), late for
        // the odd ones (enhanced: 1 day).
        let from = day(2025, 6, 2);
        match i {
            1..=6 => add_deadline(
                conn,
                &victim,
                &case,
                "supporter_told_of_outcome",
                from,
                day(2025, 6, 3),
                "met",
                Some(at(2025, 6, 3, 11)),
            ),
            7..=12 if i % 2 == 0 => add_deadline(
                conn,
                &victim,
                &case,
                "supporter_told_of_outcome",
                from,
                day(2025, 6, 9),
                "met",
                Some(at(2025, 6, 6, 11)),
            ),
            7..=12 => add_deadline(
                conn,
                &victim,
                &case,
                "supporter_told_of_outcome",
                from,
                day(2025, 6, 3),
                "missed",
                Some(at(2025, 6, 6, 11)),
            ),
            _ => {}
        }
        // Parole: milestones shared with 1-6's supporters (and one
        // cancelled for 19, not counted), withheld for 7-11.
        match i {
            1..=6 => add_notice(
                conn,
                &victim,
                None,
                "parole.inform_supporter",
                "sent",
                at(2025, 5, 6, 9),
                Some(at(2025, 5, 6, 9)),
            ),
            19 => add_notice(
                conn,
                &victim,
                None,
                "parole.inform_supporter",
                "cancelled",
                at(2025, 5, 6, 9),
                None,
            ),
            7..=11 => add_withheld_parole(conn, &victim),
            _ => {}
        }
        // Other notices: 15-19 dead-lettered (escalated), 20 pending.
        match i {
            15..=19 => add_notice(
                conn,
                &victim,
                Some(&case),
                "criminal.other",
                "dead",
                at(2025, 5, 20, 9),
                None,
            ),
            20 => add_notice(
                conn,
                &victim,
                Some(&case),
                "criminal.other",
                "pending",
                at(2025, 6, 20, 9),
                None,
            ),
            _ => {}
        }
    }
    // The lone case at court B.
    let b = ids.court_b.clone();
    let (victim, case) = add_case(conn, &ids, &b, true);
    let trial = add_trial(conn, &case, &b, true);
    add_request(
        conn,
        &ids,
        &trial,
        "refused",
        None,
        Some("other"),
        at(2025, 5, 19, 9),
    );
    add_discussion(conn, &ids, &case, false);
    add_deadline(
        conn,
        &victim,
        &case,
        "supporter_told_of_hearing",
        day(2025, 4, 17),
        day(2025, 4, 22),
        "missed",
        None,
    );
    add_notice(
        conn,
        &victim,
        Some(&case),
        "criminal.other",
        "dead",
        at(2025, 5, 20, 9),
        None,
    );
    ids
}

/// `measure.figure` → the figure's display text.
fn shown(report: &Value) -> std::collections::BTreeMap<String, String> {
    let mut out = std::collections::BTreeMap::new();
    for m in report["measures"].as_array().unwrap() {
        for f in m["figures"].as_array().unwrap() {
            out.insert(
                format!(
                    "{}.{}",
                    m["key"].as_str().unwrap(),
                    f["key"].as_str().unwrap()
                ),
                f["display"].as_str().unwrap().to_string(),
            );
        }
    }
    out
}

const Q2: &str = "period=quarter&from=2025-05-15";

#[actix_web::test]
async fn every_figure_matches_the_hand_count() {
    let app = TestApp::spawn().await;
    let ids = {
        let mut conn = app.pool.get().unwrap();
        seed(&mut conn)
    };
    let maya = app.login(MAYA).await;
    let (status, report) = app
        .get(&format!("{PATH}?{Q2}&court_id={}", ids.court_a), &maya)
        .await;
    assert_eq!(status, StatusCode::OK, "{report}");
    assert_eq!(report["filters"]["from"], "2025-04-01");
    assert_eq!(report["filters"]["to"], "2025-06-30");
    let got = shown(&report);
    let f5 = "fewer than 5";
    let sup = "suppressed";
    let want: Vec<(&str, &str)> = vec![
        // Outcomes of 20 requests: allowed 8 (6 attended without
        // conditions, 2 allowed), with conditions 4 (2 attended, 2
        // allowed), refused 6, withdrawn 1, not decided by the hearing
        // day 1. The three cells under 5 hide each other.
        ("attendance_outcomes.allowed", "8"),
        ("attendance_outcomes.allowed_with_conditions", f5),
        ("attendance_outcomes.refused", "6"),
        ("attendance_outcomes.withdrawn", f5),
        ("attendance_outcomes.not_decided_by_hearing", f5),
        ("attendance_outcomes.awaiting_decision", "0"),
        ("attendance_outcomes.total", "20"),
        // Of the 6 refusals, 5 "not in the interests of justice" and 1 not
        // categorised: the 1 is hidden, so the 5 is too (secondary).
        ("refusal_reasons.not_in_interests_of_justice", sup),
        ("refusal_reasons.not_categorised", f5),
        ("refusal_reasons.not_necessary", "0"),
        ("refusal_reasons.total", "6"),
        // Ten requests 9 working days ahead, ten 4: median 6.5, 90th
        // percentile the 18th of 20 sorted values, 9.
        ("request_notice.median_working_days", "6.5 days"),
        ("request_notice.p90_working_days", "9.0 days"),
        // 16 trials with the victim giving evidence; supporters attended
        // at 8 of them.
        ("evidence_with_supporter.with_supporter", "8"),
        ("evidence_with_supporter.without_supporter", "8"),
        ("evidence_with_supporter.total", "16"),
        ("evidence_with_supporter.share_with_supporter", "50.0%"),
        // 20 trials, 12 with a visit before them (the cancelled one and
        // the one after the trial do not count): 6 at 5 days, 6 at 12.
        ("pre_trial_visits.visit_before_trial", "12"),
        ("pre_trial_visits.no_visit", "8"),
        ("pre_trial_visits.total", "20"),
        ("pre_trial_visits.share_with_visit", "60.0%"),
        ("pre_trial_visits.median_days_before", "8.5 days"),
        // 14 discussions: 5 with the supporter, 9 without, all 9 followed
        // by a notice: 8 after 1 working day across Easter, 1 after 3.
        ("special_measures.supporter_present", "5"),
        ("special_measures.without_supporter", "9"),
        ("special_measures.total", "14"),
        ("special_measures_informed.informed", "9"),
        ("special_measures_informed.not_informed", "0"),
        ("special_measures_informed.share_informed", "100.0%"),
        ("special_measures_informed.median_working_days", "1.0 days"),
        // Hearing dates: 6 on time (across Easter), 5 late or undone.
        ("right8_hearing_dates.on_time", "6"),
        ("right8_hearing_dates.late", "5"),
        ("right8_hearing_dates.total", "11"),
        ("right8_hearing_dates.share_on_time", "54.5%"),
        // Outcomes: 6 + 3 on time, 3 late: the 3 is hidden, so the 9 too.
        ("right8_outcomes.on_time", sup),
        ("right8_outcomes.late", f5),
        ("right8_outcomes.total", "12"),
        ("right8_outcomes.share_on_time", sup),
        // Late by agency breaks down a hidden cell: hidden whole.
        (
            "right8_late_by_agency.Demo West Yorkshire Witness Care Unit",
            sup,
        ),
        ("right8_late_by_agency.total", sup),
        // Parole: 6 shared (the cancelled one not counted), 5 withheld.
        ("parole.shared", "6"),
        ("parole.withheld", "5"),
        ("parole.total", "11"),
        ("parole.share_shared", "54.5%"),
        // Notices of court A's cases (parole notices have no case, so a
        // court filter leaves them out): 9 sent, 5 dead-lettered, 1
        // pending; the 1 is hidden, so the 5 is too.
        ("notices.sent", "9"),
        ("notices.failed", "0"),
        ("notices.escalated", sup),
        ("notices.pending", f5),
        ("notices.cancelled", "0"),
        ("notices.total", "15"),
        // Deadlines due in the quarter: met 6 + 9 = 15, missed 5 + 3 = 8,
        // running 1: the 1 is hidden, so the 8 too.
        ("deadlines.met", "15"),
        ("deadlines.missed", sup),
        ("deadlines.running", f5),
        ("deadlines.cancelled", "0"),
        ("deadlines.total", "24"),
    ];
    for (key, value) in &want {
        assert_eq!(
            got.get(*key).map(String::as_str),
            Some(*value),
            "{key} in {}",
            serde_json::to_string_pretty(&report["measures"]).unwrap()
        );
    }
    // A suppressed count carries no value, only its reason.
    let outcomes = &report["measures"][0]["figures"];
    assert_eq!(outcomes[1]["value"], Value::Null);
    assert_eq!(outcomes[1]["suppressed"], "fewer_than_5");
    assert_eq!(outcomes[0]["value"], 8.0);
    // Every figure has a definition beside it.
    for m in report["measures"].as_array().unwrap() {
        assert!(
            m["definition"].as_str().is_some_and(|d| d.len() > 20),
            "{m}"
        );
    }
    // The same figures by kind of court: court B is a magistrates' court.
    let (_, by_kind) = app
        .get(&format!("{PATH}?{Q2}&court_kind=crown"), &maya)
        .await;
    let by_kind = shown(&by_kind);
    for key in [
        "attendance_outcomes.total",
        "right8_hearing_dates.late",
        "pre_trial_visits.total",
        "special_measures.total",
    ] {
        assert_eq!(by_kind[key], got[key], "{key}");
    }
    // No family cases at all.
    let (_, family) = app
        .get(&format!("{PATH}?{Q2}&case_kind=family"), &maya)
        .await;
    assert_eq!(shown(&family)["attendance_outcomes.total"], "0");
    // The free-text reason and the victims' references never appear.
    let text = report.to_string();
    assert!(!text.contains("Zebra-crossing"));
    assert!(!text.contains("R-"));
    app.stop().await;
}

#[actix_web::test]
async fn a_filter_that_isolates_one_case_reveals_nothing() {
    let app = TestApp::spawn().await;
    let ids = {
        let mut conn = app.pool.get().unwrap();
        seed(&mut conn)
    };
    let maya = app.login(MAYA).await;
    let (status, report) = app
        .get(&format!("{PATH}?{Q2}&court_id={}", ids.court_b), &maya)
        .await;
    assert_eq!(status, StatusCode::OK, "{report}");
    // The lone case had a refused request, a trial with evidence, a
    // discussion, a missed deadline and a dead letter: every figure is
    // either zero or suppressed, never a one.
    let mut suppressed = 0;
    for m in report["measures"].as_array().unwrap() {
        if m["key"] == "parole" {
            continue; // Parole is not filtered by court (see its definition).
        }
        for f in m["figures"].as_array().unwrap() {
            match f["value"].as_f64() {
                Some(v) => assert_eq!(v, 0.0, "{} {f}", m["key"]),
                None => suppressed += 1,
            }
        }
    }
    assert!(suppressed >= 20, "{report}");
    let got = shown(&report);
    assert_eq!(got["attendance_outcomes.refused"], "suppressed");
    assert_eq!(got["attendance_outcomes.allowed"], "suppressed");
    assert_eq!(got["attendance_outcomes.total"], "suppressed");
    assert_eq!(got["right8_hearing_dates.total"], "suppressed");
    // The CSV says the same.
    let (status, csv) = app
        .get(
            &format!("{PATH}?{Q2}&court_id={}&format=csv", ids.court_b),
            &maya,
        )
        .await;
    assert_eq!(status, StatusCode::OK);
    let csv = csv.as_str().unwrap().to_string();
    assert!(csv.contains("attendance_outcomes,refused,"));
    assert!(
        !csv.lines()
            .any(|l| l.starts_with("quarter") && l.contains(",count,1,")),
        "{csv}"
    );
    app.stop().await;
}

/// Every figure's value (`None` when suppressed), keyed `measure.figure`.
fn values(report: &Value) -> std::collections::BTreeMap<String, Option<f64>> {
    let mut out = std::collections::BTreeMap::new();
    for m in report["measures"].as_array().unwrap() {
        for f in m["figures"].as_array().unwrap() {
            out.insert(
                format!(
                    "{}.{}",
                    m["key"].as_str().unwrap(),
                    f["key"].as_str().unwrap()
                ),
                f["value"].as_f64(),
            );
        }
    }
    out
}

/// The scope (the organisation's victims, the case kind, the court or the
/// court's kind) narrows every figure alike: a court's kind gives the
/// figures of its only court in the data, the case kind of every case
/// changes nothing (but the notices without a case), another kind leaves
/// nothing, and a victim supported only by another organisation, with a
/// full set of records at court A, changes no figure.
#[actix_web::test]
async fn every_filter_narrows_every_figure_alike() {
    let app = TestApp::spawn().await;
    let ids = {
        let mut conn = app.pool.get().unwrap();
        seed(&mut conn)
    };
    let maya = app.login(MAYA).await;
    let report = |query: String| {
        let app = &app;
        let maya = &maya;
        async move {
            let (status, report) = app.get(&format!("{PATH}?{Q2}&{query}"), maya).await;
            assert_eq!(status, StatusCode::OK, "{query}: {report}");
            values(&report)
        }
    };
    let court_a = report(format!("court_id={}", ids.court_a)).await;
    assert_eq!(court_a["attendance_outcomes.refused"], Some(6.0));
    assert_eq!(report("court_kind=crown".into()).await, court_a);
    assert_eq!(
        report(format!("court_id={}&case_kind=criminal", ids.court_a)).await,
        court_a
    );
    assert_eq!(
        report(format!("court_id={}&court_kind=crown", ids.court_a)).await,
        court_a
    );
    let all = report(String::new()).await;
    // Notices with no case (the parole milestones) drop out of the outbox
    // figures under a case filter; every other figure stays.
    let criminal = report("case_kind=criminal".into()).await;
    let but_notices = |m: &std::collections::BTreeMap<String, Option<f64>>| {
        m.iter()
            .filter(|(k, _)| !k.starts_with("notices."))
            .map(|(k, v)| (k.clone(), *v))
            .collect::<Vec<_>>()
    };
    assert_eq!(but_notices(&criminal), but_notices(&all));
    assert_eq!(criminal["notices.sent"], Some(9.0));
    assert_eq!(all["notices.sent"], Some(15.0));
    assert_ne!(all, court_a, "court B's case is in the unfiltered report");
    for (key, value) in report("case_kind=family".into()).await {
        if !key.starts_with("parole.") {
            assert!(matches!(value, None | Some(0.0)), "{key}: {value:?}");
        }
    }

    // A victim of another organisation, with records at court A.
    {
        let mut conn = app.pool.get().unwrap();
        let ours: String = users::table
            .filter(users::id.eq(&ids.amara))
            .select(users::organisation_id)
            .first(&mut conn)
            .unwrap();
        let other: String = users::table
            .filter(users::organisation_id.ne(&ours))
            .select(users::id)
            .first(&mut conn)
            .unwrap();
        let theirs = Ids {
            amara: other,
            wcu: ids.wcu.clone(),
            court_a: ids.court_a.clone(),
            court_b: ids.court_b.clone(),
        };
        let (victim, case) = add_case(&mut conn, &theirs, &ids.court_a, true);
        let trial = add_trial(&mut conn, &case, &ids.court_a, true);
        add_request(
            &mut conn,
            &theirs,
            &trial,
            "refused",
            None,
            Some("other"),
            at(2025, 5, 19, 9),
        );
        add_visit(
            &mut conn,
            &case,
            &ids.court_a,
            "attended",
            at(2025, 5, 28, 9),
        );
        add_discussion(&mut conn, &theirs, &case, false);
        add_deadline(
            &mut conn,
            &victim,
            &case,
            "supporter_told_of_hearing",
            day(2025, 4, 17),
            day(2025, 4, 22),
            "missed",
            None,
        );
        add_notice(
            &mut conn,
            &victim,
            Some(&case),
            "criminal.other",
            "dead",
            at(2025, 5, 20, 9),
            None,
        );
        add_notice(
            &mut conn,
            &victim,
            None,
            "parole.inform_supporter",
            "sent",
            at(2025, 5, 6, 9),
            Some(at(2025, 5, 6, 9)),
        );
    }
    assert_eq!(report(format!("court_id={}", ids.court_a)).await, court_a);
    assert_eq!(report(String::new()).await, all);
    app.stop().await;
}

#[actix_web::test]
async fn csv_export_matches_the_json() {
    let app = TestApp::spawn().await;
    let ids = {
        let mut conn = app.pool.get().unwrap();
        seed(&mut conn)
    };
    let maya = app.login(MAYA).await;
    let (status, headers, body) = app
        .call_full(
            reqwest::Method::GET,
            &format!("{PATH}?{Q2}&court_id={}&format=csv", ids.court_a),
            Some(&maya),
            None,
            &[],
        )
        .await;
    assert_eq!(status, StatusCode::OK);
    assert!(headers["content-type"]
        .to_str()
        .unwrap()
        .starts_with("text/csv"));
    assert!(headers["content-disposition"]
        .to_str()
        .unwrap()
        .contains("partnership-report-2025-04-01-to-2025-06-30.csv"));
    let csv = body.as_str().unwrap();
    let mut lines = csv.lines();
    assert_eq!(
        lines.next().unwrap(),
        "period,from,to,court_id,court_kind,case_kind,measure,figure,label,kind,value,shown,definition"
    );
    let allowed = lines
        .clone()
        .find(|l| l.contains(",attendance_outcomes,allowed,"))
        .unwrap();
    assert!(allowed.starts_with(&format!("quarter,2025-04-01,2025-06-30,{},,,", ids.court_a)));
    assert!(allowed.contains(",count,8,8,"), "{allowed}");
    let hidden = lines
        .find(|l| l.contains(",attendance_outcomes,withdrawn,"))
        .unwrap();
    assert!(hidden.contains(",count,,fewer than 5,"), "{hidden}");
    app.stop().await;
}

#[actix_web::test]
async fn only_managers_see_reports_and_only_their_own() {
    let app = TestApp::spawn().await;
    {
        let mut conn = app.pool.get().unwrap();
        seed(&mut conn);
    }
    for who in [AMARA, WENDY, VICTOR, ADMIN, CORA, WES] {
        let token = app.login(who).await;
        let (status, body) = app.get(&format!("{PATH}?{Q2}"), &token).await;
        assert_problem(status, &body, StatusCode::FORBIDDEN, None);
    }
    let admin = app.login(ADMIN).await;
    let maya = app.login(MAYA).await;
    let (_, me) = app.get("/api/v1/me", &maya).await;
    let own_org = me["organisation_id"].as_str().unwrap().to_string();
    // A manager of another support service.
    let other = app
        .create(
            "/api/v1/organisations",
            &admin,
            json!({"kind": "support_service", "name": "Another Advocacy Service"}),
        )
        .await;
    let other_org = other["id"].as_str().unwrap().to_string();
    app.create(
        "/api/v1/users",
        &admin,
        json!({
            "organisation_id": other_org,
            "display_name": "Olu Other-Manager",
            "email": "olu@another.example",
            "role": "manager",
            "password": courtside::seed::DEMO_PASSWORD,
        }),
    )
    .await;
    let olu = app.login("olu@another.example").await;
    // Asking for Safer Futures' figures by name is refused.
    let (status, body) = app
        .get(&format!("{PATH}?{Q2}&organisation_id={own_org}"), &olu)
        .await;
    assert_problem(status, &body, StatusCode::FORBIDDEN, None);
    // Their own report holds none of Safer Futures' cases.
    let (status, theirs) = app.get(&format!("{PATH}?{Q2}"), &olu).await;
    assert_eq!(status, StatusCode::OK, "{theirs}");
    assert_eq!(shown(&theirs)["attendance_outcomes.total"], "0");
    assert_eq!(shown(&theirs)["notices.total"], "0");
    // Maya naming her own organisation is fine.
    let (status, _) = app
        .get(&format!("{PATH}?{Q2}&organisation_id={own_org}"), &maya)
        .await;
    assert_eq!(status, StatusCode::OK);
    app.stop().await;
}

#[actix_web::test]
async fn bad_filters_are_named_problems() {
    let app = TestApp::spawn().await;
    let maya = app.login(MAYA).await;
    for (query, field) in [
        ("period=week", "period"),
        ("period=custom&from=2025-04-01", "to"),
        ("period=custom&from=2025-04-10&to=2025-04-01", "to"),
        ("from=1%2F4%2F2025", "from"),
        ("court_kind=county", "court_kind"),
        ("case_kind=civil", "case_kind"),
        ("court_id=nope", "court_id"),
        ("format=xml", "format"),
        ("colour=blue", "query"),
    ] {
        let (status, body) = app.get(&format!("{PATH}?{query}"), &maya).await;
        assert_problem(status, &body, StatusCode::UNPROCESSABLE_ENTITY, Some(field));
    }
    app.stop().await;
}

#[actix_web::test]
async fn a_refusal_records_the_category_of_its_reason() {
    let app = TestApp::spawn().await;
    let ben = app.login(BEN).await;
    let wendy = app.login(WENDY).await;
    let case = app
        .find_id("/api/v1/cases", &ben, "urn", "13CD7654321")
        .await;
    let court = app.court_id(&wendy, "Leeds Magistrates' Court").await;
    let ben_id = app.get("/api/v1/me", &ben).await.1["user_id"]
        .as_str()
        .unwrap()
        .to_string();
    let hearing = app
        .create(
            "/api/v1/hearings",
            &wendy,
            json!({"case_id": case, "kind": "trial", "court_id": court,
                   "starts_at": "2026-04-21T10:00:00+01:00", "estimated_minutes": 300,
                   "victim_attends": true, "victim_gives_evidence": true}),
        )
        .await;
    let hearing = hearing["id"].as_str().unwrap().to_string();
    let request = app
        .create(
            "/api/v1/attendance-requests",
            &ben,
            json!({"hearing_id": hearing, "supporter_id": ben_id}),
        )
        .await;
    assert_eq!(request["decision_reason_kind"], Value::Null);
    let path = format!(
        "/api/v1/attendance-requests/{}",
        request["id"].as_str().unwrap()
    );
    // A category only goes with a refusal or direction.
    let (status, body) = app
        .put(
            &path,
            &wendy,
            1,
            json!({"hearing_id": hearing, "supporter_id": ben_id, "state": "wcu_informed",
                   "decision_reason_kind": "room_or_facilities"}),
        )
        .await;
    assert_problem(
        status,
        &body,
        StatusCode::UNPROCESSABLE_ENTITY,
        Some("decision_reason_kind"),
    );
    let (status, body) = app
        .put(
            &path,
            &wendy,
            1,
            json!({"hearing_id": hearing, "supporter_id": ben_id, "state": "refused",
                   "decision_reason": "No room beside the live link", "decision_reason_kind": "sideways"}),
        )
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    for (version, state) in [(1, "wcu_informed"), (2, "cps_informed")] {
        let (status, out) = app
            .put(
                &path,
                &wendy,
                version,
                json!({"hearing_id": hearing, "supporter_id": ben_id, "state": state}),
            )
            .await;
        assert_eq!(status, StatusCode::OK, "{state}: {out}");
    }
    let (status, refused) = app
        .put(
            &path,
            &wendy,
            3,
            json!({"hearing_id": hearing, "supporter_id": ben_id, "state": "refused",
                   "decision_reason": "No room beside the live link",
                   "decision_reason_kind": "room_or_facilities"}),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{refused}");
    assert_eq!(refused["decision_reason_kind"], "room_or_facilities");
    let (_, read) = app.get(&path, &wendy).await;
    assert_eq!(read["decision_reason_kind"], "room_or_facilities");
    app.stop().await;
}

/// The period's requests are read by one scan of the table or by a join
/// through the hearings, whichever the period's size favours; on the hand
/// counted data set both reads give every count the same, for the quarter
/// and for both courts, one court, and two years.
#[actix_web::test]
async fn requests_read_by_scan_or_by_join_give_the_same_counts() {
    use chrono::Datelike;
    use courtside::reporting::query::{counts_reading, RequestRead, Scope};
    let app = TestApp::spawn().await;
    let mut conn = app.pool.get().unwrap();
    let ids = seed(&mut conn);
    let organisation_id: String = users::table
        .filter(users::id.eq(&ids.amara))
        .select(users::organisation_id)
        .first(&mut conn)
        .unwrap();
    let holidays = &app.rules.holidays;
    for (from, to) in [
        (day(2025, 4, 1), day(2025, 6, 30)),
        (day(2024, 7, 1), day(2026, 6, 30)),
    ] {
        for court_id in [None, Some(ids.court_a.clone()), Some(ids.court_b.clone())] {
            let scope = Scope {
                organisation_id: organisation_id.clone(),
                court_id: court_id.clone(),
                court_kind: None,
                case_kind: None,
                from,
                to,
                now: test_now(),
            };
            let scan = counts_reading(&mut conn, &scope, holidays, RequestRead::Scan).unwrap();
            let join = counts_reading(&mut conn, &scope, holidays, RequestRead::Join).unwrap();
            assert_eq!(scan, join, "{from} to {to}, court {court_id:?}");
            if court_id.as_deref() == Some(ids.court_a.as_str()) && from.year() == 2025 {
                assert!(
                    !scan.requests_past.is_empty() || !scan.requests_ahead.is_empty(),
                    "the quarter at court A has requests: {scan:?}"
                );
            }
        }
    }
}

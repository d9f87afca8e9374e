//! `courtside seed`: the courts directory from `fixtures/courts.json` and a
//! small demo data set from `fixtures/demo.json`. Everything in one
//! transaction; running it twice adds nothing new. Each demo record is
//! planned through the same flows as when a person enters it (hearings
//! listed, an attendance request raised, a parole milestone logged), at
//! the moment of seeding, so every role sees planned work straight away.

use chrono::{DateTime, Duration, NaiveDate, NaiveTime, Utc};
use diesel::prelude::*;
use serde::Deserialize;

use crate::clock::Clock;
use crate::domain::{AttendanceState, CourtKind, Nation, ParoleHearingFormat, ParoleMilestoneKind};
use crate::error::{AppError, AppResult};
use crate::flows::EventKind;
use crate::planning::{self, Focus, Rules};
use crate::resources::CourtInput;
use crate::store::schema::*;
use crate::store::{self, AnyConn, Pool};

pub const COURTS_JSON: &str = include_str!("../fixtures/courts.json");
pub const DEMO_JSON: &str = include_str!("../fixtures/demo.json");
/// Every demo user's password.
pub const DEMO_PASSWORD: &str = "courtside-demo";

#[derive(Deserialize)]
struct CourtFixture {
    name: String,
    kind: CourtKind,
    town: String,
    nation: Nation,
    crown_court_code: Option<String>,
}

#[derive(Deserialize)]
struct Demo {
    organisations: Vec<DemoOrg>,
    users: Vec<DemoUser>,
    victims: Vec<DemoVictim>,
}

#[derive(Deserialize)]
struct DemoOrg {
    key: String,
    kind: String,
    name: String,
    address: Option<String>,
    contact_email: Option<String>,
    /// For a Witness Service or listing office: the court it serves.
    serves_court: Option<String>,
}

#[derive(Deserialize)]
struct DemoUser {
    key: String,
    org: String,
    display_name: String,
    email: String,
    role: String,
}

#[derive(Deserialize)]
struct DemoVictim {
    reference: String,
    full_name: String,
    supporter: String,
    supporter_role: String,
    spoc: bool,
    probation: Option<String>,
    consents: Vec<String>,
    /// Parole milestones the victim liaison officer logs.
    #[serde(default)]
    parole: Vec<DemoParole>,
    case: DemoCase,
}

#[derive(Deserialize)]
struct DemoParole {
    kind: ParoleMilestoneKind,
    /// Days from today.
    in_days: i64,
    /// For a parole hearing listed: paper or oral.
    #[serde(default)]
    hearing_format: Option<ParoleHearingFormat>,
    logged_by: String,
}

#[derive(Deserialize)]
struct DemoCase {
    kind: String,
    urn: Option<String>,
    case_number: Option<String>,
    court: String,
    unit: Option<String>,
    cps: Option<String>,
    hearings: Vec<DemoHearing>,
}

#[derive(Deserialize)]
struct DemoHearing {
    kind: String,
    /// Days from today, court-local.
    in_days: i64,
    /// Court-local wall-clock time.
    at: NaiveTime,
    minutes: i32,
    courtroom: Option<String>,
    gives_evidence: bool,
    /// The supporter's request to attend, raised and taken as far as this
    /// state (`requested`, `wcu_informed` or `cps_informed`), one step at
    /// a time as the people concerned would.
    attendance_request: Option<AttendanceState>,
}

/// Loads the courts directory: adds every fixture court not already there.
pub fn courts(conn: &mut AnyConn, now: DateTime<Utc>) -> AppResult<usize> {
    let fixtures: Vec<CourtFixture> = serde_json::from_str(COURTS_JSON)
        .map_err(|e| AppError::Internal(format!("fixtures/courts.json: {e}")))?;
    let existing: Vec<String> = courts::table.select(courts::name).load(conn)?;
    let mut added = 0;
    for c in fixtures.into_iter().filter(|c| !existing.contains(&c.name)) {
        let input = CourtInput {
            name: c.name,
            kind: c.kind,
            town: c.town,
            nation: c.nation,
            crown_court_code: c.crown_court_code,
        };
        crate::resources::courts_insert(conn, &input, now)?;
        added += 1;
    }
    Ok(added)
}

fn key_id(keys: &[(String, String)], key: &str) -> AppResult<String> {
    keys.iter()
        .find(|(k, _)| k == key)
        .map(|(_, id)| id.clone())
        .ok_or_else(|| AppError::Internal(format!("demo data names an unknown key {key}")))
}

fn court_id(conn: &mut AnyConn, name: &str) -> AppResult<String> {
    courts::table
        .filter(courts::name.eq(name))
        .select(courts::id)
        .first(conn)
        .optional()?
        .ok_or_else(|| {
            AppError::Internal(format!(
                "demo data names a court not in the directory: {name}"
            ))
        })
}

/// Loads the demo organisations, users, victims, cases and hearings,
/// unless they are already there (decided by the demo organisations).
/// With `plan`, each record is planned as it is entered; without, the
/// records stand unplanned (the tests' fixed world, where each test plans
/// what it needs itself).
pub fn demo(conn: &mut AnyConn, now: DateTime<Utc>, plan: Option<&Rules>) -> AppResult<bool> {
    let demo: Demo = serde_json::from_str(DEMO_JSON)
        .map_err(|e| AppError::Internal(format!("fixtures/demo.json: {e}")))?;
    let first = &demo.organisations[0];
    let present: i64 = organisations::table
        .filter(organisations::name.eq(&first.name))
        .count()
        .get_result(conn)?;
    if present > 0 {
        return Ok(false);
    }
    let ts = store::to_db(now);
    let today = crate::calendar::london_date(now);
    let mut keys: Vec<(String, String)> = Vec::new();
    for o in &demo.organisations {
        let id = store::new_id();
        let serves = match &o.serves_court {
            Some(name) => Some(court_id(conn, name)?),
            None => None,
        };
        diesel::insert_into(organisations::table)
            .values((
                organisations::id.eq(&id),
                organisations::kind.eq(&o.kind),
                organisations::name.eq(&o.name),
                organisations::address.eq(&o.address),
                organisations::contact_email.eq(&o.contact_email),
                organisations::court_id.eq(serves),
                organisations::created_at.eq(ts),
                organisations::updated_at.eq(ts),
            ))
            .execute(conn)?;
        keys.push((o.key.clone(), id));
    }
    let password = crate::accounts::hash_password(DEMO_PASSWORD)?;
    for u in &demo.users {
        let id = store::new_id();
        diesel::insert_into(users::table)
            .values((
                users::id.eq(&id),
                users::organisation_id.eq(key_id(&keys, &u.org)?),
                users::display_name.eq(&u.display_name),
                users::email.eq(&u.email),
                users::role.eq(&u.role),
                users::password_hash.eq(&password),
                users::created_at.eq(ts),
                users::updated_at.eq(ts),
            ))
            .execute(conn)?;
        keys.push((u.key.clone(), id));
    }
    let creator = key_id(&keys, &demo.victims[0].supporter)?;
    let ring = crate::privacy::keyring()?;
    for v in &demo.victims {
        let victim_id = store::new_id();
        diesel::insert_into(victims::table)
            .values((
                victims::id.eq(&victim_id),
                victims::reference.eq(&v.reference),
                victims::probation_region_id.eq(v
                    .probation
                    .as_deref()
                    .map(|k| key_id(&keys, k))
                    .transpose()?),
                victims::created_by.eq(&creator),
                victims::created_at.eq(ts),
                victims::updated_at.eq(ts),
            ))
            .execute(conn)?;
        diesel::insert_into(victim_sensitive_details::table)
            .values((
                victim_sensitive_details::victim_id.eq(&victim_id),
                victim_sensitive_details::full_name.eq(ring.encrypt(&v.full_name)),
                victim_sensitive_details::safe_channels.eq("phone"),
                victim_sensitive_details::created_at.eq(ts),
                victim_sensitive_details::updated_at.eq(ts),
            ))
            .execute(conn)?;
        diesel::insert_into(supporter_assignments::table)
            .values((
                supporter_assignments::id.eq(store::new_id()),
                supporter_assignments::victim_id.eq(&victim_id),
                supporter_assignments::supporter_id.eq(key_id(&keys, &v.supporter)?),
                supporter_assignments::role.eq(&v.supporter_role),
                supporter_assignments::starts_on.eq(today - Duration::days(30)),
                supporter_assignments::is_spoc.eq(v.spoc),
                supporter_assignments::spoc_agreed_on
                    .eq(v.spoc.then(|| today - Duration::days(30))),
                supporter_assignments::created_at.eq(ts),
                supporter_assignments::updated_at.eq(ts),
            ))
            .execute(conn)?;
        for scope in &v.consents {
            diesel::insert_into(consents::table)
                .values((
                    consents::id.eq(store::new_id()),
                    consents::victim_id.eq(&victim_id),
                    consents::scope.eq(scope),
                    consents::basis.eq("consent"),
                    consents::given_at.eq(ts),
                    consents::recorded_by.eq(key_id(&keys, &v.supporter)?),
                    consents::created_at.eq(ts),
                    consents::updated_at.eq(ts),
                ))
                .execute(conn)?;
        }
        let case_id = store::new_id();
        let court = court_id(conn, &v.case.court)?;
        diesel::insert_into(cases::table)
            .values((
                cases::id.eq(&case_id),
                cases::victim_id.eq(&victim_id),
                cases::kind.eq(&v.case.kind),
                cases::urn.eq(&v.case.urn),
                cases::case_number.eq(&v.case.case_number),
                cases::court_id.eq(&court),
                cases::witness_care_unit_id.eq(v
                    .case
                    .unit
                    .as_deref()
                    .map(|k| key_id(&keys, k))
                    .transpose()?),
                cases::cps_area_id.eq(v
                    .case
                    .cps
                    .as_deref()
                    .map(|k| key_id(&keys, k))
                    .transpose()?),
                cases::status.eq("open"),
                cases::created_at.eq(ts),
                cases::updated_at.eq(ts),
            ))
            .execute(conn)?;
        for h in &v.case.hearings {
            let day: NaiveDate = today + Duration::days(h.in_days);
            let hearing_id = store::new_id();
            diesel::insert_into(hearings::table)
                .values((
                    hearings::id.eq(&hearing_id),
                    hearings::case_id.eq(&case_id),
                    hearings::kind.eq(&h.kind),
                    hearings::status.eq("listed"),
                    hearings::court_id.eq(&court),
                    hearings::courtroom.eq(&h.courtroom),
                    hearings::starts_at.eq(store::to_db(crate::calendar::local_to_utc(day, h.at))),
                    hearings::estimated_minutes.eq(h.minutes),
                    hearings::victim_attends.eq(h.gives_evidence),
                    hearings::victim_gives_evidence.eq(h.gives_evidence),
                    hearings::created_at.eq(ts),
                    hearings::updated_at.eq(ts),
                ))
                .execute(conn)?;
            let Some(rules) = plan else {
                continue;
            };
            // Planned as when a person lists the hearing: the supporter's
            // and partners' notices, tasks, deadlines and reminders.
            let focus = Focus {
                hearing_id: Some(hearing_id.clone()),
                ..Focus::default()
            };
            planning::react(
                conn,
                rules,
                now,
                &victim_id,
                &focus,
                EventKind::HearingListed,
            )?;
            // What people then did with it: played for the demo only (the
            // harness's world holds the records entered, not the story).
            if let Some(target) = h.attendance_request {
                attendance(
                    conn,
                    rules,
                    now,
                    &victim_id,
                    &hearing_id,
                    &key_id(&keys, &v.supporter)?,
                    target,
                )?;
            }
        }
        let Some(rules) = plan else {
            continue;
        };
        for p in &v.parole {
            let on = today + Duration::days(p.in_days);
            let region = v.probation.as_deref().ok_or_else(|| {
                AppError::Internal(
                    "demo parole milestone for a victim with no probation region".into(),
                )
            })?;
            diesel::insert_into(parole_milestones::table)
                .values((
                    parole_milestones::id.eq(store::new_id()),
                    parole_milestones::victim_id.eq(&victim_id),
                    parole_milestones::probation_region_id.eq(key_id(&keys, region)?),
                    parole_milestones::kind.eq(p.kind.as_str()),
                    parole_milestones::occurs_on.eq(on),
                    parole_milestones::hearing_format
                        .eq(p.hearing_format.map(ParoleHearingFormat::as_str)),
                    parole_milestones::recorded_by.eq(key_id(&keys, &p.logged_by)?),
                    parole_milestones::created_at.eq(ts),
                    parole_milestones::updated_at.eq(ts),
                ))
                .execute(conn)?;
            let milestone = crate::resources::parole_flows_milestone(
                &crate::resources::ParoleMilestoneInput {
                    victim_id: victim_id.clone(),
                    kind: p.kind,
                    occurs_on: on.to_string(),
                    hearing_format: p.hearing_format,
                    decision: None,
                },
                on,
            );
            planning::react(
                conn,
                rules,
                now,
                &victim_id,
                &Focus::default(),
                EventKind::ParoleMilestoneLogged { milestone },
            )?;
        }
    }
    Ok(true)
}

/// Raises the supporter's request to attend a hearing and takes it through
/// each state up to `target`, planning every step as its update would.
fn attendance(
    conn: &mut AnyConn,
    rules: &Rules,
    now: DateTime<Utc>,
    victim_id: &str,
    hearing_id: &str,
    supporter_id: &str,
    target: AttendanceState,
) -> AppResult<()> {
    use crate::flows::AttendanceAction;
    let request_id = store::new_id();
    let ts = store::to_db(now);
    diesel::insert_into(attendance_requests::table)
        .values((
            attendance_requests::id.eq(&request_id),
            attendance_requests::hearing_id.eq(hearing_id),
            attendance_requests::supporter_id.eq(supporter_id),
            attendance_requests::state.eq(AttendanceState::Requested.as_str()),
            attendance_requests::created_at.eq(ts),
            attendance_requests::updated_at.eq(ts),
        ))
        .execute(conn)?;
    let focus = |before: AttendanceState| Focus {
        hearing_id: Some(hearing_id.to_string()),
        attendance_request_id: Some(request_id.clone()),
        attendance_state_before: Some(before),
        ..Focus::default()
    };
    planning::react(
        conn,
        rules,
        now,
        victim_id,
        &focus(AttendanceState::Requested),
        EventKind::AttendanceRequestRaised,
    )?;
    let steps = [
        (AttendanceState::WcuInformed, AttendanceAction::WcuInformed),
        (AttendanceState::CpsInformed, AttendanceAction::CpsInformed),
    ];
    if !(target == AttendanceState::Requested || steps.iter().any(|(s, _)| *s == target)) {
        return Err(AppError::Internal(format!(
            "demo attendance requests go as far as cps_informed, not {}",
            target.as_str()
        )));
    }
    let mut before = AttendanceState::Requested;
    for (state, action) in steps {
        if before == target {
            break;
        }
        diesel::update(attendance_requests::table.filter(attendance_requests::id.eq(&request_id)))
            .set((
                attendance_requests::state.eq(state.as_str()),
                attendance_requests::version.eq(attendance_requests::version + 1),
            ))
            .execute(conn)?;
        planning::react(
            conn,
            rules,
            now,
            victim_id,
            &focus(before),
            EventKind::AttendanceRequestUpdated { action },
        )?;
        before = state;
    }
    Ok(())
}

/// Reference data only (the courts directory), for every start.
pub fn reference_data(pool: &Pool, clock: &dyn Clock) -> AppResult<()> {
    let mut conn = pool.get()?;
    let now = clock.now();
    let added = store::write(&mut conn, |conn| courts(conn, now))?;
    if added > 0 {
        tracing::info!(courts_added = added, "courts directory loaded");
    }
    Ok(())
}

/// The whole seed, in one transaction, as `courtside seed` and `serve
/// --demo` run it: the demo records planned through the flows, so every
/// role has notices, tasks and deadlines to look at.
pub fn run_demo(pool: &Pool, clock: &dyn Clock, rules: &Rules) -> AppResult<()> {
    seed(pool, clock, Some(rules))
}

/// The whole seed with the demo records unplanned: the test harness's
/// fixed world.
pub fn run(pool: &Pool, clock: &dyn Clock) -> AppResult<()> {
    seed(pool, clock, None)
}

fn seed(pool: &Pool, clock: &dyn Clock, plan: Option<&Rules>) -> AppResult<()> {
    let mut conn = pool.get()?;
    let now = clock.now();
    let (courts_added, demo_added) = store::write(&mut conn, |conn| {
        Ok((courts(conn, now)?, demo(conn, now, plan)?))
    })?;
    tracing::info!(
        courts_added,
        demo_added,
        planned = plan.is_some(),
        "seed done"
    );
    println!(
        "Seeded {courts_added} court(s); demo data {}. Demo users sign in with the password \"{DEMO_PASSWORD}\".",
        if demo_added { "loaded" } else { "already present" }
    );
    Ok(())
}

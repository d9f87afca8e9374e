//! A safety plan for the court day (issue 19, item 2): which entrance and
//! exit the victim uses, where she waits, who meets her (and when and
//! where), and the arrangements that keep her away from the defendant's
//! family, agreed with the Witness Service. One plan is in force per
//! hearing. The API (`/api/v1/hearings/{id}/safety-plan`), the plan's page
//! and the week's agenda all call these functions.
//!
//! Who may do what (`policy::ResourceKind::SafetyPlan` and
//! `SafetyPlanAgreement`):
//! - the supporter with the victim in reach records, changes, withdraws
//!   and reads the plan;
//! - the Witness Service's staff at the hearing's court read it and mark
//!   it agreed, only while the plan has a basis in force: the victim's
//!   consent record for the Witness Service referral (which carries its
//!   own lawful basis) or her single point of contact agreement. Each of
//!   their reads is audited as a disclosure to their service;
//! - everyone else: 403 for the role, 404 outside reach.
//!
//! The free text is sealed at rest (one sealed JSON value, `details`) and
//! never logged; audit entries name the plan, never its text. The plan is
//! never put in a notice: no notice template has a field for it (see
//! [`may_be_emailed`] and the test in `tests/api/safety_plans.rs`).

use std::collections::HashMap;

use chrono::{DateTime, Duration, NaiveDate, NaiveDateTime, Utc};
use diesel::prelude::*;
use serde::{Deserialize, Serialize};

use super::Ctx;
use crate::audit::{self, AuditAction, Entry};
use crate::domain::{ConsentScope, HearingStatus, LawfulBasis, Role};
use crate::error::{AppError, AppResult, FieldError};
use crate::policy::{Action, ResourceKind};
use crate::store::schema::{
    cases, consents, hearings, organisations, safety_plans, supporter_assignments, victims,
};
use crate::store::{self, AnyConn};
use crate::validate::Validator;

/// The longest any one part of a plan may be.
pub const MAX_PART: usize = 500;

/// The plan as recorded or changed (a whole plan: a change replaces it).
#[derive(Debug, Clone, Default, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct SafetyPlanInput {
    /// Which entrance the victim uses.
    pub entrance: String,
    /// Which exit she leaves by.
    pub exit: String,
    /// Where she waits.
    pub waiting_area: String,
    /// Who meets her (a name or a role, e.g. "Witness Service volunteer").
    #[serde(default)]
    pub met_by: Option<String>,
    /// When she is met: RFC 3339 with its offset, on one of the hearing's
    /// court days and no later than that day's start.
    #[serde(default)]
    pub meet_at: Option<String>,
    /// Where she is met.
    #[serde(default)]
    pub meet_place: Option<String>,
    /// The arrangements to avoid the defendant's family.
    #[serde(default)]
    pub avoid_family: Option<String>,
    /// When the plan was agreed with the Witness Service (RFC 3339, not in
    /// the future); leave out while it is not agreed.
    #[serde(default)]
    pub agreed_at: Option<String>,
    /// Who at the Witness Service agreed it (only with `agreed_at`).
    #[serde(default)]
    pub agreed_with: Option<String>,
    /// The victim agreed that the plan may be written in an email.
    /// Default false.
    #[serde(default)]
    pub may_email: bool,
    /// The victim's consent record for the Witness Service referral, which
    /// lets the Witness Service read the plan.
    #[serde(default)]
    pub consent_id: Option<String>,
    /// The victim's single point of contact agreement with her supporter
    /// is the basis instead (it must be recorded on her assignment).
    #[serde(default)]
    pub spoc_agreement: bool,
}

/// The plan as stored.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, utoipa::ToSchema)]
pub struct SafetyPlanOut {
    pub id: String,
    pub hearing_id: String,
    pub victim_id: String,
    pub entrance: String,
    pub exit: String,
    pub waiting_area: String,
    pub met_by: Option<String>,
    /// When she is met, in UTC.
    pub meet_at: Option<DateTime<Utc>>,
    /// The same in court-local (Europe/London) time with its offset.
    pub meet_at_local: Option<String>,
    pub meet_place: Option<String>,
    pub avoid_family: Option<String>,
    /// Agreed with the Witness Service.
    pub agreed: bool,
    pub agreed_at: Option<DateTime<Utc>>,
    pub agreed_with: Option<String>,
    /// The Witness Service marked it agreed itself.
    pub agreed_by_witness_service: bool,
    pub may_email: bool,
    /// `consent`, another lawful basis from the consent record, or
    /// `spoc_agreement`; null while the Witness Service may not read it.
    pub basis: Option<String>,
    pub consent_id: Option<String>,
    pub recorded_at: DateTime<Utc>,
    /// When it was withdrawn (only ever set in the subject-access export:
    /// a withdrawn plan is otherwise not read).
    pub withdrawn_at: Option<DateTime<Utc>>,
    pub version: i32,
}

/// The sealed parts of a plan.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
struct Details {
    entrance: String,
    exit: String,
    waiting_area: String,
    #[serde(default)]
    met_by: Option<String>,
    #[serde(default)]
    meet_place: Option<String>,
    #[serde(default)]
    avoid_family: Option<String>,
    #[serde(default)]
    agreed_with: Option<String>,
    /// The Witness Service marked it agreed itself.
    #[serde(default)]
    by_service: bool,
}

/// The basis code stored for the single point of contact agreement.
pub const SPOC_BASIS: &str = "spoc_agreement";

/// What the checks made of a valid input.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Checked {
    pub meet_at: Option<DateTime<Utc>>,
    pub agreed_at: Option<DateTime<Utc>>,
}

fn trimmed(v: &Option<String>) -> Option<String> {
    v.as_deref()
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_string)
}

/// The input's checks, all at once (pure): the three places are required;
/// each part at most [`MAX_PART`] characters; a meeting time on one of the
/// hearing's court days (`sittings`, each day's start and end, from
/// `calendar::agenda::sittings`) and no later than that day's start, and
/// someone to meet her when a time or place is given; an agreement not in
/// the future, and who agreed only with when; one basis at most.
pub fn check(
    input: &SafetyPlanInput,
    sittings: &[(DateTime<Utc>, DateTime<Utc>)],
    now: DateTime<Utc>,
) -> Result<Checked, Vec<FieldError>> {
    let mut v = Validator::new();
    v.text("entrance", &input.entrance, MAX_PART);
    v.text("exit", &input.exit, MAX_PART);
    v.text("waiting_area", &input.waiting_area, MAX_PART);
    for (field, value) in [
        ("met_by", &input.met_by),
        ("meet_place", &input.meet_place),
        ("avoid_family", &input.avoid_family),
        ("agreed_with", &input.agreed_with),
    ] {
        v.opt_text(field, value.as_deref(), MAX_PART);
    }
    let meet_at = v.opt_instant("meet_at", input.meet_at.as_deref());
    if let Some(at) = meet_at {
        let day = crate::calendar::london_date(at);
        match sittings
            .iter()
            .find(|(start, _)| crate::calendar::london_date(*start) == day)
        {
            None => v.error("meet_at", "must be on a day the hearing sits"),
            Some((start, _)) => v.check(
                at <= *start,
                "meet_at",
                "must be no later than the hearing's start that day",
            ),
        }
    }
    if (input.meet_at.is_some() || input.meet_place.is_some()) && input.met_by.is_none() {
        v.error("met_by", "say who meets her when a time or place is given");
    }
    let agreed_at = v.opt_instant("agreed_at", input.agreed_at.as_deref());
    if let Some(at) = agreed_at {
        v.check(at <= now, "agreed_at", "may not be in the future");
    }
    if input.agreed_with.is_some() && input.agreed_at.is_none() {
        v.error(
            "agreed_at",
            "say when it was agreed, or leave out who agreed it",
        );
    }
    if input.spoc_agreement && input.consent_id.is_some() {
        v.error(
            "consent_id",
            "give either the consent record or the single point of contact agreement, not both",
        );
    } else if let Some(id) = input.consent_id.as_deref() {
        v.id("consent_id", id);
    }
    match v.finish() {
        Ok(()) => Ok(Checked { meet_at, agreed_at }),
        Err(AppError::Validation(errors)) => Err(errors),
        Err(_) => Err(Vec::new()),
    }
}

/// Whether the plan may be written in an email (pure): only when the
/// victim agreed to it. No notice carries it today; this is the one
/// question any notice that ever does must ask.
pub fn may_be_emailed(plan: &SafetyPlanOut) -> bool {
    plan.may_email
}

/// Whether the Witness Service's staff may read a plan (pure): their
/// service sits at the hearing's court, and the plan has a basis in force.
pub fn service_may_read(
    service_court: Option<&str>,
    hearing_court: &str,
    basis_in_force: bool,
) -> bool {
    basis_in_force && service_court == Some(hearing_court)
}

type Row = (
    String,
    String,
    String,
    String,
    Option<NaiveDateTime>,
    Option<NaiveDateTime>,
    bool,
    Option<String>,
    Option<String>,
    NaiveDateTime,
    Option<NaiveDateTime>,
    i32,
);

macro_rules! plan_columns {
    () => {
        (
            safety_plans::id,
            safety_plans::hearing_id,
            safety_plans::victim_id,
            safety_plans::details,
            safety_plans::meet_at,
            safety_plans::agreed_at,
            safety_plans::may_email,
            safety_plans::basis,
            safety_plans::consent_id,
            safety_plans::recorded_at,
            safety_plans::withdrawn_at,
            safety_plans::version,
        )
    };
}

fn out_of(row: Row) -> AppResult<SafetyPlanOut> {
    let (
        id,
        hearing_id,
        victim_id,
        sealed,
        meet_at,
        agreed_at,
        may_email,
        basis,
        consent_id,
        recorded_at,
        withdrawn_at,
        version,
    ) = row;
    let ring = crate::privacy::keyring()?;
    let plain = crate::privacy::open(&ring, &sealed)?;
    let d: Details = serde_json::from_str(&plain)
        .map_err(|_| AppError::Internal(format!("stored safety plan {id} does not read")))?;
    let meet_at = meet_at.map(store::from_db);
    let agreed_at = agreed_at.map(store::from_db);
    Ok(SafetyPlanOut {
        id,
        hearing_id,
        victim_id,
        entrance: d.entrance,
        exit: d.exit,
        waiting_area: d.waiting_area,
        met_by: d.met_by,
        meet_at,
        meet_at_local: meet_at.map(crate::resources::local),
        meet_place: d.meet_place,
        avoid_family: d.avoid_family,
        agreed: agreed_at.is_some(),
        agreed_at,
        agreed_with: d.agreed_with,
        agreed_by_witness_service: d.by_service,
        may_email,
        basis,
        consent_id,
        recorded_at: store::from_db(recorded_at),
        withdrawn_at: withdrawn_at.map(store::from_db),
        version,
    })
}

fn seal(d: &Details) -> AppResult<String> {
    let ring = crate::privacy::keyring()?;
    let plain = serde_json::to_string(d)
        .map_err(|_| AppError::Internal("a safety plan did not serialise".into()))?;
    Ok(ring.encrypt(&plain))
}

/// The hearing a plan (or a trial-progress update) is for: its victim,
/// court, start and length.
pub(crate) struct HearingFacts {
    pub victim_id: String,
    pub court_id: String,
    pub starts_at: DateTime<Utc>,
    pub estimated_minutes: i32,
    pub status: String,
}

impl HearingFacts {
    /// Its court days (a long trial sits day by day).
    pub(crate) fn sittings(&self) -> Vec<(DateTime<Utc>, DateTime<Utc>)> {
        crate::calendar::agenda::sittings(
            self.starts_at,
            self.estimated_minutes,
            &crate::calendar::BankHolidays::england_and_wales(),
        )
    }
}

pub(crate) fn hearing_facts(conn: &mut AnyConn, hearing_id: &str) -> AppResult<HearingFacts> {
    let found: Option<(String, String, NaiveDateTime, i32, String)> = hearings::table
        .inner_join(cases::table)
        .filter(hearings::id.eq(hearing_id))
        .select((
            cases::victim_id,
            hearings::court_id,
            hearings::starts_at,
            hearings::estimated_minutes,
            hearings::status,
        ))
        .first(conn)
        .optional()?;
    let (victim_id, court_id, starts_at, estimated_minutes, status) =
        found.ok_or_else(|| AppError::NotFound("hearing".into()))?;
    Ok(HearingFacts {
        victim_id,
        court_id,
        starts_at: store::from_db(starts_at),
        estimated_minutes,
        status,
    })
}

fn in_force(conn: &mut AnyConn, hearing_id: &str) -> AppResult<Option<SafetyPlanOut>> {
    let row: Option<Row> = safety_plans::table
        .filter(safety_plans::hearing_id.eq(hearing_id))
        .filter(safety_plans::withdrawn_at.is_null())
        .select(plan_columns!())
        .first(conn)
        .optional()?;
    row.map(out_of).transpose()
}

fn sealed_details(conn: &mut AnyConn, plan_id: &str) -> AppResult<Details> {
    let sealed: String = safety_plans::table
        .find(plan_id)
        .select(safety_plans::details)
        .first(conn)?;
    let ring = crate::privacy::keyring()?;
    let plain = crate::privacy::open(&ring, &sealed)?;
    serde_json::from_str(&plain)
        .map_err(|_| AppError::Internal(format!("stored safety plan {plan_id} does not read")))
}

/// The supporter's hearing: the hearing exists and its victim is in
/// reach (404 otherwise, as if it did not exist).
pub(crate) fn supporters_hearing(
    conn: &mut AnyConn,
    ctx: &Ctx,
    hearing_id: &str,
) -> AppResult<HearingFacts> {
    let facts = hearing_facts(conn, hearing_id)?;
    store::scope::require_victim(conn, &ctx.actor, ctx.today(), &facts.victim_id, "hearing")?;
    Ok(facts)
}

/// Whether a consent record is the victim's Witness Service referral and
/// in force at `now`; its basis if so.
fn consent_in_force(
    conn: &mut AnyConn,
    victim_id: &str,
    consent_id: &str,
    now: DateTime<Utc>,
) -> AppResult<Option<LawfulBasis>> {
    let found: Option<(String, NaiveDateTime, Option<NaiveDateTime>)> = consents::table
        .filter(consents::id.eq(consent_id))
        .filter(consents::victim_id.eq(victim_id))
        .filter(consents::scope.eq(ConsentScope::WitnessServiceReferral.as_str()))
        .select((consents::basis, consents::given_at, consents::withdrawn_at))
        .first(conn)
        .optional()?;
    let Some((basis, given_at, withdrawn_at)) = found else {
        return Ok(None);
    };
    let basis = LawfulBasis::from_db(&basis)?;
    let ended = match basis {
        LawfulBasis::Consent => crate::privacy::consent_withdrawn_at(
            store::from_db(given_at),
            withdrawn_at.map(store::from_db),
            now,
        ),
        _ => withdrawn_at.map(store::from_db),
    };
    Ok(ended.is_none().then_some(basis))
}

/// Whether the victim has a single point of contact agreement in force
/// on `today` (a current assignment marked so, with its date).
pub(crate) fn spoc_in_force(
    conn: &mut AnyConn,
    victim_id: &str,
    today: NaiveDate,
) -> AppResult<bool> {
    let n: i64 = supporter_assignments::table
        .filter(supporter_assignments::victim_id.eq(victim_id))
        .filter(supporter_assignments::is_spoc.eq(true))
        .filter(supporter_assignments::spoc_agreed_on.is_not_null())
        .filter(crate::store::scope::in_force(today))
        .count()
        .get_result(conn)?;
    Ok(n > 0)
}

/// The basis the input names, checked: (stored basis code, consent id).
fn basis_of(
    conn: &mut AnyConn,
    ctx: &Ctx,
    victim_id: &str,
    input: &SafetyPlanInput,
) -> AppResult<(Option<String>, Option<String>)> {
    if input.spoc_agreement {
        if !spoc_in_force(conn, victim_id, ctx.today())? {
            return Err(AppError::field(
                "spoc_agreement",
                "no single point of contact agreement is recorded for this victim",
            ));
        }
        return Ok((Some(SPOC_BASIS.into()), None));
    }
    let Some(id) = input.consent_id.as_deref() else {
        return Ok((None, None));
    };
    match consent_in_force(conn, victim_id, id, ctx.now)? {
        Some(b) => Ok((Some(b.as_str().to_string()), Some(id.to_string()))),
        None => Err(AppError::field(
            "consent_id",
            "is not this victim's Witness Service referral consent in force: record one, or leave it out to keep the plan to yourself",
        )),
    }
}

/// Whether the plan's basis is still in force.
fn plan_basis_in_force(conn: &mut AnyConn, ctx: &Ctx, plan: &SafetyPlanOut) -> AppResult<bool> {
    match (plan.basis.as_deref(), plan.consent_id.as_deref()) {
        (Some(SPOC_BASIS), _) => spoc_in_force(conn, &plan.victim_id, ctx.today()),
        (Some(_), Some(consent)) => {
            Ok(consent_in_force(conn, &plan.victim_id, consent, ctx.now)?.is_some())
        }
        _ => Ok(false),
    }
}

/// Whether the victim has any Witness Service referral consent record in
/// force at `now`, or her single point of contact agreement: what lets
/// the Witness Service at her hearing's court work with her record.
pub(crate) fn service_basis_in_force(
    conn: &mut AnyConn,
    ctx: &Ctx,
    victim_id: &str,
) -> AppResult<bool> {
    let ids: Vec<String> = consents::table
        .filter(consents::victim_id.eq(victim_id))
        .filter(consents::scope.eq(ConsentScope::WitnessServiceReferral.as_str()))
        .select(consents::id)
        .load(conn)?;
    for id in ids {
        if consent_in_force(conn, victim_id, &id, ctx.now)?.is_some() {
            return Ok(true);
        }
    }
    spoc_in_force(conn, victim_id, ctx.today())
}

/// The court the actor's Witness Service sits at.
pub(crate) fn service_court(conn: &mut AnyConn, ctx: &Ctx) -> AppResult<Option<String>> {
    Ok(organisations::table
        .find(&ctx.actor.organisation_id)
        .select(organisations::court_id)
        .first::<Option<String>>(conn)
        .optional()?
        .flatten())
}

/// The audit basis code for a plan's basis.
fn audit_basis(plan_basis: Option<&str>) -> Option<String> {
    plan_basis.map(|b| match b {
        SPOC_BASIS => SPOC_BASIS.to_string(),
        "consent" => format!("consent:{}", ConsentScope::WitnessServiceReferral.as_str()),
        other => format!("lawful:{other}"),
    })
}

fn service_recipient(ctx: &Ctx) -> String {
    format!("witness_service:{}", ctx.actor.organisation_id)
}

/// The plan just written (`after` the insert or update), audited and
/// logged as `done`.
fn written(
    conn: &mut AnyConn,
    ctx: &Ctx,
    hearing_id: &str,
    action: AuditAction,
    after: &str,
    done: &str,
) -> AppResult<SafetyPlanOut> {
    let plan = in_force(conn, hearing_id)?
        .ok_or_else(|| AppError::Internal(format!("safety plan vanished after {after}")))?;
    audit::append(conn, ctx.now, entry(ctx, action, &plan, "safety_plan"))?;
    tracing::info!(hearing_id = %hearing_id, plan_id = %plan.id, "safety plan {done}");
    Ok(plan)
}

fn entry(ctx: &Ctx, action: AuditAction, plan: &SafetyPlanOut, category: &str) -> Entry {
    Entry {
        victim_id: Some(plan.victim_id.clone()),
        category: Some(category.to_owned()),
        basis: audit_basis(plan.basis.as_deref()),
        ..Entry::new(action, Some(&ctx.actor.user_id), "safety_plans", &plan.id)
    }
}

/// A read of the plan by the Witness Service: a disclosure to that
/// service, audited.
fn audit_service_read(conn: &mut AnyConn, ctx: &Ctx, plans: &[&SafetyPlanOut]) -> AppResult<()> {
    let entries: Vec<Entry> = plans
        .iter()
        .map(|p| Entry {
            recipient: Some(service_recipient(ctx)),
            ..entry(ctx, AuditAction::ReadSensitive, p, "safety_plan")
        })
        .collect();
    audit::append_all(conn, ctx.now, &entries)
}

/// The Witness Service's check: the plan's hearing is at their court and
/// its basis is in force; 404 otherwise.
fn service_may_see(
    conn: &mut AnyConn,
    ctx: &Ctx,
    facts: &HearingFacts,
    plan: &SafetyPlanOut,
) -> AppResult<()> {
    let court = service_court(conn, ctx)?;
    let basis = plan_basis_in_force(conn, ctx, plan)?;
    if service_may_read(court.as_deref(), &facts.court_id, basis) {
        Ok(())
    } else {
        Err(AppError::NotFound("safety plan".into()))
    }
}

/// The plan in force for the hearing. A read by the Witness Service is
/// audited as a disclosure to it.
pub fn read(conn: &mut AnyConn, ctx: &Ctx, hearing_id: &str) -> AppResult<SafetyPlanOut> {
    ctx.may((ResourceKind::SafetyPlan, Action::Read, "safety plan"))?;
    if ctx.actor.role == Role::WitnessServiceStaff {
        return service_plan(conn, ctx, hearing_id).map(|p| p.plan);
    }
    supporters_hearing(conn, ctx, hearing_id)?;
    in_force(conn, hearing_id)?.ok_or_else(|| AppError::NotFound("safety plan".into()))
}

/// The Witness Service's read of one plan, with the hearing it is for and
/// the victim's reference (never her name); audited as a disclosure to
/// the service. 404 unless the hearing is at the service's court and the
/// plan's basis is in force.
pub fn service_plan(conn: &mut AnyConn, ctx: &Ctx, hearing_id: &str) -> AppResult<ServicePlan> {
    ctx.may((ResourceKind::SafetyPlan, Action::Read, "safety plan"))?;
    if ctx.actor.role != Role::WitnessServiceStaff {
        return Err(AppError::NotFound("safety plan".into()));
    }
    store::write(conn, |conn| {
        let facts = hearing_facts(conn, hearing_id)
            .map_err(|_| AppError::NotFound("safety plan".into()))?;
        let plan =
            in_force(conn, hearing_id)?.ok_or_else(|| AppError::NotFound("safety plan".into()))?;
        service_may_see(conn, ctx, &facts, &plan)?;
        let (kind, courtroom): (String, Option<String>) = hearings::table
            .find(hearing_id)
            .select((hearings::kind, hearings::courtroom))
            .first(conn)?;
        let reference: String = victims::table
            .find(&plan.victim_id)
            .select(victims::reference)
            .first(conn)?;
        audit_service_read(conn, ctx, &[&plan])?;
        tracing::info!(hearing_id = %hearing_id, plan_id = %plan.id, "safety plan read by the Witness Service");
        Ok(ServicePlan {
            hearing_id: hearing_id.to_string(),
            hearing_kind: kind,
            starts_at: facts.starts_at,
            courtroom,
            victim_reference: reference,
            plan,
        })
    })
}

/// The plan in force for the hearing, for the supporter's own page (None
/// when there is none yet).
pub fn find(conn: &mut AnyConn, ctx: &Ctx, hearing_id: &str) -> AppResult<Option<SafetyPlanOut>> {
    ctx.may((ResourceKind::SafetyPlan, Action::Read, "safety plan"))?;
    if ctx.actor.role == Role::WitnessServiceStaff {
        return match read(conn, ctx, hearing_id) {
            Ok(p) => Ok(Some(p)),
            Err(AppError::NotFound(_)) => Ok(None),
            Err(e) => Err(e),
        };
    }
    supporters_hearing(conn, ctx, hearing_id)?;
    in_force(conn, hearing_id)
}

fn details_of(input: &SafetyPlanInput, keep_service_mark: bool) -> Details {
    Details {
        entrance: input.entrance.trim().to_string(),
        exit: input.exit.trim().to_string(),
        waiting_area: input.waiting_area.trim().to_string(),
        met_by: trimmed(&input.met_by),
        meet_place: trimmed(&input.meet_place),
        avoid_family: trimmed(&input.avoid_family),
        agreed_with: trimmed(&input.agreed_with),
        by_service: keep_service_mark,
    }
}

fn invalid(errors: Vec<FieldError>) -> AppError {
    AppError::Validation(errors)
}

/// Records the plan for a hearing; one in force already is a conflict
/// (change it instead).
pub fn record(
    conn: &mut AnyConn,
    ctx: &Ctx,
    hearing_id: &str,
    input: &SafetyPlanInput,
) -> AppResult<SafetyPlanOut> {
    ctx.may((ResourceKind::SafetyPlan, Action::Create, "safety plan"))?;
    store::write(conn, |conn| {
        let facts = supporters_hearing(conn, ctx, hearing_id)?;
        let checked = check(input, &facts.sittings(), ctx.now).map_err(invalid)?;
        if facts.status == HearingStatus::Vacated.as_str() {
            return Err(AppError::Conflict(
                "the hearing was vacated: there is no court day to plan".into(),
            ));
        }
        if in_force(conn, hearing_id)?.is_some() {
            return Err(AppError::Conflict(
                "a safety plan is already recorded for this hearing: change it instead".into(),
            ));
        }
        let (basis, consent_id) = basis_of(conn, ctx, &facts.victim_id, input)?;
        let id = store::new_id();
        let at = store::to_db(ctx.now);
        diesel::insert_into(safety_plans::table)
            .values((
                safety_plans::id.eq(&id),
                safety_plans::hearing_id.eq(hearing_id),
                safety_plans::victim_id.eq(&facts.victim_id),
                safety_plans::details.eq(seal(&details_of(input, false))?),
                safety_plans::meet_at.eq(checked.meet_at.map(store::to_db)),
                safety_plans::agreed_at.eq(checked.agreed_at.map(store::to_db)),
                safety_plans::agreed_recorded_by
                    .eq(checked.agreed_at.map(|_| ctx.actor.user_id.clone())),
                safety_plans::may_email.eq(input.may_email),
                safety_plans::basis.eq(basis.as_deref()),
                safety_plans::consent_id.eq(consent_id.as_deref()),
                safety_plans::recorded_by.eq(&ctx.actor.user_id),
                safety_plans::recorded_at.eq(at),
                safety_plans::version.eq(1),
                safety_plans::created_at.eq(at),
                safety_plans::updated_at.eq(at),
            ))
            .execute(conn)?;
        written(
            conn,
            ctx,
            hearing_id,
            AuditAction::Create,
            "insert",
            "recorded",
        )
    })
}

/// Replaces the plan in force for a hearing, if it is still at
/// `expected_version` (412 otherwise). An agreement the Witness Service
/// marked itself is kept only while the input keeps its instant.
pub fn update(
    conn: &mut AnyConn,
    ctx: &Ctx,
    hearing_id: &str,
    expected_version: i32,
    input: &SafetyPlanInput,
) -> AppResult<SafetyPlanOut> {
    ctx.may((ResourceKind::SafetyPlan, Action::Update, "safety plan"))?;
    store::write(conn, |conn| {
        let facts = supporters_hearing(conn, ctx, hearing_id)?;
        let checked = check(input, &facts.sittings(), ctx.now).map_err(invalid)?;
        let current =
            in_force(conn, hearing_id)?.ok_or_else(|| AppError::NotFound("safety plan".into()))?;
        crate::resources::check_version(current.version, expected_version)?;
        let (basis, consent_id) = basis_of(conn, ctx, &facts.victim_id, input)?;
        let old = sealed_details(conn, &current.id)?;
        let same_agreement = checked.agreed_at == current.agreed_at;
        let keep_mark = old.by_service && same_agreement;
        let mut details = details_of(input, keep_mark);
        if keep_mark && details.agreed_with.is_none() {
            details.agreed_with = old.agreed_with.clone();
        }
        let recorded_by = if same_agreement {
            None
        } else {
            checked.agreed_at.map(|_| ctx.actor.user_id.clone())
        };
        let at = store::to_db(ctx.now);
        let target = safety_plans::table
            .filter(safety_plans::id.eq(&current.id))
            .filter(safety_plans::version.eq(expected_version));
        let changed = if same_agreement {
            diesel::update(target)
                .set((
                    safety_plans::details.eq(seal(&details)?),
                    safety_plans::meet_at.eq(checked.meet_at.map(store::to_db)),
                    safety_plans::may_email.eq(input.may_email),
                    safety_plans::basis.eq(basis.as_deref()),
                    safety_plans::consent_id.eq(consent_id.as_deref()),
                    safety_plans::version.eq(expected_version + 1),
                    safety_plans::updated_at.eq(at),
                ))
                .execute(conn)?
        } else {
            diesel::update(target)
                .set((
                    safety_plans::details.eq(seal(&details)?),
                    safety_plans::meet_at.eq(checked.meet_at.map(store::to_db)),
                    safety_plans::agreed_at.eq(checked.agreed_at.map(store::to_db)),
                    safety_plans::agreed_recorded_by.eq(recorded_by),
                    safety_plans::may_email.eq(input.may_email),
                    safety_plans::basis.eq(basis.as_deref()),
                    safety_plans::consent_id.eq(consent_id.as_deref()),
                    safety_plans::version.eq(expected_version + 1),
                    safety_plans::updated_at.eq(at),
                ))
                .execute(conn)?
        };
        if changed != 1 {
            return Err(AppError::StaleVersion {
                current: current.version,
            });
        }
        written(
            conn,
            ctx,
            hearing_id,
            AuditAction::Update,
            "update",
            "changed",
        )
    })
}

/// Withdraws the plan in force for a hearing: nobody reads it any more.
pub fn withdraw(conn: &mut AnyConn, ctx: &Ctx, hearing_id: &str) -> AppResult<()> {
    ctx.may((ResourceKind::SafetyPlan, Action::Update, "safety plan"))?;
    store::write(conn, |conn| {
        supporters_hearing(conn, ctx, hearing_id)?;
        let plan =
            in_force(conn, hearing_id)?.ok_or_else(|| AppError::NotFound("safety plan".into()))?;
        let at = store::to_db(ctx.now);
        diesel::update(
            safety_plans::table
                .filter(safety_plans::id.eq(&plan.id))
                .filter(safety_plans::withdrawn_at.is_null()),
        )
        .set((
            safety_plans::withdrawn_at.eq(Some(at)),
            safety_plans::version.eq(plan.version + 1),
            safety_plans::updated_at.eq(at),
        ))
        .execute(conn)?;
        audit::append(
            conn,
            ctx.now,
            entry(ctx, AuditAction::Update, &plan, "safety_plan_withdrawn"),
        )?;
        tracing::info!(hearing_id = %hearing_id, plan_id = %plan.id, "safety plan withdrawn");
        Ok(())
    })
}

/// The Witness Service marks the plan agreed (its staff, at the hearing's
/// court, while the plan's basis is in force). Marking it again is a
/// conflict.
pub fn agree(conn: &mut AnyConn, ctx: &Ctx, hearing_id: &str) -> AppResult<SafetyPlanOut> {
    ctx.may((
        ResourceKind::SafetyPlanAgreement,
        Action::Create,
        "safety plan agreement",
    ))?;
    store::write(conn, |conn| {
        let facts = hearing_facts(conn, hearing_id)
            .map_err(|_| AppError::NotFound("safety plan".into()))?;
        let plan =
            in_force(conn, hearing_id)?.ok_or_else(|| AppError::NotFound("safety plan".into()))?;
        service_may_see(conn, ctx, &facts, &plan)?;
        if plan.agreed {
            return Err(AppError::Conflict(
                "the plan is already marked agreed".into(),
            ));
        }
        let service: String = organisations::table
            .find(&ctx.actor.organisation_id)
            .select(organisations::name)
            .first(conn)?;
        let mut details = sealed_details(conn, &plan.id)?;
        details.agreed_with = Some(service);
        details.by_service = true;
        let at = store::to_db(ctx.now);
        diesel::update(
            safety_plans::table
                .filter(safety_plans::id.eq(&plan.id))
                .filter(safety_plans::version.eq(plan.version)),
        )
        .set((
            safety_plans::details.eq(seal(&details)?),
            safety_plans::agreed_at.eq(Some(at)),
            safety_plans::agreed_recorded_by.eq(Some(&ctx.actor.user_id)),
            safety_plans::version.eq(plan.version + 1),
            safety_plans::updated_at.eq(at),
        ))
        .execute(conn)?;
        let plan = in_force(conn, hearing_id)?
            .ok_or_else(|| AppError::Internal("safety plan vanished after update".into()))?;
        // One entry: the change, naming the service it was shown to.
        audit::append(
            conn,
            ctx.now,
            Entry {
                recipient: Some(service_recipient(ctx)),
                ..entry(ctx, AuditAction::Update, &plan, "safety_plan_agreed")
            },
        )?;
        tracing::info!(hearing_id = %hearing_id, plan_id = %plan.id, "safety plan marked agreed by the Witness Service");
        Ok(plan)
    })
}

/// The supporter's plans for these hearings (by hearing id), for the
/// week's agenda: only plans of victims in the actor's reach. Other roles
/// get none here.
pub fn for_hearings(
    conn: &mut AnyConn,
    ctx: &Ctx,
    hearing_ids: &[String],
) -> AppResult<HashMap<String, SafetyPlanOut>> {
    if ctx.actor.role != Role::Supporter
        || !crate::policy::permits(ctx.actor.role, ResourceKind::SafetyPlan, Action::Read)
        || hearing_ids.is_empty()
    {
        return Ok(HashMap::new());
    }
    let reach = ctx.visible_victims(conn)?;
    let mut out = HashMap::new();
    for chunk in hearing_ids.chunks(500) {
        let rows: Vec<Row> = safety_plans::table
            .filter(safety_plans::hearing_id.eq_any(chunk))
            .filter(safety_plans::withdrawn_at.is_null())
            .select(plan_columns!())
            .load(conn)?;
        for row in rows {
            let plan = out_of(row)?;
            if reach.binary_search(&plan.victim_id).is_ok() {
                out.insert(plan.hearing_id.clone(), plan);
            }
        }
    }
    Ok(out)
}

/// Every plan recorded for the victim, withdrawn ones too, oldest first,
/// for her subject-access export (which has checked the actor may export
/// her records): empty for a role that may not read plans.
pub(crate) fn for_export(
    conn: &mut AnyConn,
    ctx: &Ctx,
    victim_id: &str,
) -> AppResult<Vec<SafetyPlanOut>> {
    if !crate::policy::permits(ctx.actor.role, ResourceKind::SafetyPlan, Action::Read) {
        return Ok(Vec::new());
    }
    let rows: Vec<Row> = safety_plans::table
        .filter(safety_plans::victim_id.eq(victim_id))
        .order((safety_plans::recorded_at.asc(), safety_plans::id.asc()))
        .select(plan_columns!())
        .load(conn)?;
    rows.into_iter().map(out_of).collect()
}

/// A plan on the Witness Service's week: the hearing it is for, the
/// victim's reference (never her name) and the plan.
#[derive(Debug, Clone, Serialize)]
pub struct ServicePlan {
    pub hearing_id: String,
    pub hearing_kind: String,
    pub starts_at: DateTime<Utc>,
    pub courtroom: Option<String>,
    pub victim_reference: String,
    pub plan: SafetyPlanOut,
}

/// The plans the Witness Service may read for hearings at its court that
/// start in the week from `from` (a London date), earliest first. Each is
/// audited as a disclosure to the service.
pub fn service_week(conn: &mut AnyConn, ctx: &Ctx, from: NaiveDate) -> AppResult<Vec<ServicePlan>> {
    ctx.may((ResourceKind::SafetyPlan, Action::Read, "safety plan"))?;
    if ctx.actor.role != Role::WitnessServiceStaff {
        return Ok(Vec::new());
    }
    let Some(end_day) = from.checked_add_signed(Duration::days(7)) else {
        return Err(AppError::field("from", "is not a date the agenda can show"));
    };
    store::write(conn, |conn| {
        let Some(court) = service_court(conn, ctx)? else {
            return Ok(Vec::new());
        };
        let start = store::to_db(crate::calendar::start_of_london_day(from));
        let end = store::to_db(crate::calendar::start_of_london_day(end_day));
        type Found = (Row, (String, NaiveDateTime, Option<String>, String, String));
        let rows: Vec<Found> = safety_plans::table
            .inner_join(hearings::table.on(hearings::id.eq(safety_plans::hearing_id)))
            .inner_join(victims::table.on(victims::id.eq(safety_plans::victim_id)))
            .filter(safety_plans::withdrawn_at.is_null())
            .filter(hearings::court_id.eq(&court))
            .filter(hearings::starts_at.ge(start))
            .filter(hearings::starts_at.lt(end))
            .filter(hearings::status.ne(HearingStatus::Vacated.as_str()))
            .order((hearings::starts_at.asc(), hearings::id.asc()))
            .select((
                plan_columns!(),
                (
                    hearings::kind,
                    hearings::starts_at,
                    hearings::courtroom,
                    hearings::status,
                    victims::reference,
                ),
            ))
            .load(conn)?;
        let mut out = Vec::new();
        for (row, (kind, starts_at, courtroom, _status, reference)) in rows {
            let plan = out_of(row)?;
            if !plan_basis_in_force(conn, ctx, &plan)? {
                continue;
            }
            out.push(ServicePlan {
                hearing_id: plan.hearing_id.clone(),
                hearing_kind: kind,
                starts_at: store::from_db(starts_at),
                courtroom,
                victim_reference: reference,
                plan,
            });
        }
        let read: Vec<&SafetyPlanOut> = out.iter().map(|p| &p.plan).collect();
        audit_service_read(conn, ctx, &read)?;
        Ok(out)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn at(d: u32, h: u32, m: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 3, d, h, m, 0).unwrap()
    }

    fn plan() -> SafetyPlanInput {
        SafetyPlanInput {
            entrance: "Side door on Oxford Row".into(),
            exit: "Side door".into(),
            waiting_area: "Witness Service room 2".into(),
            ..SafetyPlanInput::default()
        }
    }

    fn fields(r: Result<Checked, Vec<FieldError>>) -> Vec<String> {
        match r {
            Ok(_) => Vec::new(),
            Err(e) => e.into_iter().map(|f| f.field).collect(),
        }
    }

    #[test]
    fn the_plans_checks_field_by_field() {
        // A hearing at 10:00 GMT on Friday 27 March 2026 for the day,
        // then again on Monday 30th at 10:00 BST; now is the 20th.
        let days = [
            (at(27, 10, 0), at(27, 16, 0)),
            (at(30, 9, 0), at(30, 15, 0)),
        ];
        let now = at(20, 12, 0);
        let with = |f: &dyn Fn(&mut SafetyPlanInput)| {
            let mut p = plan();
            f(&mut p);
            fields(check(&p, &days, now))
        };
        // (change, fields refused)
        let table: Vec<(Vec<String>, Vec<&str>)> = vec![
            (with(&|_| {}), vec![]),
            (with(&|p| p.entrance = " ".into()), vec!["entrance"]),
            (with(&|p| p.exit = "x".repeat(MAX_PART + 1)), vec!["exit"]),
            (
                with(&|p| {
                    p.met_by = Some("Jo, volunteer".into());
                    p.meet_at = Some("2026-03-27T09:15:00+00:00".into());
                }),
                vec![],
            ),
            // The second court day, before it sits.
            (
                with(&|p| {
                    p.met_by = Some("Jo".into());
                    p.meet_at = Some("2026-03-30T09:30:00+01:00".into());
                }),
                vec![],
            ),
            // The weekend between, the day before, or after the start.
            (
                with(&|p| {
                    p.met_by = Some("Jo".into());
                    p.meet_at = Some("2026-03-28T09:30:00+00:00".into());
                }),
                vec!["meet_at"],
            ),
            (
                with(&|p| {
                    p.met_by = Some("Jo".into());
                    p.meet_at = Some("2026-03-26T09:15:00+00:00".into());
                }),
                vec!["meet_at"],
            ),
            (
                with(&|p| {
                    p.met_by = Some("Jo".into());
                    p.meet_at = Some("2026-03-27T10:30:00+00:00".into());
                }),
                vec!["meet_at"],
            ),
            // A time or a place, but nobody to meet her.
            (
                with(&|p| p.meet_place = Some("The bus stop".into())),
                vec!["met_by"],
            ),
            (
                with(&|p| p.agreed_at = Some("2026-03-21T09:00:00+00:00".into())),
                vec!["agreed_at"],
            ),
            (
                with(&|p| p.agreed_with = Some("Sam".into())),
                vec!["agreed_at"],
            ),
            (
                with(&|p| {
                    p.agreed_at = Some("2026-03-19T09:00:00+00:00".into());
                    p.agreed_with = Some("Sam at the Witness Service".into());
                }),
                vec![],
            ),
            (
                with(&|p| {
                    p.spoc_agreement = true;
                    p.consent_id = Some("2b0f7c1e-4c1a-4f55-9d7e-0c6a3c1e2f10".into());
                }),
                vec!["consent_id"],
            ),
        ];
        for (i, (got, want)) in table.into_iter().enumerate() {
            assert_eq!(got, want, "row {i}");
        }
    }

    #[test]
    fn the_meeting_day_is_the_london_day_across_midnight_bst() {
        // A hearing at 00:30 BST on 1 April (23:30 UTC on 31 March): a
        // meeting at 00:10 BST is the same London day.
        let start = Utc.with_ymd_and_hms(2026, 3, 31, 23, 30, 0).unwrap();
        let days = [(start, start + Duration::hours(1))];
        let mut p = plan();
        p.met_by = Some("Jo".into());
        p.meet_at = Some("2026-04-01T00:10:00+01:00".into());
        assert!(check(&p, &days, at(20, 12, 0)).is_ok());
        p.meet_at = Some("2026-03-31T23:50:00+01:00".into());
        assert_eq!(fields(check(&p, &days, at(20, 12, 0))), ["meet_at"]);
    }

    #[test]
    fn the_witness_service_reads_only_at_its_court_with_a_basis() {
        // (service's court, hearing's court, basis in force, may read)
        let table = [
            (Some("leeds"), "leeds", true, true),
            (Some("leeds"), "leeds", false, false),
            (Some("leeds"), "bradford", true, false),
            (None, "leeds", true, false),
        ];
        for (service, hearing, basis, want) in table {
            assert_eq!(
                service_may_read(service, hearing, basis),
                want,
                "{service:?} {hearing} {basis}"
            );
        }
    }

    #[test]
    fn the_audit_names_the_basis_never_the_text() {
        assert_eq!(
            audit_basis(Some("consent")).as_deref(),
            Some("consent:witness_service_referral")
        );
        assert_eq!(
            audit_basis(Some("spoc_agreement")).as_deref(),
            Some("spoc_agreement")
        );
        assert_eq!(
            audit_basis(Some("legal_obligation")).as_deref(),
            Some("lawful:legal_obligation")
        );
        assert_eq!(audit_basis(None), None);
    }
}

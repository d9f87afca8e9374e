//! Subject-access export: everything Courtside holds about one victim, as
//! one document, for a front-line role that may read the victim's
//! sensitive details and has the victim in scope. Every export is audited
//! in the transaction that builds it.

use chrono::{DateTime, Utc};
use diesel::prelude::*;
use serde::Serialize;
use serde_json::Value;

use super::{Ctx, Resource};
use crate::audit::{self, AuditAction};
use crate::error::{AppError, AppResult};
use crate::policy::{self, Action, Reach, ResourceKind};
use crate::resources::*;
use crate::store::schema::{
    attendance_requests, audit_log, cases, consents, deadlines, flow_warnings, hearings, notices,
    parole_milestones, pre_trial_visits, special_measures_discussions, supporter_assignments,
    tasks,
};
use crate::store::{self, scope, AnyConn};

/// One audit entry about the victim (ids and categories only).
#[derive(Debug, Serialize, Queryable, utoipa::ToSchema)]
pub struct AuditOut {
    pub seq: i64,
    #[serde(skip)]
    #[schema(ignore)]
    at_db: chrono::NaiveDateTime,
    pub actor_user_id: Option<String>,
    pub action: String,
    pub entity: String,
    pub entity_id: String,
    pub recipient: Option<String>,
    pub category: Option<String>,
    pub basis: Option<String>,
    /// For a notice sent: the language it was written in.
    pub language: Option<String>,
}

/// Everything held about one victim.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct SubjectAccessExport {
    pub exported_at: DateTime<Utc>,
    #[schema(value_type = Object)]
    pub victim: Value,
    /// Decrypted; absent when none are recorded (or they were erased).
    #[schema(value_type = Object)]
    pub sensitive_details: Option<Value>,
    #[schema(value_type = Vec<Object>)]
    pub assignments: Vec<Value>,
    #[schema(value_type = Vec<Object>)]
    pub consents: Vec<Value>,
    #[schema(value_type = Vec<Object>)]
    pub cases: Vec<Value>,
    #[schema(value_type = Vec<Object>)]
    pub hearings: Vec<Value>,
    #[schema(value_type = Vec<Object>)]
    pub pre_trial_visits: Vec<Value>,
    #[schema(value_type = Vec<Object>)]
    pub special_measures_discussions: Vec<Value>,
    #[schema(value_type = Vec<Object>)]
    pub parole_milestones: Vec<Value>,
    #[schema(value_type = Vec<Object>)]
    pub attendance_requests: Vec<Value>,
    /// Safety plans for court days (to a role that may read them).
    pub safety_plans: Vec<super::safety_plans::SafetyPlanOut>,
    /// Updates on the day of her hearings, oldest first, with their notes.
    pub trial_updates: Vec<super::trial_updates::TrialUpdateOut>,
    /// Her risk meetings (MARAC, MAPPA) with their actions, to her
    /// supporter only.
    pub risk_meetings: Vec<super::risk_meetings::RiskMeetingDetail>,
    /// Whom she asked to be told of trial progress, if she chose.
    pub trial_update_preference: Option<super::trial_updates::TrialUpdatePreferenceOut>,
    /// Her parents, guardians and appropriate adults, with any exclusion
    /// (to a role that may read them).
    pub responsible_adults: Vec<super::responsible_adults::ResponsibleAdultOut>,
    /// The CPS meetings before trial and her wish about her supporter.
    pub cps_meetings: Vec<super::cps_meetings::CpsMeetingOut>,
    /// Her statement-taking and ABE-interview appointments, oldest first
    /// (to a role that may read them).
    pub statement_appointments: Vec<super::statement_appointments::StatementAppointmentOut>,
    /// Protective orders (with their notes), decisions not to charge or to
    /// stop a case, and compensation records.
    pub after_outcome: super::after_outcome::AfterOutcomeExport,
    /// With their delivery state.
    #[schema(value_type = Vec<Object>)]
    pub notices: Vec<Value>,
    #[schema(value_type = Vec<Object>)]
    pub tasks: Vec<Value>,
    #[schema(value_type = Vec<Object>)]
    pub deadlines: Vec<Value>,
    #[schema(value_type = Vec<Object>)]
    pub warnings: Vec<Value>,
    #[schema(value_type = Vec<Object>)]
    pub audit: Vec<Value>,
}

fn json<T: Serialize>(v: &T) -> AppResult<Value> {
    serde_json::to_value(v).map_err(|e| AppError::Internal(format!("export: {e}")))
}

/// Each record through its own read (the same shape as the API's), when
/// the read policy lets the actor's role read records of its kind at all
/// (a victim liaison officer's export holds no hearings, a witness care
/// officer's no parole milestones).
fn each<R: Resource>(conn: &mut AnyConn, ctx: &Ctx, ids: Vec<String>) -> AppResult<Vec<Value>> {
    if !policy::may_read(ctx.actor.role, R::KIND, R::KIND, Reach::Reached) {
        return Ok(Vec::new());
    }
    ids.iter()
        .map(|id| json(&R::read(conn, ctx, id)?))
        .collect()
}

/// Whether an audit entry's record is one the role may read: entries about
/// a kind of record the role may not read (a hearing, for a victim liaison
/// officer; a parole notice, for a witness care officer) are left out.
fn audit_readable(ctx: &Ctx, a: &AuditOut) -> bool {
    let (kind, about) = match a.entity.as_str() {
        "cases" => (ResourceKind::Case, ResourceKind::Case),
        "hearings" => (ResourceKind::Hearing, ResourceKind::Hearing),
        "pre_trial_visits" => (ResourceKind::PreTrialVisit, ResourceKind::PreTrialVisit),
        "special_measures_discussions" => (
            ResourceKind::SpecialMeasuresDiscussion,
            ResourceKind::SpecialMeasuresDiscussion,
        ),
        "attendance_requests" => (
            ResourceKind::AttendanceRequest,
            ResourceKind::AttendanceRequest,
        ),
        "parole_milestones" => (ResourceKind::ParoleMilestone, ResourceKind::ParoleMilestone),
        "safety_plans" => (ResourceKind::SafetyPlan, ResourceKind::SafetyPlan),
        "cps_meetings" => (ResourceKind::CpsMeeting, ResourceKind::CpsMeeting),
        "statement_appointments" => (
            ResourceKind::StatementAppointment,
            ResourceKind::StatementAppointment,
        ),
        // Even that a risk meeting was recorded is the supporter's alone.
        "risk_meetings" | "risk_meeting_actions" => {
            (ResourceKind::RiskMeeting, ResourceKind::RiskMeeting)
        }
        "notices" => (
            ResourceKind::Notice,
            policy::notice_about(a.category.as_deref().unwrap_or_default(), ""),
        ),
        // The victim's own records (details, consents, assignments) and
        // the export itself: anyone who may export reads them.
        _ => return true,
    };
    policy::may_read(ctx.actor.role, kind, about, Reach::Reached)
}

/// Keeps the ids of planned work whose strand the role may read.
fn readable(ctx: &Ctx, kind: ResourceKind, rows: Vec<(String, ResourceKind)>) -> Vec<String> {
    rows.into_iter()
        .filter(|(_, about)| policy::may_read(ctx.actor.role, kind, *about, Reach::Reached))
        .map(|(id, _)| id)
        .collect()
}

fn build(conn: &mut AnyConn, ctx: &Ctx, victim_id: &str) -> AppResult<SubjectAccessExport> {
    let (trial_updates, trial_update_preference) =
        super::trial_updates::for_export(conn, ctx, victim_id)?;
    scope::require_victim(conn, &ctx.actor, ctx.today(), victim_id, "victim")?;
    let victim = json(&Victims::read(conn, ctx, victim_id)?)?;
    let sensitive_details = VictimSensitiveDetails::for_export(conn, victim_id)?
        .map(|d| json(&d))
        .transpose()?;
    let case_ids: Vec<String> = cases::table
        .filter(cases::victim_id.eq(victim_id))
        .order(cases::created_at.asc())
        .select(cases::id)
        .load(conn)?;
    let hearing_ids: Vec<String> = hearings::table
        .filter(hearings::case_id.eq_any(&case_ids))
        .order(hearings::starts_at.asc())
        .select(hearings::id)
        .load(conn)?;
    let assignments: Vec<String> = supporter_assignments::table
        .filter(supporter_assignments::victim_id.eq(victim_id))
        .order(supporter_assignments::created_at.asc())
        .select(supporter_assignments::id)
        .load(conn)?;
    let consent_ids: Vec<String> = consents::table
        .filter(consents::victim_id.eq(victim_id))
        .order(consents::given_at.asc())
        .select(consents::id)
        .load(conn)?;
    let visits: Vec<String> = pre_trial_visits::table
        .filter(pre_trial_visits::case_id.eq_any(&case_ids))
        .order(pre_trial_visits::created_at.asc())
        .select(pre_trial_visits::id)
        .load(conn)?;
    let discussions: Vec<String> = special_measures_discussions::table
        .filter(special_measures_discussions::case_id.eq_any(&case_ids))
        .order(special_measures_discussions::held_at.asc())
        .select(special_measures_discussions::id)
        .load(conn)?;
    let parole: Vec<String> = parole_milestones::table
        .filter(parole_milestones::victim_id.eq(victim_id))
        .order(parole_milestones::occurs_on.asc())
        .select(parole_milestones::id)
        .load(conn)?;
    let requests: Vec<String> = attendance_requests::table
        .filter(attendance_requests::hearing_id.eq_any(&hearing_ids))
        .order(attendance_requests::created_at.asc())
        .select(attendance_requests::id)
        .load(conn)?;
    let notice_rows: Vec<(String, String, String)> = notices::table
        .filter(notices::victim_id.eq(victim_id))
        .order(notices::created_at.asc())
        .select((notices::id, notices::category, notices::step))
        .load(conn)?;
    let notice_ids = readable(
        ctx,
        ResourceKind::Notice,
        notice_rows
            .into_iter()
            .map(|(id, category, step)| (id, policy::notice_about(&category, &step)))
            .collect(),
    );
    let task_rows: Vec<(String, String, String)> = tasks::table
        .filter(tasks::victim_id.eq(victim_id))
        .order(tasks::created_at.asc())
        .select((tasks::id, tasks::step, tasks::role))
        .load(conn)?;
    let task_ids = readable(
        ctx,
        ResourceKind::Task,
        task_rows
            .into_iter()
            .map(|(id, step, role)| (id, policy::task_about(&step, &role)))
            .collect(),
    );
    let deadline_rows: Vec<(String, String)> = deadlines::table
        .filter(deadlines::victim_id.eq(victim_id))
        .order(deadlines::due_at.asc())
        .select((deadlines::id, deadlines::kind))
        .load(conn)?;
    let deadline_ids = readable(
        ctx,
        ResourceKind::Deadline,
        deadline_rows
            .into_iter()
            .map(|(id, kind)| (id, policy::deadline_about(&kind)))
            .collect(),
    );
    let warning_rows: Vec<(String, Option<String>)> = flow_warnings::table
        .filter(flow_warnings::victim_id.eq(victim_id))
        .order(flow_warnings::created_at.asc())
        .select((flow_warnings::id, flow_warnings::case_id))
        .load(conn)?;
    let warning_ids = readable(
        ctx,
        ResourceKind::Deadline,
        warning_rows
            .into_iter()
            .map(|(id, case)| {
                let about = if case.is_some() {
                    ResourceKind::Hearing
                } else {
                    ResourceKind::Victim
                };
                (id, about)
            })
            .collect(),
    );
    let audit_rows: Vec<AuditOut> = audit_log::table
        .filter(
            audit_log::victim_id
                .eq(victim_id)
                .or(audit_log::entity_id.eq(victim_id)),
        )
        .order(audit_log::seq.asc())
        .select((
            audit_log::seq,
            audit_log::at,
            audit_log::actor_user_id,
            audit_log::action,
            audit_log::entity,
            audit_log::entity_id,
            audit_log::recipient,
            audit_log::category,
            audit_log::basis,
            audit_log::language,
        ))
        .load(conn)?;
    let audit = audit_rows
        .iter()
        .filter(|a| audit_readable(ctx, a))
        .map(|a| {
            let mut v = json(a)?;
            v["at"] = json(&store::from_db(a.at_db))?;
            Ok(v)
        })
        .collect::<AppResult<_>>()?;
    Ok(SubjectAccessExport {
        exported_at: ctx.now,
        victim,
        sensitive_details,
        assignments: each::<SupporterAssignments>(conn, ctx, assignments)?,
        consents: each::<Consents>(conn, ctx, consent_ids)?,
        cases: each::<Cases>(conn, ctx, case_ids)?,
        hearings: each::<Hearings>(conn, ctx, hearing_ids)?,
        pre_trial_visits: each::<PreTrialVisits>(conn, ctx, visits)?,
        special_measures_discussions: each::<SpecialMeasuresDiscussions>(conn, ctx, discussions)?,
        parole_milestones: each::<ParoleMilestones>(conn, ctx, parole)?,
        attendance_requests: each::<AttendanceRequests>(conn, ctx, requests)?,
        safety_plans: super::safety_plans::for_export(conn, ctx, victim_id)?,
        risk_meetings: super::risk_meetings::for_export(conn, ctx, victim_id)?,
        trial_updates,
        trial_update_preference,
        responsible_adults: super::responsible_adults::for_export(conn, ctx, victim_id)?,
        cps_meetings: super::cps_meetings::for_export(conn, ctx, victim_id)?,
        statement_appointments: super::statement_appointments::for_export(conn, ctx, victim_id)?,
        after_outcome: super::after_outcome::for_export(conn, ctx, victim_id)?,
        notices: each::<Notices>(conn, ctx, notice_ids)?,
        tasks: each::<Tasks>(conn, ctx, task_ids)?,
        deadlines: each::<Deadlines>(conn, ctx, deadline_ids)?,
        warnings: each::<Warnings>(conn, ctx, warning_ids)?,
        audit,
    })
}

/// Builds the export of one victim and records it in the audit log.
pub fn export(conn: &mut AnyConn, ctx: &Ctx, victim_id: &str) -> AppResult<SubjectAccessExport> {
    ctx.may((
        ResourceKind::VictimSensitive,
        Action::Read,
        "subject-access export",
    ))?;
    store::write(conn, |conn| {
        let out = build(conn, ctx, victim_id)?;
        audit::append(
            conn,
            ctx.now,
            audit::Entry {
                victim_id: Some(victim_id.to_string()),
                category: Some("subject_access_export".into()),
                ..ctx.entry(AuditAction::ReadSensitive, "victims", victim_id)
            },
        )?;
        Ok(out)
    })
}

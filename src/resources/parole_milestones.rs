//! Parole milestones logged by the Victim Liaison Officer (Victim Contact
//! Scheme): review started, statement due, hearing listed, decision, the
//! reconsideration window, release, licence conditions.
//!
//! Parole information reaches the supporter only with the victim's consent
//! (scope `parole_to_supporter`, in force now): without it a supporter
//! cannot see a milestone at all (404, left out of lists). The same gate
//! applies to a manager, except for milestones of their own probation
//! region. Victims are told the release month, not the date, so readers
//! outside probation see only the month of a release date.

use chrono::{DateTime, NaiveDate, Utc};
use diesel::prelude::*;
use serde::{Deserialize, Serialize};

use crate::app::{Ctx, Page, Paged, Resource, Validate};
use crate::domain::{ConsentScope, ParoleDecision, ParoleHearingFormat, ParoleMilestoneKind, Role};
use crate::error::{AppError, AppResult};
use crate::flows::{self, EventKind};
use crate::planning;
use crate::policy::{Actor, ResourceKind};
use crate::store::schema::parole_milestones as pm;
use crate::store::{self, scope, AnyConn};
use crate::validate::Validator;

use super::consents::victims_with_active;
use super::{check_version, require_victim_field, same_owner, VictimFilter};

pub struct ParoleMilestones;

#[derive(Debug, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ParoleMilestoneInput {
    /// A victim in your probation region's Victim Contact Scheme.
    pub victim_id: String,
    pub kind: ParoleMilestoneKind,
    /// `YYYY-MM-DD`.
    pub occurs_on: String,
    /// Only for `hearing_listed`: paper or oral.
    pub hearing_format: Option<ParoleHearingFormat>,
    /// Required for `decision_made`, and only there.
    pub decision: Option<ParoleDecision>,
}

fn check(input: &ParoleMilestoneInput, v: &mut Validator) -> Option<NaiveDate> {
    use ParoleMilestoneKind::*;
    v.id("victim_id", &input.victim_id);
    if input.hearing_format.is_some() && input.kind != HearingListed {
        v.error(
            "hearing_format",
            "is recorded only for a hearing_listed milestone",
        );
    }
    match (input.kind, input.decision) {
        (DecisionMade, None) => v.error("decision", "is required for a decision_made milestone"),
        (kind, Some(_)) if kind != DecisionMade => {
            v.error("decision", "is recorded only for a decision_made milestone")
        }
        _ => {}
    }
    v.date("occurs_on", &input.occurs_on)
}

impl Validate for ParoleMilestoneInput {
    fn validate(&self, v: &mut Validator, _now: DateTime<Utc>) {
        check(self, v);
    }
}

/// Who may see which of the milestones of victims they reach.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ParoleGate {
    /// Probation itself: every milestone.
    Open,
    /// Only while the victim's parole consent is in force.
    Consent,
    /// This probation region's own milestones, and others only with the
    /// victim's consent.
    RegionOrConsent { organisation_id: String },
}

pub fn parole_gate(actor: &Actor) -> ParoleGate {
    match actor.role {
        Role::VictimLiaisonOfficer => ParoleGate::Open,
        Role::Manager => ParoleGate::RegionOrConsent {
            organisation_id: actor.organisation_id.clone(),
        },
        _ => ParoleGate::Consent,
    }
}

impl ParoleGate {
    /// Whether a milestone recorded by `region` may be seen, given whether
    /// the victim's parole consent is in force.
    pub fn admits(&self, region: &str, consented: bool) -> bool {
        match self {
            ParoleGate::Open => true,
            ParoleGate::Consent => consented,
            ParoleGate::RegionOrConsent { organisation_id } => {
                consented || organisation_id == region
            }
        }
    }

    /// Whether the reader is probation for this milestone (and so sees a
    /// release date's exact day).
    pub fn is_probation_for(&self, region: &str) -> bool {
        match self {
            ParoleGate::Open => true,
            ParoleGate::Consent => false,
            ParoleGate::RegionOrConsent { organisation_id } => organisation_id == region,
        }
    }
}

/// Whether the exact day may be shown: a release date is given to anyone
/// outside probation as its month only.
pub fn exact_day_shown(kind: ParoleMilestoneKind, probation_reader: bool) -> bool {
    kind != ParoleMilestoneKind::ReleaseDate || probation_reader
}

#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct ParoleMilestoneOut {
    pub id: String,
    pub victim_id: String,
    /// The probation region that recorded it.
    pub probation_region_id: String,
    pub kind: ParoleMilestoneKind,
    /// The day; withheld (null) for a release date outside probation.
    pub occurs_on: Option<NaiveDate>,
    /// The month, `YYYY-MM`.
    pub occurs_in_month: String,
    pub hearing_format: Option<ParoleHearingFormat>,
    pub decision: Option<ParoleDecision>,
    /// The user who recorded it.
    pub recorded_by: String,
    pub version: i32,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

versioned!(ParoleMilestoneOut);

#[derive(Queryable, Selectable)]
#[diesel(table_name = pm)]
struct Row {
    id: String,
    victim_id: String,
    probation_region_id: String,
    kind: String,
    occurs_on: NaiveDate,
    hearing_format: Option<String>,
    decision: Option<String>,
    recorded_by: String,
    version: i32,
    created_at: chrono::NaiveDateTime,
    updated_at: chrono::NaiveDateTime,
}

impl Row {
    fn out(self, gate: &ParoleGate) -> AppResult<ParoleMilestoneOut> {
        let kind = ParoleMilestoneKind::from_db(&self.kind)?;
        let exact = exact_day_shown(kind, gate.is_probation_for(&self.probation_region_id));
        Ok(ParoleMilestoneOut {
            kind,
            hearing_format: self
                .hearing_format
                .as_deref()
                .map(ParoleHearingFormat::from_db)
                .transpose()?,
            decision: self
                .decision
                .as_deref()
                .map(ParoleDecision::from_db)
                .transpose()?,
            occurs_on: exact.then_some(self.occurs_on),
            occurs_in_month: self.occurs_on.format("%Y-%m").to_string(),
            id: self.id,
            victim_id: self.victim_id,
            probation_region_id: self.probation_region_id,
            recorded_by: self.recorded_by,
            version: self.version,
            created_at: store::from_db(self.created_at),
            updated_at: store::from_db(self.updated_at),
        })
    }
}

/// The milestone, if its victim is within reach and the gate admits it;
/// otherwise "not found", whatever the reason.
fn load(conn: &mut AnyConn, ctx: &Ctx, id: &str) -> AppResult<Row> {
    let not_found = || AppError::NotFound("parole milestone".into());
    let row: Row = pm::table
        .find(id)
        .select(Row::as_select())
        .first(conn)
        .optional()?
        .ok_or_else(not_found)?;
    scope::require_victim(
        conn,
        &ctx.actor,
        ctx.today(),
        &row.victim_id,
        "parole milestone",
    )?;
    let gate = parole_gate(&ctx.actor);
    let consented = match gate {
        ParoleGate::Open => true,
        _ => !victims_with_active(
            conn,
            std::slice::from_ref(&row.victim_id),
            ConsentScope::ParoleToSupporter,
            ctx.now,
        )?
        .is_empty(),
    };
    if gate.admits(&row.probation_region_id, consented) {
        Ok(row)
    } else {
        Err(not_found())
    }
}

fn checked(input: &ParoleMilestoneInput) -> AppResult<NaiveDate> {
    let mut v = Validator::new();
    let occurs_on = check(input, &mut v);
    v.finish()?;
    occurs_on.ok_or_else(|| AppError::field("occurs_on", "is required"))
}

impl Resource for ParoleMilestones {
    const PATH: &'static str = "parole-milestones";
    const SINGULAR: &'static str = "parole milestone";
    const KIND: ResourceKind = ResourceKind::ParoleMilestone;
    type Input = ParoleMilestoneInput;
    type Output = ParoleMilestoneOut;
    type Filter = VictimFilter;

    /// Recorded by a VLO for a victim of their own region; the region is
    /// theirs.
    fn create(
        conn: &mut AnyConn,
        ctx: &Ctx,
        input: ParoleMilestoneInput,
    ) -> AppResult<ParoleMilestoneOut> {
        if ctx.actor.role != Role::VictimLiaisonOfficer {
            return Err(AppError::Forbidden(
                "create parole milestone records".into(),
            ));
        }
        let occurs_on = checked(&input)?;
        store::write(conn, |conn| {
            require_victim_field(conn, ctx, &input.victim_id, "victim_id")?;
            let id = store::new_id();
            let now = store::to_db(ctx.now);
            diesel::insert_into(pm::table)
                .values((
                    pm::id.eq(&id),
                    pm::victim_id.eq(&input.victim_id),
                    pm::probation_region_id.eq(&ctx.actor.organisation_id),
                    pm::kind.eq(input.kind.as_str()),
                    pm::occurs_on.eq(occurs_on),
                    pm::hearing_format.eq(input.hearing_format.map(ParoleHearingFormat::as_str)),
                    pm::decision.eq(input.decision.map(ParoleDecision::as_str)),
                    pm::recorded_by.eq(&ctx.actor.user_id),
                    pm::created_at.eq(now),
                    pm::updated_at.eq(now),
                ))
                .execute(conn)?;
            let milestone = flows_milestone(&input, occurs_on);
            planning::react(
                conn,
                &ctx.rules,
                ctx.now,
                &input.victim_id,
                &planning::Focus::default(),
                EventKind::ParoleMilestoneLogged { milestone },
            )?;
            load(conn, ctx, &id)?.out(&parole_gate(&ctx.actor))
        })
    }

    fn read(conn: &mut AnyConn, ctx: &Ctx, id: &str) -> AppResult<ParoleMilestoneOut> {
        load(conn, ctx, id)?.out(&parole_gate(&ctx.actor))
    }

    fn list(
        conn: &mut AnyConn,
        ctx: &Ctx,
        f: &VictimFilter,
        page: Page,
    ) -> AppResult<Paged<ParoleMilestoneOut>> {
        let visible = ctx.visible_victims(conn)?;
        let gate = parole_gate(&ctx.actor);
        let consented = match gate {
            ParoleGate::Open => Vec::new(),
            _ => victims_with_active(conn, &visible, ConsentScope::ParoleToSupporter, ctx.now)?,
        };
        let query = || {
            let mut q = pm::table
                .filter(pm::victim_id.eq_any(visible.clone()))
                .into_boxed();
            match &gate {
                ParoleGate::Open => {}
                ParoleGate::Consent => q = q.filter(pm::victim_id.eq_any(consented.clone())),
                ParoleGate::RegionOrConsent { organisation_id } => {
                    q = q.filter(
                        pm::victim_id
                            .eq_any(consented.clone())
                            .or(pm::probation_region_id.eq(organisation_id.clone())),
                    )
                }
            }
            filter_by!(q, pm, f, victim_id);
            q
        };
        let order = (pm::occurs_on.desc(), pm::id.asc());
        paged!(conn, page, query, order, Row)?.try_map(|r| r.out(&gate))
    }

    fn update(
        conn: &mut AnyConn,
        ctx: &Ctx,
        id: &str,
        expected: i32,
        input: ParoleMilestoneInput,
    ) -> AppResult<ParoleMilestoneOut> {
        if ctx.actor.role != Role::VictimLiaisonOfficer {
            return Err(AppError::Forbidden(
                "change parole milestone records".into(),
            ));
        }
        let occurs_on = checked(&input)?;
        store::write(conn, |conn| {
            let current = load(conn, ctx, id)?;
            check_version(current.version, expected)?;
            same_owner(
                "victim_id",
                &current.victim_id,
                &input.victim_id,
                "a milestone belongs to one victim",
            )?;
            update_versioned!(
                conn,
                pm,
                id,
                expected,
                store::to_db(ctx.now),
                (
                    pm::kind.eq(input.kind.as_str()),
                    pm::occurs_on.eq(occurs_on),
                    pm::hearing_format.eq(input.hearing_format.map(ParoleHearingFormat::as_str)),
                    pm::decision.eq(input.decision.map(ParoleDecision::as_str)),
                )
            );
            load(conn, ctx, id)?.out(&parole_gate(&ctx.actor))
        })
    }
}

/// The flows' form of a logged milestone.
pub(crate) fn flows_milestone(
    input: &ParoleMilestoneInput,
    on: NaiveDate,
) -> flows::ParoleMilestone {
    use flows::ParoleMilestone as M;
    match input.kind {
        ParoleMilestoneKind::ReviewStarted => M::ReviewStarted,
        ParoleMilestoneKind::VictimPersonalStatementDue => {
            M::VictimPersonalStatementDue { due: on }
        }
        ParoleMilestoneKind::HearingListed => M::HearingListed {
            date: on,
            format: input.hearing_format.unwrap_or(ParoleHearingFormat::Oral),
        },
        ParoleMilestoneKind::HearingDeferred => M::HearingDeferred,
        ParoleMilestoneKind::DecisionExpected => M::DecisionExpected { by: on },
        ParoleMilestoneKind::DecisionMade => M::DecisionMade {
            decision: input.decision.unwrap_or(ParoleDecision::NoRelease),
            on,
        },
        ParoleMilestoneKind::ReconsiderationWindow => M::ReconsiderationWindow { opened_on: on },
        ParoleMilestoneKind::ReleaseDate => M::ReleaseDate { date: on },
        ParoleMilestoneKind::LicenceConditions => M::LicenceConditions {
            conditions: vec![flows::LicenceCondition::Other],
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ParoleMilestoneKind::*;

    fn input(kind: ParoleMilestoneKind) -> ParoleMilestoneInput {
        ParoleMilestoneInput {
            victim_id: "0b9d6f5e-7a43-4a4e-8f57-2f4a8e2f0c11".into(),
            kind,
            occurs_on: "2026-07-01".into(),
            hearing_format: None,
            decision: None,
        }
    }

    fn fields(i: &ParoleMilestoneInput) -> Vec<String> {
        let mut v = Validator::new();
        check(i, &mut v);
        v.failed_fields()
    }

    #[test]
    fn format_and_decision_fit_the_kind() {
        use ParoleDecision::*;
        use ParoleHearingFormat::*;
        // (kind, hearing_format, decision, fields in error)
        type Case = (
            ParoleMilestoneKind,
            Option<ParoleHearingFormat>,
            Option<ParoleDecision>,
            &'static [&'static str],
        );
        let table: &[Case] = &[
            (ReviewStarted, None, None, &[]),
            (HearingListed, None, None, &[]),
            (HearingListed, Some(Oral), None, &[]),
            (HearingDeferred, Some(Paper), None, &["hearing_format"]),
            (DecisionMade, None, Some(Release), &[]),
            (DecisionMade, None, None, &["decision"]),
            (DecisionExpected, None, Some(NoRelease), &["decision"]),
            (
                HearingListed,
                Some(Oral),
                Some(OpenConditions),
                &["decision"],
            ),
            (
                ReleaseDate,
                Some(Paper),
                Some(Release),
                &["hearing_format", "decision"],
            ),
        ];
        for (kind, format, decision, expected) in table {
            let mut i = input(*kind);
            i.hearing_format = *format;
            i.decision = *decision;
            assert_eq!(fields(&i), *expected, "{kind} {format:?} {decision:?}");
        }
        let mut i = input(ReviewStarted);
        i.occurs_on = "2026-13-01".into();
        assert_eq!(fields(&i), ["occurs_on"]);
    }

    #[test]
    fn the_consent_gate() {
        let actor = |role| Actor {
            user_id: "u1".into(),
            organisation_id: "region-a".into(),
            role,
        };
        // (role, milestone's region, consent in force, admitted)
        let table = [
            (Role::VictimLiaisonOfficer, "region-a", false, true),
            (Role::VictimLiaisonOfficer, "region-b", false, true),
            (Role::Supporter, "region-a", false, false),
            (Role::Supporter, "region-a", true, true),
            (Role::Manager, "region-a", false, true),
            (Role::Manager, "region-b", false, false),
            (Role::Manager, "region-b", true, true),
            (Role::WitnessCareOfficer, "region-a", false, false),
        ];
        for (role, region, consented, admitted) in table {
            assert_eq!(
                parole_gate(&actor(role)).admits(region, consented),
                admitted,
                "{role} {region} consent={consented}"
            );
        }
    }

    #[test]
    fn release_dates_are_shown_as_a_month_outside_probation() {
        assert!(exact_day_shown(ReleaseDate, true));
        assert!(!exact_day_shown(ReleaseDate, false));
        assert!(exact_day_shown(HearingListed, false));
        let supporter = ParoleGate::Consent;
        assert!(!supporter.is_probation_for("region-a"));
        let manager = ParoleGate::RegionOrConsent {
            organisation_id: "region-a".into(),
        };
        assert!(manager.is_probation_for("region-a"));
        assert!(!manager.is_probation_for("region-b"));
    }
}

//! Cases: criminal (with a URN), family (with a case number) or civil,
//! each belonging to one victim and, once charged, one witness care unit.

use chrono::{DateTime, Utc};
use diesel::prelude::*;
use serde::{Deserialize, Serialize};

use crate::app::{Ctx, Page, Paged, Resource, Validate};
use crate::domain::{CaseKind, CaseStatus, OffenceGroup, OrganisationKind};
use crate::error::{AppError, AppResult};
use crate::policy::ResourceKind;
use crate::store::schema::cases;
use crate::store::{self, scope, AnyConn};
use crate::validate::Validator;

use super::{check_version, require_court, require_organisation, same_owner, VictimFilter};

pub struct Cases;

#[derive(Debug, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CaseInput {
    pub victim_id: String,
    pub kind: CaseKind,
    /// Police Unique Reference Number, for criminal cases.
    pub urn: Option<String>,
    /// Court case number (family cases, or the Crown Court's number).
    pub case_number: Option<String>,
    pub court_id: Option<String>,
    /// The police witness care unit handling a charged criminal case.
    pub witness_care_unit_id: Option<String>,
    /// The CPS area prosecuting a criminal case.
    pub cps_area_id: Option<String>,
    #[serde(default = "open")]
    pub status: CaseStatus,
    /// What a criminal case is about, as far as the rules need it (a rape
    /// or serious sexual offence case leads to the CPS meeting offer).
    #[serde(default)]
    pub offence_group: Option<OffenceGroup>,
}

fn open() -> CaseStatus {
    CaseStatus::Open
}

/// Case keys are matched without spaces and in upper case.
pub fn normalise_case_key(key: &str) -> String {
    key.chars()
        .filter(|c| !c.is_whitespace())
        .flat_map(char::to_uppercase)
        .collect()
}

impl Validate for CaseInput {
    fn validate(&self, v: &mut Validator, _now: DateTime<Utc>) {
        v.id("victim_id", &self.victim_id);
        v.opt_text("urn", self.urn.as_deref(), 20);
        v.opt_text("case_number", self.case_number.as_deref(), 40);
        v.opt_id("court_id", self.court_id.as_deref());
        v.opt_id("witness_care_unit_id", self.witness_care_unit_id.as_deref());
        v.opt_id("cps_area_id", self.cps_area_id.as_deref());
        match self.kind {
            CaseKind::Criminal => v.check(
                self.urn.is_some() || self.case_number.is_some(),
                "urn",
                "a criminal case needs its URN (or the court's case number)",
            ),
            CaseKind::Family | CaseKind::Civil => v.check(
                self.case_number.is_some(),
                "case_number",
                "a family or civil case needs the court's case number",
            ),
        }
        v.check(
            self.offence_group.is_none() || self.kind == CaseKind::Criminal,
            "offence_group",
            "only a criminal case has an offence group",
        );
        if let Some(urn) = &self.urn {
            let ok = urn
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == ' ' || c == '/');
            v.check(ok, "urn", "may contain only letters, digits, spaces and /");
        }
    }
}

#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct CaseOut {
    pub id: String,
    pub victim_id: String,
    pub kind: CaseKind,
    pub urn: Option<String>,
    pub case_number: Option<String>,
    pub court_id: Option<String>,
    pub witness_care_unit_id: Option<String>,
    pub cps_area_id: Option<String>,
    pub status: CaseStatus,
    pub offence_group: Option<OffenceGroup>,
    pub version: i32,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

versioned!(CaseOut);

#[derive(Queryable, Selectable)]
#[diesel(table_name = cases)]
struct Row {
    id: String,
    victim_id: String,
    kind: String,
    urn: Option<String>,
    case_number: Option<String>,
    court_id: Option<String>,
    witness_care_unit_id: Option<String>,
    cps_area_id: Option<String>,
    status: String,
    offence_group: Option<String>,
    version: i32,
    created_at: chrono::NaiveDateTime,
    updated_at: chrono::NaiveDateTime,
}

impl Row {
    fn out(self) -> AppResult<CaseOut> {
        Ok(CaseOut {
            kind: CaseKind::from_db(&self.kind)?,
            status: CaseStatus::from_db(&self.status)?,
            offence_group: self
                .offence_group
                .as_deref()
                .map(OffenceGroup::from_db)
                .transpose()?,
            id: self.id,
            victim_id: self.victim_id,
            urn: self.urn,
            case_number: self.case_number,
            court_id: self.court_id,
            witness_care_unit_id: self.witness_care_unit_id,
            cps_area_id: self.cps_area_id,
            version: self.version,
            created_at: store::from_db(self.created_at),
            updated_at: store::from_db(self.updated_at),
        })
    }
}

fn load(conn: &mut AnyConn, ctx: &Ctx, id: &str) -> AppResult<Row> {
    let row: Row = cases::table
        .find(id)
        .select(Row::as_select())
        .first(conn)
        .optional()?
        .ok_or_else(|| AppError::NotFound("case".into()))?;
    scope::require_victim(conn, &ctx.actor, ctx.today(), &row.victim_id, "case")?;
    Ok(row)
}

/// The cases of these ids that are within the actor's reach, the others
/// left out (as a list leaves them out): for naming the cases a page shows
/// without reading every case in reach.
pub fn named(conn: &mut AnyConn, ctx: &Ctx, ids: &[String]) -> AppResult<Vec<CaseOut>> {
    let reach = ctx.reach_now(conn)?;
    let mut out = Vec::with_capacity(ids.len());
    for chunk in ids.chunks(store::IN_CHUNK) {
        let rows: Vec<Row> = cases::table
            .filter(cases::id.eq_any(chunk))
            .select(Row::as_select())
            .load(conn)?;
        for row in rows.into_iter().filter(|r| reach.reaches(&r.victim_id)) {
            out.push(row.out()?);
        }
    }
    Ok(out)
}

fn check_references(conn: &mut AnyConn, input: &CaseInput) -> AppResult<()> {
    if let Some(court) = &input.court_id {
        require_court(conn, court, "court_id")?;
    }
    if let Some(unit) = &input.witness_care_unit_id {
        require_organisation(
            conn,
            unit,
            OrganisationKind::WitnessCareUnit,
            "witness_care_unit_id",
        )?;
    }
    if let Some(cps) = &input.cps_area_id {
        require_organisation(conn, cps, OrganisationKind::CpsArea, "cps_area_id")?;
    }
    Ok(())
}

fn key(value: &Option<String>) -> Option<String> {
    value.as_deref().map(normalise_case_key)
}

impl Resource for Cases {
    const PATH: &'static str = "cases";
    const SINGULAR: &'static str = "case";
    const KIND: ResourceKind = ResourceKind::Case;
    type Input = CaseInput;
    type Output = CaseOut;
    type Filter = VictimFilter;

    fn create(conn: &mut AnyConn, ctx: &Ctx, input: CaseInput) -> AppResult<CaseOut> {
        store::write(conn, |conn| {
            super::require_victim_field(conn, ctx, &input.victim_id, "victim_id")?;
            check_references(conn, &input)?;
            let id = store::new_id();
            let now = store::to_db(ctx.now);
            diesel::insert_into(cases::table)
                .values((
                    cases::id.eq(&id),
                    cases::victim_id.eq(&input.victim_id),
                    cases::kind.eq(input.kind.as_str()),
                    cases::urn.eq(key(&input.urn)),
                    cases::case_number.eq(key(&input.case_number)),
                    cases::court_id.eq(&input.court_id),
                    cases::witness_care_unit_id.eq(&input.witness_care_unit_id),
                    cases::cps_area_id.eq(&input.cps_area_id),
                    cases::status.eq(input.status.as_str()),
                    cases::offence_group.eq(input.offence_group.map(OffenceGroup::as_str)),
                    cases::created_at.eq(now),
                    cases::updated_at.eq(now),
                ))
                .execute(conn)?;
            load(conn, ctx, &id)?.out()
        })
    }

    fn read(conn: &mut AnyConn, ctx: &Ctx, id: &str) -> AppResult<CaseOut> {
        load(conn, ctx, id)?.out()
    }

    fn list(
        conn: &mut AnyConn,
        ctx: &Ctx,
        f: &VictimFilter,
        page: Page,
    ) -> AppResult<Paged<CaseOut>> {
        let visible = ctx.visible_victims(conn)?;
        let query = || {
            let mut q = cases::table
                .filter(cases::victim_id.eq_any(visible.clone()))
                .into_boxed();
            filter_by!(q, cases, f, victim_id);
            q
        };
        let order = (cases::created_at.desc(), cases::id.asc());
        paged!(conn, page, query, order, Row)?.try_map(Row::out)
    }

    fn update(
        conn: &mut AnyConn,
        ctx: &Ctx,
        id: &str,
        expected: i32,
        input: CaseInput,
    ) -> AppResult<CaseOut> {
        store::write(conn, |conn| {
            let current = load(conn, ctx, id)?;
            check_version(current.version, expected)?;
            same_owner(
                "victim_id",
                &current.victim_id,
                &input.victim_id,
                "a case belongs to one victim",
            )?;
            check_references(conn, &input)?;
            update_versioned!(
                conn,
                cases,
                id,
                expected,
                store::to_db(ctx.now),
                (
                    cases::kind.eq(input.kind.as_str()),
                    cases::urn.eq(key(&input.urn)),
                    cases::case_number.eq(key(&input.case_number)),
                    cases::court_id.eq(&input.court_id),
                    cases::witness_care_unit_id.eq(&input.witness_care_unit_id),
                    cases::cps_area_id.eq(&input.cps_area_id),
                    cases::status.eq(input.status.as_str()),
                    cases::offence_group.eq(input.offence_group.map(OffenceGroup::as_str)),
                )
            );
            load(conn, ctx, id)?.out()
        })
    }
}

#[cfg(test)]
mod tests {
    use super::normalise_case_key;

    #[test]
    fn case_keys_ignore_spacing_and_case() {
        assert_eq!(normalise_case_key(" 01ab 2345678 "), "01AB2345678");
        assert_eq!(normalise_case_key("t2026 0042"), "T20260042");
    }
}

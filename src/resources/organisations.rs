//! The organisations directory: support services, witness care units, CPS
//! areas, Witness Services, courts' offices and probation regions. Read by
//! everyone (a support service's name and address go on the criminal
//! notice); kept by administrators.

use chrono::{DateTime, Utc};
use diesel::prelude::*;
use serde::{Deserialize, Serialize};

use crate::app::{Ctx, Page, Paged, Resource, Validate};
use crate::domain::{Language, OrganisationKind};
use crate::error::{AppError, AppResult};
use crate::policy::ResourceKind;
use crate::store::schema::{cases, organisations, parole_milestones, users, victims};
use crate::store::{self, AnyConn};
use crate::validate::{Validator, MAX_SHORT};

use super::check_version;

pub struct Organisations;

/// Longest postal address we accept.
pub const MAX_ADDRESS: usize = 500;

#[derive(Debug, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct OrganisationInput {
    pub kind: OrganisationKind,
    /// Unique among organisations of the same kind.
    pub name: String,
    /// The postal address (for a support service, the one the criminal
    /// r.3.8(7) notice carries).
    pub address: Option<String>,
    pub contact_email: Option<String>,
    pub contact_phone: Option<String>,
    /// For a Witness Service or a court's listing office: the court in the
    /// directory it serves (where its notices are addressed).
    pub court_id: Option<String>,
    /// The language it reads Courtside's messages in. Left out: none
    /// chosen, so a message about a hearing at a court in Wales goes in
    /// Welsh and English, and otherwise in English.
    #[serde(default)]
    pub preferred_language: Option<Language>,
}

/// A phone number as people write one: digits, spaces and `+ ( ) -`, with
/// at least a few digits.
pub fn phone_looks_valid(phone: &str) -> bool {
    phone
        .chars()
        .all(|c| c.is_ascii_digit() || " +()-".contains(c))
        && phone.chars().filter(char::is_ascii_digit).count() >= 3
}

impl Validate for OrganisationInput {
    fn validate(&self, v: &mut Validator, _now: DateTime<Utc>) {
        v.text("name", &self.name, MAX_SHORT);
        v.opt_text("address", self.address.as_deref(), MAX_ADDRESS);
        if let Some(email) = &self.contact_email {
            v.email("contact_email", email);
        }
        v.opt_text("contact_phone", self.contact_phone.as_deref(), 40);
        v.opt_id("court_id", self.court_id.as_deref());
        v.check(
            self.court_id.is_none()
                || matches!(
                    self.kind,
                    OrganisationKind::WitnessService | OrganisationKind::Court
                ),
            "court_id",
            "only a Witness Service or a court's listing office serves a court",
        );
        if let Some(phone) = &self.contact_phone {
            v.check(
                phone_looks_valid(phone),
                "contact_phone",
                "may contain only digits, spaces and + ( ) -",
            );
        }
    }
}

#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct OrganisationOut {
    pub id: String,
    pub kind: OrganisationKind,
    pub name: String,
    pub address: Option<String>,
    pub contact_email: Option<String>,
    pub contact_phone: Option<String>,
    pub court_id: Option<String>,
    pub preferred_language: Option<Language>,
    pub version: i32,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

versioned!(OrganisationOut);

#[derive(Queryable, Selectable)]
#[diesel(table_name = organisations)]
struct Row {
    id: String,
    kind: String,
    name: String,
    address: Option<String>,
    contact_email: Option<String>,
    contact_phone: Option<String>,
    court_id: Option<String>,
    preferred_language: Option<String>,
    version: i32,
    created_at: chrono::NaiveDateTime,
    updated_at: chrono::NaiveDateTime,
}

impl Row {
    fn out(self) -> AppResult<OrganisationOut> {
        Ok(OrganisationOut {
            kind: OrganisationKind::from_db(&self.kind)?,
            id: self.id,
            name: self.name,
            address: self.address,
            contact_email: self.contact_email,
            contact_phone: self.contact_phone,
            court_id: self.court_id,
            preferred_language: self
                .preferred_language
                .as_deref()
                .map(Language::from_db)
                .transpose()?,
            version: self.version,
            created_at: store::from_db(self.created_at),
            updated_at: store::from_db(self.updated_at),
        })
    }
}

/// Filters for the directory.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OrganisationFilter {
    pub kind: Option<OrganisationKind>,
    pub page: Option<i64>,
    pub per_page: Option<i64>,
}

fn load(conn: &mut AnyConn, id: &str) -> AppResult<Row> {
    organisations::table
        .find(id)
        .select(Row::as_select())
        .first(conn)
        .optional()?
        .ok_or_else(|| AppError::NotFound("organisation".into()))
}

fn name_taken_message(kind: OrganisationKind) -> String {
    format!("an organisation of kind {kind} with this name is already in the directory")
}

/// The (kind, name) pair must be free, apart from the record itself.
fn check_name_free(
    conn: &mut AnyConn,
    input: &OrganisationInput,
    except: Option<&str>,
) -> AppResult<()> {
    let mut q = organisations::table
        .filter(organisations::kind.eq(input.kind.as_str()))
        .filter(organisations::name.eq(input.name.trim().to_string()))
        .into_boxed();
    if let Some(id) = except {
        q = q.filter(organisations::id.ne(id.to_string()));
    }
    let clashes: i64 = q.count().get_result(conn)?;
    if clashes == 0 {
        Ok(())
    } else {
        Err(AppError::field("name", name_taken_message(input.kind)))
    }
}

/// A concurrent insert can still hit the unique index: same answer.
fn name_taken(kind: OrganisationKind) -> impl Fn(diesel::result::Error) -> AppError {
    move |e| match AppError::from(e) {
        AppError::Conflict(_) => AppError::field("name", name_taken_message(kind)),
        other => other,
    }
}

/// Whether anything relies on the organisation being of its current kind:
/// its users' roles, cases naming it as witness care unit, victims and
/// parole milestones naming it as probation region.
fn kind_is_relied_on(conn: &mut AnyConn, id: &str) -> AppResult<bool> {
    let members: i64 = users::table
        .filter(users::organisation_id.eq(id))
        .count()
        .get_result(conn)?;
    let as_unit: i64 = cases::table
        .filter(cases::witness_care_unit_id.eq(id))
        .count()
        .get_result(conn)?;
    let as_region: i64 = victims::table
        .filter(victims::probation_region_id.eq(id))
        .count()
        .get_result(conn)?;
    let milestones: i64 = parole_milestones::table
        .filter(parole_milestones::probation_region_id.eq(id))
        .count()
        .get_result(conn)?;
    Ok(members + as_unit + as_region + milestones > 0)
}

impl Resource for Organisations {
    const PATH: &'static str = "organisations";
    const SINGULAR: &'static str = "organisation";
    const KIND: ResourceKind = ResourceKind::Organisation;
    type Input = OrganisationInput;
    type Output = OrganisationOut;
    type Filter = OrganisationFilter;

    fn create(
        conn: &mut AnyConn,
        ctx: &Ctx,
        input: OrganisationInput,
    ) -> AppResult<OrganisationOut> {
        store::write(conn, |conn| {
            check_name_free(conn, &input, None)?;
            if let Some(court) = &input.court_id {
                super::require_court(conn, court, "court_id")?;
            }
            let id = store::new_id();
            let now = store::to_db(ctx.now);
            diesel::insert_into(organisations::table)
                .values((
                    organisations::id.eq(&id),
                    organisations::kind.eq(input.kind.as_str()),
                    organisations::name.eq(input.name.trim()),
                    organisations::address.eq(input.address.as_deref().map(str::trim)),
                    organisations::contact_email.eq(input.contact_email.as_deref().map(str::trim)),
                    organisations::contact_phone.eq(input.contact_phone.as_deref().map(str::trim)),
                    organisations::court_id.eq(&input.court_id),
                    organisations::preferred_language
                        .eq(input.preferred_language.map(|l| l.as_str())),
                    organisations::created_at.eq(now),
                    organisations::updated_at.eq(now),
                ))
                .execute(conn)
                .map_err(name_taken(input.kind))?;
            load(conn, &id)?.out()
        })
    }

    fn read(conn: &mut AnyConn, _ctx: &Ctx, id: &str) -> AppResult<OrganisationOut> {
        load(conn, id)?.out()
    }

    fn list(
        conn: &mut AnyConn,
        _ctx: &Ctx,
        f: &OrganisationFilter,
        page: Page,
    ) -> AppResult<Paged<OrganisationOut>> {
        let query = || {
            let mut q = organisations::table.into_boxed();
            if let Some(kind) = f.kind {
                q = q.filter(organisations::kind.eq(kind.as_str()));
            }
            q
        };
        let order = (organisations::name.asc(), organisations::id.asc());
        paged!(conn, page, query, order, Row)?.try_map(Row::out)
    }

    fn update(
        conn: &mut AnyConn,
        ctx: &Ctx,
        id: &str,
        expected: i32,
        input: OrganisationInput,
    ) -> AppResult<OrganisationOut> {
        if let Some(court) = &input.court_id {
            super::require_court(conn, court, "court_id")?;
        }
        store::write(conn, |conn| {
            let current = load(conn, id)?;
            check_version(current.version, expected)?;
            if current.kind != input.kind.as_str() && kind_is_relied_on(conn, id)? {
                return Err(AppError::field(
                    "kind",
                    "cannot be changed while users, cases, victims or parole milestones refer to this organisation",
                ));
            }
            check_name_free(conn, &input, Some(id))?;
            update_versioned!(
                conn,
                organisations,
                id,
                expected,
                store::to_db(ctx.now),
                (
                    organisations::kind.eq(input.kind.as_str()),
                    organisations::name.eq(input.name.trim()),
                    organisations::address.eq(input.address.as_deref().map(str::trim)),
                    organisations::contact_email.eq(input.contact_email.as_deref().map(str::trim)),
                    organisations::contact_phone.eq(input.contact_phone.as_deref().map(str::trim)),
                    organisations::court_id.eq(&input.court_id),
                    organisations::preferred_language
                        .eq(input.preferred_language.map(|l| l.as_str())),
                ),
                name_taken(input.kind)
            );
            load(conn, id)?.out()
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fields(input: &OrganisationInput) -> Vec<String> {
        let mut v = Validator::new();
        input.validate(&mut v, Utc::now());
        v.failed_fields()
    }

    fn org() -> OrganisationInput {
        OrganisationInput {
            kind: OrganisationKind::SupportService,
            name: "Riverside Advocacy".into(),
            address: Some("1 High Street, Anytown".into()),
            contact_email: Some("court@riverside.example".into()),
            contact_phone: Some("+44 (0)20 7946 0000".into()),
            court_id: None,
            preferred_language: None,
        }
    }

    #[test]
    fn input_checks() {
        type Edit = fn(&mut OrganisationInput);
        let cases: &[(&str, Edit, &[&str])] = &[
            ("complete", |_| {}, &[]),
            (
                "a support service serves no court",
                |o| o.court_id = Some("7f8a2b4c-1d2e-4f3a-9b8c-0d1e2f3a4b5c".into()),
                &["court_id"],
            ),
            ("blank name", |o| o.name = "  ".into(), &["name"]),
            ("long name", |o| o.name = "x".repeat(201), &["name"]),
            (
                "blank address",
                |o| o.address = Some(" ".into()),
                &["address"],
            ),
            (
                "bad email",
                |o| o.contact_email = Some("nobody".into()),
                &["contact_email"],
            ),
            (
                "letters in phone",
                |o| o.contact_phone = Some("call me".into()),
                &["contact_phone"],
            ),
            (
                "no digits in phone",
                |o| o.contact_phone = Some("()".into()),
                &["contact_phone"],
            ),
            (
                "all optional left out",
                |o| {
                    o.address = None;
                    o.contact_email = None;
                    o.contact_phone = None;
                },
                &[],
            ),
        ];
        for (name, edit, expected) in cases {
            let mut input = org();
            edit(&mut input);
            assert_eq!(fields(&input), *expected, "{name}");
        }
    }
}

//! Victims, held under a pseudonymous reference, and their sensitive
//! details, kept in a table of their own and served only on their own
//! endpoint to the front-line roles that need them.

use chrono::{DateTime, Utc};
use diesel::prelude::*;
use serde::{Deserialize, Serialize};

use crate::app::{Ctx, Page, Paged, Resource, Validate};
use crate::domain::{Language, OrganisationKind, Role, SupporterRole};
use crate::error::{AppError, AppResult};
use crate::policy::ResourceKind;
use crate::store::schema::{supporter_assignments, victim_sensitive_details as vsd, victims};
use crate::store::{self, scope, AnyConn};
use crate::validate::{Validator, MAX_SHORT, MAX_TEXT};

use super::{check_updated, check_version, require_organisation, NoFilter};

pub struct Victims;

#[derive(Debug, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct VictimInput {
    /// The pseudonymous reference used everywhere instead of a name.
    pub reference: String,
    /// Entitled to enhanced rights under the Victims' Code (all victims of
    /// domestic abuse are).
    #[serde(default = "yes")]
    pub enhanced_rights: bool,
    #[serde(default)]
    pub is_child: bool,
    #[serde(default = "english")]
    pub preferred_language: Language,
    /// The probation region whose Victim Contact Scheme holds the victim.
    pub probation_region_id: Option<String>,
}

fn yes() -> bool {
    true
}

fn english() -> Language {
    Language::English
}

impl Validate for VictimInput {
    fn validate(&self, v: &mut Validator, _now: DateTime<Utc>) {
        v.text("reference", &self.reference, 40);
        v.opt_id("probation_region_id", self.probation_region_id.as_deref());
    }
}

#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct VictimOut {
    pub id: String,
    pub reference: String,
    pub enhanced_rights: bool,
    pub is_child: bool,
    pub preferred_language: Language,
    pub probation_region_id: Option<String>,
    pub version: i32,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

versioned!(VictimOut);

#[derive(Queryable, Selectable)]
#[diesel(table_name = victims)]
struct Row {
    id: String,
    reference: String,
    enhanced_rights: bool,
    is_child: bool,
    preferred_language: String,
    probation_region_id: Option<String>,
    version: i32,
    created_at: chrono::NaiveDateTime,
    updated_at: chrono::NaiveDateTime,
}

impl Row {
    fn out(self) -> AppResult<VictimOut> {
        Ok(VictimOut {
            preferred_language: Language::from_db(&self.preferred_language)?,
            id: self.id,
            reference: self.reference,
            enhanced_rights: self.enhanced_rights,
            is_child: self.is_child,
            probation_region_id: self.probation_region_id,
            version: self.version,
            created_at: store::from_db(self.created_at),
            updated_at: store::from_db(self.updated_at),
        })
    }
}

fn load(conn: &mut AnyConn, ctx: &Ctx, id: &str) -> AppResult<Row> {
    scope::require_victim(conn, &ctx.actor, ctx.today(), id, "victim")?;
    Ok(victims::table
        .find(id)
        .select(Row::as_select())
        .first(conn)?)
}

/// The victims of these ids that are within the actor's reach, the others
/// left out (as a list leaves them out): for naming the victims a page
/// shows without reading every victim in reach.
pub fn named(conn: &mut AnyConn, ctx: &Ctx, ids: &[String]) -> AppResult<Vec<VictimOut>> {
    let reach = ctx.reach_now(conn)?;
    let wanted: Vec<&String> = ids.iter().filter(|id| reach.reaches(id)).collect();
    let mut out = Vec::with_capacity(wanted.len());
    for chunk in wanted.chunks(store::IN_CHUNK) {
        let rows: Vec<Row> = victims::table
            .filter(victims::id.eq_any(chunk))
            .select(Row::as_select())
            .load(conn)?;
        for row in rows {
            out.push(row.out()?);
        }
    }
    Ok(out)
}

fn check_references(conn: &mut AnyConn, input: &VictimInput) -> AppResult<()> {
    if let Some(region) = &input.probation_region_id {
        require_organisation(
            conn,
            region,
            OrganisationKind::ProbationRegion,
            "probation_region_id",
        )?;
    }
    Ok(())
}

fn reference_taken(e: diesel::result::Error) -> AppError {
    match AppError::from(e) {
        AppError::Conflict(_) => AppError::field("reference", "is already used for another victim"),
        other => other,
    }
}

impl Resource for Victims {
    const PATH: &'static str = "victims";
    const SINGULAR: &'static str = "victim";
    const KIND: ResourceKind = ResourceKind::Victim;
    type Input = VictimInput;
    type Output = VictimOut;
    type Filter = NoFilter;

    /// A supporter who records a victim becomes their supporter from today,
    /// in the same transaction, so the record is never orphaned.
    fn create(conn: &mut AnyConn, ctx: &Ctx, input: VictimInput) -> AppResult<VictimOut> {
        store::write(conn, |conn| {
            check_references(conn, &input)?;
            let id = store::new_id();
            let now = store::to_db(ctx.now);
            diesel::insert_into(victims::table)
                .values((
                    victims::id.eq(&id),
                    victims::reference.eq(input.reference.trim()),
                    victims::enhanced_rights.eq(input.enhanced_rights),
                    victims::is_child.eq(input.is_child),
                    victims::preferred_language.eq(input.preferred_language.as_str()),
                    victims::probation_region_id.eq(&input.probation_region_id),
                    victims::created_by.eq(&ctx.actor.user_id),
                    victims::created_at.eq(now),
                    victims::updated_at.eq(now),
                ))
                .execute(conn)
                .map_err(reference_taken)?;
            if ctx.actor.role == Role::Supporter {
                diesel::insert_into(supporter_assignments::table)
                    .values((
                        supporter_assignments::id.eq(store::new_id()),
                        supporter_assignments::victim_id.eq(&id),
                        supporter_assignments::supporter_id.eq(&ctx.actor.user_id),
                        supporter_assignments::role.eq(SupporterRole::Idva.as_str()),
                        supporter_assignments::starts_on.eq(ctx.today()),
                        supporter_assignments::created_at.eq(now),
                        supporter_assignments::updated_at.eq(now),
                    ))
                    .execute(conn)?;
            }
            let row: Row = victims::table
                .find(&id)
                .select(Row::as_select())
                .first(conn)?;
            row.out()
        })
    }

    fn read(conn: &mut AnyConn, ctx: &Ctx, id: &str) -> AppResult<VictimOut> {
        load(conn, ctx, id)?.out()
    }

    fn list(
        conn: &mut AnyConn,
        ctx: &Ctx,
        _f: &NoFilter,
        page: Page,
    ) -> AppResult<Paged<VictimOut>> {
        let visible = ctx.visible_victims(conn)?;
        let query = || victims::table.filter(victims::id.eq_any(visible.clone()));
        let order = victims::reference.asc();
        paged!(conn, page, query, order, Row)?.try_map(Row::out)
    }

    fn update(
        conn: &mut AnyConn,
        ctx: &Ctx,
        id: &str,
        expected: i32,
        input: VictimInput,
    ) -> AppResult<VictimOut> {
        store::write(conn, |conn| {
            check_version(load(conn, ctx, id)?.version, expected)?;
            check_references(conn, &input)?;
            update_versioned!(
                conn,
                victims,
                id,
                expected,
                store::to_db(ctx.now),
                (
                    victims::reference.eq(input.reference.trim()),
                    victims::enhanced_rights.eq(input.enhanced_rights),
                    victims::is_child.eq(input.is_child),
                    victims::preferred_language.eq(input.preferred_language.as_str()),
                    victims::probation_region_id.eq(&input.probation_region_id),
                ),
                reference_taken
            );
            load(conn, ctx, id)?.out()
        })
    }
}

/// The victim's sensitive details: contact, address, needs, safe channels.
/// Addressed by the victim's id; one record per victim.
pub struct VictimSensitiveDetails;

#[derive(Debug, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct VictimSensitiveInput {
    /// The victim these details belong to (must match on update).
    pub victim_id: String,
    pub full_name: String,
    pub phone: Option<String>,
    pub email: Option<String>,
    pub address: Option<String>,
    pub needs: Option<String>,
    /// Channels safe to use, e.g. ["phone", "email"]; empty means none
    /// agreed yet, so only the supporter makes contact.
    #[serde(default)]
    pub safe_channels: Vec<SafeChannel>,
    /// When contact is safe, in the victim's words, e.g. "weekdays 10-14".
    pub safe_hours: Option<String>,
    #[serde(default)]
    pub safe_to_leave_voicemail: bool,
    /// Interpreter language, or "BSL".
    pub interpreter_language: Option<String>,
    /// For a child victim: the safe parent or guardian to contact.
    pub guardian_name: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum SafeChannel {
    Phone,
    Sms,
    Email,
    Letter,
    InPerson,
}

impl SafeChannel {
    pub const ALL: [SafeChannel; 5] = [
        SafeChannel::Phone,
        SafeChannel::Sms,
        SafeChannel::Email,
        SafeChannel::Letter,
        SafeChannel::InPerson,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            SafeChannel::Phone => "phone",
            SafeChannel::Sms => "sms",
            SafeChannel::Email => "email",
            SafeChannel::Letter => "letter",
            SafeChannel::InPerson => "in_person",
        }
    }

    fn parse_list(text: &str) -> Vec<SafeChannel> {
        text.split(',')
            .filter_map(|t| serde_json::from_value(serde_json::Value::String(t.to_string())).ok())
            .collect()
    }

    fn join(list: &[SafeChannel]) -> String {
        list.iter()
            .map(|c| c.as_str())
            .collect::<Vec<_>>()
            .join(",")
    }
}

impl Validate for VictimSensitiveInput {
    fn validate(&self, v: &mut Validator, _now: DateTime<Utc>) {
        v.id("victim_id", &self.victim_id);
        v.text("full_name", &self.full_name, MAX_SHORT);
        v.opt_text("phone", self.phone.as_deref(), 40);
        if let Some(email) = &self.email {
            v.email("email", email);
        }
        v.opt_text("address", self.address.as_deref(), 500);
        v.opt_text("needs", self.needs.as_deref(), MAX_TEXT);
        v.opt_text("safe_hours", self.safe_hours.as_deref(), MAX_SHORT);
        if let Some(hours) = self.safe_hours.as_deref().filter(|h| !h.trim().is_empty()) {
            v.check(
                crate::calendar::safe_hours::parse(hours).is_some(),
                "safe_hours",
                crate::calendar::safe_hours::FORMAT_HELP,
            );
        }
        v.opt_text(
            "interpreter_language",
            self.interpreter_language.as_deref(),
            60,
        );
        v.opt_text("guardian_name", self.guardian_name.as_deref(), MAX_SHORT);
        if let Some(phone) = &self.phone {
            let ok = phone
                .chars()
                .all(|c| c.is_ascii_digit() || " +()-".contains(c));
            v.check(ok, "phone", "may contain only digits, spaces and + ( ) -");
        }
    }
}

#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct VictimSensitiveOut {
    /// The victim's id, which is also this record's id.
    pub id: String,
    pub victim_id: String,
    pub full_name: String,
    pub phone: Option<String>,
    pub email: Option<String>,
    pub address: Option<String>,
    pub needs: Option<String>,
    pub safe_channels: Vec<SafeChannel>,
    pub safe_hours: Option<String>,
    pub safe_to_leave_voicemail: bool,
    pub interpreter_language: Option<String>,
    pub guardian_name: Option<String>,
    pub version: i32,
}

versioned!(VictimSensitiveOut);

#[derive(Queryable, Selectable)]
#[diesel(table_name = vsd)]
struct SensitiveRow {
    victim_id: String,
    full_name: String,
    phone: Option<String>,
    email: Option<String>,
    address: Option<String>,
    needs: Option<String>,
    safe_channels: String,
    safe_hours: Option<String>,
    safe_to_leave_voicemail: bool,
    interpreter_language: Option<String>,
    guardian_name: Option<String>,
    version: i32,
}

impl SensitiveRow {
    /// Opens the sealed columns with the process's key ring.
    fn out(self) -> AppResult<VictimSensitiveOut> {
        let ring = crate::privacy::keyring()?;
        let open = |v: Option<String>| crate::privacy::open_opt(&ring, v);
        Ok(VictimSensitiveOut {
            id: self.victim_id.clone(),
            full_name: crate::privacy::open(&ring, &self.full_name)?,
            victim_id: self.victim_id,
            phone: open(self.phone)?,
            email: open(self.email)?,
            address: open(self.address)?,
            needs: open(self.needs)?,
            safe_channels: SafeChannel::parse_list(&self.safe_channels),
            safe_hours: open(self.safe_hours)?,
            safe_to_leave_voicemail: self.safe_to_leave_voicemail,
            interpreter_language: open(self.interpreter_language)?,
            guardian_name: open(self.guardian_name)?,
            version: self.version,
        })
    }
}

/// The input's sensitive values, sealed for storage.
struct Sealed {
    full_name: String,
    phone: Option<String>,
    email: Option<String>,
    address: Option<String>,
    needs: Option<String>,
    safe_hours: Option<String>,
    interpreter_language: Option<String>,
    guardian_name: Option<String>,
}

impl Sealed {
    fn of(input: &VictimSensitiveInput) -> AppResult<Sealed> {
        let ring = crate::privacy::keyring()?;
        let seal = |v: &Option<String>| ring.encrypt_opt(v.as_deref());
        Ok(Sealed {
            full_name: ring.encrypt(input.full_name.trim()),
            phone: seal(&input.phone),
            email: seal(&input.email),
            address: seal(&input.address),
            needs: seal(&input.needs),
            safe_hours: seal(&input.safe_hours),
            interpreter_language: seal(&input.interpreter_language),
            guardian_name: seal(&input.guardian_name),
        })
    }
}

impl VictimSensitiveDetails {
    /// One victim's details, if recorded, without a scope check: for the
    /// subject-access export, which checks scope itself.
    pub fn for_export(
        conn: &mut AnyConn,
        victim_id: &str,
    ) -> AppResult<Option<VictimSensitiveOut>> {
        vsd::table
            .find(victim_id)
            .select(SensitiveRow::as_select())
            .first(conn)
            .optional()?
            .map(SensitiveRow::out)
            .transpose()
    }
}

fn load_sensitive(conn: &mut AnyConn, ctx: &Ctx, victim_id: &str) -> AppResult<SensitiveRow> {
    scope::require_victim(conn, &ctx.actor, ctx.today(), victim_id, "victim details")?;
    vsd::table
        .find(victim_id)
        .select(SensitiveRow::as_select())
        .first(conn)
        .optional()?
        .ok_or_else(|| AppError::NotFound("victim details".into()))
}

impl Resource for VictimSensitiveDetails {
    const PATH: &'static str = "victim-details";
    const SINGULAR: &'static str = "victim's sensitive details";
    const KIND: ResourceKind = ResourceKind::VictimSensitive;
    type Input = VictimSensitiveInput;
    type Output = VictimSensitiveOut;
    type Filter = NoFilter;

    fn create(
        conn: &mut AnyConn,
        ctx: &Ctx,
        input: VictimSensitiveInput,
    ) -> AppResult<VictimSensitiveOut> {
        store::write(conn, |conn| {
            super::require_victim_field(conn, ctx, &input.victim_id, "victim_id")?;
            let now = store::to_db(ctx.now);
            let sealed = Sealed::of(&input)?;
            diesel::insert_into(vsd::table)
                .values((
                    vsd::victim_id.eq(&input.victim_id),
                    vsd::full_name.eq(&sealed.full_name),
                    vsd::phone.eq(&sealed.phone),
                    vsd::email.eq(&sealed.email),
                    vsd::address.eq(&sealed.address),
                    vsd::needs.eq(&sealed.needs),
                    vsd::safe_channels.eq(SafeChannel::join(&input.safe_channels)),
                    vsd::safe_hours.eq(&sealed.safe_hours),
                    vsd::safe_to_leave_voicemail.eq(input.safe_to_leave_voicemail),
                    vsd::interpreter_language.eq(&sealed.interpreter_language),
                    vsd::guardian_name.eq(&sealed.guardian_name),
                    vsd::created_at.eq(now),
                    vsd::updated_at.eq(now),
                ))
                .execute(conn)
                .map_err(|e| match AppError::from(e) {
                    AppError::Conflict(_) => AppError::Conflict(
                        "details are already recorded for this victim; change them with PUT".into(),
                    ),
                    other => other,
                })?;
            load_sensitive(conn, ctx, &input.victim_id)?.out()
        })
    }

    fn read(conn: &mut AnyConn, ctx: &Ctx, id: &str) -> AppResult<VictimSensitiveOut> {
        load_sensitive(conn, ctx, id)?.out()
    }

    fn list(
        conn: &mut AnyConn,
        ctx: &Ctx,
        _f: &NoFilter,
        page: Page,
    ) -> AppResult<Paged<VictimSensitiveOut>> {
        let visible = ctx.visible_victims(conn)?;
        let query = || vsd::table.filter(vsd::victim_id.eq_any(visible.clone()));
        let order = vsd::victim_id.asc();
        paged!(conn, page, query, order, SensitiveRow)?.try_map(SensitiveRow::out)
    }

    fn update(
        conn: &mut AnyConn,
        ctx: &Ctx,
        id: &str,
        expected: i32,
        input: VictimSensitiveInput,
    ) -> AppResult<VictimSensitiveOut> {
        if input.victim_id != id {
            return Err(AppError::field("victim_id", "cannot be changed"));
        }
        store::write(conn, |conn| {
            check_version(load_sensitive(conn, ctx, id)?.version, expected)?;
            let sealed = Sealed::of(&input)?;
            let rows = diesel::update(
                vsd::table
                    .filter(vsd::victim_id.eq(id))
                    .filter(vsd::version.eq(expected)),
            )
            .set((
                vsd::full_name.eq(&sealed.full_name),
                vsd::phone.eq(&sealed.phone),
                vsd::email.eq(&sealed.email),
                vsd::address.eq(&sealed.address),
                vsd::needs.eq(&sealed.needs),
                vsd::safe_channels.eq(SafeChannel::join(&input.safe_channels)),
                vsd::safe_hours.eq(&sealed.safe_hours),
                vsd::safe_to_leave_voicemail.eq(input.safe_to_leave_voicemail),
                vsd::interpreter_language.eq(&sealed.interpreter_language),
                vsd::guardian_name.eq(&sealed.guardian_name),
                vsd::version.eq(expected + 1),
                vsd::updated_at.eq(store::to_db(ctx.now)),
            ))
            .execute(conn)?;
            check_updated(rows, expected)?;
            load_sensitive(conn, ctx, id)?.out()
        })
    }
}

//! A child victim's responsible adults (issue 19, item 9): her parent,
//! guardian or appropriate adult, recorded by her supporter or witness care
//! officer; while she is under 18 each one nobody excluded is sent a copy of
//! what she is sent (the rule is `flows::responsible_adults`). The API
//! (`/api/v1/victims/{id}/responsible-adults`,
//! `/api/v1/responsible-adults/{id}` and its `end` and `exclude`) and the
//! victim's page call these functions.
//!
//! Who may do what (`policy::ResourceKind::ResponsibleAdult`): the
//! supporter and the witness care officer with the victim in reach read,
//! add, change, end and exclude; everyone else 403 for the role, 404
//! outside reach.
//!
//! The name, email, phone and the reason for an exclusion are sealed
//! (field encryption, re-sealed by `privacy::rotate`, erased by
//! retention), never logged and never in an audit entry. A change carries
//! the version it was drawn from (`If-Match`). Excluding someone (by the
//! victim, or by the court: an order) cancels in the same transaction every
//! notice to them not yet sent, each cancellation audited; delivery checks
//! again before sending, so nothing planned earlier can reach them.

use chrono::{DateTime, NaiveDateTime, Utc};
use diesel::prelude::*;
use serde::{Deserialize, Serialize};

use super::{authorise, Ctx};
use crate::audit::{self, AuditAction, Entry};
use crate::domain::{ConsentScope, ExcludedBy, ResponsibleAdultRelationship};
use crate::error::{AppError, AppResult};
use crate::policy::{Action, ResourceKind};
use crate::store::schema::{notices, responsible_adults, victims};
use crate::store::{self, AnyConn};
use crate::validate::Validator;

/// The longest a name or an exclusion's reason may be.
pub const MAX_NAME: usize = 200;
pub const MAX_REASON: usize = 500;

/// A responsible adult as recorded or changed.
#[derive(Debug, Clone, Default, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ResponsibleAdultInput {
    pub name: String,
    pub relationship: Option<ResponsibleAdultRelationship>,
    /// Where copies of her notices are sent (sealed).
    #[serde(default)]
    pub email: Option<String>,
    /// For the team to call (sealed; never used to send).
    #[serde(default)]
    pub phone: Option<String>,
    /// BCP 47 tag, "en" when not given.
    #[serde(default)]
    pub preferred_language: Option<String>,
}

/// An exclusion: who excluded the person, and why (sealed).
#[derive(Debug, Clone, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ExclusionInput {
    pub excluded_by: ExcludedBy,
    /// E.g. the order's reference (sealed; never in a notice or log).
    #[serde(default)]
    pub reason: Option<String>,
}

/// A responsible adult as stored.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, utoipa::ToSchema)]
pub struct ResponsibleAdultOut {
    pub id: String,
    pub victim_id: String,
    pub name: String,
    pub relationship: ResponsibleAdultRelationship,
    pub email: Option<String>,
    pub phone: Option<String>,
    pub preferred_language: String,
    /// Null while nobody has excluded them.
    pub excluded_by: Option<ExcludedBy>,
    pub exclusion_reason: Option<String>,
    pub excluded_at: Option<DateTime<Utc>>,
    pub ended_at: Option<DateTime<Utc>>,
    /// Sent copies of her notices now: not excluded, not ended, with an
    /// email, while she is under 18 and her consent (or a recorded basis)
    /// stands.
    pub told: bool,
    pub version: i32,
}

/// A victim's responsible adults, and whether they are told at all.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct ResponsibleAdultList {
    pub victim_id: String,
    /// She is recorded as under 18.
    pub is_child: bool,
    /// Her `responsible_adult_updates` consent or a basis recorded under it
    /// is in force: without one nobody is sent anything.
    pub basis_in_force: bool,
    pub items: Vec<ResponsibleAdultOut>,
}

/// What excluding someone did.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct ExclusionDone {
    pub adult: ResponsibleAdultOut,
    /// Notices to them not yet sent, now cancelled.
    pub notices_cancelled: usize,
}

fn trimmed(v: Option<&str>) -> Option<String> {
    v.map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_string)
}

/// The input's checks (pure): a name, a relationship, a well-formed email
/// and phone where given, a short language tag.
pub fn check(input: &ResponsibleAdultInput) -> AppResult<()> {
    let mut v = Validator::new();
    let name = input.name.trim();
    if name.is_empty() {
        v.error("name", "give their name");
    } else {
        v.opt_text("name", Some(name), MAX_NAME);
    }
    v.check(
        input.relationship.is_some(),
        "relationship",
        "say whether they are her parent, guardian or appropriate adult",
    );
    if let Some(email) = trimmed(input.email.as_deref()) {
        v.email("email", &email);
    }
    if let Some(phone) = trimmed(input.phone.as_deref()) {
        v.opt_text("phone", Some(&phone), 40);
        let ok = phone
            .chars()
            .all(|c| c.is_ascii_digit() || " +()-".contains(c));
        v.check(ok, "phone", "may contain only digits, spaces and + ( ) -");
    }
    if let Some(lang) = trimmed(input.preferred_language.as_deref()) {
        let ok = lang.len() <= 12 && lang.chars().all(|c| c.is_ascii_alphanumeric() || c == '-');
        v.check(
            ok,
            "preferred_language",
            "give a language code such as en or cy",
        );
    }
    v.finish()
}

/// The input's checks, and the relationship they ensure is given.
fn checked(input: &ResponsibleAdultInput) -> AppResult<ResponsibleAdultRelationship> {
    check(input)?;
    input
        .relationship
        .ok_or_else(|| AppError::field("relationship", "say how they stand to her"))
}

/// The role check of every use case here.
fn may(ctx: &Ctx, action: Action) -> AppResult<()> {
    authorise(
        &ctx.actor,
        ResourceKind::ResponsibleAdult,
        action,
        "responsible adult",
    )
}

/// The exclusion's checks (pure).
pub fn check_exclusion(input: &ExclusionInput) -> AppResult<()> {
    let mut v = Validator::new();
    v.opt_text("reason", input.reason.as_deref(), MAX_REASON);
    v.finish()
}

type Row = (
    String,
    String,
    String,
    String,
    Option<String>,
    Option<String>,
    String,
    Option<String>,
    Option<String>,
    Option<NaiveDateTime>,
    Option<NaiveDateTime>,
    i32,
);

macro_rules! columns {
    () => {
        (
            responsible_adults::id,
            responsible_adults::victim_id,
            responsible_adults::name,
            responsible_adults::relationship,
            responsible_adults::email,
            responsible_adults::phone,
            responsible_adults::preferred_language,
            responsible_adults::excluded_by,
            responsible_adults::exclusion_reason,
            responsible_adults::excluded_at,
            responsible_adults::ended_at,
            responsible_adults::version,
        )
    };
}

/// Whether her adults may be told at all: she is a child, and her consent
/// or a basis recorded under its scope is in force.
struct Standing {
    is_child: bool,
    basis: bool,
}

fn standing(conn: &mut AnyConn, ctx: &Ctx, victim_id: &str) -> AppResult<Standing> {
    let is_child: bool = victims::table
        .find(victim_id)
        .select(victims::is_child)
        .first(conn)?;
    let basis = !crate::resources::victims_with_active(
        conn,
        &[victim_id.to_string()],
        ConsentScope::ResponsibleAdultUpdates,
        ctx.now,
    )?
    .is_empty();
    Ok(Standing { is_child, basis })
}

fn out_of(row: Row, standing: &Standing) -> AppResult<ResponsibleAdultOut> {
    let (id, victim_id, name, relationship, email, phone, language, by, reason, at, ended, version) =
        row;
    let ring = crate::privacy::keyring()?;
    let email = crate::privacy::open_opt(&ring, email)?;
    let excluded_by = by.as_deref().map(ExcludedBy::from_db).transpose()?;
    let told = standing.is_child
        && standing.basis
        && excluded_by.is_none()
        && ended.is_none()
        && email.is_some();
    Ok(ResponsibleAdultOut {
        id,
        victim_id,
        name: crate::privacy::open(&ring, &name)?,
        relationship: ResponsibleAdultRelationship::from_db(&relationship)?,
        email,
        phone: crate::privacy::open_opt(&ring, phone)?,
        preferred_language: language,
        excluded_by,
        exclusion_reason: crate::privacy::open_opt(&ring, reason)?,
        excluded_at: at.map(store::from_db),
        ended_at: ended.map(store::from_db),
        told,
        version,
    })
}

fn of_victim(conn: &mut AnyConn, ctx: &Ctx, victim_id: &str) -> AppResult<ResponsibleAdultList> {
    let standing = standing(conn, ctx, victim_id)?;
    let rows: Vec<Row> = responsible_adults::table
        .filter(responsible_adults::victim_id.eq(victim_id))
        .order((
            responsible_adults::created_at.asc(),
            responsible_adults::id.asc(),
        ))
        .select(columns!())
        .load(conn)?;
    Ok(ResponsibleAdultList {
        victim_id: victim_id.to_string(),
        is_child: standing.is_child,
        basis_in_force: standing.basis,
        items: rows
            .into_iter()
            .map(|r| out_of(r, &standing))
            .collect::<AppResult<_>>()?,
    })
}

/// One adult, if the actor reaches their victim (404 otherwise).
fn one(conn: &mut AnyConn, ctx: &Ctx, id: &str) -> AppResult<ResponsibleAdultOut> {
    let row: Option<Row> = responsible_adults::table
        .find(id)
        .select(columns!())
        .first(conn)
        .optional()?;
    let Some(row) = row else {
        return Err(AppError::NotFound("responsible adult".into()));
    };
    store::scope::require_victim(conn, &ctx.actor, ctx.today(), &row.1, "responsible adult")?;
    let standing = standing(conn, ctx, &row.1)?;
    out_of(row, &standing)
}

/// The victim's responsible adults, for her subject-access export (their
/// details unsealed: she is owed them): nothing for a role that may not
/// read them.
pub(crate) fn for_export(
    conn: &mut AnyConn,
    ctx: &Ctx,
    victim_id: &str,
) -> AppResult<Vec<ResponsibleAdultOut>> {
    if !crate::policy::permits(ctx.actor.role, ResourceKind::ResponsibleAdult, Action::Read) {
        return Ok(Vec::new());
    }
    Ok(of_victim(conn, ctx, victim_id)?.items)
}

/// The victim's responsible adults, in the order recorded.
pub fn list(conn: &mut AnyConn, ctx: &Ctx, victim_id: &str) -> AppResult<ResponsibleAdultList> {
    may(ctx, Action::Read)?;
    store::scope::require_victim(conn, &ctx.actor, ctx.today(), victim_id, "victim")?;
    of_victim(conn, ctx, victim_id)
}

/// One responsible adult.
pub fn get(conn: &mut AnyConn, ctx: &Ctx, id: &str) -> AppResult<ResponsibleAdultOut> {
    may(ctx, Action::Read)?;
    one(conn, ctx, id)
}

fn audit_of(
    conn: &mut AnyConn,
    ctx: &Ctx,
    action: AuditAction,
    adult: &ResponsibleAdultOut,
    what: &str,
) -> AppResult<()> {
    audit::append(
        conn,
        ctx.now,
        Entry {
            victim_id: Some(adult.victim_id.clone()),
            category: Some(what.to_string()),
            ..ctx.entry(action, "responsible_adults", &adult.id)
        },
    )
}

/// Records a responsible adult for the victim (sealed; audited: ids only).
pub fn add(
    conn: &mut AnyConn,
    ctx: &Ctx,
    victim_id: &str,
    input: &ResponsibleAdultInput,
) -> AppResult<ResponsibleAdultOut> {
    may(ctx, Action::Create)?;
    let relationship = checked(input)?;
    store::write(conn, |conn| {
        store::scope::require_victim(conn, &ctx.actor, ctx.today(), victim_id, "victim")?;
        refuse_excluded(conn, victim_id, input.email.as_deref())?;
        let ring = crate::privacy::keyring()?;
        let seal = |v: Option<&str>| trimmed(v).map(|t| ring.encrypt(&t));
        let id = store::new_id();
        let at = store::to_db(ctx.now);
        diesel::insert_into(responsible_adults::table)
            .values((
                responsible_adults::id.eq(&id),
                responsible_adults::victim_id.eq(victim_id),
                responsible_adults::name.eq(ring.encrypt(input.name.trim())),
                responsible_adults::relationship.eq(relationship.as_str()),
                responsible_adults::email.eq(seal(input.email.as_deref())),
                responsible_adults::phone.eq(seal(input.phone.as_deref())),
                responsible_adults::preferred_language.eq(language_of(input)),
                responsible_adults::recorded_by.eq(&ctx.actor.user_id),
                responsible_adults::version.eq(1),
                responsible_adults::created_at.eq(at),
                responsible_adults::updated_at.eq(at),
            ))
            .execute(conn)?;
        let adult = one(conn, ctx, &id)?;
        audit_of(
            conn,
            ctx,
            AuditAction::Create,
            &adult,
            relationship.as_str(),
        )?;
        tracing::info!(victim_id = %victim_id, responsible_adult_id = %id, "responsible adult recorded");
        Ok(adult)
    })
}

/// Refuses an address that belongs to someone she or the court excluded:
/// they must not come back in as a responsible adult under another name.
fn refuse_excluded(conn: &mut AnyConn, victim_id: &str, email: Option<&str>) -> AppResult<()> {
    let Some(email) = trimmed(email) else {
        return Ok(());
    };
    if crate::notify::route::excluded_emails(conn, victim_id)?.contains(&email.to_lowercase()) {
        return Err(AppError::field(
            "email",
            "belongs to someone she or the court excluded: they are never told anything",
        ));
    }
    Ok(())
}

fn language_of(input: &ResponsibleAdultInput) -> String {
    trimmed(input.preferred_language.as_deref())
        .map(|l| l.to_ascii_lowercase())
        .unwrap_or_else(|| "en".into())
}

/// The adult, at `expected`, still open to change: not ended.
fn current(
    conn: &mut AnyConn,
    ctx: &Ctx,
    id: &str,
    expected: i32,
) -> AppResult<ResponsibleAdultOut> {
    let adult = one(conn, ctx, id)?;
    crate::resources::check_version(adult.version, expected)?;
    if adult.ended_at.is_some() {
        return Err(AppError::Conflict(
            "their role has ended: record them again if they are her responsible adult once more"
                .into(),
        ));
    }
    Ok(adult)
}

/// Changes a responsible adult's details from `expected` (If-Match).
pub fn update(
    conn: &mut AnyConn,
    ctx: &Ctx,
    id: &str,
    expected: i32,
    input: &ResponsibleAdultInput,
) -> AppResult<ResponsibleAdultOut> {
    may(ctx, Action::Update)?;
    let relationship = checked(input)?;
    store::write(conn, |conn| {
        let was = current(conn, ctx, id, expected)?;
        if was.excluded_by.is_none() {
            refuse_excluded(conn, &was.victim_id, input.email.as_deref())?;
        }
        let ring = crate::privacy::keyring()?;
        let seal = |v: Option<&str>| trimmed(v).map(|t| ring.encrypt(&t));
        let rows = diesel::update(
            responsible_adults::table
                .find(id)
                .filter(responsible_adults::version.eq(expected)),
        )
        .set((
            responsible_adults::name.eq(ring.encrypt(input.name.trim())),
            responsible_adults::relationship.eq(relationship.as_str()),
            responsible_adults::email.eq(seal(input.email.as_deref())),
            responsible_adults::phone.eq(seal(input.phone.as_deref())),
            responsible_adults::preferred_language.eq(language_of(input)),
            responsible_adults::version.eq(expected + 1),
            responsible_adults::updated_at.eq(store::to_db(ctx.now)),
        ))
        .execute(conn)?;
        crate::resources::check_updated(rows, expected)?;
        audit_of(conn, ctx, AuditAction::Update, &was, relationship.as_str())?;
        tracing::info!(responsible_adult_id = %id, "responsible adult changed");
        one(conn, ctx, id)
    })
}

/// Ends a responsible adult's role from `expected`: they are sent nothing
/// more (what was planned for them is cancelled, audited).
pub fn end(conn: &mut AnyConn, ctx: &Ctx, id: &str, expected: i32) -> AppResult<ExclusionDone> {
    may(ctx, Action::Update)?;
    store::write(conn, |conn| {
        let was = current(conn, ctx, id, expected)?;
        let at = store::to_db(ctx.now);
        let rows = diesel::update(
            responsible_adults::table
                .find(id)
                .filter(responsible_adults::version.eq(expected)),
        )
        .set((
            responsible_adults::ended_at.eq(Some(at)),
            responsible_adults::version.eq(expected + 1),
            responsible_adults::updated_at.eq(at),
        ))
        .execute(conn)?;
        crate::resources::check_updated(rows, expected)?;
        audit_of(
            conn,
            ctx,
            AuditAction::Update,
            &was,
            "responsible_adult_ended",
        )?;
        let cancelled = withdraw(conn, ctx, &was, "the responsible adult's role has ended")?;
        tracing::info!(responsible_adult_id = %id, cancelled, "responsible adult ended");
        Ok(ExclusionDone {
            adult: one(conn, ctx, id)?,
            notices_cancelled: cancelled,
        })
    })
}

/// Records that the victim or the court excluded this person from being
/// told anything, from `expected`: every notice to them not yet sent is
/// cancelled, each audited, in the same transaction.
pub fn exclude(
    conn: &mut AnyConn,
    ctx: &Ctx,
    id: &str,
    expected: i32,
    input: &ExclusionInput,
) -> AppResult<ExclusionDone> {
    may(ctx, Action::Update)?;
    check_exclusion(input)?;
    store::write(conn, |conn| {
        let was = one(conn, ctx, id)?;
        crate::resources::check_version(was.version, expected)?;
        if was.excluded_by.is_some() {
            return Err(AppError::Conflict("they are already excluded".into()));
        }
        let ring = crate::privacy::keyring()?;
        let at = store::to_db(ctx.now);
        let rows = diesel::update(
            responsible_adults::table
                .find(id)
                .filter(responsible_adults::version.eq(expected)),
        )
        .set((
            responsible_adults::excluded_by.eq(Some(input.excluded_by.as_str())),
            responsible_adults::exclusion_reason
                .eq(trimmed(input.reason.as_deref()).map(|r| ring.encrypt(&r))),
            responsible_adults::excluded_at.eq(Some(at)),
            responsible_adults::version.eq(expected + 1),
            responsible_adults::updated_at.eq(at),
        ))
        .execute(conn)?;
        crate::resources::check_updated(rows, expected)?;
        let what = format!("excluded_by_{}", input.excluded_by.as_str());
        audit_of(conn, ctx, AuditAction::Update, &was, &what)?;
        let cancelled = withdraw(
            conn,
            ctx,
            &was,
            "the responsible adult was excluded from being told",
        )?;
        tracing::info!(responsible_adult_id = %id, excluded_by = input.excluded_by.as_str(), cancelled, "responsible adult excluded");
        Ok(ExclusionDone {
            adult: one(conn, ctx, id)?,
            notices_cancelled: cancelled,
        })
    })
}

/// Cancels every notice to the adult not yet sent, auditing each (ids,
/// category and basis only); the number cancelled.
fn withdraw(
    conn: &mut AnyConn,
    ctx: &Ctx,
    adult: &ResponsibleAdultOut,
    why: &str,
) -> AppResult<usize> {
    let key = crate::flows::Recipient::ResponsibleAdult {
        adult_id: adult.id.clone(),
    }
    .key();
    let open: Vec<(String, String, String)> = notices::table
        .filter(notices::recipient_key.eq(&key))
        .filter(notices::state.eq_any(["pending", "failed"]))
        .filter(crate::notify::delivery::not_being_sent())
        .select((notices::id, notices::category, notices::basis_json))
        .load(conn)?;
    let ts = store::to_db(ctx.now);
    for (notice_id, category, basis_json) in &open {
        diesel::update(
            notices::table
                .find(notice_id)
                .filter(notices::state.eq_any(["pending", "failed"]))
                .filter(crate::notify::delivery::not_being_sent()),
        )
        .set((
            notices::state.eq("cancelled"),
            notices::cancelled_reason.eq(why),
            notices::lease_owner.eq(None::<String>),
            notices::leased_until.eq(None::<NaiveDateTime>),
            notices::updated_at.eq(ts),
        ))
        .execute(conn)?;
        let had = audit::basis_code(&serde_json::from_str(basis_json).unwrap_or_default());
        let entry = Entry {
            actor_user_id: Some(ctx.actor.user_id.clone()),
            ..audit::notice_entry(
                AuditAction::Cancel,
                notice_id,
                &adult.victim_id,
                category,
                &key,
                format!("recipient_withdrawn/{had}"),
            )
        };
        audit::append(conn, ctx.now, entry)?;
    }
    Ok(open.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn input() -> ResponsibleAdultInput {
        ResponsibleAdultInput {
            name: "Pat".into(),
            relationship: Some(ResponsibleAdultRelationship::Parent),
            email: Some("pat@example.org".into()),
            phone: Some("+44 113 496 0000".into()),
            preferred_language: Some("cy".into()),
        }
    }

    fn fields(r: AppResult<()>) -> Vec<String> {
        match r {
            Ok(()) => vec![],
            Err(AppError::Validation(errors)) => errors.into_iter().map(|e| e.field).collect(),
            Err(other) => panic!("{other:?}"),
        }
    }

    #[test]
    fn the_checks_name_their_field() {
        assert!(fields(check(&input())).is_empty());
        let table: Vec<(ResponsibleAdultInput, &[&str])> = vec![
            (
                ResponsibleAdultInput {
                    name: " ".into(),
                    ..input()
                },
                &["name"],
            ),
            (
                ResponsibleAdultInput {
                    relationship: None,
                    ..input()
                },
                &["relationship"],
            ),
            (
                ResponsibleAdultInput {
                    email: Some("not an address".into()),
                    ..input()
                },
                &["email"],
            ),
            (
                ResponsibleAdultInput {
                    phone: Some("call me".into()),
                    ..input()
                },
                &["phone"],
            ),
            (
                ResponsibleAdultInput {
                    preferred_language: Some("Welsh please".into()),
                    ..input()
                },
                &["preferred_language"],
            ),
        ];
        for (i, want) in table {
            assert_eq!(fields(check(&i)), want, "{i:?}");
        }
        assert!(fields(check_exclusion(&ExclusionInput {
            excluded_by: ExcludedBy::Court,
            reason: Some("x".repeat(MAX_REASON + 1)),
        }))
        .contains(&"reason".to_string()));
    }
}

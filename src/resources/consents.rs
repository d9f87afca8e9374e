//! Consents, and the other lawful bases for sharing: what the victim agreed
//! may be shared (or on what other UK GDPR Art. 6 basis, with the recorded
//! reason), since when, who recorded it, and its withdrawal. A consent is
//! never rewritten: it can be withdrawn, and its reason corrected; anything
//! else is a new consent.

use chrono::{DateTime, Duration, SubsecRound, Utc};
use diesel::prelude::*;
use serde::{Deserialize, Serialize};

use crate::app::{Ctx, Page, Paged, Resource, Validate};
use crate::domain::{ConsentScope, LawfulBasis};
use crate::error::{AppError, AppResult};
use crate::flows::EventKind;
use crate::planning;
use crate::policy::ResourceKind;
use crate::store::schema::consents;
use crate::store::{self, scope, AnyConn};
use crate::validate::{Validator, MAX_TEXT};

use super::{check_version, require_victim_field, VictimFilter};

pub struct Consents;

/// How far ahead of our clock a client's "now" may be.
const CLOCK_GRACE: Duration = Duration::minutes(1);

#[derive(Debug, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ConsentInput {
    pub victim_id: String,
    /// What may be shared, and with whom.
    pub scope: ConsentScope,
    /// The UK GDPR Art. 6 basis; `consent` unless said otherwise.
    #[serde(default = "consent")]
    pub basis: LawfulBasis,
    /// Required when the basis is not consent: why sharing is lawful.
    pub basis_reason: Option<String>,
    /// When it was given, RFC 3339 with offset; not in the future.
    pub given_at: String,
    /// When it was withdrawn, RFC 3339 with offset; not before `given_at`
    /// and not in the future.
    pub withdrawn_at: Option<String>,
}

fn consent() -> LawfulBasis {
    LawfulBasis::Consent
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Checked {
    given_at: DateTime<Utc>,
    withdrawn_at: Option<DateTime<Utc>>,
}

/// Instants are kept to the microsecond, as PostgreSQL keeps them, so a
/// value read back compares equal to the one sent.
fn micros(t: DateTime<Utc>) -> DateTime<Utc> {
    t.trunc_subsecs(6)
}

fn check(input: &ConsentInput, v: &mut Validator, now: DateTime<Utc>) -> Option<Checked> {
    v.id("victim_id", &input.victim_id);
    v.opt_text("basis_reason", input.basis_reason.as_deref(), MAX_TEXT);
    if input.basis != LawfulBasis::Consent && input.basis_reason.is_none() {
        v.error(
            "basis_reason",
            format!(
                "is required when the basis is {}: record why sharing is lawful without consent",
                input.basis
            ),
        );
    }
    let given_at = v.instant("given_at", &input.given_at).map(micros);
    let withdrawn_at = v
        .opt_instant("withdrawn_at", input.withdrawn_at.as_deref())
        .map(micros);
    if let Some(given) = given_at {
        v.check(given <= now + CLOCK_GRACE, "given_at", "is in the future");
    }
    if let Some(withdrawn) = withdrawn_at {
        v.check(
            withdrawn <= now + CLOCK_GRACE,
            "withdrawn_at",
            "is in the future",
        );
        if let Some(given) = given_at {
            v.check(withdrawn >= given, "withdrawn_at", "is before given_at");
        }
    }
    if input.withdrawn_at.is_some() && withdrawn_at.is_none() {
        return None;
    }
    Some(Checked {
        given_at: given_at?,
        withdrawn_at,
    })
}

impl Validate for ConsentInput {
    fn validate(&self, v: &mut Validator, now: DateTime<Utc>) {
        check(self, v, now);
    }
}

/// Whether a consent given at `given_at` and perhaps withdrawn is in force
/// at `now`.
pub fn is_active(
    given_at: DateTime<Utc>,
    withdrawn_at: Option<DateTime<Utc>>,
    now: DateTime<Utc>,
) -> bool {
    given_at <= now && withdrawn_at.is_none_or(|w| w > now)
}

#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct ConsentOut {
    pub id: String,
    pub victim_id: String,
    pub scope: ConsentScope,
    pub basis: LawfulBasis,
    pub basis_reason: Option<String>,
    pub given_at: DateTime<Utc>,
    pub withdrawn_at: Option<DateTime<Utc>>,
    /// Given and not withdrawn, now.
    pub active: bool,
    /// The user who recorded it.
    pub recorded_by: String,
    pub version: i32,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

versioned!(ConsentOut);

#[derive(Queryable, Selectable)]
#[diesel(table_name = consents)]
struct Row {
    id: String,
    victim_id: String,
    scope: String,
    basis: String,
    basis_reason: Option<String>,
    given_at: chrono::NaiveDateTime,
    withdrawn_at: Option<chrono::NaiveDateTime>,
    recorded_by: String,
    version: i32,
    created_at: chrono::NaiveDateTime,
    updated_at: chrono::NaiveDateTime,
}

impl Row {
    fn given_at(&self) -> DateTime<Utc> {
        store::from_db(self.given_at)
    }

    fn withdrawn_at(&self) -> Option<DateTime<Utc>> {
        self.withdrawn_at.map(store::from_db)
    }

    fn out(self, now: DateTime<Utc>) -> AppResult<ConsentOut> {
        let given_at = self.given_at();
        let withdrawn_at = self.withdrawn_at();
        Ok(ConsentOut {
            scope: ConsentScope::from_db(&self.scope)?,
            basis: LawfulBasis::from_db(&self.basis)?,
            active: is_active(given_at, withdrawn_at, now),
            id: self.id,
            victim_id: self.victim_id,
            basis_reason: self.basis_reason,
            given_at,
            withdrawn_at,
            recorded_by: self.recorded_by,
            version: self.version,
            created_at: store::from_db(self.created_at),
            updated_at: store::from_db(self.updated_at),
        })
    }
}

const NEW_CONSENT: &str = "cannot be changed; record a new consent";

/// What an update may change: the withdrawal (once, from none to a time)
/// and the basis reason. Every other difference is named.
fn check_change(current: &Row, input: &ConsentInput, checked: Checked, v: &mut Validator) {
    v.check(
        current.victim_id == input.victim_id,
        "victim_id",
        NEW_CONSENT,
    );
    v.check(current.scope == input.scope.as_str(), "scope", NEW_CONSENT);
    v.check(current.basis == input.basis.as_str(), "basis", NEW_CONSENT);
    v.check(
        micros(current.given_at()) == checked.given_at,
        "given_at",
        NEW_CONSENT,
    );
    if let Some(withdrawn) = current.withdrawn_at() {
        v.check(
            checked.withdrawn_at == Some(micros(withdrawn)),
            "withdrawn_at",
            "a withdrawal cannot be undone or moved; record a new consent",
        );
    }
}

fn load(conn: &mut AnyConn, ctx: &Ctx, id: &str) -> AppResult<Row> {
    let row: Row = consents::table
        .find(id)
        .select(Row::as_select())
        .first(conn)
        .optional()?
        .ok_or_else(|| AppError::NotFound("consent".into()))?;
    scope::require_victim(conn, &ctx.actor, ctx.today(), &row.victim_id, "consent")?;
    Ok(row)
}

/// Read back without the scope check (the write was checked).
fn written(conn: &mut AnyConn, ctx: &Ctx, id: &str) -> AppResult<ConsentOut> {
    let row: Row = consents::table
        .find(id)
        .select(Row::as_select())
        .first(conn)?;
    row.out(ctx.now)
}

/// The checked input; a withdrawal stamped a moment ahead of our clock
/// (within the grace) takes effect now, not later.
fn checked(input: &ConsentInput, now: DateTime<Utc>) -> AppResult<Checked> {
    let mut v = Validator::new();
    let checked = check(input, &mut v, now);
    v.finish()?;
    let checked = checked.ok_or_else(|| AppError::field("given_at", "is required"))?;
    Ok(Checked {
        withdrawn_at: checked.withdrawn_at.map(|w| w.min(micros(now))),
        ..checked
    })
}

/// Of these victims, those with a consent of this scope in force at `now`
/// (sorted, without repeats). Any recorded basis counts: a record with
/// another basis is the recorded reason that sharing is lawful.
pub fn victims_with_active(
    conn: &mut AnyConn,
    victim_ids: &[String],
    scope: ConsentScope,
    now: DateTime<Utc>,
) -> AppResult<Vec<String>> {
    let at = store::to_db(now);
    let mut ids: Vec<String> = consents::table
        .filter(consents::victim_id.eq_any(victim_ids))
        .filter(consents::scope.eq(scope.as_str()))
        .filter(consents::given_at.le(at))
        .filter(
            consents::withdrawn_at
                .is_null()
                .or(consents::withdrawn_at.gt(at)),
        )
        .select(consents::victim_id)
        .load(conn)?;
    ids.sort();
    ids.dedup();
    Ok(ids)
}

impl Resource for Consents {
    const PATH: &'static str = "consents";
    const SINGULAR: &'static str = "consent";
    const KIND: ResourceKind = ResourceKind::Consent;
    type Input = ConsentInput;
    type Output = ConsentOut;
    type Filter = VictimFilter;

    fn create(conn: &mut AnyConn, ctx: &Ctx, input: ConsentInput) -> AppResult<ConsentOut> {
        let checked = checked(&input, ctx.now)?;
        store::write(conn, |conn| {
            require_victim_field(conn, ctx, &input.victim_id, "victim_id")?;
            let id = store::new_id();
            let now = store::to_db(ctx.now);
            diesel::insert_into(consents::table)
                .values((
                    consents::id.eq(&id),
                    consents::victim_id.eq(&input.victim_id),
                    consents::scope.eq(input.scope.as_str()),
                    consents::basis.eq(input.basis.as_str()),
                    consents::basis_reason.eq(input.basis_reason.as_deref().map(str::trim)),
                    consents::given_at.eq(store::to_db(checked.given_at)),
                    consents::withdrawn_at.eq(checked.withdrawn_at.map(store::to_db)),
                    consents::recorded_by.eq(&ctx.actor.user_id),
                    consents::created_at.eq(now),
                    consents::updated_at.eq(now),
                ))
                .execute(conn)?;
            written(conn, ctx, &id)
        })
    }

    fn read(conn: &mut AnyConn, ctx: &Ctx, id: &str) -> AppResult<ConsentOut> {
        load(conn, ctx, id)?.out(ctx.now)
    }

    fn list(
        conn: &mut AnyConn,
        ctx: &Ctx,
        f: &VictimFilter,
        page: Page,
    ) -> AppResult<Paged<ConsentOut>> {
        let visible = ctx.visible_victims(conn)?;
        let query = || {
            let mut q = consents::table
                .filter(consents::victim_id.eq_any(visible.clone()))
                .into_boxed();
            filter_by!(q, consents, f, victim_id);
            q
        };
        let order = (consents::given_at.desc(), consents::id.asc());
        paged!(conn, page, query, order, Row)?.try_map(|r| r.out(ctx.now))
    }

    /// Withdraws the consent, or corrects its basis reason; nothing else.
    fn update(
        conn: &mut AnyConn,
        ctx: &Ctx,
        id: &str,
        expected: i32,
        input: ConsentInput,
    ) -> AppResult<ConsentOut> {
        let checked = checked(&input, ctx.now)?;
        store::write(conn, |conn| {
            let current = load(conn, ctx, id)?;
            check_version(current.version, expected)?;
            let mut v = Validator::new();
            check_change(&current, &input, checked, &mut v);
            v.finish()?;
            update_versioned!(
                conn,
                consents,
                id,
                expected,
                store::to_db(ctx.now),
                (
                    consents::basis_reason.eq(input.basis_reason.as_deref().map(str::trim)),
                    consents::withdrawn_at.eq(checked.withdrawn_at.map(store::to_db)),
                )
            );
            if current.withdrawn_at.is_none() && checked.withdrawn_at.is_some() {
                let scope = ConsentScope::from_db(&current.scope)?;
                planning::react(
                    conn,
                    &ctx.rules,
                    ctx.now,
                    &current.victim_id,
                    &planning::Focus::default(),
                    EventKind::ConsentWithdrawn { scope },
                )?;
            }
            written(conn, ctx, id)
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(text: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(text)
            .unwrap()
            .with_timezone(&Utc)
    }

    fn now() -> DateTime<Utc> {
        t("2026-03-10T12:00:00Z")
    }

    fn input() -> ConsentInput {
        ConsentInput {
            victim_id: "0b9d6f5e-7a43-4a4e-8f57-2f4a8e2f0c11".into(),
            scope: ConsentScope::CourtDatesToSupporter,
            basis: LawfulBasis::Consent,
            basis_reason: None,
            given_at: "2026-03-01T10:00:00+00:00".into(),
            withdrawn_at: None,
        }
    }

    fn fields(v: Validator) -> Vec<String> {
        v.failed_fields()
    }

    #[test]
    fn input_checks() {
        type Edit = fn(&mut ConsentInput);
        let cases: &[(&str, Edit, &[&str])] = &[
            ("consent", |_| {}, &[]),
            (
                "other basis without reason",
                |i| i.basis = LawfulBasis::VitalInterests,
                &["basis_reason"],
            ),
            (
                "other basis with reason",
                |i| {
                    i.basis = LawfulBasis::LegalObligation;
                    i.basis_reason = Some("court order".into());
                },
                &[],
            ),
            (
                "blank reason",
                |i| i.basis_reason = Some(" ".into()),
                &["basis_reason"],
            ),
            (
                "given tomorrow",
                |i| i.given_at = "2026-03-11T09:00:00+00:00".into(),
                &["given_at"],
            ),
            (
                "given within the grace",
                |i| i.given_at = "2026-03-10T12:00:30+00:00".into(),
                &[],
            ),
            (
                "no offset",
                |i| i.given_at = "2026-03-01T10:00:00".into(),
                &["given_at"],
            ),
            (
                "withdrawn later",
                |i| i.withdrawn_at = Some("2026-03-05T10:00:00+00:00".into()),
                &[],
            ),
            (
                "withdrawn before given",
                |i| i.withdrawn_at = Some("2026-02-28T10:00:00+00:00".into()),
                &["withdrawn_at"],
            ),
            (
                "withdrawn in the future",
                |i| i.withdrawn_at = Some("2026-04-01T10:00:00+01:00".into()),
                &["withdrawn_at"],
            ),
        ];
        for (name, edit, expected) in cases {
            let mut i = input();
            edit(&mut i);
            let mut v = Validator::new();
            check(&i, &mut v, now());
            assert_eq!(fields(v), *expected, "{name}");
        }
    }

    #[test]
    fn active_between_given_and_withdrawn() {
        let given = t("2026-03-01T10:00:00Z");
        let table = [
            (None, t("2026-03-01T09:59:59Z"), false),
            (None, given, true),
            (
                Some(t("2026-03-05T10:00:00Z")),
                t("2026-03-05T09:59:59Z"),
                true,
            ),
            (
                Some(t("2026-03-05T10:00:00Z")),
                t("2026-03-05T10:00:00Z"),
                false,
            ),
        ];
        for (withdrawn, at, active) in table {
            assert_eq!(
                is_active(given, withdrawn, at),
                active,
                "{withdrawn:?} at {at}"
            );
        }
    }

    fn stored(withdrawn_at: Option<&str>) -> Row {
        let ts = |s: &str| t(s).naive_utc();
        Row {
            id: "c1".into(),
            victim_id: input().victim_id,
            scope: "court_dates_to_supporter".into(),
            basis: "consent".into(),
            basis_reason: None,
            given_at: ts("2026-03-01T10:00:00Z"),
            withdrawn_at: withdrawn_at.map(ts),
            recorded_by: "u1".into(),
            version: 1,
            created_at: ts("2026-03-01T10:00:00Z"),
            updated_at: ts("2026-03-01T10:00:00Z"),
        }
    }

    #[test]
    fn only_withdrawal_and_reason_change() {
        type Edit = fn(&mut ConsentInput);
        let cases: &[(&str, Option<&str>, Edit, &[&str])] = &[
            ("unchanged", None, |_| {}, &[]),
            (
                "withdraw",
                None,
                |i| i.withdrawn_at = Some("2026-03-09T10:00:00Z".into()),
                &[],
            ),
            (
                "fix reason",
                None,
                |i| i.basis_reason = Some("asked in person".into()),
                &[],
            ),
            (
                "same instant, other offset",
                None,
                |i| i.given_at = "2026-03-01T11:00:00+01:00".into(),
                &[],
            ),
            (
                "scope",
                None,
                |i| i.scope = ConsentScope::ParoleToSupporter,
                &["scope"],
            ),
            (
                "victim",
                None,
                |i| i.victim_id = "9b9d6f5e-7a43-4a4e-8f57-2f4a8e2f0c11".into(),
                &["victim_id"],
            ),
            (
                "basis",
                None,
                |i| {
                    i.basis = LawfulBasis::PublicTask;
                    i.basis_reason = Some("x".into());
                },
                &["basis"],
            ),
            (
                "given_at",
                None,
                |i| i.given_at = "2026-03-02T10:00:00Z".into(),
                &["given_at"],
            ),
            (
                "withdrawal kept",
                Some("2026-03-05T10:00:00Z"),
                |i| {
                    i.withdrawn_at = Some("2026-03-05T10:00:00Z".into());
                },
                &[],
            ),
            (
                "withdrawal undone",
                Some("2026-03-05T10:00:00Z"),
                |_| {},
                &["withdrawn_at"],
            ),
            (
                "withdrawal moved",
                Some("2026-03-05T10:00:00Z"),
                |i| {
                    i.withdrawn_at = Some("2026-03-06T10:00:00Z".into());
                },
                &["withdrawn_at"],
            ),
        ];
        for (name, withdrawn, edit, expected) in cases {
            let current = stored(*withdrawn);
            let mut i = input();
            edit(&mut i);
            let mut v = Validator::new();
            let c = check(&i, &mut v, now()).expect(name);
            assert!(v.is_empty(), "{name}");
            check_change(&current, &i, c, &mut v);
            assert_eq!(fields(v), *expected, "{name}");
        }
    }
}

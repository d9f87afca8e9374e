//! User accounts: who works where, in which role, and who manages them.
//! Administrators keep them and see all; managers see their own
//! organisation's. A password hash is stored but never handed out.

use chrono::{DateTime, Utc};
use diesel::prelude::*;
use serde::{Deserialize, Serialize};

use crate::app::{Ctx, Page, Paged, Resource, Validate};
use crate::domain::{OrganisationKind, Role};
use crate::error::{AppError, AppResult};
use crate::policy::{sees_all_users, ResourceKind};
use crate::store::schema::{organisations, supporter_assignments, users};
use crate::store::{self, AnyConn};
use crate::validate::{Validator, MAX_SHORT};

use super::check_version;

pub struct Users;

/// Shortest password we accept.
pub const MIN_PASSWORD_CHARS: usize = 12;
/// Longest password we hash (bounds the work one request can cause).
pub const MAX_PASSWORD_CHARS: usize = 256;

#[derive(Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct UserInput {
    pub organisation_id: String,
    pub display_name: String,
    /// Stored in lower case; unique across all users.
    pub email: String,
    /// Must fit the organisation's kind.
    pub role: Role,
    /// A user in the same organisation.
    pub manager_id: Option<String>,
    #[serde(default = "yes")]
    pub active: bool,
    /// Only when creating the account: at least 12 characters. Never
    /// returned.
    #[schema(write_only, format = Password)]
    pub password: Option<String>,
}

fn yes() -> bool {
    true
}

/// Never prints the password.
impl std::fmt::Debug for UserInput {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("UserInput")
            .field("organisation_id", &self.organisation_id)
            .field("role", &self.role)
            .field("manager_id", &self.manager_id)
            .field("active", &self.active)
            .field("password", &self.password.as_ref().map(|_| "[redacted]"))
            .finish_non_exhaustive()
    }
}

/// Whether a role may be held in an organisation of this kind. Managers and
/// administrators may sit in any organisation.
pub fn role_fits(role: Role, kind: OrganisationKind) -> bool {
    use OrganisationKind as K;
    match role {
        Role::Supporter => kind == K::SupportService,
        Role::WitnessCareOfficer => kind == K::WitnessCareUnit,
        Role::VictimLiaisonOfficer => kind == K::ProbationRegion,
        Role::CourtStaff => kind == K::Court,
        Role::WitnessServiceStaff => kind == K::WitnessService,
        Role::Manager | Role::Admin => true,
    }
}

/// The stored form of an email address.
pub fn normalise_email(email: &str) -> String {
    email.trim().to_lowercase()
}

impl Validate for UserInput {
    fn validate(&self, v: &mut Validator, _now: DateTime<Utc>) {
        v.id("organisation_id", &self.organisation_id);
        v.text("display_name", &self.display_name, MAX_SHORT);
        v.email("email", &self.email);
        v.opt_id("manager_id", self.manager_id.as_deref());
        if let Some(password) = &self.password {
            let n = password.chars().count();
            v.check(
                n >= MIN_PASSWORD_CHARS,
                "password",
                format!("must be at least {MIN_PASSWORD_CHARS} characters long"),
            );
            v.check(
                n <= MAX_PASSWORD_CHARS,
                "password",
                format!("may be at most {MAX_PASSWORD_CHARS} characters long"),
            );
        }
    }
}

#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct UserOut {
    pub id: String,
    pub organisation_id: String,
    pub display_name: String,
    pub email: String,
    pub role: Role,
    pub manager_id: Option<String>,
    pub active: bool,
    /// Whether the user can sign in with a password (else only with an
    /// issued token).
    pub has_password: bool,
    pub version: i32,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

versioned!(UserOut);

/// Selects everything but the hash itself: only whether there is one.
#[derive(Queryable, Selectable)]
#[diesel(table_name = users)]
struct Row {
    id: String,
    organisation_id: String,
    display_name: String,
    email: String,
    role: String,
    #[diesel(select_expression = users::password_hash.is_not_null())]
    #[diesel(select_expression_type = diesel::dsl::IsNotNull<users::password_hash>)]
    has_password: bool,
    manager_id: Option<String>,
    active: bool,
    version: i32,
    created_at: chrono::NaiveDateTime,
    updated_at: chrono::NaiveDateTime,
}

impl Row {
    fn out(self) -> AppResult<UserOut> {
        Ok(UserOut {
            role: Role::from_db(&self.role)?,
            id: self.id,
            organisation_id: self.organisation_id,
            display_name: self.display_name,
            email: self.email,
            manager_id: self.manager_id,
            active: self.active,
            has_password: self.has_password,
            version: self.version,
            created_at: store::from_db(self.created_at),
            updated_at: store::from_db(self.updated_at),
        })
    }
}

/// Filters for user lists.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct UserFilter {
    pub organisation_id: Option<String>,
    pub role: Option<Role>,
    pub active: Option<bool>,
    pub page: Option<i64>,
    pub per_page: Option<i64>,
}

/// A user outside the actor's reach reads as missing.
fn load(conn: &mut AnyConn, ctx: &Ctx, id: &str) -> AppResult<Row> {
    let row: Row = users::table
        .find(id)
        .select(Row::as_select())
        .first(conn)
        .optional()?
        .ok_or_else(|| AppError::NotFound("user".into()))?;
    if sees_all_users(&ctx.actor) || row.organisation_id == ctx.actor.organisation_id {
        Ok(row)
    } else {
        Err(AppError::NotFound("user".into()))
    }
}

fn email_taken() -> AppError {
    AppError::field("email", "is already used by another user")
}

/// Checks that need the database: the organisation exists and its kind fits
/// the role, the manager is a colleague, the email is free.
fn check_references(
    conn: &mut AnyConn,
    input: &UserInput,
    email: &str,
    this_user: Option<&str>,
) -> AppResult<()> {
    let kind: Option<String> = organisations::table
        .find(&input.organisation_id)
        .select(organisations::kind)
        .first(conn)
        .optional()?;
    let kind =
        kind.ok_or_else(|| AppError::field("organisation_id", "is not a known organisation"))?;
    let kind = OrganisationKind::from_db(&kind)?;
    if !role_fits(input.role, kind) {
        return Err(AppError::field(
            "role",
            format!(
                "a {} cannot belong to an organisation of kind {kind}",
                input.role
            ),
        ));
    }
    if let Some(manager) = &input.manager_id {
        if Some(manager.as_str()) == this_user {
            return Err(AppError::field(
                "manager_id",
                "a user cannot be their own manager",
            ));
        }
        let colleague: i64 = users::table
            .filter(users::id.eq(manager))
            .filter(users::organisation_id.eq(&input.organisation_id))
            .count()
            .get_result(conn)?;
        if colleague != 1 {
            return Err(AppError::field(
                "manager_id",
                "is not a user in the same organisation",
            ));
        }
    }
    let mut clash = users::table
        .filter(users::email.eq(email.to_string()))
        .into_boxed();
    if let Some(id) = this_user {
        clash = clash.filter(users::id.ne(id.to_string()));
    }
    let clashes: i64 = clash.count().get_result(conn)?;
    if clashes > 0 {
        return Err(email_taken());
    }
    Ok(())
}

/// A concurrent write can still hit the unique index: same answer.
fn unique_email(e: diesel::result::Error) -> AppError {
    match AppError::from(e) {
        AppError::Conflict(_) => email_taken(),
        other => other,
    }
}

/// Whether the supporter has an assignment current today or starting later.
fn has_current_assignments(conn: &mut AnyConn, ctx: &Ctx, user_id: &str) -> AppResult<bool> {
    let today = ctx.today();
    let n: i64 = supporter_assignments::table
        .filter(supporter_assignments::supporter_id.eq(user_id))
        .filter(
            supporter_assignments::ends_on
                .is_null()
                .or(supporter_assignments::ends_on.ge(today)),
        )
        .count()
        .get_result(conn)?;
    Ok(n > 0)
}

impl Resource for Users {
    const PATH: &'static str = "users";
    const SINGULAR: &'static str = "user";
    const KIND: ResourceKind = ResourceKind::User;
    type Input = UserInput;
    type Output = UserOut;
    type Filter = UserFilter;

    fn create(conn: &mut AnyConn, ctx: &Ctx, input: UserInput) -> AppResult<UserOut> {
        // Hash before taking the write lock: it is deliberately slow.
        let hash = input
            .password
            .as_deref()
            .map(crate::accounts::hash_password)
            .transpose()?;
        let email = normalise_email(&input.email);
        store::write(conn, |conn| {
            check_references(conn, &input, &email, None)?;
            let id = store::new_id();
            let now = store::to_db(ctx.now);
            diesel::insert_into(users::table)
                .values((
                    users::id.eq(&id),
                    users::organisation_id.eq(&input.organisation_id),
                    users::display_name.eq(input.display_name.trim()),
                    users::email.eq(&email),
                    users::role.eq(input.role.as_str()),
                    users::password_hash.eq(&hash),
                    users::manager_id.eq(&input.manager_id),
                    users::active.eq(input.active),
                    users::created_at.eq(now),
                    users::updated_at.eq(now),
                ))
                .execute(conn)
                .map_err(unique_email)?;
            load(conn, ctx, &id)?.out()
        })
    }

    fn read(conn: &mut AnyConn, ctx: &Ctx, id: &str) -> AppResult<UserOut> {
        load(conn, ctx, id)?.out()
    }

    fn list(
        conn: &mut AnyConn,
        ctx: &Ctx,
        f: &UserFilter,
        page: Page,
    ) -> AppResult<Paged<UserOut>> {
        let query = || {
            let mut q = users::table.into_boxed();
            if !sees_all_users(&ctx.actor) {
                q = q.filter(users::organisation_id.eq(ctx.actor.organisation_id.clone()));
            }
            filter_by!(q, users, f, organisation_id);
            if let Some(role) = f.role {
                q = q.filter(users::role.eq(role.as_str()));
            }
            if let Some(active) = f.active {
                q = q.filter(users::active.eq(active));
            }
            q
        };
        let order = (users::display_name.asc(), users::id.asc());
        paged!(conn, page, query, order, Row)?.try_map(Row::out)
    }

    fn update(
        conn: &mut AnyConn,
        ctx: &Ctx,
        id: &str,
        expected: i32,
        input: UserInput,
    ) -> AppResult<UserOut> {
        if input.password.is_some() {
            return Err(AppError::field(
                "password",
                "can only be set when the account is created; leave it out when changing a user",
            ));
        }
        let email = normalise_email(&input.email);
        store::write(conn, |conn| {
            let current = load(conn, ctx, id)?;
            check_version(current.version, expected)?;
            // An administrator cannot lock themselves out.
            if id == ctx.actor.user_id {
                if !input.active {
                    return Err(AppError::field(
                        "active",
                        "you cannot deactivate your own account",
                    ));
                }
                if input.role != ctx.actor.role {
                    return Err(AppError::field("role", "you cannot change your own role"));
                }
            }
            // A supporter's victims are reached through their assignments;
            // those must be ended or handed over before the role changes.
            if current.role == Role::Supporter.as_str()
                && input.role != Role::Supporter
                && has_current_assignments(conn, ctx, id)?
            {
                return Err(AppError::field(
                    "role",
                    "cannot change from supporter while the user has current or future assignments; end them first",
                ));
            }
            check_references(conn, &input, &email, Some(id))?;
            update_versioned!(
                conn,
                users,
                id,
                expected,
                store::to_db(ctx.now),
                (
                    users::organisation_id.eq(&input.organisation_id),
                    users::display_name.eq(input.display_name.trim()),
                    users::email.eq(&email),
                    users::role.eq(input.role.as_str()),
                    users::manager_id.eq(&input.manager_id),
                    users::active.eq(input.active),
                ),
                unique_email
            );
            load(conn, ctx, id)?.out()
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn roles_fit_their_organisations() {
        use OrganisationKind as K;
        let table = [
            (Role::Supporter, K::SupportService, true),
            (Role::Supporter, K::WitnessCareUnit, false),
            (Role::WitnessCareOfficer, K::WitnessCareUnit, true),
            (Role::WitnessCareOfficer, K::CpsArea, false),
            (Role::VictimLiaisonOfficer, K::ProbationRegion, true),
            (Role::VictimLiaisonOfficer, K::SupportService, false),
            (Role::CourtStaff, K::Court, true),
            (Role::CourtStaff, K::WitnessService, false),
            (Role::WitnessServiceStaff, K::WitnessService, true),
            (Role::WitnessServiceStaff, K::Court, false),
            (Role::Manager, K::CpsArea, true),
            (Role::Manager, K::SupportService, true),
            (Role::Admin, K::ProbationRegion, true),
        ];
        for (role, kind, fits) in table {
            assert_eq!(role_fits(role, kind), fits, "{role} in {kind}");
        }
        // Every kind has at least one role besides manager and admin,
        // except the CPS, which Courtside reaches only through others.
        for kind in OrganisationKind::ALL {
            let own = Role::ALL
                .iter()
                .filter(|r| !matches!(r, Role::Manager | Role::Admin))
                .any(|r| role_fits(*r, *kind));
            assert_eq!(own, *kind != K::CpsArea, "{kind}");
        }
    }

    #[test]
    fn emails_are_stored_in_lower_case() {
        assert_eq!(
            normalise_email("  Jo.Bloggs@Example.ORG "),
            "jo.bloggs@example.org"
        );
    }

    fn input(password: Option<&str>) -> UserInput {
        UserInput {
            organisation_id: "6f1c1f8e-52c4-4c9e-9a53-0f4c1c1f3a10".into(),
            display_name: "Jo".into(),
            email: "jo@example.org".into(),
            role: Role::Supporter,
            manager_id: None,
            active: true,
            password: password.map(str::to_string),
        }
    }

    fn fields(input: &UserInput) -> Vec<String> {
        let mut v = Validator::new();
        input.validate(&mut v, Utc::now());
        v.failed_fields()
    }

    #[test]
    fn password_length() {
        let long = "x".repeat(MAX_PASSWORD_CHARS + 1);
        let table: [(Option<&str>, bool); 5] = [
            (None, true),
            (Some("short"), false),
            (Some("eleven-char"), false),
            (Some("twelve-chars"), true),
            (Some(long.as_str()), false),
        ];
        for (password, ok) in table {
            assert_eq!(
                fields(&input(password)).is_empty(),
                ok,
                "{:?}",
                password.map(str::len)
            );
        }
    }

    #[test]
    fn bad_ids_and_email_are_named() {
        let mut i = input(None);
        i.organisation_id = "x".into();
        i.manager_id = Some("y".into());
        i.email = "nope".into();
        assert_eq!(fields(&i), ["organisation_id", "email", "manager_id"]);
    }

    #[test]
    fn debug_hides_the_password() {
        let shown = format!("{:?}", input(Some("correct horse battery")));
        assert!(!shown.contains("horse"), "{shown}");
        assert!(shown.contains("redacted"));
    }
}

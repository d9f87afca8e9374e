//! The use-case layer: what a person can do with Courtside, whichever door
//! they come in by. The JSON API (`web::api`) and the pages (`web::ui`)
//! both call these functions; each one authorises the actor, validates the
//! input, writes in one transaction (`store::write`), lets the record's
//! own code plan what follows, and appends the audit entry in that same
//! transaction. Neither web layer appends audit entries for record changes
//! itself.
//!
//! `app` may use everything below it (`resources`, `court_lists`,
//! `store`, `domain`, `flows`, `rules`, ...) and nothing above it: it
//! never imports `web` or `service`.

pub mod acknowledgements;
pub mod after_outcome;
pub mod agenda;
pub mod calendar_feeds;
pub mod consents;
pub mod court_lists;
pub mod court_need_settings;
pub mod court_needs;
pub mod cps_meetings;
pub mod export;
pub mod hearings;
pub mod message_stops;
pub mod notices;
pub mod outbox;
pub mod page_language;
mod records;
pub mod reminder_delivery;
pub mod reminder_rules;
pub mod responsible_adults;
pub mod risk_meetings;
pub mod safety_plans;
pub mod sessions;
pub mod statement_appointments;
pub mod trial_updates;
pub mod updates;
pub mod webhooks;

use chrono::{DateTime, NaiveDate, Utc};
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};

use crate::error::{AppError, AppResult};
use crate::policy::{permits, Action, Actor, ResourceKind};
use crate::store::AnyConn;
use diesel::dsl::{count_star, CountStar, Limit, Offset, Select};
use diesel::query_dsl::methods::{LimitDsl, OffsetDsl, SelectDsl};
use diesel::query_dsl::{LoadQuery, RunQueryDsl};

pub use records::{create, list, list_pages, read, update};

/// A role check named once: the kind of record, the action, and the
/// record's name for the refusal.
pub type Check = (ResourceKind, Action, &'static str);

/// Who is asking and when: passed to every use case.
#[derive(Debug, Clone)]
pub struct Ctx {
    pub actor: Actor,
    pub now: DateTime<Utc>,
    /// The rules table and bank holidays the service runs under.
    pub rules: std::sync::Arc<crate::rules::Rules>,
    /// The actor's reach worked out once, for a use case that only reads
    /// and makes many lists ([`Ctx::pinned`]); None: read it each time.
    pub reach: Option<std::sync::Arc<crate::store::scope::Pinned>>,
}

impl Ctx {
    /// Refuses (403) unless the actor's role may do the check's action.
    pub fn may(&self, (kind, action, what): Check) -> AppResult<()> {
        authorise(&self.actor, kind, action, what)
    }

    /// Appends the audit entry of the actor's `action` on one record, in
    /// the caller's transaction.
    pub fn audit(
        &self,
        conn: &mut AnyConn,
        action: crate::audit::AuditAction,
        entity: &str,
        id: &str,
    ) -> AppResult<()> {
        crate::audit::append(conn, self.now, self.entry(action, entity, id))
    }

    /// The audit entry of the actor's `action` on one record, to fill in.
    pub fn entry(
        &self,
        action: crate::audit::AuditAction,
        entity: &str,
        id: &str,
    ) -> crate::audit::Entry {
        crate::audit::Entry::new(action, Some(&self.actor.user_id), entity, id)
    }

    /// Today's date in court-local time.
    pub fn today(&self) -> NaiveDate {
        crate::calendar::london_date(self.now)
    }

    /// This context with the actor's reach read now and kept for every
    /// list made with it. Only for use cases that write nothing: a write
    /// may change the reach.
    pub fn pinned(&self, conn: &mut AnyConn) -> AppResult<Ctx> {
        let victims = crate::store::scope::visible_victim_ids(conn, &self.actor, self.today())?;
        Ok(Ctx {
            reach: Some(std::sync::Arc::new(crate::store::scope::Pinned::new(
                victims,
            ))),
            ..self.clone()
        })
    }

    /// The actor's reach: the pinned one, or read now.
    pub fn reach_now(
        &self,
        conn: &mut AnyConn,
    ) -> AppResult<std::sync::Arc<crate::store::scope::Pinned>> {
        match &self.reach {
            Some(p) => Ok(p.clone()),
            None => Ok(std::sync::Arc::new(crate::store::scope::Pinned::new(
                crate::store::scope::visible_victim_ids(conn, &self.actor, self.today())?,
            ))),
        }
    }

    /// The ids of the victims the actor may reach (sorted): the pinned
    /// reach, or read now.
    pub fn visible_victims(&self, conn: &mut AnyConn) -> AppResult<Vec<String>> {
        match &self.reach {
            Some(p) => Ok(p.victims.clone()),
            None => crate::store::scope::visible_victim_ids(conn, &self.actor, self.today()),
        }
    }
}

/// A page of a list, as asked for.
#[derive(Debug, Clone, Copy, Deserialize)]
pub struct PageParams {
    pub page: Option<i64>,
    pub per_page: Option<i64>,
}

pub const DEFAULT_PER_PAGE: i64 = 50;
pub const MAX_PER_PAGE: i64 = 200;

/// A page of a list, checked.
#[derive(Debug, Clone, Copy)]
pub struct Page {
    pub page: i64,
    pub per_page: i64,
}

impl Page {
    pub fn offset(&self) -> i64 {
        (self.page - 1) * self.per_page
    }
}

impl PageParams {
    pub fn check(self) -> AppResult<Page> {
        let mut v = crate::validate::Validator::new();
        let page = self.page.unwrap_or(1);
        let per_page = self.per_page.unwrap_or(DEFAULT_PER_PAGE);
        v.check(page >= 1, "page", "must be 1 or more");
        v.check(
            (1..=MAX_PER_PAGE).contains(&per_page),
            "per_page",
            format!("must be between 1 and {MAX_PER_PAGE}"),
        );
        v.finish()?;
        Ok(Page { page, per_page })
    }
}

#[derive(Debug, Serialize)]
pub struct Paged<T> {
    pub items: Vec<T>,
    pub page: i64,
    pub per_page: i64,
    pub total: i64,
}

impl<T> Paged<T> {
    pub fn new(items: Vec<T>, page: Page, total: i64) -> Self {
        Paged {
            items,
            page: page.page,
            per_page: page.per_page,
            total,
        }
    }

    /// Pages a list already filtered in memory (small, scoped lists).
    pub fn slice(all: Vec<T>, page: Page) -> Self {
        let total = all.len() as i64;
        let items = all
            .into_iter()
            .skip(page.offset() as usize)
            .take(page.per_page as usize)
            .collect();
        Paged::new(items, page, total)
    }
}

impl<T> Paged<T> {
    /// The same page with each item turned into what is handed out.
    pub fn map<U>(self, f: impl FnMut(T) -> U) -> Paged<U> {
        Paged {
            items: self.items.into_iter().map(f).collect(),
            page: self.page,
            per_page: self.per_page,
            total: self.total,
        }
    }

    /// The same page with each item turned into what is handed out, or the
    /// first failure.
    pub fn try_map<U>(self, f: impl FnMut(T) -> AppResult<U>) -> AppResult<Paged<U>> {
        Ok(Paged {
            items: self.items.into_iter().map(f).collect::<AppResult<_>>()?,
            page: self.page,
            per_page: self.per_page,
            total: self.total,
        })
    }
}

/// One page of a list query, the one way every list is paged: `all` is
/// the filtered query (counted for the total), `rows` the same query
/// ordered and selected (limited to the page). Both run on the one
/// connection, so inside a transaction they see the same rows.
pub fn page_of<C, L, Row>(conn: &mut AnyConn, page: Page, all: C, rows: L) -> AppResult<Paged<Row>>
where
    C: SelectDsl<CountStar>,
    Select<C, CountStar>: RunQueryDsl<AnyConn> + for<'a> LoadQuery<'a, AnyConn, i64>,
    L: LimitDsl,
    Limit<L>: OffsetDsl,
    Offset<Limit<L>>: RunQueryDsl<AnyConn> + for<'a> LoadQuery<'a, AnyConn, Row>,
{
    let total: i64 = SelectDsl::select(all, count_star()).get_result(conn)?;
    let limited = LimitDsl::limit(rows, page.per_page);
    let items: Vec<Row> = OffsetDsl::offset(limited, page.offset()).load(conn)?;
    Ok(Paged::new(items, page, total))
}

/// A record handed out: it has an id and a version (its ETag).
pub trait Versioned {
    fn id(&self) -> &str;
    fn version(&self) -> i32;
}

/// Input checks that need no database.
pub trait Validate {
    fn validate(&self, v: &mut crate::validate::Validator, now: DateTime<Utc>);
}

/// A kind of record with the four shared operations. The functions here
/// are the record's own part (scope, checks that need the database,
/// planning); the use cases in this module wrap them with the role check,
/// input checks, transaction and audit.
pub trait Resource: 'static {
    /// The URL segment under /api/v1, e.g. `hearings`; also the audit
    /// entry's `entity`.
    const PATH: &'static str;
    /// For messages and the OpenAPI document, e.g. `hearing`.
    const SINGULAR: &'static str;
    const KIND: ResourceKind;
    /// Whether the record can be created through the API (notices and
    /// tasks are created only by the flows).
    const CREATABLE: bool = true;
    /// Whether the record can be changed after creation.
    const UPDATABLE: bool = true;

    type Input: DeserializeOwned + Validate + utoipa::ToSchema + Send + 'static;
    type Output: Serialize + Versioned + utoipa::ToSchema + Send + 'static;
    /// Query-string filters for lists.
    type Filter: DeserializeOwned + Send + 'static;

    /// Records made only by the flows (`CREATABLE` false) keep this.
    fn create(_: &mut AnyConn, _: &Ctx, _: Self::Input) -> AppResult<Self::Output> {
        Err(AppError::MethodNotAllowed)
    }
    fn read(conn: &mut AnyConn, ctx: &Ctx, id: &str) -> AppResult<Self::Output>;
    fn list(
        conn: &mut AnyConn,
        ctx: &Ctx,
        filter: &Self::Filter,
        page: Page,
    ) -> AppResult<Paged<Self::Output>>;
    /// Records that never change (`UPDATABLE` false) keep this.
    fn update(
        _: &mut AnyConn,
        _: &Ctx,
        _: &str,
        _: i32,
        _: Self::Input,
    ) -> AppResult<Self::Output> {
        Err(AppError::MethodNotAllowed)
    }
}

/// Fails with 403 unless the role may do this to this kind of record.
pub fn authorise(actor: &Actor, kind: ResourceKind, action: Action, what: &str) -> AppResult<()> {
    if permits(actor.role, kind, action) {
        Ok(())
    } else {
        Err(AppError::Forbidden(format!(
            "{} {what} records",
            action.verb()
        )))
    }
}

/// Runs the input checks that need no database; 422 with every problem.
pub fn validate<I: Validate>(input: &I, now: DateTime<Utc>) -> AppResult<()> {
    let mut v = crate::validate::Validator::new();
    input.validate(&mut v, now);
    v.finish()
}

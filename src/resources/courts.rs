//! The courts directory: read by everyone, kept by administrators.

use chrono::{DateTime, Utc};
use diesel::prelude::*;
use serde::{Deserialize, Serialize};

use crate::app::{Ctx, Page, Paged, Resource, Validate};
use crate::domain::{CourtKind, Nation};
use crate::error::{AppError, AppResult};
use crate::policy::ResourceKind;
use crate::store::schema::courts;
use crate::store::{self, AnyConn};
use crate::validate::{Validator, MAX_SHORT};

use super::check_version;

pub struct Courts;

#[derive(Debug, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CourtInput {
    pub name: String,
    pub kind: CourtKind,
    pub town: String,
    pub nation: Nation,
    /// The Crown Court's code in published lists, e.g. "453".
    pub crown_court_code: Option<String>,
}

impl Validate for CourtInput {
    fn validate(&self, v: &mut Validator, _now: DateTime<Utc>) {
        v.text("name", &self.name, MAX_SHORT);
        v.text("town", &self.town, MAX_SHORT);
        v.opt_text("crown_court_code", self.crown_court_code.as_deref(), 10);
    }
}

#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct CourtOut {
    pub id: String,
    pub name: String,
    pub kind: CourtKind,
    pub town: String,
    pub nation: Nation,
    pub crown_court_code: Option<String>,
    pub version: i32,
}

versioned!(CourtOut);

#[derive(Queryable, Selectable)]
#[diesel(table_name = courts)]
struct Row {
    id: String,
    name: String,
    kind: String,
    town: String,
    nation: String,
    crown_court_code: Option<String>,
    version: i32,
}

impl Row {
    fn out(self) -> AppResult<CourtOut> {
        Ok(CourtOut {
            kind: CourtKind::from_db(&self.kind)?,
            nation: Nation::from_db(&self.nation)?,
            id: self.id,
            name: self.name,
            town: self.town,
            crown_court_code: self.crown_court_code,
            version: self.version,
        })
    }
}

/// Filters for the directory.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CourtFilter {
    pub kind: Option<CourtKind>,
    /// Part of the court's name or town, any case.
    pub q: Option<String>,
    pub page: Option<i64>,
    pub per_page: Option<i64>,
}

/// Adds a court, or returns the existing one of the same name (for seeding).
pub fn insert(conn: &mut AnyConn, input: &CourtInput, now: DateTime<Utc>) -> AppResult<String> {
    let id = store::new_id();
    diesel::insert_into(courts::table)
        .values((
            courts::id.eq(&id),
            courts::name.eq(input.name.trim()),
            courts::kind.eq(input.kind.as_str()),
            courts::town.eq(input.town.trim()),
            courts::nation.eq(input.nation.as_str()),
            courts::crown_court_code.eq(&input.crown_court_code),
            courts::created_at.eq(store::to_db(now)),
            courts::updated_at.eq(store::to_db(now)),
        ))
        .execute(conn)
        .map_err(|e| match AppError::from(e) {
            AppError::Conflict(_) => {
                AppError::field("name", "a court of this name is already in the directory")
            }
            other => other,
        })?;
    Ok(id)
}

fn load(conn: &mut AnyConn, id: &str) -> AppResult<Row> {
    courts::table
        .find(id)
        .select(Row::as_select())
        .first(conn)
        .optional()?
        .ok_or_else(|| AppError::NotFound("court".into()))
}

impl Resource for Courts {
    const PATH: &'static str = "courts";
    const SINGULAR: &'static str = "court";
    const KIND: ResourceKind = ResourceKind::Court;
    type Input = CourtInput;
    type Output = CourtOut;
    type Filter = CourtFilter;

    fn create(conn: &mut AnyConn, ctx: &Ctx, input: CourtInput) -> AppResult<CourtOut> {
        store::write(conn, |conn| {
            let id = insert(conn, &input, ctx.now)?;
            load(conn, &id)?.out()
        })
    }

    fn read(conn: &mut AnyConn, _ctx: &Ctx, id: &str) -> AppResult<CourtOut> {
        load(conn, id)?.out()
    }

    fn list(
        conn: &mut AnyConn,
        _ctx: &Ctx,
        f: &CourtFilter,
        page: Page,
    ) -> AppResult<Paged<CourtOut>> {
        let query = || {
            let mut q = courts::table.into_boxed();
            if let Some(kind) = f.kind {
                q = q.filter(courts::kind.eq(kind.as_str()));
            }
            if let Some(text) = f.q.as_deref().filter(|t| !t.trim().is_empty()) {
                let pattern = format!("%{}%", text.trim().replace(['%', '_'], ""));
                q = q.filter(
                    courts::name
                        .like(pattern.clone())
                        .or(courts::town.like(pattern)),
                );
            }
            q
        };
        let order = courts::name.asc();
        paged!(conn, page, query, order, Row)?.try_map(Row::out)
    }

    fn update(
        conn: &mut AnyConn,
        ctx: &Ctx,
        id: &str,
        expected: i32,
        input: CourtInput,
    ) -> AppResult<CourtOut> {
        store::write(conn, |conn| {
            check_version(load(conn, id)?.version, expected)?;
            update_versioned!(
                conn,
                courts,
                id,
                expected,
                store::to_db(ctx.now),
                (
                    courts::name.eq(input.name.trim()),
                    courts::kind.eq(input.kind.as_str()),
                    courts::town.eq(input.town.trim()),
                    courts::nation.eq(input.nation.as_str()),
                    courts::crown_court_code.eq(&input.crown_court_code),
                )
            );
            load(conn, id)?.out()
        })
    }
}

//! Reading back what imports did: the list of imports, and one import's
//! changes as a given person may see them.
//!
//! An import's record (its list type, publication and counts) names no one
//! and is shown to everyone who may read court lists. Its changes are
//! hearings and cases; each is shown only when its victim is within the
//! reader's relationships (`store::scope`), the same rule as every other
//! read, so a unit sees its own cases and a support service its own
//! victims' hearings, whoever ran the import.

use std::collections::{BTreeSet, HashMap};

use chrono::{DateTime, Utc};
use diesel::prelude::*;
use serde::Serialize;

use super::apply::{ImportCounts, ImportSummary};
use crate::app::{Ctx, Page, Paged};
use crate::error::{AppError, AppResult};
use crate::store::schema::{cases, court_list_imports, courts, hearings, notices};
use crate::store::{self, AnyConn};

/// One import, as listed.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct ImportRecord {
    pub id: String,
    pub list_type: String,
    /// daily, firm or warned.
    pub list_kind: String,
    pub published_at: DateTime<Utc>,
    pub version: Option<String>,
    pub imported_at: DateTime<Utc>,
    /// True when the reader ran this import.
    pub imported_by_me: bool,
    /// The whole list's counts (numbers only).
    pub counts: ImportCounts,
    /// Courts the list names that the directory lacks (court names are
    /// public; no party or case names are kept).
    pub unmatched_courts: Vec<String>,
}

/// What an import changed, for one hearing or case the reader may see.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct ImportItem {
    /// confirmed, moved, absent, new, warned or unapplied.
    pub change: String,
    pub hearing_id: Option<String>,
    pub case_id: String,
    /// The case's URN or court case number.
    pub case_reference: Option<String>,
    pub court_id: Option<String>,
    pub court_name: Option<String>,
    pub courtroom: Option<String>,
    /// The hearing's start now (after any move).
    pub starts_at: Option<DateTime<Utc>>,
    pub status: Option<String>,
    /// Notices to supporters about this hearing planned since the import
    /// (a moved hearing's "new date" notices), by state.
    pub supporter_notices: Vec<NoticeBrief>,
}

#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct NoticeBrief {
    pub id: String,
    /// pending, sending, sent, failed, dead or cancelled.
    pub state: String,
    /// The notice's template, e.g. `hearing.change.supporter`.
    pub template: String,
    pub send_after: DateTime<Utc>,
}

/// One import with the changes the reader may see.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct ImportDetail {
    pub import: ImportRecord,
    pub items: Vec<ImportItem>,
    /// How many of the import's changes concern hearings or cases outside
    /// the reader's relationships (not shown).
    pub not_shown: usize,
}

type ImportRow = (
    String,
    String,
    chrono::NaiveDateTime,
    Option<String>,
    Option<String>,
    chrono::NaiveDateTime,
    String,
);

fn record(ctx: &Ctx, row: ImportRow) -> AppResult<(ImportRecord, ImportSummary)> {
    let (id, list_type, published_at, version, imported_by, imported_at, summary_json) = row;
    let summary: ImportSummary = serde_json::from_str(&summary_json)
        .map_err(|e| AppError::Internal(format!("import {id} summary unreadable: {e}")))?;
    Ok((
        ImportRecord {
            imported_by_me: imported_by.as_deref() == Some(ctx.actor.user_id.as_str()),
            id,
            list_type,
            list_kind: summary.list_kind.clone(),
            published_at: store::from_db(published_at),
            version,
            imported_at: store::from_db(imported_at),
            counts: summary.counts.clone(),
            unmatched_courts: summary.unmatched_courts.clone(),
        },
        summary,
    ))
}

fn columns() -> (
    court_list_imports::id,
    court_list_imports::list_type,
    court_list_imports::published_at,
    court_list_imports::list_version,
    court_list_imports::imported_by,
    court_list_imports::imported_at,
    court_list_imports::summary_json,
) {
    (
        court_list_imports::id,
        court_list_imports::list_type,
        court_list_imports::published_at,
        court_list_imports::list_version,
        court_list_imports::imported_by,
        court_list_imports::imported_at,
        court_list_imports::summary_json,
    )
}

/// The imports, newest first.
pub fn list(conn: &mut AnyConn, ctx: &Ctx, page: Page) -> AppResult<Paged<ImportRecord>> {
    let rows = court_list_imports::table
        .order((
            court_list_imports::imported_at.desc(),
            court_list_imports::id.asc(),
        ))
        .select(columns());
    let rows: Paged<ImportRow> = crate::app::page_of(conn, page, court_list_imports::table, rows)?;
    rows.try_map(|r| record(ctx, r).map(|(rec, _)| rec))
}

#[derive(Queryable)]
struct HearingFacts {
    id: String,
    case_id: String,
    court_id: String,
    courtroom: Option<String>,
    starts_at: chrono::NaiveDateTime,
    status: String,
}

#[derive(Queryable)]
struct CaseFacts {
    id: String,
    victim_id: String,
    urn: Option<String>,
    case_number: Option<String>,
}

/// One import, with the changes within the reader's relationships.
pub fn detail(conn: &mut AnyConn, ctx: &Ctx, id: &str) -> AppResult<ImportDetail> {
    let row: ImportRow = court_list_imports::table
        .find(id)
        .select(columns())
        .first(conn)
        .optional()?
        .ok_or_else(|| AppError::NotFound("court list import".into()))?;
    let (import, summary) = record(ctx, row)?;

    // Every id the summary names, with its change; a warned entry is a
    // hearing id when the case had a hearing, else a case id.
    let mut named: Vec<(&'static str, String)> = Vec::new();
    for (change, ids) in [
        ("moved", &summary.moved),
        ("absent", &summary.absent),
        ("warned", &summary.warned),
        ("new", &summary.new),
        ("unapplied", &summary.unapplied),
        ("confirmed", &summary.confirmed),
    ] {
        named.extend(ids.iter().map(|i| (change, i.clone())));
    }
    let ids: BTreeSet<String> = named.iter().map(|(_, i)| i.clone()).collect();
    let ids: Vec<String> = ids.into_iter().collect();

    let mut found_hearings: HashMap<String, HearingFacts> = HashMap::new();
    for chunk in ids.chunks(store::IN_CHUNK) {
        let rows: Vec<HearingFacts> = hearings::table
            .filter(hearings::id.eq_any(chunk))
            .select((
                hearings::id,
                hearings::case_id,
                hearings::court_id,
                hearings::courtroom,
                hearings::starts_at,
                hearings::status,
            ))
            .load(conn)?;
        found_hearings.extend(rows.into_iter().map(|h| (h.id.clone(), h)));
    }
    let mut case_ids: BTreeSet<String> =
        found_hearings.values().map(|h| h.case_id.clone()).collect();
    case_ids.extend(
        ids.iter()
            .filter(|i| !found_hearings.contains_key(*i))
            .cloned(),
    );
    let case_ids: Vec<String> = case_ids.into_iter().collect();
    let mut found_cases: HashMap<String, CaseFacts> = HashMap::new();
    for chunk in case_ids.chunks(store::IN_CHUNK) {
        let rows: Vec<CaseFacts> = cases::table
            .filter(cases::id.eq_any(chunk))
            .select((cases::id, cases::victim_id, cases::urn, cases::case_number))
            .load(conn)?;
        found_cases.extend(rows.into_iter().map(|c| (c.id.clone(), c)));
    }
    let visible: BTreeSet<String> = ctx.visible_victims(conn)?.into_iter().collect();
    let court_names: HashMap<String, String> = courts::table
        .select((courts::id, courts::name))
        .load::<(String, String)>(conn)?
        .into_iter()
        .collect();

    let since = store::to_db(import.imported_at);
    let mut items = Vec::new();
    let mut not_shown = 0;
    for (change, id) in named {
        let hearing = found_hearings.get(&id);
        let case_id = hearing.map(|h| h.case_id.clone()).unwrap_or(id.clone());
        let Some(case) = found_cases.get(&case_id) else {
            // Erased since the import (retention): nothing to show.
            not_shown += 1;
            continue;
        };
        if !visible.contains(&case.victim_id) {
            not_shown += 1;
            continue;
        }
        let supporter_notices = match hearing {
            Some(h) if change != "confirmed" => notices::table
                .filter(notices::hearing_id.eq(&h.id))
                .filter(notices::recipient_kind.eq("supporter"))
                .filter(notices::created_at.ge(since))
                .order((notices::send_after.asc(), notices::id.asc()))
                .select((
                    notices::id,
                    notices::state,
                    notices::lease_owner,
                    notices::template,
                    notices::send_after,
                ))
                .load::<(
                    String,
                    String,
                    Option<String>,
                    String,
                    chrono::NaiveDateTime,
                )>(conn)?
                .into_iter()
                .map(
                    |(id, state, lease_owner, template, send_after)| NoticeBrief {
                        id,
                        state: crate::notify::delivery::shown_state(&state, lease_owner.as_deref())
                            .to_owned(),
                        template,
                        send_after: store::from_db(send_after),
                    },
                )
                .collect(),
            _ => Vec::new(),
        };
        items.push(ImportItem {
            change: change.to_string(),
            hearing_id: hearing.map(|h| h.id.clone()),
            case_id: case.id.clone(),
            case_reference: case.urn.clone().or_else(|| case.case_number.clone()),
            court_id: hearing.map(|h| h.court_id.clone()),
            court_name: hearing.and_then(|h| court_names.get(&h.court_id).cloned()),
            courtroom: hearing.and_then(|h| h.courtroom.clone()),
            starts_at: hearing.map(|h| store::from_db(h.starts_at)),
            status: hearing.map(|h| h.status.clone()),
            supporter_notices,
        });
    }
    Ok(ImportDetail {
        import,
        items,
        not_shown,
    })
}

//! Court lists: a witness care officer (or an administrator) imports a
//! published list, from the API or the upload page; both come here. The
//! document is checked against its schema, reconciled with the hearings
//! Courtside tracks and applied in one transaction, with the audit trail of
//! each change it made (`court_lists::apply`). Reading the imports made so
//! far is here too.

use diesel::prelude::*;
use sha2::{Digest, Sha256};

use super::{Ctx, Page, Paged};
use crate::court_lists::apply::{self, ImportSummary, Importer};
use crate::court_lists::history::{self, ImportDetail, ImportRecord};
use crate::court_lists::{parse_document, schema, ListError, ListType};
use crate::error::AppResult;
use crate::policy::{Action, ResourceKind};
use crate::store::schema::courts;
use crate::store::AnyConn;

/// What was uploaded: the document, its list type if named, and the court
/// (id or name) for any court the list leaves unnamed.
pub struct ImportCommand {
    pub body: Vec<u8>,
    pub list_type: Option<ListType>,
    pub court: Option<String>,
}

/// Checks, reconciles and applies one uploaded list. The outer error is
/// the import's own refusal (e.g. an older version); the inner one, the
/// document's.
pub fn import(
    conn: &mut AnyConn,
    ctx: &Ctx,
    cmd: ImportCommand,
) -> AppResult<Result<ImportSummary, ListError>> {
    ctx.may((ResourceKind::CourtList, Action::Create, "court list"))?;
    let importer = Importer::for_actor(ctx.actor.clone());
    let digest = hex::encode(Sha256::digest(&cmd.body));
    match parse_document(&cmd.body, cmd.list_type, schema::shared()) {
        Ok(list) => apply::import(
            conn,
            &importer,
            &ctx.rules,
            ctx.now,
            list,
            cmd.court.as_deref(),
            &digest,
        )
        .map(Ok),
        Err(err) => Ok(Err(err)),
    }
}

/// The imports made so far, newest first.
pub fn imports(conn: &mut AnyConn, ctx: &Ctx, page: Page) -> AppResult<Paged<ImportRecord>> {
    ctx.may((ResourceKind::CourtList, Action::Read, "court list"))?;
    history::list(conn, ctx, page)
}

/// One import, with the changes within the reader's relationships.
pub fn import_detail(conn: &mut AnyConn, ctx: &Ctx, id: &str) -> AppResult<ImportDetail> {
    ctx.may((ResourceKind::CourtList, Action::Read, "court list"))?;
    history::detail(conn, ctx, id)
}

/// Every court in the directory (id, name), by name: the choices for the
/// court a list leaves unnamed.
pub fn court_choices(conn: &mut AnyConn, ctx: &Ctx) -> AppResult<Vec<(String, String)>> {
    ctx.may((ResourceKind::CourtList, Action::Read, "court list"))?;
    Ok(courts::table
        .order(courts::name.asc())
        .select((courts::id, courts::name))
        .load(conn)?)
}

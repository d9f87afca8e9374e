//! The language a signed-in person reads the pages in (issue 18): their
//! own choice, kept on their user record, changed by the language switch
//! on every page, and audited.

use diesel::prelude::*;

use super::Ctx;
use crate::audit::AuditAction;
use crate::error::{AppError, AppResult, FieldError};
use crate::store::schema::users;
use crate::store::{self, AnyConn};

/// The languages the pages are written in.
pub const PAGE_LANGUAGES: [&str; 2] = ["en", "cy"];

/// Stores the actor's own choice of page language and audits it (the
/// entry names the language, never anything else). Anyone signed in may
/// set their own; nobody may set another's here.
pub fn set(conn: &mut AnyConn, ctx: &Ctx, language: &str) -> AppResult<()> {
    if !PAGE_LANGUAGES.contains(&language) {
        return Err(AppError::Validation(vec![FieldError::new(
            "language",
            "must be en or cy",
        )]));
    }
    store::write(conn, |conn| {
        let changed = diesel::update(users::table.find(&ctx.actor.user_id))
            .set((
                users::page_language.eq(Some(language)),
                users::updated_at.eq(store::to_db(ctx.now)),
            ))
            .execute(conn)?;
        if changed == 0 {
            return Err(AppError::NotFound("user".into()));
        }
        let mut entry = ctx.entry(AuditAction::Update, "user", &ctx.actor.user_id);
        entry.category = Some("page_language".into());
        entry.language = Some(language.into());
        crate::audit::append(conn, ctx.now, entry)
    })
}

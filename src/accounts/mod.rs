//! Accounts: who may sign in, and how.
//!
//! - [`passwords`]: argon2id hashes and the constant-time-ish check;
//! - [`tokens`]: bearer tokens (sessions and integration tokens), stored
//!   as hashes, with the queries that list and end them;
//! - [`throttle`]: the pure rule that slows down repeated failures, and
//!   the attempts it reads, kept under hashed keys;
//! - [`sign_in`]: password and OpenID sign-in, one refusal rule for both.
//!
//! Nothing here knows about HTTP: `web::auth`, `web::api::sessions`,
//! `web::ui::session` and `web::ui::oidc` are thin adapters over it. This
//! module must not import the web layer (a test below checks).

pub mod notices;
pub mod passwords;
pub mod sign_in;
pub mod throttle;
pub mod tokens;

pub use passwords::hash_password;
pub use sign_in::{
    record_refused_token, sign_in, sign_in_from, sign_in_verified_email, LoginOutput,
};
pub use tokens::{
    actor_for_token, issue_token, me_and_changes_for_token, me_for_token, revoke_token, token_hash,
    who_am_i, Me,
};

/// The email of an account still active, for mail sent to its owner;
/// `None` once the account is deactivated (or unknown).
pub fn active_email(
    conn: &mut crate::store::AnyConn,
    user_id: &str,
) -> crate::error::AppResult<Option<String>> {
    use crate::store::schema::users;
    use diesel::prelude::*;
    Ok(users::table
        .find(user_id)
        .filter(users::active.eq(true))
        .select(users::email)
        .first(conn)
        .optional()?)
}

/// The language a person chose to read Courtside in (their `Cymraeg |
/// English` switch), if they chose one.
pub fn chosen_language(
    conn: &mut crate::store::AnyConn,
    user_id: &str,
) -> crate::error::AppResult<Option<String>> {
    use crate::store::schema::users;
    use diesel::prelude::*;
    let chosen: Option<Option<String>> = users::table
        .find(user_id)
        .select(users::page_language)
        .first(conn)
        .optional()?;
    Ok(chosen
        .flatten()
        .and_then(|l| crate::domain::Language::parse(&l))
        .map(|l| l.as_str().to_owned()))
}

/// The language of the messages written to a person alone (their digest
/// and their account's notices): their choice, else English.
pub fn language_of(
    conn: &mut crate::store::AnyConn,
    user_id: &str,
) -> crate::error::AppResult<String> {
    Ok(chosen_language(conn, user_id)?.unwrap_or_else(|| "en".to_owned()))
}

#[cfg(test)]
mod tests {
    /// Accounts sits below the web layer: no file here may name it.
    #[test]
    fn accounts_does_not_import_web() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src/accounts");
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            let text = std::fs::read_to_string(&path).unwrap();
            let needle = ["crate", "::web"].concat();
            assert!(
                !text.contains(&needle),
                "{} imports the web layer",
                path.display()
            );
        }
    }
}

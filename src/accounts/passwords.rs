//! Passwords: argon2id hashes only, and a check that takes as long whether
//! or not the account exists.

use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use argon2::Argon2;

use crate::error::{AppError, AppResult};

pub fn hash_password(password: &str) -> AppResult<String> {
    let salt = SaltString::generate(&mut argon2::password_hash::rand_core::OsRng);
    Argon2::default()
        .hash_password(password.as_bytes(), &salt)
        .map(|h| h.to_string())
        .map_err(|e| AppError::Internal(format!("password hashing failed: {e}")))
}

/// A hash of a random value, checked when there is no account so
/// that unknown emails take as long as known ones.
static TIMING_HASH: std::sync::LazyLock<String> = std::sync::LazyLock::new(|| {
    hash_password(&format!("{:x}", rand::random::<u128>())).unwrap_or_default()
});

pub fn password_matches(password: &str, stored: &str) -> bool {
    PasswordHash::new(stored)
        .map(|parsed| {
            Argon2::default()
                .verify_password(password.as_bytes(), &parsed)
                .is_ok()
        })
        .unwrap_or(false)
}

/// As slow as a real check, for an account that does not exist (or has no
/// password), so timing does not tell whether it exists.
pub fn waste_a_check(password: &str) {
    let _ = password_matches(password, &TIMING_HASH);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_hash_checks_only_its_own_password() {
        let hash = hash_password("correct horse").unwrap();
        assert!(hash.starts_with("$argon2id$"), "{hash}");
        assert!(password_matches("correct horse", &hash));
        assert!(!password_matches("Correct horse", &hash));
        assert!(!password_matches("correct horse", "not a hash"));
    }
}

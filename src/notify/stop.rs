//! "Stop all messages": every message to a victim ends with a link that
//! stops everything Courtside sends them, in one step (confirmed on a page
//! first, audited). The link's token is the victim's id sealed under the
//! service's key ring (`crypto`), so it cannot be guessed or altered, is
//! good for that one victim only, and needs no table of tokens; a rotated
//! key keeps old links working while the old key is kept for reading.
//!
//! Once stopped, each notice to the victim is cancelled just before it
//! would have gone (`route::unwanted_in`), with its audit entry; notices
//! to supporters and partner agencies are not affected.

use base64::Engine;
use chrono::{DateTime, Utc};
use diesel::prelude::*;

use crate::error::{AppError, AppResult};
use crate::store::schema::message_stops;
use crate::store::{self, AnyConn, InListDsl};

/// What the sealed text says, so a token sealed for another purpose
/// cannot be used here.
const PURPOSE: &str = "stop-all-messages:";

const URL_SAFE: base64::engine::GeneralPurpose = base64::engine::general_purpose::URL_SAFE_NO_PAD;

/// The token for a victim's stop link.
pub fn token_for(victim_id: &str) -> AppResult<String> {
    let ring = crate::crypto::ring().map_err(|e| AppError::Internal(e.to_string()))?;
    let sealed = ring.encrypt(&format!("{PURPOSE}{victim_id}"));
    Ok(URL_SAFE.encode(sealed))
}

/// The victim a stop token is for, or None for anything that is not a
/// stop token sealed by this service.
pub fn victim_of(token: &str) -> Option<String> {
    if token.len() > 400 {
        return None;
    }
    let sealed = String::from_utf8(URL_SAFE.decode(token).ok()?).ok()?;
    let ring = crate::crypto::ring().ok()?;
    let plain = ring.decrypt(&sealed).ok()?;
    plain
        .strip_prefix(PURPOSE)
        .filter(|id| !id.is_empty())
        .map(str::to_owned)
}

/// The lines that end every email to a victim, in the notice's language
/// (`cy+en`: both, Welsh first).
pub fn email_footer(language: &str, url: &str) -> String {
    let english = format!(
        "\n\nTo stop all messages from this service, open this link: {url}\nYou will be asked to confirm. Your supporter and witness care officer can still contact you in other ways.\n"
    );
    let welsh = format!(
        "\n\nI atal pob neges gan y gwasanaeth hwn, agorwch y ddolen hon: {url}\nGofynnir i chi gadarnhau. Gall eich cefnogwr a'ch swyddog gofal tystion gysylltu â chi mewn ffyrdd eraill o hyd.\n"
    );
    match language {
        "cy" => welsh,
        l if l == crate::flows::BILINGUAL => format!("{}{}", welsh.trim_end_matches('\n'), english),
        _ => english,
    }
}

/// When the victim stopped all messages, if they did.
pub fn stopped_at(conn: &mut AnyConn, victim_id: &str) -> AppResult<Option<DateTime<Utc>>> {
    let at: Option<chrono::NaiveDateTime> = message_stops::table
        .find(victim_id)
        .select(message_stops::stopped_at)
        .first(conn)
        .optional()?;
    Ok(at.map(store::from_db))
}

/// Which of `victims` have stopped all messages.
pub fn stopped_among(conn: &mut AnyConn, victims: &[&str]) -> AppResult<Vec<String>> {
    Ok(message_stops::table
        .filter(message_stops::victim_id.in_list(victims))
        .select(message_stops::victim_id)
        .load(conn)?)
}

/// Records the stop (once: a second use of a link changes nothing).
/// Returns whether this call stopped them.
pub fn record(
    conn: &mut AnyConn,
    victim_id: &str,
    via_notice_id: Option<&str>,
    now: DateTime<Utc>,
) -> AppResult<bool> {
    if stopped_at(conn, victim_id)?.is_some() {
        return Ok(false);
    }
    diesel::insert_into(message_stops::table)
        .values((
            message_stops::victim_id.eq(victim_id),
            message_stops::stopped_at.eq(store::to_db(now)),
            message_stops::via_notice_id.eq(via_notice_id),
        ))
        .execute(conn)?;
    Ok(true)
}

/// Messages go to the victim again. Returns whether they had stopped.
pub fn resume(conn: &mut AnyConn, victim_id: &str) -> AppResult<bool> {
    let removed = diesel::delete(message_stops::table.find(victim_id)).execute(conn)?;
    Ok(removed > 0)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ring() {
        crate::crypto::install(
            crate::crypto::KeyRing::parse(&crate::crypto::KeyRing::generate_spec("t1"))
                .expect("ring"),
        );
    }

    #[test]
    fn a_token_names_its_victim_and_nothing_else_reads_as_one() {
        ring();
        let token = token_for("victim-42").expect("token");
        assert!(token
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_'));
        assert_eq!(victim_of(&token).as_deref(), Some("victim-42"));
        // Two links for one victim differ (fresh nonce) and both work.
        let again = token_for("victim-42").expect("token");
        assert_ne!(token, again);
        assert_eq!(victim_of(&again).as_deref(), Some("victim-42"));
        // Altered, truncated, foreign or empty: not a stop token.
        let mut altered = token.clone().into_bytes();
        let last = altered.len() - 3;
        altered[last] = if altered[last] == b'A' { b'B' } else { b'A' };
        assert_eq!(victim_of(&String::from_utf8(altered).unwrap()), None);
        assert_eq!(victim_of(&token[..token.len() - 4]), None);
        assert_eq!(victim_of(""), None);
        assert_eq!(victim_of("not-a-token"), None);
        let other_purpose = URL_SAFE.encode(
            crate::crypto::ring()
                .unwrap()
                .encrypt("acknowledge:victim-42"),
        );
        assert_eq!(victim_of(&other_purpose), None);
    }

    #[test]
    fn the_footer_follows_the_notice_language() {
        let url = "https://courtside.example/stop/abc";
        let en = email_footer("en", url);
        assert!(en.contains("To stop all messages from this service, open this link: https://courtside.example/stop/abc"));
        assert!(!en.contains("atal"));
        let cy = email_footer("cy", url);
        assert!(cy.contains("I atal pob neges"));
        assert!(!cy.contains("To stop"));
        let both = email_footer(crate::flows::BILINGUAL, url);
        let welsh_at = both.find("I atal").expect("Welsh");
        let english_at = both.find("To stop").expect("English");
        assert!(welsh_at < english_at);
    }
}

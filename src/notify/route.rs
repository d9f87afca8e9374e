//! Where a claimed notice goes, and whether it is still wanted at the
//! moment of sending. Addresses are looked up at delivery, never stored in
//! the outbox, so a corrected address is used and a victim's contact
//! details never sit in a queue.

use chrono::{DateTime, Utc};
use diesel::prelude::*;

use super::delivery::Claimed;
use crate::domain::OrganisationKind;
use crate::error::AppResult;
use crate::flows::{Recipient, TemplateKey};
use crate::planning::context::recipient_from_key;
use crate::store::schema::{
    cases, consents, courts, hearings, organisations, users, victim_sensitive_details, victims,
    webhooks,
};
use crate::store::{self, AnyConn};

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Route {
    Email(String),
    /// The recipient organisation registered a signed webhook.
    Webhook(super::webhook::Hook),
    /// Handed over in person (the advisor's hearing-day notice).
    InPerson,
    /// No safe written channel: a person passes it on.
    ByPerson(&'static str),
    /// Nowhere to send it: dead-lettered for a manager to see.
    Nowhere(&'static str),
}

/// Why a notice must not go now, if it must not. Checked just before
/// sending, whatever earlier plans did.
pub fn unwanted(conn: &mut AnyConn, n: &Claimed, now: DateTime<Utc>) -> AppResult<Option<String>> {
    if let Some(limit) = n.not_after {
        if store::from_db(limit) <= now {
            return Ok(Some("its moment had passed before it could be sent".into()));
        }
    }
    let basis: serde_json::Value = serde_json::from_str(&n.basis_json).unwrap_or_default();
    if basis["kind"] == "consent" {
        let scope = basis["scope"].as_str().unwrap_or_default();
        let ts = store::to_db(now);
        let active: i64 = consents::table
            .filter(consents::victim_id.eq(&n.victim_id))
            .filter(consents::scope.eq(scope))
            .filter(consents::given_at.le(ts))
            // A consent not renewed in time has lapsed.
            .filter(consents::given_at.gt(store::to_db(crate::privacy::consent_cutoff(now))))
            .filter(
                consents::withdrawn_at
                    .is_null()
                    .or(consents::withdrawn_at.gt(ts)),
            )
            .count()
            .get_result(conn)?;
        if active == 0 {
            return Ok(Some("the victim's consent no longer stands".into()));
        }
    }
    // A deadline alert only while its deadline is still unmet.
    if n.idempotency_key.contains("/alert/")
        && !crate::deadlines::sweep::alert_still_wanted(conn, &n.idempotency_key, now)?
    {
        return Ok(Some(
            "the deadline it warned of has been met or closed".into(),
        ));
    }
    // Details of a hearing, and reminders of it, are only for its slot.
    let about_the_slot = n.category == "hearing_details"
        || n.template == TemplateKey::ReminderHearingSupporter.as_str();
    if let (Some(hearing), true) = (&n.hearing_id, about_the_slot) {
        let (status, starts_at): (String, chrono::NaiveDateTime) = hearings::table
            .find(hearing)
            .select((hearings::status, hearings::starts_at))
            .first(conn)?;
        let data: serde_json::Value = serde_json::from_str(&n.data_json).unwrap_or_default();
        let planned_for = data["hearing_start"]
            .as_str()
            .and_then(|s| DateTime::parse_from_rfc3339(s).ok())
            .map(|t| t.with_timezone(&Utc));
        let upcoming = matches!(status.as_str(), "listed" | "moved");
        if !upcoming || planned_for.is_some_and(|t| t != store::from_db(starts_at)) {
            return Ok(Some("the hearing has moved or is no longer listed".into()));
        }
    }
    Ok(None)
}

/// When written contact with the victim is next safe, if not now: their
/// recorded safe hours (unreadable old text counts as office hours; none
/// recorded, any time).
pub fn victim_safe_from(
    conn: &mut AnyConn,
    victim_id: &str,
    now: DateTime<Utc>,
) -> AppResult<Option<DateTime<Utc>>> {
    let sealed: Option<Option<String>> = victim_sensitive_details::table
        .find(victim_id)
        .select(victim_sensitive_details::safe_hours)
        .first(conn)
        .optional()?;
    let Some(sealed) = sealed.flatten() else {
        return Ok(None);
    };
    let ring = crate::privacy::keyring()?;
    let text = crate::privacy::open(&ring, &sealed)?;
    if text.trim().is_empty() {
        return Ok(None);
    }
    let hours = crate::calendar::safe_hours::read(&text);
    Ok(hours.next_open(now).filter(|t| *t > now))
}

/// The organisation's live webhook, with its secret opened, if it has one.
pub fn org_webhook(conn: &mut AnyConn, org_id: &str) -> AppResult<Option<super::webhook::Hook>> {
    let found: Option<(String, String, String)> = webhooks::table
        .filter(webhooks::organisation_id.eq(org_id))
        .filter(webhooks::revoked_at.is_null())
        .order((webhooks::created_at.desc(), webhooks::id.desc()))
        .select((webhooks::id, webhooks::url, webhooks::secret))
        .first(conn)
        .optional()?;
    let Some((webhook_id, url, sealed)) = found else {
        return Ok(None);
    };
    let ring = crate::privacy::keyring()?;
    Ok(Some(super::webhook::Hook {
        webhook_id,
        url,
        secret: crate::privacy::open(&ring, &sealed)?.into(),
    }))
}

/// An organisation's webhook if it has one, else its email.
fn org_route(conn: &mut AnyConn, id: Option<String>) -> AppResult<Route> {
    let Some(id) = id else {
        return Ok(Route::Nowhere(
            "no email address is on record for this recipient",
        ));
    };
    if let Some(hook) = org_webhook(conn, &id)? {
        return Ok(Route::Webhook(hook));
    }
    let email: Option<String> = organisations::table
        .find(&id)
        .select(organisations::contact_email)
        .first::<Option<String>>(conn)
        .optional()?
        .flatten();
    Ok(match email {
        Some(address) => Route::Email(address),
        None => Route::Nowhere("no email address is on record for this recipient"),
    })
}

/// The organisation of `kind` that serves the named court.
fn court_org(
    conn: &mut AnyConn,
    court_name: &str,
    kind: OrganisationKind,
) -> AppResult<Option<String>> {
    Ok(organisations::table
        .inner_join(courts::table.on(organisations::court_id.eq(courts::id.nullable())))
        .filter(courts::name.eq(court_name))
        .filter(organisations::kind.eq(kind.as_str()))
        .select(organisations::id)
        .first(conn)
        .optional()?)
}

/// The organisation a notice goes to, for recipients that are agencies.
pub fn recipient_org(conn: &mut AnyConn, n: &Claimed) -> AppResult<Option<String>> {
    recipient_org_of(conn, &n.recipient_key, n.case_id.as_deref(), &n.victim_id)
}

/// The organisation behind a recipient key (None for a person).
pub fn recipient_org_of(
    conn: &mut AnyConn,
    recipient_key: &str,
    case_id: Option<&str>,
    victim_id: &str,
) -> AppResult<Option<String>> {
    let Some(recipient) = recipient_from_key(recipient_key) else {
        return Ok(None);
    };
    Ok(match recipient {
        Recipient::Supporter { .. } | Recipient::Victim { .. } => None,
        Recipient::WitnessCareUnit { org_id } => Some(org_id),
        Recipient::Prosecutor => match case_id {
            Some(case) => cases::table
                .find(case)
                .select(cases::cps_area_id)
                .first(conn)?,
            None => None,
        },
        Recipient::WitnessService { court } => {
            court_org(conn, &court, OrganisationKind::WitnessService)?
        }
        Recipient::Court { court } => court_org(conn, &court, OrganisationKind::Court)?,
        Recipient::VictimLiaisonOfficer => victims::table
            .find(victim_id)
            .select(victims::probation_region_id)
            .first(conn)?,
    })
}

/// Works out where a notice goes.
pub fn resolve(conn: &mut AnyConn, n: &Claimed) -> AppResult<Route> {
    if n.channel == "in_person" {
        return Ok(Route::InPerson);
    }
    let Some(recipient) = recipient_from_key(&n.recipient_key) else {
        return Ok(Route::Nowhere("the recipient is not one Courtside knows"));
    };
    let email = match recipient {
        Recipient::Supporter { user_id } => users::table
            .find(user_id)
            .filter(users::active.eq(true))
            .select(users::email)
            .first(conn)
            .optional()?,
        Recipient::Victim { victim_id } => {
            let found: Option<(Option<String>, String)> = victim_sensitive_details::table
                .find(victim_id)
                .select((
                    victim_sensitive_details::email,
                    victim_sensitive_details::safe_channels,
                ))
                .first(conn)
                .optional()?;
            return Ok(match found {
                Some((Some(sealed), channels)) if channels.split(',').any(|c| c == "email") => {
                    let ring = crate::privacy::keyring()?;
                    Route::Email(crate::privacy::open(&ring, &sealed)?)
                }
                _ => Route::ByPerson(
                    "no safe written channel: to be passed on by phone or in person",
                ),
            });
        }
        _ => {
            let org = recipient_org(conn, n)?;
            return org_route(conn, org);
        }
    };
    Ok(match email {
        Some(address) => Route::Email(address),
        None => Route::Nowhere("no email address is on record for this recipient"),
    })
}

//! Where a claimed notice goes, and whether it is still wanted at the
//! moment of sending. Addresses are looked up at delivery, never stored in
//! the outbox, so a corrected address is used and a victim's contact
//! details never sit in a queue.

use std::collections::{BTreeSet, HashMap, HashSet};

use chrono::{DateTime, Utc};
use diesel::prelude::*;

use super::delivery::Claimed;
use crate::domain::{LawfulBasis, OrganisationKind};
use crate::error::{AppError, AppResult};
use crate::flows::{Basis, Recipient, TemplateKey};
use crate::planning::context::recipient_from_key;
use crate::store::schema::{
    cases, consents, courts, hearings, organisations, responsible_adults, supporter_assignments,
    trial_update_preferences, users, victim_sensitive_details, victims, webhooks,
};
use crate::store::{self, AnyConn, InListDsl};

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

/// A notice's stored basis, read as the planner wrote it. A basis that
/// does not read is an error for that notice (it must not be sent on a
/// guess), never a default.
pub fn basis_of(n: &Claimed) -> AppResult<Basis> {
    read_basis(&n.id, &n.victim_id, &n.basis_json)
}

/// A stored basis (of a notice, by id), read as the planner wrote it; the
/// one reader that delivery, the audit entries and escalation share. A
/// basis that does not read is logged by id and returned as an error.
pub fn read_basis(notice_id: &str, victim_id: &str, basis_json: &str) -> AppResult<Basis> {
    let read = serde_json::from_str::<Basis>(basis_json)
        .ok()
        .filter(|basis| match basis {
            // The planner never writes consent as a lawful basis (consent
            // is `Basis::Consent`, with its scope checked before sending).
            Basis::Lawful { basis, .. } => *basis != LawfulBasis::Consent,
            Basis::DataSubject | Basis::Consent { .. } | Basis::SpocAgreement { .. } => true,
        });
    read.ok_or_else(|| {
        tracing::error!(
            notice_id,
            victim_id,
            "the notice's stored basis does not read: not sent"
        );
        AppError::Internal(format!(
            "notice {notice_id}: its stored basis does not read"
        ))
    })
}

/// The audit code of a basis that has been read (`consent:court_dates`,
/// `lawful:vital_interests`, `data_subject`).
pub fn basis_code(basis: &Basis) -> String {
    match serde_json::to_value(basis) {
        Ok(value) => crate::audit::basis_code(&value),
        Err(_) => "unknown".to_string(),
    }
}

/// What the checks before sending need, read for a whole batch in a few
/// queries (one each for consents, single-point-of-contact arrangements,
/// hearings and supporters' addresses) instead of per notice.
#[derive(Debug, Default)]
pub struct Facts {
    /// (victim, scope) of every consent standing now.
    consents: HashSet<(String, String)>,
    /// (victim, supporter) of every SPOC arrangement current today.
    spoc: HashSet<(String, String)>,
    /// Each hearing: whether it is still to happen, and its start.
    hearings: HashMap<String, (bool, chrono::NaiveDateTime)>,
    /// Active users' addresses.
    users: HashMap<String, String>,
    /// Victims who asked for no more messages (`stop`).
    stopped: HashSet<String>,
}

impl Facts {
    pub fn load(conn: &mut AnyConn, batch: &[&Claimed], now: DateTime<Utc>) -> AppResult<Facts> {
        let mut facts = Facts::default();
        let victims: Vec<&str> = batch
            .iter()
            .map(|n| n.victim_id.as_str())
            .collect::<BTreeSet<_>>()
            .into_iter()
            .collect();
        let hearing_ids: Vec<&str> = batch
            .iter()
            .filter_map(|n| n.hearing_id.as_deref())
            .collect::<BTreeSet<_>>()
            .into_iter()
            .collect();
        let user_ids: Vec<String> = batch
            .iter()
            .filter_map(|n| match recipient_from_key(&n.recipient_key) {
                Some(Recipient::Supporter { user_id }) => Some(user_id),
                _ => None,
            })
            .collect::<BTreeSet<_>>()
            .into_iter()
            .collect();
        let ts = store::to_db(now);
        for chunk in victims.chunks(crate::store::IN_CHUNK) {
            let consented: Vec<(String, String)> = consents::table
                .filter(consents::victim_id.in_list(chunk))
                .filter(consents::given_at.le(ts))
                // A consent not renewed in time has lapsed.
                .filter(consents::given_at.gt(store::to_db(crate::privacy::consent_cutoff(now))))
                .filter(
                    consents::withdrawn_at
                        .is_null()
                        .or(consents::withdrawn_at.gt(ts)),
                )
                .select((consents::victim_id, consents::scope))
                .load(conn)?;
            facts.consents.extend(consented);
            let today = crate::calendar::london_date(now);
            let spoc: Vec<(String, String)> = supporter_assignments::table
                .filter(supporter_assignments::victim_id.in_list(chunk))
                .filter(supporter_assignments::is_spoc.eq(true))
                .filter(crate::store::scope::in_force(today))
                .select((
                    supporter_assignments::victim_id,
                    supporter_assignments::supporter_id,
                ))
                .load(conn)?;
            facts.spoc.extend(spoc);
            facts
                .stopped
                .extend(super::stop::stopped_among(conn, chunk)?);
        }
        for chunk in hearing_ids.chunks(crate::store::IN_CHUNK) {
            let rows: Vec<(String, bool, chrono::NaiveDateTime)> = hearings::table
                .filter(hearings::id.in_list(chunk))
                .select((
                    hearings::id,
                    store::upcoming::still_to_happen(),
                    hearings::starts_at,
                ))
                .load(conn)?;
            facts
                .hearings
                .extend(rows.into_iter().map(|(id, st, at)| (id, (st, at))));
        }
        for chunk in user_ids.chunks(crate::store::IN_CHUNK) {
            let rows: Vec<(String, String)> = users::table
                .filter(users::id.in_list(chunk))
                .filter(users::active.eq(true))
                .select((users::id, users::email))
                .load(conn)?;
            facts.users.extend(rows);
        }
        Ok(facts)
    }
}

/// Why a notice must not go now, if it must not. Checked just before
/// sending, whatever earlier plans did.
pub fn unwanted(conn: &mut AnyConn, n: &Claimed, now: DateTime<Utc>) -> AppResult<Option<String>> {
    let facts = Facts::load(conn, &[n], now)?;
    let data = serde_json::from_str(&n.data_json).ok();
    unwanted_in(conn, &facts, n, &basis_of(n)?, data.as_ref(), now)
}

/// [`unwanted`], with the batch's facts already read and the notice's
/// basis and data already parsed (`data`: none if it does not read).
pub fn unwanted_in(
    conn: &mut AnyConn,
    facts: &Facts,
    n: &Claimed,
    basis: &Basis,
    data: Option<&serde_json::Map<String, serde_json::Value>>,
    now: DateTime<Utc>,
) -> AppResult<Option<String>> {
    if let Some(limit) = n.not_after {
        if store::from_db(limit) <= now {
            return Ok(Some("its moment had passed before it could be sent".into()));
        }
    }
    // Her stop covers what goes to the contact she chose and to her
    // responsible adults about her, too.
    if matches!(
        n.recipient_kind.as_str(),
        "victim" | "victim_contact" | "responsible_adult"
    ) && facts.stopped.contains(&n.victim_id)
    {
        return Ok(Some("the victim asked for no more messages".into()));
    }
    // Someone excluded is never told anything, whatever was planned: not
    // as her responsible adult, nor as the contact she chose for
    // trial-progress messages.
    match recipient_from_key(&n.recipient_key) {
        Some(Recipient::ResponsibleAdult { adult_id }) => {
            if let Some(why) = responsible_adult_unwanted(conn, &adult_id)? {
                return Ok(Some(why));
            }
        }
        Some(Recipient::VictimContact { victim_id }) => {
            if let Some(email) = chosen_contact_email(conn, &victim_id)? {
                if excluded_emails(conn, &victim_id)?.contains(&email.trim().to_lowercase()) {
                    return Ok(Some(
                        "the contact's address belongs to someone excluded from being told".into(),
                    ));
                }
            }
        }
        _ => {}
    }
    match basis {
        Basis::Consent { scope } => {
            if !facts
                .consents
                .contains(&(n.victim_id.clone(), scope.as_str().to_string()))
            {
                return Ok(Some("the victim's consent no longer stands".into()));
            }
        }
        // Sent through the supporter as single point of contact: only
        // while that arrangement stands, with that supporter.
        Basis::SpocAgreement { .. } => {
            let stands = match recipient_from_key(&n.recipient_key) {
                Some(Recipient::Supporter { user_id }) => {
                    facts.spoc.contains(&(n.victim_id.clone(), user_id))
                }
                _ => false,
            };
            if !stands {
                return Ok(Some(
                    "the single point of contact arrangement it relied on has ended".into(),
                ));
            }
        }
        Basis::DataSubject | Basis::Lawful { .. } => {}
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
        let Some((still_to_happen, starts_at)) = facts.hearings.get(hearing) else {
            return Err(AppError::Internal(format!(
                "notice {}: its hearing is not on record",
                n.id
            )));
        };
        let planned_for = data
            .and_then(|d| d.get("hearing_start"))
            .and_then(|v| v.as_str())
            .and_then(|s| DateTime::parse_from_rfc3339(s).ok())
            .map(|t| t.with_timezone(&Utc));
        if !still_to_happen || planned_for.is_some_and(|t| t != store::from_db(*starts_at)) {
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
        Recipient::Supporter { .. }
        | Recipient::Victim { .. }
        | Recipient::VictimContact { .. }
        | Recipient::ResponsibleAdult { .. } => None,
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

/// The email of the contact a victim chose for trial-progress messages,
/// opened, if she named one.
fn chosen_contact_email(conn: &mut AnyConn, victim_id: &str) -> AppResult<Option<String>> {
    let sealed: Option<Option<String>> = trial_update_preferences::table
        .find(victim_id)
        .select(trial_update_preferences::contact_email)
        .first(conn)
        .optional()?;
    opened(sealed.flatten())
}

/// A sealed value read from the store, opened, if there is one.
fn opened(sealed: Option<String>) -> AppResult<Option<String>> {
    let Some(sealed) = sealed else {
        return Ok(None);
    };
    let ring = crate::privacy::keyring()?;
    Ok(Some(crate::privacy::open(&ring, &sealed)?))
}

/// A responsible adult's email, opened, while they may be told: never
/// once excluded or ended.
fn responsible_adult_email(conn: &mut AnyConn, adult_id: &str) -> AppResult<Option<String>> {
    let sealed: Option<Option<String>> = responsible_adults::table
        .find(adult_id)
        .filter(responsible_adults::excluded_by.is_null())
        .filter(responsible_adults::ended_at.is_null())
        .select(responsible_adults::email)
        .first(conn)
        .optional()?;
    opened(sealed.flatten())
}

/// The email addresses (opened, trimmed, lower-cased) of everyone the
/// victim or the court excluded from being told about her.
pub fn excluded_emails(conn: &mut AnyConn, victim_id: &str) -> AppResult<Vec<String>> {
    let sealed: Vec<Option<String>> = responsible_adults::table
        .filter(responsible_adults::victim_id.eq(victim_id))
        .filter(responsible_adults::excluded_by.is_not_null())
        .select(responsible_adults::email)
        .load(conn)?;
    let sealed: Vec<String> = sealed.into_iter().flatten().collect();
    if sealed.is_empty() {
        return Ok(Vec::new());
    }
    let ring = crate::privacy::keyring()?;
    sealed
        .iter()
        .map(|s| Ok(crate::privacy::open(&ring, s)?.trim().to_lowercase()))
        .collect()
}

/// Why a responsible adult may no longer be told, if they may not: the
/// victim or the court excluded them, or their role ended.
fn responsible_adult_unwanted(conn: &mut AnyConn, adult_id: &str) -> AppResult<Option<String>> {
    let row: Option<(Option<String>, Option<chrono::NaiveDateTime>)> = responsible_adults::table
        .find(adult_id)
        .select((
            responsible_adults::excluded_by,
            responsible_adults::ended_at,
        ))
        .first(conn)
        .optional()?;
    Ok(match row {
        None => Some("the responsible adult is no longer on record".into()),
        Some((Some(_), _)) => Some("the responsible adult was excluded from being told".into()),
        Some((None, Some(_))) => Some("the responsible adult's role has ended".into()),
        Some((None, None)) => None,
    })
}

/// Works out where a notice goes.
pub fn resolve(conn: &mut AnyConn, n: &Claimed) -> AppResult<Route> {
    resolve_with(conn, None, n)
}

/// [`resolve`], with a supporter's address taken from the batch's facts.
pub fn resolve_in(conn: &mut AnyConn, facts: &Facts, n: &Claimed) -> AppResult<Route> {
    resolve_with(conn, Some(facts), n)
}

fn resolve_with(conn: &mut AnyConn, facts: Option<&Facts>, n: &Claimed) -> AppResult<Route> {
    if n.channel == "in_person" {
        return Ok(Route::InPerson);
    }
    let Some(recipient) = recipient_from_key(&n.recipient_key) else {
        return Ok(Route::Nowhere("the recipient is not one Courtside knows"));
    };
    let email = match recipient {
        Recipient::Supporter { user_id } => match facts {
            Some(facts) => facts.users.get(&user_id).cloned(),
            None => users::table
                .find(user_id)
                .filter(users::active.eq(true))
                .select(users::email)
                .first(conn)
                .optional()?,
        },
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
        // The contact she chose: the address is read (and opened) only
        // now, from her trial-progress preference.
        Recipient::VictimContact { victim_id } => chosen_contact_email(conn, &victim_id)?,
        // Her responsible adult: the address is read (and opened) only
        // now, and only while nobody has excluded them and their role
        // stands.
        Recipient::ResponsibleAdult { adult_id } => responsible_adult_email(conn, &adult_id)?,
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

#[cfg(test)]
mod tests {
    use super::*;

    fn claimed(basis_json: &str) -> Claimed {
        Claimed {
            id: "n1".into(),
            idempotency_key: "k".into(),
            victim_id: "v1".into(),
            case_id: None,
            hearing_id: None,
            step: "s".into(),
            citation: "c".into(),
            not_for_public_disclosure: false,
            recipient_kind: "supporter".into(),
            recipient_key: "supporter:u1".into(),
            channel: "email".into(),
            template: "t".into(),
            language: "en".into(),
            data_json: "{}".into(),
            category: "case_update".into(),
            basis_json: basis_json.into(),
            not_after: None,
            attempts: 1,
        }
    }

    #[test]
    fn a_basis_that_does_not_read_stops_the_send() {
        for corrupt in [
            "",
            "{",
            "null",
            "{}",
            r#"{"kind":"consent"}"#,
            r#"{"kind":"consnet","scope":"court_dates_to_supporter"}"#,
            r#"{"kind":"lawful","basis":"consent","reason":"asked"}"#,
        ] {
            assert!(basis_of(&claimed(corrupt)).is_err(), "{corrupt:?}");
        }
    }

    #[test]
    fn stored_bases_read_back() {
        assert_eq!(
            basis_of(&claimed(r#"{"kind":"data_subject"}"#)).unwrap(),
            Basis::DataSubject
        );
        assert!(matches!(
            basis_of(&claimed(
                r#"{"kind":"spoc_agreement","agreed_on":"2026-01-05"}"#
            ))
            .unwrap(),
            Basis::SpocAgreement { .. }
        ));
        assert!(matches!(
            basis_of(&claimed(
                r#"{"kind":"consent","scope":"court_dates_to_supporter"}"#
            ))
            .unwrap(),
            Basis::Consent { .. }
        ));
    }
}

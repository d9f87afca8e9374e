//! Needs at court (issue 19, item 1): a victim's interpreter and its
//! language, BSL interpreter, registered intermediary, disability access or
//! separate waiting room, recorded once and withdrawn when no longer
//! needed. The API and the victim's page both call these functions.
//!
//! Who may do this is the policy for victim records (read to list, update
//! to record or withdraw), within the actor's reach. A need is passed on
//! only under a current consent record of the victim for the Witness
//! Service referral, which carries its own lawful basis; a need recorded
//! without one is kept but not passed on. The audit entry names the kind
//! only, never the language.

use chrono::{DateTime, NaiveDateTime, Utc};
use diesel::prelude::*;
use serde::{Deserialize, Serialize};

use super::Ctx;
use crate::audit::{self, AuditAction, Entry};
use crate::domain::{CaseKind, ConsentScope, HearingStatus, LawfulBasis};
use crate::error::{AppError, AppResult, FieldError};
use crate::flows::court_needs::{CourtNeed, NeedProblem};
use crate::flows::EventKind;
use crate::planning;
use crate::policy::{Action, ResourceKind};
use crate::store::schema::{cases, consents, court_needs, hearings};
use crate::store::{self, AnyConn};

/// A need to record.
#[derive(Debug, Clone, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CourtNeedInput {
    /// One of `interpreter`, `bsl_interpreter`, `registered_intermediary`,
    /// `disability_access`, `separate_waiting_room`.
    pub kind: String,
    /// For an interpreter only: the language's name (letters, spaces,
    /// hyphens and apostrophes; 2 to 40 characters).
    #[serde(default)]
    pub language: Option<String>,
    /// The victim's current consent record for the Witness Service
    /// referral (which carries the lawful basis). Without it the need is
    /// kept but not passed on.
    #[serde(default)]
    pub consent_id: Option<String>,
}

/// A need as recorded.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, utoipa::ToSchema)]
pub struct CourtNeedOut {
    pub id: String,
    pub victim_id: String,
    pub kind: String,
    /// The interpreter's language; null for every other kind.
    pub language: Option<String>,
    /// The need in words, as partners read it.
    pub in_words: String,
    pub consent_id: Option<String>,
    /// The lawful basis of the consent record, when one was given.
    pub basis: Option<LawfulBasis>,
    pub recorded_at: DateTime<Utc>,
    pub version: i32,
}

type Row = (
    String,
    String,
    String,
    Option<String>,
    Option<String>,
    Option<String>,
    NaiveDateTime,
    i32,
);

fn out_of(row: Row) -> AppResult<CourtNeedOut> {
    let (id, victim_id, kind, language, basis, consent_id, recorded_at, version) = row;
    let need = CourtNeed::parse(&kind, language.as_deref())
        .map_err(|_| AppError::Internal(format!("stored court need {id} does not parse")))?;
    Ok(CourtNeedOut {
        id,
        victim_id,
        kind,
        language,
        in_words: need.in_words(),
        consent_id,
        basis: basis.as_deref().map(LawfulBasis::from_db).transpose()?,
        recorded_at: store::from_db(recorded_at),
        version,
    })
}

fn within_reach(conn: &mut AnyConn, ctx: &Ctx, victim_id: &str) -> AppResult<()> {
    store::scope::require_victim(conn, &ctx.actor, ctx.today(), victim_id, "victim")
}

fn problem(p: NeedProblem) -> AppError {
    let field = match p {
        NeedProblem::UnknownKind => "kind",
        NeedProblem::LanguageMissing
        | NeedProblem::LanguageNotName
        | NeedProblem::LanguageNotExpected => "language",
        NeedProblem::NoBasis => "consent_id",
    };
    AppError::Validation(vec![FieldError::new(field, p.to_string())])
}

/// The victim's needs still in force, oldest first (then by kind).
pub fn list(conn: &mut AnyConn, ctx: &Ctx, victim_id: &str) -> AppResult<Vec<CourtNeedOut>> {
    ctx.may((ResourceKind::Victim, Action::Read, "victim"))?;
    within_reach(conn, ctx, victim_id)?;
    active(conn, victim_id)
}

fn active(conn: &mut AnyConn, victim_id: &str) -> AppResult<Vec<CourtNeedOut>> {
    let rows: Vec<Row> = court_needs::table
        .filter(court_needs::victim_id.eq(victim_id))
        .filter(court_needs::withdrawn_at.is_null())
        .order((
            court_needs::recorded_at.asc(),
            court_needs::kind.asc(),
            court_needs::id.asc(),
        ))
        .select((
            court_needs::id,
            court_needs::victim_id,
            court_needs::kind,
            court_needs::language,
            court_needs::basis,
            court_needs::consent_id,
            court_needs::recorded_at,
            court_needs::version,
        ))
        .load(conn)?;
    rows.into_iter().map(out_of).collect()
}

/// The lawful basis of the victim's current Witness Service referral
/// consent `consent_id`; anything else is a field error on `consent_id`.
fn basis_of(
    conn: &mut AnyConn,
    victim_id: &str,
    consent_id: &str,
    now: DateTime<Utc>,
) -> AppResult<LawfulBasis> {
    let found: Option<(String, NaiveDateTime, Option<NaiveDateTime>)> = consents::table
        .filter(consents::id.eq(consent_id))
        .filter(consents::victim_id.eq(victim_id))
        .filter(consents::scope.eq(ConsentScope::WitnessServiceReferral.as_str()))
        .select((consents::basis, consents::given_at, consents::withdrawn_at))
        .first(conn)
        .optional()?;
    // A consent lapses after the configured period, as if withdrawn.
    let found = found.map(|(basis, given_at, withdrawn_at)| {
        let basis = LawfulBasis::from_db(&basis);
        let ended = match basis {
            Ok(LawfulBasis::Consent) => crate::privacy::consent_withdrawn_at(
                store::from_db(given_at),
                withdrawn_at.map(store::from_db),
                now,
            ),
            _ => withdrawn_at.map(store::from_db),
        };
        (basis, ended)
    });
    match found {
        Some((basis, None)) => basis,
        Some((_, Some(_))) => Err(AppError::field(
            "consent_id",
            "this consent was withdrawn or has lapsed: record a new one, or leave consent_id out to keep the need without passing it on",
        )),
        None => Err(AppError::field(
            "consent_id",
            "is not this victim's consent for the Witness Service referral",
        )),
    }
}

/// The victim's criminal hearings still to happen, soonest first.
fn upcoming_hearings(
    conn: &mut AnyConn,
    victim_id: &str,
    now: DateTime<Utc>,
) -> AppResult<Vec<String>> {
    Ok(hearings::table
        .inner_join(cases::table)
        .filter(cases::victim_id.eq(victim_id))
        .filter(cases::kind.eq(CaseKind::Criminal.as_str()))
        .filter(hearings::status.eq_any(HearingStatus::STILL_TO_HAPPEN))
        .filter(hearings::starts_at.gt(store::to_db(now)))
        .order((hearings::starts_at.asc(), hearings::id.asc()))
        .select(hearings::id)
        .load(conn)?)
}

/// The victim's next criminal hearing still to happen, if any.
fn next_hearing(
    conn: &mut AnyConn,
    victim_id: &str,
    now: DateTime<Utc>,
) -> AppResult<Option<String>> {
    Ok(upcoming_hearings(conn, victim_id, now)?.into_iter().next())
}

/// Records a need for the victim. The same need (same kind and, for an
/// interpreter, same language) already in force is a conflict: a need is
/// recorded once.
pub fn record(
    conn: &mut AnyConn,
    ctx: &Ctx,
    victim_id: &str,
    input: &CourtNeedInput,
) -> AppResult<CourtNeedOut> {
    ctx.may((ResourceKind::Victim, Action::Update, "victim"))?;
    let need = CourtNeed::parse(input.kind.trim(), input.language.as_deref()).map_err(problem)?;
    store::write(conn, |conn| {
        within_reach(conn, ctx, victim_id)?;
        let basis = match input.consent_id.as_deref() {
            Some(id) => Some(basis_of(conn, victim_id, id, ctx.now)?),
            None => None,
        };
        let language = match &need {
            CourtNeed::Interpreter { language } => Some(language.clone()),
            _ => None,
        };
        let already = active(conn, victim_id)?
            .into_iter()
            .any(|n| n.kind == need.kind() && n.language == language);
        if already {
            return Err(AppError::Conflict(
                "this need is already recorded for the victim: withdraw it first to change it"
                    .into(),
            ));
        }
        let id = store::new_id();
        let at = store::to_db(ctx.now);
        diesel::insert_into(court_needs::table)
            .values((
                court_needs::id.eq(&id),
                court_needs::victim_id.eq(victim_id),
                court_needs::kind.eq(need.kind()),
                court_needs::language.eq(language.as_deref()),
                court_needs::basis.eq(basis.map(LawfulBasis::as_str)),
                court_needs::consent_id.eq(input.consent_id.as_deref()),
                court_needs::recorded_by.eq(&ctx.actor.user_id),
                court_needs::recorded_at.eq(at),
                court_needs::version.eq(1),
                court_needs::created_at.eq(at),
                court_needs::updated_at.eq(at),
            ))
            .execute(conn)?;
        let entry = Entry {
            victim_id: Some(victim_id.to_owned()),
            category: Some(need.kind().to_owned()),
            basis: basis.map(|b| b.as_str().to_owned()),
            ..ctx.entry(AuditAction::Create, "court_needs", &id)
        };
        audit::append(conn, ctx.now, entry)?;
        // A need recorded close to the victim's next hearing warns the
        // witness care officer (the flows decide; the warning names the
        // kind only).
        // The plan is about that hearing, so the warning sits on its case
        // for the witness care officer.
        if let Some(next) = next_hearing(conn, victim_id, ctx.now)? {
            let focus = planning::Focus {
                hearing_id: Some(next),
                upcoming_hearings: true,
                ..planning::Focus::default()
            };
            let kind = EventKind::CourtNeedRecorded {
                need_id: id.clone(),
                need: need.kind().to_owned(),
            };
            planning::react(conn, &ctx.rules, ctx.now, victim_id, &focus, kind)?;
        }
        tracing::info!(victim_id = %victim_id, need_id = %id, kind = need.kind(), "court need recorded");
        active(conn, victim_id)?
            .into_iter()
            .find(|n| n.id == id)
            .ok_or_else(|| AppError::Internal("court need vanished after insert".into()))
    })
}

/// Withdraws one of the victim's needs: it is no longer passed on.
pub fn withdraw(conn: &mut AnyConn, ctx: &Ctx, victim_id: &str, need_id: &str) -> AppResult<()> {
    ctx.may((ResourceKind::Victim, Action::Update, "victim"))?;
    store::write(conn, |conn| {
        within_reach(conn, ctx, victim_id)?;
        let Some(need) = active(conn, victim_id)?
            .into_iter()
            .find(|n| n.id == need_id)
        else {
            return Err(AppError::NotFound("court need".into()));
        };
        let at = store::to_db(ctx.now);
        diesel::update(
            court_needs::table
                .filter(court_needs::id.eq(need_id))
                .filter(court_needs::withdrawn_at.is_null()),
        )
        .set((
            court_needs::withdrawn_at.eq(Some(at)),
            court_needs::version.eq(need.version + 1),
            court_needs::updated_at.eq(at),
        ))
        .execute(conn)?;
        let entry = Entry {
            victim_id: Some(victim_id.to_owned()),
            category: Some(need.kind.clone()),
            ..ctx.entry(AuditAction::Update, "court_needs", need_id)
        };
        audit::append(conn, ctx.now, entry)?;
        // The partners sent the need with the attendance request for any
        // of her hearings still to come are told the needs as they now
        // stand (the flows find who was sent it).
        let triggers: Vec<planning::Trigger> = upcoming_hearings(conn, victim_id, ctx.now)?
            .into_iter()
            .map(|hearing| planning::Trigger {
                victim_id: victim_id.to_owned(),
                focus: planning::Focus {
                    hearing_id: Some(hearing),
                    ..planning::Focus::default()
                },
                kind: EventKind::CourtNeedWithdrawn {
                    need_id: need_id.to_owned(),
                    was_shared: need.basis.is_some(),
                },
            })
            .collect();
        planning::react_all(conn, &ctx.rules, ctx.now, &triggers)?;
        tracing::info!(victim_id = %victim_id, need_id = %need_id, kind = %need.kind, "court need withdrawn");
        Ok(())
    })
}

/// A consent record a need may be passed on under: the victim's Witness
/// Service referral consents still in force, for the page's choice.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConsentChoice {
    pub id: String,
    pub basis: LawfulBasis,
    pub given_at: DateTime<Utc>,
}

/// The victim's consent records a need may be recorded under, oldest first.
pub fn consent_choices(
    conn: &mut AnyConn,
    ctx: &Ctx,
    victim_id: &str,
) -> AppResult<Vec<ConsentChoice>> {
    ctx.may((ResourceKind::Victim, Action::Update, "victim"))?;
    within_reach(conn, ctx, victim_id)?;
    let rows: Vec<(String, String, NaiveDateTime, Option<NaiveDateTime>)> = consents::table
        .filter(consents::victim_id.eq(victim_id))
        .filter(consents::scope.eq(ConsentScope::WitnessServiceReferral.as_str()))
        .order((consents::given_at.asc(), consents::id.asc()))
        .select((
            consents::id,
            consents::basis,
            consents::given_at,
            consents::withdrawn_at,
        ))
        .load(conn)?;
    let mut out = Vec::new();
    for (id, basis, given_at, withdrawn_at) in rows {
        let basis = LawfulBasis::from_db(&basis)?;
        let given_at = store::from_db(given_at);
        let ended = match basis {
            LawfulBasis::Consent => crate::privacy::consent_withdrawn_at(
                given_at,
                withdrawn_at.map(store::from_db),
                ctx.now,
            ),
            _ => withdrawn_at.map(store::from_db),
        };
        if ended.is_none() {
            out.push(ConsentChoice {
                id,
                basis,
                given_at,
            });
        }
    }
    Ok(out)
}

//! Trial-progress updates on the day (issue 19, item 3): the supporter or
//! the Witness Service at the court records short updates on a hearing
//! (started, giving evidence, adjourned to the next day, jury out,
//! verdict...) and who they told in person; the victim's chosen contacts
//! are told where she asked to be. The API
//! (`/api/v1/hearings/{id}/trial-updates`,
//! `/api/v1/victims/{id}/trial-update-preferences`), the hearing's
//! on-the-day page and the week's agenda all call these functions.
//!
//! Who may do what (`policy::ResourceKind::TrialUpdate` and
//! `TrialUpdatePreference`):
//! - the supporter with the victim in reach records and reads updates, and
//!   records with her whether she wants messages and to whom;
//! - the Witness Service's staff record and read updates on hearings at
//!   their court, while the victim's referral consent (or her single point
//!   of contact agreement) is in force, as for her safety plan;
//! - everyone else: 403 for the role, 404 outside reach.
//!
//! Who is sent a message: the victim herself, by her own safe channel, when
//! she asked (she is the data subject); the contact she named, by email,
//! only while her `trial_progress_to_contact` consent is in force. The
//! flows plan the notices (`flows::trial_progress`); delivery checks the
//! consent again at send time, and waits for her safe hours. A message
//! gives the kind of update and the time only. The note is sealed, never
//! logged, never in the audit log or a notice.

use std::collections::HashMap;

use chrono::{DateTime, NaiveDate, NaiveDateTime, Utc};
use diesel::prelude::*;
use serde::{Deserialize, Serialize};

use super::safety_plans::{self as plans, HearingFacts};
use super::{authorise, Ctx};
use crate::audit::{self, AuditAction, Entry};
use crate::domain::{ConsentScope, HearingStatus, Role, TrialUpdateAudience, TrialUpdateKind};
use crate::error::{AppError, AppResult};
use crate::flows::EventKind;
use crate::planning;
use crate::policy::{Action, ResourceKind};
use crate::store::schema::{
    cases, courts, hearings, trial_update_preferences, trial_updates, victims,
};
use crate::store::{self, AnyConn};
use crate::validate::Validator;

/// The longest note an update may carry.
pub const MAX_NOTE: usize = 280;
/// The longest a contact's name may be.
pub const MAX_NAME: usize = 200;

/// An update as recorded.
#[derive(Debug, Clone, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct TrialUpdateInput {
    /// What happened.
    pub kind: TrialUpdateKind,
    /// A short note for the team (sealed; never sent in a message).
    #[serde(default)]
    pub note: Option<String>,
    /// Who was told in person.
    #[serde(default)]
    pub told_in_person: Vec<TrialUpdateAudience>,
}

/// An update as stored.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, utoipa::ToSchema)]
pub struct TrialUpdateOut {
    pub id: String,
    pub hearing_id: String,
    pub victim_id: String,
    pub kind: TrialUpdateKind,
    pub note: Option<String>,
    pub told_in_person: Vec<TrialUpdateAudience>,
    /// Who a message was planned for: `victim`, `contact`.
    pub messaged: Vec<String>,
    pub recorded_by: String,
    pub recorded_at: DateTime<Utc>,
    /// The same in Europe/London time with its offset.
    pub recorded_at_local: String,
}

/// What recording an update did: the update, and why anyone the victim
/// might want told was not sent a message.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct RecordedTrialUpdate {
    pub update: TrialUpdateOut,
    /// Why anyone she might want told was not sent a message (codes).
    pub not_messaged: Vec<NotMessaged>,
    /// The same as sentences.
    pub not_messaged_reasons: Vec<String>,
}

/// Whether, and to whom, the victim wants trial-progress messages.
#[derive(Debug, Clone, Default, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct TrialUpdatePreferenceInput {
    /// She wants the messages herself, by her own safe channel.
    #[serde(default)]
    pub to_victim: bool,
    /// A contact she chose (a name, e.g. "Sam, her sister").
    #[serde(default)]
    pub contact_name: Option<String>,
    /// The contact's email (required with a name).
    #[serde(default)]
    pub contact_email: Option<String>,
}

/// Her preference as stored, and whether her consent for the contact is in
/// force now.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, utoipa::ToSchema)]
pub struct TrialUpdatePreferenceOut {
    pub victim_id: String,
    pub to_victim: bool,
    pub contact_name: Option<String>,
    pub contact_email: Option<String>,
    /// Her `trial_progress_to_contact` consent is in force: without it the
    /// contact is not sent anything.
    pub contact_consent_in_force: bool,
    /// 0 until one is recorded.
    pub version: i32,
}

fn trimmed(v: Option<&str>) -> Option<String> {
    v.map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_string)
}

/// The update's checks (pure): a note of at most [`MAX_NOTE`] characters,
/// and each person told once.
pub fn check(input: &TrialUpdateInput) -> AppResult<()> {
    let mut v = Validator::new();
    v.opt_text("note", input.note.as_deref(), MAX_NOTE);
    let mut seen = input.told_in_person.clone();
    seen.sort();
    seen.dedup();
    v.check(
        seen.len() == input.told_in_person.len(),
        "told_in_person",
        "names someone twice",
    );
    v.finish()
}

/// The preference's checks (pure): a contact has both a name and an email
/// address, or neither.
pub fn check_preference(input: &TrialUpdatePreferenceInput) -> AppResult<()> {
    let mut v = Validator::new();
    let name = trimmed(input.contact_name.as_deref());
    let email = trimmed(input.contact_email.as_deref());
    v.opt_text("contact_name", name.as_deref(), MAX_NAME);
    match (&name, &email) {
        (Some(_), None) => v.error("contact_email", "give the contact's email address"),
        (None, Some(_)) => v.error("contact_name", "give the contact's name"),
        (_, Some(e)) => v.email("contact_email", e),
        _ => {}
    }
    v.finish()
}

/// Whether an update may be recorded now (pure): the hearing still stands
/// and today (London) is one of its court days.
pub fn on_the_day(
    status: HearingStatus,
    sittings: &[(DateTime<Utc>, DateTime<Utc>)],
    now: DateTime<Utc>,
) -> Result<(), &'static str> {
    if status == HearingStatus::Vacated {
        return Err("the hearing was vacated: there is no court day to update on");
    }
    let today = crate::calendar::london_date(now);
    if sittings
        .iter()
        .any(|(start, _)| crate::calendar::london_date(*start) == today)
    {
        Ok(())
    } else {
        Err("updates are recorded on a day the hearing sits: today is not one of its court days")
    }
}

/// Why someone the victim might want told was not sent a message.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum NotMessaged {
    /// She has recorded no trial-progress preference.
    NotAsked,
    /// She did not ask for messages herself.
    VictimDidNotAsk,
    /// She named no contact.
    NoContact,
    /// She named a contact, but her consent to tell them is not in force.
    NoContactConsent,
}

impl NotMessaged {
    pub const ALL: [NotMessaged; 4] = [
        Self::NotAsked,
        Self::VictimDidNotAsk,
        Self::NoContact,
        Self::NoContactConsent,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::NotAsked => "not_asked",
            Self::VictimDidNotAsk => "victim_did_not_ask",
            Self::NoContact => "no_contact",
            Self::NoContactConsent => "no_contact_consent",
        }
    }

    pub fn parse(text: &str) -> Option<NotMessaged> {
        Self::ALL.into_iter().find(|n| n.as_str() == text)
    }

    /// The reason as a sentence a person can act on.
    pub fn sentence(self) -> &'static str {
        match self {
            Self::NotAsked => "No message was sent: she has not asked for trial-progress messages. Record who she wants told below.",
            Self::VictimDidNotAsk => "She was not sent a message herself: she did not ask for one.",
            Self::NoContact => "No contact was sent a message: she has not named one.",
            Self::NoContactConsent => "Her chosen contact was not sent a message: her consent to tell them is not in force. Record her consent first.",
        }
    }
}

/// Who the victim wants told, and why anyone is left out (pure).
pub fn recipients(
    pref: Option<&TrialUpdatePreferenceOut>,
) -> (crate::flows::trial_progress::Wanted, Vec<NotMessaged>) {
    use crate::flows::trial_progress::Wanted;
    let Some(pref) = pref else {
        return (
            Wanted {
                victim: false,
                contact: false,
            },
            vec![NotMessaged::NotAsked],
        );
    };
    let mut why = Vec::new();
    if !pref.to_victim {
        why.push(NotMessaged::VictimDidNotAsk);
    }
    if pref.contact_email.is_none() {
        why.push(NotMessaged::NoContact);
    } else if !pref.contact_consent_in_force {
        why.push(NotMessaged::NoContactConsent);
    }
    let wanted = Wanted {
        victim: pref.to_victim,
        contact: pref.contact_email.is_some() && pref.contact_consent_in_force,
    };
    (wanted, why)
}

fn audiences_text(list: &[TrialUpdateAudience]) -> String {
    list.iter()
        .map(|a| a.as_str())
        .collect::<Vec<_>>()
        .join(",")
}

fn audiences_of(text: &str) -> AppResult<Vec<TrialUpdateAudience>> {
    text.split(',')
        .filter(|s| !s.is_empty())
        .map(TrialUpdateAudience::from_db)
        .collect()
}

type Row = (
    String,
    String,
    String,
    String,
    Option<String>,
    String,
    String,
    String,
    NaiveDateTime,
);

macro_rules! update_columns {
    () => {
        (
            trial_updates::id,
            trial_updates::hearing_id,
            trial_updates::victim_id,
            trial_updates::kind,
            trial_updates::note,
            trial_updates::told_in_person,
            trial_updates::messaged,
            trial_updates::recorded_by,
            trial_updates::recorded_at,
        )
    };
}

fn out_of(row: Row) -> AppResult<TrialUpdateOut> {
    let (id, hearing_id, victim_id, kind, note, told, messaged, recorded_by, recorded_at) = row;
    let ring = crate::privacy::keyring()?;
    let recorded_at = store::from_db(recorded_at);
    Ok(TrialUpdateOut {
        id,
        hearing_id,
        victim_id,
        kind: TrialUpdateKind::from_db(&kind)?,
        note: crate::privacy::open_opt(&ring, note)?,
        told_in_person: audiences_of(&told)?,
        messaged: messaged
            .split(',')
            .filter(|s| !s.is_empty())
            .map(str::to_string)
            .collect(),
        recorded_by,
        recorded_at,
        recorded_at_local: crate::resources::local(recorded_at),
    })
}

/// The hearing, if the actor handles it: the supporter with the victim in
/// reach; the Witness Service at the hearing's court while her referral
/// consent or single point of contact agreement is in force. 404
/// otherwise, as if it did not exist.
fn handled_hearing(conn: &mut AnyConn, ctx: &Ctx, hearing_id: &str) -> AppResult<HearingFacts> {
    if ctx.actor.role != Role::WitnessServiceStaff {
        return plans::supporters_hearing(conn, ctx, hearing_id);
    }
    let facts = plans::hearing_facts(conn, hearing_id)?;
    let court = plans::service_court(conn, ctx)?;
    if court.as_deref() == Some(facts.court_id.as_str())
        && plans::service_basis_in_force(conn, ctx, &facts.victim_id)?
    {
        Ok(facts)
    } else {
        Err(AppError::NotFound("hearing".into()))
    }
}

fn of_hearing(conn: &mut AnyConn, hearing_id: &str) -> AppResult<Vec<TrialUpdateOut>> {
    let rows: Vec<Row> = trial_updates::table
        .filter(trial_updates::hearing_id.eq(hearing_id))
        .order((trial_updates::recorded_at.desc(), trial_updates::id.desc()))
        .select(update_columns!())
        .load(conn)?;
    rows.into_iter().map(out_of).collect()
}

/// The victim's updates on the day and her preference, for her
/// subject-access export (the notes and the contact unsealed, as she is
/// owed them): nothing for a role that may not read them.
pub(crate) fn for_export(
    conn: &mut AnyConn,
    ctx: &Ctx,
    victim_id: &str,
) -> AppResult<(Vec<TrialUpdateOut>, Option<TrialUpdatePreferenceOut>)> {
    let role = ctx.actor.role;
    let mut updates = Vec::new();
    if crate::policy::permits(role, ResourceKind::TrialUpdate, Action::Read) {
        let rows: Vec<Row> = trial_updates::table
            .filter(trial_updates::victim_id.eq(victim_id))
            .order((trial_updates::recorded_at.asc(), trial_updates::id.asc()))
            .select(update_columns!())
            .load(conn)?;
        updates = rows.into_iter().map(out_of).collect::<AppResult<_>>()?;
    }
    let preference =
        if crate::policy::permits(role, ResourceKind::TrialUpdatePreference, Action::Read) {
            preference_of(conn, ctx, victim_id)?
        } else {
            None
        };
    Ok((updates, preference))
}

/// The hearing's updates, newest first.
pub fn list(conn: &mut AnyConn, ctx: &Ctx, hearing_id: &str) -> AppResult<Vec<TrialUpdateOut>> {
    authorise(
        &ctx.actor,
        ResourceKind::TrialUpdate,
        Action::Read,
        "trial update",
    )?;
    handled_hearing(conn, ctx, hearing_id)?;
    of_hearing(conn, hearing_id)
}

/// Records an update: checks the actor handles the hearing and that today
/// is one of its court days, stores it (the note sealed), plans the
/// messages the victim asked for through the flows, and audits it (ids and
/// kind only), in one transaction.
pub fn record(
    conn: &mut AnyConn,
    ctx: &Ctx,
    hearing_id: &str,
    input: &TrialUpdateInput,
) -> AppResult<RecordedTrialUpdate> {
    authorise(
        &ctx.actor,
        ResourceKind::TrialUpdate,
        Action::Create,
        "trial update",
    )?;
    check(input)?;
    store::write(conn, |conn| {
        let facts = handled_hearing(conn, ctx, hearing_id)?;
        on_the_day(
            HearingStatus::from_db(&facts.status)?,
            &facts.sittings(),
            ctx.now,
        )
        .map_err(|why| AppError::Conflict(why.into()))?;
        let pref = preference_of(conn, ctx, &facts.victim_id)?;
        let (wanted, not_messaged) = recipients(pref.as_ref());
        let mut messaged = Vec::new();
        if wanted.victim {
            messaged.push("victim".to_string());
        }
        if wanted.contact {
            messaged.push("contact".to_string());
        }
        let id = store::new_id();
        let at = store::to_db(ctx.now);
        let note = match trimmed(input.note.as_deref()) {
            Some(text) => Some(crate::privacy::keyring()?.encrypt(&text)),
            None => None,
        };
        diesel::insert_into(trial_updates::table)
            .values((
                trial_updates::id.eq(&id),
                trial_updates::hearing_id.eq(hearing_id),
                trial_updates::victim_id.eq(&facts.victim_id),
                trial_updates::kind.eq(input.kind.as_str()),
                trial_updates::note.eq(note),
                trial_updates::told_in_person.eq(audiences_text(&input.told_in_person)),
                trial_updates::messaged.eq(messaged.join(",")),
                trial_updates::recorded_by.eq(&ctx.actor.user_id),
                trial_updates::recorded_at.eq(at),
                trial_updates::created_at.eq(at),
            ))
            .execute(conn)?;
        if wanted.victim || wanted.contact {
            let focus = planning::Focus {
                hearing_id: Some(hearing_id.to_string()),
                ..planning::Focus::default()
            };
            planning::react(
                conn,
                &ctx.rules,
                ctx.now,
                &facts.victim_id,
                &focus,
                EventKind::TrialProgressRecorded {
                    update_id: id.clone(),
                    update: input.kind,
                    recorded_at: ctx.now,
                    to_victim: wanted.victim,
                    to_contact: wanted.contact,
                },
            )?;
        }
        audit::append(
            conn,
            ctx.now,
            Entry {
                victim_id: Some(facts.victim_id.clone()),
                category: Some(input.kind.as_str().to_string()),
                ..Entry::new(
                    AuditAction::Create,
                    Some(&ctx.actor.user_id),
                    "trial_updates",
                    &id,
                )
            },
        )?;
        tracing::info!(hearing_id = %hearing_id, update_id = %id, kind = input.kind.as_str(), "trial update recorded");
        let row: Row = trial_updates::table
            .find(&id)
            .select(update_columns!())
            .first(conn)?;
        Ok(RecordedTrialUpdate {
            update: out_of(row)?,
            not_messaged_reasons: not_messaged
                .iter()
                .map(|n| n.sentence().to_string())
                .collect(),
            not_messaged,
        })
    })
}

/// The updates on these hearings (by hearing id, newest first), for the
/// week's agenda: the supporter's for victims in reach; the Witness
/// Service's for hearings at its court with a basis in force. Empty for
/// other roles.
pub fn for_hearings(
    conn: &mut AnyConn,
    ctx: &Ctx,
    hearing_ids: &[String],
) -> AppResult<HashMap<String, Vec<TrialUpdateOut>>> {
    let mut out: HashMap<String, Vec<TrialUpdateOut>> = HashMap::new();
    if !crate::policy::permits(ctx.actor.role, ResourceKind::TrialUpdate, Action::Read)
        || hearing_ids.is_empty()
    {
        return Ok(out);
    }
    let reach = match ctx.actor.role {
        Role::WitnessServiceStaff => None,
        _ => Some(ctx.visible_victims(conn)?),
    };
    let court = plans::service_court(conn, ctx)?;
    let mut allowed: HashMap<String, bool> = HashMap::new();
    for chunk in hearing_ids.chunks(500) {
        let rows: Vec<(Row, String)> = trial_updates::table
            .inner_join(hearings::table.on(hearings::id.eq(trial_updates::hearing_id)))
            .filter(trial_updates::hearing_id.eq_any(chunk))
            .order((trial_updates::recorded_at.desc(), trial_updates::id.desc()))
            .select((update_columns!(), hearings::court_id))
            .load(conn)?;
        for (row, court_id) in rows {
            let victim_id = row.2.clone();
            let may = match &reach {
                Some(reach) => reach.binary_search(&victim_id).is_ok(),
                None => {
                    court.as_deref() == Some(court_id.as_str())
                        && match allowed.get(&victim_id) {
                            Some(may) => *may,
                            None => {
                                let may = plans::service_basis_in_force(conn, ctx, &victim_id)?;
                                allowed.insert(victim_id.clone(), may);
                                may
                            }
                        }
                }
            };
            if may {
                let update = out_of(row)?;
                out.entry(update.hearing_id.clone())
                    .or_default()
                    .push(update);
            }
        }
    }
    Ok(out)
}

/// The Witness Service's updates on hearings at its court on one London
/// day, newest first, with each hearing's victim reference (never her
/// name), for its week.
pub fn service_day(
    conn: &mut AnyConn,
    ctx: &Ctx,
    day: NaiveDate,
) -> AppResult<Vec<(String, TrialUpdateOut)>> {
    if ctx.actor.role != Role::WitnessServiceStaff
        || !crate::policy::permits(ctx.actor.role, ResourceKind::TrialUpdate, Action::Read)
    {
        return Ok(Vec::new());
    }
    let Some(next) = day.succ_opt() else {
        return Ok(Vec::new());
    };
    let ids: Vec<String> = trial_updates::table
        .filter(
            trial_updates::recorded_at.ge(store::to_db(crate::calendar::start_of_london_day(day))),
        )
        .filter(
            trial_updates::recorded_at.lt(store::to_db(crate::calendar::start_of_london_day(next))),
        )
        .select(trial_updates::hearing_id)
        .distinct()
        .load(conn)?;
    let found = for_hearings(conn, ctx, &ids)?;
    let mut out = Vec::new();
    for (hearing_id, updates) in found {
        let reference: String = hearings::table
            .inner_join(cases::table)
            .inner_join(victims::table.on(victims::id.eq(cases::victim_id)))
            .filter(hearings::id.eq(&hearing_id))
            .select(victims::reference)
            .first(conn)?;
        out.extend(
            updates
                .into_iter()
                .filter(|u| crate::calendar::london_date(u.recorded_at) == day)
                .map(|u| (reference.clone(), u)),
        );
    }
    out.sort_by(|a, b| (b.1.recorded_at, &b.1.id).cmp(&(a.1.recorded_at, &a.1.id)));
    Ok(out)
}

/// A hearing's on-the-day page: the hearing (the victim's reference, never
/// her name), its updates newest first, and for the supporter her
/// trial-progress preference.
#[derive(Debug, Clone, Serialize)]
pub struct HearingDay {
    pub hearing_id: String,
    pub case_id: String,
    pub kind: String,
    pub starts_at: DateTime<Utc>,
    pub court_name: String,
    pub courtroom: Option<String>,
    pub victim_id: String,
    pub victim_reference: String,
    /// Today is one of its court days, and it was not vacated.
    pub on_the_day: bool,
    pub updates: Vec<TrialUpdateOut>,
    pub preference: Option<TrialUpdatePreferenceOut>,
}

/// The hearing's on-the-day view, for whoever handles it (404 otherwise).
pub fn day(conn: &mut AnyConn, ctx: &Ctx, hearing_id: &str) -> AppResult<HearingDay> {
    authorise(
        &ctx.actor,
        ResourceKind::TrialUpdate,
        Action::Read,
        "trial update",
    )?;
    let facts = handled_hearing(conn, ctx, hearing_id)?;
    let (case_id, kind, courtroom, court_name, reference): (
        String,
        String,
        Option<String>,
        String,
        String,
    ) = hearings::table
        .inner_join(cases::table)
        .inner_join(courts::table.on(courts::id.eq(hearings::court_id)))
        .inner_join(victims::table.on(victims::id.eq(cases::victim_id)))
        .filter(hearings::id.eq(hearing_id))
        .select((
            hearings::case_id,
            hearings::kind,
            hearings::courtroom,
            courts::name,
            victims::reference,
        ))
        .first(conn)?;
    let preference = if crate::policy::permits(
        ctx.actor.role,
        ResourceKind::TrialUpdatePreference,
        Action::Read,
    ) {
        Some(
            preference_of(conn, ctx, &facts.victim_id)?
                .unwrap_or_else(|| none_yet(&facts.victim_id)),
        )
    } else {
        None
    };
    let on_the_day = match HearingStatus::from_db(&facts.status) {
        Ok(status) => on_the_day(status, &facts.sittings(), ctx.now).is_ok(),
        Err(_) => false,
    };
    Ok(HearingDay {
        hearing_id: hearing_id.to_string(),
        case_id,
        kind,
        starts_at: facts.starts_at,
        court_name,
        courtroom,
        victim_id: facts.victim_id.clone(),
        victim_reference: reference,
        on_the_day,
        updates: of_hearing(conn, hearing_id)?,
        preference,
    })
}

fn preference_of(
    conn: &mut AnyConn,
    ctx: &Ctx,
    victim_id: &str,
) -> AppResult<Option<TrialUpdatePreferenceOut>> {
    let row: Option<(bool, Option<String>, Option<String>, i32)> = trial_update_preferences::table
        .find(victim_id)
        .select((
            trial_update_preferences::to_victim,
            trial_update_preferences::contact_name,
            trial_update_preferences::contact_email,
            trial_update_preferences::version,
        ))
        .first(conn)
        .optional()?;
    let Some((to_victim, name, email, version)) = row else {
        return Ok(None);
    };
    let ring = crate::privacy::keyring()?;
    let consent = !crate::resources::victims_with_active(
        conn,
        &[victim_id.to_string()],
        ConsentScope::TrialProgressToContact,
        ctx.now,
    )?
    .is_empty();
    Ok(Some(TrialUpdatePreferenceOut {
        victim_id: victim_id.to_string(),
        to_victim,
        contact_name: crate::privacy::open_opt(&ring, name)?,
        contact_email: crate::privacy::open_opt(&ring, email)?,
        contact_consent_in_force: consent,
        version,
    }))
}

fn none_yet(victim_id: &str) -> TrialUpdatePreferenceOut {
    TrialUpdatePreferenceOut {
        victim_id: victim_id.to_string(),
        to_victim: false,
        contact_name: None,
        contact_email: None,
        contact_consent_in_force: false,
        version: 0,
    }
}

/// The victim's trial-progress preference (nobody told, version 0, until
/// one is recorded).
pub fn preference(
    conn: &mut AnyConn,
    ctx: &Ctx,
    victim_id: &str,
) -> AppResult<TrialUpdatePreferenceOut> {
    authorise(
        &ctx.actor,
        ResourceKind::TrialUpdatePreference,
        Action::Read,
        "trial-progress preference",
    )?;
    store::scope::require_victim(conn, &ctx.actor, ctx.today(), victim_id, "victim")?;
    Ok(preference_of(conn, ctx, victim_id)?.unwrap_or_else(|| none_yet(victim_id)))
}

/// Records (or replaces) the victim's trial-progress preference; the
/// contact's name and email are sealed, and the audit entry holds ids only.
pub fn set_preference(
    conn: &mut AnyConn,
    ctx: &Ctx,
    victim_id: &str,
    input: &TrialUpdatePreferenceInput,
) -> AppResult<TrialUpdatePreferenceOut> {
    authorise(
        &ctx.actor,
        ResourceKind::TrialUpdatePreference,
        Action::Update,
        "trial-progress preference",
    )?;
    check_preference(input)?;
    store::write(conn, |conn| {
        store::scope::require_victim(conn, &ctx.actor, ctx.today(), victim_id, "victim")?;
        // Never someone she or the court excluded (issue 19, item 9).
        if let Some(email) = trimmed(input.contact_email.as_deref()) {
            if crate::notify::route::excluded_emails(conn, victim_id)?
                .contains(&email.to_lowercase())
            {
                return Err(AppError::field(
                    "contact_email",
                    "belongs to someone she or the court excluded: they are never told anything",
                ));
            }
        }
        let ring = crate::privacy::keyring()?;
        let seal = |v: Option<&str>| trimmed(v).map(|t| ring.encrypt(&t));
        let name = seal(input.contact_name.as_deref());
        let email = seal(input.contact_email.as_deref());
        let at = store::to_db(ctx.now);
        let current = preference_of(conn, ctx, victim_id)?;
        let action = match &current {
            None => {
                diesel::insert_into(trial_update_preferences::table)
                    .values((
                        trial_update_preferences::victim_id.eq(victim_id),
                        trial_update_preferences::to_victim.eq(input.to_victim),
                        trial_update_preferences::contact_name.eq(name),
                        trial_update_preferences::contact_email.eq(email),
                        trial_update_preferences::updated_by.eq(&ctx.actor.user_id),
                        trial_update_preferences::version.eq(1),
                        trial_update_preferences::created_at.eq(at),
                        trial_update_preferences::updated_at.eq(at),
                    ))
                    .execute(conn)?;
                AuditAction::Create
            }
            Some(p) => {
                diesel::update(trial_update_preferences::table.find(victim_id))
                    .set((
                        trial_update_preferences::to_victim.eq(input.to_victim),
                        trial_update_preferences::contact_name.eq(name),
                        trial_update_preferences::contact_email.eq(email),
                        trial_update_preferences::updated_by.eq(&ctx.actor.user_id),
                        trial_update_preferences::version.eq(p.version + 1),
                        trial_update_preferences::updated_at.eq(at),
                    ))
                    .execute(conn)?;
                AuditAction::Update
            }
        };
        audit::append(
            conn,
            ctx.now,
            Entry {
                victim_id: Some(victim_id.to_string()),
                category: Some("trial_progress_preference".to_string()),
                ..Entry::new(
                    action,
                    Some(&ctx.actor.user_id),
                    "trial_update_preferences",
                    victim_id,
                )
            },
        )?;
        tracing::info!(victim_id = %victim_id, "trial-progress preference recorded");
        preference_of(conn, ctx, victim_id)?
            .ok_or_else(|| AppError::Internal("trial-progress preference vanished".into()))
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn pref(to_victim: bool, email: Option<&str>, consent: bool) -> TrialUpdatePreferenceOut {
        TrialUpdatePreferenceOut {
            victim_id: "V".into(),
            to_victim,
            contact_name: email.map(|_| "Sam".into()),
            contact_email: email.map(str::to_string),
            contact_consent_in_force: consent,
            version: 1,
        }
    }

    #[test]
    fn only_who_she_asked_for_is_messaged_and_the_contact_only_with_consent() {
        let table = [
            (None, false, false, 1),
            (Some(pref(true, None, false)), true, false, 1),
            (
                Some(pref(false, Some("s@example.org"), true)),
                false,
                true,
                1,
            ),
            (
                Some(pref(true, Some("s@example.org"), false)),
                true,
                false,
                1,
            ),
            (Some(pref(true, Some("s@example.org"), true)), true, true, 0),
        ];
        for (p, victim, contact, reasons) in table {
            let (wanted, why) = recipients(p.as_ref());
            assert_eq!((wanted.victim, wanted.contact), (victim, contact), "{p:?}");
            assert_eq!(why.len(), reasons, "{p:?}: {why:?}");
        }
    }

    #[test]
    fn updates_are_recorded_on_a_court_day_of_a_hearing_that_stands() {
        let start = Utc.with_ymd_and_hms(2026, 3, 27, 10, 0, 0).unwrap();
        let sittings = vec![
            (start, start + chrono::Duration::hours(5)),
            (
                start + chrono::Duration::days(3),
                start + chrono::Duration::days(3) + chrono::Duration::hours(5),
            ),
        ];
        let at = |d: u32, h: u32| Utc.with_ymd_and_hms(2026, 3, d, h, 0, 0).unwrap();
        assert!(on_the_day(HearingStatus::Listed, &sittings, at(27, 8)).is_ok());
        assert!(on_the_day(HearingStatus::Concluded, &sittings, at(27, 17)).is_ok());
        assert!(on_the_day(HearingStatus::Listed, &sittings, at(30, 14)).is_ok());
        assert!(on_the_day(HearingStatus::Listed, &sittings, at(28, 10)).is_err());
        assert!(on_the_day(HearingStatus::Vacated, &sittings, at(27, 10)).is_err());
    }

    #[test]
    fn the_input_checks_name_their_field() {
        let long = TrialUpdateInput {
            kind: TrialUpdateKind::JuryOut,
            note: Some("x".repeat(MAX_NOTE + 1)),
            told_in_person: vec![TrialUpdateAudience::Victim, TrialUpdateAudience::Victim],
        };
        match check(&long) {
            Err(AppError::Validation(errors)) => {
                let fields: Vec<&str> = errors.iter().map(|e| e.field.as_str()).collect();
                assert_eq!(fields, ["note", "told_in_person"]);
            }
            other => panic!("{other:?}"),
        }
        let half = TrialUpdatePreferenceInput {
            to_victim: true,
            contact_name: Some("Sam".into()),
            contact_email: None,
        };
        assert!(check_preference(&half).is_err());
        let bad = TrialUpdatePreferenceInput {
            to_victim: true,
            contact_name: Some("Sam".into()),
            contact_email: Some("not an address".into()),
        };
        assert!(check_preference(&bad).is_err());
        assert!(check_preference(&TrialUpdatePreferenceInput::default()).is_ok());
    }
}

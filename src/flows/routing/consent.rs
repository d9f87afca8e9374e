//! Consent gating: whether a disclosure to a recipient is allowed now, and
//! on what basis.

use crate::calendar;
use crate::domain::{ConsentScope, LawfulBasis};
use crate::flows::context::FlowContext;
use crate::flows::plan::{Basis, DisclosureCategory, Recipient, RecipientKind};
use chrono::{DateTime, Utc};

/// Why a disclosure was refused: no basis, and which relevant consents the
/// victim had withdrawn.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Refusal {
    pub withdrawn: Vec<ConsentScope>,
}

/// The consents that cover a kind of information for a kind of recipient.
pub fn covering_scopes(category: DisclosureCategory, to: RecipientKind) -> &'static [ConsentScope] {
    use ConsentScope::*;
    use DisclosureCategory as C;
    use RecipientKind as R;
    match (to, category) {
        (R::Victim, _) => &[],
        (R::Supporter, C::HearingDetails | C::HearingChange | C::PreTrialVisit) => {
            &[CourtDatesToSupporter, SimultaneousUpdates]
        }
        (R::Supporter, C::HearingOutcome | C::CaseUpdate | C::DirectContactMade) => {
            &[SimultaneousUpdates]
        }
        (R::Supporter, C::SpecialMeasures) => &[SpecialMeasuresToSupporter, SimultaneousUpdates],
        (R::Supporter, C::SupporterArrangements) => &[IdentifySupporterToCourt],
        (R::Supporter, C::Parole) => &[ParoleToSupporter],
        (R::VictimContact, C::TrialProgress) => &[TrialProgressToContact],
        (R::ResponsibleAdult, c) if crate::flows::responsible_adults::CATEGORIES.contains(&c) => {
            &[ResponsibleAdultUpdates]
        }
        (R::WitnessService, C::SupporterArrangements | C::PreTrialVisit | C::HearingChange) => {
            &[WitnessServiceReferral]
        }
        (
            R::WitnessCareUnit | R::Prosecutor | R::Court,
            C::SupporterArrangements | C::AdvisorIdentification | C::HearingChange,
        ) => &[IdentifySupporterToCourt],
        _ => &[],
    }
}

/// The single-point-of-contact basis, if the victim has one in force.
pub fn spoc_basis(ctx: &FlowContext, now: DateTime<Utc>) -> Option<Basis> {
    let agreed_on = ctx.supporter.as_ref()?.spoc_agreed_on?;
    (agreed_on <= calendar::london_date(now)).then_some(Basis::SpocAgreement { agreed_on })
}

/// Whether SPOC may carry this category (parole needs its own consent).
pub fn spoc_covers(category: DisclosureCategory) -> bool {
    category != DisclosureCategory::Parole
}

/// Whether a recorded basis lets information be shared without the
/// victim's consent. Consent itself does not: it reaches the planner as a
/// [`ConsentRecord`](crate::flows::ConsentRecord), where its withdrawal and
/// expiry are checked, so a basis record that names consent allows nothing
/// (taking it as a basis would outlive the consent's withdrawal).
pub fn shares_without_consent(basis: LawfulBasis) -> bool {
    match basis {
        LawfulBasis::Consent => false,
        LawfulBasis::LegalObligation
        | LawfulBasis::VitalInterests
        | LawfulBasis::PublicTask
        | LawfulBasis::LegitimateInterests => true,
    }
}

/// The basis on which `category` may go to `recipient` at `now`.
pub fn basis_for(
    ctx: &FlowContext,
    now: DateTime<Utc>,
    recipient: &Recipient,
    category: DisclosureCategory,
) -> Result<Basis, Refusal> {
    match recipient {
        Recipient::Victim { victim_id } if *victim_id == ctx.victim.id => {
            return Ok(Basis::DataSubject)
        }
        Recipient::Supporter { user_id } => {
            let Some(supporter) = &ctx.supporter else {
                return Err(Refusal { withdrawn: vec![] });
            };
            if supporter.user_id != *user_id {
                return Err(Refusal { withdrawn: vec![] });
            }
            if spoc_covers(category) {
                if let Some(basis) = spoc_basis(ctx, now) {
                    return Ok(basis);
                }
            }
        }
        _ => {}
    }
    let scopes = covering_scopes(category, recipient.kind());
    if let Some(scope) = scopes.iter().find(|s| {
        ctx.consents
            .iter()
            .any(|c| c.scope == **s && c.active_at(now))
    }) {
        return Ok(Basis::Consent { scope: *scope });
    }
    let recorded = ctx.lawful_bases.iter().find(|l| {
        shares_without_consent(l.basis)
            && l.category == category
            && l.recorded_at <= now
            && l.recipient.is_none_or(|k| k == recipient.kind())
    });
    if let Some(record) = recorded {
        return Ok(Basis::Lawful {
            basis: record.basis,
            reason: record.reason.clone(),
        });
    }
    let withdrawn = scopes
        .iter()
        .copied()
        .filter(|s| {
            ctx.consents
                .iter()
                .any(|c| c.scope == *s && c.withdrawn_at.is_some_and(|w| w <= now))
        })
        .collect();
    Err(Refusal { withdrawn })
}

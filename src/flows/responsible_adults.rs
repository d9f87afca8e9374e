//! A child victim's responsible adults (issue 19, item 9): while she is
//! under 18, each parent, guardian or appropriate adult recorded for her
//! who has not been excluded is sent a copy of what she is sent.
//!
//! Why "also", not "instead": the Victims' Code gives a child victim's
//! parent or guardian the services *along with* the child, and she stays
//! the data subject; the copy does not replace her own notice (which still
//! goes by her own safe channel, or is passed on in person where she has
//! none). Where no adult may be told, her notice still goes as before and
//! the plan warns, so her supporter or witness care officer records a safe
//! adult (domain rules: "a child victim has a safe parent or guardian as
//! contact").
//!
//! Who may be told: never a person the victim or the court excluded, never
//! one whose role has ended. Each copy needs its own basis: her
//! `responsible_adult_updates` consent, or a lawful basis recorded under
//! that scope (which covers responsible adults only). A copy carries the
//! same allow-listed data as hers: her address never, as in every notice.

use super::context::FlowContext;
use super::keys::Subject;
use super::plan::{
    Basis, Channel, DisclosureCategory, PlannedNotice, Recipient, TaskKind, Warning,
};
use super::planner::{notice_language, Planner, STEP_TELL_VICTIM_WHAT_WAS_SHARED};
use super::routing::consent;
use serde::{Deserialize, Serialize};

/// What a child's responsible adults may be sent: everything she may be
/// sent about her case (the advisor's identification to the court is not
/// hers).
pub const CATEGORIES: &[DisclosureCategory] = &[
    DisclosureCategory::HearingDetails,
    DisclosureCategory::HearingChange,
    DisclosureCategory::HearingOutcome,
    DisclosureCategory::SupporterArrangements,
    DisclosureCategory::PreTrialVisit,
    DisclosureCategory::SpecialMeasures,
    DisclosureCategory::Parole,
    DisclosureCategory::CaseUpdate,
    DisclosureCategory::DirectContactMade,
    DisclosureCategory::TrialProgress,
];

/// A responsible adult as the planner sees them: no name, no address.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
pub struct ResponsibleAdultFacts {
    pub id: String,
    /// BCP 47 tag, e.g. "en" or "cy".
    pub preferred_language: String,
    /// The victim or the court excluded them: never told anything.
    #[serde(default)]
    pub excluded: bool,
    /// No longer her responsible adult.
    #[serde(default)]
    pub ended: bool,
}

/// Who is told, beyond the victim herself, what she is told.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum WhoIsTold {
    /// She is not a child: nobody else.
    VictimOnly,
    /// Each of these adults (ids), in the order recorded.
    AlsoAdults(Vec<String>),
    /// She is a child and no adult may be told: a warning.
    NoSafeAdult,
}

/// The rule (pure): while she is under 18, each current adult nobody
/// excluded.
pub fn who_is_told(is_child: bool, adults: &[ResponsibleAdultFacts]) -> WhoIsTold {
    if !is_child {
        return WhoIsTold::VictimOnly;
    }
    let told: Vec<String> = adults
        .iter()
        .filter(|a| !a.excluded && !a.ended)
        .map(|a| a.id.clone())
        .collect();
    if told.is_empty() {
        WhoIsTold::NoSafeAdult
    } else {
        WhoIsTold::AlsoAdults(told)
    }
}

/// After a notice to the victim was planned: a copy for each adult the
/// rule says is told, each under its own basis, or a warning.
pub(crate) fn copy_to_adults(p: &mut Planner<'_>, hers: &PlannedNotice, subject: &Subject) {
    let ctx: &FlowContext = p.ctx;
    match who_is_told(ctx.victim.is_child, &ctx.responsible_adults) {
        WhoIsTold::VictimOnly => {}
        WhoIsTold::NoSafeAdult => p.warn(Warning::NoResponsibleAdult {
            victim_id: ctx.victim.id.clone(),
        }),
        WhoIsTold::AlsoAdults(ids) => {
            for id in ids {
                copy_to(p, hers, subject, &id);
            }
        }
    }
}

fn copy_to(p: &mut Planner<'_>, hers: &PlannedNotice, subject: &Subject, adult_id: &str) {
    let recipient = Recipient::ResponsibleAdult {
        adult_id: adult_id.to_string(),
    };
    let basis = match consent::basis_for(p.ctx, p.now, &recipient, hers.category) {
        Ok(b) => b,
        Err(refusal) => {
            p.warn(Warning::NoConsentToShare {
                recipient,
                category: hers.category,
                template: hers.template,
                withdrawn: refusal.withdrawn,
            });
            return;
        }
    };
    let key = subject.notice_key(&hers.step, &recipient);
    if p.plan.notices.iter().any(|n| n.idempotency_key == key) {
        return;
    }
    let chosen = p
        .ctx
        .responsible_adults
        .iter()
        .find(|a| a.id == adult_id)
        .map(|a| a.preferred_language.clone());
    let in_wales = p
        .ctx
        .hearing
        .as_ref()
        .map_or(p.ctx.case.court.in_wales, |h| h.court.in_wales);
    let (language, unavailable) =
        notice_language(&p.rules.notice_languages, chosen.as_deref(), in_wales);
    if let Some(wanted) = unavailable {
        p.warn(Warning::LanguageUnavailable {
            wanted,
            used: language.clone(),
        });
    }
    if let Basis::Lawful { .. } = basis {
        p.task(
            STEP_TELL_VICTIM_WHAT_WAS_SHARED,
            TaskKind::TellVictimWhatWasShared,
            subject,
            None,
            "Where safe, tell the victim what was shared with her responsible adult".into(),
        );
    }
    p.plan.notices.push(PlannedNotice {
        idempotency_key: key,
        recipient,
        channel: Channel::Email,
        language,
        basis,
        ..hers.clone()
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    fn adult(id: &str, excluded: bool, ended: bool) -> ResponsibleAdultFacts {
        ResponsibleAdultFacts {
            id: id.into(),
            preferred_language: "en".into(),
            excluded,
            ended,
        }
    }

    #[test]
    fn who_is_told_beside_the_victim() {
        use WhoIsTold::*;
        let both = [adult("A", false, false), adult("B", false, false)];
        let one_excluded = [adult("A", true, false), adult("B", false, false)];
        let all_out = [adult("A", true, false), adult("B", false, true)];
        let table: Vec<(bool, &[ResponsibleAdultFacts], WhoIsTold)> = vec![
            // An adult victim: nobody else, whatever is recorded.
            (false, &both, VictimOnly),
            (false, &[], VictimOnly),
            // A child: each current adult nobody excluded.
            (true, &both, AlsoAdults(vec!["A".into(), "B".into()])),
            (true, &one_excluded, AlsoAdults(vec!["B".into()])),
            // Excluded or ended: never told; with nobody left, a warning.
            (true, &all_out, NoSafeAdult),
            (true, &[], NoSafeAdult),
        ];
        for (is_child, adults, want) in table {
            assert_eq!(who_is_told(is_child, adults), want, "{is_child} {adults:?}");
        }
    }

    mod planned {
        use super::adult;
        use crate::domain::{ConsentScope, LawfulBasis};
        use crate::flows::testkit::{consent, criminal, event, notices_to, run, t, NOW};
        use crate::flows::{
            Basis, DisclosureCategory, EventKind, FlowContext, LawfulBasisRecord, Recipient,
            RecipientKind, TemplateKey, Warning,
        };

        fn child(adults: Vec<super::ResponsibleAdultFacts>, consented: bool) -> FlowContext {
            let mut ctx = criminal();
            ctx.victim.is_child = true;
            ctx.responsible_adults = adults;
            ctx.consents
                .retain(|c| c.scope != ConsentScope::ResponsibleAdultUpdates);
            if consented {
                ctx.consents
                    .push(consent(ConsentScope::ResponsibleAdultUpdates));
            }
            ctx
        }

        fn to_adults(ctx: &FlowContext) -> Vec<String> {
            let plan = run(&event(EventKind::HearingListed), ctx);
            notices_to(&plan, RecipientKind::ResponsibleAdult)
                .into_iter()
                .map(|n| {
                    assert_eq!(n.template, TemplateKey::HearingDetailsVictim);
                    assert!(!n.data.contains_key("address"));
                    match &n.recipient {
                        Recipient::ResponsibleAdult { adult_id } => adult_id.clone(),
                        other => panic!("{other:?}"),
                    }
                })
                .collect()
        }

        #[test]
        fn a_listed_hearing_is_copied_to_each_adult_who_may_be_told() {
            // Her consent: each current adult nobody excluded.
            let ctx = child(
                vec![adult("A", false, false), adult("X", true, false)],
                true,
            );
            assert_eq!(to_adults(&ctx), ["A"]);
            let plan = run(&event(EventKind::HearingListed), &ctx);
            // Her own notice still goes.
            assert_eq!(notices_to(&plan, RecipientKind::Victim).len(), 1);
            let copy = &notices_to(&plan, RecipientKind::ResponsibleAdult)[0];
            assert_eq!(
                copy.basis,
                Basis::Consent {
                    scope: ConsentScope::ResponsibleAdultUpdates
                }
            );

            // No consent: nobody, and the refusal is a warning.
            let ctx = child(vec![adult("A", false, false)], false);
            assert!(to_adults(&ctx).is_empty());
            let plan = run(&event(EventKind::HearingListed), &ctx);
            assert!(plan.warnings.iter().any(|w| matches!(
                w,
                Warning::NoConsentToShare {
                    recipient: Recipient::ResponsibleAdult { .. },
                    ..
                }
            )));

            // A lawful basis recorded under the scope covers the adults
            // (and, being limited to them, nobody else).
            let mut ctx = child(vec![adult("A", false, false)], false);
            ctx.lawful_bases.push(LawfulBasisRecord {
                basis: LawfulBasis::PublicTask,
                reason: "Victims' Code: a child's parent".into(),
                category: DisclosureCategory::HearingDetails,
                recipient: Some(RecipientKind::ResponsibleAdult),
                recorded_at: t(NOW),
                recorded_by: None,
            });
            assert_eq!(to_adults(&ctx), ["A"]);

            // Nobody who may be told: a warning to record a safe adult.
            for adults in [
                vec![],
                vec![adult("X", true, false), adult("E", false, true)],
            ] {
                let plan = run(&event(EventKind::HearingListed), &child(adults, true));
                assert!(notices_to(&plan, RecipientKind::ResponsibleAdult).is_empty());
                assert!(plan
                    .warnings
                    .iter()
                    .any(|w| matches!(w, Warning::NoResponsibleAdult { .. })));
            }

            // An adult victim: no copies and no warning, whatever is recorded.
            let mut ctx = child(vec![adult("A", false, false)], true);
            ctx.victim.is_child = false;
            let plan = run(&event(EventKind::HearingListed), &ctx);
            assert!(notices_to(&plan, RecipientKind::ResponsibleAdult).is_empty());
            assert!(!plan
                .warnings
                .iter()
                .any(|w| matches!(w, Warning::NoResponsibleAdult { .. })));
        }

        #[test]
        fn a_copy_is_written_in_the_adults_language() {
            let mut welsh = adult("A", false, false);
            welsh.preferred_language = "cy".into();
            let ctx = child(vec![welsh, adult("B", false, false)], true);
            let plan = run(&event(EventKind::HearingListed), &ctx);
            let languages: Vec<&str> = notices_to(&plan, RecipientKind::ResponsibleAdult)
                .iter()
                .map(|n| n.language.as_str())
                .collect();
            assert_eq!(languages, ["cy", "en"]);
        }
    }
}

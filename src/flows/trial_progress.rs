//! Trial-progress updates on the day (issue 19, item 3): the supporter or
//! the Witness Service records a short update on a hearing (started, giving
//! evidence, adjourned to the next day, jury out, verdict...), and the
//! victim's chosen contacts are told where she asked to be: herself by her
//! own safe channel (she is the data subject), and a contact she chose by
//! email, with her `trial_progress_to_contact` consent as the basis.
//!
//! A message says only what kind of update it is and the time, in UK local
//! time. The note the recorder may write is never in a notice: this flow
//! never sees it.

use super::facts;
use super::keys::Subject;
use super::plan::{DisclosureCategory, Recipient};
use super::planner::{Draft, Planner};
use super::templates::TemplateKey;
use crate::domain::TrialUpdateKind;
use chrono::{DateTime, Duration, Utc};
use serde_json::json;

pub(crate) const STEP_TELL_CHOSEN_CONTACTS: &str = "trial_progress.tell_chosen_contacts";

/// A message about an update that could not go within this long after it
/// was recorded is moot: it is cancelled, not sent late.
pub fn moot_after() -> Duration {
    Duration::hours(24)
}

/// Who the victim asked to be told, as the use case found it at the moment
/// of recording (her preference, and for the contact her consent in force).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Wanted {
    pub victim: bool,
    pub contact: bool,
}

pub(crate) fn recorded(
    p: &mut Planner<'_>,
    update_id: &str,
    update: TrialUpdateKind,
    at: DateTime<Utc>,
    wanted: Wanted,
) {
    let subject = Subject::event(update_id);
    let data = vec![
        ("update", json!(update.as_str())),
        ("update_date", facts::local_date(at)),
        ("update_time", facts::local_time(at)),
    ];
    let victim_id = p.ctx.victim.id.clone();
    let mut to = Vec::new();
    if wanted.victim {
        to.push((
            Recipient::Victim {
                victim_id: victim_id.clone(),
            },
            TemplateKey::TrialProgressVictim,
        ));
    }
    if wanted.contact {
        to.push((
            Recipient::VictimContact { victim_id },
            TemplateKey::TrialProgressContact,
        ));
    }
    for (recipient, template) in to {
        p.notice(
            Draft::new(
                STEP_TELL_CHOSEN_CONTACTS,
                template,
                recipient,
                DisclosureCategory::TrialProgress,
                subject.clone(),
            )
            .data(data.clone())
            .not_after(Some(at + moot_after())),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::ConsentScope;
    use crate::flows::testkit::{consent, criminal, event, run, t, templates, NOW};
    use crate::flows::{Basis, EventKind, RecipientKind, Warning};

    fn recorded_event(to_victim: bool, to_contact: bool) -> crate::flows::Event {
        event(EventKind::TrialProgressRecorded {
            update_id: "TU1".into(),
            update: TrialUpdateKind::AdjournedToNextDay,
            recorded_at: t(NOW),
            to_victim,
            to_contact,
        })
    }

    #[test]
    fn she_is_told_as_the_data_subject_and_her_contact_only_with_her_consent() {
        let mut ctx = criminal();
        ctx.consents
            .push(consent(ConsentScope::TrialProgressToContact));
        let plan = run(&recorded_event(true, true), &ctx);
        assert_eq!(
            templates(&plan),
            [
                TemplateKey::TrialProgressVictim,
                TemplateKey::TrialProgressContact
            ]
        );
        for n in &plan.notices {
            // The kind and the time, nothing else.
            let keys: Vec<&str> = n.data.keys().map(String::as_str).collect();
            assert_eq!(keys, ["update", "update_date", "update_time"], "{n:?}");
            assert_eq!(n.data["update"], "adjourned_to_next_day");
            assert_eq!(n.not_after, Some(t(NOW) + moot_after()));
            match n.recipient.kind() {
                RecipientKind::Victim => assert_eq!(n.basis, Basis::DataSubject),
                RecipientKind::VictimContact => assert_eq!(
                    n.basis,
                    Basis::Consent {
                        scope: ConsentScope::TrialProgressToContact
                    }
                ),
                other => panic!("{other:?}"),
            }
        }

        // Without her consent the contact is refused, and a warning says so.
        let plan = run(&recorded_event(false, true), &criminal());
        assert!(plan.notices.is_empty());
        assert!(plan.warnings.iter().any(|w| matches!(
            w,
            Warning::NoConsentToShare {
                template: TemplateKey::TrialProgressContact,
                ..
            }
        )));
        // Nobody asked: nothing.
        assert!(run(&recorded_event(false, false), &criminal())
            .notices
            .is_empty());
    }
}

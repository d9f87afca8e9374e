//! The advisor's hearing-day notice to a criminal court: exactly the
//! advisor's presence and name, the identity of the witness, and the name
//! and address of the advisor's organisation, marked not for public
//! disclosure. Nothing else goes in.

use crate::calendar;
use crate::flows::context::{HearingFacts, SupporterFacts};
use crate::flows::facts::opt;
use crate::flows::keys::Subject;
use crate::flows::plan::{Channel, DisclosureCategory, Recipient, Warning};
use crate::flows::planner::{Draft, Planner};
use crate::flows::templates::TemplateKey;
use serde_json::json;

pub(crate) const STEP_ADVISOR_NOTICE: &str = "criminal.advisor_notice";

pub(crate) fn plan(p: &mut Planner<'_>, h: &HearingFacts, s: &SupporterFacts, subject: &Subject) {
    let Some(witness) = p.ctx.victim.name.clone() else {
        p.warn(Warning::MissingNoticeField {
            template: TemplateKey::AdvisorNotice,
            field: "witness_name".into(),
        });
        return;
    };
    let org = s.organisation.as_ref();
    let data = vec![
        ("advisor_present", json!(true)),
        ("advisor_name", json!(s.name)),
        ("witness_name", json!(witness)),
        ("organisation_name", opt(org.map(|o| &o.name))),
        ("organisation_address", opt(org.map(|o| &o.address))),
        ("not_for_public_disclosure", json!(true)),
    ];
    let hearing_day = calendar::london_date(h.start);
    let release =
        calendar::local_to_utc(hearing_day, p.rules.hearing_day_notice_local_time).min(h.start);
    p.notice(
        Draft::new(
            STEP_ADVISOR_NOTICE,
            TemplateKey::AdvisorNotice,
            Recipient::Court {
                court: h.court.name.clone(),
            },
            DisclosureCategory::AdvisorIdentification,
            subject.clone(),
        )
        .data(data)
        .send_after(Some(release))
        .not_after(Some(h.start))
        .channel(Channel::InPerson)
        .private(),
    );
}

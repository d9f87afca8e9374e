//! Special-measures discussions and the supporter who was not there.

use crate::flows::testkit::*;
use crate::flows::*;
use serde_json::json;

fn discussion(present: bool) -> Event {
    event(EventKind::SpecialMeasuresDiscussionRecorded {
        setting: DiscussionSetting::StatementTaking,
        measures: vec![
            SpecialMeasure::Screens,
            SpecialMeasure::PreRecordedCrossExamination,
        ],
        supporter_present: present,
    })
}

#[test]
fn an_absent_supporter_is_told_of_the_discussion_when_consent_or_spoc_allows() {
    use ConsentScope as C;
    // (supporter present, consents, spoc, expected basis)
    let cases: Vec<(bool, Vec<ConsentScope>, bool, Option<Basis>)> = vec![
        (
            false,
            vec![C::SpecialMeasuresToSupporter],
            false,
            Some(Basis::Consent {
                scope: C::SpecialMeasuresToSupporter,
            }),
        ),
        (
            false,
            vec![C::SimultaneousUpdates],
            false,
            Some(Basis::Consent {
                scope: C::SimultaneousUpdates,
            }),
        ),
        (
            false,
            vec![C::CourtDatesToSupporter, C::ParoleToSupporter],
            false,
            None,
        ),
        (
            false,
            vec![],
            true,
            Some(Basis::SpocAgreement {
                agreed_on: d("2026-02-01"),
            }),
        ),
        (true, vec![C::SpecialMeasuresToSupporter], false, None),
    ];
    for (present, scopes, spoc, basis) in cases {
        let mut ctx = criminal();
        ctx.wish_to_accompany_recorded = false;
        ctx.consents = scopes.iter().copied().map(consent).collect();
        if spoc {
            ctx = with_spoc(ctx);
        }
        let plan = run(&discussion(present), &ctx);
        let got =
            notice(&plan, TemplateKey::SpecialMeasuresDiscussionHeld).map(|n| n.basis.clone());
        assert_eq!(got, basis, "{present} {scopes:?} {spoc}");
        let warned = !no_consent_warnings(&plan).is_empty();
        assert_eq!(warned, !present && basis.is_none(), "{present} {scopes:?}");
        if let Some(n) = notice(&plan, TemplateKey::SpecialMeasuresDiscussionHeld) {
            assert_eq!(
                n.data["measures"],
                json!(["screens", "pre_recorded_cross_examination"])
            );
            assert_eq!(n.data["setting"], json!("statement_taking"));
            assert_eq!(n.data["discussed_on"], json!("2026-11-02"));
        }
    }
}

#[test]
fn no_supporter_means_no_notice() {
    let mut ctx = criminal();
    ctx.supporter = None;
    let plan = run(&discussion(false), &ctx);
    assert!(plan.notices.is_empty() && plan.warnings.is_empty());
}

#[test]
fn a_supporter_recorded_at_statement_taking_who_will_be_at_court_is_warned_about() {
    // (setting, supporter present, wish to accompany, warned)
    let cases = [
        (DiscussionSetting::StatementTaking, true, true, true),
        (DiscussionSetting::StatementTaking, true, false, false),
        (DiscussionSetting::NeedsAssessment, true, true, false),
        (DiscussionSetting::StatementTaking, false, true, false),
    ];
    for (setting, present, wish, warned) in cases {
        let mut ctx = criminal();
        ctx.wish_to_accompany_recorded = wish;
        let e = event(EventKind::SpecialMeasuresDiscussionRecorded {
            setting,
            measures: vec![SpecialMeasure::LiveLink],
            supporter_present: present,
        });
        let plan = run(&e, &ctx);
        let got = plan
            .warnings
            .iter()
            .any(|w| matches!(w, Warning::SupporterPresentAtStatementAndCourt { .. }));
        assert_eq!(got, warned, "{setting:?} {present} {wish}");
    }
}

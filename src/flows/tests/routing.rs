//! Consent gating, single point of contact, simultaneous updates, lawful
//! bases, withdrawal and languages.

use crate::flows::routing::consent::covering_scopes;
use crate::flows::testkit::*;
use crate::flows::*;
use crate::rules::Actor;
use serde_json::json;

fn agency_update(topic: UpdateTopic) -> Event {
    event(EventKind::AgencyUpdate {
        from: Actor::WitnessCareOfficer,
        topic,
    })
}

#[test]
fn with_spoc_routine_updates_go_through_the_supporter_only() {
    for e in [
        agency_update(UpdateTopic::CaseProgress),
        event(EventKind::HearingListed),
    ] {
        let plan = run(&e, &with_spoc(criminal()));
        assert!(notices_to(&plan, RecipientKind::Victim).is_empty());
        let to_supporter = notices_to(&plan, RecipientKind::Supporter);
        assert_eq!(to_supporter.len(), 1);
        assert_eq!(to_supporter[0].data["relay_to_victim"], json!(true));
        assert_eq!(
            to_supporter[0].basis,
            Basis::SpocAgreement {
                agreed_on: d("2026-02-01")
            }
        );
    }
    // SPOC stands even without any consent recorded.
    let plan = run(
        &agency_update(UpdateTopic::CaseProgress),
        &without_consents(with_spoc(criminal())),
    );
    assert_eq!(templates(&plan), [TemplateKey::UpdateSupporter]);
}

#[test]
fn spoc_exceptions_are_direct_contact_with_the_supporter_told() {
    // (topic, direct contact?)
    let cases = [
        (UpdateTopic::UrgentSafeguarding, true),
        (UpdateTopic::Evidence, true),
        (UpdateTopic::Medical, true),
        (UpdateTopic::NoFurtherAction, true),
        (UpdateTopic::CaseProgress, false),
    ];
    for (topic, direct) in cases {
        let plan = run(&agency_update(topic), &with_spoc(criminal()));
        let contact = task(&plan, TaskKind::ContactVictimDirectly);
        assert_eq!(contact.is_some(), direct, "{topic:?}");
        if direct {
            assert_eq!(contact.unwrap().role, Actor::WitnessCareOfficer);
            assert_eq!(
                templates(&plan),
                [TemplateKey::DirectContactMade],
                "{topic:?}"
            );
            let n = &plan.notices[0];
            assert_eq!(
                n.recipient,
                Recipient::Supporter {
                    user_id: "U1".into()
                }
            );
            assert!(n.data.contains_key("topic"));
        } else {
            assert_eq!(templates(&plan), [TemplateKey::UpdateSupporter]);
        }
        assert!(notices_to(&plan, RecipientKind::Victim).is_empty());
    }
}

#[test]
fn without_spoc_updates_go_to_the_victim_and_simultaneously_to_a_consenting_supporter() {
    use ConsentScope as C;
    // (consents, supporter told?)
    let cases: Vec<(Vec<ConsentScope>, bool)> = vec![
        (vec![C::SimultaneousUpdates], true),
        (vec![C::CourtDatesToSupporter], false),
        (vec![], false),
    ];
    for (scopes, told) in cases {
        let mut ctx = criminal();
        ctx.consents = scopes.iter().copied().map(consent).collect();
        let plan = run(&agency_update(UpdateTopic::CaseProgress), &ctx);
        assert_eq!(notices_to(&plan, RecipientKind::Victim).len(), 1);
        let to_supporter = notices_to(&plan, RecipientKind::Supporter);
        assert_eq!(to_supporter.len(), usize::from(told), "{scopes:?}");
        if told {
            assert_eq!(to_supporter[0].data["relay_to_victim"], json!(false));
        }
        assert_eq!(no_consent_warnings(&plan).is_empty(), told, "{scopes:?}");
    }
}

#[test]
fn a_spoc_agreement_dated_after_now_does_not_count_yet() {
    let mut ctx = criminal();
    ctx.supporter.as_mut().unwrap().spoc_agreed_on = Some(d("2026-11-03"));
    let plan = run(&agency_update(UpdateTopic::CaseProgress), &ctx);
    assert_eq!(notices_to(&plan, RecipientKind::Victim).len(), 1);
}

#[test]
fn withdrawn_consent_stops_disclosure_from_the_moment_of_withdrawal() {
    // (withdrawn at, given again at, supporter told?)
    let cases = [
        (Some("2026-11-01T12:00:00Z"), None, false),
        (Some("2026-11-02T09:00:00Z"), None, false),
        (Some("2026-11-02T09:00:01Z"), None, true),
        (
            Some("2026-10-01T12:00:00Z"),
            Some("2026-10-20T12:00:00Z"),
            true,
        ),
        (None, None, true),
    ];
    for (withdrawn, regiven, told) in cases {
        let mut ctx = criminal();
        ctx.consents = vec![ConsentRecord {
            withdrawn_at: withdrawn.map(t),
            ..consent(ConsentScope::SimultaneousUpdates)
        }];
        if let Some(at) = regiven {
            ctx.consents.push(ConsentRecord {
                given_at: t(at),
                ..consent(ConsentScope::SimultaneousUpdates)
            });
        }
        let plan = run(&agency_update(UpdateTopic::CaseProgress), &ctx);
        assert_eq!(
            notices_to(&plan, RecipientKind::Supporter).len(),
            usize::from(told),
            "{withdrawn:?}"
        );
        if !told {
            assert_eq!(
                no_consent_warnings(&plan),
                [(
                    RecipientKind::Supporter,
                    TemplateKey::UpdateSupporter,
                    vec![ConsentScope::SimultaneousUpdates]
                )]
            );
        }
    }
}

#[test]
fn consent_withdrawn_before_a_hearing_is_listed_keeps_the_supporter_out() {
    let mut ctx = criminal();
    for c in &mut ctx.consents {
        c.withdrawn_at = Some(t("2026-10-30T10:00:00Z"));
    }
    let plan = run(&event(EventKind::HearingListed), &ctx);
    assert_eq!(templates(&plan), [TemplateKey::HearingDetailsVictim]);
    assert!(deadline(&plan, DeadlineKind::SupporterToldOfHearing).is_none());
    assert!(deadline(&plan, DeadlineKind::VictimToldOfHearing).is_some());
    let warned = no_consent_warnings(&plan);
    assert_eq!(warned.len(), 1);
    assert_eq!(
        warned[0].2,
        [
            ConsentScope::CourtDatesToSupporter,
            ConsentScope::SimultaneousUpdates
        ]
    );
}

#[test]
fn withdrawing_a_consent_cancels_every_pending_notice_sent_under_it() {
    let plan = run(
        &event(EventKind::ConsentWithdrawn {
            scope: ConsentScope::ParoleToSupporter,
        }),
        &criminal(),
    );
    assert_eq!(
        plan.cancellations,
        [Cancellation::ConsentScope {
            victim_id: "V1".into(),
            scope: ConsentScope::ParoleToSupporter
        }]
    );
    assert!(plan.notices.is_empty());
}

#[test]
fn a_recorded_lawful_basis_allows_sharing_and_asks_that_the_victim_be_told() {
    // (category recorded, recipient limit, recorded at, applies?)
    let cases = [
        (
            DisclosureCategory::HearingDetails,
            Some(RecipientKind::Supporter),
            "2026-10-01T09:00:00Z",
            true,
        ),
        (
            DisclosureCategory::HearingDetails,
            None,
            "2026-10-01T09:00:00Z",
            true,
        ),
        (
            DisclosureCategory::HearingOutcome,
            None,
            "2026-10-01T09:00:00Z",
            false,
        ),
        (
            DisclosureCategory::HearingDetails,
            Some(RecipientKind::Prosecutor),
            "2026-10-01T09:00:00Z",
            false,
        ),
        (
            DisclosureCategory::HearingDetails,
            None,
            "2026-11-02T10:00:00Z",
            false,
        ),
    ];
    for (category, recipient, recorded_at, applies) in cases {
        let mut ctx = without_consents(criminal());
        ctx.lawful_bases.push(LawfulBasisRecord {
            basis: LawfulBasis::VitalInterests,
            reason: "Risk to life".into(),
            category,
            recipient,
            recorded_at: t(recorded_at),
            recorded_by: None,
        });
        let plan = run(&event(EventKind::HearingListed), &ctx);
        let to_supporter = notices_to(&plan, RecipientKind::Supporter);
        assert_eq!(
            to_supporter.len(),
            usize::from(applies),
            "{category:?} {recipient:?} {recorded_at}"
        );
        assert_eq!(
            task(&plan, TaskKind::TellVictimWhatWasShared).is_some(),
            applies
        );
        if applies {
            assert_eq!(
                to_supporter[0].basis,
                Basis::Lawful {
                    basis: LawfulBasis::VitalInterests,
                    reason: "Risk to life".into()
                }
            );
        }
    }
}

#[test]
fn a_basis_record_that_names_consent_allows_nothing() {
    // Consent comes to the planner as a consent record (withdrawal and
    // expiry checked there); a basis record naming it is not a basis.
    let mut ctx = without_consents(criminal());
    ctx.lawful_bases.push(LawfulBasisRecord {
        basis: LawfulBasis::Consent,
        reason: "Said yes on the phone".into(),
        category: DisclosureCategory::HearingDetails,
        recipient: None,
        recorded_at: t("2026-10-01T09:00:00Z"),
        recorded_by: None,
    });
    let plan = run(&event(EventKind::HearingListed), &ctx);
    assert!(notices_to(&plan, RecipientKind::Supporter).is_empty());
    assert!(task(&plan, TaskKind::TellVictimWhatWasShared).is_none());
    for basis in LawfulBasis::ALL {
        assert_eq!(
            crate::flows::routing::consent::shares_without_consent(*basis),
            *basis != LawfulBasis::Consent,
            "{basis}"
        );
    }
}

#[test]
fn consents_cover_what_they_say() {
    use ConsentScope as C;
    use DisclosureCategory as D;
    use RecipientKind as R;
    let cases: &[(D, R, &[ConsentScope])] = &[
        (
            D::HearingDetails,
            R::Supporter,
            &[C::CourtDatesToSupporter, C::SimultaneousUpdates],
        ),
        (D::HearingOutcome, R::Supporter, &[C::SimultaneousUpdates]),
        (
            D::SpecialMeasures,
            R::Supporter,
            &[C::SpecialMeasuresToSupporter, C::SimultaneousUpdates],
        ),
        (D::Parole, R::Supporter, &[C::ParoleToSupporter]),
        (
            D::SupporterArrangements,
            R::WitnessService,
            &[C::WitnessServiceReferral],
        ),
        (
            D::PreTrialVisit,
            R::WitnessService,
            &[C::WitnessServiceReferral],
        ),
        (
            D::SupporterArrangements,
            R::WitnessCareUnit,
            &[C::IdentifySupporterToCourt],
        ),
        (
            D::AdvisorIdentification,
            R::Court,
            &[C::IdentifySupporterToCourt],
        ),
        (D::Parole, R::Court, &[]),
        (D::HearingDetails, R::Victim, &[]),
    ];
    for (category, to, scopes) in cases {
        assert_eq!(
            covering_scopes(*category, *to),
            *scopes,
            "{category:?} to {to:?}"
        );
    }
}

#[test]
fn victim_notices_use_their_language_where_templates_exist() {
    let mut welsh = criminal();
    welsh.victim.preferred_language = "cy".into();
    let mut english_only = rules();
    english_only.notice_languages = vec!["en".into()];
    let plan = crate::flows::plan(
        &event(EventKind::HearingListed),
        &welsh,
        &english_only,
        &holidays(),
        t(NOW),
    );
    assert_eq!(
        notice(&plan, TemplateKey::HearingDetailsVictim)
            .unwrap()
            .language,
        "en"
    );
    assert!(plan.warnings.contains(&Warning::LanguageUnavailable {
        wanted: "cy".into(),
        used: "en".into()
    }));

    // The rules table lists Welsh.
    let plan = run(&event(EventKind::HearingListed), &welsh);
    assert_eq!(
        notice(&plan, TemplateKey::HearingDetailsVictim)
            .unwrap()
            .language,
        "cy"
    );
    // The supporter chose nothing and the court is in England.
    assert_eq!(
        notice(&plan, TemplateKey::HearingDetailsSupporter)
            .unwrap()
            .language,
        "en"
    );
    assert!(plan.warnings.is_empty());
    assert_eq!(
        TemplateKey::HearingDetailsVictim.path("cy"),
        "templates/notices/cy/hearing.details.victim.hbs"
    );
}

#[test]
fn at_a_court_in_wales_those_who_chose_no_language_get_welsh_and_english() {
    let mut cardiff = criminal();
    cardiff.case.court.in_wales = true;
    if let Some(h) = cardiff.hearing.as_mut() {
        h.court.name = "Cardiff Crown Court".into();
        h.court.in_wales = true;
    }
    // The victim chose English: English, even in Wales.
    cardiff.victim.preferred_language = "en".into();
    let plan = run(&event(EventKind::HearingListed), &cardiff);
    assert_eq!(
        notice(&plan, TemplateKey::HearingDetailsVictim)
            .unwrap()
            .language,
        "en"
    );
    // The supporter and the partner agencies chose nothing: bilingual.
    assert_eq!(
        notice(&plan, TemplateKey::HearingDetailsSupporter)
            .unwrap()
            .language,
        crate::flows::BILINGUAL
    );
    for n in plan
        .notices
        .iter()
        .filter(|n| !matches!(n.recipient, crate::flows::Recipient::Victim { .. }))
    {
        assert_eq!(n.language, crate::flows::BILINGUAL, "{:?}", n.template);
    }
    // The victim chose Welsh: Welsh only.
    cardiff.victim.preferred_language = "cy".into();
    let plan = run(&event(EventKind::HearingListed), &cardiff);
    assert_eq!(
        notice(&plan, TemplateKey::HearingDetailsVictim)
            .unwrap()
            .language,
        "cy"
    );
}

#[test]
fn the_notice_language_rule_table() {
    use crate::flows::{notice_language, BILINGUAL};
    let both: Vec<String> = vec!["en".into(), "cy".into()];
    let english: Vec<String> = vec!["en".into()];
    let wanted = |w: &str| Some(w.to_owned());
    for (available, chosen, wales, language, unavailable) in [
        (&both, Some("cy"), false, "cy", None),
        (&both, Some("CY"), true, "cy", None),
        (&both, Some("en"), true, "en", None),
        (&both, None, true, BILINGUAL, None),
        (&both, Some(""), true, BILINGUAL, None),
        (&both, None, false, "en", None),
        (&both, Some("fr"), true, "en", wanted("fr")),
        (&english, Some("cy"), true, "en", wanted("cy")),
        (&english, None, true, "en", None),
    ] {
        assert_eq!(
            notice_language(available, chosen, wales),
            (language.to_owned(), unavailable.clone()),
            "{available:?} {chosen:?} wales={wales}"
        );
    }
}

#[test]
fn supporters_and_partners_are_written_to_in_the_language_they_chose() {
    use crate::domain::AttendanceState;
    use crate::flows::{Recipient, BILINGUAL};
    // The languages each recipient is sent in when a trial is listed and
    // the supporter's request to accompany the victim is raised.
    let sent_in = |ctx: &FlowContext, r: &Recipient| -> Vec<String> {
        let requested =
            crate::flows::testkit::with_request(ctx.clone(), AttendanceState::Requested);
        let plans = [
            run(&event(EventKind::HearingListed), ctx),
            run(&event(EventKind::AttendanceRequestRaised), &requested),
        ];
        let sent: Vec<String> = plans
            .iter()
            .flat_map(|p| &p.notices)
            .filter(|n| &n.recipient == r)
            .map(|n| n.language.clone())
            .collect();
        assert!(!sent.is_empty(), "nothing planned for {r:?}");
        sent
    };
    let all = |sent: Vec<String>, want: &str| sent.iter().all(|l| l == want);
    let supporter = Recipient::Supporter {
        user_id: "U1".into(),
    };
    let wcu = Recipient::WitnessCareUnit {
        org_id: "WCU-1".into(),
    };

    let mut cardiff = criminal();
    cardiff.case.court.in_wales = true;
    if let Some(h) = cardiff.hearing.as_mut() {
        h.court.name = "Cardiff Crown Court".into();
        h.court.in_wales = true;
    }
    cardiff.victim.preferred_language = "en".into();
    // Nobody but the victim chose: the others get both languages.
    assert!(all(sent_in(&cardiff, &supporter), BILINGUAL));
    assert!(all(sent_in(&cardiff, &wcu), BILINGUAL));

    // The supporter chose Welsh and the witness care unit English.
    if let Some(s) = cardiff.supporter.as_mut() {
        s.language = Some("cy".into());
    }
    cardiff.partner_languages.insert(wcu.key(), "en".into());
    assert!(all(sent_in(&cardiff, &supporter), "cy"));
    assert!(all(sent_in(&cardiff, &wcu), "en"));

    // Another unit's choice is not this one's.
    let mut other_unit = cardiff.clone();
    other_unit.partner_languages.clear();
    other_unit
        .partner_languages
        .insert("wcu:WCU-2".into(), "en".into());
    assert!(all(sent_in(&other_unit, &wcu), BILINGUAL));

    // At a court in England a supporter who chose Welsh gets Welsh; a unit
    // that chose nothing gets English.
    let mut leeds = criminal();
    if let Some(s) = leeds.supporter.as_mut() {
        s.language = Some("cy".into());
    }
    assert!(all(sent_in(&leeds, &supporter), "cy"));
    assert!(all(sent_in(&leeds, &wcu), "en"));
}

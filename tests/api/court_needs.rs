//! Needs at court (issue 19, item 1): the tables on whichever backend the
//! suite runs on (CI runs it on both). These are store tests of the
//! migration: they use the pool directly. The API, page and flow tests
//! come with the use case (see docs/notes/notes-courtday.md).

use courtside::store;
use courtside::store::schema::{court_need_disclosures, court_need_settings, court_needs};
use diesel::prelude::*;

use crate::helpers::*;

#[actix_web::test]
async fn a_need_a_disclosure_and_a_court_setting_round_trip_and_keys_are_enforced() {
    let app = TestApp::spawn().await;
    let amara = app.login(AMARA).await;
    let amara_id = app.user_id(&amara).await;
    let victim = app
        .give_consents(&amara, "V-1001", &["witness_service_referral"])
        .await;
    let hearing = app.family_hearing_this_afternoon(&amara).await;
    let court = app.court_id(&amara, "Leeds Combined Court Centre").await;
    let ts = store::to_db(test_now());
    let mut conn = app.pool.get().unwrap();

    let need_id = store::new_id();
    diesel::insert_into(court_needs::table)
        .values((
            court_needs::id.eq(&need_id),
            court_needs::victim_id.eq(&victim),
            court_needs::kind.eq("interpreter"),
            court_needs::language.eq(Some("Polish")),
            court_needs::basis.eq(Some("consent")),
            court_needs::recorded_by.eq(&amara_id),
            court_needs::recorded_at.eq(ts),
            court_needs::version.eq(1),
            court_needs::created_at.eq(ts),
            court_needs::updated_at.eq(ts),
        ))
        .execute(&mut *conn)
        .unwrap();
    let (kind, language): (String, Option<String>) = court_needs::table
        .filter(court_needs::victim_id.eq(&victim))
        .select((court_needs::kind, court_needs::language))
        .first(&mut *conn)
        .unwrap();
    assert_eq!(
        (kind.as_str(), language.as_deref()),
        ("interpreter", Some("Polish"))
    );

    let orphan = diesel::insert_into(court_needs::table)
        .values((
            court_needs::id.eq(store::new_id()),
            court_needs::victim_id.eq("no-such-victim"),
            court_needs::kind.eq("bsl_interpreter"),
            court_needs::recorded_by.eq(&amara_id),
            court_needs::recorded_at.eq(ts),
            court_needs::version.eq(1),
            court_needs::created_at.eq(ts),
            court_needs::updated_at.eq(ts),
        ))
        .execute(&mut *conn);
    assert!(orphan.is_err(), "a need for no victim is refused");

    diesel::insert_into(court_need_disclosures::table)
        .values((
            court_need_disclosures::id.eq(store::new_id()),
            court_need_disclosures::hearing_id.eq(&hearing),
            court_need_disclosures::partner.eq("witness_service"),
            court_need_disclosures::told_at.eq(ts),
        ))
        .execute(&mut *conn)
        .unwrap();
    let told = diesel::insert_into(court_need_disclosures::table)
        .values((
            court_need_disclosures::id.eq(store::new_id()),
            court_need_disclosures::hearing_id.eq("no-such-hearing"),
            court_need_disclosures::partner.eq("court"),
            court_need_disclosures::told_at.eq(ts),
        ))
        .execute(&mut *conn);
    assert!(told.is_err(), "a disclosure for no hearing is refused");

    diesel::insert_into(court_need_settings::table)
        .values((
            court_need_settings::court_id.eq(&court),
            court_need_settings::short_notice_working_days.eq(10),
            court_need_settings::updated_at.eq(ts),
        ))
        .execute(&mut *conn)
        .unwrap();
    let days: i32 = court_need_settings::table
        .find(&court)
        .select(court_need_settings::short_notice_working_days)
        .first(&mut *conn)
        .unwrap();
    assert_eq!(days, 10);
    drop(conn);
    app.stop().await;
}

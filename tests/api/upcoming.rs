//! The one filter for upcoming hearings (`store::upcoming`) says, in SQL on
//! this backend, what `HearingStatus::is_upcoming` and `upcoming_at` say in
//! Rust. A store test: it writes hearings through the pool directly.

use chrono::Duration;
use courtside::domain::HearingStatus;
use courtside::store::schema::hearings;
use courtside::store::{self, upcoming};
use diesel::prelude::*;

use crate::helpers::*;

#[actix_web::test]
async fn the_upcoming_filter_agrees_with_the_rule_on_every_status_and_start() {
    let app = TestApp::spawn().await;
    let mut conn = app.pool.get().unwrap();
    let now = test_now();
    let (case_id, court_id, kind): (String, String, String) = hearings::table
        .select((hearings::case_id, hearings::court_id, hearings::kind))
        .first(&mut *conn)
        .unwrap();
    let starts = [
        -Duration::days(2),
        -Duration::minutes(1),
        Duration::zero(),
        Duration::minutes(1),
        Duration::days(30),
    ];
    let mut ours: Vec<(String, HearingStatus, chrono::DateTime<chrono::Utc>)> = Vec::new();
    for status in HearingStatus::ALL {
        for after in starts {
            let id = store::new_id();
            let starts_at = now + after;
            diesel::insert_into(hearings::table)
                .values((
                    hearings::id.eq(&id),
                    hearings::case_id.eq(&case_id),
                    hearings::kind.eq(&kind),
                    hearings::status.eq(status.as_str()),
                    hearings::court_id.eq(&court_id),
                    hearings::starts_at.eq(store::to_db(starts_at)),
                    hearings::estimated_minutes.eq(60),
                    hearings::victim_attends.eq(false),
                    hearings::victim_gives_evidence.eq(false),
                    hearings::created_at.eq(store::to_db(now)),
                    hearings::updated_at.eq(store::to_db(now)),
                ))
                .execute(&mut *conn)
                .unwrap();
            ours.push((id, *status, starts_at));
        }
    }
    let ids: Vec<&str> = ours.iter().map(|(id, ..)| id.as_str()).collect();

    let mut found: Vec<String> = hearings::table
        .filter(hearings::id.eq_any(&ids))
        .filter(upcoming::upcoming_at(now))
        .select(hearings::id)
        .load(&mut *conn)
        .unwrap();
    found.sort();
    let mut expected: Vec<String> = ours
        .iter()
        .filter(|(_, status, starts_at)| status.upcoming_at(*starts_at, now))
        .map(|(id, ..)| id.clone())
        .collect();
    expected.sort();
    assert_eq!(found, expected);
    assert_eq!(
        expected.len(),
        4,
        "listed and moved, each at two later starts"
    );

    let flags: Vec<(String, bool)> = hearings::table
        .filter(hearings::id.eq_any(&ids))
        .select((hearings::id, upcoming::still_to_happen()))
        .load(&mut *conn)
        .unwrap();
    assert_eq!(flags.len(), ours.len());
    for (id, still) in flags {
        let (_, status, _) = ours.iter().find(|(o, ..)| *o == id).unwrap();
        assert_eq!(still, status.is_upcoming(), "{status}");
    }
    drop(conn);
    app.stop().await;
}

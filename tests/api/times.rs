//! Hearing times across the clock changes keep their exact instant and
//! come back in court-local time with the right offset.

use reqwest::StatusCode;
use serde_json::json;

use crate::helpers::*;

#[actix_web::test]
async fn dst_crossing_hearing_times_round_trip_exactly() {
    let app = TestApp::spawn().await;
    let wendy = app.login(WENDY).await;
    let case = app
        .find_id("/api/v1/cases", &wendy, "urn", "13AB1234526")
        .await;
    let court = app.court_id(&wendy, "Leeds Combined Court Centre").await;

    // (what the WCO sends, the UTC instant, the local time shown)
    let table = [
        // Saturday before the spring change: GMT.
        (
            "2026-03-28T10:00:00+00:00",
            "2026-03-28T10:00:00Z",
            "2026-03-28T10:00:00+00:00",
        ),
        // Monday after it: BST, one hour ahead of UTC.
        (
            "2026-03-30T10:00:00+01:00",
            "2026-03-30T09:00:00Z",
            "2026-03-30T10:00:00+01:00",
        ),
        // The same instant sent in UTC is shown locally.
        (
            "2026-03-30T09:00:00Z",
            "2026-03-30T09:00:00Z",
            "2026-03-30T10:00:00+01:00",
        ),
        // 01:30 happens twice on 25 October 2026: both instants stay apart.
        (
            "2026-10-25T01:30:00+01:00",
            "2026-10-25T00:30:00Z",
            "2026-10-25T01:30:00+01:00",
        ),
        (
            "2026-10-25T01:30:00+00:00",
            "2026-10-25T01:30:00Z",
            "2026-10-25T01:30:00+00:00",
        ),
        // The day after the autumn change: GMT again.
        (
            "2026-10-26T10:00:00+00:00",
            "2026-10-26T10:00:00Z",
            "2026-10-26T10:00:00+00:00",
        ),
        // 2027's spring change.
        (
            "2027-03-29T09:30:00+01:00",
            "2027-03-29T08:30:00Z",
            "2027-03-29T09:30:00+01:00",
        ),
    ];
    for (sent, utc, shown) in table {
        let created = app
            .create(
                "/api/v1/hearings",
                &wendy,
                json!({"case_id": case, "kind": "mention", "court_id": court,
                       "starts_at": sent, "estimated_minutes": 30}),
            )
            .await;
        assert_eq!(created["starts_at"], utc, "sent {sent}");
        assert_eq!(created["starts_at_local"], shown, "sent {sent}");
        let (status, read) = app
            .get(
                &format!("/api/v1/hearings/{}", created["id"].as_str().unwrap()),
                &wendy,
            )
            .await;
        assert_eq!(status, StatusCode::OK);
        assert_eq!(read["starts_at"], utc, "read back {sent}");
        assert_eq!(read["starts_at_local"], shown, "read back {sent}");
    }

    // A hearing that runs across the change shows its end in BST.
    let across = app
        .create(
            "/api/v1/hearings",
            &wendy,
            json!({"case_id": case, "kind": "trial", "court_id": court,
                   "starts_at": "2026-03-28T23:30:00+00:00", "estimated_minutes": 180}),
        )
        .await;
    assert_eq!(across["ends_at_local"], "2026-03-29T03:30:00+01:00");

    // Filtering by instant respects the offset given.
    let (status, list) = app
        .get(
            &format!(
                "/api/v1/hearings?case_id={case}&from=2026-03-30T10:00:00%2B01:00&to=2026-03-30T10:00:01%2B01:00"
            ),
            &wendy,
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{list}");
    assert_eq!(list["total"], 2, "{list}");
    app.stop().await;
}

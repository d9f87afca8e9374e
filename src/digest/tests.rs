//! The digest lands at 07:30 London time whatever the offset, and a day's
//! digest is planned only on that day, from 07:30.

use super::*;
use chrono::TimeZone;

fn utc(y: i32, m: u32, d: u32, h: u32, min: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(y, m, d, h, min, 0).unwrap()
}

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

#[test]
fn the_digest_is_at_half_past_seven_london_time_around_every_clock_change() {
    // (London date, 07:30 there in UTC): the day before, the day of and the
    // day after each change in 2026 and 2027.
    let table = [
        (day(2026, 3, 28), utc(2026, 3, 28, 7, 30)),
        (day(2026, 3, 29), utc(2026, 3, 29, 6, 30)),
        (day(2026, 3, 30), utc(2026, 3, 30, 6, 30)),
        (day(2026, 10, 24), utc(2026, 10, 24, 6, 30)),
        (day(2026, 10, 25), utc(2026, 10, 25, 7, 30)),
        (day(2026, 10, 26), utc(2026, 10, 26, 7, 30)),
        (day(2027, 3, 27), utc(2027, 3, 27, 7, 30)),
        (day(2027, 3, 28), utc(2027, 3, 28, 6, 30)),
        (day(2027, 3, 29), utc(2027, 3, 29, 6, 30)),
        (day(2027, 10, 30), utc(2027, 10, 30, 6, 30)),
        (day(2027, 10, 31), utc(2027, 10, 31, 7, 30)),
        (day(2027, 11, 1), utc(2027, 11, 1, 7, 30)),
    ];
    for (date, want) in table {
        assert_eq!(digest_at(date), want, "{date}");
        let local = crate::calendar::to_london(digest_at(date));
        assert_eq!(local.format("%H:%M").to_string(), "07:30", "{date}");
        assert_eq!(local.date_naive(), date);
    }
}

#[test]
fn a_days_digest_is_due_from_half_past_seven_that_day_and_never_late() {
    let table = [
        // Sunday 29 March 2026, BST from 01:00 UTC: 07:29 BST is too early,
        // 07:30 BST is due.
        (utc(2026, 3, 29, 6, 29), None),
        (utc(2026, 3, 29, 6, 30), Some(day(2026, 3, 29))),
        // Sunday 25 October 2026, back to GMT: 06:30 UTC is 06:30 GMT.
        (utc(2026, 10, 25, 6, 30), None),
        (utc(2026, 10, 25, 7, 30), Some(day(2026, 10, 25))),
        // Started late in the morning after being down at 07:30: today's
        // digest is still due.
        (utc(2027, 3, 28, 10, 15), Some(day(2027, 3, 28))),
        // Just before midnight London time, still today; just after
        // midnight, yesterday's is not due and today's not yet.
        (utc(2027, 10, 30, 22, 59), Some(day(2027, 10, 30))),
        (utc(2027, 10, 30, 23, 1), None),
        (utc(2027, 10, 31, 7, 29), None),
        (utc(2027, 10, 31, 7, 30), Some(day(2027, 10, 31))),
    ];
    for (now, want) in table {
        assert_eq!(due_date(now), want, "{now}");
    }
}

#[test]
fn a_digest_is_moot_at_the_end_of_its_london_day() {
    // Midnight GMT, and midnight BST (23:00 UTC); on 28 March 2026 the
    // next day starts at midnight GMT, before the clocks go forward.
    assert_eq!(moot_after(day(2026, 3, 28)), utc(2026, 3, 29, 0, 0));
    assert_eq!(moot_after(day(2026, 7, 14)), utc(2026, 7, 14, 23, 0));
    assert_eq!(moot_after(day(2026, 10, 24)), utc(2026, 10, 24, 23, 0));
}

#[test]
fn the_digest_lists_each_day_in_order_with_london_times_and_references_only() {
    let hearing = |h: u32, case: &str| HearingItem {
        start: utc(2026, 7, 14, h, 0),
        hearing_kind: "trial".into(),
        court_name: "Leeds Crown Court".into(),
        case_reference: case.into(),
        victim_reference: "V-1".into(),
    };
    let day = Day {
        hearings: vec![hearing(13, "B"), hearing(8, "A")],
        ..Day::default()
    };
    assert!(!day.is_empty());
    assert!(Day::default().is_empty());
    let data = day.data(day_date());
    assert_eq!(data["hearings"][0]["case_reference"], "A");
    assert_eq!(data["hearings"][0]["time"], "09:00", "BST");
    assert_eq!(data["hearings"][1]["time"], "14:00");
    let keys: Vec<&str> = data.keys().map(String::as_str).collect();
    for key in keys {
        assert!(
            crate::flows::TemplateKey::DailyDigest
                .allow_list()
                .contains(&key),
            "{key}"
        );
    }
}

fn day_date() -> NaiveDate {
    day(2026, 7, 14)
}

fn reminder_data(pairs: &[(&str, &str)]) -> Map<String, Value> {
    pairs
        .iter()
        .map(|(k, v)| (k.to_string(), json!(v)))
        .collect()
}

#[test]
fn a_reminder_notice_becomes_a_digest_line_and_no_other_notice_does() {
    let hearing = reminder_data(&[
        ("reminder_label", "in_7_days"),
        ("hearing_date", "2026-10-26"),
        ("hearing_time", "10:00"),
        ("hearing_kind", "trial"),
        ("court_name", "Leeds Crown Court"),
        ("case_reference", "13CD7654321"),
        ("victim_reference", "V-1"),
    ]);
    let item = ReminderItem::from_notice("n1", "reminder.hearing.supporter", &hearing).unwrap();
    assert_eq!(item.about, "hearing");
    assert_eq!(item.hearing_kind.as_deref(), Some("trial"));
    assert_eq!(
        (item.date.as_str(), item.time.as_str()),
        ("2026-10-26", "10:00")
    );
    let visit = reminder_data(&[
        ("reminder_label", "tomorrow"),
        ("visit_date", "2026-03-29"),
        ("visit_time", "14:00"),
        ("visit_court", "Leeds Crown Court"),
        ("case_reference", "13CD7654321"),
        ("victim_reference", "V-1"),
    ]);
    let item = ReminderItem::from_notice("n2", "reminder.visit.supporter", &visit).unwrap();
    assert_eq!(item.about, "pre_trial_visit");
    assert_eq!(item.hearing_kind, None);
    assert_eq!(item.court_name, "Leeds Crown Court");
    // Another kind of notice, or a reminder missing what its line needs,
    // is not listed (it goes on its own).
    assert_eq!(
        ReminderItem::from_notice("n3", "criminal.advisor_notice", &hearing),
        None
    );
    let mut partial = hearing.clone();
    partial.remove("hearing_time");
    assert_eq!(
        ReminderItem::from_notice("n4", "reminder.hearing.supporter", &partial),
        None
    );
}

#[test]
fn a_day_with_only_reminders_is_sent_and_lists_them_soonest_hearing_first() {
    let line = |id: &str, date: &str, time: &str| ReminderItem {
        notice_id: id.into(),
        about: "hearing".into(),
        reminder_label: "in_7_days".into(),
        date: date.into(),
        time: time.into(),
        hearing_kind: Some("trial".into()),
        court_name: "Leeds Crown Court".into(),
        case_reference: "A".into(),
        victim_reference: "V-1".into(),
    };
    let day = Day {
        reminders: vec![
            line("late", "2026-10-26", "14:00"),
            line("early", "2026-10-26", "10:00"),
            line("first", "2026-10-25", "16:00"),
        ],
        ..Day::default()
    };
    assert!(!day.is_empty());
    let data = day.data(day_date());
    let order: Vec<&str> = data["reminders"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["notice_id"].as_str().unwrap())
        .collect();
    assert_eq!(order, ["first", "early", "late"]);
}

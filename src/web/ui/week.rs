//! "My week": a supporter's hearings, pre-trial visits, parole milestones,
//! tasks and deadlines for seven days from a date, in UK time, with
//! clashes flagged.

use chrono::{DateTime, Datelike, Duration, NaiveDate, Utc};
use serde::Deserialize;
use serde_json::{json, Value};

use crate::calendar::{self};
use crate::domain::{HearingStatus, Role};
use crate::error::AppResult;
use crate::policy::{Action, ResourceKind};
use crate::store::AnyConn;
use crate::web::api::resource::Ctx;
use crate::web::AppState;

use super::forms::parse_date;
use super::i18n::{self, clock, day, text, text_with, Lang};
use super::lookup::{Lookup, Named};
use super::session::{Session, SessionToken};
use super::{draw_part, drawn_around, labels, layout, with_session, PageResult};
use crate::app;
use crate::app::authorise;
use crate::calendar::agenda::{self, ClashKind, Event};
use std::sync::Arc;

use actix_web::web;

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.route("/week", web::get().to(week));
}

#[derive(Deserialize)]
struct WeekQuery {
    from: Option<String>,
}

/// One thing in the agenda.
struct Entry {
    starts_at: DateTime<Utc>,
    ends_at: Option<DateTime<Utc>>,
    /// London date it is listed under.
    date: NaiveDate,
    all_day: bool,
    title: String,
    place: Option<String>,
    detail: String,
    href: Option<String>,
    tag: Option<(String, &'static str)>,
    /// Takes part in clash detection.
    event: Option<Event>,
    clashes: Vec<String>,
    /// The day's safety plan, in rows, with a link to it.
    plan: Option<Value>,
    /// The day's updates on how the hearing is going, newest first, with
    /// a link to record one.
    updates: Option<Value>,
}

impl Entry {
    fn json(&self, lang: Lang, anchor: &str) -> Value {
        let time = if self.all_day {
            text(lang, "week-all-day")
        } else {
            match self.ends_at {
                Some(end) => format!("{}–{}", clock(lang, self.starts_at), clock(lang, end)),
                None => clock(lang, self.starts_at),
            }
        };
        json!({
            "id": anchor,
            "time": time,
            "title": self.title,
            "place": self.place,
            "detail": self.detail,
            "href": self.href,
            "tag": self.tag.as_ref().map(|t| t.0.clone()),
            "tag_class": self.tag.as_ref().map(|t| t.1),
            "clashes": self.clashes,
            "clash": !self.clashes.is_empty(),
            "plan": self.plan,
            "updates": self.updates,
        })
    }
}

fn describe_clash(lang: Lang, kind: ClashKind, other: &Entry) -> String {
    let what = match &other.place {
        Some(place) => text_with(
            lang,
            "week-entry-at-place",
            &[("title", other.title.clone()), ("place", place.clone())],
        ),
        None => other.title.clone(),
    };
    let when = match other.ends_at {
        Some(end) => format!("{}–{}", clock(lang, other.starts_at), clock(lang, end)),
        None => clock(lang, other.starts_at),
    };
    match kind {
        ClashKind::Overlap => text_with(
            lang,
            "week-clash-overlap",
            &[("what", what), ("when", when)],
        ),
        ClashKind::TooLittleTravelTime { gap_minutes } => text_with(
            lang,
            "week-clash-travel",
            &[
                ("gap", gap_minutes.to_string()),
                ("what", what),
                ("when", when),
                (
                    "least",
                    agenda::MIN_GAP_BETWEEN_COURTS.num_minutes().to_string(),
                ),
            ],
        ),
    }
}

/// "Plea and trial preparation hearing at Leeds Combined Court Centre,
/// Monday 30 March 2026, 10:00 (BST)": which hearing a deadline counts from.
fn name_hearing(lang: Lang, look: &Lookup, h: &crate::resources::HearingOut) -> String {
    text_with(
        lang,
        "week-hearing-named",
        &[
            ("kind", labels::hearing_kind_in(lang, h.kind)),
            ("court", look.court(&h.court_id)),
            ("when", super::i18n::long(lang, h.starts_at)),
        ],
    )
}

/// A safety plan on the week, in rows, with the link to its page.
/// Where a deadline is worked on: a risk meeting's on the victim's
/// meetings, the rest on the case.
fn deadline_href(d: &crate::resources::DeadlineOut) -> Option<String> {
    if crate::policy::RISK_DEADLINE_KINDS.contains(&d.kind.as_str()) {
        return Some(format!("/victims/{}/risk-meetings", d.victim_id));
    }
    d.case_id.as_ref().map(|c| format!("/cases/{c}"))
}

fn plan_json(lang: Lang, p: &app::safety_plans::SafetyPlanOut, hearing_id: &str) -> Value {
    let rows: Vec<Value> = super::safety_plans::summary_in(lang, p)
        .into_iter()
        .map(|(k, v)| json!({"key": k, "value": v}))
        .collect();
    json!({
        "rows": rows,
        "href": format!("/hearings/{hearing_id}/safety-plan"),
    })
}

/// A hearing's updates on one court day (London date), newest first, with
/// the link to its on-the-day page; None on another day with none.
fn updates_json(
    lang: Lang,
    updates: Option<&Vec<app::trial_updates::TrialUpdateOut>>,
    hearing_id: &str,
    date: NaiveDate,
    today: NaiveDate,
) -> Option<Value> {
    let items: Vec<Value> = updates
        .into_iter()
        .flatten()
        .filter(|u| calendar::london_date(u.recorded_at) == date)
        .map(|u| super::trial_updates::update_json(lang, u))
        .collect();
    (date == today || !items.is_empty()).then(|| {
        json!({
            "items": items,
            "href": format!("/hearings/{hearing_id}/trial-updates"),
            "today": date == today,
        })
    })
}

/// The Witness Service's week: the safety plans it may read for hearings
/// at its court that start in the week (each read audited by the use
/// case).
fn build_service(conn: &mut AnyConn, ctx: &Ctx, lang: Lang, from: NaiveDate) -> AppResult<Value> {
    let plans = app::safety_plans::service_week(conn, ctx, from)?;
    let planned: Vec<String> = plans.iter().map(|p| p.hearing_id.clone()).collect();
    let updates = app::trial_updates::for_hearings(conn, ctx, &planned)?;
    let last = from + Duration::days(6);
    let mut days = Vec::new();
    for n in 0..7 {
        let date = from + Duration::days(n);
        let mut items: Vec<Value> = plans
            .iter()
            .enumerate()
            .filter(|(_, p)| calendar::london_date(p.starts_at) == date)
            .map(|(i, p)| {
                let kind = crate::domain::HearingKind::from_db(&p.hearing_kind)
                    .map(|k| labels::hearing_kind_in(lang, k))
                    .unwrap_or_else(|_| text(lang, "week-hearing"));
                json!({
                    "id": format!("entry-{i}"),
                    "time": clock(lang, p.starts_at),
                    "title": kind,
                    "place": p.courtroom,
                    "detail": text_with(lang, "week-service-plan-detail", &[("victim", p.victim_reference.clone())]),
                    "href": format!("/hearings/{}/safety-plan", p.hearing_id),
                    "tag": Value::Null,
                    "tag_class": Value::Null,
                    "clashes": Vec::<String>::new(),
                    "clash": false,
                    "plan": plan_json(lang, &p.plan, &p.hearing_id),
                    "updates": updates_json(lang, updates.get(&p.hearing_id), &p.hearing_id, date, ctx.today()),
                })
            })
            .collect();
        // Hearings at the court with updates that day and no plan listed.
        let mut others: Vec<(String, String, Vec<app::trial_updates::TrialUpdateOut>)> = Vec::new();
        for (reference, u) in app::trial_updates::service_day(conn, ctx, date)? {
            if planned.contains(&u.hearing_id) {
                continue;
            }
            match others.iter_mut().find(|(h, _, _)| *h == u.hearing_id) {
                Some((_, _, list)) => list.push(u),
                None => others.push((u.hearing_id.clone(), reference, vec![u])),
            }
        }
        for (hearing_id, reference, found) in others {
            items.push(json!({
                "id": format!("updates-{hearing_id}"),
                "time": text(lang, "week-on-the-day"),
                "title": text(lang, "week-updates-title"),
                "place": Value::Null,
                "detail": text_with(lang, "week-victim", &[("victim", reference)]),
                "href": format!("/hearings/{hearing_id}/trial-updates"),
                "tag": Value::Null,
                "tag_class": Value::Null,
                "clashes": Vec::<String>::new(),
                "clash": false,
                "plan": Value::Null,
                "updates": updates_json(lang, Some(&found), &hearing_id, date, ctx.today()),
            }));
        }
        days.push(json!({
            "heading": day(lang, date),
            "today": date == ctx.today(),
            "items": items,
        }));
    }
    Ok(json!({
        "range": text_with(lang, "week-range", &[("from", day(lang, from)), ("to", day(lang, last))]),
        "days": days,
        "clash_heading": "",
        "clashes": Vec::<Value>::new(),
        "tasks": Vec::<Value>::new(),
        "show_tasks": false,
        "overdue": Vec::<Value>::new(),
        "notes": Vec::<String>::new(),
        "previous": format!("/week?from={}", from - Duration::days(7)),
        "next": format!("/week?from={}", from + Duration::days(7)),
        "this_week": from != ctx.today(),
        "from": from.to_string(),
    }))
}

/// The cases and victims the week's entries name.
fn named_in(week: &app::agenda::Week) -> Named {
    let mut named = Named::default();
    for wh in &week.hearings {
        named.case(&wh.hearing.case_id);
    }
    for v in &week.pre_trial_visits {
        named.case(&v.case_id);
    }
    for m in &week.parole_milestones {
        named.victim(&m.victim_id);
    }
    for d in &week.deadlines {
        named.record(d.case_id.as_deref(), &d.victim_id);
    }
    for t in &week.tasks {
        if let Some(c) = &t.case_id {
            named.case(c);
        }
    }
    named
}

/// What the page reads beside the week, kept with it.
struct WeekNames {
    look: Lookup,
    updates: std::collections::HashMap<String, Vec<app::trial_updates::TrialUpdateOut>>,
}

fn build(
    conn: &mut AnyConn,
    ctx: &Ctx,
    lang: Lang,
    from: NaiveDate,
    kept: &app::agenda::KeptWeek,
) -> AppResult<Value> {
    let week = &kept.week;
    let (start, _) = app::agenda::Week::bounds(from);
    // The names and the hearings' updates, read once with the week.
    let made = kept.extra(|week| {
        let ctx = &ctx.pinned(conn)?;
        let look = Lookup::naming(conn, ctx, &named_in(week))?;
        let hearing_ids: Vec<String> = week
            .hearings
            .iter()
            .map(|wh| wh.hearing.id.clone())
            .collect();
        let updates = app::trial_updates::for_hearings(conn, ctx, &hearing_ids)?;
        Ok(WeekNames { look, updates })
    })?;
    let (look, updates) = (&made.look, &made.updates);
    let mut entries: Vec<Entry> = Vec::new();
    let plans: std::collections::HashMap<&str, &app::safety_plans::SafetyPlanOut> = week
        .safety_plans
        .iter()
        .map(|p| (p.hearing_id.as_str(), p))
        .collect();

    for wh in &week.hearings {
        let h = &wh.hearing;
        let plan = plans.get(h.id.as_str()).map(|p| plan_json(lang, p, &h.id));
        for s in &wh.sittings {
            let mut title = labels::hearing_kind_in(lang, h.kind);
            if s.days > 1 {
                title = text_with(
                    lang,
                    "week-sitting-day",
                    &[
                        ("title", title),
                        ("day", s.day.to_string()),
                        ("days", s.days.to_string()),
                    ],
                );
            }
            let mut place = look.court(&h.court_id);
            if let Some(room) = &h.courtroom {
                place = format!("{place}, {room}");
            }
            let tag = match h.status {
                HearingStatus::Listed => None,
                other => Some((
                    labels::hearing_status_in(lang, other),
                    if other.is_upcoming() {
                        "tag--yellow"
                    } else {
                        "tag--grey"
                    },
                )),
            };
            entries.push(Entry {
                starts_at: s.starts_at,
                ends_at: Some(s.ends_at),
                date: calendar::london_date(s.starts_at),
                all_day: false,
                title,
                place: Some(place),
                detail: text_with(
                    lang,
                    if h.victim_gives_evidence {
                        "week-hearing-detail-evidence"
                    } else {
                        "week-hearing-detail"
                    },
                    &[
                        ("case", look.case_ref(&h.case_id)),
                        ("victim", look.case_victim_ref(&h.case_id)),
                    ],
                ),
                href: Some(format!("/cases/{}", h.case_id)),
                tag,
                event: (h.status.is_upcoming()).then(|| Event {
                    starts_at: s.starts_at,
                    ends_at: s.ends_at,
                    court_id: Some(h.court_id.clone()),
                }),
                clashes: Vec::new(),
                plan: plan.clone(),
                updates: (h.status != HearingStatus::Vacated)
                    .then(|| {
                        updates_json(
                            lang,
                            updates.get(&h.id),
                            &h.id,
                            calendar::london_date(s.starts_at),
                            ctx.today(),
                        )
                    })
                    .flatten(),
            });
        }
    }

    for v in &week.pre_trial_visits {
        let Some(s) = v.starts_at else { continue };
        let e = s + Duration::minutes(agenda::VISIT_MINUTES);
        entries.push(Entry {
            starts_at: s,
            ends_at: Some(e),
            date: calendar::london_date(s),
            all_day: false,
            title: text(lang, "week-visit"),
            place: Some(look.court(&v.court_id)),
            detail: text_with(
                lang,
                if v.supporter_attends {
                    "week-visit-detail-attend"
                } else {
                    "week-hearing-detail"
                },
                &[
                    ("case", look.case_ref(&v.case_id)),
                    ("victim", look.case_victim_ref(&v.case_id)),
                ],
            ),
            href: Some(format!("/cases/{}", v.case_id)),
            tag: Some((labels::visit_state_in(lang, v.state), "tag--blue")),
            event: Some(Event {
                starts_at: s,
                ends_at: e,
                court_id: Some(v.court_id.clone()),
            }),
            clashes: Vec::new(),
            plan: None,
            updates: None,
        });
    }

    for m in &week.parole_milestones {
        let Some(d) = m.occurs_on else { continue };
        entries.push(Entry {
            starts_at: calendar::start_of_london_day(d),
            ends_at: None,
            date: d,
            all_day: true,
            title: labels::parole_kind_in(lang, m.kind),
            place: None,
            detail: text_with(
                lang,
                "week-parole-detail",
                &[("victim", look.victim_ref(&m.victim_id))],
            ),
            href: None,
            tag: None,
            event: None,
            clashes: Vec::new(),
            plan: None,
            updates: None,
        });
    }

    // The supporter's risk meetings: the kind, panel and victim, and when
    // the paperwork is due.
    for w in &week.risk_meetings {
        let m = &w.meeting;
        entries.push(Entry {
            starts_at: m.starts_at,
            ends_at: None,
            date: calendar::london_date(m.starts_at),
            all_day: false,
            title: labels::risk_meeting_kind_in(lang, m.kind),
            place: Some(m.panel.clone()),
            detail: text_with(
                lang,
                "week-risk-meeting-detail",
                &[
                    ("victim", w.victim_reference.clone()),
                    ("due", super::i18n::long(lang, m.paperwork_due_at)),
                ],
            ),
            href: Some(format!("/risk-meetings/{}", m.id)),
            tag: Some((text(lang, "week-tag-risk-meeting"), "tag--blue")),
            event: None,
            clashes: Vec::new(),
            plan: None,
            updates: None,
        });
    }

    // Statement-taking and ABE-interview appointments this person is
    // booked on, with their part in it.
    for w in &week.statement_appointments {
        let a = &w.appointment;
        let part = match w.part.as_str() {
            "supporter" => text(lang, "week-statement-part-supporter"),
            "alternative_supporter" => text(lang, "week-statement-part-alternative"),
            _ => text(lang, "week-statement-part-officer"),
        };
        entries.push(Entry {
            starts_at: a.starts_at,
            ends_at: None,
            date: calendar::london_date(a.starts_at),
            all_day: false,
            title: labels::statement_appointment_kind_in(lang, a.kind),
            place: Some(a.place.clone()),
            detail: text_with(
                lang,
                "week-statement-detail",
                &[("part", part), ("victim", w.victim_reference.clone())],
            ),
            href: Some(format!("/statement-appointments/{}", a.id)),
            tag: Some((text(lang, "week-tag-statement"), "tag--blue")),
            event: None,
            clashes: Vec::new(),
            plan: None,
            updates: None,
        });
    }

    // Deadlines due in the week, and those already past: who must tell
    // whom, by when, and for which hearing.
    let hearings = app::agenda::hearings_by_id(week);
    let mut overdue = Vec::new();
    for d in &week.deadlines {
        let hearing = d
            .hearing_id
            .as_deref()
            .and_then(|id| hearings.get(id))
            .map(|h| name_hearing(lang, look, h));
        let case = d.case_id.as_deref().map(|c| look.case_ref(c));
        let mut parts = vec![text(lang, "week-deadline")];
        if let Some(h) = hearing {
            parts.push(text_with(lang, "week-deadline-for", &[("hearing", h)]));
        }
        if let Some(c) = case {
            parts.push(text_with(lang, "week-deadline-case", &[("case", c)]));
        }
        parts.push(text_with(
            lang,
            "week-deadline-victim",
            &[("victim", look.victim_ref(&d.victim_id))],
        ));
        if !d.confirmed {
            parts.push(text(lang, "week-deadline-unconfirmed"));
        }
        let detail = parts.join(" · ");
        let title = text_with(
            lang,
            "week-deadline-due",
            &[("what", labels::deadline_kind_in(lang, &d.kind))],
        );
        if d.due_at < start {
            overdue.push(json!({
                "title": title,
                "due": super::i18n::long(lang, d.due_at),
                "detail": detail,
                "href": deadline_href(d),
            }));
            continue;
        }
        entries.push(Entry {
            starts_at: d.due_at,
            ends_at: None,
            date: calendar::london_date(d.due_at),
            all_day: false,
            title,
            place: None,
            detail,
            href: deadline_href(d),
            tag: Some((text(lang, "week-tag-deadline"), "tag--grey")),
            event: None,
            clashes: Vec::new(),
            plan: None,
            updates: None,
        });
    }

    // Open tasks for this role (and, where named, for this person).
    let tasks: Vec<Value> = week
        .tasks
        .iter()
        .map(|t| {
            json!({
                "title": labels::task_kind_in(lang, &t.kind),
                "detail": t.detail,
                "due": t
                    .due_at
                    .map(|d| super::i18n::long(lang, d))
                    .unwrap_or_else(|| text(lang, "week-no-date")),
                "overdue": t.due_at.is_some_and(|d| d < ctx.now),
                "case": t.case_id.as_deref().map(|c| look.case_ref(c)),
                "href": t.case_id.as_ref().map(|c| format!("/cases/{c}")),
            })
        })
        .collect();

    entries.sort_by(|a, b| {
        (a.date, !a.all_day, a.starts_at, &a.title).cmp(&(
            b.date,
            !b.all_day,
            b.starts_at,
            &b.title,
        ))
    });

    // Clashes among the timed events: only on a supporter's own week,
    // where every hearing and visit is one she goes to. Anyone else's
    // week lists other people's commitments (a manager's, every case of
    // the service), where two at once is no clash.
    let attends = ctx.actor.role == Role::Supporter;
    let timed: Vec<usize> = entries
        .iter()
        .enumerate()
        .filter(|(_, e)| attends && e.event.is_some())
        .map(|(i, _)| i)
        .collect();
    let events: Vec<Event> = timed
        .iter()
        .filter_map(|&i| entries[i].event.clone())
        .collect();
    let found = agenda::clashes(&events);
    let mut clash_list = Vec::new();
    for c in &found {
        let (ia, ib) = (timed[c.a], timed[c.b]);
        let to_a = describe_clash(lang, c.kind, &entries[ib]);
        let to_b = describe_clash(lang, c.kind, &entries[ia]);
        entries[ia].clashes.push(to_a);
        entries[ib].clashes.push(to_b);
        clash_list.push(json!({
            "text": text_with(
                lang,
                match c.kind {
                    ClashKind::Overlap => "week-clash-list-overlap",
                    ClashKind::TooLittleTravelTime { .. } => "week-clash-list-travel",
                },
                &[
                    ("day", day(lang, entries[ia].date)),
                    ("first", entries[ia].title.clone()),
                    ("first_time", clock(lang, entries[ia].starts_at)),
                    ("second", entries[ib].title.clone()),
                    ("second_time", clock(lang, entries[ib].starts_at)),
                ],
            ),
            "href": format!("#entry-{ia}"),
        }));
    }

    let mut days = Vec::new();
    for n in 0..7 {
        let date = from + Duration::days(n);
        let items: Vec<Value> = entries
            .iter()
            .enumerate()
            .filter(|(_, e)| e.date == date)
            .map(|(i, e)| e.json(lang, &format!("entry-{i}")))
            .collect();
        days.push(json!({
            "heading": day(lang, date),
            "today": date == ctx.today(),
            "items": items,
        }));
    }

    let last = from + Duration::days(6);
    let mut notes = Vec::new();
    let years = [from.year(), last.year()];
    let changes = years.iter().flat_map(|&y| {
        [
            (calendar::bst_starts(y), "week-note-clocks-forward"),
            (calendar::bst_ends(y), "week-note-clocks-back"),
        ]
    });
    let mut seen = Vec::new();
    for (change, key) in changes {
        if seen.contains(&change) {
            continue;
        }
        seen.push(change);
        if change >= from && change <= last {
            notes.push(text_with(lang, key, &[("day", day(lang, change))]));
        }
    }

    Ok(json!({
        "range": text_with(lang, "week-range", &[("from", day(lang, from)), ("to", day(lang, last))]),
        "days": days,
        "clash_heading": text_with(lang, "week-clash-heading", &[("count", clash_list.len().to_string())]),
        "clashes": clash_list,
        "tasks": tasks,
        "show_tasks": true,
        "overdue": overdue,
        "notes": notes,
        "previous": format!("/week?from={}", from - Duration::days(7)),
        "next": format!("/week?from={}", from + Duration::days(7)),
        "this_week": from != ctx.today(),
        "from": from.to_string(),
    }))
}

/// The week's page inside the layout, as drawn: its words (the keys for
/// the page's record) and, for a kept one, which open tasks were overdue.
struct Drawn {
    html: String,
    used: Vec<String>,
    untranslated: Vec<String>,
    overdue: Vec<bool>,
}

/// The drawn pages of a kept week, by language and whether the asked-for
/// date was unreadable. Everything in them is made from the kept week and
/// the records kept beside it (for the same person, role, week and day:
/// the week's key), so they hold while it does; the only part that moves
/// with the clock within a day, which open tasks are overdue, is checked
/// on each request. Nothing of the session is in them: the layout (name,
/// anti-forgery token, menu) is drawn around them on each request.
#[derive(Default)]
struct Drawings(std::sync::Mutex<std::collections::HashMap<(Lang, bool), Arc<Drawn>>>);

/// Which of the week's open tasks are overdue now.
fn overdue_now(week: &app::agenda::Week, now: DateTime<Utc>) -> Vec<bool> {
    week.tasks
        .iter()
        .map(|t| t.due_at.is_some_and(|d| d < now))
        .collect()
}

/// The page's data as a whole: the week's words, and the heading and the
/// notice of an unreadable date.
fn data_with(mut data: Value, s: &Session, bad_date: bool) -> Value {
    data["bad_date"] = json!(bad_date);
    data["heading"] = json!(heading(s));
    data
}

fn heading(s: &Session) -> String {
    if s.role() == Role::Supporter {
        text(s.lang, "nav-week")
    } else {
        text(s.lang, "nav-week-ahead")
    }
}

/// Draws the part of the page inside the layout from its data, with the
/// words used making it.
fn draw(
    make: impl FnOnce() -> AppResult<Value>,
    lang: Lang,
    overdue: Vec<bool>,
) -> AppResult<Drawn> {
    let (html, used, untranslated) = i18n::apart(|| draw_part("week_body", lang, &make()?));
    Ok(Drawn {
        html: html?,
        used,
        untranslated,
        overdue,
    })
}

/// A supporter's (or officer's, or manager's) week drawn, from the kept
/// week's drawings when one holds for this language and hour.
fn drawn_week(
    conn: &mut AnyConn,
    s: &Session,
    ctx: &Ctx,
    from: NaiveDate,
    bad_date: bool,
    weeks: &app::agenda::WeekCache,
) -> AppResult<Arc<Drawn>> {
    let kept = app::agenda::week_cached(conn, ctx, from, weeks, s.changes)?;
    let overdue = overdue_now(&kept.week, ctx.now);
    let drawings = kept.extra(|_| Ok(Drawings::default()))?;
    let mut drawings = drawings.0.lock().unwrap_or_else(|e| e.into_inner());
    let key = (s.lang, bad_date);
    if let Some(d) = drawings.get(&key).filter(|d| d.overdue == overdue) {
        return Ok(d.clone());
    }
    let make = || {
        Ok(data_with(
            build(conn, ctx, s.lang, from, &kept)?,
            s,
            bad_date,
        ))
    };
    let d = Arc::new(draw(make, s.lang, overdue)?);
    drawings.insert(key, d.clone());
    Ok(d)
}

async fn week(
    state: web::Data<AppState>,
    unchecked: SessionToken,
    q: web::Query<WeekQuery>,
) -> PageResult {
    let today = calendar::london_date(state.clock.now());
    let (from, bad_date) = match q.from.as_deref().map(str::trim).filter(|f| !f.is_empty()) {
        None => (today, false),
        // Within a sensible range, so date arithmetic cannot overflow.
        Some(text) => match parse_date(text).filter(|d| (2000..=2100).contains(&d.year())) {
            Some(d) => (d, false),
            None => (today, true),
        },
    };
    let weeks = state.weeks.clone();
    // The session is checked in the same trip as the week.
    let (s, drawn) = with_session(&state, unchecked, move |conn, s, ctx| {
        let drawn = if s.role() == Role::WitnessServiceStaff {
            authorise(
                &s.actor,
                ResourceKind::SafetyPlan,
                Action::Read,
                "safety plan",
            )?;
            // Each safety plan read is audited: drawn afresh each time.
            let make = || {
                Ok(data_with(
                    build_service(conn, ctx, s.lang, from)?,
                    s,
                    bad_date,
                ))
            };
            Arc::new(draw(make, s.lang, Vec::new())?)
        } else {
            authorise(&s.actor, ResourceKind::Hearing, Action::Read, "hearing")?;
            drawn_week(conn, s, ctx, from, bad_date, &weeks)?
        };
        // The words it used, for the page's record.
        i18n::record(drawn.used.clone(), drawn.untranslated.clone());
        Ok(drawn)
    })
    .await?;
    around(&s, &drawn)
}

/// Whole week pages as last sent, by layout (see [`around`]), each with
/// the drawn week inside it. The drawn week is held here so that it
/// cannot be freed and another drawn at its address while its page is
/// kept.
type Pages = std::collections::HashMap<String, (Arc<Drawn>, Arc<str>)>;

static PAGES: std::sync::LazyLock<std::sync::Mutex<(Pages, usize)>> =
    std::sync::LazyLock::new(Default::default);

/// At most this many pages, or this many bytes of them, are kept; when
/// either is passed, the store starts again empty.
const MOST_PAGES: usize = 256;
const MOST_PAGE_BYTES: usize = 64 << 20;

/// The page around a drawn week. The layout is made from the session's
/// name, role, language, anti-forgery token and whether mail is off (its
/// key below holds each), so for the same layout around the same drawn
/// week (the same `Arc`: a week drawn again is a new one) the page is the
/// same text, the record of its words included. That page is kept and
/// sent again, without making the layout's data, finding its shell and
/// marking the words each time. The anti-forgery token is in the key, so
/// a kept page is never another session's.
fn around(s: &Session, drawn: &Arc<Drawn>) -> PageResult {
    let title = heading(s);
    let key = [
        s.role().as_str(),
        s.lang.code(),
        &s.display_name,
        &s.csrf,
        if s.email_off { "mail off" } else { "mail on" },
        &title,
    ]
    .join("\u{1f}");
    let pages = PAGES.lock().unwrap_or_else(|e| e.into_inner());
    if let Some((part, page)) = pages.0.get(&key) {
        if Arc::ptr_eq(part, drawn) {
            return Ok(super::html(
                actix_web::http::StatusCode::OK,
                page.to_string(),
            ));
        }
    }
    drop(pages);
    let page: Arc<str> = drawn_around("week", layout(s, &title, "week"), &drawn.html)?.into();
    let mut pages = PAGES.lock().unwrap_or_else(|e| e.into_inner());
    let (kept, bytes) = &mut *pages;
    if kept.len() >= MOST_PAGES || *bytes + page.len() > MOST_PAGE_BYTES {
        kept.clear();
        *bytes = 0;
    }
    *bytes += page.len();
    if let Some((_, old)) = kept.insert(key, (drawn.clone(), page.clone())) {
        *bytes -= old.len();
    }
    Ok(super::html(
        actix_web::http::StatusCode::OK,
        page.to_string(),
    ))
}

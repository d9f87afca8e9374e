//! The list of cases, and one case's page: hearings with their attendance
//! requests, consents, single point of contact, pre-trial visits,
//! special-measures discussions, open tasks and every notice.

use std::collections::HashMap;

use actix_web::{web, HttpRequest};
use serde::Deserialize;
use serde_json::{json, Value};

use crate::domain::{CaseKind, CaseStatus, Role};
use crate::error::AppResult;
use crate::policy::{permits, Action, ResourceKind};
use crate::resources::{
    AttendanceRequests, Cases, Consents, Hearings, Notices, PreTrialVisits,
    SpecialMeasuresDiscussions, SupporterAssignments, Tasks, Victims, Warnings,
};
use crate::store::AnyConn;
use crate::web::api::resource::Ctx;
use crate::web::AppState;

use super::case_search::{CaseFacts, CaseSearch};
use super::fields::{fill_all, Field};
use super::forms::{fold_dates, FormData, Problems};
use super::i18n::{self, text, text_with, Lang};
use super::lookup::{case_reference, Lookup};
use super::session::Session;
use super::{labels, list_all, page, read, render, require, with_conn, PageResult};

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.route("/cases", web::get().to(cases))
        .route("/cases/{id}", web::get().to(case));
}

const PER_PAGE: i64 = 50;

/// The UK day a hearing starts on, for the search.
fn hearing_day(h: &crate::resources::HearingOut) -> chrono::NaiveDate {
    crate::calendar::london_date(h.starts_at)
}

/// The cases the person may see that match the search, newest first, one
/// page of them, with the search form and the counts.
fn list(
    conn: &mut AnyConn,
    ctx: &Ctx,
    lang: Lang,
    page_no: i64,
    form: &FormData,
    mut problems: Problems,
) -> AppResult<Value> {
    let look = Lookup::load(conn, ctx)?;
    let search = CaseSearch::read(form, &mut problems);
    let all = list_all::<Cases>(conn, ctx, json!({}))?;
    // The days each case has hearings on, when a day is asked about.
    let mut days: HashMap<String, Vec<chrono::NaiveDate>> = HashMap::new();
    if let Some(d) = search.hearing_on {
        let from = crate::calendar::start_of_london_day(d);
        let to = crate::calendar::start_of_london_day(d.succ_opt().unwrap_or(d));
        for h in list_all::<Hearings>(
            conn,
            ctx,
            json!({"from": from.to_rfc3339(), "to": to.to_rfc3339()}),
        )? {
            days.entry(h.case_id.clone())
                .or_default()
                .push(hearing_day(&h));
        }
    }
    let no_days = Vec::new();
    let found: Vec<&crate::resources::CaseOut> = all
        .iter()
        .filter(|c| {
            search.matches(&CaseFacts {
                urn: c.urn.as_deref(),
                case_number: c.case_number.as_deref(),
                victim_reference: &look.victim_ref(&c.victim_id),
                court_id: c.court_id.as_deref(),
                open: c.status == CaseStatus::Open,
                kind: c.kind,
                hearing_days: days.get(&c.id).unwrap_or(&no_days),
            })
        })
        .collect();
    let total = found.len() as i64;
    let pages = ((total + PER_PAGE - 1) / PER_PAGE).max(1);
    let page_no = page_no.min(pages);
    let shown: Vec<&crate::resources::CaseOut> = found
        .into_iter()
        .skip(((page_no - 1) * PER_PAGE) as usize)
        .take(PER_PAGE as usize)
        .collect();
    // The next hearing of each case.
    let upcoming = list_all::<Hearings>(conn, ctx, json!({"from": ctx.now.to_rfc3339()}))?;
    let mut next: HashMap<String, String> = HashMap::new();
    for h in upcoming.iter().filter(|h| h.status.is_upcoming()) {
        next.entry(h.case_id.clone()).or_insert_with(|| {
            format!(
                "{}: {}",
                labels::hearing_kind_in(lang, h.kind),
                i18n::long(lang, h.starts_at)
            )
        });
    }
    let rows: Vec<Value> = shown
        .iter()
        .map(|c| {
            json!({
                "href": format!("/cases/{}", c.id),
                "reference": case_reference(c),
                "kind": labels::case_kind_in(lang, c.kind),
                "victim": look.victim_ref(&c.victim_id),
                "court": c.court_id.as_deref().map(|id| look.court(id)).unwrap_or_else(|| text(lang, "cases-not-set")),
                "open": c.status == CaseStatus::Open,
                "next": next.get(&c.id).cloned().unwrap_or_else(|| text(lang, "cases-none-listed")),
            })
        })
        .collect();
    let link = |n: i64| {
        let mut pairs = search.query_pairs();
        pairs.push(("page".into(), n.to_string()));
        format!(
            "/cases?{}",
            url::form_urlencoded::Serializer::new(String::new())
                .extend_pairs(pairs)
                .finish()
        )
    };
    let mut courts = vec![(String::new(), text(lang, "cases-all-courts"))];
    courts.extend(look.courts_sorted());
    let statuses = [
        ("", "cases-open-and-closed"),
        ("open", "case-status-open"),
        ("closed", "case-status-closed"),
    ]
    .map(|(v, key)| (v.to_string(), text(lang, key)));
    let kinds = [
        ("", "cases-any-kind"),
        ("criminal", "case-kind-criminal"),
        ("family", "case-kind-family"),
        ("civil", "cases-civil-protective-order"),
    ]
    .map(|(v, key)| (v.to_string(), text(lang, key)));
    let fields = fill_all(
        vec![
            Field::text("q", &text(lang, "cases-search-reference"))
                .hint(&text(lang, "cases-search-reference-hint")),
            Field::select("court_id", &text(lang, "cases-court"), &courts),
            Field::select("status", &text(lang, "cases-open-or-closed"), &statuses),
            Field::select("kind", &text(lang, "cases-kind-of-case"), &kinds),
            Field::date("hearing_on", &text(lang, "cases-with-a-hearing-on"))
                .hint(&text(lang, "cases-hearing-on-hint")),
        ],
        form,
        &problems,
    );
    let first = (page_no - 1) * PER_PAGE + 1;
    let last = (first + shown.len() as i64 - 1).max(first);
    let count_text = text_with(
        lang,
        if search.is_empty() {
            "cases-count"
        } else {
            "cases-count-found"
        },
        &[("count", total.to_string())],
    );
    Ok(json!({
        "fields": fields,
        "errors": problems.to_json(),
        "searched": !search.is_empty(),
        "search_open": !search.is_empty() || !problems.is_empty(),
        "count_text": count_text,
        "showing": (total > PER_PAGE).then(|| text_with(lang, "cases-showing", &[("first", first.to_string()), ("last", last.to_string()), ("total", total.to_string())])),
        "rows": rows,
        "total": total,
        "previous": (page_no > 1).then(|| link(page_no - 1)),
        "next": (page_no < pages).then(|| link(page_no + 1)),
        "page_text": text_with(lang, "cases-page-of", &[("page", page_no.to_string()), ("pages", pages.to_string())]),
        "add": permits(ctx.actor.role, ResourceKind::Case, Action::Create).then_some("/cases/new"),
    }))
}

async fn cases(state: web::Data<AppState>, s: Session, req: HttpRequest) -> PageResult {
    require(&s, ResourceKind::Case, Action::Read, "case")?;
    let pairs = web::Query::<Vec<(String, String)>>::from_query(req.query_string())
        .map(web::Query::into_inner)
        .unwrap_or_default();
    let form = FormData(fold_dates(pairs));
    let page_no = super::page_number(form.get("page"));
    let problems = Problems::new();
    let lang = s.lang;
    let mut data = with_conn(&state, &s, move |conn, ctx| {
        list(conn, ctx, lang, page_no, &form, problems)
    })
    .await?;
    let heading = text(
        s.lang,
        match s.role() {
            Role::WitnessCareOfficer => "cases-heading-unit",
            Role::Supporter => "cases-heading-supporter",
            _ => "nav-cases",
        },
    );
    data["heading"] = json!(heading);
    let failed = data["errors"]["list"]
        .as_array()
        .is_some_and(|l| !l.is_empty());
    let mut data = page(&s, &heading, "cases", data);
    data["layout"]["error"] = json!(failed);
    render("cases", &data)
}

#[derive(Deserialize)]
struct CaseQuery {
    done: Option<String>,
}

/// The confirmations shown after a form is accepted: each is the
/// catalogue's `done-<key>` (fixed words only).
const DONE: &[&str] = &[
    "hearing-added",
    "hearing-moved",
    "hearing-vacated",
    "hearing-adjourned",
    "outcome-recorded",
    "attendance-requested",
    "decision-recorded",
    "request-updated",
    "consent-recorded",
    "consent-withdrawn",
    "consent-restored",
    "consent-restored-notices",
    "discussion-recorded",
    "visit-arranged",
    "visit-changed",
    "visit-cancelled",
    "case-added",
    "case-changed",
    "case-closed",
    "supporter-assigned",
    "assignment-changed",
    "assignment-ended",
    "update-recorded",
    "update-recorded-none",
    "cps-meeting-saved",
    "cps-meeting-saved-not-told",
];

/// The confirmation for `?done=<key>`, in the page's language.
fn done_message(lang: Lang, key: &str) -> Option<String> {
    DONE.contains(&key)
        .then(|| text(lang, &format!("done-{key}")))
}

/// Who a notice is to, in words: "You" for the signed-in supporter.
pub fn notice_to_in(lang: Lang, n: &crate::resources::NoticeOut, me: &str) -> String {
    if n.recipient == format!("supporter:{me}") {
        text(lang, "case-you")
    } else {
        labels::recipient_kind_in(lang, &n.recipient_kind)
    }
}

/// Why a notice waiting to go will not be sent, when email is not set up
/// on this service (`email_off`) and the notice goes by email.
pub fn unsendable(n: &crate::resources::NoticeOut, email_off: bool) -> bool {
    email_off && n.channel == "email" && matches!(n.state.as_str(), "pending" | "failed")
}

/// A notice as a table row, in the page's language, for the signed-in
/// person (`me`); `email_off` when this service has no mail server.
pub fn notice_row_in(
    lang: Lang,
    n: &crate::resources::NoticeOut,
    look: &Lookup,
    (me, email_off): (&str, bool),
) -> Value {
    let to = notice_to_in(lang, n, me);
    let when = match n.sent_at {
        Some(sent) => text_with(lang, "notices-sent", &[("when", i18n::long(lang, sent))]),
        None => i18n::long(lang, n.send_after),
    };
    let mut note = n.cancelled_reason.clone();
    if n.state == "failed" || n.state == "dead" {
        note = Some(text_with(
            lang,
            "notices-attempts",
            &[("count", n.attempts.to_string())],
        ));
    }
    if unsendable(n, email_off) {
        let why = text(lang, "notices-unsendable");
        note = Some(match note {
            Some(before) => format!("{before}. {why}"),
            None => why,
        });
    }
    json!({
        "what": labels::notice_template_in(lang, &n.template),
        "href": format!("/notices/{}", n.id),
        "case": n.case_id.as_deref().map(|c| text_with(
            lang,
            "inbox-case-victim",
            &[("case", look.case_ref(c)), ("victim", look.victim_ref(&n.victim_id))],
        )),
        "to": to,
        "channel": labels::channel_in(lang, &n.channel),
        "send_after": when,
        "basis": labels::basis_in(lang, &n.basis),
        "state": labels::notice_state_in(lang, &n.state),
        "tag": labels::notice_state_tag(&n.state),
        "note": note,
    })
}

fn one(conn: &mut AnyConn, ctx: &Ctx, lang: Lang, id: &str, email_off: bool) -> AppResult<Value> {
    let role = ctx.actor.role;
    let me = ctx.actor.user_id.clone();
    let may = |kind, action| permits(role, kind, action);
    let c = read::<Cases>(conn, ctx, id)?;
    let look = Lookup::for_case(conn, ctx, &c.id)?;
    let victim = read::<Victims>(conn, ctx, &c.victim_id)?;

    // Supporters assigned to the victim: roles and the SPOC agreement.
    let mut supporter_roles: HashMap<String, String> = HashMap::new();
    let mut supporters = Vec::new();
    if may(ResourceKind::SupporterAssignment, Action::Read) {
        for a in list_all::<SupporterAssignments>(conn, ctx, json!({"victim_id": c.victim_id}))? {
            if !a.current {
                continue;
            }
            let who = if a.supporter_id == me {
                text(lang, "case-you")
            } else {
                text_with(
                    lang,
                    "case-victims-supporter",
                    &[("role", labels::supporter_role(a.role).to_owned())],
                )
            };
            supporter_roles.insert(a.supporter_id.clone(), who.clone());
            // A supporter changes their own assignment; a manager those of
            // their organisation (the use case checks the organisation).
            let changes = may(ResourceKind::SupporterAssignment, Action::Update)
                && (a.supporter_id == me || role == Role::Manager);
            supporters.push(json!({
                "change": changes.then(|| format!("/assignments/{}/edit?case={}", a.id, c.id)),
                "end": changes.then(|| format!("/assignments/{}/end?case={}", a.id, c.id)),
                "who": who,
                "role": labels::supporter_role(a.role),
                "spoc": a.is_spoc,
                "spoc_text": if a.is_spoc {
                    match a.spoc_agreed_on {
                        Some(d) => text_with(lang, "case-spoc-signed", &[("date", i18n::day(lang, d))]),
                        None => text(lang, "case-spoc-no-date"),
                    }
                } else {
                    text(lang, "case-not-spoc")
                },
            }));
        }
    }

    let hearings = list_all::<Hearings>(conn, ctx, json!({"case_id": c.id}))?;
    let holidays = &ctx.rules.holidays;
    let mut hearing_rows = Vec::new();
    for h in &hearings {
        let mut requests = Vec::new();
        let mut own_open = false;
        if may(ResourceKind::AttendanceRequest, Action::Read) {
            for r in list_all::<AttendanceRequests>(conn, ctx, json!({"hearing_id": h.id}))? {
                if r.supporter_id == me && !r.closed {
                    own_open = true;
                }
                let mut detail = Vec::new();
                if let Some(cond) = &r.conditions {
                    detail.push(text_with(
                        lang,
                        "case-conditions",
                        &[("conditions", cond.clone())],
                    ));
                }
                if let Some(reason) = &r.decision_reason {
                    detail.push(text_with(
                        lang,
                        "case-court-reason",
                        &[("reason", reason.clone())],
                    ));
                }
                requests.push(json!({
                    "who": supporter_roles.get(&r.supporter_id).cloned().unwrap_or_else(|| text(lang, "case-a-supporter")),
                    "state": labels::attendance_state_in(lang, r.state),
                    "closed": r.closed,
                    "detail": detail,
                    "decide": (!r.closed && may(ResourceKind::AttendanceRequest, Action::Update) && role == Role::WitnessCareOfficer)
                        .then(|| format!("/attendance-requests/{}/decision", r.id)),
                    "progress": (!r.closed && role == Role::Supporter && r.supporter_id == me)
                        .then(|| format!("/attendance-requests/{}/decision", r.id)),
                }));
            }
        }
        let mut place = look.court(&h.court_id);
        if let Some(room) = &h.courtroom {
            place = format!("{place}, {room}");
        }
        let evidence = match (h.victim_gives_evidence, h.victim_attends, h.live_link) {
            (true, _, false) => text(lang, "case-victim-gives-evidence"),
            (true, _, true) => text(lang, "case-victim-gives-evidence-live-link"),
            (false, true, false) => text(lang, "case-victim-attends"),
            (false, true, true) => text(lang, "case-victim-attends-live-link"),
            (false, false, true) => text(lang, "case-by-live-link"),
            (false, false, false) => String::new(),
        };
        hearing_rows.push(json!({
            "id": h.id,
            "kind": labels::hearing_kind_in(lang, h.kind),
            "when": i18n::long(lang, h.starts_at),
            "length": minutes_text_in(lang, h.estimated_minutes),
            "place": place,
            "status": labels::hearing_status_in(lang, h.status),
            "status_tag": if h.status.is_upcoming() { "tag--blue" } else { "tag--grey" },
            "evidence": evidence,
            "outcome": h.outcome,
            "result": h.result.as_ref().map(labels::hearing_outcome),
            "listing_warning": h.status.is_upcoming()
                .then(|| crate::flows::listing_warning(h.starts_at, holidays))
                .flatten(),
            "requests": requests,
            "move": (h.status.is_upcoming() && may(ResourceKind::Hearing, Action::Update) && role == Role::WitnessCareOfficer)
                .then(|| format!("/hearings/{}/move", h.id)),
            "vacate": (h.status.is_upcoming() && may(ResourceKind::Hearing, Action::Update) && role == Role::WitnessCareOfficer)
                .then(|| format!("/hearings/{}/vacate", h.id)),
            "adjourn": (h.status.is_upcoming() && may(ResourceKind::Hearing, Action::Update) && role == Role::WitnessCareOfficer)
                .then(|| format!("/hearings/{}/adjourn", h.id)),
            // Once the hearing has begun, the officer or the supporter at
            // court records how it ended.
            "record_outcome": (h.status.is_upcoming() && h.starts_at <= ctx.now && may(ResourceKind::Hearing, Action::Update)
                && matches!(role, Role::WitnessCareOfficer | Role::Supporter))
                .then(|| format!("/hearings/{}/outcome", h.id)),
            "ask": (role == Role::Supporter && h.status.is_upcoming() && !own_open && h.starts_at > ctx.now)
                .then(|| format!("/hearings/{}/attendance", h.id)),
            // The supporter's safety plan for the day (agreed with the
            // Witness Service), while the hearing is still to happen.
            "safety_plan": (role == Role::Supporter && h.status.is_upcoming()
                && may(ResourceKind::SafetyPlan, Action::Create))
                .then(|| format!("/hearings/{}/safety-plan", h.id)),
            // Updates on the day: the supporter's page for the hearing's
            // court days (and the record of them afterwards).
            "trial_updates": (role == Role::Supporter && h.status != crate::domain::HearingStatus::Vacated
                && may(ResourceKind::TrialUpdate, Action::Read))
                .then(|| format!("/hearings/{}/trial-updates", h.id)),
        }));
    }

    let consents: Vec<Value> = if may(ResourceKind::Consent, Action::Read) {
        let mut given = list_all::<Consents>(conn, ctx, json!({"victim_id": c.victim_id}))?;
        // Newest first; consents given at one moment (one form) in the
        // order their scopes are declared, not in the order of their ids.
        given.sort_by(|a, b| b.given_at.cmp(&a.given_at).then(a.scope.cmp(&b.scope)));
        given
            .into_iter()
            .map(|k| {
                json!({
                    "scope": labels::consent_scope_in(lang, k.scope),
                    "basis": labels::lawful_basis_in(lang, k.basis),
                    "given": i18n::long(lang, k.given_at),
                    "active": k.active,
                    "withdrawn": k.withdrawn_at.map(|t| i18n::long(lang, t)),
                    "withdraw": (k.active && role == Role::Supporter && may(ResourceKind::Consent, Action::Update))
                        .then(|| format!("/cases/{}/consents/{}/withdraw", c.id, k.id)),
                    "undo": k.withdrawn_at
                        .map(crate::app::consents::undo_until)
                        .filter(|until| role == Role::Supporter && ctx.now <= *until)
                        .map(|until| json!({
                            "href": format!("/cases/{}/consents/{}/undo", c.id, k.id),
                            "until": i18n::clock(lang, until),
                        })),
                })
            })
            .collect()
    } else {
        Vec::new()
    };

    let change_visits = ctx.actor.role == crate::domain::Role::WitnessCareOfficer
        && may(ResourceKind::PreTrialVisit, Action::Update);
    let visits: Vec<Value> = if may(ResourceKind::PreTrialVisit, Action::Read) {
        list_all::<PreTrialVisits>(conn, ctx, json!({"case_id": c.id}))?
            .into_iter()
            .map(|v| {
                json!({
                    "state": labels::visit_state_in(lang, v.state),
                    "when": v.starts_at.map(|t| i18n::long(lang, t)).unwrap_or_else(|| text(lang, "case-no-time-yet")),
                    "court": look.court(&v.court_id),
                    "supporter": text(lang, if v.supporter_attends { "case-supporter-attends" } else { "case-supporter-does-not-attend" }),
                    "change": (change_visits && super::visits::changeable(v.state))
                        .then(|| format!("/visits/{}/edit", v.id)),
                    "cancel": (change_visits && super::visits::changeable(v.state))
                        .then(|| format!("/visits/{}/cancel", v.id)),
                })
            })
            .collect()
    } else {
        Vec::new()
    };

    let discussions: Vec<Value> = if may(ResourceKind::SpecialMeasuresDiscussion, Action::Read) {
        list_all::<SpecialMeasuresDiscussions>(conn, ctx, json!({"case_id": c.id}))?
            .into_iter()
            .map(|d| {
                json!({
                    "when": i18n::long(lang, d.held_at),
                    "setting": labels::discussion_setting_in(lang, d.setting),
                    "measures": d.measures.iter().map(|m| labels::special_measure_in(lang, *m)).collect::<Vec<_>>().join(", "),
                    "supporter": text(lang, if d.supporter_present { "case-discussion-supporter-present" } else { "case-discussion-supporter-absent" }),
                })
            })
            .collect()
    } else {
        Vec::new()
    };

    let tasks: Vec<Value> = if may(ResourceKind::Task, Action::Read) {
        list_all::<Tasks>(
            conn,
            ctx,
            json!({"victim_id": c.victim_id, "state": "open"}),
        )?
        .into_iter()
        .filter(|t| t.case_id.as_deref() == Some(c.id.as_str()))
        .map(|t| {
            json!({
                "title": labels::task_kind_in(lang, &t.kind),
                "who": labels::task_role(&t.role),
                "due": t.due_at.map(|d| i18n::long(lang, d)).unwrap_or_else(|| text(lang, "week-no-date")),
                "overdue": t.due_at.is_some_and(|d| d < ctx.now),
                "detail": t.detail,
            })
        })
        .collect()
    } else {
        Vec::new()
    };

    let notices: Vec<Value> = if may(ResourceKind::Notice, Action::Read) {
        list_all::<Notices>(conn, ctx, json!({"case_id": c.id}))?
            .iter()
            .map(|n| notice_row_in(lang, n, &look, (&me, email_off)))
            .collect()
    } else {
        Vec::new()
    };

    // What the flows noticed about this case, in words (newest first).
    let warnings: Vec<Value> = if may(ResourceKind::Deadline, Action::Read) {
        let mut found = list_all::<Warnings>(conn, ctx, json!({"case_id": c.id}))?;
        found.sort_by_key(|w| std::cmp::Reverse(w.created_at));
        found
            .iter()
            .filter_map(|w| super::warnings::sentence_in(lang, &w.kind, &w.detail))
            .map(|text| json!(text))
            .collect()
    } else {
        Vec::new()
    };

    // Protective orders in force, for the team that handles the victim.
    let orders: Vec<Value> = if may(ResourceKind::VictimSensitive, Action::Read) {
        crate::app::after_outcome::list_orders(conn, ctx, &c.id)?
            .into_iter()
            .filter(|o| o.in_force)
            .map(|o| {
                json!({
                    "kind": super::after_outcome::order_kind(lang, o.kind),
                    "ends": o.ends_on.map(|d| i18n::day(lang, d)).unwrap_or_else(|| text(lang, "after-outcome-until-further-order-lower")),
                })
            })
            .collect()
    } else {
        Vec::new()
    };

    let cps_meeting = (c.kind == CaseKind::Criminal && may(ResourceKind::CpsMeeting, Action::Read))
        .then(|| crate::app::cps_meetings::get(conn, ctx, &c.id))
        .transpose()?
        .map(|m| {
            json!({
                "status": super::cps_meeting::status(lang, &m),
                "action": may(ResourceKind::CpsMeeting, Action::Update)
                    .then(|| format!("/cases/{}/cps-meeting", c.id)),
            })
        });

    let reference = case_reference(&c);
    Ok(json!({
        "id": c.id,
        "reference": reference,
        "facts": [
            {"key": text(lang, "case-case"), "value": text_with(lang, "case-kind-and-reference", &[("kind", labels::case_kind_in(lang, c.kind)), ("reference", reference.clone())])},
            {"key": text(lang, "cases-victim"), "value": if victim.enhanced_rights { text_with(lang, "case-victim-enhanced", &[("reference", victim.reference.clone())]) } else { victim.reference.clone() }},
            {"key": text(lang, "cases-court"), "value": c.court_id.as_deref().map(|id| look.court(id)).unwrap_or_else(|| text(lang, "cases-not-set"))},
            {"key": text(lang, "case-status"), "value": text(lang, if c.status == CaseStatus::Open { "case-status-open" } else { "case-status-closed" })},
        ],
        "supporters": supporters,
        "hearings": hearing_rows,
        "consents": consents,
        "visits": visits,
        "discussions": discussions,
        "tasks": tasks,
        "notices": notices,
        "orders": orders,
        "cps_meeting": cps_meeting,
        "warnings": warnings,
        "shows": {
            "after_outcome": may(ResourceKind::VictimSensitive, Action::Read),
            "supporters": may(ResourceKind::SupporterAssignment, Action::Read),
            "consents": may(ResourceKind::Consent, Action::Read),
            "notices": may(ResourceKind::Notice, Action::Read),
            "discussions": may(ResourceKind::SpecialMeasuresDiscussion, Action::Read),
            "visits": may(ResourceKind::PreTrialVisit, Action::Read),
        },
        "actions": {
            "add_hearing": (role == Role::WitnessCareOfficer && may(ResourceKind::Hearing, Action::Create))
                .then(|| format!("/cases/{}/hearings/new", c.id)),
            "consent": (role == Role::Supporter || role == Role::WitnessCareOfficer)
                .then(|| format!("/cases/{}/consents/new", c.id)),
            "visit": (role == Role::WitnessCareOfficer && may(ResourceKind::PreTrialVisit, Action::Create))
                .then(|| format!("/cases/{}/visits/new", c.id)),
            "update": may(ResourceKind::AgencyUpdate, Action::Create)
                .then(|| format!("/cases/{}/updates/new", c.id)),
            "discussion": may(ResourceKind::SpecialMeasuresDiscussion, Action::Create)
                .then(|| format!("/cases/{}/special-measures/new", c.id)),
            "change": may(ResourceKind::Case, Action::Update)
                .then(|| format!("/cases/{}/edit", c.id)),
            "assign": may(ResourceKind::SupporterAssignment, Action::Create)
                .then(|| format!("/victims/{}/assignments/new?case={}", c.victim_id, c.id)),
            "risk_meetings": may(ResourceKind::RiskMeeting, Action::Read)
                .then(|| format!("/victims/{}/risk-meetings", c.victim_id)),
            "statement_appointments": (may(ResourceKind::StatementAppointment, Action::Read)
                && c.kind == crate::domain::CaseKind::Criminal)
                .then(|| format!("/cases/{}/statement-appointments", c.id)),
            "after_outcome": may(ResourceKind::VictimSensitive, Action::Update)
                .then(|| format!("/cases/{}/after-outcome", c.id)),
            "close": (may(ResourceKind::Case, Action::Update) && c.status == CaseStatus::Open)
                .then(|| format!("/cases/{}/close", c.id)),
        },
    }))
}

/// `minutes_text` in the page's language.
pub fn minutes_text_in(lang: Lang, minutes: i32) -> String {
    let day = crate::calendar::agenda::COURT_DAY_MINUTES as i32;
    if minutes > day {
        let days = (minutes + day - 1) / day;
        return text_with(lang, "length-court-days", &[("days", days.to_string())]);
    }
    let (h, m) = (minutes / 60, minutes % 60);
    match (h, m) {
        (0, m) => text_with(lang, "length-minutes", &[("minutes", m.to_string())]),
        (h, 0) => text_with(lang, "length-hours", &[("hours", h.to_string())]),
        (h, m) => text_with(
            lang,
            "length-hours-minutes",
            &[("hours", h.to_string()), ("minutes", m.to_string())],
        ),
    }
}

/// "1 hour 30 minutes", or court days for a long hearing (English; the
/// pages use `minutes_text_in`).
#[cfg(test)]
pub fn minutes_text(minutes: i32) -> String {
    let day = crate::calendar::agenda::COURT_DAY_MINUTES as i32;
    if minutes > day {
        let days = (minutes + day - 1) / day;
        return format!("about {days} court days");
    }
    let (h, m) = (minutes / 60, minutes % 60);
    match (h, m) {
        (0, m) => format!("{m} minutes"),
        (1, 0) => "1 hour".into(),
        (h, 0) => format!("{h} hours"),
        (1, m) => format!("1 hour {m} minutes"),
        (h, m) => format!("{h} hours {m} minutes"),
    }
}

async fn case(
    state: web::Data<AppState>,
    s: Session,
    id: web::Path<String>,
    q: web::Query<CaseQuery>,
) -> PageResult {
    require(&s, ResourceKind::Case, Action::Read, "case")?;
    let id = id.into_inner();
    let email_off = s.email_off;
    let lang = s.lang;
    let mut data = with_conn(&state, &s, move |conn, ctx| {
        one(conn, ctx, lang, &id, email_off)
    })
    .await?;
    data["done"] = json!(q.done.as_deref().and_then(|d| done_message(lang, d)));
    let title = text_with(
        lang,
        "case-title",
        &[(
            "reference",
            data["reference"].as_str().unwrap_or("").to_owned(),
        )],
    );
    render("case", &page(&s, &title, "cases", data))
}

#[cfg(test)]
mod tests {
    use super::minutes_text;

    #[test]
    fn lengths_read_naturally() {
        assert_eq!(minutes_text(45), "45 minutes");
        assert_eq!(minutes_text(60), "1 hour");
        assert_eq!(minutes_text(90), "1 hour 30 minutes");
        assert_eq!(minutes_text(300), "5 hours");
        assert_eq!(minutes_text(1800), "about 5 court days");
    }
}

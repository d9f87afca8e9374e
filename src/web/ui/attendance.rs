//! A supporter asks to accompany the victim at a hearing; the witness care
//! officer records where the request stands and the court's decision.

use actix_web::web;

use crate::domain::{AttendanceState, DecisionReasonKind, Role};
use crate::error::AppError;
use crate::policy::{Action, ResourceKind};
use crate::resources::{
    AttendanceRequestInput, AttendanceRequestOut, AttendanceRequests, HearingOut, Hearings,
};
use crate::web::AppState;

use super::fields::{options_of, Field, FormPage};
use super::forms::{required_choice, FormData, Problems};
use super::lookup::{long, Lookup};
use super::session::{Posted, Session};
use super::{
    labels, posted_version, read, render_form, require, see_other, update, with_conn, PageResult,
};

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.route("/hearings/{id}/attendance", web::get().to(ask_page))
        .route("/hearings/{id}/attendance", web::post().to(ask_post))
        .route(
            "/attendance-requests/{id}/decision",
            web::get().to(decide_page),
        )
        .route(
            "/attendance-requests/{id}/decision",
            web::post().to(decide_post),
        );
}

fn hearing_facts(h: &HearingOut, look: &Lookup) -> Vec<(String, String)> {
    let mut place = look.court(&h.court_id);
    if let Some(room) = &h.courtroom {
        place = format!("{place}, {room}");
    }
    vec![
        (
            "Case".into(),
            format!(
                "{} · victim {}",
                look.case_ref(&h.case_id),
                look.case_victim_ref(&h.case_id)
            ),
        ),
        ("Hearing".into(), labels::hearing_kind(h.kind).into()),
        ("Starts".into(), long(h.starts_at)),
        ("Where".into(), place),
    ]
}

fn ask_form(h: &HearingOut, look: &Lookup) -> FormPage {
    let victim = look.case_victim_ref(&h.case_id);
    FormPage {
        title: "Ask to accompany the victim".into(),
        caption: Some(format!("Case {}", look.case_ref(&h.case_id))),
        heading: "Ask to accompany the victim at this hearing".into(),
        intro: vec![
            "The witness care unit will be told that a supporter is in place and will attend. They tell the CPS, who raise it with the court; the court decides.".into(),
            "At court you support the victim: you do not discuss the evidence, speak for them, or give legal advice.".into(),
        ],
        facts: hearing_facts(h, look),
        action: format!("/hearings/{}/attendance", h.id),
        back: format!("/cases/{}", h.case_id),
        submit: "Send request".into(),
        fields: vec![Field::checkboxes(
            "wish",
            "The victim's wish",
            &[(
                "yes".into(),
                format!("{victim} has told me they want me beside them at this hearing"),
            )],
        )
        .hint("The request is made only when the victim wants it.")],
        ..FormPage::default()
    }
}

fn ask_place(_field: &str) -> (&'static str, &'static str) {
    ("wish", "")
}

async fn ask_page(state: web::Data<AppState>, s: Session, id: web::Path<String>) -> PageResult {
    require(
        &s,
        ResourceKind::AttendanceRequest,
        Action::Create,
        "attendance request",
    )?;
    let id = id.into_inner();
    let (h, look) = with_conn(&state, &s, move |conn, ctx| {
        Ok((read::<Hearings>(conn, ctx, &id)?, Lookup::load(conn, ctx)?))
    })
    .await?;
    render_form(
        &s,
        "cases",
        ask_form(&h, &look),
        &FormData::default(),
        &Problems::new(),
    )
}

async fn ask_post(state: web::Data<AppState>, posted: Posted, id: web::Path<String>) -> PageResult {
    let Posted { session: s, form } = posted;
    require(
        &s,
        ResourceKind::AttendanceRequest,
        Action::Create,
        "attendance request",
    )?;
    let id = id.into_inner();
    let wished = form.all("wish").iter().any(|v| v == "yes");
    let me = s.actor.user_id.clone();
    let outcome = with_conn(&state, &s, move |conn, ctx| {
        let h = read::<Hearings>(conn, ctx, &id)?;
        let look = Lookup::load(conn, ctx)?;
        if !wished {
            let mut problems = Problems::new();
            problems.add(
                "wish",
                "Confirm that the victim wants you beside them: ask only when they do",
            );
            return Ok(Err((h, look, problems)));
        }
        let input = AttendanceRequestInput {
            hearing_id: h.id.clone(),
            supporter_id: me,
            state: AttendanceState::Requested,
            decision_reason: None,
            decision_reason_kind: None,
            conditions: None,
        };
        match super::create::<AttendanceRequests>(conn, ctx, input) {
            Ok(r) => Ok(Ok((r, h))),
            Err(AppError::Validation(errors)) => {
                Ok(Err((h, look, Problems::from_api(&errors, ask_place))))
            }
            Err(other) => Err(other),
        }
    })
    .await?;
    match outcome {
        Ok((r, h)) => {
            tracing::info!(attendance_request_id = %r.id, "attendance requested from the pages");
            Ok(see_other(&format!(
                "/cases/{}?done=attendance-requested#hearing-{}",
                h.case_id, h.id
            )))
        }
        Err((h, look, problems)) => render_form(&s, "cases", ask_form(&h, &look), &form, &problems),
    }
}

/// The states a witness care officer records (the resource checks again).
const WCO_STATES: &[AttendanceState] = &[
    AttendanceState::WcuInformed,
    AttendanceState::CpsInformed,
    AttendanceState::Allowed,
    AttendanceState::AllowedWithConditions,
    AttendanceState::Refused,
    AttendanceState::DirectedShouldNotAttend,
    AttendanceState::DirectedNeedNotAttend,
];

fn decide_form(r: &AttendanceRequestOut, h: &HearingOut, look: &Lookup, version: i32) -> FormPage {
    let mut facts = hearing_facts(h, look);
    facts.push((
        "Request now".into(),
        labels::attendance_state(r.state).into(),
    ));
    let options = options_of(
        WCO_STATES,
        AttendanceState::as_str,
        labels::attendance_state,
    );
    FormPage {
        title: "Record the court's decision".into(),
        caption: Some(format!("Case {}", look.case_ref(&h.case_id))),
        heading: "Where does the supporter's request stand?".into(),
        intro: vec!["Record each step: when you have told the CPS, and what the court decided. The supporter and the victim are told as the rules require.".into()],
        facts,
        action: format!("/attendance-requests/{}/decision", r.id),
        back: format!("/cases/{}#hearing-{}", h.case_id, h.id),
        submit: "Save".into(),
        hidden: vec![("version".into(), version.to_string())],
        fields: vec![
            Field::radios("state", "The request's state", &options)
                .choice_hint("allowed_with_conditions", "Enter the conditions below")
                .choice_hint("refused", "Enter the court's reason below")
                .choice_hint("directed_should_not_attend", "Family court direction. Enter the reason below")
                .choice_hint("directed_need_not_attend", "Family court direction. Enter the reason below"),
            Field::textarea("conditions", "Conditions the court set (if any)")
                .hint("For example, sit behind the screen in the live-link room"),
            Field::textarea("decision_reason", "The court's reason (if refused or directed)"),
            Field::select("decision_reason_kind", "Kind of reason (counted in reports; the words above never are)", &reason_kind_options()),
        ],
        ..FormPage::default()
    }
}

fn reason_kind_options() -> Vec<(String, String)> {
    let mut out = vec![(String::new(), "Not categorised".to_string())];
    out.extend(DecisionReasonKind::ALL.iter().map(|k| {
        (
            k.as_str().to_string(),
            crate::reporting::measures::reason_label(*k).to_string(),
        )
    }));
    out
}

fn decide_place(field: &str) -> (&'static str, &'static str) {
    match field {
        "decision_reason_kind" => ("decision_reason_kind", "The kind of reason"),
        "conditions" => ("conditions", "The conditions"),
        "decision_reason" => ("decision_reason", "The court's reason"),
        _ => ("state", ""),
    }
}

fn current_values(r: &AttendanceRequestOut) -> FormData {
    FormData(vec![
        ("state".into(), r.state.as_str().into()),
        (
            "conditions".into(),
            r.conditions.clone().unwrap_or_default(),
        ),
        (
            "decision_reason".into(),
            r.decision_reason.clone().unwrap_or_default(),
        ),
        (
            "decision_reason_kind".into(),
            r.decision_reason_kind
                .map(|k| k.as_str().to_string())
                .unwrap_or_default(),
        ),
    ])
}

async fn decide_page(state: web::Data<AppState>, s: Session, id: web::Path<String>) -> PageResult {
    require(
        &s,
        ResourceKind::AttendanceRequest,
        Action::Update,
        "attendance request",
    )?;
    if s.role() != Role::WitnessCareOfficer {
        return Err(AppError::Forbidden("record the court's decision".into()).into());
    }
    let id = id.into_inner();
    let (r, h, look) = with_conn(&state, &s, move |conn, ctx| {
        let r = read::<AttendanceRequests>(conn, ctx, &id)?;
        let h = read::<Hearings>(conn, ctx, &r.hearing_id)?;
        Ok((r, h, Lookup::load(conn, ctx)?))
    })
    .await?;
    if r.closed {
        return Err(AppError::Conflict("this request is closed".into()).into());
    }
    let version = r.version;
    render_form(
        &s,
        "cases",
        decide_form(&r, &h, &look, version),
        &current_values(&r),
        &Problems::new(),
    )
}

enum Decided {
    Done(HearingOut),
    Problems(AttendanceRequestOut, HearingOut, Lookup, Problems),
    Stale(AttendanceRequestOut, HearingOut, Lookup),
}

async fn decide_post(
    state: web::Data<AppState>,
    posted: Posted,
    id: web::Path<String>,
) -> PageResult {
    let Posted { session: s, form } = posted;
    require(
        &s,
        ResourceKind::AttendanceRequest,
        Action::Update,
        "attendance request",
    )?;
    if s.role() != Role::WitnessCareOfficer {
        return Err(AppError::Forbidden("record the court's decision".into()).into());
    }
    let version = posted_version(&form)?;
    let id = id.into_inner();
    let mut problems = Problems::new();
    let chosen = required_choice(
        &form,
        "state",
        "Choose where the request stands",
        AttendanceState::parse,
        &mut problems,
    );
    let conditions = form.text("conditions");
    let reason = form.text("decision_reason");
    let reason_kind = form.text("decision_reason_kind");
    let reason_kind = match reason_kind.as_deref().map(DecisionReasonKind::parse) {
        None => None,
        Some(Some(k)) => Some(k),
        Some(None) => {
            problems.add(
                "decision_reason_kind",
                "Choose a kind of reason from the list",
            );
            None
        }
    };
    if let Some(st) = chosen {
        if st == AttendanceState::AllowedWithConditions && conditions.is_none() {
            problems.add("conditions", "Enter the conditions the court set");
        }
        if st.needs_reason() && reason.is_none() {
            problems.add("decision_reason", "Enter the court's reason");
        }
    }
    let outcome = with_conn(&state, &s, move |conn, ctx| {
        let current = read::<AttendanceRequests>(conn, ctx, &id)?;
        let h = read::<Hearings>(conn, ctx, &current.hearing_id)?;
        let look = Lookup::load(conn, ctx)?;
        let Some(st) = chosen.filter(|_| problems.is_empty()) else {
            return Ok(Decided::Problems(current, h, look, problems));
        };
        if current.version != version {
            return Ok(Decided::Stale(current, h, look));
        }
        let input = AttendanceRequestInput {
            hearing_id: current.hearing_id.clone(),
            supporter_id: current.supporter_id.clone(),
            state: st,
            decision_reason: reason,
            decision_reason_kind: reason_kind,
            conditions,
        };
        match update::<AttendanceRequests>(conn, ctx, &id, version, input) {
            Ok(_) => Ok(Decided::Done(h)),
            Err(AppError::StaleVersion { .. }) => {
                let now = read::<AttendanceRequests>(conn, ctx, &id)?;
                Ok(Decided::Stale(now, h, look))
            }
            Err(AppError::Validation(errors)) => Ok(Decided::Problems(
                current,
                h,
                look,
                Problems::from_api(&errors, decide_place),
            )),
            Err(other) => Err(other),
        }
    })
    .await?;
    match outcome {
        Decided::Done(h) => Ok(see_other(&format!(
            "/cases/{}?done=decision-recorded#hearing-{}",
            h.case_id, h.id
        ))),
        Decided::Problems(r, h, look, problems) => render_form(
            &s,
            "cases",
            decide_form(&r, &h, &look, version),
            &form,
            &problems,
        ),
        Decided::Stale(r, h, look) => {
            let mut page = decide_form(&r, &h, &look, r.version);
            page.stale = Some(("request".into(), std::mem::take(&mut page.facts)));
            let mut problems = Problems::new();
            problems.add("state", "Someone else changed this request after you opened this page. Check where it stands now, then save again");
            render_form(&s, "cases", page, &form, &problems)
        }
    }
}

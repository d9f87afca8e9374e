//! A supporter asks to accompany the victim at a hearing; the witness care
//! officer records where the request stands and the court's decision; the
//! supporter records their own steps (told the unit, attended, withdrawn).

use actix_web::web;

use crate::domain::{AttendanceState, CaseKind, DecisionReasonKind, Role};
use crate::error::AppError;
use crate::policy::{Action, ResourceKind};
use crate::resources::attendance_requests::states_settable_by;
use crate::resources::{
    AttendanceRequestInput, AttendanceRequestOut, AttendanceRequests, Cases, HearingOut, Hearings,
};
use crate::web::AppState;

use super::fields::{Field, FormPage};
use super::forms::{required_choice, FormData, Problems};
use super::i18n::{self, text, text_with, Lang};
use super::lookup::Lookup;
use super::session::{Posted, Session};
use super::{
    labels, posted_version, read, render_form, require, require_to, see_other, update, with_conn,
    PageResult,
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

fn hearing_facts_in(lang: Lang, h: &HearingOut, look: &Lookup) -> Vec<(String, String)> {
    let mut place = look.court(&h.court_id);
    if let Some(room) = &h.courtroom {
        place = format!("{place}, {room}");
    }
    vec![
        (
            text(lang, "case-case"),
            text_with(
                lang,
                "attendance-case-victim",
                &[
                    ("case", look.case_ref(&h.case_id)),
                    ("victim", look.case_victim_ref(&h.case_id)),
                ],
            ),
        ),
        (
            text(lang, "attendance-hearing"),
            labels::hearing_kind_in(lang, h.kind),
        ),
        (
            text(lang, "attendance-starts"),
            i18n::long(lang, h.starts_at),
        ),
        (text(lang, "attendance-where"), place),
    ]
}

fn ask_form(lang: Lang, h: &HearingOut, look: &Lookup) -> FormPage {
    let victim = look.case_victim_ref(&h.case_id);
    FormPage {
        title: text(lang, "attendance-ask-title"),
        caption: Some(text_with(
            lang,
            "case-title",
            &[("reference", look.case_ref(&h.case_id))],
        )),
        heading: text(lang, "attendance-ask-heading"),
        intro: vec![
            text(lang, "attendance-ask-intro-unit"),
            text(lang, "attendance-ask-intro-at-court"),
        ],
        facts: hearing_facts_in(lang, h, look),
        action: format!("/hearings/{}/attendance", h.id),
        back: format!("/cases/{}", h.case_id),
        submit: text(lang, "attendance-ask-submit"),
        fields: vec![Field::checkboxes(
            "wish",
            &text(lang, "attendance-ask-wish"),
            &[(
                "yes".into(),
                text_with(lang, "attendance-ask-wish-yes", &[("victim", victim)]),
            )],
        )
        .hint(&text(lang, "attendance-ask-wish-hint"))],
        ..FormPage::default()
    }
}

fn ask_place(_field: &str) -> (&'static str, &'static str) {
    ("wish", "")
}

const ASK: crate::app::Check = (
    ResourceKind::AttendanceRequest,
    Action::Create,
    "attendance request",
);

async fn ask_page(state: web::Data<AppState>, s: Session, id: web::Path<String>) -> PageResult {
    require_to(&s, ASK)?;
    let id = id.into_inner();
    let (h, look) = with_conn(&state, &s, move |conn, ctx| {
        let h = read::<Hearings>(conn, ctx, &id)?;
        let look = Lookup::for_case(conn, ctx, &h.case_id)?;
        Ok((h, look))
    })
    .await?;
    render_form(
        &s,
        "cases",
        ask_form(s.lang, &h, &look),
        &FormData::default(),
        &Problems::new(),
    )
}

async fn ask_post(state: web::Data<AppState>, posted: Posted, id: web::Path<String>) -> PageResult {
    let Posted { session: s, form } = posted;
    require_to(&s, ASK)?;
    let id = id.into_inner();
    let wished = form.all("wish").iter().any(|v| v == "yes");
    let me = s.actor.user_id.clone();
    let lang = s.lang;
    let outcome = with_conn(&state, &s, move |conn, ctx| {
        let h = read::<Hearings>(conn, ctx, &id)?;
        let look = Lookup::for_case(conn, ctx, &h.case_id)?;
        if !wished {
            let mut problems = Problems::new();
            problems.add("wish", text(lang, "attendance-ask-error-wish"));
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
        Err((h, look, problems)) => {
            render_form(&s, "cases", ask_form(lang, &h, &look), &form, &problems)
        }
    }
}

/// Who is recording the request's progress, which decides the choices
/// offered (the resource checks again: `states_settable_by`).
#[derive(Clone, Copy)]
struct Recorder {
    role: Role,
    /// The hearing belongs to a family (or civil) case, where the
    /// supporter records the court's direction.
    family: bool,
}

impl Recorder {
    fn states(self) -> &'static [AttendanceState] {
        states_settable_by(self.role, self.family)
    }

    fn records_reasons(self) -> bool {
        self.states().iter().any(|s| s.needs_reason())
    }
}

fn decide_form(
    lang: Lang,
    r: &AttendanceRequestOut,
    h: &HearingOut,
    look: &Lookup,
    version: i32,
    who: Recorder,
) -> FormPage {
    let t = |key: &str| text(lang, key);
    let mut facts = hearing_facts_in(lang, h, look);
    facts.push((
        t("attendance-update-now"),
        labels::attendance_state_in(lang, r.state),
    ));
    let options: Vec<(String, String)> = who
        .states()
        .iter()
        .map(|st| {
            (
                st.as_str().to_owned(),
                labels::attendance_state_in(lang, *st),
            )
        })
        .collect();
    let supporter = who.role == Role::Supporter;
    let mut state = Field::radios(
        "state",
        &t(if supporter {
            "attendance-update-state-yours"
        } else {
            "attendance-update-state"
        }),
        &options,
    );
    if who
        .states()
        .contains(&AttendanceState::AllowedWithConditions)
    {
        state = state.choice_hint(
            "allowed_with_conditions",
            &t("attendance-update-hint-conditions"),
        );
    }
    if who.states().contains(&AttendanceState::Refused) {
        state = state.choice_hint("refused", &t("attendance-update-hint-reason"));
    }
    state = state
        .choice_hint(
            "directed_should_not_attend",
            &t("attendance-update-hint-direction"),
        )
        .choice_hint(
            "directed_need_not_attend",
            &t("attendance-update-hint-direction"),
        );
    if supporter {
        state = state
            .choice_hint("attended", &t("attendance-update-hint-attended"))
            .choice_hint("withdrawn", &t("attendance-update-hint-withdrawn"));
    }
    let mut fields = vec![state];
    if who
        .states()
        .contains(&AttendanceState::AllowedWithConditions)
    {
        fields.push(
            Field::textarea("conditions", &t("attendance-update-conditions"))
                .hint(&t("attendance-update-conditions-hint")),
        );
    }
    if who.records_reasons() {
        fields.push(Field::textarea(
            "decision_reason",
            &t("attendance-update-reason"),
        ));
        fields.push(Field::select(
            "decision_reason_kind",
            &t("attendance-update-reason-kind"),
            &reason_kind_options(lang),
        ));
    }
    let (title, heading, intro) = if supporter {
        (
            t("attendance-update-title-yours"),
            t("attendance-update-heading-yours"),
            t("attendance-update-intro-yours"),
        )
    } else {
        (
            t("attendance-update-title"),
            t("attendance-update-heading"),
            t("attendance-update-intro"),
        )
    };
    FormPage {
        title,
        caption: Some(text_with(
            lang,
            "case-title",
            &[("reference", look.case_ref(&h.case_id))],
        )),
        heading,
        intro: vec![intro],
        facts,
        action: format!("/attendance-requests/{}/decision", r.id),
        back: format!("/cases/{}#hearing-{}", h.case_id, h.id),
        submit: t("attendance-update-submit"),
        hidden: vec![("version".into(), version.to_string())],
        fields,
        ..FormPage::default()
    }
}

/// Only the witness care officer, or the supporter whose request it is,
/// records its progress on this page.
fn may_record(s: &Session, r: &AttendanceRequestOut) -> Result<(), AppError> {
    match s.role() {
        Role::WitnessCareOfficer => Ok(()),
        Role::Supporter if r.supporter_id == s.actor.user_id => Ok(()),
        _ => Err(AppError::Forbidden(
            "record the progress of this attendance request".into(),
        )),
    }
}

/// The request, its hearing, the lookups, and who is recording.
fn load(
    conn: &mut crate::store::AnyConn,
    ctx: &crate::web::api::resource::Ctx,
    id: &str,
) -> crate::error::AppResult<(AttendanceRequestOut, HearingOut, Lookup, Recorder)> {
    let r = read::<AttendanceRequests>(conn, ctx, id)?;
    let h = read::<Hearings>(conn, ctx, &r.hearing_id)?;
    let case = read::<Cases>(conn, ctx, &h.case_id)?;
    let who = Recorder {
        role: ctx.actor.role,
        family: case.kind != CaseKind::Criminal,
    };
    let look = Lookup::for_case(conn, ctx, &h.case_id)?;
    Ok((r, h, look, who))
}

/// The kinds of reason, in the words the partnership report counts them
/// under (`report-f-refusal-reasons-*`).
fn reason_kind_options(lang: Lang) -> Vec<(String, String)> {
    let words = |key: &str| {
        text(
            lang,
            &format!("report-f-refusal-reasons-{key}").replace('_', "-"),
        )
    };
    let mut out = vec![(String::new(), words("not_categorised"))];
    out.extend(
        DecisionReasonKind::ALL
            .iter()
            .map(|k| (k.as_str().to_string(), words(k.as_str()))),
    );
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
    let id = id.into_inner();
    let (r, h, look, who) = with_conn(&state, &s, move |conn, ctx| load(conn, ctx, &id)).await?;
    may_record(&s, &r)?;
    if r.closed {
        return Err(AppError::Conflict("this request is closed".into()).into());
    }
    let version = r.version;
    render_form(
        &s,
        "cases",
        decide_form(s.lang, &r, &h, &look, version, who),
        &current_values(&r),
        &Problems::new(),
    )
}

enum Decided {
    Done(HearingOut),
    Problems(AttendanceRequestOut, HearingOut, Lookup, Recorder, Problems),
    Stale(AttendanceRequestOut, HearingOut, Lookup, Recorder),
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
    if !matches!(s.role(), Role::WitnessCareOfficer | Role::Supporter) {
        return Err(
            AppError::Forbidden("record the progress of an attendance request".into()).into(),
        );
    }
    let version = posted_version(&form)?;
    let id = id.into_inner();
    let mut problems = Problems::new();
    let lang = s.lang;
    let chosen = required_choice(
        &form,
        "state",
        &text(lang, "attendance-update-error-state"),
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
                text(lang, "attendance-update-error-reason-kind"),
            );
            None
        }
    };
    if let Some(st) = chosen {
        if st == AttendanceState::AllowedWithConditions && conditions.is_none() {
            problems.add(
                "conditions",
                text(lang, "attendance-update-error-conditions"),
            );
        }
        if st.needs_reason() && reason.is_none() {
            problems.add(
                "decision_reason",
                text(lang, "attendance-update-error-reason"),
            );
        }
    }
    let me = s.actor.user_id.clone();
    let outcome = with_conn(&state, &s, move |conn, ctx| {
        let (current, h, look, who) = load(conn, ctx, &id)?;
        if who.role == Role::Supporter && current.supporter_id != me {
            return Err(AppError::Forbidden(
                "record the progress of this attendance request".into(),
            ));
        }
        let Some(st) = chosen.filter(|_| problems.is_empty()) else {
            return Ok(Decided::Problems(current, h, look, who, problems));
        };
        if current.version != version {
            return Ok(Decided::Stale(current, h, look, who));
        }
        // Fields the form did not offer keep what is recorded.
        let offers = |state: AttendanceState| who.states().contains(&state);
        let input = AttendanceRequestInput {
            hearing_id: current.hearing_id.clone(),
            supporter_id: current.supporter_id.clone(),
            state: st,
            decision_reason: if who.records_reasons() {
                reason
            } else {
                current.decision_reason.clone()
            },
            decision_reason_kind: if who.records_reasons() {
                reason_kind
            } else {
                current.decision_reason_kind
            },
            conditions: if offers(AttendanceState::AllowedWithConditions) {
                conditions
            } else {
                current.conditions.clone()
            },
        };
        match update::<AttendanceRequests>(conn, ctx, &id, version, input) {
            Ok(_) => Ok(Decided::Done(h)),
            Err(AppError::StaleVersion { .. }) => {
                let now = read::<AttendanceRequests>(conn, ctx, &id)?;
                Ok(Decided::Stale(now, h, look, who))
            }
            Err(AppError::Validation(errors)) => Ok(Decided::Problems(
                current,
                h,
                look,
                who,
                Problems::from_api(&errors, decide_place),
            )),
            Err(other) => Err(other),
        }
    })
    .await?;
    match outcome {
        Decided::Done(h) => Ok(see_other(&format!(
            "/cases/{}?done={}#hearing-{}",
            h.case_id,
            if s.role() == Role::Supporter {
                "request-updated"
            } else {
                "decision-recorded"
            },
            h.id
        ))),
        Decided::Problems(r, h, look, who, problems) => render_form(
            &s,
            "cases",
            decide_form(lang, &r, &h, &look, version, who),
            &form,
            &problems,
        ),
        Decided::Stale(r, h, look, who) => {
            let mut page = decide_form(lang, &r, &h, &look, r.version, who);
            page.stale = Some((
                text(lang, "attendance-update-stale-what"),
                std::mem::take(&mut page.facts),
            ));
            let mut problems = Problems::new();
            problems.add("state", text(lang, "attendance-update-error-stale"));
            render_form(&s, "cases", page, &form, &problems)
        }
    }
}

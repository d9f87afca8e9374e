//! Audit parity between the pages and the API: for each page form that
//! changes data, the form is submitted on one fresh app and the same change
//! is made through its API twin on another, and the audit entries each
//! wrote must be the same (action, record kind, actor, victim named or
//! not, category, recipient, basis; the ids aside). Both doors call the
//! same use case in `courtside::app`, so a difference means a page has
//! started writing (or skipping) something of its own.
//!
//! How to add a form: add a variant to [`Form`] and to [`Form::ALL`], then
//! an arm in each of the three matches below: `who` (whom both sides sign
//! in as), `prepare` (what both apps need first, made through the API, the
//! same on each), `by_page` (submit the form as a browser would) and
//! `by_api` (the same change through the API). The test then checks it.

#[allow(dead_code)]
#[path = "api/helpers.rs"]
mod helpers;
#[allow(dead_code)]
mod ui_support;

use reqwest::{Method, StatusCode};
use serde_json::{json, Value};

use helpers::*;
use ui_support::{hidden, Browser};

/// Each page form that changes data.
#[derive(Debug, Clone, Copy)]
enum Form {
    AddHearing,
    MoveHearing,
    VacateHearing,
    AdjournHearing,
    RecordHearingOutcome,
    AskToAttend,
    DecideAttendance,
    RecordConsent,
    WithdrawConsent,
    UndoConsentWithdrawal,
    MarkTaskDone,
    MakeCalendarFeed,
    RevokeCalendarFeed,
    RetryMessage,
    AddVictim,
    EditVictim,
    SpecialMeasuresDiscussion,
    ArrangePreTrialVisit,
    AddParoleMilestone,
    UploadCourtList,
    ConfirmRequest,
    ResumeMessages,
    RecordSafetyPlan,
    ChangeSafetyPlan,
    WithdrawSafetyPlan,
    AgreeSafetyPlan,
    RecordTrialUpdate,
    SetTrialUpdatePreference,
    AssignSupporter,
    ChangeAssignment,
    EndAssignment,
    AddRiskMeeting,
    ChangeRiskMeeting,
    CancelRiskMeeting,
    RecordRiskAction,
    RecordCpsMeeting,
    SetBookingLeadTime,
    RecordAgencyUpdate,
    AddProtectiveOrder,
    ChangeProtectiveOrder,
    EndProtectiveOrder,
    RecordReviewDecision,
    RecordCompensation,
    BookStatementAppointment,
    ChangeStatementAppointment,
    WithdrawStatementAppointment,
    SetReminders,
    ChooseReminderDelivery,
    AddPerson,
    ChangePerson,
    AddOrganisation,
    AddCourt,
    UseDefaultReminders,
    RegisterWebhook,
    RevokeWebhook,
    AddResponsibleAdult,
    ExcludeResponsibleAdult,
    EndResponsibleAdult,
}

impl Form {
    const ALL: &'static [Form] = &[
        Form::AddHearing,
        Form::MoveHearing,
        Form::VacateHearing,
        Form::AdjournHearing,
        Form::RecordHearingOutcome,
        Form::AskToAttend,
        Form::DecideAttendance,
        Form::RecordConsent,
        Form::WithdrawConsent,
        Form::UndoConsentWithdrawal,
        Form::MarkTaskDone,
        Form::MakeCalendarFeed,
        Form::RevokeCalendarFeed,
        Form::RetryMessage,
        Form::AddVictim,
        Form::EditVictim,
        Form::SpecialMeasuresDiscussion,
        Form::ArrangePreTrialVisit,
        Form::AddParoleMilestone,
        Form::UploadCourtList,
        Form::ConfirmRequest,
        Form::ResumeMessages,
        Form::RecordSafetyPlan,
        Form::RecordTrialUpdate,
        Form::SetTrialUpdatePreference,
        Form::ChangeSafetyPlan,
        Form::WithdrawSafetyPlan,
        Form::AgreeSafetyPlan,
        Form::AssignSupporter,
        Form::ChangeAssignment,
        Form::EndAssignment,
        Form::AddRiskMeeting,
        Form::ChangeRiskMeeting,
        Form::CancelRiskMeeting,
        Form::RecordRiskAction,
        Form::RecordCpsMeeting,
        Form::SetBookingLeadTime,
        Form::RecordAgencyUpdate,
        Form::AddProtectiveOrder,
        Form::ChangeProtectiveOrder,
        Form::EndProtectiveOrder,
        Form::RecordReviewDecision,
        Form::RecordCompensation,
        Form::BookStatementAppointment,
        Form::ChangeStatementAppointment,
        Form::WithdrawStatementAppointment,
        Form::SetReminders,
        Form::ChooseReminderDelivery,
        Form::AddPerson,
        Form::ChangePerson,
        Form::AddOrganisation,
        Form::AddCourt,
        Form::UseDefaultReminders,
        Form::RegisterWebhook,
        Form::RevokeWebhook,
        Form::AddResponsibleAdult,
        Form::ExcludeResponsibleAdult,
        Form::EndResponsibleAdult,
    ];

    /// Whom both sides act as.
    fn who(self) -> &'static str {
        match self {
            Form::AskToAttend
            | Form::RecordConsent
            | Form::WithdrawConsent
            | Form::UndoConsentWithdrawal
            | Form::MakeCalendarFeed
            | Form::RevokeCalendarFeed
            | Form::AddVictim
            | Form::EditVictim
            | Form::ResumeMessages
            | Form::RecordSafetyPlan
            | Form::ChangeSafetyPlan
            | Form::WithdrawSafetyPlan
            | Form::RecordTrialUpdate
            | Form::SetTrialUpdatePreference
            | Form::AddRiskMeeting
            | Form::ChangeRiskMeeting
            | Form::CancelRiskMeeting
            | Form::RecordRiskAction
            | Form::RecordCpsMeeting
            | Form::AddProtectiveOrder
            | Form::ChangeProtectiveOrder
            | Form::EndProtectiveOrder
            | Form::RecordReviewDecision
            | Form::RecordCompensation
            | Form::BookStatementAppointment
            | Form::ChangeStatementAppointment
            | Form::WithdrawStatementAppointment
            | Form::AddResponsibleAdult
            | Form::ExcludeResponsibleAdult
            | Form::EndResponsibleAdult
            | Form::ChooseReminderDelivery
            | Form::RecordHearingOutcome => AMARA,
            Form::RetryMessage
            | Form::AssignSupporter
            | Form::ChangeAssignment
            | Form::EndAssignment => MAYA,
            Form::AddParoleMilestone => VICTOR,
            Form::ConfirmRequest | Form::AgreeSafetyPlan => WES,
            Form::SetBookingLeadTime => CORA,
            Form::AddPerson | Form::ChangePerson | Form::AddOrganisation | Form::AddCourt => ADMIN,
            Form::SetReminders
            | Form::UseDefaultReminders
            | Form::RegisterWebhook
            | Form::RevokeWebhook => MAYA,
            _ => WENDY,
        }
    }
}

/// What both apps have before the change: the ids the forms need.
#[derive(Debug, Default)]
struct Given {
    case: String,
    victim: String,
    court: String,
    /// A hearing, visit request, consent, task or feed to change.
    target: String,
    /// The target's version (its ETag) for the API's PUT.
    version: i64,
    /// The target as the API answers it.
    record: Value,
}

/// The case of victim V-1001 (Wendy's unit, Amara supports her).
/// A non-molestation order ending in May 2026, with a note.
fn order_input(court: &str) -> Value {
    json!({"kind": "non_molestation", "made_on": "2026-03-02", "ends_on": "2026-05-29",
           "court_id": court, "note": "Respondent seen near the school"})
}

/// Posts one of the after-outcome page's forms (it has several).
async fn after_outcome_form(
    b: &mut Browser,
    case: &str,
    path: &str,
    fields: &[(&str, &str)],
) -> ui_support::Page {
    let token = b.get(&format!("/cases/{case}/after-outcome")).await.csrf();
    let mut all = vec![("csrf_token", token.as_str())];
    all.extend_from_slice(fields);
    b.post(path, &all).await
}

async fn case_of(app: &TestApp, token: &str) -> (String, String) {
    let victim = app
        .find_id("/api/v1/victims?per_page=200", token, "reference", "V-1001")
        .await;
    let case = app
        .find_id("/api/v1/cases?per_page=200", token, "victim_id", &victim)
        .await;
    (case, victim)
}

/// V-1001's plea and trial preparation hearing (Leeds Combined Court
/// Centre, where the demo Witness Service sits).
async fn ptph_of(app: &TestApp, token: &str, case: &str) -> Value {
    let (_, list) = app
        .get(&format!("/api/v1/hearings?case_id={case}"), token)
        .await;
    list["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|h| h["kind"] == "plea_and_trial_preparation")
        .expect("the demo case has a plea and trial preparation hearing")
        .clone()
}

/// A safety plan under V-1001's single point of contact agreement.
fn safety_plan_input() -> Value {
    json!({"entrance": "Side door", "exit": "Side door",
           "waiting_area": "Witness Service room 2", "spoc_agreement": true})
}

/// A trial this afternoon (the test's "now" is midday on 20 March), so
/// today is one of its court days.
fn trial_today(case: &str, court: &str) -> Value {
    json!({"case_id": case, "kind": "trial", "court_id": court,
           "starts_at": "2026-03-20T14:00:00+00:00", "estimated_minutes": 180})
}

/// A mention at 10:00 on 14 April, as the add-hearing form below asks.
fn hearing_input(case: &str, court: &str) -> Value {
    json!({"case_id": case, "kind": "mention", "court_id": court,
           "starts_at": "2026-04-14T10:00:00+01:00", "estimated_minutes": 30})
}

async fn prepare(form: Form, app: &TestApp) -> Given {
    let wendy = app.login(WENDY).await;
    let amara = app.login(AMARA).await;
    let (case, victim) = case_of(app, &wendy).await;
    let court = app.court_id(&wendy, "Leeds Magistrates' Court").await;
    let mut given = Given {
        case: case.clone(),
        victim: victim.clone(),
        court: court.clone(),
        ..Given::default()
    };
    let mut set = |record: Value| {
        given.target = record["id"].as_str().unwrap().to_string();
        given.version = record["version"].as_i64().unwrap_or(1);
        given.record = record;
    };
    match form {
        Form::ResumeMessages => {
            // The victim stops all messages by the link in a message.
            let token = courtside::notify::stop::token_for(&victim).expect("token");
            let stopped = Browser::new(&app.base)
                .post(&format!("/stop/{token}"), &[])
                .await;
            assert_eq!(stopped.status, StatusCode::OK, "{}", stopped.body);
        }
        Form::MoveHearing
        | Form::VacateHearing
        | Form::AdjournHearing
        | Form::RecordHearingOutcome => {
            let body = hearing_input(&case, &court);
            set(app.create("/api/v1/hearings", &wendy, body).await);
        }
        Form::AskToAttend => {
            let (_, list) = app
                .get(&format!("/api/v1/hearings?case_id={case}"), &wendy)
                .await;
            let trial = list["items"]
                .as_array()
                .unwrap()
                .iter()
                .find(|h| h["kind"] == "trial")
                .expect("the demo case has a trial")
                .clone();
            set(trial);
        }
        Form::DecideAttendance => {
            let (_, list) = app
                .get(&format!("/api/v1/hearings?case_id={case}"), &wendy)
                .await;
            let trial = list["items"]
                .as_array()
                .unwrap()
                .iter()
                .find(|h| h["kind"] == "trial")
                .unwrap()["id"]
                .clone();
            let amara_id = app.user_id(&amara).await;
            let asked = app
                .create(
                    "/api/v1/attendance-requests",
                    &amara,
                    json!({"hearing_id": trial, "supporter_id": amara_id}),
                )
                .await;
            set(asked);
        }
        Form::WithdrawConsent => {
            let made = app
                .create(
                    "/api/v1/consents",
                    &amara,
                    json!({"victim_id": victim, "scope": "parole_to_supporter",
                           "given_at": "2026-03-18T00:00:00Z"}),
                )
                .await;
            set(made);
        }
        Form::UndoConsentWithdrawal => {
            // Withdrawn a moment ago (the clock stands at 12:00), so the
            // undo is still open.
            let made = app
                .create(
                    "/api/v1/consents",
                    &amara,
                    json!({"victim_id": victim, "scope": "parole_to_supporter",
                           "given_at": "2026-03-18T00:00:00Z"}),
                )
                .await;
            let (status, withdrawn) = app
                .put(
                    &format!("/api/v1/consents/{}", made["id"].as_str().unwrap()),
                    &amara,
                    made["version"].as_i64().unwrap(),
                    json!({"victim_id": victim, "scope": "parole_to_supporter",
                           "given_at": made["given_at"],
                           "withdrawn_at": "2026-03-20T12:00:00Z"}),
                )
                .await;
            assert_eq!(status, StatusCode::OK, "{withdrawn}");
            set(withdrawn);
        }
        Form::MarkTaskDone => {
            // A supporter's request to attend gives witness care a task.
            let (_, list) = app
                .get(&format!("/api/v1/hearings?case_id={case}"), &wendy)
                .await;
            let trial = list["items"]
                .as_array()
                .unwrap()
                .iter()
                .find(|h| h["kind"] == "trial")
                .unwrap()["id"]
                .clone();
            let amara_id = app.user_id(&amara).await;
            app.create(
                "/api/v1/attendance-requests",
                &amara,
                json!({"hearing_id": trial, "supporter_id": amara_id}),
            )
            .await;
            let (status, list) = app.get("/api/v1/tasks?per_page=200", &wendy).await;
            assert_eq!(status, StatusCode::OK, "{list}");
            // The page offers the first task still to do; the API side
            // changes the same one.
            let mut b = Browser::signed_in(&app.base, WENDY).await;
            let page = b.get("/tasks").await;
            let id = form_target(&page.body, "/tasks/", "/done").expect("a task to do");
            let task = list["items"]
                .as_array()
                .unwrap()
                .iter()
                .find(|t| t["id"] == id.as_str())
                .expect("the page's task is in the API's list")
                .clone();
            set(task);
        }
        Form::RevokeCalendarFeed => {
            let (status, made) = app.post("/api/v1/calendar-feeds", &amara, json!({})).await;
            assert_eq!(status, StatusCode::CREATED, "{made}");
            set(made);
        }
        Form::RetryMessage => {
            // No route makes a notice fail, so this one fixture is set in
            // the store: a supporter's notice dead-lettered, as after its
            // last failed attempt. A new hearing plans the supporter's.
            app.create("/api/v1/hearings", &wendy, hearing_input(&case, &court))
                .await;
            use courtside::store::schema::notices;
            use diesel::prelude::*;
            let mut conn = app.pool.get().unwrap();
            let id: String = notices::table
                .filter(notices::recipient_kind.eq("supporter"))
                .filter(notices::state.eq("pending"))
                .order(notices::template.asc())
                .then_order_by(notices::created_at.asc())
                .select(notices::id)
                .first(&mut conn)
                .unwrap();
            diesel::update(notices::table.find(&id))
                .set((notices::state.eq("dead"), notices::attempts.eq(5)))
                .execute(&mut conn)
                .unwrap();
            given.target = id;
        }
        Form::EditVictim => {
            let made = app
                .create(
                    "/api/v1/victims",
                    &amara,
                    json!({"reference": "V-2040", "preferred_language": "cy", "is_child": false}),
                )
                .await;
            set(made);
        }
        Form::SpecialMeasuresDiscussion => {
            // The case's supporter, whom the page names as the one who
            // might have been present.
            given.record = json!({"supporter_id": app.user_id(&amara).await});
        }
        Form::AddParoleMilestone => {
            let victor = app.login(VICTOR).await;
            given.victim = app
                .find_id("/api/v1/victims", &victor, "reference", "V-1002")
                .await;
        }
        Form::ConfirmRequest => {
            // The supporter's request to attend, passed on by witness
            // care, asks the Witness Service for a pre-trial visit: a
            // notice its staff must confirm.
            let (_, list) = app
                .get(&format!("/api/v1/hearings?case_id={case}"), &wendy)
                .await;
            let trial = list["items"]
                .as_array()
                .unwrap()
                .iter()
                .find(|h| h["kind"] == "trial")
                .unwrap()["id"]
                .clone();
            let amara_id = app.user_id(&amara).await;
            app.give_consents(&amara, "V-1001", &["witness_service_referral"])
                .await;
            let asked = app
                .create(
                    "/api/v1/attendance-requests",
                    &amara,
                    json!({"hearing_id": trial, "supporter_id": amara_id}),
                )
                .await;
            let (status, out) = app
                .put(
                    &format!(
                        "/api/v1/attendance-requests/{}",
                        asked["id"].as_str().unwrap()
                    ),
                    &wendy,
                    1,
                    json!({"hearing_id": trial, "supporter_id": amara_id, "state": "wcu_informed"}),
                )
                .await;
            assert_eq!(status, StatusCode::OK, "{out}");
            app.run_due(&DiscardingMailer);
            let trial = trial.as_str().unwrap();
            let notice = app
                .find_id(
                    &format!("/api/v1/notices?hearing_id={trial}"),
                    &wendy,
                    "template",
                    "criminal.witness_service_request",
                )
                .await;
            given.target = notice;
        }
        Form::RecordSafetyPlan => {
            set(ptph_of(app, &wendy, &case).await);
        }
        Form::ChangeSafetyPlan | Form::WithdrawSafetyPlan | Form::AgreeSafetyPlan => {
            let ptph = ptph_of(app, &wendy, &case).await;
            let id = ptph["id"].as_str().unwrap().to_string();
            let plan = app
                .create(
                    &format!("/api/v1/hearings/{id}/safety-plan"),
                    &amara,
                    safety_plan_input(),
                )
                .await;
            given.target = id;
            given.version = plan["version"].as_i64().unwrap();
            given.record = plan;
        }
        Form::AssignSupporter => {
            let ben = app.login(BEN).await;
            given.record = json!({"supporter_id": app.user_id(&ben).await});
        }
        Form::ChangeAssignment | Form::EndAssignment => {
            // Amara's assignment to V-1001: her single point of contact.
            let (_, list) = app
                .get(
                    &format!("/api/v1/supporter-assignments?victim_id={victim}"),
                    &amara,
                )
                .await;
            let current = list["items"]
                .as_array()
                .unwrap()
                .iter()
                .find(|a| a["current"] == true)
                .expect("the demo victim has a current supporter")
                .clone();
            set(current);
        }
        Form::RecordTrialUpdate | Form::SetTrialUpdatePreference => {
            let trial = app
                .create("/api/v1/hearings", &wendy, trial_today(&case, &court))
                .await;
            if matches!(form, Form::RecordTrialUpdate) {
                // She wants a message herself: recording one plans it.
                let (status, out) = app
                    .put(
                        &format!("/api/v1/victims/{victim}/trial-update-preferences"),
                        &amara,
                        0,
                        json!({"to_victim": true}),
                    )
                    .await;
                assert_eq!(status, StatusCode::OK, "{out}");
            }
            set(trial);
        }
        Form::ChangeRiskMeeting | Form::CancelRiskMeeting | Form::RecordRiskAction => {
            // A MARAC meeting to come (to change or cancel), or held
            // yesterday (to record an action from).
            let at = if !matches!(form, Form::RecordRiskAction) {
                "2026-04-02T10:00:00+01:00"
            } else {
                "2026-03-19T10:00:00+00:00"
            };
            let meeting = app
                .create(
                    &format!("/api/v1/victims/{victim}/risk-meetings"),
                    &amara,
                    json!({"kind": "marac", "starts_at": at, "panel": "Leeds MARAC"}),
                )
                .await;
            set(meeting);
        }
        Form::ChangeProtectiveOrder | Form::EndProtectiveOrder => {
            let order = app
                .create(
                    &format!("/api/v1/cases/{case}/protective-orders"),
                    &amara,
                    order_input(&court),
                )
                .await;
            set(order);
        }
        Form::AddProtectiveOrder | Form::RecordReviewDecision | Form::RecordCompensation => {}
        Form::BookStatementAppointment
        | Form::ChangeStatementAppointment
        | Form::WithdrawStatementAppointment => {
            // Ben joins her supporters (the alternative); Amara is booked
            // for before and after, Wendy is the officer.
            let maya = app.login(MAYA).await;
            let ben = app.user_id(&app.login(BEN).await).await;
            let (status, out) = app
                .post(
                    "/api/v1/supporter-assignments",
                    &maya,
                    json!({"victim_id": victim, "supporter_id": ben, "role": "idva",
                           "starts_on": "2026-03-20"}),
                )
                .await;
            assert_eq!(status, StatusCode::CREATED, "{out}");
            let people = json!({"officer_id": app.user_id(&wendy).await,
                                "supporter_id": app.user_id(&amara).await,
                                "alternative_supporter_id": ben});
            if matches!(form, Form::BookStatementAppointment) {
                let mut record = people;
                record["id"] = json!("");
                set(record);
            } else {
                let mut body = people;
                body["kind"] = json!("statement");
                body["starts_at"] = json!("2026-03-30T10:00:00+01:00");
                body["place"] = json!("Elland Road Police Station");
                let booked = app
                    .create(
                        &format!("/api/v1/cases/{case}/statement-appointments"),
                        &amara,
                        body,
                    )
                    .await;
                set(booked);
            }
        }
        Form::SetReminders | Form::UseDefaultReminders | Form::RegisterWebhook => {
            let maya = app.login(MAYA).await;
            let org = app
                .find_id(
                    "/api/v1/organisations?per_page=200",
                    &maya,
                    "name",
                    SUPPORT_ORG,
                )
                .await;
            if matches!(form, Form::UseDefaultReminders) {
                let (status, out) = put_plain(
                    app,
                    &format!("/api/v1/organisations/{org}/reminder-rules"),
                    &maya,
                    own_reminders(),
                )
                .await;
                assert_eq!(status, StatusCode::OK, "{out}");
            }
            given.target = org;
        }
        Form::RevokeWebhook => {
            let maya = app.login(MAYA).await;
            let org = app
                .find_id(
                    "/api/v1/organisations?per_page=200",
                    &maya,
                    "name",
                    SUPPORT_ORG,
                )
                .await;
            let hook = app
                .create(
                    "/api/v1/webhooks",
                    &maya,
                    json!({"organisation_id": org, "url": "https://partner.example/hook"}),
                )
                .await;
            set(hook);
        }
        Form::ExcludeResponsibleAdult | Form::EndResponsibleAdult => {
            let adult = app
                .create(
                    &format!("/api/v1/victims/{victim}/responsible-adults"),
                    &amara,
                    responsible_adult_input(),
                )
                .await;
            set(adult);
        }
        Form::AddResponsibleAdult
        | Form::ChooseReminderDelivery
        | Form::AddOrganisation
        | Form::AddCourt => {}
        Form::AddPerson | Form::ChangePerson => {
            let admin = app.login(ADMIN).await;
            if matches!(form, Form::AddPerson) {
                let org = app
                    .find_id(
                        "/api/v1/organisations?per_page=200",
                        &admin,
                        "name",
                        SUPPORT_ORG,
                    )
                    .await;
                set(json!({"id": org, "organisation_id": org}));
            } else {
                let ben = app
                    .find_id("/api/v1/users?per_page=200", &admin, "email", BEN)
                    .await;
                let (status, record) = app.get(&format!("/api/v1/users/{ben}"), &admin).await;
                assert_eq!(status, StatusCode::OK, "{record}");
                set(record);
            }
        }
        Form::AddHearing
        | Form::RecordAgencyUpdate
        | Form::SetBookingLeadTime
        | Form::AddRiskMeeting
        | Form::RecordCpsMeeting
        | Form::RecordConsent
        | Form::MakeCalendarFeed
        | Form::AddVictim
        | Form::ArrangePreTrialVisit
        | Form::UploadCourtList => {}
    }
    given
}

const SUPPORT_ORG: &str = "Demo Safer Futures IDVA Service";

/// A PUT with no version (the reminder rules are replaced whole).
async fn put_plain(app: &TestApp, path: &str, token: &str, body: Value) -> (StatusCode, Value) {
    let (status, _, out) = app
        .call_full(Method::PUT, path, Some(token), Some(body), &[])
        .await;
    (status, out)
}

/// An organisation's own reminders: two days before a hearing, at 10:15.
fn own_reminders() -> Value {
    json!({"supporter": [{"name": "own_1", "days_before": 2, "unit": "working_days",
                          "local_time": "10:15:00", "of": ["hearing"]}]})
}

/// A published Crown Court daily list that moves a demo hearing.
fn court_list() -> Vec<u8> {
    std::fs::read(format!(
        "{}/fixtures/court-lists/crown-daily-moved.json",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap()
}

/// The id in the first form action `/prefix<id>suffix` on a page.
fn form_target(body: &str, prefix: &str, suffix: &str) -> Option<String> {
    let mut from = 0;
    while let Some(at) = body[from..].find(&format!("action=\"{prefix}")) {
        let start = from + at + "action=\"".len();
        let action = body[start..].split('"').next().unwrap();
        if let Some(id) = action
            .strip_prefix(prefix)
            .and_then(|rest| rest.strip_suffix(suffix))
        {
            return Some(id.to_string());
        }
        from = start;
    }
    None
}

/// Posts a button form on `page_path` (its token and any version) to
/// `action`.
async fn press(b: &mut Browser, page_path: &str, action: &str) -> ui_support::Page {
    let page = b.get(page_path).await;
    assert_eq!(
        page.status,
        StatusCode::OK,
        "GET {page_path}: {}",
        page.body
    );
    let at = page
        .body
        .find(&format!("action=\"{action}\""))
        .unwrap_or_else(|| panic!("no form posting to {action} on {page_path}"));
    let version = hidden(&page.body[at..], "version");
    let token = page.csrf();
    let mut fields = vec![("csrf_token", token.as_str())];
    if let Some(v) = version.as_deref() {
        fields.push(("version", v));
    }
    b.post(action, &fields).await
}

/// A parent, for the responsible-adult forms.
fn responsible_adult_input() -> Value {
    json!({"name": "Pat Parent", "relationship": "parent", "email": "pat.parent@example.org"})
}

async fn by_page(form: Form, app: &TestApp, g: &Given) {
    let mut b = Browser::signed_in(&app.base, form.who()).await;
    let page = match form {
        Form::AddHearing => {
            b.submit(
                &format!("/cases/{}/hearings/new", g.case),
                &[
                    ("kind", "mention"),
                    ("date", "2026-04-14"),
                    ("time", "10:00"),
                    ("court_id", g.court.as_str()),
                    ("courtroom", ""),
                    ("estimated_minutes", "30"),
                ],
            )
            .await
        }
        Form::MoveHearing => {
            b.submit(
                &format!("/hearings/{}/move", g.target),
                &[
                    ("date", "2026-04-16"),
                    ("time", "14:00"),
                    ("court_id", g.court.as_str()),
                    ("courtroom", ""),
                    ("estimated_minutes", "30"),
                ],
            )
            .await
        }
        Form::VacateHearing => {
            b.submit(&format!("/hearings/{}/vacate", g.target), &[("note", "")])
                .await
        }
        Form::AdjournHearing => {
            b.submit(
                &format!("/hearings/{}/adjourn", g.target),
                &[("when", "date"), ("date", "2026-04-21"), ("time", "14:00")],
            )
            .await
        }
        Form::RecordHearingOutcome => {
            b.submit(
                &format!("/hearings/{}/outcome", g.target),
                &[
                    ("result", "sentenced"),
                    ("sentence_type", "immediate_custody"),
                    ("sentence_months", "12"),
                    ("specified_offence", "yes"),
                ],
            )
            .await
        }
        Form::AskToAttend => {
            b.submit(
                &format!("/hearings/{}/attendance", g.target),
                &[("wish", "yes")],
            )
            .await
        }
        Form::DecideAttendance => {
            b.submit(
                &format!("/attendance-requests/{}/decision", g.target),
                &[("state", "allowed")],
            )
            .await
        }
        Form::RecordConsent => {
            b.submit(
                &format!("/cases/{}/consents/new", g.case),
                &[
                    ("scope", "parole_to_supporter"),
                    ("basis", "consent"),
                    ("given_on", "2026-03-18"),
                ],
            )
            .await
        }
        Form::WithdrawConsent => {
            // The case page links to the confirmation page; its form
            // withdraws.
            let confirm = format!("/cases/{}/consents/{}/withdraw", g.case, g.target);
            press(&mut b, &confirm, &confirm).await
        }
        Form::UndoConsentWithdrawal => {
            let undo = format!("/cases/{}/consents/{}/undo", g.case, g.target);
            press(&mut b, &undo, &undo).await
        }
        Form::MarkTaskDone => press(&mut b, "/tasks", &format!("/tasks/{}/done", g.target)).await,
        Form::MakeCalendarFeed => b.submit("/calendar-feed", &[]).await,
        Form::RevokeCalendarFeed => {
            press(
                &mut b,
                "/calendar-feed",
                &format!("/calendar-feed/{}/revoke", g.target),
            )
            .await
        }
        Form::ResumeMessages => {
            b.submit(&format!("/victims/{}/messages", g.victim), &[])
                .await
        }
        Form::RetryMessage => {
            press(
                &mut b,
                "/messages/failed",
                &format!("/messages/{}/retry", g.target),
            )
            .await
        }
        Form::AddVictim => {
            b.submit(
                "/victims/new",
                &[
                    ("reference", "V-2040"),
                    ("preferred_language", "cy"),
                    ("enhanced_rights", "yes"),
                    ("is_child", "no"),
                ],
            )
            .await
        }
        Form::EditVictim => {
            b.submit(
                &format!("/victims/{}/edit", g.target),
                &[
                    ("reference", "V-2041"),
                    ("preferred_language", "en"),
                    ("enhanced_rights", "yes"),
                    ("is_child", "yes"),
                ],
            )
            .await
        }
        Form::SpecialMeasuresDiscussion => {
            b.submit(
                &format!("/cases/{}/special-measures/new", g.case),
                &[
                    ("held_on", "2026-03-20"),
                    ("held_time", "09:00"),
                    ("setting", "needs_assessment"),
                    ("measures", "screens"),
                    ("supporter_present", "no"),
                ],
            )
            .await
        }
        Form::ArrangePreTrialVisit => {
            b.submit(
                &format!("/cases/{}/visits/new", g.case),
                &[
                    ("court_id", g.court.as_str()),
                    ("date", "2026-04-02"),
                    ("time", "14:30"),
                    ("supporter_attends", "yes"),
                ],
            )
            .await
        }
        Form::ConfirmRequest => {
            press(
                &mut b,
                "/requests",
                &format!("/requests/{}/acknowledge", g.target),
            )
            .await
        }
        Form::UploadCourtList => {
            let token = b.get("/court-lists").await.csrf();
            b.upload(
                "/court-lists",
                &[
                    ("csrf_token", token.as_str()),
                    ("list_type", "crown_daily_pdda_list"),
                    ("court", ""),
                ],
                "list",
                "crown-daily.json",
                court_list(),
            )
            .await
        }
        Form::RecordSafetyPlan | Form::ChangeSafetyPlan => {
            let exit = if matches!(form, Form::ChangeSafetyPlan) {
                "The back door"
            } else {
                "Side door"
            };
            b.submit(
                &format!("/hearings/{}/safety-plan", g.target),
                &[
                    ("entrance", "Side door"),
                    ("exit", exit),
                    ("waiting_area", "Witness Service room 2"),
                    ("agreed", "no"),
                    ("basis", "spoc"),
                    ("may_email", "no"),
                ],
            )
            .await
        }
        Form::WithdrawSafetyPlan => {
            // The page that asks first holds the form.
            let ask = format!("/hearings/{}/safety-plan/withdraw", g.target);
            press(&mut b, &ask, &ask).await
        }
        Form::AgreeSafetyPlan => {
            // The token from the home page: opening the plan's page would
            // itself be an audited read by the Witness Service.
            let token = b.get("/").await.csrf();
            b.post(
                &format!("/hearings/{}/safety-plan/agree", g.target),
                &[("csrf_token", token.as_str())],
            )
            .await
        }
        Form::AssignSupporter => {
            b.submit(
                &format!("/victims/{}/assignments/new", g.victim),
                &[
                    ("supporter_id", g.record["supporter_id"].as_str().unwrap()),
                    ("role", "isva"),
                    ("starts_on", "2026-03-01"),
                    ("spoc", "no"),
                ],
            )
            .await
        }
        Form::ChangeAssignment => {
            let r = &g.record;
            b.submit(
                &format!("/assignments/{}/edit", g.target),
                &[
                    ("role", "court_idva"),
                    ("starts_on", r["starts_on"].as_str().unwrap()),
                    ("ends_on", ""),
                    ("spoc", "yes"),
                    ("spoc_agreed_on", r["spoc_agreed_on"].as_str().unwrap()),
                ],
            )
            .await
        }
        Form::EndAssignment => {
            b.submit(
                &format!("/assignments/{}/end", g.target),
                &[("ends_on", "2026-03-31")],
            )
            .await
        }
        Form::RecordAgencyUpdate => {
            b.submit(
                &format!("/cases/{}/updates/new", g.case),
                &[("topic", "case_progress")],
            )
            .await
        }
        Form::SetBookingLeadTime => {
            b.submit(
                "/court/booking-lead-time",
                &[("short_notice_working_days", "10")],
            )
            .await
        }
        Form::ChooseReminderDelivery => {
            b.submit("/my-reminders", &[("delivery", "in_daily_digest")])
                .await
        }
        Form::AddPerson => {
            b.submit(
                "/directory/users/new",
                &[
                    ("display_name", "Sam Lee"),
                    ("email", "sam@safer-futures.example"),
                    (
                        "organisation_id",
                        g.record["organisation_id"].as_str().unwrap(),
                    ),
                    ("role", "supporter"),
                    ("manager_id", ""),
                    ("active", "yes"),
                    ("password", "a long first password"),
                ],
            )
            .await
        }
        Form::ChangePerson => {
            b.submit(
                &format!("/directory/users/{}/edit", g.target),
                &[
                    ("display_name", g.record["display_name"].as_str().unwrap()),
                    ("email", BEN),
                    (
                        "organisation_id",
                        g.record["organisation_id"].as_str().unwrap(),
                    ),
                    ("role", "supporter"),
                    ("manager_id", g.record["manager_id"].as_str().unwrap_or("")),
                    ("active", "no"),
                ],
            )
            .await
        }
        Form::AddOrganisation => {
            b.submit(
                "/directory/organisations/new",
                &[
                    ("kind", "witness_service"),
                    ("name", "Swansea Witness Service"),
                    ("address", ""),
                    ("contact_email", "swansea@witness-service.example"),
                    ("contact_phone", ""),
                    ("court_id", ""),
                ],
            )
            .await
        }
        Form::AddCourt => {
            b.submit(
                "/directory/courts/new",
                &[
                    ("name", "Aberystwyth Justice Centre"),
                    ("kind", "crown"),
                    ("town", "Aberystwyth"),
                    ("nation", "wales"),
                    ("crown_court_code", ""),
                ],
            )
            .await
        }
        Form::RecordCpsMeeting => {
            b.submit(
                &format!("/cases/{}/cps-meeting", g.case),
                &[
                    ("supporter_invited", "wanted"),
                    ("meeting_date", "31/03/2026"),
                    ("meeting_time", "14:30"),
                ],
            )
            .await
        }
        Form::RecordTrialUpdate => {
            b.submit(
                &format!("/hearings/{}/trial-updates", g.target),
                &[
                    ("kind", "started"),
                    ("told_in_person", "victim"),
                    ("note", "Court 3 at last"),
                ],
            )
            .await
        }
        Form::SetTrialUpdatePreference => {
            let at = format!("/hearings/{}/trial-updates", g.target);
            let token = b.get(&at).await.csrf();
            b.post(
                &format!("{at}/preference"),
                &[
                    ("csrf_token", token.as_str()),
                    ("to_victim", "yes"),
                    ("contact_name", "Sam"),
                    ("contact_email", "sam@example.org"),
                ],
            )
            .await
        }
        Form::AddRiskMeeting | Form::ChangeRiskMeeting => {
            let path = match form {
                Form::AddRiskMeeting => format!("/victims/{}/risk-meetings", g.victim),
                _ => format!("/risk-meetings/{}", g.target),
            };
            b.submit(
                &path,
                &[
                    ("kind", "marac"),
                    ("meeting_date", "2026-04-09"),
                    ("meeting_time", "10:00"),
                    ("panel", "Leeds MARAC"),
                ],
            )
            .await
        }
        Form::CancelRiskMeeting => {
            b.submit(&format!("/risk-meetings/{}/cancel", g.target), &[])
                .await
        }
        Form::AddProtectiveOrder => {
            after_outcome_form(
                &mut b,
                &g.case,
                &format!("/cases/{}/protective-orders", g.case),
                &[
                    ("kind", "non_molestation"),
                    ("made_on", "2026-03-02"),
                    ("ends_on", "2026-05-29"),
                    ("court_id", g.court.as_str()),
                    ("note", "Respondent seen near the school"),
                ],
            )
            .await
        }
        Form::ChangeProtectiveOrder => {
            b.submit(
                &format!("/protective-orders/{}/edit", g.target),
                &[
                    ("kind", "non_molestation"),
                    ("made_on", "2026-03-02"),
                    ("ends_on", "2026-06-30"),
                    ("court_id", g.court.as_str()),
                    ("note", "Respondent seen near the school"),
                ],
            )
            .await
        }
        Form::RecordRiskAction => {
            let at = format!("/risk-meetings/{}", g.target);
            let token = b.get(&at).await.csrf();
            b.post(
                &format!("{at}/actions"),
                &[
                    ("csrf_token", token.as_str()),
                    ("owner", "supporter"),
                    ("organisation_id", ""),
                    ("text", "Review the safety plan"),
                    ("due_on", "2026-03-27"),
                ],
            )
            .await
        }
        Form::EndProtectiveOrder => {
            b.submit(
                &format!("/protective-orders/{}/end", g.target),
                &[("how", "discharged"), ("ended_on", "2026-03-19")],
            )
            .await
        }
        Form::RecordReviewDecision => {
            after_outcome_form(
                &mut b,
                &g.case,
                &format!("/cases/{}/review-decisions", g.case),
                &[
                    ("decided_by", "cps"),
                    ("decision", "discontinued"),
                    ("told_on", "2026-03-18"),
                ],
            )
            .await
        }
        Form::BookStatementAppointment | Form::ChangeStatementAppointment => {
            let path = match form {
                Form::BookStatementAppointment => {
                    format!("/cases/{}/statement-appointments", g.case)
                }
                _ => format!("/statement-appointments/{}", g.target),
            };
            let r = &g.record;
            let person = |key: &str| {
                r[key]
                    .as_str()
                    .or_else(|| {
                        let nested = key.trim_end_matches("_id");
                        r[nested]["id"].as_str()
                    })
                    .unwrap_or_default()
                    .to_string()
            };
            let alternative = person("alternative_supporter_id");
            let (officer, supporter) = (person("officer_id"), person("supporter_id"));
            b.submit(
                &path,
                &[
                    ("kind", "abe_interview"),
                    ("appointment_date", "2026-03-31"),
                    ("appointment_time", "14:00"),
                    ("place", "Elland Road Police Station"),
                    ("officer_id", officer.as_str()),
                    ("supporter_id", supporter.as_str()),
                    ("alternative_supporter_id", alternative.as_str()),
                ],
            )
            .await
        }
        Form::WithdrawStatementAppointment => {
            let at = format!("/statement-appointments/{}", g.target);
            let token = b.get(&at).await.csrf();
            b.post(
                &format!("{at}/cancel"),
                &[("csrf_token", token.as_str()), ("version", "1")],
            )
            .await
        }
        Form::RecordCompensation => {
            after_outcome_form(
                &mut b,
                &g.case,
                &format!("/cases/{}/compensation", g.case),
                &[("incident_on", "2025-06-15")],
            )
            .await
        }
        Form::SetReminders => {
            let form = b.get("/settings/reminders").await;
            let rows: usize = hidden(&form.body, "rows").unwrap().parse().unwrap();
            let mut fields: Vec<(String, String)> = (0..rows - 1)
                .map(|i| (format!("r{i}_remove"), "yes".to_string()))
                .collect();
            let last = rows - 1;
            fields.extend([
                (format!("r{last}_days"), "2".to_string()),
                (format!("r{last}_unit"), "working_days".to_string()),
                (format!("r{last}_time"), "10:15".to_string()),
                (format!("r{last}_of"), "hearing".to_string()),
            ]);
            let borrowed: Vec<(&str, &str)> = fields
                .iter()
                .map(|(k, v)| (k.as_str(), v.as_str()))
                .collect();
            b.submit("/settings/reminders", &borrowed).await
        }
        Form::UseDefaultReminders => {
            let token = b.get("/settings").await.csrf();
            b.post(
                "/settings/reminders/defaults",
                &[("csrf_token", token.as_str())],
            )
            .await
        }
        Form::RegisterWebhook => {
            b.submit(
                "/settings/webhook",
                &[("url", "https://partner.example/hook")],
            )
            .await
        }
        Form::RevokeWebhook => b.submit("/settings/webhook/revoke", &[]).await,
        Form::AddResponsibleAdult => {
            b.submit(
                &format!("/victims/{}/responsible-adults", g.victim),
                &[
                    ("name", "Pat Parent"),
                    ("relationship", "parent"),
                    ("email", "pat.parent@example.org"),
                    ("phone", ""),
                    ("preferred_language", ""),
                ],
            )
            .await
        }
        Form::ExcludeResponsibleAdult => {
            let at = format!("/victims/{}/responsible-adults", g.victim);
            let token = b.get(&at).await.csrf();
            let version = g.version.to_string();
            b.post(
                &format!("{at}/{}/exclude", g.target),
                &[
                    ("csrf_token", token.as_str()),
                    ("version", version.as_str()),
                    ("excluded_by", "court"),
                    ("reason", "Order 2026/77"),
                ],
            )
            .await
        }
        Form::EndResponsibleAdult => {
            let at = format!("/victims/{}/responsible-adults", g.victim);
            press(&mut b, &at, &format!("{at}/{}/end", g.target)).await
        }
        Form::AddParoleMilestone => {
            b.submit(
                "/parole/milestones/new",
                &[
                    ("victim_id", g.victim.as_str()),
                    ("kind", "hearing_listed"),
                    ("occurs_on", "2026-05-12"),
                    ("hearing_format", "oral"),
                ],
            )
            .await
        }
    };
    assert!(
        page.status == StatusCode::SEE_OTHER || page.status == StatusCode::OK,
        "{form:?} (page): {} {}",
        page.status,
        page.body
    );
}

async fn by_api(form: Form, app: &TestApp, g: &Given) {
    let token = app.login(form.who()).await;
    let put = |path: String, body: Value| {
        let token = token.clone();
        async move {
            let (status, out) = app.put(&path, &token, g.version, body).await;
            assert_eq!(status, StatusCode::OK, "{form:?} (API): {out}");
        }
    };
    let post = |path: &'static str, body: Value| {
        let token = token.clone();
        async move {
            let (status, out) = app.post(path, &token, body).await;
            assert!(status.is_success(), "{form:?} (API): {status} {out}");
        }
    };
    match form {
        Form::AddHearing => post("/api/v1/hearings", hearing_input(&g.case, &g.court)).await,
        Form::MoveHearing => {
            let mut body = hearing_input(&g.case, &g.court);
            body["starts_at"] = json!("2026-04-16T14:00:00+01:00");
            put(format!("/api/v1/hearings/{}", g.target), body).await
        }
        Form::VacateHearing => {
            let mut body = hearing_input(&g.case, &g.court);
            body["status"] = json!("vacated");
            put(format!("/api/v1/hearings/{}", g.target), body).await
        }
        Form::AdjournHearing => {
            // An adjournment to a known date is a move.
            let mut body = hearing_input(&g.case, &g.court);
            body["status"] = json!("moved");
            body["starts_at"] = json!("2026-04-21T14:00:00+01:00");
            put(format!("/api/v1/hearings/{}", g.target), body).await
        }
        Form::RecordHearingOutcome => {
            let mut body = hearing_input(&g.case, &g.court);
            body["status"] = json!("concluded");
            body["result"] = json!({"kind": "sentenced", "sentence":
                {"type": "immediate_custody", "months": 12, "specified_offence": true}});
            put(format!("/api/v1/hearings/{}", g.target), body).await
        }
        Form::AskToAttend => {
            let me = app.user_id(&token).await;
            post(
                "/api/v1/attendance-requests",
                json!({"hearing_id": g.target, "supporter_id": me}),
            )
            .await
        }
        Form::DecideAttendance => {
            put(
                format!("/api/v1/attendance-requests/{}", g.target),
                json!({"hearing_id": g.record["hearing_id"],
                       "supporter_id": g.record["supporter_id"], "state": "allowed"}),
            )
            .await
        }
        Form::RecordConsent => {
            post(
                "/api/v1/consents",
                json!({"victim_id": g.victim, "scope": "parole_to_supporter",
                       "basis": "consent", "given_at": "2026-03-18T00:00:00Z"}),
            )
            .await
        }
        Form::WithdrawConsent => {
            put(
                format!("/api/v1/consents/{}", g.target),
                json!({"victim_id": g.victim, "scope": "parole_to_supporter",
                       "given_at": g.record["given_at"],
                       "withdrawn_at": "2026-03-20T09:00:00Z"}),
            )
            .await
        }
        Form::UndoConsentWithdrawal => {
            // The API's twin of the page's undo.
            let (status, out) = app
                .post(
                    &format!("/api/v1/consents/{}/undo-withdrawal", g.target),
                    &token,
                    json!({}),
                )
                .await;
            assert_eq!(status, StatusCode::CREATED, "{out}");
        }
        Form::MarkTaskDone => {
            put(
                format!("/api/v1/tasks/{}", g.target),
                json!({"state": "done"}),
            )
            .await
        }
        Form::MakeCalendarFeed => post("/api/v1/calendar-feeds", json!({})).await,
        Form::RevokeCalendarFeed => {
            let (status, out) = app
                .post(
                    &format!("/api/v1/calendar-feeds/{}/revoke", g.target),
                    &token,
                    json!({}),
                )
                .await;
            assert_eq!(status, StatusCode::OK, "{out}");
        }
        Form::ResumeMessages => {
            let (status, _, out) = app
                .call_full(
                    reqwest::Method::DELETE,
                    &format!("/api/v1/victims/{}/message-stop", g.victim),
                    Some(&token),
                    None,
                    &[],
                )
                .await;
            assert_eq!(status, StatusCode::OK, "{out}");
        }
        Form::RetryMessage => {
            let (status, out) = app
                .post(
                    &format!("/api/v1/notices/{}/retry", g.target),
                    &token,
                    json!({}),
                )
                .await;
            assert_eq!(status, StatusCode::OK, "{out}");
        }
        Form::AddVictim => {
            post(
                "/api/v1/victims",
                json!({"reference": "V-2040", "preferred_language": "cy",
                       "enhanced_rights": true, "is_child": false}),
            )
            .await
        }
        Form::EditVictim => {
            put(
                format!("/api/v1/victims/{}", g.target),
                json!({"reference": "V-2041", "preferred_language": "en",
                       "enhanced_rights": true, "is_child": true}),
            )
            .await
        }
        Form::SpecialMeasuresDiscussion => {
            post(
                "/api/v1/special-measures-discussions",
                json!({"case_id": g.case, "held_at": "2026-03-20T09:00:00+00:00",
                       "setting": "needs_assessment", "measures": ["screens"],
                       "supporter_id": g.record["supporter_id"],
                       "supporter_present": false}),
            )
            .await
        }
        Form::ArrangePreTrialVisit => {
            post(
                "/api/v1/pre-trial-visits",
                json!({"case_id": g.case, "court_id": g.court, "state": "arranged",
                       "starts_at": "2026-04-02T14:30:00+01:00",
                       "supporter_attends": true, "arranged_via": "witness_care_unit"}),
            )
            .await
        }
        Form::ConfirmRequest => {
            let (status, out) = app
                .post(
                    &format!("/api/v1/notices/{}/acknowledgement", g.target),
                    &token,
                    json!({}),
                )
                .await;
            assert_eq!(status, StatusCode::OK, "{out}");
        }
        Form::UploadCourtList => {
            let doc: Value = serde_json::from_slice(&court_list()).unwrap();
            let (status, out) = app
                .call(
                    reqwest::Method::POST,
                    "/api/v1/court-lists?list_type=crown_daily_pdda_list",
                    Some(&token),
                    Some(doc),
                )
                .await;
            assert_eq!(status, StatusCode::OK, "{out}");
        }
        Form::RecordSafetyPlan => {
            let path = format!("/api/v1/hearings/{}/safety-plan", g.target);
            let (status, out) = app.post(&path, &token, safety_plan_input()).await;
            assert_eq!(status, StatusCode::CREATED, "{form:?} (API): {out}");
        }
        Form::ChangeSafetyPlan => {
            let mut body = safety_plan_input();
            body["exit"] = json!("The back door");
            put(format!("/api/v1/hearings/{}/safety-plan", g.target), body).await
        }
        Form::WithdrawSafetyPlan => {
            let path = format!("/api/v1/hearings/{}/safety-plan", g.target);
            let (status, _, out) = app
                .call_full(reqwest::Method::DELETE, &path, Some(&token), None, &[])
                .await;
            assert_eq!(status, StatusCode::NO_CONTENT, "{form:?} (API): {out}");
        }
        Form::AgreeSafetyPlan => {
            let path = format!("/api/v1/hearings/{}/safety-plan/agreement", g.target);
            let (status, out) = app.post(&path, &token, json!({})).await;
            assert_eq!(status, StatusCode::CREATED, "{form:?} (API): {out}");
        }
        Form::AssignSupporter => {
            post(
                "/api/v1/supporter-assignments",
                json!({"victim_id": g.victim, "supporter_id": g.record["supporter_id"],
                       "role": "isva", "starts_on": "2026-03-01"}),
            )
            .await
        }
        Form::ChangeAssignment | Form::EndAssignment => {
            let r = &g.record;
            let mut body = json!({"victim_id": r["victim_id"], "supporter_id": r["supporter_id"],
                                  "role": r["role"], "starts_on": r["starts_on"],
                                  "is_spoc": r["is_spoc"], "spoc_agreed_on": r["spoc_agreed_on"]});
            if matches!(form, Form::ChangeAssignment) {
                body["role"] = json!("court_idva");
            } else {
                body["ends_on"] = json!("2026-03-31");
            }
            put(format!("/api/v1/supporter-assignments/{}", g.target), body).await
        }
        Form::RecordTrialUpdate => {
            let path = format!("/api/v1/hearings/{}/trial-updates", g.target);
            let body = json!({"kind": "started", "told_in_person": ["victim"],
                              "note": "Court 3 at last"});
            let (status, out) = app.post(&path, &token, body).await;
            assert_eq!(status, StatusCode::CREATED, "{form:?} (API): {out}");
        }
        Form::RecordAgencyUpdate => {
            post(
                "/api/v1/agency-updates",
                json!({"victim_id": g.victim, "case_id": g.case, "topic": "case_progress"}),
            )
            .await
        }
        Form::SetBookingLeadTime => {
            let court = app.court_id(&token, "Leeds Combined Court Centre").await;
            let (status, _, out) = app
                .call_full(
                    Method::PUT,
                    &format!("/api/v1/courts/{court}/court-need-settings"),
                    Some(&token),
                    Some(json!({"short_notice_working_days": 10})),
                    &[],
                )
                .await;
            assert_eq!(status, StatusCode::OK, "{form:?} (API): {out}");
        }
        Form::SetReminders => {
            let (status, out) = put_plain(
                app,
                &format!("/api/v1/organisations/{}/reminder-rules", g.target),
                &token,
                own_reminders(),
            )
            .await;
            assert_eq!(status, StatusCode::OK, "{form:?} (API): {out}");
        }
        Form::AddPerson => {
            post(
                "/api/v1/users",
                json!({"display_name": "Sam Lee", "email": "sam@safer-futures.example",
                       "organisation_id": g.record["organisation_id"], "role": "supporter",
                       "active": true, "password": "a long first password"}),
            )
            .await
        }
        Form::ChangePerson => {
            put(
                format!("/api/v1/users/{}", g.target),
                json!({"display_name": g.record["display_name"], "email": BEN,
                       "organisation_id": g.record["organisation_id"], "role": "supporter",
                       "manager_id": g.record["manager_id"], "active": false}),
            )
            .await
        }
        Form::AddOrganisation => {
            post(
                "/api/v1/organisations",
                json!({"kind": "witness_service", "name": "Swansea Witness Service",
                       "contact_email": "swansea@witness-service.example"}),
            )
            .await
        }
        Form::AddCourt => {
            post(
                "/api/v1/courts",
                json!({"name": "Aberystwyth Justice Centre", "kind": "crown", "town": "Aberystwyth",
                       "nation": "wales"}),
            )
            .await
        }
        Form::ChooseReminderDelivery => {
            let (status, out) = put_plain(
                app,
                "/api/v1/me/reminder-delivery",
                &token,
                json!({"delivery": "in_daily_digest"}),
            )
            .await;
            assert_eq!(status, StatusCode::OK, "{form:?} (API): {out}");
        }
        Form::UseDefaultReminders => {
            let (status, out) = put_plain(
                app,
                &format!("/api/v1/organisations/{}/reminder-rules", g.target),
                &token,
                json!({"supporter": null}),
            )
            .await;
            assert_eq!(status, StatusCode::OK, "{form:?} (API): {out}");
        }
        Form::RegisterWebhook => {
            let (status, out) = app
                .post(
                    "/api/v1/webhooks",
                    &token,
                    json!({"organisation_id": g.target, "url": "https://partner.example/hook"}),
                )
                .await;
            assert_eq!(status, StatusCode::CREATED, "{form:?} (API): {out}");
        }
        Form::RevokeWebhook => {
            let (status, out) = app
                .post(
                    &format!("/api/v1/webhooks/{}/revoke", g.target),
                    &token,
                    json!({}),
                )
                .await;
            assert_eq!(status, StatusCode::OK, "{form:?} (API): {out}");
        }
        Form::RecordCpsMeeting => {
            let path = format!("/api/v1/cases/{}/cps-meeting", g.case);
            let body = json!({"supporter_invited": "wanted", "meeting_at": "2026-03-31T13:30:00Z"});
            let (status, out) = app.put(&path, &token, 0, body).await;
            assert_eq!(status, StatusCode::OK, "{form:?} (API): {out}");
        }
        Form::AddProtectiveOrder => {
            let path = format!("/api/v1/cases/{}/protective-orders", g.case);
            let (status, out) = app.post(&path, &token, order_input(&g.court)).await;
            assert_eq!(status, StatusCode::CREATED, "{form:?} (API): {out}");
        }
        Form::ChangeProtectiveOrder => {
            let mut body = order_input(&g.court);
            body["ends_on"] = json!("2026-06-30");
            put(format!("/api/v1/protective-orders/{}", g.target), body).await
        }
        Form::AddResponsibleAdult => {
            let path = format!("/api/v1/victims/{}/responsible-adults", g.victim);
            let (status, out) = app.post(&path, &token, responsible_adult_input()).await;
            assert_eq!(status, StatusCode::CREATED, "{form:?} (API): {out}");
        }
        Form::ExcludeResponsibleAdult | Form::EndResponsibleAdult => {
            let tag = format!("\"{}\"", g.version);
            let (path, body) = match form {
                Form::ExcludeResponsibleAdult => (
                    format!("/api/v1/responsible-adults/{}/exclude", g.target),
                    Some(json!({"excluded_by": "court", "reason": "Order 2026/77"})),
                ),
                _ => (format!("/api/v1/responsible-adults/{}/end", g.target), None),
            };
            let (status, _, out) = app
                .call_full(
                    reqwest::Method::POST,
                    &path,
                    Some(&token),
                    body,
                    &[("if-match", &tag)],
                )
                .await;
            assert_eq!(status, StatusCode::OK, "{form:?} (API): {out}");
        }
        Form::EndProtectiveOrder => {
            let tag = format!("\"{}\"", g.version);
            let (status, _, out) = app
                .call_full(
                    reqwest::Method::POST,
                    &format!("/api/v1/protective-orders/{}/end", g.target),
                    Some(&token),
                    Some(json!({"how": "discharged", "ended_on": "2026-03-19"})),
                    &[("if-match", &tag)],
                )
                .await;
            assert_eq!(status, StatusCode::OK, "{form:?} (API): {out}");
        }
        Form::RecordReviewDecision => {
            let path = format!("/api/v1/cases/{}/review-decisions", g.case);
            let body =
                json!({"decided_by": "cps", "decision": "discontinued", "told_on": "2026-03-18"});
            let (status, out) = app.post(&path, &token, body).await;
            assert_eq!(status, StatusCode::CREATED, "{form:?} (API): {out}");
        }
        Form::BookStatementAppointment | Form::ChangeStatementAppointment => {
            let r = &g.record;
            let id = |key: &str, nested: &str| {
                r[key]
                    .as_str()
                    .or(r[nested]["id"].as_str())
                    .unwrap()
                    .to_string()
            };
            let body = json!({"kind": "abe_interview", "starts_at": "2026-03-31T14:00:00+01:00",
                              "place": "Elland Road Police Station",
                              "officer_id": id("officer_id", "officer"),
                              "supporter_id": id("supporter_id", "supporter"),
                              "alternative_supporter_id":
                                  id("alternative_supporter_id", "alternative_supporter")});
            if matches!(form, Form::BookStatementAppointment) {
                let path = format!("/api/v1/cases/{}/statement-appointments", g.case);
                let (status, out) = app.post(&path, &token, body).await;
                assert_eq!(status, StatusCode::CREATED, "{form:?} (API): {out}");
            } else {
                put(format!("/api/v1/statement-appointments/{}", g.target), body).await
            }
        }
        Form::WithdrawStatementAppointment => {
            let path = format!("/api/v1/statement-appointments/{}/cancel", g.target);
            let (status, _, out) = app
                .call_full(
                    reqwest::Method::POST,
                    &path,
                    Some(&token),
                    Some(json!({})),
                    &[("If-Match", "\"1\"")],
                )
                .await;
            assert_eq!(status, StatusCode::OK, "{form:?} (API): {out}");
        }
        Form::RecordCompensation => {
            let path = format!("/api/v1/cases/{}/compensation", g.case);
            let (status, out) = app
                .post(&path, &token, json!({"incident_on": "2025-06-15"}))
                .await;
            assert_eq!(status, StatusCode::CREATED, "{form:?} (API): {out}");
        }
        Form::SetTrialUpdatePreference => {
            let path = format!("/api/v1/victims/{}/trial-update-preferences", g.victim);
            let body = json!({"to_victim": true, "contact_name": "Sam",
                              "contact_email": "sam@example.org"});
            let (status, out) = app.put(&path, &token, 0, body).await;
            assert_eq!(status, StatusCode::OK, "{form:?} (API): {out}");
        }
        Form::AddRiskMeeting => {
            let path = format!("/api/v1/victims/{}/risk-meetings", g.victim);
            let body = json!({"kind": "marac", "starts_at": "2026-04-09T10:00:00+01:00",
                              "panel": "Leeds MARAC"});
            let (status, out) = app.post(&path, &token, body).await;
            assert_eq!(status, StatusCode::CREATED, "{form:?} (API): {out}");
        }
        Form::ChangeRiskMeeting => {
            let body = json!({"kind": "marac", "starts_at": "2026-04-09T10:00:00+01:00",
                              "panel": "Leeds MARAC"});
            put(format!("/api/v1/risk-meetings/{}", g.target), body).await
        }
        Form::CancelRiskMeeting => {
            let etag = format!("\"{}\"", g.version);
            let (status, _, out) = app
                .call_full(
                    Method::POST,
                    &format!("/api/v1/risk-meetings/{}/cancel", g.target),
                    Some(&token),
                    None,
                    &[("if-match", &etag)],
                )
                .await;
            assert_eq!(status, StatusCode::OK, "{form:?} (API): {out}");
        }
        Form::RecordRiskAction => {
            let path = format!("/api/v1/risk-meetings/{}/actions", g.target);
            let body = json!({"owner": "supporter", "text": "Review the safety plan",
                              "due_on": "2026-03-27"});
            let (status, out) = app.post(&path, &token, body).await;
            assert_eq!(status, StatusCode::CREATED, "{form:?} (API): {out}");
        }
        Form::AddParoleMilestone => {
            post(
                "/api/v1/parole-milestones",
                json!({"victim_id": g.victim, "kind": "hearing_listed",
                       "occurs_on": "2026-05-12", "hearing_format": "oral"}),
            )
            .await
        }
    }
}

/// One audit entry with its ids aside: (action, entity, actor, whether a
/// victim is named, category, recipient, basis). The actor is `me` for the
/// person signed in, `system` for none.
type Seen = (
    String,
    String,
    String,
    bool,
    Option<String>,
    Option<String>,
    Option<String>,
);

/// The audit log's newest sequence number. (The log has no reading route:
/// the test reads the table, and only reads it.)
fn audit_high(app: &TestApp) -> i64 {
    use courtside::store::schema::audit_log;
    use diesel::dsl::max;
    use diesel::prelude::*;
    let mut conn = app.pool.get().unwrap();
    audit_log::table
        .select(max(audit_log::seq))
        .first::<Option<i64>>(&mut conn)
        .unwrap()
        .unwrap_or(0)
}

/// A recipient key with any record id in it put aside
/// (`supporter:<id>`; `court:Leeds Crown Court` stays as it is).
fn ids_aside(key: &str) -> String {
    key.split(':')
        .map(|part| {
            let is_id = part.len() == 36 && part.chars().all(|c| c.is_ascii_hexdigit() || c == '-');
            if is_id {
                "<id>"
            } else {
                part
            }
        })
        .collect::<Vec<_>>()
        .join(":")
}

/// The entries written after `after`, oldest first.
fn audit_since(app: &TestApp, after: i64, me: &str) -> Vec<Seen> {
    use courtside::store::schema::audit_log;
    use diesel::prelude::*;
    let mut conn = app.pool.get().unwrap();
    type Row = (
        String,
        String,
        Option<String>,
        Option<String>,
        Option<String>,
        Option<String>,
        Option<String>,
    );
    let rows: Vec<Row> = audit_log::table
        .filter(audit_log::seq.gt(after))
        .order(audit_log::seq.asc())
        .select((
            audit_log::action,
            audit_log::entity,
            audit_log::actor_user_id,
            audit_log::victim_id,
            audit_log::category,
            audit_log::recipient,
            audit_log::basis,
        ))
        .load(&mut conn)
        .unwrap();
    let mut seen: Vec<Seen> = rows
        .into_iter()
        .map(
            |(action, entity, actor, victim, category, recipient, basis)| {
                let actor = match actor.as_deref() {
                    None => "system".to_string(),
                    Some(a) if a == me => "me".to_string(),
                    Some(_) => "someone else".to_string(),
                };
                (
                    action,
                    entity,
                    actor,
                    victim.is_some(),
                    category,
                    recipient.map(|r| ids_aside(&r)),
                    basis,
                )
            },
        )
        .collect();
    // Entries written in one transaction may come in either order.
    seen.sort();
    seen
}

/// Prepares a fresh app, makes the change one way, and answers the audit
/// entries it wrote.
async fn entries(form: Form, through_page: bool) -> Vec<Seen> {
    let app = TestApp::spawn().await;
    let given = prepare(form, &app).await;
    let me = app.user_id(&app.login(form.who()).await).await;
    let mark = audit_high(&app);
    if through_page {
        by_page(form, &app, &given).await;
    } else {
        by_api(form, &app, &given).await;
    }
    let seen = audit_since(&app, mark, &me)
        .into_iter()
        // Signing in (the page's browser, the API's token) is not the
        // change.
        .filter(|s| s.1 != "sessions" && s.1 != "api_tokens")
        .collect();
    app.stop().await;
    seen
}

#[actix_web::test]
async fn each_page_form_writes_the_audit_entries_of_its_api_twin() {
    for &form in Form::ALL {
        let page = entries(form, true).await;
        let api = entries(form, false).await;
        assert!(
            page.iter().any(|s| s.2 == "me"),
            "{form:?}: the page wrote no audit entry of its own: {page:#?}"
        );
        assert_eq!(page, api, "{form:?}: page (left) and API (right) differ");
    }
}

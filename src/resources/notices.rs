//! Notices the flows planned: what will be (or was) sent, to whom, on what
//! basis, and where it stands. Read-only: only the flows create notices.

use chrono::{DateTime, Utc};
use diesel::prelude::*;
use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::app::{Ctx, Page, Paged, Resource, Validate};
use crate::error::{AppError, AppResult};
use crate::notify::ack::AckState;
use crate::notify::delivery::{being_sent, not_being_sent, shown_state, SENDING};
use crate::policy;
use crate::policy::{permits, Action, ResourceKind};
use crate::store::schema::{notice_actions, notices};
use crate::store::{self, scope, AnyConn};
use crate::validate::Validator;

use super::local;

pub struct Notices;

/// Notices have no input: they are planned, not posted.
#[derive(Debug, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NoNoticeInput {}

impl Validate for NoNoticeInput {
    fn validate(&self, _v: &mut Validator, _now: DateTime<Utc>) {}
}

#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct NoticeOut {
    pub id: String,
    pub victim_id: String,
    pub case_id: Option<String>,
    pub hearing_id: Option<String>,
    /// The flow step that planned it, and the rule it follows.
    pub step: String,
    pub citation: String,
    /// The step was reconstructed from guidance whose flow chart is an image.
    pub reconstructed: bool,
    pub recipient_kind: String,
    pub recipient: String,
    pub channel: String,
    pub template: String,
    pub language: String,
    /// The notice's data; left out for roles that may not read a victim's
    /// sensitive details (a court notice names the witness).
    #[schema(value_type = Option<Object>)]
    pub data: Option<Value>,
    pub category: String,
    /// Why the disclosure is allowed: consent (with its scope), the SPOC
    /// agreement, or a recorded lawful basis.
    #[schema(value_type = Object)]
    pub basis: Value,
    pub not_for_public_disclosure: bool,
    /// pending, sending, sent, failed, dead or cancelled.
    pub state: String,
    pub send_after: DateTime<Utc>,
    pub send_after_local: String,
    pub not_after: Option<DateTime<Utc>>,
    pub attempts: i32,
    pub sent_at: Option<DateTime<Utc>>,
    pub cancelled_reason: Option<String>,
    pub created_at: DateTime<Utc>,
    /// For a notice that needs action (see the rules' `acknowledgement`):
    /// when it must be acknowledged by (set when first sent), when it was
    /// and by whom (a user id, or `link`), and when it was escalated
    /// unacknowledged, with the escalation notice's id.
    pub acknowledge_by: Option<DateTime<Utc>>,
    pub acknowledged_at: Option<DateTime<Utc>>,
    pub acknowledged_by: Option<String>,
    pub escalated_at: Option<DateTime<Utc>>,
    pub escalation_notice_id: Option<String>,
    /// Notices change state but are never edited through the API.
    pub version: i32,
}

versioned!(NoticeOut);

#[derive(Queryable, Selectable)]
#[diesel(table_name = notices)]
struct Row {
    id: String,
    victim_id: String,
    case_id: Option<String>,
    hearing_id: Option<String>,
    step: String,
    citation: String,
    reconstructed: bool,
    recipient_kind: String,
    recipient_key: String,
    channel: String,
    template: String,
    language: String,
    data_json: String,
    category: String,
    basis_json: String,
    not_for_public_disclosure: bool,
    state: String,
    lease_owner: Option<String>,
    send_after: chrono::NaiveDateTime,
    not_after: Option<chrono::NaiveDateTime>,
    attempts: i32,
    sent_at: Option<chrono::NaiveDateTime>,
    cancelled_reason: Option<String>,
    created_at: chrono::NaiveDateTime,
    acknowledged_at: Option<chrono::NaiveDateTime>,
}

fn json(text: &str) -> AppResult<Value> {
    serde_json::from_str(text).map_err(|e| AppError::Internal(format!("stored notice JSON: {e}")))
}

impl Row {
    fn out(self, ctx: &Ctx, ack: Option<&AckState>) -> AppResult<NoticeOut> {
        let show_data = permits(ctx.actor.role, ResourceKind::VictimSensitive, Action::Read);
        let send_after = store::from_db(self.send_after);
        Ok(NoticeOut {
            data: if show_data {
                Some(json(&self.data_json)?)
            } else {
                None
            },
            basis: json(&self.basis_json)?,
            id: self.id,
            victim_id: self.victim_id,
            case_id: self.case_id,
            hearing_id: self.hearing_id,
            step: self.step,
            citation: self.citation,
            reconstructed: self.reconstructed,
            recipient_kind: self.recipient_kind,
            recipient: self.recipient_key,
            channel: self.channel,
            template: self.template,
            language: self.language,
            category: self.category,
            not_for_public_disclosure: self.not_for_public_disclosure,
            state: shown_state(&self.state, self.lease_owner.as_deref()).to_owned(),
            send_after,
            send_after_local: local(send_after),
            not_after: self.not_after.map(store::from_db),
            attempts: self.attempts,
            sent_at: self.sent_at.map(store::from_db),
            cancelled_reason: self.cancelled_reason,
            created_at: store::from_db(self.created_at),
            acknowledge_by: ack.map(|a| a.acknowledge_by),
            acknowledged_at: self.acknowledged_at.map(store::from_db),
            acknowledged_by: ack.and_then(|a| a.acknowledged_by.clone()),
            escalated_at: ack.and_then(|a| a.escalated_at),
            escalation_notice_id: ack.and_then(|a| a.escalation_notice_id.clone()),
            version: 1,
        })
    }
}

/// Filters for notice lists.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NoticeFilter {
    pub victim_id: Option<String>,
    pub case_id: Option<String>,
    pub hearing_id: Option<String>,
    pub state: Option<String>,
    pub template: Option<String>,
    /// `true`: only notices escalated unacknowledged; `false`: only
    /// notices not escalated.
    pub escalated: Option<bool>,
    /// `true`: only acknowledged notices; `false`: only notices that need
    /// action and are not (yet) acknowledged.
    pub acknowledged: Option<bool>,
    pub page: Option<i64>,
    pub per_page: Option<i64>,
}

/// Loads one notice within the actor's reach.
pub fn load_row(conn: &mut AnyConn, ctx: &Ctx, id: &str) -> AppResult<NoticeOut> {
    let row: Row = notices::table
        .find(id)
        .select(Row::as_select())
        .first(conn)
        .optional()?
        .ok_or_else(|| AppError::NotFound("notice".into()))?;
    scope::require_readable(
        conn,
        &ctx.actor,
        ctx.today(),
        &row.victim_id,
        ResourceKind::Notice,
        policy::notice_about(&row.category, &row.step),
        "notice",
    )?;
    let ack = crate::notify::ack::state(conn, id)?;
    row.out(ctx, ack.as_ref())
}

impl Resource for Notices {
    const PATH: &'static str = "notices";
    const SINGULAR: &'static str = "notice";
    const KIND: ResourceKind = ResourceKind::Notice;
    const CREATABLE: bool = false;
    const UPDATABLE: bool = false;
    type Input = NoNoticeInput;
    type Output = NoticeOut;
    type Filter = NoticeFilter;

    fn read(conn: &mut AnyConn, ctx: &Ctx, id: &str) -> AppResult<NoticeOut> {
        load_row(conn, ctx, id)
    }

    fn list(
        conn: &mut AnyConn,
        ctx: &Ctx,
        f: &NoticeFilter,
        page: Page,
    ) -> AppResult<Paged<NoticeOut>> {
        let visible = ctx.visible_victims(conn)?;
        let strands = policy::readable_strands(ctx.actor.role, ResourceKind::Notice);
        let query = || {
            let mut q = notices::table
                .filter(notices::victim_id.eq_any(visible.clone()))
                .into_boxed();
            let parole = notices::category
                .eq(policy::PAROLE_CATEGORY)
                .or(notices::step.like(format!("{}%", policy::PAROLE_STEP_PREFIX)));
            filter_strands!(q, strands, parole, notices::id.is_null());
            filter_by!(q, notices, f, victim_id, case_id, hearing_id, template);
            // By the state as shown: "sending" is a pending or failed
            // notice holding a lease (see `delivery::being_sent`).
            match f.state.as_deref() {
                Some(SENDING) => q = q.filter(being_sent()),
                Some(state @ ("pending" | "failed")) => {
                    q = q
                        .filter(notices::state.eq(state.to_string()))
                        .filter(not_being_sent())
                }
                Some(state) => q = q.filter(notices::state.eq(state.to_string())),
                None => {}
            }
            let escalated = notice_actions::table
                .filter(notice_actions::escalated_at.is_not_null())
                .select(notice_actions::notice_id);
            match f.escalated {
                Some(true) => q = q.filter(notices::id.eq_any(escalated)),
                Some(false) => q = q.filter(notices::id.ne_all(escalated)),
                None => {}
            }
            match f.acknowledged {
                Some(true) => q = q.filter(notices::acknowledged_at.is_not_null()),
                Some(false) => {
                    q = q.filter(notices::acknowledged_at.is_null()).filter(
                        notices::id.eq_any(notice_actions::table.select(notice_actions::notice_id)),
                    )
                }
                None => {}
            }
            q
        };
        let rows = paged!(
            conn,
            page,
            query,
            (notices::send_after.asc(), notices::id.asc()),
            Row
        )?;
        let ids: Vec<String> = rows.items.iter().map(|r| r.id.clone()).collect();
        let acks = crate::notify::ack::states(conn, &ids)?;
        rows.try_map(|r| {
            let ack = acks.iter().find(|a| a.notice_id == r.id);
            r.out(ctx, ack)
        })
    }
}

/// The ids of a hearing's notices still to go (pending, or failed and to be
/// tried again) whose key starts with `prefix`: what a cancellation by that
/// prefix would cancel. The caller reads them through the scoped list.
pub fn open_ids_keyed_under(
    conn: &mut AnyConn,
    hearing_id: &str,
    prefix: &str,
) -> AppResult<Vec<String>> {
    let rows: Vec<(String, String)> = notices::table
        .filter(notices::hearing_id.eq(hearing_id))
        .filter(notices::state.eq_any(["pending", "failed"]))
        .filter(not_being_sent())
        .select((notices::id, notices::idempotency_key))
        .load(conn)?;
    Ok(rows
        .into_iter()
        .filter(|(_, key)| key.starts_with(prefix))
        .map(|(id, _)| id)
        .collect())
}

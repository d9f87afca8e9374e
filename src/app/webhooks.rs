//! Partner organisations' signed webhook endpoints: registering one (its
//! secret answered once, sealed at rest), listing those the actor manages,
//! and revoking one. Administrators manage any organisation's endpoint,
//! managers their own (`policy::manages_webhooks_of`); anyone else's is 404.

use chrono::{DateTime, Utc};
use diesel::prelude::*;
use serde::{Deserialize, Serialize};

use super::Ctx;
use crate::audit::AuditAction;
use crate::error::{AppError, AppResult};
use crate::notify::webhook;
use crate::policy::{manages_webhooks_of, Action, ResourceKind};
use crate::store::schema::{organisations, webhooks};
use crate::store::{self, AnyConn};
use crate::validate::Validator;

#[derive(Debug, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct WebhookInput {
    /// The partner organisation whose notices go to this endpoint.
    pub organisation_id: String,
    /// Where notices are POSTed: https:// (plain http only to this machine).
    pub url: String,
}

#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct WebhookOut {
    pub id: String,
    pub organisation_id: String,
    pub url: String,
    pub created_at: DateTime<Utc>,
    pub revoked_at: Option<DateTime<Utc>>,
}

/// The answer to registering an endpoint: the only time its secret is
/// shown.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct CreatedWebhookOut {
    pub id: String,
    pub organisation_id: String,
    pub url: String,
    pub created_at: DateTime<Utc>,
    /// The HMAC-SHA256 key for `Courtside-Signature`; keep it secret.
    #[serde(serialize_with = "crate::secret::Secret::serialize_exposed")]
    #[schema(value_type = String)]
    pub secret: crate::secret::Secret,
    /// The endpoint this one replaced, if the organisation had one.
    pub replaced: Option<String>,
}

#[derive(Queryable, Selectable)]
#[diesel(table_name = webhooks)]
struct Row {
    id: String,
    organisation_id: String,
    url: String,
    created_at: chrono::NaiveDateTime,
    revoked_at: Option<chrono::NaiveDateTime>,
}

fn out(row: Row) -> WebhookOut {
    WebhookOut {
        id: row.id,
        organisation_id: row.organisation_id,
        url: row.url,
        created_at: store::from_db(row.created_at),
        revoked_at: row.revoked_at.map(store::from_db),
    }
}

pub fn validate(input: &WebhookInput) -> AppResult<()> {
    let mut v = Validator::new();
    v.id("organisation_id", &input.organisation_id);
    if let Err(why) = webhook::check_url(input.url.trim()) {
        v.error("url", why);
    }
    v.finish()
}

/// Registers an endpoint for the organisation, revoking any live one.
/// Returns the new endpoint and its secret.
pub fn register(
    conn: &mut AnyConn,
    ctx: &Ctx,
    input: &WebhookInput,
) -> AppResult<CreatedWebhookOut> {
    ctx.may((ResourceKind::Webhook, Action::Create, "webhook"))?;
    validate(input)?;
    if !manages_webhooks_of(&ctx.actor, &input.organisation_id) {
        return Err(AppError::NotFound("organisation".into()));
    }
    let ring = crate::privacy::keyring()?;
    let secret = webhook::new_secret();
    let id = store::new_id();
    let url = input.url.trim().to_string();
    let ts = store::to_db(ctx.now);
    let replaced = store::write(conn, |conn| {
        let exists: i64 = organisations::table
            .find(&input.organisation_id)
            .count()
            .get_result(conn)?;
        if exists == 0 {
            return Err(AppError::field(
                "organisation_id",
                "must be the id of an existing organisation",
            ));
        }
        let live = webhooks::table
            .filter(webhooks::organisation_id.eq(&input.organisation_id))
            .filter(webhooks::revoked_at.is_null());
        let replaced: Option<String> = live.select(webhooks::id).first(conn).optional()?;
        diesel::update(live)
            .set(webhooks::revoked_at.eq(ts))
            .execute(conn)?;
        diesel::insert_into(webhooks::table)
            .values((
                webhooks::id.eq(&id),
                webhooks::organisation_id.eq(&input.organisation_id),
                webhooks::url.eq(&url),
                webhooks::secret.eq(ring.encrypt(&secret)),
                webhooks::created_by.eq(&ctx.actor.user_id),
                webhooks::created_at.eq(ts),
            ))
            .execute(conn)?;
        ctx.audit(conn, AuditAction::Create, "webhooks", &id)?;
        Ok(replaced)
    })?;
    Ok(CreatedWebhookOut {
        id,
        organisation_id: input.organisation_id.clone(),
        url,
        created_at: ctx.now,
        secret: secret.into(),
        replaced,
    })
}

/// The endpoints the actor manages, newest first.
pub fn list(conn: &mut AnyConn, ctx: &Ctx) -> AppResult<Vec<WebhookOut>> {
    ctx.may((ResourceKind::Webhook, Action::Read, "webhook"))?;
    let mut q = webhooks::table.into_boxed();
    if ctx.actor.role != crate::domain::Role::Admin {
        q = q.filter(webhooks::organisation_id.eq(ctx.actor.organisation_id.clone()));
    }
    let rows: Vec<Row> = q
        .order((webhooks::created_at.desc(), webhooks::id))
        .select(Row::as_select())
        .load(conn)?;
    Ok(rows
        .into_iter()
        .filter(|r| manages_webhooks_of(&ctx.actor, &r.organisation_id))
        .map(out)
        .collect())
}

/// Revokes an endpoint: the organisation's notices go by email again.
/// Revoking twice is harmless.
pub fn revoke(conn: &mut AnyConn, ctx: &Ctx, id: &str) -> AppResult<WebhookOut> {
    ctx.may((ResourceKind::Webhook, Action::Update, "webhook"))?;
    store::write(conn, |conn| {
        let found: Option<Row> = webhooks::table
            .find(id)
            .select(Row::as_select())
            .first(conn)
            .optional()?;
        let mut row = found
            .filter(|r| manages_webhooks_of(&ctx.actor, &r.organisation_id))
            .ok_or_else(|| AppError::NotFound("webhook".into()))?;
        if row.revoked_at.is_none() {
            let ts = store::to_db(ctx.now);
            diesel::update(webhooks::table.find(id))
                .set(webhooks::revoked_at.eq(ts))
                .execute(conn)?;
            ctx.audit(conn, AuditAction::Update, "webhooks", id)?;
            row.revoked_at = Some(ts);
        }
        Ok(out(row))
    })
}

//! `POST /api/v1/notices/{id}/acknowledgement`: the recipient of a notice
//! that needs action says they have it in hand. Allowed to the recipient
//! user or any member of the recipient organisation
//! (`policy::may_acknowledge`); to anyone else the notice is 404.
//! Acknowledging twice is harmless and answers the first acknowledgement.

use actix_web::{web, HttpResponse};
use diesel::prelude::*;

use super::resource::{authorise, run, Ctx, Registry, RouteInfo};
use crate::error::{AppError, AppResult};
use crate::notify::{ack, route};
use crate::policy::{may_acknowledge, Action, ResourceKind};
use crate::store::schema::notices;
use crate::web::auth::Authenticated;
use crate::web::AppState;

async fn acknowledge(
    state: web::Data<AppState>,
    who: Authenticated,
    id: web::Path<String>,
) -> AppResult<HttpResponse> {
    let ctx = Ctx {
        actor: who.0,
        now: state.clock.now(),
    };
    authorise(
        &ctx.actor,
        ResourceKind::NoticeAcknowledgement,
        Action::Create,
        "notice acknowledgement",
    )?;
    let id = id.into_inner();
    let out = run(&state, move |conn| {
        type Found = (
            String,
            Option<String>,
            Option<String>,
            Option<String>,
            String,
        );
        let found: Option<Found> = notices::table
            .find(&id)
            .select((
                notices::recipient_key,
                notices::recipient_user_id,
                notices::recipient_organisation_id,
                notices::case_id,
                notices::victim_id,
            ))
            .first(conn)
            .optional()?;
        let (key, user, org, case, victim) =
            found.ok_or_else(|| AppError::NotFound("notice".into()))?;
        let org = match org {
            Some(org) => Some(org),
            None => route::recipient_org_of(conn, &key, case.as_deref(), &victim)?,
        };
        if !may_acknowledge(&ctx.actor, user.as_deref(), org.as_deref()) {
            return Err(AppError::NotFound("notice".into()));
        }
        ack::acknowledge(
            conn,
            &id,
            &ctx.actor.user_id,
            Some(&ctx.actor.user_id),
            ctx.now,
        )
    })
    .await?;
    tracing::info!(notice_id = %out.notice_id, "notice acknowledged");
    Ok(HttpResponse::Ok().json(out))
}

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.route(
        "/api/v1/notices/{id}/acknowledgement",
        web::post().to(acknowledge),
    );
}

pub fn describe(reg: &mut Registry) {
    let out = reg.schema::<ack::AckState>();
    reg.route(RouteInfo {
        method: "post",
        path: "/api/v1/notices/{id}/acknowledgement".into(),
        kind: Some(ResourceKind::NoticeAcknowledgement),
        action: Some(Action::Create),
        summary: "Acknowledge a notice that needs action (its recipient, or a member of the recipient organisation)".into(),
        request: None,
        response: Some(out),
        paged: false,
    });
}

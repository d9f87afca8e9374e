//! Managers see the notices that failed (and will be retried) or could not
//! be delivered at all. Retrying is the delivery work's, not this page's.

use actix_web::web;
use serde_json::json;

use crate::policy::{Action, ResourceKind};
use crate::resources::Notices;
use crate::web::AppState;

use super::cases::notice_row;
use super::lookup::Lookup;
use super::session::Session;
use super::{list_all, page, render, require, with_conn, PageResult};

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.route("/messages/failed", web::get().to(failed));
}

async fn failed(state: web::Data<AppState>, s: Session) -> PageResult {
    require(&s, ResourceKind::Notice, Action::Read, "notice")?;
    let data = with_conn(&state, &s, |conn, ctx| {
        let look = Lookup::load(conn, ctx)?;
        let mut rows = Vec::new();
        for st in ["dead", "failed"] {
            for n in list_all::<Notices>(conn, ctx, json!({"state": st}))? {
                rows.push(notice_row(&n, &look, &ctx.actor.user_id));
            }
        }
        Ok(json!({"rows": rows}))
    })
    .await?;
    render("messages", &page(&s, "Failed messages", "messages", data))
}

//! The link at the foot of every message to a victim: `GET /stop/{token}`
//! asks them to confirm and says what will stop; `POST /stop/{token}`
//! stops every message (see `app::message_stops`). No session is needed.
//! The page names no case, court or person, and shows in Welsh and
//! English, as the message may have been in either.

use actix_web::web;
use serde_json::json;

use super::{bare_layout, render, PageResult};
use crate::app::message_stops::{self, StopState};
use crate::calendar;
use crate::web::api::resource::run;
use crate::web::AppState;

fn done_page(s: &StopState, first_time: bool) -> PageResult {
    let title = if first_time {
        "Messages stopped / Negeseuon wedi'u hatal"
    } else {
        "Messages already stopped / Negeseuon wedi'u hatal yn barod"
    };
    let when = s.stopped_at.map(calendar::format_long).unwrap_or_default();
    render(
        "error",
        &json!({
            "layout": bare_layout(title),
            "title": title,
            "lines": [
                format!("You will not get any more messages from this service (stopped on {when})."),
                "If you change your mind, tell your supporter or your witness care officer. They can still contact you in other ways.",
                "Ni fyddwch yn cael rhagor o negeseuon gan y gwasanaeth hwn. Os byddwch yn newid eich meddwl, dywedwch wrth eich cefnogwr neu eich swyddog gofal tystion.",
            ],
        }),
    )
}

async fn show(state: web::Data<AppState>, token: web::Path<String>) -> PageResult {
    let token = token.into_inner();
    let lookup = token.clone();
    let s = run(&state, move |conn| message_stops::state(conn, &lookup)).await?;
    if s.stopped_at.is_some() {
        return done_page(&s, false);
    }
    let title = "Stop all messages? / Atal pob neges?";
    render(
        "form",
        &json!({
            "layout": bare_layout(title),
            "heading": title,
            "back": "/",
            "intro": [
                "If you confirm, this service will not send you any more messages: no emails about dates, changes, visits or outcomes.",
                "Your supporter and your witness care officer will still see your case, and can still contact you in other ways.",
                "Os byddwch yn cadarnhau, ni fydd y gwasanaeth hwn yn anfon rhagor o negeseuon atoch. Bydd eich cefnogwr a'ch swyddog gofal tystion yn dal i allu cysylltu â chi mewn ffyrdd eraill.",
            ],
            "action": format!("/stop/{token}"),
            "hidden": [],
            "fields": [],
            "submit": "Stop all messages / Atal pob neges",
        }),
    )
}

async fn confirm(state: web::Data<AppState>, token: web::Path<String>) -> PageResult {
    let token = token.into_inner();
    let now = state.clock.now();
    let before = {
        let lookup = token.clone();
        run(&state, move |conn| message_stops::state(conn, &lookup)).await?
    };
    let after = run(&state, move |conn| {
        message_stops::stop_all(conn, &token, now)
    })
    .await?;
    done_page(&after, before.stopped_at.is_none())
}

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.route("/stop/{token}", web::get().to(show))
        .route("/stop/{token}", web::post().to(confirm));
}

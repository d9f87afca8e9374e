//! The clock ticks that drive background work, through
//! tokio-cron-scheduler. The ticks hold no schedule of their own: what is
//! due is always read from the database, so a restart loses nothing and a
//! second instance sends nothing twice.

use std::sync::Arc;

use tokio_cron_scheduler::{Job, JobScheduler};

use crate::clock::Clock;
use crate::error::{AppError, AppResult};
use crate::notify::delivery::{self, DeliveryConfig};
use crate::notify::mailer::Mailer;
use crate::notify::render::NoticeRenderer;
use crate::store::Pool;

fn scheduler_error(e: impl std::fmt::Display) -> AppError {
    AppError::Internal(format!("scheduler: {e}"))
}

/// Starts the delivery tick: every `every_seconds`, drain what is due.
pub async fn start(
    pool: Pool,
    clock: Arc<dyn Clock>,
    mailer: Arc<dyn Mailer>,
    renderer: Arc<NoticeRenderer>,
    every_seconds: u32,
) -> AppResult<JobScheduler> {
    let every = every_seconds.clamp(1, 59);
    let scheduler = JobScheduler::new().await.map_err(scheduler_error)?;
    let cfg = Arc::new(DeliveryConfig::default());
    let job = Job::new_async(
        format!("*/{every} * * * * *").as_str(),
        move |_id, _scheduler| {
            let (pool, clock, mailer, renderer, cfg) = (
                pool.clone(),
                clock.clone(),
                mailer.clone(),
                renderer.clone(),
                cfg.clone(),
            );
            Box::pin(async move {
                let run = tokio::task::spawn_blocking(move || {
                    delivery::run_once(&pool, mailer.as_ref(), &renderer, &cfg, clock.now())
                })
                .await;
                match run {
                    Ok(Ok(outcome)) if outcome.claimed > 0 => {
                        tracing::info!(?outcome, "delivery tick");
                    }
                    Ok(Ok(_)) => {}
                    Ok(Err(e)) => tracing::error!(error = %e, "delivery tick failed"),
                    Err(e) => tracing::error!(error = %e, "delivery tick panicked"),
                }
            })
        },
    )
    .map_err(scheduler_error)?;
    scheduler.add(job).await.map_err(scheduler_error)?;
    scheduler.start().await.map_err(scheduler_error)?;
    Ok(scheduler)
}

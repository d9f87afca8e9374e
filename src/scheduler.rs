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

/// Starts the delivery tick: every `every_seconds`, claim up to
/// `cfg.batch` due notices and deliver them under `cfg.owner`'s lease.
pub async fn start(
    pool: Pool,
    clock: Arc<dyn Clock>,
    mailer: Arc<dyn Mailer>,
    renderer: Arc<NoticeRenderer>,
    every_seconds: u32,
    cfg: DeliveryConfig,
) -> AppResult<JobScheduler> {
    let every = every_seconds.clamp(1, 59);
    let scheduler = JobScheduler::new().await.map_err(scheduler_error)?;
    tracing::info!(
        owner = %cfg.owner,
        batch = cfg.batch,
        lease_seconds = cfg.lease.num_seconds(),
        every_seconds = every,
        "delivery worker started"
    );
    let cfg = Arc::new(cfg);
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
                let owner = cfg.owner.clone();
                let run = tokio::task::spawn_blocking(move || {
                    // Overdue acknowledgements escalate first, so their
                    // notices go out in this same pass.
                    match crate::notify::ack::sweep(&pool, clock.now()) {
                        Ok(0) => {}
                        Ok(n) => tracing::info!(escalated = n, "acknowledgement sweep"),
                        Err(e) => tracing::error!(error = %e, "acknowledgement sweep failed"),
                    }
                    delivery::run_once(&pool, mailer.as_ref(), &renderer, &cfg, clock.now())
                })
                .await;
                match run {
                    Ok(Ok(outcome)) if outcome.claimed > 0 => {
                        tracing::info!(owner = %owner, ?outcome, "delivery tick");
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

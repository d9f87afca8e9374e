//! The clock ticks that drive background work, through
//! tokio-cron-scheduler, and the delivery worker's loop (woken on commit,
//! with a tick as the safety net). The ticks hold no schedule of their own: what is
//! due is always read from the database, so a restart loses nothing and a
//! second instance sends nothing twice.

use std::sync::Arc;

use tokio_cron_scheduler::{Job, JobScheduler};

use crate::clock::Clock;
use crate::error::{AppError, AppResult};
use crate::notify::delivery::{self, DeliveryConfig};
use crate::notify::mailer::Mailer;
use crate::notify::render::NoticeRenderer;
use crate::rules::Rules;
use crate::store::Pool;

fn scheduler_error(e: impl std::fmt::Display) -> AppError {
    AppError::Internal(format!("scheduler: {e}"))
}

/// Starts the delivery worker: a loop that delivers whatever is due, then
/// waits until the first of: a wake-up (a notice made due now, see
/// `crate::notify::wake`), the instant the next timed notice falls due
/// (or a lease runs out), or `every_seconds` (the safety net). A pass that
/// claimed a full batch is followed at once by another. Digests keep their
/// own tick (returned scheduler).
pub async fn start(
    pool: Pool,
    clock: Arc<dyn Clock>,
    mailer: Arc<dyn Mailer>,
    renderer: Arc<NoticeRenderer>,
    every_seconds: u32,
    cfg: DeliveryConfig,
) -> AppResult<JobScheduler> {
    let every = every_seconds.max(1);
    let scheduler = JobScheduler::new().await.map_err(scheduler_error)?;
    tracing::info!(
        owner = %cfg.owner,
        batch = cfg.batch,
        senders = cfg.senders,
        lease_seconds = cfg.lease.num_seconds(),
        every_seconds = every,
        "delivery worker started"
    );
    add_digest_delivery(
        &scheduler,
        pool.clone(),
        clock.clone(),
        mailer.clone(),
        renderer.clone(),
        every.min(59),
        cfg.owner.clone(),
    )
    .await?;
    scheduler.start().await.map_err(scheduler_error)?;
    // Taken before the first pass, so nothing made due from now on is
    // missed.
    let wake = crate::notify::wake::subscribe();
    tokio::spawn(delivery_loop(
        pool,
        clock,
        mailer,
        renderer,
        std::time::Duration::from_secs(u64::from(every)),
        Arc::new(cfg),
        wake,
    ));
    Ok(scheduler)
}

async fn delivery_loop(
    pool: Pool,
    clock: Arc<dyn Clock>,
    mailer: Arc<dyn Mailer>,
    renderer: Arc<NoticeRenderer>,
    every: std::time::Duration,
    cfg: Arc<DeliveryConfig>,
    mut wake: tokio::sync::watch::Receiver<u64>,
) {
    loop {
        wake.mark_unchanged();
        // Passes until one claims less than a full batch.
        loop {
            let (pool, clock, mailer, renderer, pass_cfg) = (
                pool.clone(),
                clock.clone(),
                mailer.clone(),
                renderer.clone(),
                cfg.clone(),
            );
            let run = tokio::task::spawn_blocking(move || {
                // Overdue acknowledgements escalate first, so their
                // notices go out in this same pass.
                match crate::notify::ack::sweep(&pool, &pass_cfg.rules, clock.now()) {
                    Ok(0) => {}
                    Ok(n) => tracing::info!(escalated = n, "acknowledgement sweep"),
                    Err(e) => tracing::error!(error = %e, "acknowledgement sweep failed"),
                }
                // Emails about people's own accounts (failed sign-ins).
                match crate::accounts::notices::deliver_due(
                    &pool,
                    mailer.as_ref(),
                    &renderer,
                    &pass_cfg.owner,
                    clock.now(),
                ) {
                    Ok(0) => {}
                    Ok(n) => tracing::info!(sent = n, "account notices"),
                    Err(e) => tracing::error!(error = %e, "account notice delivery failed"),
                }
                delivery::run_once(&pool, mailer.as_ref(), &renderer, &pass_cfg, clock.now())
            })
            .await;
            let full = match run {
                Ok(Ok(outcome)) if outcome.claimed > 0 => {
                    tracing::info!(owner = %cfg.owner, ?outcome, "delivery tick");
                    outcome.claimed as i64 >= cfg.batch
                }
                Ok(Ok(_)) => false,
                Ok(Err(e)) => {
                    tracing::error!(error = %e, "delivery tick failed");
                    false
                }
                Err(e) => {
                    tracing::error!(error = %e, "delivery tick panicked");
                    false
                }
            };
            if !full {
                break;
            }
        }
        // Sleep until the next notice's moment, the safety-net tick, or a
        // wake-up, whichever is first.
        let next = {
            let pool = pool.clone();
            tokio::task::spawn_blocking(move || {
                let mut conn = pool.get()?;
                delivery::next_due(&mut conn)
            })
            .await
        };
        let mut wait = every;
        if let Ok(Ok(Some(at))) = next {
            let until = (at - clock.now())
                .to_std()
                .unwrap_or(std::time::Duration::ZERO);
            // A few milliseconds over, so the notice is due when looked at.
            wait = wait.min(until + std::time::Duration::from_millis(5));
        }
        tokio::select! {
            _ = tokio::time::sleep(wait) => {}
            changed = wake.changed() => {
                if changed.is_err() {
                    tokio::time::sleep(wait).await;
                }
            }
        }
    }
}

/// Rows one deadline sweep reads per transaction.
pub const DEADLINE_BATCH: i64 = 200;

/// Adds the deadline sweep to `scheduler`: every minute, at second 30,
/// running deadlines are evaluated against the records and marked met or
/// missed (see `crate::deadlines`). Everything it needs is read from the
/// database, so a missed tick is made up by the next.
pub async fn add_deadline_sweep(
    scheduler: &JobScheduler,
    pool: Pool,
    clock: Arc<dyn Clock>,
    rules: Arc<Rules>,
) -> AppResult<()> {
    let job = Job::new_async("30 * * * * *", move |_id, _scheduler| {
        let (pool, clock, rules) = (pool.clone(), clock.clone(), rules.clone());
        Box::pin(async move {
            let run = tokio::task::spawn_blocking(move || {
                let now = clock.now();
                // Today's digests, once 07:30 London time has come (a
                // restart later in the morning still plans them).
                match crate::digest::store::plan_due(&pool, now) {
                    Ok(p) if p.planned > 0 => {
                        tracing::info!(planned = p.planned, "digests planned")
                    }
                    Ok(_) => {}
                    Err(e) => tracing::error!(error = %e, "digest planning failed"),
                }
                crate::deadlines::sweep(&pool, &rules, now, DEADLINE_BATCH)
            })
            .await;
            match run {
                Ok(Ok(swept)) if swept.met + swept.missed + swept.done_late > 0 => {
                    tracing::info!(?swept, "deadline sweep");
                }
                Ok(Ok(_)) => {}
                Ok(Err(e)) => tracing::error!(error = %e, "deadline sweep failed"),
                Err(e) => tracing::error!(error = %e, "deadline sweep panicked"),
            }
        })
    })
    .map_err(scheduler_error)?;
    scheduler.add(job).await.map_err(scheduler_error)?;
    Ok(())
}

/// Starts a scheduler with the deadline sweep (which runs whether or not
/// email is configured).
pub async fn start_deadlines(
    pool: Pool,
    clock: Arc<dyn Clock>,
    rules: Arc<Rules>,
) -> AppResult<JobScheduler> {
    let scheduler = JobScheduler::new().await.map_err(scheduler_error)?;
    add_deadline_sweep(&scheduler, pool.clone(), clock.clone(), rules).await?;
    add_digest_at_half_past_seven(&scheduler, pool, clock).await?;
    scheduler.start().await.map_err(scheduler_error)?;
    tracing::info!("deadline sweep started");
    Ok(scheduler)
}

/// Plans the daily digests at 07:30 Europe/London. tokio-cron-scheduler
/// 0.15 fixes the zone's offset when the job is built, so after a clock
/// change this job fires an hour off; the minute tick in
/// [`add_deadline_sweep`] plans them on time regardless (the digest's
/// moment is computed with chrono-tz from the data), and the unique key
/// keeps one per supporter and day.
pub async fn add_digest_at_half_past_seven(
    scheduler: &JobScheduler,
    pool: Pool,
    clock: Arc<dyn Clock>,
) -> AppResult<()> {
    let job = Job::new_async_tz(
        "0 30 7 * * *",
        chrono_tz::Europe::London,
        move |_id, _scheduler| {
            let (pool, clock) = (pool.clone(), clock.clone());
            Box::pin(async move {
                let run = tokio::task::spawn_blocking(move || {
                    crate::digest::store::plan_due(&pool, clock.now())
                })
                .await;
                match run {
                    Ok(Ok(p)) => tracing::info!(planned = p.planned, "07:30 digests"),
                    Ok(Err(e)) => tracing::error!(error = %e, "digest planning failed"),
                    Err(e) => tracing::error!(error = %e, "digest planning panicked"),
                }
            })
        },
    )
    .map_err(scheduler_error)?;
    scheduler.add(job).await.map_err(scheduler_error)?;
    Ok(())
}

/// Adds digest delivery to a delivery scheduler: every `every_seconds`,
/// due digests are sent under `owner`'s lease.
pub async fn add_digest_delivery(
    scheduler: &JobScheduler,
    pool: Pool,
    clock: Arc<dyn Clock>,
    mailer: Arc<dyn Mailer>,
    renderer: Arc<NoticeRenderer>,
    every_seconds: u32,
    owner: String,
) -> AppResult<()> {
    let every = every_seconds.clamp(1, 59);
    let job = Job::new_async(
        format!("*/{every} * * * * *").as_str(),
        move |_id, _scheduler| {
            let (pool, clock, mailer, renderer, owner) = (
                pool.clone(),
                clock.clone(),
                mailer.clone(),
                renderer.clone(),
                owner.clone(),
            );
            Box::pin(async move {
                let run = tokio::task::spawn_blocking(move || {
                    crate::digest::store::deliver_due(
                        &pool,
                        mailer.as_ref(),
                        &renderer,
                        &owner,
                        clock.now(),
                    )
                })
                .await;
                match run {
                    Ok(Ok(d)) if d.sent + d.failed + d.cancelled > 0 => {
                        tracing::info!(?d, "digest delivery")
                    }
                    Ok(Ok(_)) => {}
                    Ok(Err(e)) => tracing::error!(error = %e, "digest delivery failed"),
                    Err(e) => tracing::error!(error = %e, "digest delivery panicked"),
                }
            })
        },
    )
    .map_err(scheduler_error)?;
    scheduler.add(job).await.map_err(scheduler_error)?;
    Ok(())
}

//! The `courtside` command.

use std::process::ExitCode;
use std::sync::Arc;

use clap::{Parser, Subcommand};

use courtside::clock::SystemClock;
use courtside::config::Config;

#[derive(Parser)]
#[command(
    name = "courtside",
    version,
    about = "Court-support scheduling and notifications for IDVAs, ISVAs, witness care and victim liaison officers",
    long_about = "Courtside tracks hearings, pre-trial visits, special-measures discussions, parole milestones \
and supporter-attendance requests, so a victim's adviser is beside them at court.\n\n\
With no DATABASE_URL it keeps its data in a SQLite file, data/courtside.db."
)]
struct Cli {
    #[command(flatten)]
    config: Config,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Serve the JSON API. Applies pending migrations and loads the courts
    /// directory first.
    Serve {
        /// Also load the demo data set (as `seed` does) before serving.
        #[arg(long)]
        demo: bool,
    },
    /// Apply pending database migrations, then exit.
    Migrate,
    /// Load the courts directory and a demo data set (organisations, users
    /// with the password "courtside-demo", victims, cases, hearings). Safe to
    /// run twice: it adds nothing that is already there.
    Seed,
    /// Check the audit log's hash chain end to end; exits non-zero and
    /// names the first entry that was edited, deleted or reordered.
    VerifyAudit,
    /// Re-encrypt every victim's sensitive details under the current
    /// field key (the first of COURTSIDE_FIELD_KEYS), a batch of rows per
    /// transaction. Keep the old keys listed until it has finished.
    RotateFieldKeys {
        /// Rows per transaction.
        #[arg(long, default_value_t = 100,
              value_parser = clap::value_parser!(i64).range(1..=10_000))]
        batch: i64,
    },
    /// Erase what is held about victims whose cases all closed more than
    /// COURTSIDE_RETENTION_DAYS ago. Without --apply, only counts.
    Retention {
        /// Erase, rather than count.
        #[arg(long)]
        apply: bool,
    },
    /// Import published court lists (HMCTS JSON): check each against its
    /// published format, then confirm, move or flag the hearings Courtside
    /// tracks. Prints a summary per file; a refused file does not stop the
    /// others.
    Import {
        /// The list type (e.g. crown_daily_pdda_list); recognised from each
        /// document's shape when not given.
        #[arg(long = "list-type")]
        list_type: Option<courtside::court_lists::ListType>,
        /// A court-list JSON file; repeat for several.
        #[arg(long = "court-list", required = true)]
        court_list: Vec<std::path::PathBuf>,
        /// The court the lists are for (id or name): stands for any court a
        /// list leaves unnamed or the directory does not know.
        #[arg(long)]
        court: Option<String>,
        /// A folder of HMCTS's published court-list JSON Schemas to check
        /// each list against as well as the built-in formats (optional:
        /// the built-in formats alone are enough).
        #[arg(long, env = "COURTSIDE_COURT_LIST_SCHEMAS")]
        schemas: Option<std::path::PathBuf>,
    },
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    courtside::telemetry::init(&cli.config.log_format);
    let result = match cli.command {
        Command::Serve { demo } => serve(cli.config, demo),
        Command::Migrate => courtside::service::prepare_database(&cli.config).map(|_| ()),
        Command::Seed => courtside::service::prepare_database(&cli.config).and_then(|pool| {
            courtside::seed::run_demo(
                &pool,
                &SystemClock,
                &courtside::rules::Rules::england_and_wales(),
            )
        }),
        Command::VerifyAudit => {
            courtside::service::prepare_database(&cli.config).and_then(|pool| {
                let mut conn = pool.get()?;
                let entries = courtside::audit::verify_or_explain(&mut conn)?;
                println!(
                    "The audit log is intact: {entries} entries, each linked to the one before."
                );
                Ok(())
            })
        }
        Command::RotateFieldKeys { batch } => courtside::service::prepare_with_keys(&cli.config)
            .and_then(|pool| {
                let ring = courtside::privacy::keyring()?;
                let report = courtside::privacy::rotate(&mut *pool.get()?, &ring, batch, false)?;
                println!(
                    "Re-encrypted {} of {} victim record(s) under key {:?} in {} batch(es).",
                    report.rows_rewritten,
                    report.rows_seen,
                    ring.current_id(),
                    report.batches
                );
                Ok(())
            }),
        Command::Retention { apply } => {
            let days = cli.config.retention_days;
            courtside::service::prepare_database(&cli.config).and_then(|pool| {
                use courtside::clock::Clock;
                let r = courtside::privacy::retention(
                    &mut *pool.get()?,
                    SystemClock.now(),
                    days,
                    apply,
                )?;
                println!(
                    "{} victim(s) past {days} days since their cases closed: {} sensitive record(s), \
                     {} hearing outcome(s), {} attendance request(s), {} parole decision(s), \
                     {} consent reason(s), {} safety plan(s), {} risk-meeting action(s), \
                     {} parent(s) or guardian(s), {} note(s), {} pending notice(s){}.",
                    r.victims,
                    r.sensitive_rows,
                    r.hearings,
                    r.attendance_requests,
                    r.parole_milestones,
                    r.consents,
                    r.safety_plans,
                    r.risk_actions,
                    r.responsible_adults,
                    r.notes_erased,
                    r.notices_cancelled,
                    if apply { " erased or cancelled" } else { " (dry run: nothing changed; add --apply)" }
                );
                Ok(())
            })
        }
        Command::Import {
            list_type,
            court_list,
            court,
            schemas,
        } => {
            let args = courtside::court_lists::cli::ImportArgs {
                list_type,
                files: court_list,
                court,
                schemas,
            };
            courtside::court_lists::cli::run(&cli.config, &args, &SystemClock).and_then(|refused| {
                if refused == 0 {
                    Ok(())
                } else {
                    Err(courtside::error::AppError::Conflict(format!(
                        "{refused} court list(s) refused"
                    )))
                }
            })
        }
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("courtside: {err}");
            ExitCode::FAILURE
        }
    }
}

fn serve(config: Config, demo: bool) -> courtside::error::AppResult<()> {
    let system = actix_web::rt::System::new();
    system.block_on(async move {
        let bind = config.bind.clone();
        let running = courtside::service::start(config, Arc::new(SystemClock))?;
        if demo {
            courtside::seed::run_demo(&running.pool, &SystemClock, &running.rules)?;
        } else {
            courtside::seed::reference_data(&running.pool, &SystemClock)?;
        }
        let _scheduler =
            courtside::service::start_delivery(&running, Arc::new(SystemClock)).await?;
        let _inbox = match &running.config.court_list_inbox {
            Some(dir) => Some(
                courtside::court_lists::inbox::start(
                    running.pool.clone(),
                    Arc::new(SystemClock),
                    courtside::court_lists::inbox::Inbox::new(dir)
                        .with_rules(running.rules.clone()),
                    15,
                )
                .await?,
            ),
            None => None,
        };
        let _deadlines = courtside::scheduler::start_deadlines(
            running.pool.clone(),
            Arc::new(SystemClock),
            running.rules.clone(),
        )
        .await?;
        tracing::info!(bind = %bind, port = running.port, "Courtside is serving");
        running
            .server
            .await
            .map_err(|e| courtside::error::AppError::Internal(e.to_string()))
    })
}

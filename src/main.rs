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
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    courtside::telemetry::init(&cli.config.log_format);
    let result = match cli.command {
        Command::Serve { demo } => serve(cli.config, demo),
        Command::Migrate => courtside::app::prepare_database(&cli.config).map(|_| ()),
        Command::Seed => courtside::app::prepare_database(&cli.config)
            .and_then(|pool| courtside::seed::run(&pool, &SystemClock)),
        Command::VerifyAudit => courtside::app::prepare_database(&cli.config).and_then(|pool| {
            let mut conn = pool.get()?;
            let entries = courtside::audit::verify_or_explain(&mut conn)?;
            println!("The audit log is intact: {entries} entries, each linked to the one before.");
            Ok(())
        }),
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
        let running = courtside::app::start(config, Arc::new(SystemClock))?;
        if demo {
            courtside::seed::run(&running.pool, &SystemClock)?;
        } else {
            courtside::seed::reference_data(&running.pool, &SystemClock)?;
        }
        let _scheduler = courtside::app::start_delivery(&running, Arc::new(SystemClock)).await?;
        tracing::info!(bind = %bind, port = running.port, "Courtside is serving");
        running
            .server
            .await
            .map_err(|e| courtside::error::AppError::Internal(e.to_string()))
    })
}

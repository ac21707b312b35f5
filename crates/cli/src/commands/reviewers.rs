//! `offside reviewers`: the console's reviewer accounts, managed directly on the database
//! (for the first admin of a deployment and for scripts). Passwords are read from standard
//! input, never from the command line, and only their argon2id hash is stored.

use std::io::BufRead;

use clap::{Args, Subcommand};
use offside_ledger::{Ledger, NewReviewer, StoreOptions};
use offside_server::{check_new_reviewer, hash_password, Role};

use crate::args::DatabaseArgs;

/// `offside reviewers`.
#[derive(Debug, Clone, Args)]
pub struct ReviewersArgs {
    #[command(flatten)]
    pub database: DatabaseArgs,

    /// What to do.
    #[command(subcommand)]
    pub command: ReviewersCommand,
}

/// The `offside reviewers` subcommands.
#[derive(Debug, Clone, Subcommand)]
pub enum ReviewersCommand {
    /// Add a reviewer; the password (12 characters or more) is the first line of standard
    /// input.
    Add {
        /// The sign-in name (letters, digits, - _ . @).
        name: String,
        /// `reviewer` (works the queue) or `admin` (also manages reviewers).
        #[arg(long, default_value = "reviewer", value_parser = ["reviewer", "admin"])]
        role: String,
    },
    /// List the reviewer accounts (names and roles).
    List,
    /// Disable a reviewer: they can no longer sign in, and every session they have ends at
    /// once (running servers check the account on every page).
    Disable {
        /// The sign-in name.
        name: String,
    },
}

/// Runs an `offside reviewers` subcommand.
pub async fn reviewers(args: ReviewersArgs) -> anyhow::Result<()> {
    let ledger = Ledger::open(&args.database.database, StoreOptions::default()).await?;
    let outcome = run(&ledger, args.command).await;
    ledger.close().await;
    outcome
}

async fn run(ledger: &Ledger, command: ReviewersCommand) -> anyhow::Result<()> {
    match command {
        ReviewersCommand::Add { name, role } => {
            let mut password = String::new();
            std::io::stdin()
                .lock()
                .read_line(&mut password)
                .map_err(|error| {
                    anyhow::anyhow!("cannot read the password from standard input: {error}")
                })?;
            let password = password.trim_end_matches(['\n', '\r']);
            check_new_reviewer(&name, password)
                .map_err(|reason| anyhow::anyhow!("reviewer {name:?} not added: {reason}"))?;
            let role = Role::parse(&role).unwrap_or(Role::Reviewer);
            let added = ledger
                .create_reviewer(NewReviewer {
                    name: name.clone(),
                    password_hash: hash_password(password)?,
                    role: role.as_str().to_string(),
                    created_at: chrono::Utc::now(),
                })
                .await?;
            anyhow::ensure!(added, "reviewer {name:?} already exists");
            println!(
                "{}",
                serde_json::json!({"name": name, "role": role.as_str()})
            );
        }
        ReviewersCommand::Disable { name } => {
            anyhow::ensure!(
                ledger.disable_reviewer(&name, chrono::Utc::now()).await?,
                "no active reviewer {name:?}"
            );
            println!("{}", serde_json::json!({"name": name, "disabled": true}));
        }
        ReviewersCommand::List => {
            for reviewer in ledger.reviewers().await? {
                println!(
                    "{}",
                    serde_json::json!({
                        "name": reviewer.name, "role": reviewer.role,
                        "created_at": reviewer.created_at.to_rfc3339(),
                    })
                );
            }
        }
    }
    Ok(())
}

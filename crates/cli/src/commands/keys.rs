//! `offside keys`: API keys managed directly on the database, for the first admin key of a
//! deployment, scripts, and the day the master key is lost.

use clap::{Args, Subcommand};
use offside_ledger::{Ledger, NewApiKey, StoreOptions};
use offside_server::{hash_key, new_key, parse_scopes};

use crate::args::DatabaseArgs;

/// `offside keys`.
#[derive(Debug, Clone, Args)]
pub struct KeysArgs {
    #[command(flatten)]
    pub database: DatabaseArgs,

    /// What to do.
    #[command(subcommand)]
    pub command: KeysCommand,
}

/// The `offside keys` subcommands.
#[derive(Debug, Clone, Subcommand)]
pub enum KeysCommand {
    /// Create a key and print it (once: only its hash is stored).
    Create {
        /// What the key is for.
        #[arg(long)]
        name: String,
        /// Its scopes: check, ingest, review, admin (comma-separated or repeated).
        #[arg(long = "scope", value_delimiter = ',', required = true)]
        scopes: Vec<String>,
    },
    /// List the keys (ids, names, scopes, revocation), never their secrets.
    List,
    /// Revoke a key by its id.
    Revoke {
        /// The key's id, as `offside keys list` shows it.
        key_id: String,
    },
}

/// Runs an `offside keys` subcommand; what it prints goes to standard output.
pub async fn keys(args: KeysArgs) -> anyhow::Result<()> {
    let ledger = Ledger::open(&args.database.database, StoreOptions::default()).await?;
    let outcome = run(&ledger, args.command).await;
    ledger.close().await;
    outcome
}

async fn run(ledger: &Ledger, command: KeysCommand) -> anyhow::Result<()> {
    match command {
        KeysCommand::Create { name, scopes } => {
            let scopes = parse_scopes(&scopes).map_err(anyhow::Error::msg)?;
            let (key_id, secret) = new_key()?;
            let key = ledger
                .create_api_key(NewApiKey {
                    key_id,
                    key_hash: hash_key(&secret),
                    name,
                    scopes,
                    created_at: chrono::Utc::now(),
                })
                .await?;
            println!(
                "{}",
                serde_json::json!({
                    "key_id": key.key_id, "name": key.name, "scopes": key.scopes,
                    "key_secret": secret,
                })
            );
            eprintln!("offside: the key is shown once; only its hash is stored");
        }
        KeysCommand::List => {
            for key in ledger.api_keys().await? {
                println!("{}", serde_json::to_string(&key)?);
            }
        }
        KeysCommand::Revoke { key_id } => {
            anyhow::ensure!(
                ledger.revoke_api_key(&key_id, chrono::Utc::now()).await?,
                "no active API key with id {key_id:?}"
            );
            println!("{}", serde_json::json!({"key_id": key_id, "revoked": true}));
            eprintln!("offside: running servers stop accepting it within 5 seconds");
        }
    }
    Ok(())
}

//! `offside serve`: the HTTP API and the reviewer console of `offside-server`, configured
//! from the command line and the environment.

use std::net::SocketAddr;
use std::time::Duration;

use anyhow::Result;
use clap::Args;
use offside_server::{ServeConfig, ServiceOptions};

use crate::args::{DatabaseArgs, EngineArgs, HashSecretArgs, PolicyArgs};

/// `offside serve`.
#[derive(Debug, Clone, Args)]
pub struct ServeArgs {
    /// The address to listen on (port 0: any free port; the chosen one is printed).
    #[arg(long, default_value = "127.0.0.1:8080")]
    pub listen: SocketAddr,

    /// The database, policy and engine settings, shared with `offside consume`.
    #[command(flatten)]
    pub service: ServiceArgs,

    /// An admin API key to accept (stored hashed). Without it and without any admin key in
    /// the database, one is generated and printed once to standard error.
    #[arg(long, env = "OFFSIDE_MASTER_KEY", hide_env_values = true)]
    pub master_key: Option<String>,

    /// Largest request body accepted, in bytes.
    #[arg(long, value_name = "BYTES", default_value_t = ServiceOptions::default().body_limit)]
    pub body_limit: usize,

    /// Requests a second allowed per API key (bursts of one second's worth); 0: no limit.
    #[arg(long, value_name = "N", default_value_t = ServiceOptions::default().rate_limit)]
    pub rate_limit: u32,

    /// Seconds a connection has to send a complete request head; also how long an idle
    /// keep-alive connection is kept.
    #[arg(long, value_name = "SECS", default_value_t = 10, value_parser = clap::value_parser!(u64).range(1..))]
    pub header_timeout: u64,

    /// Seconds a request has to send its whole body, from the end of its head.
    #[arg(long, value_name = "SECS", default_value_t = 60, value_parser = clap::value_parser!(u64).range(1..))]
    pub body_timeout: u64,

    /// Connections open at once (also bounded by the open-files limit); more are closed
    /// as soon as they are accepted.
    #[arg(long, value_name = "N", default_value_t = 10_000, value_parser = clap::value_parser!(u64).range(16..))]
    pub max_connections: u64,

    /// Mark the console's cookies `Secure` on every answer. Without it they are marked so
    /// when the request came over TLS (`X-Forwarded-Proto: https` from the proxy).
    #[arg(long)]
    pub secure_cookies: bool,

    /// The byte budget of the in-memory conversation cache (recent messages of each
    /// conversation, for values split over several messages).
    #[arg(long, value_name = "BYTES", default_value_t = ServiceOptions::default().conversation_cache_bytes)]
    pub conversation_cache_bytes: usize,
}

/// What `offside serve` and `offside consume` both need: where the ledger is, the policy,
/// the contact-hashing secret and the default region.
#[derive(Debug, Clone, Args)]
pub struct ServiceArgs {
    #[command(flatten)]
    pub database: DatabaseArgs,

    #[command(flatten)]
    pub policy: PolicyArgs,

    #[command(flatten)]
    pub hash_secret: HashSecretArgs,

    #[command(flatten)]
    pub engine: EngineArgs,
}

impl ServiceArgs {
    /// The service's options: the policy read, the secret resolved, the region; the rest
    /// the defaults.
    pub fn options(&self) -> Result<ServiceOptions> {
        let policy = self.policy.load()?;
        let hash_secret = self.hash_secret.resolve(&self.database.database)?;
        Ok(ServiceOptions {
            policy,
            default_region: self.engine.region,
            hash_secret,
            ..ServiceOptions::default()
        })
    }
}

/// Runs the service until SIGTERM or ctrl-c.
pub async fn serve(args: ServeArgs) -> Result<()> {
    let service = ServiceOptions {
        body_limit: args.body_limit,
        rate_limit: args.rate_limit,
        secure_cookies: args.secure_cookies,
        conversation_cache_bytes: args.conversation_cache_bytes,
        ..args.service.options()?
    };
    offside_server::serve(ServeConfig {
        listen: args.listen,
        database: args.service.database.database,
        service,
        master_key: args.master_key,
        header_timeout: Duration::from_secs(args.header_timeout),
        body_timeout: Duration::from_secs(args.body_timeout),
        max_connections: usize::try_from(args.max_connections).unwrap_or(usize::MAX),
    })
    .await
}

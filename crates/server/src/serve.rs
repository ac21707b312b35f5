//! `offside serve`: configuration, start-up, and graceful shutdown.

use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;

use clap::Args;

use crate::listen::{effective_max_connections, ConnectionLimits};
use crate::options::{DatabaseArgs, EngineArgs, HashSecretArgs, PolicyArgs};
use crate::state::{AppState, ServiceOptions};

/// How long requests in flight may take to finish after SIGTERM.
const DRAIN_TIME: Duration = Duration::from_secs(30);

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
    #[arg(long, value_name = "BYTES", default_value_t = 1 << 20)]
    pub body_limit: usize,

    /// Requests a second allowed per API key (bursts of one second's worth); 0: no limit.
    #[arg(long, value_name = "N", default_value_t = 1000)]
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
    #[arg(long, value_name = "BYTES", default_value_t = crate::conversations::DEFAULT_CACHE_BYTES)]
    pub conversation_cache_bytes: usize,
}

/// What `offside serve` and `offside consume` both need: where the ledger is, the policy,
/// the contact-hashing secret and the default region (the options of [`crate::options`]).
#[derive(Debug, Clone, Args)]
pub struct ServiceArgs {
    #[command(flatten)]
    #[allow(missing_docs)]
    pub database: DatabaseArgs,

    #[command(flatten)]
    #[allow(missing_docs)]
    pub policy: PolicyArgs,

    #[command(flatten)]
    #[allow(missing_docs)]
    pub hash_secret: HashSecretArgs,

    #[command(flatten)]
    #[allow(missing_docs)]
    pub engine: EngineArgs,
}

impl ServiceArgs {
    /// Reads the policy and opens the database (applying migrations).
    /// `edge` gives the options of the HTTP edge (limits, cookies, cache); its policy,
    /// region and secret are replaced by these arguments'.
    pub(crate) async fn open(&self, edge: ServiceOptions) -> anyhow::Result<Arc<AppState>> {
        let policy = self.policy.load()?;
        let hash_secret = self.hash_secret.resolve(&self.database.database)?;
        AppState::open(
            &self.database.database,
            ServiceOptions {
                policy,
                default_region: self.engine.region,
                hash_secret,
                ..edge
            },
        )
        .await
    }
}

/// Runs the service until SIGTERM or ctrl-c, then finishes the requests in flight, closes
/// the database and returns.
pub async fn serve(args: ServeArgs) -> anyhow::Result<()> {
    init_logging();
    let state = args
        .service
        .open(ServiceOptions {
            body_limit: args.body_limit,
            rate_limit: args.rate_limit,
            secure_cookies: args.secure_cookies,
            conversation_cache_bytes: args.conversation_cache_bytes,
            ..ServiceOptions::default()
        })
        .await?;
    if let Some(key) = state.ensure_master_key(args.master_key.as_deref()).await? {
        eprintln!("offside: master API key (shown once, only its hash is stored): {key}");
    }
    crate::metrics::handle();
    let listener = tokio::net::TcpListener::bind(args.listen)
        .await
        .map_err(|error| anyhow::anyhow!("cannot listen on {}: {error}", args.listen))?;
    let local = listener.local_addr()?;
    eprintln!("offside: listening on http://{local}");
    tracing::info!(%local, database = args.service.database.kind(), "serving");
    let limits = ConnectionLimits {
        header_timeout: Duration::from_secs(args.header_timeout),
        body_timeout: Duration::from_secs(args.body_timeout),
        max_connections: effective_max_connections(
            usize::try_from(args.max_connections).unwrap_or(usize::MAX),
        ),
    };
    tracing::info!(
        header_timeout_secs = args.header_timeout,
        body_timeout_secs = args.body_timeout,
        max_connections = limits.max_connections,
        "connection limits"
    );
    let app = crate::routes::router(state.clone());
    crate::listen::run(
        listener,
        app,
        limits,
        async {
            shutdown_signal().await;
            eprintln!("offside: shutting down: finishing requests in flight");
        },
        DRAIN_TIME,
    )
    .await;
    state.ledger().close().await;
    eprintln!("offside: shut down cleanly");
    Ok(())
}

/// The backend, for the log (never the URL: it may carry a password).
/// Resolves on SIGTERM or ctrl-c.
pub(crate) async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut signal) => {
                signal.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    tokio::select! {
        () = ctrl_c => {},
        () = terminate => {},
    }
}

/// Logs to standard error, filtered by `RUST_LOG` (default `info`). Logs carry request ids,
/// routes, statuses and timings; never message texts or contact values.
pub(crate) fn init_logging() {
    let filter = tracing_subscriber::EnvFilter::try_from_default_env()
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("info"));
    let _ = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr)
        .with_ansi(false)
        .try_init();
}

//! `offside serve`: configuration, start-up, and graceful shutdown.

use std::net::SocketAddr;
use std::time::Duration;

use crate::listen::{effective_max_connections, ConnectionLimits};
use crate::state::{AppState, ServiceOptions};

/// How long requests in flight may take to finish after SIGTERM.
const DRAIN_TIME: Duration = Duration::from_secs(30);

/// How `offside serve` runs: where it listens, its database and its service options.
#[derive(Debug, Clone)]
pub struct ServeConfig {
    /// The address to listen on (port 0: any free port; the chosen one is printed).
    pub listen: SocketAddr,
    /// The ledger database: an SQLite file or a `postgres://` URL ([`Ledger::open`]).
    ///
    /// [`Ledger::open`]: offside_ledger::Ledger::open
    pub database: String,
    /// The policy, the default region, the hash secret and the HTTP edge's limits.
    pub service: ServiceOptions,
    /// An admin API key to accept (stored hashed). Without it and without any admin key in
    /// the database, one is generated and printed once to standard error.
    pub master_key: Option<String>,
    /// How long a connection has to send a complete request head (also the keep-alive
    /// idle time).
    pub header_timeout: Duration,
    /// How long a request has to send its whole body, from the end of its head.
    pub body_timeout: Duration,
    /// Connections open at once (also bounded by the open-files limit).
    pub max_connections: usize,
}

/// Runs the service until SIGTERM or ctrl-c, then finishes the requests in flight, closes
/// the database and returns.
pub async fn serve(config: ServeConfig) -> anyhow::Result<()> {
    init_logging();
    let state = AppState::open(&config.database, config.service).await?;
    if let Some(key) = state
        .ensure_master_key(config.master_key.as_deref())
        .await?
    {
        eprintln!("offside: master API key (shown once, only its hash is stored): {key}");
    }
    crate::metrics::handle();
    let listener = tokio::net::TcpListener::bind(config.listen)
        .await
        .map_err(|error| anyhow::anyhow!("cannot listen on {}: {error}", config.listen))?;
    let local = listener.local_addr()?;
    eprintln!("offside: listening on http://{local}");
    tracing::info!(%local, database = state.ledger().backend(), "serving");
    let limits = ConnectionLimits {
        header_timeout: config.header_timeout,
        body_timeout: config.body_timeout,
        max_connections: effective_max_connections(config.max_connections),
    };
    tracing::info!(
        header_timeout_secs = config.header_timeout.as_secs(),
        body_timeout_secs = config.body_timeout.as_secs(),
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

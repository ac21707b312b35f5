//! `offside serve`: configuration, start-up, and graceful shutdown.

use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

use clap::Args;
use offside_detect::Region;
use offside_policy::Policy;

use crate::listen::{effective_max_connections, ConnectionLimits};
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
/// the contact-hashing secret and the default region.
#[derive(Debug, Clone, Args)]
pub struct ServiceArgs {
    /// The database: an SQLite file (`offside.db` or `sqlite:offside.db`, created if
    /// missing) or `postgres://user@host/db`.
    #[arg(long, default_value = "offside.db", env = "OFFSIDE_DATABASE")]
    pub database: String,

    /// The policy file (TOML); the default policy (`offside policy show`) when unset.
    #[arg(long, value_name = "FILE")]
    pub policy: Option<PathBuf>,

    /// The secret that keys the hashes of contact values (16 bytes or more). The ledger
    /// keeps its fingerprint and refuses to start with another secret. Required with
    /// PostgreSQL; with an SQLite file and no secret given, the secret is kept in a file
    /// beside it (`offside.db.secret`, made on the first start, readable by its owner only).
    #[arg(long, env = "OFFSIDE_HASH_SECRET", hide_env_values = true)]
    pub hash_secret: Option<String>,

    /// Region for phone numbers without a country code, for events that give no "region".
    #[arg(long, value_name = "CODE", default_value = "US")]
    pub region: String,
}

impl ServiceArgs {
    /// Reads the policy, checks the region and opens the database (applying migrations).
    /// `edge` gives the options of the HTTP edge (limits, cookies, cache); its policy,
    /// region and secret are replaced by these arguments'.
    pub(crate) async fn open(&self, edge: ServiceOptions) -> anyhow::Result<Arc<AppState>> {
        let policy = match &self.policy {
            None => Policy::default(),
            Some(path) => {
                let source = std::fs::read_to_string(path).map_err(|error| {
                    anyhow::anyhow!("cannot read policy file {}: {error}", path.display())
                })?;
                Policy::from_toml(&source)
                    .map_err(|error| anyhow::anyhow!("policy file {}: {error}", path.display()))?
            }
        };
        let default_region =
            Region::parse(&self.region).map_err(|error| anyhow::anyhow!("--region: {error}"))?;
        let hash_secret = match &self.hash_secret {
            Some(secret) => Some(secret.clone()),
            None => secret_beside_sqlite_file(&self.database)?,
        };
        AppState::open(
            &self.database,
            ServiceOptions {
                policy,
                default_region,
                hash_secret,
                ..edge
            },
        )
        .await
    }
}

/// For an SQLite file given without a hash secret: the secret kept in `FILE.secret`, made
/// (32 random bytes, hex, mode 0600) when neither the file nor the database exists yet, so
/// that the embedded default runs with no setup while the secret stays out of the database.
/// `None` for PostgreSQL, or for an existing database with no secret file (the service then
/// says how to set the secret).
fn secret_beside_sqlite_file(database: &str) -> anyhow::Result<Option<String>> {
    if database.contains("://") && !database.starts_with("sqlite://") {
        return Ok(None);
    }
    let path = database
        .strip_prefix("sqlite://")
        .or_else(|| database.strip_prefix("sqlite:"))
        .unwrap_or(database);
    if path.is_empty() || path == ":memory:" {
        return Ok(None);
    }
    let secret_path = std::path::PathBuf::from(format!("{path}.secret"));
    match std::fs::read_to_string(&secret_path) {
        Ok(secret) => return Ok(Some(secret.trim().to_owned())),
        Err(error) if error.kind() != std::io::ErrorKind::NotFound => {
            anyhow::bail!("cannot read {}: {error}", secret_path.display())
        }
        Err(_) => {}
    }
    if std::path::Path::new(path).exists() {
        return Ok(None);
    }
    let secret = crate::auth::random_hex(32)?;
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    let mut file = options
        .open(&secret_path)
        .map_err(|error| anyhow::anyhow!("cannot create {}: {error}", secret_path.display()))?;
    std::io::Write::write_all(&mut file, format!("{secret}\n").as_bytes())
        .map_err(|error| anyhow::anyhow!("cannot write {}: {error}", secret_path.display()))?;
    eprintln!(
        "offside: made the contact-hash secret in {} (keep it with the ledger, not in its \
         backups; or set OFFSIDE_HASH_SECRET)",
        secret_path.display()
    );
    Ok(Some(secret))
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
    tracing::info!(%local, database = database_kind(&args.service.database), "serving");
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
pub(crate) fn database_kind(url: &str) -> &'static str {
    if url.starts_with("postgres") {
        "postgres"
    } else {
        "sqlite"
    }
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

#[cfg(test)]
mod tests {
    use super::secret_beside_sqlite_file;

    #[test]
    fn a_new_sqlite_file_gets_a_secret_beside_it_and_keeps_it() {
        let dir = std::env::temp_dir().join(format!("offside-secret-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let db = dir.join("ledger.db");
        let db = db.to_str().unwrap();
        let made = secret_beside_sqlite_file(db).unwrap().expect("made");
        assert_eq!(made.len(), 64);
        let again = secret_beside_sqlite_file(&format!("sqlite:{db}")).unwrap();
        assert_eq!(
            again.as_deref(),
            Some(made.as_str()),
            "the same secret on the next start"
        );
        assert_eq!(
            secret_beside_sqlite_file("postgres://u@localhost/x").unwrap(),
            None
        );
        std::fs::remove_file(format!("{db}.secret")).unwrap();
        std::fs::write(db, b"").unwrap();
        assert_eq!(
            secret_beside_sqlite_file(db).unwrap(),
            None,
            "an existing ledger without its secret is not given a new one"
        );
        std::fs::remove_dir_all(&dir).unwrap();
    }
}

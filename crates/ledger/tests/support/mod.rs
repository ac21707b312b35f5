//! Test fixtures: a temporary SQLite file, and a throwaway PostgreSQL server that the tests
//! start themselves (`initdb` into a temporary directory, a free loopback port, a private
//! socket directory) and stop when the fixture is dropped.

#![allow(dead_code)]

use std::os::unix::fs::MetadataExt;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use offside_ledger::{Ledger, StoreOptions};
use sqlx::Connection;
use tempfile::TempDir;

/// Where a check's ledger lives, and how to look at it from outside the store.
pub struct Ctx {
    /// The URL `Ledger::open` takes.
    pub url: String,
    backend: Backend,
    /// Keeps the SQLite directory alive for the check.
    _dir: Option<TempDir>,
}

enum Backend {
    Sqlite { dir: PathBuf },
    Postgres { data_dir: PathBuf },
}

impl Ctx {
    /// A fresh SQLite file in a temporary directory.
    pub fn sqlite() -> Ctx {
        let dir = tempfile::tempdir().expect("a temporary directory");
        let path = dir.path().join("ledger.sqlite3");
        Ctx {
            url: format!("sqlite:{}", path.display()),
            backend: Backend::Sqlite {
                dir: dir.path().to_path_buf(),
            },
            _dir: Some(dir),
        }
    }

    /// Opens the check's ledger (applying migrations).
    pub async fn open(&self, options: StoreOptions) -> Ledger {
        Ledger::open(&self.url, options)
            .await
            .unwrap_or_else(|error| panic!("opening {}: {error}", self.url))
    }

    /// Runs one SQL statement on the database directly, bypassing the store.
    pub async fn execute_raw(&self, sql: &'static str) {
        match &self.backend {
            Backend::Sqlite { .. } => {
                let mut conn = sqlx::SqliteConnection::connect(&self.url).await.unwrap();
                sqlx::raw_sql(sql).execute(&mut conn).await.unwrap();
                conn.close().await.unwrap();
            }
            Backend::Postgres { .. } => {
                let mut conn = sqlx::PgConnection::connect(&self.url).await.unwrap();
                sqlx::raw_sql(sql).execute(&mut conn).await.unwrap();
                conn.close().await.unwrap();
            }
        }
    }

    /// SQLite's journal mode for the file (`None` for PostgreSQL).
    pub async fn sqlite_journal_mode(&self) -> Option<String> {
        let Backend::Sqlite { .. } = &self.backend else {
            return None;
        };
        let mut conn = sqlx::SqliteConnection::connect(&self.url).await.unwrap();
        let mode: String = sqlx::query_scalar("PRAGMA journal_mode")
            .fetch_one(&mut conn)
            .await
            .unwrap();
        conn.close().await.unwrap();
        Some(mode)
    }

    /// Every text column of the ledger's tables, one row per line.
    pub async fn dump_tables(&self) -> String {
        const DUMP: &str = "SELECT event_id || ' ' || account || ' ' || payload AS line FROM events \
             UNION ALL SELECT account || ' ' || kind || ' ' || hash || ' ' || first_event_id FROM contact_hashes \
             UNION ALL SELECT item_id || ' ' || account || ' ' || COALESCE(message_id, '') FROM review_items";
        let lines: Vec<String> = match &self.backend {
            Backend::Sqlite { .. } => {
                let mut conn = sqlx::SqliteConnection::connect(&self.url).await.unwrap();
                let lines = sqlx::query_scalar(DUMP).fetch_all(&mut conn).await.unwrap();
                conn.close().await.unwrap();
                lines
            }
            Backend::Postgres { .. } => {
                let mut conn = sqlx::PgConnection::connect(&self.url).await.unwrap();
                let lines = sqlx::query_scalar(DUMP).fetch_all(&mut conn).await.unwrap();
                conn.close().await.unwrap();
                lines
            }
        };
        lines.join("\n")
    }

    /// Whether any file the database wrote (SQLite: the file, its WAL and shared memory;
    /// PostgreSQL: the whole data directory, after a checkpoint) contains `needle`.
    pub async fn files_contain(&self, needle: &str) -> bool {
        let root = match &self.backend {
            Backend::Sqlite { dir } => dir.clone(),
            Backend::Postgres { data_dir } => {
                // Flush everything to the data files, then look at this check's database
                // and at the write-ahead log (shared by all databases of the server).
                self.execute_raw("CHECKPOINT").await;
                let mut conn = sqlx::PgConnection::connect(&self.url).await.unwrap();
                let oid: String = sqlx::query_scalar(
                    "SELECT oid::text FROM pg_database WHERE datname = current_database()",
                )
                .fetch_one(&mut conn)
                .await
                .unwrap();
                conn.close().await.unwrap();
                let needle = needle.as_bytes();
                return dir_contains(&data_dir.join("base").join(oid), needle)
                    || dir_contains(&data_dir.join("pg_wal"), needle);
            }
        };
        dir_contains(&root, needle.as_bytes())
    }
}

fn dir_contains(dir: &Path, needle: &[u8]) -> bool {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return false;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            if dir_contains(&path, needle) {
                return true;
            }
        } else if let Ok(bytes) = std::fs::read(&path) {
            if bytes.windows(needle.len()).any(|window| window == needle) {
                return true;
            }
        }
    }
    false
}

/// A PostgreSQL server of our own, on a free loopback port, stopped and deleted on drop.
pub struct TempPostgres {
    dir: TempDir,
    bindir: PathBuf,
    port: u16,
    child: Option<Child>,
    /// `Some("postgres")` when running as root: initdb and postgres refuse root, so both run
    /// as that unprivileged user through `runuser`.
    run_as: Option<String>,
}

/// What to do when PostgreSQL is not installed.
const INSTALL_HINT: &str = "PostgreSQL server binaries (initdb, postgres) were not found via \
    $OFFSIDE_PG_BINDIR, `pg_config --bindir` or /usr/lib/postgresql/*/bin. Install the `postgresql` package \
    (Debian: apt-get install -y postgresql), or set OFFSIDE_SKIP_POSTGRES=1 to skip the \
    PostgreSQL half of the ledger tests.";

impl TempPostgres {
    /// Starts a server, or returns `None` (after saying so) when OFFSIDE_SKIP_POSTGRES=1.
    /// Panics with an install hint when PostgreSQL is missing and skipping was not asked.
    pub fn start_or_skip() -> Option<TempPostgres> {
        if std::env::var("OFFSIDE_SKIP_POSTGRES").as_deref() == Ok("1") {
            eprintln!("OFFSIDE_SKIP_POSTGRES=1: the PostgreSQL backend tests were SKIPPED");
            return None;
        }
        let Some(bindir) = find_bindir() else {
            panic!("{INSTALL_HINT}");
        };
        Some(TempPostgres::start(bindir))
    }

    fn start(bindir: PathBuf) -> TempPostgres {
        let dir = tempfile::Builder::new()
            .prefix("offside-ledger-pg-")
            .tempdir()
            .expect("a temporary directory");
        let run_as = running_as_root().then(|| "postgres".to_string());
        if let Some(user) = &run_as {
            let status = Command::new("chown")
                .arg("-R")
                .arg(format!("{user}:"))
                .arg(dir.path())
                .status()
                .expect("running chown");
            assert!(
                status.success(),
                "running as root, the tests run PostgreSQL as the `{user}` user (initdb \
                 refuses root), but `chown -R {user}: {}` failed; the Debian `postgresql` \
                 package creates that user",
                dir.path().display()
            );
        }
        let mut server = TempPostgres {
            dir,
            bindir,
            port: 0,
            child: None,
            run_as,
        };
        let data_dir = server.data_dir();
        let output = server
            .command("initdb")
            .arg("-D")
            .arg(&data_dir)
            .args([
                "--username=postgres",
                "--auth=trust",
                "--encoding=UTF8",
                "--locale=C",
                "--no-sync",
            ])
            .output()
            .expect("running initdb");
        assert!(
            output.status.success(),
            "initdb failed:\n{}{}",
            String::from_utf8_lossy(&output.stdout),
            String::from_utf8_lossy(&output.stderr)
        );
        // The port is free when we look; another process could take it before postgres
        // binds it, so a failed start is retried on a new port.
        let mut last_log = String::new();
        for _attempt in 0..3 {
            server.port = free_port();
            match server.launch() {
                Ok(()) => return server,
                Err(log) => last_log = log,
            }
        }
        panic!("PostgreSQL did not start; its log:\n{last_log}");
    }

    fn data_dir(&self) -> PathBuf {
        self.dir.path().join("data")
    }

    fn socket_dir(&self) -> PathBuf {
        self.dir.path().to_path_buf()
    }

    fn log_path(&self) -> PathBuf {
        self.dir.path().join("postgres.log")
    }

    /// A command for one of the server's binaries, as the unprivileged user if needed.
    fn command(&self, binary: &str) -> Command {
        let program = self.bindir.join(binary);
        match &self.run_as {
            Some(user) => {
                let mut command = Command::new("runuser");
                command.args(["-u", user, "--"]).arg(program);
                command
            }
            None => Command::new(program),
        }
    }

    /// Starts postgres and polls `pg_isready` until it accepts connections, the process
    /// exits, or 60 seconds pass.
    fn launch(&mut self) -> Result<(), String> {
        let log = std::fs::File::create(self.log_path()).expect("creating the server log");
        if let Some(user) = &self.run_as {
            let _ = Command::new("chown")
                .arg(format!("{user}:"))
                .arg(self.log_path())
                .status();
        }
        let child = self
            .command("postgres")
            .arg("-D")
            .arg(self.data_dir())
            .arg("-p")
            .arg(self.port.to_string())
            .arg("-k")
            .arg(self.socket_dir())
            .args(["-h", "127.0.0.1"])
            // Throwaway data: skip fsync. Commits still write the WAL before returning.
            .args(["-c", "fsync=off", "-c", "max_connections=200"])
            .stdin(Stdio::null())
            .stdout(log.try_clone().expect("log handle"))
            .stderr(log)
            .spawn()
            .map_err(|error| format!("spawning postgres: {error}"))?;
        self.child = Some(child);
        let deadline = Instant::now() + Duration::from_secs(60);
        loop {
            let ready = Command::new(self.bindir.join("pg_isready"))
                .args([
                    "-h",
                    "127.0.0.1",
                    "-p",
                    &self.port.to_string(),
                    "-t",
                    "1",
                    "-q",
                ])
                .status()
                .map(|status| status.success())
                .unwrap_or(false);
            if ready {
                return Ok(());
            }
            let exited = self
                .child
                .as_mut()
                .and_then(|child| child.try_wait().ok().flatten());
            if exited.is_some() || Instant::now() > deadline {
                self.child = None;
                return Err(std::fs::read_to_string(self.log_path()).unwrap_or_default());
            }
            // pg_isready returns at once while nothing listens; poll again shortly.
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    /// A fresh database on this server for one check.
    pub async fn database(&self, name: &str) -> Ctx {
        let admin_url = format!("postgres://postgres@127.0.0.1:{}/postgres", self.port);
        let mut admin = sqlx::PgConnection::connect(&admin_url)
            .await
            .expect("connecting to the test server");
        let create = format!("CREATE DATABASE \"{name}\"");
        sqlx::raw_sql(sqlx::AssertSqlSafe(create))
            .execute(&mut admin)
            .await
            .expect("creating a database");
        admin.close().await.ok();
        Ctx {
            url: format!("postgres://postgres@127.0.0.1:{}/{name}", self.port),
            backend: Backend::Postgres {
                data_dir: self.data_dir(),
            },
            _dir: None,
        }
    }
}

impl Drop for TempPostgres {
    fn drop(&mut self) {
        let Some(mut child) = self.child.take() else {
            return;
        };
        let stopped = self
            .command("pg_ctl")
            .arg("stop")
            .arg("-D")
            .arg(self.data_dir())
            .args(["-m", "fast", "-w", "-t", "30"])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status()
            .map(|status| status.success())
            .unwrap_or(false);
        if !stopped {
            let _ = child.kill();
        }
        let _ = child.wait();
        // TempDir removes the data directory (root can; otherwise we own it).
    }
}

/// The directory of `initdb` and `postgres`: $OFFSIDE_PG_BINDIR if set (and only it), else
/// `pg_config --bindir` if it has them, else the newest /usr/lib/postgresql/*/bin that does.
fn find_bindir() -> Option<PathBuf> {
    let has_server = |dir: &Path| dir.join("postgres").is_file() && dir.join("initdb").is_file();
    if let Some(dir) = std::env::var_os("OFFSIDE_PG_BINDIR") {
        let dir = PathBuf::from(dir);
        return has_server(&dir).then_some(dir);
    }
    if let Ok(output) = Command::new("pg_config").arg("--bindir").output() {
        let dir = PathBuf::from(String::from_utf8_lossy(&output.stdout).trim());
        if output.status.success() && has_server(&dir) {
            return Some(dir);
        }
    }
    let mut versions: Vec<(u32, PathBuf)> = std::fs::read_dir("/usr/lib/postgresql")
        .ok()?
        .flatten()
        .filter_map(|entry| {
            let version = entry.file_name().to_str()?.parse::<u32>().ok()?;
            Some((version, entry.path().join("bin")))
        })
        .filter(|(_, dir)| has_server(dir))
        .collect();
    versions.sort();
    versions.pop().map(|(_, dir)| dir)
}

/// The effective uid is the owner of /proc/self: no libc needed.
fn running_as_root() -> bool {
    std::fs::metadata("/proc/self")
        .map(|meta| meta.uid() == 0)
        .unwrap_or(false)
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|listener| listener.local_addr())
        .map(|addr| addr.port())
        .expect("a free loopback port")
}

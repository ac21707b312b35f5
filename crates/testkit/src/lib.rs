//! Test fixtures shared by offside's crates (a dev-dependency only).
//!
//! [`TempNats`] is a throwaway `nats-server -js` (free loopback port, store in a temporary
//! directory), from the installed binary (Debian's `nats-server`); `OFFSIDE_SKIP_NATS=1`
//! skips the tests that need it.
//!
//! [`TempPostgres`] is a throwaway PostgreSQL server the tests start themselves: `initdb`
//! into a temporary directory, a free loopback port, a private socket directory, stopped and
//! deleted on drop. It needs PostgreSQL's binaries (Debian's `postgresql` package), found
//! through `$OFFSIDE_PG_BINDIR`, `pg_config --bindir` or `/usr/lib/postgresql/*/bin`; as
//! root it runs them as the `postgres` user, since `initdb` refuses root. Without them a
//! test fails with an install hint, unless `OFFSIDE_SKIP_POSTGRES=1` says to skip.
#![deny(missing_docs)]

use std::os::unix::fs::MetadataExt;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use tempfile::TempDir;

mod nats;
pub use nats::TempNats;

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
    PostgreSQL tests.";

impl TempPostgres {
    /// Starts a server, or returns `None` (after saying so) when OFFSIDE_SKIP_POSTGRES=1.
    /// Panics with an install hint when PostgreSQL is missing and skipping was not asked.
    pub fn start_or_skip() -> Option<TempPostgres> {
        if std::env::var("OFFSIDE_SKIP_POSTGRES").as_deref() == Ok("1") {
            eprintln!("OFFSIDE_SKIP_POSTGRES=1: the PostgreSQL tests were SKIPPED");
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

    /// The server's data directory (to look at its files from outside).
    pub fn data_dir(&self) -> PathBuf {
        self.dir.path().join("data")
    }

    /// The loopback port the server listens on.
    pub fn port(&self) -> u16 {
        self.port
    }

    /// The URL of database `db` on this server, as the `postgres` superuser (trust auth).
    pub fn url(&self, db: &str) -> String {
        format!("postgres://postgres@127.0.0.1:{}/{db}", self.port)
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

//! A throwaway NATS server with JetStream, started from the installed `nats-server` binary.

use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use tempfile::TempDir;

/// What to do when nats-server is not installed.
const INSTALL_HINT: &str = "nats-server was not found via $OFFSIDE_NATS_SERVER, $PATH or \
    /usr/sbin/nats-server. Install it (Debian: apt-get install -y nats-server), or set \
    OFFSIDE_SKIP_NATS=1 to skip the NATS tests.";

/// A `nats-server -js` of our own: a free loopback port, its store in a temporary directory,
/// killed and deleted on drop.
pub struct TempNats {
    dir: TempDir,
    port: u16,
    child: Option<Child>,
}

impl TempNats {
    /// Starts a server, or returns `None` (after saying so) when OFFSIDE_SKIP_NATS=1.
    /// Panics with an install hint when nats-server is missing and skipping was not asked.
    pub fn start_or_skip() -> Option<TempNats> {
        if std::env::var("OFFSIDE_SKIP_NATS").as_deref() == Ok("1") {
            eprintln!("OFFSIDE_SKIP_NATS=1: the NATS tests were SKIPPED");
            return None;
        }
        let Some(binary) = find_binary() else {
            panic!("{INSTALL_HINT}");
        };
        Some(TempNats::start(binary))
    }

    fn start(binary: PathBuf) -> TempNats {
        let dir = tempfile::Builder::new()
            .prefix("offside-nats-")
            .tempdir()
            .expect("a temporary directory");
        let port = crate::free_port();
        let log = dir.path().join("nats.log");
        let child = Command::new(&binary)
            .args(["-js", "-a", "127.0.0.1", "-p", &port.to_string()])
            .arg("-sd")
            .arg(dir.path().join("store"))
            .arg("-l")
            .arg(&log)
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap_or_else(|error| panic!("cannot start {}: {error}", binary.display()));
        let mut nats = TempNats {
            dir,
            port,
            child: Some(child),
        };
        // Ready when its log says so; never by sleeping a fixed time.
        let deadline = Instant::now() + Duration::from_secs(30);
        loop {
            let text = std::fs::read_to_string(&log).unwrap_or_default();
            if text.contains("Server is ready") {
                return nats;
            }
            let exited = nats
                .child
                .as_mut()
                .and_then(|child| child.try_wait().ok().flatten());
            if exited.is_some() || Instant::now() > deadline {
                nats.child = None;
                panic!("nats-server did not start (exit: {exited:?}); its log:\n{text}");
            }
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    /// The client URL, `nats://127.0.0.1:PORT`.
    pub fn url(&self) -> String {
        format!("nats://127.0.0.1:{}", self.port)
    }

    /// The server's log, for failure messages.
    pub fn log(&self) -> String {
        std::fs::read_to_string(self.dir.path().join("nats.log")).unwrap_or_default()
    }
}

impl Drop for TempNats {
    fn drop(&mut self) {
        if let Some(mut child) = self.child.take() {
            let _ = child.kill();
            let _ = child.wait();
        }
    }
}

/// `$OFFSIDE_NATS_SERVER` if set (and only it), else `nats-server` on `$PATH`, else Debian's
/// `/usr/sbin/nats-server` (not on a normal user's `$PATH`).
fn find_binary() -> Option<PathBuf> {
    if let Some(path) = std::env::var_os("OFFSIDE_NATS_SERVER") {
        let path = PathBuf::from(path);
        return path.is_file().then_some(path);
    }
    let on_path = std::env::var_os("PATH").and_then(|paths| {
        std::env::split_paths(&paths)
            .map(|dir| dir.join("nats-server"))
            .find(|candidate| candidate.is_file())
    });
    on_path.or_else(|| {
        let debian = PathBuf::from("/usr/sbin/nats-server");
        debian.is_file().then_some(debian)
    })
}

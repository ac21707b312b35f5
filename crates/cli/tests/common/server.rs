//! A running `offside serve` and a small HTTP/1.1 client for it (hyper's, one connection a
//! request), shared by the tests that talk to the real server.
//!
//! Readiness is never waited for by sleeping: the server prints the address it bound, and
//! `/healthz` is polled until it answers or a deadline passes.

use std::net::SocketAddr;
use std::path::Path;
use std::process::{Child, Command, ExitStatus, Stdio};
use std::sync::mpsc::Receiver;
use std::time::{Duration, Instant};

use http_body_util::{BodyExt as _, Full};
use hyper::body::Bytes;
use hyper::header::{CONNECTION, HOST};
use hyper::Request;
use hyper_util::rt::TokioIo;
use serde_json::Value;

pub const DEADLINE: Duration = Duration::from_secs(60);

/// A running `offside serve`.
pub struct Server {
    pub child: Child,
    pub addr: SocketAddr,
    pub stderr: Receiver<String>,
    /// The master key it printed, if it printed one.
    pub printed_key: Option<String>,
}

/// The contact-hash secret every test server is started with (a test that wants another
/// passes its own in `envs`).
pub const TEST_HASH_SECRET: &str = "cli-test-secret-0123456789";

impl Server {
    pub fn start(database: &str, envs: &[(&str, &str)]) -> Server {
        Server::spawn(Some(database), None, &[], envs)
    }

    /// Starts a server as the README's main command does: no `--database` (the default
    /// `offside.db` in the working directory, here `dir`).
    pub fn start_in(dir: &Path) -> Server {
        Server::spawn(None, Some(dir), &[], &[])
    }

    /// `offside serve --listen 127.0.0.1:0 --rate-limit 0 [--database D] ARGS`, in `cwd`
    /// when given, with none of the server's environment variables but `envs`.
    pub fn spawn(
        database: Option<&str>,
        cwd: Option<&Path>,
        args: &[&str],
        envs: &[(&str, &str)],
    ) -> Server {
        let mut command = Command::new(env!("CARGO_BIN_EXE_offside"));
        command.args(["serve", "--listen", "127.0.0.1:0", "--rate-limit", "0"]);
        if let Some(database) = database {
            command.args(["--database", database]);
        }
        command.args(args);
        if let Some(cwd) = cwd {
            command.current_dir(cwd);
        }
        command
            .env_remove("OFFSIDE_MASTER_KEY")
            .env("OFFSIDE_HASH_SECRET", TEST_HASH_SECRET)
            .env_remove("OFFSIDE_DATABASE")
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::piped());
        for (name, value) in envs {
            command.env(name, value);
        }
        let mut child = command.spawn().expect("starting offside serve");
        let receiver = super::stderr_lines(&mut child);
        let mut printed_key = None;
        let deadline = Instant::now() + DEADLINE;
        let addr = loop {
            let left = deadline.saturating_duration_since(Instant::now());
            let line = receiver
                .recv_timeout(left)
                .unwrap_or_else(|_| panic!("offside serve did not print its address in time"));
            if let Some(key) = line.split("stored): ").nth(1) {
                printed_key = Some(key.trim().to_string());
            }
            if let Some(addr) = line.strip_prefix("offside: listening on http://") {
                break addr.trim().parse::<SocketAddr>().expect("a socket address");
            }
        };
        let server = Server {
            child,
            addr,
            stderr: receiver,
            printed_key,
        };
        server.wait_healthy();
        server
    }

    /// `http://ADDR`.
    pub fn url(&self) -> String {
        format!("http://{}", self.addr)
    }

    fn wait_healthy(&self) {
        let deadline = Instant::now() + DEADLINE;
        loop {
            if let Ok((200, _)) = try_request(self.addr, "GET", "/healthz", None, None) {
                return;
            }
            assert!(
                Instant::now() < deadline,
                "/healthz did not answer 200 in time"
            );
            // A refused connection returns at once; poll again shortly.
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    /// A JSON API call: the status and the body as JSON (or as a JSON string).
    pub fn call(
        &self,
        method: &str,
        path: &str,
        key: Option<&str>,
        body: Option<&Value>,
    ) -> (u16, Value) {
        try_request(self.addr, method, path, key, body)
            .unwrap_or_else(|error| panic!("{method} {path}: {error}"))
    }

    /// Any request: `headers` as given, `body` as the bytes sent.
    pub fn send(
        &self,
        method: &str,
        path: &str,
        headers: &[(&str, &str)],
        body: &[u8],
    ) -> HttpResponse {
        send(self.addr, method, path, headers, body)
            .unwrap_or_else(|error| panic!("{method} {path}: {error}"))
    }

    /// SIGKILL: no chance to clean up.
    pub fn kill_9(mut self) {
        self.child.kill().expect("kill -9");
        self.child.wait().expect("reaping the server");
    }

    /// SIGTERM, then the exit status and everything it wrote to stderr afterwards.
    pub fn terminate(mut self) -> (ExitStatus, String) {
        let status = Command::new("kill")
            .args(["-TERM", &self.child.id().to_string()])
            .status()
            .expect("running kill");
        assert!(status.success());
        let deadline = Instant::now() + DEADLINE;
        let exit = loop {
            if let Some(exit) = self.child.try_wait().expect("waiting for the server") {
                break exit;
            }
            assert!(
                Instant::now() < deadline,
                "the server did not stop after SIGTERM"
            );
            std::thread::sleep(Duration::from_millis(20));
        };
        let mut rest = String::new();
        while let Ok(line) = self.stderr.recv_timeout(Duration::from_secs(5)) {
            rest.push_str(&line);
            rest.push('\n');
        }
        (exit, rest)
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// An HTTP answer: the status, the headers in order (names in lower case), the body as text.
#[derive(Debug, Clone)]
pub struct HttpResponse {
    pub status: u16,
    pub headers: Vec<(String, String)>,
    pub body: String,
}

impl HttpResponse {
    /// The first header named `name` (any case).
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers_named(name).into_iter().next()
    }

    /// Every header named `name` (any case), in order.
    pub fn headers_named(&self, name: &str) -> Vec<&str> {
        self.headers
            .iter()
            .filter(|(header, _)| header.eq_ignore_ascii_case(name))
            .map(|(_, value)| value.as_str())
            .collect()
    }

    /// The body as JSON, or as a JSON string when it is not JSON.
    pub fn json(&self) -> Value {
        serde_json::from_str(&self.body).unwrap_or_else(|_| Value::String(self.body.clone()))
    }
}

/// One HTTP/1.1 request with `Connection: close`; the status and the body as JSON (or as a
/// JSON string when it is not JSON).
pub fn try_request(
    addr: SocketAddr,
    method: &str,
    path: &str,
    key: Option<&str>,
    body: Option<&Value>,
) -> Result<(u16, Value), String> {
    let body = body.map(Value::to_string).unwrap_or_default();
    let authorization = key.map(|key| format!("Bearer {key}"));
    let mut headers = Vec::new();
    if let Some(authorization) = &authorization {
        headers.push(("Authorization", authorization.as_str()));
    }
    if !body.is_empty() {
        headers.push(("Content-Type", "application/json"));
    }
    let response = send(addr, method, path, &headers, body.as_bytes())?;
    Ok((response.status, response.json()))
}

/// One HTTP/1.1 request with `Connection: close`, `headers` and a `Content-Length` body,
/// sent by hyper's client on a connection of its own.
pub fn send(
    addr: SocketAddr,
    method: &str,
    path: &str,
    headers: &[(&str, &str)],
    body: &[u8],
) -> Result<HttpResponse, String> {
    let mut request = Request::builder()
        .method(method)
        .uri(path)
        .header(HOST, addr.to_string())
        .header(CONNECTION, "close");
    for (name, value) in headers {
        request = request.header(*name, *value);
    }
    let request = request
        .body(Full::new(Bytes::copy_from_slice(body)))
        .map_err(|e| e.to_string())?;
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .map_err(|e| e.to_string())?;
    let exchange = async {
        let stream = tokio::net::TcpStream::connect(addr)
            .await
            .map_err(|e| e.to_string())?;
        let (mut sender, connection) = hyper::client::conn::http1::handshake(TokioIo::new(stream))
            .await
            .map_err(|e| e.to_string())?;
        let connection = tokio::spawn(connection);
        let response = sender
            .send_request(request)
            .await
            .map_err(|e| e.to_string())?;
        let status = response.status().as_u16();
        let headers = response
            .headers()
            .iter()
            .map(|(name, value)| {
                let value = String::from_utf8_lossy(value.as_bytes()).into_owned();
                (name.as_str().to_string(), value)
            })
            .collect();
        let payload = response
            .into_body()
            .collect()
            .await
            .map_err(|e| e.to_string())?
            .to_bytes();
        drop(sender);
        let _ = connection.await;
        Ok::<_, String>(HttpResponse {
            status,
            headers,
            body: String::from_utf8_lossy(&payload).into_owned(),
        })
    };
    runtime.block_on(async {
        tokio::time::timeout(Duration::from_secs(30), exchange)
            .await
            .map_err(|_| "no answer within 30 s".to_string())?
    })
}

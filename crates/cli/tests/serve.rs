//! End-to-end tests of `offside serve`: the real binary on a loopback port, a real SQLite
//! file, then a real PostgreSQL server the test starts itself. The client is a few lines of
//! HTTP/1.1 over a `TcpStream`, so nothing here shares code with the server.
//!
//! Readiness is never waited for by sleeping: the server prints the address it bound, and
//! `/healthz` is polled until it answers or a deadline passes.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::process::{Child, Command, ExitStatus, Stdio};
use std::sync::mpsc::{self, Receiver};
use std::time::{Duration, Instant};

use offside_testkit::TempPostgres;
use serde_json::{json, Value};

const DEADLINE: Duration = Duration::from_secs(60);

/// A running `offside serve`.
struct Server {
    child: Child,
    addr: SocketAddr,
    stderr: Receiver<String>,
    /// The master key it printed, if it printed one.
    printed_key: Option<String>,
}

impl Server {
    fn start(database: &str, envs: &[(&str, &str)]) -> Server {
        let mut command = Command::new(env!("CARGO_BIN_EXE_offside"));
        command
            .args(["serve", "--listen", "127.0.0.1:0", "--rate-limit", "0"])
            .args(["--database", database])
            .env_remove("OFFSIDE_MASTER_KEY")
            .env_remove("OFFSIDE_HASH_SECRET")
            .env_remove("OFFSIDE_DATABASE")
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::piped());
        for (name, value) in envs {
            command.env(name, value);
        }
        let mut child = command.spawn().expect("starting offside serve");
        let stderr = child.stderr.take().expect("piped stderr");
        let (sender, receiver) = mpsc::channel();
        std::thread::spawn(move || {
            for line in BufReader::new(stderr).lines() {
                let Ok(line) = line else { break };
                if sender.send(line).is_err() {
                    break;
                }
            }
        });
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

    fn call(
        &self,
        method: &str,
        path: &str,
        key: Option<&str>,
        body: Option<&Value>,
    ) -> (u16, Value) {
        try_request(self.addr, method, path, key, body)
            .unwrap_or_else(|error| panic!("{method} {path}: {error}"))
    }

    /// SIGKILL: no chance to clean up.
    fn kill_9(mut self) {
        self.child.kill().expect("kill -9");
        self.child.wait().expect("reaping the server");
    }

    /// SIGTERM, then the exit status and everything it wrote to stderr afterwards.
    fn terminate(mut self) -> (ExitStatus, String) {
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

/// One HTTP/1.1 request with `Connection: close`; the status and the body as JSON (or as a
/// JSON string when it is not JSON).
fn try_request(
    addr: SocketAddr,
    method: &str,
    path: &str,
    key: Option<&str>,
    body: Option<&Value>,
) -> Result<(u16, Value), String> {
    let mut stream =
        TcpStream::connect_timeout(&addr, Duration::from_secs(5)).map_err(|e| e.to_string())?;
    stream
        .set_read_timeout(Some(Duration::from_secs(30)))
        .map_err(|e| e.to_string())?;
    let body = body.map(Value::to_string).unwrap_or_default();
    let mut request = format!("{method} {path} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n");
    if let Some(key) = key {
        request.push_str(&format!("Authorization: Bearer {key}\r\n"));
    }
    if !body.is_empty() {
        request.push_str("Content-Type: application/json\r\n");
    }
    request.push_str(&format!("Content-Length: {}\r\n\r\n{body}", body.len()));
    stream
        .write_all(request.as_bytes())
        .map_err(|e| e.to_string())?;
    let mut raw = Vec::new();
    stream.read_to_end(&mut raw).map_err(|e| e.to_string())?;
    let text = String::from_utf8_lossy(&raw);
    let (head, payload) = text.split_once("\r\n\r\n").ok_or("no end of headers")?;
    let status: u16 = head
        .split_whitespace()
        .nth(1)
        .and_then(|code| code.parse().ok())
        .ok_or("no status")?;
    let payload = if head
        .to_ascii_lowercase()
        .contains("transfer-encoding: chunked")
    {
        dechunk(payload)
    } else {
        payload.to_string()
    };
    let value = serde_json::from_str(&payload).unwrap_or(Value::String(payload));
    Ok((status, value))
}

fn dechunk(mut payload: &str) -> String {
    let mut out = String::new();
    while let Some((size, rest)) = payload.split_once("\r\n") {
        let Ok(size) = usize::from_str_radix(size.trim(), 16) else {
            break;
        };
        if size == 0 || rest.len() < size {
            break;
        }
        out.push_str(&rest[..size]);
        payload = rest[size..].trim_start_matches("\r\n");
    }
    out
}

fn event(id: &str, sender: &str, text: &str) -> Value {
    json!({
        "id": id, "text": text, "surface": "message", "at": chrono::Utc::now().to_rfc3339(),
        "sender": {"id": sender, "role": "freelancer"},
        "recipient": {"id": "client-1", "role": "client"},
        "relationship": {"state": "none"}
    })
}

fn create_key(server: &Server, admin: &str, scopes: &[&str]) -> String {
    let (status, body) = server.call(
        "POST",
        "/v1/keys",
        Some(admin),
        Some(&json!({"name": "e2e", "scopes": scopes})),
    );
    assert_eq!(status, 201, "{body}");
    body["key_secret"].as_str().unwrap().to_string()
}

fn points(server: &Server, key: &str, account: &str) -> f64 {
    let (status, body) = server.call("GET", &format!("/v1/accounts/{account}"), Some(key), None);
    assert_eq!(status, 200, "{body}");
    assert_eq!(body["account"], account);
    // Points decay continuously; to the thousandth they do not move within a test.
    (body["points"].as_f64().unwrap() * 1000.0).round() / 1000.0
}

/// Auth, check, idempotent events, a report in the queue, a verdict that moves standing.
/// Returns an ingest key and a review key for what follows.
fn core_flow(server: &Server, admin: &str) -> (String, String) {
    let check_only = create_key(server, admin, &["check"]);
    let ingest = create_key(server, admin, &["ingest"]);
    let review = create_key(server, admin, &["review"]);
    let leak = event("e1", "f1", "pay me on paypal: alex.smith@gmail.com");

    let (status, body) = server.call("POST", "/v1/check", None, Some(&leak));
    assert_eq!(
        (status, body["error"]["code"].as_str()),
        (401, Some("unauthorized")),
        "{body}"
    );
    let (status, body) = server.call("POST", "/v1/check", Some("osk_wrong"), Some(&leak));
    assert_eq!(status, 401, "{body}");
    let (status, body) = server.call("POST", "/v1/events", Some(&check_only), Some(&leak));
    assert_eq!(
        (status, body["error"]["code"].as_str()),
        (403, Some("forbidden")),
        "{body}"
    );

    let (status, decision) = server.call("POST", "/v1/check", Some(&check_only), Some(&leak));
    assert_eq!(status, 200, "{decision}");
    assert_ne!(decision["action"], "allow", "{decision}");
    assert_eq!(points(server, &review, "f1"), 0.0, "check records nothing");

    let (status, first) = server.call("POST", "/v1/events", Some(&ingest), Some(&leak));
    assert_eq!(status, 200, "{first}");
    let recorded = first["recorded"].as_array().unwrap().clone();
    assert!(!recorded.is_empty(), "{first}");
    let after_first = points(server, &review, "f1");
    assert!(after_first > 0.0);
    let (status, again) = server.call(
        "POST",
        "/v1/events",
        Some(&ingest),
        Some(&event("e1", "f1", "hello")),
    );
    assert_eq!(status, 200);
    assert_eq!(again, first, "a retried event id gets the first answer");
    assert_eq!(
        points(server, &review, "f1"),
        after_first,
        "and changes nothing"
    );

    let report =
        json!({"event_id": "e1", "reporter": "client-1", "reason": "off-platform payment"});
    let (status, body) = server.call("POST", "/v1/reports", Some(&ingest), Some(&report));
    assert_eq!(status, 201, "{body}");
    let (_, queue) = server.call("GET", "/v1/review/queue", Some(&review), None);
    let items = queue["items"].as_array().unwrap();
    assert!(
        items
            .iter()
            .any(|item| item["kind"] == "report" && item["message_id"] == "e1"),
        "{queue}"
    );

    for violation in &recorded {
        let verdict = json!({"subject_id": violation, "verdict": "dismiss", "reviewer": "rita"});
        let (status, body) =
            server.call("POST", "/v1/review/verdicts", Some(&review), Some(&verdict));
        assert_eq!(status, 201, "{body}");
    }
    assert_eq!(
        points(server, &review, "f1"),
        0.0,
        "dismissed violations stop counting"
    );
    let (_, queue) = server.call("GET", "/v1/review/queue", Some(&review), None);
    assert!(
        !queue["items"]
            .as_array()
            .unwrap()
            .iter()
            .any(|item| item["message_id"] == "e1"),
        "{queue}"
    );
    (ingest, review)
}

/// Records an event, kills the server with SIGKILL right after the 2xx, restarts it on the
/// same database and finds the event there.
fn survives_kill_9(
    server: Server,
    database: &str,
    envs: &[(&str, &str)],
    ingest: &str,
    review: &str,
) -> Server {
    let (status, acknowledged) = server.call(
        "POST",
        "/v1/events",
        Some(ingest),
        Some(&event("k1", "f9", "text me on +1 415 555 2671")),
    );
    assert_eq!(status, 200, "{acknowledged}");
    assert!(
        !acknowledged["recorded"].as_array().unwrap().is_empty(),
        "{acknowledged}"
    );
    server.kill_9();

    let restarted = Server::start(database, envs);
    assert_eq!(
        restarted.printed_key, None,
        "a restart prints no new master key"
    );
    assert!(
        points(&restarted, review, "f9") > 0.0,
        "the acknowledged violation is there"
    );
    let (status, replayed) = restarted.call(
        "POST",
        "/v1/events",
        Some(ingest),
        Some(&event("k1", "f9", "other")),
    );
    assert_eq!(status, 200);
    assert_eq!(replayed, acknowledged, "the acknowledged answer survived");
    restarted
}

#[test]
fn sqlite_end_to_end() {
    let dir = tempfile::tempdir().unwrap();
    let database = format!("sqlite:{}", dir.path().join("offside.db").display());
    let server = Server::start(&database, &[]);
    let admin = server
        .printed_key
        .clone()
        .expect("the first start prints a master key");
    let (ingest, review) = core_flow(&server, &admin);

    // A phone number split over two requests of one conversation.
    let mut first = event("s1", "f2", "my number is 415 555");
    first["conversation_id"] = json!("conv-1");
    let (_, answer) = server.call("POST", "/v1/events", Some(&ingest), Some(&first));
    assert_eq!(answer["action"], "allow", "{answer}");
    let mut second = event("s2", "f2", "2671 call me");
    second["conversation_id"] = json!("conv-1");
    let (_, answer) = server.call("POST", "/v1/events", Some(&ingest), Some(&second));
    assert_eq!(
        answer["violations"][0]["kinds"],
        json!(["phone"]),
        "{answer}"
    );

    // A key made with `offside keys` on the database works on the running server.
    let output = Command::new(env!("CARGO_BIN_EXE_offside"))
        .args([
            "keys",
            "create",
            "--name",
            "cli",
            "--scope",
            "check",
            "--database",
            &database,
        ])
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let created: Value = serde_json::from_slice(&output.stdout).unwrap();
    let cli_key = created["key_secret"].as_str().unwrap();
    let (status, body) = server.call(
        "POST",
        "/v1/check",
        Some(cli_key),
        Some(&event("c1", "f3", "hi")),
    );
    assert_eq!(status, 200, "{body}");

    let server = survives_kill_9(server, &database, &[], &ingest, &review);

    // The metrics say what happened.
    let (_, metrics) = server.call("GET", "/metrics", None, None);
    assert!(
        metrics
            .as_str()
            .unwrap()
            .contains("offside_http_requests_total"),
        "{metrics}"
    );

    let (exit, rest) = server.terminate();
    assert!(
        exit.success(),
        "SIGTERM gives a clean exit, got {exit}: {rest}"
    );
    assert!(rest.contains("shut down cleanly"), "{rest}");
    // Nothing of the messages reached the log.
    assert!(
        !rest.contains("alex.smith") && !rest.contains("415"),
        "{rest}"
    );
}

#[test]
fn postgres_end_to_end() {
    let Some(postgres) = TempPostgres::start_or_skip() else {
        return;
    };
    let database = postgres.url("postgres");
    let master = "master-key-for-the-postgres-test";
    let envs = [("OFFSIDE_MASTER_KEY", master)];
    let server = Server::start(&database, &envs);
    assert_eq!(
        server.printed_key, None,
        "a configured master key is not printed"
    );
    let (ingest, review) = core_flow(&server, master);
    let server = survives_kill_9(server, &database, &envs, &ingest, &review);
    let (exit, rest) = server.terminate();
    assert!(exit.success(), "{exit}: {rest}");
}

//! End-to-end tests of `offside serve`: the real binary on a loopback port, a real SQLite
//! file, then a real PostgreSQL server the test starts itself. The server and the client (a
//! few lines of HTTP/1.1 over a `TcpStream`, sharing no code with the server) are in
//! `common/server.rs`.

mod common;

use std::process::Command;

use common::server::Server;
use offside_testkit::TempPostgres;
use serde_json::{json, Value};

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
    let (status, again) = server.call("POST", "/v1/events", Some(&ingest), Some(&leak));
    assert_eq!(status, 200);
    assert_eq!(again, first, "a retried event gets the first answer");
    let (status, conflict) = server.call(
        "POST",
        "/v1/events",
        Some(&ingest),
        Some(&event("e1", "f1", "hello")),
    );
    assert_eq!(status, 409, "the same id with another body: {conflict}");
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
    let k1 = event("k1", "f9", "text me on +1 415 555 2671");
    let (status, acknowledged) = server.call("POST", "/v1/events", Some(ingest), Some(&k1));
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
    let (status, replayed) = restarted.call("POST", "/v1/events", Some(ingest), Some(&k1));
    assert_eq!(status, 200);
    assert_eq!(replayed, acknowledged, "the acknowledged answer survived");
    restarted
}

/// The README's quick start: the main command with no options, then its curl body with the
/// printed key, answered with a decision that hides the disguised address.
#[test]
fn readme_quick_start() {
    let readme = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../../README.md"))
        .expect("README.md");
    let quick_start = &readme[readme.find("## Two commands").expect("the section")..];
    assert!(
        quick_start.contains("cargo run --release -p offside-cli -- serve "),
        "the README's main command is `offside serve`"
    );
    let body = quick_start
        .split("-d '")
        .nth(1)
        .and_then(|rest| rest.split('\'').next())
        .expect("a curl -d '...' body in the quick start");
    let body: Value = serde_json::from_str(body).expect("the README's curl body is JSON");

    let dir = tempfile::tempdir().unwrap();
    let server = Server::start_in(dir.path());
    let key = server.printed_key.clone().expect("a printed key");
    let (status, answer) = server.call("POST", "/v1/check", Some(&key), Some(&body));
    assert_eq!(status, 200, "{answer}");
    assert_eq!(answer["action"], "redact", "{answer}");
    assert_eq!(
        answer["violations"][0]["findings"][0]["value"], "alex@gmail.com",
        "{answer}"
    );
    assert_eq!(answer["violations"][0]["id"], "contact.before_contract");
    assert!(
        dir.path().join("offside.db").is_file(),
        "the default database is offside.db in the working directory"
    );
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
    // Nothing of the messages reached the log: neither their text nor the values found in
    // them, as written or canonical. (Not a bare "415": the log holds ports and request ids.)
    for sent in [
        "alex.smith",
        "my number is",
        "415 555",
        "2671 call me",
        "4155552671",
    ] {
        assert!(!rest.contains(sent), "{sent:?} in the log: {rest}");
    }
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

//! One decision, whichever way an event arrives: the same events through `offside check`,
//! `offside record` (SQLite and PostgreSQL), `offside replay`, `POST /v1/check`,
//! `POST /v1/events` and `POST /v1/attachments` give the same decisions; and a message is
//! judged once in a conversation, however many later events carry it. The stream consumer
//! (`offside consume`) is compared with `offside check` on the same events in `consume.rs`,
//! which starts the nats-server it needs.

use std::process::{Command, Output};

use serde_json::{json, Value};

mod common;

use common::server::{Server, TEST_HASH_SECRET};
use offside_testkit::TempPostgres;

const NDA: &str = "MUTUAL NON-DISCLOSURE AGREEMENT\n\nThis Agreement is entered into as of the Effective Date by the parties below. The Disclosing Party may share Confidential Information with the Receiving Party. The Receiving Party shall not disclose any Confidential Information to third parties and shall return or destroy it on request. This Agreement is governed by the governing law of the State of New York, and the obligations of the parties survive the term of this agreement.\n\nDisclosing Party: Acme Corp, jane.doe@acme-corp.com\nReceiving Party: Maya Lopez, maya.lopez@gmail.com";

fn offside(args: &[&str], stdin: &[u8]) -> Output {
    use std::io::Write;
    let mut child = Command::new(env!("CARGO_BIN_EXE_offside"))
        .args(args)
        .env("OFFSIDE_HASH_SECRET", TEST_HASH_SECRET)
        .env_remove("OFFSIDE_DATABASE")
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("offside runs");
    child.stdin.take().unwrap().write_all(stdin).unwrap();
    child.wait_with_output().unwrap()
}

fn lines(output: &Output) -> Vec<Value> {
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8_lossy(&output.stdout)
        .lines()
        .map(|line| serde_json::from_str(line).unwrap())
        .collect()
}

fn base(id: &str, sender: &str) -> Value {
    json!({
        "id": id, "surface": "message", "at": "2026-05-06T10:00:00Z",
        "sender": {"id": sender, "role": "freelancer"},
        "recipient": {"id": "c1", "role": "client"},
        "relationship": {"state": "none"},
    })
}

fn with(mut event: Value, fields: Value) -> Value {
    for (key, value) in fields.as_object().unwrap() {
        event[key] = value.clone();
    }
    event
}

/// Events that once got different answers on different paths.
fn events() -> Vec<Value> {
    vec![
        with(
            base("p-email", "f1"),
            json!({"text": "mail me at alex.m@gmail.com"}),
        ),
        // A region that decides whether a number is a phone.
        with(
            base("p-region", "f2"),
            json!({"text": "ring me on 07911 123456", "region": "GB"}),
        ),
        // An NDA whose text arrives as an event: recognised from its content.
        with(
            base("p-nda", "f3"),
            json!({"text": NDA, "surface": "attachment", "attachment": {"name": "nda.txt"}}),
        ),
        with(
            base("p-pay", "f4"),
            json!({"text": "pay me on paypal instead, it skips the fee"}),
        ),
        with(
            base("p-conv", "f5"),
            json!({"conversation": [
                {"from": "f5", "text": "my email is maya.lopez@gmail.com"},
                {"from": "c1", "text": "ok"},
                {"from": "f5", "text": "thanks, let's keep talking here"}]}),
        ),
        with(
            base("p-clean", "f6"),
            json!({"text": "I can start on Monday"}),
        ),
        with(
            base("p-teams", "f7"),
            json!({"text": "Can we do the interview on Microsoft Teams?"}),
        ),
    ]
}

/// What must be the same on every path.
fn essence(decision: &Value) -> Value {
    let ids = |list: &Value| -> Vec<Value> {
        list.as_array()
            .map(|items| items.iter().map(|item| item["id"].clone()).collect())
            .unwrap_or_default()
    };
    json!({
        "action": decision["action"],
        "violations": ids(&decision["violations"]),
        "exceptions": ids(&decision["exceptions"]),
        "notice": decision["notice"],
        "redacted_text": decision.get("redacted_text").cloned().unwrap_or(Value::Null),
    })
}

fn jsonl(events: &[Value]) -> Vec<u8> {
    events
        .iter()
        .map(|event| format!("{event}\n"))
        .collect::<String>()
        .into_bytes()
}

fn check_every_path(database: &str) {
    let events = events();
    let input = jsonl(&events);
    let checked: Vec<Value> = lines(&offside(&["check"], &input))
        .iter()
        .map(essence)
        .collect();
    assert_eq!(checked.len(), events.len());
    // The region is read: the UK mobile is a phone.
    assert_eq!(checked[1]["action"], "redact", "{}", checked[1]);
    // The NDA's text is recognised as one.
    assert_eq!(
        checked[2]["exceptions"],
        json!(["legal_document"]),
        "{}",
        checked[2]
    );
    // The e-mail in an earlier message is not judged again.
    assert_eq!(checked[4]["action"], "allow", "{}", checked[4]);

    let recorded: Vec<Value> = lines(&offside(&["record", "--database", database], &input))
        .iter()
        .map(essence)
        .collect();
    assert_eq!(recorded, checked, "offside record");

    // Replay decides the same way: the same counts of actions.
    let dir = tempfile::tempdir().unwrap();
    let history = dir.path().join("history.jsonl");
    std::fs::write(&history, &input).unwrap();
    let policy = dir.path().join("policy.toml");
    std::fs::write(&policy, offside_policy::DEFAULT_POLICY_TOML).unwrap();
    let replay = offside(
        &[
            "replay",
            "--policy",
            policy.to_str().unwrap(),
            history.to_str().unwrap(),
        ],
        b"",
    );
    let report: Value = serde_json::from_slice(&replay.stdout).unwrap();
    let mut by_action = serde_json::Map::new();
    for decision in &checked {
        let action = decision["action"].as_str().unwrap().to_owned();
        let count = by_action.get(&action).and_then(Value::as_u64).unwrap_or(0);
        by_action.insert(action, json!(count + 1));
    }
    assert_eq!(
        report["candidate"]["decisions_by_action"],
        Value::Object(by_action),
        "offside replay"
    );

    // The service, on the same database: the events were recorded by `offside record`, so
    // `POST /v1/events` returns the stored (first) answers; `POST /v1/check` decides anew.
    let server = Server::start(database, &[]);
    let key = server.printed_key.clone().expect("a master key");
    for (event, expected) in events.iter().zip(&checked) {
        let (status, answer) = server.call("POST", "/v1/check", Some(&key), Some(event));
        assert_eq!(status, 200, "{answer}");
        assert_eq!(
            &essence(&answer),
            expected,
            "POST /v1/check {}",
            event["id"]
        );
        let (status, answer) = server.call("POST", "/v1/events", Some(&key), Some(event));
        assert_eq!(status, 200, "{answer}");
        assert_eq!(
            &essence(&answer),
            expected,
            "POST /v1/events {}",
            event["id"]
        );
    }
    // An attachment sent as a file: the same decision as its text sent as an event.
    let nda_event = &events[2];
    let boundary = "offside-test-boundary";
    let event_part = json!({"sender": nda_event["sender"], "recipient": nda_event["recipient"],
                            "at": nda_event["at"], "attachment": {"name": "nda.txt"}});
    let body = format!(
        "--{boundary}\r\nContent-Disposition: form-data; name=\"event\"\r\nContent-Type: application/json\r\n\r\n{event_part}\r\n--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"nda.txt\"\r\nContent-Type: text/plain\r\n\r\n{NDA}\r\n--{boundary}--\r\n"
    );
    let authorization = format!("Bearer {key}");
    let content_type = format!("multipart/form-data; boundary={boundary}");
    let response = server.send(
        "POST",
        "/v1/attachments",
        &[
            ("Authorization", authorization.as_str()),
            ("Content-Type", content_type.as_str()),
        ],
        body.as_bytes(),
    );
    assert_eq!(response.status, 200, "{}", response.body);
    let decision = &response.json()["decision"];
    assert_eq!(decision["action"], checked[2]["action"], "{decision}");
    assert_eq!(
        essence(decision)["exceptions"],
        checked[2]["exceptions"],
        "{decision}"
    );
    // Recorded through the same record path: the event's id is the key; the same file again
    // changes nothing, another file under that id is a conflict and records nothing.
    let file_event = json!({"id": "p-file", "sender": {"id": "f9", "role": "freelancer"},
                            "recipient": {"id": "c1", "role": "client"},
                            "at": "2026-05-06T10:00:00Z"});
    let send_file = |query: &str, event: &Value, text: &str| {
        let body = format!(
            "--{boundary}\r\nContent-Disposition: form-data; name=\"event\"\r\nContent-Type: application/json\r\n\r\n{event}\r\n--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"card.txt\"\r\nContent-Type: text/plain\r\n\r\n{text}\r\n--{boundary}--\r\n"
        );
        server.send(
            "POST",
            &format!("/v1/attachments{query}"),
            &[
                ("Authorization", authorization.as_str()),
                ("Content-Type", content_type.as_str()),
            ],
            body.as_bytes(),
        )
    };
    let card = "Maya Lopez, designer. Write to maya.lopez@gmail.com";
    let first = send_file("?record=true", &file_event, card);
    assert_eq!(first.status, 200, "{}", first.body);
    let recorded = first.json()["recorded"].clone();
    assert_eq!(recorded.as_array().map(Vec::len), Some(1), "{}", first.body);
    assert_eq!(first.json()["decision"]["action"], "hold", "{}", first.body);
    let again = send_file("?record=true", &file_event, card);
    assert_eq!(again.status, 200, "{}", again.body);
    assert_eq!(again.json()["recorded"], recorded);
    let other = send_file("?record=true", &file_event, "Another file: bob@example.org");
    assert_eq!(other.status, 409, "{}", other.body);
    let no_id = send_file(
        "?record=true",
        &json!({"sender": file_event["sender"]}),
        card,
    );
    assert_eq!(no_id.status, 400, "{}", no_id.body);
    let message = no_id.json()["error"]["message"].clone();
    assert!(
        message.as_str().is_some_and(|m| m.contains("\"id\"")),
        "{message}"
    );
    // Without ?record the file is decided and nothing is recorded.
    let unrecorded = json!({"id": "p-file-2", "sender": file_event["sender"]});
    let checked_only = send_file("", &unrecorded, card);
    assert_eq!(checked_only.status, 200, "{}", checked_only.body);
    assert!(checked_only.json().get("recorded").is_none());
    let (status, standing) = server.call("GET", "/v1/accounts/f9", Some(&key), None);
    assert_eq!(status, 200, "{standing}");
    assert_eq!(
        standing["violations"].as_array().map(Vec::len),
        Some(1),
        "{standing}"
    );
    // A report on a message recorded by `offside record` works: one path, one table.
    let (status, answer) = server.call(
        "POST",
        "/v1/reports",
        Some(&key),
        Some(&json!({"event_id": "p-teams", "reporter": "c1"})),
    );
    assert_eq!(status, 201, "{answer}");
    server.terminate();
}

#[test]
fn the_same_events_get_the_same_decisions_on_every_path_sqlite() {
    let dir = tempfile::tempdir().unwrap();
    // A bare path: the syntax every command accepts.
    let database = dir.path().join("offside.db");
    check_every_path(database.to_str().unwrap());
}

#[test]
fn the_same_events_get_the_same_decisions_on_every_path_postgres() {
    let Some(postgres) = TempPostgres::start_or_skip() else {
        return;
    };
    check_every_path(&postgres.url("postgres"));
}

/// A conversation whose first message breaks the rule, then ten more events that each
/// carry the conversation so far: one violation, recorded once.
fn judged_once(database: &str) {
    let mut conversation = vec![json!({"from": "f1", "text": "write to maya.lopez@gmail.com"})];
    let mut events = Vec::new();
    let mut at = 1;
    let mut push = |conversation: &Vec<Value>, n: usize| {
        let mut event = base(&format!("conv-{n}"), "f1");
        event["at"] = json!(format!("2026-05-06T10:{at:02}:00Z"));
        at += 1;
        event["conversation"] = json!(conversation);
        event["conversation_id"] = json!("conv-once");
        event
    };
    events.push(push(&conversation, 0));
    for n in 1..=10 {
        conversation.push(json!({"from": "c1", "text": format!("question {n}?")}));
        conversation
            .push(json!({"from": "f1", "text": format!("answer {n}, here on the platform")}));
        events.push(push(&conversation, n));
    }
    let decisions = lines(&offside(
        &["record", "--database", database],
        &jsonl(&events),
    ));
    assert_eq!(decisions[0]["action"], "redact", "{}", decisions[0]);
    assert_eq!(decisions[0]["recorded"], 1);
    for decision in &decisions[1..] {
        assert_eq!(decision["action"], "allow", "{decision}");
        assert_eq!(decision["notice"], "", "nothing is cited again: {decision}");
        assert_eq!(decision["recorded"], 0);
    }
    let account: Value = serde_json::from_slice(
        &offside(
            &[
                "account",
                "f1",
                "--database",
                database,
                "--at",
                "2026-05-07T00:00:00Z",
            ],
            b"",
        )
        .stdout,
    )
    .unwrap();
    assert_eq!(
        account["standing"]["violations"].as_array().unwrap().len(),
        1,
        "{account}"
    );
    assert_eq!(account["standing"]["sanction"], "warning", "{account}");

    // The same through the service, with single texts and its conversation buffer.
    let server = Server::start(database, &[]);
    let key = server.printed_key.clone().expect("a master key");
    let mut recorded = 0;
    for n in 0..=10 {
        let text = if n == 0 {
            "write to sam.lee@gmail.com".to_owned()
        } else {
            format!("answer {n}, here on the platform")
        };
        let mut event = base(&format!("svc-{n}"), "f9");
        event["text"] = json!(text);
        event["conversation_id"] = json!("conv-svc");
        let (status, answer) = server.call("POST", "/v1/events", Some(&key), Some(&event));
        assert_eq!(status, 200, "{answer}");
        recorded += answer["recorded"].as_array().map_or(0, Vec::len);
        if n > 0 {
            assert_eq!(answer["action"], "allow", "{answer}");
        }
    }
    assert_eq!(recorded, 1);
    server.terminate();
}

#[test]
fn a_message_is_judged_once_in_a_conversation_sqlite() {
    let dir = tempfile::tempdir().unwrap();
    judged_once(&format!("sqlite:{}", dir.path().join("once.db").display()));
}

#[test]
fn a_message_is_judged_once_in_a_conversation_postgres() {
    let Some(postgres) = TempPostgres::start_or_skip() else {
        return;
    };
    judged_once(&postgres.url("postgres"));
}

/// The same id with another body is a conflict on every recording path; nothing of it is
/// recorded.
fn conflicts(database: &str) {
    let first = with(base("dup-1", "f1"), json!({"text": "hello there"}));
    let second = with(
        base("dup-1", "f1"),
        json!({"text": "mail me at alex.m@gmail.com"}),
    );
    let output = offside(
        &["record", "--database", database],
        &jsonl(&[first.clone(), first.clone(), second.clone()]),
    );
    let out: Vec<Value> = String::from_utf8_lossy(&output.stdout)
        .lines()
        .map(|line| serde_json::from_str(line).unwrap())
        .collect();
    assert_eq!(out[0]["action"], "allow");
    assert_eq!(out[1]["action"], "allow", "the same body: the first answer");
    assert!(
        out[2]["error"]
            .as_str()
            .is_some_and(|e| e.contains("different body")),
        "{}",
        out[2]
    );
    let server = Server::start(database, &[]);
    let key = server.printed_key.clone().expect("a master key");
    let (status, answer) = server.call("POST", "/v1/events", Some(&key), Some(&first));
    assert_eq!(status, 200, "{answer}");
    let (status, answer) = server.call("POST", "/v1/events", Some(&key), Some(&second));
    assert_eq!(status, 409, "{answer}");
    assert_eq!(answer["error"]["code"], "conflict");
    let (status, standing) = server.call("GET", "/v1/accounts/f1", Some(&key), None);
    assert_eq!(status, 200);
    assert_eq!(standing["violations"], json!([]), "{standing}");
    // Appeals and verdicts take the server's ids; a client's `id` is refused.
    let (status, answer) = server.call(
        "POST",
        "/v1/appeals",
        Some(&key),
        Some(&json!({"violation_id": "x", "id": "m9#contact.before_contract"})),
    );
    assert_eq!(status, 400, "{answer}");
    server.terminate();
}

#[test]
fn the_same_id_with_another_body_is_a_conflict_sqlite() {
    let dir = tempfile::tempdir().unwrap();
    conflicts(&format!("{}", dir.path().join("dup.db").display()));
}

#[test]
fn the_same_id_with_another_body_is_a_conflict_postgres() {
    let Some(postgres) = TempPostgres::start_or_skip() else {
        return;
    };
    conflicts(&postgres.url("postgres"));
}

/// Time bounds and the hash secret, on the service and the CLI.
#[test]
fn dates_and_secrets_are_checked() {
    let dir = tempfile::tempdir().unwrap();
    let database = dir.path().join("t.db");
    let database = database.to_str().unwrap();
    for at in ["0001-01-01T00:00:00Z", "2999-01-01T00:00:00Z"] {
        let mut event = with(base("t-1", "f1"), json!({"text": "hello"}));
        event["at"] = json!(at);
        let output = offside(&["check"], &jsonl(&[event]));
        let line: Value = serde_json::from_slice(&output.stdout).unwrap();
        assert!(
            line["error"].as_str().is_some_and(|e| e.contains("\"at\"")),
            "{line}"
        );
    }
    // A ledger remembers its secret's fingerprint and refuses another.
    let event = with(
        base("s-1", "f1"),
        json!({"text": "mail me at alex.m@gmail.com"}),
    );
    let output = offside(
        &["record", "--database", database],
        &jsonl(std::slice::from_ref(&event)),
    );
    assert!(output.status.success());
    let other = Command::new(env!("CARGO_BIN_EXE_offside"))
        .args(["record", "--database", database])
        .env("OFFSIDE_HASH_SECRET", "another secret of enough bytes")
        .stdin(std::process::Stdio::null())
        .output()
        .unwrap();
    assert_eq!(other.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&other.stderr).contains("not the one this ledger"),
        "{}",
        String::from_utf8_lossy(&other.stderr)
    );
    // Without a secret the service does not start, and says how to set one.
    let no_secret = Command::new(env!("CARGO_BIN_EXE_offside"))
        .args(["serve", "--listen", "127.0.0.1:0", "--database", database])
        .env_remove("OFFSIDE_HASH_SECRET")
        .stdin(std::process::Stdio::null())
        .output()
        .unwrap();
    assert_eq!(no_secret.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&no_secret.stderr).contains("OFFSIDE_HASH_SECRET"),
        "{}",
        String::from_utf8_lossy(&no_secret.stderr)
    );
}

//! End-to-end tests of the ledger commands through the real binary and a real SQLite file
//! (and a real PostgreSQL server for `purge`): `offside record` (idempotent, sender-only,
//! shadow mode, one source for the hash secret), `offside account`, `offside purge` and
//! `offside replay`.

use std::path::Path;
use std::process::{Command, Output};

use serde_json::Value;

const SECRET: &str = "a test secret of enough bytes";

fn offside(args: &[&str], secret: Option<&str>) -> Output {
    let mut command = Command::new(env!("CARGO_BIN_EXE_offside"));
    command.args(args).env_remove("OFFSIDE_DATABASE");
    match secret {
        Some(secret) => command.env("OFFSIDE_HASH_SECRET", secret),
        None => command.env_remove("OFFSIDE_HASH_SECRET"),
    };
    command.output().expect("offside runs")
}

fn json_lines(output: &Output) -> Vec<Value> {
    String::from_utf8_lossy(&output.stdout)
        .lines()
        .map(|line| serde_json::from_str(line).unwrap_or_else(|e| panic!("{line}: {e}")))
        .collect()
}

fn json(output: &Output) -> Value {
    serde_json::from_slice(&output.stdout).unwrap_or_else(|e| {
        panic!(
            "{e}: {}\n{}",
            String::from_utf8_lossy(&output.stdout),
            String::from_utf8_lossy(&output.stderr)
        )
    })
}

fn event(id: &str, sender: &str, text: &str, day: u32) -> String {
    serde_json::json!({
        "id": id,
        "text": text,
        "surface": "message",
        "at": format!("2026-05-{day:02}T10:00:00Z"),
        "sender": {"id": sender, "role": "freelancer"},
        "recipient": {"id": "client-1", "role": "client"},
        "relationship": {"state": "none"},
    })
    .to_string()
}

fn write(dir: &Path, name: &str, lines: &[String]) -> String {
    let path = dir.join(name);
    std::fs::write(&path, lines.join("\n") + "\n").expect("write input");
    path.to_str().expect("UTF-8 path").to_owned()
}

fn history() -> Vec<String> {
    vec![
        event("m1", "fl-1", "email me at alex.m@gmail.com", 1),
        event(
            "m2",
            "fl-1",
            "send the money to my paypal, not through the site",
            2,
        ),
        event("m3", "fl-2", "you can reach me at alex.m@gmail.com", 3),
        // The client refuses: never a violation, whatever the words.
        event(
            "m4",
            "client-1",
            "I can't share my email before a contract, let's keep talking here",
            4,
        ),
    ]
}

#[test]
fn record_is_idempotent_and_only_the_sender_is_at_fault() {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = dir.path().join("ledger.db");
    let db = db.to_str().expect("UTF-8 path");
    let input = write(dir.path(), "events.jsonl", &history());

    let first = offside(&["record", "--database", db, &input], Some(SECRET));
    assert!(
        first.status.success(),
        "{}",
        String::from_utf8_lossy(&first.stderr)
    );
    let lines = json_lines(&first);
    assert_eq!(lines.len(), 4);
    let recorded: Vec<u64> = lines
        .iter()
        .map(|l| l["recorded"].as_u64().unwrap())
        .collect();
    assert!(
        recorded[0] >= 1 && recorded[1] >= 1 && recorded[2] >= 1,
        "{recorded:?}"
    );
    assert_eq!(recorded[3], 0, "a refusal records nothing");
    assert_eq!(lines[3]["action"], "allow");

    // The same events again: nothing new.
    let second = offside(&["record", "--database", db, &input], Some(SECRET));
    assert!(second.status.success());
    for (line, n_first) in json_lines(&second).iter().zip(&recorded) {
        assert_eq!(line["recorded"], 0, "{line}");
        assert_eq!(line["already_recorded"].as_u64(), Some(*n_first), "{line}");
    }

    let account = |id: &str| {
        json(&offside(
            &[
                "account",
                id,
                "--database",
                db,
                "--at",
                "2026-05-05T00:00:00Z",
            ],
            None,
        ))
    };
    let sender = account("fl-1");
    assert_ne!(sender["standing"]["sanction"], "none", "{sender}");
    let n_violations = sender["standing"]["violations"].as_array().unwrap().len();
    assert_eq!(n_violations as u64, recorded[0] + recorded[1]);
    // fl-1 and fl-2 shared the same address: linked, through hashes only.
    assert_eq!(sender["linked_accounts"][0]["account"], "fl-2", "{sender}");
    // The ledger links through keyed hashes: neither the history nor the links show the
    // raw address (kept only as evidence for reviewers, and purged after the retention).
    assert!(
        !sender.to_string().contains("alex.m@gmail.com"),
        "the raw address is in the account: {sender}"
    );

    let client = account("client-1");
    assert_eq!(client["standing"]["sanction"], "none");
    assert_eq!(client["standing"]["violations"], serde_json::json!([]));
}

#[test]
fn shadow_records_do_not_move_standing() {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = dir.path().join("shadow.db");
    let db = db.to_str().expect("UTF-8 path");
    let input = write(dir.path(), "events.jsonl", &history());
    let output = offside(
        &["record", "--shadow", "--database", db, &input],
        Some(SECRET),
    );
    assert!(output.status.success());
    assert!(json_lines(&output).iter().all(|l| l["shadow"] == true));
    let sender = json(&offside(
        &[
            "account",
            "fl-1",
            "--database",
            db,
            "--at",
            "2026-05-05T00:00:00Z",
        ],
        None,
    ));
    assert_eq!(sender["standing"]["sanction"], "none", "{sender}");
    assert_eq!(sender["standing"]["points"], 0.0);
    assert!(!sender["history"].as_array().unwrap().is_empty());
}

#[test]
fn record_errors_name_what_is_wrong_and_keep_the_rest() {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = dir.path().join("errors.db");
    let db = db.to_str().expect("UTF-8 path");
    let input = write(dir.path(), "events.jsonl", &history());

    // An existing ledger with no secret given and none kept beside it: nothing runs, and
    // the message says what to set.
    std::fs::write(db, b"").unwrap();
    let output = offside(&["record", "--database", db, &input], None);
    assert!(!output.status.success());
    assert!(String::from_utf8_lossy(&output.stderr).contains("OFFSIDE_HASH_SECRET"));
    std::fs::remove_file(db).unwrap();

    // A bad line and a line without an id among good ones.
    let mut lines = history();
    lines.insert(1, "{\"id\": \"bad\", \"text\": \"hi\"}".to_owned());
    lines.insert(
        2,
        event("x", "fl-3", "mail me at zed@example.org", 1).replace("\"id\":\"x\",", ""),
    );
    let input = write(dir.path(), "mixed.jsonl", &lines);
    let output = offside(&["record", "--database", db, &input], Some(SECRET));
    assert_eq!(output.status.code(), Some(1));
    let out = json_lines(&output);
    assert_eq!(out.len(), 6);
    assert_eq!(out[1]["id"], "bad");
    assert!(
        out[1]["error"].as_str().unwrap().contains("surface"),
        "{}",
        out[1]
    );
    assert!(
        out[2]["error"].as_str().unwrap().contains("id"),
        "{}",
        out[2]
    );
    assert!(out[0]["recorded"].as_u64().unwrap() >= 1);
    assert!(out[3]["recorded"].as_u64().unwrap() >= 1);
}

#[test]
fn replay_shows_what_a_new_policy_would_change() {
    let dir = tempfile::tempdir().expect("temp dir");
    let input = write(dir.path(), "history.jsonl", &history());
    let default_policy = offside(&["policy", "show"], None);
    let stricter = String::from_utf8(default_policy.stdout)
        .unwrap()
        .replace("high = \"redact\"", "high = \"block\"");
    let policy_path = dir.path().join("stricter.toml");
    std::fs::write(&policy_path, stricter).unwrap();

    let output = offside(
        &["replay", &input, "--policy", policy_path.to_str().unwrap()],
        None,
    );
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let report = json(&output);
    assert_eq!(report["events"], 4);
    let actions = |side: &str, action: &str| report[side]["decisions_by_action"][action].as_u64();
    assert_eq!(actions("baseline", "allow"), Some(1));
    assert_eq!(actions("candidate", "allow"), Some(1));
    assert!(actions("baseline", "redact").unwrap() >= 2);
    assert_eq!(actions("candidate", "redact"), None);
    assert!(report["changed_actions"].as_u64().unwrap() >= 2);
    assert_eq!(report["changed_examples"][0]["id"], "m1");
    assert_eq!(report["changed_examples"][0]["to"], "block");
    // Both sides agree on the rules broken and on the ladder.
    assert_eq!(
        report["baseline"]["violations_by_rule"],
        report["candidate"]["violations_by_rule"]
    );
    assert!(report["baseline"]["accounts_by_sanction"]
        .as_object()
        .unwrap()
        .values()
        .any(|n| n.as_u64() > Some(0)));
}

/// One source for the contact-hash secret: a new SQLite ledger made by any command keeps its
/// secret beside it, and every later command on it (the service, `record`) uses that one.
#[test]
fn the_secret_kept_beside_an_sqlite_ledger_serves_every_command() {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = dir.path().join("shared.db");
    let db = db.to_str().expect("UTF-8 path");
    let input = write(dir.path(), "events.jsonl", &history());

    let first = offside(
        &["record", "--database", &format!("sqlite:{db}"), &input],
        None,
    );
    assert!(
        first.status.success(),
        "{}",
        String::from_utf8_lossy(&first.stderr)
    );
    let kept = std::fs::read_to_string(format!("{db}.secret")).expect("secret kept beside it");
    assert_eq!(kept.trim().len(), 64);
    // The same ledger named the other way, still without a secret: the kept one is used.
    let again = offside(&["record", "--database", db, &input], None);
    assert!(
        again.status.success(),
        "{}",
        String::from_utf8_lossy(&again.stderr)
    );
    assert!(json_lines(&again)
        .iter()
        .all(|line| line["recorded"] == 0 || line["recorded"].is_null()));
    // Another secret is refused: the ledger knows the fingerprint of the one it was made with.
    let other = offside(&["record", "--database", db, &input], Some(SECRET));
    assert_eq!(other.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&other.stderr).contains("not the one this ledger"),
        "{}",
        String::from_utf8_lossy(&other.stderr)
    );
}

/// `offside purge` deletes the evidence older than the policy's retention, and only that:
/// the violations and the standing stay, and a second run deletes nothing.
fn purge_keeps_the_record_and_drops_old_evidence(database: &str) {
    let dir = tempfile::tempdir().expect("temp dir");
    let input = write(dir.path(), "events.jsonl", &history());
    let recorded = offside(&["record", "--database", database, &input], Some(SECRET));
    assert!(
        recorded.status.success(),
        "{}",
        String::from_utf8_lossy(&recorded.stderr)
    );
    let policy = String::from_utf8(offside(&["policy", "show"], None).stdout)
        .unwrap()
        .replace(
            "evidence_retention_days = 180",
            "evidence_retention_days = 30",
        );
    let policy_path = dir.path().join("thirty-days.toml");
    std::fs::write(&policy_path, policy).unwrap();
    let policy_path = policy_path.to_str().unwrap();
    let purge = |now: &str| {
        let output = offside(
            &[
                "purge",
                "--database",
                database,
                "--policy",
                policy_path,
                "--now",
                now,
            ],
            None,
        );
        assert!(
            output.status.success(),
            "{}",
            String::from_utf8_lossy(&output.stderr)
        );
        json(&output)
    };
    // Evidence is kept for the three messages that broke a rule (days 1, 2, 3), not for
    // the refusal. Thirty days back from June 1st is May 2nd: only day 1 goes.
    let first = purge("2026-06-01T00:00:00Z");
    assert_eq!(first["evidence_deleted"], 1, "{first}");
    assert_eq!(first["retention_days"], 30);
    assert_eq!(purge("2026-06-01T00:00:00Z")["evidence_deleted"], 0);
    assert_eq!(purge("2026-06-03T12:00:00Z")["evidence_deleted"], 2);
    // The violations stay: purging evidence does not change standing.
    let account = json(&offside(
        &[
            "account",
            "fl-1",
            "--database",
            database,
            "--at",
            "2026-05-05T00:00:00Z",
        ],
        None,
    ));
    assert_eq!(
        account["standing"]["violations"].as_array().map(Vec::len),
        Some(2),
        "{account}"
    );
    // A bad time names the flag.
    let bad = offside(
        &["purge", "--database", database, "--now", "yesterday"],
        None,
    );
    assert!(!bad.status.success());
    assert!(String::from_utf8_lossy(&bad.stderr).contains("--now"));
}

#[test]
fn purge_drops_old_evidence_only_sqlite() {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = dir.path().join("purge.db");
    purge_keeps_the_record_and_drops_old_evidence(db.to_str().unwrap());
}

#[test]
fn purge_drops_old_evidence_only_postgres() {
    let Some(postgres) = offside_testkit::TempPostgres::start_or_skip() else {
        return;
    };
    purge_keeps_the_record_and_drops_old_evidence(&postgres.url("postgres"));
}

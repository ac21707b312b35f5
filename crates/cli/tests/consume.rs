//! End-to-end tests of `offside consume`: the real binary against a real `nats-server -js`
//! the test starts itself (free loopback port, temporary store), recording into a real SQLite
//! file, then into a real PostgreSQL shared by two consumers.
//!
//! The test plays the platform: it creates the events stream, publishes events with
//! async-nats, and reads what the consumers published (decisions and dead letters) from the
//! output stream. What was recorded is read back from the database with the ledger crate.
//! The consumer's decisions are compared with `offside check`'s on the same events.

mod common;

use std::collections::{BTreeMap, BTreeSet};
use std::process::{Child, Command, Stdio};
use std::sync::mpsc::Receiver;
use std::time::{Duration, Instant};

use async_nats::jetstream;
use offside_ledger::{EventBody, Ledger, StoreOptions};
use offside_testkit::{TempNats, TempPostgres};
use serde_json::json;

const DEADLINE: Duration = Duration::from_secs(90);
const EVENTS_SUBJECT: &str = "offside.events.chat";
/// Where the kill test publishes 20 events a second time.
const REPUBLISHED_AT: usize = 900;

/// A running `offside consume`.
struct Consumer {
    child: Child,
    stderr: Receiver<String>,
}

impl Consumer {
    /// Starts a consumer and waits until it says it is consuming.
    fn start(nats: &str, database: &str, extra: &[&str]) -> Consumer {
        let mut child = Command::new(env!("CARGO_BIN_EXE_offside"))
            .args(["consume", "--nats", nats, "--database", database])
            .args(["--hash-secret", "consume-test-secret-0123456789"])
            .args(extra)
            .env_remove("OFFSIDE_DATABASE")
            .env_remove("OFFSIDE_NATS_URL")
            .env("RUST_LOG", "warn")
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .expect("starting offside consume");
        let receiver = common::stderr_lines(&mut child);
        let deadline = Instant::now() + DEADLINE;
        loop {
            let left = deadline.saturating_duration_since(Instant::now());
            match receiver.recv_timeout(left) {
                Ok(line) if line.starts_with("offside: consuming stream") => break,
                Ok(_) => {}
                Err(_) => {
                    let status = child.try_wait().ok().flatten();
                    panic!("offside consume did not start (exit: {status:?})");
                }
            }
        }
        Consumer {
            child,
            stderr: receiver,
        }
    }

    fn kill_9(mut self) {
        self.child.kill().expect("kill -9");
        let _ = self.child.wait();
    }

    /// SIGTERM; returns the counts of its closing line: (recorded, duplicates, dead-lettered).
    fn stop(mut self) -> (u64, u64, u64) {
        let status = Command::new("kill")
            .args(["-TERM", &self.child.id().to_string()])
            .status()
            .expect("running kill");
        assert!(status.success());
        let deadline = Instant::now() + DEADLINE;
        let mut lines = Vec::new();
        loop {
            let left = deadline.saturating_duration_since(Instant::now());
            let Ok(line) = self.stderr.recv_timeout(left) else {
                panic!("no closing line after SIGTERM; stderr: {lines:#?}");
            };
            if let Some(counts) = line.strip_prefix("offside: consumer stopped: ") {
                let numbers: Vec<u64> = counts
                    .split(", ")
                    .map(|part| part.split(' ').next().unwrap().parse().unwrap())
                    .collect();
                let status = self.child.wait().expect("waiting for the consumer");
                assert!(status.success(), "{status:?}; stderr: {lines:#?}");
                return (numbers[0], numbers[1], numbers[2]);
            }
            lines.push(line);
        }
    }
}

impl Drop for Consumer {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn runtime() -> tokio::runtime::Runtime {
    tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("a tokio runtime")
}

async fn jetstream(url: &str) -> jetstream::Context {
    jetstream::new(async_nats::connect(url).await.expect("connecting to NATS"))
}

/// The platform's side: the events stream, created before any consumer runs.
async fn create_events_stream(js: &jetstream::Context) {
    js.get_or_create_stream(jetstream::stream::Config {
        name: "OFFSIDE_EVENTS".into(),
        subjects: vec!["offside.events.>".into()],
        ..Default::default()
    })
    .await
    .expect("creating the events stream");
}

async fn publish(js: &jetstream::Context, payloads: &[Vec<u8>]) {
    for payload in payloads {
        js.publish(EVENTS_SUBJECT, payload.clone().into())
            .await
            .expect("publish")
            .await
            .expect("publish ack");
    }
}

/// Messages in the output stream so far (0 before a consumer creates it).
async fn output_len(js: &jetstream::Context) -> u64 {
    match js.get_stream("OFFSIDE_OUTPUT").await {
        Ok(mut stream) => stream.info().await.map_or(0, |info| info.state.messages),
        Err(_) => 0,
    }
}

async fn wait_for_output(js: &jetstream::Context, at_least: u64) {
    let deadline = Instant::now() + DEADLINE;
    loop {
        let n = output_len(js).await;
        if n >= at_least {
            return;
        }
        assert!(
            Instant::now() < deadline,
            "only {n} of {at_least} outputs in time"
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

/// What the consumers published, read back from the output stream.
#[derive(Default)]
struct Output {
    /// Decision answers by event id, with how many times each was published.
    decisions: BTreeMap<String, (serde_json::Value, usize)>,
    /// Dead letters: (error code, reason, payload).
    dead_letters: Vec<(String, String, Vec<u8>)>,
}

async fn read_output(js: &jetstream::Context) -> Output {
    let mut stream = js
        .get_stream("OFFSIDE_OUTPUT")
        .await
        .expect("output stream");
    let last = stream
        .info()
        .await
        .expect("stream info")
        .state
        .last_sequence;
    let mut output = Output::default();
    for sequence in 1..=last {
        let message = stream
            .get_raw_message(sequence)
            .await
            .expect("a stored message");
        let header = |name: &str| {
            message
                .headers
                .get(name)
                .map(|value| value.as_str().to_string())
                .unwrap_or_default()
        };
        match message.subject.as_str() {
            "offside.decisions" => {
                let answer: serde_json::Value =
                    serde_json::from_slice(&message.payload).expect("a JSON decision");
                let id = answer["id"].as_str().expect("an id").to_string();
                assert_eq!(header("Nats-Msg-Id"), id);
                output.decisions.entry(id).or_insert((answer, 0)).1 += 1;
            }
            "offside.dead-letter" => output.dead_letters.push((
                header("Offside-Error-Code"),
                header("Offside-Error"),
                message.payload.to_vec(),
            )),
            other => panic!("unexpected subject {other}"),
        }
    }
    output
}

/// Event `i`: every third one carries an email address (a violation before a contract).
fn event(i: usize) -> serde_json::Value {
    let text = if i.is_multiple_of(3) {
        format!("write to me at worker{i}@gmail.com and we can talk there")
    } else {
        format!("Draft {i} is attached, tell me what you think")
    };
    json!({
        "id": format!("ev-{i}"), "text": text, "surface": "message",
        "at": "2026-11-01T12:00:00Z",
        "sender": {"id": format!("freelancer-{}", i % 7), "role": "freelancer"},
        "recipient": {"id": "client-1", "role": "client"},
        "relationship": {"state": "none"}
    })
}

/// `n` events, two of them malformed (not JSON at index 10; no `id` at index `n / 2`).
fn payloads(n: usize) -> (Vec<Vec<u8>>, BTreeSet<String>) {
    let mut valid = BTreeSet::new();
    let payloads = (0..n)
        .map(|i| {
            if i == 10 {
                return b"{\"id\": \"ev-10\", \"text\": ".to_vec();
            }
            let mut value = event(i);
            if i == n / 2 {
                value.as_object_mut().unwrap().remove("id");
            } else {
                valid.insert(format!("ev-{i}"));
            }
            serde_json::to_vec(&value).unwrap()
        })
        .collect();
    (payloads, valid)
}

/// Checks what the consumers published and what the ledger holds, for events `0..n`.
async fn check_outcome(js: &jetstream::Context, database: &str, n: usize) {
    let (sent, valid) = payloads(n);
    let output = read_output(js).await;
    let ids: BTreeSet<String> = output.decisions.keys().cloned().collect();
    assert_eq!(ids, valid, "every valid event has exactly one decision id");
    for (id, (answer, copies)) in &output.decisions {
        assert_eq!(*copies, 1, "{id} published {copies} times");
        let i: usize = id["ev-".len()..].parse().unwrap();
        let violating = i.is_multiple_of(3);
        assert_eq!(
            answer["violations"].as_array().map_or(0, Vec::len),
            usize::from(violating),
            "{answer}"
        );
    }
    let mut dead = output.dead_letters.clone();
    dead.sort();
    assert_eq!(dead.len(), 2, "{dead:?}");
    let codes: Vec<&str> = dead.iter().map(|(code, _, _)| code.as_str()).collect();
    assert_eq!(codes, ["invalid_json", "invalid_request"]);
    assert!(dead[1].1.contains("\"id\" is required"), "{:?}", dead[1].1);
    assert!(dead.iter().all(|(_, reason, _)| !reason.is_empty()));
    assert_eq!(
        dead[0].2, sent[10],
        "a dead letter carries the event unchanged"
    );

    let ledger = Ledger::open(database, StoreOptions::default())
        .await
        .expect("opening the ledger");
    let mut violations: BTreeMap<String, usize> = BTreeMap::new();
    for event in ledger.all_events().await.expect("ledger events") {
        if let EventBody::ViolationRecorded(violation) = event.body {
            *violations.entry(violation.source_message_id).or_default() += 1;
        }
    }
    let expected: BTreeMap<String, usize> = valid
        .iter()
        .filter(|id| {
            id["ev-".len()..]
                .parse::<usize>()
                .unwrap()
                .is_multiple_of(3)
        })
        .map(|id| (id.clone(), 1))
        .collect();
    assert_eq!(violations, expected, "one violation per violating event");
    for id in &valid {
        assert!(
            ledger.decision(id).await.expect("a read").is_some(),
            "{id} has no stored decision"
        );
    }
    ledger.close().await;
}

/// A consumer killed with SIGKILL in the middle of a batch; a second one takes over the same
/// durable consumer. Nothing is lost, nothing is counted twice, and the malformed events
/// end in the dead-letter subject with their reasons.
#[test]
fn kill_9_mid_batch_loses_nothing_and_counts_nothing_twice() {
    let Some(nats) = TempNats::start_or_skip() else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let database = format!("sqlite:{}", dir.path().join("offside.db").display());
    let n = 1500;
    let runtime = runtime();
    let js = runtime.block_on(jetstream(&nats.url()));
    runtime.block_on(create_events_stream(&js));
    let (mut sent, _) = payloads(n);
    // A producer that retried: 20 events published a second time, in the middle of the
    // stream. Their second delivery must publish the first answer and count nothing.
    let again: Vec<Vec<u8>> = sent[20..40].to_vec();
    sent.splice(REPUBLISHED_AT..REPUBLISHED_AT, again);
    runtime.block_on(publish(&js, &sent));

    // A short ack wait, so the killed consumer's unacknowledged batch comes back quickly.
    let options = ["--ack-wait", "2", "--batch", "64"];
    let first = Consumer::start(&nats.url(), &database, &options);
    runtime.block_on(wait_for_output(&js, 100));
    first.kill_9();
    let done_by_first = runtime.block_on(output_len(&js));
    assert!(
        done_by_first < REPUBLISHED_AT as u64,
        "the first consumer got too far ({done_by_first}) before it was killed"
    );

    let second = Consumer::start(&nats.url(), &database, &options);
    runtime.block_on(wait_for_output(&js, n as u64));
    let (recorded, duplicates, dead_lettered) = second.stop();
    eprintln!(
        "first consumer: {done_by_first} outputs before SIGKILL; second: {recorded} recorded, \
         {duplicates} duplicates, {dead_lettered} dead-lettered"
    );
    assert!(recorded > 0 && recorded < n as u64, "{recorded}");
    // The republished events, plus what the first consumer recorded but never acknowledged.
    assert!(duplicates >= 20, "{duplicates}");
    assert!(recorded + duplicates + dead_lettered >= n as u64 + 20 - done_by_first);
    runtime.block_on(check_outcome(&js, &database, n));
    drop(nats);
}

/// Two consumers with the same durable name share one stream (a consumer group) and one
/// PostgreSQL ledger; together they record every event exactly once.
#[test]
fn two_consumers_share_the_stream_over_postgres() {
    let Some(nats) = TempNats::start_or_skip() else {
        return;
    };
    let Some(postgres) = TempPostgres::start_or_skip() else {
        return;
    };
    let database = postgres.url("postgres");
    let n = 300;
    let runtime = runtime();
    let js = runtime.block_on(jetstream(&nats.url()));
    runtime.block_on(create_events_stream(&js));
    let options = ["--batch", "8"];
    let one = Consumer::start(&nats.url(), &database, &options);
    let two = Consumer::start(&nats.url(), &database, &options);
    let (sent, _) = payloads(n);
    runtime.block_on(publish(&js, &sent));
    runtime.block_on(wait_for_output(&js, n as u64));
    let (recorded_one, duplicates_one, dead_one) = one.stop();
    let (recorded_two, duplicates_two, dead_two) = two.stop();
    assert!(
        recorded_one > 0 && recorded_two > 0,
        "both consumers took a share: {recorded_one} and {recorded_two}"
    );
    assert_eq!(recorded_one + recorded_two, n as u64 - 2);
    assert_eq!(duplicates_one + duplicates_two, 0);
    assert_eq!(dead_one + dead_two, 2);
    runtime.block_on(check_outcome(&js, &database, n));
}

/// The same event id with another body is a conflict: dead-lettered with code `conflict`,
/// and nothing of it is recorded; the first answer stands.
#[test]
fn a_reused_id_with_another_body_is_dead_lettered() {
    let Some(nats) = TempNats::start_or_skip() else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let database = format!("sqlite:{}", dir.path().join("conflict.db").display());
    let runtime = runtime();
    let js = runtime.block_on(jetstream(&nats.url()));
    runtime.block_on(create_events_stream(&js));
    let consumer = Consumer::start(&nats.url(), &database, &[]);
    let first = event(1);
    let mut second = first.clone();
    second["text"] = json!("write to me at other@gmail.com");
    let payloads = [first.clone(), first, second]
        .iter()
        .map(|value| serde_json::to_vec(value).unwrap())
        .collect::<Vec<_>>();
    runtime.block_on(publish(&js, &payloads));
    // The duplicate's answer is published with the same Nats-Msg-Id, which JetStream drops:
    // one decision and one dead letter.
    runtime.block_on(wait_for_output(&js, 2));
    let (recorded, duplicates, dead_lettered) = consumer.stop();
    assert_eq!((recorded, duplicates, dead_lettered), (1, 1, 1));
    let output = runtime.block_on(read_output(&js));
    assert_eq!(output.dead_letters.len(), 1);
    assert_eq!(
        output.dead_letters[0].0, "conflict",
        "{:?}",
        output.dead_letters[0].1
    );
    assert_eq!(output.decisions["ev-1"].0["action"], "allow");
}

/// The decision's parts every path must agree on.
fn essence(decision: &serde_json::Value) -> serde_json::Value {
    let ids = |list: &serde_json::Value| -> Vec<serde_json::Value> {
        list.as_array()
            .map(|items| items.iter().map(|item| item["id"].clone()).collect())
            .unwrap_or_default()
    };
    json!({
        "action": decision["action"],
        "violations": ids(&decision["violations"]),
        "exceptions": ids(&decision["exceptions"]),
        "notice": decision["notice"],
        "redacted_text": decision.get("redacted_text").cloned().unwrap_or(serde_json::Value::Null),
    })
}

/// The consumer decides as `offside check` does: the same events, published to the stream,
/// get the same actions, rules, exceptions, notices and masked texts (the other paths are
/// compared in `paths.rs`).
#[test]
fn the_consumer_decides_as_check_does() {
    let base = |id: &str, text: &str| {
        json!({
            "id": id, "text": text, "surface": "message", "at": "2026-11-01T12:00:00Z",
            "sender": {"id": "f-same", "role": "freelancer"},
            "recipient": {"id": "c-same", "role": "client"},
            "relationship": {"state": "none"}
        })
    };
    let mut events = vec![
        base("same-email", "mail me at alex.m@gmail.com"),
        base("same-pay", "pay me on paypal instead, it skips the fee"),
        base("same-clean", "Draft 2 is attached, tell me what you think"),
        base("same-teams", "let's do a call on microsoft teams tomorrow"),
    ];
    let mut region = base("same-region", "ring me on 07911 123456");
    region["region"] = json!("GB");
    events.push(region);
    let mut nda = base(
        "same-nda",
        "MUTUAL NON-DISCLOSURE AGREEMENT\n\nThe Receiving Party shall not disclose any \
         Confidential Information to third parties. This Agreement is governed by the laws of \
         the State of New York.\n\nReceiving Party: Maya Lopez, maya.lopez@gmail.com",
    );
    nda["surface"] = json!("attachment");
    events.push(nda);

    let input: String = events.iter().map(|e| format!("{e}\n")).collect();
    let mut child = Command::new(env!("CARGO_BIN_EXE_offside"))
        .arg("check")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .expect("offside check runs");
    std::io::Write::write_all(&mut child.stdin.take().unwrap(), input.as_bytes()).unwrap();
    let checked = child.wait_with_output().unwrap();
    assert!(checked.status.success());
    let checked: BTreeMap<String, serde_json::Value> = String::from_utf8_lossy(&checked.stdout)
        .lines()
        .map(|line| {
            let answer: serde_json::Value = serde_json::from_str(line).unwrap();
            (answer["id"].as_str().unwrap().to_owned(), essence(&answer))
        })
        .collect();
    assert_eq!(checked.len(), events.len());

    let Some(nats) = TempNats::start_or_skip() else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let database = dir.path().join("same.db");
    let database = database.to_str().unwrap();
    let rt = runtime();
    let js = rt.block_on(jetstream(&nats.url()));
    rt.block_on(create_events_stream(&js));
    let consumer = Consumer::start(&nats.url(), database, &[]);
    let payloads: Vec<Vec<u8>> = events
        .iter()
        .map(|e| serde_json::to_vec(e).unwrap())
        .collect();
    rt.block_on(publish(&js, &payloads));
    rt.block_on(wait_for_output(&js, events.len() as u64));
    let output = rt.block_on(read_output(&js));
    consumer.stop();
    for (id, expected) in &checked {
        let (answer, _) = output
            .decisions
            .get(id)
            .expect("a decision for every event");
        assert_eq!(&essence(answer), expected, "{id}: {answer}");
    }
}

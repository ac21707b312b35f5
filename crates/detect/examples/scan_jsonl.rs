//! Scans JSONL messages with the engine alone and prints one line of findings per input line,
//! in the format of `offside scan` (without the CLI's other options).
//!
//! It lets detector work be scored without building the whole workspace (OCR, HTTP, SQL):
//!
//! ```sh
//! cargo run -q --example scan_jsonl -p offside-detect < testdata/corpus/dev.jsonl > /tmp/f.jsonl
//! python3 testdata/score.py testdata/corpus/dev.jsonl /tmp/f.jsonl
//! ```
//!
//! Each input line is `{"id": …, "text": "…"}` or `{"id": …, "conversation": [{"text": "…"}…]}`,
//! with an optional `region`. A line that is not such an object is reported on standard error
//! with its line number, and the scan goes on.

use std::io::{self, BufRead, Write};

use offside_detect::{Engine, EngineOptions, Finding, Region};
use serde_json::{json, Value};

fn finding_json(finding: &Finding, in_conversation: bool) -> Value {
    let mut object = json!({
        "kind": finding.kind.as_str(),
        "value": finding.value,
        "start": finding.start,
        "end": finding.end,
        "confidence": finding.confidence,
        "rule": finding.rule,
    });
    if let Some(role) = finding.role {
        object["role"] = json!(role.as_str());
    }
    if in_conversation {
        if let Some(message) = finding.message {
            object["message"] = json!(message);
        }
        if finding.messages.len() > 1 {
            object["messages"] = json!(finding.messages);
            let parts: Vec<Value> = finding
                .parts
                .iter()
                .map(|p| json!({"message": p.message, "start": p.start, "end": p.end}))
                .collect();
            object["parts"] = json!(parts);
        }
    }
    object
}

fn main() {
    let engine = Engine::new(EngineOptions::default());
    let stdin = io::stdin();
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    for (number, line) in stdin.lock().lines().enumerate() {
        let line = match line {
            Ok(line) => line,
            Err(error) => {
                eprintln!("line {}: cannot read: {error}", number + 1);
                break;
            }
        };
        if line.trim().is_empty() {
            continue;
        }
        let input: Value = match serde_json::from_str(&line) {
            Ok(value) => value,
            Err(error) => {
                eprintln!("line {}: not JSON: {error}", number + 1);
                continue;
            }
        };
        let region = match input.get("region").and_then(Value::as_str) {
            Some(code) => match Region::parse(code) {
                Ok(region) => Some(region),
                Err(error) => {
                    eprintln!("line {}: {error}", number + 1);
                    None
                }
            },
            None => None,
        };
        let (findings, in_conversation) =
            if let Some(text) = input.get("text").and_then(Value::as_str) {
                (engine.scan(text, region), false)
            } else if let Some(messages) = input.get("conversation").and_then(Value::as_array) {
                let texts: Vec<&str> = messages
                    .iter()
                    .filter_map(|m| m.get("text").and_then(Value::as_str))
                    .collect();
                (engine.scan_conversation(&texts, region), true)
            } else {
                eprintln!("line {}: neither \"text\" nor \"conversation\"", number + 1);
                continue;
            };
        let findings: Vec<Value> = findings
            .iter()
            .map(|f| finding_json(f, in_conversation))
            .collect();
        let id = input.get("id").cloned().unwrap_or(Value::Null);
        let _ = writeln!(out, "{}", json!({"id": id, "findings": findings}));
    }
}

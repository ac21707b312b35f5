//! End-to-end tests of the `offside` binary: input and output formats, error lines, exit
//! statuses and help. Assertions about detection are limited to what any working detector
//! must find (a plain e-mail address).

use std::path::PathBuf;

use serde_json::Value;

const PLAIN_EMAIL_TEXT: &str = "mail me at alex@example.com";

mod common;

use common::{json_lines, offside, stderr, stdout_lines};

/// A file in the test scratch directory.
fn scratch_file(name: &str, contents: &[u8]) -> PathBuf {
    let path = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(name);
    std::fs::write(&path, contents).expect("scratch file written");
    path
}

fn has_finding(findings: &Value, kind: &str, value: &str) -> bool {
    findings
        .as_array()
        .expect("findings is an array")
        .iter()
        .any(|f| f["kind"] == kind && f["value"] == value)
}

#[test]
fn scan_echoes_every_id_verbatim_in_input_order() {
    let ids = [
        r#""a""#,
        "7",
        r#"{"k": [1, 2.50]}"#,
        "123456789012345678901234567890",
        "-1.5e3",
        r#""\u00e9""#,
    ];
    let input: String = ids
        .iter()
        .map(|id| format!("{{\"id\": {id}, \"text\": \"hello\", \"other\": [1, {{}}]}}\n"))
        .collect();
    let output = offside(&["scan"], input.as_bytes());
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let lines = stdout_lines(&output);
    assert_eq!(lines.len(), ids.len());
    for (line, id) in lines.iter().zip(ids) {
        assert!(
            line.starts_with(&format!("{{\"id\":{id},\"findings\":[")),
            "{line}"
        );
    }
}

#[test]
fn scan_reports_a_plain_email_with_its_span() {
    let input = format!("{{\"id\": 1, \"text\": \"{PLAIN_EMAIL_TEXT}\"}}\n");
    let output = offside(&["scan"], input.as_bytes());
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let lines = json_lines(&output);
    let email = lines[0]["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["kind"] == "email")
        .unwrap_or_else(|| panic!("no email finding in {}", lines[0]));
    assert_eq!(email["value"], "alex@example.com");
    assert_eq!(email["start"], 11);
    assert_eq!(email["end"], 27);
    assert!(email["rule"].as_str().is_some_and(|rule| !rule.is_empty()));
    let confidence = email["confidence"].as_f64().unwrap();
    assert!(confidence > 0.0 && confidence <= 1.0, "{confidence}");
    assert!(
        email.get("message").is_none(),
        "message only for conversations"
    );
}

#[test]
fn malformed_lines_become_error_lines_and_the_rest_is_scanned() {
    let mut input = Vec::new();
    input.extend_from_slice(b"{\"id\": 1, \"text\": \"first\"}\n");
    input.extend_from_slice(b"{\"id\": 2, \"text\": \n");
    input.extend_from_slice(b"{\"id\": 3}\n");
    input.extend_from_slice(b"{\"id\": 4, \"text\": \"\xff\xfe\"}\n");
    input.extend_from_slice(b"[\"not\", \"an object\"]\n");
    input.extend_from_slice(b"{\"id\": 6, \"text\": 6}\n");
    input.extend_from_slice(format!("{{\"id\": 7, \"text\": \"{PLAIN_EMAIL_TEXT}\"}}").as_bytes());
    let output = offside(&["scan"], &input);
    assert_eq!(
        output.status.code(),
        Some(1),
        "malformed input must fail the run"
    );
    assert!(
        stderr(&output).contains("5 of 7 lines"),
        "{}",
        stderr(&output)
    );
    let lines = json_lines(&output);
    assert_eq!(lines.len(), 7);
    assert_eq!(lines[0]["id"], 1);
    let expected_errors = [
        (1, "invalid JSON at column"),
        (2, "missing \"text\""),
        (3, "invalid UTF-8"),
        (4, "expected a JSON object"),
        (5, "expected a string for \"text\""),
    ];
    for (line_idx, message) in expected_errors {
        let line = &lines[line_idx];
        assert_eq!(line["id"], Value::Null, "{line}");
        assert_eq!(line["line"], line_idx + 1, "{line}");
        let error = line["error"].as_str().unwrap_or_default();
        assert!(error.contains(message), "line {}: {error}", line_idx + 1);
    }
    assert_eq!(lines[6]["id"], 7);
    assert!(
        has_finding(&lines[6]["findings"], "email", "alex@example.com"),
        "{}",
        lines[6]
    );
}

#[test]
fn blank_lines_are_skipped_but_still_counted() {
    let input = b"\n{\"id\": 1, \"text\": \"a\"}\r\n\n   \n{bad\n";
    let output = offside(&["scan"], input);
    let lines = json_lines(&output);
    assert_eq!(lines.len(), 2, "{lines:?}");
    assert_eq!(lines[0]["id"], 1);
    assert_eq!(lines[1]["line"], 5);
    assert_eq!(output.status.code(), Some(1));
}

#[test]
fn an_invalid_region_flag_is_a_usage_error_naming_it() {
    let output = offside(
        &["scan", "--region", "USA"],
        b"{\"id\": 1, \"text\": \"a\"}\n",
    );
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).contains("\"USA\""), "{}", stderr(&output));
    assert!(output.stdout.is_empty());
}

#[test]
fn an_invalid_region_on_a_line_is_an_error_line_naming_it() {
    let input = b"{\"id\": 1, \"text\": \"a\", \"region\": \"Q1\"}\n{\"id\": 2, \"text\": \"b\", \"region\": \"gb\"}\n{\"id\": 3, \"text\": \"c\", \"region\": null}\n";
    let output = offside(&["scan"], input);
    assert_eq!(output.status.code(), Some(1));
    let lines = json_lines(&output);
    assert_eq!(lines.len(), 3);
    assert!(
        lines[0]["error"].as_str().unwrap().contains("\"Q1\""),
        "{}",
        lines[0]
    );
    assert_eq!(lines[1]["id"], 2);
    assert_eq!(lines[2]["id"], 3);
}

#[test]
fn conversation_findings_say_which_message_they_start_in() {
    let input = format!(
        "{{\"id\": \"c1\", \"conversation\": [{{\"from\": \"A\", \"text\": \"hi, is it still for sale?\"}}, {{\"from\": \"B\", \"text\": \"{PLAIN_EMAIL_TEXT}\"}}]}}\n"
    );
    let output = offside(&["scan"], input.as_bytes());
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let lines = json_lines(&output);
    let email = lines[0]["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["kind"] == "email")
        .unwrap_or_else(|| panic!("no email finding in {}", lines[0]));
    assert_eq!(email["message"], 1);
    assert_eq!(email["start"], 11);
}

#[test]
fn scan_text_prints_a_report_with_the_evidence_marked() {
    let output = offside(&["scan", "--text"], PLAIN_EMAIL_TEXT.as_bytes());
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let report = String::from_utf8(output.stdout.clone()).unwrap();
    assert!(report.starts_with("standard input: "), "{report}");
    assert!(
        report.contains("mail me at [[alex@example.com]]#"),
        "{report}"
    );
    assert!(report.contains("email"), "{report}");
    assert!(
        !report.contains('\x1b'),
        "no colour when stdout is not a terminal"
    );

    let coloured = offside(
        &["scan", "--text", "--color", "always"],
        PLAIN_EMAIL_TEXT.as_bytes(),
    );
    let report = String::from_utf8(coloured.stdout).unwrap();
    assert!(report.contains('\x1b'), "{report}");
    assert!(!report.contains("[["), "{report}");
}

#[test]
fn a_long_text_reads_the_same_on_several_threads() {
    // About 200 KB: several segments, each with its contact details.
    let mut text = String::new();
    for i in 0..4000 {
        text.push_str(&format!(
            "Lot {i}: 24 pieces at $3.50 each. Write to seller{i}@example.com or call (415) 839-{:04}.\n",
            2716 + i % 5000
        ));
    }
    let one = offside(&["scan", "--text"], text.as_bytes());
    let four = offside(&["scan", "--text", "-j", "4"], text.as_bytes());
    assert_eq!(one.status.code(), Some(0), "{}", stderr(&one));
    assert_eq!(four.status.code(), Some(0), "{}", stderr(&four));
    let report = String::from_utf8(one.stdout.clone()).unwrap();
    assert_eq!(
        report.matches("[[seller").count(),
        4000,
        "every address once"
    );
    assert_eq!(one.stdout, four.stdout);

    let redacted = offside(&["redact", "--text", "-j", "3"], text.as_bytes());
    let redacted = String::from_utf8(redacted.stdout).unwrap();
    assert_eq!(redacted.matches("[email hidden]").count(), 4000);
    assert!(!redacted.contains("@example.com"));
}

#[test]
fn redact_masks_jsonl_lines_conversations_and_plain_text() {
    let input = format!(
        "{{\"id\": \"r1\", \"text\": \"{PLAIN_EMAIL_TEXT}\"}}\n{{\"id\": \"r2\", \"conversation\": [{{\"from\": \"A\", \"text\": \"hello\"}}, {{\"text\": \"{PLAIN_EMAIL_TEXT}\"}}]}}\n"
    );
    let output = offside(&["redact"], input.as_bytes());
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let lines = stdout_lines(&output);
    assert_eq!(
        lines[0],
        r#"{"id":"r1","text":"mail me at [email hidden]"}"#
    );
    assert_eq!(
        lines[1],
        r#"{"id":"r2","conversation":[{"from":"A","text":"hello"},{"text":"mail me at [email hidden]"}]}"#
    );

    let text = offside(
        &["redact", "--text"],
        format!("{PLAIN_EMAIL_TEXT}\n").as_bytes(),
    );
    assert_eq!(text.status.code(), Some(0));
    assert_eq!(
        String::from_utf8(text.stdout).unwrap(),
        "mail me at [email hidden]\n"
    );
}

#[test]
fn eval_prints_score_py_figures_and_fails_below_a_threshold() {
    let corpus = scratch_file(
        "eval-corpus.jsonl",
        concat!(
            "{\"id\": \"p1\", \"text\": \"the weather is nice today\", \"tag\": \"unfindable\", \"labels\": [{\"kind\": \"email\", \"value\": \"nobody@nowhere.example\"}]}\n",
            "{\"id\": \"b1\", \"text\": \"thanks, see you tomorrow\", \"labels\": []}\n",
        )
        .as_bytes(),
    );
    let corpus = corpus.to_str().unwrap();

    let failing = offside(&["eval", corpus, "--min-recall", "0.5"], b"");
    assert_eq!(failing.status.code(), Some(1));
    assert!(
        stderr(&failing).contains("label recall"),
        "{}",
        stderr(&failing)
    );
    assert!(
        stderr(&failing).contains("--min-recall 0.5"),
        "{}",
        stderr(&failing)
    );
    let report = String::from_utf8(failing.stdout).unwrap();
    assert!(
        report.starts_with("MISS \"p1\" [unfindable] want email \"nobody@nowhere.example\""),
        "{report}"
    );
    assert!(report.contains("\n \"label_recall\": 0.0,\n"), "{report}");
    assert!(
        report.contains("\"per_kind_recall\": {\n  \"email\": 0.0\n },"),
        "{report}"
    );

    let json = offside(&["eval", corpus, "--json", "--max-fp", "1"], b"");
    assert_eq!(json.status.code(), Some(0), "{}", stderr(&json));
    let figures: Value = serde_json::from_slice(&json.stdout).unwrap();
    assert_eq!(figures["cases"], 2);
    assert_eq!(figures["positives"], 1);
    assert_eq!(figures["benign"], 1);
    assert_eq!(figures["label_recall"], 0.0);
    assert_eq!(figures["missing_ids"], 0);
}

#[test]
fn eval_rejects_a_corpus_line_without_labels() {
    let corpus = scratch_file("eval-no-labels.jsonl", b"{\"id\": 1, \"text\": \"hi\"}\n");
    let output = offside(&["eval", corpus.to_str().unwrap()], b"");
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).contains("line 1"), "{}", stderr(&output));
    assert!(stderr(&output).contains("labels"), "{}", stderr(&output));
}

#[test]
fn threads_keep_the_input_order() {
    let input: String = (0..6000)
        .map(|i| match i % 500 {
            0 => "{broken\n".to_owned(),
            7 => format!("{{\"id\": {i}, \"text\": \"{PLAIN_EMAIL_TEXT}\"}}\n"),
            _ => format!(
                "{{\"id\": {i}, \"text\": \"order {i} ships on 2024-05-0{}\"}}\n",
                i % 9 + 1
            ),
        })
        .collect();
    let single = offside(&["scan"], input.as_bytes());
    let parallel = offside(&["scan", "--threads", "3"], input.as_bytes());
    assert_eq!(single.status.code(), Some(1));
    assert_eq!(parallel.status.code(), Some(1));
    assert_eq!(stdout_lines(&single).len(), 6000);
    assert!(single.stdout == parallel.stdout, "parallel output differs");
}

#[test]
fn error_lines_name_the_file_when_reading_files() {
    let good = scratch_file("good.jsonl", b"{\"id\": \"g\", \"text\": \"a\"}\n");
    let bad = scratch_file("bad.jsonl", b"{\"id\": \"h\", \"text\": \"a\"}\nnot json\n");
    let output = offside(
        &["scan", good.to_str().unwrap(), bad.to_str().unwrap()],
        b"",
    );
    assert_eq!(output.status.code(), Some(1));
    let lines = json_lines(&output);
    assert_eq!(lines.len(), 3);
    assert_eq!(lines[0]["id"], "g");
    assert_eq!(lines[1]["id"], "h");
    assert_eq!(lines[2]["line"], 2);
    assert_eq!(lines[2]["file"], bad.to_str().unwrap());
}

#[test]
fn a_missing_file_is_reported() {
    let output = offside(&["scan", "/nonexistent/offside-input.jsonl"], b"");
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).contains("cannot open /nonexistent/offside-input.jsonl"));
}

#[test]
fn bench_reports_rates_and_peak_memory() {
    let output = offside(
        &[
            "bench",
            "--messages",
            "300",
            "--doc-mb",
            "0.01",
            "--repeat",
            "1",
            "--threads",
            "2",
        ],
        b"",
    );
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let report = String::from_utf8(output.stdout).unwrap();
    assert!(report.contains("short messages, 1 thread:"), "{report}");
    assert!(report.contains("short messages, 2 threads:"), "{report}");
    assert!(report.contains("messages/s"), "{report}");
    assert!(report.contains("long document, 1 thread:"), "{report}");
    assert!(report.contains("peak RSS:"), "{report}");
}

#[test]
fn every_command_has_help() {
    for command in [&[][..], &["scan"], &["eval"], &["redact"], &["bench"]] {
        let mut args = command.to_vec();
        args.push("--help");
        let output = offside(&args, b"");
        assert_eq!(output.status.code(), Some(0), "{args:?}");
        let help = String::from_utf8(output.stdout).unwrap();
        assert!(help.contains("Usage: offside"), "{args:?}: {help}");
    }
    let output = offside(&["scan", "--help"], b"");
    assert!(String::from_utf8(output.stdout)
        .unwrap()
        .contains("\"conversation\""));
}

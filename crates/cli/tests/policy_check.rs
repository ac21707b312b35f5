//! The policy's acceptance test: the table in `testdata/policy/cases.jsonl` run through the
//! real `offside check` binary, plus its error lines, `--policy` and `offside policy`.
//!
//! Each case of the table is `{"name", "event", "expect": {"action", "violations":
//! [violation ids], "exceptions": [exception ids], "notice"?}}`; `notice`, when given, is
//! the key phrase the notice must contain (an empty one: the notice must be empty). The
//! `forum/` cases are the situations marketplace users ask about in policy forum threads
//! (NDAs, meetings, portfolios, the two-year rule, refusals, public surfaces). The table
//! covers every rule and exception of POLICY.md with cases where it applies and cases where it does not; a test
//! below fails if an id loses its last case.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use serde_json::Value;

mod common;

use common::{json_lines, offside, stderr};

fn testdata(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../testdata/policy")
        .join(name)
}

fn scratch_file(name: &str, contents: &str) -> PathBuf {
    let path = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(name);
    std::fs::write(&path, contents).expect("scratch file written");
    path
}

struct Case {
    name: String,
    event: Value,
    action: String,
    violations: BTreeSet<String>,
    exceptions: BTreeSet<String>,
    notice: Option<String>,
}

fn ids(value: &Value) -> BTreeSet<String> {
    value
        .as_array()
        .expect("a list of ids")
        .iter()
        .map(|id| id.as_str().expect("an id").to_owned())
        .collect()
}

fn load_cases() -> Vec<Case> {
    let text = std::fs::read_to_string(testdata("cases.jsonl")).expect("the table is readable");
    text.lines()
        .filter(|line| !line.trim().is_empty())
        .map(|line| {
            let case: Value = serde_json::from_str(line).expect("a case is JSON");
            let expect = &case["expect"];
            Case {
                name: case["name"].as_str().expect("a name").to_owned(),
                event: case["event"].clone(),
                action: expect["action"].as_str().expect("an action").to_owned(),
                violations: ids(&expect["violations"]),
                exceptions: ids(&expect["exceptions"]),
                notice: expect["notice"].as_str().map(str::to_owned),
            }
        })
        .collect()
}

#[test]
fn every_case_of_the_table_gets_its_expected_decision() {
    let cases = load_cases();
    let input: String = cases
        .iter()
        .map(|case| format!("{}\n", case.event))
        .collect();
    let output = offside(&["check"], input.as_bytes());
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let decisions = json_lines(&output);
    assert_eq!(decisions.len(), cases.len());
    let mut failures = Vec::new();
    for (case, decision) in cases.iter().zip(&decisions) {
        assert_eq!(decision["id"], case.event["id"], "output order");
        let got_violations: BTreeSet<String> = decision["violations"]
            .as_array()
            .unwrap_or(&Vec::new())
            .iter()
            .map(|v| v["id"].as_str().unwrap_or("?").to_owned())
            .collect();
        let got_exceptions: BTreeSet<String> = decision["exceptions"]
            .as_array()
            .unwrap_or(&Vec::new())
            .iter()
            .map(|e| e["id"].as_str().unwrap_or("?").to_owned())
            .collect();
        let action = decision["action"].as_str().unwrap_or("?");
        if action != case.action
            || got_violations != case.violations
            || got_exceptions != case.exceptions
        {
            failures.push(format!(
                "{}: got {action} {got_violations:?} {got_exceptions:?}, expected {} {:?} {:?}\n    {decision}",
                case.name, case.action, case.violations, case.exceptions
            ));
        }
        // What the sender is told: something for every violation or exception, nothing
        // otherwise; redacted text exactly when the action is redact.
        let notice = decision["notice"].as_str().expect("a notice string");
        let says_something = !case.violations.is_empty() || !case.exceptions.is_empty();
        if says_something == notice.is_empty() {
            failures.push(format!("{}: notice {notice:?}", case.name));
        }
        match case.notice.as_deref() {
            Some("") if !notice.is_empty() => {
                failures.push(format!("{}: expected no notice, got {notice:?}", case.name))
            }
            Some(phrase) if !notice.contains(phrase) => failures.push(format!(
                "{}: the notice lacks {phrase:?}: {notice}",
                case.name
            )),
            _ => {}
        }
        for id in case.violations.iter().chain(&case.exceptions) {
            if !notice.contains(id.as_str()) {
                failures.push(format!(
                    "{}: the notice does not name {id}: {notice}",
                    case.name
                ));
            }
        }
        let redacted = decision
            .get("redacted_text")
            .or(decision.get("redacted_conversation"));
        if redacted.is_some() != (action == "redact") {
            failures.push(format!(
                "{}: redacted output and action {action} disagree",
                case.name
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} cases failed:\n{}",
        failures.len(),
        cases.len(),
        failures.join("\n")
    );
}

#[test]
fn the_forum_cases_name_their_key_phrase() {
    let forum: Vec<Case> = load_cases()
        .into_iter()
        .filter(|case| case.name.starts_with("forum/"))
        .collect();
    assert!(forum.len() >= 40, "{} forum cases", forum.len());
    for case in &forum {
        assert!(case.notice.is_some(), "{}: no key phrase", case.name);
    }
}

#[test]
fn the_table_covers_every_rule_and_exception_both_ways() {
    let cases = load_cases();
    let violation_ids = [
        "contact.before_contract",
        "contact.public_surface",
        "payment.off_platform",
    ];
    for id in violation_ids {
        assert!(
            cases.iter().any(|c| c.violations.contains(id)),
            "no case breaks {id}"
        );
    }
    let exception_ids = [
        "platform_tools",
        "legal_document",
        "scoping_access",
        "portfolio_link",
        "enterprise_plan",
    ];
    for id in exception_ids {
        let short = id.split('_').next().unwrap_or(id);
        assert!(
            cases.iter().any(|c| c.exceptions.contains(id)),
            "no case uses {id}"
        );
        // A negative case: about this exception (named after it) but a violation remains.
        assert!(
            cases
                .iter()
                .any(|c| c.name.contains(short) && !c.violations.is_empty()),
            "no case where {id} does not apply"
        );
    }
    for needed in [
        "day_before_two_years",
        "day_after_two_years",
        "conversion_fee_paid",
        "started_off_platform",
        "recipient_refuses",
        "telegram_bot",
        "paypal_checkout",
        "low_confidence",
    ] {
        assert!(
            cases.iter().any(|c| c.name.contains(needed)),
            "no case {needed}"
        );
    }
}

#[test]
fn redacting_masks_only_the_violating_details() {
    let event = r#"{"id": 1, "text": "Please invite me to your GitHub repo: maya.dev@gmail.com or call 415 839 2716", "surface": "message", "at": "2026-05-06T10:00:00Z", "sender": {"id": "f1", "role": "freelancer"}, "relationship": {"state": "none"}}"#;
    let output = offside(&["check"], format!("{event}\n").as_bytes());
    let decision = &json_lines(&output)[0];
    assert_eq!(decision["action"], "redact", "{decision}");
    assert_eq!(
        decision["redacted_text"],
        "Please invite me to your GitHub repo: maya.dev@gmail.com or call [phone hidden]"
    );
    let finding = &decision["violations"][0]["findings"][0];
    assert_eq!(finding["kind"], "phone");
    assert_eq!(finding["value"], "+14158392716");
    assert!(
        finding["start"].is_u64() && finding["rule"].is_string(),
        "{finding}"
    );
}

#[test]
fn conversations_redact_only_the_senders_messages() {
    let event = r#"{"id": "t", "conversation": [{"from": "c1", "text": "mine is bob@example.org"}, {"from": "f1", "text": "mail me at alex@example.com"}], "surface": "message", "at": "2026-05-06T10:00:00Z", "sender": {"id": "f1", "role": "freelancer"}, "relationship": {"state": "none"}}"#;
    let output = offside(&["check"], format!("{event}\n").as_bytes());
    let decision = &json_lines(&output)[0];
    assert_eq!(decision["action"], "redact", "{decision}");
    let findings = decision["violations"][0]["findings"].as_array().unwrap();
    assert_eq!(findings.len(), 1, "{decision}");
    assert_eq!(findings[0]["message"], 1);
    assert_eq!(
        decision["redacted_conversation"][0]["text"],
        "mine is bob@example.org"
    );
    assert_eq!(
        decision["redacted_conversation"][1]["text"],
        "mail me at [email hidden]"
    );
}

#[test]
fn malformed_events_become_error_lines_with_their_id() {
    let good = r#"{"id": 1, "text": "hello", "surface": "message", "at": "2026-05-06T10:00:00Z", "sender": {"id": "f1", "role": "freelancer"}, "relationship": {"state": "none"}}"#;
    let lines = [
        good.to_owned(),
        good.replace(r#""surface": "message", "#, ""),
        good.replace("2026-05-06T10:00:00Z", "May 6th"),
        good.replace(r#""role": "freelancer""#, r#""role": "admin""#),
        good.replace(r#""state": "none""#, r#""state": "active""#),
        good.replace(r#""text": "hello""#, r#""txt": "hello""#),
        "{\"id\": 7, \"text\": ".to_owned(),
        good.replace(r#""id": 1"#, r#""id": {"k": [1, 2.50]}, "region": "USA""#),
        good.replace(r#""id": 1, "#, "")
            .replace(r#""text": "hello""#, r#""text": 5"#),
    ];
    let output = offside(&["check"], lines.join("\n").as_bytes());
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    let out = json_lines(&output);
    assert_eq!(out.len(), lines.len());
    assert_eq!(out[0]["action"], "allow");
    // The id is echoed verbatim, as `scan` does, even on an error line.
    let raw = String::from_utf8_lossy(&output.stdout);
    assert!(
        raw.lines()
            .nth(7)
            .unwrap()
            .starts_with(r#"{"id":{"k": [1, 2.50]},"line":8"#),
        "{raw}"
    );
    let expected = [
        (2, "1", "missing field `surface`"),
        (3, "1", "\"at\": invalid RFC 3339 timestamp \"May 6th\""),
        (4, "1", "\"sender.role\": unknown variant `admin`"),
        (5, "1", "relationship.first_contract_at is required"),
        (6, "1", "unknown field `txt`"),
        (7, "null", "invalid JSON"),
        (8, r#"{"k":[1,2.5]}"#, "unknown region \"USA\""),
        (9, "null", "\"text\": invalid type: integer `5`"),
    ];
    for (line_no, id, message) in expected {
        let line = &out[line_no - 1];
        assert_eq!(line["line"], line_no, "{line}");
        assert_eq!(
            serde_json::to_string(&line["id"]).unwrap(),
            id.replace(' ', ""),
            "{line}"
        );
        let error = line["error"].as_str().unwrap_or_default();
        assert!(error.contains(message), "line {line_no}: {error}");
    }
}

#[test]
fn policy_show_prints_the_shipped_file_and_policy_check_accepts_it() {
    let output = offside(&["policy", "show"], b"");
    assert_eq!(output.status.code(), Some(0));
    let shown = String::from_utf8(output.stdout).unwrap();
    assert_eq!(shown, offside_policy::DEFAULT_POLICY_TOML);
    assert!(shown.contains("[exceptions.legal_document]") && shown.contains("# "));
    let path = scratch_file("shown-policy.toml", &shown);
    let output = offside(&["policy", "check", path.to_str().unwrap()], b"");
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert!(String::from_utf8_lossy(&output.stdout).ends_with(": ok\n"));
}

#[test]
fn a_bad_policy_file_is_refused_naming_line_and_key() {
    let bad = offside_policy::DEFAULT_POLICY_TOML
        .replace("window_months = 24", "window_months = \"two years\"");
    let line = bad
        .lines()
        .position(|l| l.starts_with("window_months"))
        .unwrap()
        + 1;
    let path = scratch_file("bad-policy.toml", &bad);
    let path = path.to_str().unwrap();
    let output = offside(&["policy", "check", path], b"");
    assert_eq!(output.status.code(), Some(1));
    let message = stderr(&output);
    assert!(
        message.contains(&format!("line {line}, column 17: key `rules.payment.window_months`: invalid type: string \"two years\"")),
        "{message}"
    );
    let output = offside(&["check", "--policy", path], b"");
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).contains("key `rules.payment.window_months`"),
        "{}",
        stderr(&output)
    );
}

#[test]
fn a_policy_file_changes_the_decision() {
    let stricter =
        offside_policy::DEFAULT_POLICY_TOML.replacen("high = \"redact\"", "high = \"block\"", 1);
    let path = scratch_file("stricter-policy.toml", &stricter);
    let event = r#"{"id": 1, "text": "mail me at alex@example.com", "surface": "message", "at": "2026-05-06T10:00:00Z", "sender": {"id": "f1", "role": "freelancer"}, "relationship": {"state": "none"}}"#;
    let output = offside(
        &["check", "--policy", path.to_str().unwrap()],
        format!("{event}\n").as_bytes(),
    );
    assert_eq!(json_lines(&output)[0]["action"], "block");
}

#[test]
fn check_and_policy_have_help() {
    for args in [
        &["check", "--help"][..],
        &["policy", "--help"],
        &["policy", "show", "--help"],
        &["policy", "check", "--help"],
    ] {
        let output = offside(args, b"");
        assert_eq!(output.status.code(), Some(0), "{args:?}");
        assert!(
            String::from_utf8_lossy(&output.stdout).contains("Usage"),
            "{args:?}"
        );
    }
    let help = String::from_utf8(offside(&["check", "--help"], b"").stdout).unwrap();
    for needle in [
        "contact.before_contract",
        "payment.off_platform",
        "portfolio_link",
        "--policy",
        "--region",
    ] {
        assert!(help.contains(needle), "{needle}");
    }
}

//! `offside bench serve`: the load benchmark starts the real server, loads it briefly and
//! reports. Only the report's shape and the absence of errors are checked; speed targets
//! belong to benchmark runs, not to tests.

mod common;

use common::{offside, stderr};

/// The figure after `label` on its report line, without thousands separators.
fn figure(report: &str, label: &str) -> u64 {
    let line = report
        .lines()
        .find(|line| line.starts_with(label))
        .unwrap_or_else(|| panic!("no {label:?} line in:\n{report}"));
    let first_word = line[label.len()..].split_whitespace().next().unwrap_or("");
    first_word
        .replace(',', "")
        .parse()
        .unwrap_or_else(|error| panic!("{line}: {error}"))
}

#[test]
fn bench_serve_loads_a_started_server_and_reports() {
    let output = offside(
        &[
            "bench",
            "serve",
            "--duration",
            "1",
            "--warmup",
            "0",
            "--connections",
            "4",
        ],
        b"",
    );
    let report = String::from_utf8(output.stdout.clone()).unwrap();
    assert_eq!(
        output.status.code(),
        Some(0),
        "{report}\n{}",
        stderr(&output)
    );
    assert!(
        report.contains("target: POST http://127.0.0.1:"),
        "{report}"
    );
    assert!(figure(&report, "requests:") > 0, "{report}");
    assert!(figure(&report, "requests/s:") > 0, "{report}");
    assert_eq!(figure(&report, "errors:"), 0, "{report}");
    assert!(
        report.contains("(0 non-200 answers, 0 transport errors)"),
        "{report}"
    );
    assert!(!report.contains("first error:"), "{report}");
    for percentile in ["p50 ", "p90 ", "p99 ", "p99.9 ", "max "] {
        assert!(report.contains(percentile), "{percentile}: {report}");
    }
    let rss = report
        .lines()
        .find(|line| line.starts_with("server RSS:"))
        .unwrap_or_else(|| panic!("no RSS line in:\n{report}"));
    assert!(rss.contains("MB now,") && rss.ends_with("MB peak"), "{rss}");
}

#[test]
fn bench_serve_says_why_it_cannot_reach_a_url() {
    // A port that was free a moment ago: nothing listens there.
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|listener| listener.local_addr())
        .unwrap()
        .port();
    let url = format!("http://127.0.0.1:{port}");
    let output = offside(
        &[
            "bench",
            "serve",
            "--url",
            &url,
            "--key",
            "some-key-12345678",
        ],
        b"",
    );
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).contains(&format!("cannot connect to 127.0.0.1:{port}")),
        "{}",
        stderr(&output)
    );

    for (url, message) in [
        ("localhost:8080", "expected http://HOST[:PORT]"),
        ("https://127.0.0.1:8080", "only http:// is supported"),
        ("http://", "not a URL"),
    ] {
        let output = offside(&["bench", "serve", "--url", url, "--key", "k"], b"");
        assert_eq!(output.status.code(), Some(2), "{url}");
        assert!(
            stderr(&output).contains(message),
            "{url}: {}",
            stderr(&output)
        );
    }

    let output = std::process::Command::new(env!("CARGO_BIN_EXE_offside"))
        .args(["bench", "serve", "--url", &url])
        .env_remove("OFFSIDE_API_KEY")
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).contains("--url needs an API key"),
        "{}",
        stderr(&output)
    );
}

#[test]
fn bench_and_bench_serve_have_help() {
    let output = offside(&["bench", "--help"], b"");
    assert_eq!(output.status.code(), Some(0));
    let help = String::from_utf8(output.stdout).unwrap();
    assert!(help.contains("offside bench <COMMAND>"), "{help}");
    assert!(help.contains("--messages"), "{help}");
    let output = offside(&["bench", "serve", "--help"], b"");
    assert_eq!(output.status.code(), Some(0));
    let help = String::from_utf8(output.stdout).unwrap();
    for option in ["--connections", "--duration", "--warmup", "--url", "--key"] {
        assert!(help.contains(option), "{option}: {help}");
    }
    // The flat command's options do not mix with the subcommand.
    let output = offside(&["bench", "--messages", "5", "serve"], b"");
    assert_eq!(output.status.code(), Some(2));
}

//! `offside`: the command-line face of the engine, the policy, the ledger and the service.
//!
//! The commands, each a thin layer over the library crates:
//!
//! - `scan` and `redact` stream JSONL (or plain text with `--text`) through [`pipeline`];
//!   `scan --docs` and `check --docs` read attachments ([`commands::docs`]);
//! - `eval` scores a labelled corpus with the figures of `testdata/score.py`
//!   ([`commands::eval`]);
//! - `bench`, `bench docs`, `bench serve` and `bench memory` measure the scan path,
//!   attachments, the HTTP service and the memory of a long text ([`commands::bench`],
//!   [`commands::bench_docs`], [`commands::bench_serve`], [`commands::bench_memory`]);
//! - `check` decides on events with a policy ([`commands::check`]) and `policy` shows or
//!   validates policy files;
//! - `record`, `account`, `replay` and `purge` work on the enforcement ledger
//!   ([`commands::ledger`]);
//! - `serve`, `consume`, `keys` and `reviewers` run the service, the stream consumer and their
//!   administration, from `offside-server` ([`commands`]);
//!
//! [`args`] defines once the options the commands share (`--database`, `--policy`,
//! `--hash-secret`, `--region`). Deciding is the `offside` crate's and recording the
//! ledger's: only the four commands above link the server.
//!
//! The one design rule here is that the CLI never gives up on a whole input because of one
//! bad line: a malformed line gets an error line in its place, the rest is processed, and the
//! exit status says that something was wrong.
//!
//! Exit status: 0 when everything went well; 1 when some input lines were malformed or an
//! `eval` threshold was not met; 2 for usage errors and for inputs that cannot be read.
mod args;
mod commands;
mod json_out;
mod pipeline;
mod record;
mod report;

use std::collections::HashSet;
use std::io::{self, IsTerminal, Write};
use std::num::NonZeroUsize;
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Duration;

use anyhow::{anyhow, Context as _, Result};
use clap::{Args, Parser, Subcommand, ValueEnum};
use offside_detect::{redact, Engine, EngineOptions, Kind, Region};
use offside_policy::{Policy, DEFAULT_POLICY_TOML};

use crate::args::{read_policy, DatabaseArgs, EngineArgs, HashSecretArgs, PolicyArgs};
use crate::commands::{bench, bench_docs, bench_memory, bench_serve, check, docs, eval, ledger};
use crate::pipeline::{InputSource, RedactHandler, ScanHandler};

/// The input format, shared by the long help of `scan` and `redact`.
macro_rules! input_format_help {
    () => {
        "\
Input: JSONL, one object a line:
  {\"id\": any, \"text\": \"...\"}
  {\"id\": any, \"conversation\": [{\"from\": \"...\", \"text\": \"...\"}, ...]}
with an optional \"region\": \"GB\" (the region of phone numbers written without a
country code); other fields are ignored. Blank lines are skipped.

"
    };
}

const SCAN_AFTER_HELP: &str = concat!(
    input_format_help!(),
    "\
Output: one line per input line, in input order:
  {\"id\": <the input's id, verbatim>, \"findings\": [{\"kind\", \"value\", \"start\", \"end\",
   \"confidence\", \"rule\"}, ...]}
\"value\" is null where only the kind matters; \"start\"..\"end\" is the byte span of the
evidence in the original text. For conversations each finding also has \"message\" (the
index of the message it starts in) and, when a value was split over several messages,
\"messages\". A malformed line gives {\"id\": null, \"line\": N, \"error\": \"...\"} (plus
\"file\" when reading named files); the other lines are still scanned and the exit
status is 1.

Examples:
  offside scan examples/messages.jsonl
  cat messages.jsonl | offside scan --region GB --threads 2
  echo 'write me: alex at gmail dot com' | offside scan --text"
);

/// Finds contact details and off-platform payment attempts in marketplace messages,
/// however disguised.
#[derive(Debug, Parser)]
#[command(name = "offside", version, propagate_version = true)]
#[command(after_help = "Run `offside <COMMAND> --help` for each command's input and output.")]
struct Cli {
    /// When to colour the output: auto (only when standard output is a terminal and
    /// NO_COLOR is unset), always or never.
    #[arg(long, value_enum, global = true, default_value_t = ColorWhen::Auto)]
    color: ColorWhen,

    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum ColorWhen {
    Auto,
    Always,
    Never,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Scan messages (JSONL, or plain text with --text) and print what was found.
    #[command(after_long_help = SCAN_AFTER_HELP)]
    Scan(ScanArgs),
    /// Score the engine on a labelled corpus: the figures of testdata/score.py.
    #[command(after_long_help = EVAL_AFTER_HELP)]
    Eval(EvalArgs),
    /// Mask contact details and payment attempts ("[email hidden]") in messages.
    #[command(after_long_help = REDACT_AFTER_HELP)]
    Redact(RedactArgs),
    /// Measure the scan path: messages/s and MB/s on generated messages and a long document
    /// (`offside bench serve`: requests/s and latency of the HTTP service).
    #[command(after_long_help = BENCH_AFTER_HELP, args_conflicts_with_subcommands = true)]
    Bench(BenchArgs),
    /// Decide on events before they are sent: which rule they break, what to do, and the
    /// notice to show. Nothing is recorded.
    #[command(after_long_help = CHECK_AFTER_HELP)]
    Check(CheckArgs),
    /// Show or validate a policy file.
    #[command(subcommand)]
    Policy(PolicyCommand),
    /// Decide on events like `check`, then record the violations in the ledger against each
    /// event's sender (idempotent: the event id is the key).
    #[command(after_long_help = RECORD_AFTER_HELP)]
    Record(RecordArgs),
    /// Print an account's standing on the sanction ladder, its history and the accounts
    /// linked to it through shared contact values.
    Account(AccountArgs),
    /// Backtest a policy: decide on historical events under the current policy and a new
    /// one, and print what would change (decisions by action, violations by rule, accounts
    /// by sanction). Nothing is recorded.
    Replay(ReplayArgs),
    /// Delete the evidence (the raw text of messages that broke a rule) older than the
    /// policy's privacy.evidence_retention_days (180 by default).
    Purge(PurgeArgs),
    /// Run the HTTP API: check, record, scan, reports, reviews, appeals, standing (see
    /// /openapi.json). Prints a master API key on the first start.
    Serve(commands::serve::ServeArgs),
    /// Record the events of a NATS JetStream stream as `POST /v1/events` does: decisions to
    /// an output subject, malformed events to a dead-letter subject, acknowledged only after
    /// the ledger commit. Processes with the same --consumer share the stream.
    Consume(commands::consume::ConsumeArgs),
    /// Create, list and revoke the HTTP API's keys, directly on the database.
    Keys(commands::keys::KeysArgs),
    /// Add and list the reviewer console's accounts, directly on the database (the password
    /// is read from standard input).
    Reviewers(commands::reviewers::ReviewersArgs),
}

const CHECK_AFTER_HELP: &str = "\
Input: JSONL, one event a line (blank lines are skipped; unknown fields are errors):
  {\"id\": any, \"text\": \"...\" | \"conversation\": [{\"from\": \"<user id>\", \"text\": \"...\"}],
   \"surface\": \"message\"|\"proposal\"|\"job_post\"|\"profile\"|\"attachment\"|\"review\",
   \"at\": \"2026-05-06T10:00:00Z\",
   \"sender\": {\"id\": \"u1\", \"role\": \"client\"|\"freelancer\", \"plan\": \"enterprise\"},
   \"recipient\": {...as sender},                                        (optional)
   \"relationship\": {\"state\": \"none\"|\"active\"|\"ended\", \"first_contract_at\": \"...\",
                    \"ended_at\": \"...\", \"conversion_fee_paid\": false, \"started_off_platform\": false},
   \"attachment\": {\"kind\": \"nda\"|\"business_license\"|\"id_document\"|\"background_check\"|\"other\",
                  \"name\": \"...\"},                   (optional, with \"surface\": \"attachment\")
   \"purpose\": \"scoping_access\", \"region\": \"GB\", \"conversation_id\": \"...\"}  (optional)
In a conversation only findings in the sender's own messages (\"from\" equal to sender.id)
count; what the other side wrote never counts against anyone.

Output: one line per event, in input order:
  {\"id\", \"action\": \"allow\"|\"warn\"|\"redact\"|\"hold\"|\"block\",
   \"violations\": [{\"rule\", \"id\", \"kinds\", \"findings\", \"severity\", \"band\", \"action\"}],
   \"exceptions\": [{\"id\", \"why\", \"findings\"}], \"notice\": \"...\",
   \"redacted_text\" (or \"redacted_conversation\") when the action is redact}
Violation ids: contact.before_contract, contact.public_surface, payment.off_platform.
Exception ids: platform_tools, legal_document, scoping_access, portfolio_link,
enterprise_plan. A malformed line gives {\"id\": <its id if readable, else null>,
\"line\": N, \"error\": \"...\"}; the other lines are still checked and the exit status is 1.

Examples:
  offside check events.jsonl
  offside check --policy my-policy.toml --region GB < events.jsonl
  offside policy show > my-policy.toml";

#[derive(Debug, Args)]
struct CheckArgs {
    /// JSONL files of events, in order; standard input when none is given ("-" also
    /// means standard input).
    #[arg(value_name = "FILE")]
    files: Vec<PathBuf>,

    #[command(flatten)]
    policy: PolicyArgs,

    /// Treat the arguments as attachments (see `offside scan --help`): each file is
    /// scanned and decided on as an event on the `attachment` surface. Prints the scan
    /// line with a "decision"; the decision's spans index the file's segments joined by
    /// blank lines.
    #[arg(long)]
    docs: bool,

    /// With --docs: the event the attachments are sent in, as JSON or a path to a JSON
    /// file; its fields are laid over the default {"surface": "attachment", "at": now,
    /// "sender": {"id": "sender", "role": "freelancer"}, "recipient": {"id": "recipient",
    /// "role": "client"}, "relationship": {"state": "none"}}. Give "attachment": {"kind":
    /// "nda"} to declare the kind; otherwise legal documents are recognised from their
    /// content.
    #[arg(long, value_name = "JSON|FILE", requires = "docs")]
    event: Option<String>,

    /// With --docs: threads reading files; the output keeps the input order.
    #[arg(long, short = 'j', value_name = "N", default_value_t = NonZeroUsize::MIN)]
    threads: NonZeroUsize,

    #[command(flatten)]
    engine: EngineArgs,

    #[command(flatten)]
    extract: docs::ExtractArgs,
}

const RECORD_AFTER_HELP: &str = "\
Input: the events of `offside check` (see `offside check --help`); each needs an \"id\".
Output: the decision lines of `check`, each with \"recorded\" (violations newly recorded)
and \"already_recorded\" (the same event was recorded before: nothing changed).
Contact values are stored only as HMAC-SHA256 hashes keyed with OFFSIDE_HASH_SECRET.

Examples:
  OFFSIDE_HASH_SECRET=... offside record events.jsonl
  offside record --database postgres://offside@localhost/offside --shadow events.jsonl
  offside account u-123";

#[derive(Debug, Args)]
struct RecordArgs {
    /// JSONL files of events, in order; standard input when none is given.
    #[arg(value_name = "FILE")]
    files: Vec<PathBuf>,

    #[command(flatten)]
    policy: PolicyArgs,

    #[command(flatten)]
    database: DatabaseArgs,

    #[command(flatten)]
    hash_secret: HashSecretArgs,

    /// Shadow mode: record the violations as would-have-been, with no effect on standing.
    #[arg(long)]
    shadow: bool,

    #[command(flatten)]
    engine: EngineArgs,
}

#[derive(Debug, Args)]
struct AccountArgs {
    /// The account id (a sender's id in the events).
    #[arg(value_name = "ID")]
    account: String,

    #[command(flatten)]
    database: DatabaseArgs,

    /// The policy whose ladder the standing is computed with.
    #[command(flatten)]
    policy: PolicyArgs,

    /// Standing at this moment (RFC 3339) instead of now.
    #[arg(long, value_name = "TIME")]
    at: Option<String>,
}

#[derive(Debug, Args)]
struct PurgeArgs {
    #[command(flatten)]
    database: DatabaseArgs,

    /// The policy whose retention period applies (180 days by default).
    #[command(flatten)]
    policy: PolicyArgs,

    /// Count the retention period back from this moment (RFC 3339) instead of now.
    #[arg(long, value_name = "TIME")]
    now: Option<String>,
}

#[derive(Debug, Args)]
struct ReplayArgs {
    /// JSONL files of historical events (the format of `offside check`), oldest first.
    #[arg(value_name = "HISTORY", required = true)]
    files: Vec<PathBuf>,

    /// The policy to try.
    #[arg(long, value_name = "FILE")]
    policy: PathBuf,

    /// The policy to compare with; the default policy when unset.
    #[arg(long, value_name = "FILE")]
    baseline: Option<PathBuf>,

    #[command(flatten)]
    engine: EngineArgs,
}

#[derive(Debug, Subcommand)]
enum PolicyCommand {
    /// Print the default policy file, with its comments, to copy and edit.
    Show,
    /// Check a policy file: prints "FILE: ok", or the line, column and key of the first
    /// problem and exits 1.
    Check {
        /// The policy file (TOML).
        #[arg(value_name = "FILE")]
        file: PathBuf,
    },
}

const EVAL_AFTER_HELP: &str = "\
The corpus has the scan input format plus \"labels\": [{\"kind\": \"email\", \"value\":
\"alex@gmail.com\"}, ...] (empty for a benign case) and an optional \"tag\". Prints every
MISS (a label no finding matched) and FP (a finding on a benign case), then flagged
recall, label recall, per-kind recall and the benign false-positive rate as JSON, with
score.py's matching rules. Exits 1, saying which, when a threshold is not met.

Example:
  offside eval testdata/corpus/dev.jsonl --min-flagged-recall 0.98 --min-recall 0.95 --max-fp 0.005";

const REDACT_AFTER_HELP: &str = concat!(
    input_format_help!(),
    "\
Output: one line per input line, in input order: {\"id\": <verbatim>, \"text\": \"<masked
text>\"}, or {\"id\", \"conversation\": [{\"from\", \"text\"}, ...]} for conversations.
Malformed lines give error lines as in `offside scan`. With --text, the whole input is
one plain text and the masked text is printed as it is.

Example:
  echo 'mail me at alex@example.com' | offside redact --text"
);

const BENCH_AFTER_HELP: &str = "\
The messages go through exactly the code of `offside scan` (read, parse JSON, scan,
write JSON) with the output discarded. The long document and the adversarial shapes (texts
built to make a scan slow, one shape repeated to --shape-mb) go through the engine's scan.
`offside bench serve` measures the HTTP service
instead (see `offside bench serve --help`). Build with --release for meaningful figures:
  cargo run --release -p offside-cli -- bench
  cargo run --release -p offside-cli -- bench serve";

const BENCH_SERVE_AFTER_HELP: &str = "\
Without --url, `offside serve` is started for the run (this binary, on a free loopback
port, with a fresh SQLite database in a temporary directory, a random master key and the
rate limit off) and stopped at the end; the report then includes its memory (VmRSS now,
VmHWM peak) and CPU. With --url, a running server is measured; the key needs the check,
ingest or admin scope, and its rate limit applies.

Each connection sends the next event as soon as the previous answer is complete (a
closed loop), so the figures are the service's capacity at that many requests in flight.
The events (10,000 distinct, the message mix of `offside bench`) are serialised before
the clock starts. Requests of the warm-up are not counted. A request without an answer
within 10 s is a transport error. Errors are non-200 answers and transport errors,
counted apart; the first is shown, and the exit status is 1 when there was any.

Examples:
  offside bench serve
  offside bench serve --connections 64 --duration 30
  OFFSIDE_API_KEY=osk_... offside bench serve --url http://127.0.0.1:8080";

/// Options that configure the engine.
#[derive(Debug, Args)]
struct ScanArgs {
    /// JSONL files to scan, in order; standard input when none is given ("-" also means
    /// standard input).
    #[arg(value_name = "FILE")]
    files: Vec<PathBuf>,

    /// Read each input as one plain text (not JSONL) and print a readable report with the
    /// evidence highlighted.
    #[arg(long)]
    text: bool,

    /// Treat the arguments as attachments: files and directories (walked recursively) of
    /// PDF, DOCX, ODT, XLSX, HTML, text, PNG, JPEG or WebP, recognised by their bytes.
    /// Prints one JSON line per file: {"file", "type", "pages", "findings": [{"kind",
    /// "value", "confidence", "rule", "source", "page"?, "part"?, "start"?, "end"?,
    /// "region"?}], "recognised"?, "warnings"?} or {"file", "error"}.
    #[arg(long, conflicts_with = "text")]
    docs: bool,

    /// Explain the intent model's findings: each gets an "explain" array of the n-grams of
    /// the normalised text that weighed most for it, {"ngram", "weight"} (the weight each
    /// adds to the intent's score; negative ones count against it). With --text, printed
    /// after the report.
    #[arg(long, conflicts_with = "docs")]
    explain: bool,

    /// Threads scanning JSONL lines (files with --docs, the segments of a long text with
    /// --text); the output keeps the input order.
    #[arg(long, short = 'j', value_name = "N", default_value_t = NonZeroUsize::MIN)]
    threads: NonZeroUsize,

    /// The longest JSONL line read, in bytes; a longer line gets an error line and is
    /// skipped without being held in memory.
    #[arg(long, value_name = "BYTES", default_value_t = pipeline::DEFAULT_MAX_LINE_BYTES)]
    max_line_bytes: usize,

    #[command(flatten)]
    engine: EngineArgs,

    #[command(flatten)]
    extract: docs::ExtractArgs,
}

#[derive(Debug, Args)]
struct EvalArgs {
    /// The labelled corpus (JSONL with "labels"), such as testdata/corpus/dev.jsonl; "-"
    /// for standard input.
    #[arg(value_name = "CORPUS")]
    corpus: PathBuf,

    /// Print only the figures, as one line of JSON (like `score.py --json`).
    #[arg(long)]
    json: bool,

    /// Fail when fewer positive cases than this (0 to 1) get any finding.
    #[arg(long, value_name = "X", value_parser = eval::parse_fraction)]
    min_flagged_recall: Option<f64>,

    /// Fail when fewer labels than this (0 to 1) are matched by kind and value.
    #[arg(long, value_name = "X", value_parser = eval::parse_fraction)]
    min_recall: Option<f64>,

    /// Fail when more benign cases than this (0 to 1) get any finding.
    #[arg(long, value_name = "X", value_parser = eval::parse_fraction)]
    max_fp: Option<f64>,

    /// Drop findings of these kinds before scoring (comma-separated, like score.py's
    /// --ignore-kinds).
    #[arg(long, value_name = "KIND,...", value_delimiter = ',', value_parser = parse_kind)]
    ignore_kinds: Vec<String>,

    #[command(flatten)]
    engine: EngineArgs,
}

fn parse_kind(name: &str) -> Result<String, String> {
    match Kind::from_name(name.trim()) {
        Some(kind) => Ok(kind.as_str().to_owned()),
        None => {
            let known: Vec<&str> = Kind::ALL.iter().map(|k| k.as_str()).collect();
            Err(format!(
                "unknown kind {name:?}: expected one of {}",
                known.join(", ")
            ))
        }
    }
}

#[derive(Debug, Args)]
struct RedactArgs {
    /// JSONL files to redact, in order; standard input when none is given ("-" also means
    /// standard input).
    #[arg(value_name = "FILE")]
    files: Vec<PathBuf>,

    /// Read each input as one plain text and print it masked, as plain text.
    #[arg(long)]
    text: bool,

    /// Threads redacting JSONL lines (the segments of a long text with --text); the output
    /// keeps the input order.
    #[arg(long, short = 'j', value_name = "N", default_value_t = NonZeroUsize::MIN)]
    threads: NonZeroUsize,

    #[command(flatten)]
    engine: EngineArgs,
}

#[derive(Debug, Args)]
struct BenchArgs {
    #[command(subcommand)]
    command: Option<BenchCommand>,

    /// Number of short messages to generate.
    #[arg(long, value_name = "N", default_value_t = 100_000)]
    messages: usize,

    /// Size of the long document, in MB.
    #[arg(long, value_name = "M", default_value_t = 10.0)]
    doc_mb: f64,

    /// Threads for the multi-threaded pass (1 skips it); all cores by default.
    #[arg(long, short = 'j', value_name = "N")]
    threads: Option<NonZeroUsize>,

    /// Timed runs of each pass; the fastest is reported.
    #[arg(long, value_name = "R", default_value_t = 3)]
    repeat: usize,

    /// Seed of the message generator.
    #[arg(long, default_value_t = 1)]
    seed: u64,

    /// Size of each adversarial-shape text (one shape repeated), in MB; 0 skips them.
    #[arg(long, value_name = "M", default_value_t = 1.0)]
    shape_mb: f64,
}

#[derive(Debug, Subcommand)]
enum BenchCommand {
    /// Load-test the HTTP service's POST /v1/check: requests/s, latency percentiles, errors,
    /// and the server's memory.
    #[command(after_long_help = BENCH_SERVE_AFTER_HELP)]
    Serve(BenchServeArgs),
    /// Attachments: pages/s through a generated PDF's text layer, and images/s through OCR
    /// of generated chat screenshots, each extracted and scanned as `scan --docs` does; and
    /// how soon past its deadline a read that would take seconds stops.
    Docs(BenchDocsArgs),
    /// Memory: the peak RSS of `offside scan` (a child process each time) on one long text
    /// of each shape: prose, spaced digits, one giant token, many e-mail addresses, base64,
    /// mixed scripts and the adversarial shapes. Fails when one is over --max-rss-mb.
    Memory(BenchMemoryArgs),
}

#[derive(Debug, Args)]
struct BenchMemoryArgs {
    /// Size of each text, in MB (10^6 bytes); at most 10 fits `offside scan`'s default
    /// --max-line-bytes.
    #[arg(long, value_name = "M", default_value_t = 10.0)]
    mb: f64,

    /// Only the shapes whose name contains this (repeatable); all by default.
    #[arg(long, value_name = "NAME")]
    shape: Vec<String>,

    /// The peak RSS each scan must stay under, in MB.
    #[arg(long, value_name = "MB", default_value_t = 200.0)]
    max_rss_mb: f64,
}

#[derive(Debug, Args)]
struct BenchDocsArgs {
    /// Pages of the generated PDF.
    #[arg(long, value_name = "N", default_value_t = 200)]
    pages: usize,

    /// Chat screenshots generated for OCR; 0 skips OCR.
    #[arg(long, value_name = "N", default_value_t = 10)]
    images: usize,

    /// Pages of the generated scanned PDF (one JPEG picture a page, read by OCR); 0 skips it.
    #[arg(long, value_name = "N", default_value_t = 10)]
    scanned_pages: usize,

    /// Threads reading the scanned PDF's pages (as `scan --docs --ocr-threads`); the
    /// available cores by default.
    #[arg(long, value_name = "N")]
    ocr_threads: Option<NonZeroUsize>,

    /// The TrueType font the screenshots are rendered with.
    #[arg(
        long,
        value_name = "FILE",
        default_value = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
    )]
    font: PathBuf,

    /// Timed runs; the fastest is reported.
    #[arg(long, value_name = "R", default_value_t = 3)]
    repeat: usize,

    /// Seed of the text generator.
    #[arg(long, default_value_t = 1)]
    seed: u64,
}

#[derive(Debug, Args)]
struct BenchServeArgs {
    /// Concurrent keep-alive connections (1 to 1000), each with one request in flight.
    #[arg(long, value_name = "N", default_value_t = 32,
          value_parser = clap::value_parser!(u32).range(1..=1_000))]
    connections: u32,

    /// Seconds of measured load.
    #[arg(long, value_name = "SECS", default_value = "10", value_parser = parse_positive_seconds)]
    duration: Duration,

    /// Seconds of load before the measurement, not counted.
    #[arg(long, value_name = "SECS", default_value = "2", value_parser = parse_seconds)]
    warmup: Duration,

    /// Measure a running server at this URL (http://HOST:PORT) instead of starting one.
    #[arg(long, value_name = "URL")]
    url: Option<String>,

    /// The API key to send with --url (check, ingest or admin scope); ignored without --url.
    #[arg(
        long,
        value_name = "KEY",
        env = "OFFSIDE_API_KEY",
        hide_env_values = true
    )]
    key: Option<String>,

    /// Seed of the message generator.
    #[arg(long, default_value_t = 1)]
    seed: u64,
}

/// The longest phase `bench serve` takes: a day.
const MAX_BENCH_SECONDS: f64 = 86_400.0;

/// A number of seconds (fractions allowed), from 0 to a day.
fn parse_seconds(text: &str) -> Result<Duration, String> {
    let seconds: f64 = text
        .trim()
        .parse()
        .map_err(|_| format!("{text:?} is not a number of seconds"))?;
    if !(0.0..=MAX_BENCH_SECONDS).contains(&seconds) {
        return Err(format!("{text}: expected 0 to {MAX_BENCH_SECONDS} seconds"));
    }
    Ok(Duration::from_secs_f64(seconds))
}

/// A number of seconds above 0, up to a day.
fn parse_positive_seconds(text: &str) -> Result<Duration, String> {
    let duration = parse_seconds(text)?;
    if duration.is_zero() {
        return Err(format!("{text}: expected more than 0 seconds"));
    }
    Ok(duration)
}

fn main() -> ExitCode {
    limit_openmp_threads();
    let cli = Cli::parse();
    match run(cli) {
        Ok(code) => code,
        Err(error) if is_broken_pipe(&error) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("offside: error: {error:#}");
            ExitCode::from(2)
        }
    }
}

/// Tesseract (OCR of attachments) is built with OpenMP, whose worker threads spin on every
/// core: on two cores a chat screenshot took 1.9 s instead of 0.3 s, and threads OCR-ing
/// other files only make it worse. OpenMP reads its thread limit once, when the process
/// loads, so the limit is set by starting the same program again, in place, with
/// `OMP_THREAD_LIMIT=1` — unless the caller set a value of their own. If that fails, the
/// run goes on with OpenMP's default.
fn limit_openmp_threads() {
    #[cfg(unix)]
    {
        use std::os::unix::process::CommandExt;
        if std::env::var_os("OMP_THREAD_LIMIT").is_some() {
            return;
        }
        let Ok(exe) = std::env::current_exe() else {
            return;
        };
        let mut args = std::env::args_os();
        let mut command = std::process::Command::new(exe);
        if let Some(arg0) = args.next() {
            command.arg0(arg0);
        }
        // `exec` returns only when it failed.
        let _failed = command.args(args).env("OMP_THREAD_LIMIT", "1").exec();
    }
}

/// A reader such as `head` closed the output: not an error worth reporting.
fn is_broken_pipe(error: &anyhow::Error) -> bool {
    error.chain().any(|cause| {
        cause
            .downcast_ref::<io::Error>()
            .is_some_and(|io_error| io_error.kind() == io::ErrorKind::BrokenPipe)
    })
}

fn use_colour(when: ColorWhen) -> bool {
    match when {
        ColorWhen::Always => true,
        ColorWhen::Never => false,
        ColorWhen::Auto => {
            io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
        }
    }
}

fn run(cli: Cli) -> Result<ExitCode> {
    match cli.command {
        Command::Scan(args) => scan(args, use_colour(cli.color)),
        Command::Eval(args) => run_eval(args),
        Command::Redact(args) => run_redact(args),
        Command::Bench(args) => run_bench(args),
        Command::Check(args) => run_check(args),
        Command::Record(args) => run_record(args),
        Command::Account(args) => run_account(args),
        Command::Replay(args) => run_replay(args),
        Command::Purge(args) => run_purge(args),
        Command::Policy(command) => run_policy(command),
        Command::Serve(args) => run_service(commands::serve::serve(args)),
        Command::Consume(args) => run_service(commands::consume::consume(args)),
        Command::Keys(args) => run_service(commands::keys::keys(args)),
        Command::Reviewers(args) => run_service(commands::reviewers::reviewers(args)),
    }
}

/// Runs an async command on a multi-threaded tokio runtime.
fn run_service(command: impl std::future::Future<Output = Result<()>>) -> Result<ExitCode> {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .context("cannot start the async runtime")?;
    runtime.block_on(command)?;
    Ok(ExitCode::SUCCESS)
}

fn run_check(args: CheckArgs) -> Result<ExitCode> {
    let policy = args.policy.load()?;
    let engine = args.engine.engine();
    if args.docs {
        let mut template = docs::default_event(&chrono::Utc::now().to_rfc3339());
        if let Some(event) = &args.event {
            docs::merge(&mut template, read_event_template(event)?);
        }
        let event = Box::new(
            serde_json::from_value(template)
                .context("--event: the event the attachments are sent in")?,
        );
        let mode = docs::Mode::Check {
            policy: &policy,
            event,
        };
        return run_docs(&args.files, &engine, &args.extract, &mode, args.threads);
    }
    let inputs = InputSource::from_args(&args.files);
    let summary = check::run(&engine, &policy, &inputs, &mut io::stdout().lock())?;
    Ok(lines_exit_code(summary))
}

/// `--event`: inline JSON when it starts with `{`, else a file of JSON.
fn read_event_template(event: &str) -> Result<serde_json::Value> {
    let (text, origin) = if event.trim_start().starts_with('{') {
        (event.to_owned(), "--event".to_owned())
    } else {
        let text = std::fs::read_to_string(event)
            .with_context(|| format!("--event {event}: cannot read it"))?;
        (text, format!("--event {event}"))
    };
    let value: serde_json::Value =
        serde_json::from_str(&text).with_context(|| format!("{origin}: not JSON"))?;
    anyhow::ensure!(value.is_object(), "{origin}: give a JSON object");
    Ok(value)
}

/// `scan --docs` and `check --docs`.
fn run_docs(
    paths: &[PathBuf],
    engine: &Engine,
    extract: &docs::ExtractArgs,
    mode: &docs::Mode<'_>,
    threads: NonZeroUsize,
) -> Result<ExitCode> {
    anyhow::ensure!(
        !paths.is_empty(),
        "--docs: give the files or directories to read"
    );
    let extractor = extract.extractor()?;
    let failed = docs::run(
        paths,
        engine,
        &extractor,
        mode,
        threads.get(),
        &mut io::stdout().lock(),
    )?;
    if failed > 0 {
        eprintln!("offside: {failed} file(s) could not be read; see their \"error\"");
        return Ok(ExitCode::FAILURE);
    }
    Ok(ExitCode::SUCCESS)
}

fn run_record(args: RecordArgs) -> Result<ExitCode> {
    let policy = args.policy.load()?;
    let hasher = args.hash_secret.hasher(&args.database.database)?;
    let engine = args.engine.engine();
    let inputs = InputSource::from_args(&args.files);
    let summary = ledger::record(
        &engine,
        &policy,
        &inputs,
        &args.database.database,
        &hasher,
        args.shadow,
        &mut io::stdout().lock(),
    )?;
    Ok(lines_exit_code(summary))
}

fn run_account(args: AccountArgs) -> Result<ExitCode> {
    let policy = args.policy.load()?;
    let as_of = match &args.at {
        None => None,
        Some(text) => Some(
            text.parse::<chrono::DateTime<chrono::Utc>>()
                .map_err(|error| anyhow!("--at {text:?}: not an RFC 3339 time: {error}"))?,
        ),
    };
    ledger::account(
        &policy,
        &args.database.database,
        &args.account,
        as_of,
        &mut io::stdout().lock(),
    )?;
    Ok(ExitCode::SUCCESS)
}

fn run_purge(args: PurgeArgs) -> Result<ExitCode> {
    let policy = args.policy.load()?;
    let now = match &args.now {
        None => chrono::Utc::now(),
        Some(text) => text
            .parse::<chrono::DateTime<chrono::Utc>>()
            .map_err(|error| anyhow!("--now {text:?}: not an RFC 3339 time: {error}"))?,
    };
    ledger::purge(
        &policy,
        &args.database.database,
        now,
        &mut io::stdout().lock(),
    )?;
    Ok(ExitCode::SUCCESS)
}

fn run_replay(args: ReplayArgs) -> Result<ExitCode> {
    let baseline = args
        .baseline
        .as_deref()
        .map_or_else(|| Ok(Policy::default()), read_policy)?;
    let candidate = read_policy(&args.policy)?;
    let engine = args.engine.engine();
    let inputs = InputSource::from_args(&args.files);
    let summary = ledger::replay(
        &engine,
        &baseline,
        &candidate,
        &inputs,
        &mut io::stdout().lock(),
    )?;
    if summary.failed > 0 {
        eprintln!(
            "offside: {} of {} events could not be replayed; see \"errors\" in the report",
            summary.failed,
            summary.failed + summary.written
        );
        return Ok(ExitCode::from(1));
    }
    Ok(ExitCode::SUCCESS)
}

/// Reads a policy file; the error names the file, then the line, column and key.
fn run_policy(command: PolicyCommand) -> Result<ExitCode> {
    match command {
        PolicyCommand::Show => {
            let mut stdout = io::stdout().lock();
            stdout.write_all(DEFAULT_POLICY_TOML.as_bytes())?;
            stdout.flush()?;
            Ok(ExitCode::SUCCESS)
        }
        PolicyCommand::Check { file } => {
            let source = std::fs::read_to_string(&file)
                .with_context(|| format!("cannot read policy file {}", file.display()))?;
            match Policy::from_toml(&source) {
                Ok(_) => {
                    println!("{}: ok", file.display());
                    Ok(ExitCode::SUCCESS)
                }
                Err(error) => {
                    eprintln!("offside: {}: {error}", file.display());
                    Ok(ExitCode::from(1))
                }
            }
        }
    }
}

fn scan(args: ScanArgs, colour: bool) -> Result<ExitCode> {
    let engine = args.engine.engine();
    if args.docs {
        return run_docs(
            &args.files,
            &engine,
            &args.extract,
            &docs::Mode::Scan,
            args.threads,
        );
    }
    let inputs = InputSource::from_args(&args.files);
    if args.text {
        let palette = report::Palette::new(colour);
        let mut stdout = io::stdout().lock();
        for (input_idx, input) in inputs.iter().enumerate() {
            let text = read_text_warning(input)?;
            let findings = engine.scan_parallel(&text, None, args.threads.get());
            if input_idx > 0 {
                writeln!(stdout)?;
            }
            stdout
                .write_all(report::render(&input.label(), &text, &findings, palette).as_bytes())?;
            if args.explain && findings.iter().any(pipeline::intent_finding) {
                let ngrams: Vec<String> = engine
                    .explain_intent(&text)
                    .iter()
                    .map(|(ngram, weight)| format!("{ngram:?} {weight:+.3}"))
                    .collect();
                writeln!(
                    stdout,
                    "intent model, weightiest n-grams: {}",
                    ngrams.join(", ")
                )?;
            }
        }
        stdout.flush()?;
        return Ok(ExitCode::SUCCESS);
    }
    let handler = ScanHandler {
        engine: &engine,
        explain: args.explain,
    };
    let summary = pipeline::run(
        &handler,
        &inputs,
        args.threads.get(),
        args.max_line_bytes,
        &mut io::stdout().lock(),
    )?;
    Ok(lines_exit_code(summary))
}

fn run_redact(args: RedactArgs) -> Result<ExitCode> {
    let engine = args.engine.engine();
    let inputs = InputSource::from_args(&args.files);
    if args.text {
        let mut stdout = io::stdout().lock();
        for input in &inputs {
            let text = read_text_warning(input)?;
            let findings = engine.scan_parallel(&text, None, args.threads.get());
            stdout.write_all(redact(&text, &findings).as_bytes())?;
        }
        stdout.flush()?;
        return Ok(ExitCode::SUCCESS);
    }
    let handler = RedactHandler { engine: &engine };
    let summary = pipeline::run(
        &handler,
        &inputs,
        args.threads.get(),
        pipeline::DEFAULT_MAX_LINE_BYTES,
        &mut io::stdout().lock(),
    )?;
    Ok(lines_exit_code(summary))
}

/// Reads a whole input as text, warning when invalid UTF-8 had to be replaced.
fn read_text_warning(input: &InputSource) -> Result<String> {
    let (text, replaced) = input.read_text()?;
    if replaced {
        eprintln!(
            "offside: warning: {} is not valid UTF-8; invalid bytes were replaced by U+FFFD",
            input.label()
        );
    }
    Ok(text)
}

fn lines_exit_code(summary: pipeline::RunSummary) -> ExitCode {
    if summary.failed == 0 {
        return ExitCode::SUCCESS;
    }
    eprintln!(
        "offside: {} of {} lines could not be processed; see their \"error\" output lines",
        summary.failed,
        summary.failed + summary.written
    );
    ExitCode::from(1)
}

fn run_eval(args: EvalArgs) -> Result<ExitCode> {
    let engine = args.engine.engine();
    let corpus = InputSource::from_args(std::slice::from_ref(&args.corpus))
        .pop()
        .unwrap_or(InputSource::Stdin);
    let ignore_kinds: HashSet<String> = args.ignore_kinds.into_iter().collect();
    let cases = eval::load_and_scan(&engine, &corpus, &ignore_kinds)?;
    let scores = eval::score(&cases);
    let mut stdout = io::stdout().lock();
    if !args.json {
        for line in scores.miss_lines.iter().chain(&scores.fp_lines) {
            writeln!(stdout, "{line}")?;
        }
    }
    writeln!(stdout, "{}", scores.summary_json(args.json))?;
    stdout.flush()?;
    let failures = eval::check(
        &scores,
        &eval::Thresholds {
            min_flagged_recall: args.min_flagged_recall,
            min_label_recall: args.min_recall,
            max_benign_fp_rate: args.max_fp,
        },
    );
    if failures.is_empty() {
        return Ok(ExitCode::SUCCESS);
    }
    for failure in failures {
        eprintln!("offside eval: FAILED: {failure}");
    }
    Ok(ExitCode::from(1))
}

fn run_bench(args: BenchArgs) -> Result<ExitCode> {
    match args.command {
        Some(BenchCommand::Serve(args)) => return run_bench_serve(args),
        Some(BenchCommand::Docs(args)) => {
            let engine = Engine::new(EngineOptions::default());
            let options = bench_docs::DocsBenchOptions {
                pages: args.pages.max(1),
                images: args.images,
                scanned_pages: args.scanned_pages,
                ocr_threads: args.ocr_threads.map(NonZeroUsize::get),
                font: &args.font,
                repeat: args.repeat,
                seed: args.seed,
            };
            bench_docs::run(&engine, &options, &mut io::stdout().lock())?;
            return Ok(ExitCode::SUCCESS);
        }
        Some(BenchCommand::Memory(args)) => {
            let options = bench_memory::MemoryBenchOptions {
                mb: args.mb.max(0.001),
                only: &args.shape,
                max_rss_mb: args.max_rss_mb,
            };
            bench_memory::run(&options, &mut io::stdout().lock())?;
            return Ok(ExitCode::SUCCESS);
        }
        None => {}
    }
    let engine = Engine::new(EngineOptions {
        default_region: Region::US,
        ..EngineOptions::default()
    });
    let threads = args
        .threads
        .or_else(|| std::thread::available_parallelism().ok())
        .map_or(1, NonZeroUsize::get);
    let options = bench::BenchOptions {
        n_messages: args.messages,
        doc_mb: args.doc_mb.max(0.0),
        threads,
        repeat: args.repeat,
        seed: args.seed,
        shape_mb: args.shape_mb.max(0.0),
    };
    bench::run(&engine, options, &mut io::stdout().lock())?;
    Ok(ExitCode::SUCCESS)
}

fn run_bench_serve(args: BenchServeArgs) -> Result<ExitCode> {
    let remote = match args.url {
        None => None,
        Some(url) => {
            let key = args
                .key
                .ok_or_else(|| anyhow!("--url needs an API key: --key or OFFSIDE_API_KEY"))?;
            Some(bench_serve::Remote { url, key })
        }
    };
    let options = bench_serve::ServeBenchOptions {
        connections: args.connections as usize,
        duration: args.duration,
        warmup: args.warmup,
        remote,
        seed: args.seed,
    };
    let n_failed = bench_serve::run(&options, &mut io::stdout().lock())?;
    if n_failed > 0 {
        eprintln!("offside: {n_failed} requests failed; see \"errors\" in the report");
        return Ok(ExitCode::from(1));
    }
    Ok(ExitCode::SUCCESS)
}

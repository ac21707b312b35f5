//! `offside bench serve`: a load benchmark of the HTTP service's `POST /v1/check`.
//!
//! By default the real service is started as a child process (this very binary, `offside
//! serve`, on a loopback port with a throwaway SQLite file and the rate limit off), so the
//! figures include everything a caller pays for: HTTP parsing, authentication, JSON, the
//! engine, the policy and the answer. With `--url` an already running server is measured
//! instead.
//!
//! The load generator is deliberately simple and cheap, because on a small machine it
//! shares the cores with the server: a fixed number of HTTP/1.1 keep-alive connections on
//! one thread, each a closed loop (send, read the whole answer, record the latency, send the
//! next). The request bodies are serialised before the clock starts. A closed loop measures
//! the service's capacity at that concurrency; it does not model an open arrival rate, so
//! its tail latencies are those of a saturated server with N requests in flight.

use std::io::{BufRead, BufReader, Write};
use std::net::SocketAddr;
use std::process::{Child, Command, ExitStatus, Stdio};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError};
use std::sync::Arc;
use std::time::{Duration, Instant};

use anyhow::{anyhow, bail, Context as _, Result};
use hdrhistogram::Histogram;
use http_body_util::{BodyExt as _, Full};
use hyper::body::Bytes;
use hyper::client::conn::http1::SendRequest;
use hyper::header::{HeaderValue, AUTHORIZATION, CONTENT_TYPE, HOST};
use hyper::{Method, Request, StatusCode, Uri};
use hyper_util::rt::TokioIo;
use serde_json::json;

use crate::commands::bench::{generate_texts, grouped, per_second};

/// What to measure.
#[derive(Debug, Clone)]
pub struct ServeBenchOptions {
    /// Concurrent keep-alive connections.
    pub connections: usize,
    /// How long requests are counted.
    pub duration: Duration,
    /// How long requests are sent, and not counted, before that.
    pub warmup: Duration,
    /// A running server to measure; `None` starts one.
    pub remote: Option<Remote>,
    /// Seed of the message generator.
    pub seed: u64,
}

/// A server that is already running.
#[derive(Debug, Clone)]
pub struct Remote {
    /// Its base URL (`http://host:port`) or the full URL of its `/v1/check`.
    pub url: String,
    /// An API key with the `check` (or `ingest`, or `admin`) scope.
    pub key: String,
}

/// Distinct events sent, round robin; enough that no cache of the server's could hide the
/// engine's cost, few enough to build in a blink.
const N_EVENTS: usize = 10_000;

/// A request without an answer for this long counts as a transport error.
const REQUEST_TIMEOUT: Duration = Duration::from_secs(10);

/// How long a started server has to print the address it listens on.
const START_TIMEOUT: Duration = Duration::from_secs(30);

/// How long a server has to shut down after SIGTERM before it is killed.
const STOP_TIMEOUT: Duration = Duration::from_secs(10);

/// Cores used by other processes above which the report says the figures are disturbed.
const BUSY_MACHINE_CORES: f64 = 0.2;

/// Latencies are recorded in nanoseconds, from 1 µs to a minute, to 3 significant digits.
const LOWEST_NANOS: u64 = 1_000;
const HIGHEST_NANOS: u64 = 60_000_000_000;

/// Runs the benchmark and prints the report to `out`. Returns the number of requests that
/// failed (non-200 answers and transport errors) in the measured phase.
pub fn run(options: &ServeBenchOptions, out: &mut dyn Write) -> Result<u64> {
    if cfg!(debug_assertions) {
        writeln!(
            out,
            "warning: this is a debug build; use `cargo run --release` for meaningful figures"
        )?;
    }
    let (bodies, n_with_contact) = generate_events(N_EVENTS, options.seed);
    let mut server = None;
    let target = match &options.remote {
        Some(remote) => Target::parse(&remote.url, &remote.key)?,
        None => {
            let started = ServerProcess::start()?;
            let target = Target::local(started.addr, &started.key)?;
            server = Some(started);
            target
        }
    };
    writeln!(
        out,
        "target: POST {}{}",
        target.display_url,
        match &server {
            Some(server) => format!(
                " (`offside serve`, pid {}, started for this run: SQLite in a temporary directory, rate limit off)",
                server.child.id()
            ),
            None => " (a running server)".to_owned(),
        }
    )?;
    writeln!(
        out,
        "load: {} HTTP/1.1 keep-alive connections, each a closed loop, from 1 client thread; {:.1} s warm-up, then {:.1} s measured",
        options.connections,
        options.warmup.as_secs_f64(),
        options.duration.as_secs_f64()
    )?;
    writeln!(
        out,
        "events: {} distinct, sent round robin ({:.1}% carry contact details)",
        grouped(bodies.len() as f64),
        100.0 * n_with_contact as f64 / bodies.len().max(1) as f64
    )?;
    out.flush()?;

    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .context("cannot start the async runtime")?;
    let server_pid = server.as_ref().map(|server| server.child.id());
    let load = runtime.block_on(generate_load(Arc::new(target), bodies, options, server_pid));
    // Read the server's memory while it still runs, before stopping it.
    let memory = server_pid.and_then(memory_of);
    let exited_early = match server.as_mut() {
        Some(server) => server.exited()?,
        None => None,
    };
    let load = load?;
    write_report(out, &load, memory, server_pid.is_some())?;
    if let Some((status, stderr)) = exited_early {
        writeln!(
            out,
            "the server exited during the run ({status}); its standard error:\n{stderr}"
        )?;
    }
    out.flush()?;
    if let Some(mut server) = server {
        server.stop()?;
    }
    Ok(load.tally.n_status_errors + load.tally.n_transport_errors)
}

/// Pre-serialised `/v1/check` events and how many carry contact details. Most are
/// messages between two parties without a contract (where the contact rule bites); some
/// are proposals, profiles, or sent under an active or ended contract.
fn generate_events(n_events: usize, seed: u64) -> (Vec<Bytes>, usize) {
    let texts = generate_texts(n_events, seed);
    let n_with_contact = texts.iter().filter(|(_, has_contact)| *has_contact).count();
    let bodies = texts
        .into_iter()
        .enumerate()
        .map(|(event_idx, (text, _))| {
            let shape = event_idx % 10;
            let surface = match shape {
                8 => "proposal",
                9 => "profile",
                _ => "message",
            };
            let relationship = match shape {
                5 | 6 => json!({"state": "active", "first_contract_at": "2026-01-12T09:00:00Z"}),
                7 => json!({
                    "state": "ended",
                    "first_contract_at": "2025-03-03T09:00:00Z",
                    "ended_at": "2025-09-30T17:00:00Z"
                }),
                _ => json!({"state": "none"}),
            };
            let mut event = json!({
                "id": format!("bench-{event_idx}"),
                "text": text,
                "surface": surface,
                "at": "2026-05-06T10:00:00Z",
                "sender": {"id": format!("f{}", event_idx % 997), "role": "freelancer"},
                "relationship": relationship,
            });
            if surface != "profile" {
                event["recipient"] =
                    json!({"id": format!("c{}", event_idx % 991), "role": "client"});
            }
            Bytes::from(event.to_string())
        })
        .collect();
    (bodies, n_with_contact)
}

/// Where the requests go.
struct Target {
    /// Resolved once; every connection goes to this address.
    addr: SocketAddr,
    /// The request target (`/v1/check`, or the path the URL gave).
    path: Uri,
    host: HeaderValue,
    authorization: HeaderValue,
    display_url: String,
}

impl Target {
    fn local(addr: SocketAddr, key: &str) -> Result<Target> {
        Target::parse(&format!("http://{addr}"), key)
    }

    /// A target from a URL given by the user: `http://host[:port][/prefix]`, to which
    /// `/v1/check` is appended unless the URL already ends with it.
    fn parse(url: &str, key: &str) -> Result<Target> {
        let uri: Uri = url
            .trim()
            .parse()
            .map_err(|error| anyhow!("--url {url:?}: not a URL: {error}"))?;
        match uri.scheme_str() {
            Some("http") => {}
            Some(other) => bail!("--url {url:?}: only http:// is supported, not {other}://"),
            None => bail!("--url {url:?}: expected http://HOST[:PORT]"),
        }
        let Some(authority) = uri.authority() else {
            bail!("--url {url:?}: no host");
        };
        if authority.as_str().contains('@') {
            bail!("--url {url:?}: credentials in the URL are not supported; use --key");
        }
        let host = uri.host().unwrap_or_default();
        if host.is_empty() {
            bail!("--url {url:?}: no host");
        }
        if uri.query().is_some() {
            bail!("--url {url:?}: a query string is not supported");
        }
        let port = uri.port_u16().unwrap_or(80);
        let path = uri.path().trim_end_matches('/');
        let path = if path.ends_with("/v1/check") {
            path.to_owned()
        } else {
            format!("{path}/v1/check")
        };
        let path: Uri = path
            .parse()
            .map_err(|error| anyhow!("--url {url:?}: bad path: {error}"))?;
        let host_port = format!("{host}:{port}");
        let addr = std::net::ToSocketAddrs::to_socket_addrs(&host_port)
            .map_err(|error| anyhow!("--url {url:?}: cannot resolve {host_port}: {error}"))?
            .next()
            .ok_or_else(|| anyhow!("--url {url:?}: {host_port} resolves to no address"))?;
        let key = key.trim();
        if key.is_empty() {
            bail!("the API key is empty");
        }
        let authorization = HeaderValue::from_str(&format!("Bearer {key}"))
            .map_err(|_| anyhow!("the API key has characters that cannot go in a header"))?;
        let host = HeaderValue::from_str(authority.as_str())
            .map_err(|_| anyhow!("--url {url:?}: the host cannot go in a header"))?;
        Ok(Target {
            addr,
            display_url: format!("http://{authority}{path}"),
            path,
            host,
            authorization,
        })
    }

    fn request(&self, body: Bytes) -> Request<Full<Bytes>> {
        let mut request = Request::new(Full::new(body));
        *request.method_mut() = Method::POST;
        *request.uri_mut() = self.path.clone();
        let headers = request.headers_mut();
        headers.insert(HOST, self.host.clone());
        headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
        headers.insert(AUTHORIZATION, self.authorization.clone());
        request
    }
}

type Sender = SendRequest<Full<Bytes>>;

/// A new keep-alive connection; its driver runs as a task of its own.
async fn connect(target: &Target) -> Result<Sender> {
    let stream = tokio::net::TcpStream::connect(target.addr)
        .await
        .with_context(|| format!("cannot connect to {}", target.addr))?;
    stream.set_nodelay(true).context("cannot set TCP_NODELAY")?;
    let (sender, connection) = hyper::client::conn::http1::handshake(TokioIo::new(stream))
        .await
        .context("HTTP/1.1 handshake failed")?;
    tokio::spawn(async move {
        // Its errors reach the sender's next request, where they are counted.
        let _ = connection.await;
    });
    Ok(sender)
}

/// What one request came to.
enum Outcome {
    /// An answer, whatever its status, with its body.
    Answer(StatusCode, Bytes),
    /// No answer: the connection failed or the request timed out.
    Transport(String),
}

async fn send(sender: &mut Sender, request: Request<Full<Bytes>>) -> Outcome {
    let exchange = async {
        sender.ready().await?;
        let response = sender.send_request(request).await?;
        let status = response.status();
        let body = response.into_body().collect().await?.to_bytes();
        Ok::<_, hyper::Error>((status, body))
    };
    match tokio::time::timeout(REQUEST_TIMEOUT, exchange).await {
        Ok(Ok((status, body))) => Outcome::Answer(status, body),
        Ok(Err(error)) => Outcome::Transport(error.to_string()),
        Err(_) => Outcome::Transport(format!("no answer within {} s", REQUEST_TIMEOUT.as_secs())),
    }
}

/// One request before the load, so that a wrong URL or key gives one clear error instead
/// of a report full of failures.
async fn probe(target: &Target, body: Bytes) -> Result<()> {
    let mut sender = connect(target).await?;
    match send(&mut sender, target.request(body)).await {
        Outcome::Answer(StatusCode::OK, _) => Ok(()),
        Outcome::Answer(status, body) => bail!(
            "POST {} answered {status}: {}",
            target.display_url,
            excerpt(&body)
        ),
        Outcome::Transport(error) => bail!("POST {}: {error}", target.display_url),
    }
}

/// The first bytes of an answer, for an error message.
fn excerpt(body: &[u8]) -> String {
    let text = String::from_utf8_lossy(body);
    let text = text.trim();
    match text.char_indices().nth(300) {
        Some((cut, _)) => format!("{}...", &text[..cut]),
        None => text.to_owned(),
    }
}

/// When the phases start and end.
#[derive(Clone, Copy)]
struct Schedule {
    /// Requests started from here on are counted.
    measured_from: Instant,
    /// No request is started from here on.
    end: Instant,
}

/// The first failure, to show.
struct FirstError {
    at: Instant,
    what: String,
}

/// What one connection, then all of them, measured.
struct Tally {
    latencies: Histogram<u64>,
    n_ok: u64,
    n_status_errors: u64,
    n_transport_errors: u64,
    first_error: Option<FirstError>,
    /// When the last counted request was answered.
    last_answer: Option<Instant>,
}

impl Tally {
    fn new() -> Result<Tally> {
        Ok(Tally {
            latencies: Histogram::new_with_bounds(LOWEST_NANOS, HIGHEST_NANOS, 3)
                .map_err(|error| anyhow!("cannot make a latency histogram: {error}"))?,
            n_ok: 0,
            n_status_errors: 0,
            n_transport_errors: 0,
            first_error: None,
            last_answer: None,
        })
    }

    fn note_error(&mut self, at: Instant, what: String) {
        if self.first_error.is_none() {
            self.first_error = Some(FirstError { at, what });
        }
    }

    fn merge(&mut self, other: Tally) -> Result<()> {
        self.latencies
            .add(&other.latencies)
            .map_err(|error| anyhow!("cannot merge latency histograms: {error}"))?;
        self.n_ok += other.n_ok;
        self.n_status_errors += other.n_status_errors;
        self.n_transport_errors += other.n_transport_errors;
        if let Some(theirs) = other.first_error {
            if self
                .first_error
                .as_ref()
                .is_none_or(|ours| theirs.at < ours.at)
            {
                self.first_error = Some(theirs);
            }
        }
        self.last_answer = self.last_answer.max(other.last_answer);
        Ok(())
    }
}

/// One connection's closed loop, from its first request to `schedule.end`.
async fn drive_connection(
    target: Arc<Target>,
    bodies: Arc<[Bytes]>,
    first_body: usize,
    schedule: Schedule,
) -> Result<Tally> {
    let mut tally = Tally::new()?;
    let mut body_idx = first_body;
    let mut sender = None;
    loop {
        let now = Instant::now();
        if now >= schedule.end {
            break;
        }
        let counted = now >= schedule.measured_from;
        let connection = match sender.as_mut() {
            Some(connection) => connection,
            None => match connect(&target).await {
                Ok(connection) => sender.insert(connection),
                Err(error) => {
                    // The server is gone or refuses connections: stop this loop rather
                    // than spin on errors. Counted even in the warm-up, since the
                    // measured phase then runs with a connection fewer.
                    tally.n_transport_errors += 1;
                    tally.note_error(now, format!("{error:#}"));
                    break;
                }
            },
        };
        let request = target.request(bodies[body_idx].clone());
        body_idx = (body_idx + 1) % bodies.len();
        let started = Instant::now();
        let outcome = send(connection, request).await;
        let answered = Instant::now();
        match outcome {
            Outcome::Answer(status, body) => {
                if !counted {
                    continue;
                }
                tally
                    .latencies
                    .saturating_record(answered.duration_since(started).as_nanos() as u64);
                tally.last_answer = Some(answered);
                if status == StatusCode::OK {
                    tally.n_ok += 1;
                } else {
                    tally.n_status_errors += 1;
                    tally.note_error(started, format!("status {status}: {}", excerpt(&body)));
                }
            }
            Outcome::Transport(error) => {
                // The connection is in an unknown state: open a new one.
                sender = None;
                if counted {
                    tally.n_transport_errors += 1;
                    tally.last_answer = Some(answered);
                    tally.note_error(started, format!("transport error: {error}"));
                }
            }
        }
    }
    Ok(tally)
}

/// Everything the load phase measured.
struct LoadResult {
    tally: Tally,
    /// From the start of the measured phase to the last counted answer.
    elapsed: Duration,
    /// CPU time in the measured phase, in cores.
    cpu: CpuUse,
}

async fn generate_load(
    target: Arc<Target>,
    bodies: Vec<Bytes>,
    options: &ServeBenchOptions,
    server_pid: Option<u32>,
) -> Result<LoadResult> {
    let Some(first) = bodies.first() else {
        bail!("no events to send");
    };
    probe(&target, first.clone()).await?;
    let bodies: Arc<[Bytes]> = bodies.into();
    let started = Instant::now();
    let measured_from = started + options.warmup;
    let schedule = Schedule {
        measured_from,
        end: measured_from + options.duration,
    };
    let stride = bodies.len() / options.connections.max(1);
    let tasks: Vec<_> = (0..options.connections)
        .map(|connection_idx| {
            tokio::spawn(drive_connection(
                Arc::clone(&target),
                Arc::clone(&bodies),
                (connection_idx * stride) % bodies.len(),
                schedule,
            ))
        })
        .collect();
    tokio::time::sleep_until(measured_from.into()).await;
    let cpu_before = cpu_sample(server_pid);
    let mut tally = Tally::new()?;
    for task in tasks {
        let connection_tally = task
            .await
            .map_err(|error| anyhow!("a connection's task failed: {error}"))??;
        tally.merge(connection_tally)?;
    }
    let cpu_after = cpu_sample(server_pid);
    let elapsed = tally
        .last_answer
        .map_or(options.duration, |last| {
            last.saturating_duration_since(measured_from)
        })
        .max(Duration::from_micros(1));
    Ok(LoadResult {
        tally,
        elapsed,
        cpu: cpu_before.cores_until(&cpu_after),
    })
}

/// CPU time so far, in clock ticks: of the server, of this process, and of the whole
/// machine (what else ran shares the cores with the benchmark, and is worth knowing).
struct CpuSample {
    at: Instant,
    server_ticks: Option<u64>,
    own_ticks: Option<u64>,
    machine_ticks: Option<u64>,
}

/// Cores kept busy during the measured phase (1.0: one core all the time).
struct CpuUse {
    server: Option<f64>,
    load_generator: Option<f64>,
    machine: Option<f64>,
}

fn cpu_sample(server_pid: Option<u32>) -> CpuSample {
    CpuSample {
        at: Instant::now(),
        server_ticks: server_pid.and_then(|pid| cpu_ticks(&format!("/proc/{pid}/stat"))),
        own_ticks: cpu_ticks("/proc/self/stat"),
        machine_ticks: machine_busy_ticks(),
    }
}

impl CpuSample {
    fn cores_until(&self, later: &CpuSample) -> CpuUse {
        let seconds = later.at.duration_since(self.at).as_secs_f64().max(1e-9);
        let ticks_per_second = rustix::param::clock_ticks_per_second().max(1) as f64;
        let cores = |before: Option<u64>, after: Option<u64>| {
            Some(after?.saturating_sub(before?) as f64 / ticks_per_second / seconds)
        };
        CpuUse {
            server: cores(self.server_ticks, later.server_ticks),
            load_generator: cores(self.own_ticks, later.own_ticks),
            machine: cores(self.machine_ticks, later.machine_ticks),
        }
    }
}

/// Busy time of all the machine's cores (everything but idle and I/O wait), from the
/// first line of `/proc/stat`.
fn machine_busy_ticks() -> Option<u64> {
    let stat = std::fs::read_to_string("/proc/stat").ok()?;
    let line = stat.lines().next()?.strip_prefix("cpu ")?;
    let fields: Vec<u64> = line
        .split_whitespace()
        .map(|field| field.parse().ok())
        .collect::<Option<_>>()?;
    // user nice system idle iowait irq softirq steal (guest time is already in user).
    let busy = fields
        .iter()
        .take(8)
        .enumerate()
        .filter(|(idx, _)| *idx != 3 && *idx != 4);
    Some(busy.map(|(_, ticks)| ticks).sum())
}

/// User plus system time of a process, from `/proc/PID/stat` (Linux only).
fn cpu_ticks(path: &str) -> Option<u64> {
    let stat = std::fs::read_to_string(path).ok()?;
    // The command name may hold spaces and parentheses; the fields after it do not.
    let after_name = &stat[stat.rfind(')')? + 1..];
    let mut fields = after_name.split_whitespace().skip(11);
    let user: u64 = fields.next()?.parse().ok()?;
    let system: u64 = fields.next()?.parse().ok()?;
    Some(user + system)
}

/// A process's resident set size now and at its peak, in kB, from `/proc/PID/status`.
fn memory_of(pid: u32) -> Option<(u64, u64)> {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    let field = |name: &str| -> Option<u64> {
        let line = status.lines().find(|line| line.starts_with(name))?;
        line.split_whitespace().nth(1)?.parse().ok()
    };
    Some((field("VmRSS:")?, field("VmHWM:")?))
}

fn megabytes(kb: u64) -> String {
    format!("{:.1} MB", kb as f64 * 1024.0 / 1e6)
}

fn write_report(
    out: &mut dyn Write,
    load: &LoadResult,
    memory: Option<(u64, u64)>,
    spawned: bool,
) -> Result<()> {
    let tally = &load.tally;
    let n_errors = tally.n_status_errors + tally.n_transport_errors;
    let n_requests = tally.n_ok + n_errors;
    writeln!(
        out,
        "{:<40}{} in {:.3} s",
        "requests:",
        grouped(n_requests as f64),
        load.elapsed.as_secs_f64()
    )?;
    writeln!(
        out,
        "{:<40}{}",
        "requests/s:",
        grouped(per_second(n_requests as f64, load.elapsed))
    )?;
    let latency = |quantile: f64| Duration::from_nanos(tally.latencies.value_at_quantile(quantile));
    if tally.latencies.is_empty() {
        writeln!(out, "{:<40}no answers", "latency:")?;
    } else {
        writeln!(
            out,
            "{:<40}p50 {:.2?}  p90 {:.2?}  p99 {:.2?}  p99.9 {:.2?}  max {:.2?}",
            "latency:",
            latency(0.50),
            latency(0.90),
            latency(0.99),
            latency(0.999),
            Duration::from_nanos(tally.latencies.max())
        )?;
    }
    writeln!(
        out,
        "{:<40}{} ({} non-200 answers, {} transport errors)",
        "errors:",
        grouped(n_errors as f64),
        grouped(tally.n_status_errors as f64),
        grouped(tally.n_transport_errors as f64)
    )?;
    if let Some(first) = &tally.first_error {
        writeln!(out, "{:<40}{}", "first error:", first.what)?;
    }
    let rss = match memory {
        Some((current, peak)) => format!("{} now, {} peak", megabytes(current), megabytes(peak)),
        None if spawned => "unknown (no /proc/PID/status)".to_owned(),
        None => "not measured (the server was not started by this run)".to_owned(),
    };
    writeln!(out, "{:<40}{rss}", "server RSS:")?;
    let cores = |cores: Option<f64>| cores.map_or("unknown".to_owned(), |c| format!("{c:.2}"));
    let cpu = &load.cpu;
    let mut parts = Vec::new();
    if spawned {
        parts.push(format!("server {}", cores(cpu.server)));
    }
    parts.push(format!("load generator {}", cores(cpu.load_generator)));
    let ours = cpu
        .load_generator
        .zip(if spawned { cpu.server } else { Some(0.0) });
    let mut everything_else = None;
    if let (Some(machine), Some((client, server))) = (cpu.machine, ours) {
        let other = (machine - client - server).max(0.0);
        if spawned {
            parts.push(format!("everything else {other:.2}"));
            everything_else = Some(other);
        } else {
            parts.push(format!(
                "everything else (a server on this machine too) {other:.2}"
            ));
        }
    }
    writeln!(
        out,
        "{:<40}{} (of {} cores)",
        "CPU busy (cores):",
        parts.join(", "),
        std::thread::available_parallelism().map_or(1, |n| n.get())
    )?;
    if everything_else.is_some_and(|other| other > BUSY_MACHINE_CORES) {
        writeln!(
            out,
            "note: other processes kept the machine busy during the run; the figures are lower than on a quiet machine"
        )?;
    }
    Ok(())
}

/// A server started for the run: `offside serve` on a free loopback port, with a fresh
/// SQLite database in a temporary directory and a random master key. Stopped (SIGTERM,
/// then SIGKILL if it lingers) when dropped, on every path out.
struct ServerProcess {
    child: Child,
    addr: SocketAddr,
    key: String,
    stderr: Receiver<String>,
    /// Removed after the server has stopped (fields drop after `Drop::drop`).
    _dir: tempfile::TempDir,
}

impl ServerProcess {
    fn start() -> Result<ServerProcess> {
        let exe = std::env::current_exe()
            .context("cannot find the offside binary to start the server with")?;
        let dir = tempfile::Builder::new()
            .prefix("offside-bench-")
            .tempdir()
            .context("cannot create a temporary directory for the server's database")?;
        let database = format!("sqlite:{}", dir.path().join("bench.db").display());
        let key = random_hex(16)?;
        // A fresh ledger for the run: any secret fits, it dies with the directory.
        let hash_secret = random_hex(32)?;
        let mut child = Command::new(&exe)
            .args(["serve", "--listen", "127.0.0.1:0", "--rate-limit", "0"])
            .args(["--database", &database, "--master-key", &key])
            .env_remove("OFFSIDE_MASTER_KEY")
            .env("OFFSIDE_HASH_SECRET", &hash_secret)
            .env_remove("OFFSIDE_DATABASE")
            // The service's own log level: a RUST_LOG=debug left in the environment would
            // log every request and measure the logger.
            .env_remove("RUST_LOG")
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .with_context(|| format!("cannot start {} serve", exe.display()))?;
        let Some(stderr) = child.stderr.take() else {
            let _ = child.kill();
            let _ = child.wait();
            bail!("the server's standard error was not captured");
        };
        let (lines, receiver) = mpsc::channel();
        std::thread::spawn(move || {
            for line in BufReader::new(stderr).lines() {
                let Ok(line) = line else { break };
                if lines.send(line).is_err() {
                    break;
                }
            }
        });
        let mut server = ServerProcess {
            child,
            addr: SocketAddr::from(([127, 0, 0, 1], 0)),
            key,
            stderr: receiver,
            _dir: dir,
        };
        server.addr = server.wait_for_address()?;
        Ok(server)
    }

    /// Reads the server's standard error until it says where it listens.
    fn wait_for_address(&mut self) -> Result<SocketAddr> {
        let deadline = Instant::now() + START_TIMEOUT;
        let mut seen = Vec::new();
        loop {
            let left = deadline.saturating_duration_since(Instant::now());
            match self.stderr.recv_timeout(left) {
                Ok(line) => {
                    if let Some(addr) = line.strip_prefix("offside: listening on http://") {
                        return addr.trim().parse().map_err(|error| {
                            anyhow!("the server printed an address that does not parse: {addr:?}: {error}")
                        });
                    }
                    seen.push(line);
                }
                Err(RecvTimeoutError::Timeout) => bail!(
                    "the server did not say where it listens within {} s; its standard error:\n{}",
                    START_TIMEOUT.as_secs(),
                    seen.join("\n")
                ),
                Err(RecvTimeoutError::Disconnected) => {
                    let status = self
                        .child
                        .wait()
                        .map_or_else(|error| error.to_string(), |status| status.to_string());
                    bail!(
                        "the server exited ({status}) before listening; its standard error:\n{}",
                        seen.join("\n")
                    );
                }
            }
        }
    }

    /// The exit status and standard error of a server that has already exited.
    fn exited(&mut self) -> Result<Option<(ExitStatus, String)>> {
        let Some(status) = self
            .child
            .try_wait()
            .context("cannot wait for the server")?
        else {
            return Ok(None);
        };
        let stderr: Vec<String> = self.stderr.try_iter().collect();
        Ok(Some((status, stderr.join("\n"))))
    }

    /// SIGTERM, then waits for the server to finish; SIGKILL when it does not in time.
    fn stop(&mut self) -> Result<()> {
        if self.child.try_wait()?.is_some() {
            return Ok(());
        }
        let pid = rustix::process::Pid::from_child(&self.child);
        if rustix::process::kill_process(pid, rustix::process::Signal::TERM).is_err() {
            // Already gone, or not ours to signal: make sure and reap it.
            let _ = self.child.kill();
            self.child.wait()?;
            return Ok(());
        }
        let deadline = Instant::now() + STOP_TIMEOUT;
        while Instant::now() < deadline {
            if let Some(status) = self.child.try_wait()? {
                if !status.success() {
                    let stderr: Vec<String> = self.stderr.try_iter().collect();
                    eprintln!(
                        "offside: warning: the server exited with {status} on SIGTERM; its standard error:\n{}",
                        stderr.join("\n")
                    );
                }
                return Ok(());
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        eprintln!(
            "offside: warning: the server did not stop within {} s of SIGTERM; killing it",
            STOP_TIMEOUT.as_secs()
        );
        let _ = self.child.kill();
        self.child.wait()?;
        Ok(())
    }
}

impl Drop for ServerProcess {
    fn drop(&mut self) {
        if let Err(error) = self.stop() {
            eprintln!("offside: warning: cannot stop the server: {error}");
            let _ = self.child.kill();
            let _ = self.child.wait();
        }
    }
}

/// `n` random bytes from the operating system, as hex.
fn random_hex(n: usize) -> Result<String> {
    let mut bytes = vec![0u8; n];
    getrandom::fill(&mut bytes)
        .map_err(|error| anyhow!("the system random generator failed: {error}"))?;
    Ok(bytes.iter().map(|byte| format!("{byte:02x}")).collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn generated_events_are_valid_check_requests() {
        let (bodies, n_with_contact) = generate_events(2000, 3);
        assert_eq!(bodies.len(), 2000);
        assert!((100..300).contains(&n_with_contact), "{n_with_contact}");
        for body in &bodies {
            let event: offside_policy::Event<offside_policy::event::PartyId> =
                serde_json::from_slice(body)
                    .unwrap_or_else(|error| panic!("{}: {error}", String::from_utf8_lossy(body)));
            assert!(event.text.is_some());
        }
        assert_eq!(bodies, generate_events(2000, 3).0);
    }

    #[test]
    fn urls_are_checked() {
        let target = Target::parse("http://127.0.0.1:8080", "k").unwrap();
        assert_eq!(target.display_url, "http://127.0.0.1:8080/v1/check");
        assert_eq!(target.path, "/v1/check");
        let target = Target::parse("http://127.0.0.1:8080/api/v1/check/", "k").unwrap();
        assert_eq!(target.path, "/api/v1/check");
        let target = Target::parse("http://[::1]/api", "k").unwrap();
        assert_eq!(target.path, "/api/v1/check");
        assert_eq!(target.addr.port(), 80);
        for (url, error) in [
            ("127.0.0.1:8080", "expected http://"),
            ("https://127.0.0.1", "only http://"),
            ("http://", "not a URL"),
            ("not a url", "not a URL"),
            ("http://127.0.0.1:8080?x=1", "query string"),
            ("http://user:pw@127.0.0.1:8080", "credentials"),
        ] {
            let message = format!("{:#}", Target::parse(url, "k").err().unwrap());
            assert!(message.contains(error), "{url}: {message}");
        }
        let message = format!(
            "{:#}",
            Target::parse("http://127.0.0.1", " ").err().unwrap()
        );
        assert!(message.contains("key is empty"), "{message}");
    }

    #[test]
    fn proc_stat_fields() {
        assert!(cpu_ticks("/proc/self/stat").is_some());
        assert!(memory_of(std::process::id()).is_some());
        assert!(machine_busy_ticks().is_some());
    }
}

//! The service under hostile load: a real `offside serve` on loopback, attacked the ways a
//! stranger can (a sign-in flood, connections that never finish their headers, oversized
//! ids, a padded attachment, requests without a key), with bounded counts and times. Each
//! server is killed when its test ends (see `common::server::Server`'s `Drop`).
//!
//! The bounds asserted are the ones the service promises (memory, closure within the
//! header timeout plus slack, a cache within its byte budget, `/healthz` within a second);
//! the slack is generous because the machine running the tests may be busy.

mod common;

use std::io::{Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use common::server::{HttpResponse, Server};
use serde_json::{json, Value};

/// How long `/healthz` may take under a flood before the service counts as stuck. This
/// tells "still answering" from "queued behind the flood" (tens of seconds when the
/// paths were unbounded); it is not a speed target, which belongs in the benchmarks,
/// so it leaves room for a loaded two-core machine.
const STUCK: Duration = Duration::from_secs(10);

/// The floods run one at a time, so that each measures its own load and not another's.
static FLOODS: Mutex<()> = Mutex::new(());

fn alone() -> std::sync::MutexGuard<'static, ()> {
    FLOODS
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
}

const MASTER: &str = "osk_hardening_master_key_0123456789abcdef";

fn database(dir: &tempfile::TempDir) -> String {
    format!("sqlite:{}", dir.path().join("offside.db").display())
}

fn start(dir: &tempfile::TempDir, args: &[&str]) -> Server {
    Server::spawn(
        Some(&database(dir)),
        None,
        args,
        &[("OFFSIDE_MASTER_KEY", MASTER)],
    )
}

/// Raises this process's open-files limit to its hard limit (the flood tests hold
/// thousands of sockets).
fn raise_open_files_limit() {
    let mut limit = libc::rlimit {
        rlim_cur: 0,
        rlim_max: 0,
    };
    // SAFETY: getrlimit and setrlimit only read and write the struct passed.
    unsafe {
        if libc::getrlimit(libc::RLIMIT_NOFILE, &mut limit) == 0 && limit.rlim_cur < limit.rlim_max
        {
            limit.rlim_cur = limit.rlim_max;
            libc::setrlimit(libc::RLIMIT_NOFILE, &limit);
        }
    }
}

/// The resident memory of a process, in bytes.
fn rss_bytes(pid: u32) -> u64 {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap_or_default();
    status
        .lines()
        .find_map(|line| line.strip_prefix("VmRSS:"))
        .and_then(|rest| rest.split_whitespace().next())
        .and_then(|kb| kb.parse::<u64>().ok())
        .map_or(0, |kb| kb * 1024)
}

/// How long `GET /healthz` takes, or `None` when it fails.
fn healthz_latency(addr: SocketAddr) -> Option<Duration> {
    let started = Instant::now();
    let response = common::server::send(addr, "GET", "/healthz", &[], b"").ok()?;
    (response.status == 200).then(|| started.elapsed())
}

/// Samples the server's RSS and `/healthz` latency until stopped: (max RSS, max latency,
/// failed probes, probes).
struct Monitor {
    stop: Arc<AtomicBool>,
    handle: std::thread::JoinHandle<(u64, Duration, usize, usize)>,
}

impl Monitor {
    fn start(server: &Server) -> Monitor {
        let stop = Arc::new(AtomicBool::new(false));
        let (pid, addr, flag) = (server.child.id(), server.addr, stop.clone());
        let handle = std::thread::spawn(move || {
            let (mut max_rss, mut max_latency, mut failed, mut probes) = (0, Duration::ZERO, 0, 0);
            while !flag.load(Ordering::Relaxed) {
                max_rss = max_rss.max(rss_bytes(pid));
                probes += 1;
                match healthz_latency(addr) {
                    Some(latency) => max_latency = max_latency.max(latency),
                    None => failed += 1,
                }
                max_rss = max_rss.max(rss_bytes(pid));
                std::thread::sleep(Duration::from_millis(50));
            }
            (max_rss, max_latency, failed, probes)
        });
        Monitor { stop, handle }
    }

    fn finish(self) -> (u64, Duration, usize, usize) {
        self.stop.store(true, Ordering::Relaxed);
        self.handle.join().expect("the monitor thread")
    }
}

fn cookie_value(response: &HttpResponse, name: &str) -> Option<String> {
    response
        .headers_named("set-cookie")
        .into_iter()
        .find_map(|cookie| cookie.strip_prefix(&format!("{name}=")))
        .map(|rest| rest.split(';').next().unwrap_or_default().to_string())
}

fn form(fields: &[(&str, &str)]) -> String {
    fields
        .iter()
        .map(|(name, value)| {
            let value: String = value
                .bytes()
                .map(|b| match b {
                    b'a'..=b'z' | b'A'..=b'Z' | b'0'..=b'9' | b'-' | b'_' | b'.' => {
                        (b as char).to_string()
                    }
                    _ => format!("%{b:02X}"),
                })
                .collect();
            format!("{name}={value}")
        })
        .collect::<Vec<_>>()
        .join("&")
}

/// The sign-in form's CSRF cookie header and token.
fn login_form(addr: SocketAddr) -> (String, String) {
    let response = common::server::send(addr, "GET", "/console/login", &[], b"").unwrap();
    assert_eq!(response.status, 200, "{response:?}");
    let token = cookie_value(&response, "offside_login_csrf").expect("the login CSRF cookie");
    (format!("offside_login_csrf={token}"), token)
}

fn sign_in(addr: SocketAddr, name: &str, password: &str) -> HttpResponse {
    let (cookie, token) = login_form(addr);
    let body = form(&[("csrf", &token), ("name", name), ("password", password)]);
    common::server::send(
        addr,
        "POST",
        "/console/login",
        &[
            ("Cookie", &cookie),
            ("Content-Type", "application/x-www-form-urlencoded"),
        ],
        body.as_bytes(),
    )
    .unwrap()
}

fn add_reviewer(dir: &tempfile::TempDir, name: &str, password: &str) {
    let output = common::offside(
        &["reviewers", "add", name, "--database", &database(dir)],
        format!("{password}\n").as_bytes(),
    );
    assert!(output.status.success(), "{}", common::stderr(&output));
}

fn metric(server: &Server, name: &str) -> f64 {
    let response = server.send("GET", "/metrics", &[], b"");
    response
        .body
        .lines()
        .filter(|line| !line.starts_with('#'))
        .find_map(|line| {
            let (key, value) = line.rsplit_once(' ')?;
            (key == name || key.starts_with(&format!("{name}{{")))
                .then(|| value.parse::<f64>().ok())
                .flatten()
        })
        .unwrap_or(0.0)
}

fn event(id: &str, conversation_id: &str, text: &str) -> Value {
    json!({
        "id": id, "text": text, "surface": "message", "at": "2026-05-06T10:00:00Z",
        "sender": {"id": "f1", "role": "freelancer"},
        "recipient": {"id": "c1", "role": "client"},
        "relationship": {"state": "none"},
        "conversation_id": conversation_id,
    })
}

/// Wrong sign-ins from 200 clients at once: argon2 runs a core's worth at a time, the
/// name and the address are locked out after a few failures (429 with Retry-After, even
/// for the right password), memory stays bounded, and /healthz keeps answering.
#[test]
fn a_sign_in_flood_is_bounded_and_locked_out() {
    let _alone = alone();
    let dir = tempfile::tempdir().unwrap();
    add_reviewer(&dir, "rita", "rita-correct-password-4417");
    let server = start(&dir, &[]);
    let addr = server.addr;
    let monitor = Monitor::start(&server);
    let statuses = Arc::new(Mutex::new(Vec::new()));
    let threads: Vec<_> = (0..200)
        .map(|n| {
            let statuses = statuses.clone();
            std::thread::spawn(move || {
                let (cookie, token) = login_form(addr);
                let body = form(&[
                    ("csrf", &token),
                    ("name", "rita"),
                    ("password", &format!("wrong-password-{n}")),
                ]);
                let response = common::server::send(
                    addr,
                    "POST",
                    "/console/login",
                    &[
                        ("Cookie", &cookie),
                        ("Content-Type", "application/x-www-form-urlencoded"),
                    ],
                    body.as_bytes(),
                );
                let answer = response.map(|r| (r.status, r.header("retry-after").is_some()));
                statuses.lock().unwrap().push(answer);
            })
        })
        .collect();
    for thread in threads {
        thread.join().unwrap();
    }
    let (max_rss, max_latency, failed_probes, probes) = monitor.finish();
    let statuses = statuses.lock().unwrap().clone();
    eprintln!(
        "sign-in flood: max RSS {} MB, /healthz max {:?} over {probes} probes",
        max_rss >> 20,
        max_latency
    );
    assert!(max_rss > 0, "RSS was read");
    assert!(max_rss < 300 << 20, "RSS {} MB", max_rss >> 20);
    assert_eq!(failed_probes, 0, "/healthz failed during the flood");
    assert!(max_latency < STUCK, "/healthz took {max_latency:?}");
    let answers: Vec<(u16, bool)> = statuses
        .into_iter()
        .map(|answer| answer.expect("every sign-in gets an answer"))
        .collect();
    for (status, retry_after) in &answers {
        assert!(
            matches!(status, 401 | 429 | 503),
            "a wrong sign-in answered {status}"
        );
        if *status != 401 {
            assert!(retry_after, "{status} without Retry-After");
        }
    }
    let wrong = answers.iter().filter(|(status, _)| *status == 401).count();
    assert!(
        wrong <= 25,
        "{wrong} passwords were checked; the lockout should stop them after a few"
    );
    assert!(answers.iter().any(|(status, _)| *status == 429));

    // Locked out: even the right password is refused, without being checked.
    let locked = sign_in(addr, "rita", "rita-correct-password-4417");
    assert_eq!(locked.status, 429, "{locked:?}");
    let retry: u64 = locked.header("retry-after").unwrap().parse().unwrap();
    assert!(retry >= 1);
}

/// 2,000 connections that never finish their headers are all closed within the header
/// timeout (plus slack), counted and logged, while /healthz answers; an idle connection
/// that sends nothing is closed the same way.
#[test]
fn slow_header_connections_are_closed_and_healthz_answers() {
    let _alone = alone();
    raise_open_files_limit();
    let dir = tempfile::tempdir().unwrap();
    let header_timeout = Duration::from_secs(3);
    let server = start(&dir, &["--header-timeout", "3"]);
    let mut streams = Vec::new();
    let opened = Instant::now();
    for n in 0..2000 {
        let mut stream = TcpStream::connect(server.addr).expect("connect");
        if n % 2 == 0 {
            stream
                .write_all(b"POST /v1/check HTTP/1.1\r\nHost: offside\r\nX-Slow: ")
                .expect("a partial head");
        }
        streams.push(stream);
    }
    let all_open = opened.elapsed();
    // /healthz answers while they are held.
    for _ in 0..5 {
        let latency = healthz_latency(server.addr).expect("/healthz answers during the flood");
        assert!(latency < STUCK, "/healthz took {latency:?}");
    }
    // Every one of them is closed by the server: a read sees the end (or a reset).
    let deadline = opened + all_open + header_timeout + Duration::from_secs(20);
    let mut closed = 0;
    for stream in &mut streams {
        let left = deadline.saturating_duration_since(Instant::now());
        stream
            .set_read_timeout(Some(left.max(Duration::from_millis(10))))
            .unwrap();
        let mut buf = [0u8; 1024];
        loop {
            match stream.read(&mut buf) {
                Ok(0) => {
                    closed += 1;
                    break;
                }
                // A 408 answer before the close is fine too.
                Ok(_) => continue,
                Err(error) if error.kind() == std::io::ErrorKind::ConnectionReset => {
                    closed += 1;
                    break;
                }
                Err(_) => break,
            }
        }
    }
    let took = opened.elapsed();
    eprintln!("slow headers: {closed} of 2000 closed after {took:?}");
    assert_eq!(closed, 2000, "connections still open after {took:?}");
    // The server counts a closure just after the socket is closed: give it a moment.
    let count_deadline = Instant::now() + Duration::from_secs(20);
    let mut counted = metric(&server, "offside_connections_timed_out_total");
    while counted < 2000.0 && Instant::now() < count_deadline {
        std::thread::sleep(Duration::from_millis(100));
        counted = metric(&server, "offside_connections_timed_out_total");
    }
    assert!(counted >= 2000.0, "{counted} closures counted");
    let logged = server
        .stderr
        .try_iter()
        .any(|line| line.contains("within the header timeout"));
    assert!(logged, "the closures are logged");
    assert!(healthz_latency(server.addr).is_some());
}

/// Past --max-connections, new connections are closed at once and the log says so; the
/// server recovers when they go.
#[test]
fn the_connection_cap_refuses_and_logs() {
    let _alone = alone();
    let dir = tempfile::tempdir().unwrap();
    let server = start(&dir, &["--max-connections", "20", "--secure-cookies"]);
    let held: Vec<TcpStream> = (0..20)
        .map(|_| TcpStream::connect(server.addr).unwrap())
        .collect();
    // Give the server the time to accept the held ones.
    let deadline = Instant::now() + Duration::from_secs(30);
    let mut refused = false;
    while Instant::now() < deadline && !refused {
        let mut extra = TcpStream::connect(server.addr).unwrap();
        extra
            .set_read_timeout(Some(Duration::from_secs(5)))
            .unwrap();
        let _ = extra.write_all(b"GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
        let mut answer = Vec::new();
        let _ = extra.read_to_end(&mut answer);
        refused = answer.is_empty();
    }
    assert!(refused, "a connection past the cap was served");
    let log_deadline = Instant::now() + Duration::from_secs(10);
    let mut logged = false;
    while !logged && Instant::now() < log_deadline {
        if let Ok(line) = server.stderr.recv_timeout(Duration::from_millis(200)) {
            logged = line.contains("connection limit reached");
        }
    }
    assert!(logged, "the refusal is logged");
    drop(held);
    let deadline = Instant::now() + Duration::from_secs(30);
    while healthz_latency(server.addr).is_none() {
        assert!(Instant::now() < deadline, "the server did not recover");
        std::thread::sleep(Duration::from_millis(50));
    }
    // --secure-cookies: the console's cookies are Secure even over plain HTTP.
    let page = server.send("GET", "/console/login", &[], b"");
    let cookie = page.header("set-cookie").unwrap().to_ascii_lowercase();
    assert!(
        cookie.split(';').any(|part| part.trim() == "secure"),
        "{cookie}"
    );
}

/// Ids are bounded and never echoed whole; the conversation cache stays within its byte
/// budget however many conversations arrive.
#[test]
fn ids_are_bounded_and_the_conversation_cache_keeps_its_budget() {
    let _alone = alone();
    let dir = tempfile::tempdir().unwrap();
    let budget = 1_000_000;
    let server = start(&dir, &["--conversation-cache-bytes", &budget.to_string()]);
    let huge = "c".repeat(100 * 1024);
    let (status, body) = server.call(
        "POST",
        "/v1/events",
        Some(MASTER),
        Some(&event("e-huge", &huge, "hello")),
    );
    assert_eq!(status, 400, "{body}");
    assert_eq!(body["error"]["code"], "invalid_request");
    let message = body["error"]["message"].as_str().unwrap();
    assert!(message.contains("conversation_id"), "{message}");
    assert!(message.len() < 300, "the message echoes the id: {message}");

    let huge_id = "i".repeat(900 * 1024);
    let (status, body) = server.call(
        "POST",
        "/v1/check",
        Some(MASTER),
        Some(&event(&huge_id, "c", "hello")),
    );
    assert_eq!(status, 400, "{body}");
    assert!(body.to_string().len() < 600, "{}", body.to_string().len());

    // 5,000 conversations with ids at the limit, from 4 clients.
    let addr = server.addr;
    let threads: Vec<_> = (0..4)
        .map(|worker| {
            std::thread::spawn(move || {
                for n in 0..1250 {
                    let conversation = format!("{worker}-{n:-<254}");
                    let conversation = &conversation[..256];
                    let id = format!("ev-{worker}-{n}");
                    let text = format!("message {n} of a long conversation {}", "x".repeat(300));
                    let (status, body) = common::server::try_request(
                        addr,
                        "POST",
                        "/v1/events",
                        Some(MASTER),
                        Some(&event(&id, conversation, &text)),
                    )
                    .unwrap();
                    assert_eq!(status, 200, "{body}");
                }
            })
        })
        .collect();
    for thread in threads {
        thread.join().unwrap();
    }
    let bytes = metric(&server, "offside_conversation_cache_bytes");
    let conversations = metric(&server, "offside_conversation_cache_conversations");
    eprintln!("conversation cache: {bytes} bytes, {conversations} conversations");
    assert!(bytes > 0.0 && bytes <= budget as f64, "{bytes} bytes");
    assert!(
        conversations > 100.0 && conversations < 5000.0,
        "{conversations}"
    );
}

fn zip_of(entries: &[(&str, &[u8])]) -> Vec<u8> {
    use zip::write::SimpleFileOptions;
    let mut writer = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    for (name, data) in entries {
        writer
            .start_file(
                *name,
                SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated),
            )
            .unwrap();
        writer.write_all(data).unwrap();
    }
    writer.finish().unwrap().into_inner()
}

/// A DOCX whose document.xml is padded with a megabyte of white space, past the inflate
/// ratio, with an address and a phone number after the padding.
fn padded_docx() -> Vec<u8> {
    let ns = r#"xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main""#;
    let padding = " ".repeat(1 << 20);
    let document = format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document {ns}><w:body><w:p><w:r><w:t>Hello</w:t></w:r></w:p>{padding}<w:p><w:r><w:t>mail jordan.lee.builds@gmail.com or call +1 415 555 2671</w:t></w:r></w:p></w:body></w:document>"#
    );
    let content_types = r#"<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>"#;
    zip_of(&[
        ("[Content_Types].xml", content_types.as_bytes()),
        ("word/document.xml", document.as_bytes()),
    ])
}

/// The padded DOCX breaks the inflate-ratio limit; it is still read as far as is safe, its
/// e-mail and phone are found, and it is decided on like any other attachment.
#[test]
fn a_padded_docx_still_shows_what_it_carries() {
    let dir = tempfile::tempdir().unwrap();
    let server = start(&dir, &[]);
    let docx = padded_docx();
    assert!(docx.len() < 8 * 1024, "{} bytes", docx.len());
    let boundary = "hardening-boundary-0xA1";
    let mut body = Vec::new();
    body.extend_from_slice(
        format!(
            "--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"padded.docx\"\r\nContent-Type: application/octet-stream\r\n\r\n"
        )
        .as_bytes(),
    );
    body.extend_from_slice(&docx);
    body.extend_from_slice(format!("\r\n--{boundary}--\r\n").as_bytes());
    let response = server.send(
        "POST",
        "/v1/attachments",
        &[
            ("Authorization", &format!("Bearer {MASTER}")),
            (
                "Content-Type",
                &format!("multipart/form-data; boundary={boundary}"),
            ),
        ],
        &body,
    );
    let answer = response.json();
    assert_eq!(response.status, 200, "{answer}");
    let error = answer["error"].as_str().unwrap_or_default();
    assert!(error.contains("ratio"), "{answer}");
    let kinds: Vec<&str> = answer["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|f| f["kind"].as_str())
        .collect();
    assert!(kinds.contains(&"email"), "{answer}");
    assert!(kinds.contains(&"phone"), "{answer}");
    assert_ne!(answer["decision"]["action"], "allow", "{answer}");
}

/// No key, no body: whatever a keyless request sends, it gets 401 before its body is read;
/// repeated wrong keys from one address are throttled with 429 and Retry-After.
#[test]
fn keyless_requests_are_refused_first_and_wrong_keys_throttled() {
    let dir = tempfile::tempdir().unwrap();
    let server = start(&dir, &[]);
    let big = format!("{{\"texts\": [\"{}\"]}}", "a".repeat(256 * 1024));
    let bodies: [(&str, &[u8]); 4] = [
        ("application/json", b"{not json"),
        ("application/json", b"{\"unknown_field\": 1}"),
        ("text/plain", b"hello"),
        ("application/json", big.as_bytes()),
    ];
    for path in ["/v1/check", "/v1/scan", "/v1/events", "/v1/attachments"] {
        for (content_type, body) in &bodies {
            let response = server.send("POST", path, &[("Content-Type", content_type)], body);
            assert_eq!(
                (response.status, response.json()["error"]["code"].as_str()),
                (401, Some("unauthorized")),
                "{path} {content_type}: {response:?}"
            );
        }
    }
    // Wrong keys from this address: a few are answered 401, then 429.
    let mut statuses = Vec::new();
    for n in 0..40 {
        let response = server.send(
            "GET",
            "/v1/review/queue",
            &[("Authorization", &format!("Bearer osk_wrong_{n}"))],
            b"",
        );
        if response.status == 429 {
            assert!(response.header("retry-after").is_some(), "{response:?}");
            assert_eq!(response.json()["error"]["code"], "rate_limited");
        }
        statuses.push(response.status);
    }
    assert!(
        statuses.contains(&401) && statuses.contains(&429),
        "{statuses:?}"
    );
}

/// Every rejection is the JSON envelope: bad path encodings, unknown paths, bad offsets.
#[test]
fn rejections_are_json_and_quote_little() {
    let dir = tempfile::tempdir().unwrap();
    let server = start(&dir, &[]);
    let auth = format!("Bearer {MASTER}");
    for (path, status) in [
        ("/v1/accounts/%FF%FE", 400),
        ("/v1/keys/%C3%28", 400),
        (&*format!("/v1/accounts/{}", "a".repeat(5000)), 400),
        (&*format!("/nowhere/{}", "z".repeat(5000)), 404),
        ("/nowhere/%FF", 404),
    ] {
        let method = if path.starts_with("/v1/keys") {
            "DELETE"
        } else {
            "GET"
        };
        let response = server.send(method, path, &[("Authorization", &auth)], b"");
        assert_eq!(response.status, status, "{path}: {response:?}");
        assert_eq!(
            response.header("content-type"),
            Some("application/json"),
            "{path}"
        );
        let answer = response.json();
        assert!(answer["error"]["code"].is_string(), "{path}: {answer}");
        assert!(response.body.len() < 600, "{path}: {}", response.body);
    }
    let mut bad_offset = event("e-offset", "c1", "hello");
    bad_offset["at"] = json!("2026-05-06T10:00:00+25:00");
    let (status, body) = server.call("POST", "/v1/check", Some(MASTER), Some(&bad_offset));
    assert_eq!(status, 400, "{body}");
    assert!(
        body["error"]["message"]
            .as_str()
            .unwrap()
            .contains("offset"),
        "{body}"
    );
}

/// The console's security headers, and Secure cookies when the request came over TLS.
#[test]
fn console_headers_and_secure_cookies() {
    let dir = tempfile::tempdir().unwrap();
    let server = start(&dir, &[]);
    let page = server.send("GET", "/console/login", &[], b"");
    assert_eq!(page.status, 200);
    let csp = page.header("content-security-policy").unwrap();
    assert!(csp.contains("default-src 'self'"), "{csp}");
    assert!(csp.contains("frame-ancestors 'none'"), "{csp}");
    assert_eq!(page.header("x-frame-options"), Some("DENY"));
    assert_eq!(page.header("x-content-type-options"), Some("nosniff"));
    assert_eq!(page.header("referrer-policy"), Some("no-referrer"));
    assert!(
        !page.body.contains("style=\""),
        "inline style breaks the CSP"
    );
    assert!(
        !page.body.contains("<script"),
        "inline script breaks the CSP"
    );
    let is_secure = |response: &HttpResponse| {
        response.headers_named("set-cookie").iter().all(|cookie| {
            cookie
                .to_ascii_lowercase()
                .split(';')
                .any(|part| part.trim() == "secure")
        })
    };
    assert!(!is_secure(&page), "plain HTTP without --secure-cookies");
    let over_tls = server.send(
        "GET",
        "/console/login",
        &[("X-Forwarded-Proto", "https")],
        b"",
    );
    assert!(is_secure(&over_tls), "{over_tls:?}");
    let api = server.send("GET", "/healthz", &[], b"");
    assert_eq!(api.header("x-content-type-options"), Some("nosniff"));
}

/// `offside reviewers disable NAME` ends the reviewer's sessions at once and stops them
/// from signing in again.
#[test]
fn a_disabled_reviewer_is_signed_out_and_kept_out() {
    let dir = tempfile::tempdir().unwrap();
    add_reviewer(&dir, "dora", "dora-correct-password-8812");
    let server = start(&dir, &[]);
    let signed_in = sign_in(server.addr, "dora", "dora-correct-password-8812");
    assert_eq!(signed_in.status, 303, "{signed_in:?}");
    let session = cookie_value(&signed_in, "offside_session").unwrap();
    let cookie = format!("offside_session={session}");
    let queue = server.send("GET", "/console", &[("Cookie", &cookie)], b"");
    assert_eq!(queue.status, 200, "{queue:?}");

    let output = common::offside(
        &[
            "reviewers",
            "disable",
            "dora",
            "--database",
            &database(&dir),
        ],
        b"",
    );
    assert!(output.status.success(), "{}", common::stderr(&output));
    let queue = server.send("GET", "/console", &[("Cookie", &cookie)], b"");
    assert_eq!(queue.status, 303, "the session ended: {queue:?}");
    let again = sign_in(server.addr, "dora", "dora-correct-password-8812");
    assert_eq!(again.status, 401, "{again:?}");
    let output = common::offside(
        &[
            "reviewers",
            "disable",
            "dora",
            "--database",
            &database(&dir),
        ],
        b"",
    );
    assert!(!output.status.success(), "disabling twice is an error");
}

/// `offside scan` reports a line over --max-line-bytes as an error line and scans the rest.
#[test]
fn scan_reports_overlong_lines_and_goes_on() {
    let long = format!(
        "{{\"id\": 2, \"text\": \"{}\"}}",
        "call +1 415 555 2671 ".repeat(1000)
    );
    let input = format!(
        "{{\"id\": 1, \"text\": \"mail a.b@example.com\"}}\n{long}\n{{\"id\": 3, \"text\": \"mail c.d@example.com\"}}\n"
    );
    for threads in ["1", "2"] {
        let output = common::offside(
            &["scan", "--max-line-bytes", "4096", "--threads", threads],
            input.as_bytes(),
        );
        let lines = common::json_lines(&output);
        assert_eq!(lines.len(), 3, "{lines:?}");
        assert_eq!(lines[0]["id"], 1);
        assert_eq!(lines[1]["line"], 2, "{}", lines[1]);
        let error = lines[1]["error"].as_str().unwrap();
        assert!(error.contains("maximum line length of 4096"), "{error}");
        assert_eq!(lines[2]["id"], 3);
        assert!(!lines[2]["findings"].as_array().unwrap().is_empty());
    }
}

/// A body that trickles in is cut off at the body timeout with a JSON error.
#[test]
fn a_trickling_body_is_cut_off() {
    let dir = tempfile::tempdir().unwrap();
    let server = start(&dir, &["--body-timeout", "2"]);
    let mut stream = TcpStream::connect(server.addr).unwrap();
    stream
        .set_read_timeout(Some(Duration::from_secs(30)))
        .unwrap();
    let head = format!(
        "POST /v1/check HTTP/1.1\r\nHost: offside\r\nAuthorization: Bearer {MASTER}\r\nContent-Type: application/json\r\nContent-Length: 1000\r\nConnection: close\r\n\r\n{{\"text\": \""
    );
    stream.write_all(head.as_bytes()).unwrap();
    let mut answer = Vec::new();
    let _ = stream.read_to_end(&mut answer);
    let answer = String::from_utf8_lossy(&answer);
    assert!(answer.starts_with("HTTP/1.1 400"), "{answer}");
    assert!(answer.contains("body timeout"), "{answer}");
    assert!(answer.contains("application/json"), "{answer}");
}

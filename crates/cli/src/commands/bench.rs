//! `offside bench`: measures the real `offside scan` path on generated marketplace messages,
//! then the engine alone on a long document and on adversarial shapes (texts built to make a
//! scan slow).
//!
//! The messages are generated in memory (deterministically, so runs compare) and fed through
//! [`pipeline::run`] exactly as `offside scan` feeds a file: line reading, borrowed JSON
//! parsing, the engine, hand-written JSON output. Only the final write goes to a sink instead
//! of standard output, so the figures do not depend on a terminal or a disk.

use std::io::{self, Write};
use std::sync::Arc;
use std::time::{Duration, Instant};

use anyhow::Result;
use offside_detect::{Engine, Region};

use crate::json_out::{self, LineLocation};
use crate::pipeline::{self, InputSource, RecordHandler, ScanHandler};
use crate::record::{Body, Record, RegionCache};

/// What to measure.
#[derive(Debug, Clone, Copy)]
pub struct BenchOptions {
    /// Number of short messages to generate.
    pub n_messages: usize,
    /// Size of the long document, in MB (10^6 bytes).
    pub doc_mb: f64,
    /// Threads for the multi-threaded pass; 1 skips it.
    pub threads: usize,
    /// Timed runs of each pass; the fastest is reported.
    pub repeat: usize,
    /// Seed of the generator.
    pub seed: u64,
    /// Size of each adversarial-shape text, in MB (10^6 bytes); 0 skips them.
    pub shape_mb: f64,
}

/// Texts built to make a detector slow: one shape repeated to the size asked for. Each is a
/// way a scan could go quadratic (runs of digits or spaced digits the phone and payment
/// finders try at every start, words the de-obfuscation joins, look-alike letters, long
/// tokens of one character, text that is all triggers). The property tests scan the same
/// shapes for panics and spans; this is where their speed is measured.
pub const ADVERSARIAL_SHAPES: &[&str] = &[
    "4 1 5 8 3 9 2 7 1 6 ",
    "1 ",
    "1234 ",
    "1234-",
    "7",
    "1234567890",
    "AB12 ",
    "AB12",
    "a",
    "acct 1234567 ",
    "é1",
    "1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa ",
    "alex at gmail dot com and ",
    "a l e x @ g m a i l . c o m ",
    "(at)[dot]{at}",
    "@@@@....",
    "ｍａｒｉａ＠ｉｃｌｏｕｄ．ｃｏｍ ",
    "whats app telegram paypal ",
    "call me +1 415 555 0132 or my gmail is alex_k. pay me directly via paypal: x@y.com ",
];

/// SplitMix64: a tiny, fast, deterministic generator; the benchmark needs variety, not
/// statistical quality.
struct Rng(u64);

impl Rng {
    fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n as u64) as usize
    }

    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }

    fn digits(&mut self, n: usize) -> String {
        (0..n)
            .map(|_| char::from(b'0' + self.below(10) as u8))
            .collect()
    }
}

const CHATTER: &[&str] = &[
    "Hi! Is this still available?",
    "Thanks, I'll leave a review once it arrives.",
    "Can you send a few more photos of the back?",
    "Great, I'll order it today then.",
    "Sorry for the late reply, I was travelling all week.",
    "No worries, take your time.",
    "I can't share my phone number here, let's keep it on the site.",
    "Could you build a Telegram bot that posts our daily prices?",
    "We need to integrate PayPal checkout into the Shopify store.",
    "The Zoom SDK crashes on Android 14, can you look at the logs?",
    "Please don't send emails, just message me here.",
    "Is the colour closer to navy or to black?",
    "Perfect, the first draft looks great. Could you make the logo a bit bigger?",
    "Does it come with the original box and charger?",
    "I'll be home after work if the courier comes today.",
    "Can you add a WhatsApp share button to the landing page?",
    "Happy to help! Let me know if anything is unclear.",
    "The package arrived damaged, I've opened a dispute through the site.",
    "ok",
    "sounds good 👍",
    "¿Sigue disponible? Me interesa mucho.",
    "Merci, je passe le chercher demain matin.",
    "Kannst du es bis Freitag verschicken?",
];

const WITH_NUMBERS: &[&str] = &[
    "Can you do {price}? I can pick up on {date}.",
    "Order #{order} shipped today, tracking should update by Friday.",
    "Part number {part} fits the 2016 model, size {size}.",
    "Lot {lot}: {qty} pieces at {price} each, shipping included.",
    "Invoice {order} for {price} is attached here on the platform.",
    "Version {version} fixed the crash; build {build} is uploaded.",
    "Dimensions: {dim} cm, weight {weight} kg.",
    "Delivery between {time} and {time} on {date}.",
    "ISBN 978-{isbn}, good condition, {price}.",
    "Ticket {order} was closed, please reopen it if the issue persists.",
    "I measured {dim} mm, serial number {part}.",
    "Meet at the station at {time}? It's {qty} minutes from me.",
];

const WITH_CONTACT: &[&str] = &[
    "email me at {user}@{provider}.com",
    "write me: {user} at {provider} dot com",
    "call me on {phone}",
    "text me {phone_words}",
    "add me on whats app {phone_intl}",
    "my insta is @{user}, DM me there",
    "t.me/{user} is faster",
    "pay me via paypal.me/{user} and I ship today",
    "send it to my venmo @{user} instead, no fees",
    "{fullwidth_email}",
    "{user}\u{200B}@\u{200B}{provider}.com",
    "join zoom.us/j/{meeting} at 5",
    "IBAN DE89 3704 0044 0532 0130 00, pay direct and skip the fees",
    "what's your number? let's talk outside this site",
    "my gmail is {user}, message me",
    "{user} (at) {provider} [dot] com",
    "my number is {phone_spaced}",
    "find me on tele gram: @{user}",
];

const USERS: &[&str] = &[
    "alex.m",
    "maya_runs",
    "jdoe88",
    "oluwaseun",
    "k.tanaka",
    "sofia.r",
    "bigmike",
    "lenaw",
];
const PROVIDERS: &[&str] = &["gmail", "outlook", "yahoo", "proton", "hotmail", "icloud"];
const AREA_CODES: &[&str] = &["415", "212", "646", "303", "512", "617", "206", "312"];
const DIGIT_WORDS: &[&str] = &[
    "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
];
const REGIONS: &[&str] = &["US", "GB", "DE", "FR", "IN"];

fn fill(template: &str, rng: &mut Rng) -> String {
    let mut out = String::with_capacity(template.len() + 32);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let Some(close) = rest[open..].find('}') else {
            break;
        };
        let name = &rest[open + 1..open + close];
        out.push_str(&placeholder(name, rng));
        rest = &rest[open + close + 1..];
    }
    out.push_str(rest);
    out
}

fn us_number(rng: &mut Rng) -> String {
    let exchange = format!("{}{}", 2 + rng.below(8), rng.digits(2));
    format!("{}{}{}", rng.pick(AREA_CODES), exchange, rng.digits(4))
}

fn placeholder(name: &str, rng: &mut Rng) -> String {
    match name {
        "price" => format!("${}.{}", 5 + rng.below(400), rng.digits(2)),
        "date" => format!("2024-{:02}-{:02}", 1 + rng.below(12), 1 + rng.below(28)),
        "order" => {
            let n_digits = 6 + rng.below(5);
            rng.digits(n_digits)
        }
        "part" => format!(
            "{}{}-{}",
            rng.pick(&["AB", "XK", "TR", "M"]),
            rng.digits(4),
            rng.digits(3)
        ),
        "size" => rng.pick(&["M", "L", "42", "10.5", "EU 39"]).to_owned(),
        "lot" => rng.digits(5),
        "qty" => (2 + rng.below(60)).to_string(),
        "version" => format!("{}.{}.{}", rng.below(5), rng.below(20), rng.below(10)),
        "build" => rng.digits(5),
        "dim" => format!(
            "{} x {} x {}",
            10 + rng.below(200),
            10 + rng.below(200),
            10 + rng.below(90)
        ),
        "weight" => format!("{}.{}", 1 + rng.below(40), rng.below(10)),
        "time" => format!("{}:{:02}", 8 + rng.below(12), rng.below(4) * 15),
        "isbn" => format!(
            "{}-{}-{}-{}",
            rng.below(10),
            rng.digits(2),
            rng.digits(6),
            rng.below(10)
        ),
        "user" => rng.pick(USERS).to_owned(),
        "provider" => rng.pick(PROVIDERS).to_owned(),
        "phone" => {
            let n = us_number(rng);
            format!("({}) {}-{}", &n[..3], &n[3..6], &n[6..])
        }
        "phone_spaced" => us_number(rng)
            .chars()
            .map(String::from)
            .collect::<Vec<_>>()
            .join(" "),
        "phone_words" => us_number(rng)
            .bytes()
            .map(|digit| DIGIT_WORDS[usize::from(digit - b'0')])
            .collect::<Vec<_>>()
            .join(" "),
        "phone_intl" => format!("+44 7911 {}", rng.digits(6)),
        "meeting" => rng.digits(10),
        "fullwidth_email" => {
            let email = format!("{}@{}.com", rng.pick(USERS), rng.pick(PROVIDERS));
            email
                .chars()
                .map(|c| {
                    if c.is_ascii_graphic() {
                        char::from_u32(c as u32 + 0xFEE0).unwrap_or(c)
                    } else {
                        c
                    }
                })
                .collect()
        }
        _ => String::new(),
    }
}

/// One short message: about 60% chatter, 30% with benign numbers, 10% with contact
/// details in one of several disguises.
fn message(rng: &mut Rng) -> (String, bool) {
    match rng.below(100) {
        0..=9 => (fill(rng.pick(WITH_CONTACT), rng), true),
        10..=39 => (fill(rng.pick(WITH_NUMBERS), rng), false),
        _ => (fill(rng.pick(CHATTER), rng), false),
    }
}

/// `n_messages` generated message texts (the mix of [`generate_messages`]), each with
/// whether it was generated with contact details.
pub(crate) fn generate_texts(n_messages: usize, seed: u64) -> Vec<(String, bool)> {
    let mut rng = Rng(seed);
    (0..n_messages).map(|_| message(&mut rng)).collect()
}

/// The generated JSONL input and how many of its messages carry contact details.
pub fn generate_messages(n_messages: usize, seed: u64) -> (Vec<u8>, usize) {
    let mut rng = Rng(seed);
    let mut jsonl = Vec::with_capacity(n_messages * 96);
    let mut n_with_contact = 0;
    for message_idx in 0..n_messages {
        let (text, has_contact) = message(&mut rng);
        n_with_contact += usize::from(has_contact);
        let _ = write!(jsonl, "{{\"id\":\"m{message_idx}\",\"text\":");
        json_out::write_str(&mut jsonl, &text);
        if rng.below(4) == 0 {
            let _ = write!(jsonl, ",\"region\":\"{}\"", rng.pick(REGIONS));
        }
        jsonl.extend_from_slice(b"}\n");
    }
    (jsonl, n_with_contact)
}

/// A long document of varied paragraphs (listings, chatter, now and then a contact detail),
/// at least `n_bytes` long.
pub fn generate_document(n_bytes: usize, seed: u64) -> String {
    let mut rng = Rng(seed);
    let mut doc = String::with_capacity(n_bytes + 1024);
    while doc.len() < n_bytes {
        let n_sentences = 4 + rng.below(6);
        for sentence_idx in 0..n_sentences {
            if sentence_idx > 0 {
                doc.push(' ');
            }
            let sentence = match rng.below(40) {
                0 => fill(rng.pick(WITH_CONTACT), &mut rng),
                1..=18 => fill(rng.pick(WITH_NUMBERS), &mut rng),
                _ => fill(rng.pick(CHATTER), &mut rng),
            };
            doc.push_str(&sentence);
        }
        doc.push_str("\n\n");
    }
    doc
}

/// A writer that only counts what it is given.
struct CountingSink(u64);

impl Write for CountingSink {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.0 += buf.len() as u64;
        Ok(buf.len())
    }
    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

/// Repeats stop early once this much time has been spent on one pass: one slow run already
/// says what there is to say.
const PASS_BUDGET: Duration = Duration::from_secs(10);

/// Runs `f` up to `repeat` times (fewer when the pass budget is spent) and returns the
/// fastest run.
fn fastest_of<F: FnMut() -> Result<()>>(repeat: usize, mut f: F) -> Result<Duration> {
    let pass_started = Instant::now();
    let mut best = Duration::MAX;
    for _ in 0..repeat.max(1) {
        let started = Instant::now();
        f()?;
        best = best.min(started.elapsed());
        if pass_started.elapsed() > PASS_BUDGET {
            break;
        }
    }
    Ok(best)
}

/// Runs `offside scan`'s path over `input` and returns the fastest run.
fn time_scan<H: RecordHandler>(
    handler: &H,
    input: &Arc<[u8]>,
    threads: usize,
    repeat: usize,
) -> Result<Duration> {
    let inputs = [InputSource::Memory(Arc::clone(input))];
    fastest_of(repeat, || {
        pipeline::run(
            handler,
            &inputs,
            threads,
            pipeline::DEFAULT_MAX_LINE_BYTES,
            &mut CountingSink(0),
        )?;
        Ok(())
    })
}

/// The `scan` path without the engine: every line gets an empty findings list. Its figure
/// is the ceiling that reading, parsing and writing JSONL put on `offside scan`.
struct NoDetectionHandler;

impl RecordHandler for NoDetectionHandler {
    fn write_record(
        &self,
        record: &Record<'_>,
        body: Body<'_, '_>,
        _region: Option<Region>,
        out: &mut Vec<u8>,
    ) {
        std::hint::black_box(body);
        json_out::write_scan_line(out, record.id, &[], false);
    }
}

/// Per-message latencies in nanoseconds (sorted) and the number of lines with findings.
fn latencies(engine: &Engine, input: &[u8]) -> (Vec<u64>, usize) {
    let handler = ScanHandler {
        engine,
        explain: false,
    };
    let mut regions = RegionCache::default();
    let mut out = Vec::with_capacity(1 << 16);
    let mut nanos = Vec::with_capacity(input.len() / 64);
    let mut n_flagged = 0;
    for (line_idx, line) in input.split_inclusive(|&b| b == b'\n').enumerate() {
        out.clear();
        let location = LineLocation {
            file: None,
            line: line_idx + 1,
        };
        let started = Instant::now();
        pipeline::process_line(&handler, &mut regions, line, location, &mut out);
        nanos.push(started.elapsed().as_nanos() as u64);
        n_flagged += usize::from(!out.ends_with(b"\"findings\":[]}\n"));
    }
    nanos.sort_unstable();
    (nanos, n_flagged)
}

fn percentile(sorted: &[u64], fraction: f64) -> Duration {
    if sorted.is_empty() {
        return Duration::ZERO;
    }
    let idx = ((sorted.len() - 1) as f64 * fraction).round() as usize;
    Duration::from_nanos(sorted[idx])
}

fn write_rate(
    out: &mut dyn Write,
    label: &str,
    n_messages: usize,
    jsonl_mb: f64,
    elapsed: Duration,
) -> Result<()> {
    writeln!(
        out,
        "{label:<40}{:>10} messages/s {:>8.1} MB/s  ({:.3} s)",
        grouped(per_second(n_messages as f64, elapsed)),
        per_second(jsonl_mb, elapsed),
        elapsed.as_secs_f64()
    )?;
    out.flush()?;
    Ok(())
}

/// Peak resident set size, from `/proc/self/status` (Linux only).
fn peak_rss() -> Option<String> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kb: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(format!("{:.1} MB", kb * 1024.0 / 1e6))
}

pub(crate) fn per_second(count: f64, elapsed: Duration) -> f64 {
    count / elapsed.as_secs_f64().max(1e-9)
}

/// Thousands separators, for figures a person reads.
pub(crate) fn grouped(n: f64) -> String {
    let digits = format!("{:.0}", n);
    let mut out = String::new();
    for (idx, c) in digits.chars().enumerate() {
        if idx > 0 && (digits.len() - idx) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// Runs the benchmark and prints the report to `out`.
pub fn run(engine: &Engine, options: BenchOptions, out: &mut dyn Write) -> Result<()> {
    if cfg!(debug_assertions) {
        writeln!(
            out,
            "warning: this is a debug build; use `cargo run --release` for meaningful figures"
        )?;
    }
    let (jsonl, n_with_contact) = generate_messages(options.n_messages, options.seed);
    let jsonl: Arc<[u8]> = jsonl.into();
    let jsonl_mb = jsonl.len() as f64 / 1e6;
    let doc = generate_document((options.doc_mb * 1e6) as usize, options.seed ^ 0xD0C);
    writeln!(
        out,
        "input: {} messages, {:.1} MB of JSONL ({:.1}% carry contact details); a {:.1} MB document",
        grouped(options.n_messages as f64),
        jsonl_mb,
        100.0 * n_with_contact as f64 / options.n_messages.max(1) as f64,
        doc.len() as f64 / 1e6
    )?;
    writeln!(
        out,
        "each figure is the fastest of {} runs (fewer when a pass takes over {} s); messages go through the whole `offside scan` path",
        options.repeat.max(1),
        PASS_BUDGET.as_secs()
    )?;
    out.flush()?;

    // Warm up caches and lazily built tables before timing anything.
    let warm_up_len = jsonl
        .iter()
        .enumerate()
        .filter(|(_, &b)| b == b'\n')
        .nth(5000)
        .map_or(jsonl.len(), |(i, _)| i + 1);
    let warm_up: Arc<[u8]> = jsonl[..warm_up_len].into();
    let handler = ScanHandler {
        engine,
        explain: false,
    };
    time_scan(&handler, &warm_up, 1, 1)?;

    let baseline = time_scan(&NoDetectionHandler, &jsonl, 1, options.repeat)?;
    write_rate(
        out,
        "JSONL only (no detection), 1 thread:",
        options.n_messages,
        jsonl_mb,
        baseline,
    )?;
    if options.threads > 1 {
        let parallel = time_scan(&NoDetectionHandler, &jsonl, options.threads, options.repeat)?;
        let label = format!("JSONL only (no detection), {} threads:", options.threads);
        write_rate(out, &label, options.n_messages, jsonl_mb, parallel)?;
    }
    let single = time_scan(&handler, &jsonl, 1, options.repeat)?;
    write_rate(
        out,
        "short messages, 1 thread:",
        options.n_messages,
        jsonl_mb,
        single,
    )?;
    if options.threads > 1 {
        let parallel = time_scan(&handler, &jsonl, options.threads, options.repeat)?;
        let label = format!("short messages, {} threads:", options.threads);
        write_rate(out, &label, options.n_messages, jsonl_mb, parallel)?;
    }

    let (nanos, n_flagged) = latencies(engine, &jsonl);
    writeln!(
        out,
        "{:<40}p50 {:.2?}  p99 {:.2?}  p99.9 {:.2?}  max {:.2?}",
        "latency per message, 1 thread:",
        percentile(&nanos, 0.50),
        percentile(&nanos, 0.99),
        percentile(&nanos, 0.999),
        percentile(&nanos, 1.0)
    )?;
    writeln!(
        out,
        "{:<40}{} ({:.1}%; {:.1}% were generated with contact details)",
        "messages with findings:",
        grouped(n_flagged as f64),
        100.0 * n_flagged as f64 / options.n_messages.max(1) as f64,
        100.0 * n_with_contact as f64 / options.n_messages.max(1) as f64
    )?;
    out.flush()?;

    let doc_mb = doc.len() as f64 / 1e6;
    let mut n_doc_findings = 0;
    let best = fastest_of(options.repeat, || {
        n_doc_findings = engine.scan(&doc, None).len();
        Ok(())
    })?;
    let write_doc_rate = |out: &mut dyn Write, label: &str, took: Duration, n_found: usize| {
        writeln!(
            out,
            "{:<40}{:>8.1} MB/s  ({:.1} MB in {:.3} s, {} findings)",
            label,
            per_second(doc_mb, took),
            doc_mb,
            took.as_secs_f64(),
            grouped(n_found as f64)
        )
    };
    write_doc_rate(out, "long document, 1 thread:", best, n_doc_findings)?;
    if options.threads > 1 {
        let mut n_found = 0;
        let best = fastest_of(options.repeat, || {
            n_found = engine.scan_parallel(&doc, None, options.threads).len();
            Ok(())
        })?;
        let label = format!("long document, {} threads:", options.threads);
        write_doc_rate(out, &label, best, n_found)?;
    }
    if options.shape_mb > 0.0 {
        let size = (options.shape_mb * 1e6) as usize;
        let mut slowest: Option<(f64, &str)> = None;
        for shape in ADVERSARIAL_SHAPES {
            let text = shape.repeat((size / shape.len()).max(1));
            let mut n_found = 0;
            let took = fastest_of(options.repeat, || {
                n_found = engine.scan(&text, None).len();
                Ok(())
            })?;
            let rate = per_second(text.len() as f64 / 1e6, took);
            let label: String = format!("{shape:?}").chars().take(28).collect();
            writeln!(
                out,
                "{:<40}{:>8.1} MB/s  ({} findings)",
                format!("shape {label}:"),
                rate,
                grouped(n_found as f64)
            )?;
            if slowest.is_none_or(|(lowest, _)| rate < lowest) {
                slowest = Some((rate, shape));
            }
        }
        if let Some((rate, shape)) = slowest {
            writeln!(
                out,
                "{:<40}{:>8.1} MB/s  ({shape:?}; {} shapes of {} MB each, 1 thread)",
                "slowest adversarial shape:",
                rate,
                ADVERSARIAL_SHAPES.len(),
                options.shape_mb
            )?;
        }
        out.flush()?;
    }
    writeln!(
        out,
        "{:<40}{}",
        "peak RSS:",
        peak_rss().unwrap_or_else(|| "unknown (no /proc/self/status)".to_owned())
    )?;
    out.flush()?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::record::Record;

    #[test]
    fn generated_lines_are_valid_records() {
        let (jsonl, n_with_contact) = generate_messages(2000, 7);
        let mut n_lines = 0;
        for line in jsonl.split(|&b| b == b'\n').filter(|l| !l.is_empty()) {
            let record = Record::parse(line).expect("generated line parses");
            record.body().expect("generated line has a text");
            n_lines += 1;
        }
        assert_eq!(n_lines, 2000);
        assert!((100..300).contains(&n_with_contact), "{n_with_contact}");
    }

    #[test]
    fn document_reaches_its_size_and_is_deterministic() {
        let doc = generate_document(100_000, 1);
        assert!(doc.len() >= 100_000);
        assert_eq!(doc, generate_document(100_000, 1));
    }

    #[test]
    fn grouping() {
        assert_eq!(grouped(1234567.0), "1,234,567");
        assert_eq!(grouped(999.0), "999");
    }
}

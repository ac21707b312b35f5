//! `offside bench memory`: the peak memory of `offside scan` on one long text of each shape
//! (prose, spaced digits, one giant token, many e-mail addresses, base64, mixed scripts and
//! the adversarial shapes of `offside bench`). Each text is written as a one-line JSONL file
//! and scanned by a child `offside scan` process, whose peak resident set size the kernel
//! reports when it ends (`wait4`), so every figure is that of a fresh process doing exactly
//! what a user's `offside scan` does.

use std::io::{BufWriter, Read, Write};
use std::process::{Command, Stdio};
use std::time::Instant;

use anyhow::{bail, Context, Result};

use crate::commands::bench::{generate_document, grouped, ADVERSARIAL_SHAPES};

/// What to measure.
pub struct MemoryBenchOptions<'a> {
    /// Size of each text, in MB (10^6 bytes).
    pub mb: f64,
    /// Only the shapes whose name contains one of these (all when empty).
    pub only: &'a [String],
    /// The peak RSS each scan must stay under, in MB.
    pub max_rss_mb: f64,
}

/// SplitMix64, for the generated texts.
struct Rng(u64);

impl Rng {
    fn below(&mut self, n: usize) -> usize {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        ((z ^ (z >> 31)) % n as u64) as usize
    }
}

const BASE64: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/// The named shapes, each a text of about `size` bytes, then every adversarial shape.
fn shapes(size: usize) -> Vec<(String, Box<dyn Fn() -> String>)> {
    let repeat = move |unit: &'static str| -> Box<dyn Fn() -> String> {
        Box::new(move || unit.repeat((size / unit.len()).max(1)))
    };
    let mut shapes: Vec<(String, Box<dyn Fn() -> String>)> = vec![
        ("prose".into(), Box::new(move || generate_document(size, 1))),
        (
            "spaced digits".into(),
            Box::new(move || {
                let mut rng = Rng(1);
                let mut text = String::with_capacity(size + 2);
                while text.len() < size {
                    text.push(char::from(b'0' + rng.below(10) as u8));
                    text.push(' ');
                }
                text
            }),
        ),
        (
            "one giant token".into(),
            Box::new(move || {
                let mut rng = Rng(2);
                (0..size)
                    .map(|_| char::from(b"abcdefghijklmnopqrstuvwxyz0123456789"[rng.below(36)]))
                    .collect()
            }),
        ),
        (
            "many e-mail addresses".into(),
            Box::new(move || {
                let mut text = String::with_capacity(size + 32);
                let mut i = 0;
                while text.len() < size {
                    text.push_str(&format!("u{i}@mail{}.com ", i % 97));
                    i += 1;
                }
                text
            }),
        ),
        (
            "base64, one run".into(),
            Box::new(move || {
                let mut rng = Rng(3);
                (0..size).map(|_| char::from(BASE64[rng.below(64)])).collect()
            }),
        ),
        (
            "base64, MIME lines".into(),
            Box::new(move || {
                let mut rng = Rng(4);
                (0..size)
                    .map(|i| {
                        if i % 77 == 76 {
                            '\n'
                        } else {
                            char::from(BASE64[rng.below(64)])
                        }
                    })
                    .collect()
            }),
        ),
        (
            "mixed scripts".into(),
            repeat(
                "Привет alex@gmail.com 電話 ０９０−１２３４−５６７８ مرحبا ٠٥٠١٢٣٤٥٦٧ नमस्ते ९८७६५४३२१० ",
            ),
        ),
    ];
    for shape in ADVERSARIAL_SHAPES {
        let label: String = format!("{shape:?}").chars().take(28).collect();
        shapes.push((label, repeat(shape)));
    }
    shapes
}

/// Peak RSS in bytes, wall seconds, output bytes and findings of `offside scan` on `path`.
fn measure(path: &std::path::Path) -> Result<(u64, f64, u64, u64)> {
    let exe = std::env::current_exe().context("cannot find the offside executable")?;
    let started = Instant::now();
    let mut child = Command::new(exe)
        .arg("scan")
        .arg(path)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit())
        .spawn()
        .context("cannot start offside scan")?;
    let mut stdout = child.stdout.take().expect("piped");
    let (mut n_bytes, mut n_findings) = (0u64, 0u64);
    let mut buf = vec![0u8; 1 << 16];
    let mut carry = Vec::new();
    loop {
        let n = stdout.read(&mut buf)?;
        if n == 0 {
            break;
        }
        n_bytes += n as u64;
        // `{"kind":` opens every finding; keep a few bytes across reads.
        carry.extend_from_slice(&buf[..n]);
        n_findings += carry.windows(8).filter(|w| w == b"{\"kind\":").count() as u64;
        let keep = carry.len().min(7);
        carry.drain(..carry.len() - keep);
    }
    let mut status = 0;
    // SAFETY: `rusage` is plain data the kernel fills; the pid is our own unwaited child.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    let pid = unsafe { libc::wait4(child.id() as libc::pid_t, &mut status, 0, &mut usage) };
    if pid < 0 {
        bail!("wait4: {}", std::io::Error::last_os_error());
    }
    let seconds = started.elapsed().as_secs_f64();
    if !libc::WIFEXITED(status) || libc::WEXITSTATUS(status) != 0 {
        bail!("offside scan failed (wait status {status})");
    }
    // Linux reports ru_maxrss in KiB.
    Ok((usage.ru_maxrss as u64 * 1024, seconds, n_bytes, n_findings))
}

/// Runs the benchmark and prints the report to `out`; fails when a scan's peak RSS is over
/// the budget.
pub fn run(options: &MemoryBenchOptions<'_>, out: &mut dyn Write) -> Result<()> {
    let size = (options.mb * 1e6) as usize;
    let dir = tempfile::tempdir().context("cannot make a temporary directory")?;
    let path = dir.path().join("text.jsonl");
    writeln!(
        out,
        "peak RSS of `offside scan` on one {} MB text (a one-line JSONL file) per shape; budget {} MB",
        options.mb, options.max_rss_mb
    )?;
    let mut worst: Option<(u64, String)> = None;
    for (name, make) in shapes(size) {
        if !options.only.is_empty() && !options.only.iter().any(|o| name.contains(o.as_str())) {
            continue;
        }
        let text = make();
        {
            let mut file = BufWriter::new(std::fs::File::create(&path)?);
            serde_json::to_writer(&mut file, &serde_json::json!({"id": name, "text": text}))?;
            file.write_all(b"\n")?;
            file.flush()?;
        }
        let text_mb = text.len() as f64 / 1e6;
        drop(text);
        let (peak, seconds, n_bytes, n_findings) = measure(&path)?;
        writeln!(
            out,
            "{:<32}{:>8.1} MB peak RSS  ({text_mb:.1} MB text, {seconds:.2} s, {} findings, {:.1} MB output)",
            format!("{name}:"),
            peak as f64 / 1e6,
            grouped(n_findings as f64),
            n_bytes as f64 / 1e6
        )?;
        out.flush()?;
        if worst.as_ref().is_none_or(|(most, _)| peak > *most) {
            worst = Some((peak, name));
        }
    }
    if let Some((peak, name)) = worst {
        let peak_mb = peak as f64 / 1e6;
        writeln!(
            out,
            "{:<32}{peak_mb:>8.1} MB peak RSS  ({name})",
            "largest:"
        )?;
        if peak_mb > options.max_rss_mb {
            bail!(
                "{name}: peak RSS {peak_mb:.1} MB, over the {} MB budget",
                options.max_rss_mb
            );
        }
    }
    Ok(())
}

//! `offside scan --docs` and `offside check --docs`: files and directories in, one JSON line
//! per file out, in the order the files were listed (directories recursively, sorted by
//! name). A file that cannot be read gets a line with its `"error"` and the batch goes on;
//! the exit status is then 1.

use std::fs;
use std::io::{self, IsTerminal, Write};
use std::num::NonZeroUsize;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc;
use std::time::Duration;

use anyhow::{Context, Result};
use clap::Args;
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use offside::wire::Report;
pub use offside::wire::{default_event, merge};
use offside::{decide_attachment, read_and_scan};
use offside_detect::Engine;
use offside_extract::{ExtractError, Extractor, FileType, Limits, OcrOptions};
use offside_policy::{Event, Policy};
use serde_json::Value;

/// How attachments are read.
#[derive(Debug, Args, Clone)]
pub struct ExtractArgs {
    /// The largest file read, in MiB.
    #[arg(long, value_name = "MIB", default_value_t = 50)]
    max_file_mb: u64,

    /// The most pages (PDF) or sheets (XLSX) read from one file.
    #[arg(long, value_name = "N", default_value_t = 500)]
    max_pages: u32,

    /// Seconds one file may take before it is given up with an error.
    #[arg(long, value_name = "SECONDS", default_value_t = 30.0)]
    timeout: f64,

    /// Tesseract language(s) for OCR, such as eng or eng+deu (the traineddata must be
    /// installed).
    #[arg(long, value_name = "LANG", default_value = "eng")]
    ocr_lang: String,

    /// Do not OCR images (QR codes are still decoded).
    #[arg(long)]
    no_ocr: bool,

    /// Threads reading the pages of one PDF that need OCR (scans, text drawn as outlines):
    /// the file's own thread and helpers, of which the whole process runs at most one per
    /// core but one (so -j N does not multiply them). 1 reads the pages one after another.
    /// The output is the same whatever the count. Default: the available cores.
    #[arg(long, value_name = "N")]
    ocr_threads: Option<NonZeroUsize>,
}

impl ExtractArgs {
    /// The extractor these options describe.
    pub fn extractor(&self) -> Result<Extractor> {
        let timeout = Duration::try_from_secs_f64(self.timeout)
            .ok()
            .filter(|t| !t.is_zero())
            .with_context(|| {
                format!(
                    "--timeout {}: give a positive number of seconds",
                    self.timeout
                )
            })?;
        let defaults = Limits::default();
        let limits = Limits {
            max_file_bytes: self.max_file_mb.saturating_mul(1 << 20),
            max_pages: self.max_pages,
            timeout,
            ocr_threads: self
                .ocr_threads
                .map_or(defaults.ocr_threads, NonZeroUsize::get),
            ..defaults
        };
        Ok(Extractor::new(limits).with_ocr(OcrOptions {
            enabled: !self.no_ocr,
            language: self.ocr_lang.clone(),
            datapath: None,
        }))
    }
}

/// What to do with each document.
pub enum Mode<'a> {
    /// Print the findings.
    Scan,
    /// Print the findings and the policy's decision, for an event like `template` (its text
    /// is replaced by the document's).
    Check {
        /// The policy.
        policy: &'a Policy,
        /// Who sends the attachments to whom, when (its text is replaced by each file's).
        event: Box<Event<Value>>,
    },
}

/// Every file under `paths`: files as given, directories walked recursively in name order
/// (symbolic links to directories are not followed). A path that cannot be read is kept,
/// to be reported in its own line.
pub fn list_files(paths: &[PathBuf]) -> Vec<PathBuf> {
    let mut files = Vec::new();
    for path in paths {
        walk(path, &mut files, true);
    }
    files
}

fn walk(path: &Path, files: &mut Vec<PathBuf>, top: bool) {
    let metadata = if top {
        fs::metadata(path)
    } else {
        fs::symlink_metadata(path)
    };
    match metadata {
        Ok(metadata) if metadata.is_dir() => {
            let mut entries: Vec<PathBuf> = match fs::read_dir(path) {
                Ok(entries) => entries.filter_map(|e| e.ok().map(|e| e.path())).collect(),
                Err(_) => {
                    files.push(path.to_owned());
                    return;
                }
            };
            entries.sort();
            for entry in entries {
                walk(&entry, files, false);
            }
        }
        Ok(metadata) if metadata.file_type().is_symlink() => {
            // A link inside a walked directory: follow it only to a file.
            if fs::metadata(path).is_ok_and(|m| m.is_file()) {
                files.push(path.to_owned());
            }
        }
        _ => files.push(path.to_owned()),
    }
}

/// Reads, scans (and decides on) one file: its report, and whether it failed.
fn process(path: &Path, engine: &Engine, extractor: &Extractor, mode: &Mode<'_>) -> (Report, bool) {
    let file = Some(path.display().to_string());
    let failed = |file_type: Option<FileType>, error: String| {
        let report = Report {
            file: file.clone(),
            file_type,
            error: Some(error),
            ..Report::default()
        };
        (report, true)
    };
    let limit = extractor.limits().max_file_bytes;
    match fs::metadata(path) {
        Err(e) => return failed(None, format!("cannot read it: {e}")),
        Ok(m) if !m.is_file() => return failed(None, "not a regular file".to_owned()),
        Ok(m) if m.len() > limit => {
            let e = ExtractError::TooLarge {
                size: m.len(),
                limit,
            };
            return failed(None, e.to_string());
        }
        Ok(_) => {}
    }
    let bytes = match fs::read(path) {
        Ok(bytes) => bytes,
        Err(e) => return failed(None, format!("cannot read it: {e}")),
    };
    let scanned = match read_and_scan(extractor, engine, &bytes, None) {
        Ok(scanned) => scanned,
        Err(e) => return failed(offside_extract::sniff(&bytes).ok(), e.to_string()),
    };
    let mut report = Report::scanned(file.clone(), &scanned);
    let failed_to_read = report.error.is_some();
    if let Mode::Check { policy, event } = mode {
        let name = path.file_name().map(|n| n.to_string_lossy());
        match decide_attachment(policy, event, &scanned, name.as_deref(), offside::now()) {
            Ok(decided) => report.decision = Some(decided.decision),
            Err(e) => {
                report.error = Some(format!("--event: {e}"));
                return (report, true);
            }
        }
    }
    (report, failed_to_read)
}

/// Processes `paths` on `threads` threads and writes one line per file to `output`, in
/// order. Returns how many files failed.
pub fn run(
    paths: &[PathBuf],
    engine: &Engine,
    extractor: &Extractor,
    mode: &Mode<'_>,
    threads: usize,
    output: &mut dyn Write,
) -> Result<usize> {
    let files = list_files(paths);
    let progress = if io::stderr().is_terminal() && files.len() > 1 {
        let bar =
            ProgressBar::with_draw_target(Some(files.len() as u64), ProgressDrawTarget::stderr());
        bar.set_style(
            ProgressStyle::with_template("{bar:40} {pos}/{len} files {elapsed} {wide_msg}")
                .unwrap_or_else(|_| ProgressStyle::default_bar()),
        );
        bar
    } else {
        ProgressBar::hidden()
    };
    let next = AtomicUsize::new(0);
    let (sender, receiver) = mpsc::channel::<(usize, Report, bool)>();
    let mut failed = 0;
    std::thread::scope(|scope| -> Result<()> {
        for _ in 0..threads.max(1).min(files.len().max(1)) {
            let sender = sender.clone();
            let (next, files) = (&next, &files);
            scope.spawn(move || loop {
                let index = next.fetch_add(1, Ordering::Relaxed);
                let Some(path) = files.get(index) else { break };
                let (line, bad) = process(path, engine, extractor, mode);
                if sender.send((index, line, bad)).is_err() {
                    break;
                }
            });
        }
        drop(sender);
        // Lines come back in any order; they are written in the listing's.
        let mut pending = std::collections::BTreeMap::new();
        let mut written = 0;
        for (index, line, bad) in receiver {
            pending.insert(index, (line, bad));
            while let Some((line, bad)) = pending.remove(&written) {
                failed += usize::from(bad);
                if let Some(file) = files.get(written) {
                    progress.set_message(file.display().to_string());
                }
                serde_json::to_writer(&mut *output, &line)?;
                output.write_all(b"\n")?;
                progress.inc(1);
                written += 1;
            }
        }
        // Stop the workers early if the output went away: they see the closed channel.
        Ok(())
    })?;
    progress.finish_and_clear();
    output.flush()?;
    Ok(failed)
}

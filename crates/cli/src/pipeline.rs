//! The JSONL path shared by `scan`, `redact` and `bench`: read lines, parse each into a
//! [`Record`], hand it to a [`RecordHandler`] that appends exactly one output line, and write
//! the output in input order.
//!
//! Throughput is the point of this module. One input line costs one `read_until` into a
//! reused buffer, one borrowed parse (no copy of the text unless it has escapes), the
//! engine's scan, and a hand-written output line appended to a buffer that reaches the
//! output in 64 KiB writes, never a flush per line. With `--threads N` the reader cuts the
//! input into chunks of lines, N workers scan chunks, and a writer puts them back in order;
//! `bench` drives the same functions, so its figures are those of `offside scan`.

use std::collections::BTreeMap;
use std::fs::File;
use std::io::{self, BufRead, BufReader, Read, Write};
use std::panic::{self, AssertUnwindSafe};
use std::path::PathBuf;
use std::sync::{mpsc, Arc, Mutex};

use anyhow::{Context as _, Result};
use offside_detect::{redact, redact_conversation, Engine, Region};

use crate::json_out::{self, LineLocation};
use crate::record::{self, Body, Record, RegionCache};

/// Size of the input read buffer.
const READ_BUFFER_BYTES: usize = 1 << 20;
/// The output buffer is written out once it holds this much.
const WRITE_THRESHOLD_BYTES: usize = 1 << 16;
/// A line's output is handed to the output mid-line once it holds this much (one thread
/// only), so a long text with many findings never holds them all in memory.
const LINE_FLUSH_BYTES: usize = 1 << 20;
/// With `--threads`, a chunk is cut after this many lines...
const CHUNK_LINES: usize = 2048;
/// ...or this many bytes, whichever comes first.
const CHUNK_BYTES: usize = 1 << 19;
const UTF8_BOM: &[u8] = b"\xEF\xBB\xBF";
/// The longest input line read by default (`offside scan --max-line-bytes`): a longer line
/// is reported as an error line and skipped without being held in memory.
pub const DEFAULT_MAX_LINE_BYTES: usize = 10 << 20;

/// Appends the next line of `reader` (terminator included) to `buf`, holding at most
/// `max` bytes of it: the rest of a longer line is read and dropped. Returns the line's
/// full length (0 at the end of the input) and whether it was longer than `max`.
pub fn read_line_bounded(
    reader: &mut dyn BufRead,
    buf: &mut Vec<u8>,
    max: usize,
) -> io::Result<(u64, bool)> {
    let start = buf.len();
    let mut total: u64 = 0;
    let mut too_long = false;
    loop {
        let available = match reader.fill_buf() {
            Ok(available) => available,
            Err(error) if error.kind() == io::ErrorKind::Interrupted => continue,
            Err(error) => return Err(error),
        };
        if available.is_empty() {
            break;
        }
        let (piece, done) = match memchr_newline(available) {
            Some(at) => (&available[..=at], true),
            None => (available, false),
        };
        let used = piece.len();
        total += used as u64;
        if !too_long {
            let room = max.saturating_sub(buf.len() - start);
            if piece.len() <= room {
                buf.extend_from_slice(piece);
            } else {
                too_long = true;
                buf.truncate(start);
            }
        }
        reader.consume(used);
        if done {
            break;
        }
    }
    Ok((total, too_long))
}

fn memchr_newline(bytes: &[u8]) -> Option<usize> {
    bytes.iter().position(|b| *b == b'\n')
}

/// The error of a line over the maximum length.
pub fn line_too_long_message(length: u64, max: usize) -> String {
    format!(
        "the line is {length} bytes, over the maximum line length of {max} bytes (--max-line-bytes); it was not scanned"
    )
}

/// Turns one valid record into exactly one output line.
pub trait RecordHandler: Sync {
    /// Appends the output line for `record` (whose body and region are already checked) to
    /// `out`, newline included.
    fn write_record(
        &self,
        record: &Record<'_>,
        body: Body<'_, '_>,
        region: Option<Region>,
        out: &mut Vec<u8>,
    );

    /// Like [`RecordHandler::write_record`], and may call `flush` with what it has appended
    /// so far (which writes it out and empties `out`) when a line grows long. By default the
    /// whole line is kept in `out`.
    fn write_record_flushing(
        &self,
        record: &Record<'_>,
        body: Body<'_, '_>,
        region: Option<Region>,
        out: &mut Vec<u8>,
        _flush: &mut dyn FnMut(&mut Vec<u8>),
    ) {
        self.write_record(record, body, region, out);
    }
}

/// `offside scan`: findings for each line.
pub struct ScanHandler<'e> {
    /// The engine every line is scanned with.
    pub engine: &'e Engine,
    /// Whether each intent-model finding carries the n-grams that weighed most for it
    /// (`offside scan --explain`).
    pub explain: bool,
}

impl RecordHandler for ScanHandler<'_> {
    fn write_record(
        &self,
        record: &Record<'_>,
        body: Body<'_, '_>,
        region: Option<Region>,
        out: &mut Vec<u8>,
    ) {
        self.write_record_flushing(record, body, region, out, &mut |_| {});
    }

    fn write_record_flushing(
        &self,
        record: &Record<'_>,
        body: Body<'_, '_>,
        region: Option<Region>,
        out: &mut Vec<u8>,
        flush: &mut dyn FnMut(&mut Vec<u8>),
    ) {
        match body {
            Body::Text(text) if !self.explain => {
                // Each finding is written as its segment of the text is scanned
                // (`Engine::scan_each`), and handed on once the line is long: a long text
                // with many findings never holds them all, as findings or as JSON.
                json_out::write_scan_line_start(out, record.id);
                let mut first = true;
                self.engine.scan_each(text, region, |finding| {
                    if !first {
                        out.push(b',');
                    }
                    first = false;
                    json_out::write_finding(out, &finding, false);
                    if out.len() >= LINE_FLUSH_BYTES {
                        flush(out);
                    }
                });
                json_out::write_scan_line_end(out);
            }
            Body::Text(text) => {
                let findings = self.engine.scan(text, region);
                if self.explain {
                    let explain = |f: &offside_detect::Finding| {
                        intent_finding(f).then(|| self.engine.explain_intent(text))
                    };
                    json_out::write_scan_line_explained(out, record.id, &findings, false, explain);
                } else {
                    json_out::write_scan_line(out, record.id, &findings, false);
                }
            }
            Body::Conversation(messages) => {
                let texts: Vec<&str> = messages.iter().map(|m| m.text()).collect();
                let findings = self.engine.scan_conversation(&texts, region);
                if self.explain {
                    // A finding read in context is explained on the messages it was read
                    // with, joined as the engine joined them.
                    let explain = |f: &offside_detect::Finding| {
                        intent_finding(f).then(|| {
                            let read: Vec<&str> = f
                                .messages
                                .iter()
                                .chain(f.message.as_ref().filter(|_| f.messages.is_empty()))
                                .filter_map(|&i| texts.get(i).copied())
                                .collect();
                            self.engine.explain_intent(&read.join("\n"))
                        })
                    };
                    json_out::write_scan_line_explained(out, record.id, &findings, true, explain);
                } else {
                    json_out::write_scan_line(out, record.id, &findings, true);
                }
            }
        }
    }
}

/// Whether a finding comes from the intent model (and so has an explanation).
pub fn intent_finding(finding: &offside_detect::Finding) -> bool {
    finding.rule.starts_with("intent/")
}

/// `offside redact`: the text (or every message of the conversation) with findings masked.
pub struct RedactHandler<'e> {
    /// The engine every line is scanned with.
    pub engine: &'e Engine,
}

impl RecordHandler for RedactHandler<'_> {
    fn write_record(
        &self,
        record: &Record<'_>,
        body: Body<'_, '_>,
        region: Option<Region>,
        out: &mut Vec<u8>,
    ) {
        out.extend_from_slice(b"{\"id\":");
        json_out::write_raw_id(out, record.id);
        match body {
            Body::Text(text) => {
                let findings = self.engine.scan(text, region);
                out.extend_from_slice(b",\"text\":");
                json_out::write_str(out, &redact(text, &findings));
            }
            Body::Conversation(messages) => {
                let texts: Vec<&str> = messages.iter().map(|m| m.text()).collect();
                let findings = self.engine.scan_conversation(&texts, region);
                // Every part of a value split over messages is masked where it stands.
                let masked = redact_conversation(&texts, &findings);
                out.extend_from_slice(b",\"conversation\":[");
                for (message_idx, message) in messages.iter().enumerate() {
                    if message_idx > 0 {
                        out.push(b',');
                    }
                    out.push(b'{');
                    if let Some(from) = message.from {
                        out.extend_from_slice(b"\"from\":");
                        out.extend_from_slice(from.get().as_bytes());
                        out.push(b',');
                    }
                    out.extend_from_slice(b"\"text\":");
                    json_out::write_str(out, &masked[message_idx]);
                    out.push(b'}');
                }
                out.push(b']');
            }
        }
        out.extend_from_slice(b"}\n");
    }
}

/// What happened to one input line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LineOutcome {
    /// An output line was written for it.
    Written,
    /// It was malformed (or the engine failed on it): an error line was written.
    Failed,
    /// It was blank: nothing was written.
    Skipped,
}

/// Processes one raw input line (terminator included or not) into one output line.
pub fn process_line<H: RecordHandler>(
    handler: &H,
    regions: &mut RegionCache,
    raw_line: &[u8],
    location: LineLocation<'_>,
    out: &mut Vec<u8>,
) -> LineOutcome {
    process_line_flushing(handler, regions, raw_line, location, out, &mut |_| {})
}

/// Like [`process_line`], letting the handler hand a long line's output to `flush` (which
/// writes it out and empties `out`) before the line is complete.
pub fn process_line_flushing<H: RecordHandler>(
    handler: &H,
    regions: &mut RegionCache,
    raw_line: &[u8],
    location: LineLocation<'_>,
    out: &mut Vec<u8>,
    flush: &mut dyn FnMut(&mut Vec<u8>),
) -> LineOutcome {
    let line = record::trim_line_end(raw_line);
    if record::is_blank(line) {
        return LineOutcome::Skipped;
    }
    let checked = Record::parse(line).and_then(|record| {
        let region = record.region(regions)?;
        Ok((record, region))
    });
    let (record, region) = match checked {
        Ok(checked) => checked,
        Err(error) => {
            json_out::write_error_line(out, &location, &error.to_string());
            return LineOutcome::Failed;
        }
    };
    let body = match record.body() {
        Ok(body) => body,
        Err(error) => {
            json_out::write_error_line(out, &location, &error.to_string());
            return LineOutcome::Failed;
        }
    };
    // The engine promises not to panic on any input; if it ever does, one line fails
    // instead of the whole run, and the panic message (printed to stderr) is the bug report.
    let out_len = out.len();
    let mut flushed = false;
    let written = panic::catch_unwind(AssertUnwindSafe(|| {
        let mut flush_noting = |out: &mut Vec<u8>| {
            flushed = true;
            flush(out);
        };
        handler.write_record_flushing(&record, body, region, out, &mut flush_noting)
    }));
    const PANICKED: &str = "internal error: the detection engine panicked on this line";
    match written {
        Ok(()) => LineOutcome::Written,
        Err(_) if flushed => {
            // Part of the line is already out: close it as valid JSON that says so.
            out.extend_from_slice(b"],\"error\":");
            json_out::write_str(out, PANICKED);
            out.extend_from_slice(b"}\n");
            LineOutcome::Failed
        }
        Err(_) => {
            out.truncate(out_len);
            json_out::write_error_line(out, &location, PANICKED);
            LineOutcome::Failed
        }
    }
}

/// Where input comes from.
#[derive(Debug, Clone)]
pub enum InputSource {
    /// Standard input.
    Stdin,
    /// A file named on the command line.
    File(PathBuf),
    /// Bytes already in memory (the benchmark's generated input), read like standard input.
    Memory(Arc<[u8]>),
}

impl InputSource {
    /// The sources for a list of FILE arguments: standard input when there are none, and
    /// `-` stands for standard input too.
    pub fn from_args(files: &[PathBuf]) -> Vec<InputSource> {
        if files.is_empty() {
            return vec![InputSource::Stdin];
        }
        files
            .iter()
            .map(|path| {
                if path.as_os_str() == "-" {
                    InputSource::Stdin
                } else {
                    InputSource::File(path.clone())
                }
            })
            .collect()
    }

    /// The name error lines give for this input: `None` for standard input.
    pub fn display_name(&self) -> Option<String> {
        match self {
            InputSource::Stdin | InputSource::Memory(_) => None,
            InputSource::File(path) => Some(path.display().to_string()),
        }
    }

    /// Opens the input for reading with a large buffer.
    pub fn open(&self) -> Result<Box<dyn BufRead + Send>> {
        Ok(match self {
            InputSource::Stdin => {
                Box::new(BufReader::with_capacity(READ_BUFFER_BYTES, io::stdin()))
            }
            InputSource::File(path) => {
                let file =
                    File::open(path).with_context(|| format!("cannot open {}", path.display()))?;
                Box::new(BufReader::with_capacity(READ_BUFFER_BYTES, file))
            }
            InputSource::Memory(bytes) => Box::new(io::Cursor::new(Arc::clone(bytes))),
        })
    }

    /// Reads the whole input as one text. Invalid UTF-8 is replaced by U+FFFD, and the
    /// second value says whether that happened.
    pub fn read_text(&self) -> Result<(String, bool)> {
        let mut bytes = Vec::new();
        self.open()?
            .read_to_end(&mut bytes)
            .with_context(|| format!("cannot read {}", self.label()))?;
        Ok(match String::from_utf8(bytes) {
            Ok(text) => (text, false),
            Err(error) => (String::from_utf8_lossy(error.as_bytes()).into_owned(), true),
        })
    }

    /// A name for messages: the path, or "standard input".
    pub fn label(&self) -> String {
        match self {
            InputSource::Stdin => "standard input".to_owned(),
            InputSource::File(path) => path.display().to_string(),
            InputSource::Memory(_) => "generated input".to_owned(),
        }
    }
}

/// Counts over a whole run.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct RunSummary {
    /// Lines that produced an output line other than an error.
    pub written: usize,
    /// Lines that produced an error line.
    pub failed: usize,
}

impl RunSummary {
    /// Counts one line's outcome.
    pub fn count(&mut self, outcome: LineOutcome) {
        match outcome {
            LineOutcome::Written => self.written += 1,
            LineOutcome::Failed => self.failed += 1,
            LineOutcome::Skipped => {}
        }
    }

    fn add(&mut self, other: RunSummary) {
        self.written += other.written;
        self.failed += other.failed;
    }
}

/// Reads every input line by line and writes one output line per non-blank input line, in
/// order. `threads` > 1 scans chunks of lines in parallel.
pub fn run<H: RecordHandler>(
    handler: &H,
    inputs: &[InputSource],
    threads: usize,
    max_line_bytes: usize,
    output: &mut dyn Write,
) -> Result<RunSummary> {
    if threads <= 1 {
        run_sequential(handler, inputs, max_line_bytes, output)
    } else {
        run_parallel(handler, inputs, threads, max_line_bytes, output)
    }
}

fn run_sequential<H: RecordHandler>(
    handler: &H,
    inputs: &[InputSource],
    max_line_bytes: usize,
    output: &mut dyn Write,
) -> Result<RunSummary> {
    let mut summary = RunSummary::default();
    let mut regions = RegionCache::default();
    let mut out = Vec::with_capacity(WRITE_THRESHOLD_BYTES * 2);
    for_each_bounded_line(inputs, max_line_bytes, |line, location| {
        match line {
            Ok(bytes) => {
                let mut write_error = None;
                let mut flush = |buf: &mut Vec<u8>| {
                    if write_error.is_none() {
                        write_error = output.write_all(buf).err();
                    }
                    buf.clear();
                };
                let outcome = process_line_flushing(
                    handler,
                    &mut regions,
                    bytes,
                    location,
                    &mut out,
                    &mut flush,
                );
                if let Some(error) = write_error {
                    return Err(error.into());
                }
                summary.count(outcome);
            }
            Err(length) => {
                json_out::write_error_line(
                    &mut out,
                    &location,
                    &line_too_long_message(length, max_line_bytes),
                );
                summary.count(LineOutcome::Failed);
            }
        }
        if out.len() >= WRITE_THRESHOLD_BYTES {
            output.write_all(&out)?;
            out.clear();
        }
        Ok(())
    })?;
    output.write_all(&out)?;
    output.flush()?;
    Ok(summary)
}

/// Calls `each` with every line of every input, in order (terminator included, a leading
/// UTF-8 byte-order mark removed), and where it came from. A line longer than
/// [`DEFAULT_MAX_LINE_BYTES`] stops the run with an error naming it.
pub fn for_each_line(
    inputs: &[InputSource],
    mut each: impl FnMut(&[u8], LineLocation<'_>) -> Result<()>,
) -> Result<()> {
    for_each_bounded_line(
        inputs,
        DEFAULT_MAX_LINE_BYTES,
        |line, location| match line {
            Ok(bytes) => each(bytes, location),
            Err(length) => Err(anyhow::anyhow!(
                "{}line {}: {}",
                location.file.map(|f| format!("{f}: ")).unwrap_or_default(),
                location.line,
                line_too_long_message(length, DEFAULT_MAX_LINE_BYTES)
            )),
        },
    )
}

/// Calls `each` with every line of every input, in order (terminator included, a leading
/// UTF-8 byte-order mark removed), and where it came from; a line longer than
/// `max_line_bytes` is not held in memory and comes as `Err(its length)`.
pub fn for_each_bounded_line(
    inputs: &[InputSource],
    max_line_bytes: usize,
    mut each: impl FnMut(Result<&[u8], u64>, LineLocation<'_>) -> Result<()>,
) -> Result<()> {
    let mut line = Vec::with_capacity(4096);
    for input in inputs {
        let name = input.display_name();
        let mut reader = input.open()?;
        let mut line_no = 0;
        loop {
            line.clear();
            let (n_read, too_long) = read_line_bounded(&mut *reader, &mut line, max_line_bytes)
                .with_context(|| format!("cannot read {}", input.label()))?;
            if n_read == 0 {
                break;
            }
            line_no += 1;
            let location = LineLocation {
                file: name.as_deref(),
                line: line_no,
            };
            if too_long {
                each(Err(n_read), location)?;
                continue;
            }
            let bytes = if line_no == 1 {
                line.strip_prefix(UTF8_BOM).unwrap_or(&line)
            } else {
                &line
            };
            each(Ok(bytes), location)?;
        }
    }
    Ok(())
}

/// A run of consecutive lines of one input, scanned by one worker.
struct Chunk {
    seq: u64,
    input_idx: usize,
    first_line_no: usize,
    data: Vec<u8>,
    /// `data[line_ends[i - 1]..line_ends[i]]` is the chunk's i-th line.
    line_ends: Vec<usize>,
    /// Lines over the maximum length (empty in `data`): their index and length.
    too_long: Vec<(usize, u64)>,
}

struct ChunkOutput {
    seq: u64,
    out: Vec<u8>,
    summary: RunSummary,
}

fn run_parallel<H: RecordHandler>(
    handler: &H,
    inputs: &[InputSource],
    threads: usize,
    max_line_bytes: usize,
    output: &mut dyn Write,
) -> Result<RunSummary> {
    let names: Vec<Option<String>> = inputs.iter().map(InputSource::display_name).collect();
    let (chunk_tx, chunk_rx) = mpsc::sync_channel::<Chunk>(threads * 2);
    let chunk_rx = Arc::new(Mutex::new(chunk_rx));
    let (output_tx, output_rx) = mpsc::sync_channel::<ChunkOutput>(threads * 2);
    // Chunks finished out of order wait in the writer until the ones before them are written;
    // the reader stays at most this many chunks ahead of the writer, so one slow chunk (a
    // line full of look-alikes) holds the memory of a few chunks, not of the whole input.
    let window = Window::new(threads as u64 * 4);

    std::thread::scope(|scope| {
        for _ in 0..threads {
            let chunk_rx = Arc::clone(&chunk_rx);
            let output_tx = output_tx.clone();
            let names = &names;
            scope.spawn(move || {
                let mut regions = RegionCache::default();
                loop {
                    let next = chunk_rx.lock().map(|rx| rx.recv());
                    let Ok(Ok(chunk)) = next else { break };
                    let processed =
                        process_chunk(handler, &mut regions, names, max_line_bytes, chunk);
                    if output_tx.send(processed).is_err() {
                        break;
                    }
                }
            });
        }
        drop(output_tx);

        // The reader gets a thread of its own and this thread writes, because the locked
        // standard output cannot move to another thread.
        let reader_window = &window;
        let reader =
            scope.spawn(move || read_chunks(inputs, max_line_bytes, chunk_tx, reader_window));
        let write_result = write_in_order(output_rx, output, &window);
        // However the writer ended, the reader must not wait for it.
        window.close();
        let read_result = reader
            .join()
            .unwrap_or_else(|_| Err(anyhow::anyhow!("the input thread panicked")));
        // A write error (say, a closed pipe) stops the reader too, so report it first.
        let summary = write_result?;
        read_result?;
        Ok(summary)
    })
}

/// How far the reader may run ahead of the writer, in chunks (see [`run_parallel`]).
struct Window {
    /// Chunks written so far (`u64::MAX` once the writer is done).
    written: Mutex<u64>,
    advanced: std::sync::Condvar,
    ahead: u64,
}

impl Window {
    fn new(ahead: u64) -> Window {
        Window {
            written: Mutex::new(0),
            advanced: std::sync::Condvar::new(),
            ahead: ahead.max(1),
        }
    }

    /// Blocks until chunk `seq` is at most `ahead` chunks past the last one written.
    fn wait_for(&self, seq: u64) {
        let mut written = self.written.lock().unwrap_or_else(|e| e.into_inner());
        while seq >= written.saturating_add(self.ahead) {
            written = self
                .advanced
                .wait(written)
                .unwrap_or_else(|e| e.into_inner());
        }
    }

    fn set(&self, written: u64) {
        *self.written.lock().unwrap_or_else(|e| e.into_inner()) = written;
        self.advanced.notify_all();
    }

    fn close(&self) {
        self.set(u64::MAX);
    }
}

fn read_chunks(
    inputs: &[InputSource],
    max_line_bytes: usize,
    chunk_tx: mpsc::SyncSender<Chunk>,
    window: &Window,
) -> Result<()> {
    let mut seq = 0;
    for (input_idx, input) in inputs.iter().enumerate() {
        let mut reader = input.open()?;
        let mut line_no = 0;
        let mut at_end = false;
        while !at_end {
            let mut chunk = Chunk {
                seq,
                input_idx,
                first_line_no: line_no + 1,
                data: Vec::with_capacity(CHUNK_BYTES + 4096),
                line_ends: Vec::with_capacity(CHUNK_LINES),
                too_long: Vec::new(),
            };
            while chunk.line_ends.len() < CHUNK_LINES && chunk.data.len() < CHUNK_BYTES {
                let start = chunk.data.len();
                let (n_read, too_long) =
                    read_line_bounded(&mut *reader, &mut chunk.data, max_line_bytes)
                        .with_context(|| format!("cannot read {}", input.label()))?;
                if n_read == 0 {
                    at_end = true;
                    break;
                }
                line_no += 1;
                if too_long {
                    chunk.too_long.push((chunk.line_ends.len(), n_read));
                }
                if line_no == 1 && chunk.data[start..].starts_with(UTF8_BOM) {
                    chunk.data.drain(start..start + UTF8_BOM.len());
                }
                chunk.line_ends.push(chunk.data.len());
            }
            if chunk.line_ends.is_empty() {
                break;
            }
            window.wait_for(seq);
            seq += 1;
            if chunk_tx.send(chunk).is_err() {
                // The workers are gone because the output failed; the writer reports why.
                return Ok(());
            }
        }
    }
    Ok(())
}

fn process_chunk<H: RecordHandler>(
    handler: &H,
    regions: &mut RegionCache,
    names: &[Option<String>],
    max_line_bytes: usize,
    chunk: Chunk,
) -> ChunkOutput {
    let mut out = Vec::with_capacity(chunk.data.len() / 2 + 64);
    let mut summary = RunSummary::default();
    let mut line_start = 0;
    for (line_idx, &line_end) in chunk.line_ends.iter().enumerate() {
        let location = LineLocation {
            file: names[chunk.input_idx].as_deref(),
            line: chunk.first_line_no + line_idx,
        };
        let line = &chunk.data[line_start..line_end];
        line_start = line_end;
        if let Some(&(_, length)) = chunk.too_long.iter().find(|(at, _)| *at == line_idx) {
            json_out::write_error_line(
                &mut out,
                &location,
                &line_too_long_message(length, max_line_bytes),
            );
            summary.count(LineOutcome::Failed);
            continue;
        }
        summary.count(process_line(handler, regions, line, location, &mut out));
    }
    ChunkOutput {
        seq: chunk.seq,
        out,
        summary,
    }
}

fn write_in_order(
    output_rx: mpsc::Receiver<ChunkOutput>,
    output: &mut dyn Write,
    window: &Window,
) -> Result<RunSummary> {
    let mut summary = RunSummary::default();
    let mut pending = BTreeMap::new();
    let mut next_seq = 0;
    for chunk_output in output_rx {
        pending.insert(chunk_output.seq, chunk_output);
        while let Some(ready) = pending.remove(&next_seq) {
            output.write_all(&ready.out)?;
            summary.add(ready.summary);
            next_seq += 1;
            window.set(next_seq);
        }
    }
    output.flush()?;
    Ok(summary)
}

#[cfg(test)]
mod bounded_line_tests {
    use super::*;

    #[test]
    fn the_reader_waits_until_the_writer_catches_up() {
        let window = Window::new(2);
        // Within the window: no wait.
        window.wait_for(0);
        window.wait_for(1);
        let (done_tx, done_rx) = mpsc::channel();
        std::thread::scope(|scope| {
            scope.spawn(|| {
                window.wait_for(3);
                done_tx.send(()).unwrap();
            });
            // Chunk 3 is two past chunk 1: the reader waits until two are written.
            window.set(1);
            assert!(done_rx
                .recv_timeout(std::time::Duration::from_millis(100))
                .is_err());
            window.set(2);
            assert!(done_rx
                .recv_timeout(std::time::Duration::from_secs(10))
                .is_ok());
        });
        // Once the writer is done, nothing waits.
        window.close();
        window.wait_for(u64::MAX - 1);
    }

    #[test]
    fn a_long_line_is_measured_not_kept() {
        let input = format!("short\n{}\nafter", "x".repeat(1 << 20));
        let mut reader = BufReader::with_capacity(4096, input.as_bytes());
        let mut buf = Vec::new();
        assert_eq!(
            read_line_bounded(&mut reader, &mut buf, 100).unwrap(),
            (6, false)
        );
        assert_eq!(buf, b"short\n");
        buf.clear();
        let (length, too_long) = read_line_bounded(&mut reader, &mut buf, 100).unwrap();
        assert_eq!((length, too_long), ((1 << 20) + 1, true));
        assert!(
            buf.is_empty() && buf.capacity() <= 4096,
            "{}",
            buf.capacity()
        );
        assert_eq!(
            read_line_bounded(&mut reader, &mut buf, 100).unwrap(),
            (5, false)
        );
        assert_eq!(buf, b"after");
        buf.clear();
        assert_eq!(
            read_line_bounded(&mut reader, &mut buf, 100).unwrap(),
            (0, false)
        );
    }
}

#[cfg(test)]
mod flushing_tests {
    use super::*;
    use offside_detect::EngineOptions;

    /// A writer that records how many writes it got.
    #[derive(Default)]
    struct Counting {
        bytes: Vec<u8>,
        writes: usize,
    }

    impl Write for Counting {
        fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
            self.bytes.extend_from_slice(buf);
            self.writes += 1;
            Ok(buf.len())
        }
        fn flush(&mut self) -> io::Result<()> {
            Ok(())
        }
    }

    #[test]
    fn a_line_with_many_findings_is_written_out_before_it_is_complete() {
        let engine = Engine::new(EngineOptions::default());
        let handler = ScanHandler {
            engine: &engine,
            explain: false,
        };
        let text = "a@b.co ".repeat(300_000);
        let input = format!(
            "{{\"id\":1,\"text\":\"hi\"}}\n{{\"id\":2,\"text\":\"{text}\"}}\n{{\"id\":3,\"text\":\"x@y.co\"}}\n"
        );
        let mut whole = Vec::new();
        let mut regions = RegionCache::default();
        for (idx, line) in input.split_inclusive('\n').enumerate() {
            let location = LineLocation {
                file: None,
                line: idx + 1,
            };
            process_line(
                &handler,
                &mut regions,
                line.as_bytes(),
                location,
                &mut whole,
            );
        }
        let mut output = Counting::default();
        let source = InputSource::Memory(Arc::from(input.into_bytes()));
        let summary = run(&handler, &[source], 1, DEFAULT_MAX_LINE_BYTES, &mut output).unwrap();
        assert_eq!(summary.written, 3);
        assert!(whole.len() > 20 * LINE_FLUSH_BYTES, "{}", whole.len());
        assert!(output.writes >= 20, "{} writes", output.writes);
        assert!(output.bytes == whole, "the same output, flushed or not");
    }
}

//! Attachments in, text out: every piece of text a file carries, with where it was.
//!
//! `offside-extract` is the first step of the pipeline (**extract** → detect → policy). It
//! knows file formats and nothing about contact details: [`Extractor::extract`] takes the
//! bytes of one file, recognises its type from the bytes (never from the name), and returns
//! a [`Document`]: the text of each page, paragraph group, sheet, link target, OCR'd image
//! or decoded QR code as a [`Segment`] with its [`Location`]. The caller scans each segment
//! with `offside-detect` and maps a finding's byte span back to a page, a position and, for
//! images, a [`Rect`] through [`Segment::region_of`].
//!
//! Everything here reads hostile input. The [`Limits`] bound the file size, the pages, the
//! bytes a ZIP container may inflate to (zip bombs), the pixels an image may decode to
//! (decompression bombs), the text kept and the time spent; a file that breaks one gets an
//! [`ExtractError`] saying which, and never a panic.
//!
//! [`classify`] recognises the legal documents the policy exempts (an NDA, a business
//! licence...) from their content.

use std::fmt;
use std::num::NonZeroUsize;
use std::ops::Range;
use std::panic::{self, AssertUnwindSafe};
use std::path::PathBuf;
use std::sync::OnceLock;
use std::thread;
use std::time::{Duration, Instant};

use serde::Serialize;

mod html;
mod image;
mod legal;
mod ocr;
mod office;
mod payment;
mod pdf;
mod qr;
mod sniff;
mod text;
mod xlsx;
mod zipped;

pub use sniff::sniff;

pub use legal::{classify, Classification, DocumentKind};

/// What a file is, recognised from its bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum FileType {
    /// UTF-8 (or UTF-16 with a byte-order mark) plain text.
    Text,
    /// An HTML page.
    Html,
    /// A PDF document (its text layer).
    Pdf,
    /// A Word document (Office Open XML).
    Docx,
    /// An OpenDocument text.
    Odt,
    /// An Excel workbook (Office Open XML).
    Xlsx,
    /// A PNG image.
    Png,
    /// A JPEG image.
    Jpeg,
    /// A WebP image.
    Webp,
}

impl FileType {
    /// The short name used in JSON output.
    pub fn as_str(self) -> &'static str {
        match self {
            FileType::Text => "text",
            FileType::Html => "html",
            FileType::Pdf => "pdf",
            FileType::Docx => "docx",
            FileType::Odt => "odt",
            FileType::Xlsx => "xlsx",
            FileType::Png => "png",
            FileType::Jpeg => "jpeg",
            FileType::Webp => "webp",
        }
    }

    /// Whether the file is an image (its text comes from OCR and QR codes).
    pub fn is_image(self) -> bool {
        matches!(self, FileType::Png | FileType::Jpeg | FileType::Webp)
    }
}

impl fmt::Display for FileType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// How a segment's text was obtained.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Source {
    /// Text the file carries as text (a text layer, XML runs, cells, HTML text).
    Text,
    /// A link target or other attribute the reader does not see as text
    /// (`<a href="mailto:...">`, a DOCX hyperlink relationship).
    Link,
    /// Text recognised in an image by OCR.
    Ocr,
    /// The payload of a QR code found in an image.
    QrCode,
    /// Printable text found in the bytes of a file that could not be read as its type (see
    /// [`printable_text`]).
    Raw,
}

/// A rectangle in an image, in pixels of the decoded image, origin top left.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
pub struct Rect {
    /// Left edge.
    pub x: u32,
    /// Top edge.
    pub y: u32,
    /// Width.
    pub width: u32,
    /// Height.
    pub height: u32,
}

impl Rect {
    /// The smallest rectangle holding both.
    pub fn union(self, other: Rect) -> Rect {
        let x = self.x.min(other.x);
        let y = self.y.min(other.y);
        let right = (self.x + self.width).max(other.x + other.width);
        let bottom = (self.y + self.height).max(other.y + other.height);
        Rect {
            x,
            y,
            width: right - x,
            height: bottom - y,
        }
    }
}

/// Where a segment is in its file.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
pub struct Location {
    /// The 1-based page (PDF), sheet (XLSX) or image frame; `None` for formats without
    /// pages (plain text, HTML, DOCX, ODT).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub page: Option<u32>,
    /// The part of the file the text came from when that helps a reviewer find it: a sheet
    /// name, `"footnotes"`, `"header1"`, a cell range...
    #[serde(skip_serializing_if = "Option::is_none")]
    pub part: Option<String>,
    /// For a QR code: where it is in the image.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub region: Option<Rect>,
}

/// One piece of text from a file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Segment {
    /// The text, as extracted (paragraphs and lines separated by `\n`).
    pub text: String,
    /// How it was obtained.
    pub source: Source,
    /// Where it is.
    pub location: Location,
    /// For OCR text: the byte range in `text` of each recognised word with its box, in
    /// text order. Empty otherwise.
    pub boxes: Vec<(Range<usize>, Rect)>,
    /// Regions (ISO 3166-1 codes) the file itself gives this text's phone numbers, such as
    /// a spreadsheet row's country column: scan it for these as well as for the caller's
    /// region. Empty when the file says nothing.
    pub regions: Vec<String>,
}

impl Segment {
    /// A segment of plain text at `location`.
    pub fn text(text: String, source: Source, location: Location) -> Segment {
        Segment {
            text,
            source,
            location,
            boxes: Vec::new(),
            regions: Vec::new(),
        }
    }

    /// The image region holding the bytes `span` of this segment's text: the union of the
    /// boxes of the words it overlaps, else the segment's own region (a QR code), else
    /// `None`.
    pub fn region_of(&self, span: Range<usize>) -> Option<Rect> {
        let mut region: Option<Rect> = None;
        for (range, rect) in &self.boxes {
            if range.start < span.end && span.start < range.end {
                region = Some(region.map_or(*rect, |r| r.union(*rect)));
            }
        }
        region.or(self.location.region)
    }
}

/// Everything extracted from one file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Document {
    /// What the file is.
    pub file_type: FileType,
    /// Its pages (1 for formats without pages, images included).
    pub pages: u32,
    /// Its text, in reading order.
    pub segments: Vec<Segment>,
    /// Problems that lost part of the file without failing it (an unreadable page, an
    /// image OCR could not read), each naming where.
    pub warnings: Vec<String>,
}

/// The bounds every file is read within.
#[derive(Debug, Clone, PartialEq)]
pub struct Limits {
    /// The largest file read, in bytes.
    pub max_file_bytes: u64,
    /// Pages read from a PDF (or sheets from a workbook); more is an error.
    pub max_pages: u32,
    /// The total bytes the entries of a ZIP container (DOCX, ODT, XLSX) may inflate to.
    pub max_unpacked_bytes: u64,
    /// The largest inflate ratio of a single ZIP entry (inflated / compressed).
    pub max_ratio: u64,
    /// Entries a ZIP container may have.
    pub max_entries: usize,
    /// Pixels (width × height) an image may decode to; a PDF page rendered to be read as an
    /// image gets at most this many too (and never more than 12 million).
    pub max_pixels: u64,
    /// Bytes of text kept per file; the rest is dropped with a warning.
    pub max_text_bytes: usize,
    /// Wall-clock time one file may take.
    pub timeout: Duration,
    /// Threads that read the pages of one PDF that need OCR (rendered on the calling thread,
    /// then QR codes and OCR, one Tesseract engine a thread): the calling thread and up to
    /// `ocr_threads - 1` helpers, which the process shares among the files it reads at once
    /// (no more than one helper per core but one, and at least one, in all), so reading
    /// several files in parallel does not multiply them. 0 or 1 reads the pages one after
    /// the other on the calling thread. The document, its warnings and its errors are the
    /// same whatever the count. Default: the available cores.
    pub ocr_threads: usize,
}

impl Default for Limits {
    fn default() -> Limits {
        Limits {
            max_file_bytes: 50 << 20,
            max_pages: 500,
            max_unpacked_bytes: 200 << 20,
            max_ratio: 200,
            max_entries: 10_000,
            max_pixels: 50_000_000,
            max_text_bytes: 20 << 20,
            timeout: Duration::from_secs(30),
            ocr_threads: cores(),
        }
    }
}

/// The cores this process may use (1 when that cannot be told), read once.
pub(crate) fn cores() -> usize {
    static CORES: OnceLock<usize> = OnceLock::new();
    *CORES.get_or_init(|| thread::available_parallelism().map_or(1, NonZeroUsize::get))
}

/// Why a file could not be read. Every variant names the reason in words a user can act
/// on; the caller adds the file name.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ExtractError {
    /// The bytes are not a supported type.
    #[error(
        "unsupported file type ({0}); supported: text, HTML, PDF, DOCX, ODT, XLSX, PNG, JPEG, WebP"
    )]
    Unsupported(String),
    /// The file is larger than [`Limits::max_file_bytes`].
    #[error("the file is {size} bytes, over the limit of {limit}")]
    TooLarge { size: u64, limit: u64 },
    /// More pages than [`Limits::max_pages`].
    #[error("the {file_type} has {pages} pages, over the limit of {limit}")]
    TooManyPages {
        file_type: FileType,
        pages: u64,
        limit: u32,
    },
    /// A ZIP container that inflates beyond the limits: a zip bomb, or too big to read.
    #[error("the {file_type} container would inflate beyond the limits: {reason}")]
    ZipBomb { file_type: FileType, reason: String },
    /// An image that decodes to more than [`Limits::max_pixels`].
    #[error("the image is {width}x{height} pixels, over the limit of {limit} pixels")]
    ImageTooLarge { width: u32, height: u32, limit: u64 },
    /// The file is encrypted or password-protected.
    #[error("the {0} is encrypted or password-protected")]
    Encrypted(FileType),
    /// The bytes look like the type but cannot be read as it.
    #[error("the {file_type} is corrupt: {reason}")]
    Corrupt { file_type: FileType, reason: String },
    /// Reading took longer than [`Limits::timeout`].
    #[error("reading took longer than the limit of {0:?}")]
    Timeout(Duration),
    /// OCR is needed but could not start (no Tesseract language data...).
    #[error("OCR is unavailable: {0}")]
    OcrUnavailable(String),
}

/// OCR settings.
///
/// Debian's Tesseract is built with OpenMP, whose threads spin on every core: run the
/// process that OCRs with `OMP_THREAD_LIMIT=1` in its environment (read once, at start-up)
/// and OCR files on several threads instead. On two cores a chat screenshot takes 0.3 s that
/// way and 1.9 s without. The `offside` binary sets it for itself.
#[derive(Debug, Clone, PartialEq)]
pub struct OcrOptions {
    /// Whether images are OCR'd at all (QR codes are decoded either way).
    pub enabled: bool,
    /// Tesseract language(s), such as `eng` or `eng+deu`.
    pub language: String,
    /// Where the `.traineddata` files are; Tesseract's default (`TESSDATA_PREFIX`, then
    /// the distribution's path) when `None`.
    pub datapath: Option<PathBuf>,
}

impl Default for OcrOptions {
    fn default() -> OcrOptions {
        OcrOptions {
            enabled: true,
            language: "eng".to_owned(),
            datapath: None,
        }
    }
}

/// Reads files into [`Document`]s. Build one and share it between threads: it holds only
/// settings (the process keeps the OCR engines, each used by one thread at a time).
#[derive(Debug, Clone, Default)]
pub struct Extractor {
    limits: Limits,
    ocr: OcrOptions,
}

/// What a format reader gets: the settings and the clock.
pub(crate) struct Ctx<'a> {
    pub limits: &'a Limits,
    pub ocr: &'a OcrOptions,
    deadline: Instant,
}

impl Ctx<'_> {
    /// `Err(Timeout)` once the file's time is up. Readers call it between pages, entries
    /// and images, so that no file runs far past [`Limits::timeout`].
    pub fn check_time(&self) -> Result<(), ExtractError> {
        if Instant::now() >= self.deadline {
            Err(ExtractError::Timeout(self.limits.timeout))
        } else {
            Ok(())
        }
    }

    /// The time left before the deadline (zero when it has passed).
    pub fn time_left(&self) -> Duration {
        self.deadline.saturating_duration_since(Instant::now())
    }
}

impl Extractor {
    /// An extractor with these limits and default OCR settings.
    pub fn new(limits: Limits) -> Extractor {
        Extractor {
            limits,
            ocr: OcrOptions::default(),
        }
    }

    /// The same extractor with these OCR settings.
    pub fn with_ocr(mut self, ocr: OcrOptions) -> Extractor {
        self.ocr = ocr;
        self
    }

    /// Its limits.
    pub fn limits(&self) -> &Limits {
        &self.limits
    }

    /// Reads one file. The type comes from the bytes; the limits bound the work; a panic
    /// in a format library on a malformed file is caught and reported as a corrupt file.
    pub fn extract(&self, bytes: &[u8]) -> Result<Document, ExtractError> {
        let size = bytes.len() as u64;
        if size > self.limits.max_file_bytes {
            return Err(ExtractError::TooLarge {
                size,
                limit: self.limits.max_file_bytes,
            });
        }
        let file_type = sniff(bytes)?;
        self.extract_as(bytes, file_type)
    }

    /// Reads one file as `file_type`, whatever its bytes look like: for a caller that knows
    /// the type, and for fuzzing each format's reader on its own. The same limits and
    /// panic guard as [`Extractor::extract`].
    pub fn extract_as(&self, bytes: &[u8], file_type: FileType) -> Result<Document, ExtractError> {
        let size = bytes.len() as u64;
        if size > self.limits.max_file_bytes {
            return Err(ExtractError::TooLarge {
                size,
                limit: self.limits.max_file_bytes,
            });
        }
        let ctx = Ctx {
            limits: &self.limits,
            ocr: &self.ocr,
            deadline: Instant::now() + self.limits.timeout,
        };
        let read = panic::catch_unwind(AssertUnwindSafe(|| match file_type {
            FileType::Text => text::extract(bytes, &ctx),
            FileType::Html => html::extract(bytes, &ctx),
            FileType::Pdf => pdf::extract(bytes, &ctx),
            FileType::Docx | FileType::Odt => office::extract(file_type, bytes, &ctx),
            FileType::Xlsx => xlsx::extract(bytes, &ctx),
            FileType::Png | FileType::Jpeg | FileType::Webp => {
                image::extract(file_type, bytes, &ctx)
            }
        }));
        let mut document = read.unwrap_or_else(|payload| {
            let reason = payload
                .downcast_ref::<&str>()
                .map(|s| (*s).to_owned())
                .or_else(|| payload.downcast_ref::<String>().cloned())
                .unwrap_or_else(|| "the reader failed".to_owned());
            Err(ExtractError::Corrupt {
                file_type,
                reason: format!("the {file_type} reader failed on it ({reason})"),
            })
        })?;
        ctx.check_time()?;
        cap_text(&mut document, self.limits.max_text_bytes);
        Ok(document)
    }
}

impl Extractor {
    /// What can be read safely of a ZIP container (DOCX, ODT, XLSX) that
    /// [`Extractor::extract`] refused for breaking a container limit
    /// ([`ExtractError::ZipBomb`]): the text of each XML part, inflated as a stream within
    /// the same budget and time and with its markup dropped, as [`Source::Raw`] segments
    /// named by part. Padding a part past the inflate ratio therefore cannot hide what it
    /// carries. `None` for other files, or when nothing could be read.
    pub fn salvage(&self, bytes: &[u8]) -> Option<Document> {
        if bytes.len() as u64 > self.limits.max_file_bytes {
            return None;
        }
        let file_type = sniff(bytes).ok()?;
        if !matches!(file_type, FileType::Docx | FileType::Odt | FileType::Xlsx) {
            return None;
        }
        let ctx = Ctx {
            limits: &self.limits,
            ocr: &self.ocr,
            deadline: Instant::now() + self.limits.timeout,
        };
        let mut document =
            panic::catch_unwind(AssertUnwindSafe(|| zipped::salvage(bytes, file_type, &ctx)))
                .ok()??;
        cap_text(&mut document, self.limits.max_text_bytes);
        Some(document)
    }
}

/// Keeps at most `limit` bytes of text over all segments, cutting on a character
/// boundary, with a warning when anything was dropped.
fn cap_text(document: &mut Document, limit: usize) {
    let mut left = limit;
    let mut dropped = 0usize;
    for segment in &mut document.segments {
        if segment.text.len() <= left {
            left -= segment.text.len();
            continue;
        }
        let mut cut = left;
        while !segment.text.is_char_boundary(cut) {
            cut -= 1;
        }
        dropped += segment.text.len() - cut;
        segment.text.truncate(cut);
        segment.boxes.retain(|(range, _)| range.end <= cut);
        left -= cut;
    }
    document.segments.retain(|segment| !segment.text.is_empty());
    if dropped > 0 {
        document.warnings.push(format!(
            "{dropped} bytes of text beyond the limit of {limit} were not scanned"
        ));
    }
}

/// The shortest run of printable ASCII kept by [`printable_text`]: shorter runs in binary
/// data are noise.
const MIN_PRINTABLE_RUN: usize = 6;

/// The text a reader can see in bytes that could not be read as their type: all of it when
/// the bytes are UTF-8 text (a text file that starts with `%PDF-` to hide from a text
/// scan), else every run of at least six printable ASCII characters, one a line, like
/// `strings`. At most `limit` bytes. A corrupt or disguised file is still scanned this way.
pub fn printable_text(bytes: &[u8], limit: usize) -> String {
    let body = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let mut text = match std::str::from_utf8(body) {
        Ok(text) if !text.contains('\0') => text.to_owned(),
        _ => {
            let mut out = String::new();
            for run in body.split(|b| !(b.is_ascii_graphic() || *b == b' ' || *b == b'\t')) {
                if run.len() >= MIN_PRINTABLE_RUN && out.len() < limit {
                    // Printable ASCII: always valid UTF-8.
                    out.push_str(std::str::from_utf8(run).unwrap_or_default());
                    out.push('\n');
                }
            }
            out
        }
    };
    if text.len() > limit {
        let mut cut = limit;
        while !text.is_char_boundary(cut) {
            cut -= 1;
        }
        text.truncate(cut);
    }
    text
}

#[cfg(test)]
mod printable_tests {
    use super::*;

    #[test]
    fn text_is_kept_whole_and_binary_gives_its_runs() {
        assert_eq!(
            printable_text(b"%PDF-1.7 mail me: a@b.co", 100),
            "%PDF-1.7 mail me: a@b.co"
        );
        let binary = b"\x00\x01PK\x03ab\x00call +1 415 839 2716\xff\xfe\x00";
        assert_eq!(printable_text(binary, 100), "call +1 415 839 2716\n");
        assert_eq!(printable_text(b"0123456789", 4), "0123");
        assert_eq!(printable_text("é€".as_bytes(), 3), "é");
    }
}

//! The bodies of offside's fuzz targets: each takes the fuzzer's bytes and drives one
//! parser or scanner on them. A target fails only by panicking (or hanging); everything
//! here must return normally on any input.
//!
//! `fuzz/` (a cargo-fuzz crate outside the workspace, built with nightly) calls these from
//! its `fuzz_targets`; `tests/replay.rs` runs every input kept under `fuzz/corpus/<target>/`
//! and `fuzz/crashes/<target>/` through the same functions on stable, so an input that once
//! crashed stays fixed. [`TARGETS`] names them all.

use std::sync::OnceLock;
use std::time::Duration;

use offside_detect::{Engine, EngineOptions};
use offside_extract::{Extractor, FileType, Limits, OcrOptions};
use offside_policy::event::PartyId;
use offside_policy::{Event, Policy};

/// A target's body.
pub type Target = fn(&[u8]);

/// Every target, by the name of its directory under `fuzz/corpus/` and `fuzz/crashes/`.
pub const TARGETS: &[(&str, Target)] = &[
    ("scan", scan),
    ("scan_conversation", scan_conversation),
    ("event", event),
    ("policy", policy),
    ("extract_text", extract_text),
    ("extract_html", extract_html),
    ("extract_pdf", extract_pdf),
    ("extract_docx", extract_docx),
    ("extract_odt", extract_odt),
    ("extract_xlsx", extract_xlsx),
    ("extract_image", extract_image),
    ("salvage", salvage),
];

fn engine() -> &'static Engine {
    static ENGINE: OnceLock<Engine> = OnceLock::new();
    ENGINE.get_or_init(|| Engine::new(EngineOptions::default()))
}

/// An extractor with small limits (fuzz inputs are small; a limit reached is a normal
/// answer) and no OCR (Tesseract is not the code under test, and is slow). Images and
/// rendered PDF pages stay under a quarter of a million pixels: the paths are the same at
/// any size, and a page rendered at full size would cost ten times the rest of a run.
fn extractor() -> &'static Extractor {
    static EXTRACTOR: OnceLock<Extractor> = OnceLock::new();
    EXTRACTOR.get_or_init(|| {
        Extractor::new(Limits {
            max_file_bytes: 1 << 20,
            max_pages: 20,
            max_unpacked_bytes: 8 << 20,
            max_pixels: 250_000,
            max_text_bytes: 1 << 20,
            timeout: Duration::from_secs(10),
            ..Limits::default()
        })
        .with_ocr(OcrOptions {
            enabled: false,
            ..OcrOptions::default()
        })
    })
}

fn text(data: &[u8]) -> std::borrow::Cow<'_, str> {
    String::from_utf8_lossy(data)
}

/// `Engine::scan` on the input as text; the findings' spans must lie in the text.
pub fn scan(data: &[u8]) {
    let text = text(data);
    for finding in engine().scan(&text, None) {
        assert!(finding.start <= finding.end && finding.end <= text.len());
        assert!(text.is_char_boundary(finding.start) && text.is_char_boundary(finding.end));
    }
}

/// `Engine::scan_conversation` on the input cut into messages at each NUL byte.
pub fn scan_conversation(data: &[u8]) {
    let text = text(data);
    let messages: Vec<&str> = text.split('\0').take(8).collect();
    for finding in engine().scan_conversation(&messages, None) {
        if let Some(index) = finding.message {
            assert!(index < messages.len());
        }
    }
}

/// The event parser, then a decision on what parsed.
pub fn event(data: &[u8]) {
    let Ok(event) = serde_json::from_slice::<Event<PartyId>>(data) else {
        return;
    };
    let policy = default_policy();
    let _ = offside_policy::check(engine(), policy, &event, None);
}

fn default_policy() -> &'static Policy {
    static POLICY: OnceLock<Policy> = OnceLock::new();
    POLICY.get_or_init(Policy::default)
}

/// The policy file parser.
pub fn policy(data: &[u8]) {
    let _ = Policy::from_toml(&text(data));
}

fn extract_as(data: &[u8], file_type: FileType) {
    if let Ok(document) = extractor().extract_as(data, file_type) {
        for segment in &document.segments {
            for (range, _) in &segment.boxes {
                assert!(range.end <= segment.text.len());
            }
        }
    }
}

/// The plain-text reader.
pub fn extract_text(data: &[u8]) {
    extract_as(data, FileType::Text);
}

/// The HTML reader.
pub fn extract_html(data: &[u8]) {
    extract_as(data, FileType::Html);
}

/// The PDF reader.
pub fn extract_pdf(data: &[u8]) {
    extract_as(data, FileType::Pdf);
}

/// The DOCX reader.
pub fn extract_docx(data: &[u8]) {
    extract_as(data, FileType::Docx);
}

/// The ODT reader.
pub fn extract_odt(data: &[u8]) {
    extract_as(data, FileType::Odt);
}

/// The XLSX reader.
pub fn extract_xlsx(data: &[u8]) {
    extract_as(data, FileType::Xlsx);
}

/// The image readers (PNG, JPEG, WebP: QR codes; OCR off), the type chosen by the bytes.
pub fn extract_image(data: &[u8]) {
    let file_type = match data.first().map(|b| b % 3) {
        Some(0) => FileType::Png,
        Some(1) => FileType::Jpeg,
        _ => FileType::Webp,
    };
    extract_as(data.get(1..).unwrap_or_default(), file_type);
}

/// The salvage path for containers over a limit, and the sniffer in front of every reader.
pub fn salvage(data: &[u8]) {
    let _ = offside_extract::sniff(data);
    let _ = extractor().salvage(data);
}

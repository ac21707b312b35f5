//! Attachments through the pipeline: **extract** the file's text with provenance and
//! **detect** in each piece; [`crate::decide_attachment`] then lets the **policy** decide
//! with the attachment's kind, declared or recognised from the content. Shared by `offside
//! scan --docs`, `offside check --docs` and `POST /v1/attachments`, so the three agree.
//!
//! Each segment of the document (a page, a sheet, a part, a link list, an OCR'd image, a QR
//! code) is scanned on its own, so a finding knows its page and its place in that page's
//! text, or its image region. For the policy the segments are joined, in order and separated
//! by a blank line, into one text: the decision's own finding spans index that joined text.

use offside_detect::{Engine, Finding, Region};
use offside_extract::{
    classify, printable_text, Classification, Document, ExtractError, Extractor, FileType,
    Location, Rect, Segment, Source,
};
use offside_policy::event::AttachmentKind;

/// What separates two segments in the joined text.
const SEPARATOR: &str = "\n\n";

/// A document after detection.
#[derive(Debug, Clone)]
pub struct ScannedDocument {
    /// What the file is.
    pub file_type: FileType,
    /// Its pages (1 for formats without pages).
    pub pages: u32,
    /// The findings, each with where it is in the file.
    pub findings: Vec<LocatedFinding>,
    /// Every segment's text joined by blank lines: the text the policy decides on.
    pub text: String,
    /// The findings with spans in [`ScannedDocument::text`], for the policy.
    pub text_findings: Vec<Finding>,
    /// The legal document the content was recognised as, if any.
    pub recognised: Option<Classification>,
    /// Parts of the file that could not be read, the rest being read.
    pub warnings: Vec<String>,
    /// Why the file could not be read as its type, when only its printable text was
    /// scanned (see [`read_and_scan`]).
    pub error: Option<String>,
}

/// A finding in a file, with its provenance.
#[derive(Debug, Clone)]
pub struct LocatedFinding {
    /// The finding; `start..end` index the text of its segment.
    pub finding: Finding,
    /// How the segment's text was obtained.
    pub source: Source,
    /// The 1-based page or sheet, for formats that have them.
    pub page: Option<u32>,
    /// The part of the file (a sheet name, a DOCX header...), when it has one.
    pub part: Option<String>,
    /// For images: where the evidence is.
    pub region: Option<Rect>,
}

/// The bytes of the raw-text fallback scanned at most: enough for any message-sized text
/// hidden in a broken file, bounded for a 50 MB one.
pub const RAW_TEXT_LIMIT: usize = 2 << 20;

/// What is scanned of a file that could not be read as its type: its printable text
/// ([`offside_extract::printable_text`]), as one `raw` segment. `None` for errors where
/// the bytes are not worth reading (over a limit, encrypted, timed out) or hold no text.
pub fn unreadable_document(bytes: &[u8], error: &ExtractError) -> Option<Document> {
    let file_type = match error {
        ExtractError::Corrupt { file_type, .. } => *file_type,
        ExtractError::Unsupported(_) => FileType::Text,
        _ => return None,
    };
    let text = printable_text(bytes, RAW_TEXT_LIMIT);
    if text.trim().is_empty() {
        return None;
    }
    Some(Document {
        file_type,
        pages: 0,
        segments: vec![Segment::text(text, Source::Raw, Location::default())],
        warnings: Vec::new(),
    })
}

/// Scans every segment of `document` with `engine` (`region`: the phone region hint, `None`
/// for the engine's default) and recognises legal documents from the text.
pub fn scan_document(
    engine: &Engine,
    document: Document,
    region: Option<Region>,
) -> ScannedDocument {
    let mut text = String::new();
    let mut findings = Vec::new();
    let mut text_findings = Vec::new();
    let mut readable = String::new();
    for segment in &document.segments {
        if !text.is_empty() {
            text.push_str(SEPARATOR);
        }
        let offset = text.len();
        text.push_str(&segment.text);
        if matches!(segment.source, Source::Text | Source::Ocr | Source::Raw) {
            readable.push_str(&segment.text);
            readable.push('\n');
        }
        for finding in scan_segment(engine, segment, region) {
            let mut shifted = finding.clone();
            shifted.start += offset;
            shifted.end += offset;
            text_findings.push(shifted);
            let region = match segment.source {
                Source::Ocr | Source::QrCode => segment.region_of(finding.start..finding.end),
                Source::Text | Source::Link | Source::Raw => None,
            };
            findings.push(LocatedFinding {
                finding,
                source: segment.source,
                page: segment.location.page,
                part: segment.location.part.clone(),
                region,
            });
        }
    }
    ScannedDocument {
        file_type: document.file_type,
        pages: document.pages,
        findings,
        text,
        text_findings,
        recognised: classify(&readable),
        warnings: document.warnings,
        error: None,
    }
}

/// The findings in one segment: for the regions the file gives it first (a spreadsheet
/// row's country), then for `region`, a later finding that overlaps an earlier one of its
/// kind dropped (the file's own cue is the better evidence), in text order.
fn scan_segment(engine: &Engine, segment: &Segment, region: Option<Region>) -> Vec<Finding> {
    let cued: Vec<Region> = segment
        .regions
        .iter()
        .filter_map(|code| Region::parse(code).ok())
        .collect();
    if cued.is_empty() {
        return engine.scan(&segment.text, region);
    }
    let mut findings: Vec<Finding> = Vec::new();
    for hint in cued.into_iter().map(Some).chain([region]) {
        for finding in engine.scan(&segment.text, hint) {
            let taken = findings
                .iter()
                .any(|f| f.kind == finding.kind && f.start < finding.end && finding.start < f.end);
            if !taken {
                findings.push(finding);
            }
        }
    }
    findings.sort_by_key(|f| f.start);
    findings
}

/// Reads `bytes` with `extractor` and scans the result. A file that cannot be read as its
/// type is still scanned for the text it shows ([`unreadable_document`]), and a container
/// that breaks a limit for the text of its parts as far as they can be read safely
/// ([`Extractor::salvage`]), with the error kept in [`ScannedDocument::error`]: a broken
/// PDF or a padded DOCX does not hide the address in it. `Err` only when there is no such
/// text either.
pub fn read_and_scan(
    extractor: &Extractor,
    engine: &Engine,
    bytes: &[u8],
    region: Option<Region>,
) -> Result<ScannedDocument, ExtractError> {
    match extractor.extract(bytes) {
        Ok(document) => Ok(scan_document(engine, document, region)),
        Err(error) => {
            // A container over a limit is read as far as is safe; anything else that
            // fails is read for its printable text.
            let document = match &error {
                ExtractError::ZipBomb { .. } => extractor.salvage(bytes),
                _ => unreadable_document(bytes, &error),
            };
            let Some(document) = document else {
                return Err(error);
            };
            let mut scanned = scan_document(engine, document, region);
            scanned.error = Some(error.to_string());
            Ok(scanned)
        }
    }
}

/// The policy's name for a recognised kind.
pub fn attachment_kind(classification: &Classification) -> AttachmentKind {
    use offside_extract::DocumentKind;
    match classification.kind {
        DocumentKind::Nda => AttachmentKind::Nda,
        DocumentKind::BusinessLicense => AttachmentKind::BusinessLicense,
        DocumentKind::IdDocument => AttachmentKind::IdDocument,
        DocumentKind::BackgroundCheck => AttachmentKind::BackgroundCheck,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use offside_detect::{EngineOptions, Kind};

    #[test]
    fn a_segment_is_read_for_the_regions_its_file_gives_it_first() {
        let engine = Engine::new(EngineOptions::default());
        let mut cell = Segment::text(
            "WhatsApp: 11987654321".to_owned(),
            Source::Text,
            Location::default(),
        );
        let phones = |document: Document| -> Vec<String> {
            scan_document(&engine, document, None)
                .findings
                .into_iter()
                .filter(|f| f.finding.kind == Kind::Phone)
                .filter_map(|f| f.finding.value)
                .collect()
        };
        let document = |segment: Segment| Document {
            file_type: FileType::Xlsx,
            pages: 1,
            segments: vec![segment],
            warnings: Vec::new(),
        };
        // Without the row's country, the number is not read as a Brazilian one.
        assert!(!phones(document(cell.clone())).contains(&"+5511987654321".to_owned()));
        cell.regions = vec!["BR".to_owned()];
        assert_eq!(phones(document(cell.clone())), ["+5511987654321"]);
        // An unknown code is ignored, not an error.
        cell.regions = vec!["XX".to_owned()];
        assert!(!phones(document(cell)).contains(&"+5511987654321".to_owned()));
    }
}

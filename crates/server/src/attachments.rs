//! Attachments through the pipeline: **extract** the file's text with provenance, **detect**
//! in each piece, then let the **policy** decide with the attachment's kind, declared or
//! recognised from the content. Shared by `offside scan --docs`, `offside check --docs` and
//! `POST /v1/attachments`, so the three agree.
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
use offside_policy::Decision;
use serde::ser::SerializeMap;
use serde::{Serialize, Serializer};
use serde_json::{json, Value};

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

impl Serialize for LocatedFinding {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let finding = &self.finding;
        let mut map = serializer.serialize_map(None)?;
        map.serialize_entry("kind", finding.kind.as_str())?;
        map.serialize_entry("value", &finding.value)?;
        map.serialize_entry("confidence", &finding.confidence)?;
        map.serialize_entry("rule", finding.rule)?;
        map.serialize_entry("source", &self.source)?;
        if let Some(page) = self.page {
            map.serialize_entry("page", &page)?;
        }
        if let Some(part) = &self.part {
            map.serialize_entry("part", part)?;
        }
        // Byte offsets mean something to a reader of text; in an image the region does.
        if !matches!(self.source, Source::Ocr | Source::QrCode) {
            map.serialize_entry("start", &finding.start)?;
            map.serialize_entry("end", &finding.end)?;
        }
        if let Some(region) = &self.region {
            map.serialize_entry("region", region)?;
        }
        map.end()
    }
}

/// What a recognised legal document looks like in a report.
#[derive(Debug, Clone, Serialize)]
pub struct RecognisedReport {
    /// The policy's attachment kind (`nda`, `business_license`...).
    pub kind: &'static str,
    /// The evidence, in a sentence.
    pub reason: String,
}

/// The report on one file that `scan --docs`, `check --docs` and `POST /v1/attachments`
/// print, its keys in this order.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Report {
    /// The caller's event id (the service echoes it).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<Value>,
    /// The file: its path on the command line, its name in a multipart upload.
    pub file: Option<String>,
    /// Its type, once recognised.
    #[serde(rename = "type", skip_serializing_if = "Option::is_none")]
    pub file_type: Option<FileType>,
    /// Its pages.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub pages: Option<u32>,
    /// What was found, and where.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub findings: Option<Vec<LocatedFinding>>,
    /// The legal document it was recognised as.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub recognised: Option<RecognisedReport>,
    /// Parts that could not be read.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub warnings: Vec<String>,
    /// The policy's decision (`check --docs`, the service).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub decision: Option<Decision>,
    /// The ledger events written for the decision (`POST /v1/attachments?record=true`),
    /// the first time it was recorded.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub recorded: Option<Vec<String>>,
    /// Why the file could not be read or decided.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub error: Option<String>,
}

impl Report {
    /// The report on a scanned file, without a decision.
    pub fn scanned(file: Option<String>, scanned: &ScannedDocument) -> Report {
        Report {
            file,
            file_type: Some(scanned.file_type),
            // A file read only for its printable text has no pages to speak of.
            pages: scanned.error.is_none().then_some(scanned.pages),
            findings: Some(scanned.findings.clone()),
            recognised: scanned.recognised.as_ref().map(|c| RecognisedReport {
                kind: c.kind.as_str(),
                reason: c.reason(),
            }),
            warnings: scanned.warnings.clone(),
            error: scanned.error.clone(),
            ..Report::default()
        }
    }
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
pub(crate) fn attachment_kind(classification: &Classification) -> AttachmentKind {
    use offside_extract::DocumentKind;
    match classification.kind {
        DocumentKind::Nda => AttachmentKind::Nda,
        DocumentKind::BusinessLicense => AttachmentKind::BusinessLicense,
        DocumentKind::IdDocument => AttachmentKind::IdDocument,
        DocumentKind::BackgroundCheck => AttachmentKind::BackgroundCheck,
    }
}

/// The event an attachment is decided as when the caller says nothing else: sent
/// now by a freelancer to a client with no contract between them, the commonest case and the
/// strictest.
pub fn default_event(now: &str) -> Value {
    json!({
        "surface": "attachment",
        "at": now,
        "sender": {"id": "sender", "role": "freelancer"},
        "recipient": {"id": "recipient", "role": "client"},
        "relationship": {"state": "none"},
    })
}

/// Lays `overrides` (a JSON object) over `base`, key by key, objects recursively.
pub fn merge(base: &mut Value, overrides: Value) {
    match (base, overrides) {
        (Value::Object(base), Value::Object(overrides)) => {
            for (key, value) in overrides {
                match base.get_mut(&key) {
                    Some(slot) if slot.is_object() && value.is_object() => merge(slot, value),
                    _ => {
                        base.insert(key, value);
                    }
                }
            }
        }
        (base, overrides) => *base = overrides,
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

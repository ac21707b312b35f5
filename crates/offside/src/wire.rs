//! The serialisable formats of findings and decisions: what every surface (the CLI's lines,
//! the HTTP answers, the stream's decisions, the ledger's stored answers) writes.
//!
//! There are two shapes of a finding, and they differ on purpose:
//!
//! - [`FindingJson`] (defined in `offside-policy`, because a [`Decision`] serialises its
//!   findings with it) is a finding in a message or a conversation: `kind`, `value`,
//!   `start`, `end` (bytes of the original text), `confidence`, `rule`, then where in a
//!   conversation it is. `offside scan` writes it with [`FindingJson::scan`] (adding the
//!   link's `role` and a split value's `parts`); decisions and `POST /v1/scan` with
//!   [`FindingJson::decision`], the shape stored answers have always had, since a retried
//!   event is answered with its stored answer verbatim.
//! - [`LocatedFinding`] is a finding in a file: the same `kind`, `value`, `confidence` and
//!   `rule`, then its provenance (`source`, `page`, `part`), its offsets in its segment's
//!   text only when the segment is text (in an image, OCR'd or a QR code, the `region` of the
//!   picture is what locates it). Its offsets index a segment, not a message, so it is not
//!   a [`FindingJson`] with more fields.
//!
//! A decision is written by its own `Serialize` (in `offside-policy`); the answer the service
//! gives for an event adds its `id` and the ledger events written (`offside-ledger`'s
//! `DecisionAnswer`, which is also what the ledger stores, masked). A file's line is a
//! [`Report`].

use offside_extract::{FileType, Source};
use offside_policy::Decision;
use serde::ser::SerializeMap;
use serde::{Serialize, Serializer};
use serde_json::{json, Value};

pub use offside_policy::FindingJson;

use crate::attachments::{LocatedFinding, ScannedDocument};

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

/// The JSON schema of a [`LocatedFinding`] (feature `openapi`), next to the `Serialize`
/// above that it describes.
#[cfg(feature = "openapi")]
impl utoipa::PartialSchema for LocatedFinding {
    fn schema() -> utoipa::openapi::RefOr<utoipa::openapi::schema::Schema> {
        let kinds: Vec<&str> = offside_detect::Kind::ALL
            .iter()
            .map(|kind| kind.as_str())
            .collect();
        let sources: Vec<Value> = [
            Source::Text,
            Source::Link,
            Source::Ocr,
            Source::QrCode,
            Source::Raw,
        ]
        .iter()
        .map(|source| json!(source))
        .collect();
        let pixels = json!({"type": "integer", "minimum": 0});
        let schema = json!({
            "type": "object",
            "description": "A finding in a file, with where in the file it was found.",
            "required": ["kind", "value", "confidence", "rule", "source"],
            "properties": {
                "kind": {"type": "string", "enum": kinds},
                "value": {"type": "string"},
                "confidence": {"type": "number", "minimum": 0, "maximum": 1},
                "rule": {"type": "string"},
                "source": {"type": "string", "enum": sources, "description": "How the segment's text was obtained."},
                "page": {"type": "integer", "minimum": 1},
                "part": {"type": "string", "description": "The part of the file (a sheet, an entry)."},
                "start": {"type": "integer", "minimum": 0, "description": "Byte offset in the segment's text; absent for OCR and QR codes."},
                "end": {"type": "integer", "minimum": 0},
                "region": {"type": "object", "description": "The box in the image, in pixels.", "required": ["x", "y", "width", "height"],
                    "properties": {"x": pixels, "y": pixels, "width": pixels, "height": pixels}}
            }
        });
        utoipa::openapi::RefOr::T(
            serde_json::from_value(schema).expect("a well-formed JSON schema"),
        )
    }
}

#[cfg(feature = "openapi")]
impl utoipa::ToSchema for LocatedFinding {}

/// What a recognised legal document looks like in a report.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct RecognisedReport {
    /// The policy's attachment kind (`nda`, `business_license`...).
    pub kind: &'static str,
    /// The evidence, in a sentence.
    pub reason: String,
}

/// The report on one file that `scan --docs`, `check --docs` and `POST /v1/attachments`
/// print, its keys in this order.
#[derive(Debug, Clone, Default, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Report {
    /// The caller's event id (the service echoes it).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<Value>,
    /// The file: its path on the command line, its name in a multipart upload.
    pub file: Option<String>,
    /// Its type, once recognised.
    #[serde(rename = "type", skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "openapi", schema(value_type = Option<String>))]
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

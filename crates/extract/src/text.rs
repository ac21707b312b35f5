//! Plain text: UTF-8 (byte-order mark stripped) or UTF-16 with a byte-order mark.

use crate::{Ctx, Document, ExtractError, FileType, Location, Segment, Source};

pub(crate) fn extract(bytes: &[u8], _ctx: &Ctx) -> Result<Document, ExtractError> {
    let text = decode(bytes);
    let segments = if text.is_empty() {
        Vec::new()
    } else {
        vec![Segment::text(text, Source::Text, Location::default())]
    };
    Ok(Document {
        file_type: FileType::Text,
        pages: 1,
        segments,
        warnings: Vec::new(),
    })
}

/// The text of `bytes`; invalid sequences and unpaired surrogates become U+FFFD.
pub(crate) fn decode(bytes: &[u8]) -> String {
    if let Some(rest) = bytes.strip_prefix(&[0xFF, 0xFE]) {
        return decode_utf16(rest, u16::from_le_bytes);
    }
    if let Some(rest) = bytes.strip_prefix(&[0xFE, 0xFF]) {
        return decode_utf16(rest, u16::from_be_bytes);
    }
    let body = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    String::from_utf8_lossy(body).into_owned()
}

fn decode_utf16(bytes: &[u8], unit: fn([u8; 2]) -> u16) -> String {
    let units = bytes.chunks_exact(2).map(|c| unit([c[0], c[1]]));
    let mut text: String = char::decode_utf16(units)
        .map(|c| c.unwrap_or(char::REPLACEMENT_CHARACTER))
        .collect();
    if bytes.len() % 2 == 1 {
        text.push(char::REPLACEMENT_CHARACTER);
    }
    text
}

//! Recognising a file's type from its bytes, never its name.

use std::io::{Cursor, Read};

use zip::ZipArchive;

use crate::{ExtractError, FileType};

const OLE2: &[u8] = &[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
const PNG: &[u8] = b"\x89PNG\r\n\x1a\n";
const ODT_MIMETYPE: &str = "application/vnd.oasis.opendocument.text";

/// The type of a file, from its bytes.
///
/// A ZIP container is opened to tell DOCX, ODT and XLSX apart; an OLE2 file is a legacy
/// Office document, or a password-protected modern one. Anything that is neither a known
/// binary format nor text is [`ExtractError::Unsupported`].
pub fn sniff(bytes: &[u8]) -> Result<FileType, ExtractError> {
    if bytes.is_empty() {
        return Err(ExtractError::Unsupported("an empty file".to_owned()));
    }
    let head = &bytes[..bytes.len().min(1024)];
    if find(head, b"%PDF-").is_some() {
        return Ok(FileType::Pdf);
    }
    if bytes.starts_with(PNG) {
        return Ok(FileType::Png);
    }
    if bytes.starts_with(&[0xFF, 0xD8, 0xFF]) {
        return Ok(FileType::Jpeg);
    }
    if bytes.len() >= 12 && bytes.starts_with(b"RIFF") && bytes.get(8..12) == Some(b"WEBP") {
        return Ok(FileType::Webp);
    }
    if bytes.starts_with(b"PK\x03\x04") {
        return sniff_zip(bytes);
    }
    if bytes.starts_with(OLE2) {
        return if find_utf16le(bytes, "EncryptedPackage") {
            Err(ExtractError::Encrypted(FileType::Docx))
        } else {
            Err(ExtractError::Unsupported(
                "a legacy Office file (.doc/.xls); save it as DOCX/XLSX".to_owned(),
            ))
        };
    }
    if let Some(text) = text_start(bytes) {
        return Ok(if looks_like_html(&text) {
            FileType::Html
        } else {
            FileType::Text
        });
    }
    let shown: Vec<String> = bytes.iter().take(8).map(|b| format!("{b:02X}")).collect();
    Err(ExtractError::Unsupported(format!(
        "binary data starting with {}",
        shown.join(" ")
    )))
}

fn sniff_zip(bytes: &[u8]) -> Result<FileType, ExtractError> {
    let mut archive = ZipArchive::new(Cursor::new(bytes)).map_err(|e| ExtractError::Corrupt {
        // The container is unreadable, so which Office type it was meant to be is unknown;
        // DOCX is the most common.
        file_type: FileType::Docx,
        reason: format!("a ZIP archive that cannot be read ({e})"),
    })?;
    if archive.index_for_name("mimetype").is_some() {
        let mut mimetype = Vec::new();
        if let Ok(entry) = archive.by_name("mimetype") {
            // A failed read leaves a mimetype that does not match.
            let _ = entry.take(256).read_to_end(&mut mimetype);
        }
        if mimetype.trim_ascii() == ODT_MIMETYPE.as_bytes() {
            return Ok(FileType::Odt);
        }
    }
    if archive.index_for_name("word/document.xml").is_some() {
        return Ok(FileType::Docx);
    }
    if archive.index_for_name("xl/workbook.xml").is_some() {
        return Ok(FileType::Xlsx);
    }
    Err(ExtractError::Unsupported(
        "a ZIP archive that is not a DOCX, ODT or XLSX".to_owned(),
    ))
}

/// The first kilobyte as text, if the file is text: UTF-8 (with or without a byte-order
/// mark, no NUL bytes) or UTF-16 with a byte-order mark.
fn text_start(bytes: &[u8]) -> Option<String> {
    let head = &bytes[..bytes.len().min(1024)];
    let utf16 = |le: bool| {
        let units = head[2..].chunks_exact(2).map(|c| {
            if le {
                u16::from_le_bytes([c[0], c[1]])
            } else {
                u16::from_be_bytes([c[0], c[1]])
            }
        });
        let text: String = char::decode_utf16(units)
            .map(|c| c.unwrap_or(char::REPLACEMENT_CHARACTER))
            .collect();
        Some(text)
    };
    if head.starts_with(&[0xFF, 0xFE]) {
        return utf16(true);
    }
    if head.starts_with(&[0xFE, 0xFF]) {
        return utf16(false);
    }
    let body = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    if body.contains(&0) {
        return None;
    }
    match std::str::from_utf8(body) {
        Ok(text) => Some(text.chars().take(1024).collect()),
        Err(_) => None,
    }
}

fn looks_like_html(text: &str) -> bool {
    let start: String = text
        .trim_start_matches('\u{FEFF}')
        .trim_start()
        .chars()
        .take(1024)
        .collect::<String>()
        .to_ascii_lowercase();
    if ["<!doctype html", "<html", "<head", "<body"]
        .iter()
        .any(|tag| start.starts_with(tag))
    {
        return true;
    }
    // A comment or XML declaration may come first: the tags anywhere in the first KB.
    start.starts_with('<')
        && ["<!doctype html", "<html", "<head", "<body"]
            .iter()
            .any(|tag| start.contains(tag))
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

fn find_utf16le(haystack: &[u8], needle: &str) -> bool {
    let encoded: Vec<u8> = needle.encode_utf16().flat_map(u16::to_le_bytes).collect();
    find(haystack, &encoded).is_some()
}

//! PDF: the text layer of each page, and the targets of its link annotations.
//!
//! Decompression bombs: lopdf 0.47 bounds each stream it inflates (per stream while
//! loading, per page while extracting text), but not the total, so a file whose pages all
//! reference one stream that inflates to just under the bound would be inflated once per
//! page. Before any text is extracted, the content streams and `ToUnicode` maps each page
//! will decode are measured with a capped inflater against one budget,
//! [`Limits::max_unpacked_bytes`](crate::Limits::max_unpacked_bytes), counted once per page
//! that uses them (as lopdf decodes them); over it the file fails with
//! [`ExtractError::ZipBomb`].

use std::collections::BTreeMap;
use std::error::Error as _;
use std::io::{self, Read};

use flate2::read::ZlibDecoder;
use lopdf::{DecompressError, Dictionary, LoadOptions, Object, ObjectId};

use crate::{Ctx, Document, ExtractError, FileType, Location, Segment, Source};

const PDF: FileType = FileType::Pdf;

pub(crate) fn extract(bytes: &[u8], ctx: &Ctx) -> Result<Document, ExtractError> {
    let budget = ctx.limits.max_unpacked_bytes;
    let per_stream = usize::try_from(budget).unwrap_or(usize::MAX);
    let options = LoadOptions {
        max_decompressed_size: Some(per_stream),
        ..LoadOptions::default()
    };
    let mut pdf = lopdf::Document::load_mem_with_options(bytes, options).map_err(load_error)?;
    ctx.check_time()?;
    if pdf.is_encrypted() {
        // Not decrypted while loading: try the empty user password, as viewers do.
        if pdf.decrypt("").is_err() || pdf.is_encrypted() {
            return Err(ExtractError::Encrypted(PDF));
        }
    }

    let pages = pdf.get_pages();
    let count = pages.len() as u64;
    if count > u64::from(ctx.limits.max_pages) {
        return Err(ExtractError::TooManyPages {
            file_type: PDF,
            pages: count,
            limit: ctx.limits.max_pages,
        });
    }
    if count == 0 {
        return Err(ExtractError::Corrupt {
            file_type: PDF,
            reason: "it has no pages".to_owned(),
        });
    }

    guard_bombs(&pdf, &pages, budget, ctx)?;

    let mut document = Document {
        file_type: PDF,
        pages: u32::try_from(count).unwrap_or(u32::MAX),
        segments: Vec::new(),
        warnings: Vec::new(),
    };
    for (&number, &page_id) in &pages {
        ctx.check_time()?;
        let location = Location {
            page: Some(number),
            ..Location::default()
        };
        match pdf.extract_text_with_limit(&[number], per_stream) {
            Ok(text) => {
                let text = text.trim_end().to_owned();
                if !text.is_empty() {
                    document
                        .segments
                        .push(Segment::text(text, Source::Text, location.clone()));
                }
            }
            Err(lopdf::Error::Decompress(DecompressError::MemoryLimitExceeded { limit })) => {
                return Err(ExtractError::ZipBomb {
                    file_type: PDF,
                    reason: format!("page {number} inflates to more than {limit} bytes"),
                })
            }
            Err(e) => document.warnings.push(format!(
                "page {number}: its text cannot be read ({})",
                describe(&e)
            )),
        }
        let links = page_links(&pdf, page_id);
        if !links.is_empty() {
            document
                .segments
                .push(Segment::text(links.join("\n"), Source::Link, location));
        }
    }
    Ok(document)
}

fn load_error(e: lopdf::Error) -> ExtractError {
    match e {
        lopdf::Error::Decompress(DecompressError::MemoryLimitExceeded { limit }) => {
            ExtractError::ZipBomb {
                file_type: PDF,
                reason: format!("a stream inflates to more than {limit} bytes"),
            }
        }
        lopdf::Error::Decryption(_) | lopdf::Error::InvalidPassword => ExtractError::Encrypted(PDF),
        e => ExtractError::Corrupt {
            file_type: PDF,
            reason: describe(&e),
        },
    }
}

/// An error with its causes, `outer: inner: ...`.
fn describe(e: &lopdf::Error) -> String {
    let mut text = e.to_string();
    let mut source = e.source();
    while let Some(cause) = source {
        let cause_text = cause.to_string();
        if !text.contains(&cause_text) {
            text.push_str(": ");
            text.push_str(&cause_text);
        }
        source = cause.source();
    }
    text
}

/// Fails with [`ExtractError::ZipBomb`] when the streams text extraction will inflate add
/// up to more than `budget` bytes.
fn guard_bombs(
    pdf: &lopdf::Document,
    pages: &BTreeMap<u32, ObjectId>,
    budget: u64,
    ctx: &Ctx,
) -> Result<(), ExtractError> {
    let mut total: u64 = 0;
    for (&number, &page_id) in pages {
        ctx.check_time()?;
        let mut streams = pdf.get_page_contents(page_id);
        if let Ok(fonts) = pdf.get_page_fonts(page_id) {
            for font in fonts.values() {
                if let Ok(Object::Reference(id)) = font.get(b"ToUnicode") {
                    streams.push(*id);
                }
            }
        }
        for id in streams {
            let Ok(Object::Stream(stream)) = pdf.get_object(id) else {
                continue;
            };
            let left = budget.saturating_sub(total);
            total = total.saturating_add(inflated_size(stream, left, ctx)?);
            if total > budget {
                return Err(ExtractError::ZipBomb {
                    file_type: PDF,
                    reason: format!(
                        "the streams of pages 1 to {number} inflate to more than the limit of {budget} bytes"
                    ),
                });
            }
        }
    }
    Ok(())
}

/// The size `stream` inflates to, counted up to `cap + 1` bytes without keeping them
/// when it is a plain Flate stream; through lopdf's bounded decoder otherwise.
fn inflated_size(stream: &lopdf::Stream, cap: u64, ctx: &Ctx) -> Result<u64, ExtractError> {
    let over = cap.saturating_add(1);
    let plain_flate = matches!(stream.filters().as_deref(), Ok([b"FlateDecode"]))
        && stream.dict.get(b"DecodeParms").is_err();
    if plain_flate {
        let mut inflater = ZlibDecoder::new(stream.content.as_slice()).take(over);
        let mut buffer = vec![0u8; 64 << 10];
        let mut count: u64 = 0;
        let mut since_check: u64 = 0;
        loop {
            match inflater.read(&mut buffer) {
                Ok(0) => return Ok(count),
                Ok(n) => {
                    count += n as u64;
                    since_check += n as u64;
                    if since_check >= 16 << 20 {
                        since_check = 0;
                        ctx.check_time()?;
                    }
                }
                Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
                // Not plain zlib: measured below as lopdf decodes it (raw deflate fallback).
                Err(_) => break,
            }
        }
    }
    if stream.filters().is_err() {
        return Ok(stream.content.len() as u64);
    }
    let limit = usize::try_from(cap).unwrap_or(usize::MAX);
    Ok(match stream.decompressed_content_with_limit(limit) {
        Ok(data) => data.len() as u64,
        Err(lopdf::Error::Decompress(DecompressError::MemoryLimitExceeded { .. })) => over,
        // Undecodable: lopdf will fail on it the same way, after no more work than this.
        Err(_) => 0,
    })
}

/// The URI targets of the page's link annotations, in order, without repeats.
fn page_links(pdf: &lopdf::Document, page_id: ObjectId) -> Vec<String> {
    let mut links: Vec<String> = Vec::new();
    let Ok(annotations) = pdf.get_page_annotations(page_id) else {
        return links;
    };
    for annotation in annotations {
        let Some(uri) = annotation_uri(pdf, annotation) else {
            continue;
        };
        let uri = uri.trim().to_owned();
        if !uri.is_empty() && !links.contains(&uri) {
            links.push(uri);
        }
    }
    links
}

fn annotation_uri(pdf: &lopdf::Document, annotation: &Dictionary) -> Option<String> {
    let action = annotation.get_deref(b"A", pdf).ok()?.as_dict().ok()?;
    let uri = action.get_deref(b"URI", pdf).ok()?;
    let bytes = match uri {
        Object::String(bytes, _) => bytes,
        _ => return None,
    };
    Some(pdf_string(bytes))
}

/// A PDF text string: UTF-16BE with a byte-order mark, else (close enough) Latin-1/UTF-8.
fn pdf_string(bytes: &[u8]) -> String {
    if let Some(rest) = bytes.strip_prefix(&[0xFE, 0xFF]) {
        let units = rest
            .chunks_exact(2)
            .map(|c| u16::from_be_bytes([c[0], c[1]]));
        return char::decode_utf16(units)
            .map(|c| c.unwrap_or(char::REPLACEMENT_CHARACTER))
            .collect();
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => text.to_owned(),
        Err(_) => bytes.iter().map(|&b| char::from(b)).collect(),
    }
}

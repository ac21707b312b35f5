//! A ZIP container read within the limits: the one place the zip-bomb guard lives, shared
//! by the DOCX, ODT and XLSX readers.
//!
//! Every entry is read through a reader capped one byte past what is left of the budget, so
//! neither a lying declared size nor a deflate stream longer than declared gets past
//! [`Limits::max_unpacked_bytes`](crate::Limits::max_unpacked_bytes).

use std::io::{Cursor, Read};

use zip::result::ZipError;
use zip::ZipArchive;

use crate::{Ctx, ExtractError, FileType};

/// An opened container and what has been inflated from it so far.
pub(crate) struct Zipped<'a> {
    archive: ZipArchive<Cursor<&'a [u8]>>,
    file_type: FileType,
    names: Vec<String>,
    unpacked: u64,
    max_unpacked: u64,
    max_ratio: u64,
}

impl<'a> Zipped<'a> {
    /// Opens the archive and checks its entry count.
    pub fn open(
        bytes: &'a [u8],
        file_type: FileType,
        ctx: &Ctx,
    ) -> Result<Zipped<'a>, ExtractError> {
        let archive = ZipArchive::new(Cursor::new(bytes)).map_err(|e| ExtractError::Corrupt {
            file_type,
            reason: format!("not a readable ZIP archive ({e})"),
        })?;
        let entries = archive.len();
        if entries > ctx.limits.max_entries {
            return Err(ExtractError::ZipBomb {
                file_type,
                reason: format!(
                    "it has {entries} entries, over the limit of {}",
                    ctx.limits.max_entries
                ),
            });
        }
        let names = archive
            .file_names_raw()
            .map(|raw| String::from_utf8_lossy(raw).into_owned())
            .collect();
        Ok(Zipped {
            archive,
            file_type,
            names,
            unpacked: 0,
            max_unpacked: ctx.limits.max_unpacked_bytes,
            max_ratio: ctx.limits.max_ratio,
        })
    }

    /// The entry names, in the order of the central directory.
    pub fn names(&self) -> &[String] {
        &self.names
    }

    /// The inflated bytes of the entry `name`, `None` when there is no such entry.
    pub fn read(&mut self, name: &str) -> Result<Option<Vec<u8>>, ExtractError> {
        let Some(index) = self.archive.index_for_name(name) else {
            return Ok(None);
        };
        let file_type = self.file_type;
        let corrupt = |e: &dyn std::fmt::Display| ExtractError::Corrupt {
            file_type,
            reason: format!("the entry {name} cannot be read ({e})"),
        };
        // The metadata, without starting decryption or decompression.
        let (encrypted, declared, compressed) = {
            let raw = self.archive.by_index_raw(index).map_err(|e| corrupt(&e))?;
            (raw.encrypted(), raw.size(), raw.compressed_size())
        };
        if encrypted {
            return Err(ExtractError::Encrypted(file_type));
        }
        let left = self.max_unpacked.saturating_sub(self.unpacked);
        if declared > left {
            return Err(self.over_budget(name));
        }
        if declared > 1024 && declared / compressed.max(1) > self.max_ratio {
            return Err(ExtractError::ZipBomb {
                file_type,
                reason: format!(
                    "the entry {name} inflates {compressed} bytes to {declared}, a ratio over the limit of {}",
                    self.max_ratio
                ),
            });
        }
        let entry = match self.archive.by_index(index) {
            Ok(entry) => entry,
            Err(ZipError::UnsupportedArchive(msg)) if msg == ZipError::PASSWORD_REQUIRED => {
                return Err(ExtractError::Encrypted(file_type))
            }
            Err(e) => return Err(corrupt(&e)),
        };
        let mut out = Vec::with_capacity(declared.min(left).min(16 << 20) as usize);
        entry
            .take(left.saturating_add(1))
            .read_to_end(&mut out)
            .map_err(|e| corrupt(&e))?;
        let got = out.len() as u64;
        if got > left {
            return Err(self.over_budget(name));
        }
        // A stream longer than declared is checked against the ratio too.
        if got > 1024 && got / compressed.max(1) > self.max_ratio {
            return Err(ExtractError::ZipBomb {
                file_type,
                reason: format!(
                    "the entry {name} inflates {compressed} bytes to {got}, a ratio over the limit of {}",
                    self.max_ratio
                ),
            });
        }
        self.unpacked += got;
        Ok(Some(out))
    }

    /// The entry `name` as UTF-8 text (lossy), `None` when there is no such entry.
    pub fn read_string(&mut self, name: &str) -> Result<Option<String>, ExtractError> {
        Ok(self
            .read(name)?
            .map(|bytes| match String::from_utf8(bytes) {
                Ok(text) => text,
                Err(e) => String::from_utf8_lossy(e.as_bytes()).into_owned(),
            }))
    }

    fn over_budget(&self, name: &str) -> ExtractError {
        ExtractError::ZipBomb {
            file_type: self.file_type,
            reason: format!(
                "the entry {name} takes the inflated content over the limit of {} bytes",
                self.max_unpacked
            ),
        }
    }
}

/// How much is inflated at a time while salvaging.
const SALVAGE_CHUNK: usize = 64 << 10;

/// What can be read safely of a container that broke a limit (a zip bomb, or a part padded
/// past the inflate ratio to hide what it says): every XML part is inflated as a stream,
/// within [`Limits::max_unpacked_bytes`](crate::Limits::max_unpacked_bytes) in all and the
/// file's time limit, its markup dropped and its runs of white space collapsed as it goes,
/// keeping at most [`Limits::max_text_bytes`](crate::Limits::max_text_bytes) of text. So a
/// megabyte of padding costs a megabyte of inflating and one space, and what comes after it
/// is still read; memory holds only the text kept. Each part with text becomes one
/// [`Source::Raw`](crate::Source::Raw) segment named by the part. `None` when nothing could
/// be read.
pub(crate) fn salvage(bytes: &[u8], file_type: FileType, ctx: &Ctx) -> Option<crate::Document> {
    let mut archive = ZipArchive::new(Cursor::new(bytes)).ok()?;
    let mut inflate_left = ctx.limits.max_unpacked_bytes;
    let mut text_left = ctx.limits.max_text_bytes;
    let mut segments = Vec::new();
    let mut warnings = Vec::new();
    let entries = archive.len().min(ctx.limits.max_entries);
    let mut chunk = vec![0u8; SALVAGE_CHUNK];
    for index in 0..entries {
        if ctx.check_time().is_err() || inflate_left == 0 || text_left == 0 {
            warnings.push("the rest of the file was not read: a limit was reached".to_owned());
            break;
        }
        let Ok(mut entry) = archive.by_index(index) else {
            continue;
        };
        let Ok(name) = entry.name().map(|name| name.into_owned()) else {
            continue;
        };
        if entry.encrypted() || !name.ends_with(".xml") {
            continue;
        }
        let mut stripper = MarkupStripper::default();
        loop {
            if ctx.check_time().is_err() || inflate_left == 0 || stripper.text.len() >= text_left {
                break;
            }
            let want = chunk
                .len()
                .min(usize::try_from(inflate_left).unwrap_or(usize::MAX));
            let got = match entry.read(&mut chunk[..want]) {
                Ok(0) | Err(_) => break,
                Ok(got) => got,
            };
            inflate_left -= got as u64;
            stripper.feed(&chunk[..got]);
        }
        let mut text = stripper.finish();
        if text.len() > text_left {
            let mut cut = text_left;
            while !text.is_char_boundary(cut) {
                cut -= 1;
            }
            text.truncate(cut);
        }
        let text = text.trim().to_owned();
        if text.is_empty() {
            continue;
        }
        text_left -= text.len();
        segments.push(crate::Segment::text(
            text,
            crate::Source::Raw,
            crate::Location {
                part: Some(name),
                ..crate::Location::default()
            },
        ));
    }
    if segments.is_empty() {
        return None;
    }
    Some(crate::Document {
        file_type,
        pages: 1,
        segments,
        warnings,
    })
}

/// Turns a stream of XML bytes into its text: markup dropped, the five predefined entities
/// and numeric character references decoded, white space collapsed to one space, and a
/// line break at the end of each paragraph, cell or row so that values in neighbouring
/// cells do not run together. Runs split inside a word (`<w:t>jo</w:t><w:t>hn</w:t>`) are
/// joined as a reader sees them.
#[derive(Default)]
struct MarkupStripper {
    text: String,
    /// Bytes of text not yet decoded (a UTF-8 sequence or an entity split by a chunk).
    pending: Vec<u8>,
    in_tag: bool,
    tag: Vec<u8>,
    space: bool,
}

/// The most bytes of a tag kept to read its name.
const TAG_NAME_BYTES: usize = 32;

impl MarkupStripper {
    fn feed(&mut self, bytes: &[u8]) {
        for &byte in bytes {
            if self.in_tag {
                if byte == b'>' {
                    self.in_tag = false;
                    self.end_tag();
                } else if self.tag.len() < TAG_NAME_BYTES {
                    self.tag.push(byte);
                }
                continue;
            }
            match byte {
                b'<' => {
                    self.flush();
                    self.in_tag = true;
                    self.tag.clear();
                }
                b' ' | b'\t' | b'\r' | b'\n' => {
                    self.flush();
                    self.space = true;
                }
                _ => self.pending.push(byte),
            }
        }
        // A long run without space or markup: decode all of it but a possibly split
        // character or entity at its end, so the pending bytes stay few.
        if self.pending.len() > 4096 {
            let mut cut = self.pending.len();
            let tail_start = cut.saturating_sub(12);
            if let Some(amp) = self.pending[tail_start..].iter().rposition(|b| *b == b'&') {
                if !self.pending[tail_start + amp..].contains(&b';') {
                    cut = tail_start + amp;
                }
            }
            while cut > 0 && cut < self.pending.len() && (self.pending[cut] & 0xC0) == 0x80 {
                cut -= 1;
            }
            let rest = self.pending.split_off(cut);
            self.flush();
            self.pending = rest;
        }
    }

    /// A paragraph, cell or row ends: a line break. Other tags join their neighbours.
    fn end_tag(&mut self) {
        let tag = self.tag.as_slice();
        let closing = tag.first() == Some(&b'/');
        let self_closing = tag.last() == Some(&b'/');
        let name = tag
            .strip_prefix(b"/")
            .unwrap_or(tag)
            .split(|b| b.is_ascii_whitespace() || *b == b'/')
            .next()
            .unwrap_or_default();
        let local = name.rsplit(|b| *b == b':').next().unwrap_or_default();
        let breaks = matches!(
            local,
            b"p" | b"h"
                | b"tc"
                | b"tr"
                | b"c"
                | b"row"
                | b"si"
                | b"br"
                | b"tab"
                | b"table-cell"
                | b"line-break"
                | b"s"
        );
        if breaks && (closing || self_closing) && !self.text.is_empty() {
            if local == b"tab" || local == b"s" {
                self.space = true;
            } else if !self.text.ends_with('\n') {
                self.text.push('\n');
                self.space = false;
            }
        }
    }

    fn flush(&mut self) {
        if self.pending.is_empty() {
            return;
        }
        if self.space && !self.text.is_empty() && !self.text.ends_with('\n') {
            self.text.push(' ');
        }
        self.space = false;
        let pending = std::mem::take(&mut self.pending);
        let raw = String::from_utf8_lossy(&pending);
        decode_entities(&raw, &mut self.text);
    }

    fn finish(mut self) -> String {
        self.flush();
        self.text
    }
}

/// Appends `raw` to `out` with XML entities and character references decoded; anything
/// that is not one is kept as it is.
fn decode_entities(raw: &str, out: &mut String) {
    let mut rest = raw;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        let after = &rest[amp + 1..];
        let decoded = after.find(';').filter(|end| *end <= 10).and_then(|end| {
            let name = &after[..end];
            let ch = match name {
                "amp" => Some('&'),
                "lt" => Some('<'),
                "gt" => Some('>'),
                "quot" => Some('"'),
                "apos" => Some('\''),
                _ => name
                    .strip_prefix("#x")
                    .or_else(|| name.strip_prefix("#X"))
                    .and_then(|hex| u32::from_str_radix(hex, 16).ok())
                    .or_else(|| name.strip_prefix('#').and_then(|dec| dec.parse().ok()))
                    .and_then(char::from_u32),
            }?;
            Some((ch, end))
        });
        match decoded {
            Some((ch, end)) => {
                out.push(ch);
                rest = &after[end + 1..];
            }
            None => {
                out.push('&');
                rest = after;
            }
        }
    }
    out.push_str(rest);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn strip(chunks: &[&str]) -> String {
        let mut stripper = MarkupStripper::default();
        for chunk in chunks {
            stripper.feed(chunk.as_bytes());
        }
        stripper.finish()
    }

    #[test]
    fn markup_goes_padding_collapses_paragraphs_break() {
        let padding = " ".repeat(100_000);
        let xml = format!(
            "<w:document><w:body><w:p><w:r><w:t>mail</w:t></w:r>{padding}<w:r><w:t xml:space=\"preserve\"> jo</w:t></w:r><w:r><w:t>hn@example.com</w:t></w:r></w:p><w:p><w:t>call &#43;1 415 555 2671 &amp; more</w:t></w:p></w:body></w:document>"
        );
        assert_eq!(
            strip(&[&xml]),
            "mail john@example.com\ncall +1 415 555 2671 & more\n"
        );
    }

    #[test]
    fn chunks_may_split_anything() {
        let xml = "<a:p>caf\u{e9} &amp; t\u{e9}</a:p><a:p>x</a:p>";
        let whole = strip(&[xml]);
        for cut in 1..xml.len() {
            if !xml.is_char_boundary(cut) {
                // Feed bytes split inside a UTF-8 sequence.
                let bytes = xml.as_bytes();
                let mut stripper = MarkupStripper::default();
                stripper.feed(&bytes[..cut]);
                stripper.feed(&bytes[cut..]);
                assert_eq!(stripper.finish(), whole, "cut at {cut}");
                continue;
            }
            assert_eq!(strip(&[&xml[..cut], &xml[cut..]]), whole, "cut at {cut}");
        }
        assert_eq!(whole, "café & té\nx\n");
        // A long word with no markup is decoded in pieces, none split.
        let word = format!("{}&amp;{}", "é".repeat(3000), "b".repeat(5000));
        let mut stripper = MarkupStripper::default();
        for piece in word.as_bytes().chunks(1000) {
            stripper.feed(piece);
        }
        assert_eq!(stripper.finish(), word.replace("&amp;", "&"));
    }
}

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

//! PDF: the text of each page, and the targets of its link annotations.
//!
//! The file is parsed by lopdf (structure, encryption, page count, the bomb guard below,
//! link annotations) and, when a page needs it, by Poppler through its GLib binding
//! (`poppler-rs`), the renderer of most Linux PDF viewers. A plainly laid out page (each
//! line one run of text with its spaces written, lines top to bottom: see [`plain`]) is
//! read by lopdf in content order, at a tenth of Poppler's cost; any other page's text is
//! Poppler's text layer, which places every glyph by its coordinates and joins glyphs into
//! words and lines as `pdftotext` does, so letter-spaced headings, columns and text drawn
//! one glyph per text object read as words; lopdf's text (content order) is the fallback
//! when Poppler cannot open the file.
//!
//! A page with no usable text (fewer than [`MIN_TEXT_CHARS`] letters and digits: a scanned
//! page, text drawn as vector outlines, a page that is one picture) is rendered by Poppler
//! through cairo and read as an image ([`crate::image::read`]: QR codes, then OCR), its
//! segments marked [`Source::Ocr`]/[`Source::QrCode`]. The resolution follows the page's
//! largest embedded image (a scan is read at about its own resolution), between
//! [`MIN_RENDER_DPI`] and [`MAX_RENDER_DPI`], within [`MAX_RENDER_PIXELS`] (and
//! [`Limits::max_pixels`](crate::Limits::max_pixels)). A page that
//! yields no text either way gets a warning. Pages are read and rendered in order on the
//! calling thread (Poppler's objects cannot leave it), and the rendered pages are read as
//! images on up to [`Limits::ocr_threads`](crate::Limits::ocr_threads) threads at once, what
//! they read put back in page order ([`parallel`]). Rendering decodes the page's images and fonts:
//! before it, their declared pixel sizes are checked against
//! [`Limits::max_pixels`](crate::Limits::max_pixels) and their streams counted in the same
//! inflate budget as the text's.
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

use image::GrayImage;

use crate::{Ctx, Document, ExtractError, FileType, Location, Segment, Source};

mod parallel;
mod plain;

const PDF: FileType = FileType::Pdf;

/// A page with fewer letters and digits than this in its text layer is read as an image
/// (a page number or a scanner's stamp is not the page's text).
pub(crate) const MIN_TEXT_CHARS: usize = 24;
/// Lowest resolution a page is rendered at for OCR (a page without images: outlines).
const MIN_RENDER_DPI: f64 = 150.0;
/// Highest resolution a page is rendered at (a scan at 600 dpi is read at this).
const MAX_RENDER_DPI: f64 = 300.0;
/// Resolution for a page without images: vector outlines of body text (10–12 pt) come out
/// 30–40 px high, Tesseract's best size.
const OUTLINE_DPI: f64 = 250.0;
/// Pixels of one rendered page at most (an A4 page at 300 dpi is 8.7 million).
const MAX_RENDER_PIXELS: f64 = 12_000_000.0;

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
    let reader = PageReader {
        pdf: &pdf,
        renderer: Renderer::new(bytes, budget),
        per_stream,
        ctx,
    };
    parallel::read_pages(reader, &pages, &mut document)?;
    Ok(document)
}

/// What reads the pages of one file on the calling thread: their text, and each page
/// without usable text rendered for reading as an image.
struct PageReader<'a> {
    pdf: &'a lopdf::Document,
    renderer: Renderer<'a>,
    per_stream: usize,
    ctx: &'a Ctx<'a>,
}

impl PageReader<'_> {
    /// Reads page `number` into `document` (its text, its links), and returns it rendered
    /// when it is to be read as an image; the image's text belongs in `document` where the
    /// returned [`PageImage`] says.
    fn read(
        &mut self,
        number: u32,
        page_id: ObjectId,
        document: &mut Document,
    ) -> Result<Option<PageImage>, ExtractError> {
        let (pdf, ctx, per_stream) = (self.pdf, self.ctx, self.per_stream);
        ctx.check_time()?;
        let location = Location {
            page: Some(number),
            ..Location::default()
        };
        // A plainly laid out page is read in content order (about a tenth of Poppler's
        // time); any other through Poppler, by position.
        let plain = plain::text(pdf, page_id, per_stream);
        let mut page = None;
        let text = match plain {
            Some(text) => Some(text),
            None => {
                page = self.renderer.page(number, &mut document.warnings);
                match &page {
                    Some(page) => Some(page.text().map(|t| t.to_string()).unwrap_or_default()),
                    None => match pdf.extract_text_with_limit(&[number], per_stream) {
                        Ok(text) => Some(text),
                        Err(lopdf::Error::Decompress(DecompressError::MemoryLimitExceeded {
                            limit,
                        })) => {
                            return Err(ExtractError::ZipBomb {
                                file_type: PDF,
                                reason: format!(
                                    "page {number} inflates to more than {limit} bytes"
                                ),
                            })
                        }
                        Err(e) => {
                            document.warnings.push(format!(
                                "page {number}: its text cannot be read ({})",
                                describe(&e)
                            ));
                            None
                        }
                    },
                }
            }
        };
        let text = text.map(|t| t.trim_end().to_owned()).unwrap_or_default();
        let usable = usable_text(&text);
        if !text.is_empty() {
            document
                .segments
                .push(Segment::text(text, Source::Text, location.clone()));
        }
        let mut image = None;
        if !usable {
            if page.is_none() {
                page = self.renderer.page(number, &mut document.warnings);
            }
            let grey = render_for_reading(pdf, page_id, page.as_ref(), number, ctx, document)?;
            image = grey.map(|grey| PageImage {
                grey,
                location: location.clone(),
                place: Place {
                    page: number,
                    segments_at: document.segments.len(),
                    warnings_at: document.warnings.len(),
                },
            });
        }
        let links = page_links(pdf, page_id);
        if !links.is_empty() {
            document
                .segments
                .push(Segment::text(links.join("\n"), Source::Link, location));
        }
        Ok(image)
    }
}

/// A page rendered to be read as an image.
struct PageImage {
    grey: GrayImage,
    location: Location,
    place: Place,
}

/// Where what a page reads as an image goes in the document.
#[derive(Debug, Clone, Copy)]
struct Place {
    /// The page (from 1).
    page: u32,
    /// How many segments the document held when the page was rendered: the image's
    /// segments go there (after the page's text, before its links).
    segments_at: usize,
    /// The same for its warnings.
    warnings_at: usize,
}

/// What reading a rendered page as an image gave.
#[derive(Debug)]
struct ImageRead {
    segments: Vec<Segment>,
    warnings: Vec<String>,
}

/// Reads a rendered page as an image ([`crate::image::read`]: QR codes, then OCR), with a
/// warning when that gives no text. Runs on any thread.
fn read_image(image: &PageImage, ctx: &Ctx) -> Result<ImageRead, ExtractError> {
    let number = image.place.page;
    let mut read = Document {
        file_type: PDF,
        pages: 1,
        segments: Vec::new(),
        warnings: Vec::new(),
    };
    crate::image::read(&image.grey, &image.location, ctx, &mut read)?;
    if ctx.ocr.enabled {
        let any_text = read
            .segments
            .iter()
            .any(|s| s.text.chars().any(char::is_alphanumeric));
        if !any_text {
            read.warnings.push(format!(
                "page {number}: no text layer, and OCR read no text in it"
            ));
        }
    } else {
        read.warnings.push(format!(
            "page {number}: no text layer, and OCR is disabled: its text was not read"
        ));
    }
    Ok(ImageRead {
        segments: read.segments,
        warnings: read.warnings,
    })
}

/// Whether a page's text layer holds enough letters and digits to be its text.
pub(crate) fn usable_text(text: &str) -> bool {
    text.chars()
        .filter(|c| c.is_alphanumeric())
        .take(MIN_TEXT_CHARS)
        .count()
        >= MIN_TEXT_CHARS
}

/// Poppler's view of the file, opened the first time a page needs it (a file whose pages
/// are all read in content order never parses twice).
struct Renderer<'a> {
    bytes: &'a [u8],
    /// The memory Poppler may take for the file's table of objects.
    budget: u64,
    document: Option<Option<poppler::Document>>,
}

impl<'a> Renderer<'a> {
    fn new(bytes: &'a [u8], budget: u64) -> Renderer<'a> {
        Renderer {
            bytes,
            budget,
            document: None,
        }
    }

    /// Page `number` (from 1), or `None` when Poppler cannot open the file (said once in
    /// `warnings`) or the page.
    fn page(&mut self, number: u32, warnings: &mut Vec<String>) -> Option<poppler::Page> {
        let document = self
            .document
            .get_or_insert_with(|| match open_poppler(self.bytes, self.budget) {
            Ok(poppler) => Some(poppler),
            Err(reason) => {
                warnings.push(format!(
                    "the PDF renderer cannot open the file ({reason}): pages read from their text layer only, in content order"
                ));
                None
            }
        });
        document.as_ref()?.page(i32::try_from(number).ok()? - 1)
    }
}

/// The file opened by Poppler (with the empty user password, as lopdf was), unless it
/// declares more objects than its size can hold and the memory budget allows.
fn open_poppler(bytes: &[u8], budget: u64) -> Result<poppler::Document, String> {
    let declared = declared_objects(bytes);
    if declared > object_table_cap(bytes.len(), budget) {
        return Err(format!(
            "it declares object number {declared}, more than a file of {} bytes holds",
            bytes.len()
        ));
    }
    let data = glib::Bytes::from(bytes);
    poppler::Document::from_bytes(&data, Some("")).map_err(|e| e.message().to_owned())
}

/// Bytes Poppler's cross-reference table takes for each object number it makes room for
/// (an offset, a generation, a type, flags and a slot for the parsed object).
const XREF_ENTRY_BYTES: u64 = 40;

/// The most object numbers Poppler is let make room for: sixteen a byte of the file (an
/// object takes a dozen bytes at least, fewer inside a compressed object stream), at least
/// 65,536, and never more than the memory budget holds.
fn object_table_cap(file_len: usize, budget: u64) -> u64 {
    let by_size = (file_len as u64).saturating_mul(16).max(1 << 16);
    by_size.min(budget / XREF_ENTRY_BYTES)
}

/// The largest object number the file declares, as Poppler reads them to size its table
/// (for a broken file too, whose objects it finds by scanning for them): an object's
/// header ("12 0 obj"), a trailer's or cross-reference stream's `/Size`, a cross-reference
/// section's first number and count ("xref 0 31"). A 500-byte file that declares object
/// 30,000,005 cost Poppler 1.3 GB.
fn declared_objects(bytes: &[u8]) -> u64 {
    static DECLARATIONS: std::sync::LazyLock<regex::bytes::Regex> = std::sync::LazyLock::new(
        || {
            regex::bytes::Regex::new(
                r"(?-u)(?:(\d{1,19})[ \t\r\n\x0c\x00]+\d{1,10}[ \t\r\n\x0c\x00]+obj|/Size[ \t\r\n\x0c\x00]*(\d{1,19})|xref[ \t\r\n\x0c\x00]+(\d{1,19})[ \t\r\n\x0c\x00]+(\d{1,19}))",
            )
            .expect("built-in pattern compiles")
        },
    );
    let number = |m: Option<regex::bytes::Match<'_>>| {
        m.and_then(|m| std::str::from_utf8(m.as_bytes()).ok()?.parse::<u64>().ok())
            .unwrap_or(0)
    };
    DECLARATIONS
        .captures_iter(bytes)
        .map(|c| {
            number(c.get(1))
                .max(number(c.get(2)))
                .max(number(c.get(3)).saturating_add(number(c.get(4))))
        })
        .max()
        .unwrap_or(0)
}

/// Renders a page without usable text to be read as an image, or says in `document` why it
/// could not (`None`). Fails when the page's images or fonts break a limit, or the time is up.
fn render_for_reading(
    pdf: &lopdf::Document,
    page_id: ObjectId,
    page: Option<&poppler::Page>,
    number: u32,
    ctx: &Ctx,
    document: &mut Document,
) -> Result<Option<GrayImage>, ExtractError> {
    let Some(page) = page else {
        document.warnings.push(format!(
            "page {number}: no text layer, and the page could not be rendered to be read as an image"
        ));
        return Ok(None);
    };
    let images = page_images(pdf, page_id);
    if let Some(&(width, height)) = images
        .iter()
        .find(|(w, h)| u64::from(*w) * u64::from(*h) > ctx.limits.max_pixels)
    {
        return Err(ExtractError::ImageTooLarge {
            width,
            height,
            limit: ctx.limits.max_pixels,
        });
    }
    let budget = ctx.limits.max_unpacked_bytes;
    let mut total: u64 = 0;
    for id in page_font_files(pdf, page_id) {
        let Ok(Object::Stream(stream)) = pdf.get_object(id) else {
            continue;
        };
        total = total.saturating_add(inflated_size(stream, budget.saturating_sub(total), ctx)?);
        if total > budget {
            return Err(ExtractError::ZipBomb {
                file_type: PDF,
                reason: format!(
                    "the fonts of page {number} inflate to more than the limit of {budget} bytes"
                ),
            });
        }
    }
    let (page_width, page_height) = page.size();
    let budget = render_budget(ctx);
    let dpi = render_dpi(&images, page_width, page_height, budget);
    let Some(grey) = render(page, dpi / 72.0, budget) else {
        document.warnings.push(format!(
            "page {number}: no text layer, and the page could not be rendered to be read as an image"
        ));
        return Ok(None);
    };
    ctx.check_time()?;
    Ok(Some(grey))
}

/// The resolution a page is rendered at: about that of its largest image when it has one
/// (a scan), else [`OUTLINE_DPI`]; within the bounds and the pixel budget.
fn render_dpi(images: &[(u32, u32)], page_width: f64, page_height: f64, budget: f64) -> f64 {
    let widest = images
        .iter()
        .max_by_key(|(w, h)| u64::from(*w) * u64::from(*h));
    let mut dpi = match widest {
        // The image's resolution if it spans the page's longer side, as a scan does.
        Some(&(w, h)) if page_width > 0.0 && page_height > 0.0 => {
            let (long_px, long_pt) = (f64::from(w.max(h)), page_width.max(page_height));
            (long_px / (long_pt / 72.0)).clamp(MIN_RENDER_DPI, MAX_RENDER_DPI)
        }
        _ => OUTLINE_DPI,
    };
    let pixels = (page_width * dpi / 72.0) * (page_height * dpi / 72.0);
    if pixels > budget {
        dpi *= (budget / pixels).sqrt();
    }
    dpi
}

/// The embedded font programs (`FontFile`, `FontFile2`, `FontFile3`) of a page's fonts,
/// composite fonts' descendants included: what rendering decodes besides the content.
fn page_font_files(pdf: &lopdf::Document, page_id: ObjectId) -> Vec<ObjectId> {
    let mut ids = Vec::new();
    let Ok(fonts) = pdf.get_page_fonts(page_id) else {
        return ids;
    };
    for font in fonts.values() {
        let mut dictionaries = vec![*font];
        if let Ok(descendants) = font
            .get_deref(b"DescendantFonts", pdf)
            .and_then(Object::as_array)
        {
            dictionaries.extend(
                descendants
                    .iter()
                    .filter_map(|d| pdf.dereference(d).ok()?.1.as_dict().ok()),
            );
        }
        for dict in dictionaries {
            let Ok(descriptor) = dict
                .get_deref(b"FontDescriptor", pdf)
                .and_then(Object::as_dict)
            else {
                continue;
            };
            for key in [&b"FontFile"[..], b"FontFile2", b"FontFile3"] {
                if let Ok(Object::Reference(id)) = descriptor.get(key) {
                    ids.push(*id);
                }
            }
        }
    }
    ids
}

/// The declared pixel sizes of the image XObjects a page draws (directly or through its
/// forms, one level down).
fn page_images(pdf: &lopdf::Document, page_id: ObjectId) -> Vec<(u32, u32)> {
    let mut sizes = Vec::new();
    let Ok((resources, ids)) = pdf.get_page_resources(page_id) else {
        return sizes;
    };
    let mut dictionaries: Vec<&Dictionary> = resources.into_iter().collect();
    for id in ids {
        if let Ok(dict) = pdf.get_dictionary(id) {
            dictionaries.push(dict);
        }
    }
    let mut forms = Vec::new();
    for resources in dictionaries {
        collect_images(pdf, resources, &mut sizes, Some(&mut forms));
    }
    for form in forms {
        if let Ok(resources) = form.get_deref(b"Resources", pdf).and_then(Object::as_dict) {
            collect_images(pdf, resources, &mut sizes, None);
        }
    }
    sizes
}

fn collect_images<'a>(
    pdf: &'a lopdf::Document,
    resources: &'a Dictionary,
    sizes: &mut Vec<(u32, u32)>,
    mut forms: Option<&mut Vec<&'a Dictionary>>,
) {
    let Ok(xobjects) = resources
        .get_deref(b"XObject", pdf)
        .and_then(Object::as_dict)
    else {
        return;
    };
    for (_, object) in xobjects.iter() {
        let Ok(Object::Stream(stream)) = pdf.dereference(object).map(|(_, o)| o) else {
            continue;
        };
        let dict = &stream.dict;
        match dict.get(b"Subtype").and_then(Object::as_name) {
            Ok(b"Image") => {
                let side = |key: &[u8]| {
                    dict.get_deref(key, pdf)
                        .ok()
                        .and_then(|o| o.as_i64().ok())
                        .and_then(|v| u32::try_from(v).ok())
                        .unwrap_or(0)
                };
                sizes.push((side(b"Width"), side(b"Height")));
            }
            Ok(b"Form") => {
                if let Some(forms) = forms.as_deref_mut() {
                    forms.push(dict);
                }
            }
            _ => {}
        }
    }
}

/// Pixels a rendered page may have: [`MAX_RENDER_PIXELS`], or fewer when
/// [`Limits::max_pixels`](crate::Limits::max_pixels) allows fewer for any image.
fn render_budget(ctx: &Ctx) -> f64 {
    MAX_RENDER_PIXELS.min(ctx.limits.max_pixels as f64)
}

/// The page rendered at `scale` device pixels per point, in 8-bit grey on white.
fn render(page: &poppler::Page, scale: f64, budget: f64) -> Option<GrayImage> {
    let (width, height) = page.size();
    let w = (width * scale).ceil();
    let h = (height * scale).ceil();
    if !(w >= 1.0 && h >= 1.0 && w * h <= budget * 1.01) {
        return None;
    }
    let (w, h) = (w as i32, h as i32);
    let mut surface = cairo::ImageSurface::create(cairo::Format::Rgb24, w, h).ok()?;
    {
        let cr = cairo::Context::new(&surface).ok()?;
        cr.set_source_rgb(1.0, 1.0, 1.0);
        cr.paint().ok()?;
        cr.scale(scale, scale);
        page.render(&cr);
    }
    surface.flush();
    let stride = usize::try_from(surface.stride()).ok()?;
    let (w, h) = (usize::try_from(w).ok()?, usize::try_from(h).ok()?);
    let data = surface.data().ok()?;
    let mut grey = Vec::with_capacity(w * h);
    for row in data.chunks(stride).take(h) {
        // RGB24: one native-endian u32 a pixel, 0x00RRGGBB.
        for pixel in row[..w * 4].chunks_exact(4) {
            let value = u32::from_ne_bytes([pixel[0], pixel[1], pixel[2], pixel[3]]);
            let (r, g, b) = ((value >> 16) & 0xFF, (value >> 8) & 0xFF, value & 0xFF);
            grey.push(((r * 299 + g * 587 + b * 114 + 500) / 1000) as u8);
        }
    }
    GrayImage::from_raw(u32::try_from(w).ok()?, u32::try_from(h).ok()?, grey)
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

#[cfg(test)]
mod tests {
    use super::{declared_objects, object_table_cap};

    #[test]
    fn declared_objects_reads_headers_sizes_and_sections() {
        assert_eq!(declared_objects(b"%PDF-1.4\n1 0 obj\n<<>>\nendobj\n"), 1);
        assert_eq!(declared_objects(b"trailer << /Size 31 /Root 1 0 R >>"), 31);
        assert_eq!(declared_objects(b"xref\n0 12\n0000000000 65535 f \n"), 12);
        // The shape of the fuzzer's input that cost Poppler 1.3 GB: a broken file with one
        // enormous object number among ordinary ones.
        let bomb = b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\n30000005 0 obj\x08<<>>\n3 0 obj";
        assert_eq!(declared_objects(bomb), 30_000_005);
        assert!(declared_objects(bomb) > object_table_cap(bomb.len(), 200 << 20));
    }

    #[test]
    fn the_object_table_cap_grows_with_the_file_within_the_budget() {
        assert_eq!(object_table_cap(500, 200 << 20), 1 << 16);
        assert_eq!(object_table_cap(64 << 10, 200 << 20), 1 << 20);
        assert_eq!(object_table_cap(100 << 20, 200 << 20), (200 << 20) / 40);
    }
}

//! OCR with Tesseract (through the C API that `leptess` exposes as `leptess::capi`).
//!
//! One engine per thread: initialising Tesseract loads the language model (about 0.1 s for
//! the `eng` model of tesseract-ocr-eng, more for larger models and several languages), so
//! each thread keeps its engine for the next image, and rebuilds it only when the language
//! or data path changes.
//!
//! Before recognition the grey image is prepared for the text of screenshots: images under
//! 1200 px high are upscaled ×2 with Lanczos3 (UI text is 12–16 px high; Tesseract reads best
//! at about 30 px), and dark-mode images (mean luminance under 128) are inverted. Tesseract
//! thresholds locally (Sauvola) rather than with one threshold for the page. Recognition
//! runs under a deadline taken from the file's time left (Tesseract's `ETEXT_DESC`
//! monitor); page layout analysis, before recognition, is not interruptible.
//!
//! The text is the recognised words joined by a space within a line, lines by `\n`, and
//! blocks by a blank line; each word's byte range comes with its box in the pixels of the
//! original image.

use std::cell::RefCell;
use std::ffi::{CStr, CString};
use std::ops::Range;
use std::os::raw::c_int;
use std::path::{Path, PathBuf};

use image::imageops::{self, FilterType};
use image::GrayImage;
use leptess::capi;

use crate::{Ctx, ExtractError, OcrOptions, Rect};

/// Text recognised in an image.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct OcrText {
    /// The words, in reading order.
    pub text: String,
    /// Each word's byte range in `text` and its box in the original image.
    pub boxes: Vec<(Range<usize>, Rect)>,
    /// What went wrong without failing the image.
    pub warnings: Vec<String>,
}

/// Images under this height are upscaled before OCR.
const UPSCALE_BELOW_HEIGHT: u32 = 1200;
/// The upscaled image is kept under this many pixels (recognition time grows with it).
const MAX_OCR_PIXELS: f64 = 16_000_000.0;
/// Images narrower or lower than this (after scaling) hold no readable text.
const MIN_OCR_SIDE: f64 = 8.0;
/// Tesseract keeps coordinates in 16-bit integers: larger images are downscaled to fit.
const MAX_OCR_SIDE: f64 = 30_000.0;
/// The resolution Tesseract is told the image has: text of 30 px at 300 dpi is 7 pt,
/// a plausible size, and a known resolution avoids its "Invalid resolution" guess.
const SOURCE_DPI: c_int = 300;
/// Words under this confidence are dropped when they hold no letter or digit: the dashes,
/// bars and quotes Tesseract reads into icons, avatars and bubble edges.
const MIN_CONFIDENCE_FOR_SYMBOLS: f32 = 30.0;

/// The text in `grey`. `Err(OcrUnavailable)` when Tesseract cannot start with the
/// configured language, `Err(Timeout)` when recognition does not finish in the time left.
pub(crate) fn recognize(grey: &GrayImage, ctx: &Ctx) -> Result<OcrText, ExtractError> {
    let (width, height) = grey.dimensions();
    let scale = scale_for(width, height);
    if f64::from(width.min(height)) * scale < MIN_OCR_SIDE {
        // No line of text fits (and Leptonica's thresholding complains on stderr).
        return Ok(OcrText::default());
    }
    let prepared = prepare(grey, scale);
    ctx.check_time()?;

    ENGINE.with(|cell| {
        let mut slot = cell.borrow_mut();
        let stale = slot.as_ref().is_none_or(|engine| !engine.is_for(ctx.ocr));
        if stale {
            // Drop the old engine first: two loaded models at once is memory for nothing.
            *slot = None;
            *slot = Some(Engine::new(ctx.ocr)?);
        }
        let engine = slot.as_mut().expect("the engine was just set");
        let tsv = engine.recognize(&prepared, ctx)?;
        let Some(tsv) = tsv else {
            return Ok(OcrText {
                warnings: vec!["OCR failed on the image (Tesseract gave no result)".to_owned()],
                ..OcrText::default()
            });
        };
        Ok(words_from_tsv(&tsv, scale, width, height))
    })
}

/// The factor the image is resized by before OCR.
fn scale_for(width: u32, height: u32) -> f64 {
    let (w, h) = (f64::from(width), f64::from(height));
    // ×2, not ×3: on rendered chat screenshots ×3 misread more small text than ×2 and
    // took 1.5 times as long.
    let mut scale: f64 = if height < UPSCALE_BELOW_HEIGHT {
        2.0
    } else {
        1.0
    };
    // Keep the upscaled image within the pixel budget (but never shrink for it).
    if scale > 1.0 && w * h * scale * scale > MAX_OCR_PIXELS {
        scale = (MAX_OCR_PIXELS / (w * h)).sqrt().max(1.0);
    }
    // Keep both sides within what Tesseract can address.
    let longer = w.max(h) * scale;
    if longer > MAX_OCR_SIDE {
        scale *= MAX_OCR_SIDE / longer;
    }
    scale
}

/// The image Tesseract gets: dark text on a light background, resized by `scale`.
///
/// Tesseract would retry light-on-dark lines inverted by itself when their confidence is
/// low, but that recognises them twice: a dark-mode chat took 1.7 s without the inversion
/// here and 0.7–1.3 s with it, for the same text.
fn prepare(grey: &GrayImage, scale: f64) -> GrayImage {
    let pixels = grey.as_raw();
    let sum: u64 = pixels.iter().map(|&p| u64::from(p)).sum();
    let mean = sum / pixels.len().max(1) as u64;
    let mut image = if (scale - 1.0).abs() > f64::EPSILON {
        let width = ((f64::from(grey.width()) * scale).round() as u32).max(1);
        let height = ((f64::from(grey.height()) * scale).round() as u32).max(1);
        // Lanczos3 read 12 px text where Catmull-Rom and bilinear misread `.` as `,`.
        imageops::resize(grey, width, height, FilterType::Lanczos3)
    } else {
        grey.clone()
    };
    if mean < 128 {
        imageops::invert(&mut image);
    }
    image
}

/// Parses Tesseract's TSV output into text and word boxes mapped back to the original
/// image (`scale` is the factor the OCR'd image was resized by).
fn words_from_tsv(tsv: &str, scale: f64, width: u32, height: u32) -> OcrText {
    let mut out = OcrText::default();
    let mut last_line: Option<(u32, u32, u32)> = None;
    for row in tsv.lines() {
        let fields: Vec<&str> = row.split('\t').collect();
        // level page block paragraph line word left top width height conf text
        if fields.len() < 12 || fields[0] != "5" {
            continue;
        }
        let numbers: Option<Vec<i64>> = fields[1..10].iter().map(|f| f.parse().ok()).collect();
        let Some(numbers) = numbers else { continue };
        let confidence: f32 = fields[10].parse().unwrap_or(-1.0);
        let word = fields[11..].join(" ");
        let word = word.trim();
        if word.is_empty() {
            continue;
        }
        if confidence < MIN_CONFIDENCE_FOR_SYMBOLS && !word.chars().any(char::is_alphanumeric) {
            continue;
        }
        let clamp = |v: i64| u32::try_from(v.max(0)).unwrap_or(u32::MAX);
        let (block, paragraph, line) = (clamp(numbers[1]), clamp(numbers[2]), clamp(numbers[3]));
        match last_line {
            None => {}
            Some((b, _, _)) if b != block => out.text.push_str("\n\n"),
            Some(previous) if previous != (block, paragraph, line) => out.text.push('\n'),
            Some(_) => out.text.push(' '),
        }
        last_line = Some((block, paragraph, line));
        let start = out.text.len();
        out.text.push_str(word);
        let rect = unscale(
            numbers[5] as f64,
            numbers[6] as f64,
            numbers[7] as f64,
            numbers[8] as f64,
            scale,
            width,
            height,
        );
        out.boxes.push((start..out.text.len(), rect));
    }
    out
}

/// A box in the OCR'd image as a box in the original image, clamped to it.
fn unscale(left: f64, top: f64, w: f64, h: f64, scale: f64, width: u32, height: u32) -> Rect {
    let x0 = (left / scale).floor().clamp(0.0, f64::from(width));
    let y0 = (top / scale).floor().clamp(0.0, f64::from(height));
    let x1 = ((left + w) / scale).ceil().clamp(x0, f64::from(width));
    let y1 = ((top + h) / scale).ceil().clamp(y0, f64::from(height));
    Rect {
        x: x0 as u32,
        y: y0 as u32,
        width: (x1 - x0).max(1.0) as u32,
        height: (y1 - y0).max(1.0) as u32,
    }
}

thread_local! {
    static ENGINE: RefCell<Option<Engine>> = const { RefCell::new(None) };
}

/// A Tesseract engine with a loaded language model. Never leaves its thread (the raw
/// pointer makes it neither `Send` nor `Sync`).
struct Engine {
    api: *mut capi::TessBaseAPI,
    language: String,
    datapath: Option<PathBuf>,
}

impl Engine {
    fn is_for(&self, options: &OcrOptions) -> bool {
        self.language == options.language && self.datapath == options.datapath
    }

    fn new(options: &OcrOptions) -> Result<Engine, ExtractError> {
        let language = options.language.as_str();
        let tried = match &options.datapath {
            Some(path) => format!("in {}", path.display()),
            None => format!("in Tesseract's default data path ({})", default_datapath()),
        };
        let valid = !language.is_empty()
            && language
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '-' | '+'));
        if !valid {
            return Err(ExtractError::OcrUnavailable(format!(
                "the Tesseract language {language:?} is not a language name (such as eng or eng+deu)"
            )));
        }
        if let Some(path) = &options.datapath {
            if !path.is_dir() {
                return Err(ExtractError::OcrUnavailable(format!(
                    "the Tesseract data path {} does not exist or is not a directory \
                     (looking for language {language})",
                    path.display()
                )));
            }
            if let Some(missing) = missing_language(path, language) {
                return Err(ExtractError::OcrUnavailable(format!(
                    "no Tesseract data for language {missing} in {} (no {missing}.traineddata)",
                    path.display()
                )));
            }
        }
        let datapath = match &options.datapath {
            Some(path) => Some(path_to_cstring(path).ok_or_else(|| {
                ExtractError::OcrUnavailable(format!(
                    "the Tesseract data path {} cannot be passed to Tesseract",
                    path.display()
                ))
            })?),
            None => None,
        };
        let language_c = CString::new(language).map_err(|_| {
            ExtractError::OcrUnavailable(format!("the Tesseract language {language:?} is invalid"))
        })?;
        // SAFETY: the handle is created here, checked for null, and owned by `engine`,
        // whose Drop ends and deletes it; the strings outlive the calls that read them.
        unsafe {
            let api = capi::TessBaseAPICreate();
            if api.is_null() {
                return Err(ExtractError::OcrUnavailable(
                    "Tesseract could not be created".to_owned(),
                ));
            }
            let engine = Engine {
                api,
                language: language.to_owned(),
                datapath: options.datapath.clone(),
            };
            let status = capi::TessBaseAPIInit3(
                api,
                datapath.as_ref().map_or(std::ptr::null(), |p| p.as_ptr()),
                language_c.as_ptr(),
            );
            if status != 0 {
                return Err(ExtractError::OcrUnavailable(format!(
                    "Tesseract could not load language {language} {tried}"
                )));
            }
            // Tesseract's progress and warning messages ("Empty page!!", "Detected N
            // diacritics") go to stderr by default; a library should not write there.
            #[cfg(unix)]
            engine.set_variable(c"debug_file", c"/dev/null");
            // Sauvola (local) thresholding instead of one Otsu threshold for the page: in a
            // screenshot the text is a small part of the pixels, so a global threshold
            // falls between the bubble and the background colours and turns whole bubbles
            // black (a dark-mode chat with 12 px text read as nothing at all). Local
            // thresholding also reads light text on a coloured bar.
            engine.set_variable(c"thresholding_method", c"2");
            Ok(engine)
        }
    }

    fn set_variable(&self, name: &CStr, value: &CStr) {
        // SAFETY: `self.api` is a live handle; both strings are NUL-terminated.
        unsafe {
            capi::TessBaseAPISetVariable(self.api, name.as_ptr(), value.as_ptr());
        }
    }

    /// Recognises `image`; the TSV of the result, `None` if Tesseract failed.
    fn recognize(&mut self, image: &GrayImage, ctx: &Ctx) -> Result<Option<String>, ExtractError> {
        let (width, height) = image.dimensions();
        let (Ok(w), Ok(h)) = (c_int::try_from(width), c_int::try_from(height)) else {
            return Ok(None);
        };
        let left = ctx.time_left();
        if left.is_zero() {
            return Err(ExtractError::Timeout(ctx.limits.timeout));
        }
        let deadline_ms = c_int::try_from(left.as_millis())
            .unwrap_or(c_int::MAX)
            .max(1);
        // SAFETY: `self.api` is a live handle. The pixels are `w * h` bytes, one per pixel,
        // `w` per line, and outlive the recognition: Tesseract copies them in SetImage and
        // they are cleared before returning. The monitor is deleted after Recognize.
        unsafe {
            capi::TessBaseAPISetImage(self.api, image.as_raw().as_ptr(), w, h, 1, w);
            capi::TessBaseAPISetSourceResolution(self.api, SOURCE_DPI);
            let monitor = capi::TessMonitorCreate();
            if !monitor.is_null() {
                capi::TessMonitorSetDeadlineMSecs(monitor, deadline_ms);
            }
            let status = capi::TessBaseAPIRecognize(self.api, monitor);
            if !monitor.is_null() {
                capi::TessMonitorDelete(monitor);
            }
            if status != 0 {
                capi::TessBaseAPIClear(self.api);
                // Recognize fails when the deadline passes (or on an internal error).
                if ctx.time_left().is_zero() {
                    return Err(ExtractError::Timeout(ctx.limits.timeout));
                }
                return Ok(None);
            }
            let raw = capi::TessBaseAPIGetTsvText(self.api, 0);
            let tsv = if raw.is_null() {
                None
            } else {
                let text = CStr::from_ptr(raw).to_string_lossy().into_owned();
                capi::TessDeleteText(raw);
                Some(text)
            };
            capi::TessBaseAPIClear(self.api);
            ctx.check_time()?;
            Ok(tsv)
        }
    }
}

impl Drop for Engine {
    fn drop(&mut self) {
        // SAFETY: the handle was created by TessBaseAPICreate and is dropped once.
        unsafe {
            capi::TessBaseAPIEnd(self.api);
            capi::TessBaseAPIDelete(self.api);
        }
    }
}

/// The first language of `language` (`eng+deu`) with no `.traineddata` in `path`.
fn missing_language<'a>(path: &Path, language: &'a str) -> Option<&'a str> {
    language
        .split('+')
        .filter(|l| !l.is_empty())
        .find(|l| !path.join(format!("{l}.traineddata")).is_file())
}

/// Where Tesseract looks by default, for the error message.
fn default_datapath() -> String {
    match std::env::var_os("TESSDATA_PREFIX") {
        Some(prefix) => format!("TESSDATA_PREFIX={}", Path::new(&prefix).display()),
        None => "TESSDATA_PREFIX unset, so the path Tesseract was built with".to_owned(),
    }
}

fn path_to_cstring(path: &Path) -> Option<CString> {
    #[cfg(unix)]
    {
        use std::os::unix::ffi::OsStrExt;
        CString::new(path.as_os_str().as_bytes()).ok()
    }
    #[cfg(not(unix))]
    {
        CString::new(path.to_str()?).ok()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tsv_to_words() {
        let tsv = "1\t1\t0\t0\t0\t0\t0\t0\t600\t300\t-1\t\n\
                   5\t1\t1\t1\t1\t1\t30\t60\t90\t30\t95.1\tcall\n\
                   5\t1\t1\t1\t1\t2\t130\t60\t60\t30\t91.0\tme\n\
                   5\t1\t1\t1\t2\t1\t30\t120\t60\t30\t12.0\t—\n\
                   5\t1\t1\t1\t2\t2\t30\t120\t60\t30\t88.0\tnow\n\
                   5\t1\t2\t1\t1\t1\t300\t240\t120\t30\t90.0\tbye\n";
        let out = words_from_tsv(tsv, 3.0, 200, 100);
        assert_eq!(out.text, "call me\nnow\n\nbye");
        assert_eq!(
            out.boxes[0],
            (
                0..4,
                Rect {
                    x: 10,
                    y: 20,
                    width: 30,
                    height: 10
                }
            )
        );
        assert_eq!(out.boxes[3].0, 13..16);
        assert_eq!(
            out.boxes[3].1,
            Rect {
                x: 100,
                y: 80,
                width: 40,
                height: 10
            }
        );
    }

    #[test]
    fn scales() {
        assert_eq!(scale_for(800, 500), 2.0);
        assert_eq!(scale_for(1080, 900), 2.0);
        assert_eq!(scale_for(1080, 2400), 1.0);
        assert!(scale_for(60_000, 100) < 0.51);
    }
}

//! OCR with Tesseract (through the C API that `leptess` exposes as `leptess::capi`).
//!
//! Engines are kept for the next image: initialising Tesseract loads the language model
//! (about 0.1 s for the `eng` model of tesseract-ocr-eng, more for larger models and several
//! languages). An image takes an idle engine for its settings from a process-wide pool, or
//! builds one, and puts it back when done, so a thread that reads the pages of one PDF next
//! to the calling thread reuses an engine instead of loading the model again. An engine is
//! used by one thread at a time; idle engines for other settings (language, data path) are
//! dropped when an engine is built, and at most twice as many as there are cores are kept.
//!
//! Before recognition the grey image is prepared for the text of screenshots: images under
//! 1200 px high are upscaled ×2 with Lanczos3 (UI text is 12–16 px high; Tesseract reads best
//! at about 30 px), and light-on-dark text is inverted (the polarity judged by the minority
//! side around sharp steps in grey level, which are strokes; by the mean luminance when that
//! cannot tell, so a light card photographed on a dark desk stays as it is). Tesseract
//! thresholds locally (Sauvola) rather than with one threshold for the page. Recognition
//! runs under a deadline taken from the file's time left (Tesseract's `ETEXT_DESC`
//! monitor); page layout analysis, before recognition, is not interruptible.
//!
//! The text is the recognised words joined by a space within a line, lines by `\n`, and
//! blocks by a blank line; each word's byte range comes with its box in the pixels of the
//! original image.

use std::borrow::Cow;
use std::ffi::{CStr, CString};
use std::ops::Range;
use std::os::raw::c_int;
use std::path::{Path, PathBuf};
use std::sync::{Mutex, PoisonError};

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
    // Polarity and skew are judged on one downscaled copy.
    let small = sample(grey);
    let prepared = prepare(grey, &small, scale);
    let skew = skew_degrees(&small);
    let (prepared, deskew) = if skew.abs() >= MIN_SKEW_DEGREES {
        let deskew = Deskew::new(skew, prepared.width(), prepared.height());
        (deskew.apply(&prepared), Some(deskew))
    } else {
        (prepared, None)
    };
    ctx.check_time()?;

    let mut engine = take_engine(ctx.ocr)?;
    let read = read_words(&mut engine, &prepared, ctx);
    // Back to the pool whatever the outcome (a timeout leaves it cleared); a panic drops it.
    put_back(engine);
    let Some(words) = read? else {
        return Ok(OcrText {
            warnings: vec!["OCR failed on the image (Tesseract gave no result)".to_owned()],
            ..OcrText::default()
        });
    };
    Ok(text_of(&words, deskew.as_ref(), scale, width, height))
}

/// The words Tesseract reads in the prepared image: page layout analysis first, and
/// sparse-text mode when that reads poorly. `None` when Tesseract gave no result.
fn read_words(
    engine: &mut Engine,
    prepared: &GrayImage,
    ctx: &Ctx,
) -> Result<Option<Vec<Word>>, ExtractError> {
    let Some(words) = engine.recognize(prepared, capi::TessPageSegMode_PSM_AUTO, ctx)? else {
        return Ok(None);
    };
    let auto = Quality::of(&words);
    if auto.is_poor() {
        // Cards, flyers and photos: text in scattered blocks that page layout analysis
        // merges with the background. Sparse-text mode finds each line on its own.
        let sparse = engine.recognize(prepared, capi::TessPageSegMode_PSM_SPARSE_TEXT, ctx)?;
        if let Some(sparse) = sparse {
            if Quality::of(&sparse).confident_chars > auto.confident_chars {
                return Ok(Some(sparse));
            }
        }
    }
    Ok(Some(words))
}

/// A word as Tesseract read it.
#[derive(Debug, Clone, PartialEq)]
struct Word {
    /// Its block, paragraph in the block and line in the paragraph, each from 1 (as in
    /// Tesseract's TSV output).
    block: u32,
    paragraph: u32,
    line: u32,
    /// Its box in the recognised image.
    left: i32,
    top: i32,
    width: i32,
    height: i32,
    /// Tesseract's confidence, 0 to 100.
    confidence: f32,
    text: String,
}

/// Words read at this confidence or more count as read.
const CONFIDENT: f32 = 70.0;
/// A reading whose words holding letters or digits average under this confidence, or
/// that has fewer than [`FEW_WORDS`] of them, is tried again in sparse-text mode.
const POOR_MEAN_CONFIDENCE: f32 = 80.0;
const FEW_WORDS: usize = 3;

/// How well Tesseract read an image, from its words.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
struct Quality {
    /// Words holding a letter or digit.
    words: usize,
    /// Their mean confidence.
    mean_confidence: f32,
    /// Letters and digits in the words read at [`CONFIDENT`] or more.
    confident_chars: usize,
}

impl Quality {
    fn of(words: &[Word]) -> Quality {
        let mut quality = Quality::default();
        let mut total = 0.0;
        for word in words {
            let alnum = word.text.chars().filter(|c| c.is_alphanumeric()).count();
            if alnum == 0 {
                continue;
            }
            quality.words += 1;
            total += word.confidence.max(0.0);
            if word.confidence >= CONFIDENT {
                quality.confident_chars += alnum;
            }
        }
        if quality.words > 0 {
            quality.mean_confidence = total / quality.words as f32;
        }
        quality
    }

    fn is_poor(&self) -> bool {
        self.words < FEW_WORDS || self.mean_confidence < POOR_MEAN_CONFIDENCE
    }
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
fn prepare(grey: &GrayImage, sample: &GrayImage, scale: f64) -> GrayImage {
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
    let light_text = match text_polarity(sample) {
        Some(light) => light,
        None => mean < 128,
    };
    if light_text {
        imageops::invert(&mut image);
    }
    image
}

/// A window around an edge pixel is this many pixels each side.
const POLARITY_REACH: usize = 4;
/// Edge pixels the polarity is judged on at most (evenly sampled).
const MAX_POLARITY_POINTS: usize = 20_000;

/// Whether the text of `grey` is light on dark (`Some(true)`), dark on light
/// (`Some(false)`), or cannot be told (`None`).
///
/// The mean luminance of the whole image says which colour covers most of it, which is the
/// text's background in a screenshot but not in a photo of a light card on a dark desk or
/// of a dark card on a light one. Strokes are thin: around a sharp step in grey level
/// inside text, the stroke's side is the minority of the pixels. Each edge pixel votes for
/// the side that is the minority of its window.
fn text_polarity(sample: &GrayImage) -> Option<bool> {
    let (w, h) = (sample.width() as usize, sample.height() as usize);
    let r = POLARITY_REACH;
    if w <= 2 * r + 2 || h <= 2 * r + 2 {
        return None;
    }
    let raw = sample.as_raw();
    let mut edges = Vec::new();
    for y in r..h - r {
        for x in r..w - r {
            let a = i16::from(raw[y * w + x - 1]);
            let b = i16::from(raw[y * w + x + 1]);
            if (a - b).abs() >= EDGE_CONTRAST {
                edges.push((x, y));
            }
        }
    }
    if edges.len() < 200 {
        return None;
    }
    let stride = edges.len().div_ceil(MAX_POLARITY_POINTS).max(1);
    let (mut dark_minority, mut light_minority) = (0u32, 0u32);
    for &(x, y) in edges.iter().step_by(stride) {
        let (mut low, mut high) = (u8::MAX, u8::MIN);
        for yy in y - r..=y + r {
            for &p in &raw[yy * w + x - r..=yy * w + x + r] {
                low = low.min(p);
                high = high.max(p);
            }
        }
        let middle = (u16::from(low) + u16::from(high)) / 2;
        let mut dark = 0usize;
        for yy in y - r..=y + r {
            dark += raw[yy * w + x - r..=yy * w + x + r]
                .iter()
                .filter(|&&p| u16::from(p) < middle)
                .count();
        }
        let side = (2 * r + 1) * (2 * r + 1);
        // Only windows where one side is clearly the minority (strokes, not the straight
        // edge of a card or a panel, which splits its window about evenly).
        if dark * 3 < side {
            dark_minority += 1;
        } else if dark * 3 > side * 2 {
            light_minority += 1;
        }
    }
    let votes = dark_minority + light_minority;
    if votes < 50 {
        return None;
    }
    if light_minority * 3 > votes * 2 {
        Some(true)
    } else if dark_minority * 3 > votes * 2 {
        Some(false)
    } else {
        None
    }
}

/// The text of Tesseract's words, and their boxes mapped back to the original image
/// (`scale` is the factor the OCR'd image was resized by).
fn text_of(
    words: &[Word],
    deskew: Option<&Deskew>,
    scale: f64,
    width: u32,
    height: u32,
) -> OcrText {
    let mut out = OcrText::default();
    let mut last_line: Option<(u32, u32, u32)> = None;
    for word in words {
        let text = word.text.trim();
        if text.is_empty() {
            continue;
        }
        if word.confidence < MIN_CONFIDENCE_FOR_SYMBOLS && !text.chars().any(char::is_alphanumeric)
        {
            continue;
        }
        let (block, paragraph, line) = (word.block, word.paragraph, word.line);
        match last_line {
            None => {}
            Some((b, _, _)) if b != block => out.text.push_str("\n\n"),
            Some(previous) if previous != (block, paragraph, line) => out.text.push('\n'),
            Some(_) => out.text.push(' '),
        }
        last_line = Some((block, paragraph, line));
        let start = out.text.len();
        out.text.push_str(text);
        let (mut left, mut top) = (f64::from(word.left), f64::from(word.top));
        let (mut w, mut h) = (f64::from(word.width), f64::from(word.height));
        if let Some(deskew) = deskew {
            // The box's corners in the image before it was turned upright.
            let corners = [
                (left, top),
                (left + w, top),
                (left, top + h),
                (left + w, top + h),
            ]
            .map(|(x, y)| deskew.source_of(x, y));
            let min_x = corners.iter().map(|c| c.0).fold(f64::MAX, f64::min);
            let max_x = corners.iter().map(|c| c.0).fold(f64::MIN, f64::max);
            let min_y = corners.iter().map(|c| c.1).fold(f64::MAX, f64::min);
            let max_y = corners.iter().map(|c| c.1).fold(f64::MIN, f64::max);
            (left, top, w, h) = (min_x, min_y, max_x - min_x, max_y - min_y);
        }
        let rect = unscale(left, top, w, h, scale, width, height);
        out.boxes.push((start..out.text.len(), rect));
    }
    out
}

/// `grey` at [`SKEW_SAMPLE_WIDTH`] wide at most: what polarity and skew are judged on.
fn sample(grey: &GrayImage) -> Cow<'_, GrayImage> {
    if grey.width() <= SKEW_SAMPLE_WIDTH {
        return Cow::Borrowed(grey);
    }
    let height = (u64::from(grey.height()) * u64::from(SKEW_SAMPLE_WIDTH) / u64::from(grey.width()))
        .max(1) as u32;
    Cow::Owned(shrink(grey, SKEW_SAMPLE_WIDTH, height))
}

/// `grey` shrunk to `width` × `height` (no larger than it) by averaging the pixels each
/// output pixel covers: a box filter, in a fifth of the time of a Triangle resize, for what
/// only needs to be judged on a smaller copy (polarity, skew, QR codes missed at full size).
pub(crate) fn shrink(grey: &GrayImage, width: u32, height: u32) -> GrayImage {
    let (sw, sh) = (grey.width() as usize, grey.height() as usize);
    let (dw, dh) = (width.max(1) as usize, height.max(1) as usize);
    if dw >= sw && dh >= sh {
        return grey.clone();
    }
    let (dw, dh) = (dw.min(sw), dh.min(sh));
    // The source columns (rows) output column (row) `i` covers: `edges[i]..edges[i + 1]`.
    let edges =
        |source: usize, out: usize| -> Vec<usize> { (0..=out).map(|i| i * source / out).collect() };
    let (xs, ys) = (edges(sw, dw), edges(sh, dh));
    let raw = grey.as_raw();
    let mut sums = vec![0u32; sw];
    let mut out = Vec::with_capacity(dw * dh);
    for y in 0..dh {
        sums.iter_mut().for_each(|s| *s = 0);
        let (y0, y1) = (ys[y], ys[y + 1].max(ys[y] + 1));
        for row in raw[y0 * sw..y1 * sw].chunks_exact(sw) {
            for (sum, &p) in sums.iter_mut().zip(row) {
                *sum += u32::from(p);
            }
        }
        for x in 0..dw {
            let (x0, x1) = (xs[x], xs[x + 1].max(xs[x] + 1));
            let total: u32 = sums[x0..x1].iter().sum();
            let count = ((x1 - x0) * (y1 - y0)) as u32;
            out.push(((total + count / 2) / count) as u8);
        }
    }
    GrayImage::from_raw(dw as u32, dh as u32, out).unwrap_or_else(|| grey.clone())
}

/// Skew below this is left to Tesseract.
const MIN_SKEW_DEGREES: f64 = 0.75;
/// Skew is looked for within ± this.
const MAX_SKEW_DEGREES: f64 = 8.0;
/// Step of the search.
const SKEW_STEP_DEGREES: f64 = 0.25;
/// The image is measured for skew at this width at most.
const SKEW_SAMPLE_WIDTH: u32 = 640;
/// Edge points the skew is measured on at most (evenly sampled).
const MAX_SKEW_POINTS: usize = 40_000;
/// A vertical step in grey level this large marks the top or bottom of a stroke.
const EDGE_CONTRAST: i16 = 48;

/// The angle, in degrees (clockwise in image coordinates, y down), by which the text lines
/// of `grey` slope; 0 when no angle stands out.
///
/// Projection profiles: the points where grey level steps sharply from one row to the one
/// two below (the tops and bottoms of strokes, the edges of a card) are projected along
/// each candidate angle, and the angle that stacks them into the fewest, fullest rows (the
/// largest sum of squared row counts) wins, if it beats the upright reading clearly.
fn skew_degrees(sample: &GrayImage) -> f64 {
    let (width, height) = sample.dimensions();
    if width < 32 || height < 32 {
        return 0.0;
    }
    let mut points: Vec<(f64, f64)> = Vec::new();
    let raw = sample.as_raw();
    let w = width as usize;
    for y in 0..height as usize - 2 {
        for x in 0..w {
            let a = i16::from(raw[y * w + x]);
            let b = i16::from(raw[(y + 2) * w + x]);
            if (a - b).abs() >= EDGE_CONTRAST {
                points.push((x as f64, y as f64));
            }
        }
    }
    if points.len() < 200 {
        return 0.0;
    }
    if points.len() > MAX_SKEW_POINTS {
        let stride = points.len().div_ceil(MAX_SKEW_POINTS);
        points = points.into_iter().step_by(stride).collect();
    }
    let reach = f64::from(width) * (MAX_SKEW_DEGREES.to_radians()).tan();
    let rows = (f64::from(height) + 2.0 * reach).ceil() as usize + 2;
    let mut bins = vec![0u32; rows];
    let mut score = |degrees: f64| -> u64 {
        bins.iter_mut().for_each(|b| *b = 0);
        let slope = degrees.to_radians().tan();
        for &(x, y) in &points {
            let row = (y - x * slope + reach).round();
            if row >= 0.0 && (row as usize) < rows {
                bins[row as usize] += 1;
            }
        }
        bins.iter().map(|&b| u64::from(b) * u64::from(b)).sum()
    };
    let upright = score(0.0);
    let steps = (MAX_SKEW_DEGREES / SKEW_STEP_DEGREES) as i32;
    let mut best = (0.0, upright);
    for step in -steps..=steps {
        let degrees = f64::from(step) * SKEW_STEP_DEGREES;
        let s = score(degrees);
        if s > best.1 {
            best = (degrees, s);
        }
    }
    // A clear winner only: text that is upright scores close to its best at 0.
    if best.1 as f64 > upright as f64 * 1.15 {
        best.0
    } else {
        0.0
    }
}

/// Turning an image upright by its skew, and mapping points back.
#[derive(Debug, Clone, Copy)]
struct Deskew {
    sin: f64,
    cos: f64,
    cx: f64,
    cy: f64,
}

impl Deskew {
    fn new(degrees: f64, width: u32, height: u32) -> Deskew {
        let radians = degrees.to_radians();
        Deskew {
            sin: radians.sin(),
            cos: radians.cos(),
            cx: f64::from(width) / 2.0,
            cy: f64::from(height) / 2.0,
        }
    }

    /// Where a point of the upright image was in the skewed one.
    fn source_of(&self, x: f64, y: f64) -> (f64, f64) {
        let (dx, dy) = (x - self.cx, y - self.cy);
        (
            self.cx + dx * self.cos - dy * self.sin,
            self.cy + dx * self.sin + dy * self.cos,
        )
    }

    /// The upright image (same size; corners brought in from outside are white).
    fn apply(&self, grey: &GrayImage) -> GrayImage {
        let (width, height) = grey.dimensions();
        let (w, h) = (width as usize, height as usize);
        let src = grey.as_raw();
        let mut out = vec![255u8; w * h];
        for y in 0..h {
            // Walk the row incrementally: each step right moves (cos, sin) in the source.
            let (mut sx, mut sy) = self.source_of(0.0, y as f64);
            for pixel in &mut out[y * w..(y + 1) * w] {
                if sx >= 0.0 && sy >= 0.0 && sx < (w - 1) as f64 && sy < (h - 1) as f64 {
                    let (x0, y0) = (sx as usize, sy as usize);
                    let (fx, fy) = (sx - x0 as f64, sy - y0 as f64);
                    let i = y0 * w + x0;
                    let top = f64::from(src[i]) * (1.0 - fx) + f64::from(src[i + 1]) * fx;
                    let bottom =
                        f64::from(src[i + w]) * (1.0 - fx) + f64::from(src[i + w + 1]) * fx;
                    *pixel = (top * (1.0 - fy) + bottom * fy).round() as u8;
                }
                sx += self.cos;
                sy += self.sin;
            }
        }
        GrayImage::from_raw(width, height, out).unwrap_or_else(|| grey.clone())
    }
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

/// Idle engines are kept up to this many per core (a loaded `eng` model is about 30 MB).
const IDLE_ENGINES_PER_CORE: usize = 2;

/// Engines not in use, for the next image on any thread.
static IDLE: Mutex<Vec<Engine>> = Mutex::new(Vec::new());

/// At most this many engines are kept idle: twice the cores, enough for the calling threads
/// and their page threads of a busy process without keeping the peak's memory for ever.
fn max_idle_engines() -> usize {
    crate::cores().saturating_mul(IDLE_ENGINES_PER_CORE)
}

/// An idle engine for `options` from the pool, or a new one. Idle engines for other
/// settings are dropped first: two loaded models for one use is memory for nothing, and the
/// settings rarely change within a process.
fn take_engine(options: &OcrOptions) -> Result<Engine, ExtractError> {
    let stale: Vec<Engine> = {
        let mut idle = IDLE.lock().unwrap_or_else(PoisonError::into_inner);
        if let Some(index) = idle.iter().rposition(|engine| engine.is_for(options)) {
            return Ok(idle.swap_remove(index));
        }
        std::mem::take(&mut *idle)
    };
    // Ending an engine takes a while: not under the lock.
    drop(stale);
    Engine::new(options)
}

/// Returns `engine` to the pool, unless [`max_idle_engines`] are idle already.
fn put_back(engine: Engine) {
    let mut idle = IDLE.lock().unwrap_or_else(PoisonError::into_inner);
    if idle.len() < max_idle_engines() {
        idle.push(engine);
        return;
    }
    drop(idle);
    drop(engine);
}

/// A Tesseract engine with a loaded language model, used by one thread at a time.
struct Engine {
    api: *mut capi::TessBaseAPI,
    language: String,
    datapath: Option<PathBuf>,
}

// SAFETY: a `TessBaseAPI` keeps all its state in itself (Tesseract has been safe to run as
// separate instances on separate threads since 3.01; neither libtesseract nor Leptonica
// has thread-local storage), so it may be moved to another thread and used there. Only
// `&mut self` methods or the pool's mutex reach it, so no two threads use one at once. It
// is not `Sync`.
unsafe impl Send for Engine {}

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

    /// Recognises `image` in page segmentation `mode`; the words read, `None` if
    /// Tesseract failed.
    fn recognize(
        &mut self,
        image: &GrayImage,
        mode: capi::TessPageSegMode,
        ctx: &Ctx,
    ) -> Result<Option<Vec<Word>>, ExtractError> {
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
            capi::TessBaseAPISetPageSegMode(self.api, mode);
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
            let words = self.words();
            capi::TessBaseAPIClear(self.api);
            ctx.check_time()?;
            Ok(words)
        }
    }

    /// The words of the last recognition, in reading order, numbered as Tesseract's TSV
    /// output numbers them (`GetTSVText` would write them out symbol by symbol for them
    /// to be parsed again: about 5% of a scanned page's time, against 2% this way).
    /// `None` when there is no result.
    fn words(&mut self) -> Option<Vec<Word>> {
        use capi::{
            TessPageIteratorLevel_RIL_BLOCK as BLOCK, TessPageIteratorLevel_RIL_PARA as PARA,
            TessPageIteratorLevel_RIL_TEXTLINE as LINE, TessPageIteratorLevel_RIL_WORD as WORD,
        };
        // SAFETY: `self.api` is a live handle (Tesseract answers null without a result).
        // The iterator is checked for null and deleted once at the end, after its last
        // use; the page iterator is a view of it, not deleted on its own. Each text is
        // copied, then freed once.
        unsafe {
            let words_iterator = capi::TessBaseAPIGetIterator(self.api);
            if words_iterator.is_null() {
                return None;
            }
            let position = capi::TessResultIteratorGetPageIterator(words_iterator);
            let mut words = Vec::new();
            let (mut block, mut paragraph, mut line) = (0u32, 0u32, 0u32);
            loop {
                let (mut left, mut top, mut right, mut bottom) = (0, 0, 0, 0);
                // No box: no word here (an empty block), as Tesseract's TSV skips it.
                let here = capi::TessPageIteratorBoundingBox(
                    position,
                    WORD,
                    &mut left,
                    &mut top,
                    &mut right,
                    &mut bottom,
                ) != 0;
                if here {
                    if capi::TessPageIteratorIsAtBeginningOf(position, BLOCK) != 0 {
                        (block, paragraph, line) = (block + 1, 0, 0);
                    }
                    if capi::TessPageIteratorIsAtBeginningOf(position, PARA) != 0 {
                        (paragraph, line) = (paragraph + 1, 0);
                    }
                    if capi::TessPageIteratorIsAtBeginningOf(position, LINE) != 0 {
                        line += 1;
                    }
                    let confidence = capi::TessResultIteratorConfidence(words_iterator, WORD);
                    let raw = capi::TessResultIteratorGetUTF8Text(words_iterator, WORD);
                    let mut text = String::new();
                    if !raw.is_null() {
                        text = CStr::from_ptr(raw).to_string_lossy().into_owned();
                        capi::TessDeleteText(raw);
                    }
                    // The word's text carries the marks of its writing direction where
                    // directions mix; its symbols, which the TSV joins, do not.
                    text.retain(|c| !matches!(c, '\u{200E}' | '\u{200F}'));
                    words.push(Word {
                        block,
                        paragraph,
                        line,
                        left,
                        top,
                        width: right - left,
                        height: bottom - top,
                        confidence,
                        text,
                    });
                }
                if capi::TessResultIteratorNext(words_iterator, WORD) == 0 {
                    break;
                }
            }
            capi::TessResultIteratorDelete(words_iterator);
            Some(words)
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

    /// A word at (`left`, `top`), `width` x `height`, on `line` of `paragraph` of `block`.
    fn word(
        (block, paragraph, line): (u32, u32, u32),
        (left, top, width, height): (i32, i32, i32, i32),
        confidence: f32,
        text: &str,
    ) -> Word {
        Word {
            block,
            paragraph,
            line,
            left,
            top,
            width,
            height,
            confidence,
            text: text.to_owned(),
        }
    }

    #[test]
    fn words_to_text() {
        let words = [
            word((1, 1, 1), (30, 60, 90, 30), 95.1, "call"),
            word((1, 1, 1), (130, 60, 60, 30), 91.0, "me"),
            word((1, 1, 2), (30, 120, 60, 30), 12.0, "—"),
            word((1, 1, 2), (30, 120, 60, 30), 88.0, "now"),
            word((2, 1, 1), (300, 240, 120, 30), 90.0, "bye"),
        ];
        let out = text_of(&words, None, 3.0, 200, 100);
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

    /// A light page with dark bars (text lines) sloping by `degrees`.
    fn lines_image(degrees: f64) -> GrayImage {
        let slope = degrees.to_radians().tan();
        GrayImage::from_fn(800, 600, |x, y| {
            let y = f64::from(y) - f64::from(x) * slope;
            let in_bar = y > 60.0 && y < 540.0 && (y as i64 % 40) < 14;
            let in_word = (x / 60) % 4 != 3 && x > 40 && x < 760;
            image::Luma([if in_bar && in_word { 30 } else { 235 }])
        })
    }

    #[test]
    fn skew_is_measured_on_sloping_lines() {
        for degrees in [-5.0, -2.0, 3.0, 6.5] {
            let measured = skew_degrees(&sample(&lines_image(degrees)));
            assert!((measured - degrees).abs() <= 0.5, "{degrees}: {measured}");
        }
        assert_eq!(skew_degrees(&sample(&lines_image(0.0))), 0.0);
        // Nothing to measure: a blank or a noisy image stays as it is.
        assert_eq!(
            skew_degrees(&GrayImage::from_pixel(500, 400, image::Luma([200]))),
            0.0
        );
        let mut state = 7u32;
        let noise = GrayImage::from_fn(500, 400, |_, _| {
            state ^= state << 13;
            state ^= state >> 17;
            state ^= state << 5;
            image::Luma([(state % 40) as u8 + 100])
        });
        assert_eq!(skew_degrees(&noise), 0.0);
    }

    #[test]
    fn deskewed_lines_are_upright_and_map_back() {
        let skewed = lines_image(4.0);
        let deskew = Deskew::new(4.0, skewed.width(), skewed.height());
        let upright = deskew.apply(&skewed);
        assert!(skew_degrees(&sample(&upright)).abs() < MIN_SKEW_DEGREES);
        // A point of the upright image comes from where `source_of` says.
        let (x, y) = (400.0, 300.0);
        let (sx, sy) = deskew.source_of(x, y);
        assert_eq!(
            upright.get_pixel(x as u32, y as u32),
            skewed.get_pixel(sx.round() as u32, sy.round() as u32)
        );
    }

    #[test]
    fn quality_counts_confident_words() {
        let words = [
            word((1, 1, 1), (0, 0, 9, 9), 95.0, "call"),
            word((1, 1, 1), (0, 0, 9, 9), 40.0, "me"),
            word((1, 1, 1), (0, 0, 9, 9), 20.0, "|"),
        ];
        let quality = Quality::of(&words);
        assert_eq!(quality.words, 2);
        assert_eq!(quality.confident_chars, 4);
        assert!((quality.mean_confidence - 67.5).abs() < 0.01);
        assert!(quality.is_poor());
        assert!(Quality::of(&[]).is_poor());
    }

    fn attachment(name: &str) -> GrayImage {
        let path = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../../testdata/attachments/files")
            .join(name);
        image::open(&path)
            .expect("the attachment decodes")
            .to_luma8()
    }

    #[test]
    fn polarity_is_the_texts_not_the_backgrounds() {
        // A light card on a dark desk: most of the image is dark, the text is dark too.
        let card = attachment("card_roboto_dark_desk.jpg");
        let mean =
            card.as_raw().iter().map(|&p| u64::from(p)).sum::<u64>() / card.as_raw().len() as u64;
        assert!(mean < 128, "the desk darkens the photo ({mean})");
        assert_eq!(text_polarity(&sample(&card)), Some(false));
        // Dark-mode and light screenshots.
        assert_eq!(
            text_polarity(&sample(&attachment("chat_roboto_dark.png"))),
            Some(true)
        );
        assert_eq!(
            text_polarity(&sample(&attachment("chat_noto_dark.jpg"))),
            Some(true)
        );
        assert_eq!(
            text_polarity(&sample(&attachment("chat_roboto_light.png"))),
            Some(false)
        );
        // Nothing to judge on a flat image.
        assert_eq!(
            text_polarity(&GrayImage::from_pixel(300, 200, image::Luma([40]))),
            None
        );
    }

    #[test]
    fn shrink_averages_the_pixels_it_covers() {
        let grey = GrayImage::from_fn(4, 2, |x, y| image::Luma([(x * 60 + y * 10) as u8]));
        assert_eq!(shrink(&grey, 2, 1).as_raw(), &vec![35, 155]);
        assert_eq!(shrink(&grey, 8, 8).dimensions(), (4, 2));
    }

    #[test]
    fn scales() {
        assert_eq!(scale_for(800, 500), 2.0);
        assert_eq!(scale_for(1080, 900), 2.0);
        assert_eq!(scale_for(1080, 2400), 1.0);
        assert!(scale_for(60_000, 100) < 0.51);
    }
}

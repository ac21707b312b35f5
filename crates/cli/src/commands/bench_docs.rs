//! `offside bench docs`: attachments through the same path as `offside scan --docs`
//! (extract, then detect in each segment), on files generated here: a PDF of generated
//! marketplace prose for the text layer, a scanned PDF (each page one grey JPEG picture at
//! 150 dpi, read by rendering and OCR), and chat-screenshot images rendered with a system
//! font for OCR. Reports pages/s and images/s, each the best of `repeat` runs in wall-clock
//! and in CPU time, one file at a time (the scanned PDF's pages on `--ocr-threads` threads,
//! everything else on one), and how soon past its deadline (`--timeout`) a read that would
//! take seconds stops: a deeply nested HTML page and a page of text for OCR.

use std::io::{Cursor, Write};
use std::path::Path;
use std::time::{Duration, Instant};

use ab_glyph::{Font, FontRef, PxScale, ScaleFont};
use anyhow::{Context, Result};
use image::{ImageFormat, Rgb, RgbImage};
use lopdf::content::{Content, Operation};
use lopdf::{dictionary, Document, Object, Stream};
use offside::scan_document;
use offside_detect::Engine;
use offside_extract::{ExtractError, Extractor, Limits};

use crate::commands::bench::{generate_texts, grouped, per_second};

/// What to measure.
pub struct DocsBenchOptions<'a> {
    /// Pages of the generated PDF.
    pub pages: usize,
    /// Images generated for OCR (0 skips OCR).
    pub images: usize,
    /// Pages of the scanned PDF (0 skips it).
    pub scanned_pages: usize,
    /// Threads reading the scanned PDF's pages; the extractor's default when `None`.
    pub ocr_threads: Option<usize>,
    /// The TrueType font the images are rendered with.
    pub font: &'a Path,
    /// Timed runs; the fastest is reported.
    pub repeat: usize,
    /// Seed of the text generator.
    pub seed: u64,
}

/// Lines of generated text on one page: about what a page of a résumé or brief holds.
const LINES_PER_PAGE: usize = 45;

/// A PDF whose pages show `pages[i]`, one string a line, in Helvetica (written with lopdf).
pub fn pdf(pages: &[Vec<String>]) -> Result<Vec<u8>> {
    let mut doc = Document::with_version("1.5");
    let pages_id = doc.new_object_id();
    let font_id = doc.add_object(dictionary! {
        "Type" => "Font", "Subtype" => "Type1", "BaseFont" => "Helvetica",
    });
    let resources_id = doc.add_object(dictionary! { "Font" => dictionary! { "F1" => font_id } });
    let mut kids = Vec::with_capacity(pages.len());
    for lines in pages {
        let mut operations = vec![
            Operation::new("BT", vec![]),
            Operation::new("Tf", vec!["F1".into(), 10.into()]),
            Operation::new("TL", vec![16.into()]),
            Operation::new("Td", vec![40.into(), 800.into()]),
        ];
        for line in lines {
            operations.push(Operation::new(
                "Tj",
                vec![Object::string_literal(line.as_str())],
            ));
            operations.push(Operation::new("T*", vec![]));
        }
        operations.push(Operation::new("ET", vec![]));
        let content = Content { operations }.encode()?;
        let content_id = doc.add_object(Stream::new(dictionary! {}, content));
        let page_id = doc.add_object(dictionary! {
            "Type" => "Page", "Parent" => pages_id, "Contents" => content_id,
        });
        kids.push(Object::from(page_id));
    }
    let count = kids.len() as i64;
    doc.objects.insert(
        pages_id,
        Object::Dictionary(dictionary! {
            "Type" => "Pages", "Kids" => kids, "Count" => count, "Resources" => resources_id,
            "MediaBox" => vec![0.into(), 0.into(), 595.into(), 842.into()],
        }),
    );
    let catalog_id = doc.add_object(dictionary! { "Type" => "Catalog", "Pages" => pages_id });
    doc.trailer.set("Root", catalog_id);
    let mut bytes = Vec::new();
    doc.save_to(&mut bytes)?;
    Ok(bytes)
}

/// Draws `text` with its top-left corner at (`x`, `y`), `size` pixels high, in `colour`.
fn draw_text(
    image: &mut RgbImage,
    font: &FontRef<'_>,
    size: f32,
    (x, y): (f32, f32),
    text: &str,
    colour: [u8; 3],
) {
    let scaled = font.as_scaled(PxScale::from(size));
    let mut caret = x;
    let baseline = y + scaled.ascent();
    for c in text.chars() {
        let glyph = scaled.scaled_glyph(c);
        let advance = scaled.h_advance(glyph.id);
        let glyph = glyph
            .id
            .with_scale_and_position(size, ab_glyph::point(caret, baseline));
        if let Some(outlined) = font.outline_glyph(glyph) {
            let bounds = outlined.px_bounds();
            outlined.draw(|gx, gy, coverage| {
                let px = bounds.min.x as i64 + i64::from(gx);
                let py = bounds.min.y as i64 + i64::from(gy);
                let (Ok(px), Ok(py)) = (u32::try_from(px), u32::try_from(py)) else {
                    return;
                };
                if let Some(pixel) = image.get_pixel_mut_checked(px, py) {
                    for (channel, ink) in pixel.0.iter_mut().zip(colour) {
                        let blended =
                            f32::from(*channel) * (1.0 - coverage) + f32::from(ink) * coverage;
                        *channel = blended.round() as u8;
                    }
                }
            });
        }
        caret += advance;
    }
}

/// A scanned PDF: each page of `pages` drawn at 150 dpi in grey, a little noisy, and
/// embedded as one JPEG picture (DCTDecode) covering the A4 page, as scanners write them.
pub fn scanned_pdf(font: &FontRef<'_>, pages: &[Vec<String>]) -> Result<Vec<u8>> {
    let mut doc = Document::with_version("1.5");
    let pages_id = doc.new_object_id();
    let (width, height) = (1240u32, 1754u32);
    let mut kids = Vec::with_capacity(pages.len());
    let mut state: u32 = 0x2545_F491;
    for lines in pages {
        let mut image = RgbImage::from_pixel(width, height, Rgb([246, 245, 241]));
        for (index, line) in lines.iter().enumerate() {
            let top = 90.0 + 33.0 * index as f32;
            draw_text(&mut image, font, 21.0, (100.0, top), line, [25, 25, 30]);
        }
        let mut grey = image::DynamicImage::ImageRgb8(image).into_luma8();
        for pixel in grey.pixels_mut() {
            state ^= state << 13;
            state ^= state >> 17;
            state ^= state << 5;
            let delta = (state % 17) as i16 - 8;
            pixel.0[0] = (i16::from(pixel.0[0]) + delta).clamp(0, 255) as u8;
        }
        let mut jpeg = Vec::new();
        image::codecs::jpeg::JpegEncoder::new_with_quality(&mut jpeg, 60).encode_image(&grey)?;
        let image_id = doc.add_object(Stream::new(
            dictionary! {
                "Type" => "XObject", "Subtype" => "Image",
                "Width" => i64::from(width), "Height" => i64::from(height),
                "ColorSpace" => "DeviceGray", "BitsPerComponent" => 8, "Filter" => "DCTDecode",
            },
            jpeg,
        ));
        let content = Content {
            operations: vec![
                Operation::new("q", vec![]),
                Operation::new(
                    "cm",
                    vec![
                        595.into(),
                        0.into(),
                        0.into(),
                        842.into(),
                        0.into(),
                        0.into(),
                    ],
                ),
                Operation::new("Do", vec!["Im1".into()]),
                Operation::new("Q", vec![]),
            ],
        }
        .encode()?;
        let content_id = doc.add_object(Stream::new(dictionary! {}, content));
        let page_id = doc.add_object(dictionary! {
            "Type" => "Page", "Parent" => pages_id, "Contents" => content_id,
            "Resources" => dictionary! { "XObject" => dictionary! { "Im1" => image_id } },
        });
        kids.push(Object::from(page_id));
    }
    let count = kids.len() as i64;
    doc.objects.insert(
        pages_id,
        Object::Dictionary(dictionary! {
            "Type" => "Pages", "Kids" => kids, "Count" => count,
            "MediaBox" => vec![0.into(), 0.into(), 595.into(), 842.into()],
        }),
    );
    let catalog_id = doc.add_object(dictionary! { "Type" => "Catalog", "Pages" => pages_id });
    doc.trailer.set("Root", catalog_id);
    let mut bytes = Vec::new();
    doc.save_to(&mut bytes)?;
    Ok(bytes)
}

/// A chat screenshot: grey background, alternating bubbles of `lines`, as PNG bytes.
pub fn chat_screenshot(font: &FontRef<'_>, lines: &[String]) -> Result<Vec<u8>> {
    let (width, row) = (900u32, 44u32);
    let height = row * lines.len() as u32 + 40;
    let mut image = RgbImage::from_pixel(width, height, Rgb([236, 239, 243]));
    for (index, line) in lines.iter().enumerate() {
        let top = 20 + row * index as u32;
        let (left, fill) = if index % 2 == 0 {
            (20, Rgb([255, 255, 255]))
        } else {
            (120, Rgb([214, 236, 255]))
        };
        for y in top..top + row - 8 {
            for x in left..(left + 760).min(width) {
                image.put_pixel(x, y, fill);
            }
        }
        draw_text(
            &mut image,
            font,
            17.0,
            (left as f32 + 12.0, top as f32 + 8.0),
            line,
            [20, 20, 20],
        );
    }
    let mut png = Vec::new();
    image.write_to(&mut Cursor::new(&mut png), ImageFormat::Png)?;
    Ok(png)
}

/// The process's CPU time so far (user and system, every thread): on a machine shared with
/// other work, the figure that does not depend on what else runs.
fn cpu_time() -> Duration {
    clock(libc::CLOCK_PROCESS_CPUTIME_ID)
}

/// The calling thread's CPU time so far: beside the process's, how the work of a file read
/// on several threads was shared (with a free core each, the busiest thread's time is
/// about the wall-clock time).
fn thread_cpu_time() -> Duration {
    clock(libc::CLOCK_THREAD_CPUTIME_ID)
}

fn clock(id: libc::clockid_t) -> Duration {
    let mut now = libc::timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: `now` is a valid timespec for the call to fill.
    let status = unsafe { libc::clock_gettime(id, &mut now) };
    if status != 0 {
        return Duration::ZERO;
    }
    Duration::new(
        u64::try_from(now.tv_sec).unwrap_or(0),
        u32::try_from(now.tv_nsec).unwrap_or(0),
    )
}

/// A timed run: the fastest wall time and the least CPU time of the runs.
struct Timing {
    wall: Duration,
    cpu: Duration,
    /// The calling thread's share of `cpu`, in the same run.
    own_cpu: Duration,
}

/// The best (shortest) of `repeat` runs of `work`, in wall and in CPU time, and its last
/// result.
fn best_of<T>(repeat: usize, mut work: impl FnMut() -> Result<T>) -> Result<(Timing, T)> {
    let mut best: Option<(Timing, T)> = None;
    for _ in 0..repeat.max(1) {
        let (started, cpu_started, own_started) = (Instant::now(), cpu_time(), thread_cpu_time());
        let result = work()?;
        let wall = started.elapsed();
        let cpu = cpu_time().saturating_sub(cpu_started);
        let own_cpu = thread_cpu_time().saturating_sub(own_started);
        best = Some(match best {
            None => (Timing { wall, cpu, own_cpu }, result),
            Some((timing, _)) => {
                let (cpu, own_cpu) = if cpu < timing.cpu {
                    (cpu, own_cpu)
                } else {
                    (timing.cpu, timing.own_cpu)
                };
                (
                    Timing {
                        wall: timing.wall.min(wall),
                        cpu,
                        own_cpu,
                    },
                    result,
                )
            }
        });
    }
    best.context("no run")
}

/// How soon a read stops once `limit` has passed: "stopped N ms after the limit", or how long
/// it took when it finished within the limit.
fn stop_latency(limit: Duration, bytes: &[u8], ocr_threads: usize) -> Result<String> {
    let extractor = Extractor::new(Limits {
        timeout: limit,
        ocr_threads,
        ..Limits::default()
    });
    let started = Instant::now();
    let result = extractor.extract(bytes);
    let took = started.elapsed();
    let limit_ms = limit.as_secs_f64() * 1e3;
    Ok(match result {
        Err(ExtractError::Timeout(_)) => format!(
            "stopped {:.0} ms after its {limit_ms:.0} ms limit",
            (took.saturating_sub(limit)).as_secs_f64() * 1e3
        ),
        Ok(_) => format!(
            "read in full in {:.0} ms, within its {limit_ms:.0} ms limit",
            took.as_secs_f64() * 1e3
        ),
        Err(error) => return Err(error).context("the deadline benchmark's file"),
    })
}

/// HTML nested [`NESTED_HTML_DEPTH`] elements deep: html5ever's time grows with the square
/// of the depth, so only a deadline checked while parsing stops it in time.
pub const NESTED_HTML_DEPTH: usize = 40_000;

/// Runs the benchmark and prints the report to `out`.
pub fn run(engine: &Engine, options: &DocsBenchOptions<'_>, out: &mut dyn Write) -> Result<()> {
    if cfg!(debug_assertions) {
        writeln!(
            out,
            "warning: this is a debug build; use `cargo run --release` for meaningful figures"
        )?;
    }
    let defaults = Limits::default();
    let ocr_threads = options.ocr_threads.unwrap_or(defaults.ocr_threads).max(1);
    let extractor = Extractor::new(Limits {
        ocr_threads,
        ..defaults
    });
    let texts = generate_texts(options.pages * LINES_PER_PAGE, options.seed);
    let pages: Vec<Vec<String>> = texts
        .chunks(LINES_PER_PAGE)
        .map(|chunk| {
            chunk
                .iter()
                // One message a line, cut to what fits across a page.
                .map(|(text, _)| text.chars().take(110).collect())
                .collect()
        })
        .collect();
    let pdf = pdf(&pages)?;
    let (timing, findings) = best_of(options.repeat, || {
        let document = extractor.extract(&pdf)?;
        Ok(scan_document(engine, document, None).findings.len())
    })?;
    writeln!(
        out,
        "PDF text layer: {} pages ({:.1} MB file), {findings} findings: {} pages/s ({:.2} ms per page; CPU time {} pages/s, {:.2} ms per page), best of {}",
        options.pages,
        pdf.len() as f64 / 1e6,
        grouped(per_second(options.pages as f64, timing.wall)),
        timing.wall.as_secs_f64() * 1e3 / options.pages.max(1) as f64,
        grouped(per_second(options.pages as f64, timing.cpu)),
        timing.cpu.as_secs_f64() * 1e3 / options.pages.max(1) as f64,
        options.repeat.max(1),
    )?;

    let nested = format!(
        "<html><body>{}alex@gmail.com",
        "<div><span>".repeat(NESTED_HTML_DEPTH)
    );
    writeln!(
        out,
        "deadline, HTML nested {} deep: {}",
        grouped(NESTED_HTML_DEPTH as f64),
        stop_latency(Duration::from_millis(500), nested.as_bytes(), 1)?
    )?;

    if options.images == 0 && options.scanned_pages == 0 {
        return Ok(());
    }
    let font_bytes = std::fs::read(options.font).with_context(|| {
        format!(
            "--font {}: cannot read it (install fonts-dejavu-core, give another TrueType font, or --images 0)",
            options.font.display()
        )
    })?;
    let font = FontRef::try_from_slice(&font_bytes)
        .with_context(|| format!("--font {}: not a TrueType font", options.font.display()))?;
    // The first OCR on a thread loads the language model: not part of the per-page cost.
    let warm = Instant::now();
    extractor.extract(&chat_screenshot(&font, &["warm up".to_owned()])?)?;
    let first = warm.elapsed();

    if options.scanned_pages > 0 {
        let texts = generate_texts(options.scanned_pages * 40, options.seed ^ 0x5CA7);
        let pages: Vec<Vec<String>> = texts
            .chunks(40)
            .map(|chunk| {
                chunk
                    .iter()
                    .map(|(text, _)| text.chars().take(90).collect())
                    .collect()
            })
            .collect();
        let scanned = scanned_pdf(&font, &pages)?;
        let (timing, findings) = best_of(options.repeat, || {
            let document = extractor.extract(&scanned)?;
            Ok(scan_document(engine, document, None).findings.len())
        })?;
        writeln!(
            out,
            "PDF scanned (OCR): {} pages ({:.1} MB file, 150 dpi), {findings} findings, --ocr-threads {ocr_threads}: {:.2} pages/s ({:.0} ms per page, {:.2} s for the file; CPU time {:.2} s for the file, {:.2} s of it on the calling thread), best of {}",
            options.scanned_pages,
            scanned.len() as f64 / 1e6,
            per_second(options.scanned_pages as f64, timing.wall),
            timing.wall.as_secs_f64() * 1e3 / options.scanned_pages as f64,
            timing.wall.as_secs_f64(),
            timing.cpu.as_secs_f64(),
            timing.own_cpu.as_secs_f64(),
            options.repeat.max(1),
        )?;
        writeln!(
            out,
            "deadline, the scanned PDF on {ocr_threads} threads: {}",
            stop_latency(Duration::from_secs(2), &scanned, ocr_threads)?
        )?;
    }
    if options.images == 0 {
        return Ok(());
    }

    let lines = generate_texts(options.images * 8, options.seed ^ 0x1A6E);
    let images = lines
        .chunks(8)
        .map(|chunk| {
            let lines: Vec<String> = chunk
                .iter()
                .map(|(text, _)| text.chars().take(80).collect())
                .collect();
            chat_screenshot(&font, &lines)
        })
        .collect::<Result<Vec<_>>>()?;
    let (timing, findings) = best_of(options.repeat, || {
        let mut findings = 0;
        for image in &images {
            let document = extractor.extract(image)?;
            findings += scan_document(engine, document, None).findings.len();
        }
        Ok(findings)
    })?;
    writeln!(
        out,
        "OCR: {} chat screenshots (900 px wide, 8 lines), {findings} findings: {:.2} images/s ({:.0} ms per image, CPU time {:.0} ms; the first, loading the model, {:.0} ms), best of {}",
        images.len(),
        per_second(images.len() as f64, timing.wall),
        timing.wall.as_secs_f64() * 1e3 / images.len() as f64,
        timing.cpu.as_secs_f64() * 1e3 / images.len() as f64,
        first.as_secs_f64() * 1e3,
        options.repeat.max(1),
    )?;
    // A page of 40 chat lines: seconds of Tesseract's time.
    let page = chat_screenshot(
        &font,
        &lines
            .iter()
            .cycle()
            .take(40)
            .map(|(text, _)| text.chars().take(80).collect())
            .collect::<Vec<String>>(),
    )?;
    writeln!(
        out,
        "deadline, OCR of a 40-line page: {}",
        stop_latency(Duration::from_millis(500), &page, 1)?
    )?;
    Ok(())
}

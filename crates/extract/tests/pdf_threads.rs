//! The pages of one PDF read as images on several threads: the same document, warnings and
//! errors as one thread, and the deadline still holds. Every fixture is written here: scans
//! drawn with cairo (DejaVu Serif through fontconfig) and embedded by lopdf as grey images,
//! text pages in Helvetica.
//!
//! The tests of this file run one at a time: helper threads are shared by the whole process
//! (one per core but one), and each test is to have them.

use std::io::Write;
use std::sync::{Mutex, MutexGuard, PoisonError};
use std::time::{Duration, Instant};

use flate2::write::ZlibEncoder;
use flate2::Compression;
use lopdf::content::{Content, Operation};
use lopdf::{dictionary, Object, Stream};
use offside_extract::{Document, ExtractError, Extractor, Limits, OcrOptions, Source};

fn one_at_a_time() -> MutexGuard<'static, ()> {
    static LOCK: Mutex<()> = Mutex::new(());
    LOCK.lock().unwrap_or_else(PoisonError::into_inner)
}

/// A page of the generated PDF.
enum Page<'a> {
    /// A scan at 150 dpi of these lines (DejaVu Serif 11 pt on an A4 sheet, a little
    /// noise): one grey picture covering the page.
    Scan(&'a [&'a str]),
    /// These lines as a text layer (Helvetica 11 pt).
    Text(&'a [&'a str]),
    /// A drawn box and nothing else.
    Blank,
    /// A picture that declares `side` x `side` pixels (its data is one grey pixel).
    Declared(u32),
}

const DPI: f64 = 150.0;
const A4: (f64, f64) = (595.0, 842.0);

/// The grey pixels of a scan of `lines`, with its width and height.
fn scan(lines: &[&str]) -> (Vec<u8>, u32, u32) {
    let scale = DPI / 72.0;
    let (width, height) = ((A4.0 * scale) as i32, (A4.1 * scale) as i32);
    let mut surface = cairo::ImageSurface::create(cairo::Format::Rgb24, width, height).unwrap();
    {
        let cr = cairo::Context::new(&surface).unwrap();
        cr.set_source_rgb(0.96, 0.95, 0.93);
        cr.paint().unwrap();
        cr.set_source_rgb(0.1, 0.1, 0.12);
        cr.select_font_face(
            "DejaVu Serif",
            cairo::FontSlant::Normal,
            cairo::FontWeight::Normal,
        );
        cr.set_font_size(11.0 * scale);
        for (index, line) in lines.iter().enumerate() {
            cr.move_to(72.0 * scale, (90.0 + 16.0 * index as f64) * scale);
            cr.show_text(line).unwrap();
        }
    }
    surface.flush();
    let stride = surface.stride() as usize;
    let data = surface.data().unwrap();
    let mut state: u32 = 0x9E37_79B9;
    let mut grey = Vec::with_capacity((width * height) as usize);
    for row in data.chunks(stride).take(height as usize) {
        for pixel in row[..width as usize * 4].chunks_exact(4) {
            state ^= state << 13;
            state ^= state >> 17;
            state ^= state << 5;
            let noise = (state % 25) as i16 - 12;
            // RGB24 is 0x00RRGGBB in native order; the text is grey, so green will do.
            let value = u32::from_ne_bytes([pixel[0], pixel[1], pixel[2], pixel[3]]);
            let green = ((value >> 8) & 0xFF) as i16;
            grey.push((green + noise).clamp(0, 255) as u8);
        }
    }
    (grey, width as u32, height as u32)
}

fn zlib(bytes: &[u8]) -> Vec<u8> {
    let mut encoder = ZlibEncoder::new(Vec::new(), Compression::fast());
    encoder.write_all(bytes).unwrap();
    encoder.finish().unwrap()
}

/// A PDF of `pages`, written by lopdf.
fn pdf(pages: &[Page<'_>]) -> Vec<u8> {
    let mut doc = lopdf::Document::with_version("1.5");
    let pages_id = doc.new_object_id();
    let font_id = doc.add_object(dictionary! {
        "Type" => "Font", "Subtype" => "Type1", "BaseFont" => "Helvetica",
    });
    let mut kids = Vec::new();
    for page in pages {
        let mut resources = dictionary! { "Font" => dictionary! { "F1" => font_id } };
        let operations = match page {
            Page::Scan(_) | Page::Declared(_) => {
                let (pixels, width, height) = match page {
                    Page::Scan(lines) => scan(lines),
                    Page::Declared(side) => (vec![255], *side, *side),
                    _ => unreachable!(),
                };
                let image_id = doc.add_object(Stream::new(
                    dictionary! {
                        "Type" => "XObject", "Subtype" => "Image",
                        "Width" => i64::from(width), "Height" => i64::from(height),
                        "ColorSpace" => "DeviceGray", "BitsPerComponent" => 8,
                        "Filter" => "FlateDecode",
                    },
                    zlib(&pixels),
                ));
                resources.set("XObject", dictionary! { "Im1" => image_id });
                vec![
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
                ]
            }
            Page::Text(lines) => {
                let mut operations = vec![
                    Operation::new("BT", vec![]),
                    Operation::new("Tf", vec!["F1".into(), 11.into()]),
                    Operation::new("TL", vec![16.into()]),
                    Operation::new("Td", vec![72.into(), 752.into()]),
                ];
                for line in *lines {
                    operations.push(Operation::new("Tj", vec![Object::string_literal(*line)]));
                    operations.push(Operation::new("T*", vec![]));
                }
                operations.push(Operation::new("ET", vec![]));
                operations
            }
            Page::Blank => vec![
                Operation::new("re", vec![100.into(), 600.into(), 200.into(), 80.into()]),
                Operation::new("S", vec![]),
            ],
        };
        let content = Content { operations }.encode().unwrap();
        let content_id = doc.add_object(Stream::new(dictionary! {}, content));
        let page_id = doc.add_object(dictionary! {
            "Type" => "Page", "Parent" => pages_id, "Contents" => content_id,
            "Resources" => resources,
            "MediaBox" => vec![0.into(), 0.into(), 595.into(), 842.into()],
        });
        kids.push(Object::from(page_id));
    }
    let count = kids.len() as i64;
    doc.objects.insert(
        pages_id,
        Object::Dictionary(dictionary! { "Type" => "Pages", "Kids" => kids, "Count" => count }),
    );
    let catalog_id = doc.add_object(dictionary! { "Type" => "Catalog", "Pages" => pages_id });
    doc.trailer.set("Root", catalog_id);
    let mut bytes = Vec::new();
    doc.save_to(&mut bytes).unwrap();
    bytes
}

fn extractor(threads: usize, limits: Limits) -> Extractor {
    Extractor::new(Limits {
        ocr_threads: threads,
        ..limits
    })
}

const LETTER: &[&str] = &[
    "Dear Ms. Okafor,",
    "",
    "Thank you for the drawings of the kitchen. The cabinets can be",
    "delivered in the second week of March, and fitted in two days.",
    "",
    "For the details, call me on +1 415 839 2716 or write to",
    "dana.reyes@outlook.com and I will send the final quote.",
    "",
    "Kind regards,",
    "Dana Reyes",
];

const SHORT: &[&str] = &["Page two of the quote: the worktops."];

const CLEAN: &[&str] = &[
    "The quote covers 14 units, 3 worktops and 2 sinks, total 4,980.",
    "Fitting takes two days; the old units are taken away.",
];

/// Lines enough to keep Tesseract busy for a while on a page.
fn long_page() -> Vec<&'static str> {
    let lines = [
        "The cabinets can be delivered in the second week of March.",
        "Each unit is fitted and levelled, and the doors are adjusted.",
        "The worktops are cut on site and sealed along every edge.",
    ];
    lines.iter().copied().cycle().take(24).collect()
}

/// Each segment's page, source and first words.
fn outline(document: &Document) -> Vec<(Option<u32>, Source, String)> {
    document
        .segments
        .iter()
        .map(|s| (s.location.page, s.source, s.text.chars().take(30).collect()))
        .collect()
}

#[test]
fn threads_read_the_same_document_as_one_thread() {
    let _one = one_at_a_time();
    let long = long_page();
    // Pages of unequal work, so that they finish out of order on several threads, with
    // text pages and pages that read nothing (each with a warning) between them.
    let bytes = pdf(&[
        Page::Scan(&long),
        Page::Text(CLEAN),
        Page::Scan(SHORT),
        Page::Blank,
        Page::Scan(LETTER),
        Page::Blank,
        Page::Scan(SHORT),
    ]);
    let one = extractor(1, Limits::default()).extract(&bytes).unwrap();
    // What one thread reads: every page in its place.
    let pages: Vec<(Option<u32>, Source)> = one
        .segments
        .iter()
        .map(|s| (s.location.page, s.source))
        .collect();
    assert_eq!(
        pages,
        [
            (Some(1), Source::Ocr),
            (Some(2), Source::Text),
            (Some(3), Source::Ocr),
            (Some(5), Source::Ocr),
            (Some(7), Source::Ocr),
        ],
        "{:#?}",
        one.segments
    );
    assert!(one.segments[3].text.contains("dana.reyes@outlook.com"));
    assert_eq!(
        one.warnings,
        [
            "page 4: no text layer, and OCR read no text in it",
            "page 6: no text layer, and OCR read no text in it"
        ]
    );
    // Three: on two cores the process allows one helper, on more two.
    let many = extractor(3, Limits::default()).extract(&bytes).unwrap();
    assert!(
        many == one,
        "{:#?}\n{:?}\nagainst one thread's\n{:#?}\n{:?}",
        outline(&many),
        many.warnings,
        outline(&one),
        one.warnings
    );
}

#[test]
fn the_earliest_failing_page_stops_the_file_on_any_number_of_threads() {
    let _one = one_at_a_time();
    // Page 1 is read as an image; page 2 declares more pixels than allowed, which the
    // calling thread finds while page 1 is still being read on another thread.
    let bytes = pdf(&[Page::Scan(LETTER), Page::Declared(3000), Page::Scan(SHORT)]);
    let limits = Limits {
        max_pixels: 4_000_000,
        ..Limits::default()
    };
    let too_large = Err(ExtractError::ImageTooLarge {
        width: 3000,
        height: 3000,
        limit: 4_000_000,
    });
    for threads in [1, 2, 4] {
        let result = extractor(threads, limits.clone()).extract(&bytes);
        assert_eq!(result, too_large, "{threads} threads");
    }
    // Without the language, page 1's OCR fails, however soon page 2 is reached.
    let unavailable = extractor(1, limits.clone())
        .with_ocr(OcrOptions {
            language: "xqz".to_owned(),
            ..OcrOptions::default()
        })
        .extract(&bytes);
    assert!(
        matches!(&unavailable, Err(ExtractError::OcrUnavailable(_))),
        "{unavailable:?}"
    );
    for threads in [2, 4] {
        let result = extractor(threads, limits.clone())
            .with_ocr(OcrOptions {
                language: "xqz".to_owned(),
                ..OcrOptions::default()
            })
            .extract(&bytes);
        assert_eq!(result, unavailable, "{threads} threads");
    }
}

#[test]
fn the_deadline_stops_a_long_scanned_pdf_on_several_threads() {
    let _one = one_at_a_time();
    let long = long_page();
    let pages: Vec<Page<'_>> = (0..8).map(|_| Page::Scan(&long)).collect();
    let bytes = pdf(&pages);
    let limit = Duration::from_millis(1500);
    for threads in [1, 2] {
        let extractor = extractor(
            threads,
            Limits {
                timeout: limit,
                ..Limits::default()
            },
        );
        let started = Instant::now();
        let result: Result<Document, ExtractError> = extractor.extract(&bytes);
        let took = started.elapsed();
        assert_eq!(
            result,
            Err(ExtractError::Timeout(limit)),
            "{threads} threads"
        );
        // Eight pages take several seconds of OCR a thread; the file stops soon after its
        // limit (page layout analysis, which cannot be interrupted, and a debug build's
        // image preparation may run past it).
        assert!(
            took < limit + Duration::from_secs(3),
            "{threads} threads: {took:?}"
        );
    }
}

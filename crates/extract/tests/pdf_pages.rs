//! PDF pages as people send them: text drawn one glyph per text object, text drawn as vector
//! outlines, scanned pages (one picture a page), and pages that hold no text at all. Every
//! fixture is written here: by lopdf (hand-placed glyphs) or by cairo's PDF surface (real
//! fonts from fontconfig, outlines through `text_path`, scans as embedded images).

use std::sync::OnceLock;

use lopdf::content::{Content, Operation};
use lopdf::{dictionary, Object, Stream};
use offside_detect::{Engine, EngineOptions, Kind};
use offside_extract::{Document, Extractor, FileType, Limits, Source};

fn detector() -> &'static Engine {
    static ENGINE: OnceLock<Engine> = OnceLock::new();
    ENGINE.get_or_init(|| Engine::new(EngineOptions::default()))
}

fn extract(bytes: &[u8]) -> Document {
    Extractor::new(Limits::default())
        .extract(bytes)
        .unwrap_or_else(|e| panic!("extract failed: {e}"))
}

/// (kind, value, page, source) of every finding.
fn findings(document: &Document) -> Vec<(Kind, String, Option<u32>, Source)> {
    let mut out = Vec::new();
    for segment in &document.segments {
        for finding in detector().scan(&segment.text, None) {
            let value = finding
                .value
                .clone()
                .unwrap_or_else(|| segment.text[finding.start..finding.end].to_owned());
            out.push((finding.kind, value, segment.location.page, segment.source));
        }
    }
    out
}

/// A one-page PDF (Courier 12) whose `text` is drawn one glyph per text object, each glyph
/// `spacing` points after the previous one's advance, on one baseline: a letter-spaced
/// heading as design tools export it.
fn one_glyph_per_object(prefix: &str, spaced: &str, spacing: f64) -> Vec<u8> {
    let mut doc = lopdf::Document::with_version("1.5");
    let pages_id = doc.new_object_id();
    let font_id = doc.add_object(dictionary! {
        "Type" => "Font",
        "Subtype" => "Type1",
        "BaseFont" => "Courier",
        "Encoding" => "WinAnsiEncoding",
    });
    let mut operations = vec![
        Operation::new("BT", vec![]),
        Operation::new("Tf", vec!["F1".into(), 12.into()]),
        Operation::new("Td", vec![72.into(), 720.into()]),
        Operation::new("Tj", vec![Object::string_literal(prefix)]),
        Operation::new("ET", vec![]),
    ];
    // Courier advances 0.6 em: 7.2 pt at 12 pt.
    let mut x = 72.0;
    for c in spaced.chars() {
        operations.extend([
            Operation::new("BT", vec![]),
            Operation::new("Tf", vec!["F1".into(), 12.into()]),
            Operation::new("Td", vec![Object::Real(x as f32), 690.into()]),
            Operation::new("Tj", vec![Object::string_literal(c.to_string())]),
            Operation::new("ET", vec![]),
        ]);
        x += 7.2 + spacing;
    }
    let content = Content { operations };
    let content_id = doc.add_object(Stream::new(dictionary! {}, content.encode().unwrap()));
    let page = doc.add_object(dictionary! {
        "Type" => "Page",
        "Parent" => pages_id,
        "Contents" => content_id,
        "Resources" => dictionary! { "Font" => dictionary! { "F1" => font_id } },
        "MediaBox" => vec![0.into(), 0.into(), 612.into(), 792.into()],
    });
    doc.objects.insert(
        pages_id,
        Object::Dictionary(dictionary! {
            "Type" => "Pages",
            "Kids" => vec![page.into()],
            "Count" => 1,
        }),
    );
    let catalog = doc.add_object(dictionary! { "Type" => "Catalog", "Pages" => pages_id });
    doc.trailer.set("Root", catalog);
    let mut bytes = Vec::new();
    doc.save_to(&mut bytes).unwrap();
    bytes
}

/// How the lines of a cairo-made page are drawn.
#[derive(Clone, Copy)]
enum Drawn {
    /// As text (a text layer).
    Text,
    /// As filled vector outlines of the glyphs (no text layer).
    Outlines,
    /// Into a grey picture at this resolution, with a little noise, embedded as the
    /// page's only content: a scan.
    Scan(f64),
}

/// An A4 PDF with one page per entry of `pages`, each a list of lines in `font` at 11 pt.
fn cairo_pdf(pages: &[&[&str]], font: &str, drawn: Drawn) -> Vec<u8> {
    let (width, height) = (595.0, 842.0);
    let surface = cairo::PdfSurface::for_stream(width, height, Vec::<u8>::new()).unwrap();
    {
        let cr = cairo::Context::new(&surface).unwrap();
        for lines in pages {
            match drawn {
                Drawn::Text | Drawn::Outlines => {
                    draw_lines(&cr, lines, font, 1.0, drawn);
                }
                Drawn::Scan(dpi) => {
                    let scale = dpi / 72.0;
                    let mut scan = cairo::ImageSurface::create(
                        cairo::Format::Rgb24,
                        (width * scale) as i32,
                        (height * scale) as i32,
                    )
                    .unwrap();
                    {
                        let sc = cairo::Context::new(&scan).unwrap();
                        sc.set_source_rgb(0.96, 0.95, 0.93);
                        sc.paint().unwrap();
                        // A slightly tilted sheet, as on a flatbed.
                        sc.rotate(0.6_f64.to_radians());
                        draw_lines(&sc, lines, font, scale, Drawn::Text);
                    }
                    add_noise(&mut scan);
                    cr.save().unwrap();
                    cr.scale(1.0 / scale, 1.0 / scale);
                    cr.set_source_surface(&scan, 0.0, 0.0).unwrap();
                    cr.paint().unwrap();
                    cr.restore().unwrap();
                }
            }
            cr.show_page().unwrap();
        }
    }
    let stream = surface.finish_output_stream().unwrap();
    *stream.downcast::<Vec<u8>>().unwrap()
}

fn draw_lines(cr: &cairo::Context, lines: &[&str], font: &str, scale: f64, drawn: Drawn) {
    cr.set_source_rgb(0.1, 0.1, 0.12);
    cr.select_font_face(font, cairo::FontSlant::Normal, cairo::FontWeight::Normal);
    cr.set_font_size(11.0 * scale);
    let mut y = 90.0 * scale;
    for line in lines {
        cr.move_to(72.0 * scale, y);
        match drawn {
            Drawn::Outlines => {
                cr.text_path(line);
                cr.fill().unwrap();
            }
            _ => cr.show_text(line).unwrap(),
        }
        y += 16.0 * scale;
    }
}

/// Deterministic speckle: every pixel darkened or lightened by a few levels.
fn add_noise(surface: &mut cairo::ImageSurface) {
    surface.flush();
    let mut data = surface.data().unwrap();
    let mut state: u32 = 0x9E37_79B9;
    for byte in data.iter_mut() {
        state ^= state << 13;
        state ^= state >> 17;
        state ^= state << 5;
        let delta = (state % 25) as i16 - 12;
        *byte = (i16::from(*byte) + delta).clamp(0, 255) as u8;
    }
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

const CLEAN_LETTER: &[&str] = &[
    "Dear Ms. Okafor,",
    "",
    "Thank you for the drawings of the kitchen. The cabinets can be",
    "delivered in the second week of March, and fitted in two days.",
    "The quote covers 14 units, 3 worktops and 2 sinks, total 4,980.",
    "",
    "Kind regards,",
    "Dana Reyes",
];

fn values(document: &Document) -> Vec<String> {
    let mut values: Vec<String> = findings(document).into_iter().map(|f| f.1).collect();
    values.sort();
    values
}

#[test]
fn glyphs_drawn_one_per_text_object_are_joined_into_words() {
    let bytes = one_glyph_per_object("Questions about the order?", "alex.morgan@gmail.com", 1.5);
    let document = extract(&bytes);
    let found = findings(&document);
    assert!(
        found
            .iter()
            .any(|f| f.0 == Kind::Email && f.1 == "alex.morgan@gmail.com" && f.3 == Source::Text),
        "{found:?} in {:?}",
        document.segments
    );
}

#[test]
fn letter_spaced_plain_words_stay_plain_words() {
    let bytes = one_glyph_per_object("Our studio", "OPENING HOURS 9 TO 5", 2.0);
    let document = extract(&bytes);
    let text: String = document.segments.iter().map(|s| s.text.as_str()).collect();
    assert!(text.contains("OPENING HOURS"), "{text:?}");
    assert!(findings(&document).is_empty(), "{:?}", findings(&document));
}

#[test]
fn text_layer_of_a_cairo_pdf_is_read_without_ocr() {
    let bytes = cairo_pdf(&[LETTER], "DejaVu Sans", Drawn::Text);
    let document = extract(&bytes);
    assert!(document.segments.iter().all(|s| s.source != Source::Ocr));
    assert_eq!(
        values(&document),
        ["+14158392716", "dana.reyes@outlook.com"],
        "{:?}",
        document.segments
    );
}

#[test]
fn text_drawn_as_outlines_is_rendered_and_read_by_ocr() {
    for font in ["DejaVu Sans", "DejaVu Serif"] {
        let bytes = cairo_pdf(&[LETTER], font, Drawn::Outlines);
        let lopdf_text = lopdf::Document::load_mem(&bytes)
            .unwrap()
            .extract_text(&[1])
            .unwrap_or_default();
        assert!(
            !lopdf_text.chars().any(char::is_alphanumeric),
            "{lopdf_text:?}"
        );
        let document = extract(&bytes);
        assert_eq!(document.file_type, FileType::Pdf);
        let found = findings(&document);
        assert!(
            found.iter().all(|f| f.3 == Source::Ocr && f.2 == Some(1)),
            "{found:?}"
        );
        assert_eq!(
            values(&document),
            ["+14158392716", "dana.reyes@outlook.com"],
            "{font}: {:?}",
            document.segments
        );
        assert!(document.warnings.is_empty(), "{:?}", document.warnings);
    }
}

#[test]
fn scanned_pages_are_read_by_ocr_on_their_page() {
    let bytes = cairo_pdf(&[CLEAN_LETTER, LETTER], "DejaVu Serif", Drawn::Scan(200.0));
    let document = extract(&bytes);
    assert_eq!(document.pages, 2);
    let found = findings(&document);
    assert!(
        found.iter().all(|f| f.3 == Source::Ocr && f.2 == Some(2)),
        "{found:?}"
    );
    assert_eq!(
        values(&document),
        ["+14158392716", "dana.reyes@outlook.com"],
        "{:?}",
        document.segments
    );
    // Page 1 was read (its words are there) and holds nothing.
    assert!(document
        .segments
        .iter()
        .any(|s| s.location.page == Some(1) && s.text.contains("worktops")));
}

#[test]
fn a_page_without_text_gets_a_warning() {
    // A page with a drawn box and nothing else.
    let surface = cairo::PdfSurface::for_stream(595.0, 842.0, Vec::<u8>::new()).unwrap();
    {
        let cr = cairo::Context::new(&surface).unwrap();
        cr.rectangle(100.0, 100.0, 200.0, 80.0);
        cr.stroke().unwrap();
        cr.show_page().unwrap();
    }
    let bytes = *surface
        .finish_output_stream()
        .unwrap()
        .downcast::<Vec<u8>>()
        .unwrap();
    let document = extract(&bytes);
    // OCR may read the box's edge as a bar; never as a word.
    assert!(
        document
            .segments
            .iter()
            .all(|s| !s.text.chars().any(char::is_alphanumeric)),
        "{:?}",
        document.segments
    );
    assert_eq!(
        document.warnings,
        ["page 1: no text layer, and OCR read no text in it"]
    );
}

#[test]
fn with_ocr_disabled_a_scanned_page_says_it_was_not_read() {
    let bytes = cairo_pdf(&[LETTER], "DejaVu Sans", Drawn::Outlines);
    let extractor = Extractor::new(Limits::default()).with_ocr(offside_extract::OcrOptions {
        enabled: false,
        ..offside_extract::OcrOptions::default()
    });
    let document = extractor.extract(&bytes).unwrap();
    assert!(findings(&document).is_empty());
    assert_eq!(
        document.warnings,
        ["page 1: no text layer, and OCR is disabled: its text was not read"]
    );
}

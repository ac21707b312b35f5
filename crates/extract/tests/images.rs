//! Images through `Extractor::extract`: OCR of screenshot-like images, QR codes, and the
//! errors. Every fixture is drawn here (DejaVu Sans through `ab_glyph`, QR codes through
//! `qrcode`); no binary file is committed.

use std::io::Cursor;
use std::path::PathBuf;
use std::sync::OnceLock;
use std::time::{Duration, Instant};

use ab_glyph::{point, Font, FontVec, PxScale, ScaleFont};
use image::{DynamicImage, ImageFormat, Rgb, RgbImage};
use offside_detect::{Engine, EngineOptions, Finding, Kind};
use offside_extract::{
    Document, ExtractError, Extractor, FileType, Limits, OcrOptions, Rect, Segment, Source,
};

const FONT_PATH: &str = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf";

fn font() -> &'static FontVec {
    static FONT: OnceLock<FontVec> = OnceLock::new();
    FONT.get_or_init(|| {
        let bytes = std::fs::read(FONT_PATH).expect("fonts-dejavu-core is installed");
        FontVec::try_from_vec(bytes).expect("DejaVu Sans parses")
    })
}

fn detector() -> &'static Engine {
    static ENGINE: OnceLock<Engine> = OnceLock::new();
    ENGINE.get_or_init(|| Engine::new(EngineOptions::default()))
}

/// Draws `text` with its top-left corner at (x, y), `size` pixels high, blending `color`
/// by coverage; returns the rectangle the text occupies.
fn draw_text(image: &mut RgbImage, x: u32, y: u32, size: f32, color: [u8; 3], text: &str) -> Rect {
    let font = font();
    let scaled = font.as_scaled(PxScale::from(size));
    let baseline = y as f32 + scaled.ascent();
    let mut caret = x as f32;
    let mut previous = None;
    for c in text.chars() {
        let id = font.glyph_id(c);
        if let Some(previous) = previous {
            caret += scaled.kern(previous, id);
        }
        previous = Some(id);
        let glyph = id.with_scale_and_position(size, point(caret, baseline));
        caret += scaled.h_advance(id);
        let Some(outlined) = font.outline_glyph(glyph) else {
            continue;
        };
        let bounds = outlined.px_bounds();
        outlined.draw(|gx, gy, coverage| {
            let px = bounds.min.x as i64 + i64::from(gx);
            let py = bounds.min.y as i64 + i64::from(gy);
            if px < 0 || py < 0 || px >= i64::from(image.width()) || py >= i64::from(image.height())
            {
                return;
            }
            let pixel = image.get_pixel_mut(px as u32, py as u32);
            for (channel, target) in pixel.0.iter_mut().zip(color) {
                let blended = f32::from(*channel) * (1.0 - coverage) + f32::from(target) * coverage;
                *channel = blended.round() as u8;
            }
        });
    }
    Rect {
        x,
        y,
        width: (caret - x as f32).ceil() as u32,
        height: (scaled.ascent() - scaled.descent()).ceil() as u32,
    }
}

fn fill(image: &mut RgbImage, rect: Rect, color: [u8; 3]) {
    for y in rect.y..(rect.y + rect.height).min(image.height()) {
        for x in rect.x..(rect.x + rect.width).min(image.width()) {
            image.put_pixel(x, y, Rgb(color));
        }
    }
}

/// A chat bubble with one line of text; returns the text's rectangle.
fn bubble(
    image: &mut RgbImage,
    (x, y): (u32, u32),
    size: f32,
    (fill_color, ink): ([u8; 3], [u8; 3]),
    text: &str,
    part: &str,
) -> Rect {
    // Measure first on a scratch image, then draw the bubble around the text.
    let mut scratch = RgbImage::new(1, 1);
    let whole = draw_text(&mut scratch, 0, 0, size, ink, text);
    fill(
        image,
        Rect {
            x,
            y,
            width: whole.width + 28,
            height: whole.height + 20,
        },
        fill_color,
    );
    let line = draw_text(image, x + 14, y + 10, size, ink, text);
    // Where `part` is: from the width of the text before it to the width through it.
    let at = text.find(part).expect("part is in text");
    let before = draw_text(&mut scratch, 0, 0, size, ink, &text[..at]).width;
    let through = draw_text(&mut scratch, 0, 0, size, ink, &text[..at + part.len()]).width;
    Rect {
        x: line.x + before,
        y: line.y,
        width: through - before,
        height: line.height,
    }
}

struct Chat {
    image: RgbImage,
    email: Rect,
    phone: Rect,
}

struct Palette {
    background: [u8; 3],
    header: [u8; 3],
    header_ink: [u8; 3],
    incoming: [u8; 3],
    outgoing: [u8; 3],
    ink: [u8; 3],
}

const LIGHT: Palette = Palette {
    background: [236, 229, 221],
    header: [7, 94, 84],
    header_ink: [255, 255, 255],
    incoming: [255, 255, 255],
    outgoing: [220, 248, 198],
    ink: [17, 27, 33],
};

const DARK: Palette = Palette {
    background: [11, 20, 26],
    header: [32, 44, 51],
    header_ink: [233, 237, 239],
    incoming: [32, 44, 51],
    outgoing: [0, 92, 75],
    ink: [233, 237, 239],
};

/// A screenshot-like chat, 800x500: a header bar and three bubbles with `size`-pixel text.
/// The e-mail and phone rectangles are where those values (not their whole lines) are.
fn chat(palette: &Palette, size: f32) -> Chat {
    let mut image = RgbImage::from_pixel(800, 500, Rgb(palette.background));
    fill(
        &mut image,
        Rect {
            x: 0,
            y: 0,
            width: 800,
            height: 56,
        },
        palette.header,
    );
    draw_text(&mut image, 24, 18, 18.0, palette.header_ink, "Maria L.");
    let incoming = (palette.incoming, palette.ink);
    let email = bubble(
        &mut image,
        (30, 90),
        size,
        incoming,
        "Sure, write to me at maria.lopez@gmail.com",
        "maria.lopez@gmail.com",
    );
    let phone = bubble(
        &mut image,
        (30, 160),
        size,
        incoming,
        "or call +44 7911 123456 after 6pm",
        "+44 7911 123456",
    );
    let clean = "Sounds good, see you in the workspace";
    let outgoing = (palette.outgoing, palette.ink);
    bubble(&mut image, (380, 250), size, outgoing, clean, clean);
    Chat {
        image,
        email,
        phone,
    }
}

fn encode(image: &RgbImage, format: ImageFormat) -> Vec<u8> {
    let mut out = Cursor::new(Vec::new());
    DynamicImage::ImageRgb8(image.clone())
        .write_to(&mut out, format)
        .expect("the image encodes");
    out.into_inner()
}

fn png(image: &RgbImage) -> Vec<u8> {
    encode(image, ImageFormat::Png)
}

fn ocr_segment(document: &Document) -> Option<&Segment> {
    document.segments.iter().find(|s| s.source == Source::Ocr)
}

fn scan(segment: &Segment) -> Vec<Finding> {
    detector().scan(&segment.text, None)
}

fn overlaps(a: Rect, b: Rect) -> bool {
    a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height
}

/// Whether `region` lies within `expected` grown by `slack` pixels on every side.
fn within(region: Rect, expected: Rect, slack: u32) -> bool {
    region.x + slack >= expected.x
        && region.y + slack >= expected.y
        && region.x + region.width <= expected.x + expected.width + slack
        && region.y + region.height <= expected.y + expected.height + slack
}

/// Finds the e-mail and the phone in the OCR text of `chat`, each in the region where it
/// was drawn. Prints the OCR text when it does not.
fn assert_chat_read(chat: &Chat, document: &Document, label: &str) {
    let Some(segment) = ocr_segment(document) else {
        panic!("{label}: no OCR segment in {document:#?}");
    };
    let findings = scan(segment);
    let report = || {
        format!(
            "{label}: OCR text:\n{}\nfindings: {:?}",
            segment.text,
            findings
                .iter()
                .map(|f| (f.kind, f.value.clone(), segment.region_of(f.start..f.end)))
                .collect::<Vec<_>>()
        )
    };
    for (kind, value, drawn) in [
        (Kind::Email, "maria.lopez@gmail.com", chat.email),
        (Kind::Phone, "+447911123456", chat.phone),
    ] {
        let found = findings
            .iter()
            .find(|f| f.kind == kind && f.value.as_deref() == Some(value));
        let Some(found) = found else {
            eprintln!("{}", report());
            panic!("{label}: {kind:?} {value} not found");
        };
        let region = segment.region_of(found.start..found.end);
        let Some(region) = region else {
            eprintln!("{}", report());
            panic!("{label}: {value} has no region");
        };
        if !overlaps(region, drawn) || !within(region, drawn, 6) {
            eprintln!("{}", report());
            panic!("{label}: {value} at {region:?}, drawn at {drawn:?}");
        }
    }
    assert!(
        findings
            .iter()
            .all(|f| matches!(f.kind, Kind::Email | Kind::Phone)),
        "{}",
        report()
    );
    eprintln!("{}", report());
}

#[test]
fn chat_screenshot_png_finds_email_and_phone_where_drawn() {
    let chat = chat(&LIGHT, 16.0);
    let bytes = png(&chat.image);
    // On a fresh thread, so that the first call loads the engine.
    let (document, again, first, second) = std::thread::spawn(move || {
        let extractor = Extractor::default();
        let started = Instant::now();
        let document = extractor.extract(&bytes).expect("the PNG reads");
        let first = started.elapsed();
        // Again on the same thread: the engine is already loaded.
        let started = Instant::now();
        let again = extractor.extract(&bytes).expect("the PNG reads");
        (document, again, first, started.elapsed())
    })
    .join()
    .expect("the thread ran");
    assert_eq!(document.file_type, FileType::Png);
    assert_eq!(document.pages, 1);
    assert_chat_read(&chat, &document, "light PNG");
    assert_eq!(again, document);
    eprintln!(
        "chat PNG 800x500: first extract (engine init + OCR) {first:?}, second (OCR only) \
         {second:?}, so init ~{:?}",
        first.saturating_sub(second)
    );
}

#[test]
fn small_text_chat_screenshot() {
    // 12 px text: read thanks to the x2 upscale (Lanczos3) and local thresholding.
    let chat = chat(&LIGHT, 12.0);
    let document = Extractor::default()
        .extract(&png(&chat.image))
        .expect("the PNG reads");
    assert_chat_read(&chat, &document, "12 px PNG");
}

#[test]
fn dark_mode_chat_screenshot() {
    // 13 px: with one global threshold, Tesseract read nothing at all here.
    let chat = chat(&DARK, 13.0);
    let document = Extractor::default()
        .extract(&png(&chat.image))
        .expect("the PNG reads");
    assert_chat_read(&chat, &document, "dark PNG");
}

#[test]
fn chat_screenshot_as_jpeg_and_webp() {
    let chat = chat(&LIGHT, 17.0);
    for (format, file_type) in [
        (ImageFormat::Jpeg, FileType::Jpeg),
        (ImageFormat::WebP, FileType::Webp),
    ] {
        let bytes = encode(&chat.image, format);
        let document = Extractor::default()
            .extract(&bytes)
            .expect("the image reads");
        assert_eq!(document.file_type, file_type);
        assert_chat_read(&chat, &document, file_type.as_str());
    }
}

#[test]
fn clean_image_has_no_findings() {
    let mut image = RgbImage::from_pixel(640, 200, Rgb([255, 255, 255]));
    draw_text(
        &mut image,
        30,
        40,
        18.0,
        [30, 30, 30],
        "Milestone 2: wireframes due Friday",
    );
    draw_text(
        &mut image,
        30,
        100,
        18.0,
        [30, 30, 30],
        "Sounds good, see you in the workspace",
    );
    let document = Extractor::default()
        .extract(&png(&image))
        .expect("the PNG reads");
    let segment = ocr_segment(&document).expect("an OCR segment");
    let findings = scan(segment);
    assert!(
        segment.text.contains("wireframes") && segment.text.contains("workspace"),
        "OCR text: {}",
        segment.text
    );
    assert!(
        findings.is_empty(),
        "OCR text: {}\nfindings: {findings:?}",
        segment.text
    );
    assert!(document.segments.iter().all(|s| s.source == Source::Ocr));
}

/// Draws a QR code for `payload` with `module`-pixel modules, its top-left module at
/// (x, y), on `image`; returns the code's rectangle (without the quiet zone).
fn draw_qr(image: &mut RgbImage, x: u32, y: u32, module: u32, payload: &str) -> Rect {
    let code = qrcode::QrCode::new(payload.as_bytes()).expect("the payload fits a QR code");
    let width = code.width() as u32;
    let colors = code.to_colors();
    let side = width * module;
    // Quiet zone of 4 modules.
    fill(
        image,
        Rect {
            x: x - 4 * module,
            y: y - 4 * module,
            width: side + 8 * module,
            height: side + 8 * module,
        },
        [255, 255, 255],
    );
    for (i, color) in colors.iter().enumerate() {
        if *color == qrcode::Color::Dark {
            let (cx, cy) = (i as u32 % width, i as u32 / width);
            fill(
                image,
                Rect {
                    x: x + cx * module,
                    y: y + cy * module,
                    width: module,
                    height: module,
                },
                [0, 0, 0],
            );
        }
    }
    Rect {
        x,
        y,
        width: side,
        height: side,
    }
}

fn qr_segments(document: &Document) -> Vec<&Segment> {
    document
        .segments
        .iter()
        .filter(|s| s.source == Source::QrCode)
        .collect()
}

#[test]
fn whatsapp_qr_code_is_decoded_with_its_region() {
    let mut image = RgbImage::from_pixel(1000, 700, Rgb([250, 250, 250]));
    draw_text(&mut image, 40, 40, 20.0, [20, 20, 20], "Scan to chat");
    let drawn = draw_qr(&mut image, 420, 260, 5, "https://wa.me/14155552671");
    let document = Extractor::default()
        .extract(&png(&image))
        .expect("the PNG reads");
    let codes = qr_segments(&document);
    assert_eq!(codes.len(), 1, "{document:#?}");
    let code = codes[0];
    assert_eq!(code.text, "https://wa.me/14155552671");
    let region = code.location.region.expect("a QR code has a region");
    assert!(
        region.x.abs_diff(drawn.x) <= 6
            && region.y.abs_diff(drawn.y) <= 6
            && region.width.abs_diff(drawn.width) <= 12
            && region.height.abs_diff(drawn.height) <= 12,
        "region {region:?}, drawn {drawn:?}"
    );
    // The detector reads a wa.me link as a WhatsApp link and as the phone number in it.
    let findings = scan(code);
    assert!(
        findings
            .iter()
            .any(|f| f.kind == Kind::Messenger && f.value.as_deref() == Some("whatsapp")),
        "{findings:?}"
    );
    assert!(
        findings
            .iter()
            .any(|f| f.kind == Kind::Phone && f.value.as_deref() == Some("+14155552671")),
        "{findings:?}"
    );
    for finding in &findings {
        assert_eq!(code.region_of(finding.start..finding.end), Some(region));
    }
}

#[test]
fn vcard_qr_code_gives_phone_and_email() {
    let mut image = RgbImage::from_pixel(600, 600, Rgb([255, 255, 255]));
    let vcard = "BEGIN:VCARD\r\nVERSION:3.0\r\nN:Lopez;Maria;;;\r\nFN:Maria Lopez\r\n\
                 TEL;TYPE=CELL:+1 415 555 2671\r\nEMAIL;TYPE=INTERNET:maria.lopez@gmail.com\r\n\
                 END:VCARD";
    draw_qr(&mut image, 100, 100, 5, vcard);
    let document = Extractor::new(Default::default())
        .with_ocr(OcrOptions {
            enabled: false,
            ..OcrOptions::default()
        })
        .extract(&png(&image))
        .expect("the PNG reads");
    let codes = qr_segments(&document);
    assert_eq!(codes.len(), 1, "{document:#?}");
    assert_eq!(
        codes[0].text,
        "FN: Maria Lopez\nTEL: +1 415 555 2671\nEMAIL: maria.lopez@gmail.com"
    );
    let findings = scan(codes[0]);
    assert!(
        findings
            .iter()
            .any(|f| f.kind == Kind::Phone && f.value.as_deref() == Some("+14155552671")),
        "{findings:?}"
    );
    assert!(
        findings
            .iter()
            .any(|f| f.kind == Kind::Email && f.value.as_deref() == Some("maria.lopez@gmail.com")),
        "{findings:?}"
    );
}

/// CRC-16/CCITT-FALSE, for writing BR Codes.
fn crc16(data: &[u8]) -> u16 {
    let mut crc: u16 = 0xFFFF;
    for &byte in data {
        crc ^= u16::from(byte) << 8;
        for _ in 0..8 {
            crc = if crc & 0x8000 != 0 {
                (crc << 1) ^ 0x1021
            } else {
                crc << 1
            };
        }
    }
    crc
}

/// A static PIX BR Code for `key`.
fn pix_code(key: &str, name: &str) -> String {
    let field = |id: &str, value: &str| format!("{id}{:02}{value}", value.len());
    let account = [field("00", "br.gov.bcb.pix"), field("01", key)].concat();
    let body = [
        field("00", "01"),
        field("26", &account),
        field("52", "0000"),
        field("53", "986"),
        field("58", "BR"),
        field("59", name),
        field("60", "RECIFE"),
        field("62", &field("05", "***")),
    ]
    .concat();
    let covered = format!("{body}6304");
    format!("{covered}{:04X}", crc16(covered.as_bytes()))
}

/// The payment methods found in the QR codes of an image holding one code for `payload`.
fn qr_payments(payload: &str) -> Vec<String> {
    let mut image = RgbImage::from_pixel(700, 700, Rgb([255, 255, 255]));
    draw_qr(&mut image, 60, 60, 4, payload);
    let document = Extractor::new(Default::default())
        .with_ocr(OcrOptions {
            enabled: false,
            ..OcrOptions::default()
        })
        .extract(&png(&image))
        .expect("the PNG reads");
    let codes = qr_segments(&document);
    assert_eq!(codes.len(), 1, "{payload}: {document:#?}");
    scan(codes[0])
        .into_iter()
        .filter(|f| f.kind == Kind::Payment)
        .map(|f| f.value.unwrap_or_default())
        .collect()
}

#[test]
fn payment_qr_codes_are_payments_with_their_method() {
    let cases = [
        (
            "upi://pay?pa=rahul.sharma@okaxis&pn=Rahul%20Sharma&am=500&cu=INR",
            "upi",
        ),
        (&pix_code("+5581998765432", "Maria Souza"), "pix"),
        (
            &pix_code("7f6d2a1e-3c4b-4e8f-9a0b-1c2d3e4f5a6b", "Loja Azul"),
            "pix",
        ),
        (
            "bitcoin:bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq?amount=0.01",
            "crypto",
        ),
        (
            "ethereum:0x52908400098527886E0F7030069857D2E4169EE7@1?value=2.014e18",
            "crypto",
        ),
        ("https://paypal.me/mariasouza/25", "paypal"),
        ("https://revolut.me/mariasouza", "revolut"),
    ];
    for (payload, method) in cases {
        let methods = qr_payments(payload);
        assert!(
            methods.iter().any(|m| m == method),
            "{payload}: {methods:?}"
        );
    }
}

#[test]
fn qr_codes_without_a_payment_are_not_payments() {
    for payload in [
        "https://shop.example.org/menu",
        "ORDER 000201 TABLE 12",
        "lnbc is the ticker on the sign",
    ] {
        assert_eq!(qr_payments(payload), Vec::<String>::new(), "{payload}");
    }
}

#[test]
fn small_qr_code_in_a_large_photo() {
    // 3 px modules on a 3000x2200 canvas with noise-free texture around it.
    let mut image = RgbImage::from_fn(3000, 2200, |x, y| {
        let v = 200 + ((x / 7 + y / 11) % 40) as u8;
        Rgb([v, v, v])
    });
    let drawn = draw_qr(
        &mut image,
        2100,
        1500,
        3,
        "MECARD:N:Lopez,Maria;TEL:+14155552671;;",
    );
    let document = Extractor::new(Default::default())
        .with_ocr(OcrOptions {
            enabled: false,
            ..OcrOptions::default()
        })
        .extract(&png(&image))
        .expect("the PNG reads");
    let codes = qr_segments(&document);
    assert_eq!(codes.len(), 1, "{document:#?}");
    assert_eq!(codes[0].text, "N: Lopez Maria\nTEL: +14155552671");
    let region = codes[0].location.region.expect("a region");
    assert!(
        overlaps(region, drawn),
        "region {region:?}, drawn {drawn:?}"
    );
}

/// CRC-32 (IEEE), as PNG chunks use.
fn crc32(bytes: &[u8]) -> u32 {
    let mut crc = 0xffff_ffffu32;
    for &byte in bytes {
        crc ^= u32::from(byte);
        for _ in 0..8 {
            crc = if crc & 1 != 0 {
                (crc >> 1) ^ 0xedb8_8320
            } else {
                crc >> 1
            };
        }
    }
    !crc
}

#[test]
fn png_claiming_huge_dimensions_is_refused_before_decoding() {
    let mut bytes = png(&RgbImage::from_pixel(8, 8, Rgb([255, 255, 255])));
    // Signature (8), IHDR length (4), "IHDR" (4), width (4), height (4), ..., CRC at 29.
    assert_eq!(&bytes[12..16], b"IHDR");
    bytes[16..20].copy_from_slice(&100_000u32.to_be_bytes());
    bytes[20..24].copy_from_slice(&100_000u32.to_be_bytes());
    let crc = crc32(&bytes[12..29]);
    bytes[29..33].copy_from_slice(&crc.to_be_bytes());
    let error = Extractor::default()
        .extract(&bytes)
        .expect_err("a decompression bomb");
    assert_eq!(
        error,
        ExtractError::ImageTooLarge {
            width: 100_000,
            height: 100_000,
            limit: 50_000_000
        }
    );
    let message = error.to_string();
    assert!(message.contains("100000x100000"), "{message}");
    assert!(message.contains("50000000"), "{message}");
}

#[test]
fn truncated_png_is_corrupt() {
    let bytes = png(&chat(&LIGHT, 16.0).image);
    let error = Extractor::default()
        .extract(&bytes[..bytes.len() / 2])
        .expect_err("half a PNG");
    assert!(
        matches!(
            error,
            ExtractError::Corrupt {
                file_type: FileType::Png,
                ..
            }
        ),
        "{error:?}"
    );
    assert!(
        error.to_string().starts_with("the png is corrupt: "),
        "{error}"
    );

    // Only the signature and part of the header.
    let error = Extractor::default()
        .extract(&bytes[..20])
        .expect_err("a PNG header");
    assert!(matches!(error, ExtractError::Corrupt { .. }), "{error:?}");
}

#[test]
fn ocr_disabled_gives_no_ocr_segment() {
    let chat = chat(&LIGHT, 16.0);
    let document = Extractor::default()
        .with_ocr(OcrOptions {
            enabled: false,
            ..OcrOptions::default()
        })
        .extract(&png(&chat.image))
        .expect("the PNG reads");
    assert!(document.segments.is_empty(), "{document:#?}");
}

#[test]
fn missing_tesseract_data_is_ocr_unavailable() {
    let image = chat(&LIGHT, 16.0).image;
    let missing = PathBuf::from("/nonexistent/tessdata");
    let error = Extractor::default()
        .with_ocr(OcrOptions {
            datapath: Some(missing),
            ..OcrOptions::default()
        })
        .extract(&png(&image))
        .expect_err("no language data");
    assert!(
        matches!(error, ExtractError::OcrUnavailable(_)),
        "{error:?}"
    );
    let message = error.to_string();
    assert!(message.contains("/nonexistent/tessdata"), "{message}");
    assert!(message.contains("eng"), "{message}");

    let error = Extractor::default()
        .with_ocr(OcrOptions {
            language: "xqz".to_owned(),
            ..OcrOptions::default()
        })
        .extract(&png(&image))
        .expect_err("no such language");
    assert!(
        matches!(error, ExtractError::OcrUnavailable(_)),
        "{error:?}"
    );
    assert!(error.to_string().contains("xqz"), "{error}");
}

#[test]
fn ocr_stops_at_the_deadline() {
    // A page of text that takes Tesseract seconds; the file may take 500 ms.
    let mut image = RgbImage::from_pixel(1600, 1100, Rgb([255, 255, 255]));
    for row in 0..40 {
        draw_text(
            &mut image,
            20,
            10 + row * 27,
            16.0,
            [0, 0, 0],
            "The quick brown fox jumps over the lazy dog, call 555 0100 or mail fox@example.com",
        );
    }
    let bytes = png(&image);
    let limits = Limits {
        timeout: Duration::from_millis(500),
        ..Limits::default()
    };
    // How soon after the deadline it stops is measured by `offside bench docs`.
    let result = Extractor::new(limits).extract(&bytes);
    assert_eq!(
        result,
        Err(ExtractError::Timeout(Duration::from_millis(500)))
    );
}

#[test]
fn tiny_and_extreme_images_read_without_failing() {
    for (width, height) in [(1u32, 1u32), (3, 40_000), (40_000, 3), (2, 2)] {
        let image = RgbImage::from_pixel(width, height, Rgb([255, 255, 255]));
        let document = Extractor::default()
            .extract(&png(&image))
            .unwrap_or_else(|error| panic!("{width}x{height}: {error}"));
        assert!(
            document.segments.is_empty(),
            "{width}x{height}: {document:#?}"
        );
    }
}

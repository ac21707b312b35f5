//! Writes the realistic attachment set: chat screenshots in the fonts phones and desktops
//! use (light and dark, small text, JPEG/WebP, tilted, upscaled), photographed business
//! cards (tilt, uneven light, noise, blur, JPEG), flyers with QR codes (contact and
//! payment), PDFs with a text layer, with text as vector outlines, scanned (one noisy,
//! tilted picture a page) and letter-spaced, two-column résumés, spreadsheets and HTML
//! signatures; each family with clean look-alikes that must give no finding.
//!
//! usage: cargo run -p offside-extract --example gen_attachments -- testdata/attachments
//!
//! Writes `files/<name>` and `manifest.jsonl` (one line a file: its name, family, and the
//! values the detector must report as `[kind, value]`; an empty list for a clean file).
//! Drawing is done with cairo (fonts through fontconfig: install fonts-roboto,
//! fonts-noto-core, fonts-liberation2, fonts-open-sans, fonts-dejavu-core and
//! fonts-dejavu-extra), encoding with the image crate; everything is deterministic.

use std::f64::consts::PI;
use std::fmt::Write as _;
use std::io::Cursor;
use std::path::{Path, PathBuf};

use image::{imageops, ImageFormat, Rgb, RgbImage};

type Expected = Vec<(&'static str, String)>;
/// name, font, text px, dark, format, quality, tilt (degrees), upscale.
type Shot<'a> = (&'a str, &'a str, f64, bool, ImageFormat, u8, f64, f64);
/// name, font, lines, tilt (degrees), dark desk, expected.
type Card<'a> = (&'a str, &'a str, &'a [&'a str], f64, bool, Expected);

struct Out {
    dir: PathBuf,
    manifest: String,
}

impl Out {
    fn write(&mut self, name: &str, family: &str, bytes: &[u8], expected: Expected) {
        std::fs::write(self.dir.join("files").join(name), bytes).expect("write the file");
        let values: Vec<String> = expected
            .iter()
            .map(|(k, v)| format!("[{:?},{:?}]", k, v))
            .collect();
        writeln!(
            self.manifest,
            "{{\"file\":{name:?},\"family\":{family:?},\"expected\":[{}]}}",
            values.join(",")
        )
        .unwrap();
    }
}

fn e(kind: &'static str, value: &str) -> (&'static str, String) {
    (kind, value.to_owned())
}

/// Deterministic xorshift noise.
struct Rng(u32);
impl Rng {
    fn next(&mut self) -> u32 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 17;
        self.0 ^= self.0 << 5;
        self.0
    }
}

fn surface(width: i32, height: i32) -> cairo::ImageSurface {
    cairo::ImageSurface::create(cairo::Format::Rgb24, width, height).unwrap()
}

fn to_rgb(surface: &mut cairo::ImageSurface) -> RgbImage {
    surface.flush();
    let (w, h) = (surface.width() as u32, surface.height() as u32);
    let stride = surface.stride() as usize;
    let data = surface.data().unwrap();
    let mut image = RgbImage::new(w, h);
    for y in 0..h {
        for x in 0..w {
            let i = y as usize * stride + x as usize * 4;
            let v = u32::from_ne_bytes([data[i], data[i + 1], data[i + 2], data[i + 3]]);
            image.put_pixel(x, y, Rgb([(v >> 16) as u8, (v >> 8) as u8, v as u8]));
        }
    }
    image
}

fn from_rgb(image: &RgbImage) -> cairo::ImageSurface {
    let mut s = surface(image.width() as i32, image.height() as i32);
    let stride = s.stride() as usize;
    {
        let mut data = s.data().unwrap();
        for (x, y, p) in image.enumerate_pixels() {
            let v = (u32::from(p[0]) << 16) | (u32::from(p[1]) << 8) | u32::from(p[2]);
            let i = y as usize * stride + x as usize * 4;
            data[i..i + 4].copy_from_slice(&v.to_ne_bytes());
        }
    }
    s
}

fn encode(image: &RgbImage, format: ImageFormat, quality: u8) -> Vec<u8> {
    let mut out = Vec::new();
    if format == ImageFormat::Jpeg {
        let encoder =
            image::codecs::jpeg::JpegEncoder::new_with_quality(Cursor::new(&mut out), quality);
        image.write_with_encoder(encoder).unwrap();
    } else {
        image.write_to(&mut Cursor::new(&mut out), format).unwrap();
    }
    out
}

fn noise(image: &mut RgbImage, amount: u32, seed: u32) {
    let mut rng = Rng(seed | 1);
    for p in image.pixels_mut() {
        let d = (rng.next() % (2 * amount + 1)) as i32 - amount as i32;
        for c in p.0.iter_mut() {
            *c = (i32::from(*c) + d).clamp(0, 255) as u8;
        }
    }
}

/// Uneven light: darker towards the bottom right.
fn vignette(image: &mut RgbImage, strength: f32) {
    let (w, h) = (image.width() as f32, image.height() as f32);
    for (x, y, p) in image.enumerate_pixels_mut() {
        let f = 1.0 - strength * (x as f32 / w * 0.5 + y as f32 / h * 0.5);
        for c in p.0.iter_mut() {
            *c = (f32::from(*c) * f) as u8;
        }
    }
}

/// The image turned by `degrees` on a background of `fill`.
fn rotate(image: &RgbImage, degrees: f64, fill: [f64; 3]) -> RgbImage {
    let src = from_rgb(image);
    let (w, h) = (image.width() as f64, image.height() as f64);
    let mut dst = surface(w as i32, h as i32);
    {
        let cr = cairo::Context::new(&dst).unwrap();
        cr.set_source_rgb(fill[0], fill[1], fill[2]);
        cr.paint().unwrap();
        cr.translate(w / 2.0, h / 2.0);
        cr.rotate(degrees * PI / 180.0);
        cr.translate(-w / 2.0, -h / 2.0);
        cr.set_source_surface(&src, 0.0, 0.0).unwrap();
        cr.paint().unwrap();
    }
    to_rgb(&mut dst)
}

fn font(cr: &cairo::Context, family: &str, size: f64, bold: bool) {
    let weight = if bold {
        cairo::FontWeight::Bold
    } else {
        cairo::FontWeight::Normal
    };
    cr.select_font_face(family, cairo::FontSlant::Normal, weight);
    cr.set_font_size(size);
}

/// A chat screenshot: messages alternate left (theirs) and right (mine) in bubbles.
fn chat(family: &str, size: f64, dark: bool, messages: &[&str]) -> RgbImage {
    let width = 720.0;
    let line = size * 1.45;
    let height = 120.0 + messages.len() as f64 * (line + 3.0 * size);
    let mut s = surface(width as i32, height as i32);
    {
        let cr = cairo::Context::new(&s).unwrap();
        let (bg, theirs, mine, ink) = if dark {
            (
                [0.07, 0.07, 0.08],
                [0.17, 0.18, 0.2],
                [0.0, 0.36, 0.3],
                [0.93, 0.93, 0.93],
            )
        } else {
            (
                [0.93, 0.9, 0.86],
                [1.0, 1.0, 1.0],
                [0.85, 0.97, 0.78],
                [0.07, 0.07, 0.07],
            )
        };
        cr.set_source_rgb(bg[0], bg[1], bg[2]);
        cr.paint().unwrap();
        // The header bar.
        cr.set_source_rgb(0.0, 0.37, 0.33);
        cr.rectangle(0.0, 0.0, width, 56.0);
        cr.fill().unwrap();
        cr.set_source_rgb(1.0, 1.0, 1.0);
        font(&cr, family, 18.0, true);
        cr.move_to(64.0, 35.0);
        cr.show_text("Jordan (Client)").unwrap();
        font(&cr, family, size, false);
        let mut y = 76.0;
        for (i, message) in messages.iter().enumerate() {
            let extents = cr.text_extents(message).unwrap();
            let bw = extents.x_advance() + 2.0 * size;
            let bh = line + size;
            let x = if i % 2 == 0 { 14.0 } else { width - bw - 14.0 };
            let fill = if i % 2 == 0 { theirs } else { mine };
            cr.set_source_rgb(fill[0], fill[1], fill[2]);
            rounded(&cr, x, y, bw, bh, 8.0);
            cr.fill().unwrap();
            cr.set_source_rgb(ink[0], ink[1], ink[2]);
            cr.move_to(x + size, y + size * 0.5 + line * 0.8);
            cr.show_text(message).unwrap();
            // The time, small and grey.
            cr.set_source_rgb(0.55, 0.55, 0.55);
            font(&cr, family, size * 0.7, false);
            cr.move_to(x + bw - 3.2 * size, y + bh + size * 0.9);
            cr.show_text(&format!("10:{:02}", 14 + i)).unwrap();
            font(&cr, family, size, false);
            y += bh + 2.0 * size;
        }
    }
    to_rgb(&mut s)
}

fn rounded(cr: &cairo::Context, x: f64, y: f64, w: f64, h: f64, r: f64) {
    cr.new_sub_path();
    cr.arc(x + w - r, y + r, r, -PI / 2.0, 0.0);
    cr.arc(x + w - r, y + h - r, r, 0.0, PI / 2.0);
    cr.arc(x + r, y + h - r, r, PI / 2.0, PI);
    cr.arc(x + r, y + r, r, PI, 1.5 * PI);
    cr.close_path();
}

/// A business card photographed on a desk: tilted, unevenly lit, noisy, blurred.
fn card_photo(family: &str, lines: &[&str], tilt: f64, dark_desk: bool) -> RgbImage {
    let (w, h) = (1200, 800);
    let mut s = surface(w, h);
    {
        let cr = cairo::Context::new(&s).unwrap();
        let desk = if dark_desk { 0.22 } else { 0.55 };
        cr.set_source_rgb(desk, desk * 0.9, desk * 0.8);
        cr.paint().unwrap();
        cr.translate(600.0, 400.0);
        cr.rotate(tilt * PI / 180.0);
        cr.translate(-420.0, -250.0);
        cr.set_source_rgb(0.97, 0.96, 0.93);
        cr.rectangle(0.0, 0.0, 840.0, 500.0);
        cr.fill().unwrap();
        cr.set_source_rgb(0.1, 0.12, 0.2);
        font(&cr, family, 40.0, true);
        cr.move_to(50.0, 90.0);
        cr.show_text(lines[0]).unwrap();
        font(&cr, family, 24.0, false);
        for (i, line) in lines[1..].iter().enumerate() {
            cr.move_to(50.0, 170.0 + 48.0 * i as f64);
            cr.show_text(line).unwrap();
        }
    }
    let mut image = to_rgb(&mut s);
    vignette(&mut image, 0.35);
    noise(&mut image, 10, 77);
    imageops::blur(&image, 1.1)
}

/// A flyer with a QR code for `payload` and a few lines of text.
fn flyer(family: &str, title: &str, lines: &[&str], payload: &str) -> RgbImage {
    let (w, h) = (900, 1200);
    let mut s = surface(w, h);
    {
        let cr = cairo::Context::new(&s).unwrap();
        cr.set_source_rgb(1.0, 0.98, 0.9);
        cr.paint().unwrap();
        cr.set_source_rgb(0.7, 0.1, 0.1);
        font(&cr, family, 54.0, true);
        cr.move_to(60.0, 120.0);
        cr.show_text(title).unwrap();
        cr.set_source_rgb(0.1, 0.1, 0.1);
        font(&cr, family, 28.0, false);
        for (i, line) in lines.iter().enumerate() {
            cr.move_to(60.0, 200.0 + 44.0 * i as f64);
            cr.show_text(line).unwrap();
        }
        let code = qrcode::QrCode::new(payload.as_bytes()).unwrap();
        let n = code.width();
        let module = (420 / n).max(4) as f64;
        let (x0, y0) = (240.0, 600.0);
        cr.set_source_rgb(1.0, 1.0, 1.0);
        cr.rectangle(
            x0 - 4.0 * module,
            y0 - 4.0 * module,
            (n as f64 + 8.0) * module,
            (n as f64 + 8.0) * module,
        );
        cr.fill().unwrap();
        cr.set_source_rgb(0.0, 0.0, 0.0);
        for (i, color) in code.to_colors().iter().enumerate() {
            if *color == qrcode::Color::Dark {
                let (cx, cy) = ((i % n) as f64, (i / n) as f64);
                cr.rectangle(x0 + cx * module, y0 + cy * module, module, module);
            }
        }
        cr.fill().unwrap();
    }
    let mut image = to_rgb(&mut s);
    noise(&mut image, 4, 5);
    image
}

#[derive(Clone, Copy)]
enum Pdf {
    Text,
    Outlines,
    /// Scanned at this resolution.
    Scan(f64),
    /// Letter-spaced: every glyph drawn on its own, `spacing` points apart.
    Spaced(f64),
}

/// An A4 PDF: a page per entry, lines of (size, bold, text); a second column when a line
/// holds a tab.
fn pdf(family: &str, pages: &[Vec<(f64, bool, &str)>], kind: Pdf) -> Vec<u8> {
    let (w, h) = (595.0, 842.0);
    let s = cairo::PdfSurface::for_stream(w, h, Vec::<u8>::new()).unwrap();
    {
        let cr = cairo::Context::new(&s).unwrap();
        for (p, lines) in pages.iter().enumerate() {
            match kind {
                Pdf::Scan(dpi) => {
                    let k = dpi / 72.0;
                    let mut scan = surface((w * k) as i32, (h * k) as i32);
                    {
                        let sc = cairo::Context::new(&scan).unwrap();
                        sc.set_source_rgb(0.97, 0.96, 0.94);
                        sc.paint().unwrap();
                        sc.scale(k, k);
                        sc.rotate((0.4 + 0.3 * p as f64) * PI / 180.0);
                        draw_page(&sc, family, lines, Pdf::Text);
                    }
                    let mut image = to_rgb(&mut scan);
                    noise(&mut image, 14, 31 + p as u32);
                    let image = imageops::blur(&image, 0.7);
                    // Scanners write JPEG: embedded as such (DCTDecode), it keeps the file small.
                    let jpeg = encode(&image, ImageFormat::Jpeg, 55);
                    let scan = from_rgb(&image);
                    scan.set_mime_data("image/jpeg", jpeg).unwrap();
                    cr.save().unwrap();
                    cr.scale(1.0 / k, 1.0 / k);
                    cr.set_source_surface(&scan, 0.0, 0.0).unwrap();
                    cr.paint().unwrap();
                    cr.restore().unwrap();
                }
                other => draw_page(&cr, family, lines, other),
            }
            cr.show_page().unwrap();
        }
    }
    *s.finish_output_stream()
        .unwrap()
        .downcast::<Vec<u8>>()
        .unwrap()
}

fn draw_page(cr: &cairo::Context, family: &str, lines: &[(f64, bool, &str)], kind: Pdf) {
    cr.set_source_rgb(0.08, 0.08, 0.1);
    let mut y = 80.0;
    for (size, bold, text) in lines {
        font(cr, family, *size, *bold);
        for (column, part) in text.split('\t').enumerate() {
            let x = 60.0 + 280.0 * column as f64;
            match kind {
                Pdf::Outlines => {
                    cr.move_to(x, y);
                    cr.text_path(part);
                    cr.fill().unwrap();
                }
                Pdf::Spaced(spacing) if *bold => {
                    let mut cx = x;
                    for c in part.chars() {
                        let glyph = c.to_string();
                        cr.move_to(cx, y);
                        cr.show_text(&glyph).unwrap();
                        cx += cr.text_extents(&glyph).unwrap().x_advance() + spacing;
                    }
                }
                _ => {
                    cr.move_to(x, y);
                    cr.show_text(part).unwrap();
                }
            }
        }
        y += size * 1.5;
    }
}

fn main() {
    let dir = PathBuf::from(
        std::env::args()
            .nth(1)
            .unwrap_or_else(|| "testdata/attachments".to_owned()),
    );
    std::fs::create_dir_all(dir.join("files")).expect("create the output folder");
    let mut out = Out {
        dir: dir.clone(),
        manifest: String::new(),
    };

    // ---- Chat screenshots --------------------------------------------------------------
    let positive: &[&str] = &[
        "Hi! Is the sofa still available?",
        "Yes, it is. Pick-up only, in Oakland.",
        "Great. Can we talk outside the app?",
        "Sure, text me at +1 415 839 2716",
        "or email dana.reyes@outlook.com",
    ];
    let clean: &[&str] = &[
        "Hi! Is the sofa still available?",
        "Yes. It is 180 cm wide, 3 years old.",
        "Would you take $250 for it?",
        "Make it $275 and it is yours.",
        "Deal. I can pick it up at 10:30 on 12/14.",
    ];
    let both = vec![
        e("phone", "+14158392716"),
        e("email", "dana.reyes@outlook.com"),
    ];
    let shots: &[Shot] = &[
        // name, font, text px, dark, format, quality, tilt, upscale
        (
            "chat_roboto_light.png",
            "Roboto",
            16.0,
            false,
            ImageFormat::Png,
            0,
            0.0,
            1.0,
        ),
        (
            "chat_roboto_dark.png",
            "Roboto",
            16.0,
            true,
            ImageFormat::Png,
            0,
            0.0,
            1.0,
        ),
        (
            "chat_noto_light.jpg",
            "Noto Sans",
            15.0,
            false,
            ImageFormat::Jpeg,
            70,
            0.0,
            1.0,
        ),
        (
            "chat_noto_dark.jpg",
            "Noto Sans",
            15.0,
            true,
            ImageFormat::Jpeg,
            75,
            0.0,
            1.0,
        ),
        (
            "chat_liberation_small.png",
            "Liberation Sans",
            11.0,
            false,
            ImageFormat::Png,
            0,
            0.0,
            1.0,
        ),
        (
            "chat_opensans_webp.webp",
            "Open Sans",
            15.0,
            false,
            ImageFormat::WebP,
            0,
            0.0,
            1.0,
        ),
        (
            "chat_condensed.png",
            "Roboto Condensed",
            15.0,
            false,
            ImageFormat::Png,
            0,
            0.0,
            1.0,
        ),
        (
            "chat_dejavu_tilted.jpg",
            "DejaVu Sans",
            15.0,
            false,
            ImageFormat::Jpeg,
            80,
            2.0,
            1.0,
        ),
        (
            "chat_roboto_upscaled.jpg",
            "Roboto",
            12.0,
            false,
            ImageFormat::Jpeg,
            70,
            0.0,
            1.8,
        ),
        (
            "chat_opensans_dark_small.png",
            "Open Sans",
            12.0,
            true,
            ImageFormat::Png,
            0,
            0.0,
            1.0,
        ),
    ];
    for &(name, family, size, dark, format, quality, tilt, upscale) in shots {
        for (suffix, messages, expected) in
            [("", positive, both.clone()), ("clean_", clean, vec![])]
        {
            // Clean twins only for every other style: enough look-alikes, fewer files.
            if !suffix.is_empty() && !name.contains("dark") && !name.contains("small") {
                continue;
            }
            let mut image = chat(family, size, dark, messages);
            if tilt != 0.0 {
                let fill = if dark { [0.07; 3] } else { [0.93, 0.9, 0.86] };
                image = rotate(&image, tilt, fill);
            }
            if upscale != 1.0 {
                let (w, h) = (
                    (image.width() as f64 * upscale) as u32,
                    (image.height() as f64 * upscale) as u32,
                );
                image = imageops::resize(&image, w, h, imageops::FilterType::Triangle);
            }
            let file = format!("{suffix}{name}");
            out.write(
                &file,
                "screenshot",
                &encode(&image, format, quality),
                expected,
            );
        }
    }
    // A screenshot whose numbers carry emoji and symbols beside them.
    let symbols = chat(
        "DejaVu Sans",
        16.0,
        false,
        &[
            "Call me ☎ +44 7911 123 456 ✓",
            "Ok ✔ will do",
            "Price: €45 ★★★★☆",
        ],
    );
    out.write(
        "chat_symbols.png",
        "screenshot",
        &encode(&symbols, ImageFormat::Png, 0),
        vec![e("phone", "+447911123456")],
    );

    // ---- Business cards ----------------------------------------------------------------
    let cards: &[Card] = &[
        (
            "card_liberation.jpg",
            "Liberation Serif",
            &[
                "Maria Souza",
                "Interior Design Studio",
                "maria.souza@gmail.com",
                "+55 11 98765-4321",
            ],
            3.0,
            false,
            vec![
                e("email", "maria.souza@gmail.com"),
                e("phone", "+5511987654321"),
            ],
        ),
        (
            "card_roboto_dark_desk.jpg",
            "Roboto",
            &[
                "Raj Patel",
                "Web & Mobile Apps",
                "raj.patel.dev@gmail.com",
                "+91 98765 43210",
            ],
            -4.0,
            true,
            vec![
                e("email", "raj.patel.dev@gmail.com"),
                e("phone", "+919876543210"),
            ],
        ),
        (
            "card_opensans.jpg",
            "Open Sans",
            &[
                "Tom Becker",
                "Carpentry & Repairs",
                "www.becker-holz.de",
                "Tel. +49 170 1234567",
            ],
            -2.0,
            false,
            vec![e("phone", "+491701234567"), e("url", "becker-holz.de")],
        ),
        (
            "clean_card_noto.jpg",
            "Noto Sans",
            &[
                "Table 12",
                "Chef's tasting menu",
                "7 courses · 2 wines",
                "Thank you for visiting",
            ],
            2.5,
            false,
            vec![],
        ),
    ];
    for (name, family, lines, tilt, dark, expected) in cards {
        let image = card_photo(family, lines, *tilt, *dark);
        out.write(
            name,
            "card",
            &encode(&image, ImageFormat::Jpeg, 72),
            expected.clone(),
        );
    }

    // ---- Flyers with QR codes ----------------------------------------------------------
    let flyers: &[(&str, &str, &str, Expected)] = &[
        (
            "flyer_upi.jpg",
            "Pay for your class",
            "upi://pay?pa=yoga.anita@okaxis&pn=Anita%20Yoga&am=500&cu=INR",
            vec![e("payment", "upi")],
        ),
        (
            "flyer_pix.jpg",
            "Doações",
            &pix_code("+5581998765432", "Maria Souza"),
            vec![e("payment", "pix")],
        ),
        (
            "flyer_whatsapp.jpg",
            "Garden services",
            "https://wa.me/447911123456",
            vec![e("messenger", "whatsapp")],
        ),
        (
            "flyer_bitcoin.jpg",
            "Tips welcome",
            "bitcoin:bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq?amount=0.001",
            vec![e("payment", "crypto")],
        ),
        (
            "clean_flyer_menu.jpg",
            "Lunch menu",
            "Soup of the day, 12:00-14:30, table 12",
            vec![],
        ),
    ];
    for (name, title, payload, expected) in flyers {
        let image = flyer(
            "Open Sans",
            title,
            &["Saturday 10:00 - 12:00", "Community hall, 2nd floor"],
            payload,
        );
        out.write(
            name,
            "qr",
            &encode(&image, ImageFormat::Jpeg, 85),
            expected.clone(),
        );
    }

    // ---- PDFs --------------------------------------------------------------------------
    let letter: Vec<(f64, bool, &str)> = vec![
        (16.0, true, "Kitchen renovation - quote"),
        (11.0, false, "Dear Ms. Okafor,"),
        (
            11.0,
            false,
            "Thank you for the drawings. The cabinets can be delivered in March,",
        ),
        (
            11.0,
            false,
            "and fitted in two days. The quote covers 14 units and 3 worktops.",
        ),
        (
            11.0,
            false,
            "For the details, call me on +1 415 839 2716 or write to",
        ),
        (
            11.0,
            false,
            "dana.reyes@outlook.com and I will send the final quote.",
        ),
        (11.0, false, "Kind regards, Dana Reyes"),
    ];
    let clean_letter: Vec<(f64, bool, &str)> = vec![
        (16.0, true, "Kitchen renovation - quote"),
        (11.0, false, "Dear Ms. Okafor,"),
        (
            11.0,
            false,
            "Thank you for the drawings. The cabinets can be delivered in March,",
        ),
        (
            11.0,
            false,
            "and fitted in two days. The quote covers 14 units and 3 worktops,",
        ),
        (
            11.0,
            false,
            "total 4,980.00 (order 2024-0517, valid until 31.03.2025).",
        ),
        (11.0, false, "Kind regards, Dana Reyes"),
    ];
    let letter_values = both.clone();
    for (name, family, kind) in [
        ("letter_text.pdf", "Liberation Serif", Pdf::Text),
        ("letter_outlines.pdf", "Liberation Sans", Pdf::Outlines),
        ("letter_outlines_roboto.pdf", "Roboto", Pdf::Outlines),
        (
            "letter_scan_200dpi.pdf",
            "Liberation Serif",
            Pdf::Scan(200.0),
        ),
        ("letter_scan_150dpi.pdf", "DejaVu Serif", Pdf::Scan(150.0)),
    ] {
        out.write(
            name,
            "pdf",
            &pdf(family, std::slice::from_ref(&letter), kind),
            letter_values.clone(),
        );
    }
    for (name, family, kind) in [
        ("clean_letter_text.pdf", "Liberation Serif", Pdf::Text),
        (
            "clean_letter_outlines.pdf",
            "Liberation Sans",
            Pdf::Outlines,
        ),
        (
            "clean_letter_scan.pdf",
            "Liberation Serif",
            Pdf::Scan(200.0),
        ),
    ] {
        out.write(
            name,
            "pdf",
            &pdf(family, std::slice::from_ref(&clean_letter), kind),
            vec![],
        );
    }
    // Ten scanned pages, the contact on the last.
    let mut pages = vec![clean_letter.clone(); 9];
    pages.push(letter.clone());
    out.write(
        "letter_scan_10_pages.pdf",
        "pdf",
        &pdf("Liberation Serif", &pages, Pdf::Scan(150.0)),
        letter_values.clone(),
    );
    // A letter-spaced heading holding the address.
    let spaced: Vec<(f64, bool, &str)> = vec![
        (18.0, true, "HELLO@NORDIC-WOODWORKS.COM"),
        (
            11.0,
            false,
            "Handmade tables and chairs, made to order in Bergen.",
        ),
        (
            11.0,
            false,
            "Delivery in 6 to 8 weeks; 2 year guarantee on every joint.",
        ),
    ];
    out.write(
        "flyer_letter_spaced.pdf",
        "pdf",
        &pdf("Open Sans", &[spaced], Pdf::Spaced(3.0)),
        vec![e("email", "hello@nordic-woodworks.com")],
    );
    // Two-column résumés with year ranges.
    let resume: Vec<(f64, bool, &str)> = vec![
        (20.0, true, "Priya Nair"),
        (
            11.0,
            false,
            "Senior Backend Engineer\tpriya.nair.dev@gmail.com",
        ),
        (11.0, false, "Experience\t+44 7911 482 605"),
        (
            11.0,
            false,
            "Acme Payments, 2019 - 2024\tSkills: Go, Rust, Node.js",
        ),
        (
            11.0,
            false,
            "Globex Ltd, 2015 - 2019\tconfig.get_value, os.path",
        ),
        (
            11.0,
            false,
            "Education: BSc 2011 - 2015\tLanguages: English, Hindi",
        ),
    ];
    let clean_resume: Vec<(f64, bool, &str)> = vec![
        (20.0, true, "Priya Nair"),
        (11.0, false, "Senior Backend Engineer\tLondon, UK"),
        (11.0, false, "Experience\t2011 - 2024"),
        (
            11.0,
            false,
            "Acme Payments, 2019 - 2024\tSkills: Go, Rust, Node.js",
        ),
        (
            11.0,
            false,
            "Globex Ltd, 2015 - 2019\tconfig.get_value, os.path",
        ),
        (
            11.0,
            false,
            "Education: BSc 2011 - 2015\tLanguages: English, Hindi",
        ),
    ];
    out.write(
        "resume_two_columns.pdf",
        "pdf",
        &pdf("Noto Sans", &[resume], Pdf::Text),
        vec![
            e("email", "priya.nair.dev@gmail.com"),
            e("phone", "+447911482605"),
        ],
    );
    out.write(
        "clean_resume_two_columns.pdf",
        "pdf",
        &pdf("Noto Sans", &[clean_resume], Pdf::Text),
        vec![],
    );

    // ---- Spreadsheets ------------------------------------------------------------------
    {
        let mut workbook = rust_xlsxwriter::Workbook::new();
        let sheet = workbook.add_worksheet();
        sheet.set_name("Leads").unwrap();
        for (c, header) in ["Name", "Country", "WhatsApp", "Budget"].iter().enumerate() {
            sheet.write_string(0, c as u16, *header).unwrap();
        }
        let rows: [(&str, &str, f64, f64); 3] = [
            ("Ana Souza", "Brazil", 11_987_654_321.0, 1500.0),
            ("Raj Patel", "India", 9_876_543_210.0, 900.5),
            ("Lee Park", "United States", 4_158_392_716.0, 2000.0),
        ];
        for (r, (name, country, phone, budget)) in rows.iter().enumerate() {
            let r = r as u32 + 1;
            sheet.write_string(r, 0, *name).unwrap();
            sheet.write_string(r, 1, *country).unwrap();
            sheet.write_number(r, 2, *phone).unwrap();
            sheet.write_number(r, 3, *budget).unwrap();
        }
        out.write(
            "leads.xlsx",
            "xlsx",
            &workbook.save_to_buffer().unwrap(),
            vec![
                e("phone", "+5511987654321"),
                e("phone", "+919876543210"),
                e("phone", "+14158392716"),
            ],
        );
    }
    {
        let mut workbook = rust_xlsxwriter::Workbook::new();
        let sheet = workbook.add_worksheet();
        sheet.set_name("Budget").unwrap();
        for (i, year) in [2019.0, 2020.0, 2021.0, 2022.0, 2023.0].iter().enumerate() {
            sheet.write_number(0, i as u16, *year).unwrap();
        }
        for (r, row) in [
            [415.55, 526.71, 398.2, 612.0, 701.35],
            [12.5, 13.0, 14.25, 15.0, 16.75],
        ]
        .iter()
        .enumerate()
        {
            for (c, v) in row.iter().enumerate() {
                sheet.write_number(r as u32 + 1, c as u16, *v).unwrap();
            }
        }
        sheet.write_string(3, 0, "Order").unwrap();
        sheet.write_number(3, 1, 20_240_517.0).unwrap();
        out.write(
            "clean_budget.xlsx",
            "xlsx",
            &workbook.save_to_buffer().unwrap(),
            vec![],
        );
    }

    // ---- HTML signatures ---------------------------------------------------------------
    out.write(
        "signature.html",
        "html",
        b"<html><body><p>Thanks for the order!</p><table><tr><td><b>Lena Fischer</b><br>\
          Photography</td><td><a href=\"mailto:lena.fischer@posteo.de\">Mail</a> | \
          <a href=\"https://paypal.me/lenafischer\">Tip</a></td></tr></table></body></html>",
        vec![e("email", "lena.fischer@posteo.de"), e("payment", "paypal")],
    );
    out.write(
        "clean_signature.html",
        "html",
        b"<html><body><p>Thanks for the order!</p><table><tr><td><b>Lena Fischer</b><br>\
          Photography since 2009</td><td>Order 2024-0517 &middot; 3 prints &middot; 45.00 EUR\
          </td></tr></table></body></html>",
        vec![],
    );

    std::fs::write(dir.join("manifest.jsonl"), &out.manifest).expect("write the manifest");
    let count = out.manifest.lines().count();
    eprintln!("wrote {count} files to {}", Path::new(&dir).display());
}

/// A static PIX BR Code for `key`, with its CRC-16/CCITT-FALSE.
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
    let mut crc: u16 = 0xFFFF;
    for &byte in covered.as_bytes() {
        crc ^= u16::from(byte) << 8;
        for _ in 0..8 {
            crc = if crc & 0x8000 != 0 {
                (crc << 1) ^ 0x1021
            } else {
                crc << 1
            };
        }
    }
    format!("{covered}{crc:04X}")
}

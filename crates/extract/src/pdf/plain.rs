//! The text of a plainly laid out page, read by lopdf in content order, without Poppler.
//!
//! Poppler joins glyphs into words and lines by their positions, which is right for every
//! page but costs about 0.8 ms a page of CPU time in its text device (most of it allocating
//! a record per glyph). Most text pages need none of it: each line is one run of text whose
//! spaces are written as characters, and the lines come top to bottom. For such a page the
//! strings of its text-showing operators, a line break wherever the text moves down to a new
//! line, are the text Poppler would give.
//!
//! [`text`] reads a page that way only when nothing on it could make the content order
//! differ from what the glyphs' positions say, and answers `None` (read it with Poppler)
//! otherwise: text moved sideways or up on its line (columns, words or glyphs placed one by
//! one, a letter-spaced heading), large adjustments inside `TJ` (a gap that reads as a
//! space), character spacing or text rise, rotated or mirrored text, form XObjects (text
//! lopdf does not descend into), marked content with an `ActualText`, annotations other
//! than links (their appearance is drawn), fonts whose characters lopdf might map otherwise
//! than their `ToUnicode` map (Type 3, an `/Encoding` with `Differences` or a name beside a
//! `ToUnicode` map, a CID font without one), and characters that decode to control
//! characters or U+FFFD.

use lopdf::content::Content;
use lopdf::{Dictionary, Encoding, Object, ObjectId};

/// `TJ` adjustments up to this (thousandths of an em) are kerning, not a gap between words.
const MAX_KERNING: f32 = 100.0;
/// A move down by at least this share of the font size starts a new line.
const MIN_LINE_DROP: f32 = 0.5;
/// Character spacing and text rise up to this share of the font size change nothing.
const MAX_SPACING: f32 = 0.05;

/// A 2-D affine transform `[a b c d e f]`, as PDF writes them.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Matrix([f32; 6]);

impl Matrix {
    const IDENTITY: Matrix = Matrix([1.0, 0.0, 0.0, 1.0, 0.0, 0.0]);

    fn from_operands(operands: &[Object]) -> Option<Matrix> {
        let mut m = [0.0; 6];
        if operands.len() != 6 {
            return None;
        }
        for (slot, operand) in m.iter_mut().zip(operands) {
            *slot = operand.as_float().ok()?;
        }
        m.iter().all(|v| v.is_finite()).then_some(Matrix(m))
    }

    /// `self` then `other` (PDF's `self × other`).
    fn then(&self, other: &Matrix) -> Matrix {
        let [a, b, c, d, e, f] = self.0;
        let [a2, b2, c2, d2, e2, f2] = other.0;
        Matrix([
            a * a2 + b * c2,
            a * b2 + b * d2,
            c * a2 + d * c2,
            c * b2 + d * d2,
            e * a2 + f * c2 + e2,
            e * b2 + f * d2 + f2,
        ])
    }

    fn translate(&self, tx: f32, ty: f32) -> Matrix {
        Matrix([1.0, 0.0, 0.0, 1.0, tx, ty]).then(self)
    }
}

/// The text state that decides whether a page is plain.
struct State {
    ctm: Matrix,
    stack: Vec<Matrix>,
    /// Text matrix and text line matrix.
    tm: Matrix,
    tlm: Matrix,
    leading: f32,
    font_size: f32,
    char_spacing: f32,
    rise: f32,
    /// The text position was set since the last string was shown.
    moved: bool,
    /// Device y and font size of the line being read.
    line: Option<(f32, f32)>,
}

/// The page's text, lines joined by `\n`, when the page is plainly laid out; `None` when it
/// must be read by position (or cannot be read here at all). `limit` bounds the content's
/// inflated size.
pub(crate) fn text(pdf: &lopdf::Document, page_id: ObjectId, limit: usize) -> Option<String> {
    if !only_links(pdf, page_id) || has_forms(pdf, page_id) {
        return None;
    }
    let fonts = pdf.get_page_fonts(page_id).ok()?;
    let mut encodings: Vec<(&[u8], Encoding<'_>)> = Vec::with_capacity(fonts.len());
    for (name, font) in &fonts {
        if !plain_font(pdf, font) {
            return None;
        }
        let encoding = font.get_font_encoding_with_limit(pdf, limit).ok()?;
        // lopdf falls back to the standard encoding when it cannot parse a ToUnicode map,
        // which would drop or change characters without an error.
        if font.has(b"ToUnicode") != matches!(encoding, Encoding::UnicodeMapEncoding(_)) {
            return None;
        }
        encodings.push((name.as_slice(), encoding));
    }
    let content = pdf.get_page_content_with_limit(page_id, limit).ok()?;
    let content = Content::decode(&content).ok()?;

    let mut state = State {
        ctm: Matrix::IDENTITY,
        stack: Vec::new(),
        tm: Matrix::IDENTITY,
        tlm: Matrix::IDENTITY,
        leading: 0.0,
        font_size: 0.0,
        char_spacing: 0.0,
        rise: 0.0,
        moved: true,
        line: None,
    };
    let mut encoding: Option<&Encoding<'_>> = None;
    let mut out = String::new();
    for operation in &content.operations {
        let operands = &operation.operands;
        let number = |i: usize| operands.get(i).and_then(|o| o.as_float().ok());
        match operation.operator.as_str() {
            "q" => {
                if state.stack.len() > 256 {
                    return None;
                }
                state.stack.push(state.ctm);
            }
            "Q" => state.ctm = state.stack.pop().unwrap_or(Matrix::IDENTITY),
            "cm" => state.ctm = Matrix::from_operands(operands)?.then(&state.ctm),
            "BT" => {
                state.tm = Matrix::IDENTITY;
                state.tlm = Matrix::IDENTITY;
                state.moved = true;
            }
            "Tf" => {
                let name = operands.first()?.as_name().ok()?;
                encoding = encodings.iter().find(|(n, _)| *n == name).map(|(_, e)| e);
                state.font_size = number(1)?;
            }
            "TL" => state.leading = number(0)?,
            "Tc" => state.char_spacing = number(0)?,
            "Ts" => state.rise = number(0)?,
            "Td" | "TD" => {
                let (tx, ty) = (number(0)?, number(1)?);
                if operation.operator == "TD" {
                    state.leading = -ty;
                }
                state.tlm = state.tlm.translate(tx, ty);
                state.tm = state.tlm;
                state.moved = true;
            }
            "Tm" => {
                state.tlm = Matrix::from_operands(operands)?;
                state.tm = state.tlm;
                state.moved = true;
            }
            "T*" => state.next_line(),
            "Tj" | "TJ" | "'" | "\"" => {
                if operation.operator == "\"" {
                    state.char_spacing = number(1)?;
                }
                if operation.operator == "'" || operation.operator == "\"" {
                    state.next_line();
                }
                state.show(&mut out)?;
                let shown = match operation.operator.as_str() {
                    "\"" => operands.get(2),
                    _ => operands.first(),
                }?;
                show(encoding?, shown, &mut out)?;
            }
            "BDC" if !plain_marked_content(operands) => return None,
            // Inline images are skipped by lopdf's content decoder; text in a Type 3 glyph or
            // a form is refused above.
            _ => {}
        }
    }
    Some(tidy(&out))
}

impl State {
    fn next_line(&mut self) {
        self.tlm = self.tlm.translate(0.0, -self.leading);
        self.tm = self.tlm;
        self.moved = true;
    }

    /// Checks the position of the string about to be shown: a continuation of the line, or
    /// a new line below it (a line break is written); `None` for anything else.
    fn show(&mut self, out: &mut String) -> Option<()> {
        let size = self.font_size.abs();
        if self.char_spacing.abs() > MAX_SPACING * size || self.rise.abs() > MAX_SPACING * size {
            return None;
        }
        if !self.moved {
            return Some(());
        }
        let [a, b, c, d, _, f] = self.tm.then(&self.ctm).0;
        // Upright and not mirrored, on a y axis that points up.
        if a <= 0.0 || d <= 0.0 || b.abs() > 0.01 * a || c.abs() > 0.01 * d {
            return None;
        }
        let height = size * d;
        match self.line {
            None => {}
            Some((y, line_height)) => {
                if y - f < MIN_LINE_DROP * height.min(line_height) {
                    // Moved sideways or up: columns, words placed one by one.
                    return None;
                }
                out.push('\n');
            }
        }
        self.line = Some((f, height));
        self.moved = false;
        Some(())
    }
}

/// Appends the characters of a `Tj` string or a `TJ` array; `None` on a gap inside `TJ` or
/// on characters that did not decode.
fn show(encoding: &Encoding<'_>, shown: &Object, out: &mut String) -> Option<()> {
    let start = out.len();
    match shown {
        Object::String(bytes, _) => encoding.write_to_string(bytes, out).ok()?,
        Object::Array(items) => {
            for item in items {
                match item {
                    Object::String(bytes, _) => encoding.write_to_string(bytes, out).ok()?,
                    Object::Integer(_) | Object::Real(_) => {
                        if item.as_float().ok()?.abs() > MAX_KERNING {
                            return None;
                        }
                    }
                    _ => return None,
                }
            }
        }
        _ => return None,
    }
    let clean = out[start..]
        .chars()
        .all(|c| c == ' ' || !(c.is_control() || c == char::REPLACEMENT_CHARACTER));
    clean.then_some(())
}

/// A font whose characters lopdf maps as Poppler does: a simple font with a standard
/// encoding, or a `ToUnicode` map that lopdf reads (no `/Encoding`, or `Identity-H`).
fn plain_font(pdf: &lopdf::Document, font: &Dictionary) -> bool {
    let subtype = font.get(b"Subtype").and_then(Object::as_name).ok();
    let encoding = font
        .get_deref(b"Encoding", pdf)
        .ok()
        .map(|e| e.as_name().ok());
    let to_unicode = font.has(b"ToUnicode");
    match subtype {
        Some(b"Type1" | b"TrueType" | b"MMType1") => match encoding {
            // No /Encoding: the ToUnicode map if there is one, else the standard encoding
            // (for a font that is not embedded, one of the standard 14).
            None => to_unicode || !font.has(b"FontDescriptor"),
            Some(Some(b"WinAnsiEncoding" | b"StandardEncoding" | b"MacRomanEncoding")) => {
                !to_unicode
            }
            // Differences, or another name.
            Some(_) => false,
        },
        Some(b"Type0") => matches!(encoding, Some(Some(b"Identity-H"))) && to_unicode,
        _ => false,
    }
}

/// Whether the page's annotations are all links (whose appearance holds no text).
fn only_links(pdf: &lopdf::Document, page_id: ObjectId) -> bool {
    let Ok(page) = pdf.get_dictionary(page_id) else {
        return false;
    };
    if !page.has(b"Annots") {
        return true;
    }
    let Ok(annotations) = pdf.get_page_annotations(page_id) else {
        return false;
    };
    annotations
        .iter()
        .all(|a| matches!(a.get(b"Subtype").and_then(Object::as_name), Ok(b"Link")))
}

/// Whether the page's resources hold a form XObject (whose text lopdf does not read).
fn has_forms(pdf: &lopdf::Document, page_id: ObjectId) -> bool {
    let Ok((resources, ids)) = pdf.get_page_resources(page_id) else {
        return true;
    };
    let mut dictionaries: Vec<&Dictionary> = resources.into_iter().collect();
    for id in ids {
        match pdf.get_dictionary(id) {
            Ok(dict) => dictionaries.push(dict),
            Err(_) => return true,
        }
    }
    dictionaries.iter().any(|resources| {
        let Ok(xobjects) = resources
            .get_deref(b"XObject", pdf)
            .and_then(Object::as_dict)
        else {
            return false;
        };
        xobjects.iter().any(
            |(_, object)| match pdf.dereference(object).map(|(_, o)| o) {
                Ok(Object::Stream(stream)) => !matches!(
                    stream.dict.get(b"Subtype").and_then(Object::as_name),
                    Ok(b"Image")
                ),
                _ => true,
            },
        )
    })
}

/// Marked content that replaces no text: not a property list named in the resources (it
/// could hold an `ActualText`), nor a dictionary with an `ActualText`.
fn plain_marked_content(operands: &[Object]) -> bool {
    match operands.get(1) {
        Some(Object::Dictionary(properties)) => !properties.has(b"ActualText"),
        _ => false,
    }
}

/// Runs of spaces as one, and no spaces at the ends of lines, as Poppler writes a line.
fn tidy(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for (i, line) in text.split('\n').enumerate() {
        if i > 0 {
            out.push('\n');
        }
        let mut space = false;
        for c in line.trim_matches(' ').chars() {
            if c == ' ' {
                space = true;
                continue;
            }
            if space {
                out.push(' ');
                space = false;
            }
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use lopdf::content::Operation;
    use lopdf::{dictionary, Stream};

    use super::*;

    #[test]
    fn matrices_compose_as_pdf_does() {
        let scale = Matrix([2.0, 0.0, 0.0, 2.0, 0.0, 0.0]);
        let moved = Matrix::IDENTITY.translate(10.0, 20.0);
        assert_eq!(moved.then(&scale).0, [2.0, 0.0, 0.0, 2.0, 20.0, 40.0]);
        assert_eq!(tidy("  a  b \nc"), "a b\nc");
    }

    /// A one-page PDF in Helvetica (not embedded) whose content is `operations`.
    fn helvetica_pdf(operations: Vec<Operation>) -> Vec<u8> {
        pdf_with_font(operations, None)
    }

    /// The same, the font with `to_unicode` as its ToUnicode map.
    fn pdf_with_font(operations: Vec<Operation>, to_unicode: Option<&[u8]>) -> Vec<u8> {
        let mut doc = lopdf::Document::with_version("1.5");
        let pages_id = doc.new_object_id();
        let mut font = dictionary! {
            "Type" => "Font", "Subtype" => "Type1", "BaseFont" => "Helvetica",
        };
        if let Some(map) = to_unicode {
            let map_id = doc.add_object(Stream::new(dictionary! {}, map.to_vec()));
            font.set("ToUnicode", map_id);
        }
        let font_id = doc.add_object(font);
        let resources_id =
            doc.add_object(dictionary! { "Font" => dictionary! { "F1" => font_id } });
        let content = Content { operations }.encode().unwrap();
        let content_id = doc.add_object(Stream::new(dictionary! {}, content));
        let page_id = doc.add_object(dictionary! {
            "Type" => "Page", "Parent" => pages_id, "Contents" => content_id,
        });
        doc.objects.insert(
            pages_id,
            Object::Dictionary(dictionary! {
                "Type" => "Pages", "Kids" => vec![page_id.into()], "Count" => 1,
                "Resources" => resources_id,
                "MediaBox" => vec![0.into(), 0.into(), 595.into(), 842.into()],
            }),
        );
        let catalog_id = doc.add_object(dictionary! { "Type" => "Catalog", "Pages" => pages_id });
        doc.trailer.set("Root", catalog_id);
        let mut bytes = Vec::new();
        doc.save_to(&mut bytes).unwrap();
        bytes
    }

    fn op(name: &str, operands: Vec<Object>) -> Operation {
        Operation::new(name, operands)
    }

    fn string(text: &str) -> Object {
        Object::string_literal(text)
    }

    /// What [`text`] and Poppler read on the one page of `bytes`.
    fn both(bytes: &[u8]) -> (Option<String>, String) {
        let pdf = lopdf::Document::load_mem(bytes).unwrap();
        let page_id = pdf.get_pages()[&1];
        let poppler = poppler::Document::from_bytes(&glib::Bytes::from(bytes), None).unwrap();
        let expected = poppler.page(0).unwrap().text().unwrap().to_string();
        (text(&pdf, page_id, 1 << 26), expected.trim_end().to_owned())
    }

    #[test]
    fn lines_shown_top_to_bottom_read_as_poppler_reads_them() {
        let bytes = helvetica_pdf(vec![
            op("BT", vec![]),
            op("Tf", vec!["F1".into(), 10.into()]),
            op("TL", vec![14.into()]),
            op("Td", vec![40.into(), 800.into()]),
            op("Tj", vec![string("Call me on +1 415 839 2716")]),
            op("T*", vec![]),
            // A line in two strings, kerned, and a font size change inside it.
            op("Tj", vec![string("or write to ")]),
            op(
                "TJ",
                vec![Object::Array(vec![
                    string("dana.reyes@"),
                    Object::Integer(-20),
                    string("outlook.com"),
                ])],
            ),
            op("Tf", vec!["F1".into(), 12.into()]),
            op("Tj", vec![string(" today.")]),
            op("Td", vec![0.into(), (-30).into()]),
            op("Tj", vec![string("Kind   regards, Dana")]),
            op("ET", vec![]),
        ]);
        let (plain, poppler) = both(&bytes);
        assert_eq!(
            plain.as_deref(),
            Some("Call me on +1 415 839 2716\nor write to dana.reyes@outlook.com today.\nKind regards, Dana")
        );
        assert_eq!(plain.unwrap(), poppler);
    }

    #[test]
    fn text_placed_by_position_is_left_to_poppler() {
        let start = || {
            vec![
                op("BT", vec![]),
                op("Tf", vec!["F1".into(), 10.into()]),
                op("Td", vec![40.into(), 800.into()]),
                op("Tj", vec![string("Write to")]),
            ]
        };
        // Moved sideways on its line: a second column, or words placed one by one.
        let mut sideways = start();
        sideways.push(op("Td", vec![200.into(), 0.into()]));
        sideways.push(op("Tj", vec![string("hello@example.com")]));
        // Moved up: content order is not reading order.
        let mut up = start();
        up.push(op("Td", vec![0.into(), 20.into()]));
        up.push(op("Tj", vec![string("hello@example.com")]));
        // A gap inside TJ that reads as a space.
        let mut gap = start();
        gap.push(op(
            "TJ",
            vec![Object::Array(vec![
                string("hello"),
                Object::Integer(-400),
                string("world"),
            ])],
        ));
        // Letter-spaced.
        let mut spaced = start();
        spaced.push(op("Tc", vec![3.into()]));
        spaced.push(op("Tj", vec![string("HELLO")]));
        for (name, mut operations) in [
            ("sideways", sideways),
            ("up", up),
            ("gap", gap),
            ("spaced", spaced),
        ] {
            operations.push(op("ET", vec![]));
            let (plain, _) = both(&helvetica_pdf(operations));
            assert_eq!(plain, None, "{name}");
        }
    }

    #[test]
    fn a_to_unicode_map_lopdf_cannot_read_is_left_to_poppler() {
        let operations = vec![
            op("BT", vec![]),
            op("Tf", vec!["F1".into(), 10.into()]),
            op("Td", vec![40.into(), 800.into()]),
            op("Tj", vec![string("hello@example.com")]),
            op("ET", vec![]),
        ];
        let bytes = pdf_with_font(operations, Some(b"not a CMap at all"));
        let pdf = lopdf::Document::load_mem(&bytes).unwrap();
        assert_eq!(text(&pdf, pdf.get_pages()[&1], 1 << 26), None);
    }

    /// Every page of the realistic set read here reads as Poppler reads it (white space
    /// aside), and the pages laid out otherwise are left to Poppler.
    #[test]
    fn plain_pages_read_as_poppler_reads_them() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../../testdata/attachments/files");
        let mut entries: Vec<_> = std::fs::read_dir(&dir)
            .expect("the realistic set")
            .map(|e| e.expect("an entry").path())
            .filter(|p| p.extension().is_some_and(|e| e == "pdf"))
            .collect();
        entries.sort();
        let (mut plain, mut other) = (Vec::new(), Vec::new());
        for path in entries {
            let bytes = std::fs::read(&path).expect("the file");
            let pdf = lopdf::Document::load_mem(&bytes).expect("lopdf reads it");
            let poppler =
                poppler::Document::from_bytes(&glib::Bytes::from(&bytes[..]), None).unwrap();
            for (number, page_id) in pdf.get_pages() {
                let name = format!("{} p{number}", path.display());
                let Some(text) = text(&pdf, page_id, 1 << 26) else {
                    other.push(name);
                    continue;
                };
                let page = poppler.page(number as i32 - 1).unwrap();
                let expected = page.text().map(|t| t.to_string()).unwrap_or_default();
                let words = |t: &str| t.split_whitespace().collect::<Vec<_>>().join(" ");
                assert_eq!(words(&text), words(&expected), "{name}");
                plain.push(name);
            }
        }
        eprintln!("read in content order: {plain:#?}\nby Poppler: {other:#?}");
    }
}

//! Word processing documents: DOCX (WordprocessingML) and ODT (OpenDocument text).
//!
//! Both are ZIP containers read through [`Zipped`](crate::zipped::Zipped), so the
//! zip-bomb limits apply to every part. Each XML part becomes one segment named by
//! `location.part`; external hyperlinks become [`Source::Link`] segments of the same part.

use quick_xml::events::{BytesRef, BytesStart, Event};
use quick_xml::Reader;

use crate::zipped::Zipped;
use crate::{Ctx, Document, ExtractError, FileType, Location, Segment, Source};

/// The most spaces one `<text:s text:c="...">` expands to.
const MAX_SPACES: usize = 256;

pub(crate) fn extract(
    file_type: FileType,
    bytes: &[u8],
    ctx: &Ctx,
) -> Result<Document, ExtractError> {
    let mut zip = Zipped::open(bytes, file_type, ctx)?;
    let mut document = Document {
        file_type,
        pages: 1,
        segments: Vec::new(),
        warnings: Vec::new(),
    };
    match file_type {
        FileType::Odt => odt(&mut zip, ctx, &mut document)?,
        _ => docx(&mut zip, ctx, &mut document)?,
    }
    Ok(document)
}

// ---------------------------------------------------------------------------------------
// DOCX

fn docx(zip: &mut Zipped, ctx: &Ctx, document: &mut Document) -> Result<(), ExtractError> {
    const FT: FileType = FileType::Docx;
    let mut parts = vec![("word/document.xml".to_owned(), "document".to_owned())];
    for prefix in ["header", "footer"] {
        let mut found: Vec<(String, String)> = zip
            .names()
            .iter()
            .filter_map(|name| {
                let stem = name.strip_prefix("word/")?.strip_suffix(".xml")?;
                (stem.starts_with(prefix) && !stem.contains('/'))
                    .then(|| (name.clone(), stem.to_owned()))
            })
            .collect();
        // header2 before header10.
        found.sort_by(|a, b| (a.1.len(), &a.1).cmp(&(b.1.len(), &b.1)));
        parts.extend(found);
    }
    for stem in ["footnotes", "endnotes", "comments"] {
        parts.push((format!("word/{stem}.xml"), stem.to_owned()));
    }

    for (path, part) in parts {
        ctx.check_time()?;
        let Some(xml) = zip.read_string(&path)? else {
            if part == "document" {
                return Err(ExtractError::Corrupt {
                    file_type: FT,
                    reason: "it has no word/document.xml".to_owned(),
                });
            }
            continue;
        };
        let (text, mut links) = wordprocessing_text(&xml, &part)?;
        let location = Location {
            part: Some(part.clone()),
            ..Location::default()
        };
        let text = text.trim_end().to_owned();
        if !text.is_empty() {
            document
                .segments
                .push(Segment::text(text, Source::Text, location.clone()));
        }
        let rels_path = match path.rsplit_once('/') {
            Some((dir, file)) => format!("{dir}/_rels/{file}.rels"),
            None => format!("_rels/{path}.rels"),
        };
        if let Some(rels) = zip.read_string(&rels_path)? {
            for target in external_relationships(&rels, FT, &rels_path)? {
                push_unique(&mut links, target);
            }
        }
        if !links.is_empty() {
            document
                .segments
                .push(Segment::text(links.join("\n"), Source::Link, location));
        }
    }
    Ok(())
}

/// The text of a WordprocessingML part, and the targets of its `HYPERLINK` fields.
fn wordprocessing_text(xml: &str, part: &str) -> Result<(String, Vec<String>), ExtractError> {
    let mut reader = Reader::from_str(xml);
    let mut text = String::new();
    let mut links = Vec::new();
    // Inside w:t / w:delText, inside w:instrText, inside w:tabs (tab stops, not tabs).
    let mut in_text = false;
    let mut instr: Option<String> = None;
    let mut in_tabs = 0usize;
    loop {
        let event = reader
            .read_event()
            .map_err(|e| xml_error(FileType::Docx, part, reader.error_position(), &e))?;
        match event {
            Event::Start(e) => match e.local_name().as_ref() {
                "t" | "delText" => in_text = true,
                "instrText" | "delInstrText" => instr = Some(String::new()),
                "tabs" => in_tabs += 1,
                name => docx_mark(name, in_tabs, &mut text),
            },
            Event::Empty(e) => docx_mark(e.local_name().as_ref(), in_tabs, &mut text),
            Event::End(e) => match e.local_name().as_ref() {
                "t" | "delText" => in_text = false,
                "instrText" | "delInstrText" => {
                    if let Some(target) = instr.take().and_then(|i| hyperlink_field(&i)) {
                        push_unique(&mut links, target);
                    }
                }
                "tabs" => in_tabs = in_tabs.saturating_sub(1),
                "p" => text.push('\n'),
                // A table cell ends like a tab, so cells do not glue.
                "tc" => {
                    if text.ends_with('\n') {
                        text.pop();
                    }
                    text.push('\t');
                }
                "tr" => {
                    if text.ends_with('\t') {
                        text.pop();
                    }
                    text.push('\n');
                }
                _ => {}
            },
            Event::Text(t) => {
                if let Some(i) = instr.as_mut() {
                    i.push_str(&t.xml10_content());
                } else if in_text {
                    text.push_str(&t.xml10_content());
                }
            }
            Event::CData(t) if in_text => text.push_str(&t),
            Event::GeneralRef(r) => {
                if let Some(i) = instr.as_mut() {
                    i.push_str(&entity(&r));
                } else if in_text {
                    text.push_str(&entity(&r));
                }
            }
            Event::Eof => break,
            _ => {}
        }
    }
    Ok((text, links))
}

/// The text an empty (or opening) WordprocessingML mark stands for.
fn docx_mark(name: &str, in_tabs: usize, text: &mut String) {
    match name {
        "tab" | "ptab" if in_tabs == 0 => text.push('\t'),
        "br" | "cr" => text.push('\n'),
        "noBreakHyphen" => text.push('-'),
        _ => {}
    }
}

/// The target of a `HYPERLINK "target"` field instruction.
fn hyperlink_field(instruction: &str) -> Option<String> {
    let rest = instruction.trim_start();
    if !rest.get(..9)?.eq_ignore_ascii_case("HYPERLINK") {
        return None;
    }
    let rest = rest.get(9..)?;
    let start = rest.find('"')? + 1;
    let len = rest.get(start..)?.find('"')?;
    let target = rest.get(start..start + len)?.trim();
    (!target.is_empty()).then(|| link_text(target))
}

/// The targets of a `.rels` part's relationships with `TargetMode="External"`.
fn external_relationships(
    xml: &str,
    file_type: FileType,
    part: &str,
) -> Result<Vec<String>, ExtractError> {
    let mut targets = Vec::new();
    for (_, attrs) in relationships(xml, file_type, part)? {
        if attrs.mode_external && !attrs.target.is_empty() {
            push_unique(&mut targets, link_text(&attrs.target));
        }
    }
    Ok(targets)
}

/// One `<Relationship>` of a `.rels` part.
pub(crate) struct Relationship {
    pub target: String,
    pub mode_external: bool,
}

/// The relationships of a `.rels` part, by id, in order.
pub(crate) fn relationships(
    xml: &str,
    file_type: FileType,
    part: &str,
) -> Result<Vec<(String, Relationship)>, ExtractError> {
    let mut reader = Reader::from_str(xml);
    let mut out = Vec::new();
    loop {
        let event = reader
            .read_event()
            .map_err(|e| xml_error(file_type, part, reader.error_position(), &e))?;
        match event {
            Event::Start(e) | Event::Empty(e) if e.local_name().as_ref() == "Relationship" => {
                let id = attribute(&e, "Id").unwrap_or_default();
                let target = attribute(&e, "Target").unwrap_or_default();
                let mode_external =
                    attribute(&e, "TargetMode").is_some_and(|m| m.eq_ignore_ascii_case("External"));
                out.push((
                    id,
                    Relationship {
                        target,
                        mode_external,
                    },
                ));
            }
            Event::Eof => break,
            _ => {}
        }
    }
    Ok(out)
}

// ---------------------------------------------------------------------------------------
// ODT

fn odt(zip: &mut Zipped, ctx: &Ctx, document: &mut Document) -> Result<(), ExtractError> {
    const FT: FileType = FileType::Odt;
    if let Some(manifest) = zip.read_string("META-INF/manifest.xml")? {
        if manifest.contains("encryption-data") {
            return Err(ExtractError::Encrypted(FT));
        }
    }
    for (path, part) in [("content.xml", "content"), ("styles.xml", "styles")] {
        ctx.check_time()?;
        let Some(xml) = zip.read_string(path)? else {
            if part == "content" {
                return Err(ExtractError::Corrupt {
                    file_type: FT,
                    reason: "it has no content.xml".to_owned(),
                });
            }
            continue;
        };
        let (text, links) = opendocument_text(&xml, path)?;
        let location = Location {
            part: Some(part.to_owned()),
            ..Location::default()
        };
        let text = text.trim_end().to_owned();
        if !text.is_empty() {
            document
                .segments
                .push(Segment::text(text, Source::Text, location.clone()));
        }
        if !links.is_empty() {
            document
                .segments
                .push(Segment::text(links.join("\n"), Source::Link, location));
        }
    }
    Ok(())
}

/// The text of an OpenDocument part, and the `xlink:href` targets of its links.
fn opendocument_text(xml: &str, part: &str) -> Result<(String, Vec<String>), ExtractError> {
    let mut reader = Reader::from_str(xml);
    let mut text = String::new();
    let mut links = Vec::new();
    // Text is kept inside the body of content.xml and the master pages of styles.xml
    // (headers, footers); elsewhere (style definitions, declarations) there is none that
    // a reader sees.
    let mut depth_in_text = 0usize;
    loop {
        let event = reader
            .read_event()
            .map_err(|e| xml_error(FileType::Odt, part, reader.error_position(), &e))?;
        match event {
            Event::Start(e) => {
                let name = e.local_name();
                if matches!(name.as_ref(), "body" | "master-styles") || depth_in_text > 0 {
                    depth_in_text += 1;
                }
                odt_mark(&e, &mut text, &mut links);
            }
            Event::Empty(e) => odt_mark(&e, &mut text, &mut links),
            Event::End(e) => {
                depth_in_text = depth_in_text.saturating_sub(1);
                match e.local_name().as_ref() {
                    "p" | "h" => text.push('\n'),
                    "table-cell" => {
                        if text.ends_with('\n') {
                            text.pop();
                        }
                        text.push('\t');
                    }
                    "table-row" => {
                        if text.ends_with('\t') {
                            text.pop();
                        }
                        text.push('\n');
                    }
                    _ => {}
                }
            }
            Event::Text(t) if depth_in_text > 0 => text.push_str(&t.xml10_content()),
            Event::CData(t) if depth_in_text > 0 => text.push_str(&t),
            Event::GeneralRef(r) if depth_in_text > 0 => text.push_str(&entity(&r)),
            Event::Eof => break,
            _ => {}
        }
    }
    Ok((text, links))
}

fn odt_mark(e: &BytesStart, text: &mut String, links: &mut Vec<String>) {
    match e.local_name().as_ref() {
        "s" => {
            let count = attribute(e, "text:c")
                .and_then(|c| c.trim().parse::<usize>().ok())
                .unwrap_or(1)
                .min(MAX_SPACES);
            text.extend(std::iter::repeat_n(' ', count));
        }
        "tab" => text.push('\t'),
        "line-break" => text.push('\n'),
        "a" => {
            if let Some(href) = attribute(e, "xlink:href") {
                let href = href.trim();
                if !href.is_empty() && !href.starts_with('#') {
                    push_unique(links, link_text(href));
                }
            }
        }
        _ => {}
    }
}

// ---------------------------------------------------------------------------------------
// Shared by the XML readers

/// The unescaped value of the attribute `name` (as written, prefix included).
pub(crate) fn attribute(e: &BytesStart, name: &str) -> Option<String> {
    e.attributes()
        .with_checks(false)
        .flatten()
        .find(|a| a.key.0 == name)
        .map(
            |a| match a.normalized_value(quick_xml::XmlVersion::Implicit1_0) {
                Ok(value) => value.into_owned(),
                Err(_) => a.value.into_owned(),
            },
        )
}

/// The text an entity or character reference stands for; unknown ones as written.
pub(crate) fn entity(r: &BytesRef) -> String {
    if let Ok(Some(c)) = r.resolve_char_ref() {
        return c.to_string();
    }
    let name: &str = r;
    match quick_xml::escape::resolve_xml_entity(name) {
        Some(s) => s.to_owned(),
        None => format!("&{name};"),
    }
}

/// A malformed XML part, named with the byte offset of the error.
pub(crate) fn xml_error(
    file_type: FileType,
    part: &str,
    position: u64,
    e: &quick_xml::Error,
) -> ExtractError {
    ExtractError::Corrupt {
        file_type,
        reason: format!("{part} is not well-formed XML at byte {position}: {e}"),
    }
}

/// A link target as the detector should see it: `mailto:`/`tel:` percent-decoded, a
/// payment request (UPI, PIX, Lightning) as its labelled lines.
pub(crate) fn link_text(target: &str) -> String {
    if let Some(text) = crate::payment::payment_text(target) {
        return text;
    }
    let lower = target.get(..7).unwrap_or(target).to_ascii_lowercase();
    if lower.starts_with("mailto:") || lower.starts_with("tel:") || lower.starts_with("sms:") {
        crate::html::percent_decode(target)
    } else {
        target.to_owned()
    }
}

pub(crate) fn push_unique(list: &mut Vec<String>, item: String) {
    if !list.contains(&item) {
        list.push(item);
    }
}

//! Excel workbooks (Office Open XML): the cells of each sheet, and its external links.
//!
//! Read with [`Zipped`](crate::zipped::Zipped) and quick-xml rather than a spreadsheet
//! library so that the zip-bomb guard stays in one place. Numbers are kept as written,
//! except that an integer in scientific notation (`4.155552671E9`, as phone numbers stored
//! as numbers often are) is written out in full.

use quick_xml::events::Event;
use quick_xml::Reader;

use crate::office::{attribute, entity, link_text, push_unique, relationships, xml_error};
use crate::zipped::Zipped;
use crate::{Ctx, Document, ExtractError, FileType, Location, Segment, Source};

const FT: FileType = FileType::Xlsx;

pub(crate) fn extract(bytes: &[u8], ctx: &Ctx) -> Result<Document, ExtractError> {
    let mut zip = Zipped::open(bytes, FT, ctx)?;
    let workbook = zip
        .read_string("xl/workbook.xml")?
        .ok_or_else(|| corrupt("it has no xl/workbook.xml"))?;
    let sheets = sheet_list(&workbook)?;
    if sheets.len() as u64 > u64::from(ctx.limits.max_pages) {
        return Err(ExtractError::TooManyPages {
            file_type: FT,
            pages: sheets.len() as u64,
            limit: ctx.limits.max_pages,
        });
    }
    let rels_path = "xl/_rels/workbook.xml.rels";
    let rels = match zip.read_string(rels_path)? {
        Some(xml) => relationships(&xml, FT, rels_path)?,
        None => Vec::new(),
    };
    let shared = match zip.read_string("xl/sharedStrings.xml")? {
        Some(xml) => shared_strings(&xml)?,
        None => Vec::new(),
    };

    let mut document = Document {
        file_type: FT,
        pages: u32::try_from(sheets.len()).unwrap_or(u32::MAX).max(1),
        segments: Vec::new(),
        warnings: Vec::new(),
    };
    for (index, (name, rel_id)) in sheets.iter().enumerate() {
        ctx.check_time()?;
        let number = u32::try_from(index + 1).unwrap_or(u32::MAX);
        let Some(target) = rels
            .iter()
            .find(|(id, _)| id == rel_id)
            .map(|(_, rel)| resolve("xl", &rel.target))
        else {
            document.warnings.push(format!(
                "sheet {number} ({name}): no part for its relationship {rel_id}"
            ));
            continue;
        };
        let Some(xml) = zip.read_string(&target)? else {
            document.warnings.push(format!(
                "sheet {number} ({name}): its part {target} is missing"
            ));
            continue;
        };
        let location = Location {
            page: Some(number),
            part: Some(name.clone()),
            region: None,
        };
        let text = sheet_text(&xml, &target, &shared)?;
        if !text.is_empty() {
            document
                .segments
                .push(Segment::text(text, Source::Text, location.clone()));
        }
        let (dir, file) = target.rsplit_once('/').unwrap_or(("", target.as_str()));
        let sheet_rels = format!("{dir}/_rels/{file}.rels");
        if let Some(xml) = zip.read_string(&sheet_rels)? {
            let mut links = Vec::new();
            for (_, rel) in relationships(&xml, FT, &sheet_rels)? {
                if rel.mode_external && !rel.target.is_empty() {
                    push_unique(&mut links, link_text(&rel.target));
                }
            }
            if !links.is_empty() {
                document
                    .segments
                    .push(Segment::text(links.join("\n"), Source::Link, location));
            }
        }
    }
    Ok(document)
}

fn corrupt(reason: &str) -> ExtractError {
    ExtractError::Corrupt {
        file_type: FT,
        reason: reason.to_owned(),
    }
}

/// A relationship target as a path in the archive: relative to `base`, or absolute.
fn resolve(base: &str, target: &str) -> String {
    if let Some(absolute) = target.strip_prefix('/') {
        return absolute.to_owned();
    }
    let mut parts: Vec<&str> = base.split('/').filter(|p| !p.is_empty()).collect();
    for piece in target.split('/') {
        match piece {
            "" | "." => {}
            ".." => {
                parts.pop();
            }
            p => parts.push(p),
        }
    }
    parts.join("/")
}

/// The sheets of `xl/workbook.xml`: name and relationship id, in order.
fn sheet_list(xml: &str) -> Result<Vec<(String, String)>, ExtractError> {
    let mut reader = Reader::from_str(xml);
    let mut sheets = Vec::new();
    loop {
        let event = reader
            .read_event()
            .map_err(|e| xml_error(FT, "xl/workbook.xml", reader.error_position(), &e))?;
        match event {
            Event::Start(e) | Event::Empty(e) if e.local_name().as_ref() == "sheet" => {
                let name = attribute(&e, "name").unwrap_or_default();
                let id = e
                    .attributes()
                    .with_checks(false)
                    .flatten()
                    .find(|a| a.key.0.ends_with(":id"))
                    .map(|a| a.value.into_owned())
                    .unwrap_or_default();
                sheets.push((name, id));
            }
            Event::Eof => break,
            _ => {}
        }
    }
    Ok(sheets)
}

/// The strings of `xl/sharedStrings.xml`, rich-text runs joined, phonetic hints left out.
fn shared_strings(xml: &str) -> Result<Vec<String>, ExtractError> {
    let mut reader = Reader::from_str(xml);
    let mut strings = Vec::new();
    let mut current: Option<String> = None;
    let mut in_t = false;
    let mut in_phonetic = false;
    loop {
        let event = reader
            .read_event()
            .map_err(|e| xml_error(FT, "xl/sharedStrings.xml", reader.error_position(), &e))?;
        match event {
            Event::Start(e) => match e.local_name().as_ref() {
                "si" => current = Some(String::new()),
                "t" => in_t = true,
                "rPh" => in_phonetic = true,
                _ => {}
            },
            Event::Empty(e) if e.local_name().as_ref() == "si" => strings.push(String::new()),
            Event::End(e) => match e.local_name().as_ref() {
                "si" => strings.push(current.take().unwrap_or_default()),
                "t" => in_t = false,
                "rPh" => in_phonetic = false,
                _ => {}
            },
            Event::Text(t) if in_t && !in_phonetic => {
                if let Some(s) = current.as_mut() {
                    s.push_str(&t.xml10_content());
                }
            }
            Event::GeneralRef(r) if in_t && !in_phonetic => {
                if let Some(s) = current.as_mut() {
                    s.push_str(&entity(&r));
                }
            }
            Event::Eof => break,
            _ => {}
        }
    }
    Ok(strings)
}

/// The cells of a worksheet part: a row per line, cells separated by tabs.
fn sheet_text(xml: &str, part: &str, shared: &[String]) -> Result<String, ExtractError> {
    let mut reader = Reader::from_str(xml);
    let mut text = String::new();
    let mut row: Vec<String> = Vec::new();
    // The type of the cell being read, and its value text.
    let mut cell_type: Option<String> = None;
    let mut value: Option<String> = None;
    let mut in_value = false;
    loop {
        let event = reader
            .read_event()
            .map_err(|e| xml_error(FT, part, reader.error_position(), &e))?;
        match event {
            Event::Start(e) => match e.local_name().as_ref() {
                "c" => {
                    cell_type = Some(attribute(&e, "t").unwrap_or_else(|| "n".to_owned()));
                    value = None;
                }
                "v" | "t" => {
                    in_value = true;
                    value.get_or_insert_with(String::new);
                }
                _ => {}
            },
            Event::End(e) => match e.local_name().as_ref() {
                "v" | "t" => in_value = false,
                "c" => {
                    let kind = cell_type.take().unwrap_or_default();
                    if let Some(raw) = value.take() {
                        let shown = cell_text(&kind, &raw, shared);
                        if !shown.trim().is_empty() {
                            row.push(shown);
                        }
                    }
                }
                "row" if !row.is_empty() => {
                    text.push_str(&row.join("\t"));
                    text.push('\n');
                    row.clear();
                }
                _ => {}
            },
            Event::Text(t) if in_value => {
                if let Some(v) = value.as_mut() {
                    v.push_str(&t.xml10_content());
                }
            }
            Event::GeneralRef(r) if in_value => {
                if let Some(v) = value.as_mut() {
                    v.push_str(&entity(&r));
                }
            }
            Event::Eof => break,
            _ => {}
        }
    }
    if !row.is_empty() {
        text.push_str(&row.join("\t"));
    }
    Ok(text.trim_end().to_owned())
}

fn cell_text(kind: &str, raw: &str, shared: &[String]) -> String {
    match kind {
        "s" => raw
            .trim()
            .parse::<usize>()
            .ok()
            .and_then(|i| shared.get(i))
            .cloned()
            .unwrap_or_default(),
        "n" => number_text(raw.trim()),
        _ => raw.to_owned(),
    }
}

/// A number as written, but an integer in scientific notation in full.
fn number_text(raw: &str) -> String {
    if raw.contains(['E', 'e']) {
        if let Ok(n) = raw.parse::<f64>() {
            if n.is_finite() && n.fract() == 0.0 && n.abs() < 1e17 {
                return format!("{n:.0}");
            }
        }
    }
    raw.to_owned()
}

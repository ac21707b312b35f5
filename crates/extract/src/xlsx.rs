//! Excel workbooks (Office Open XML): the cells of each sheet, and its external links.
//!
//! Read with [`Zipped`](crate::zipped::Zipped) and quick-xml rather than a spreadsheet
//! library so that the zip-bomb guard stays in one place. Numbers are kept as written,
//! except that an integer in scientific notation (`4.155552671E9`, as phone numbers stored
//! as numbers often are) is written out in full.
//!
//! A sheet is a table, not prose: every cell is its own segment (part `Sheet!B3`), so that
//! numbers in neighbouring cells (a row of years, two prices) are never read as one. A cell
//! that holds a number-like value is written with its cue when the table gives one: the
//! column's header or the cell to its left when that names a phone channel ("Phone",
//! "WhatsApp", "Telefone"...), as `Phone: 4155552671`. A country column (header "Country",
//! "País"...) gives the row's cells the country's region, and a `Country | Brazil` pair the
//! whole sheet's ([`Segment::regions`]); country names come from ISO 3166-1
//! (`data/country_names.tsv`, generated from Debian's iso-codes by `gen_country_names.py`).

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
        let rows = sheet_rows(&xml, &target, &shared)?;
        document.segments.extend(cell_segments(&rows, name, number));
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

/// One cell: its 0-based column, its text, and whether it was stored as a number.
#[derive(Debug, Clone, PartialEq)]
struct Cell {
    column: u32,
    text: String,
    number: bool,
}

/// The non-empty rows of a worksheet part: 0-based row index and cells, in order.
fn sheet_rows(
    xml: &str,
    part: &str,
    shared: &[String],
) -> Result<Vec<(u32, Vec<Cell>)>, ExtractError> {
    let mut reader = Reader::from_str(xml);
    let mut rows = Vec::new();
    let mut row: Vec<Cell> = Vec::new();
    let mut row_index: u32 = 0;
    let mut next_column: u32 = 0;
    // The type and column of the cell being read, and its value text.
    let mut cell_type: Option<String> = None;
    let mut column: u32 = 0;
    let mut value: Option<String> = None;
    let mut in_value = false;
    loop {
        let event = reader
            .read_event()
            .map_err(|e| xml_error(FT, part, reader.error_position(), &e))?;
        match event {
            Event::Start(e) | Event::Empty(e) if e.local_name().as_ref() == "row" => {
                let given = attribute(&e, "r").and_then(|r| r.trim().parse::<u32>().ok());
                row_index = given.map_or(row_index + u32::from(!rows.is_empty()), |r| {
                    r.saturating_sub(1)
                });
                next_column = 0;
            }
            Event::Start(e) => match e.local_name().as_ref() {
                "c" => {
                    cell_type = Some(attribute(&e, "t").unwrap_or_else(|| "n".to_owned()));
                    column = attribute(&e, "r")
                        .and_then(|r| column_of(&r))
                        .unwrap_or(next_column);
                    next_column = column.saturating_add(1);
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
                            row.push(Cell {
                                column,
                                text: shown,
                                number: kind == "n",
                            });
                        }
                    }
                }
                "row" if !row.is_empty() => rows.push((row_index, std::mem::take(&mut row))),
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
        rows.push((row_index, row));
    }
    Ok(rows)
}

/// The 0-based column of a cell reference (`B3` → 1).
fn column_of(reference: &str) -> Option<u32> {
    let letters: Vec<u8> = reference
        .bytes()
        .take_while(u8::is_ascii_alphabetic)
        .collect();
    if letters.is_empty() || letters.len() > 3 {
        return None;
    }
    let mut n: u32 = 0;
    for b in letters {
        n = n * 26 + u32::from(b.to_ascii_uppercase() - b'A') + 1;
    }
    Some(n - 1)
}

/// The letters of a 0-based column (1 → `B`).
fn column_name(column: u32) -> String {
    let mut n = column + 1;
    let mut letters = Vec::new();
    while n > 0 {
        let rem = (n - 1) % 26;
        letters.push(b'A' + rem as u8);
        n = (n - 1) / 26;
    }
    letters.reverse();
    String::from_utf8(letters).unwrap_or_default()
}

/// Words of a header or label that name a phone channel, in the languages of the markets
/// (compared with each lower-cased word of the header).
const PHONE_WORDS: &[&str] = &[
    "phone",
    "phones",
    "telephone",
    "tel",
    "tel.",
    "mobile",
    "mob",
    "cell",
    "cellphone",
    "whatsapp",
    "wa",
    "viber",
    "telegram",
    "signal",
    "sms",
    "contact",
    "fax",
    "telefone",
    "teléfono",
    "telefono",
    "telefon",
    "téléphone",
    "celular",
    "móvil",
    "movil",
    "handy",
    "portable",
    "cellulare",
    "numero",
    "número",
    "contato",
    "contacto",
    "telp",
    "hp",
    "nomor",
    "телефон",
    "мобильный",
    "номер",
    "電話",
    "手机",
    "电话",
];

/// Words of a header or label that name a country.
const COUNTRY_WORDS: &[&str] = &[
    "country",
    "nation",
    "país",
    "pais",
    "pays",
    "land",
    "paese",
    "страна",
    "國家",
    "国家",
];

fn words(text: &str) -> impl Iterator<Item = String> + '_ {
    text.split(|c: char| !(c.is_alphanumeric() || c == '.'))
        .filter(|w| !w.is_empty())
        .map(|w| w.trim_end_matches('.').to_lowercase())
}

fn names_phone(label: &str) -> bool {
    label.chars().count() <= 40
        && words(label).any(|w| {
            PHONE_WORDS.contains(&w.as_str()) || w.contains("phone") || w.contains("whatsapp")
        })
}

fn names_country(label: &str) -> bool {
    label.chars().count() <= 40 && words(label).any(|w| COUNTRY_WORDS.contains(&w.as_str()))
}

/// Whether a cell's text could be a phone number: digits with the separators numbers are
/// written with, at least six digits.
fn number_like(text: &str) -> bool {
    let text = text.trim();
    let digits = text.chars().filter(char::is_ascii_digit).count();
    digits >= 6
        && text
            .chars()
            .all(|c| c.is_ascii_digit() || matches!(c, ' ' | '+' | '-' | '(' | ')' | '.' | '/'))
}

/// The ISO 3166-1 two-letter code of a country named by its code or its English name.
fn country_code(text: &str) -> Option<&'static str> {
    static TABLE: &str = include_str!("../data/country_names.tsv");
    let wanted = text.trim().trim_end_matches('.').to_lowercase();
    if wanted.is_empty() || wanted.chars().count() > 60 {
        return None;
    }
    TABLE
        .lines()
        .filter(|line| !line.starts_with('#'))
        .find_map(|line| {
            let mut fields = line.split('\t');
            let code = fields.next()?;
            (code.eq_ignore_ascii_case(&wanted) || fields.any(|name| name == wanted))
                .then_some(code)
        })
}

/// A segment per cell, number-like cells written with their cue, with the regions the
/// table gives them.
fn cell_segments(rows: &[(u32, Vec<Cell>)], sheet: &str, number: u32) -> Vec<Segment> {
    // The header row: the first row, when it has no number in it.
    let header: Vec<(u32, &str)> = match rows.first() {
        Some((_, cells)) if cells.iter().all(|c| !c.number && !number_like(&c.text)) => {
            cells.iter().map(|c| (c.column, c.text.as_str())).collect()
        }
        _ => Vec::new(),
    };
    let header_of = |column: u32| header.iter().find(|(c, _)| *c == column).map(|(_, h)| *h);
    let country_columns: Vec<u32> = header
        .iter()
        .filter(|(_, h)| names_country(h))
        .map(|(c, _)| *c)
        .collect();
    // A `Country | Brazil` pair anywhere in the sheet: the whole sheet's region.
    let mut sheet_regions: Vec<String> = Vec::new();
    for (_, cells) in rows {
        for pair in cells.windows(2) {
            if pair[1].column == pair[0].column + 1 && names_country(&pair[0].text) {
                if let Some(code) = country_code(&pair[1].text) {
                    if !sheet_regions.iter().any(|r| r == code) {
                        sheet_regions.push(code.to_owned());
                    }
                }
            }
        }
    }

    let mut segments = Vec::new();
    for (row_index, cells) in rows {
        let mut regions: Vec<String> = cells
            .iter()
            .filter(|c| country_columns.contains(&c.column))
            .filter_map(|c| country_code(&c.text))
            .map(str::to_owned)
            .collect();
        for region in &sheet_regions {
            if !regions.contains(region) {
                regions.push(region.clone());
            }
        }
        for (i, cell) in cells.iter().enumerate() {
            let reference = format!("{}{}", column_name(cell.column), row_index + 1);
            let left = i
                .checked_sub(1)
                .map(|j| &cells[j])
                .filter(|l| l.column + 1 == cell.column && !l.number);
            let cue = if number_like(&cell.text) {
                header_of(cell.column)
                    .filter(|h| names_phone(h))
                    .or_else(|| left.map(|l| l.text.as_str()).filter(|l| names_phone(l)))
            } else {
                None
            };
            let text = match cue {
                Some(label) => format!("{}: {}", label.trim().trim_end_matches(':'), cell.text),
                None => cell.text.clone(),
            };
            let mut segment = Segment::text(
                text,
                Source::Text,
                Location {
                    page: Some(number),
                    part: Some(format!("{sheet}!{reference}")),
                    region: None,
                },
            );
            segment.regions = regions.clone();
            segments.push(segment);
        }
    }
    segments
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

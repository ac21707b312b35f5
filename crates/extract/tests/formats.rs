//! The document-format readers end to end: fixtures are written here (lopdf, the zip
//! writer, rust_xlsxwriter), read with [`Extractor::extract`] and scanned with the detector.

use std::io::{Cursor, Write};
use std::time::Duration;

use lopdf::content::{Content, Operation};
use lopdf::{dictionary, Object, Stream};
use offside_detect::{Engine, EngineOptions, Kind};
use offside_extract::{sniff, Document, ExtractError, Extractor, FileType, Limits, Source};
use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, ZipWriter};

// ---------------------------------------------------------------------------------------
// Helpers

fn extract(bytes: &[u8]) -> Document {
    Extractor::new(Limits::default())
        .extract(bytes)
        .unwrap_or_else(|e| panic!("extract failed: {e}"))
}

fn extract_with(limits: Limits, bytes: &[u8]) -> Result<Document, ExtractError> {
    Extractor::new(limits).extract(bytes)
}

/// Every finding of `kind` in the document: (value, page, part, source).
type Hit = (String, Option<u32>, Option<String>, Source);

fn findings(document: &Document, kind: Kind) -> Vec<Hit> {
    let engine = Engine::new(EngineOptions::default());
    let mut hits = Vec::new();
    for segment in &document.segments {
        for finding in engine.scan(&segment.text, None) {
            if finding.kind == kind {
                let value = finding
                    .value
                    .clone()
                    .unwrap_or_else(|| segment.text[finding.start..finding.end].to_owned());
                hits.push((
                    value,
                    segment.location.page,
                    segment.location.part.clone(),
                    segment.source,
                ));
            }
        }
    }
    hits
}

fn all_findings(document: &Document) -> usize {
    let engine = Engine::new(EngineOptions::default());
    document
        .segments
        .iter()
        .map(|s| engine.scan(&s.text, None).len())
        .sum()
}

/// A PDF with one page per text (Courier, WinAnsi), optionally a link annotation on the
/// first page, and the content streams compressed.
fn pdf(pages: &[&str], link: Option<&str>) -> Vec<u8> {
    let mut doc = lopdf::Document::with_version("1.5");
    let pages_id = doc.new_object_id();
    let font_id = doc.add_object(dictionary! {
        "Type" => "Font",
        "Subtype" => "Type1",
        "BaseFont" => "Courier",
        "Encoding" => "WinAnsiEncoding",
    });
    let resources_id = doc.add_object(dictionary! {
        "Font" => dictionary! { "F1" => font_id },
    });
    let mut kids = Vec::new();
    for (i, text) in pages.iter().enumerate() {
        let mut operations = vec![
            Operation::new("BT", vec![]),
            Operation::new("Tf", vec!["F1".into(), 12.into()]),
            Operation::new("TL", vec![14.into()]),
            Operation::new("Td", vec![72.into(), 700.into()]),
        ];
        for (n, line) in text.lines().enumerate() {
            if n > 0 {
                operations.push(Operation::new("T*", vec![]));
            }
            operations.push(Operation::new("Tj", vec![Object::string_literal(line)]));
        }
        operations.push(Operation::new("ET", vec![]));
        let content = Content { operations };
        let content_id = doc.add_object(Stream::new(dictionary! {}, content.encode().unwrap()));
        let mut page = dictionary! {
            "Type" => "Page",
            "Parent" => pages_id,
            "Contents" => content_id,
        };
        if let (0, Some(uri)) = (i, link) {
            let annot = doc.add_object(dictionary! {
                "Type" => "Annot",
                "Subtype" => "Link",
                "Rect" => vec![72.into(), 690.into(), 300.into(), 712.into()],
                "A" => dictionary! { "S" => "URI", "URI" => Object::string_literal(uri) },
            });
            page.set("Annots", vec![annot.into()]);
        }
        kids.push(doc.add_object(page).into());
    }
    let count = kids.len() as i64;
    doc.objects.insert(
        pages_id,
        Object::Dictionary(dictionary! {
            "Type" => "Pages",
            "Kids" => kids,
            "Count" => count,
            "Resources" => resources_id,
            "MediaBox" => vec![0.into(), 0.into(), 595.into(), 842.into()],
        }),
    );
    let catalog_id = doc.add_object(dictionary! { "Type" => "Catalog", "Pages" => pages_id });
    doc.trailer.set("Root", catalog_id);
    doc.compress();
    let mut out = Vec::new();
    doc.save_to(&mut out).unwrap();
    out
}

/// A ZIP of `(name, bytes, stored)` entries.
fn zip_of(entries: &[(&str, &[u8], bool)]) -> Vec<u8> {
    let mut writer = ZipWriter::new(Cursor::new(Vec::new()));
    for (name, data, stored) in entries {
        let method = if *stored {
            CompressionMethod::Stored
        } else {
            CompressionMethod::Deflated
        };
        writer
            .start_file(
                *name,
                SimpleFileOptions::default().compression_method(method),
            )
            .unwrap();
        writer.write_all(data).unwrap();
    }
    writer.finish().unwrap().into_inner()
}

const W_NS: &str = r#"xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships""#;

const CONTENT_TYPES: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>"#;

const PACKAGE_RELS: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>"#;

/// A DOCX with this `w:body` content, and optionally a header and document relationships.
fn docx(body: &str, header: Option<&str>, rels: Option<&str>) -> Vec<u8> {
    let document = format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document {W_NS}><w:body>{body}<w:sectPr/></w:body></w:document>"#
    );
    let header = header.map(|h| {
        format!(
            r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:hdr {W_NS}>{h}</w:hdr>"#
        )
    });
    let rels = rels.map(|r| {
        format!(
            r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">{r}</Relationships>"#
        )
    });
    let mut entries: Vec<(&str, &[u8], bool)> = vec![
        ("[Content_Types].xml", CONTENT_TYPES.as_bytes(), false),
        ("_rels/.rels", PACKAGE_RELS.as_bytes(), false),
        ("word/document.xml", document.as_bytes(), false),
    ];
    if let Some(h) = &header {
        entries.push(("word/header1.xml", h.as_bytes(), false));
    }
    if let Some(r) = &rels {
        entries.push(("word/_rels/document.xml.rels", r.as_bytes(), false));
    }
    zip_of(&entries)
}

fn odt(body: &str) -> Vec<u8> {
    let content = format!(
        r#"<?xml version="1.0" encoding="UTF-8"?>
<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:xlink="http://www.w3.org/1999/xlink" office:version="1.3"><office:automatic-styles/><office:body><office:text>{body}</office:text></office:body></office:document-content>"#
    );
    let manifest = r#"<?xml version="1.0" encoding="UTF-8"?>
<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.3"><manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.text"/><manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>"#;
    zip_of(&[
        ("mimetype", b"application/vnd.oasis.opendocument.text", true),
        ("content.xml", content.as_bytes(), false),
        ("META-INF/manifest.xml", manifest.as_bytes(), false),
    ])
}

fn xlsx() -> Vec<u8> {
    let mut workbook = rust_xlsxwriter::Workbook::new();
    let first = workbook.add_worksheet();
    first.set_name("Items").unwrap();
    first.write_string(0, 0, "Item").unwrap();
    first.write_string(0, 1, "Price").unwrap();
    first.write_string(1, 0, "Sofa").unwrap();
    first.write_number(1, 1, 250.0).unwrap();
    let second = workbook.add_worksheet();
    second.set_name("Contacts").unwrap();
    second.write_string(0, 0, "Phone").unwrap();
    second.write_number(0, 1, 4155552671.0).unwrap();
    second.write_string(1, 0, "Email").unwrap();
    second.write_string(1, 1, "jordan.lee@outlook.com").unwrap();
    second
        .write_url(2, 0, rust_xlsxwriter::Url::new("https://wa.me/14155552671"))
        .unwrap();
    workbook.save_to_buffer().unwrap()
}

/// A minimal OLE2 compound file header followed by a directory holding `name` (UTF-16LE).
fn ole2(name: &str) -> Vec<u8> {
    let mut bytes = vec![0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    bytes.resize(512, 0);
    bytes.extend(name.encode_utf16().flat_map(u16::to_le_bytes));
    bytes.resize(1536, 0);
    bytes
}

// ---------------------------------------------------------------------------------------
// PDF

#[test]
fn pdf_text_is_found_on_its_page() {
    let bytes = pdf(
        &[
            "Thank you for your order.\nThe sofa ships on Monday.",
            "Questions? Write to alex.morgan@gmail.com any time.",
            "Or call +1 415 555 2671 after six.",
        ],
        None,
    );
    let document = extract(&bytes);
    assert_eq!(document.file_type, FileType::Pdf);
    assert_eq!(document.pages, 3);
    let emails = findings(&document, Kind::Email);
    assert_eq!(emails.len(), 1, "{emails:?}");
    assert_eq!(emails[0].0, "alex.morgan@gmail.com");
    assert_eq!(emails[0].1, Some(2));
    let phones = findings(&document, Kind::Phone);
    assert_eq!(phones.len(), 1, "{phones:?}");
    assert_eq!(phones[0].1, Some(3));
    let page1 = document
        .segments
        .iter()
        .find(|s| s.location.page == Some(1))
        .expect("page 1 has text");
    assert!(page1.text.contains("sofa ships"), "{:?}", page1.text);
    let engine = Engine::new(EngineOptions::default());
    assert!(engine.scan(&page1.text, None).is_empty());
}

#[test]
fn pdf_link_annotation_is_a_link_segment() {
    let bytes = pdf(
        &["Contact the seller"],
        Some("mailto:alex.morgan@gmail.com"),
    );
    let document = extract(&bytes);
    let emails = findings(&document, Kind::Email);
    assert_eq!(emails.len(), 1, "{emails:?}");
    assert_eq!(emails[0].1, Some(1));
    assert_eq!(emails[0].3, Source::Link);
}

#[test]
fn pdf_garbage_is_corrupt() {
    let mut bytes = b"%PDF-1.7\n".to_vec();
    bytes.extend((0..4000u32).map(|i| (i.wrapping_mul(2654435761) >> 13) as u8));
    let err = extract_with(Limits::default(), &bytes).unwrap_err();
    assert!(
        matches!(
            err,
            ExtractError::Corrupt {
                file_type: FileType::Pdf,
                ..
            }
        ),
        "{err:?}"
    );
    assert!(err.to_string().contains("pdf is corrupt"), "{err}");

    let full = pdf(&["Hello"], None);
    let truncated = &full[..full.len() / 2];
    let err = extract_with(Limits::default(), truncated).unwrap_err();
    assert!(
        matches!(
            err,
            ExtractError::Corrupt {
                file_type: FileType::Pdf,
                ..
            }
        ),
        "{err:?}"
    );
}

#[test]
fn pdf_encrypted_with_a_password_is_encrypted() {
    let bytes = pdf(&["secret alex.morgan@gmail.com"], None);
    let mut doc = lopdf::Document::load_mem(&bytes).unwrap();
    doc.trailer.set(
        "ID",
        Object::Array(vec![
            Object::string_literal(b"0123456789abcdef".to_vec()),
            Object::string_literal(b"0123456789abcdef".to_vec()),
        ]),
    );
    let version = lopdf::EncryptionVersion::V2 {
        document: &doc,
        owner_password: "owner",
        user_password: "user",
        key_length: 128,
        permissions: lopdf::Permissions::all(),
    };
    let state = lopdf::EncryptionState::try_from(version).unwrap();
    doc.encrypt(&state).unwrap();
    let mut encrypted = Vec::new();
    doc.save_to(&mut encrypted).unwrap();

    let err = extract_with(Limits::default(), &encrypted).unwrap_err();
    assert_eq!(err, ExtractError::Encrypted(FileType::Pdf), "{err}");
    assert!(
        err.to_string().contains("encrypted or password-protected"),
        "{err}"
    );
}

#[test]
fn pdf_with_too_many_pages_is_refused() {
    let bytes = pdf(&["one", "two", "three", "four"], None);
    let limits = Limits {
        max_pages: 3,
        ..Limits::default()
    };
    let err = extract_with(limits, &bytes).unwrap_err();
    assert!(
        matches!(
            err,
            ExtractError::TooManyPages {
                file_type: FileType::Pdf,
                pages: 4,
                limit: 3
            }
        ),
        "{err:?}"
    );
    assert!(
        err.to_string().contains("4 pages, over the limit of 3"),
        "{err}"
    );
}

/// A one-page PDF whose content stream inflates to `size` bytes of spaces, referenced by
/// `pages` pages.
fn pdf_bomb(size: usize, pages: usize) -> Vec<u8> {
    let mut doc = lopdf::Document::with_version("1.5");
    let pages_id = doc.new_object_id();
    // Compressed in chunks, so that a bomb of hundreds of megabytes is cheap to build.
    let mut encoder = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::best());
    let head = b"BT /F1 12 Tf 72 700 Td (bomb) Tj ET\n";
    encoder.write_all(head).unwrap();
    let spaces = vec![b' '; 1 << 20];
    let mut left = size.saturating_sub(head.len());
    while left > 0 {
        let n = left.min(spaces.len());
        encoder.write_all(&spaces[..n]).unwrap();
        left -= n;
    }
    let compressed = encoder.finish().unwrap();
    let mut stream = Stream::new(dictionary! { "Filter" => "FlateDecode" }, compressed);
    stream.allows_compression = false;
    let content_id = doc.add_object(stream);
    let font_id = doc.add_object(dictionary! {
        "Type" => "Font", "Subtype" => "Type1", "BaseFont" => "Courier",
    });
    let kids: Vec<Object> = (0..pages)
        .map(|_| {
            doc.add_object(dictionary! {
                "Type" => "Page",
                "Parent" => pages_id,
                "Contents" => content_id,
                "Resources" => dictionary! { "Font" => dictionary! { "F1" => font_id } },
            })
            .into()
        })
        .collect();
    doc.objects.insert(
        pages_id,
        Object::Dictionary(dictionary! {
            "Type" => "Pages",
            "Kids" => kids,
            "Count" => pages as i64,
            "MediaBox" => vec![0.into(), 0.into(), 595.into(), 842.into()],
        }),
    );
    let catalog_id = doc.add_object(dictionary! { "Type" => "Catalog", "Pages" => pages_id });
    doc.trailer.set("Root", catalog_id);
    let mut out = Vec::new();
    doc.save_to(&mut out).unwrap();
    out
}

#[test]
fn pdf_flate_bomb_is_refused() {
    // One stream of 8 MB, over a 1 MB budget.
    let bytes = pdf_bomb(8 << 20, 1);
    assert!(bytes.len() < 64 << 10, "the bomb is small: {}", bytes.len());
    let limits = Limits {
        max_unpacked_bytes: 1 << 20,
        ..Limits::default()
    };
    let err = extract_with(limits.clone(), &bytes).unwrap_err();
    assert!(
        matches!(
            err,
            ExtractError::ZipBomb {
                file_type: FileType::Pdf,
                ..
            }
        ),
        "{err:?}"
    );
    assert!(err.to_string().contains("inflate"), "{err}");

    // 600 KB under the budget on one page, but 20 pages share it: over in total.
    let bytes = pdf_bomb(600 << 10, 20);
    let err = extract_with(limits.clone(), &bytes).unwrap_err();
    assert!(
        matches!(
            err,
            ExtractError::ZipBomb {
                file_type: FileType::Pdf,
                ..
            }
        ),
        "{err:?}"
    );

    // Within the budget it reads.
    let bytes = pdf_bomb(100 << 10, 2);
    let document = extract_with(limits, &bytes).unwrap();
    assert!(document.segments[0].text.contains("bomb"));
}

// ---------------------------------------------------------------------------------------
// DOCX and ODT

#[test]
fn docx_runs_header_and_hyperlink() {
    let body = r#"<w:p><w:r><w:t xml:space="preserve">Write to me at </w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t>alex.</w:t></w:r><w:r><w:t>morgan@gmail.com</w:t></w:r><w:r><w:t xml:space="preserve"> &amp; thanks.</w:t></w:r></w:p>
<w:p><w:hyperlink r:id="rId7"><w:r><w:t>my WhatsApp</w:t></w:r></w:hyperlink></w:p>"#;
    let header =
        r#"<w:p><w:r><w:t>Call</w:t></w:r><w:r><w:tab/><w:t>+1 (415) 555-2671</w:t></w:r></w:p>"#;
    let rels = r#"<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/><Relationship Id="rId7" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink" Target="https://wa.me/14155552671" TargetMode="External"/>"#;
    let bytes = docx(body, Some(header), Some(rels));
    assert_eq!(sniff(&bytes).unwrap(), FileType::Docx);
    let document = extract(&bytes);
    assert_eq!(document.file_type, FileType::Docx);

    let text = &document.segments[0];
    assert_eq!(text.location.part.as_deref(), Some("document"));
    assert!(
        text.text.contains("alex.morgan@gmail.com & thanks."),
        "{:?}",
        text.text
    );

    let emails = findings(&document, Kind::Email);
    assert_eq!(emails.len(), 1, "{emails:?}");
    assert_eq!(emails[0].0, "alex.morgan@gmail.com");
    assert_eq!(emails[0].2.as_deref(), Some("document"));
    assert_eq!(emails[0].3, Source::Text);

    let phones = findings(&document, Kind::Phone);
    assert!(
        phones
            .iter()
            .any(|p| p.2.as_deref() == Some("header1") && p.3 == Source::Text),
        "{phones:?}"
    );
    let link = document
        .segments
        .iter()
        .find(|s| s.source == Source::Link)
        .expect("a link segment");
    assert_eq!(link.text, "https://wa.me/14155552671");
    assert_eq!(link.location.part.as_deref(), Some("document"));
    let messengers: Vec<_> = findings(&document, Kind::Messenger)
        .into_iter()
        .chain(findings(&document, Kind::Url))
        .chain(findings(&document, Kind::Phone))
        .filter(|h| h.3 == Source::Link)
        .collect();
    assert!(!messengers.is_empty(), "the wa.me link is found");
}

#[test]
fn docx_field_hyperlink_and_deleted_text() {
    let body = r#"<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> HYPERLINK "mailto:jordan.lee@outlook.com" </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>email</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>
<w:p><w:pPr><w:tabs><w:tab w:val="left" w:pos="720"/></w:tabs></w:pPr><w:del w:id="1" w:author="x"><w:r><w:delText>sam.rivera@yahoo.com</w:delText></w:r></w:del></w:p>"#;
    let document = extract(&docx(body, None, None));
    let emails = findings(&document, Kind::Email);
    assert!(
        emails
            .iter()
            .any(|e| e.0 == "jordan.lee@outlook.com" && e.3 == Source::Link),
        "{emails:?}"
    );
    assert!(
        emails
            .iter()
            .any(|e| e.0 == "sam.rivera@yahoo.com" && e.3 == Source::Text),
        "{emails:?}"
    );
    // A tab stop definition is not a tab.
    assert!(
        !document.segments[0].text.contains('\t'),
        "{:?}",
        document.segments[0].text
    );
}

#[test]
fn clean_docx_has_no_findings() {
    let body = r#"<w:p><w:r><w:t>The sofa is in good condition and ships on Monday.</w:t></w:r></w:p><w:tbl><w:tr><w:tc><w:p><w:r><w:t>Width</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>210 cm</w:t></w:r></w:p></w:tc></w:tr></w:tbl>"#;
    let document = extract(&docx(body, None, None));
    assert!(
        document.segments[0].text.contains("Width\t210 cm"),
        "{:?}",
        document.segments[0].text
    );
    assert_eq!(all_findings(&document), 0, "{:?}", document.segments);
}

#[test]
fn docx_malformed_xml_is_corrupt_naming_the_part() {
    let bytes = docx("<w:p><w:r><w:t>unclosed</w:r></w:p>", None, None);
    let err = extract_with(Limits::default(), &bytes).unwrap_err();
    assert!(
        matches!(
            err,
            ExtractError::Corrupt {
                file_type: FileType::Docx,
                ..
            }
        ),
        "{err:?}"
    );
    assert!(err.to_string().contains("document"), "{err}");
    assert!(err.to_string().contains("byte"), "{err}");
}

#[test]
fn odt_text_spaces_and_links() {
    let body = r#"<text:h text:outline-level="1">Listing</text:h><text:p>Mail<text:s text:c="3"/>jordan.lee@outlook.com<text:tab/>or</text:p><text:p><text:a xlink:type="simple" xlink:href="mailto:sam.rivera@yahoo.com">write</text:a></text:p>"#;
    let bytes = odt(body);
    assert_eq!(sniff(&bytes).unwrap(), FileType::Odt);
    let document = extract(&bytes);
    assert_eq!(document.file_type, FileType::Odt);
    assert!(
        document.segments[0]
            .text
            .starts_with("Listing\nMail   jordan"),
        "{:?}",
        document.segments[0].text
    );
    let emails = findings(&document, Kind::Email);
    assert!(
        emails.iter().any(|e| e.0 == "jordan.lee@outlook.com"
            && e.2.as_deref() == Some("content")
            && e.3 == Source::Text),
        "{emails:?}"
    );
    assert!(
        emails
            .iter()
            .any(|e| e.0 == "sam.rivera@yahoo.com" && e.3 == Source::Link),
        "{emails:?}"
    );
}

#[test]
fn odt_encrypted_is_encrypted() {
    let manifest = r#"<?xml version="1.0" encoding="UTF-8"?>
<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"><manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"><manifest:encryption-data manifest:checksum-type="SHA1/1K" manifest:checksum="x"><manifest:algorithm manifest:algorithm-name="Blowfish CFB" manifest:initialisation-vector="x"/></manifest:encryption-data></manifest:file-entry></manifest:manifest>"#;
    let bytes = zip_of(&[
        ("mimetype", b"application/vnd.oasis.opendocument.text", true),
        ("content.xml", &[0x13, 0x99, 0x42, 0x07], true),
        ("META-INF/manifest.xml", manifest.as_bytes(), false),
    ]);
    let err = extract_with(Limits::default(), &bytes).unwrap_err();
    assert_eq!(err, ExtractError::Encrypted(FileType::Odt));
    assert!(err.to_string().contains("odt is encrypted"), "{err}");
}

// ---------------------------------------------------------------------------------------
// XLSX

#[test]
fn xlsx_number_phone_and_email_on_second_sheet() {
    let bytes = xlsx();
    assert_eq!(sniff(&bytes).unwrap(), FileType::Xlsx);
    let document = extract(&bytes);
    assert_eq!(document.file_type, FileType::Xlsx);
    assert_eq!(document.pages, 2);
    let first = &document.segments[0];
    assert_eq!(first.location.page, Some(1));
    assert_eq!(first.location.part.as_deref(), Some("Items!A1"));
    let texts: Vec<&str> = document
        .segments
        .iter()
        .filter(|s| s.location.page == Some(1))
        .map(|s| s.text.as_str())
        .collect();
    assert_eq!(texts, ["Item", "Price", "Sofa", "250"]);

    // The number has the label to its left as its cue.
    let cell = document
        .segments
        .iter()
        .find(|s| s.location.part.as_deref() == Some("Contacts!B1"))
        .expect("the number cell");
    assert_eq!(cell.text, "Phone: 4155552671");

    let emails = findings(&document, Kind::Email);
    assert_eq!(emails.len(), 1, "{emails:?}");
    assert_eq!(emails[0].1, Some(2));
    assert_eq!(emails[0].2.as_deref(), Some("Contacts!B2"));

    let phones = findings(&document, Kind::Phone);
    assert!(
        phones.iter().any(|p| p.0 == "+14155552671"),
        "the number cell is found as a phone: {phones:?}"
    );

    let link = document
        .segments
        .iter()
        .find(|s| s.source == Source::Link)
        .expect("the sheet hyperlink");
    assert_eq!(link.location.page, Some(2));
    assert!(
        link.text.contains("https://wa.me/14155552671"),
        "{:?}",
        link.text
    );
}

fn segment<'a>(document: &'a Document, part: &str) -> &'a offside_extract::Segment {
    document
        .segments
        .iter()
        .find(|s| s.location.part.as_deref() == Some(part))
        .unwrap_or_else(|| panic!("no cell {part}: {:?}", document.segments))
}

#[test]
fn xlsx_numbers_in_neighbouring_cells_are_never_joined() {
    let mut workbook = rust_xlsxwriter::Workbook::new();
    let sheet = workbook.add_worksheet();
    sheet.set_name("Budget").unwrap();
    for (i, year) in [2019.0, 2020.0, 2021.0, 2022.0, 2023.0].iter().enumerate() {
        sheet.write_number(0, i as u16, *year).unwrap();
    }
    sheet.write_number(1, 0, 415.55).unwrap();
    sheet.write_number(1, 1, 526.71).unwrap();
    sheet.write_number(1, 2, 4_012.5).unwrap();
    sheet.write_string(2, 0, "Order").unwrap();
    sheet.write_number(2, 1, 20_240_517.0).unwrap();
    sheet.write_number(2, 2, 1_234_567.0).unwrap();
    let bytes = workbook.save_to_buffer().unwrap();
    let document = extract(&bytes);
    assert_eq!(segment(&document, "Budget!B1").text, "2020");
    assert_eq!(segment(&document, "Budget!B2").text, "526.71");
    assert_eq!(all_findings(&document), 0, "{:?}", document.segments);
}

#[test]
fn xlsx_phone_columns_are_cued_by_their_header_and_country() {
    let mut workbook = rust_xlsxwriter::Workbook::new();
    let sheet = workbook.add_worksheet();
    sheet.set_name("Leads").unwrap();
    for (c, header) in ["Name", "Country", "WhatsApp", "Budget"].iter().enumerate() {
        sheet.write_string(0, c as u16, *header).unwrap();
    }
    let rows: [(&str, &str, f64, f64); 3] = [
        ("Ana Souza", "Brazil", 11_987_654_321.0, 1500.0),
        ("Raj Patel", "IN", 9_876_543_210.0, 900.0),
        ("Lee Park", "United States", 4_158_392_716.0, 2000.0),
    ];
    for (r, (name, country, phone, budget)) in rows.iter().enumerate() {
        let r = r as u32 + 1;
        sheet.write_string(r, 0, *name).unwrap();
        sheet.write_string(r, 1, *country).unwrap();
        sheet.write_number(r, 2, *phone).unwrap();
        sheet.write_number(r, 3, *budget).unwrap();
    }
    let bytes = workbook.save_to_buffer().unwrap();
    let document = extract(&bytes);
    let ana = segment(&document, "Leads!C2");
    assert_eq!(ana.text, "WhatsApp: 11987654321");
    assert_eq!(ana.regions, ["BR"]);
    assert_eq!(segment(&document, "Leads!C3").regions, ["IN"]);
    assert_eq!(segment(&document, "Leads!C4").regions, ["US"]);
    // The budget column is no phone column: its numbers go uncued.
    assert_eq!(segment(&document, "Leads!D2").text, "1500");
    assert_eq!(segment(&document, "Leads!A2").text, "Ana Souza");

    // Read for the row's region, the Brazilian number is whole.
    let engine = Engine::new(EngineOptions::default());
    let region = offside_detect::Region::parse(&ana.regions[0]).unwrap();
    let phones: Vec<_> = engine
        .scan(&ana.text, Some(region))
        .into_iter()
        .filter(|f| f.kind == Kind::Phone)
        .map(|f| f.value.unwrap_or_default())
        .collect();
    assert_eq!(phones, ["+5511987654321"]);
}

#[test]
fn xlsx_a_country_label_gives_the_whole_sheet_its_region() {
    let mut workbook = rust_xlsxwriter::Workbook::new();
    let sheet = workbook.add_worksheet();
    sheet.write_string(0, 0, "Country").unwrap();
    sheet.write_string(0, 1, "Brazil").unwrap();
    sheet.write_string(1, 0, "Telefone").unwrap();
    sheet.write_string(1, 1, "(11) 98765-4321").unwrap();
    sheet.write_string(2, 0, "Items").unwrap();
    sheet.write_number(2, 1, 12.0).unwrap();
    let bytes = workbook.save_to_buffer().unwrap();
    let document = extract(&bytes);
    let cell = segment(&document, "Sheet1!B2");
    assert_eq!(cell.text, "Telefone: (11) 98765-4321");
    assert_eq!(cell.regions, ["BR"]);
    assert_eq!(segment(&document, "Sheet1!B3").text, "12");
}

#[test]
fn xlsx_with_too_many_sheets_is_refused() {
    let limits = Limits {
        max_pages: 1,
        ..Limits::default()
    };
    let err = extract_with(limits, &xlsx()).unwrap_err();
    assert!(
        matches!(
            err,
            ExtractError::TooManyPages {
                file_type: FileType::Xlsx,
                pages: 2,
                limit: 1
            }
        ),
        "{err:?}"
    );
}

// ---------------------------------------------------------------------------------------
// HTML and text

#[test]
fn html_visible_text_links_and_hidden_script() {
    let html = r#"<!DOCTYPE html>
<html><head><title>Sofa for sale</title>
<script>var owner = "hidden.owner@gmail.com";</script>
<style>.x { content: "style.owner@gmail.com" }</style></head>
<body><h1>Blue sofa</h1><p>Great condition.</p><p>Ask: <a href="mailto:sam.rivera@yahoo.com">email me</a></p>
<p>Or alex<b>@</b>gmail.com&#46;uk? No: jordan&#46;lee&#64;outlook&period;com</p>
<div>first</div><div>second</div>
<img src="x.png" alt="whatsapp +1 415 555 2671">
<ul><li>one</li><li>two</li></ul>
</body></html>"#;
    let bytes = html.as_bytes();
    assert_eq!(sniff(bytes).unwrap(), FileType::Html);
    let document = extract(bytes);
    assert_eq!(document.file_type, FileType::Html);
    let visible = &document.segments[0];
    assert_eq!(visible.source, Source::Text);
    assert!(
        visible
            .text
            .starts_with("Sofa for sale\nBlue sofa\nGreat condition."),
        "{:?}",
        visible.text
    );
    assert!(visible.text.contains("first\nsecond"), "{:?}", visible.text);
    assert!(visible.text.contains("one\ntwo"), "{:?}", visible.text);
    assert!(!visible.text.contains("hidden.owner"), "{:?}", visible.text);
    assert!(!visible.text.contains("style.owner"), "{:?}", visible.text);

    let emails = findings(&document, Kind::Email);
    let values: Vec<&str> = emails.iter().map(|e| e.0.as_str()).collect();
    assert!(!values.contains(&"hidden.owner@gmail.com"), "{values:?}");
    assert!(
        emails
            .iter()
            .any(|e| e.0 == "sam.rivera@yahoo.com" && e.3 == Source::Link),
        "{emails:?}"
    );
    assert!(
        values.iter().any(|v| v.starts_with("alex@gmail.com")),
        "{values:?}"
    );
    assert!(values.contains(&"jordan.lee@outlook.com"), "{values:?}");
    let phones = findings(&document, Kind::Phone);
    assert!(!phones.is_empty(), "the alt text is scanned");
}

#[test]
fn html_link_already_visible_is_not_repeated() {
    let html = r#"<html><body><a href="mailto:sam.rivera@yahoo.com">sam.rivera@yahoo.com</a> <a href="https://example.com/shop">https://example.com/shop</a></body></html>"#;
    let document = extract(html.as_bytes());
    assert!(
        document.segments.iter().all(|s| s.source != Source::Link),
        "{:?}",
        document.segments
    );
}

#[test]
fn text_utf8_and_utf16() {
    let document = extract("\u{FEFF}call me: alex.morgan@gmail.com".as_bytes());
    assert_eq!(document.file_type, FileType::Text);
    assert_eq!(document.segments[0].text, "call me: alex.morgan@gmail.com");

    let mut utf16 = vec![0xFF, 0xFE];
    utf16.extend(
        "mail alex.morgan@gmail.com ✓"
            .encode_utf16()
            .flat_map(u16::to_le_bytes),
    );
    let document = extract(&utf16);
    assert_eq!(document.segments[0].text, "mail alex.morgan@gmail.com ✓");
    assert_eq!(findings(&document, Kind::Email).len(), 1);

    let mut utf16be = vec![0xFE, 0xFF];
    utf16be.extend("hi".encode_utf16().flat_map(u16::to_be_bytes));
    utf16be.extend([0xD8, 0x00]); // an unpaired surrogate
    let document = extract(&utf16be);
    assert_eq!(document.segments[0].text, "hi\u{FFFD}");
}

// ---------------------------------------------------------------------------------------
// Sniffing

#[test]
fn sniff_by_bytes() {
    assert_eq!(sniff(&pdf(&["x"], None)).unwrap(), FileType::Pdf);
    let mut late_header = vec![b' '; 100];
    late_header.extend(b"%PDF-1.4\n");
    assert_eq!(sniff(&late_header).unwrap(), FileType::Pdf);
    assert_eq!(
        sniff(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR").unwrap(),
        FileType::Png
    );
    assert_eq!(
        sniff(&[0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10]).unwrap(),
        FileType::Jpeg
    );
    assert_eq!(sniff(b"RIFF\x24\0\0\0WEBPVP8 ").unwrap(), FileType::Webp);
    assert_eq!(sniff(b"  \n<!DOCTYPE HTML><p>x").unwrap(), FileType::Html);
    assert_eq!(sniff(b"<BODY>hi</BODY>").unwrap(), FileType::Html);
    assert_eq!(
        sniff(b"<!-- note -->\n<html><p>x</p></html>").unwrap(),
        FileType::Html
    );
    assert_eq!(
        sniff(b"plain words <b>not html</b>").unwrap(),
        FileType::Text
    );
    assert_eq!(sniff("h\u{e9}llo".as_bytes()).unwrap(), FileType::Text);

    let random: Vec<u8> = (0..512u32)
        .map(|i| (i.wrapping_mul(2654435761) >> 7) as u8)
        .collect();
    let err = sniff(&random).unwrap_err();
    assert!(matches!(err, ExtractError::Unsupported(_)), "{err:?}");
    assert!(err.to_string().contains("binary data"), "{err}");

    let other_zip = zip_of(&[("photos/cat.txt", b"meow", false)]);
    let err = sniff(&other_zip).unwrap_err();
    assert!(matches!(err, ExtractError::Unsupported(_)), "{err:?}");
    assert!(err.to_string().contains("not a DOCX, ODT or XLSX"), "{err}");

    let mut broken_zip = b"PK\x03\x04".to_vec();
    broken_zip.extend([0x55; 200]);
    let err = sniff(&broken_zip).unwrap_err();
    assert!(matches!(err, ExtractError::Corrupt { .. }), "{err:?}");

    let err = sniff(&ole2("WordDocument")).unwrap_err();
    assert!(matches!(err, ExtractError::Unsupported(_)), "{err:?}");
    assert!(err.to_string().contains("legacy Office"), "{err}");

    let err = sniff(b"").unwrap_err();
    assert!(matches!(err, ExtractError::Unsupported(_)), "{err:?}");
}

#[test]
fn password_protected_office_file_is_encrypted() {
    let err = extract_with(Limits::default(), &ole2("EncryptedPackage")).unwrap_err();
    assert!(matches!(err, ExtractError::Encrypted(_)), "{err:?}");
    assert!(
        err.to_string().contains("encrypted or password-protected"),
        "{err}"
    );
}

// ---------------------------------------------------------------------------------------
// Limits

#[test]
fn docx_zip_bomb_is_refused() {
    let mut body = String::from(r#"<w:p><w:r><w:t xml:space="preserve">"#);
    body.push_str(&" ".repeat(20 << 20));
    body.push_str("</w:t></w:r></w:p>");
    let bytes = docx(&body, None, None);
    assert!(bytes.len() < 200 << 10, "{}", bytes.len());
    let limits = Limits {
        max_unpacked_bytes: 1 << 20,
        max_ratio: u64::MAX,
        ..Limits::default()
    };
    let err = extract_with(limits, &bytes).unwrap_err();
    assert!(
        matches!(
            err,
            ExtractError::ZipBomb {
                file_type: FileType::Docx,
                ..
            }
        ),
        "{err:?}"
    );
    assert!(
        err.to_string().contains("over the limit of 1048576 bytes"),
        "{err}"
    );

    // The ratio limit catches it too.
    let err = extract_with(Limits::default(), &bytes).unwrap_err();
    assert!(matches!(err, ExtractError::ZipBomb { .. }), "{err:?}");
    assert!(err.to_string().contains("ratio"), "{err}");
}

/// Padding a part past the inflate ratio does not hide what comes after it: the salvage
/// path reads the parts as far as the budget allows, markup dropped and white space
/// collapsed, and finds the address and the number.
#[test]
fn a_padded_docx_is_salvaged_past_its_padding() {
    let mut body = String::from("<w:p><w:r><w:t>Hello</w:t></w:r></w:p>");
    body.push_str(&" ".repeat(1 << 20));
    body.push_str(
        "<w:p><w:r><w:t>mail jordan.</w:t></w:r><w:r><w:t>lee@gmail.com</w:t></w:r></w:p><w:p><w:r><w:t>call +1 415 555 2671</w:t></w:r></w:p>",
    );
    let bytes = docx(
        &body,
        Some("<w:p><w:r><w:t>page header</w:t></w:r></w:p>"),
        None,
    );
    let extractor = Extractor::new(Limits::default());
    let err = extractor.extract(&bytes).unwrap_err();
    assert!(err.to_string().contains("ratio"), "{err}");
    let salvaged = extractor.salvage(&bytes).expect("the parts are read");
    assert_eq!(salvaged.file_type, FileType::Docx);
    assert!(salvaged.segments.iter().all(|s| s.source == Source::Raw));
    let document = salvaged
        .segments
        .iter()
        .find(|s| s.location.part.as_deref() == Some("word/document.xml"))
        .expect("document.xml");
    assert_eq!(
        document.text,
        "Hello\nmail jordan.lee@gmail.com\ncall +1 415 555 2671"
    );
    let emails = findings(&salvaged, Kind::Email);
    assert_eq!(emails.len(), 1, "{emails:?}");
    assert_eq!(emails[0].0, "jordan.lee@gmail.com");
    assert_eq!(findings(&salvaged, Kind::Phone).len(), 1);
}

/// A real bomb is salvaged within the same budget: what is inflated is bounded by the
/// container limit, what is kept by the text limit.
#[test]
fn salvaging_a_bomb_stays_within_the_budget() {
    let mut body = String::from("<w:p><w:r><w:t>");
    body.push_str(&"x".repeat(30 << 20));
    body.push_str("</w:t></w:r></w:p>");
    let bytes = docx(&body, None, None);
    let limits = Limits {
        max_unpacked_bytes: 4 << 20,
        max_text_bytes: 1 << 20,
        ..Limits::default()
    };
    let extractor = Extractor::new(limits);
    assert!(matches!(
        extractor.extract(&bytes),
        Err(ExtractError::ZipBomb { .. })
    ));
    let salvaged = extractor.salvage(&bytes).expect("some text");
    let kept: usize = salvaged.segments.iter().map(|s| s.text.len()).sum();
    assert!(kept <= 1 << 20, "{kept}");
    assert!(kept > 0);
    // Not a container: nothing to salvage.
    assert!(extractor.salvage(b"plain text").is_none());
}

#[test]
fn zip_with_too_many_entries_is_refused() {
    let body = r#"<w:p><w:r><w:t>hello</w:t></w:r></w:p>"#;
    let bytes = docx(body, Some(body), None);
    let limits = Limits {
        max_entries: 3,
        ..Limits::default()
    };
    let err = extract_with(limits, &bytes).unwrap_err();
    assert!(
        matches!(
            err,
            ExtractError::ZipBomb {
                file_type: FileType::Docx,
                ..
            }
        ),
        "{err:?}"
    );
    assert!(
        err.to_string().contains("4 entries, over the limit of 3"),
        "{err}"
    );
}

#[test]
fn zero_timeout_times_out() {
    let limits = Limits {
        timeout: Duration::ZERO,
        ..Limits::default()
    };
    for bytes in [pdf(&["a", "b"], None), xlsx(), b"plain text".to_vec()] {
        let err = extract_with(limits.clone(), &bytes).unwrap_err();
        assert!(matches!(err, ExtractError::Timeout(_)), "{err:?}");
        assert!(
            err.to_string().contains("took longer than the limit"),
            "{err}"
        );
    }
}

#[test]
fn file_over_the_size_limit_is_too_large() {
    let limits = Limits {
        max_file_bytes: 100,
        ..Limits::default()
    };
    let err = extract_with(limits, &[b'a'; 101]).unwrap_err();
    assert_eq!(
        err,
        ExtractError::TooLarge {
            size: 101,
            limit: 100
        }
    );
    assert!(
        err.to_string().contains("101 bytes, over the limit of 100"),
        "{err}"
    );
}

#[test]
fn hostile_inputs_do_not_panic() {
    let docx_bytes = docx(r#"<w:p><w:r><w:t>x</w:t></w:r></w:p>"#, None, None);
    let pdf_bytes = pdf(&["hello"], Some("mailto:a@b.co"));
    let xlsx_bytes = xlsx();
    for original in [docx_bytes, pdf_bytes, xlsx_bytes] {
        for cut in (0..original.len()).step_by(original.len() / 30 + 1) {
            let mut flipped = original.clone();
            if let Some(b) = flipped.get_mut(cut) {
                *b ^= 0x5A;
            }
            for bytes in [&original[..cut], &flipped[..]] {
                // lib.rs turns a reader's panic into Corrupt "... reader failed on it": none.
                if let Err(err) = extract_with(Limits::default(), bytes) {
                    assert!(!err.to_string().contains("reader failed"), "{err}");
                }
            }
        }
    }
}

#[test]
fn deeply_nested_html_stops_at_the_timeout() {
    // Nesting costs html5ever time quadratic in its depth: half as deep (40,000), a full read
    // took 11 s of CPU in a release build and 300 s in a debug build on a 2-core test
    // machine, so this page is far past its one-second limit on any machine. The parse is fed
    // in chunks with the clock checked between them, so the limit is what answers. How soon
    // past the limit it stops is measured by `offside bench docs`.
    let deep = "<div><span>".repeat(80_000);
    let limits = Limits {
        timeout: Duration::from_secs(1),
        ..Limits::default()
    };
    let result = extract_with(
        limits,
        format!("<html><body>{deep}alex@gmail.com").as_bytes(),
    );
    assert_eq!(
        result.map(|document| document.pages),
        Err(ExtractError::Timeout(Duration::from_secs(1)))
    );

    // Moderate nesting reads.
    let deep = "<div><span>".repeat(500);
    let document = extract(format!("<html><body>{deep}alex@gmail.com").as_bytes());
    assert!(document.segments[0].text.contains("alex@gmail.com"));
}

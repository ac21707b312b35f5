//! `offside scan --docs`, `offside check --docs` and `POST /v1/attachments`: real files
//! written by the tests (PDFs with lopdf, HTML and text), read through the whole pipeline.

mod common;

use std::fs;
use std::path::Path;

use common::server::Server;
use common::{json_lines, offside, stderr};
use lopdf::content::{Content, Operation};
use lopdf::{dictionary, Document, Object, Stream};
use serde_json::{json, Value};

/// A PDF whose page `i` shows the lines `pages[i]`, written with lopdf.
fn pdf(pages: &[&[&str]]) -> Vec<u8> {
    let mut doc = Document::with_version("1.5");
    let pages_id = doc.new_object_id();
    let font_id = doc.add_object(dictionary! {
        "Type" => "Font", "Subtype" => "Type1", "BaseFont" => "Helvetica",
    });
    let resources_id = doc.add_object(dictionary! {
        "Font" => dictionary! { "F1" => font_id },
    });
    let mut kids = Vec::new();
    for lines in pages {
        let mut operations = vec![
            Operation::new("BT", vec![]),
            Operation::new("Tf", vec!["F1".into(), 11.into()]),
            Operation::new("TL", vec![14.into()]),
            Operation::new("Td", vec![50.into(), 780.into()]),
        ];
        for line in *lines {
            operations.push(Operation::new("Tj", vec![Object::string_literal(*line)]));
            operations.push(Operation::new("T*", vec![]));
        }
        operations.push(Operation::new("ET", vec![]));
        let content = Content { operations };
        let content_id = doc.add_object(Stream::new(
            dictionary! {},
            content.encode().expect("content encodes"),
        ));
        let page_id = doc.add_object(dictionary! {
            "Type" => "Page", "Parent" => pages_id, "Contents" => content_id,
        });
        kids.push(Object::from(page_id));
    }
    let count = kids.len() as i64;
    doc.objects.insert(
        pages_id,
        Object::Dictionary(dictionary! {
            "Type" => "Pages", "Kids" => kids, "Count" => count,
            "Resources" => resources_id, "MediaBox" => vec![0.into(), 0.into(), 595.into(), 842.into()],
        }),
    );
    let catalog_id = doc.add_object(dictionary! { "Type" => "Catalog", "Pages" => pages_id });
    doc.trailer.set("Root", catalog_id);
    let mut bytes = Vec::new();
    doc.save_to(&mut bytes).expect("the PDF is written");
    bytes
}

const NDA: &[&str] = &[
    "MUTUAL NON-DISCLOSURE AGREEMENT",
    "This Agreement is made as of the Effective Date between Acme Design LLC",
    "and Jordan Lee. Each party may disclose Confidential Information to the other.",
    "The Receiving Party shall not disclose Confidential Information of the",
    "Disclosing Party to any third party, and shall return or destroy it on request.",
    "This Agreement is governed by the laws of the State of New York.",
    "Notices: jordan.lee@example.com",
];

fn write(path: &Path, bytes: &[u8]) {
    fs::create_dir_all(path.parent().unwrap()).unwrap();
    fs::write(path, bytes).unwrap();
}

fn findings(line: &Value) -> Vec<(String, Option<String>)> {
    line["findings"]
        .as_array()
        .unwrap_or_else(|| panic!("no findings in {line}"))
        .iter()
        .map(|f| {
            (
                f["kind"].as_str().unwrap().to_owned(),
                f["value"].as_str().map(str::to_owned),
            )
        })
        .collect()
}

#[test]
fn scan_docs_walks_directories_in_order_with_provenance_and_goes_on_after_errors() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    write(
        &root.join("a/resume.pdf"),
        &pdf(&[
            &["Jordan Lee - carpenter", "Ten years of kitchens and decks."],
            &[
                "References on request.",
                "Reach me at jordan.lee.builds@gmail.com",
            ],
        ]),
    );
    write(
        &root.join("a/notes.txt"),
        b"Call me on +1 415 839 2716 tonight.",
    );
    write(
        &root.join("b/clean.html"),
        b"<!doctype html><html><body><h1>Deck plan</h1><p>Week 1: footings.</p></body></html>",
    );
    write(
        &root.join("b/sub/broken.pdf"),
        b"%PDF-1.7\n1 0 obj << /Type /Catalog >>\ngarbage",
    );
    // The type comes from the bytes: a PDF under another name is still read as a PDF.
    write(
        &root.join("c/portfolio.dat"),
        &pdf(&[&["Portfolio", "wa.me/14158392716"]]),
    );

    let output = offside(&["scan", "--docs", root.to_str().unwrap()], b"");
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    assert!(
        stderr(&output).contains("1 file(s) could not be read"),
        "{}",
        stderr(&output)
    );
    let lines = json_lines(&output);
    let files: Vec<&str> = lines.iter().map(|l| l["file"].as_str().unwrap()).collect();
    let names: Vec<String> = files
        .iter()
        .map(|f| {
            Path::new(f)
                .strip_prefix(root)
                .unwrap()
                .display()
                .to_string()
        })
        .collect();
    assert_eq!(
        names,
        [
            "a/notes.txt",
            "a/resume.pdf",
            "b/clean.html",
            "b/sub/broken.pdf",
            "c/portfolio.dat"
        ]
    );

    let notes = &lines[0];
    assert_eq!(notes["type"], "text");
    assert_eq!(
        findings(notes),
        [("phone".to_owned(), Some("+14158392716".to_owned()))]
    );
    assert_eq!(notes["findings"][0]["start"], 11);

    let resume = &lines[1];
    assert_eq!(
        (resume["type"].as_str(), resume["pages"].as_u64()),
        (Some("pdf"), Some(2))
    );
    assert_eq!(
        findings(resume),
        [(
            "email".to_owned(),
            Some("jordan.lee.builds@gmail.com".to_owned())
        )]
    );
    let email = &resume["findings"][0];
    assert_eq!(email["page"], 2, "{email}");
    assert_eq!(email["source"], "text");
    assert!(email["start"].as_u64().unwrap() < email["end"].as_u64().unwrap());

    assert_eq!(lines[2]["type"], "html");
    assert_eq!(findings(&lines[2]), []);

    let broken = &lines[3];
    assert_eq!(broken["type"], "pdf");
    let error = broken["error"].as_str().unwrap();
    assert!(error.contains("corrupt"), "{error}");
    assert_eq!(
        findings(broken),
        [],
        "its printable text is scanned: nothing in it"
    );

    let portfolio = &lines[4];
    assert_eq!(portfolio["type"], "pdf");
    assert!(
        findings(portfolio)
            .iter()
            .any(|(_, v)| v.as_deref().is_some_and(|v| v.contains("14158392716"))),
        "{portfolio}"
    );

    // The same in parallel: the same lines in the same order.
    let parallel = offside(&["scan", "--docs", "-j", "3", root.to_str().unwrap()], b"");
    assert_eq!(json_lines(&parallel), lines);
    // And with the pages of each PDF read on one thread or on several.
    for threads in ["1", "4"] {
        let output = offside(
            &[
                "scan",
                "--docs",
                "--ocr-threads",
                threads,
                root.to_str().unwrap(),
            ],
            b"",
        );
        assert_eq!(json_lines(&output), lines, "--ocr-threads {threads}");
    }
    let zero = offside(
        &[
            "scan",
            "--docs",
            "--ocr-threads",
            "0",
            root.to_str().unwrap(),
        ],
        b"",
    );
    assert_eq!(zero.status.code(), Some(2), "{}", stderr(&zero));
}

/// A text file that starts like a PDF, and a broken DOCX with an address stored
/// uncompressed: each is reported as failed, and the text it shows is still scanned.
#[test]
fn unreadable_files_are_still_scanned_for_the_text_they_show() {
    let dir = tempfile::tempdir().unwrap();
    let disguised = dir.path().join("a.pdf");
    fs::write(
        &disguised,
        b"%PDF-1.4\nnot really: write to maria.lopez@gmail.com",
    )
    .unwrap();
    let mut docx = b"PK\x03\x04\x14\x00\x00\x00\x00\x00".to_vec();
    docx.extend_from_slice(b"word/document.xml<w:t>call +1 415 839 2716</w:t>\x00\xff");
    let broken = dir.path().join("b.docx");
    fs::write(&broken, &docx).unwrap();
    let output = offside(
        &[
            "check",
            "--docs",
            disguised.to_str().unwrap(),
            broken.to_str().unwrap(),
        ],
        b"",
    );
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    let lines = json_lines(&output);
    let text = &lines[0];
    assert!(
        text["error"].as_str().unwrap().contains("corrupt"),
        "{text}"
    );
    assert_eq!(
        findings(text),
        [("email".to_owned(), Some("maria.lopez@gmail.com".to_owned()))]
    );
    assert_eq!(text["findings"][0]["source"], "raw");
    assert_eq!(text["decision"]["action"], "hold", "{text}");
    let docx = &lines[1];
    assert!(docx.get("error").is_some(), "{docx}");
    assert_eq!(
        findings(docx),
        [("phone".to_owned(), Some("+14158392716".to_owned()))],
        "{docx}"
    );
}

#[test]
fn scan_docs_names_missing_and_oversized_files() {
    let dir = tempfile::tempdir().unwrap();
    let big = dir.path().join("big.txt");
    fs::write(&big, vec![b'a'; 2 << 20]).unwrap();
    let missing = dir.path().join("missing.pdf");
    let output = offside(
        &[
            "scan",
            "--docs",
            "--max-file-mb",
            "1",
            big.to_str().unwrap(),
            missing.to_str().unwrap(),
        ],
        b"",
    );
    assert_eq!(output.status.code(), Some(1));
    let lines = json_lines(&output);
    assert_eq!(lines.len(), 2);
    let too_big = lines[0]["error"].as_str().unwrap();
    assert!(
        too_big.contains("2097152 bytes, over the limit of 1048576"),
        "{too_big}"
    );
    assert!(
        lines[1]["error"]
            .as_str()
            .unwrap()
            .contains("cannot read it"),
        "{}",
        lines[1]
    );

    let output = offside(&["scan", "--docs"], b"");
    assert_eq!(
        output.status.code(),
        Some(2),
        "clap refuses, or we do: {}",
        stderr(&output)
    );
}

#[test]
fn check_docs_recognises_an_nda_and_still_refuses_payment_details_in_it() {
    let dir = tempfile::tempdir().unwrap();
    let nda = dir.path().join("agreement.pdf");
    fs::write(&nda, pdf(&[NDA])).unwrap();
    let output = offside(&["check", "--docs", nda.to_str().unwrap()], b"");
    assert!(output.status.success(), "{}", stderr(&output));
    let line = &json_lines(&output)[0];
    assert_eq!(line["recognised"]["kind"], "nda", "{line}");
    let decision = &line["decision"];
    assert_eq!(decision["action"], "allow", "{decision}");
    assert_eq!(
        decision["exceptions"][0]["id"], "legal_document",
        "{decision}"
    );
    let why = decision["exceptions"][0]["why"].as_str().unwrap();
    assert!(why.contains("recognised from its content"), "{why}");
    assert!(why.contains("receiving party"), "{why}");

    // A declared kind wins over the content.
    let declared = offside(
        &[
            "check",
            "--docs",
            "--event",
            r#"{"attachment": {"kind": "other"}}"#,
            nda.to_str().unwrap(),
        ],
        b"",
    );
    let decision = &json_lines(&declared)[0]["decision"];
    assert_eq!(decision["action"], "hold", "{decision}");
    assert_eq!(decision["violations"][0]["id"], "contact.before_contract");

    // The legal exception covers e-mail addresses and phone numbers, not payment details.
    let mut with_paypal: Vec<&str> = NDA.to_vec();
    with_paypal.push("Send the deposit to my PayPal jordan.lee@example.com to skip the fee.");
    let paying = dir.path().join("nda-paypal.pdf");
    fs::write(&paying, pdf(&[&with_paypal])).unwrap();
    let output = offside(&["check", "--docs", paying.to_str().unwrap()], b"");
    let decision = &json_lines(&output)[0]["decision"];
    let ids: Vec<&str> = decision["violations"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v["id"].as_str().unwrap())
        .collect();
    assert!(ids.contains(&"payment.off_platform"), "{decision}");

    // A title and a phone number are not an NDA.
    let fake = dir.path().join("fake-nda.pdf");
    fs::write(
        &fake,
        pdf(&[&["NON-DISCLOSURE AGREEMENT", "Text me: +1 415 839 2716"]]),
    )
    .unwrap();
    let output = offside(&["check", "--docs", fake.to_str().unwrap()], b"");
    let line = &json_lines(&output)[0];
    assert!(line.get("recognised").is_none(), "{line}");
    assert_eq!(line["decision"]["action"], "hold", "{line}");

    // A bad --event is named, before any file is read.
    let output = offside(
        &[
            "check",
            "--docs",
            "--event",
            r#"{"relationship": {"state": "maybe"}}"#,
            nda.to_str().unwrap(),
        ],
        b"",
    );
    assert_eq!(output.status.code(), Some(2), "{}", stderr(&output));
    assert!(output.stdout.is_empty());
    let error = stderr(&output);
    assert!(
        error.contains("--event") && error.contains("maybe"),
        "{error}"
    );
}

/// A multipart/form-data body with the given parts: (name, filename, bytes).
fn multipart(parts: &[(&str, Option<&str>, &[u8])]) -> (String, Vec<u8>) {
    let boundary = "offside-test-boundary-7MA4YWxkTrZu0gW";
    let mut body = Vec::new();
    for (name, filename, bytes) in parts {
        body.extend_from_slice(format!("--{boundary}\r\n").as_bytes());
        let disposition = match filename {
            Some(file) => format!("Content-Disposition: form-data; name=\"{name}\"; filename=\"{file}\"\r\nContent-Type: application/octet-stream\r\n\r\n"),
            None => format!("Content-Disposition: form-data; name=\"{name}\"\r\n\r\n"),
        };
        body.extend_from_slice(disposition.as_bytes());
        body.extend_from_slice(bytes);
        body.extend_from_slice(b"\r\n");
    }
    body.extend_from_slice(format!("--{boundary}--\r\n").as_bytes());
    (format!("multipart/form-data; boundary={boundary}"), body)
}

fn post_attachment(
    server: &Server,
    auth: &str,
    content_type: &str,
    body: &[u8],
) -> common::server::HttpResponse {
    server.send(
        "POST",
        "/v1/attachments",
        &[("Authorization", auth), ("Content-Type", content_type)],
        body,
    )
}

#[test]
fn the_service_takes_attachments() {
    let dir = tempfile::tempdir().unwrap();
    let database = format!("sqlite:{}", dir.path().join("offside.db").display());
    let master = "osk_docs_master_key_0123456789abcdef";
    let server = Server::start(&database, &[("OFFSIDE_MASTER_KEY", master)]);
    let auth = format!("Bearer {master}");
    let resume = pdf(&[&["Jordan Lee"], &["Email me: jordan.lee.builds@gmail.com"]]);

    let (content_type, body) = multipart(&[
        ("file", Some("resume.pdf"), &resume),
        (
            "event",
            None,
            json!({"id": "att-1", "sender": {"id": "f1", "role": "freelancer"}})
                .to_string()
                .as_bytes(),
        ),
    ]);
    let response = post_attachment(&server, &auth, &content_type, &body);
    let answer = response.json();
    assert_eq!(response.status, 200, "{answer}");
    assert_eq!(answer["id"], "att-1");
    assert_eq!(
        (answer["file"].as_str(), answer["type"].as_str()),
        (Some("resume.pdf"), Some("pdf"))
    );
    assert_eq!(
        answer["findings"][0]["value"],
        "jordan.lee.builds@gmail.com"
    );
    assert_eq!(answer["findings"][0]["page"], 2);
    assert_eq!(answer["decision"]["action"], "hold", "{answer}");

    let nda = pdf(&[NDA]);
    let (content_type, body) = multipart(&[("file", Some("nda.pdf"), &nda)]);
    let response = post_attachment(&server, &auth, &content_type, &body);
    let answer = response.json();
    assert_eq!(answer["decision"]["action"], "allow", "{answer}");
    assert_eq!(answer["decision"]["exceptions"][0]["id"], "legal_document");

    // A corrupt file is still judged on its printable text, and says it is corrupt; a file
    // with no text at all is unreadable: 422 with the reason. No file: 400. No key: 401.
    let (content_type, body) = multipart(&[(
        "file",
        Some("x.pdf"),
        b"%PDF-1.4 nothing else but jordan.lee.builds@gmail.com",
    )]);
    let response = post_attachment(&server, &auth, &content_type, &body);
    let answer = response.json();
    assert_eq!(response.status, 200, "{answer}");
    assert!(
        answer["error"].as_str().unwrap().contains("corrupt"),
        "{answer}"
    );
    assert_eq!(answer["findings"][0]["source"], "raw", "{answer}");
    assert_eq!(answer["decision"]["action"], "hold", "{answer}");

    let (content_type, body) = multipart(&[("file", Some("x.bin"), b"\x00\x01\x02\x03")]);
    let response = post_attachment(&server, &auth, &content_type, &body);
    let answer = response.json();
    assert_eq!(
        (response.status, answer["error"]["code"].as_str()),
        (422, Some("unreadable_attachment")),
        "{answer}"
    );
    assert!(
        answer["error"]["message"]
            .as_str()
            .unwrap()
            .contains("binary data"),
        "{answer}"
    );

    let (content_type, body) = multipart(&[("event", None, b"{}")]);
    let response = post_attachment(&server, &auth, &content_type, &body);
    assert_eq!(response.status, 400, "{}", response.body);
    assert!(
        response.body.contains("no \\\"file\\\" part"),
        "{}",
        response.body
    );

    let response = server.send(
        "POST",
        "/v1/attachments",
        &[("Content-Type", &content_type)],
        &body,
    );
    assert_eq!(response.status, 401, "{}", response.body);

    // An unknown part and a malformed event are named.
    let (content_type, body) =
        multipart(&[("file", Some("a.txt"), b"hello"), ("evnt", None, b"{}")]);
    let response = post_attachment(&server, &auth, &content_type, &body);
    assert_eq!(response.status, 400);
    assert!(response.body.contains("evnt"), "{}", response.body);
}

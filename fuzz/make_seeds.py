#!/usr/bin/env python3
"""Writes the seed inputs of the fuzz targets into fuzz/corpus/<target>/ from the repo's
own test data: texts of testdata/corpus/dev.jsonl (one per tag), the events of
testdata/policy/cases.jsonl, the default policy, and a small file of each attachment
format built here. The fuzzer grows and minimises the corpus from these; run this again
only to reseed (it never removes a file).

    python3 fuzz/make_seeds.py
"""
import hashlib
import io
import json
import os
import struct
import zipfile
import zlib

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CORPUS = os.path.join(ROOT, "fuzz", "corpus")


def put(target, data):
    if isinstance(data, str):
        data = data.encode("utf-8")
    directory = os.path.join(CORPUS, target)
    os.makedirs(directory, exist_ok=True)
    name = hashlib.sha1(data).hexdigest()
    with open(os.path.join(directory, name), "wb") as out:
        out.write(data)


def texts():
    seen = set()
    with open(os.path.join(ROOT, "testdata", "corpus", "dev.jsonl"), encoding="utf-8") as lines:
        for line in lines:
            record = json.loads(line)
            tag = record.get("tag", "")
            if tag in seen:
                continue
            seen.add(tag)
            yield record["text"]


def zipped(entries):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in entries:
            archive.writestr(name, data)
    return buffer.getvalue()


W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
DOCX = zipped([
    ("[Content_Types].xml", '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>'),
    ("word/document.xml", f'<?xml version="1.0"?><w:document {W}><w:body><w:p><w:r><w:t>mail jo</w:t></w:r><w:r><w:t>e@example.com</w:t></w:r></w:p><w:p><w:r><w:tab/><w:t>+1 415 555 2671 &amp; x</w:t></w:r></w:p></w:body></w:document>'),
    ("word/header1.xml", f'<w:hdr {W}><w:p><w:r><w:t>call 415-555-0100</w:t></w:r></w:p></w:hdr>'),
])
ODT = zipped([
    ("mimetype", "application/vnd.oasis.opendocument.text"),
    ("content.xml", '<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"><office:body><office:text><text:p>write a.b@example.org<text:s text:c="3"/>now</text:p></office:text></office:body></office:document-content>'),
])
XLSX = zipped([
    ("[Content_Types].xml", '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>'),
    ("xl/workbook.xml", '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>'),
    ("xl/_rels/workbook.xml.rels", '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>'),
    ("xl/sharedStrings.xml", '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>pay me on paypal</t></si></sst>'),
    ("xl/worksheets/sheet1.xml", '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="inlineStr"><is><t>x@y.co</t></is></c></row></sheetData></worksheet>'),
])


def pdf():
    stream = b"BT /F1 12 Tf 20 100 Td (mail jane@example.com) Tj ET"
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 300 200] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % number + body + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    for offset in offsets:
        out.write(b"%010d 00000 n \n" % offset)
    out.write(b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref))
    return out.getvalue()


def png(width=8, height=8):
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
    rows = b"".join(b"\x00" + bytes((x * 30 + y * 7) % 256 for x in range(width)) for y in range(height))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b""))


def main():
    all_texts = list(texts())
    for text in all_texts:
        put("scan", text)
    for start in range(0, min(len(all_texts), 60), 3):
        put("scan_conversation", "\0".join(all_texts[start:start + 3]))
    with open(os.path.join(ROOT, "testdata", "policy", "cases.jsonl"), encoding="utf-8") as lines:
        for number, line in enumerate(lines):
            if number % 4 == 0:
                case = json.loads(line)
                put("event", json.dumps(case.get("event", case)))
    with open(os.path.join(ROOT, "crates", "policy", "src", "default_policy.toml"), encoding="utf-8") as policy:
        put("policy", policy.read())
    for text in all_texts[:20]:
        put("extract_text", text)
    put("extract_html", '<html><body><p>mail <b>jo</b>e@example.com</p><a href="mailto:x@y.co">me</a><a href="https://wa.me/14155552671">wa</a></body></html>')
    put("extract_pdf", pdf())
    put("extract_docx", DOCX)
    put("extract_odt", ODT)
    put("extract_xlsx", XLSX)
    put("extract_image", b"\x00" + png())
    for data in (DOCX, ODT, XLSX):
        put("salvage", data)


if __name__ == "__main__":
    main()

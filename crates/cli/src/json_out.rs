//! Writing JSON output by hand into a byte buffer.
//!
//! `offside scan` prints one small object per input line, hundreds of thousands of times a
//! second. Building a `serde_json::Value` (or a derived struct with owned strings) for each
//! would allocate for nothing, so the output lines are written field by field here, each
//! finding through the borrowing [`FindingJson`] (the format decisions use too). Strings and
//! numbers go through `serde_json`, so escaping and float formatting are exactly what any
//! JSON reader expects.

use offside_detect::Finding;
use offside_policy::FindingJson;
use serde_json::value::RawValue;

/// Appends `value` as a JSON string literal, escaped.
pub fn write_str(out: &mut Vec<u8>, value: &str) {
    // Writing into a Vec<u8> cannot fail, and a &str always serialises.
    let _ = serde_json::to_writer(&mut *out, value);
}

/// Appends an unsigned integer.
pub fn write_usize(out: &mut Vec<u8>, value: usize) {
    let _ = serde_json::to_writer(&mut *out, &value);
}

/// Appends a float the way serde_json prints it (shortest round-trip form; `null` if not
/// finite).
pub fn write_f32(out: &mut Vec<u8>, value: f32) {
    let _ = serde_json::to_writer(&mut *out, &value);
}

/// Appends the input's `id` exactly as it was written, or `null` when it had none.
pub fn write_raw_id(out: &mut Vec<u8>, id: Option<&RawValue>) {
    match id {
        Some(id) => out.extend_from_slice(id.get().as_bytes()),
        None => out.extend_from_slice(b"null"),
    }
}

/// Appends one finding as a JSON object, in the one finding format
/// ([`FindingJson::scan`]): `in_conversation` adds `message` (and, when more than one
/// message contributed, `messages` and `parts`: the evidence's span in each of them), which
/// only mean something for conversations.
pub fn write_finding(out: &mut Vec<u8>, finding: &Finding, in_conversation: bool) {
    // Writing into a Vec<u8> cannot fail, and a finding always serialises.
    let _ = serde_json::to_writer(&mut *out, &FindingJson::scan(finding, in_conversation));
}

/// Appends a whole `scan` output line: `{"id":…,"findings":[…]}` and a newline.
pub fn write_scan_line(
    out: &mut Vec<u8>,
    id: Option<&RawValue>,
    findings: &[Finding],
    in_conversation: bool,
) {
    write_scan_line_start(out, id);
    for (finding_idx, finding) in findings.iter().enumerate() {
        if finding_idx > 0 {
            out.push(b',');
        }
        write_finding(out, finding, in_conversation);
    }
    write_scan_line_end(out);
}

/// Appends the start of a `scan` output line, up to its findings array's `[`: the findings
/// then follow, separated by commas ([`write_finding`]), and [`write_scan_line_end`] closes it.
pub fn write_scan_line_start(out: &mut Vec<u8>, id: Option<&RawValue>) {
    out.extend_from_slice(b"{\"id\":");
    write_raw_id(out, id);
    out.extend_from_slice(b",\"findings\":[");
}

/// Closes a line begun by [`write_scan_line_start`].
pub fn write_scan_line_end(out: &mut Vec<u8>) {
    out.extend_from_slice(b"]}\n");
}

/// Appends a `scan` output line like [`write_scan_line`], with an `"explain"` array of
/// `{"ngram", "weight"}` in each finding for which `explain` gives one (`scan --explain`).
pub fn write_scan_line_explained(
    out: &mut Vec<u8>,
    id: Option<&RawValue>,
    findings: &[Finding],
    in_conversation: bool,
    explain: impl Fn(&Finding) -> Option<Vec<(String, f32)>>,
) {
    out.extend_from_slice(b"{\"id\":");
    write_raw_id(out, id);
    out.extend_from_slice(b",\"findings\":[");
    for (finding_idx, finding) in findings.iter().enumerate() {
        if finding_idx > 0 {
            out.push(b',');
        }
        write_finding(out, finding, in_conversation);
        if let Some(ngrams) = explain(finding) {
            // Reopen the object just written to add the explanation.
            out.pop();
            out.extend_from_slice(b",\"explain\":[");
            for (ngram_idx, (ngram, weight)) in ngrams.iter().enumerate() {
                if ngram_idx > 0 {
                    out.push(b',');
                }
                out.extend_from_slice(b"{\"ngram\":");
                write_str(out, ngram);
                out.extend_from_slice(b",\"weight\":");
                write_f32(out, *weight);
                out.push(b'}');
            }
            out.extend_from_slice(b"]}");
        }
    }
    out.extend_from_slice(b"]}\n");
}

/// Appends an error line: `{"id":null,"line":N,"error":"…"}` (with `"file"` when the input
/// came from a named file) and a newline.
pub fn write_error_line(out: &mut Vec<u8>, location: &LineLocation<'_>, error: &str) {
    write_error_line_with_id(out, None, location, error);
}

/// Appends an error line that echoes the input's `id` when it could be read:
/// `{"id":…,"line":N,"error":"…"}` (with `"file"` for named files) and a newline.
pub fn write_error_line_with_id(
    out: &mut Vec<u8>,
    id: Option<&RawValue>,
    location: &LineLocation<'_>,
    error: &str,
) {
    out.extend_from_slice(b"{\"id\":");
    write_raw_id(out, id);
    out.extend_from_slice(b",\"line\":");
    write_usize(out, location.line);
    if let Some(file) = location.file {
        out.extend_from_slice(b",\"file\":");
        write_str(out, file);
    }
    out.extend_from_slice(b",\"error\":");
    write_str(out, error);
    out.extend_from_slice(b"}\n");
}

/// Where an input line came from, for error lines.
#[derive(Debug, Clone, Copy)]
pub struct LineLocation<'a> {
    /// The file name as given on the command line; `None` for standard input.
    pub file: Option<&'a str>,
    /// The 1-based line number within that input.
    pub line: usize,
}

#[cfg(test)]
mod tests {
    use super::*;
    use offside_detect::Kind;

    #[test]
    fn explained_findings_carry_their_ngrams_and_others_do_not() {
        let findings = [
            Finding::new(Kind::Payment, None, 0, 9, 0.55, "intent/model:medium"),
            Finding::new(
                Kind::Email,
                Some("a@b.co".into()),
                10,
                16,
                0.95,
                "email/plain",
            ),
        ];
        let mut out = Vec::new();
        write_scan_line_explained(&mut out, None, &findings, false, |f| {
            f.rule
                .starts_with("intent/")
                .then(|| vec![("directly".to_string(), 0.5), (" dire".to_string(), -0.25)])
        });
        let line: serde_json::Value = serde_json::from_slice(&out).expect("one JSON line");
        let found = line["findings"].as_array().expect("findings");
        assert_eq!(found[0]["explain"][0]["ngram"], "directly");
        assert_eq!(found[0]["explain"][1]["weight"], -0.25);
        assert_eq!(found[0]["rule"], "intent/model:medium");
        assert!(found[1].get("explain").is_none());
        assert!(out.ends_with(b"\n"));
    }
}

//! Masking findings so the platform can deliver a cleaned message.

use crate::Finding;

/// Replaces the evidence of every finding by its kind's mask (`[email hidden]`).
///
/// Overlapping findings are merged: the first (leftmost, then longest) one's mask is used.
/// Spans that are not valid for `text` (which cannot come from this crate's engine) are
/// skipped rather than trusted.
pub fn redact(text: &str, findings: &[Finding]) -> String {
    let mut spans: Vec<(usize, usize, &'static str)> = findings
        .iter()
        .filter(|f| f.message.is_none() || f.messages.len() <= 1)
        .filter(|f| f.start < f.end && f.end <= text.len())
        .filter(|f| text.is_char_boundary(f.start) && text.is_char_boundary(f.end))
        .map(|f| (f.start, f.end, f.kind.mask()))
        .collect();
    spans.sort_by(|a, b| a.0.cmp(&b.0).then(b.1.cmp(&a.1)));
    let mut out = String::with_capacity(text.len());
    let mut cursor = 0;
    for (start, end, mask) in spans {
        if start < cursor {
            // Overlaps the previous mask: extend it instead of masking twice.
            if end > cursor {
                cursor = end;
            }
            continue;
        }
        out.push_str(&text[cursor..start]);
        out.push_str(mask);
        cursor = end;
    }
    out.push_str(&text[cursor..]);
    out
}

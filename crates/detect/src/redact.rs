//! Masking findings so the platform can deliver a cleaned message.

use crate::Finding;

/// Replaces the evidence of every finding by its kind's mask (`[email hidden]`).
///
/// Overlapping findings are merged: the first (leftmost, then longest) one's mask is used.
/// Spans that are not valid for `text` (which cannot come from this crate's engine) are
/// skipped rather than trusted.
pub fn redact(text: &str, findings: &[Finding]) -> String {
    let spans = findings
        .iter()
        .filter(|f| f.message.is_none() || f.messages.len() <= 1)
        .map(|f| (f.start, f.end, f.kind.mask()))
        .collect();
    mask(text, spans)
}

/// Masks a conversation: every message's text with the evidence it holds replaced by its
/// kind's mask, from findings of [`crate::Engine::scan_conversation`] on the same messages.
///
/// A value split over several messages is masked in every message it touches (its
/// [`Finding::parts`]), so no piece of it is delivered.
pub fn redact_conversation(messages: &[&str], findings: &[Finding]) -> Vec<String> {
    messages
        .iter()
        .enumerate()
        .map(|(index, text)| {
            let mut spans = Vec::new();
            for finding in findings {
                if finding.parts.is_empty() {
                    if finding.message == Some(index) {
                        spans.push((finding.start, finding.end, finding.kind.mask()));
                    }
                } else {
                    spans.extend(
                        finding
                            .parts
                            .iter()
                            .filter(|part| part.message == index)
                            .map(|part| (part.start, part.end, finding.kind.mask())),
                    );
                }
            }
            mask(text, spans)
        })
        .collect()
}

/// Replaces each span by its mask, merging overlaps; invalid spans are skipped.
fn mask(text: &str, spans: Vec<(usize, usize, &'static str)>) -> String {
    let mut spans: Vec<(usize, usize, &'static str)> = spans
        .into_iter()
        .filter(|&(start, end, _)| start < end && end <= text.len())
        .filter(|&(start, end, _)| text.is_char_boundary(start) && text.is_char_boundary(end))
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

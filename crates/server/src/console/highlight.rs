//! The evidence in place: a message's text with each finding wrapped in
//! `<mark class="finding" data-kind="...">`, escaped by maud.

use maud::{html, Markup};

/// A finding as the stored answer has it: a byte span of one message's original text.
#[derive(Debug, Clone, PartialEq)]
pub struct Span {
    /// Byte offset where the evidence starts.
    pub start: usize,
    /// Byte offset where it ends.
    pub end: usize,
    /// The finding kind (`email`, `phone`...).
    pub kind: String,
    /// The canonical value (`alex@gmail.com`).
    pub value: String,
}

/// The text with the spans marked. Spans that overlap an earlier one, run past the end or
/// cut a character are left unmarked rather than trusted.
pub fn highlight(text: &str, spans: &[Span]) -> Markup {
    let mut spans: Vec<&Span> = spans.iter().collect();
    spans.sort_by_key(|span| (span.start, std::cmp::Reverse(span.end)));
    let mut pieces: Vec<(&str, Option<&Span>)> = Vec::new();
    let mut at = 0;
    for span in spans {
        if span.start < at || span.start >= span.end {
            continue;
        }
        let (Some(before), Some(evidence)) =
            (text.get(at..span.start), text.get(span.start..span.end))
        else {
            continue;
        };
        pieces.push((before, None));
        pieces.push((evidence, Some(span)));
        at = span.end;
    }
    pieces.push((text.get(at..).unwrap_or(""), None));
    html! {
        @for (piece, span) in pieces {
            @match span {
                Some(span) => mark.finding data-kind=(span.kind) title=(format!("{}: {}", span.kind, span.value)) { (piece) }
                None => (piece),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn span(start: usize, end: usize, kind: &str) -> Span {
        Span {
            start,
            end,
            kind: kind.into(),
            value: "v".into(),
        }
    }

    #[test]
    fn marks_spans_in_place_and_escapes_the_rest() {
        let text = "<b>mail</b> alex at gmail dot com now";
        let html = highlight(text, &[span(12, 33, "email")]).into_string();
        assert_eq!(
            html,
            "&lt;b&gt;mail&lt;/b&gt; <mark class=\"finding\" data-kind=\"email\" \
             title=\"email: v\">alex at gmail dot com</mark> now"
        );
    }

    #[test]
    fn bad_spans_are_left_unmarked() {
        let text = "héllo 415 555 2671";
        // Overlapping, inverted, out of range, and cutting the é.
        let spans = [
            span(7, 19, "phone"),
            span(10, 14, "phone"),
            span(5, 3, "x"),
            span(7, 99, "x"),
            span(1, 2, "x"),
        ];
        let html = highlight(text, &spans).into_string();
        assert_eq!(html.matches("<mark").count(), 1, "{html}");
        assert!(html.contains(">415 555 2671</mark>"));
        assert!(html.starts_with("héllo "));
    }
}

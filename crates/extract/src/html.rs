//! HTML: the visible text in document order, then the link targets it does not show.
//!
//! The page is parsed by html5ever (through `scraper`), so entities, unclosed tags and
//! broken markup come out as a browser would see them. Block elements end lines, so two
//! paragraphs never glue into one word for the detector, while inline markup
//! (`alex<b>@</b>gmail.com`) stays joined.

use html5ever::tendril::{StrTendril, TendrilSink};
use scraper::{Html, HtmlTreeSink, Node};

use crate::{Ctx, Document, ExtractError, FileType, Location, Segment, Source};

/// Bytes of HTML parsed between two looks at the clock.
const CHUNK: usize = 16 << 10;

/// Elements whose content is not shown.
const HIDDEN: &[&str] = &["script", "style", "template", "head"];

/// Elements that start and end a line.
const BLOCKS: &[&str] = &[
    "address",
    "article",
    "aside",
    "blockquote",
    "body",
    "caption",
    "dd",
    "details",
    "dialog",
    "div",
    "dl",
    "dt",
    "fieldset",
    "figcaption",
    "figure",
    "footer",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hr",
    "html",
    "legend",
    "li",
    "main",
    "nav",
    "ol",
    "option",
    "p",
    "pre",
    "section",
    "summary",
    "table",
    "tbody",
    "tfoot",
    "thead",
    "title",
    "tr",
    "ul",
    "button",
    "select",
    "textarea",
];

pub(crate) fn extract(bytes: &[u8], ctx: &Ctx) -> Result<Document, ExtractError> {
    let source = crate::text::decode(bytes);
    ctx.check_time()?;
    // Fed in chunks so that the clock is checked while parsing: a page of thousands of
    // nested elements costs html5ever time quadratic in its depth.
    let mut parser = html5ever::driver::parse_document(
        HtmlTreeSink::new(Html::new_document()),
        Default::default(),
    );
    let mut rest = source.as_str();
    while !rest.is_empty() {
        ctx.check_time()?;
        let mut cut = rest.len().min(CHUNK);
        while !rest.is_char_boundary(cut) {
            cut += 1;
        }
        let (chunk, tail) = rest.split_at(cut);
        parser.process(StrTendril::from_slice(chunk));
        rest = tail;
    }
    let html = parser.finish();
    ctx.check_time()?;

    let mut out = Text::default();
    let mut attributes: Vec<String> = Vec::new();
    let mut links: Vec<String> = Vec::new();
    // Depth inside hidden elements; the title is shown although it sits in the head.
    let mut hidden = 0usize;
    // An explicit stack: a hostile page may nest deeper than the call stack allows.
    let mut stack = vec![(html.tree.root(), false)];
    while let Some((node, closing)) = stack.pop() {
        let element = node.value().as_element();
        let name = element.map(|e| e.name()).unwrap_or("");
        let is_hidden = HIDDEN.contains(&name);
        if closing {
            if is_hidden {
                hidden = hidden.saturating_sub(1);
            }
            match name {
                "td" | "th" => out.separate('\t'),
                _ if BLOCKS.contains(&name) => out.separate('\n'),
                _ => {}
            }
            continue;
        }
        match node.value() {
            Node::Text(text) => {
                let in_title = node
                    .parent()
                    .and_then(|p| p.value().as_element().map(|e| e.name() == "title"))
                    .unwrap_or(false);
                if hidden == 0 || in_title {
                    out.push(text);
                }
            }
            Node::Element(element) => {
                if hidden == 0 {
                    match name {
                        "br" => out.separate('\n'),
                        "td" | "th" => out.separate('\t'),
                        "img" | "input" | "area" => out.separate(' '),
                        _ if BLOCKS.contains(&name) => out.separate('\n'),
                        _ => {}
                    }
                    for attr in ["alt", "title", "placeholder", "aria-label"] {
                        if let Some(value) = element.attr(attr) {
                            let value = value.trim();
                            if !value.is_empty() {
                                attributes.push(value.to_owned());
                            }
                        }
                    }
                }
                let target = match name {
                    "a" | "area" => element.attr("href"),
                    "iframe" => element.attr("src"),
                    _ => None,
                };
                if let Some(target) = target {
                    let target = target.trim();
                    if !target.is_empty() && !target.starts_with('#') {
                        links.push(target.to_owned());
                    }
                }
                if is_hidden {
                    hidden += 1;
                }
            }
            _ => {}
        }
        stack.push((node, true));
        let children: Vec<_> = node.children().collect();
        stack.extend(children.into_iter().rev().map(|child| (child, false)));
    }

    let mut visible = out.finish();
    for attribute in attributes {
        if !visible.contains(&attribute) {
            if !visible.is_empty() {
                visible.push('\n');
            }
            visible.push_str(&attribute);
        }
    }
    let mut shown_links: Vec<String> = Vec::new();
    for link in links {
        let shown = crate::office::link_text(&link);
        if visible.contains(&link) || visible.contains(link_address(&shown)) {
            continue;
        }
        crate::office::push_unique(&mut shown_links, shown);
    }
    let link_text = shown_links.join("\n");

    let mut segments = Vec::new();
    if !visible.is_empty() {
        segments.push(Segment::text(visible, Source::Text, Location::default()));
    }
    if !link_text.is_empty() {
        segments.push(Segment::text(link_text, Source::Link, Location::default()));
    }
    Ok(Document {
        file_type: FileType::Html,
        pages: 1,
        segments,
        warnings: Vec::new(),
    })
}

/// What a `mailto:`, `tel:` or `sms:` target points at (`alex@gmail.com` of
/// `mailto:alex@gmail.com?subject=hi`), to tell whether the page shows it already; other
/// targets as they are.
fn link_address(target: &str) -> &str {
    for scheme in ["mailto:", "tel:", "sms:"] {
        if target.len() > scheme.len()
            && target
                .get(..scheme.len())
                .is_some_and(|s| s.eq_ignore_ascii_case(scheme))
        {
            let rest = target.get(scheme.len()..).unwrap_or(target);
            return rest.split('?').next().unwrap_or(rest).trim();
        }
    }
    target
}

/// `%XX` escapes decoded (RFC 3986: `+` stays a plus); the text is left as written when the
/// result is not UTF-8.
pub(crate) fn percent_decode(s: &str) -> String {
    match percent_encoding::percent_decode_str(s).decode_utf8() {
        Ok(decoded) => decoded.into_owned(),
        Err(_) => s.to_owned(),
    }
}

/// Visible text being assembled: whitespace runs collapse to one space, separators are
/// never doubled.
#[derive(Default)]
struct Text {
    text: String,
}

impl Text {
    fn push(&mut self, s: &str) {
        for c in s.chars() {
            if c.is_whitespace() {
                if !self.text.is_empty() && !self.text.ends_with(char::is_whitespace) {
                    self.text.push(' ');
                }
            } else {
                self.text.push(c);
            }
        }
    }

    /// Ends the current line or cell with `sep` (a space is replaced by it).
    fn separate(&mut self, sep: char) {
        if self.text.is_empty() {
            return;
        }
        if self.text.ends_with(' ') {
            self.text.pop();
        }
        match self.text.chars().last() {
            Some('\n') => {}
            Some('\t') if sep == '\n' => {
                self.text.pop();
                self.text.push('\n');
            }
            Some('\t') => {}
            _ => self.text.push(sep),
        }
    }

    fn finish(self) -> String {
        self.text.trim().to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::percent_decode;

    #[test]
    fn link_targets_decode_escapes_only() {
        assert_eq!(percent_decode("alex%40gmail.com"), "alex@gmail.com");
        assert_eq!(percent_decode("caf%C3%A9"), "café");
        // A plus is a plus in a URI; invalid or cut escapes are kept.
        assert_eq!(percent_decode("a+b"), "a+b");
        assert_eq!(percent_decode("100%"), "100%");
        assert_eq!(percent_decode("%zz%4"), "%zz%4");
        // A result that is not UTF-8 leaves the target as written.
        assert_eq!(percent_decode("%FFok"), "%FFok");
    }
}

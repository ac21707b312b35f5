//! The human-readable report of `offside scan --text`: the text with each finding's evidence
//! highlighted, then one row per finding.
//!
//! On a terminal the evidence is coloured; anywhere else (a pipe, a file, `--color never`)
//! it is wrapped in `[[` `]]` and numbered, so the report still says where the evidence is.
//! Invisible characters (zero-width, bidi controls, other control characters) are shown as
//! `<U+200B>`: they are a common way to hide a contact detail, and a reviewer must see them.
//! Long stretches of text without findings are shortened so a 10 MB document gives a report
//! a person can read.

use std::fmt::Write as _;

use anstyle::{AnsiColor, Effects, Style};
use offside_detect::Finding;

/// Text between two highlights longer than this is shortened to its two ends.
const MAX_GAP_CHARS: usize = 240;
/// How much of each end of a shortened gap is kept.
const GAP_KEEP_CHARS: usize = 80;

/// Styles for the report; all plain when colour is off.
#[derive(Debug, Clone, Copy)]
pub struct Palette {
    colour: bool,
    evidence: Style,
    marker: Style,
    heading: Style,
    kind: Style,
    dim: Style,
}

impl Palette {
    /// A palette that colours when `colour` is true.
    pub fn new(colour: bool) -> Palette {
        if !colour {
            return Palette {
                colour,
                evidence: Style::new(),
                marker: Style::new(),
                heading: Style::new(),
                kind: Style::new(),
                dim: Style::new(),
            };
        }
        Palette {
            colour,
            evidence: Style::new()
                .fg_color(Some(AnsiColor::BrightRed.into()))
                .effects(Effects::BOLD | Effects::UNDERLINE),
            marker: Style::new().fg_color(Some(AnsiColor::Yellow.into())),
            heading: Style::new().effects(Effects::BOLD),
            kind: Style::new().fg_color(Some(AnsiColor::Cyan.into())),
            dim: Style::new().effects(Effects::DIMMED),
        }
    }
}

/// Renders the report for one text. `source` names it (a file name or "standard input").
pub fn render(source: &str, text: &str, findings: &[Finding], palette: Palette) -> String {
    let mut report = String::new();
    let heading = palette.heading;
    let summary = match findings.len() {
        0 => "no findings".to_owned(),
        1 => "1 finding".to_owned(),
        n => format!("{n} findings"),
    };
    let _ = writeln!(report, "{heading}{source}: {summary}{heading:#}");
    if findings.is_empty() {
        return report;
    }
    report.push('\n');
    render_highlighted(&mut report, text, findings, palette);
    report.push_str(if report.ends_with('\n') { "\n" } else { "\n\n" });
    render_table(&mut report, text, findings, palette);
    report
}

/// One highlighted region: merged overlapping finding spans, with the 1-based numbers of
/// the findings in it.
struct Highlight {
    start: usize,
    end: usize,
    finding_numbers: Vec<usize>,
}

fn highlights(text: &str, findings: &[Finding]) -> Vec<Highlight> {
    let mut spans: Vec<(usize, usize, usize)> = findings
        .iter()
        .enumerate()
        .filter(|(_, f)| f.start < f.end && f.end <= text.len())
        .filter(|(_, f)| text.is_char_boundary(f.start) && text.is_char_boundary(f.end))
        .map(|(finding_idx, f)| (f.start, f.end, finding_idx + 1))
        .collect();
    spans.sort_unstable();
    let mut merged: Vec<Highlight> = Vec::new();
    for (start, end, number) in spans {
        match merged.last_mut() {
            Some(last) if start < last.end => {
                last.end = last.end.max(end);
                last.finding_numbers.push(number);
            }
            _ => merged.push(Highlight {
                start,
                end,
                finding_numbers: vec![number],
            }),
        }
    }
    merged
}

fn render_highlighted(report: &mut String, text: &str, findings: &[Finding], palette: Palette) {
    let mut cursor = 0;
    let all = highlights(text, findings);
    for (highlight_idx, highlight) in all.iter().enumerate() {
        let gap = &text[cursor..highlight.start];
        push_gap(report, gap, highlight_idx == 0, false, palette);
        let numbers: Vec<String> = highlight
            .finding_numbers
            .iter()
            .map(|n| n.to_string())
            .collect();
        let evidence = &text[highlight.start..highlight.end];
        let (evidence_style, marker) = (palette.evidence, palette.marker);
        if palette.colour {
            let _ = write!(report, "{evidence_style}");
            push_visible(report, evidence, palette, Some(evidence_style));
            let _ = write!(
                report,
                "{evidence_style:#}{marker}#{}{marker:#}",
                numbers.join(",")
            );
        } else {
            report.push_str("[[");
            push_visible(report, evidence, palette, None);
            let _ = write!(report, "]]#{}", numbers.join(","));
        }
        cursor = highlight.end;
    }
    push_gap(report, &text[cursor..], all.is_empty(), true, palette);
}

/// Appends text between highlights, shortening long gaps: the start of the text keeps only
/// its end, the end of the text only its start, and a gap between two highlights both ends.
fn push_gap(report: &mut String, gap: &str, is_first: bool, is_last: bool, palette: Palette) {
    let n_chars = gap.chars().count();
    if n_chars <= MAX_GAP_CHARS {
        push_visible(report, gap, palette, None);
        return;
    }
    let head_end = gap
        .char_indices()
        .nth(GAP_KEEP_CHARS)
        .map_or(gap.len(), |(i, _)| i);
    let tail_start = gap
        .char_indices()
        .nth(n_chars - GAP_KEEP_CHARS)
        .map_or(0, |(i, _)| i);
    let dim = palette.dim;
    let elided = |report: &mut String, n: usize| {
        let _ = write!(report, "{dim} …({n} characters)… {dim:#}");
    };
    if !is_first {
        push_visible(report, &gap[..head_end], palette, None);
    }
    let kept = if is_first || is_last {
        GAP_KEEP_CHARS
    } else {
        2 * GAP_KEEP_CHARS
    };
    elided(report, n_chars - kept);
    if !is_last {
        push_visible(report, &gap[tail_start..], palette, None);
    }
}

/// Appends `text`, replacing invisible and control characters (other than newline and tab)
/// with a visible `<U+XXXX>`. `restore` is the style to resume after a dimmed code point.
fn push_visible(report: &mut String, text: &str, palette: Palette, restore: Option<Style>) {
    let dim = palette.dim;
    for c in text.chars() {
        if is_invisible(c) {
            let _ = write!(report, "{dim}<U+{:04X}>{dim:#}", c as u32);
            if let Some(style) = restore {
                let _ = write!(report, "{style}");
            }
        } else {
            report.push(c);
        }
    }
}

fn is_invisible(c: char) -> bool {
    (c.is_control() && c != '\n' && c != '\t')
        || matches!(
            c,
            '\u{00AD}'
                | '\u{034F}'
                | '\u{061C}'
                | '\u{115F}'
                | '\u{1160}'
                | '\u{17B4}'
                | '\u{17B5}'
                | '\u{180B}'..='\u{180F}'
                | '\u{200B}'..='\u{200F}'
                | '\u{202A}'..='\u{202E}'
                | '\u{2060}'..='\u{206F}'
                | '\u{3164}'
                | '\u{FE00}'..='\u{FE0F}'
                | '\u{FEFF}'
                | '\u{FFA0}'
                | '\u{E0000}'..='\u{E007F}'
        )
}

fn render_table(report: &mut String, text: &str, findings: &[Finding], palette: Palette) {
    let values: Vec<String> = findings
        .iter()
        .map(|f| f.value.clone().unwrap_or_else(|| "-".to_owned()))
        .collect();
    let value_width = values
        .iter()
        .map(|v| v.chars().count())
        .max()
        .unwrap_or(1)
        .min(40);
    let rule_width = findings.iter().map(|f| f.rule.len()).max().unwrap_or(1);
    let kind = palette.kind;
    for (finding_idx, (finding, value)) in findings.iter().zip(&values).enumerate() {
        let (line, column) = line_and_column(text, finding.start);
        let _ = write!(
            report,
            "  #{:<3} {kind}{:<12}{kind:#} {:<value_width$}  {:.2}  {:<rule_width$}  bytes {}..{} (line {line}, column {column})",
            finding_idx + 1,
            finding.kind.as_str(),
            value,
            finding.confidence,
            finding.rule,
            finding.start,
            finding.end,
        );
        if finding.messages.len() > 1 {
            let _ = write!(report, " messages {:?}", finding.messages);
        } else if let Some(message) = finding.message {
            let _ = write!(report, " message {message}");
        }
        report.push('\n');
    }
}

/// 1-based line and column (in characters) of a byte offset; offsets past the end or inside
/// a character are clamped rather than trusted.
fn line_and_column(text: &str, offset: usize) -> (usize, usize) {
    let mut offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    let before = &text[..offset];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let column = before[line_start..].chars().count() + 1;
    (line, column)
}

#[cfg(test)]
mod tests {
    use super::*;
    use offside_detect::Kind;

    fn finding(kind: Kind, value: &str, start: usize, end: usize) -> Finding {
        Finding::new(kind, Some(value.to_owned()), start, end, 0.9, "test/rule")
    }

    #[test]
    fn plain_report_brackets_the_evidence() {
        let text = "mail me at alex@example.com please";
        let findings = [finding(Kind::Email, "alex@example.com", 11, 27)];
        let report = render("stdin", text, &findings, Palette::new(false));
        assert!(
            report.contains("mail me at [[alex@example.com]]#1 please"),
            "{report}"
        );
        assert!(report.contains("#1   email"), "{report}");
        assert!(report.contains("line 1, column 12"), "{report}");
        assert!(!report.contains('\x1b'));
    }

    #[test]
    fn overlapping_findings_share_one_highlight() {
        let text = "pay paypal.me/alex now";
        let findings = [
            finding(Kind::Payment, "paypal", 4, 10),
            finding(Kind::Url, "paypal.me/alex", 4, 18),
        ];
        let report = render("x", text, &findings, Palette::new(false));
        assert!(
            report.contains("pay [[paypal.me/alex]]#1,2 now"),
            "{report}"
        );
    }

    #[test]
    fn invisible_characters_are_shown() {
        let text = "a\u{200B}b";
        let findings = [finding(Kind::Email, "ab", 0, text.len())];
        let report = render("x", text, &findings, Palette::new(false));
        assert!(report.contains("[[a<U+200B>b]]"), "{report}");
    }

    #[test]
    fn long_gaps_are_shortened_and_bad_spans_ignored() {
        let text = format!("{}alex@example.com{}", "x".repeat(5000), "y".repeat(5000));
        let findings = [
            finding(Kind::Email, "alex@example.com", 5000, 5016),
            finding(Kind::Phone, "+1", 4, 99_999),
        ];
        let report = render("x", &text, &findings, Palette::new(true));
        assert!(report.len() < 2000, "{}", report.len());
        assert!(report.contains("alex@example.com"));
    }
}

//! Decoding: contact values written in an encoding a person reads through but a filter does
//! not.
//!
//! - **HTML character references**: `alex&#64;gmail&#46;com`, `&#x40;`, `&commat;`,
//!   `&period;` (named references from the WHATWG table of the `html-escape` crate).
//! - **Percent-encoding**: `mailto:alex%40gmail.com` (`percent-encoding`).
//! - **String literals' escapes**: `ali.raza\x40yahoo\x2ecom`, `\u0040`, `\u{40}`,
//!   `\U00000040` (printable characters only).
//! - **Defanged links**, as threat reports write them so nobody clicks: `hxxps://`, `[.]`,
//!   `(.)`, `{.}`, `[dot]`, `[:]//`, `[://]`, `[@]`.
//! - **Values split over lines**: a line break right after or before an `@`, or inside an
//!   address or a link after a `.`, `/`, `-` or `_`.
//! - **Reversed text**: `moc.liamg@xela` is taken only when the word does not read as an
//!   address forwards and does backwards, under a known public suffix; `moc.elpmaxe//:sptth`
//!   likewise.
//! - **Base64**: a run of 16 or more characters of the base64 alphabets that decodes (`base64`)
//!   to printable text holding an e-mail address, a link or a phone number, reported over the
//!   whole run.
//!
//! Every pass is gated by a cheap look at the bytes (an `&` before `#` or a letter, `%` and two
//! hex digits, a defanging mark, an `@`, a base64 run): a text without one costs those
//! searches and nothing else. A decoded view is then built with a map back to the original,
//! and the e-mail, link and phone detectors read it; what they find there and not in the text
//! as written is reported over the original characters, with a `decode/…` rule. A view decoded
//! in place is mostly the text as written, and only findings over a decoded piece are kept: it
//! is read only around its decoded pieces ([`READ_MARGIN`] either side, widened to whole words),
//! which finds the same (a test holds the windows to the whole view).

use std::sync::LazyLock;

use aho_corasick::{AhoCorasick, MatchKind};
use base64::engine::{DecodePaddingMode, GeneralPurpose, GeneralPurposeConfig};
use base64::Engine as _;

use crate::detectors::{email, links, phone, Detector, ScanContext};
use crate::normalize::Normalized;
use crate::{Finding, Kind};

/// How a piece of a decoded view was decoded; `None` for text copied as written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum How {
    Entity,
    Percent,
    Escape,
    Defanged,
    LineBreak,
    Spaced,
    Reversed,
    Base64,
}

impl How {
    fn rule(self) -> &'static str {
        match self {
            How::Entity => "decode/html_entity",
            How::Percent => "decode/percent",
            How::Escape => "decode/escape",
            How::Defanged => "decode/defanged",
            How::LineBreak => "decode/line_break",
            How::Spaced => "decode/spaced",
            How::Reversed => "decode/reversed",
            How::Base64 => "decode/base64",
        }
    }
}

/// One piece of a decoded view: `decoded` bytes of the view stand for `original` bytes of
/// the text.
#[derive(Debug, Clone, Copy)]
struct Piece {
    decoded: (usize, usize),
    original: (usize, usize),
    how: Option<How>,
}

/// A decoded view of a text and its map back.
#[derive(Debug, Default)]
struct Decoded {
    text: String,
    pieces: Vec<Piece>,
}

impl Decoded {
    /// Appends `original[from..to]` as written.
    fn copy(&mut self, original: &str, from: usize, to: usize) {
        if from < to {
            let start = self.text.len();
            self.text.push_str(&original[from..to]);
            self.pieces.push(Piece {
                decoded: (start, self.text.len()),
                original: (from, to),
                how: None,
            });
        }
    }

    /// Appends `decoded`, which stands for `original_span` of the text.
    fn push(&mut self, decoded: &str, original_span: (usize, usize), how: How) {
        let start = self.text.len();
        self.text.push_str(decoded);
        self.pieces.push(Piece {
            decoded: (start, self.text.len()),
            original: original_span,
            how: Some(how),
        });
    }

    fn changed(&self) -> bool {
        self.pieces.iter().any(|p| p.how.is_some())
    }

    /// The stretches of the view read for findings over its decoded pieces, as `(start,
    /// end)` in order: [`READ_MARGIN`] bytes each side of every decoded piece, widened to
    /// the nearest space or line break so no word is cut (a link is a word, however long),
    /// merged where they overlap or touch. Each search for a break covers bytes no earlier
    /// search covered, so a view of one long word stays linear.
    fn read_windows(&self) -> Vec<(usize, usize)> {
        let bytes = self.text.as_bytes();
        let mut windows: Vec<(usize, usize)> = Vec::new();
        // The first break at or after the last place searched forward from (the view's end
        // when there is none).
        let mut next_break = (0, 0);
        for piece in self.pieces.iter().filter(|p| p.how.is_some()) {
            let (from, to) = piece.decoded;
            let near = from.saturating_sub(READ_MARGIN);
            let start = match windows.last() {
                // Inside the window before: joins it, whose start is a word's.
                Some(&(_, end)) if near <= end => near,
                // Back to the word's start; a word that reaches the window before joins it.
                last => {
                    let floor = last.map_or(0, |&(_, end)| end);
                    memchr::memrchr2(b' ', b'\n', &bytes[floor..near])
                        .map_or(floor, |at| floor + at + 1)
                }
            };
            let near = (to + READ_MARGIN).min(bytes.len());
            if !(next_break.0..=next_break.1).contains(&near) {
                let found = memchr::memchr2(b' ', b'\n', &bytes[near..]);
                next_break = (near, found.map_or(bytes.len(), |at| near + at));
            }
            let end = next_break.1;
            match windows.last_mut() {
                Some(last) if start <= last.1 => last.1 = last.1.max(end),
                _ => windows.push((start, end)),
            }
        }
        windows
    }

    /// The piece holding decoded byte `at` (the last piece for the end of the view).
    fn piece_at(&self, at: usize) -> Option<&Piece> {
        let idx = self.pieces.partition_point(|p| p.decoded.1 <= at);
        self.pieces.get(idx).or(self.pieces.last())
    }

    /// The original span of decoded `start..end`, and how the first decoded piece inside it
    /// was decoded (`None` when nothing in it was decoded).
    fn original_span(&self, start: usize, end: usize) -> Option<(usize, usize, Option<How>)> {
        let first = self.piece_at(start)?;
        let last = self.piece_at(end.saturating_sub(1).max(start))?;
        let map = |piece: &Piece, at: usize, is_end: bool| match piece.how {
            None => {
                piece.original.0 + (at - piece.decoded.0).min(piece.original.1 - piece.original.0)
            }
            Some(_) if is_end => piece.original.1,
            Some(_) => piece.original.0,
        };
        let original_start = map(first, start.clamp(first.decoded.0, first.decoded.1), false);
        let original_end = map(last, end.clamp(last.decoded.0, last.decoded.1), true);
        // The pieces are in order: from the first that ends after `start` to the last that
        // starts before `end`.
        let first_idx = self.pieces.partition_point(|p| p.decoded.1 <= start);
        let how = self.pieces[first_idx..]
            .iter()
            .take_while(|p| p.decoded.0 < end.max(start + 1))
            .find_map(|p| p.how);
        Some((original_start, original_end.max(original_start), how))
    }
}

/// Marks of defanged links, in any ASCII case, with what each stands for.
const DEFANGED: &[(&str, &str)] = &[
    ("hxxps", "https"),
    ("hxxp", "http"),
    ("[.]", "."),
    ("(.)", "."),
    ("{.}", "."),
    ("[dot]", "."),
    ("(dot)", "."),
    ("{dot}", "."),
    ("[:]", ":"),
    ("[://]", "://"),
    ("[@]", "@"),
];

/// Whether `bytes` hold a defanging mark ([`DEFANGED`], in any ASCII case). Every mark starts
/// with `[`, `(`, `{` or `hxxp`, so the marks are tried only there: an automaton of the marks
/// in all their cases has too many patterns for a fast prefilter and reads every byte.
fn has_defanging_mark(bytes: &[u8]) -> bool {
    let mark_at = |at: usize| {
        let input = aho_corasick::Input::new(bytes)
            .span(at..bytes.len())
            .anchored(aho_corasick::Anchored::Yes);
        DEFANGED_MARKS_ANCHORED.find(input).is_some()
    };
    memchr::memchr3_iter(b'[', b'(', b'{', bytes).any(mark_at)
        || memchr::memchr2_iter(b'x', b'X', bytes)
            .any(|at| at > 0 && matches!(bytes[at - 1], b'h' | b'H') && mark_at(at - 1))
}

/// Which passes a text needs, from a look at its bytes.
#[derive(Debug, Default, Clone, Copy)]
struct Gates {
    /// `&#` or `&` and a letter: maybe an HTML character reference.
    entity: bool,
    /// `%` and two hex digits.
    percent: bool,
    /// `\x`, `\u` or `\U` and a hex digit: maybe a string literal's escape.
    escape: bool,
    /// A defanging mark.
    defanged: bool,
    /// An `@`, `://` or `www.` with a line break: maybe a value split over lines.
    line_break: bool,
    /// ` . `, ` dot ` or ` / `: maybe a spaced link.
    spaced: bool,
    /// A word that may be reversed.
    reversed: bool,
    /// A base64 run.
    base64: bool,
}

/// Which of `" . "`, `"www."`, `"://"` and `"//:"` a text holds, from one pass over its dots
/// and slashes (four substring searches each read the whole of a text that has none).
#[derive(Debug, Default, PartialEq, Eq)]
struct DotSlashMarks {
    spaced_dot: bool,
    www: bool,
    scheme: bool,
    reversed_scheme: bool,
}

impl DotSlashMarks {
    fn of(bytes: &[u8]) -> DotSlashMarks {
        let mut marks = DotSlashMarks::default();
        let at = |i: usize| bytes.get(i).copied();
        for i in memchr::memchr2_iter(b'.', b'/', bytes) {
            if bytes[i] == b'.' {
                marks.spaced_dot |= i > 0 && bytes[i - 1] == b' ' && at(i + 1) == Some(b' ');
                marks.www |= i >= 3 && &bytes[i - 3..i] == b"www";
            } else if at(i + 1) == Some(b'/') {
                marks.scheme |= i > 0 && bytes[i - 1] == b':';
                marks.reversed_scheme |= at(i + 2) == Some(b':');
            }
            if marks.spaced_dot && marks.www && marks.scheme && marks.reversed_scheme {
                break;
            }
        }
        marks
    }
}

impl Gates {
    fn of(text: &str) -> Gates {
        let bytes = text.as_bytes();
        let entity = memchr::memchr_iter(b'&', bytes).any(|i| {
            bytes
                .get(i + 1)
                .is_some_and(|&b| b == b'#' || b.is_ascii_alphabetic())
        });
        let percent = memchr::memchr_iter(b'%', bytes).any(|i| {
            bytes.get(i + 1).is_some_and(u8::is_ascii_hexdigit)
                && bytes.get(i + 2).is_some_and(u8::is_ascii_hexdigit)
        });
        let escape = memchr::memchr_iter(b'\\', bytes).any(|i| escape_at(text, i).is_some());
        let defanged = has_defanging_mark(bytes);
        let at = memchr::memchr(b'@', bytes).is_some();
        let marks = DotSlashMarks::of(bytes);
        let line_break =
            (at || marks.scheme || marks.www) && memchr::memchr(b'\n', bytes).is_some();
        let reversed = (at && reversed_words(text).next().is_some()) || marks.reversed_scheme;
        let base64 = base64_runs(bytes).next().is_some();
        // A defanging mark may stand between spaces ("calendly (dot) com"), which the spaced
        // pass joins.
        let spaced = marks.spaced_dot
            || defanged
            || has_spoken_dot(bytes)
            || has_spaced_letters(bytes, SPACED_NAME_LETTERS);
        Gates {
            spaced,
            entity,
            percent,
            escape,
            defanged,
            line_break,
            reversed,
            base64,
        }
    }

    fn in_place(&self) -> bool {
        self.entity
            || self.percent
            || self.escape
            || self.defanged
            || self.line_break
            || self.spaced
    }
}

/// Reads a text through its encodings (see the module documentation).
#[derive(Default)]
pub struct DecodeDetector {
    links: links::LinkDetector,
}

impl Detector for DecodeDetector {
    fn name(&self) -> &'static str {
        "decode"
    }

    fn kinds(&self) -> &'static [Kind] {
        &[Kind::Email, Kind::Url, Kind::Phone]
    }

    fn detect(&self, text: &Normalized<'_>, scan: &ScanContext<'_>, out: &mut Vec<Finding>) {
        let original = text.original;
        let gates = Gates::of(original);
        if gates.in_place() {
            let decoded = decode_in_place(original, &gates);
            if decoded.changed() {
                // A long text decoded in place is mostly copied as written: only the
                // stretches around its decoded pieces are read.
                let found = self.found_around_pieces(&decoded, scan);
                self.report(&decoded, found, out);
            }
        }
        if gates.reversed {
            let decoded = reversed(original);
            if decoded.changed() {
                let found = self.found_in(&decoded.text, scan, false);
                self.report(&decoded, found, out);
            }
        }
        if gates.base64 {
            let decoded = base64_decoded(original);
            if decoded.changed() {
                let found = self.found_in(&decoded.text, scan, true);
                self.report(&decoded, found, out);
            }
        }
    }
}

impl DecodeDetector {
    /// What the e-mail and link detectors (and, for `phones`, the phone detector) find in
    /// `view`, a decoded view or a stretch of one.
    fn found_in(&self, view: &str, scan: &ScanContext<'_>, phones: bool) -> Vec<Finding> {
        let view = Normalized::new(view);
        let mut found = Vec::new();
        email::EmailDetector.detect(&view, scan, &mut found);
        self.links.detect(&view, scan, &mut found);
        crate::detectors::channels::detect_shared(&view, scan, &mut found);
        if phones {
            phone::PhoneDetector.detect(&view, scan, &mut found);
        }
        found
    }

    /// What [`DecodeDetector::found_in`] finds in the whole of `decoded` (without phones)
    /// that can matter to [`DecodeDetector::report`], which keeps only findings over a
    /// decoded piece: only the stretches of [`Decoded::read_windows`] are read, each with
    /// more of the view around its pieces than any finding and the context it is judged in,
    /// so a finding over a piece is found there as in the whole view. (A long text decoded
    /// in place is mostly copied as written; reading all of it again cost as much as every
    /// other detector together.)
    fn found_around_pieces(&self, decoded: &Decoded, scan: &ScanContext<'_>) -> Vec<Finding> {
        let mut found = Vec::new();
        for (start, end) in decoded.read_windows() {
            let in_window = self.found_in(&decoded.text[start..end], scan, false);
            found.extend(in_window.into_iter().map(|mut finding| {
                finding.start += start;
                finding.end += start;
                finding
            }));
        }
        found
    }

    /// Reports what the detectors `found` in a decoded view over decoded pieces, replacing
    /// what the written text gave for the same characters.
    fn report(&self, decoded: &Decoded, found: Vec<Finding>, out: &mut Vec<Finding>) {
        // The e-mail and link findings already made, by start: each decoded finding is
        // compared with those near it only, so a long text stays linear.
        let mut written: Vec<(usize, usize)> = out
            .iter()
            .enumerate()
            .filter(|(_, f)| matches!(f.kind, Kind::Email | Kind::Url | Kind::Phone))
            .map(|(idx, f)| (f.start, idx))
            .collect();
        written.sort_unstable();
        let mut dropped = vec![false; out.len()];
        let mut added = Vec::new();
        for mut finding in found {
            let Some((start, end, how)) = decoded.original_span(finding.start, finding.end) else {
                continue;
            };
            let Some(how) = how else {
                // Read as written: the other detectors have it already.
                continue;
            };
            // A reversed address must be a whole one, not a provider's name alone.
            if how == How::Reversed && finding.rule == "email/implied_tld" {
                continue;
            }
            if finding.kind == Kind::Phone && how != How::Base64 {
                continue;
            }
            let from = written.partition_point(|(s, _)| *s + MAX_SPAN < start);
            let near = written[from..]
                .iter()
                .take_while(|(s, _)| *s < end)
                .map(|(_, idx)| *idx);
            let mut already = false;
            let mut misread = Vec::new();
            for idx in near {
                let f = &out[idx];
                if f.kind != finding.kind || !(f.start < end && start < f.end) {
                    continue;
                }
                if f.value == finding.value {
                    already = true;
                } else if start <= f.start && f.end <= end && f.kind != Kind::Phone {
                    // What the written text gave for these characters is a misreading of
                    // them ("40gmail.com" in "alex%40gmail.com", a "hxxps" scheme).
                    misread.push(idx);
                }
            }
            if already {
                continue;
            }
            for idx in misread {
                dropped[idx] = true;
            }
            finding.start = start;
            finding.end = end;
            if !finding.rule.ends_with("/placeholder") {
                finding.rule = how.rule();
            }
            // A url's role was judged on the decoded view, whose words before it are the
            // text's own.
            added.push(finding);
        }
        if dropped.contains(&true) {
            let mut idx = 0;
            out.retain(|_| {
                idx += 1;
                !dropped[idx - 1]
            });
        }
        out.extend(added);
    }
}

/// No finding is longer than this: the findings that can overlap one start at most this far
/// before it.
const MAX_SPAN: usize = 1024;

/// How much of a decoded view is read on each side of a decoded piece (before widening to a
/// word's end): as much as the engine reads around a segment of a long text, more than
/// any finding of the e-mail and link detectors and the context they judge it in (a clause
/// of at most 200 bytes before it, the tokens next to it).
const READ_MARGIN: usize = 1024;

/// The view with HTML references, percent-encoding, defanging marks and line breaks inside
/// values decoded, for the passes `gates` let through.
fn decode_in_place(original: &str, gates: &Gates) -> Decoded {
    let bytes = original.as_bytes();
    let mut decoded = Decoded::default();
    let mut copied = 0;
    let mut i = 0;
    // Where the label after the last spaced dot ends.
    let mut last_spaced = None;
    // Where the last run of spaced single characters read ends.
    let mut singles_read = 0;
    // The bytes a pass let through by `gates` can start at, but for the letters and digits
    // of spaced single characters, which start only after a space: every other byte is
    // stepped over at once (the match below gives nothing for it).
    let mut starts = [false; 256];
    let mut allow = |allowed: bool, bytes: &[u8]| {
        for &b in bytes.iter().filter(|_| allowed) {
            starts[usize::from(b)] = true;
        }
    };
    allow(gates.entity, b"&");
    allow(gates.percent, b"%");
    allow(gates.escape, b"\\");
    allow(gates.defanged, b"hH[({");
    allow(gates.spaced, b" ");
    allow(gates.line_break, b"\n\r \t");
    while i < bytes.len() {
        if !starts[usize::from(bytes[i])] && !(gates.spaced && (i == 0 || bytes[i - 1] == b' ')) {
            i += 1;
            continue;
        }
        let found = match bytes[i] {
            b'&' if gates.entity => entity_at(original, i).map(|(s, len)| (s, len, How::Entity)),
            b'%' if gates.percent => percent_at(original, i).map(|(s, len)| (s, len, How::Percent)),
            b'\\' if gates.escape => escape_at(original, i).map(|(c, len)| {
                let text: std::borrow::Cow<'static, str> = c.to_string().into();
                (text, len, How::Escape)
            }),
            b'h' | b'H' | b'[' | b'(' | b'{' if gates.defanged => defanged_at(original, i)
                .map(|(s, len)| (std::borrow::Cow::Borrowed(s), len, How::Defanged)),
            b if gates.spaced
                && i >= singles_read
                && b.is_ascii_alphanumeric()
                && bytes.get(i + 1) == Some(&b' ')
                && (i == 0 || bytes[i - 1] == b' ') =>
            {
                match spaced_letters_at(original, i) {
                    Ok(len) => {
                        // Each character its own piece, so that a finding inside the run
                        // maps to exactly its characters.
                        decoded.copy(original, copied, i);
                        for at in (i..i + len).step_by(2) {
                            let end = (at + 2).min(i + len);
                            decoded.push(&original[at..at + 1], (at, end), How::Spaced);
                        }
                        i += len;
                        copied = i;
                        continue;
                    }
                    // Not a name: none of the run's later singles starts one either.
                    Err(run_end) => {
                        singles_read = run_end;
                        None
                    }
                }
            }
            b' ' if gates.spaced => spaced_at(original, i, last_spaced == Some(i))
                .map(|(s, len)| (std::borrow::Cow::Borrowed(s), len, How::Spaced)),
            b'\n' | b'\r' | b' ' | b'\t' if gates.line_break => line_break_at(original, i)
                .map(|len| (std::borrow::Cow::Borrowed(""), len, How::LineBreak)),
            _ => None,
        };
        match found {
            Some((text, len, how)) => {
                decoded.copy(original, copied, i);
                decoded.push(&text, (i, i + len), how);
                i += len;
                copied = i;
                if how == How::Spaced {
                    // The label after the join: a ` / ` right after it is the link's path.
                    let label = bytes[i..]
                        .iter()
                        .take_while(|b| b.is_ascii_alphanumeric() || **b == b'-')
                        .count();
                    last_spaced = Some(i + label);
                }
            }
            None => i += 1,
        }
    }
    decoded.copy(original, copied, bytes.len());
    decoded
}

/// An HTML character reference at `at` (an `&`): what it stands for and its length.
fn entity_at(text: &str, at: usize) -> Option<(std::borrow::Cow<'static, str>, usize)> {
    let bytes = text.as_bytes();
    let rest = &bytes[at + 1..];
    if rest.first() == Some(&b'#') {
        // Numeric, with or without its `;`.
        let (radix, digits_from) = match rest.get(1) {
            Some(b'x' | b'X') => (16, 2),
            _ => (10, 1),
        };
        let digits = rest[digits_from..]
            .iter()
            .take_while(|b| b.is_ascii_hexdigit() && (radix == 16 || b.is_ascii_digit()))
            .count();
        if digits == 0 || digits > 7 {
            return None;
        }
        let number = std::str::from_utf8(&rest[digits_from..digits_from + digits]).ok()?;
        let c = char::from_u32(u32::from_str_radix(number, radix).ok()?)?;
        if c.is_control() {
            return None;
        }
        let semicolon = usize::from(rest.get(digits_from + digits) == Some(&b';'));
        return Some((c.to_string().into(), 1 + digits_from + digits + semicolon));
    }
    // Named: letters and digits up to a `;`.
    let name_len = rest
        .iter()
        .take(32)
        .take_while(|b| b.is_ascii_alphanumeric())
        .count();
    if name_len == 0 || rest.get(name_len) != Some(&b';') {
        return None;
    }
    let reference = &text[at..at + name_len + 2];
    match html_escape::decode_html_entities(reference) {
        std::borrow::Cow::Owned(decoded) if decoded != reference => {
            Some((decoded.into(), reference.len()))
        }
        _ => None,
    }
}

/// A run of `%XX` at `at`: the UTF-8 text it encodes and its length.
fn percent_at(text: &str, at: usize) -> Option<(std::borrow::Cow<'static, str>, usize)> {
    let bytes = text.as_bytes();
    let mut end = at;
    while bytes.get(end) == Some(&b'%')
        && bytes.get(end + 1).is_some_and(u8::is_ascii_hexdigit)
        && bytes.get(end + 2).is_some_and(u8::is_ascii_hexdigit)
    {
        end += 3;
    }
    if end == at {
        return None;
    }
    let decoded = percent_encoding::percent_decode(&bytes[at..end])
        .decode_utf8()
        .ok()?;
    if decoded.chars().any(|c| c.is_control() && c != '\n') {
        return None;
    }
    Some((decoded.into_owned().into(), end - at))
}

/// A string literal's escape at `at` (a backslash): `\x40`, `\u0040`, `\u{40}` or
/// `\U00000040` ("ali.raza\x40yahoo\x2ecom"), the printable character it stands for and its
/// length.
fn escape_at(text: &str, at: usize) -> Option<(char, usize)> {
    let rest = text.as_bytes().get(at + 1..)?;
    let hex = |digits: &[u8]| {
        (!digits.is_empty() && digits.iter().all(u8::is_ascii_hexdigit))
            .then(|| u32::from_str_radix(std::str::from_utf8(digits).ok()?, 16).ok())
            .flatten()
    };
    let (value, len) = match rest.first()? {
        b'x' => (hex(rest.get(1..3)?)?, 4),
        b'u' if rest.get(1) == Some(&b'{') => {
            let close = rest.iter().take(9).position(|&b| b == b'}')?;
            (hex(&rest[2..close])?, close + 2)
        }
        b'u' => (hex(rest.get(1..5)?)?, 6),
        b'U' => (hex(rest.get(1..9)?)?, 10),
        _ => return None,
    };
    let c = char::from_u32(value).filter(|c| !c.is_control() && !c.is_whitespace())?;
    Some((c, len))
}

/// A defanging mark at `at`: what it stands for and its length.
fn defanged_at(text: &str, at: usize) -> Option<(&'static str, usize)> {
    let input = aho_corasick::Input::new(text)
        .span(at..text.len())
        .anchored(aho_corasick::Anchored::Yes);
    let found = DEFANGED_MARKS_ANCHORED.find(input)?;
    let (_, stands_for) = DEFANGED[found.pattern().as_usize()];
    // "hxxp" only as a scheme: "hxxps://", "hxxp[:]//".
    if stands_for.starts_with("http") {
        let after = &text[found.end()..];
        if !(after.starts_with("://") || after.starts_with("[:]") || after.starts_with("[://]")) {
            return None;
        }
    }
    Some((stands_for, found.len()))
}

static DEFANGED_MARKS_ANCHORED: LazyLock<AhoCorasick> = LazyLock::new(|| {
    AhoCorasick::builder()
        .ascii_case_insensitive(true)
        .match_kind(MatchKind::LeftmostLongest)
        .start_kind(aho_corasick::StartKind::Anchored)
        .build(DEFANGED.iter().map(|(mark, _)| mark))
        .expect("built-in marks")
});

/// A run of single characters between single spaces at `at` ("w w w . k r i t i . i n / w o r
/// k"): the run's length (its characters joined are the name). At least eight characters, a dot among
/// them and four letters: "I ate 3 . 5" is no name. Otherwise, where the run ends.
fn spaced_letters_at(text: &str, at: usize) -> Result<usize, usize> {
    let bytes = text.as_bytes();
    let (mut chars, mut letters, mut dot) = (0, 0, false);
    let mut i = at;
    while let Some(&b) = bytes.get(i) {
        let single =
            b.is_ascii_graphic() && bytes.get(i + 1).is_none_or(|&n| n == b' ' || n == b'\n');
        if !single {
            break;
        }
        chars += 1;
        letters += usize::from(b.is_ascii_alphabetic());
        dot |= b == b'.';
        // On past the space, if another single follows it.
        if bytes.get(i + 1) == Some(&b' ') && bytes.get(i + 2).is_some_and(u8::is_ascii_graphic) {
            i += 2;
        } else {
            i += 1;
            break;
        }
    }
    // A spaced address or link, or a channel's name spelled out ("w h a t s a p p", "t e l e
    // g r a m").
    let spelled_name = || {
        let joined: String = text[at..i]
            .bytes()
            .filter(|&b| b != b' ')
            .map(char::from)
            .collect();
        crate::detectors::channels::is_channel_name(&joined)
    };
    if (chars >= 8 && dot && letters >= 4)
        || (!dot && letters == chars && letters >= SPACED_NAME_LETTERS && spelled_name())
    {
        Ok(i - at)
    } else {
        Err(i)
    }
}

/// The fewest letters of a channel's name spelled out with spaces that are read as the name.
const SPACED_NAME_LETTERS: usize = 5;

/// Whether `bytes` hold `n` or more ASCII letters in a row, each alone between spaces
/// ("w h a t s a p p"). Every text is asked: the spaces are found with `memchr`, and only the
/// byte after each is looked at, so prose is read at memchr's speed.
fn has_spaced_letters(bytes: &[u8], n: usize) -> bool {
    let single_at =
        |i: usize| bytes[i].is_ascii_alphabetic() && bytes.get(i + 1).is_none_or(|&b| b == b' ');
    let mut run = 0;
    // Where the last single letter stood: the next one of the run stands two bytes on.
    let mut previous: Option<usize> = None;
    let starts = (!bytes.is_empty())
        .then_some(0)
        .into_iter()
        .chain(memchr::memchr_iter(b' ', bytes).map(|space| space + 1));
    for i in starts.filter(|&i| i < bytes.len()) {
        if !single_at(i) {
            continue;
        }
        run = if previous.is_some_and(|p| p + 2 == i) {
            run + 1
        } else {
            1
        };
        if run >= n {
            return true;
        }
        previous = Some(i);
    }
    false
}

/// Spoken dots and the space after them, in any ASCII case, anchored: [`has_spoken_dot`]
/// tries them after each space before a `d` or a `p` (an automaton of the words in all their
/// cases has too many patterns for a fast prefilter and reads every byte).
static SPOKEN_DOTS: LazyLock<AhoCorasick> = LazyLock::new(|| {
    AhoCorasick::builder()
        .ascii_case_insensitive(true)
        .start_kind(aho_corasick::StartKind::Anchored)
        .build([
            "dot ", "punto ", "ponto ", "punkt ", "point ", "punt ", "pont ",
        ])
        .expect("built-in words")
});

/// Whether `bytes` hold a spoken dot between spaces (" dot ", " punto "…).
fn has_spoken_dot(bytes: &[u8]) -> bool {
    // Pairs of bytes read in one loop: a space comes every few bytes of prose, and a memchr
    // call for each cost more than the loop reading them all.
    bytes.windows(2).enumerate().any(|(space, pair)| {
        pair[0] == b' ' && matches!(pair[1], b'd' | b'D' | b'p' | b'P') && {
            let input = aho_corasick::Input::new(bytes)
                .span(space + 1..bytes.len())
                .anchored(aho_corasick::Anchored::Yes);
            SPOKEN_DOTS.find(input).is_some()
        }
    })
}

/// Whether `word`, ASCII letters in any case, is a word for `.` ([`crate::lexicon::is_dot_word`]).
/// While a text has a spaced dot, the word after every space is asked: its first two letters
/// are looked up in a table of the dot words' first two bytes, and only a word that passes is
/// lower-cased (on the stack) and searched for.
fn is_ascii_dot_word(word: &[u8]) -> bool {
    static FIRST_TWO: LazyLock<Vec<u64>> = LazyLock::new(|| {
        let mut bits = vec![0u64; 1 << 10];
        for word in crate::lexicon::dot_words().chain(["dot"]) {
            if let [a, b, ..] = word.as_bytes() {
                let key = usize::from(*a) << 8 | usize::from(*b);
                bits[key >> 6] |= 1 << (key & 63);
            }
        }
        bits
    });
    if let [a, b, ..] = word {
        let key = usize::from(a.to_ascii_lowercase()) << 8 | usize::from(b.to_ascii_lowercase());
        if FIRST_TWO[key >> 6] & (1 << (key & 63)) == 0 {
            return false;
        }
    }
    let mut lower = [0u8; 32];
    match lower.get_mut(..word.len()) {
        Some(lower) => {
            lower.copy_from_slice(word);
            lower.make_ascii_lowercase();
            std::str::from_utf8(lower).is_ok_and(crate::lexicon::is_dot_word)
        }
        None => std::str::from_utf8(word)
            .is_ok_and(|word| crate::lexicon::is_dot_word(&word.to_ascii_lowercase())),
    }
}

/// A spaced dot at `at` (` . ` or a spoken dot between spaces) between two labels that make a
/// registrable name ("linktr . ee", "mayaruns dot com"), or a spaced ` / ` right after such a
/// name (`after_name`): what it stands for and its length. The label before a dot must not be
/// an everyday word ("the dot com era").
fn spaced_at(text: &str, at: usize, after_name: bool) -> Option<(&'static str, usize)> {
    let bytes = text.as_bytes();
    let rest = &bytes[at..];
    if after_name {
        let slash = rest.starts_with(b" / ") || rest.starts_with(b" /");
        let after = if rest.starts_with(b" / ") { 3 } else { 2 };
        if slash && rest.get(after).is_some_and(u8::is_ascii_alphanumeric) {
            return Some(("/", after));
        }
        // A spoken slash: "miportafolio punto com barra trabajos".
        let word_len = rest[1..]
            .iter()
            .take_while(|b| b.is_ascii_alphabetic())
            .count();
        let word = std::str::from_utf8(&rest[1..1 + word_len]).unwrap_or("");
        if word_len > 0
            && rest.get(1 + word_len) == Some(&b' ')
            && rest
                .get(2 + word_len)
                .is_some_and(u8::is_ascii_alphanumeric)
            && crate::lexicon::is_slash_word(&word.to_ascii_lowercase())
        {
            return Some(("/", word_len + 2));
        }
    }
    // A defanging mark with spaces around it ("calendly (dot) com").
    let defanged_sep = [&b" (dot) "[..], b" [dot] ", b" {dot} ", b" (.) ", b" [.] "]
        .iter()
        .find(|mark| rest.len() >= mark.len() && rest[..mark.len()].eq_ignore_ascii_case(mark))
        .map(|mark| mark.len());
    let sep_len = if rest.starts_with(b" . ") {
        3
    } else if let Some(len) = defanged_sep {
        len
    } else {
        let word_len = rest[1..]
            .iter()
            .take_while(|b| b.is_ascii_alphabetic())
            .count();
        if word_len == 0
            || rest.get(1 + word_len) != Some(&b' ')
            || !is_ascii_dot_word(&rest[1..1 + word_len])
        {
            return None;
        }
        word_len + 2
    };
    let is_label = |b: &u8| b.is_ascii_alphanumeric() || *b == b'-';
    let left_len = bytes[..at].iter().rev().take_while(|b| is_label(b)).count();
    let right_len = bytes[at + sep_len..]
        .iter()
        .take_while(|b| is_label(b))
        .count();
    // Whole ASCII labels of two characters or more on both sides ("ningún punto de" has
    // none before, "a point to" too short a one).
    let whole_left = at - left_len == 0 || bytes[at - left_len - 1].is_ascii_whitespace();
    let right_end = at + sep_len + right_len;
    let whole_right = bytes
        .get(right_end)
        .is_none_or(|b| b.is_ascii_whitespace() || matches!(b, b'/' | b'.' | b',' | b')'));
    if left_len < 2 || right_len < 2 || !whole_left || !whole_right {
        return None;
    }
    let left = text[at - left_len..at].to_ascii_lowercase();
    let right = text[at + sep_len..right_end].to_ascii_lowercase();
    // The second part of a suffix, right after a joined name ("jameswoodworks dot co dot
    // uk"): the two labels make a public suffix.
    let joined = format!("{left}.{right}");
    if after_name
        && psl::suffix(joined.as_bytes())
            .is_some_and(|suffix| suffix.is_known() && suffix.as_bytes().len() == joined.len())
    {
        return Some((".", sep_len));
    }
    if crate::lexicon::is_ordinary_word(&left) || left.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    // A spoken dot before an everyday word is prose ("punto de partida"), unless the word is
    // one of the classic top-level domains.
    let spoken = sep_len != 3 && defanged_sep.is_none();
    if spoken
        && crate::lexicon::is_ordinary_word(&right)
        && !matches!(right.as_str(), "com" | "net" | "org")
        && !starts_suffix(text, right_end, &right)
        && !path_follows(text, right_end)
    {
        return None;
    }
    email::is_registrable(&joined).then_some((".", sep_len))
}

/// Whether a path follows `end` of `text`, after a slash written or spoken between spaces
/// ("estudiocalma punto es barra contacto", "studio dot es / contact"): a top-level domain
/// that is also an everyday word ("es", "it", "me") is one before a path.
fn path_follows(text: &str, end: usize) -> bool {
    let rest = &text.as_bytes()[end..];
    let Some(after_space) = rest.strip_prefix(b" ") else {
        return false;
    };
    if let Some(path) = after_space.strip_prefix(b"/") {
        let path = path.strip_prefix(b" ").unwrap_or(path);
        return path.first().is_some_and(u8::is_ascii_alphanumeric);
    }
    let word_len = after_space
        .iter()
        .take_while(|b| b.is_ascii_alphabetic())
        .count();
    word_len > 0
        && after_space.get(word_len) == Some(&b' ')
        && after_space
            .get(word_len + 1)
            .is_some_and(u8::is_ascii_alphanumeric)
        && std::str::from_utf8(&after_space[..word_len])
            .is_ok_and(|w| crate::lexicon::is_slash_word(&w.to_ascii_lowercase()))
}

/// Whether the label `label`, ending at `end` of `text`, starts a public suffix of two
/// labels that a spaced or spoken dot right after it completes ("co" in "jameswoodworks dot
/// co dot uk"): such a label is a domain's, not an everyday word.
fn starts_suffix(text: &str, end: usize, label: &str) -> bool {
    let rest = &text.as_bytes()[end..];
    let word_len = rest
        .get(1..)
        .unwrap_or_default()
        .iter()
        .take_while(|b| b.is_ascii_alphabetic())
        .count();
    let sep_len = if rest.starts_with(b" . ") {
        3
    } else if word_len > 0
        && rest.first() == Some(&b' ')
        && rest.get(1 + word_len) == Some(&b' ')
        && is_ascii_dot_word(&rest[1..1 + word_len])
    {
        word_len + 2
    } else {
        return false;
    };
    let next_len = rest[sep_len..]
        .iter()
        .take_while(|b| b.is_ascii_alphanumeric())
        .count();
    if next_len < 2 {
        return false;
    }
    let next = &text[end + sep_len..end + sep_len + next_len];
    let suffix = format!("{label}.{}", next.to_ascii_lowercase());
    psl::suffix(suffix.as_bytes())
        .is_some_and(|s| s.is_known() && s.as_bytes().len() == suffix.len())
}

/// A run of whitespace with a line break at `at` that splits a value: its length. It splits
/// one when an `@` stands right before or after it, right after a link's scheme, or inside an
/// address's domain at a dot. A link's path is not joined to the next line: logs and chats
/// start lines with times and names that would be read as its path.
fn line_break_at(text: &str, at: usize) -> Option<usize> {
    let bytes = text.as_bytes();
    // Only at the start of a whitespace run.
    if at > 0 && bytes[at - 1].is_ascii_whitespace() {
        return None;
    }
    let len = bytes[at..]
        .iter()
        .take_while(|b| b.is_ascii_whitespace())
        .count();
    let run = &bytes[at..at + len];
    // One line break, not a paragraph.
    if run.iter().filter(|&&b| b == b'\n').count() != 1 {
        return None;
    }
    let before = *bytes.get(at.checked_sub(1)?)?;
    let after = *bytes.get(at + len)?;
    if before == b'@' && after.is_ascii_alphanumeric()
        || after == b'@' && before.is_ascii_alphanumeric()
    {
        return Some(len);
    }
    let word_start = memchr::memrchr3(b' ', b'\n', b'\t', &bytes[..at]).map_or(0, |i| i + 1);
    let word = &text[word_start..at];
    // A link cut right after its scheme ("http://\n  deb.debian.org/…").
    if word.ends_with("://") && after.is_ascii_alphanumeric() {
        return Some(len);
    }
    // An address cut at a dot of its domain or before it: the next line goes on with a
    // lower-case label that is not a new record ("talk:", "22:16").
    let next = &bytes[at + len..];
    let label_len = next
        .iter()
        .take_while(|b| b.is_ascii_alphanumeric() || **b == b'-')
        .count();
    let label = &next[..label_len];
    let continues = !label.is_empty()
        && label.iter().all(|b| !b.is_ascii_uppercase())
        && !matches!(next.get(label_len), Some(b':'));
    let splits = before == b'.' && continues
        || before.is_ascii_alphanumeric()
            && after == b'.'
            && next.get(1).is_some_and(u8::is_ascii_lowercase);
    (word.contains('@') && !word.contains("://") && splits).then_some(len)
}

/// The longest word read as a reversed address or link.
const MAX_WORD: usize = 256;

/// The words of `text` that may be reversed addresses: an `@` with a dot before it and no
/// registrable domain after it (`moc.liamg@xela`), as `(start, end)`.
fn reversed_words(text: &str) -> impl Iterator<Item = (usize, usize)> + '_ {
    let bytes = text.as_bytes();
    memchr::memchr_iter(b'@', bytes).filter_map(move |at| {
        // An address is at most a few hundred bytes: never look further, so a text of `@`s
        // without spaces stays linear.
        let from = crate::normalize::floor_char_boundary(text, at.saturating_sub(MAX_WORD));
        let to = crate::normalize::ceil_char_boundary(text, (at + MAX_WORD).min(bytes.len()));
        let start = bytes[from..at]
            .iter()
            .rposition(|b| b.is_ascii_whitespace() || matches!(b, b'<' | b'(' | b'"' | b'\''))
            .map_or(from, |i| from + i + 1);
        let end = bytes[at..to]
            .iter()
            .position(|b| b.is_ascii_whitespace() || matches!(b, b'>' | b')' | b'"' | b'\''))
            .map_or(to, |i| at + i);
        if end - start >= MAX_WORD || !text.is_char_boundary(start) || !text.is_char_boundary(end) {
            return None;
        }
        // A word put right to left by a bidi override ("\u{202e}moc.liamg@xela\u{202c}"):
        // the controls around it are not part of it.
        let word = text[start..end].trim_matches(is_bidi_control);
        let start = start
            + (text[start..end].len() - text[start..end].trim_start_matches(is_bidi_control).len());
        let end = start + word.len();
        if !(start..end).contains(&at) {
            return None;
        }
        let before = &bytes[start..at];
        let after = &bytes[at + 1..end];
        let shaped = before.contains(&b'.')
            && !after.is_empty()
            && before.first().is_some_and(u8::is_ascii_alphabetic);
        // Forwards it must not be an address already: its domain is no registrable name.
        let forwards = || {
            let domain = std::str::from_utf8(after)
                .unwrap_or("")
                .to_ascii_lowercase();
            email::is_registrable(domain.trim_end_matches('.'))
        };
        (shaped && !forwards()).then_some((start, end))
    })
}

/// Bidi embedding, override and isolate controls, and the direction marks.
fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// The view of the reversed words: each word that may be a reversed address or link,
/// reversed, one a line.
fn reversed(original: &str) -> Decoded {
    let mut decoded = Decoded::default();
    let mut words: Vec<(usize, usize)> = reversed_words(original).collect();
    // Reversed links: "moc.elpmaxe//:sptth".
    let bytes = original.as_bytes();
    for at in memchr::memmem::find_iter(bytes, b"//:") {
        let from = crate::normalize::floor_char_boundary(original, at.saturating_sub(MAX_WORD));
        let to = crate::normalize::ceil_char_boundary(original, (at + MAX_WORD).min(bytes.len()));
        let start = bytes[from..at]
            .iter()
            .rposition(u8::is_ascii_whitespace)
            .map_or(from, |i| from + i + 1);
        let end = bytes[at..to]
            .iter()
            .position(u8::is_ascii_whitespace)
            .map_or(to, |i| at + i);
        if end - start >= MAX_WORD
            || end < at + 3
            || !original.is_char_boundary(start)
            || !original.is_char_boundary(end)
        {
            continue;
        }
        let tail = original[at + 3..end].to_ascii_lowercase();
        if tail == "ptth" || tail == "sptth" {
            words.push((start, end));
        }
    }
    words.sort_unstable();
    words.dedup();
    for (start, end) in words {
        let word: String = original[start..end].chars().rev().collect();
        decoded.push(&word, (start, end), How::Reversed);
        decoded.text.push('\n');
    }
    decoded
}

/// The shortest base64 run read: 12 bytes of text, more than any word of prose that happens
/// to use the alphabet.
const MIN_BASE64: usize = 16;
/// The longest: a contact value is short.
const MAX_BASE64: usize = 400;

/// Runs of the base64 alphabets (standard and URL-safe, with `=` padding) of a plausible
/// length that hold a digit or an upper-case letter after a lower-case one (prose words do
/// not), as `(start, end)`.
fn base64_runs(bytes: &[u8]) -> impl Iterator<Item = (usize, usize)> + '_ {
    const ALPHABET: [bool; 256] = {
        let mut table = [false; 256];
        let mut b = 0;
        while b < 256 {
            let byte = b as u8;
            table[b] = byte.is_ascii_alphanumeric() || matches!(byte, b'+' | b'/' | b'-' | b'_');
            b += 1;
        }
        table
    };
    let is_b64 = |b: u8| ALPHABET[usize::from(b)];
    // The fewest characters of the alphabet a run long enough has (the rest is padding).
    const SHORTEST: usize = MIN_BASE64 - 2;
    let mut i = 0;
    std::iter::from_fn(move || {
        while i < bytes.len() {
            if !is_b64(bytes[i]) {
                i += 1;
                continue;
            }
            // Most runs are words of prose: a byte outside the alphabet before the one where
            // a long enough run would still go on ends every run that starts before it too
            // short, so the search goes on after the last such byte, found reading back from
            // the far end (a few bytes a word, where the runs were read whole). With fewer
            // bytes left than a long enough run has, there is none.
            let Some(ahead) = bytes.get(i + 1..i + SHORTEST) else {
                i = bytes.len();
                break;
            };
            if let Some(last_outside) = ahead.iter().rposition(|&b| !is_b64(b)) {
                i += 1 + last_outside + 1;
                continue;
            }
            let start = i;
            while i < bytes.len() && is_b64(bytes[i]) {
                i += 1;
            }
            let mut end = i;
            while end < bytes.len() && end - i < 2 && bytes[end] == b'=' {
                end += 1;
            }
            i = end;
            let run = &bytes[start..end];
            let len = run.len();
            let starts_word =
                start == 0 || !bytes[start - 1].is_ascii_alphanumeric() && bytes[start - 1] != b'.';
            if !(MIN_BASE64..=MAX_BASE64).contains(&len) || !starts_word {
                continue;
            }
            let mixed = run.iter().any(u8::is_ascii_digit)
                || run
                    .windows(2)
                    .any(|w| w[0].is_ascii_lowercase() && w[1].is_ascii_uppercase());
            let has_padding = run.ends_with(b"=");
            // Padded runs are whole quanta; unpadded ones cannot leave one character over.
            let whole = if has_padding {
                len.is_multiple_of(4)
            } else {
                len % 4 != 1
            };
            // A link or a path is not base64 ("https://…", "a/b/c").
            let slashes = run.iter().filter(|&&b| b == b'/').count();
            if mixed && whole && slashes <= len / 8 {
                return Some((start, end));
            }
        }
        None
    })
}

const INDIFFERENT: GeneralPurposeConfig =
    GeneralPurposeConfig::new().with_decode_padding_mode(DecodePaddingMode::Indifferent);
const STANDARD: GeneralPurpose = GeneralPurpose::new(&base64::alphabet::STANDARD, INDIFFERENT);
const URL_SAFE: GeneralPurpose = GeneralPurpose::new(&base64::alphabet::URL_SAFE, INDIFFERENT);

/// The view of the base64 runs that decode to printable text, one a line, each standing for
/// its whole run.
fn base64_decoded(original: &str) -> Decoded {
    let mut decoded = Decoded::default();
    for (start, end) in base64_runs(original.as_bytes()) {
        let run = &original[start..end];
        let bytes = STANDARD.decode(run).or_else(|_| URL_SAFE.decode(run));
        let Ok(bytes) = bytes else { continue };
        let Ok(text) = String::from_utf8(bytes) else {
            continue;
        };
        let printable = text
            .chars()
            .filter(|c| !c.is_control() || matches!(c, '\n' | '\t'))
            .count();
        if printable * 10 < text.chars().count() * 9 || text.trim().is_empty() {
            continue;
        }
        decoded.push(&text, (start, end), How::Base64);
        decoded.text.push('\n');
    }
    decoded
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Engine, EngineOptions};

    /// What the engine finds, less the intent model's reading (these tests are about what
    /// decoding finds; the model's precision is measured on the corpora and blind sets).
    fn found(text: &str) -> Vec<(Kind, String, &'static str)> {
        let engine = Engine::new(EngineOptions::default());
        engine
            .scan(text, None)
            .into_iter()
            .filter(|f| !f.rule.starts_with("intent/"))
            .map(|f| (f.kind, f.value.unwrap_or_default(), f.rule))
            .collect()
    }

    fn has(text: &str, kind: Kind, value: &str) -> bool {
        found(text).iter().any(|(k, v, _)| *k == kind && v == value)
    }

    #[test]
    fn html_references_are_read() {
        for text in [
            "email me at alex&#64;gmail&#46;com",
            "alex&#x40;gmail.com",
            "alex&#X40;gmail&#x2E;com",
            "alex&commat;gmail&period;com",
            "alex&#64gmail.com please",
        ] {
            assert!(
                has(text, Kind::Email, "alex@gmail.com"),
                "{text:?}: {:?}",
                found(text)
            );
        }
        // Benign: references that make no address.
        for text in [
            "Tom &amp; Jerry &#8212; a classic",
            "price &lt; 5 &gt; 3",
            "R&D at acme",
        ] {
            assert_eq!(found(text), vec![], "{text:?}");
        }
    }

    #[test]
    fn percent_encoding_and_mailto_are_read() {
        let text = "mailto:alex%40gmail.com";
        assert_eq!(
            found(text),
            vec![(Kind::Email, "alex@gmail.com".into(), "decode/percent")]
        );
        assert!(has(
            "write to maya%2Ek%40outlook%2Ecom",
            Kind::Email,
            "maya.k@outlook.com"
        ));
        for text in ["100% done, 50%off", "discount 20%OFF today", "%%%"] {
            assert_eq!(found(text), vec![], "{text:?}");
        }
    }

    #[test]
    fn string_escapes_are_read() {
        assert!(has(
            "print('ali.raza\\x40yahoo\\x2ecom') → mail me there",
            Kind::Email,
            "ali.raza@yahoo.com"
        ));
        assert!(has(
            "mail: nour.k\\u0040outlook\\u002Ecom",
            Kind::Email,
            "nour.k@outlook.com"
        ));
        assert!(has("omar\\u{40}gmail.com", Kind::Email, "omar@gmail.com"));
        // Paths, regexes and escapes of control characters are no contact value.
        for text in [
            "C:\\users\\xavier\\docs",
            "match \\d+ and \\x0a line ends",
            "\\u000a\\u0009",
        ] {
            assert_eq!(found(text), vec![], "{text:?}");
        }
    }

    #[test]
    fn defanged_links_are_read() {
        let text = "visit hxxps://evil[.]com/path";
        assert_eq!(
            found(text),
            vec![(Kind::Url, "evil.com/path".into(), "decode/defanged")]
        );
        assert!(has("site: maya-studio[.]com", Kind::Url, "maya-studio.com"));
        assert!(has(
            "hxxp[:]//mayaruns(.)net/shop",
            Kind::Url,
            "mayaruns.net/shop"
        ));
        // A mark between spaces, a spaced path, and a suffix of two labels spoken.
        assert!(has(
            "grab a slot: calendly (dot) com / raj-mehta / 30min",
            Kind::Url,
            "calendly.com/raj-mehta/30min"
        ));
        assert!(has(
            "My site is jameswoodworks dot co dot uk",
            Kind::Url,
            "jameswoodworks.co.uk"
        ));
        for text in [
            "the array[.] operator",
            "the dot com bubble",
            "nos vemos en el punto de encuentro",
            "call f(.) now",
            "a hxxp b",
            "o ponto de partida",
            "too fine a point to your wit",
            "ningún punto de partida",
        ] {
            assert_eq!(found(text), vec![], "{text:?}");
        }
    }

    #[test]
    fn reversed_values_are_read_only_when_they_validate() {
        assert!(has("moc.liamg@xela", Kind::Email, "alex@gmail.com"));
        assert!(has(
            "write: moc.kooltuo@88.ayam",
            Kind::Email,
            "maya.88@outlook.com"
        ));
        for text in ["see file.txt@v2", "a.b@c", "ping @maya.k about it"] {
            assert_eq!(found(text), vec![], "{text:?}");
        }
    }

    /// [`base64_runs`] as first written: a byte at a time, no skipping.
    fn base64_runs_byte_by_byte(bytes: &[u8]) -> Vec<(usize, usize)> {
        let is_b64 = |b: u8| b.is_ascii_alphanumeric() || matches!(b, b'+' | b'/' | b'-' | b'_');
        let mut runs = Vec::new();
        let mut i = 0;
        while i < bytes.len() {
            if !is_b64(bytes[i]) {
                i += 1;
                continue;
            }
            let start = i;
            while i < bytes.len() && is_b64(bytes[i]) {
                i += 1;
            }
            let mut end = i;
            while end < bytes.len() && end - i < 2 && bytes[end] == b'=' {
                end += 1;
            }
            i = end;
            let run = &bytes[start..end];
            let len = run.len();
            let starts_word =
                start == 0 || !bytes[start - 1].is_ascii_alphanumeric() && bytes[start - 1] != b'.';
            if !(MIN_BASE64..=MAX_BASE64).contains(&len) || !starts_word {
                continue;
            }
            let mixed = run.iter().any(u8::is_ascii_digit)
                || run
                    .windows(2)
                    .any(|w| w[0].is_ascii_lowercase() && w[1].is_ascii_uppercase());
            let whole = if run.ends_with(b"=") {
                len.is_multiple_of(4)
            } else {
                len % 4 != 1
            };
            let slashes = run.iter().filter(|&&b| b == b'/').count();
            if mixed && whole && slashes <= len / 8 {
                runs.push((start, end));
            }
        }
        runs
    }

    #[test]
    fn base64_runs_skip_short_words_and_find_the_same_runs() {
        let blobs = [
            "YWxleEBnbWFpbC5jb20=",
            "Y2FsbCBtZSArNDQgNzkxMSAxMjM0NTY=",
            "dGhpcyBpcyBqdXN0IGEgdGVzdA==",
            "abcdefghijklmN==",
            "abcdefghijklm1=",
            "x1.abcdefghijklmnop2",
            "a/b/c/d/e/f/g/h/i/j/k1",
            "3f9a2b7c1d4e5f60718293a4b5c6d7e8f9012345",
            "==abcdefghijklmnoP",
        ];
        let mut seed = 7u64;
        let mut next = move |n: usize| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            (seed % n as u64) as usize
        };
        for _ in 0..200 {
            let mut text = String::new();
            for _ in 0..next(60) {
                match next(4) {
                    0 => text.push_str(blobs[next(blobs.len())]),
                    1 => text.push_str(&"Ab1".repeat(next(8))),
                    _ => text.push_str(PIECES[next(PIECES.len())]),
                }
                text.push_str(["", " ", "=", ".", "\n", "é"][next(6)]);
            }
            let bytes = text.as_bytes();
            assert_eq!(
                base64_runs(bytes).collect::<Vec<_>>(),
                base64_runs_byte_by_byte(bytes),
                "{text:?}"
            );
        }
    }

    #[test]
    fn base64_runs_are_read() {
        // "alex@gmail.com", "call me +44 7911 123456".
        let text = "my contact: YWxleEBnbWFpbC5jb20=";
        let got = found(text);
        assert_eq!(
            got,
            vec![(Kind::Email, "alex@gmail.com".into(), "decode/base64")]
        );
        assert!(has(
            "Y2FsbCBtZSArNDQgNzkxMSAxMjM0NTY=",
            Kind::Phone,
            "+447911123456"
        ));
        for text in [
            "internationalization matters",
            "commit 3f9a2b7c1d4e5f60718293a4b5c6d7e8f9012345 fixed it",
            "token dGhpcyBpcyBqdXN0IGEgdGVzdA== here",
            "ThisIsAVeryLongCamelCaseIdentifier",
        ] {
            assert_eq!(found(text), vec![], "{text:?}");
        }
    }

    #[test]
    fn values_split_over_lines_are_joined() {
        assert!(has(
            "alex.mason@studio-mehta.\ncom",
            Kind::Email,
            "alex.mason@studio-mehta.com"
        ));
        assert!(has(
            "alex.mason\n@studio-mehta.com",
            Kind::Email,
            "alex.mason@studio-mehta.com"
        ));
        assert!(has(
            "see https://\n  mayaruns.com/portfolio",
            Kind::Url,
            "mayaruns.com/portfolio"
        ));
        // A log: the next line's time is no path, the next line's word no label.
        let log = "<x> http://jack.eu.org/blug/\n22:16:55 <y> nice";
        assert!(has(log, Kind::Url, "jack.eu.org/blug"), "{:?}", found(log));
        let talk = "connection requested by fortune@localhost.\ntalk: respond with";
        assert_eq!(found(talk), vec![], "{talk:?}");
        for text in ["Done.\nNext line here", "see you @\nthe venue", "a - \nb"] {
            assert_eq!(found(text), vec![], "{text:?}");
        }
    }

    #[test]
    fn spans_cover_the_written_characters() {
        let text = "x alex&#64;gmail&#46;com y";
        let engine = Engine::new(EngineOptions::default());
        let f = &engine.scan(text, None)[0];
        assert_eq!(&text[f.start..f.end], "alex&#64;gmail&#46;com");
    }

    /// Pieces of text that decoding reads (and some it must not), with the prose, long
    /// unbroken runs and other scripts that windows are cut around.
    const PIECES: &[&str] = &[
        "email me at alex&#64;gmail&#46;com",
        "mailto:alex%40gmail.com",
        "visit hxxps://evil[.]com/path",
        "site: maya-studio[.]com",
        "k.tanaka (at) outlook [dot] com",
        "alex.mason@studio-mehta.\ncom",
        "alex.mason\n@studio-mehta.com",
        "see https://\n  mayaruns.com/portfolio",
        "write me: alex at gmail dot com",
        "my portfolio: mayaruns . com / work",
        "book a call at linktr . ee/maya",
        "w w w . k r i t i . i n / w o r k",
        "contact me via mayaruns dot com barra trabajos",
        "Tom &amp; Jerry &#8212; a classic, 100% done",
        "the dot com era . it was",
        "Hi! Is this still available? Delivery by Friday.",
        "Order #4829137 shipped today, tracking should update by Friday.",
        "¿Sigue disponible? Me interesa mucho, gracias. 👍",
        "my gmail is sofia.r, message me",
    ];

    /// A text of about `n_bytes` made of [`PIECES`], prose and runs without a space, in a
    /// pseudo-random order and with varied separators.
    fn mixed_text(mut seed: u64, n_bytes: usize) -> String {
        let mut next = move |n: usize| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            (seed % n as u64) as usize
        };
        let mut text = String::new();
        while text.len() < n_bytes {
            match next(12) {
                0 => text.push_str(&"x".repeat(next(2500))),
                1 => text.push_str(&"é".repeat(next(1500))),
                2 => text.push_str(&"word ".repeat(next(400))),
                _ => text.push_str(PIECES[next(PIECES.len())]),
            }
            text.push_str(["\n\n", "\n", " ", " ", ". ", ""][next(6)]);
        }
        text
    }

    #[test]
    fn reading_around_pieces_finds_what_reading_the_whole_view_finds() {
        let detector = DecodeDetector::default();
        let scan = ScanContext {
            region: crate::Region::US,
            fallback_regions: &[],
        };
        let sorted = |mut findings: Vec<Finding>| {
            findings.sort_by(|a, b| (a.start, a.end, a.rule).cmp(&(b.start, b.end, b.rule)));
            findings
        };
        let mut n_found = 0;
        for seed in 1..=40 {
            let text = mixed_text(seed, [300, 3_000, 30_000][seed as usize % 3]);
            let decoded = decode_in_place(&text, &Gates::of(&text));
            let (mut whole, mut around) = (Vec::new(), Vec::new());
            let found = detector.found_in(&decoded.text, &scan, false);
            detector.report(&decoded, found, &mut whole);
            let found = detector.found_around_pieces(&decoded, &scan);
            detector.report(&decoded, found, &mut around);
            n_found += whole.len();
            let (around, whole) = (sorted(around), sorted(whole));
            let only_around: Vec<_> = around.iter().filter(|f| !whole.contains(f)).collect();
            let only_whole: Vec<_> = whole.iter().filter(|f| !around.contains(f)).collect();
            assert_eq!(
                around, whole,
                "seed {seed}: {only_around:?} against {only_whole:?}"
            );
        }
        assert!(n_found > 500, "{n_found}");
    }

    #[test]
    fn read_windows_cover_every_piece_with_its_margin_at_word_boundaries() {
        for seed in 1..=20 {
            let text = mixed_text(seed, 20_000);
            let decoded = decode_in_place(&text, &Gates::of(&text));
            let view = decoded.text.as_str();
            let windows = decoded.read_windows();
            assert!(windows.windows(2).all(|w| w[0].1 < w[1].0), "{windows:?}");
            for piece in decoded.pieces.iter().filter(|p| p.how.is_some()) {
                let (from, to) = piece.decoded;
                let inside = windows.iter().find(|(s, e)| *s <= from && to <= *e);
                let &(start, end) = inside.expect("every decoded piece is read");
                assert!(start == 0 || from - start >= READ_MARGIN);
                assert!(end == view.len() || end - to >= READ_MARGIN);
                assert!(view.is_char_boundary(start) && view.is_char_boundary(end));
            }
        }
    }

    #[test]
    fn dot_words_are_told_as_the_lexicon_tells_them() {
        let mut words: Vec<String> = crate::lexicon::dot_words()
            .filter(|w| w.bytes().all(|b| b.is_ascii_alphabetic()))
            .flat_map(|w| {
                [
                    w.to_string(),
                    w.to_ascii_uppercase(),
                    w[..w.len() - 1].to_string(),
                ]
            })
            .collect();
        words.extend(
            [
                "dot",
                "DoT",
                "d",
                "do",
                "dots",
                "the",
                "point",
                "x",
                "pointpointpointpointpointpointpoint",
            ]
            .map(String::from),
        );
        words.extend(PIECES.iter().flat_map(|p| p.split(' ')).map(String::from));
        for word in words
            .iter()
            .filter(|w| w.bytes().all(|b| b.is_ascii_alphabetic()))
        {
            assert_eq!(
                is_ascii_dot_word(word.as_bytes()),
                crate::lexicon::is_dot_word(&word.to_ascii_lowercase()),
                "{word}"
            );
        }
        for (text, has) in [
            ("hxxps://x", true),
            ("HxXp", true),
            ("xhxx", false),
            ("a [DOT] b", true),
            ("f(.)", true),
            ("{dot}", true),
            ("[://]", true),
            ("[@]", true),
            ("[:", false),
            ("(dot", false),
            ("x", false),
        ] {
            assert_eq!(has_defanging_mark(text.as_bytes()), has, "{text:?}");
        }
        for (mark, _) in DEFANGED {
            let at_start = mark.starts_with(['[', '(', '{']) || mark.starts_with("hxxp");
            assert!(at_start, "{mark}: has_defanging_mark would not try it");
            assert!(has_defanging_mark(
                format!("a {} b", mark.to_ascii_uppercase()).as_bytes()
            ));
        }
        for (text, has) in [
            (" dot ", true),
            ("mayaruns DOT com", true),
            ("xdot com", false),
            ("dot com", false),
            ("hxxpunto x", false),
            ("a dotcom", false),
            ("le point final", true),
        ] {
            assert_eq!(has_spoken_dot(text.as_bytes()), has, "{text:?}");
        }
    }

    #[test]
    fn dots_and_slashes_are_read_as_the_substring_searches_read_them() {
        let pieces = [
            " ", ".", "/", ":", "w", "x", "\n", "é", "www", " . ", "://", "//:",
        ];
        // Every text of up to four pieces, and a few longer ones.
        let mut texts = vec![String::new()];
        for _ in 0..4 {
            let longer: Vec<String> = texts
                .iter()
                .flat_map(|t| pieces.iter().map(move |p| format!("{t}{p}")))
                .collect();
            texts.extend(longer);
        }
        texts.extend([
            "see www.example.com or http://x.y".to_owned(),
            "moc.liamg//:sptth and a . b".to_owned(),
            "file:/ / path ww.w /:/".to_owned(),
        ]);
        for text in &texts {
            let bytes = text.as_bytes();
            let has = |needle: &str| memchr::memmem::find(bytes, needle.as_bytes()).is_some();
            let expected = DotSlashMarks {
                spaced_dot: has(" . "),
                www: has("www."),
                scheme: has("://"),
                reversed_scheme: has("//:"),
            };
            assert_eq!(DotSlashMarks::of(bytes), expected, "{text:?}");
        }
    }

    #[test]
    fn spaced_letters_are_counted_in_runs() {
        for (text, n, want) in [
            ("w h a t s a p p", 5, true),
            ("t e l e g r a m @x", 8, true),
            ("a b c d", 5, false),
            ("a b cd e f g", 4, false),
            ("I am a b c d e f", 5, true),
            ("a  b c d e", 5, false),
            ("x y z w v", 5, true),
            ("", 5, false),
        ] {
            assert_eq!(has_spaced_letters(text.as_bytes(), n), want, "{text:?}");
        }
    }

    #[test]
    fn gates_stay_shut_on_plain_text() {
        for text in [
            "Hi! Is this still available? Delivery by Friday, 12/03.",
            "Order #4829137 shipped today",
            "email me at alex.m@gmail.com",
        ] {
            let g = Gates::of(text);
            assert!(!g.in_place() && !g.reversed && !g.base64, "{text:?}: {g:?}");
        }
    }
}

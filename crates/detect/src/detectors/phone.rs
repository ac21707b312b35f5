//! Phone numbers, worldwide, validated with libphonenumber (the `rlibphonenumber` port).
//!
//! Two sources, one validation:
//! - libphonenumber's own `PhoneNumberMatcher` over the folded text finds numbers written the
//!   way phone numbers are written (`+44 20 7123 4567`, `(415) 555-0132 ext. 12`,
//!   `011 44...` international prefixes);
//! - a digit-run scanner over the compact tokens finds what users disguise: number words,
//!   leetspeak, dotted or spaced digits, digits split by odd separators.
//!
//! Either way a candidate becomes a finding only if libphonenumber says it is a *valid*
//! number for its region (from a `+CC` prefix, else the message's region hint, else the
//! configured default). A digit run that is not valid is not a phone. Numbers labelled as
//! something else ("order #", "part number", "SKU") are dropped by [`crate::context`].

use std::sync::LazyLock;

use aho_corasick::AhoCorasick;
use regex::Regex;
use rlibphonenumber::phonenumber_matcher::{Leniency, PHONE_MATCHER_FACTORY};
use rlibphonenumber::{PhoneNumber, PhoneNumberFormat, PHONE_NUMBER_UTIL};

use super::{Detector, ScanContext, SpanIndex};
use crate::normalize::{ceil_char_boundary, floor_char_boundary, Normalized, TokenClass};
use crate::{Finding, Kind, Region};

/// Finds phone numbers.
pub struct PhoneDetector;

/// At most this many matcher attempts per text, so a 10 MB document of digits stays linear.
const MAX_MATCHER_TRIES: u64 = 100_000;

impl Detector for PhoneDetector {
    fn name(&self) -> &'static str {
        "phone"
    }

    fn kinds(&self) -> &'static [Kind] {
        &[Kind::Phone]
    }

    fn detect(&self, text: &Normalized<'_>, scan: &ScanContext<'_>, out: &mut Vec<Finding>) {
        let compact = text.compact();
        // Six digits settle it; a long document need not be counted to its end.
        if compact.bytes().filter(u8::is_ascii_digit).take(6).count() < 6 {
            return;
        }
        let first = out.len();
        let mut found_spans = SpanIndex::default();
        // What the matcher reported, in order: the digit-run scanner need not parse again
        // a run wholly inside one of them.
        let mut matched = Vec::new();
        let mut gate = Gate::new(text, out);
        // The pieces of text worth handing to the matcher, found once for both of its passes.
        let windows = matcher_windows(text.folded(), &mut gate);
        for window in &windows {
            // National numbers of other regions are the digit-run scanner's business (it
            // tries them only in national format with a trunk prefix); asking the matcher to
            // try every fallback region costs a hundred times more on every message with a
            // number in it.
            let builder = PHONE_MATCHER_FACTORY
                .matcher_builder(window.text)
                .leniency(Leniency::Valid)
                .max_tries(MAX_MATCHER_TRIES)
                .preferred_region(scan.region.0);
            for found in builder.build() {
                if found.start >= window.accept_before {
                    break;
                }
                // "fits the 2016 model": German numbering allows very short numbers, but
                // in a message a bare run of under seven digits is a year or a quantity.
                if national_digits(found.raw_string) < 7 {
                    continue;
                }
                let in_region = found.raw_string.trim_start().starts_with('+')
                    || found.number.is_valid_for_region(scan.region.0);
                // A national number of another region: plausible (international users write
                // their own country's numbers) but less certain, and too ambiguous when short.
                if !in_region
                    && (national_digits(found.raw_string) < 10
                        || !found.raw_string.trim_start().starts_with('0'))
                {
                    continue;
                }
                let (start, end) =
                    text.original_span(window.offset + found.start, window.offset + found.end());
                if push_phone(
                    &mut found_spans,
                    out,
                    canonical(&found.number),
                    (start, end),
                    if in_region { 0.95 } else { 0.7 },
                    if in_region {
                        "phone/libphonenumber"
                    } else {
                        "phone/other_region"
                    },
                ) {
                    matched.push((start, end));
                }
            }
        }
        // Looked up only if a digit run is not valid in the message's own region.
        let named = std::cell::OnceCell::new();
        let named = NamedRegions {
            text,
            regions: &named,
        };
        gate.rewind();
        let runs = DigitRuns {
            text,
            scan,
            named: &named,
            matched: &matched,
        };
        runs.find(&mut gate, &mut found_spans, out);
        possible_with_cue(text, scan, &windows, &mut found_spans, out);
        read_backwards_where_told(text, scan, &mut found_spans, first, out);
    }
}

/// How far from a phone number a word that says "backwards" is taken to speak of it: the
/// same sentence, or the clause just before ("number ulta likha hai, seedha padh lena: …").
const BACKWARDS_REACH: usize = 80;

static REVERSE_WORDS: LazyLock<AhoCorasick> = LazyLock::new(|| {
    AhoCorasick::builder()
        .match_kind(aho_corasick::MatchKind::LeftmostLongest)
        .build(crate::lexicon::reverse_words())
        .expect("reverse word automaton")
});

/// Where the text says a value is written backwards ("my number reversed:", "ulta likha
/// hai", "al revés", "наоборот"), each run of digits near that word is read backwards too,
/// and reported that way when the backward reading is a valid number: the writer told the
/// reader which way to read it. A phone found forwards whose backward reading is not valid
/// keeps its value.
fn read_backwards_where_told(
    text: &Normalized<'_>,
    scan: &ScanContext<'_>,
    found_spans: &mut SpanIndex,
    first: usize,
    out: &mut Vec<Finding>,
) {
    // Capitals of every script lowered already.
    let lower = text.lower();
    let bytes = lower.as_bytes();
    let is_word = |at: usize| bytes.get(at).is_some_and(|b| b.is_ascii_alphanumeric());
    let words = crate::lexicon::reverse_words();
    let cues: Vec<(usize, usize)> = REVERSE_WORDS
        .find_iter(lower)
        .filter(|m| {
            let joined = !words[m.pattern().as_usize()].is_ascii();
            joined || ((m.start() == 0 || !is_word(m.start() - 1)) && !is_word(m.end()))
        })
        .map(|m| text.original_span(m.start(), m.end()))
        .collect();
    if cues.is_empty() {
        return;
    }
    let original = text.original;
    let near = |start: usize, end: usize| {
        cues.iter().any(|&(cue_start, cue_end)| {
            let between = if cue_end <= start {
                original.get(cue_end..start)
            } else if cue_start >= end {
                original.get(end..cue_start)
            } else {
                None
            };
            between.is_some_and(|gap| gap.len() <= BACKWARDS_REACH && !gap.contains('\n'))
        })
    };
    let backwards = |written: &str| -> Option<String> {
        if written.trim_start().starts_with('+') {
            return None;
        }
        let digits: String = written
            .chars()
            .rev()
            .filter_map(|c| {
                c.to_digit(10)
                    .or(crate::normalize::decimal_digit(c).map(u32::from))
            })
            .filter_map(|d| char::from_digit(d, 10))
            .collect();
        valid_number(&digits, scan)
    };
    for phone in out[first..].iter_mut().filter(|f| f.kind == Kind::Phone) {
        if !near(phone.start, phone.end) {
            continue;
        }
        if let Some(value) = original.get(phone.start..phone.end).and_then(backwards) {
            phone.value = Some(value);
            phone.rule = "phone/backwards";
        }
    }
    // Runs of digits that read as no number forwards were not reported at all.
    static DIGIT_RUN: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"\d(?:[ .\-]?\d){6,14}").expect("digit run pattern"));
    for run in DIGIT_RUN.find_iter(original) {
        if found_spans.overlaps(run.start(), run.end()) || !near(run.start(), run.end()) {
            continue;
        }
        if let Some(value) = backwards(run.as_str()) {
            push_phone(
                found_spans,
                out,
                value,
                (run.start(), run.end()),
                0.8,
                "phone/backwards",
            );
        }
    }
}

/// Country and nationality names (lower case) and their regions, sorted by name.
const REGION_NAMES: &[(&str, &str)] = &[
    ("argentina", "AR"),
    ("argentine", "AR"),
    ("argentinian", "AR"),
    ("australia", "AU"),
    ("australian", "AU"),
    ("bangladesh", "BD"),
    ("bangladeshi", "BD"),
    ("brazil", "BR"),
    ("brazilian", "BR"),
    ("british", "GB"),
    ("china", "CN"),
    ("chinese", "CN"),
    ("cn", "CN"),
    ("colombia", "CO"),
    ("colombian", "CO"),
    ("dubai", "AE"),
    ("dutch", "NL"),
    ("egypt", "EG"),
    ("egyptian", "EG"),
    ("emirati", "AE"),
    ("english", "GB"),
    ("filipino", "PH"),
    ("france", "FR"),
    ("french", "FR"),
    ("german", "DE"),
    ("germany", "DE"),
    ("india", "IN"),
    ("indian", "IN"),
    ("indonesia", "ID"),
    ("indonesian", "ID"),
    ("israel", "IL"),
    ("israeli", "IL"),
    ("italian", "IT"),
    ("italy", "IT"),
    ("japan", "JP"),
    ("japanese", "JP"),
    ("kenya", "KE"),
    ("kenyan", "KE"),
    ("korea", "KR"),
    ("korean", "KR"),
    ("mexican", "MX"),
    ("mexico", "MX"),
    ("moroccan", "MA"),
    ("morocco", "MA"),
    ("nigeria", "NG"),
    ("nigerian", "NG"),
    ("pakistan", "PK"),
    ("pakistani", "PK"),
    ("philippine", "PH"),
    ("philippines", "PH"),
    ("poland", "PL"),
    ("polish", "PL"),
    ("portugal", "PT"),
    ("portuguese", "PT"),
    ("russia", "RU"),
    ("russian", "RU"),
    ("saudi", "SA"),
    ("spain", "ES"),
    ("spanish", "ES"),
    ("turkey", "TR"),
    ("turkish", "TR"),
    ("uae", "AE"),
    ("uk", "GB"),
    ("ukraine", "UA"),
    ("ukrainian", "UA"),
    ("vietnam", "VN"),
    ("vietnamese", "VN"),
];

/// For each first letter and second letter, the lengths of the names in [`REGION_NAMES`]
/// that start with them, a bit per length. Every word of a text is looked up; almost all of
/// them fail this test and are never compared with the names.
const REGION_NAME_LENGTHS: [[u16; 26]; 26] = {
    let mut lengths = [[0; 26]; 26];
    let mut i = 0;
    while i < REGION_NAMES.len() {
        let name = REGION_NAMES[i].0.as_bytes();
        lengths[(name[0] - b'a') as usize][(name[1] - b'a') as usize] |= 1 << name.len();
        i += 1;
    }
    lengths
};

/// The region of a country or nationality name (lower case), if `word` is one.
fn region_named(word: &[u8]) -> Option<&'static str> {
    let [first, second, ..] = *word else {
        return None;
    };
    let lengths = REGION_NAME_LENGTHS
        .get(usize::from(first.wrapping_sub(b'a')))?
        .get(usize::from(second.wrapping_sub(b'a')))?;
    if u32::from(*lengths)
        .checked_shr(word.len() as u32)
        .is_none_or(|bit| bit & 1 == 0)
    {
        return None;
    }
    let at = REGION_NAMES
        .binary_search_by(|(name, _)| name.as_bytes().cmp(word))
        .ok()?;
    Some(REGION_NAMES[at].1)
}

/// The regions a text names ([`named_regions`]), found on first use.
struct NamedRegions<'t, 'n, 'c> {
    text: &'t Normalized<'n>,
    regions: &'c std::cell::OnceCell<Vec<Region>>,
}

impl NamedRegions<'_, '_, '_> {
    fn get(&self) -> &[Region] {
        self.regions.get_or_init(|| named_regions(self.text))
    }
}

/// Countries and nationalities named in a text, as regions for its national numbers.
fn named_regions(text: &Normalized<'_>) -> Vec<Region> {
    let mut regions = Vec::new();
    let compact = text.compact().as_bytes();
    for token in text.tokens() {
        if token.class != TokenClass::Word {
            continue;
        }
        // The bytes, not the `str`: no character boundaries to check for every word.
        let word = compact.get(token.text_range()).unwrap_or_default();
        if let Some(code) = region_named(word) {
            if let Ok(region) = Region::parse(code) {
                if !regions.contains(&region) {
                    regions.push(region);
                }
            }
        }
    }
    regions
}

/// Words that offer a number as a way to be called or texted.
const CALL_CUE_WORDS: &[&str] = &[
    "call",
    "calls",
    "phone",
    "tel",
    "telephone",
    "mobile",
    "cell",
    "cellphone",
    "reach",
    "text",
    "txt",
    "whatsapp",
    "ring",
    "dial",
    "sms",
    "contact",
    "number",
    "num",
    "telefono",
    "telefone",
    "telefon",
    "telepono",
    "numero",
    "numéro",
    "nummer",
    "handy",
    "movil",
    "celular",
    "portable",
];

/// [`CALL_CUE_WORDS`] as whole words.
static CALL_CUE: LazyLock<Regex> = LazyLock::new(|| {
    crate::lexicon::ascii_regex(&format!(r"\b(?:{})\b", CALL_CUE_WORDS.join("|")))
});

/// [`CALL_CUE_WORDS`] anywhere, whole words or not: a piece of text without any of them
/// holds no cue, and the matcher need not look at the numbers after it.
static CALL_CUE_ANYWHERE: LazyLock<AhoCorasick> =
    LazyLock::new(|| AhoCorasick::new(CALL_CUE_WORDS).expect("call cue automaton"));

/// A number the sender explicitly offers as a way to be called ("call me at 123-456-7890")
/// is reported even when the numbering plan does not know it yet, as long as it has a
/// possible length for the region: metadata lags behind new number ranges, and the intent is
/// plain. Lower confidence, so a policy warns rather than blocks.
fn possible_with_cue(
    text: &Normalized<'_>,
    scan: &ScanContext<'_>,
    windows: &[MatcherWindow<'_>],
    found_spans: &mut SpanIndex,
    out: &mut Vec<Finding>,
) {
    let lower = text.lower();
    if !CALL_CUE.is_match(lower) {
        return;
    }
    for window in windows {
        // A number's cue lies in the 40 bytes before it, so a cue for any number of this
        // window lies in this reach.
        let reach = lower
            .as_bytes()
            .get(window.offset.saturating_sub(40)..window.offset + window.accept_before);
        if reach.is_some_and(|reach| !CALL_CUE_ANYWHERE.is_match(reach)) {
            continue;
        }
        let matcher = PHONE_MATCHER_FACTORY
            .matcher_builder(window.text)
            .leniency(Leniency::Possible)
            .preferred_region(scan.region.0)
            .max_tries(MAX_MATCHER_TRIES)
            .build();
        for found in matcher {
            if found.start >= window.accept_before {
                break;
            }
            if national_digits(found.raw_string) < 7 {
                continue;
            }
            let found_start = window.offset + found.start;
            let window_start = found_start.saturating_sub(40);
            let before = lower.get(window_start..found_start).unwrap_or("");
            if !CALL_CUE.is_match(before) {
                continue;
            }
            let (start, end) = text.original_span(found_start, window.offset + found.end());
            push_phone(
                found_spans,
                out,
                canonical(&found.number),
                (start, end),
                0.6,
                "phone/possible_with_cue",
            );
        }
    }
}

/// Reports a phone unless an earlier source already reported one overlapping it (the
/// matcher, the digit-run scanner and the cue-backed pass find many of the same numbers);
/// says whether it did.
fn push_phone(
    found_spans: &mut SpanIndex,
    out: &mut Vec<Finding>,
    value: String,
    (start, end): (usize, usize),
    confidence: f32,
    rule: &'static str,
) -> bool {
    if found_spans.overlaps(start, end) {
        return false;
    }
    found_spans.insert(start, end);
    let (confidence, rule) = if is_fiction_number(&value) {
        (confidence.min(0.3), "phone/fiction_range")
    } else {
        (confidence, rule)
    };
    out.push(Finding::new(
        Kind::Phone,
        Some(value),
        start,
        end,
        confidence,
        rule,
    ));
    true
}

/// Ranges of numbers reserved for films, books and examples (E.164 prefixes): a valid-looking
/// number there reaches no one, so it is reported at low confidence, as `phone/fiction_range`.
/// Sources: NANPA (555-0100 to 555-0199 in every area code), Ofcom's numbers for drama
/// (07700 900xxx, 01632 960xxx, 020 7946 0xxx, 0113..0191 496/498 0xxx, 0808 157 0xxx,
/// 0909 879 0xxx, 0306 999 0xxx), ACMA's numbers for fiction (0x 5550 xxxx, 0x 7010 xxxx,
/// 1800 160 401, 0491 570 xxx).
const FICTION_PREFIXES: &[&str] = &[
    "+447700900",
    "+441632960",
    "+442079460",
    "+441134960",
    "+441144960",
    "+441154960",
    "+441164960",
    "+441174960",
    "+441184960",
    "+441214960",
    "+441314960",
    "+441414960",
    "+441514960",
    "+441614960",
    "+441914980",
    "+448081570",
    "+449098790",
    "+443069990",
    "+6125550",
    "+6135550",
    "+6175550",
    "+6185550",
    "+6127010",
    "+6137010",
    "+6177010",
    "+6187010",
    "+61491570",
];

/// Whether an E.164 value lies in a range reserved for fiction ([`FICTION_PREFIXES`], and the
/// North American 555-01xx numbers of every area code).
fn is_fiction_number(value: &str) -> bool {
    let digits = value.split(';').next().unwrap_or(value);
    if let Some(national) = digits.strip_prefix("+1") {
        if national.len() == 10 && national.get(3..8) == Some("55501") {
            return true;
        }
        // Area code 555 is not assigned (NANPA reserves it): "(555) 010-0199", the fiction
        // range written with 555 in front.
        if national.len() == 10 && national.starts_with("555") {
            return true;
        }
    }
    FICTION_PREFIXES.iter().any(|p| digits.starts_with(p))
}

/// A piece of the folded text handed to libphonenumber's matcher.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct MatcherWindow<'t> {
    /// Where `text` starts in the folded text.
    offset: usize,
    /// The piece: a stretch of characters a matcher candidate can be made of, with the
    /// character before it and up to three after it, which the matcher reads to judge a
    /// candidate at an edge (a letter glued to the number, a `:30` time suffix).
    text: &'t str,
    /// Matches starting at or after this index of `text` begin in the trailing context:
    /// they belong to the next window.
    accept_before: usize,
}

/// The longest stretch handed to the matcher in one piece. Its cost grows faster than
/// linearly on long runs of digits and spaces; longer stretches are cut into overlapping
/// pieces of this size, which keeps a 10 MB text of digits linear.
const CHUNK: usize = 4096;
/// How much those pieces overlap: more than any phone number.
const OVERLAP: usize = 96;

/// Whether an ASCII byte can be part of a candidate of libphonenumber's matcher: digits;
/// its punctuation (`VALID_PUNCTUATION`: dashes, spaces, dots, slashes, brackets, tildes,
/// `x`); its lead characters (`+`, brackets); and everything its extension pattern accepts
/// (`;ext=`, `ext.`, `extension`, `anexo`, `int`, `x`, `#`, `~`, and the `,`, `:` and tabs
/// around them, in any case). The matcher's pattern cannot match across any other ASCII
/// character (a line break, most letters), so the text can be cut there without changing
/// what it finds.
const fn may_be_in_candidate(b: u8) -> bool {
    matches!(
        b,
        b'0'..=b'9'
            | b' '
            | b'\t'
            | b'-'
            | b'('
            | b')'
            | b'['
            | b']'
            | b'.'
            | b'/'
            | b'~'
            | b'+'
            | b';'
            | b'='
            | b','
            | b':'
            | b'#'
            | b'a'
            | b'e'
            | b'i'
            | b'n'
            | b'o'
            | b's'
            | b't'
            | b'x'
            | b'A'
            | b'E'
            | b'I'
            | b'N'
            | b'O'
            | b'S'
            | b'T'
            | b'X'
    ) || !b.is_ascii()
}

/// The pieces of `folded` worth handing to the matcher: each maximal stretch of characters
/// a candidate can be made of ([`may_be_in_candidate`]) that holds a digit stretch the gate
/// lets through. The matcher finds in each piece exactly what it would find there in the
/// whole text, and never has to search the prose between numbers; in a long document that
/// is most of the text.
fn matcher_windows<'t>(folded: &'t str, gate: &mut Gate<'_, '_>) -> Vec<MatcherWindow<'t>> {
    let bytes = folded.as_bytes();
    let mut windows = Vec::new();
    // End of the last stretch handed over: digit stretches inside it are covered.
    let mut covered_until = 0;
    for stretch in stretches(folded) {
        if stretch.start < covered_until
            || !(7..=24).contains(&stretch.n_digits)
            || !{
                let (start, end) = gate.text.original_span(stretch.start, stretch.end);
                gate.worth_parsing(start, end)
            }
        {
            continue;
        }
        // Widen to the whole stretch of possible candidate characters. Every byte outside
        // ASCII counts as possible, so both edges fall on ASCII bytes: char boundaries.
        let mut run_start = stretch.start;
        while run_start > covered_until && may_be_in_candidate(bytes[run_start - 1]) {
            run_start -= 1;
        }
        let mut run_end = stretch.end;
        while run_end < bytes.len() && may_be_in_candidate(bytes[run_end]) {
            run_end += 1;
        }
        covered_until = run_end;
        let mut piece_start = run_start;
        loop {
            let piece_end =
                floor_char_boundary(folded, (piece_start + CHUNK + OVERLAP).min(run_end));
            // One character of context before, up to three after.
            let before = folded[..piece_start]
                .chars()
                .next_back()
                .map_or(0, char::len_utf8);
            let after: usize = folded[piece_end..]
                .chars()
                .take(3)
                .map(char::len_utf8)
                .sum();
            let offset = piece_start - before;
            windows.push(MatcherWindow {
                offset,
                text: &folded[offset..piece_end + after],
                accept_before: piece_end - offset,
            });
            if piece_end >= run_end {
                break;
            }
            piece_start = ceil_char_boundary(folded, piece_start + CHUNK);
        }
    }
    windows
}

/// E.164, with `;ext=` when the number has an extension.
pub(crate) fn canonical(number: &PhoneNumber) -> String {
    let mut value = number.format_as(PhoneNumberFormat::E164).into_owned();
    if !number.extension().is_empty() {
        value.push_str(";ext=");
        value.push_str(number.extension());
    }
    value
}

/// A stretch of digits in which digits are separated by at most two characters of phone
/// punctuation: `start..end` runs from its first digit to its last.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Stretch {
    start: usize,
    end: usize,
    n_digits: usize,
}

/// The digit stretches of `text`, in order.
fn stretches(text: &str) -> impl Iterator<Item = Stretch> + '_ {
    let bytes = text.as_bytes();
    let mut i = 0;
    std::iter::from_fn(move || {
        i = next_digit(bytes, i);
        if i >= bytes.len() {
            return None;
        }
        let mut stretch = Stretch {
            start: i,
            end: i,
            n_digits: 0,
        };
        let mut gap = 0;
        while i < bytes.len() {
            let b = bytes[i];
            if b.is_ascii_digit() {
                stretch.n_digits += 1;
                stretch.end = i + 1;
                gap = 0;
            } else if matches!(b, b' ' | b'-' | b'.' | b'(' | b')' | b'/' | b'+' | b'\t') && gap < 2
            {
                gap += 1;
            } else {
                break;
            }
            i += 1;
        }
        Some(stretch)
    })
}

/// Where the first ASCII digit at or after `from` is in `bytes` (`bytes.len()` if none).
/// Most of a text is not digits, so sixteen bytes are tested at a time, then eight. Inlined
/// into the stretch scanner, which calls it once per stretch of digits.
#[inline]
fn next_digit(bytes: &[u8], mut from: usize) -> usize {
    while let Some(chunk) = bytes.get(from..).and_then(<[u8]>::first_chunk::<16>) {
        let word = u128::from_le_bytes(*chunk);
        let low = super::ascii_digit_lanes(word as u64);
        let high = super::ascii_digit_lanes((word >> 64) as u64);
        if low != 0 {
            return from + (low.trailing_zeros() / 8) as usize;
        }
        if high != 0 {
            return from + 8 + (high.trailing_zeros() / 8) as usize;
        }
        from += 16;
    }
    while let Some(chunk) = bytes.get(from..).and_then(<[u8]>::first_chunk::<8>) {
        let digits = super::ascii_digit_lanes(u64::from_le_bytes(*chunk));
        if digits != 0 {
            return from + (digits.trailing_zeros() / 8) as usize;
        }
        from += 8;
    }
    bytes
        .get(from..)
        .and_then(|rest| rest.iter().position(u8::is_ascii_digit))
        .map_or(bytes.len(), |at| from + at)
}

/// Decides, before any libphonenumber work, whether a digit run can end up as a phone
/// finding. libphonenumber's parser and matcher cost microseconds per candidate, and most
/// digit runs in marketplace text are dates, order numbers or the inside of an IBAN: the
/// context step would drop them anyway, so they are not parsed at all.
struct Gate<'t, 'n> {
    text: &'t Normalized<'n>,
    /// Spans (original offsets) of findings whose digits are their own: payment IDs and
    /// links, sorted by start, with the running maximum of their ends.
    containers: Vec<(usize, usize)>,
    /// The verdicts given so far, in the order asked: each pass asks about spans in order,
    /// and the digit-run pass about most of the spans the matcher pass asked about.
    asked: Vec<(usize, usize, bool)>,
    /// How far the current pass has read `asked`.
    cursor: usize,
}

impl<'t, 'n> Gate<'t, 'n> {
    fn new(text: &'t Normalized<'n>, earlier: &[Finding]) -> Gate<'t, 'n> {
        let mut containers: Vec<(usize, usize)> = earlier
            .iter()
            .filter(|f| {
                // A PIX key may be a phone number, and is then that phone too.
                (f.rule.starts_with("payment_ids/") && f.rule != "payment_ids/pix_key")
                    || (f.rule.starts_with("link/") && f.kind != Kind::Phone)
                    // "<1992Jul3.191825.14435@netlabs.com>": an address's digits are its own.
                    || f.kind == Kind::Email
            })
            .map(|f| (f.start, f.end))
            .collect();
        containers.sort_unstable();
        let mut max_end = 0;
        for span in &mut containers {
            max_end = max_end.max(span.1);
            span.1 = max_end;
        }
        Gate {
            text,
            containers,
            asked: Vec::new(),
            cursor: 0,
        }
    }

    /// Starts a new pass over the text: its questions come in order again.
    fn rewind(&mut self) {
        self.cursor = 0;
    }

    /// [`Gate::judge`], answered from an earlier pass when it asked about the same span.
    fn worth_parsing(&mut self, start: usize, end: usize) -> bool {
        while self
            .asked
            .get(self.cursor)
            .is_some_and(|&(s, _, _)| s < start)
        {
            self.cursor += 1;
        }
        if let Some(&(s, e, verdict)) = self.asked.get(self.cursor) {
            if (s, e) == (start, end) {
                return verdict;
            }
        }
        let verdict = self.judge(start, end);
        // Kept in order of start: only a span past all asked ones is recorded.
        if self.cursor == self.asked.len() {
            self.asked.push((start, end, verdict));
        }
        verdict
    }

    /// Whether the digits at `start..end` of the original text may be a phone number: not a
    /// date, not a single labelled code ("order #48291371", "ISBN 978-3-16-148410-0"), not
    /// wholly inside a payment ID or a link.
    fn judge(&self, start: usize, end: usize) -> bool {
        let Some(evidence) = self.text.original.get(start..end) else {
            return true;
        };
        // A date in Devanagari or Arabic-Indic digits is a date all the same; a run with a
        // date in it and a time after it ("2018-07-01 15:49:36", "0 2008-09-15 20:21") is a
        // timestamp.
        let evidence_digits = crate::normalize::ascii_digits(evidence);
        let time_after = self.text.original.get(end..).is_some_and(|after| {
            after.as_bytes().starts_with(b":")
                && after.as_bytes().get(1).is_some_and(u8::is_ascii_digit)
        });
        if date_shaped(&evidence_digits)
            || (time_after && evidence_digits.split_whitespace().any(date_shaped))
        {
            return false;
        }
        // "-2147418113": a negative number, not a phone.
        let before = &self.text.original[..start];
        if before.ends_with('-')
            && before[..before.len() - 1]
                .chars()
                .next_back()
                .is_none_or(char::is_whitespace)
        {
            return false;
        }
        // "(195.136.15.226)": an IPv4 address.
        if evidence_digits
            .split(|c: char| c.is_whitespace() || matches!(c, '(' | ')' | '[' | ']'))
            .any(ipv4_shaped)
        {
            return false;
        }
        // A label rules out one code; a run with spaces in it may hold a phone after the
        // code ("ref 12345 / 415 555 0132"), which the context step judges on its own.
        if !has_whitespace(evidence)
            && crate::context::labelled_as_other(self.text.original, start, end)
        {
            return false;
        }
        let inside = self.containers.partition_point(|&(s, _)| s <= start);
        !(inside > 0 && self.containers[inside - 1].1 >= end)
    }
}

/// Whether `text` holds a whitespace character; a plain ASCII text is read byte by byte.
fn has_whitespace(text: &str) -> bool {
    if text.is_ascii() {
        // The ASCII characters `char::is_whitespace` accepts: tab to carriage return, space.
        text.bytes().any(|b| matches!(b, b'\t'..=b'\r' | b' '))
    } else {
        text.contains(char::is_whitespace)
    }
}

/// `2024-05-06`, `06/05/2024`, `6.5.2024`: three groups of digits split by one repeated
/// separator, shaped like a year, a month and a day. No numbering plan writes a phone number
/// that way.
fn date_shaped(evidence: &str) -> bool {
    // A four-digit year, two groups of one or two digits and two separators.
    if !(8..=10).contains(&evidence.len()) {
        return false;
    }
    // (value, number of digits) of each group.
    let mut groups = [(0u32, 0usize); 3];
    let mut n_groups = 1;
    let mut separator = None;
    for b in evidence.bytes() {
        let group = &mut groups[n_groups - 1];
        match b {
            b'0'..=b'9' if group.1 < 4 => {
                group.0 = group.0 * 10 + u32::from(b - b'0');
                group.1 += 1;
            }
            b'-' | b'/' | b'.'
                if group.1 > 0 && n_groups < 3 && separator.is_none_or(|s| s == b) =>
            {
                separator = Some(b);
                n_groups += 1;
            }
            _ => return false,
        }
    }
    let [(x, a), (y, b), (z, c)] = groups;
    if n_groups < 3 || c == 0 {
        return false;
    }
    let year = |len: usize, v: u32| len == 4 && (1900..=2099).contains(&v);
    let month = |len: usize, v: u32| len <= 2 && (1..=12).contains(&v);
    let day = |len: usize, v: u32| len <= 2 && (1..=31).contains(&v);
    (year(a, x) && month(b, y) && day(c, z))
        || (year(c, z) && ((day(a, x) && month(b, y)) || (month(a, x) && day(b, y))))
}

/// Whether the pieces are decimal digits only, all of one script: a number written in the
/// writer's own digits (`९८७६५ ४३२१०`, `٠١٢٣`) is plainly written, while digits that change
/// script inside one number (`98७६5`), fullwidth or mathematical digits and number words are
/// a disguise.
fn digits_of_one_script<'p>(pieces: impl Iterator<Item = &'p str>) -> bool {
    let mut zero = None;
    for piece in pieces {
        for c in piece.chars() {
            let this = match crate::normalize::decimal_digit(c) {
                Some(d) => u32::from(c) - u32::from(d),
                None if c.is_ascii_digit() => u32::from('0'),
                None => return false,
            };
            // Fullwidth and mathematical digits are no one's script: a disguise.
            if this == 0xFF10 || (0x1D7CE..=0x1D7FF).contains(&this) {
                return false;
            }
            if zero.is_some_and(|z| z != this) {
                return false;
            }
            zero = Some(this);
        }
    }
    true
}

/// `195.136.15.226`: four numbers of 0 to 255 split by dots, as IPv4 addresses are written.
fn ipv4_shaped(piece: &str) -> bool {
    let mut n = 0;
    for part in piece.split('.') {
        n += 1;
        if n > 4
            || part.is_empty()
            || part.len() > 3
            || !part.bytes().all(|b| b.is_ascii_digit())
            || part.parse::<u16>().map_or(true, |v| v > 255)
        {
            return false;
        }
    }
    n == 4
}

fn national_digits(raw: &str) -> usize {
    raw.bytes().filter(u8::is_ascii_digit).count()
}

/// Parses `digits` (optionally `+`-prefixed) and returns the canonical value if valid.
pub(crate) fn valid_number(digits: &str, scan: &ScanContext<'_>) -> Option<String> {
    valid_in(digits, &scan.region)
}

/// `digits` as a valid number of `region` (an ISO 3166 code), in E.164.
pub(crate) fn valid_number_for(digits: &str, region: &str) -> Option<String> {
    valid_in(digits, &crate::Region::parse(region).ok()?)
}

fn valid_in(digits: &str, region: &crate::Region) -> Option<String> {
    let number = PHONE_NUMBER_UTIL.parse(digits, Some(region.0)).ok()?;
    number.is_valid().then(|| canonical(&number))
}

/// Like [`valid_number`], then in the fallback regions for numbers of at least nine digits;
/// returns whether the number is in the primary region.
fn valid_number_anywhere(
    digits: &str,
    scan: &ScanContext<'_>,
    named: &NamedRegions<'_, '_, '_>,
) -> Option<(String, bool)> {
    if let Some(value) = valid_number(digits, scan) {
        return Some((value, true));
    }
    // A number with its country code reads the same under every region hint.
    if digits.starts_with('+') {
        return None;
    }
    // "My Israeli number is 09-7625400": a country the text names is as good as a hint.
    for region in named.get() {
        if let Ok(number) = PHONE_NUMBER_UTIL.parse(digits, Some(region.0)) {
            if number.is_valid() {
                return Some((canonical(&number), false));
            }
        }
    }
    // Only numbers written in national format with a trunk prefix ("0917 123 4567"): a bare
    // digit run is valid *somewhere* far too often.
    if national_digits(digits) < 10 || !digits.starts_with('0') {
        return None;
    }
    scan.fallback_regions.iter().find_map(|region| {
        let number = PHONE_NUMBER_UTIL.parse(digits, Some(region.0)).ok()?;
        number.is_valid().then(|| (canonical(&number), false))
    })
}

/// One group of digits in a run: the token index and its digits.
struct Group {
    token_idx: usize,
    len: usize,
}

/// The digit-run scanner: runs of number tokens separated by spaces and phone punctuation,
/// tried whole and then as sub-runs of groups, longest first.
struct DigitRuns<'a, 't> {
    text: &'a Normalized<'t>,
    scan: &'a ScanContext<'a>,
    named: &'a NamedRegions<'a, 't, 'a>,
    /// The spans the matcher reported, disjoint, in the order it reported them: by start
    /// (the overlapping pieces of a stretch longer than [`CHUNK`] may break that order, which
    /// only makes [`DigitRuns::matched_around`] miss a span, never invent one).
    matched: &'a [(usize, usize)],
}

impl DigitRuns<'_, '_> {
    /// Reports the valid phones of every run with seven digits or more that the gate lets
    /// through and that no span the matcher reported holds.
    fn find(&self, gate: &mut Gate<'_, '_>, found_spans: &mut SpanIndex, out: &mut Vec<Finding>) {
        let text = self.text;
        let tokens = text.tokens();
        // One buffer for the groups of every run that gets parsed.
        let mut groups = Vec::new();
        let mut i = 0;
        while let Some(skipped) = tokens
            .get(i..)
            .and_then(|rest| rest.iter().position(|t| t.class == TokenClass::Number))
        {
            i += skipped;
            let RunEnd {
                last,
                n_digits,
                stop,
            } = run_end_token(text, i);
            // `try_run` wants seven digits; the gate's questions cost more than counting.
            if n_digits < 7 {
                i = stop;
                continue;
            }
            let run_start = tokens[i].start();
            let run_end = tokens[last].end();
            if gate.worth_parsing(run_start, run_end)
                && !self.matched_around(run_start, run_end)
                && !in_hex_dump(text, i, last)
            {
                let plus = i >= 1 && text.token_text(&tokens[i - 1]) == "+";
                groups.clear();
                groups.extend(
                    (i..=last)
                        .filter(|&j| tokens[j].class == TokenClass::Number)
                        .map(|j| Group {
                            token_idx: j,
                            len: text.token_text(&tokens[j]).len(),
                        }),
                );
                try_run(text, self.scan, self.named, &groups, plus, found_spans, out);
            }
            i = stop;
        }
    }

    /// Whether one span the matcher reported holds all of `start..end`. Then every phone
    /// the run could give overlaps that report and would be dropped: the run is not parsed.
    fn matched_around(&self, start: usize, end: usize) -> bool {
        let at = self.matched.partition_point(|&(s, _)| s <= start);
        at > 0 && self.matched[at - 1].1 >= end
    }
}

/// Whether the run of number tokens `first..=last` is bytes of a hex dump: all its groups
/// two digits, next to a two-character hex byte with a letter ("0f b7 47 18 83 f8 0f 0f 84 53
/// 01 00 00 83 f8").
fn in_hex_dump(text: &Normalized<'_>, first: usize, last: usize) -> bool {
    let tokens = text.tokens();
    let groups_of_two = tokens[first..=last]
        .iter()
        .filter(|t| t.class == TokenClass::Number)
        .all(|t| t.text_range().len() == 2);
    if !groups_of_two {
        return false;
    }
    let hex_byte = |at: Option<usize>| {
        at.and_then(|k| tokens.get(k)).is_some_and(|t| {
            let word = text.token_text(t).as_bytes();
            t.class == TokenClass::Word
                && word.len() == 2
                && word.iter().all(u8::is_ascii_hexdigit)
                && word.iter().any(u8::is_ascii_alphabetic)
        })
    };
    hex_byte(first.checked_sub(2)) || hex_byte(Some(last + 2))
}

/// Where a run of number tokens ends ([`run_end_token`]).
struct RunEnd {
    /// The run's last number token.
    last: usize,
    /// The run's number of digits.
    n_digits: usize,
    /// Where the reading stopped: no number token lies between `last` and here, so the next
    /// run is looked for from here, not again from `last`.
    stop: usize,
}

/// The end of the run of number tokens that starts at `first` (number tokens separated by at
/// most three spaces and phone punctuation).
fn run_end_token(text: &Normalized<'_>, first: usize) -> RunEnd {
    let tokens = text.tokens();
    // A number token's text is its digits: its length is read from its range. Punctuation is
    // compared as bytes, not as a `str`, which would check character boundaries.
    let compact = text.compact().as_bytes();
    let mut last = first;
    let mut n_digits = tokens.get(first).map_or(0, |t| t.text_range().len());
    let mut n_separators = 0;
    let mut stop = tokens.len();
    for (j, token) in tokens.iter().enumerate().skip(first + 1) {
        match token.class {
            TokenClass::Number => {
                last = j;
                n_digits += token.text_range().len();
                n_separators = 0;
            }
            // A wide gap is between the columns of a table ("129592     171932"), not inside
            // a number: nobody writes a phone's groups of digits three spaces apart.
            // Digits spaced out one by one may have wider gaps between their groups
            // ("0 3   3 3 1   6 0 0 5"): only a gap after a number of three digits or more
            // ends the run.
            TokenClass::Space { .. }
                if tokens[last].text_range().len() >= 3
                    && text
                        .original
                        .get(token.start()..token.end())
                        .is_some_and(|gap| gap.chars().nth(2).is_some()) =>
            {
                stop = j;
                break;
            }
            TokenClass::Space { .. } | TokenClass::Dot => n_separators += 1,
            TokenClass::Punct => match compact.get(token.text_range()).unwrap_or_default() {
                b"-" | b"(" | b")" | b"/" => n_separators += 1,
                // A spoken pause ("oh seven nine one one, one two three"), not a thousands
                // separator ("1,048,576"): a comma counts only when a space follows it.
                b"," if tokens
                    .get(j + 1)
                    .is_some_and(|t| matches!(t.class, TokenClass::Space { .. })) =>
                {
                    n_separators += 1
                }
                // Between groups of digits, a comma of the scripts that write none after it
                // ("幺三八，零零二六", "138、0026", "٠١٠٩،٣٨٤،٧٢٦١") and a symbol or emoji put there to break a
                // filter ("0712🔸345🔸908", "0712•345•908").
                _ if text
                    .original
                    .get(token.start()..token.end())
                    .is_some_and(is_group_mark) =>
                {
                    n_separators += 1
                }
                _ => {
                    stop = j;
                    break;
                }
            },
            _ => {
                stop = j;
                break;
            }
        }
        if n_separators > 3 {
            stop = j;
            break;
        }
    }
    RunEnd {
        last,
        n_digits,
        stop,
    }
}

/// The commas of the scripts that write no space after them: Chinese and Japanese (full-width
/// and ideographic, and the half-width ideographic one) and Arabic.
fn is_wide_comma(c: char) -> bool {
    matches!(c, '，' | '、' | '､' | '،')
}

/// Whether `written` (one character of the original text, perhaps with its variation
/// selector) stands between groups of digits only to part them: a comma of the scripts that
/// write no space after it, a bullet, or a symbol or emoji outside ASCII.
fn is_group_mark(written: &str) -> bool {
    let mut chars = written.chars();
    let Some(c) = chars.next() else {
        return false;
    };
    if !chars.all(|rest| matches!(rest, '\u{FE0E}' | '\u{FE0F}' | '\u{200D}')) {
        return false;
    }
    // Not the ASCII marks nor box drawing, which draw pictures with digits ("8~88888").
    is_wide_comma(c)
        || matches!(c, '•' | '·' | '∙' | '⋅')
        || matches!(u32::from(c),
            0x2190..=0x21FF // arrows
            | 0x25A0..=0x27BF // shapes, symbols, dingbats
            | 0x2B00..=0x2BFF // more arrows and shapes
            | 0x1F300..=0x1FAFF // emoji
        )
}

/// Whether groups of digits count up or down by one, four groups or more ("1 2 3 4 5",
/// "7, 8, 9, 10", "10 9 8 7"): an enumeration or a countdown, which no one reads as a phone.
fn counts_by_one<'g>(groups: impl Iterator<Item = &'g str>) -> bool {
    let mut n = 0;
    let mut previous: Option<u64> = None;
    let mut step: Option<i64> = None;
    for group in groups {
        let Ok(value) = group.parse::<u64>() else {
            return false;
        };
        if let Some(p) = previous {
            let d = value as i64 - p as i64;
            if d.abs() != 1 || step.is_some_and(|s| s != d) {
                return false;
            }
            step = Some(d);
        }
        previous = Some(value);
        n += 1;
    }
    n >= 4
}

/// Whether the groups of a run before the token `first_tok` are the start of one code that
/// goes on into it: the run's first group is labelled as something else ("order number is
/// one one four, two seven three…") or glued to letters ("JP4817 2290 3316", a parcel's
/// number; Latin letters: scripts without spaces glue every number to the word before),
/// and only spaces, commas and hyphens part the groups. A phone written after a
/// code is parted from it by other marks ("ref 12345 / 415 555 0132") and is judged alone.
fn continues_a_code(text: &Normalized<'_>, groups: &[Group], first_tok: usize) -> bool {
    let tokens = text.tokens();
    let head = &tokens[groups[0].token_idx];
    let plain_gaps = tokens[groups[0].token_idx..first_tok].iter().all(|t| {
        t.class != TokenClass::Punct || matches!(text.token_text(t), "," | "-" | "\u{2013}")
    });
    if !plain_gaps {
        return false;
    }
    let original = text.original;
    let glued_to_letters = original[..head.start()]
        .chars()
        .next_back()
        .is_some_and(|c| c.is_ascii_alphabetic());
    glued_to_letters || crate::context::labelled_as_other(original, head.start(), head.end())
}

/// Whether the group of digits at `start..end` goes on a code of Latin letters and digits
/// written just before it on the same line, in groups of the same length ("JP4817 2290
/// 3316", a parcel's number). A number after a shorter code is its own ("Flat B12
/// 9876543210").
fn after_a_code(original: &str, start: usize, end: usize) -> bool {
    let before = original[..start].trim_end_matches([' ', '\u{a0}']);
    if before.len() == start {
        return false;
    }
    let word = before
        .rsplit(|c: char| !c.is_ascii_alphanumeric())
        .next()
        .unwrap_or("");
    let digits = word.len() - word.trim_end_matches(|c: char| c.is_ascii_digit()).len();
    digits >= 3
        && digits == original[start..end].chars().count()
        && word.bytes().any(|b| b.is_ascii_alphabetic())
        && before[..before.len() - word.len()]
            .chars()
            .next_back()
            .is_none_or(char::is_whitespace)
}

fn try_run(
    text: &Normalized<'_>,
    scan: &ScanContext<'_>,
    named: &NamedRegions<'_, '_, '_>,
    groups: &[Group],
    plus: bool,
    found_spans: &mut SpanIndex,
    out: &mut Vec<Finding>,
) {
    let tokens = text.tokens();
    let total: usize = groups.iter().map(|g| g.len).sum();
    if total < 7 || groups.len() > 40 {
        return;
    }
    let head = &tokens[groups[0].token_idx];
    if after_a_code(text.original, head.start(), head.end()) {
        return;
    }
    // Longest windows first; each window is tried once.
    let n = groups.len();
    let mut used_until = 0usize;
    for width in (1..=n).rev() {
        for from in 0..=(n - width) {
            let window = &groups[from..from + width];
            let len: usize = window.iter().map(|g| g.len).sum();
            if !(7..=15).contains(&len) {
                continue;
            }
            let first_tok = window[0].token_idx;
            let last_tok = window[width - 1].token_idx;
            if tokens[first_tok].start() < used_until {
                continue;
            }
            // A window carved out of a longer number glued by punctuation ("978-8-25-966637-4",
            // "2024.05.06.1234") is part of that number, not a phone.
            let glued = |a: usize, b: usize| {
                tokens[a + 1..b]
                    .iter()
                    .all(|t| !matches!(t.class, TokenClass::Space { .. }))
            };
            if (from > 0 && glued(groups[from - 1].token_idx, first_tok))
                || (from + width < n && glued(last_tok, groups[from + width].token_idx))
            {
                continue;
            }
            if from > 0 && continues_a_code(text, groups, first_tok) {
                continue;
            }
            // "tickets 4512, 4513, 4518": a list of like codes typed in digits, each of three
            // digits or more and all as long, is not one number; spoken groups ("541, 732,
            // 90, 64", "seiscientos doce, trescientos cuarenta y cinco, ...") are.
            let spans_comma = tokens[first_tok..=last_tok].iter().any(|t| {
                t.class == TokenClass::Punct
                    && (text.token_text(t) == ","
                        || text.original.get(t.start()..t.end()).is_some_and(|c| {
                            let mut chars = c.chars();
                            chars.next().is_some_and(is_wide_comma) && chars.next().is_none()
                        }))
            });
            let typed = window.iter().all(|g| {
                let t = &tokens[g.token_idx];
                text.original[t.start()..t.end()]
                    .chars()
                    .all(|c| c.is_ascii_digit() || crate::normalize::decimal_digit(c).is_some())
            });
            // Sizes and quantities ("٣٨، ٤٠، ٤٢، ٤٤") are such a list of two digits each.
            if spans_comma
                && typed
                && (window[0].len >= 3 || window[0].len == 2 && window.len() >= 3)
                && window.iter().all(|g| g.len == window[0].len)
            {
                continue;
            }
            // "57(4), 612–630": a journal's volume, issue and pages. A phone's parenthesised
            // group is followed by the next group, never by a comma.
            let issue_then_pages = spans_comma
                && tokens[first_tok..=last_tok].windows(2).any(|pair| {
                    text.token_text(&pair[0]) == ")" && text.token_text(&pair[1]) == ","
                });
            if issue_then_pages {
                continue;
            }
            // "2019–2024": a range of years.
            let year = |g: &Group| {
                let t = text.token_text(&tokens[g.token_idx]);
                t.len() == 4 && (t.starts_with("19") || t.starts_with("20"))
            };
            if width == 2 && window.iter().all(year) {
                continue;
            }
            // "one, two, three, four...": counting, not a number.
            if counts_by_one(window.iter().map(|g| text.token_text(&tokens[g.token_idx]))) {
                continue;
            }
            let with_plus = plus && from == 0;
            let mut digits = String::with_capacity(len + 1);
            if with_plus {
                digits.push('+');
            }
            for g in window {
                digits.push_str(text.token_text(&tokens[g.token_idx]));
            }
            let Some((value, in_region)) = valid_number_anywhere(&digits, scan, named) else {
                continue;
            };
            let start = if with_plus {
                tokens[first_tok - 1].start()
            } else {
                tokens[first_tok].start()
            };
            let end = tokens[last_tok].end();
            let disguised = window.iter().any(|g| {
                let t = &tokens[g.token_idx];
                !text.original[t.start()..t.end()]
                    .bytes()
                    .all(|b| b.is_ascii_digit())
            }) && !digits_of_one_script(window.iter().map(|g| {
                let t = &tokens[g.token_idx];
                &text.original[t.start()..t.end()]
            }));
            // Skipped when libphonenumber's matcher already found it (overlapping).
            push_phone(
                found_spans,
                out,
                value,
                (start, end),
                match (in_region, disguised) {
                    (true, true) => 0.85,
                    (true, false) => 0.9,
                    (false, _) => 0.65,
                },
                match (in_region, disguised) {
                    (false, _) => "phone/other_region",
                    (true, true) => "phone/disguised_digits",
                    (true, false) => "phone/digit_run",
                },
            );
            used_until = end;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Region;

    fn phones(text: &str, region: &str) -> Vec<String> {
        let mut out = Vec::new();
        let n = Normalized::new(text);
        let scan = ScanContext {
            region: Region::parse(region).unwrap(),
            fallback_regions: &[],
        };
        PhoneDetector.detect(&n, &scan, &mut out);
        out.into_iter().filter_map(|f| f.value).collect()
    }

    #[test]
    fn finds_numbers_however_written() {
        let cases: &[(&str, &str, &str)] = &[
            ("text 213 707 4143 pls", "US", "+12137074143"),
            ("404.649.4797", "US", "+14046494797"),
            ("７０２７４７４０１８", "US", "+17027474018"),
            ("S123144971", "US", "+15123144971"),
            (
                "two zero six five two five seven six nine four",
                "US",
                "+12065257694",
            ),
            ("six17 334 93six7", "US", "+16173349367"),
            ("40468EBE45", "US", "+14046838345"),
            ("2.1.3.8.9.6.3.7.2.8", "US", "+12138963728"),
            ("+34 612 34 56 78", "US", "+34612345678"),
            ("phone +7 916 123-45-67", "US", "+79161234567"),
            ("call me at (206) 591-2514", "US", "+12065912514"),
            ("2 0 6 5 9 1 2 5 1 4", "US", "+12065912514"),
            ("07911 123456", "GB", "+447911123456"),
        ];
        for (text, region, want) in cases {
            assert_eq!(phones(text, region), vec![want.to_string()], "{text:?}");
        }
    }

    /// Every match of libphonenumber's matcher over the whole text, as (start, end, value).
    fn whole_text_matches(text: &str, leniency: Leniency) -> Vec<(usize, usize, String)> {
        PHONE_MATCHER_FACTORY
            .matcher_builder(text)
            .leniency(leniency)
            .preferred_region(Region::US.0)
            .build()
            .map(|m| (m.start, m.end(), canonical(&m.number)))
            .collect()
    }

    #[test]
    fn the_matcher_never_matches_across_a_byte_windows_are_cut_at() {
        for b in 0u8..128 {
            if may_be_in_candidate(b) {
                continue;
            }
            let c = char::from(b);
            for text in [
                format!("+1 415 555 0132{c}ext. 12"),
                format!("(415){c}555-0132"),
                format!("415-555{c}0132"),
                format!("{c}+44 20 7123 4567{c}"),
                format!("call 650 253 0000 x{c}123"),
            ] {
                for (start, end, _) in whole_text_matches(&text, Leniency::Possible) {
                    assert!(
                        !text[start..end].contains(c),
                        "{c:?} inside a match of {text:?}"
                    );
                }
            }
        }
    }

    #[test]
    fn matcher_windows_find_what_the_whole_text_matcher_finds() {
        let texts = [
            "call me at (206) 591-2514 or +44 20 7123 4567, ext. 12 after 5pm",
            "Ring 650-253-0000 x123 tonight\nor 650 253 0000 ext 45#",
            "abc8005001234 is glued; 8005001234def too; 415 555 0132: ok",
            "meeting at 2012-01-02 08:00 then call +1 (415) 555-0132 anexo 7",
            "ｃａｌｌ ＋１ ４１５ ５５５ ０１３２, or 0044 20 7123 4567; 415.555.0132",
            "the number 415 555 0132/x12 and 415 555 0133",
        ];
        for text in texts {
            let normalized = Normalized::new(text);
            let mut gate = Gate::new(&normalized, &[]);
            let folded = normalized.folded();
            let mut through_windows = Vec::new();
            for window in matcher_windows(folded, &mut gate) {
                assert_eq!(&folded[window.offset..][..window.text.len()], window.text);
                for found in PHONE_MATCHER_FACTORY
                    .matcher_builder(window.text)
                    .leniency(Leniency::Valid)
                    .preferred_region(Region::US.0)
                    .build()
                    .take_while(|m| m.start < window.accept_before)
                {
                    through_windows.push((
                        window.offset + found.start,
                        window.offset + found.end(),
                        canonical(&found.number),
                    ));
                }
            }
            let whole = whole_text_matches(folded, Leniency::Valid);
            assert!(!whole.is_empty(), "{text:?}");
            assert_eq!(through_windows, whole, "{text:?}");
        }
    }

    #[test]
    fn named_regions_are_the_words_that_are_names() {
        assert!(REGION_NAMES.windows(2).all(|w| w[0].0 < w[1].0));
        assert!(REGION_NAMES.iter().all(|(name, _)| name.len() < 16));
        for word in [
            "",
            "c",
            "please",
            "station",
            "ísrael",
            "Israel",
            "indianaaaaaaaaaaaaaaa",
        ] {
            assert_eq!(region_named(word.as_bytes()), None, "{word}");
        }
        // The words whose compact text is a name, looked up one by one.
        let word_by_word = |text: &Normalized<'_>| {
            let mut regions = Vec::new();
            for token in text.tokens() {
                let word = text.token_text(token);
                let named = REGION_NAMES.iter().find(|(name, _)| *name == word);
                if let (TokenClass::Word, Some((_, code))) = (token.class, named) {
                    let region = Region::parse(code).unwrap();
                    if !regions.contains(&region) {
                        regions.push(region);
                    }
                }
            }
            regions
        };
        let mut texts = vec![
            String::new(),
            "please call the station".to_string(),
            "ísrael Israel c ukx xuk".to_string(),
            "Indian or INDIA, philippines/philippine ukrainian-uk: u k, c n, cn".to_string(),
            "chinese5 5china uk_uk uk9 ｕｋ dubai.uae ukraine ukrain".to_string(),
        ];
        for &(name, _) in REGION_NAMES {
            texts.push(format!("my {name} number"));
            texts.push(format!("{} {name}x x{name}", &name[1..]));
        }
        for text in &texts {
            let normalized = Normalized::new(text);
            assert_eq!(
                named_regions(&normalized),
                word_by_word(&normalized),
                "{text:?}"
            );
        }
        for &(name, code) in REGION_NAMES {
            assert_eq!(region_named(name.as_bytes()), Some(code), "{name}");
            let normalized = Normalized::new(name);
            assert_eq!(
                named_regions(&normalized),
                vec![Region::parse(code).unwrap()]
            );
        }
    }

    #[test]
    fn next_digit_finds_the_first_digit() {
        let reference = |text: &[u8], from: usize| {
            text[from..]
                .iter()
                .position(u8::is_ascii_digit)
                .map_or(text.len(), |at| from + at)
        };
        // Every byte value around a digit, at every alignment, and with no digit at all.
        for b in 0..=255u8 {
            for digit in [b'0', b'9', b] {
                for at in 0..20 {
                    let mut text = vec![b; 24];
                    text[at] = digit;
                    for from in 0..=text.len() {
                        assert_eq!(
                            next_digit(&text, from),
                            reference(&text, from),
                            "{text:?} from {from}"
                        );
                    }
                }
            }
        }
    }

    #[test]
    fn a_named_country_gives_its_numbers_a_region() {
        assert_eq!(
            phones("my israeli number is 09-762 5400", "US"),
            vec!["+97297625400".to_string()]
        );
        assert!(phones("my number is 09-762 5400", "US").is_empty());
    }

    #[test]
    fn has_whitespace_agrees_with_char_is_whitespace() {
        for c in (0..=0x3000u32).filter_map(char::from_u32) {
            for text in [format!("12{c}34"), format!("{c}"), format!("é{c}")] {
                assert_eq!(
                    has_whitespace(&text),
                    text.contains(char::is_whitespace),
                    "{text:?}"
                );
            }
        }
    }

    #[test]
    fn the_gate_answers_a_second_pass_as_the_first() {
        let text = "order #48291371 or 415 555 0132 on 2024-05-06, ref 12345 / 415 555 0133";
        let normalized = Normalized::new(text);
        let spans = [(7, 15), (19, 31), (35, 45), (50, 70), (55, 70), (62, 74)];
        let fresh: Vec<bool> = spans
            .iter()
            .map(|&(s, e)| Gate::new(&normalized, &[]).judge(s, e))
            .collect();
        assert!(fresh.contains(&true) && fresh.contains(&false));
        let mut gate = Gate::new(&normalized, &[]);
        for pass in [&spans[..], &spans[1..], &spans[..3]] {
            gate.rewind();
            for &(s, e) in pass {
                let at = spans.iter().position(|&span| span == (s, e)).unwrap();
                assert_eq!(gate.worth_parsing(s, e), fresh[at], "{s}..{e}");
            }
        }
    }

    #[test]
    fn date_shapes() {
        for date in [
            "2024-05-06",
            "06/05/2024",
            "6.5.2024",
            "12/31/1999",
            "2024/1/9",
            "1.1.2000",
            "31-12-2099",
        ] {
            assert!(date_shaped(date), "{date}");
        }
        for not_date in [
            "2024-05-06-1234",
            "2024-13-06",
            "415-555-0132",
            "06/05-2024",
            "3125/05/06",
            "20240506",
            "01 23 45 67 89",
            "2024-05-",
            "-2024-5-6",
            "2024--05",
            "2024-05/06",
            "0.1.2000",
            "13.13.2000",
            "2024.5.6.",
            "1.1.1899",
            "+2024-5-6",
        ] {
            assert!(!date_shaped(not_date), "{not_date}");
        }
    }

    #[test]
    fn timestamps_tables_and_addresses_are_not_phones() {
        for text in [
            "downloaded at 2018-07-01 15:49:36 UTC",
            "-rw-r--r-- 1 root root 0 2008-09-15 20:21 bar",
            "Mem:   976928      20256          0     129592     171932",
            "/dev/loop0p1               1         600     4819468+  83  Linux",
        ] {
            assert_eq!(phones(text, "US"), Vec::<String>::new(), "{text:?}");
        }
        // The same digits written as a phone number are one.
        assert_eq!(
            phones("call 201 807 0115", "US"),
            vec!["+12018070115".to_string()]
        );
    }

    #[test]
    fn ip_addresses_are_not_phones() {
        for text in [
            "[Trusk(+bu@217.99.12.254)] hi",
            " 2  r-bptnet.elsat.net.pl (195.136.15.226)  28.879 ms",
            "server 144.232.7.122 is down",
        ] {
            assert_eq!(phones(text, "US"), Vec::<String>::new(), "{text:?}");
        }
        assert!(ipv4_shaped("195.136.15.226"));
        assert!(!ipv4_shaped("404.649.4797"));
        assert!(!ipv4_shaped("195.136.15"));
        assert_eq!(
            phones("404.649.4797", "US"),
            vec!["+14046494797".to_string()]
        );
    }

    #[test]
    fn hex_dumps_and_negative_numbers_are_not_phones() {
        for text in [
            "Code: 0f b7 47 18 83 f8 0f 0f 84 53 01 00 00 83 f8 10",
            "<Tygrys> -2147418113 - Catastrophic failure",
        ] {
            assert_eq!(phones(text, "US"), Vec::<String>::new(), "{text:?}");
        }
        assert_eq!(
            phones("call 84 53 01 00 00 or 0f", "FR").len(),
            phones("call 84 53 01 00 00", "FR").len()
        );
        assert_eq!(phones("tel -  415 555 0132", "US").len(), 1);
    }

    #[test]
    fn counting_is_not_a_phone() {
        for (text, region) in [
            (
                "one, two, three, four, five, six, seven, eight, nine, ten",
                "US",
            ),
            (
                "eins, zwei, drei, vier, fünf, sechs, sieben, acht, neun und zehn",
                "DE",
            ),
            ("10 9 8 7 6 5 4 3 2 1", "US"),
        ] {
            assert_eq!(phones(text, region), Vec::<String>::new(), "{text:?}");
        }
        assert!(counts_by_one(["7", "8", "9", "10"].into_iter()));
        assert!(!counts_by_one(["2", "0", "6", "5"].into_iter()));
        assert!(!counts_by_one(["1", "2", "3"].into_iter()));
    }

    #[test]
    fn lists_of_numbers_are_not_one_phone() {
        for text in [
            "I fixed tickets 4512, 4513, 4518, 4522 today",
            "orders 88231, 88232, 88240, 88241 shipped",
            // Sizes of two digits each, with the Arabic comma, then a price.
            "المقاسات المتوفرة: ٣٨، ٤٠، ٤٢، ٤٤ والسعر ٢٥٠ درهم",
            "Größen 38, 40, 42, 44 vorrätig",
        ] {
            assert_eq!(phones(text, "US"), Vec::<String>::new(), "{text:?}");
        }
        // Digits read out one by one may pause at a comma.
        assert_eq!(
            phones("two oh six, five two five, seven six nine four", "US"),
            vec!["+12065257694".to_string()]
        );
    }

    /// Every phone finding of a text, as (value, rule, confidence).
    fn phone_findings(text: &str, region: &str) -> Vec<(String, &'static str, f32)> {
        let mut out = Vec::new();
        let n = Normalized::new(text);
        let scan = ScanContext {
            region: Region::parse(region).unwrap(),
            fallback_regions: &[],
        };
        PhoneDetector.detect(&n, &scan, &mut out);
        out.into_iter()
            .map(|f| (f.value.unwrap_or_default(), f.rule, f.confidence))
            .collect()
    }

    #[test]
    fn numbers_reserved_for_fiction_are_reported_low() {
        for (text, region) in [
            ("call (206) 555-0134", "US"),
            ("call 212 555 0199", "US"),
            ("ring 07700 900123", "GB"),
            ("ring 01632 960555", "GB"),
            ("ring 020 7946 0321", "GB"),
        ] {
            let found = phone_findings(text, region);
            assert_eq!(found.len(), 1, "{text:?}");
            assert_eq!(found[0].1, "phone/fiction_range", "{text:?}");
            assert!(found[0].2 <= 0.3, "{text:?}");
        }
        // Next to the reserved ranges, numbers are real.
        for (text, region) in [
            ("call (206) 555-0200", "US"),
            ("call (206) 525-0134", "US"),
            ("ring 07700 800123", "GB"),
            ("ring 01632 970555", "GB"),
        ] {
            for (value, rule, confidence) in phone_findings(text, region) {
                assert_ne!(rule, "phone/fiction_range", "{text:?} {value}");
                assert!(confidence > 0.5, "{text:?}");
            }
        }
    }

    #[test]
    fn numbers_in_the_digits_of_every_script() {
        let cases: &[(&str, &str, &str, &str)] = &[
            (
                "मेरा नंबर ९८७६५ ४३२१० है",
                "IN",
                "+919876543210",
                "phone/digit_run",
            ),
            (
                "اتصل ٠١٠ ١٢٣٤ ٥٦٧٨",
                "EG",
                "+201012345678",
                "phone/digit_run",
            ),
            (
                "نمبر ۰۳۰۰ ۱۲۳۴۵۶۷",
                "PK",
                "+923001234567",
                "phone/digit_run",
            ),
            (
                "নম্বর ০১৭১১ ৫৫৫৫৫৫",
                "BD",
                "+8801711555555",
                "phone/digit_run",
            ),
            ("โทร ๐๘๑ ๒๓๔ ๕๖๗๘", "TH", "+66812345678", "phone/digit_run"),
            (
                "call 98७६5 43210",
                "IN",
                "+919876543210",
                "phone/disguised_digits",
            ),
        ];
        for &(text, region, value, rule) in cases {
            let found = phone_findings(text, region);
            assert_eq!(found.len(), 1, "{text:?}: {found:?}");
            assert_eq!(found[0].0, value, "{text:?}");
            assert!(
                found[0].1 == rule || found[0].1 == "phone/libphonenumber",
                "{text:?}: {found:?}"
            );
        }
        for (text, region) in [("डिलीवरी २०२४-०५-०६ तक", "IN"), ("الموعد ٠٦/٠٥/٢٠٢٤", "EG")]
        {
            assert!(phone_findings(text, region).is_empty(), "{text:?}");
        }
    }

    #[test]
    fn invalid_runs_are_not_phones() {
        for text in [
            "1234567890",
            "the build number is 20240517",
            "Table has 1,048,576 rows",
            "react 18.2.0 with vite 5.0.12",
        ] {
            assert_eq!(phones(text, "US"), Vec::<String>::new(), "{text:?}");
        }
    }

    #[test]
    fn codes_go_on_into_their_later_groups() {
        // A label or a code of letters before the first group governs the groups after it.
        for (text, region) in [
            ("order number is one one four, two seven three eight nine one six, five five zero four two one three", "US"),
            ("resi JP4817 2290 3316, kurir J&T", "ID"),
        ] {
            assert_eq!(phones(text, region), Vec::<String>::new(), "{text:?}");
        }
        // A shorter code, or a phone parted from the code by another mark, is its own.
        for (text, region, want) in [
            ("Flat B12 9876543210", "IN", "+919876543210"),
            ("ref 12345 / 415 555 0132", "US", "+14155550132"),
        ] {
            assert_eq!(phones(text, region), vec![want.to_string()], "{text:?}");
        }
    }
}

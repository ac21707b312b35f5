//! Normalisation: from the raw text a user typed to forms a detector can search, with a map
//! from every searchable byte back to the original.
//!
//! Two views are built, in two stages:
//!
//! 1. **Folded** ([`Normalized::folded`]), character by character: zero-width, bidi and other
//!    invisible format characters are dropped; NFKC compatibility folding turns fullwidth and
//!    mathematical letters and digits into ASCII (`ｍａｒｉａ＠` → `maria@`); remaining
//!    look-alikes from other scripts (Cyrillic `а`, Greek `ο`) go through `decancer`; odd dots,
//!    dashes and spaces become `.`, `-` and ` `; keycap emoji become their digit. Case is kept
//!    (base58 and IBANs need it); [`Normalized::lower`] is the same bytes lower-cased.
//! 2. **Compact tokens** ([`Normalized::tokens`]), word by word: number words in six languages
//!    become digits when they stand in a run of numbers (`four one five`, `eighty four`,
//!    `double five`, `six17`), leetspeak becomes digits in tokens that are mostly digits
//!    (`702S3168l9`), bracketed symbol words become symbols (`[at]`, `(dot)`, `{@}`), and single
//!    characters separated by single spaces are joined (`j o h n @ g m a i l . c o m`).
//!    Unbracketed symbol words ("alex at gmail dot com") are left as words: whether "at" means
//!    `@` depends on what surrounds it, which only the e-mail detector can judge.
//!
//! Every token carries the byte span of the original text it came from, so a finding built
//! from tokens always points at the user's own characters.

use std::borrow::Cow;

use unicode_normalization::char::decompose_compatible;

use crate::lexicon::{self, NumberWord};

/// The class of a compact token.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenClass {
    /// Letters and digits (and `_`) that are not a number reading.
    Word,
    /// Digits only: a digit run, or number words / leetspeak read as digits.
    Number,
    /// `@`, or a bracketed word for it (`[at]`, `(arroba)`).
    At,
    /// `.`, or a bracketed word for it (`[dot]`, `(punto)`).
    Dot,
    /// Whitespace; `newline` when it contains a line break.
    Space {
        /// Whether the whitespace contains a line break.
        newline: bool,
    },
    /// Any other single character.
    Punct,
}

/// One compact token.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    /// What the token is.
    pub class: TokenClass,
    text_start: u32,
    text_end: u32,
    /// Start of the evidence in the original text.
    pub start: usize,
    /// End of the evidence in the original text.
    pub end: usize,
}

/// A text in its normalised views. Build it with [`Normalized::new`]; it never fails.
pub struct Normalized<'a> {
    /// The text as given.
    pub original: &'a str,
    folded: Cow<'a, str>,
    lower: String,
    /// For every byte of `folded`, the original start and end of the character it came from.
    /// Empty when folding changed nothing (the common, pure-ASCII case).
    fold_start: Vec<u32>,
    fold_end: Vec<u32>,
    compact: String,
    tokens: Vec<Token>,
    /// The original text ASCII-lower-cased, made on first use when folding changed the text.
    lower_original: std::cell::OnceCell<String>,
    /// Scratch buffers of construction, given back to the thread with the views on drop.
    spare: Option<Box<Buffers>>,
}

impl Drop for Normalized<'_> {
    fn drop(&mut self) {
        let Some(mut buffers) = self.spare.take() else {
            return;
        };
        if let Cow::Owned(folded) = std::mem::take(&mut self.folded) {
            buffers.folded = folded;
        }
        buffers.lower = std::mem::take(&mut self.lower);
        buffers.fold_start = std::mem::take(&mut self.fold_start);
        buffers.fold_end = std::mem::take(&mut self.fold_end);
        buffers.compact = std::mem::take(&mut self.compact);
        buffers.tokens = std::mem::take(&mut self.tokens);
        buffers.give_back();
    }
}

/// The heap buffers of one [`Normalized`] and of the scratch space its construction uses,
/// kept per thread between texts: a short message then costs no allocation for its views
/// (there are a dozen otherwise, as much work as the views themselves).
#[derive(Default)]
struct Buffers {
    folded: String,
    lower: String,
    fold_start: Vec<u32>,
    fold_end: Vec<u32>,
    compact: String,
    tokens: Vec<Token>,
    raw: Vec<RawToken>,
    readings: Vec<Reading>,
    spaced: Vec<(usize, usize)>,
    joined: Vec<(usize, usize)>,
}

/// Buffers larger than this (in bytes) are freed rather than kept for the next text, so one
/// long document does not pin its memory to the thread.
const MAX_KEPT_BYTES: usize = 1 << 20;

thread_local! {
    static BUFFERS: std::cell::Cell<Option<Box<Buffers>>> = const { std::cell::Cell::new(None) };
}

impl Buffers {
    /// This thread's kept buffers (emptied), or new ones when none are kept (another
    /// [`Normalized`] of this thread holds them, or the thread is exiting).
    fn take() -> Box<Buffers> {
        BUFFERS
            .try_with(|cell| cell.take())
            .ok()
            .flatten()
            .unwrap_or_default()
    }

    /// Keeps `self` for the next text of this thread, emptied.
    fn give_back(mut self: Box<Self>) {
        fn small<T>(v: &Vec<T>) -> bool {
            v.capacity() * std::mem::size_of::<T>() <= MAX_KEPT_BYTES
        }
        fn keep_vec<T>(v: &mut Vec<T>) {
            if small(v) {
                v.clear();
            } else {
                *v = Vec::new();
            }
        }
        fn keep_string(s: &mut String) {
            if s.capacity() <= MAX_KEPT_BYTES {
                s.clear();
            } else {
                *s = String::new();
            }
        }
        keep_string(&mut self.folded);
        keep_string(&mut self.lower);
        keep_string(&mut self.compact);
        keep_vec(&mut self.fold_start);
        keep_vec(&mut self.fold_end);
        keep_vec(&mut self.tokens);
        keep_vec(&mut self.raw);
        keep_vec(&mut self.readings);
        keep_vec(&mut self.spaced);
        keep_vec(&mut self.joined);
        let _ = BUFFERS.try_with(|cell| {
            if let Some(other) = cell.take() {
                // Two texts normalised at once on this thread: keep the larger set.
                let size = |b: &Buffers| b.lower.capacity() + b.raw.capacity();
                if size(&other) > size(&self) {
                    cell.set(Some(other));
                    return;
                }
            }
            cell.set(Some(self));
        });
    }
}

/// A token of the folded text before number and symbol readings.
#[derive(Debug, Clone, Copy)]
struct RawToken {
    start: usize,
    end: usize,
    kind: RawKind,
}

/// What [`Normalized::raw_tokens`] noticed on the way.
struct RawSummary {
    /// Some word passes the first check of `token_reading` (has a digit, is "o", or starts
    /// like a number word): without one, no word reads as a number.
    maybe_number: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum RawKind {
    Word {
        /// The word is ASCII digits only.
        digits: bool,
        /// The word passes the first check of `token_reading`: it may read as a number.
        may_read: bool,
    },
    Space {
        newline: bool,
        single: bool,
    },
    Punct(char),
}

/// Follows, token by token, the runs [`spaced_single_runs`] joins: single characters
/// separated by single spaces, at least [`MIN_SPACED_SINGLES`] of them. Each run is
/// recorded in `runs` as the raw indices of its first and last single character.
struct SpacedRun<'r> {
    runs: &'r mut Vec<(usize, usize)>,
    /// Index of the first single character of the current run.
    first: usize,
    /// Single characters in the current run.
    singles: usize,
    /// The last token is a single space after a single character.
    gap: bool,
}

impl SpacedRun<'_> {
    /// The token at raw index `idx` is a single character.
    fn single(&mut self, idx: usize) {
        if self.gap {
            self.singles += 1;
        } else {
            self.singles = 1;
            self.first = idx;
        }
        self.gap = false;
        if self.singles >= MIN_SPACED_SINGLES {
            match self.runs.last_mut() {
                Some(run) if run.0 == self.first => run.1 = idx,
                _ => self.runs.push((self.first, idx)),
            }
        }
    }

    fn single_space(&mut self) {
        if self.singles > 0 && !self.gap {
            self.gap = true;
        } else {
            self.other();
        }
    }

    fn other(&mut self) {
        self.singles = 0;
        self.gap = false;
    }
}

/// Classes of ASCII bytes for [`Normalized::raw_tokens`], one table lookup a byte.
const WORD_BYTE: u8 = 1;
const DIGIT_BYTE: u8 = 2;
const SPACE_BYTE: u8 = 4;
const ASCII_CLASS: [u8; 128] = {
    let mut table = [0u8; 128];
    let mut b = 0;
    while b < 128 {
        let c = b as u8;
        table[b] = if c.is_ascii_digit() {
            WORD_BYTE | DIGIT_BYTE
        } else if c.is_ascii_alphabetic() || c == b'_' {
            WORD_BYTE
        } else if matches!(c, b' ' | b'\t' | b'\n' | b'\x0B' | b'\x0C' | b'\r') {
            // `char::is_whitespace` in ASCII.
            SPACE_BYTE
        } else {
            0
        };
        b += 1;
    }
    table
};

impl<'a> Normalized<'a> {
    /// Normalises `original`. Linear in its length.
    pub fn new(original: &'a str) -> Normalized<'a> {
        let mut buffers = Buffers::take();
        let folded = if fold(
            original,
            &mut buffers.folded,
            &mut buffers.fold_start,
            &mut buffers.fold_end,
        ) {
            Cow::Owned(std::mem::take(&mut buffers.folded))
        } else {
            Cow::Borrowed(original)
        };
        let mut lower = std::mem::take(&mut buffers.lower);
        lower.push_str(&folded);
        lower.make_ascii_lowercase();
        let mut normalized = Normalized {
            original,
            folded,
            lower,
            fold_start: std::mem::take(&mut buffers.fold_start),
            fold_end: std::mem::take(&mut buffers.fold_end),
            compact: std::mem::take(&mut buffers.compact),
            tokens: std::mem::take(&mut buffers.tokens),
            lower_original: std::cell::OnceCell::new(),
            spare: None,
        };
        normalized.build_tokens(&mut buffers);
        normalized.spare = Some(buffers);
        normalized
    }

    /// The folded text: invisible characters removed, look-alikes and fullwidth forms as
    /// ASCII, case kept.
    pub fn folded(&self) -> &str {
        &self.folded
    }

    /// The folded text, ASCII-lower-cased (same byte layout as [`Normalized::folded`]).
    pub fn lower(&self) -> &str {
        &self.lower
    }

    /// The **original** text, ASCII-lower-cased: same byte layout as [`Normalized::original`],
    /// so finding spans index it directly.
    pub fn lower_original(&self) -> &str {
        if self.fold_start.is_empty() {
            return &self.lower;
        }
        self.lower_original
            .get_or_init(|| self.original.to_ascii_lowercase())
    }

    /// Maps a byte range of the folded text to the byte range of the original text it came
    /// from. Always returns a valid, char-aligned range of the original.
    pub fn original_span(&self, start: usize, end: usize) -> (usize, usize) {
        let len = self.folded.len();
        let start = start.min(len);
        let end = end.clamp(start, len);
        if self.fold_start.is_empty() {
            return (start, end);
        }
        if start == end {
            let at = if start < len {
                self.fold_start[start] as usize
            } else {
                self.original.len()
            };
            return (at, at);
        }
        (
            self.fold_start[start] as usize,
            self.fold_end[end - 1] as usize,
        )
    }

    /// The offset in the folded text of the original byte offset `at`: the first folded byte
    /// whose character starts at or after it. Roughly the inverse of
    /// [`Normalized::original_span`] (characters dropped or folded to several bytes make it
    /// approximate by a few bytes).
    pub fn folded_offset(&self, at: usize) -> usize {
        if self.fold_start.is_empty() {
            return at.min(self.folded.len());
        }
        self.fold_start.partition_point(|&o| (o as usize) < at)
    }

    /// The compact tokens (see the module documentation).
    pub fn tokens(&self) -> &[Token] {
        &self.tokens
    }

    /// The compact text of a token: digits for a number, `@`/`.` for symbols, the folded
    /// lower-case word otherwise, `" "` for spaces.
    pub fn token_text(&self, token: &Token) -> &str {
        self.compact
            .get(token.text_start as usize..token.text_end as usize)
            .unwrap_or("")
    }

    /// All compact tokens' texts concatenated: the most de-obfuscated view of the text.
    pub fn compact(&self) -> &str {
        &self.compact
    }

    /// Splits the folded text into raw tokens, and says on the way whether the later passes
    /// can find anything: most texts have no word that could read as a number and no run of
    /// spaced single characters, and then skip both.
    fn raw_tokens(
        &self,
        raw: &mut Vec<RawToken>,
        spaced_runs: &mut Vec<(usize, usize)>,
    ) -> RawSummary {
        let folded: &str = &self.folded;
        let bytes = folded.as_bytes();
        let lower = self.lower.as_bytes();
        let mut summary = RawSummary {
            maybe_number: false,
        };
        spaced_runs.clear();
        let mut spaced = SpacedRun {
            runs: spaced_runs,
            first: 0,
            singles: 0,
            gap: false,
        };
        let len = bytes.len();
        // The character at `i` and its length, for bytes outside ASCII.
        let char_at = |i: usize| -> (char, usize) {
            let c = folded[i..].chars().next().unwrap_or('\u{FFFD}');
            (c, c.len_utf8())
        };
        raw.reserve(len / 3 + 1);
        let mut i = 0;
        while i < len {
            let start = i;
            let b = bytes[i];
            let (c, class) = if b.is_ascii() {
                i += 1;
                (b as char, ASCII_CLASS[usize::from(b)])
            } else {
                let (c, c_len) = char_at(i);
                i += c_len;
                let class = if is_word_char(c) {
                    WORD_BYTE
                } else if c.is_whitespace() {
                    SPACE_BYTE
                } else {
                    0
                };
                (c, class)
            };
            if class & WORD_BYTE != 0 {
                let mut n_digits = usize::from(class & DIGIT_BYTE != 0);
                while i < len {
                    let b = bytes[i];
                    if b.is_ascii() {
                        let class = ASCII_CLASS[usize::from(b)];
                        if class & WORD_BYTE == 0 {
                            break;
                        }
                        n_digits += usize::from(class & DIGIT_BYTE != 0);
                        i += 1;
                    } else {
                        let (d, d_len) = char_at(i);
                        if !is_word_char(d) {
                            break;
                        }
                        i += d_len;
                    }
                }
                // The gate of `token_reading`, on the same lower-cased bytes.
                let word = &lower[start..i];
                let may_read = n_digits > 0 || word == b"o" || lexicon::may_start_number_word(word);
                summary.maybe_number |= may_read;
                if i - start == 1 {
                    spaced.single(raw.len());
                } else {
                    spaced.other();
                }
                raw.push(RawToken {
                    start,
                    end: i,
                    kind: RawKind::Word {
                        digits: n_digits == i - start,
                        may_read,
                    },
                });
            } else if class & SPACE_BYTE != 0 {
                let mut newline = c == '\n' || c == '\r';
                let mut count = 1;
                while i < len {
                    let b = bytes[i];
                    let (newline_char, d_len) = if b.is_ascii() {
                        if ASCII_CLASS[usize::from(b)] & SPACE_BYTE == 0 {
                            break;
                        }
                        (b == b'\n' || b == b'\r', 1)
                    } else {
                        let (d, d_len) = char_at(i);
                        if !d.is_whitespace() {
                            break;
                        }
                        (false, d_len)
                    };
                    newline |= newline_char;
                    count += 1;
                    i += d_len;
                }
                let single = count == 1 && c == ' ';
                if single {
                    spaced.single_space();
                } else {
                    spaced.other();
                }
                raw.push(RawToken {
                    start,
                    end: i,
                    kind: RawKind::Space { newline, single },
                });
            } else {
                if is_single_punct(c) {
                    spaced.single(raw.len());
                } else {
                    spaced.other();
                }
                raw.push(RawToken {
                    start,
                    end: i,
                    kind: RawKind::Punct(c),
                });
            }
        }
        summary
    }

    fn build_tokens(&mut self, buffers: &mut Buffers) {
        let mut raw = std::mem::take(&mut buffers.raw);
        let mut readings = std::mem::take(&mut buffers.readings);
        let mut spaced = std::mem::take(&mut buffers.spaced);
        let mut joined = std::mem::take(&mut buffers.joined);
        let summary = self.raw_tokens(&mut raw, &mut spaced);
        if summary.maybe_number {
            self.number_readings(&raw, &mut readings);
        } else {
            readings.clear();
        }
        spaced_single_runs(&raw, &spaced, &self.lower, &mut joined);
        let mut compact = std::mem::take(&mut self.compact);
        let mut tokens = std::mem::take(&mut self.tokens);
        compact.reserve(self.lower.len());
        tokens.reserve(raw.len());
        let mut builder = TokenBuilder { compact, tokens };
        // The next of the (sparse, ordered) readings and joined runs.
        let mut next_reading = 0;
        let mut next_joined = 0;
        let mut i = 0;
        while i < raw.len() {
            let token = raw[i];
            let (start, end) = self.raw_span(token.start, token.end);
            match token.kind {
                RawKind::Word { digits, .. } => {
                    while readings.get(next_reading).is_some_and(|r| r.token < i) {
                        next_reading += 1;
                    }
                    if let Some(reading) = readings.get(next_reading).filter(|r| r.token == i) {
                        let last = reading.last;
                        let (_, end) = self.raw_span(token.start, raw[last].end);
                        builder.push(TokenClass::Number, &reading.digits, start, end);
                        i = last + 1;
                        continue;
                    }
                    let class = if digits {
                        TokenClass::Number
                    } else {
                        TokenClass::Word
                    };
                    builder.push(class, &self.lower[token.start..token.end], start, end);
                }
                RawKind::Space { newline, .. } => {
                    while joined.get(next_joined).is_some_and(|&(_, last)| last <= i) {
                        next_joined += 1;
                    }
                    // A space inside a run of spaced single characters is dropped.
                    if joined.get(next_joined).is_none_or(|&(first, _)| first >= i) {
                        builder.push(TokenClass::Space { newline }, " ", start, end);
                    }
                }
                RawKind::Punct(open @ ('(' | '[' | '{' | '<')) => {
                    // Bracketed symbol words: "[at]", "( dot )", "{@}".
                    let Some((class, last)) = self.bracketed_symbol(&raw, i, open) else {
                        builder.push(
                            TokenClass::Punct,
                            &self.lower[token.start..token.end],
                            start,
                            end,
                        );
                        i += 1;
                        continue;
                    };
                    if let Some(prev) = builder.tokens.last() {
                        if matches!(prev.class, TokenClass::Space { .. }) {
                            builder.pop();
                        }
                    }
                    let (_, end) = self.raw_span(token.start, raw[last].end);
                    builder.push(
                        class,
                        if class == TokenClass::At { "@" } else { "." },
                        start,
                        end,
                    );
                    i = last + 1;
                    if let Some(next) = raw.get(i) {
                        if matches!(next.kind, RawKind::Space { newline: false, .. }) {
                            i += 1;
                        }
                    }
                    continue;
                }
                RawKind::Punct('@') => builder.push(TokenClass::At, "@", start, end),
                RawKind::Punct('.') => builder.push(TokenClass::Dot, ".", start, end),
                RawKind::Punct(_) => builder.push(
                    TokenClass::Punct,
                    &self.lower[token.start..token.end],
                    start,
                    end,
                ),
            }
            i += 1;
        }
        self.compact = builder.compact;
        self.tokens = builder.tokens;
        buffers.raw = raw;
        buffers.readings = readings;
        buffers.spaced = spaced;
        buffers.joined = joined;
    }

    /// The original span of the folded range `start..end` of raw tokens (not empty, within
    /// the folded text): [`Normalized::original_span`] without its clamping.
    fn raw_span(&self, start: usize, end: usize) -> (usize, usize) {
        if self.fold_start.is_empty() {
            return (start, end);
        }
        match (
            self.fold_start.get(start),
            self.fold_end.get(end.wrapping_sub(1)),
        ) {
            (Some(&start), Some(&end)) => (start as usize, end as usize),
            _ => self.original_span(start, end),
        }
    }

    /// `(at)`, `[ dot ]`, `{@}`, `<.>`: returns the symbol and the index of the closing token.
    fn bracketed_symbol(
        &self,
        raw: &[RawToken],
        open_idx: usize,
        open: char,
    ) -> Option<(TokenClass, usize)> {
        let close = match open {
            '(' => ')',
            '[' => ']',
            '{' => '}',
            '<' => '>',
            _ => return None,
        };
        let mut j = open_idx + 1;
        let skip_space = |j: &mut usize| {
            if let Some(RawToken {
                kind: RawKind::Space { newline: false, .. },
                ..
            }) = raw.get(*j)
            {
                *j += 1;
            }
        };
        skip_space(&mut j);
        let inner = raw.get(j)?;
        let class = match inner.kind {
            RawKind::Punct('@') => TokenClass::At,
            RawKind::Punct('.') => TokenClass::Dot,
            RawKind::Word { .. } => {
                let word = &self.lower[inner.start..inner.end];
                if lexicon::is_at_word(word) {
                    TokenClass::At
                } else if lexicon::is_dot_word(word) {
                    TokenClass::Dot
                } else {
                    return None;
                }
            }
            _ => return None,
        };
        j += 1;
        skip_space(&mut j);
        match raw.get(j)?.kind {
            RawKind::Punct(c) if c == close => Some((class, j)),
            _ => None,
        }
    }

    /// Reads number words, mixed tokens and leetspeak as digits where they stand in a run of
    /// numbers, into `readings`, ordered by token: most texts have none.
    fn number_readings(&self, raw: &[RawToken], readings: &mut Vec<Reading>) {
        readings.clear();
        let mut i = 0;
        // One buffer for every run (most texts have a few).
        let mut run: Vec<(usize, TokenReading<'_>)> = Vec::new();
        while i < raw.len() {
            // A run starts at a word that may read as a number (spaces and separators before
            // it change nothing); every other token is passed over at the cost of a test.
            if !matches!(raw[i].kind, RawKind::Word { may_read: true, .. }) {
                i += 1;
                continue;
            }
            // Find a run of numeric-ish words separated by number separators.
            run.clear();
            let mut j = i;
            let mut last_word = None;
            while j < raw.len() {
                let token = raw[j];
                match token.kind {
                    RawKind::Word { may_read, .. } => {
                        let word = &self.lower[token.start..token.end];
                        match may_read.then(|| token_reading(word)).flatten() {
                            Some(r) => {
                                run.push((j, r));
                                last_word = Some(j);
                            }
                            None => {
                                // A joiner between a tens word and a digit word stays in the run.
                                let joins = matches!(
                                    run.last(),
                                    Some((_, TokenReading::Word(NumberWord::Tens(_))))
                                ) && lexicon::TENS_JOINERS.contains(&word);
                                if !joins {
                                    break;
                                }
                            }
                        }
                    }
                    RawKind::Space { .. } => {}
                    RawKind::Punct('-' | '.' | ',' | '(' | ')' | '/' | '+') => {}
                    _ => break,
                }
                j += 1;
            }
            if run.is_empty() {
                // Only spaces and separators before `j`, and `j` breaks a run on its own:
                // starting again anywhere up to `j` ends the same way, so skip past it.
                i = (j + 1).max(i + 1);
                continue;
            }
            let has_digits = run.iter().any(|(_, r)| !matches!(r, TokenReading::Word(_)));
            let n_words = run
                .iter()
                .filter(|(_, r)| matches!(r, TokenReading::Word(_)))
                .count();
            let strong = run.len() >= 2 && (has_digits || n_words >= 3)
                || run.iter().any(|(_, r)| match r {
                    TokenReading::Mixed(_) => true,
                    TokenReading::Leet(d) => d.len() >= 7,
                    _ => false,
                });
            if strong {
                apply_run(&run, readings);
            }
            i = last_word.map_or(j, |w| w + 1).max(i + 1);
        }
    }
}

/// Records the readings of a strong run: every number word, mixed token and leetspeak token
/// as its digits, a tens word with the digit word after it as one number ("eighty four"),
/// and "double"/"triple" with the digit after it.
fn apply_run(run: &[(usize, TokenReading<'_>)], readings: &mut Vec<Reading>) {
    let mut read = |token: usize, last: usize, digits: String| {
        readings.push(Reading {
            token,
            last,
            digits,
        })
    };
    let mut k = 0;
    while k < run.len() {
        let (idx, ref reading) = run[k];
        match reading {
            TokenReading::Digits(_) => k += 1,
            TokenReading::Mixed(d) | TokenReading::Leet(d) => {
                read(idx, idx, d.clone());
                k += 1;
            }
            TokenReading::Word(NumberWord::Digit(d)) => {
                read(idx, idx, ((b'0' + d) as char).to_string());
                k += 1;
            }
            TokenReading::Word(NumberWord::Teen(t)) => {
                read(idx, idx, t.to_string());
                k += 1;
            }
            TokenReading::Word(NumberWord::Tens(t)) => {
                if let Some((next_idx, TokenReading::Word(NumberWord::Digit(d)))) = run.get(k + 1) {
                    if *d > 0 {
                        read(idx, *next_idx, format!("{}{}", t, d));
                        k += 2;
                        continue;
                    }
                }
                read(idx, idx, format!("{}0", t));
                k += 1;
            }
            TokenReading::Word(NumberWord::Double | NumberWord::Triple) => {
                let times = if matches!(reading, TokenReading::Word(NumberWord::Double)) {
                    2
                } else {
                    3
                };
                let next_digit = match run.get(k + 1) {
                    Some((_, TokenReading::Word(NumberWord::Digit(d)))) => {
                        Some(((b'0' + d) as char).to_string())
                    }
                    Some((_, TokenReading::Digits(d))) if d.len() == 1 => Some(d.to_string()),
                    _ => None,
                };
                match next_digit {
                    Some(d) => {
                        let (next_idx, _) = run[k + 1];
                        read(idx, next_idx, d.repeat(times));
                        k += 2;
                    }
                    None => k += 1,
                }
            }
        }
    }
}

/// How a single word token reads as a number, before its neighbours are considered.
#[derive(Debug, Clone)]
enum TokenReading<'w> {
    /// Plain digits (the word itself).
    Digits(&'w str),
    /// A number word.
    Word(NumberWord),
    /// Digits and number words glued together ("six17", "11zero7").
    Mixed(String),
    /// Leetspeak digits ("702S3168l9").
    Leet(String),
}

/// Raw word tokens `token..=last` (usually one) read as `digits` in the compact view.
#[derive(Debug, Clone)]
struct Reading {
    token: usize,
    last: usize,
    digits: String,
}

fn token_reading(word: &str) -> Option<TokenReading<'_>> {
    if word.is_empty() {
        return None;
    }
    let has_digit = word.bytes().any(|b| b.is_ascii_digit());
    if has_digit && word.bytes().all(|b| b.is_ascii_digit()) {
        return Some(TokenReading::Digits(word));
    }
    // Without a digit, a word reads as a number only when a number word starts it (or it is
    // "o"); most words are dismissed here by their first two letters.
    if !has_digit && word != "o" && !lexicon::may_start_number_word(word.as_bytes()) {
        return None;
    }
    if let Some(n) = lexicon::number_word(word) {
        return Some(TokenReading::Word(n));
    }
    if !word.is_ascii() {
        return None;
    }
    // Without a digit, a word reads as a number only as two or more glued number words
    // ("fivefive"): at least six letters. Most words stop here.
    if !has_digit && word.len() < 6 {
        return None;
    }
    if let Some(digits) = mixed_reading(word) {
        return Some(TokenReading::Mixed(digits));
    }
    if !has_digit {
        return None;
    }
    leet_reading(word).map(TokenReading::Leet)
}

/// "six17" → "617", "11zero7" → "1107", "vierundachtzig" → "84": the whole token must read as
/// digits and number words, with at least one digit or at least two words.
fn mixed_reading(word: &str) -> Option<String> {
    let bytes = word.as_bytes();
    let mut out = String::new();
    let mut i = 0;
    let mut n_digits = 0;
    let mut n_words = 0;
    let mut pending_unit: Option<u8> = None;
    while i < bytes.len() {
        if bytes[i].is_ascii_digit() {
            out.push(bytes[i] as char);
            n_digits += 1;
            i += 1;
            continue;
        }
        // Longest number word starting here.
        let mut best: Option<(usize, NumberWord)> = None;
        for (w, n) in lexicon::number_words_starting(&bytes[i..]) {
            if word[i..].starts_with(w) && best.is_none_or(|(l, _)| w.len() > l) {
                best = Some((w.len(), *n));
            }
        }
        // German "<unit>und<tens>".
        if let Some(unit) = pending_unit.take() {
            if word[i..].starts_with("und") {
                let rest = &word[i + 3..];
                if let Some((w, NumberWord::Tens(t))) = lexicon::NUMBER_WORDS
                    .iter()
                    .find(|(w, n)| rest.starts_with(w) && matches!(n, NumberWord::Tens(_)))
                {
                    out.pop();
                    out.push_str(&format!("{}{}", t, unit));
                    i += 3 + w.len();
                    n_words += 1;
                    continue;
                }
            }
        }
        let (len, n) = best?;
        match n {
            NumberWord::Digit(d) => {
                out.push((b'0' + d) as char);
                pending_unit = Some(d);
            }
            NumberWord::Teen(t) => out.push_str(&t.to_string()),
            NumberWord::Tens(t) => out.push_str(&format!("{}0", t)),
            NumberWord::Double | NumberWord::Triple => return None,
        }
        n_words += 1;
        i += len;
    }
    if (n_digits >= 1 && n_words >= 1) || n_words >= 2 {
        Some(out)
    } else {
        None
    }
}

/// "S123144971" → "5123144971": every letter must be a leet digit, and digits must be at
/// least as many as letters.
fn leet_reading(word: &str) -> Option<String> {
    let mut out = String::with_capacity(word.len());
    let mut n_digits = 0;
    let mut n_letters = 0;
    for b in word.bytes() {
        if b.is_ascii_digit() {
            out.push(b as char);
            n_digits += 1;
        } else {
            out.push(lexicon::leet_digit(b)? as char);
            n_letters += 1;
        }
    }
    (n_digits >= 1 && n_digits >= n_letters && word.len() >= 2).then_some(out)
}

/// How many single characters a run needs before [`spaced_single_runs`] joins it.
const MIN_SPACED_SINGLES: usize = 4;

/// Punctuation that counts as a single character in a spaced run (`j o h n @ g m a i l`).
fn is_single_punct(c: char) -> bool {
    matches!(c, '@' | '.' | '_' | '-' | '+')
}

/// Of the runs of spaced single characters `spaced` (raw indices of their first and last
/// single, see [`SpacedRun`]), the ones the compact view joins (`j o h n`), into `joined`.
fn spaced_single_runs(
    raw: &[RawToken],
    spaced: &[(usize, usize)],
    lower: &str,
    joined: &mut Vec<(usize, usize)>,
) {
    joined.clear();
    // Digits are joined by the phone detector's own separators; only runs with a letter or a
    // symbol are joined, so "1 2 3 4" stays four numbers for everything else.
    joined.extend(spaced.iter().copied().filter(|&(first, last)| {
        (first..=last).step_by(2).any(|k| {
            lower
                .get(raw[k].start..raw[k].end)
                .is_some_and(|s| s.bytes().any(|b| !b.is_ascii_digit()))
        })
    }));
}

struct TokenBuilder {
    compact: String,
    tokens: Vec<Token>,
}

impl TokenBuilder {
    fn push(&mut self, class: TokenClass, text: &str, start: usize, end: usize) {
        let text_start = self.compact.len() as u32;
        // Half the tokens are one byte (spaces, punctuation): no copy call for those.
        match text.as_bytes() {
            &[b] if b.is_ascii() => self.compact.push(char::from(b)),
            _ => self.compact.push_str(text),
        }
        self.tokens.push(Token {
            class,
            text_start,
            text_end: self.compact.len() as u32,
            start,
            end,
        });
    }

    fn pop(&mut self) {
        if let Some(token) = self.tokens.pop() {
            self.compact.truncate(token.text_start as usize);
        }
    }
}

/// The char boundary of `text` at or before `at` (at most `text.len()`).
pub(crate) fn floor_char_boundary(text: &str, at: usize) -> usize {
    let mut at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

/// The char boundary of `text` at or after `at` (at most `text.len()`).
pub(crate) fn ceil_char_boundary(text: &str, at: usize) -> usize {
    let mut at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at += 1;
    }
    at
}

/// Whether `text` is written in plain characters: ASCII and accented Latin letters, with
/// nothing invisible, fullwidth, mathematical or from a look-alike script. Values are then
/// reported as the user wrote them ("üñîçøðé.com"); otherwise in their folded form.
pub fn is_plain(text: &str) -> bool {
    text.chars()
        .all(|c| c.is_ascii() || (('\u{00C0}'..='\u{024F}').contains(&c) && c.is_alphabetic()))
}

fn is_word_char(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphanumeric() || c == '_'
    } else {
        c.is_alphanumeric()
    }
}

/// Characters that are dropped: zero-width, bidi controls, variation selectors, the keycap
/// combiner, soft hyphen, tag characters.
fn is_invisible(c: char) -> bool {
    matches!(c,
        '\u{00AD}' | '\u{034F}' | '\u{061C}' | '\u{115F}' | '\u{1160}' | '\u{17B4}' | '\u{17B5}'
        | '\u{180B}'..='\u{180F}'
        | '\u{200B}'..='\u{200F}'
        | '\u{202A}'..='\u{202E}'
        | '\u{2060}'..='\u{206F}'
        | '\u{20E3}'
        | '\u{3164}'
        | '\u{FE00}'..='\u{FE0F}'
        | '\u{FEFF}'
        | '\u{FFA0}'
        | '\u{E0000}'..='\u{E007F}'
        | '\u{E0100}'..='\u{E01EF}')
}

/// Punctuation that stands for `.`, `@` or `-` in disguise.
fn fold_punctuation(c: char) -> Option<char> {
    Some(match c {
        '\u{00B7}' | '\u{2022}' | '\u{2219}' | '\u{22C5}' | '\u{3002}' | '\u{FF61}'
        | '\u{2024}' | '\u{2027}' | '\u{0387}' | '\u{06D4}' | '\u{FE52}' | '\u{FF0E}' => '.',
        '\u{FE6B}' | '\u{FF20}' | '\u{24D0}' => '@',
        '\u{2010}'..='\u{2015}' | '\u{2212}' | '\u{FE63}' | '\u{FF0D}' => '-',
        '\u{2028}' | '\u{2029}' | '\u{0085}' => '\n',
        '\u{2018}' | '\u{2019}' | '\u{02BC}' | '\u{FF07}' | '\u{2032}' => '\'',
        _ => return None,
    })
}

/// Stage 1: character folding. Fills the empty buffers `folded`, `starts` and `ends` with the
/// folded text and the original start and end of the character behind every folded byte;
/// returns `false`, leaving them empty, when the text folds to itself (pure ASCII).
fn fold(original: &str, folded: &mut String, starts: &mut Vec<u32>, ends: &mut Vec<u32>) -> bool {
    if original.is_ascii() {
        return false;
    }
    folded.reserve(original.len());
    starts.reserve(original.len());
    ends.reserve(original.len());
    fn push_char(
        (folded, starts, ends): (&mut String, &mut Vec<u32>, &mut Vec<u32>),
        c: char,
        start: usize,
        end: usize,
    ) {
        let before = folded.len();
        folded.push(c);
        for _ in before..folded.len() {
            starts.push(start as u32);
            ends.push(end as u32);
        }
    }
    let bytes = original.as_bytes();
    let mut at = 0;
    while at < bytes.len() {
        // A run of ASCII bytes folds to itself, byte for byte.
        let run_end = bytes[at..]
            .iter()
            .position(|b| !b.is_ascii())
            .map_or(bytes.len(), |n| at + n);
        if run_end > at {
            folded.push_str(&original[at..run_end]);
            starts.extend(at as u32..run_end as u32);
            ends.extend(at as u32 + 1..run_end as u32 + 1);
            at = run_end;
            continue;
        }
        let start = at;
        let Some(c) = original[at..].chars().next() else {
            break;
        };
        let end = start + c.len_utf8();
        at = end;
        if is_invisible(c) {
            continue;
        }
        if let Some(p) = fold_punctuation(c) {
            push_char((&mut *folded, &mut *starts, &mut *ends), p, start, end);
            continue;
        }
        if c.is_whitespace() {
            push_char((&mut *folded, &mut *starts, &mut *ends), ' ', start, end);
            continue;
        }
        // NFKC compatibility decomposition, keeping it only when it lands in ASCII
        // (fullwidth, mathematical alphanumerics, circled digits, ligatures); combining
        // marks are dropped so "é" becomes "e".
        let mut decomposed = [' '; 8];
        let mut n = 0;
        let mut ascii = true;
        decompose_compatible(c, |d| {
            if ('\u{0300}'..='\u{036F}').contains(&d) {
                return;
            }
            if n < decomposed.len() {
                decomposed[n] = d;
                n += 1;
            }
            ascii &= d.is_ascii();
        });
        if ascii && n > 0 && n <= 4 {
            for &d in &decomposed[..n] {
                push_char(
                    (&mut *folded, &mut *starts, &mut *ends),
                    fold_punctuation(d).unwrap_or(d),
                    start,
                    end,
                );
            }
            continue;
        }
        if n == 1 {
            if let Some(p) = fold_punctuation(decomposed[0]) {
                push_char((&mut *folded, &mut *starts, &mut *ends), p, start, end);
                continue;
            }
        }
        // Look-alikes from other scripts.
        if c.is_alphanumeric() {
            match decancer::cure_char(c, decancer::Options::default()) {
                decancer::Translation::Character(t) if t.is_ascii_alphanumeric() => {
                    push_char((&mut *folded, &mut *starts, &mut *ends), t, start, end);
                    continue;
                }
                decancer::Translation::String(s)
                    if s.len() <= 3 && s.bytes().all(|b| b.is_ascii_alphanumeric()) =>
                {
                    for t in s.chars() {
                        push_char((&mut *folded, &mut *starts, &mut *ends), t, start, end);
                    }
                    continue;
                }
                _ => {}
            }
        }
        push_char((&mut *folded, &mut *starts, &mut *ends), c, start, end);
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    fn compact(text: &str) -> String {
        Normalized::new(text).compact().to_string()
    }

    #[test]
    fn folds_unicode_tricks() {
        let cases = [
            ("ｍａｒｉａ＠ｉｃｌｏｕｄ．ｃｏｍ", "maria@icloud.com"),
            ("a\u{200B}@\u{200B}b", "a@b"),
            ("раураl", "paypal"),
            ("4\u{FE0F}\u{20E3}1\u{FE0F}\u{20E3}", "41"),
            ("𝐚𝐥𝐞𝐱", "alex"),
            ("x · y", "x . y"),
        ];
        for (input, want) in cases {
            assert_eq!(Normalized::new(input).lower(), want, "{input:?}");
        }
    }

    #[test]
    fn reads_numbers_in_runs() {
        let cases = [
            (
                "two zero six five two five seven six nine four",
                "2 0 6 5 2 5 7 6 9 4",
            ),
            ("six17 334 93six7", "617 334 9367"),
            ("702S3168l9", "7025316819"),
            ("eighty four double five", "84 55"),
            ("one question", "one question"),
            ("S123144971", "5123144971"),
            ("vierundachtzig", "84"),
            ("vierundachtzig 12", "84 12"),
        ];
        for (input, want) in cases {
            assert_eq!(compact(input), want, "{input:?}");
        }
    }

    #[test]
    fn joins_spaced_letters_and_brackets() {
        assert_eq!(
            compact("i k h a n @ o u t l o o k . c o m"),
            "ikhan@outlook.com"
        );
        assert_eq!(compact("nrossi [at] yahoo [dot] com"), "nrossi@yahoo.com");
        assert_eq!(compact("rkhan ( at ) icloud (dot) com"), "rkhan@icloud.com");
    }

    #[test]
    fn joins_only_runs_of_four_spaced_singles_with_a_letter() {
        let cases = [
            ("call a b c d now", "call abcd now"),
            ("ab c d e f", "ab cdef"),
            ("a b c", "a b c"),
            ("x  y z w", "x y z w"),
            ("1 2 3 4", "1 2 3 4"),
            ("1 2 3 a", "123a"),
            ("a b c d\ne f g h", "abcd efgh"),
        ];
        for (input, want) in cases {
            assert_eq!(compact(input), want, "{input:?}");
        }
    }

    #[test]
    fn spans_point_into_the_original() {
        let text = "ok, ａｌｅｘ＠ｍａｉｌ．ｒｕ!";
        let n = Normalized::new(text);
        for t in n.tokens() {
            assert!(text.is_char_boundary(t.start) && text.is_char_boundary(t.end));
            assert!(t.start <= t.end && t.end <= text.len());
        }
        let at = n
            .tokens()
            .iter()
            .find(|t| t.class == TokenClass::At)
            .unwrap();
        assert_eq!(&text[at.start..at.end], "＠");
    }
}

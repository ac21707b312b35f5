//! Normalisation: from the raw text a user typed to forms a detector can search, with a map
//! from every searchable byte back to the original.
//!
//! Two views are built, in two stages:
//!
//! 1. **Folded** ([`Normalized::folded`]), character by character: zero-width, bidi and other
//!    invisible format characters are dropped; NFKC compatibility folding turns fullwidth and
//!    mathematical letters and digits into ASCII (`ｍａｒｉａ＠` → `maria@`); remaining
//!    decimal digits of every script become ASCII digits (`९८७` → `987`); look-alikes from
//!    other scripts (Cyrillic `а`, Greek `ο`) go through `decancer`, but only inside words with
//!    Latin letters or digits, or in a lone Cyrillic/Greek word among Latin ones; odd dots,
//!    dashes and spaces become `.`, `-` and ` `; keycap emoji become their digit. Case is kept
//!    (base58 and IBANs need it); [`Normalized::lower`] is the same bytes lower-cased.
//! 2. **Compact tokens** ([`Normalized::tokens`]), word by word: number words of 27
//!    languages and scripts (the generated `data/number_words.tsv`) become digits when they
//!    stand in a run of numbers (`four one five`, `eighty four`, `double five`, `six17`,
//!    `dua puluh tiga`, `एक दो तीन`, `一三八`, `공일공`, `ศูนย์แปด`, `نهصد و دوازده`; Thai and
//!    kana words are split where glued number words start inside them), leetspeak becomes digits in tokens that are mostly digits
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
    start: u32,
    end: u32,
}

impl Token {
    /// Start of the evidence in the original text.
    pub fn start(&self) -> usize {
        self.start as usize
    }

    /// End of the evidence in the original text.
    pub fn end(&self) -> usize {
        self.end as usize
    }

    /// Where the token's text lies in [`Normalized::compact`]: token texts are laid end to
    /// end there in token order.
    pub fn text_range(&self) -> std::ops::Range<usize> {
        self.text_start as usize..self.text_end as usize
    }
}

/// A text in its normalised views. Build it with [`Normalized::new`]; it never fails.
pub struct Normalized<'a> {
    /// The text as given.
    pub original: &'a str,
    folded: Cow<'a, str>,
    lower: String,
    /// The characters folding changed, in order; between them folded and original bytes
    /// correspond one to one. Empty when folding changed nothing (the common case).
    edits: Vec<Edit>,
    compact: String,
    tokens: Vec<Token>,
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
        buffers.edits = std::mem::take(&mut self.edits);
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
    edits: Vec<Edit>,
    compact: String,
    tokens: Vec<Token>,
    /// The compact view again, with the changes of [`View::apply_changes`].
    changed_compact: String,
    changed_tokens: Vec<Token>,
    marks: Marks,
    readings: Vec<Reading>,
    joined: Vec<(usize, usize)>,
    changes: Vec<u32>,
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
        keep_string(&mut self.changed_compact);
        keep_vec(&mut self.edits);
        keep_vec(&mut self.tokens);
        keep_vec(&mut self.changed_tokens);
        keep_vec(&mut self.marks.may_read);
        keep_vec(&mut self.marks.singles);
        keep_vec(&mut self.marks.wide_spaces);
        keep_vec(&mut self.marks.spaced);
        keep_vec(&mut self.marks.opens);
        keep_vec(&mut self.readings);
        keep_vec(&mut self.joined);
        keep_vec(&mut self.changes);
        let _ = BUFFERS.try_with(|cell| {
            if let Some(other) = cell.take() {
                // Two texts normalised at once on this thread: keep the larger set.
                let size = |b: &Buffers| b.lower.capacity() + b.tokens.capacity();
                if size(&other) > size(&self) {
                    cell.set(Some(other));
                    return;
                }
            }
            cell.set(Some(self));
        });
    }
}
/// Classes of bytes for [`Normalized::plain_tokens`], one table lookup a byte. A byte
/// outside ASCII is only `NON_ASCII`: its character decides.
const WORD_BYTE: u8 = 1;
const DIGIT_BYTE: u8 = 2;
const SPACE_BYTE: u8 = 4;
const NON_ASCII: u8 = 8;
/// A word byte that is not a digit: a letter or `_`.
const LETTER_BYTE: u8 = 16;
const BYTE_CLASS: [u8; 256] = {
    let mut table = [0u8; 256];
    let mut b = 0;
    while b < 256 {
        let c = b as u8;
        table[b] = if !c.is_ascii() {
            NON_ASCII
        } else if c.is_ascii_digit() {
            WORD_BYTE | DIGIT_BYTE
        } else if c.is_ascii_alphabetic() || c == b'_' {
            WORD_BYTE | LETTER_BYTE
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
        let folded = if fold(original, &mut buffers.folded, &mut buffers.edits) {
            Cow::Owned(std::mem::take(&mut buffers.folded))
        } else {
            Cow::Borrowed(original)
        };
        let mut lower = std::mem::take(&mut buffers.lower);
        lower.push_str(&folded);
        lower.make_ascii_lowercase();
        // Capitals of other scripts too ("Вайбер", "Ελλάδα"), where that keeps every offset.
        if let Cow::Owned(every) = lower_every_script(&lower) {
            lower.clear();
            lower.push_str(&every);
        }
        let mut normalized = Normalized {
            original,
            folded,
            lower,
            edits: std::mem::take(&mut buffers.edits),
            compact: std::mem::take(&mut buffers.compact),
            tokens: std::mem::take(&mut buffers.tokens),
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

    /// The folded text, lower-cased (same byte layout as [`Normalized::folded`]: a capital
    /// of another script is lowered only where its lower case is as long).
    pub fn lower(&self) -> &str {
        &self.lower
    }

    /// Maps a byte range of the folded text to the byte range of the original text it came
    /// from. Always returns a valid, char-aligned range of the original.
    pub fn original_span(&self, start: usize, end: usize) -> (usize, usize) {
        let len = self.folded.len();
        let start = start.min(len);
        let end = end.clamp(start, len);
        if self.edits.is_empty() {
            let aligned = floor_char_boundary(self.original, start);
            if end == start {
                return (aligned, aligned);
            }
            return (aligned, ceil_char_boundary(self.original, end));
        }
        if start == end {
            let at = if start < len {
                self.original_start(start)
            } else {
                self.original.len()
            };
            return (at, at);
        }
        (self.original_start(start), self.original_end(end))
    }

    /// The last edit whose folded bytes start at or before folded byte `at`.
    fn last_edit_from(&self, at: usize) -> Option<Edit> {
        let before = self.edits.partition_point(|e| e.folded as usize <= at);
        before.checked_sub(1).map(|k| self.edits[k])
    }

    /// The original start of the character behind folded byte `at` (`at < folded.len()`).
    fn original_start(&self, at: usize) -> usize {
        let Some(edit) = self.last_edit_from(at) else {
            return at;
        };
        let mapped = if at < edit.folded_end as usize {
            edit.original as usize
        } else {
            edit.original_end as usize + (at - edit.folded_end as usize)
        };
        floor_char_boundary(self.original, mapped)
    }

    /// The original end of the character behind folded byte `end - 1` (`0 < end <=
    /// folded.len()`).
    fn original_end(&self, end: usize) -> usize {
        let last = end - 1;
        let Some(edit) = self.last_edit_from(last) else {
            return end;
        };
        let mapped = if last < edit.folded_end as usize {
            edit.original_end as usize
        } else {
            edit.original_end as usize + (end - edit.folded_end as usize)
        };
        ceil_char_boundary(self.original, mapped)
    }

    /// The offset in the folded text of the original byte offset `at`: the first folded byte
    /// whose character starts at or after it. Roughly the inverse of
    /// [`Normalized::original_span`] (characters dropped or folded to several bytes make it
    /// approximate by a few bytes).
    pub fn folded_offset(&self, at: usize) -> usize {
        if self.edits.is_empty() {
            return ceil_char_boundary(&self.folded, at);
        }
        let before = self.edits.partition_point(|e| (e.original as usize) < at);
        let Some(edit) = before.checked_sub(1).map(|k| self.edits[k]) else {
            return ceil_char_boundary(&self.folded, at);
        };
        let folded = if at < edit.original_end as usize {
            edit.folded_end as usize
        } else {
            edit.folded_end as usize + (at - edit.original_end as usize)
        };
        ceil_char_boundary(&self.folded, folded)
    }

    /// The span of the original text that `start..end` of [`Normalized::compact`] reads:
    /// from the start of the token holding `start` to the end of the one holding `end - 1`.
    pub fn compact_span(&self, start: usize, end: usize) -> Option<(usize, usize)> {
        let tokens = self.tokens();
        let at = |offset: usize| tokens.partition_point(|t| t.text_range().end <= offset);
        let first = tokens.get(at(start))?;
        let last = tokens.get(at(end.checked_sub(1)?))?;
        Some((first.start(), last.end()))
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

    /// Makes the compact view: first one token per word, whitespace run and other character
    /// (the view of a text with nothing to read or join, which most texts are), noting on the
    /// way the few places a later pass may change; then, only when a number reading, a
    /// joined run of spaced characters or a bracketed symbol applies, the view again with
    /// those changes, copying the tokens between them in bulk.
    fn build_tokens(&mut self, buffers: &mut Buffers) {
        let mut marks = std::mem::take(&mut buffers.marks);
        let mut compact = std::mem::take(&mut self.compact);
        let mut tokens = std::mem::take(&mut self.tokens);
        self.plain_tokens(&mut compact, &mut tokens, &mut marks);
        let view = View {
            tokens: &tokens,
            compact: &compact,
        };

        let mut readings = std::mem::take(&mut buffers.readings);
        view.number_readings(&marks.may_read, &mut readings);
        let mut joined = std::mem::take(&mut buffers.joined);
        view.spaced_single_runs(&marks.spaced, &mut joined);
        let mut changes = std::mem::take(&mut buffers.changes);
        changes.clear();
        changes.extend(readings.iter().map(|r| r.token as u32));
        for &(first, last) in &joined {
            // The spaces inside the run are dropped.
            changes.extend(first as u32 + 1..last as u32);
        }
        changes.extend(
            marks
                .opens
                .iter()
                .copied()
                .filter(|&open| view.bracketed_symbol(open as usize).is_some()),
        );

        if !changes.is_empty() {
            changes.sort_unstable();
            let mut out = TokenBuilder {
                compact: std::mem::take(&mut buffers.changed_compact),
                tokens: std::mem::take(&mut buffers.changed_tokens),
            };
            view.apply_changes(&changes, &readings, &joined, &mut out);
            buffers.changed_compact = std::mem::replace(&mut compact, out.compact);
            buffers.changed_tokens = std::mem::replace(&mut tokens, out.tokens);
        }
        self.compact = compact;
        self.tokens = tokens;
        buffers.marks = marks;
        buffers.readings = readings;
        buffers.joined = joined;
        buffers.changes = changes;
    }

    /// The first pass: splits the folded text into words, whitespace runs and single other
    /// characters, one token each, into `tokens` and their texts into `compact` (the lower-case
    /// folded text with every whitespace run as one space), and notes in `marks` the words
    /// that may read as a number, the runs of spaced single characters and the opening
    /// brackets.
    // Not inlined: in the caller's body its loop runs short of registers (measured: 10%
    // more instructions for the whole normalisation).
    #[inline(never)]
    fn plain_tokens(&self, compact: &mut String, tokens: &mut Vec<Token>, marks: &mut Marks) {
        let folded: &str = &self.folded;
        let bytes = folded.as_bytes();
        let lower = self.lower.as_bytes();
        marks.clear();
        let len = bytes.len();
        compact.reserve(len);
        // Every token holds a byte at least; most texts have about one token in two bytes.
        tokens.reserve(len / 2 + 16);
        // `compact` holds `lower[..copied]` with whitespace runs made single spaces; a token
        // at `lower[start..end]` has its text at `compact[start - shift..end - shift]`.
        let mut copied = 0;
        let mut shift = 0;
        let mut span = OriginalSpans::new(self);
        let mut i = 0;
        while let Some(&b) = bytes.get(i) {
            let start = i;
            let idx = tokens.len() as u32;
            let mut class = BYTE_CLASS[usize::from(b)];
            let mut c = b as char;
            i += 1;
            if class & NON_ASCII != 0 {
                c = folded[start..].chars().next().unwrap_or('\u{FFFD}');
                i = start + c.len_utf8();
                class = if is_word_char(c) {
                    WORD_BYTE
                } else if c.is_whitespace() {
                    SPACE_BYTE
                } else {
                    0
                };
            }
            let token_class = if class & WORD_BYTE != 0 {
                let first_digit = class & DIGIT_BYTE != 0;
                let (end, letters, digits) = word_end(folded, start, i);
                i = end;
                // The gate of `token_reading`, on the same lower-cased bytes.
                let word = &lower[start..i];
                if first_digit || digits || word == b"o" || lexicon::may_start_number_word(word) {
                    marks.may_read.push(idx);
                }
                if i - start == 1 {
                    marks.singles.push(idx);
                }
                let (orig_start, orig_end) = span.of(start, i);
                tokens.push(Token {
                    class: if first_digit && !letters {
                        TokenClass::Number
                    } else {
                        TokenClass::Word
                    },
                    text_start: (start - shift) as u32,
                    text_end: (i - shift) as u32,
                    start: orig_start,
                    end: orig_end,
                });
                // The commonest token after a word: one space before the next word.
                if bytes.get(i) == Some(&b' ')
                    && bytes
                        .get(i + 1)
                        .is_some_and(|&next| BYTE_CLASS[usize::from(next)] & WORD_BYTE != 0)
                {
                    let (orig_start, orig_end) = span.of(i, i + 1);
                    tokens.push(Token {
                        class: TokenClass::Space { newline: false },
                        text_start: (i - shift) as u32,
                        text_end: (i + 1 - shift) as u32,
                        start: orig_start,
                        end: orig_end,
                    });
                    i += 1;
                }
                continue;
            } else if class & SPACE_BYTE != 0 {
                let mut newline = b == b'\n' || b == b'\r';
                while let Some(&b) = bytes.get(i) {
                    let class = BYTE_CLASS[usize::from(b)];
                    if class & SPACE_BYTE != 0 {
                        newline |= b == b'\n' || b == b'\r';
                        i += 1;
                        continue;
                    }
                    if class & NON_ASCII == 0 {
                        break;
                    }
                    match folded[i..].chars().next() {
                        Some(d) if d.is_whitespace() => i += d.len_utf8(),
                        _ => break,
                    }
                }
                if i - start > 1 || b != b' ' {
                    // Not a single space: its text is one space all the same.
                    marks.wide_spaces.push(idx);
                    compact.push_str(self.lower.get(copied..start).unwrap_or(""));
                    compact.push(' ');
                    copied = i;
                    let (orig_start, orig_end) = span.of(start, i);
                    tokens.push(Token {
                        class: TokenClass::Space { newline },
                        text_start: (start - shift) as u32,
                        text_end: (start - shift + 1) as u32,
                        start: orig_start,
                        end: orig_end,
                    });
                    shift += i - start - 1;
                    continue;
                }
                TokenClass::Space { newline }
            } else {
                if is_single_punct(c) {
                    marks.singles.push(idx);
                }
                match c {
                    '@' => TokenClass::At,
                    '.' => TokenClass::Dot,
                    '(' | '[' | '{' | '<' => {
                        marks.opens.push(idx);
                        TokenClass::Punct
                    }
                    _ => TokenClass::Punct,
                }
            };
            let (orig_start, orig_end) = span.of(start, i);
            tokens.push(Token {
                class: token_class,
                text_start: (start - shift) as u32,
                text_end: (i - shift) as u32,
                start: orig_start,
                end: orig_end,
            });
        }
        compact.push_str(self.lower.get(copied..).unwrap_or(""));
        marks.find_spaced_runs(tokens);
    }
}

/// Where the word going on at byte `from` of `text` ends, and whether its bytes from `from`
/// hold something other than an ASCII digit (letters) and an ASCII digit (digits).
#[inline]
fn word_end(text: &str, start: usize, from: usize) -> (usize, bool, bool) {
    let bytes = text.as_bytes();
    let mut i = from;
    // Whether the last character was a Chinese numeral (only asked outside ASCII).
    let mut han = None;
    if bytes.get(start).is_some_and(|b| !b.is_ascii()) {
        let first = text[start..].chars().next();
        han = first.map(is_han_numeral);
        // Thai and Japanese kana are written without spaces: glued number words there are a
        // word of their own ("โทร" "ศูนย์แปดหนึ่ง…").
        if first.is_some_and(lexicon::may_start_unspaced_word) {
            if let Some(len) = unspaced_number_run(&text[start..]) {
                return (start + len, true, false);
            }
        }
    }
    // The classes of the word's bytes, or-ed together (one operation a byte).
    let mut seen = 0;
    while let Some(&b) = bytes.get(i) {
        let class = BYTE_CLASS[usize::from(b)];
        if class & WORD_BYTE != 0 {
            seen |= class;
            i += 1;
            continue;
        }
        if class & NON_ASCII == 0 {
            // An apostrophe between letters of another script is part of the word
            // (Ukrainian "п'ять", "дев'ять").
            if b == b'\''
                && i > start
                && !bytes[i - 1].is_ascii()
                && text[i + 1..]
                    .chars()
                    .next()
                    .is_some_and(|c| !c.is_ascii() && c.is_alphabetic())
            {
                i += 1;
                continue;
            }
            // A number word written with an apostrophe inside (Uzbek "to'qson", "o'n",
            // Hausa "arba'in") is one word; an English "don't" stays two.
            if b == b'\'' && i > start {
                if let Some(end) = apostrophe_number_word(bytes, start, i) {
                    seen |= LETTER_BYTE;
                    i = end;
                    continue;
                }
            }
            break;
        }
        let c = text[i..].chars().next().unwrap_or('\u{FFFD}');
        if !is_word_char(c) {
            break;
        }
        let numeral = is_han_numeral(c);
        let ideograph = numeral || is_han_numeral_neighbour(c);
        // Chinese numerals start or end a word among ideographs, and end one before kana
        // ("〇九〇…です").
        if han.is_some_and(|h| h != numeral) && (ideograph || han == Some(true)) {
            break;
        }
        if lexicon::may_start_unspaced_word(c) && unspaced_number_run(&text[i..]).is_some() {
            break;
        }
        // Chinese is written without spaces: ASCII digits and letters next to ideographs
        // ("手机号是177") are a word of their own.
        if ideograph && (seen & WORD_BYTE != 0 || (i == from && bytes[start].is_ascii())) {
            break;
        }
        han = Some(numeral);
        if ideograph
            && bytes
                .get(i + c.len_utf8())
                .is_some_and(|&b| BYTE_CLASS[usize::from(b)] & WORD_BYTE != 0)
        {
            i += c.len_utf8();
            seen |= LETTER_BYTE;
            break;
        }
        seen |= LETTER_BYTE;
        i += c.len_utf8();
    }
    (i, seen & LETTER_BYTE != 0, seen & DIGIT_BYTE != 0)
}

/// Where a word with an apostrophe at `apostrophe` ends when the whole of it, apostrophe
/// included, is a number word ("to'qson"): ASCII letters on both sides, lower-cased on the
/// stack, looked up in the number-word table.
fn apostrophe_number_word(bytes: &[u8], start: usize, apostrophe: usize) -> Option<usize> {
    let letters_before = bytes[start..apostrophe].iter().all(u8::is_ascii_alphabetic);
    let tail = bytes[apostrophe + 1..]
        .iter()
        .take_while(|b| b.is_ascii_alphabetic())
        .count();
    let end = apostrophe + 1 + tail;
    let word = &bytes[start..end];
    let mut lower = [0u8; 16];
    if !letters_before || tail == 0 || word.len() > lower.len() {
        return None;
    }
    for (to, from) in lower.iter_mut().zip(word) {
        *to = from.to_ascii_lowercase();
    }
    let word = std::str::from_utf8(&lower[..word.len()]).ok()?;
    lexicon::number_word(word).map(|_| end)
}

/// The length in bytes of the number words of a language written without spaces (Thai,
/// Japanese kana) glued at the start of `text`, when they make a word of their own: three
/// words, or two of which neither is an ordinary word too ("ศูนย์แปด", "ぜろきゅう"; not
/// "いちご", "しごと"). Each step takes the longest word that goes on in a language of the
/// words before.
#[cold]
fn unspaced_number_run(text: &str) -> Option<usize> {
    let (mut at, mut pieces, mut common, mut langs) = (0, 0, false, lexicon::Langs::MAX);
    loop {
        let mut step = None;
        lexicon::unspaced_words_starting(&text[at..], |len, w| {
            let shared = w.langs & langs != 0;
            if shared {
                step = Some((len, w));
            }
            shared
        });
        let Some((len, w)) = step else {
            break;
        };
        at += len;
        pieces += 1;
        common |= w.common;
        langs &= w.langs;
    }
    (pieces >= 3 || (pieces == 2 && !common)).then_some(at)
}

/// A character folding changed: its bytes `folded..folded_end` of the folded text (none when
/// it was dropped) came from `original..original_end`.
#[derive(Debug, Clone, Copy)]
struct Edit {
    folded: u32,
    folded_end: u32,
    original: u32,
    original_end: u32,
}

/// The original spans of the tokens [`Normalized::plain_tokens`] makes, in order: between
/// two edits a folded offset and its original differ by the same amount.
struct OriginalSpans<'m> {
    text: &'m Normalized<'m>,
    /// The first edit that starts at or after the end of the last token mapped.
    next: usize,
    /// Where `next` starts in the folded text (`u32::MAX` when there is none).
    next_folded: usize,
    /// The original offset minus the folded offset, after the edits before `next`.
    shift: u32,
    /// Where the folded bytes of the edits before `next` end: a token that starts before it
    /// starts inside one of them ("/" of the "a/c" that "℀" folds to), and its original is
    /// that edit's character, not the shift applied to it.
    covered_until: usize,
}

impl<'m> OriginalSpans<'m> {
    fn new(text: &'m Normalized<'m>) -> OriginalSpans<'m> {
        let mut spans = OriginalSpans {
            text,
            next: 0,
            next_folded: 0,
            shift: 0,
            covered_until: 0,
        };
        spans.next_folded = spans.folded_start_of(0);
        spans
    }

    fn folded_start_of(&self, edit: usize) -> usize {
        self.text
            .edits
            .get(edit)
            .map_or(u32::MAX as usize, |e| e.folded as usize)
    }

    /// The original span of the folded range `start..end` (not empty, within the text, and
    /// not before the last range mapped).
    #[inline]
    fn of(&mut self, start: usize, end: usize) -> (u32, u32) {
        if end <= self.next_folded && start >= self.covered_until {
            return (
                (start as u32).wrapping_add(self.shift),
                (end as u32).wrapping_add(self.shift),
            );
        }
        self.map_past_edit(start, end)
    }

    #[cold]
    fn map_past_edit(&mut self, start: usize, end: usize) -> (u32, u32) {
        let edits = &self.text.edits;
        while edits
            .get(self.next)
            .is_some_and(|e| (e.folded as usize) < end)
        {
            let e = edits[self.next];
            self.shift = e.original_end.wrapping_sub(e.folded_end);
            self.covered_until = self.covered_until.max(e.folded_end as usize);
            self.next += 1;
        }
        self.next_folded = self.folded_start_of(self.next);
        (
            self.text.original_start(start) as u32,
            self.text.original_end(end) as u32,
        )
    }
}

/// What [`Normalized::plain_tokens`] notes for the later passes, in token order.
#[derive(Default)]
struct Marks {
    /// Words that pass the first check of `token_reading`: a number run can only start at one.
    may_read: Vec<u32>,
    /// Single characters: one-byte words and the punctuation of [`is_single_punct`].
    singles: Vec<u32>,
    /// Whitespace that is not one plain space.
    wide_spaces: Vec<u32>,
    /// Runs of at least [`MIN_SPACED_SINGLES`] single characters, each one plain space after
    /// the one before, as the indices of their first and last single character.
    spaced: Vec<(usize, usize)>,
    /// Opening brackets, which may start a bracketed symbol.
    opens: Vec<u32>,
}

impl Marks {
    fn clear(&mut self) {
        self.may_read.clear();
        self.singles.clear();
        self.wide_spaces.clear();
        self.spaced.clear();
        self.opens.clear();
    }

    /// Finds the runs of spaced single characters (`spaced`) from the single characters and
    /// the whitespace of `tokens`.
    fn find_spaced_runs(&mut self, tokens: &[Token]) {
        self.spaced.clear();
        let single_space = |at: usize| {
            tokens
                .get(at)
                .is_some_and(|t| t.class == TokenClass::Space { newline: false })
                && self.wide_spaces.binary_search(&(at as u32)).is_err()
        };
        let mut first = 0;
        let mut count = 0;
        let mut previous: Option<usize> = None;
        for &single in &self.singles {
            let single = single as usize;
            if previous.is_some_and(|p| p + 2 == single && single_space(p + 1)) {
                count += 1;
            } else {
                count = 1;
                first = single;
            }
            if count >= MIN_SPACED_SINGLES {
                match self.spaced.last_mut() {
                    Some(run) if run.0 == first => run.1 = single,
                    _ => self.spaced.push((first, single)),
                }
            }
            previous = Some(single);
        }
    }
}

/// The plain compact view [`Normalized::plain_tokens`] makes, which the later passes read.
struct View<'v> {
    tokens: &'v [Token],
    compact: &'v str,
}

impl View<'_> {
    fn text(&self, token: &Token) -> &str {
        self.compact
            .get(token.text_start as usize..token.text_end as usize)
            .unwrap_or("")
    }

    /// `(at)`, `[ dot ]`, `{@}`, `<.>` opening at token `open_idx`: returns the symbol and the
    /// index of the closing token.
    fn bracketed_symbol(&self, open_idx: usize) -> Option<(TokenClass, usize)> {
        let tokens = self.tokens;
        let close = match self.text(tokens.get(open_idx)?) {
            "(" => ")",
            "[" => "]",
            "{" => "}",
            "<" => ">",
            _ => return None,
        };
        let mut j = open_idx + 1;
        let skip_space = |j: &mut usize| {
            if tokens
                .get(*j)
                .is_some_and(|t| t.class == TokenClass::Space { newline: false })
            {
                *j += 1;
            }
        };
        skip_space(&mut j);
        let inner = tokens.get(j)?;
        let class = match inner.class {
            TokenClass::At => TokenClass::At,
            TokenClass::Dot => TokenClass::Dot,
            TokenClass::Word | TokenClass::Number => {
                let word = self.text(inner);
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
        let closing = tokens.get(j)?;
        (closing.class == TokenClass::Punct && self.text(closing) == close).then_some((class, j))
    }

    /// Reads number words, mixed tokens and leetspeak as digits where they stand in a run of
    /// numbers, into `readings`, ordered by token: most texts have none. A run starts only at
    /// a word of `may_read` (the words that may read as a number, in order).
    fn number_readings(&self, may_read: &[u32], readings: &mut Vec<Reading>) {
        readings.clear();
        let tokens = self.tokens;
        // One buffer for every run (most texts have a few), and what stands before each of
        // its entries ([`PAUSE`], [`JOINED`]).
        let mut run: Vec<(usize, TokenReading<'_>)> = Vec::new();
        let mut before: Vec<u8> = Vec::new();
        // Runs never start before `i`: it is past the last run read.
        let mut i = 0;
        // The first word of `may_read` at or after the token the run has reached.
        let mut next_may_read = 0;
        for (k, &start) in may_read.iter().enumerate() {
            let start = start as usize;
            if start < i {
                continue;
            }
            i = start;
            if self.lone_number(start, may_read.get(k + 1)) {
                // A run of one number reads as nothing.
                i = start + 1;
                continue;
            }
            // Find a run of numeric-ish words separated by number separators.
            run.clear();
            before.clear();
            let mut pending = 0;
            let mut j = i;
            let mut last_word = None;
            while let Some(token) = tokens.get(j) {
                match token.class {
                    TokenClass::Word | TokenClass::Number => {
                        let word = self.text(token);
                        while may_read
                            .get(next_may_read)
                            .is_some_and(|&m| (m as usize) < j)
                        {
                            next_may_read += 1;
                        }
                        // A word outside `may_read` fails the first check of `token_reading`,
                        // and a number is its digits.
                        let reading = if token.class == TokenClass::Number {
                            Some(TokenReading::Digits(word))
                        } else if may_read.get(next_may_read) == Some(&(j as u32)) {
                            token_reading(word)
                        } else {
                            None
                        };
                        match reading {
                            Some(r) => {
                                run.push((j, r));
                                before.push(pending);
                                pending = 0;
                                last_word = Some(j);
                            }
                            None => {
                                // A joiner after a number word stays in the run ("veinte y
                                // uno", "siyam na pu", "ishirini na moja", "نهصد و دوازده").
                                let joins = matches!(
                                    run.last(),
                                    Some((_, TokenReading::Word(w))) if matches!(
                                        w.value,
                                        NumberWord::Tens(_)
                                            | NumberWord::Mult10
                                            | NumberWord::Digit(_)
                                            | NumberWord::Hundreds(_)
                                    )
                                ) && lexicon::joiner(word).is_some();
                                // "090の1234": a word said for the dash between groups.
                                if !joins && !run.is_empty() && lexicon::is_separator_word(word) {
                                    pending |= SEPARATED;
                                } else if !joins {
                                    break;
                                } else {
                                    pending |= JOINED;
                                }
                            }
                        }
                    }
                    _ if self.is_number_separator(token) => {
                        if self.text(token) == ","
                            || token.class == (TokenClass::Space { newline: true })
                        {
                            pending |= PAUSE;
                        }
                    }
                    _ => break,
                }
                j += 1;
            }
            if run.is_empty() {
                // `i` itself breaks the run: the next one starts after it.
                i += 1;
                continue;
            }
            // A word that is an ordinary word too ("do", "tin", "on") counts only next to a
            // number word of one of its languages: the run is cut where one stands alone.
            let vouched = |k: usize| {
                let TokenReading::Word(w) = &run[k].1 else {
                    return true;
                };
                if !w.common {
                    return true;
                }
                let shares = |other: Option<&(usize, TokenReading<'_>)>| matches!(other, Some((_, TokenReading::Word(o))) if o.langs & w.langs != 0);
                // Next to a number word of its own language, or inside a run read out digit
                // by digit: a number word or a single digit on both sides ("4 teen 2", not
                // "18:45 on 16/04").
                let spoken = |other: Option<&(usize, TokenReading<'_>)>| match other {
                    Some((_, TokenReading::Word(_))) => true,
                    Some((_, TokenReading::Digits(d))) => d.len() == 1,
                    _ => false,
                };
                let before = k.checked_sub(1).and_then(|p| run.get(p));
                let after = run.get(k + 1);
                shares(before) || shares(after) || (spoken(before) && spoken(after))
            };
            let keep: Vec<bool> = (0..run.len()).map(vouched).collect();
            let mut from = 0;
            while from < run.len() {
                if !keep[from] {
                    from += 1;
                    continue;
                }
                let to = (from..run.len()).find(|&k| !keep[k]).unwrap_or(run.len());
                let segment = &run[from..to];
                if strong_run(segment) {
                    apply_run(segment, &before[from..to], readings);
                }
                from = to;
            }
            i = last_word.map_or(j, |w| w + 1).max(i + 1);
        }
    }

    /// Whether token `at` is a number that stands alone: the first token after it that is
    /// not a number separator is not a word of `may_read` (`next_may_read` is the one after
    /// `at`), so the run from `at` holds that number only. Most numbers in a text are such.
    fn lone_number(&self, at: usize, next_may_read: Option<&u32>) -> bool {
        if self.tokens.get(at).map(|t| t.class) != Some(TokenClass::Number) {
            return false;
        }
        let after = self.tokens.get(at + 1..).unwrap_or_default();
        let Some(offset) = after.iter().position(|t| !self.is_number_separator(t)) else {
            return true;
        };
        let next = at + 1 + offset;
        next_may_read != Some(&(next as u32))
    }

    /// Whether a run of numbers goes on over `token`.
    fn is_number_separator(&self, token: &Token) -> bool {
        match token.class {
            TokenClass::Space { .. } | TokenClass::Dot => true,
            TokenClass::Punct => matches!(self.text(token), "-" | "," | "(" | ")" | "/" | "+"),
            _ => false,
        }
    }

    /// Of the runs of spaced single characters `spaced` (indices of their first and last
    /// single, see [`Marks::find_spaced_runs`]), the ones the compact view joins (`j o h n`), into `joined`.
    fn spaced_single_runs(&self, spaced: &[(usize, usize)], joined: &mut Vec<(usize, usize)>) {
        joined.clear();
        // Digits are joined by the phone detector's own separators; only runs with a letter or
        // a symbol are joined, so "1 2 3 4" stays four numbers for everything else.
        joined.extend(spaced.iter().copied().filter(|&(first, last)| {
            (first..=last).step_by(2).any(|k| {
                self.tokens
                    .get(k)
                    .is_some_and(|t| self.text(t).bytes().any(|b| !b.is_ascii_digit()))
            })
        }));
    }

    /// Makes the compact view with the readings, joined runs and bracketed symbols into
    /// `out`. `changes` are the (sorted) indices of the tokens where one of them applies: the
    /// tokens between them are copied unchanged.
    fn apply_changes(
        &self,
        changes: &[u32],
        readings: &[Reading],
        joined: &[(usize, usize)],
        out: &mut TokenBuilder,
    ) {
        out.compact.clear();
        out.tokens.clear();
        out.compact.reserve(self.compact.len());
        out.tokens.reserve(self.tokens.len());
        let mut next = Cursors::default();
        let mut i = 0;
        for &change in changes {
            let change = change as usize;
            if change < i {
                // Taken by the change before.
                continue;
            }
            out.copy(self, i, change);
            i = self.change_at(change, readings, joined, &mut next, out);
        }
        out.copy(self, i, self.tokens.len());
    }

    /// Adds to `out` what token `i` becomes; returns the index of the next token to read.
    fn change_at(
        &self,
        i: usize,
        readings: &[Reading],
        joined: &[(usize, usize)],
        next: &mut Cursors,
        out: &mut TokenBuilder,
    ) -> usize {
        let tokens = self.tokens;
        let token = tokens[i];
        match token.class {
            TokenClass::Word | TokenClass::Number => {
                while readings.get(next.reading).is_some_and(|r| r.token < i) {
                    next.reading += 1;
                }
                if let Some(reading) = readings.get(next.reading).filter(|r| r.token == i) {
                    let last = reading.last;
                    out.push(
                        TokenClass::Number,
                        &reading.digits,
                        token.start,
                        tokens[last].end,
                    );
                    return last + 1;
                }
            }
            TokenClass::Space { .. } => {
                while joined.get(next.joined).is_some_and(|&(_, last)| last <= i) {
                    next.joined += 1;
                }
                // A space inside a run of spaced single characters is dropped.
                if joined.get(next.joined).is_some_and(|&(first, _)| first < i) {
                    return i + 1;
                }
            }
            TokenClass::Punct => {
                // Bracketed symbol words: "[at]", "( dot )", "{@}".
                if let Some((class, last)) = self.bracketed_symbol(i) {
                    if out
                        .tokens
                        .last()
                        .is_some_and(|prev| matches!(prev.class, TokenClass::Space { .. }))
                    {
                        out.pop();
                    }
                    let symbol = if class == TokenClass::At { "@" } else { "." };
                    out.push(class, symbol, token.start, tokens[last].end);
                    let after = last + 1;
                    let space_after = tokens
                        .get(after)
                        .is_some_and(|t| t.class == TokenClass::Space { newline: false });
                    return after + usize::from(space_after);
                }
            }
            _ => {}
        }
        out.copy(self, i, i + 1);
        i + 1
    }
}

/// Where [`View::change_at`] is in the (ordered) readings and joined runs.
#[derive(Default)]
struct Cursors {
    reading: usize,
    joined: usize,
}
/// In what stands before an entry of a run: a comma or a line break.
const PAUSE: u8 = 1;
/// In what stands before an entry of a run: a joiner ("y", "و").
const JOINED: u8 = 2;
/// In what stands before an entry of a run: a word said for a dash (Japanese "の").
const SEPARATED: u8 = 4;

/// Whether a run of readings is read as digits: two or more tokens with a digit among them,
/// three number words, a glued reading ("six17") or a long leetspeak run.
fn strong_run(run: &[(usize, TokenReading<'_>)]) -> bool {
    let has_digits = run.iter().any(|(_, r)| !matches!(r, TokenReading::Word(_)));
    let n_words = run
        .iter()
        .filter(|(_, r)| matches!(r, TokenReading::Word(_)))
        .count();
    run.len() >= 2 && (has_digits || n_words >= 3)
        || run.iter().any(|(_, r)| match r {
            TokenReading::Mixed(_) => true,
            TokenReading::Leet(d) => d.len() >= 7,
            _ => false,
        })
}

/// Records the readings of a strong run: every number word, mixed token and leetspeak token
/// as its digits, with the compounds of each language read as one number: a tens word and
/// the unit after it ("eighty four", "vingt et un", "on yedi"), a digit and a multiplier of
/// ten ("dua puluh tiga", "hai mươi ba", "quatre-vingt-douze"), a digit and a teen suffix or
/// prefix ("tujuh belas", "labing-anim"), a unit and a tens word with its joiner (Arabic
/// "ثلاثة وعشرون"); and "double"/"triple" with the digit after it.
///
/// `before[k]` says what stands between entries `k - 1` and `k` (missing: nothing): a
/// compound never goes on over a comma or a line break ([`PAUSE`]: "zero three hundred, five
/// five one" is 0300 551), and a unit, a joiner and a tens word are the unit-first compound
/// ([`JOINED`]: "خمسة و عشرين" 25).
fn apply_run(run: &[(usize, TokenReading<'_>)], before: &[u8], readings: &mut Vec<Reading>) {
    let paused = |k: usize| before.get(k).is_some_and(|b| b & PAUSE != 0);
    let joined = |k: usize| before.get(k).is_some_and(|b| b & JOINED != 0);
    let separated = |k: usize| before.get(k).is_some_and(|b| b & SEPARATED != 0);
    // The run entry the last reading ended at: a digit after it and a joiner goes on in it
    // ("صفر و واحد و اتنين" is one number, its joiners with it).
    let mut read_to: Option<usize> = None;
    let mut read = |k: usize, last_k: usize, token: usize, last: usize, digits: String| {
        // Digit by digit only: "neun und zehn" stays 9 and 10 (counting). A word said for a
        // dash joins whole groups ("090の1234").
        let goes_on =
            k > 0 && read_to == Some(k - 1) && ((joined(k) && digits.len() == 1) || separated(k));
        read_to = Some(last_k);
        if goes_on {
            if let Some(before) = readings.last_mut() {
                before.last = last;
                before.digits.push_str(&digits);
                return;
            }
        }
        readings.push(Reading {
            token,
            last,
            digits,
        })
    };
    // The word at `k`, when no pause stands before it: a compound may go on over it.
    let word = |k: usize| match run.get(k) {
        Some((_, TokenReading::Word(w))) if !paused(k) => Some(*w),
        _ => None,
    };
    // A multiplier of a language that writes its numbers glued ("สิบ", "百") multiplies
    // only inside a word ([`glued_reading`]): apart, "เก้า สิบ" is nine then ten.
    let spaced = |n: &lexicon::WordReading| n.langs & !lexicon::glued_languages() != 0;
    let mut k = 0;
    while k < run.len() {
        let (idx, ref reading) = run[k];
        let w = match reading {
            TokenReading::Digits(_) => {
                k += 1;
                continue;
            }
            TokenReading::Mixed(d) | TokenReading::Leet(d) => {
                read(k, k, idx, idx, d.clone());
                k += 1;
                continue;
            }
            TokenReading::Word(w) => *w,
        };
        // The number the words from `k` make, and the index of the last of them.
        let mut value: Option<(u32, usize)> = None;
        match w.value {
            NumberWord::Digit(d) => {
                let d = u32::from(d);
                value = Some((d, k));
                match word(k + 1) {
                    // "five hundred", "beş yüz", "tre cento": hundreds from the digit.
                    Some(n)
                        if n.multiplied
                            && d >= 1
                            && n.value == NumberWord::Hundreds(1)
                            && spaced(&n) =>
                    {
                        value = Some(add_rest(run, before, d * 100, k + 1));
                    }
                    // "dua puluh", "hai mươi", "quatre-vingt": tens from the digit.
                    Some(n) if n.multiplied && d >= 1 && spaced(&n) => {
                        let tens = match n.value {
                            NumberWord::Tens(t) => d * u32::from(t),
                            _ => d,
                        };
                        if tens < 10 {
                            value = Some(add_unit(run, before, tens * 10, k + 1, w.langs));
                        }
                    }
                    Some(n) if n.value == NumberWord::TeenSuffix => value = Some((10 + d, k + 1)),
                    // "خمسة و عشرين", "fünf und zwanzig": the unit, a joiner, the tens.
                    Some(lexicon::WordReading {
                        value: NumberWord::Tens(t),
                        multiplied: false,
                        ..
                    }) if joined(k + 1) && d >= 1 && t >= 2 => {
                        value = Some((u32::from(t) * 10 + d, k + 1));
                    }
                    Some(n) => {
                        if let NumberWord::AndTens(t) = n.value {
                            value = Some((u32::from(t) * 10 + d, k + 1));
                        }
                    }
                    None => {}
                }
            }
            NumberWord::Teen(t) => value = Some((u32::from(t), k)),
            NumberWord::Hundreds(h) => value = Some(add_rest(run, before, u32::from(h) * 100, k)),
            NumberWord::Tens(t) => {
                value = Some(add_unit(run, before, u32::from(t) * 10, k, w.langs))
            }
            NumberWord::AndTens(t) => value = Some((u32::from(t) * 10, k)),
            NumberWord::TeenPrefix => {
                if let Some(NumberWord::Digit(d)) = word(k + 1).map(|n| n.value) {
                    value = Some((10 + u32::from(d), k + 1));
                }
            }
            NumberWord::Mult10 => value = Some(add_unit(run, before, 10, k, w.langs)),
            NumberWord::TeenSuffix => {}
            NumberWord::Double | NumberWord::Triple => {
                let times = if w.value == NumberWord::Double { 2 } else { 3 };
                let next_digit = match run.get(k + 1) {
                    Some((_, TokenReading::Word(n))) => match n.value {
                        NumberWord::Digit(d) => Some(char::from(b'0' + d).to_string()),
                        _ => None,
                    },
                    Some((_, TokenReading::Digits(d))) if d.len() == 1 => Some(d.to_string()),
                    _ => None,
                };
                if let Some(d) = next_digit {
                    let (next_idx, _) = run[k + 1];
                    read(k, k + 1, idx, next_idx, d.repeat(times));
                    k += 2;
                    continue;
                }
            }
        }
        // "forty-one hundred", "fifteen hundred": a number of two digits said with a
        // multiplier of a hundred after it is that many hundreds (a US line number).
        if let Some((n, last)) = value {
            let hundreds = word(last + 1)
                .filter(|h| h.multiplied && h.value == NumberWord::Hundreds(1) && spaced(h));
            if (10..100).contains(&n) && hundreds.is_some() {
                value = Some((n * 100, last + 1));
            }
        }
        match value {
            Some((n, last)) => {
                read(k, last, idx, run[last].0, n.to_string());
                k = last + 1;
            }
            None => k += 1,
        }
    }
}

/// A hundreds value `base` read up to run entry `at`, with the tens and units after it
/// ("novecientos dieciséis", "девятьсот шестнадцать", "beş yüz kırk bir"): the value and
/// the index of its last entry.
fn add_rest(
    run: &[(usize, TokenReading<'_>)],
    before: &[u8],
    base: u32,
    at: usize,
) -> (u32, usize) {
    let Some((_, TokenReading::Word(next))) = run.get(at + 1) else {
        return (base, at);
    };
    if before.get(at + 1).is_some_and(|b| b & PAUSE != 0) {
        return (base, at);
    }
    match next.value {
        NumberWord::Tens(t) => {
            let (rest, last) = add_unit(run, before, u32::from(t) * 10, at + 1, next.langs);
            (base + rest, last)
        }
        NumberWord::Teen(t) if t < 100 => (base + u32::from(t), at + 1),
        NumberWord::Digit(d) if d > 0 => (base + u32::from(d), at + 1),
        _ => (base, at),
    }
}

/// A tens value `tens` read up to run entry `at`, with the unit after it when there is one
/// ("eighty four", "soixante-douze" in the languages that add a teen): the value and the
/// index of its last entry.
fn add_unit(
    run: &[(usize, TokenReading<'_>)],
    before: &[u8],
    tens: u32,
    at: usize,
    langs: lexicon::Langs,
) -> (u32, usize) {
    let Some((_, TokenReading::Word(next))) = run.get(at + 1) else {
        return (tens, at);
    };
    if before.get(at + 1).is_some_and(|b| b & PAUSE != 0) {
        return (tens, at);
    }
    match next.value {
        NumberWord::Digit(d) if d > 0 && tens.is_multiple_of(10) => (tens + u32::from(d), at + 1),
        NumberWord::Teen(t)
            if (10..20).contains(&t)
                && langs & next.langs & lexicon::teen_adding_languages() != 0
                && tens + u32::from(t) < 100 =>
        {
            (tens + u32::from(t), at + 1)
        }
        NumberWord::Tens(1)
            if langs & next.langs & lexicon::teen_adding_languages() != 0 && tens + 10 < 100 =>
        {
            // "soixante-dix-neuf": sixty, ten, nine.
            let (rest, last) = add_unit(run, before, 10, at + 1, next.langs);
            (tens + rest, last)
        }
        _ => (tens, at),
    }
}

/// How a single word token reads as a number, before its neighbours are considered.
#[derive(Debug, Clone)]
enum TokenReading<'w> {
    /// Plain digits (the word itself).
    Digits(&'w str),
    /// A number word.
    Word(lexicon::WordReading),
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

/// The digits a short list of words says, every word read ("setenta y ocho" is 78, "deux
/// mille un" 2001, "ottantasette" 87, "one two" 12), with the joiners of compounds ("y",
/// "et", "und") and hyphens ("quatre-vingt-onze") between them; `None` when a word is no
/// number word or a digit group, or no number is read. For the few words spoken before an
/// at-word, where a lone number word is the end of a local part ("juanpe setenta y ocho
/// arroba hotmail"), not a number in prose.
pub(crate) fn read_number_words(words: &[&str]) -> Option<String> {
    let mut run: Vec<(usize, TokenReading<'_>)> = Vec::new();
    let mut before: Vec<u8> = Vec::new();
    let mut pending = 0;
    for (k, word) in words.iter().flat_map(|w| w.split('-')).enumerate() {
        if word.is_empty() {
            continue;
        }
        match token_reading(word) {
            Some(reading @ (TokenReading::Word(_) | TokenReading::Digits(_))) => {
                run.push((k, reading));
                before.push(pending);
                pending = 0;
            }
            _ if !run.is_empty() && lexicon::joiner(word).is_some() => pending |= JOINED,
            _ => return None,
        }
    }
    let mut readings = Vec::new();
    apply_run(&run, &before, &mut readings);
    // Plain digit groups stand for themselves; every word must be in a reading.
    let mut digits = String::new();
    let mut covered = 0;
    for (k, (idx, reading)) in run.iter().enumerate() {
        if let TokenReading::Digits(d) = reading {
            digits.push_str(d);
            covered = k + 1;
            continue;
        }
        if k < covered {
            continue;
        }
        let r = readings.iter().find(|r| r.token == *idx)?;
        digits.push_str(&r.digits);
        covered = run.iter().position(|(i, _)| *i == r.last)? + 1;
    }
    (!digits.is_empty()).then_some(digits)
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
        return glued_reading(word);
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

/// "six17" → "617", "11zero7" → "1107", "vierundachtzig" → "84", "trecentoquarantasette" →
/// "347": the whole token must read as digits and number words, with at least one digit or at
/// least two words; glued words compose as they do apart ([`apply_run`]).
fn mixed_reading(word: &str) -> Option<String> {
    // Glued words are short; a long token is no number.
    if word.len() > 64 {
        return None;
    }
    let mut pieces: Vec<(usize, TokenReading<'_>)> = Vec::new();
    if !segment(word, 0, &mut pieces) {
        return None;
    }
    let n_digits: usize = pieces
        .iter()
        .map(|(_, p)| match p {
            TokenReading::Digits(d) => d.len(),
            _ => 0,
        })
        .sum();
    // A German "<unit>und<tens>" compound ([`teen_reading`]) is two words.
    let n_words: usize = pieces
        .iter()
        .map(|(_, p)| match p {
            TokenReading::Word(w) if w.langs == lexicon::Langs::MAX => 2,
            TokenReading::Word(_) => 1,
            _ => 0,
        })
        .sum();
    if !((n_digits >= 1 && n_words >= 1) || n_words >= 2) {
        return None;
    }
    let mut readings = Vec::new();
    apply_run(&pieces, &[], &mut readings);
    let mut out = String::new();
    let mut next = readings.iter().peekable();
    let mut k = 0;
    while k < pieces.len() {
        if let Some(reading) = next.next_if(|r| r.token == k) {
            out.push_str(&reading.digits);
            k = reading.last + 1;
            continue;
        }
        match &pieces[k].1 {
            TokenReading::Digits(d) => out.push_str(d),
            // A word that reads as nothing alone ("belas" first) spoils the reading.
            _ => return None,
        }
        k += 1;
    }
    Some(out)
}

/// Splits `word[i..]` into digit runs and number words (German "<unit>und<tens>" as one),
/// longest words first, trying shorter ones when the rest does not split ("trecento..." is
/// "tre cento", not "trece nto"); appends the pieces, indexed in order, and says whether it
/// could.
fn segment<'w>(word: &'w str, i: usize, pieces: &mut Vec<(usize, TokenReading<'w>)>) -> bool {
    let bytes = word.as_bytes();
    if i >= bytes.len() {
        return true;
    }
    let at = pieces.len();
    if bytes[i].is_ascii_digit() {
        let end = i + bytes[i..].iter().take_while(|b| b.is_ascii_digit()).count();
        pieces.push((at, TokenReading::Digits(&word[i..end])));
        if segment(word, end, pieces) {
            return true;
        }
        pieces.truncate(at);
        return false;
    }
    // Short ordinary words ("do", "on", "tin") are not read glued to others ("tintin");
    // longer ones are (Italian "vent" in "trecentoventotto"), and so is a short one that
    // is the unit of a glued unit-and-tens (Dutch "zes" in "zesenvijftig").
    let mut candidates: Vec<(usize, lexicon::WordReading)> =
        lexicon::number_words_prefixing(&bytes[i..])
            .filter(|(_, n)| !matches!(n.value, NumberWord::Double | NumberWord::Triple))
            .map(|(w, n)| (w.len(), *n))
            .collect();
    candidates.sort_unstable_by_key(|c| std::cmp::Reverse(c.0));
    for (len, n) in candidates {
        // German "<unit>und<tens>", Dutch "<unit>en<tens>": one number.
        if let NumberWord::Digit(unit) = n.value {
            let rest = &word[i + len..];
            for joiner in lexicon::glued_unit_joiners() {
                let Some(after) = rest.strip_prefix(joiner) else {
                    continue;
                };
                let tens = lexicon::number_words_prefixing(after.as_bytes()).find_map(|(w, t)| {
                    match t.value {
                        NumberWord::Tens(t) => Some((w.len(), t)),
                        _ => None,
                    }
                });
                if let Some((tens_len, t)) = tens {
                    pieces.push((at, TokenReading::Word(teen_reading(t * 10 + unit))));
                    if segment(word, i + len + joiner.len() + tens_len, pieces) {
                        return true;
                    }
                    pieces.truncate(at);
                }
            }
        }
        if n.common && len < 4 {
            continue;
        }
        pieces.push((at, TokenReading::Word(n)));
        if segment(word, i + len, pieces) {
            return true;
        }
        pieces.truncate(at);
    }
    false
}

/// A word reading for the number 10..=99 `value` made inside a word.
fn teen_reading(value: u8) -> lexicon::WordReading {
    lexicon::WordReading {
        value: NumberWord::Teen(value),
        langs: lexicon::Langs::MAX,
        common: false,
        multiplied: false,
    }
}

/// Number words written together in one word, in the languages that write them so:
/// Chinese, Korean and Japanese digits with their characters for ten and hundred
/// ("一三八一二三四五六七八", "幺三八", "二十三", "五百二十", "공일공", "오백십이"), Thai and
/// Japanese kana words as they are written ("ศูนย์แปดหนึ่ง", "ぜろきゅうぜろ", "สามสิบห้า"):
/// every piece a number word of one such language. Digits alone read one by one, as phone
/// numbers are said; with a word for ten or hundred they make one number. Three pieces or
/// more read as a glued number; fewer read as a number word (they need neighbours).
fn glued_reading(word: &str) -> Option<TokenReading<'static>> {
    // A phone number in Thai words is some 150 bytes; a longer word is no number.
    if word.len() > 512 {
        return None;
    }
    glued_number(word).or_else(|| {
        // Korean and Japanese glue the copula or a particle to the number it ends
        // ("사오구육이에요", "오구이육으로", "ゴーロクキューニーです"); "이" is also the digit
        // two, so the longest ending goes first and the number must read without it.
        COPULA_ENDINGS
            .iter()
            .filter_map(|ending| word.strip_suffix(ending))
            .find(|stem| !stem.is_empty())
            .and_then(glued_number)
    })
}

/// The copulas, politeness endings and particles ("으로": "to", "by") Korean and Japanese
/// write glued after a number, longest first.
const COPULA_ENDINGS: &[&str] = &[
    "번이에요",
    "번입니다",
    "이에요",
    "입니다",
    "으로요",
    "번으로",
    "이예요",
    "이구요",
    "이에여",
    "예요",
    "이고",
    "이요",
    "이야",
    "이다",
    "으로",
    "로요",
    "로",
    "でございます",
    "です",
    "だよ",
    "だ",
];

fn glued_number(word: &str) -> Option<TokenReading<'static>> {
    let mut pieces: Vec<lexicon::WordReading> = Vec::new();
    let mut failed = vec![false; word.len() + 1];
    if !split_glued(word, 0, &mut pieces, &mut failed) || pieces.len() < 2 {
        return None;
    }
    let langs = pieces
        .iter()
        .fold(lexicon::glued_languages(), |langs, p| langs & p.langs);
    if langs == 0 {
        return None;
    }
    let mut digits = String::new();
    // The positional value, when a word for ten or hundred is in the word.
    let (mut total, mut current, mut positional) = (0u32, None::<u32>, false);
    for piece in &pieces {
        match piece.value {
            NumberWord::Digit(d) => {
                digits.push(char::from(b'0' + d));
                if d > 0 {
                    current = Some(u32::from(d));
                }
            }
            // 十, 십, สิบ, じゅう: "二十三" is 23, "十六" 16, "三十" 30.
            NumberWord::Teen(10) | NumberWord::Tens(1) => {
                total += current.take().unwrap_or(1) * 10;
                positional = true;
            }
            // 百, 백, ร้อย: "五百二十" is 520.
            NumberWord::Hundreds(1) if piece.multiplied => {
                total += current.take().unwrap_or(1) * 100;
                positional = true;
            }
            _ => return None,
        }
    }
    let out = if positional {
        (total + current.unwrap_or(0)).to_string()
    } else {
        digits
    };
    // Digits read one by one keep their zeros ("공일", "零八").
    if (pieces.len() >= 3 && !positional) || out.starts_with('0') {
        return Some(TokenReading::Mixed(out));
    }
    let value = out.parse::<u32>().ok()?;
    let value = match value {
        0..=9 => NumberWord::Digit(value as u8),
        10..=99 => NumberWord::Teen(value as u8),
        _ if value % 100 == 0 && value < 1000 => NumberWord::Hundreds((value / 100) as u8),
        _ => return Some(TokenReading::Mixed(out)),
    };
    Some(TokenReading::Word(lexicon::WordReading {
        value,
        langs,
        // Two Korean syllables or kana that read as a number are an ordinary word as often
        // ("이사", "しご"): they need a number word beside them.
        common: pieces.iter().all(|p| p.common),
        multiplied: false,
    }))
}

/// Splits `word[i..]` into number words of other scripts, longest first, trying shorter ones
/// when the rest does not split; `failed` marks the offsets already known not to split, so
/// every offset is tried once.
fn split_glued(
    word: &str,
    i: usize,
    pieces: &mut Vec<lexicon::WordReading>,
    failed: &mut [bool],
) -> bool {
    if i >= word.len() {
        return true;
    }
    if failed.get(i).copied().unwrap_or(true) {
        return false;
    }
    let at = pieces.len();
    let found = lexicon::other_words_starting(&word[i..], |len, w| {
        pieces.push(w);
        if split_glued(word, i + len, pieces, failed) {
            return true;
        }
        pieces.truncate(at);
        false
    });
    if !found {
        if let Some(f) = failed.get_mut(i) {
            *f = true;
        }
    }
    found
}

/// "S123144971" → "5123144971": every letter must be a leet digit, and digits must be at
/// least as many as the letters that merely stand for one (`s`, `e`, `b`…); the letters
/// drawn like a digit (capital `O` for 0, `l` and `I` for 1: "O8O3 l2l 4567") count as digits once
/// the word has a real one.
fn leet_reading(word: &str) -> Option<String> {
    let mut out = String::with_capacity(word.len());
    let mut n_digits = 0;
    let mut n_lookalikes = 0;
    let mut n_letters = 0;
    for b in word.bytes() {
        if b.is_ascii_digit() {
            out.push(b as char);
            n_digits += 1;
        } else {
            out.push(lexicon::leet_digit(b)? as char);
            if matches!(b, b'O' | b'l' | b'I') {
                n_lookalikes += 1;
            } else {
                n_letters += 1;
            }
        }
    }
    (n_digits >= 1
        && n_digits + n_lookalikes >= n_letters
        && n_digits >= n_letters.min(1)
        && word.len() >= 2)
        .then_some(out)
}

/// How many single characters a run needs before [`spaced_single_runs`] joins it.
const MIN_SPACED_SINGLES: usize = 4;

/// Punctuation that counts as a single character in a spaced run (`j o h n @ g m a i l`).
fn is_single_punct(c: char) -> bool {
    matches!(c, '@' | '.' | '_' | '-' | '+')
}

struct TokenBuilder {
    compact: String,
    tokens: Vec<Token>,
}

impl TokenBuilder {
    fn push(&mut self, class: TokenClass, text: &str, start: u32, end: u32) {
        let text_start = self.compact.len() as u32;
        self.compact.push_str(text);
        self.tokens.push(Token {
            class,
            text_start,
            text_end: self.compact.len() as u32,
            start,
            end,
        });
    }

    /// Copies the tokens `from..to` of `view` unchanged, their texts in one piece.
    fn copy(&mut self, view: &View<'_>, from: usize, to: usize) {
        let Some(run) = view.tokens.get(from..to).filter(|run| !run.is_empty()) else {
            return;
        };
        let text_start = run[0].text_start;
        let text_end = run[run.len() - 1].text_end;
        let moved_to = self.compact.len() as u32;
        self.compact.push_str(
            view.compact
                .get(text_start as usize..text_end as usize)
                .unwrap_or(""),
        );
        // Token texts are contiguous, so each moves by the same amount.
        let by = moved_to.wrapping_sub(text_start);
        self.tokens.extend(run.iter().map(|t| Token {
            text_start: t.text_start.wrapping_add(by),
            text_end: t.text_end.wrapping_add(by),
            ..*t
        }));
    }

    fn pop(&mut self) {
        if let Some(token) = self.tokens.pop() {
            self.compact.truncate(token.text_start as usize);
        }
    }
}

/// Whether `c` is a letter of Chinese, Japanese or Korean (Han, kana, Hangul): scripts
/// whose sentences end in `。` with no space after it.
pub(crate) fn is_cjk(c: char) -> bool {
    matches!(u32::from(c),
        0x3040..=0x30FF // kana
        | 0x31F0..=0x31FF
        | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF // Han
        | 0x20000..=0x2FA1F
        | 0x1100..=0x11FF | 0xAC00..=0xD7AF // Hangul
        | 0xFF66..=0xFF9F // half-width katakana
    )
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

/// The byte offset `n` characters before `at` in the UTF-8 bytes `b` (0 if there are fewer):
/// windows counted in characters, since a Devanagari, Thai or Burmese letter is three bytes.
pub(crate) fn chars_before(b: &[u8], at: usize, n: usize) -> usize {
    let mut i = at.min(b.len());
    for _ in 0..n {
        if i == 0 {
            break;
        }
        i -= 1;
        while i > 0 && b[i] & 0xC0 == 0x80 {
            i -= 1;
        }
    }
    i
}

/// The byte offset `n` characters after `at` in the UTF-8 bytes `b` (its length if there are
/// fewer).
pub(crate) fn chars_after(b: &[u8], at: usize, n: usize) -> usize {
    let mut i = at.min(b.len());
    for _ in 0..n {
        if i >= b.len() {
            break;
        }
        i += 1;
        while i < b.len() && b[i] & 0xC0 == 0x80 {
            i += 1;
        }
    }
    i
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
        // Vowel signs and viramas of Indic scripts are marks inside their words (`शून्य`); the
        // combining accents of Latin letters (U+0300-036F) are not (a lone one stays between
        // words, as it always has).
        c.is_alphanumeric()
            || (!('\u{0300}'..='\u{036F}').contains(&c)
                && unicode_normalization::char::is_combining_mark(c))
    }
}

/// A character a word of Chinese numerals ends before: another CJK ideograph.
fn is_han_numeral_neighbour(c: char) -> bool {
    matches!(c, '\u{3400}'..='\u{9FFF}' | '\u{F900}'..='\u{FAFF}' | '\u{20000}'..='\u{2FFFF}')
}

/// Chinese numerals: a word of Chinese text breaks where they start or end, so the digits
/// written among other characters ("我的电话一三八…") are a word of their own.
fn is_han_numeral(c: char) -> bool {
    matches!(
        c,
        '〇' | '零'
            | '一'
            | '二'
            | '三'
            | '四'
            | '五'
            | '六'
            | '七'
            | '八'
            | '九'
            | '十'
            | '百'
            | '幺'
            | '两'
            | '兩'
            | '壹'
            | '贰'
            | '洞'
    )
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

/// The value of a decimal digit outside ASCII, of any script (Unicode general category Nd:
/// Devanagari `७`, Arabic-Indic `٧`, Persian `۷`, Bengali `৭`, Thai `๗`, fullwidth `７`,
/// mathematical `𝟕`...). Every Nd block is ten consecutive code points from its zero, so the
/// generated list of zeros ([`crate::unicode_digits::ND_ZEROS`]) is the whole table; most
/// characters (Latin, Greek, Cyrillic letters) are below the first zero and cost one
/// comparison.
pub(crate) fn decimal_digit(c: char) -> Option<u8> {
    use crate::unicode_digits::ND_ZEROS;
    let cp = u32::from(c);
    if cp < ND_ZEROS[0] {
        return None;
    }
    let at = ND_ZEROS.partition_point(|&zero| zero <= cp);
    let offset = cp - ND_ZEROS[at - 1];
    (offset < 10).then_some(offset as u8)
}

/// `text` with every decimal digit of another script as its ASCII digit ([`decimal_digit`]):
/// what the rules that read a number's shape (dates, labels) must see. Borrowed when the text
/// has no such digit.
pub(crate) fn ascii_digits(text: &str) -> Cow<'_, str> {
    if text.is_ascii() || !text.chars().any(|c| decimal_digit(c).is_some()) {
        return Cow::Borrowed(text);
    }
    Cow::Owned(
        text.chars()
            .map(|c| decimal_digit(c).map_or(c, |d| char::from(b'0' + d)))
            .collect(),
    )
}

/// Punctuation that stands for `.`, `@` or `-` in disguise, and the commas of other scripts
/// (Arabic `،`, ideographic `、`), which separate the groups of a number as `,` does.
/// The value of a digit drawn in a circle that Unicode gives no decimal value or compatibility
/// form (category No, from their names in UnicodeData.txt): the dingbat negative circled
/// digits ❶–❾ (U+2776–277E), circled and negative circled sans-serif ➀–➈ and ➊–➒
/// (U+2780–2788, U+278A–2792), negative circled zero ⓿ (U+24FF) and the circled sans-serif
/// zeros 🄋 and 🄌 (U+1F10B, U+1F10C). People write phone numbers with them to get past
/// filters. The circled ten (❿, ➉, ➓) is left alone: it is not one digit.
fn dingbat_digit(c: char) -> Option<u8> {
    let n = u32::from(c);
    let value = match n {
        0x2776..=0x277E => n - 0x2775,
        0x2780..=0x2788 => n - 0x277F,
        0x278A..=0x2792 => n - 0x2789,
        0x24FF | 0x1F10B | 0x1F10C => 0,
        _ => return None,
    };
    u8::try_from(value).ok()
}

fn fold_punctuation(c: char) -> Option<char> {
    Some(match c {
        '\u{060C}' | '\u{3001}' => ',',
        '\u{00B7}' | '\u{2022}' | '\u{2219}' | '\u{22C5}' | '\u{3002}' | '\u{FF61}'
        | '\u{2024}' | '\u{2027}' | '\u{0387}' | '\u{06D4}' | '\u{FE52}' | '\u{FF0E}'
        // Katakana middle dots and the Arabic decimal separator, written between the
        // groups of a number ("０９１７・３８５", "٠١٠٫٦٤").
        | '\u{30FB}' | '\u{FF65}' | '\u{066B}' => '.',
        // The Arabic thousands separator.
        '\u{066C}' => ',',
        '\u{FE6B}' | '\u{FF20}' | '\u{24D0}' => '@',
        // Dashes, and the Hebrew maqaf, which joins words and a phone's groups alike.
        '\u{2010}'..='\u{2015}' | '\u{2212}' | '\u{FE63}' | '\u{FF0D}' | '\u{05BE}' => '-',
        '\u{2028}' | '\u{2029}' | '\u{0085}' => '\n',
        // U+02BB is the Uzbek tutuq belgisi and o'/g' mark ("toʻqson"), typed as `'` too.
        '\u{2018}' | '\u{2019}' | '\u{02BB}' | '\u{02BC}' | '\u{FF07}' | '\u{2032}' => '\'',
        _ => return None,
    })
}

/// Stage 1: character folding. Fills the empty buffers `folded` and `edits` with the folded
/// text and the characters it changed; returns `false`, leaving them empty, when the text
/// folds to itself because it is pure ASCII.
fn fold(original: &str, folded: &mut String, edits: &mut Vec<Edit>) -> bool {
    if original.is_ascii() {
        return false;
    }
    folded.reserve(original.len());
    let bytes = original.as_bytes();
    // The last word asked about by look-alike folding: its span and whether it folds.
    let mut word = (0, 0, false);
    let mut at = 0;
    while at < bytes.len() {
        // A run of ASCII bytes folds to itself, byte for byte.
        let run_end = next_non_ascii(bytes, at);
        if run_end > at {
            folded.push_str(&original[at..run_end]);
            at = run_end;
            continue;
        }
        let start = at;
        let Some(c) = original[at..].chars().next() else {
            break;
        };
        let end = start + c.len_utf8();
        at = end;
        let folded_start = folded.len();
        // The katakana prolonged sound mark written as a dash between the groups of a number
        // ("０８０ー４７１２ー５９６３"); inside a word it is the word's ("コード").
        if matches!(c, '\u{30FC}' | '\u{FF70}')
            && folded.ends_with(|p: char| p.is_ascii_digit())
            && original[end..]
                .chars()
                .next()
                .is_some_and(|n| decimal_digit(n).is_some())
        {
            folded.push('-');
        } else {
            fold_char(c, folded, || {
                if !(word.0..word.1).contains(&start) {
                    word = lookalike_word(original, start);
                }
                word.2
            });
        }
        if folded.get(folded_start..) != original.get(start..end) {
            edits.push(Edit {
                folded: folded_start as u32,
                folded_end: folded.len() as u32,
                original: start as u32,
                original_end: end as u32,
            });
        }
    }
    true
}

/// The index of the first byte at or after `from` that is not ASCII (`bytes.len()` if none),
/// read eight bytes at a time.
fn next_non_ascii(bytes: &[u8], from: usize) -> usize {
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let mut at = from;
    while let Some(chunk) = bytes.get(at..at + 8) {
        let lanes = u64::from_le_bytes(chunk.try_into().unwrap_or_default()) & HIGH;
        if lanes != 0 {
            return at + (lanes.trailing_zeros() / 8) as usize;
        }
        at += 8;
    }
    bytes
        .get(at..)
        .and_then(|rest| rest.iter().position(|b| !b.is_ascii()))
        .map_or(bytes.len(), |n| at + n)
}

/// Whether a letter is Latin: ASCII, accented Latin, a Latin small capital (`ᴛᴇʟᴇɢʀᴀᴍ`, as
/// "small caps" text generators write), or a fullwidth or mathematical form of a Latin
/// letter.
fn is_latin_letter(c: char) -> bool {
    c.is_ascii_alphabetic()
        || matches!(c, '\u{00C0}'..='\u{024F}' | '\u{1E00}'..='\u{1EFF}' | '\u{FF21}'..='\u{FF3A}'
            | '\u{FF41}'..='\u{FF5A}' | '\u{1D400}'..='\u{1D6A3}')
            && c.is_alphabetic()
        || is_latin_small_capital(c)
}

/// The Latin letters named "LATIN LETTER SMALL CAPITAL …" in the Unicode character database
/// (IPA extensions, phonetic extensions, Latin Extended-D). They have no compatibility
/// decomposition, so NFKC leaves them as they are.
fn is_latin_small_capital(c: char) -> bool {
    matches!(c, '\u{0262}' | '\u{026A}' | '\u{0274}' | '\u{0276}' | '\u{0280}' | '\u{0281}'
        | '\u{028F}' | '\u{0299}' | '\u{029B}' | '\u{029C}' | '\u{029F}' | '\u{1D00}' | '\u{1D01}'
        | '\u{1D03}'..='\u{1D07}' | '\u{1D0A}'..='\u{1D10}' | '\u{1D15}' | '\u{1D18}'..='\u{1D1C}'
        | '\u{1D20}'..='\u{1D23}' | '\u{A730}' | '\u{A731}' | '\u{A776}' | '\u{A7AE}' | '\u{A7AF}')
}

/// Whether a letter comes from a block whose letters are used to pass for Latin ones:
/// Latin extensions, IPA and phonetic letters, Greek, Cyrillic, Armenian, Cherokee,
/// letter-like and enclosed symbols, fullwidth and mathematical forms. Letters of Hebrew,
/// Arabic, Indic, Thai, CJK and other scripts never fold to Latin, not even inside a word
/// with Latin letters (`手机号是177` keeps its `手`).
fn may_pass_for_latin(c: char) -> bool {
    matches!(c,
        '\u{0080}'..='\u{058F}'
        | '\u{13A0}'..='\u{13FF}'
        | '\u{1D00}'..='\u{1DBF}'
        | '\u{1E00}'..='\u{1FFF}'
        | '\u{2100}'..='\u{24FF}'
        | '\u{2C60}'..='\u{2C7F}'
        | '\u{A720}'..='\u{A7FF}'
        | '\u{AB30}'..='\u{ABBF}'
        | '\u{FF00}'..='\u{FFEF}'
        | '\u{1D400}'..='\u{1D7FF}'
        | '\u{1F100}'..='\u{1F1FF}')
}

/// A character of a word for look-alike folding: a letter, a digit or a combining mark (Thai
/// and Indic vowel signs are marks inside their words).
fn is_word_or_mark(c: char) -> bool {
    is_word_char(c) || unicode_normalization::char::is_combining_mark(c)
}

/// What the letters of a word are: Latin letters or ASCII digits, letters of another script,
/// and whether all of those are of the alphabets whose letters pass for Latin ones (Cyrillic,
/// Greek, Armenian, Cherokee).
fn word_scripts(word: &str) -> (bool, bool, bool) {
    let mut latin = false;
    let mut other = false;
    let mut passing = true;
    for c in word.chars() {
        if is_latin_letter(c) || c.is_ascii_digit() {
            latin = true;
        } else if c.is_alphabetic() {
            other = true;
            passing &= matches!(c, '\u{0370}'..='\u{058F}' | '\u{13A0}'..='\u{13FF}'
                | '\u{1F00}'..='\u{1FFF}' | '\u{AB70}'..='\u{ABBF}');
        }
    }
    (latin, other, passing)
}

/// How many characters of punctuation and space may stand between two words for one to count
/// as the other's neighbour.
const NEIGHBOUR_GAP: usize = 4;

/// The word of `text` around byte `at`, and whether its letters of other scripts fold to
/// Latin look-alikes (`раураl` → `paypal`): only in a word with Latin letters or digits in it
/// (mixed scripts are a disguise), or in a word of an alphabet whose letters pass for Latin
/// ones (Cyrillic, Greek, Armenian, Cherokee) that stands among Latin words and no word of
/// another script (`add me on ѕкуре`). A word of a Thai, Cyrillic, Greek,
/// Arabic or Indic text stays as written: folded, its letters would read as unrelated Latin
/// names and digits (Thai `ผม` as `wu`, Cyrillic `четыре` as `4etbipe`).
fn lookalike_word(text: &str, at: usize) -> (usize, usize, bool) {
    let start = text[..at]
        .char_indices()
        .rev()
        .take_while(|&(_, c)| is_word_or_mark(c))
        .last()
        .map_or(at, |(i, _)| i);
    let end = text[at..]
        .char_indices()
        .find(|&(_, c)| !is_word_or_mark(c))
        .map_or(text.len(), |(i, _)| at + i);
    let (latin, other, passing) = word_scripts(&text[start..end]);
    if latin || !other {
        return (start, end, true);
    }
    if !passing || is_channel_name_as_written(&text[start..end]) {
        return (start, end, false);
    }
    // The neighbouring words, if close enough.
    let before = text[..start]
        .char_indices()
        .rev()
        .take(NEIGHBOUR_GAP + 1)
        .find(|&(_, c)| is_word_or_mark(c))
        .map(|(i, _)| {
            let from = text[..i]
                .char_indices()
                .rev()
                .take_while(|&(_, c)| is_word_or_mark(c))
                .last()
                .map_or(i, |(j, _)| j);
            let to = i + text[i..].chars().next().map_or(0, char::len_utf8);
            &text[from..to]
        });
    let after = text[end..]
        .char_indices()
        .take(NEIGHBOUR_GAP + 1)
        .find(|&(_, c)| is_word_or_mark(c))
        .map(|(i, _)| {
            let from = end + i;
            let to = text[from..]
                .char_indices()
                .find(|&(_, c)| !is_word_or_mark(c))
                .map_or(text.len(), |(j, _)| from + j);
            &text[from..to]
        });
    let mut latin_neighbour = false;
    for neighbour in [before, after].into_iter().flatten() {
        let (_, other, _) = word_scripts(neighbour);
        if other {
            return (start, end, false);
        }
        latin_neighbour |= neighbour.chars().any(is_latin_letter);
    }
    (start, end, latin_neighbour)
}

/// Whether `word`, written in an alphabet whose letters pass for Latin ones, is a channel's
/// name in that alphabet as `data/channels/*.tsv` spells it ("телега", "вотсап", "тг"): a
/// word of the writer's language, not a disguise, even among Latin words ("телега
/// @dima_3d"). Read from the raw rows (lower-cased, a trailing `*` a stem), not through the
/// lexicon, which folds its rows with this module.
fn is_channel_name_as_written(word: &str) -> bool {
    static NAMES: std::sync::LazyLock<(std::collections::HashSet<String>, Vec<String>)> =
        std::sync::LazyLock::new(|| {
            let mut names = std::collections::HashSet::new();
            let mut stems = Vec::new();
            for (_, file) in crate::lexicon::CHANNEL_FILES {
                for line in file.lines().filter(|l| !l.starts_with('#')) {
                    let Some(spelling) = line.split('\t').nth(3) else {
                        continue;
                    };
                    let (latin, other, passing) = word_scripts(spelling);
                    if latin || !other || !passing || spelling.contains(' ') {
                        continue;
                    }
                    let spelling = spelling.to_lowercase();
                    match spelling.strip_suffix('*') {
                        Some(stem) => stems.push(stem.to_string()),
                        None => {
                            names.insert(spelling);
                        }
                    }
                }
            }
            (names, stems)
        });
    let word = word.to_lowercase();
    let (names, stems) = &*NAMES;
    names.contains(&word) || stems.iter().any(|stem| word.starts_with(stem.as_str()))
}

/// Appends what the character `c` (not ASCII) folds to: nothing for an invisible character.
/// `lookalikes` says whether the word `c` stands in folds look-alikes of other scripts
/// ([`lookalike_word`]); it is asked only about such letters.
fn fold_char(c: char, folded: &mut String, lookalikes: impl FnOnce() -> bool) {
    if is_invisible(c) {
        return;
    }
    if let Some(d) = decimal_digit(c).or_else(|| dingbat_digit(c)) {
        folded.push(char::from(b'0' + d));
        return;
    }
    // German sharp s, as German writes it without one ("dreißig" is "dreissig").
    if c == 'ß' {
        folded.push_str("ss");
        return;
    }
    if let Some(p) = fold_punctuation(c) {
        folded.push(p);
        return;
    }
    if c.is_whitespace() {
        folded.push(' ');
        return;
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
            folded.push(fold_punctuation(d).unwrap_or(d));
        }
        return;
    }
    if n == 1 {
        if let Some(p) = fold_punctuation(decomposed[0]) {
            folded.push(p);
            return;
        }
    }
    // Look-alikes from other scripts.
    if c.is_alphanumeric() && may_pass_for_latin(c) && lookalikes() {
        match decancer::cure_char(c, decancer::Options::default()) {
            decancer::Translation::Character(t) if t.is_ascii_alphanumeric() => {
                folded.push(t);
                return;
            }
            decancer::Translation::String(s)
                if s.len() <= 3 && s.bytes().all(|b| b.is_ascii_alphanumeric()) =>
            {
                folded.push_str(&s);
                return;
            }
            _ => {}
        }
    }
    folded.push(c);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn compact(text: &str) -> String {
        Normalized::new(text).compact().to_string()
    }

    #[test]
    fn a_copula_glued_to_a_korean_number_is_not_a_digit() {
        // "이" is two, and the start of "이에요" (is): the number is read without the ending.
        assert_eq!(
            Normalized::new("공일공 칠삼팔이 사오구육이에요").compact(),
            "010 7382 4596"
        );
        // So is a particle glued to it ("으로": to, by).
        assert_eq!(
            Normalized::new("공일공 삼팔사칠 오구이육으로").compact(),
            "010 3847 5926"
        );
        // An ordinary word with the same ending stays a word.
        assert_eq!(Normalized::new("사무실이에요").compact(), "사무실이에요");
        assert_eq!(Normalized::new("사무실로").compact(), "사무실로");
    }

    #[test]
    fn tokens_inside_one_folded_character_map_to_all_of_it() {
        // "℀" folds to "a/c": three tokens from one character, each of whose original spans
        // is that whole character (a slice of the original at any of them must not panic).
        for text in [
            "ntanakX\u{2100}oe@rlton.me",
            "x \u{2100} y",
            "\u{2100}\u{2100}b",
        ] {
            let normalized = Normalized::new(text);
            for token in normalized.tokens() {
                assert!(
                    text.is_char_boundary(token.start()) && text.is_char_boundary(token.end()),
                    "{text:?}: {token:?}"
                );
            }
        }
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
            // Small capitals, words of them side by side.
            ("ᴛᴇʟᴇɢʀᴀᴍ @ᴅᴀᴠɪᴅ_ᴋ99", "telegram @david_k99"),
            ("ᴡʜᴀᴛꜱᴀᴘᴘ", "whatsapp"),
        ];
        for (input, want) in cases {
            assert_eq!(Normalized::new(input).lower(), want, "{input:?}");
        }
    }

    #[test]
    fn digits_of_every_script_read_as_their_value() {
        // Every Nd block of the generated table, every digit of it.
        for &zero in crate::unicode_digits::ND_ZEROS.iter() {
            for d in 0..10u32 {
                let c = char::from_u32(zero + d).unwrap();
                assert_eq!(decimal_digit(c), Some(d as u8), "U+{:04X}", zero + d);
                assert_eq!(
                    Normalized::new(&c.to_string()).lower(),
                    d.to_string(),
                    "U+{:04X}",
                    zero + d
                );
            }
        }
        // No character that is not numeric reads as a digit.
        for c in (0x80..0x20000u32).filter_map(char::from_u32) {
            if decimal_digit(c).is_some() {
                assert!(c.is_numeric(), "{c:?}");
            }
        }
        assert_eq!(decimal_digit('é'), None);
        assert_eq!(decimal_digit('Ⅻ'), None);
        let cases = [
            ("९८७६५ ४३२१०", "98765 43210"),
            ("٠٣٠٠ ١٢٣٤٥٦٧", "0300 1234567"),
            ("۰۳۰۰۱۲۳۴۵۶۷", "03001234567"),
            ("০১৭১১ ৫৫৫৫৫৫", "01711 555555"),
            ("๐๘๑ ๒๓๔ ๕๖๗๘", "081 234 5678"),
            ("98७६5", "98765"),
            ("𝟗𝟖𝟕", "987"),
        ];
        for (input, want) in cases {
            assert_eq!(Normalized::new(input).lower(), want, "{input:?}");
        }
        assert_eq!(ascii_digits("२०२४-०५-०६"), "2024-05-06");
        assert!(matches!(ascii_digits("plain 2024"), Cow::Borrowed(_)));
    }

    #[test]
    fn lookalikes_fold_only_in_latin_company() {
        let cases = [
            // Mixed-script words and lone foreign words among Latin words are disguises.
            ("раураl", "paypal"),
            ("pay via ρaypal", "pay via paypal"),
            ("add me on ѕкуре", "add me on skype"),
            ("41З 555 0132", "413 555 0132"),
            // Words of a text in its own script stay as written.
            ("ผม", "ผม"),
            ("ร้าน เขา", "ร้าน เขา"),
            ("один два три четыре", "один два три четыре"),
            ("Напиши мне в WhatsApp", "Напиши мне в WhatsApp"),
            // A channel's own name in the writer's alphabet, beside a Latin handle.
            ("телега @dima_3d", "телега @dima_3d"),
            ("вотсап: anna.k", "вотсап: anna.k"),
            ("ένα δύο", "ένα δύο"),
            ("दो तीन", "दो तीन"),
            ("واحد اثنان", "واحد اثنان"),
        ];
        for (input, want) in cases {
            assert_eq!(Normalized::new(input).folded(), want, "{input:?}");
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
            // "ein", the one that compounds spell, is a number only in them.
            ("einundvierzig 12", "41 12"),
            ("ein auftrag 12", "ein auftrag 12"),
            // Japanese katakana with the prolonged sound mark for "kyuu".
            ("ナナイチニーキュー", "7129"),
            ("trecentoquarantasette 12", "347 12"),
            ("fiftyfive 12", "55 12"),
            ("beş yüz kırk bir, yedi yüz otuz iki", "541, 732"),
            ("девятьсот шестнадцать четыреста восемьдесят два", "916 482"),
            ("quatre-vingt-douze soixante-dix-neuf 12", "92 79 12"),
            ("dua puluh tiga 45", "23 45"),
            ("tujuh belas 88", "17 88"),
            ("hai mươi ba 12", "23 12"),
            ("on yedi 5", "17 5"),
            ("ishirini na moja 3", "21 3"),
            ("ثلاثة وعشرون 12", "23 12"),
            ("एक दो तीन चार पांच", "1 2 3 4 5"),
            ("ek do teen char paanch 7", "1 2 3 4 5 7"),
            ("手机号是177 五一九三 0264", "手机号是177 5193 0264"),
            ("打给我 幺三八 五百二十", "打给我 138 520"),
            ("zweiundvierzig fünfunddreißig 12", "42 35 12"),
            // Ordinary words need number words of their language around them.
            ("do you sat on the tin", "do you sat on the tin"),
            ("on 5 june", "on 5 june"),
            ("18:45 on 16/04", "18:45 on 16/04"),
            ("нуль шістдесят сім, п'ятдесят дев'ять", "0 67, 59"),
            ("nine aath 7 six 5 4 teen 2 ek zero", "9 8 7 6 5 4 3 2 1 0"),
            ("vierundachtzig 12", "84 12"),
        ];
        for (input, want) in cases {
            assert_eq!(compact(input), want, "{input:?}");
        }
    }

    #[test]
    fn circled_dingbat_digits_read_as_digits() {
        let n = Normalized::new("WhatsApp ❾❸❷ ➀➁ ➊➋ ⓿🄋");
        assert_eq!(n.folded(), "WhatsApp 932 12 12 00");
        // The circled ten is not one digit.
        assert_eq!(Normalized::new("❿").folded(), "❿");
    }

    #[test]
    fn reads_the_number_words_of_more_languages() {
        let cases = [
            // Polish and Persian hundreds ("و" joins hundreds, tens and units).
            ("pięćset dwanaście, trzysta czterdzieści pięć", "512, 345"),
            ("صفر نهصد و دوازده، سیصد و چهل و پنج", "0 912, 345"),
            // Korean, Japanese and Thai digits written together.
            ("번호는 공일공 일이삼사 오백십이", "번호는 010 1234 512"),
            ("電話は ぜろきゅうぜろ イチニサンヨン", "電話は 090 1234"),
            ("電話番号は〇九〇一二三四です", "電話番号は0901234です"),
            ("ゼロキュウゼロのイチニサンヨン", "0901234"),
            ("โทรหาผมที่ศูนย์แปดหนึ่งสองสามนะครับ", "โทรหาผมที่08123นะครับ"),
            ("สามสิบห้า 12", "35 12"),
            // Apart, a multiplier of those languages does not multiply: counting to ten.
            ("แปด เก้า สิบ", "8 9 10"),
            // Colloquial Tamil and Arabic, the Arabic conjunction before a digit or tens word.
            ("ஒண்ணு ரெண்டு மூணு நாலு அஞ்சு", "1 2 3 4 5"),
            ("صفر واحد اتنين، تلاتة وتمانية", "0 1 2, 3 8"),
            ("خمسة و عشرين 12", "25 12"),
            ("صفر و واحد و اتنين، تلاتة", "012, 3"),
            // Dutch, Hungarian, Azerbaijani and Hebrew digits; Belgian French tens.
            ("nul zes een twee drie vier", "0 6 1 2 3 4"),
            ("nulla hét egy kettő", "0 7 1 2"),
            ("sıfır beş səkkiz", "0 5 8"),
            ("אפס חמש ארבע", "0 5 4"),
            ("zéro quatre septante-deux", "0 4 72"),
            // Dutch unit-first tens glued with "en", as German glues "und".
            ("nul zes, achtendertig, eenenzeventig", "0 6, 38, 71"),
            // Uzbek with the apostrophe inside its words (typed or U+02BB), Hausa with "da"
            // between tens and unit, Yoruba digits with or without their tones.
            ("to'qson, besh yuz o'n ikki, qirq uch", "90, 512, 43"),
            ("sifili takwas, ashirin da biyar", "0 8, 25"),
            ("òdo èje odo efa", "0 7 0 6"),
            // Sinhala and Igbo digits (hand-written standard numerals), Lao zero.
            ("බිංදුව හත හත", "0 7 7"),
            ("efu asaa efu", "0 7 0"),
            ("ສູນ ສອງ ສູນ ຫ້າ ເຈັດ", "0 2 0 5 7"),
            // Amharic, Georgian and Armenian digits from CLDR.
            ("ዜሮ ዘጠኝ አንድ", "0 9 1"),
            ("ნული ხუთი ცხრა", "0 5 9"),
            ("զրո հինգ ինը", "0 5 9"),
            // An English word with an apostrophe stays two words.
            ("don't call me", "don't call me"),
            // A comma ends a compound: "three hundred, five" is 300 then 5.
            ("zero three hundred, five five one", "0 300, 5 5 1"),
            // Two digits said with "hundred" after them are that many hundreds.
            ("eight hundred, forty-one hundred", "800, 4100"),
            ("sembilan puluh, delapan", "90, 8"),
            // Romanised Bengali digits that are English words too, inside a run only.
            ("shunno ek saat at char tin", "0 1 7 8 4 3"),
            ("shunno ek pach shat noy", "0 1 5 7 9"),
            (
                "meet me at five, the tin can",
                "meet me at five, the tin can",
            ),
            // Prose of those scripts stays as written.
            ("สวัสดีครับ ภายในสามวัน", "สวัสดีครับ ภายในสามวัน"),
            ("いちごとしごとのはなし", "いちごとしごとのはなし"),
            ("이 일은 오늘 끝나요", "이 일은 오늘 끝나요"),
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
            assert!(text.is_char_boundary(t.start()) && text.is_char_boundary(t.end()));
            assert!(t.start() <= t.end() && t.end() <= text.len());
        }
        let at = n
            .tokens()
            .iter()
            .find(|t| t.class == TokenClass::At)
            .unwrap();
        assert_eq!(&text[at.start()..at.end()], "＠");
    }

    /// Pieces of text that exercise every change of the compact view and of folding.
    const PIECES: &[&str] = &[
        "a",
        "b",
        "x",
        "o",
        " ",
        "  ",
        "\n",
        "\t",
        "four",
        "one",
        "double",
        "five",
        "eighty",
        "y",
        "six17",
        "702S3168l9",
        "5",
        "12",
        "(",
        ")",
        "[",
        "]",
        "{",
        "}",
        "<",
        ">",
        "at",
        "dot",
        "@",
        ".",
        "-",
        "+",
        "ｍ",
        "＠",
        "\u{200b}",
        "é",
        "👍",
        "¿",
        "а",
        "\u{00A0}",
        "ศูนย์",
        "แปด",
        "สวัสดี",
        "いち",
        "に",
        "です",
        "공",
        "일",
        "백",
        "百",
        "、",
        "،",
        "و",
        "صفر",
        "hundred",
    ];

    /// The compact view made by reading every token as a change: what the sparse list of
    /// changes must give.
    fn changed_everywhere(text: &Normalized<'_>) -> (String, Vec<Token>) {
        let (mut compact, mut tokens) = (String::new(), Vec::new());
        let mut marks = Marks::default();
        text.plain_tokens(&mut compact, &mut tokens, &mut marks);
        let view = View {
            tokens: &tokens,
            compact: &compact,
        };
        let (mut readings, mut joined) = (Vec::new(), Vec::new());
        view.number_readings(&marks.may_read, &mut readings);
        view.spaced_single_runs(&marks.spaced, &mut joined);
        let every: Vec<u32> = (0..tokens.len() as u32).collect();
        let mut out = TokenBuilder {
            compact: String::new(),
            tokens: Vec::new(),
        };
        view.apply_changes(&every, &readings, &joined, &mut out);
        (out.compact, out.tokens)
    }

    /// Folding character by character, with the original range of every folded byte: the
    /// map [`Edit`]s describe.
    fn fold_byte_by_byte(text: &str) -> (String, Vec<(usize, usize)>) {
        let (mut folded, mut ranges) = (String::new(), Vec::new());
        for (at, c) in text.char_indices() {
            let before = folded.len();
            if c.is_ascii() || text.is_ascii() {
                folded.push(c);
            } else {
                fold_char(c, &mut folded, || lookalike_word(text, at).2);
            }
            ranges.extend((before..folded.len()).map(|_| (at, at + c.len_utf8())));
        }
        (folded, ranges)
    }

    proptest::proptest! {
        #[test]
        fn sparse_changes_make_the_same_view(
            picks in proptest::collection::vec(0..PIECES.len(), 0..40)
        ) {
            let text: String = picks.iter().map(|&k| PIECES[k]).collect();
            let n = Normalized::new(&text);
            let (compact, tokens) = changed_everywhere(&n);
            proptest::prop_assert_eq!(n.compact(), compact.as_str(), "{:?}", text);
            proptest::prop_assert_eq!(n.tokens(), tokens.as_slice(), "{:?}", text);
        }

        #[test]
        fn edits_map_like_a_map_of_every_byte(
            picks in proptest::collection::vec(0..PIECES.len(), 0..24)
        ) {
            let text: String = picks.iter().map(|&k| PIECES[k]).collect();
            let n = Normalized::new(&text);
            let (folded, ranges) = fold_byte_by_byte(&text);
            proptest::prop_assert_eq!(n.folded(), folded.as_str());
            let boundaries: Vec<usize> =
                (0..=folded.len()).filter(|&b| folded.is_char_boundary(b)).collect();
            for (k, &start) in boundaries.iter().enumerate() {
                for &end in &boundaries[k..] {
                    let want = match ranges.get(start) {
                        None => (text.len(), text.len()),
                        Some(&(at, _)) if end == start => (at, at),
                        Some(&(at, _)) => (at, ranges[end - 1].1),
                    };
                    proptest::prop_assert_eq!(n.original_span(start, end), want, "{:?}", text);
                }
            }
            for at in 0..=text.len() {
                let want = ranges.iter().filter(|r| r.0 < at).count();
                proptest::prop_assert_eq!(n.folded_offset(at), want, "{:?} at {}", text, at);
            }
        }
    }
}

/// `lower` (a folded text, lower-cased in ASCII only) with the capitals of other scripts
/// lowered too ("Жалоба" to "жалоба"), each only where its lower case is as long, so every
/// offset stays that of `lower`. Borrowed when there is nothing to lower.
pub(crate) fn lower_every_script(lower: &str) -> std::borrow::Cow<'_, str> {
    if !has_capital_outside_ascii(lower) {
        return std::borrow::Cow::Borrowed(lower);
    }
    std::borrow::Cow::Owned(
        lower
            .chars()
            .map(|c| {
                let mut low = c.to_lowercase();
                match (low.next(), low.next()) {
                    (Some(l), None) if l.len_utf8() == c.len_utf8() => l,
                    _ => c,
                }
            })
            .collect(),
    )
}

/// Whether `text` has an upper-case character outside ASCII. Only the characters outside
/// ASCII are decoded: the ASCII runs between them, most of nearly every text, are skipped
/// eight bytes at a time.
fn has_capital_outside_ascii(text: &str) -> bool {
    let bytes = text.as_bytes();
    let mut at = next_non_ascii(bytes, 0);
    while let Some(c) = text.get(at..).and_then(|rest| rest.chars().next()) {
        if c.is_uppercase() {
            return true;
        }
        at = next_non_ascii(bytes, at + c.len_utf8());
    }
    false
}

#[cfg(test)]
mod lower_every_script_tests {
    use super::lower_every_script;

    #[test]
    fn capitals_of_every_script_are_lowered_in_place() {
        for (text, want) in [
            ("plain ascii", "plain ascii"),
            ("Скиньте номер", "скиньте номер"),
            ("Жалоба: ΟΚ", "жалоба: οκ"),
            // 'İ' lowers to two characters and 'ẞ' to a shorter one: they stay.
            ("İstanbul ẞ", "İstanbul ẞ"),
        ] {
            let lowered = lower_every_script(text);
            assert_eq!(lowered, want);
            assert_eq!(lowered.len(), text.len(), "{text}");
        }
    }
}

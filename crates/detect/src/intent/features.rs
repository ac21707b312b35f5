//! The one feature function of the intent model, shared by inference and the trainer
//! (`crates/intent-train`): hashed word unigrams, word bigrams and character n-grams of the
//! engine's normalised text.
//!
//! It reads the compact tokens of [`Normalized`] (folded look-alikes and fullwidth forms,
//! invisible characters dropped, ASCII lower case, spaced letters joined), so "ｐａｙ ｍｅ
//! ｄｉｒｅｃｔｌｙ" and "pay me directly" give the same features. On top of that, inside a
//! word:
//!
//! - non-ASCII letters are lower-cased (the folded view lower-cases ASCII only);
//! - a leetspeak digit between two letters reads as its letter (`t3l3gram`, `p4yp4l`), and
//!   `@` or `$` glued between letters as `a` or `s` (`wh@tsapp`, `ca$h`);
//! - every other digit reads as `0`, so "20%" and "15%" are one feature (numbers are kept:
//!   without them a message of codes and two words was read on those two words alone, and
//!   short benign texts scored as requests);
//! - an apostrophe between letters stays in the word (`let's`), and marks that are not
//!   letters (a Devanagari virama) stay in it too.
//!
//! Scripts written without spaces between words (Han, kana, Thai) are
//! read a character at a time: each character (with the vowel signs and tone marks that join
//! it) is a word, so their features are character unigrams and bigrams. Other words are cut
//! after [`MAX_WORD`] bytes. Clauses are counted at sentence ends (`.`, `!`,
//! `?`, `;`, a line break and their non-Latin forms), and bigrams never cross them.
//!
//! Hashing is an FxHash-style multiply over the bytes, with no allocation: a word is built
//! in a fixed buffer on the stack.

use crate::normalize::{Normalized, Token, TokenClass};

/// Longest word kept whole, in bytes; a longer run is cut into words of this size.
pub const MAX_WORD: usize = 48;

/// Which features the model reads, and the size of its hash table. Stored in the model
/// file's header, so a model is always read with the features it was trained on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FeatureConfig {
    /// The hash table has `1 << bits` rows.
    pub bits: u8,
    /// Whole words.
    pub words: bool,
    /// Pairs of consecutive words in a clause.
    pub bigrams: bool,
    /// Shortest character n-gram, in characters, of a word with a space before and after
    /// it (0: no character n-grams).
    pub char_min: u8,
    /// Longest character n-gram.
    pub char_max: u8,
}

impl FeatureConfig {
    /// The configuration of the shipped model.
    pub const DEFAULT: FeatureConfig = FeatureConfig {
        bits: 18,
        words: true,
        bigrams: true,
        char_min: 3,
        char_max: 5,
    };

    /// The number of rows of the hash table.
    pub fn rows(&self) -> usize {
        1usize << self.bits
    }
}

/// What a feature is made of.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FeatureKind {
    /// A whole word.
    Word,
    /// Two consecutive words.
    Bigram,
    /// A character n-gram of a word (spaces mark the word's edges).
    Chars,
}

/// One feature occurrence, as the feature function hands it out.
#[derive(Debug, Clone, Copy)]
pub struct Feature<'b> {
    /// The row of the hash table.
    pub row: u32,
    /// What it is made of.
    pub kind: FeatureKind,
    /// Its normalised text: the word, the character n-gram (a space marks a word edge), or
    /// for a bigram the second word.
    pub text: &'b [u8],
    /// For a bigram, the first word; empty otherwise.
    pub prev: &'b [u8],
    /// The byte range in the original text of the word it comes from (for a bigram, both).
    pub start: usize,
    /// End of that range.
    pub end: usize,
    /// The index of the clause it is in, counted from 0.
    pub clause: u32,
}

impl Feature<'_> {
    /// The feature as a reader sees it: the word, "first second" for a bigram, the
    /// n-gram for character n-grams (with its edge spaces).
    pub fn display(&self) -> String {
        let text = String::from_utf8_lossy(self.text);
        match self.kind {
            FeatureKind::Bigram => format!("{} {}", String::from_utf8_lossy(self.prev), text),
            _ => text.into_owned(),
        }
    }
}

const K: u64 = 0xf135_7aea_2e62_a9c5;
const SEED_WORD: u64 = 0x243f_6a88_85a3_08d3;
const SEED_CHARS: u64 = 0x1319_8a2e_0370_7344;
const SEED_BIGRAM: u64 = 0xa409_3822_299f_31d0;

#[inline(always)]
fn add(h: u64, b: u8) -> u64 {
    (h.rotate_left(5) ^ u64::from(b)).wrapping_mul(K)
}

#[inline(always)]
fn finish(h: u64, bits: u8) -> u32 {
    let h = (h ^ (h >> 32)).wrapping_mul(K);
    (h >> (64 - u32::from(bits))) as u32
}

fn hash_bytes(seed: u64, bytes: &[u8]) -> u64 {
    bytes.iter().fold(seed, |h, &b| add(h, b))
}

/// The letter a leetspeak digit stands for between letters, or 0.
fn leet(d: u8) -> u8 {
    match d {
        b'0' => b'o',
        b'1' => b'i',
        b'3' => b'e',
        b'4' => b'a',
        b'5' => b's',
        b'7' => b't',
        _ => 0,
    }
}

/// Whether a non-ASCII character that is not a word character by the tokeniser's reckoning
/// still belongs inside a word: combining marks and other signs of the Brahmic, Arabic,
/// Hebrew and Thai scripts, not punctuation, symbols or emoji.
fn glues_into_word(c: char) -> bool {
    let c = c as u32;
    (0x0300..=0x036F).contains(&c)
        || (0x0591..=0x05C7).contains(&c)
        || (0x0610..=0x061A).contains(&c)
        || (0x064B..=0x065F).contains(&c)
        || (0x0900..=0x0963).contains(&c)
        || (0x0966..=0x0DFF).contains(&c)
        || (0x0E31..=0x0E4E).contains(&c)
}

/// Whether a letter belongs to a script written without spaces between words that the
/// corpus covers (Han, Hiragana, Katakana, Thai): each of its characters is read as a word.
/// (Lao, Khmer and Myanmar would read the same way once the corpus has them; until then
/// their runs stay cut words, whose n-grams the model has never seen.)
fn unspaced(c: char) -> bool {
    let c = c as u32;
    (0x0E00..=0x0E7F).contains(&c)
        || (0x3040..=0x30FF).contains(&c)
        || (0x31F0..=0x31FF).contains(&c)
        || (0x3400..=0x4DBF).contains(&c)
        || (0x4E00..=0x9FFF).contains(&c)
        || (0xF900..=0xFAFF).contains(&c)
        || (0xFF66..=0xFF9F).contains(&c)
        || (0x20000..=0x2FA1F).contains(&c)
}

/// Whether a character of an unspaced script joins the character before it rather than
/// starting one: Thai vowel signs and tone marks, the Japanese prolonged sound mark and
/// iteration marks, and combining marks.
fn joins_unit(c: char) -> bool {
    let u = c as u32;
    matches!(u, 0x0E31 | 0x0E33..=0x0E3A | 0x0E47..=0x0E4E)
        || matches!(
            u,
            0x30FC | 0x309D | 0x309E | 0x30FD | 0x30FE | 0x3099 | 0x309A
        )
        || (0x0300..=0x036F).contains(&u)
}

/// Whether a punctuation token ends a clause.
fn ends_clause(text: &str) -> bool {
    matches!(
        text,
        "!" | "?" | ";" | "¿" | "¡" | "。" | "！" | "？" | "；" | "।" | "॥" | "؟" | "…"
    )
}

/// The hash of the word a token's compact text makes when it is that text byte for byte:
/// ASCII (the compact view lower-cases it) without a digit (digits are rewritten), and at
/// most [`MAX_WORD`] bytes (a longer token is cut into words). `None` for any other.
fn plain_word_hash(bytes: &[u8]) -> Option<u64> {
    if bytes.is_empty() || bytes.len() > MAX_WORD {
        return None;
    }
    let mut hash = SEED_WORD;
    let mut rewritten = false;
    for &b in bytes {
        hash = add(hash, b);
        rewritten |= !b.is_ascii() || b.is_ascii_digit();
    }
    (!rewritten).then_some(hash)
}

/// Whether the token after a word ends it: none, a space, a dot, or a punctuation mark
/// that is not glued into a word (`$` and `'` between letters are, and so are the marks of
/// other scripts); not a word or number going on, nor an `@`.
fn ends_word(text: &Normalized<'_>, next: Option<&Token>) -> bool {
    match next {
        None => true,
        Some(token) => match token.class {
            TokenClass::Space { .. } | TokenClass::Dot => true,
            TokenClass::Punct => {
                matches!(text.token_text(token).as_bytes(), [b] if *b != b'$' && *b != b'\'')
            }
            TokenClass::Word | TokenClass::Number | TokenClass::At => false,
        },
    }
}

/// The word being built: `buf[0]` is a space, the word's bytes follow.
struct Word {
    buf: [u8; MAX_WORD + 2],
    len: usize,
    start: usize,
    end: usize,
}

impl Word {
    fn new() -> Word {
        let mut buf = [0u8; MAX_WORD + 2];
        buf[0] = b' ';
        Word {
            buf,
            len: 0,
            start: 0,
            end: 0,
        }
    }

    fn bytes(&self) -> &[u8] {
        &self.buf[1..1 + self.len]
    }
}

/// Where the extractor hands its features: with every detail ([`for_each_feature`]), or
/// only what scoring reads ([`for_each_hit`]: the row, the clause and the word's span),
/// which skips building each feature's text slices (a message has a couple of hundred
/// character n-grams).
trait Sink {
    /// Whether [`Sink::feature`] is called (else [`Sink::hit`]).
    const DETAIL: bool;
    fn feature(&mut self, feature: &Feature<'_>);
    fn hit(&mut self, row: u32, clause: u32, start: usize, end: usize);

    /// Whether the sink only sums the weights of the rows (then a word's own features, its
    /// unigram and character n-grams, may be summed at once from [`WordSums`]).
    const SUMS: bool = false;
    /// A word's own features' sums and count, if the sink has them at hand.
    fn cached(&mut self, _hash: u64, _word: &[u8]) -> Option<([i32; 3], usize)> {
        None
    }
    /// The sums so far.
    fn total(&self) -> [i32; 3] {
        [0; 3]
    }
    /// Adds a word's sums.
    fn add(&mut self, _sums: [i32; 3]) {}
    /// Keeps a word's own features' sums and count for its next time.
    fn remember(&mut self, _hash: u64, _word: &[u8], _sums: [i32; 3], _n: usize) {}
    /// A clause with `words` words (characters, in an unspaced script) has ended;
    /// `features` occurrences have been handed out so far, in the whole text.
    fn clause_done(&mut self, _clause: u32, _features: usize, _words: usize) {}
}

/// The sums of the model's first pass for the words read lately, on one thread. A word's
/// unigram and character n-grams depend on its bytes alone, and most words of a message
/// are common ones ("the", "you", "send"), so a word seen lately has its own features
/// summed in one step instead of hashing and looking up a dozen n-grams again (about
/// three quarters of the feature work on the bench's messages). Two slots per hash bucket,
/// the word put there last and the one before it (with one, two common words of a bucket
/// kept pushing each other out: a tenth of the words were summed again), each holding the
/// whole word, so a slot answers only for the very same bytes; the slots are emptied when
/// another model reads.
pub(crate) struct WordSums {
    model: u64,
    slots: Vec<WordSlot>,
}

#[derive(Clone, Copy)]
struct WordSlot {
    len: u8,
    bytes: [u8; MAX_WORD],
    sums: [i32; 3],
    n: u32,
}

/// Slots of [`WordSums`] (about 72 KB a thread), two to a bucket.
const WORD_SLOTS: usize = 1024;

impl WordSums {
    pub(crate) const fn new() -> WordSums {
        WordSums {
            model: 0,
            slots: Vec::new(),
        }
    }

    /// Empties the slots if they were filled for another model than `model`.
    pub(crate) fn for_model(&mut self, model: u64) {
        if self.model != model || self.slots.is_empty() {
            self.model = model;
            self.slots.clear();
            self.slots.resize(
                WORD_SLOTS,
                WordSlot {
                    len: 0,
                    bytes: [0; MAX_WORD],
                    sums: [0; 3],
                    n: 0,
                },
            );
        }
    }

    /// The first of the two slots of the bucket of `hash`: the newer word.
    fn bucket(hash: u64) -> usize {
        ((hash >> 40) as usize & (WORD_SLOTS / 2 - 1)) * 2
    }

    fn get(&self, hash: u64, word: &[u8]) -> Option<([i32; 3], usize)> {
        let bucket = Self::bucket(hash);
        self.slots
            .get(bucket..bucket + 2)?
            .iter()
            .find(|slot| {
                usize::from(slot.len) == word.len() && slot.bytes.get(..word.len()) == Some(word)
            })
            .map(|slot| (slot.sums, slot.n as usize))
    }

    /// Keeps `word` as the newer of its bucket; the newer before it becomes the older.
    fn put(&mut self, hash: u64, word: &[u8], sums: [i32; 3], n: usize) {
        let bucket = Self::bucket(hash);
        let (Some([newer, older]), Ok(n)) =
            (self.slots.get_mut(bucket..bucket + 2), u32::try_from(n))
        else {
            return;
        };
        if word.len() <= MAX_WORD {
            *older = *newer;
            newer.len = word.len() as u8;
            newer.bytes[..word.len()].copy_from_slice(word);
            newer.sums = sums;
            newer.n = n;
        }
    }
}

/// A sink that sums the class weights of each feature's row (`weights[row]`, the fourth
/// lane a pad): the model's first pass. Each clause's own sums go to `on_clause`.
struct Summed<'w, 'c> {
    weights: &'w [[i16; 4]],
    sums: [i32; 3],
    cache: Option<&'c mut WordSums>,
    /// The sums and feature count when the clause being read began.
    clause_start: ([i32; 3], usize),
    on_clause: &'c mut dyn FnMut(ClauseSums),
}

/// One clause's share of a text's sums (see [`sum_weights`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct ClauseSums {
    /// The clause's index, counted from 0 as [`Feature::clause`] counts.
    pub clause: u32,
    /// The sums of the class weights of the clause's features.
    pub sums: [i32; 3],
    /// How many features the clause has.
    pub features: usize,
    /// How many words it has (characters, in a script written without spaces).
    pub words: usize,
}

impl Sink for Summed<'_, '_> {
    const DETAIL: bool = false;
    const SUMS: bool = true;
    fn feature(&mut self, _: &Feature<'_>) {}
    #[inline(always)]
    fn hit(&mut self, row: u32, _: u32, _: usize, _: usize) {
        let w = self.weights[row as usize];
        self.sums[0] += i32::from(w[0]);
        self.sums[1] += i32::from(w[1]);
        self.sums[2] += i32::from(w[2]);
    }
    fn cached(&mut self, hash: u64, word: &[u8]) -> Option<([i32; 3], usize)> {
        self.cache.as_ref()?.get(hash, word)
    }
    fn total(&self) -> [i32; 3] {
        self.sums
    }
    fn add(&mut self, sums: [i32; 3]) {
        for (s, a) in self.sums.iter_mut().zip(sums) {
            *s = s.wrapping_add(a);
        }
    }
    fn remember(&mut self, hash: u64, word: &[u8], sums: [i32; 3], n: usize) {
        if let Some(cache) = self.cache.as_mut() {
            cache.put(hash, word, sums, n);
        }
    }
    fn clause_done(&mut self, clause: u32, features: usize, words: usize) {
        let (start, count) = self.clause_start;
        let sums = [
            self.sums[0].wrapping_sub(start[0]),
            self.sums[1].wrapping_sub(start[1]),
            self.sums[2].wrapping_sub(start[2]),
        ];
        (self.on_clause)(ClauseSums {
            clause,
            sums,
            features: features - count,
            words,
        });
        self.clause_start = (self.sums, features);
    }
}

/// A sink that reads every detail of a feature.
struct Detailed<F>(F);

impl<F: FnMut(&Feature<'_>)> Sink for Detailed<F> {
    const DETAIL: bool = true;
    #[inline(always)]
    fn feature(&mut self, feature: &Feature<'_>) {
        (self.0)(feature)
    }
    fn hit(&mut self, _: u32, _: u32, _: usize, _: usize) {}
}

/// A sink that reads a feature's row, clause and span, and each clause's words.
struct Hits<F, G>(F, G);

impl<F: FnMut(u32, u32, usize, usize), G: FnMut(u32, usize)> Sink for Hits<F, G> {
    const DETAIL: bool = false;
    fn feature(&mut self, _: &Feature<'_>) {}
    #[inline(always)]
    fn hit(&mut self, row: u32, clause: u32, start: usize, end: usize) {
        (self.0)(row, clause, start, end)
    }
    fn clause_done(&mut self, clause: u32, _features: usize, words: usize) {
        (self.1)(clause, words)
    }
}

struct Extractor<'c, S> {
    config: &'c FeatureConfig,
    sink: S,
    word: Word,
    /// The previous word's hash and start: what its bigram with the next word reads.
    prev_hash: u64,
    prev_start: usize,
    /// The previous word whole, kept only for a sink that reads every detail (the bigram's
    /// text): moving a word's buffer at every word was a tenth of the summing pass.
    prev: Word,
    has_prev: bool,
    /// The word being built is one character of a script written without spaces.
    unit: bool,
    clause: u32,
    /// Words flushed in the clause being read.
    clause_words: usize,
    count: usize,
}

impl<'c, S: Sink> Extractor<'c, S> {
    fn new(config: &'c FeatureConfig, sink: S) -> Self {
        Extractor {
            config,
            sink,
            word: Word::new(),
            prev_hash: 0,
            prev_start: 0,
            prev: Word::new(),
            has_prev: false,
            unit: false,
            clause: 0,
            clause_words: 0,
            count: 0,
        }
    }

    fn push_byte(&mut self, b: u8, start: usize, end: usize) {
        if self.word.len == MAX_WORD {
            self.flush();
        }
        if self.word.len == 0 {
            self.word.start = start;
        }
        self.word.buf[1 + self.word.len] = b;
        self.word.len += 1;
        self.word.end = end;
    }

    /// An ASCII byte of a word: it ends a character of an unspaced script before it.
    fn push_ascii(&mut self, b: u8, start: usize, end: usize) {
        if self.unit {
            self.flush();
        }
        self.push_byte(b, start, end);
    }

    fn push_char(&mut self, c: char, start: usize, end: usize) {
        if c.is_ascii() {
            self.push_ascii(c as u8, start, end);
            return;
        }
        if unspaced(c) {
            // Each character is a word of its own (its marks join it), so the unigrams and
            // bigrams are those of characters, as Chinese and Japanese are usually read.
            if !(self.unit && joins_unit(c)) {
                self.flush();
            }
        } else if self.unit {
            self.flush();
        }
        let unit = unspaced(c);
        let mut lower = c.to_lowercase();
        let mut utf8 = [0u8; 4];
        // One character in, usually one out; the rare expansion keeps its first.
        let l = lower.next().unwrap_or(c);
        let encoded = l.encode_utf8(&mut utf8).len();
        if self.word.len + encoded > MAX_WORD {
            self.flush();
        }
        for &b in &utf8[..encoded] {
            self.push_byte(b, start, end);
        }
        self.unit = unit;
    }

    fn push_word_text(&mut self, text: &str, start: usize, end: usize) {
        let bytes = text.as_bytes();
        let letter = |j: usize| bytes.get(j).is_some_and(u8::is_ascii_alphabetic);
        let mut j = 0;
        while j < bytes.len() {
            let b = bytes[j];
            if b.is_ascii_digit() {
                let l = leet(b);
                let read = if l != 0 && j > 0 && letter(j - 1) && letter(j + 1) {
                    l
                } else {
                    b'0'
                };
                self.push_ascii(read, start, end);
                j += 1;
            } else if b.is_ascii() {
                self.push_ascii(b, start, end);
                j += 1;
            } else {
                let c = text[j..].chars().next().unwrap_or('\u{FFFD}');
                self.push_char(c, start, end);
                j += c.len_utf8();
            }
        }
    }

    #[inline(always)]
    fn emit(&mut self, kind: FeatureKind, hash: u64, text_range: (usize, usize), prev: bool) {
        let row = finish(hash, self.config.bits);
        self.count += 1;
        let start = if prev {
            self.prev_start
        } else {
            self.word.start
        };
        if !S::DETAIL {
            self.sink.hit(row, self.clause, start, self.word.end);
            return;
        }
        let word = &self.word;
        let feature = Feature {
            row,
            kind,
            text: &word.buf[text_range.0..text_range.1],
            prev: if prev { self.prev.bytes() } else { &[] },
            start,
            end: word.end,
            clause: self.clause,
        };
        self.sink.feature(&feature);
    }

    fn flush(&mut self) {
        if self.word.len == 0 {
            return;
        }
        let hash = hash_bytes(SEED_WORD, self.word.bytes());
        self.flush_hashed(hash);
    }

    /// [`Extractor::flush`] of the word being built, hashed as `hash`.
    fn flush_hashed(&mut self, hash: u64) {
        let len = self.word.len;
        if S::SUMS {
            // Sums do not depend on the order the features come in.
            self.summed_word_features(hash, len);
            self.bigram(hash, len);
        } else {
            if self.config.words {
                self.emit(FeatureKind::Word, hash, (1, 1 + len), false);
            }
            self.bigram(hash, len);
            self.char_ngrams_of_word(len);
        }
        self.word_done(hash);
    }

    /// For a summing sink, a word that a token of the compact view gives byte for byte and
    /// that nothing glues onto (see `extract`), hashed as `hash` by [`plain_word_hash`]: a
    /// word read lately is summed from the token itself, without being pushed into the word
    /// buffer a byte at a time (a sixth of the first pass), any other is copied there and
    /// flushed. The sums are those of pushing and flushing it.
    fn sum_plain_word(&mut self, hash: u64, word: &[u8], start: usize, end: usize) {
        debug_assert!(S::SUMS && self.word.len == 0 && !self.unit);
        self.word.start = start;
        self.word.end = end;
        let len = word.len();
        let Some((sums, n)) = self.sink.cached(hash, word) else {
            self.word.buf[1..1 + len].copy_from_slice(word);
            self.word.len = len;
            self.flush_hashed(hash);
            return;
        };
        self.sink.add(sums);
        self.count += n;
        self.bigram(hash, len);
        self.word_done(hash);
    }

    /// Makes the word just read the previous one, and starts the next.
    fn word_done(&mut self, hash: u64) {
        self.prev_hash = hash;
        self.prev_start = self.word.start;
        if S::DETAIL {
            std::mem::swap(&mut self.word, &mut self.prev);
        }
        self.has_prev = true;
        self.clause_words += 1;
        self.word.len = 0;
        self.unit = false;
    }

    /// The bigram of the previous word and this one, in a clause.
    fn bigram(&mut self, hash: u64, len: usize) {
        if self.config.bigrams && self.has_prev {
            let h = add(SEED_BIGRAM ^ self.prev_hash, 0).wrapping_add(hash);
            self.emit(FeatureKind::Bigram, h, (1, 1 + len), true);
        }
    }

    /// The character n-grams of the word of `len` bytes being flushed.
    fn char_ngrams_of_word(&mut self, len: usize) {
        if self.config.char_min > 0 {
            self.word.buf[1 + len] = b' ';
            self.char_ngrams(len + 2);
        }
    }

    /// For a summing sink, the word's own features (unigram and character n-grams): from
    /// the sink's [`WordSums`] when the word was read lately, else one by one, then kept.
    fn summed_word_features(&mut self, hash: u64, len: usize) {
        let word = &self.word.buf[1..1 + len];
        if let Some((sums, n)) = self.sink.cached(hash, word) {
            self.sink.add(sums);
            self.count += n;
            return;
        }
        let (before, count) = (self.sink.total(), self.count);
        if self.config.words {
            self.emit(FeatureKind::Word, hash, (1, 1 + len), false);
        }
        self.char_ngrams_of_word(len);
        let after = self.sink.total();
        let sums = [0, 1, 2].map(|k| after[k].wrapping_sub(before[k]));
        let n = self.count - count;
        let word = &self.word.buf[1..1 + len];
        self.sink.remember(hash, word, sums, n);
    }

    /// The character n-grams of `buf[..padded]` (the word with a space on each side).
    fn char_ngrams(&mut self, padded: usize) {
        if self.word.buf[..padded].is_ascii() {
            self.ascii_char_ngrams(padded);
        } else {
            self.utf8_char_ngrams(padded);
        }
    }

    /// [`Extractor::char_ngrams`] of a word of ASCII bytes, a character a byte: the same
    /// n-grams in the same order, without looking for continuation bytes, and from the
    /// starts that leave room for the shortest n-gram only.
    fn ascii_char_ngrams(&mut self, padded: usize) {
        let min = usize::from(self.config.char_min);
        let max = usize::from(self.config.char_max.max(self.config.char_min));
        // One length of n-gram (the shipped model's 4): each hashed in one go.
        match (min, max) {
            (3, 3) => return self.ascii_ngrams_of::<3>(padded),
            (4, 4) => return self.ascii_ngrams_of::<4>(padded),
            (5, 5) => return self.ascii_ngrams_of::<5>(padded),
            // The shipped model's three to five.
            (3, 5) => return self.ascii_ngrams_from_to::<3, 5>(padded),
            _ => {}
        }
        for s in 0..=padded.saturating_sub(min) {
            let mut h = SEED_CHARS;
            for at in s..padded.min(s + max) {
                h = add(h, self.word.buf[at]);
                if at + 1 - s >= min {
                    self.emit(FeatureKind::Chars, h, (s, at + 1), false);
                }
            }
        }
    }

    /// [`Extractor::ascii_char_ngrams`] when every n-gram has `N` characters.
    fn ascii_ngrams_of<const N: usize>(&mut self, padded: usize) {
        for s in 0..(padded + 1).saturating_sub(N) {
            let mut h = SEED_CHARS;
            for &b in &self.word.buf[s..s + N] {
                h = add(h, b);
            }
            self.emit(FeatureKind::Chars, h, (s, s + N), false);
        }
    }

    /// [`Extractor::ascii_char_ngrams`] for n-grams of `MIN` to `MAX` characters: the same
    /// n-grams in the same order (from each start, shortest first), each longer one hashed
    /// on from the shorter.
    fn ascii_ngrams_from_to<const MIN: usize, const MAX: usize>(&mut self, padded: usize) {
        let buf = self.word.buf;
        let buf = &buf[..padded.min(buf.len())];
        for s in 0..(buf.len() + 1).saturating_sub(MIN) {
            let mut h = SEED_CHARS;
            for &b in &buf[s..s + MIN] {
                h = add(h, b);
            }
            self.emit(FeatureKind::Chars, h, (s, s + MIN), false);
            for (at, &b) in buf.iter().enumerate().take(s + MAX).skip(s + MIN) {
                h = add(h, b);
                self.emit(FeatureKind::Chars, h, (s, at + 1), false);
            }
        }
    }

    /// [`Extractor::char_ngrams`] of a word with characters outside ASCII.
    fn utf8_char_ngrams(&mut self, padded: usize) {
        let min = usize::from(self.config.char_min);
        let max = usize::from(self.config.char_max.max(self.config.char_min));
        let mut s = 0;
        while s < padded {
            let mut h = SEED_CHARS;
            let mut at = s;
            let mut n = 0;
            while at < padded && n < max {
                // One character: its lead byte and continuation bytes.
                h = add(h, self.word.buf[at]);
                at += 1;
                while at < padded && self.word.buf[at] & 0xC0 == 0x80 {
                    h = add(h, self.word.buf[at]);
                    at += 1;
                }
                n += 1;
                if n >= min {
                    self.emit(FeatureKind::Chars, h, (s, at), false);
                }
            }
            // Next character start.
            s += 1;
            while s < padded && self.word.buf[s] & 0xC0 == 0x80 {
                s += 1;
            }
        }
    }

    fn end_clause(&mut self) {
        self.flush();
        if self.clause_words > 0 {
            self.sink
                .clause_done(self.clause, self.count, self.clause_words);
        }
        self.clause_words = 0;
        self.has_prev = false;
        self.clause += 1;
    }
}

/// Calls `emit` for every feature of `text`, in order, and returns how many there were
/// (scores are normalised by this). Allocates nothing.
pub fn for_each_feature(
    text: &Normalized<'_>,
    config: &FeatureConfig,
    emit: impl FnMut(&Feature<'_>),
) -> usize {
    extract(text, config, Detailed(emit))
}

/// [`for_each_feature`] handing out only each feature's row, clause and the span of its
/// word (`emit(row, clause, start, end)`): what the model's scoring reads, without the
/// work of the rest; and, as each clause with words ends, its index and how many words it
/// had (`clause_words(clause, words)`).
pub(crate) fn for_each_hit(
    text: &Normalized<'_>,
    config: &FeatureConfig,
    emit: impl FnMut(u32, u32, usize, usize),
    clause_words: impl FnMut(u32, usize),
) -> usize {
    extract(text, config, Hits(emit, clause_words))
}

/// The sums of the class weights (`weights[row]`) of every feature of `text`, and how many
/// features it has: what [`for_each_feature`] would give, summed as the model's scores
/// need it, with `cache` for the words read lately (see [`WordSums`]). Each clause with
/// words goes to `on_clause` with its own share, in order.
pub(crate) fn sum_weights(
    text: &Normalized<'_>,
    config: &FeatureConfig,
    weights: &[[i16; 4]],
    cache: Option<&mut WordSums>,
    on_clause: &mut dyn FnMut(ClauseSums),
) -> ([i32; 3], usize) {
    let mut sink = Summed {
        weights,
        sums: [0; 3],
        cache,
        clause_start: ([0; 3], 0),
        on_clause,
    };
    let n = extract(text, config, &mut sink);
    (sink.sums, n)
}

impl<S: Sink> Sink for &mut S {
    const DETAIL: bool = S::DETAIL;
    const SUMS: bool = S::SUMS;
    #[inline(always)]
    fn feature(&mut self, feature: &Feature<'_>) {
        (**self).feature(feature)
    }
    #[inline(always)]
    fn hit(&mut self, row: u32, clause: u32, start: usize, end: usize) {
        (**self).hit(row, clause, start, end)
    }
    fn cached(&mut self, hash: u64, word: &[u8]) -> Option<([i32; 3], usize)> {
        (**self).cached(hash, word)
    }
    fn total(&self) -> [i32; 3] {
        (**self).total()
    }
    fn add(&mut self, sums: [i32; 3]) {
        (**self).add(sums)
    }
    fn remember(&mut self, hash: u64, word: &[u8], sums: [i32; 3], n: usize) {
        (**self).remember(hash, word, sums, n)
    }
    fn clause_done(&mut self, clause: u32, features: usize, words: usize) {
        (**self).clause_done(clause, features, words)
    }
}

fn extract<S: Sink>(text: &Normalized<'_>, config: &FeatureConfig, sink: S) -> usize {
    let mut x = Extractor::new(config, sink);
    let tokens = text.tokens();
    let is_word = |i: usize| {
        tokens
            .get(i)
            .is_some_and(|t| matches!(t.class, TokenClass::Word))
    };
    for (i, token) in tokens.iter().enumerate() {
        let (start, end) = (token.start(), token.end());
        // A token's text is looked up only where it is read: not for the spaces, about half
        // the tokens.
        match token.class {
            TokenClass::Word | TokenClass::Number => {
                let t = text.token_text(token);
                // The first pass sums most words straight from their token.
                if S::SUMS && x.word.len == 0 && ends_word(text, tokens.get(i + 1)) {
                    if let Some(hash) = plain_word_hash(t.as_bytes()) {
                        x.sum_plain_word(hash, t.as_bytes(), start, end);
                        continue;
                    }
                }
                x.push_word_text(t, start, end)
            }
            TokenClass::At => {
                if x.word.len > 0 && is_word(i + 1) {
                    x.push_ascii(b'a', start, end);
                } else {
                    x.flush();
                }
            }
            TokenClass::Dot => {
                // A full stop after a character of an unspaced script (the ideographic "。"
                // reads as ".") ends a sentence with no space after it.
                let sentence_end = x.unit
                    || tokens
                        .get(i + 1)
                        .is_none_or(|t| matches!(t.class, TokenClass::Space { .. }));
                if sentence_end {
                    x.end_clause();
                } else {
                    x.flush();
                }
            }
            TokenClass::Space { newline } => {
                if newline {
                    x.end_clause();
                } else {
                    x.flush();
                }
            }
            TokenClass::Punct => {
                let glued = x.word.len > 0 && is_word(i + 1);
                let t = text.token_text(token);
                match t {
                    "$" if glued => x.push_ascii(b's', start, end),
                    "'" if glued => x.push_ascii(b'\'', start, end),
                    _ => {
                        let c = t.chars().next().unwrap_or(' ');
                        if x.word.len > 0 && glues_into_word(c) {
                            x.push_char(c, start, end);
                        } else if ends_clause(t) {
                            x.end_clause();
                        } else {
                            x.flush();
                        }
                    }
                }
            }
        }
    }
    x.end_clause();
    x.count
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every kind of feature, character n-grams of three to five characters.
    const ALL: FeatureConfig = FeatureConfig {
        char_min: 3,
        char_max: 5,
        ..FeatureConfig::DEFAULT
    };

    fn features(text: &str) -> Vec<(FeatureKind, String, u32)> {
        let normalized = Normalized::new(text);
        let mut out = Vec::new();
        for_each_feature(&normalized, &ALL, |f| {
            out.push((f.kind, f.display(), f.row));
        });
        out
    }

    fn words(text: &str) -> Vec<String> {
        features(text)
            .into_iter()
            .filter(|f| f.0 == FeatureKind::Word)
            .map(|f| f.1)
            .collect()
    }

    #[test]
    fn disguise_does_not_change_the_features() {
        assert_eq!(
            features("pay me directly"),
            features("ｐａｙ ｍｅ ｄｉｒｅｃｔｌｙ")
        );
        assert_eq!(
            features("pay me directly"),
            features("PAY me Dire\u{200B}ctly")
        );
        assert_eq!(words("wh@tsapp me"), ["whatsapp", "me"]);
        assert_eq!(words("t3l3gram"), ["telegram"]);
        assert_eq!(words("ca$h only"), ["cash", "only"]);
        assert_eq!(
            words("lo arreglamos por FUERA"),
            words("lo arreglamos por fuera")
        );
        assert_eq!(words("ПО-ДРУГОМУ"), words("по-другому"));
    }

    #[test]
    fn numbers_read_as_zeros_and_apostrophes_stay() {
        assert_eq!(words("the site eats 20%"), ["the", "site", "eats", "00"]);
        assert_eq!(words("x2 b2b 4u"), ["x0", "b0b", "0u"]);
        assert_eq!(words("let's talk"), ["let's", "talk"]);
    }

    #[test]
    fn bigrams_stay_inside_a_clause() {
        let bigrams: Vec<String> = features("pay me. now then")
            .into_iter()
            .filter(|f| f.0 == FeatureKind::Bigram)
            .map(|f| f.1)
            .collect();
        assert_eq!(bigrams, ["pay me", "now then"]);
    }

    #[test]
    fn character_ngrams_cover_the_word_with_its_edges() {
        let grams: Vec<String> = features("pay")
            .into_iter()
            .filter(|f| f.0 == FeatureKind::Chars)
            .map(|f| f.1)
            .collect();
        assert_eq!(grams, [" pa", " pay", " pay ", "pay", "pay ", "ay "]);
        // Characters, not bytes: "пл" and "ата" are two and three characters.
        let cyrillic = features("оплата");
        assert!(cyrillic.iter().any(|f| f.1 == " опл"), "{cyrillic:?}");
        assert!(cyrillic.iter().any(|f| f.1 == "ата "), "{cyrillic:?}");
    }

    #[test]
    fn unspaced_scripts_are_read_a_character_at_a_time() {
        let words = |text: &str, kind: FeatureKind| -> Vec<String> {
            features(text)
                .into_iter()
                .filter(|f| f.0 == kind)
                .map(|f| f.1)
                .collect()
        };
        // Chinese: character unigrams and bigrams; a Latin word inside stays whole.
        assert_eq!(
            words("加vx私聊", FeatureKind::Word),
            ["加", "vx", "私", "聊"]
        );
        assert_eq!(
            words("私下付款", FeatureKind::Bigram),
            ["私 下", "下 付", "付 款"]
        );
        // Japanese kana, with the prolonged sound mark joining its character.
        assert_eq!(
            words("ラインで", FeatureKind::Word),
            ["ラ", "イ", "ン", "で"]
        );
        assert_eq!(words("メール", FeatureKind::Word), ["メー", "ル"]);
        // Thai: vowel signs and tone marks stay with their consonant.
        assert_eq!(words("โอน", FeatureKind::Word), ["โ", "อ", "น"]);
        assert_eq!(words("ที่", FeatureKind::Word), ["ที่"]);
        // Clause ends still cut bigrams; spaced scripts are untouched.
        assert!(words("付。款", FeatureKind::Bigram).is_empty());
        assert_eq!(words("카톡 주세요", FeatureKind::Word), ["카톡", "주세요"]);
    }

    #[test]
    fn ascii_words_give_the_same_character_ngrams_either_way() {
        for config in [
            FeatureConfig::DEFAULT,
            ALL,
            FeatureConfig {
                char_min: 3,
                char_max: 3,
                ..ALL
            },
            FeatureConfig {
                char_min: 5,
                char_max: 5,
                ..ALL
            },
            FeatureConfig {
                char_min: 2,
                char_max: 6,
                ..ALL
            },
        ] {
            for word in [
                "a",
                "ab",
                "pay",
                "whatsapp",
                "let's",
                "x0",
                "e-mail",
                &"z".repeat(MAX_WORD),
            ] {
                let grams = |ascii: bool| {
                    let mut out = Vec::new();
                    {
                        let mut x = Extractor::new(
                            &config,
                            Detailed(|f: &Feature<'_>| out.push((f.row, f.text.to_vec()))),
                        );
                        let padded = word.len() + 2;
                        x.word.buf[1..1 + word.len()].copy_from_slice(word.as_bytes());
                        x.word.buf[padded - 1] = b' ';
                        x.word.len = word.len();
                        if ascii {
                            x.ascii_char_ngrams(padded);
                        } else {
                            x.utf8_char_ngrams(padded);
                        }
                    }
                    out
                };
                assert_eq!(grams(true), grams(false), "{word}");
            }
        }
    }

    #[test]
    fn summed_words_give_the_sums_of_every_feature() {
        // Weights that differ row by row, so a wrong or missing row shows in the sums.
        let rows = FeatureConfig::DEFAULT.rows();
        let weights: Vec<[i16; 4]> = (0..rows)
            .map(|r| {
                let r = r as i64;
                [
                    (r % 251 - 125) as i16,
                    (r % 127 - 60) as i16,
                    (r % 61 - 30) as i16,
                    0,
                ]
            })
            .collect();
        let texts = [
            "pay me directly, the fees are too high",
            "PAY me Dire\u{200B}ctly via wh@tsapp +1 415 555 0132",
            "加vx私聊 ラインで โอน ที่ оплата напрямую",
            "the the the, and the rest: let's talk",
            "First part. Second part!\nThird, on its own line? 第四。",
            &"z".repeat(3 * MAX_WORD),
            "",
        ];
        let mut cache = WordSums::new();
        cache.for_model(1);
        // Cold, warm, and warm again after other texts filled the slots.
        for round in 0..3 {
            for text in texts {
                let normalized = Normalized::new(text);
                let mut expected = [0i32; 3];
                let n = for_each_feature(&normalized, &FeatureConfig::DEFAULT, |f| {
                    for k in 0..3 {
                        expected[k] += i32::from(weights[f.row as usize][k]);
                    }
                });
                let mut clauses = Vec::new();
                let got = sum_weights(
                    &normalized,
                    &FeatureConfig::DEFAULT,
                    &weights,
                    Some(&mut cache),
                    &mut |c| clauses.push(c),
                );
                assert_eq!(got, (expected, n), "round {round}: {text:?}");
                // The clauses' shares add up to the whole.
                let mut added = ([0i32; 3], 0usize);
                for c in &clauses {
                    for k in 0..3 {
                        added.0[k] += c.sums[k];
                    }
                    added.1 += c.features;
                }
                assert_eq!(added, (expected, n), "clauses of {text:?}");
                let uncached = sum_weights(
                    &normalized,
                    &FeatureConfig::DEFAULT,
                    &weights,
                    None,
                    &mut |_| {},
                );
                assert_eq!(uncached, (expected, n), "{text:?}");
            }
        }
    }

    #[test]
    fn long_runs_are_cut_and_nothing_allocates_per_feature() {
        let text = "ж".repeat(100);
        let n = for_each_feature(&Normalized::new(&text), &FeatureConfig::DEFAULT, |f| {
            assert!(f.text.len() <= MAX_WORD + 2);
        });
        assert!(n > 100);
        assert_eq!(
            for_each_feature(
                &Normalized::new("123 !!! 456"),
                &FeatureConfig::DEFAULT,
                |_| {}
            ),
            for_each_feature(
                &Normalized::new("999 ... 000"),
                &FeatureConfig::DEFAULT,
                |_| {}
            )
        );
        for text in ["", " ", "!!!", "\u{200B}", "a", "é", "@", "$a", "a$", "'"] {
            for_each_feature(&Normalized::new(text), &FeatureConfig::DEFAULT, |_| {});
        }
    }
}

//! E-mail addresses, plain or disguised.
//!
//! The detector reads the compact tokens (see [`crate::normalize`]), where fullwidth forms,
//! zero-width characters, bracketed symbol words and spaced letters are already undone. It
//! then applies a small grammar around every `@` and every word for it:
//! `local (at) label ((dot) label)*`, where a spoken "at"/"dot" must stand between spaces and
//! a spoken "at" must not follow an ordinary word ("look at", "me at"). The domain must end
//! in a public suffix, or be a free-mail provider's name alone ("alex at outlook"), in which
//! case the provider's domain is implied. "my gmail is alex" implies `alex@gmail.com`.

use std::sync::LazyLock;

use aho_corasick::{AhoCorasick, MatchKind};

use super::{Detector, ScanContext};
use crate::lexicon;
use crate::normalize::{Normalized, Token, TokenClass};
use crate::{Finding, Kind};

/// Finds e-mail addresses.
pub struct EmailDetector;

/// Words that come before "at" in ordinary English ("look at", "me at 5") and before
/// "arroba" in Spanish and Portuguese; an address's local part is never one of them when
/// "at" is spoken.
const NOT_LOCAL_PARTS: &[&str] = &[
    // Articles and prepositions of the languages that say "arroba" ("um tal de arroba
    // gmail": the name was never said).
    "de",
    "da",
    "do",
    "del",
    "la",
    "el",
    "um",
    "uma",
    "un",
    "una",
    "tal",
    "me",
    "us",
    "you",
    "him",
    "her",
    "them",
    "it",
    "look",
    "looking",
    "available",
    "here",
    "there",
    "meet",
    "call",
    "text",
    "email",
    "mail",
    "reach",
    "find",
    "found",
    "hosted",
    "live",
    "work",
    "works",
    "working",
    "stay",
    "arrive",
    "arrived",
    "good",
    "great",
    "best",
    "is",
    "am",
    "are",
    "be",
    "was",
    "were",
    "priced",
    "sold",
    "starting",
    "starts",
    "start",
    "begin",
    "now",
    "today",
    "tomorrow",
    "right",
    "back",
    "home",
    "office",
    "store",
    "shop",
    "website",
    "site",
    "page",
    "done",
    "ready",
    "due",
    "ends",
    "end",
    "open",
    "closed",
    "free",
    "busy",
    "online",
    "up",
    "down",
    "least",
    "most",
    "all",
    "once",
    "first",
    "last",
    "aim",
    "aimed",
    "targeted",
    "launch",
    "launched",
    "deployed",
    "hosting",
    "posted",
    "listed",
    "located",
    "based",
    "the",
    "a",
    "an",
    "and",
    "or",
    "but",
    "not",
    "only",
    "just",
    "also",
    "still",
    "even",
    "pm",
    "am",
    "noon",
    "night",
    "morning",
    "evening",
    "time",
    "point",
    "times",
    "rate",
    "rates",
    "paid",
    "charged",
    "fixed",
    "set",
    "capped",
    "max",
    "min",
];

impl Detector for EmailDetector {
    fn name(&self) -> &'static str {
        "email"
    }

    fn kinds(&self) -> &'static [Kind] {
        &[Kind::Email]
    }

    fn detect(&self, text: &Normalized<'_>, _scan: &ScanContext<'_>, out: &mut Vec<Finding>) {
        scan_tokens(text, text.compact().len() >= SEARCH_MIN_LEN, out);
    }
}

/// Reads the tokens, every one or (`search`) only those [`for_each_listed_token`] finds,
/// which gives the same findings.
fn scan_tokens(text: &Normalized<'_>, search: bool, out: &mut Vec<Finding>) {
    let mut pass = TokenPass::default();
    if search {
        for_each_listed_token(text, |token_idx| pass.visit(text, token_idx, out));
    } else {
        for token_idx in 0..text.tokens().len() {
            pass.visit(text, token_idx, out);
        }
    }
    if !pass.providers.is_empty() {
        implied_by_provider(text, &pass.providers, out);
    }
    if !text.original.is_ascii() {
        at_provider_in_script(text, out);
        qq_mail(text, out);
    }
}

/// Words that say the mailbox is the QQ number's own: its suffix ("后缀"), QQ Mail ("QQ邮箱"),
/// the penguin's, a spoken "@qq.com" ("艾特qq点com", "@qq").
const QQ_MAIL_CUES: &[&str] = &[
    "后缀", "後綴", "qq邮箱", "qq郵箱", "企鹅", "企鵝", "艾特qq", "@qq",
];

/// A QQ number given with its mailbox named by the number ("我QQ号287593146，邮箱就是这个
/// 号码后面加QQ邮箱的后缀", "QQ 84729163，邮箱就是QQ号加企鹅那个后缀"): QQ Mail's address is the
/// number at qq.com. The number (5 to 11 digits, not starting with 0) right after "QQ" or
/// "QQ号", a word for a mailbox (邮箱, 郵箱, 邮件) in the same text, and one of
/// [`QQ_MAIL_CUES`].
fn qq_mail(text: &Normalized<'_>, out: &mut Vec<Finding>) {
    let lower = text.lower();
    if !(lower.contains("邮箱") || lower.contains("郵箱") || lower.contains("邮件"))
        || !QQ_MAIL_CUES.iter().any(|cue| lower.contains(cue))
    {
        return;
    }
    for (at, _) in lower.match_indices("qq") {
        let rest = &lower[at + 2..];
        let skipped = rest.len()
            - rest
                .trim_start_matches(['号', '號', ':', '：', ' ', '是'])
                .len();
        let digits_at = at + 2 + skipped;
        let digits: String = lower[digits_at..]
            .chars()
            .take_while(char::is_ascii_digit)
            .collect();
        if !(5..=11).contains(&digits.len()) || digits.starts_with('0') {
            continue;
        }
        let (start, end) = text.original_span(digits_at, digits_at + digits.len());
        out.push(Finding::new(
            Kind::Email,
            Some(format!("{digits}@qq.com")),
            start,
            end,
            0.8,
            "email/qq_number",
        ));
        return;
    }
}

/// Mail providers' names as people write them in their own scripts, folded like the text
/// (`Normalized::lower`), and the domain each stands for. They match inside longer words,
/// so a case ending or an article glued to them is read ("на джимейле", "على الهوتميل").
const PROVIDERS_IN_SCRIPTS: &[(&str, &str)] = &[
    ("джимейл", "gmail.com"),
    ("джимэйл", "gmail.com"),
    ("гмейл", "gmail.com"),
    ("гмайл", "gmail.com"),
    ("жмейл", "gmail.com"),
    ("хотмейл", "hotmail.com"),
    ("хотмэйл", "hotmail.com"),
    ("аутлук", "outlook.com"),
    ("яндекс", "yandex.ru"),
    ("мейл ру", "mail.ru"),
    ("мэйл ру", "mail.ru"),
    ("جيميل", "gmail.com"),
    ("جي ميل", "gmail.com"),
    ("جیمیل", "gmail.com"),
    ("هوتميل", "hotmail.com"),
    ("هوت ميل", "hotmail.com"),
    ("ياهو", "yahoo.com"),
    ("یاهو", "yahoo.com"),
    ("اوتلوك", "outlook.com"),
    ("أوتلوك", "outlook.com"),
    ("जीमेल", "gmail.com"),
    ("याहू", "yahoo.com"),
    ("জিমেইল", "gmail.com"),
    ("জিমেল", "gmail.com"),
    ("ইয়াহু", "yahoo.com"),
    ("จีเมล", "gmail.com"),
    ("ジーメール", "gmail.com"),
    ("지메일", "gmail.com"),
    ("네이버", "naver.com"),
    ("谷歌邮箱", "gmail.com"),
    ("τζιμεϊλ", "gmail.com"),
];

/// The provider names of [`PROVIDERS_IN_SCRIPTS`], folded, as one automaton.
static SCRIPT_PROVIDERS: std::sync::LazyLock<(aho_corasick::AhoCorasick, Vec<&'static str>)> =
    std::sync::LazyLock::new(|| {
        let names: Vec<String> = PROVIDERS_IN_SCRIPTS
            .iter()
            .map(|(name, _)| Normalized::new(name).lower().to_string())
            .collect();
        let automaton = aho_corasick::AhoCorasick::builder()
            .match_kind(aho_corasick::MatchKind::LeftmostLongest)
            .build(&names)
            // Built from the constant table above, never from user data.
            .expect("the provider names form a valid automaton");
        (
            automaton,
            PROVIDERS_IN_SCRIPTS.iter().map(|(_, d)| *d).collect(),
        )
    });

/// Words of another script that say "mail" or "e-mail" before an address's local part.
const MAIL_WORDS: &[&str] = &[
    "почта",
    "почту",
    "email",
    "e-mail",
    "mail",
    "емейл",
    "имейл",
    "ايميل",
    "ايميلي",
    "إيميلي",
    "بريدي",
    "ईमेल",
    "ইমেইল",
    "メール",
    "메일",
    "邮箱",
    "郵箱",
];

/// An address whose local part is written in Latin letters and whose provider is named in
/// another script, after at most one short word ("alexey.orlov на джимейле", "saad_otb على
/// الهوتميل", "kim.minsu 네이버"). The local part must look like one (a dot, an underscore or
/// a digit in it) or follow a word for e-mail ("Почта: alexey на яндексе").
fn at_provider_in_script(text: &Normalized<'_>, out: &mut Vec<Finding>) {
    let lower = text.lower();
    let (automaton, domains) = &*SCRIPT_PROVIDERS;
    for m in automaton.find_iter(lower) {
        let Some(domain) = domains.get(m.pattern().as_usize()) else {
            continue;
        };
        // An Arabic article glued to the name ("الهوتميل") is the name's.
        let name_start = lower[..m.start()]
            .strip_suffix("ال")
            .map_or(m.start(), str::len);
        let before = lower[..name_start].trim_end();
        // At most one short word between ("на", "على", "at", "в"); an Arabic article may be
        // glued to the name ("الهوتميل"), which the match already passed over.
        let mut words = before.rsplitn(2, char::is_whitespace);
        let last = words.next().unwrap_or("");
        let (local_word, rest) = if last.chars().count() <= 4
            && !last.is_empty()
            && !last.contains(['.', '_', '@'])
            && !last.chars().any(|c| c.is_ascii_digit())
        {
            let rest = words.next().unwrap_or("").trim_end();
            let mut more = rest.rsplitn(2, char::is_whitespace);
            (more.next().unwrap_or(""), more.next().unwrap_or(""))
        } else {
            (last, words.next().unwrap_or(""))
        };
        let local = local_word.trim_start_matches(|c: char| !c.is_ascii_alphanumeric());
        let shaped = local.len() >= 3
            && local.len() <= 64
            && local
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'_' | b'-' | b'+'))
            && local.as_bytes()[0].is_ascii_alphanumeric()
            && local.bytes().any(|b| b.is_ascii_alphabetic());
        if !shaped {
            continue;
        }
        let marked = local.contains(['.', '_']) || local.bytes().any(|b| b.is_ascii_digit());
        let tail =
            &rest[crate::normalize::floor_char_boundary(rest, rest.len().saturating_sub(40))..];
        let cued = MAIL_WORDS.iter().any(|w| tail.contains(w));
        if !(marked || cued) {
            continue;
        }
        // `local` is a slice of `lower`: its offset there.
        let local_start = local.as_ptr() as usize - lower.as_ptr() as usize;
        let (start, end) = text.original_span(local_start, m.end());
        if out.iter().any(|f| f.start < end && start < f.end) {
            continue;
        }
        out.push(Finding::new(
            Kind::Email,
            Some(format!("{}@{domain}", local.to_ascii_lowercase())),
            start,
            end,
            0.85,
            "email/provider_in_script",
        ));
    }
}

/// The compact length from which the tokens that can matter are found by searching the
/// compact text rather than by visiting every token: a search has a fixed cost per call that
/// a short message does not repay, while a long text has hundreds of thousands of tokens and
/// only a few thousand places where an `@`, a word for it or a provider's name is written.
const SEARCH_MIN_LEN: usize = 256;

/// The pass over the tokens: addresses around each `@` or word for it, and the provider
/// names for `implied_by_provider`. Nothing is reported without an `@`, a word for it or a
/// provider's name (not a common word) written as a word.
#[derive(Default)]
struct TokenPass<'t> {
    /// The indices of the tokens that name a provider whose name is not a common word.
    providers: Vec<usize>,
    /// The end of the last address found: an `@` inside it starts no other.
    last_end: usize,
    /// Room for a domain's labels, see [`domain_labels`].
    labels: Vec<&'t str>,
}

impl<'t> TokenPass<'t> {
    /// Reads token `at_idx`. Tokens must come in increasing order; a token that is neither
    /// an `@` nor a word whose compact text is a word for `@` or a provider's name that is
    /// not a common word changes nothing, so those may be left out.
    // Always inlined: the walk of a short text calls it for every token.
    #[inline(always)]
    fn visit(&mut self, text: &'t Normalized<'_>, at_idx: usize, out: &mut Vec<Finding>) {
        // The test most tokens fail, kept in the caller's loop; the rest is read out of line.
        let token = &text.tokens()[at_idx];
        let worth_reading = match token.class {
            TokenClass::At => true,
            TokenClass::Word => LEXICON_SHAPES.admits(text.token_text(token)),
            _ => false,
        };
        if worth_reading {
            self.read(text, at_idx, out);
        }
    }

    /// [`TokenPass::visit`] for an `@` or a word shaped like a listed one.
    #[inline(never)]
    fn read(&mut self, text: &'t Normalized<'_>, at_idx: usize, out: &mut Vec<Finding>) {
        let token = &text.tokens()[at_idx];
        let spoken = match token.class {
            TokenClass::At => false,
            // Provider names and words for `@` are words. A number ("163") names a provider
            // too common to count alone, and is never a word for `@`: numbers need no look-up.
            TokenClass::Word => {
                let word = text.token_text(token);
                if !LEXICON_SHAPES.admits(word) {
                    return;
                }
                if lexicon::provider_domain(word).is_some()
                    && !lexicon::provider_is_common_word(word)
                {
                    self.providers.push(at_idx);
                }
                if lexicon::is_at_word(word) {
                    true
                } else if let Some(last) = at_phrase_starting(text, at_idx) {
                    // "erik.lund snabel-a telia punkt se".
                    if token.start() < self.last_end {
                        return;
                    }
                    if let Some(found) = address_around(text, at_idx, last, true, &mut self.labels)
                    {
                        self.last_end = found.end;
                        out.push(found);
                    }
                    return;
                } else if let Some(first) = at_phrase_ending(text, at_idx) {
                    // "alex at the rate gmail dot com": the phrase stands for `@`.
                    if tokens_start(text, first) < self.last_end {
                        return;
                    }
                    if let Some(found) = address_around(text, first, at_idx, true, &mut self.labels)
                    {
                        self.last_end = found.end;
                        out.push(found);
                    }
                    return;
                } else {
                    return;
                }
            }
            _ => return,
        };
        if token.start() < self.last_end {
            return;
        }
        if let Some(found) = address_around(text, at_idx, at_idx, spoken, &mut self.labels) {
            self.last_end = found.end;
            out.push(found);
        }
    }
}

/// When token `first` starts a phrase for `@` that ends in a short word ("snabel-a",
/// "snabel a"), the index of the phrase's last token. Words stand one space or one hyphen
/// apart.
fn at_phrase_starting(text: &Normalized<'_>, first: usize) -> Option<usize> {
    let tokens = text.tokens();
    let first_word = text.token_text(&tokens[first]);
    'phrases: for phrase in lexicon::at_phrases() {
        let (Some(head), Some(last)) = (phrase.first(), phrase.last()) else {
            continue;
        };
        if head != first_word || !lexicon::is_short_phrase_end(last) {
            continue;
        }
        let mut idx = first;
        for word in phrase.iter().skip(1) {
            let next = idx + 1;
            idx = match tokens.get(next) {
                Some(t) if is_space(t) || is_hyphen(text, t) => next + 1,
                Some(_) => next,
                None => continue 'phrases,
            };
            let Some(token) = tokens.get(idx) else {
                continue 'phrases;
            };
            if token.class != TokenClass::Word || text.token_text(token) != word {
                continue 'phrases;
            }
        }
        return Some(idx);
    }
    None
}

fn tokens_start(text: &Normalized<'_>, idx: usize) -> usize {
    text.tokens()[idx].start()
}

/// When token `last` ends a phrase for `@` ("at the rate", "et commercial", "@ the rate",
/// "snabel-a"), the index of the phrase's first token. Words of a phrase stand one space or
/// one hyphen apart (or nothing, after an `@`).
fn at_phrase_ending(text: &Normalized<'_>, last: usize) -> Option<usize> {
    let tokens = text.tokens();
    let last_word = text.token_text(&tokens[last]);
    'phrases: for phrase in lexicon::at_phrases() {
        if phrase.last().map(String::as_str) != Some(last_word) {
            continue;
        }
        let mut idx = last;
        for word in phrase.iter().rev().skip(1) {
            idx = match idx.checked_sub(1) {
                Some(before) if is_space(&tokens[before]) || is_hyphen(text, &tokens[before]) => {
                    match before.checked_sub(1) {
                        Some(i) => i,
                        None => continue 'phrases,
                    }
                }
                Some(before) => before,
                None => continue 'phrases,
            };
            let token = &tokens[idx];
            let matches = if word == "@" {
                token.class == TokenClass::At
            } else {
                token.class == TokenClass::Word && text.token_text(token) == word
            };
            if !matches {
                continue 'phrases;
            }
        }
        return Some(idx);
    }
    None
}

/// Calls `visit` with the index of every token whose compact text starts where an `@` or
/// one of the [`searched_words`] is written in the compact text, in increasing order: every
/// token [`TokenPass::visit`] acts on is among them, since an `@` token's text is `@` and
/// the other tokens it acts on are words whose whole text starts with a searched word.
///
/// A name right after an ASCII letter, digit or `_` is skipped ("that", "delivery"): a word
/// token is a whole run of word characters, and the only word tokens the compact view puts
/// side by side are the single characters of a spaced run ("a t" becomes "a", "t"), which are
/// no listed word (`word_tokens_of_two_bytes_start_after_no_word_byte` checks this).
fn for_each_listed_token(text: &Normalized<'_>, mut visit: impl FnMut(usize)) {
    let compact = text.compact().as_bytes();
    let tokens = text.tokens();
    let search = &*LISTED_WORDS;
    // The next place of each kind (an `@`, each short word, each automaton's words), or
    // `NONE` once a kind has no more: the nearest is the least of plain numbers.
    const NONE: usize = usize::MAX;
    let next_of = |kind, from| search.next_place(compact, kind, from).unwrap_or(NONE);
    let mut next: Vec<usize> = (0..search.n_kinds()).map(|kind| next_of(kind, 0)).collect();
    // The first token whose text does not start before the last place read.
    let mut cursor = 0;
    loop {
        let place = next.iter().copied().min().unwrap_or(NONE);
        if place == NONE {
            break;
        }
        for (kind, found) in next.iter_mut().enumerate() {
            if *found == place {
                *found = next_of(kind, place + 1);
            }
        }
        let tokens_after = &tokens[cursor..];
        cursor += tokens_after.partition_point(|t| t.text_range().start < place);
        let mut token_idx = cursor;
        while tokens
            .get(token_idx)
            .is_some_and(|t| t.text_range().start == place)
        {
            visit(token_idx);
            token_idx += 1;
        }
    }
}

/// Finds `@` and the [`searched_words`] in the compact text. A two-letter word ("at") gets
/// a substring search of its own: in one automaton with the others it would make its
/// prefilter stop at every other word ("at" alone is in "that", "what", "date"). The
/// three-letter words ("aol", "gmx") get an automaton of their own: the prefilter (Teddy)
/// compares as many leading bytes as its shortest word has, up to four, and with four it
/// lets far fewer false candidates through on the longer words.
struct ListedWords {
    short: Vec<memchr::memmem::Finder<'static>>,
    automata: Vec<AhoCorasick>,
}

static LISTED_WORDS: LazyLock<ListedWords> = LazyLock::new(|| {
    let words = searched_words();
    let of_len = |lens: std::ops::RangeInclusive<usize>| {
        let words = words.iter().filter(move |word| lens.contains(&word.len()));
        words.copied()
    };
    // DFAs: where the prefilter lets a candidate through, the default NFA follows its
    // failure links byte by byte several times slower.
    let automaton = |words: Vec<&str>| {
        AhoCorasick::builder()
            .kind(Some(aho_corasick::AhoCorasickKind::DFA))
            .match_kind(MatchKind::LeftmostFirst)
            .build(words)
            .expect("built-in word list")
    };
    ListedWords {
        short: of_len(0..=2).map(memchr::memmem::Finder::new).collect(),
        automata: [of_len(3..=3).collect(), of_len(4..=usize::MAX).collect()]
            .into_iter()
            .filter(|words: &Vec<&str>| !words.is_empty())
            .map(automaton)
            .collect(),
    }
});

/// The words whose places the search finds: the words for `@` and the provider names that
/// are not common words (the pass does nothing with a common one: only the others are kept
/// for `implied_by_provider`), less every word that starts with another of them ("gmail"
/// with "gmai", "atsign" with "at"), since its place is where that one is found. Fewer
/// words keep the automaton's prefilter on its faster variant.
fn searched_words() -> Vec<&'static str> {
    let providers = lexicon::PROVIDERS
        .iter()
        .map(|(name, _)| *name)
        .filter(|name| !lexicon::provider_is_common_word(name));
    let words: Vec<&str> = providers
        .chain(lexicon::at_words())
        .chain(lexicon::at_phrase_last_words())
        .chain(lexicon::at_phrase_first_words())
        .collect();
    let has_listed_prefix = |word: &str| {
        words
            .iter()
            .any(|other| *other != word && word.starts_with(other))
    };
    words
        .iter()
        .copied()
        .filter(|word| !has_listed_prefix(word))
        .collect()
}

impl ListedWords {
    /// Kind 0 is `@`, then one kind per short word, then one per automaton.
    fn n_kinds(&self) -> usize {
        1 + self.short.len() + self.automata.len()
    }

    /// Where in `compact` a place of `kind` next starts at or after `from`; for a word, not
    /// right after an ASCII word byte.
    fn next_place(&self, compact: &[u8], kind: usize, mut from: usize) -> Option<usize> {
        if kind == 0 {
            let rest = compact.get(from..)?;
            return memchr::memchr(b'@', rest).map(|i| from + i);
        }
        loop {
            let place = match self.short.get(kind - 1) {
                Some(finder) => from + finder.find(compact.get(from..)?)?,
                None => {
                    // A leftmost match starts at the first place any word starts, even one
                    // inside another match.
                    let automaton = self.automata.get(kind - 1 - self.short.len())?;
                    let input = aho_corasick::Input::new(compact).span(from..compact.len());
                    automaton.find(input)?.start()
                }
            };
            let after_word_byte = place
                .checked_sub(1)
                .is_some_and(|before| is_ascii_word_byte(compact[before]));
            if !after_word_byte {
                return Some(place);
            }
            from = place + 1;
        }
    }
}

fn is_ascii_word_byte(byte: u8) -> bool {
    byte.is_ascii_alphanumeric() || byte == b'_'
}

/// The shapes of the words the token pass looks up: provider names, words for `@` and the
/// last words of phrases for `@`.
static LEXICON_SHAPES: LazyLock<WordShapes> = LazyLock::new(|| {
    let mut shapes = WordShapes::NONE;
    for (name, _) in lexicon::PROVIDERS {
        shapes = shapes.with(name);
    }
    for word in lexicon::at_words()
        .chain(lexicon::at_phrase_last_words())
        .chain(lexicon::at_phrase_first_words())
    {
        if word.len() < 32 {
            shapes = shapes.with(word);
        }
    }
    shapes
});

/// For every byte, the lengths of the listed words that start with it and of those that end
/// with it, one bit per length. Most words of a text ("the", "email", "1250") fail this
/// test, which costs two table reads, and need no lookup in the lists themselves.
struct WordShapes {
    first: [u32; 256],
    last: [u32; 256],
}

impl WordShapes {
    const NONE: WordShapes = WordShapes {
        first: [0; 256],
        last: [0; 256],
    };

    /// These shapes and the shape of `word`, which must be shorter than 32 bytes (checked when
    /// the constant is built).
    const fn with(mut self, word: &str) -> WordShapes {
        let word = word.as_bytes();
        assert!(!word.is_empty() && word.len() < 32);
        self.first[word[0] as usize] |= 1 << word.len();
        self.last[word[word.len() - 1] as usize] |= 1 << word.len();
        self
    }

    /// Whether `word` starts and ends like a listed word of its length (it may still not be
    /// one; a listed word always passes).
    fn admits(&self, word: &str) -> bool {
        match word.as_bytes() {
            [first, .., last] | [first @ last] if word.len() < 32 => {
                let bit = 1 << word.len();
                self.first[*first as usize] & self.last[*last as usize] & bit != 0
            }
            _ => false,
        }
    }
}

/// The local part ending just before `at_idx` and the domain after it. `labels` is room for
/// the domain's labels, kept from one call to the next so that no call allocates it.
fn address_around<'t>(
    text: &'t Normalized<'_>,
    at_idx: usize,
    at_last: usize,
    spoken: bool,
    labels: &mut Vec<&'t str>,
) -> Option<Finding> {
    let tokens = text.tokens();
    // Left: an optional single space (required when "at" is spoken), then the local part.
    let mut left = at_idx.checked_sub(1)?;
    if is_space(&tokens[left]) {
        left = left.checked_sub(1)?;
    } else if spoken {
        return None;
    }
    // Right: an optional single space (required when spoken), then labels.
    let mut right = at_last + 1;
    if tokens.get(right).is_some_and(is_space) {
        right += 1;
    } else if spoken {
        return None;
    }
    // The domain first: after most "at"s of a text ("at the station", "at $3.50 each") no
    // domain resolves, and the local part need not be built.
    let (last_idx, spoken_dot) = domain_labels(text, right, labels)?;
    // "see the pricing at stripe.com/pricing": a name followed by a path is a web address,
    // and no address is made of one.
    if is_followed_by_path(text, last_idx) {
        return None;
    }
    // "warez at www.linuxdoc.org": a web host, not a mail domain.
    if spoken && labels.first() == Some(&"www") {
        return None;
    }
    let domain = resolve_domain(labels, spoken)?;
    let (local_first, local) = local_part(text, left, spoken)?;
    if spoken && NOT_LOCAL_PARTS.contains(&local.as_str()) {
        return None;
    }
    // "I work at google.com", "meet at cafe.com": an everyday word before an "at" that is
    // also a word of the sentence is part of the sentence ("ventas arroba …" is an address). A free-mail provider's domain is an address whatever the word
    // (those before such a domain in ordinary talk are in `NOT_LOCAL_PARTS`).
    if spoken
        && lexicon::is_ambiguous_at_word(text.token_text(&tokens[at_idx]))
        && lexicon::is_ordinary_word(&local)
        && !lexicon::PROVIDERS.iter().any(|(_, d)| *d == domain)
    {
        return None;
    }
    // "Safaricom's docs at developer.safaricom.co.ke", "the team at acme.io": a noun after a
    // determiner or a possessive, then "at" a domain, is where something is, not a mailbox.
    if spoken
        && lexicon::is_ambiguous_at_word(text.token_text(&tokens[at_idx]))
        && follows_determiner(text.original, tokens[local_first].start())
    {
        return None;
    }
    let obfuscated = spoken
        || spoken_dot
        || !text.original[tokens[at_idx].start()..tokens[at_idx].end()].eq("@");
    let start = tokens[local_first].start();
    let end = tokens[last_idx].end();
    // "a..b@x.com": an address cannot have two dots in a row; what follows them is the
    // address.
    // (A byte scan: `rfind("..")` sets up a substring searcher for every candidate.)
    let double_dot = local.as_bytes().windows(2).rposition(|w| w == b"..");
    let (local, start) = match double_dot {
        Some(i) => {
            let tail = local[i + 2..].to_string();
            let orig = text.original.get(start..end).unwrap_or("");
            let shift = orig.find(tail.as_str()).unwrap_or(0);
            (tail, start + shift)
        }
        None => (local, start),
    };
    // "メールはyuki.tanaka アットマーク gmail…": words of a script written without spaces
    // glued before an ASCII local part are the sentence's, not the address's.
    let (local, start) = match local
        .char_indices()
        .find(|(_, c)| c.is_ascii_alphanumeric())
    {
        Some((i, _)) if i > 0 && !local[..i].is_ascii() && local[i..].is_ascii() => {
            let orig = text.original.get(start..end).unwrap_or("");
            let shift = orig
                .char_indices()
                .find(|(_, c)| c.is_ascii_alphanumeric())
                .map_or(0, |(j, _)| j);
            (local[i..].to_string(), start + shift)
        }
        _ => (local, start),
    };
    if local.is_empty() {
        return None;
    }
    if !spoken && is_scp_remote(text.original, end) {
        return None;
    }
    // A Usenet or mail Message-ID in angle brackets ("<10502@jpl-devvax.JPL.NASA.GOV>",
    // "<20030905221055.GA22354@doc.ic.ac.uk>"): a time stamp or serial number, no mailbox.
    if !spoken && is_message_id(text.original, start, end, &local) {
        return None;
    }
    // Plain characters (an accented local part or IDN domain) are reported as written.
    let (local, domain) = match text.original.get(start..end) {
        Some(orig) if !obfuscated && crate::normalize::is_plain(orig) && !orig.is_ascii() => {
            match orig.to_lowercase().split_once('@') {
                Some((l, d)) if labels.len() > 1 => (l.to_string(), d.to_string()),
                _ => (local, domain),
            }
        }
        _ => (local, domain),
    };
    // "Write to support@upwork.com", "report it to trust@airbnb.com": a marketplace's or a
    // large company's service mailbox, quoted from its rules or help pages, is no one's
    // contact details.
    if is_service_mailbox(&local) && super::links::is_service_domain(&domain) {
        return None;
    }
    let placeholder = is_placeholder(&local, &domain);
    let confidence = if placeholder && !super::links::is_reserved_host(&domain) {
        0.3
    } else if obfuscated {
        0.9
    } else {
        0.97
    };
    let rule = if placeholder {
        "email/placeholder"
    } else if labels.len() == 1 {
        "email/implied_tld"
    } else if obfuscated {
        "email/obfuscated"
    } else {
        "email/address"
    };
    Some(Finding::new(
        Kind::Email,
        Some(format!("{local}@{domain}")),
        start,
        end,
        confidence,
        rule,
    ))
}

/// Whether the word before `at` in `original` is an English determiner or a possessive
/// ("the", "our", "Stripe's").
fn follows_determiner(original: &str, at: usize) -> bool {
    let before = original[..crate::normalize::floor_char_boundary(original, at)].trim_end();
    let word = before
        .rsplit(|c: char| c.is_whitespace() || c == '(' || c == '"')
        .next()
        .unwrap_or("");
    let lower = word.to_ascii_lowercase();
    // Not "an" ("schreib mir an tobias punkt keller…") nor "her"/"his" ("email her at…").
    let determiner = matches!(lower.as_str(), "the" | "our" | "their" | "its");
    // "it's", "here's", "name's" are contractions of "is", which introduce an address.
    let possessive = lower.len() > 3
        && (lower.ends_with("'s") || lower.ends_with("\u{2019}s") || lower.ends_with("s'"))
        && !matches!(
            lower.trim_end_matches(['s', '\'', '\u{2019}']),
            "it" | "that"
                | "here"
                | "there"
                | "what"
                | "who"
                | "he"
                | "she"
                | "name"
                | "mail"
                | "email"
                | "e-mail"
        );
    determiner || possessive
}

/// Whether the address ending at `end` of `original` is the `user@host:path` of an SSH or
/// scp remote (`git@github.com:acme/shop.git`): a colon glued to a path, where an address in
/// prose ends the sentence or is followed by a space.
fn is_scp_remote(original: &str, end: usize) -> bool {
    let rest = original.as_bytes().get(end..).unwrap_or_default();
    rest.first() == Some(&b':')
        && rest
            .get(1)
            .is_some_and(|b| b.is_ascii_alphanumeric() || matches!(b, b'~' | b'/' | b'_' | b'.'))
}

/// Whether the address at `start..end` of `original` is a Message-ID: right inside `<…>`, with
/// a local part that is a number or starts with a long run of digits (a time stamp).
fn is_message_id(original: &str, start: usize, end: usize, local: &str) -> bool {
    let bracketed = original[..start].ends_with('<') && original[end..].starts_with('>');
    let digits = local.bytes().take_while(u8::is_ascii_digit).count();
    bracketed && (digits == local.len() || digits >= 8)
}

/// Whether the token after `last` starts a path (`/` and a word): the name before it is a web
/// address's host.
fn is_followed_by_path(text: &Normalized<'_>, last: usize) -> bool {
    let tokens = text.tokens();
    tokens.get(last + 1).is_some_and(|t| {
        t.class == TokenClass::Punct
            && text.token_text(t) == "/"
            && tokens
                .get(last + 2)
                .is_some_and(|n| matches!(n.class, TokenClass::Word | TokenClass::Number))
    })
}

/// Local parts that name a service of an organisation rather than a person: the mailbox
/// names of RFC 2142 (abuse, security, support, postmaster…) and the trust-and-safety,
/// privacy and no-reply mailboxes of platforms. "info", "hello", "contact", "sales" are left
/// out: a freelancer's own business writes from those.
pub(crate) fn is_service_mailbox(local: &str) -> bool {
    let name = local.split('+').next().unwrap_or(local);
    matches!(
        name.replace(['-', '_', '.'], "").as_str(),
        "abuse"
            | "security"
            | "support"
            | "help"
            | "helpdesk"
            | "customersupport"
            | "customerservice"
            | "customercare"
            | "postmaster"
            | "hostmaster"
            | "webmaster"
            | "noc"
            | "noreply"
            | "donotreply"
            | "notifications"
            | "notification"
            | "trust"
            | "safety"
            | "trustandsafety"
            | "trustsafety"
            | "appeals"
            | "moderation"
            | "compliance"
            | "privacy"
            | "dpo"
            | "legal"
            | "dispute"
            | "disputes"
            | "resolution"
            | "fraud"
            | "phishing"
            | "spoof"
            | "reportphishing"
            // The same mailboxes in the languages of the marketplaces' help pages.
            | "soporte"
            | "suporte"
            | "ayuda"
            | "ajuda"
            | "atendimento"
            | "assistance"
            | "hilfe"
            | "kundenservice"
            | "supporto"
            | "assistenza"
            | "destek"
            | "bantuan"
            | "disputas"
            | "seguridad"
            | "seguranca"
    )
}

/// Addresses that stand for "some address" in examples, forms and templates: a placeholder
/// host (see [`super::links::is_placeholder_host`]), or a placeholder name ("you",
/// "john.doe", "firstname.lastname") at a generic or free-mail domain.
fn is_placeholder(local: &str, domain: &str) -> bool {
    if super::links::is_placeholder_host(domain) {
        return true;
    }
    let placeholder_local = matches!(
        local,
        "you"
            | "your"
            | "yourname"
            | "your.name"
            | "your_name"
            | "youremail"
            | "your.email"
            | "name"
            | "username"
            | "user"
            | "user.name"
            | "someone"
            | "somebody"
            | "email"
            | "firstname"
            | "firstname.lastname"
            | "first.last"
            | "firstlast"
            | "name.surname"
            | "john.doe"
            | "jane.doe"
            | "johndoe"
            | "janedoe"
            | "john.smith"
            | "foo"
            | "bar"
            | "foo.bar"
            | "test"
            | "xxx"
            // "your name" and "name" in the marketplaces' languages, as templates write them.
            | "tu.nombre"
            | "tunombre"
            | "tu_nombre"
            | "nombre"
            | "nombre.apellido"
            | "seu.nome"
            | "seunome"
            | "nome"
            | "nome.sobrenome"
            | "nome.cognome"
            | "votre.nom"
            | "prenom.nom"
            | "vorname.nachname"
            | "ihr.name"
            | "imie.nazwisko"
            | "usuario"
            | "utilisateur"
            | "benutzer"
            | "nama"
            | "namaanda"
            | "isim"
            | "ad.soyad"
    );
    let generic_domain = matches!(
        domain,
        "email.com"
            | "mail.com"
            | "domain.com"
            | "company.com"
            | "website.com"
            | "site.com"
            | "dominio.com"
            | "dominio.es"
            | "empresa.com"
            | "domaine.fr"
            | "domaine.com"
            | "firma.de"
            | "beispiel.de"
            | "ejemplo.com"
            | "exemplo.com"
            | "esempio.it"
            | "exemple.fr"
            | "exemple.com"
            | "contoh.com"
            | "domena.pl"
            | "alanadi.com"
    ) || lexicon::PROVIDERS.iter().any(|(_, d)| *d == domain);
    placeholder_local && generic_domain
}

fn is_space(token: &Token) -> bool {
    matches!(token.class, TokenClass::Space { newline: false })
}

fn is_hyphen(text: &Normalized<'_>, token: &Token) -> bool {
    token.class == TokenClass::Punct && text.token_text(token) == "-"
}

/// Walks left from `last` over word characters, `.`, `_`, `-`, `+` with no spaces; returns the
/// first token index and the local part.
fn local_part(text: &Normalized<'_>, last: usize, spoken: bool) -> Option<(usize, String)> {
    let tokens = text.tokens();
    let mut first = last;
    loop {
        // An address's local part is at most 64 characters: never walk further back, so a
        // long run of joined characters stays linear.
        if last - first > 64 {
            return None;
        }
        let token = &tokens[first];
        let ok = match token.class {
            TokenClass::Word | TokenClass::Number | TokenClass::Dot => true,
            TokenClass::Punct => matches!(text.token_text(token), "_" | "-" | "+" | "'"),
            _ => false,
        };
        if !ok {
            first += 1;
            break;
        }
        if first == 0 {
            break;
        }
        first -= 1;
    }
    // Trim leading punctuation: a local part starts with a letter or digit.
    while first <= last && !matches!(tokens[first].class, TokenClass::Word | TokenClass::Number) {
        first += 1;
    }
    if first > last || !matches!(tokens[last].class, TokenClass::Word | TokenClass::Number) {
        return None;
    }
    // A spoken "dot", hyphen or underscore inside the local part: "alex dot mehta at aol dot
    // com", "marco underscore ferri chiocciola libero punto it".
    let joiner = |word: &str| {
        if lexicon::is_dot_word(word) {
            Some('.')
        } else {
            lexicon::joiner_word(word)
        }
    };
    // A name and the number after it, said apart: "juanpe setenta y ocho arroba hotmail",
    // "camille deux mille un arobase gmail", "john 78 at gmail dot com".
    let (first, tail) = match spoken.then(|| named_number(text, first, last)).flatten() {
        Some((name, local)) => (name, Some(local)),
        None => (first, None),
    };
    if spoken && first >= 4 {
        let mut extended = first;
        while extended >= 4
            && is_space(&tokens[extended - 1])
            && joiner(text.token_text(&tokens[extended - 2])).is_some()
            && is_space(&tokens[extended - 3])
            && matches!(
                tokens[extended - 4].class,
                TokenClass::Word | TokenClass::Number
            )
        {
            extended -= 4;
        }
        if extended != first || tail.is_some() {
            // The words before `first` with their spoken joiners, then the local part's own
            // tokens (or the name and its number).
            let own_end = if tail.is_some() { first } else { last + 1 };
            let mut local = String::new();
            for token in &tokens[extended..own_end] {
                if is_space(token) {
                    continue;
                }
                let t = text.token_text(token);
                match joiner(t) {
                    Some(c) => local.push(c),
                    None => local.push_str(t),
                }
            }
            if let Some(tail) = &tail {
                local.push_str(tail);
            }
            return Some((extended, local));
        }
    }
    if let Some(local) = tail {
        return Some((first, local));
    }
    let local: String = tokens[first..=last]
        .iter()
        .map(|t| text.token_text(t))
        .collect();
    if local.len() > 64 || local.starts_with('.') {
        return None;
    }
    Some((first, local))
}

/// Where a spoken local part that is only a number (`first..=last`: digits, or number words
/// such as "setenta y ocho", "quatre-vingt-onze") begins with the name said before it, and
/// the local part they make: the name word's token and the name with the number's digits.
fn named_number(text: &Normalized<'_>, first: usize, last: usize) -> Option<(usize, String)> {
    let tokens = text.tokens();
    let word_like = |t: &Token| matches!(t.class, TokenClass::Word | TokenClass::Number);
    // The number's own tokens, joined by hyphens ("quatre-vingt-onze").
    let own: String = tokens[first..=last]
        .iter()
        .map(|t| text.token_text(t))
        .collect();
    if !own.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-') {
        return None;
    }
    let mut words = vec![own];
    let mut k = first;
    // More number words and joiners before it, a space apart ("setenta y ocho").
    while k >= 2 && is_space(&tokens[k - 1]) && word_like(&tokens[k - 2]) {
        let w = text.token_text(&tokens[k - 2]);
        let numeric = crate::normalize::read_number_words(&[w]).is_some()
            || lexicon::joiner(w).is_some() && words.len() < 4;
        if !numeric {
            break;
        }
        words.push(w.to_string());
        k -= 2;
    }
    words.reverse();
    // A joiner cannot open the number.
    while words.first().is_some_and(|w| {
        crate::normalize::read_number_words(&[w]).is_none() && lexicon::joiner(w).is_some()
    }) {
        words.remove(0);
        k += 2;
    }
    let refs: Vec<&str> = words.iter().map(String::as_str).collect();
    let digits = crate::normalize::read_number_words(&refs)?;
    // The name: a word of letters right before, that is no number word nor a word that
    // stands before "at" in prose.
    if k < 2 || !is_space(&tokens[k - 1]) || tokens[k - 2].class != TokenClass::Word {
        return None;
    }
    let name = text.token_text(&tokens[k - 2]);
    // A number word right before it makes it a part of the number the table cannot read
    // ("deux mille un"), not a name.
    if k >= 4
        && is_space(&tokens[k - 3])
        && crate::normalize::read_number_words(&[text.token_text(&tokens[k - 4])]).is_some()
    {
        return None;
    }
    let letters = name.chars().filter(|c| c.is_ascii_alphabetic()).count();
    if letters < 2
        || !name.bytes().all(|b| b.is_ascii_alphanumeric())
        || NOT_LOCAL_PARTS.contains(&name)
        || crate::normalize::read_number_words(&[name]).is_some()
        || lexicon::is_dot_word(name)
        || lexicon::is_at_word(name)
        || lexicon::joiner_word(name).is_some()
    {
        return None;
    }
    // The name may be a local part written with its dots or underscores ("julie.martin
    // quatre-vingt-quinze arobase orange point fr"): its earlier words, glued by them.
    let mut start = k - 2;
    let mut local = name.to_string();
    while start >= 2
        && matches!(text.token_text(&tokens[start - 1]), "." | "_" | "-")
        && tokens[start - 2].class == TokenClass::Word
        && local.len() < 48
    {
        let word = text.token_text(&tokens[start - 2]);
        if !word.bytes().all(|b| b.is_ascii_alphanumeric()) {
            break;
        }
        local = format!("{word}{}{local}", text.token_text(&tokens[start - 1]));
        start -= 2;
    }
    Some((start, format!("{local}{digits}")))
}

/// The most labels a domain has; more are not an address.
const MAX_LABELS: usize = 8;

/// Labels separated by `.`, spoken dots or bracketed dots, put in `labels` (cleared first);
/// returns the index of the last token used and whether a dot was spoken. A label is a run
/// of tokens, and the compact text is the tokens' texts end to end, so each label is a slice
/// of it: after most "at"s of a text nothing is built to find that no domain follows.
fn domain_labels<'t>(
    text: &'t Normalized<'_>,
    first: usize,
    labels: &mut Vec<&'t str>,
) -> Option<(usize, bool)> {
    let tokens = text.tokens();
    labels.clear();
    let mut last_used = first;
    let mut spoken_dot = false;
    let mut i = first;
    loop {
        // One label: words/numbers joined by '-'.
        let mut j = i;
        while let Some(token) = tokens.get(j) {
            match token.class {
                TokenClass::Word | TokenClass::Number => {}
                TokenClass::Punct if text.token_text(token) == "-" && j > i => {}
                _ => break,
            }
            j += 1;
        }
        let label = match j.checked_sub(1) {
            Some(last) if last >= i => text
                .compact()
                .get(tokens[i].text_range().start..tokens[last].text_range().end)
                .unwrap_or(""),
            _ => "",
        };
        // "a@example.com-": a trailing hyphen is punctuation, not part of the label.
        let trailing_hyphen = label.ends_with('-');
        let label = label.trim_end_matches('-');
        if label.is_empty() || label.len() > 63 {
            break;
        }
        // A spoken dot word is never itself a label.
        if !labels.is_empty() && lexicon::is_dot_word(label) {
            break;
        }
        // A top-level domain spelled in another script ("دوت كوم").
        let label = match lexicon::tld_word(label) {
            Some(tld) if !labels.is_empty() => tld,
            // A provider's name in another script ("जीमेल डॉट कॉम").
            _ if labels.is_empty() => lexicon::provider_word(label).unwrap_or(label),
            _ => label,
        };
        if labels.len() == MAX_LABELS {
            return None;
        }
        labels.push(label);
        last_used = if trailing_hyphen { j - 2 } else { j - 1 };
        if trailing_hyphen {
            break;
        }
        // Separator: '.', or " dot ", or " . ".
        let mut k = j;
        let sep = match tokens.get(k).map(|t| t.class) {
            Some(TokenClass::Dot) => {
                k += 1;
                true
            }
            Some(TokenClass::Space { newline: false }) => {
                let next = tokens.get(k + 1);
                let after = tokens.get(k + 2);
                match (next, after) {
                    (Some(n), Some(a)) if is_space(a) && n.class == TokenClass::Dot => {
                        k += 3;
                        true
                    }
                    (Some(n), Some(a))
                        if is_space(a) && lexicon::is_dot_word(text.token_text(n)) =>
                    {
                        spoken_dot = true;
                        k += 3;
                        true
                    }
                    (Some(n), _) if n.class == TokenClass::Dot => {
                        k += 2;
                        true
                    }
                    _ => false,
                }
            }
            _ => false,
        };
        if !sep {
            break;
        }
        match tokens.get(k) {
            Some(t) if matches!(t.class, TokenClass::Word | TokenClass::Number) => i = k,
            _ => break,
        }
    }
    if labels.is_empty() {
        return None;
    }
    Some((last_used, spoken_dot))
}

/// Turns the labels into a domain: a known public suffix at the end, or a lone provider name
/// (the implied domain). Mangled provider names are mapped to the real one.
fn resolve_domain(labels: &[&str], spoken: bool) -> Option<String> {
    if let [label] = labels {
        let domain = lexicon::provider_domain(label)?;
        // "live", "proton"... alone after a spoken "at" are too ambiguous.
        if spoken && lexicon::provider_is_common_word(label) && *label != "outlook" {
            return None;
        }
        return Some(domain.to_string());
    }
    // Use the longest prefix of labels that forms a domain under a known suffix: "gmx.de" in
    // "gmx.de.", and stop before trailing words joined by a spoken dot. Each prefix is a
    // prefix of all the labels joined.
    let mut joined = labels.join(".");
    let mut end = joined.len();
    for n in (2..=labels.len()).rev() {
        if is_registrable(&joined[..end]) {
            // Mangled provider: "g-mail.com", "hotmale.com".
            if let Some(real) = lexicon::provider_domain(labels[0]) {
                let real_first = real.split('.').next().unwrap_or(real);
                if n == 2 && real_first != labels[0] && labels[1] == "com" {
                    return Some(real.to_string());
                }
            }
            joined.truncate(end);
            return Some(joined);
        }
        // Drop the last label and its dot.
        end -= labels[n - 1].len() + 1;
    }
    None
}

/// Whether `domain` ends in a public suffix the list knows and has a name under it.
pub(crate) fn is_registrable(domain: &str) -> bool {
    match psl::suffix(domain.as_bytes()) {
        Some(suffix) if suffix.is_known() => {
            let suffix_len = suffix.as_bytes().len();
            domain.len() > suffix_len + 1
        }
        _ => false,
    }
}

/// "my gmail is alex", "gmail: alex_k", "hotmail - maria.s". `providers`: the indices of
/// the tokens that name a provider (not one whose name is a common word), in order.
fn implied_by_provider(text: &Normalized<'_>, providers: &[usize], out: &mut Vec<Finding>) {
    let mut found = super::SpanIndex::default();
    for f in out.iter().filter(|f| f.kind == Kind::Email) {
        found.insert(f.start, f.end);
    }
    let tokens = text.tokens();
    let is_space = |i: &usize| matches!(tokens[*i].class, TokenClass::Space { .. });
    // The next token that is not a space, from `i` on.
    let word_from = |i: usize| (i..tokens.len()).find(|i| !is_space(i));
    for &idx in providers {
        let Some(domain) = lexicon::provider_domain(text.token_text(&tokens[idx])) else {
            continue;
        };
        let owner = (0..idx)
            .rev()
            .find(|i| !is_space(i))
            .map(|before| text.token_text(&tokens[before]));
        let owned = owner.is_some_and(|w| {
            matches!(
                w,
                "my" | "our"
                    | "mi"
                    | "meu"
                    | "minha"
                    | "mon"
                    | "ma"
                    | "mein"
                    | "meine"
                    | "mio"
                    | "mia"
                    | "meri"
                    | "mera"
                    | "mere"
                    | "amar"
                    | "benim"
                    | "moj"
                    | "moja"
            )
        });
        // Romanised Hindi, Urdu and Bengali put the verb last: "meri gmail id priyanka.s
        // hai", "amar gmail rahim.k ache".
        let verb_last = owner.is_some_and(|w| matches!(w, "meri" | "mera" | "mere" | "amar"));
        // Skip "id", "address", "account", then "is" / ":" / "-".
        let mut k = word_from(idx + 1);
        while let Some(at) = k.filter(|&at| {
            matches!(
                text.token_text(&tokens[at]),
                "id" | "address" | "account" | "handle" | "username" | "user"
            )
        }) {
            k = word_from(at + 1);
        }
        let separator = k
            .map(|i| text.token_text(&tokens[i]))
            // (Nigerian Pidgin "my gmail na …", Swahili "gmail yangu ni …".)
            .filter(|s| {
                matches!(
                    *s,
                    "is" | ":" | "-" | "=" | "es" | "e" | "est" | "ist" | "na" | "ni"
                )
            });
        if separator.is_none() && !verb_last {
            continue;
        }
        // "AOL-User", "gmail-style": a hyphen glued on both sides joins a compound word.
        if separator == Some("-") {
            let glued = |i: Option<usize>| {
                i.and_then(|i| tokens.get(i))
                    .is_some_and(|t| !matches!(t.class, TokenClass::Space { .. }))
            };
            let hyphen = k.unwrap_or(idx);
            if glued(hyphen.checked_sub(1)) && glued(Some(hyphen + 1)) {
                continue;
            }
        }
        if !owned && matches!(separator, Some("is" | "na" | "ni")) {
            continue;
        }
        // The user name: word characters, '.', '_', '-' without spaces.
        let first = match separator {
            Some(_) => k.and_then(|k| word_from(k + 1)),
            None => k,
        };
        let Some(first) = first else {
            continue;
        };
        let mut last = first;
        let mut name = String::new();
        let mut j = first;
        while let Some(token) = tokens.get(j) {
            let t = text.token_text(token);
            let ok = match token.class {
                TokenClass::Word | TokenClass::Number => true,
                TokenClass::Dot | TokenClass::Punct => {
                    matches!(t, "." | "_" | "-")
                        && tokens.get(j + 1).is_some_and(|n| {
                            matches!(n.class, TokenClass::Word | TokenClass::Number)
                        })
                }
                _ => false,
            };
            if !ok {
                break;
            }
            name.push_str(t);
            last = j;
            j += 1;
        }
        // An address written out in full is the other rule's business.
        if tokens.get(j).is_some_and(|t| t.class == TokenClass::At) {
            continue;
        }
        // Without a separator, the verb closes the name: "… priyanka.sethi07 hai".
        if separator.is_none()
            && !word_from(j).is_some_and(|v| {
                matches!(
                    text.token_text(&tokens[v]),
                    "hai" | "he" | "h" | "hay" | "hain" | "ache" | "ase" | "hae"
                )
            })
        {
            continue;
        }
        if name.len() < 3
            || lexicon::NOT_A_NAME.contains(&name.as_str())
            || !name.as_bytes()[0].is_ascii_alphanumeric()
        {
            continue;
        }
        let start = tokens[idx].start();
        let end = tokens[last].end();
        if found.overlaps(start, end) {
            continue;
        }
        out.push(Finding::new(
            Kind::Email,
            Some(format!("{name}@{domain}")),
            start,
            end,
            0.8,
            "email/implied_by_provider",
        ));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Region;

    fn emails(text: &str) -> Vec<String> {
        let mut out = Vec::new();
        let n = Normalized::new(text);
        EmailDetector.detect(
            &n,
            &ScanContext {
                region: Region::US,
                fallback_regions: &[],
            },
            &mut out,
        );
        out.into_iter().filter_map(|f| f.value).collect()
    }

    #[test]
    fn finds_plain_and_disguised_addresses() {
        let cases: &[(&str, &[&str])] = &[
            ("ok, my email is rwang@outlook.com", &["rwang@outlook.com"]),
            (
                "oluwaseun.lopez arroba gmx punto de",
                &["oluwaseun.lopez@gmx.de"],
            ),
            ("mariakim55 [at] mail [dot] ru", &["mariakim55@mail.ru"]),
            (
                "zaraobrien81 AT HOTMAIL DOT COM",
                &["zaraobrien81@hotmail.com"],
            ),
            ("my gmail is maria_silva", &["maria_silva@gmail.com"]),
            (
                "a l e x . m e h t a @ a o l . c o m",
                &["alex.mehta@aol.com"],
            ),
            (
                "ｈａｎａ．ａｄｅｙｅｍｉ＠ｙａｈｏｏ．ｃｏｍ",
                &["hana.adeyemi@yahoo.com"],
            ),
            (
                "write me: maria.haddad\u{200B}@\u{200B}icloud.com",
                &["maria.haddad@icloud.com"],
            ),
            ("reach me alex at outlook", &["alex@outlook.com"]),
            ("alex dot mehta at aol dot com", &["alex.mehta@aol.com"]),
            ("mail jo@g-mail.com", &["jo@gmail.com"]),
            ("user@xn--80ak6aa92e.com", &["user@xn--80ak6aa92e.com"]),
            (
                "try info@presidio.site or anotherinfo@presidio.site",
                &["info@presidio.site", "anotherinfo@presidio.site"],
            ),
        ];
        for (text, want) in cases {
            assert_eq!(emails(text), *want, "{text:?}");
        }
    }

    #[test]
    fn shapes_admit_every_listed_word() {
        let providers = lexicon::PROVIDERS.iter().map(|(name, _)| *name);
        for word in providers.chain(lexicon::at_words()) {
            assert!(LEXICON_SHAPES.admits(word), "{word:?}");
        }
        for word in ["", "the", "email", "1250", "a"] {
            assert!(!LEXICON_SHAPES.admits(word), "{word:?}");
        }
    }

    /// The token pass skips numbers: a provider named by digits must be too common a word
    /// to count alone, and no word for `@` is a number.
    #[test]
    fn numbers_name_no_provider_that_counts() {
        let is_number = |word: &str| word.bytes().all(|b| b.is_ascii_digit());
        for (name, _) in lexicon::PROVIDERS {
            assert!(
                !is_number(name) || lexicon::provider_is_common_word(name),
                "{name:?}"
            );
        }
        assert!(!lexicon::at_words().any(is_number));
    }

    /// Texts made of the pieces the search could miss: words for `@` and provider names
    /// inside other words, spaced, bracketed, fullwidth, hidden by zero-width characters,
    /// read as numbers, next to digits and to each other.
    fn mixed_texts() -> impl Iterator<Item = String> {
        const PIECES: &[&str] = &[
            "at",
            "AT",
            "@",
            "[at]",
            "(at)",
            "{@}",
            "( at )",
            "a t",
            "g m a i l",
            "gmail",
            "Gmail",
            "ｇｍａｉｌ",
            "ａｔ",
            "＠",
            "hot-mail",
            "g-mail",
            "163",
            "qq",
            "live",
            "delivery",
            "that",
            "alex",
            "alex.k",
            "maria_s",
            ".",
            "dot",
            "[dot]",
            "com",
            "de",
            "outlook",
            "arroba",
            "g\u{200B}mail",
            "a\u{200B}t",
            "four one five",
            "six17",
            "x",
            ",",
            "-",
            "_",
            "\n",
            "my",
            "is",
            ":",
            "yahooo",
            "gmaill",
            "gmai",
            "atsign",
            "chiocciola",
            "é",
            "über",
            "o",
            "2",
            "aol",
            "at5",
            "5at",
            "ataol",
            "gmx.de",
            "€",
            "«",
        ];
        const GLUES: &[&str] = &[" ", " ", " ", "", "  ", "\n"];
        let mut seed: u64 = 0x2545_f491_4f6c_dd1d;
        let mut next = move |n: usize| {
            seed = seed
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            (seed >> 33) as usize % n
        };
        (0..3000).map(move |_| {
            let n_pieces = 1 + next(120);
            let mut text = String::new();
            for _ in 0..n_pieces {
                text.push_str(PIECES[next(PIECES.len())]);
                text.push_str(GLUES[next(GLUES.len())]);
            }
            text
        })
    }

    /// The search visits every token the pass acts on, in order, and finds what visiting
    /// every token finds.
    #[test]
    fn search_finds_what_the_full_pass_finds() {
        for text in mixed_texts() {
            let n = Normalized::new(&text);
            let mut visited = Vec::new();
            for_each_listed_token(&n, |token_idx| visited.push(token_idx));
            assert!(visited.windows(2).all(|w| w[0] < w[1]), "{text:?}");
            for (token_idx, token) in n.tokens().iter().enumerate() {
                let word = n.token_text(token);
                let acted_on = match token.class {
                    TokenClass::At => true,
                    TokenClass::Word => {
                        let counted_provider = lexicon::provider_domain(word).is_some()
                            && !lexicon::provider_is_common_word(word);
                        counted_provider || lexicon::is_at_word(word)
                    }
                    _ => false,
                };
                assert!(
                    !acted_on || visited.contains(&token_idx),
                    "{text:?}: token {token_idx} {word:?}"
                );
            }
            let (mut all, mut searched) = (Vec::new(), Vec::new());
            scan_tokens(&n, false, &mut all);
            scan_tokens(&n, true, &mut searched);
            assert_eq!(all, searched, "{text:?}");
        }
    }

    /// What [`for_each_listed_token`] relies on to skip names inside words.
    #[test]
    fn word_tokens_of_two_bytes_start_after_no_word_byte() {
        for text in mixed_texts() {
            let n = Normalized::new(&text);
            let compact = n.compact().as_bytes();
            for token in n.tokens() {
                let start = token.text_range().start;
                if token.class == TokenClass::Word && n.token_text(token).len() >= 2 {
                    let before = start.checked_sub(1).map(|i| compact[i]);
                    assert!(!before.is_some_and(is_ascii_word_byte), "{text:?}");
                }
            }
        }
    }

    /// What [`domain_labels`] relies on to read a run of tokens as one slice of the compact
    /// text, which is not empty once it holds a word or a number.
    #[test]
    fn tokens_are_the_compact_text_end_to_end() {
        for text in mixed_texts() {
            let n = Normalized::new(&text);
            let mut end = 0;
            for token in n.tokens() {
                assert_eq!(token.text_range().start, end, "{text:?}");
                if matches!(token.class, TokenClass::Word | TokenClass::Number) {
                    assert!(!token.text_range().is_empty(), "{text:?}");
                }
                end = token.text_range().end;
            }
            assert_eq!(end, n.compact().len(), "{text:?}");
        }
    }

    #[test]
    fn no_address_is_made_from_a_sentence_or_a_web_address() {
        for text in [
            "see the pricing at stripe.com/pricing",
            "I work at google.com",
            "meet at cafe.com tomorrow",
            "you can have linux warez at www.linuxdoc.org",
            "AOL-User und AOL-CDs",
            "the docs are at docs.python.org/3/library",
            "Safaricom's docs at developer.safaricom.co.ke explain the go-live process",
            "ask the team at acme-studio dot com",
            "-- Larry Wall in <10502@jpl-devvax.JPL.NASA.GOV>",
            "in <20030905221055.GA22354@doc.ic.ac.uk> on debian-devel",
        ] {
            assert_eq!(emails(text), Vec::<String>::new(), "{text:?}");
        }
        // Names, role mailboxes and a provider's domain still make addresses.
        for (text, want) in [
            ("kofi at mensah-design.com", "kofi@mensah-design.com"),
            ("info at acme-studio dot com", "info@acme-studio.com"),
            ("priya at gmail dot com", "priya@gmail.com"),
            ("my aol - cool.cat99", "cool.cat99@aol.com"),
        ] {
            assert_eq!(emails(text), vec![want.to_string()], "{text:?}");
        }
    }

    #[test]
    fn service_mailboxes_of_marketplaces_and_large_sites_are_no_ones_address() {
        for text in [
            "Questions? Write to support@upwork.com.",
            "report it to trust-and-safety@fiverr.com",
            "forward the message to reportphishing@apple.com",
            "kontaktiere hilfe über support@airbnb.com",
        ] {
            assert_eq!(emails(text), Vec::<String>::new(), "{text:?}");
        }
        // A person's address there, or a service mailbox of a small business, is one.
        for (text, want) in [
            ("mail me at support@mystudio.co", "support@mystudio.co"),
            (
                "my email: maria.support@gmail.com",
                "maria.support@gmail.com",
            ),
            ("info@upwork.com", "info@upwork.com"),
        ] {
            assert_eq!(emails(text), vec![want.to_string()], "{text:?}");
        }
    }

    #[test]
    fn providers_named_in_other_scripts_complete_an_address() {
        for (text, want) in [
            (
                "Почта: alexey.orlov на джимейле, туда же скиньте договор",
                "alexey.orlov@gmail.com",
            ),
            (
                "ايميلي saad_otb على الهوتميل، ارسل لي الملفات",
                "saad_otb@hotmail.com",
            ),
            ("kim.minsu 네이버로 보내주세요", "kim.minsu@naver.com"),
        ] {
            assert_eq!(emails(text), vec![want.to_string()], "{text:?}");
        }
        // A provider's name in a sentence, or after a word that is no local part.
        for text in [
            "Я на яндексе работаю",
            "мой ник kot на гмейле",
            "أستخدم الهوتميل منذ سنوات",
        ] {
            assert_eq!(emails(text), Vec::<String>::new(), "{text:?}");
        }
    }

    #[test]
    fn phrases_and_words_of_many_languages_stand_for_at() {
        for (text, want) in [
            ("priya.s at the rate gmail dot com", "priya.s@gmail.com"),
            ("rahul @ the rate yahoo dot com", "rahul@yahoo.com"),
            ("ayse at işareti gmail nokta com", "ayse@gmail.com"),
            ("nguyen.an a còng gmail chấm com", "nguyen.an@gmail.com"),
            ("ivan собака mail точка ru", "ivan@mail.ru"),
            ("tomek małpa wp kropka pl", "tomek@wp.pl"),
            ("wang 艾特 qq 点 com", "wang@qq.com"),
            ("ahmed at gmail دوت كوم", "ahmed@gmail.com"),
            ("budi at yahoo titik co titik id", "budi@yahoo.co.id"),
            (
                "john dot smith dot 88 at gmail dot com",
                "john.smith.88@gmail.com",
            ),
        ] {
            assert_eq!(emails(text), vec![want.to_string()], "{text:?}");
        }
        for text in [
            "interest at the rate of 7 percent",
            "моя собака любит гулять",
            "ta małpa w zoo",
        ] {
            assert_eq!(emails(text), Vec::<String>::new(), "{text:?}");
        }
    }

    #[test]
    fn placeholders_are_reported_low() {
        for text in [
            "like you@yourcompany.com",
            "format: name@domain.com",
            "e.g. john.doe@email.com",
        ] {
            let n = Normalized::new(text);
            let mut out = Vec::new();
            let scan = ScanContext {
                region: Region::US,
                fallback_regions: &[],
            };
            EmailDetector.detect(&n, &scan, &mut out);
            assert_eq!(out.len(), 1, "{text:?}");
            assert_eq!(out[0].rule, "email/placeholder", "{text:?}");
            assert!(out[0].confidence < 0.5, "{text:?}");
        }
        // The reserved example domains stand in for real addresses in suites and demos:
        // named placeholders, at the usual confidence.
        let n = Normalized::new("alex@example.org");
        let mut out = Vec::new();
        let scan = ScanContext {
            region: Region::US,
            fallback_regions: &[],
        };
        EmailDetector.detect(&n, &scan, &mut out);
        assert_eq!(out[0].rule, "email/placeholder");
        assert!(out[0].confidence > 0.9);
    }

    #[test]
    fn ignores_ordinary_at_and_dot() {
        for text in [
            "look at example dot com",
            "meet me at 5 dot",
            "my email is info@presidio.",
            "this is not an email: hello-world here",
            "my gmail is down today",
            "the email validation regex rejects plus signs",
            "available at the store dot",
            "a@",
            "@",
        ] {
            assert_eq!(emails(text), Vec::<String>::new(), "{text:?}");
        }
    }
}

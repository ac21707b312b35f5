//! Word lists the normaliser and the detectors share: number words, symbol words, e-mail
//! providers. All entries are lower case and accent-free, because they are compared with the
//! folded text (where `zéro` is already `zero` and `fünf` is `funf`).

/// What a number word stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NumberWord {
    /// A word for a single digit ("five", "cinco", "funf", "oh", "एक", "satu").
    Digit(u8),
    /// A word for a whole number 10..=99 that is not a tens word a unit may follow
    /// ("fifteen", "dieciseis", Hindi "तेईस" 23).
    Teen(u8),
    /// A tens word a unit may follow ("twenty", "ochenta", "vierzig", Turkish "on" 10).
    Tens(u8),
    /// A digit before it is multiplied by ten ("dua puluh" 20, "hai mươi" 20).
    Mult10,
    /// A digit before it is added to ten ("tujuh belas" 17).
    TeenSuffix,
    /// A digit after it is added to ten (Tagalog "labing-anim" 16).
    TeenPrefix,
    /// A tens word with the joiner glued before it, after its unit (Arabic "ثلاثة وعشرون" 23).
    AndTens(u8),
    /// "double" / "doble" / "doppel": the next digit twice.
    Double,
    /// "triple" / "tripla": the next digit three times.
    Triple,
}

/// A number word as the lexicon knows it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct WordReading {
    /// What it stands for.
    pub value: NumberWord,
    /// The languages it is this number word in, a bit each (see [`number_languages`]).
    pub langs: u32,
    /// An ordinary word of some language too ("do", "tin", "on"): read as a number only next
    /// to another number word of one of its languages.
    pub common: bool,
    /// A digit before it multiplies it (French "quatre-vingt", Vietnamese "hai mươi").
    pub multiplied: bool,
}

/// The generated table of number words (see `data/gen_number_words.py`): lang, word, kind,
/// value, common. Words are lower case and accent-free for Latin letters, as the folded text
/// has them; words of other scripts are as written.
const NUMBER_WORDS_TSV: &str = include_str!("../data/number_words.tsv");

/// The number words, parsed from [`NUMBER_WORDS_TSV`] on first use.
struct Lexicon {
    /// Every language of the table, in the order of its bits in [`WordReading::langs`].
    langs: Vec<&'static str>,
    /// ASCII words by the slot of their first two letters ([`prefix_slot`]).
    by_prefix: Vec<Vec<(&'static str, WordReading)>>,
    /// For every first two letters, the third letters (bits 0-25) words go on with, see
    /// [`may_start_number_word`].
    prefixes: Vec<u32>,
    /// ASCII words, one row per word.
    #[cfg_attr(not(test), allow(dead_code))]
    ascii: Vec<(&'static str, WordReading)>,
    /// Words with letters outside ASCII (other scripts), sorted by word.
    other: Vec<(&'static str, WordReading)>,
    /// The first characters of [`Lexicon::other`]'s words, sorted.
    other_firsts: Vec<char>,
    /// Words that join a tens word and a unit ("y", "e", "et", "und", "na") with their
    /// languages.
    joiners: Vec<(&'static str, u32)>,
    /// The languages in which a tens word takes a word of 11..19 after it ("soixante-douze").
    teen_adding: u32,
}

/// In a slot's mask: some number word is exactly these two letters, so any third byte may
/// start a second glued word ("untres").
const ANY_THIRD: u32 = 1 << 26;
/// In a slot's mask: some number word has a third byte other than `a`-`z`.
const OTHER_THIRD: u32 = 1 << 27;

static LEXICON: std::sync::LazyLock<Lexicon> = std::sync::LazyLock::new(|| {
    let mut langs: Vec<&'static str> = Vec::new();
    let mut lang_bit = |lang: &'static str| -> u32 {
        let at = langs.iter().position(|l| *l == lang).unwrap_or_else(|| {
            langs.push(lang);
            langs.len() - 1
        });
        1u32.checked_shl(at as u32).unwrap_or(0)
    };
    let mut rows: Vec<(&'static str, WordReading, bool)> = Vec::new();
    let mut joiners: Vec<(&'static str, u32)> = vec![("und", 0)];
    let mut teen_adding_langs: Vec<&'static str> = Vec::new();
    for line in NUMBER_WORDS_TSV.lines() {
        if let Some(rest) = line.strip_prefix("# teen_adding\t") {
            teen_adding_langs.extend(rest.split(','));
            continue;
        }
        if line.starts_with('#') || line.is_empty() {
            continue;
        }
        let mut cols = line.split('\t');
        let (Some(lang), Some(word), Some(kind), Some(value), Some(common)) = (
            cols.next(),
            cols.next(),
            cols.next(),
            cols.next(),
            cols.next(),
        ) else {
            continue;
        };
        let Ok(value) = value.parse::<u8>() else {
            continue;
        };
        let bit = lang_bit(lang);
        let value = match kind {
            "digit" => NumberWord::Digit(value),
            "value" => NumberWord::Teen(value),
            "tens" => NumberWord::Tens(value),
            "mult10" => NumberWord::Mult10,
            "score" => NumberWord::Tens(value),
            "teen_suffix" => NumberWord::TeenSuffix,
            "teen_prefix" => NumberWord::TeenPrefix,
            "and_tens" => NumberWord::AndTens(value),
            "double" => NumberWord::Double,
            "triple" => NumberWord::Triple,
            "joiner" => {
                joiners.push((word, bit));
                continue;
            }
            _ => continue,
        };
        let multiplies = matches!(kind, "score" | "mult10");
        rows.push((
            word,
            WordReading {
                value,
                langs: bit,
                common: common == "1",
                multiplied: false,
            },
            multiplies,
        ));
    }
    let mut teen_adding = 0;
    for lang in teen_adding_langs {
        teen_adding |= lang_bit(lang);
    }
    // One reading a word: its first row that is a value (digit, number or tens word), else
    // its first row; the languages of every row with that value; multiplied if any row is a
    // multiplier.
    let mut merged: Vec<(&'static str, WordReading)> = Vec::new();
    for &(word, reading, multiplies) in &rows {
        match merged.iter_mut().find(|(w, _)| *w == word) {
            Some((_, known)) => {
                let is_value = |v: NumberWord| {
                    matches!(
                        v,
                        NumberWord::Digit(_) | NumberWord::Teen(_) | NumberWord::Tens(_)
                    )
                };
                if !is_value(known.value) && is_value(reading.value) && !multiplies {
                    known.value = reading.value;
                }
                if known.value == reading.value {
                    known.langs |= reading.langs;
                    known.common |= reading.common;
                }
                known.multiplied |= multiplies;
            }
            None => {
                let mut reading = reading;
                if multiplies {
                    reading.multiplied = true;
                }
                merged.push((word, reading));
            }
        }
    }
    let (ascii, mut other): (Vec<_>, Vec<_>) = merged.into_iter().partition(|(w, _)| w.is_ascii());
    other.sort_unstable_by_key(|(w, _)| *w);
    let mut other_firsts: Vec<char> = other.iter().filter_map(|(w, _)| w.chars().next()).collect();
    other_firsts.sort_unstable();
    other_firsts.dedup();
    let mut by_prefix = vec![Vec::new(); 26 * 26];
    let mut prefixes = vec![0u32; 26 * 26];
    for &(w, n) in &ascii {
        let b = w.as_bytes();
        if let Some(slot) = prefix_slot(b) {
            by_prefix[slot].push((w, n));
            prefixes[slot] |= match b.get(2) {
                None => ANY_THIRD,
                Some(&c @ b'a'..=b'z') => 1 << (c - b'a'),
                Some(_) => OTHER_THIRD,
            };
        }
    }
    Lexicon {
        langs,
        by_prefix,
        prefixes,
        ascii,
        other,
        other_firsts,
        joiners,
        teen_adding,
    }
});

/// The bit of a language in [`WordReading::langs`] (0 if the table has no such language).
pub fn language_bit(lang: &str) -> u32 {
    LEXICON
        .langs
        .iter()
        .position(|l| *l == lang)
        .map_or(0, |at| 1u32.checked_shl(at as u32).unwrap_or(0))
}

/// Every number word (ASCII and other scripts) with its reading.
#[cfg_attr(not(test), allow(dead_code))]
pub fn number_words() -> impl Iterator<Item = (&'static str, WordReading)> {
    LEXICON.ascii.iter().chain(LEXICON.other.iter()).copied()
}

/// The languages (bits) of `word` as a joiner between a tens word and a unit ("veinte y
/// uno", "trinta e dois", "vingt et un", "ishirini na moja"), if it is one.
pub fn joiner(word: &str) -> Option<u32> {
    LEXICON
        .joiners
        .iter()
        .find(|(w, _)| *w == word)
        .map(|&(_, langs)| if langs == 0 { u32::MAX } else { langs })
}

/// The languages (bits) in which a tens word takes a word of 11..19 after it.
pub fn teen_adding_languages() -> u32 {
    LEXICON.teen_adding
}

/// Looks up a number word (folded and lower-cased as the normaliser's compact view has it;
/// words of other scripts are lower-cased here).
pub fn number_word(word: &str) -> Option<WordReading> {
    if word == "o" {
        return Some(WordReading {
            value: NumberWord::Digit(0),
            langs: u32::MAX,
            common: false,
            multiplied: false,
        });
    }
    if word.is_ascii() {
        return number_words_starting(word.as_bytes())
            .iter()
            .find(|(w, _)| *w == word)
            .map(|(_, n)| *n);
    }
    let lower: std::borrow::Cow<'_, str> = if word.chars().any(char::is_uppercase) {
        std::borrow::Cow::Owned(word.to_lowercase())
    } else {
        std::borrow::Cow::Borrowed(word)
    };
    let other = &LEXICON.other;
    other
        .binary_search_by(|(w, _)| (*w).cmp(&lower))
        .ok()
        .map(|at| other[at].1)
}

/// The ASCII number words (of two letters or more) that could start `text`, found by its
/// first two letters in a 26×26 table: every word of every message is looked up, so no
/// hashing and no scan of the whole list.
pub fn number_words_starting(text: &[u8]) -> &'static [(&'static str, WordReading)] {
    prefix_slot(text).map_or(&[], |slot| LEXICON.by_prefix[slot].as_slice())
}

/// Whether some number word (of two letters or more) could start `text`, judged by its first
/// three bytes: a word failing this is neither a number word (except "o") nor glued number
/// words. One load from a table, so most words are dismissed without a lookup ("the", "can",
/// "send" start like "three", "cinco", "seven" but not far enough). A word that starts
/// outside ASCII is judged by its first character.
pub fn may_start_number_word(text: &[u8]) -> bool {
    let Some(slot) = prefix_slot(text) else {
        return text.first().is_some_and(|&b| b >= 0x80) && may_start_other_number_word(text);
    };
    let mask = LEXICON.prefixes[slot];
    match text.get(2) {
        Some(&c @ b'a'..=b'z') => mask & (ANY_THIRD | 1 << (c - b'a')) != 0,
        _ => mask != 0,
    }
}

/// Whether a word starting outside ASCII may be a number word of another script: its first
/// character (lower-cased) starts one.
#[cold]
fn may_start_other_number_word(text: &[u8]) -> bool {
    let Some(first) = std::str::from_utf8(&text[..text.len().min(4)])
        .ok()
        .or_else(|| {
            (1..4)
                .rev()
                .find_map(|n| std::str::from_utf8(text.get(..n)?).ok())
        })
        .and_then(|s| s.chars().next())
    else {
        return false;
    };
    let first = first.to_lowercase().next().unwrap_or(first);
    LEXICON.other_firsts.binary_search(&first).is_ok()
}

fn prefix_slot(text: &[u8]) -> Option<usize> {
    match text {
        [a @ b'a'..=b'z', b @ b'a'..=b'z', ..] => {
            Some(usize::from(a - b'a') * 26 + usize::from(b - b'a'))
        }
        _ => None,
    }
}

/// Words for `@` (English, Spanish, Portuguese, French, German, Italian, Dutch).
pub const AT_WORDS: &[&str] = &[
    "at",
    "arroba",
    "arobase",
    "arobas",
    "chiocciola",
    "klammeraffe",
    "apenstaartje",
    "atsign",
];

/// Words for `.`.
#[cfg_attr(not(test), allow(dead_code))]
pub const DOT_WORDS: &[&str] = &[
    "dot", "punto", "ponto", "point", "punkt", "dt", "pt", "period",
];

/// Whether a folded, lower-cased word means `@`.
pub fn is_at_word(word: &str) -> bool {
    // Every word is asked: a `match`, kept in step with [`AT_WORDS`] by a test.
    matches!(
        word,
        "at" | "arroba"
            | "arobase"
            | "arobas"
            | "chiocciola"
            | "klammeraffe"
            | "apenstaartje"
            | "atsign"
    )
}

/// Whether a folded, lower-cased word means `.`.
pub fn is_dot_word(word: &str) -> bool {
    matches!(
        word,
        "dot" | "punto" | "ponto" | "point" | "punkt" | "dt" | "pt" | "period"
    )
}

/// Leetspeak letters read as digits, only ever applied to tokens that are mostly digits.
pub fn leet_digit(c: u8) -> Option<u8> {
    match c.to_ascii_lowercase() {
        b'o' => Some(b'0'),
        b'i' | b'l' => Some(b'1'),
        b'z' => Some(b'2'),
        b'e' => Some(b'3'),
        b's' => Some(b'5'),
        b'b' => Some(b'8'),
        b'g' => Some(b'9'),
        _ => None,
    }
}

/// Free-mail providers: their names imply a domain ("my gmail is alex" → `alex@gmail.com`,
/// "alex at outlook" → `alex@outlook.com`). Mangled spellings map to the real domain.
/// [`provider_domain`] is a `match` over the same pairs; a test keeps the two in step.
pub const PROVIDERS: &[(&str, &str)] = &[
    ("gmail", "gmail.com"),
    ("g-mail", "gmail.com"),
    ("gmial", "gmail.com"),
    ("gmai", "gmail.com"),
    ("gmaill", "gmail.com"),
    ("googlemail", "googlemail.com"),
    ("hotmail", "hotmail.com"),
    ("hotmale", "hotmail.com"),
    ("hotmial", "hotmail.com"),
    ("hot-mail", "hotmail.com"),
    ("outlook", "outlook.com"),
    ("outlok", "outlook.com"),
    ("yahoo", "yahoo.com"),
    ("yahooo", "yahoo.com"),
    ("yaho", "yahoo.com"),
    ("ymail", "ymail.com"),
    ("icloud", "icloud.com"),
    ("aol", "aol.com"),
    ("proton", "proton.me"),
    ("protonmail", "protonmail.com"),
    ("gmx", "gmx.com"),
    ("mailru", "mail.ru"),
    ("yandex", "yandex.com"),
    ("zoho", "zoho.com"),
    ("live", "live.com"),
    ("msn", "msn.com"),
    ("qq", "qq.com"),
    ("163", "163.com"),
    ("tutanota", "tutanota.com"),
    ("fastmail", "fastmail.com"),
];

/// The domain a provider name implies, if the word names one.
pub fn provider_domain(word: &str) -> Option<&'static str> {
    // Every word of every message is looked up: a `match` (by length, then bytes), neither
    // a scan of the list nor a hash. Kept in step with [`PROVIDERS`] by a test.
    Some(match word {
        "gmail" => "gmail.com",
        "g-mail" => "gmail.com",
        "gmial" => "gmail.com",
        "gmai" => "gmail.com",
        "gmaill" => "gmail.com",
        "googlemail" => "googlemail.com",
        "hotmail" => "hotmail.com",
        "hotmale" => "hotmail.com",
        "hotmial" => "hotmail.com",
        "hot-mail" => "hotmail.com",
        "outlook" => "outlook.com",
        "outlok" => "outlook.com",
        "yahoo" => "yahoo.com",
        "yahooo" => "yahoo.com",
        "yaho" => "yahoo.com",
        "ymail" => "ymail.com",
        "icloud" => "icloud.com",
        "aol" => "aol.com",
        "proton" => "proton.me",
        "protonmail" => "protonmail.com",
        "gmx" => "gmx.com",
        "mailru" => "mail.ru",
        "yandex" => "yandex.com",
        "zoho" => "zoho.com",
        "live" => "live.com",
        "msn" => "msn.com",
        "qq" => "qq.com",
        "163" => "163.com",
        "tutanota" => "tutanota.com",
        "fastmail" => "fastmail.com",
        _ => return None,
    })
}

/// Providers whose name is also a common word: only taken as implied domains after an
/// explicit `@`/"at", never in "my X is alex".
pub fn provider_is_common_word(word: &str) -> bool {
    matches!(word, "live" | "proton" | "163" | "qq" | "outlook")
}

/// Compiles a pattern whose `\b` means an ASCII word boundary. Unicode word boundaries make
/// the regex crate's fast DFA give up on any non-ASCII text and fall back to a backtracker,
/// which costs a hundred times more on "¿Sigue disponible?"; the folded text's words that
/// matter here are ASCII anyway.
pub(crate) fn ascii_regex(pattern: &str) -> regex::Regex {
    regex::Regex::new(&pattern.replace(r"\b", r"(?-u:\b)")).expect("built-in pattern compiles")
}

/// Words that follow "my gmail is", "my X is" or "X:" in ordinary talk ("my gmail is down",
/// "my paypal is linked") and are never a user name or a handle.
pub const NOT_A_NAME: &[&str] = &[
    "is",
    "not",
    "down",
    "full",
    "broken",
    "blocked",
    "hacked",
    "working",
    "fine",
    "ok",
    "okay",
    "the",
    "a",
    "an",
    "same",
    "different",
    "new",
    "old",
    "better",
    "private",
    "personal",
    "public",
    "verified",
    "linked",
    "connected",
    "above",
    "below",
    "in",
    "on",
    "there",
    "here",
    "also",
    "still",
    "just",
    "really",
    "very",
    "too",
    "so",
    "my",
    "your",
    "account",
    "address",
    "id",
    "inbox",
    "spam",
    "acting",
    "being",
    "getting",
    "and",
    "or",
    "but",
    "with",
    "for",
    "from",
    "to",
    "of",
    "at",
    "dot",
    "com",
    "app",
    "login",
    "password",
    "settings",
    "storage",
    "suspended",
    "disabled",
    "what",
    "where",
    "why",
    "how",
    "banned",
    "closed",
    "limited",
    "empty",
    "slow",
    "busy",
    "offline",
    "online",
    "easier",
    "faster",
    "cheaper",
    "best",
    "great",
    "good",
    "bad",
    "fast",
    "free",
    "when",
    "yes",
    "no",
    "none",
    "nothing",
    "gone",
    "deleted",
    "under",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_provider_name_is_found() {
        for (name, domain) in PROVIDERS {
            assert_eq!(provider_domain(name), Some(*domain), "{name}");
        }
        assert_eq!(provider_domain("gmailer"), None);
        assert_eq!(provider_domain(""), None);
    }

    #[test]
    fn number_words_by_prefix() {
        assert!(matches!(
            number_word("seven").map(|r| r.value),
            Some(NumberWord::Digit(7))
        ));
        assert!(matches!(
            number_word("o").map(|r| r.value),
            Some(NumberWord::Digit(0))
        ));
        assert!(number_word("seventh").is_none());
        assert_eq!(
            number_word("Один").map(|r| r.value),
            Some(NumberWord::Digit(1))
        );
        assert_eq!(
            number_word("तीन").map(|r| r.value),
            Some(NumberWord::Digit(3))
        );
        assert_eq!(
            number_word("puluh").map(|r| r.value),
            Some(NumberWord::Mult10)
        );
        assert!(number_word("vingt").is_some_and(|r| r.multiplied));
        // Ordinary words of some language need number words around them.
        for word in ["do", "tin", "sat", "char", "on", "hai", "ba"] {
            assert!(number_word(word).is_some_and(|r| r.common), "{word}");
        }
        for word in ["seven", "cinco", "quatre", "siebzehn", "satu", "tujuh"] {
            assert!(number_word(word).is_some_and(|r| !r.common), "{word}");
        }
    }

    #[test]
    fn number_word_starts_pass_the_prefix_table() {
        let words: Vec<&str> = number_words().map(|(w, _)| w).collect();
        for first in &words {
            assert!(may_start_number_word(first.as_bytes()), "{first}");
            if !first.is_ascii() || first.len() < 2 {
                continue;
            }
            for second in words.iter().filter(|w| w.is_ascii()) {
                let glued = format!("{first}{second}");
                assert!(may_start_number_word(glued.as_bytes()), "{glued}");
            }
        }
        for word in ["can", "send", "thanks", "x", "", "жизнь", "สวัสดี"] {
            assert!(!may_start_number_word(word.as_bytes()), "{word}");
        }
    }

    #[test]
    fn every_generated_word_is_as_the_folded_text_has_it() {
        for (word, _) in number_words() {
            let normalized = crate::normalize::Normalized::new(word);
            let lower = normalized.lower();
            let lower = if word.is_ascii() {
                lower.to_string()
            } else {
                lower.to_lowercase()
            };
            assert_eq!(lower, word, "{word}");
        }
    }
}

#[cfg(test)]
mod provider_tests {
    use super::*;

    #[test]
    fn provider_lookup_matches_the_list() {
        for (name, domain) in PROVIDERS {
            assert_eq!(provider_domain(name), Some(*domain), "{name}");
        }
        for word in ["", "g", "gmailx", "mail", "com", "gmail.com", "Gmail"] {
            assert_eq!(provider_domain(word), None, "{word}");
        }
        for word in AT_WORDS {
            assert!(is_at_word(word), "{word}");
        }
        for word in DOT_WORDS {
            assert!(is_dot_word(word), "{word}");
        }
        for word in ["", "a", "att", "dots", "At", "@", "."] {
            assert!(!is_at_word(word) && !is_dot_word(word), "{word}");
        }
    }
}

//! Word lists the normaliser and the detectors share: number words, symbol words, e-mail
//! providers. All entries are lower case and accent-free, because they are compared with the
//! folded text (where `zéro` is already `zero` and `fünf` is `funf`).

/// What a number word stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NumberWord {
    /// A word for a single digit ("five", "cinco", "funf", "oh").
    Digit(u8),
    /// A word for 10..=19 ("ten", "fifteen", "dieciseis").
    Teen(u8),
    /// A word for a multiple of ten ("twenty", "ochenta", "vierzig").
    Tens(u8),
    /// "double" / "doble" / "doppel": the next digit twice.
    Double,
    /// "triple" / "tripla": the next digit three times.
    Triple,
}

/// Number words in English, Spanish, Portuguese, French, German and Italian.
///
/// Ambiguous words ("o", "un", "one", "uma") are only read as numbers inside a run of other
/// number tokens; the normaliser takes care of that.
pub const NUMBER_WORDS: &[(&str, NumberWord)] = {
    use NumberWord::{Digit as D, Double, Teen as T, Tens as X, Triple};
    &[
        // English
        ("zero", D(0)),
        ("oh", D(0)),
        ("o", D(0)),
        ("nought", D(0)),
        ("one", D(1)),
        ("two", D(2)),
        ("three", D(3)),
        ("four", D(4)),
        ("five", D(5)),
        ("six", D(6)),
        ("seven", D(7)),
        ("eight", D(8)),
        ("nine", D(9)),
        ("ten", T(10)),
        ("eleven", T(11)),
        ("twelve", T(12)),
        ("thirteen", T(13)),
        ("fourteen", T(14)),
        ("fifteen", T(15)),
        ("sixteen", T(16)),
        ("seventeen", T(17)),
        ("eighteen", T(18)),
        ("nineteen", T(19)),
        ("twenty", X(2)),
        ("thirty", X(3)),
        ("forty", X(4)),
        ("fourty", X(4)),
        ("fifty", X(5)),
        ("sixty", X(6)),
        ("seventy", X(7)),
        ("eighty", X(8)),
        ("ninety", X(9)),
        ("double", Double),
        ("triple", Triple),
        // Spanish
        ("cero", D(0)),
        ("uno", D(1)),
        ("una", D(1)),
        ("dos", D(2)),
        ("tres", D(3)),
        ("cuatro", D(4)),
        ("cinco", D(5)),
        ("seis", D(6)),
        ("siete", D(7)),
        ("ocho", D(8)),
        ("nueve", D(9)),
        ("diez", T(10)),
        ("once", T(11)),
        ("doce", T(12)),
        ("trece", T(13)),
        ("catorce", T(14)),
        ("quince", T(15)),
        ("dieciseis", T(16)),
        ("diecisiete", T(17)),
        ("dieciocho", T(18)),
        ("diecinueve", T(19)),
        ("veinte", X(2)),
        ("treinta", X(3)),
        ("cuarenta", X(4)),
        ("cincuenta", X(5)),
        ("sesenta", X(6)),
        ("setenta", X(7)),
        ("ochenta", X(8)),
        ("noventa", X(9)),
        ("doble", Double),
        // Portuguese
        ("um", D(1)),
        ("uma", D(1)),
        ("dois", D(2)),
        ("duas", D(2)),
        ("quatro", D(4)),
        ("meia", D(6)),
        ("sete", D(7)),
        ("oito", D(8)),
        ("nove", D(9)),
        ("dez", T(10)),
        ("onze", T(11)),
        ("doze", T(12)),
        ("treze", T(13)),
        ("quatorze", T(14)),
        ("quinze", T(15)),
        ("dezesseis", T(16)),
        ("dezasseis", T(16)),
        ("dezessete", T(17)),
        ("dezassete", T(17)),
        ("dezoito", T(18)),
        ("dezenove", T(19)),
        ("dezanove", T(19)),
        ("vinte", X(2)),
        ("trinta", X(3)),
        ("quarenta", X(4)),
        ("cinquenta", X(5)),
        ("sessenta", X(6)),
        ("oitenta", X(8)),
        ("duplo", Double),
        ("triplo", Triple),
        // French
        ("un", D(1)),
        ("une", D(1)),
        ("deux", D(2)),
        ("trois", D(3)),
        ("cinq", D(5)),
        ("sept", D(7)),
        ("huit", D(8)),
        ("neuf", D(9)),
        ("dix", T(10)),
        ("douze", T(12)),
        ("treize", T(13)),
        ("seize", T(16)),
        ("vingt", X(2)),
        ("trente", X(3)),
        ("quarante", X(4)),
        ("cinquante", X(5)),
        ("soixante", X(6)),
        // German
        ("null", D(0)),
        ("eins", D(1)),
        ("ein", D(1)),
        ("zwei", D(2)),
        ("zwo", D(2)),
        ("drei", D(3)),
        ("vier", D(4)),
        ("funf", D(5)),
        ("fuenf", D(5)),
        ("sechs", D(6)),
        ("sieben", D(7)),
        ("acht", D(8)),
        ("neun", D(9)),
        ("zehn", T(10)),
        ("elf", T(11)),
        ("zwolf", T(12)),
        ("zwoelf", T(12)),
        ("dreizehn", T(13)),
        ("vierzehn", T(14)),
        ("funfzehn", T(15)),
        ("sechzehn", T(16)),
        ("siebzehn", T(17)),
        ("achtzehn", T(18)),
        ("neunzehn", T(19)),
        ("zwanzig", X(2)),
        ("dreissig", X(3)),
        ("vierzig", X(4)),
        ("funfzig", X(5)),
        ("sechzig", X(6)),
        ("siebzig", X(7)),
        ("achtzig", X(8)),
        ("neunzig", X(9)),
        ("doppel", Double),
        // Italian
        ("due", D(2)),
        ("tre", D(3)),
        ("quattro", D(4)),
        ("cinque", D(5)),
        ("sei", D(6)),
        ("sette", D(7)),
        ("otto", D(8)),
        ("dieci", T(10)),
    ]
};

/// Words that join a tens word and a digit word ("veinte y uno", "trinta e dois",
/// "vingt et un", "einundzwanzig" is handled inside the word).
pub const TENS_JOINERS: &[&str] = &["y", "e", "et", "und", "and"];

/// Looks up a number word.
pub fn number_word(word: &str) -> Option<NumberWord> {
    if word == "o" {
        return Some(NumberWord::Digit(0));
    }
    number_words_starting(word.as_bytes())
        .iter()
        .find(|(w, _)| *w == word)
        .map(|(_, n)| *n)
}

/// The number words (of two letters or more) that could start `text`, found by its first two
/// letters in a 26×26 table: every word of every message is looked up, so no hashing and no
/// scan of the whole list.
pub fn number_words_starting(text: &[u8]) -> &'static [(&'static str, NumberWord)] {
    static TABLE: std::sync::LazyLock<Vec<Vec<(&'static str, NumberWord)>>> =
        std::sync::LazyLock::new(|| {
            let mut table = vec![Vec::new(); 26 * 26];
            for &(w, n) in NUMBER_WORDS {
                if let Some(slot) = prefix_slot(w.as_bytes()) {
                    table[slot].push((w, n));
                }
            }
            table
        });
    prefix_slot(text).map_or(&[], |slot| TABLE[slot].as_slice())
}

/// Whether some number word (of two letters or more) could start `text`, judged by its first
/// three bytes: a word failing this is neither a number word (except "o") nor glued number
/// words. One load from a table built at compile time, so most words are dismissed without a
/// lookup ("the", "can", "send" start like "three", "cinco", "seven" but not far enough).
pub fn may_start_number_word(text: &[u8]) -> bool {
    /// In a slot's mask: some number word is exactly these two letters, so any third byte
    /// may start a second glued word ("untres").
    const ANY_THIRD: u32 = 1 << 26;
    /// In a slot's mask: some number word has a third byte other than `a`–`z` ("três").
    const OTHER_THIRD: u32 = 1 << 27;
    /// For every first two letters, the third letters (bits 0–25) number words go on with.
    const PREFIXES: [u32; 26 * 26] = {
        let mut table = [0u32; 26 * 26];
        let mut k = 0;
        while k < NUMBER_WORDS.len() {
            let w = NUMBER_WORDS[k].0.as_bytes();
            if w.len() >= 2 && w[0].is_ascii_lowercase() && w[1].is_ascii_lowercase() {
                let slot = (w[0] - b'a') as usize * 26 + (w[1] - b'a') as usize;
                table[slot] |= if w.len() == 2 {
                    ANY_THIRD
                } else if w[2].is_ascii_lowercase() {
                    1 << (w[2] - b'a')
                } else {
                    OTHER_THIRD
                };
            }
            k += 1;
        }
        table
    };
    let Some(slot) = prefix_slot(text) else {
        return false;
    };
    let mask = PREFIXES[slot];
    match text.get(2) {
        Some(&c @ b'a'..=b'z') => mask & (ANY_THIRD | 1 << (c - b'a')) != 0,
        _ => mask != 0,
    }
}

fn prefix_slot(text: &[u8]) -> Option<usize> {
    match text {
        [a @ b'a'..=b'z', b @ b'a'..=b'z', ..] => {
            Some(usize::from(a - b'a') * 26 + usize::from(b - b'a'))
        }
        _ => None,
    }
}

/// The symbol words of `data/symbol_words.tsv` (words for `@` and `.` in many languages,
/// words that spell a top-level domain), folded the way a message is folded, so that they
/// compare with compact tokens.
struct SymbolWords {
    /// Single words for `@`, sorted.
    at: Vec<String>,
    /// Single words for `.`, sorted.
    dot: Vec<String>,
    /// Single words for `/`, sorted.
    slash: Vec<String>,
    /// Words that spell a top-level domain, with the domain: sorted by word.
    tld: Vec<(String, &'static str)>,
    /// Phrases of several words for `@` ("at the rate", "et commercial"), each a list of
    /// folded words (`@` for a written `@`).
    at_phrases: Vec<Vec<String>>,
}

static SYMBOL_WORDS: std::sync::LazyLock<SymbolWords> = std::sync::LazyLock::new(|| {
    let mut words = SymbolWords {
        at: Vec::new(),
        dot: Vec::new(),
        slash: Vec::new(),
        tld: Vec::new(),
        at_phrases: Vec::new(),
    };
    for line in include_str!("../data/symbol_words.tsv").lines() {
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        let mut fields = line.split('\t');
        let (Some(_lang), Some(symbol), Some(written)) =
            (fields.next(), fields.next(), fields.next())
        else {
            continue;
        };
        let normalized = crate::normalize::Normalized::new(written.trim());
        let folded: Vec<String> = normalized
            .tokens()
            .iter()
            .filter(|t| !matches!(t.class, crate::normalize::TokenClass::Space { .. }))
            .map(|t| normalized.token_text(t).to_string())
            .collect();
        match (symbol, folded.as_slice()) {
            ("at", [word]) => words.at.push(word.clone()),
            ("at", [_, _, ..]) => words.at_phrases.push(folded),
            ("dot", [word]) => words.dot.push(word.clone()),
            ("slash", [word]) => words.slash.push(word.clone()),
            (tld, [word]) if tld.bytes().all(|b| b.is_ascii_lowercase()) => {
                let tld: &'static str = match tld {
                    "com" => "com",
                    "net" => "net",
                    "org" => "org",
                    _ => continue,
                };
                words.tld.push((word.clone(), tld));
            }
            _ => {}
        }
    }
    for list in [&mut words.at, &mut words.dot, &mut words.slash] {
        list.sort();
        list.dedup();
    }
    words.tld.sort();
    words.tld.dedup();
    words
});

/// The single words for `@`, folded (see `data/symbol_words.tsv`).
pub fn at_words() -> impl Iterator<Item = &'static str> {
    SYMBOL_WORDS.at.iter().map(String::as_str)
}

/// The last words of the phrases for `@` ("rate" of "at the rate"): a phrase is recognised
/// from its last word, looking back.
pub fn at_phrase_last_words() -> impl Iterator<Item = &'static str> {
    SYMBOL_WORDS
        .at_phrases
        .iter()
        .filter_map(|phrase| phrase.last().map(String::as_str))
}

/// The phrases for `@` of several words, each a list of folded words.
pub fn at_phrases() -> impl Iterator<Item = &'static [String]> {
    SYMBOL_WORDS.at_phrases.iter().map(Vec::as_slice)
}

/// Whether a folded, lower-cased word means `@`.
pub fn is_at_word(word: &str) -> bool {
    // Every word the e-mail pass admits is asked: the commonest first, then a binary search.
    word == "at"
        || SYMBOL_WORDS
            .at
            .binary_search_by(|w| w.as_str().cmp(word))
            .is_ok()
}

/// Whether a folded, lower-cased word means `.`.
pub fn is_dot_word(word: &str) -> bool {
    word == "dot"
        || SYMBOL_WORDS
            .dot
            .binary_search_by(|w| w.as_str().cmp(word))
            .is_ok()
}

/// Whether a folded, lower-cased word means `/` ("slash", "barra").
pub fn is_slash_word(word: &str) -> bool {
    SYMBOL_WORDS
        .slash
        .binary_search_by(|w| w.as_str().cmp(word))
        .is_ok()
}

/// Whether a word for `@` is also an everyday word of some language ("at", Turkish "et" is
/// French "and"): before it, an everyday word is part of the sentence.
pub fn is_ambiguous_at_word(word: &str) -> bool {
    matches!(word, "at" | "et")
}

/// The top-level domain a folded word spells ("كوم" → `com`), if it spells one.
pub fn tld_word(word: &str) -> Option<&'static str> {
    let tld = &SYMBOL_WORDS.tld;
    let found = tld.binary_search_by(|(w, _)| w.as_str().cmp(word)).ok()?;
    Some(tld[found].1)
}

/// The words of everyday language (ten languages, from `data/ordinary_words.txt`, made by
/// `gen_ordinary_words.py` from `wordfreq` with given names taken out): written alone before
/// a spoken "at", such a word is part of the sentence ("I work at …"), not an address.
pub fn is_ordinary_word(word: &str) -> bool {
    static WORDS: std::sync::LazyLock<Vec<&'static str>> = std::sync::LazyLock::new(|| {
        let mut words: Vec<&str> = include_str!("../data/ordinary_words.txt")
            .lines()
            .filter(|l| !l.starts_with('#') && !l.is_empty())
            .collect();
        words.sort_unstable();
        words
    });
    WORDS.binary_search(&word).is_ok()
}

/// Names that start a dotted expression in code (`self`, `os`, `console`), from
/// `data/code_names.txt` (made by `gen_code_names.py`).
pub fn is_code_object(word: &str) -> bool {
    static NAMES: std::sync::LazyLock<Vec<&'static str>> = std::sync::LazyLock::new(|| {
        let mut names: Vec<&str> = include_str!("../data/code_names.txt")
            .lines()
            .filter(|l| !l.starts_with('#') && !l.is_empty())
            .collect();
        names.sort_unstable();
        names
    });
    NAMES.binary_search(&word).is_ok()
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
        assert!(matches!(number_word("seven"), Some(NumberWord::Digit(7))));
        assert!(matches!(number_word("o"), Some(NumberWord::Digit(0))));
        assert!(number_word("seventh").is_none());
    }

    #[test]
    fn number_word_starts_pass_the_prefix_table() {
        let words = NUMBER_WORDS
            .iter()
            .map(|(w, _)| *w)
            .filter(|w| w.len() >= 2);
        for first in words.clone() {
            assert!(may_start_number_word(first.as_bytes()), "{first}");
            for second in NUMBER_WORDS.iter().map(|(w, _)| *w) {
                let glued = format!("{first}{second}");
                assert!(may_start_number_word(glued.as_bytes()), "{glued}");
            }
        }
        for word in ["the", "can", "send", "thanks", "then", "x", ""] {
            assert!(!may_start_number_word(word.as_bytes()), "{word}");
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
        for word in [
            "at",
            "arroba",
            "klammeraffe",
            "chiocciola",
            "malpa",
            "attherate",
        ] {
            assert!(is_at_word(word), "{word}");
        }
        for word in [
            "dot", "punto", "ponto", "titik", "nokta", "noqta", "cham", "diem", "kropka",
        ] {
            assert!(is_dot_word(word), "{word}");
        }
        for word in [
            "", "a", "att", "dots", "At", "@", ".", "the", "rate", "com", "point1",
        ] {
            assert!(!is_at_word(word) && !is_dot_word(word), "{word}");
        }
    }

    /// Words of other scripts are listed as written and compared folded.
    #[test]
    fn symbol_words_of_other_scripts_compare_folded() {
        let folded = |word: &str| {
            let n = crate::normalize::Normalized::new(word);
            n.tokens()
                .first()
                .map(|t| n.token_text(t).to_string())
                .unwrap_or_default()
        };
        for word in ["собака", "małpa", "艾特"] {
            assert!(is_at_word(&folded(word)), "{word}");
        }
        for word in ["точка", "chấm", "điểm", "点", "點", "نقطة", "دوت"] {
            assert!(is_dot_word(&folded(word)), "{word}");
        }
        assert_eq!(tld_word(&folded("كوم")), Some("com"));
        let phrases: Vec<String> = at_phrases().map(|p| p.join(" ")).collect();
        for phrase in [
            "at the rate",
            "@ the rate",
            "et commercial",
            "at isareti",
            "a cong",
        ] {
            assert!(phrases.iter().any(|p| p == phrase), "{phrase}: {phrases:?}");
        }
    }

    #[test]
    fn ordinary_words_and_code_names() {
        for word in ["work", "meet", "pricing", "look", "the"] {
            assert!(is_ordinary_word(word), "{word}");
        }
        for word in [
            "john", "alex", "maria", "priya", "info", "sales", "contact", "x7",
        ] {
            assert!(!is_ordinary_word(word), "{word}");
        }
        for word in ["self", "os", "console", "user", "this"] {
            assert!(is_code_object(word), "{word}");
        }
        assert!(!is_code_object("mayaruns"));
    }
}

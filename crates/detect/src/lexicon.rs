//! Word lists the normaliser and the detectors share: number words, symbol words, e-mail
//! providers, and (read from `data/channels` and `data/offplatform`) channel names and the
//! cue words of off-platform requests. All entries are lower case and accent-free, because they are compared with the
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

/// Whether a channel's spelling is only ever its name, or also an everyday word.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum WordClass {
    /// Only ever the channel's name ("whatsapp", "payoneer", "the green app").
    Name,
    /// Also an everyday word or abbreviation ("line", "signal", "teams", "wise", "wa"): a
    /// channel only in a strong shape, never as a bare mention.
    Ordinary,
}

/// One row of a `data/channels/*.tsv` file: a way of writing a channel's name.
#[derive(Debug, Clone)]
pub(crate) struct ChannelName {
    /// Messenger, social network, meeting tool or payment method.
    pub kind: crate::Kind,
    /// The canonical value (`whatsapp`, `google-pay`).
    pub value: &'static str,
    /// Whether the spelling is also an everyday word.
    pub word: WordClass,
    /// A regex fragment over the folded, lower-cased text (no capture groups).
    pub pattern: String,
    /// Whether a match may start only at an ASCII word start (the pattern's first character
    /// is an ASCII letter or digit in the folded text), and must end at a word end.
    pub bounded_start: bool,
    /// See `bounded_start`: whether a match must end at an ASCII word end.
    pub bounded_end: bool,
    /// For a payment rail: the regex fragment of its account identifier.
    pub id_shape: Option<&'static str>,
}

/// The channel data files, in the order their rows are tried (earlier rows win at the same
/// start): names written the same everywhere first, then each language's nicknames.
const CHANNEL_FILES: &[(&str, &str)] = &[
    ("intl", include_str!("../data/channels/intl.tsv")),
    ("es", include_str!("../data/channels/es.tsv")),
    ("pt", include_str!("../data/channels/pt.tsv")),
    ("ru", include_str!("../data/channels/ru.tsv")),
    ("ar", include_str!("../data/channels/ar.tsv")),
    ("hi", include_str!("../data/channels/hi.tsv")),
    ("bn", include_str!("../data/channels/bn.tsv")),
    ("ur", include_str!("../data/channels/ur.tsv")),
    ("zh", include_str!("../data/channels/zh.tsv")),
    ("ko", include_str!("../data/channels/ko.tsv")),
    ("ja", include_str!("../data/channels/ja.tsv")),
    ("vi", include_str!("../data/channels/vi.tsv")),
    ("th", include_str!("../data/channels/th.tsv")),
    ("fa", include_str!("../data/channels/fa.tsv")),
    ("dravidian", include_str!("../data/channels/dravidian.tsv")),
    ("gu", include_str!("../data/channels/gu.tsv")),
    ("km", include_str!("../data/channels/km.tsv")),
];

/// The off-platform cue files (`data/offplatform/*.tsv`), one per language.
const CUE_FILES: &[(&str, &str)] = &[
    ("en", include_str!("../data/offplatform/en.tsv")),
    ("es", include_str!("../data/offplatform/es.tsv")),
    ("pt", include_str!("../data/offplatform/pt.tsv")),
    ("hi-Latn", include_str!("../data/offplatform/hi-Latn.tsv")),
    ("fr", include_str!("../data/offplatform/fr.tsv")),
    ("de", include_str!("../data/offplatform/de.tsv")),
    ("it", include_str!("../data/offplatform/it.tsv")),
    ("id", include_str!("../data/offplatform/id.tsv")),
    ("tl", include_str!("../data/offplatform/tl.tsv")),
    ("tr", include_str!("../data/offplatform/tr.tsv")),
    ("ru", include_str!("../data/offplatform/ru.tsv")),
    ("ar", include_str!("../data/offplatform/ar.tsv")),
    ("vi", include_str!("../data/offplatform/vi.tsv")),
    ("zh", include_str!("../data/offplatform/zh.tsv")),
    ("ko", include_str!("../data/offplatform/ko.tsv")),
    ("ja", include_str!("../data/offplatform/ja.tsv")),
    ("th", include_str!("../data/offplatform/th.tsv")),
    ("fa", include_str!("../data/offplatform/fa.tsv")),
    ("indic", include_str!("../data/offplatform/indic.tsv")),
];

/// A row of a data file that cannot be read, named by file and line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct DataError {
    /// The file (`channels/intl.tsv`).
    pub file: String,
    /// The line, from 1.
    pub line: usize,
    /// What is wrong with it.
    pub reason: String,
}

impl std::fmt::Display for DataError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}:{}: {}", self.file, self.line, self.reason)
    }
}

/// The rows of a tab-separated data file that are not blank or comments, with their line
/// numbers.
fn data_rows(text: &'static str) -> impl Iterator<Item = (usize, Vec<&'static str>)> {
    text.lines().enumerate().filter_map(|(idx, line)| {
        let line = line.trim_end_matches('\r');
        if line.trim().is_empty() || line.starts_with('#') {
            return None;
        }
        Some((idx + 1, line.split('\t').collect()))
    })
}

/// A literal as people type it, written in a script other than ASCII, as a regex fragment
/// over the folded, lower-cased text: folded the way texts are, escaped, a space matching
/// any run of spaces, and a trailing `*` any ASCII letters after it (an inflected ending of
/// a word folded to ASCII). Also says whether the folded literal starts and ends with an
/// ASCII letter or digit (where a word boundary can be asked for).
fn literal_pattern(literal: &str) -> (String, bool, bool) {
    let (literal, stem) = match literal.strip_suffix('*') {
        Some(stem) => (stem, true),
        None => (literal, false),
    };
    let folded = crate::normalize::Normalized::new(literal)
        .lower()
        .to_string();
    let mut pattern = folded
        .split(' ')
        .filter(|part| !part.is_empty())
        .map(regex::escape)
        .collect::<Vec<_>>()
        .join(r"\s+");
    if stem {
        pattern.push_str("[a-z]*");
    }
    // A script that folds wholly to ASCII letters (Cyrillic, Greek) separates words with
    // spaces: its names are whole words. One that keeps other characters (Thai, Arabic,
    // Devanagari, CJK) may join a name to the words around it ("แอดไลน์", "بالواتساب").
    let ascii_word = |c: Option<char>| c.is_some_and(|c| c.is_ascii_alphanumeric());
    let whole_words = folded.is_ascii();
    let starts = whole_words && ascii_word(folded.chars().next());
    let ends = whole_words && ascii_word(folded.chars().last());
    (pattern, starts, ends)
}

fn parse_kind(field: &str) -> Option<crate::Kind> {
    use crate::Kind;
    Some(match field {
        "messenger" => Kind::Messenger,
        "social" => Kind::Social,
        "meeting" => Kind::Meeting,
        "payment" => Kind::Payment,
        _ => return None,
    })
}

/// Reads every channel data file.
pub(crate) fn read_channel_names() -> Result<Vec<ChannelName>, DataError> {
    let mut names = Vec::new();
    for &(lang, text) in CHANNEL_FILES {
        for (line, fields) in data_rows(text) {
            let error = |reason: &str| DataError {
                file: format!("channels/{lang}.tsv"),
                line,
                reason: reason.to_string(),
            };
            let [kind, value, word, spelling, rest @ ..] = fields.as_slice() else {
                return Err(error("expected kind, value, word, spelling [, id]"));
            };
            let kind = parse_kind(kind).ok_or_else(|| error("unknown kind"))?;
            let word = match *word {
                "name" => WordClass::Name,
                "ordinary" => WordClass::Ordinary,
                _ => return Err(error("word must be `name` or `ordinary`")),
            };
            if spelling.is_empty() || value.is_empty() {
                return Err(error("empty value or spelling"));
            }
            if !spelling.is_ascii() && spelling.contains(['|', '(', '[', '\\', '?', '+']) {
                return Err(error(
                    "a spelling in another script is a literal: one per row",
                ));
            }
            let (pattern, bounded_start, bounded_end) = if spelling.is_ascii() {
                (spelling.to_ascii_lowercase(), true, true)
            } else {
                literal_pattern(spelling)
            };
            // A fragment must compile on its own and capture nothing: it is put inside the
            // channel group of every shape.
            match regex_syntax::parse(&pattern) {
                Ok(hir) if hir.properties().explicit_captures_len() == 0 => {}
                Ok(_) => return Err(error("spelling has a capture group")),
                Err(e) => return Err(error(&format!("spelling does not parse: {e}"))),
            }
            let id_shape = match rest {
                [] => None,
                [id] if !id.is_empty() => Some(*id),
                _ => return Err(error("too many fields")),
            };
            names.push(ChannelName {
                kind,
                value,
                word,
                pattern,
                bounded_start,
                bounded_end,
                id_shape,
            });
        }
    }
    Ok(names)
}

/// Every way of writing a channel's name, from the data files (see
/// `data/channels/README.md`).
pub(crate) fn channel_names() -> &'static [ChannelName] {
    static NAMES: std::sync::LazyLock<Vec<ChannelName>> = std::sync::LazyLock::new(|| {
        // The files are part of the build; a test reads them the same way.
        read_channel_names().unwrap_or_else(|e| panic!("channel data: {e}"))
    });
    &NAMES
}

/// What an off-platform cue word says.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum CueRole {
    /// Paying or sending money ("pay", "pague", "bayar").
    Pay,
    /// What is still to be paid ("the next milestone", "el resto", "baaki").
    Remainder,
    /// "directly", "privately": away from the platform only with a word of paying.
    Direct,
    /// "outside the platform", "por fora", "platform ke bahar".
    Outside,
    /// The platform's own way ("through the platform", "escrow"): not a request.
    Inside,
    /// "add me", "write me", "напиши мне".
    Contact,
    /// The channel is the subject of the work ("bot", "integración").
    Work,
}

/// One row of a `data/offplatform/*.tsv` file.
#[derive(Debug, Clone)]
pub(crate) struct Cue {
    /// What the phrase says.
    pub role: CueRole,
    /// The phrase folded and lower-cased like the text.
    pub phrase: String,
    /// A stem: any word starting with the phrase.
    pub stem: bool,
}

/// Reads every off-platform cue file.
pub(crate) fn read_cues() -> Result<Vec<Cue>, DataError> {
    let mut cues = Vec::new();
    for &(lang, text) in CUE_FILES {
        for (line, fields) in data_rows(text) {
            let error = |reason: &str| DataError {
                file: format!("offplatform/{lang}.tsv"),
                line,
                reason: reason.to_string(),
            };
            let [role, phrase] = fields.as_slice() else {
                return Err(error("expected role, phrase"));
            };
            let role = match *role {
                "pay" => CueRole::Pay,
                "remainder" => CueRole::Remainder,
                "direct" => CueRole::Direct,
                "outside" => CueRole::Outside,
                "inside" => CueRole::Inside,
                "contact" => CueRole::Contact,
                "work" => CueRole::Work,
                _ => return Err(error("unknown role")),
            };
            let (phrase, stem) = match phrase.strip_suffix('*') {
                Some(stem) => (stem, true),
                None => (*phrase, false),
            };
            let folded = crate::normalize::Normalized::new(phrase)
                .lower()
                .to_string();
            let folded = folded.split_whitespace().collect::<Vec<_>>().join(" ");
            if folded.len() < 2 {
                return Err(error("phrase too short"));
            }
            cues.push(Cue {
                role,
                phrase: folded,
                stem,
            });
        }
    }
    Ok(cues)
}

/// Every off-platform cue phrase, from the data files.
pub(crate) fn cues() -> &'static [Cue] {
    static CUES: std::sync::LazyLock<Vec<Cue>> = std::sync::LazyLock::new(|| {
        read_cues().unwrap_or_else(|e| panic!("off-platform cue data: {e}"))
    });
    &CUES
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

//! Wires [`payment_ids`](super::payment_ids) into the engine: runs the finder over the folded
//! text (where fullwidth digits are ASCII and zero-width characters are gone) and maps each
//! match back to the original text. Also finds the identifiers of national instant-payment
//! rails that have a shape of their own: UPI payment addresses (`name@okaxis`, with the
//! handle checked against NPCI's list in `data/payments/upi_handles.txt`) and PIX keys after
//! a PIX cue (CPF and CNPJ with their check digits, a random key, an e-mail or a phone).

use super::payment_ids::{PaymentIdFinder, PaymentIdMatch};
use super::{Detector, ScanContext};
use crate::normalize::Normalized;
use crate::{Finding, Kind};

/// Finds IBANs, card numbers, crypto addresses and bank account details.
#[derive(Default)]
pub struct PaymentIdDetector {
    finder: PaymentIdFinder,
}

impl Detector for PaymentIdDetector {
    fn name(&self) -> &'static str {
        "payment_ids"
    }

    fn kinds(&self) -> &'static [Kind] {
        &[Kind::Payment]
    }

    fn detect(&self, text: &Normalized<'_>, _scan: &ScanContext<'_>, out: &mut Vec<Finding>) {
        let mut matches: Vec<PaymentIdMatch> = Vec::new();
        self.finder.find(text.folded(), &mut matches);
        aba_dashed(text.folded(), &mut matches);
        ibans_across_words(text.folded(), &mut matches);
        upi_addresses(text.lower(), &mut matches);
        pix_keys(text.lower(), &mut matches);
        matches.sort_by_key(|m| m.start);
        accounts_after_words(text.lower(), &mut matches);
        let n_folded = matches.len();
        ibans_in_words(text, &self.finder, &mut matches);
        for (idx, m) in matches.into_iter().enumerate() {
            let (start, end) = if idx < n_folded {
                text.original_span(m.start, m.end)
            } else {
                // Found in the compact view: already mapped to the original text.
                (m.start, m.end)
            };
            out.push(Finding::new(
                Kind::Payment,
                Some(m.method.to_string()),
                start,
                end,
                m.confidence,
                m.rule,
            ));
        }
    }
}

/// A byte of an ASCII word (what `(?-u:\b)` sees as one).
fn is_ascii_word_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_'
}

/// The starts of two `letter` bytes after an ASCII word boundary followed by two ASCII
/// digits, in order: what `\b[A-Z]{2}[0-9]{2}` (or `[a-z]`) finds, all of them (two such
/// places never overlap). They are looked for from the digits, eight bytes at a time: a
/// text has far fewer digits than letters, and a regex's DFA would read every byte.
fn letter_digit_heads(bytes: &[u8], letter: fn(&u8) -> bool) -> impl Iterator<Item = usize> + '_ {
    let at = move |i: usize| bytes.get(i).is_some_and(letter);
    let digit = |i: usize| bytes.get(i).is_some_and(u8::is_ascii_digit);
    let mut chunk_start = 0;
    let mut digits = 0u64;
    std::iter::from_fn(move || loop {
        if digits == 0 {
            // The next chunk of eight bytes with a digit.
            loop {
                if chunk_start >= bytes.len() {
                    return None;
                }
                let chunk = bytes.get(chunk_start..chunk_start + 8);
                digits = match chunk {
                    Some(chunk) => {
                        let lanes = u64::from_le_bytes(chunk.try_into().unwrap_or([0; 8]));
                        super::ascii_digit_lanes(lanes)
                    }
                    // The tail: a byte at a time, in the same lanes.
                    None => bytes[chunk_start..]
                        .iter()
                        .enumerate()
                        .filter(|(_, b)| b.is_ascii_digit())
                        .fold(0, |lanes, (lane, _)| lanes | 0x80 << (8 * lane)),
                };
                chunk_start += 8;
                if digits != 0 {
                    break;
                }
            }
        }
        let lane = digits.trailing_zeros() as usize / 8;
        digits &= digits - 1;
        // The first of the two digits.
        let first_digit = chunk_start - 8 + lane;
        let Some(i) = first_digit.checked_sub(2) else {
            continue;
        };
        // Most digits follow another digit or a space: the letter before goes first.
        if at(i + 1)
            && at(i)
            && digit(first_digit + 1)
            && (i == 0 || !is_ascii_word_byte(bytes[i - 1]))
        {
            return Some(i);
        }
    })
}

/// IBANs whose groups are split by words ("FR76 3000 3036 puis 2090 4936 5061 et à la fin
/// 427", "TR67 0006 2016 — devamı — 0852 1860 2769 48"): from each country code and check
/// digits at a word start, the groups of digits and capitals that follow are joined, words
/// and punctuation between them skipped (at most four words in a row, within 160 bytes), and
/// the longest join that `iban_validate` accepts is taken. Only when some word was skipped:
/// the finder has tried the groups written together already.
fn ibans_across_words(folded: &str, out: &mut Vec<PaymentIdMatch>) {
    const REACH: usize = 160;
    let b = folded.as_bytes();
    let upper = |i: usize| b.get(i).is_some_and(u8::is_ascii_uppercase);
    let digit = |i: usize| b.get(i).is_some_and(u8::is_ascii_digit);
    let n_before = out.len();
    let mut resume = 0;
    // A country code and check digits standing alone, then a space (`\b[A-Z]{2}[0-9]{2}[ \t]`):
    // where a split IBAN can start.
    let heads = letter_digit_heads(b, u8::is_ascii_uppercase)
        .filter(|&i| matches!(b.get(i + 4), Some(b' ' | b'\t')));
    for i in heads {
        if i < resume || !(upper(i) && upper(i + 1) && digit(i + 2) && digit(i + 3)) {
            continue;
        }
        let covered = out[..n_before].iter().any(|m| m.start <= i && i < m.end);
        let mut electronic = String::with_capacity(34);
        electronic.push_str(&folded[i..i + 4]);
        let (mut j, mut skipped, mut words_in_row) = (i + 4, false, 0);
        let mut best: Option<usize> = None;
        while j < b.len() && j - i < REACH && electronic.len() <= 34 && words_in_row <= 4 {
            if !b[j].is_ascii_alphanumeric() {
                j += 1;
                continue;
            }
            let mut end = j;
            while end < b.len() && b[end].is_ascii_alphanumeric() {
                end += 1;
            }
            let token = &folded[j..end];
            let group = token
                .bytes()
                .all(|c| c.is_ascii_digit() || c.is_ascii_uppercase());
            if group {
                electronic.push_str(token);
                words_in_row = 0;
                if skipped
                    && electronic.len() >= 15
                    && electronic.len() <= 34
                    && super::payment_ids::iban_valid(&electronic)
                {
                    best = Some(end);
                }
            } else {
                skipped = true;
                words_in_row += 1;
            }
            j = end;
        }
        if let (Some(end), false) = (best, covered) {
            out.push(PaymentIdMatch {
                start: i,
                end,
                method: "iban",
                confidence: 0.9,
                rule: "payment_ids/iban_across_words",
            });
            resume = end;
        }
    }
}

/// IBANs written with number words inside ("GB29 NWBK six zero one six …"): the finder run
/// over the compact view, where number words are digits, in a window after each country code
/// and check digits there. Only IBANs are taken from it (their checksum and country format make a
/// chance reading harmless) and only where the folded text gave none; each is pushed with its
/// span in the original text.
fn ibans_in_words(text: &Normalized<'_>, finder: &PaymentIdFinder, out: &mut Vec<PaymentIdMatch>) {
    let compact = text.compact();
    // Only where an IBAN can start: a country code and check digits standing alone
    // (`\b[a-z]{2}[0-9]{2}\b`), read in a window of the longest IBAN written one character a
    // word.
    let bytes = compact.as_bytes();
    let heads = letter_digit_heads(bytes, u8::is_ascii_lowercase)
        .filter(|&i| !bytes.get(i + 4).is_some_and(|&b| is_ascii_word_byte(b)));
    let mut found = Vec::new();
    // A card number read out in words beside a word for a card ("card is four four nine
    // nine, oh nine five one, …", "a mi tarjeta: cuatro uno cinco dos, …"): the Luhn check
    // and the card word make a chance reading harmless. Only where some number was read
    // from words: elsewhere the folded text gave the same digits.
    if compact != text.folded() {
        found.extend(cards_read_out(compact, finder));
    }
    let mut resume = 0;
    for head in heads {
        if head < resume {
            continue;
        }
        let end = crate::normalize::floor_char_boundary(compact, head + 34 * 2 + 8);
        let mut window = Vec::new();
        finder.find(&compact[head..end], &mut window);
        for mut m in window
            .into_iter()
            .filter(|m| m.method == "iban" && m.start == 0)
        {
            m.start += head;
            m.end += head;
            resume = m.end;
            found.push(m);
        }
    }
    let tokens = text.tokens();
    let original_at = |offset: usize, end: bool| -> Option<usize> {
        let idx = tokens.partition_point(|t| t.text_range().end <= offset);
        let token = tokens.get(idx)?;
        Some(if end { token.end() } else { token.start() })
    };
    let n_folded: Vec<(usize, usize)> = out
        .iter()
        .map(|m| text.original_span(m.start, m.end))
        .collect();
    for m in found {
        let (Some(start), Some(end)) = (original_at(m.start, false), original_at(m.end - 1, true))
        else {
            continue;
        };
        if n_folded.iter().any(|&(s, e)| s < end && start < e) {
            continue;
        }
        let rule = match m.method {
            "iban" => "payment_ids/iban_in_words",
            "bank" => "payment_ids/bank_in_words",
            _ => "payment_ids/card_in_words",
        };
        out.push(PaymentIdMatch {
            start,
            end,
            rule,
            ..m
        });
    }
}

/// Card numbers read out digit by digit in the compact view ("4 1 5 2, 5 8 9 5, …"): runs of
/// 13 to 19 digits parted by spaces, commas or dashes, each run read by the finder as one
/// number after the words before it, and kept only when the finder finds a card there that
/// a card word cues (its Luhn check holds).
fn cards_read_out(compact: &str, finder: &PaymentIdFinder) -> Vec<PaymentIdMatch> {
    let b = compact.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < b.len() {
        if !b[i].is_ascii_digit() || (i > 0 && b[i - 1].is_ascii_alphanumeric()) {
            i += 1;
            continue;
        }
        let start = i;
        let mut end = i;
        let mut digits = String::new();
        while i < b.len() {
            if b[i].is_ascii_digit() {
                digits.push(char::from(b[i]));
                i += 1;
                end = i;
            } else if matches!(b[i], b' ' | b',' | b'-' | b'.')
                && b[i..].iter().take(3).any(u8::is_ascii_digit)
                && b[i..]
                    .iter()
                    .take_while(|c| !c.is_ascii_digit())
                    .all(|c| matches!(c, b' ' | b',' | b'-' | b'.'))
            {
                i += 1;
            } else {
                break;
            }
        }
        if !(13..=19).contains(&digits.len()) || b.get(end).is_some_and(u8::is_ascii_alphanumeric) {
            continue;
        }
        let from = crate::normalize::floor_char_boundary(compact, start.saturating_sub(48));
        let probe = format!("{}{digits}", &compact[from..start]);
        let mut found = Vec::new();
        finder.find(&probe, &mut found);
        if found.iter().any(|m| {
            m.method == "card"
                && m.confidence >= super::payment_ids::CONF_CARD_CUED
                && m.start == start - from
        }) {
            out.push(PaymentIdMatch {
                start,
                end,
                method: "card",
                confidence: super::payment_ids::CONF_CARD_CUED,
                rule: "payment_ids/card_in_words",
            });
        }
    }
    out
}

/// A routing number written in its dashed `XXXX-YYYY-C` form ("3222-7162-7") is recognisable
/// without a keyword: the shape is rare and the ABA checksum must hold. Low confidence.
fn aba_dashed(text: &str, out: &mut Vec<PaymentIdMatch>) {
    if !text.contains('-') {
        return;
    }
    // The finder's matches come in text order and never overlap.
    let n_found = out.len();
    let b = text.as_bytes();
    let digit = |i: usize| b.get(i).is_some_and(u8::is_ascii_digit);
    // Every shape has its first dash at `i + 4`: only those starts are looked at, in order,
    // and a shape found skips the starts inside it.
    let mut next_start = 0;
    for dash in memchr::memchr_iter(b'-', b) {
        let Some(i) = dash.checked_sub(4) else {
            continue;
        };
        // The second dash is what most dashes of a text (dates, ranges, part numbers) lack:
        // it is looked at first.
        if b.get(i + 9) != Some(&b'-') || i < next_start || i + 11 > b.len() {
            continue;
        }
        let shaped = (0..4).all(|k| digit(i + k))
            && (5..9).all(|k| digit(i + k))
            && b[i + 9] == b'-'
            && digit(i + 10);
        let bounded = (i == 0 || !b[i - 1].is_ascii_alphanumeric() && b[i - 1] != b'-')
            && !(i + 11 < b.len() && (b[i + 11].is_ascii_alphanumeric() || b[i + 11] == b'-'));
        if shaped && bounded {
            let digits: Vec<u8> = b[i..i + 11]
                .iter()
                .copied()
                .filter(u8::is_ascii_digit)
                .collect();
            let (start, end) = (i, i + 11);
            if super::payment_ids::aba_valid(&digits)
                && !overlaps_sorted(&out[..n_found], start, end)
            {
                out.push(PaymentIdMatch {
                    start,
                    end,
                    method: "bank",
                    confidence: 0.5,
                    rule: "payment_ids/aba_dashed",
                });
            }
            next_start = i + 11;
        }
    }
}

/// Whether `start..end` overlaps one of `sorted` (in text order, not overlapping each other).
fn overlaps_sorted(sorted: &[PaymentIdMatch], start: usize, end: usize) -> bool {
    let idx = sorted.partition_point(|m| m.start < end);
    idx > 0 && sorted[idx - 1].end > start
}

/// The UPI handles of NPCI's members, one a line (see the file's header).
const UPI_HANDLES: &str = include_str!("../../data/payments/upi_handles.txt");

/// Whether `handle` (lower case) is a UPI handle of [`UPI_HANDLES`].
fn is_upi_handle(handle: &[u8]) -> bool {
    UPI_HANDLES
        .lines()
        .filter(|line| !line.starts_with('#'))
        .any(|line| line.trim().as_bytes() == handle)
}

/// UPI virtual payment addresses in `lower` (the folded, lower-cased text): a name or a
/// number, `@`, and a handle of [`UPI_HANDLES`] that ends the word. `alex@okaxis.com` is an
/// e-mail address, not a payment address: a handle followed by a dot and a letter is not one.
fn upi_addresses(lower: &str, out: &mut Vec<PaymentIdMatch>) {
    let b = lower.as_bytes();
    let local_byte = |c: u8| c.is_ascii_alphanumeric() || matches!(c, b'.' | b'_' | b'-');
    for at in memchr::memchr_iter(b'@', b) {
        let mut start = at;
        while start > 0 && local_byte(b[start - 1]) && at - start < 64 {
            start -= 1;
        }
        // The name starts with a letter or digit and has at least two bytes.
        while start < at && !b[start].is_ascii_alphanumeric() {
            start += 1;
        }
        if at - start < 2 || (start > 0 && local_byte(b[start - 1])) {
            continue;
        }
        let mut end = at + 1;
        while end < b.len() && b[end].is_ascii_alphanumeric() {
            end += 1;
        }
        let goes_on = match b.get(end) {
            Some(b'.') => b.get(end + 1).is_some_and(u8::is_ascii_alphanumeric),
            Some(&c) => c == b'_' || c == b'-' || c == b'@',
            None => false,
        };
        if end == at + 1 || goes_on || !is_upi_handle(&b[at + 1..end]) {
            continue;
        }
        out.push(PaymentIdMatch {
            start,
            end,
            method: "upi",
            confidence: 0.9,
            rule: "payment_ids/upi_address",
        });
    }
}

/// PIX keys after a PIX cue ("pix", "chave pix", "pix key", or a key named by its PIX type:
/// "chave aleatória", "chave CPF", "chave celular"), past the key's type in parentheses and
/// a few words of the same sentence ("pix mesmo, a chave é meu CPF …"): a
/// CPF or CNPJ whose check digits hold, a random key (a UUID), an e-mail address or a phone
/// number. The e-mail and phone
/// detectors report those as what they also are.
fn pix_keys(lower: &str, out: &mut Vec<PaymentIdMatch>) {
    use std::sync::LazyLock;
    static PIX: LazyLock<regex::Regex> = LazyLock::new(|| {
        crate::lexicon::ascii_regex(
            r"(?:\b(?:chave\s+)?pix\b|\bchave\s+(?:aleatori[ao]|evp|cpf|cnpj|e-?mail|celular|telefone)\b)(?:\s*(?:key|chave|aleatori[ao]|evp|cpf|cnpj|e-?mail|celular|telefone|tel|do|da|de|para|pra|pro|no|na|e|eh|is|o|a|meu|minha|mesmo|mesma|my|numero|number|:|-|=|,|\((?:cpf|cnpj|e-?mail|celular|telefone|aleatori[ao]|evp)\)|[^\s\d@.,;:!?()/=-]{1,12}[\s,:])){0,10}\s*(?P<key>[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|\d{2}\.?\d{3}\.?\d{3}/?\d{4}-?\d{2}|\d{3}\.?\d{3}\.?\d{3}-?\d{2}|[a-z0-9._%+-]+@[a-z0-9-]+(?:\.[a-z0-9-]+)+|\+?\(?\d[\d\s().-]{8,17}\d)",
        )
    });
    // Built once: `memmem::find` sets up a searcher for each call.
    static CUES: LazyLock<[memchr::memmem::Finder<'static>; 2]> = LazyLock::new(|| {
        [
            memchr::memmem::Finder::new(b"pix"),
            memchr::memmem::Finder::new(b"chave"),
        ]
    });
    if CUES.iter().all(|cue| cue.find(lower.as_bytes()).is_none()) {
        return;
    }
    for caps in PIX.captures_iter(lower) {
        let Some(key) = caps.name("key") else {
            continue;
        };
        let text = key.as_str();
        let digits: Vec<u8> = text.bytes().filter(u8::is_ascii_digit).collect();
        let valid = if text.contains('@') || text.len() == 36 && text.contains('-') {
            true
        } else if text.contains('/') || digits.len() == 14 && cnpj_valid(&digits) {
            cnpj_valid(&digits)
        } else if digits.len() == 11 && cpf_valid(&digits) {
            true
        } else if text.contains('.') {
            // Dotted like a CPF, and its check digits fail.
            false
        } else {
            // A phone number: a two-digit area code, then a mobile's 9 and eight digits or a
            // landline's eight digits starting 2 to 5 (with +55 before them, or not).
            let national = digits
                .strip_prefix(b"55".as_slice())
                .filter(|_| text.starts_with('+'));
            let national = national.unwrap_or(&digits);
            match national.len() {
                11 => national[2] == b'9',
                10 => (b'2'..=b'5').contains(&national[2]),
                _ => false,
            }
        };
        if valid {
            out.push(PaymentIdMatch {
                start: key.start(),
                end: key.end(),
                method: "pix",
                confidence: 0.9,
                rule: "payment_ids/pix_key",
            });
        }
    }
}

/// The CPF check digits (mod 11 over weights 10..2, then 11..2); not one repeated digit.
fn cpf_valid(d: &[u8]) -> bool {
    if d.len() != 11 || d.iter().all(|&c| c == d[0]) {
        return false;
    }
    let digit = |n: usize| -> u8 {
        let sum: u32 = (0..n)
            .map(|i| u32::from(d[i] - b'0') * (n as u32 + 1 - i as u32))
            .sum();
        let r = (sum * 10) % 11;
        if r == 10 {
            0
        } else {
            r as u8
        }
    };
    digit(9) == d[9] - b'0' && digit(10) == d[10] - b'0'
}

/// The CNPJ check digits (mod 11 over the weights 5..2,9..2 and 6..2,9..2).
fn cnpj_valid(d: &[u8]) -> bool {
    const W1: [u32; 12] = [5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2];
    const W2: [u32; 13] = [6, 5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2];
    if d.len() != 14 || d.iter().all(|&c| c == d[0]) {
        return false;
    }
    let digit = |weights: &[u32]| -> u8 {
        let sum: u32 = weights
            .iter()
            .zip(d)
            .map(|(w, &c)| w * u32::from(c - b'0'))
            .sum();
        let r = sum % 11;
        if r < 2 {
            0
        } else {
            (11 - r) as u8
        }
    };
    digit(&W1) == d[12] - b'0' && digit(&W2) == d[13] - b'0'
}

/// The words that name a bank account before its number, in many languages (see the file).
const ACCOUNT_WORDS: &str = include_str!("../../data/payments/account_words.tsv");

/// The phrases of [`ACCOUNT_WORDS`] as one automaton, and whether each may end a longer word.
fn account_words() -> &'static (aho_corasick::AhoCorasick, Vec<bool>) {
    use std::sync::LazyLock;
    static WORDS: LazyLock<(aho_corasick::AhoCorasick, Vec<bool>)> = LazyLock::new(|| {
        let rows: Vec<(String, bool)> = ACCOUNT_WORDS
            .lines()
            .filter(|line| !line.starts_with('#') && !line.trim().is_empty())
            .filter_map(|line| line.split_once('\t'))
            .map(|(_, phrase)| {
                let phrase = phrase.trim();
                match phrase.strip_prefix('*') {
                    Some(rest) => (rest.to_string(), true),
                    None => (phrase.to_string(), false),
                }
            })
            .collect();
        // A DFA: the phrases' first bytes ("b", "n", "c") are common, and the default NFA
        // follows failure links byte by byte wherever its prefilter lets a candidate through.
        let automaton = aho_corasick::AhoCorasick::builder()
            .kind(Some(aho_corasick::AhoCorasickKind::DFA))
            .match_kind(aho_corasick::MatchKind::LeftmostLongest)
            .build(rows.iter().map(|(phrase, _)| phrase))
            // The phrases are the constant file above, never user data.
            .expect("the account words form a valid automaton");
        (
            automaton,
            rows.into_iter().map(|(_, suffix)| suffix).collect(),
        )
    });
    &WORDS
}

/// The banks' names of `data/channels/banks.tsv` ("GTBank", "Capitec", "BDO", "카뱅") as one
/// regex over the folded, lower-cased text, one pattern a row, and whether each row's name is
/// also an everyday word ("access", "mandiri"), which names the bank only before a word for
/// an account ("Access account 0714…").
fn bank_names() -> &'static (regex_automata::meta::Regex, Vec<bool>) {
    use std::sync::LazyLock;
    static BANKS: LazyLock<(regex_automata::meta::Regex, Vec<bool>)> = LazyLock::new(|| {
        let rows: Vec<&crate::lexicon::ChannelName> = crate::lexicon::channel_names()
            .iter()
            .filter(|c| c.file == "banks")
            .collect();
        let patterns: Vec<String> = rows
            .iter()
            .map(|c| {
                let head = if c.bounded_start { r"(?-u:\b)" } else { "" };
                let tail = if c.bounded_end { r"(?-u:\b)" } else { "" };
                format!("{head}(?:{}){tail}", c.pattern)
            })
            .collect();
        let regex = regex_automata::meta::Regex::new_many(&patterns)
            // The rows are the constant data file, whose every row a test compiles.
            .expect("the banks' names form a valid regex");
        let ordinary = rows
            .iter()
            .map(|c| c.word == crate::lexicon::WordClass::Ordinary)
            .collect();
        (regex, ordinary)
    });
    &BANKS
}

/// Words for an account that an everyday bank name needs after it ("Access account",
/// "Equity acc", "rekening", "cuenta"), a user's account of a website being named by the
/// bank's name before it.
const GENERIC_ACCOUNT_WORDS: &[&str] = &[
    "account", "acct", "acc", "a/c", "akaun", "rekening", "cuenta", "conta", "compte", "konto",
    "conto", "hesap", "hesabi", "hesabim", "akaunti",
];

/// Where the word after `at` in `lower` ends, when it is one of [`GENERIC_ACCOUNT_WORDS`].
fn account_word_after(lower: &str, at: usize) -> Option<usize> {
    let rest = lower[at..].trim_start_matches([' ', ':', '-']);
    let word_end = rest
        .find(|c: char| !(c.is_alphanumeric() || c == '/'))
        .unwrap_or(rest.len());
    GENERIC_ACCOUNT_WORDS
        .contains(&&rest[..word_end])
        .then(|| lower.len() - rest.len() + word_end)
}

/// The fewest and most digits of an account number after an account word.
const WORDED_ACCOUNT_DIGITS: std::ops::RangeInclusive<usize> = 7..=20;

/// Bank account numbers after a word for a bank account in any language ("número de
/// cuenta", "rekening BCA", "số tài khoản", "ব্যাংক অ্যাকাউন্ট", "Access Bank"): a number of
/// 7 to 20 digits, its groups joined by spaces, dots or dashes, at most two short words
/// and 32 bytes after the word in the same clause. Not a number labelled as something else
/// ("bank ticket 20231187"). Not a number already read as something else, one digit
/// repeated, or a range of years ("bank statements 2019-2023").
fn accounts_after_words(lower: &str, out: &mut Vec<PaymentIdMatch>) {
    let (words, suffix) = account_words();
    let b = lower.as_bytes();
    let word_byte = |c: u8| c.is_ascii_alphanumeric() || c >= 0x80;
    let mut found = Vec::new();
    // The words are looked for only before a number long enough to be an account: most
    // texts have none, and a long one has few.
    let mut windows: Vec<(usize, usize)> = Vec::new();
    let mut i = 0;
    while i < b.len() {
        if !b[i].is_ascii_digit() || (i > 0 && b[i - 1].is_ascii_alphanumeric()) {
            i += 1;
            continue;
        }
        let start = i;
        let mut digits = 0;
        while i < b.len()
            && (b[i].is_ascii_digit()
                || (matches!(b[i], b' ' | b'.' | b'-' | b'/')
                    && b.get(i + 1).is_some_and(u8::is_ascii_digit)))
        {
            digits += usize::from(b[i].is_ascii_digit());
            i += 1;
        }
        if digits >= *WORDED_ACCOUNT_DIGITS.start() {
            // The word, up to two short words and 32 bytes, then the number.
            let from = crate::normalize::floor_char_boundary(lower, start.saturating_sub(96));
            match windows.last_mut() {
                Some(last) if from <= last.1 => last.1 = start,
                _ => windows.push((from, start)),
            }
        }
    }
    let matches = windows
        .iter()
        .flat_map(|&(from, to)| words.find_iter(aho_corasick::Input::new(lower).range(from..to)))
        .filter(|m| {
            // A whole word, except a `*` phrase, which may end a longer one ("gtbank"); a
            // phrase in a script without ASCII letters needs no edge.
            let (start, end) = (m.start(), m.end());
            let may_end_word = suffix.get(m.pattern().as_usize()).copied().unwrap_or(false);
            !(b[start].is_ascii_alphabetic()
                && ((!may_end_word && start > 0 && word_byte(b[start - 1]))
                    || b.get(end).is_some_and(|&c| c.is_ascii_alphanumeric())))
        })
        .map(|m| m.end());
    // A bank's name before the number ("my Capitec account 1458290371", "GTB 0217463895");
    // an everyday one only with a word for an account after it.
    let (banks, ordinary) = bank_names();
    let named = windows
        .iter()
        .flat_map(|&(from, to)| banks.find_iter(regex_automata::Input::new(lower).range(from..to)))
        .filter_map(|m| match account_word_after(lower, m.end()) {
            // The number is read after the account word, which labels it as the bank's.
            Some(end) => Some(end),
            None if !ordinary
                .get(m.pattern().as_usize())
                .copied()
                .unwrap_or(false) =>
            {
                Some(m.end())
            }
            None => None,
        });
    for end in matches.chain(named) {
        let Some((num_start, num_end, digits)) = number_after(b, end) else {
            continue;
        };
        if !WORDED_ACCOUNT_DIGITS.contains(&digits.len())
            || digits.iter().all(|&d| d == digits[0])
            || is_year_range(&lower[num_start..num_end])
            || overlaps_sorted(out, num_start, num_end)
            // A label between the word and the number ("bank ticket 20231187"): the account
            // word itself may be one ("a/c", "account"), which labels a bank account.
            || crate::context::labelled_as_other(&lower[end..], num_start - end, num_end - end)
        {
            continue;
        }
        found.push(PaymentIdMatch {
            start: num_start,
            end: num_end,
            method: "bank",
            confidence: 0.7,
            rule: "payment_ids/account_after_word",
        });
    }
    found.sort_by_key(|m| m.start);
    found.dedup_by_key(|m| m.start);
    out.extend(found);
}

/// The number that follows `from` in `b` past at most two short words (of letters, 15
/// bytes at most) and separators, within 32 bytes and the same clause (no `,` or `;`): `(start, end, digits)`. Its groups are
/// joined by one space, `.`, `-` or `/`, and it is not glued to a letter or another digit.
fn number_after(b: &[u8], from: usize) -> Option<(usize, usize, Vec<u8>)> {
    const REACH: usize = 32;
    let mut i = from;
    let mut words = 0;
    while i < b.len() && i - from <= REACH {
        let c = b[i];
        if c.is_ascii_digit() {
            break;
        }
        if c.is_ascii_alphabetic() || c >= 0x80 {
            let word_start = i;
            while i < b.len() && (b[i].is_ascii_alphabetic() || b[i] >= 0x80) {
                i += 1;
            }
            words += 1;
            if words > 2 || i - word_start > 15 || b.get(i).is_some_and(u8::is_ascii_digit) {
                return None;
            }
            continue;
        }
        let clause_ends = c == b'.' && b.get(i + 1).is_some_and(u8::is_ascii_whitespace);
        if clause_ends
            || !matches!(
                c,
                b' ' | b'\t' | b'\n' | b':' | b'-' | b'#' | b'.' | b'(' | b')' | b'=' | b'/'
            )
        {
            return None;
        }
        i += 1;
    }
    if i >= b.len() || !b[i].is_ascii_digit() || i - from > REACH {
        return None;
    }
    if i > 0 && b[i - 1].is_ascii_alphanumeric() {
        return None;
    }
    let start = i;
    let mut digits = Vec::new();
    let mut end = i;
    while i < b.len() {
        if b[i].is_ascii_digit() {
            digits.push(b[i]);
            i += 1;
            end = i;
        } else if matches!(b[i], b' ' | b'.' | b'-' | b'/')
            && b.get(i + 1).is_some_and(u8::is_ascii_digit)
            // A group of one digit after the first group: a branch or check digit
            // ("043-8-27619-5", Thai banks' layout).
            && (b.get(i + 2).is_some_and(u8::is_ascii_digit) || digits.len() >= 3)
        {
            i += 1;
        } else {
            break;
        }
        if digits.len() > *WORDED_ACCOUNT_DIGITS.end() {
            return None;
        }
    }
    if b.get(end).is_some_and(|c| c.is_ascii_alphanumeric()) {
        return None;
    }
    Some((start, end, digits))
}

/// "2019-2023", "2019 2020 2021": years of this era and the last, nothing else.
fn is_year_range(number: &str) -> bool {
    let groups: Vec<&str> = number.split([' ', '.', '-', '/']).collect();
    groups.len() >= 2
        && groups
            .iter()
            .all(|g| g.len() == 4 && (g.starts_with("19") || g.starts_with("20")))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(text: &str) -> Vec<(String, &'static str)> {
        let normalized = crate::normalize::Normalized::new(text);
        let lower = normalized.lower();
        let mut out = Vec::new();
        upi_addresses(lower, &mut out);
        pix_keys(lower, &mut out);
        out.iter()
            .map(|m| (lower[m.start..m.end].to_string(), m.method))
            .collect()
    }

    #[test]
    fn heads_are_where_the_regexes_find_them() {
        let upper = crate::lexicon::ascii_regex(r"\b[A-Z]{2}[0-9]{2}[ \t]");
        let lower = crate::lexicon::ascii_regex(r"\b[a-z]{2}[0-9]{2}\b");
        let words = [
            "DE89",
            "de89",
            "FR76 ",
            "GB29\t",
            "xDE89 ",
            "_FR76 ",
            "é",
            "DE8",
            "DE891",
            "de89x",
            "12",
            "AB12CD34 ",
            "ab12 cd34",
            "DE89 3704",
            "  ",
            ".",
            "Zz99",
            "de",
            "89",
        ];
        let mut seed = 11u64;
        let mut next = move |n: usize| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            (seed % n as u64) as usize
        };
        for _ in 0..2000 {
            let text: String = (0..next(12)).map(|_| words[next(words.len())]).collect();
            let bytes = text.as_bytes();
            let by_regex: Vec<usize> = upper.find_iter(&text).map(|m| m.start()).collect();
            let by_digits: Vec<usize> = letter_digit_heads(bytes, u8::is_ascii_uppercase)
                .filter(|&i| matches!(bytes.get(i + 4), Some(b' ' | b'\t')))
                .collect();
            assert_eq!(by_digits, by_regex, "{text:?}");
            let by_regex: Vec<usize> = lower.find_iter(&text).map(|m| m.start()).collect();
            let by_digits: Vec<usize> = letter_digit_heads(bytes, u8::is_ascii_lowercase)
                .filter(|&i| !bytes.get(i + 4).is_some_and(|&b| is_ascii_word_byte(b)))
                .collect();
            assert_eq!(by_digits, by_regex, "{text:?}");
        }
    }

    #[test]
    fn upi_addresses_need_a_known_handle() {
        for (text, want) in [
            ("pay to rahul.k@okaxis please", Some("rahul.k@okaxis")),
            ("gpay 9876543210@ybl", Some("9876543210@ybl")),
            ("UPI: priya-s@paytm.", Some("priya-s@paytm")),
            ("my upi is shop@upi", Some("shop@upi")),
            ("send on anil@oksbi or anil@okhdfcbank", Some("anil@oksbi")),
            // Look-alikes: e-mail addresses, handles of other sites, unknown handles.
            ("mail rahul@okaxis.com", None),
            ("follow @ybl on x", None),
            ("rahul@gmail", None),
            ("ping a@ybl", None),
            ("rahul@ybl_x", None),
        ] {
            let got = found(text);
            assert_eq!(got.first().map(|(v, _)| v.as_str()), want, "{text}");
            assert!(got.iter().all(|(_, m)| *m == "upi"));
        }
    }

    #[test]
    fn pix_keys_after_a_pix_cue() {
        for (text, want) in [
            ("chave pix: 529.982.247-25", Some("529.982.247-25")),
            ("meu pix é 52998224725", Some("52998224725")),
            ("pix cnpj 11.222.333/0001-81", Some("11.222.333/0001-81")),
            (
                "pix aleatoria 123e4567-e89b-12d3-a456-426614174000",
                Some("123e4567-e89b-12d3-a456-426614174000"),
            ),
            (
                "faz o pix pra joao.silva@gmail.com",
                Some("joao.silva@gmail.com"),
            ),
            (
                "manda no pix: joao.silva@gmail.com",
                Some("joao.silva@gmail.com"),
            ),
            ("pix: (11) 98765-4321", Some("(11) 98765-4321")),
            // A few words of the sentence between the cue and the key.
            (
                "pode mandar por pix mesmo, a chave é meu CPF 529.982.247-25",
                Some("529.982.247-25"),
            ),
            // Look-alikes: bad check digits, no cue, a price.
            ("chave pix: 529.982.247-24", None),
            ("cpf 529.982.247-25", None),
            ("pix: 111.111.111-11", None),
            ("o pix de 150 reais caiu", None),
        ] {
            let got = found(text);
            assert_eq!(got.first().map(|(v, _)| v.as_str()), want, "{text}");
        }
    }

    #[test]
    fn bank_accounts_after_their_words_in_local_formats() {
        let accounts = |text: &str| {
            let normalized = crate::normalize::Normalized::new(text);
            let mut out = Vec::new();
            accounts_after_words(normalized.lower(), &mut out);
            out.len()
        };
        for text in [
            "SBI a/c 3948 2716 0553, IFSC SBIN0004521",
            "posílejte rovnou na účet 2301857742/2010 u Fio",
            "三菱UFJ銀行 普通 1234567 タナカ",
            "ABA 002 487 316 SOK DARA",
            "카뱅 3333-14-7820591",
            "EFT it to my Capitec account 1458290371, use your surname",
            "send am to my GTB 0217463895 (Chidi Okafor)",
            "Pay the balance into my Access account: 0714 269 385",
            "rekening Mandiri 1370012345678 a.n. Rina",
        ] {
            assert_eq!(accounts(text), 1, "{text:?}");
        }
        // A label between the word and the number names something else.
        for text in [
            "bank ticket 20231187",
            "bank statements 2019-2023",
            // An everyday word that names a bank needs a word for an account after it.
            "access code 1458290371",
            "Mandiri 1370012345678",
        ] {
            assert_eq!(accounts(text), 0, "{text:?}");
        }
    }
}

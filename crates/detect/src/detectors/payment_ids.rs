//! Payment identifiers in plain text: IBANs, payment cards, crypto-currency addresses and US
//! bank routing / account numbers.
//!
//! # Design
//!
//! Finding runs in three steps, each linear in the length of the text:
//!
//! 1. **Shortcut.** A token (an ASCII alphanumeric run) can only start an identifier if it
//!    starts with a digit and is 6 digits long or goes on as a digit chain, starts like an
//!    IBAN (`LLDD`) or has the length of a crypto address (`could_start_identifier`). Every
//!    other token, most words and short numbers, is stepped over without a closer look: the
//!    tokens worth trying are found eight bytes at a time, from the first digit of each digit
//!    run and from two eight-byte words of letters and digits in a row (`next_candidate`).
//! 2. **Candidates.** A hand-written scanner walks the ASCII alphanumeric tokens. A token that
//!    touches another letter or digit (ASCII, or a word character of a script that separates
//!    its words with spaces) is *embedded* and never a candidate: `x4111…`, a 64-character
//!    hash, `16Yeky…BoyZ2`. Digit tokens are joined into *chains* of at most 8 (`MAX_GROUPS`)
//!    groups separated by one space or one dash (one separator kind per chain), the way
//!    people write cards (`4-4-4-4`, Amex `4-6-5`) and routing numbers (`4-4-1`); a chain that
//!    yields nothing is left after its first group, so the next group may start its own. A
//!    token that starts like an IBAN is joined the same way with the tokens that follow it, up
//!    to 34 characters; when that fails, the digit groups of the IBAN-shaped part are not
//!    tried as a card (a mistyped IBAN is not a card). No regex is involved, so there is no
//!    backtracking, and chains are bounded, so every byte is looked at a bounded number of
//!    times.
//! 3. **Validation**, a step of its own, with the field's real algorithms rather than a
//!    pattern: `iban_validate` (mod-97 and each country's BBAN format), Luhn (`luhn`) plus an
//!    issuer-prefix and length table for cards, base58check (`bs58`) with its version byte,
//!    bech32/bech32m segwit decoding (`bech32`), EIP-55 over Keccak-256 (`sha3`) and the ABA
//!    3-7-1 checksum with the Federal Reserve prefix ranges. When a whole chain fails, its
//!    prefixes that end at a group boundary are tried, longest first, so that a trailing word
//!    or number ("… 8901 X", "… 1111 12/25") does not hide the identifier before it. (For
//!    IBANs, a running mod-97 over the chain picks the cut points worth handing to
//!    `iban_validate`, which stays the judge.)
//!
//! Keywords are looked up only around a candidate that passed validation, with one
//! Aho-Corasick automaton over a window of a few dozen bytes. They raise a card's confidence,
//! and they are *required* for the US bank numbers: nine or twelve bare digits say nothing,
//! so a routing number is reported only after "routing"/"ABA"/"RTN" and an account number
//! only after "account number"/"acct"/"a/c"/… (within `BANK_CUE_WINDOW`, 40 bytes). Every
//! account keyword holds `acc` or `a/c`, which are rare in text: they are searched for once
//! per text as the scan moves on (`AnchorCursor`), and only a window holding one is searched
//! for keywords.
//!
//! Every offset the finder reports sits next to an ASCII byte or at the end of the text, so
//! it is always a char boundary; the finder never panics and never allocates on the common
//! path (only bech32 decoding allocates, for tokens that start with `bc1`/`tb1`/`ltc1`).

use aho_corasick::{AhoCorasick, MatchKind};
use iban::{Iban, IbanLike, ParseIbanError};
use regex::bytes::Regex;
use sha3::{Digest, Keccak256};

/// One payment identifier found in a text.
#[derive(Debug, Clone, PartialEq)]
pub struct PaymentIdMatch {
    /// Byte offset of the identifier's first byte in the scanned text (a char boundary).
    pub start: usize,
    /// Byte offset one past the identifier's last byte (a char boundary).
    pub end: usize,
    /// Where the money would go: `"iban"`, `"card"`, `"crypto"` or `"bank"`.
    pub method: &'static str,
    /// How sure the finder is that this is a payment identifier, in `0.0..=1.0`.
    pub confidence: f32,
    /// The validation that accepted it, e.g. `"payment_ids/iban_mod97"`.
    pub rule: &'static str,
}

/// Finds IBANs, payment cards, crypto addresses and US bank numbers in a text and validates
/// each with its checksum. Build it once and share it: it is immutable and `Sync`.
#[derive(Debug, Clone)]
pub struct PaymentIdFinder {
    /// All cue keywords of `cue_table`, ASCII case-insensitive, leftmost-longest.
    cues: AhoCorasick,
    /// `CUES` and the card words of other languages (`CARD_WORDS`), by automaton pattern.
    cue_table: Vec<(String, Cue, bool)>,
    /// The longest cue keyword, in bytes, so that a window can hold a whole keyword.
    longest_cue: usize,
    /// `ACCOUNT_ANCHORS`.
    account_anchors: Regex,
}

const METHOD_IBAN: &str = "iban";
const METHOD_CARD: &str = "card";
const METHOD_CRYPTO: &str = "crypto";
const METHOD_BANK: &str = "bank";

const RULE_IBAN: &str = "payment_ids/iban_mod97";
/// A country's example IBAN of the SWIFT registry (`data/payments/example_ibans.txt`).
pub(crate) const RULE_IBAN_EXAMPLE: &str = "payment_ids/iban_example";
const RULE_CARD: &str = "payment_ids/card_luhn";
/// A card number processors publish for testing (`data/payments/test_cards.tsv`).
const RULE_CARD_TEST: &str = "payment_ids/card_test_number";
const RULE_BTC_BASE58: &str = "payment_ids/btc_base58check";
const RULE_BTC_BECH32: &str = "payment_ids/btc_bech32";
const RULE_SOLANA: &str = "payment_ids/solana";
/// A Solana address has no checksum: only after its network's name.
const CONF_SOLANA: f32 = 0.85;
/// The longest Solana address (a 32-byte key in base58).
const SOLANA_MAX_LEN: usize = 44;
/// How far before a Solana address its network's name may stand, in bytes.
const SOLANA_CUE_WINDOW: usize = 48;
const RULE_LTC_BASE58: &str = "payment_ids/ltc_base58check";
const RULE_LTC_BECH32: &str = "payment_ids/ltc_bech32";
const RULE_ETH_EIP55: &str = "payment_ids/eth_eip55";
/// An Ethereum address written in one case only, which carries no checksum.
const RULE_ETH_ONE_CASE: &str = "payment_ids/eth_lowercase";
const RULE_TRON: &str = "payment_ids/tron_base58check";
const RULE_ROUTING: &str = "payment_ids/bank_routing_aba";
const RULE_ACCOUNT: &str = "payment_ids/bank_account";
const RULE_CLABE: &str = "payment_ids/bank_clabe";
const RULE_CBU: &str = "payment_ids/bank_cbu";
/// A Polish account number (NRB) written without its IBAN's `PL`.
const RULE_NRB: &str = "payment_ids/iban_pl_nrb";

/// IBAN: mod-97 plus the country's BBAN format and length.
const CONF_IBAN: f32 = 0.95;
/// Card: Luhn (1 in 10 random numbers pass) plus issuer prefix and length.
const CONF_CARD: f32 = 0.75;
/// A published test card number: it is a card number, but moves no money.
const CONF_CARD_TEST: f32 = 0.3;
/// Card with a card word ("visa", "credit", "cc", …) nearby.
pub(crate) const CONF_CARD_CUED: f32 = 0.95;
/// A 32-bit checksum (base58check, bech32, EIP-55 over enough letters) on a main network.
const CONF_CRYPTO: f32 = 0.95;
/// Valid on a test network: real format, but worthless coins.
const CONF_CRYPTO_TESTNET: f32 = 0.6;
/// Ethereum address in one case: only the shape says it is one.
const CONF_ETH_ONE_CASE: f32 = 0.75;
/// Routing number: keyword, ABA checksum and prefix range.
const CONF_ROUTING: f32 = 0.9;
/// Account number: keyword and digit count only.
const CONF_ACCOUNT: f32 = 0.7;

const CARD_MIN_DIGITS: usize = 13;
const CARD_MAX_DIGITS: usize = 19;
const ACCOUNT_MIN_DIGITS: usize = 6;
const ACCOUNT_MAX_DIGITS: usize = 17;
const ROUTING_DIGITS: usize = 9;
const CLABE_DIGITS: usize = 18;
const CBU_DIGITS: usize = 22;
/// A Polish NRB: the 26 digits of a `PL` IBAN after its country code.
const NRB_DIGITS: usize = 26;
/// Norway's IBANs are the shortest.
const IBAN_MIN_LEN: usize = 15;
const IBAN_MAX_LEN: usize = 34;
/// The shortest base58check address (a P2PKH address with many leading zero bytes is 26;
/// 25 leaves a margin).
const CRYPTO_MIN_LEN: usize = 25;
/// bech32 strings are at most 90 characters.
const CRYPTO_MAX_LEN: usize = 90;
// `next_candidate` finds long tokens by two whole eight-byte words in a row.
const _: () = assert!(CRYPTO_MIN_LEN >= 16 + 7);
/// The longest base58check address.
const BASE58_MAX_LEN: usize = 35;
/// The most digit groups one chain holds.
const MAX_GROUPS: usize = 8;
/// A bank keyword must end at most this many bytes before the number.
const BANK_CUE_WINDOW: usize = 40;
/// How far before a CLABE or CBU (whose check digits hold) its name may stand, in bytes.
const NATIONAL_CUE_WINDOW: usize = 120;
/// A card keyword must lie within this many characters of the card, on either side
/// (characters, not bytes: a word of Devanagari or Thai takes three bytes a letter).
const CARD_CUE_WINDOW: usize = 40;

/// Every account keyword holds an *anchor*, `acc` or `a/c` in any case
/// (`account_keywords_hold_the_anchor` keeps this true): most windows before a number have
/// neither and need not be searched for keywords, which is the costly part of `bank`. (`ac`
/// alone would let through "each", "place", "package" and the like.)
const ACCOUNT_ANCHOR_LEN: usize = 3;

/// The anchors as a regex. `regex` searches this literal set with its vector search (Teddy)
/// rather than stopping at each `a` or `c`, the way an `aho_corasick` automaton with its
/// own heuristics does; both letters are common in text, the anchors are rare.
const ACCOUNT_ANCHORS: &str = "(?i-u:acc|a/c)";

/// Where the next account anchor is, remembered from one number of a text to the next.
///
/// The numbers of a text come in order, and so do the windows before them that `bank` asks
/// about; one search finds the first anchor at or after a window and answers every later
/// window that starts before that anchor. A new search starts only past the anchor found
/// last, so the text is searched once in all, however many numbers it has.
struct AnchorCursor {
    /// The search started here (`usize::MAX` before the first search)...
    searched_from: usize,
    /// ...and found its first anchor starting here (`usize::MAX`: none up to the text's end).
    next: usize,
}

impl AnchorCursor {
    fn new() -> AnchorCursor {
        AnchorCursor {
            searched_from: usize::MAX,
            next: usize::MAX,
        }
    }

    /// Whether a whole anchor lies in `b[from..to]`; `anchors` is `ACCOUNT_ANCHORS`.
    fn any_within(&mut self, anchors: &Regex, b: &[u8], from: usize, to: usize) -> bool {
        let to = to.min(b.len());
        if from > to {
            return false;
        }
        if from < self.searched_from || self.next < from {
            self.searched_from = from;
            self.next = anchors.find_at(b, from).map_or(usize::MAX, |m| m.start());
        }
        self.next.saturating_add(ACCOUNT_ANCHOR_LEN) <= to
    }
}

/// What a keyword says about a number near it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Cue {
    Card,
    Routing,
    Account,
    /// A Mexican CLABE (18 digits with a check digit).
    Clabe,
    /// An Argentine CBU or CVU (22 digits in two blocks with a check digit each).
    Cbu,
}

/// Cue keywords: the keyword (matched ASCII case-insensitively, never preceded by a letter or
/// digit), what it cues, and whether it must also not be followed by a letter (short or
/// ambiguous keywords: "cc" is not "ccleaner", "aba" is not "abacus").
const CUES: &[(&str, Cue, bool)] = &[
    ("card", Cue::Card, false),
    ("credit", Cue::Card, false),
    ("debit", Cue::Card, false),
    ("visa", Cue::Card, false),
    ("mastercard", Cue::Card, false),
    ("master card", Cue::Card, false),
    ("amex", Cue::Card, false),
    ("american express", Cue::Card, false),
    ("maestro", Cue::Card, false),
    ("discover card", Cue::Card, false),
    ("diners", Cue::Card, false),
    ("unionpay", Cue::Card, false),
    ("jcb", Cue::Card, true),
    ("cc", Cue::Card, true),
    ("cvv", Cue::Card, true),
    ("cvc", Cue::Card, true),
    ("routing", Cue::Routing, false),
    ("aba", Cue::Routing, true),
    ("rtn", Cue::Routing, true),
    ("account number", Cue::Account, false),
    ("account num", Cue::Account, false),
    ("account no", Cue::Account, true),
    ("account nr", Cue::Account, true),
    ("account #", Cue::Account, false),
    ("acc number", Cue::Account, false),
    ("acc no", Cue::Account, true),
    ("acc. no", Cue::Account, true),
    ("acc #", Cue::Account, false),
    ("acct", Cue::Account, false),
    ("a/c", Cue::Account, true),
    ("bank account", Cue::Account, false),
    ("checking account", Cue::Account, false),
    ("savings account", Cue::Account, false),
    ("clabe", Cue::Clabe, true),
    ("cbu", Cue::Cbu, true),
    ("cvu", Cue::Cbu, true),
];

/// Words for a payment card in other languages than English, one `lang<TAB>word` a line.
const CARD_WORDS: &str = include_str!("../../data/payments/card_words.tsv");

/// [`CUES`], then each word of [`CARD_WORDS`] as written and with a capital first letter
/// (the text keeps its case, and the automaton folds ASCII only).
fn cue_table() -> Vec<(String, Cue, bool)> {
    let mut table: Vec<(String, Cue, bool)> = CUES
        .iter()
        .map(|(word, cue, whole)| ((*word).to_owned(), *cue, *whole))
        .collect();
    let words = CARD_WORDS
        .lines()
        .filter(|line| !line.starts_with('#'))
        .filter_map(|line| line.split_once('\t'))
        .map(|(_, word)| word.trim())
        .filter(|word| !word.is_empty());
    for word in words {
        let mut chars = word.chars();
        let capital: String = chars
            .next()
            .map(|first| first.to_uppercase().chain(chars).collect())
            .unwrap_or_default();
        for form in [word.to_owned(), capital] {
            if !table.iter().any(|(w, _, _)| *w == form) {
                table.push((form, Cue::Card, false));
            }
        }
    }
    table
}

impl Default for PaymentIdFinder {
    fn default() -> Self {
        Self::new()
    }
}

impl PaymentIdFinder {
    /// Builds the finder (two small keyword automata). Cheap, but meant to be done once.
    pub fn new() -> PaymentIdFinder {
        let cue_table = cue_table();
        let cues = AhoCorasick::builder()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::LeftmostLongest)
            .build(cue_table.iter().map(|(word, _, _)| word))
            // The patterns are the constant list above and a file compiled in, never user data.
            .expect("the payment cue keywords form a valid automaton");
        let longest_cue = cue_table
            .iter()
            .map(|(word, _, _)| word.len())
            .max()
            .unwrap_or(0);
        let account_anchors = Regex::new(ACCOUNT_ANCHORS)
            // As above: a constant pattern.
            .expect("the account anchors form a valid regex");
        PaymentIdFinder {
            cues,
            cue_table,
            longest_cue,
            account_anchors,
        }
    }

    /// Finds the payment identifiers in `text` and appends them to `out`, in text order.
    ///
    /// `text` is already Unicode-folded (fullwidth digits are ASCII, zero-width chars removed)
    /// but keeps its case. `start`/`end` of every match are byte offsets into `text` and char
    /// boundaries; matches never overlap. Runs in time linear in `text.len()` and never panics.
    pub fn find(&self, text: &str, out: &mut Vec<PaymentIdMatch>) {
        let b = text.as_bytes();
        let mut i = 0;
        let mut scan = Scan::new();
        while let Some((s, run_end)) = next_candidate(b, i) {
            i = self.token_at(text, s, run_end, &mut scan, out);
        }
    }

    /// `find` without its shortcut: tries every token. Tests compare the two.
    #[cfg(test)]
    fn find_trying_every_token(&self, text: &str, out: &mut Vec<PaymentIdMatch>) {
        let b = text.as_bytes();
        let mut i = 0;
        let mut scan = Scan::new();
        while let Some(p) = b
            .get(i..)
            .and_then(|rest| rest.iter().position(u8::is_ascii_alphanumeric))
        {
            let s = i + p;
            let run_end = alnum_end(b, s, usize::MAX);
            i = self.token_at(text, s, run_end, &mut scan, out);
        }
    }

    /// Tries the token `s..run_end` as an IBAN, a crypto address, then a card or bank number.
    /// Returns where scanning resumes: the end of what was found or looked at, after `s`.
    fn token_at(
        &self,
        text: &str,
        s: usize,
        run_end: usize,
        scan: &mut Scan,
        out: &mut Vec<PaymentIdMatch>,
    ) -> usize {
        let b = text.as_bytes();
        if word_char_before(text, s) {
            return run_end;
        }
        if let Some((found, chain_end)) = iban_at(text, s, run_end) {
            if let Some(found) = found {
                let end = found.end;
                out.push(found);
                return end;
            }
            // An IBAN with a typo is still an IBAN: its digit groups are no card.
            scan.numbers_from = chain_end;
        }
        if (CRYPTO_MIN_LEN..=CRYPTO_MAX_LEN).contains(&(run_end - s))
            && !word_char_after(text, run_end)
        {
            if let Some(found) = crypto_at(b, s, run_end) {
                out.push(found);
                return run_end;
            }
        }
        if b[s].is_ascii_digit() && s >= scan.numbers_from {
            return self.numbers_at(text, s, run_end, scan, out);
        }
        run_end
    }

    /// Tries the digit chain that starts at `s` (a token start, `s..run_end` its ASCII
    /// alphanumeric run) as a card, then as a bank number. Returns where scanning resumes,
    /// always after `s`.
    fn numbers_at(
        &self,
        text: &str,
        s: usize,
        run_end: usize,
        scan: &mut Scan,
        out: &mut Vec<PaymentIdMatch>,
    ) -> usize {
        let b = text.as_bytes();
        // A CLABE, CBU or NRB written in one piece has no card's or routing number's length;
        // an NRB is printed "61 1090 1014 0000 0712 1981 2874", its check digits apart.
        let national_length = matches!(run_end - s, CLABE_DIGITS | CBU_DIGITS | NRB_DIGITS)
            || nrb_check_group(b, s, run_end);
        if !may_start_card_or_routing(b, s, run_end)
            && !national_length
            && !self.account_anchor_before(b, s, &mut scan.anchors)
        {
            // Most numbers of a text: nothing can start here, and scanning resumes where it
            // would after trying (after the token, whether it is all digits or not).
            return run_end;
        }
        let chain = &mut scan.chain;
        if !chain.read(text, s) {
            // Digits glued to letters: a product code, a hash, a username. Skip the token.
            return alnum_end(b, s, usize::MAX);
        }
        let first_group_end = chain.groups[0].1;
        if !free_start(b, s) {
            return first_group_end;
        }
        let found = self
            .card(b, chain)
            .or_else(|| self.bank(b, chain, &mut scan.anchors));
        if let Some(found) = found {
            let end = found.end;
            out.push(found);
            return end;
        }
        // Not the whole chain: its next group may start an identifier of its own.
        first_group_end
    }

    /// The longest prefix of `chain` that is a card number: card grouping, 13 to 19 digits,
    /// a known issuer prefix for that length, not one repeated digit, and Luhn.
    fn card(&self, b: &[u8], chain: &Chain) -> Option<PaymentIdMatch> {
        for k in (1..=chain.len).rev() {
            let groups = &chain.groups[..k];
            let count = digit_count(groups);
            if !(CARD_MIN_DIGITS..=CARD_MAX_DIGITS).contains(&count) {
                continue;
            }
            if k > 1 && !card_grouping(groups) {
                continue;
            }
            let (start, end) = (groups[0].0, groups[k - 1].1);
            if !free_end(b, end) {
                continue;
            }
            let mut buf = [0u8; CARD_MAX_DIGITS];
            let pan = collect_digits(b, groups, &mut buf);
            if !plausible_pan(pan) {
                continue;
            }
            let Ok(pan_str) = std::str::from_utf8(pan) else {
                continue;
            };
            if !luhn::valid(pan_str) {
                continue;
            }
            let cued = self.cued(
                b,
                crate::normalize::chars_before(b, start, CARD_CUE_WINDOW),
                crate::normalize::chars_after(b, end, CARD_CUE_WINDOW),
                0,
                Cue::Card,
            );
            // A processor's published test number (4242 4242 4242 4242) charges nothing:
            // reported, but at low confidence and saying why.
            let (confidence, rule) = if is_test_card(pan) {
                (CONF_CARD_TEST, RULE_CARD_TEST)
            } else if cued {
                (CONF_CARD_CUED, RULE_CARD)
            } else {
                (CONF_CARD, RULE_CARD)
            };
            return Some(PaymentIdMatch {
                start,
                end,
                method: METHOD_CARD,
                confidence,
                rule,
            });
        }
        None
    }

    /// A US routing number (9 digits or `dddd-dddd-d`, ABA checksum) after a routing keyword,
    /// else an account number (6 to 17 digits) after an account keyword.
    fn bank(&self, b: &[u8], chain: &Chain, anchors: &mut AnchorCursor) -> Option<PaymentIdMatch> {
        let groups = &chain.groups[..chain.len];
        let start = groups[0].0;
        let window = self.bank_cue_window(start);
        let min_cue_end = start.saturating_sub(BANK_CUE_WINDOW);

        let routing = if digit_count(&groups[..1]) == ROUTING_DIGITS {
            Some(1)
        } else if chain.sep == b'-'
            && groups.len() >= 3
            && groups[..3].iter().map(|(s, e)| e - s).eq([4, 4, 1])
        {
            Some(3)
        } else {
            None
        };
        if let Some(k) = routing {
            let end = groups[k - 1].1;
            let mut buf = [0u8; ROUTING_DIGITS];
            if free_end(b, end)
                && aba_valid(collect_digits(b, &groups[..k], &mut buf))
                && self.cued(b, window, start, min_cue_end, Cue::Routing)
            {
                return Some(PaymentIdMatch {
                    start,
                    end,
                    method: METHOD_BANK,
                    confidence: CONF_ROUTING,
                    rule: RULE_ROUTING,
                });
            }
        }

        // A national account number whose check digits hold, after its name, however its
        // groups are written ("CLABE 0121 8000 4572 9183 69").
        let whole = groups.len();
        let national = match digit_count(groups) {
            CLABE_DIGITS => Some((Cue::Clabe, RULE_CLABE, clabe_valid as fn(&[u8]) -> bool)),
            CBU_DIGITS => Some((Cue::Cbu, RULE_CBU, cbu_valid as fn(&[u8]) -> bool)),
            _ => None,
        };
        if let Some((cue, rule, valid)) = national {
            let end = groups[whole - 1].1;
            let mut buf = [0u8; CBU_DIGITS];
            // Their check digits hold: the name may stand further back in the sentence ("te
            // paso mi CBU y me transferís directo, te hago un 10% menos: 0070…").
            let wide = start.saturating_sub(NATIONAL_CUE_WINDOW + self.longest_cue);
            if free_end(b, end)
                && valid(collect_digits(b, groups, &mut buf))
                && self.cued(
                    b,
                    wide,
                    start,
                    start.saturating_sub(NATIONAL_CUE_WINDOW),
                    cue,
                )
            {
                return Some(PaymentIdMatch {
                    start,
                    end,
                    method: METHOD_BANK,
                    confidence: CONF_ROUTING,
                    rule,
                });
            }
        }

        // Poles write their account number, the NRB, without the IBAN's "PL" ("Przelew na
        // konto 61 1090 1014 0000 0712 1981 2874"): 26 digits that pass mod-97 with "PL"
        // before them are that IBAN. The check (1 in 97 random numbers pass) and the length,
        // printed whole or in the NRB's groups, say it without a keyword.
        let nrb_groups = whole == 1
            || groups
                .iter()
                .enumerate()
                .all(|(i, (s, e))| e - s == if i == 0 { 2 } else { 4 });
        if digit_count(groups) == NRB_DIGITS && nrb_groups {
            let end = groups[whole - 1].1;
            let mut buf = [0u8; NRB_DIGITS];
            let digits = collect_digits(b, groups, &mut buf);
            let mut electronic = *b"PL00000000000000000000000000";
            electronic[2..].copy_from_slice(digits);
            if free_end(b, end)
                && !one_repeated(digits)
                && std::str::from_utf8(&electronic).is_ok_and(iban_valid)
            {
                return Some(PaymentIdMatch {
                    start,
                    end,
                    method: METHOD_IBAN,
                    confidence: CONF_ROUTING,
                    rule: RULE_NRB,
                });
            }
        }

        let account = |k: usize| {
            (ACCOUNT_MIN_DIGITS..=ACCOUNT_MAX_DIGITS).contains(&digit_count(&groups[..k]))
        };
        let k = if chain.sep == b'-' && account(groups.len()) {
            groups.len()
        } else if account(1) {
            1
        } else {
            return None;
        };
        let end = groups[k - 1].1;
        let mut buf = [0u8; ACCOUNT_MAX_DIGITS];
        let digits = collect_digits(b, &groups[..k], &mut buf);
        if !free_end(b, end)
            || one_repeated(digits)
            || !self.account_anchor_before(b, start, anchors)
            || !self.cued(b, window, start, min_cue_end, Cue::Account)
        {
            return None;
        }
        Some(PaymentIdMatch {
            start,
            end,
            method: METHOD_BANK,
            confidence: CONF_ACCOUNT,
            rule: RULE_ACCOUNT,
        })
    }

    /// Where the window that may hold the bank keyword of a number at `start` begins.
    fn bank_cue_window(&self, start: usize) -> usize {
        start.saturating_sub(BANK_CUE_WINDOW + self.longest_cue)
    }

    /// Whether the bank keyword window before `start` holds an account anchor, without which
    /// no account keyword can be there.
    fn account_anchor_before(&self, b: &[u8], start: usize, anchors: &mut AnchorCursor) -> bool {
        let window = self.bank_cue_window(start);
        anchors.any_within(&self.account_anchors, b, window, start)
    }

    /// Whether `b[from..to]` holds a whole keyword for `want` that ends at or after
    /// `min_end`. Word edges are checked against the whole text, not the window.
    fn cued(&self, b: &[u8], from: usize, to: usize, min_end: usize, want: Cue) -> bool {
        let to = to.min(b.len());
        let Some(window) = b.get(from..to) else {
            return false;
        };
        self.cues.find_iter(window).any(|m| {
            let (start, end) = (from + m.start(), from + m.end());
            let Some(&(_, cue, whole)) = self.cue_table.get(m.pattern().as_usize()) else {
                return false;
            };
            cue == want
                && end >= min_end
                && !(start > 0 && b[start - 1].is_ascii_alphanumeric())
                && !(whole && b.get(end).is_some_and(u8::is_ascii_alphabetic))
        })
    }
}

/// Whether the token `s..run_end` can start an identifier at all: it starts with a digit and
/// is long enough for a bank number (6 digits) or goes on as a digit chain, it starts like an
/// IBAN (`LLDD`), or it has the length of a crypto address. Any other token is skipped whole
/// by `find`, which is exactly what trying it would do: this is a shortcut, never a filter
/// of its own (`scan_skips_only_what_trying_would_skip` compares with trying every token).
fn could_start_identifier(b: &[u8], s: usize, run_end: usize) -> bool {
    let len = run_end - s;
    if (CRYPTO_MIN_LEN..=CRYPTO_MAX_LEN).contains(&len) {
        return true;
    }
    if b[s].is_ascii_digit() {
        // A shorter lone group is no card (13 digits) and no bank number (6).
        return len >= ACCOUNT_MIN_DIGITS
            || (matches!(b.get(run_end), Some(b' ' | b'-'))
                && b.get(run_end + 1).is_some_and(u8::is_ascii_digit));
    }
    len >= 4 && b[s + 1].is_ascii_alphabetic() && b[s + 2..s + 4].iter().all(u8::is_ascii_digit)
}

/// The first token at or after `from` that `could_start_identifier`, as `(start, end)`.
///
/// Reads the text eight bytes at a time. Every candidate has a digit among its first three
/// bytes (a number, `LLDD`) or is at least `CRYPTO_MIN_LEN` long, and so covers two whole
/// eight-byte words of letters and digits in a row; only the first digit of each digit run
/// and such pairs of words get a closer look, so the many words and separators of a long
/// text cost about a dozen instructions per eight bytes. (A word of letters and digits
/// followed by a shorter rest of its token is read like any other word: a candidate there
/// starts with a digit run.) Returns positions in increasing order for increasing `from`,
/// and looks at each byte a bounded number of times.
fn next_candidate(b: &[u8], from: usize) -> Option<(usize, usize)> {
    let mut pos = from;
    while pos < b.len() {
        let lanes = Lanes::at(b, pos);
        if lanes.all_alnum() && Lanes::at(b, pos + 8).all_alnum() {
            // Inside one run: only its start can be a token start.
            let mut s = pos;
            while s > from && IS_ALNUM[usize::from(b[s - 1])] {
                s -= 1;
            }
            let run_end = alnum_end(b, pos, usize::MAX);
            if is_token_start(b, s) && could_start_identifier(b, s, run_end) {
                return Some((s, run_end));
            }
            pos = run_end;
            continue;
        }
        let digits = super::ascii_digit_lanes(lanes.0);
        if digits == 0 {
            // Words and separators only, the common case: nothing starts here.
            pos += 8;
            continue;
        }
        let prev_digit = pos > 0 && b[pos - 1].is_ascii_digit();
        let mut run_starts = Lanes::digit_run_starts(digits, prev_digit);
        let stops = if run_starts != 0 {
            lanes.not_alnum()
        } else {
            0
        };
        while run_starts != 0 {
            let q = pos + run_starts.trailing_zeros() as usize / 8;
            run_starts &= run_starts - 1;
            // The token of a number starts at its first digit; that of an IBAN two letters
            // before it.
            let s = if is_token_start(b, q) {
                q
            } else if q >= from + 2
                && b[q - 1].is_ascii_alphabetic()
                && b[q - 2].is_ascii_alphabetic()
                && is_token_start(b, q - 2)
            {
                q - 2
            } else {
                continue;
            };
            // Most numbers end inside the eight bytes (the padding at the end of the text
            // counts as a stop): their end is read from the lanes.
            let ahead = stops >> ((q - pos) * 8);
            let run_end = if ahead != 0 {
                q + ahead.trailing_zeros() as usize / 8
            } else {
                alnum_end(b, pos + 8, usize::MAX)
            };
            if could_start_identifier(b, s, run_end) {
                return Some((s, run_end));
            }
        }
        pos += 8;
    }
    None
}

/// No ASCII letter or digit right before `i`.
fn is_token_start(b: &[u8], i: usize) -> bool {
    i == 0 || !IS_ALNUM[usize::from(b[i - 1])]
}

/// Eight bytes of text as a little-endian word (padded with spaces at the end of the text),
/// to test all eight at once: the high bit of a byte's lane holds the answer for that byte.
struct Lanes(u64);

const LANE_HIGH: u64 = 0x8080_8080_8080_8080;

impl Lanes {
    fn at(b: &[u8], pos: usize) -> Lanes {
        if let Some(word) = b.get(pos..).and_then(<[u8]>::first_chunk::<8>) {
            return Lanes(u64::from_le_bytes(*word));
        }
        let mut word = [b' '; 8];
        let rest = b.get(pos..).unwrap_or_default();
        let n = rest.len().min(8);
        word[..n].copy_from_slice(&rest[..n]);
        Lanes(u64::from_le_bytes(word))
    }

    /// Lanes whose byte, as 7 bits, is at least `'0'`; no carry crosses lanes.
    fn at_least_zero(&self) -> u64 {
        (self.0 | LANE_HIGH) - 0x3030_3030_3030_3030
    }

    /// All eight bytes are ASCII and at least `'0'`: letters and digits are, spaces and most
    /// punctuation are not.
    fn may_be_all_alnum(&self) -> bool {
        self.at_least_zero() & !self.0 & LANE_HIGH == LANE_HIGH
    }

    /// All eight bytes are ASCII letters or digits. (The padding is spaces, so a padded word
    /// never is.)
    fn all_alnum(&self) -> bool {
        self.may_be_all_alnum() && self.not_alnum() == 0
    }

    /// Lanes whose byte is not an ASCII letter or digit.
    fn not_alnum(&self) -> u64 {
        let lower = self.0 | 0x2020_2020_2020_2020;
        // As in `ascii_digit_lanes`: at least 'a', and not above 'z' once folded to lowercase.
        let at_least_a = (lower | LANE_HIGH) - 0x6161_6161_6161_6161;
        let above_z = (lower & 0x7f7f_7f7f_7f7f_7f7f) + 0x0505_0505_0505_0505;
        let letters = at_least_a & !above_z & !self.0 & LANE_HIGH;
        !(letters | super::ascii_digit_lanes(self.0)) & LANE_HIGH
    }

    /// Of the `digits` lanes (`ascii_digit_lanes`), those that hold the first digit of a run;
    /// `prev_digit` says whether the byte before the first lane is a digit.
    fn digit_run_starts(digits: u64, prev_digit: bool) -> u64 {
        digits & !((digits << 8) | if prev_digit { 0x80 } else { 0 })
    }
}

/// `u8::is_ascii_alphanumeric` as a table: one load per byte in the token walk.
static IS_ALNUM: [bool; 256] = {
    let mut table = [false; 256];
    let mut i = 0;
    while i < 256 {
        table[i] = (i as u8).is_ascii_alphanumeric();
        i += 1;
    }
    table
};

/// What the scan of one text carries from one token to the next.
struct Scan {
    /// Digit chains may start here or later (not inside a failed IBAN).
    numbers_from: usize,
    /// The chain being tried.
    chain: Chain,
    anchors: AnchorCursor,
}

impl Scan {
    fn new() -> Scan {
        Scan {
            numbers_from: 0,
            chain: Chain::new(),
            anchors: AnchorCursor::new(),
        }
    }
}

/// A run of digit groups joined by single separators, e.g. `4012-8888-8888-1881`.
struct Chain {
    /// `(start, end)` byte ranges of the groups; the first `len` are set.
    groups: [(usize, usize); MAX_GROUPS],
    /// How many groups the chain has: at least 1 once `read` has accepted it.
    len: usize,
    /// The separator, `b' '` or `b'-'`, or 0 for a single group.
    sep: u8,
}

impl Chain {
    fn new() -> Chain {
        Chain {
            groups: [(0, 0); MAX_GROUPS],
            len: 0,
            sep: 0,
        }
    }

    /// Reads the chain that starts with the digit at `s` into `self` (one chain serves a whole
    /// text, rather than 136 bytes copied out per number); `false` if its first group is glued
    /// to a letter. A later group glued to a letter, or with another separator, ends the chain.
    fn read(&mut self, text: &str, s: usize) -> bool {
        let b = text.as_bytes();
        let first_end = digit_end(b, s);
        if touches_word(text, first_end) {
            return false;
        }
        let chain = self;
        chain.len = 1;
        chain.sep = 0;
        chain.groups[0] = (s, first_end);
        let mut j = first_end;
        while chain.len < MAX_GROUPS {
            let Some(&sep) = b.get(j) else { break };
            if !(sep == b' ' || sep == b'-') || (chain.sep != 0 && chain.sep != sep) {
                break;
            }
            let group_start = j + 1;
            if !b.get(group_start).is_some_and(u8::is_ascii_digit) {
                break;
            }
            let group_end = digit_end(b, group_start);
            if touches_word(text, group_end) {
                break;
            }
            chain.sep = sep;
            chain.groups[chain.len] = (group_start, group_end);
            chain.len += 1;
            j = group_end;
        }
        true
    }
}

/// Tries an IBAN at the ASCII alphanumeric run `s..run_end` (a token start): the run and the
/// runs joined to it by one kind of separator, whole, then without trailing runs.
///
/// `None` if the run does not start like an IBAN. Otherwise the IBAN if one validates, and
/// the end of the IBAN-shaped chain when it is long enough to be one (else `s`).
fn iban_at(text: &str, s: usize, run_end: usize) -> Option<(Option<PaymentIdMatch>, usize)> {
    let b = text.as_bytes();
    let head = b.get(s..s + 4)?;
    if !(head[0].is_ascii_alphabetic()
        && head[1].is_ascii_alphabetic()
        && head[2].is_ascii_digit()
        && head[3].is_ascii_digit())
    {
        return None;
    }
    if run_end - s > IBAN_MAX_LEN || word_char_after(text, run_end) {
        return None;
    }
    // Each run adds at least one character, so at most IBAN_MAX_LEN runs fit.
    let mut ends = [0usize; IBAN_MAX_LEN];
    let mut totals = [0usize; IBAN_MAX_LEN];
    let mut runs = 1;
    ends[0] = run_end;
    totals[0] = run_end - s;
    let mut sep = 0u8;
    let mut j = run_end;
    while runs < IBAN_MAX_LEN {
        let Some(&c) = b.get(j) else { break };
        // Groups parted by spaces, hyphens, dots or commas (the Arabic thousands separator
        // folds to one: "AE٩٣٬٠٢٦٣٬…"), one kind throughout.
        if !matches!(c, b' ' | b'-' | b'.' | b',') || (sep != 0 && c != sep) {
            break;
        }
        let next = j + 1;
        if !b.get(next).is_some_and(u8::is_ascii_alphanumeric) {
            break;
        }
        let room = IBAN_MAX_LEN - totals[runs - 1];
        let next_end = alnum_end(b, next, room + 1);
        if next_end - next > room || touches_word(text, next_end) {
            break;
        }
        sep = c;
        ends[runs] = next_end;
        totals[runs] = totals[runs - 1] + (next_end - next);
        runs += 1;
        j = next_end;
    }
    // mod 97 of each candidate, computed in one pass so that iban_validate only sees the
    // 1 in 97 candidates whose checksum can pass. IBAN order puts the first 4 characters
    // last: value = BBAN * 10^6 + head (2 letters = 4 digits, 2 digits), and 10^6 = 27 mod 97.
    let head_mod = head.iter().fold(0u32, |acc, &c| mod97_push(acc, c));
    let mut mods = [0u32; IBAN_MAX_LEN];
    let mut acc = 0u32;
    let mut from = s + 4;
    for k in 0..runs {
        for &c in b.get(from..ends[k]).unwrap_or_default() {
            if c.is_ascii_alphanumeric() {
                acc = mod97_push(acc, c);
            }
        }
        mods[k] = (acc * 27 + head_mod) % 97;
        from = ends[k];
    }
    for k in (0..runs).rev() {
        if totals[k] < IBAN_MIN_LEN {
            break;
        }
        if mods[k] != 1 {
            continue;
        }
        let mut buf = [0u8; IBAN_MAX_LEN];
        let mut len = 0;
        for &c in &b[s..ends[k]] {
            if c.is_ascii_alphanumeric() && len < IBAN_MAX_LEN {
                buf[len] = c.to_ascii_uppercase();
                len += 1;
            }
        }
        let Ok(electronic) = std::str::from_utf8(&buf[..len]) else {
            continue;
        };
        if iban_valid(electronic) {
            let (confidence, rule) = if is_example_iban(electronic) {
                (CONF_CARD_TEST, RULE_IBAN_EXAMPLE)
            } else {
                (CONF_IBAN, RULE_IBAN)
            };
            let found = PaymentIdMatch {
                start: s,
                end: ends[k],
                method: METHOD_IBAN,
                confidence,
                rule,
            };
            return Some((Some(found), ends[k]));
        }
    }
    // How far the failed chain still looks like the paper format: groups of 4 that are not
    // lowercase words, closed by a shorter group.
    let mut shape = 0;
    for k in 1..runs {
        let group = &b[ends[k - 1] + 1..ends[k]];
        let word = group.iter().all(u8::is_ascii_lowercase);
        if group.len() > 4 || word {
            break;
        }
        shape = k;
        if group.len() < 4 {
            break;
        }
    }
    let shaped = totals[shape] >= IBAN_MIN_LEN;
    Some((None, if shaped { ends[shape] } else { s }))
}

/// Appends one IBAN character to a running mod-97 remainder (letters count as 10..=35).
fn mod97_push(acc: u32, c: u8) -> u32 {
    if c.is_ascii_digit() {
        (acc * 10 + u32::from(c - b'0')) % 97
    } else {
        (acc * 100 + u32::from(c.to_ascii_uppercase().wrapping_sub(b'A')) + 10) % 97
    }
}

/// `iban_validate`'s verdict on an electronic-format, uppercase IBAN; for a country missing
/// from its registry copy, mod-97 (which it still checks) plus the BBAN format of
/// `MISSING_COUNTRIES`.
pub(crate) fn iban_valid(electronic: &str) -> bool {
    match electronic.parse::<Iban>() {
        Ok(_) => true,
        Err(ParseIbanError::UnknownCountry(base)) => {
            MISSING_COUNTRIES.iter().any(|(country, format)| {
                base.country_code() == *country && bban_matches(base.bban_unchecked(), format)
            })
        }
        Err(_) => false,
    }
}

/// IBAN countries that `iban_validate` 5.0.1 does not know, with their BBAN format:
/// `(count, kind)` where kind `a` is letters, `n` digits, `c` either. Pakistan is in the Swift
/// registry; the others use IBANs at home without being in it (Iran's Sheba number, the
/// BCEAO and BEAC countries of West and Central Africa, Algeria, Angola, Cape Verde,
/// Madagascar, Mozambique), as php-iban's `registry.txt` lists them (`swift_official` 0), with
/// the two-character bank prefix of the BCEAO numbers in use today beside the older format.
/// The check digits (mod 97) still decide.
const MISSING_COUNTRIES: &[(&str, &[(usize, u8)])] = &[
    // Pakistan: PKkk 4!a 16!c, 24 characters (Swift IBAN registry).
    ("PK", &[(4, b'a'), (16, b'c')]),
    // Iran (Sheba): IRkk 22!n, 26 characters.
    ("IR", &[(22, b'n')]),
    // Algeria: DZkk 20!n (registry) or 22!n (in use).
    ("DZ", &[(20, b'n')]),
    ("DZ", &[(22, b'n')]),
    // Angola, Cape Verde, Mozambique: 21!n.
    ("AO", &[(21, b'n')]),
    ("CV", &[(21, b'n')]),
    ("MZ", &[(21, b'n')]),
    // Cameroon, Madagascar, Congo, Gabon, Chad, Central African Republic, Equatorial Guinea,
    // Comoros: 23!n.
    ("CM", &[(23, b'n')]),
    ("MG", &[(23, b'n')]),
    ("CG", &[(23, b'n')]),
    ("GA", &[(23, b'n')]),
    ("TD", &[(23, b'n')]),
    ("CF", &[(23, b'n')]),
    ("GQ", &[(23, b'n')]),
    ("KM", &[(23, b'n')]),
    // BCEAO (Benin, Burkina Faso, Côte d'Ivoire, Mali, Niger, Senegal, Togo, Guinea-Bissau):
    // 1!a 23!n in the registry, a two-character bank prefix and 22 digits in use.
    ("BJ", &[(2, b'c'), (22, b'n')]),
    ("BF", &[(2, b'c'), (22, b'n')]),
    ("BF", &[(23, b'n')]),
    ("CI", &[(2, b'c'), (22, b'n')]),
    ("ML", &[(2, b'c'), (22, b'n')]),
    ("NE", &[(2, b'c'), (22, b'n')]),
    ("SN", &[(2, b'c'), (22, b'n')]),
    ("TG", &[(2, b'c'), (22, b'n')]),
    ("GW", &[(2, b'c'), (19, b'n')]),
];

fn bban_matches(bban: &str, format: &[(usize, u8)]) -> bool {
    let mut rest = bban.as_bytes();
    for &(count, kind) in format {
        let Some((part, tail)) = rest.split_at_checked(count) else {
            return false;
        };
        let ok = part.iter().all(|c| match kind {
            b'a' => c.is_ascii_uppercase(),
            b'n' => c.is_ascii_digit(),
            _ => c.is_ascii_uppercase() || c.is_ascii_digit(),
        });
        if !ok {
            return false;
        }
        rest = tail;
    }
    rest.is_empty()
}

/// Tries the whole ASCII alphanumeric token `b[s..e]` as a crypto-currency address.
fn crypto_at(b: &[u8], s: usize, e: usize) -> Option<PaymentIdMatch> {
    let token = b.get(s..e)?;
    let (rule, confidence) = if token.len() == 42 && token.starts_with(b"0x") {
        ethereum(&token[2..])?
    } else if starts_with_ignore_case(token, b"bc1")
        || starts_with_ignore_case(token, b"tb1")
        || starts_with_ignore_case(token, b"ltc1")
    {
        segwit(token)?
    } else if token.len() <= BASE58_MAX_LEN {
        match base58check(token) {
            Some(found) => found,
            None => solana(b, s, token)?,
        }
    } else if token.len() <= SOLANA_MAX_LEN {
        solana(b, s, token)?
    } else {
        return None;
    };
    Some(PaymentIdMatch {
        start: s,
        end: e,
        method: METHOD_CRYPTO,
        confidence,
        rule,
    })
}

/// `0x` + 40 hex digits: mixed case must pass EIP-55; one case carries no checksum.
fn ethereum(hex: &[u8]) -> Option<(&'static str, f32)> {
    if hex.len() != 40 || !hex.iter().all(u8::is_ascii_hexdigit) || one_repeated(hex) {
        return None;
    }
    let has_lower = hex.iter().any(u8::is_ascii_lowercase);
    let has_upper = hex.iter().any(u8::is_ascii_uppercase);
    if !(has_lower && has_upper) {
        return Some((RULE_ETH_ONE_CASE, CONF_ETH_ONE_CASE));
    }
    let mut lower = [0u8; 40];
    for (l, h) in lower.iter_mut().zip(hex) {
        *l = h.to_ascii_lowercase();
    }
    let hash = Keccak256::digest(lower);
    for (i, &c) in hex.iter().enumerate() {
        if c.is_ascii_alphabetic() {
            let byte = hash[i / 2];
            let nibble = if i % 2 == 0 { byte >> 4 } else { byte & 0x0f };
            if (nibble >= 8) != c.is_ascii_uppercase() {
                return None;
            }
        }
    }
    Some((RULE_ETH_EIP55, CONF_CRYPTO))
}

/// A bech32 (v0) or bech32m (v1+) segwit address for Bitcoin or Litecoin.
fn segwit(token: &[u8]) -> Option<(&'static str, f32)> {
    let text = std::str::from_utf8(token).ok()?;
    let (hrp, _version, _program) = bech32::segwit::decode(text).ok()?;
    let hrp = hrp.as_str();
    if hrp.eq_ignore_ascii_case("bc") {
        Some((RULE_BTC_BECH32, CONF_CRYPTO))
    } else if hrp.eq_ignore_ascii_case("tb") {
        Some((RULE_BTC_BECH32, CONF_CRYPTO_TESTNET))
    } else if hrp.eq_ignore_ascii_case("ltc") {
        Some((RULE_LTC_BECH32, CONF_CRYPTO))
    } else {
        None
    }
}

/// A base58check address: 1 version byte and a 20-byte hash, and a version byte that
/// belongs to the currency that its first character announces.
fn base58check(token: &[u8]) -> Option<(&'static str, f32)> {
    // Each version byte fixes the first character, so this skips words cheaply.
    if !matches!(
        token.first(),
        Some(b'1' | b'3' | b'm' | b'n' | b'2' | b'T' | b'L' | b'M')
    ) {
        return None;
    }
    let mut payload = [0u8; 32];
    let len = bs58::decode(token)
        .with_check(None)
        .onto(&mut payload)
        .ok()?;
    if len != 21 {
        return None;
    }
    match payload[0] {
        0x00 | 0x05 => Some((RULE_BTC_BASE58, CONF_CRYPTO)),
        0x6f | 0xc4 => Some((RULE_BTC_BASE58, CONF_CRYPTO_TESTNET)),
        0x41 => Some((RULE_TRON, CONF_CRYPTO)),
        0x30 | 0x32 => Some((RULE_LTC_BASE58, CONF_CRYPTO)),
        _ => None,
    }
}

/// A Solana address (32 to 44 base58 characters that decode to a 32-byte public key) after
/// the network's name ("SOL", "Solana", "Phantom", "SPL") in the bytes before it. The format
/// has no checksum, so without the name a random-looking token is no address.
fn solana(b: &[u8], s: usize, token: &[u8]) -> Option<(&'static str, f32)> {
    if !(32..=SOLANA_MAX_LEN).contains(&token.len()) || one_repeated(token) {
        return None;
    }
    let mut key = [0u8; 33];
    if bs58::decode(token).onto(&mut key).ok()? != 32 {
        return None;
    }
    // The network's name as a word before it: "sol" or "solana", not "solution".
    let before = &b[s.saturating_sub(SOLANA_CUE_WINDOW)..s];
    let named = before.split(|c| !c.is_ascii_alphabetic()).any(|word| {
        word.eq_ignore_ascii_case(b"sol")
            || word.eq_ignore_ascii_case(b"solana")
            || word.eq_ignore_ascii_case(b"phantom")
            || word.eq_ignore_ascii_case(b"spl")
    });
    named.then_some((RULE_SOLANA, CONF_SOLANA))
}

/// Whether a card or a routing number may start with the digit token at `s` (a token start,
/// `s..run_end` its ASCII alphanumeric run): its first group has the length of a whole card
/// (13 to 19 digits) or a routing number (9), or, when another group follows, of a card's
/// first group (4 to 6, `card_grouping`) or a dashed routing number's (4). A token with a
/// letter may pass or not: it is no number at all.
fn may_start_card_or_routing(b: &[u8], s: usize, run_end: usize) -> bool {
    let len = run_end - s;
    let more_groups = matches!(b.get(run_end), Some(b' ' | b'-'))
        && b.get(run_end + 1).is_some_and(u8::is_ascii_digit);
    (CARD_MIN_DIGITS..=CARD_MAX_DIGITS).contains(&len)
        || len == ROUTING_DIGITS
        || (more_groups && (4..=6).contains(&len))
}

/// Whether the digit run `s..run_end` is the two check digits an NRB is printed with, before
/// its first group of four ("61 1090 …").
fn nrb_check_group(b: &[u8], s: usize, run_end: usize) -> bool {
    run_end - s == 2
        && b.get(run_end) == Some(&b' ')
        && b.get(run_end + 1..run_end + 5)
            .is_some_and(|g| g.iter().all(u8::is_ascii_digit))
        && !b.get(run_end + 5).is_some_and(u8::is_ascii_digit)
}

/// Groups the way cards are printed: the first of 4 to 6 digits, the others of 3 to 6
/// (4-4-4-4, 4-4-4-4-3, Amex 4-6-5, Diners 4-6-4, UATP 4-5-6).
fn card_grouping(groups: &[(usize, usize)]) -> bool {
    groups.iter().enumerate().all(|(i, (s, e))| {
        let len = e - s;
        if i == 0 {
            (4..=6).contains(&len)
        } else {
            (3..=6).contains(&len)
        }
    })
}

/// The example IBANs of the SWIFT registry, one a line.
const EXAMPLE_IBANS: &str = include_str!("../../data/payments/example_ibans.txt");

/// Whether `electronic` (an IBAN that passed mod-97, upper case, no spaces) is a registry
/// example. Asked only of valid IBANs, so a scan of the short list costs nothing that matters.
fn is_example_iban(electronic: &str) -> bool {
    EXAMPLE_IBANS
        .lines()
        .filter(|line| !line.starts_with('#'))
        .any(|line| line.trim() == electronic)
}

/// The card numbers processors publish for testing, one a line with its source.
const TEST_CARDS: &str = include_str!("../../data/payments/test_cards.tsv");

/// Whether `pan` (digits only) is a published test card number. Asked only of numbers that
/// passed Luhn, so a scan of the short list costs nothing that matters.
fn is_test_card(pan: &[u8]) -> bool {
    TEST_CARDS
        .lines()
        .filter(|line| !line.starts_with('#'))
        .any(|line| line.split('\t').next().is_some_and(|n| n.as_bytes() == pan))
}

/// An issuer prefix that issues numbers of this length, and not one repeated digit.
fn plausible_pan(pan: &[u8]) -> bool {
    let n = pan.len();
    let prefix = |k: usize| -> u32 {
        pan.iter()
            .take(k)
            .fold(0u32, |acc, d| acc * 10 + u32::from(d.wrapping_sub(b'0')))
    };
    if n < CARD_MIN_DIGITS || one_repeated(pan) {
        return false;
    }
    let (p2, p3, p4) = (prefix(2), prefix(3), prefix(4));
    match pan[0] {
        // Visa.
        b'4' => matches!(n, 13 | 16 | 19),
        // Mastercard 51-55; Maestro 50 and 56-59.
        b'5' => match p2 {
            51..=55 => n == 16,
            50 | 56..=59 => true,
            _ => false,
        },
        // Mastercard 2221-2720; Mir 2200-2204.
        b'2' => match p4 {
            2221..=2720 => n == 16,
            2200..=2204 => n >= 16,
            _ => false,
        },
        // Amex 34/37; JCB 3528-3589; Diners 300-305, 3095, 36, 38, 39.
        b'3' => {
            if p2 == 34 || p2 == 37 {
                n == 15
            } else if (3528..=3589).contains(&p4) {
                n >= 16
            } else {
                let diners = (300..=305).contains(&p3) || p4 == 3095 || matches!(p2, 36 | 38 | 39);
                diners && n >= 14
            }
        }
        // Discover 6011/644-649/65 and UnionPay 62 issue 16 to 19 digits; the rest of 6 is
        // Maestro (56-69), which issues 12 to 19.
        b'6' => {
            if p4 == 6011 || (644..=649).contains(&p3) || matches!(p2, 62 | 65) {
                n >= 16
            } else {
                true
            }
        }
        // UATP, 15 digits (Presidio's test number 122000000000003 is one).
        b'1' => n == 15,
        _ => false,
    }
}

/// The ABA checksum (weights 3, 7, 1) and a Federal Reserve routing symbol as prefix:
/// 00-12 (banks), 21-32 (thrifts), 61-72 (electronic), 80 (traveller's cheques).
pub(crate) fn aba_valid(digits: &[u8]) -> bool {
    if digits.len() != ROUTING_DIGITS || one_repeated(digits) {
        return false;
    }
    let d = |i: usize| u32::from(digits[i].wrapping_sub(b'0'));
    let prefix = d(0) * 10 + d(1);
    let sum = 3 * (d(0) + d(3) + d(6)) + 7 * (d(1) + d(4) + d(7)) + (d(2) + d(5) + d(8));
    matches!(prefix, 0..=12 | 21..=32 | 61..=72 | 80) && sum % 10 == 0
}

/// Copies the digits of `groups` into `buf`; stops when `buf` is full.
/// The CLABE check digit (Banco de México): the first 17 digits weighted 3, 7, 1 in turn,
/// each product taken mod 10; the 18th digit is `(10 - sum mod 10) mod 10`.
fn clabe_valid(digits: &[u8]) -> bool {
    if digits.len() != CLABE_DIGITS || one_repeated(digits) {
        return false;
    }
    let sum: u32 = digits[..17]
        .iter()
        .zip([3u32, 7, 1].iter().cycle())
        .map(|(&d, &w)| (u32::from(d - b'0') * w) % 10)
        .sum();
    u32::from(digits[17] - b'0') == (10 - sum % 10) % 10
}

/// The CBU/CVU check digits (Banco Central de la República Argentina): the first block of 8
/// digits (bank and branch) with its last digit checking the 7 before it by weights 7, 1, 3,
/// 9, 7, 1, 3; the second block of 14 (account) likewise by weights 3, 9, 7, 1 from the left.
fn cbu_valid(digits: &[u8]) -> bool {
    fn block(digits: &[u8], weights: &[u32]) -> bool {
        let (body, check) = digits.split_at(digits.len() - 1);
        let sum: u32 = body
            .iter()
            .zip(weights.iter().cycle())
            .map(|(&d, &w)| u32::from(d - b'0') * w)
            .sum();
        u32::from(check[0] - b'0') == (10 - sum % 10) % 10
    }
    digits.len() == CBU_DIGITS
        && !one_repeated(digits)
        && block(&digits[..8], &[7, 1, 3, 9])
        && block(&digits[8..], &[3, 9, 7, 1])
}

fn collect_digits<'a>(b: &[u8], groups: &[(usize, usize)], buf: &'a mut [u8]) -> &'a [u8] {
    let mut len = 0;
    for &(s, e) in groups {
        for &c in b.get(s..e).unwrap_or_default() {
            if let Some(slot) = buf.get_mut(len) {
                *slot = c;
                len += 1;
            }
        }
    }
    &buf[..len]
}

fn digit_count(groups: &[(usize, usize)]) -> usize {
    groups.iter().map(|(s, e)| e - s).sum()
}

/// All bytes equal (also true for an empty slice).
fn one_repeated(bytes: &[u8]) -> bool {
    bytes.windows(2).all(|w| w[0] == w[1])
}

/// A chain may start here: not right after `+` (a phone number) nor after a digit and a
/// decimal point or slash (`3.14159…`, `12/4111…`).
fn free_start(b: &[u8], s: usize) -> bool {
    match s.checked_sub(1).and_then(|i| b.get(i)) {
        Some(b'+') => false,
        Some(b'.' | b',' | b'/') => !(s >= 2 && b[s - 2].is_ascii_digit()),
        _ => true,
    }
}

/// A number may end here: not followed by a decimal point or comma and more digits.
fn free_end(b: &[u8], e: usize) -> bool {
    !(matches!(b.get(e), Some(b'.' | b',')) && b.get(e + 1).is_some_and(u8::is_ascii_digit))
}

fn digit_end(b: &[u8], s: usize) -> usize {
    b.get(s..)
        .and_then(|rest| rest.iter().position(|c| !c.is_ascii_digit()))
        .map_or(b.len(), |p| s + p)
}

/// The end of the ASCII alphanumeric run at `s`, looking at most `limit` bytes ahead.
fn alnum_end(b: &[u8], s: usize, limit: usize) -> usize {
    let stop = s.saturating_add(limit).min(b.len());
    b.get(s..stop)
        .and_then(|rest| rest.iter().position(|&c| !IS_ALNUM[usize::from(c)]))
        .map_or(stop, |p| s + p)
}

fn starts_with_ignore_case(token: &[u8], prefix: &[u8]) -> bool {
    token
        .get(..prefix.len())
        .is_some_and(|head| head.eq_ignore_ascii_case(prefix))
}

/// The byte at `i` is ASCII alphanumeric or the char there is a word character.
fn touches_word(text: &str, i: usize) -> bool {
    text.as_bytes()
        .get(i)
        .is_some_and(u8::is_ascii_alphanumeric)
        || word_char_after(text, i)
}

fn word_char_before(text: &str, i: usize) -> bool {
    // Most text is ASCII: no need to decode.
    if let Some(&b) = i.checked_sub(1).and_then(|j| text.as_bytes().get(j)) {
        if b.is_ascii() {
            return b.is_ascii_alphanumeric();
        }
    }
    text.get(..i)
        .and_then(|t| t.chars().next_back())
        .is_some_and(is_word_char)
}

fn word_char_after(text: &str, i: usize) -> bool {
    if let Some(&b) = text.as_bytes().get(i) {
        if b.is_ascii() {
            return b.is_ascii_alphanumeric();
        }
    }
    text.get(i..)
        .and_then(|t| t.chars().next())
        .is_some_and(is_word_char)
}

/// A letter or digit that glues to an ASCII token: ASCII alphanumerics, and letters and
/// digits of scripts that separate words with spaces. Thai, Lao, Myanmar, Khmer and the
/// CJK-and-later blocks write words without spaces, so "卡号4111…" still has a card.
fn is_word_char(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric();
    }
    let unspaced = matches!(
        u32::from(c),
        0x0E00..=0x0EFF | 0x1000..=0x109F | 0x1780..=0x17FF | 0x2E80..
    );
    !unspaced && c.is_alphanumeric()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// One finder for all tests (building the automaton is slow in debug builds).
    static FINDER: std::sync::LazyLock<PaymentIdFinder> =
        std::sync::LazyLock::new(PaymentIdFinder::new);

    fn find(text: &str) -> Vec<PaymentIdMatch> {
        let mut out = Vec::new();
        FINDER.find(text, &mut out);
        out
    }

    /// `(matched text, rule)` for every match.
    fn found(text: &str) -> Vec<(String, &'static str)> {
        find(text)
            .into_iter()
            .map(|m| (text[m.start..m.end].to_string(), m.rule))
            .collect()
    }

    #[test]
    fn national_account_numbers_with_their_check_digits_after_their_name() {
        check(&[
            (
                "deposítame a la CLABE 0121 8000 4572 9183 69 de BBVA",
                &[("0121 8000 4572 9183 69", RULE_CLABE)],
            ),
            (
                "pasame a mi CBU 2850590940090418135201 y listo",
                &[("2850590940090418135201", RULE_CBU)],
            ),
            // A check digit off: not one.
            ("la CLABE 012180004572918368", &[]),
            ("el CBU 2850590940090418135202", &[]),
            // Without its name, 18 digits are nothing said.
            ("pedido 012180004572918369", &[]),
        ]);
    }

    #[test]
    fn a_polish_account_number_without_its_country_code() {
        check(&[
            (
                "Przelew na konto 61 1090 1014 0000 0712 1981 2874, tytułem: logo",
                &[("61 1090 1014 0000 0712 1981 2874", RULE_NRB)],
            ),
            (
                "nr rachunku 19114020040000310276541928 (mBank)",
                &[("19114020040000310276541928", RULE_NRB)],
            ),
            // Its check digits off by one: 26 digits and nothing more.
            ("Przelew na konto 62 1090 1014 0000 0712 1981 2874", &[]),
            // Grouped otherwise (a tracking number's 13-13): not an NRB's print.
            ("przesyłka 6110901014000 0071219812874", &[]),
        ]);
    }

    #[test]
    fn a_solana_address_only_after_its_networks_name() {
        check(&[
            (
                "te paso la wallet de SOL: Bhur7NAxChMmybfo5VCDrr3ybJNb7GjYaKTnc4mRhomz",
                &[("Bhur7NAxChMmybfo5VCDrr3ybJNb7GjYaKTnc4mRhomz", RULE_SOLANA)],
            ),
            (
                "my Solana wallet 9WzDXwBbmkg8ZTbNMqUxvQRAyrZzDsGYdLVL9zYtAWWM",
                &[("9WzDXwBbmkg8ZTbNMqUxvQRAyrZzDsGYdLVL9zYtAWWM", RULE_SOLANA)],
            ),
            // The same shape without the name: a token, not an address.
            ("build id Bhur7NAxChMmybfo5VCDrr3ybJNb7GjYaKTnc4mRhomz", &[]),
            // "solution" is not the network.
            (
                "the solution hash 9WzDXwBbmkg8ZTbNMqUxvQRAyrZzDsGYdLVL9zYtAWWM",
                &[],
            ),
        ]);
    }

    /// `found` with a registry example IBAN read as any IBAN: most IBANs in tests are the
    /// registry's examples (`registry_example_ibans_are_valid_and_reported_low` checks the
    /// difference).
    fn as_iban(got: Vec<(String, &'static str)>) -> Vec<(String, &'static str)> {
        got.into_iter()
            .map(|(v, r)| (v, if r == RULE_IBAN_EXAMPLE { RULE_IBAN } else { r }))
            .collect()
    }

    /// Runs a table of `(text, expected (value, rule) pairs)`.
    fn check(table: &[(&str, &[(&str, &str)])]) {
        let mut failures = Vec::new();
        for (text, want) in table {
            let got = as_iban(found(text));
            let want: Vec<(String, &str)> = want.iter().map(|(v, r)| (v.to_string(), *r)).collect();
            if got != want {
                failures.push(format!("{text:?}\n   want {want:?}\n    got {got:?}"));
            }
        }
        assert!(failures.is_empty(), "{}", failures.join("\n"));
    }

    const IBAN_R: &str = RULE_IBAN;
    const CARD_R: &str = RULE_CARD;

    #[test]
    fn iban_table() {
        check(&[
            (
                "ES91 2100 0418 4502 0005 1332",
                &[("ES91 2100 0418 4502 0005 1332", IBAN_R)],
            ),
            (
                "FR1420041010050500013M02606",
                &[("FR1420041010050500013M02606", IBAN_R)],
            ),
            (
                "fr1420041010050500013m02606",
                &[("fr1420041010050500013m02606", IBAN_R)],
            ),
            (
                "es91 2100 0418 4502 0005 1332",
                &[("es91 2100 0418 4502 0005 1332", IBAN_R)],
            ),
            (
                "pay to DE89-3704-0044-0532-0130-00 today",
                &[("DE89-3704-0044-0532-0130-00", IBAN_R)],
            ),
            (
                "IBAN: DE89 3704 0044 0532 0130 00 BIC: COBADEFFXXX",
                &[("DE89 3704 0044 0532 0130 00", IBAN_R)],
            ),
            // Groups parted by commas, and by the Arabic thousands separator.
            (
                "IBAN: AE93,0263,4152,1840,9053,665",
                &[("AE93,0263,4152,1840,9053,665", IBAN_R)],
            ),
            (
                "(GB29NWBK60161331926819), ok?",
                &[("GB29NWBK60161331926819", IBAN_R)],
            ),
            // Presidio: sentences, lists, separators.
            (
                "this is an iban VG96 VPVG 0000 0123 4567 8901 in a sentence",
                &[("VG96 VPVG 0000 0123 4567 8901", IBAN_R)],
            ),
            (
                "this is an iban VG96 VPVG 0000 0123 4567 8901 X in a sentence",
                &[("VG96 VPVG 0000 0123 4567 8901", IBAN_R)],
            ),
            (
                "list of ibans: AL47212110090000000235698741, AL47212110090000000235698741",
                &[
                    ("AL47212110090000000235698741", IBAN_R),
                    ("AL47212110090000000235698741", IBAN_R),
                ],
            ),
            (
                "Dash as iban separator: AL47-2121-1009-0000-0002-3569-8741",
                &[("AL47-2121-1009-0000-0002-3569-8741", IBAN_R)],
            ),
            (
                "AL47212110090000000235698741 ALL CAPS",
                &[("AL47212110090000000235698741", IBAN_R)],
            ),
            // Negatives.
            (
                "Slash as iban separator: AL47/2121/1009/0000/0002/3569/8741",
                &[],
            ),
            (
                "Dalla's Pizza | 3843 Peartree Road, Bamblee, SD 20241 440-600-5124",
                &[],
            ),
            ("ES91 2100 0418 4502 0005 1333", &[]), // mod-97
            ("AL47 212A 1009 0000 0002 3569 8741", &[]), // BBAN format
            ("AT61 1904 3002 3457 320", &[]),       // truncated
            ("AZ21NABZ00000000137010001945", &[]),
            ("xDE89370400440532013000", &[]), // embedded
            ("DE89370400440532013000x", &[]),
            ("DE89370400440532013000é", &[]),
            ("DE89 3704 0044 0532 0130 0", &[]),
            (
                "DE89 3704 0044 0532 0130 00 00",
                &[("DE89 3704 0044 0532 0130 00", IBAN_R)],
            ),
            ("XX89370400440532013000", &[]), // unknown country
            // A mistyped IBAN's digits are not a card (2600 0560 1001 6113 passes Luhn).
            ("RS35 2600 0560 1001 6113 70", &[]),
            (
                "RS35 2600 0560 1001 6113 70 or card 4539 1488 0343 6467",
                &[("4539 1488 0343 6467", CARD_R)],
            ),
            // Pakistan is missing from iban_validate's registry copy.
            (
                "PK36 SCBL 0000 0011 2345 6702",
                &[("PK36 SCBL 0000 0011 2345 6702", IBAN_R)],
            ),
            ("PK36 SCBL A000 0011 2345 6702", &[]),
            ("PK36 SCBL 0000 0011 2345 6703", &[]),
            // Iran's Sheba number and a BCEAO account use IBANs outside the Swift registry.
            (
                "IR79 0170 0000 0022 0471 9384 01",
                &[("IR79 0170 0000 0022 0471 9384 01", IBAN_R)],
            ),
            ("IR78 0170 0000 0022 0471 9384 01", &[]),
            (
                "CI93 CI00 8011 1301 1342 9120 0589",
                &[("CI93 CI00 8011 1301 1342 9120 0589", IBAN_R)],
            ),
            // Mixed case is still the same account (Presidio expects nothing here).
            (
                "LV80 bANK 0000 4351 9500 1",
                &[("LV80 bANK 0000 4351 9500 1", IBAN_R)],
            ),
        ]);
    }

    /// The valid IBAN of each country in Presidio's suite; each must be found in electronic
    /// and paper form, lowercase and dashed, and its last character changed must not.
    const PRESIDIO_IBANS: &[&str] = &[
        "AL47212110090000000235698741",
        "AD1200012030200359100100",
        "AT611904300234573201",
        "AZ21NABZ00000000137010001944",
        "BH67BMAG00001299123456",
        "BY13NBRB3600900000002Z00AB00",
        "BE68539007547034",
        "BE71096123456769",
        "BA391290079401028494",
        "BR9700360305000010009795493P1",
        "BG80BNBG96611020345678",
        "CR05015202001026284066",
        "HR1210010051863000160",
        "CY17002001280000001200527600",
        "CZ6508000000192000145399",
        "DK5000400440116243",
        "DO28BAGR00000001212453611324",
        "TL380080012345678910157",
        "EE382200221020145685",
        "FO6264600001631634",
        "FI2112345600000785",
        "FR1420041010050500013M02606",
        "GE29NB0000000101904917",
        "DE89370400440532013000",
        "GI75NWBK000000007099453",
        "GR1601101250000000012300695",
        "GL8964710001000206",
        "GT82TRAJ01020000001210029690",
        "HU42117730161111101800000000",
        "IS140159260076545510730339",
        "IE29AIBK93115212345678",
        "IL620108000000099999999",
        "IT60X0542811101000000123456",
        "JO94CBJO0010000000000131000302",
        "KZ86125KZT5004100100",
        "XK051212012345678906",
        "KW81CBKU0000000000001234560101",
        "LV80BANK0000435195001",
        "LB62099900000001001901229114",
        "LI21088100002324013AA",
        "LT121000011101001000",
        "LU280019400644750000",
        "MK07250120000058984",
        "MT84MALT011000012345MTLCAST001S",
        "MR1300020001010000123456753",
        "MU17BOMM0101101030300200000MUR",
        "MD24AG000225100013104168",
        "MC5811222000010123456789030",
        "ME25505000012345678951",
        "NL91ABNA0417164300",
        "NO9386011117947",
        "PK36SCBL0000001123456702",
        "PS92PALS000000000400123456702",
        "PL61109010140000071219812874",
        "PT50000201231234567890154",
        "QA58DOHB00001234567890ABCDEFG",
        "RO49AAAA1B31007593840000",
        "SM86U0322509800000000270100",
        "SA0380000000608010167519",
        "RS35260005601001611379",
        "SK3112000000198742637541",
        "SI56263300012039086",
        "ES9121000418450200051332",
        "SE4550000000058398257466",
        "CH9300762011623852957",
        "TN5910006035183598478831",
        "TR330006100519786457841326",
        "AE070331234567890123456",
        "GB29NWBK60161331926819",
        "VG96VPVG0000012345678901",
    ];

    #[test]
    fn iban_every_country() {
        let mut failures = Vec::new();
        for iban in PRESIDIO_IBANS {
            let paper: String = iban
                .as_bytes()
                .chunks(4)
                .map(|c| std::str::from_utf8(c).unwrap_or_default())
                .collect::<Vec<_>>()
                .join(" ");
            let dashed = paper.replace(' ', "-");
            let lower = iban.to_ascii_lowercase();
            let sentence = format!("send it to {paper}, thanks");
            for text in [iban.to_string(), paper.clone(), dashed, lower] {
                if as_iban(found(&text)) != vec![(text.clone(), IBAN_R)] {
                    failures.push(format!("missed {text}"));
                }
            }
            if as_iban(found(&sentence)) != vec![(paper.clone(), IBAN_R)] {
                failures.push(format!("missed in sentence {paper}"));
            }
            let mut wrong = iban.to_string();
            let last = wrong.pop().unwrap_or('0');
            wrong.push(if last == '9' { '8' } else { '9' });
            if !find(&wrong).is_empty() {
                failures.push(format!("accepted bad checksum {wrong}"));
            }
            let short = &iban[..iban.len() - 1];
            if !find(short).is_empty() {
                failures.push(format!("accepted truncated {short}"));
            }
        }
        assert!(failures.is_empty(), "{}", failures.join("\n"));
    }

    #[test]
    fn card_table() {
        check(&[
            // Presidio's suite.
            (
                "4012888888881881 4012-8888-8888-1881 4012 8888 8888 1881",
                &[
                    ("4012888888881881", RULE_CARD_TEST),
                    ("4012-8888-8888-1881", RULE_CARD_TEST),
                    ("4012 8888 8888 1881", RULE_CARD_TEST),
                ],
            ),
            ("1748503543012", &[]), // Luhn-valid, but no 13-digit issuer starts with 1
            ("122000000000003", &[("122000000000003", CARD_R)]), // UATP
            (
                "my credit card: 122000000000003",
                &[("122000000000003", CARD_R)],
            ),
            ("371449635398431", &[("371449635398431", RULE_CARD_TEST)]),
            ("5555555555554444", &[("5555555555554444", RULE_CARD_TEST)]),
            ("5019717010103742", &[("5019717010103742", CARD_R)]),
            ("30569309025904", &[("30569309025904", CARD_R)]),
            ("6011000400000000", &[("6011000400000000", CARD_R)]),
            ("3528000700000000", &[("3528000700000000", CARD_R)]),
            ("6759649826438453", &[("6759649826438453", CARD_R)]),
            ("4539148803436467", &[("4539148803436467", CARD_R)]),
            ("4917300800000000", &[("4917300800000000", CARD_R)]),
            ("4484070000000000", &[("4484070000000000", CARD_R)]),
            ("4012-8888-8888-1882", &[]),
            // Luhn fails: a made-up or mistyped number, with a card word or not (Presidio's
            // test of the same).
            ("my credit card number is 4012-8888-8888-1882", &[]),
            ("Карта Сбербанка: 4276 1234 5678 9012", &[]),
            // A card word of another language beside a valid number.
            (
                "kartu saya 4532 7189 0123 4563",
                &[("4532 7189 0123 4563", CARD_R)],
            ),
            ("36168002586008", &[]),
            ("my credit card number is 36168002586008", &[]),
            // Groupings and surroundings.
            (
                "amex 3714 496353 98431 exp 12/27",
                &[("3714 496353 98431", RULE_CARD_TEST)],
            ),
            (
                "4539 1488 0343 6467 12/25",
                &[("4539 1488 0343 6467", CARD_R)],
            ),
            ("card:4539148803436467.", &[("4539148803436467", CARD_R)]),
            ("卡号4539148803436467", &[("4539148803436467", CARD_R)]),
            ("2223003122003222", &[("2223003122003222", RULE_CARD_TEST)]), // Mastercard 2-series
            ("ref 12 4539148803436467", &[("4539148803436467", CARD_R)]),
            // Negatives.
            ("x4539148803436467", &[]),
            ("4539148803436467x", &[]),
            ("é4539148803436467", &[]),
            ("45391488034364671111", &[]), // 20 digits: not a card inside a longer run
            ("12345678904539148803436467", &[]),
            ("6666666666666", &[]), // Luhn and Maestro prefix pass, one repeated digit
            ("+4539148803436467", &[]),
            ("pi is 3.4539148803436467", &[]),
            ("4539148803436467.25", &[]),
            ("call +1 415 555 2671 now", &[]),
            ("9111111111111111", &[]),     // no issuer starts with 9
            ("5611 1111 11 11 1111", &[]), // not card grouping
            ("4111 1111 1111 1112", &[]),
        ]);
    }

    #[test]
    fn published_test_cards_are_low_confidence_and_say_why() {
        for line in TEST_CARDS.lines().filter(|l| !l.starts_with('#')) {
            let number = line.split('\t').next().unwrap_or_default();
            assert!(luhn::valid(number), "{number} fails Luhn");
            let found = find(&format!("card: {number}"));
            assert_eq!(found.len(), 1, "{number}");
            assert_eq!(found[0].rule, RULE_CARD_TEST, "{number}");
            assert_eq!(found[0].confidence, CONF_CARD_TEST, "{number}");
        }
        // Spaced as people paste it, and a real-looking number beside it stays a card.
        let found = find("test with 4242 4242 4242 4242, then 4539 1488 0343 6467");
        let rules: Vec<_> = found.iter().map(|m| m.rule).collect();
        assert_eq!(rules, [RULE_CARD_TEST, RULE_CARD]);
    }

    #[test]
    fn card_confidence_follows_the_words_around() {
        let bare = find("4539148803436467");
        let cued = find("my visa is 4539148803436467");
        let after = find("4539148803436467 is my CC");
        let not_a_word = find("ccleaner 4539148803436467");
        assert_eq!(bare[0].confidence, CONF_CARD);
        assert_eq!(cued[0].confidence, CONF_CARD_CUED);
        assert_eq!(after[0].confidence, CONF_CARD_CUED);
        assert_eq!(not_a_word[0].confidence, CONF_CARD);
        assert_eq!(cued[0].method, "card");
    }

    /// A valid base58check string for `version` and a 20-byte payload.
    fn base58(version: u8, fill: u8) -> String {
        let mut raw = vec![version];
        raw.extend((0..20u8).map(|i| i.wrapping_mul(fill).wrapping_add(7)));
        bs58::encode(raw).with_check().into_string()
    }

    #[test]
    fn crypto_table() {
        const BTC58: &str = RULE_BTC_BASE58;
        const BECH: &str = RULE_BTC_BECH32;
        const EIP55: &str = RULE_ETH_EIP55;
        const ETH1: &str = RULE_ETH_ONE_CASE;
        check(&[
            // Presidio's suite.
            (
                "16Yeky6GMjeNkAiNcBY7ZhrLoMSgg1BoyZ",
                &[("16Yeky6GMjeNkAiNcBY7ZhrLoMSgg1BoyZ", BTC58)],
            ),
            (
                "3J98t1WpEZ73CNmQviecrnyiWrnqRhWNLy",
                &[("3J98t1WpEZ73CNmQviecrnyiWrnqRhWNLy", BTC58)],
            ),
            (
                "bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq",
                &[("bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq", BECH)],
            ),
            (
                "bc1p5d7rjq7g6rdk2yhzks9smlaqtedr4dekq08ge8ztwac72sfr9rusxg3297",
                &[(
                    "bc1p5d7rjq7g6rdk2yhzks9smlaqtedr4dekq08ge8ztwac72sfr9rusxg3297",
                    BECH,
                )],
            ),
            (
                "16Yeky6GMjeNkAiNcBY7ZhrLoMSgg1BoyZ 3J98t1WpEZ73CNmQviecrnyiWrnqRhWNLy",
                &[
                    ("16Yeky6GMjeNkAiNcBY7ZhrLoMSgg1BoyZ", BTC58),
                    ("3J98t1WpEZ73CNmQviecrnyiWrnqRhWNLy", BTC58),
                ],
            ),
            (
                "my wallet address is: 16Yeky6GMjeNkAiNcBY7ZhrLoMSgg1BoyZ",
                &[("16Yeky6GMjeNkAiNcBY7ZhrLoMSgg1BoyZ", BTC58)],
            ),
            ("16Yeky6GMjeNkAiNcBY7ZhrLoMSgg1BoyZ2", &[]),
            (
                "my wallet address is: 16Yeky6GMjeNkAiNcBY7ZhrLoMSgg1BoyZ2",
                &[],
            ),
            ("", &[]),
            (
                "8f953371d3e85eddb89b05ed6b9e680791055315c73e1025ab5dba7bb2aee189",
                &[],
            ),
            // More Bitcoin.
            (
                "bitcoin:1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa?amount=1",
                &[("1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa", BTC58)],
            ),
            (
                "BC1QAR0SRRR7XFKVY5L643LYDNW9RE59GTZZWF5MDQ",
                &[("BC1QAR0SRRR7XFKVY5L643LYDNW9RE59GTZZWF5MDQ", BECH)],
            ),
            ("bc1qAr0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq", &[]), // mixed case
            ("bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdp", &[]), // checksum
            ("x1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa", &[]),
            ("1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNb", &[]),
            // Ethereum (EIP-55's own vectors).
            (
                "send to 0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed please",
                &[("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed", EIP55)],
            ),
            (
                "0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359",
                &[("0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359", EIP55)],
            ),
            (
                "0xdbF03B407c01E7cD3CBea99509d93f8DDDC8C6FB",
                &[("0xdbF03B407c01E7cD3CBea99509d93f8DDDC8C6FB", EIP55)],
            ),
            (
                "0xD1220A0cf47c7B9Be7A2E6BA89F429762e7b9aDb",
                &[("0xD1220A0cf47c7B9Be7A2E6BA89F429762e7b9aDb", EIP55)],
            ),
            (
                "0x52908400098527886E0F7030069857D2E4169EE7",
                &[("0x52908400098527886E0F7030069857D2E4169EE7", ETH1)],
            ),
            (
                "0xde709f2102306220921060314715629080e2fb77",
                &[("0xde709f2102306220921060314715629080e2fb77", ETH1)],
            ),
            ("0x5aaeb6053F3E94C9b9A09f33669435E7Ef1BeAed", &[]), // one letter's case flipped
            ("0x0000000000000000000000000000000000000000", &[]),
            ("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAe", &[]), // 39 hex
            (
                "tx 0x8f953371d3e85eddb89b05ed6b9e680791055315c73e1025ab5dba7bb2aee189",
                &[],
            ),
            ("a0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed", &[]),
            // Tron (the USDT contract) and words that merely look long.
            (
                "TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t",
                &[("TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t", RULE_TRON)],
            ),
            ("TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6u", &[]),
            ("Thisisaverylongwordwithoutspaces", &[]),
            ("Supercalifragilisticexpialidocious", &[]),
        ]);
    }

    #[test]
    fn crypto_networks_by_version_byte() {
        let finder = PaymentIdFinder::new();
        let cases = [
            (0x41u8, RULE_TRON, CONF_CRYPTO),
            (0x30, RULE_LTC_BASE58, CONF_CRYPTO),
            (0x32, RULE_LTC_BASE58, CONF_CRYPTO),
            (0x00, RULE_BTC_BASE58, CONF_CRYPTO),
            (0x05, RULE_BTC_BASE58, CONF_CRYPTO),
            (0x6f, RULE_BTC_BASE58, CONF_CRYPTO_TESTNET),
            (0xc4, RULE_BTC_BASE58, CONF_CRYPTO_TESTNET),
        ];
        for (version, rule, confidence) in cases {
            for fill in [3u8, 11, 200] {
                let address = base58(version, fill);
                let mut out = Vec::new();
                finder.find(&format!("pay {address} now"), &mut out);
                assert_eq!(out.len(), 1, "{address} ({version:#x})");
                assert_eq!((out[0].rule, out[0].confidence), (rule, confidence));
                assert_eq!(out[0].end - out[0].start, address.len());
            }
        }
        // A version byte of another coin (Dogecoin, 0x1e) is not reported.
        assert!(find(&base58(0x1e, 3)).is_empty());

        let ltc = bech32::segwit::encode_v0(bech32::Hrp::parse_unchecked("ltc"), &[7u8; 20])
            .unwrap_or_default();
        assert_eq!(found(&ltc), vec![(ltc.clone(), RULE_LTC_BECH32)]);
        let tb = "tb1qrp33g0q5c5txsp9arysrx4k6zdkfs4nce4xj0gdcccefvpysxf3q0sl5k7";
        assert_eq!(find(tb)[0].confidence, CONF_CRYPTO_TESTNET);
    }

    #[test]
    fn bank_table() {
        const ROUTING: &str = RULE_ROUTING;
        const ACCOUNT: &str = RULE_ACCOUNT;
        check(&[
            ("routing number 121000358", &[("121000358", ROUTING)]),
            ("ABA: 0711-0130-7", &[("0711-0130-7", ROUTING)]),
            ("RTN 3222-7162-7", &[("3222-7162-7", ROUTING)]),
            ("my routing # is 121042882.", &[("121042882", ROUTING)]),
            (
                "routing 121000358, account number 945456787654",
                &[("121000358", ROUTING), ("945456787654", ACCOUNT)],
            ),
            ("account number: 945456787654", &[("945456787654", ACCOUNT)]),
            ("acct 1234567", &[("1234567", ACCOUNT)]),
            ("A/C no. 12-3456-789", &[("12-3456-789", ACCOUNT)]),
            ("Bank account: 00123456", &[("00123456", ACCOUNT)]),
            // A valid routing number with only an account word is an account number.
            ("account no 121000358", &[("121000358", ACCOUNT)]),
            // A card wins over the account word.
            ("acct 4539148803436467", &[("4539148803436467", CARD_R)]),
            // Presidio's suite, bare numbers: no keyword, so nothing (see the report).
            ("945456787654", &[]),
            ("1234567", &[]),
            ("121000358", &[]),
            ("3222-7162-7", &[]),
            ("121042882", &[]),
            ("0711-0130-7", &[]),
            ("421042111", &[]),
            ("1234-0000-0", &[]),
            // Negatives with keywords.
            ("routing number 421042111", &[]), // checksum
            ("routing number: 1234-0000-0", &[]),
            ("routing number 921000358", &[]), // checksum fine? prefix 92 is not a Fed symbol
            ("abacus 121000358", &[]),
            ("acct 12345", &[]),              // too short
            ("acct 123456789012345678", &[]), // too long
            ("acct 000000000", &[]),
            (
                "account number, which I will send you later by post, is 945456787654",
                &[],
            ),
            ("accountant 945456787654", &[]),
        ]);
    }

    #[test]
    fn spans_are_ordered_and_disjoint() {
        let text = "IBAN DE89370400440532013000, card 4539 1488 0343 6467, \
                    btc 1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa, routing 121000358";
        let got = find(text);
        let methods: Vec<_> = got.iter().map(|m| m.method).collect();
        assert_eq!(methods, ["iban", "card", "crypto", "bank"]);
        assert!(got.windows(2).all(|w| w[0].end <= w[1].start));
    }

    #[test]
    fn registry_example_ibans_are_valid_and_reported_low() {
        let examples: Vec<&str> = EXAMPLE_IBANS
            .lines()
            .filter(|l| !l.starts_with('#'))
            .collect();
        // The registry's newest countries (Honduras) are not yet in `iban_validate`'s table.
        let valid = examples.iter().filter(|iban| iban_valid(iban)).count();
        assert!(valid + 2 >= examples.len(), "{valid} of {}", examples.len());
        let got = find("IBAN DE89 3704 0044 0532 0130 00 is the textbook sample");
        assert_eq!(got.len(), 1);
        assert_eq!(got[0].rule, RULE_IBAN_EXAMPLE);
        // A real-looking one stays an IBAN at full confidence.
        let got = find("IBAN DE44 5001 0517 5407 3249 31");
        assert_eq!(got[0].rule, RULE_IBAN);
    }

    #[test]
    fn card_words_of_other_languages_cue_a_card() {
        for text in [
            "kartu saya 4532 7189 0123 4563",
            "Карта Сбербанка 4532 7189 0123 4563",
            "इस कार्ड पर भेज दीजिए: 4532 7189 0123 4563",
            "この カード に 4532 7189 0123 4563",
        ] {
            let got = find(text);
            assert_eq!(got.len(), 1, "{text}");
            assert_eq!(got[0].confidence, CONF_CARD_CUED, "{text}");
        }
        // Forty characters away is too far, in any script.
        let far = format!("कार्ड {} 4532 7189 0123 4563", "क".repeat(40));
        assert_eq!(find(&far)[0].confidence, CONF_CARD, "{far}");
    }

    #[test]
    fn account_keywords_hold_the_anchor() {
        for (word, cue, _) in CUES {
            if *cue == Cue::Account {
                assert!(FINDER.account_anchors.is_match(word.as_bytes()), "{word}");
                let upper = word.to_uppercase();
                assert!(FINDER.account_anchors.is_match(upper.as_bytes()), "{word}");
            }
        }
    }

    /// Pieces of text in the shapes the finder cares about: identifiers whole, grouped,
    /// truncated and glued, cue words, short numbers, IBAN-like words and separators.
    const PIECES: &[&str] = &[
        "DE89370400440532013000",
        "DE89 3704 0044 0532 0130 00",
        "de89-3704-0044-0532-0130-00",
        "GB82 WEST 1234 5698 7654 32",
        "NO9386011117947",
        "NO93 8601 1117 94",
        "AB12",
        "AB12 3456",
        "4539148803436467",
        "4539 1488 0343 6467",
        "4012-8888-8888-1881",
        "3714 496353 98431",
        "122000000000003",
        "41111",
        "411111",
        "12 34",
        "1234 5678",
        "2024-09-02",
        "12/25",
        "3.14159",
        "121000358",
        "0711-0130-7",
        "945456787654",
        "16Yeky6GMjeNkAiNcBY7ZhrLoMSgg1BoyZ",
        "bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq",
        "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed",
        "1111111111111111111114oLvT2",
        "TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t",
        "Thisisaverylongwordwithoutspaces",
        "a",
        "x",
        "5pm",
        "14",
        "7",
        "card",
        "visa",
        "routing",
        "account number",
        "acct",
        "a/c",
        "IBAN",
        "iban:",
        " ",
        " ",
        " ",
        "  ",
        "-",
        "-",
        ".",
        ",",
        "+",
        "/",
        "#",
        ":",
        "é",
        "卡",
        "\u{200b}",
        "\n",
    ];

    proptest::proptest! {
        /// `find` skips tokens that `could_start_identifier` turns away; trying every token
        /// must find exactly the same, whatever the pieces and however they are glued.
        #[test]
        fn scan_skips_only_what_trying_would_skip(
            picks in proptest::collection::vec(0..PIECES.len(), 0..24)
        ) {
            let text: String = picks.iter().map(|&k| PIECES[k]).collect();
            let mut every_token = Vec::new();
            FINDER.find_trying_every_token(&text, &mut every_token);
            proptest::prop_assert_eq!(find(&text), every_token, "{:?}", text);
        }
    }

    #[test]
    fn pathological_inputs_scan_without_panicking() {
        // Their speed (a quadratic blow-up) is measured by `offside bench`, not here.
        let shapes = [
            "1 ".repeat(20_000),
            "1234 ".repeat(8_000),
            "1234-".repeat(8_000),
            "7".repeat(40_000),
            "AB12 ".repeat(8_000),
            "AB12".repeat(10_000),
            "a".repeat(40_000),
            "1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa ".repeat(1_000),
            "acct 1234567 ".repeat(3_200),
            "é1".repeat(20_000),
        ];
        let finder = PaymentIdFinder::new();
        for text in &shapes {
            let mut out = Vec::new();
            finder.find(text, &mut out);
            for m in &out {
                assert!(m.start < m.end && m.end <= text.len(), "{}", &text[..10]);
                assert!(text.is_char_boundary(m.start) && text.is_char_boundary(m.end));
            }
        }
    }

    proptest::proptest! {
        #[test]
        fn never_panics_and_spans_are_char_boundaries(
            text in "[0-9a-zA-Z \\-+.,/#:é卡\u{200b}]{0,120}|\\PC{0,80}"
        ) {
            let out = find(&text);
            let mut last = 0;
            for m in &out {
                proptest::prop_assert!(m.start < m.end && m.end <= text.len());
                proptest::prop_assert!(text.is_char_boundary(m.start));
                proptest::prop_assert!(text.is_char_boundary(m.end));
                proptest::prop_assert!(m.start >= last);
                last = m.end;
            }
        }
    }
}

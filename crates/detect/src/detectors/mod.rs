//! The detectors, each a small unit registered in [`all`].
//!
//! A detector reads a [`Normalized`] text and appends [`Finding`]s; it never fails and never
//! panics. Validation (libphonenumber, public suffixes, mod-97, Luhn, base58check, bech32,
//! EIP-55) happens inside each detector as a step of its own, and each finding names its
//! `detector/rule` so a reviewer can be told why it was raised.

use crate::normalize::Normalized;
use crate::{Finding, Kind, Region};

pub mod channels;
pub mod email;
pub mod intent;
pub mod links;
pub mod payment_ids;
pub mod payments;
pub mod phone;

/// The lanes of `word` (eight bytes of text, little-endian) that hold an ASCII digit: the
/// high bit of each such byte's lane is set. Exact in every lane (no carry or borrow crosses
/// lanes), so the detectors that look for digits eight bytes at a time share it.
pub(crate) fn ascii_digit_lanes(word: u64) -> u64 {
    const HIGH: u64 = 0x8080_8080_8080_8080;
    // The high bit stays set where the low seven bits are at least '0'...
    let at_least_zero = (word | HIGH) - 0x3030_3030_3030_3030;
    // ...and becomes set where they are above '9'.
    let above_nine = (word & 0x7f7f_7f7f_7f7f_7f7f) + 0x4646_4646_4646_4646;
    at_least_zero & !above_nine & !word & HIGH
}

/// Spans already reported, for "is this overlapping something found?" in logarithmic time,
/// so that texts with thousands of findings stay linear.
#[derive(Debug, Default)]
pub(crate) struct SpanIndex(std::collections::BTreeMap<usize, usize>);

impl SpanIndex {
    /// No finding of one detector is longer than this; overlap checks look back this far.
    const MAX_SPAN: usize = 512;

    pub(crate) fn insert(&mut self, start: usize, end: usize) {
        let slot = self.0.entry(start).or_insert(end);
        *slot = (*slot).max(end);
    }

    pub(crate) fn overlaps(&self, start: usize, end: usize) -> bool {
        self.0
            .range(start.saturating_sub(Self::MAX_SPAN)..end.max(start + 1))
            .any(|(&s, &e)| s < end.max(start + 1) && start < e)
    }
}

/// What a detector knows about the scan besides the text.
#[derive(Debug, Clone, Copy)]
pub struct ScanContext<'e> {
    /// Region for phone numbers written without a country code.
    pub region: Region,
    /// Other regions whose national numbers are accepted too, at a lower confidence. Empty
    /// when the message came with its own region hint: the hint is a fact, the engine's
    /// default only a guess (an international marketplace's users write their own
    /// country's numbers).
    pub fallback_regions: &'e [Region],
}

/// A detector: reads the normalised views of a text and appends findings.
pub trait Detector: Send + Sync {
    /// A short stable name, the first half of every finding's `rule`.
    fn name(&self) -> &'static str;
    /// The kinds this detector can report.
    fn kinds(&self) -> &'static [Kind];
    /// Appends the findings for `text`. Must not panic on any input.
    fn detect(&self, text: &Normalized<'_>, scan: &ScanContext<'_>, out: &mut Vec<Finding>);
}

/// Every detector, in the order they run (a detector sees the findings of those before it).
/// This is the one place a detector is registered.
pub fn all() -> Vec<Box<dyn Detector>> {
    vec![
        Box::new(email::EmailDetector),
        Box::new(links::LinkDetector::default()),
        // After e-mail and links: what they read as written, it reads decoded, and replaces
        // their misreadings of encoded text.
        Box::new(crate::decode::DecodeDetector::default()),
        Box::new(payments::PaymentIdDetector::default()),
        // After links and payment IDs: digits inside those are theirs, and the phone
        // detector skips them instead of parsing them only to have them dropped.
        Box::new(phone::PhoneDetector),
        // Last: bare channel mentions count only next to a concrete value found above.
        Box::new(channels::ChannelDetector::default()),
        // After the rules: the model adds what they did not find, clause by clause.
        Box::new(intent::IntentDetector),
    ]
}

//! Wires [`payment_ids`](super::payment_ids) into the engine: runs the finder over the folded
//! text (where fullwidth digits are ASCII and zero-width characters are gone) and maps each
//! match back to the original text.

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
        for m in matches {
            let (start, end) = text.original_span(m.start, m.end);
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

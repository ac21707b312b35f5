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

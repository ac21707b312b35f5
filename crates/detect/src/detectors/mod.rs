//! The detectors, each a small unit registered in [`all`].

use crate::normalize::Normalized;
use crate::{Finding, Kind, Region};

/// What a detector knows about the scan besides the text.
#[derive(Debug, Clone, Copy)]
pub struct ScanContext {
    /// Region for phone numbers written without a country code.
    pub region: Region,
}

/// A detector: reads the normalised views of a text and appends findings.
pub trait Detector: Send + Sync {
    /// A short stable name, the first half of every finding's `rule`.
    fn name(&self) -> &'static str;
    /// The kinds this detector can report.
    fn kinds(&self) -> &'static [Kind];
    /// Appends the findings for `text`. Must not panic on any input.
    fn detect(&self, text: &Normalized<'_>, scan: &ScanContext, out: &mut Vec<Finding>);
}

/// Every detector, in the order they run.
pub fn all() -> Vec<Box<dyn Detector>> {
    vec![]
}

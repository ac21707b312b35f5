//! The engine: normalises a text once, runs every registered detector over it, and resolves
//! overlaps and context.

use crate::detectors::{self, Detector, ScanContext};
use crate::normalize::Normalized;
use crate::{context, conversation, Finding, Region};

/// How an [`Engine`] is set up.
#[derive(Debug, Clone)]
pub struct EngineOptions {
    /// Region assumed for phone numbers without a country code when the message gives no
    /// region hint. `US` if unset.
    pub default_region: Region,
    /// When a message has no region hint, national numbers valid in one of these regions
    /// (and not in the default one) are reported too, with a lower confidence. Defaults to
    /// the countries most freelance-marketplace users write from ([`Region::MARKETS`]).
    pub fallback_regions: Vec<Region>,
}

impl Default for EngineOptions {
    fn default() -> Self {
        EngineOptions {
            default_region: Region::US,
            fallback_regions: Region::markets(),
        }
    }
}

/// A compiled detector set. Build it once and share it: scanning takes `&self` and is
/// thread-safe.
pub struct Engine {
    options: EngineOptions,
    detectors: Vec<Box<dyn Detector>>,
}

impl Engine {
    /// Builds an engine with every detector registered in [`detectors::all`].
    pub fn new(options: EngineOptions) -> Engine {
        Engine {
            options,
            detectors: detectors::all(),
        }
    }

    /// The names of the registered detectors, in the order they run.
    pub fn detector_names(&self) -> Vec<&'static str> {
        self.detectors.iter().map(|d| d.name()).collect()
    }

    /// Scans one text. `region` is the message's region hint; the engine's default region
    /// is used when it is `None`. Findings are sorted by start offset.
    pub fn scan(&self, text: &str, region: Option<Region>) -> Vec<Finding> {
        let normalized = Normalized::new(text);
        self.scan_normalized(&normalized, region)
    }

    pub(crate) fn scan_normalized(
        &self,
        normalized: &Normalized<'_>,
        region: Option<Region>,
    ) -> Vec<Finding> {
        let scan_context = ScanContext {
            region: region.unwrap_or(self.options.default_region),
            fallback_regions: if region.is_some() {
                &[]
            } else {
                &self.options.fallback_regions
            },
        };
        let mut findings = Vec::new();
        for detector in &self.detectors {
            detector.detect(normalized, &scan_context, &mut findings);
        }
        context::resolve(normalized, &mut findings);
        findings
    }

    /// Scans the recent messages of one conversation, oldest first: each message on its own,
    /// then values split over several consecutive messages. Every finding says which message
    /// it starts in (`message`) and, for split values, every message that contributed
    /// (`messages`).
    pub fn scan_conversation(&self, messages: &[&str], region: Option<Region>) -> Vec<Finding> {
        conversation::scan(self, messages, region)
    }
}

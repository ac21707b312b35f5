//! The engine: normalises a text once, runs every registered detector over it, and resolves
//! overlaps and context.

use crate::detectors::{self, Detector, ScanContext};
use crate::normalize::{ceil_char_boundary, floor_char_boundary, Normalized};
use crate::{context, conversation, Finding, Region};

/// The size a long text is scanned in by default (see [`Engine::scan`]).
pub const DEFAULT_SEGMENT_BYTES: usize = 32 * 1024;
/// The smallest segment [`Engine::with_segment_bytes`] accepts: every window a segment is
/// read in stays longer than the intent model's [`detectors::intent::MAX_TEXT`], so a text
/// is read the same way whatever its segment size.
pub const MIN_SEGMENT_BYTES: usize = 8 * 1024;
/// How much of its neighbours a segment is read with, on each side: more than any finding
/// and than the context a finding is judged in.
const MARGIN: usize = 1024;

/// The segments of a long text: `(start, end)`, each starting where the previous ends.
fn segments(text: &str, segment: usize) -> Vec<(usize, usize)> {
    let mut segments = Vec::with_capacity(text.len() / segment + 1);
    let mut start = 0;
    while start < text.len() {
        let end = segment_end(text, start, segment);
        segments.push((start, end));
        start = end;
    }
    segments
}

/// Where the segment of `text` that starts at `from` ends: at the last paragraph break in
/// the second half of the next `segment` bytes, else the last line break, sentence end or
/// space there, else at the segment's size; at the end of the text when little is left.
fn segment_end(text: &str, from: usize, segment: usize) -> usize {
    let limit = from.saturating_add(segment);
    if limit.saturating_add(MARGIN) >= text.len() {
        return text.len();
    }
    let bytes = text.as_bytes();
    let second_half = &bytes[from + segment / 2..limit];
    let after = |at: usize, len: usize| from + segment / 2 + at + len;
    if let Some(at) = second_half.windows(2).rposition(|w| w == b"\n\n") {
        return after(at, 2);
    }
    if let Some(at) = second_half.iter().rposition(|&b| b == b'\n') {
        return after(at, 1);
    }
    if let Some(at) = second_half.windows(2).rposition(|w| w == b". ") {
        return after(at, 2);
    }
    if let Some(at) = second_half.iter().rposition(|&b| b.is_ascii_whitespace()) {
        return after(at, 1);
    }
    floor_char_boundary(text, limit)
}

/// The part of `text` a segment is read in: the segment and up to [`MARGIN`] bytes on each
/// side, widened only to whole words (cut after a space before, before a space after) so
/// the margins start and end at word boundaries.
fn segment_window(text: &str, owned_start: usize, owned_end: usize) -> (usize, usize) {
    let bytes = text.as_bytes();
    let mut start = owned_start.saturating_sub(MARGIN);
    if let Some(at) = bytes[start..owned_start]
        .iter()
        .position(u8::is_ascii_whitespace)
    {
        start += at + 1;
    }
    let start = ceil_char_boundary(text, start);
    let mut end = (owned_end + MARGIN).min(text.len());
    if let Some(at) = bytes[owned_end..end]
        .iter()
        .rposition(u8::is_ascii_whitespace)
    {
        end = owned_end + at;
    }
    let end = floor_char_boundary(text, end);
    (start.min(owned_start), end.max(owned_end))
}

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
    /// Whether values that are reserved for examples and fiction are reported:
    /// `example.com` addresses and links, published test card numbers, the 555-01xx and
    /// drama ranges ([`Finding::is_placeholder`]). By default they are, with a rule that
    /// says why, because test suites and demos stand them in for real values, except where
    /// the text presents them as examples, tests or stand-ins (see [`crate::context`]); set
    /// it to `false` to drop them all after they are recognised (so that no other reading of
    /// the same text is reported either).
    pub report_placeholders: bool,
}

impl Default for EngineOptions {
    fn default() -> Self {
        EngineOptions {
            default_region: Region::US,
            fallback_regions: Region::markets(),
            report_placeholders: true,
        }
    }
}

/// The countries where MTN runs Mobile Money ("MoMo"), from MTN Group's list of its MoMo
/// markets: a message from one of them naming MoMo names MTN's rail, not Vietnam's wallet.
const MTN_MOMO_REGIONS: &[&str] = &[
    "GH", "UG", "CM", "CI", "RW", "ZM", "BJ", "CG", "GN", "LR", "SZ", "SS", "NG", "ZA",
];

/// A compiled detector set. Build it once and share it: scanning takes `&self` and is
/// thread-safe.
pub struct Engine {
    options: EngineOptions,
    detectors: Vec<Box<dyn Detector>>,
    /// The size a long text is scanned in ([`Engine::with_segment_bytes`]).
    segment: usize,
}

impl Engine {
    /// Builds an engine with every detector registered in [`detectors::all`].
    pub fn new(options: EngineOptions) -> Engine {
        Engine {
            options,
            detectors: detectors::all(),
            segment: DEFAULT_SEGMENT_BYTES,
        }
    }

    /// The same engine, scanning long texts in segments of about `bytes` (at least
    /// [`MIN_SEGMENT_BYTES`]; `usize::MAX` scans every text in one piece). The findings do
    /// not depend on it, only the memory and time a long text takes: it is a knob for
    /// tests (a value across a segment cut without a megabyte of input) and for tuning.
    pub fn with_segment_bytes(mut self, bytes: usize) -> Engine {
        self.segment = bytes.max(MIN_SEGMENT_BYTES);
        self
    }

    /// Whether `text` is scanned in one piece: short enough that its only segment would be
    /// the whole text.
    fn in_one_piece(&self, text: &str) -> bool {
        text.len() <= self.segment.saturating_add(2 * MARGIN)
    }

    /// The names of the registered detectors, in the order they run.
    pub fn detector_names(&self) -> Vec<&'static str> {
        self.detectors.iter().map(|d| d.name()).collect()
    }

    /// Scans one text. `region` is the message's region hint; the engine's default region
    /// is used when it is `None`. Findings are sorted by start offset.
    ///
    /// A long text (a document, an attachment's text) is scanned in segments of about
    /// 32 KiB cut at paragraph or line breaks, each read with 1 KiB of its neighbours around
    /// it and reporting only what starts inside it. Context is local anyway (a clause, a
    /// label, the words around a channel name), and a segment's working set stays in the
    /// CPU's cache where a whole 10 MB text's views would take hundreds of megabytes.
    pub fn scan(&self, text: &str, region: Option<Region>) -> Vec<Finding> {
        let mut findings = Vec::new();
        self.scan_each(text, region, |finding| findings.push(finding));
        findings
    }

    /// Like [`Engine::scan`], handing each finding to `emit` as soon as its segment is
    /// scanned, in the same order, instead of collecting them. The memory a scan holds is
    /// then bounded by one segment whatever the text's length and the number of findings in
    /// it, so a caller that writes findings out as they come (`offside scan`) scans a text of
    /// any size in bounded memory.
    pub fn scan_each(&self, text: &str, region: Option<Region>, mut emit: impl FnMut(Finding)) {
        if self.in_one_piece(text) {
            let normalized = Normalized::new(text);
            self.scan_normalized(&normalized, region)
                .into_iter()
                .for_each(emit);
            return;
        }
        let mut start = 0;
        while start < text.len() {
            let end = segment_end(text, start, self.segment);
            self.scan_segment(text, (start, end), region, &mut emit);
            start = end;
        }
    }

    /// Like [`Engine::scan`], with the segments of a long text shared among up to `threads`
    /// threads (scoped: they end before this returns). The findings are the same, in the
    /// same order; a text of one segment is scanned on the calling thread. For one large
    /// document (an attachment's text) where latency matters; a batch of texts is better
    /// spread one text per thread.
    pub fn scan_parallel(
        &self,
        text: &str,
        region: Option<Region>,
        threads: usize,
    ) -> Vec<Finding> {
        if threads <= 1 || self.in_one_piece(text) {
            return self.scan(text, region);
        }
        let segments = segments(text, self.segment);
        // Contiguous runs of segments of about equal size, one per thread.
        let per_thread = segments.len().div_ceil(threads);
        let parts: Vec<Vec<Finding>> = std::thread::scope(|scope| {
            let handles: Vec<_> = segments
                .chunks(per_thread)
                .map(|group| scope.spawn(move || self.scan_segments(text, group, region)))
                .collect();
            handles
                .into_iter()
                .map(|handle| {
                    handle
                        .join()
                        .unwrap_or_else(|e| std::panic::resume_unwind(e))
                })
                .collect()
        });
        parts.into_iter().flatten().collect()
    }

    /// Scans `segments` of `text` (from [`segments`]), in order.
    fn scan_segments(
        &self,
        text: &str,
        segments: &[(usize, usize)],
        region: Option<Region>,
    ) -> Vec<Finding> {
        let mut findings = Vec::new();
        for &segment in segments {
            self.scan_segment(text, segment, region, &mut |f| findings.push(f));
        }
        findings
    }

    /// Scans the segment `owned_start..owned_end` of `text` in its window and emits the
    /// findings that start inside it, with offsets in the whole text.
    fn scan_segment(
        &self,
        text: &str,
        (owned_start, owned_end): (usize, usize),
        region: Option<Region>,
        emit: &mut impl FnMut(Finding),
    ) {
        let (window_start, window_end) = segment_window(text, owned_start, owned_end);
        let normalized = Normalized::new(&text[window_start..window_end]);
        for mut finding in self.scan_normalized(&normalized, region) {
            finding.start += window_start;
            finding.end += window_start;
            if (owned_start..owned_end).contains(&finding.start) {
                emit(finding);
            }
        }
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
        // "MoMo" in Accra or Kampala is MTN's Mobile Money; in Hanoi, the MoMo wallet. (The
        // region is asked only of a text that names MoMo: its code is a new string.)
        let momo =
            |f: &Finding| f.kind == crate::Kind::Payment && f.value.as_deref() == Some("momo");
        if findings.iter().any(momo)
            && region.is_some_and(|r| MTN_MOMO_REGIONS.contains(&r.code().as_str()))
        {
            for finding in findings.iter_mut().filter(|f| momo(f)) {
                finding.value = Some("mtn-momo".to_string());
            }
        }
        context::resolve(normalized, &mut findings);
        if !self.options.report_placeholders {
            findings.retain(|finding| !finding.is_placeholder());
        }
        findings
    }

    /// Why the intent model reads `text` as it does: the n-grams of its normalised text
    /// that weigh most for its leading intent (contact or payment) against none, most
    /// weighty first, with the weight each adds to the intent's score (negative: against
    /// it). At most ten; empty when no model is compiled in or the text is too long for it.
    pub fn explain_intent(&self, text: &str) -> Vec<(String, f32)> {
        if text.len() > detectors::intent::MAX_TEXT {
            return Vec::new();
        }
        match crate::intent::shipped() {
            Some(model) => model.explain(&Normalized::new(text), 10),
            None => Vec::new(),
        }
    }

    /// Scans the recent messages of one conversation, oldest first: each message on its own,
    /// then values split over several consecutive messages. Every finding says which message
    /// it starts in (`message`) and, for split values, every message that contributed
    /// (`messages`).
    pub fn scan_conversation(&self, messages: &[&str], region: Option<Region>) -> Vec<Finding> {
        conversation::scan(self, messages, region)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SEGMENT: usize = DEFAULT_SEGMENT_BYTES;

    #[test]
    fn placeholders_are_reported_softly_or_dropped_as_asked() {
        let text = "write to alex@example.com or call 415 555 0132";
        let reported = Engine::new(EngineOptions::default()).scan(text, Some(Region::US));
        let emails: Vec<_> = reported
            .iter()
            .filter(|f| f.kind == crate::Kind::Email)
            .collect();
        assert_eq!(emails.len(), 1, "{reported:?}");
        assert!(emails[0].is_placeholder());
        let dropped = Engine::new(EngineOptions {
            report_placeholders: false,
            ..EngineOptions::default()
        })
        .scan(text, Some(Region::US));
        assert!(dropped.iter().all(|f| !f.is_placeholder()), "{dropped:?}");
        assert!(
            dropped.iter().all(|f| f.kind != crate::Kind::Email),
            "no other reading of the placeholder: {dropped:?}"
        );
    }

    /// Lines of marketplace talk, benign and not, that long texts are made of.
    const LINES: &[&str] = &[
        "Hi! Is this still available?",
        "Order #4829137 shipped today, tracking should update by Friday.",
        "Delivery between 9:30 and 11:00 on 12/03, invoice 2024-0915 attached.",
        "I can't share my phone number here, let's keep it on the site.",
        "Could you build a Telegram bot that posts our daily prices?",
        "email me at alex.m@gmail.com",
        "write me: alex at gmail dot com",
        "call me on (415) 839-2716",
        "text me four one five, eight three nine, two seven one six",
        "add me on whats app +44 7911 123456",
        "my insta is @maya_runs, DM me there",
        "pay me via paypal.me/lenaw and I ship today",
        "ａｌｅｘ＠ｇｍａｉｌ．ｃｏｍ",
        "IBAN DE89 3704 0044 0532 0130 00, pay direct and skip the fees",
        "what's your number? let's talk outside this site",
        "k.tanaka (at) outlook [dot] com",
        "Lot 88213: 24 pieces at $3.50 each, shipping included.",
        "¿Sigue disponible? Me interesa mucho, gracias. 👍",
    ];

    fn in_one_piece(engine: &Engine, text: &str) -> Vec<Finding> {
        engine.scan_normalized(&Normalized::new(text), None)
    }

    /// A text of about `n_bytes` made of [`LINES`] in a pseudo-random order, joined by
    /// spaces, line breaks or paragraph breaks.
    fn long_text(n_bytes: usize, mut seed: u64) -> String {
        let mut next = move |n: usize| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            (seed % n as u64) as usize
        };
        let mut text = String::new();
        while text.len() < n_bytes {
            text.push_str(LINES[next(LINES.len())]);
            text.push_str(["\n\n", "\n", " ", " ", ". "][next(5)]);
        }
        text
    }

    #[test]
    fn a_long_text_in_segments_finds_what_it_finds_in_one_piece() {
        let engine = Engine::new(EngineOptions::default());
        for seed in [1, 2, 3] {
            let text = long_text(200_000, seed);
            let in_segments = engine.scan(&text, None);
            assert!(in_segments.len() > 1000, "{}", in_segments.len());
            assert_eq!(in_segments, in_one_piece(&engine, &text), "seed {seed}");
        }
    }

    #[test]
    fn scanning_in_parallel_finds_the_same_in_the_same_order() {
        let engine = Engine::new(EngineOptions::default());
        let text = long_text(300_000, 4);
        let one_thread = engine.scan(&text, None);
        for threads in [2, 3, 7, 64] {
            assert_eq!(engine.scan_parallel(&text, None, threads), one_thread);
        }
        let short = "call me on (415) 839-2716";
        assert_eq!(
            engine.scan_parallel(short, None, 4),
            engine.scan(short, None)
        );
    }

    #[test]
    fn a_value_across_a_segment_cut_is_found_once() {
        let engine = Engine::new(EngineOptions::default());
        // No space for the cut to fall on: it falls inside the address.
        for offset in [SEGMENT - 8, SEGMENT - 1, SEGMENT, SEGMENT + 3] {
            let text = format!(
                "{}|alex.mason@gmail.com|{}",
                "|".repeat(offset),
                "|".repeat(SEGMENT)
            );
            let findings = engine.scan(&text, None);
            assert_eq!(findings, in_one_piece(&engine, &text), "offset {offset}");
            let emails: Vec<&str> = findings
                .iter()
                .filter(|f| f.kind == crate::Kind::Email)
                .map(|f| &text[f.start..f.end])
                .collect();
            assert_eq!(emails, ["alex.mason@gmail.com"], "offset {offset}");
        }
    }

    #[test]
    fn segments_cover_the_text_at_char_boundaries() {
        let text = long_text(300_000, 9) + "é".repeat(40_000).as_str();
        let mut from = 0;
        for (start, end) in segments(&text, SEGMENT) {
            assert_eq!(start, from);
            assert!(end > start && text.is_char_boundary(end));
            let (window_start, window_end) = segment_window(&text, start, end);
            assert!(window_start <= start && window_end >= end);
            assert!(text.is_char_boundary(window_start) && text.is_char_boundary(window_end));
            from = end;
        }
        assert_eq!(from, text.len());
    }
}

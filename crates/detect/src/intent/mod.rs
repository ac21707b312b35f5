//! The learned model of off-platform intent: whether a message asks to take the
//! conversation (`solicit_contact`) or the payment (`solicit_payment`) off the platform,
//! however it is worded and in whatever language.
//!
//! A multinomial logistic regression over hashed features of the normalised text
//! ([`features`]: words, word pairs, character n-grams), with a second linear head on the
//! same features that guesses the language, whose per-language thresholds (chosen on the
//! validation set, see `docs/intent-model.md`) decide when a score is an intent. The model
//! is the file `crates/detect/data/intent.bin`, compiled in and parsed once; the trainer
//! (`crates/intent-train`) writes it from `testdata/intent/` with the same feature function.
//!
//! File format (little-endian), version 1:
//!
//! ```text
//! magic "OFFINTNT" | u32 version
//! u8 bits | u8 words | u8 bigrams | u8 char_min | u8 char_max | u8 lang_bits | u16 langs
//! 3 × (u8 len, label bytes)          "none", "solicit_contact", "solicit_payment"
//! langs × (u8 len, name bytes, f32 threshold, f32 high)
//! f32 threshold, f32 high             for a text whose language is not recognised
//! 3 × f32 bias | 3 × f32 scale | (1 << bits) × 3 × i16 weight
//! langs × f32 bias | langs × f32 scale | (1 << lang_bits) × langs × i16 weight
//! u64 FNV-1a of every byte before it
//! ```
//!
//! A weight is `scale[class] * i16`. The language head reads row `row >> (bits -
//! lang_bits)` of the same features. A class's score is `bias + Σ weight / √n` over the `n`
//! feature occurrences; probabilities are their softmax, and the intent score is
//! `1 - p(none)`.

pub mod features;

use std::sync::LazyLock;

pub use features::{for_each_feature, Feature, FeatureConfig, FeatureKind};

use crate::normalize::Normalized;

/// The class names, in the model's order.
pub const LABELS: [&str; 3] = ["none", "solicit_contact", "solicit_payment"];

const MAGIC: &[u8; 8] = b"OFFINTNT";
/// The file format version this code reads and writes.
pub const VERSION: u32 = 1;

/// The shipped model's bytes.
static SHIPPED_BYTES: &[u8] = include_bytes!("../../data/intent.bin");

static SHIPPED: LazyLock<Option<IntentModel>> =
    LazyLock::new(|| IntentModel::from_bytes(SHIPPED_BYTES).ok());

/// The model compiled into this crate, parsed on first use; `None` if its file does not
/// parse (then the `intent` detector finds nothing; a test makes sure it parses).
pub fn shipped() -> Option<&'static IntentModel> {
    SHIPPED.as_ref()
}

/// The shipped model's bytes, as compiled in.
pub fn shipped_bytes() -> &'static [u8] {
    SHIPPED_BYTES
}

/// What a text asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Intent {
    /// Nothing off the platform.
    None,
    /// To move the conversation off the platform.
    Contact,
    /// To move the payment off the platform.
    Payment,
}

impl Intent {
    /// The class index in [`LABELS`].
    pub fn index(self) -> usize {
        match self {
            Intent::None => 0,
            Intent::Contact => 1,
            Intent::Payment => 2,
        }
    }

    /// The corpus label.
    pub fn label(self) -> &'static str {
        LABELS[self.index()]
    }
}

/// How far above its language's threshold a score is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Band {
    /// At or above the threshold, below the high one.
    Medium,
    /// At or above the language's high threshold (chosen for few false positives).
    High,
}

/// Thresholds on the intent score `1 - p(none)` for one language.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Thresholds {
    /// An intent at or above this.
    pub threshold: f32,
    /// The high band at or above this.
    pub high: f32,
}

/// The model's reading of a text: of the whole text, or of the one clause (sentence) in
/// it that reads as more of an intent than the whole (see [`IntentModel::scores`]).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Scores {
    /// Probabilities of `none`, `solicit_contact`, `solicit_payment`.
    pub probabilities: [f32; 3],
    /// How many feature occurrences the text (or the clause) had.
    pub features: usize,
    /// The clause these scores are of (its index, counted from 0 as
    /// [`Feature::clause`] counts), or `None` for the whole text.
    pub clause: Option<u32>,
}

impl Scores {
    /// `1 - p(none)`.
    pub fn intent_score(&self) -> f32 {
        1.0 - self.probabilities[0]
    }

    /// The likelier of the two intents (not whether it passes a threshold).
    pub fn leading_intent(&self) -> Intent {
        if self.probabilities[2] > self.probabilities[1] {
            Intent::Payment
        } else {
            Intent::Contact
        }
    }
}

/// A text the model reads as an intent, with where it says so.
#[derive(Debug, Clone, PartialEq)]
pub struct Assessment {
    /// Contact or payment.
    pub intent: Intent,
    /// The intent score `1 - p(none)`.
    pub score: f32,
    /// Medium or high.
    pub band: Band,
    /// The byte range in the original text of the clause that carries the intent: the one
    /// whose features add most to the intent's score.
    pub start: usize,
    /// End of that range.
    pub end: usize,
    /// The start in the original text of the word in that clause that adds most.
    pub anchor: usize,
    /// Whether the intent was read in that clause alone, not in the whole text (see
    /// [`IntentModel::scores`]).
    pub clause_alone: bool,
}

/// Words a clause needs (characters, in a script written without spaces) before it is read
/// on its own (see [`IntentModel::scores`]). A request is usually one sentence of a longer
/// message, where averaged with the rest it weighs too little; a short clause ("Your
/// call.", "I'm joking and serious.") gives too few n-grams to be read alone. Chosen with
/// [`CLAUSE_PRIOR_FEATURES`] on recall over blind sets left out of training against what
/// fires on real prose (`docs/intent-model.md`).
pub const MIN_CLAUSE_WORDS: usize = 10;

/// Featureless occurrences a clause read on its own is averaged with: its scores shrink
/// towards the model's prior (`none`) the fewer n-grams it has, so a clause must say more
/// than a whole message of the same length to count as much.
pub const CLAUSE_PRIOR_FEATURES: f32 = 40.0;

/// The sums of the class weights of some feature occurrences.
fn sums_of(hits: &[Hit], weights: &[[i16; 4]]) -> [i32; 3] {
    let mut sums = [0i32; 3];
    for hit in hits {
        let w = weights[hit.row as usize];
        sums[0] += i32::from(w[0]);
        sums[1] += i32::from(w[1]);
        sums[2] += i32::from(w[2]);
    }
    sums
}

/// The most languages a model file may name.
pub const MAX_LANGUAGES: usize = 64;

/// One feature occurrence as scoring keeps it: its row, clause and word span.
#[derive(Debug, Clone, Copy)]
struct Hit {
    row: u32,
    clause: u32,
    start: u32,
    end: u32,
}

/// A clause being summed up by [`IntentModel::assess`].
struct Clause {
    index: u32,
    margin: f32,
    start: usize,
    end: usize,
    anchor_margin: f32,
    anchor: usize,
}

/// The feature occurrences of the text being scored, and each clause's words.
struct HitBuffer {
    hits: Vec<Hit>,
    /// `(clause, words)` for each clause with words, in order.
    clauses: Vec<(u32, usize)>,
}

thread_local! {
    /// This thread's feature occurrences of the text being scored.
    static HITS: std::cell::RefCell<HitBuffer> = const {
        std::cell::RefCell::new(HitBuffer { hits: Vec::new(), clauses: Vec::new() })
    };
    /// This thread's sums of the words read lately ([`features::WordSums`]).
    static WORD_SUMS: std::cell::RefCell<features::WordSums> =
        const { std::cell::RefCell::new(features::WordSums::new()) };
}

/// The identity of each parsed model, for [`features::WordSums`] (never 0).
static NEXT_MODEL_ID: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(1);

/// A parsed intent model.
pub struct IntentModel {
    /// Distinct for every model parsed in this process.
    id: u64,
    config: FeatureConfig,
    languages: Vec<String>,
    thresholds: Vec<Thresholds>,
    fallback: Thresholds,
    /// The lowest threshold of any language: below it nothing needs the language head.
    lowest: f32,
    /// The highest threshold of any language: at or above it every language's threshold is
    /// passed.
    highest: f32,
    /// The lowest and the highest of the languages' high thresholds: outside that range
    /// every language gives a score the same band.
    high_range: (f32, f32),
    bias: [f32; 3],
    scale: [f32; 3],
    /// One row per hash bucket: the three class weights and a pad, so a row is one load.
    weights: Vec<[i16; 4]>,
    lang_bits: u8,
    lang_bias: Vec<f32>,
    lang_scale: Vec<f32>,
    /// One row per hash bucket of the language head: a weight per language, padded with
    /// zeros to [`MAX_LANGUAGES`], so a row is summed in whole vectors, with no remainder.
    lang_weights: Vec<[i16; MAX_LANGUAGES]>,
}

impl std::fmt::Debug for IntentModel {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("IntentModel")
            .field("config", &self.config)
            .field("languages", &self.languages)
            .field("thresholds", &self.thresholds)
            .field("fallback", &self.fallback)
            .finish_non_exhaustive()
    }
}

/// Everything the trainer hands over to be written as a model file.
#[derive(Debug, Clone)]
pub struct ModelParts {
    /// The features.
    pub config: FeatureConfig,
    /// Language names, in the language head's order.
    pub languages: Vec<String>,
    /// One per language.
    pub thresholds: Vec<Thresholds>,
    /// For a text whose language is not recognised.
    pub fallback: Thresholds,
    /// Class biases.
    pub bias: [f32; 3],
    /// Class weights, `rows × 3`, row-major.
    pub weights: Vec<f32>,
    /// Rows of the language head: `1 << lang_bits`.
    pub lang_bits: u8,
    /// Language biases.
    pub lang_bias: Vec<f32>,
    /// Language weights, `(1 << lang_bits) × languages`, row-major.
    pub lang_weights: Vec<f32>,
}

/// Quantises `values` (every `stride`-th from `offset`) to i16 with one scale.
fn quantise_scale(values: &[f32], offset: usize, stride: usize) -> f32 {
    let max = values
        .iter()
        .skip(offset)
        .step_by(stride)
        .fold(0f32, |m, v| m.max(v.abs()));
    if max == 0.0 {
        1.0
    } else {
        max / 32767.0
    }
}

fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325u64, |h, &b| {
        (h ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3)
    })
}

impl ModelParts {
    /// The model file for these parts (weights quantised to i16, one scale per class).
    pub fn to_bytes(&self) -> Vec<u8> {
        let c = &self.config;
        let mut out = Vec::with_capacity(8 + c.rows() * 6 + 1024);
        out.extend_from_slice(MAGIC);
        out.extend_from_slice(&VERSION.to_le_bytes());
        out.extend_from_slice(&[
            c.bits,
            u8::from(c.words),
            u8::from(c.bigrams),
            c.char_min,
            c.char_max,
            self.lang_bits,
        ]);
        out.extend_from_slice(&(self.languages.len() as u16).to_le_bytes());
        let name = |out: &mut Vec<u8>, s: &str| {
            let bytes = &s.as_bytes()[..s.len().min(255)];
            out.push(bytes.len() as u8);
            out.extend_from_slice(bytes);
        };
        for label in LABELS {
            name(&mut out, label);
        }
        for (lang, t) in self.languages.iter().zip(&self.thresholds) {
            name(&mut out, lang);
            out.extend_from_slice(&t.threshold.to_le_bytes());
            out.extend_from_slice(&t.high.to_le_bytes());
        }
        out.extend_from_slice(&self.fallback.threshold.to_le_bytes());
        out.extend_from_slice(&self.fallback.high.to_le_bytes());
        let scale: Vec<f32> = (0..3)
            .map(|k| quantise_scale(&self.weights, k, 3))
            .collect();
        for b in self.bias {
            out.extend_from_slice(&b.to_le_bytes());
        }
        for s in &scale {
            out.extend_from_slice(&s.to_le_bytes());
        }
        for (i, w) in self.weights.iter().enumerate() {
            let q = (w / scale[i % 3]).round().clamp(-32767.0, 32767.0) as i16;
            out.extend_from_slice(&q.to_le_bytes());
        }
        let n = self.languages.len().max(1);
        let lang_scale: Vec<f32> = (0..self.languages.len())
            .map(|k| quantise_scale(&self.lang_weights, k, n))
            .collect();
        for b in &self.lang_bias {
            out.extend_from_slice(&b.to_le_bytes());
        }
        for s in &lang_scale {
            out.extend_from_slice(&s.to_le_bytes());
        }
        for (i, w) in self.lang_weights.iter().enumerate() {
            let q = (w / lang_scale[i % n]).round().clamp(-32767.0, 32767.0) as i16;
            out.extend_from_slice(&q.to_le_bytes());
        }
        let sum = fnv1a(&out);
        out.extend_from_slice(&sum.to_le_bytes());
        out
    }
}

/// A reader of the model file that names what is missing.
struct Reader<'b> {
    bytes: &'b [u8],
    at: usize,
}

impl<'b> Reader<'b> {
    fn take(&mut self, n: usize, what: &str) -> Result<&'b [u8], String> {
        let end = self
            .at
            .checked_add(n)
            .filter(|&e| e <= self.bytes.len())
            .ok_or_else(|| format!("intent model: file ends in {what} at byte {}", self.at))?;
        let slice = &self.bytes[self.at..end];
        self.at = end;
        Ok(slice)
    }

    fn u8(&mut self, what: &str) -> Result<u8, String> {
        Ok(self.take(1, what)?[0])
    }

    fn f32(&mut self, what: &str) -> Result<f32, String> {
        let b = self.take(4, what)?;
        let v = f32::from_le_bytes([b[0], b[1], b[2], b[3]]);
        if v.is_finite() {
            Ok(v)
        } else {
            Err(format!("intent model: {what} is not a finite number"))
        }
    }

    fn name(&mut self, what: &str) -> Result<String, String> {
        let n = usize::from(self.u8(what)?);
        let b = self.take(n, what)?;
        String::from_utf8(b.to_vec()).map_err(|_| format!("intent model: {what} is not UTF-8"))
    }

    fn i16s(&mut self, n: usize, what: &str) -> Result<impl Iterator<Item = i16> + 'b, String> {
        let b = self.take(n * 2, what)?;
        Ok(b.chunks_exact(2).map(|c| i16::from_le_bytes([c[0], c[1]])))
    }
}

impl IntentModel {
    /// Parses a model file; the error says what is wrong and where.
    pub fn from_bytes(bytes: &[u8]) -> Result<IntentModel, String> {
        if bytes.len() < 8 + 8 {
            return Err("intent model: file too short".into());
        }
        let (body, sum) = bytes.split_at(bytes.len() - 8);
        let mut sum_bytes = [0u8; 8];
        sum_bytes.copy_from_slice(sum);
        if fnv1a(body) != u64::from_le_bytes(sum_bytes) {
            return Err("intent model: checksum does not match (file damaged)".into());
        }
        let mut r = Reader { bytes: body, at: 0 };
        if r.take(8, "magic")? != MAGIC {
            return Err("intent model: not an intent model (bad magic)".into());
        }
        let v = r.take(4, "version")?;
        let version = u32::from_le_bytes([v[0], v[1], v[2], v[3]]);
        if version != VERSION {
            return Err(format!(
                "intent model: version {version}, this build reads {VERSION}"
            ));
        }
        let h = r.take(6, "header")?;
        let config = FeatureConfig {
            bits: h[0],
            words: h[1] != 0,
            bigrams: h[2] != 0,
            char_min: h[3],
            char_max: h[4],
        };
        let lang_bits = h[5];
        if !(8..=24).contains(&config.bits) || lang_bits > config.bits {
            return Err(format!(
                "intent model: hash sizes out of range (bits {}, language bits {lang_bits})",
                config.bits
            ));
        }
        let n = r.take(2, "language count")?;
        let n_langs = usize::from(u16::from_le_bytes([n[0], n[1]]));
        if n_langs > MAX_LANGUAGES {
            return Err(format!(
                "intent model: {n_langs} languages, at most {MAX_LANGUAGES} are read"
            ));
        }
        for label in LABELS {
            let got = r.name("label")?;
            if got != label {
                return Err(format!(
                    "intent model: label {got:?} where {label:?} was expected"
                ));
            }
        }
        let mut languages = Vec::with_capacity(n_langs);
        let mut thresholds = Vec::with_capacity(n_langs);
        for _ in 0..n_langs {
            languages.push(r.name("language name")?);
            thresholds.push(Thresholds {
                threshold: r.f32("threshold")?,
                high: r.f32("high threshold")?,
            });
        }
        let fallback = Thresholds {
            threshold: r.f32("fallback threshold")?,
            high: r.f32("fallback high threshold")?,
        };
        let mut bias = [0f32; 3];
        let mut scale = [0f32; 3];
        for b in &mut bias {
            *b = r.f32("bias")?;
        }
        for s in &mut scale {
            *s = r.f32("scale")?;
        }
        let mut q = r.i16s(config.rows() * 3, "weights")?;
        let weights: Vec<[i16; 4]> = (0..config.rows())
            .map(|_| {
                let (a, b, c) = (
                    q.next().unwrap_or(0),
                    q.next().unwrap_or(0),
                    q.next().unwrap_or(0),
                );
                [a, b, c, 0]
            })
            .collect();
        let mut lang_bias = Vec::with_capacity(n_langs);
        let mut lang_scale = Vec::with_capacity(n_langs);
        for _ in 0..n_langs {
            lang_bias.push(r.f32("language bias")?);
        }
        for _ in 0..n_langs {
            lang_scale.push(r.f32("language scale")?);
        }
        let mut q = r.i16s((1usize << lang_bits) * n_langs, "language weights")?;
        let lang_weights: Vec<[i16; MAX_LANGUAGES]> = (0..1usize << lang_bits)
            .map(|_| {
                let mut row = [0i16; MAX_LANGUAGES];
                for w in &mut row[..n_langs] {
                    *w = q.next().unwrap_or(0);
                }
                row
            })
            .collect();
        if r.at != body.len() {
            return Err(format!(
                "intent model: {} bytes left after the language weights",
                body.len() - r.at
            ));
        }
        let every = || thresholds.iter().chain(std::iter::once(&fallback));
        let lowest = every().map(|t| t.threshold).fold(f32::INFINITY, f32::min);
        let highest = every()
            .map(|t| t.threshold)
            .fold(f32::NEG_INFINITY, f32::max);
        let high_range = (
            every().map(|t| t.high).fold(f32::INFINITY, f32::min),
            every().map(|t| t.high).fold(f32::NEG_INFINITY, f32::max),
        );
        Ok(IntentModel {
            id: NEXT_MODEL_ID.fetch_add(1, std::sync::atomic::Ordering::Relaxed),
            config,
            languages,
            thresholds,
            fallback,
            lowest,
            highest,
            high_range,
            bias,
            scale,
            weights,
            lang_bits,
            lang_bias,
            lang_scale,
            lang_weights,
        })
    }

    /// The features this model reads.
    pub fn config(&self) -> &FeatureConfig {
        &self.config
    }

    /// The languages its language head knows, with their thresholds.
    pub fn languages(&self) -> impl Iterator<Item = (&str, Thresholds)> {
        self.languages
            .iter()
            .map(String::as_str)
            .zip(self.thresholds.iter().copied())
    }

    /// The thresholds for a text whose language is not recognised.
    pub fn fallback(&self) -> Thresholds {
        self.fallback
    }

    /// The scores of a clause read on its own, if it has words enough to be
    /// ([`MIN_CLAUSE_WORDS`]): the one rule both [`IntentModel::scores`] (from the first
    /// pass's sums) and the assessment (from the kept occurrences) read clauses by.
    fn clause_reading(
        &self,
        clause: u32,
        sums: [i32; 3],
        features: usize,
        words: usize,
    ) -> Option<Scores> {
        (words >= MIN_CLAUSE_WORDS).then(|| Scores {
            probabilities: self.clause_probabilities_of(sums, features),
            features,
            clause: Some(clause),
        })
    }

    /// The class probabilities of a clause read on its own: as [`Self::probabilities_of`],
    /// averaged as if the clause had [`CLAUSE_PRIOR_FEATURES`] more features of no weight.
    fn clause_probabilities_of(&self, sums: [i32; 3], n: usize) -> [f32; 3] {
        self.probabilities_normed(sums, 1.0 / (n as f32 + CLAUSE_PRIOR_FEATURES).sqrt())
    }

    fn probabilities_of(&self, sums: [i32; 3], n: usize) -> [f32; 3] {
        let norm = if n == 0 { 0.0 } else { 1.0 / (n as f32).sqrt() };
        self.probabilities_normed(sums, norm)
    }

    fn probabilities_normed(&self, sums: [i32; 3], norm: f32) -> [f32; 3] {
        let mut z = [0f32; 3];
        for k in 0..3 {
            z[k] = self.bias[k] + self.scale[k] * sums[k] as f32 * norm;
        }
        softmax3(z)
    }

    /// Runs `f` with the feature occurrences of `text`, extracted once into this thread's
    /// buffer (no allocation once the buffer has grown to a text's size).
    fn with_hits<R>(
        &self,
        text: &Normalized<'_>,
        f: impl FnOnce(&[Hit], usize, &[(u32, usize)]) -> R,
    ) -> R {
        let gather = |buffer: &mut HitBuffer| {
            let HitBuffer { hits, clauses } = buffer;
            hits.clear();
            clauses.clear();
            features::for_each_hit(
                text,
                &self.config,
                |row, clause, start, end| {
                    hits.push(Hit {
                        row,
                        clause,
                        start: start as u32,
                        end: end as u32,
                    });
                },
                |clause, words| clauses.push((clause, words)),
            )
        };
        HITS.with(|cell| match cell.try_borrow_mut() {
            Ok(mut buffer) => {
                let n = gather(&mut buffer);
                let result = f(&buffer.hits, n, &buffer.clauses);
                if buffer.hits.capacity() > 1 << 16 {
                    buffer.hits = Vec::new();
                }
                result
            }
            Err(_) => {
                let mut buffer = HitBuffer {
                    hits: Vec::new(),
                    clauses: Vec::new(),
                };
                let n = gather(&mut buffer);
                f(&buffer.hits, n, &buffer.clauses)
            }
        })
    }

    /// The scores of a text from its feature occurrences: the whole text's, or those of
    /// the clause of [`MIN_CLAUSE_WORDS`] or more that reads as more of an intent, when the
    /// text has more than one clause (as [`IntentModel::scores`] reads it).
    fn segment_scores_of(&self, hits: &[Hit], n: usize, clauses: &[(u32, usize)]) -> Scores {
        let whole = self.scores_of(hits, n);
        if clauses.len() < 2 {
            return whole;
        }
        let mut best = whole;
        let mut rest = hits;
        for &(clause, words) in clauses {
            // Hits come in clause order: this clause's are the next run.
            let skip = rest.iter().take_while(|h| h.clause < clause).count();
            rest = &rest[skip..];
            let len = rest.iter().take_while(|h| h.clause == clause).count();
            let (own, after) = rest.split_at(len);
            rest = after;
            if let Some(scores) =
                self.clause_reading(clause, sums_of(own, &self.weights), len, words)
            {
                if scores.intent_score() > best.intent_score() {
                    best = scores;
                }
            }
        }
        best
    }

    fn scores_of(&self, hits: &[Hit], n: usize) -> Scores {
        Scores {
            probabilities: self.probabilities_of(sums_of(hits, &self.weights), n),
            features: n,
            clause: None,
        }
    }

    fn language_of(&self, hits: &[Hit], n: usize) -> Option<(usize, f32)> {
        let l = self.languages.len();
        if l == 0 {
            return None;
        }
        let mut sums = [0i32; MAX_LANGUAGES];
        let shift = self.config.bits - self.lang_bits;
        for hit in hits {
            let row = &self.lang_weights[(hit.row >> shift) as usize];
            for (s, w) in sums.iter_mut().zip(row) {
                *s += i32::from(*w);
            }
        }
        let sums = &sums[..l];
        let norm = if n == 0 { 0.0 } else { 1.0 / (n as f32).sqrt() };
        let mut z = [0f32; MAX_LANGUAGES];
        for k in 0..l {
            z[k] = self.lang_bias[k] + self.lang_scale[k] * sums[k] as f32 * norm;
        }
        let z = &z[..l];
        let max = z.iter().copied().fold(f32::NEG_INFINITY, f32::max);
        let total: f32 = z.iter().map(|v| (v - max).exp()).sum();
        let (best, &zb) = z.iter().enumerate().max_by(|a, b| a.1.total_cmp(b.1))?;
        Some((best, (zb - max).exp() / total))
    }

    fn thresholds_of(&self, hits: &[Hit], n: usize) -> (Thresholds, Option<usize>) {
        match self.language_of(hits, n) {
            Some((k, p)) if p >= 0.5 => (self.thresholds[k], Some(k)),
            _ => (self.fallback, None),
        }
    }

    /// Thresholds that judge `score` as the text's own language's do (whether it passes, and
    /// its band). The language head, a row of every language summed for each feature (most
    /// of the work of a text that passes the first pass), is read only when its answer can
    /// change that: when the score passes every language's threshold and is in the same band
    /// for every language, any language's thresholds judge it alike (the shipped model's
    /// differ only in [0.30, 0.35)).
    fn thresholds_judging(&self, score: f32, hits: &[Hit], n: usize) -> Thresholds {
        let (high_lowest, high_highest) = self.high_range;
        if score >= self.highest && (score >= high_highest || score < high_lowest) {
            return self.fallback;
        }
        self.thresholds_of(hits, n).0
    }

    /// The class probabilities of a text: one pass over its features, summing as it goes.
    ///
    /// A text of several clauses (sentences, lines) is read whole and clause by clause
    /// (each of [`MIN_CLAUSE_WORDS`] or more), and scores as its reading with the highest
    /// intent score: a request in one sentence of a long proposal counts as a request,
    /// where the average over the whole text would bury it. Thresholds are chosen on what
    /// this gives, so they hold for it.
    pub fn scores(&self, text: &Normalized<'_>) -> Scores {
        let mut clauses = 0usize;
        let mut best: Option<Scores> = None;
        let mut on_clause = |c: features::ClauseSums| {
            clauses += 1;
            if let Some(scores) = self.clause_reading(c.clause, c.sums, c.features, c.words) {
                if best.is_none_or(|b| scores.intent_score() > b.intent_score()) {
                    best = Some(scores);
                }
            }
        };
        let (sums, n) = WORD_SUMS.with(|cell| match cell.try_borrow_mut() {
            Ok(mut cache) => {
                cache.for_model(self.id);
                features::sum_weights(
                    text,
                    &self.config,
                    &self.weights,
                    Some(&mut cache),
                    &mut on_clause,
                )
            }
            Err(_) => {
                features::sum_weights(text, &self.config, &self.weights, None, &mut on_clause)
            }
        });
        let whole = Scores {
            probabilities: self.probabilities_of(sums, n),
            features: n,
            clause: None,
        };
        match best {
            Some(clause) if clauses > 1 && clause.intent_score() > whole.intent_score() => clause,
            _ => whole,
        }
    }

    /// The language head's guess: the language's index and its probability.
    pub fn language(&self, text: &Normalized<'_>) -> Option<(usize, f32)> {
        self.with_hits(text, |hits, n, _| self.language_of(hits, n))
    }

    /// The name of a language index of [`IntentModel::language`].
    pub fn language_name(&self, index: usize) -> Option<&str> {
        self.languages.get(index).map(String::as_str)
    }

    /// The thresholds that apply to a text: its language's when the language head is sure
    /// enough (probability ≥ 0.5), the fallback otherwise; with the language's index.
    pub fn thresholds_for(&self, text: &Normalized<'_>) -> (Thresholds, Option<usize>) {
        self.with_hits(text, |hits, n, _| self.thresholds_of(hits, n))
    }

    /// The intent of a text, by its scores and its language's threshold.
    pub fn classify(&self, text: &Normalized<'_>) -> Intent {
        self.assess(text).map_or(Intent::None, |a| a.intent)
    }

    /// Whether the text is an intent and where: `None` when its score is under its
    /// language's threshold. The language head and the clauses are looked at only when the
    /// score passes the lowest threshold of any language (the features are then extracted
    /// once more, and kept).
    pub fn assess(&self, text: &Normalized<'_>) -> Option<Assessment> {
        // Most texts stop here, after one pass that keeps nothing.
        if self.scores(text).intent_score() < self.lowest {
            return None;
        }
        self.with_hits(text, |hits, n, clauses| self.assess_hits(hits, n, clauses))
    }

    fn assess_hits(&self, hits: &[Hit], n: usize, clauses: &[(u32, usize)]) -> Option<Assessment> {
        let scores = self.segment_scores_of(hits, n, clauses);
        let score = scores.intent_score();
        if score < self.lowest {
            return None;
        }
        // The language is the whole text's.
        let t = self.thresholds_judging(score, hits, n);
        if score < t.threshold {
            return None;
        }
        let intent = scores.leading_intent();
        let c = intent.index();
        // Each clause's contribution to the intent over none, its span, and its weightiest
        // word; of the one clause that scored, when one did.
        let mut best: Option<Clause> = None;
        let mut current: Option<Clause> = None;
        let read = |hit: &&Hit| scores.clause.is_none_or(|k| hit.clause == k);
        for hit in hits.iter().filter(read) {
            let w = self.weights[hit.row as usize];
            let margin = self.scale[c] * f32::from(w[c]) - self.scale[0] * f32::from(w[0]);
            let (start, end) = (hit.start as usize, hit.end as usize);
            match &mut current {
                Some(clause) if clause.index == hit.clause => {
                    clause.margin += margin;
                    clause.start = clause.start.min(start);
                    clause.end = clause.end.max(end);
                    if margin > clause.anchor_margin {
                        clause.anchor_margin = margin;
                        clause.anchor = start;
                    }
                }
                _ => {
                    if let Some(done) = current.take() {
                        if best.as_ref().is_none_or(|b| done.margin > b.margin) {
                            best = Some(done);
                        }
                    }
                    current = Some(Clause {
                        index: hit.clause,
                        margin,
                        start,
                        end,
                        anchor_margin: margin,
                        anchor: start,
                    });
                }
            }
        }
        if let Some(done) = current.take() {
            if best.as_ref().is_none_or(|b| done.margin > b.margin) {
                best = Some(done);
            }
        }
        let best = best?;
        Some(Assessment {
            intent,
            score,
            band: if score >= t.high {
                Band::High
            } else {
                Band::Medium
            },
            start: best.start,
            end: best.end,
            anchor: best.anchor,
            clause_alone: scores.clause.is_some(),
        })
    }

    /// The n-grams of the text that weigh most for the model's leading intent against
    /// `none`, most weighty first: `(n-gram, weight)` with the weight each adds to the
    /// intent's score (negative: against it). At most `limit`; the same n-gram occurring
    /// twice is listed once with its weights added.
    pub fn explain(&self, text: &Normalized<'_>, limit: usize) -> Vec<(String, f32)> {
        let scores = self.scores(text);
        let c = scores.leading_intent().index();
        let norm = if scores.features == 0 {
            0.0
        } else {
            1.0 / (scores.features as f32).sqrt()
        };
        let mut found: Vec<(String, f32)> = Vec::new();
        for_each_feature(text, &self.config, |f| {
            // Of the clause that scored, when one did.
            if scores.clause.is_some_and(|k| f.clause != k) {
                return;
            }
            let w = self.weights[f.row as usize];
            let margin = (self.scale[c] * f32::from(w[c]) - self.scale[0] * f32::from(w[0])) * norm;
            let name = f.display();
            match found.iter_mut().find(|(n, _)| *n == name) {
                Some(entry) => entry.1 += margin,
                None => found.push((name, margin)),
            }
        });
        found.sort_by(|a, b| b.1.abs().total_cmp(&a.1.abs()).then(a.0.cmp(&b.0)));
        found.truncate(limit);
        found
    }
}

fn softmax3(z: [f32; 3]) -> [f32; 3] {
    let max = z[0].max(z[1]).max(z[2]);
    let e = [(z[0] - max).exp(), (z[1] - max).exp(), (z[2] - max).exp()];
    let total = e[0] + e[1] + e[2];
    [e[0] / total, e[1] / total, e[2] / total]
}

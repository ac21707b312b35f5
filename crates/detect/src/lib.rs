//! Finds contact details and off-platform payment attempts in marketplace text, however
//! disguised.
//!
//! The key design decision: users of a marketplace hide contact details *on purpose*, so
//! detection never runs on the raw text. Every text first goes through [`normalize`], which
//! folds Unicode tricks (fullwidth, mathematical letters, Cyrillic look-alikes, zero-width and
//! bidi characters, keycap digits) and then rewrites spoken forms ("at", "punto", "four one
//! five", "six17", leetspeak digits, `j o h n`) into a compact view, keeping a map from every
//! byte of each view back to the original text. Detectors ([`detectors`]) are small units
//! registered in one place; each reads the views, validates candidates with the field's real
//! libraries (libphonenumber, the public suffix list, IBAN mod-97, Luhn, base58check, bech32,
//! EIP-55) and reports [`Finding`]s whose spans are always byte ranges of the original text.
//!
//! Context is modelled, not patched: [`context`] decides when a mention is a refusal ("I
//! can't share my email"), the subject of the work ("build a Telegram bot") or a label that
//! makes a number something else than a phone ("order #", "part number", "SKU").
//!
//! Requests said in words rather than shapes ("let's settle the next part directly", "¿lo
//! arreglamos por fuera?") are read by a learned model, [`intent`]: hashed n-grams of the
//! normalised text into a linear scorer, compiled in, with per-language thresholds and
//! explanations ([`Engine::explain_intent`]).
//!
//! The crate is pure: no I/O, no async, no serde on domain types. It never panics on input.
#![deny(missing_docs)]

pub mod context;
pub mod conversation;
mod decode;
pub mod detectors;
mod engine;
mod finding;
pub mod intent;
mod lexicon;
pub mod normalize;
mod redact;
mod region;
mod unicode_digits;

pub use engine::{Engine, EngineOptions, DEFAULT_SEGMENT_BYTES, MIN_SEGMENT_BYTES};
pub use finding::{Finding, Kind, LinkRole, Part};
pub use redact::{redact, redact_conversation};
pub use region::{Region, RegionError};

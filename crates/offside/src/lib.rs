//! offside as a library: the pipeline **extract → detect → decide** behind one crate, for a
//! Rust program that wants what `offside check` and `offside scan --docs` do without the
//! service around them.
//!
//! - [`decide`] is the one decision every surface makes on an event (a message, a
//!   conversation, a profile, an attachment's text): its time checked against the policy's
//!   bounds, its region read, its text scanned by the [`detect`] engine, and the [`policy`]
//!   applied, with the evidence a reviewer may be shown;
//! - [`read_and_scan`] reads a file with the [`extract`] stage and scans each of its segments,
//!   keeping where every finding is (page, part, image region), and [`decide_attachment`]
//!   decides on it like [`decide`];
//! - [`wire`] holds the serialisable formats of findings and file reports.
//!
//! The key design decision is that this crate is the glue and nothing else: no I/O beyond
//! the bytes it is handed, no clock but [`now`] for callers that want it, no database, no
//! HTTP, no async. Recording a decision is `offside-ledger`'s (`record_decided`), serving it
//! `offside-server`'s; both call into this crate, so a message is judged the same way by the
//! CLI, the HTTP API, the stream consumer and the console.
//!
//! ```
//! use offside::policy::{Action, Event, Policy};
//! use offside::detect::{Engine, EngineOptions};
//!
//! let event: Event<u64> = serde_json::from_str(r#"{
//!     "id": 1, "text": "mail me at alex@example.com", "surface": "message",
//!     "at": "2026-05-06T10:00:00Z", "sender": {"id": "f1", "role": "freelancer"},
//!     "relationship": {"state": "none"}}"#).unwrap();
//! let engine = Engine::new(EngineOptions::default());
//! let at = event.at;
//! let decided = offside::decide(&engine, &Policy::default(), &event, Vec::new(), at).unwrap();
//! assert_eq!(decided.decision.action, Action::Redact);
//! assert!(decided.evidence.is_some());
//! ```
#![deny(missing_docs)]

pub mod attachments;
mod decide;
pub mod wire;

pub use offside_detect as detect;
pub use offside_extract as extract;
pub use offside_policy as policy;

pub use attachments::{read_and_scan, scan_document, LocatedFinding, ScannedDocument};
pub use decide::{decide, decide_attachment, event_region, now, DecideError, Decided};

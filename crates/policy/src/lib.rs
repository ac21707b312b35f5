//! The policy stage: from an event (who sent what to whom, on which surface, at which stage
//! of their relationship) and the detector's findings to a decision.
//!
//! The policy is data, not code: a TOML file ([`policy`]) whose default,
//! [`DEFAULT_POLICY_TOML`], encodes `POLICY.md` rule by rule — the two rules, the documented
//! exceptions and what each covers, and the action for each (violation, surface, confidence
//! band). This crate is pure — no I/O, no clock: the event carries its own time, so a
//! decision is a pure function of (event, findings, policy) and can be replayed.
//!
//! The key design decision is that the rules read types, not flags: an [`Event`]'s
//! relationship is checked once into a [`RelationshipState`] (a [`ContractStage`] for the
//! contact rule, a [`PaymentRule`] for the payment rule), and every violation and exception
//! has a stable id ([`ViolationId`], [`ExceptionId`]) that decisions, notices, the ledger
//! and the policy file share. Only the sender of a text can break a rule: in a
//! conversation, findings in what the other side wrote are never held against anyone.
//!
//! ```
//! use offside_detect::{Engine, EngineOptions};
//! use offside_policy::{decide, Action, Event, Policy};
//!
//! let event: Event<u64> = serde_json::from_str(r#"{
//!     "id": 1, "text": "mail me at alex@example.com", "surface": "message",
//!     "at": "2026-05-06T10:00:00Z", "sender": {"id": "f1", "role": "freelancer"},
//!     "relationship": {"state": "none"}}"#).unwrap();
//! let engine = Engine::new(EngineOptions::default());
//! let findings = engine.scan(event.text.as_deref().unwrap_or(""), None);
//! let decision = decide(&event, &findings, &Policy::default()).unwrap();
//! assert_eq!(decision.action, Action::Redact);
//! assert_eq!(decision.redacted_text.as_deref(), Some("mail me at [email hidden]"));
//! ```
#![deny(missing_docs)]

mod decide;
pub mod event;
pub mod ladder;
mod notice;

pub use notice::mask_value;
pub mod policy;
#[cfg(feature = "openapi")]
mod schema;

pub use decide::{
    check, decide, decide_with_roles, link_role, Decision, ExceptionUse, FindingDetail,
    FindingJson, LinkRole, Violation,
};
pub use event::{
    Body, ContractStage, Event, EventError, PaymentLifted, PaymentRule, RelationshipState, Surface,
    Time,
};
pub use policy::{
    Action, Band, ExceptionId, Policy, PolicyError, RuleName, ViolationId, DEFAULT_POLICY_TOML,
};

//! The policy stage: from an event (who sent what to whom, on which surface, at which stage
//! of their relationship) and the detector's findings to a decision.
//!
//! The policy is data, not code: a TOML file whose default encodes `POLICY.md` rule by rule.
//! This crate is pure — no I/O, no clock: the event carries its own time, so a decision is a
//! pure function of (event, findings, policy) and can be replayed.
#![deny(missing_docs)]

pub mod ladder;

//! offside as a service. This crate holds:
//!
//! - the HTTP API of `offside serve` ([`router`], [`serve`]): check, record, scan,
//!   attachments, reports, appeals, reviews, standing, keys, metrics and the OpenAPI document;
//! - the reviewer console at `/console`, served by the same process;
//! - the NATS JetStream consumer of `offside consume` ([`consume`]);
//! - what the CLI's `offside keys` and `offside reviewers` need of it: API keys' and
//!   passwords' hashing ([`new_key`], [`hash_key`], [`hash_password`]) and the rules for
//!   scopes and reviewer names ([`parse_scopes`], [`check_new_reviewer`]).
//!
//! Deciding is the `offside` crate's ([`offside::decide`], [`offside::read_and_scan`]) and
//! recording the ledger's ([`offside_ledger::record_decided`]), the same functions the CLI's
//! `check` and `record` call. This crate is the only one that knows HTTP.
//!
//! The key design decision is that the service keeps **no state of its own that matters**:
//! every fact it acknowledges is committed to the ledger before the answer goes out (the
//! answer itself is stored under the caller's event id in the same transaction, which makes
//! `POST /v1/events` idempotent), API keys live hashed in the same database, and the contact
//! hashing secret is configuration (the database keeps only its fingerprint). What lives only in
//! memory — the last few messages of each conversation, the key cache, the rate-limit
//! buckets — can be lost with a process without losing anything that was acknowledged.
//! Checking and scanning are pure functions of the request, so any number of processes can
//! serve them behind a load balancer.
//!
//! The handlers are thin: they parse, authorise, decide with [`offside::decide`] and record
//! with [`offside_ledger::record_decided`], and map every failure to one [`ApiError`] with a
//! stable code.
#![deny(missing_docs)]

mod auth;
mod console;
mod consume;
mod conversations;
mod error;
mod extract;
mod headers;
mod ingest;
mod limits;
mod listen;
mod metrics;
mod openapi;
mod routes;
mod serve;
mod state;
mod throttle;

pub use auth::{hash_key, new_key, ClientAddr, Scope};
pub use console::{check_new_reviewer, hash_password, Role};
pub use consume::{consume, ConsumeConfig};
pub use error::{ApiError, ErrorCode};
pub use ingest::{record, ApiEvent, Recorded};
pub use routes::{parse_scopes, router};
pub use serve::{serve, ServeConfig};
pub use state::{AppState, ServiceOptions};

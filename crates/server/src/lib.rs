//! offside as a service. This crate holds:
//!
//! - the HTTP API of `offside serve` ([`router`], [`serve`]): check, record, scan,
//!   attachments, reports, appeals, reviews, standing, keys, metrics and the OpenAPI document;
//! - the reviewer console at `/console`, served by the same process;
//! - the NATS JetStream consumer of `offside consume` ([`consume`]);
//! - the administration commands `offside keys` ([`keys`]) and `offside reviewers`
//!   ([`reviewers`]), which work directly on the database;
//! - the one decision path and the one record path ([`decide`], [`record_decided`]) that the
//!   service, the consumer and the CLI's `check`, `record` and `replay` share, and the
//!   attachment pipeline ([`attachments`]: extract, detect, decide).
//!
//! It is the only crate that knows HTTP.
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
//! The handlers are thin: they parse, authorise, decide with [`decide`] and record with
//! [`record_decided`] (the same two functions `offside check`, `record` and `replay` use),
//! and map every failure to one [`ApiError`] with a stable code.
#![deny(missing_docs)]

pub mod attachments;
mod auth;
mod console;
mod consume;
mod conversations;
mod error;
mod extract;
mod headers;
mod ingest;
mod keys;
mod limits;
mod listen;
mod metrics;
mod openapi;
pub mod options;
mod reviewers;
mod routes;
mod serve;
mod state;
mod throttle;

pub use auth::{hash_key, new_key, ClientAddr, Scope};
pub use console::{hash_password, Role};
pub use consume::{consume, ConsumeArgs};
pub use error::ApiError;
pub use ingest::{
    decide, decide_attachment, event_region, now, record, record_decided, request_hash,
    stored_answer, ApiEvent, DecideError, Decided, RecordError, RecordOptions, Recorded,
};
pub use keys::{keys, KeysArgs, KeysCommand};
pub use reviewers::{reviewers, ReviewersArgs, ReviewersCommand};
pub use routes::router;
pub use serve::{serve, ServeArgs, ServiceArgs};
pub use state::{hasher_from, AppState, ServiceOptions};

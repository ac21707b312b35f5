//! The enforcement history of accounts: what each account did, what reviewers decided, and
//! the standing that follows.
//!
//! The key design decision is that **the ledger stores facts, never conclusions**. It is an
//! append-only list of events (a violation recorded against a message's sender, a report
//! filed by a recipient, a reviewer's verdict, an appeal and its decision, a lift); an
//! account's standing (points, sanction, until when) is not stored anywhere but derived by a
//! pure fold over its events ([`standing::standing`]). So standing can always be rebuilt by
//! replay, a change to the ladder applies to the whole history at once, and a reviewer who
//! overturns a violation undoes its effect simply by being one more fact. Only the sender of
//! a message is ever at fault: no event type can put a violation on a recipient, and a
//! report counts in the reporter's favour.
//!
//! Contact values found in messages are kept as keyed hashes ([`ContactHasher`],
//! HMAC-SHA256), which is enough to find accounts that used the same phone number or e-mail
//! ([`Store::linked_accounts`]) without keeping a readable list of them.
//!
//! Storage sits behind the [`Store`] trait — the whole of it: history, stored answers, API
//! keys, settings, reviewers, sessions and evidence — with two backends sharing one SQL
//! text: [`SqliteStore`] (the embedded default, one WAL-mode file) and [`PostgresStore`].
//! [`Ledger`] is an `Arc<dyn Store>` that [`Ledger::open`] fills with the backend a URL
//! names; a trait object rather than an enum of backends, so a method is written once, in
//! the trait, and nothing forwards it backend by backend.
#![deny(missing_docs)]

mod console;
mod contacts;
mod error;
mod event;
mod from_decision;
mod postgres;
mod record;
mod service;
mod sqlite;
pub mod standing;
mod store;

use std::fmt;
use std::ops::Deref;
use std::sync::Arc;

pub use console::{ConsoleSession, Evidence, NewReviewer, Reviewer};
pub use contacts::{ContactHasher, ContactValue, MIN_SECRET_BYTES};
pub use error::Error;
pub use event::{
    AppealDecided, AppealFiled, AppealOutcome, Event, EventBody, Report, ReviewVerdict, Rule,
    SanctionLifted, SuspensionConfirmed, Verdict, Violation, MAX_ID_BYTES, MAX_NOTE_BYTES,
};
pub use from_decision::{to_utc, violation_events, RecordDecision};
pub use postgres::PostgresStore;
pub use record::{
    record_decided, request_hash, stored_answer, DecisionAnswer, RecordError, RecordOptions,
};
pub use service::{ApiKey, NewApiKey, NewDecision, StoredDecision};
pub use sqlite::SqliteStore;
pub use standing::{Standing, ViolationStatus, ViolationSummary};
pub use store::{
    EventPage, LinkedAccount, Recorded, ReviewItem, ReviewItemKind, SharedKind, Store, StoreOptions,
};

/// The ledger a server or the CLI holds: a [`Store`] of the backend a database URL names,
/// shared behind an `Arc` (cloning it is cheap and shares the connection pool). Every
/// method of [`Store`] is called through it (`ledger.record(event)`, with the trait in
/// scope); it adds only [`Ledger::open`], which picks the backend.
#[derive(Clone)]
pub struct Ledger(Arc<dyn Store>);

impl Ledger {
    /// Opens `sqlite:PATH` (or `sqlite://PATH`) or `postgres://...` (`postgresql://...`),
    /// applying migrations.
    ///
    /// A bare path (`offside.db`) is an SQLite file, so every command takes the same
    /// `--database` values.
    pub async fn open(url: &str, options: StoreOptions) -> Result<Ledger, Error> {
        if url.starts_with("postgres://") || url.starts_with("postgresql://") {
            return Ok(Ledger::new(PostgresStore::open(url, options).await?));
        }
        let path = url
            .strip_prefix("sqlite://")
            .or_else(|| url.strip_prefix("sqlite:"))
            .unwrap_or(url);
        if path.is_empty() || (url.contains("://") && !url.starts_with("sqlite://")) {
            return Err(Error::UnsupportedUrl(url.to_string()));
        }
        Ok(Ledger::new(SqliteStore::open(path, options).await?))
    }

    /// A ledger over an opened store.
    pub fn new(store: impl Store + 'static) -> Ledger {
        Ledger(Arc::new(store))
    }
}

impl Deref for Ledger {
    type Target = dyn Store;

    fn deref(&self) -> &(dyn Store + 'static) {
        &*self.0
    }
}

impl fmt::Debug for Ledger {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_tuple("Ledger").field(&self.0.backend()).finish()
    }
}

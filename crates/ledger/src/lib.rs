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
//! Storage sits behind the [`Store`] trait with two backends sharing one SQL text:
//! [`SqliteStore`] (the embedded default, one WAL-mode file) and [`PostgresStore`].
//! [`Ledger::open`] picks one from a URL.
#![deny(missing_docs)]

mod console;
mod contacts;
mod error;
mod event;
mod from_decision;
mod postgres;
mod service;
mod sqlite;
pub mod standing;
mod store;

use offside_policy::ladder::Ladder;

pub use console::{ConsoleSession, Evidence, NewReviewer, Reviewer};
pub use contacts::{ContactHasher, ContactValue, MIN_SECRET_BYTES};
pub use error::Error;
pub use event::{
    AppealDecided, AppealFiled, AppealOutcome, Event, EventBody, Report, ReviewVerdict, Rule,
    SanctionLifted, SuspensionConfirmed, Verdict, Violation, MAX_ID_BYTES, MAX_NOTE_BYTES,
};
pub use from_decision::{to_utc, violation_events, RecordDecision};
pub use postgres::PostgresStore;
pub use service::{ApiKey, NewApiKey, NewDecision, StoredDecision};
pub use sqlite::SqliteStore;
pub use standing::{Standing, ViolationStatus, ViolationSummary};
pub use store::{
    EventPage, LinkedAccount, Recorded, ReviewItem, ReviewItemKind, SharedKind, Store, StoreOptions,
};

/// A store of either backend, chosen at run time from a database URL; what a server or the
/// CLI holds.
#[derive(Debug, Clone)]
pub enum Ledger {
    /// An SQLite file.
    Sqlite(SqliteStore),
    /// A PostgreSQL database.
    Postgres(PostgresStore),
}

impl Ledger {
    /// Opens `sqlite:PATH` (or `sqlite://PATH`) or `postgres://...` (`postgresql://...`),
    /// applying migrations.
    ///
    /// A bare path (`offside.db`) is an SQLite file, so every command takes the same
    /// `--database` values.
    pub async fn open(url: &str, options: StoreOptions) -> Result<Ledger, Error> {
        if url.starts_with("postgres://") || url.starts_with("postgresql://") {
            return Ok(Ledger::Postgres(PostgresStore::open(url, options).await?));
        }
        let path = url
            .strip_prefix("sqlite://")
            .or_else(|| url.strip_prefix("sqlite:"))
            .unwrap_or(url);
        if path.is_empty() || (url.contains("://") && !url.starts_with("sqlite://")) {
            return Err(Error::UnsupportedUrl(url.to_string()));
        }
        Ok(Ledger::Sqlite(SqliteStore::open(path, options).await?))
    }

    /// Checks that `hasher` holds the secret this ledger's contact hashes were made with,
    /// through the fingerprint stored on first use (never the secret itself). A ledger
    /// whose secret was generated into its settings by an older version is moved to the
    /// configured secret when it is that one; otherwise the error says how to set it.
    pub async fn bind_hash_secret(&self, hasher: &ContactHasher) -> Result<(), Error> {
        match self {
            Ledger::Sqlite(store) => store.bind_hash_secret(hasher).await,
            Ledger::Postgres(store) => store.bind_hash_secret(hasher).await,
        }
    }

    /// Deletes the evidence of messages sent before `before`; returns how many rows went.
    pub async fn purge_evidence(
        &self,
        before: chrono::DateTime<chrono::Utc>,
    ) -> Result<u64, Error> {
        match self {
            Ledger::Sqlite(store) => store.purge_evidence(before).await,
            Ledger::Postgres(store) => store.purge_evidence(before).await,
        }
    }

    /// Closes the connections; everything recorded is already committed.
    pub async fn close(&self) {
        match self {
            Ledger::Sqlite(store) => store.close().await,
            Ledger::Postgres(store) => store.close().await,
        }
    }

    /// Records a message's ledger events and its answer atomically; see
    /// [`SqliteStore::record_decision`].
    pub async fn record_decision(
        &self,
        decision: NewDecision,
        events: Vec<Event>,
    ) -> Result<StoredDecision, Error> {
        match self {
            Ledger::Sqlite(store) => store.record_decision(decision, events).await,
            Ledger::Postgres(store) => store.record_decision(decision, events).await,
        }
    }

    /// The answer stored under `event_id`, if any.
    pub async fn decision(&self, event_id: &str) -> Result<Option<StoredDecision>, Error> {
        match self {
            Ledger::Sqlite(store) => store.decision(event_id).await,
            Ledger::Postgres(store) => store.decision(event_id).await,
        }
    }

    /// Stores a new API key (only its hash).
    pub async fn create_api_key(&self, key: NewApiKey) -> Result<ApiKey, Error> {
        match self {
            Ledger::Sqlite(store) => store.create_api_key(key).await,
            Ledger::Postgres(store) => store.create_api_key(key).await,
        }
    }

    /// The key whose SHA-256 is `key_hash`, revoked or not.
    pub async fn api_key_by_hash(&self, key_hash: &str) -> Result<Option<ApiKey>, Error> {
        match self {
            Ledger::Sqlite(store) => store.api_key_by_hash(key_hash).await,
            Ledger::Postgres(store) => store.api_key_by_hash(key_hash).await,
        }
    }

    /// Every API key, oldest first.
    pub async fn api_keys(&self) -> Result<Vec<ApiKey>, Error> {
        match self {
            Ledger::Sqlite(store) => store.api_keys().await,
            Ledger::Postgres(store) => store.api_keys().await,
        }
    }

    /// Revokes a key; false when there is no such active key.
    pub async fn revoke_api_key(
        &self,
        key_id: &str,
        at: chrono::DateTime<chrono::Utc>,
    ) -> Result<bool, Error> {
        match self {
            Ledger::Sqlite(store) => store.revoke_api_key(key_id, at).await,
            Ledger::Postgres(store) => store.revoke_api_key(key_id, at).await,
        }
    }

    /// Stores a reviewer account; false when the name is taken.
    pub async fn create_reviewer(&self, reviewer: NewReviewer) -> Result<bool, Error> {
        match self {
            Ledger::Sqlite(store) => store.create_reviewer(reviewer).await,
            Ledger::Postgres(store) => store.create_reviewer(reviewer).await,
        }
    }

    /// The reviewer account called `name`, if any.
    pub async fn reviewer(&self, name: &str) -> Result<Option<Reviewer>, Error> {
        match self {
            Ledger::Sqlite(store) => store.reviewer(name).await,
            Ledger::Postgres(store) => store.reviewer(name).await,
        }
    }

    /// Stores a console session.
    pub async fn create_session(&self, session: ConsoleSession) -> Result<(), Error> {
        match self {
            Ledger::Sqlite(store) => store.create_session(session).await,
            Ledger::Postgres(store) => store.create_session(session).await,
        }
    }

    /// The session whose token hashes to `token_hash`, if it exists and has not expired at `now`.
    pub async fn session(
        &self,
        token_hash: &str,
        now: chrono::DateTime<chrono::Utc>,
    ) -> Result<Option<ConsoleSession>, Error> {
        match self {
            Ledger::Sqlite(store) => store.session(token_hash, now).await,
            Ledger::Postgres(store) => store.session(token_hash, now).await,
        }
    }

    /// Disables a reviewer account and ends all of its sessions; false when there is no
    /// active reviewer of that name.
    pub async fn disable_reviewer(
        &self,
        name: &str,
        at: chrono::DateTime<chrono::Utc>,
    ) -> Result<bool, Error> {
        match self {
            Ledger::Sqlite(store) => store.disable_reviewer(name, at).await,
            Ledger::Postgres(store) => store.disable_reviewer(name, at).await,
        }
    }

    /// Ends a session (sign-out).
    pub async fn delete_session(&self, token_hash: &str) -> Result<(), Error> {
        match self {
            Ledger::Sqlite(store) => store.delete_session(token_hash).await,
            Ledger::Postgres(store) => store.delete_session(token_hash).await,
        }
    }

    /// The evidence stored with the answer under `event_id`, if any.
    pub async fn evidence(&self, event_id: &str) -> Result<Option<Evidence>, Error> {
        match self {
            Ledger::Sqlite(store) => store.evidence(event_id).await,
            Ledger::Postgres(store) => store.evidence(event_id).await,
        }
    }

    /// Answers given to messages sent at or after `since`, oldest first, at most `limit`.
    pub async fn decisions_since(
        &self,
        since: chrono::DateTime<chrono::Utc>,
        limit: u32,
    ) -> Result<Vec<(chrono::DateTime<chrono::Utc>, String)>, Error> {
        match self {
            Ledger::Sqlite(store) => store.decisions_since(since, limit).await,
            Ledger::Postgres(store) => store.decisions_since(since, limit).await,
        }
    }

    /// Every active reviewer account, by name.
    pub async fn reviewers(&self) -> Result<Vec<Reviewer>, Error> {
        match self {
            Ledger::Sqlite(store) => store.reviewers().await,
            Ledger::Postgres(store) => store.reviewers().await,
        }
    }

    /// The setting `name`, storing `value` first if it has none.
    pub async fn setting_or_insert(&self, name: &str, value: &str) -> Result<String, Error> {
        match self {
            Ledger::Sqlite(store) => store.setting_or_insert(name, value).await,
            Ledger::Postgres(store) => store.setting_or_insert(name, value).await,
        }
    }
}

impl Store for Ledger {
    fn ladder(&self) -> &Ladder {
        match self {
            Ledger::Sqlite(store) => store.ladder(),
            Ledger::Postgres(store) => store.ladder(),
        }
    }

    async fn record(&self, event: Event) -> Result<Recorded, Error> {
        match self {
            Ledger::Sqlite(store) => store.record(event).await,
            Ledger::Postgres(store) => store.record(event).await,
        }
    }

    async fn events_for(&self, account: &str) -> Result<Vec<Event>, Error> {
        match self {
            Ledger::Sqlite(store) => store.events_for(account).await,
            Ledger::Postgres(store) => store.events_for(account).await,
        }
    }

    async fn linked_accounts(&self, account: &str) -> Result<Vec<LinkedAccount>, Error> {
        match self {
            Ledger::Sqlite(store) => store.linked_accounts(account).await,
            Ledger::Postgres(store) => store.linked_accounts(account).await,
        }
    }

    async fn open_review_items(&self, limit: u32) -> Result<Vec<ReviewItem>, Error> {
        match self {
            Ledger::Sqlite(store) => store.open_review_items(limit).await,
            Ledger::Postgres(store) => store.open_review_items(limit).await,
        }
    }

    async fn events_page(&self, after: Option<i64>, limit: u32) -> Result<EventPage, Error> {
        match self {
            Ledger::Sqlite(store) => store.events_page(after, limit).await,
            Ledger::Postgres(store) => store.events_page(after, limit).await,
        }
    }
}

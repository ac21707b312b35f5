//! The storage trait, [`Store`], and the values it returns. Every read and write of the
//! ledger's database goes through it; `sqlite.rs` and `postgres.rs` implement it once, from
//! the same SQL text (`sql_common.rs`).

use chrono::{DateTime, Utc};
use offside_policy::ladder::Ladder;
use serde::Serialize;

use crate::console::{ConsoleSession, Evidence, NewReviewer, Reviewer};
use crate::contacts::ContactHasher;
use crate::error::Error;
use crate::event::Event;
use crate::service::{ApiKey, NewApiKey, NewDecision, StoredDecision};
use crate::standing::Standing;

/// How a store is configured. Every field has a safe default.
#[derive(Debug, Clone, Default)]
pub struct StoreOptions {
    /// The ladder standing is computed with.
    pub ladder: Ladder,
    /// Keep raw contact values that arrive in events. Off by default: raw values are then
    /// stripped before anything is written, and only keyed hashes are stored.
    pub keep_raw_contacts: bool,
}

/// What `record` did.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Recorded {
    /// The event as stored: the first one recorded under this id if it was a duplicate.
    pub event: Event,
    /// The event's position in the ledger (increasing, gaps possible).
    pub seq: i64,
    /// True when an event with this id was already recorded; nothing changed.
    pub duplicate: bool,
    /// The account the event was filed under.
    pub account: String,
}

/// Another account that used a contact value this account used.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct LinkedAccount {
    /// The other account.
    pub account: String,
    /// How many distinct values the two accounts have in common, over all kinds.
    pub n_values: u32,
    /// The same, by kind (`email`, `phone`...), sorted by kind.
    pub by_kind: Vec<SharedKind>,
}

/// Values of one kind two accounts have in common.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SharedKind {
    /// The kind.
    pub kind: String,
    /// How many distinct values.
    pub n_values: u32,
}

/// What waits for a reviewer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum ReviewItemKind {
    /// A violation whose message was held; closed by a verdict on it.
    HeldViolation,
    /// A report; closed by a verdict on it or on a violation in the same message.
    Report,
    /// An appeal; closed by a decision.
    Appeal,
    /// An account whose violations reached suspension; held at restriction until a
    /// reviewer confirms the suspension or lifts it.
    Suspension,
}

impl ReviewItemKind {
    /// The snake-case name stored in SQL.
    pub fn as_str(self) -> &'static str {
        match self {
            ReviewItemKind::HeldViolation => "held_violation",
            ReviewItemKind::Report => "report",
            ReviewItemKind::Appeal => "appeal",
            ReviewItemKind::Suspension => "suspension",
        }
    }

    /// Reads the stored name back.
    pub fn parse(name: &str) -> Option<ReviewItemKind> {
        match name {
            "held_violation" => Some(ReviewItemKind::HeldViolation),
            "report" => Some(ReviewItemKind::Report),
            "appeal" => Some(ReviewItemKind::Appeal),
            "suspension" => Some(ReviewItemKind::Suspension),
            _ => None,
        }
    }
}

/// One open item of the review queue.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ReviewItem {
    /// The event id of the held violation, report or appeal.
    pub item_id: String,
    /// What it is.
    pub kind: ReviewItemKind,
    /// Whose item: the sender of a held violation, the reporter, the appellant.
    pub account: String,
    /// The message concerned (held violations and reports).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub message_id: Option<String>,
    /// When it was opened.
    pub opened_at: DateTime<Utc>,
}

/// One page of the whole ledger, in recording order, for replay.
#[derive(Debug, Clone, PartialEq)]
pub struct EventPage {
    /// The events, oldest recorded first.
    pub events: Vec<Event>,
    /// Pass this as `after` to get the next page; `None` when this page was the last.
    pub next_after: Option<i64>,
}

/// Everything the ledger's database holds, behind one interface for every backend: the
/// enforcement history first, then what a service and the reviewer console keep beside it
/// in the same database (stored answers, API keys, settings, reviewers, sessions, evidence).
///
/// It is one trait, not one per concern, because every backend stores all of it in one
/// database with one set of migrations, and [`crate::Ledger`] holds a backend as one
/// `Arc<dyn Store>`. Methods are `async` through `async_trait`, so the trait is
/// object-safe and every future is `Send` (a multi-threaded server holds the ledger in
/// its state); the box per call costs nothing next to a database round trip. Writes are
/// committed before a method returns.
#[async_trait::async_trait]
pub trait Store: Send + Sync {
    /// The backend's name for logs (`"sqlite"` or `"postgres"`), never its URL.
    fn backend(&self) -> &'static str;

    /// The ladder standing is computed with.
    fn ladder(&self) -> &Ladder;

    /// Closes the connections; everything recorded is already committed.
    async fn close(&self);

    // ---- The enforcement history ----

    /// Appends an event. An id recorded before changes nothing and returns the first
    /// record with `duplicate: true`. Verdicts, appeals and decisions must name an event
    /// already in the ledger.
    async fn record(&self, event: Event) -> Result<Recorded, Error>;

    /// Every event filed under `account`, in recording order: its violations, the reports
    /// it filed, verdicts and appeals on those, lifts of its sanctions.
    async fn events_for(&self, account: &str) -> Result<Vec<Event>, Error>;

    /// Other accounts that shared a contact value with `account`, most values in common
    /// first.
    async fn linked_accounts(&self, account: &str) -> Result<Vec<LinkedAccount>, Error>;

    /// Open review items, oldest first, at most `limit`.
    async fn open_review_items(&self, limit: u32) -> Result<Vec<ReviewItem>, Error>;

    /// Up to `limit` events recorded after position `after` (`None`: from the start).
    async fn events_page(&self, after: Option<i64>, limit: u32) -> Result<EventPage, Error>;

    /// The account's standing at `now`: the pure fold of [`crate::standing::standing`]
    /// over `events_for(account)`.
    async fn standing(&self, account: &str, now: DateTime<Utc>) -> Result<Standing, Error> {
        let events = self.events_for(account).await?;
        Ok(crate::standing::standing(
            account,
            &events,
            self.ladder(),
            now,
        ))
    }

    /// Every event in the ledger, read page by page. For replay and audits; it holds the
    /// whole history in memory, so a large deployment should page with `events_page`.
    async fn all_events(&self) -> Result<Vec<Event>, Error> {
        let mut events = Vec::new();
        let mut after = None;
        loop {
            let page = self.events_page(after, 1000).await?;
            events.extend(page.events);
            match page.next_after {
                Some(next) => after = Some(next),
                None => return Ok(events),
            }
        }
    }

    // ---- Stored answers and the contact-hash secret ----

    /// Records a message's ledger events and the answer given for it in one transaction,
    /// unless an answer is already stored under its event id: then nothing changes and the
    /// first answer comes back with `duplicate: true` (or [`Error::Conflict`] when the
    /// request hashes differ). Ledger events already recorded (by an earlier attempt or
    /// another producer) are left as they are.
    async fn record_decision(
        &self,
        decision: NewDecision,
        events: Vec<Event>,
    ) -> Result<StoredDecision, Error>;

    /// The answer stored under `event_id`, if any.
    async fn decision(&self, event_id: &str) -> Result<Option<StoredDecision>, Error>;

    /// Answers given to messages sent at or after `since`, oldest first, at most `limit`:
    /// `(when the message was sent, the answer as JSON text)`. For the console's overview.
    async fn decisions_since(
        &self,
        since: DateTime<Utc>,
        limit: u32,
    ) -> Result<Vec<(DateTime<Utc>, String)>, Error>;

    /// Checks that `hasher` holds the secret this ledger's contact hashes were made with,
    /// through the fingerprint stored on first use (never the secret itself). A ledger
    /// whose secret was generated into its settings by an older version is moved to the
    /// configured secret when it is that one; otherwise the error says how to set it.
    async fn bind_hash_secret(&self, hasher: &ContactHasher) -> Result<(), Error>;

    /// The setting `name`, storing `value` first if it has none: every caller gets the value
    /// of the first one that stored it.
    async fn setting_or_insert(&self, name: &str, value: &str) -> Result<String, Error>;

    // ---- API keys (hashed) ----

    /// Stores a new API key (only its hash).
    async fn create_api_key(&self, key: NewApiKey) -> Result<ApiKey, Error>;

    /// The key whose SHA-256 is `key_hash`, revoked or not.
    async fn api_key_by_hash(&self, key_hash: &str) -> Result<Option<ApiKey>, Error>;

    /// Every API key, oldest first.
    async fn api_keys(&self) -> Result<Vec<ApiKey>, Error>;

    /// Revokes a key; false when there is no such key or it was already revoked.
    async fn revoke_api_key(&self, key_id: &str, at: DateTime<Utc>) -> Result<bool, Error>;

    // ---- The reviewer console: reviewers, sessions, evidence ----

    /// Stores a reviewer account; false when the name is taken.
    async fn create_reviewer(&self, reviewer: NewReviewer) -> Result<bool, Error>;

    /// The active reviewer account called `name`, if any.
    async fn reviewer(&self, name: &str) -> Result<Option<Reviewer>, Error>;

    /// Every active reviewer account, by name.
    async fn reviewers(&self) -> Result<Vec<Reviewer>, Error>;

    /// Disables a reviewer account and ends every session it has; false when there is no
    /// active reviewer of that name.
    async fn disable_reviewer(&self, name: &str, at: DateTime<Utc>) -> Result<bool, Error>;

    /// Stores a console session.
    async fn create_session(&self, session: ConsoleSession) -> Result<(), Error>;

    /// The session whose token hashes to `token_hash`, unless it expired before `now` or
    /// its reviewer was disabled.
    async fn session(
        &self,
        token_hash: &str,
        now: DateTime<Utc>,
    ) -> Result<Option<ConsoleSession>, Error>;

    /// Ends a session (sign-out).
    async fn delete_session(&self, token_hash: &str) -> Result<(), Error>;

    /// The evidence stored with the answer under `event_id`, if any.
    async fn evidence(&self, event_id: &str) -> Result<Option<Evidence>, Error>;

    /// Deletes the evidence of messages sent before `before`; returns how many rows went.
    async fn purge_evidence(&self, before: DateTime<Utc>) -> Result<u64, Error>;
}

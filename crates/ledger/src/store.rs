//! The storage trait and the values it returns.

use std::future::Future;

use chrono::{DateTime, Utc};
use offside_policy::ladder::Ladder;
use serde::Serialize;

use crate::error::Error;
use crate::event::Event;
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
pub struct SharedKind {
    /// The kind.
    pub kind: String,
    /// How many distinct values.
    pub n_values: u32,
}

/// What waits for a reviewer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
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

/// The enforcement history of accounts, behind one interface for every backend.
///
/// Every method's future is `Send`, so a multi-threaded server can hold a store in its
/// state. Writes are committed before `record` returns.
pub trait Store: Send + Sync {
    /// The ladder standing is computed with.
    fn ladder(&self) -> &Ladder;

    /// Appends an event. An id recorded before changes nothing and returns the first
    /// record with `duplicate: true`. Verdicts, appeals and decisions must name an event
    /// already in the ledger.
    fn record(&self, event: Event) -> impl Future<Output = Result<Recorded, Error>> + Send;

    /// Every event filed under `account`, in recording order: its violations, the reports
    /// it filed, verdicts and appeals on those, lifts of its sanctions.
    fn events_for(&self, account: &str) -> impl Future<Output = Result<Vec<Event>, Error>> + Send;

    /// Other accounts that shared a contact value with `account`, most values in common
    /// first.
    fn linked_accounts(
        &self,
        account: &str,
    ) -> impl Future<Output = Result<Vec<LinkedAccount>, Error>> + Send;

    /// Open review items, oldest first, at most `limit`.
    fn open_review_items(
        &self,
        limit: u32,
    ) -> impl Future<Output = Result<Vec<ReviewItem>, Error>> + Send;

    /// Up to `limit` events recorded after position `after` (`None`: from the start).
    fn events_page(
        &self,
        after: Option<i64>,
        limit: u32,
    ) -> impl Future<Output = Result<EventPage, Error>> + Send;

    /// The account's standing at `now`: the pure fold of [`crate::standing::standing`]
    /// over `events_for(account)`.
    fn standing(
        &self,
        account: &str,
        now: DateTime<Utc>,
    ) -> impl Future<Output = Result<Standing, Error>> + Send {
        async move {
            let events = self.events_for(account).await?;
            Ok(crate::standing::standing(
                account,
                &events,
                self.ladder(),
                now,
            ))
        }
    }

    /// Every event in the ledger, read page by page. For replay and audits; it holds the
    /// whole history in memory, so a large deployment should page with `events_page`.
    fn all_events(&self) -> impl Future<Output = Result<Vec<Event>, Error>> + Send {
        async move {
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
    }
}

//! What a service keeps next to the ledger, in the same database: the answer given for each
//! recorded message (so a retried request gets the first answer back), API keys (hashed),
//! and settings generated once (the contact-hashing secret when none is configured).
//!
//! These are not enforcement history, and standing never reads them; they live here because
//! the ledger owns the database, its migrations and its two backends.

use chrono::{DateTime, Utc};
use serde::Serialize;

use crate::error::Error;

/// The answer to a recorded message, to store under the caller's event id.
#[derive(Debug, Clone, PartialEq)]
pub struct NewDecision {
    /// The caller's id of the message: the idempotency key.
    pub event_id: String,
    /// The message's sender.
    pub account: String,
    /// When the message was sent.
    pub at: DateTime<Utc>,
    /// The answer, as JSON text, returned byte for byte to every retry.
    pub response: String,
    /// The message's content for reviewers (see [`crate::Evidence`]), when it broke a rule.
    pub evidence: Option<String>,
    /// A hash of the request's body: the same id sent again with another body is a
    /// conflict ([`crate::Error::Conflict`]), not a retry.
    pub request_hash: Option<String>,
}

/// A stored answer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredDecision {
    /// The caller's id of the message.
    pub event_id: String,
    /// The message's sender.
    pub account: String,
    /// The answer given the first time, as JSON text.
    pub response: String,
    /// The hash of the body the answer was given to (absent for answers stored before
    /// bodies were hashed).
    pub request_hash: Option<String>,
    /// True when the answer was already stored before this call: nothing changed.
    pub duplicate: bool,
}

/// An API key to store. Only the key's hash is ever stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewApiKey {
    /// A short public id, shown in listings and used to revoke the key.
    pub key_id: String,
    /// Lower-case hex SHA-256 of the key.
    pub key_hash: String,
    /// What the key is for, in the operator's words.
    pub name: String,
    /// What the key may do (`check`, `ingest`, `review`, `admin`).
    pub scopes: Vec<String>,
    /// When it was created.
    pub created_at: DateTime<Utc>,
}

/// A stored API key, without its hash.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ApiKey {
    /// The key's public id.
    pub key_id: String,
    /// What the key is for.
    pub name: String,
    /// What the key may do.
    pub scopes: Vec<String>,
    /// When it was created.
    pub created_at: DateTime<Utc>,
    /// When it was revoked; a revoked key is refused.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub revoked_at: Option<DateTime<Utc>>,
}

/// Checks the fields of a decision or key the same way events are checked: non-empty, short,
/// no control characters.
pub(crate) fn check_field(what: &str, field: &str, value: &str) -> Result<(), Error> {
    let reason = if value.is_empty() {
        format!("{field} must not be empty")
    } else if value.len() > crate::event::MAX_ID_BYTES {
        format!(
            "{field} is {} bytes, more than {}",
            value.len(),
            crate::event::MAX_ID_BYTES
        )
    } else if value.chars().any(char::is_control) {
        format!("{field} must not contain control characters")
    } else {
        return Ok(());
    };
    Err(Error::InvalidEvent {
        event_id: what.to_string(),
        reason,
    })
}

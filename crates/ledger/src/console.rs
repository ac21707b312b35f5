//! What the reviewer console keeps next to the ledger: reviewer accounts (argon2 hashes
//! only), their sessions (token hashes only), and the evidence of recorded messages.
//!
//! Like the service tables, none of this is enforcement history and standing never reads
//! it. Hashing passwords and tokens is the caller's job: the store never sees a password or
//! a session token.

use chrono::{DateTime, Utc};

/// A reviewer account to store.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewReviewer {
    /// The sign-in name, shown in the audit trail of every verdict.
    pub name: String,
    /// The password's argon2id PHC string.
    pub password_hash: String,
    /// `reviewer` or `admin`.
    pub role: String,
    /// When the account was created.
    pub created_at: DateTime<Utc>,
}

/// A stored reviewer account.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reviewer {
    /// The sign-in name.
    pub name: String,
    /// The password's argon2id PHC string.
    pub password_hash: String,
    /// `reviewer` or `admin`.
    pub role: String,
    /// When the account was created.
    pub created_at: DateTime<Utc>,
}

/// A signed-in console session.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConsoleSession {
    /// Lower-case hex SHA-256 of the cookie's token.
    pub token_hash: String,
    /// Who signed in.
    pub reviewer: String,
    /// The token every form of this session must send back.
    pub csrf_token: String,
    /// When the session started.
    pub created_at: DateTime<Utc>,
    /// When it stops being accepted.
    pub expires_at: DateTime<Utc>,
}

/// The content of a recorded message that had findings, for a reviewer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Evidence {
    /// The message's event id.
    pub event_id: String,
    /// Its sender.
    pub account: String,
    /// When it was sent.
    pub at: DateTime<Utc>,
    /// The event's `text` or `conversation`, as JSON (`{"text": ...}` or
    /// `{"conversation": [...]}`).
    pub content: String,
}

//! The ledger's errors: one variant per cause, each naming what was wrong.

/// Everything that can go wrong when recording or reading the ledger.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The event is malformed: an empty id or account, a bad time, a negative weight...
    #[error("invalid event {event_id:?}: {reason}")]
    InvalidEvent {
        /// The event's id (empty when the id itself could not be read).
        event_id: String,
        /// What was wrong.
        reason: String,
    },
    /// A verdict, appeal or decision names an event the ledger does not have.
    #[error("event {event_id:?} acts on {subject_id:?}, which is not in the ledger")]
    UnknownSubject {
        /// The acting event.
        event_id: String,
        /// The missing event it names.
        subject_id: String,
    },
    /// A verdict, appeal or decision names an event of the wrong type (an appeal against a
    /// report, a decision on a violation...).
    #[error("event {event_id:?} acts on {subject_id:?}, a {found}, but needs {expected}")]
    WrongSubject {
        /// The acting event.
        event_id: String,
        /// The event it names.
        subject_id: String,
        /// The type(s) of event it may act on.
        expected: &'static str,
        /// The type it found.
        found: String,
    },
    /// A stored row could not be read back (edited by hand, truncated, from a newer version).
    #[error("corrupt row in {table} ({key}): {reason}")]
    CorruptRow {
        /// The table.
        table: &'static str,
        /// Which row (its event id or sequence number).
        key: String,
        /// What was wrong with it.
        reason: String,
    },
    /// The contact-hashing secret is too short to keep hashes from being guessed.
    #[error(
        "the contact-hashing secret has {n_bytes} bytes; at least {} are needed",
        crate::contacts::MIN_SECRET_BYTES
    )]
    WeakSecret {
        /// Its length.
        n_bytes: usize,
    },
    /// The same event id was sent again with a different body: its first answer stands and
    /// nothing of the second was recorded.
    #[error("event {event_id:?} was already recorded with a different body; send a new id for a new event")]
    Conflict {
        /// The event id.
        event_id: String,
    },
    /// The configured contact-hash secret is not the one this ledger's hashes were made
    /// with (its stored fingerprint differs), or none is configured.
    #[error("{0}")]
    HashSecret(String),
    /// The database URL is neither `sqlite:` nor `postgres:`/`postgresql:`.
    #[error("unsupported database URL {0:?}: use sqlite:PATH or postgres://...")]
    UnsupportedUrl(String),
    /// The database was written by a newer version of the ledger.
    #[error("the database has schema version {found}; this build knows up to {known}")]
    SchemaTooNew {
        /// The version in the database.
        found: i64,
        /// The newest version this build knows.
        known: i64,
    },
    /// Applying a schema migration failed; nothing of it was applied.
    #[error("schema migration {version} ({name}) failed: {source}")]
    Migration {
        /// The migration's version.
        version: i64,
        /// Its name.
        name: &'static str,
        /// The database's error.
        source: sqlx::Error,
    },
    /// The database failed (connection, I/O, constraint).
    #[error("database error: {0}")]
    Database(#[from] sqlx::Error),
}

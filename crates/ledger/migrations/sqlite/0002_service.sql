-- What the HTTP service and the stream consumer keep next to the ledger.

-- The answer given for each recorded message, by the caller's event id: a retried request
-- or a redelivered stream message gets this first answer back, byte for byte. Written in
-- the same transaction as the message's violation events, so either both are committed or
-- neither is. `response` is the answer as JSON text.
CREATE TABLE decisions (
    event_id    TEXT PRIMARY KEY,
    account     TEXT NOT NULL,
    occurred_at TEXT NOT NULL,
    response    TEXT NOT NULL
);

-- API keys: only the SHA-256 of each key is stored (keys are 256-bit random strings, so a
-- fast hash is enough; argon2 is for passwords). `scopes` is space-separated.
CREATE TABLE api_keys (
    key_id     TEXT PRIMARY KEY,
    key_hash   TEXT NOT NULL UNIQUE,
    name       TEXT NOT NULL,
    scopes     TEXT NOT NULL,
    created_at TEXT NOT NULL,
    revoked_at TEXT
);

-- Values generated once and kept so that every process and every restart agrees on them
-- (the contact-hashing secret when none is configured).
CREATE TABLE settings (
    name  TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

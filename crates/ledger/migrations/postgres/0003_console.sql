-- What the reviewer console keeps: reviewer accounts, their sessions, and the evidence a
-- reviewer needs to judge a recorded message.

-- Reviewer accounts. `password_hash` is an argon2id PHC string; the password itself is
-- never stored. `role` is `reviewer` or `admin`.
CREATE TABLE reviewers (
    name          TEXT PRIMARY KEY,
    password_hash TEXT NOT NULL,
    role          TEXT NOT NULL,
    created_at    TEXT NOT NULL,
    disabled_at   TEXT
);

-- Signed-in sessions. The cookie carries a random token; only its SHA-256 is stored, so a
-- copy of the database signs nobody in. `csrf_token` is the token every form of the session
-- must send back.
CREATE TABLE console_sessions (
    token_hash TEXT PRIMARY KEY,
    reviewer   TEXT NOT NULL REFERENCES reviewers (name),
    csrf_token TEXT NOT NULL,
    created_at TEXT NOT NULL,
    expires_at TEXT NOT NULL
);

-- The text of each recorded message that had findings, so that a reviewer can see the
-- evidence in place: the event's `text` or `conversation`, as JSON. This is the one place
-- raw contact values are kept (the ledger itself holds only keyed hashes); it is written in
-- the same transaction as the message's answer.
CREATE TABLE evidence (
    event_id    TEXT PRIMARY KEY,
    account     TEXT NOT NULL,
    occurred_at TEXT NOT NULL,
    content     TEXT NOT NULL
);

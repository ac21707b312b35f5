-- The ledger's first schema (PostgreSQL). `events` is the only source of truth; contact_hashes
-- and review_items are projections of it, written in the same transaction as the event.

-- Every recorded fact, append-only. `account` is the account the event is filed under (for
-- verdicts, appeals and decisions: the account of the event they act on); `payload` is the
-- whole event as JSON text (kept byte-for-byte, so both backends replay the same thing);
-- `occurred_at` is RFC 3339 UTC with nanoseconds, fixed width, so that text order is time order.
CREATE TABLE events (
    seq         BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    event_id    TEXT NOT NULL UNIQUE,
    kind        TEXT NOT NULL,
    account     TEXT NOT NULL,
    subject_id  TEXT,
    message_id  TEXT,
    occurred_at TEXT NOT NULL,
    payload     TEXT NOT NULL
);
CREATE INDEX events_by_account ON events (account, seq);

CREATE FUNCTION ledger_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'the events table is append-only';
END;
$$;
CREATE TRIGGER events_no_update_or_delete BEFORE UPDATE OR DELETE ON events
    FOR EACH ROW EXECUTE FUNCTION ledger_events_append_only();
CREATE TRIGGER events_no_truncate BEFORE TRUNCATE ON events
    FOR EACH STATEMENT EXECUTE FUNCTION ledger_events_append_only();

-- Keyed hashes (HMAC-SHA256) of the contact values each account sent; never raw values.
CREATE TABLE contact_hashes (
    account        TEXT NOT NULL,
    kind           TEXT NOT NULL,
    hash           TEXT NOT NULL,
    first_event_id TEXT NOT NULL,
    first_seen     TEXT NOT NULL,
    PRIMARY KEY (account, kind, hash)
);
CREATE INDEX contact_hashes_by_value ON contact_hashes (kind, hash);

-- What waits for a reviewer: held violations, reports, appeals. `closed_by` is the event id
-- of the verdict or decision that settled the item.
CREATE TABLE review_items (
    item_id    TEXT PRIMARY KEY,
    item_kind  TEXT NOT NULL,
    account    TEXT NOT NULL,
    message_id TEXT,
    opened_at  TEXT NOT NULL,
    opened_seq BIGINT NOT NULL,
    closed_by  TEXT
);
CREATE INDEX review_items_open ON review_items (opened_at, opened_seq) WHERE closed_by IS NULL;
CREATE INDEX review_items_open_reports ON review_items (message_id) WHERE closed_by IS NULL;

-- The hash of the body each stored answer was given to: the same event id sent again with
-- a different body is a conflict, not a retry. Answers stored before have none.
ALTER TABLE decisions ADD COLUMN request_hash TEXT;

-- 009_superseded_transactions: fix and resend (F36, F37). Once an operator approved re-pushing a
-- FAILED transaction, the provider may send a corrected package under the same provider reference:
-- it becomes a new transaction (its successor) and the failed one stays, pointing at it, so the
-- history of the reference is kept. The provider's key is therefore unique among the transactions
-- not superseded (the current one of each reference), no longer among all of them.
-- superseded_by is on the old row because the unique index needs it there; supersedes is on the new
-- one so a successor names its predecessor without a lookup. Both are written in the one database
-- transaction that creates the successor (intake/accept-submission.ts).
-- Append-only like 001-008: never edit once released.
ALTER TABLE transactions ADD COLUMN supersedes uuid UNIQUE REFERENCES transactions (id);
-- No foreign key: the successor's row is inserted after this one is marked (the index below).
-- Only a FAILED transaction is ever superseded, and it stays FAILED.
ALTER TABLE transactions ADD COLUMN superseded_by uuid;
ALTER TABLE transactions ADD CONSTRAINT transactions_superseded_failed_check
  CHECK (superseded_by IS NULL OR status = 'FAILED');
-- F9 replay: the provider's own reference that already holds the contract ID (null when the contract
-- was registered by another provider: its references are not this provider's to read).
ALTER TABLE transactions ADD COLUMN duplicate_of_reference text;
ALTER TABLE transactions DROP CONSTRAINT transactions_provider_id_provider_reference_key;
CREATE UNIQUE INDEX transactions_current_reference_key ON transactions (provider_id, provider_reference)
  WHERE superseded_by IS NULL;

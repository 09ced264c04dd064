-- 006_first_received_wins: the pipeline claims a transaction only when no earlier received one with
-- the same document is still in flight (storage/transaction-jobs.ts; F9, N3: the first received gets
-- the ID). This partial index holds only transactions in flight, so it stays small and the check is
-- one index probe per candidate job.
-- Append-only like 001-005: never edit once released.
CREATE INDEX transactions_in_flight_document_idx ON transactions (document_sha256, received_at, id)
  WHERE status IN ('RECEIVED', 'PROCESSING');

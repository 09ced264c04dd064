-- 008_secret_fingerprints: the fingerprint of each secret the database depends on (today the ID
-- secret, HDLD_ID_SECRET): HMAC-SHA256 of a constant under the secret, never the secret. The first
-- start records it; a later start with another secret would issue contract IDs from another
-- permutation (repeats, T?) and could not open the sealed webhook secrets, so it is refused.
-- Append-only like 001-007: never edit once released.
CREATE TABLE secret_fingerprints (
  name text PRIMARY KEY,
  fingerprint text NOT NULL,
  recorded_at timestamptz NOT NULL DEFAULT now()
);

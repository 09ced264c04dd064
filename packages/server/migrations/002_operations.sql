-- 002_operations: the Ministry's operations on providers and their transactions (F35-F37, N8, F12, F30).
-- Append-only like 001_init: never edit once released.

-- Ministry operators (DOMAIN.md actors "Ministry business staff"): a second kind of API client, with the
-- nation as data scope. Hash only, never the secret; SSO (F1, T1) replaces this later.
CREATE TABLE operators (
  id text PRIMARY KEY,
  name text NOT NULL,
  client_id text NOT NULL UNIQUE,
  client_secret_hash text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);

-- Integration capabilities a provider declared (N8, F30), published on the public list.
ALTER TABLE providers
  ADD COLUMN capabilities jsonb NOT NULL DEFAULT '["CONTRACT", "BATCH", "LIFECYCLE", "CONVERTED_PAPER"]';

-- Every connection status change with its reason, the operator and the time (N8, F12; Art. 15.4).
CREATE TABLE provider_status_history (
  id bigserial PRIMARY KEY,
  provider_id text NOT NULL REFERENCES providers (id),
  previous_status text NOT NULL CHECK (previous_status IN ('ACTIVE', 'SUSPENDED', 'DISCONNECTED')),
  status text NOT NULL CHECK (status IN ('ACTIVE', 'SUSPENDED', 'DISCONNECTED')),
  reason text NOT NULL,
  changed_by text NOT NULL,
  changed_at timestamptz NOT NULL
);
CREATE INDEX provider_status_history_provider_idx ON provider_status_history (provider_id, id);

-- Where a failed transaction stands in the explanation workflow (F36, F37). Kept on the row, written in
-- the same database transaction as the explanation that moves it, so lists and reconciliation filter
-- on it without joins.
ALTER TABLE transactions
  ADD COLUMN explanation_status text NOT NULL DEFAULT 'NONE' CHECK (
    explanation_status IN (
      'NONE', 'AWAITING_EXPLANATION', 'PENDING_APPROVAL', 'APPROVED', 'REJECTED', 'REPUSHED'
    )
  );
UPDATE transactions SET explanation_status = 'AWAITING_EXPLANATION' WHERE status = 'FAILED';
CREATE INDEX transactions_explanation_status_idx ON transactions (provider_id, explanation_status)
  WHERE explanation_status <> 'NONE';

-- A provider's explanation of failed transactions and the operator's decision (F36, F37).
CREATE TABLE explanations (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  provider_id text NOT NULL REFERENCES providers (id),
  state text NOT NULL DEFAULT 'PENDING' CHECK (state IN ('PENDING', 'APPROVED', 'REJECTED')),
  text text NOT NULL,
  submitted_at timestamptz NOT NULL,
  -- Client id of the provider application.
  submitted_by text NOT NULL,
  decided_at timestamptz,
  -- Operator id.
  decided_by text,
  decision_reason text,
  CHECK ((state = 'PENDING') = (decided_at IS NULL))
);
CREATE INDEX explanations_provider_idx ON explanations (provider_id, submitted_at DESC, id DESC);
CREATE INDEX explanations_submitted_idx ON explanations (submitted_at DESC, id DESC);

-- The transactions an explanation covers, and when and by whom each was pushed again.
CREATE TABLE explanation_transactions (
  explanation_id uuid NOT NULL REFERENCES explanations (id),
  transaction_id uuid NOT NULL REFERENCES transactions (id),
  repushed_at timestamptz,
  repushed_by text,
  PRIMARY KEY (explanation_id, transaction_id)
);
CREATE INDEX explanation_transactions_transaction_idx ON explanation_transactions (transaction_id);

-- Files attached to an explanation; bytes in the blob store (fsynced before this row commits).
CREATE TABLE explanation_attachments (
  explanation_id uuid NOT NULL REFERENCES explanations (id),
  position integer NOT NULL CHECK (position >= 0),
  file_name text NOT NULL,
  media_type text NOT NULL,
  size bigint NOT NULL CHECK (size >= 0),
  sha256 char(64) NOT NULL,
  blob_key text NOT NULL,
  PRIMARY KEY (explanation_id, position)
);
CREATE INDEX explanation_attachments_blob_key_idx ON explanation_attachments (blob_key);

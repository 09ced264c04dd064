-- 001_init: the Platform's business database, transaction log and durable job queue (seed 004 data layer).
-- Applied by src/storage/migrate.ts on both engines (PGlite and PostgreSQL), tracked in schema_migrations.
-- Append-only: never edit this file once released; add 002_... instead.

-- eContract providers connected to the Platform (N8, F12, S2.3). Status changes drive F38/F39.
CREATE TABLE providers (
  id text PRIMARY KEY,
  name text NOT NULL,
  client_id text NOT NULL UNIQUE,
  -- Hash only (never the secret itself); null when the provider authenticates with a signed JWT (public_jwks).
  client_secret_hash text,
  public_jwks jsonb,
  status text NOT NULL DEFAULT 'ACTIVE' CHECK (status IN ('ACTIVE', 'SUSPENDED', 'DISCONNECTED')),
  contact_email text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  status_changed_at timestamptz
);

-- One row per submission from a provider (N1, N5, S2.1, T5, T10): its processing status and outcome.
-- (provider_id, provider_reference) is the provider's own key: resubmitting it never creates a second row.
CREATE TABLE transactions (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  provider_id text NOT NULL REFERENCES providers (id),
  provider_reference text NOT NULL,
  kind text NOT NULL CHECK (kind IN ('CONTRACT', 'LIFECYCLE', 'CONVERTED_PAPER')),
  lifecycle_type text CHECK (
    lifecycle_type IN ('APPENDIX', 'AMENDMENT', 'SUPPLEMENT', 'SUSPENSION', 'RESUMPTION', 'TERMINATION')
  ),
  -- Contract a LIFECYCLE document attaches to (Art. 9.3). No foreign key: an unknown ID is a business
  -- error recorded on this row, not a reason to refuse storing the submission.
  target_contract_id char(16),
  status text NOT NULL DEFAULT 'RECEIVED' CHECK (status IN ('RECEIVED', 'PROCESSING', 'SUCCEEDED', 'FAILED')),
  failure_class text CHECK (failure_class IN ('FORMAT', 'BUSINESS', 'FILE', 'SIGNATURE')),
  errors jsonb NOT NULL DEFAULT '[]',
  payload_sha256 char(64) NOT NULL,
  document_sha256 char(64),
  contract_id char(16),
  -- Same document already registered (the existing contract_id is returned, no new ID; F9).
  replay boolean NOT NULL DEFAULT false,
  -- Sent after the deadline following the last signature (Art. 8).
  late boolean NOT NULL DEFAULT false,
  last_signed_at timestamptz,
  received_at timestamptz NOT NULL DEFAULT now(),
  completed_at timestamptz,
  attempts integer NOT NULL DEFAULT 0,
  receipt text,
  -- Main data and everything else needed to (re)process the submission; files are in transaction_files.
  request jsonb NOT NULL DEFAULT '{}',
  UNIQUE (provider_id, provider_reference),
  CHECK ((kind = 'LIFECYCLE') = (lifecycle_type IS NOT NULL)),
  CHECK ((status = 'FAILED') = (failure_class IS NOT NULL))
);
-- F35 reconciliation (per provider and status) and F36 failed-transaction lists.
CREATE INDEX transactions_provider_status_idx ON transactions (provider_id, status, received_at);

-- Files received with a submission, stored in the blob store before this row commits. They keep the blob
-- alive for the orphan collector until processing turns them into documents (or the row is deleted).
CREATE TABLE transaction_files (
  transaction_id uuid NOT NULL REFERENCES transactions (id) ON DELETE CASCADE,
  -- Same vocabulary as documents.kind.
  role text NOT NULL,
  sha256 char(64) NOT NULL,
  size bigint NOT NULL CHECK (size >= 0),
  media_type text NOT NULL,
  file_name text,
  blob_key text NOT NULL,
  PRIMARY KEY (transaction_id, role, sha256)
);
CREATE INDEX transaction_files_blob_key_idx ON transaction_files (blob_key);

-- Issued contracts (N3, N4, F9, F10). The ID is the primary key, so two processes can never store the
-- same ID; its digits come from contract_id_seq through a keyed permutation (src/ids).
CREATE TABLE contracts (
  id char(16) PRIMARY KEY CHECK (id ~ '^[0-9]{16}$'),
  provider_id text NOT NULL REFERENCES providers (id),
  state text NOT NULL DEFAULT 'ACTIVE' CHECK (state IN ('ACTIVE', 'SUSPENDED', 'TERMINATED', 'ARCHIVED')),
  origin text NOT NULL CHECK (origin IN ('ELECTRONIC', 'CONVERTED_PAPER')),
  -- SHA-256 of the original signed contract document (or the converted scan, Art. 9.2).
  document_sha256 char(64) NOT NULL,
  main_data jsonb NOT NULL,
  -- Copied out of main_data for statistics (Art. 13.1.d; F17-F19) without parsing JSON per row.
  employer_name text,
  employee_sex text,
  employee_birth_year integer,
  job_position text,
  contract_term text,
  province_code text,
  issued_at timestamptz NOT NULL,
  late boolean NOT NULL DEFAULT false,
  source_transaction_id uuid NOT NULL REFERENCES transactions (id),
  state_changed_at timestamptz
);
-- F9: the same contract document submitted twice, by anyone, never gets a second ID.
CREATE UNIQUE INDEX contracts_document_sha256_key ON contracts (document_sha256);
CREATE INDEX contracts_provider_idx ON contracts (provider_id, issued_at);
CREATE INDEX contracts_statistics_idx ON contracts (province_code, issued_at);

-- Never cycles: a number handed out (even by a rolled-back transaction) is never used again.
-- 12 digits: the permutation domain of src/ids/feistel.ts.
CREATE SEQUENCE contract_id_seq AS bigint MINVALUE 0 START 0 MAXVALUE 999999999999 NO CYCLE;

-- Every document of a contract (N5, T7, T8, S1.2): the contract file, lifecycle documents, evidence and
-- logs. Bytes live in the blob store under blob_key.
CREATE TABLE documents (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  contract_id char(16) NOT NULL REFERENCES contracts (id),
  transaction_id uuid NOT NULL REFERENCES transactions (id),
  kind text NOT NULL CHECK (
    kind IN (
      'CONTRACT', 'APPENDIX', 'AMENDMENT', 'SUPPLEMENT', 'SUSPENSION', 'RESUMPTION', 'TERMINATION',
      'CONVERTED_PAPER', 'EVIDENCE', 'TRANSACTION_LOG', 'CONVERSION_LOG', 'OTHER'
    )
  ),
  sha256 char(64) NOT NULL,
  size bigint NOT NULL CHECK (size >= 0),
  media_type text NOT NULL,
  file_name text,
  blob_key text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (contract_id, sha256)
);
CREATE INDEX documents_blob_key_idx ON documents (blob_key);
CREATE INDEX documents_transaction_idx ON documents (transaction_id);

-- Idempotency-Key replay store: same key + same request = same stored response; same key + different
-- request = conflict. response_status is null while the first request is still being handled.
CREATE TABLE idempotency_keys (
  provider_id text NOT NULL REFERENCES providers (id),
  key text NOT NULL,
  request_sha256 char(64) NOT NULL,
  response_status integer,
  response_body jsonb,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (provider_id, key)
);
CREATE INDEX idempotency_keys_created_idx ON idempotency_keys (created_at);

-- Durable job queue (src/queue): claimed with FOR UPDATE SKIP LOCKED under a lease (locked_until), so a
-- crashed worker's job is claimed again once its lease expires. Handlers must be idempotent.
CREATE TABLE jobs (
  id bigserial PRIMARY KEY,
  kind text NOT NULL,
  payload jsonb NOT NULL DEFAULT '{}',
  run_at timestamptz NOT NULL DEFAULT now(),
  attempts integer NOT NULL DEFAULT 0,
  max_attempts integer NOT NULL DEFAULT 10 CHECK (max_attempts > 0),
  locked_by text,
  locked_until timestamptz,
  last_error text,
  created_at timestamptz NOT NULL DEFAULT now(),
  done_at timestamptz,
  -- Set when max_attempts is exhausted: kept for inspection, never claimed again.
  failed_at timestamptz
);
CREATE INDEX jobs_runnable_idx ON jobs (run_at, id) WHERE done_at IS NULL AND failed_at IS NULL;

-- Transaction log of every provider API call (F35, T11). provider_id is null when authentication failed.
-- Holds no request bodies, headers or tokens.
CREATE TABLE api_calls (
  id bigserial PRIMARY KEY,
  provider_id text REFERENCES providers (id),
  operation_id text,
  method text NOT NULL,
  path text NOT NULL,
  status integer NOT NULL,
  duration_ms integer NOT NULL CHECK (duration_ms >= 0),
  request_id text NOT NULL,
  transaction_id uuid,
  at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX api_calls_provider_at_idx ON api_calls (provider_id, at);

-- Test environment clock (S2.4): the sandbox shifts "now" to exercise deadlines. Exactly one row.
CREATE TABLE sandbox_clock (
  singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),
  offset_ms bigint NOT NULL DEFAULT 0
);
INSERT INTO sandbox_clock DEFAULT VALUES;

-- The embedded stand-in for the National Population Database (CSDL dân cư, F8 identity check): citizen
-- ID -> name, date of birth, sex. Seeded in the sandbox through registerSandboxIdentities.
CREATE TABLE identity_registry (
  identity_number text PRIMARY KEY,
  full_name text NOT NULL,
  date_of_birth date NOT NULL,
  sex text NOT NULL CHECK (sex IN ('MALE', 'FEMALE'))
);

-- Keyset pagination of a provider's transactions, newest first (T10 sync history).
CREATE INDEX transactions_provider_received_idx ON transactions (provider_id, received_at DESC, id DESC);
-- Lifecycle history of a contract (F10).
CREATE INDEX transactions_contract_idx ON transactions (contract_id) WHERE contract_id IS NOT NULL;

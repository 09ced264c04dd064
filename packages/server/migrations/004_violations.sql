-- 004_violations: providers' monthly reports (F33; Decree 337/2025 Art. 25.6) and the monthly report of
-- violating providers (F38), with the operator's suspension or disconnection taken from it (Art. 15.4).
-- Append-only like 001-003: never edit once released.

-- A provider's monthly report on its eContract service. Every correction is a new version; the first
-- version's time decides ON_TIME / LATE (src/provider-reports/timeliness.ts).
CREATE TABLE provider_reports (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  provider_id text NOT NULL REFERENCES providers (id),
  -- The month reported on, Vietnam time (Asia/Ho_Chi_Minh).
  period char(7) NOT NULL CHECK (period ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
  version integer NOT NULL CHECK (version >= 1),
  -- SHA-256 of the canonical content: the same content sent again is a retry, not a new version.
  content_sha256 char(64) NOT NULL,
  figures jsonb NOT NULL,
  text text NOT NULL,
  -- The certification service's technical audit result, without the file (audit_* below).
  technical_audit jsonb,
  audit_file_name text,
  audit_media_type text,
  audit_size bigint CHECK (audit_size >= 0),
  audit_sha256 char(64),
  -- Bytes in the blob store (fsynced before this row commits); kept alive by collectOrphans.
  audit_blob_key text,
  deadline timestamptz NOT NULL,
  -- Copied from version 1 onto every version, so timeliness never needs a join.
  first_submitted_at timestamptz NOT NULL,
  submitted_at timestamptz NOT NULL,
  -- Client id of the provider application.
  submitted_by text NOT NULL,
  UNIQUE (provider_id, period, version),
  CHECK ((technical_audit IS NULL) = (audit_blob_key IS NULL))
);
CREATE INDEX provider_reports_period_idx ON provider_reports (period, provider_id, version DESC);
CREATE INDEX provider_reports_submitted_idx ON provider_reports (submitted_at DESC, id DESC);
CREATE INDEX provider_reports_audit_blob_key_idx ON provider_reports (audit_blob_key)
  WHERE audit_blob_key IS NOT NULL;

-- F38: the report of violating providers on one month, made on the 1st of the next month (Vietnam
-- time). (period, version) is unique and the scheduler only ever creates version 1, so however often
-- and from however many processes it runs, a month gets one report; an operator's regeneration adds
-- version 2, 3... and keeps the earlier ones.
CREATE TABLE violation_reports (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  period char(7) NOT NULL CHECK (period ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
  version integer NOT NULL CHECK (version >= 1),
  period_start timestamptz NOT NULL,
  period_end timestamptz NOT NULL,
  -- The rules' thresholds in force (src/violations/thresholds.ts): the report can be recomputed.
  thresholds jsonb NOT NULL,
  providers_evaluated integer NOT NULL CHECK (providers_evaluated >= 0),
  generated_at timestamptz NOT NULL,
  -- 'scheduler' or the operator's id.
  generated_by text NOT NULL,
  UNIQUE (period, version)
);
CREATE INDEX violation_reports_generated_idx ON violation_reports (generated_at DESC, id DESC);

-- One line per violating provider: its figures for the month and the rules it broke.
CREATE TABLE violation_report_lines (
  report_id uuid NOT NULL REFERENCES violation_reports (id),
  provider_id text NOT NULL REFERENCES providers (id),
  provider_name text NOT NULL,
  -- Connection status when the report was made.
  provider_status text NOT NULL CHECK (provider_status IN ('ACTIVE', 'SUSPENDED', 'DISCONNECTED')),
  figures jsonb NOT NULL,
  violations jsonb NOT NULL,
  PRIMARY KEY (report_id, provider_id)
);
CREATE INDEX violation_report_lines_provider_idx ON violation_report_lines (provider_id);

-- What an operator did about a line (suspend or disconnect, through changeProviderStatus), by whom and
-- when; append-only, so a suspension later turned into a disconnection keeps both steps.
CREATE TABLE violation_actions (
  id bigserial PRIMARY KEY,
  report_id uuid NOT NULL,
  provider_id text NOT NULL,
  status text NOT NULL CHECK (status IN ('SUSPENDED', 'DISCONNECTED')),
  reason text NOT NULL,
  taken_by text NOT NULL,
  taken_at timestamptz NOT NULL,
  FOREIGN KEY (report_id, provider_id) REFERENCES violation_report_lines (report_id, provider_id)
);
CREATE INDEX violation_actions_line_idx ON violation_actions (report_id, provider_id, id);

-- 003_notifications: what the Platform tells providers (F4, F39, T14; Decree 337/2025 Art. 15.4) and the
-- provider's technical information (N8: callback URL, IP allow-list, webhook secret).
-- Append-only like 001/002: never edit once released.

-- N8 technical info. callback_url receives signed transaction-result webhooks (F4 "sync result");
-- ip_allow_list (CIDRs, empty = any address) is enforced on every provider call and token request.
-- The webhook secret is needed in clear to compute HMACs, so it cannot be hashed: it is kept sealed
-- (AES-256-GCM, key derived from the ID secret, src/webhooks/secret-box.ts) and never returned again.
ALTER TABLE providers
  ADD COLUMN callback_url text,
  ADD COLUMN ip_allow_list jsonb NOT NULL DEFAULT '[]',
  ADD COLUMN webhook_secret_sealed text,
  ADD COLUMN webhook_secret_set_at timestamptz;

-- The durable outbox: e-mails (F39) and webhooks (F4), written in the SAME database transaction as the
-- event that causes them, then delivered by src/notifications/outbox-sender.ts. A sender claims a row
-- with FOR UPDATE SKIP LOCKED under a lease (locked_by, locked_until), so two server processes never
-- send one row at the same time and a crashed sender's row is taken again once its lease expires.
CREATE TABLE outbox (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  provider_id text NOT NULL REFERENCES providers (id),
  channel text NOT NULL CHECK (channel IN ('EMAIL', 'WEBHOOK')),
  kind text NOT NULL CHECK (
    kind IN (
      'PROVIDER_SUSPENDED', 'PROVIDER_RESTORED', 'PROVIDER_DISCONNECTED',
      'EXPLANATION_APPROVED', 'EXPLANATION_REJECTED', 'TRANSACTION_COMPLETED'
    )
  ),
  -- E-mail address, or the callback URL configured when the event happened.
  recipient text NOT NULL,
  -- Languages of the rendered message, in order (e-mails: Vietnamese first, then English).
  locale text,
  subject text,
  -- E-mail: the plain-text body. Webhook: the exact JSON body that is signed and sent.
  body_text text NOT NULL,
  body_html text,
  -- One event, one message, however often the code that records the event runs.
  dedupe_key text NOT NULL UNIQUE,
  created_at timestamptz NOT NULL DEFAULT now(),
  attempts integer NOT NULL DEFAULT 0,
  max_attempts integer NOT NULL DEFAULT 10 CHECK (max_attempts > 0),
  next_attempt_at timestamptz NOT NULL DEFAULT now(),
  locked_by text,
  locked_until timestamptz,
  sent_at timestamptz,
  -- Given up: max_attempts used, or a permanent refusal (SMTP 5xx).
  failed_at timestamptz,
  last_error text,
  -- The Message-ID (e-mail) or Hdld-Webhook-Id (webhook) the receiver can deduplicate on: fixed at the
  -- first attempt from the row id, then the same on every retry.
  message_id text,
  CHECK (sent_at IS NULL OR failed_at IS NULL)
);
-- The sender's claim: due rows of one channel, oldest first.
CREATE INDEX outbox_due_idx ON outbox (channel, next_attempt_at, id) WHERE sent_at IS NULL AND failed_at IS NULL;
-- listNotifications (keyset, newest first), for everybody and per provider.
CREATE INDEX outbox_created_idx ON outbox (created_at DESC, id DESC);
CREATE INDEX outbox_provider_created_idx ON outbox (provider_id, created_at DESC, id DESC);

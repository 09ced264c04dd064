import type { Queryable } from './database.js';
import { toDate, toNumber, toOptional, toOptionalDate } from './sql-values.js';

/** F39 e-mails and F4 webhooks share one durable outbox (migration 003). */
export type OutboxChannel = 'EMAIL' | 'WEBHOOK';
export type NotificationKind =
  | 'PROVIDER_SUSPENDED'
  | 'PROVIDER_RESTORED'
  | 'PROVIDER_DISCONNECTED'
  | 'EXPLANATION_APPROVED'
  | 'EXPLANATION_REJECTED'
  | 'TRANSACTION_COMPLETED';
/** PENDING until delivered (SENT) or given up (FAILED). */
export type OutboxStatus = 'PENDING' | 'SENT' | 'FAILED';

export interface NewOutboxMessage {
  providerId: string;
  channel: OutboxChannel;
  kind: NotificationKind;
  recipient: string;
  locale?: string;
  subject?: string;
  bodyText: string;
  bodyHtml?: string;
  dedupeKey: string;
  /** The event's time (the sandbox's shifted clock included); default the database clock. */
  createdAt?: Date;
  maxAttempts?: number;
}

export interface OutboxMessage extends Omit<NewOutboxMessage, 'createdAt' | 'maxAttempts'> {
  id: string;
  status: OutboxStatus;
  createdAt: Date;
  /** Attempts so far, including one in progress. */
  attempts: number;
  maxAttempts: number;
  nextAttemptAt: Date;
  sentAt?: Date;
  failedAt?: Date;
  lastError?: string;
  messageId?: string;
}

/** A message as `claim` hands it out: (locked_by, attempts) is the lease token. */
export type ClaimedMessage = OutboxMessage & { lockedBy: string; messageId: string };

export interface OutboxClaim {
  channel: OutboxChannel;
  workerId: string;
  leaseMs: number;
  limit?: number;
  /** message_id = prefix + row id + suffix, fixed at the first claim (e.g. `<` and `@example.org>`). */
  messageIdPrefix: string;
  messageIdSuffix: string;
}

export interface OutboxPageQuery {
  providerId?: string;
  status?: OutboxStatus;
  channel?: OutboxChannel;
  kind?: NotificationKind;
  /** Keyset: rows strictly after this one in (created_at DESC, id DESC) order. */
  after?: { createdAt: Date; id: string };
  limit: number;
}

interface OutboxRow {
  id: string;
  provider_id: string;
  channel: OutboxChannel;
  kind: NotificationKind;
  recipient: string;
  locale: string | null;
  subject: string | null;
  body_text: string;
  body_html: string | null;
  dedupe_key: string;
  created_at: Date;
  attempts: unknown;
  max_attempts: unknown;
  next_attempt_at: Date;
  sent_at: Date | null;
  failed_at: Date | null;
  last_error: string | null;
  message_id: string | null;
}

function toMessage(row: OutboxRow): OutboxMessage {
  return {
    id: row.id,
    providerId: row.provider_id,
    channel: row.channel,
    kind: row.kind,
    recipient: row.recipient,
    locale: toOptional(row.locale),
    subject: toOptional(row.subject),
    bodyText: row.body_text,
    bodyHtml: toOptional(row.body_html),
    dedupeKey: row.dedupe_key,
    status: row.sent_at ? 'SENT' : row.failed_at ? 'FAILED' : 'PENDING',
    createdAt: toDate(row.created_at),
    attempts: toNumber(row.attempts),
    maxAttempts: toNumber(row.max_attempts),
    nextAttemptAt: toDate(row.next_attempt_at),
    sentAt: toOptionalDate(row.sent_at),
    failedAt: toOptionalDate(row.failed_at),
    lastError: toOptional(row.last_error),
    messageId: toOptional(row.message_id),
  };
}

const STATUS_FILTER = `($2::text IS NULL
  OR ($2::text = 'SENT' AND sent_at IS NOT NULL)
  OR ($2::text = 'FAILED' AND failed_at IS NOT NULL)
  OR ($2::text = 'PENDING' AND sent_at IS NULL AND failed_at IS NULL))`;

export type OutboxRepo = ReturnType<typeof createOutboxRepo>;

/**
 * The outbox (F4, F39, T14). Bind it to the transaction of the event (`repos.outbox` inside
 * `storage.transaction`) so that the message exists exactly when the event does. Lease times use
 * the database clock, so processes on different machines agree on expiry.
 */
export function createOutboxRepo(q: Queryable) {
  return {
    /** Adds a message once per dedupe key; `created: false` when the key was already there. */
    async insert(message: NewOutboxMessage): Promise<{ message: OutboxMessage; created: boolean }> {
      const { rows } = await q.query<OutboxRow>(
        `INSERT INTO outbox (provider_id, channel, kind, recipient, locale, subject, body_text, body_html,
           dedupe_key, created_at, max_attempts)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, COALESCE($10, now()), $11)
         ON CONFLICT (dedupe_key) DO NOTHING RETURNING *`,
        [
          message.providerId,
          message.channel,
          message.kind,
          message.recipient,
          message.locale ?? null,
          message.subject ?? null,
          message.bodyText,
          message.bodyHtml ?? null,
          message.dedupeKey,
          message.createdAt ?? null,
          message.maxAttempts ?? 10,
        ],
      );
      if (rows[0]) return { message: toMessage(rows[0]), created: true };
      const existing = await q.query<OutboxRow>('SELECT * FROM outbox WHERE dedupe_key = $1', [
        message.dedupeKey,
      ]);
      return { message: toMessage(existing.rows[0]!), created: false };
    },

    async findById(id: string): Promise<OutboxMessage | undefined> {
      const { rows } = await q.query<OutboxRow>('SELECT * FROM outbox WHERE id = $1', [id]);
      return rows[0] && toMessage(rows[0]);
    },

    /**
     * Takes up to `limit` due messages of one channel that are unlocked or whose lease expired. SKIP
     * LOCKED lets concurrent senders pass over rows another one is claiming, so no row is handed
     * out twice while its lease runs.
     */
    async claim(claim: OutboxClaim): Promise<ClaimedMessage[]> {
      const { rows } = await q.query<OutboxRow>(
        `UPDATE outbox SET locked_by = $1, locked_until = now() + $2::float8 * interval '1 millisecond',
           attempts = attempts + 1, message_id = COALESCE(message_id, $5::text || id::text || $6::text)
         WHERE id IN (
           SELECT id FROM outbox
           WHERE channel = $3 AND sent_at IS NULL AND failed_at IS NULL AND next_attempt_at <= now()
             AND (locked_until IS NULL OR locked_until <= now())
           ORDER BY next_attempt_at, id
           LIMIT $4
           FOR UPDATE SKIP LOCKED)
         RETURNING *`,
        [
          claim.workerId,
          claim.leaseMs,
          claim.channel,
          claim.limit ?? 1,
          claim.messageIdPrefix,
          claim.messageIdSuffix,
        ],
      );
      return rows.map((row) => ({
        ...toMessage(row),
        lockedBy: claim.workerId,
        messageId: row.message_id!,
      }));
    },

    /** Delivered. False when our lease was lost (another sender claimed the row again). */
    async markSent(message: ClaimedMessage): Promise<boolean> {
      const { rowCount } = await q.query(
        `UPDATE outbox SET sent_at = now(), last_error = NULL, locked_by = NULL, locked_until = NULL
         WHERE id = $1 AND locked_by = $2 AND attempts = $3 AND sent_at IS NULL AND failed_at IS NULL`,
        [message.id, message.lockedBy, message.attempts],
      );
      return rowCount === 1;
    },

    /**
     * A failed attempt: tried again after `retryInMs`, or given up (failed_at) when `permanent` or
     * once max_attempts were used. False when our lease was lost.
     */
    async markAttemptFailed(
      message: ClaimedMessage,
      failure: { error: string; retryInMs: number; permanent: boolean },
    ): Promise<boolean> {
      const { rowCount } = await q.query(
        `UPDATE outbox SET last_error = $4::text, locked_by = NULL, locked_until = NULL,
           next_attempt_at = now() + $5::float8 * interval '1 millisecond',
           failed_at = CASE WHEN $6::boolean OR attempts >= max_attempts THEN now() END
         WHERE id = $1 AND locked_by = $2 AND attempts = $3 AND sent_at IS NULL AND failed_at IS NULL`,
        [message.id, message.lockedBy, message.attempts, failure.error, failure.retryInMs, failure.permanent],
      );
      return rowCount === 1;
    },

    /** F4, F39: newest first, filtered, keyset-paginated (stable while new rows arrive). */
    async page(query: OutboxPageQuery): Promise<OutboxMessage[]> {
      const { rows } = await q.query<OutboxRow>(
        `SELECT * FROM outbox
         WHERE ($1::text IS NULL OR provider_id = $1)
           AND ${STATUS_FILTER}
           AND ($3::text IS NULL OR channel = $3)
           AND ($4::text IS NULL OR kind = $4)
           AND ($5::timestamptz IS NULL OR (created_at, id) < ($5, $6::uuid))
         ORDER BY created_at DESC, id DESC LIMIT $7`,
        [
          query.providerId ?? null,
          query.status ?? null,
          query.channel ?? null,
          query.kind ?? null,
          query.after?.createdAt ?? null,
          query.after?.id ?? null,
          query.limit,
        ],
      );
      return rows.map(toMessage);
    },
  };
}

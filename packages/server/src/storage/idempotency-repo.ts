import type { Queryable } from './database.js';
import type { JsonValue } from './json.js';
import { toJsonParam, toNumber } from './sql-values.js';

/** What to do with a request carrying an Idempotency-Key. */
export type IdempotencyClaim =
  /** First time: handle the request, then `complete` (or `release` on an unexpected error). */
  | { outcome: 'NEW' }
  /** Same key, same request, finished: send the stored response again. */
  | { outcome: 'REPLAY'; status: number; body: JsonValue }
  /** Same key, same request, still being handled by another call. */
  | { outcome: 'IN_PROGRESS' }
  /** Same key reused for a different request. */
  | { outcome: 'MISMATCH' };

interface IdempotencyRow {
  request_sha256: string;
  response_status: unknown;
  response_body: JsonValue;
}

export type IdempotencyRepo = ReturnType<typeof createIdempotencyRepo>;

export function createIdempotencyRepo(q: Queryable) {
  return {
    async claim(providerId: string, key: string, requestSha256: string): Promise<IdempotencyClaim> {
      const inserted = await q.query(
        `INSERT INTO idempotency_keys (provider_id, key, request_sha256) VALUES ($1, $2, $3)
         ON CONFLICT (provider_id, key) DO NOTHING RETURNING key`,
        [providerId, key, requestSha256],
      );
      if (inserted.rowCount === 1) return { outcome: 'NEW' };
      const { rows } = await q.query<IdempotencyRow>(
        'SELECT request_sha256, response_status, response_body FROM idempotency_keys WHERE provider_id = $1 AND key = $2',
        [providerId, key],
      );
      const row = rows[0];
      // Released between our INSERT and SELECT: the caller may simply try again.
      if (!row) return { outcome: 'IN_PROGRESS' };
      if (row.request_sha256 !== requestSha256) return { outcome: 'MISMATCH' };
      if (row.response_status === null) return { outcome: 'IN_PROGRESS' };
      return { outcome: 'REPLAY', status: toNumber(row.response_status), body: row.response_body };
    },

    async complete(
      providerId: string,
      key: string,
      response: { status: number; body: JsonValue },
    ): Promise<void> {
      await q.query(
        `UPDATE idempotency_keys SET response_status = $3, response_body = $4::text::jsonb
         WHERE provider_id = $1 AND key = $2`,
        [providerId, key, response.status, toJsonParam(response.body)],
      );
    },

    /** Forgets an unfinished claim so the request can be retried with the same key. */
    async release(providerId: string, key: string): Promise<void> {
      await q.query(
        'DELETE FROM idempotency_keys WHERE provider_id = $1 AND key = $2 AND response_status IS NULL',
        [providerId, key],
      );
    },

    /** Retention: keys are only replayable for a limited time. Returns how many were removed. */
    async deleteCreatedBefore(cutoff: Date): Promise<number> {
      const { rowCount } = await q.query('DELETE FROM idempotency_keys WHERE created_at < $1', [cutoff]);
      return rowCount;
    },
  };
}

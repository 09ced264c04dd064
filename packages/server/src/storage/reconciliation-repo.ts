import type { Queryable } from './database.js';
import type { ProviderStatus } from './providers-repo.js';
import { toNumber } from './sql-values.js';

/** F35: where the transactions a provider sent in a period stand now. */
export interface ReconciliationCounts {
  received: number;
  notProcessed: number;
  processing: number;
  succeeded: number;
  failed: number;
  awaitingExplanation: number;
  /** Failed transactions per error code (a transaction with two codes counts under each). */
  failuresByCode: { code: string; count: number }[];
  /** Authenticated API calls logged for the provider in the period (T11). */
  apiCalls: number;
}

export interface ProviderReconciliationRow extends ReconciliationCounts {
  providerId: string;
  providerName: string;
  providerStatus: ProviderStatus;
}

/** `providerId` undefined: every provider. `[from, to)` on receivedAt (calls: on their time). */
export interface ReconciliationQuery {
  providerId?: string;
  from?: Date;
  to?: Date;
}

interface CountsRow {
  id: string;
  name: string;
  status: ProviderStatus;
  received: unknown;
  not_processed: unknown;
  processing: unknown;
  succeeded: unknown;
  failed: unknown;
  awaiting: unknown;
  api_calls: unknown;
}

export type ReconciliationRepo = ReturnType<typeof createReconciliationRepo>;

export function createReconciliationRepo(q: Queryable) {
  return {
    /** One row per provider (every registered one, even without transactions), by name. */
    async byProvider(query: ReconciliationQuery): Promise<ProviderReconciliationRow[]> {
      const params = [query.providerId ?? null, query.from ?? null, query.to ?? null];
      const { rows } = await q.query<CountsRow>(
        `SELECT p.id, p.name, p.status,
           count(t.id) AS received,
           count(t.id) FILTER (WHERE t.status = 'RECEIVED') AS not_processed,
           count(t.id) FILTER (WHERE t.status = 'PROCESSING') AS processing,
           count(t.id) FILTER (WHERE t.status = 'SUCCEEDED') AS succeeded,
           count(t.id) FILTER (WHERE t.status = 'FAILED') AS failed,
           count(t.id) FILTER (WHERE t.status = 'FAILED' AND t.explanation_status = 'AWAITING_EXPLANATION')
             AS awaiting,
           (SELECT count(*) FROM api_calls c WHERE c.provider_id = p.id
              AND ($2::timestamptz IS NULL OR c.at >= $2) AND ($3::timestamptz IS NULL OR c.at < $3)) AS api_calls
         FROM providers p
         LEFT JOIN transactions t ON t.provider_id = p.id
           AND ($2::timestamptz IS NULL OR t.received_at >= $2) AND ($3::timestamptz IS NULL OR t.received_at < $3)
         WHERE ($1::text IS NULL OR p.id = $1)
         GROUP BY p.id, p.name, p.status
         ORDER BY p.name, p.id`,
        params,
      );
      const codes = await q.query<{ provider_id: string; code: string; count: unknown }>(
        `SELECT t.provider_id, f.code, count(*) AS count
         FROM transactions t
         CROSS JOIN LATERAL (
           SELECT DISTINCT e ->> 'code' AS code FROM jsonb_array_elements(t.errors) e
           WHERE COALESCE(e ->> 'severity', 'ERROR') <> 'WARNING'
         ) f
         WHERE t.status = 'FAILED' AND ($1::text IS NULL OR t.provider_id = $1)
           AND ($2::timestamptz IS NULL OR t.received_at >= $2) AND ($3::timestamptz IS NULL OR t.received_at < $3)
         GROUP BY t.provider_id, f.code
         ORDER BY count(*) DESC, f.code`,
        params,
      );
      return rows.map((row) => ({
        providerId: row.id,
        providerName: row.name,
        providerStatus: row.status,
        received: toNumber(row.received),
        notProcessed: toNumber(row.not_processed),
        processing: toNumber(row.processing),
        succeeded: toNumber(row.succeeded),
        failed: toNumber(row.failed),
        awaitingExplanation: toNumber(row.awaiting),
        failuresByCode: codes.rows
          .filter((c) => c.provider_id === row.id)
          .map((c) => ({ code: c.code, count: toNumber(c.count) })),
        apiCalls: toNumber(row.api_calls),
      }));
    },
  };
}

import type { Queryable } from './database.js';
import { toDate, toNumber, toOptional } from './sql-values.js';

/** One provider API call in the transaction log (F35, T11). No bodies, headers or tokens. */
export interface NewApiCall {
  providerId?: string;
  operationId?: string;
  method: string;
  path: string;
  status: number;
  durationMs: number;
  requestId: string;
  transactionId?: string;
  at?: Date;
}

export interface ApiCall extends NewApiCall {
  id: number;
  at: Date;
}

interface ApiCallRow {
  id: unknown;
  provider_id: string | null;
  operation_id: string | null;
  method: string;
  path: string;
  status: unknown;
  duration_ms: unknown;
  request_id: string;
  transaction_id: string | null;
  at: Date;
}

function toApiCall(row: ApiCallRow): ApiCall {
  return {
    id: toNumber(row.id),
    providerId: toOptional(row.provider_id),
    operationId: toOptional(row.operation_id),
    method: row.method,
    path: row.path,
    status: toNumber(row.status),
    durationMs: toNumber(row.duration_ms),
    requestId: row.request_id,
    transactionId: toOptional(row.transaction_id),
    at: toDate(row.at),
  };
}

export type ApiCallsRepo = ReturnType<typeof createApiCallsRepo>;

export function createApiCallsRepo(q: Queryable) {
  return {
    async record(call: NewApiCall): Promise<void> {
      await q.query(
        `INSERT INTO api_calls (provider_id, operation_id, method, path, status, duration_ms, request_id,
           transaction_id, at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, COALESCE($9, now()))`,
        [
          call.providerId ?? null,
          call.operationId ?? null,
          call.method,
          call.path,
          call.status,
          Math.max(0, Math.round(call.durationMs)),
          call.requestId,
          call.transactionId ?? null,
          call.at ?? null,
        ],
      );
    },

    /** F35: a provider's calls within [from, to), oldest first. */
    async listByProvider(
      providerId: string,
      period: { from: Date; to: Date; limit?: number },
    ): Promise<ApiCall[]> {
      const { rows } = await q.query<ApiCallRow>(
        `SELECT * FROM api_calls WHERE provider_id = $1 AND at >= $2 AND at < $3 ORDER BY at, id LIMIT $4`,
        [providerId, period.from, period.to, period.limit ?? 1000],
      );
      return rows.map(toApiCall);
    },
  };
}

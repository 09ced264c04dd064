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
  const recordMany = async (calls: readonly NewApiCall[]): Promise<void> => {
    await q.query(
      `INSERT INTO api_calls (provider_id, operation_id, method, path, status, duration_ms, request_id,
         transaction_id, at)
       SELECT provider_id, operation_id, method, path, status, duration_ms, request_id, transaction_id,
         COALESCE(at, now())
       FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::int[], $6::int[], $7::text[],
         $8::uuid[], $9::timestamptz[])
         WITH ORDINALITY AS c (provider_id, operation_id, method, path, status, duration_ms, request_id,
           transaction_id, at, n)
       ORDER BY n`,
      [
        calls.map((c) => c.providerId ?? null),
        calls.map((c) => c.operationId ?? null),
        calls.map((c) => c.method),
        calls.map((c) => c.path),
        calls.map((c) => c.status),
        calls.map((c) => Math.max(0, Math.round(c.durationMs))),
        calls.map((c) => c.requestId),
        calls.map((c) => c.transactionId ?? null),
        calls.map((c) => c.at ?? null),
      ],
    );
  };

  return {
    record: (call: NewApiCall) => recordMany([call]),

    /** Several calls in one statement, in this order (their ids ascend with it). */
    recordMany,

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

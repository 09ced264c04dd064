import type { Queryable } from './database.js';
import type { ProviderStatus } from './providers-repo.js';
import { toDate, toNumber } from './sql-values.js';

/** N8, F12: one connection status change, with its reason, operator and time. */
export interface ProviderStatusChange {
  providerId: string;
  previousStatus: ProviderStatus;
  status: ProviderStatus;
  reason: string;
  changedBy: string;
  changedAt: Date;
}

interface ProviderStatusChangeRow {
  provider_id: string;
  previous_status: ProviderStatus;
  status: ProviderStatus;
  reason: string;
  changed_by: string;
  changed_at: Date;
}

export type ProviderStatusHistoryRepo = ReturnType<typeof createProviderStatusHistoryRepo>;

export function createProviderStatusHistoryRepo(q: Queryable) {
  return {
    /** Returns the change's id (the F39 notification's dedupe key). */
    async add(change: ProviderStatusChange): Promise<number> {
      const { rows } = await q.query<{ id: unknown }>(
        `INSERT INTO provider_status_history (provider_id, previous_status, status, reason, changed_by, changed_at)
         VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
        [
          change.providerId,
          change.previousStatus,
          change.status,
          change.reason,
          change.changedBy,
          change.changedAt,
        ],
      );
      return toNumber(rows[0]!.id);
    },

    /** Oldest first. */
    async list(providerId: string): Promise<ProviderStatusChange[]> {
      const { rows } = await q.query<ProviderStatusChangeRow>(
        'SELECT * FROM provider_status_history WHERE provider_id = $1 ORDER BY id',
        [providerId],
      );
      return rows.map((row) => ({
        providerId: row.provider_id,
        previousStatus: row.previous_status,
        status: row.status,
        reason: row.reason,
        changedBy: row.changed_by,
        changedAt: toDate(row.changed_at),
      }));
    },
  };
}

import type { Schemas } from '@hdld/spec';
import { type CallContext, type RequestOptions, unwrap } from '../call.js';

/** The period of a reconciliation: `[from, to)` on the Platform's `receivedAt`, both optional. */
export type ReconciliationQuery = {
  from?: Date | string;
  to?: Date | string;
  /** Operators only: one provider instead of all; a provider always gets itself. */
  providerId?: string;
};

const iso = (value: Date | string) => (value instanceof Date ? value.toISOString() : value);

/** The reconciliation report of provider transactions (F35). */
export function reconciliationResource(context: CallContext) {
  const { api } = context;
  return {
    /**
     * Per provider, the transactions received in the period and where they stand now: not yet
     * processed, processing, succeeded, failed (by catalog code), awaiting an explanation; and the
     * API calls logged. A provider's report holds one row, its own.
     */
    async get(query: ReconciliationQuery = {}, options?: RequestOptions): Promise<Schemas['Reconciliation']> {
      const result = await api.GET('/v1/reconciliation', {
        params: {
          query: {
            ...(query.from !== undefined ? { from: iso(query.from) } : {}),
            ...(query.to !== undefined ? { to: iso(query.to) } : {}),
            ...(query.providerId ? { providerId: query.providerId } : {}),
          },
        },
        ...context.init(options),
      });
      return unwrap(context, result);
    },
  };
}

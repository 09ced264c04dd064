import type { operations, Transaction } from '@hdld/spec';
import { type CallContext, type RequestOptions, unwrap } from '../call.js';
import { type PageIterable, paginate } from '../pagination.js';

/** Filters of `listTransactions` (the cursor is handled by the iterator). */
export type TransactionListQuery = Omit<
  NonNullable<operations['listTransactions']['parameters']['query']>,
  'cursor'
>;

/** Submission outcomes and the provider's sync history (T10, F7 "query processing status"). */
export function transactionsResource(context: CallContext) {
  const { api } = context;
  return {
    async get(transactionId: string, options?: RequestOptions): Promise<Transaction> {
      const result = await api.GET('/v1/transactions/{transactionId}', {
        params: { path: { transactionId } },
        ...context.init(options),
      });
      return unwrap(context, result);
    },

    /** The latest transaction of a provider reference: the way back when an acknowledgement was lost. */
    async getByReference(providerReference: string, options?: RequestOptions): Promise<Transaction> {
      const result = await api.GET('/v1/transactions/by-reference/{providerReference}', {
        params: { path: { providerReference } },
        ...context.init(options),
      });
      return unwrap(context, result);
    },

    /** Every matching transaction, newest first, fetched page by page as you iterate. */
    list(query: TransactionListQuery = {}, options?: RequestOptions): PageIterable<Transaction> {
      return paginate(async (cursor) => {
        const result = await api.GET('/v1/transactions', {
          params: { query: { ...query, ...(cursor ? { cursor } : {}) } },
          ...context.init(options),
        });
        return unwrap(context, result);
      });
    },
  };
}

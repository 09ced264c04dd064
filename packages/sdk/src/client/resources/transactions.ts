import type { operations, Transaction } from '@hdld/spec';
import { type CallContext, idempotencyKeyFor, type RequestOptions, unwrap } from '../call.js';
import { type PageIterable, paginate } from '../pagination.js';

/** Filters of `listTransactions` (the cursor is handled by the iterator). */
export type TransactionListQuery = Omit<
  NonNullable<operations['listTransactions']['parameters']['query']>,
  'cursor'
>;

/** Filters of the failed-transaction lists: the status filters are the method's own. */
export type FailedTransactionQuery = Omit<TransactionListQuery, 'status' | 'explanationStatus'>;

/** What a re-push answered: `queued` when this call queued it (202), false when it was before (200). */
export type RepushResult = { transaction: Transaction; queued: boolean };

/**
 * Submission outcomes and the provider's sync history (T10, F7 "query processing status"), the
 * failed ones awaiting an explanation (F36) and their re-push once approved (F37).
 */
export function transactionsResource(context: CallContext) {
  const { api } = context;
  const list = (query: TransactionListQuery = {}, options?: RequestOptions): PageIterable<Transaction> =>
    paginate(async (cursor) => {
      const result = await api.GET('/v1/transactions', {
        params: { query: { ...query, ...(cursor ? { cursor } : {}) } },
        ...context.init(options),
      });
      return unwrap(context, result);
    });
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
    list,

    /** The FAILED transactions, whatever their explanation stands at (F35 drill-down). */
    listFailed(query: FailedTransactionQuery = {}, options?: RequestOptions): PageIterable<Transaction> {
      return list({ ...query, status: 'FAILED' }, options);
    },

    /** The failed transactions the provider still owes an explanation for (F36). */
    listAwaitingExplanation(
      query: FailedTransactionQuery = {},
      options?: RequestOptions,
    ): PageIterable<Transaction> {
      return list({ ...query, explanationStatus: 'AWAITING_EXPLANATION' }, options);
    },

    /**
     * Pushes a FAILED transaction again once an operator approved its explanation (F37); poll it
     * (or `waitForResult`) for the new outcome. Anything else is refused with REPUSH_NOT_APPROVED
     * (`HdldConflictError`). Repeating it, even with another key, answers the transaction as it is.
     */
    async repush(transactionId: string, options?: RequestOptions): Promise<RepushResult> {
      const key = idempotencyKeyFor(options);
      const result = await api.POST('/v1/transactions/{transactionId}/repush', {
        params: { path: { transactionId } },
        ...context.init(options, key),
      });
      return { transaction: unwrap(context, result, key), queued: result.response.status === 202 };
    },
  };
}

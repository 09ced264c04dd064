import type { Schemas } from '@hdld/spec';
import type { FastifyRequest } from 'fastify';
import { authorize, visibleProviderId } from '../auth/policy.js';
import { principalOf } from '../auth/principal.js';
import { keysetPage } from '../http/keyset-page.js';
import { ProblemError } from '../http/problem.js';
import { languageOf } from '../http/request-context.js';
import type { Platform } from '../platform.js';
import type {
  ExplanationStatus,
  FailureClass,
  TransactionKind,
  TransactionStatus,
} from '../storage/transactions-repo.js';
import { transactionView } from './transaction-view.js';

type ByIdRequest = FastifyRequest<{ Params: { transactionId: string } }>;
type ByReferenceRequest = FastifyRequest<{ Params: { providerReference: string } }>;
type ListRequest = FastifyRequest<{
  Querystring: {
    cursor?: string;
    limit?: number;
    status?: TransactionStatus;
    kind?: TransactionKind;
    failureClass?: FailureClass;
    explanationStatus?: ExplanationStatus;
    providerId?: string;
    receivedFrom?: string;
    receivedTo?: string;
    providerReference?: string;
    replay?: boolean;
  };
}>;

export function transactionHandlers(platform: Platform) {
  return {
    /** T10: status and outcome of one submission, with no expiry. */
    async getTransaction(request: ByIdRequest) {
      const transaction = await platform.storage.transactions.findById(request.params.transactionId);
      if (!transaction) throw new ProblemError('TRANSACTION_NOT_FOUND');
      authorize(principalOf(request), 'transaction.read', transaction);
      return transactionView(transaction, languageOf(request));
    },

    /** T10: the outcome looked up by the provider's own reference, with no expiry. */
    async getTransactionByReference(request: ByReferenceRequest) {
      const principal = principalOf(request);
      if (principal.kind !== 'provider') throw new ProblemError('FORBIDDEN');
      const transaction = await platform.storage.transactions.findByReference(
        principal.providerId,
        request.params.providerReference,
      );
      if (!transaction) throw new ProblemError('TRANSACTION_NOT_FOUND');
      authorize(principal, 'transaction.read', transaction);
      return transactionView(transaction, languageOf(request));
    },

    /**
     * T10 sync history and F35 drill-down, newest first, cursor-paginated; a provider sees only its
     * own (T17), an operator every provider's or those of `providerId`.
     */
    async listTransactions(request: ListRequest): Promise<Schemas['TransactionPage']> {
      const q = request.query;
      const lang = languageOf(request);
      return keysetPage(
        q,
        ({ after, limit }) =>
          platform.storage.transactions.page({
            providerId: visibleProviderId(principalOf(request), q.providerId),
            status: q.status,
            kind: q.kind,
            failureClass: q.failureClass,
            explanationStatus: q.explanationStatus,
            receivedFrom: q.receivedFrom ? new Date(q.receivedFrom) : undefined,
            receivedTo: q.receivedTo ? new Date(q.receivedTo) : undefined,
            providerReference: q.providerReference,
            replay: q.replay,
            after: after && { receivedAt: after.at, id: after.id },
            limit,
          }),
        (t) => ({ at: t.receivedAt, id: t.id }),
        (t) => transactionView(t, lang),
      );
    },
  };
}

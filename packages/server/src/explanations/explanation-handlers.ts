import type { Schemas } from '@hdld/spec';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { authorize, authorizeAction, visibleProviderId } from '../auth/policy.js';
import { actorOf, principalOf } from '../auth/principal.js';
import { idempotencyOf } from '../http/idempotent-request.js';
import { keysetPage } from '../http/keyset-page.js';
import { ProblemError } from '../http/problem.js';
import { languageOf } from '../http/request-context.js';
import type { Platform } from '../platform.js';
import type { ExplanationState } from '../storage/explanations-repo.js';
import type { StoredTransaction } from '../storage/transactions-repo.js';
import { transactionView } from '../transactions/transaction-view.js';
import { decideExplanation } from './decide-explanation.js';
import { explanationView, explanationWithContent } from './explanation-view.js';
import { repushTransaction } from './repush-transaction.js';
import { submitExplanation } from './submit-explanation.js';

type ByIdRequest = FastifyRequest<{ Params: { explanationId: string } }>;
type ListRequest = FastifyRequest<{
  Querystring: {
    cursor?: string;
    limit?: number;
    providerId?: string;
    state?: ExplanationState;
    transactionId?: string;
  };
}>;

/** F36, F37: explanations of failed transactions, the operator's decision and the re-push. */
export function explanationHandlers(platform: Platform) {
  const findExplanation = async (request: ByIdRequest) => {
    const explanation = await platform.storage.explanations.findById(request.params.explanationId);
    if (!explanation) throw new ProblemError('EXPLANATION_NOT_FOUND');
    return explanation;
  };

  return {
    async listExplanations(request: ListRequest): Promise<Schemas['ExplanationPage']> {
      const q = request.query;
      return keysetPage(
        q,
        ({ after, limit }) =>
          platform.storage.explanations.page({
            providerId: visibleProviderId(principalOf(request), q.providerId),
            state: q.state,
            transactionId: q.transactionId,
            after: after && { submittedAt: after.at, id: after.id },
            limit,
          }),
        (e) => ({ at: e.submittedAt, id: e.id }),
        explanationView,
      );
    },

    async createExplanation(
      request: FastifyRequest<{ Body: Schemas['ExplanationSubmission'] }>,
      reply: FastifyReply,
    ) {
      const principal = principalOf(request);
      authorizeAction(principal, 'explanation.submit');
      const transactions: StoredTransaction[] = [];
      for (const id of new Set(request.body.transactionIds)) {
        const transaction = await platform.storage.transactions.findById(id);
        if (!transaction) throw new ProblemError('TRANSACTION_NOT_FOUND');
        authorize(principal, 'explanation.submit', transaction);
        transactions.push(transaction);
      }
      const result = await submitExplanation(
        {
          storage: platform.storage,
          blobs: platform.blobs,
          providerId: transactions[0]!.providerId,
          submittedBy: actorOf(principal),
          now: platform.now(),
          idempotency: idempotencyOf(request),
        },
        transactions,
        request.body,
      );
      // A replay answers 200 with the explanation first created (spec: 201 once, 200 on a retry).
      if (result.replayed) return reply.code(200).header('idempotent-replayed', 'true').send(result.body);
      const { explanationId } = result.body as { explanationId: string };
      return reply.code(201).header('location', `/v1/explanations/${explanationId}`).send(result.body);
    },

    async getExplanation(request: ByIdRequest) {
      const explanation = await findExplanation(request);
      authorize(principalOf(request), 'explanation.read', explanation);
      return explanationWithContent(explanation, platform.blobs);
    },

    async decideExplanation(
      request: FastifyRequest<{ Params: { explanationId: string }; Body: Schemas['ExplanationDecision'] }>,
    ) {
      const principal = principalOf(request);
      authorizeAction(principal, 'explanation.decide');
      const explanation = await findExplanation(request);
      authorize(principal, 'explanation.decide', explanation);
      const decided = await decideExplanation(platform.storage, explanation, request.body, {
        operatorId: actorOf(principal),
        now: platform.now(),
      });
      return explanationView(decided);
    },

    async repushTransaction(
      request: FastifyRequest<{ Params: { transactionId: string } }>,
      reply: FastifyReply,
    ) {
      const principal = principalOf(request);
      authorizeAction(principal, 'transaction.repush');
      const transaction = await platform.storage.transactions.findById(request.params.transactionId);
      if (!transaction) throw new ProblemError('TRANSACTION_NOT_FOUND');
      authorize(principal, 'transaction.repush', transaction);
      const result = await repushTransaction(platform.storage, transaction, {
        clientId: actorOf(principal),
        now: platform.now(),
      });
      const view = transactionView(result.transaction, languageOf(request));
      if (!result.requeued) return reply.code(200).send(view);
      platform.pipeline.wake();
      return reply.code(202).header('location', `/v1/transactions/${transaction.id}`).send(view);
    },
  };
}

import type { Schemas } from '@hdld/spec';
import type { FastifyRequest } from 'fastify';
import { authorize, visibleProviderId } from '../auth/policy.js';
import { principalOf } from '../auth/principal.js';
import { ProblemError } from '../http/problem.js';
import type { Platform } from '../platform.js';
import { reconciliationReport } from './reconciliation-report.js';

type ReconciliationRequest = FastifyRequest<{
  Querystring: { providerId?: string; from?: string; to?: string };
}>;

/** F35: reconciliation of provider transactions; a provider sees itself only (T17). */
export function reconciliationHandlers(platform: Platform) {
  return {
    async getReconciliation(request: ReconciliationRequest): Promise<Schemas['Reconciliation']> {
      const principal = principalOf(request);
      const providerId = visibleProviderId(principal, request.query.providerId);
      authorize(principal, 'reconciliation.read', providerId === undefined ? undefined : { providerId });
      const from = request.query.from ? new Date(request.query.from) : undefined;
      const to = request.query.to ? new Date(request.query.to) : undefined;
      if (from && to && from >= to) {
        throw new ProblemError('REQUEST_INVALID', {
          errors: [{ code: 'REQUEST_INVALID', pointer: '/query/to', detail: 'to must be after from' }],
        });
      }
      const rows = await platform.storage.reconciliation.byProvider({ providerId, from, to });
      return reconciliationReport(rows, { from, to }, platform.now());
    },
  };
}

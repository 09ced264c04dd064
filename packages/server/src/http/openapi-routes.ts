import { openapiDocument } from '@hdld/spec';
import type { FastifyInstance } from 'fastify';
import openapiGlue from 'fastify-openapi-glue';
import { callerHandlers } from '../auth/caller-handlers.js';
import { jwksHandlers } from '../auth/jwks-handlers.js';
import { tokenHandlers } from '../auth/token-handlers.js';
import { contractHandlers } from '../contracts/contract-handlers.js';
import { explanationHandlers } from '../explanations/explanation-handlers.js';
import { healthHandlers } from '../health/health-handlers.js';
import { submissionHandlers } from '../intake/submission-handlers.js';
import { notificationHandlers } from '../notifications/notification-handlers.js';
import type { Platform } from '../platform.js';
import { providerReportHandlers } from '../provider-reports/provider-report-handlers.js';
import { providerHandlers } from '../providers/provider-handlers.js';
import { reconciliationHandlers } from '../reconciliation/reconciliation-handlers.js';
import { sandboxHandlers } from '../sandbox/sandbox-handlers.js';
import { transactionHandlers } from '../transactions/transaction-handlers.js';
import { violationHandlers } from '../violations/violation-handlers.js';

/** Handlers of every operation in the spec, keyed by operationId. */
export function serviceHandlers(platform: Platform) {
  return {
    ...healthHandlers(platform),
    ...tokenHandlers(platform),
    ...jwksHandlers(platform),
    ...callerHandlers(platform),
    ...transactionHandlers(platform),
    ...submissionHandlers(platform),
    ...contractHandlers(platform),
    ...sandboxHandlers(platform),
    ...reconciliationHandlers(platform),
    ...explanationHandlers(platform),
    ...providerHandlers(platform),
    ...notificationHandlers(platform),
    ...providerReportHandlers(platform),
    ...violationHandlers(platform),
  };
}

/**
 * Routes, request validation and response serialisation all come from the spec document itself
 * (non-negotiable 1): no hand-written route schema exists in the server.
 */
export async function registerSpecRoutes(app: FastifyInstance, platform: Platform): Promise<void> {
  await app.register(openapiGlue, {
    specification: structuredClone(openapiDocument) as unknown as Record<string, unknown>,
    serviceHandlers: serviceHandlers(platform),
    // Security is enforced by http/request-guards.ts, before the body is parsed or validated.
  });
}

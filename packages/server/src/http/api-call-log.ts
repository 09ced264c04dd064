import type { FastifyInstance } from 'fastify';
import type { Platform } from '../platform.js';

/**
 * The transaction log of F35/T11: every provider API call with who, what, when, result, duration
 * and request id. Written after the response has left, so it never delays the caller; a failure to
 * record is logged, not turned into an error for a request that already succeeded.
 */
export function useApiCallLog(app: FastifyInstance, platform: Platform): void {
  app.addHook('onResponse', async (request, reply) => {
    const principal = request.principal;
    if (principal?.kind !== 'provider') return;
    const schema = request.routeOptions.schema as { operationId?: string } | undefined;
    const body = request.body as { transactionId?: string } | undefined;
    await platform.storage.apiCalls
      .record({
        providerId: principal.providerId,
        operationId: schema?.operationId,
        method: request.method,
        path: request.routeOptions.url ?? request.url,
        status: reply.statusCode,
        durationMs: Math.max(0, Math.round(reply.elapsedTime)),
        requestId: String(request.id),
        transactionId: typeof body?.transactionId === 'string' ? body.transactionId : undefined,
        at: platform.now(),
      })
      .catch((error: unknown) => request.log.warn({ err: error }, 'could not record the API call'));
  });
}

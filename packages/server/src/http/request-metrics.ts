import type { FastifyInstance } from 'fastify';
import type { PlatformMetrics } from '../observability/metrics.js';

/** Counts every request by operationId (the route, for routes outside the spec) and status. */
export function useRequestMetrics(app: FastifyInstance, metrics: PlatformMetrics): void {
  app.addHook('onResponse', async (request, reply) => {
    const schema = request.routeOptions.schema as { operationId?: string } | undefined;
    const operation = schema?.operationId ?? request.routeOptions.url ?? 'unknown';
    metrics.requests.inc({ operation, status: String(reply.statusCode) });
    metrics.requestSeconds.observe({ operation }, reply.elapsedTime / 1000);
  });
}

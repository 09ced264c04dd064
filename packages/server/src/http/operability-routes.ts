import type { FastifyInstance } from 'fastify';
import type { Platform } from '../platform.js';

/**
 * Routes outside the API contract: Prometheus metrics (the documentation is in docs/docs-routes.ts).
 */
export function registerOperabilityRoutes(app: FastifyInstance, platform: Platform): void {
  app.get('/metrics', async (_request, reply) => {
    reply.type(platform.metrics.registry.contentType);
    return platform.metrics.registry.metrics();
  });
}

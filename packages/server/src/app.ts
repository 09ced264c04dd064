import formbody from '@fastify/formbody';
import helmet from '@fastify/helmet';
import Fastify, { type FastifyInstance } from 'fastify';
import { useAuthentication } from './auth/authenticate.js';
import { useApiCallLog } from './http/api-call-log.js';
import { useProblemErrors } from './http/error-handler.js';
import { useHashedJsonBodies } from './http/json-body.js';
import { registerSpecRoutes } from './http/openapi-routes.js';
import { registerOperabilityRoutes } from './http/operability-routes.js';
import { useRateLimit } from './http/rate-limit.js';
import { requestIdFor } from './http/request-context.js';
import { useRequestMetrics } from './http/request-metrics.js';
import { useSpecValidation } from './http/validation.js';
import type { Platform } from './platform.js';

/** Request bodies above this are refused before parsing (a batch of 50 contracts fits). */
const BODY_LIMIT_BYTES = 32 * 1024 * 1024;

export type AppOptions = { logger?: boolean | { level: string } };

export async function buildApp(platform: Platform, options: AppOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({
    logger:
      options.logger === false
        ? false
        : {
            level: typeof options.logger === 'object' ? options.logger.level : platform.config.logLevel,
            // Tokens, secrets and request bodies (personal data) never reach the logs (non-negotiable 7).
            redact: ['req.headers.authorization', 'req.headers.cookie'],
          },
    genReqId: requestIdFor,
    bodyLimit: BODY_LIMIT_BYTES,
  });
  useSpecValidation(app);
  useProblemErrors(app);
  useHashedJsonBodies(app);
  app.addHook('onRequest', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });
  useAuthentication(app, platform.tokens, platform.now, platform.providerStatus);
  await useRateLimit(app, platform.config.rateLimitPerMinute);
  // The API serves JSON only; the strict CSP would break the self-contained API reference page.
  await app.register(helmet, { contentSecurityPolicy: false });
  useApiCallLog(app, platform);
  useRequestMetrics(app, platform.metrics);
  // The OAuth2 token endpoint takes application/x-www-form-urlencoded (RFC 6749 §4.4.2).
  await app.register(formbody);
  await registerSpecRoutes(app, platform);
  registerOperabilityRoutes(app, platform);
  return app;
}

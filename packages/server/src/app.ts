import formbody from '@fastify/formbody';
import helmet from '@fastify/helmet';
import Fastify, { type FastifyInstance } from 'fastify';
import { useAuthentication } from './auth/authenticate.js';
import { registerDocsRoutes } from './docs/docs-routes.js';
import { useApiCallLog } from './http/api-call-log.js';
import { MAX_BODY_LIMIT_BYTES, useBodyLimits } from './http/body-limits.js';
import { routerRefusal, useProblemErrors } from './http/error-handler.js';
import { useHashedJsonBodies } from './http/json-body.js';
import { registerSpecRoutes } from './http/openapi-routes.js';
import { registerOperabilityRoutes } from './http/operability-routes.js';
import { useRateLimit } from './http/rate-limit.js';
import { requestIdFor } from './http/request-context.js';
import { useRequestGuards } from './http/request-guards.js';
import { useRequestMetrics } from './http/request-metrics.js';
import { useSpecValidation } from './http/validation.js';
import type { Platform } from './platform.js';

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
    bodyLimit: MAX_BODY_LIMIT_BYTES,
    // Above every identifier's limit in the spec, percent-encoded: a longer one is refused by the
    // spec's own maxLength with its pointer, one beyond this by routerRefusal (400, not Fastify's 414).
    routerOptions: { maxParamLength: 2048 },
    frameworkErrors: routerRefusal,
  });
  useSpecValidation(app);
  useProblemErrors(app);
  useHashedJsonBodies(app);
  app.addHook('onRequest', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });
  useAuthentication(app, platform.tokens, platform.now, platform.providerStatus);
  await useRateLimit(app, platform.config.rateLimitPerMinute);
  // The API serves JSON only; the strict CSP would break the API reference page (Redoc styles inline).
  await app.register(helmet, { contentSecurityPolicy: false });
  useApiCallLog(app, platform);
  useRequestMetrics(app, platform.metrics);
  // The OAuth2 token endpoint takes application/x-www-form-urlencoded (RFC 6749 §4.4.2).
  await app.register(formbody);
  useBodyLimits(app);
  useRequestGuards(app);
  await registerSpecRoutes(app, platform);
  registerOperabilityRoutes(app, platform);
  registerDocsRoutes(app, platform);
  return app;
}

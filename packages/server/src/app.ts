import formbody from '@fastify/formbody';
import Fastify, { type FastifyInstance } from 'fastify';
import { useApiCallLog } from './http/api-call-log.js';
import { useProblemErrors } from './http/error-handler.js';
import { useHashedJsonBodies } from './http/json-body.js';
import { registerSpecRoutes } from './http/openapi-routes.js';
import { requestIdFor } from './http/request-context.js';
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
            // Tokens and secrets never reach the logs (non-negotiable 7).
            redact: ['req.headers.authorization', 'req.headers.cookie'],
          },
    genReqId: requestIdFor,
    bodyLimit: BODY_LIMIT_BYTES,
  });
  useSpecValidation(app);
  useProblemErrors(app);
  useHashedJsonBodies(app);
  useApiCallLog(app, platform);
  app.addHook('onRequest', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });
  // The OAuth2 token endpoint takes application/x-www-form-urlencoded (RFC 6749 §4.4.2).
  await app.register(formbody);
  await registerSpecRoutes(app, platform);
  return app;
}

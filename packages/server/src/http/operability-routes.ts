import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { FastifyInstance } from 'fastify';
import type { Platform } from '../platform.js';
import { ProblemError } from './problem.js';

/** Where `@hdld/spec`'s build put the API reference rendered from the same document. */
function apiReferencePath(): string | undefined {
  try {
    return createRequire(import.meta.url).resolve('@hdld/spec/api-reference.html');
  } catch {
    return undefined;
  }
}

/**
 * Routes outside the API contract: Prometheus metrics and the human-readable API reference
 * (S2.4 "API description"), rendered by Redocly from the spec at build time.
 */
export function registerOperabilityRoutes(app: FastifyInstance, platform: Platform): void {
  app.get('/metrics', async (_request, reply) => {
    reply.type(platform.metrics.registry.contentType);
    return platform.metrics.registry.metrics();
  });
  app.get('/docs', async (_request, reply) => {
    const path = apiReferencePath();
    const html = path ? await readFile(path, 'utf8').catch(() => undefined) : undefined;
    if (!html) {
      throw new ProblemError('SERVICE_UNAVAILABLE', {
        detail: {
          en: 'The API reference is built by `pnpm build`.',
          vi: 'Tài liệu API được tạo bởi `pnpm build`.',
        },
      });
    }
    return reply.type('text/html; charset=utf-8').send(html);
  });
}

import { createReadStream } from 'node:fs';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { ProblemError } from '../http/problem.js';
import type { Platform } from '../platform.js';
import { publishedApiDocument } from './api-document.js';
import { docsLanguage } from './docs-language.js';
import { guidePage } from './guide-page.js';
import { REDOC_BUNDLE, redocBundlePath } from './redoc-bundle.js';
import { referencePage } from './reference-page.js';

/**
 * The documentation pages load nothing from elsewhere: Redoc's sidebar logo points at its CDN, and
 * this keeps the browser from even asking (the reference works, and leaks nothing, offline).
 */
const DOCS_CSP = [
  "default-src 'self'",
  "img-src 'self' data:",
  "style-src 'self' 'unsafe-inline'",
  "worker-src 'self' blob:",
  "frame-ancestors 'none'",
].join('; ');

function html(reply: FastifyReply, page: string) {
  return reply.header('content-security-policy', DOCS_CSP).type('text/html; charset=utf-8').send(page);
}

function requestedLanguage(request: FastifyRequest) {
  const { lang } = request.query as { lang?: string };
  return lang === 'en' || lang === 'vi' ? lang : docsLanguage(request.headers['accept-language']);
}

/**
 * The documentation a provider integrates from, all served by this server (S2.4, F11): the API
 * reference at `/docs`, the integration guide at `/docs/guide/{vi,en}`, the document at `/openapi.json`.
 */
export function registerDocsRoutes(app: FastifyInstance, platform: Platform): void {
  const document = JSON.stringify(publishedApiDocument(platform.config.mode, platform.config.publicUrl));
  app.get('/openapi.json', async (_request, reply) => reply.type('application/json').send(document));
  app.get('/docs', async (request, reply) => html(reply, referencePage(requestedLanguage(request))));
  app.get(`/docs/assets/${REDOC_BUNDLE}`, async (_request, reply) => {
    const path = redocBundlePath();
    if (!path) {
      throw new ProblemError('SERVICE_UNAVAILABLE', {
        detail: {
          en: 'The API reference renderer is missing: run `pnpm install`.',
          vi: 'Thiếu bộ hiển thị tài liệu API: hãy chạy `pnpm install`.',
        },
      });
    }
    reply.header('cache-control', 'public, max-age=86400');
    return reply.type('text/javascript; charset=utf-8').send(createReadStream(path));
  });
  app.get('/docs/guide', async (request, reply) =>
    reply.redirect(`/docs/guide/${requestedLanguage(request)}`),
  );
  app.get('/docs/guide/:lang', async (request, reply) => {
    const { lang } = request.params as { lang: string };
    if (lang !== 'vi' && lang !== 'en') return reply.callNotFound();
    return html(reply, await guidePage(lang));
  });
}

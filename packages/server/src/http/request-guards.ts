import type { FastifyInstance, FastifyRequest } from 'fastify';
import { bodyTooLarge } from './body-limits.js';
import { ProblemError } from './problem.js';
import { type SpecOperation, specOperationOf } from './spec-operations.js';
import { unsafeTextItems } from './unsafe-text.js';

function hasBody(request: FastifyRequest): boolean {
  const length = request.headers['content-length'];
  return request.headers['transfer-encoding'] !== undefined || (length !== undefined && length !== '0');
}

/** The media type without parameters; a charset other than UTF-8 makes it unacceptable (RFC 8259 §8.1). */
function acceptedType(header: string | undefined, accepted: readonly string[]): boolean {
  if (!header) return false;
  const [type = '', ...parameters] = header.split(';').map((part) => part.trim().toLowerCase());
  const charset = parameters
    .find((p) => p.startsWith('charset='))
    ?.slice('charset='.length)
    .replaceAll('"', '');
  return accepted.includes(type) && (charset === undefined || charset === 'utf-8');
}

function unsupportedMediaType(operation: SpecOperation, sent: string | undefined): ProblemError {
  const accepted = (operation.bodyMediaTypes ?? []).join(', ');
  return new ProblemError('UNSUPPORTED_MEDIA_TYPE', {
    detail: {
      en: `${operation.operationId} takes ${accepted} (UTF-8), not ${sent ?? 'a body without Content-Type'}.`,
      vi: `${operation.operationId} nhận ${accepted} (UTF-8), không nhận ${sent ?? 'nội dung không có Content-Type'}.`,
    },
  });
}

function missingBody(): ProblemError {
  return new ProblemError('REQUEST_INVALID', {
    errors: [
      {
        code: 'REQUEST_INVALID',
        pointer: '/',
        detail: {
          en: 'This operation requires a request body.',
          vi: 'Thao tác này cần có nội dung yêu cầu.',
        },
      },
    ],
  });
}

/**
 * What the edge refuses before a handler runs, in the order a client should learn it: no valid
 * token (401, before anything about the body is said), a media type the operation does not take
 * (415), a body over its limit (413, from Content-Length before reading it), then text no field can
 * hold (400 with pointers). Fastify's validator and the handlers then see only what passed.
 */
export function useRequestGuards(app: FastifyInstance): void {
  app.addHook('preParsing', async (request) => {
    const operation = specOperationOf(request);
    if (!operation) return;
    if (operation.requiresToken && !request.principal) {
      throw request.authError ?? new ProblemError('UNAUTHENTICATED');
    }
    if (!hasBody(request)) return;
    const sent = request.headers['content-type'];
    if (operation.bodyMediaTypes && !acceptedType(sent, operation.bodyMediaTypes)) {
      throw unsupportedMediaType(operation, sent);
    }
    const limit = request.routeOptions.bodyLimit;
    if (limit !== undefined && Number(request.headers['content-length']) > limit) throw bodyTooLarge(request);
  });
  app.addHook('preValidation', async (request) => {
    if (request.body === undefined && specOperationOf(request)?.bodyRequired) throw missingBody();
    const items = [
      ...unsafeTextItems(request.params, '/path'),
      ...unsafeTextItems(request.query, '/query'),
      ...unsafeTextItems(request.body),
    ];
    if (items.length > 0) throw new ProblemError('REQUEST_INVALID', { errors: items.slice(0, 20) });
  });
}

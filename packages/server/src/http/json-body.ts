import { createHash } from 'node:crypto';
import type { FastifyInstance } from 'fastify';

declare module 'fastify' {
  interface FastifyRequest {
    /** SHA-256 (hex) of the raw JSON body, echoed in acknowledgements and bound to idempotency keys. */
    bodySha256?: string;
  }
}

/**
 * Parses JSON with Fastify's own safe parser (prototype-poisoning protection) while hashing the
 * exact bytes received, so `payloadSha256` is what the provider can compute on its side.
 */
export function useHashedJsonBodies(app: FastifyInstance): void {
  const parse = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'buffer' }, (request, body, done) => {
    const bytes = body as Buffer;
    request.bodySha256 = createHash('sha256').update(bytes).digest('hex');
    parse(request, bytes.toString('utf8'), done);
  });
}

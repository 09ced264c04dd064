import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { type Lang, pickLang } from '@hdld/spec';
import type { FastifyRequest } from 'fastify';

const REQUEST_ID = /^[A-Za-z0-9._:-]{1,100}$/;

/** Keeps a caller's X-Request-Id when it is well formed, so both sides log the same id. */
export function requestIdFor(req: IncomingMessage): string {
  const given = req.headers['x-request-id'];
  return typeof given === 'string' && REQUEST_ID.test(given) ? given : `req_${randomUUID()}`;
}

export function languageOf(request: FastifyRequest): Lang {
  return pickLang(request.headers['accept-language']);
}

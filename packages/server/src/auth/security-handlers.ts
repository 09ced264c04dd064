import type { FastifyReply, FastifyRequest } from 'fastify';
import { ProblemError } from '../http/problem.js';
import type { AccessTokens } from './access-tokens.js';
import type { Principal } from './principal.js';

declare module 'fastify' {
  interface FastifyRequest {
    principal?: Principal;
  }
}

/** The principal of an authenticated request; operations without security never call this. */
export function principalOf(request: FastifyRequest): Principal {
  if (!request.principal) throw new ProblemError('UNAUTHENTICATED');
  return request.principal;
}

/** Security handlers for the spec's security schemes, keyed by scheme name (fastify-openapi-glue). */
export function securityHandlers(tokens: AccessTokens, now: () => Date) {
  const bearer = async (request: FastifyRequest, _reply: FastifyReply) => {
    const header = request.headers.authorization;
    const match = header ? /^Bearer\s+([A-Za-z0-9._~+/-]+=*)$/i.exec(header) : null;
    if (!match) throw new ProblemError('UNAUTHENTICATED');
    request.principal = await tokens.verify(match[1]!, now());
  };
  return { providerToken: bearer, oauth2: bearer };
}

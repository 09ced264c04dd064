import type { FastifyRequest } from 'fastify';
import { ProblemError } from '../http/problem.js';
import type { Principal } from './principal.js';

/** The principal of an authenticated request; operations without security never call this. */
export function principalOf(request: FastifyRequest): Principal {
  if (!request.principal) throw new ProblemError('UNAUTHENTICATED');
  return request.principal;
}

/**
 * Security handlers for the spec's security schemes, keyed by scheme name (fastify-openapi-glue).
 * The token was already verified by `useAuthentication`; here an operation that needs one refuses.
 */
export function securityHandlers() {
  const bearer = async (request: FastifyRequest) => {
    if (!request.principal) throw request.authError ?? new ProblemError('UNAUTHENTICATED');
  };
  return { providerToken: bearer, oauth2: bearer };
}

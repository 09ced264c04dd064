import type { FastifyInstance, FastifyRequest } from 'fastify';
import { ProblemError } from '../http/problem.js';
import type { AccessTokens } from './access-tokens.js';
import type { Principal } from './principal.js';

declare module 'fastify' {
  interface FastifyRequest {
    principal?: Principal;
    /** Why a presented token was refused; reported only by operations that require one. */
    authError?: ProblemError;
  }
}

const BEARER = /^Bearer\s+([A-Za-z0-9._~+/-]+=*)$/i;

/**
 * Verifies a presented access token once, before anything else runs, so rate limits and the API
 * call log know the provider. Operations that require a token refuse later (security handlers).
 */
export function useAuthentication(app: FastifyInstance, tokens: AccessTokens, now: () => Date): void {
  app.decorateRequest('principal', undefined);
  app.decorateRequest('authError', undefined);
  app.addHook('onRequest', async (request: FastifyRequest) => {
    const header = request.headers.authorization;
    if (!header) return;
    const match = BEARER.exec(header);
    if (!match) {
      request.authError = new ProblemError('UNAUTHENTICATED');
      return;
    }
    try {
      request.principal = await tokens.verify(match[1]!, now());
    } catch (error) {
      request.authError = error instanceof ProblemError ? error : new ProblemError('TOKEN_INVALID');
    }
  });
}

import type { FastifyInstance, FastifyRequest } from 'fastify';
import { ProblemError } from '../http/problem.js';
import type { AccessTokens } from './access-tokens.js';
import type { Principal } from './principal.js';
import type { ProviderStatusCache } from './provider-status-cache.js';

declare module 'fastify' {
  interface FastifyRequest {
    principal?: Principal;
    /** Why a presented token was refused; reported only by operations that require one. */
    authError?: ProblemError;
  }
}

const BEARER = /^Bearer\s+([A-Za-z0-9._~+/-]+=*)$/i;

/** Why a provider's verified token no longer opens the API (N8; Decree 337/2025 Art. 15.4). */
async function refusal(
  principal: Principal,
  statuses: ProviderStatusCache,
): Promise<ProblemError | undefined> {
  if (principal.kind !== 'provider') return undefined;
  const status = await statuses.statusOf(principal.providerId);
  if (status === 'SUSPENDED') return new ProblemError('PROVIDER_SUSPENDED');
  if (status === 'DISCONNECTED') return new ProblemError('PROVIDER_DISCONNECTED');
  return status === undefined ? new ProblemError('TOKEN_INVALID') : undefined;
}

/**
 * Verifies a presented access token once, before anything else runs, so rate limits and the API
 * call log know the caller. A suspended or disconnected provider's token is refused here, so every
 * operation that requires a token refuses it (security handlers), not only the token endpoint.
 */
export function useAuthentication(
  app: FastifyInstance,
  tokens: AccessTokens,
  now: () => Date,
  statuses: ProviderStatusCache,
): void {
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
    let principal: Principal;
    try {
      principal = await tokens.verify(match[1]!, now());
    } catch (error) {
      request.authError = error instanceof ProblemError ? error : new ProblemError('TOKEN_INVALID');
      return;
    }
    request.authError = await refusal(principal, statuses);
    if (!request.authError) request.principal = principal;
  });
}

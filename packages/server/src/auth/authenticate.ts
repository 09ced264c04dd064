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

/**
 * Why a provider's verified token no longer opens the API (N8; Decree 337/2025 Art. 15.4), or
 * does not open it from this address (N8 IP allow-list).
 */
async function refusal(
  principal: Principal,
  statuses: ProviderStatusCache,
  ip: string,
): Promise<ProblemError | undefined> {
  if (principal.kind !== 'provider') return undefined;
  const connection = await statuses.statusOf(principal.providerId);
  if (connection === undefined) return new ProblemError('TOKEN_INVALID');
  if (connection.status === 'SUSPENDED') return new ProblemError('PROVIDER_SUSPENDED');
  if (connection.status === 'DISCONNECTED') return new ProblemError('PROVIDER_DISCONNECTED');
  return connection.allowsIp(ip) ? undefined : ipNotAllowed(ip);
}

/** N8, T16: the caller's address is not in the provider's IP allow-list. */
export function ipNotAllowed(ip: string): ProblemError {
  return new ProblemError('IP_NOT_ALLOWED', {
    detail: {
      en: `Calls from ${ip} are not in your IP allow-list.`,
      vi: `Địa chỉ ${ip} không thuộc danh sách IP được phép của bạn.`,
    },
  });
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
    request.authError = await refusal(principal, statuses, request.ip);
    if (!request.authError) request.principal = principal;
  });
}

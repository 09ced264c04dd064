import type { FastifyRequest } from 'fastify';
import type { Platform } from '../platform.js';
import { scopeOf } from './access-tokens.js';
import { createAssertionReplayCache } from './assertion-replay-cache.js';
import { authenticateClient, type TokenForm } from './client-authentication.js';

export function tokenHandlers(platform: Platform) {
  const rememberAssertion = createAssertionReplayCache();
  return {
    /** OAuth2 token endpoint: a short-lived access token for a provider (F7) or a Ministry operator. */
    async createToken(request: FastifyRequest<{ Body: TokenForm }>) {
      const now = platform.now();
      const ownUrl = `${request.protocol}://${request.host}/v1/oauth/token`;
      const principal = await authenticateClient(request.body, {
        sandbox: platform.config.mode === 'sandbox',
        audiences: [`${platform.config.publicUrl}/v1/oauth/token`, ownUrl],
        now,
        ip: request.ip,
        findProvider: (clientId) => platform.storage.providers.findByClientId(clientId),
        findOperator: (clientId) => platform.storage.operators.findByClientId(clientId),
        rememberAssertion: (jti, expiresAt) => rememberAssertion(jti, expiresAt, now.getTime()),
      });
      const { token, expiresIn } = await platform.tokens.issue(principal, now);
      return { access_token: token, token_type: 'Bearer', expires_in: expiresIn, scope: scopeOf(principal) };
    },
  };
}

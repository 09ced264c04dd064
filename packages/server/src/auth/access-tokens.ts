import { createLocalJWKSet, jwtVerify, SignJWT } from 'jose';
import { ProblemError } from '../http/problem.js';
import type { PlatformKeys } from './platform-keys.js';
import type { ProviderPrincipal } from './principal.js';

export const ACCESS_TOKEN_TTL_SECONDS = 900;
const AUDIENCE = 'hdld-platform';

export type AccessTokens = {
  issue(principal: ProviderPrincipal, now: Date): Promise<{ token: string; expiresIn: number }>;
  verify(token: string, now: Date): Promise<ProviderPrincipal>;
};

export function createAccessTokens(keys: PlatformKeys, issuer: string): AccessTokens {
  const jwks = createLocalJWKSet({ keys: [keys.publicJwk] });
  return {
    async issue(principal, now) {
      const iat = Math.floor(now.getTime() / 1000);
      const token = await new SignJWT({ client_id: principal.clientId, scope: 'contracts' })
        .setProtectedHeader({ alg: 'ES256', kid: keys.kid, typ: 'at+jwt' })
        .setIssuer(issuer)
        .setAudience(AUDIENCE)
        .setSubject(principal.providerId)
        .setIssuedAt(iat)
        .setExpirationTime(iat + ACCESS_TOKEN_TTL_SECONDS)
        .setJti(crypto.randomUUID())
        .sign(keys.privateKey);
      return { token, expiresIn: ACCESS_TOKEN_TTL_SECONDS };
    },
    async verify(token, now) {
      try {
        const { payload } = await jwtVerify(token, jwks, {
          issuer,
          audience: AUDIENCE,
          typ: 'at+jwt',
          currentDate: now,
          algorithms: ['ES256'],
        });
        return { kind: 'provider', providerId: String(payload.sub), clientId: String(payload.client_id) };
      } catch (error) {
        const expired = (error as { code?: string }).code === 'ERR_JWT_EXPIRED';
        throw new ProblemError(expired ? 'TOKEN_EXPIRED' : 'TOKEN_INVALID');
      }
    },
  };
}

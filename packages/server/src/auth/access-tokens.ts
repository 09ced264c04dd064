import { createHash } from 'node:crypto';
import { createLocalJWKSet, type JWTPayload, jwtVerify, SignJWT } from 'jose';
import { ProblemError } from '../http/problem.js';
import { type PlatformKeys, publishedJwks } from './platform-keys.js';
import type { Principal } from './principal.js';

export const ACCESS_TOKEN_TTL_SECONDS = 900;
const AUDIENCE = 'hdld-platform';
/** Verified tokens remembered (a few hundred bytes each): far more than the callers active in 15 minutes. */
const VERIFIED_CACHE_SIZE = 10_000;

export type AccessTokens = {
  issue(principal: Principal, now: Date): Promise<{ token: string; expiresIn: number }>;
  verify(token: string, now: Date): Promise<Principal>;
};

/** The token's `scope` claim, as echoed by the token endpoint. */
export function scopeOf(principal: Principal): string {
  return principal.kind === 'operator' ? 'contracts operations' : 'contracts';
}

/**
 * The principal a verified token names. Tokens issued before roles existed carry no `role` and
 * were all providers' (they expire within ACCESS_TOKEN_TTL_SECONDS of an upgrade).
 */
function principalOf(payload: JWTPayload): Principal {
  const clientId = String(payload.client_id);
  if (payload.role === 'operator') {
    return { kind: 'operator', operatorId: String(payload.sub), clientId, scope: { level: 'nation' } };
  }
  if (payload.role !== undefined && payload.role !== 'provider') throw new Error('unknown role');
  return { kind: 'provider', providerId: String(payload.sub), clientId };
}

export function createAccessTokens(keys: PlatformKeys, issuer: string): AccessTokens {
  // Tokens signed by a key retired less than ACCESS_TOKEN_TTL_SECONDS ago stay valid until they expire.
  const jwks = createLocalJWKSet(publishedJwks(keys));
  // A caller sends the same token on every call for 15 minutes: its ES256 signature is verified once,
  // then the token is known by its SHA-256 (the token itself is not kept) until it expires. Least
  // recently used first out (a Map keeps insertion order; a hit moves the entry to the end).
  const verified = new Map<string, { principal: Principal; expiresAtMs: number }>();
  return {
    async issue(principal, now) {
      const iat = Math.floor(now.getTime() / 1000);
      const subject = principal.kind === 'operator' ? principal.operatorId : principal.providerId;
      const token = await new SignJWT({
        client_id: principal.clientId,
        role: principal.kind,
        scope: scopeOf(principal),
      })
        .setProtectedHeader({ alg: 'ES256', kid: keys.kid, typ: 'at+jwt' })
        .setIssuer(issuer)
        .setAudience(AUDIENCE)
        .setSubject(subject)
        .setIssuedAt(iat)
        .setExpirationTime(iat + ACCESS_TOKEN_TTL_SECONDS)
        .setJti(crypto.randomUUID())
        .sign(keys.privateKey);
      return { token, expiresIn: ACCESS_TOKEN_TTL_SECONDS };
    },
    async verify(token, now) {
      const digest = createHash('sha256').update(token).digest('hex');
      const known = verified.get(digest);
      if (known) {
        verified.delete(digest);
        // As jose decides: expired once the clock reaches `exp` (the sandbox clock only moves forward).
        if (now.getTime() >= known.expiresAtMs) throw new ProblemError('TOKEN_EXPIRED');
        verified.set(digest, known);
        return known.principal;
      }
      try {
        const { payload } = await jwtVerify(token, jwks, {
          issuer,
          audience: AUDIENCE,
          typ: 'at+jwt',
          currentDate: now,
          algorithms: ['ES256'],
        });
        const principal = principalOf(payload);
        if (typeof payload.exp === 'number') {
          verified.set(digest, { principal, expiresAtMs: payload.exp * 1000 });
          if (verified.size > VERIFIED_CACHE_SIZE) verified.delete(verified.keys().next().value!);
        }
        return principal;
      } catch (error) {
        const expired = (error as { code?: string }).code === 'ERR_JWT_EXPIRED';
        throw new ProblemError(expired ? 'TOKEN_EXPIRED' : 'TOKEN_INVALID');
      }
    },
  };
}

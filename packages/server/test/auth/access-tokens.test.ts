import { describe, expect, it } from 'vitest';
import { ACCESS_TOKEN_TTL_SECONDS, createAccessTokens } from '../../src/auth/access-tokens.js';
import { loadPlatformKeys } from '../../src/auth/platform-keys.js';
import type { Principal } from '../../src/auth/principal.js';

const provider: Principal = { kind: 'provider', providerId: 'p1', clientId: 'c1' };
const code = (promise: Promise<unknown>) =>
  promise.then(
    () => 'ok',
    (error: { code?: string }) => error.code,
  );

// Access tokens (OAuth2 client credentials, issue 4): verified once, then known until they expire.
describe('access tokens', () => {
  it('accepts a token on every call until it expires, then refuses it as TOKEN_EXPIRED', async () => {
    const tokens = createAccessTokens(await loadPlatformKeys({}), 'http://platform.test');
    const issuedAt = new Date('2026-03-01T00:00:00Z');
    const { token } = await tokens.issue(provider, issuedAt);
    const later = (seconds: number) => new Date(issuedAt.getTime() + seconds * 1000);
    expect(await tokens.verify(token, later(1))).toEqual(provider);
    // Remembered after the first verification: the answer, and the expiry, stay the same.
    expect(await tokens.verify(token, later(ACCESS_TOKEN_TTL_SECONDS - 1))).toEqual(provider);
    expect(await code(tokens.verify(token, later(ACCESS_TOKEN_TTL_SECONDS)))).toBe('TOKEN_EXPIRED');
    expect(await code(tokens.verify(token, later(ACCESS_TOKEN_TTL_SECONDS + 60)))).toBe('TOKEN_EXPIRED');
  });

  it('refuses a token signed by another key or altered, even after the genuine one was verified', async () => {
    const tokens = createAccessTokens(await loadPlatformKeys({}), 'http://platform.test');
    const other = createAccessTokens(await loadPlatformKeys({}), 'http://platform.test');
    const now = new Date('2026-03-01T00:00:00Z');
    const { token } = await tokens.issue(provider, now);
    await tokens.verify(token, now);
    expect(await code(tokens.verify((await other.issue(provider, now)).token, now))).toBe('TOKEN_INVALID');
    const [header, payload, signature] = token.split('.');
    const altered = `${header}.${payload}.${signature!.slice(0, -2)}${signature!.endsWith('AA') ? 'BA' : 'AA'}`;
    expect(await code(tokens.verify(altered, now))).toBe('TOKEN_INVALID');
  });
});

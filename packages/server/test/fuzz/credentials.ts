import { generateKeyPair, SignJWT } from 'jose';
import { ACCESS_TOKEN_TTL_SECONDS } from '../../src/auth/access-tokens.js';
import type { Principal } from '../../src/auth/principal.js';
import type { Platform } from '../../src/platform.js';

/**
 * The Authorization headers the fuzzer sends (issue 15, T16): valid tokens of the sandbox provider,
 * of another provider and of a Ministry operator, and tokens the Platform must refuse: expired,
 * forged (payload changed after signing), signed by a key it never issued, `alg: none`, for a
 * provider it does not know, malformed headers and none at all.
 */
export const CREDENTIALS = [
  'provider',
  'otherProvider',
  'operator',
  'none',
  'expired',
  'forged',
  'foreignKey',
  'algNone',
  'unknownProvider',
  'malformed',
  'basic',
] as const;
export type CredentialName = (typeof CREDENTIALS)[number];

/** Who a valid credential acts as; the others act as nobody. */
export type Actor = 'provider' | 'otherProvider' | 'operator';

const base64url = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

export type Credentials = {
  /** The Authorization header of that credential now (valid tokens follow the sandbox clock). */
  header(name: CredentialName): Promise<string | undefined>;
};

export function createCredentials(
  platform: Platform,
  principals: Record<Actor | 'unknownProvider', Principal>,
): Credentials {
  const issued = new Map<string, { token: string; atMs: number }>();
  const foreignKey = generateKeyPair('ES256');
  /** A token of the Platform's key, re-issued when the sandbox clock moved away from its issue time. */
  async function token(key: string, principal: Principal, shiftSeconds = 0): Promise<string> {
    const now = platform.now().getTime();
    const known = issued.get(key);
    if (known && Math.abs(now - known.atMs) < (ACCESS_TOKEN_TTL_SECONDS * 1000) / 3) return known.token;
    const { token } = await platform.tokens.issue(principal, new Date(now + shiftSeconds * 1000));
    issued.set(key, { token, atMs: now });
    return token;
  }
  const valid = (actor: Actor) => token(actor, principals[actor]);
  return {
    async header(name) {
      switch (name) {
        case 'provider':
        case 'otherProvider':
        case 'operator':
          return `Bearer ${await valid(name)}`;
        case 'none':
          return undefined;
        case 'expired':
          return `Bearer ${await token('expired', principals.provider, -2 * ACCESS_TOKEN_TTL_SECONDS)}`;
        case 'unknownProvider':
          return `Bearer ${await token('unknownProvider', principals.unknownProvider)}`;
        case 'forged': {
          // The provider's token with its subject changed to the other provider: the signature no longer holds.
          const [header, payload, signature] = (await valid('provider')).split('.');
          const claims = JSON.parse(Buffer.from(payload!, 'base64url').toString());
          return `Bearer ${header}.${base64url({ ...claims, sub: (principals.otherProvider as { providerId: string }).providerId })}.${signature}`;
        }
        case 'foreignKey':
        case 'algNone': {
          const [header, payload] = (await valid('operator')).split('.');
          const claims = JSON.parse(Buffer.from(payload!, 'base64url').toString());
          if (name === 'algNone') return `Bearer ${base64url({ alg: 'none', typ: 'at+jwt' })}.${payload}.`;
          const protectedHeader = JSON.parse(Buffer.from(header!, 'base64url').toString());
          const signed = await new SignJWT(claims)
            .setProtectedHeader(protectedHeader)
            .sign((await foreignKey).privateKey);
          return `Bearer ${signed}`;
        }
        case 'malformed':
          return 'Bearer not a token!';
        case 'basic':
          return `Basic ${Buffer.from('sandbox-provider:secret').toString('base64')}`;
      }
    },
  };
}

import { HdldReceiptError, verifyReceipt } from '@hdld/sdk';
import type { JWK } from 'jose';
import { describe, expect, it } from 'vitest';
import { createAccessTokens } from '../../src/auth/access-tokens.js';
import { loadPlatformKeys, publishedJwks } from '../../src/auth/platform-keys.js';
import { configFromEnv } from '../../src/config/server-config.js';
import { ProblemError } from '../../src/http/problem.js';
import { signReceipt } from '../../src/receipts/receipt-signer.js';

/**
 * Rotating the Platform signing key (docs/operations.md): the new key signs, the old public key stays
 * in the JWKS (HDLD_PLATFORM_RETIRED_KEYS), so receipts (S2.2) and access tokens it signed still verify.
 */
/** As docs/operations.md makes one: WebCrypto's JWK, with `key_ops: ["sign"]` and `ext`. */
const newKey = async (kid: string): Promise<JWK> => {
  const pair = (await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, true, [
    'sign',
    'verify',
  ])) as CryptoKeyPair;
  return { ...((await crypto.subtle.exportKey('jwk', pair.privateKey)) as JWK), kid };
};

const claims: Parameters<typeof signReceipt>[2] = {
  transactionId: '0192f0c4-5b7e-7c3a-9d1e-2f4a6b8c0d1e',
  providerReference: 'HD-2026-000123',
  outcome: 'ISSUED',
  contractId: '2604173920581648',
  payloadSha256: '9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08',
};
const ISSUER = 'https://hdld.example';
const principal = { kind: 'provider', providerId: 'p1', clientId: 'c1' } as const;

/** The keys a server started with these settings signs and publishes with. */
async function keysFrom(env: Record<string, string>) {
  const config = configFromEnv(env);
  return loadPlatformKeys({ jwk: config.platformKey, retired: config.retiredPlatformKeys });
}

describe('signing key rotation', () => {
  it('keeps what the retired key signed verifiable, and publishes no private part', async () => {
    const [oldKey, nextKey] = await Promise.all([newKey('2025-12'), newKey('2026-12')]);
    const before = await keysFrom({ HDLD_PLATFORM_KEY: JSON.stringify(oldKey) });
    const oldReceipt = await signReceipt(before, ISSUER, claims, new Date());
    const { token } = await createAccessTokens(before, ISSUER).issue(principal, new Date());

    // The old private key given as retired by mistake: only its public part is published.
    const after = await keysFrom({
      HDLD_PLATFORM_KEY: JSON.stringify(nextKey),
      HDLD_PLATFORM_RETIRED_KEYS: JSON.stringify({ keys: [oldKey] }),
    });
    const jwks = publishedJwks(after);
    expect(jwks.keys.map((k) => k.kid)).toEqual(['2026-12', '2025-12']);
    for (const key of jwks.keys) {
      expect(Object.keys(key).sort()).toEqual(['alg', 'crv', 'kid', 'kty', 'use', 'x', 'y']);
    }
    expect(after.kid).toBe('2026-12');
    const newReceipt = await signReceipt(after, ISSUER, claims, new Date());
    for (const receipt of [oldReceipt, newReceipt]) {
      expect((await verifyReceipt(receipt, jwks as never)).transactionId).toBe(claims.transactionId);
    }
    expect(await createAccessTokens(after, ISSUER).verify(token, new Date())).toEqual(principal);

    // Without the retired key, the old receipt names a key the JWKS no longer publishes.
    const forgotten = await keysFrom({ HDLD_PLATFORM_KEY: JSON.stringify(nextKey) });
    await expect(verifyReceipt(oldReceipt, publishedJwks(forgotten) as never)).rejects.toThrow(
      HdldReceiptError,
    );
    await expect(createAccessTokens(forgotten, ISSUER).verify(token, new Date())).rejects.toThrow(
      ProblemError,
    );
  });
});

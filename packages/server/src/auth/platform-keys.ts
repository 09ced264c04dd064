import { join } from 'node:path';
import {
  type CryptoKey,
  calculateJwkThumbprint,
  exportJWK,
  generateKeyPair,
  importJWK,
  type JWK,
} from 'jose';
import { readOrCreateFile } from '../config/create-once-file.js';

/**
 * The Platform's signing key (ES256). It signs access tokens (typ at+jwt, RFC 9068) and receipts
 * (typ hdld-receipt+jwt); its public half is published as a JWKS so providers verify receipts offline.
 */
export type PlatformKeys = {
  kid: string;
  privateKey: CryptoKey;
  publicJwk: JWK;
};

const ALG = 'ES256';

async function fromPrivateJwk(jwk: JWK): Promise<PlatformKeys> {
  const privateKey = (await importJWK({ ...jwk, alg: ALG }, ALG)) as CryptoKey;
  const { d: _private, ...publicPart } = jwk;
  const kid = jwk.kid ?? (await calculateJwkThumbprint(publicPart));
  return { kid, privateKey, publicJwk: { ...publicPart, kid, alg: ALG, use: 'sig' } };
}

/** Loads the key from HDLD_PLATFORM_KEY, else from the data directory, creating it on first start. */
export async function loadPlatformKeys(options: { jwk?: string; dataDir?: string }): Promise<PlatformKeys> {
  if (options.jwk) return fromPrivateJwk(JSON.parse(options.jwk) as JWK);
  if (!options.dataDir) return fromPrivateJwk(await newPrivateJwk());
  // Every process on one data directory signs with the first creator's key.
  const file = join(options.dataDir, 'keys', 'platform-signing.jwk.json');
  const stored = await readOrCreateFile(file, async () => JSON.stringify(await newPrivateJwk()));
  return fromPrivateJwk(JSON.parse(stored) as JWK);
}

async function newPrivateJwk(): Promise<JWK> {
  const { privateKey } = await generateKeyPair(ALG, { extractable: true });
  return exportJWK(privateKey);
}

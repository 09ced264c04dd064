import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  type CryptoKey,
  calculateJwkThumbprint,
  exportJWK,
  generateKeyPair,
  importJWK,
  type JWK,
} from 'jose';

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
  const file = options.dataDir ? join(options.dataDir, 'keys', 'platform-signing.jwk.json') : undefined;
  if (file) {
    const stored = await readFile(file, 'utf8').catch(() => undefined);
    if (stored) return fromPrivateJwk(JSON.parse(stored) as JWK);
  }
  const { privateKey } = await generateKeyPair(ALG, { extractable: true });
  const jwk = await exportJWK(privateKey);
  if (file) {
    await mkdir(join(options.dataDir!, 'keys'), { recursive: true, mode: 0o700 });
    await writeFile(file, JSON.stringify(jwk), { mode: 0o600, flag: 'wx' }).catch(async (err) => {
      // Another process created it first: use theirs so both sign with the same key.
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    });
    return fromPrivateJwk(JSON.parse(await readFile(file, 'utf8')) as JWK);
  }
  return fromPrivateJwk(jwk);
}

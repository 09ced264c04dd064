import { join } from 'node:path';
import {
  type CryptoKey,
  calculateJwkThumbprint,
  exportJWK,
  generateKeyPair,
  importJWK,
  type JWK,
} from 'jose';
import { ConfigError } from '../config/config-error.js';
import { readOrCreateFile } from '../config/create-once-file.js';
import { requiredInProduction } from '../config/settings.js';

/**
 * The Platform's signing key (ES256). It signs access tokens (typ at+jwt, RFC 9068) and receipts
 * (typ hdld-receipt+jwt); its public half is published as a JWKS so providers verify receipts offline.
 * `retired` are former keys' public halves, still published (and accepted for access tokens) after a
 * rotation so that what they signed keeps verifying.
 */
export type PlatformKeys = {
  kid: string;
  privateKey: CryptoKey;
  publicJwk: JWK;
  retired: JWK[];
};

const ALG = 'ES256';

/** The JWK Set the Platform publishes and verifies its own tokens with: current key first, then retired. */
export function publishedJwks(keys: PlatformKeys): { keys: JWK[] } {
  return { keys: [keys.publicJwk, ...keys.retired] };
}

/** Only the public members of the key (a generated JWK also carries `key_ops: ["sign"]` and `ext`). */
async function publicJwkOf(jwk: JWK): Promise<JWK> {
  const publicPart = { kty: jwk.kty, crv: jwk.crv, x: jwk.x, y: jwk.y };
  const kid = jwk.kid ?? (await calculateJwkThumbprint(publicPart));
  return { ...publicPart, kid, alg: ALG, use: 'sig' };
}

async function fromPrivateJwk(jwk: JWK, retired: JWK[], setting?: string): Promise<PlatformKeys> {
  let privateKey: CryptoKey;
  try {
    privateKey = (await importJWK({ ...jwk, alg: ALG }, ALG)) as CryptoKey;
  } catch (error) {
    if (!setting) throw error;
    // Right shape, wrong numbers (e.g. x, y not a point of P-256): refused at start, not per request.
    const why = error instanceof Error ? error.message : String(error);
    throw new ConfigError(setting, {
      en: `is not a usable EC P-256 private key (${why})`,
      vi: `không phải khóa riêng EC P-256 dùng được (${why})`,
    });
  }
  const publicJwk = await publicJwkOf(jwk);
  const retiredPublic = await Promise.all(retired.map(publicJwkOf));
  return {
    kid: publicJwk.kid!,
    privateKey,
    publicJwk,
    retired: retiredPublic.filter((k) => k.kid !== publicJwk.kid),
  };
}

/**
 * Loads the key from HDLD_PLATFORM_KEY, else (sandbox) from the data directory, creating it on first
 * start. Production never generates one.
 */
export async function loadPlatformKeys(options: {
  jwk?: JWK;
  retired?: JWK[];
  dataDir?: string;
  mode?: 'sandbox' | 'production';
}): Promise<PlatformKeys> {
  const retired = options.retired ?? [];
  if (options.jwk) return fromPrivateJwk(options.jwk, retired, 'HDLD_PLATFORM_KEY');
  if (options.mode === 'production') throw requiredInProduction('HDLD_PLATFORM_KEY');
  if (!options.dataDir) return fromPrivateJwk(await newPrivateJwk(), retired);
  // Every process on one data directory signs with the first creator's key.
  const file = join(options.dataDir, 'keys', 'platform-signing.jwk.json');
  const stored = await readOrCreateFile(file, async () => JSON.stringify(await newPrivateJwk()));
  return fromPrivateJwk(JSON.parse(stored) as JWK, retired);
}

async function newPrivateJwk(): Promise<JWK> {
  const { privateKey } = await generateKeyPair(ALG, { extractable: true });
  return exportJWK(privateKey);
}

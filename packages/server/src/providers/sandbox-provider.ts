import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { exportJWK, exportPKCS8, generateKeyPair } from 'jose';
import { hashSecret } from '../auth/secret-hash.js';
import { loadOrCreateCredentials } from '../config/credentials-file.js';
import { isUniqueViolation, type Storage } from '../storage/index.js';
import type { JsonObject } from '../storage/json.js';

/** Credentials of the provider a sandbox starts with (S2.4 "test environment"). */
export type SandboxCredentials = {
  providerId: string;
  clientId: string;
  clientSecret: string;
  /** PKCS#8 PEM of the ES256 key registered for private_key_jwt. */
  privateKeyPem: string;
};

const FILE = 'sandbox-provider.json';

async function newCredentials(): Promise<SandboxCredentials & { publicJwks: JsonObject }> {
  const { privateKey, publicKey } = await generateKeyPair('ES256', { extractable: true });
  const jwk = { ...(await exportJWK(publicKey)), kid: 'sandbox-1', alg: 'ES256', use: 'sig' };
  return {
    providerId: 'sandbox',
    clientId: 'sandbox-provider',
    clientSecret: randomBytes(24).toString('base64url'),
    privateKeyPem: await exportPKCS8(privateKey),
    publicJwks: { keys: [jwk] } as unknown as JsonObject,
  };
}

/**
 * Makes sure the sandbox provider exists and returns its credentials. They are kept (mode 0600) in
 * the data directory so the same ones work after a restart; in memory they are new each time.
 */
export async function ensureSandboxProvider(storage: Storage, dataDir?: string): Promise<SandboxCredentials> {
  const file = dataDir ? join(dataDir, FILE) : undefined;
  const credentials = file ? await loadOrCreateCredentials(file, newCredentials) : await newCredentials();
  const existing = await storage.providers.findById(credentials.providerId);
  const clientSecretHash = await hashSecret(credentials.clientSecret);
  const update = () =>
    storage.providers.setCredentials(credentials.providerId, {
      clientSecretHash,
      publicJwks: credentials.publicJwks,
    });
  if (existing) {
    await update();
  } else {
    await storage.providers
      .insert({
        id: credentials.providerId,
        name: 'Nhà cung cấp thử nghiệm (sandbox)',
        clientId: credentials.clientId,
        clientSecretHash,
        publicJwks: credentials.publicJwks,
        contactEmail: 'sandbox@hdld.invalid',
      })
      // Another process sharing the database inserted it first.
      .catch((error: unknown) => (isUniqueViolation(error) ? update() : Promise.reject(error)));
  }
  const { publicJwks: _public, ...secrets } = credentials;
  return secrets;
}

import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { hashSecret } from '../auth/secret-hash.js';
import { loadOrCreateCredentials } from '../config/credentials-file.js';
import { isUniqueViolation, type Storage } from '../storage/index.js';

/** Credentials of the Ministry operator a sandbox starts with, to try the operations API (S2.4). */
export type SandboxOperatorCredentials = {
  operatorId: string;
  clientId: string;
  clientSecret: string;
};

const FILE = 'sandbox-operator.json';

async function newCredentials(): Promise<SandboxOperatorCredentials> {
  return {
    operatorId: 'sandbox-operator',
    clientId: 'sandbox-operator',
    clientSecret: randomBytes(24).toString('base64url'),
  };
}

/**
 * Makes sure the sandbox operator exists and returns its credentials, kept (mode 0600) in the data
 * directory beside the sandbox provider's; in memory they are new each time.
 */
export async function ensureSandboxOperator(
  storage: Storage,
  dataDir?: string,
): Promise<SandboxOperatorCredentials> {
  const credentials = dataDir
    ? await loadOrCreateCredentials(join(dataDir, FILE), newCredentials)
    : await newCredentials();
  const clientSecretHash = await hashSecret(credentials.clientSecret);
  const update = () => storage.operators.setSecretHash(credentials.operatorId, clientSecretHash);
  if (await storage.operators.findById(credentials.operatorId)) {
    await update();
  } else {
    await storage.operators
      .insert({
        id: credentials.operatorId,
        name: 'Cán bộ vận hành thử nghiệm (sandbox)',
        clientId: credentials.clientId,
        clientSecretHash,
      })
      // Another process sharing the database inserted it first.
      .catch((error: unknown) => (isUniqueViolation(error) ? update() : Promise.reject(error)));
  }
  return credentials;
}

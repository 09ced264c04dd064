import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { readOrCreateFile } from './create-once-file.js';

/**
 * A secret that must survive restarts (the contract-ID permutation key): from the environment in
 * production, else created once in the data directory (mode 0600), else per process (in memory).
 */
export async function persistentSecret(
  name: string,
  given: string | undefined,
  dataDir: string | undefined,
): Promise<string> {
  if (given) return given;
  if (!dataDir) return randomBytes(32).toString('base64url');
  const file = join(dataDir, 'keys', `${name}.secret`);
  return (await readOrCreateFile(file, async () => randomBytes(32).toString('base64url'))).trim();
}

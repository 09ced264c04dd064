import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { readOrCreateFile } from './create-once-file.js';
import { type Mode, requiredInProduction } from './settings.js';

/**
 * A secret that must survive restarts (the contract-ID permutation key): from the environment, else
 * (sandbox only: production never generates one) created once in the data directory (mode 0600),
 * else per process (in memory).
 */
export async function persistentSecret(
  secret: { name: string; setting: string; given: string | undefined },
  place: { dataDir: string | undefined; mode: Mode },
): Promise<string> {
  if (secret.given) return secret.given;
  if (place.mode === 'production') throw requiredInProduction(secret.setting);
  if (!place.dataDir) return randomBytes(32).toString('base64url');
  const file = join(place.dataDir, 'keys', `${secret.name}.secret`);
  return (await readOrCreateFile(file, async () => randomBytes(32).toString('base64url'))).trim();
}

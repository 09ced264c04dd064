import { randomBytes } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

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
  const stored = await readFile(file, 'utf8').catch(() => undefined);
  if (stored) return stored.trim();
  await mkdir(join(dataDir, 'keys'), { recursive: true, mode: 0o700 });
  const secret = randomBytes(32).toString('base64url');
  await writeFile(file, secret, { mode: 0o600, flag: 'wx' }).catch((err: NodeJS.ErrnoException) => {
    if (err.code !== 'EEXIST') throw err;
  });
  return (await readFile(file, 'utf8')).trim();
}

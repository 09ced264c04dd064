import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';

/**
 * Credentials kept as JSON in the data directory (mode 0600) so the same ones work after a
 * restart. Several processes may start on one data directory: the first to create the file wins
 * and the others read what it wrote.
 */
export async function loadOrCreateCredentials<T>(file: string, create: () => Promise<T>): Promise<T> {
  const stored = await readFile(file, 'utf8').catch(() => undefined);
  if (stored) return JSON.parse(stored) as T;
  await mkdir(dirname(file), { recursive: true });
  const created = await create();
  try {
    await writeFile(file, JSON.stringify(created, null, 2), { mode: 0o600, flag: 'wx' });
    return created;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    return JSON.parse(await readFile(file, 'utf8')) as T;
  }
}

import { readOrCreateFile } from './create-once-file.js';

/**
 * Credentials kept as JSON in the data directory (mode 0600) so the same ones work after a
 * restart. Several processes may start on one data directory: the first to create the file wins
 * and the others read what it wrote.
 */
export async function loadOrCreateCredentials<T>(file: string, create: () => Promise<T>): Promise<T> {
  return JSON.parse(await readOrCreateFile(file, async () => JSON.stringify(await create(), null, 2))) as T;
}

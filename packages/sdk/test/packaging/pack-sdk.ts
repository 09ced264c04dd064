import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

export const run = promisify(execFile);
export const SDK_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/**
 * Packs @hdld/sdk as `pnpm publish` would (publishConfig applied, workspace versions replaced)
 * into `destination`; builds dist first when it is missing. Returns the tarball's path.
 */
export async function packSdk(destination: string): Promise<string> {
  if (!existsSync(join(SDK_DIR, 'dist/index.js'))) await run('pnpm', ['build'], { cwd: SDK_DIR });
  await run('pnpm', ['pack', '--pack-destination', destination], { cwd: SDK_DIR });
  const tarball = (await readdir(destination)).find((f) => f.endsWith('.tgz'));
  if (!tarball) throw new Error(`pnpm pack wrote no tarball to ${destination}`);
  return join(destination, tarball);
}

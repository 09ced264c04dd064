import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The folder of the @hdld/server package holding `entry` (migrations/, guide/), found by walking up
 * from this module: two levels up when running from `src/<domain>/`, one from the bundled `dist/`.
 */
export function packageFolder(entry: string): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let depth = 0; depth < 4; depth++) {
    const candidate = join(dir, entry);
    if (existsSync(join(dir, 'package.json')) && existsSync(candidate)) return candidate;
    dir = dirname(dir);
  }
  throw new Error(`${entry} not found next to the @hdld/server package.json`);
}

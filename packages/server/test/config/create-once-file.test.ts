import { mkdtemp, readdir, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readOrCreateFile } from '../../src/config/create-once-file.js';

/** Two server processes starting on one data directory must share one key and one ID secret. */
describe('readOrCreateFile', () => {
  it('gives every concurrent caller the first creator’s complete content and leaves no temporary file', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'hdld-once-'));
    const file = join(dir, 'keys', 'secret');
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        readOrCreateFile(file, async () => `content-${i}-${'x'.repeat(100_000)}`),
      ),
    );
    expect(new Set(results).size).toBe(1);
    expect(results[0]).toMatch(/^content-\d+-x{100000}$/);
    expect(await readdir(join(dir, 'keys'))).toEqual(['secret']);
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    expect(await readOrCreateFile(file, async () => 'other')).toBe(results[0]);
  });
});

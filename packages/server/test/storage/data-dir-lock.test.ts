import { spawnSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { lockDataDir } from '../../src/storage/data-dir-lock.js';

// One process per PGlite data directory (storage README): a second opener is refused.
describe('PGlite data directory lock', () => {
  let root: string;
  beforeEach(async () => {
    root = await mkdtemp(join(tmpdir(), 'hdld-lock-'));
  });
  afterEach(() => rm(root, { recursive: true, force: true }));

  it('refuses a second owner while held, and allows one after release', async () => {
    const dataDir = join(root, 'nested', 'pgdata');
    const release = await lockDataDir(dataDir);
    await expect(lockDataDir(dataDir)).rejects.toThrow(/in use by process/);
    await release();
    const again = await lockDataDir(dataDir);
    await again();
  });

  it('takes over the lock of a process that no longer exists (crash)', async () => {
    const dataDir = join(root, 'pgdata');
    const exited = spawnSync(process.execPath, ['-e', '']);
    await writeFile(`${dataDir}.lock`, String(exited.pid));
    const release = await lockDataDir(dataDir);
    await release();
  });
});

import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifySecret } from '../../src/auth/secret-hash.js';
import { ensureSandboxOperator } from '../../src/operators/sandbox-operator.js';
import type { Storage } from '../../src/storage/create-storage.js';
import { createTestStorage } from '../support/databases.js';

/** S2.4: the sandbox starts with a Ministry operator whose credentials survive a restart (mode 0600). */
describe('sandbox operator', () => {
  let storage: Storage;
  let drop: () => Promise<void>;
  let dataDir: string;
  beforeAll(async () => {
    ({ storage, drop } = await createTestStorage('pglite'));
    dataDir = await mkdtemp(join(tmpdir(), 'hdld-operator-'));
  });
  afterAll(async () => {
    await drop();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('writes its credentials once, owner-only, and keeps them across starts', async () => {
    const first = await ensureSandboxOperator(storage, dataDir);
    const second = await ensureSandboxOperator(storage, dataDir);
    expect(second).toEqual(first);
    const file = join(dataDir, 'sandbox-operator.json');
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    expect(JSON.parse(await readFile(file, 'utf8'))).toEqual(first);
    const stored = await storage.operators.findByClientId(first.clientId);
    expect(stored?.id).toBe(first.operatorId);
    expect(await verifySecret(first.clientSecret, stored!.clientSecretHash)).toBe(true);
  });
});

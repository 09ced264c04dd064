import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createStorage, migrateDatabase } from '../../src/storage/create-storage.js';
import { createTestDatabase, engines } from '../support/databases.js';
import { insertProvider } from './fixtures.js';

describe('createStorage', () => {
  it('embedded PGlite with a data directory keeps data across restarts and migrates once', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'hdld-pglite-'));
    try {
      const first = await createStorage({ dataDir });
      expect(first.engine).toBe('pglite');
      const provider = await insertProvider(first);
      await first.close();

      const second = await createStorage({ dataDir });
      expect(await second.providers.findById(provider.id)).toEqual(provider);
      await second.close();
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  });

  it.runIf(engines.includes('postgres'))('uses PostgreSQL when given a database URL', async () => {
    const database = await createTestDatabase('postgres');
    try {
      expect((await migrateDatabase({ databaseUrl: database.url })).applied).toContain('001_init');
      const storage = await createStorage({ databaseUrl: database.url });
      expect(storage.engine).toBe('postgres');
      expect(await storage.sandboxClock.offsetMs()).toBe(0);
      await storage.close();
    } finally {
      await database.drop();
    }
  });

  it('rejects when the database cannot be reached', async () => {
    await expect(createStorage({ databaseUrl: 'postgres://postgres@127.0.0.1:1/nowhere' })).rejects.toThrow();
  });
});

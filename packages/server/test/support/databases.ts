import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { createStorage, type Storage } from '../../src/storage/create-storage.js';
import type { Database, Engine } from '../../src/storage/database.js';
import { openPgliteDatabase } from '../../src/storage/pglite-database.js';
import { openPostgresDatabase } from '../../src/storage/postgres-database.js';

/**
 * Test databases on both engines (N1-N5 storage runs on either). PostgreSQL is the local server unless
 * HDLD_TEST_POSTGRES_URL points elsewhere; HDLD_TEST_SKIP_POSTGRES=1 leaves it out on machines without one.
 * Use with `describe.each(engines)('...', (engine) => ...)`.
 */
export const engines: Engine[] =
  process.env.HDLD_TEST_SKIP_POSTGRES === '1' ? ['pglite'] : ['pglite', 'postgres'];

const ADMIN_URL = process.env.HDLD_TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export interface TestDatabase {
  engine: Engine;
  /** PostgreSQL only: connect more pools (other "server processes") to the same database. */
  url?: string;
  /** A fresh connection to this database (PGlite: the one in-memory instance). */
  open(): Promise<Database>;
  /** Drops the database (PostgreSQL) after closing what `open` handed out. */
  drop(): Promise<void>;
}

/** An empty, uniquely named database: PGlite in memory, or a new PostgreSQL database. */
export async function createTestDatabase(engine: Engine): Promise<TestDatabase> {
  if (engine === 'pglite') {
    const db = await openPgliteDatabase();
    return { engine, open: async () => db, drop: () => db.close() };
  }
  const name = `hdld_test_${randomUUID().replaceAll('-', '')}`;
  await withAdmin((admin) => admin.query(`CREATE DATABASE ${name}`));
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  const opened: Database[] = [];
  return {
    engine,
    url: url.toString(),
    async open() {
      const db = openPostgresDatabase({ connectionString: url.toString() });
      opened.push(db);
      return db;
    },
    async drop() {
      await Promise.all(opened.map((db) => db.close()));
      await withAdmin((admin) => admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
    },
  };
}

/** A migrated Storage on a fresh database, plus its cleanup: for intake and API tests. */
export async function createTestStorage(
  engine: Engine,
): Promise<{ storage: Storage; drop(): Promise<void> }> {
  if (engine === 'pglite') {
    const storage = await createStorage();
    return { storage, drop: () => storage.close() };
  }
  const database = await createTestDatabase(engine);
  const storage = await createStorage({ databaseUrl: database.url });
  return {
    storage,
    async drop() {
      await storage.close();
      await database.drop();
    },
  };
}

async function withAdmin<T>(fn: (admin: pg.Client) => Promise<T>): Promise<T> {
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  await admin.connect();
  try {
    return await fn(admin);
  } finally {
    await admin.end();
  }
}

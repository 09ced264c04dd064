import type { Database, Engine, Queryable } from './database.js';
import { type MigrationReport, migrate } from './migrate.js';
import { openPgliteDatabase } from './pglite-database.js';
import { openPostgresDatabase } from './postgres-database.js';
import { createRepositories, type Repositories } from './repositories.js';

export interface StorageOptions {
  /** `postgres://...`: use PostgreSQL. Absent: embedded PGlite. */
  databaseUrl?: string;
  /** PGlite data directory; absent = in memory (tests, demos). Ignored with databaseUrl. */
  dataDir?: string;
  /** Apply pending migrations before returning (default true). */
  migrate?: boolean;
}

export type Storage = Repositories & {
  db: Database;
  engine: Engine;
  /** Runs `fn` in one database transaction with every repository bound to it. */
  transaction<T>(fn: (repos: Repositories & { tx: Queryable }) => Promise<T>): Promise<T>;
  close(): Promise<void>;
};

export async function openDatabase({ databaseUrl, dataDir }: StorageOptions): Promise<Database> {
  return databaseUrl ? openPostgresDatabase({ connectionString: databaseUrl }) : openPgliteDatabase(dataDir);
}

export async function createStorage(options: StorageOptions = {}): Promise<Storage> {
  const db = await openDatabase(options);
  try {
    if (options.migrate ?? true) await migrate(db);
  } catch (error) {
    await db.close();
    throw error;
  }
  return {
    ...createRepositories(db),
    db,
    engine: db.engine,
    transaction: (fn) => db.transaction((tx) => fn({ ...createRepositories(tx), tx })),
    close: () => db.close(),
  };
}

/** The `migrate` command: applies pending migrations to the configured database, then disconnects. */
export async function migrateDatabase(options: StorageOptions): Promise<MigrationReport> {
  const db = await openDatabase(options);
  try {
    return await migrate(db);
  } finally {
    await db.close();
  }
}

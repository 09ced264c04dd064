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
  const repositories = createRepositories(db);
  const apiCalls = groupCommits(repositories.apiCalls.recordMany);
  // Readers of the API call log see every call recorded before they asked (this process's, at least).
  const afterLog =
    <A extends unknown[], R>(read: (...args: A) => Promise<R>) =>
    async (...args: A) => {
      await apiCalls.settled();
      return read(...args);
    };
  return {
    ...repositories,
    apiCalls: {
      ...repositories.apiCalls,
      record: apiCalls.write,
      listByProvider: afterLog(repositories.apiCalls.listByProvider),
    },
    reconciliation: {
      ...repositories.reconciliation,
      byProvider: afterLog(repositories.reconciliation.byProvider),
    },
    db,
    engine: db.engine,
    transaction: (fn) => db.transaction((tx) => fn({ ...createRepositories(tx), tx })),
    async close() {
      await apiCalls.settled();
      await db.close();
    },
  };
}

/**
 * How long a record of the API call log waits for others before they are written together: under
 * load, one statement for some twenty requests instead of one per request or two (each statement is
 * a round trip and a commit). The log is written after the response anyway; a crash loses at most
 * this much of it.
 */
const LOG_LINGER_MS = 50;

/**
 * Group commit for a log written on every request (F35's API call log): the first record waits
 * LOG_LINGER_MS, then it and every record that arrived meanwhile are written in one statement (and,
 * on PGlite, one commit); records arriving during a write go in the next.
 */
function groupCommits<T>(writeMany: (items: T[]) => Promise<void>) {
  let queued: { item: T; resolve(): void; reject(error: unknown): void }[] = [];
  let writing: Promise<void> | undefined;
  const drain = async () => {
    while (queued.length > 0) {
      const batch = queued;
      queued = [];
      try {
        await writeMany(batch.map((b) => b.item));
        for (const b of batch) b.resolve();
      } catch (error) {
        for (const b of batch) b.reject(error);
      }
    }
    writing = undefined;
  };
  return {
    write(item: T): Promise<void> {
      return new Promise((resolve, reject) => {
        queued.push({ item, resolve, reject });
        writing ??= new Promise((linger) => setTimeout(linger, LOG_LINGER_MS)).then(drain);
      });
    },
    /** Resolves once everything recorded so far is written (or failed). */
    settled: async () => {
      while (writing) await writing;
    },
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

import { PGlite, type Transaction } from '@electric-sql/pglite';
import { lockDataDir } from './data-dir-lock.js';
import type { Database, Queryable, QueryResult } from './database.js';

/**
 * Embedded engine (default, nothing to install): Postgres compiled to WASM, in-process, one connection.
 * PGlite itself serialises work on that connection with an async mutex: `transaction()` holds it from
 * BEGIN to COMMIT and every plain `query()` waits for it, so transactions never interleave.
 * See README.md for what survives a crash.
 *
 * @param dataDir directory of the database files; undefined = in memory (tests).
 */
export async function openPgliteDatabase(dataDir?: string): Promise<Database> {
  const unlock = dataDir === undefined ? async () => {} : await lockDataDir(dataDir);
  let pglite: PGlite;
  try {
    pglite = await PGlite.create(dataDir === undefined ? {} : { dataDir });
  } catch (error) {
    await unlock();
    throw error;
  }
  return {
    engine: 'pglite',
    ...queryableOver(pglite),
    transaction: (fn) => pglite.transaction((tx) => fn(queryableOver(tx))),
    async close() {
      await pglite.close();
      await unlock();
    },
  };
}

function queryableOver(target: PGlite | Transaction): Queryable {
  return {
    async query<Row extends object>(sql: string, params: readonly unknown[] = []): Promise<QueryResult<Row>> {
      const result = await target.query<Row>(sql, [...params]);
      return { rows: result.rows, rowCount: result.affectedRows || result.rows.length };
    },
    async exec(sql: string) {
      await target.exec(sql);
    },
  };
}

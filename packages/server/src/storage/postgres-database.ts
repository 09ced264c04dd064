import pg from 'pg';
import type { Database, Queryable, QueryResult } from './database.js';

export interface PostgresOptions {
  connectionString: string;
  /** Pool size; each server process holds at most this many connections. */
  maxConnections?: number;
  /** Reports an idle pooled connection that broke (e.g. server restart); the pool replaces it. */
  onIdleConnectionError?: (error: Error) => void;
}

/** Distinct statements prepared per process; dynamically built SQL beyond this runs unprepared. */
const MAX_PREPARED = 500;

/**
 * Names for prepared statements: each SQL text is parsed and planned once per connection, then only
 * bound and executed (half the CPU of a one-off statement, on both sides, for our short statements).
 * A schema change under a running process (a rolling upgrade's migration) makes PostgreSQL refuse a
 * prepared `SELECT *` ("cached plan must not change result type"): every name then changes, so the
 * statements are prepared afresh (the failed call itself reports the error).
 */
function preparedNames() {
  const names = new Map<string, string>();
  let generation = 0;
  return {
    nameOf(sql: string): string | undefined {
      let name = names.get(sql);
      if (name === undefined && names.size < MAX_PREPARED) {
        name = `hdld_${generation}_${names.size}`;
        names.set(sql, name);
      }
      return name;
    },
    onError(error: unknown) {
      if ((error as { code?: unknown }).code === '0A000') {
        names.clear();
        generation++;
      }
    },
  };
}

/** PostgreSQL engine: a connection pool, each `transaction()` on its own pooled connection. */
export function openPostgresDatabase({
  connectionString,
  maxConnections = 10,
  onIdleConnectionError = () => {},
}: PostgresOptions): Database {
  // Idle connections stay open (idleTimeoutMillis 0): closing them saves nothing on a busy server, and
  // the timer the pool arms on every release otherwise costs more than a short statement.
  const pool = new pg.Pool({ connectionString, max: maxConnections, idleTimeoutMillis: 0 });
  const prepared = preparedNames();
  // Without a listener an idle connection's error event would crash the process.
  pool.on('error', onIdleConnectionError);
  return {
    engine: 'postgres',
    ...queryableOver(pool, prepared),
    async transaction(fn) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await fn(queryableOver(client, prepared));
        await client.query('COMMIT');
        client.release();
        return result;
      } catch (error) {
        // A failed ROLLBACK means the connection is broken: destroy it instead of returning it to the pool.
        const rollbackError = await client.query('ROLLBACK').then(
          () => undefined,
          (failure: unknown) => failure,
        );
        client.release(rollbackError instanceof Error ? rollbackError : undefined);
        throw error;
      }
    },
    close: () => pool.end(),
  };
}

function queryableOver(
  target: pg.Pool | pg.PoolClient,
  prepared: ReturnType<typeof preparedNames>,
): Queryable {
  return {
    async query<Row extends object>(sql: string, params: readonly unknown[] = []): Promise<QueryResult<Row>> {
      try {
        const result = await target.query<Row & pg.QueryResultRow>({
          name: prepared.nameOf(sql),
          text: sql,
          values: [...params],
        });
        return { rows: result.rows, rowCount: result.rowCount ?? result.rows.length };
      } catch (error) {
        prepared.onError(error);
        throw error;
      }
    },
    async exec(sql: string) {
      await target.query(sql);
    },
  };
}

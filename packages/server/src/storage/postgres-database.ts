import pg from 'pg';
import type { Database, Queryable, QueryResult } from './database.js';

export interface PostgresOptions {
  connectionString: string;
  /** Pool size; each server process holds at most this many connections. */
  maxConnections?: number;
  /** Reports an idle pooled connection that broke (e.g. server restart); the pool replaces it. */
  onIdleConnectionError?: (error: Error) => void;
}

/** PostgreSQL engine: a connection pool, each `transaction()` on its own pooled connection. */
export function openPostgresDatabase({
  connectionString,
  maxConnections = 10,
  onIdleConnectionError = () => {},
}: PostgresOptions): Database {
  const pool = new pg.Pool({ connectionString, max: maxConnections });
  // Without a listener an idle connection's error event would crash the process.
  pool.on('error', onIdleConnectionError);
  return {
    engine: 'postgres',
    ...queryableOver(pool),
    async transaction(fn) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await fn(queryableOver(client));
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

function queryableOver(target: pg.Pool | pg.PoolClient): Queryable {
  return {
    async query<Row extends object>(sql: string, params: readonly unknown[] = []): Promise<QueryResult<Row>> {
      const result = await target.query<Row & pg.QueryResultRow>(sql, [...params]);
      return { rows: result.rows, rowCount: result.rowCount ?? result.rows.length };
    },
    async exec(sql: string) {
      await target.query(sql);
    },
  };
}

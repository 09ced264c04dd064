/**
 * The one storage interface of the server (N1-N5): both engines (embedded PGlite and PostgreSQL) speak
 * the same SQL, so repositories only ever see a `Queryable`.
 */

export type Engine = 'pglite' | 'postgres';

export interface QueryResult<Row> {
  rows: Row[];
  /** Rows returned, or rows changed by INSERT/UPDATE/DELETE without RETURNING. */
  rowCount: number;
}

export interface Queryable {
  /** One statement with `$1..$n` parameters. Pass JSON values as `JSON.stringify(value)` (see toJsonParam). */
  query<Row extends object = Record<string, unknown>>(
    sql: string,
    params?: readonly unknown[],
  ): Promise<QueryResult<Row>>;
  /** A parameterless script that may hold several statements (migrations). */
  exec(sql: string): Promise<void>;
}

export interface Database extends Queryable {
  readonly engine: Engine;
  /**
   * Runs `fn` in one database transaction: COMMIT when it resolves, ROLLBACK when it throws.
   * Inside `fn` use only `tx`: on PGlite the single connection is held by the transaction, so a query on
   * the outer `Database` would wait for it forever.
   */
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

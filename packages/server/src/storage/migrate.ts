import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { packageFolder } from '../package-folder.js';
import type { Database } from './database.js';

export interface Migration {
  /** File name without `.sql`, e.g. `001_init`; applied in lexical order. */
  version: string;
  sql: string;
  sha256: string;
}

export interface MigrationReport {
  applied: string[];
  alreadyApplied: string[];
}

/** Arbitrary constant shared by every server process: the key of the migration advisory lock. */
const MIGRATION_LOCK_KEY = 3_372_025;
const MIGRATION_FILE = /^\d{3,}_[a-z0-9_]+\.sql$/;

/**
 * Applies pending migrations in one transaction (Postgres DDL is transactional, so a failed run leaves
 * nothing behind). The transaction first takes an advisory lock, so when several processes start at
 * once the others wait and then find everything applied. A changed, already applied file is an error:
 * migrations are append-only.
 */
export async function migrate(db: Database, migrations?: Migration[]): Promise<MigrationReport> {
  const pending = migrations ?? (await loadMigrations());
  return db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK_KEY]);
    await tx.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
      version text PRIMARY KEY,
      sha256 char(64) NOT NULL,
      applied_at timestamptz NOT NULL DEFAULT now()
    )`);
    const { rows } = await tx.query<{ version: string; sha256: string }>(
      'SELECT version, sha256 FROM schema_migrations',
    );
    const appliedSha = new Map(rows.map((row) => [row.version, row.sha256]));
    const report: MigrationReport = { applied: [], alreadyApplied: [] };
    for (const migration of pending) {
      const previous = appliedSha.get(migration.version);
      if (previous !== undefined) {
        if (previous !== migration.sha256) {
          throw new Error(`migration ${migration.version} was changed after it was applied`);
        }
        report.alreadyApplied.push(migration.version);
        continue;
      }
      await tx.exec(migration.sql);
      await tx.query('INSERT INTO schema_migrations (version, sha256) VALUES ($1, $2)', [
        migration.version,
        migration.sha256,
      ]);
      report.applied.push(migration.version);
    }
    return report;
  });
}

/** Reads `migrations/*.sql` shipped with the package (see package.json "files"). */
export async function loadMigrations(dir: string = packageFolder('migrations')): Promise<Migration[]> {
  const names = (await readdir(dir)).filter((name) => MIGRATION_FILE.test(name)).sort();
  return Promise.all(
    names.map(async (name) => {
      // Normalised so a CRLF checkout does not look like an edited migration.
      const sql = (await readFile(join(dir, name), 'utf8')).replaceAll('\r\n', '\n');
      return {
        version: name.replace(/\.sql$/, ''),
        sql,
        sha256: createHash('sha256').update(sql).digest('hex'),
      };
    }),
  );
}
